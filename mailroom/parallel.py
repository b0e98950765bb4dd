"""Worker processes for the CPU-bound stages (rendering, cleanup, OCR).

Workers start from a fork server, not by forking the caller: a process that has already
run OpenCV's or OpenMP's thread pools can leave forked children deadlocked. Each worker
keeps to one thread, since the pool already spreads the work over the cores, and dies
with the process that started the pool.
"""

from __future__ import annotations

import multiprocessing
import os
import select
import threading
from concurrent.futures import ProcessPoolExecutor


def process_pool(workers: int) -> ProcessPoolExecutor:
    """A pool of `workers` processes (0: one per core), each single-threaded, each
    ending when this process ends, however it ends."""
    count = workers or os.cpu_count() or 1
    context = multiprocessing.get_context("forkserver")
    return ProcessPoolExecutor(count, mp_context=context, initializer=pool_worker, initargs=(os.getpid(),))


def pool_worker(parent: int) -> None:
    """Initialise a pool process: one thread for the work, and a watcher that ends the
    process the moment `parent`, the process that started the pool, has ended (a pool
    process is a child of the fork server, which outlives a parent killed with SIGKILL)."""
    single_threaded()
    try:
        handle = os.pidfd_open(parent)
    except ProcessLookupError:
        os._exit(1)
    threading.Thread(target=_exit_with, args=(handle,), name="parent-watch", daemon=True).start()


def _exit_with(parent_handle: int) -> None:
    select.select([parent_handle], [], [])  # readable once the process has ended
    os._exit(1)


def single_threaded() -> None:
    """Keep OpenCV and Tesseract (OpenMP) to one thread in this process."""
    os.environ["OMP_THREAD_LIMIT"] = "1"
    import cv2

    cv2.setNumThreads(1)
