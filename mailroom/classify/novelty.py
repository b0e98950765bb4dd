"""How unlike every training letter a letter is: a letter unlike anything the model has
seen goes to a person, whatever the heads say, because their confidence was measured on
letters like the training letters.

The score is 1 - the cosine similarity to the nearest training letter in a small latent
space (character n-gram TF-IDF reduced by truncated SVD), so it is robust to OCR errors
and cheap: the bundle keeps one short vector per training letter. The cutoff is chosen
on letters of writing styles held out of the fit (grouped folds, see train.py).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from sklearn.decomposition import TruncatedSVD
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize

BATCH = 512  # letters scored per matrix product


class NoveltyScorer:
    """fit(texts) learns the training letters; score(texts) is 0 for a copy of one of
    them and approaches 1 for a letter that shares nothing with any."""

    def __init__(self, dimensions: int = 128, features: int = 30000, seed: int = 0) -> None:
        self.dimensions = dimensions
        self.features = features
        self.seed = seed

    def fit(self, texts: Sequence[str]) -> NoveltyScorer:
        self.vectorizer_ = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), max_features=self.features,
                                           sublinear_tf=True, min_df=2 if len(texts) >= 20 else 1, dtype=np.float32)
        matrix = self.vectorizer_.fit_transform(list(texts))
        dimensions = max(1, min(self.dimensions, matrix.shape[1] - 1, len(texts) - 1))
        self.svd_ = TruncatedSVD(n_components=dimensions, random_state=self.seed).fit(matrix)
        self.memory_ = self._embed_matrix(matrix).astype(np.float16)
        if hasattr(self.vectorizer_, "stop_words_"):
            del self.vectorizer_.stop_words_
        return self

    def score(self, texts: Sequence[str]) -> np.ndarray:
        """One score per text, in [0, 1] (higher: more unlike the training letters)."""
        if not len(texts):
            return np.zeros(0)
        vectors = self._embed_matrix(self.vectorizer_.transform(list(texts)))
        memory = self.memory_.astype(np.float32)
        nearest = np.concatenate([(vectors[i:i + BATCH] @ memory.T).max(axis=1) for i in range(0, len(vectors), BATCH)])
        return np.clip(1.0 - nearest, 0.0, 1.0)

    def _embed_matrix(self, matrix) -> np.ndarray:
        return normalize(self.svd_.transform(matrix)).astype(np.float32)
