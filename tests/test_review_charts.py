"""The admin page's charts: counts made by real SQLite and PostgreSQL databases, put into
the city's days and weeks (across the switch to summer time), and the SVG on the page."""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path
from zoneinfo import ZoneInfo

from fastapi.testclient import TestClient
from test_review_app import logged_in
from test_review_data import make_settings, seed

from mailroom.review.app import create_app
from mailroom.review.charts import AGES, daily, weekly
from mailroom.store.charts import outcomes_by_hour, queue_ages
from mailroom.store.db import Database, open_database
from mailroom.store.tables import Event, Item, ReviewDecision, SourceFile

UTC = dt.UTC
NOW = dt.datetime(2026, 3, 31, 10, 0, tzinfo=UTC)  # a Tuesday; summer time began on Sunday 29 March
SVG = re.compile(r"<svg .*?</svg>", re.S)


def at(day: int, hour: int, minute: int = 0, month: int = 3) -> dt.datetime:
    return dt.datetime(2026, month, day, hour, minute, tzinfo=UTC)


def fill(db: Database) -> None:
    """Outcomes around the city's midnights, before and after the clocks changed, and a
    queue of items of every age."""
    with db.session() as session:
        session.add(
            SourceFile(id=1, sha256="0" * 64, original_name="a.pdf", size=1, claim_path="a", state="done")
        )
        session.flush()
        ages = [dt.timedelta(minutes=30), dt.timedelta(hours=2), dt.timedelta(hours=10), dt.timedelta(days=2),
                dt.timedelta(days=5)]  # fmt: skip
        for n, age in enumerate(ages + [dt.timedelta(hours=1)]):
            state = "in_review" if n < len(ages) else "approved"  # the last one has left the queue
            session.add(
                Item(id=f"i{n}", source_id=1, position=n + 1, state=state, page_count=1, created_at=NOW - age)
            )
        session.flush()
        for kind, when in [
            ("auto_approved", at(28, 23, 30)),  # 00:30 on the 29th in Berlin (winter time, UTC+1)
            ("auto_approved", at(29, 22, 30)),  # 00:30 on the 30th (summer time, UTC+2)
            ("in_review", at(30, 12)),
            ("quarantined", at(31, 9)),
            ("dispatched", at(30, 12)),  # not an outcome
            ("auto_approved", at(1, 12, month=1)),  # before both windows
        ]:
            session.add(Event(kind=kind, at=when, item_id="i0", detail={}))
        for action, when in [
            ("confirm", at(30, 8)),
            ("correct", at(30, 21, 59)),  # 23:59 on the 30th
            ("correct", at(30, 22, 1)),  # 00:01 on the 31st
            ("unreadable", at(30, 9)),  # neither confirmed nor corrected
        ]:
            session.add(
                ReviewDecision(item_id="i0", user="rita", at=when, action=action, before={}, after={})
            )


def test_outcomes_per_city_day_and_week_and_the_queue_by_age(database_url: str) -> None:
    db = open_database(database_url)
    fill(db)
    hours = outcomes_by_hour(db, at(1, 0))
    days = {d.day.day: d.counts for d in daily(hours, NOW.date()) if d.day.month == 3 and d.day.day >= 28}
    assert days == {
        28: {"automated": 0, "reviewed": 0, "corrected": 0, "quarantined": 0},
        29: {"automated": 1, "reviewed": 0, "corrected": 0, "quarantined": 0},
        30: {"automated": 1, "reviewed": 1, "corrected": 1, "quarantined": 0},
        31: {"automated": 0, "reviewed": 0, "corrected": 1, "quarantined": 1},
    }
    weeks = weekly(hours, NOW.date())
    assert len(weeks) == 12 and weeks[-1].monday == dt.date(2026, 3, 30)
    assert (weeks[-1].automation, weeks[-1].correction) == (0.5, 2 / 3)  # 1 of 2 automated, 2 of 3 corrected
    assert (weeks[-2].automation, weeks[-2].correction) == (1.0, None)  # Sunday the 29th: one automated
    assert all(w.automation is None for w in weeks[:-2])
    assert queue_ages(db, NOW, [bound for bound, _ in AGES if bound]) == [1, 1, 1, 1, 1]
    db.dispose()


def test_admin_page_shows_the_charts_in_german(tmp_path: Path) -> None:
    settings = make_settings(tmp_path / "home")
    db = seed(settings)  # three items in review, 1 to 9 hours old
    now = dt.datetime.now(dt.UTC)
    with db.session() as session:
        session.add(Event(kind="auto_approved", at=now, item_id="item-auto", detail={}))
        session.add(ReviewDecision(item_id="item-c", user="rita", at=now, action="correct", route="ordnungsamt",
                                   before={"route": "ordnungsamt"}, after={"route": "umweltamt"}))  # fmt: skip
    client = TestClient(create_app(settings, db))
    logged_in(client, "adam")
    page = client.get("/admin").text
    charts = SVG.findall(page)
    assert len(charts) == 4
    for svg in charts:  # well-formed, labelled SVG that loads nothing
        root = ET.fromstring(svg)
        assert root.get("role") == "img" and root.get("aria-labelledby")
        assert root.find("{http://www.w3.org/2000/svg}title").text
        assert "<script" not in svg and not re.search(r"(href|src)=", svg)
    outcomes, rates, queue, corrections = charts
    today = now.astimezone(ZoneInfo("Europe/Berlin")).strftime("%d.%m.%Y")
    assert "Was aus der Post wurde, pro Tag" in page and "in Quarantäne" in outcomes
    assert f"<title>{today}, automatisch weitergeleitet: 1</title>" in outcomes
    assert (
        f"KW {now.isocalendar().week}:" in rates and "100\xa0%" in rates
    )  # Babel's German: a no-break space
    assert "4–24 Std.: 2 in Prüfung" in queue and "&lt; 1 Std.: 0 in Prüfung" in queue
    assert "Ordnungsamt: 1 von 1 korrigiert (100\xa0%)" in corrections


def test_hours_that_are_over_are_counted_once_and_new_outcomes_still_show(database_url: str) -> None:
    db = open_database(database_url)
    fill(db)
    since = at(1, 0)
    first = outcomes_by_hour(db, since)
    now = dt.datetime.now(UTC)
    with db.session() as session:  # an outcome now, and a write into an hour long over
        session.add(Event(kind="auto_approved", at=now, item_id="i0", detail={}))
        session.add(Event(kind="quarantined", at=at(30, 12), item_id="i0", detail={}))
    second = outcomes_by_hour(db, since)
    added = Counter((c.hour, c.outcome) for c in second for _ in range(c.count))
    added.subtract(Counter((c.hour, c.outcome) for c in first for _ in range(c.count)))
    assert +added == Counter({(now.replace(minute=0, second=0, microsecond=0), "automated"): 1})
    db.dispose()
