"""The Celery mode against the real PostgreSQL and Redis: two workers share a batch, one is
killed with SIGKILL in the middle, and every file, item, stage and delivery still ends
exactly once; and the embedded and the Celery mode give the same result."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import redis
from sqlalchemy import select

from mailroom.dataset import read_batches, read_dataset
from mailroom.dispatch.dispatch import dispatch_once
from mailroom.pipeline import ingest_once, watch_inbox
from mailroom.records import ItemState, SourceState
from mailroom.review.queue import decide
from mailroom.review.stats import collect, prometheus
from mailroom.settings import PACKAGE_CONFIG_DIR, load_settings
from mailroom.store.db import Database, open_database
from mailroom.store.tables import Delivery, Event, Item, Page, SourceFile, StageTask
from mailroom.synth.generate import generate, load_synth_config
from mailroom.worker import Start, finish, hand_over, queue_length, run_stage, start

from conftest import RABBITMQ_URL, REDIS_URL

pytestmark = pytest.mark.slow
VISIBILITY_SECONDS = 20  # a task of a killed worker comes back after this
FINAL = (ItemState.DISPATCHED, ItemState.IN_REVIEW)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, taxonomy) -> Path:
    folder = tmp_path_factory.mktemp("worker-corpus")
    generate(
        folder, 8, seed=19, config=load_synth_config(PACKAGE_CONFIG_DIR / "synth.yaml", taxonomy), batches=1
    )
    return folder


class WorkerProcess:
    """A `mailroom worker` in a process group of its own, as on a machine of its own."""

    def __init__(self, name: str, env: dict[str, str], log: Path) -> None:
        self.name, self.log = name, log
        command = [sys.executable, "-m", "mailroom.cli", "worker", "--concurrency", "1", "--name", name]
        with log.open("wb") as out:
            self.process = subprocess.Popen(
                command, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
            )
        wait_until(
            lambda: " ready." in log.read_text(errors="replace"),
            90,
            f"worker {name} to start:\n{self.output()}",
        )

    def output(self) -> str:
        return self.log.read_text(errors="replace")[-3000:]

    def kill(self) -> None:
        os.killpg(self.process.pid, signal.SIGKILL)  # the worker and its pool process, as a dying machine
        self.process.wait()

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout=60)


@pytest.fixture
def workers() -> Iterator[Callable[..., WorkerProcess]]:
    started: list[WorkerProcess] = []

    def start_worker(name: str, env: dict[str, str], log: Path) -> WorkerProcess:
        started.append(WorkerProcess(name, env, log))
        return started[-1]

    yield start_worker
    for worker in started:
        worker.stop()


def wait_until(condition: Callable[[], bool], seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {seconds:.0f} s waiting for {what}")
        time.sleep(0.3)


def celery_env(home: Path, database_url: str, queue: str) -> dict[str, str]:
    return {
        **os.environ, "MAILROOM_HOME": str(home), "MAILROOM_DATABASE_URL": database_url,
        "MAILROOM_BROKER_URL": REDIS_URL, "MAILROOM_WORKER__QUEUE": queue,
        "MAILROOM_WORKER__VISIBILITY_TIMEOUT_SECONDS": str(VISIBILITY_SECONDS),
        "MAILROOM_INGEST__STABLE_SECONDS": "0", "MAILROOM_DISPATCH__TIMEOUT_SECONDS": "2",
    }  # fmt: skip


def drop_files(corpus: Path, inbox: Path, taxonomy) -> Counter[str]:
    """Copy the set's items and batch scans into the hot folder; items expected per file."""
    inbox.mkdir(parents=True, exist_ok=True)
    expected: Counter[str] = Counter()
    for item in read_dataset(corpus, taxonomy).items:
        shutil.copy(corpus / item.path, inbox / Path(item.path).name)
        expected[Path(item.path).name] = 1
    for entry in read_batches(corpus, taxonomy):
        shutil.copy(corpus / "batches" / entry.batch, inbox / entry.batch)
        expected[entry.batch] += 1
    return expected


def all_final(db: Database) -> bool:
    with db.session() as session:
        states = set(session.scalars(select(Item.state)))
        return bool(states) and states <= set(FINAL)


def test_two_workers_share_a_batch_and_one_killed_mid_way_loses_and_doubles_nothing(
    tmp_path, corpus, taxonomy, postgres_url, broker_queue, workers
) -> None:
    home = tmp_path / "home"
    expected = drop_files(corpus, home / "inbox", taxonomy)
    env = celery_env(home, postgres_url, broker_queue)
    victim, survivor = workers("a", env, tmp_path / "a.log"), workers("b", env, tmp_path / "b.log")
    settings = load_settings(env=env)
    db = open_database(settings.database)
    ingest_once(settings, db, wait_for_workers=False)  # register the files and hand them over

    def victim_busy_mid_way() -> bool:
        with db.session() as session:
            past_ocr = session.scalars(select(Item.id).where(Item.state.not_in((ItemState.SPLIT,)))).all()
            busy = session.scalars(
                select(StageTask).where(StageTask.stage == "ocr", StageTask.finished_at.is_(None), StageTask.worker.startswith("a@"))
            ).all()  # fmt: skip
            return len(past_ocr) >= 2 and len(busy) == 1 and busy[0].started_at is not None

    wait_until(victim_busy_mid_way, 240, f"worker a to be OCR'ing mid-way:\n{victim.output()}")
    with db.session() as session:
        interrupted = session.scalars(
            select(StageTask).where(StageTask.finished_at.is_(None), StageTask.worker.startswith("a@"))
        ).one()
        interrupted_task = (interrupted.stage, interrupted.subject, interrupted.task_id)
    victim.kill()
    # no coordinator runs now: only the broker's redelivery can bring the task back
    wait_until(lambda: all_final(db), 300, f"the survivor to finish everything:\n{survivor.output()}")

    with db.session() as session:
        taken_over = session.scalars(
            select(StageTask).where(
                StageTask.stage == interrupted_task[0], StageTask.subject == interrupted_task[1]
            )
        ).one()
        assert taken_over.task_id == interrupted_task[2]  # the same message, delivered again
        assert (
            taken_over.starts == 2
            and taken_over.worker.startswith("b@")
            and taken_over.finished_at is not None
        )
        finishers = {row.worker.split("@")[0] for row in session.scalars(select(StageTask))}
        assert finishers == {"a", "b"}  # both did their share before the kill
    ingest_once(settings, db)  # the coordinator settles the folders
    assert_each_exactly_once(db, home, expected)
    assert not list((home / "inbox").rglob("*.*")) and not list((home / "work" / "claimed").iterdir())
    db.dispose()


def assert_each_exactly_once(db: Database, home: Path, expected: Counter[str]) -> None:
    with db.session() as session:
        sources = session.scalars(select(SourceFile)).all()
        assert Counter(s.original_name for s in sources) == Counter(expected.keys())  # each file once
        assert {s.state for s in sources} == {SourceState.DONE}
        items = session.scalars(select(Item)).all()
        names = {s.id: s.original_name for s in sources}
        assert Counter(names[i.source_id] for i in items) == expected
        assert {i.state for i in items} <= set(FINAL)
        events = Counter(
            (e.item_id, e.kind) for e in session.scalars(select(Event).where(Event.item_id.is_not(None)))
        )
        source_events = Counter(
            (e.source_id, e.kind) for e in session.scalars(select(Event).where(Event.item_id.is_(None)))
        )
        deliveries = session.scalars(select(Delivery)).all()
        page_rows = Counter(session.scalars(select(Page.item_id)))
    for source in sources:
        assert source_events[(source.id, "split")] == source_events[(source.id, "done")] == 1, (
            source.original_name
        )
    dispatched = {i.id for i in items if i.state == ItemState.DISPATCHED}
    for item in items:
        assert page_rows[item.id] == item.page_count, item.id
        assert events[(item.id, "ocr_done")] == events[(item.id, "classified")] == 1, item.id
        assert events[(item.id, "auto_approved")] + events[(item.id, "in_review")] == 1, item.id
        assert events[(item.id, "dispatched")] == (item.id in dispatched), item.id
    assert dispatched, "nothing was delivered"
    assert Counter(d.item_id for d in deliveries) == Counter(dispatched)  # one delivery row each ...
    assert all(d.delivered_at is not None and d.attempts == 1 for d in deliveries)  # ... sent once
    delivered_files = Counter(p.name for p in (home / "offices").rglob("*.pdf"))
    assert delivered_files == Counter(f"{item_id}.pdf" for item_id in dispatched)


def test_embedded_and_celery_mode_give_the_same_items_labels_and_deliveries(
    tmp_path, corpus, taxonomy, postgres_url, broker_queue, workers
) -> None:
    results = []
    for mode in ("embedded", "celery"):
        home = tmp_path / mode
        expected = drop_files(corpus, home / "inbox", taxonomy)
        if mode == "embedded":
            env = {
                "MAILROOM_HOME": str(home),
                "MAILROOM_INGEST__STABLE_SECONDS": "0",
                "MAILROOM_INGEST__WORKERS": "2",
            }
        else:
            env = celery_env(home, postgres_url, broker_queue)
            workers("one", env, tmp_path / "one.log"), workers("two", env, tmp_path / "two.log")
        settings = load_settings(env=env)
        db = open_database(settings.database)
        report = ingest_once(settings, db)
        if mode == "embedded":
            dispatch_once(settings, db)
        else:
            wait_until(lambda db=db: all_final(db), 240, "the workers to dispatch")
        assert report.files == len(expected) and report.items == sum(expected.values())
        assert_each_exactly_once(db, home, expected)
        results.append(_result(db, home))
        db.dispose()
    embedded, celery = results
    assert celery == embedded
    assert len(embedded["items"]) == 11


def _result(db: Database, home: Path) -> dict:
    """Items with their pages, state and labels; deliveries by target folder and file."""
    with db.session() as session:
        items = {
            i.id: (i.page_count, i.state, i.doc_type, i.route, i.decision, round(i.confidence or 0, 4))
            for i in session.scalars(select(Item))
        }
        deliveries = {
            (
                d.item_id,
                d.route,
                d.target.replace(str(home), "$MAILROOM_HOME"),
                d.attempts,
                d.receipt.replace(str(home), ""),
            )
            for d in session.scalars(select(Delivery))
        }
    files = {str(p.relative_to(home)) for p in (home / "offices").rglob("*") if p.is_file()}
    return {"items": items, "deliveries": deliveries, "files": files}


def test_a_stage_runs_once_per_message_and_gives_up_after_repeated_deaths(tmp_path, postgres_url) -> None:
    settings = load_settings(env={"MAILROOM_HOME": str(tmp_path), "MAILROOM_DATABASE_URL": postgres_url})
    db = open_database(settings.database)
    with db.session() as session:
        source = SourceFile(
            sha256="ab" * 32, original_name="x.pdf", size=1, claim_path="c/x.pdf", state=SourceState.SPLIT
        )
        session.add(source)
        session.flush()
        session.add(Item(id="abab-1", source_id=source.id, position=1, state=ItemState.SPLIT, page_count=1))
    assert start(db, settings, "ocr", "abab-1", "task-1", "a@host") == (Start.RUN, 1)
    assert (
        start(db, settings, "ocr", "abab-1", "task-2", "b@host")[0] == Start.SKIP
    )  # a duplicate message: a is on it
    assert start(db, settings, "ocr", "abab-1", "task-1", "b@host") == (
        Start.RUN,
        2,
    )  # redelivered: b takes over
    finish(db, "ocr", "abab-1", "task-1")
    assert (
        start(db, settings, "ocr", "abab-1", "task-1", "c@host")[0] == Start.SKIP
    )  # done: delivered once more
    for worker in ("a@host", "b@host", "c@host"):  # a message whose worker dies on it each time
        assert start(db, settings, "classify", "abab-1", "task-3", worker)[0] == Start.RUN
    ran: list[str] = []
    run_stage(db, settings, "classify", "abab-1", "task-3", "d@host", ran.append)
    assert ran == []  # not started a fourth time ...
    with db.session() as session:  # ... but failed, for a person to look at
        item = session.get_one(Item, "abab-1")
        assert item.state == ItemState.FAILED and "started 3 times" in item.flags["error"]
    db.dispose()


def test_work_waits_in_the_queue_once_and_is_handed_over_again_when_lost(
    tmp_path, corpus, taxonomy, postgres_url, broker_queue
) -> None:
    home = tmp_path / "home"
    expected = drop_files(corpus, home / "inbox", taxonomy)
    settings = load_settings(env=celery_env(home, postgres_url, broker_queue))
    db = open_database(settings.database)
    ingest_once(settings, db, wait_for_workers=False)  # no worker runs: the tasks wait
    assert queue_length(settings) == len(expected)
    assert hand_over(db, settings) == 0 and queue_length(settings) == len(expected)  # not twice
    assert f"mailroom_queue_length {len(expected)}" in prometheus(collect(db), 0, queue_length(settings))
    with db.session() as session:
        assert {s.state for s in session.scalars(select(SourceFile))} == {SourceState.CLAIMED}
    redis.Redis.from_url(REDIS_URL).delete(broker_queue)  # a broker that forgot its queue
    assert hand_over(db, settings) == 0  # the tasks are not yet overdue
    with db.session() as session:
        for row in session.scalars(select(StageTask)):
            row.queued_at -= dt.timedelta(seconds=VISIBILITY_SECONDS + 1)
    assert hand_over(db, settings) == len(expected) and queue_length(settings) == len(
        expected
    )  # handed over again
    db.dispose()


def test_a_worker_refuses_a_database_other_machines_cannot_share(tmp_path) -> None:
    env = {**os.environ, "MAILROOM_HOME": str(tmp_path), "MAILROOM_BROKER_URL": REDIS_URL}
    done = subprocess.run(
        [sys.executable, "-m", "mailroom.cli", "worker"], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode != 0
    assert "needs a database all workers share" in done.stderr and "PostgreSQL" in done.stderr


def test_the_watcher_hands_new_files_and_approved_items_to_the_workers(
    tmp_path, corpus, taxonomy, postgres_url, broker_queue, workers
) -> None:
    home = tmp_path / "home"
    env = {
        **celery_env(home, postgres_url, broker_queue),
        "MAILROOM_CLASSIFY__MODEL": str(tmp_path / "no-model"),
    }
    workers("w", env, tmp_path / "w.log")  # without a usable model every item waits for review
    settings = load_settings(env=env)
    db = open_database(settings.database)
    stop = threading.Event()
    watcher = threading.Thread(target=watch_inbox, args=(settings, db, stop), daemon=True)
    watcher.start()
    try:
        (home / "inbox").mkdir(parents=True, exist_ok=True)
        for item in read_dataset(corpus, taxonomy).items[:2]:
            shutil.copy(corpus / item.path, home / "inbox" / Path(item.path).name)

        def in_review() -> list[str]:
            with db.session() as session:
                return list(
                    session.scalars(
                        select(Item.id).where(Item.state == ItemState.IN_REVIEW).order_by(Item.id)
                    )
                )

        wait_until(lambda: len(in_review()) == 2, 180, "both files to reach the review queue")
        approved, waiting = in_review()
        route = next(iter(taxonomy.routes))
        decide(
            db, taxonomy, approved, "reviewer", next(iter(taxonomy.doc_types)), route
        )  # as the review app does
        wait_until(
            lambda: _state(db, approved) == ItemState.DISPATCHED, 60, "the approved item to be delivered"
        )
    finally:
        stop.set()
        watcher.join(timeout=60)
    assert _state(db, waiting) == ItemState.IN_REVIEW
    assert [p.name for p in (home / "offices").rglob("*.pdf")] == [f"{approved}.pdf"]
    assert (home / "offices" / route / f"{approved}.pdf").is_file()
    assert not list((home / "inbox").rglob("*.*")) and not list((home / "work" / "claimed").iterdir())
    db.dispose()


def _state(db: Database, item_id: str) -> str | None:
    with db.session() as session:
        return session.scalar(select(Item.state).where(Item.id == item_id))


def test_workers_on_rabbitmq_give_the_same_end_to_end_result(
    tmp_path, corpus, taxonomy, postgres_url, workers
) -> None:
    from kombu import Connection

    queue = f"test-{uuid.uuid4().hex[:10]}"
    home = tmp_path / "home"
    expected = drop_files(corpus, home / "inbox", taxonomy)
    env = {**celery_env(home, postgres_url, queue), "MAILROOM_BROKER_URL": RABBITMQ_URL}
    workers("one", env, tmp_path / "one.log"), workers("two", env, tmp_path / "two.log")
    settings = load_settings(env=env)
    db = open_database(settings.database)
    try:
        ingest_once(settings, db, wait_for_workers=False)
        wait_until(lambda: all_final(db), 240, "the workers to dispatch")
        ingest_once(settings, db)  # settles the folders
        assert_each_exactly_once(db, home, expected)
    finally:
        db.dispose()
        with Connection(RABBITMQ_URL) as connection:
            connection.default_channel.queue_delete(queue)
