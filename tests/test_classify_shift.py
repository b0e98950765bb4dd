"""Routing that knows the document type, confidence that holds under shift, and the
declared court routing: the route combiner, the novelty scorer, grouped folds, the
doc-type routes of configs/rules.yaml and what the decision makes of them."""

from __future__ import annotations

import numpy as np
import pytest
import yaml

from mailroom.classify.combine import RouteCombiner
from mailroom.classify.novelty import NoveltyScorer
from mailroom.classify.policy import HeadScore, Novelty, decide
from mailroom.classify.rules import load_rules, match_rules
from mailroom.classify.train import make_folds
from mailroom.settings import PACKAGE_CONFIG_DIR

DOCS = ["gerichtspost", "widerspruch"]
ROUTES = ["rechtsamt", "steueramt", "jugendamt"]


def _probs(index: int, size: int, rng: np.random.Generator, strength: float = 0.8) -> np.ndarray:
    row = rng.dirichlet(np.ones(size)) * (1 - strength)
    row[index] += strength
    return row


def test_combiner_learns_that_court_mail_goes_to_the_rechtsamt_whatever_its_subject() -> None:
    # The route head reads the subject (dog tax: steueramt); court mail about it belongs to
    # the Rechtsamt, a family court's letter to the Jugendamt, an objection to its subject's office.
    rng = np.random.default_rng(0)
    doc, route, labels = [], [], []
    for _ in range(150):
        for d, subject, truth in (("gerichtspost", "steueramt", "rechtsamt"), ("gerichtspost", "jugendamt", "jugendamt"),
                                  ("widerspruch", "steueramt", "steueramt"), ("gerichtspost", "rechtsamt", "rechtsamt")):  # fmt: skip
            doc.append(_probs(DOCS.index(d), 2, rng))
            route.append(_probs(ROUTES.index(subject), 3, rng))
            labels.append(truth)
    combiner = RouteCombiner().fit(np.array(doc), np.array(route), labels, DOCS, ROUTES)
    court_tax = combiner.predict_proba(np.array([[0.95, 0.05]]), np.array([[0.1, 0.85, 0.05]]))[0]
    objection_tax = combiner.predict_proba(np.array([[0.05, 0.95]]), np.array([[0.1, 0.85, 0.05]]))[0]
    family_court = combiner.predict_proba(np.array([[0.95, 0.05]]), np.array([[0.1, 0.05, 0.85]]))[0]
    classes = list(combiner.classes_)
    assert classes[int(np.argmax(court_tax))] == "rechtsamt"
    assert classes[int(np.argmax(objection_tax))] == "steueramt"
    assert classes[int(np.argmax(family_court))] == "jugendamt"
    with pytest.raises(ValueError, match="classes differ"):
        combiner.predict_proba(np.array([[1.0]]), np.array([[0.1, 0.85, 0.05]]))


TRAIN = [f"Widerspruch gegen den Hundesteuerbescheid vom {d}. März, Kassenzeichen 1.234.{d:03d}" for d in range(1, 40)] + \
        [f"Antrag auf Wohngeld für {n} Personen im Haushalt ab dem nächsten Monat" for n in range(1, 40)]  # fmt: skip


def test_novelty_is_low_for_letters_like_the_training_letters_and_high_for_others() -> None:
    scorer = NoveltyScorer().fit(TRAIN)
    familiar, english, garbage = scorer.score(["Widerspruch gegen den Hundesteuerbescheid vom 7. April",
                                               "Please find attached our quote for the office chairs", "xq zzv 9191 ### kkkk pfpfpf"])  # fmt: skip
    assert familiar < 0.4 < 0.8 < english <= garbage
    assert scorer.score([]).shape == (0,)


def test_folds_hold_out_whole_groups() -> None:
    labels = ["a", "b"] * 40
    groups = [f"style{i % 8}" for i in range(80)]
    folds = make_folds(labels, groups, 4, seed=0)
    assert len(folds) == 4
    for train, test in folds:
        assert not {groups[i] for i in train} & {groups[i] for i in test}
    assert sorted(np.concatenate([test for _, test in folds]).tolist()) == list(range(80))


@pytest.fixture(scope="module")
def rules():
    return load_rules(PACKAGE_CONFIG_DIR / "rules.yaml")


@pytest.mark.parametrize(
    ("text", "route", "rule"),
    [
        (
            "Verwaltungsgericht Dresden\nUrteil\nIn der Verwaltungsrechtssache wegen Hundesteuer\nDie Klage wird abgewiesen.",
            "rechtsamt",
            "gerichtspost-default",
        ),
        (
            "Amtsgericht Kassel – Familiengericht\nKindschaftssache betreffend das Kind Mia\nDas Jugendamt wird angehört.",
            "jugendamt",
            "familiengericht_kindschaft",
        ),
        (
            "Amtsgericht – Vollstreckungsgericht\nPfändungs- und Überweisungsbeschluss\nDrittschuldnerin: Stadt Jena\n"
            "gepfändet wird das Arbeitseinkommen des Schuldners",
            "personalamt",
            "vollstreckungsgericht_pfueb",
        ),
        (
            "Amtsgericht Halle\nBußgeldsache gegen Herrn X wegen Parkverstoß\nBitte übersenden Sie die Akte.",
            "verkehrsbehoerde",
            "bussgeldsache_verkehr",
        ),
        (
            "Amtsgericht Jena – Insolvenzgericht\nDas Insolvenzverfahren wurde eröffnet.",
            "steueramt",
            "insolvenzgericht_steuerforderung",
        ),
        (
            "Amtsgericht Kassel – Betreuungsgericht\nBetreuungssache: Bitte um einen Sozialbericht.",
            "sozialamt",
            "betreuungsgericht",
        ),
    ],
)
def test_court_mail_has_a_declared_route(rules, text: str, route: str, rule: str) -> None:
    expected = [h for h in match_rules(text, rules, "gerichtspost") if h.effect == "expect"]
    assert [(h.route, h.rule) for h in expected] == [(route, rule)]
    assert not [h for h in match_rules(text, rules, "widerspruch") if h.effect == "expect"]


def test_court_routing_is_the_same_for_the_generator_and_the_rules(rules) -> None:
    court_routes = yaml.safe_load((PACKAGE_CONFIG_DIR / "synth.yaml").read_text(encoding="utf-8"))[
        "court_routes"
    ]
    declared = next(d for d in rules.doc_type_routes if d.doc_type == "gerichtspost")
    assert declared.default == court_routes["default"]
    assert {r.name: r.route for r in declared.unless} == {
        k: v for k, v in court_routes.items() if k != "default"
    }


COURT = HeadScore("gerichtspost", 0.97, 0.90)
COURT_UNSURE = HeadScore("gerichtspost", 0.70, 0.90)
TO_TAX = HeadScore("steueramt", 0.99, 0.95)
TO_LAW_LOW = HeadScore("rechtsamt", 0.75, 0.95)


def test_court_mail_the_model_routes_elsewhere_goes_to_a_person(rules) -> None:
    hits = match_rules("Verwaltungsgericht Chemnitz, Urteil wegen Hundesteuer", rules, "gerichtspost")
    decision = decide(COURT, TO_TAX, hits)
    assert decision.decision == "review" and decision.route == "rechtsamt" and decision.decided_by == "rules"
    assert "goes to rechtsamt" in decision.reason and "the model says steueramt" in decision.reason
    agreeing = decide(COURT, TO_LAW_LOW, hits)  # the declared route supports the model's like a support rule
    assert (
        agreeing.decision == "auto"
        and agreeing.decided_by == "rules"
        and "gerichtspost-default" in agreeing.reason
    )
    unsure = decide(
        COURT_UNSURE, TO_TAX, hits
    )  # unsure it is court mail: a person decides, the declared route suggested
    assert unsure.decision == "review" and unsure.route == "rechtsamt"
    assert decide(COURT_UNSURE, TO_LAW_LOW, hits).decision == "review"


def test_a_letter_unlike_every_training_letter_goes_to_review() -> None:
    sure = HeadScore("widerspruch", 0.99, 0.9), HeadScore("steueramt", 0.99, 0.9)
    assert decide(*sure, novelty=Novelty(0.2, 0.5)).decision == "auto"
    odd = decide(*sure, novelty=Novelty(0.7, 0.5))
    assert odd.decision == "review" and "unlike every training letter (novelty 0.70 > 0.50)" in odd.reason
