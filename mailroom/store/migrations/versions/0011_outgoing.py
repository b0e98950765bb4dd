"""Outgoing mail: the recipient register (append-only versions), outgoing documents, their
deliveries per channel and their append-only event log.

Revision ID: 0011
Revises: 0010
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

TIMESTAMP = sa.DateTime(timezone=True)
APPEND_ONLY = ("recipient_versions", "outgoing_events")


def upgrade() -> None:
    op.create_table(
        "recipient_versions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("recipient_id", sa.String(40), nullable=False, index=True),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("at", TIMESTAMP, nullable=False),
        sa.Column("author", sa.String(80), nullable=False),
        sa.Column("data", sa.JSON, nullable=False),
        sa.UniqueConstraint("recipient_id", "version"),
    )
    op.create_table(
        "outgoing_documents",
        sa.Column("id", sa.String(40), primary_key=True),
        sa.Column("office", sa.String(40), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("pdf_path", sa.Text, nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("case_reference", sa.Text, nullable=False),
        sa.Column("recipient_id", sa.String(40), nullable=False),
        sa.Column("recipient_version", sa.Integer, nullable=True),
        sa.Column("urgent", sa.Boolean, nullable=False),
        sa.Column("origin", sa.Text, nullable=False),
        sa.Column("state", sa.String(20), nullable=False, index=True),
        sa.Column("channel", sa.String(20), nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("notice_date", sa.Date, nullable=True),
        sa.Column("notice_basis", sa.Text, nullable=False),
        sa.Column("received_at", TIMESTAMP, nullable=False),
        sa.Column("updated_at", TIMESTAMP, nullable=False),
    )
    op.create_index("ix_outgoing_documents_office_state", "outgoing_documents", ["office", "state"])
    op.create_table(
        "outgoing_deliveries",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "document_id", sa.String(40), sa.ForeignKey("outgoing_documents.id"), nullable=False, index=True
        ),
        sa.Column("channel", sa.String(20), nullable=False),
        sa.Column("connector", sa.String(20), nullable=False),
        sa.Column("idempotency_key", sa.String(120), nullable=False, unique=True),
        sa.Column("attempts", sa.Integer, nullable=False),
        sa.Column("next_attempt_at", TIMESTAMP, nullable=True, index=True),
        sa.Column("last_error", sa.Text, nullable=False),
        sa.Column("receipt", sa.Text, nullable=False),
        sa.Column("sent_at", TIMESTAMP, nullable=True),
        sa.Column("retrieved_at", TIMESTAMP, nullable=True),
        sa.Column("acknowledged_at", TIMESTAMP, nullable=True),
        sa.Column("delivered_on", sa.Date, nullable=True),
        sa.Column("created_at", TIMESTAMP, nullable=False),
        sa.Column("updated_at", TIMESTAMP, nullable=False),
        sa.UniqueConstraint("document_id", "channel"),
    )
    op.create_table(
        "outgoing_events",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("at", TIMESTAMP, nullable=False, index=True),
        sa.Column("document_id", sa.String(40), nullable=False, index=True),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("user", sa.String(80), nullable=False),
        sa.Column("detail", sa.JSON, nullable=False),
    )
    op.create_index("ix_outgoing_events_kind_at", "outgoing_events", ["kind", "at"])
    for table in APPEND_ONLY:
        _append_only(table)


def _append_only(table: str) -> None:
    """The register's history and the audit log are append-only, enforced by the database."""
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            f"CREATE FUNCTION {table}_append_only() RETURNS trigger LANGUAGE plpgsql AS "
            f"$$ BEGIN RAISE EXCEPTION '{table} is append-only'; END $$"
        )
        op.execute(
            f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
            f"FOR EACH ROW EXECUTE FUNCTION {table}_append_only()"
        )
    else:
        for action in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER {table}_no_{action.lower()} BEFORE {action} ON {table} "
                f"BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END"
            )


def downgrade() -> None:
    postgres = op.get_bind().dialect.name == "postgresql"
    for table in APPEND_ONLY:
        if postgres:
            op.execute(f"DROP TRIGGER {table}_append_only ON {table}")
            op.execute(f"DROP FUNCTION {table}_append_only()")
        else:
            for action in ("update", "delete"):
                op.execute(f"DROP TRIGGER {table}_no_{action}")
    op.drop_table("outgoing_events")
    op.drop_table("outgoing_deliveries")
    op.drop_table("outgoing_documents")
    op.drop_table("recipient_versions")
