"""The typed state an item carries from OCR to dispatch, and the item as the review app and
dispatch see it.

The state is stored as one JSON object per item (`items.flags`): the store validates it
into `ItemFlags` when it reads a row and writes it back with `ItemFlags.to_json`, so
nobody outside the store unpacks the JSON by hand. Unknown keys, or keys of the wrong
type, raise `pydantic.ValidationError` when read.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ConfigDict, model_validator


class _Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Ranked(_Record):
    """One of a head's three most probable labels."""

    label: str
    p: float


class TermEvidence(_Record):
    """The terms of the letter that pushed one label of one head, strongest first."""

    head: str
    label: str
    chosen: bool  # the head's chosen label; False for the runner-up
    terms: tuple[str, ...]


class ItemPrediction(_Record):
    """What the classifier said about an item, as stored. Without a usable model only
    `reason` is set."""

    doc_type: str | None = None
    doc_type_top3: tuple[Ranked, ...] | None = None
    route: str | None = None
    route_top3: tuple[Ranked, ...] | None = None
    decision: str | None = None
    reason: str = ""
    decided_by: str | None = None
    model_version: str | None = None
    words: tuple[str, ...] | None = None  # words the classifier names as evidence
    evidence: tuple[TermEvidence, ...] | None = None  # the chosen labels' and runners-up's terms

    @model_validator(mode="before")
    @classmethod
    def _nested_heads(cls, data: Any) -> Any:
        """Also read the review app's first shape, `{"route": {"top3": [[label, p], ...]}}`."""
        if not isinstance(data, dict):
            return data
        data = dict(data)
        for head in ("doc_type", "route"):
            if isinstance(data.get(head), dict):
                data[f"{head}_top3"] = [
                    {"label": label, "p": p} for label, p in data.pop(head).get("top3", [])
                ]
        return data

    def top3(self, head: str) -> list[tuple[str, float]]:
        """The three most probable labels of `head` ("doc_type", "route"), most probable first."""
        ranked = (self.doc_type_top3 if head == "doc_type" else self.route_top3) or ()
        return [(r.label, r.p) for r in ranked[:3]]

    def evidence_of(self, head: str) -> list[TermEvidence]:
        """The evidence of `head`: for the chosen label first, then for the runner-up."""
        return sorted((e for e in self.evidence or () if e.head == head), key=lambda e: not e.chosen)


class RuleHit(_Record):
    """A rule that fired on the item's text."""

    evidence: str
    rule: str | None = None
    effect: str | None = None
    route: str | None = None
    doc_type: str | None = None


class ItemMetadata(BaseModel):
    """What was found in the letter (see classify/extract.py). Keys with nothing found are
    absent; keys set by hand or by other tools are kept as they are."""

    model_config = ConfigDict(frozen=True, extra="allow")

    sender: str | None = None
    date: str | None = None  # ISO date of the letter
    references: dict[str, list[str]] | list[str] | None = None  # kind of reference → references found
    ibans: list[str] | None = None
    amounts: list[str] | None = None
    deadlines: list[str] | None = None
    deadline: str | None = None  # ISO date, the earliest deadline
    novelty: float | None = None
    rules: list[RuleHit] | None = None

    def to_json(self) -> dict[str, Any]:
        return self.model_dump(mode="json", exclude_none=True)

    def terms(self) -> list[str]:
        """The evidence of the rules that fired and the references found."""
        references = self.references or []
        found = (
            [r for refs in references.values() for r in refs] if isinstance(references, dict) else references
        )
        return [hit.evidence for hit in self.rules or []] + found


class ReviewMark(_Record):
    """The last thing review did to an item: a decision (by, at, action, unreadable), the
    split that made it (split_from) or the merge that emptied it (merged_into)."""

    by: str
    at: str | None = None  # ISO time
    action: str | None = None
    unreadable: bool | None = None
    split_from: str | None = None
    merged_into: str | None = None


class ItemFlags(_Record):
    """The state of an item beyond its columns: OCR flags per page, the files taken out of
    its PDF, the prediction and metadata, review's mark, and why it failed or was quarantined."""

    pages: dict[int, tuple[str, ...]] = {}  # page number → OCR flags of the page, pages with flags only
    attachments: dict[str, str] = {}  # file name → path relative to MAILROOM_HOME
    prediction: ItemPrediction | None = None
    metadata: ItemMetadata | None = None
    review: ReviewMark | None = None
    error: str | None = None  # why a stage failed
    reason: str | None = None  # why the source file was quarantined

    @classmethod
    def of(cls, raw: dict[str, Any] | None) -> ItemFlags:
        """Validate the stored JSON; raises pydantic.ValidationError."""
        return cls.model_validate(raw or {})

    def to_json(self) -> dict[str, Any]:
        return self.model_dump(mode="json", exclude_none=True)

    def with_(self, **changes: Any) -> ItemFlags:
        """A copy with `changes`, validated."""
        return ItemFlags.model_validate({**dict(self), **changes})

    def page_flags(self) -> list[str]:
        return [flag for flags in self.pages.values() for flag in flags]

    def renumbered(self, numbers: list[int], first: int) -> dict[int, tuple[str, ...]]:
        """The page flags of pages `numbers`, renumbered from `first`."""
        return {n: self.pages[old] for n, old in enumerate(numbers, start=first) if old in self.pages}


@dataclass(frozen=True)
class StoredItem:
    """An item row as read from the store."""

    id: str
    source_id: int
    position: int
    state: str
    page_count: int
    source_pages: tuple[int, ...]
    pdf_path: str
    mean_confidence: float | None
    doc_type: str | None
    route: str | None
    confidence: float | None
    decision: str | None
    model_version: str | None
    created_at: dt.datetime  # aware UTC
    flags: ItemFlags

    @property
    def metadata(self) -> ItemMetadata:
        return self.flags.metadata or ItemMetadata()


@dataclass(frozen=True)
class StoredPage:
    """A page row of an item as read from the store."""

    number: int
    source_page: int
    text: str
    image_path: str
    mean_confidence: float
    has_words: bool
