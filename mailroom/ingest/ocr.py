"""The one wrapper around Tesseract: pages are read by the Tesseract library itself,
loaded once per process (`libtesseract`, through its C API), other calls go through
pytesseract and the `tesseract` command.

Keeping the library and its German model loaded saves what the command spends on every
page before it reads a word (starting, loading the model, decoding the image file): a
quarter of Tesseract's time per page, with the same words (`tests/test_read.py`).

Tesseract's own OpenMP threads make each page several times slower on a small machine;
the processes that run it switch them off where they start (`mailroom.cli.main`, and
`mailroom.parallel` for pool and Celery processes): parallelism comes from running pages
in processes.
"""

from __future__ import annotations

import contextlib
import ctypes
import tempfile
import threading
import time
from functools import cache
from pathlib import Path

import numpy as np
import pytesseract
from PIL import Image

from mailroom.errors import MissingDependency
from mailroom.ingest.programs import probe
from mailroom.records import OcrWord, PageOcr
from mailroom.settings import OcrSettings

LEPTONICA_SILENT = 6  # L_SEVERITY_NONE
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
    """OCR one cleaned page (8-bit grey at `dpi`) in a single Tesseract pass that gives its
    words (TSV: text, confidence, box) and, with `text_layer`, the page's invisible text
    as a one-page PDF without the image: `mailroom.ingest.read` lays it over the page
    image, whose PNG data goes into the PDF as it is (Tesseract would compress the image
    once more, which costs half as much again as reading it). The page goes to Tesseract
    as it is in memory.

    A timeout gives empty text with the flag "timeout" instead of an error, so that the
    item goes to review rather than failing the batch. A page whose mean word confidence
    is below `settings.min_confidence` is flagged "low_confidence".
    """
    require_language(settings.lang)
    engine = _engine(settings.lang)
    page = np.ascontiguousarray(gray, dtype=np.uint8)
    api, lib = engine.handle, engine.lib
    lib.TessBaseAPISetPageSegMode(api, settings.psm)
    lib.TessBaseAPISetImage(api, page.ctypes.data, page.shape[1], page.shape[0], 1, page.strides[0])
    lib.TessBaseAPISetSourceResolution(api, dpi)
    monitor = lib.TessMonitorCreate()
    lib.TessMonitorSetDeadlineMSecs(monitor, max(1, int(settings.timeout_seconds * 1000)))
    started = time.monotonic()
    try:
        if lib.TessBaseAPIRecognize(api, monitor) != 0:
            if time.monotonic() - started >= settings.timeout_seconds:
                return PageOcr("", (), 0.0, ("timeout",)), b""
            raise MissingDependency(
                f"Tesseract failed on a page of {page.shape[1]}x{page.shape[0]} pixels; reinstall it with: {INSTALL_HINT}"
            )
        words = parse_tsv(_take_text(lib, lib.TessBaseAPIGetTsvText(api, 0)))
        pdf = _text_only_pdf(engine) if text_layer else b""
    finally:
        lib.TessMonitorDelete(monitor)
        lib.TessBaseAPIClear(api)
    return page_ocr(words, settings.min_confidence), pdf


def _text_only_pdf(engine: _Engine) -> bytes:
    """The recognised page as Tesseract's PDF renderer writes it, text only."""
    lib = engine.lib
    with tempfile.TemporaryDirectory(prefix="mailroom-ocr-") as folder:
        base = Path(folder) / "page"
        renderer = lib.TessPDFRendererCreate(str(base).encode(), lib.TessBaseAPIGetDatapath(engine.handle), 1)
        try:
            done = (
                lib.TessResultRendererBeginDocument(renderer, b"")
                and lib.TessResultRendererAddImage(renderer, engine.handle)
                and lib.TessResultRendererEndDocument(renderer)
            )
        finally:
            lib.TessDeleteResultRenderer(renderer)
        if not done:
            raise MissingDependency(f"Tesseract's PDF renderer failed; reinstall it with: {INSTALL_HINT}")
        return base.with_suffix(".pdf").read_bytes()


class _Engine:
    """One Tesseract (library handle with a language's model loaded) for one thread."""

    def __init__(self, lib: ctypes.CDLL, lang: str) -> None:
        self.lib = lib
        self.handle = lib.TessBaseAPICreate()
        if lib.TessBaseAPIInit3(self.handle, None, lang.encode()) != 0:
            lib.TessBaseAPIDelete(self.handle)
            raise MissingDependency(
                f"Tesseract cannot load the language(s) {lang}; install them with: {INSTALL_HINT}"
            )
        lib.TessBaseAPISetVariable(self.handle, b"debug_file", b"/dev/null")  # its chatter, as the command's

    def __del__(self) -> None:
        with contextlib.suppress(Exception):  # at interpreter exit ctypes may be gone already
            self.lib.TessBaseAPIEnd(self.handle)
            self.lib.TessBaseAPIDelete(self.handle)


_engines = threading.local()


def _engine(lang: str) -> _Engine:
    """This thread's Tesseract for `lang`, loaded on first use and kept for the next pages."""
    cached: dict[str, _Engine] = _engines.__dict__.setdefault("by_lang", {})
    if lang not in cached:
        cached[lang] = _Engine(_library(), lang)
    return cached[lang]


@cache
def _library() -> ctypes.CDLL:
    """The Tesseract library with the C functions `ocr_page` calls; loaded when first used,
    after the process has limited OpenMP to one thread."""
    try:
        lib = ctypes.CDLL("libtesseract.so.5")
    except OSError as exc:
        raise MissingDependency(
            f"the Tesseract library cannot be loaded ({exc}); install it with: {INSTALL_HINT}"
        ) from exc
    handle, text, ok = ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int
    for name, result, arguments in (
        ("TessBaseAPICreate", handle, []), ("TessBaseAPIInit3", ok, [handle, text, text]),
        ("TessBaseAPISetVariable", ok, [handle, text, text]), ("TessBaseAPIEnd", None, [handle]), ("TessBaseAPIDelete", None, [handle]),
        ("TessBaseAPIClear", None, [handle]), ("TessBaseAPISetPageSegMode", None, [handle, ok]),
        ("TessBaseAPISetImage", None, [handle, handle, ok, ok, ok, ok]),
        ("TessBaseAPISetSourceResolution", None, [handle, ok]), ("TessBaseAPIRecognize", ok, [handle, handle]),
        ("TessBaseAPIGetTsvText", handle, [handle, ok]), ("TessBaseAPIGetDatapath", text, [handle]),
        ("TessDeleteText", None, [handle]), ("TessMonitorCreate", handle, []), ("TessMonitorDelete", None, [handle]),
        ("TessMonitorSetDeadlineMSecs", None, [handle, ok]), ("TessPDFRendererCreate", handle, [text, text, ok]),
        ("TessResultRendererBeginDocument", ok, [handle, text]), ("TessResultRendererAddImage", ok, [handle, handle]),
        ("TessResultRendererEndDocument", ok, [handle]), ("TessDeleteResultRenderer", None, [handle]),
    ):  # fmt: skip
        function = getattr(lib, name)
        function.restype, function.argtypes = result, arguments
    with contextlib.suppress(OSError, AttributeError):  # Leptonica's messages on stderr: none
        ctypes.CDLL("liblept.so.5").setMsgSeverity(LEPTONICA_SILENT)
    return lib


def _take_text(lib: ctypes.CDLL, pointer: int | None) -> str:
    """A string Tesseract allocated, decoded and freed."""
    if not pointer:
        return ""
    try:
        return ctypes.string_at(pointer).decode("utf-8")
    finally:
        lib.TessDeleteText(pointer)


def parse_tsv(tsv: str) -> tuple[OcrWord, ...]:
    """Words of Tesseract's TSV output, each with its running line number."""
    words: list[OcrWord] = []
    lines: dict[tuple[str, str, str], int] = {}
    for row in tsv.splitlines():
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
