"""Alembic environment: migrations run from `mailroom.store.db.open_database`, on the
connection it hands over (or, from the alembic command line, on sqlalchemy.url)."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from mailroom.store.search import is_index_table
from mailroom.store.tables import Base

config = context.config
connection = config.attributes.get("connection")


def _declared(name, kind, _parent) -> bool:
    """The search index's tables are made by migration 0008 only, not declared in tables.py."""
    return kind != "table" or not is_index_table(name)


def run(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=True,
        include_name=_declared,
    )
    with context.begin_transaction():
        context.run_migrations()


if connection is not None:
    run(connection)
else:
    with create_engine(config.get_main_option("sqlalchemy.url") or "").connect() as new_connection:
        run(new_connection)
