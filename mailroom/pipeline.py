"""Scan-ingest: the way of a letter from the hot folder to its office, told on one screen.

Every change of state is committed before the next step starts and every step can run
again, so a process killed at any moment resumes where it stopped: nothing is lost and
nothing becomes two items. The stages and their order are declared once, in
`mailroom.flow.stages`; a runner only decides where they run.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from contextlib import ExitStack

from mailroom.dispatch.dispatch import check_archive, collect_all_replies
from mailroom.flow.local import Progress, keep_dispatching, live_pool, run_in_process, warm_pool
from mailroom.flow.sources import Folders, IngestReport, limits, register, settle
from mailroom.flow.stages import INGEST, Context
from mailroom.ingest.intake import StabilityWatch
from mailroom.ingest.ocr import require_language
from mailroom.ingest.pages import require_poppler
from mailroom.ingest.timings import Stopwatch, Timings
from mailroom.ingest.watch import claim_ready, inbox_events, look_twice, next_look
from mailroom.recordkeeping.retention import keep_retaining
from mailroom.settings import Settings
from mailroom.store.db import Database
from mailroom.worker import run_on_workers

__all__ = ["IngestReport", "Progress", "ingest_once", "require_programs", "watch_inbox"]


def ingest_once(
    settings: Settings, db: Database, watch: StabilityWatch | None = None, progress: Progress | None = None,
    wait_for_workers: bool = True, ctx: Context | None = None, pool: ProcessPoolExecutor | None = None,
) -> IngestReport:  # fmt: skip
    """Take every complete file from the inbox and bring it, and anything an earlier
    process left unfinished, to classified items with OCR'd pages (or to quarantine).

    With a broker configured the stages run on Celery workers: this pass registers the
    files, hands them to the workers and (`wait_for_workers`) waits until they are done.
    A process that runs pass after pass gives each the same `ctx` (the model loaded once)
    and `pool` (`warm_pool`)."""
    started, report, watch_cpu = time.perf_counter(), IngestReport(), Stopwatch()
    folders = Folders.of(settings)
    folders.make()
    watch = watch or look_twice(folders.inbox, settings.ingest.stable_seconds)  # a single pass
    claims = claim_ready(folders.inbox, folders.claimed, watch)  # complete files, moved out of the inbox
    with ExitStack() as stack:
        if claims and pool is None and not settings.broker_url:  # starting while the files are registered
            pool = stack.enter_context(warm_pool(settings.ingest.workers))
        sources = [register(db, folders, claimed, limits(settings), report) for claimed in claims]
        settle(db, folders)  # duplicates released, unreadable files quarantined
        if settings.broker_url:  # split → ocr → classify (→ dispatch) on the workers ...
            registered = [source for source in sources if source is not None]
            run_on_workers(db, settings, report, registered, progress, wait_for_workers)
        else:  # ... or here, the CPU-bound work on a process pool
            run_in_process(ctx or Context(settings, db), INGEST, report, progress, pool)
    settle(db, folders)  # finished files released, their page rasters removed
    report.seconds = time.perf_counter() - started
    report.timings += Timings(other=watch_cpu.lap() - report.recorded.total)
    return report


def watch_inbox(
    settings: Settings, db: Database, stop: threading.Event, polling: bool = False,
    on_report: Callable[[IngestReport], None] | None = None, dispatch: bool = False,
) -> None:  # fmt: skip
    """Run ingest passes until `stop` is set: on every change in the inbox (inotify;
    `polling` for network shares), and every few seconds anyway so that files still being
    written are taken once they stand still. `dispatch`: in the embedded mode also run the
    dispatch stage, beside the passes at its own pace (the Celery mode's passes hand due
    deliveries to the workers); both read the confirmations of xdomea receivers."""
    if dispatch and not settings.broker_url:
        ctx = Context(settings, db)
        _ = ctx.routes  # a broken routes.yaml stops the start, not a thread later
        threading.Thread(target=keep_dispatching, args=(ctx, stop), name="dispatch", daemon=True).start()
    threading.Thread(target=keep_retaining, args=(settings, db, stop), name="retention", daemon=True).start()
    watch = StabilityWatch(settings.ingest.stable_seconds)
    pause = min(settings.ingest.poll_seconds, max(settings.ingest.stable_seconds, 0.5))
    ctx = Context(settings, db)  # one model for all passes, loaded on first use
    workers = settings.ingest.workers
    pool = None if settings.broker_url else warm_pool(workers)  # one pool for all passes
    try:
        with inbox_events(Folders.of(settings).inbox, polling, settings.ingest.poll_seconds) as wake:
            while not stop.is_set():
                pool = pool and live_pool(pool, workers)
                report = ingest_once(settings, db, watch, wait_for_workers=False, ctx=ctx, pool=pool)
                if dispatch and settings.broker_url:  # the embedded mode's dispatch thread reads them there
                    collect_all_replies(db, ctx.routes, dt.datetime.now(dt.UTC))
                if on_report and report.files:
                    on_report(report)
                wake.wait(next_look(watch, pause))  # at once when a file may be complete
                wake.clear()
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)


def require_programs(settings: Settings) -> None:
    """Probe the programs the stages run (poppler, Tesseract with the OCR languages,
    Ghostscript for archival copies, the seal's key) once
    before work starts. Raises MissingDependency with the install hint: an installation
    without them stops before it takes any mail, which waits in the inbox."""
    require_poppler()
    require_language(settings.ocr.lang)
    check_archive(settings)  # Ghostscript and the seal, before dispatch takes an item
