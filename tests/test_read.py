"""Reading a page: the cleaned image is kept as a PNG with its resolution, and the page's
searchable PDF shows that image, unchanged, under the text Tesseract read."""

from __future__ import annotations

import dataclasses
import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont

from mailroom.ingest.ocr import ocr_page
from mailroom.ingest.read import read_page
from mailroom.settings import OcrSettings

SANS = "/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf"
LINES = ["Stadtverwaltung Chemnitz", "Antrag auf Wohngeld", "Zwickauer Straße 12"]


def _letter() -> np.ndarray:
    """Three lines of text on a page 1654 pixels wide: A4 at 200 dpi."""
    page = Image.new("L", (1654, 1000), 250)
    draw = ImageDraw.Draw(page)
    for number, line in enumerate(LINES):
        draw.text((200, 200 + number * 80), line, 20, ImageFont.truetype(SANS, 42))
    return np.asarray(page)


def test_the_searchable_page_shows_the_cleaned_image_under_the_text(tmp_path: Path) -> None:
    done = read_page(_letter(), 200, tmp_path / "001_clean.png", OcrSettings())
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


def test_the_loaded_tesseract_reads_the_same_words_and_boxes_as_the_command(tmp_path: Path) -> None:
    gray = _letter()
    cv2.imwrite(str(tmp_path / "page.pgm"), gray)
    command = subprocess.run(
        ["tesseract", str(tmp_path / "page.pgm"), "-", "--psm", "3", "--dpi", "200", "-l", "deu", "tsv"],
        capture_output=True, text=True, check=True, env={"OMP_THREAD_LIMIT": "1", "PATH": "/usr/bin:/bin"},
    ).stdout  # fmt: skip
    expected = [tuple(row.split("\t")[6:10] + [row.split("\t")[11]]) for row in command.splitlines()
                if row.startswith("5\t") and row.split("\t")[11].strip()]  # fmt: skip
    for _ in range(2):  # the second page is read by the Tesseract kept from the first
        page, pdf = ocr_page(gray, 200, OcrSettings())
        assert [
            (str(w.left), str(w.top), str(w.width), str(w.height), w.text) for w in page.words
        ] == expected
        assert pdf.startswith(b"%PDF") and b"/XObject" not in pdf  # the text layer alone


def test_a_page_over_its_time_is_flagged_and_the_next_page_is_read() -> None:
    page, pdf = ocr_page(_letter(), 200, OcrSettings(timeout_seconds=0.001))
    assert (page.text, page.flags, pdf) == ("", ("timeout",), b"")
    page, _ = ocr_page(_letter(), 200, OcrSettings())
    assert all(line in page.text for line in LINES) and page.flags == ()


def test_pages_read_at_once_in_threads_each_get_their_own_words() -> None:
    blank = np.full((1000, 1654), 250, np.uint8)
    with ThreadPoolExecutor(2) as pool:
        done = list(
            pool.map(lambda g: ocr_page(g, 200, OcrSettings(), text_layer=False)[0], [_letter(), blank] * 2)
        )
    assert [all(line in d.text for line in LINES) for d in done] == [True, False, True, False]
    assert [d.flags for d in done[1::2]] == [("no_text",)] * 2
