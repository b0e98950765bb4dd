"""Reading pages: make a page upright and straight, keep the cleaned image, OCR it, and
lay the text over the image as the page's searchable PDF.

Used by the pipeline for every page it ingests, and by training and evaluation to read
a labelled file exactly as ingest would.
"""

from __future__ import annotations

import io
import tempfile
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np
from pypdf import PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    IndirectObject,
    NameObject,
    NumberObject,
    StreamObject,
)

from mailroom.errors import BadInput
from mailroom.files import write_atomically
from mailroom.ingest.clean import CleanedPage, clean_page
from mailroom.ingest.images import encode_png, png_image
from mailroom.ingest.intake import sniff_type
from mailroom.ingest.ocr import ocr_page
from mailroom.ingest.pages import inspect_source, rasterize
from mailroom.ingest.timings import Stopwatch, Timings
from mailroom.records import PageOcr
from mailroom.settings import OcrSettings, Settings


@dataclass(frozen=True)
class ReadPage:
    """A page read: cleaned, OCR'd, as searchable PDF (b"" after an OCR timeout, or when
    not asked for), and the seconds each step took."""

    cleaned: CleanedPage
    ocr: PageOcr
    pdf: bytes
    timings: Timings


def read_page(
    gray: np.ndarray, dpi: int, image_path: Path | None, ocr: OcrSettings, searchable: bool = True
) -> ReadPage:
    """Clean `gray`, write the cleaned image to `image_path` (if given), OCR it and, if
    `searchable`, make the page's searchable PDF."""
    watch = Stopwatch()
    cleaned = clean_page(gray, dpi)
    clean_seconds = watch.lap()
    png = b""
    if image_path is not None:
        png = encode_png(cleaned.image, dpi)
        write_atomically(image_path, png)
    save_seconds = watch.lap()
    page, text_layer = ocr_page(cleaned.image, dpi, ocr, text_layer=searchable)
    ocr_seconds = watch.lap()
    pdf = searchable_page(text_layer, png or encode_png(cleaned.image, dpi)) if text_layer else b""
    timings = Timings(clean=clean_seconds, save=save_seconds, ocr=ocr_seconds, pdf=watch.lap())
    return ReadPage(cleaned, page, pdf, timings)


def searchable_page(text_layer: bytes, png: bytes) -> bytes:
    """One searchable PDF page: the page image under Tesseract's invisible text. The PNG's
    compressed data becomes the PDF image as it is (FlateDecode with PNG predictors), so
    the image is neither decoded nor compressed again, and stays lossless."""
    width, height, data = png_image(png)
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(text_layer)))
    page = writer.pages[0]
    image = StreamObject()
    image.set_data(data)  # taken as the encoded data: the filter below says how to read it
    image.update({
        NameObject("/Type"): NameObject("/XObject"), NameObject("/Subtype"): NameObject("/Image"),
        NameObject("/Width"): NumberObject(width), NameObject("/Height"): NumberObject(height),
        NameObject("/ColorSpace"): NameObject("/DeviceGray"), NameObject("/BitsPerComponent"): NumberObject(8),
        NameObject("/Filter"): NameObject("/FlateDecode"),
        NameObject("/DecodeParms"): DictionaryObject({
            NameObject("/Predictor"): NumberObject(15), NameObject("/Colors"): NumberObject(1),
            NameObject("/BitsPerComponent"): NumberObject(8), NameObject("/Columns"): NumberObject(width),
        }),
    })  # fmt: skip
    resources = page[NameObject("/Resources")].get_object()
    assert isinstance(resources, DictionaryObject)  # Tesseract's pages have their fonts there
    resources[NameObject("/XObject")] = DictionaryObject({NameObject("/Im0"): writer._add_object(image)})
    box = page.mediabox
    draw = StreamObject()
    draw.set_data(f"q {float(box.width):.2f} 0 0 {float(box.height):.2f} 0 0 cm /Im0 Do Q\n".encode())
    text = page.raw_get(NameObject("/Contents"))
    text = text if isinstance(text, IndirectObject) else writer._add_object(text)
    page[NameObject("/Contents")] = ArrayObject([writer._add_object(draw), text])
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


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
            gray = read_gray(raster.path)
            texts.append(read_page(gray, raster.dpi, None, ocr, searchable=False).ocr.text)
    return "\n\n".join(texts)


def read_gray(path: Path) -> np.ndarray:
    """A page image as 8-bit grey. Raises BadInput if it cannot be decoded."""
    gray = cv2.imread(str(path), cv2.IMREAD_GRAYSCALE)
    if gray is None:
        raise BadInput(f"the page image {path.name} cannot be decoded")
    return gray


def write_png(gray: np.ndarray, path: Path, dpi: int) -> None:
    """Whole or not at all, so that a worker killed mid-write leaves nothing half-written.
    The resolution goes into the PNG."""
    write_atomically(path, encode_png(gray, dpi))
