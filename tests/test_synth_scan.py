"""Tests for mailroom.synth.scan, plus the slow OCR readability check of the corpus."""

from __future__ import annotations

import os
import random
import re
from dataclasses import replace

import numpy as np
import pytest
from PIL import Image, ImageDraw
from test_synth_layout import COMPANY, RICH_BODY, make_doc, make_item

from mailroom.synth import layout, scan

CLEAN = scan.ScanProfile(
    kind="office_gray",
    color=False,
    blur_sigma=0.0,
    noise_sigma=0.0,
    black=0.0,
    white=255.0,
    tint=(1.0, 1.0, 1.0),
    lighting=0.0,
    binding_shadow=0.0,
    speckle=0.0,
    dust=0,
    border=0.0,
    max_skew=0.0,
    jpeg_quality=None,
    binarize=False,
    threshold=128.0,
    fax_lines=False,
)


def header_page(dpi: int = 100) -> Image.Image:
    """A page with a black bar at the top left: its position shows the orientation."""
    image = Image.new("L", (round(210 / 25.4 * dpi), round(297 / 25.4 * dpi)), 255)
    ImageDraw.Draw(image).rectangle([20, 20, 300, 90], fill=0)
    return image


def scan_with_rotation(image: Image.Image, profile: scan.ScanProfile, rotation: int) -> scan.ScannedPage:
    for seed in range(500):
        page = scan.scan_page(image, profile, random.Random(seed))
        if page.rotation == rotation:
            return page
    raise AssertionError(f"no seed gave rotation {rotation}")


@pytest.mark.parametrize("rotation", [0, 90, 180, 270])
def test_recorded_rotation_matches_the_pixels(rotation: int) -> None:
    image = header_page()
    page = scan_with_rotation(image, CLEAN, rotation)
    got = np.asarray(page.image)
    expected = np.rot90(np.asarray(image), rotation // 90)
    assert page.skew_degrees == 0.0
    assert got.shape == expected.shape
    assert np.array_equal(got < 128, expected < 128)
    assert np.abs(got.astype(int) - expected).max() <= 10  # black/white jitter
    if rotation:
        assert got.shape != np.asarray(image).shape or not np.array_equal(got, np.asarray(image))


def test_skew_is_recorded_and_undoable() -> None:
    image = header_page()
    profile = replace(CLEAN, max_skew=3.0)
    for seed in range(50):
        page = scan.scan_page(image, profile, random.Random(seed))
        if page.rotation == 0 and abs(page.skew_degrees) > 1.0:
            break
    assert -3.0 <= page.skew_degrees <= 3.0
    skewed = np.asarray(page.image)
    undone = np.asarray(page.image.rotate(-page.skew_degrees, fillcolor=255))
    original = np.asarray(image)
    assert np.abs(undone.astype(int) - original).mean() < np.abs(skewed.astype(int) - original).mean() / 2


def test_orientation_frequencies() -> None:
    rotations = [
        scan.scan_page(Image.new("L", (83, 117), 255), CLEAN, random.Random(s)).rotation for s in range(2000)
    ]
    upside_down = rotations.count(180) / len(rotations)
    sideways = (rotations.count(90) + rotations.count(270)) / len(rotations)
    assert 0.04 < upside_down < 0.08
    assert 0.015 < sideways < 0.045


def test_profiles_vary_and_fax_is_binary() -> None:
    rng = random.Random(0)
    profiles = [scan.draw_profile(rng) for _ in range(200)]
    kinds = {p.kind for p in profiles}
    assert kinds == {"office_gray", "office_color", "copier", "cheap_mfp", "fax"}
    assert any(p.color for p in profiles) and not all(p.color for p in profiles)
    fax = next(p for p in profiles if p.binarize)
    page = scan.scan_page(layout.render_separator("qr", random.Random(1), 150), fax, random.Random(2))
    assert page.image.mode == "L"
    assert set(np.unique(np.asarray(page.image))) <= {0, 255}


def test_colour_and_grey_scanners_give_their_modes() -> None:
    rgb = layout.render_item(make_item(make_doc(sender=COMPANY)), random.Random(1), 100)[0].image
    assert scan.scan_page(rgb, replace(CLEAN, color=True), random.Random(0)).image.mode == "RGB"
    assert scan.scan_page(rgb, CLEAN, random.Random(0)).image.mode == "L"


def test_scan_degrades_and_is_deterministic() -> None:
    page = layout.render_item(make_item(make_doc()), random.Random(4), 150)[0].image
    profile = scan.draw_profile(random.Random(3))
    a = scan.scan_page(page, profile, random.Random(9))
    b = scan.scan_page(page, profile, random.Random(9))
    assert np.array_equal(np.asarray(a.image), np.asarray(b.image))
    assert (a.rotation, a.skew_degrees) == (b.rotation, b.skew_degrees)
    clean = np.asarray(page.convert("L"), dtype=np.float32)
    if a.rotation == 0:
        assert np.abs(np.asarray(a.image.convert("L"), dtype=np.float32) - clean).mean() > 1.0


def test_blank_page_is_nearly_white_a4() -> None:
    for seed in range(5):
        image = scan.blank_page(random.Random(seed), 150)
        assert image.size == (round(210 / 25.4 * 150), round(297 / 25.4 * 150))
        arr = np.asarray(image)
        assert arr.min() > 200
        assert arr.mean() > 245


def _normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.mark.slow
def test_tesseract_recovers_most_characters() -> None:
    pytesseract = pytest.importorskip("pytesseract")
    from rapidfuzz.distance import Levenshtein

    os.environ["OMP_THREAD_LIMIT"] = "1"
    rng = random.Random(11)
    accuracies = []
    for layout_name in ("letter", "invoice", "form", "note"):
        sender = COMPANY if layout_name in ("letter", "invoice") else make_doc().sender
        body = RICH_BODY if layout_name != "letter" else ()
        item = make_item(make_doc(layout_name, sender, paragraphs=4, body=body))
        profile = scan.draw_profile(rng)
        rendered = layout.render_item(item, rng, 300)[0]
        scanned = scan.scan_page(rendered.image, profile, rng)
        upright = scanned.image.rotate(-scanned.rotation, expand=True)
        hyp = _normalise(pytesseract.image_to_string(upright, lang="deu", config="--psm 3"))
        ref = _normalise(rendered.text)
        accuracies.append(max(0.0, 1 - Levenshtein.distance(ref, hyp) / len(ref)))
    assert sum(accuracies) / len(accuracies) >= 0.85, accuracies
