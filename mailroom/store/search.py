"""Search over the items: sender, references, the whole OCR text, received date range,
state, route and document type, with the database's own full-text search.

The index. `item_search_texts` holds one row per item that has text: its sender, its
references (and IBANs) as found by classify/extract.py, and the OCR text of its pages.
`index_item` writes that row; the store's write path calls it in the transaction that
writes the text or the metadata (OCR recorded, item classified, pages split or merged).
State, route, doc_type and the received time are read from `items` at query time, so a
review decision needs no new index row.
- SQLite: the FTS5 table `item_search` over that table (external content, kept by
  triggers), tokenizer `unicode61 remove_diacritics 2` (Müller = Muller). FTS5 has no
  German stemmer: the last word of a term loses one common ending (-en, -er, -es, -e,
  -n, -s; at least four letters stay) and is searched as a prefix, so "Gebühren" finds
  "Gebühr" and "Gebührenbescheid". Ranked by bm25, sender before references before text.
- PostgreSQL: the generated column `document`, a tsvector in the `german` configuration
  (Snowball stemming, umlauts folded; sender weighted A, references B), with a GIN
  index; terms are searched as prefixes of their stems, ranked by ts_rank.
Punctuation inside a token ("123/24", "1.234.567890.1", "Müller-Lüdenscheidt") splits it
on both databases, so a reference matches as the phrase of its parts.

Queries. User input never reaches SQL or the FTS syntax as written: each field is cut
into runs of letters and digits (a quoted "…" part, or a word with punctuation inside,
becomes one phrase), those are quoted by this module and passed as a bound parameter.
Input without any letter or digit searches nothing (`SearchQuery.has_words`).

Visibility. `search_items` takes the caller's restriction: `allowed_routes` (None: all
routes; otherwise only items whose route is one of them, items without a route hidden)
and/or `visible`, any SQL condition over `tables.Item` (e.g. the restricted queues'
rule), ANDed into the query, so hidden items are neither listed nor counted.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Select, bindparam, column, func, literal_column, select, table
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from mailroom.item_state import ItemMetadata, StoredItem
from mailroom.store.db import Database
from mailroom.store.items import flags_of, item_record
from mailroom.store.tables import Item, Page

TEXTS, FTS = "item_search_texts", "item_search"
GLUE = "/.,-@_:+~"  # characters PostgreSQL's parser keeps inside a token; split like FTS5 does
PER_PAGE = 20
MAX_TERMS = 16  # runs of letters and digits per query, all fields together
MAX_FIELD = 300  # characters per field
ENDINGS = ("ern", "en", "er", "es", "e", "n", "s")  # German inflection endings, longest first
START, STOP = "\x02", "\x03"  # around hits in snippets: not in OCR text, not HTML

_texts = table(
    TEXTS,
    column("id"),
    column("item_id"),
    column("sender"),
    column("refs"),
    column("body"),
    column("document"),
)
_fts = table(FTS, column("rowid"))
_TERM = re.compile(r'"([^"]*)"|(\S+)')
_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class SearchQuery:
    """What to look for. Empty fields and None do not restrict; the received range is
    [received_from, received_until) in aware datetimes."""

    text: str = ""  # words anywhere: sender, references, OCR text
    sender: str = ""
    reference: str = ""
    received_from: dt.datetime | None = None
    received_until: dt.datetime | None = None
    state: str | None = None
    route: str | None = None
    doc_type: str | None = None
    newest_first: bool = False  # else best match first (newest first without words)
    page: int = 1
    per_page: int = PER_PAGE

    def terms(self) -> dict[str, list[list[str]]]:
        """Field ("text", "sender", "refs") → its terms, each term the runs of letters and
        digits of a word or quoted phrase; at most MAX_TERMS runs in all."""
        found: dict[str, list[list[str]]] = {}
        budget = MAX_TERMS
        for name, value in (("text", self.text), ("sender", self.sender), ("refs", self.reference)):
            for quoted, word in _TERM.findall(value[:MAX_FIELD]):
                runs = _WORD.findall(quoted or word)[:budget]
                if runs:
                    found.setdefault(name, []).append(runs)
                    budget -= len(runs)
        return found

    def has_words(self) -> bool:
        return bool(self.terms())


@dataclass(frozen=True)
class SearchHit:
    item: StoredItem
    snippet: tuple[tuple[str, bool], ...]  # the OCR text around the hits: (part, is a hit)


@dataclass(frozen=True)
class SearchResult:
    hits: list[SearchHit]
    total: int  # matching items on all pages
    page: int
    per_page: int

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))


def is_index_table(name: str) -> bool:
    """A table of the search index: made by migration 0008 beside the declared tables (on
    SQLite with FTS5's own tables), so comparisons of the schema with them pass it over."""
    return name == FTS or name.startswith(f"{FTS}_")  # item_search_texts, FTS5's item_search_data, ...


def search_values(metadata: ItemMetadata, texts: Iterable[str]) -> dict[str, str]:
    """The indexed fields of an item: sender, references and IBANs, OCR text of its pages."""
    references = metadata.references or []
    if isinstance(references, dict):
        refs = [f"{kind}: {', '.join(values)}" for kind, values in references.items()]
    else:
        refs = list(references)
    return {
        "sender": metadata.sender or "",
        "refs": "; ".join(refs + list(metadata.ibans or [])),
        "body": "\n\n".join(texts),
    }


def index_item(session: Session, *item_ids: str) -> None:
    """(Re)write the search rows of `item_ids` from their rows in `session`, in its transaction."""
    insert = postgresql_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    for item_id in item_ids:
        row = session.get_one(Item, item_id)
        texts = session.scalars(select(Page.text).where(Page.item_id == item_id).order_by(Page.number))
        values = search_values(flags_of(row).metadata or ItemMetadata(), texts)
        upsert = insert(_texts).values(item_id=item_id, **values)
        session.execute(upsert.on_conflict_do_update(index_elements=["item_id"], set_=values))


def search_items(
    db: Database,
    query: SearchQuery,
    allowed_routes: frozenset[str] | None = None,
    visible: ColumnElement[bool] | None = None,
) -> SearchResult:
    """The items matching `query` that the caller may see (see the module's text): one page
    of them, best match (or newest) first, with the total and a snippet of each text."""
    conditions = _filters(query, allowed_routes, visible)
    page, per_page = max(1, query.page), max(1, query.per_page)
    terms = query.terms()
    with db.session() as session:
        postgres = session.get_bind().dialect.name == "postgresql"
        match = _tsquery(terms) if postgres else _fts5(terms)
        found, rank = _matching(postgres, match) if terms else (select(Item.id), [])
        found = found.where(*conditions)
        total = session.scalar(select(func.count()).select_from(found.subquery())) or 0
        newest = [Item.created_at.desc(), Item.id]
        ordered = found.order_by(*(newest if query.newest_first else rank + newest))
        ids = list(session.scalars(ordered.limit(per_page).offset((page - 1) * per_page)))
        rows = {row.id: item_record(row) for row in session.scalars(select(Item).where(Item.id.in_(ids)))}
        snippets = _snippets(session, postgres, match, ids) if terms else {}
    hits = [SearchHit(rows[i], snippets.get(i, ())) for i in ids]
    return SearchResult(hits, total, page, per_page)


def _matching(postgres: bool, match: str) -> tuple[Select[Any], list[ColumnElement[Any]]]:
    """The ids of the items whose search row matches `match`, and their order by rank."""
    if postgres:
        tsquery = _pg_query(match)
        found = select(Item.id).select_from(_texts).join(Item, Item.id == _texts.c.item_id)
        return found.where(_texts.c.document.op("@@")(tsquery)), [
            func.ts_rank(_texts.c.document, tsquery).desc()
        ]
    # the matches first, once: SQLite's planner would otherwise walk a filter's index and
    # ask FTS5 about each item in turn
    score = func.bm25(literal_column(FTS), 10.0, 5.0, 1.0).label("score")
    hits = (
        select(_fts.c.rowid.label("id"), score)
        .where(_fts5_match(match))
        .cte("hits")
        .prefix_with("MATERIALIZED")
    )
    found = select(Item.id).select_from(hits).join(_texts, _texts.c.id == hits.c.id)
    return found.join(Item, Item.id == _texts.c.item_id), [hits.c.score]


def _filters(
    query: SearchQuery, allowed_routes: frozenset[str] | None, visible: ColumnElement[bool] | None
) -> list[ColumnElement[bool]]:
    conditions = [] if visible is None else [visible]
    if allowed_routes is not None:
        conditions.append(Item.route.in_(sorted(allowed_routes)))
    if query.received_from:
        conditions.append(Item.created_at >= query.received_from.astimezone(dt.UTC))
    if query.received_until:
        conditions.append(Item.created_at < query.received_until.astimezone(dt.UTC))
    for name, value in (("state", query.state), ("route", query.route), ("doc_type", query.doc_type)):
        if value:
            conditions.append(getattr(Item, name) == value)
    return conditions


def _stem(word: str) -> str:
    """`word` without one common German ending, if at least four letters stay."""
    lowered = word.lower()
    ending = next((e for e in ENDINGS if lowered.endswith(e) and len(lowered) - len(e) >= 4), "")
    return word[: len(word) - len(ending)]


def _prefix(word: str) -> bool:
    """Searched as a prefix: words of three letters or more; numbers must match whole."""
    return len(word) >= 3 and not word.isdigit()


def _fts5(terms: dict[str, list[list[str]]]) -> str:
    """An FTS5 query: every term, each a quoted phrase of letter and digit runs (so no
    operator or quote of the input survives), also with its last run stemmed and as a
    prefix; matching as written too ranks first (Braun before Braunschweig)."""
    parts = []
    for name, phrases in terms.items():
        quoted = []
        for runs in phrases:
            exact = '"' + " ".join(runs) + '"'
            stemmed = '"' + " ".join([*runs[:-1], _stem(runs[-1])]) + '"*'
            quoted.append(f"({exact} OR {stemmed})" if _prefix(runs[-1]) else exact)
        expression = " AND ".join(quoted)
        parts.append(expression if name == "text" else f"{name} : ({expression})")
    return " AND ".join(parts)


def _tsquery(terms: dict[str, list[list[str]]]) -> str:
    """A to_tsquery text: runs of a term joined by <->, also with the last as a prefix (of
    its stem: PostgreSQL stems); sender terms restricted to weight A, references to B."""
    weights = {"text": "", "sender": "A", "refs": "B"}

    def phrase(runs: list[str], weight: str, prefix: bool) -> str:
        marks = [weight] * len(runs)
        marks[-1] = ("*" if prefix else "") + weight
        return " <-> ".join(f"{run}:{mark}" if mark else run for run, mark in zip(runs, marks, strict=True))

    found = []
    for name, runs_of in terms.items():
        for runs in runs_of:
            exact = phrase(runs, weights[name], False)
            found.append(
                f"({exact} | {phrase(runs, weights[name], True)})" if _prefix(runs[-1]) else f"({exact})"
            )
    return " & ".join(found)


def _fts5_match(match: str) -> ColumnElement[Any]:
    return literal_column(FTS).op("MATCH")(bindparam("match", match))


def _pg_query(match: str) -> ColumnElement[Any]:
    return func.to_tsquery(literal_column("'german'::regconfig"), bindparam("match", match))


def _snippets(
    session: Session, postgres: bool, match: str, ids: list[str]
) -> dict[str, tuple[tuple[str, bool], ...]]:
    """Item id → the part of its OCR text around the hits, for the items `ids`."""
    if not ids:
        return {}
    if postgres:
        options = f'StartSel={START}, StopSel={STOP}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "'
        marked = func.ts_headline(
            literal_column("'german'::regconfig"), _texts.c.body, _pg_query(match), options
        )
        query = select(_texts.c.item_id, marked).where(_texts.c.item_id.in_(ids))
    else:
        marked = func.snippet(literal_column(FTS), 2, START, STOP, "…", 24)
        query = select(_texts.c.item_id, marked).select_from(_fts).join(_texts, _texts.c.id == _fts.c.rowid)
        rows = select(_texts.c.id).where(_texts.c.item_id.in_(ids))
        query = query.where(_fts5_match(match), _fts.c.rowid.in_(rows))  # only these rows of FTS5
    return {item_id: _parts(text or "") for item_id, text in session.execute(query)}


def _parts(marked: str) -> tuple[tuple[str, bool], ...]:
    """A marked snippet as (text, is a hit) parts, white space collapsed."""
    pieces = re.split(f"{START}(.*?){STOP}", " ".join(marked.split()), flags=re.S)
    return tuple(
        (piece.replace(START, "").replace(STOP, ""), index % 2 == 1)
        for index, piece in enumerate(pieces)
        if piece
    )
