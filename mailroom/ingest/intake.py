"""Taking files from the hot folder: wait until complete, claim, hash, check, quarantine.

A file is taken only when its size and modification time have stood still for
`stable_seconds` and no process has it open for writing. Claiming is an atomic rename
into `work/claimed/`, preceded by a small JSON note with the original name, so that a
crash at any moment leaves the file either in the inbox or claimed, never lost.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
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
SUFFIX_TYPES = {".pdf": "pdf", ".tif": "tiff", ".tiff": "tiff", ".png": "png", ".jpg": "jpeg", ".jpeg": "jpeg"}
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
        self._seen: dict[Path, tuple[tuple[int, int], float]] = {}

    def ready(self, candidates: list[Path]) -> list[Path]:
        """The candidates unchanged for `stable_seconds` and not open for writing."""
        now, ready = self.clock(), []
        for path in candidates:
            try:
                stat = path.lstat()
            except FileNotFoundError:
                continue
            signature = (stat.st_size, stat.st_mtime_ns)
            previous = self._seen.get(path)
            if previous is None or previous[0] != signature:
                self._seen[path] = (signature, now)
            if now - self._seen[path][1] >= self.stable_seconds:
                ready.append(path)
        current = set(candidates)
        self._seen = {p: v for p, v in self._seen.items() if p in current}
        writing = files_open_for_writing() if ready else set()
        return [p for p in ready if p.resolve() not in writing or p.is_symlink()]


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
        if exc.errno != 18:  # EXDEV: the inbox is on another file system (a network share)
            note.unlink()
            raise
        shutil.copy2(path, target.with_suffix(".copying"), follow_symlinks=False)
        os.replace(target.with_suffix(".copying"), target)
        path.unlink()
    return Claimed(target, original)


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


def describe(claimed: Claimed, home: Path) -> SourceRecord:
    """Hash and size of a claimed file (of the link itself, for a symbolic link)."""
    path = claimed.path
    if path.is_symlink():
        content = os.readlink(path).encode()
        digest, size = hashlib.sha256(b"symlink:" + content).hexdigest(), len(content)
    else:
        digest, size = sha256_file(path), path.stat().st_size
    return SourceRecord(digest, claimed.original_name, size, str(path.relative_to(home)))


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def check_file(path: Path, original_name: str, limits: Limits) -> str:
    """Why the file cannot be taken as it is ('' if it can): links, empty files, too
    large, not a scanner format, or content that does not match the name's suffix."""
    if path.is_symlink():
        return f"a symbolic link (to {os.readlink(path)}), not a file: put the file itself into the inbox"
    if not path.is_file():
        return "not a regular file"
    size = path.stat().st_size
    if size == 0:
        return "empty file (0 bytes): the scan was not written completely"
    if size > limits.max_file_bytes:
        return f"{size / 1e6:.0f} MB is more than the limit of {limits.max_file_bytes / 1e6:.0f} MB (ingest.max_file_mb)"
    suffix = Path(original_name).suffix.lower()
    content_type = sniff_type(path)
    if suffix not in SUFFIX_TYPES:
        found = f" (its content is {content_type.upper()})" if content_type else ""
        return f"'{suffix or 'no suffix'}' files are not taken{found}: scan to PDF, TIFF, PNG or JPEG"
    if content_type is None:
        return f"named {suffix} but its content is not a PDF, TIFF, PNG or JPEG file"
    if content_type != SUFFIX_TYPES[suffix]:
        return f"named {suffix} but its content is {content_type.upper()}: rename it to match and drop it again"
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
