"""Files taken from the hot folder as records, for the intake page and the ways out of
quarantine (see mailroom/review/intake.py)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from mailroom.records import ItemState, SourceState
from mailroom.store.db import Database
from mailroom.store.items import utc
from mailroom.store.tables import Event, Item, SourceFile


@dataclass(frozen=True)
class StoredSource:
    id: int
    sha256: str
    original_name: str
    claim_path: str  # relative to MAILROOM_HOME
    archive_path: str
    state: str
    reason: str
    page_count: int
    blanks: int
    separators: int
    received_at: dt.datetime  # aware UTC


@dataclass(frozen=True)
class SourceListing:
    """Files with the items made of them and their audited events."""

    recent: list[StoredSource]  # received since the given time, newest first
    quarantined: list[StoredSource]  # waiting for a decision, newest first
    items: dict[int, list[tuple[str, str]]]  # source id → (id, state) of its items, by position
    history: dict[int, list[dict[str, Any]]]  # source id → at, kind, user, note of its events


def source_record(row: SourceFile) -> StoredSource:
    split = row.split_info or {}
    return StoredSource(
        id=row.id, sha256=row.sha256, original_name=row.original_name, claim_path=row.claim_path,
        archive_path=row.archive_path, state=row.state, reason=row.reason, page_count=row.page_count,
        blanks=len(split.get("blanks", [])), separators=len(split.get("separators", [])),
        received_at=utc(row.received_at),
    )  # fmt: skip


def get_source(db: Database, source_id: int) -> StoredSource | None:
    with db.session() as session:
        row = session.get(SourceFile, source_id)
        return source_record(row) if row else None


def sources_to_settle(
    db: Database, claim_paths: Collection[str], source_ids: Collection[int]
) -> list[StoredSource]:
    """The files not being split whose claimed copy (`claim_paths`, relative to
    MAILROOM_HOME) or page rasters (`source_ids`) are still on disk: what the folders may
    still have to agree with. Found by those paths and ids, not by reading every file
    ever received."""
    found: dict[int, StoredSource] = {}
    with db.session() as session:
        for column, keys in (
            (SourceFile.claim_path, sorted(claim_paths)),
            (SourceFile.id, sorted(source_ids)),
        ):
            for start in range(0, len(keys), 500):  # a bounded number of parameters per query
                query = select(SourceFile).where(
                    column.in_(keys[start : start + 500]), SourceFile.state != SourceState.SPLIT
                )
                found |= {row.id: source_record(row) for row in session.scalars(query)}
    return [found[key] for key in sorted(found)]


def listing(
    db: Database, since: dt.datetime, limit: int, hidden_items: Sequence[str], audited: Sequence[str]
) -> SourceListing:
    """Files received since `since` (at most `limit`) and every file in quarantine, with
    their items not in `hidden_items` and their events of the `audited` kinds."""
    with db.session() as session:
        recent = session.scalars(
            select(SourceFile)
            .where(SourceFile.received_at >= since)
            .order_by(SourceFile.id.desc())
            .limit(limit)
        ).all()
        open_ = session.scalars(
            select(SourceFile)
            .where(SourceFile.state == SourceState.QUARANTINED)
            .order_by(SourceFile.id.desc())
        ).all()
        ids = {s.id for s in [*recent, *open_]}
        items: dict[int, list[tuple[str, str]]] = {}
        for item_id, source_id, state in session.execute(
            select(Item.id, Item.source_id, Item.state)
            .where(Item.source_id.in_(ids), Item.state.not_in(hidden_items))
            .order_by(Item.position)
        ):
            items.setdefault(source_id, []).append((item_id, state))
        history: dict[int, list[dict[str, Any]]] = {}
        for event in session.scalars(
            select(Event)
            .where(Event.source_id.in_(ids), Event.kind.in_(audited))
            .order_by(Event.at, Event.id)
        ):
            detail = event.detail
            history.setdefault(event.source_id or 0, []).append(
                {
                    "at": utc(event.at),
                    "kind": event.kind,
                    "user": detail.get("user", ""),
                    "note": detail.get("note", ""),
                }
            )
        return SourceListing(
            [source_record(s) for s in recent], [source_record(s) for s in open_], items, history
        )


def leave_quarantine(
    db: Database,
    source_id: int,
    state: SourceState,
    decide: Callable[[StoredSource | None], dict[str, Any]],
    before_commit: Callable[[], None] = lambda: None,
) -> None:
    """Lock the file, let `decide` check it (raising to refuse) and give the event's detail;
    then the file and the item that stood for it in quarantine take `state`, an event of
    that kind says who did what, and `before_commit` runs last before the commit."""
    with db.session() as session:
        source = session.get(SourceFile, source_id, with_for_update=True)
        detail = decide(source_record(source) if source else None)
        assert source is not None
        source.state = state
        stand_in = session.scalars(
            select(Item).where(Item.source_id == source.id, Item.state == ItemState.QUARANTINED)
        ).first()
        if stand_in is not None:
            stand_in.state = ItemState(state.value)
        session.add(
            Event(
                kind=state.value,
                source_id=source.id,
                item_id=stand_in.id if stand_in else None,
                detail=detail,
            )
        )
        session.flush()
        before_commit()


def add_source_event(db: Database, source_id: int, kind: str, detail: dict[str, Any]) -> None:
    with db.session() as session:
        session.add(Event(kind=kind, source_id=source_id, detail=detail))
