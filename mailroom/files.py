"""Reading configuration files, and writing files and folders whole or not at all: the one
YAML loader and the one temp-and-rename helper of the package."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import yaml

from mailroom.errors import BadConfig


def read_yaml(path: Path, what: str = "") -> Any:
    """The data of a YAML file (None for an empty one). Raises BadConfig naming `what`
    ("taxonomy", "rules", ...) and the file if it cannot be read or parsed."""
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise BadConfig(f"cannot read {what + ' ' if what else ''}{path}: {exc}") from exc


@contextmanager
def replacing(path: Path, durable: bool = False) -> Iterator[Path]:
    """A temporary path beside `path` to write to; it replaces `path` when the block ends
    without an error, and is removed otherwise. A process killed meanwhile leaves `path`
    as it was. `durable`: the file and the rename are on disk when the block ends."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.part")
    try:
        yield temporary
        if durable:
            with open(temporary, "rb") as handle:
                os.fsync(handle.fileno())
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)
    if durable:
        sync_folder(path.parent)


def write_atomically(path: Path, content: bytes | str, durable: bool = False) -> None:
    """Make `path` hold `content` (text as UTF-8), whole or not at all."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    with replacing(path, durable) as temporary:
        temporary.write_bytes(data)


def replace_folder(target: Path, made: Path) -> None:
    """Put the folder `made` (written beside `target`) in the place of `target`, there or
    not: at every moment one of the two whole folders is in place, or neither yet."""
    old = target.with_name(f".{target.name}.{os.getpid()}.old")
    if target.exists():
        os.replace(target, old)
    os.replace(made, target)
    shutil.rmtree(old, ignore_errors=True)


def sync_folder(folder: Path) -> None:
    """Make a rename in `folder` durable (a power cut must not undo it)."""
    handle = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)
