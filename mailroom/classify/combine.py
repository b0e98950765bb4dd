"""The route that knows the document type: a small learned layer over both heads.

The route head reads a letter's subject; the doc_type head knows what kind of letter it
is. A court's judgment in a dog-tax case is about dog tax (route head: Steueramt) and is
court mail (doc_type head: Gerichtspost), and court mail goes to the Rechtsamt unless the
court or the matter says otherwise. `RouteCombiner` learns that from the training items:
a multinomial logistic regression over both heads' log-probabilities and every product
of their probabilities (so "court mail *and* family-court words"
can point elsewhere than "court mail" alone). It is fitted on out-of-fold probabilities,
never on the heads' own training fit, so it learns how far to trust each head on letters
they did not see.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from sklearn.linear_model import LogisticRegression

EPSILON = 1e-6
Labels = Sequence[str] | np.ndarray


class RouteCombiner:
    """(doc_type probabilities, route probabilities) in, route probabilities out.

    Both inputs are calibrated probabilities with columns in the order of `doc_classes`
    and `route_classes`; the output's columns follow `classes_`.
    """

    def __init__(self, C: float = 1.0, max_iter: int = 2000) -> None:
        self.C = C
        self.max_iter = max_iter

    def fit(self, doc: np.ndarray, route: np.ndarray, labels: Labels, doc_classes: Labels,
            route_classes: Labels, sample_weight: np.ndarray | None = None) -> RouteCombiner:  # fmt: skip
        self.doc_classes_ = np.asarray(doc_classes)
        self.route_classes_ = np.asarray(route_classes)
        self.model_ = LogisticRegression(C=self.C, max_iter=self.max_iter)
        self.model_.fit(self._features(doc, route), np.asarray(labels), sample_weight=sample_weight)
        self.classes_ = self.model_.classes_
        return self

    def predict_proba(self, doc: np.ndarray, route: np.ndarray) -> np.ndarray:
        return self.model_.predict_proba(self._features(doc, route))

    def _features(self, doc: np.ndarray, route: np.ndarray) -> np.ndarray:
        if doc.shape[1] != len(self.doc_classes_) or route.shape[1] != len(self.route_classes_):
            raise ValueError("the heads' classes differ from those the route combiner was fitted on")
        products = (doc[:, :, None] * route[:, None, :]).reshape(len(doc), -1)
        logs = [np.log(np.clip(p, EPSILON, 1.0)) for p in (route, doc)]
        return np.hstack([*logs, products]).astype(np.float64)
