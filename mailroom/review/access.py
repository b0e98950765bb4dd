"""Protected mail: who may see which item. The one place that decides it.

An item is *protected* when
- its route, its predicted route or any route of its predicted top-3 is a protected route
  (`review.protected_routes`; by default Sozialamt and Jugendamt: § 35 SGB I
  Sozialgeheimnis; Steueramt: § 30 AO Steuergeheimnis; Personalamt: Personalakten und
  Bewerbungen), or
- its OCR text shows a special category: health data (Art. 9 DSGVO: Diagnose, Attest,
  ärztlich, Krankheit, Schwerbehinderung, Pflegegrad …, category `gesundheit`) or a
  "persönlich/vertraulich" marking on the letter (category `vertraulich`), or
- it was split from or merged with a protected item (its pages came from one).

Each protected route and category the item has is a *need*. A user sees the item only if
cleared for every need (`mailroom users routes NAME sozialamt,gesundheit`); admins see
everything. Nobody else learns that the item exists: the web layer answers 404.

What is found (`Findings`: the item's candidate routes and categories) is kept in
`item_access` (mailroom/store/access.py), valid while the item is unchanged; `refresh`
finds it for every item that changed since, so nothing in the pipeline has to remember to.

Using it elsewhere (search, charts, anything that lists or shows items):
- one item: `visible_findings(db, clearance, item_id)` is None when the user may not see it
  (answer 404), else what protects it (for the page to say why);
- lists in SQL: call `refresh(db)` (`refresh(db, states=...)` when the list shows only
  items in those states, as the queue does), then add `visible_filter(clearance)` to any
  `select(...)` over `mailroom.store.tables.Item` (it is a condition on that table, e.g.
  `items_in(db, states, where=visible_filter(clearance))`); counts built on the same
  filter leak nothing;
- the rule itself, pure: `visible(findings, clearance)`; `found_in(...)` for findings.
`clearance_of(account, settings)` makes a user's `Clearance` (per request: a change of a
user's routes counts at once).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass

from sqlalchemy import ColumnElement, true

from mailroom.errors import BadConfig, BadInput
from mailroom.review.auth import Account
from mailroom.review.i18n import N_
from mailroom.settings import Settings
from mailroom.store.access import (
    AccessInputs,
    Findings,
    fresh_findings,
    inputs_of,
    save_findings,
    stale_items,
    visible_clause,
)
from mailroom.store.db import Database

VERSION = 1  # of the rule below: raise it when the words change, and every item is looked at again
HEALTH, CONFIDENTIAL = "gesundheit", "vertraulich"
CATEGORIES = {  # special categories: name → what it is, as shown
    HEALTH: N_("health data (Art. 9 GDPR)"),
    CONFIDENTIAL: N_("marked personal/confidential"),
}
# parts of words, in lower case: "Erkrankung", "Hausärztin", "Erbkrankheit" count too; a
# substring test is hundreds of times faster than a regular expression over a whole letter
_HEALTH_WORDS = (
    "diagnos", "attest", "ärzt", "arzt", "krankheit", "erkrank", "krankschreib", "krankmeld", "arbeitsunfähig",
    "arbeitsunfahig", "schwerbehind", "grad der behinderung", "pflegegrad", "pflegestufe", "pflegebedürftig",
    "pflegebedurftig", "medikament", "psychiatr", "psychotherap", "therapie",
)  # fmt: skip
_MARKING = re.compile(
    r"pers[öo]nlich\s*(?:/|-|–|und|&|,)?\s*vertraulich|vertraulich\s*(?:/|-|–|und|&|,)?\s*pers[öo]nlich"
    r"|streng vertraulich|vertrauliche personalsache|^\W*(?:pers[öo]nlich|vertraulich)\W*$",
    re.IGNORECASE | re.MULTILINE,
)
_CHUNK = 500  # items found at once


@dataclass(frozen=True)
class Clearance:
    """What one user may see: everything (admins), or items whose needs are all in `routes`."""

    user: str
    admin: bool
    routes: frozenset[str]  # protected routes and categories the user is cleared for
    protected: frozenset[str]  # the installation's protected routes

    @property
    def hidden(self) -> frozenset[str]:
        """The protected routes and categories whose items this user may not see."""
        return frozenset() if self.admin else (self.protected | CATEGORIES.keys()) - self.routes


def clearance_of(account: Account, settings: Settings) -> Clearance:
    return Clearance(
        account.name, account.is_admin, account.routes, frozenset(settings.review.protected_routes)
    )


def categories_in(text: str) -> frozenset[str]:
    """The special categories of data the text shows."""
    lowered, found = text.lower(), set()
    if any(word in lowered for word in _HEALTH_WORDS):
        found.add(HEALTH)
    if ("vertraulich" in lowered or "rsönlich" in lowered or "rsonlich" in lowered) and _MARKING.search(text):
        found.add(CONFIDENTIAL)
    return frozenset(found)


def found_in(inputs: AccessInputs) -> Findings:
    """What protects an item by itself (without the items it was split from or merged with)."""
    return Findings(inputs.routes, categories_in(inputs.text))


def needs(findings: Findings, protected: Collection[str]) -> frozenset[str]:
    """The protected routes and categories a user must be cleared for to see the item."""
    return frozenset(findings.routes & set(protected)) | findings.categories


def visible(findings: Findings, clearance: Clearance) -> bool:
    """THE rule: an admin sees everything, anybody else an item whose needs they are all cleared for."""
    return clearance.admin or needs(findings, clearance.protected) <= clearance.routes


def visible_filter(clearance: Clearance) -> ColumnElement[bool]:
    """`visible` as a condition on `items` rows, for lists in SQL; call `refresh` first. An
    item changed since its last refresh passes for admins only."""
    if clearance.admin:
        return true()
    hidden = clearance.hidden
    return visible_clause(VERSION, hidden & clearance.protected, hidden & CATEGORIES.keys())


def refresh(db: Database, ids: Collection[str] | None = None, states: Collection[str] | None = None) -> int:
    """Find and store what protects every item (of `ids` and in `states`, or all) that
    changed since it was last looked at. Returns how many were looked at."""
    stale = stale_items(db, VERSION, ids, states)
    for start in range(0, len(stale), _CHUNK):
        inputs = inputs_of(db, stale[start : start + _CHUNK])
        known = dict(inputs)
        wanted = _lineage(inputs.values()) - known.keys()
        while wanted:  # the items they came from, and the items those came from
            more = inputs_of(db, wanted)
            known |= more
            wanted = _lineage(more.values()) - known.keys()
        own = {item_id: found_in(found) for item_id, found in known.items()}
        save_findings(
            db, VERSION, [(found, _with_lineage(item_id, known, own)) for item_id, found in inputs.items()]
        )
    return len(stale)


def visible_findings(db: Database, clearance: Clearance, item_id: str) -> Findings | None:
    """What protects the item if `clearance` may see it; None if not, or if it does not exist."""
    refresh(db, [item_id])
    findings = fresh_findings(db, VERSION, [item_id]).get(item_id)
    if findings is None:  # no such item, or it changed this very moment
        return Findings() if clearance.admin else None
    return findings if visible(findings, clearance) else None


def protected_among(db: Database, ids: Collection[str], protected: Collection[str]) -> set[str]:
    """Those of `ids` (refreshed) that are protected, for a list to mark them."""
    return {i for i, found in fresh_findings(db, VERSION, ids).items() if needs(found, protected)}


def grounds(findings: Findings, protected_routes: Mapping[str, str]) -> list[tuple[str, str]]:
    """(route or category, legal ground or what it is) of each need, routes first."""
    routes = sorted(findings.routes & protected_routes.keys())
    return [(r, protected_routes[r]) for r in routes] + [
        (c, CATEGORIES[c]) for c in sorted(findings.categories)
    ]


def clearable(settings: Settings) -> dict[str, str]:
    """What a user can be cleared for: the protected routes (with their legal ground) and the
    special categories. Raises BadConfig for a protected route the taxonomy does not know."""
    routes = settings.review.protected_routes
    unknown = sorted(set(routes) - set(settings.taxonomy.routes))
    if unknown:
        raise BadConfig(
            f"review.protected_routes names {', '.join(unknown)}, which are not routes of taxonomy.yaml "
            f"({', '.join(settings.taxonomy.routes)})"
        )
    return {**routes, **CATEGORIES}


def check_routes(names: Iterable[str], allowed: Collection[str]) -> frozenset[str]:
    """The names a user is to be cleared for, checked. Raises BadInput naming the unknown ones."""
    chosen = frozenset(n.strip() for n in names if n.strip())
    unknown = sorted(chosen - set(allowed))
    if unknown:
        raise BadInput(
            f"cannot clear for {', '.join(unknown)}: only protected routes and special categories need "
            f"clearance ({', '.join(sorted(allowed))}); every user sees all other mail"
        )
    return chosen


def _lineage(inputs: Iterable[AccessInputs]) -> set[str]:
    return {other for found in inputs for other in found.lineage}


def _with_lineage(item_id: str, known: Mapping[str, AccessInputs], own: Mapping[str, Findings]) -> Findings:
    """The item's own findings and those of every item its pages came from."""
    seen, todo, findings = {item_id}, [item_id], Findings()
    while todo:
        current = todo.pop()
        findings |= own[current]
        for other in known[current].lineage:
            if other in known and other not in seen:
                seen.add(other)
                todo.append(other)
    return findings
