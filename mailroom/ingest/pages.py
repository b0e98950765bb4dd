"""Page images of a scanner's file: PDF through poppler (pdf2image, pdftotext), TIFF and
images through Pillow. The one module that calls poppler.

`inspect_source` checks a file against the limits without decoding its pages;
`rasterize` writes every page as a grayscale PGM into a folder: uncompressed, since
compressing scanner noise into PNG costs poppler up to 15 s a page. A PDF whose pages are
nothing but one scanned JPEG each (what scanners write) gives those images at their own
resolution, decoded straight to grey, without poppler: rendering them at 300 dpi costs
more than half a second a page, and a 150-dpi scan scaled up reads no better.
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import warnings
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np
from pdf2image import convert_from_path
from pdf2image.exceptions import PDFInfoNotInstalledError, PDFPageCountError, PDFSyntaxError
from PIL import Image, ImageSequence
from pypdf import PageObject, PdfReader
from pypdf.errors import PdfReadError
from pypdf.generic import StreamObject

from mailroom.errors import BadInput, MissingDependency
from mailroom.ingest.images import downscale
from mailroom.ingest.programs import probe

POPPLER_HINT = "apt-get install poppler-utils"
POPPLER_PROGRAMS = ("pdfinfo", "pdftoppm", "pdftotext")  # pdf2image runs the first two
IMAGE_SUFFIXES = {".tif", ".tiff", ".png", ".jpg", ".jpeg"}
POINTS_PER_INCH = 72
A4_WIDTH_INCHES = 8.27
MIN_EMBEDDED_CHARS = 40  # a PDF page with fewer characters of its own text is OCR'd
POPPLER_TIMEOUT = 300
SCAN_DRAWING = ["q", "cm", "Do", "Q"]  # the whole content stream of a page that is one image
JPEG_GREY = cv2.IMREAD_GRAYSCALE | cv2.IMREAD_IGNORE_ORIENTATION  # PDF viewers ignore EXIF turns


@dataclass(frozen=True)
class SourceInfo:
    kind: str  # pdf | tiff | png | jpeg
    page_count: int
    dpi: int  # of the page images `rasterize` writes
    embedded_text: tuple[str, ...] = ()  # per page, for PDFs that carry their complete text


@dataclass(frozen=True)
class Raster:
    """One page as `rasterize` wrote it: an 8-bit grey PGM, and its resolution."""

    path: Path
    dpi: int


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


def rasterize(path: Path, info: SourceInfo, folder: Path, max_pixels: int = 0) -> list[Raster]:
    """Write each page as `folder/p0001.pgm` ... (8-bit gray); returns them in order. A
    PDF's pages are rendered at `info.dpi`, or, if every page is one scanned JPEG of at
    most `max_pixels` pixels (0: no such limit) filling the page, taken at their own
    resolution up to `info.dpi`. Raises BadInput if a page cannot be decoded (truncated or
    damaged data)."""
    folder.mkdir(parents=True, exist_ok=True)
    if info.kind == "pdf":
        return _scanned_pdf(path, info, folder, max_pixels) or _rasterize_pdf(path, info, folder)
    written = []
    try:
        with Image.open(path) as image:
            for number, frame in enumerate(ImageSequence.Iterator(image), start=1):
                target = folder / f"p{number:04d}.pgm"
                frame.convert("L").save(target, "PPM")
                written.append(Raster(target, info.dpi))
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


def _scanned_pdf(path: Path, info: SourceInfo, folder: Path, max_pixels: int) -> list[Raster]:
    """The pages of a PDF whose every page is one scanned JPEG, at the images' own
    resolution (reduced to `info.dpi` if finer); [] for any other PDF, which is rendered."""
    if info.embedded_text:
        return []
    written = []
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            pages = PdfReader(path, strict=False).pages
            scans = [_page_scan(page, max_pixels) for page in pages]  # the structure only: cheap
            if not scans or None in scans:
                return []
            for number, (page, scan) in enumerate(zip(pages, scans, strict=True), start=1):
                assert scan is not None
                image, dpi = scan
                gray = cv2.imdecode(np.frombuffer(image.get_data(), np.uint8), JPEG_GREY)
                if gray is None or gray.shape != (image["/Height"], image["/Width"]):
                    return []  # poppler decides what is wrong with it
                gray = np.ascontiguousarray(np.rot90(gray, -(page.rotation // 90)))  # /Rotate turns clockwise
                if dpi > info.dpi:
                    gray, dpi = downscale(gray, dpi, info.dpi), info.dpi
                target = folder / f"p{number:04d}.pgm"
                cv2.imwrite(str(target), gray)
                written.append(Raster(target, dpi))
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, OSError):
        return []
    return written


def _page_scan(page: PageObject, max_pixels: int) -> tuple[StreamObject, int] | None:
    """(image, dpi) of a page that shows one JPEG (grey or RGB) and nothing else, filling
    the page upright at equal resolution across and down; None for any other page."""
    resources = page.get("/Resources")
    resources = resources.get_object() if resources is not None else {}
    if "/Annots" in page or set(resources) - {"/XObject", "/ProcSet"} or page.rotation % 90:
        return None
    images = list(resources.get("/XObject", {}).values())
    image = images[0].get_object() if len(images) == 1 else None
    if image is None or image.get("/Subtype") != "/Image" or image.get("/BitsPerComponent") != 8:
        return None
    if image.get("/Filter") not in ("/DCTDecode", ["/DCTDecode"]) or image.get("/ColorSpace") not in (
        "/DeviceGray", "/DeviceRGB",
    ) or any(key in image for key in ("/SMask", "/Mask", "/ImageMask", "/Decode")):  # fmt: skip
        return None
    width, height = int(image["/Width"]), int(image["/Height"])
    contents = page.get_contents()
    operations = contents.operations if contents is not None else []
    drawing = [operator.decode() for _, operator in operations]
    if drawing != SCAN_DRAWING or (max_pixels and width * height > max_pixels):
        return None
    a, b, c, d, e, f = (float(v) for v in operations[1][0])
    box = page.mediabox
    off = max(
        abs(a - float(box.width)),
        abs(d - float(box.height)),
        abs(e - float(box.left)),
        abs(f - float(box.bottom)),
    )
    if b or c or off > 1 or a <= 0 or d <= 0:
        return None
    dpi_across, dpi_down = width / a * POINTS_PER_INCH, height / d * POINTS_PER_INCH
    if abs(dpi_across - dpi_down) > 0.02 * dpi_across:
        return None
    return image, round(dpi_across)


def _rasterize_pdf(path: Path, info: SourceInfo, folder: Path) -> list[Raster]:
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
        written.append(Raster(target, info.dpi))
    return written


def _embedded_text(path: Path, count: int) -> tuple[str, ...]:
    """Each page's own text if every page has some (a born-digital PDF); else (). One
    pdftotext run for the whole file, which ends every page with a form feed."""
    done = _pdftotext("-layout", str(path), "-")
    texts = done.stdout.decode("utf-8", "replace").split("\f")[:count]
    if (
        done.returncode != 0
        or len(texts) != count
        or any(len("".join(t.split())) < MIN_EMBEDDED_CHARS for t in texts)
    ):
        return ()
    return tuple(texts)


def _pdftotext(*args: str) -> subprocess.CompletedProcess[bytes]:
    """Run poppler's pdftotext; its output and exit code are the caller's to read."""
    try:
        return subprocess.run(["pdftotext", *args], capture_output=True, timeout=POPPLER_TIMEOUT, check=False)
    except FileNotFoundError as exc:
        raise MissingDependency(
            f"poppler's pdftotext is not installed; install it with: {POPPLER_HINT}"
        ) from exc


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


@dataclass(frozen=True)
class PdfWord:
    """A word of a PDF page's own text, its box in millimetres from the top left."""

    text: str
    left: float
    top: float
    right: float
    bottom: float


def page_words(path: Path, page: int = 1) -> tuple[PdfWord, ...]:
    """The words of one page's own text with their boxes (pdftotext -bbox); () for a page
    without text. Raises MissingDependency without poppler, BadInput for a damaged PDF."""
    done = _pdftotext("-bbox", "-f", str(page), "-l", str(page), str(path), "-")
    if done.returncode != 0:
        raise BadInput(
            f"{path.name}: pdftotext cannot read page {page}: {done.stderr.decode(errors='replace')}"
        )
    mm = 25.4 / POINTS_PER_INCH
    words = []
    for match in _BBOX_WORD.finditer(done.stdout.decode("utf-8", "replace")):
        x0, y0, x1, y1 = (float(match.group(i)) * mm for i in range(1, 5))
        words.append(PdfWord(html.unescape(match.group(5)), x0, y0, x1, y1))
    return tuple(words)


_BBOX_WORD = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>'
)
