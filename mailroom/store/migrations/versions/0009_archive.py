"""Archival copies: per item the PDF/A-2b copy's path and SHA-256, the SHA-256 of the
original and of the searchable PDF it was made from, whether it is sealed, and its
transfer note.

Revision ID: 0009
Revises: 0008
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "archive_copies",
        sa.Column("item_id", sa.String(40), sa.ForeignKey("items.id"), primary_key=True),
        sa.Column("original_sha256", sa.String(64), nullable=False),
        sa.Column("searchable_sha256", sa.String(64), nullable=False),
        sa.Column("path", sa.Text, nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("sealed", sa.Boolean, nullable=False),
        sa.Column("transfer_note", sa.JSON, nullable=False),
        sa.Column("made_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("archive_copies")
