"""The stages' CPU-bound work: plain functions from a job record to a result record, with
no database. The in-process runner runs them on its process pool, the Celery runner in
its tasks."""

from __future__ import annotations

import shutil
from dataclasses import dataclass, replace
from pathlib import Path

from mailroom.errors import BadInput
from mailroom.files import write_atomically
from mailroom.ingest.pages import SourceInfo, inspect_source, rasterize
from mailroom.ingest.read import read_gray, read_page, write_png
from mailroom.ingest.separate import classify_page, read_page_signal, split_pages
from mailroom.ingest.timings import Stopwatch, Timings
from mailroom.records import OcrWord, PageOcr, ProcessedPage
from mailroom.settings import IngestSettings, OcrSettings

ORIENTATION_UNCERTAIN = "orientation_uncertain"  # page flag: turned upright, but not surely


@dataclass(frozen=True)
class SplitJob:
    source_id: int
    path: str  # the claimed file
    kind: str  # "pdf", "tiff", "png", "jpeg"
    raster_dir: str
    ingest: IngestSettings


@dataclass(frozen=True)
class SplitResult:
    """What a worker found in a claimed file: its pages and how they form items."""

    source_id: int
    info: SourceInfo | None
    rasters: tuple[str, ...] = ()
    dpis: tuple[int, ...] = ()  # of each raster
    items: tuple[tuple[int, ...], ...] = ()
    separators: tuple[int, ...] = ()
    blanks: tuple[int, ...] = ()
    reason: str = ""  # why the file goes to quarantine; "" if it does not
    timings: Timings = Timings()


@dataclass(frozen=True)
class PageJob:
    item_id: str
    number: int
    source_page: int
    raster: str  # absolute path of the page as rasterised
    dpi: int
    out_dir: str
    ocr: OcrSettings
    embedded_text: str | None = None


@dataclass(frozen=True)
class PageResult:
    page: ProcessedPage
    timings: Timings


def split_file(job: SplitJob) -> SplitResult:
    """Check the file, rasterise its pages, find separator sheets and blank pages."""
    ingest, path, watch = job.ingest, Path(job.path), Stopwatch()
    try:
        info = inspect_source(path, job.kind, ingest.dpi, ingest.max_pages, ingest.max_pixels_per_page)
        shutil.rmtree(job.raster_dir, ignore_errors=True)
        rasters = rasterize(path, info, Path(job.raster_dir), ingest.max_pixels_per_page)
        rasterise = watch.lap()
        kinds = [classify_page(read_page_signal(read_gray(r.path), r.dpi)) for r in rasters]
    except BadInput as exc:
        return SplitResult(job.source_id, None, reason=str(exc), timings=Timings(rasterise=watch.lap()))
    timings = Timings(rasterise=rasterise, separate=watch.lap())
    split = split_pages(kinds)
    if not split.items:
        reason = f"none of its {len(rasters)} pages has content (blank pages or separator sheets only)"
        return SplitResult(job.source_id, info, reason=reason, timings=timings)
    return SplitResult(
        job.source_id, info, tuple(str(r.path) for r in rasters), tuple(r.dpi for r in rasters),
        split.items, split.separators, split.blanks, timings=timings,
    )  # fmt: skip


def process_page(job: PageJob) -> PageResult:
    """Make a page upright and straight, OCR it, write its searchable PDF page. A page with
    text whose rotation was uncertain is flagged, which sends its item to review."""
    out_dir = Path(job.out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    image_path = out_dir / f"{job.number:03d}_clean.png"
    pdf_path = out_dir / f"{job.number:03d}.pdf"
    watch = Stopwatch()
    gray = read_gray(Path(job.raster))
    read = Timings(rasterise=watch.lap())
    if job.embedded_text is not None:  # a born-digital page: its own text is better than OCR
        write_png(gray, image_path, job.dpi)
        page = ProcessedPage(
            job.item_id, job.number, job.source_page, 0, 0.0, str(image_path), _embedded(job.embedded_text)
        )
        return PageResult(page, read + Timings(save=watch.lap()))
    done = read_page(gray, job.dpi, image_path, job.ocr)
    watch.lap()
    if done.pdf:
        write_atomically(pdf_path, done.pdf)
    ocr, cleaned = done.ocr, done.cleaned
    if ocr.words and cleaned.orientation_confidence < job.ocr.min_orientation_confidence:
        ocr = replace(ocr, flags=(*ocr.flags, ORIENTATION_UNCERTAIN))
    page = ProcessedPage(
        job.item_id, job.number, job.source_page, cleaned.rotation, cleaned.skew, str(image_path), ocr,
        str(pdf_path) if done.pdf else "",
    )  # fmt: skip
    return PageResult(page, read + done.timings + Timings(pdf=watch.lap()))


def warm_up() -> None:
    """Nothing: a job that makes a pool process import this module before real work."""


def _embedded(text: str) -> PageOcr:
    words = tuple(OcrWord(w, 100.0, 0, 0, 0, 0, 0) for w in text.split())
    return PageOcr(text, words, 100.0, ("embedded_text",))
