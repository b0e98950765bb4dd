"""The mail room's view of intake: what became of the files taken from the hot folder, and
the two ways out of quarantine, both audited as events of the file (who, when, note).

- `release`: another try, after the file was replaced in the quarantine folder (with a
  new scan, a converted or repaired file) or the limit it broke was raised. It goes back
  into the inbox and the next ingest pass takes it as a new file; the same bytes count as
  the released file's retry, not as its duplicate.
- `mark_handled`: a person dealt with the letter outside the mail room (note required);
  the file stays in the quarantine folder.

The item that stood for the file in quarantine takes the file's new state (`released`,
`handled`). The web layer (views.py) and `mailroom quarantine` call these functions.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pdf2image import convert_from_path
from PIL import Image

from mailroom.flow.sources import Folders, limits, quarantine_target
from mailroom.ingest.intake import content_problem, path_problem, sniff_type
from mailroom.records import ItemState, SourceState
from mailroom.review.i18n import N_, TIMEZONE, Outdated, Refused
from mailroom.settings import Settings
from mailroom.store.db import Database
from mailroom.store.sources import StoredSource, add_source_event, get_source, leave_quarantine, listing

RECENT_DAYS = 7
MAX_RECENT = 500
AUDITED = ("quarantined", "released", "handled", "downloaded")
PREVIEW_PIXELS = 900  # the longer side of a preview
PREVIEW_SECONDS = 20
STAND_INS = (ItemState.QUARANTINED, ItemState.RELEASED, ItemState.HANDLED)  # items standing for a file
IN_QUARANTINE = (SourceState.QUARANTINED, SourceState.HANDLED)  # their file lies in the quarantine folder


@dataclass(frozen=True)
class FileEntry:
    """One file taken from the hot folder, as the intake page shows it."""

    id: int
    name: str
    received_at: dt.datetime
    state: str
    pages: int
    blanks: int
    separators: int
    items: list[tuple[str, str]]  # (id, state) of the items made of it
    reason: str
    history: list[dict[str, Any]] = field(default_factory=list)  # at, kind, user, note


@dataclass(frozen=True)
class Intake:
    quarantined: list[FileEntry]  # open: waiting for a decision, however old
    today: list[FileEntry]
    earlier: list[FileEntry]  # the days before, up to RECENT_DAYS


def intake_view(db: Database, now: dt.datetime | None = None) -> Intake:
    """The open quarantine and the files of the last RECENT_DAYS days, newest first."""
    now = now or dt.datetime.now(dt.UTC)
    since = now - dt.timedelta(days=RECENT_DAYS)
    found = listing(db, since, MAX_RECENT, STAND_INS, AUDITED)
    recent, open_ = found.recent, found.quarantined
    items, history = found.items, found.history
    entries = {s.id: _entry(s, items.get(s.id, []), history.get(s.id, [])) for s in [*recent, *open_]}
    today = now.astimezone(TIMEZONE).date()
    days = [(entries[s.id], entries[s.id].received_at.astimezone(TIMEZONE).date() == today) for s in recent]
    return Intake(
        quarantined=[entries[s.id] for s in open_],
        today=[entry for entry, is_today in days if is_today],
        earlier=[entry for entry, is_today in days if not is_today],
    )


def _entry(source: StoredSource, items: list[tuple[str, str]], history: list[dict[str, Any]]) -> FileEntry:
    return FileEntry(
        id=source.id, name=source.original_name, received_at=source.received_at, state=source.state,
        pages=source.page_count, blanks=source.blanks, separators=source.separators,
        items=items, reason=source.reason, history=history,
    )  # fmt: skip


def release(db: Database, settings: Settings, source_id: int, user: str, note: str = "") -> str:
    """Give a quarantined file another try (see the module's text). Returns its name in the
    inbox. Raises Refused if it is not in quarantine, its file is gone, or it still cannot be
    taken as it is."""
    folders = Folders.of(settings)
    path = target = Path()

    def decide(source: StoredSource | None) -> dict[str, Any]:
        nonlocal path, target
        source = _quarantined(source, source_id)
        path = quarantine_target(folders, source)
        if path.is_symlink() or not path.is_file():
            raise Refused(N_("%(name)s is no longer in the quarantine folder (%(path)s)."),
                          name=source.original_name, path=folders.rel(path))  # fmt: skip
        problem = path_problem(path, limits(settings)) or content_problem(path, source.original_name)
        if problem:
            raise Refused(
                N_("%(name)s still cannot be taken: %(reason)s"), name=source.original_name, reason=problem
            )
        target = _free_name(folders.inbox / Path(source.original_name).name)
        return {"user": user, "note": note.strip(), "reason": source.reason, "to": target.name}

    # the move comes last, before the commit: should the commit fail, the next ingest pass
    # takes the file as a new one all the same
    leave_quarantine(db, source_id, SourceState.RELEASED, decide, lambda: _move(path, target))
    path.with_name(path.name + ".reason.txt").unlink(missing_ok=True)
    return target.name


def mark_handled(db: Database, source_id: int, user: str, note: str) -> None:
    """Record that a person dealt with a quarantined file by hand, and how (`note`, required).
    The file stays in the quarantine folder."""
    if not note.strip():
        raise Refused(N_("Say in a note how the file was handled."))

    def decide(source: StoredSource | None) -> dict[str, Any]:
        return {"user": user, "note": note.strip(), "reason": _quarantined(source, source_id).reason}

    leave_quarantine(db, source_id, SourceState.HANDLED, decide)


def original_file(db: Database, settings: Settings, source_id: int, user: str) -> tuple[Path, str]:
    """The original of a file, as it came in (from the quarantine folder or the archive of
    originals), and its name; the download is audited. Raises Refused if there is none."""
    folders = Folders.of(settings)
    source = get_source(db, source_id)
    if source is None:
        raise Refused(N_("There is no file %(id)s."), id=source_id)
    candidates = [quarantine_target(folders, source)] if source.state in IN_QUARANTINE else []
    candidates += [folders.home / source.archive_path] if source.archive_path else []
    path = next((p for p in candidates if p.is_file() and not p.is_symlink()), None)
    if path is None:
        raise Refused(N_("The original of %(name)s is not kept here."), name=source.original_name)
    add_source_event(db, source.id, "downloaded", {"user": user, "from": folders.rel(path)})
    return path, Path(source.original_name).name


def preview_png(db: Database, settings: Settings, source_id: int) -> bytes | None:
    """The first page of a file in quarantine as a small PNG; None if it cannot be rendered
    (not a regular file, damaged, encrypted, too large, or not a scan at all)."""
    source = get_source(db, source_id)
    if source is None or source.state not in IN_QUARANTINE:
        return None
    path = quarantine_target(Folders.of(settings), source)
    if path.is_symlink() or not path.is_file():
        return None
    try:
        image = _first_page(path, sniff_type(path), settings.ingest.max_pixels_per_page)
    except Exception:  # a file in quarantine may be broken in any way: then there is no preview
        return None
    if image is None:
        return None
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def _first_page(path: Path, kind: str | None, max_pixels: int) -> Image.Image | None:
    if kind == "pdf":
        pages = convert_from_path(
            path, first_page=1, last_page=1, size=PREVIEW_PIXELS, timeout=PREVIEW_SECONDS
        )
        return pages[0] if pages else None
    if kind is None:
        return None
    with Image.open(path) as image:
        if image.width * image.height > max_pixels:
            return None
        image.thumbnail((PREVIEW_PIXELS, PREVIEW_PIXELS))
        return image.convert("L")


def _quarantined(source: StoredSource | None, source_id: int) -> StoredSource:
    if source is None or source.state != SourceState.QUARANTINED:
        raise Outdated(N_("File %(id)s is not in quarantine (any more)."), id=source_id)
    return source


def _free_name(path: Path) -> Path:
    """`path`, or `name-2.ext`, `name-3.ext` ... if taken."""
    candidate, number = path, 1
    while candidate.exists() or candidate.is_symlink():
        number += 1
        candidate = path.with_name(f"{path.stem}-{number}{path.suffix}")
    return candidate


def _move(path: Path, target: Path) -> None:
    """Move under a temporary name first (ingest leaves `.part` files alone), so the
    inbox never shows half a file, even across file systems."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".part")
    shutil.move(path, partial)
    os.replace(partial, target)
