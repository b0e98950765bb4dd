"""The in-process runner: the work of the stages on a pool of processes (started when
there is work for it), everything else in this process, which records each result and
hands the subject on to the next stage."""

from __future__ import annotations

import datetime as dt
import logging
import os
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from contextlib import ExitStack
from typing import Any

from mailroom.dispatch.dispatch import collect_all_replies
from mailroom.errors import MissingDependency
from mailroom.flow.items import record_failure
from mailroom.flow.sources import IngestReport
from mailroom.flow.stages import DISPATCH, OCR, SPLIT, Context, Stage, due, following, handed_on, waits_for
from mailroom.flow.work import warm_up
from mailroom.parallel import process_pool

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]  # (pages just finished, pages known so far)


def run_in_process(
    ctx: Context,
    stages: Sequence[Stage],
    report: IngestReport | None = None,
    progress: Progress | None = None,
    pool: ProcessPoolExecutor | None = None,
) -> None:
    """Bring everything due for `stages` as far as they go, on `pool` (a pool of this
    pass's own, started when there is work for it, if not given)."""
    with ExitStack() as stack:
        _Pass(ctx, stages, report or IngestReport(), progress, stack, pool).run()


def warm_pool(workers: int) -> ProcessPoolExecutor:
    """A process pool for `run_in_process` whose processes start now and load the stages'
    work at once, for a process that runs pass after pass: the first page of a pass then
    waits for neither."""
    pool = process_pool(workers)
    for _ in range(workers or os.cpu_count() or 1):
        pool.submit(warm_up)
    return pool


def live_pool(pool: ProcessPoolExecutor, workers: int) -> ProcessPoolExecutor:
    """`pool` if it takes work, else (one of its processes died, which breaks a pool for
    good) a new `warm_pool` in its place."""
    try:
        pool.submit(warm_up).result()
        return pool
    except BrokenProcessPool:
        log.warning("a process of the pool died; starting a new pool")
        pool.shutdown(wait=False, cancel_futures=True)
        return warm_pool(workers)


def keep_dispatching(ctx: Context, stop: threading.Event) -> None:
    """The dispatch stage of the embedded mode: a pass every `dispatch.poll_seconds` until
    `stop` is set, on a thread of its own so that a slow receiver never holds up the
    scanner. Anything failing in a pass is logged and the next pass tries again."""
    while not stop.is_set():
        try:
            run_in_process(ctx, (DISPATCH,))
            collect_all_replies(ctx.db, ctx.routes, dt.datetime.now(dt.UTC))
        except Exception:  # a database hiccup must not end the loop of a long-running service
            log.exception("dispatch pass failed; trying again in %.0f s", ctx.settings.dispatch.poll_seconds)
        stop.wait(ctx.settings.dispatch.poll_seconds)


class _Pass:
    def __init__(
        self,
        ctx: Context,
        stages: Sequence[Stage],
        report: IngestReport,
        progress: Progress | None,
        stack: ExitStack,
        pool: ProcessPoolExecutor | None,
    ) -> None:
        self.ctx, self.stages, self.report, self.progress, self.stack = ctx, stages, report, progress, stack
        self.executor = pool
        self.pending: dict[Future, tuple[Stage, str]] = {}
        self.results: dict[tuple[str, str], list[Any]] = {}
        self.expected: dict[tuple[str, str], int] = {}

    def run(self) -> None:
        waiting = [(stage, due(self.ctx.db, stage)) for stage in self.stages]
        for stage, subjects in waiting:
            for subject in subjects:
                self.start(stage, subject)
        while self.pending:
            finished, _ = wait(self.pending, return_when=FIRST_COMPLETED)
            for future in finished:
                stage, subject = self.pending.pop(future)
                error = future.exception()
                if isinstance(
                    error, MissingDependency
                ):  # the installation, not the mail: stop, record nothing
                    for other in self.pending:
                        other.cancel()
                    raise error
                if error is not None:
                    record_failure(self.ctx.db, stage.name, subject, error)
                    self.results.pop((stage.name, subject), None)
                elif (stage.name, subject) in self.results:
                    self.collect(stage, subject, future.result())

    def start(self, stage: Stage, subject: str) -> None:
        if stage not in self.stages or not waits_for(self.ctx.db, stage, subject):
            return
        jobs = stage.jobs(self.ctx, subject) if stage.jobs else []
        if stage.work is None or not jobs:
            self.finish(stage, subject, [])
            return
        key = (stage.name, subject)
        self.results[key], self.expected[key] = [], len(jobs)
        for job in jobs:
            self.pending[self.pool().submit(stage.work, job)] = (stage, subject)

    def collect(self, stage: Stage, subject: str, result: Any) -> None:
        key = (stage.name, subject)
        self.results[key].append(result)
        self.report.timings += result.timings
        if stage is OCR:
            self.report.pages += 1
            if self.progress:
                self.progress(1, sum(n for (name, _), n in self.expected.items() if name == OCR.name))
        if len(self.results[key]) == self.expected[key]:
            self.finish(stage, subject, self.results.pop(key))

    def finish(self, stage: Stage, subject: str, results: list[Any]) -> None:
        spent = stage.record(self.ctx, subject, results)
        if spent is not None:
            self.report.timings += spent
            self.report.recorded += spent
        handed = handed_on(self.ctx.db, stage, subject)
        if stage is SPLIT:
            self.report.items += len(handed)
            self.report.quarantined += any(result.reason for result in results)
        after = following(stage)
        for next_subject in handed:
            assert after is not None  # the last stage hands nothing on
            self.start(after, next_subject)

    def pool(self) -> ProcessPoolExecutor:
        if self.executor is None:
            self.executor = self.stack.enter_context(process_pool(self.ctx.settings.ingest.workers))
        return self.executor
