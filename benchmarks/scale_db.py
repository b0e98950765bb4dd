"""Growth: the review app's pages and a coordinator pass at 100,000 items, against 1,000.

Fills a fresh SQLite file and a fresh PostgreSQL schema with synthetic rows by bulk
inserts (not the pipeline): source files, items in mixed states (mostly dispatched, a few
hundred in review, some quarantined, failed, undeliverable or waiting for a retry), their
pages with the text of generated letters (`mailroom.synth`), the event history,
deliveries and review decisions. Then it times through the real FastAPI app (TestClient,
an admin's session) the queue page, item pages of items in review, the admin page and
`/metrics`, and one coordinator pass (an ingest pass over an empty hot folder and a
dispatch pass, as `mailroom watch` runs them). The same on `--baseline` items shows
whether the times stay flat: the ratio large/baseline.

Needs the PostgreSQL of `.ci/run` (`--postgres ''` skips it). Usage:
  python benchmarks/scale_db.py [--items 100000] [--baseline 1000] [--requests 20]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import create_engine, insert, text

from mailroom.flow.local import run_in_process
from mailroom.flow.stages import DISPATCH, Context
from mailroom.ingest.intake import StabilityWatch
from mailroom.pipeline import ingest_once
from mailroom.review.app import SESSION_COOKIE, create_app
from mailroom.review.auth import add_user, start_session
from mailroom.settings import Settings, load_settings
from mailroom.store.db import Database, open_database
from mailroom.store.tables import Delivery, Event, Item, Page, ReviewDecision, SourceFile
from mailroom.synth.content import compose_item
from mailroom.synth.generate import load_synth_config, plan_items
from mailroom.synth.layout_style import document_text
from mailroom.terminal import progress_bar

POSTGRES = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
CHUNK = 5_000  # items per bulk insert
MODEL = "mailroom-classifier/7"
# items in the states other than dispatched, as many in a small installation as in a large
# one (the review backlog does not grow with the years), at most a tenth of the items each
OPEN = {"in_review": 300, "quarantined": 150, "failed": 60, "dead_letter": 20, "approved": 30}


@dataclass(frozen=True)
class Letter:
    doc_type: str
    route: str
    sender: str
    pages: tuple[str, ...]


def letters(count: int, seed: int) -> list[Letter]:
    """`count` generated letters (their text split into pages of about 1,800 characters)."""
    settings = load_settings()
    config = load_synth_config(settings.config_file("synth.yaml"), settings.taxonomy)
    found = []
    for plan in plan_items(config, count, seed):
        item = compose_item(plan.doc_type, plan.route, random.Random(plan.key), plan.received)
        body = "\n".join([document_text(item.letter), *(document_text(e) for e in item.enclosures)])
        pages = tuple(body[i : i + 1800] for i in range(0, len(body), 1800)) or ("",)
        found.append(Letter(plan.doc_type, plan.route, item.sender.name, pages[:4]))
    return found


def states(n: int) -> list[str]:
    """The state of each of `n` items, those not dispatched spread over the year."""
    result = ["dispatched"] * n
    rng = random.Random(n)
    chosen = rng.sample(range(n), sum(min(count, n // 10) for count in OPEN.values()))
    for state, count in OPEN.items():
        for index in chosen[: min(count, n // 10)]:
            result[index] = state
        chosen = chosen[min(count, n // 10) :]
    return result


def fill(db: Database, n: int, pool: list[Letter], progress: Callable[[int], None]) -> dict[str, list[str]]:
    """Insert `n` items with everything that belongs to them; returns item ids per state."""
    rng = random.Random(7)
    start = dt.datetime.now(dt.UTC) - dt.timedelta(days=365)
    step = dt.timedelta(days=365) / n
    by_state: dict[str, list[str]] = {}
    all_states = states(n)
    for first in range(0, n, CHUNK):
        rows: dict[Any, list[dict[str, Any]]] = {
            t: [] for t in (SourceFile, Item, Page, Event, Delivery, ReviewDecision)
        }
        for index in range(first, min(n, first + CHUNK)):
            state = all_states[index]
            letter = pool[index % len(pool)]
            at = start + step * index
            item_id = _item_rows(rows, index + 1, state, letter, at, rng)
            by_state.setdefault(state, []).append(item_id)
        with db.engine.begin() as connection:
            for table, values in rows.items():
                if values:
                    connection.execute(insert(table), values)
        progress(min(CHUNK, n - first))
    return by_state


def _item_rows(
    rows: dict[Any, list[dict[str, Any]]], number: int, state: str, letter: Letter, at: dt.datetime,
    rng: random.Random,
) -> str:  # fmt: skip
    sha = uuid.UUID(int=rng.getrandbits(128)).hex * 2
    item_id = f"{sha[:16]}-1"
    quarantined = state == "quarantined"
    source_state = "quarantined" if quarantined else "done"
    reason = "truncated PDF: no end-of-file marker" if quarantined else ""
    pages = () if quarantined else letter.pages
    rows[SourceFile].append(dict(
        id=number, sha256=sha, original_name=f"scan_{number:06d}.pdf", size=200_000 + len(pages) * 90_000,
        claim_path=f"work/claimed/{sha[:12]}.pdf", archive_path=f"archive/originals/{sha[:2]}/{sha}.pdf",
        state=source_state, reason=reason, page_count=len(pages), split_info={"dpi": 300, "separators": [], "blanks": []},
        received_at=at, updated_at=at,
    ))  # fmt: skip
    events = [("received", None, {"name": f"scan_{number:06d}.pdf", "sha256": sha})]
    flags: dict[str, Any] = {}
    labelled = dict(doc_type=None, route=None, confidence=None, decision=None, model_version=None)
    if quarantined:
        flags = {"reason": reason}
        events.append(("quarantined", item_id, {"reason": reason}))
    else:
        confidence = rng.uniform(0.4, 0.7) if state == "in_review" else rng.uniform(0.9, 1.0)
        decision = "review" if state == "in_review" or rng.random() < 0.35 else "auto"
        labelled = dict(doc_type=letter.doc_type, route=letter.route, confidence=confidence,
                        decision=decision, model_version=MODEL)  # fmt: skip
        deadline = (at + dt.timedelta(days=rng.randint(5, 30))).date().isoformat()
        flags = {
            "prediction": {
                "doc_type": letter.doc_type, "route": letter.route, "decision": decision, "reason": "",
                "decided_by": "model", "model_version": MODEL,
                "doc_type_top3": [{"label": letter.doc_type, "p": confidence}, {"label": "antrag", "p": 0.05}],
                "route_top3": [{"label": letter.route, "p": confidence}, {"label": "poststelle", "p": 0.04}],
            },
            "metadata": {"sender": letter.sender, "date": at.date().isoformat(), "deadline": deadline,
                         "references": {"aktenzeichen": [f"AZ {number}/26"]}},
        }  # fmt: skip
        events += [
            ("split", None, {"items": 1, "separators": [], "blanks": []}),
            ("ocr_done", item_id, {"pages": len(pages), "mean_confidence": 88.0}),
            ("classified", item_id, {"doc_type": letter.doc_type, "route": letter.route, "model_version": MODEL}),
            ("in_review" if decision == "review" else "auto_approved", item_id, {"reason": "", "decided_by": "model"}),
        ]  # fmt: skip
        if decision == "review" and state != "in_review":
            action = "correct" if rng.random() < 0.1 else "confirm"
            before = {"state": "in_review", "doc_type": letter.doc_type, "route": letter.route}
            after = {**before, "state": "approved" if state != "failed" else "failed"}
            rows[ReviewDecision].append(
                dict(
                    item_id=item_id,
                    user="rita",
                    at=at,
                    action=action,
                    route=letter.route,
                    before=before,
                    after=after,
                )
            )
            events.append(
                ("reviewed", item_id, {"user": "rita", "action": action, "before": before, "after": after})
            )
            flags["review"] = {"by": "rita", "at": at.isoformat(), "action": action}
        if state == "failed":
            flags["error"] = "TimeoutError('tesseract')"
            events.append(("failed", item_id, {"error": flags["error"]}))
        if state in ("dispatched", "dead_letter", "approved"):
            target = f"folder:offices/{letter.route}"
            delivered = at if state == "dispatched" else None
            retry = dt.datetime.now(dt.UTC) + dt.timedelta(hours=1) if state == "approved" else None
            rows[Delivery].append(dict(
                item_id=item_id, route=letter.route, connector="folder", target=target,
                idempotency_key=f"mailroom-{item_id}-{sha[:12]}", attempts=1 if delivered else 3, next_attempt_at=retry,
                last_error="" if delivered else "connection refused", receipt="written" if delivered else "",
                delivered_at=delivered, created_at=at, updated_at=at,
            ))  # fmt: skip
            kind = {"dispatched": "dispatched", "dead_letter": "dead_letter", "approved": "dispatch_failed"}[
                state
            ]
            events.append((kind, item_id, {"target": target, "attempts": 1, "previous_state": "approved"}))
        events.append(("done", None, {}))
    rows[Item].append(dict(
        id=item_id, source_id=number, position=1, state=state, page_count=len(pages),
        source_pages={"pages": list(range(len(pages)))}, pdf_path="" if quarantined else f"archive/pdf/{item_id}.pdf",
        mean_confidence=None if quarantined else 88.0, flags=flags, created_at=at, updated_at=at, **labelled,
    ))  # fmt: skip
    for page_number, page_text in enumerate(pages, start=1):
        words = [[w, 91.0, 10 * i, 40, 60, 20, i // 8] for i, w in enumerate(page_text.split()[:60])]
        rows[Page].append(dict(
            item_id=item_id, number=page_number, source_page=page_number - 1, rotation=0, skew=0.3,
            image_path=f"work/{item_id}/{page_number:03d}_clean.png", text=page_text, words={"words": words},
            mean_confidence=88.0, flags={"flags": []},
        ))  # fmt: skip
    for offset, (kind, item, detail) in enumerate(events):
        rows[Event].append(dict(at=at + dt.timedelta(seconds=offset), kind=kind, source_id=number,
                                item_id=item, detail=detail))  # fmt: skip
    return item_id


@contextmanager
def database(kind: str, root: Path, postgres: str) -> Iterator[str]:
    """The URL of a fresh SQLite file or PostgreSQL schema, dropped afterwards."""
    if kind == "sqlite":
        yield f"sqlite:///{root / f'{uuid.uuid4().hex[:8]}.db'}"
        return
    schema = f"scale_{uuid.uuid4().hex[:10]}"
    admin = create_engine(postgres)
    with admin.begin() as connection:
        connection.execute(text(f"CREATE SCHEMA {schema}"))
    try:
        yield f"{postgres}?options=-csearch_path%3D{schema}"
    finally:
        with admin.begin() as connection:
            connection.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()


def timed(call: Callable[[], Any], repeats: int) -> list[float]:
    call()  # warm: templates compiled, connections opened
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        call()
        times.append(time.perf_counter() - started)
    return times


def measure(
    settings: Settings, db: Database, by_state: dict[str, list[str]], repeats: int
) -> dict[str, list[float]]:
    """Seconds per request of each page, and of a coordinator pass."""
    add_user(db, "bench-admin", "admin", "bench-admin-password")
    client = TestClient(create_app(settings, db))
    client.cookies.set(SESSION_COOKIE, start_session(db, "bench-admin", 3600))
    review = by_state["in_review"]

    def get(path: Callable[[], str]) -> Callable[[], None]:
        def call() -> None:
            response = client.get(path())
            assert response.status_code == 200, (response.status_code, response.text[:300])

        return call

    picks = iter(random.Random(3).choices(review, k=repeats + 1))
    ctx = Context(settings, db)

    def coordinator_pass() -> None:
        ingest_once(settings, db, StabilityWatch(0))
        run_in_process(ctx, (DISPATCH,))

    return {
        "queue page": timed(get(lambda: "/"), repeats),
        "item page": timed(get(lambda: f"/items/{next(picks)}"), repeats),
        "admin page": timed(get(lambda: "/admin"), repeats),
        "/metrics": timed(get(lambda: "/metrics"), repeats),
        "coordinator pass": timed(coordinator_pass, max(3, repeats // 4)),
    }


def run(
    kind: str, n: int, root: Path, postgres: str, pool: list[Letter], repeats: int
) -> dict[str, list[float]]:
    with database(kind, root, postgres) as url:
        home = root / f"home-{kind}-{n}"
        settings = load_settings(env={"MAILROOM_HOME": str(home), "MAILROOM_DATABASE_URL": url})
        db = open_database(settings.database)
        try:
            started = time.perf_counter()
            with progress_bar() as bar:
                task = bar.add_task(f"{kind}: {n:,} items", total=n)
                by_state = fill(db, n, pool, lambda done: bar.update(task, advance=done))
            if kind == "postgresql":  # what autovacuum does to a year of rows: statistics, visibility map
                with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
                    connection.execute(text("VACUUM ANALYZE"))
            print(f"{kind}: {n:,} items filled in {time.perf_counter() - started:.1f} s")
            return measure(settings, db, by_state, repeats)
        finally:
            db.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--baseline", type=int, default=1_000)
    parser.add_argument("--requests", type=int, default=20, help="requests per page (and passes: a quarter)")
    parser.add_argument("--postgres", default=POSTGRES, help="'' skips PostgreSQL")
    parser.add_argument("--letters", type=int, default=400, help="generated letters whose texts are reused")
    args = parser.parse_args()
    pool = letters(args.letters, seed=13)
    kinds = ["sqlite"] + (["postgresql"] if args.postgres else [])
    with tempfile.TemporaryDirectory(prefix="mailroom-scale-db-") as tmp:
        for kind in kinds:
            base = run(kind, args.baseline, Path(tmp), args.postgres, pool, args.requests)
            large = run(kind, args.items, Path(tmp), args.postgres, pool, args.requests)
            print(f"\n{kind}: median (p95) in ms, {args.baseline:,} items vs {args.items:,} items")
            for name, times in large.items():
                limit = 1000 if name == "coordinator pass" else 200
                small, big = statistics.median(base[name]), statistics.median(times)
                ok = "ok" if big * 1000 <= limit else f"over {limit} ms"
                print(
                    f"  {name:17} {small * 1000:8.1f} ({_p95(base[name]) * 1000:7.1f})   "
                    f"{big * 1000:8.1f} ({_p95(times) * 1000:7.1f})   ratio {big / small:5.2f}x   {ok}"
                )


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


if __name__ == "__main__":
    main()
