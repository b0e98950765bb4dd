"""The search index (see mailroom/store/search.py): one row of sender, references and OCR
text per item; on SQLite an FTS5 table over it kept by triggers, on PostgreSQL a generated
tsvector in the German configuration with a GIN index. Items there are indexed now.

Revision ID: 0008
Revises: 0007
"""

from collections import defaultdict

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import TSVECTOR

from mailroom.item_state import ItemFlags, ItemMetadata
from mailroom.store.search import FTS, GLUE, TEXTS, search_values

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

COLUMNS = ("sender", "refs", "body")


def _german(name: str) -> str:
    return f"to_tsvector('german'::regconfig, translate({name}, '{GLUE}', '{' ' * len(GLUE)}'))"


DOCUMENT = f"setweight({_german('sender')}, 'A') || setweight({_german('refs')}, 'B') || {_german('body')}"


def upgrade() -> None:
    postgres = op.get_bind().dialect.name == "postgresql"
    op.create_table(
        TEXTS,
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "item_id",
            sa.String(40),
            sa.ForeignKey("items.id", ondelete="CASCADE"),
            nullable=False,
            unique=True,
        ),
        *(sa.Column(name, sa.Text, nullable=False) for name in COLUMNS),
        *([sa.Column("document", TSVECTOR, sa.Computed(DOCUMENT, persisted=True))] if postgres else []),
    )
    if postgres:
        op.create_index("item_search_document", TEXTS, ["document"], postgresql_using="gin")
    else:
        _fts5_table()
    _backfill()


def _fts5_table() -> None:
    """FTS5 over the texts table (external content: the text is stored once), kept by triggers."""
    op.execute(
        f"CREATE VIRTUAL TABLE {FTS} USING fts5({', '.join(COLUMNS)}, content='{TEXTS}', content_rowid='id', "
        "tokenize='unicode61 remove_diacritics 2', prefix='2 3')"
    )
    new = ", ".join(f"new.{name}" for name in COLUMNS)
    old = ", ".join(f"old.{name}" for name in COLUMNS)
    add = f"INSERT INTO {FTS}(rowid, {', '.join(COLUMNS)}) VALUES (new.id, {new});"
    remove = f"INSERT INTO {FTS}({FTS}, rowid, {', '.join(COLUMNS)}) VALUES ('delete', old.id, {old});"
    op.execute(f"CREATE TRIGGER {TEXTS}_insert AFTER INSERT ON {TEXTS} BEGIN {add} END")
    op.execute(f"CREATE TRIGGER {TEXTS}_delete AFTER DELETE ON {TEXTS} BEGIN {remove} END")
    op.execute(f"CREATE TRIGGER {TEXTS}_update AFTER UPDATE ON {TEXTS} BEGIN {remove} {add} END")


def _backfill() -> None:
    """A search row for every item with pages."""
    connection = op.get_bind()
    texts: dict[str, list[str]] = defaultdict(list)
    for item_id, text in connection.execute(
        sa.text("SELECT item_id, text FROM pages ORDER BY item_id, number")
    ):
        texts[item_id].append(text)
    rows = []
    items = sa.table("items", sa.column("id"), sa.column("flags", sa.JSON))
    for item_id, flags in connection.execute(sa.select(items.c.id, items.c.flags)):
        if item_id in texts:
            metadata = ItemFlags.of(flags).metadata or ItemMetadata()
            rows.append({"item_id": item_id, **search_values(metadata, texts[item_id])})
    if rows:
        target = sa.table(TEXTS, sa.column("item_id"), *(sa.column(name) for name in COLUMNS))
        connection.execute(target.insert(), rows)


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        for action in ("insert", "delete", "update"):
            op.execute(f"DROP TRIGGER {TEXTS}_{action}")
        op.execute(f"DROP TABLE {FTS}")
    op.drop_table(TEXTS)
