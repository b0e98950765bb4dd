"""What `mailroom audit verify` reads: the hash chains (mailroom/store/chain.py) and the
archived files with the SHA-256 recorded for them."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy import select

from mailroom.store.chain import ChainReport, verify_chains
from mailroom.store.db import Database
from mailroom.store.tables import Event, Item, SourceFile

REGROUPED = ("split", "merge")  # review actions that rewrite an item's PDF


@dataclass(frozen=True)
class ArchivedFile:
    kind: str  # "original" or "pdf"
    ref: str  # the source file's id or the item's id
    path: str  # relative to MAILROOM_HOME
    sha256: str  # as recorded


def chain_reports(db: Database) -> list[ChainReport]:
    with db.engine.connect() as connection:
        return list(verify_chains(connection))


def archived_files(db: Database) -> Iterator[ArchivedFile]:
    """Every original in the archive with the hash it was taken with, then every searchable
    PDF whose hash the `ocr_done` event recorded (a PDF rewritten by a split or merge since
    has no recorded hash and is not listed)."""
    with db.session() as session:
        originals = select(SourceFile.id, SourceFile.archive_path, SourceFile.sha256).where(
            SourceFile.archive_path != ""
        )
        for source_id, path, digest in session.execute(originals.order_by(SourceFile.id)):
            yield ArchivedFile("original", str(source_id), path, digest)
        recorded: dict[str, str | None] = {}
        events = (
            select(Event.item_id, Event.kind, Event.detail)
            .where(Event.kind.in_(("ocr_done", "reviewed")), Event.item_id.is_not(None))
            .order_by(Event.id)
        )
        for item_id, kind, detail in session.execute(events):
            if kind == "ocr_done" and (detail or {}).get("pdf_sha256"):
                recorded[item_id] = detail["pdf_sha256"]
            elif kind == "reviewed" and (detail or {}).get("action") in REGROUPED:
                recorded[item_id] = None
        paths = dict(session.execute(select(Item.id, Item.pdf_path).where(Item.pdf_path != "")).all())
        for item_id, recorded_hash in recorded.items():
            if recorded_hash and paths.get(item_id):
                yield ArchivedFile("pdf", item_id, paths[item_id], recorded_hash)
