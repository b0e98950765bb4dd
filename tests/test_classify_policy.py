"""The review decision as a table of cases: prediction, rules, OCR confidence, flags."""

from __future__ import annotations

import pytest

from mailroom.classify.policy import HeadScore, decide
from mailroom.classify.rules import RuleHit

DOC_OK = HeadScore("widerspruch", 0.97, 0.90)
DOC_LOW = HeadScore("widerspruch", 0.70, 0.90)
ROUTE_OK = HeadScore("steueramt", 0.99, 0.95)
ROUTE_LOW = HeadScore("steueramt", 0.80, 0.95)
ROUTE_VERY_LOW = HeadScore("steueramt", 0.40, 0.95)
SUPPORT_TAX = RuleHit("kassenzeichen", "steueramt", "support", "1.234.567890.1")
SUPPORT_BAU = RuleHit("az-bauamt", "bauamt", "support", "63-01234/26")
FIX_BAU = RuleHit("bauakte", "bauamt", "fix", "Bauakte")
FIX_TAX = RuleHit("steuerakte", "steueramt", "fix", "Steuerakte")

CASES = [
    # doc,    route,          hits,                  ocr,  flags,        decision, by,      route,       reason contains
    (DOC_OK, ROUTE_OK, (), None, (), "auto", "model", "steueramt", "≥ 0.950"),
    (DOC_LOW, ROUTE_OK, (), None, (), "review", "model", "steueramt", "< 0.900"),
    (DOC_OK, ROUTE_LOW, (), None, (), "review", "model", "steueramt", "< 0.950"),
    (
        DOC_OK,
        ROUTE_LOW,
        (SUPPORT_TAX,),
        None,
        (),
        "auto",
        "rules",
        "steueramt",
        "supported by rule kassenzeichen",
    ),
    (DOC_OK, ROUTE_VERY_LOW, (SUPPORT_TAX,), None, (), "review", "model", "steueramt", "< 0.950"),
    (DOC_OK, ROUTE_LOW, (SUPPORT_BAU,), None, (), "review", "model", "steueramt", "< 0.950"),
    (DOC_OK, ROUTE_LOW, (FIX_BAU,), None, (), "auto", "rules", "bauamt", "overrides model's steueramt"),
    (DOC_LOW, ROUTE_OK, (FIX_BAU,), None, (), "review", "rules", "bauamt", "fixed by rule bauakte"),
    (DOC_OK, ROUTE_OK, (FIX_BAU, FIX_TAX), None, (), "review", "rules", "steueramt", "fix rules disagree"),
    (DOC_OK, ROUTE_OK, (), 35.0, (), "review", "model", "steueramt", "OCR confidence 35"),
    (DOC_OK, ROUTE_OK, (), 80.0, (), "auto", "model", "steueramt", "≥"),
    (DOC_OK, ROUTE_OK, (), None, ("no_text",), "review", "model", "steueramt", "flagged: no_text"),
    (DOC_OK, ROUTE_OK, (), None, ("low_confidence",), "auto", "model", "steueramt", "≥"),
    (
        DOC_OK,
        ROUTE_OK,
        (),
        80.0,
        ("orientation_uncertain",),
        "review",
        "model",
        "steueramt",
        "flagged: orientation_uncertain",
    ),
]


@pytest.mark.parametrize(("doc", "route", "hits", "ocr", "flags", "decision", "by", "final", "why"), CASES)
def test_decision_table(doc, route, hits, ocr, flags, decision, by, final, why) -> None:
    result = decide(doc, route, hits, support_floor=0.6, ocr_confidence=ocr, flags=flags)
    assert (result.decision, result.decided_by, result.route) == (decision, by, final)
    assert why in result.reason
