"""The database side of retention: items that may expire, legal holds, and the deletion of
one expired item's rows in one transaction that writes its deletion record.

The audit rows of the item (its events, review decisions and read audit rows, and the
events of its source file when the file goes too) are deleted while the transaction holds a
`retention_pass` row (the only way past the append-only triggers); their chain links are
kept in the deletion record, and a `deleted` event (no personal data) joins the chain."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

from sqlalchemy import Table, delete, or_, select
from sqlalchemy.orm import Session

from mailroom.records import ItemState
from mailroom.store.chain import TABLES, content_hash
from mailroom.store.db import Database
from mailroom.store.items import flags_of, utc
from mailroom.store.tables import (
    ArchiveCopy,
    DeletionRecord,
    Delivery,
    Event,
    Item,
    ItemAccess,
    LegalHold,
    Page,
    QaSample,
    ReadAudit,
    RetentionPass,
    ReviewDecision,
    SourceFile,
    StageTask,
)


@dataclass(frozen=True)
class Kept:
    """An item retention may concern: a dispatched item and whether it is on hold."""

    id: str
    doc_type: str
    route: str
    received_at: dt.datetime
    hold: str  # the Löschsperre's reason, "" if none


@dataclass(frozen=True)
class Deleted:
    """What the deletion of one item removed from the database; its files are for the caller."""

    record_id: int
    files: list[str]  # relative to MAILROOM_HOME: page images, PDFs, attachments, the original if it went
    folders: list[str]  # the item's work folder


def dispatched_items(db: Database) -> list[Kept]:
    with db.session() as session:
        holds = dict(session.execute(select(LegalHold.item_id, LegalHold.reason)).all())
        rows = session.execute(
            select(Item.id, Item.doc_type, Item.route, Item.created_at).where(
                Item.state == ItemState.DISPATCHED
            )
        )
        return [Kept(i, d or "", r or "", utc(at), holds.get(i, "")) for i, d, r, at in rows]


def set_hold(db: Database, item_id: str, user: str, reason: str) -> bool:
    """Put a Löschsperre on the item (an event records it). False if there is no such item."""
    with db.session() as session:
        item = session.get(Item, item_id)
        if item is None:
            return False
        hold = session.get(LegalHold, item_id) or LegalHold(item_id=item_id)
        hold.reason, hold.user, hold.at = reason, user, dt.datetime.now(dt.UTC)
        session.merge(hold)
        session.add(Event(kind="legal_hold", item_id=item_id, source_id=item.source_id,
                          detail={"user": user, "reason": reason}))  # fmt: skip
        return True


def release_hold(db: Database, item_id: str, user: str) -> bool:
    """Lift the item's Löschsperre (an event records it). False if it had none."""
    with db.session() as session:
        hold = session.get(LegalHold, item_id)
        if hold is None:
            return False
        session.delete(hold)
        source_id = session.scalar(select(Item.source_id).where(Item.id == item_id))
        session.add(
            Event(kind="legal_hold_released", item_id=item_id, source_id=source_id, detail={"user": user})
        )
        return True


def hold_of(db: Database, item_id: str) -> tuple[str, str, dt.datetime] | None:
    """The item's Löschsperre: reason, who, when; None if it has none."""
    with db.session() as session:
        hold = session.get(LegalHold, item_id)
        return (hold.reason, hold.user, utc(hold.at)) if hold else None


def delete_item(
    db: Database, item_id: str, expired_on: dt.date, legal_basis: str, models: list[dict[str, Any]]
) -> Deleted | None:
    """Delete every row of the expired item (and its source file's, if no other item of the
    file is left) and write its deletion record. None if the item is gone, no longer
    dispatched or put on hold meanwhile."""
    with db.session() as session:
        item = session.get(Item, item_id, with_for_update=True)
        if item is None or item.state != ItemState.DISPATCHED or session.get(LegalHold, item_id) is not None:
            return None
        session.add(RetentionPass())
        session.flush()
        pages = session.scalars(select(Page).where(Page.item_id == item_id)).all()
        files = [p.image_path for p in pages] + [item.pdf_path] + list(flags_of(item).attachments.values())
        copy = session.get(ArchiveCopy, item_id)  # the PDF/A archival copy, made at dispatch
        files += [copy.path] if copy else []
        sources = _sources_going(session, item)
        links: dict[str, list[list[Any]]] = {}
        counts = {"pages": len(pages)}
        item_rows = {
            "events": Event.item_id == item_id,
            "review_decisions": ReviewDecision.item_id == item_id,
            "read_audit": ReadAudit.item_id == item_id,
        }
        if sources:
            item_rows["events"] = or_(Event.item_id == item_id, Event.source_id.in_([s.id for s in sources]))
        for name, where in item_rows.items():
            links[name] = _audit_links(session, name, where)
            counts[name] = len(links[name])
            session.execute(delete(TABLES[name]).where(where))
        for model in (Page, Delivery, QaSample, ArchiveCopy):
            counts[model.__tablename__] = len(
                session.scalars(select(model).where(model.item_id == item_id)).all()
            )
            session.execute(delete(model).where(model.item_id == item_id))
        session.execute(delete(ItemAccess).where(ItemAccess.item_id == item_id))
        session.execute(delete(StageTask).where(StageTask.subject == item_id))
        record = DeletionRecord(
            item_hash=hashlib.sha256(item_id.encode()).hexdigest(), doc_type=item.doc_type or "",
            route=item.route or "", received_on=utc(item.created_at).date(), expired_on=expired_on,
            legal_basis=legal_basis, counts=counts, links=links, models={"runs": models},
        )  # fmt: skip
        session.delete(item)
        session.flush()
        for source in sources:
            others = select(SourceFile.id).where(SourceFile.archive_path == source.archive_path)
            if source.archive_path and len(session.scalars(others).all()) == 1:
                files.append(source.archive_path)
            session.execute(delete(StageTask).where(StageTask.subject == str(source.id)))
            session.delete(source)
            session.flush()
        record.counts = {**counts, "source_files": len(sources), "files": len([f for f in files if f])}
        session.add(record)
        session.execute(delete(RetentionPass))
        session.flush()
        digest = hashlib.sha256(json.dumps(links, sort_keys=True).encode()).hexdigest()
        session.add(Event(kind="deleted", detail={"deletion_record": record.id, "item_hash": record.item_hash,
                                                  "links_sha256": digest}))  # fmt: skip
        folders = sorted({str(PurePosixPath(p.image_path).parent) for p in pages})
        return Deleted(record.id, [f for f in files if f], folders)


def _sources_going(session: Session, item: Item) -> list[SourceFile]:
    """The item's source file (with its duplicates) if no other item is made of it."""
    others = session.scalar(
        select(Item.id).where(Item.source_id == item.source_id, Item.id != item.id).limit(1)
    )
    if others is not None:
        return []
    source = session.get_one(SourceFile, item.source_id, with_for_update=True)
    duplicates = session.scalars(select(SourceFile).where(SourceFile.duplicate_of == source.id)).all()
    return [*duplicates, source]


def _audit_links(session: Session, name: str, where: Any) -> list[list[Any]]:
    """[seq, content hash, chain hash] of the audit rows about to be deleted."""
    table: Table = TABLES[name]
    rows = session.execute(select(table).where(where).order_by(table.c.chain_seq)).mappings().all()
    return [
        [row["chain_seq"], content_hash(name, row), row["chain_hash"]] for row in rows if row["chain_seq"]
    ]


def deletion_records(db: Database, limit: int = 100) -> list[dict[str, Any]]:
    """The newest deletion records, as plain facts (no personal data in them)."""
    with db.session() as session:
        rows = session.scalars(select(DeletionRecord).order_by(DeletionRecord.id.desc()).limit(limit))
        return [
            {
                "id": r.id,
                "item_hash": r.item_hash,
                "doc_type": r.doc_type,
                "route": r.route,
                "received_on": r.received_on.isoformat(),
                "expired_on": r.expired_on.isoformat(),
                "deleted_at": utc(r.deleted_at).isoformat(),
                "legal_basis": r.legal_basis,
                "counts": r.counts,
                "models": r.models.get("runs", []),
            }  # fmt: skip
            for r in rows
        ]
