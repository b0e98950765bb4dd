"""Search latency on 10,000 synthetic items, against a LIKE scan in the same run.

Fills a fresh SQLite database (and with --postgres a fresh PostgreSQL schema) with
synthetic letters: composed by mailroom.synth (no images rendered), their sender and
references found by classify/extract.py as in the pipeline, received over a year, in a
mix of states, and indexed by `index_item` as the store's write path does. Then it times
typical searches through `search_items` (one page of 20 with the total and snippets):
a sender's name, an Aktenzeichen, a word, a word with state and office, a 30-day period.
The baseline runs the same searches as a plain `LIKE '%…%'` scan over the OCR text
(the same filters, total and page); the ratio is baseline time over search time.

Usage:
  python benchmarks/search.py [--items 10000] [--queries 30] [--seed 3] [--postgres URL]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from sqlalchemy import create_engine, func, select, text

from mailroom.classify.extract import extract_metadata
from mailroom.classify.rules import load_rules
from mailroom.settings import load_settings
from mailroom.store.db import Database, open_database
from mailroom.store.items import item_record
from mailroom.store.search import SearchQuery, index_item, search_items
from mailroom.store.tables import Item, Page, SourceFile
from mailroom.synth.content import compose_item
from mailroom.synth.document import Bullets, Columns, Document, Fields, MailItem, Paragraph, Table
from mailroom.synth.generate import load_synth_config
from mailroom.taxonomy import load_taxonomy
from mailroom.terminal import progress_bar

STATES = ["dispatched"] * 6 + ["in_review"] * 2 + ["approved", "auto_approved", "failed"]
FIRST_DAY = dt.datetime(2025, 3, 1, 7, tzinfo=dt.UTC)
WORDS = [
    "Widerspruch",
    "Hundesteuer",
    "Bescheid",
    "Kita",
    "Baugenehmigung",
    "Mahnung",
    "Wohngeld",
    "Gebühren",
]
CHUNK = 500
T = TypeVar("T")


def letter_text(item: MailItem) -> str:
    """What OCR would read off the item: letter and enclosures, top to bottom."""
    return "\n\n".join(_document_text(doc) for doc in (item.letter, *item.enclosures))


def _document_text(doc: Document) -> str:
    lines = [doc.sender.name, *doc.sender.address, *doc.sender.contact]
    if doc.recipient:
        lines += [doc.recipient.name, doc.recipient.department, *doc.recipient.address]
    lines += [f"{doc.place}, {doc.date:%d.%m.%Y}", *(f"{kind}: {value}" for kind, value in doc.references)]
    lines += [doc.title, doc.subject, doc.salutation]
    for block in doc.body:
        if isinstance(block, Paragraph):
            lines.append(block.text)
        elif isinstance(block, Table):
            lines += [" ".join(row) for row in (block.header, *block.rows, *block.footer)]
        elif isinstance(block, Fields | Columns):
            lines += [f"{label}: {value}" for label, value in block.items]
        elif isinstance(block, Bullets):
            lines += list(block.items)
    lines += [doc.closing, doc.signature, *doc.enclosure_list]
    return "\n".join(line for line in lines if line)


def fill(db: Database, count: int, seed: int) -> dict[str, list[str]]:
    """`count` synthetic items, written and indexed; returns senders' surnames and
    references found, to search for."""
    settings = load_settings()
    taxonomy = load_taxonomy(settings.config_file("taxonomy.yaml"))
    pairs = load_synth_config(settings.config_file("synth.yaml"), taxonomy).all_pairs()
    rules = load_rules(settings.config_file("rules.yaml"))
    rng = random.Random(seed)
    found: dict[str, list[str]] = {"senders": [], "references": []}
    with db.session() as session:
        source = SourceFile(
            sha256=f"{seed:064d}", original_name="bench.pdf", size=1, claim_path="c/bench", state="done"
        )
        session.add(source)
        session.flush()
        source_id = source.id
    with progress_bar() as bar:
        task = bar.add_task("items", total=count)
        for start in range(0, count, CHUNK):
            with db.session() as session:
                for number in range(start, min(count, start + CHUNK)):
                    doc_type, route = rng.choice(pairs)
                    received = FIRST_DAY + dt.timedelta(minutes=rng.randrange(365 * 24 * 60))
                    mail = compose_item(doc_type, route, rng, received.date())
                    body = letter_text(mail)
                    metadata = extract_metadata(body, rules)
                    item_id = f"bench-{number:05d}"
                    session.add(Item(id=item_id, source_id=source_id, position=number + 1, state=rng.choice(STATES),
                                     page_count=1, doc_type=doc_type, route=route, created_at=received,
                                     flags={"metadata": metadata}))  # fmt: skip
                    session.flush()
                    session.add(Page(item_id=item_id, number=1, source_page=0, rotation=0, skew=0.0, image_path="",
                                     text=body, words={}, mean_confidence=90.0))  # fmt: skip
                    index_item(session, item_id)
                    _remember(found, metadata)
                    bar.advance(task)
    return found


def _remember(found: dict[str, list[str]], metadata: dict[str, object]) -> None:
    sender = str(metadata.get("sender") or "").split()
    if len(sender) >= 2 and sender[-1].isalpha():
        found["senders"].append(sender[-1])
    references = metadata.get("references")
    if isinstance(references, dict):
        found["references"] += references.get("Aktenzeichen", [])


def like_search(db: Database, query: SearchQuery) -> tuple[int, list[str]]:
    """The baseline: the same search as LIKE scans over the OCR text, newest first."""
    found = select(Item.id).where(
        *(Item.id.in_(select(Page.item_id).where(Page.text.contains(word, autoescape=True))) for word in
          (query.text, query.sender, query.reference) if word),
        *([Item.state == query.state] if query.state else []), *([Item.route == query.route] if query.route else []),
        *([Item.created_at >= query.received_from] if query.received_from else []),
        *([Item.created_at < query.received_until] if query.received_until else []),
    )  # fmt: skip
    with db.session() as session:
        total = session.scalar(select(func.count()).select_from(found.subquery())) or 0
        ids = list(session.scalars(found.order_by(Item.created_at.desc(), Item.id).limit(20)))
        [item_record(row) for row in session.scalars(select(Item).where(Item.id.in_(ids)))]
    return total, ids


def queries(found: dict[str, list[str]], count: int, seed: int) -> dict[str, list[SearchQuery]]:
    """`count` searches of each kind, with values drawn from the items."""
    rng = random.Random(seed)
    day = dt.timedelta(days=1)
    return {
        "sender's name": [SearchQuery(sender=rng.choice(found["senders"])) for _ in range(count)],
        "Aktenzeichen": [SearchQuery(reference=rng.choice(found["references"])) for _ in range(count)],
        "a word": [SearchQuery(text=rng.choice(WORDS)) for _ in range(count)],
        "word + state + office": [
            SearchQuery(
                text=rng.choice(WORDS), state="dispatched", route=rng.choice(["steueramt", "sozialamt"])
            )
            for _ in range(count)
        ],
        "30-day period": [
            SearchQuery(
                received_from=(start := FIRST_DAY + rng.randrange(330) * day), received_until=start + 30 * day
            )
            for _ in range(count)
        ],
    }


def timed(run: Callable[[], T]) -> tuple[float, T]:
    """Milliseconds `run` took, and what it returned."""
    start = time.perf_counter()
    result = run()
    return (time.perf_counter() - start) * 1000, result


def measure(db: Database, name: str, searches: dict[str, list[SearchQuery]]) -> None:
    print(f"\n{name}: milliseconds per search (one page of 20, total, snippets)")
    print(f"{'search':<24}{'median':>9}{'p95':>9}{'LIKE median':>13}{'LIKE p95':>10}{'ratio':>8}{'hits':>8}")
    with progress_bar() as bar:
        task = bar.add_task(name, total=sum(len(s) for s in searches.values()))
        rows = []
        for kind, batch in searches.items():
            fts, like, hits = [], [], []
            for query in batch:
                took, result = timed(lambda q=query: search_items(db, q))
                fts.append(took)
                hits.append(result.total)
                like.append(timed(lambda q=query: like_search(db, q))[0])
                bar.advance(task)
            rows.append((kind, fts, like, statistics.median(hits)))
    for kind, fts, like, hits in rows:
        median, like_median = statistics.median(fts), statistics.median(like)
        print(f"{kind:<24}{median:>9.1f}{_p95(fts):>9.1f}{like_median:>13.1f}{_p95(like):>10.1f}"
              f"{like_median / median:>7.1f}x{hits:>8.0f}")  # fmt: skip


def _p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1] if len(values) > 1 else values[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--items", type=int, default=10_000)
    parser.add_argument("--queries", type=int, default=30, help="searches of each kind")
    parser.add_argument("--seed", type=int, default=3)
    parser.add_argument("--postgres", default="", help="also on this PostgreSQL (a schema of its own)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = open_database(f"sqlite:///{Path(folder) / 'search.db'}")
        started = time.perf_counter()
        found = fill(db, args.items, args.seed)
        size = sum(path.stat().st_size for path in Path(folder).glob("search.db*")) / 1e6
        print(
            f"SQLite: {args.items} items written and indexed in {time.perf_counter() - started:.0f} s, {size:.0f} MB"
        )
        searches = queries(found, args.queries, args.seed)
        measure(db, "SQLite (FTS5)", searches)
        db.dispose()
    if args.postgres:
        schema = f"bench_{uuid.uuid4().hex[:10]}"
        admin = create_engine(args.postgres)
        with admin.begin() as connection:
            connection.execute(text(f"CREATE SCHEMA {schema}"))
        try:
            db = open_database(f"{args.postgres}?options=-csearch_path%3D{schema}")
            started = time.perf_counter()
            fill(db, args.items, args.seed)
            with db.engine.connect() as connection:
                connection.execute(text("ANALYZE"))
            print(
                f"\nPostgreSQL: {args.items} items written and indexed in {time.perf_counter() - started:.0f} s"
            )
            measure(db, "PostgreSQL (tsvector, german)", searches)
            db.dispose()
        finally:
            with admin.begin() as connection:
                connection.execute(text(f"DROP SCHEMA {schema} CASCADE"))
            admin.dispose()


if __name__ == "__main__":
    main()
