"""Classifying an item: the model's calibrated heads, the rules, extraction and the
decision policy, put together into one `Prediction`. This is what the pipeline calls."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import replace

import numpy as np

from mailroom.classify.bundle import Model
from mailroom.classify.explain import explain
from mailroom.classify.extract import extract_metadata
from mailroom.classify.policy import MIN_OCR_CONFIDENCE, HeadScore, Novelty, decide
from mailroom.classify.rules import match_attachments, match_rules
from mailroom.records import HeadPrediction, Prediction

log = logging.getLogger(__name__)

TOP = 3


def classify_item(
    text: str, model: Model, ocr_confidence: float | None = None, flags: Sequence[str] = (), attachments: Sequence[str] = (),
    min_ocr_confidence: float = MIN_OCR_CONFIDENCE,
) -> Prediction:  # fmt: skip
    """Classify one item from its text (pages joined), with its mean OCR confidence
    (0-100; below `min_ocr_confidence` it goes to review), its flags and the names of its
    embedded files if known, and the terms that pushed each head's chosen label and its
    runner-up (`evidence`, linear models only). Never raises for odd text: empty text
    gives a prediction that goes to review."""
    prediction = classify_texts(
        [text], model, [ocr_confidence], [tuple(flags)], [tuple(attachments)], min_ocr_confidence
    )[0]
    heads = {"doc_type": prediction.doc_type, "route": prediction.route}
    return replace(prediction, evidence=explain(model, text, heads))


def classify_texts(
    texts: Sequence[str],
    model: Model,
    ocr_confidences: Sequence[float | None] | None = None,
    flags: Sequence[Sequence[str]] | None = None,
    attachments: Sequence[Sequence[str]] | None = None,
    min_ocr_confidence: float = MIN_OCR_CONFIDENCE,
) -> list[Prediction]:
    """`classify_item` for many texts at once (one batched model call per head), without
    the evidence."""
    probabilities = model.probabilities(texts)
    confidence = model.confidence(probabilities)
    novelty = model.novelty(texts)
    confidences = ocr_confidences or [None] * len(texts)
    all_flags = flags or [()] * len(texts)
    all_attachments = attachments or [()] * len(texts)
    return [
        _prediction(index, text, model, probabilities, confidence, confidences[index], all_flags[index], float(novelty[index]), all_attachments[index], min_ocr_confidence)
        for index, text in enumerate(texts)
    ]  # fmt: skip


def _prediction(
    index,
    text,
    model: Model,
    probabilities,
    confidence: dict[str, np.ndarray],
    ocr_confidence,
    flags,
    novelty: float,
    attachments: Sequence[str],
    min_ocr_confidence: float,
) -> Prediction:
    heads = {
        head: _head(classes, probs[index], float(confidence[head][index]), model.thresholds[head])
        for head, (classes, probs) in probabilities.items()
    }
    flags = tuple(flags) + (("empty_text",) if not text.strip() else ())
    doc_hit = match_attachments(attachments, model.rules)
    doc_type = heads["doc_type"]
    hits = match_rules(text, model.rules, doc_hit.doc_type if doc_hit else doc_type.label)
    decision = decide(
        HeadScore(doc_type.label, doc_type.probability, doc_type.threshold),
        HeadScore(heads["route"].label, heads["route"].probability, heads["route"].threshold),
        hits, model.rules.support_floor, ocr_confidence, flags, min_ocr_confidence,
        Novelty(novelty, model.layers.novelty_cutoff), doc_hit,
    )  # fmt: skip
    if doc_hit is not None:  # an attachment rule set the doc_type
        classes, probs = probabilities["doc_type"]
        probability = (
            float(probs[index][list(classes).index(doc_hit.doc_type)]) if doc_hit.doc_type in classes else 0.0
        )
        doc_type = HeadPrediction(doc_hit.doc_type, probability, doc_type.top, doc_type.threshold)
    route = heads["route"]
    if decision.route != route.label:  # a fix rule set the route
        probability = dict(route.top).get(decision.route, 0.0)
        route = HeadPrediction(decision.route, probability, route.top, route.threshold)
    metadata = extract_metadata(text, model.rules)
    metadata["novelty"] = round(novelty, 3)
    rules = [{"rule": h.rule, "route": h.route, "effect": h.effect, "evidence": h.evidence} for h in hits]
    if doc_hit is not None:
        rules.append(
            {
                "rule": doc_hit.rule,
                "doc_type": doc_hit.doc_type,
                "effect": "fix",
                "evidence": doc_hit.evidence,
            }
        )
    if rules:
        metadata["rules"] = rules
    return Prediction(
        doc_type, route, decision.decision, decision.reason, decision.decided_by, metadata, model.version
    )


def _head(classes: np.ndarray, row: np.ndarray, confidence: float, threshold: float) -> HeadPrediction:
    order = np.argsort(row)[::-1]
    top = tuple((str(classes[i]), round(float(row[i]), 4)) for i in order[:TOP])
    return HeadPrediction(str(classes[order[0]]), confidence, top, float(threshold))


def prediction_dict(prediction: Prediction) -> dict[str, object]:
    """A Prediction as plain JSON-ready data."""
    return {
        "doc_type": prediction.doc_type.label,
        "doc_type_top3": [{"label": label, "p": p} for label, p in prediction.doc_type.top],
        "route": prediction.route.label,
        "route_top3": [{"label": label, "p": p} for label, p in prediction.route.top],
        "decision": prediction.decision,
        "reason": prediction.reason,
        "decided_by": prediction.decided_by,
        "metadata": prediction.metadata,
        "model_version": prediction.model_version,
        "evidence": [
            {"head": e.head, "label": e.label, "chosen": e.chosen, "terms": list(e.terms)}
            for e in prediction.evidence
        ],
        "words": list(dict.fromkeys(term for e in prediction.evidence if e.chosen for term in e.terms)),
    }
