"""The archive's reads and writes: what a transfer note is made of, and the archival copy
of an item (`archive_copies`) with an `archived` event."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from mailroom.item_state import StoredItem
from mailroom.store.db import Database
from mailroom.store.items import item_record, utc
from mailroom.store.tables import ArchiveCopy, Event, Item, Page, ReviewDecision, SourceFile


@dataclass(frozen=True)
class PageFacts:
    number: int
    rotation: int  # degrees turned to make it upright
    skew: float  # degrees corrected
    flags: tuple[str, ...]


@dataclass(frozen=True)
class ReviewFacts:
    user: str
    at: dt.datetime  # aware UTC
    action: str  # "confirm", "correct", "unreadable"


@dataclass(frozen=True)
class TransferFacts:
    """What the database knows about how an item was scanned and checked."""

    item: StoredItem
    source_name: str
    source_sha256: str
    received_at: dt.datetime  # aware UTC
    source_pages: int  # pages of the scanned file
    dpis: tuple[int, ...]  # per page of the scanned file, where known
    separators: tuple[int, ...]  # pages of the scanned file that were separator sheets
    blanks: tuple[int, ...]  # blank back sides dropped
    pages: tuple[PageFacts, ...]
    review: ReviewFacts | None  # the last review decision
    removed: tuple[str, ...]  # active content and files taken out of the item's PDF


@dataclass(frozen=True)
class ArchivedCopy:
    """An item's archival copy as recorded."""

    item_id: str
    path: str  # relative to MAILROOM_HOME
    sha256: str
    original_sha256: str
    searchable_sha256: str
    sealed: bool
    transfer_note: dict[str, Any]
    made_at: dt.datetime


def transfer_facts(db: Database, item_id: str) -> TransferFacts:
    """The facts of one item's transfer note. Raises sqlalchemy's NoResultFound for an unknown item."""
    with db.session() as session:
        item = session.get_one(Item, item_id)
        source = session.get_one(SourceFile, item.source_id)
        pages = session.scalars(select(Page).where(Page.item_id == item_id).order_by(Page.number)).all()
        review = session.scalars(
            select(ReviewDecision).where(ReviewDecision.item_id == item_id).order_by(ReviewDecision.id.desc())
        ).first()
        cleaned = session.scalars(
            select(Event.detail).where(Event.item_id == item_id, Event.kind == "pdf_cleaned")
        ).all()
        split = source.split_info or {}
        return TransferFacts(
            item=item_record(item), source_name=source.original_name, source_sha256=source.sha256,
            received_at=utc(source.received_at), source_pages=source.page_count,
            dpis=tuple(int(d) for d in split.get("dpi") or ()), separators=tuple(split.get("separators") or ()),
            blanks=tuple(split.get("blanks") or ()),
            pages=tuple(PageFacts(p.number, p.rotation, p.skew, tuple((p.flags or {}).get("flags") or ())) for p in pages),
            review=ReviewFacts(review.user, utc(review.at), review.action) if review else None,
            removed=tuple(str(r) for detail in cleaned for r in detail.get("removed") or ()),
        )  # fmt: skip


def archived_copy(db: Database, item_id: str) -> ArchivedCopy | None:
    with db.session() as session:
        row = session.get(ArchiveCopy, item_id)
        return None if row is None else _record(row)


def record_archived(db: Database, copy: ArchivedCopy) -> ArchivedCopy:
    """Record an item's archival copy (replacing an earlier record) and an `archived` event."""
    with db.session() as session:
        row = session.get(ArchiveCopy, copy.item_id) or ArchiveCopy(item_id=copy.item_id)
        row.path, row.sha256, row.sealed = copy.path, copy.sha256, copy.sealed
        row.original_sha256, row.searchable_sha256 = copy.original_sha256, copy.searchable_sha256
        row.transfer_note, row.made_at = copy.transfer_note, copy.made_at
        session.add(row)
        item = session.get_one(Item, copy.item_id)
        detail = {"path": copy.path, "sha256": copy.sha256, "sealed": copy.sealed}
        session.add(
            Event(kind="archived", source_id=item.source_id, item_id=item.id, at=copy.made_at, detail=detail)
        )
        session.flush()
        return _record(row)


def _record(row: ArchiveCopy) -> ArchivedCopy:
    return ArchivedCopy(
        row.item_id, row.path, row.sha256, row.original_sha256, row.searchable_sha256, row.sealed,
        dict(row.transfer_note), utc(row.made_at),
    )  # fmt: skip
