"""An item's text for training and evaluation: OCR'd as ingest reads it, cached on disk.

The cache key is the file's SHA-256 and a digest of every setting that changes what OCR
reads, so a second run over the same set does not OCR again and a changed setting does.
"""

from __future__ import annotations

import hashlib
import json
import logging
import time
from collections.abc import Callable, Sequence
from concurrent.futures import as_completed
from dataclasses import dataclass
from pathlib import Path

from mailroom.dataset import LabelledSet
from mailroom.errors import BadInput, MailroomError
from mailroom.files import write_atomically
from mailroom.ingest.intake import sha256_file
from mailroom.parallel import process_pool
from mailroom.settings import Settings

log = logging.getLogger(__name__)

READER_VERSION = "3"  # bump when ingest's way of reading a page changes what it reads
Progress = Callable[[int], None]


@dataclass(frozen=True)
class SetTexts:
    """The texts of a labelled set, in its order, and how they were got."""

    texts: list[str]
    source: str  # "text-column" or "ocr"
    ocr_seconds: list[float]  # seconds each item took to OCR now (0 for a cached one)


def settings_digest(settings: Settings) -> str:
    """A short digest of the settings that change what OCR reads from a file."""
    keys = {
        "lang": settings.ocr.lang,
        "psm": settings.ocr.psm,
        "dpi": settings.ingest.dpi,
        "reader": READER_VERSION,
    }
    return hashlib.sha256(json.dumps(keys, sort_keys=True).encode()).hexdigest()[:12]


def cache_path(path: Path, settings: Settings) -> Path:
    """Where the OCR text of `path` under `settings` is cached."""
    return settings.path("cache", "ocr", f"{sha256_file(path)}-{settings_digest(settings)}.txt")


def cached_document_text(path: Path, settings: Settings) -> tuple[str, float]:
    """The text of `path` as ingest reads it, from the cache or OCR'd now (and cached).

    Returns the text and the seconds spent OCR'ing (0 when cached). Raises BadInput for a
    file that cannot be read.
    """
    from mailroom.ingest.read import document_text

    target = cache_path(path, settings)
    if target.is_file():
        return target.read_text(encoding="utf-8"), 0.0
    start = time.perf_counter()
    try:
        text = document_text(path, settings)
    except MailroomError:
        raise
    except Exception as exc:  # a broken file must name itself, not end in a traceback
        raise BadInput(f"cannot read {path}: {exc}; check the file or remove its row") from exc
    seconds = time.perf_counter() - start
    target.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(target, text)
    return text, seconds


def set_texts(
    labelled: LabelledSet,
    settings: Settings,
    text_column: bool = False,
    workers: int = 2,
    progress: Progress | None = None,
) -> SetTexts:
    """The text of every item of `labelled`, in order.

    With `text_column`, the set's `text` column (BadInput if a row lacks it); otherwise
    each file read as ingest reads it, through the OCR cache, with at most `workers`
    processes.
    """
    if text_column:
        missing = [i.path for i in labelled.items if i.text is None]
        if missing:
            raise BadInput(
                f"{labelled.folder}: --text-column needs a 'text' column, which "
                f"{len(missing)} row(s) lack (first: {missing[0]}); leave out --text-column to OCR the files"
            )
        if progress:
            progress(len(labelled.items))
        return SetTexts([i.text or "" for i in labelled.items], "text-column", [0.0] * len(labelled.items))
    paths = [labelled.file(i) for i in labelled.items]
    results = _read_all(paths, settings, max(1, min(workers, 2)), progress)
    return SetTexts([t for t, _ in results], "ocr", [s for _, s in results])


def _read_all(
    paths: Sequence[Path], settings: Settings, workers: int, progress: Progress | None
) -> list[tuple[str, float]]:
    results: list[tuple[str, float] | None] = [None] * len(paths)
    todo = []
    for index, path in enumerate(paths):
        target = cache_path(path, settings)
        if target.is_file():
            results[index] = (target.read_text(encoding="utf-8"), 0.0)
            if progress:
                progress(1)
        else:
            todo.append(index)
    log.info("%d of %d items cached, %d to OCR", len(paths) - len(todo), len(paths), len(todo))
    if todo and workers == 1:
        for index in todo:
            results[index] = cached_document_text(paths[index], settings)
            if progress:
                progress(1)
    elif todo:
        with process_pool(workers) as pool:
            futures = {pool.submit(cached_document_text, paths[index], settings): index for index in todo}
            for future in as_completed(futures):
                results[futures[future]] = future.result()
                if progress:
                    progress(1)
    return [r for r in results if r is not None]
