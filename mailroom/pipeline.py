"""The state machine of scan-ingest, and its in-process runner.

A file goes  claimed → split → done  (or quarantined / duplicate); each item it holds goes
split → ocr_done. Every change is committed before the next step starts and every step
can run again, so a process killed at any moment resumes where it stopped: nothing is
lost and nothing becomes two items. File moves follow the database: the database says
what should be, `settle` makes the folders agree.

The stages (`split_file`, `process_page`, `classify_items`) are plain functions over
records; the recording steps (`record_split`, `record_ocr`, `record_failure`) lock the
rows they change and check their state, so a step run twice is recorded once. Two
runners use them: the in-process runner here (a process pool runs the stages, this
process records), and the Celery runner of `mailroom.worker` (a broker URL is set).
"""

from __future__ import annotations

import logging
import os
import shutil
import threading
import time
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, wait
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from pypdf import PdfReader, PdfWriter
from sqlalchemy import select
from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer
from watchdog.observers.polling import PollingObserver

from mailroom.classify.bundle import Model, load_model
from mailroom.classify.predict import classify_item, prediction_dict
from mailroom.classify.tracking import resolve_model
from mailroom.errors import BadConfig, BadInput, IncompatibleModel, MissingDependency
from mailroom.ingest.intake import (
    SUFFIX_TYPES,
    Claimed,
    Limits,
    StabilityWatch,
    claim,
    content_problem,
    describe,
    list_candidates,
    move_to_quarantine,
    path_problem,
    recover_claims,
    release_claim,
    safe_name,
    sha256_file,
)
from mailroom.ingest.ocr import require_language
from mailroom.ingest.pages import SourceInfo, inspect_source, rasterize, require_poppler
from mailroom.ingest.read import read_gray, read_page, write_atomically, write_png
from mailroom.ingest.sanitize import Cleaned, write_clean_pdf
from mailroom.ingest.separate import classify_page, read_page_signal, split_pages
from mailroom.parallel import process_pool
from mailroom.records import ItemState, OcrWord, PageOcr, Prediction, ProcessedPage, SourceState
from mailroom.settings import Settings
from mailroom.store.db import Database
from mailroom.store.tables import Event, Item, Page, SourceFile
from mailroom.taxonomy import load_taxonomy

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]  # (pages just finished, pages known so far)
SUFFIX_BY_KIND = {"pdf": ".pdf", "tiff": ".tif", "png": ".png", "jpeg": ".jpg"}


@dataclass(frozen=True)
class Folders:
    """Where an installation keeps its files, all under MAILROOM_HOME."""

    home: Path
    inbox: Path

    @classmethod
    def of(cls, settings: Settings) -> Folders:
        return cls(settings.home.resolve(), settings.inbox.resolve())

    @property
    def claimed(self) -> Path:
        return self.home / "work" / "claimed"

    @property
    def work(self) -> Path:
        return self.home / "work"

    @property
    def originals(self) -> Path:
        return self.home / "archive" / "originals"

    @property
    def pdfs(self) -> Path:
        return self.home / "archive" / "pdf"

    @property
    def quarantine(self) -> Path:
        return self.home / "quarantine"

    def rel(self, path: Path) -> str:
        return str(path.relative_to(self.home))


@dataclass
class IngestReport:
    files: int = 0
    duplicates: int = 0
    quarantined: int = 0
    items: int = 0
    pages: int = 0
    seconds: float = 0.0


@dataclass(frozen=True)
class SplitResult:
    """What a worker found in a claimed file: its pages and how they form items."""

    source_id: int
    info: SourceInfo | None
    rasters: tuple[str, ...] = ()
    items: tuple[tuple[int, ...], ...] = ()
    separators: tuple[int, ...] = ()
    blanks: tuple[int, ...] = ()
    reason: str = ""  # why the file goes to quarantine; "" if it does not


@dataclass(frozen=True)
class PageJob:
    item_id: str
    number: int
    source_page: int
    raster: str  # absolute path of the page as rasterised
    dpi: int
    out_dir: str
    lang: str
    psm: int
    timeout: float
    embedded_text: str | None = None


@dataclass
class _Run:
    """Bookkeeping of one pass: pages finished per item, and pages expected."""

    classifier: Classifier
    expected: dict[str, int] = field(default_factory=dict)
    done: dict[str, list[ProcessedPage]] = field(default_factory=dict)
    report: IngestReport = field(default_factory=IngestReport)


def ingest_once(
    settings: Settings, db: Database, watch: StabilityWatch | None = None, progress: Progress | None = None,
    wait_for_workers: bool = True,
) -> IngestReport:  # fmt: skip
    """Take every complete file from the inbox and bring it, and anything an earlier
    process left unfinished, to classified items with OCR'd pages (or to quarantine).

    With a broker configured the stages run on Celery workers: this pass registers the
    files, hands them to the workers and (`wait_for_workers`) waits until they are done."""
    started = time.perf_counter()
    folders = Folders.of(settings)
    for folder in (folders.inbox, folders.claimed, folders.originals, folders.pdfs, folders.quarantine):
        folder.mkdir(parents=True, exist_ok=True)
    if watch is None:  # a single pass: look twice, stable_seconds apart
        watch = StabilityWatch(settings.ingest.stable_seconds)
        if watch.stable_seconds > 0 and watch.ready(list_candidates(folders.inbox)) == [] and list_candidates(folders.inbox):
            time.sleep(watch.stable_seconds)
    run = _Run(Classifier(settings))
    claims = recover_claims(folders.claimed)
    for path in watch.ready(list_candidates(folders.inbox)):
        try:
            claims.append(claim(path, folders.claimed, folders.inbox))
        except FileNotFoundError:  # taken away while we looked
            continue
        except OSError as exc:  # it stays where it is; the run goes on
            if path not in watch.reported:
                log.warning("%s cannot be moved out of the inbox (%s): skipped until it can", path, exc.strerror or exc)
                watch.reported.add(path)
    sources = [register(db, folders, claimed, _limits(settings), run.report) for claimed in claims]
    settle(db, folders)
    if settings.broker_url:
        from mailroom.worker import run_on_workers

        run_on_workers(db, settings, run.report, [s for s in sources if s is not None], progress, wait_for_workers)
    else:
        _process(db, folders, settings, run, progress)
        classify_items(db, _items_in(db, ItemState.OCR_DONE), run.classifier)  # left by a stopped process
    settle(db, folders)
    run.report.seconds = time.perf_counter() - started
    return run.report


def require_programs(settings: Settings) -> None:
    """Probe the programs the stages run (poppler, Tesseract with the OCR languages) once
    before work starts. Raises MissingDependency with the install hint: an installation
    without them stops before it takes any mail, which waits in the inbox."""
    require_poppler()
    require_language(settings.ocr.lang)


def register(db: Database, folders: Folders, claimed: Claimed, limits: Limits, report: IngestReport) -> int | None:
    """Record a claimed file: as a duplicate of an earlier one, as quarantined, or as
    claimed. Returns its source id; None if it was registered before a crash."""
    problem = path_problem(claimed.path, limits)
    record = describe(claimed, folders.home, readable=not problem)
    with db.session() as session:
        if session.scalar(select(SourceFile.id).where(SourceFile.claim_path == record.claim_path)):
            return None
        report.files += 1
        source = SourceFile(
            sha256=record.sha256, original_name=record.original_name, size=record.size,
            claim_path=record.claim_path, state=SourceState.CLAIMED, reason="", page_count=0, split_info={},
        )  # fmt: skip
        earlier = session.scalar(
            select(SourceFile).where(SourceFile.sha256 == record.sha256, SourceFile.state != SourceState.DUPLICATE)
            .order_by(SourceFile.id).limit(1)
        )  # fmt: skip
        if earlier is not None:
            source.state, source.duplicate_of = SourceState.DUPLICATE, earlier.id
            session.add(source)
            session.flush()
            _event(session, "duplicate", source, detail={"of": earlier.id, "name": record.original_name})
            report.duplicates += 1
            return source.id
        session.add(source)
        session.flush()
        _event(session, "received", source, detail={"name": record.original_name, "sha256": record.sha256})
        reason = problem or content_problem(claimed.path, claimed.original_name)
        if reason:
            _quarantine_rows(session, source, reason)
            report.quarantined += 1
        return source.id


def settle(db: Database, folders: Folders) -> None:
    """Make the folders agree with the database: release or quarantine claimed files whose
    source is finished, and archive the originals of claimed sources."""
    with db.session() as session:
        sources = session.scalars(select(SourceFile).where(SourceFile.state != SourceState.SPLIT)).all()
    for source in sources:
        path = folders.home / source.claim_path
        claimed = Claimed(path, source.original_name)
        if source.state == SourceState.DONE:
            shutil.rmtree(folders.work / f"src-{source.id}", ignore_errors=True)
        if not (path.exists() or path.is_symlink()):
            path.with_suffix(".json").unlink(missing_ok=True)
            continue
        if source.state == SourceState.QUARANTINED:
            move_to_quarantine(path, _quarantine_target(folders, source), source.original_name, source.reason)
            path.with_suffix(".json").unlink(missing_ok=True)
        elif source.state in (SourceState.DUPLICATE, SourceState.DONE):
            release_claim(claimed)


def _process(db: Database, folders: Folders, settings: Settings, run: _Run, progress: Progress | None) -> None:
    """The in-process runner: split claimed files and OCR split items on a pool of
    processes; this process records each result."""
    to_split, to_ocr = _open_work(db)
    if not to_split and not to_ocr:
        return
    with process_pool(settings.ingest.workers) as pool:
        pending: dict[Future, tuple[str, object]] = {}

        def submit_pages(item_id: str) -> None:
            jobs = page_jobs(db, folders, settings, item_id)
            run.expected[item_id], run.done[item_id] = len(jobs), []
            for job in jobs:
                pending[pool.submit(process_page, job)] = ("page", item_id)

        for source_id in to_split:
            job = split_job(db, folders, settings, source_id)
            pending[pool.submit(split_file, *job)] = ("split", source_id)
        for item_id in to_ocr:
            submit_pages(item_id)
        while pending:
            finished, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in finished:
                kind, key = pending.pop(future)
                error = future.exception()
                if isinstance(error, MissingDependency):  # the installation, not the mail: stop, record nothing
                    for other in pending:
                        other.cancel()
                    raise error
                if error is not None:
                    record_failure(db, kind, key, error)
                elif kind == "split":
                    result = future.result()
                    new_items = record_split(db, folders, result)
                    run.report.items += len(new_items)
                    run.report.quarantined += bool(result.reason)
                    for item_id in new_items:
                        submit_pages(item_id)
                else:
                    _collect_page(db, folders, future.result(), run, progress)


def _collect_page(db: Database, folders: Folders, page: ProcessedPage, run: _Run, progress: Progress | None) -> None:
    pages = run.done[page.item_id]
    pages.append(page)
    run.report.pages += 1
    if progress:
        progress(1, sum(run.expected.values()))
    if len(pages) == run.expected[page.item_id] and record_ocr(db, folders, page.item_id, pages):
        classify_items(db, [page.item_id], run.classifier)


def _open_work(db: Database) -> tuple[list[int], list[str]]:
    """Sources waiting to be split and items waiting for OCR, oldest first."""
    with db.session() as session:
        to_split = session.scalars(select(SourceFile.id).where(SourceFile.state == SourceState.CLAIMED).order_by(SourceFile.id))
        to_ocr = session.scalars(select(Item.id).where(Item.state == ItemState.SPLIT).order_by(Item.created_at, Item.id))
        return list(to_split), list(to_ocr)


def split_job(db: Database, folders: Folders, settings: Settings, source_id: int) -> tuple[int, str, str, Path, Settings]:
    """Archive the claimed file's original and give the arguments of `split_file`."""
    with db.session() as session:
        source = session.get_one(SourceFile, source_id)
    _archive_original(db, folders, source)
    return source.id, str(folders.home / source.claim_path), _kind(source), folders.work / f"src-{source.id}", settings


def split_source(db: Database, folders: Folders, settings: Settings, source_id: int) -> list[str]:
    """Split a claimed file and record its items. Idempotent: a file split before only
    gives back its items still waiting for OCR. Returns those items."""
    with db.session() as session:
        source = session.get(SourceFile, source_id)
        if source is None or source.state != SourceState.CLAIMED:
            return _items_of(session, source_id, ItemState.SPLIT)
    return record_split(db, folders, split_file(*split_job(db, folders, settings, source_id)))


def ocr_item(db: Database, folders: Folders, settings: Settings, item_id: str) -> None:
    """Clean and OCR every page of a split item, then record it. Idempotent: an item past
    OCR is left alone."""
    with db.session() as session:
        item = session.get(Item, item_id)
        if item is None or item.state != ItemState.SPLIT:
            return
    record_ocr(db, folders, item_id, [process_page(job) for job in page_jobs(db, folders, settings, item_id)])


def split_file(source_id: int, path: str, kind: str, raster_dir: Path, settings: Settings) -> SplitResult:
    """Stage: check the file, rasterise its pages, find separator sheets and blank pages."""
    ingest = settings.ingest
    try:
        info = inspect_source(Path(path), kind, ingest.dpi, ingest.max_pages, ingest.max_pixels_per_page)
        shutil.rmtree(raster_dir, ignore_errors=True)
        rasters = rasterize(Path(path), info, raster_dir)
        kinds = [classify_page(read_page_signal(_gray(r), info.dpi)) for r in rasters]
    except BadInput as exc:
        return SplitResult(source_id, None, reason=str(exc))
    split = split_pages(kinds)
    if not split.items:
        return SplitResult(source_id, info, reason=f"none of its {len(rasters)} pages has content (blank pages or separator sheets only)")
    return SplitResult(source_id, info, tuple(map(str, rasters)), split.items, split.separators, split.blanks)


def process_page(job: PageJob) -> ProcessedPage:
    """Stage: make a page upright and straight, OCR it, write its searchable PDF page."""
    out_dir = Path(job.out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    image_path = out_dir / f"{job.number:03d}_clean.png"
    pdf_path = out_dir / f"{job.number:03d}.pdf"
    gray = _gray(Path(job.raster))
    if job.embedded_text is not None:  # a born-digital page: its own text is better than OCR
        write_png(gray, image_path, job.dpi)
        return ProcessedPage(job.item_id, job.number, job.source_page, 0, 0.0, str(image_path), _embedded(job.embedded_text))
    cleaned, ocr, pdf = read_page(gray, job.dpi, image_path, job.lang, job.psm, job.timeout)
    if pdf:
        write_atomically(pdf_path, pdf)
    return ProcessedPage(
        job.item_id, job.number, job.source_page, cleaned.rotation, cleaned.skew, str(image_path), ocr,
        str(pdf_path) if pdf else "",
    )  # fmt: skip


def record_split(db: Database, folders: Folders, result: SplitResult) -> list[str]:
    """Record what `split_file` found: the file's items, or its quarantine. Returns the
    items waiting for OCR; a file recorded before is not recorded again."""
    with db.session() as session:
        source = session.get_one(SourceFile, result.source_id, with_for_update=True)
        if source.state != SourceState.CLAIMED:
            return _items_of(session, source.id, ItemState.SPLIT)
        if result.reason:
            _quarantine_rows(session, source, result.reason)
            return []
        info = result.info
        assert info is not None  # a file that was split without a reason has been read
        source.state, source.page_count = SourceState.SPLIT, info.page_count
        source.split_info = {
            "rasters": [folders.rel(Path(r)) for r in result.rasters], "dpi": info.dpi,
            "embedded_text": list(info.embedded_text), "separators": list(result.separators), "blanks": list(result.blanks),
        }  # fmt: skip
        for position, pages in enumerate(result.items, start=1):
            session.add(Item(
                id=_item_id(source, position), source_id=source.id, position=position, state=ItemState.SPLIT,
                page_count=len(pages), source_pages={"pages": list(pages)}, flags={},
            ))  # fmt: skip
        session.flush()
        _event(session, "split", source, detail={"items": len(result.items), "separators": list(result.separators), "blanks": list(result.blanks)})
        return _items_of(session, source.id, ItemState.SPLIT)


def page_jobs(db: Database, folders: Folders, settings: Settings, item_id: str) -> list[PageJob]:
    """One `process_page` job per page of a split item."""
    with db.session() as session:
        item = session.get_one(Item, item_id)
        split_info = session.get_one(SourceFile, item.source_id).split_info
    rasters, embedded = split_info["rasters"], split_info["embedded_text"]
    return [
        PageJob(
            item.id, number, source_page, str(folders.home / rasters[source_page]), split_info["dpi"],
            str(folders.work / item.id), settings.ocr.lang, settings.ocr.psm, settings.ocr.timeout_seconds,
            embedded[source_page] if embedded else None,
        )
        for number, source_page in enumerate(item.source_pages["pages"], start=1)
    ]  # fmt: skip


def record_ocr(db: Database, folders: Folders, item_id: str, pages: list[ProcessedPage]) -> bool:
    """Record an item's OCR'd pages and its searchable PDF: `ocr_done`. The source row is
    locked first, so of two items finishing at once the later one sees the earlier and
    the file is marked done exactly once. False if the item was recorded before."""
    pages = sorted(pages, key=lambda p: p.number)
    pdf_path = folders.pdfs / f"{item_id}.pdf"
    with db.session() as session:
        source_id = session.get_one(Item, item_id).source_id
        source = session.get_one(SourceFile, source_id, with_for_update=True)
        item = session.get_one(Item, item_id, with_for_update=True, populate_existing=True)
        if item.state != ItemState.SPLIT:
            return False
        cleaned = _write_searchable_pdf(pages, pdf_path, folders.home / source.archive_path)
        for old in session.scalars(select(Page).where(Page.item_id == item_id)):
            session.delete(old)  # pages an interrupted earlier run left: replaced, never doubled
        session.flush()
        for p in pages:
            session.add(_page_row(folders, p))
        confidences = [p.ocr.mean_confidence for p in pages if p.ocr.words]
        item.mean_confidence = sum(confidences) / len(confidences) if confidences else 0.0
        item.flags = {"pages": {str(p.number): list(p.ocr.flags) for p in pages if p.ocr.flags}, "attachments": {name: folders.rel(path) for name, path in cleaned.files.items()}}
        item.pdf_path, item.state = folders.rel(pdf_path), ItemState.OCR_DONE
        _event(session, "ocr_done", item=item, detail={"pages": len(pages), "mean_confidence": round(item.mean_confidence, 1)})
        if cleaned.removed:
            _event(session, "pdf_cleaned", item=item, detail={"removed": list(cleaned.removed)})
        _finish_source_if_done(session, source)
    return True


class Classifier:
    """The promoted model, loaded on first use; a model that cannot be loaded is kept as
    the reason why every item goes to review."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._model: Model | None = None
        self.problem = ""

    def model(self) -> Model | None:
        if self._model is None and not self.problem:
            try:
                taxonomy = load_taxonomy(self.settings.config_file("taxonomy.yaml"))
                self._model = load_model(resolve_model(self.settings.classify.model, self.settings), taxonomy)
            except (BadInput, IncompatibleModel, BadConfig) as exc:
                log.error("no usable model, every item goes to review: %s", exc)
                self.problem = f"no usable model: {exc}"
        return self._model


def classify_items(db: Database, item_ids: list[str], classifier: Classifier) -> None:
    """Classify OCR'd items: `classified`, then `auto_approved` or `in_review` by the
    model's thresholds and the decision policy. Without a usable model: `in_review`.
    Items not (or no longer) `ocr_done` are left alone."""
    model = classifier.model() if item_ids else None
    for item_id in item_ids:
        with db.session() as session:
            item = session.get(Item, item_id, with_for_update=True)
            if item is None or item.state != ItemState.OCR_DONE:
                continue
            if model is None:
                item.decision, item.state = "review", ItemState.IN_REVIEW
                item.flags = {**item.flags, "prediction": {"reason": classifier.problem}}
                _event(session, "in_review", item=item, detail={"reason": classifier.problem})
                continue
            text = "\n\n".join(session.scalars(select(Page.text).where(Page.item_id == item_id).order_by(Page.number)))
            page_flags = [flag for flags in item.flags.get("pages", {}).values() for flag in flags]
            prediction = classify_item(text, model, item.mean_confidence, page_flags, list(item.flags.get("attachments", {})))
            _apply_prediction(session, item, prediction)


def _apply_prediction(session, item: Item, prediction: Prediction) -> None:
    details = prediction_dict(prediction)
    metadata = details.pop("metadata")
    item.doc_type, item.route = prediction.doc_type.label, prediction.route.label
    item.confidence, item.decision = prediction.confidence, prediction.decision
    item.model_version = prediction.model_version
    item.flags = {**item.flags, "prediction": details, "metadata": metadata}
    item.state = ItemState.CLASSIFIED
    _event(session, "classified", item=item, detail={k: details[k] for k in ("doc_type", "route", "model_version")})
    item.state = ItemState.AUTO_APPROVED if prediction.decision == "auto" else ItemState.IN_REVIEW
    _event(session, item.state, item=item, detail={"reason": prediction.reason, "decided_by": prediction.decided_by})


def _items_in(db: Database, state: ItemState) -> list[str]:
    with db.session() as session:
        return list(session.scalars(select(Item.id).where(Item.state == state).order_by(Item.created_at)))


def record_failure(db: Database, kind: str, key: object, error: BaseException | str) -> None:
    """A stage that raised: a file ("split") goes to quarantine with the error, an item
    (any other stage) to failed. A file or item already past the stage is left alone."""
    message = error if isinstance(error, str) else repr(error)
    log.error("%s %s failed: %s", kind, key, message)
    with db.session() as session:
        if kind == "split":
            source = session.get_one(SourceFile, key, with_for_update=True)
            if source.state == SourceState.CLAIMED:
                _quarantine_rows(session, source, f"could not be processed: {message}")
            return
        source_id = session.get_one(Item, key).source_id
        source = session.get_one(SourceFile, source_id, with_for_update=True)  # source, then item: as record_ocr
        item = session.get_one(Item, key, with_for_update=True, populate_existing=True)
        if item.state in (ItemState.SPLIT, ItemState.OCR_DONE):
            item.state, item.flags = ItemState.FAILED, {**item.flags, "error": message}
            _event(session, "failed", item=item, detail={"error": message})
            _finish_source_if_done(session, source)


def _finish_source_if_done(session, source: SourceFile) -> None:
    open_items = session.scalar(select(Item.id).where(Item.source_id == source.id, Item.state == ItemState.SPLIT).limit(1))
    if open_items is None and source.state == SourceState.SPLIT:
        source.state = SourceState.DONE  # settle() then releases the claim and the page rasters
        _event(session, "done", source)


def _items_of(session, source_id: int, state: ItemState) -> list[str]:
    query = select(Item.id).where(Item.source_id == source_id, Item.state == state).order_by(Item.position)
    return list(session.scalars(query))


def _write_searchable_pdf(pages: list[ProcessedPage], target: Path, original: Path) -> Cleaned:
    """The item's archival copy: OCR'd pages (image + text layer) in order; pages of a
    born-digital PDF are taken from the original, which is searchable already. Without
    active content; embedded files are kept beside it."""
    writer = PdfWriter()
    for page in pages:
        if page.pdf_path:
            writer.append(PdfReader(page.pdf_path))
        elif original.suffix == ".pdf":
            writer.add_page(PdfReader(original).pages[page.source_page])
    return write_clean_pdf(writer, original, target)


def _archive_original(db: Database, folders: Folders, source: SourceFile) -> None:
    """Keep the original byte for byte under its SHA-256 before anything else happens."""
    target = folders.originals / source.sha256[:2] / (source.sha256 + SUFFIX_BY_KIND.get(_kind(source), ""))
    if not target.exists() or sha256_file(target) != source.sha256:
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_name(target.name + ".part")
        shutil.copyfile(folders.home / source.claim_path, temporary)
        os.replace(temporary, target)
    if source.archive_path != folders.rel(target):
        with db.session() as session:
            session.get_one(SourceFile, source.id).archive_path = folders.rel(target)


def _quarantine_rows(session, source: SourceFile, reason: str) -> None:
    """Record a file as quarantined: its source row, one item standing for it, an event."""
    source.state, source.reason = SourceState.QUARANTINED, reason
    for item in session.scalars(select(Item).where(Item.source_id == source.id)):
        session.delete(item)
    session.flush()
    item = Item(
        id=_item_id(source, 1), source_id=source.id, position=1, state=ItemState.QUARANTINED,
        page_count=0, source_pages={"pages": []}, flags={"reason": reason},
    )  # fmt: skip
    session.add(item)
    session.flush()
    _event(session, "quarantined", source, item, detail={"reason": reason})


def _quarantine_target(folders: Folders, source: SourceFile) -> Path:
    return folders.quarantine / f"{Path(source.claim_path).name[:12]}-{safe_name(source.original_name)}"


def _event(session, kind: str, source: SourceFile | None = None, item: Item | None = None, detail: dict | None = None) -> None:
    source_id = source.id if source is not None else (item.source_id if item is not None else None)
    session.add(Event(kind=kind, source_id=source_id, item_id=item.id if item is not None else None, detail=detail or {}))


def _page_row(folders: Folders, page: ProcessedPage) -> Page:
    words = [[w.text, round(w.confidence, 1), w.left, w.top, w.width, w.height, w.line] for w in page.ocr.words]
    return Page(
        item_id=page.item_id, number=page.number, source_page=page.source_page, rotation=page.rotation,
        skew=round(page.skew, 2), image_path=folders.rel(Path(page.image_path)), text=page.ocr.text,
        words={"words": words}, mean_confidence=page.ocr.mean_confidence, flags={"flags": list(page.ocr.flags)},
    )  # fmt: skip


def _embedded(text: str) -> PageOcr:
    words = tuple(OcrWord(w, 100.0, 0, 0, 0, 0, 0) for w in text.split())
    return PageOcr(text, words, 100.0, ("embedded_text",))


def _item_id(source: SourceFile, position: int) -> str:
    return f"{source.sha256[:16]}-{position}"


def _kind(source: SourceFile) -> str:
    return SUFFIX_TYPES.get(Path(source.original_name).suffix.lower(), "")


def _limits(settings: Settings) -> Limits:
    ingest = settings.ingest
    return Limits(int(ingest.max_file_mb * 1e6), ingest.max_pages, ingest.max_pixels_per_page)


def _gray(path: Path) -> np.ndarray:
    return read_gray(path)


class _Wake(FileSystemEventHandler):
    """Sets an event on any change in the watched folder."""

    def __init__(self, wake: threading.Event) -> None:
        super().__init__()
        self.wake = wake

    def on_any_event(self, event: FileSystemEvent) -> None:
        self.wake.set()


def watch_inbox(
    settings: Settings, db: Database, stop: threading.Event, polling: bool = False,
    on_report: Callable[[IngestReport], None] | None = None,
) -> None:  # fmt: skip
    """Run ingest passes until `stop` is set: on every change in the inbox (inotify through
    watchdog; `polling` for network shares, where inotify sees nothing), and every few
    seconds anyway so that files still being written are taken once they stand still."""
    folders = Folders.of(settings)
    folders.inbox.mkdir(parents=True, exist_ok=True)
    wake = threading.Event()
    handler = _Wake(wake)
    observer = PollingObserver(timeout=settings.ingest.poll_seconds) if polling else Observer()
    observer.schedule(handler, str(folders.inbox), recursive=True)
    observer.start()
    watch = StabilityWatch(settings.ingest.stable_seconds)
    pause = min(settings.ingest.poll_seconds, max(settings.ingest.stable_seconds, 0.5))
    try:
        while not stop.is_set():
            report = ingest_once(settings, db, watch, wait_for_workers=False)
            if on_report and report.files:
                on_report(report)
            wake.wait(pause)
            wake.clear()
    finally:
        observer.stop()
        observer.join()
