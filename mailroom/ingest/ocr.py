"""The one wrapper around Tesseract (through pytesseract).

Tesseract's own OpenMP threads make each page several times slower on a small machine;
the processes that run it switch them off where they start (`mailroom.cli.main`, and
`mailroom.parallel` for pool and Celery processes): parallelism comes from running pages
in processes.
"""

from __future__ import annotations

import os
import tempfile
from functools import cache
from pathlib import Path

import cv2
import numpy as np
import pytesseract
from PIL import Image
from pytesseract.pytesseract import TesseractNotFoundError, run_tesseract

from mailroom.errors import MissingDependency
from mailroom.ingest.programs import probe
from mailroom.records import OcrWord, PageOcr
from mailroom.settings import OcrSettings

INSTALL_HINT = "apt-get install tesseract-ocr tesseract-ocr-deu tesseract-ocr-osd"


@cache
def tesseract_version() -> str:
    """Tesseract's version; raises MissingDependency if it is not installed or does not run."""
    return probe(["tesseract", "--version"], INSTALL_HINT).removeprefix("tesseract ")


@cache
def installed_languages() -> tuple[str, ...]:
    tesseract_version()
    return tuple(sorted(pytesseract.get_languages(config="")))


def require_language(lang: str) -> None:
    """Raise MissingDependency unless every language of `lang` ("deu+eng") is installed."""
    missing = [code for code in lang.split("+") if code not in installed_languages()]
    if missing:
        packages = " ".join(f"tesseract-ocr-{code}" for code in missing)
        raise MissingDependency(
            f"Tesseract language(s) {', '.join(missing)} missing: apt-get install {packages}"
        )


def ocr_text(image: Path | Image.Image, lang: str = "deu", psm: int = 3, timeout: float = 120) -> str:
    """Plain text of one page image. A file path is faster than an in-memory image,
    which pytesseract first re-encodes as PNG."""
    require_language(lang)
    source = str(image) if isinstance(image, Path) else image
    return pytesseract.image_to_string(source, lang=lang, config=f"--psm {psm}", timeout=timeout)


def ocr_page(
    gray: np.ndarray, dpi: int, settings: OcrSettings, text_layer: bool = True
) -> tuple[PageOcr, bytes]:
    """OCR one cleaned page (8-bit grey at `dpi`) in a single Tesseract run that gives its
    words (TSV: text, confidence, box) and, with `text_layer`, the page's invisible text
    as a one-page PDF without the image: `mailroom.ingest.read` lays it over the page
    image, whose PNG data goes into the PDF as it is (Tesseract would compress the image
    once more, which costs half as much again as reading it). The page goes to Tesseract
    uncompressed.

    A timeout gives empty text with the flag "timeout" instead of an error, so that the
    item goes to review rather than failing the batch. A page whose mean word confidence
    is below `settings.min_confidence` is flagged "low_confidence".
    """
    require_language(settings.lang)
    with tempfile.TemporaryDirectory(prefix="mailroom-ocr-") as folder:
        image, base = os.path.join(folder, "page.pgm"), os.path.join(folder, "page")
        cv2.imwrite(image, gray)
        config = f"--psm {settings.psm} --dpi {dpi} -c tessedit_create_tsv=1"
        if text_layer:
            config += " -c textonly_pdf=1"
        try:
            run_tesseract(
                image, base, "pdf" if text_layer else "tsv", settings.lang, config=config,
                timeout=settings.timeout_seconds,
            )  # fmt: skip
        except TesseractNotFoundError as exc:  # removed while we run
            raise MissingDependency(f"Tesseract is not installed; install it with: {INSTALL_HINT}") from exc
        except RuntimeError as exc:  # pytesseract signals its timeout this way
            if "timeout" not in str(exc).lower():
                raise
            return PageOcr("", (), 0.0, ("timeout",)), b""
        words = parse_tsv(Path(base + ".tsv").read_text(encoding="utf-8"))
        pdf = Path(base + ".pdf").read_bytes() if text_layer else b""
    return page_ocr(words, settings.min_confidence), pdf


def parse_tsv(tsv: str) -> tuple[OcrWord, ...]:
    """Words of Tesseract's TSV output, each with its running line number."""
    words: list[OcrWord] = []
    lines: dict[tuple[str, str, str], int] = {}
    for row in tsv.splitlines()[1:]:
        fields = row.split("\t")
        if len(fields) != 12 or fields[0] != "5" or not fields[11].strip():
            continue
        line_key = (fields[2], fields[3], fields[4])  # block, paragraph, line
        line = lines.setdefault(line_key, len(lines))
        left, top, width, height = (int(v) for v in fields[6:10])
        words.append(OcrWord(fields[11], float(fields[10]), left, top, width, height, line))
    return tuple(words)


def page_ocr(words: tuple[OcrWord, ...], min_confidence: float) -> PageOcr:
    """Text (one line per OCR line), mean word confidence and flags of a page's words."""
    if not words:
        return PageOcr("", (), 0.0, ("no_text",))
    lines: dict[int, list[str]] = {}
    for word in words:
        lines.setdefault(word.line, []).append(word.text)
    text = "\n".join(" ".join(line) for line in lines.values())
    confidences = [w.confidence for w in words if w.confidence >= 0]
    mean = sum(confidences) / len(confidences) if confidences else 0.0
    flags = ("low_confidence",) if mean < min_confidence else ()
    return PageOcr(text, words, mean, flags)
