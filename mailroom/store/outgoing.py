"""The store of outgoing mail: register versions, documents, their deliveries per channel
and the append-only event log (see mailroom/outgoing/send.py for the protocol). Returns
records, not rows."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from mailroom.errors import BadInput
from mailroom.store.db import Database
from mailroom.store.deliveries import lease_attempt
from mailroom.store.items import utc
from mailroom.store.tables import OutgoingDelivery, OutgoingDocumentRow, OutgoingEvent, RecipientVersion


class DocState:
    RECEIVED = "received"  # taken in, channel not chosen yet
    NEEDS_RECIPIENT = "needs_recipient"  # recipient unknown or not in the register: a person decides
    ROUTED = "routed"  # channel chosen, to be sent
    SENT = "sent"
    DEAD_LETTER = "dead_letter"


@dataclass(frozen=True)
class StoredRecipient:
    data: dict[str, Any]
    version: int
    at: dt.datetime
    author: str


@dataclass(frozen=True)
class StoredDocument:
    id: str
    office: str
    kind: str
    pdf_path: str
    sha256: str
    case_reference: str
    recipient_id: str
    urgent: bool
    origin: str
    state: str
    channel: str
    reason: str
    notice_date: dt.date | None
    notice_basis: str
    received_at: dt.datetime
    recipient_name: str = ""
    sent_at: dt.datetime | None = None
    retrieved_at: dt.datetime | None = None
    acknowledged_at: dt.datetime | None = None
    delivered_on: dt.date | None = None
    attempts: int = 0
    last_error: str = ""


@dataclass(frozen=True)
class Claimed:
    """A delivery this process holds for one attempt."""

    row_id: int
    document_id: str
    channel: str
    key: str
    attempts: int  # this one included
    created_at: dt.datetime  # when the channel was chosen


@dataclass(frozen=True)
class Sent:
    """A delivery that went out, waiting for retrieval, acknowledgement or a certificate."""

    row_id: int
    document_id: str
    kind: str
    channel: str
    key: str
    sent_at: dt.datetime


# --- register -------------------------------------------------------------------------


def save_recipient(db: Database, data: dict[str, Any], author: str, now: dt.datetime) -> int:
    """Append a version of the entry `data["id"]` unless it equals the newest. Returns the
    version in force."""
    with db.session() as session:
        newest = _newest(session, data["id"])
        if newest is not None and newest.data == data:
            return newest.version
        version = (newest.version if newest else 0) + 1
        session.add(
            RecipientVersion(recipient_id=data["id"], version=version, at=now, author=author, data=data)
        )
        return version


def get_recipient(db: Database, recipient_id: str) -> StoredRecipient | None:
    with db.session() as session:
        row = _newest(session, recipient_id)
        return StoredRecipient(row.data, row.version, utc(row.at), row.author) if row else None


def recipients(db: Database) -> list[StoredRecipient]:
    """The entries in force, by id."""
    newest = (
        select(RecipientVersion.recipient_id, func.max(RecipientVersion.version).label("version"))
        .group_by(RecipientVersion.recipient_id)
        .subquery()
    )
    query = (
        select(RecipientVersion)
        .join(
            newest,
            (RecipientVersion.recipient_id == newest.c.recipient_id)
            & (RecipientVersion.version == newest.c.version),
        )  # fmt: skip
        .order_by(RecipientVersion.recipient_id)
    )
    with db.session() as session:
        return [StoredRecipient(r.data, r.version, utc(r.at), r.author) for r in session.scalars(query)]


def recipient_history(db: Database, recipient_id: str) -> list[StoredRecipient]:
    """Every version of one entry, oldest first."""
    with db.session() as session:
        rows = session.scalars(
            select(RecipientVersion)
            .where(RecipientVersion.recipient_id == recipient_id)
            .order_by(RecipientVersion.version)
        )
        return [StoredRecipient(r.data, r.version, utc(r.at), r.author) for r in rows]


def _newest(session: Session, recipient_id: str) -> RecipientVersion | None:
    return session.scalar(
        select(RecipientVersion)
        .where(RecipientVersion.recipient_id == recipient_id)
        .order_by(RecipientVersion.version.desc())
        .limit(1)
    )


# --- documents ------------------------------------------------------------------------


def add_document(db: Database, row: dict[str, Any], now: dt.datetime) -> bool:
    """Record a document taken in (state received) with its event. False if a document
    with this id (the same PDF and metadata) is there already."""
    with db.session() as session:
        if session.get(OutgoingDocumentRow, row["id"]) is not None:
            return False
        session.add(OutgoingDocumentRow(**row, state=DocState.RECEIVED, received_at=now, updated_at=now))
        detail = {
            "office": row["office"],
            "kind": row["kind"],
            "origin": row["origin"],
            "sha256": row["sha256"],
        }
        session.add(OutgoingEvent(at=now, document_id=row["id"], kind="received", detail=detail))
        return True


def document_ids(db: Database, states: Sequence[str]) -> list[str]:
    with db.session() as session:
        return list(
            session.scalars(
                select(OutgoingDocumentRow.id)
                .where(OutgoingDocumentRow.state.in_(states))
                .order_by(
                    OutgoingDocumentRow.urgent.desc(), OutgoingDocumentRow.received_at, OutgoingDocumentRow.id
                )
            )
        )


def get_document(db: Database, document_id: str) -> StoredDocument:
    """Raises BadInput if there is no such document."""
    with db.session() as session:
        row = session.get(OutgoingDocumentRow, document_id)
        if row is None:
            raise BadInput(f"es gibt kein ausgehendes Dokument {document_id}")
        return _document(row, _current_delivery(session, row))


def route(
    db: Database, document_id: str, recipient_id: str, version: int, channel: str, connector: str,
    reason: str, now: dt.datetime,
) -> None:  # fmt: skip
    """The channel chosen for a received document: its delivery row, state routed, and the
    choice with its reason in the audit log."""
    with db.session() as session:
        row = session.get_one(OutgoingDocumentRow, document_id)
        row.recipient_id, row.recipient_version = recipient_id, version
        row.channel, row.reason, row.state = channel, reason, DocState.ROUTED
        _delivery_row(session, document_id, channel, connector, now)
        detail = {"channel": channel, "reason": reason, "recipient": recipient_id, "version": version}
        session.add(OutgoingEvent(at=now, document_id=document_id, kind="channel_chosen", detail=detail))


def hold(
    db: Database, document_id: str, reason: str, now: dt.datetime, detail: dict[str, Any] | None = None
) -> None:
    """A document no channel can be chosen for yet: a person must name its recipient."""
    with db.session() as session:
        row = session.get_one(OutgoingDocumentRow, document_id)
        row.state, row.reason = DocState.NEEDS_RECIPIENT, reason
        session.add(OutgoingEvent(at=now, document_id=document_id, kind="needs_recipient",
                                  detail={"reason": reason, **(detail or {})}))  # fmt: skip


def assign_recipient(db: Database, document_id: str, recipient_id: str, user: str, now: dt.datetime) -> None:
    """A person names the recipient of a held document: it is routed on the next pass."""
    with db.session() as session:
        row = session.get(OutgoingDocumentRow, document_id)
        if row is None or row.state != DocState.NEEDS_RECIPIENT:
            raise BadInput(f"{document_id} wartet nicht auf einen Empfänger")
        row.recipient_id, row.state = recipient_id, DocState.RECEIVED
        session.add(OutgoingEvent(at=now, document_id=document_id, kind="recipient_assigned", user=user,
                                  detail={"recipient": recipient_id}))  # fmt: skip


def claim(
    db: Database, document_id: str, now: dt.datetime, max_attempts: int, lease: dt.timedelta
) -> Claimed | None:
    """Take the current delivery of a routed document for one attempt. None if it is not
    routed, not due, or its attempts are used up (then it is a dead letter now)."""
    with db.session() as session:
        doc = session.get(OutgoingDocumentRow, document_id)
        if doc is None or doc.state != DocState.ROUTED:
            return None
        row = _current_delivery(session, doc)
        if row is None:
            return None
        if row.attempts >= max_attempts:
            _dead_letter(session, doc, row, row.last_error or "der letzte Versuch endete nicht", now)
            return None
        if not lease_attempt(session, OutgoingDelivery, row.id, OutgoingDelivery.sent_at, now, lease):
            return None
        session.refresh(row)
        return Claimed(
            row.id, document_id, row.channel, row.idempotency_key, row.attempts, utc(row.created_at)
        )


def record_sent(
    db: Database, row_id: int, receipt: str, now: dt.datetime, notice_date: dt.date | None, basis: str
) -> None:
    with db.session() as session:
        row = session.get_one(OutgoingDelivery, row_id)
        doc = session.get_one(OutgoingDocumentRow, row.document_id)
        row.sent_at, row.next_attempt_at, row.receipt = now, None, receipt
        doc.state, doc.notice_date, doc.notice_basis = DocState.SENT, notice_date, basis
        detail = {"channel": row.channel, "key": row.idempotency_key, "attempts": row.attempts, "receipt": receipt,
                  "notice_date": notice_date.isoformat() if notice_date else None, "basis": basis}  # fmt: skip
        session.add(OutgoingEvent(at=now, document_id=doc.id, kind="sent", detail=detail))


def record_failure(
    db: Database, row_id: int, message: str, give_up: bool, now: dt.datetime, max_attempts: int,
    backoff: dt.timedelta,
) -> bool:  # fmt: skip
    """A failed attempt: tried again after `backoff`, or a dead letter (returns True) if
    `give_up` or the attempts are used up."""
    with db.session() as session:
        row = session.get_one(OutgoingDelivery, row_id)
        doc = session.get_one(OutgoingDocumentRow, row.document_id)
        row.last_error = message
        if give_up or row.attempts >= max_attempts:
            _dead_letter(session, doc, row, message, now)
            return True
        row.next_attempt_at = now + backoff
        detail = {"channel": row.channel, "attempt": row.attempts, "error": message,
                  "next_attempt_at": row.next_attempt_at.isoformat()}  # fmt: skip
        session.add(OutgoingEvent(at=now, document_id=doc.id, kind="send_failed", detail=detail))
        return False


def retry_dead_letter(db: Database, document_id: str, user: str, now: dt.datetime) -> None:
    """Put a dead letter back in line with fresh attempts. Raises BadInput if it is none."""
    with db.session() as session:
        doc = session.get(OutgoingDocumentRow, document_id)
        if doc is None or doc.state != DocState.DEAD_LETTER:
            raise BadInput(f"{document_id} ist kein unzustellbares Dokument")
        row = _current_delivery(session, doc)
        if row is not None:
            row.attempts, row.next_attempt_at = 0, None
        doc.state = DocState.ROUTED
        session.add(OutgoingEvent(at=now, document_id=document_id, kind="dead_letter_retry", user=user))


def awaiting(
    db: Database, channels: Sequence[str] | None = None, since: dt.datetime | None = None
) -> list[Sent]:
    """Sent deliveries without retrieval, acknowledgement or delivery certificate yet (on
    `channels`, sent `since`)."""
    query = (
        select(OutgoingDelivery, OutgoingDocumentRow.kind)
        .join(OutgoingDocumentRow, OutgoingDocumentRow.id == OutgoingDelivery.document_id)
        .where(
            OutgoingDocumentRow.state == DocState.SENT,
            OutgoingDocumentRow.channel == OutgoingDelivery.channel,
            OutgoingDelivery.sent_at.is_not(None),
            OutgoingDelivery.retrieved_at.is_(None),
            OutgoingDelivery.acknowledged_at.is_(None),
            OutgoingDelivery.delivered_on.is_(None),
        )
        .order_by(OutgoingDelivery.id)
    )
    if channels is not None:
        query = query.where(OutgoingDelivery.channel.in_(channels))
    if since is not None:
        query = query.where(OutgoingDelivery.sent_at >= since)
    with db.session() as session:
        return [
            Sent(row.id, row.document_id, kind, row.channel, row.idempotency_key, utc(row.sent_at))
            for row, kind in session.execute(query)
            if row.sent_at is not None
        ]


def record_status(
    db: Database, row_id: int, now: dt.datetime, *, retrieved_at: dt.datetime | None = None,
    acknowledged_at: dt.datetime | None = None, delivered_on: dt.date | None = None,
    notice_date: dt.date | None, basis: str, user: str = "",
) -> None:  # fmt: skip
    """What the receiver (or the returned certificate) reports, and the deemed notice
    date that follows from it."""
    with db.session() as session:
        row = session.get_one(OutgoingDelivery, row_id)
        doc = session.get_one(OutgoingDocumentRow, row.document_id)
        facts: dict[str, Any] = {"channel": row.channel}
        if retrieved_at is not None:
            row.retrieved_at, facts["retrieved_at"], kind = (
                retrieved_at,
                retrieved_at.isoformat(),
                "retrieved",
            )
        if acknowledged_at is not None:
            row.acknowledged_at, facts["acknowledged_at"], kind = (
                acknowledged_at,
                acknowledged_at.isoformat(),
                "acknowledged",
            )
        if delivered_on is not None:
            row.delivered_on, facts["delivered_on"], kind = (
                delivered_on,
                delivered_on.isoformat(),
                "delivered",
            )
        if notice_date is not None and doc.notice_date is None:
            doc.notice_date, doc.notice_basis = notice_date, basis
        facts |= {
            "notice_date": doc.notice_date.isoformat() if doc.notice_date else None,
            "basis": doc.notice_basis,
        }
        session.add(OutgoingEvent(at=now, document_id=doc.id, kind=kind, user=user, detail=facts))


def fall_back(
    db: Database, document_id: str, channel: str, connector: str, reason: str, now: dt.datetime
) -> None:
    """Send a document again on `channel` (post) because the first channel's law requires it."""
    with db.session() as session:
        doc = session.get_one(OutgoingDocumentRow, document_id)
        before = doc.channel
        doc.channel, doc.state, doc.reason = channel, DocState.ROUTED, f"{doc.reason} | Ersatzweg: {reason}"
        doc.notice_date, doc.notice_basis = None, ""
        _delivery_row(session, document_id, channel, connector, now)
        detail = {"from": before, "channel": channel, "reason": reason}
        session.add(OutgoingEvent(at=now, document_id=document_id, kind="fallback", detail=detail))


def log_event(
    db: Database, kind: str, now: dt.datetime, document_id: str = "", user: str = "", **detail: Any
) -> None:
    with db.session() as session:
        session.add(OutgoingEvent(at=now, document_id=document_id, kind=kind, user=user, detail=detail))


def events(db: Database, document_id: str) -> list[tuple[dt.datetime, str, str, dict[str, Any]]]:
    """The audit trail of a document: at, kind, user, detail; oldest first."""
    with db.session() as session:
        rows = session.scalars(
            select(OutgoingEvent).where(OutgoingEvent.document_id == document_id).order_by(OutgoingEvent.id)
        )
        return [(utc(e.at), e.kind, e.user, e.detail) for e in rows]


def documents(
    db: Database, office: str = "", channel: str = "", limit: int = 500, offices: Sequence[str] | None = None
) -> list[StoredDocument]:
    """The newest documents (of one office / channel / of `offices`), with their current
    delivery and the recipient's name."""
    query = select(OutgoingDocumentRow)
    if offices is not None:
        query = query.where(OutgoingDocumentRow.office.in_(offices))
    if office:
        query = query.where(OutgoingDocumentRow.office == office)
    if channel:
        query = query.where(OutgoingDocumentRow.channel == channel)
    with db.session() as session:
        rows = session.scalars(
            query.order_by(OutgoingDocumentRow.received_at.desc(), OutgoingDocumentRow.id).limit(limit)
        ).all()
        names = {}
        for row in rows:
            entry = _newest(session, row.recipient_id) if row.recipient_id else None
            names[row.id] = entry.data["address"]["name"] if entry else ""
        return [_document(row, _current_delivery(session, row), names[row.id]) for row in rows]


def channel_counts(
    db: Database, office: str = "", offices: Sequence[str] | None = None
) -> Counter[tuple[str, str]]:
    """Documents sent per (channel, kind), of one office or of `offices`."""
    query = select(OutgoingDocumentRow.channel, OutgoingDocumentRow.kind, func.count()).where(
        OutgoingDocumentRow.state == DocState.SENT
    )
    if office:
        query = query.where(OutgoingDocumentRow.office == office)
    if offices is not None:
        query = query.where(OutgoingDocumentRow.office.in_(offices))
    query = query.group_by(OutgoingDocumentRow.channel, OutgoingDocumentRow.kind)
    with db.session() as session:
        return Counter({(channel, kind): count for channel, kind, count in session.execute(query)})


def _document(row: OutgoingDocumentRow, delivery: OutgoingDelivery | None, name: str = "") -> StoredDocument:
    return StoredDocument(
        row.id, row.office, row.kind, row.pdf_path, row.sha256, row.case_reference, row.recipient_id,
        row.urgent, row.origin, row.state, row.channel, row.reason, row.notice_date, row.notice_basis,
        utc(row.received_at), name,
        utc(delivery.sent_at) if delivery and delivery.sent_at else None,
        utc(delivery.retrieved_at) if delivery and delivery.retrieved_at else None,
        utc(delivery.acknowledged_at) if delivery and delivery.acknowledged_at else None,
        delivery.delivered_on if delivery else None,
        delivery.attempts if delivery else 0,
        delivery.last_error if delivery else "",
    )  # fmt: skip


def _current_delivery(session: Session, doc: OutgoingDocumentRow) -> OutgoingDelivery | None:
    return session.scalar(
        select(OutgoingDelivery).where(
            OutgoingDelivery.document_id == doc.id, OutgoingDelivery.channel == doc.channel
        )
    )


def _delivery_row(
    session: Session, document_id: str, channel: str, connector: str, now: dt.datetime
) -> OutgoingDelivery:
    row = session.scalar(
        select(OutgoingDelivery).where(
            OutgoingDelivery.document_id == document_id, OutgoingDelivery.channel == channel
        )
    )
    if row is None:
        row = OutgoingDelivery(
            document_id=document_id, channel=channel, connector=connector, idempotency_key=f"{document_id}-{channel}",
            attempts=0, last_error="", receipt="", created_at=now, updated_at=now,
        )  # fmt: skip
        session.add(row)
        session.flush()
    return row


def _dead_letter(
    session: Session, doc: OutgoingDocumentRow, row: OutgoingDelivery, error: str, now: dt.datetime
) -> None:
    doc.state = DocState.DEAD_LETTER
    detail = {"channel": row.channel, "attempts": row.attempts, "error": error}
    session.add(OutgoingEvent(at=now, document_id=doc.id, kind="dead_letter", detail=detail))
