"""`mailroom audit verify`: are the audit trail and the archive as they were recorded?

Checks each audit table's hash chain from its first row to its head (see
mailroom/store/chain.py) and every archived file against the SHA-256 recorded for it: the
originals in `archive/originals/` against `source_files.sha256`, the searchable PDFs against
the hash their `ocr_done` event recorded. Reads only; names the first row or file that does
not hold."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from mailroom.ingest.intake import sha256_file
from mailroom.store.chain import ChainReport
from mailroom.store.db import Database
from mailroom.store.integrity import ArchivedFile, archived_files, chain_reports

log = logging.getLogger(__name__)

TABLE_NAMES = {
    "events": "Ereignisprotokoll",
    "review_decisions": "Prüfentscheidungen",
    "read_audit": "Lesezugriffe",
}
KIND_NAMES = {"original": "Original", "pdf": "durchsuchbares PDF"}
CHAIN_PROBLEMS = {
    "changed": "Inhalt oder Verkettung verändert",
    "missing": "Zeile fehlt (gelöscht, ohne Löschnachweis)",
    "unlinked": "Zeile nicht verkettet (am Programm vorbei eingefügt)",
    "end": "Kette endet nicht am gespeicherten Kopf (Zeilen am Ende entfernt?)",
}


@dataclass(frozen=True)
class FileProblem:
    file: ArchivedFile
    what: str  # "missing" or "changed"


@dataclass(frozen=True)
class VerifyReport:
    chains: list[ChainReport]
    files_checked: dict[str, int]  # kind → how many
    file_problem: FileProblem | None  # the first

    @property
    def ok(self) -> bool:
        return self.file_problem is None and all(c.problem is None for c in self.chains)


def verify(db: Database, home: Path) -> VerifyReport:
    """Check the chains and the archived files under `home`; stops at the first bad file."""
    chains = chain_reports(db)
    checked = {"original": 0, "pdf": 0}
    for file in archived_files(db):
        path = home / file.path
        if not path.is_file():
            return VerifyReport(chains, checked, FileProblem(file, "missing"))
        if sha256_file(path) != file.sha256:
            return VerifyReport(chains, checked, FileProblem(file, "changed"))
        checked[file.kind] += 1
    return VerifyReport(chains, checked, None)


def report_lines(report: VerifyReport) -> list[str]:
    """The report in German, one line per chain and kind of file, the problem named."""
    lines = []
    for chain in report.chains:
        name = TABLE_NAMES[chain.table]
        if chain.problem is None:
            kept = f", {chain.deleted} gelöschte Zeilen durch Löschnachweise belegt" if chain.deleted else ""
            lines.append(f"{name} ({chain.table}): {chain.rows} Zeilen, Kette in Ordnung{kept}")
            continue
        problem = chain.problem
        where = f"Zeile Nr. {problem.seq}" if problem.seq is not None else "Zeile"
        if problem.row_id is not None:
            where += f" (id {problem.row_id})"
        lines.append(f"FEHLER {name} ({chain.table}), {where}: {CHAIN_PROBLEMS[problem.what]}")
    lines.append(f"Originale: {report.files_checked['original']} Dateien geprüft")
    lines.append(f"Durchsuchbare PDFs: {report.files_checked['pdf']} Dateien geprüft")
    if report.file_problem is not None:
        file = report.file_problem.file
        owner = f"Datei {file.ref}" if file.kind == "original" else f"Schriftstück {file.ref}"
        what = (
            "fehlt" if report.file_problem.what == "missing" else "Prüfsumme stimmt nicht (Datei verändert)"
        )
        lines.append(f"FEHLER {KIND_NAMES[file.kind]} {file.path} ({owner}): {what}")
    return lines
