"""How the classifier does on mail we did not write, side by side with our own test set.

Reads every set as ingest reads it (rasterise, clean, Tesseract, through the OCR cache
under MAILROOM_HOME/cache/ocr) and evaluates the model on it:
  - our own synthetic test set (generated with `--synthetic-seed` when missing),
  - deveval `check` rows (../shared/deveval, written independently of our generator;
    never trained, calibrated or tuned on),
  - the real documents of data/real (court decisions, invoices, forms, flyers, ...).
Prints per set and model: macro-F1 per head, automation, precision of the automated
items, wrongly automated items (court mail among them) and the worst classes; writes a
JSON report and a PNG.

Usage: python benchmarks/generalization.py [--model REF ...] [--out var/bench/generalization]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

os.environ.setdefault("OMP_THREAD_LIMIT", "1")

from rich.console import Console  # noqa: E402
from rich.table import Table  # noqa: E402

from mailroom.classify.bundle import HEADS, load_model  # noqa: E402
from mailroom.classify.evaluate import evaluate_model  # noqa: E402
from mailroom.classify.text import set_texts  # noqa: E402
from mailroom.classify.tracking import resolve_model  # noqa: E402
from mailroom.dataset import read_dataset  # noqa: E402
from mailroom.settings import load_settings  # noqa: E402
from mailroom.taxonomy import load_taxonomy  # noqa: E402
from mailroom.terminal import progress_bar  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
console = Console()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--model",
        action="append",
        default=None,
        help="model reference or folder; repeat to compare [default: models/default]",
    )
    parser.add_argument(
        "--synthetic", type=Path, default=None, help="our own labelled test set [default: generated]"
    )
    parser.add_argument("--synthetic-seed", type=int, default=22)
    parser.add_argument("--synthetic-n", type=int, default=300)
    parser.add_argument("--deveval", type=Path, default=ROOT.parent / "shared" / "deveval")
    parser.add_argument("--real", type=Path, default=ROOT / "data" / "real")
    parser.add_argument(
        "--extra",
        action="append",
        default=[],
        metavar="NAME=DIR",
        help="another labelled set to show beside them (all its rows); repeatable",
    )
    parser.add_argument("--out", type=Path, default=Path("var/bench/generalization"))
    args = parser.parse_args()
    settings = load_settings()
    taxonomy = load_taxonomy(settings.config_file("taxonomy.yaml"))
    synthetic = args.synthetic or generated_set(
        settings.path("bench", f"synth-test-{args.synthetic_seed}"), args.synthetic_n, args.synthetic_seed
    )
    sets = [(f"synthetic (ours, seed {args.synthetic_seed})", synthetic, ("", "train", "test")), ("deveval check", args.deveval, ("check",)),
            ("real documents", args.real, ("", "train", "test"))]  # fmt: skip
    sets += [
        (name, Path(folder), ("", "train", "test"))
        for name, _, folder in (extra.partition("=") for extra in args.extra)
    ]
    models = [
        load_model(resolve_model(ref, settings), taxonomy)
        for ref in (args.model or [str(ROOT / "models" / "default")])
    ]
    results = []
    with progress_bar() as progress:
        for name, folder, splits in sets:
            if not (folder / "labels.csv").is_file():
                console.print(f"[yellow]{name}: {folder} has no labels.csv, left out[/yellow]")
                continue
            labelled = read_dataset(folder, taxonomy)
            task = progress.add_task(f"OCR {name}", total=len(labelled.items))
            texts = set_texts(
                labelled,
                settings,
                workers=settings.classify.ocr_workers,
                progress=lambda n, t=task: progress.advance(t, n),
            ).texts
            chosen = [k for k, item in enumerate(labelled.items) if item.split in splits]
            truth = {h: [getattr(labelled.items[k], h) for k in chosen] for h in HEADS}
            for model in models:
                report = evaluate_model(model, [texts[k] for k in chosen], truth)
                results.append(summary(name, model.version, report))
    print_table(results)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "report.json").write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    plot(results, args.out / "generalization.png")
    console.print(f"report: {args.out / 'report.json'}, plot: {args.out / 'generalization.png'}")


def generated_set(folder: Path, n: int, seed: int) -> Path:
    """A labelled set from our generator: generated into `folder` once, then reused."""
    if not (folder / "labels.csv").is_file():
        console.print(f"generating {n} items (seed {seed}) into {folder}")
        command = ["data", "synth", "--out", str(folder), "--n", str(n), "--seed", str(seed)]
        subprocess.run([sys.executable, "-m", "mailroom.cli", *command], check=True)
    return folder


def summary(name: str, version: str, report: dict[str, Any]) -> dict[str, Any]:
    """The figures of one set and model that the table and the README show."""
    wrong_auto = [e for e in report["errors"] if e["decision"] == "auto"]
    worst = {}
    for head in HEADS:
        f1 = {label: _f1(v) for label, v in report["heads"][head]["per_class"].items() if v["support"]}
        worst[head] = sorted(f1.items(), key=lambda x: x[1])[:3]
    return {
        "set": name, "model": version, "items": report["items"],
        "doc_type_macro_f1": report["heads"]["doc_type"]["macro_f1"], "route_macro_f1": report["heads"]["route"]["macro_f1"],
        "automation": report["automation"], "auto_precision": report["auto_precision"], "auto_items": report["auto_items"],
        "wrong_auto": len(wrong_auto), "wrong_auto_court": sum(e["truth"]["doc_type"] == "gerichtspost" for e in wrong_auto),
        "court_route_right": _court_route(report), "worst": worst, "wrong_auto_items": wrong_auto,
    }  # fmt: skip


def _f1(values: dict[str, float]) -> float:
    p, r = values["precision"], values["recall"]
    return 2 * p * r / (p + r) if p + r else 0.0


def _court_route(report: dict[str, Any]) -> str:
    """Court mail with the right route, of all court mail ("" when the set has none)."""
    per = report["heads"]["doc_type"]["per_class"].get("gerichtspost")
    if not per or not per["support"]:
        return ""
    wrong = sum(
        e["truth"]["doc_type"] == "gerichtspost" and e["truth"]["route"] != e["predicted"]["route"]
        for e in report["errors"]
    )
    return f"{per['support'] - wrong}/{per['support']}"


def print_table(results: list[dict[str, Any]]) -> None:
    table = Table("set", "model", "items", "doc_type F1", "route F1", "automation", "precision of automated", "wrongly automated (court)",
                  "court mail routed right", "worst classes (F1)", title="generalization: the same model on our mail and on mail we did not write")  # fmt: skip
    for r in results:
        worst = "; ".join(f"{label} {f:.2f}" for h in HEADS for label, f in r["worst"][h][:2])
        table.add_row(r["set"], r["model"], str(r["items"]), f"{r['doc_type_macro_f1']:.3f}", f"{r['route_macro_f1']:.3f}", f"{r['automation']:.1%}",
                      f"{r['auto_precision']:.1%}", f"{r['wrong_auto']} ({r['wrong_auto_court']})", r["court_route_right"], worst)  # fmt: skip
    console.print(table)


def plot(results: list[dict[str, Any]], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    measures = [
        ("doc_type_macro_f1", "doc_type F1"),
        ("route_macro_f1", "route F1"),
        ("automation", "automation"),
        ("auto_precision", "precision of automated"),
    ]
    labels = [f"{r['set']}\n{r['model'][-24:]}" for r in results]
    fig, ax = plt.subplots(figsize=(max(6, 2.2 * len(results)), 4))
    width = 0.8 / len(measures)
    for number, (key, name) in enumerate(measures):
        ax.bar(
            [i + number * width for i in range(len(results))], [r[key] for r in results], width, label=name
        )
    ax.axhline(0.98, color="grey", linestyle=":", linewidth=1)
    ax.set_xticks([i + 1.5 * width for i in range(len(results))], labels, fontsize=7)
    ax.set_ylim(0, 1.05)
    ax.legend(fontsize=7, loc="lower left")
    ax.set_title("the same model on our own test set and on mail we did not write")
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    plt.close(fig)


if __name__ == "__main__":
    main()
