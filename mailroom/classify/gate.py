"""The promotion gate: a challenger model replaces the one in use only if it is at least
as precise on a frozen set of the city's own reviewed mail (`classify.frozen_eval`).

Precision of the items that would go straight through is what the city is promised; a
retrained model that lets more mail through but sends more of it to the wrong office
must not slip in unnoticed. A `check` row (an independent evaluation set) is never used
to choose a model, so such rows are left out here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from mailroom.classify.bundle import Model
from mailroom.classify.evaluate import evaluate_model


@dataclass(frozen=True)
class Comparison:
    """Both models' figures on the frozen set."""

    items: int
    current: dict[str, Any]  # version, automation, auto_precision, doc_type_macro_f1, route_macro_f1
    challenger: dict[str, Any]

    @property
    def passes(self) -> bool:
        """The challenger is at least as precise on the automated items as the current model."""
        return self.challenger["auto_precision"] >= self.current["auto_precision"]

    def metrics(self) -> dict[str, float]:
        return {f"{who}_{k}": float(v) for who, figures in (("current", self.current), ("challenger", self.challenger))
                for k, v in figures.items() if k != "version"}  # fmt: skip


def compare(
    current: Model, challenger: Model, texts: Sequence[str], truth: Mapping[str, Sequence[str]]
) -> Comparison:
    """Evaluate both models on the same texts and labels."""
    return Comparison(len(texts), _figures(current, texts, truth), _figures(challenger, texts, truth))


def _figures(model: Model, texts: Sequence[str], truth: Mapping[str, Sequence[str]]) -> dict[str, Any]:
    report = evaluate_model(model, texts, truth)
    return {"version": model.version, "automation": report["automation"], "auto_precision": report["auto_precision"],
            "doc_type_macro_f1": report["heads"]["doc_type"]["macro_f1"], "route_macro_f1": report["heads"]["route"]["macro_f1"]}  # fmt: skip
