"""The figures behind the admin page's charts, counted by the database.

What happened to the mail is counted per UTC hour in SQL (see `_hour`), so a query returns
at most 24 rows per day and outcome however many items there are; the review app puts the
hours into the city's days and weeks, which keeps daylight saving exact on both databases.
With the index on events (kind, at) of migration 0006 the database reads only the weeks shown.
"""

from __future__ import annotations

import datetime as dt
import weakref
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import ColumnElement, case, func, literal_column, select

from mailroom.records import ItemState
from mailroom.store.db import Database
from mailroom.store.tables import Event, Item, ReviewDecision

# outcome → where it is counted: an event of the pipeline or a review decision
EVENT_OUTCOMES = {"auto_approved": "automated", "in_review": "to_review", "quarantined": "quarantined"}
REVIEW_OUTCOMES = {"confirm": "reviewed", "correct": "corrected"}


@dataclass(frozen=True)
class HourCount:
    """How often an outcome happened within one hour."""

    hour: dt.datetime  # the hour's start, aware UTC
    outcome: str  # "automated", "to_review", "quarantined", "reviewed" or "corrected"
    count: int


@dataclass(frozen=True)
class _Counted:
    """The counts of hours that are over, from `start` up to `end`."""

    start: dt.datetime
    end: dt.datetime
    counts: list[HourCount]


# Events and decisions are appended with the time they happen, so an hour that is over
# (by more than SETTLED, for writes still in flight) never changes: each database's past
# hours are counted once per process and only the hours since are counted on every view.
SETTLED = dt.timedelta(minutes=5)
_COUNTED: weakref.WeakKeyDictionary[Database, _Counted] = weakref.WeakKeyDictionary()


def outcomes_by_hour(db: Database, since: dt.datetime) -> list[HourCount]:
    """Per UTC hour since `since` (aware): items routed automatically or sent to review at
    classification, files quarantined, and review decisions that confirmed or corrected."""
    counted = _COUNTED.get(db)
    if counted is None or counted.start > since:
        counted = _Counted(since, since, [])
    counts = [c for c in counted.counts if c.hour >= since] + _count_hours(db, counted.end)
    over = (dt.datetime.now(dt.UTC) - SETTLED).replace(minute=0, second=0, microsecond=0)
    over = max(over, counted.end)
    _COUNTED[db] = _Counted(max(since, counted.start), over, [c for c in counts if c.hour < over])
    return counts


def _count_hours(db: Database, since: dt.datetime) -> list[HourCount]:
    dialect, counts = db.engine.dialect.name, []
    with db.session() as session:
        for at, kind, names in (
            (Event.at, Event.kind, EVENT_OUTCOMES),
            (ReviewDecision.at, ReviewDecision.action, REVIEW_OUTCOMES),
        ):
            hour = _hour(at, dialect)
            query = select(hour, kind, func.count()).where(kind.in_(names), at >= since).group_by(hour, kind)
            counts += [HourCount(_utc_hour(h), names[k], n) for h, k, n in session.execute(query)]
    return counts


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


def _hour(column, dialect: str) -> ColumnElement:
    """The UTC hour of a time column: PostgreSQL truncates the time (in UTC), SQLite, which
    keeps times as UTC text ('YYYY-MM-DD HH:MM:SS.ffffff'), cuts it to 'YYYY-MM-DD HH'
    (cheaper than strftime). Constants are written into the SQL, not bound, so that
    PostgreSQL sees the same expression in SELECT and GROUP BY."""
    if dialect == "postgresql":
        return func.date_trunc(literal_column("'hour'"), func.timezone(literal_column("'UTC'"), column))
    return func.substr(column, literal_column("1"), literal_column("13"))


def _utc_hour(value: dt.datetime | str) -> dt.datetime:
    """An hour as `_hour` gives it, as an aware UTC time."""
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=dt.UTC)
    return dt.datetime.fromisoformat(f"{value[:10]} {value[11:13]}:00+00:00")
