"""Training: two heads on labelled texts, calibrated on out-of-fold predictions, with
thresholds chosen for a target precision of the items that go straight through.

`train_model` is pure over texts and labels (no OCR, no MLflow); the command around it
gets the texts and logs the run.
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from pydantic import BaseModel, ConfigDict, ValidationError
from sklearn.base import clone
from sklearn.model_selection import StratifiedGroupKFold, StratifiedKFold

from mailroom.classify.bundle import HEADS, Layers, Model, backend_class
from mailroom.classify.calibrate import (
    ClassConfidence,
    TemperatureScaler,
    choose_thresholds,
    expected_calibration_error,
)
from mailroom.classify.combine import RouteCombiner
from mailroom.classify.novelty import NoveltyScorer
from mailroom.classify.rules import RuleSet
from mailroom.dataset import LabelledItem
from mailroom.errors import BadConfig, BadInput
from mailroom.files import read_yaml
from mailroom.taxonomy import Taxonomy

log = logging.getLogger(__name__)

Step = Callable[[str], None]  # told what training step has just finished


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class LinearConfig(_Section):
    word_ngrams: tuple[int, int] = (1, 2)
    char_ngrams: tuple[int, int] = (3, 5)
    word_features: int = 30000
    char_features: int = 60000
    min_df: int = 2
    classifier: str = "svm"
    C: float = 1.0
    fold_digits: tuple[
        str, ...
    ] = ()  # the heads that read every digit as 0 (not route: office numbers in file numbers)


class TransformerConfig(_Section):
    checkpoint: Path = Path("models/checkpoints/german-bert")
    max_length: int = 256
    epochs: int = 3
    batch_size: int = 8
    learning_rate: float = 5e-5
    seed: int = 0


class TrainConfig(_Section):
    model_type: str = "linear"
    target_precision: float | None = None  # None: the settings' classify.target_precision
    threshold_floor: float = 0.5
    precision_confidence: float = (
        0.95  # thresholds: the Wilson lower bound of held-out precision at this level must reach the target
    )
    precision_in_every_fold: bool = (
        False  # the precision measured in each held-out fold must reach the target as well
    )
    calibration_folds: int = 5
    threshold_deals: int = (
        9  # the held-out groups dealt this many ways into folds; each head's threshold the median
    )
    group_by: str = "style"  # column whose values are held out together in the folds ("": random folds)
    novelty_quantile: float = 0.995  # share of held-out-style letters the novelty cutoff lets through
    city_mail_weight: float = (
        3.0  # weight of reviewed city mail (rows with a `review` column) per generated letter
    )
    min_items_per_class: int = 5
    seed: int = 0
    experiment: str = "mailroom-classifier"
    linear: LinearConfig = LinearConfig()
    transformer: TransformerConfig = TransformerConfig()


def load_train_config(path: Path, overrides: dict[str, Any] | None = None) -> TrainConfig:
    """Read configs/train.yaml (with `overrides` of top-level keys). Raises BadConfig."""
    data = read_yaml(path, "training config") or {}
    data.update({k: v for k, v in (overrides or {}).items() if v is not None})
    try:
        config = TrainConfig.model_validate(data)
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors())
        raise BadConfig(f"invalid training config {path}: {problems}") from exc
    if config.model_type not in ("linear", "transformer"):
        raise BadConfig(f"{path}: model_type '{config.model_type}' is neither linear nor transformer")
    if unknown := sorted(set(config.linear.fold_digits) - set(HEADS)):
        raise BadConfig(
            f"{path}: linear.fold_digits names {', '.join(unknown)}, not a head ({', '.join(HEADS)})"
        )
    if config.transformer.checkpoint and not config.transformer.checkpoint.is_absolute():
        base = path.resolve().parent.parent  # paths in configs/ are relative to the repository
        config = config.model_copy(
            update={
                "transformer": config.transformer.model_copy(
                    update={"checkpoint": base / config.transformer.checkpoint}
                )
            }
        )
    return config


def make_estimator(config: TrainConfig, head: str):
    """A fresh, unfitted estimator of the configured backend for `head`."""
    cls = backend_class(config.model_type)
    if config.model_type == "transformer":
        return cls(**config.transformer.model_dump())
    return cls(**{**config.linear.model_dump(), "fold_digits": head in config.linear.fold_digits})


@dataclass
class TrainResult:
    model: Model
    held_out: dict[str, Any]  # out-of-fold metrics: accuracy, ECE, temperatures, automation
    seconds: float


@dataclass(frozen=True)
class TrainingRows:
    """What training reads: texts, their labels per head, and per row the group it is
    held out with in the calibration folds and its weight."""

    texts: list[str]
    labels: dict[str, list[str]]
    groups: list[str] | None = None  # None: stratified random folds
    weights: list[float] | None = None  # None: every row weighs 1


def training_rows(fit: Sequence[tuple[LabelledItem, str]], config: TrainConfig) -> TrainingRows:
    """Labelled items and their texts as training rows: each grouped by its
    `config.group_by` column (a row without one is a group of its own) and weighted:
    reviewed city mail (a `review` column, as `mailroom feedback export` writes it) by
    `config.city_mail_weight`."""
    groups = (
        [item.extra.get(config.group_by) or f"row {number}" for number, (item, _) in enumerate(fit)]
        if config.group_by
        else None
    )
    weights = [config.city_mail_weight if item.extra.get("review") else 1.0 for item, _ in fit]
    labels = {head: [getattr(item, head) for item, _ in fit] for head in HEADS}
    return TrainingRows([text for _, text in fit], labels, groups, weights)


def check_trainable(labels: Mapping[str, Sequence[str]], minimum: int) -> None:
    """Raise BadInput if there is nothing to train on or a label has too few items."""
    for head, values in labels.items():
        if not values:
            raise BadInput("no items to train on: the set(s) hold no rows outside the test split")
        counts = Counter(values)
        if len(counts) < 2:
            raise BadInput(
                f"{head}: every item has the label '{next(iter(counts))}'; a classifier needs at least two labels"
            )
        few = {label: n for label, n in counts.items() if n < minimum}
        if few:
            listed = ", ".join(f"{label} ({n})" for label, n in sorted(few.items()))
            raise BadInput(
                f"{head}: too few items to train for {listed}; each label needs at least {minimum} "
                f"(min_items_per_class): add items or remove those rows"
            )


def train_model(
    rows: TrainingRows,
    config: TrainConfig,
    taxonomy: Taxonomy,
    rules: RuleSet,
    rules_data: dict[str, Any],
    step: Step | None = None,
) -> TrainResult:
    """Fit both heads, the route combiner and the novelty scorer on `rows`; calibrate and
    choose thresholds on out-of-fold predictions, with whole groups (writing styles)
    held out of each fold, so that the thresholds are measured on letters unlike those
    the model learned from. Raises BadInput for too little data."""
    start = time.perf_counter()
    texts, labels = rows.texts, rows.labels
    check_trainable(labels, max(config.min_items_per_class, config.calibration_folds, 2))
    target = config.target_precision if config.target_precision is not None else 0.98
    weights = np.asarray(rows.weights if rows.weights is not None else [1.0] * len(texts), float)
    folds = make_folds(labels["doc_type"], rows.groups, config.calibration_folds, config.seed)
    heads, temperatures, calibrated, held_out, truth = {}, {}, {}, {}, {}
    for head in HEADS:
        estimator = make_estimator(config, head)
        y = np.asarray(labels[head])
        oof, classes = out_of_fold(estimator, texts, y, folds, weights, step, head)
        truth[head] = np.searchsorted(classes, y)
        scaler = TemperatureScaler().fit(oof, truth[head])
        temperatures[head] = scaler.temperature_
        calibrated[head] = (classes, scaler.transform(oof))
        heads[head] = _fit(clone(estimator), texts, y, weights)
        if step:
            step(f"{head}: final fit")
    combined, combiner, combiner_temperature = _route_layer(calibrated, labels["route"], folds, weights)
    novelty, cutoff = _novelty(texts, folds, config)
    if step:
        step("route combiner and novelty")
    correct = {
        "doc_type": calibrated["doc_type"][1].argmax(axis=1) == truth["doc_type"],
        "route": combined.argmax(axis=1) == truth["route"],
    }
    familiar = novelty <= cutoff
    fold_of = fold_numbers(folds, len(texts))[familiar]
    kinds = calibrated["doc_type"][0][calibrated["doc_type"][1].argmax(axis=1)][familiar]
    top = {
        "doc_type": calibrated["doc_type"][1].max(axis=1)[familiar],
        "route": combined.max(axis=1)[familiar],
    }
    right = {h: c[familiar] for h, c in correct.items()}  # thresholds and calibration error: familiar letters
    keys = _deal_keys(rows.groups, familiar, config.calibration_folds)
    thresholds, dealt = choose_dealt_thresholds(kinds, top, right, keys, target, config)
    confidence, by_doc_type = _class_confidence(kinds, top, right, fold_of)
    passed = np.logical_and.reduce([confidence[h] >= thresholds[h] for h in HEADS])
    all_right = np.logical_and.reduce([right[h] for h in HEADS])
    reached = all(t <= 1.0 for t in thresholds.values())
    if not reached:
        log.warning(
            "no thresholds reach precision %.3f on held-out items: everything will go to review", target
        )
    for head in HEADS:
        held_out[f"{head}_accuracy"] = float(correct[head].mean())
        held_out[f"{head}_ece"] = expected_calibration_error(confidence[head], right[head])
        held_out[f"{head}_temperature"] = temperatures[head]
    held_out.update(route_text_accuracy=float((calibrated["route"][1].argmax(axis=1) == truth["route"]).mean()),
                    novelty_cutoff=cutoff, familiar=float(familiar.mean()), automation=float(passed.mean() * familiar.mean()),
                    auto_precision=float(all_right[passed].mean()) if passed.any() else 1.0, target_reached=reached,
                    automation_lowest_deal=min(dealt) * float(familiar.mean()), automation_highest_deal=max(dealt) * float(familiar.mean()))  # fmt: skip
    meta = {
        "version": f"{config.model_type}-{time.strftime('%Y%m%d-%H%M%S')}-{data_hash(texts, labels)[:8]}",
        "taxonomy_digest": taxonomy.digest,
        "training_data_hash": data_hash(texts, labels),
        "training_items": len(texts),
        "target_precision": target,
        "held_out": held_out,
        "folds_grouped_by": config.group_by if rows.groups is not None else "",
        "config": config.model_dump(mode="json"),
    }
    layers = Layers(combiner, combiner_temperature, NoveltyScorer().fit(texts), cutoff, by_doc_type)
    model = Model(config.model_type, heads, temperatures, thresholds, rules, rules_data, layers, meta)
    return TrainResult(model, held_out, time.perf_counter() - start)


Folds = list[tuple[np.ndarray, np.ndarray]]


def fold_numbers(folds: Folds, count: int) -> np.ndarray:
    """Each row's held-out fold (its index in `folds`)."""
    numbers = np.empty(count, int)
    for number, (_, test) in enumerate(folds):
        numbers[test] = number
    return numbers


def make_folds(stratify: Sequence[str], groups: Sequence[str] | None, folds: int, seed: int) -> Folds:
    """(train, test) index pairs: stratified by `stratify`, and with every group's rows in
    one test fold when `groups` is given (too few groups: random folds)."""
    y = np.asarray(stratify)
    if groups is not None and len(set(groups)) >= folds:
        splitter = StratifiedGroupKFold(n_splits=folds, shuffle=True, random_state=seed)
        return list(splitter.split(np.zeros(len(y)), y, np.asarray(groups)))
    return list(StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed).split(np.zeros(len(y)), y))


def _fit(estimator, texts: Sequence[str], y: np.ndarray, weights: np.ndarray):
    if np.allclose(weights, 1.0):
        return estimator.fit(list(texts), y)
    return estimator.fit(list(texts), y, sample_weight=weights)


def out_of_fold(
    estimator,
    texts: Sequence[str],
    y: np.ndarray,
    folds: Folds,
    weights: np.ndarray,
    step: Step | None,
    head: str,
) -> tuple[np.ndarray, np.ndarray]:
    """Probabilities of every item from a model that did not see it, with columns in the
    order of the sorted classes (a class missing from a fold's training part gets 0)."""
    classes = np.unique(y)
    oof = np.zeros((len(y), len(classes)))
    for number, (train, test) in enumerate(folds, start=1):
        fitted = _fit(clone(estimator), [texts[i] for i in train], y[train], weights[train])
        columns = np.searchsorted(classes, fitted.classes_)
        oof[np.ix_(test, columns)] = fitted.predict_proba([texts[i] for i in test])
        if step:
            step(f"{head}: fold {number}/{len(folds)}")
    return oof, classes


def _route_layer(
    calibrated: dict[str, tuple[np.ndarray, np.ndarray]],
    route_labels: Sequence[str],
    folds: Folds,
    weights: np.ndarray,
) -> tuple[np.ndarray, RouteCombiner, float]:
    """The route combiner's out-of-fold probabilities (calibrated), the combiner fitted on
    all out-of-fold head probabilities, and its temperature."""
    (doc_classes, doc), (route_classes, route) = calibrated["doc_type"], calibrated["route"]
    y = np.asarray(route_labels)
    oof = np.zeros_like(route)
    for train, test in folds:
        fitted = RouteCombiner().fit(
            doc[train], route[train], y[train], doc_classes, route_classes, weights[train]
        )
        oof[test] = fitted.predict_proba(doc[test], route[test])  # columns: route_classes
    truth = np.searchsorted(route_classes, y)
    scaler = TemperatureScaler().fit(oof, truth)
    combiner = RouteCombiner().fit(doc, route, y, doc_classes, route_classes, weights)
    return scaler.transform(oof), combiner, scaler.temperature_


def _deal_keys(groups: Sequence[str] | None, familiar: np.ndarray, folds: int) -> list[str]:
    """The name each familiar row is dealt into a fold by: its group, or (no groups, or
    too few for grouped folds, as in `make_folds`) the row itself."""
    keys = (
        groups if groups is not None and len(set(groups)) >= folds else [str(i) for i in range(len(familiar))]
    )
    return [key for key, keep in zip(keys, familiar, strict=True) if keep]


def deal_folds(keys: Sequence[str], deals: int, folds: int) -> list[np.ndarray]:
    """`deals` ways of dealing the distinct `keys` into `folds` sets of (nearly) equal
    count: each row's set per deal. A deal shuffles the keys by a hash of their names,
    so it depends on which keys there are, not on the order of the rows."""
    names = sorted(set(keys))
    dealt = []
    for deal in range(deals):
        order = sorted(
            names, key=lambda name: hashlib.blake2b(f"{deal}:{name}".encode(), digest_size=8).digest()
        )
        fold = {name: rank % folds for rank, name in enumerate(order)}
        dealt.append(np.array([fold[key] for key in keys], int))
    return dealt


def choose_dealt_thresholds(
    kinds: np.ndarray,
    top: dict[str, np.ndarray],
    right: dict[str, np.ndarray],
    keys: Sequence[str],
    target: float,
    config: TrainConfig,
) -> tuple[dict[str, float], list[float]]:
    """Each head's threshold: the median of those the precision rule (`choose_thresholds`)
    picks over `config.threshold_deals` deals of the held-out groups into folds, each deal
    with its own cross-fitted confidence maps; and every deal's held-out automation.

    Which writing styles share a fold decides the worst fold's precision, and with it
    the thresholds: one draw or another moved held-out automation by up to 22 points.
    The median over deals by name does not hang on one draw."""
    thresholds, automation = [], []
    for fold_of in deal_folds(keys, config.threshold_deals, config.calibration_folds):
        confidence, _ = _class_confidence(kinds, top, right, fold_of)
        choice = choose_thresholds(confidence, right, target, config.threshold_floor, confidence_level=config.precision_confidence,
                                   fold_of=fold_of if config.precision_in_every_fold else None)  # fmt: skip
        thresholds.append(choice.thresholds)
        automation.append(choice.automation)
    return {h: float(np.median([t[h] for t in thresholds])) for h in top}, automation


def _class_confidence(
    kinds: np.ndarray, top: dict[str, np.ndarray], correct: dict[str, np.ndarray], fold_of: np.ndarray
) -> tuple[dict[str, np.ndarray], dict[str, ClassConfidence]]:
    """Per head: every letter's confidence by its predicted doc type (ClassConfidence),
    each fold's from a map fitted on the other folds, so that the thresholds are chosen on
    confidences the map did not learn from; and the map fitted on all folds for the bundle."""
    held, fitted = {}, {}
    for head, values in top.items():
        held[head] = np.zeros(len(values))
        for fold in np.unique(fold_of):
            inside = fold_of == fold
            scorer = ClassConfidence().fit(kinds[~inside], values[~inside], correct[head][~inside])
            held[head][inside] = scorer.transform(kinds[inside], values[inside])
        fitted[head] = ClassConfidence().fit(kinds, values, correct[head])
    return held, fitted


def _novelty(texts: Sequence[str], folds: Folds, config: TrainConfig) -> tuple[np.ndarray, float]:
    """Every item's novelty against the training part of its fold, and the cutoff: the
    `novelty_quantile` of those scores."""
    scores = np.zeros(len(texts))
    for train, test in folds:
        scorer = NoveltyScorer().fit([texts[i] for i in train])
        scores[test] = scorer.score([texts[i] for i in test])
    return scores, float(np.quantile(scores, config.novelty_quantile))


def training_steps(config: TrainConfig) -> int:
    """How many steps `train_model` reports, for a progress bar."""
    return len(HEADS) * (config.calibration_folds + 1) + 1


def data_hash(texts: Sequence[str], labels: Mapping[str, Sequence[str]]) -> str:
    """SHA-256 over the training texts and labels, in order."""
    digest = hashlib.sha256()
    for index, text in enumerate(texts):
        digest.update(text.encode())
        for head in sorted(labels):
            digest.update(b"\0" + labels[head][index].encode())
        digest.update(b"\1")
    return digest.hexdigest()
