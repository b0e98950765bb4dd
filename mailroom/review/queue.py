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

from sqlalchemy import select

from mailroom.records import ItemState
from mailroom.review.i18n import N_, Outdated, Refused
from mailroom.store.db import Database
from mailroom.store.tables import Event, Item, Page, ReviewDecision
from mailroom.taxonomy import Taxonomy

log = logging.getLogger(__name__)


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


@dataclass(frozen=True)
class ItemView:
    """Everything the item page shows."""

    id: str
    state: str
    doc_type: str
    route: str
    confidence: float | None
    pdf_path: str
    pages: list[dict[str, Any]]  # number, text, words
    prediction: dict[str, Any]
    metadata: dict[str, Any]
    highlights: list[str]
    top3: dict[str, list[tuple[str, float]]]
    history: list[dict[str, Any]] = field(default_factory=list)


def utc(value: dt.datetime) -> dt.datetime:
    """`value` with UTC attached if the database gave it without a zone (SQLite)."""
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


def review_queue(db: Database, route: str | None = None, doc_type: str | None = None) -> list[QueueEntry]:
    """Items in review, earliest deadline first (items without one last), then oldest first."""
    query = select(Item).where(Item.state == ItemState.IN_REVIEW)
    if route:
        query = query.where(Item.route == route)
    if doc_type:
        query = query.where(Item.doc_type == doc_type)
    with db.session() as session:
        entries = [_entry(item) for item in session.scalars(query)]
    return sorted(entries, key=lambda e: (e.deadline is None, e.deadline or "", e.created_at, e.id))


def queue_counts(db: Database) -> dict[str, int]:
    """Items in review per predicted route."""
    counts: dict[str, int] = {}
    with db.session() as session:
        for route in session.scalars(select(Item.route).where(Item.state == ItemState.IN_REVIEW)):
            counts[route or ""] = counts.get(route or "", 0) + 1
    return dict(sorted(counts.items()))


def item_view(db: Database, item_id: str) -> ItemView | None:
    """The item with its pages, prediction, metadata and whole history; None if unknown."""
    with db.session() as session:
        item = session.get(Item, item_id)
        if item is None:
            return None
        pages = session.scalars(select(Page).where(Page.item_id == item_id).order_by(Page.number)).all()
        prediction = dict(item.flags.get("prediction") or {})
        metadata = dict(item.flags.get("metadata") or {})
        return ItemView(
            id=item.id, state=item.state, doc_type=item.doc_type or "", route=item.route or "",
            confidence=item.confidence, pdf_path=item.pdf_path,
            pages=[{"number": p.number, "text": p.text, "image_path": p.image_path} for p in pages],
            prediction=prediction, metadata=metadata, highlights=highlight_terms(prediction, metadata),
            top3={head: top3(prediction, head) for head in ("doc_type", "route")},
            history=_history(session, item_id),
        )  # fmt: skip


def top3(prediction: dict[str, Any], head: str) -> list[tuple[str, float]]:
    """The three most probable labels of a head with their probabilities, most probable first."""
    entry = prediction.get(head)
    rows = entry.get("top3", []) if isinstance(entry, dict) else prediction.get(f"{head}_top3", [])
    pairs = [(r["label"], r["p"]) if isinstance(r, dict) else (r[0], r[1]) for r in rows]
    return [(str(label), float(p)) for label, p in pairs][:3]


def highlight_terms(prediction: dict[str, Any], metadata: dict[str, Any]) -> list[str]:
    """The words that drove the prediction: the evidence of the rules that fired, any words
    the classifier names, and the references found, longest first."""
    terms = [str(w) for w in prediction.get("words", [])]
    terms += [str(hit.get("evidence", "")) for hit in metadata.get("rules", []) if isinstance(hit, dict)]
    references = metadata.get("references", [])
    terms += [str(r) for r in (references if isinstance(references, list) else [references])]
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
    with db.session() as session:
        item = session.get(Item, item_id, with_for_update=True)
        if item is None or item.state != ItemState.IN_REVIEW:
            raise NotInReview(N_("Item %(id)s is not waiting for review (any more)."), id=item_id)
        before = {"state": item.state, "doc_type": item.doc_type, "route": item.route}
        if unreadable:
            action = "unreadable"
            item.state = ItemState.FAILED
        else:
            doc_type, route = doc_type or item.doc_type or "", route or item.route or ""
            if taxonomy.check(doc_type, route):
                raise Refused(N_("Unknown labels: document type '%(doc_type)s', route '%(route)s'."),
                              doc_type=doc_type, route=route)  # fmt: skip
            action = "confirm" if (doc_type, route) == (item.doc_type, item.route) else "correct"
            item.state, item.doc_type, item.route = ItemState.APPROVED, doc_type, route
        after = {"state": item.state, "doc_type": item.doc_type, "route": item.route}
        now = dt.datetime.now(dt.UTC)
        review = {"by": user, "at": now.isoformat(), "action": action, "unreadable": unreadable}
        item.flags = {**item.flags, "review": review}
        session.add(
            ReviewDecision(item_id=item_id, user=user, at=now, action=action, before=before, after=after)
        )
        session.add(Event(at=now, kind="reviewed", item_id=item_id, source_id=item.source_id,
                          detail={"user": user, "action": action, "before": before, "after": after}))  # fmt: skip
        state = str(item.state)
    log.info("%s: %s by %s -> %s", item_id, action, user, state, extra={"item_id": item_id})
    return action, state


def next_in_queue(db: Database, after_id: str) -> str | None:
    """The first item of the queue other than `after_id`, or None if it is empty."""
    return next((entry.id for entry in review_queue(db) if entry.id != after_id), None)


def _entry(item: Item) -> QueueEntry:
    metadata = item.flags.get("metadata") or {}
    deadline = metadata.get("deadline")
    sender = metadata.get("sender") or ""
    return QueueEntry(
        id=item.id, doc_type=item.doc_type or "", route=item.route or "", confidence=item.confidence,
        pages=item.page_count, deadline=str(deadline) if deadline else None,
        sender=str(sender.get("name", "") if isinstance(sender, dict) else sender), created_at=utc(item.created_at),
    )  # fmt: skip


def _history(session, item_id: str) -> list[dict[str, Any]]:
    """Review decisions and pipeline events of the item, in time order."""
    rows: list[dict[str, Any]] = [
        {
            "at": utc(d.at),
            "kind": "review",
            "user": d.user,
            "action": d.action,
            "before": d.before,
            "after": d.after,
        }
        for d in session.scalars(select(ReviewDecision).where(ReviewDecision.item_id == item_id))
    ]
    rows += [
        {"at": utc(e.at), "kind": e.kind, "user": e.detail.get("user", ""), "action": "", "detail": e.detail}
        for e in session.scalars(select(Event).where(Event.item_id == item_id, Event.kind != "reviewed"))
    ]
    return sorted(rows, key=lambda r: r["at"])
