"""The database: migrations match the tables, and the event log cannot be changed."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError

from mailroom.store.db import migrate, open_database
from mailroom.store.search import is_index_table
from mailroom.store.tables import Base, Event, SourceFile


def test_migrations_build_exactly_the_declared_tables(database_url: str) -> None:
    db = open_database(database_url)
    with db.engine.connect() as connection:
        declared = {"include_name": lambda name, kind, _parent: kind != "table" or not is_index_table(name)}
        differences = compare_metadata(MigrationContext.configure(connection, opts=declared), Base.metadata)
    db.dispose()
    assert differences == []


def test_opening_twice_is_harmless_and_keeps_data(database_url: str) -> None:
    db = open_database(database_url)
    with db.session() as session:
        session.add(
            SourceFile(
                sha256="a" * 64,
                original_name="x.pdf",
                size=1,
                claim_path="c/1",
                state="claimed",
                reason="",
                page_count=0,
                split_info={},
            )
        )
    db.dispose()
    again = open_database(database_url)
    migrate(again.engine)
    with again.session() as session:
        assert session.scalar(select(SourceFile.original_name)) == "x.pdf"
    again.dispose()


def test_the_event_log_is_append_only(database_url: str) -> None:
    db = open_database(database_url)
    with db.session() as session:
        session.add(Event(kind="received", detail={"name": "x.pdf"}))
    for statement in ("UPDATE events SET kind = 'forged'", "DELETE FROM events"):
        with pytest.raises(DBAPIError, match="append-only"), db.engine.begin() as connection:
            connection.execute(text(statement))
    with db.session() as session:
        assert session.scalars(select(Event.kind)).all() == ["received"]
    db.dispose()
