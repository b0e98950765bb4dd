"""`mailroom models`: list the registered versions, promote one (through the gate of
the city's frozen evaluation set).

Thin, as the classifier's other commands (commands.py, whose helpers it shares).
"""

from __future__ import annotations

import time
from pathlib import Path

import click
from rich.markup import escape
from rich.table import Table

from mailroom.classify.commands import _labels, _texts, console
from mailroom.dataset import read_dataset
from mailroom.errors import BadInput
from mailroom.terminal import progress_bar


@click.group()
def models() -> None:
    """Registered models: list versions, promote one to be used."""


@models.command("list")
@click.pass_obj
def list_models(obj) -> None:
    """List the registered versions with their metrics; * marks the promoted one."""
    from mailroom.classify.bundle import read_meta
    from mailroom.classify.tracking import list_versions, resolve_model

    try:
        current = read_meta(resolve_model("", obj.settings))
    except BadInput:  # no model in use yet: still list the registry
        current = {}
    rows = list_versions(obj.settings)
    table = Table(
        "",
        "version",
        "created",
        "test doc_type F1",
        "test route F1",
        "held-out automation",
        "aliases",
        title=escape(obj.settings.classify.registered_model),
    )
    for row in rows:
        m = row["metrics"]
        mark = "*" if current.get("registry_version", "").endswith(f"/{row['version']}") else ""
        created = time.strftime("%Y-%m-%d %H:%M", time.localtime(row["created"] / 1000))
        table.add_row(mark, str(row["version"]), created, _fmt(m.get("test_doc_type_macro_f1")), _fmt(m.get("test_route_macro_f1")),
                      _fmt(m.get("heldout_automation")), escape(", ".join(row["aliases"])))  # fmt: skip
    console.print(table)
    console.print(escape(f"in use: {current.get('registry_version') or current.get('version')}"))


def _fmt(value: float | None) -> str:
    return "" if value is None else f"{value:.3f}"


@models.command()
@click.argument("ref")
@click.option(
    "--force",
    is_flag=True,
    help="Promote even if the model is less precise than the one in use on the frozen set.",
)
@click.pass_obj
def promote(obj, ref: str, force: bool) -> None:
    """Make model REF (a registered version, models:/NAME/VERSION or a folder) the one in use.

    With `classify.frozen_eval` set (the city's own reviewed mail), REF must be at least as
    precise on it as the model in use; the comparison is recorded in MLflow."""
    from mailroom.classify.bundle import read_meta
    from mailroom.classify.tracking import promote as promote_model

    settings = obj.settings
    if settings.classify.frozen_eval is not None and ref:
        comparison = _gate(obj, ref)
        _print_gate(comparison, settings.classify.frozen_eval)
        if not comparison.passes and not force:
            _log_gate(obj, comparison, promoted=False, forced=False)
            raise BadInput(
                f"not promoted: on {settings.classify.frozen_eval} the challenger's automated items are "
                f"{comparison.challenger['auto_precision']:.1%} right, the model in use's {comparison.current['auto_precision']:.1%}; "
                f"use --force to promote it anyway"
            )
    target = promote_model(ref, settings, obj.taxonomy)
    if settings.classify.frozen_eval is not None and ref:
        _log_gate(obj, comparison, promoted=True, forced=not comparison.passes)
    meta = read_meta(target)
    console.print(escape(f"promoted {meta.get('registry_version') or meta.get('version')} to {target}"))


def _gate(obj, ref: str):
    """Compare the model in use with `ref` on the frozen set (never its `check` rows)."""
    from mailroom.classify.bundle import load_model
    from mailroom.classify.gate import compare
    from mailroom.classify.tracking import resolve_model

    settings = obj.settings
    labelled = read_dataset(settings.classify.frozen_eval, obj.taxonomy)
    use_text = all(i.text is not None for i in labelled.items)
    with progress_bar() as progress:
        got = _texts(obj, labelled, use_text, progress)
    chosen = [k for k, item in enumerate(labelled.items) if item.split != "check"]
    if not chosen:
        raise BadInput(f"the frozen evaluation set {labelled.folder} has no rows outside the split 'check'")
    current = load_model(resolve_model("", settings), obj.taxonomy)
    challenger = load_model(resolve_model(ref, settings), obj.taxonomy)
    return compare(
        current, challenger, [got.texts[k] for k in chosen], _labels([labelled.items[k] for k in chosen])
    )


def _log_gate(obj, comparison, promoted: bool, forced: bool) -> None:
    from mailroom.classify.tracking import log_promotion

    log_promotion(obj.settings, comparison, obj.settings.classify.frozen_eval, promoted, forced)


def _print_gate(comparison, frozen: Path) -> None:
    table = Table("measure", escape(f"in use\n{comparison.current['version']}"), escape(f"challenger\n{comparison.challenger['version']}"),
                  title=escape(f"frozen evaluation set {frozen}: {comparison.items} items"))  # fmt: skip
    for key, name in (("auto_precision", "precision of automated"), ("automation", "automation rate"),
                      ("doc_type_macro_f1", "doc_type macro-F1"), ("route_macro_f1", "route macro-F1")):  # fmt: skip
        table.add_row(name, *(f"{who[key]:.3f}" for who in (comparison.current, comparison.challenger)))
    console.print(table)
