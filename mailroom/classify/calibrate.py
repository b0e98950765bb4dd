"""Honest confidence: temperature scaling on held-out predictions, and the thresholds
that reach a target precision of the items that go straight through.

Both work on probabilities, so every backend is calibrated the same way.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy.optimize import minimize_scalar
from scipy.stats import norm

log = logging.getLogger(__name__)

EPSILON = 1e-9


class TemperatureScaler:
    """Rescales probabilities p to softmax(log p / T), with T fitted on held-out items.

    T > 1 softens an over-confident model, T < 1 sharpens an under-confident one; the
    ranking of classes never changes.
    """

    def __init__(self, bounds: tuple[float, float] = (0.005, 20.0)) -> None:
        self.bounds = bounds

    def fit(self, probabilities: np.ndarray, truth: np.ndarray) -> TemperatureScaler:
        """Fit T by minimising the negative log-likelihood of the true class indices."""
        logp = np.log(np.clip(probabilities, EPSILON, 1.0))
        truth = np.asarray(truth)

        def nll(temperature: float) -> float:
            scaled = _softmax(logp / temperature)
            return float(-np.mean(np.log(np.clip(scaled[np.arange(len(truth)), truth], EPSILON, 1.0))))

        result = minimize_scalar(nll, bounds=self.bounds, method="bounded")
        self.temperature_ = float(result.x)
        log.info("temperature %.3f (NLL %.4f -> %.4f)", self.temperature_, nll(1.0), result.fun)
        return self

    def transform(self, probabilities: np.ndarray) -> np.ndarray:
        return _softmax(np.log(np.clip(probabilities, EPSILON, 1.0)) / self.temperature_)


def _softmax(logits: np.ndarray) -> np.ndarray:
    shifted = logits - logits.max(axis=1, keepdims=True)
    exp = np.exp(shifted)
    return exp / exp.sum(axis=1, keepdims=True)


@dataclass(frozen=True)
class ThresholdChoice:
    """Per-head thresholds and what they achieved on the held-out items they were chosen on."""

    thresholds: dict[str, float]
    automation: float  # share of held-out items above every head's threshold
    precision: float  # share of those items that every head got right (1.0 when none)
    reached: bool  # False: no thresholds reach the target; everything goes to review


def choose_thresholds(
    confidence: dict[str, np.ndarray],
    correct: dict[str, np.ndarray],
    target: float,
    floor: float = 0.5,
    candidates: int = 60,
    confidence_level: float = 0.0,
    fold_of: np.ndarray | None = None,
) -> ThresholdChoice:
    """The per-head thresholds that let the most items through while the items let
    through (above all heads' thresholds) are right on every head with precision >= target.

    `confidence[head]` is each held-out item's calibrated top probability, `correct[head]`
    whether the top label was right. No threshold is below `floor`. With a
    `confidence_level` (e.g. 0.95), the precision that must reach the target is the
    one-sided Wilson lower bound at that level, not the share measured, so that the
    promise holds on other letters too, not only on these. With `fold_of` (each item's
    held-out fold), that bound must reach the target in every fold, the worst held-out
    writing styles included, not only over all items pooled. When no combination reaches
    the target, the thresholds are 1.0 + epsilon (nothing goes through).
    """
    heads = list(confidence)
    grids = [_grid(confidence[h], floor, candidates) for h in heads]
    all_right = np.logical_and.reduce([np.asarray(correct[h], bool) for h in heads])
    best: tuple[float, float, tuple[float, ...]] | None = None
    for combo in _product(grids):
        passed = np.logical_and.reduce([confidence[h] >= t for h, t in zip(heads, combo, strict=True)])
        count = int(passed.sum())
        if count == 0:
            continue
        precision = float(all_right[passed].mean())
        automation = count / len(passed)
        if _worst_bound(all_right, passed, fold_of, confidence_level) >= target and (
            best is None or automation > best[0] or (automation == best[0] and sum(combo) > sum(best[2]))
        ):
            best = (automation, precision, combo)
    if best is None:
        return ThresholdChoice({h: 1.0 + EPSILON for h in heads}, 0.0, 1.0, False)
    return ThresholdChoice({h: float(t) for h, t in zip(heads, best[2], strict=True)}, best[0], best[1], True)


def _worst_bound(right: np.ndarray, passed: np.ndarray, fold_of: np.ndarray | None, level: float) -> float:
    """The lower bound of the precision of the `passed` items: over all of them, or the
    smallest over the folds of `fold_of` (a fold that lets nothing through counts as 1)."""
    if fold_of is None:
        return wilson_lower(float(right[passed].mean()), int(passed.sum()), level)
    bounds = [wilson_lower(float(right[mask].mean()), int(mask.sum()), level)
              for mask in (passed & (fold_of == fold) for fold in np.unique(fold_of)) if mask.any()]  # fmt: skip
    return min(bounds)


def wilson_lower(share: float, count: int, level: float) -> float:
    """One-sided Wilson score lower bound of a proportion measured as `share` of `count`
    (level 0: the share itself)."""
    if level <= 0 or count == 0:
        return share
    z = float(norm.ppf(level))
    centre = share + z * z / (2 * count)
    spread = z * np.sqrt(share * (1 - share) / count + z * z / (4 * count * count))
    return float((centre - spread) / (1 + z * z / count))


def _grid(values: np.ndarray, floor: float, candidates: int) -> list[float]:
    above = np.asarray(values)[np.asarray(values) >= floor]
    points = (
        np.unique(np.concatenate([[floor], np.quantile(above, np.linspace(0, 1, candidates))]))
        if len(above)
        else np.array([floor])
    )
    return sorted(float(p) for p in points)


def _product(grids: Sequence[list[float]]):
    if not grids:
        yield ()
        return
    for first in grids[0]:
        for rest in _product(grids[1:]):
            yield (first, *rest)


def reliability(confidence: np.ndarray, correct: np.ndarray, bins: int = 10) -> list[dict[str, float]]:
    """Per confidence bin: mean confidence, accuracy and count (empty bins left out)."""
    edges = np.linspace(0.0, 1.0, bins + 1)
    rows = []
    for low, high in zip(edges[:-1], edges[1:], strict=True):
        inside = (confidence >= low) & ((confidence < high) if high < 1.0 else (confidence <= high))
        if inside.any():
            rows.append(
                {
                    "low": float(low),
                    "high": float(high),
                    "confidence": float(confidence[inside].mean()),
                    "accuracy": float(np.mean(correct[inside])),
                    "count": int(inside.sum()),
                }
            )
    return rows


def expected_calibration_error(confidence: np.ndarray, correct: np.ndarray, bins: int = 10) -> float:
    """Mean |accuracy - confidence| over bins, weighted by their share of items."""
    total = len(confidence)
    return float(
        sum(
            r["count"] / total * abs(r["accuracy"] - r["confidence"])
            for r in reliability(confidence, correct, bins)
        )
    )
