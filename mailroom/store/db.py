"""The database connection: SQLite under MAILROOM_HOME by default, PostgreSQL by URL.

Opening a database brings its schema to the newest Alembic revision.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from mailroom.errors import BadConfig
from mailroom.store.chain import watch_sessions

MIGRATIONS = Path(__file__).parent / "migrations"


class Database:
    """An engine and its session factory. `session()` commits on success, rolls back on error."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        watch_sessions(self._sessions)  # audit rows are linked into their hash chain on commit

    @contextmanager
    def session(self) -> Iterator[Session]:
        with self._sessions.begin() as session:
            yield session

    def dispose(self) -> None:
        self.engine.dispose()


def open_database(url: str) -> Database:
    """Connect to `url` and migrate it to the newest schema. Raises BadConfig if unreachable."""
    if url.startswith("sqlite:///"):
        Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, pool_pre_ping=True)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    try:
        migrate(engine)
    except OperationalError as exc:
        raise BadConfig(f"cannot open the database {engine.url!r}: {exc.orig}") from exc
    return Database(engine)


def migrate(engine: Engine, revision: str = "head") -> None:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        if engine.dialect.name == "postgresql":  # workers starting together migrate one after the other
            connection.execute(text("SELECT pg_advisory_xact_lock(hashtext(current_schema()))"))
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


def _sqlite_pragmas(connection, _record) -> None:
    cursor = connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")  # readers do not block the writer
    cursor.execute("PRAGMA synchronous=NORMAL")  # durable against a killed process
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()
