"""Indexes that keep the review app and the coordinator's passes flat at 100,000s of items:
the queue and the stages' `due` read items by state in age order, the admin page counts
decisions and dispatches of the last day and week, the intake page reads files by
arrival. The route an item had before a review decision becomes a column of the audit
row (it was only inside the JSON `before`), so that corrections per route are counted
from an index. `benchmarks/scale_db.py` measures them.

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
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
    "ix_review_decisions_action_route": ("review_decisions", ["action", "route"]),
}
SQLITE_TRIGGERS = {
    action: f"CREATE TRIGGER review_decisions_no_{action.lower()} BEFORE {action} ON review_decisions "
    "BEGIN SELECT RAISE(ABORT, 'review decisions are append-only'); END"
    for action in ("UPDATE", "DELETE")
}


def upgrade() -> None:
    op.add_column("review_decisions", sa.Column("route", sa.String(40), nullable=False, server_default=""))
    _fill_routes()
    for name, (table, columns) in INDEXES.items():
        op.create_index(name, table, columns)


def downgrade() -> None:
    for name, (table, _columns) in INDEXES.items():
        op.drop_index(name, table_name=table)
    with op.batch_alter_table("review_decisions") as batch:
        batch.drop_column("route")
    if op.get_bind().dialect.name == "sqlite":  # a batch rebuild of the table loses its triggers
        for statement in SQLITE_TRIGGERS.values():
            op.execute(statement)


def _fill_routes() -> None:
    """The route of the existing audit rows, from their `before`: the append-only triggers
    step aside for this one update of a column that did not exist."""
    if op.get_bind().dialect.name == "postgresql":
        op.execute("ALTER TABLE review_decisions DISABLE TRIGGER review_decisions_append_only")
        op.execute("UPDATE review_decisions SET route = COALESCE(before ->> 'route', '')")
        op.execute("ALTER TABLE review_decisions ENABLE TRIGGER review_decisions_append_only")
        return
    op.execute("DROP TRIGGER review_decisions_no_update")
    op.execute("UPDATE review_decisions SET route = COALESCE(json_extract(before, '$.route'), '')")
    op.execute(SQLITE_TRIGGERS["UPDATE"])
