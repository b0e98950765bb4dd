"""Reviewed items exported as a labelled set (shared DATASET.md) for `mailroom train --data`."""

from __future__ import annotations

import shutil
from pathlib import Path

from sqlalchemy import select

from mailroom.dataset import LabelledItem, write_dataset
from mailroom.records import ItemState
from mailroom.settings import Settings
from mailroom.store.db import Database
from mailroom.store.tables import Item, Page, ReviewDecision

EXPORTED_STATES = (ItemState.APPROVED, ItemState.DISPATCHED, ItemState.DEAD_LETTER)


def export_feedback(settings: Settings, db: Database, out: Path) -> list[LabelledItem]:
    """Copy the searchable PDF of every item a reviewer confirmed or corrected to
    `out/items/<id>.pdf` and write `out/labels.csv` (path, doc_type, route, text, action).
    Items whose PDF is missing are skipped. Returns the rows written."""
    rows = []
    (out / "items").mkdir(parents=True, exist_ok=True)
    for item, text, action in _reviewed(db):
        source = settings.home / item.pdf_path
        if not item.pdf_path or not source.is_file():
            continue
        shutil.copyfile(source, out / "items" / f"{item.id}.pdf")
        extra = {"text": text, "review": action}
        rows.append(LabelledItem(f"items/{item.id}.pdf", item.doc_type or "", item.route or "", extra))
    write_dataset(out, rows)
    return rows


def _reviewed(db: Database) -> list[tuple[Item, str, str]]:
    """(item, OCR text, last review action) of the reviewed items still labelled as decided."""
    with db.session() as session:
        last: dict[str, str] = {}
        for item_id, action in session.execute(
            select(ReviewDecision.item_id, ReviewDecision.action).order_by(ReviewDecision.id)
        ):
            last[item_id] = action
        ids = [i for i, action in last.items() if action in ("confirm", "correct")]
        items = session.scalars(
            select(Item).where(Item.id.in_(ids), Item.state.in_(EXPORTED_STATES)).order_by(Item.id)
        )
        result = []
        for item in items:
            texts = session.scalars(select(Page.text).where(Page.item_id == item.id).order_by(Page.number))
            result.append((item, "\n".join(texts), last[item.id]))
        return result
