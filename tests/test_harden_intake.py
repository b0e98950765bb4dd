"""A hot folder holding what no scanner writes: named pipes, sockets, devices, files
without read permission, files that cannot be moved, files written in bursts. None of it
stops a run, every good file of the same pass becomes an item, every bad one has its
reason, and nothing stays claimed.

Unreadable files: the tests run as root, which reads anything, so ingest runs as root
without the capabilities that override file permissions (`setpriv`), as a service user
would."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from mailroom.ingest.intake import StabilityWatch
from mailroom.records import ItemState
from mailroom.store.db import open_database
from mailroom.store.queries import list_items

from badfiles import text_pdf
from conftest import run_ingest

pytestmark = pytest.mark.slow
AS_SERVICE_USER = ("setpriv", "--bounding-set", "-dac_override,-dac_read_search")
CLASSIFIED = {ItemState.AUTO_APPROVED, ItemState.IN_REVIEW}


def _letters(inbox: Path) -> list[str]:
    """Two good born-digital letters, one sorted before and one after the bad files."""
    names = ["a-antrag.pdf", "z-antrag.pdf"]
    for number, name in enumerate(names):
        lines = (
            f"Stadtverwaltung Chemnitz, Sozialamt, Aktenzeichen {number}",
            "Antrag auf Wohngeld fuer meine Wohnung",
        )
        (inbox / name).write_bytes(text_pdf(lines=lines * 2))
    return names


def _rows(database_url: str) -> dict[str, dict]:
    db = open_database(database_url)
    try:
        return {row["source_file"]: row for row in list_items(db)}
    finally:
        db.dispose()


def test_special_and_unreadable_files_go_to_quarantine_and_the_run_goes_on(
    tmp_path: Path, database_url: str
) -> None:
    home = tmp_path / "home"
    inbox = home / "inbox"
    inbox.mkdir(parents=True)
    letters = _letters(inbox)
    os.mkfifo(inbox / "scanner.pdf")
    os.mknod(inbox / "socket.pdf", stat.S_IFSOCK | 0o600)
    os.mknod(inbox / "null.pdf", stat.S_IFCHR | 0o600, os.makedev(1, 5))  # reads as /dev/zero: without end
    os.symlink(inbox / "scanner.pdf", inbox / "link.pdf")
    (inbox / "geheim.pdf").write_bytes(
        text_pdf(lines=("Vertraulich: Personalakte, bitte nicht lesen", "Ende"))
    )
    (inbox / "geheim.pdf").chmod(0)
    expected = {
        "scanner.pdf": "a named pipe (FIFO), not a regular file",
        "socket.pdf": "a socket, not a regular file",
        "null.pdf": "a device file, not a regular file",
        "link.pdf": "a symbolic link",
        "geheim.pdf": "cannot be read (Permission denied)",
    }

    done = run_ingest(home, database_url, prefix=AS_SERVICE_USER, timeout=180)
    assert done.returncode == 0, done.stderr

    rows = _rows(database_url)
    assert set(rows) == set(letters) | set(expected)
    assert all(rows[name]["state"] in CLASSIFIED for name in letters)  # nothing lost
    for name, reason in expected.items():
        assert rows[name]["state"] == ItemState.QUARANTINED and reason in rows[name]["reason"], rows[name]
    assert os.listdir(inbox) == [] and os.listdir(home / "work" / "claimed") == []
    assert len(list((home / "quarantine").glob("*.reason.txt"))) == len(expected)

    again = run_ingest(home, database_url, prefix=AS_SERVICE_USER, timeout=180)
    assert again.returncode == 0, again.stderr
    assert "0 file(s) taken" in again.stdout
    assert _rows(database_url) == rows and os.listdir(home / "work" / "claimed") == []


def test_a_file_that_cannot_be_moved_is_reported_once_and_skipped(tmp_path: Path, database_url: str) -> None:
    home = tmp_path / "home"
    inbox = home / "inbox"
    locked = inbox / "scanner 3"
    locked.mkdir(parents=True)
    letters = _letters(inbox)
    os.mkfifo(locked / "stuck.pdf")
    locked.chmod(0o555)  # the mail room's user may not take files out of this folder

    for _ in range(2):
        done = run_ingest(home, database_url, prefix=AS_SERVICE_USER, timeout=180)
        assert done.returncode == 0, done.stderr
        assert (
            done.stderr.count("stuck.pdf") == 1
            and "cannot be moved out of the inbox (Permission denied)" in done.stderr
        )
        rows = _rows(database_url)
        assert set(rows) == set(letters) and all(row["state"] in CLASSIFIED for row in rows.values())
        assert os.listdir(locked) == ["stuck.pdf"] and os.listdir(home / "work" / "claimed") == []


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_a_file_written_in_bursts_is_taken_once_its_writer_paused_longer_than_it_ever_did(
    tmp_path: Path,
) -> None:
    clock = Clock()
    watch = StabilityWatch(2.0, clock)
    path = tmp_path / "scan.pdf"
    path.write_bytes(b"%PDF-1.4 page 1")
    assert watch.ready([path]) == []
    clock.now = 3.0
    with path.open("ab") as handle:  # the scanner writes the next page after a pause of 3 s
        handle.write(b" page 2")
    assert watch.ready([path]) == []
    clock.now = 5.5
    assert watch.ready([path]) == []  # quiet for longer than stable_seconds, but not longer than its pauses
    clock.now = 9.1
    assert watch.ready([path]) == [path]
