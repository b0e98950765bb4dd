"""Shared fixtures: the project's taxonomy and small labelled sets built on the fly."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from mailroom.settings import PACKAGE_CONFIG_DIR
from mailroom.taxonomy import Taxonomy, load_taxonomy


@pytest.fixture(scope="session")
def taxonomy() -> Taxonomy:
    return load_taxonomy(PACKAGE_CONFIG_DIR / "taxonomy.yaml")


def write_image(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("L", (40, 56), 255).save(path)
    return path


def write_labels(folder: Path, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "labels.csv"
    path.write_text(text, encoding="utf-8")
    return path
