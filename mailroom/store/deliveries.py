"""The `deliveries` rows of dispatch: made on first sight, claimed for one attempt at a
time, and the outcome recorded with the item's state and an event (see
mailroom/dispatch/dispatch.py for the protocol)."""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, or_, select, update
from sqlalchemy.orm import Session

from mailroom.errors import BadInput
from mailroom.item_state import StoredItem
from mailroom.records import Delivery, DeliveryOutcome, ItemState
from mailroom.store.db import Database
from mailroom.store.items import item_record
from mailroom.store.tables import Delivery as DeliveryRow
from mailroom.store.tables import Event, Item, SourceFile

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Claimed:
    """A delivery this process holds for one attempt."""

    row_id: int
    key: str  # the idempotency key
    route: str


@dataclass(frozen=True)
class Shipment:
    """What a delivery of an item carries besides its files: the item, its source file and
    the event trail."""

    item: StoredItem
    source_name: str
    source_sha256: str
    received_at: dt.datetime
    trail: list[tuple[dt.datetime, str, dict[str, Any]]]  # at, kind, detail


def claim(
    db: Database,
    item_id: str,
    ready: Sequence[str],
    targets: Mapping[str, tuple[str, str]],
    now: dt.datetime,
    max_attempts: int,
    lease: dt.timedelta,
) -> Claimed | Delivery | None:
    """Take the delivery of an item in one of the `ready` states to its route's target
    (`targets`: route → (connector, target key)) for one attempt. None if the item is not
    ready; the Delivery if it needs no attempt (no target, delivered, attempts used up, not due)."""
    with db.session() as session:
        item = session.get(Item, item_id)
        if item is None or item.state not in ready:
            return None
        target = targets.get(item.route or "")
        if target is None:
            return _dead_letter(
                session, item, None, f"no connector for route {item.route!r} in routes.yaml", now
            )
        row = _delivery_row(session, item, *target)
        if row.delivered_at is not None:  # delivered and recorded before; only the state is behind
            return _mark_dispatched(session, item, row, now)
        if row.attempts >= max_attempts:  # the last attempt never finished
            return _dead_letter(session, item, row, row.last_error or "the last attempt did not finish", now)
        if not _claim(session, row, now, lease):
            return _record(row, DeliveryOutcome.WAITING)
        return Claimed(row.id, row.idempotency_key, item.route or "")


def shipment(db: Database, item_id: str) -> Shipment:
    with db.session() as session:
        item = session.get_one(Item, item_id)
        source = session.get_one(SourceFile, item.source_id)
        events = session.scalars(
            select(Event)
            .where(
                (Event.item_id == item.id) | (Event.item_id.is_(None) & (Event.source_id == item.source_id))
            )
            .order_by(Event.id)
        ).all()
        return Shipment(
            item_record(item), source.original_name, source.sha256, source.received_at,
            [(e.at, e.kind, e.detail) for e in events],
        )  # fmt: skip


def record_success(db: Database, item_id: str, row_id: int, receipt: str, now: dt.datetime) -> Delivery:
    with db.session() as session:
        row = session.get_one(DeliveryRow, row_id)
        row.delivered_at, row.next_attempt_at, row.receipt = now, None, receipt
        return _mark_dispatched(session, session.get_one(Item, item_id), row, now)


def record_failure(
    db: Database,
    item_id: str,
    row_id: int,
    message: str,
    give_up: bool,
    now: dt.datetime,
    max_attempts: int,
    backoff: Callable[[int], dt.timedelta],
) -> Delivery:
    """A failed attempt: tried again after `backoff(attempts)`, or a dead letter if
    `give_up` or the attempts are used up."""
    with db.session() as session:
        row, item = session.get_one(DeliveryRow, row_id), session.get_one(Item, item_id)
        row.last_error = message
        if give_up or row.attempts >= max_attempts:
            return _dead_letter(session, item, row, message, now)
        next_attempt_at = now + backoff(row.attempts)
        row.next_attempt_at = next_attempt_at
        detail = {
            "target": row.target,
            "attempt": row.attempts,
            "error": message,
            "next_attempt_at": next_attempt_at.isoformat(),
        }
        _event(session, item, "dispatch_failed", now, detail)
        return _record(row, DeliveryOutcome.FAILED, message)


def retry_dead_letter(db: Database, item_id: str, now: dt.datetime) -> ItemState:
    """Put a dead-lettered item back to the state it was dispatched from, with fresh
    attempts, due at once. Returns that state. Raises BadInput if it is not a dead letter."""
    with db.session() as session:
        item = session.get(Item, item_id)
        if item is None:
            raise BadInput(f"there is no item {item_id}; `mailroom dispatch --dead-letters` lists them")
        if item.state != ItemState.DEAD_LETTER:
            raise BadInput(
                f"item {item_id} is {item.state}, not dead_letter; only dead letters can be retried"
            )
        last = _last_dead_letter_event(session, item_id)
        state = ItemState(
            last.detail.get("previous_state", ItemState.APPROVED) if last else ItemState.APPROVED
        )
        for row in session.scalars(
            select(DeliveryRow).where(DeliveryRow.item_id == item_id, DeliveryRow.delivered_at.is_(None))
        ):
            row.attempts, row.next_attempt_at = 0, None
        item.state = state
        _event(session, item, "dead_letter_retry", now, {"state": state.value})
    return state


def dead_letters(db: Database) -> list[Delivery]:
    """The dead-letter list, oldest first: each item with its target, attempts and last error."""
    with db.session() as session:
        items = session.scalars(
            select(Item).where(Item.state == ItemState.DEAD_LETTER).order_by(Item.updated_at, Item.id)
        ).all()
        ids = [item.id for item in items]
        rows = {row.item_id: row for row in session.scalars(  # the last one of each item
            select(DeliveryRow).where(DeliveryRow.item_id.in_(ids)).order_by(DeliveryRow.id)
        )}  # fmt: skip
        errors = {
            item_id: detail.get("error", "")
            for item_id, detail in session.execute(
                select(Event.item_id, Event.detail)
                .where(Event.item_id.in_(ids), Event.kind == "dead_letter")
                .order_by(Event.id)
            )
        }
        letters = []
        for item in items:
            row, error = rows.get(item.id), errors.get(item.id, "")
            if row is None:
                letters.append(
                    Delivery(item.id, item.route or "", "", "", "", 0, DeliveryOutcome.DEAD_LETTER, error)
                )
            else:
                letters.append(_record(row, DeliveryOutcome.DEAD_LETTER, error))
    return letters


def _delivery_row(session: Session, item: Item, connector: str, target: str) -> DeliveryRow:
    """The item's delivery row for `target`, made on first sight with its idempotency key."""
    row = session.scalar(
        select(DeliveryRow).where(DeliveryRow.item_id == item.id, DeliveryRow.target == target)
    )
    if row is None:
        digest = hashlib.sha256(target.encode()).hexdigest()[:12]
        row = DeliveryRow(
            item_id=item.id, route=item.route, connector=connector, target=target,
            idempotency_key=f"mailroom-{item.id}-{digest}", attempts=0, last_error="", receipt="",
        )  # fmt: skip
        session.add(row)
        session.flush()
    return row


def _claim(session: Session, row: DeliveryRow, now: dt.datetime, lease: dt.timedelta) -> bool:
    claimed = lease_attempt(session, DeliveryRow, row.id, DeliveryRow.delivered_at, now, lease)
    session.refresh(row)
    return claimed


def lease_attempt(
    session: Session, table: Any, row_id: int, done: Any, now: dt.datetime, lease: dt.timedelta
) -> bool:
    """Take one attempt of a delivery row of `table` (columns attempts, next_attempt_at) for
    this process if it is due and not `done`: one conditional UPDATE, so of two senders
    racing for it exactly one wins, on SQLite and PostgreSQL alike."""
    due = or_(table.next_attempt_at.is_(None), table.next_attempt_at <= now)
    return session.execute(
        update(table)
        .where(table.id == row_id, done.is_(None), due)
        .values(attempts=table.attempts + 1, next_attempt_at=now + lease)
        .execution_options(synchronize_session=False)
    ).rowcount == 1  # type: ignore[attr-defined]  # fmt: skip


def _mark_dispatched(session: Session, item: Item, row: DeliveryRow, now: dt.datetime) -> Delivery:
    item.state = ItemState.DISPATCHED
    detail = {
        "target": row.target,
        "key": row.idempotency_key,
        "attempts": row.attempts,
        "receipt": row.receipt,
    }
    _event(session, item, "dispatched", now, detail)
    return _record(row, DeliveryOutcome.DELIVERED)


def _dead_letter(
    session: Session, item: Item, row: DeliveryRow | None, error: str, now: dt.datetime
) -> Delivery:
    detail = {
        "error": error,
        "previous_state": item.state,
        "target": row.target if row else "",
        "attempts": row.attempts if row else 0,
    }
    item.state = ItemState.DEAD_LETTER
    _event(session, item, "dead_letter", now, detail)
    log.error(
        "%s: dead letter after %s attempt(s): %s",
        item.id,
        detail["attempts"],
        error,
        extra={"item_id": item.id},
    )
    if row is None:
        return Delivery(item.id, item.route or "", "", "", "", 0, DeliveryOutcome.DEAD_LETTER, error)
    return _record(row, DeliveryOutcome.DEAD_LETTER, error)


def _last_dead_letter_event(session: Session, item_id: str) -> Event | None:
    last = select(func.max(Event.id)).where(Event.item_id == item_id, Event.kind == "dead_letter")
    return session.scalar(select(Event).where(Event.id == last.scalar_subquery()))  # not ORDER BY id LIMIT 1,
    # which PostgreSQL may answer by reading the whole log backwards


def _event(session: Session, item: Item, kind: str, now: dt.datetime, detail: dict[str, Any]) -> None:
    session.add(Event(at=now, kind=kind, source_id=item.source_id, item_id=item.id, detail=detail))


def _record(row: DeliveryRow, outcome: DeliveryOutcome, error: str = "") -> Delivery:
    return Delivery(
        row.item_id, row.route, row.connector, row.target, row.idempotency_key, row.attempts, outcome,
        error or row.last_error, row.receipt, _utc(row.next_attempt_at), _utc(row.delivered_at),
    )  # fmt: skip


def _utc(value: dt.datetime | None) -> dt.datetime | None:
    """Aware UTC; SQLite hands back naive datetimes that were stored as UTC."""
    if value is None:
        return None
    return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)


def record_reply(
    db: Database, receipt_mark: str, kind: str, detail: dict[str, Any], now: dt.datetime
) -> str | None:
    """Record a receiver's confirmation as an event of the item whose delivery receipt
    contains `receipt_mark`. Returns the item's id, None if no delivery matches."""
    with db.session() as session:
        row = session.scalars(
            select(DeliveryRow).where(DeliveryRow.receipt.contains(receipt_mark, autoescape=True))
        ).first()
        if row is None:
            return None
        item = session.get_one(Item, row.item_id)
        _event(session, item, kind, now, detail)
        return item.id
