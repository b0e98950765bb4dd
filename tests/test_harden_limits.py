"""Limits that cannot be dodged: page sizes are judged as poppler renders them (corners in
any order, negative widths, rotation) and the page count before any per-page work, so a
file made to cost a worker gigabytes or minutes is quarantined within seconds with the
limit it breaks."""

from __future__ import annotations

import os
import re
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from mailroom.errors import BadInput
from mailroom.ingest.pages import inspect_source
from mailroom.records import ItemState
from mailroom.store.db import open_database
from mailroom.store.queries import list_items

from badfiles import text_pdf
from conftest import run_ingest

PIXELS = "more than 60 MP (ingest.max_pixels_per_page)"
PAGES = "10000 pages is more than the limit of 300 (ingest.max_pages)"


@contextmanager
def deadline(seconds: int) -> Iterator[None]:
    """Fail the test if the block has not ended after `seconds`."""

    def expired(*_: object) -> None:
        raise TimeoutError(f"still working after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@pytest.mark.parametrize(
    "mediabox",
    ["30000 0 0 2000", "0 0 -30000 2000", "0 2000 30000 0", "-30000 -2000 0 0 "],
    ids=["swapped-x", "negative-width", "swapped-y", "negative-corner"],
)
def test_a_page_box_written_backwards_is_measured_as_rendered(tmp_path: Path, mediabox: str) -> None:
    path = tmp_path / "plakat.pdf"
    path.write_bytes(text_pdf(1, mediabox))
    with (
        deadline(30),
        pytest.raises(BadInput, match=r"page 1 is 417 x 28 inches: 1042 MP at 300 dpi") as caught,
    ):
        inspect_source(path, "pdf", 300, 300, 60_000_000)
    assert PIXELS in str(caught.value)


def test_a_rotated_page_is_measured_turned(tmp_path: Path) -> None:
    path = tmp_path / "quer.pdf"
    path.write_bytes(text_pdf(1, "0 0 2000 -30000").replace(b"/Type /Page ", b"/Type /Page /Rotate -90 "))
    with deadline(30), pytest.raises(BadInput, match=r"page 1 is 417 x 28 inches"):
        inspect_source(path, "pdf", 300, 300, 60_000_000)


def test_the_page_count_is_checked_before_any_page_is_read(tmp_path: Path) -> None:
    path = tmp_path / "dick.pdf"
    path.write_bytes(text_pdf(10_000))
    with deadline(60), pytest.raises(BadInput, match=re.escape(PAGES)):
        inspect_source(path, "pdf", 300, 300, 60_000_000)


@pytest.mark.slow
def test_files_made_to_exhaust_a_worker_are_quarantined_within_seconds(
    tmp_path: Path, database_url: str
) -> None:
    home = tmp_path / "home"
    inbox = home / "inbox"
    inbox.mkdir(parents=True)
    (inbox / "brief.pdf").write_bytes(text_pdf())
    (inbox / "vertauscht.pdf").write_bytes(text_pdf(1, "9000 0 0 2000"))
    (inbox / "negativ.pdf").write_bytes(
        text_pdf(1, "0 0 -9000 2000", lines=("Plakat", "mit negativer Breite"))
    )
    (inbox / "dick.pdf").write_bytes(text_pdf(10_000, lines=("Seite mit wenig Text, zehntausendmal",)))

    done = run_ingest(home, database_url, timeout=120)  # before: 8.5 minutes of pdftotext
    assert done.returncode == 0, done.stderr

    db = open_database(database_url)
    rows = {row["source_file"]: row for row in list_items(db)}
    db.dispose()
    assert set(rows) == {"brief.pdf", "vertauscht.pdf", "negativ.pdf", "dick.pdf"}
    assert rows["brief.pdf"]["state"] in (ItemState.AUTO_APPROVED, ItemState.IN_REVIEW)
    assert "more than 60 MP (ingest.max_pixels_per_page)" in rows["vertauscht.pdf"]["reason"]
    assert "more than 60 MP (ingest.max_pixels_per_page)" in rows["negativ.pdf"]["reason"]
    assert PAGES in rows["dick.pdf"]["reason"]
    assert os.listdir(inbox) == [] and os.listdir(home / "work" / "claimed") == []
    again = run_ingest(home, database_url, timeout=120)
    assert again.returncode == 0 and "0 file(s) taken" in again.stdout, again.stderr
    assert os.listdir(home / "work" / "claimed") == []
