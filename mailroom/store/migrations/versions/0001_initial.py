"""Source files, items, pages and the append-only event log.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

TIMESTAMP = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "source_files",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("sha256", sa.String(64), nullable=False, index=True),
        sa.Column("original_name", sa.Text, nullable=False),
        sa.Column("size", sa.Integer, nullable=False),
        sa.Column("claim_path", sa.Text, nullable=False, unique=True),
        sa.Column("archive_path", sa.Text, nullable=False),
        sa.Column("state", sa.String(20), nullable=False, index=True),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("duplicate_of", sa.Integer, sa.ForeignKey("source_files.id"), nullable=True),
        sa.Column("page_count", sa.Integer, nullable=False),
        sa.Column("split_info", sa.JSON, nullable=False),
        sa.Column("received_at", TIMESTAMP, nullable=False),
        sa.Column("updated_at", TIMESTAMP, nullable=False),
    )
    op.create_table(
        "items",
        sa.Column("id", sa.String(40), primary_key=True),
        sa.Column("source_id", sa.Integer, sa.ForeignKey("source_files.id"), nullable=False, index=True),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("state", sa.String(20), nullable=False, index=True),
        sa.Column("page_count", sa.Integer, nullable=False),
        sa.Column("source_pages", sa.JSON, nullable=False),
        sa.Column("pdf_path", sa.Text, nullable=False),
        sa.Column("mean_confidence", sa.Float, nullable=True),
        sa.Column("flags", sa.JSON, nullable=False),
        sa.Column("doc_type", sa.String(40), nullable=True),
        sa.Column("route", sa.String(40), nullable=True),
        sa.Column("confidence", sa.Float, nullable=True),
        sa.Column("decision", sa.String(20), nullable=True),
        sa.Column("model_version", sa.String(80), nullable=True),
        sa.Column("created_at", TIMESTAMP, nullable=False),
        sa.Column("updated_at", TIMESTAMP, nullable=False),
        sa.UniqueConstraint("source_id", "position"),
    )
    op.create_table(
        "pages",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("item_id", sa.String(40), sa.ForeignKey("items.id"), nullable=False, index=True),
        sa.Column("number", sa.Integer, nullable=False),
        sa.Column("source_page", sa.Integer, nullable=False),
        sa.Column("rotation", sa.Integer, nullable=False),
        sa.Column("skew", sa.Float, nullable=False),
        sa.Column("image_path", sa.Text, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("words", sa.JSON, nullable=False),
        sa.Column("mean_confidence", sa.Float, nullable=False),
        sa.Column("flags", sa.JSON, nullable=False),
        sa.UniqueConstraint("item_id", "number"),
    )
    op.create_table(
        "events",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("at", TIMESTAMP, nullable=False, index=True),
        sa.Column("kind", sa.String(40), nullable=False, index=True),
        sa.Column("source_id", sa.Integer, sa.ForeignKey("source_files.id"), nullable=True, index=True),
        sa.Column("item_id", sa.String(40), sa.ForeignKey("items.id"), nullable=True, index=True),
        sa.Column("detail", sa.JSON, nullable=False),
    )
    _forbid_changes_to_events()


def _forbid_changes_to_events() -> None:
    """The event log is append-only, enforced by the database itself."""
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "CREATE FUNCTION events_append_only() RETURNS trigger LANGUAGE plpgsql AS "
            "$$ BEGIN RAISE EXCEPTION 'events are append-only'; END $$"
        )
        op.execute(
            "CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON events "
            "FOR EACH ROW EXECUTE FUNCTION events_append_only()"
        )
    else:
        for action in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER events_no_{action.lower()} BEFORE {action} ON events "
                "BEGIN SELECT RAISE(ABORT, 'events are append-only'); END"
            )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER events_append_only ON events")
        op.execute("DROP FUNCTION events_append_only()")
    for table in ("events", "pages", "items", "source_files"):
        op.drop_table(table)
