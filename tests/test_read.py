"""Reading a page: the cleaned image is kept as a PNG with its resolution, and the page's
searchable PDF shows that image, unchanged, under the text Tesseract read."""

from __future__ import annotations

import dataclasses
import subprocess
from pathlib import Path

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont

from mailroom.ingest.read import read_page
from mailroom.settings import OcrSettings

SANS = "/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf"
LINES = ["Stadtverwaltung Chemnitz", "Antrag auf Wohngeld", "Zwickauer Straße 12"]


def test_the_searchable_page_shows_the_cleaned_image_under_the_text(tmp_path: Path) -> None:
    page = Image.new("L", (1654, 1000), 250)  # 200 dpi, A4 wide
    draw = ImageDraw.Draw(page)
    for number, line in enumerate(LINES):
        draw.text((200, 200 + number * 80), line, 20, ImageFont.truetype(SANS, 42))
    done = read_page(np.asarray(page), 200, tmp_path / "001_clean.png", OcrSettings())
    (tmp_path / "001.pdf").write_bytes(done.pdf)
    kept = cv2.imread(str(tmp_path / "001_clean.png"), cv2.IMREAD_GRAYSCALE)
    assert np.array_equal(kept, done.cleaned.image)
    assert [round(d) for d in Image.open(tmp_path / "001_clean.png").info["dpi"]] == [200, 200]
    listed = subprocess.run(["pdfimages", "-list", str(tmp_path / "001.pdf")], capture_output=True, text=True)
    (image,) = [line.split() for line in listed.stdout.splitlines()[2:]]  # one image: the page, as it is
    assert (image[3], image[4], image[12]) == ("1654", "1000", "200")
    shown = subprocess.run(
        ["pdftoppm", "-r", "200", "-gray", str(tmp_path / "001.pdf")], capture_output=True, check=True
    ).stdout
    shown_image = cv2.imdecode(np.frombuffer(shown, np.uint8), cv2.IMREAD_GRAYSCALE)
    assert float(np.abs(shown_image.astype(np.int16) - kept).mean()) < 1  # lossless, in place
    text = subprocess.run(
        ["pdftotext", str(tmp_path / "001.pdf"), "-"], capture_output=True, text=True
    ).stdout
    assert all(line in text for line in LINES) and all(line in done.ocr.text for line in LINES)
    assert done.timings.ocr > 0 and done.timings.clean > 0  # CPU seconds; a quick step may round to 0
    assert min(dataclasses.astuple(done.timings)) >= 0
