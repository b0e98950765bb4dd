"""One contract for every classifier backend: scikit-learn's estimator rules plus save/load.

The transformer backend runs with a tiny, randomly initialised BERT built from a config,
so it trains and predicts here on the CPU without any download.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from sklearn.base import clone

from mailroom.classify.linear import LinearTextClassifier
from mailroom.classify.transformer import TransformerTextClassifier, build_tiny_checkpoint
from mailroom.errors import BadConfig

from classify_sets import texts_and_labels

TEXTS, LABELS = texts_and_labels(per_pair=3)


@pytest.fixture(scope="module")
def tiny_checkpoint(tmp_path_factory) -> Path:
    return build_tiny_checkpoint(tmp_path_factory.mktemp("tiny-bert"), TEXTS, vocab_size=200)


@pytest.fixture(params=["linear", "transformer"])
def estimator(request, tiny_checkpoint):
    if request.param == "linear":
        return LinearTextClassifier(word_features=500, char_features=500)
    return TransformerTextClassifier(
        checkpoint=tiny_checkpoint, max_length=48, epochs=8, batch_size=8, learning_rate=3e-3
    )


def test_constructor_only_stores_settings(estimator) -> None:
    params = estimator.get_params()
    assert clone(estimator).get_params() == params
    assert not [name for name in vars(estimator) if name.endswith("_")]


def test_fit_returns_self_and_learns_the_classes(estimator, tmp_path: Path) -> None:
    y = LABELS["route"]
    assert estimator.fit(TEXTS, y) is estimator
    assert list(estimator.classes_) == sorted(set(y))
    probabilities = estimator.predict_proba(TEXTS[:5])
    assert probabilities.shape == (5, 3)
    assert np.allclose(probabilities.sum(axis=1), 1.0, atol=1e-5)
    accuracy = np.mean(estimator.predict(TEXTS) == np.asarray(y))
    assert accuracy > 0.6, "the backend should learn the route words of a tiny training set"
    estimator.save(tmp_path / "saved")
    loaded = type(estimator).load(tmp_path / "saved")
    assert np.allclose(loaded.predict_proba(TEXTS[:5]), probabilities, atol=1e-5)


def test_transformer_without_a_local_checkpoint_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(BadConfig, match="never downloads"):
        TransformerTextClassifier(checkpoint=tmp_path / "missing").fit(TEXTS, LABELS["route"])
    (tmp_path / "empty").mkdir()
    with pytest.raises(BadConfig, match="no config.json"):
        TransformerTextClassifier(checkpoint=tmp_path / "empty").fit(TEXTS, LABELS["route"])


def test_folded_digits_count_numbers_by_their_shape(tmp_path: Path) -> None:
    """With fold_digits, a file number or date the model never saw scores like one it saw;
    the setting survives saving."""
    model = LinearTextClassifier(word_features=500, char_features=500, fold_digits=True).fit(
        TEXTS, LABELS["route"]
    )
    seen, unseen = "Az. 12 K 345/24 vom 03.05.2024", "Az. 98 K 761/19 vom 27.11.2019"
    assert np.allclose(model.predict_proba([seen]), model.predict_proba([unseen]))
    plain = LinearTextClassifier(word_features=500, char_features=500).fit(TEXTS, LABELS["route"])
    assert not np.allclose(plain.predict_proba([seen + " 1234"]), plain.predict_proba([seen + " 5678"]))
    model.save(tmp_path / "saved")
    assert LinearTextClassifier.load(tmp_path / "saved").fold_digits is True
