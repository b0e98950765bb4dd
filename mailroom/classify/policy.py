"""The review decision: a small pure policy from a prediction, the rules that hit, the
OCR confidence and the item's flags to `auto` (straight through) or `review`."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from mailroom.classify.rules import RuleHit

# Flags that always send an item to a person: nothing trustworthy to classify from.
REVIEW_FLAGS = ("no_text", "timeout", "ocr_error", "empty_text", "model_unavailable")
MIN_OCR_CONFIDENCE = 50.0  # mean word confidence (0-100) below which the text is not trusted


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


def decide(
    doc_type: HeadScore,
    route: HeadScore,
    hits: Sequence[RuleHit] = (),
    support_floor: float = 0.6,
    ocr_confidence: float | None = None,
    flags: Sequence[str] = (),
    min_ocr_confidence: float = MIN_OCR_CONFIDENCE,
) -> Decision:
    """Decide auto or review for one item; the reason names what decided it.

    Order: blocking flags, untrusted OCR, conflicting fix rules, then the heads: a fix
    rule sets the route; a support rule for the model's route lets it pass from
    `support_floor`; an item goes through only when both heads pass.
    """
    blocking = [f for f in flags if f in REVIEW_FLAGS]
    if blocking:
        return Decision("review", f"flagged: {', '.join(blocking)}", "model", route.label)
    if ocr_confidence is not None and ocr_confidence < min_ocr_confidence:
        return Decision("review", f"OCR confidence {ocr_confidence:.0f} below {min_ocr_confidence:.0f}", "model", route.label)
    fixed = {h.route for h in hits if h.effect == "fix"}
    if len(fixed) > 1:
        names = ", ".join(f"{h.rule}→{h.route}" for h in hits if h.effect == "fix")
        return Decision("review", f"fix rules disagree ({names})", "rules", route.label)
    final_route, decided_by, route_ok, route_why = _route(route, hits, support_floor)
    doc_why = f"doc_type {doc_type.label} {doc_type.probability:.3f} {'≥' if doc_type.passes else '<'} {doc_type.threshold:.3f}"
    decision = "auto" if route_ok and doc_type.passes else "review"
    return Decision(decision, f"{doc_why}; {route_why}", decided_by, final_route)


def _route(route: HeadScore, hits: Sequence[RuleHit], support_floor: float) -> tuple[str, str, bool, str]:
    fix = next((h for h in hits if h.effect == "fix"), None)
    if fix is not None:
        agree = "agrees" if fix.route == route.label else f"overrides model's {route.label}"
        return fix.route, "rules", True, f"route {fix.route} fixed by rule {fix.rule} ('{fix.evidence}', {agree})"
    text = f"route {route.label} {route.probability:.3f}"
    if route.passes:
        return route.label, "model", True, f"{text} ≥ {route.threshold:.3f}"
    support = next((h for h in hits if h.effect == "support" and h.route == route.label), None)
    if support is not None and route.probability >= support_floor:
        return route.label, "rules", True, f"{text} < {route.threshold:.3f} but supported by rule {support.rule} ('{support.evidence}')"
    return route.label, "model", False, f"{text} < {route.threshold:.3f}"
