"""Scale-out: pages per minute with 1 and with 2 Celery worker processes, same files.

Each run starts its `mailroom worker --concurrency 1` processes (as on machines of their
own) against a fresh PostgreSQL schema and a Redis queue of its own, drops the same
synthetic scans into the hot folder and times `ingest_once` in the Celery mode: from
handing the files over to every item OCR'd and classified. The two set-ups take turns
for `--rounds` rounds (the first round also warms the disk cache); the best pages per
minute of each is compared, the 1-worker run being the baseline.

Needs the PostgreSQL and Redis of `.ci/run`. Usage:
  python benchmarks/scale.py [--items 30] [--batches 1] [--seed 23] [--rounds 2]
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

from sqlalchemy import create_engine, text

from mailroom.pipeline import ingest_once
from mailroom.settings import load_settings
from mailroom.store.db import open_database
from mailroom.synth.generate import generate, load_synth_config
from mailroom.taxonomy import load_taxonomy

POSTGRES = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
REDIS = "redis://127.0.0.1:6379/0"


def make_corpus(folder: Path, items: int, batches: int, seed: int) -> list[Path]:
    settings = load_settings()
    taxonomy = load_taxonomy(settings.config_file("taxonomy.yaml"))
    generate(
        folder, items, seed, load_synth_config(settings.config_file("synth.yaml"), taxonomy), batches=batches
    )
    return sorted(
        p for p in folder.rglob("*") if p.suffix in (".pdf", ".png", ".jpg", ".tiff", ".tif") and p.is_file()
    )


def run(files: list[Path], workers: int, root: Path, postgres: str, redis: str) -> tuple[int, float]:
    """Pages OCR'd and seconds taken with `workers` worker processes."""
    schema, queue = f"bench_{uuid.uuid4().hex[:10]}", f"bench-{uuid.uuid4().hex[:10]}"
    admin = create_engine(postgres)
    with admin.begin() as connection:
        connection.execute(text(f"CREATE SCHEMA {schema}"))
    home = root / f"home-{workers}"
    root.mkdir(parents=True, exist_ok=True)
    env = {
        **os.environ, "MAILROOM_HOME": str(home), "MAILROOM_DATABASE_URL": f"{postgres}?options=-csearch_path%3D{schema}",
        "MAILROOM_BROKER_URL": redis, "MAILROOM_WORKER__QUEUE": queue, "MAILROOM_INGEST__STABLE_SECONDS": "0",
    }  # fmt: skip
    processes = [start_worker(f"w{n}", env, root / f"w{workers}-{n}.log") for n in range(workers)]
    try:
        settings = load_settings(env=env)
        db = open_database(settings.database)
        (home / "inbox").mkdir(parents=True)
        for path in files:
            shutil.copy(path, home / "inbox" / path.name)
        started = time.perf_counter()
        report = ingest_once(settings, db)
        seconds = time.perf_counter() - started
        db.dispose()
    finally:
        for process in processes:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=60)
        with admin.begin() as connection:
            connection.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()
    return report.pages, seconds


def start_worker(name: str, env: dict[str, str], log: Path) -> subprocess.Popen:
    command = [sys.executable, "-m", "mailroom.cli", "worker", "--concurrency", "1", "--name", name]
    with log.open("wb") as out:
        process = subprocess.Popen(
            command, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
    deadline = time.monotonic() + 90
    while " ready." not in log.read_text(errors="replace"):
        if time.monotonic() > deadline or process.poll() is not None:
            raise SystemExit(f"worker {name} did not start:\n{log.read_text(errors='replace')[-2000:]}")
        time.sleep(0.2)
    return process


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=30)
    parser.add_argument("--batches", type=int, default=1)
    parser.add_argument("--seed", type=int, default=23)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--postgres", default=POSTGRES)
    parser.add_argument("--redis", default=REDIS)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="mailroom-scale-") as tmp:
        root = Path(tmp)
        files = make_corpus(root / "corpus", args.items, args.batches, args.seed)
        rates: dict[int, list[float]] = {1: [], 2: []}
        for round_ in range(1, args.rounds + 1):
            for workers in (1, 2):
                pages, seconds = run(files, workers, root / f"round-{round_}", args.postgres, args.redis)
                rates[workers].append(pages / seconds * 60)
                print(
                    f"round {round_}, {workers} worker process(es): {pages} pages in {seconds:.1f} s = {rates[workers][-1]:.1f} pages/min"
                )
    best = {workers: max(values) for workers, values in rates.items()}
    print(f"best: 1 worker {best[1]:.1f} pages/min, 2 workers {best[2]:.1f} pages/min")
    print(f"ratio 2 workers / 1 worker: {best[2] / best[1]:.2f}x (target >= 1.7x on {os.cpu_count()} cores)")


if __name__ == "__main__":
    main()
