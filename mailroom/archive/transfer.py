"""The transfer note (Transfervermerk, BSI TR-03138 RESISCAN): how one item was scanned,
cleaned, read and checked, made from what the database recorded and the scan station's
settings. It travels in the sidecar, in the xdomea message and in the archival PDF's
metadata."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from typing import Any

from mailroom.settings import ArchiveSettings
from mailroom.store.archive import TransferFacts

DESKEW_MIN_DEGREES = 0.05  # a smaller correction is noise of the estimate, not a deskew

QA_TEXT = {
    "confirm": "geprüft und bestätigt",
    "correct": "geprüft und berichtigt",
    "unreadable": "geprüft: unleserlich",
}


@dataclass(frozen=True)
class TransferNote:
    """One item's Transfervermerk. Times are ISO 8601 in UTC."""

    item_id: str
    operator: str  # wer gescannt hat
    scan_station: str
    scanned_at: str  # when the scanned file arrived in the hot folder
    noted_at: str  # when this note was made
    scan_profile: str
    resolution_dpi: tuple[int, ...]  # the resolutions of the item's pages
    source_file: str
    source_sha256: str
    pages_scanned: int  # pages of the scanned file the item came from
    item_pages: int
    separator_pages_removed: int  # of the scanned file
    blank_pages_removed: int  # of the scanned file
    pages_rotated: int
    pages_deskewed: int
    ocr_confidence: float | None  # mean word confidence, 0-100
    qa_result: str  # "automatisch" or the review decision, in German
    qa_by: str  # the reviewer, or "automatisch"
    qa_at: str | None
    anomalies: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        return {key: list(v) if isinstance(v, tuple) else v for key, v in dataclasses.asdict(self).items()}

    def fields(self) -> list[tuple[str, str]]:
        """Every field as (name, text), for metadata that holds only text."""
        return [(key, _text(value)) for key, value in dataclasses.asdict(self).items()]


def transfer_note(facts: TransferFacts, settings: ArchiveSettings, now: dt.datetime) -> TransferNote:
    """The transfer note of an item from its recorded facts and the scan station's settings."""
    item = facts.item
    dpis = tuple(sorted({facts.dpis[p] for p in item.source_pages if 0 <= p < len(facts.dpis)}))
    if facts.review is not None:
        qa_result = QA_TEXT.get(facts.review.action, facts.review.action)
        qa_by, qa_at = facts.review.user, _iso(facts.review.at)
    else:
        confidence = f" (Konfidenz {item.confidence:.2f})" if item.confidence is not None else ""
        qa_result, qa_by, qa_at = f"automatisch freigegeben{confidence}", "automatisch", None
    anomalies = [f"Seite {page.number}: {flag}" for page in facts.pages for flag in page.flags]
    anomalies += [f"aus dem PDF entfernt: {what}" for what in facts.removed]
    if item.flags.error:
        anomalies.append(f"Fehler: {item.flags.error}")
    return TransferNote(
        item_id=item.id, operator=settings.operator, scan_station=settings.scan_station,
        scanned_at=_iso(facts.received_at), noted_at=_iso(now), scan_profile=settings.scan_profile,
        resolution_dpi=dpis, source_file=facts.source_name, source_sha256=facts.source_sha256,
        pages_scanned=facts.source_pages, item_pages=item.page_count,
        separator_pages_removed=len(facts.separators), blank_pages_removed=len(facts.blanks),
        pages_rotated=sum(1 for page in facts.pages if page.rotation % 360),
        pages_deskewed=sum(1 for page in facts.pages if abs(page.skew) >= DESKEW_MIN_DEGREES),
        ocr_confidence=None if item.mean_confidence is None else round(item.mean_confidence, 1),
        qa_result=qa_result, qa_by=qa_by, qa_at=qa_at, anomalies=tuple(anomalies),
    )  # fmt: skip


def _iso(value: dt.datetime) -> str:
    return value.astimezone(dt.UTC).isoformat(timespec="seconds")


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, tuple | list):
        return "; ".join(str(v) for v in value)
    return str(value)
