"""Scan-ingest end to end: synthetic batch scans and bad files in, items and quarantine out."""

from __future__ import annotations

import json
import shutil
import statistics
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest
from sqlalchemy import select

from mailroom.dataset import read_batches, read_dataset
from mailroom.ingest.intake import sha256_file
from mailroom.metrics import char_accuracy
from mailroom.pipeline import ingest_once
from mailroom.records import ItemState, SourceState
from mailroom.settings import PACKAGE_CONFIG_DIR, load_settings
from mailroom.store.db import open_database
from mailroom.store.queries import list_items
from mailroom.store.tables import Item, Page, SourceFile
from mailroom.synth.generate import generate, load_synth_config

from badfiles import EXPECTED_REASON, write_bad_files

pytestmark = pytest.mark.slow
CLASSIFIED = (ItemState.AUTO_APPROVED, ItemState.IN_REVIEW)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, taxonomy) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    generate(
        folder, 5, seed=5, config=load_synth_config(PACKAGE_CONFIG_DIR / "synth.yaml", taxonomy), batches=2
    )
    return folder


@pytest.fixture(scope="module")
def ingested(tmp_path_factory, corpus, taxonomy):
    home = tmp_path_factory.mktemp("home")
    inbox = home / "inbox"
    inbox.mkdir()
    for batch in (corpus / "batches").glob("batch_*"):
        shutil.copy(batch, inbox / batch.name)
    for item in read_dataset(corpus, taxonomy).items:
        shutil.copy(corpus / item.path, inbox / Path(item.path).name)
    first = read_dataset(corpus, taxonomy).items[0]
    shutil.copy(corpus / first.path, inbox / ("Kopie von " + Path(first.path).name))  # dropped twice
    write_bad_files(inbox / "scanner 2")
    env = {
        "MAILROOM_HOME": str(home),
        "MAILROOM_INGEST__STABLE_SECONDS": "0",
        "MAILROOM_INGEST__WORKERS": "2",
    }
    settings = load_settings(env=env)
    db = open_database(settings.database)
    report = ingest_once(settings, db)
    return home, env, db, report


def _items_by_source(db) -> dict[str, list[Item]]:
    with db.session() as session:
        rows = session.execute(select(Item, SourceFile).join(SourceFile).order_by(Item.position)).all()
    by_source = defaultdict(list)
    for item, source in rows:
        by_source[source.original_name].append(item)
    return by_source


def _text(db, item_id: str) -> str:
    with db.session() as session:
        return "\n".join(
            session.scalars(select(Page.text).where(Page.item_id == item_id).order_by(Page.number))
        )


def test_batches_split_into_their_items_without_separator_and_blank_pages(ingested, corpus, taxonomy) -> None:
    _, _, db, _ = ingested
    by_source = _items_by_source(db)
    entries = read_batches(corpus, taxonomy)
    for batch in {e.batch for e in entries}:
        expected = [e for e in entries if e.batch == batch]
        items = by_source[batch]
        assert [i.page_count for i in items] == [e.pages for e in expected], batch
        assert all(i.state in CLASSIFIED for i in items)
        scores = [
            char_accuracy(e.extra["text"], _text(db, i.id)) for e, i in zip(expected, items, strict=True)
        ]
        assert min(scores) > 0.6 and statistics.mean(scores) > 0.8, scores  # the right pages, upright


def test_single_items_are_one_item_each_with_upright_readable_pages(ingested, corpus, taxonomy) -> None:
    _, _, db, _ = ingested
    by_source = _items_by_source(db)
    scores = []
    for labelled in read_dataset(corpus, taxonomy).items:
        (item,) = by_source[Path(labelled.path).name]
        assert item.page_count == int(labelled.extra["pages"])
        scores.append(char_accuracy(labelled.text or "", _text(db, item.id)))
    assert min(scores) > 0.5 and statistics.mean(scores) > 0.75, scores  # upright (upside down reads as ~0)


def test_every_bad_file_is_quarantined_once_with_its_reason(ingested) -> None:
    home, _, db, report = ingested
    quarantined = {Path(row["source_file"]).name: row for row in list_items(db, "quarantined")}
    assert len(quarantined) == len(EXPECTED_REASON) == report.quarantined
    names = {p.name: kind for kind, p in write_bad_files(home / "names-only").items()}
    for name, kind in names.items():
        assert EXPECTED_REASON[kind] in quarantined[name]["reason"], (kind, quarantined[name]["reason"])
    kept = [p for p in (home / "quarantine").iterdir() if not p.name.endswith(".reason.txt")]
    assert len(kept) == len(EXPECTED_REASON)
    for path in kept:
        reason = Path(str(path) + ".reason.txt").read_text(encoding="utf-8")
        assert reason.splitlines()[0].startswith("scanner 2/")


def test_the_same_file_twice_is_one_item_and_a_noted_duplicate(ingested) -> None:
    _, _, db, report = ingested
    assert report.duplicates == 1
    with db.session() as session:
        duplicate = session.scalar(select(SourceFile).where(SourceFile.state == SourceState.DUPLICATE))
        original = session.get(SourceFile, duplicate.duplicate_of)
        assert duplicate.sha256 == original.sha256
        assert session.scalar(select(Item).where(Item.source_id == duplicate.id)) is None


def test_originals_are_archived_by_hash_and_items_get_searchable_pdfs(ingested) -> None:
    home, _, db, _ = ingested
    assert list((home / "inbox").rglob("*.*")) == []
    assert list((home / "work" / "claimed").iterdir()) == []
    with db.session() as session:
        sources = session.scalars(select(SourceFile).where(SourceFile.state == SourceState.DONE)).all()
        items = session.scalars(select(Item).where(Item.state.in_(CLASSIFIED))).all()
    for source in sources:
        assert sha256_file(home / source.archive_path) == source.sha256
    for item in items:
        text = subprocess.run(
            ["pdftotext", str(home / item.pdf_path), "-"], capture_output=True, text=True
        ).stdout
        assert len(text.split()) > 10 and _text(db, item.id).split()[0] in text


def test_the_report_says_where_the_time_went(ingested) -> None:
    *_, report = ingested
    steps = report.timings.steps()
    assert all(seconds > 0 for seconds in steps.values()), steps  # every step of a pass is measured
    assert steps["ocr"] == max(steps.values())  # Tesseract is the cost, not what is around it
    assert report.timings.total < 3 * report.seconds  # two pool processes and this one, at most


def test_items_command_lists_quarantined_files_as_json(ingested) -> None:
    _, env, _, _ = ingested
    done = subprocess.run(
        [sys.executable, "-m", "mailroom.cli", "items", "--state", "quarantined", "--json"],
        capture_output=True, text=True, env={**env, "PATH": "/usr/bin:/bin"}, check=True,
    )  # fmt: skip
    rows = [json.loads(line) for line in done.stdout.splitlines()]
    assert len(rows) == len(EXPECTED_REASON)
    assert all(row["state"] == "quarantined" and row["reason"] and len(row["sha256"]) == 64 for row in rows)


def test_items_leave_ingest_classified_by_the_default_model(ingested, corpus, taxonomy) -> None:
    _, _, db, _ = ingested
    by_source = _items_by_source(db)
    labelled = read_dataset(corpus, taxonomy).items + tuple(read_batches(corpus, taxonomy))
    expected = {}
    for entry in labelled:
        name = Path(entry.path).name if hasattr(entry, "path") else entry.batch
        position = getattr(entry, "position", 1)
        expected[by_source[name][position - 1].id] = (entry.doc_type, entry.route)
    with db.session() as session:
        items = session.scalars(select(Item).where(Item.id.in_(expected))).all()
    assert {i.state for i in items} <= set(CLASSIFIED)
    assert all(i.model_version and i.flags["prediction"]["route_top3"] for i in items)
    right = [(i.doc_type, i.route) == expected[i.id] for i in items]
    automated = [ok for ok, i in zip(right, items, strict=True) if i.state == ItemState.AUTO_APPROVED]
    assert sum(right) >= 0.7 * len(items), right
    assert all(automated), "an automated item was wrong"


@pytest.mark.parametrize("polling", [False, True], ids=["inotify", "polling"])
def test_the_watcher_takes_files_as_they_arrive_until_stopped(tmp_path, corpus, taxonomy, polling) -> None:
    import threading
    import time

    from mailroom.pipeline import watch_inbox

    env = {
        "MAILROOM_HOME": str(tmp_path),
        "MAILROOM_INGEST__STABLE_SECONDS": "0.5",
        "MAILROOM_INGEST__POLL_SECONDS": "1",
    }
    settings = load_settings(env=env)
    db = open_database(settings.database)
    stop = threading.Event()
    watcher = threading.Thread(target=watch_inbox, args=(settings, db, stop, polling))
    watcher.start()
    try:
        item = read_dataset(corpus, taxonomy).items[0]
        time.sleep(1.0)  # the watcher is up and waiting
        (tmp_path / "inbox").mkdir(exist_ok=True)
        shutil.copy(corpus / item.path, tmp_path / "inbox" / Path(item.path).name)
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and not [r for r in list_items(db) if r["state"] in CLASSIFIED]:
            time.sleep(0.5)
    finally:
        stop.set()
        watcher.join(timeout=60)
    assert not watcher.is_alive()  # it stops when told
    rows = list_items(db)
    assert len(rows) == 1 and rows[0]["state"] in CLASSIFIED and rows[0]["pages"] == int(item.extra["pages"])


def test_a_born_digital_pdf_keeps_its_own_text(tmp_path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot

    lines = ["Stadtverwaltung Chemnitz", "Antrag auf Wohngeld", "Sehr geehrte Damen und Herren,",
             "hiermit beantrage ich Wohngeld für meine Wohnung in der Zwickauer Straße 12."]  # fmt: skip
    figure = pyplot.figure(figsize=(8.27, 11.69))
    for number, line in enumerate(lines):
        figure.text(0.1, 0.9 - number * 0.04, line, fontsize=12)
    (tmp_path / "inbox").mkdir()
    figure.savefig(tmp_path / "inbox" / "antrag.pdf")
    settings = load_settings(env={"MAILROOM_HOME": str(tmp_path), "MAILROOM_INGEST__STABLE_SECONDS": "0"})
    db = open_database(settings.database)
    ingest_once(settings, db)
    (row,) = list_items(db)
    with db.session() as session:
        page = session.scalar(select(Page).where(Page.item_id == row["id"]))
    assert "embedded_text" in page.flags["flags"]
    assert "Zwickauer Straße 12" in page.text  # exactly, as only the PDF's own text gives it
    assert (tmp_path / "archive" / "pdf" / f"{row['id']}.pdf").stat().st_size > 0
