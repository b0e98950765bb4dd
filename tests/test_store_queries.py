"""The store's reads stay flat as the years of mail grow: the queue, the item page, the
admin figures and the stages' `due` are answered from indexes (SQLite's query plans say
so), the admin figures are counted by the database, and the files to settle are found by
what is on disk. `benchmarks/scale_db.py` measures the times at 100,000 items."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from sqlalchemy import create_engine, event, select, text
from sqlalchemy.exc import DBAPIError
from test_review_data import make_settings, seed

from mailroom.flow.stages import FLOW, due
from mailroom.review.queue import decide, item_view, review_queue
from mailroom.review.stats import collect
from mailroom.store.db import migrate, open_database
from mailroom.store.review import review_counts
from mailroom.store.sources import sources_to_settle
from mailroom.store.tables import Event, ReviewDecision, SourceFile

TABLES = ("items", "events", "review_decisions", "pages", "source_files", "deliveries")


def plans(db, run) -> dict[str, list[str]]:
    """The SQLite query plan of every statement `run` sends, by statement."""
    sent: list[tuple[str, object]] = []

    def capture(_conn, _cursor, statement, parameters, _context, _many) -> None:
        sent.append((statement, parameters))

    event.listen(db.engine, "before_cursor_execute", capture)
    try:
        run()
    finally:
        event.remove(db.engine, "before_cursor_execute", capture)
    with db.engine.connect() as connection:
        return {
            statement: [
                row[3] for row in connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", parameters)
            ]
            for statement, parameters in sent
            if statement.lstrip().upper().startswith("SELECT")
        }


def test_queue_item_admin_and_due_read_from_indexes(tmp_path: Path, taxonomy) -> None:
    db = seed(make_settings(tmp_path))
    decide(db, taxonomy, "item-a", "rita", "antrag", "sozialamt")

    def pages() -> None:
        review_queue(db)
        review_counts(db)
        item_view(db, "item-b")
        collect(db)
        for stage in FLOW:
            due(db, stage)

    found = plans(db, pages)
    assert len(found) >= 10
    for statement, plan in found.items():
        for step in plan:  # a table read whole, not through an index, grows with every letter
            assert not re.fullmatch(rf"SCAN ({'|'.join(TABLES)})", step), (step, statement)
    queue = next(
        plan for statement, plan in found.items() if "items.state IN" in statement and "ORDER BY" in statement
    )
    assert any("ix_items_state_created" in step for step in queue), queue
    assert not any("TEMP B-TREE" in step for step in queue), queue  # read in order, not sorted
    counted = " ".join(step for plan in found.values() for step in plan)
    assert "ix_events_kind_at" in counted and "ix_review_decisions_action_route" in counted


def test_admin_figures_are_counted_by_the_database(tmp_path: Path, database_url: str, taxonomy) -> None:
    db = seed(make_settings(tmp_path / "home", database_url))
    assert decide(db, taxonomy, "item-a", "rita", "antrag", "buergeramt")[0] == "confirm"
    assert decide(db, taxonomy, "item-b", "rita", "anfrage", "sozialamt")[0] == "correct"
    assert decide(db, taxonomy, "item-c", "rita", unreadable=True)[0] == "unreadable"
    now = dt.datetime.now(dt.UTC)
    with db.session() as session:
        for hours in (2, 50, 24 * 6, 24 * 10):
            session.add(Event(at=now - dt.timedelta(hours=hours), kind="dispatched", item_id="item-auto"))
        session.add(Event(at=now - dt.timedelta(hours=1), kind="dispatch_failed", item_id="item-auto"))
    stats = collect(db, now)
    assert (stats.dispatched_24h, stats.dispatched_7d, stats.reviewed_24h) == (1, 3, 3)
    assert stats.decisions == {"confirm": 1, "correct": 1, "unreadable": 1}
    assert [(c.route, c.reviewed, c.corrected) for c in stats.corrections] == [
        ("buergeramt", 1, 0),
        ("steueramt", 1, 1),  # the route predicted before the correction
    ]
    assert stats.states == {"approved": 2, "auto_approved": 1, "failed": 1}
    assert stats.automation_rate == pytest.approx(1 / 4)
    db.dispose()


def test_migration_0006_gives_earlier_decisions_their_route(tmp_path: Path, database_url: str) -> None:
    engine = create_engine(database_url)
    migrate(engine, "0005")
    now = dt.datetime.now(dt.UTC)
    with engine.begin() as connection:
        connection.execute(text("INSERT INTO source_files (sha256, original_name, size, claim_path, archive_path, "
                                "state, reason, page_count, split_info, received_at, updated_at) VALUES "
                                "('a', 'x.pdf', 1, 'c', '', 'done', '', 1, '{}', :now, :now)"), {"now": now})  # fmt: skip
        connection.execute(text("INSERT INTO items (id, source_id, position, state, page_count, source_pages, "
                                "pdf_path, flags, created_at, updated_at) VALUES "
                                "('i', 1, 1, 'approved', 1, '{}', '', '{}', :now, :now)"), {"now": now})  # fmt: skip
        for before in ('{"route": "steueramt"}', '{"items": []}'):  # a correction, and a split (no route)
            connection.execute(text("INSERT INTO review_decisions (item_id, \"user\", at, action, \"before\", "
                                    "\"after\") VALUES ('i', 'rita', :now, 'correct', :before, '{}')"),
                               {"now": now, "before": before})  # fmt: skip
    engine.dispose()
    db = open_database(database_url)  # to the newest revision
    with db.session() as session:
        assert session.scalars(select(ReviewDecision.route).order_by(ReviewDecision.id)).all() == [
            "steueramt",
            "",
        ]
    with pytest.raises(DBAPIError, match="append-only"), db.engine.begin() as connection:
        connection.execute(text("UPDATE review_decisions SET route = 'forged'"))
    db.dispose()


def test_files_to_settle_are_found_by_what_is_on_disk(tmp_path: Path) -> None:
    db = open_database(f"sqlite:///{tmp_path / 'mailroom.db'}")
    with db.session() as session:
        for number, state in enumerate(("done", "split", "quarantined", "done", "claimed"), start=1):
            session.add(SourceFile(sha256=f"{number}", original_name=f"{number}.pdf", size=1,
                                   claim_path=f"work/claimed/c{number}", state=state, reason="", page_count=0,
                                   split_info={}))  # fmt: skip
    found = sources_to_settle(
        db, {"work/claimed/c1", "work/claimed/c2", "work/claimed/c3", "gone"}, {4, 5, 99}
    )
    assert [s.id for s in found] == [1, 3, 4, 5]  # c2 is being split: left alone
    assert sources_to_settle(db, set(), set()) == []
    db.dispose()
