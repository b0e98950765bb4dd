"""Measuring a model on a labelled set: per-head accuracy, macro-F1, per-class precision
and recall, calibration, automation rate and the precision of automated items."""

from __future__ import annotations

import logging
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.metrics import confusion_matrix, f1_score, precision_recall_fscore_support

from mailroom.classify.bundle import HEADS, Model
from mailroom.classify.calibrate import expected_calibration_error, reliability
from mailroom.classify.plots import confusion_png, reliability_png
from mailroom.classify.predict import classify_texts
from mailroom.metrics import char_accuracy

log = logging.getLogger(__name__)


def evaluate_model(
    model: Model,
    texts: Sequence[str],
    truth: Mapping[str, Sequence[str]],
    reference_texts: Sequence[str | None] | None = None,
) -> dict[str, Any]:
    """The report of `model` on `texts` with true `truth[head]` labels.

    `reference_texts` (ground truth, where the set has it) adds OCR character accuracy.
    The decision counts rules as the pipeline does; `automation` is the share of items
    decided `auto`, `auto_precision` the share of those right on both heads.
    """
    start = time.perf_counter()
    predictions = classify_texts(texts, model)
    seconds = (time.perf_counter() - start) / max(1, len(texts))
    report: dict[str, Any] = {
        "model_version": model.version,
        "backend": model.backend,
        "items": len(texts),
        "classify_seconds_per_item": seconds,
        "thresholds": model.thresholds,
        "heads": {},
    }
    right = np.ones(len(texts), bool)
    for head in HEADS:
        y_true = np.asarray(truth[head])
        y_pred = np.asarray([getattr(p, head).label for p in predictions])
        confidence = np.asarray([getattr(p, head).probability for p in predictions])
        right &= y_true == y_pred
        report["heads"][head] = head_report(y_true, y_pred, confidence)
    auto = np.asarray([p.decision == "auto" for p in predictions])
    report["automation"] = float(auto.mean()) if len(auto) else 0.0
    report["auto_items"] = int(auto.sum())
    report["auto_precision"] = float(right[auto].mean()) if auto.any() else 1.0
    report["auto_by_rules"] = int(sum(p.decision == "auto" and p.decided_by == "rules" for p in predictions))
    report["both_right"] = float(right.mean()) if len(right) else 0.0
    if reference_texts is not None and any(r is not None for r in reference_texts):
        scores = [char_accuracy(r, t) for r, t in zip(reference_texts, texts, strict=True) if r is not None]
        report["ocr_char_accuracy"] = float(np.mean(scores))
    report["errors"] = [
        {"index": i, "truth": {h: truth[h][i] for h in HEADS}, "predicted": {h: getattr(p, h).label for h in HEADS},
         "confidence": round(p.confidence, 3), "decision": p.decision}
        for i, p in enumerate(predictions) if not right[i]
    ]  # fmt: skip
    return report


def head_report(y_true: np.ndarray, y_pred: np.ndarray, confidence: np.ndarray) -> dict[str, Any]:
    """Accuracy, macro-F1, per-class precision/recall/support, confusion matrix, reliability."""
    labels = sorted(set(y_true) | set(y_pred))
    precision, recall, _, support = precision_recall_fscore_support(
        y_true, y_pred, labels=labels, zero_division=0
    )
    correct = y_true == y_pred
    return {
        "accuracy": float(correct.mean()),
        "macro_f1": float(
            f1_score(y_true, y_pred, labels=sorted(set(y_true)), average="macro", zero_division=0)
        ),
        "per_class": {
            label: {"precision": float(p), "recall": float(r), "support": int(s)}
            for label, p, r, s in zip(labels, precision, recall, support, strict=True)
        },
        "labels": labels,
        "confusion": confusion_matrix(y_true, y_pred, labels=labels).tolist(),
        "ece": expected_calibration_error(confidence, correct),
        "reliability": reliability(confidence, correct),
    }


def write_plots(report: dict[str, Any], folder: Path, stem: str) -> list[Path]:
    """Confusion-matrix PNGs (one per head) and a reliability PNG into `folder`."""
    paths = []
    for head, data in report["heads"].items():
        title = f"{head}: accuracy {data['accuracy']:.3f}, macro-F1 {data['macro_f1']:.3f}"
        paths.append(
            confusion_png(
                np.asarray(data["confusion"]), data["labels"], title, folder / f"{stem}_confusion_{head}.png"
            )
        )
    curves = {head: data["reliability"] for head, data in report["heads"].items()}
    paths.append(
        reliability_png(
            curves, f"reliability ({report['model_version']})", folder / f"{stem}_reliability.png"
        )
    )
    return paths
