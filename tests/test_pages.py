"""Page images of a scanner's file: a scanned PDF's JPEGs are taken at their own
resolution as poppler would show them; any other PDF is rendered by poppler."""

from __future__ import annotations

import io
import subprocess
from pathlib import Path

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont
from pypdf import PdfReader, PdfWriter

from mailroom.ingest.pages import inspect_source, rasterize

from badfiles import text_pdf

SERIF = "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf"
MAX_PIXELS = 60_000_000


def scan(dpi: int, mode: str = "L") -> Image.Image:
    """An A4 page of text at `dpi`, with a grey band so that colour conversion shows."""
    page = Image.new("L", (round(8.27 * dpi), round(11.69 * dpi)), 245)
    draw = ImageDraw.Draw(page)
    font = ImageFont.truetype(SERIF, round(11 * dpi / 72))
    for line in range(20):
        draw.text(
            (dpi, dpi + line * dpi / 4),
            f"Zeile {line}: Antrag auf Wohngeld, Aktenzeichen 32-{line}",
            30,
            font,
        )
    draw.rectangle((dpi, 7 * dpi, 3 * dpi, 8 * dpi), fill=128)
    return page.convert(mode)


def scanned_pdf(path: Path, pages: list[Image.Image], dpi: int) -> Path:
    pages[0].save(path, "PDF", save_all=True, append_images=pages[1:], resolution=dpi, quality=90)
    return path


def poppler(path: Path, dpi: int, page: int = 1) -> np.ndarray:
    done = subprocess.run(
        ["pdftoppm", "-r", str(dpi), "-gray", "-f", str(page), "-l", str(page), str(path)],
        capture_output=True,
        check=True,
    )
    return cv2.imdecode(np.frombuffer(done.stdout, np.uint8), cv2.IMREAD_GRAYSCALE)


def read(path: Path, folder: Path) -> list[tuple[np.ndarray, int]]:
    info = inspect_source(path, "pdf", 300, 20, MAX_PIXELS)
    rasters = rasterize(path, info, folder, MAX_PIXELS)
    return [(cv2.imread(str(r.path), cv2.IMREAD_GRAYSCALE), r.dpi) for r in rasters]


def difference(a: np.ndarray, b: np.ndarray) -> float:
    """Mean grey difference (poppler's rounding of the page size may add a pixel row)."""
    assert abs(a.shape[0] - b.shape[0]) <= 1 and abs(a.shape[1] - b.shape[1]) <= 1
    rows, cols = min(a.shape[0], b.shape[0]), min(a.shape[1], b.shape[1])
    return float(np.abs(a[:rows, :cols].astype(np.int16) - b[:rows, :cols]).mean())


def test_a_scanned_pdf_gives_its_images_at_their_own_resolution_as_poppler_shows_them(tmp_path: Path) -> None:
    pdf = scanned_pdf(tmp_path / "scan.pdf", [scan(150), scan(150, "RGB")], 150)
    pages = read(pdf, tmp_path / "rasters")
    assert [dpi for _, dpi in pages] == [150, 150]  # not re-rendered at 300 dpi
    for number, (gray, _) in enumerate(pages, start=1):
        assert difference(gray, poppler(pdf, 150, number)) < 3  # upside down: 12, 3 pixels off: 4.6


def test_a_turned_page_is_turned_and_a_finer_scan_reduced_to_the_ingest_dpi(tmp_path: Path) -> None:
    writer = PdfWriter(clone_from=scanned_pdf(tmp_path / "scan.pdf", [scan(200)], 200))
    writer.pages[0].rotate(90)
    writer.write(tmp_path / "turned.pdf")
    ((gray, dpi),) = read(tmp_path / "turned.pdf", tmp_path / "turned")
    assert dpi == 200 and gray.shape[1] > gray.shape[0]  # lies on its side, as poppler shows it
    assert difference(gray, poppler(tmp_path / "turned.pdf", 200)) < 3
    ((gray, dpi),) = read(scanned_pdf(tmp_path / "fine.pdf", [scan(400)], 400), tmp_path / "fine")
    assert dpi == 300 and difference(gray, poppler(tmp_path / "fine.pdf", 300)) < 3


def test_any_other_pdf_is_rendered_by_poppler_at_the_ingest_dpi(tmp_path: Path) -> None:
    (tmp_path / "text.pdf").write_bytes(text_pdf(1))
    scanned = PdfReader(scanned_pdf(tmp_path / "scan.pdf", [scan(150)], 150))
    mixed = PdfWriter(clone_from=scanned)
    text = PdfReader(io.BytesIO(text_pdf(1))).pages[0]
    mixed.pages[0].merge_page(text)  # a scan with text drawn over it: no plain scan any more
    mixed.write(tmp_path / "mixed.pdf")
    for name in ("text.pdf", "mixed.pdf"):
        ((gray, dpi),) = read(tmp_path / name, tmp_path / name.removesuffix(".pdf"))
        assert dpi == 300 and difference(gray, poppler(tmp_path / name, 300)) < 0.5
