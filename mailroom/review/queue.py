"""The review queue and the decisions taken on it.

Reads items `in_review`, and records a reviewer's decision: the item's new state and
labels, an Event for the dispatch trail, and a row of the append-only audit trail
(`review_decisions`). Confirmed or corrected items become `approved` and are dispatched;
an unreadable one becomes `failed` with `flags["review"]["unreadable"]`, which keeps it
out of dispatch.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import ColumnElement

from mailroom.item_state import ItemMetadata, ItemPrediction, StoredItem, StoredPage
from mailroom.records import ItemState
from mailroom.review.i18n import N_, Outdated, Refused
from mailroom.store.db import Database
from mailroom.store.items import get_item, item_history, item_pages, items_in
from mailroom.store.review import Verdict, record_review
from mailroom.taxonomy import Taxonomy

log = logging.getLogger(__name__)

COURT_MAIL = "gerichtspost"  # court mail: its deadlines run, so it comes first in the queue


class NotInReview(Outdated):
    """The item is not (or no longer) waiting for review."""


@dataclass(frozen=True)
class QueueEntry:
    """One line of the queue page."""

    id: str
    doc_type: str
    route: str
    confidence: float | None
    pages: int
    deadline: str | None  # ISO date found in the letter
    sender: str
    created_at: dt.datetime

    @property
    def court(self) -> bool:
        """Predicted to be court mail."""
        return self.doc_type == COURT_MAIL


@dataclass(frozen=True)
class ItemView:
    """Everything the item page shows."""

    id: str
    state: str
    doc_type: str
    route: str
    confidence: float | None
    pdf_path: str
    pages: list[StoredPage]
    prediction: ItemPrediction
    metadata: dict[str, Any]
    highlights: list[str]
    top3: dict[str, list[tuple[str, float]]]
    history: list[dict[str, Any]] = field(default_factory=list)


def review_queue(
    db: Database,
    route: str | None = None,
    doc_type: str | None = None,
    where: ColumnElement[bool] | None = None,
) -> list[QueueEntry]:
    """Items in review (passing `where`: mailroom.review.access.visible_filter): court mail
    first, then earliest deadline first (items without one last), then oldest first."""
    entries = [_entry(item) for item in items_in(db, [ItemState.IN_REVIEW], route, doc_type, where)]
    return sorted(
        entries, key=lambda e: (not e.court, e.deadline is None, e.deadline or "", e.created_at, e.id)
    )


def item_view(db: Database, item_id: str) -> ItemView | None:
    """The item with its pages, prediction, metadata and whole history; None if unknown."""
    item = get_item(db, item_id)
    if item is None:
        return None
    prediction = item.flags.prediction or ItemPrediction()
    return ItemView(
        id=item.id, state=item.state, doc_type=item.doc_type or "", route=item.route or "",
        confidence=item.confidence, pdf_path=item.pdf_path, pages=item_pages(db, item_id),
        prediction=prediction, metadata=item.metadata.to_json(), highlights=highlight_terms(prediction, item.metadata),
        top3={head: prediction.top3(head) for head in ("doc_type", "route")}, history=item_history(db, item_id),
    )  # fmt: skip


def top3(prediction: ItemPrediction | dict[str, Any], head: str) -> list[tuple[str, float]]:
    """The three most probable labels of a head with their probabilities, most probable first."""
    return ItemPrediction.model_validate(prediction).top3(head)


def highlight_terms(
    prediction: ItemPrediction | dict[str, Any], metadata: ItemMetadata | dict[str, Any]
) -> list[str]:
    """The words that drove the prediction: the evidence of the rules that fired, any words
    the classifier names, and the references found, longest first."""
    terms = (
        list(ItemPrediction.model_validate(prediction).words or ())
        + ItemMetadata.model_validate(metadata).terms()
    )
    return sorted({t.strip() for t in terms if len(t.strip()) >= 3}, key=len, reverse=True)


def decide(
    db: Database,
    taxonomy: Taxonomy,
    item_id: str,
    user: str,
    doc_type: str = "",
    route: str = "",
    unreadable: bool = False,
) -> tuple[str, str]:
    """Record a reviewer's decision on an item in review. Returns (action, new state).

    Labels equal to the item's are a "confirm", others a "correct"; `unreadable` marks it
    failed. Raises NotInReview if the item is not waiting, Refused for unknown labels.
    """

    def judge(item: StoredItem | None) -> Verdict:
        if item is None or item.state != ItemState.IN_REVIEW:
            raise NotInReview(N_("Item %(id)s is not waiting for review (any more)."), id=item_id)
        if unreadable:
            return Verdict("unreadable", ItemState.FAILED, item.doc_type, item.route)
        labels = doc_type or item.doc_type or "", route or item.route or ""
        if taxonomy.check(*labels):
            raise Refused(N_("Unknown labels: document type '%(doc_type)s', route '%(route)s'."),
                          doc_type=labels[0], route=labels[1])  # fmt: skip
        action = "confirm" if labels == (item.doc_type, item.route) else "correct"
        return Verdict(action, ItemState.APPROVED, *labels)

    verdict = record_review(db, item_id, user, judge)
    action, state = verdict.action, str(verdict.state)
    log.info("%s: %s by %s -> %s", item_id, action, user, state, extra={"item_id": item_id})
    return action, state


def next_in_queue(db: Database, after_id: str, where: ColumnElement[bool] | None = None) -> str | None:
    """The first item of the queue (passing `where`) other than `after_id`, or None if it is empty."""
    return next((entry.id for entry in review_queue(db, where=where) if entry.id != after_id), None)


def _entry(item: StoredItem) -> QueueEntry:
    metadata = item.metadata
    return QueueEntry(
        id=item.id, doc_type=item.doc_type or (item.flags.prediction and item.flags.prediction.doc_type) or "",
        route=item.route or "", confidence=item.confidence,
        pages=item.page_count, deadline=metadata.deadline or None, sender=metadata.sender or "",
        created_at=item.created_at,
    )  # fmt: skip
