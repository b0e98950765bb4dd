"""Tests of the pairs added for legal bills, mail no office owns, and misaddressed letters."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import pytest
import yaml

from mailroom.synth import cities, people
from mailroom.synth.content import compose_item
from mailroom.synth.document import MailItem, Paragraph, Table
from mailroom.synth.writers import citizen

ROOT = Path(__file__).resolve().parents[1]
PAIRS = yaml.safe_load((ROOT / "configs" / "synth.yaml").read_text())["pairs"]
DAY = dt.date(2026, 3, 12)
NEW = [
    ("rechnung", "rechtsamt"),
    ("mahnung", "rechtsamt"),
    ("anfrage", "rechtsamt"),
    ("anfrage", "poststelle"),
    ("beschwerde", "standesamt"),
    ("beschwerde", "steueramt"),
    ("beschwerde", "poststelle"),
    ("kuendigung", "standesamt"),
    ("kuendigung", "umweltamt"),
    ("widerspruch", "personalamt"),
]


def item(doc_type: str, route: str, seed: int) -> MailItem:
    return compose_item(doc_type, route, random.Random(seed), DAY)


def text(it: MailItem) -> str:
    parts = [it.letter.subject, it.letter.title, it.letter.sender.name]
    for block in it.letter.body:
        if isinstance(block, Paragraph):
            parts.append(block.text)
        elif isinstance(block, Table):
            parts += [" ".join(r) for r in block.rows]
    return " ".join(parts)


@pytest.mark.parametrize(("doc_type", "route"), NEW)
def test_the_new_pairs_are_declared_and_producible(doc_type: str, route: str) -> None:
    assert route in PAIRS[doc_type]
    for seed in range(10):
        it = item(doc_type, route, seed)
        assert (it.doc_type, it.route) == (doc_type, route)
        assert it.letter.body


def test_a_justizkasse_kostenrechnung_is_a_rechnung_for_the_rechtsamt() -> None:
    found = [item("rechnung", "rechtsamt", s) for s in range(60)]
    costs = [it for it in found if it.style == "court_costs"]
    assert costs
    for it in costs:
        assert (it.doc_type, it.route) == ("rechnung", "rechtsamt")
        words = text(it)
        assert "GKG" in words and "Kassenzeichen" in dict(it.letter.references)
        assert any(
            k in words.lower()
            for k in ("justizkasse", "gerichtskasse", "zahlstelle justiz", "landeshauptkasse")
        )
    rvg = [it for it in found if it.style == "rvg_invoice"]
    assert rvg and all("Nr. 7002 VV RVG" in text(it) for it in rvg)


def test_a_lawyers_demand_for_a_creditor_is_a_mahnung_for_the_rechtsamt() -> None:
    lawyers = [it for s in range(60) if (it := item("mahnung", "rechtsamt", s)).style == "creditor_lawyer"]
    assert lawyers
    for it in lawyers:
        assert (it.doc_type, it.route) == ("mahnung", "rechtsamt")
        assert it.letter.sender.kind == "lawyer"
        assert "Mahn" in text(it) or "Klage" in text(it)


def test_legal_and_supply_bills_do_not_share_writers() -> None:
    legal = {item(d, "rechtsamt", s).style for d in ("rechnung", "mahnung") for s in range(40)}
    supply = {item(d, "beschaffung", s).style for d in ("rechnung", "mahnung") for s in range(80)}
    assert not legal & supply
    assert {"escalation", "agency_final", "receivables_mail"} <= supply


def test_a_share_of_citizen_letters_is_misaddressed_but_keeps_the_route() -> None:
    own = wrong = plain = total = 0
    for seed in range(600):
        doc_type = ("antrag", "widerspruch", "beschwerde", "anfrage", "kuendigung")[seed % 5]
        route = ("sozialamt", "steueramt", "ordnungsamt", "bauamt", "jugendamt")[seed // 5 % 5]
        if route not in PAIRS[doc_type]:
            continue
        it = item(doc_type, route, seed)
        assert it.route == route
        to = it.letter.recipient
        if to is None or it.style not in citizen.WRITERS[doc_type]:
            continue
        total += 1
        city = cities.BY_NAME[it.city]
        names = {
            r: set(people.OFFICES[city.scheme][r]) | {people.OFFICES["amt"][r][0]}
            for r in people.OFFICES["amt"]
        }
        if to.department in names[route]:
            own += 1
        elif any(to.department in n for r, n in names.items() if r != route) or to.person.startswith(
            "z. Hd."
        ):
            wrong += 1
        if to.name not in city.titles:
            plain += 1
    assert total > 300
    assert 0.12 <= wrong / total <= 0.4, wrong / total
    assert plain / total >= 0.04
    assert own / total >= 0.2
