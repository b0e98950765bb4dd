"""Ingest speed against a plain serial OCR loop, on the same synthetic pages.

Feeds the files of a synthetic set through `ingest_once` (split, clean, OCR on a process
pool, searchable PDFs, database) and the same files through the loop most people would
write first: rasterise each file with pdf2image (or open it with Pillow) and call
`pytesseract.image_to_string(page, lang="deu")` page by page, at the same dpi and with
Tesseract's threading off in both. Prints pages per minute of both, their ratio, and the
character accuracy of both against the ground truth.

Usage: python benchmarks/ingest.py [--items 16] [--seed 21]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import tempfile
import time
from pathlib import Path

os.environ["OMP_THREAD_LIMIT"] = "1"

import pytesseract  # noqa: E402

from mailroom.dataset import read_dataset  # noqa: E402
from mailroom.ingest.pages import load_pages  # noqa: E402
from mailroom.metrics import char_accuracy  # noqa: E402
from mailroom.pipeline import ingest_once  # noqa: E402
from mailroom.settings import load_settings  # noqa: E402
from mailroom.store.db import open_database  # noqa: E402
from mailroom.store.queries import item_texts  # noqa: E402
from mailroom.synth.generate import generate, load_synth_config  # noqa: E402
from mailroom.taxonomy import load_taxonomy  # noqa: E402


def make_corpus(folder: Path, items: int, seed: int):
    settings = load_settings()
    taxonomy = load_taxonomy(settings.config_file("taxonomy.yaml"))
    generate(folder, items, seed, load_synth_config(settings.config_file("synth.yaml"), taxonomy))
    return read_dataset(folder, taxonomy)


def run_pipeline(corpus, home: Path) -> tuple[float, dict[str, str]]:
    inbox = home / "inbox"
    inbox.mkdir(parents=True)
    for item in corpus.items:
        shutil.copy(corpus.file(item), inbox / Path(item.path).name)
    env = {"MAILROOM_HOME": str(home), "MAILROOM_INGEST__STABLE_SECONDS": "0"}
    settings = load_settings(env=env)
    db = open_database(settings.database)
    started = time.perf_counter()
    ingest_once(settings, db)
    seconds = time.perf_counter() - started
    texts = item_texts(db)  # source file name -> text of its (single) item
    return seconds, texts


def run_serial_loop(corpus, dpi: int) -> tuple[float, dict[str, str]]:
    texts = {}
    started = time.perf_counter()
    for item in corpus.items:
        pages = load_pages(corpus.file(item), dpi=dpi)
        texts[Path(item.path).name] = "\n".join(pytesseract.image_to_string(p, lang="deu") for p in pages)
    return time.perf_counter() - started, texts


def accuracy(corpus, texts: dict[str, str]) -> float:
    return statistics.mean(
        char_accuracy(i.text or "", texts.get(Path(i.path).name, "")) for i in corpus.items
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--items", type=int, default=16)
    parser.add_argument("--seed", type=int, default=21)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        corpus = make_corpus(Path(folder) / "corpus", args.items, args.seed)
        pages = sum(int(i.extra["pages"]) for i in corpus.items)
        dpi = load_settings().ingest.dpi
        pipeline_seconds, pipeline_texts = run_pipeline(corpus, Path(folder) / "home")
        serial_seconds, serial_texts = run_serial_loop(corpus, dpi)
    pipeline_rate, serial_rate = pages / pipeline_seconds * 60, pages / serial_seconds * 60
    print(f"{args.items} items, {pages} pages at {dpi} dpi, {os.cpu_count()} cores")
    print(
        f"serial pytesseract loop: {serial_rate:6.1f} pages/min, char accuracy {accuracy(corpus, serial_texts):.3f}"
    )
    print(
        f"mailroom ingest:         {pipeline_rate:6.1f} pages/min, char accuracy {accuracy(corpus, pipeline_texts):.3f}"
    )
    print(f"ratio: {pipeline_rate / serial_rate:.2f}x (target >= 1.8x)")


if __name__ == "__main__":
    main()
