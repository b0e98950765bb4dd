"""Records management: hash chains over the audit trail (events, review decisions, read
audit; see mailroom/store/chain.py), the quality sample, legal holds and deletion records
of retention runs. The rows already there are linked now.

The append-only triggers change in two ways: a row not yet linked may get its link (and
nothing else), and a retention run, while its transaction holds a `retention_pass` row,
may delete the audit rows of expired items.

Revision ID: 0010
Revises: 0009
"""

import sqlalchemy as sa
from alembic import op

from mailroom.store.chain import CONTENT, GENESIS, seal

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

TIMESTAMP = sa.DateTime(timezone=True)
MESSAGES = {
    "events": "events are append-only",
    "review_decisions": "review decisions are append-only",
    "read_audit": "the read audit is append-only",
}


def upgrade() -> None:
    for table in MESSAGES:
        op.add_column(table, sa.Column("chain_seq", sa.Integer, nullable=True))
        op.add_column(table, sa.Column("chain_hash", sa.String(64), nullable=True))
        op.create_index(f"ix_{table}_chain_seq", table, ["chain_seq"], unique=True)
    op.create_table(
        "audit_chain",
        sa.Column("name", sa.String(40), primary_key=True),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
    )
    op.bulk_insert(
        sa.table("audit_chain", sa.column("name"), sa.column("seq"), sa.column("hash")),
        [{"name": table, "seq": 0, "hash": GENESIS} for table in MESSAGES],
    )
    op.create_table(
        "deletion_records",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("item_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("doc_type", sa.String(40), nullable=False),
        sa.Column("route", sa.String(40), nullable=False),
        sa.Column("received_on", sa.Date, nullable=False),
        sa.Column("expired_on", sa.Date, nullable=False),
        sa.Column("deleted_at", TIMESTAMP, nullable=False, index=True),
        sa.Column("legal_basis", sa.Text, nullable=False),
        sa.Column("counts", sa.JSON, nullable=False),
        sa.Column("links", sa.JSON, nullable=False),
        sa.Column("models", sa.JSON, nullable=False),
    )
    op.create_table(
        "legal_holds",
        sa.Column("item_id", sa.String(40), sa.ForeignKey("items.id"), primary_key=True),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("user", sa.String(80), nullable=False),
        sa.Column("at", TIMESTAMP, nullable=False),
    )
    op.create_table(
        "qa_samples",
        sa.Column("item_id", sa.String(40), sa.ForeignKey("items.id"), primary_key=True),
        sa.Column("route", sa.String(40), nullable=False),
        sa.Column("doc_type", sa.String(40), nullable=False),
        sa.Column("sampled_at", TIMESTAMP, nullable=False),
        sa.Column("checked_at", TIMESTAMP, nullable=True),
        sa.Column("user", sa.String(80), nullable=False),
        sa.Column("correct", sa.Boolean, nullable=True),
        sa.Column("found_doc_type", sa.String(40), nullable=False),
        sa.Column("found_route", sa.String(40), nullable=False),
    )
    op.create_index("ix_qa_samples_checked_route", "qa_samples", ["checked_at", "route"])
    op.create_table("retention_pass", sa.Column("id", sa.Integer, primary_key=True))
    postgres = op.get_bind().dialect.name == "postgresql"
    for table, message in MESSAGES.items():
        if postgres:
            _postgres_trigger(table, message)
        else:
            _sqlite_triggers(table, message)
    seal(op.get_bind())


def _postgres_trigger(table: str, message: str) -> None:
    op.execute(
        f"CREATE OR REPLACE FUNCTION {table}_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        "IF TG_OP = 'DELETE' AND EXISTS (SELECT 1 FROM retention_pass) THEN RETURN OLD; END IF; "
        "IF TG_OP = 'UPDATE' AND OLD.chain_hash IS NULL AND "
        "(to_jsonb(NEW) - 'chain_seq' - 'chain_hash') = (to_jsonb(OLD) - 'chain_seq' - 'chain_hash') "
        f"THEN RETURN NEW; END IF; RAISE EXCEPTION '{message}'; END $$"
    )


def _sqlite_triggers(table: str, message: str) -> None:
    changed = " OR ".join(f'NEW."{column}" IS NOT OLD."{column}"' for column in CONTENT[table])
    op.execute(f"DROP TRIGGER IF EXISTS {table}_no_update")
    op.execute(f"DROP TRIGGER IF EXISTS {table}_no_delete")
    op.execute(
        f"CREATE TRIGGER {table}_no_update BEFORE UPDATE ON {table} "
        f"WHEN OLD.chain_hash IS NOT NULL OR {changed} BEGIN SELECT RAISE(ABORT, '{message}'); END"
    )
    op.execute(
        f"CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table} "
        f"WHEN NOT EXISTS (SELECT 1 FROM retention_pass) BEGIN SELECT RAISE(ABORT, '{message}'); END"
    )


def downgrade() -> None:
    postgres = op.get_bind().dialect.name == "postgresql"
    for table, message in MESSAGES.items():
        if postgres:
            op.execute(
                f"CREATE OR REPLACE FUNCTION {table}_append_only() RETURNS trigger LANGUAGE plpgsql AS "
                f"$$ BEGIN RAISE EXCEPTION '{message}'; END $$"
            )
        else:
            for action in ("UPDATE", "DELETE"):
                op.execute(f"DROP TRIGGER {table}_no_{action.lower()}")
        op.drop_index(f"ix_{table}_chain_seq", table)
        with op.batch_alter_table(table) as batch:
            batch.drop_column("chain_hash")
            batch.drop_column("chain_seq")
        if not postgres:
            for action in ("UPDATE", "DELETE"):
                op.execute(
                    f"CREATE TRIGGER {table}_no_{action.lower()} BEFORE {action} ON {table} "
                    f"BEGIN SELECT RAISE(ABORT, '{message}'); END"
                )
    for table in ("retention_pass", "qa_samples", "legal_holds", "deletion_records", "audit_chain"):
        op.drop_table(table)
