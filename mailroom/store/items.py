"""Items as records: rows of `items` read into `StoredItem` (their flags validated into
`ItemFlags`), and the queries the review app and dispatch read them with."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from mailroom.item_state import ItemFlags, StoredItem, StoredPage
from mailroom.store.db import Database
from mailroom.store.tables import Event, Item, Page, ReviewDecision


def utc(value: dt.datetime) -> dt.datetime:
    """`value` with UTC attached if the database gave it without a zone (SQLite)."""
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


def flags_of(row: Item) -> ItemFlags:
    return ItemFlags.of(row.flags)


def set_flags(row: Item, flags: ItemFlags) -> None:
    row.flags = flags.to_json()


def item_record(row: Item) -> StoredItem:
    return StoredItem(
        id=row.id, source_id=row.source_id, position=row.position, state=row.state, page_count=row.page_count,
        source_pages=tuple((row.source_pages or {}).get("pages") or ()), pdf_path=row.pdf_path,
        mean_confidence=row.mean_confidence, doc_type=row.doc_type, route=row.route, confidence=row.confidence,
        decision=row.decision, model_version=row.model_version, created_at=utc(row.created_at), flags=flags_of(row),
    )  # fmt: skip


def page_record(row: Page) -> StoredPage:
    return StoredPage(
        number=row.number, source_page=row.source_page, text=row.text, image_path=row.image_path,
        mean_confidence=row.mean_confidence, has_words=bool((row.words or {}).get("words")),
    )  # fmt: skip


def get_item(db: Database, item_id: str) -> StoredItem | None:
    with db.session() as session:
        row = session.get(Item, item_id)
        return item_record(row) if row else None


def items_in(
    db: Database,
    states: Sequence[str],
    route: str | None = None,
    doc_type: str | None = None,
    where: ColumnElement[bool] | None = None,
) -> list[StoredItem]:
    """Items in one of `states` (optionally of one route or document type, and passing
    `where`, e.g. mailroom.review.access.visible_filter), oldest first."""
    query = select(Item).where(Item.state.in_(states)).order_by(Item.created_at, Item.id)
    if where is not None:
        query = query.where(where)
    if route:
        query = query.where(Item.route == route)
    if doc_type:
        query = query.where(Item.doc_type == doc_type)
    with db.session() as session:
        return [item_record(row) for row in session.scalars(query)]


def item_ids_in(db: Database, states: Sequence[str]) -> list[str]:
    """Ids of the items in one of `states`, oldest first."""
    with db.session() as session:
        return list(
            session.scalars(select(Item.id).where(Item.state.in_(states)).order_by(Item.created_at, Item.id))
        )


def pages_of(session: Session, item_id: str) -> list[Page]:
    return list(session.scalars(select(Page).where(Page.item_id == item_id).order_by(Page.number)))


def item_pages(db: Database, item_id: str) -> list[StoredPage]:
    with db.session() as session:
        return [page_record(row) for row in pages_of(session, item_id)]


def item_history(db: Database, item_id: str) -> list[dict[str, Any]]:
    """Review decisions and pipeline events of the item, in time order."""
    with db.session() as session:
        rows: list[dict[str, Any]] = [
            {
                "at": utc(d.at),
                "kind": "review",
                "user": d.user,
                "action": d.action,
                "before": d.before,
                "after": d.after,
            }
            for d in session.scalars(select(ReviewDecision).where(ReviewDecision.item_id == item_id))
        ]
        rows += [
            {
                "at": utc(e.at),
                "kind": e.kind,
                "user": e.detail.get("user", ""),
                "action": "",
                "detail": e.detail,
            }
            for e in session.scalars(select(Event).where(Event.item_id == item_id, Event.kind != "reviewed"))
        ]
    return sorted(rows, key=lambda r: r["at"])
