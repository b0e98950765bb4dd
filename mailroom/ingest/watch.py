"""Watching the hot folder: wake up on every change in it, and claim the files that are
complete."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer
from watchdog.observers.polling import PollingObserver

from mailroom.ingest.intake import Claimed, StabilityWatch, claim, list_candidates, recover_claims

log = logging.getLogger(__name__)


def look_twice(inbox: Path, stable_seconds: float) -> StabilityWatch:
    """The watch of a single pass: the files of the inbox seen twice, `stable_seconds`
    apart, so that those that stood still meanwhile are ready."""
    watch = StabilityWatch(stable_seconds)
    if stable_seconds > 0 and watch.ready(list_candidates(inbox)) == [] and list_candidates(inbox):
        time.sleep(stable_seconds)
    return watch


def claim_ready(inbox: Path, claimed_dir: Path, watch: StabilityWatch) -> list[Claimed]:
    """The files an earlier process claimed and did not record, and every file of the inbox
    that stands still, moved out of it. A file that cannot be moved stays where it is."""
    claims = recover_claims(claimed_dir)
    for path in watch.ready(list_candidates(inbox)):
        try:
            claims.append(claim(path, claimed_dir, inbox))
        except FileNotFoundError:  # taken away while we looked
            continue
        except OSError as exc:  # it stays where it is; the run goes on
            if path not in watch.reported:
                log.warning(
                    "%s cannot be moved out of the inbox (%s): skipped until it can",
                    path,
                    exc.strerror or exc,
                )
                watch.reported.add(path)
    return claims


def next_look(watch: StabilityWatch, pause: float) -> float:
    """Seconds to wait for a change in the inbox before looking again anyway: until the
    first file seen still changing may have stood still long enough to be taken, at most
    `pause`. So a letter is taken the moment the intake rules allow, not a pause later."""
    due = watch.next_ready_in()
    return pause if due is None else min(pause, due + 0.01)


@contextmanager
def inbox_events(inbox: Path, polling: bool, poll_seconds: float) -> Iterator[threading.Event]:
    """An event set on any change in `inbox` (inotify through watchdog; `polling` for
    network shares, where inotify sees nothing)."""
    inbox.mkdir(parents=True, exist_ok=True)
    wake = threading.Event()
    observer = PollingObserver(timeout=poll_seconds) if polling else Observer()
    observer.schedule(_Wake(wake), str(inbox), recursive=True)
    observer.start()
    try:
        yield wake
    finally:
        observer.stop()
        observer.join()


class _Wake(FileSystemEventHandler):
    """Sets an event on any change in the watched folder."""

    def __init__(self, wake: threading.Event) -> None:
        super().__init__()
        self.wake = wake

    def on_any_event(self, event: FileSystemEvent) -> None:
        self.wake.set()
