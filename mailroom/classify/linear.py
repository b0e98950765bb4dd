"""The default backend: TF-IDF over word and character n-grams, then a linear classifier.

Character n-grams (within word boundaries) keep the features robust to OCR errors: a
word with one wrong letter still shares most of its n-grams with the right one. With
`fold_digits`, every digit reads as 0 before the n-grams are taken: a date, a postcode or
a file number then counts by its shape, not by the numbers one generator happened to
write (on deveval `learn` and the real documents this generalised better, with the same
macro-F1 on held-out writing styles).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from pathlib import Path

import joblib
import numpy as np
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import FeatureUnion
from sklearn.svm import LinearSVC

log = logging.getLogger(__name__)

MODEL_FILE = "model.joblib"
DIGIT = re.compile(r"\d")


class LinearTextClassifier(ClassifierMixin, BaseEstimator):
    """Texts in, class probabilities out; scikit-learn's estimator contract.

    Settings: `word_ngrams`/`char_ngrams` as (min, max) n, `word_features`/`char_features`
    the vocabulary caps (they bound the model's size), `min_df`, the `classifier`
    ("svm": a linear SVM, fast and a little more accurate here; "logreg": logistic
    regression) and its `C`, and `fold_digits` (every digit read as 0). The SVM's
    probabilities are a softmax of its decision values: meaningful only after
    calibration, which training always does.
    """

    def __init__(
        self,
        word_ngrams: tuple[int, int] = (1, 2),
        char_ngrams: tuple[int, int] = (3, 5),
        word_features: int = 10000,
        char_features: int = 20000,
        min_df: int = 2,
        classifier: str = "svm",
        C: float = 1.0,
        fold_digits: bool = False,
        max_iter: int = 2000,
    ) -> None:
        self.word_ngrams = word_ngrams
        self.char_ngrams = char_ngrams
        self.word_features = word_features
        self.char_features = char_features
        self.min_df = min_df
        self.classifier = classifier
        self.C = C
        self.fold_digits = fold_digits
        self.max_iter = max_iter

    def fit(
        self, texts: Sequence[str], labels: Sequence[str], sample_weight: Sequence[float] | None = None
    ) -> LinearTextClassifier:
        """Learn the vocabularies and the classifier (each text weighted by `sample_weight`); returns self."""
        self.features_ = self._features(len(texts))
        matrix = self.features_.fit_transform(list(texts))
        if self.classifier not in ("svm", "logreg"):
            raise ValueError(f"classifier '{self.classifier}' is neither svm nor logreg")
        if self.classifier == "svm":
            self.classifier_ = LinearSVC(C=self.C, max_iter=self.max_iter)
        else:
            self.classifier_ = LogisticRegression(C=self.C, max_iter=self.max_iter)
        self.classifier_.fit(
            matrix,
            list(labels),
            sample_weight=None if sample_weight is None else np.asarray(sample_weight, float),
        )
        self.classes_ = self.classifier_.classes_
        self._shrink()
        return self

    def predict_proba(self, texts: Sequence[str]) -> np.ndarray:
        """Probabilities per item (rows) and class (columns, in the order of `classes_`)."""
        matrix = self.features_.transform(list(texts))
        if self.classifier == "logreg":
            return self.classifier_.predict_proba(matrix)
        scores = self.classifier_.decision_function(matrix)
        if scores.ndim == 1:  # two classes: one score for the second
            scores = np.column_stack([-scores, scores])
        scores = scores - scores.max(axis=1, keepdims=True)
        exp = np.exp(scores)
        return exp / exp.sum(axis=1, keepdims=True)

    def predict(self, texts: Sequence[str]) -> np.ndarray:
        return self.classes_[np.argmax(self.predict_proba(texts), axis=1)]

    def save(self, folder: Path) -> None:
        """Write the fitted classifier into `folder`."""
        folder.mkdir(parents=True, exist_ok=True)
        joblib.dump(self, folder / MODEL_FILE, compress=3)

    @classmethod
    def load(cls, folder: Path) -> LinearTextClassifier:
        """Read a classifier written by `save`."""
        model = joblib.load(folder / MODEL_FILE)
        if not isinstance(model, cls):
            raise TypeError(f"{folder / MODEL_FILE} holds a {type(model).__name__}, not a {cls.__name__}")
        return model

    def _features(self, count: int) -> FeatureUnion:
        min_df = self.min_df if count >= 10 * self.min_df else 1  # tiny sets keep every term
        common = {
            "sublinear_tf": True,
            "min_df": min_df,
            "dtype": np.float32,
            "preprocessor": lowercase_folded if self.fold_digits else str.lower,
        }
        return FeatureUnion([
            ("words", TfidfVectorizer(ngram_range=tuple(self.word_ngrams), max_features=self.word_features,
                                      token_pattern=r"(?u)\b\w\w+\b", **common)),
            ("chars", TfidfVectorizer(analyzer="char_wb", ngram_range=tuple(self.char_ngrams),
                                      max_features=self.char_features, **common)),
        ])  # fmt: skip

    def __setstate__(self, state: dict) -> None:  # models saved before `fold_digits` existed
        super().__setstate__({"fold_digits": False, **state})

    def _shrink(self) -> None:
        """Keep the saved model small: float32 weights, no list of dropped terms."""
        for _, vectorizer in self.features_.transformer_list:
            if hasattr(vectorizer, "stop_words_"):
                del vectorizer.stop_words_
            vectorizer.idf_ = vectorizer.idf_.astype(np.float32)
        self.classifier_.coef_ = self.classifier_.coef_.astype(np.float32)
        self.classifier_.intercept_ = self.classifier_.intercept_.astype(np.float32)


def lowercase_folded(text: str) -> str:
    """The text in lower case with every digit as 0 (a module function: models are pickled)."""
    return DIGIT.sub("0", text.lower())
