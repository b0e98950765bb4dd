"""Read-only queries used by the CLI and, later, the web app."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from mailroom.store.db import Database
from mailroom.store.tables import Item, SourceFile


def list_items(db: Database, state: str | None = None) -> list[dict[str, Any]]:
    """Items (oldest first) as plain dicts: id, source file, SHA-256, pages, state, and
    once classified doc_type, route, confidence, decision; the reason for quarantined ones."""
    query = (
        select(Item, SourceFile)
        .join(SourceFile, Item.source_id == SourceFile.id)
        .order_by(Item.created_at, Item.id)
    )
    if state is not None:
        query = query.where(Item.state == state)
    with db.session() as session:
        rows = session.execute(query).all()
    return [_item_dict(item, source) for item, source in rows]


def _item_dict(item: Item, source: SourceFile) -> dict[str, Any]:
    row: dict[str, Any] = {
        "id": item.id,
        "source_file": source.original_name,
        "sha256": source.sha256,
        "position": item.position,
        "pages": item.page_count,
        "state": item.state,
    }
    if item.state == "quarantined":
        row["reason"] = source.reason
    if item.doc_type is not None:
        row |= {
            "doc_type": item.doc_type,
            "route": item.route,
            "confidence": item.confidence,
            "decision": item.decision,
        }
    return row


def item_texts(db: Database) -> dict[str, str]:
    """OCR text of every item, keyed by its source file's name (page texts joined)."""
    from mailroom.store.tables import Page

    query = (
        select(SourceFile.original_name, Item.position, Page.number, Page.text)
        .join(Item, Item.source_id == SourceFile.id)
        .join(Page, Page.item_id == Item.id)
        .order_by(SourceFile.original_name, Item.position, Page.number)
    )
    texts: dict[str, list[str]] = {}
    with db.session() as session:
        for name, _position, _number, text in session.execute(query):
            texts.setdefault(name, []).append(text)
    return {name: "\n".join(parts) for name, parts in texts.items()}
