"""Dispatch: approved items go to their office, exactly once where the receiver can tell.

For each item in `auto_approved` or `approved`, one `deliveries` row per target. A pass
  1. claims the row in its own transaction (attempts + 1, held for a lease), so two
     dispatchers never send the same item at once and a crash still counts as an attempt;
  2. builds the payload and delivers it, outside any transaction;
  3. records the outcome: delivered → item `dispatched`; failed → next attempt after an
     exponential backoff; permanent failure or `max_attempts` → item `dead_letter`.
A crash between 2 and 3 leaves the row claimed; once the lease runs out the delivery is
repeated with the same idempotency key (webhook: `Idempotency-Key`, e-mail: Message-ID,
folder: same file names, identical files not rewritten), so the receiver can drop it.
That is at-least-once delivery made idempotent, not exactly-once: see each connector for
where a receiver cannot tell. Every state change writes an Event.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import or_, select, update
from sqlalchemy.exc import IntegrityError

from mailroom.dispatch.connectors import DeliveryError, Payload, Target
from mailroom.dispatch.routes import connector_for, load_routes
from mailroom.errors import BadInput
from mailroom.records import Delivery, DeliveryOutcome, ItemState
from mailroom.settings import DispatchSettings, Settings
from mailroom.store.db import Database
from mailroom.store.tables import Delivery as DeliveryRow
from mailroom.store.tables import Event, Item, SourceFile
from mailroom.taxonomy import Label, Taxonomy

log = logging.getLogger(__name__)

READY = (ItemState.AUTO_APPROVED, ItemState.APPROVED)
SIDECAR_FORMAT = "mailroom-delivery/1"
LEASE_TIMEOUTS = 10  # a claimed delivery is held for this many connector timeouts


@dataclass
class DispatchReport:
    """What one pass did: one Delivery per item it looked at."""

    deliveries: list[Delivery] = field(default_factory=list)

    def count(self, outcome: DeliveryOutcome) -> int:
        return sum(1 for d in self.deliveries if d.outcome == outcome)

    def summary(self) -> str:
        return ", ".join(f"{self.count(outcome)} {outcome.value}" for outcome in DeliveryOutcome)


def dispatch_once(
    settings: Settings, db: Database, now: dt.datetime | None = None, routes: dict[str, Target] | None = None
) -> DispatchReport:
    """Deliver every approved item that is due. `now` is the time of the pass (tests pass
    their own to step through backoffs); `routes` default to configs/routes.yaml.

    Raises BadConfig if the taxonomy or routes.yaml is invalid. A failing receiver is not
    an error: it is recorded on the delivery and the item.
    """
    start, started = _pass_time(now), time.monotonic()
    taxonomy = settings.taxonomy
    routes = load_routes(settings, taxonomy) if routes is None else routes
    report = DispatchReport()
    for item_id in _ready_items(db):
        elapsed = dt.timedelta(seconds=time.monotonic() - started)  # earlier deliveries of the pass took time
        try:
            delivery = dispatch_item(settings, db, item_id, routes, taxonomy, start + elapsed)
        except IntegrityError:  # another dispatcher made its delivery row at the same moment: it is theirs
            continue
        if delivery is not None:
            report.deliveries.append(delivery)
    return report


def dispatch_loop(
    settings: Settings,
    db: Database,
    stop: threading.Event,
    on_report: Callable[[DispatchReport], None] | None = None,
) -> None:
    """Run dispatch passes every `dispatch.poll_seconds` until `stop` is set. Configuration
    errors raise at once; anything failing in a pass is logged and the next pass tries again."""
    routes = load_routes(settings, settings.taxonomy)
    while not stop.is_set():
        try:
            report = dispatch_once(settings, db, routes=routes)
        except Exception:  # a database hiccup must not end the loop of a long-running service
            log.exception("dispatch pass failed; trying again in %.0f s", settings.dispatch.poll_seconds)
        else:
            if on_report and report.deliveries:
                on_report(report)
        stop.wait(settings.dispatch.poll_seconds)


def dispatch_item(
    settings: Settings,
    db: Database,
    item_id: str,
    routes: dict[str, Target],
    taxonomy: Taxonomy,
    now: dt.datetime,
) -> Delivery | None:
    """Claim, deliver and record one item. None if it is not (or no longer) approved.
    `now` is the time of the claim; the outcome is recorded at `now` plus the time the
    delivery took, so a backoff counts from the failure."""
    with db.session() as session:
        item = session.get(Item, item_id)
        if item is None or item.state not in READY:
            return None
        target = routes.get(item.route or "")
        if target is None:
            return _dead_letter(
                session, item, None, f"no connector for route {item.route!r} in routes.yaml", now
            )
        row = _delivery_row(session, item, target)
        if row.delivered_at is not None:  # delivered and recorded before; only the state is behind
            return _mark_dispatched(session, item, row, now)
        if row.attempts >= settings.dispatch.max_attempts:  # the last attempt never finished
            return _dead_letter(session, item, row, row.last_error or "the last attempt did not finish", now)
        if not _claim(session, row, now, settings.dispatch):
            return _record(row, DeliveryOutcome.WAITING)
        row_id, key = row.id, row.idempotency_key
    started = time.monotonic()
    try:
        payload = build_payload(db, settings, item_id, key, taxonomy)
        receipt = connector_for(target, settings.dispatch).deliver(payload)
    except Exception as exc:  # whatever went wrong counts as a failed attempt and is shown to admins
        log.warning("%s: delivery to %s failed: %s", item_id, target.key, exc, extra={"item_id": item_id})
        failed_at = now + dt.timedelta(seconds=time.monotonic() - started)
        return _record_failure(db, item_id, row_id, exc, failed_at, settings.dispatch)
    log.info("%s: delivered to %s (%s)", item_id, target.key, receipt, extra={"item_id": item_id})
    return _record_success(
        db, item_id, row_id, receipt, now + dt.timedelta(seconds=time.monotonic() - started)
    )


def build_payload(db: Database, settings: Settings, item_id: str, key: str, taxonomy: Taxonomy) -> Payload:
    """The item's searchable PDF, the files taken out of it (kept beside it) and its
    sidecar: labels, confidence, decision, model version, metadata, source file name and
    SHA-256, the PDF's SHA-256 and page count, the files' names and SHA-256, and the event
    trail. Raises DeliveryError if the PDF or one of the files is missing."""
    with db.session() as session:
        item = session.get_one(Item, item_id)
        source = session.get_one(SourceFile, item.source_id)
        events = session.scalars(
            select(Event)
            .where((Event.item_id == item.id) | (Event.item_id.is_(None) & (Event.source_id == item.source_id)))
            .order_by(Event.id)
        ).all()  # fmt: skip
    pdf = settings.home.resolve() / item.pdf_path
    if not item.pdf_path or not pdf.is_file():
        raise DeliveryError(f"the item's searchable PDF is missing ({pdf})")
    home = settings.home.resolve()
    attachments = {
        f"{item.id}.{name}": home / path for name, path in item.flags.get("attachments", {}).items()
    }
    missing = [str(path) for path in attachments.values() if not path.is_file()]
    if missing:
        raise DeliveryError(f"a file taken out of the item's PDF is missing ({', '.join(missing)})")
    doc_type, route = _label(taxonomy.doc_types, item.doc_type), _label(taxonomy.routes, item.route)
    sidecar = {
        "format": SIDECAR_FORMAT,
        "item_id": item.id,
        "idempotency_key": key,
        "approval": item.state,
        "labels": {"doc_type": doc_type, "route": route},
        "confidence": item.confidence,
        "decision": item.decision,
        "model_version": item.model_version,
        "metadata": item.flags.get("metadata", {}),
        "source": {
            "file_name": source.original_name, "sha256": source.sha256, "position": item.position,
            "received_at": _iso(source.received_at),
        },
        "document": {
            "file_name": f"{item.id}.pdf", "sha256": hashlib.sha256(pdf.read_bytes()).hexdigest(),
            "pages": item.page_count, "mean_ocr_confidence": item.mean_confidence,
        },
        "attachments": [{"file_name": n, "sha256": hashlib.sha256(p.read_bytes()).hexdigest()} for n, p in attachments.items()],
        "trail": [{"at": _iso(e.at), "kind": e.kind, "detail": e.detail} for e in events],
    }  # fmt: skip
    return Payload(
        item.id, key, pdf, sidecar, f"{route['name']}: {doc_type['name']} ({item.id})", attachments
    )


def retry_dead_letter(db: Database, item_id: str, now: dt.datetime | None = None) -> ItemState:
    """Put a dead-lettered item back to the state it was dispatched from, with fresh
    attempts, due at once. Returns that state. Raises BadInput if it is not a dead letter."""
    now = _pass_time(now)
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
    log.info("%s: back from the dead-letter list to %s", item_id, state, extra={"item_id": item_id})
    return state


def dead_letters(db: Database) -> list[Delivery]:
    """The dead-letter list, oldest first: each item with its target, attempts and last error."""
    with db.session() as session:
        items = session.scalars(
            select(Item).where(Item.state == ItemState.DEAD_LETTER).order_by(Item.updated_at, Item.id)
        ).all()
        letters = []
        for item in items:
            row = session.scalar(
                select(DeliveryRow)
                .where(DeliveryRow.item_id == item.id)
                .order_by(DeliveryRow.id.desc())
                .limit(1)
            )
            event = _last_dead_letter_event(session, item.id)
            error = event.detail.get("error", "") if event else ""
            if row is None:
                letters.append(
                    Delivery(item.id, item.route or "", "", "", "", 0, DeliveryOutcome.DEAD_LETTER, error)
                )
            else:
                letters.append(_record(row, DeliveryOutcome.DEAD_LETTER, error))
    return letters


def backoff(attempts: int, settings: DispatchSettings) -> dt.timedelta:
    """Wait after the `attempts`-th failure: base, 2·base, 4·base, ... up to the cap."""
    seconds = settings.backoff_base_seconds * 2 ** max(attempts - 1, 0)
    return dt.timedelta(seconds=min(seconds, settings.backoff_cap_seconds))


def _ready_items(db: Database) -> list[str]:
    with db.session() as session:
        return list(
            session.scalars(select(Item.id).where(Item.state.in_(READY)).order_by(Item.created_at, Item.id))
        )


def _delivery_row(session, item: Item, target: Target) -> DeliveryRow:
    """The item's delivery row for `target`, made on first sight with its idempotency key."""
    row = session.scalar(
        select(DeliveryRow).where(DeliveryRow.item_id == item.id, DeliveryRow.target == target.key)
    )
    if row is None:
        digest = hashlib.sha256(target.key.encode()).hexdigest()[:12]
        row = DeliveryRow(
            item_id=item.id, route=item.route, connector=target.connector, target=target.key,
            idempotency_key=f"mailroom-{item.id}-{digest}", attempts=0, last_error="", receipt="",
        )  # fmt: skip
        session.add(row)
        session.flush()
    return row


def _claim(session, row: DeliveryRow, now: dt.datetime, settings: DispatchSettings) -> bool:
    """Take the delivery for this process if it is due: one conditional UPDATE, so of two
    dispatchers racing for it exactly one wins, on SQLite and PostgreSQL alike."""
    lease = dt.timedelta(seconds=LEASE_TIMEOUTS * settings.timeout_seconds)
    due = or_(DeliveryRow.next_attempt_at.is_(None), DeliveryRow.next_attempt_at <= now)
    claimed = session.execute(
        update(DeliveryRow)
        .where(DeliveryRow.id == row.id, DeliveryRow.delivered_at.is_(None), due)
        .values(attempts=DeliveryRow.attempts + 1, next_attempt_at=now + lease)
        .execution_options(synchronize_session=False)
    ).rowcount == 1  # fmt: skip
    session.refresh(row)
    return claimed


def _record_success(db: Database, item_id: str, row_id: int, receipt: str, now: dt.datetime) -> Delivery:
    with db.session() as session:
        row = session.get_one(DeliveryRow, row_id)
        row.delivered_at, row.next_attempt_at, row.receipt = now, None, receipt
        return _mark_dispatched(session, session.get_one(Item, item_id), row, now)


def _record_failure(
    db: Database, item_id: str, row_id: int, error: Exception, now: dt.datetime, settings: DispatchSettings
) -> Delivery:
    message = str(error) if isinstance(error, DeliveryError) else repr(error)
    with db.session() as session:
        row, item = session.get_one(DeliveryRow, row_id), session.get_one(Item, item_id)
        row.last_error = message
        if (isinstance(error, DeliveryError) and error.permanent) or row.attempts >= settings.max_attempts:
            return _dead_letter(session, item, row, message, now)
        next_attempt_at = now + backoff(row.attempts, settings)
        row.next_attempt_at = next_attempt_at
        detail = {
            "target": row.target,
            "attempt": row.attempts,
            "error": message,
            "next_attempt_at": next_attempt_at.isoformat(),
        }
        _event(session, item, "dispatch_failed", now, detail)
        return _record(row, DeliveryOutcome.FAILED, message)


def _mark_dispatched(session, item: Item, row: DeliveryRow, now: dt.datetime) -> Delivery:
    item.state = ItemState.DISPATCHED
    detail = {
        "target": row.target,
        "key": row.idempotency_key,
        "attempts": row.attempts,
        "receipt": row.receipt,
    }
    _event(session, item, "dispatched", now, detail)
    return _record(row, DeliveryOutcome.DELIVERED)


def _dead_letter(session, item: Item, row: DeliveryRow | None, error: str, now: dt.datetime) -> Delivery:
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


def _last_dead_letter_event(session, item_id: str) -> Event | None:
    query = (
        select(Event)
        .where(Event.item_id == item_id, Event.kind == "dead_letter")
        .order_by(Event.id.desc())
        .limit(1)
    )
    return session.scalar(query)


def _event(session, item: Item, kind: str, now: dt.datetime, detail: dict[str, Any]) -> None:
    session.add(Event(at=now, kind=kind, source_id=item.source_id, item_id=item.id, detail=detail))


def _record(row: DeliveryRow, outcome: DeliveryOutcome, error: str = "") -> Delivery:
    return Delivery(
        row.item_id, row.route, row.connector, row.target, row.idempotency_key, row.attempts, outcome,
        error or row.last_error, row.receipt, _utc(row.next_attempt_at), _utc(row.delivered_at),
    )  # fmt: skip


def _label(labels: dict[str, Label], label_id: str | None) -> dict[str, Any]:
    label = labels.get(label_id or "")
    return {"id": label_id, "name": label.name if label else label_id}


def _pass_time(now: dt.datetime | None) -> dt.datetime:
    """The time of a pass as aware UTC: `now` if given (naive counts as UTC), else the clock."""
    if now is None:
        return dt.datetime.now(dt.UTC)
    return now.replace(tzinfo=dt.UTC) if now.tzinfo is None else now.astimezone(dt.UTC)


def _utc(value: dt.datetime | None) -> dt.datetime | None:
    """Aware UTC; SQLite hands back naive datetimes that were stored as UTC."""
    if value is None:
        return None
    return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)


def _iso(value: dt.datetime | None) -> str | None:
    value = _utc(value)
    return value.isoformat() if value else None
