"""The figures behind the admin page's charts, counted by the database.

What happened to the mail is counted per UTC hour in SQL (SQLite: the first 13
characters of the time as it stores it; PostgreSQL: `to_char` of the time in UTC), so a query returns at most 24 rows per day and outcome
however many items there are; the review app puts the hours into the city's days and
weeks, which keeps daylight saving exact on both databases.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import ColumnElement, case, func, literal_column, select, union_all

from mailroom.records import ItemState
from mailroom.store.db import Database
from mailroom.store.tables import Event, Item, ReviewDecision

# outcome → where it is counted: an event of the pipeline or a review decision
EVENT_OUTCOMES = {"auto_approved": "automated", "in_review": "to_review", "quarantined": "quarantined"}
REVIEW_OUTCOMES = {"confirm": "reviewed", "correct": "corrected"}
_HOUR = "%Y-%m-%d %H"


@dataclass(frozen=True)
class HourCount:
    """How often an outcome happened within one hour."""

    hour: dt.datetime  # the hour's start, aware UTC
    outcome: str  # "automated", "to_review", "quarantined", "reviewed" or "corrected"
    count: int


def outcomes_by_hour(db: Database, since: dt.datetime) -> list[HourCount]:
    """Per UTC hour since `since` (aware): items routed automatically or sent to review at
    classification, files quarantined, and review decisions that confirmed or corrected."""
    dialect = db.engine.dialect.name
    events = select(
        _hour(Event.at, dialect).label("hour"), Event.kind.label("kind")
    ).where(Event.kind.in_(EVENT_OUTCOMES), Event.at >= since)  # fmt: skip
    reviews = select(
        _hour(ReviewDecision.at, dialect).label("hour"), ReviewDecision.action.label("kind")
    ).where(ReviewDecision.action.in_(REVIEW_OUTCOMES), ReviewDecision.at >= since)  # fmt: skip
    happened = union_all(events, reviews).subquery()
    query = select(happened.c.hour, happened.c.kind, func.count()).group_by(happened.c.hour, happened.c.kind)
    names = EVENT_OUTCOMES | REVIEW_OUTCOMES
    with db.session() as session:
        rows = session.execute(query).all()
    return [
        HourCount(
            dt.datetime.strptime(hour.replace("T", " "), _HOUR).replace(tzinfo=dt.UTC), names[kind], count
        )
        for hour, kind, count in rows
    ]


def queue_ages(db: Database, now: dt.datetime, bounds: Sequence[dt.timedelta]) -> list[int]:
    """Items in review by how long they have waited: below bounds[0], between each pair of
    bounds, and at least bounds[-1] (len(bounds) + 1 counts). `bounds` ascend."""
    waited = case(
        *[(Item.created_at > now - bound, index) for index, bound in enumerate(bounds)], else_=len(bounds)
    )
    ages = select(waited.label("bucket")).where(Item.state == ItemState.IN_REVIEW).subquery()
    counts = [0] * (len(bounds) + 1)
    with db.session() as session:
        for bucket, count in session.execute(select(ages.c.bucket, func.count()).group_by(ages.c.bucket)):
            counts[int(bucket)] = count
    return counts


def _hour(column, dialect: str) -> ColumnElement[str]:
    """The UTC hour of a time column as text, 'YYYY-MM-DD HH'."""
    if dialect == "postgresql":
        return func.to_char(func.timezone("UTC", column), literal_column("'YYYY-MM-DD HH24'"))
    # SQLite keeps times as UTC text, 'YYYY-MM-DD HH:MM:SS.ffffff': the hour is its start,
    # and cutting is cheaper than strftime
    return func.substr(column, 1, 13)
