"""The route that knows the document type: a small learned layer over both heads.

The route head reads a letter's subject; the doc_type head knows what kind of letter it
is. A court's judgment in a dog-tax case is about dog tax and is court mail, and court
mail goes to the Rechtsamt unless the court or the matter says otherwise. `RouteCombiner`
learns how the document type shifts the route: the route head's log-probabilities plus a
bias per (doc type, route) weighted by the doc_type head's probabilities, fitted on
out-of-fold probabilities (never on the heads' own training fit) with an L2 penalty that
keeps it at the route head unless the training letters show otherwise. On letters of
held-out writing styles (out of fold, 2,000 generated letters) it keeps the route head's
accuracy (0.923 against 0.924) and routes more court mail right (0.927 against 0.895);
a free multinomial regression over both heads did worse than the route head (0.874).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from scipy.optimize import minimize

EPSILON = 1e-6
Labels = Sequence[str] | np.ndarray


class RouteCombiner:
    """(doc_type probabilities, route probabilities) in, route probabilities out.

    Both inputs are calibrated probabilities with columns in the order of `doc_classes`
    and `route_classes`; the output's columns follow `classes_` (= `route_classes`).
    `penalty` is the L2 weight on the doc-type biases.
    """

    def __init__(self, penalty: float = 0.01) -> None:
        self.penalty = penalty

    def fit(self, doc: np.ndarray, route: np.ndarray, labels: Labels, doc_classes: Labels,
            route_classes: Labels, sample_weight: np.ndarray | None = None) -> RouteCombiner:  # fmt: skip
        self.doc_classes_ = np.asarray(doc_classes)
        self.classes_ = np.asarray(route_classes)
        doc, log_route = self._inputs(doc, route)
        column = {label: number for number, label in enumerate(self.classes_)}
        truth = np.asarray([column[label] for label in labels])
        weights = np.ones(len(truth)) if sample_weight is None else np.asarray(sample_weight, float)
        weights = weights / weights.sum()
        shape = (len(self.doc_classes_), len(self.classes_))
        rows = np.arange(len(truth))

        def loss(flat: np.ndarray) -> tuple[float, np.ndarray]:
            bias, intercept = flat[: shape[0] * shape[1]].reshape(shape), flat[shape[0] * shape[1] :]
            p = _softmax(log_route + doc @ bias + intercept)
            nll = -float(weights @ np.log(p[rows, truth] + 1e-12))
            residual = p
            residual[rows, truth] -= 1.0
            residual *= weights[:, None]
            gradient = np.concatenate(
                [(doc.T @ residual + 2 * self.penalty * bias).ravel(), residual.sum(axis=0)]
            )
            return nll + self.penalty * float((bias**2).sum()), gradient

        found = minimize(loss, np.zeros(shape[0] * shape[1] + shape[1]), jac=True, method="L-BFGS-B")
        self.bias_ = found.x[: shape[0] * shape[1]].reshape(shape)
        self.intercept_ = found.x[shape[0] * shape[1] :]
        return self

    def predict_proba(self, doc: np.ndarray, route: np.ndarray) -> np.ndarray:
        doc, log_route = self._inputs(doc, route)
        return _softmax(log_route + doc @ self.bias_ + self.intercept_)

    def _inputs(self, doc: np.ndarray, route: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        if doc.shape[1] != len(self.doc_classes_) or route.shape[1] != len(self.classes_):
            raise ValueError("the heads' classes differ from those the route combiner was fitted on")
        return np.asarray(doc, float), np.log(np.clip(route, EPSILON, 1.0))


def _softmax(logits: np.ndarray) -> np.ndarray:
    shifted = logits - logits.max(axis=1, keepdims=True)
    exp = np.exp(shifted)
    return exp / exp.sum(axis=1, keepdims=True)
