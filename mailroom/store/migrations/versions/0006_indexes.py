"""Indexes that keep the review app and the coordinator's passes flat at 100,000s of items:
the queue and the stages' `due` read items by state in age order, the admin page counts
decisions and dispatches of the last day and week, the intake page reads files by
arrival. `benchmarks/scale_db.py` measures them.

Revision ID: 0006
Revises: 0005
"""

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

INDEXES = {
    "ix_items_state_created": ("items", ["state", "created_at", "id"]),
    "ix_items_decision": ("items", ["decision"]),
    "ix_events_kind_at": ("events", ["kind", "at"]),
    "ix_source_files_received_at": ("source_files", ["received_at"]),
}


def upgrade() -> None:
    for name, (table, columns) in INDEXES.items():
        op.create_index(name, table, columns)


def downgrade() -> None:
    for name, (table, _columns) in INDEXES.items():
        op.drop_index(name, table_name=table)
