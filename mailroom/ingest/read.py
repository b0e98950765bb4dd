"""Reading pages: make a page upright and straight, keep the cleaned image, OCR it.

Used by the pipeline for every page it ingests, and by training and evaluation to read
a labelled file exactly as ingest would.
"""

from __future__ import annotations

import io
import tempfile
from pathlib import Path

import cv2
import numpy as np
from PIL import Image

from mailroom.errors import BadInput
from mailroom.files import write_atomically
from mailroom.ingest.clean import CleanedPage, clean_page
from mailroom.ingest.intake import sniff_type
from mailroom.ingest.ocr import ocr_page
from mailroom.ingest.pages import inspect_source, rasterize
from mailroom.records import PageOcr
from mailroom.settings import OcrSettings, Settings


def read_page(
    gray: np.ndarray, dpi: int, image_path: Path, ocr: OcrSettings
) -> tuple[CleanedPage, PageOcr, bytes]:
    """Clean `gray`, write the cleaned image to `image_path`, OCR it. Returns the cleaned
    page, what OCR read, and the page as searchable PDF (b"" after an OCR timeout)."""
    cleaned = clean_page(gray, dpi)
    write_png(cleaned.image, image_path, dpi)
    page, pdf = ocr_page(image_path, ocr)
    return cleaned, page, pdf


def document_text(path: Path, settings: Settings) -> str:
    """The text of a one-item file as ingest reads it: a born-digital PDF's own text, or
    every page rasterised, cleaned and OCR'd. Raises BadInput for a file ingest would
    quarantine."""
    ingest, ocr = settings.ingest, settings.ocr
    kind = sniff_type(path) or ""
    info = inspect_source(path, kind, ingest.dpi, ingest.max_pages, ingest.max_pixels_per_page)
    if info.embedded_text:
        return "\n\n".join(info.embedded_text)
    with tempfile.TemporaryDirectory(prefix="mailroom-read-") as folder:
        texts = []
        for raster in rasterize(path, info, Path(folder)):
            gray = read_gray(raster)
            _, page, _ = read_page(gray, info.dpi, raster.with_suffix(".png"), ocr)
            texts.append(page.text)
    return "\n\n".join(texts)


def read_gray(path: Path) -> np.ndarray:
    """A page image as 8-bit grey. Raises BadInput if it cannot be decoded."""
    gray = cv2.imread(str(path), cv2.IMREAD_GRAYSCALE)
    if gray is None:
        raise BadInput(f"the page image {path.name} cannot be decoded")
    return gray


def write_png(gray: np.ndarray, path: Path, dpi: int) -> None:
    """Whole or not at all, so that a worker killed mid-write leaves nothing half-written.
    The resolution goes into the PNG: Tesseract reads it from there (OpenCV writes none)."""
    buffer = io.BytesIO()
    Image.fromarray(gray).save(buffer, "PNG", dpi=(dpi, dpi), compress_level=1)
    write_atomically(path, buffer.getvalue())
