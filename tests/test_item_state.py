"""The item state stored in `items.flags` is validated when read and written back as it was."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from mailroom.item_state import ItemFlags, ItemPrediction, ReviewMark

STORED = {
    "pages": {"2": ["low_confidence"]},
    "attachments": {"factur-x.xml": "work/item-a/factur-x.xml"},
    "prediction": {
        "doc_type": "antrag", "doc_type_top3": [{"label": "antrag", "p": 0.9}], "route": "sozialamt",
        "route_top3": [{"label": "sozialamt", "p": 0.8}], "decision": "auto", "reason": "both heads above",
        "decided_by": "model", "model_version": "m-1",
    },
    "metadata": {"sender": "Erika Mustermann", "references": {"aktenzeichen": ["AZ-1"]}, "novelty": 0.1,
                 "rules": [{"rule": "r1", "route": "sozialamt", "effect": "support", "evidence": "Wohngeld"}],
                 "aktenzeichen": "50.2"},
    "review": {"by": "rita", "at": "2026-01-02T10:00:00+00:00", "action": "confirm", "unreadable": False},
}  # fmt: skip


def test_stored_flags_read_into_records_and_back() -> None:
    flags = ItemFlags.of(STORED)
    assert flags.pages == {2: ("low_confidence",)} and flags.page_flags() == ["low_confidence"]
    assert flags.prediction is not None and flags.prediction.top3("route") == [("sozialamt", 0.8)]
    assert flags.metadata is not None and flags.metadata.terms() == ["Wohngeld", "AZ-1"]
    assert flags.to_json() == STORED
    assert ItemFlags.of(None) == ItemFlags() and ItemFlags().to_json() == {"pages": {}, "attachments": {}}


def test_changes_are_validated_copies() -> None:
    flags = ItemFlags.of(STORED)
    split = flags.with_(prediction=None, review=ReviewMark(by="rita", split_from="item-a"))
    assert "prediction" not in split.to_json() and split.to_json()["review"] == {
        "by": "rita",
        "split_from": "item-a",
    }
    assert flags.renumbered([2, 3], 1) == {1: ("low_confidence",)}
    assert ItemFlags.of(STORED) == flags  # unchanged


@pytest.mark.parametrize(
    "bad",
    [
        {"pages": {"x": ["low_confidence"]}},
        {"prediction": {"route_top3": [{"label": "a"}]}},
        {"review": {"action": "confirm"}},  # nobody
        {"predicton": {}},  # a misspelt key
    ],
)
def test_bad_state_is_refused_when_read(bad: dict) -> None:
    with pytest.raises(ValidationError):
        ItemFlags.of(bad)


def test_a_model_that_could_not_be_loaded_leaves_only_a_reason() -> None:
    assert ItemFlags().with_(prediction=ItemPrediction(reason="no usable model")).to_json()["prediction"] == {
        "reason": "no usable model"
    }
