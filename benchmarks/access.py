"""What protected mail costs the review queue: the queue of a reviewer not cleared for
anything protected (refresh, then the SQL filter) against the same queue unfiltered, on N
synthetic items in review, and the first refresh that finds every item's protection.

Usage: python benchmarks/access.py [--items 10000] [--repeat 20] [--database-url URL]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import tempfile
import time
from pathlib import Path

from mailroom.review.access import Clearance, refresh, visible_filter
from mailroom.review.queue import review_queue
from mailroom.settings import Settings
from mailroom.store.db import open_database
from mailroom.store.tables import Item, Page, SourceFile
from mailroom.terminal import progress_bar

ROUTES = [
    "buergeramt",
    "ordnungsamt",
    "umweltamt",
    "bauamt",
    "rechtsamt",
    "schulamt",
    "standesamt",
    "verkehrsbehoerde",
    "sozialamt",
    "steueramt",
]
WORDS = ["Antrag", "Bescheid", "Widerspruch", "Frist", "Straße", "Gebühr", "Anmeldung", "Wohnung", "Hund",
         "Steuer", "Kita", "Beitrag", "Grundstück", "Baugenehmigung", "Lärm", "Müll", "Rechnung", "Zahlung"]  # fmt: skip


def fill(db, n: int, rng: random.Random) -> None:
    now = dt.datetime.now(dt.UTC)
    with progress_bar() as bar, db.session() as session:
        task = bar.add_task("items", total=n)
        source = SourceFile(sha256="0" * 64, original_name="b.pdf", size=1, claim_path="c", state="done")
        session.add(source)
        session.flush()
        for i in range(n):
            routes = rng.sample(ROUTES, 3)
            prediction = {"route": {"top3": [[r, p] for r, p in zip(routes, (0.6, 0.3, 0.1), strict=True)]}}
            session.add(Item(id=f"item-{i:05d}", source_id=source.id, position=i, state="in_review", page_count=1,
                             flags={"prediction": prediction}, doc_type="antrag", route=routes[0],
                             created_at=now - dt.timedelta(minutes=i)))  # fmt: skip
            text = " ".join(rng.choice(WORDS) for _ in range(250)) + (
                " ärztliches Attest" if i % 20 == 0 else ""
            )
            session.add(Page(item_id=f"item-{i:05d}", number=1, source_page=0, rotation=0, skew=0.0,
                             image_path="", text=text, words={}, mean_confidence=90.0))  # fmt: skip
            bar.advance(task)


def median_ms(run, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--database-url", default="")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as home:
        settings = Settings(home=Path(home), database_url=args.database_url)
        db = open_database(settings.database)
        fill(db, args.items, random.Random(7))
        start = time.perf_counter()
        refresh(db)
        first = time.perf_counter() - start
        nobody = Clearance("nora", False, frozenset(), frozenset(settings.review.protected_routes))
        shown = len(review_queue(db, where=visible_filter(nobody)))
        baseline = median_ms(lambda: review_queue(db), args.repeat)
        filtered = median_ms(
            lambda: (refresh(db), review_queue(db, where=visible_filter(nobody))), args.repeat
        )
        noop = median_ms(lambda: refresh(db), args.repeat)
        one = median_ms(lambda: refresh(db, ["item-00042"]), args.repeat)
    print(
        f"{args.items} items in review on {db.engine.dialect.name}; a reviewer cleared for nothing sees {shown}"
    )
    print(f"first refresh (every item's protection found)  {first:8.2f} s")
    print(f"queue, unfiltered (baseline)                   {baseline:8.1f} ms")
    print(
        f"queue, refresh + filter                        {filtered:8.1f} ms  ({filtered / baseline:.2f}× the baseline)"
    )
    print(f"  of which refresh with nothing changed        {noop:8.1f} ms  ({noop / baseline:.2f}×)")
    print(f"refresh of one item (item page, PDF, image)    {one:8.1f} ms")


if __name__ == "__main__":
    main()
