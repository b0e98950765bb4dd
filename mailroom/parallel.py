"""Worker processes for the CPU-bound stages (rendering, cleanup, OCR).

Workers start from a fork server, not by forking the caller: a process that has already
run OpenCV's or OpenMP's thread pools can leave forked children deadlocked. Each worker
keeps to one thread, since the pool already spreads the work over the cores, and dies
with the process that started the pool.

The fork server imports, once, the mailroom modules the starting process has imported
(and with them numpy, OpenCV, scikit-learn ...), and its children start with them loaded.
Without that, every pool process of every pool imports them itself, and Python 3.11's
fork server also has each one run the main script again (its preloading of `__main__`
never happens): 1.5-4 s of CPU per process before the first page, on 2 cores.
"""

from __future__ import annotations

import multiprocessing
import os
import select
import sys
import threading
from concurrent.futures import ProcessPoolExecutor


def process_pool(workers: int) -> ProcessPoolExecutor:
    """A pool of `workers` processes (0: one per core), each single-threaded, each
    ending when this process ends, however it ends."""
    count = workers or os.cpu_count() or 1
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(preloaded())  # takes effect when the fork server starts
    return ProcessPoolExecutor(count, mp_context=context, initializer=pool_worker, initargs=(os.getpid(),))


def preloaded() -> list[str]:
    """The modules the fork server imports before it forks any pool process: this package's
    modules that this process has imported (whichever program it runs), so that a pool
    process, which imports the main script's modules again, finds them loaded."""
    return sorted(name for name in sys.modules if name == "mailroom" or name.startswith("mailroom."))


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
