"""Temperature scaling makes confidence honest, per doc type too; thresholds reach the target precision."""

from __future__ import annotations

import numpy as np

from mailroom.classify.calibrate import (
    ClassConfidence,
    TemperatureScaler,
    choose_thresholds,
    expected_calibration_error,
)


def test_temperature_softens_an_overconfident_model() -> None:
    rng = np.random.default_rng(0)
    truth = rng.integers(0, 3, 400)
    right = rng.random(400) < 0.7  # 70 % right, but always 99 % sure
    predicted = np.where(right, truth, (truth + 1) % 3)
    probabilities = np.full((400, 3), 0.005)
    probabilities[np.arange(400), predicted] = 0.99
    scaler = TemperatureScaler().fit(probabilities, truth)
    calibrated = scaler.transform(probabilities)
    assert scaler.temperature_ > 1
    before = expected_calibration_error(probabilities.max(1), predicted == truth)
    after = expected_calibration_error(calibrated.max(1), predicted == truth)
    assert after < 0.05 < before
    assert (calibrated.argmax(1) == predicted).all()


def test_thresholds_let_through_only_what_reaches_the_target() -> None:
    confidence = {"doc_type": np.linspace(0.5, 1.0, 100), "route": np.full(100, 0.99)}
    correct = {"doc_type": np.arange(100) >= 30, "route": np.ones(100, bool)}  # wrong below 0.65
    choice = choose_thresholds(confidence, correct, target=0.98)
    assert choice.reached and choice.precision >= 0.98
    assert 0.6 < choice.automation <= 0.71
    assert choice.thresholds["doc_type"] > 0.64


def test_unreachable_target_sends_everything_to_review() -> None:
    confidence = {"doc_type": np.full(50, 0.9), "route": np.full(50, 0.9)}
    correct = {"doc_type": np.arange(50) % 2 == 0, "route": np.ones(50, bool)}
    choice = choose_thresholds(confidence, correct, target=0.98)
    assert not choice.reached and choice.automation == 0.0
    assert all(t > 1.0 for t in choice.thresholds.values())


def test_a_confidence_level_asks_for_a_margin_that_shrinks_with_more_evidence() -> None:
    from mailroom.classify.calibrate import wilson_lower

    assert wilson_lower(0.98, 100, 0.0) == 0.98
    assert wilson_lower(0.98, 100, 0.95) < wilson_lower(0.98, 1000, 0.95) < 0.98
    confidence = {"doc_type": np.linspace(0.5, 1.0, 400), "route": np.full(400, 0.99)}
    correct = {"doc_type": (np.arange(400) >= 60) | (np.arange(400) % 9 == 0), "route": np.ones(400, bool)}
    plain = choose_thresholds(confidence, correct, target=0.98)
    careful = choose_thresholds(confidence, correct, target=0.98, confidence_level=0.95)
    assert careful.reached and careful.automation < plain.automation
    assert careful.thresholds["doc_type"] > plain.thresholds["doc_type"]


def test_in_every_fold_the_worst_held_out_styles_must_reach_the_target() -> None:
    """Pooled, 3 wrong of 300 confident letters pass 99 %; all 3 sit in one held-out fold
    of 100 (that fold's styles are unlike the training letters): 97 % there, so the
    thresholds rise until that fold's mistakes are out."""
    rng = np.random.default_rng(0)
    confidence = {"doc_type": rng.uniform(0.9, 1.0, 300), "route": np.full(300, 0.99)}
    fold_of = np.repeat([0, 1, 2], 100)
    wrong = np.zeros(300, bool)
    wrong[[3, 40, 77]] = True  # fold 0
    confidence["doc_type"][[3, 40, 77]] = [0.91, 0.92, 0.93]
    correct = {"doc_type": ~wrong, "route": np.ones(300, bool)}
    pooled = choose_thresholds(confidence, correct, target=0.98)
    per_fold = choose_thresholds(confidence, correct, target=0.98, fold_of=fold_of)
    assert pooled.reached and pooled.thresholds["doc_type"] <= 0.91
    assert (
        per_fold.reached
        and per_fold.thresholds["doc_type"] > 0.91
        and per_fold.automation < pooled.automation
    )


def test_confidence_per_doc_type_trusts_the_reliable_types_more() -> None:
    """Invoices at 0.9 are nearly always right, applications at 0.9 often wrong (a
    complaint form reads like one): one temperature cannot tell them apart, the map per
    predicted doc type can, and keeps the order of the letters within each type."""
    rng = np.random.default_rng(0)
    confidence = rng.uniform(0.6, 1.0, 2000)
    kinds = np.where(np.arange(2000) % 2 == 0, "rechnung", "antrag")
    odds_right = np.where(kinds == "rechnung", 0.99, confidence - 0.15)
    correct = rng.random(2000) < odds_right
    scorer = ClassConfidence().fit(kinds, confidence, correct)
    probe = np.array([0.9, 0.9, 0.8, 0.95])
    invoice, application, lower, higher = scorer.transform(
        np.array(["rechnung", "antrag", "antrag", "antrag"]), probe
    )
    assert invoice > 0.97 and application < 0.85
    assert lower < application < higher
    for kind in ("rechnung", "antrag"):  # honest: near the measured share right, per type
        mask = kinds == kind
        assert abs(scorer.transform(kinds[mask], confidence[mask]).mean() - correct[mask].mean()) < 0.02


def test_confidence_per_doc_type_leaves_a_type_alone_without_evidence() -> None:
    kinds = np.array(["werbung"] * 10 + ["mahnung"] * 200)
    confidence = np.linspace(0.6, 1.0, 210)
    correct = np.ones(210, bool)
    correct[:5] = False  # werbung: too few letters to learn from
    scorer = ClassConfidence(min_items=30).fit(kinds, confidence, correct)
    assert scorer.maps_ == {}  # mahnung was never wrong: nothing to learn either
    assert np.array_equal(scorer.transform(kinds, confidence), confidence)


def _letters_by_style(count: int, styles: int, seed: int):
    """Held-out predictions of `count` letters in `styles` writing styles; two styles
    are confidently wrong now and then (unlike the letters the model learned from)."""
    rng = np.random.default_rng(seed)
    style = np.array([f"style{i % styles:02d}" for i in range(count)])
    hard = np.isin(style, ["style03", "style11"])
    right, confidence = {}, {}
    for head, odds in (("doc_type", 0.06), ("route", 0.04)):
        right[head] = rng.random(count) > np.where(hard, odds, 0.01)
        wrong = np.where(hard, rng.uniform(0.8, 0.95, count), rng.uniform(0.7, 0.8, count))
        confidence[head] = np.where(right[head], rng.uniform(0.75, 1.0, count), wrong)
    kinds = np.where(np.arange(count) % 3 == 0, "rechnung", "antrag")
    return style, kinds, confidence, right


def test_deals_keep_each_style_in_one_fold_whatever_the_order_of_the_letters() -> None:
    from mailroom.classify.train import deal_folds

    style, *_ = _letters_by_style(600, 20, seed=1)
    order = np.random.default_rng(2).permutation(600)
    deals = deal_folds(list(style), 9, 5)
    shuffled = deal_folds(list(style[order]), 9, 5)
    assert len(deals) == 9
    for fold_of, again in zip(deals, shuffled, strict=True):
        assert (fold_of[order] == again).all()  # the same letter lands in the same fold
        for name in set(style):
            assert len(set(fold_of[style == name])) == 1  # a style is held out whole
        assert sorted(np.bincount(fold_of, minlength=5)) == [120] * 5  # 4 styles of 30 letters each
    assert len({tuple(d) for d in deals}) == 9  # nine different deals, not one draw nine times


def test_thresholds_over_deals_do_not_hang_on_the_order_of_the_styles() -> None:
    """The same held-out predictions, the letters in another order: the same thresholds
    (a fold draw that follows the order of the rows would pool other styles together)."""
    from mailroom.classify.train import TrainConfig, choose_dealt_thresholds

    config = TrainConfig(precision_in_every_fold=True, threshold_deals=9)
    style, kinds, confidence, right = _letters_by_style(3000, 40, seed=3)
    thresholds, automation = choose_dealt_thresholds(kinds, confidence, right, list(style), 0.98, config)
    order = np.random.default_rng(4).permutation(3000)
    again, automation_again = choose_dealt_thresholds(
        kinds[order],
        {h: c[order] for h, c in confidence.items()},
        {h: r[order] for h, r in right.items()},
        list(style[order]),
        0.98,
        config,
    )
    assert thresholds == again and automation == automation_again
    assert all(0.7 < t <= 1.0 for t in thresholds.values())
    assert min(automation) < max(automation)  # the deals differ; the median does not follow one of them


def test_the_counting_table_picks_what_trying_every_pair_of_thresholds_picks() -> None:
    """`choose_thresholds` counts all threshold pairs at once; trying each pair in turn,
    by the rule as written, must give the same thresholds on random cases."""
    from mailroom.classify.calibrate import _grid, wilson_lower

    rng = np.random.default_rng(5)
    reached = 0
    for case in range(12):
        n = int(rng.integers(1000, 3000))
        confidence = {"doc_type": rng.uniform(0.4, 1, n), "route": np.round(rng.uniform(0.4, 1, n), 2)}
        correct = {h: rng.random(n) < 0.9 + 0.1 * (c > 0.7 - case / 60) for h, c in confidence.items()}
        fold_of = rng.integers(0, 4, n) if case % 2 else None
        level = 0.95 if case % 3 else 0.0
        best = None
        right = correct["doc_type"] & correct["route"]
        for first in _grid(confidence["doc_type"], 0.5, 60):
            for second in _grid(confidence["route"], 0.5, 60):
                passed = (confidence["doc_type"] >= first) & (confidence["route"] >= second)
                if not passed.any():
                    continue
                bounds = [wilson_lower(float(right[passed].mean()), int(passed.sum()), level)]
                if fold_of is not None:
                    bounds += [
                        right[passed & (fold_of == f)].mean()
                        for f in range(4)
                        if (passed & (fold_of == f)).any()
                    ]
                key = (int(passed.sum()), first + second)
                if min(bounds) >= 0.98 and (best is None or key > best[0]):
                    best = (key, {"doc_type": first, "route": second})
        choice = choose_thresholds(confidence, correct, 0.98, confidence_level=level, fold_of=fold_of)
        assert choice.reached == (best is not None)
        if best is not None:
            assert choice.thresholds == best[1]
            reached += 1
    assert reached >= 10  # nearly every case has thresholds to find
