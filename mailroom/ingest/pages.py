"""Page images of a scanner's file: PDF through poppler (pdf2image, pdftotext), TIFF and
images through Pillow. The one module that calls poppler.

`inspect_source` checks a file against the limits without decoding its pages;
`rasterize` writes every page as a grayscale PGM into a folder: uncompressed, since
compressing scanner noise into PNG costs poppler up to 15 s a page.
"""

from __future__ import annotations

import shutil
import subprocess
import warnings
from dataclasses import dataclass
from pathlib import Path

from pdf2image import convert_from_path
from pdf2image.exceptions import PDFInfoNotInstalledError, PDFPageCountError, PDFSyntaxError
from PIL import Image, ImageSequence
from pypdf import PageObject, PdfReader
from pypdf.errors import PdfReadError

from mailroom.errors import BadInput, MissingDependency
from mailroom.ingest.programs import probe

POPPLER_HINT = "apt-get install poppler-utils"
POPPLER_PROGRAMS = ("pdfinfo", "pdftoppm", "pdftotext")  # pdf2image runs the first two
IMAGE_SUFFIXES = {".tif", ".tiff", ".png", ".jpg", ".jpeg"}
POINTS_PER_INCH = 72
A4_WIDTH_INCHES = 8.27
MIN_EMBEDDED_CHARS = 40  # a PDF page with fewer characters of its own text is OCR'd
POPPLER_TIMEOUT = 300


@dataclass(frozen=True)
class SourceInfo:
    kind: str  # pdf | tiff | png | jpeg
    page_count: int
    dpi: int  # of the page images `rasterize` writes
    embedded_text: tuple[str, ...] = ()  # per page, for PDFs that carry their complete text


def inspect_source(path: Path, kind: str, dpi: int, max_pages: int, max_pixels: int) -> SourceInfo:
    """Check a file before its pages are decoded, cheap checks first: the page count from
    the file's structure, then each page's size as it will be rendered, and only then a
    PDF's own text. Raises BadInput with the reason for encrypted, corrupt or truncated
    files, no or too many pages, or absurd page sizes."""
    if kind == "pdf":
        return _inspect_pdf(path, dpi, max_pages, max_pixels)
    return _inspect_image(path, max_pages, max_pixels)


def require_poppler() -> None:
    """Raise MissingDependency unless every poppler program used here is installed and runs."""
    for program in POPPLER_PROGRAMS:
        probe([program, "-v"], POPPLER_HINT)


def _check_page_count(count: int, max_pages: int) -> None:
    if count == 0:
        raise BadInput("the file has no pages")
    if count > max_pages:
        raise BadInput(f"{count} pages is more than the limit of {max_pages} (ingest.max_pages)")


def rasterize(path: Path, info: SourceInfo, folder: Path) -> list[Path]:
    """Write each page as `folder/p0001.pgm` ... (8-bit gray); returns the paths in order.
    Raises BadInput if a page cannot be decoded (truncated or damaged data)."""
    folder.mkdir(parents=True, exist_ok=True)
    if info.kind == "pdf":
        return _rasterize_pdf(path, info, folder)
    written = []
    try:
        with Image.open(path) as image:
            for number, frame in enumerate(ImageSequence.Iterator(image), start=1):
                target = folder / f"p{number:04d}.pgm"
                frame.convert("L").save(target, "PPM")
                written.append(target)
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError) as exc:
        raise BadInput(f"page {len(written) + 1} cannot be decoded: {exc}") from exc
    return written


def _inspect_pdf(path: Path, dpi: int, max_pages: int, max_pixels: int) -> SourceInfo:
    if shutil.which("pdftoppm") is None:
        raise MissingDependency(f"poppler is not installed; install it with: {POPPLER_HINT}")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            reader = PdfReader(path, strict=False)
            if reader.is_encrypted:
                raise BadInput("the PDF is encrypted (password-protected): save it again without protection")
            pages = reader.pages
            _check_page_count(len(pages), max_pages)
            sizes = [_rendered_size(page) for page in pages]
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, OSError) as exc:
        raise BadInput(f"the PDF is damaged or truncated: {exc}") from exc
    for number, (width, height) in enumerate(sizes, start=1):
        pixels = width * height * (dpi / POINTS_PER_INCH) ** 2
        if pixels > max_pixels:
            raise BadInput(
                f"page {number} is {width / POINTS_PER_INCH:.0f} x {height / POINTS_PER_INCH:.0f} inches: "
                f"{pixels / 1e6:.0f} MP at {dpi} dpi, more than {max_pixels / 1e6:.0f} MP (ingest.max_pixels_per_page)"
            )
    return SourceInfo("pdf", len(sizes), dpi, _embedded_text(path, len(sizes)))


def _rendered_size(page: PageObject) -> tuple[float, float]:
    """Width and height in points of a page as poppler renders it: its MediaBox with the
    corners in any order (a box written right to left has a negative width), turned by
    its /Rotate."""
    box = page.mediabox
    width, height = abs(float(box.right) - float(box.left)), abs(float(box.top) - float(box.bottom))
    return (height, width) if page.rotation % 180 == 90 else (width, height)


def _inspect_image(path: Path, max_pages: int, max_pixels: int) -> SourceInfo:
    try:
        with Image.open(path) as image:
            kind = {"TIFF": "tiff", "PNG": "png", "JPEG": "jpeg", "MPO": "jpeg"}.get(image.format or "", "")
            count = getattr(image, "n_frames", 1)
            _check_page_count(count, max_pages)
            dpi = _image_dpi(image)
            for number, frame in enumerate(ImageSequence.Iterator(image), start=1):
                width, height = frame.size
                if width * height > max_pixels:
                    raise BadInput(
                        f"page {number} has {width} x {height} pixels ({width * height / 1e6:.0f} MP), "
                        f"more than {max_pixels / 1e6:.0f} MP (ingest.max_pixels_per_page): a decompression bomb or a damaged file"
                    )
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError) as exc:
        raise BadInput(f"the image cannot be read: {exc}") from exc
    return SourceInfo(kind, count, dpi)


def _image_dpi(image: Image.Image) -> int:
    """The image's resolution from its header, else guessed from an A4 page width."""
    dpi = image.info.get("dpi")
    if dpi and 70 <= float(dpi[0]) <= 1200:
        return round(float(dpi[0]))
    return max(72, round(min(image.size) / A4_WIDTH_INCHES))


def _rasterize_pdf(path: Path, info: SourceInfo, folder: Path) -> list[Path]:
    try:
        produced = convert_from_path(
            path, dpi=info.dpi, output_folder=folder, fmt="ppm", grayscale=True,
            paths_only=True, output_file="raw", timeout=POPPLER_TIMEOUT,
        )  # fmt: skip
    except (PDFPageCountError, PDFSyntaxError) as exc:
        raise BadInput(f"the PDF is damaged or truncated: {exc}") from exc
    except (PDFInfoNotInstalledError, FileNotFoundError) as exc:  # removed while we run
        raise MissingDependency(f"poppler is not installed; install it with: {POPPLER_HINT}") from exc
    if len(produced) != info.page_count:
        raise BadInput(
            f"only {len(produced)} of {info.page_count} pages could be rendered: the PDF is damaged"
        )
    written = []
    for number, raw in enumerate(sorted(str(p) for p in produced), start=1):  # paths, with paths_only
        target = folder / f"p{number:04d}.pgm"
        Path(raw).replace(target)
        written.append(target)
    return written


def _embedded_text(path: Path, count: int) -> tuple[str, ...]:
    """Each page's own text if every page has some (a born-digital PDF); else (). One
    pdftotext run for the whole file, which ends every page with a form feed."""
    try:
        done = subprocess.run(
            ["pdftotext", "-layout", str(path), "-"],
            capture_output=True,
            timeout=POPPLER_TIMEOUT,
            check=False,
        )
    except FileNotFoundError as exc:
        raise MissingDependency(
            f"poppler's pdftotext is not installed; install it with: {POPPLER_HINT}"
        ) from exc
    texts = done.stdout.decode("utf-8", "replace").split("\f")[:count]
    if (
        done.returncode != 0
        or len(texts) != count
        or any(len("".join(t.split())) < MIN_EMBEDDED_CHARS for t in texts)
    ):
        return ()
    return tuple(texts)


def load_pages(path: Path, dpi: int = 300) -> list[Image.Image]:
    """Every page of a (trusted, small) file as an image in memory, for previews and
    evaluation; ingest itself uses inspect_source + rasterize."""
    if path.suffix.lower() == ".pdf":
        if shutil.which("pdftoppm") is None:
            raise MissingDependency(f"poppler is not installed; install it with: {POPPLER_HINT}")
        return convert_from_path(path, dpi=dpi, timeout=POPPLER_TIMEOUT)
    if path.suffix.lower() in IMAGE_SUFFIXES:
        with Image.open(path) as image:
            return [frame.copy() for frame in ImageSequence.Iterator(image)]
    raise BadInput(f"{path.name}: '{path.suffix}' files are not read; use PDF, TIFF, PNG or JPEG")
