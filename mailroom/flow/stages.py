"""The flow as data: the stages of a letter's way in order, each with the state it takes
its subject in and the states it leaves it in. Both runners read this declaration and
decide only where a stage's work runs: `mailroom.flow.local` (a process pool, this
process records) and `mailroom.worker` (Celery tasks).

    stage     subject  takes                     leaves                     work, anywhere    record, here
    split     file     claimed                   split | quarantined        split_file        record_split
    ocr       item     split                     ocr_done | failed          process_page ×n   record_ocr
    classify  item     ocr_done                  auto_approved | in_review  -                 classify_items
    dispatch  item     auto_approved | approved  dispatched | dead_letter   -                 dispatch_item

A stage done on a subject hands on to the next stage whatever of it now waits there (the
items of a split file; an OCR'd item; an approved item). A reviewer's approval makes an
item due for dispatch; `due` finds it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from mailroom.dispatch.connectors import Target
from mailroom.dispatch.dispatch import READY, dispatch_item
from mailroom.dispatch.routes import load_routes
from mailroom.flow.items import Classifier, classify_items, page_jobs, record_ocr, record_split, split_job
from mailroom.flow.sources import Folders
from mailroom.flow.work import process_page, split_file
from mailroom.ingest.timings import Timings
from mailroom.records import ItemState, SourceState
from mailroom.settings import Settings
from mailroom.store.db import Database
from mailroom.store.tables import Delivery, Item, SourceFile


class Context:
    """What the stages of one process share: settings, database and folders; the model and
    the routes loaded on first use."""

    def __init__(self, settings: Settings, db: Database) -> None:
        self.settings, self.db = settings, db
        self.folders = Folders.of(settings)
        self.classifier = Classifier(settings)
        self._routes: dict[str, Target] | None = None

    @property
    def routes(self) -> dict[str, Target]:
        if self._routes is None:
            self._routes = load_routes(self.settings, self.settings.taxonomy)
        return self._routes


@dataclass(frozen=True)
class Stage:
    """One stage. `record` records the results of its work in this process (or, for a stage
    without work, does all of it); `jobs` gives the units of its work for one subject;
    `work` does one unit: a plain function of a picklable job, without the database."""

    name: str
    subject: type[SourceFile] | type[Item]  # the row a stage works on: a file, or an item
    takes: tuple[str, ...]  # the states its subject waits for it in
    leaves: tuple[str, ...]  # the states it leaves its subject in
    record: Callable[[Context, str, list[Any]], Timings | None]  # the time it took
    jobs: Callable[[Context, str], list[Any]] | None = None
    work: Callable[[Any], Any] | None = None


def _dispatch(ctx: Context, subject: str, _results: list[Any]) -> None:
    now = dt.datetime.now(dt.UTC)
    with contextlib.suppress(IntegrityError):  # another dispatcher made the delivery row at once: theirs
        dispatch_item(ctx.settings, ctx.db, subject, ctx.routes, ctx.settings.taxonomy, now)


SPLIT = Stage(
    "split", SourceFile, (SourceState.CLAIMED,), (SourceState.SPLIT, SourceState.QUARANTINED),
    record=lambda ctx, subject, results: record_split(ctx.db, ctx.folders, results[0]),
    jobs=lambda ctx, subject: [split_job(ctx.db, ctx.folders, ctx.settings, int(subject))],
    work=split_file,
)  # fmt: skip
OCR = Stage(
    "ocr", Item, (ItemState.SPLIT,), (ItemState.OCR_DONE, ItemState.FAILED),
    record=lambda ctx, subject, results: record_ocr(ctx.db, ctx.folders, subject, [r.page for r in results]),
    jobs=lambda ctx, subject: page_jobs(ctx.db, ctx.folders, ctx.settings, subject),
    work=process_page,
)  # fmt: skip
CLASSIFY = Stage(
    "classify", Item, (ItemState.OCR_DONE,), (ItemState.AUTO_APPROVED, ItemState.IN_REVIEW),
    record=lambda ctx, subject, _results: classify_items(ctx.db, [subject], ctx.classifier),
)  # fmt: skip
DISPATCH = Stage("dispatch", Item, READY, (ItemState.DISPATCHED, ItemState.DEAD_LETTER), record=_dispatch)

FLOW = (SPLIT, OCR, CLASSIFY, DISPATCH)
INGEST = FLOW[:-1]  # what an ingest pass runs in the embedded mode, where dispatch keeps a pace of its own


def following(stage: Stage) -> Stage | None:
    position = FLOW.index(stage) + 1
    return FLOW[position] if position < len(FLOW) else None


def due(db: Database, stage: Stage, now: dt.datetime | None = None) -> list[str]:
    """The subjects waiting for `stage`, oldest first; an item whose delivery waits for its
    backoff is not due for dispatch."""
    with db.session() as session:
        if stage.subject is SourceFile:
            return [str(i) for i in session.scalars(_waiting(stage).order_by(SourceFile.id))]
        query = _waiting(stage).order_by(Item.created_at, Item.id)
        if stage is DISPATCH:
            held = select(Delivery.item_id).where(
                Delivery.delivered_at.is_(None), Delivery.next_attempt_at > (now or dt.datetime.now(dt.UTC))
            )
            query = query.where(Item.id.not_in(held))
        return list(session.scalars(query))


def waits_for(db: Database, stage: Stage, subject: str) -> bool:
    """Whether `subject` is (still) in a state `stage` takes."""
    with db.session() as session:
        key = int(subject) if stage.subject is SourceFile else subject
        return session.scalar(_waiting(stage).where(stage.subject.id == key)) is not None


def handed_on(db: Database, stage: Stage, subject: str) -> list[str]:
    """What of `subject` now waits for the stage after `stage`: the items of a split file,
    or the item itself."""
    after = following(stage)
    if after is None:
        return []
    with db.session() as session:
        if stage.subject is SourceFile:
            return list(
                session.scalars(_waiting(after).where(Item.source_id == int(subject)).order_by(Item.position))
            )
        return list(session.scalars(_waiting(after).where(Item.id == subject)))


def run_here(ctx: Context, stage: Stage, subject: str) -> list[str]:
    """Do all of `stage` on `subject` in this process, if it still waits for it; return what
    it hands on. Safe to repeat: a subject past the stage is only handed on again."""
    if waits_for(ctx.db, stage, subject):
        jobs = stage.jobs(ctx, subject) if stage.jobs else []
        stage.record(ctx, subject, [stage.work(job) for job in jobs] if stage.work else [])
    return handed_on(ctx.db, stage, subject)


def _waiting(stage: Stage):
    table = stage.subject
    return select(table.id).where(table.state.in_(stage.takes))
