"""Splitting a batch scan into mail items: separator sheets, blank back sides.

Two halves, kept apart on purpose:

* `read_page_signal` is the adapter that looks at one page image: it reads barcodes
  (QR through OpenCV's detector, Code 128 located by OpenCV's barcode detector and
  decoded here, since OpenCV itself only decodes EAN/UPC) and measures the ink on it.
  `classify_page` turns that signal into a `PageKind`.
* `split_pages` is a pure function from the kinds of the pages to the items.

A separator sheet is a page carrying a QR code or Code 128 whose content is `PATCHT`.
"""

from __future__ import annotations

import enum
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

import cv2
import numpy as np

from mailroom.code128 import decode_code128_row
from mailroom.ingest.images import as_gray, components, downscale

log = logging.getLogger(__name__)

SEPARATOR_CODE = "PATCHT"
A4_SHORT_INCH = 210 / 25.4

# Barcodes are first looked for, and ink is measured, on a copy at this resolution; the
# full resolution is only used where that pass found a QR code it could not read.
WORK_DPI = 150
MARGIN_MM = 8.0  # band at every edge left out of the ink measure (border, shadow, punch holes)
INK_CONTRAST = 45  # grey levels below the local paper colour that count as ink
MIN_MARK_MM = 1.1  # smaller marks are dust, speckle or noise (an 8-pt x-height is 1.3 mm)
MAX_LETTER_MM = 40.0  # larger marks are no letters or words (but still count as ink)
NEIGHBOUR_MM = 2.0  # letters of a word, or words of a line, stand closer than this
MIN_TEXT_MARKS = 2  # a page with fewer marks that stand in line with another one ...
MIN_INK_RATIO = 2.5e-4  # ... and less ink than this (in marks of letter size and up) is blank
MIN_QR_MM = 5.0  # a QR code (21 modules and up) smaller than this cannot be read at 150 dpi


class PageKind(enum.Enum):
    """What a page of a batch is: part of a letter, a separator sheet, or empty."""

    CONTENT = "content"
    SEPARATOR = "separator"
    BLANK = "blank"


@dataclass(frozen=True)
class PageSignal:
    """What was read off one page.

    `codes`: contents of the barcodes found (QR and Code 128), in no particular order.
    `ink_ratio`: fraction of the page inside the margin band covered by marks of at least
    letter size (see `measure_ink`). `text_marks`: how many of those marks are letter- or
    word-sized and stand next to another such mark, as letters of text do.
    """

    codes: tuple[str, ...]
    ink_ratio: float
    text_marks: int


@dataclass(frozen=True)
class Split:
    """The items of one batch as tuples of 0-based page indices, in batch order.

    `separators` and `blanks` are the pages that were dropped. An empty `items` means the
    batch held no content page at all (all blank or separators): the caller quarantines it.
    """

    items: tuple[tuple[int, ...], ...]
    separators: tuple[int, ...]
    blanks: tuple[int, ...]


def split_pages(kinds: Sequence[PageKind]) -> Split:
    """Cut a batch at its separator pages and drop its blank pages.

    A batch without separators is one item; separators at the start or end, or several
    in a row, give no empty items; blank pages belong to no item. Pure function.
    """
    items: list[tuple[int, ...]] = []
    separators: list[int] = []
    blanks: list[int] = []
    current: list[int] = []
    for index, kind in enumerate(kinds):
        if kind is PageKind.SEPARATOR:
            separators.append(index)
            if current:
                items.append(tuple(current))
            current = []
        elif kind is PageKind.BLANK:
            blanks.append(index)
        else:
            current.append(index)
    if current:
        items.append(tuple(current))
    return Split(tuple(items), tuple(separators), tuple(blanks))


def classify_page(signal: PageSignal) -> PageKind:
    """SEPARATOR if a code reads `PATCHT`; BLANK if the page has neither text-like
    marks nor a noticeable amount of ink; CONTENT otherwise."""
    if any(code.strip().upper() == SEPARATOR_CODE for code in signal.codes):
        return PageKind.SEPARATOR
    if signal.text_marks < MIN_TEXT_MARKS and signal.ink_ratio < MIN_INK_RATIO:
        return PageKind.BLANK
    return PageKind.CONTENT


def read_page_signal(gray: np.ndarray, dpi: float | None = None) -> PageSignal:
    """Read barcodes and measure ink on one page (uint8, grey or BGR, any orientation).

    `dpi` defaults to what an A4 sheet's short side gives. Never raises on odd images:
    an unreadable code is simply not in `codes`.
    """
    gray = as_gray(gray)
    if dpi is None:
        dpi = min(gray.shape) / A4_SHORT_INCH
    small = downscale(gray, dpi, WORK_DPI)
    ink_ratio, text_marks, squares = _ink_marks(small, min(dpi, WORK_DPI))
    codes = read_codes(gray, dpi, small, qr_marks=squares)
    return PageSignal(codes=codes, ink_ratio=ink_ratio, text_marks=text_marks)


# --- ink ----------------------------------------------------------------------------


def measure_ink(gray: np.ndarray, dpi: float) -> tuple[float, int]:
    """(ink_ratio, text_marks) of a page at `dpi`; see `PageSignal`.

    The measure, on a copy at no more than 150 dpi, with the band of `MARGIN_MM` at the edges cut off:

    1. Paper colour is estimated locally (block means at 1/8 scale, the brightest block
       around each point), so uneven lighting and a binding shadow stay paper.
    2. Ink is what is at least `INK_CONTRAST` grey levels darker than the paper there.
       Sensor noise, JPEG artefacts and faint bleed-through from the other side stay
       well below that.
    3. The ink is cut into connected marks. Marks smaller than `MIN_MARK_MM` (dust,
       speckle) and marks touching the cut edge (a dark border or shadow reaching in
       from the sheet edge) are dropped.
    4. `ink_ratio` is the area of the remaining marks over the inner area;
       `text_marks` counts marks of letter-to-word size that have another one within
       `NEIGHBOUR_MM`: letters of a word and words of a line do, a lone hair or
       blot does not. "Seite 2" alone gives 2 to 6 of them, a blank page 0.
    """
    ink_ratio, text_marks, _ = _ink_marks(downscale(gray, dpi, WORK_DPI), min(dpi, WORK_DPI))
    return ink_ratio, text_marks


def _ink_marks(small: np.ndarray, dpi: float) -> tuple[float, int, tuple[Box, ...]]:
    """`measure_ink` of a copy at no more than 150 dpi, and the boxes (in `small`) of its
    square marks at least `MIN_QR_MM` wide: any QR code that can be read at that
    resolution is one or holds some (the QR detector, which costs more than all the rest of
    finding separators, looks only around them)."""
    cut = round(MARGIN_MM / 25.4 * dpi)
    margin = cut if min(small.shape) > 4 * cut else 0
    inner = small[margin : small.shape[0] - margin, margin : small.shape[1] - margin]
    if inner.size == 0:
        return 0.0, 0, ()
    ink = ink_mask(inner)
    count, _, stats = components(ink)
    if count <= 1:
        return 0.0, 0, ()
    x, y, w, h, area = (stats[1:, i] for i in range(5))
    px_mm = dpi / 25.4
    size = np.maximum(w, h)
    square = (np.minimum(w, h) >= MIN_QR_MM * px_mm) & (size <= 1.6 * np.minimum(w, h))
    squares = tuple(
        Box(int(left) + margin, int(top) + margin, int(left + wide) + margin, int(top + high) + margin)
        for left, top, wide, high in zip(x[square], y[square], w[square], h[square], strict=True)
    )
    rows, cols = inner.shape
    touches = (x == 0) | (y == 0) | (x + w >= cols) | (y + h >= rows)
    keep = (size >= MIN_MARK_MM * px_mm) & ~touches
    ink_ratio = float(area[keep].sum()) / inner.size
    letters = keep & (size <= MAX_LETTER_MM * px_mm)
    boxes = np.stack([x, y, x + w, y + h], axis=1)[letters].astype(np.float32)
    return ink_ratio, _count_with_neighbour(boxes, NEIGHBOUR_MM * px_mm), squares


def ink_mask(gray: np.ndarray, contrast: int = INK_CONTRAST) -> np.ndarray:
    """Boolean mask of the pixels at least `contrast` grey levels darker than the paper
    around them (lightly smoothed first, so that single noisy pixels rarely pass)."""
    smooth = cv2.GaussianBlur(gray, (0, 0), 0.8)
    return (_paper(smooth).astype(np.int16) - smooth) > contrast


def _paper(gray: np.ndarray) -> np.ndarray:
    """Local paper colour: means over 8x8 blocks, the brightest in each 3x3 of blocks."""
    rows, cols = gray.shape
    blocks = cv2.resize(gray, (max(1, cols // 8), max(1, rows // 8)), interpolation=cv2.INTER_AREA)
    brightest = cv2.dilate(blocks, np.ones((3, 3), np.uint8))
    return cv2.resize(brightest, (cols, rows), interpolation=cv2.INTER_LINEAR)


def _count_with_neighbour(boxes: np.ndarray, gap: float) -> int:
    """How many boxes (x0, y0, x1, y1) have a neighbour as letters in a line of text do:
    within `gap`, of similar size (at most 2.5 times taller or wider) and level with it
    (centres less than half a height apart across the line; lines may run either way,
    the page may be sideways). Fragments of a hair or scattered dust rarely line up so.

    A page with many letter-sized marks is text whatever their layout, so the pairwise
    check (quadratic) is skipped above a few hundred marks.
    """
    if len(boxes) >= 400:
        return len(boxes)
    x0, y0, x1, y1 = (boxes[:, i] for i in range(4))
    w, h = x1 - x0, y1 - y0
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    gx = np.maximum(x0[:, None], x0[None, :]) - np.minimum(x1[:, None], x1[None, :])
    gy = np.maximum(y0[:, None], y0[None, :]) - np.minimum(y1[:, None], y1[None, :])
    close = (gx <= gap) & (gy <= gap)
    tall = np.maximum(h[:, None], h[None, :])
    wide = np.maximum(w[:, None], w[None, :])
    in_row = (np.abs(cy[:, None] - cy[None, :]) <= tall / 2) & (
        np.maximum(h[:, None], h[None, :]) <= 2.5 * np.minimum(h[:, None], h[None, :])
    )
    in_column = (np.abs(cx[:, None] - cx[None, :]) <= wide / 2) & (
        np.maximum(w[:, None], w[None, :]) <= 2.5 * np.minimum(w[:, None], w[None, :])
    )
    near = close & (in_row | in_column)
    np.fill_diagonal(near, False)
    return int(near.any(axis=1).sum())


# --- barcodes -----------------------------------------------------------------------


def read_codes(
    gray: np.ndarray, dpi: float, small: np.ndarray | None = None, qr_marks: Sequence[Box] | None = None
) -> tuple[str, ...]:
    """Contents of the QR codes and Code 128 barcodes on a page, deduplicated.

    Searches `small`, a copy at no more than 150 dpi (made if not given): for QR codes
    the whole of it, or, given `qr_marks` (square marks in `small`, see `_ink_marks`),
    only the regions around them. Goes back to the full image only for a QR code that was
    seen there but could not be read.
    """
    if small is None:
        small = downscale(gray, dpi, WORK_DPI)
    scale = gray.shape[1] / small.shape[1]
    whole = Box(0, 0, small.shape[1], small.shape[0])
    regions = [whole] if qr_marks is None else qr_regions(qr_marks, whole)
    found = tuple(code for region in regions for code in _read_qr(small, region, gray, dpi))
    found += _read_code128(small, gray, scale)
    return tuple(dict.fromkeys(code for code in found if code))


class Box(NamedTuple):
    """A rectangle of an image, in pixels: left and top inclusive, right and bottom not."""

    left: int
    top: int
    right: int
    bottom: int

    @property
    def area(self) -> int:
        return (self.right - self.left) * (self.bottom - self.top)

    def grown(self, by: int, within: Box) -> Box:
        return Box(
            max(within.left, self.left - by), max(within.top, self.top - by),
            min(within.right, self.right + by), min(within.bottom, self.bottom + by),
        )  # fmt: skip

    def meets(self, other: Box) -> bool:
        return (
            self.left < other.right
            and other.left < self.right
            and self.top < other.bottom
            and other.top < self.bottom
        )

    def union(self, other: Box) -> Box:
        return Box(
            min(self.left, other.left), min(self.top, other.top),
            max(self.right, other.right), max(self.bottom, other.bottom),
        )  # fmt: skip


def qr_regions(marks: Sequence[Box], page: Box) -> list[Box]:
    """Where to look for QR codes, given the square marks on a page: each mark with its
    own size again on every side (a QR code's three finder squares, or its body, then
    lie in one region with their quiet zone), overlapping regions merged. The whole page
    if they would cover a third of it, where one search costs less than many."""
    regions: list[Box] = []
    for mark in marks:
        region = mark.grown(max(mark.right - mark.left, mark.bottom - mark.top), page)
        merged = True
        while merged:  # a merged region may now reach others
            merged = False
            for other in regions:
                if region.meets(other):
                    regions.remove(other)
                    region, merged = region.union(other), True
                    break
        regions.append(region)
    if sum(region.area for region in regions) * 3 > page.area:
        return [page]
    return regions


def _read_qr(small: np.ndarray, region: Box, full: np.ndarray, dpi: float) -> tuple[str, ...]:
    part = small[region.top : region.bottom, region.left : region.right]
    text, corners = _detect_qr(part)
    if text or corners is None:
        return (text,) if text else ()
    # Seen but not read: its modules may be too small for the reduced copy. Look again at
    # the region around it, at 200 dpi (which reads small codes more often than the noisier
    # 300 dpi), then with the other OpenCV detector.
    scale = full.shape[1] / small.shape[1]
    seen = _crop_around(full, (corners + (region.left, region.top)) * scale, margin=0.5)
    if seen is not None and dpi > WORK_DPI * 1.05:
        text, _ = _detect_qr(downscale(seen, dpi, 200.0))
    if not text:
        text, _ = _detect_qr(part, cv2.QRCodeDetectorAruco())
    return (text,) if text else ()


def _detect_qr(
    gray: np.ndarray, detector: cv2.GraphicalCodeDetector | None = None
) -> tuple[str, np.ndarray | None]:
    """(content, corners of the QR code seen or None). OpenCV's detector finds far more
    codes on a binarised page than on a noisy grey one, so binarise first."""
    binary = _binarise(gray)
    detector = detector or cv2.QRCodeDetector()
    try:
        text, points, _ = detector.detectAndDecode(binary)
    except cv2.error:  # seen on odd point sets inside OpenCV's detector
        return "", None
    return text, None if points is None else np.asarray(points, np.float32).reshape(-1, 2)


def _crop_around(gray: np.ndarray, corners: np.ndarray, margin: float) -> np.ndarray | None:
    """The part of `gray` around `corners` (N x 2, x and y), grown by `margin` of its size
    on every side; None if that is empty."""
    low, high = corners.min(axis=0), corners.max(axis=0)
    grow = (high - low) * margin + 16
    x0, y0 = np.maximum(low - grow, 0).astype(int)
    x1, y1 = np.minimum(high + grow, gray.shape[::-1]).astype(int)
    region = gray[y0:y1, x0:x1]
    return region if region.size else None


def _read_code128(small: np.ndarray, full: np.ndarray, scale: float) -> tuple[str, ...]:
    try:
        ok, corners = cv2.barcode.BarcodeDetector().detect(small)
    except cv2.error:  # pragma: no cover - detector rejects degenerate images
        return ()
    if not ok or corners is None:
        return ()
    found: list[str] = []
    for quad in np.asarray(corners, dtype=np.float32).reshape(-1, 4, 2):
        text = _decode_code128_region(full, quad * scale)
        if text is not None:
            found.append(text)
    return tuple(found)


def _decode_code128_region(gray: np.ndarray, quad: np.ndarray) -> str | None:
    """Decode a Code 128 inside the quadrilateral `quad` (full-resolution pixels)."""
    # Square around the box, so that turning it level loses no part of the code.
    centre = quad.mean(axis=0)
    radius = float(np.linalg.norm(quad - centre, axis=1).max())
    crop = _crop_around(gray, np.stack([centre - radius, centre + radius]), margin=0.15)
    if crop is None:
        return None
    # Bars give strong gradients across them: that direction is the scan direction.
    gx = cv2.Sobel(crop, cv2.CV_32F, 1, 0, ksize=3)
    gy = cv2.Sobel(crop, cv2.CV_32F, 0, 1, ksize=3)
    angle = 0.5 * np.degrees(np.arctan2(2 * float((gx * gy).sum()), float((gx * gx - gy * gy).sum())))
    rows, cols = crop.shape
    matrix = cv2.getRotationMatrix2D((cols / 2, rows / 2), angle, 1.0)
    upright = cv2.warpAffine(crop, matrix, (cols, rows), flags=cv2.INTER_LINEAR, borderValue=255)
    mid = rows // 2
    half = max(2, int(rows * 0.3))
    for offset in np.linspace(-half, half, 9).astype(int):
        y = mid + offset
        line = upright[max(0, y - 1) : y + 2].mean(axis=0)
        for row in (line, line[::-1]):
            text = decode_code128_row(row)
            if text is not None:
                return text
    return None


# --- helpers ------------------------------------------------------------------------


def _binarise(gray: np.ndarray) -> np.ndarray:
    """Black and white by Otsu's threshold, but never closer to the paper than
    `INK_CONTRAST`: on an empty page Otsu splits the noise, and the QR detector then
    spends a quarter of a second on thousands of specks."""
    otsu, _ = cv2.threshold(gray, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    counts = cv2.calcHist([gray], [0], None, [256], [0, 256]).ravel().cumsum()
    paper = int(np.searchsorted(counts, 0.9 * counts[-1]))  # 90th percentile
    threshold = min(otsu, paper - INK_CONTRAST)
    return cv2.threshold(gray, threshold, 255, cv2.THRESH_BINARY)[1]
