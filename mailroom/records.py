"""The typed records passed between the stages of the pipeline.

Small frozen dataclasses: no I/O, no database objects. Stages take records and return
new ones; the pipeline stores them.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, field


class ItemState(enum.StrEnum):
    """Where a mail item stands. Each change is recorded before the next stage starts."""

    RECEIVED = "received"
    SPLIT = "split"
    OCR_DONE = "ocr_done"
    CLASSIFIED = "classified"
    AUTO_APPROVED = "auto_approved"
    IN_REVIEW = "in_review"
    APPROVED = "approved"
    DISPATCHED = "dispatched"
    QUARANTINED = "quarantined"
    RELEASED = "released"  # stood for a quarantined file that was released for another try
    HANDLED = "handled"  # stood for a quarantined file that was handled by hand
    FAILED = "failed"
    DEAD_LETTER = "dead_letter"


class SourceState(enum.StrEnum):
    """Where a file taken from the hot folder stands."""

    CLAIMED = "claimed"  # moved into the work area, hash recorded
    SPLIT = "split"  # pages read, items made
    DONE = "done"  # every item OCR'd; the claimed copy is gone, the original archived
    QUARANTINED = "quarantined"
    DUPLICATE = "duplicate"  # same bytes as an earlier file; noted, not processed again
    RELEASED = "released"  # left the quarantine, replaced, for another try as a new file
    HANDLED = "handled"  # quarantined, then handled by hand outside the mail room


@dataclass(frozen=True)
class OcrWord:
    text: str
    confidence: float  # 0-100 as Tesseract gives it
    left: int
    top: int
    width: int
    height: int
    line: int  # running number of the word's text line on the page


@dataclass(frozen=True)
class PageOcr:
    """What OCR read off one cleaned page."""

    text: str
    words: tuple[OcrWord, ...]
    mean_confidence: float  # over words with text; 0 for a page without words
    flags: tuple[str, ...] = ()  # "no_text", "timeout", "low_confidence", "orientation_uncertain", ...


@dataclass(frozen=True)
class ProcessedPage:
    """A page after cleanup and OCR."""

    item_id: str
    number: int
    source_page: int
    rotation: int  # degrees counter-clockwise applied to make it upright
    skew: float  # degrees corrected
    image_path: str  # the cleaned page image, relative to MAILROOM_HOME
    ocr: PageOcr
    pdf_path: str = ""  # the page's searchable PDF, relative to MAILROOM_HOME


@dataclass(frozen=True)
class SourceRecord:
    """A file as it was taken from the hot folder."""

    sha256: str
    original_name: str
    size: int
    claim_path: str  # relative to MAILROOM_HOME
    extra: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class HeadPrediction:
    """What one head (doc_type or route) of a classifier says about an item."""

    label: str
    probability: float  # how likely `label` is right (calibrated on held-out letters, per doc type)
    top: tuple[tuple[str, float], ...]  # the three most probable labels, most probable first
    threshold: float  # the head's threshold for going straight through


@dataclass(frozen=True)
class ClassEvidence:
    """The terms of a letter that pushed one label of one head, strongest first
    (classify/explain.py): for the chosen label, and for the runner-up."""

    head: str  # "doc_type" or "route"
    label: str
    chosen: bool  # the head's chosen label; False for the runner-up
    terms: tuple[str, ...]


@dataclass(frozen=True)
class Prediction:
    """The classification of one mail item and the decision taken on it.

    `decision` is "auto" (straight through) or "review" (a person must see it);
    `decided_by` is "model" or "rules" (which of them fixed the route); `reason` says why.
    """

    doc_type: HeadPrediction
    route: HeadPrediction
    decision: str
    reason: str
    decided_by: str
    metadata: dict[str, object] = field(default_factory=dict)  # sender, date, references, ...
    model_version: str = ""
    evidence: tuple[ClassEvidence, ...] = ()  # what pushed the linear model, when asked for

    @property
    def confidence(self) -> float:
        """The lower of the two heads' probabilities."""
        return min(self.doc_type.probability, self.route.probability)


class DeliveryOutcome(enum.StrEnum):
    """What one dispatch pass did with an item's delivery."""

    DELIVERED = "delivered"
    FAILED = "failed"  # will be tried again after a backoff
    DEAD_LETTER = "dead_letter"  # given up; an admin can retry
    WAITING = "waiting"  # not due yet, or another process holds it


@dataclass(frozen=True)
class Delivery:
    """The delivery of an item to its office through one connector target."""

    item_id: str
    route: str
    connector: str  # "folder", "email", "webhook"
    target: str  # "<connector>:<folder, addresses or URL>"
    key: str  # idempotency key the receiver sees
    attempts: int
    outcome: DeliveryOutcome
    error: str = ""
    receipt: str = ""
    next_attempt_at: dt.datetime | None = None
    delivered_at: dt.datetime | None = None
