"""Barcode images for separator sheets: QR (via OpenCV) and Code 128 code set B.

Both return a uint8 array, 0 = black, 255 = white, with the quiet zone included.
"""

from __future__ import annotations

import cv2
import numpy as np

from mailroom.code128 import QUIET_MODULES, code128_modules


def code128_image(content: str, module_px: int, height_px: int) -> np.ndarray:
    """A Code 128 (set B) barcode of `content`: uint8 array, height_px x width.

    Each module is `module_px` pixels wide; a 10-module quiet zone is on both sides.
    """
    if module_px < 1 or height_px < 1:
        raise ValueError("module_px and height_px must be positive")
    modules = code128_modules(content)
    quiet = np.zeros(QUIET_MODULES, dtype=bool)
    row = np.concatenate([quiet, modules, quiet])
    line = np.where(np.repeat(row, module_px), 0, 255).astype(np.uint8)
    return np.tile(line, (height_px, 1))


def qr_image(content: str, module_px: int) -> np.ndarray:
    """A QR code of `content` (OpenCV's encoder): uint8 array with a 4-module quiet zone."""
    if module_px < 1:
        raise ValueError("module_px must be positive")
    raw = cv2.QRCodeEncoder.create().encode(content)
    # The encoder leaves a thin border; strip it and add the standard 4 modules.
    dark = np.argwhere(raw < 128)
    (top, left), (bottom, right) = dark.min(axis=0), dark.max(axis=0)
    code = raw[top : bottom + 1, left : right + 1]
    code = np.pad(code, 4, constant_values=255)
    return np.kron(code, np.ones((module_px, module_px), dtype=np.uint8))
