"""Orientation and deskew of scanned pages: conventions, accuracy on rendered text."""

from __future__ import annotations

import random

import cv2
import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from mailroom.ingest.clean import (
    ascender_asymmetry,
    clean_page,
    detect_orientation,
    estimate_skew,
    rotate,
)

FONTS = [
    "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf",
    "/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
]
TEXT = (
    "Sehr geehrte Damen und Herren, hiermit beantrage ich die Verlängerung meiner "
    "Aufenthaltserlaubnis. Bitte teilen Sie mir mit, welche Unterlagen für den Antrag "
    "erforderlich sind. Mit freundlichen Grüßen Bürgeramt Widerspruch Bescheid "
    "Wohngeld Aktenzeichen Grundsteuer Straßenreinigung Kindertagesstätte Hundesteuer"
)
WORDS = TEXT.split()
DPI = 150


def text_page(seed: int, dpi: int = DPI, n_lines: int = 28) -> np.ndarray:
    """An upright A4 page of German text (uint8 grey), a letter's block of lines."""
    rng = random.Random(seed)
    size = (round(210 / 25.4 * dpi), round(297 / 25.4 * dpi))
    page = Image.new("L", size, 255)
    draw = ImageDraw.Draw(page)
    font = ImageFont.truetype(FONTS[seed % len(FONTS)], round(rng.uniform(10, 12) * dpi / 72))
    y = 45 / 25.4 * dpi
    for _ in range(n_lines):
        line = " ".join(rng.choice(WORDS) for _ in range(8))
        draw.text((25 / 25.4 * dpi, y), line, font=font, fill=25)
        y += font.size * rng.choice([1.4, 1.4, 2.8])
        if y > size[1] * 0.88:
            break
    return np.asarray(page)


def scanned(upright: np.ndarray, quarter: int, skew: float, seed: int = 0) -> np.ndarray:
    """`upright` turned by `quarter` (np.rot90, counter-clockwise), then by `skew` degrees
    counter-clockwise, blurred and noisy: how a feeder and scanner deliver it."""
    turned = rotate(np.ascontiguousarray(np.rot90(upright, quarter // 90)), skew)
    noise = np.random.default_rng(seed).normal(0, 5, turned.shape)
    return np.clip(cv2.GaussianBlur(turned, (0, 0), 0.6) * 0.85 + 25 + noise, 0, 255).astype(np.uint8)


@pytest.mark.parametrize("quarter", [0, 90, 180, 270])
def test_detects_each_quarter_turn(quarter: int) -> None:
    for seed in range(3):
        page = scanned(text_page(seed), quarter, skew=(-1) ** seed * 1.5, seed=seed)
        rotation, confidence = detect_orientation(page, DPI)
        assert rotation == (360 - quarter) % 360, seed
        assert confidence > 0.5


def test_rotation_convention_matches_np_rot90() -> None:
    upright = text_page(4)
    page = scanned(upright, 90, 0.0)  # turned counter-clockwise: needs 270 more
    cleaned = clean_page(page, DPI)
    assert cleaned.rotation == 270
    assert np.array_equal(cleaned.image, np.rot90(page, cleaned.rotation // 90))
    assert cleaned.image.shape == upright.shape
    # Same picture as the upright original, not a mirror or an upside-down copy.
    similar = np.corrcoef(cleaned.image.ravel().astype(float), upright.ravel().astype(float))[0, 1]
    flipped = np.corrcoef(cleaned.image[::-1, ::-1].ravel().astype(float), upright.ravel().astype(float))[
        0, 1
    ]
    assert similar > 0.8 > flipped


@pytest.mark.parametrize("skew", [-3.0, -1.7, -0.4, 0.0, 0.8, 2.2, 3.0])
def test_estimate_skew_within_0_3_degrees(skew: float) -> None:
    page = scanned(text_page(int(skew * 10) % 7), 0, skew)
    assert estimate_skew(page, DPI) == pytest.approx(skew, abs=0.3)


def test_skew_sign_follows_opencv_counter_clockwise() -> None:
    page = text_page(1)
    assert estimate_skew(rotate(page, 2.0), DPI) > 1.5
    assert estimate_skew(rotate(page, -2.0), DPI) < -1.5


def test_clean_page_straightens_sideways_skewed_page() -> None:
    page = scanned(text_page(2), 270, -2.4)
    cleaned = clean_page(page, DPI)
    assert cleaned.rotation == 90
    assert cleaned.skew == pytest.approx(-2.4, abs=0.3)
    assert cleaned.image.dtype == np.uint8
    assert abs(estimate_skew(cleaned.image, DPI)) < 0.3


def test_upright_text_has_more_ink_above_the_x_height_than_below() -> None:
    page = text_page(5)
    up, lines = ascender_asymmetry(page, DPI)
    down, _ = ascender_asymmetry(page[::-1, ::-1], DPI)
    assert lines >= 10
    assert up > 0.2 and down < -0.2


@pytest.mark.parametrize(
    "page",
    [np.full((1754, 1240), 235, np.uint8), text_page(3, n_lines=0)],
    ids=["grey-empty", "white-empty"],
)
def test_page_without_text_is_left_alone(page: np.ndarray) -> None:
    noisy = scanned(page, 0, 0.0)
    assert detect_orientation(noisy, DPI) == (0, 0.0)
    cleaned = clean_page(noisy, DPI)
    assert (cleaned.rotation, cleaned.skew, cleaned.orientation_confidence) == (0, 0.0, 0.0)


def test_one_line_is_too_little_to_turn_a_page() -> None:
    page = scanned(text_page(6, n_lines=1), 180, 0.0)
    rotation, confidence = detect_orientation(page, DPI)
    assert (rotation, confidence) == (0, 0.0)


@pytest.mark.parametrize("quarter", [0, 90, 180, 270])
def test_detects_orientation_at_300_dpi(quarter: int) -> None:
    page = scanned(text_page(7, dpi=300), quarter, 0.9)
    cleaned = clean_page(page, 300)
    assert cleaned.rotation == (360 - quarter) % 360
    assert cleaned.skew == pytest.approx(0.9, abs=0.3)


def photographed(upright: np.ndarray, seed: int = 0) -> np.ndarray:
    """`upright` as a phone photo of the sheet lying on a dark, textured table: a margin
    of mottled dark grey with speckles all round the paper."""
    rng = np.random.default_rng(seed)
    rows, cols = upright.shape
    margin = rows // 12
    coarse = rng.uniform(30, 110, (rows // 40 + 2, cols // 40 + 2)).astype(np.float32)
    table = cv2.resize(coarse, (cols + 2 * margin, rows + 2 * margin), interpolation=cv2.INTER_CUBIC)
    table += rng.normal(0, 25, table.shape)
    table[margin : margin + rows, margin : margin + cols] = upright * 0.8 + 40
    return np.clip(table, 0, 255).astype(np.uint8)


@pytest.mark.parametrize("quarter", [0, 180])
def test_photo_of_a_sheet_on_a_dark_table_is_turned_by_its_text_not_the_table(quarter: int) -> None:
    for seed in range(3):
        photo = photographed(text_page(seed, n_lines=6), seed)
        rotation, confidence = detect_orientation(np.ascontiguousarray(np.rot90(photo, quarter // 90)), DPI)
        assert (rotation, confidence > 0.5) == ((360 - quarter) % 360, True), seed
