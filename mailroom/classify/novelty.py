"""How unlike every training letter a letter is: a letter unlike anything the model has
seen goes to a person, whatever the heads say, because their confidence was measured on
letters like the training letters.

The score is 1 - the cosine similarity to the nearest training letter over character
n-gram TF-IDF (robust to OCR errors). The bundle keeps each training letter's `keep`
strongest n-grams only, which keeps it small. The cutoff is chosen on letters of writing
styles held out of the fit (grouped folds, see train.py).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize

BATCH = 512  # letters scored per matrix product


class NoveltyScorer:
    """fit(texts) learns the training letters; score(texts) is near 0 for a copy of one
    of them and 1 for a letter that shares no n-gram with any."""

    def __init__(self, keep: int = 64, features: int = 20000) -> None:
        self.keep = keep
        self.features = features

    def fit(self, texts: Sequence[str]) -> NoveltyScorer:
        self.vectorizer_ = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), max_features=self.features,
                                           sublinear_tf=True, min_df=2 if len(texts) >= 20 else 1, dtype=np.float32)  # fmt: skip
        self.memory_ = _strongest(self.vectorizer_.fit_transform(list(texts)).tocsr(), self.keep)
        self.vectorizer_.idf_ = self.vectorizer_.idf_.astype(np.float32)
        if hasattr(self.vectorizer_, "stop_words_"):
            del self.vectorizer_.stop_words_
        return self

    def score(self, texts: Sequence[str]) -> np.ndarray:
        """One score per text, in [0, 1] (higher: more unlike the training letters)."""
        if not len(texts):
            return np.zeros(0)
        vectors = self.vectorizer_.transform(list(texts))
        nearest = np.concatenate(
            [
                (vectors[i : i + BATCH] @ self.memory_.T).max(axis=1).toarray().ravel()
                for i in range(0, vectors.shape[0], BATCH)
            ]
        )
        return np.clip(1.0 - nearest, 0.0, 1.0)


def _strongest(matrix: sp.csr_matrix, keep: int) -> sp.csr_matrix:
    """Each row cut to its `keep` largest entries, normalised again."""
    data, indices, indptr = [], [], [0]
    for row in range(matrix.shape[0]):
        start, end = matrix.indptr[row], matrix.indptr[row + 1]
        values, columns = matrix.data[start:end], matrix.indices[start:end]
        if len(values) > keep:
            top = np.argpartition(-values, keep)[:keep]
            values, columns = values[top], columns[top]
        data.append(values)
        indices.append(columns)
        indptr.append(indptr[-1] + len(values))
    cut = sp.csr_matrix(
        (np.concatenate(data), np.concatenate(indices), indptr), shape=matrix.shape, dtype=np.float32
    )
    return normalize(cut)
