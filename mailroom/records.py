"""The typed records passed between the stages of the pipeline.

Small frozen dataclasses: no I/O, no database objects. Stages take records and return
new ones; the pipeline stores them.
"""

from __future__ import annotations

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
    FAILED = "failed"
    DEAD_LETTER = "dead_letter"


class SourceState(enum.StrEnum):
    """Where a file taken from the hot folder stands."""

    CLAIMED = "claimed"  # moved into the work area, hash recorded
    SPLIT = "split"  # pages read, items made
    DONE = "done"  # every item OCR'd; the claimed copy is gone, the original archived
    QUARANTINED = "quarantined"
    DUPLICATE = "duplicate"  # same bytes as an earlier file; noted, not processed again


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
    flags: tuple[str, ...] = ()  # "no_text", "timeout", "low_confidence", ...


@dataclass(frozen=True)
class PagePlan:
    """One page of an item, as the separation stage decided it."""

    source_page: int  # 0-based index in the source file
    number: int  # 1-based number within the item


@dataclass(frozen=True)
class ItemPlan:
    """An item cut out of a source file: which pages belong to it."""

    item_id: str
    position: int  # 1-based place in the source file (batch)
    pages: tuple[PagePlan, ...]


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
