"""Measures of text quality shared by the corpus tests, benchmarks and evaluation."""

from __future__ import annotations

import re

from rapidfuzz.distance import Levenshtein

_WHITESPACE = re.compile(r"\s+")


def normalise_whitespace(text: str) -> str:
    return _WHITESPACE.sub(" ", text).strip()


def char_accuracy(reference: str, hypothesis: str) -> float:
    """1 - character error rate of `hypothesis` against `reference`, in [0, 1].

    Whitespace runs count as one space on both sides, since line breaks and column gaps
    are layout rather than text. An empty reference is matched perfectly only by an
    empty hypothesis.
    """
    ref, hyp = normalise_whitespace(reference), normalise_whitespace(hypothesis)
    if not ref:
        return 1.0 if not hyp else 0.0
    return max(0.0, 1.0 - Levenshtein.distance(ref, hyp) / len(ref))


def order_free_accuracy(reference: str, hypothesis: str) -> float:
    """`char_accuracy` of the two texts' words sorted: what was read, whatever the order in
    which blocks (a sender block, a footer, side-by-side columns) were read."""
    return char_accuracy(_sorted_words(reference), _sorted_words(hypothesis))


def _sorted_words(text: str) -> str:
    return " ".join(sorted(text.split()))
