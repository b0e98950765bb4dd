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

import numpy as np

from mailroom.classify.bundle import Model
from mailroom.classify.linear import LinearTextClassifier
from mailroom.records import ClassEvidence, HeadPrediction

TOP_TERMS = 6  # terms shown per class
MIN_LENGTH = 3  # shorter terms ("zu", "a") are noise to a reader
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
        runner_up = next((label for label, _ in prediction.top if label != prediction.label), None)
        for label, chosen in ((prediction.label, True), (runner_up, False)):
            if label is not None and label in estimator.classes_:
                terms = tuple(term for term, _ in top_terms(estimator, text, label))
                evidence.append(ClassEvidence(head, label, chosen, terms))
    return tuple(evidence)


def top_terms(
    estimator: LinearTextClassifier, text: str, label: str, count: int = TOP_TERMS
) -> list[tuple[str, float]]:
    """The `count` terms of `text` that push `label` most, with their pushes, strongest first."""
    pushes = contributions(estimator, text, label)
    ranked = sorted(
        ((term, push) for term, push in pushes.items() if push > 0 and len(term) >= MIN_LENGTH),
        key=lambda pair: (-pair[1], pair[0]),
    )
    return ranked[:count]


def contributions(estimator: LinearTextClassifier, text: str, label: str) -> dict[str, float]:
    """Every term of `text` (lower case: words, and the word n-grams the model knows) with
    its push towards `label`. Raises ValueError for a label the estimator does not know."""
    weights = _class_weights(estimator, label)
    row = estimator.features_.transform([text]).tocsr()
    pushes = dict(zip(row.indices.tolist(), (row.data * weights[row.indices]).tolist(), strict=True))
    terms: dict[str, float] = defaultdict(float)
    offset = 0
    for _, vectorizer in estimator.features_.transformer_list:
        vocabulary = vectorizer.vocabulary_
        if vectorizer.analyzer == "char_wb":
            _share_char_ngrams(vectorizer, text, pushes, offset, terms)
        else:
            for token in set(vectorizer.build_analyzer()(text)):
                index = vocabulary.get(token)
                if index is not None and offset + index in pushes:
                    terms[token] += pushes[offset + index]
        offset += len(vocabulary)
    return dict(terms)


def _class_weights(estimator: LinearTextClassifier, label: str) -> np.ndarray:
    """The coefficient row of `label`; a two-class model has one row, for its second class."""
    classes = [str(c) for c in estimator.classes_]
    if label not in classes:
        raise ValueError(f"the model knows no class '{label}' (it knows {', '.join(classes)})")
    coef = np.asarray(estimator.classifier_.coef_, dtype=np.float64)
    if coef.shape[0] == 1:
        return coef[0] if classes.index(label) == 1 else -coef[0]
    return coef[classes.index(label)]


def _share_char_ngrams(vectorizer, text: str, pushes: dict[int, float], offset: int, terms: dict[str, float]) -> None:  # fmt: skip
    """Add each character n-gram's push to the words containing it, in equal shares."""
    analyze, vocabulary = vectorizer.build_analyzer(), vectorizer.vocabulary_
    holders: dict[int, set[str]] = defaultdict(set)
    for word in set(vectorizer.build_preprocessor()(text).split()):
        readable = _EDGES.sub("", word) or word
        for gram in set(analyze(word)):  # the n-grams of one word, as the model cuts them
            index = vocabulary.get(gram)
            if index is not None and offset + index in pushes:
                holders[offset + index].add(readable)
    for index, words in holders.items():
        share = pushes[index] / len(words)
        for word in words:
            terms[word] += share
