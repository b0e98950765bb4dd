"""Page images of a scanner's file: PDF through poppler (pdf2image), TIFF and images
through Pillow. The one module that imports pdf2image."""

from __future__ import annotations

import shutil
from pathlib import Path

from pdf2image import convert_from_path
from PIL import Image, ImageSequence

from mailroom.errors import BadInput, MissingDependency

POPPLER_HINT = "apt-get install poppler-utils"
IMAGE_SUFFIXES = {".tif", ".tiff", ".png", ".jpg", ".jpeg"}


def load_pages(path: Path, dpi: int = 300) -> list[Image.Image]:
    """Every page of `path` as an image (PDF pages rasterised at `dpi`).

    Raises BadInput for a type it does not read, MissingDependency without poppler.
    """
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        if shutil.which("pdftoppm") is None:
            raise MissingDependency(f"poppler is not installed; install it with: {POPPLER_HINT}")
        return convert_from_path(str(path), dpi=dpi)
    if suffix in IMAGE_SUFFIXES:
        with Image.open(path) as image:
            return [frame.copy() for frame in ImageSequence.Iterator(image)]
    raise BadInput(f"{path.name}: '{suffix}' files are not read; use PDF, TIFF, PNG or JPEG")
