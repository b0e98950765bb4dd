"""Splitting batch scans: the pure split, reading separator codes, telling blank pages."""

from __future__ import annotations

import random

import cv2
import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from mailroom.ingest.separate import (
    Box,
    PageKind,
    PageSignal,
    Split,
    classify_page,
    decode_code128_row,
    qr_regions,
    read_page_signal,
    split_pages,
)
from mailroom.synth.barcodes import code128_image, code128_modules, qr_image

C, S, B = PageKind.CONTENT, PageKind.SEPARATOR, PageKind.BLANK
SERIF = "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf"
SANS = "/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf"
TEXT = (
    "Sehr geehrte Damen und Herren, hiermit lege ich Widerspruch gegen den Bescheid "
    "vom Aktenzeichen ein. Bitte teilen Sie mir mit, welche Unterlagen für den Antrag "
    "auf Wohngeld noch fehlen. Mit freundlichen Grüßen Straßenreinigung Grundsteuer"
)
WORDS = TEXT.split()


# --- page images --------------------------------------------------------------------


def a4(dpi: int) -> tuple[int, int]:
    return round(210 / 25.4 * dpi), round(297 / 25.4 * dpi)


def blank(dpi: int) -> Image.Image:
    return Image.new("L", a4(dpi), 255)


def draw_lines(page: Image.Image, dpi: int, lines: list[str], top_mm: float, pt: float = 11) -> None:
    draw = ImageDraw.Draw(page)
    font = ImageFont.truetype(SERIF, round(pt * dpi / 72))
    y = top_mm / 25.4 * dpi
    for line in lines:
        draw.text((25 / 25.4 * dpi, y), line, font=font, fill=20)
        y += font.size * 1.4


def letter(dpi: int, rng: random.Random, n_lines: int = 30) -> Image.Image:
    page = blank(dpi)
    lines = [" ".join(rng.choice(WORDS) for _ in range(9)) for _ in range(n_lines)]
    draw_lines(page, dpi, lines, top_mm=40)
    return page


def separator(kind: str, dpi: int) -> Image.Image:
    """A sheet with a PATCHT code of the size separator sheets use (QR 2 mm modules,
    Code 128 0.5 mm modules), placed off-centre."""
    page = blank(dpi)
    if kind == "qr":
        code = qr_image("PATCHT", round(2.0 / 25.4 * dpi))
    else:
        code = code128_image("PATCHT", max(2, round(0.5 / 25.4 * dpi)), round(30 / 25.4 * dpi))
    page.paste(Image.fromarray(code, "L"), (round(page.width * 0.3), round(page.height * 0.4)))
    return page


def scan(
    page: Image.Image,
    rng: random.Random,
    quarter: int = 0,
    skew: float = 0.0,
    noise: float = 4.0,
    binarize: bool = False,
) -> np.ndarray:
    """A crude scanner: quarter turn, skew, blur, contrast, noise, optional binarising."""
    arr = np.ascontiguousarray(np.rot90(np.asarray(page), quarter // 90))
    rows, cols = arr.shape
    matrix = cv2.getRotationMatrix2D((cols / 2, rows / 2), skew, 1.0)
    arr = cv2.warpAffine(arr, matrix, (cols, rows), borderValue=255)
    arr = cv2.GaussianBlur(arr, (0, 0), 0.7)
    noisy = arr * 0.85 + 25 + np.random.default_rng(rng.getrandbits(32)).normal(0, noise, arr.shape)
    out = np.clip(noisy, 0, 255).astype(np.uint8)
    return np.where(out > 150, 255, 0).astype(np.uint8) if binarize else out


def noisy_back_side(dpi: int, rng: random.Random, bleed: bool) -> np.ndarray:
    """An empty duplex back side: speckle, dust, a hair, a dark edge, a shadow at the
    binding, uneven light and, if `bleed`, the mirrored text of the front shining through."""
    page = blank(dpi)
    if bleed:
        front = letter(dpi, rng, 20).transpose(Image.Transpose.FLIP_LEFT_RIGHT)
        page = Image.fromarray((238 + np.asarray(front) / 255 * 17).astype(np.uint8))
    draw = ImageDraw.Draw(page)
    for _ in range(12):  # dust
        x, y, r = rng.randrange(page.width), rng.randrange(page.height), rng.uniform(1, 3.5) * dpi / 300
        draw.ellipse([x - r, y - r, x + r, y + r], fill=rng.randint(30, 110))
    hair = [
        (page.width * 0.6 + rng.uniform(-40, 40) * dpi / 300, page.height * 0.5 + i * 20 * dpi / 300)
        for i in range(5)
    ]
    draw.line(hair, fill=70, width=max(1, round(dpi / 200)))
    arr = scan(page, rng, skew=rng.uniform(-2, 2), noise=6).astype(np.float32)
    rows, cols = arr.shape
    arr *= np.linspace(0.9, 1.0, cols, dtype=np.float32)[None, :]  # uneven light
    arr[:, : cols // 12] *= np.linspace(0.7, 1.0, cols // 12, dtype=np.float32)[None, :]  # binding
    arr[:, cols - max(3, cols // 150) :] = 60  # dark platen edge
    speckle = np.random.default_rng(rng.getrandbits(32)).random(arr.shape) < 1e-4
    arr[speckle] = 0
    return np.clip(arr, 0, 255).astype(np.uint8)


# --- split_pages --------------------------------------------------------------------

SPLIT_CASES = [
    ("plain, no separators", [C, C, C], [(0, 1, 2)], [], []),
    ("two items", [C, C, S, C], [(0, 1), (3,)], [2], []),
    ("duplex with blank backs", [C, B, C, B, S, B, C, B], [(0, 2), (6,)], [4], [1, 3, 5, 7]),
    ("leading separator", [S, C, C], [(1, 2)], [0], []),
    ("trailing separator", [C, S], [(0,)], [1], []),
    ("double separator", [C, S, S, C], [(0,), (3,)], [1, 2], []),
    ("separator with blank back", [C, S, B, C], [(0,), (3,)], [1], [2]),
    ("all blank", [B, B, B], [], [], [0, 1, 2]),
    ("only separators", [S, S], [], [0, 1], []),
    ("empty batch", [], [], [], []),
]


@pytest.mark.parametrize(
    ("kinds", "items", "separators", "blanks"),
    [case[1:] for case in SPLIT_CASES],
    ids=[case[0] for case in SPLIT_CASES],
)
def test_split_pages(
    kinds: list[PageKind], items: list[tuple[int, ...]], separators: list[int], blanks: list[int]
) -> None:
    split = split_pages(kinds)
    assert split == Split(tuple(items), tuple(separators), tuple(blanks))


def test_split_accounts_for_every_page_once() -> None:
    rng = random.Random(3)
    kinds = [rng.choice([C, C, S, B]) for _ in range(200)]
    split = split_pages(kinds)
    used = [i for item in split.items for i in item] + list(split.separators) + list(split.blanks)
    assert sorted(used) == list(range(200))
    assert all(split.items)  # no empty item


# --- classify_page ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("signal", "kind"),
    [
        (PageSignal(("PATCHT",), 0.001, 0), S),
        (PageSignal(("patcht ",), 0.0, 0), S),
        (PageSignal(("https://example.org", "PATCHT"), 0.02, 300), S),
        (PageSignal(("4006381333931",), 0.02, 300), C),
        (PageSignal((), 0.0, 0), B),
        (PageSignal((), 0.0001, 1), B),
        (PageSignal((), 0.0001, 5), C),
        (PageSignal((), 0.001, 0), C),
    ],
)
def test_classify_page(signal: PageSignal, kind: PageKind) -> None:
    assert classify_page(signal) is kind


# --- barcodes -----------------------------------------------------------------------


@pytest.mark.parametrize("dpi", [150, 300])
@pytest.mark.parametrize("kind", ["qr", "code128"])
def test_reads_separator_code_in_any_orientation(kind: str, dpi: int) -> None:
    rng = random.Random(dpi)
    sheet = separator(kind, dpi)
    for quarter, skew, binarize in [(0, 0.0, False), (90, 2.7, False), (180, -3.0, True), (270, 1.2, False)]:
        signal = read_page_signal(scan(sheet, rng, quarter, skew, binarize=binarize))
        assert signal.codes == ("PATCHT",), (quarter, skew, binarize)
        assert classify_page(signal) is S


def test_reads_small_codes_at_300_dpi() -> None:
    rng = random.Random(5)
    page = blank(300)
    page.paste(Image.fromarray(qr_image("PATCHT", 9)), (200, 300))  # 0.75 mm modules
    page.paste(Image.fromarray(code128_image("AZ-2024/17", 4, 120)), (900, 2400))  # 0.34 mm
    signal = read_page_signal(scan(page, rng, 0, 1.5))
    assert set(signal.codes) == {"PATCHT", "AZ-2024/17"}


@pytest.mark.parametrize("dpi", [150, 300])
def test_reads_no_code_on_a_letter(dpi: int) -> None:
    rng = random.Random(7)
    signal = read_page_signal(scan(letter(dpi, rng), rng, 90, 1.0))
    assert signal.codes == ()
    assert classify_page(signal) is C


PAGE = Box(0, 0, 1240, 1754)  # A4 at 150 dpi


def test_qr_regions_hold_a_whole_code_with_its_quiet_zone() -> None:
    # The three finder squares (7 modules of 12 px) of a 21-module code at (400, 700).
    finders = [Box(400, 700, 484, 784), Box(568, 700, 652, 784), Box(400, 868, 484, 952)]
    assert qr_regions(finders, PAGE) == [Box(316, 616, 736, 1036)]
    logo = Box(1000, 50, 1060, 110)  # a mark far away gets a region of its own
    assert sorted(qr_regions([logo, *finders], PAGE)) == [Box(316, 616, 736, 1036), Box(940, 0, 1120, 170)]


def test_qr_regions_are_the_whole_page_when_that_is_cheaper() -> None:
    assert qr_regions([], PAGE) == []
    big = [Box(100, 100, 500, 500), Box(600, 900, 1000, 1300)]  # grown, they cover over a third
    assert qr_regions(big, PAGE) == [PAGE]


def code128_row(content: str, module: int = 3) -> np.ndarray:
    modules = np.concatenate([np.zeros(12, bool), code128_modules(content), np.zeros(12, bool)])
    return np.where(np.repeat(modules, module), 30.0, 220.0)


def test_decode_code128_row_both_directions_and_with_ink_spread() -> None:
    row = code128_row("PATCHT")
    assert decode_code128_row(row) == "PATCHT"
    assert decode_code128_row(row[::-1]) is None  # the caller tries both directions
    spread = cv2.erode(row.astype(np.uint8).reshape(1, -1), np.ones((1, 2), np.uint8)).ravel()
    assert decode_code128_row(spread) == "PATCHT"  # bars one pixel wider, spaces narrower


def test_decode_code128_row_rejects_bad_checksum() -> None:
    good = code128_row("PATCHT")
    bad = code128_row("PATCHS")
    # Put the symbol for "S" where "T" stands, keeping PATCHT's checksum.
    start = (12 + 11 * 6) * 3
    tampered = good.copy()
    tampered[start : start + 33] = bad[start : start + 33]
    assert decode_code128_row(tampered) is None


# --- blank pages --------------------------------------------------------------------


@pytest.mark.parametrize("dpi", [150, 300])
@pytest.mark.parametrize("bleed", [False, True])
def test_noisy_back_side_is_blank(dpi: int, bleed: bool) -> None:
    rng = random.Random(dpi + bleed)
    signal = read_page_signal(noisy_back_side(dpi, rng, bleed))
    assert classify_page(signal) is B, signal


@pytest.mark.parametrize("dpi", [150, 300])
@pytest.mark.parametrize(
    "lines",
    [["Seite 2"], ["Bitte um Rückruf.", "M. Schulz"], ["Anlage: Kopie des Bescheids"]],
    ids=["page-number", "short-note", "one-line"],
)
def test_sparse_text_page_is_content(dpi: int, lines: list[str]) -> None:
    rng = random.Random(dpi)
    page = blank(dpi)
    draw_lines(page, dpi, lines, top_mm=rng.uniform(20, 200), pt=10)
    signal = read_page_signal(scan(page, rng, 0, rng.uniform(-2, 2), noise=6))
    assert classify_page(signal) is C, signal


def test_signature_alone_is_content() -> None:
    rng = random.Random(2)
    page = blank(300)
    points = [(600 + 40 * i, 1500 + rng.uniform(-50, 50)) for i in range(14)]
    ImageDraw.Draw(page).line(points, fill=30, width=5)
    assert classify_page(read_page_signal(scan(page, rng))) is C


def test_colour_input_and_explicit_dpi() -> None:
    rng = random.Random(4)
    grey = scan(separator("qr", 200), rng, 0, 1.0)
    colour = cv2.cvtColor(grey, cv2.COLOR_GRAY2BGR)
    assert read_page_signal(colour, dpi=200).codes == ("PATCHT",)
