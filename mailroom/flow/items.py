"""The steps of the state machine that concern items: record what a stage found, lock
first, check the state, change it once. A file goes  claimed → split → done; each item it
holds  split → ocr_done → auto_approved | in_review, or failed."""

from __future__ import annotations

import logging
from pathlib import Path

from pypdf import PdfReader, PdfWriter
from sqlalchemy import select

from mailroom.classify.bundle import META_FILE, Model, load_model
from mailroom.classify.predict import classify_item, prediction_dict
from mailroom.classify.tracking import resolve_model
from mailroom.errors import BadConfig, BadInput, IncompatibleModel
from mailroom.flow.sources import Folders, archive_original, event, kind, make_item_id, quarantine_rows
from mailroom.flow.work import PageJob, SplitJob, SplitResult
from mailroom.ingest.intake import sha256_file
from mailroom.ingest.sanitize import Cleaned, write_clean_pdf
from mailroom.ingest.timings import Stopwatch, Timings
from mailroom.item_state import ItemFlags, ItemMetadata, ItemPrediction
from mailroom.recordkeeping.sampling import drawn
from mailroom.records import ItemState, Prediction, ProcessedPage, SourceState
from mailroom.settings import Settings
from mailroom.store.db import Database
from mailroom.store.items import flags_of, set_flags
from mailroom.store.sampling import add_sample
from mailroom.store.search import index_item
from mailroom.store.tables import Item, Page, SourceFile

log = logging.getLogger(__name__)


def split_job(db: Database, folders: Folders, settings: Settings, source_id: int) -> SplitJob:
    """Archive the claimed file's original and give the job of `split_file`."""
    with db.session() as session:
        source = session.get_one(SourceFile, source_id)
    archive_original(db, folders, source)
    raster_dir = folders.work / f"src-{source.id}"
    return SplitJob(
        source.id, str(folders.home / source.claim_path), kind(source), str(raster_dir), settings.ingest
    )


def record_split(db: Database, folders: Folders, result: SplitResult) -> Timings:
    """Record what `split_file` found: the file's items, or its quarantine. A file recorded
    before is not recorded again. Returns the time it took."""
    watch = Stopwatch()
    with db.session() as session:
        source = session.get_one(SourceFile, result.source_id, with_for_update=True)
        if source.state != SourceState.CLAIMED:
            return Timings(database=watch.lap())
        if result.reason:
            quarantine_rows(session, source, result.reason)
            return Timings(database=watch.lap())
        info = result.info
        assert info is not None  # a file that was split without a reason has been read
        source.state, source.page_count = SourceState.SPLIT, info.page_count
        source.split_info = {
            "rasters": [folders.rel(Path(r)) for r in result.rasters], "dpi": list(result.dpis),
            "embedded_text": list(info.embedded_text), "separators": list(result.separators), "blanks": list(result.blanks),
        }  # fmt: skip
        for position, pages in enumerate(result.items, start=1):
            session.add(Item(
                id=make_item_id(source, position), source_id=source.id, position=position, state=ItemState.SPLIT,
                page_count=len(pages), source_pages={"pages": list(pages)}, flags={},
            ))  # fmt: skip
        session.flush()
        event(
            session,
            "split",
            source,
            detail={
                "items": len(result.items),
                "separators": list(result.separators),
                "blanks": list(result.blanks),
            },
        )
    return Timings(database=watch.lap())


def page_jobs(db: Database, folders: Folders, settings: Settings, item_id: str) -> list[PageJob]:
    """One `process_page` job per page of a split item."""
    with db.session() as session:
        item = session.get_one(Item, item_id)
        split_info = session.get_one(SourceFile, item.source_id).split_info
    rasters, embedded, dpi = split_info["rasters"], split_info["embedded_text"], split_info["dpi"]
    dpis = dpi if isinstance(dpi, list) else [dpi] * len(rasters)  # one for the whole file: split earlier
    return [
        PageJob(
            item.id, number, source_page, str(folders.home / rasters[source_page]), dpis[source_page],
            str(folders.work / item.id), settings.ocr, embedded[source_page] if embedded else None,
        )
        for number, source_page in enumerate(item.source_pages["pages"], start=1)
    ]  # fmt: skip


def record_ocr(db: Database, folders: Folders, item_id: str, pages: list[ProcessedPage]) -> Timings:
    """Record an item's OCR'd pages and its searchable PDF: `ocr_done`. The source row is
    locked first, so of two items finishing at once the later one sees the earlier and
    the file is marked done exactly once. An item recorded before is left alone. Returns
    the time it took, the PDF's apart."""
    pages = sorted(pages, key=lambda p: p.number)
    pdf_path = folders.pdfs / f"{item_id}.pdf"
    watch, pdf_seconds = Stopwatch(), 0.0
    with db.session() as session:
        source_id = session.get_one(Item, item_id).source_id
        source = session.get_one(SourceFile, source_id, with_for_update=True)
        item = session.get_one(Item, item_id, with_for_update=True, populate_existing=True)
        if item.state != ItemState.SPLIT:
            return Timings(database=watch.lap())
        database_seconds = watch.lap()
        cleaned = _write_searchable_pdf(pages, pdf_path, folders.home / source.archive_path)
        pdf_seconds = watch.lap()
        for old in session.scalars(select(Page).where(Page.item_id == item_id)):
            session.delete(old)  # pages an interrupted earlier run left: replaced, never doubled
        session.flush()
        for p in pages:
            session.add(_page_row(folders, p))
        confidences = [p.ocr.mean_confidence for p in pages if p.ocr.words]
        item.mean_confidence = sum(confidences) / len(confidences) if confidences else 0.0
        page_flags = {p.number: p.ocr.flags for p in pages if p.ocr.flags}
        attachments = {name: folders.rel(path) for name, path in cleaned.files.items()}
        set_flags(item, ItemFlags(pages=page_flags, attachments=attachments))
        item.pdf_path, item.state = folders.rel(pdf_path), ItemState.OCR_DONE
        index_item(session, item_id)
        event(
            session,
            "ocr_done",
            item=item,
            detail={
                "pages": len(pages),
                "mean_confidence": round(item.mean_confidence, 1),
                "pdf_sha256": sha256_file(pdf_path),  # checked by `mailroom audit verify`
            },
        )
        if cleaned.removed:
            event(session, "pdf_cleaned", item=item, detail={"removed": list(cleaned.removed)})
        _finish_source_if_done(session, source)
    return Timings(pdf=pdf_seconds, database=database_seconds + watch.lap())


class Classifier:
    """The promoted model, loaded on first use and again once another model is promoted
    (its folder or its meta.json changed), so that a long-running process loads it once;
    a model that cannot be loaded is kept as the reason why every item goes to review."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._model: Model | None = None
        self._version: tuple[Path, int] | None = None  # of the model loaded or tried
        self.problem = ""

    def model(self) -> Model | None:
        try:
            folder = resolve_model(self.settings.classify.model, self.settings)
            meta = folder / META_FILE
            version = (folder, meta.stat().st_mtime_ns if meta.exists() else 0)
            if version != self._version:
                self._version, self._model, self.problem = version, None, ""
                self._model = load_model(folder, self.settings.taxonomy)
        except (BadInput, IncompatibleModel, BadConfig) as exc:
            if not self.problem:
                log.error("no usable model, every item goes to review: %s", exc)
            self._model, self.problem = None, f"no usable model: {exc}"
        return self._model


def classify_items(db: Database, item_ids: list[str], classifier: Classifier) -> Timings:
    """Classify OCR'd items: `classified`, then `auto_approved` or `in_review` by the
    model's thresholds and the decision policy. Without a usable model: `in_review`.
    Items not (or no longer) `ocr_done` are left alone. Returns the time it took."""
    watch = Stopwatch()
    model = classifier.model() if item_ids else None
    for item_id in item_ids:
        with db.session() as session:
            item = session.get(Item, item_id, with_for_update=True)
            if item is None or item.state != ItemState.OCR_DONE:
                continue
            if model is None:
                item.decision, item.state = "review", ItemState.IN_REVIEW
                set_flags(item, flags_of(item).with_(prediction=ItemPrediction(reason=classifier.problem)))
                event(session, "in_review", item=item, detail={"reason": classifier.problem})
                continue
            text = "\n\n".join(
                session.scalars(select(Page.text).where(Page.item_id == item_id).order_by(Page.number))
            )
            flags, minimum = flags_of(item), classifier.settings.ocr.min_confidence
            prediction = classify_item(
                text, model, item.mean_confidence, flags.page_flags(), list(flags.attachments), minimum
            )
            _apply_prediction(session, item, prediction)
            if item.state == ItemState.AUTO_APPROVED and drawn(
                classifier.settings.qa, item.id, item.route or ""
            ):
                add_sample(session, item)  # checked after dispatch: the measured precision
    return Timings(classify=watch.lap())


def record_failure(db: Database, stage: str, subject: str, error: BaseException | str) -> None:
    """A stage that raised: a file ("split") goes to quarantine with the error, an item
    (any other stage) to failed. A file or item already past the stage is left alone."""
    message = error if isinstance(error, str) else repr(error)
    log.error("%s %s failed: %s", stage, subject, message)
    with db.session() as session:
        if stage == "split":
            source = session.get_one(SourceFile, int(subject), with_for_update=True)
            if source.state == SourceState.CLAIMED:
                quarantine_rows(session, source, f"could not be processed: {message}")
            return
        source_id = session.get_one(Item, subject).source_id
        source = session.get_one(
            SourceFile, source_id, with_for_update=True
        )  # source, then item: as record_ocr
        item = session.get_one(Item, subject, with_for_update=True, populate_existing=True)
        if item.state in (ItemState.SPLIT, ItemState.OCR_DONE):
            item.state = ItemState.FAILED
            set_flags(item, flags_of(item).with_(error=message))
            event(session, "failed", item=item, detail={"error": message})
            _finish_source_if_done(session, source)


def _apply_prediction(session, item: Item, prediction: Prediction) -> None:
    details = prediction_dict(prediction)
    metadata = details.pop("metadata")
    item.doc_type, item.route = prediction.doc_type.label, prediction.route.label
    item.confidence, item.decision = prediction.confidence, prediction.decision
    item.model_version = prediction.model_version
    set_flags(item, flags_of(item).with_(prediction=ItemPrediction.model_validate(details),
                                         metadata=ItemMetadata.model_validate(metadata)))  # fmt: skip
    index_item(session, item.id)
    item.state = ItemState.CLASSIFIED
    event(
        session,
        "classified",
        item=item,
        detail={k: details[k] for k in ("doc_type", "route", "model_version")},
    )
    item.state = ItemState.AUTO_APPROVED if prediction.decision == "auto" else ItemState.IN_REVIEW
    event(
        session,
        item.state,
        item=item,
        detail={"reason": prediction.reason, "decided_by": prediction.decided_by},
    )


def _finish_source_if_done(session, source: SourceFile) -> None:
    open_items = session.scalar(
        select(Item.id).where(Item.source_id == source.id, Item.state == ItemState.SPLIT).limit(1)
    )
    if open_items is None and source.state == SourceState.SPLIT:
        source.state = SourceState.DONE  # settle() then releases the claim and the page rasters
        event(session, "done", source)


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


def _page_row(folders: Folders, page: ProcessedPage) -> Page:
    words = [
        [w.text, round(w.confidence, 1), w.left, w.top, w.width, w.height, w.line] for w in page.ocr.words
    ]
    return Page(
        item_id=page.item_id, number=page.number, source_page=page.source_page, rotation=page.rotation,
        skew=round(page.skew, 2), image_path=folders.rel(Path(page.image_path)), text=page.ocr.text,
        words={"words": words}, mean_confidence=page.ocr.mean_confidence, flags={"flags": list(page.ocr.flags)},
    )  # fmt: skip
