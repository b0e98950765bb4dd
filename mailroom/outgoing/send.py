"""Sending outgoing mail: one pass takes the outboxes, chooses each new document's channel,
sends what is due and asks the gateways what became of what was sent.

  1. route: the recipient (by id, or read from the address window and matched against
     the register), the channel policy's choice and its reason, recorded with a delivery
     row; a document without a known recipient waits for a person (needs_recipient).
  2. send: claim the delivery (attempts + 1, held for a lease), send it outside any
     transaction, record the outcome: sent (with the deemed notice date where the rule
     knows it at once), or tried again after an exponential backoff, or a dead letter
     after a permanent refusal or `dispatch.max_attempts`.
  3. status (before sending, so a fallback goes out in the same pass): retrieval and
     acknowledgement reported by the gateways, and the deemed
     notice date that follows; a document not retrieved in time where the rule says so
     goes out again by post.
As in dispatch, this is at-least-once made idempotent: an attempt repeated after a crash
carries the same key (HTTP Idempotency-Key, Message-ID, the same file in the print folder).
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from mailroom.dispatch.connectors import DeliveryError
from mailroom.dispatch.dispatch import backoff
from mailroom.errors import BadInput
from mailroom.outgoing import register, window
from mailroom.outgoing.config import OutgoingConfig, load_outgoing
from mailroom.outgoing.connectors import HttpConnector, Letter, connector_for
from mailroom.outgoing.intake import IntakeReport, take_outboxes
from mailroom.outgoing.notice import Facts, deemed_notice, needs_fallback, rule_for
from mailroom.outgoing.policy import choose_channel
from mailroom.outgoing.records import Channel, Kind, OutgoingDocument, Recipient
from mailroom.settings import Settings
from mailroom.store import outgoing as store
from mailroom.store.db import Database
from mailroom.store.outgoing import DocState

log = logging.getLogger(__name__)
CITY = ZoneInfo("Europe/Berlin")  # days of posting and notice are the city's days
LEASE_TIMEOUTS = 10
STATUS_DAYS = 30  # a gateway is asked about a delivery this long after sending (or until its fallback)


@dataclass
class SendReport:
    intake: IntakeReport = field(default_factory=IntakeReport)
    routed: dict[str, str] = field(default_factory=dict)  # document → channel
    held: list[str] = field(default_factory=list)
    sent: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    dead: list[str] = field(default_factory=list)
    reported: list[str] = field(default_factory=list)  # retrieval / acknowledgement recorded
    fallbacks: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (f"{len(self.intake.taken)} angenommen, {len(self.intake.quarantined)} in Quarantäne, "
                f"{len(self.routed)} Versandweg gewählt, {len(self.held)} ohne Empfänger, {len(self.sent)} versandt, "
                f"{len(self.failed)} fehlgeschlagen, {len(self.dead)} unzustellbar, {len(self.reported)} abgerufen/bestätigt, "
                f"{len(self.fallbacks)} Ersatzversand per Post")  # fmt: skip


def city_day(moment: dt.datetime) -> dt.date:
    return (moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)).astimezone(CITY).date()


def send_once(
    settings: Settings, db: Database, config: OutgoingConfig | None = None, now: dt.datetime | None = None
) -> SendReport:
    """One pass: intake, routing, sending, status. `now` lets tests step through backoffs
    and days. Raises BadConfig if configs/outgoing.yaml is invalid."""
    config = load_outgoing(settings) if config is None else config
    now = now or dt.datetime.now(dt.UTC)
    report = SendReport(intake=take_outboxes(settings, db, now))
    for document_id in store.document_ids(db, [DocState.RECEIVED]):
        _route(settings, db, config, document_id, now, report)
    _check_status(settings, db, config, now, report)  # first: a fallback goes out in this pass
    started = time.monotonic()
    for document_id in store.document_ids(db, [DocState.ROUTED]):
        at = now + dt.timedelta(seconds=time.monotonic() - started)
        _send(settings, db, config, document_id, at, report)
    return report


def send_loop(
    settings: Settings, db: Database, stop: threading.Event, on_report: Callable[[SendReport], None]
) -> None:
    """Passes every `dispatch.poll_seconds` until `stop` is set; a failing pass is logged."""
    config = load_outgoing(settings)
    while not stop.is_set():
        try:
            on_report(send_once(settings, db, config))
        except Exception:  # a database hiccup must not end a long-running service
            log.exception("outgoing pass failed; trying again")
        stop.wait(settings.dispatch.poll_seconds)


def _route(
    settings: Settings,
    db: Database,
    config: OutgoingConfig,
    document_id: str,
    now: dt.datetime,
    report: SendReport,
) -> None:
    doc = store.get_document(db, document_id)
    recipient_id, found = doc.recipient_id, ""
    if not recipient_id:
        recipient, why = find_recipient(settings, db, doc.pdf_path)
        if recipient is None:
            store.hold(db, document_id, why, now)
            report.held.append(document_id)
            return
        recipient_id, found = recipient.id, f" (Empfänger {why})"
    stored = store.get_recipient(db, recipient_id)
    if stored is None:
        store.hold(db, document_id, f"Empfänger {recipient_id!r} steht nicht im Register", now)
        report.held.append(document_id)
        return
    recipient = register.from_json(stored.data)
    document = OutgoingDocument(document_id, doc.office, Kind(doc.kind), doc.pdf_path, doc.case_reference,
                                recipient_id, doc.urgent)  # fmt: skip
    choice = choose_channel(document, recipient, city_day(now), config.policy)
    reason = choice.reason + found
    store.route(
        db,
        document_id,
        recipient_id,
        stored.version,
        choice.channel,
        config.channels[choice.channel].connector,
        reason,
        now,
    )
    report.routed[document_id] = choice.channel
    log.info("%s: %s, %s", document_id, choice.channel, reason)


def find_recipient(settings: Settings, db: Database, pdf_path: str) -> tuple[Recipient | None, str]:
    """The register entry whose address stands in the document's address window, and how
    it was found; (None, why not) if none."""
    address = window.read_window(settings.path(pdf_path))
    if address is None:
        return None, "ohne Empfänger-Kennung, und das Anschriftenfeld ist nicht lesbar"
    entries = [register.from_json(entry.data) for entry in store.recipients(db)]
    match = window.match_recipient(address, entries)
    if match is None:
        return None, f"Anschrift '{address.name}, {address.postcode} {address.city}' passt zu keinem Eintrag"
    return match.recipient, f"aus dem Anschriftenfeld gelesen, Übereinstimmung {match.score:.2f}"


def _send(
    settings: Settings,
    db: Database,
    config: OutgoingConfig,
    document_id: str,
    now: dt.datetime,
    report: SendReport,
) -> None:
    lease = dt.timedelta(seconds=LEASE_TIMEOUTS * settings.dispatch.timeout_seconds)
    claimed = store.claim(db, document_id, now, settings.dispatch.max_attempts, lease)
    if claimed is None:
        if store.get_document(db, document_id).state == DocState.DEAD_LETTER:
            report.dead.append(document_id)
        return
    doc = store.get_document(db, document_id)
    channel, kind = Channel(claimed.channel), Kind(doc.kind)
    started = time.monotonic()
    try:
        stored = store.get_recipient(db, doc.recipient_id)
        if stored is None:
            raise DeliveryError(f"Empfänger {doc.recipient_id!r} fehlt im Register", permanent=True)
        letter = Letter(document_id, claimed.key, channel, kind, doc.office, doc.case_reference, doc.urgent,
                        settings.home.resolve() / doc.pdf_path, register.from_json(stored.data),
                        city_day(claimed.created_at))  # fmt: skip
        receipt = connector_for(config, channel, settings.dispatch).send(letter)
    except Exception as exc:  # whatever went wrong counts as a failed attempt and is shown to staff
        at = now + dt.timedelta(seconds=time.monotonic() - started)
        message = str(exc) if isinstance(exc, DeliveryError) else repr(exc)
        give_up = isinstance(exc, DeliveryError) and exc.permanent
        log.warning("%s: sending by %s failed: %s", document_id, channel, message)
        dead = store.record_failure(db, claimed.row_id, message, give_up, at, settings.dispatch.max_attempts,
                                    backoff(claimed.attempts, settings.dispatch))  # fmt: skip
        (report.dead if dead else report.failed).append(document_id)
        return
    at = now + dt.timedelta(seconds=time.monotonic() - started)
    notice = deemed_notice(rule_for(config, channel, kind), Facts(sent=city_day(at)))
    if kind == Kind.LETTER:  # no administrative act: nothing is deemed given
        store.record_sent(db, claimed.row_id, receipt, at, None, "")
    else:
        store.record_sent(db, claimed.row_id, receipt, at, notice.day, notice.basis)
    report.sent.append(document_id)


def _check_status(
    settings: Settings, db: Database, config: OutgoingConfig, now: dt.datetime, report: SendReport
) -> None:
    today = city_day(now)
    watched = [c for c in Channel if _watched(config, c)]
    days = max([STATUS_DAYS, *(rule.fallback_after_days + 1 for rule in config.notice.values())])
    for sent in store.awaiting(db, watched, now - dt.timedelta(days=days)):
        channel, kind = Channel(sent.channel), Kind(sent.kind)
        rule = rule_for(config, channel, kind)
        facts = Facts(sent=city_day(sent.sent_at))
        connector = connector_for(config, channel, settings.dispatch)
        if isinstance(connector, HttpConnector):
            try:
                status = connector.status(sent.key)
            except DeliveryError as exc:
                log.warning("%s: status not known: %s", sent.document_id, exc)
                status = {}
            retrieved, acknowledged = (
                _moment(status.get("retrieved_at")),
                _moment(status.get("acknowledged_at")),
            )
            if retrieved or acknowledged:
                facts = Facts(sent=facts.sent, retrieved=city_day(retrieved) if retrieved else None,
                              acknowledged=city_day(acknowledged) if acknowledged else None)  # fmt: skip
                notice = deemed_notice(rule, facts) if kind != Kind.LETTER else None
                store.record_status(db, sent.row_id, now, retrieved_at=retrieved, acknowledged_at=acknowledged,
                                    notice_date=notice.day if notice else None, basis=notice.basis if notice else "")  # fmt: skip
                report.reported.append(sent.document_id)
                continue
        if needs_fallback(rule, facts, today):  # on paper: a formal service with certificate
            paper = Channel.POST_SERVICE if kind == Kind.FORMAL_SERVICE else Channel.POST
            connector_name = config.channels[paper].connector
            store.fall_back(db, sent.document_id, paper, connector_name, rule.fallback_basis, now)
            report.fallbacks.append(sent.document_id)


def _watched(config: OutgoingConfig, channel: Channel) -> bool:
    """Whether what was sent on `channel` is followed up: its gateway reports retrieval or
    acknowledgement, or its rule falls back to paper. (A PZU is recorded by hand.)"""
    rules = [rule_for(config, channel, kind) for kind in Kind]
    return config.channels[channel].connector == "http" or any(rule.fallback_after_days for rule in rules)


def record_delivery_certificate(
    settings: Settings, db: Database, document_id: str, delivered_on: dt.date, user: str,
    config: OutgoingConfig | None = None, now: dt.datetime | None = None,
) -> dt.date | None:  # fmt: skip
    """The returned postal delivery certificate (PZU) of a formal service: its date is the
    day of service (§ 3 VwZG). Returns the deemed notice date. Raises BadInput if the
    document was not sent by post with PZU or has its date already."""
    config = load_outgoing(settings) if config is None else config
    waiting = {s.document_id: s for s in store.awaiting(db)}
    sent = waiting.get(document_id)
    if sent is None or sent.channel != Channel.POST_SERVICE:
        raise BadInput(f"{document_id} wartet nicht auf eine Zustellungsurkunde")
    if delivered_on < city_day(sent.sent_at):
        raise BadInput("die Zustellung kann nicht vor dem Versand liegen")
    notice = deemed_notice(
        rule_for(config, Channel.POST_SERVICE, Kind(sent.kind)), Facts(delivered=delivered_on)
    )
    store.record_status(db, sent.row_id, now or dt.datetime.now(dt.UTC), delivered_on=delivered_on,
                        notice_date=notice.day, basis=notice.basis, user=user)  # fmt: skip
    return notice.day


def _moment(value: object) -> dt.datetime | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)
