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

from sqlalchemy.exc import IntegrityError

from mailroom.archive.archival import archive_item
from mailroom.archive.pdfa import ConversionFailed, require_ghostscript
from mailroom.dispatch.connectors import DeliveryError, Payload, Target
from mailroom.dispatch.routes import connector_for, load_routes
from mailroom.dispatch.xdomea import XdomeaTarget, collect_replies
from mailroom.records import Delivery, DeliveryOutcome, ItemState
from mailroom.settings import DispatchSettings, Settings
from mailroom.store import deliveries
from mailroom.store.archive import ArchivedCopy
from mailroom.store.db import Database
from mailroom.store.deliveries import Claimed, shipment
from mailroom.store.deliveries import dead_letters as dead_letters  # the dead-letter list, for the CLI
from mailroom.store.deliveries import record_success as _record_success  # a name tests replace to crash
from mailroom.store.items import item_ids_in
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
    check_archive(settings)
    routes = load_routes(settings, taxonomy) if routes is None else routes
    report = DispatchReport()
    for item_id in item_ids_in(db, READY):
        elapsed = dt.timedelta(seconds=time.monotonic() - started)  # earlier deliveries of the pass took time
        try:
            delivery = dispatch_item(settings, db, item_id, routes, taxonomy, start + elapsed)
        except IntegrityError:  # another dispatcher made its delivery row at the same moment: it is theirs
            continue
        if delivery is not None:
            report.deliveries.append(delivery)
    collect_all_replies(db, routes, start)
    return report


def collect_all_replies(db: Database, routes: dict[str, Target], now: dt.datetime) -> int:
    """Record the confirmations waiting in the reply folders of the xdomea targets; how many."""
    targets = {t.key: t for t in routes.values() if isinstance(t, XdomeaTarget)}
    return sum(len(collect_replies(db, target, now)) for target in targets.values())


def dispatch_loop(
    settings: Settings,
    db: Database,
    stop: threading.Event,
    on_report: Callable[[DispatchReport], None] | None = None,
) -> None:
    """Run dispatch passes every `dispatch.poll_seconds` until `stop` is set. Configuration
    errors raise at once; anything failing in a pass is logged and the next pass tries again."""
    routes = load_routes(settings, settings.taxonomy)
    check_archive(settings)
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
    targets = {route: (target.connector, target.key) for route, target in routes.items()}
    lease = dt.timedelta(seconds=LEASE_TIMEOUTS * settings.dispatch.timeout_seconds)
    claimed = deliveries.claim(db, item_id, READY, targets, now, settings.dispatch.max_attempts, lease)
    if not isinstance(claimed, Claimed):
        return claimed
    target = routes[claimed.route]
    started = time.monotonic()
    try:
        archived = _archive(settings, db, item_id, now)
        payload = build_payload(db, settings, item_id, claimed.key, taxonomy, archived)
        receipt = connector_for(target, settings.dispatch).deliver(payload)
    except Exception as exc:  # whatever went wrong counts as a failed attempt and is shown to admins
        log.warning("%s: delivery to %s failed: %s", item_id, target.key, exc, extra={"item_id": item_id})
        failed_at = now + dt.timedelta(seconds=time.monotonic() - started)
        message = str(exc) if isinstance(exc, DeliveryError) else repr(exc)
        give_up = isinstance(exc, DeliveryError) and exc.permanent
        return deliveries.record_failure(
            db, item_id, claimed.row_id, message, give_up, failed_at, settings.dispatch.max_attempts,
            lambda attempts: backoff(attempts, settings.dispatch),
        )  # fmt: skip
    log.info("%s: delivered to %s (%s)", item_id, target.key, receipt, extra={"item_id": item_id})
    return _record_success(
        db, item_id, claimed.row_id, receipt, now + dt.timedelta(seconds=time.monotonic() - started)
    )


def check_archive(settings: Settings) -> None:
    """Before any mail is touched: Ghostscript and the ICC profile for archival copies, and
    the seal's key and certificate where some mail must be sealed. Raises
    MissingDependency or BadConfig."""
    if settings.archive.pdfa:
        require_ghostscript(settings.archive.icc_profile)
    high = settings.archive.protection_high
    if high.routes or high.doc_types:
        from mailroom.archive.seal import load_sealer  # pyHanko is slow to import; only sealing needs it

        load_sealer(settings.archive.seal, settings.home.resolve())


def build_payload(
    db: Database,
    settings: Settings,
    item_id: str,
    key: str,
    taxonomy: Taxonomy,
    archived: ArchivedCopy | None = None,
) -> Payload:
    """The item's PDF (its archival copy if there is one, else its searchable PDF), the
    files taken out of it (kept beside it) and its sidecar: labels, confidence, decision,
    model version, metadata, source file name and SHA-256, the PDF's SHA-256 and page
    count, the files' names and SHA-256, the event trail, and with an archival copy the
    SHA-256 of original, searchable PDF and copy and the transfer note. Raises
    DeliveryError if the PDF or one of the files is missing."""
    facts = shipment(db, item_id)
    item = facts.item
    home = settings.home.resolve()
    pdf = home / (archived.path if archived else item.pdf_path)
    if not (archived or item.pdf_path) or not pdf.is_file():
        raise DeliveryError(
            f"the item's {'archival copy' if archived else 'searchable PDF'} is missing ({pdf})"
        )
    attachments = {f"{item.id}.{name}": home / path for name, path in item.flags.attachments.items()}
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
        "metadata": item.metadata.to_json(),
        "source": {
            "file_name": facts.source_name, "sha256": facts.source_sha256, "position": item.position,
            "received_at": _iso(facts.received_at),
        },
        "document": {
            "file_name": f"{item.id}.pdf", "sha256": hashlib.sha256(pdf.read_bytes()).hexdigest(),
            "pages": item.page_count, "mean_ocr_confidence": item.mean_confidence,
        },
        "attachments": [{"file_name": n, "sha256": hashlib.sha256(p.read_bytes()).hexdigest()} for n, p in attachments.items()],
        "trail": [{"at": _iso(at), "kind": kind, "detail": detail} for at, kind, detail in facts.trail],
    }  # fmt: skip
    if archived is not None:
        sidecar["archive"] = {
            "format": "PDF/A-2b", "sha256": archived.sha256, "sealed": archived.sealed,
            "original_sha256": archived.original_sha256, "searchable_pdf_sha256": archived.searchable_sha256,
        }  # fmt: skip
        sidecar["transfer_note"] = archived.transfer_note
    return Payload(
        item.id, key, pdf, sidecar, f"{route['name']}: {doc_type['name']} ({item.id})", attachments
    )


def _archive(settings: Settings, db: Database, item_id: str, now: dt.datetime) -> ArchivedCopy | None:
    """The item's archival copy, if archival copies are made. A PDF Ghostscript cannot
    convert is a dead letter: trying again gives the same answer."""
    if not settings.archive.pdfa:
        return None
    try:
        return archive_item(settings, db, item_id, now)
    except ConversionFailed as exc:
        raise DeliveryError(f"no PDF/A archival copy: {exc}", permanent=True) from exc


def retry_dead_letter(db: Database, item_id: str, now: dt.datetime | None = None) -> ItemState:
    """Put a dead-lettered item back to the state it was dispatched from, with fresh
    attempts, due at once. Returns that state. Raises BadInput if it is not a dead letter."""
    state = deliveries.retry_dead_letter(db, item_id, _pass_time(now))
    log.info("%s: back from the dead-letter list to %s", item_id, state, extra={"item_id": item_id})
    return state


def backoff(attempts: int, settings: DispatchSettings) -> dt.timedelta:
    """Wait after the `attempts`-th failure: base, 2·base, 4·base, ... up to the cap."""
    seconds = settings.backoff_base_seconds * 2 ** max(attempts - 1, 0)
    return dt.timedelta(seconds=min(seconds, settings.backoff_cap_seconds))


def _label(labels: dict[str, Label], label_id: str | None) -> dict[str, Any]:
    label = labels.get(label_id or "")
    return {"id": label_id, "name": label.name if label else label_id}


def _pass_time(now: dt.datetime | None) -> dt.datetime:
    """The time of a pass as aware UTC: `now` if given (naive counts as UTC), else the clock."""
    if now is None:
        return dt.datetime.now(dt.UTC)
    return now.replace(tzinfo=dt.UTC) if now.tzinfo is None else now.astimezone(dt.UTC)


def _iso(value: dt.datetime | None) -> str | None:
    """ISO time in UTC; SQLite hands back naive datetimes that were stored as UTC."""
    if value is None:
        return None
    return (value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)).isoformat()
