"""The review decision: a small pure policy from a prediction, the rules that hit, the
OCR confidence and the item's flags to `auto` (straight through) or `review`."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from mailroom.classify.rules import EXPECT, DocTypeHit, RuleHit
from mailroom.settings import OcrSettings

# Flags that always send an item to a person: nothing trustworthy to classify from, or a
# page that may have been turned the wrong way (ingest's flag; see mailroom.flow.work).
REVIEW_FLAGS = ("no_text", "timeout", "empty_text", "orientation_uncertain")
MIN_OCR_CONFIDENCE = OcrSettings().min_confidence  # the setting's default: text below it is not trusted


@dataclass(frozen=True)
class HeadScore:
    label: str
    probability: float
    threshold: float

    @property
    def passes(self) -> bool:
        return self.probability >= self.threshold


@dataclass(frozen=True)
class Decision:
    decision: str  # "auto" or "review"
    reason: str
    decided_by: str  # "model" or "rules"
    route: str  # the route after rules (a fix rule may replace the model's)


@dataclass(frozen=True)
class Novelty:
    """How unlike the training letters an item is, and the cutoff above which it goes to review."""

    score: float
    cutoff: float

    @property
    def familiar(self) -> bool:
        return self.score <= self.cutoff


def decide(
    doc_type: HeadScore,
    route: HeadScore,
    hits: Sequence[RuleHit] = (),
    support_floor: float = 0.6,
    ocr_confidence: float | None = None,
    flags: Sequence[str] = (),
    min_ocr_confidence: float = MIN_OCR_CONFIDENCE,
    novelty: Novelty | None = None,
    doc_type_hit: DocTypeHit | None = None,
) -> Decision:
    """Decide auto or review for one item; the reason names what decided it.

    First the route to suggest: a fix rule's; else the model's, which a support rule lets
    pass from `support_floor`; where the rules declare the route of the document type the
    model names (court mail: the Rechtsamt unless the court or matter names another
    office), that route, and a model that routes such mail elsewhere sends it to review
    while one that agrees is supported like by a support rule. Then what sends an item
    to review whatever the heads say: blocking flags, untrusted OCR, a letter unlike every
    training letter, conflicting fix rules. An item goes through only when both heads pass;
    an attachment rule (`doc_type_hit`: an e-invoice's XML) fixes the doc_type, which
    then passes.
    """
    doc_why = f"doc_type {doc_type.label} {doc_type.probability:.3f} {'≥' if doc_type.passes else '<'} {doc_type.threshold:.3f}"
    doc_label, doc_ok = doc_type.label, doc_type.passes
    if doc_type_hit is not None:
        doc_label, doc_ok = doc_type_hit.doc_type, True
        doc_why = f"doc_type {doc_label} fixed by rule {doc_type_hit.rule} (embedded file '{doc_type_hit.evidence}'; model: {doc_why})"
    expected = next((h for h in hits if h.effect == EXPECT), None)
    final_route, decided_by, route_ok, route_why = _route(route, hits, support_floor, expected)
    if expected is not None and final_route != expected.route and decided_by == "model":
        final_route, decided_by, route_ok = expected.route, "rules", False
        route_why = f"{doc_label} goes to {expected.route} (rule {expected.rule}: '{expected.evidence}'), the model says {route.label}"
    blocking = [f for f in flags if f in REVIEW_FLAGS]
    if blocking:
        return Decision("review", f"flagged: {', '.join(blocking)}", decided_by, final_route)
    if ocr_confidence is not None and ocr_confidence < min_ocr_confidence:
        return Decision(
            "review",
            f"OCR confidence {ocr_confidence:.0f} below {min_ocr_confidence:.0f}",
            decided_by,
            final_route,
        )
    if novelty is not None and not novelty.familiar:
        why = (
            f"unlike every training letter (novelty {novelty.score:.2f} > {novelty.cutoff:.2f}); {route_why}"
        )
        return Decision("review", why, decided_by, final_route)
    fixed = {h.route for h in hits if h.effect == "fix"}
    if len(fixed) > 1:
        names = ", ".join(f"{h.rule}→{h.route}" for h in hits if h.effect == "fix")
        return Decision("review", f"fix rules disagree ({names})", "rules", route.label)
    decision = "auto" if route_ok and doc_ok else "review"
    return Decision(decision, f"{doc_why}; {route_why}", decided_by, final_route)


def _route(
    route: HeadScore, hits: Sequence[RuleHit], support_floor: float, expected: RuleHit | None
) -> tuple[str, str, bool, str]:
    fix = next((h for h in hits if h.effect == "fix"), None)
    if fix is not None:
        agree = "agrees" if fix.route == route.label else f"overrides model's {route.label}"
        return (
            fix.route,
            "rules",
            True,
            f"route {fix.route} fixed by rule {fix.rule} ('{fix.evidence}', {agree})",
        )
    text = f"route {route.label} {route.probability:.3f}"
    if route.passes:
        return route.label, "model", True, f"{text} ≥ {route.threshold:.3f}"
    supports = [h for h in hits if h.effect == "support"] + ([expected] if expected else [])
    support = next((h for h in supports if h.route == route.label), None)
    if support is not None and route.probability >= support_floor:
        return (
            route.label,
            "rules",
            True,
            f"{text} < {route.threshold:.3f} but supported by rule {support.rule} ('{support.evidence}')",
        )
    return route.label, "model", False, f"{text} < {route.threshold:.3f}"
