"""The classifier's commands end to end on tiny text-column sets, and their bad input:
one clear message and a non-zero exit, never a traceback."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import yaml
from PIL import Image, ImageDraw, ImageFont

from mailroom.classify.bundle import Model, load_model, save_model
from mailroom.classify.predict import classify_item
from mailroom.classify.rules import load_rules
from mailroom.classify.train import TrainConfig, TrainingRows, load_train_config, train_model
from mailroom.dataset import read_dataset
from mailroom.errors import BadConfig
from mailroom.settings import PACKAGE_CONFIG_DIR

from classify_sets import make_text_set, run

# Tiny sets: a few dozen letters cannot show 98 % precision with 95 % confidence, so the
# thresholds here are chosen on the measured share (precision_confidence 0).
SMALL = {
    "calibration_folds": 3,
    "min_items_per_class": 3,
    "precision_confidence": 0.0,
    "linear": {"word_features": 2000, "char_features": 3000, "fold_digits": ["doc_type"]},
}


@pytest.fixture(scope="module")
def tiny_bundle(tmp_path_factory, taxonomy) -> Path:
    folder = make_text_set(tmp_path_factory.mktemp("set"), per_pair=5)
    items = read_dataset(folder, taxonomy).items
    rules_path = PACKAGE_CONFIG_DIR / "rules.yaml"
    rows = TrainingRows(
        [i.text or "" for i in items], {h: [getattr(i, h) for i in items] for h in ("doc_type", "route")}
    )
    result = train_model(
        rows,
        TrainConfig.model_validate(SMALL),
        taxonomy,
        load_rules(rules_path),
        yaml.safe_load(rules_path.read_text()),
    )
    return save_model(result.model, tmp_path_factory.mktemp("models") / "tiny")


def test_train_evaluate_classify_promote(tmp_path: Path, monkeypatch, capsys) -> None:
    data = make_text_set(tmp_path / "train", per_pair=6, seed=1, split_test=1)
    other = make_text_set(tmp_path / "eval", per_pair=3, seed=2)
    config = tmp_path / "train.yaml"
    config.write_text(yaml.safe_dump(SMALL))
    home = tmp_path / "home"
    code, out, err = run(
        monkeypatch,
        capsys,
        home,
        "train",
        "--data",
        str(data),
        "--config",
        str(config),
        "--text-column",
        "--out",
        str(tmp_path / "out"),
    )
    assert code == 0, err
    assert "registered: mailroom-classifier/1" in out
    meta = json.loads((tmp_path / "out" / "meta.json").read_text())
    assert meta["mlflow_run_id"] and meta["registry_version"] == "mailroom-classifier/1"
    assert set(meta["thresholds"]) == {"doc_type", "route"} and meta["taxonomy_digest"]

    report_path = tmp_path / "report" / "eval.json"
    code, out, err = run(monkeypatch, capsys, home, "evaluate", "--model", "1", "--model", str(tmp_path / "out"),
                         "--data", str(other), "--text-column", "--json", str(report_path))  # fmt: skip
    assert code == 0, err
    assert "automation rate" in out and "route macro-F1" in out
    reports = json.loads(report_path.read_text())
    assert len(reports) == 2 and reports[0]["heads"]["route"]["macro_f1"] > 0.8
    assert {"accuracy", "macro_f1", "per_class", "confusion"} <= reports[0]["heads"]["doc_type"].keys()
    assert all(Path(p).is_file() for p in reports[0]["plots"])

    code, out, err = run(monkeypatch, capsys, home, "models", "promote", "1")
    assert code == 0, err
    code, out, err = run(monkeypatch, capsys, home, "models", "list")
    assert code == 0 and "champion" in out and "in use: mailroom-classifier/1" in out

    code, out, err = run(monkeypatch, capsys, home, "models", "promote", "9")
    assert code == 2 and "does not exist in the registry" in err


def test_heads_confidence_is_the_top_probability_mapped_by_the_predicted_doc_type(
    tiny_bundle: Path, taxonomy
) -> None:
    """The threshold applies to how likely the top label is right given the predicted
    doc type (fitted on held-out folds when training); the label ranking stays."""
    from mailroom.classify.predict import classify_texts

    model = load_model(tiny_bundle, taxonomy)
    assert set(model.layers.confidence or {}) == {"doc_type", "route"}
    for head, scorer in model.layers.confidence.items():  # a few dozen letters teach no map: give one
        scorer.maps_ = {
            kind: (-1.0, 0.5) if head == "doc_type" else (0.5, 0.5)
            for kind in model.heads["doc_type"].classes_
        }
    texts = ["Widerspruch gegen den Bescheid vom 3. Mai, Az. 12-3", "Rechnung Nr. 4711 über Büromaterial"]
    probabilities = model.probabilities(texts)
    predictions = classify_texts(texts, model)
    kinds = probabilities["doc_type"][0][probabilities["doc_type"][1].argmax(axis=1)]
    for head in ("doc_type", "route"):
        top = probabilities[head][1].max(axis=1)
        expected = model.layers.confidence[head].transform(kinds, top)
        assert not np.allclose(expected, top)
        assert [getattr(p, head).probability for p in predictions] == pytest.approx(list(expected))
        assert [getattr(p, head).top[0][1] for p in predictions] == pytest.approx(list(top), abs=1e-4)


def _bad_set(folder: Path, rows: str) -> Path:
    folder.mkdir(parents=True)
    Image.new("L", (40, 56), 255).save(folder / "a.png")
    (folder / "labels.csv").write_text("path,doc_type,route,text\n" + rows, encoding="utf-8")
    return folder


def test_digits_are_folded_for_the_heads_the_config_names(
    tiny_bundle: Path, taxonomy, tmp_path: Path
) -> None:
    model = load_model(tiny_bundle, taxonomy)
    assert {head: model.heads[head].fold_digits for head in ("doc_type", "route")} == {
        "doc_type": True,
        "route": False,
    }
    config = tmp_path / "train.yaml"
    config.write_text(yaml.safe_dump({"linear": {"fold_digits": ["doc_type", "amt"]}}))
    with pytest.raises(BadConfig, match="fold_digits names amt, not a head"):
        load_train_config(config)


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ("a.png,liebesbrief,bauamt,hallo\n", "doc_type 'liebesbrief' is not in the taxonomy"),
        ("", "the set is empty"),
        ("a.png,mahnung,bauamt,hallo\n", "too few items to train for mahnung (1)"),
    ],
)
def test_bad_training_sets_end_with_one_message(
    tmp_path: Path, monkeypatch, capsys, rows: str, message: str
) -> None:
    data = make_text_set(tmp_path / "good", per_pair=5) if "too few" in message else None
    bad = _bad_set(tmp_path / "bad", rows)
    args = ["train", "--data", str(bad), "--text-column"] + (["--data", str(data)] if data else [])
    code, _, err = run(monkeypatch, capsys, tmp_path / "home", *args)
    assert code == 2 and message in err.replace("\n", " ")


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ("a.png,liebesbrief,bauamt,hallo\n", "doc_type 'liebesbrief' is not in the taxonomy"),
        ("", "the set is empty"),
    ],
)
def test_bad_evaluation_sets_end_with_one_message(
    tmp_path: Path, monkeypatch, capsys, tiny_bundle: Path, rows: str, message: str
) -> None:
    bad = _bad_set(tmp_path / "bad", rows)
    code, _, err = run(
        monkeypatch,
        capsys,
        tmp_path / "home",
        "evaluate",
        "--model",
        str(tiny_bundle),
        "--data",
        str(bad),
        "--text-column",
    )
    assert code == 2 and message in " ".join(err.split()) and err.count("error:") == 1


def test_unreadable_labels_and_unknown_model_in_a_fresh_process(tmp_path: Path, tiny_bundle: Path) -> None:
    """As a user runs it: one `error:` line, a non-zero exit, no traceback, no MLflow chatter."""
    garbage = tmp_path / "garbage"
    garbage.mkdir()
    (garbage / "labels.csv").write_bytes(b"\xff\xfe\x00\x01garbage\x00")
    good = make_text_set(tmp_path / "good", per_pair=2)
    env = {**os.environ, "MAILROOM_HOME": str(tmp_path / "home"), "COLUMNS": "200"}
    for args, message in [
        (["train", "--data", str(garbage), "--text-column"], "labels.csv is not UTF-8 text"),
        (
            ["evaluate", "--model", "7", "--data", str(good), "--text-column"],
            "does not exist in the registry",
        ),
    ]:
        result = subprocess.run(
            [sys.executable, "-m", "mailroom.cli", *args],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
            check=False,
        )
        err = " ".join(result.stderr.split())
        assert result.returncode == 2 and message in err, result.stderr
        assert "Traceback" not in err and "INFO" not in err and err.count("error:") == 1


def test_missing_model_and_unreadable_file(tmp_path: Path, monkeypatch, capsys, tiny_bundle: Path) -> None:
    code, _, err = run(monkeypatch, capsys, tmp_path, "classify", "--model", "no-such-model", "x.pdf")
    assert code == 2 and "model reference 'no-such-model' does not exist" in err
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4 this is not a PDF")
    code, out, err = run(monkeypatch, capsys, tmp_path, "classify", "--model", str(tiny_bundle), str(broken))
    assert code == 2 and "could not be read" in err
    assert json.loads(out)["path"] == str(broken) and "error" in json.loads(out)
    code, out, err = run(
        monkeypatch, capsys, tmp_path, "classify", "--model", str(tiny_bundle), str(tmp_path / "gone.pdf")
    )
    assert code == 2 and "could not be read" in err and "does not exist" in json.loads(out)["error"]
    code, _, err = run(
        monkeypatch, capsys, tmp_path, "evaluate", "--model", "no-such-model", "--data", str(tmp_path)
    )
    assert code == 2 and "model reference 'no-such-model' does not exist" in err


def test_classify_reads_a_scan_through_real_ocr(
    tmp_path: Path, monkeypatch, capsys, tiny_bundle: Path
) -> None:
    page = Image.new("L", (1240, 700), 255)
    draw = ImageDraw.Draw(page)
    font = ImageFont.load_default(size=40)
    for number, line in enumerate(
        [
            "Rechnung Nr. 2026-118",
            "Lieferung Büromaterial Kundennummer 48213",
            "Betrag zahlbar netto 1.234,56 EUR",
        ]
    ):
        draw.text((80, 80 + 70 * number), line, fill=0, font=font)
    scan = tmp_path / "scan.png"
    page.save(scan, dpi=(150, 150))
    code, out, err = run(monkeypatch, capsys, tmp_path, "classify", "--model", str(tiny_bundle), str(scan))
    assert code == 0, err
    line = json.loads(out)
    assert line["path"] == str(scan) and line["decision"] in ("auto", "review")
    assert line["route"] == "beschaffung" and len(line["route_top3"]) == 3
    assert line["metadata"]["amounts"] == ["1.234,56 EUR"]


def test_incompatible_bundle_is_refused(tiny_bundle: Path, tmp_path: Path, taxonomy) -> None:
    from mailroom.classify.tracking import _copy_atomically
    from mailroom.errors import IncompatibleModel

    copy = tmp_path / "copy"
    _copy_atomically(tiny_bundle, copy)
    meta = json.loads((copy / "meta.json").read_text())
    (copy / "meta.json").write_text(json.dumps({**meta, "taxonomy_digest": "other"}))
    with pytest.raises(IncompatibleModel, match="another taxonomy"):
        load_model(copy, taxonomy)
    (copy / "meta.json").write_text(json.dumps({**meta, "format_version": 99}))
    with pytest.raises(IncompatibleModel, match="retrain"):
        load_model(copy, taxonomy)


def test_classify_item_is_what_the_pipeline_calls(tiny_bundle: Path, taxonomy) -> None:
    model: Model = load_model(tiny_bundle, taxonomy)
    prediction = classify_item(
        "hiermit lege ich widerspruch gegen den bescheid ein hundesteuer kassenzeichen", model
    )
    assert (prediction.doc_type.label, prediction.route.label) == ("widerspruch", "steueramt")
    assert prediction.model_version == model.version and prediction.decided_by in ("model", "rules")
    empty = classify_item("", model, ocr_confidence=0.0, flags=("no_text",))
    assert empty.decision == "review" and "no_text" in empty.reason


def test_promotion_gate_refuses_a_less_precise_challenger(tmp_path: Path, monkeypatch, capsys) -> None:
    config = tmp_path / "train.yaml"
    config.write_text(yaml.safe_dump(SMALL))
    home = tmp_path / "home"
    good = make_text_set(tmp_path / "good", per_pair=6, seed=1)
    swapped = make_text_set(
        tmp_path / "swapped", per_pair=6, seed=3
    )  # building words labelled as tax and back
    labels = swapped / "labels.csv"
    labels.write_text(
        labels.read_text()
        .replace(",bauamt,", ",TMP,")
        .replace(",steueramt,", ",bauamt,")
        .replace(",TMP,", ",steueramt,")
    )
    frozen = make_text_set(tmp_path / "frozen", per_pair=3, seed=4)
    for data in (good, swapped):
        code, _, err = run(
            monkeypatch, capsys, home, "train", "--data", str(data), "--config", str(config), "--text-column"
        )
        assert code == 0, err
    assert run(monkeypatch, capsys, home, "models", "promote", "1")[0] == 0

    monkeypatch.setenv("MAILROOM_CLASSIFY__FROZEN_EVAL", str(frozen))
    code, out, err = run(monkeypatch, capsys, home, "models", "promote", "2")
    assert code == 2 and "not promoted" in err and "--force" in err
    assert "precision of automated" in out
    code, out, err = run(monkeypatch, capsys, home, "models", "list")
    assert "in use: mailroom-classifier/1" in out
    code, out, err = run(monkeypatch, capsys, home, "models", "promote", "2", "--force")
    assert code == 0, err
    assert "in use: mailroom-classifier/2" in run(monkeypatch, capsys, home, "models", "list")[1]

    import mlflow

    mlflow.set_tracking_uri(f"sqlite:///{home.resolve() / 'mlflow.db'}")
    runs = mlflow.search_runs(experiment_names=["mailroom-promotions"])
    assert sorted(runs["params.promoted"]) == ["False", "True"] and set(runs["params.forced"]) == {
        "False",
        "True",
    }
    assert (runs["metrics.challenger_auto_precision"] < runs["metrics.current_auto_precision"]).all()


def test_check_rows_are_never_trained_on_and_city_mail_weighs_more(
    tmp_path: Path, monkeypatch, capsys, taxonomy
) -> None:
    from mailroom.classify.train import training_rows

    data = make_text_set(tmp_path / "set", per_pair=6, seed=5)
    labels = data / "labels.csv"
    rows = list(csv.DictReader(labels.open(encoding="utf-8")))
    for number, row in enumerate(rows):
        row["split"] = "check" if number % 6 == 0 else "train"
        row["review"] = "confirm" if number % 6 == 1 else ""
    with labels.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    config = tmp_path / "train.yaml"
    config.write_text(yaml.safe_dump(SMALL))
    code, _, err = run(
        monkeypatch,
        capsys,
        tmp_path / "home",
        "train",
        "--data",
        str(data),
        "--config",
        str(config),
        "--text-column",
        "--out",
        str(tmp_path / "m"),
    )
    assert code == 0, err
    checks = sum(row["split"] == "check" for row in rows)
    assert (
        checks == 9
        and json.loads((tmp_path / "m" / "meta.json").read_text())["training_items"] == len(rows) - checks
    )
    code, out, _ = run(
        monkeypatch,
        capsys,
        tmp_path / "home",
        "evaluate",
        "--model",
        str(tmp_path / "m"),
        "--data",
        str(data),
        "--text-column",
        "--split",
        "check",
    )
    assert code == 0 and "9 items" in out

    items = [i for i in read_dataset(data, taxonomy).items if i.split != "check"]
    got = training_rows([(i, i.text or "") for i in items], TrainConfig.model_validate(SMALL))
    assert got.weights is not None and got.groups is not None
    assert sorted(set(got.weights)) == [1.0, 3.0] and got.weights.count(3.0) == sum(
        bool(i.extra.get("review")) for i in items
    )
    assert len(set(got.groups)) == len(items)  # no style column: every row is a group of its own


def test_data_read_copies_a_set_with_the_text_ingest_reads(
    tmp_path: Path, monkeypatch, capsys, taxonomy
) -> None:
    """`data read` writes the OCR text into the copy's text column (the set's own text
    column says something else), keeps labels and other columns, and never overwrites."""
    source = make_text_set(
        tmp_path / "set", per_pair=1, pairs=[("rechnung", "beschaffung"), ("antrag", "bauamt")]
    )
    for number, line in enumerate(["Rechnung Nr. 2026-118 Büromaterial", "Bauantrag Garage Flurstück 12"]):
        page = Image.new("L", (1240, 400), 255)
        ImageDraw.Draw(page).text((80, 120), line, fill=0, font=ImageFont.load_default(size=40))
        page.save(source / f"items/{number:04d}.png", dpi=(150, 150))
    code, _, err = run(
        monkeypatch, capsys, tmp_path / "home", "data", "read", str(source), "--out", str(tmp_path / "read")
    )
    assert code == 0, err
    copy = read_dataset(tmp_path / "read", taxonomy)
    assert [(i.doc_type, i.route, i.split) for i in copy.items] == [
        ("rechnung", "beschaffung", "train"),
        ("antrag", "bauamt", "train"),
    ]
    assert "2026-118" in (copy.items[0].text or "") and "Garage" in (copy.items[1].text or "")
    assert all(i.extra["text_source"] == "ocr" for i in copy.items)
    assert (tmp_path / "read/items/0001.png").read_bytes() == (source / "items/0001.png").read_bytes()
    code, _, err = run(
        monkeypatch, capsys, tmp_path / "home", "data", "read", str(source), "--out", str(tmp_path / "read")
    )
    assert code == 2 and "already exists" in err
