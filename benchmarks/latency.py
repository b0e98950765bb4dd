"""Latency: from a one-page letter landing in the hot folder of a running `mailroom watch`
to its item being classified and visible in the review queue (or on its way to dispatch).

Starts a real `mailroom watch` on a temporary MAILROOM_HOME (SQLite), generates one-page
letters with our own generator (`mailroom.synth`), and drops them one at a time into the
hot folder: written under a temporary name, then renamed, as a scanner does. The
database is polled every 20 ms for the item. Prints p50/p95 over the letters of the
whole way, of the way without the stability wait (`ingest.stable_seconds`, which the
intake rules demand: a file must stand still that long before it is taken), and a
breakdown from the item's events: landing → claimed (the stability wait and the watcher's
reaction), claimed → split, split → OCR'd, OCR'd → classified. The first letter after
the start (model and pool loading) is shown apart.

Usage:
  python benchmarks/latency.py [--letters 20] [--seed 31] [--stable-seconds 2]
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import create_engine, select
from sqlalchemy.engine import Engine

from mailroom.settings import load_settings
from mailroom.store.tables import Event, Item, SourceFile
from mailroom.synth.generate import generate, load_synth_config
from mailroom.terminal import progress_bar

VISIBLE = {"in_review", "auto_approved", "approved", "dispatched", "dead_letter"}
STEPS = (("claimed", "received"), ("split", "split"), ("OCR'd", "ocr_done"), ("classified", "classified"))


def one_page_letters(folder: Path, count: int, seed: int) -> list[Path]:
    """`count` generated letters of one page each (more are generated, the longer dropped)."""
    settings = load_settings()
    config = load_synth_config(settings.config_file("synth.yaml"), settings.taxonomy)
    generate(folder, count * 3, seed, config)
    with (folder / "labels.csv").open(encoding="utf-8") as labels:
        found = [folder / row["path"] for row in csv.DictReader(labels) if row["pages"] == "1"]
    if len(found) < count:
        raise SystemExit(
            f"only {len(found)} one-page letters among {count * 3} generated; try another --seed"
        )
    return found[:count]


def start_watch(home: Path, env: dict[str, str], log: Path) -> subprocess.Popen:
    command = [sys.executable, "-m", "mailroom.cli", "watch"]
    with log.open("wb") as out:
        process = subprocess.Popen(
            command, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
    deadline = time.monotonic() + 120
    while "watching" not in log.read_text(errors="replace"):
        if time.monotonic() > deadline or process.poll() is not None:
            raise SystemExit(f"mailroom watch did not start:\n{log.read_text(errors='replace')[-2000:]}")
        time.sleep(0.1)
    return process


def drop(letter: Path, inbox: Path, name: str) -> float:
    """Write the letter under a temporary name, then rename it: it lands at once, whole."""
    temporary = inbox / f".{name}.part"
    shutil.copyfile(letter, temporary)
    os.rename(temporary, inbox / name)
    return time.time()


def wait_visible(engine: Engine, name: str, timeout: float) -> tuple[float, dict[str, float]]:
    """Seconds since the epoch when the item of file `name` became visible, and the times of
    its events by kind. Raises SystemExit if it ends elsewhere or does not come."""
    deadline = time.monotonic() + timeout
    query = select(Item.state, Item.id, SourceFile.id).join(SourceFile, Item.source_id == SourceFile.id)
    while time.monotonic() < deadline:
        with engine.connect() as connection:
            row = connection.execute(query.where(SourceFile.original_name == name)).first()
            if row is not None and row.state in VISIBLE:
                seen = time.time()
                events = connection.execute(
                    select(Event.kind, Event.at).where(
                        (Event.source_id == row[2]) | (Event.item_id == row[1])
                    )
                ).all()
                return seen, {kind: _epoch(at) for kind, at in events}
            if row is not None and row.state in ("quarantined", "failed"):
                raise SystemExit(f"{name} ended {row.state}, not in the queue")
        time.sleep(0.02)
    raise SystemExit(f"{name} was not visible after {timeout:.0f} s")


def _epoch(at: dt.datetime) -> float:
    return (at if at.tzinfo else at.replace(tzinfo=dt.UTC)).timestamp()


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--letters", type=int, default=20)
    parser.add_argument("--seed", type=int, default=31)
    parser.add_argument("--stable-seconds", type=float, default=load_settings().ingest.stable_seconds)
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds a letter may take at most")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="mailroom-latency-") as tmp:
        root = Path(tmp)
        letters = one_page_letters(root / "corpus", args.letters + 1, args.seed)
        home = root / "home"
        env = {
            **os.environ,
            "MAILROOM_HOME": str(home),
            "MAILROOM_INGEST__STABLE_SECONDS": str(args.stable_seconds),
        }
        env.pop("MAILROOM_DATABASE_URL", None)
        env.pop("MAILROOM_BROKER_URL", None)
        (home / "inbox").mkdir(parents=True)  # the scanner's folder is there before the watch
        process = start_watch(home, env, root / "watch.log")
        engine = create_engine(f"sqlite:///{home / 'mailroom.db'}")
        totals, steps = [], {label: [] for label, _ in STEPS}
        try:
            with progress_bar() as bar:
                task = bar.add_task("letters", total=len(letters))
                for number, letter in enumerate(letters):
                    name = f"letter_{number:03d}{letter.suffix}"
                    landed = drop(letter, home / "inbox", name)
                    seen, events = wait_visible(engine, name, args.timeout)
                    bar.update(task, advance=1)
                    if number == 0:
                        first = seen - landed
                        continue
                    totals.append(seen - landed)
                    previous = landed
                    for label, kind in STEPS:
                        steps[label].append(events[kind] - previous)
                        previous = events[kind]
                    time.sleep(0.3)
        finally:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=60)
            engine.dispose()
    waitless = [t - args.stable_seconds for t in totals]
    print(f"{len(totals)} one-page letters through a running `mailroom watch` on {os.cpu_count()} cores")
    print(f"first letter after the start (model and pool loading included): {first:.2f} s")
    print(
        f"landing → visible:                      p50 {statistics.median(totals):5.2f} s   p95 {percentile(totals, 0.95):5.2f} s"
    )
    print(
        f"without the stability wait ({args.stable_seconds:g} s):     p50 {statistics.median(waitless):5.2f} s   p95 {percentile(waitless, 0.95):5.2f} s   (target p95 <= 5 s)"
    )
    print("breakdown (median, p95 in s):")
    previous = "landing"
    for label, values in steps.items():
        print(
            f"  {previous} → {label}:{' ' * (24 - len(previous) - len(label))}{statistics.median(values):5.2f}   {percentile(values, 0.95):5.2f}"
        )
        previous = label
    rest = [t - sum(values[i] for values in steps.values()) for i, t in enumerate(totals)]
    print(f"  classified → seen by the poll:  {statistics.median(rest):5.2f}   {percentile(rest, 0.95):5.2f}")


if __name__ == "__main__":
    main()
