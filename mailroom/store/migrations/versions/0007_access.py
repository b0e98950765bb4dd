"""Protected mail and the read audit: the routes a user is cleared for, what makes an item
protected (a cache kept fresh by mailroom/review/access.py), and the append-only record of
who looked at which item.

Revision ID: 0007
Revises: 0006
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

TIMESTAMP = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.add_column("users", sa.Column("routes", sa.Text, nullable=False, server_default=""))
    op.create_table(
        "item_access",
        sa.Column("item_id", sa.String(40), primary_key=True),
        sa.Column("basis", TIMESTAMP, nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("routes", sa.Text, nullable=False),
        sa.Column("categories", sa.Text, nullable=False),
    )
    op.create_table(
        "read_audit",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("at", TIMESTAMP, nullable=False, index=True),
        sa.Column("user", sa.String(80), nullable=False, index=True),
        sa.Column("item_id", sa.String(40), nullable=False, index=True),
        sa.Column("what", sa.String(20), nullable=False),
        sa.Column("page", sa.Integer, nullable=True),
        sa.Column("address", sa.String(64), nullable=False),
    )
    _forbid_changes_to_read_audit()


def _forbid_changes_to_read_audit() -> None:
    """The read audit is append-only, enforced by the database itself (as review_decisions)."""
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "CREATE FUNCTION read_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS "
            "$$ BEGIN RAISE EXCEPTION 'the read audit is append-only'; END $$"
        )
        op.execute(
            "CREATE TRIGGER read_audit_append_only BEFORE UPDATE OR DELETE ON read_audit "
            "FOR EACH ROW EXECUTE FUNCTION read_audit_append_only()"
        )
    else:
        for action in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER read_audit_no_{action.lower()} BEFORE {action} ON read_audit "
                "BEGIN SELECT RAISE(ABORT, 'the read audit is append-only'); END"
            )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER read_audit_append_only ON read_audit")
        op.execute("DROP FUNCTION read_audit_append_only()")
    op.drop_table("read_audit")
    op.drop_table("item_access")
    with op.batch_alter_table("users") as batch:
        batch.drop_column("routes")
