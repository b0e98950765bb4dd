"""The transformer backend through the real `mailroom` command: train from a local tiny
checkpoint, classify with it, and evaluate it side by side with a linear model; and a
missing or wrong checkpoint folder ends with one clear message, never a download."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from PIL import Image, ImageDraw, ImageFont

from mailroom.classify.transformer import build_tiny_checkpoint

from classify_sets import make_text_set, run, texts_and_labels

FAST = {"calibration_folds": 2, "min_items_per_class": 2}
TINY_TRANSFORMER = {"max_length": 48, "epochs": 2, "batch_size": 8, "learning_rate": 3e-3}


@pytest.fixture(scope="module")
def tiny_checkpoint(tmp_path_factory) -> Path:
    texts, _ = texts_and_labels(per_pair=3)
    return build_tiny_checkpoint(tmp_path_factory.mktemp("tiny-bert"), texts, vocab_size=200)


def _config(path: Path, **settings) -> Path:
    path.write_text(yaml.safe_dump({**FAST, **settings}), encoding="utf-8")
    return path


def test_train_classify_and_compare_with_linear(
    tmp_path: Path, monkeypatch, capsys, tiny_checkpoint: Path
) -> None:
    data = make_text_set(tmp_path / "train", per_pair=3, seed=1)
    other = make_text_set(tmp_path / "eval", per_pair=2, seed=2)
    config = _config(tmp_path / "train.yaml", transformer={"checkpoint": str(tiny_checkpoint), **TINY_TRANSFORMER},
                     linear={"word_features": 2000, "char_features": 3000})  # fmt: skip
    home = tmp_path / "home"
    for model_type in ("linear", "transformer"):
        code, out, err = run(monkeypatch, capsys, home, "train", "--data", str(data), "--text-column", "--model-type", model_type,
                             "--config", str(config), "--out", str(tmp_path / model_type))  # fmt: skip
        assert code == 0, err
        meta = json.loads((tmp_path / model_type / "meta.json").read_text())
        assert meta["backend"] == model_type and meta["version"].startswith(model_type)
    assert (tmp_path / "transformer" / "route" / "config.json").is_file()
    assert {"torch", "transformers"} <= json.loads((tmp_path / "transformer" / "meta.json").read_text())[
        "libraries"
    ].keys()

    letter = _scan(
        tmp_path / "letter.png", ["Widerspruch gegen den Bescheid", "Hundesteuer Kassenzeichen 4711"]
    )
    code, out, err = run(
        monkeypatch, capsys, home, "classify", "--model", str(tmp_path / "transformer"), str(letter)
    )
    assert code == 0, err
    line = json.loads(out)
    transformer_meta = json.loads((tmp_path / "transformer" / "meta.json").read_text())
    assert line["path"] == str(letter) and line["model_version"] == transformer_meta["registry_version"]
    assert line["doc_type"] and line["route"] and line["decision"] in ("auto", "review")

    report_path = tmp_path / "report" / "compare.json"
    code, out, err = run(monkeypatch, capsys, home, "evaluate", "--model", str(tmp_path / "linear"), "--model", str(tmp_path / "transformer"),
                         "--data", str(other), "--text-column", "--json", str(report_path))  # fmt: skip
    assert code == 0, err
    reports = json.loads(report_path.read_text())
    assert [r["backend"] for r in reports] == ["linear", "transformer"]
    assert all(r["items"] == 18 and r["data"] == str(other) for r in reports)
    assert all(
        {"accuracy", "macro_f1", "ece"} <= r["heads"][h].keys()
        for r in reports
        for h in ("doc_type", "route")
    )
    assert "(linear)" in out and "(transformer)" in out and "route macro-F1" in out
    assert [r["model_version"] for r in reports] == ["mailroom-classifier/1", "mailroom-classifier/2"]
    assert "mailroom-classifier/1" in out and "mailroom-classifier/2" in out


def _scan(path: Path, lines: list[str]) -> Path:
    page = Image.new("L", (1240, 400), 255)
    draw = ImageDraw.Draw(page)
    for number, line in enumerate(lines):
        draw.text((80, 80 + 70 * number), line, fill=0, font=ImageFont.load_default(size=40))
    page.save(path, dpi=(150, 150))
    return path


def _mailroom(home: Path, *args: str) -> subprocess.CompletedProcess:
    """`mailroom ARGS` in a fresh process, as a user runs it, with any network made unreachable."""
    env = {**os.environ, "MAILROOM_HOME": str(home), "COLUMNS": "200", "HF_HUB_OFFLINE": "0",
           "HTTPS_PROXY": "http://127.0.0.1:9", "HTTP_PROXY": "http://127.0.0.1:9"}  # fmt: skip
    return subprocess.run(
        [sys.executable, "-m", "mailroom.cli", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize(
    ("checkpoint", "message"),
    [
        ("missing", "does not exist"),
        ("bert-base-german-cased", "does not exist"),  # a hub name, not a folder: never downloaded
        ("empty", "no config.json"),
        ("no-tokenizer", "has no tokenizer files"),
        ("no-weights", "no file named model.safetensors"),
    ],
)
def test_missing_or_wrong_checkpoint_is_one_clear_message(
    tmp_path: Path, monkeypatch, capsys, tiny_checkpoint: Path, checkpoint: str, message: str
) -> None:
    folder = Path(checkpoint) if checkpoint.startswith("bert") else tmp_path / checkpoint
    if checkpoint != "missing" and not checkpoint.startswith("bert"):
        folder.mkdir()
        for file in tiny_checkpoint.iterdir():
            keep = {
                "no-tokenizer": file.name == "config.json" or file.suffix == ".safetensors",
                "no-weights": file.suffix != ".safetensors",
            }
            if keep.get(checkpoint):
                shutil.copy(file, folder / file.name)
    data = make_text_set(tmp_path / "set", per_pair=2)
    config = _config(tmp_path / "train.yaml", transformer={"checkpoint": str(folder)})
    args = [
        "train",
        "--data",
        str(data),
        "--text-column",
        "--model-type",
        "transformer",
        "--config",
        str(config),
    ]
    if (
        checkpoint == "no-weights"
    ):  # the one that gets as far as transformers: a fresh process, network unreachable
        result = _mailroom(tmp_path / "home", *args)
        code, err = result.returncode, result.stderr
        assert "Traceback" not in err
    else:
        code, _, err = run(monkeypatch, capsys, tmp_path / "home", *args)
    err = " ".join(err.split())
    assert code == 3 and err.count("error:") == 1
    assert message in err and "checkpoint" in err and "never downloads" in err
