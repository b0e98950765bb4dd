"""Tiny labelled sets with a text column, made on the fly for the classifier tests,
and `run`, which runs the `mailroom` command in the test's process.

Three doc_types and three routes; each text carries words typical of its labels among
shared filler, so a model can learn them from a few dozen items in well under a second.
"""

from __future__ import annotations

import csv
import random
import sys
from pathlib import Path

from PIL import Image

from mailroom.cli import main

DOC_WORDS = {
    "antrag": "hiermit beantrage ich antrag formular bitte genehmigen",
    "widerspruch": "hiermit lege ich widerspruch gegen den bescheid ein frist",
    "rechnung": "rechnung rechnungsnummer betrag zahlbar netto umsatzsteuer",
}
ROUTE_WORDS = {
    "steueramt": "hundesteuer grundsteuer kassenzeichen steuer veranlagung",
    "bauamt": "baugenehmigung bauantrag grundstück garage abbruch",
    "beschaffung": "lieferung bestellung lieferant kundennummer büromaterial",
}
FILLER = [
    "sehr",
    "geehrte",
    "damen",
    "und",
    "herren",
    "mit",
    "freundlichen",
    "grüßen",
    "chemnitz",
    "stadtverwaltung",
    "ich",
    "danke",
    "ihnen",
]


def item_text(rng: random.Random, doc_type: str, route: str) -> str:
    words = DOC_WORDS[doc_type].split() * 2 + ROUTE_WORDS[route].split() * 2 + rng.sample(FILLER, 8)
    rng.shuffle(words)
    return "Max Muster\nChemnitz, 12.03.2026\n" + " ".join(words)


def make_text_set(
    folder: Path,
    per_pair: int = 4,
    seed: int = 0,
    pairs: list[tuple[str, str]] | None = None,
    split_test: int = 0,
) -> Path:
    """A labelled set of tiny white PNGs with a `text` column; returns the folder."""
    rng = random.Random(seed)
    pairs = pairs or [(d, r) for d in DOC_WORDS for r in ROUTE_WORDS]
    rows = []
    (folder / "items").mkdir(parents=True, exist_ok=True)
    for number, (doc_type, route) in enumerate(p for p in pairs for _ in range(per_pair)):
        path = f"items/{number:04d}.png"
        Image.new("L", (40, 56), 255).save(folder / path)
        split = "test" if number % per_pair < split_test else "train"
        rows.append(
            {
                "path": path,
                "doc_type": doc_type,
                "route": route,
                "text": item_text(rng, doc_type, route),
                "split": split,
            }
        )
    with (folder / "labels.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return folder


def texts_and_labels(per_pair: int = 4, seed: int = 0) -> tuple[list[str], dict[str, list[str]]]:
    rng = random.Random(seed)
    texts, labels = [], {"doc_type": [], "route": []}
    for doc_type in DOC_WORDS:
        for route in ROUTE_WORDS:
            for _ in range(per_pair):
                texts.append(item_text(rng, doc_type, route))
                labels["doc_type"].append(doc_type)
                labels["route"].append(route)
    return texts, labels


def run(monkeypatch, capsys, home: Path, *args: str) -> tuple[int, str, str]:
    """Run `mailroom ARGS` as the console script does; returns exit code, stdout, stderr."""
    monkeypatch.setenv("MAILROOM_HOME", str(home))
    monkeypatch.setenv("COLUMNS", "200")
    monkeypatch.setattr(sys, "argv", ["mailroom", *args])
    code = 0
    try:
        main()
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err
