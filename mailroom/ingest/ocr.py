"""The one wrapper around Tesseract (through pytesseract).

Tesseract's own OpenMP threads make each page several times slower on a small machine,
so they are switched off here; parallelism comes from running pages in processes.
"""

from __future__ import annotations

import os
import shutil
from functools import cache
from pathlib import Path

import pytesseract
from PIL import Image

from mailroom.errors import MissingDependency

os.environ.setdefault("OMP_THREAD_LIMIT", "1")

INSTALL_HINT = "apt-get install tesseract-ocr tesseract-ocr-deu tesseract-ocr-osd"


@cache
def tesseract_version() -> str:
    """Tesseract's version; raises MissingDependency if it is not installed."""
    if shutil.which("tesseract") is None:
        raise MissingDependency(f"Tesseract is not installed; install it with: {INSTALL_HINT}")
    return str(pytesseract.get_tesseract_version())


@cache
def installed_languages() -> tuple[str, ...]:
    tesseract_version()
    return tuple(sorted(pytesseract.get_languages(config="")))


def require_language(lang: str) -> None:
    """Raise MissingDependency unless every language of `lang` ("deu+eng") is installed."""
    missing = [code for code in lang.split("+") if code not in installed_languages()]
    if missing:
        packages = " ".join(f"tesseract-ocr-{code}" for code in missing)
        raise MissingDependency(f"Tesseract language(s) {', '.join(missing)} missing: apt-get install {packages}")


def ocr_text(image: Path | Image.Image, lang: str = "deu", psm: int = 3, timeout: float = 120) -> str:
    """Plain text of one page image. A file path is faster than an in-memory image,
    which pytesseract first re-encodes as PNG."""
    require_language(lang)
    source = str(image) if isinstance(image, Path) else image
    return pytesseract.image_to_string(source, lang=lang, config=f"--psm {psm}", timeout=timeout)
