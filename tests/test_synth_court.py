"""Court mail of the synthetic corpus follows the routing policy of configs/synth.yaml,
and letters are addressed to many cities."""

from __future__ import annotations

import collections
import dataclasses
import datetime as dt
import random
from pathlib import Path

import pytest
import yaml

from mailroom.errors import BadConfig
from mailroom.settings import PACKAGE_CONFIG_DIR
from mailroom.synth import cities
from mailroom.synth.content import compose_item, default_court_routes
from mailroom.synth.document import Heading, MailItem, Paragraph
from mailroom.synth.generate import load_synth_config
from mailroom.synth.layout import render_item
from mailroom.synth.writers import court

DAY = dt.date(2026, 3, 12)
POLICY = yaml.safe_load((PACKAGE_CONFIG_DIR / "synth.yaml").read_text())["court_routes"]


def court_items(route: str, n: int, **wanted: str) -> list[MailItem]:
    """Court mail items of a route whose attributes match `wanted` (style=..., matter=...)."""
    found = []
    for seed in range(4000):
        it = compose_item("gerichtspost", route, random.Random(seed), DAY)
        if all(getattr(it, k) == v for k, v in wanted.items()):
            found.append(it)
            if len(found) == n:
                return found
    raise AssertionError(f"no {n} court items of {route} with {wanted}")


def words(it: MailItem) -> str:
    return repr(it.letter) + "".join(repr(e) for e in it.enclosures)


def test_the_policy_is_declared_once_in_the_config_and_read_from_there() -> None:
    assert dict(default_court_routes()) == POLICY
    assert POLICY["default"] == "rechtsamt"
    assert POLICY == {
        "default": "rechtsamt",
        "familiengericht_kindschaft": "jugendamt",
        "betreuungsgericht": "sozialamt",
        "insolvenzgericht_steuerforderung": "steueramt",
        "vollstreckungsgericht_pfueb": "personalamt",
        "bussgeldsache_verkehr": "verkehrsbehoerde",
        "bussgeldsache_sonstige": "ordnungsamt",
    }
    for matter in ("verwaltungsgericht", "sozialgericht", "arbeitsgericht", "zivilgericht"):
        assert court.route_of(matter, POLICY) == "rechtsamt"


def test_a_verwaltungsgericht_judgment_about_dog_tax_goes_to_the_rechtsamt() -> None:
    for it in court_items("rechtsamt", 2, style="decision", matter="verwaltungsgericht", topic="hundesteuer"):
        assert it.route == "rechtsamt"
        assert it.sender.kind == "court" and "verwaltungs" in it.sender.name.lower()
        assert "Hundesteuer" in words(it)
        assert any(
            isinstance(b, Heading) and b.text.lower() in ("urteil", "beschluss", "gerichtsbescheid")
            for b in it.letter.body
        )


def test_social_and_labour_court_mail_goes_to_the_rechtsamt() -> None:
    social = court_items("rechtsamt", 3, matter="sozialgericht")
    assert {it.topic for it in social} <= {
        "grundsicherung",
        "hilfe_zur_pflege",
        "bildung_teilhabe",
        "unterhaltsvorschuss",
    }
    labour = court_items("rechtsamt", 3, matter="arbeitsgericht")
    assert all(it.route == "rechtsamt" for it in social + labour)


def test_rechtsamt_court_mail_is_about_the_topics_of_all_offices() -> None:
    offices = set()
    for seed in range(600):
        it = compose_item("gerichtspost", "rechtsamt", random.Random(seed), DAY)
        offices.add(
            next(t.route for t in court.matter_topics(court.BY_KEY[it.matter]) if t.key == it.topic)
            if it.matter
            else "rechtsamt"
        )
    assert offices >= {
        "steueramt",
        "sozialamt",
        "bauamt",
        "verkehrsbehoerde",
        "personalamt",
        "schulamt",
        "umweltamt",
        "ordnungsamt",
        "buergeramt",
        "jugendamt",
        "beschaffung",
    }


@pytest.mark.parametrize(
    ("route", "matter", "marker"),
    [
        ("jugendamt", "familiengericht_kindschaft", "Familiengericht"),
        ("sozialamt", "betreuungsgericht", "Betreuungsgericht"),
        ("steueramt", "insolvenzgericht_steuerforderung", "Insolvenzgericht"),
        ("personalamt", "vollstreckungsgericht_pfueb", "Vollstreckungsgericht"),
        ("verkehrsbehoerde", "bussgeldsache_verkehr", "Bußgeld"),
        ("ordnungsamt", "bussgeldsache_sonstige", "Bußgeld"),
    ],
)
def test_only_the_declared_exceptions_reach_a_specialist_office(route: str, matter: str, marker: str) -> None:
    for seed in range(30):
        it = compose_item("gerichtspost", route, random.Random(seed), DAY)
        assert it.matter == matter and marker in it.sender.name


def test_a_pfueb_names_the_city_as_drittschuldnerin() -> None:
    it = court_items("personalamt", 1, style="garnishment")[0]
    text = words(it)
    assert "Pfändungs- und Überweisungsbeschluss" in text and "Drittschuldnerin" in text
    assert "840" in text


def test_a_familiengericht_kindschaftssache_involves_the_jugendamt() -> None:
    it = court_items("jugendamt", 1, style="court_request")[0]
    assert "Jugendamt" in words(it) and "FamFG" in words(it)


def test_another_policy_moves_the_mail(tmp_path: Path, taxonomy) -> None:
    policy = {**POLICY, "sozialgericht": "sozialamt"}
    for seed in range(40):
        it = compose_item("gerichtspost", "sozialamt", random.Random(seed), DAY, policy)
        assert it.matter in ("sozialgericht", "betreuungsgericht")
    # The config must then declare the pairs the policy reaches, and only those.
    data = yaml.safe_load((PACKAGE_CONFIG_DIR / "synth.yaml").read_text())
    data["court_routes"]["bussgeldsache_sonstige"] = "umweltamt"
    path = tmp_path / "synth.yaml"
    path.write_text(yaml.safe_dump(data))
    with pytest.raises(BadConfig, match="umweltamt"):
        load_synth_config(path, taxonomy)
    data["court_routes"]["gibt_es_nicht"] = "rechtsamt"
    path.write_text(yaml.safe_dump(data))
    with pytest.raises(BadConfig, match="gibt_es_nicht"):
        load_synth_config(path, taxonomy)


def test_long_decisions_fill_several_pages() -> None:
    pages = []
    for it in court_items("rechtsamt", 4, style="decision"):
        rendered = render_item(dataclasses.replace(it, enclosures=()), random.Random(1), 100)
        pages.append(len(rendered))
        text = "\n".join(p.text for p in rendered)
        assert "belehrung" in text and ("Gründe" in text or "Tatbestand" in text)
    assert min(pages) >= 2 and max(pages) <= 6


def test_letters_are_addressed_to_many_cities_of_many_laender() -> None:
    seen = collections.Counter()
    for seed in range(400):
        it = compose_item("widerspruch", "steueramt", random.Random(seed), DAY)
        seen[it.city] += 1
        recipient = it.letter.recipient
        if recipient is not None:
            city = cities.BY_NAME[it.city]
            # the city's own titles, or a citizen's plain "Rathaus Kassel" on misaddressed mail
            assert recipient.name in city.titles or city.name in recipient.name
            assert recipient.address[-1].endswith(city.name)
    assert len(seen) >= 25 and max(seen.values()) < 0.1 * 400
    assert len({cities.BY_NAME[c].land for c in seen}) >= 12


def test_court_names_and_prose_follow_the_city() -> None:
    for it in court_items("rechtsamt", 5, style="summons"):
        city = cities.BY_NAME[it.city]
        assert it.sender.address[-1].split(" ", 1)[1] in {city.name} | {
            town.split(" ", 1)[1] for (town,) in [(v[1],) for v in city.courts.values()]
        } | {cities.OVG[city.land][1].split(" ", 1)[1]}
        prose = " ".join(b.text for b in it.letter.body if isinstance(b, Paragraph))
        assert "Chemnitz" not in prose or city.name == "Chemnitz"


def test_orders_in_urgent_proceedings_speak_of_the_objection_and_still_go_to_the_rechtsamt() -> None:
    """An order on whether the city may enforce its notice while the objection runs
    (§ 80 Abs. 5 VwGO, § 86b SGG) is court mail, though it says Widerspruch and Beschwerde."""
    items = court_items("rechtsamt", 6, style="interim")
    for it in items:
        rendered = render_item(dataclasses.replace(it, enclosures=()), random.Random(1), 100)
        text = "\n".join(p.text for p in rendered)
        assert it.doc_type == "gerichtspost" and it.route == "rechtsamt" and it.sender.kind == "court"
        assert "Antragsgegnerin" in text and "Gründe" in text and "Rechtsmittelbelehrung" in text
        assert len(rendered) >= 2
    texts = [words(it) for it in items]
    assert any("aufschiebende Wirkung" in t for t in texts) and any("Widerspruch" in t for t in texts)
