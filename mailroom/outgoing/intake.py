"""Intake of outgoing documents: each office's outbox folder (MAILROOM_HOME/outbox/<office>/,
a PDF with an optional JSON sidecar of the same name) and the HTTP endpoint both end in
`accept`. A document is stored under MAILROOM_HOME/outgoing/ and recorded before its file
leaves the outbox, so a crash in between takes it once, not twice. A file that cannot be
used goes to MAILROOM_HOME/outbox-quarantine/<office>/ with a .reason.txt beside it.

Sidecar keys (all optional): recipient_id (Empfänger-Kennung of the register; without it
the recipient is read from the address window), case_reference (Aktenzeichen), kind
(letter, notice, formal_service), urgent (true/false).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import logging
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pypdf import PdfReader
from pypdf.errors import PyPdfError

from mailroom.errors import BadInput
from mailroom.files import write_atomically
from mailroom.outgoing.records import Kind
from mailroom.settings import Settings
from mailroom.store import outgoing as store
from mailroom.store.db import Database

log = logging.getLogger(__name__)

KEYS = {"recipient_id", "case_reference", "kind", "urgent"}
MAX_MB = 50


@dataclass(frozen=True)
class Metadata:
    kind: Kind = Kind.LETTER
    recipient_id: str = ""
    case_reference: str = ""
    urgent: bool = False


@dataclass
class IntakeReport:
    taken: list[str] = field(default_factory=list)  # document ids
    duplicates: int = 0
    quarantined: list[tuple[str, str]] = field(default_factory=list)  # file, reason


def parse_metadata(data: Any) -> Metadata:
    """The sidecar's or form's metadata. Raises BadInput naming the wrong key or value."""
    if data is None:
        return Metadata()
    if not isinstance(data, dict):
        raise BadInput("die Metadaten müssen ein JSON-Objekt sein")
    unknown = set(data) - KEYS
    if unknown:
        raise BadInput(
            f"unbekannte Metadaten: {', '.join(sorted(unknown))} (erlaubt: {', '.join(sorted(KEYS))})"
        )
    try:
        kind = Kind(data.get("kind", Kind.LETTER))
    except ValueError:
        raise BadInput(f"Art {data.get('kind')!r} unbekannt (letter, notice, formal_service)") from None
    urgent = data.get("urgent", False)
    if not isinstance(urgent, bool):
        raise BadInput("urgent muss true oder false sein")
    strings = {key: data.get(key, "") for key in ("recipient_id", "case_reference")}
    if any(not isinstance(value, str) for value in strings.values()):
        raise BadInput("recipient_id und case_reference müssen Text sein")
    return Metadata(kind, strings["recipient_id"].strip(), strings["case_reference"].strip(), urgent)


def check_pdf(content: bytes) -> int:
    """The page count of a usable PDF. Raises BadInput saying why it is not one."""
    if len(content) > MAX_MB * 1024 * 1024:
        raise BadInput(f"größer als {MAX_MB} MB")
    if not content.startswith(b"%PDF-"):
        raise BadInput("keine PDF-Datei")
    try:
        reader = PdfReader(io.BytesIO(content))
        if reader.is_encrypted:
            raise BadInput("verschlüsseltes PDF: ohne Kennwort nicht druck- oder versendbar")
        pages = len(reader.pages)
    except (PyPdfError, ValueError, KeyError, OSError) as exc:
        raise BadInput(f"PDF nicht lesbar ({exc})") from exc
    if pages == 0:
        raise BadInput("PDF ohne Seiten")
    return pages


def accept(
    settings: Settings,
    db: Database,
    office: str,
    content: bytes,
    metadata: Metadata,
    origin: str,
    now: dt.datetime,
) -> tuple[str, bool]:
    """Store and record one document of `office`. Returns its id and whether it is new
    (False: the same PDF and metadata came before). Raises BadInput if it cannot be used."""
    if office not in settings.taxonomy.routes:
        raise BadInput(f"unbekanntes Amt {office!r}: die Ämter sind die Routen der Taxonomie")
    check_pdf(content)
    sha256 = hashlib.sha256(content).hexdigest()
    facts = json.dumps(
        [office, metadata.kind, metadata.recipient_id, metadata.case_reference], ensure_ascii=False
    )
    document_id = "out-" + hashlib.sha256(content + facts.encode()).hexdigest()[:20]
    relative = f"outgoing/{document_id}.pdf"
    path = settings.path(relative)
    if not path.is_file():
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, content, durable=True)
    row = {
        "id": document_id, "office": office, "kind": metadata.kind.value, "pdf_path": relative, "sha256": sha256,
        "case_reference": metadata.case_reference, "recipient_id": metadata.recipient_id,
        "urgent": metadata.urgent, "origin": origin,
    }  # fmt: skip
    new = store.add_document(db, row, now)
    log.info("%s: %s from %s (%s)", document_id, "taken" if new else "already there", origin, office)
    return document_id, new


def take_outboxes(settings: Settings, db: Database, now: dt.datetime | None = None) -> IntakeReport:
    """Take every complete PDF from the offices' outbox folders. A folder whose name is no
    office is quarantined file by file, like any other file that cannot be used."""
    now = now or dt.datetime.now(dt.UTC)
    report = IntakeReport()
    root = settings.outbox
    if not root.is_dir():
        return report
    for folder in sorted(p for p in root.iterdir() if p.is_dir()):
        for pdf in sorted(folder.iterdir()):
            if not pdf.is_file() or pdf.suffix.lower() == ".json" or pdf.name.startswith("."):
                continue
            if time.time() - pdf.stat().st_mtime < settings.outgoing.stable_seconds:
                continue  # still being written
            _take_file(settings, db, folder.name, pdf, now, report)
    return report


def _take_file(
    settings: Settings, db: Database, office: str, pdf: Path, now: dt.datetime, report: IntakeReport
) -> None:
    sidecar = pdf.with_suffix(".json")
    try:
        if pdf.suffix.lower() != ".pdf":
            raise BadInput("nur PDF-Dateien (mit optionaler JSON-Datei gleichen Namens)")
        data = json.loads(sidecar.read_text(encoding="utf-8")) if sidecar.is_file() else None
        document_id, new = accept(
            settings, db, office, pdf.read_bytes(), parse_metadata(data), f"folder:{pdf.name}", now
        )
    except (BadInput, json.JSONDecodeError, UnicodeDecodeError) as exc:
        reason = str(exc) if isinstance(exc, BadInput) else f"JSON-Datei nicht lesbar: {exc}"
        quarantine(settings, db, office, [pdf, sidecar], reason, now)
        report.quarantined.append((f"{office}/{pdf.name}", reason))
        return
    for path in (pdf, sidecar):
        path.unlink(missing_ok=True)
    if new:
        report.taken.append(document_id)
    else:
        report.duplicates += 1


def quarantine(
    settings: Settings, db: Database, office: str, files: list[Path], reason: str, now: dt.datetime
) -> Path:
    """Move `files` (those that exist) to the office's quarantine folder with the reason
    beside them, and record it. Returns the folder."""
    folder = settings.path("outbox-quarantine", office or "_")
    folder.mkdir(parents=True, exist_ok=True)
    stamp = now.strftime("%Y%m%dT%H%M%S")
    moved = []
    for path in files:
        if path.is_file():
            target = folder / f"{stamp}-{path.name}"
            shutil.move(path, target)
            moved.append(target.name)
    if moved:
        (folder / f"{moved[0]}.reason.txt").write_text(reason + "\n", encoding="utf-8")
    store.log_event(db, "quarantined", now, office=office, files=moved, reason=reason)
    log.warning("outbox %s: quarantined %s: %s", office, ", ".join(moved), reason)
    return folder


def quarantine_upload(
    settings: Settings, db: Database, office: str, name: str, content: bytes, reason: str, now: dt.datetime
) -> None:
    """An upload of the HTTP endpoint that cannot be used: kept in quarantine too."""
    folder = settings.path("outbox-quarantine", "_upload")
    folder.mkdir(parents=True, exist_ok=True)
    safe = "".join(ch if ch.isalnum() or ch in "._-" else "_" for ch in name)[:80] or "upload"
    path = folder / f"{now.strftime('%Y%m%dT%H%M%S%f')}-{safe}"
    write_atomically(path, content)
    quarantine(settings, db, office if office in settings.taxonomy.routes else "_upload", [path], reason, now)
