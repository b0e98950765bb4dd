"""Small image helpers shared by the ingest stages."""

from __future__ import annotations

import cv2
import numpy as np


def as_gray(image: np.ndarray) -> np.ndarray:
    """An 8-bit grey image of a grey or BGR one."""
    if image.ndim == 3:
        return cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)
    return image


def downscale(gray: np.ndarray, dpi: float, target_dpi: float) -> np.ndarray:
    """`gray` reduced from `dpi` to `target_dpi` (unchanged if it is not larger)."""
    if dpi <= target_dpi * 1.05:
        return gray
    factor = target_dpi / dpi
    size = (max(1, round(gray.shape[1] * factor)), max(1, round(gray.shape[0] * factor)))
    return cv2.resize(gray, size, interpolation=cv2.INTER_AREA)
