"""The database tables. Outside the store package only the flow's recording steps (flow/) and
the Celery ledger (worker.py) use the rows; review/ and dispatch/ get records from store functions."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class Base(DeclarativeBase):
    type_annotation_map = {dict[str, Any]: JSON, dt.datetime: DateTime(timezone=True)}


class SourceFile(Base):
    """A file taken from the hot folder, by its SHA-256."""

    __tablename__ = "source_files"
    __table_args__ = (Index("ix_source_files_received_at", "received_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    original_name: Mapped[str] = mapped_column(Text)
    size: Mapped[int] = mapped_column(Integer)
    claim_path: Mapped[str] = mapped_column(Text, unique=True)
    archive_path: Mapped[str] = mapped_column(Text, default="")
    state: Mapped[str] = mapped_column(String(20), index=True)
    reason: Mapped[str] = mapped_column(Text, default="")  # quarantine reason
    duplicate_of: Mapped[int | None] = mapped_column(ForeignKey("source_files.id"), nullable=True)
    page_count: Mapped[int] = mapped_column(Integer, default=0)
    split_info: Mapped[dict[str, Any]] = mapped_column(default=dict)  # rasters, dpi, separators, blanks
    received_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class Item(Base):
    """A mail item: one letter with its enclosures, cut out of a source file."""

    __tablename__ = "items"
    __table_args__ = (
        UniqueConstraint("source_id", "position"),
        Index("ix_items_state_created", "state", "created_at", "id"),  # the queue and `due`, oldest first
        Index("ix_items_decision", "decision"),  # the automation rate
    )

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("source_files.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    state: Mapped[str] = mapped_column(String(20), index=True)
    page_count: Mapped[int] = mapped_column(Integer)
    source_pages: Mapped[dict[str, Any]] = mapped_column(default=dict)  # {"pages": [0, 1, ...]}
    pdf_path: Mapped[str] = mapped_column(Text, default="")
    mean_confidence: Mapped[float | None] = mapped_column(Float, nullable=True)
    flags: Mapped[dict[str, Any]] = mapped_column(default=dict)
    doc_type: Mapped[str | None] = mapped_column(String(40), nullable=True)
    route: Mapped[str | None] = mapped_column(String(40), nullable=True)
    confidence: Mapped[float | None] = mapped_column(Float, nullable=True)
    decision: Mapped[str | None] = mapped_column(String(20), nullable=True)
    model_version: Mapped[str | None] = mapped_column(String(80), nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class Page(Base):
    """A cleaned, OCR'd page of an item."""

    __tablename__ = "pages"
    __table_args__ = (UniqueConstraint("item_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[str] = mapped_column(ForeignKey("items.id"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    source_page: Mapped[int] = mapped_column(Integer)
    rotation: Mapped[int] = mapped_column(Integer)
    skew: Mapped[float] = mapped_column(Float)
    image_path: Mapped[str] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    words: Mapped[dict[str, Any]] = mapped_column()  # {"words": [[text, conf, l, t, w, h, line], ...]}
    mean_confidence: Mapped[float] = mapped_column(Float)
    flags: Mapped[dict[str, Any]] = mapped_column(default=dict)


class Event(Base):
    """The append-only log: every state change and notable fact, with its time."""

    __tablename__ = "events"
    __table_args__ = (
        Index("ix_events_kind_at", "kind", "at"),  # dispatches of the last day and week
        Index("ix_events_chain_seq", "chain_seq", unique=True),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(default=utcnow, index=True)
    kind: Mapped[str] = mapped_column(String(40), index=True)
    source_id: Mapped[int | None] = mapped_column(ForeignKey("source_files.id"), nullable=True, index=True)
    item_id: Mapped[str | None] = mapped_column(ForeignKey("items.id"), nullable=True, index=True)
    detail: Mapped[dict[str, Any]] = mapped_column(default=dict)
    chain_seq: Mapped[int | None] = mapped_column(Integer, nullable=True)  # see mailroom/store/chain.py
    chain_hash: Mapped[str | None] = mapped_column(String(64), nullable=True)


class Delivery(Base):
    """One delivery of an item to one target of its route. The row exists before the first
    attempt, so attempts, backoff and the idempotency key survive a crash."""

    __tablename__ = "deliveries"
    __table_args__ = (UniqueConstraint("item_id", "target"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[str] = mapped_column(ForeignKey("items.id"), index=True)
    route: Mapped[str] = mapped_column(String(40))
    connector: Mapped[str] = mapped_column(String(20))
    target: Mapped[str] = mapped_column(Text)  # "<connector>:<folder, addresses or URL>"
    idempotency_key: Mapped[str] = mapped_column(String(120), unique=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[dt.datetime | None] = mapped_column(nullable=True, index=True)  # None: due now
    last_error: Mapped[str] = mapped_column(Text, default="")
    receipt: Mapped[str] = mapped_column(Text, default="")  # what the receiver answered
    delivered_at: Mapped[dt.datetime | None] = mapped_column(nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class User(Base):
    """A person who may use the review web app, with an argon2 password hash."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)
    role: Mapped[str] = mapped_column(String(20))  # "reviewer" or "admin"
    routes: Mapped[str] = mapped_column(
        Text, default=""
    )  # protected routes and categories cleared for, comma-separated
    password_hash: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class ReviewSession(Base):
    """A login to the review app. The browser's cookie holds a random token; the row only its
    SHA-256, so a copy of the database opens no session. Logout and a new password delete it."""

    __tablename__ = "review_sessions"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)  # SHA-256 of the cookie's token
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[dt.datetime] = mapped_column()


class ReviewDecision(Base):
    """The audit trail of review: who decided what about an item, and when. Append-only,
    enforced by database triggers."""

    __tablename__ = "review_decisions"
    __table_args__ = (
        Index("ix_review_decisions_action_route", "action", "route"),  # corrections per route
        Index("ix_review_decisions_chain_seq", "chain_seq", unique=True),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[str] = mapped_column(ForeignKey("items.id"), index=True)
    user: Mapped[str] = mapped_column(String(80))
    at: Mapped[dt.datetime] = mapped_column(default=utcnow, index=True)
    action: Mapped[str] = mapped_column(String(20))  # "confirm", "correct", "unreadable"
    route: Mapped[str] = mapped_column(String(40), default="", server_default="")  # the route before it
    before: Mapped[dict[str, Any]] = mapped_column()
    after: Mapped[dict[str, Any]] = mapped_column()
    chain_seq: Mapped[int | None] = mapped_column(Integer, nullable=True)  # see mailroom/store/chain.py
    chain_hash: Mapped[str | None] = mapped_column(String(64), nullable=True)


class StageTask(Base):
    """The Celery mode's ledger: one row per stage and subject (a source file's id for
    `split`, an item's id for the others), naming the task message that should do it.

    A stage is handed to the workers only when no live row exists for it, so a backlog
    never holds the same work twice; a task runs only while no other task holds a fresh
    start on the row, so a redelivered message takes over from a dead worker."""

    __tablename__ = "stage_tasks"
    __table_args__ = (UniqueConstraint("stage", "subject"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    stage: Mapped[str] = mapped_column(String(16))
    subject: Mapped[str] = mapped_column(String(64))
    task_id: Mapped[str] = mapped_column(String(64))
    queued_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    started_at: Mapped[dt.datetime | None] = mapped_column(nullable=True)
    finished_at: Mapped[dt.datetime | None] = mapped_column(nullable=True)
    starts: Mapped[int] = mapped_column(Integer, default=0)
    worker: Mapped[str] = mapped_column(Text, default="")  # host name of the worker that last started it


class ItemAccess(Base):
    """What makes an item protected, as found from its routes, prediction and text (see
    mailroom/review/access.py). Valid while `basis` equals the item's `updated_at` and
    `version` the rule's version; anything else is recomputed before it is used."""

    __tablename__ = "item_access"

    item_id: Mapped[str] = mapped_column(
        String(40), primary_key=True
    )  # no foreign key: items may be replaced
    basis: Mapped[dt.datetime] = mapped_column()  # the item's updated_at when found
    version: Mapped[int] = mapped_column(Integer)
    routes: Mapped[str] = mapped_column(Text)  # ",route,route," its own and its predicted top-3
    categories: Mapped[str] = mapped_column(Text)  # ",gesundheit,vertraulich," special categories found


class ReadAudit(Base):
    """Who looked at which item, when, what and from where. Append-only, enforced by
    database triggers."""

    __tablename__ = "read_audit"
    __table_args__ = (Index("ix_read_audit_chain_seq", "chain_seq", unique=True),)

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(default=utcnow, index=True)
    user: Mapped[str] = mapped_column(String(80), index=True)
    item_id: Mapped[str] = mapped_column(
        String(40), index=True
    )  # no foreign key: the record outlives anything
    what: Mapped[str] = mapped_column(String(20))  # "item", "pdf", "image"
    page: Mapped[int | None] = mapped_column(Integer, nullable=True)  # of an image
    address: Mapped[str] = mapped_column(String(64), default="")  # the client's
    chain_seq: Mapped[int | None] = mapped_column(Integer, nullable=True)  # see mailroom/store/chain.py
    chain_hash: Mapped[str | None] = mapped_column(String(64), nullable=True)


class ArchiveCopy(Base):
    """The archival copy (PDF/A-2b) of an item, made before its first delivery: the SHA-256
    of the original, of the searchable PDF it was made from and of itself, whether it is
    sealed, and its transfer note (Transfervermerk)."""

    __tablename__ = "archive_copies"

    item_id: Mapped[str] = mapped_column(ForeignKey("items.id"), primary_key=True)
    original_sha256: Mapped[str] = mapped_column(String(64))
    searchable_sha256: Mapped[str] = mapped_column(String(64))
    path: Mapped[str] = mapped_column(Text)  # relative to MAILROOM_HOME
    sha256: Mapped[str] = mapped_column(String(64))
    sealed: Mapped[bool] = mapped_column(Boolean, default=False)
    transfer_note: Mapped[dict[str, Any]] = mapped_column()
    made_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class RecipientVersion(Base):
    """One version of an entry of the outgoing-mail recipient register (persons, firms,
    lawyers, courts, authorities with their channels, addresses, consents, preferences).
    Append-only, enforced by database triggers: a change is a new version, the newest is
    in force."""

    __tablename__ = "recipient_versions"
    __table_args__ = (UniqueConstraint("recipient_id", "version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    recipient_id: Mapped[str] = mapped_column(String(40), index=True)
    version: Mapped[int] = mapped_column(Integer)
    at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    author: Mapped[str] = mapped_column(String(80))  # user name, "csv:<file>", "cli"
    data: Mapped[dict[str, Any]] = mapped_column()  # mailroom.outgoing.register.to_json


class OutgoingDocumentRow(Base):
    """A letter an office sends: taken from its outbox folder or the HTTP endpoint."""

    __tablename__ = "outgoing_documents"
    __table_args__ = (Index("ix_outgoing_documents_office_state", "office", "state"),)

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    office: Mapped[str] = mapped_column(String(40))
    kind: Mapped[str] = mapped_column(String(20))
    pdf_path: Mapped[str] = mapped_column(Text)  # under MAILROOM_HOME
    sha256: Mapped[str] = mapped_column(String(64))
    case_reference: Mapped[str] = mapped_column(Text, default="")
    recipient_id: Mapped[str] = mapped_column(String(40), default="")
    recipient_version: Mapped[int | None] = mapped_column(Integer, nullable=True)
    urgent: Mapped[bool] = mapped_column(default=False)
    origin: Mapped[str] = mapped_column(Text, default="")  # "folder:<file name>", "http"
    state: Mapped[str] = mapped_column(String(20), index=True)
    channel: Mapped[str] = mapped_column(String(20), default="")
    reason: Mapped[str] = mapped_column(Text, default="")  # of the channel choice
    notice_date: Mapped[dt.date | None] = mapped_column(nullable=True)
    notice_basis: Mapped[str] = mapped_column(Text, default="")
    received_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class OutgoingDelivery(Base):
    """One sending of a document on one channel; made before the first attempt, so
    attempts, backoff and the idempotency key survive a crash (like `deliveries`)."""

    __tablename__ = "outgoing_deliveries"
    __table_args__ = (UniqueConstraint("document_id", "channel"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("outgoing_documents.id"), index=True)
    channel: Mapped[str] = mapped_column(String(20))
    connector: Mapped[str] = mapped_column(String(20))
    idempotency_key: Mapped[str] = mapped_column(String(120), unique=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[dt.datetime | None] = mapped_column(nullable=True, index=True)
    last_error: Mapped[str] = mapped_column(Text, default="")
    receipt: Mapped[str] = mapped_column(Text, default="")
    sent_at: Mapped[dt.datetime | None] = mapped_column(nullable=True)
    retrieved_at: Mapped[dt.datetime | None] = mapped_column(nullable=True)
    acknowledged_at: Mapped[dt.datetime | None] = mapped_column(nullable=True)
    delivered_on: Mapped[dt.date | None] = mapped_column(nullable=True)  # the PZU's date
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class OutgoingEvent(Base):
    """The audit log of outgoing mail: intake, quarantine, channel choice with its reason,
    attempts, sending, retrieval, fallback, who looked at the lists. Append-only, enforced
    by database triggers."""

    __tablename__ = "outgoing_events"
    __table_args__ = (Index("ix_outgoing_events_kind_at", "kind", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(default=utcnow, index=True)
    document_id: Mapped[str] = mapped_column(String(40), default="", index=True)  # "" for quarantined files
    kind: Mapped[str] = mapped_column(String(40))
    user: Mapped[str] = mapped_column(String(80), default="")
    detail: Mapped[dict[str, Any]] = mapped_column(default=dict)


class AuditChain(Base):
    """The head of each audit table's hash chain: the last link's number and hash. Locked
    while a transaction links its new rows (see mailroom/store/chain.py)."""

    __tablename__ = "audit_chain"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)  # the chained table
    seq: Mapped[int] = mapped_column(Integer)
    hash: Mapped[str] = mapped_column(String(64))


class DeletionRecord(Base):
    """What a retention run deleted, without personal data: the item id only as a hash, the
    labels, the dates, how much went, the legal basis; and the links of the audit rows
    deleted with the item, so that the hash chains stay verifiable."""

    __tablename__ = "deletion_records"

    id: Mapped[int] = mapped_column(primary_key=True)
    item_hash: Mapped[str] = mapped_column(String(64), unique=True)  # SHA-256 of the item id
    doc_type: Mapped[str] = mapped_column(String(40), default="")
    route: Mapped[str] = mapped_column(String(40), default="")
    received_on: Mapped[dt.date] = mapped_column(Date)
    expired_on: Mapped[dt.date] = mapped_column(Date)
    deleted_at: Mapped[dt.datetime] = mapped_column(default=utcnow, index=True)
    legal_basis: Mapped[str] = mapped_column(Text, default="")
    counts: Mapped[dict[str, Any]] = mapped_column(default=dict)  # what was deleted: files, pages, rows
    links: Mapped[dict[str, Any]] = mapped_column(default=dict)  # table → [[seq, content hash, link hash]]
    models: Mapped[dict[str, Any]] = mapped_column(default=dict)  # {"runs": [...]} trained on the item


class LegalHold(Base):
    """A Löschsperre: the item is kept whatever its retention period says, until released."""

    __tablename__ = "legal_holds"

    item_id: Mapped[str] = mapped_column(ForeignKey("items.id"), primary_key=True)
    reason: Mapped[str] = mapped_column(Text)
    user: Mapped[str] = mapped_column(String(80))
    at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class QaSample(Base):
    """An automatically approved item drawn for the quality sample (Stichprobe), and what a
    reviewer found when checking it after dispatch."""

    __tablename__ = "qa_samples"
    __table_args__ = (Index("ix_qa_samples_checked_route", "checked_at", "route"),)

    item_id: Mapped[str] = mapped_column(ForeignKey("items.id"), primary_key=True)
    route: Mapped[str] = mapped_column(String(40))  # as automated
    doc_type: Mapped[str] = mapped_column(String(40))  # as automated
    sampled_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    checked_at: Mapped[dt.datetime | None] = mapped_column(nullable=True)
    user: Mapped[str] = mapped_column(String(80), default="")
    correct: Mapped[bool | None] = mapped_column(Boolean, nullable=True)  # both labels right
    found_doc_type: Mapped[str] = mapped_column(String(40), default="")
    found_route: Mapped[str] = mapped_column(String(40), default="")


class RetentionPass(Base):
    """Present only inside a retention run's transaction: while it holds a row, the triggers
    let that transaction delete the audit rows of expired items. Never committed with a row."""

    __tablename__ = "retention_pass"

    id: Mapped[int] = mapped_column(primary_key=True)
