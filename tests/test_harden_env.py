"""Environment errors are not mail errors: without a working Tesseract or poppler, ingest
stops before it takes any mail, with the missing-dependency exit code and the install
hint, and the mail waits in the inbox for a later run. Pool processes end with the
process that started them."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont

from mailroom.errors import MissingDependency
from mailroom.records import ItemState
from mailroom.store.db import open_database
from mailroom.store.queries import list_items

from badfiles import text_pdf
from conftest import run_ingest

pytestmark = pytest.mark.slow
HINTS = {
    "tesseract": "apt-get install tesseract-ocr tesseract-ocr-deu",
    "pdftoppm": "apt-get install poppler-utils",
}
HINTS["pdftotext"] = HINTS["pdfinfo"] = HINTS["pdftoppm"]


def scanned_letter(path: Path, pages: int = 1) -> Path:
    """A scan (TIFF or PNG) of `pages` pages of dark text on white: work for Tesseract."""
    font = ImageFont.load_default(size=36)
    images = []
    for number in range(pages):
        image = Image.new("L", (1240, 1754), 255)
        draw = ImageDraw.Draw(image)
        for line in range(20):
            draw.text(
                (100, 120 + line * 70),
                f"Seite {number + 1}, Zeile {line + 1}: Antrag auf Wohngeld",
                fill=0,
                font=font,
            )
        images.append(image)
    images[0].save(path, dpi=(150, 150), save_all=True, append_images=images[1:])
    return path


def path_without(program: str, tmp_path: Path, failing: bool) -> str:
    """A PATH with every program of the current one but `program`, which is either
    missing or there but failing as a broken installation does."""
    folder = tmp_path / "bin"
    folder.mkdir()
    for directory in os.environ["PATH"].split(os.pathsep):
        for entry in Path(directory).glob("*") if Path(directory).is_dir() else []:
            if entry.name != program and not (folder / entry.name).exists():
                (folder / entry.name).symlink_to(entry)
    if failing:
        (folder / program).write_text(
            f"#!/bin/sh\necho '{program}: error while loading shared libraries' >&2\nexit 127\n"
        )
        (folder / program).chmod(0o755)
    return str(folder)


@pytest.mark.parametrize(
    ("program", "failing"),
    [("tesseract", False), ("pdftoppm", False), ("tesseract", True), ("pdftotext", True)],
    ids=["no-tesseract", "no-pdftoppm", "failing-tesseract", "failing-pdftotext"],
)
def test_a_missing_or_failing_program_stops_ingest_and_leaves_the_mail(
    tmp_path: Path, database_url: str, program: str, failing: bool
) -> None:
    home = tmp_path / "home"
    inbox = home / "inbox"
    inbox.mkdir(parents=True)
    (inbox / "brief.pdf").write_bytes(text_pdf())
    scanned_letter(inbox / "scan.png")
    mail = {path.name: path.read_bytes() for path in inbox.iterdir()}

    done = run_ingest(home, database_url, env={"PATH": path_without(program, tmp_path, failing)}, timeout=180)

    assert done.returncode == MissingDependency.exit_code, (done.returncode, done.stderr)
    message = " ".join(done.stderr.split())  # as rich wrapped it
    assert program in message and HINTS[program] in message, message
    assert {path.name: path.read_bytes() for path in inbox.iterdir()} == mail  # untouched, for a later run
    assert not list(home.glob("quarantine/*")) and not list(home.glob("work/claimed/*"))
    db = open_database(database_url)
    assert list_items(db) == []
    db.dispose()

    later = run_ingest(home, database_url, timeout=300)  # the program is back
    assert later.returncode == 0, later.stderr
    db = open_database(database_url)
    rows = list_items(db)
    db.dispose()
    assert sorted(row["source_file"] for row in rows) == sorted(mail)
    assert all(row["state"] in (ItemState.AUTO_APPROVED, ItemState.IN_REVIEW) for row in rows)


def _session(leader: int) -> dict[int, str]:
    """Live processes of the session `leader` started: pid -> command name."""
    found = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
        except OSError:
            continue
        name, fields = text[text.index("(") + 1 : text.rindex(")")], text[text.rindex(")") + 2 :].split()
        if int(fields[3]) == leader and fields[0] != "Z":  # fields: state, ppid, pgrp, session
            found[int(stat.parent.name)] = name
    return found


def _reads_pages(pid: int) -> bool:
    """Whether process `pid` has loaded Tesseract (which a pool process does for its first page)."""
    try:
        return "libtesseract" in Path(f"/proc/{pid}/maps").read_text()
    except OSError:
        return False


def test_pool_processes_end_with_their_parent(tmp_path: Path) -> None:
    home = tmp_path / "home"
    (home / "inbox").mkdir(parents=True)
    scanned_letter(home / "inbox" / "stapel.tif", pages=30)
    env = {
        **os.environ, "MAILROOM_HOME": str(home), "MAILROOM_INGEST__STABLE_SECONDS": "0", "MAILROOM_INGEST__WORKERS": "2",
    }  # fmt: skip
    command = [sys.executable, "-m", "mailroom.cli", "ingest", "--once"]
    process = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )
    try:
        deadline = time.monotonic() + 120
        while not any(_reads_pages(pid) for pid in _session(process.pid)):
            assert time.monotonic() < deadline and process.poll() is None, "no OCR started"
            time.sleep(0.2)
        os.kill(process.pid, signal.SIGKILL)  # the parent only, as the OOM killer would
        process.wait()
        deadline = time.monotonic() + 30  # a page being OCR'd may finish; no new one starts
        while _session(process.pid) and time.monotonic() < deadline:
            time.sleep(0.5)
        assert _session(process.pid) == {}, "pool processes outlived their parent"
    finally:
        if _session(process.pid):
            os.killpg(process.pid, signal.SIGKILL)
