"""Honest confidence: temperature scaling on held-out predictions, the confidence of a
head's top label per document type, and the thresholds that reach a target precision of
the items that go straight through.

All work on probabilities, so every backend is calibrated the same way.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import numpy as np
from scipy.optimize import minimize_scalar
from scipy.stats import norm
from sklearn.linear_model import LogisticRegression

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


class ClassConfidence:
    """How likely a head's top label is right, given the document type the doc_type head
    names: per doc type a logistic map of the logit of the head's top probability,
    fitted on held-out letters (out of fold, whole writing styles held out).

    One temperature for all classes trusts every doc type alike; but an invoice that
    reads 0.95 is right far more often than an application that reads 0.95, which a
    complaint form or a short question may resemble. The map keeps the order of the
    letters within a doc type (the slope must be positive) and leaves a doc type alone
    that has fewer than `min_items` held-out letters or no wrong or no right one among
    them. Trained on the same letters, on deveval `learn` (mail we did not write) the
    same target precision let 61.7 % through without it and 70.0 % with it, one wrong
    letter each; on held-out writing styles 69.1 % at 99.0 % and 69.8 % at 98.8 %.
    """

    def __init__(self, min_items: int = 30) -> None:
        self.min_items = min_items

    def fit(self, kinds: np.ndarray, confidence: np.ndarray, correct: np.ndarray) -> ClassConfidence:
        """`kinds`: each letter's predicted doc type; `confidence`: the head's top
        probability; `correct`: whether the head's top label was right."""
        kinds, right = np.asarray(kinds), np.asarray(correct, bool)
        self.maps_: dict[str, tuple[float, float]] = {}
        for kind in np.unique(kinds):
            mask = kinds == kind
            if mask.sum() < self.min_items or right[mask].all() or not right[mask].any():
                continue
            fitted = LogisticRegression().fit(_logit(np.asarray(confidence)[mask])[:, None], right[mask])
            if fitted.coef_[0, 0] > 0:
                self.maps_[str(kind)] = (float(fitted.intercept_[0]), float(fitted.coef_[0, 0]))
        return self

    def transform(self, kinds: np.ndarray, confidence: np.ndarray) -> np.ndarray:
        kinds, mapped = np.asarray(kinds), np.array(confidence, dtype=float)
        for kind, (intercept, slope) in self.maps_.items():
            mask = kinds == kind
            mapped[mask] = 1.0 / (1.0 + np.exp(-(intercept + slope * _logit(mapped[mask]))))
        return mapped


def _logit(p: np.ndarray) -> np.ndarray:
    p = np.clip(p, 1e-6, 1 - 1e-6)
    return np.log(p / (1 - p))


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
    held-out fold), the share measured in every fold must reach the target as well: the
    worst held-out writing styles, not only the average. When no combination reaches
    the target, the thresholds are 1.0 + epsilon (nothing goes through).
    """
    heads = list(confidence)
    grids = [_grid(confidence[h], floor, candidates) for h in heads]
    all_right = np.logical_and.reduce([np.asarray(correct[h], bool) for h in heads])
    folds = (
        np.unique(fold_of, return_inverse=True)[1] if fold_of is not None else np.zeros(len(all_right), int)
    )
    # every item's cell: per head, the highest grid threshold it reaches (0: none), and its fold
    cells = tuple(np.searchsorted(g, confidence[h], side="right") for h, g in zip(heads, grids, strict=True))
    shape = (*(len(g) + 1 for g in grids), folds.max(initial=0) + 1)
    count, right = np.zeros(shape), np.zeros(shape)
    np.add.at(count, (*cells, folds), 1)
    np.add.at(right, (*cells, folds), all_right)
    for axis in range(len(heads)):  # items at or above each combination of thresholds, per fold
        count, right = (np.flip(np.flip(t, axis).cumsum(axis), axis) for t in (count, right))
    count, right = count[(slice(1, None),) * len(heads)], right[(slice(1, None),) * len(heads)]
    passed, passed_right = count.sum(-1), right.sum(-1)
    with np.errstate(invalid="ignore", divide="ignore"):
        precision = np.where(passed > 0, passed_right / passed, 0.0)
        bound = wilson_lower(precision, passed, confidence_level)
        if fold_of is not None:
            shares = np.where(count > 0, right / count, np.inf)
            bound = np.minimum(bound, shares.min(-1))
    valid = (passed > 0) & (bound >= target)
    if not valid.any():
        return ThresholdChoice({h: 1.0 + EPSILON for h in heads}, 0.0, 1.0, False)
    sums = np.sum(np.meshgrid(*grids, indexing="ij"), axis=0)
    flat = np.flatnonzero(valid)  # the most items through; of those, the highest thresholds; then the first
    best = flat[np.lexsort((-flat, sums.flat[flat], passed.flat[flat]))[-1]]
    combo = np.unravel_index(best, valid.shape)
    return ThresholdChoice(
        {h: float(g[i]) for h, g, i in zip(heads, grids, combo, strict=True)},
        float(passed.flat[best] / len(all_right)),
        float(precision.flat[best]),
        True,
    )


def wilson_lower(share: np.ndarray | float, count: np.ndarray | float, level: float) -> np.ndarray:
    """One-sided Wilson score lower bound of proportions measured as `share` of `count`,
    element by element (level 0 or count 0: the share itself)."""
    share, count = np.asarray(share, float), np.asarray(count, float)
    if level <= 0:
        return share
    z = float(norm.ppf(level))
    with np.errstate(invalid="ignore", divide="ignore"):
        centre = share + z * z / (2 * count)
        spread = z * np.sqrt(share * (1 - share) / count + z * z / (4 * count * count))
        return np.where(count > 0, (centre - spread) / (1 + z * z / count), share)


def _grid(values: np.ndarray, floor: float, candidates: int) -> np.ndarray:
    """The candidate thresholds of a head: `floor` and quantiles of the values above it, ascending."""
    above = np.asarray(values)[np.asarray(values) >= floor]
    if not len(above):
        return np.array([floor])
    return np.unique(np.concatenate([[floor], np.quantile(above, np.linspace(0, 1, candidates))]))


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
