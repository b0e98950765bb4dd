"""Why the linear model chose a class: the terms of the letter that pushed it.

A linear head scores a class as the sum, over the features of the letter, of the
feature's TF-IDF value times the class's coefficient; each product is that feature's
push towards the class (negative: away from it). Word and word n-gram features are
readable terms already. A character n-gram's push is shared evenly among the distinct
words of the letter that contain it, so every push lands on a readable word, and the
pushes of all terms add up to the class's score less its intercept.

Only the linear backend can be explained this way; for any other the evidence is empty.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

import numpy as np

from mailroom.classify.bundle import Model
from mailroom.classify.linear import LinearTextClassifier
from mailroom.records import ClassEvidence, HeadPrediction

TOP_TERMS = 6  # terms shown per class
MIN_LENGTH = 4  # shorter terms ("zu", "ich", "vom") say little to a reader
_EDGES = re.compile(r"^\W+|\W+$")


def explain(model: Model, text: str, heads: dict[str, HeadPrediction]) -> tuple[ClassEvidence, ...]:
    """For each head ("doc_type", "route") of a linear `model`: the terms of `text` that
    pushed the chosen label, then those that pushed the runner-up (the most probable other
    label). Empty for other backends; a label the head's model does not know is left out."""
    evidence: list[ClassEvidence] = []
    for head, prediction in heads.items():
        estimator = model.heads.get(head)
        if not isinstance(estimator, LinearTextClassifier):
            continue
        letter = _read(estimator, text)  # once per head: the features are the same for every label
        runner_up = next((label for label, _ in prediction.top if label != prediction.label), None)
        for label, chosen in ((prediction.label, True), (runner_up, False)):
            if label is not None and label in estimator.classes_:
                terms = tuple(term for term, _ in _strongest(_pushes(estimator, letter, label), TOP_TERMS))
                evidence.append(ClassEvidence(head, label, chosen, terms))
    return tuple(evidence)


def top_terms(
    estimator: LinearTextClassifier, text: str, label: str, count: int = TOP_TERMS
) -> list[tuple[str, float]]:
    """The `count` terms of `text` that push `label` most, with their pushes, strongest first."""
    return _strongest(contributions(estimator, text, label), count)


def contributions(estimator: LinearTextClassifier, text: str, label: str) -> dict[str, float]:
    """Every term of `text` (lower case: words, and the word n-grams the model knows) with
    its push towards `label`. Raises ValueError for a label the estimator does not know."""
    return _pushes(estimator, _read(estimator, text), label)


@dataclass(frozen=True)
class _Letter:
    """A text as a head's features see it: the features present, their values, and the
    terms each one's push lands on (in equal shares)."""

    indices: list[int]
    values: list[float]
    terms: list[tuple[str, ...]]


def _read(estimator: LinearTextClassifier, text: str) -> _Letter:
    row = estimator.features_.transform([text]).tocsr()
    holders: dict[int, set[str]] = defaultdict(set)
    offset = 0
    for _, vectorizer in estimator.features_.transformer_list:
        vocabulary = vectorizer.vocabulary_
        if vectorizer.analyzer == "char_wb":
            low, high = vectorizer.ngram_range
            for word in set(vectorizer.build_preprocessor()(text).split()):
                readable = _EDGES.sub("", word) or word
                for gram in _char_ngrams(word, low, high):
                    if (index := vocabulary.get(gram)) is not None:
                        holders[offset + index].add(readable)
        else:
            for token in set(vectorizer.build_analyzer()(text)):
                if (index := vocabulary.get(token)) is not None:
                    holders[offset + index].add(token)
        offset += len(vocabulary)
    indices = row.indices.tolist()
    return _Letter(indices, row.data.tolist(), [tuple(holders[i]) for i in indices])


def _char_ngrams(word: str, low: int, high: int) -> set[str]:
    """The n-grams scikit-learn's `char_wb` analyzer cuts from one word: within the word
    padded by a space on each side; a word shorter than n gives itself, padded."""
    padded = f" {word} "
    grams: set[str] = set()
    for n in range(low, high + 1):
        grams.update(padded[i : i + n] for i in range(max(len(padded) - n + 1, 1)))
    return grams


def _pushes(estimator: LinearTextClassifier, letter: _Letter, label: str) -> dict[str, float]:
    weights = _class_weights(estimator, label)[letter.indices].tolist()
    terms: dict[str, float] = defaultdict(float)
    for value, weight, holders in zip(letter.values, weights, letter.terms, strict=True):
        share = value * weight / len(holders)
        for term in holders:
            terms[term] += share
    return dict(terms)


def _strongest(pushes: dict[str, float], count: int) -> list[tuple[str, float]]:
    ranked = sorted(
        ((term, push) for term, push in pushes.items() if push > 0 and len(term) >= MIN_LENGTH),
        key=lambda pair: (-pair[1], pair[0]),
    )
    return ranked[:count]


def _class_weights(estimator: LinearTextClassifier, label: str) -> np.ndarray:
    """The coefficient row of `label`; a two-class model has one row, for its second class."""
    classes = [str(c) for c in estimator.classes_]
    if label not in classes:
        raise ValueError(f"the model knows no class '{label}' (it knows {', '.join(classes)})")
    coef = estimator.classifier_.coef_
    if coef.shape[0] == 1:
        row = coef[0] if classes.index(label) == 1 else -coef[0]
    else:
        row = coef[classes.index(label)]
    return np.asarray(row, dtype=np.float64)
