"""Worker processes for the CPU-bound stages (rendering, cleanup, OCR).

Workers start from a fork server, not by forking the caller: a process that has already
run OpenCV's or OpenMP's thread pools can leave forked children deadlocked. Each worker
keeps to one thread, since the pool already spreads the work over the cores.
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor


def process_pool(workers: int) -> ProcessPoolExecutor:
    """A pool of `workers` processes (0: one per core), each single-threaded."""
    count = workers or os.cpu_count() or 1
    return ProcessPoolExecutor(count, mp_context=multiprocessing.get_context("forkserver"), initializer=single_threaded)


def single_threaded() -> None:
    """Keep OpenCV and Tesseract (OpenMP) to one thread in this process."""
    os.environ["OMP_THREAD_LIMIT"] = "1"
    import cv2

    cv2.setNumThreads(1)
