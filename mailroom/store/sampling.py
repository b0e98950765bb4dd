"""The quality sample's rows: drawing an item (in the transaction that approves it), the
items waiting to be checked, a reviewer's finding, and the counts per route."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Integer, func, select
from sqlalchemy.orm import Session

from mailroom.store.db import Database
from mailroom.store.items import utc
from mailroom.store.tables import Event, Item, QaSample


@dataclass(frozen=True)
class Sample:
    item_id: str
    doc_type: str  # as automated
    route: str
    state: str  # the item's
    sampled_at: dt.datetime
    checked_at: dt.datetime | None
    user: str
    correct: bool | None


def add_sample(session: Session, item: Item) -> None:
    """Draw the item (just approved automatically) into the sample; an event records it."""
    if session.get(QaSample, item.id) is None:
        session.add(QaSample(item_id=item.id, route=item.route or "", doc_type=item.doc_type or ""))
        session.add(Event(kind="sampled", item_id=item.id, source_id=item.source_id, detail={}))


def pending_samples(db: Database) -> list[Sample]:
    """Samples not checked yet, oldest first."""
    with db.session() as session:
        rows = session.execute(
            select(QaSample, Item.state)
            .join(Item, Item.id == QaSample.item_id)
            .where(QaSample.checked_at.is_(None))
            .order_by(QaSample.sampled_at, QaSample.item_id)
        )
        return [_record(sample, state) for sample, state in rows]


def sample_of(db: Database, item_id: str) -> Sample | None:
    with db.session() as session:
        row = session.execute(
            select(QaSample, Item.state)
            .join(Item, Item.id == QaSample.item_id)
            .where(QaSample.item_id == item_id)
        ).first()
        return _record(*row) if row else None


def record_check(db: Database, item_id: str, user: str, doc_type: str, route: str) -> bool | None:
    """A reviewer's finding: the right labels are `doc_type` and `route`. Returns whether the
    automation was right; None if the item is not a sample waiting to be checked."""
    with db.session() as session:
        sample = session.get(QaSample, item_id, with_for_update=True)
        if sample is None or sample.checked_at is not None:
            return None
        sample.checked_at, sample.user = dt.datetime.now(dt.UTC), user
        sample.correct = doc_type == sample.doc_type and route == sample.route
        sample.found_doc_type, sample.found_route = doc_type, route
        source_id = session.scalar(select(Item.source_id).where(Item.id == item_id))
        detail = {"user": user, "correct": sample.correct, "doc_type": doc_type, "route": route}
        session.add(Event(kind="sample_checked", item_id=item_id, source_id=source_id, detail=detail))
        return sample.correct


def sample_counts(db: Database) -> dict[str, tuple[int, int]]:
    """Route → (samples checked, of them correct)."""
    with db.session() as session:
        rows = session.execute(
            select(QaSample.route, func.count(), func.sum(func.cast(QaSample.correct, Integer)))
            .where(QaSample.checked_at.is_not(None))
            .group_by(QaSample.route)
        )
        return {route: (checked, int(correct or 0)) for route, checked, correct in rows}


def _record(sample: QaSample, state: str) -> Sample:
    checked = utc(sample.checked_at) if sample.checked_at else None
    return Sample(sample.item_id, sample.doc_type, sample.route, state, utc(sample.sampled_at), checked,
                  sample.user, sample.correct)  # fmt: skip
