"""Where ingest time goes: CPU seconds per step, measured where each step runs (a pool
process or the recording process: the thread doing the step and the programs it ran, such
as Tesseract), summed over the pages and files it was spent on. CPU time, not the time on
the clock, so that other work on a shared machine does not blur the picture. Cheap enough
to take always; `mailroom ingest` reports them and `benchmarks/ingest.py` prints them per
page."""

from __future__ import annotations

import resource
from dataclasses import dataclass, fields

_THREAD = getattr(resource, "RUSAGE_THREAD", resource.RUSAGE_SELF)  # Linux: this thread only


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
    other: float = 0.0  # the rest of an ingest pass's own work: claiming, hashing, scheduling

    def __add__(self, other: Timings) -> Timings:
        return Timings(**{f.name: getattr(self, f.name) + getattr(other, f.name) for f in fields(self)})

    def steps(self) -> dict[str, float]:
        return {f.name: getattr(self, f.name) for f in fields(self)}

    @property
    def total(self) -> float:
        return sum(self.steps().values())


class Stopwatch:
    """CPU seconds of this thread and of the programs it ran (and waited for) since it was
    started or last read: `lap()` after each step."""

    def __init__(self) -> None:
        self._last = cpu_seconds()

    def lap(self) -> float:
        now = cpu_seconds()
        seconds, self._last = now - self._last, now
        return seconds


def cpu_seconds() -> float:
    """CPU time of this thread and of the finished child processes of this process."""
    thread, children = resource.getrusage(_THREAD), resource.getrusage(resource.RUSAGE_CHILDREN)
    return thread.ru_utime + thread.ru_stime + children.ru_utime + children.ru_stime
