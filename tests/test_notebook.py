"""The exploration notebook runs top to bottom on a tiny set and model."""

from __future__ import annotations

import os
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from test_classify_cli import tiny_bundle  # noqa: F401  (the fixture)

from classify_sets import make_text_set

NOTEBOOK = Path(__file__).resolve().parent.parent / "notebooks" / "explore_errors.ipynb"


def test_notebook_runs(tmp_path: Path, monkeypatch, tiny_bundle: Path) -> None:  # noqa: F811
    data = make_text_set(tmp_path / "set", per_pair=3, seed=5)
    monkeypatch.setenv("EXPLORE_DATA", str(data))
    monkeypatch.setenv("EXPLORE_MODEL", str(tiny_bundle))
    monkeypatch.setenv("MAILROOM_HOME", str(tmp_path / "home"))
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    NotebookClient(
        notebook, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}
    ).execute()
    outputs = "".join(
        o.get("text", "") for cell in notebook.cells if cell.cell_type == "code" for o in cell.outputs
    )
    assert "both heads right" in outputs
    assert os.environ["EXPLORE_DATA"] == str(data)
