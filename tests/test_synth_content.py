"""Tests of the synthetic letter content: coverage of pairs, determinism, variety."""

from __future__ import annotations

import collections
import datetime as dt
import random
import re
from pathlib import Path

import pytest
import yaml

from mailroom.synth import cities, people
from mailroom.synth.content import STYLES, compose_item, styles_for
from mailroom.synth.document import Bullets, MailItem, Paragraph
from mailroom.synth.topics import BY_ROUTE, TOPICS

ROOT = Path(__file__).resolve().parents[1]
PAIRS = [
    (d, r)
    for d, routes in yaml.safe_load((ROOT / "configs" / "synth.yaml").read_text())["pairs"].items()
    for r in routes
]
TAXONOMY = (
    yaml.safe_load((ROOT.parent / "shared" / "taxonomy.yaml").read_text())
    if (ROOT.parent / "shared" / "taxonomy.yaml").exists()
    else None
)
DAY = dt.date(2026, 3, 12)


def item(doc_type: str, route: str, seed: int) -> MailItem:
    return compose_item(doc_type, route, random.Random(seed), DAY)


def sentences(it: MailItem) -> set[str]:
    """The distinct sentences of the main letter's prose."""
    texts: list[str] = []
    for block in it.letter.body:
        if isinstance(block, Paragraph):
            texts.append(block.text)
        elif isinstance(block, Bullets):
            texts.extend(block.items)
    return {s.strip() for t in texts for s in re.split(r"(?<=[.!?])\s+", t) if len(s) > 15}


@pytest.mark.parametrize(("doc_type", "route"), PAIRS)
def test_every_declared_pair_composes(doc_type: str, route: str) -> None:
    for seed in range(6):
        it = item(doc_type, route, seed)
        assert (it.doc_type, it.route) == (doc_type, route)
        assert it.style in STYLES[doc_type]
        # Court mail to the Rechtsamt is about any office's matter; all else about its route's.
        topics = TOPICS if doc_type == "gerichtspost" else BY_ROUTE[route]
        assert it.topic in {t.key for t in topics}
        assert it.letter.body
        assert DAY - dt.timedelta(days=10) <= it.letter.date < DAY


def test_same_seed_gives_identical_item() -> None:
    for doc_type, route in PAIRS[::5]:
        assert item(doc_type, route, 42) == item(doc_type, route, 42)


def test_different_seeds_vary() -> None:
    for doc_type, route in PAIRS[::7]:
        letters = {item(doc_type, route, seed).letter for seed in range(8)}
        assert len(letters) >= 6


def test_global_random_is_not_used() -> None:
    random.seed(1)
    a = item("widerspruch", "steueramt", 3)
    random.seed(2)
    assert item("widerspruch", "steueramt", 3) == a


def test_undeclared_pair_raises() -> None:
    with pytest.raises(ValueError, match="rechnung"):
        item("rechnung", "standesamt", 0)
    with pytest.raises(ValueError, match="nonsense"):
        item("nonsense", "sozialamt", 0)


def test_every_doc_type_has_eight_reachable_styles() -> None:
    doc_types = {d for d, _ in PAIRS}
    assert set(STYLES) == doc_types
    for doc_type in doc_types:
        assert len(STYLES[doc_type]) >= 8, doc_type
        reachable = {s for d, r in PAIRS if d == doc_type for s in styles_for(d, r)}
        assert reachable == set(STYLES[doc_type])
        routes = [r for d, r in PAIRS if d == doc_type]
        seen = {item(doc_type, routes[seed % len(routes)], seed).style for seed in range(400)}
        assert seen == set(STYLES[doc_type]), doc_type


def test_every_route_has_four_topics() -> None:
    routes = {r for _, r in PAIRS}
    if TAXONOMY:
        routes |= set(TAXONOMY["routes"])
    for route in routes:
        assert len(BY_ROUTE.get(route, ())) >= 4, route


def test_ibans_pass_mod97() -> None:
    rng = random.Random(7)
    for _ in range(300):
        iban, _, _ = people.iban(rng)
        assert people.iban_valid(iban)
        raw = iban.replace(" ", "")
        assert len(raw) == 22 and raw.startswith("DE")
    assert not people.iban_valid("DE00 8705 0000 0123 4567 89")


def test_money_is_german() -> None:
    assert people.money(1234.5, unit="€") == "1.234,50 €"
    assert people.money(3.2, unit="EUR") == "3,20 EUR"


def test_local_addresses_lie_in_the_city() -> None:
    rng = random.Random(3)
    for city in cities.CITIES:
        for _ in range(20):
            code, town = people.local_address(rng, city)[1].split(" ", 1)
            assert city.postcodes[0] <= int(code) <= city.postcodes[1] and town == city.name


@pytest.mark.parametrize("doc_type", sorted(STYLES))
def test_no_sentence_gives_the_doc_type_away(doc_type: str) -> None:
    routes = [r for d, r in PAIRS if d == doc_type]
    counts: collections.Counter[str] = collections.Counter()
    n = 200
    for seed in range(n):
        counts.update(sentences(item(doc_type, routes[seed % len(routes)], seed)))
    top, freq = counts.most_common(1)[0]
    assert freq / n <= 0.25, (top, freq)  # measured max 0.18 (bewerbung)
    assert len(counts) >= 150


def test_enclosures_and_anlagen() -> None:
    with_enclosures = 0
    for seed in range(400):
        doc_type, route = PAIRS[seed % len(PAIRS)]
        it = item(doc_type, route, seed)
        if it.enclosures:
            with_enclosures += 1
            assert it.letter.enclosure_list
        if doc_type in ("bewerbung",):
            assert any(e.layout == "cv" for e in it.enclosures)
        if doc_type == "nachreichung":
            assert it.enclosures
    assert 0.2 <= with_enclosures / 400 <= 0.6


def test_no_unfilled_slots_or_english() -> None:
    for seed in range(300):
        doc_type, route = PAIRS[seed % len(PAIRS)]
        it = item(doc_type, route, seed)
        for document in (it.letter, *it.enclosures):
            text = repr(document)
            assert not re.search(r"\{[a-z_]+\}", text), text
            assert " the " not in text and "Dear " not in text
