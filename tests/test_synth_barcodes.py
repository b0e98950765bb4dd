"""Barcodes of separator sheets: they decode to PATCHT, also after scanning.

QR codes are read with OpenCV's QRCodeDetector. OpenCV's BarcodeDetector locates 1-D
codes but decodes only EAN/UPC (no Code 128 decoder in OpenCV 4.x/5.0), so Code 128 is
located with OpenCV and decoded with zxing-cpp, an independent reader.
"""

from __future__ import annotations

import random
from dataclasses import replace

import cv2
import numpy as np
import pytest
import zxingcpp

from mailroom.code128 import code128_symbols, decode_code128_row
from mailroom.synth import barcodes, layout, scan

TYPICAL = scan.ScanProfile(
    kind="office_gray",
    color=False,
    blur_sigma=0.7,
    noise_sigma=4.0,
    black=30.0,
    white=240.0,
    tint=(1.0, 0.99, 0.96),
    lighting=0.05,
    binding_shadow=0.1,
    speckle=3e-5,
    dust=4,
    border=0.5,
    max_skew=2.5,
    jpeg_quality=70,
    binarize=False,
    threshold=160.0,
    fax_lines=False,
)


def _read_code128(gray: np.ndarray) -> list[str]:
    return [r.text for r in zxingcpp.read_barcodes(gray) if r.format == zxingcpp.BarcodeFormat.Code128]


def test_code128_symbols_have_the_right_checksum() -> None:
    # PATCHT in set B: 104 start; P=48 A=33 T=52 C=35 H=40 T=52; checksum 1026 % 103 = 99.
    assert code128_symbols("PATCHT") == [104, 48, 33, 52, 35, 40, 52, 99, 106]
    with pytest.raises(ValueError):
        code128_symbols("Grüße")


@pytest.mark.parametrize("content", ["PATCHT", "Hello, World! 0123 ~{|}"])
def test_code128_decodes_with_an_independent_reader(content: str) -> None:
    image = np.pad(barcodes.code128_image(content, 3, 120), 30, constant_values=255)
    assert image.dtype == np.uint8
    assert _read_code128(image) == [content]


@pytest.mark.parametrize("content", ["PATCHT", "Hello, World! 0123 ~{|}"])
def test_the_ingest_decoder_agrees_with_the_independent_reader(content: str) -> None:
    image = np.pad(barcodes.code128_image(content, 3, 40), 30, constant_values=255)
    assert decode_code128_row(image[50]) == content == _read_code128(image)[0]
    assert decode_code128_row(image[50][::-1]) is None  # read backwards it is no code


def test_qr_decodes_with_opencv() -> None:
    image = barcodes.qr_image("PATCHT", 6)
    text, points, _ = cv2.QRCodeDetector().detectAndDecode(image)
    assert text == "PATCHT"


@pytest.mark.parametrize("dpi", [150, 300])
@pytest.mark.parametrize("seed", [0, 1])
def test_scanned_separator_qr_decodes_to_patcht(dpi: int, seed: int) -> None:
    rng = random.Random(seed)
    sheet = layout.render_separator("qr", rng, dpi)
    scanned = scan.scan_page(sheet, TYPICAL, rng)
    text, _, _ = cv2.QRCodeDetector().detectAndDecode(np.asarray(scanned.image.convert("L")))
    assert text == "PATCHT"


@pytest.mark.parametrize("dpi", [150, 300])
@pytest.mark.parametrize("seed", [0, 1])
def test_scanned_separator_code128_decodes_to_patcht(dpi: int, seed: int) -> None:
    rng = random.Random(seed)
    sheet = layout.render_separator("code128", rng, dpi)
    scanned = scan.scan_page(sheet, TYPICAL, rng)
    gray = np.asarray(scanned.image.convert("L"))
    found, _ = cv2.barcode.BarcodeDetector().detect(gray)
    assert found  # OpenCV locates it ...
    assert _read_code128(gray) == ["PATCHT"]  # ... and an independent reader decodes it


def test_scanned_separator_decodes_from_a_fax() -> None:
    rng = random.Random(4)
    fax = replace(TYPICAL, kind="fax", binarize=True, noise_sigma=10.0, jpeg_quality=None)
    for kind in ("qr", "code128"):
        scanned = scan.scan_page(layout.render_separator(kind, rng, 200), fax, rng)
        gray = np.asarray(scanned.image)
        if kind == "qr":
            assert cv2.QRCodeDetector().detectAndDecode(gray)[0] == "PATCHT"
        else:
            assert _read_code128(gray) == ["PATCHT"]
