"""Reviewed items exported as a labelled set (shared DATASET.md) for `mailroom train --data`."""

from __future__ import annotations

import shutil
from pathlib import Path

from mailroom.dataset import LabelledItem, write_dataset
from mailroom.records import ItemState
from mailroom.settings import Settings
from mailroom.store.db import Database
from mailroom.store.review import reviewed_items

EXPORTED_STATES = (ItemState.APPROVED, ItemState.DISPATCHED, ItemState.DEAD_LETTER)


def export_feedback(settings: Settings, db: Database, out: Path) -> list[LabelledItem]:
    """Copy the searchable PDF of every item a reviewer confirmed or corrected to
    `out/items/<id>.pdf` and write `out/labels.csv` (path, doc_type, route, text, action).
    Items whose PDF is missing are skipped. Returns the rows written."""
    rows = []
    (out / "items").mkdir(parents=True, exist_ok=True)
    for item, text, action in reviewed_items(db, EXPORTED_STATES):
        source = settings.home / item.pdf_path
        if not item.pdf_path or not source.is_file():
            continue
        shutil.copyfile(source, out / "items" / f"{item.id}.pdf")
        extra = {"text": text, "review": action}
        rows.append(LabelledItem(f"items/{item.id}.pdf", item.doc_type or "", item.route or "", extra))
    write_dataset(out, rows)
    return rows
