"""The Celery mode's ledger of stage tasks: one row per stage and subject.

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

TIMESTAMP = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "stage_tasks",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("stage", sa.String(16), nullable=False),
        sa.Column("subject", sa.String(64), nullable=False),
        sa.Column("task_id", sa.String(64), nullable=False),
        sa.Column("queued_at", TIMESTAMP, nullable=False),
        sa.Column("started_at", TIMESTAMP, nullable=True),
        sa.Column("finished_at", TIMESTAMP, nullable=True),
        sa.Column("starts", sa.Integer, nullable=False),
        sa.Column("worker", sa.Text, nullable=False),
        sa.UniqueConstraint("stage", "subject"),
    )


def downgrade() -> None:
    op.drop_table("stage_tasks")
