"""The click commands of the classifier: train, evaluate, classify (models list/promote:
model_commands.py).

Thin: they parse options, call the library and print. `mailroom.cli.main` turns the
MailroomError they raise into one message and an exit code.
"""

from __future__ import annotations

import json
import logging
import tempfile
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.markup import escape
from rich.progress import Progress
from rich.table import Table

from mailroom.dataset import TRAINABLE_SPLITS, LabelledItem, LabelledSet, read_dataset
from mailroom.errors import BadInput
from mailroom.terminal import progress_bar

log = logging.getLogger(__name__)
console = Console()
HEADS = ("doc_type", "route")


def _texts(obj, labelled: LabelledSet, text_column: bool, progress: Progress):
    from mailroom.classify.text import set_texts

    task = progress.add_task(
        f"{'text column' if text_column else 'OCR'} {escape(labelled.folder.name)}", total=len(labelled.items)
    )
    return set_texts(
        labelled,
        obj.settings,
        text_column,
        obj.settings.classify.ocr_workers,
        lambda n: progress.advance(task, n),
    )


def _labels(items: list[LabelledItem]) -> dict[str, list[str]]:
    return {head: [getattr(i, head) for i in items] for head in HEADS}


@click.command()
@click.option(
    "--data",
    "data_dirs",
    type=click.Path(path_type=Path),
    multiple=True,
    required=True,
    help="A labelled set (DATASET.md layout); repeat for several.",
)
@click.option(
    "--config",
    "config_path",
    type=click.Path(path_type=Path),
    default=None,
    help="Training config [default: configs/train.yaml].",
)
@click.option(
    "--model-type",
    type=click.Choice(["linear", "transformer"]),
    default=None,
    help="Backend [default: from the config].",
)
@click.option(
    "--text-column", is_flag=True, help="Train on the sets' `text` column instead of OCR'ing the files."
)
@click.option(
    "--target-precision",
    type=float,
    default=None,
    help="Precision of auto-routed items [default: config, else classify.target_precision].",
)
@click.option(
    "--out",
    type=click.Path(path_type=Path),
    default=None,
    help="Also write the model bundle to this folder (e.g. models/default).",
)
@click.pass_obj
def train(
    obj,
    data_dirs: tuple[Path, ...],
    config_path: Path | None,
    model_type: str | None,
    text_column: bool,
    target_precision: float | None,
    out: Path | None,
) -> None:
    """Train the doc_type and route heads, calibrate them, choose thresholds, log and register the model."""
    from mailroom.classify.bundle import save_model
    from mailroom.classify.evaluate import evaluate_model, write_plots
    from mailroom.classify.rules import load_rules
    from mailroom.classify.tracking import _copy_atomically, log_training
    from mailroom.classify.train import load_train_config, train_model, training_rows, training_steps

    settings = obj.settings
    path = config_path or settings.config_file("train.yaml")
    config = load_train_config(path, {"model_type": model_type, "target_precision": target_precision})
    if config.target_precision is None:
        config = config.model_copy(update={"target_precision": settings.classify.target_precision})
    if config.model_type == "transformer":
        from mailroom.classify.transformer import check_checkpoint

        check_checkpoint(config.transformer.checkpoint)  # before any OCR or training
    rules_path = settings.config_file("rules.yaml")
    rules = load_rules(rules_path, set(obj.taxonomy.routes), set(obj.taxonomy.doc_types))
    sets = [read_dataset(d, obj.taxonomy) for d in data_dirs]
    with progress_bar() as progress:
        texts_by_set = [_texts(obj, s, text_column, progress) for s in sets]
        pairs = [
            (item, text)
            for s, t in zip(sets, texts_by_set, strict=True)
            for item, text in zip(s.items, t.texts, strict=True)
        ]
        fit = [(i, t) for i, t in pairs if i.split in TRAINABLE_SPLITS]  # never a `check` row
        held = [(i, t) for i, t in pairs if i.split == "test"]
        task = progress.add_task(f"training {config.model_type}", total=training_steps(config))
        result = train_model(training_rows(fit, config), config, obj.taxonomy, rules, _yaml(rules_path),
                             step=lambda _: progress.advance(task))  # fmt: skip
    metrics = {f"heldout_{k}": float(v) for k, v in result.held_out.items()}
    metrics["train_seconds"] = result.seconds
    plots: list[Path] = []
    workdir = Path(tempfile.mkdtemp(prefix="mailroom-train-"))
    report = None
    if held:
        report = evaluate_model(result.model, [t for _, t in held], _labels([i for i, _ in held]))
        metrics.update(_flat_metrics(report, "test_"))
        plots = write_plots(report, workdir, "test")
    result.model.meta["metrics"] = metrics
    bundle = save_model(result.model, settings.path("models", "trained", result.model.meta["version"]))
    params = {"model_type": config.model_type, "data": ",".join(str(d) for d in data_dirs), "text_source": "text-column" if text_column else "ocr",
              "train_items": len(fit), "test_items": len(held), "target_precision": config.target_precision,
              **{f"{config.model_type}_{k}": v for k, v in getattr(config, config.model_type).model_dump(mode="json").items()}}  # fmt: skip
    logged = log_training(settings, config.experiment, bundle, params, metrics, plots)
    if out is not None:
        _copy_atomically(bundle, out)
    _print_training(result, report, bundle, logged.registered, out)


def _yaml(path: Path) -> dict[str, Any]:
    from mailroom.files import read_yaml

    return read_yaml(path, "rules") or {}


def _flat_metrics(report: dict[str, Any], prefix: str) -> dict[str, float]:
    flat = {f"{prefix}{h}_{m}": report["heads"][h][m] for h in HEADS for m in ("accuracy", "macro_f1", "ece")}
    flat.update(
        {f"{prefix}automation": report["automation"], f"{prefix}auto_precision": report["auto_precision"]}
    )
    return flat


def _print_training(result, report, bundle: Path, registered: str, out: Path | None) -> None:
    held = result.held_out
    table = Table(
        "measure",
        "doc_type",
        "route",
        title=f"trained {escape(result.model.version)} in {result.seconds:.0f} s",
    )
    table.add_row(
        "held-out accuracy (out of fold)", f"{held['doc_type_accuracy']:.3f}", f"{held['route_accuracy']:.3f}"
    )
    table.add_row("held-out calibration error", f"{held['doc_type_ece']:.3f}", f"{held['route_ece']:.3f}")
    table.add_row(
        "threshold", f"{result.model.thresholds['doc_type']:.3f}", f"{result.model.thresholds['route']:.3f}"
    )
    if report:
        table.add_row(
            "test-split macro-F1",
            f"{report['heads']['doc_type']['macro_f1']:.3f}",
            f"{report['heads']['route']['macro_f1']:.3f}",
        )
    console.print(table)
    console.print(
        f"held out: automation {held['automation']:.1%} at precision {held['auto_precision']:.1%}"
        f" (thresholds chosen alone on one deal of the styles into folds: {held['automation_lowest_deal']:.1%}"
        f" to {held['automation_highest_deal']:.1%})"
        + ("" if held["target_reached"] else " [red](target not reached: everything goes to review)[/red]")
    )
    console.print(
        escape(f"bundle: {bundle}\nregistered: {registered}" + (f"\ncopied to: {out}" if out else ""))
    )


@click.command()
@click.option(
    "--model",
    "refs",
    multiple=True,
    help="Model reference; repeat to compare models side by side [default: the promoted model].",
)
@click.option(
    "--data",
    "data_dir",
    type=click.Path(path_type=Path),
    required=True,
    help="A labelled set (DATASET.md layout).",
)
@click.option("--text-column", is_flag=True, help="Use the set's `text` column instead of OCR'ing the files.")
@click.option(
    "--split",
    type=click.Choice(["all", "train", "test", "learn", "check"]),
    default="all",
    show_default=True,
    help="Which rows of the set to evaluate on.",
)
@click.option(
    "--json",
    "json_out",
    type=click.Path(path_type=Path),
    default=None,
    help="Write the report here; PNGs go next to it.",
)
@click.pass_obj
def evaluate(
    obj, refs: tuple[str, ...], data_dir: Path, text_column: bool, split: str, json_out: Path | None
) -> None:
    """Measure one or more models on a labelled set: per head accuracy, macro-F1, automation and its precision."""
    from mailroom.classify.bundle import load_model
    from mailroom.classify.evaluate import evaluate_model, write_plots
    from mailroom.classify.tracking import resolve_model

    models = [load_model(resolve_model(ref, obj.settings), obj.taxonomy) for ref in (refs or ("",))]
    labelled = read_dataset(data_dir, obj.taxonomy)
    with progress_bar() as progress:
        got = _texts(obj, labelled, text_column, progress)
    chosen = [k for k, i in enumerate(labelled.items) if split == "all" or i.split == split]
    if not chosen:
        raise BadInput(f"{data_dir} has no rows in the split '{split}'; use --split all")
    items = [labelled.items[k] for k in chosen]
    texts = [got.texts[k] for k in chosen]
    reference = None if text_column else [i.text for i in items]
    ocr_seconds = [got.ocr_seconds[k] for k in chosen if got.ocr_seconds[k] > 0]
    reports = []
    for model in models:
        report = evaluate_model(model, texts, _labels(items), reference)
        report.update(data=str(data_dir), split=split, text_source=got.source)
        if ocr_seconds:
            report["ocr_seconds_per_item"] = sum(ocr_seconds) / len(ocr_seconds)
        reports.append(report)
    if json_out is not None:
        for number, report in enumerate(reports):
            stem = json_out.stem if len(reports) == 1 else f"{json_out.stem}_{number + 1}"
            report["plots"] = [str(p) for p in write_plots(report, json_out.parent, stem)]
        json_out.parent.mkdir(parents=True, exist_ok=True)
        json_out.write_text(
            json.dumps(reports[0] if len(reports) == 1 else reports, ensure_ascii=False, indent=1),
            encoding="utf-8",
        )
    _print_evaluation(reports, data_dir, len(items))


def _print_evaluation(reports: list[dict[str, Any]], data_dir: Path, count: int) -> None:
    table = Table(
        "measure",
        *[escape(f"{r['model_version']}\n({r['backend']})") for r in reports],
        title=escape(f"{data_dir}: {count} items ({reports[0]['text_source']})"),
    )
    for head in HEADS:
        table.add_row(f"{head} accuracy", *[f"{r['heads'][head]['accuracy']:.3f}" for r in reports])
        table.add_row(f"{head} macro-F1", *[f"{r['heads'][head]['macro_f1']:.3f}" for r in reports])
        table.add_row(f"{head} calibration error", *[f"{r['heads'][head]['ece']:.3f}" for r in reports])
    table.add_row("automation rate", *[f"{r['automation']:.1%}" for r in reports])
    table.add_row("precision of automated", *[f"{r['auto_precision']:.1%}" for r in reports])
    table.add_row(
        "thresholds doc_type / route",
        *[f"{r['thresholds']['doc_type']:.2f} / {r['thresholds']['route']:.2f}" for r in reports],
    )
    table.add_row("classify s/item", *[f"{r['classify_seconds_per_item']:.4f}" for r in reports])
    if "ocr_seconds_per_item" in reports[0]:
        table.add_row("OCR s/item (not cached)", *[f"{r['ocr_seconds_per_item']:.2f}" for r in reports])
    if "ocr_char_accuracy" in reports[0]:
        table.add_row("OCR character accuracy", *[f"{r['ocr_char_accuracy']:.3f}" for r in reports])
    console.print(table)
    for report in reports:
        worst = sorted(
            (
                (h, label, v["recall"])
                for h in HEADS
                for label, v in report["heads"][h]["per_class"].items()
                if v["support"]
            ),
            key=lambda x: x[2],
        )[:3]
        console.print(
            escape(
                f"{report['model_version']}: lowest recall "
                + ", ".join(f"{h}:{label} {r:.2f}" for h, label, r in worst)
            )
        )


@click.command()
@click.option("--model", "ref", default="", help="Model reference [default: the promoted model].")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.pass_obj
def classify(obj, ref: str, files: tuple[Path, ...]) -> None:
    """Classify files: one JSON line per file, in order, with labels, top-3, decision and metadata."""
    from mailroom.classify.bundle import load_model
    from mailroom.classify.predict import classify_item, prediction_dict
    from mailroom.classify.text import cached_document_text
    from mailroom.classify.tracking import resolve_model

    model = load_model(resolve_model(ref, obj.settings), obj.taxonomy)
    failed = 0
    for path in files:
        try:
            if not path.is_file():
                raise BadInput(f"{path} does not exist or is not a file")
            text, _ = cached_document_text(path, obj.settings)
        except BadInput as exc:
            failed += 1
            message = str(exc) if str(path) in str(exc) else f"{path}: {exc}"
            click.echo(json.dumps({"path": str(path), "error": message}, ensure_ascii=False))
            continue
        click.echo(
            json.dumps({"path": str(path), **prediction_dict(classify_item(text, model))}, ensure_ascii=False)
        )
    if failed:
        raise BadInput(f"{failed} of {len(files)} file(s) could not be read; see their 'error' lines")
