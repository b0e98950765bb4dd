"""Kill -9 at random moments, restart, repeat: every file ends exactly once or in quarantine."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import func, select

from mailroom.dataset import read_batches, read_dataset
from mailroom.records import ItemState, SourceState
from mailroom.settings import PACKAGE_CONFIG_DIR
from mailroom.store.db import open_database
from mailroom.store.tables import Item, Page, SourceFile
from mailroom.synth.generate import generate, load_synth_config

pytestmark = pytest.mark.slow
KILLS = 8


@pytest.fixture(scope="module")
def small_corpus(tmp_path_factory, taxonomy) -> Path:
    folder = tmp_path_factory.mktemp("crash-corpus")
    generate(
        folder, 3, seed=11, config=load_synth_config(PACKAGE_CONFIG_DIR / "synth.yaml", taxonomy), batches=1
    )
    return folder


def _start(env: dict[str, str]) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "mailroom.cli", "ingest", "--once"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True,
    )  # fmt: skip


def test_killed_and_restarted_ingest_loses_and_doubles_nothing(
    tmp_path, small_corpus, taxonomy, database_url
) -> None:
    home, inbox = tmp_path / "home", tmp_path / "home" / "inbox"
    inbox.mkdir(parents=True)
    expected_items: Counter[str] = Counter()
    for item in read_dataset(small_corpus, taxonomy).items:
        shutil.copy(small_corpus / item.path, inbox / Path(item.path).name)
        expected_items[Path(item.path).name] = 1
    for entry in read_batches(small_corpus, taxonomy):
        shutil.copy(small_corpus / "batches" / entry.batch, inbox / entry.batch)
        expected_items[entry.batch] += 1
    (inbox / "kaputt.pdf").write_bytes(b"%PDF-1.4\n" + bytes(300))
    env = {
        **os.environ, "MAILROOM_HOME": str(home), "MAILROOM_DATABASE_URL": database_url,
        "MAILROOM_INGEST__STABLE_SECONDS": "0", "MAILROOM_INGEST__WORKERS": "2",
    }  # fmt: skip
    rng = random.Random(1)
    kills = 0
    for _ in range(KILLS):
        process = _start(env)
        time.sleep(rng.uniform(0.5, 6.0))
        if process.poll() is not None:
            assert process.returncode == 0, process.stderr.read().decode()
            break
        os.killpg(process.pid, signal.SIGKILL)  # the process and its OCR workers, as systemd would
        process.wait()
        kills += 1
    final = _start(env)
    assert final.wait(timeout=600) == 0, final.stderr.read().decode()
    assert kills >= 2  # the loop really interrupted work

    db = open_database(database_url)
    with db.session() as session:
        sources = session.scalars(select(SourceFile).where(SourceFile.state != SourceState.DUPLICATE)).all()
        by_name = {s.original_name: s for s in sources}
        assert len(sources) == len(by_name) == len(expected_items) + 1  # each file exactly once
        assert by_name["kaputt.pdf"].state == SourceState.QUARANTINED
        for name, count in expected_items.items():
            source = by_name[name]
            assert source.state == SourceState.DONE, (name, source.state)
            items = session.scalars(select(Item).where(Item.source_id == source.id)).all()
            assert len(items) == count and all(
                i.state in (ItemState.AUTO_APPROVED, ItemState.IN_REVIEW) for i in items
            ), name
            for item in items:
                pages = session.scalar(select(func.count(Page.id)).where(Page.item_id == item.id))
                assert pages == item.page_count
    db.dispose()
    assert list(inbox.rglob("*.*")) == [] and list((home / "work" / "claimed").iterdir()) == []
    assert len(list((home / "quarantine").glob("*.reason.txt"))) == 1
