"""The rows of protected mail: what makes each item protected (`item_access`, a cache of
the rule in mailroom/review/access.py, which decides and keeps it fresh) and the SQL
filter built on it.

A row is fresh while its `basis` equals the item's `updated_at` (every change to an item's
route, prediction or pages changes that) and its `version` the rule's version. The filter
passes only items with a fresh row, so an item changed since is hidden from everybody but
admins until the rule has looked at it again: it fails closed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable
from dataclasses import dataclass

from sqlalchemy import ColumnElement, and_, exists, func, not_, or_, select, true
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from mailroom.store.db import Database
from mailroom.store.items import flags_of
from mailroom.store.tables import Item, ItemAccess, Page, ReviewDecision

REGROUPING = ("split", "merge")  # review actions that move pages between items


@dataclass(frozen=True)
class AccessInputs:
    """What an item's protection is found from, as read at `basis` (its updated_at)."""

    item_id: str
    basis: dt.datetime
    routes: frozenset[str]  # its route, its predicted route and the predicted top-3
    text: str  # the OCR text of its pages
    lineage: frozenset[str]  # the items it was split from or merged with


@dataclass(frozen=True)
class Findings:
    """What makes an item protected: its candidate routes (protected or not: which routes
    are protected is configuration, read when the filter is built) and the special
    categories of data found in it."""

    routes: frozenset[str] = frozenset()
    categories: frozenset[str] = frozenset()

    def __or__(self, other: Findings) -> Findings:
        return Findings(self.routes | other.routes, self.categories | other.categories)


def stale_items(
    db: Database, version: int, ids: Collection[str] | None = None, states: Collection[str] | None = None
) -> list[str]:
    """Ids of the items (of `ids` and in `states`, or all) without a fresh row."""
    query = (
        select(Item.id)
        .outerjoin(ItemAccess, ItemAccess.item_id == Item.id)
        .where(
            or_(
                ItemAccess.item_id.is_(None),
                ItemAccess.basis != Item.updated_at,
                ItemAccess.version != version,
            )
        )
    )
    if ids is not None:
        query = query.where(Item.id.in_(list(ids)))
    if states is not None:  # by the index on (state, created_at): the queue does not read every item
        query = query.where(Item.state.in_(list(states)))
    with db.session() as session:
        return list(session.scalars(query))


def inputs_of(db: Database, ids: Collection[str]) -> dict[str, AccessInputs]:
    """The inputs of the items `ids` that exist, read in one transaction."""
    with db.session() as session:
        rows = session.scalars(select(Item).where(Item.id.in_(list(ids)))).all()
        texts: dict[str, list[str]] = {}
        pages = select(Page.item_id, Page.text).where(Page.item_id.in_(list(ids))).order_by(Page.number)
        for item_id, text in session.execute(pages):
            texts.setdefault(item_id, []).append(text)
        lineage: dict[str, set[str]] = {}
        decisions = select(ReviewDecision.item_id, ReviewDecision.before).where(
            ReviewDecision.item_id.in_(list(ids)), ReviewDecision.action.in_(REGROUPING)
        )
        for item_id, before in session.execute(decisions):
            others = {str(part.get("id")) for part in (before or {}).get("items", []) if part.get("id")}
            lineage.setdefault(item_id, set()).update(others - {item_id})
        return {
            row.id: AccessInputs(
                row.id,
                row.updated_at,
                _routes(row),
                "\n".join(texts.get(row.id, [])),
                frozenset(lineage.get(row.id, ())),
            )  # fmt: skip
            for row in rows
        }


def save_findings(db: Database, version: int, found: Iterable[tuple[AccessInputs, Findings]]) -> None:
    """Store the findings of items, each valid for the basis its inputs were read at."""
    values = [
        {"item_id": inputs.item_id, "basis": inputs.basis, "version": version,
         "routes": _joined(findings.routes), "categories": _joined(findings.categories)}
        for inputs, findings in found
    ]  # fmt: skip
    if not values:
        return
    insert = (postgresql_insert if db.engine.dialect.name == "postgresql" else sqlite_insert)(ItemAccess)
    statement = insert.on_conflict_do_update(
        index_elements=[ItemAccess.item_id],
        set_={name: insert.excluded[name] for name in ("basis", "version", "routes", "categories")},
    )
    with db.session() as session:
        session.execute(statement, values)


def fresh_findings(db: Database, version: int, ids: Collection[str]) -> dict[str, Findings]:
    """The findings of those of `ids` whose row is fresh."""
    query = (
        select(ItemAccess)
        .join(Item, Item.id == ItemAccess.item_id)
        .where(
            ItemAccess.item_id.in_(list(ids)),
            ItemAccess.basis == Item.updated_at,
            ItemAccess.version == version,
        )
    )
    with db.session() as session:
        return {
            row.item_id: Findings(_split(row.routes), _split(row.categories))
            for row in session.scalars(query)
        }


def visible_clause(
    version: int, hidden_routes: Collection[str], hidden_categories: Collection[str]
) -> ColumnElement[bool]:
    """A condition on `items` rows: the item has a fresh row that names none of
    `hidden_routes` among its routes and none of `hidden_categories` among its categories."""
    hidden = [ItemAccess.routes.contains(f",{r},", autoescape=True) for r in sorted(hidden_routes)]
    hidden += [ItemAccess.categories.contains(f",{c},", autoescape=True) for c in sorted(hidden_categories)]
    fresh = and_(
        ItemAccess.item_id == Item.id, ItemAccess.basis == Item.updated_at, ItemAccess.version == version
    )
    return exists(select(ItemAccess.item_id).where(fresh, not_(or_(*hidden)) if hidden else true()))


def counts_by_route(db: Database, states: Collection[str], where: ColumnElement[bool]) -> dict[str, int]:
    """Items in `states` passing `where`, per route."""
    query = select(Item.route, func.count()).where(Item.state.in_(list(states)), where).group_by(Item.route)
    with db.session() as session:
        return dict(sorted((route or "", n) for route, n in session.execute(query)))


def passing(db: Database, ids: Collection[str], where: ColumnElement[bool]) -> set[str]:
    """Those of `ids` that pass `where`."""
    with db.session() as session:
        return set(session.scalars(select(Item.id).where(Item.id.in_(list(ids)), where)))


def items_of_source(db: Database, source_id: int) -> list[str]:
    """Ids of the items cut out of a source file."""
    with db.session() as session:
        return list(session.scalars(select(Item.id).where(Item.source_id == source_id)))


def _routes(row: Item) -> frozenset[str]:
    prediction = flags_of(row).prediction
    routes = {row.route}
    if prediction is not None:
        routes |= {prediction.route} | {label for label, _ in prediction.top3("route")}
    return frozenset(r for r in routes if r)


def _joined(names: Iterable[str]) -> str:
    return "," + ",".join(sorted(names)) + ","


def _split(joined: str) -> frozenset[str]:
    return frozenset(name for name in joined.split(",") if name)
