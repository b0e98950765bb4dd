"""Classification time against OCR time, per item, on the same files.

Reads each file of a labelled set as ingest does (rasterise, clean, Tesseract; no OCR
cache), then classifies its text with a model bundle (one item at a time, as the pipeline
does). Prints seconds per item of both and the ratio; the goal is classification at most
5 % of OCR time.

Usage: python benchmarks/classify.py --data DIR [--model REF] [--items 10]
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from pathlib import Path

os.environ["OMP_THREAD_LIMIT"] = "1"

from mailroom.classify.bundle import load_model  # noqa: E402
from mailroom.classify.predict import classify_item  # noqa: E402
from mailroom.classify.tracking import resolve_model  # noqa: E402
from mailroom.dataset import read_dataset  # noqa: E402
from mailroom.ingest.read import document_text  # noqa: E402
from mailroom.settings import load_settings  # noqa: E402
from mailroom.taxonomy import load_taxonomy  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--model", default="")
    parser.add_argument("--items", type=int, default=10)
    args = parser.parse_args()
    settings = load_settings()
    taxonomy = load_taxonomy(settings.config_file("taxonomy.yaml"))
    model = load_model(resolve_model(args.model, settings), taxonomy)
    labelled = read_dataset(args.data, taxonomy)
    classify_item("Aufwärmen", model)  # first call pays for lazy set-up, not an item
    ocr_times, classify_times = [], []
    for item in labelled.items[: args.items]:
        start = time.perf_counter()
        text = document_text(labelled.file(item), settings)
        ocr_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        classify_item(text, model)
        classify_times.append(time.perf_counter() - start)
    ocr, classify = statistics.mean(ocr_times), statistics.mean(classify_times)
    print(f"model {model.version} ({model.backend}) on {len(ocr_times)} items of {args.data}")
    print(f"OCR       {ocr:8.3f} s/item")
    print(f"classify  {classify:8.4f} s/item (rules and extraction included)")
    print(f"ratio     {classify / ocr:8.2%} of OCR time (goal: at most 5 %)")


if __name__ == "__main__":
    main()
