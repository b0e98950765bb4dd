"""Rules and extraction over letter text: references, IBAN, amounts, deadlines."""

from __future__ import annotations

import pytest

from mailroom.classify.extract import extract_metadata
from mailroom.classify.rules import load_rules, match_rules, parse_rules
from mailroom.errors import BadConfig
from mailroom.settings import PACKAGE_CONFIG_DIR

LETTER = """Olga Braun
Paul-Bertz-Straße 96b, 09130 Chemnitz
Stadtverwaltung Chemnitz
Chemnitz, 09.01.2026
Aktenzeichen: 50-06202/26
Kassenzeichen: 5.123.456789.1
Sehr geehrte Damen und Herren,
bitte überweisen Sie 1.234,56 EUR auf IBAN DE89 3704 0044 0532 0130 00.
Ich bitte um Antwort bis zum 30.01.2026. Gegen diesen Bescheid kann innerhalb eines Monats Widerspruch erhoben werden.
"""


@pytest.fixture(scope="module")
def rules():
    return load_rules(PACKAGE_CONFIG_DIR / "rules.yaml", None)


def test_extracts_what_a_reviewer_needs(rules) -> None:
    found = extract_metadata(LETTER, rules)
    assert found["sender"] == "Olga Braun"
    assert found["date"] == "2026-01-09"
    assert found["references"]["Aktenzeichen"] == ["50-06202/26"]
    assert found["references"]["Kassenzeichen"] == ["5.123.456789.1"]
    assert found["ibans"] == ["DE89370400440532013000"]
    assert found["amounts"] == ["1.234,56 EUR"]
    assert found["deadlines"] == ["bis zum 30.01.2026", "innerhalb eines Monats"]


def test_invalid_iban_and_empty_text_give_nothing(rules) -> None:
    assert "ibans" not in extract_metadata("IBAN DE00 3704 0044 0532 0130 00", rules)
    assert extract_metadata("", rules) == {}


def test_office_file_number_supports_its_route(rules) -> None:
    hits = match_rules(LETTER, rules)
    assert ("az-sozialamt", "sozialamt", "support", "50-06202/26") in [
        (h.rule, h.route, h.effect, h.evidence) for h in hits
    ]
    assert "kassenzeichen" in [h.rule for h in hits]


def test_bad_rules_are_config_errors() -> None:
    with pytest.raises(BadConfig, match="fix or support"):
        parse_rules({"route_rules": [{"name": "x", "route": "bauamt", "effect": "maybe", "pattern": "x"}]})
    with pytest.raises(BadConfig, match="not a valid regular expression"):
        parse_rules({"route_rules": [{"name": "x", "route": "bauamt", "effect": "fix", "pattern": "("}]})
    with pytest.raises(BadConfig, match="not in the taxonomy"):
        parse_rules(
            {"route_rules": [{"name": "x", "route": "mond", "effect": "fix", "pattern": "x"}]},
            routes={"bauamt"},
        )


def test_the_deadline_is_the_earliest_day_named_or_counted_from_the_letter() -> None:
    from mailroom.classify.extract import deadline_date

    assert deadline_date(["bis zum 12.03.2026", "innerhalb von 14 Tagen"], "2026-03-01") == "2026-03-12"
    assert deadline_date(["innerhalb eines Monats"], "2026-03-01") == "2026-03-31"
    assert deadline_date(["innerhalb zwei Wochen"], "2026-03-01") == "2026-03-15"
    assert deadline_date(["innerhalb zwei Wochen"], "") == ""  # no letter date: no day to count from
    assert deadline_date(["bis zum 31.02.2026"], "") == ""  # no such day
