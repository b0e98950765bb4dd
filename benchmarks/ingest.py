"""Ingest speed against the raw Tesseract limit, on the same synthetic pages, in one run.

Measures, one after the other on the same files (scans at 150-300 dpi as image-only
PDF, TIFF, PNG and JPEG from our generator):
- the raw limit: the `tesseract` command on every page image, one process per core,
  Tesseract's threading off, plain text out; PDF pages rasterised beforehand at the
  ingest dpi (not counted), images as they are. A second raw line runs it on the page
  images exactly as ingest reads them (a scanned PDF's images at their own resolution);
- `mailroom ingest` (`ingest_once`: split, clean, OCR on the process pool, searchable
  PDFs, database, classification), with where its time went, from its own timings;
- the serial `pytesseract.image_to_string` loop most people would write first.
The raw and ingest runs take turns for `--rounds` rounds and the best of each counts, so
that load from elsewhere on the machine hits both alike. Prints pages per minute, the
ratios and the character accuracy of each against the ground truth. Since the machine
may be shared, it also prints CPU seconds per page: of each ingest step as the pipeline
measures it (the pool's steps, not its start-up, and all the recording process did:
"other" is claiming, hashing and scheduling), and of the raw runs' Tesseract processes;
their ratio is the pages/min ratio the two would reach with the cores to themselves.

Usage: python benchmarks/ingest.py [--items 30] [--seed 21] [--rounds 2]
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

os.environ["OMP_THREAD_LIMIT"] = "1"

import pytesseract  # noqa: E402

from mailroom.dataset import LabelledSet, read_dataset  # noqa: E402
from mailroom.ingest.intake import sniff_type  # noqa: E402
from mailroom.ingest.pages import inspect_source, load_pages, rasterize  # noqa: E402
from mailroom.ingest.timings import Timings  # noqa: E402
from mailroom.metrics import char_accuracy  # noqa: E402
from mailroom.pipeline import ingest_once  # noqa: E402
from mailroom.settings import load_settings  # noqa: E402
from mailroom.store.db import open_database  # noqa: E402
from mailroom.store.queries import item_texts  # noqa: E402
from mailroom.synth.generate import generate, load_synth_config  # noqa: E402
from mailroom.taxonomy import load_taxonomy  # noqa: E402
from mailroom.terminal import progress_bar  # noqa: E402

CORES = os.cpu_count() or 1


@dataclass(frozen=True)
class Run:
    name: str
    seconds: float
    texts: dict[str, str]  # file name -> text
    cpu: float  # CPU seconds of all processes of the run
    timings: Timings = Timings()  # ingest's own


@dataclass(frozen=True)
class PageImage:
    file: str  # the name of the file it is a page of
    path: Path
    dpi: int


def make_corpus(folder: Path, items: int, seed: int) -> LabelledSet:
    settings = load_settings()
    taxonomy = load_taxonomy(settings.config_file("taxonomy.yaml"))
    with progress_bar() as bar:
        task = bar.add_task("generating the corpus", total=items)
        generate(
            folder, items, seed, load_synth_config(settings.config_file("synth.yaml"), taxonomy),
            progress=lambda done: bar.advance(task, done),
        )  # fmt: skip
    return read_dataset(folder, taxonomy)


def rendered_pages(corpus: LabelledSet, folder: Path, dpi: int) -> list[PageImage]:
    """PDF pages rendered by poppler at `dpi` (grey PGM, its dpi given to Tesseract); image
    files as they are (Tesseract reads their dpi)."""
    pages = []
    for item in corpus.items:
        path, name = corpus.file(item), Path(item.path).name
        if path.suffix != ".pdf":
            pages.append(PageImage(name, path, 0))
            continue
        subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", str(path), str(folder / path.stem)], check=True)
        pages += [PageImage(name, page, dpi) for page in sorted(folder.glob(f"{path.stem}-*.pgm"))]
    return pages


def ingest_pages(corpus: LabelledSet, folder: Path) -> list[PageImage]:
    """Every page as ingest reads it (`rasterize`), with its resolution."""
    settings = load_settings().ingest
    pages = []
    for item in corpus.items:
        path, name = corpus.file(item), Path(item.path).name
        info = inspect_source(
            path, sniff_type(path) or "", settings.dpi, settings.max_pages, settings.max_pixels_per_page
        )
        rasters = rasterize(path, info, folder / path.stem, settings.max_pixels_per_page)
        pages += [PageImage(name, raster.path, raster.dpi) for raster in rasters]
    return pages


def run_raw(name: str, pages: list[PageImage]) -> Run:
    """`tesseract IMAGE - -l deu --psm 3` on every page image, one process per core."""

    def read(page: PageImage) -> str:
        dpi = ["--dpi", str(page.dpi)] if page.dpi else []
        command = ["tesseract", str(page.path), "-", "-l", "deu", "--psm", "3", *dpi]
        return subprocess.run(command, capture_output=True, text=True, check=True).stdout

    with progress_bar() as bar, ThreadPoolExecutor(CORES) as pool:
        task = bar.add_task(name, total=len(pages))
        started, cpu = time.perf_counter(), children_cpu()
        texts: dict[str, list[str]] = {}
        for page, text in zip(pages, pool.map(read, pages), strict=True):
            texts.setdefault(page.file, []).append(text)
            bar.advance(task)
        seconds, cpu = time.perf_counter() - started, children_cpu() - cpu
    return Run(name, seconds, {file: "\n".join(parts) for file, parts in texts.items()}, cpu)


def children_cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def run_ingest(corpus: LabelledSet, home: Path, pages: int) -> Run:
    inbox = home / "inbox"
    inbox.mkdir(parents=True)
    for item in corpus.items:
        shutil.copy(corpus.file(item), inbox / Path(item.path).name)
    settings = load_settings(env={"MAILROOM_HOME": str(home), "MAILROOM_INGEST__STABLE_SECONDS": "0"})
    db = open_database(settings.database)
    with progress_bar() as bar:
        task = bar.add_task("mailroom ingest", total=pages)
        started = time.perf_counter()
        report = ingest_once(settings, db, progress=lambda done, _known: bar.advance(task, done))
        seconds = time.perf_counter() - started
    return Run("mailroom ingest", seconds, item_texts(db), report.timings.total, report.timings)


def run_serial_loop(corpus: LabelledSet, dpi: int, pages: int) -> Run:
    texts = {}
    with progress_bar() as bar:
        task = bar.add_task("serial pytesseract loop", total=pages)
        started = time.perf_counter()
        for item in corpus.items:
            parts = []
            for page in load_pages(corpus.file(item), dpi=dpi):
                parts.append(pytesseract.image_to_string(page, lang="deu"))
                bar.advance(task)
            texts[Path(item.path).name] = "\n".join(parts)
        seconds = time.perf_counter() - started
    return Run("serial pytesseract loop", seconds, texts, 0.0)


def accuracy(corpus: LabelledSet, texts: dict[str, str]) -> float:
    return statistics.mean(
        char_accuracy(i.text or "", texts.get(Path(i.path).name, "")) for i in corpus.items
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=30)
    parser.add_argument("--seed", type=int, default=21)
    parser.add_argument(
        "--rounds", type=int, default=2, help="the raw and ingest runs take turns; best of each"
    )
    args = parser.parse_args()
    dpi = load_settings().ingest.dpi
    with tempfile.TemporaryDirectory(prefix="mailroom-bench-ingest-") as tmp:
        root = Path(tmp)
        corpus = make_corpus(root / "corpus", args.items, args.seed)
        pages = sum(int(i.extra["pages"]) for i in corpus.items)
        (root / "rendered").mkdir()
        rendered, as_read = (
            rendered_pages(corpus, root / "rendered", dpi),
            ingest_pages(corpus, root / "read"),
        )
        runs: dict[str, list[Run]] = {}
        for round_ in range(1, args.rounds + 1):  # taking turns, so that other load hits each alike
            for run in (
                run_raw(f"raw tesseract, PDF pages at {dpi} dpi", rendered),
                run_ingest(corpus, root / f"home-{round_}", pages),
                run_raw("raw tesseract, pages as ingest reads them", as_read),
            ):
                runs.setdefault(run.name, []).append(run)
        serial = run_serial_loop(corpus, dpi, pages)
    raw, ingest, raw_as_read = (min(same, key=lambda run: run.seconds) for same in runs.values())
    pdf_pages = sum(int(i.extra["pages"]) for i in corpus.items if i.path.endswith(".pdf"))
    dpis = sorted({int(i.extra["dpi"]) for i in corpus.items})
    print(
        f"{args.items} items, {pages} pages ({pdf_pages} in image-only PDFs), scanned at {dpis} dpi; "
        f"{CORES} cores, Tesseract threading off; best of {args.rounds} alternating round(s)"
    )
    rate: Callable[[Run], float] = lambda run: pages / run.seconds * 60  # noqa: E731
    print(f"{'':44s} {'pages/min':>9s}  {'char accuracy':>13s}")
    for run in (raw, raw_as_read, ingest, serial):
        print(f"{run.name:44s} {rate(run):9.1f}  {accuracy(corpus, run.texts):13.3f}")
    print(
        f"ingest / raw ({dpi} dpi): {rate(ingest) / rate(raw):.2f} (target >= 0.85); "
        f"ingest / raw (pages as ingest reads them): {rate(ingest) / rate(raw_as_read):.2f}; "
        f"ingest / serial loop: {rate(ingest) / rate(serial):.2f}"
    )
    steps = ", ".join(f"{name} {seconds / pages:.3f}" for name, seconds in ingest.timings.steps().items())
    print(f"where ingest's CPU time goes, seconds per page: {steps}; {ingest.cpu / pages:.3f} in all")
    print(
        f"raw tesseract CPU per page: {raw.cpu / pages:.3f} (PDF pages at {dpi} dpi), "
        f"{raw_as_read.cpu / pages:.3f} (pages as ingest reads them)"
    )
    print(
        f"by CPU time (the ratio with the cores to itself): ingest / raw ({dpi} dpi) {raw.cpu / ingest.cpu:.2f}, "
        f"ingest / raw (pages as ingest reads them) {raw_as_read.cpu / ingest.cpu:.2f}"
    )


if __name__ == "__main__":
    main()
