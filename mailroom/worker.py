"""The Celery runner: the pipeline's stages as tasks, for any number of workers on any
number of machines that share one PostgreSQL database, one broker (Redis or RabbitMQ)
and one MAILROOM_HOME on shared storage.

The stages are those of `mailroom.flow.stages`, as in the embedded mode; only the runner
differs: one task per stage and subject, which does all of the stage.
- A coordinator (`mailroom watch`, or `mailroom ingest --once`) claims files from the hot
  folder and hands over, for every stage of the flow, what the database says is due for
  it. A finished stage hands its subject on to the next stage itself.
- Tasks are acknowledged late (when they return) and rejected when their pool process
  dies, so the broker delivers them again: at once if a pool process died, after the
  visibility timeout if the whole worker or its machine is gone.
- Every stage is idempotent, keyed by stage and subject. The `stage_tasks` ledger keeps a
  backlog from holding the same work twice and lets one task at a time work on a subject;
  the recording steps check the subject's state under a row lock, so a stage is finished
  once even if two tasks ran it; dispatch claims each delivery with a lease, so none is
  sent twice.
"""

from __future__ import annotations

import datetime as dt
import enum
import logging
import os
import socket
import time
import uuid
from collections.abc import Callable

from celery import Celery, Task
from celery.signals import worker_process_init
from kombu.exceptions import ChannelError
from kombu.exceptions import OperationalError as BrokerError
from kombu.utils.url import maybe_sanitize_url
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError, OperationalError

from mailroom.errors import BadConfig, MissingDependency
from mailroom.flow.items import record_failure
from mailroom.flow.local import Progress
from mailroom.flow.sources import IngestReport
from mailroom.flow.stages import FLOW, INGEST, Context, Stage, due, following, run_here
from mailroom.parallel import single_threaded
from mailroom.records import ItemState, SourceState
from mailroom.settings import Settings
from mailroom.store.db import Database, open_database
from mailroom.store.tables import Item, SourceFile, StageTask, utcnow

log = logging.getLogger(__name__)

app = Celery("mailroom", set_as_current=False)
LIMITED_STAGES = tuple(stage.name for stage in INGEST)  # dispatch counts its attempts on the delivery
OPEN_ITEM_STATES = (ItemState.SPLIT, ItemState.OCR_DONE, ItemState.CLASSIFIED)
HAND_OVER_EVERY_SECONDS = 10.0  # while waiting: hand over again what may have been lost


class Start(enum.Enum):
    RUN = "run"
    SKIP = "skip"  # another task is on it, or this message was done before
    GIVE_UP = "give_up"  # started too often without finishing


def configure(settings: Settings) -> Celery:
    """Point the Celery app at the broker of `settings`. Raises BadConfig for a set-up that
    workers on several machines cannot share. Configuring again with the same settings
    (every coordinator pass does) changes nothing."""
    if _runtime.settings == settings:
        return app
    if not settings.broker_url:
        raise BadConfig(
            "no broker configured: set MAILROOM_BROKER_URL (e.g. redis://host:6379/0) for the Celery mode"
        )
    if settings.database.startswith("sqlite"):
        raise BadConfig(
            "the Celery mode needs a database all workers share: set MAILROOM_DATABASE_URL to PostgreSQL "
            "(SQLite is the embedded mode's database)"
        )
    if (
        app.conf.broker_url and app.conf.broker_url != settings.broker_url
    ):  # another broker: drop the old connections
        app._pool, app.amqp._producer_pool = None, None
    visibility = settings.worker.visibility_timeout_seconds
    app.conf.update(
        broker_url=settings.broker_url,
        broker_connection_retry_on_startup=True,
        broker_transport_options={
            "visibility_timeout": visibility,  # Redis: unacknowledged tasks come back after this
            "unacked_restore_interval": max(1.0, min(10.0, visibility / 4)),
            "unacked_restore_throttle": 1,
        },
        task_default_queue=settings.worker.queue,
        task_acks_late=True,
        task_reject_on_worker_lost=True,
        task_ignore_result=True,
        task_serializer="json",
        accept_content=["json"],
        worker_prefetch_multiplier=1,
        worker_concurrency=settings.worker.concurrency or os.cpu_count() or 1,
    )
    _runtime.settings = settings
    _runtime.reset()  # the database and model of other settings are not these
    return app


class _Runtime:
    """What the tasks of one process share, made on first use, after the pool forked."""

    def __init__(self) -> None:
        self.settings: Settings | None = None
        self.reset()

    def reset(self) -> None:
        self._context: Context | None = None

    @property
    def context(self) -> Context:
        if self.settings is None:
            raise BadConfig("the Celery app is not configured; start workers with `mailroom worker`")
        if self._context is None:
            self._context = Context(self.settings, open_database(self.settings.database))
        return self._context


_runtime = _Runtime()


@worker_process_init.connect
def _fresh_process(**_kwargs) -> None:
    """A pool process: one thread for OpenCV and Tesseract, no connection of the parent's."""
    single_threaded()
    _runtime.reset()


# --- the tasks -------------------------------------------------------------------------


def _task(stage: Stage) -> Task:
    """The task of `stage`: all of it on one subject, then its subject handed on."""

    @app.task(
        name=f"mailroom.{stage.name}",
        bind=True,
        autoretry_for=(OperationalError,),
        retry_backoff=True,
        max_retries=None,
    )
    def task(self: Task, subject: str) -> None:
        ctx = _runtime.context
        worker = self.request.hostname or socket.gethostname()

        def work(subject: str) -> None:
            after = following(stage)
            for next_subject in run_here(ctx, stage, subject):
                assert after is not None  # the last stage hands nothing on
                submit(ctx.db, ctx.settings, after.name, next_subject)

        run_stage(ctx.db, ctx.settings, stage.name, subject, self.request.id, worker, work)

    return task


def run_stage(
    db: Database,
    settings: Settings,
    stage: str,
    subject: str,
    task_id: str,
    worker: str,
    work: Callable[[str], None],
) -> None:
    """Run `work` on `subject` for the task `task_id`, unless the ledger says not to; record
    a failure as the embedded mode does, and a stage its workers kept dying on as failed."""
    decision, starts = start(db, settings, stage, subject, task_id, worker)
    if decision == Start.SKIP:
        return
    if decision == Start.GIVE_UP:
        reason = f"{stage} was started {starts} times and never finished (its worker stopped each time)"
        record_failure(db, stage, subject, reason)
        return
    log.info("%s %s started (attempt %d)", stage, subject, starts)
    try:
        work(subject)
    except OperationalError:
        raise  # the database is unreachable: Celery retries the task with a backoff
    except MissingDependency:
        raise  # the installation, not the subject: the task fails unfinished and is handed over again later
    except (
        Exception
    ) as exc:  # the stage failed on this subject: quarantine or failed, as in the embedded mode
        record_failure(db, stage, subject, exc)
    finish(db, stage, subject, task_id)


TASKS: dict[str, Task] = {stage.name: _task(stage) for stage in FLOW}


# --- the ledger: one live task per stage and subject -------------------------------------


def submit(db: Database, settings: Settings, stage: str, subject: str, queue_idle: bool = False) -> bool:
    """Hand `stage` of `subject` to the workers unless a live task has it already. A task
    counts as lost once nothing happened to it for the visibility timeout while the queue
    is idle (`queue_idle`, known to the coordinator only). True if a task was sent."""
    now = utcnow()
    task_id = uuid.uuid4().hex
    try:
        with db.session() as session:
            row = session.scalar(_ledger(stage, subject).with_for_update())
            if row is None:
                session.add(
                    StageTask(
                        stage=stage, subject=subject, task_id=task_id, queued_at=now, starts=0, worker=""
                    )
                )
            elif row.finished_at is None and not _lost(row, now, settings, queue_idle):
                return False
            else:
                row.task_id, row.queued_at, row.started_at, row.finished_at = task_id, now, None, None
    except IntegrityError:  # another coordinator handed it over at the same moment
        return False
    TASKS[stage].apply_async(
        (subject,), task_id=task_id, queue=settings.worker.queue
    )  # after the commit: it finds its row
    return True


def start(
    db: Database, settings: Settings, stage: str, subject: str, task_id: str, worker: str
) -> tuple[Start, int]:
    """Take `stage` of `subject` for this task, unless another task started it lately and
    has not finished (then this message is a duplicate), or this very message was done
    before. A message delivered again after its worker died takes over. Returns the
    decision and how often the stage has been started."""
    now = utcnow()
    with db.session() as session:
        row = session.scalar(_ledger(stage, subject).with_for_update())
        if row is None:  # a message sent by hand, without the ledger
            row = StageTask(stage=stage, subject=subject, task_id=task_id, queued_at=now, starts=0, worker="")
            session.add(row)
        elif _done_by(row, task_id) or _held_by_another(row, task_id, now, settings):
            return Start.SKIP, row.starts
        if stage in LIMITED_STAGES and row.starts >= settings.worker.max_starts:
            row.finished_at = now
            return Start.GIVE_UP, row.starts
        row.task_id, row.started_at, row.finished_at, row.worker = task_id, now, None, worker
        row.starts += 1
        return Start.RUN, row.starts


def finish(db: Database, stage: str, subject: str, task_id: str) -> None:
    """Mark the stage done by this task (unless another task has taken it over since)."""
    with db.session() as session:
        row = session.scalar(_ledger(stage, subject).with_for_update())
        if row is not None and row.task_id == task_id:
            row.finished_at = utcnow()


def _done_by(row: StageTask, task_id: str) -> bool:
    return row.task_id == task_id and row.finished_at is not None


def _held_by_another(row: StageTask, task_id: str, now: dt.datetime, settings: Settings) -> bool:
    """Another task started the stage and has been heard of within the visibility timeout."""
    started = row.task_id != task_id and row.finished_at is None and row.started_at is not None
    return started and _silent_for(row, now) < settings.worker.visibility_timeout_seconds


def _ledger(stage: str, subject: str):
    return select(StageTask).where(StageTask.stage == stage, StageTask.subject == subject)


def _lost(row: StageTask, now: dt.datetime, settings: Settings, queue_idle: bool) -> bool:
    """An unfinished task is taken for lost (its message gone with a broker that forgot it,
    or with a coordinator that died between commit and send) once nothing happened to it for
    the visibility timeout while no task waits in the queue."""
    return queue_idle and _silent_for(row, now) > settings.worker.visibility_timeout_seconds


def _silent_for(row: StageTask, now: dt.datetime) -> float:
    last = row.started_at or row.queued_at
    last = last.replace(tzinfo=dt.UTC) if last.tzinfo is None else last
    return (now - last).total_seconds()


# --- the coordinator ---------------------------------------------------------------------


def hand_over(db: Database, settings: Settings) -> int:
    """Hand every stage the database says is due to the workers, but for those a live task
    has already. Returns how many tasks were sent."""
    configure(settings)
    queue_idle = queue_length(settings) == 0
    now = dt.datetime.now(dt.UTC)
    waiting = {stage.name: due(db, stage, now) for stage in FLOW}
    with db.session() as session:
        unfinished = session.scalars(select(StageTask).where(StageTask.finished_at.is_(None)))
        live = {(row.stage, row.subject) for row in unfinished if not _lost(row, now, settings, queue_idle)}
    handed = [
        (stage, subject)
        for stage, subjects in waiting.items()
        for subject in subjects
        if (stage, subject) not in live
    ]
    return sum(submit(db, settings, stage, subject, queue_idle) for stage, subject in handed)


def run_on_workers(
    db: Database, settings: Settings, report: IngestReport, sources: list[int],
    progress: Progress | None = None, wait: bool = True,
) -> None:  # fmt: skip
    """The coordinator's part of an ingest pass: hand over what is due and, if `wait`,
    wait until no file or item is left before classification; fill in the report."""
    hand_over(db, settings)
    if wait:
        if not app.control.ping(timeout=1.0):
            log.warning(
                "no worker answers on %s; the work waits in the queue until one starts (`mailroom worker`)",
                settings.worker.queue,
            )
        _wait_for_workers(db, settings, sources, progress)
    with db.session() as session:
        items = session.scalars(
            select(Item).where(Item.source_id.in_(sources), Item.state != ItemState.QUARANTINED)
        ).all()
        report.items, report.pages = (
            len(items),
            sum(i.page_count for i in items if i.state != ItemState.SPLIT),
        )
        quarantined = select(func.count()).where(
            SourceFile.id.in_(sources), SourceFile.state == SourceState.QUARANTINED
        )
        report.quarantined = session.scalar(quarantined) or 0


def _wait_for_workers(
    db: Database, settings: Settings, sources: list[int], progress: Progress | None
) -> None:
    reported, handed_over = 0, time.monotonic()
    while True:
        with db.session() as session:
            open_sources = session.scalar(
                select(func.count()).where(SourceFile.state.in_((SourceState.CLAIMED, SourceState.SPLIT)))
            )
            open_items = session.scalar(select(func.count()).where(Item.state.in_(OPEN_ITEM_STATES)))
            pages = session.execute(
                select(Item.state, Item.page_count).where(Item.source_id.in_(sources))
            ).all()
        done = sum(count for state, count in pages if state != ItemState.SPLIT)
        if progress and done > reported:
            progress(done - reported, sum(count for _, count in pages))
            reported = done
        if not open_sources and not open_items:
            return
        if time.monotonic() - handed_over > HAND_OVER_EVERY_SECONDS:
            hand_over(db, settings)
            handed_over = time.monotonic()
        time.sleep(0.5)


def queue_length(settings: Settings) -> int:
    """Tasks waiting in the broker queue (not those being worked on). Raises BadConfig if
    the broker cannot be reached."""
    configure(settings)
    try:
        with app.connection_for_read() as connection:
            return connection.default_channel.queue_declare(
                queue=settings.worker.queue, passive=True
            ).message_count
    except ChannelError:  # Redis keeps no empty queue
        return 0
    except (BrokerError, OSError) as exc:
        raise BadConfig(f"cannot reach the broker {broker_name(settings)}: {exc}") from exc


def broker_name(settings: Settings) -> str:
    """The broker URL without its password, for messages and logs."""
    return maybe_sanitize_url(settings.broker_url)


# --- the worker process ------------------------------------------------------------------


def start_worker(
    settings: Settings, concurrency: int | None = None, name: str | None = None, loglevel: str = "INFO"
) -> None:
    """Run a Celery worker until it is stopped: `concurrency` pool processes (default from
    the settings), named `name@host` for /metrics and logs."""
    configure(settings)
    open_database(settings.database).dispose()  # migrate once, before the pool processes start
    argv = [
        "worker", f"--queues={settings.worker.queue}", f"--loglevel={loglevel}", "--without-gossip", "--without-mingle",
        f"--concurrency={concurrency or app.conf.worker_concurrency}",
        f"--hostname={name or 'mailroom'}@{socket.gethostname()}",
    ]  # fmt: skip
    app.worker_main(argv)
