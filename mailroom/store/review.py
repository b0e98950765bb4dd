"""Review's writes: a reviewer's decision with its audit row and event, and the figures of
the admin page."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import func, select

from mailroom.item_state import ReviewMark, StoredItem
from mailroom.records import ItemState
from mailroom.store.db import Database
from mailroom.store.items import flags_of, item_record, set_flags, utc
from mailroom.store.tables import Event, Item, Page, ReviewDecision


@dataclass(frozen=True)
class Verdict:
    """What a reviewer decided: the action and the item's new state and labels."""

    action: str  # "confirm", "correct", "unreadable"
    state: ItemState
    doc_type: str | None
    route: str | None


def record_review(
    db: Database, item_id: str, user: str, judge: Callable[[StoredItem | None], Verdict]
) -> Verdict:
    """Lock the item, let `judge` decide on it (it raises to refuse), then record the
    verdict: the item's state and labels, its review mark, an audit row and an event."""
    with db.session() as session:
        row = session.get(Item, item_id, with_for_update=True)
        verdict = judge(item_record(row) if row else None)
        assert row is not None  # judge refuses an unknown item
        before = {"state": row.state, "doc_type": row.doc_type, "route": row.route}
        row.state, row.doc_type, row.route = verdict.state, verdict.doc_type, verdict.route
        after = {"state": row.state, "doc_type": row.doc_type, "route": row.route}
        now = dt.datetime.now(dt.UTC)
        mark = ReviewMark(
            by=user, at=now.isoformat(), action=verdict.action, unreadable=verdict.action == "unreadable"
        )
        set_flags(row, flags_of(row).with_(review=mark))
        session.add(
            ReviewDecision(
                item_id=item_id,
                user=user,
                at=now,
                action=verdict.action,
                route=before["route"] or "",
                before=before,
                after=after,
            )
        )
        session.add(Event(at=now, kind="reviewed", item_id=item_id, source_id=row.source_id,
                          detail={"user": user, "action": verdict.action, "before": before, "after": after}))  # fmt: skip
    return verdict


def review_counts(db: Database) -> dict[str, int]:
    """Items in review per predicted route."""
    route = func.coalesce(Item.route, "")
    query = select(route, func.count()).where(Item.state == ItemState.IN_REVIEW).group_by(route)
    with db.session() as session:
        return dict(sorted((str(route), int(count)) for route, count in session.execute(query)))


def reviewed_items(db: Database, states: tuple[str, ...]) -> list[tuple[StoredItem, str, str]]:
    """(item, OCR text, last review action) of the items in `states` whose last review
    decision was a confirm or a correct."""
    with db.session() as session:
        last: dict[str, str] = {}
        for item_id, action in session.execute(
            select(ReviewDecision.item_id, ReviewDecision.action).order_by(ReviewDecision.id)
        ):
            last[item_id] = action
        ids = [i for i, action in last.items() if action in ("confirm", "correct")]
        rows = session.scalars(select(Item).where(Item.id.in_(ids), Item.state.in_(states)).order_by(Item.id))
        result = []
        for row in rows:
            texts = session.scalars(select(Page.text).where(Page.item_id == row.id).order_by(Page.number))
            result.append((item_record(row), "\n".join(texts), last[row.id]))
        return result


@dataclass(frozen=True)
class Figures:
    """The raw figures the admin page and /metrics are computed from, counted by the
    database (a year of mail is never loaded to be counted)."""

    states: dict[str, int]
    decisions: dict[str, int]  # items per decision ("auto", "review")
    oldest_in_review: dt.datetime | None
    dispatched_24h: int
    dispatched_7d: int
    reviewed_24h: int
    actions: dict[str, int]  # review decisions per action
    corrections: dict[str, tuple[int, int]]  # predicted route → (confirmed or corrected, corrected)


def figures(db: Database, now: dt.datetime) -> Figures:
    day, week = now - dt.timedelta(days=1), now - dt.timedelta(days=7)
    dispatched = select(func.count()).select_from(Event).where(Event.kind == "dispatched")
    with db.session() as session:
        states = dict(session.execute(select(Item.state, func.count()).group_by(Item.state)).all())
        decided = (
            select(Item.decision, func.count()).where(Item.decision.is_not(None)).group_by(Item.decision)
        )
        decisions = {str(k): v for k, v in session.execute(decided).all()}
        oldest = session.scalar(select(func.min(Item.created_at)).where(Item.state == ItemState.IN_REVIEW))
        reviewed_24h = session.scalar(
            select(func.count()).select_from(ReviewDecision).where(ReviewDecision.at >= day)
        )
        actions: dict[str, int] = {}
        corrections: dict[str, tuple[int, int]] = {}
        for action, predicted, count in session.execute(
            select(ReviewDecision.action, ReviewDecision.route, func.count()).group_by(
                ReviewDecision.action, ReviewDecision.route
            )
        ):
            actions[action] = actions.get(action, 0) + count
            if action in ("confirm", "correct"):
                reviewed, corrected = corrections.get(predicted or "", (0, 0))
                corrections[predicted or ""] = (reviewed + count, corrected + count * (action == "correct"))
        return Figures(
            states, decisions, utc(oldest) if oldest else None,
            session.scalar(dispatched.where(Event.at >= day)) or 0,
            session.scalar(dispatched.where(Event.at >= week)) or 0,
            reviewed_24h or 0, dict(sorted(actions.items())), dict(sorted(corrections.items())),
        )  # fmt: skip
