"""Taking files from the hot folder: wait until complete, claim, check, hash, quarantine.

A file is taken only when its size and modification time have stood still for
`stable_seconds` (and for twice the longest pause its writer was seen to make) and no
process has it open for writing. Claiming is an atomic rename into `work/claimed/`,
preceded by a small JSON note with the original name, so that a crash at any moment
leaves the file either in the inbox or claimed, never lost. A claimed path is read only
after `path_problem` found it a readable regular file of an acceptable size.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import re
import shutil
import stat
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from mailroom.records import SourceRecord

TEMPORARY_SUFFIXES = (".tmp", ".part", ".crdownload", ".partial")
SIGNATURES = {
    b"%PDF-": "pdf",
    b"II*\x00": "tiff",
    b"MM\x00*": "tiff",
    b"\x89PNG\r\n\x1a\n": "png",
    b"\xff\xd8\xff": "jpeg",
}
SUFFIX_TYPES = {
    ".pdf": "pdf",
    ".tif": "tiff",
    ".tiff": "tiff",
    ".png": "png",
    ".jpg": "jpeg",
    ".jpeg": "jpeg",
}
O_ACCMODE, O_WRONLY, O_RDWR = 0o3, 0o1, 0o2


@dataclass(frozen=True)
class Limits:
    max_file_bytes: int
    max_pages: int
    max_pixels_per_page: int


@dataclass(frozen=True)
class Claimed:
    """A file moved into the work area, with the note of where it came from."""

    path: Path
    original_name: str


class StabilityWatch:
    """Remembers what each inbox file looked like and since when, to tell when it is complete."""

    def __init__(self, stable_seconds: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.stable_seconds = stable_seconds
        self.clock = clock
        self._seen: dict[Path, _Seen] = {}
        self.reported: set[Path] = set()  # ready files that could not be taken, reported once

    def ready(self, candidates: list[Path]) -> list[Path]:
        """The candidates unchanged for `stable_seconds`, and for twice the longest pause
        their writer was seen to make between two changes, and not open for writing."""
        now, ready = self.clock(), []
        for path in candidates:
            try:
                status = path.lstat()
            except FileNotFoundError:
                continue
            signature = (status.st_size, status.st_mtime_ns)
            seen = self._seen.get(path)
            if seen is None:
                seen = _Seen(signature, now, 0.0)
            elif seen.signature != signature:  # it grew again: it is written in bursts this far apart
                seen = _Seen(signature, now, max(seen.longest_pause, now - seen.changed_at))
            self._seen[path] = seen
            if now - seen.changed_at >= max(self.stable_seconds, 2 * seen.longest_pause):
                ready.append(path)
        current = set(candidates)
        self._seen = {p: v for p, v in self._seen.items() if p in current}
        self.reported &= current
        writing = files_open_for_writing() if ready else set()
        return [p for p in ready if p.is_symlink() or p.resolve() not in writing]

    def next_ready_in(self) -> float | None:
        """Seconds until the first file seen changing will have stood still long enough for
        `ready` (which still checks it then); None if no file is waiting for that."""
        now = self.clock()
        waits = [
            max(self.stable_seconds, 2 * s.longest_pause) - (now - s.changed_at) for s in self._seen.values()
        ]
        return min((wait for wait in waits if wait > 0), default=None)


@dataclass(frozen=True)
class _Seen:
    signature: tuple[int, int]  # size and modification time
    changed_at: float  # when the signature was first seen
    longest_pause: float  # the longest time between two changes seen


def list_candidates(inbox: Path) -> list[Path]:
    """Files (and links) anywhere under the inbox, oldest first; names starting with '.'
    or ending like a temporary file are still being written and are left alone."""
    found = []
    for root, folders, files in os.walk(inbox):
        folders[:] = [f for f in folders if not f.startswith(".")]
        for name in files:
            if not name.startswith(".") and not name.lower().endswith(TEMPORARY_SUFFIXES):
                found.append(Path(root) / name)
        found += [Path(root) / f for f in folders if (Path(root) / f).is_symlink()]
    return sorted(found, key=_mtime_or_zero)


def files_open_for_writing() -> set[Path]:
    """Paths some process on this machine holds open for writing (Linux /proc)."""
    writing: set[Path] = set()
    for fd_dir in Path("/proc").glob("[0-9]*/fd"):
        try:
            for fd in fd_dir.iterdir():
                target = os.readlink(fd)
                if target.startswith("/") and _opened_for_writing(fd_dir.parent / "fdinfo" / fd.name):
                    writing.add(Path(target))
        except OSError:  # the process ended, or is not ours to look at
            continue
    return writing


def _opened_for_writing(fdinfo: Path) -> bool:
    for line in fdinfo.read_text().splitlines():
        if line.startswith("flags:"):
            return int(line.split()[1], 8) & O_ACCMODE in (O_WRONLY, O_RDWR)
    return False


def claim(path: Path, claimed_dir: Path, inbox: Path) -> Claimed:
    """Move `path` out of the inbox into `claimed_dir` under a new unique name."""
    claimed_dir.mkdir(parents=True, exist_ok=True)
    claim_id = uuid.uuid4().hex
    target = claimed_dir / claim_id
    note = claimed_dir / f"{claim_id}.json"
    original = str(path.relative_to(inbox))
    note.write_text(json.dumps({"original_name": original}), encoding="utf-8")
    try:
        os.rename(path, target)
    except OSError as exc:
        if exc.errno != errno.EXDEV:  # not: the inbox is on another file system (a network share)
            note.unlink()
            raise
        _copy_across(path, target, note)
    return Claimed(target, original)


def _copy_across(path: Path, target: Path, note: Path) -> None:
    """Claim by copy and delete, for an inbox on another file system. Only regular files
    and links are copied: a named pipe or a device would be read without end."""
    copying = target.with_suffix(".copying")
    try:
        if not (path.is_symlink() or stat.S_ISREG(path.lstat().st_mode)):
            raise OSError(errno.EXDEV, "not a regular file, and the inbox is on another file system")
        shutil.copy2(path, copying, follow_symlinks=False)
        os.replace(copying, target)
        path.unlink()
    except OSError:
        copying.unlink(missing_ok=True)
        target.unlink(missing_ok=True)
        note.unlink()
        raise


def recover_claims(claimed_dir: Path) -> list[Claimed]:
    """Claimed files left by a process that stopped; notes whose rename never happened go."""
    claims = []
    for note in sorted(claimed_dir.glob("*.json")):
        target = note.with_suffix("")
        if target.exists() or target.is_symlink():
            original = json.loads(note.read_text(encoding="utf-8"))["original_name"]
            claims.append(Claimed(target, original))
        else:
            note.unlink()
    return claims


def release_claim(claimed: Claimed) -> None:
    """Remove the claimed copy and its note once the file is archived or quarantined."""
    if claimed.path.exists() or claimed.path.is_symlink():
        claimed.path.unlink()
    claimed.path.with_suffix(".json").unlink(missing_ok=True)


def describe(claimed: Claimed, home: Path, readable: bool = True) -> SourceRecord:
    """Hash and size of a claimed file (of the link itself, for a symbolic link). A path
    that is not `readable` (see `path_problem`) is not read: its hash is that of its claim,
    unique to it."""
    path, claim_path = claimed.path, str(claimed.path.relative_to(home))
    if path.is_symlink():
        content = os.readlink(path).encode()
        digest, size = hashlib.sha256(b"symlink:" + content).hexdigest(), len(content)
    elif not readable:
        digest, size = hashlib.sha256(b"not read:" + claim_path.encode()).hexdigest(), path.lstat().st_size
    else:
        digest, size = sha256_file(path), path.stat().st_size
    return SourceRecord(digest, claimed.original_name, size, claim_path)


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def path_problem(path: Path, limits: Limits) -> str:
    """Why the path cannot be read as a scan, judged without reading any of it ('' if it
    can): a link, a named pipe, socket or device, no read permission, empty, or
    too large. `lstat` and a non-blocking open: a named pipe or a device never blocks."""
    status = path.lstat()
    if stat.S_ISLNK(status.st_mode):
        return f"a symbolic link (to {os.readlink(path)}), not a file: put the file itself into the inbox"
    if not stat.S_ISREG(status.st_mode):
        return f"{_special_kind(status.st_mode)}, not a regular file: only scans (PDF, TIFF, PNG, JPEG) are taken"
    try:
        os.close(os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOFOLLOW | os.O_CLOEXEC))
    except OSError as exc:
        return f"cannot be read ({exc.strerror}): let the mail room's user read it and drop it again"
    if status.st_size == 0:
        return "empty file (0 bytes): the scan was not written completely"
    if status.st_size > limits.max_file_bytes:
        return f"{status.st_size / 1e6:.0f} MB is more than the limit of {limits.max_file_bytes / 1e6:.0f} MB (ingest.max_file_mb)"
    return ""


def _special_kind(mode: int) -> str:
    return (
        "a named pipe (FIFO)"
        if stat.S_ISFIFO(mode)
        else "a socket"
        if stat.S_ISSOCK(mode)
        else "a device file"
    )


def content_problem(path: Path, original_name: str) -> str:
    """Why a readable regular file is not a scan as its name says ('' if it is): not a
    scanner format, or content that does not match the name's suffix."""
    suffix = Path(original_name).suffix.lower()
    content_type = sniff_type(path)
    if suffix not in SUFFIX_TYPES:
        found = f" (its content is {content_type.upper()})" if content_type else ""
        return f"'{suffix or 'no suffix'}' files are not taken{found}: scan to PDF, TIFF, PNG or JPEG"
    if content_type is None:
        return f"named {suffix} but its content is not a PDF, TIFF, PNG or JPEG file"
    if content_type != SUFFIX_TYPES[suffix]:
        return (
            f"named {suffix} but its content is {content_type.upper()}: rename it to match and drop it again"
        )
    return ""


def sniff_type(path: Path) -> str | None:
    with path.open("rb") as handle:
        head = handle.read(1024)
    if b"%PDF-" in head[:1024]:  # some writers put a few bytes before the header
        return "pdf"
    return next((kind for magic, kind in SIGNATURES.items() if head.startswith(magic)), None)


def move_to_quarantine(path: Path, target: Path, original_name: str, reason: str) -> None:
    """Move a file (or link) to `target` in quarantine, beside `<target>.reason.txt`.
    Safe to repeat after a crash."""
    target.parent.mkdir(parents=True, exist_ok=True)
    target.with_name(target.name + ".reason.txt").write_text(f"{original_name}\n{reason}\n", encoding="utf-8")
    if path.exists() or path.is_symlink():
        os.replace(path, target)


def safe_name(name: str) -> str:
    """A file name made of plain characters, for names the scanner or a person chose."""
    cleaned = re.sub(r"[^A-Za-z0-9._-]+", "_", Path(name).name).strip("._")
    return cleaned[:80] or "file"


def _mtime_or_zero(path: Path) -> float:
    try:
        return path.lstat().st_mtime
    except FileNotFoundError:
        return 0.0
