"""The files of the flow: where an installation keeps them, and the steps of the state
machine that concern a file taken from the hot folder (register it, archive its original,
quarantine it, make the folders agree with the database)."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from mailroom.files import replacing
from mailroom.ingest.intake import (
    SUFFIX_TYPES,
    Claimed,
    Limits,
    content_problem,
    describe,
    move_to_quarantine,
    path_problem,
    release_claim,
    safe_name,
    sha256_file,
)
from mailroom.ingest.timings import Timings
from mailroom.item_state import ItemFlags
from mailroom.records import ItemState, SourceState
from mailroom.settings import Settings
from mailroom.store.db import Database
from mailroom.store.sources import StoredSource, sources_to_settle
from mailroom.store.tables import Event, Item, SourceFile

SUFFIX_BY_KIND = {"pdf": ".pdf", "tiff": ".tif", "png": ".png", "jpeg": ".jpg"}


@dataclass(frozen=True)
class Folders:
    """Where an installation keeps its files, all under MAILROOM_HOME."""

    home: Path
    inbox: Path

    @classmethod
    def of(cls, settings: Settings) -> Folders:
        return cls(settings.home.resolve(), settings.inbox.resolve())

    @property
    def claimed(self) -> Path:
        return self.home / "work" / "claimed"

    @property
    def work(self) -> Path:
        return self.home / "work"

    @property
    def originals(self) -> Path:
        return self.home / "archive" / "originals"

    @property
    def pdfs(self) -> Path:
        return self.home / "archive" / "pdf"

    @property
    def quarantine(self) -> Path:
        return self.home / "quarantine"

    def make(self) -> None:
        for folder in (self.inbox, self.claimed, self.originals, self.pdfs, self.quarantine):
            folder.mkdir(parents=True, exist_ok=True)

    def rel(self, path: Path) -> str:
        return str(path.relative_to(self.home))


@dataclass
class IngestReport:
    files: int = 0
    duplicates: int = 0
    quarantined: int = 0
    items: int = 0
    pages: int = 0
    seconds: float = 0.0
    timings: Timings = Timings()  # of the stages run in this process and on its pool
    recorded: Timings = Timings()  # the part of `timings` spent in this process, recording


def register(
    db: Database, folders: Folders, claimed: Claimed, limits: Limits, report: IngestReport
) -> int | None:
    """Record a claimed file: as a duplicate of an earlier one, as quarantined, or as
    claimed. Returns its source id; None if it was registered before a crash."""
    problem = path_problem(claimed.path, limits)
    record = describe(claimed, folders.home, readable=not problem)
    with db.session() as session:
        if session.scalar(select(SourceFile.id).where(SourceFile.claim_path == record.claim_path)):
            return None
        report.files += 1
        source = SourceFile(
            sha256=record.sha256, original_name=record.original_name, size=record.size,
            claim_path=record.claim_path, state=SourceState.CLAIMED, reason="", page_count=0, split_info={},
        )  # fmt: skip
        earlier = session.scalar(
            select(SourceFile).where(  # a released file's bytes coming back are its retry
                SourceFile.sha256 == record.sha256,
                SourceFile.state.not_in((SourceState.DUPLICATE, SourceState.RELEASED)),
            ).order_by(SourceFile.id).limit(1)
        )  # fmt: skip
        if earlier is not None:
            source.state, source.duplicate_of = SourceState.DUPLICATE, earlier.id
            session.add(source)
            session.flush()
            event(session, "duplicate", source, detail={"of": earlier.id, "name": record.original_name})
            report.duplicates += 1
            return source.id
        session.add(source)
        session.flush()
        event(session, "received", source, detail={"name": record.original_name, "sha256": record.sha256})
        reason = problem or content_problem(claimed.path, claimed.original_name)
        if reason:
            quarantine_rows(session, source, reason)
            report.quarantined += 1
        return source.id


def settle(db: Database, folders: Folders) -> None:
    """Make the folders agree with the database: release or quarantine claimed files whose
    source is finished, and archive the originals of claimed sources."""
    on_disk = list(folders.claimed.iterdir()) if folders.claimed.is_dir() else []
    rasters = [p.name.removeprefix("src-") for p in folders.work.glob("src-*")]
    sources = sources_to_settle(  # found by what is on disk, not by every file ever received
        db, {folders.rel(p.with_suffix("") if p.suffix == ".json" else p) for p in on_disk},
        {int(name) for name in rasters if name.isdigit()},
    )  # fmt: skip
    for source in sources:
        path = folders.home / source.claim_path
        claimed = Claimed(path, source.original_name)
        if source.state == SourceState.DONE:
            shutil.rmtree(folders.work / f"src-{source.id}", ignore_errors=True)
        if not (path.exists() or path.is_symlink()):
            path.with_suffix(".json").unlink(missing_ok=True)
            continue
        if source.state == SourceState.QUARANTINED:
            move_to_quarantine(path, quarantine_target(folders, source), source.original_name, source.reason)
            path.with_suffix(".json").unlink(missing_ok=True)
        elif source.state in (SourceState.DUPLICATE, SourceState.DONE):
            release_claim(claimed)


def archive_original(db: Database, folders: Folders, source: SourceFile) -> None:
    """Keep the original byte for byte under its SHA-256 before anything else happens."""
    target = folders.originals / source.sha256[:2] / (source.sha256 + SUFFIX_BY_KIND.get(kind(source), ""))
    if not target.exists() or sha256_file(target) != source.sha256:
        target.parent.mkdir(parents=True, exist_ok=True)
        with replacing(target) as temporary:
            shutil.copyfile(folders.home / source.claim_path, temporary)
    if source.archive_path != folders.rel(target):
        with db.session() as session:
            session.get_one(SourceFile, source.id).archive_path = folders.rel(target)


def quarantine_rows(session, source: SourceFile, reason: str) -> None:
    """Record a file as quarantined: its source row, one item standing for it, an event."""
    source.state, source.reason = SourceState.QUARANTINED, reason
    for item in session.scalars(select(Item).where(Item.source_id == source.id)):
        session.delete(item)
    session.flush()
    item = Item(
        id=stand_in_id(source), source_id=source.id, position=1, state=ItemState.QUARANTINED,
        page_count=0, source_pages={"pages": []}, flags=ItemFlags(reason=reason).to_json(),
    )  # fmt: skip
    session.add(item)
    session.flush()
    event(session, "quarantined", source, item, detail={"reason": reason})


def event(
    session, kind: str, source: SourceFile | None = None, item: Item | None = None, detail: dict | None = None
) -> None:
    source_id = source.id if source is not None else (item.source_id if item is not None else None)
    session.add(
        Event(
            kind=kind, source_id=source_id, item_id=item.id if item is not None else None, detail=detail or {}
        )
    )


def make_item_id(source: SourceFile, position: int) -> str:
    return f"{source.sha256[:16]}-{position}"


def stand_in_id(source: SourceFile) -> str:
    """The id of the item standing for a quarantined file: its own per source, so that the
    same bytes released and taken again get the usual item ids."""
    return f"{source.sha256[:16]}-q{source.id}"


def kind(source: SourceFile) -> str:
    return SUFFIX_TYPES.get(Path(source.original_name).suffix.lower(), "")


def limits(settings: Settings) -> Limits:
    ingest = settings.ingest
    return Limits(int(ingest.max_file_mb * 1e6), ingest.max_pages, ingest.max_pixels_per_page)


def quarantine_target(folders: Folders, source: SourceFile | StoredSource) -> Path:
    return folders.quarantine / f"{Path(source.claim_path).name[:12]}-{safe_name(source.original_name)}"
