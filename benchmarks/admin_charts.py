"""The admin page's charts on a large installation: how much slower at `--items` items
than at `--baseline` items (the baseline run, same command, same database kind).

Each run fills a fresh database (SQLite by default, `--database-url` for PostgreSQL) with
twelve weeks of realistic mail: more on Mondays, little at weekends, automation rising
from 55 to 70 % and corrections falling, 1 % quarantined files, review taking hours to
days so that a queue of all ages stands; then it times the charts (`admin_charts`: their
queries and SVG, the first view and the median of the `--repeat` views after it, which count only the hours since; the rest of the admin page is timed by
benchmarks/scale_db.py). `--screenshot PATH` also saves the charts of the larger run as a
headless Chromium shows them (docs/admin-charts.png).

Usage:
  python benchmarks/admin_charts.py [--items 100000] [--baseline 1000] [--repeat 5]
      [--database-url postgresql+psycopg://postgres@127.0.0.1:5432/test] [--screenshot docs/admin-charts.png]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import tempfile
import threading
import time
import uuid
from pathlib import Path

from sqlalchemy import create_engine, insert, text

from mailroom.review.app import create_app
from mailroom.review.auth import add_user
from mailroom.review.charts import admin_charts
from mailroom.review.stats import collect
from mailroom.settings import Settings
from mailroom.store.db import Database, open_database
from mailroom.store.tables import Event, Item, ReviewDecision, SourceFile
from mailroom.terminal import progress_bar

PASSWORD = "benchmark-admin-pw"
WEEKS = 12
WEEKDAY_SHARE = (1.4, 1.0, 1.0, 1.0, 0.9, 0.08, 0.02)  # Monday brings the weekend's mail


def seed(db: Database, items: int, routes: list[str], doc_types: list[str], now: dt.datetime, seed: int = 7) -> None:  # fmt: skip
    """`items` items received over the last twelve weeks, with their events and reviews."""
    rng = random.Random(seed)
    route_weights = [rng.uniform(0.3, 3) for _ in routes]
    hard = {route: rng.uniform(0.5, 2.2) for route in routes}  # some offices' mail is corrected more
    days = [now - dt.timedelta(days=n) for n in range(WEEKS * 7)]
    day_weights = [WEEKDAY_SHARE[d.weekday()] for d in days]
    rows: dict[type, list[dict]] = {SourceFile: [], Item: [], Event: [], ReviewDecision: []}
    with progress_bar() as bar:
        task = bar.add_task(f"seeding {items:,} items", total=items)
        for n in range(items):
            day = rng.choices(days, day_weights)[0]
            created = day.replace(hour=5, minute=0) + dt.timedelta(
                minutes=rng.uniform(0, 960)
            )  # scans, faxes, e-mail
            created = min(created, now - dt.timedelta(minutes=rng.uniform(1, 50)))
            age = (now - created).days / (WEEKS * 7)  # 1: twelve weeks ago, 0: today
            route, doc_type = rng.choices(routes, route_weights)[0], rng.choice(doc_types)
            item_id, source_id = f"bench-{n:06d}", n + 1
            rows[SourceFile].append({"id": source_id, "sha256": f"{n:064x}", "original_name": f"scan-{n}.pdf",
                                     "size": 1, "claim_path": f"work/claimed/{n}.pdf", "state": "done", "received_at": created})  # fmt: skip
            item = {"id": item_id, "source_id": source_id, "position": 1, "page_count": 1, "doc_type": doc_type,
                    "route": route, "confidence": 0.9, "created_at": created, "flags": {}, "source_pages": {}}  # fmt: skip
            classified = created + dt.timedelta(minutes=2)
            if rng.random() < 0.01:
                item |= {"state": "quarantined", "doc_type": None, "route": None, "confidence": None}
                rows[Event].append({"at": created, "kind": "quarantined", "source_id": source_id, "item_id": item_id, "detail": {}})  # fmt: skip
            elif rng.random() < 0.70 - 0.15 * age:
                item |= {"state": "dispatched", "decision": "auto"}
                rows[Event].append(
                    {"at": classified, "kind": "auto_approved", "item_id": item_id, "detail": {}}
                )
            else:
                item["decision"] = "review"
                rows[Event].append({"at": classified, "kind": "in_review", "item_id": item_id, "detail": {}})
                reviewed = classified + dt.timedelta(hours=rng.expovariate(1 / 14))
                if reviewed > now:
                    item["state"] = "in_review"
                else:
                    corrected = rng.random() < (0.08 + 0.08 * age) * hard[route]
                    after = rng.choice(routes) if corrected else route
                    item |= {"state": "dispatched", "route": after}
                    rows[ReviewDecision].append({"item_id": item_id, "user": "rita", "at": reviewed,
                        "action": "correct" if corrected else "confirm", "before": {"state": "in_review", "doc_type": doc_type, "route": route},
                        "after": {"state": "approved", "doc_type": doc_type, "route": after}})  # fmt: skip
            rows[Item].append(item)
            if len(rows[Item]) == 5000 or n == items - 1:
                with db.session() as session:
                    for table, batch in rows.items():
                        if batch:
                            session.execute(insert(table), batch)
                        batch.clear()
                bar.update(task, completed=n + 1)


def run(items: int, url: str, repeat: int, root: Path, screenshot: Path | None) -> tuple[float, float]:
    """Seconds of the charts over `items` items: the first view after the start (every hour
    counted) and the median of the views after it (only the hours since counted)."""
    home = root / f"home-{items}"
    home.mkdir(parents=True)
    settings = Settings(home=home, database_url=url or f"sqlite:///{home / 'mailroom.db'}")
    db = open_database(settings.database)
    taxonomy, now = settings.taxonomy, dt.datetime.now(dt.UTC)
    seed(db, items, list(taxonomy.routes), list(taxonomy.doc_types), now)
    app = create_app(settings, db)
    corrections = collect(db).corrections  # the admin page's own figures, computed anyway
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        admin_charts(db, app.state.mailroom.language, taxonomy, corrections)
        times.append(time.perf_counter() - start)
    if screenshot:
        add_user(db, "adam", "admin", PASSWORD)
        take_screenshot(app, screenshot)
    db.dispose()
    return times[0], statistics.median(times[1:] or times)


def take_screenshot(app, target: Path) -> None:
    """The charts of the admin page in a headless Chromium, as a PNG."""
    import uvicorn
    from playwright.sync_api import sync_playwright

    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=8765, log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1200, "height": 900})
        page.goto("http://127.0.0.1:8765/login")
        page.fill("input[name=name]", "adam")
        page.fill("input[name=password]", PASSWORD)
        page.click("button[type=submit]")
        page.goto("http://127.0.0.1:8765/admin")
        page.locator(".charts").screenshot(path=str(target))
        browser.close()
    server.should_exit = True
    print(f"screenshot: {target} ({target.stat().st_size / 1024:.0f} KB)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--baseline", type=int, default=1_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument(
        "--database-url", default="", help="PostgreSQL URL; each run gets a schema of its own"
    )
    parser.add_argument("--screenshot", type=Path, default=None)
    args = parser.parse_args()
    results = {}
    with tempfile.TemporaryDirectory() as folder:
        for items in (args.baseline, args.items):
            url, schema = args.database_url, f"bench_{uuid.uuid4().hex[:10]}"
            if url:
                with create_engine(url).begin() as connection:
                    connection.execute(text(f"CREATE SCHEMA {schema}"))
                url = f"{url}?options=-csearch_path%3D{schema}"
            try:
                shot = args.screenshot if items == args.items else None
                results[items] = run(items, url, args.repeat, Path(folder), shot)
            finally:
                if args.database_url:
                    with create_engine(args.database_url).begin() as connection:
                        connection.execute(text(f"DROP SCHEMA {schema} CASCADE"))
    base = results[args.baseline]
    print(f"database: {'PostgreSQL' if args.database_url else 'SQLite'}")
    print(f"{'items':>9} {'first view':>11} {'× baseline':>11} {'later views':>12} {'× baseline':>11}")
    for items, (first, later) in results.items():
        print(
            f"{items:>9,} {first * 1000:>8.0f} ms {first / base[0]:>11.1f} "
            f"{later * 1000:>9.0f} ms {later / base[1]:>11.1f}"
        )


if __name__ == "__main__":
    main()
