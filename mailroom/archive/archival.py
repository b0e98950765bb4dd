"""An item's archival copy, made once before its first delivery: its transfer note, the
PDF/A-2b of its searchable PDF with the note in the metadata, sealed where the route or
document type has a high protection need, written to `archive/pdfa/<item>.pdf` and
recorded with the SHA-256 of the original, the searchable PDF and the copy.

    facts ─▶ transfer note ─▶ PDF/A-2b + note ─▶ seal (high protection) ─▶ file ─▶ record
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from pathlib import Path

from mailroom.archive.pdfa import make_pdfa
from mailroom.archive.transfer import transfer_note
from mailroom.files import write_atomically
from mailroom.settings import Settings
from mailroom.store.archive import ArchivedCopy, archived_copy, record_archived, transfer_facts
from mailroom.store.db import Database

log = logging.getLogger(__name__)

FOLDER = ("archive", "pdfa")


def archive_item(settings: Settings, db: Database, item_id: str, now: dt.datetime) -> ArchivedCopy:
    """The item's archival copy: the recorded one if its file is still there unchanged,
    else a new one. Raises ConversionFailed (Ghostscript refused the PDF), BadConfig (the
    seal cannot be loaded), OSError."""
    home = settings.home.resolve()
    recorded = archived_copy(db, item_id)
    if recorded is not None and _sha256_of(home / recorded.path) == recorded.sha256:
        return recorded
    facts = transfer_facts(db, item_id)
    item = facts.item
    note = transfer_note(facts, settings.archive, now)
    searchable = home / item.pdf_path
    content = make_pdfa(searchable, note, settings.archive.icc_profile)
    high = settings.archive.protection_high.covers(item.route, item.doc_type)
    if high:
        from mailroom.archive.seal import (
            load_sealer,
            seal,
        )  # pyHanko is slow to import; only sealing needs it

        signer = load_sealer(settings.archive.seal, home)
        content = seal(content, signer, settings.archive.seal.field_name, "Archivexemplar, Schutzbedarf hoch")
    path = home.joinpath(*FOLDER, f"{item_id}.pdf")
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(path, content, durable=True)
    log.info("%s: archival copy %s%s", item_id, path, " (sealed)" if high else "", extra={"item_id": item_id})
    return record_archived(
        db,
        ArchivedCopy(
            item_id=item_id, path=str(path.relative_to(home)), sha256=hashlib.sha256(content).hexdigest(),
            original_sha256=facts.source_sha256, searchable_sha256=_sha256_of(searchable) or "",
            sealed=high, transfer_note=note.to_json(), made_at=now,
        ),
    )  # fmt: skip


def _sha256_of(path: Path) -> str | None:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else None
