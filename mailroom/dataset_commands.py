"""`mailroom data`: labelled mail sets — generate synthetic mail, check, show, and read
a set's files as ingest reads them.

Thin, as the other command modules: they parse options, call the library and print.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import click
from rich.console import Console
from rich.markup import escape

from mailroom.terminal import progress_bar, wrapping_table

console = Console()


@click.group()
def data() -> None:
    """Labelled mail sets: generate synthetic mail, check and show sets."""


@data.command()
@click.option("--out", type=click.Path(path_type=Path), required=True, help="Folder to write the set into.")
@click.option("--n", "count", type=int, default=200, show_default=True, help="Number of mail items.")
@click.option("--seed", type=int, default=0, show_default=True, help="Same seed, same set.")
@click.option(
    "--batches",
    type=int,
    default=0,
    show_default=True,
    help="Batch scans with PATCHT separator sheets to add under batches/.",
)
@click.option("--workers", type=int, default=None, help="Processes to render with [default: one per core].")
@click.option("--force", is_flag=True, help="Replace a set already in --out.")
@click.option(
    "--no-scan",
    is_flag=True,
    help="Write the pages as rendered, without scanner defects: the same letters and text "
    "column, several times faster (for sets trained on with --text-column).",
)
@click.pass_obj
def synth(
    ctx, out: Path, count: int, seed: int, batches: int, workers: int | None, force: bool, no_scan: bool
) -> None:
    """Generate a realistic synthetic corpus of scanned inbound mail, labelled."""
    from mailroom.synth.generate import generate, load_synth_config, plan_batches

    config = load_synth_config(ctx.settings.config_file("synth.yaml"), ctx.taxonomy)
    total = count + sum(len(job.plans) for job in plan_batches(config, max(batches, 0), seed))
    with progress_bar() as progress:
        task = progress.add_task("synthesising mail", total=total)
        report = generate(
            out, count, seed, config, batches=batches,
            workers=workers if workers is not None else ctx.settings.synth.workers,
            force=force, progress=lambda done: progress.advance(task, done), scan=not no_scan,
        )  # fmt: skip
    rate = (report.items + report.batch_items) / report.seconds * 60
    console.print(
        f"wrote {report.items} items and {report.batches} batch scans ({report.batch_items} items) "
        f"with {report.pages} pages to {escape(str(out))} in {report.seconds:.0f} s ({rate:.0f} items/min)"
    )


@data.command("synth-outgoing")
@click.argument("out", type=click.Path(path_type=Path))
@click.option("--n", "count", type=int, default=200, show_default=True, help="Number of letters.")
@click.option("--seed", type=int, default=0, show_default=True, help="Same seed, same letters.")
@click.option("--city", default="Chemnitz", show_default=True, help="The city whose letters these are.")
@click.option("--no-scan", is_flag=True, help="Only the office's PDFs, no printed-and-scanned copies.")
@click.option("--workers", type=int, default=None, help="Processes to render with [default: one per core].")
@click.option("--force", is_flag=True, help="Replace what is in OUT.")
@click.pass_obj
def synth_outgoing(
    ctx, out: Path, count: int, seed: int, city: str, no_scan: bool, workers: int | None, force: bool
) -> None:
    """Generate the city's outgoing letters with a recipient register and the truth."""
    from mailroom.synth.outgoing_pdf import generate_outgoing

    with progress_bar() as progress:
        task = progress.add_task("Ausgangspost erzeugen", total=count)
        report = generate_outgoing(
            out, count, seed, city, scans=not no_scan,
            workers=workers if workers is not None else ctx.settings.synth.workers,
            force=force, progress=lambda done: progress.advance(task, done),
        )  # fmt: skip
    console.print(
        f"{report.letters} Briefe und ein Empfängerverzeichnis mit {report.register} Einträgen "
        f"in {escape(str(out))} geschrieben ({report.seconds:.0f} s)"
    )


@data.command()
@click.argument("folder", type=click.Path(path_type=Path))
@click.pass_obj
def check(ctx, folder: Path) -> None:
    """Validate a labelled set (labels.csv, and batches/batches.csv if present)."""
    from mailroom.dataset import BATCHES_DIR, BATCHES_FILE, read_batches, read_dataset

    labelled = read_dataset(folder, ctx.taxonomy)
    console.print(f"{escape(str(folder))}: {len(labelled.items)} items, all rows valid")
    if (folder / BATCHES_DIR / BATCHES_FILE).exists():
        entries = read_batches(folder, ctx.taxonomy)
        console.print(
            f"{escape(str(folder / BATCHES_DIR))}: {len(entries)} items in {len({e.batch for e in entries})} batch scans, all rows valid"
        )


@data.command()
@click.argument("folder", type=click.Path(path_type=Path))
@click.option(
    "--sheet",
    type=click.Path(path_type=Path),
    default=None,
    help="Contact sheet PNG to write [default: FOLDER/contact_sheet.png].",
)
@click.pass_obj
def show(ctx, folder: Path, sheet: Path | None) -> None:
    """Show a labelled set: items per doc_type and route, and a contact sheet of pages."""
    from mailroom.dataset import read_dataset
    from mailroom.plots import contact_sheet

    labelled = read_dataset(folder, ctx.taxonomy)
    pairs = Counter((i.doc_type, i.route) for i in labelled.items)
    routes = [r for r in ctx.taxonomy.routes if any(route == r for _, route in pairs)]
    table = wrapping_table(
        "doc_type \\ route", *routes, "total", title=f"{escape(str(folder))}: {len(labelled.items)} items"
    )
    for doc_type in ctx.taxonomy.doc_types:
        counts = [pairs.get((doc_type, r), 0) for r in routes]
        table.add_row(doc_type, *[str(c) if c else "·" for c in counts], str(sum(counts)))
    console.print(table)
    written = contact_sheet(labelled, sheet or folder / "contact_sheet.png")
    console.print(f"contact sheet of the first pages: {escape(str(written))}")


@data.command("read")
@click.argument("folder", type=click.Path(path_type=Path))
@click.option(
    "--out",
    type=click.Path(path_type=Path),
    required=True,
    help="Folder to write the copy into (must not exist).",
)
@click.option("--n", "count", type=int, default=None, help="Only the first N rows [default: all].")
@click.pass_obj
def read_set(ctx, folder: Path, out: Path, count: int | None) -> None:
    """Copy a labelled set with its `text` column as ingest reads each file (OCR, through
    the OCR cache): to train and measure on text as the scanner delivers it, with
    `--text-column`, without OCR'ing again."""
    from dataclasses import replace

    from mailroom.classify.text import set_texts
    from mailroom.dataset import copy_dataset, read_dataset

    labelled = read_dataset(folder, ctx.taxonomy)
    labelled = replace(labelled, items=labelled.items[:count])
    with progress_bar() as progress:
        task = progress.add_task("reading the files", total=len(labelled.items))
        got = set_texts(
            labelled,
            ctx.settings,
            workers=ctx.settings.classify.ocr_workers,
            progress=lambda done: progress.advance(task, done),
        )
    items = [
        replace(i, extra={**i.extra, "text": text, "text_source": "ocr"})
        for i, text in zip(labelled.items, got.texts, strict=True)
    ]
    written = copy_dataset(labelled, items, out)
    console.print(f"wrote {len(items)} items with the text ingest reads to {escape(str(written))}")
