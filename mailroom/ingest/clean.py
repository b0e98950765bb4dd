"""Turning a scanned page upright and straight, cheaply, with OpenCV and numpy.

Conventions (tested in tests/test_clean.py):

* `rotation` is the counter-clockwise quarter turn, in degrees, that was applied to the
  input to make it upright: the upright page is `np.rot90(gray, rotation // 90)`.
* `skew` is the small angle, in degrees, counter-clockwise positive as shown on screen
  (OpenCV's and PIL's convention), at which the text lines of the quarter-turned page
  stood; the page was rotated by `-skew` to straighten it. A page scanned upright that
  the feeder turned 1.5 degrees counter-clockwise has skew 1.5.

The method, all on a copy at about 100-150 dpi with the edges left out (and, for a photo
of a sheet lying on a darker surface, only the sheet: the surface's texture is no text):

1. Ink pixels (darker than the paper around them) are projected onto rows and onto
   columns over a range of small angles. Text lines make the profile across them spiky:
   whichever direction gives the spikier profile is the direction of the lines, which
   tells portrait (0/180) from sideways (90/270), and the best angle is the skew.
2. The skew is refined at a finer step around the best coarse angle.
3. Upright versus upside down is read from the text lines themselves: Latin script,
   and German with its capitalised nouns even more so, has far more ink above the
   x-height band (capitals, b d f h k l t, umlauts) than below it (g j p q y). Each line's
   band is found from its row profile; the balance of ink above and below decides.

This takes a few hundredths of a second per page, against 0.6-0.8 s for a Tesseract
orientation call (see benchmarks/clean.py). Pages with too little text get rotation 0
and a low confidence rather than a guess.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import cv2
import numpy as np

from mailroom.ingest.images import as_gray, components, downscale, mask_points
from mailroom.ingest.separate import A4_SHORT_INCH, ink_mask

log = logging.getLogger(__name__)

ANALYSIS_DPI = 100  # direction and coarse skew
FINE_DPI = 150  # fine skew and upright/upside-down
MAX_SKEW = 5.0  # degrees searched either way
EDGE_FRACTION = 0.05  # band at each edge left out (scanner border, binding shadow)
MAX_LETTER_MM = 6.0  # marks taller and wider than this are no letters
MIN_INK_PIXELS = 400  # at 100 dpi; fewer, and the page is treated as having no text
MIN_LINE_PIECES = 6  # pieces of text line (per 40-mm strip) needed to tell upside down
ASYMMETRY_FOR_FULL_CONFIDENCE = 0.4  # (above - below) / (above + below) over all lines
MIN_SHEET_SHARE, MAX_SHEET_SHARE = 0.3, 0.95  # of a photo, the paper on a darker surface


@dataclass(frozen=True)
class CleanedPage:
    """A page made upright and straight. `image`: uint8 grey; `rotation`, `skew`: as in
    the module docstring; `orientation_confidence`: 0 (no idea) to 1 (sure)."""

    image: np.ndarray
    rotation: int
    skew: float
    orientation_confidence: float


def clean_page(gray: np.ndarray, dpi: int | None = None) -> CleanedPage:
    """Turn one scanned page (uint8, grey or BGR) upright and remove its skew.

    `dpi` defaults to what an A4 sheet's short side gives. The image keeps its size
    (quarter turns swap width and height); corners uncovered by the deskew are white.
    """
    gray = as_gray(gray)
    dpi = dpi or round(min(gray.shape) / A4_SHORT_INCH)
    rotation, confidence, skew = _analyse(gray, dpi)
    upright = np.ascontiguousarray(np.rot90(gray, rotation // 90))
    return CleanedPage(
        image=rotate(upright, -skew),
        rotation=rotation,
        skew=skew,
        orientation_confidence=confidence,
    )


def detect_orientation(gray: np.ndarray, dpi: int | None = None) -> tuple[int, float]:
    """(rotation to apply, confidence) for a page; rotation as in the module docstring.

    Returns (0, 0.0) for a page with too little text to tell.
    """
    gray = as_gray(gray)
    rotation, confidence, _ = _analyse(gray, dpi or round(min(gray.shape) / A4_SHORT_INCH))
    return rotation, confidence


def _analyse(gray: np.ndarray, dpi: int) -> tuple[int, float, float]:
    """(rotation, confidence, skew) of a page. A quarter or half turn leaves the skew
    angle as it is, so the skew measured on the page turned sideways holds for any
    rotation. Every measure is taken on one reduced copy: reducing the full page costs
    more than all of them."""
    fine_dpi = min(dpi, FINE_DPI)
    page = _sheet(downscale(gray, dpi, FINE_DPI))
    ink = _ink_points(page, fine_dpi, ANALYSIS_DPI)
    if ink is None:
        return 0, 0.0, 0.0
    sideways, direction_margin = _lines_run_vertically(*ink)
    if sideways:
        page = np.ascontiguousarray(np.rot90(page, 1))
    skew = _skew(page, fine_dpi, None if sideways else ink)
    asymmetry, lines = ascender_asymmetry(rotate(page, -skew), fine_dpi)
    if lines < MIN_LINE_PIECES:
        return 0, 0.0, skew  # a page too sparse to turn can still be straightened
    rotation = (90 if sideways else 0) + (180 if asymmetry < 0 else 0)
    confidence = min(1.0, abs(asymmetry) / ASYMMETRY_FOR_FULL_CONFIDENCE)
    confidence *= min(1.0, lines / (2 * MIN_LINE_PIECES)) * min(1.0, direction_margin / 0.3)
    log.debug(
        "orientation %d: asymmetry %.2f over %d line pieces, direction margin %.2f",
        rotation,
        asymmetry,
        lines,
        direction_margin,
    )
    return rotation, round(float(confidence), 3), skew


def estimate_skew(gray: np.ndarray, dpi: int | None = None) -> float:
    """Skew of a page whose text lines run roughly horizontally, in degrees
    (counter-clockwise positive, as in the module docstring); 0.0 without text.

    Projection profile of the ink over -5..5 degrees in 0.5-degree steps on a 100-dpi
    copy, then in 0.05-degree steps on a 150-dpi copy without marks bigger than letters.
    """
    gray = as_gray(gray)
    return _skew(gray, dpi or round(min(gray.shape) / A4_SHORT_INCH))


def _skew(gray: np.ndarray, dpi: int, coarse_points: tuple[np.ndarray, np.ndarray] | None = None) -> float:
    """`estimate_skew` of a grey page, given its ink points at `ANALYSIS_DPI` if they
    have been found already."""
    coarse_points = coarse_points or _ink_points(gray, dpi, ANALYSIS_DPI)
    if coarse_points is None:
        return 0.0
    coarse = _best_angle(*coarse_points, np.arange(-MAX_SKEW, MAX_SKEW + 1e-9, 0.5))
    fine_points = _ink_points(gray, dpi, FINE_DPI, letters_only=True)
    if fine_points is None:  # the ink is all signature or logo: keep the coarse angle
        return round(float(coarse), 2)
    fine = _best_angle(*fine_points, coarse + np.arange(-0.6, 0.6 + 1e-9, 0.05))
    return round(float(fine), 2)


def ascender_asymmetry(gray: np.ndarray, dpi: int) -> tuple[float, int]:
    """(asymmetry, line pieces) of a straight page with horizontal text lines.

    For each text line (found per vertical strip of about 40 mm, so that columns
    with different line spacing do not blur each other), the x-height band is where
    the row profile is at least half its peak; ink above and below that band is summed
    over all lines. asymmetry = (above - below) / (above + below): clearly positive for
    upright Latin text, negative upside down.
    """
    inner = _inner(gray)
    ink = ink_mask(inner).astype(np.float32)
    strip = max(8, round(40 / 25.4 * dpi))
    min_height = max(3, round(1.2 / 25.4 * dpi))  # 1.2 mm: smaller runs are noise
    max_height = round(12 / 25.4 * dpi)  # 12 mm: taller runs are no single line
    above = below = 0.0
    lines = 0
    for x in range(0, ink.shape[1] - strip // 2, strip):
        profile = ink[:, x : x + strip].sum(axis=1)
        for top, bottom in _runs(profile > max(1.0, 0.02 * strip)):
            height = bottom - top
            if not min_height <= height <= max_height:
                continue
            line = profile[top:bottom]
            band = np.flatnonzero(line >= 0.5 * line.max())
            if band[-1] - band[0] < 2:
                continue
            above += float(line[: band[0]].sum())
            below += float(line[band[-1] + 1 :].sum())
            lines += 1
    if above + below == 0:
        return 0.0, lines
    return (above - below) / (above + below), lines


def rotate(gray: np.ndarray, degrees: float) -> np.ndarray:
    """`gray` rotated counter-clockwise by `degrees` about its centre, same size, white
    where the rotation uncovers the corners."""
    if abs(degrees) < 0.01:
        return gray
    rows, cols = gray.shape[:2]
    matrix = cv2.getRotationMatrix2D((cols / 2, rows / 2), degrees, 1.0)
    return cv2.warpAffine(
        gray,
        matrix,
        (cols, rows),
        flags=cv2.INTER_LINEAR,
        borderMode=cv2.BORDER_CONSTANT,
        borderValue=255,
    )


# --- helpers ------------------------------------------------------------------------


def _lines_run_vertically(ys: np.ndarray, xs: np.ndarray) -> tuple[bool, float]:
    """(True if the text lines run top to bottom, margin of that decision 0..1).

    Compares how spiky the best row profile and the best column profile get over the
    skew range; the margin is the relative difference of the two.
    """
    angles = np.arange(-MAX_SKEW, MAX_SKEW + 1e-9, 0.5)
    rows = _profile_energy(ys, xs, angles).max()
    cols = _profile_energy(xs, -ys, angles).max()
    margin = abs(rows - cols) / max(rows, cols)
    return bool(cols > rows), float(margin)


def _best_angle(ys: np.ndarray, xs: np.ndarray, angles: np.ndarray) -> float:
    energy = _profile_energy(ys, xs, angles)
    return float(angles[int(np.argmax(energy))])


def _profile_energy(ys: np.ndarray, xs: np.ndarray, angles: np.ndarray) -> np.ndarray:
    """Sum of squared row counts of the points after rotating them by each angle.

    For a fixed number of points this grows as the profile gets spikier, so it peaks
    where the text lines are level. Rotating content counter-clockwise by a (on screen,
    y down) moves a point to y' = y cos a - x sin a about the origin; a page skewed by
    +a is levelled by -a, i.e. its lines are level in y cos a + x sin a.
    """
    energies = np.empty(len(angles))
    offset = float(np.hypot(np.abs(ys).max(), np.abs(xs).max())) + 2
    for i, angle in enumerate(np.radians(angles)):
        projected = ys * np.cos(angle) + xs * np.sin(angle)
        counts = np.bincount((projected + offset).astype(np.int64))
        energies[i] = float(np.dot(counts, counts))
    return energies


def _ink_points(
    gray: np.ndarray, dpi: int, target_dpi: int, letters_only: bool = False
) -> tuple[np.ndarray, np.ndarray] | None:
    """Coordinates (ys, xs, float32, centred) of ink pixels on a reduced copy of the
    page without its edges; None if there are too few to be text. `letters_only` drops
    marks both taller and wider than `MAX_LETTER_MM` (signatures, logos, stamps), whose
    own slant would pull the skew estimate on a page with little text."""
    small = downscale(gray, dpi, target_dpi)
    ink = ink_mask(_inner(small))
    if letters_only:
        ink = _drop_big_marks(ink, round(MAX_LETTER_MM / 25.4 * min(dpi, target_dpi)))
    ys, xs = mask_points(ink)
    needed = MIN_INK_PIXELS * (min(dpi, target_dpi) / ANALYSIS_DPI) ** 2
    if len(ys) < needed:
        return None
    return (ys - ink.shape[0] / 2).astype(np.float32), (xs - ink.shape[1] / 2).astype(np.float32)


def _drop_big_marks(ink: np.ndarray, limit: int) -> np.ndarray:
    count, labels, stats = components(ink)
    big = (stats[:, cv2.CC_STAT_WIDTH] > limit) & (stats[:, cv2.CC_STAT_HEIGHT] > limit)
    big[0] = False  # the background
    if not big.any():
        return ink
    return ink & ~big[labels]


def _runs(mask: np.ndarray) -> list[tuple[int, int]]:
    """(start, end) of each run of True in a 1-d mask, end exclusive."""
    padded = np.concatenate([[False], mask, [False]]).astype(np.int8)
    edges = np.flatnonzero(np.diff(padded))
    return list(zip(edges[::2].tolist(), edges[1::2].tolist(), strict=True))


def _sheet(gray: np.ndarray) -> np.ndarray:
    """The paper of a photographed sheet, cut from the darker surface around it; the
    page itself when the paper fills (nearly) all of it or cannot be told apart.

    The paper is the largest bright region (Otsu's threshold on a 200-pixel copy); it
    must cover between MIN_SHEET_SHARE and MAX_SHEET_SHARE of the image, so that a page
    with a dark picture on it keeps its whole area.
    """
    rows, cols = gray.shape
    scale = 200 / max(rows, cols)
    small = cv2.resize(
        gray, (max(1, round(cols * scale)), max(1, round(rows * scale))), interpolation=cv2.INTER_AREA
    )
    _, bright = cv2.threshold(cv2.GaussianBlur(small, (5, 5), 0), 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    bright = cv2.morphologyEx(bright, cv2.MORPH_CLOSE, np.ones((7, 7), np.uint8))
    count, _, stats, _ = cv2.connectedComponentsWithStats(bright, connectivity=4)
    if count < 2:
        return gray
    x, y, width, height, area = stats[1 + int(np.argmax(stats[1:, cv2.CC_STAT_AREA]))]
    if not MIN_SHEET_SHARE <= area / small.size <= MAX_SHEET_SHARE:
        return gray
    inset_x, inset_y = 0.02 * width, 0.02 * height
    top, bottom = round((y + inset_y) / scale), round((y + height - inset_y) / scale)
    left, right = round((x + inset_x) / scale), round((x + width - inset_x) / scale)
    return gray[top:bottom, left:right]


def _inner(gray: np.ndarray) -> np.ndarray:
    rows, cols = gray.shape
    dy, dx = int(rows * EDGE_FRACTION), int(cols * EDGE_FRACTION)
    return gray[dy : rows - dy, dx : cols - dx]
