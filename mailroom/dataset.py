"""Labelled mail sets in the one layout of shared/DATASET.md: read, validate, write.

A set is a folder with `labels.csv` (columns path, doc_type, route and optional others)
and the files it names; batch scans live in `batches/` with `batches.csv`. Readers
reject every bad row with its number and the problem, and skip nothing silently.
"""

from __future__ import annotations

import csv
import os
import shutil
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from mailroom.errors import BadInput
from mailroom.files import replacing
from mailroom.taxonomy import Taxonomy

LABELS_FILE = "labels.csv"
BATCHES_DIR = "batches"
BATCHES_FILE = "batches.csv"
ITEM_SUFFIXES = (".pdf", ".tif", ".tiff", ".png", ".jpg", ".jpeg")
LABEL_COLUMNS = ("path", "doc_type", "route")
BATCH_COLUMNS = ("batch", "position", "pages", "doc_type", "route")
SPLITS = ("train", "test", "learn", "check")  # learn/check: an evaluation-only set (deveval)
TRAINABLE_SPLITS = ("", "train", "learn")  # check rows are never trained, calibrated or tuned on
MAX_REPORTED_PROBLEMS = 50


@dataclass(frozen=True)
class LabelledItem:
    """One row of labels.csv: a mail item's file and its two labels."""

    path: str  # relative to the set's folder, "/"-separated
    doc_type: str
    route: str
    extra: Mapping[str, str] = field(default_factory=dict)  # optional columns (split, text, ...)

    @property
    def split(self) -> str:
        return self.extra.get("split", "")

    @property
    def text(self) -> str | None:
        return self.extra.get("text")


@dataclass(frozen=True)
class BatchEntry:
    """One row of batches/batches.csv: an item's place in a batch scan."""

    batch: str
    position: int
    pages: int
    doc_type: str
    route: str
    extra: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class LabelledSet:
    folder: Path
    items: tuple[LabelledItem, ...]

    def file(self, item: LabelledItem) -> Path:
        return self.folder / item.path


def read_dataset(folder: Path, taxonomy: Taxonomy) -> LabelledSet:
    """Read and validate `folder/labels.csv`.

    Raises BadInput listing every bad row by number (1 = first row after the header):
    missing file, label not in the taxonomy, path leaving the folder, unknown split,
    duplicate path, wrong number of fields; or the file itself (missing, not UTF-8 CSV,
    missing column, no rows).
    """
    rows = _read_csv(folder / LABELS_FILE, LABEL_COLUMNS)
    problems: list[str] = []
    items: list[LabelledItem] = []
    seen: dict[str, int] = {}
    for number, row in rows:
        row_problems = _check_item_row(folder, row, taxonomy)
        if row["path"] in seen:
            row_problems.append(f"path '{row['path']}' already stands in row {seen[row['path']]}")
        seen.setdefault(row["path"], number)
        problems += [f"{LABELS_FILE} row {number}: {p}" for p in row_problems]
        extra = {k: v for k, v in row.items() if k not in LABEL_COLUMNS}
        items.append(LabelledItem(row["path"], row["doc_type"], row["route"], extra))
    _raise_if(problems, folder / LABELS_FILE)
    return LabelledSet(folder, tuple(items))


def read_batches(folder: Path, taxonomy: Taxonomy) -> list[BatchEntry]:
    """Read and validate `folder/batches/batches.csv` (same rules as read_dataset).

    Positions must run 1, 2, 3 ... within each batch and pages must be positive.
    """
    batches_dir = folder / BATCHES_DIR
    rows = _read_csv(batches_dir / BATCHES_FILE, BATCH_COLUMNS)
    problems: list[str] = []
    entries: list[BatchEntry] = []
    next_position: dict[str, int] = {}
    for number, row in rows:
        row_problems = _check_path(batches_dir, row["batch"]) + taxonomy.check(row["doc_type"], row["route"])
        position, pages = (
            _positive_int(row, "position", row_problems),
            _positive_int(row, "pages", row_problems),
        )
        expected = next_position.get(row["batch"], 1)
        if position is not None and position != expected:
            row_problems.append(f"position {position} should be {expected} in batch {row['batch']}")
        next_position[row["batch"]] = expected + 1
        problems += [f"{BATCHES_FILE} row {number}: {p}" for p in row_problems]
        extra = {k: v for k, v in row.items() if k not in BATCH_COLUMNS}
        entries.append(
            BatchEntry(row["batch"], position or 0, pages or 0, row["doc_type"], row["route"], extra)
        )
    _raise_if(problems, batches_dir / BATCHES_FILE)
    return entries


def write_dataset(folder: Path, items: Sequence[LabelledItem]) -> Path:
    """Write labels.csv for items whose files are already in `folder`; returns its path."""
    return _write_csv(
        folder / LABELS_FILE,
        LABEL_COLUMNS,
        ({"path": i.path, "doc_type": i.doc_type, "route": i.route, **i.extra} for i in items),
    )


def copy_dataset(labelled: LabelledSet, items: Sequence[LabelledItem], out: Path) -> Path:
    """A new set in `out` (which must not exist) with `items`' rows and their files from
    `labelled` (hard links where the file system allows, copies otherwise)."""
    if out.exists():
        raise BadInput(f"{out} already exists; choose a new folder for the copy")
    for item in items:
        target = out / item.path
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(labelled.file(item), target)
        except OSError:
            shutil.copy2(labelled.file(item), target)
    return write_dataset(out, items)


def write_batches(folder: Path, entries: Sequence[BatchEntry]) -> Path:
    """Write batches/batches.csv for batch files already in `folder/batches`."""
    rows = (
        {
            "batch": e.batch,
            "position": str(e.position),
            "pages": str(e.pages),
            "doc_type": e.doc_type,
            "route": e.route,
            **e.extra,
        }
        for e in entries
    )
    return _write_csv(folder / BATCHES_DIR / BATCHES_FILE, BATCH_COLUMNS, rows)


def _read_csv(path: Path, required: Sequence[str]) -> list[tuple[int, dict[str, str]]]:
    if not path.is_file():
        raise BadInput(f"{path} does not exist: a labelled set needs its {path.name}")
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.reader(handle)
            header = next(reader, None)
            if header is None:
                raise BadInput(f"{path} is empty: it needs a header row with {', '.join(required)}")
            missing = [c for c in required if c not in header]
            if missing:
                raise BadInput(f"{path} lacks the column(s) {', '.join(missing)} in its header")
            rows = list(_rows(reader, header, path))
    except UnicodeDecodeError as exc:
        raise BadInput(f"{path} is not UTF-8 text ({exc.reason} at byte {exc.start})") from exc
    except csv.Error as exc:
        raise BadInput(f"{path} is not readable as CSV: {exc}") from exc
    if not rows:
        raise BadInput(f"{path} has a header but no rows: the set is empty")
    return rows


def _rows(reader: Iterable[list[str]], header: list[str], path: Path):
    problems = []
    for number, fields in enumerate(reader, start=1):
        if len(fields) != len(header):
            problems.append(
                f"{path.name} row {number}: has {len(fields)} fields, the header has {len(header)}"
            )
            continue
        yield number, dict(zip(header, fields, strict=True))
    _raise_if(problems, path)


def _check_item_row(folder: Path, row: dict[str, str], taxonomy: Taxonomy) -> list[str]:
    problems = _check_path(folder, row["path"])
    if not problems:
        suffix = PurePosixPath(row["path"]).suffix.lower()
        if suffix not in ITEM_SUFFIXES:
            problems.append(f"'{row['path']}' is not one of {', '.join(ITEM_SUFFIXES)}")
    problems += taxonomy.check(row["doc_type"], row["route"])
    split = row.get("split", "")
    if split and split not in SPLITS:
        problems.append(f"split '{split}' is none of {', '.join(SPLITS)}")
    return problems


def _check_path(folder: Path, relative: str) -> list[str]:
    if not relative:
        return ["path is empty"]
    posix = PurePosixPath(relative)
    if "\\" in relative or posix.is_absolute() or ".." in posix.parts:
        return [f"path '{relative}' leaves the dataset folder"]
    target = folder / posix
    root = folder.resolve()
    if not target.resolve().is_relative_to(root):
        return [f"path '{relative}' leaves the dataset folder (through a link)"]
    if not target.is_file():
        return [f"file '{relative}' does not exist"]
    return []


def _positive_int(row: dict[str, str], column: str, problems: list[str]) -> int | None:
    try:
        value = int(row[column])
    except ValueError:
        problems.append(f"{column} '{row[column]}' is not a whole number")
        return None
    if value < 1:
        problems.append(f"{column} {value} must be at least 1")
        return None
    return value


def _raise_if(problems: list[str], path: Path) -> None:
    if not problems:
        return
    shown = problems[:MAX_REPORTED_PROBLEMS]
    more = len(problems) - len(shown)
    tail = f"\n  ... and {more} more" if more else ""
    raise BadInput(f"{path}: {len(problems)} bad row(s):\n  " + "\n  ".join(shown) + tail)


def _write_csv(path: Path, first: Sequence[str], rows: Iterable[Mapping[str, str]]) -> Path:
    rows = list(rows)
    columns = list(first) + sorted({k for r in rows for k in r} - set(first))
    path.parent.mkdir(parents=True, exist_ok=True)
    with replacing(path) as temporary, temporary.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return path
