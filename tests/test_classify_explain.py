"""The model's evidence (classify/explain.py): the pushes of a letter's terms towards a
class, on tiny models trained here and on the shipped bundle."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from mailroom.classify.bundle import load_model
from mailroom.classify.explain import contributions, top_terms
from mailroom.classify.linear import LinearTextClassifier
from mailroom.classify.predict import classify_item, prediction_dict
from mailroom.item_state import ItemPrediction

SHIPPED = Path(__file__).parents[1] / "models" / "default"
TRAIN = [
    ("Hiermit lege ich Widerspruch gegen den Bescheid ein.", "widerspruch"),
    ("Gegen Ihren Bescheid erhebe ich Widerspruch, er ist rechtswidrig.", "widerspruch"),
    ("Widerspruch: der Bescheid vom Mai ist falsch berechnet.", "widerspruch"),
    ("Ich beschwere mich über den unfreundlichen Mitarbeiter am Schalter.", "beschwerde"),
    ("Beschwerde über die lange Wartezeit und das unfreundliche Verhalten.", "beschwerde"),
    ("Meine Beschwerde: niemand ruft zurück, der Mitarbeiter war unhöflich.", "beschwerde"),
    ("Rechnung Nr. 4711, bitte überweisen Sie den Betrag bis zum 30. Mai.", "rechnung"),
    ("Anbei unsere Rechnung über die Lieferung, zahlbar ohne Abzug.", "rechnung"),
    ("Rechnung für Druckerpapier, Betrag 120,00 EUR, bitte überweisen.", "rechnung"),
]
LETTER = "Sehr geehrte Damen und Herren, gegen den Bescheid lege ich Widerspruch ein. Der Mitarbeiter war freundlich."


def trained(classifier: str, rows=TRAIN) -> LinearTextClassifier:
    texts, labels = zip(*rows, strict=True)
    return LinearTextClassifier(classifier=classifier, C=10.0).fit(list(texts), list(labels))


def score(model: LinearTextClassifier, text: str, label: str) -> float:
    """The class's decision score less its intercept (a two-class model scores its second class)."""
    k = list(model.classes_).index(label)
    raw = np.atleast_2d(model.classifier_.decision_function(model.features_.transform([text])))
    raw = raw - model.classifier_.intercept_
    return float(raw[0][0] * (1 if k else -1) if raw.shape[1] == 1 else raw[0][k])


@pytest.mark.parametrize("classifier", ["svm", "logreg"])
def test_the_pushes_of_all_terms_add_up_to_the_class_score(classifier: str) -> None:
    model = trained(classifier)
    for label in model.classes_:
        pushes = contributions(model, LETTER, str(label))
        assert sum(pushes.values()) == pytest.approx(score(model, LETTER, str(label)), abs=1e-4)
    with pytest.raises(ValueError, match="no class 'antrag'"):
        contributions(model, LETTER, "antrag")


@pytest.mark.parametrize("classifier", ["svm", "logreg"])
def test_the_top_term_of_a_class_is_a_word_that_pushes_it(classifier: str) -> None:
    model = trained(classifier)
    terms = top_terms(model, LETTER, "widerspruch")
    assert terms[0][0] == "widerspruch" and all(push > 0 for _, push in terms)
    assert [push for _, push in terms] == sorted((push for _, push in terms), reverse=True)
    without = LETTER.replace("Widerspruch", "")
    assert score(model, without, "widerspruch") < score(model, LETTER, "widerspruch") - 0.1
    # the runner-up's evidence is its own: the employee pushes the complaint, not the objection
    assert "mitarbeiter" in dict(top_terms(model, LETTER, "beschwerde"))
    assert "mitarbeiter" not in dict(terms)


def test_a_two_class_model_pushes_its_classes_in_opposite_directions() -> None:
    model = trained("svm", [row for row in TRAIN if row[1] != "rechnung"])
    objection, complaint = (
        contributions(model, LETTER, "widerspruch"),
        contributions(model, LETTER, "beschwerde"),
    )
    assert objection.keys() == complaint.keys()
    assert all(objection[t] == pytest.approx(-complaint[t]) for t in objection)
    assert sum(objection.values()) == pytest.approx(score(model, LETTER, "widerspruch"), abs=1e-4)


@pytest.mark.skipif(not (SHIPPED / "meta.json").is_file(), reason="no shipped model")
def test_classify_item_stores_the_evidence_of_the_shipped_model() -> None:
    model = load_model(SHIPPED)
    text = (
        "An das Steueramt\nWiderspruch gegen den Hundesteuerbescheid vom 3. November\n"
        "Sehr geehrte Damen und Herren, hiermit lege ich Widerspruch gegen den Bescheid ein."
    )
    prediction = classify_item(text, model)
    heads = [(e.head, e.chosen) for e in prediction.evidence]
    assert heads == [("doc_type", True), ("doc_type", False), ("route", True), ("route", False)]
    chosen = prediction.evidence[0]
    assert chosen.label == prediction.doc_type.label and chosen.terms
    assert prediction.evidence[1].label == next(x for x, _ in prediction.doc_type.top if x != chosen.label)
    assert all(term.split()[0] in text.lower() for e in prediction.evidence for term in e.terms)
    stored = prediction_dict(prediction)
    stored.pop("metadata")
    item = ItemPrediction.model_validate(stored)  # as the pipeline stores it (flow/items.py)
    assert [e.label for e in item.evidence_of("route")] == [
        prediction.route.label,
        prediction.evidence[3].label,
    ]
    assert set(item.words or ()) == {t for e in prediction.evidence if e.chosen for t in e.terms}
