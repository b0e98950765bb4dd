"""Orientation and deskew: mailroom's clean_page against Tesseract's orientation detection.

Renders pages with the synthetic generator (falls back to plain rendered German text if
it cannot), turns each by a known quarter turn (all four equally often) on top of the
scanner's own skew, and prints for clean_page and for `pytesseract.image_to_osd` on the
full page (and on a half-size copy) the share of pages turned upright, the skew
residual, and seconds per page on one core, with the ratios.

Usage: python benchmarks/clean.py [--n 40] [--dpi 300] [--seed 7]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import re
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np
import pytesseract
from PIL import Image, ImageDraw, ImageFont

from mailroom.ingest.clean import clean_page

FONT = "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf"
TEXT = (
    "Sehr geehrte Damen und Herren, hiermit lege ich gegen den Bescheid vom "
    "Widerspruch ein. Bitte teilen Sie mir mit, welche Unterlagen für den Antrag auf "
    "Wohngeld fehlen. Mit freundlichen Grüßen Aktenzeichen Grundsteuer "
    "Straßenreinigung Bürgeramt"
)
WORDS = TEXT.split()


@dataclass(frozen=True)
class Sample:
    image: np.ndarray  # as scanned and then turned
    rotation: int  # what makes it upright, counter-clockwise (clean_page's convention)
    skew: float  # skew of the quarter-turned page, counter-clockwise


def synth_pages(n: int, rng: random.Random, dpi: int) -> list[tuple[np.ndarray, int, float]]:
    """Scanned letter pages from mailroom.synth: (image, rotation applied, skew)."""
    from mailroom.settings import PACKAGE_CONFIG_DIR
    from mailroom.synth.content import compose_item
    from mailroom.synth.layout import render_item
    from mailroom.synth.scan import draw_profile, scan_page
    from mailroom.taxonomy import load_taxonomy

    taxonomy = load_taxonomy(PACKAGE_CONFIG_DIR / "taxonomy.yaml")
    doc_types, routes = list(taxonomy.doc_types), list(taxonomy.routes)
    out: list[tuple[np.ndarray, int, float]] = []
    for _ in range(n * 20):
        if len(out) >= n:
            break
        try:
            item = compose_item(rng.choice(doc_types), rng.choice(routes), rng, dt.date(2024, 5, 6))
            rendered = render_item(item, rng, dpi)
        except (ValueError, RuntimeError):  # undeclared pair; a font the shaper rejects
            continue
        profile = draw_profile(rng)
        for page in rendered[:2]:
            scanned = scan_page(page.image, profile, rng)
            out.append((np.asarray(scanned.image.convert("L")), scanned.rotation, scanned.skew_degrees))
    return out[:n]


def plain_pages(n: int, rng: random.Random, dpi: int) -> list[tuple[np.ndarray, int, float]]:
    """Fallback: German text rendered with one font, skewed, noisy, upright."""
    out = []
    size = (round(210 / 25.4 * dpi), round(297 / 25.4 * dpi))
    font = ImageFont.truetype(FONT, round(11 * dpi / 72))
    for _ in range(n):
        page = Image.new("L", size, 255)
        draw = ImageDraw.Draw(page)
        for i in range(rng.randint(8, 35)):
            words = " ".join(rng.choice(WORDS) for _ in range(8))
            draw.text((size[0] * 0.12, size[1] * 0.12 + i * font.size * 1.5), words, font=font, fill=25)
        skew = rng.uniform(-3, 3)
        matrix = cv2.getRotationMatrix2D((size[0] / 2, size[1] / 2), skew, 1.0)
        arr = cv2.warpAffine(np.asarray(page), matrix, size, borderValue=255)
        noise = np.random.default_rng(rng.getrandbits(32)).normal(0, 5, arr.shape)
        out.append((np.clip(arr * 0.85 + 25 + noise, 0, 255).astype(np.uint8), 0, skew))
    return out


def make_samples(n: int, seed: int, dpi: int) -> tuple[list[Sample], str]:
    rng = random.Random(seed)
    try:
        pages, source = synth_pages(n, rng, dpi), "mailroom.synth letters"
    except ImportError:
        pages = []
    if len(pages) < n:
        pages, source = plain_pages(n, rng, dpi), "plain rendered German text"
    samples = []
    for i, (image, scan_rotation, skew) in enumerate(pages):
        extra = (i % 4) * 90  # every quarter turn equally often
        turned = np.ascontiguousarray(np.rot90(image, extra // 90))
        samples.append(Sample(turned, (360 - scan_rotation - extra) % 360, skew))
    return samples, source


def osd_rotation(path: Path) -> int | None:
    """Tesseract's answer in clean_page's convention (None if it gives none).

    Its "Rotate: r" is the clockwise turn that makes the page upright."""
    try:
        osd = pytesseract.image_to_osd(str(path), config="--psm 0")
    except pytesseract.TesseractError:  # too few characters
        return None
    match = re.search(r"Rotate: (\d+)", osd)
    return (360 - int(match.group(1))) % 360 if match else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=40)
    parser.add_argument("--dpi", type=int, default=300)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    cv2.setNumThreads(1)  # one core, like one worker process
    os.environ["OMP_THREAD_LIMIT"] = "1"  # Tesseract's threads make it 6x slower here

    samples, source = make_samples(args.n, args.seed, args.dpi)
    print(f"pages: {len(samples)} ({source}), {args.dpi} dpi, seed {args.seed}")

    right, residuals, seconds = 0, [], 0.0
    for s in samples:
        start = time.perf_counter()
        cleaned = clean_page(s.image, args.dpi)
        seconds += time.perf_counter() - start
        if cleaned.rotation == s.rotation:
            right += 1
            residuals.append(abs(cleaned.skew - s.skew))

    osd_right = {"full": 0, "half": 0}
    osd_seconds = {"full": 0.0, "half": 0.0}
    with tempfile.TemporaryDirectory() as folder:
        for i, s in enumerate(samples):
            half = cv2.resize(s.image, None, fx=0.5, fy=0.5, interpolation=cv2.INTER_AREA)
            for name, image in (("full", s.image), ("half", half)):
                path = Path(folder) / f"{i}_{name}.png"
                cv2.imwrite(str(path), image)  # a file path: Tesseract's fastest input
                start = time.perf_counter()
                answer = osd_rotation(path)
                osd_seconds[name] += time.perf_counter() - start
                osd_right[name] += answer == s.rotation

    n = len(samples)
    per_page = seconds / n
    print(
        f"clean_page:            {right / n:6.1%} upright   {per_page:6.3f} s/page   "
        f"skew residual mean {np.mean(residuals):.2f}, p95 {np.percentile(residuals, 95):.2f}, "
        f"max {np.max(residuals):.2f} degrees"
    )
    for name, label in (("full", "full page"), ("half", "half size")):
        osd = osd_seconds[name] / n
        print(
            f"tesseract OSD {label}: {osd_right[name] / n:6.1%} upright   {osd:6.3f} s/page   "
            f"(clean_page is {osd / per_page:4.1f}x faster; no skew estimate)"
        )
    print("targets: >= 98% upright, skew residual < 0.3 degrees, <= 0.35 s/page")


if __name__ == "__main__":
    main()
