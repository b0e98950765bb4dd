"""Where ingest time goes: seconds per step, measured where each step runs (a pool process
or the recording process) and summed over the pages and files it was spent on. Cheap
enough to take always; `mailroom ingest` reports them and `benchmarks/ingest.py` prints
them per page."""

from __future__ import annotations

import time
from dataclasses import dataclass, fields


@dataclass(frozen=True)
class Timings:
    rasterise: float = 0.0  # a file's pages into page images (PDF rendering or image decoding)
    separate: float = 0.0  # barcodes and ink of every page: separator sheets, blank back sides
    clean: float = 0.0  # turning pages upright and straight
    save: float = 0.0  # writing the cleaned page images
    ocr: float = 0.0  # Tesseract
    pdf: float = 0.0  # the searchable PDF of each page and of each item
    database: float = 0.0  # recording what the stages found
    classify: float = 0.0

    def __add__(self, other: Timings) -> Timings:
        return Timings(**{f.name: getattr(self, f.name) + getattr(other, f.name) for f in fields(self)})

    def steps(self) -> dict[str, float]:
        return {f.name: getattr(self, f.name) for f in fields(self)}

    @property
    def total(self) -> float:
        return sum(self.steps().values())


class Stopwatch:
    """Seconds since it was started or last read: `lap()` after each step."""

    def __init__(self) -> None:
        self._last = time.perf_counter()

    def lap(self) -> float:
        now = time.perf_counter()
        seconds, self._last = now - self._last, now
        return seconds
