"""How fast the model learns from the city's own reviewed mail.

Starts from the shipped model's recipe (configs/train.yaml on its synthetic training
corpora, regenerated from their seeds when missing), adds k reviewed letters of deveval's
`learn` rows, written as `mailroom feedback export` writes them (their OCR text in the
`text` column, a `review` column), retrains, and measures on deveval's `check` rows
through OCR, for k = 0, 30, 60, 120. Prints automation and the precision of automated
items per k, and a PNG. The k letters are drawn in a fixed order, stratified by doc_type,
so that a larger k holds every smaller one.

Usage: python benchmarks/learning_curve.py [--corpus DIR] [--ks 0,30,60,120]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
from pathlib import Path

os.environ.setdefault("OMP_THREAD_LIMIT", "1")

import yaml  # noqa: E402
from rich.console import Console  # noqa: E402
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn  # noqa: E402
from rich.table import Table  # noqa: E402

from mailroom.classify.bundle import HEADS  # noqa: E402
from mailroom.classify.commands import training_rows  # noqa: E402
from mailroom.classify.evaluate import evaluate_model  # noqa: E402
from mailroom.classify.rules import load_rules  # noqa: E402
from mailroom.classify.text import set_texts  # noqa: E402
from mailroom.classify.train import load_train_config, train_model  # noqa: E402
from mailroom.dataset import read_dataset  # noqa: E402
from mailroom.settings import load_settings  # noqa: E402
from mailroom.taxonomy import load_taxonomy  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
console = Console()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--corpus",
        type=Path,
        default=None,
        help="the shipped model's training corpus [default: regenerated from models/README.md's recipe]",
    )
    parser.add_argument("--corpus-seed", type=int, default=11)
    parser.add_argument("--corpus-n", type=int, default=2500)
    parser.add_argument("--deveval", type=Path, default=ROOT.parent / "shared" / "deveval")
    parser.add_argument("--ks", default="0,30,60,120")
    parser.add_argument("--out", type=Path, default=Path("var/bench/learning_curve"))
    args = parser.parse_args()
    settings = load_settings()
    taxonomy = load_taxonomy(settings.config_file("taxonomy.yaml"))
    seeds = [int(seed) for seed in args.corpus_seeds.split(",")]
    folders = args.corpus or [
        ensure_corpus(settings.path("bench", f"corpus-{seed}-{args.corpus_n}"), args.corpus_n, seed)
        for seed in seeds
    ]
    corpora = [read_dataset(folder, taxonomy) for folder in folders]
    deveval = read_dataset(args.deveval, taxonomy)
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=console,
    ) as progress:
        task = progress.add_task("OCR deveval", total=len(deveval.items))
        texts = set_texts(
            deveval,
            settings,
            workers=settings.classify.ocr_workers,
            progress=lambda n: progress.advance(task, n),
        ).texts
    learn = [(item, text) for item, text in zip(deveval.items, texts, strict=True) if item.split == "learn"]
    check = [(item, text) for item, text in zip(deveval.items, texts, strict=True) if item.split == "check"]
    order = stratified_order(learn, seed=0)
    config = load_train_config(settings.config_file("train.yaml"))
    rules_path = settings.config_file("rules.yaml")
    rules, rules_data = (
        load_rules(rules_path, set(taxonomy.routes)),
        yaml.safe_load(rules_path.read_text(encoding="utf-8")),
    )
    base = [(item, item.text or "") for corpus in corpora for item in corpus.items if item.split != "test"]
    truth = {h: [getattr(item, h) for item, _ in check] for h in HEADS}
    rows = []
    for k in [int(k) for k in args.ks.split(",")]:
        reviewed = [as_feedback(item, text) for item, text in order[:k]]
        with console.status(f"k = {k}: training on {len(base)} generated + {k} reviewed letters"):
            result = train_model(training_rows(base + reviewed, config), config, taxonomy, rules, rules_data)
        report = evaluate_model(result.model, [t for _, t in check], truth)
        rows.append({"k": k, "automation": report["automation"], "auto_precision": report["auto_precision"],
                     "doc_type_macro_f1": report["heads"]["doc_type"]["macro_f1"], "route_macro_f1": report["heads"]["route"]["macro_f1"],
                     "wrong_auto": int(round(report["auto_items"] * (1 - report["auto_precision"]))),
                     "thresholds": result.model.thresholds})  # fmt: skip
        console.print(
            f"k = {k}: automation {rows[-1]['automation']:.1%} at precision {rows[-1]['auto_precision']:.1%}"
        )
    print_table(rows, len(check))
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "report.json").write_text(json.dumps(rows, indent=1), encoding="utf-8")
    plot(rows, args.out / "learning_curve.png")
    console.print(f"report: {args.out / 'report.json'}, plot: {args.out / 'learning_curve.png'}")


def ensure_corpus(folder: Path, n: int, seed: int) -> Path:
    if not (folder / "labels.csv").is_file():
        console.print(f"generating the training corpus ({n} items, seed {seed}) into {folder}")
        subprocess.run(
            [
                sys.executable,
                "-m",
                "mailroom.cli",
                "data",
                "synth",
                "--out",
                str(folder),
                "--n",
                str(n),
                "--seed",
                str(seed),
            ],
            check=True,
        )
    return folder


def stratified_order(rows: list, seed: int) -> list:
    """The rows in a fixed order that takes the doc types in turn (each shuffled once)."""
    rng = random.Random(seed)
    by_type: dict[str, list] = {}
    for row in rows:
        by_type.setdefault(row[0].doc_type, []).append(row)
    ranked = []
    for doc_type in sorted(by_type):
        rng.shuffle(by_type[doc_type])
        ranked += [(rank, doc_type, row) for rank, row in enumerate(by_type[doc_type])]
    return [row for _, _, row in sorted(ranked, key=lambda x: (x[0], x[1]))]


def as_feedback(item, text: str):
    """A reviewed letter as `mailroom feedback export` writes it: OCR text and the review action."""
    from mailroom.dataset import LabelledItem

    return LabelledItem(item.path, item.doc_type, item.route, {"text": text, "review": "confirm"}), text


def print_table(rows: list[dict], check_items: int) -> None:
    table = Table("k reviewed letters", "automation", "precision of automated", "wrongly automated", "doc_type F1", "route F1",
                  title=f"learning from the city's mail: deveval check ({check_items} letters), through OCR")  # fmt: skip
    for r in rows:
        table.add_row(str(r["k"]), f"{r['automation']:.1%}", f"{r['auto_precision']:.1%}", str(r["wrong_auto"]),
                      f"{r['doc_type_macro_f1']:.3f}", f"{r['route_macro_f1']:.3f}")  # fmt: skip
    console.print(table)


def plot(rows: list[dict], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    ks = [r["k"] for r in rows]
    fig, ax = plt.subplots(figsize=(5.5, 3.5))
    ax.plot(ks, [r["automation"] for r in rows], marker="o", label="automation")
    ax.plot(ks, [r["auto_precision"] for r in rows], marker="s", label="precision of automated")
    ax.axhline(0.98, color="grey", linestyle=":", linewidth=1)
    ax.set_xlabel("reviewed letters of the city added (deveval learn)")
    ax.set_ylim(0, 1.02)
    ax.legend(loc="lower right", fontsize=8)
    ax.set_title("deveval check, through OCR", fontsize=9)
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    plt.close(fig)


if __name__ == "__main__":
    main()
