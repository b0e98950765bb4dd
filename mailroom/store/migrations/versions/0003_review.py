"""Users of the review app and the append-only audit trail of review decisions.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

TIMESTAMP = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "users",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(80), nullable=False, unique=True),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("password_hash", sa.Text, nullable=False),
        sa.Column("created_at", TIMESTAMP, nullable=False),
        sa.Column("updated_at", TIMESTAMP, nullable=False),
    )
    op.create_table(
        "review_decisions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("item_id", sa.String(40), sa.ForeignKey("items.id"), nullable=False, index=True),
        sa.Column("user", sa.String(80), nullable=False),
        sa.Column("at", TIMESTAMP, nullable=False, index=True),
        sa.Column("action", sa.String(20), nullable=False),
        sa.Column("before", sa.JSON, nullable=False),
        sa.Column("after", sa.JSON, nullable=False),
    )
    _forbid_changes_to_review_decisions()


def _forbid_changes_to_review_decisions() -> None:
    """The audit trail is append-only, enforced by the database itself."""
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "CREATE FUNCTION review_decisions_append_only() RETURNS trigger LANGUAGE plpgsql AS "
            "$$ BEGIN RAISE EXCEPTION 'review decisions are append-only'; END $$"
        )
        op.execute(
            "CREATE TRIGGER review_decisions_append_only BEFORE UPDATE OR DELETE ON review_decisions "
            "FOR EACH ROW EXECUTE FUNCTION review_decisions_append_only()"
        )
    else:
        for action in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER review_decisions_no_{action.lower()} BEFORE {action} ON review_decisions "
                "BEGIN SELECT RAISE(ABORT, 'review decisions are append-only'); END"
            )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER review_decisions_append_only ON review_decisions")
        op.execute("DROP FUNCTION review_decisions_append_only()")
    op.drop_table("review_decisions")
    op.drop_table("users")
