"""Tests of the letters written for the doc-type boundaries the independent check showed
the generator too narrow at: requests that look like advertising, applications sent by an
agency, and other doc types that speak of an "Antrag" without being one."""

from __future__ import annotations

import datetime as dt
import random
import re

from mailroom.synth.content import compose_item, styles_for
from mailroom.synth.document import Fields, MailItem, Paragraph

DAY = dt.date(2026, 3, 12)


def item(doc_type: str, route: str, seed: int) -> MailItem:
    return compose_item(doc_type, route, random.Random(seed), DAY)


def prose(it: MailItem) -> str:
    return " ".join([it.letter.subject, *(b.text for b in it.letter.body if isinstance(b, Paragraph))])


def of_style(doc_type: str, route: str, style: str, n: int = 12) -> list[MailItem]:
    found = [it for s in range(400) if (it := item(doc_type, route, s)).style == style]
    assert len(found) >= n, f"{style}: only {len(found)} of 400 items"
    return found[:n]


def test_an_associations_request_is_an_enquiry_to_the_city_as_a_whole() -> None:
    assert "club_request" in styles_for("anfrage", "poststelle")
    assert not any("club_request" in styles_for("anfrage", r) for r in ("bauamt", "sozialamt", "beschaffung"))
    for it in of_style("anfrage", "poststelle", "club_request"):
        text = prose(it)
        assert it.letter.sender.kind == "company" and it.letter.sender.person  # a club signs, not a citizen
        assert "?" in text or "bitten" in text  # it asks the city one thing and waits for an answer
        assert "Spendenaufruf" not in text and "Überweisung" not in {
            b.title for b in it.letter.body if isinstance(b, Fields)
        }


def test_an_agency_puts_a_candidate_forward_with_the_candidates_cv() -> None:
    for it in of_style("bewerbung", "personalamt", "agency", 10):
        cv = [e for e in it.enclosures if e.layout == "cv"]
        assert cv, "the candidate's CV is enclosed"
        candidate = cv[0].signature
        assert it.letter.sender.kind == "company" and candidate not in it.letter.sender.name
        assert it.letter.signature != candidate  # the agency signs
        assert candidate in prose(it) or "Kennziffer" in prose(it) or it.letter.references


def test_other_doc_types_speak_of_an_antrag_without_being_one() -> None:
    antrag = re.compile(r"\bAntrags?\b|beantrage")
    for doc_type, route, least in (("nachreichung", "sozialamt", 0.15), ("kuendigung", "steueramt", 0.05)):
        share = sum(bool(antrag.search(prose(item(doc_type, route, s)))) for s in range(200)) / 200
        assert share >= least, (doc_type, share)
    for it in of_style("bescheid", "steueramt", "on_application", 8):
        assert antrag.search(prose(it))
        assert it.letter.sender.kind != "citizen" and it.letter.sender.name != it.letter.signature
