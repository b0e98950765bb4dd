"""The `mailroom` command. Thin: it parses options, calls the library, prints results.

This is the one place that turns MailroomError into a message and an exit code. Text that
is not the program's own (names, paths, messages) goes to rich through `escape`, so it is
printed as it is, never read as markup.
"""

from __future__ import annotations

import logging
import os
import sys
from importlib import metadata
from pathlib import Path

import click
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from mailroom import __version__
from mailroom.errors import MailroomError
from mailroom.settings import Settings, load_settings
from mailroom.taxonomy import Taxonomy
from mailroom.terminal import progress_bar, wrapping_table

console = Console()
err_console = Console(stderr=True)


class Context:
    """What every command gets: the settings, and the taxonomy read on first use."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    @property
    def taxonomy(self) -> Taxonomy:
        return self.settings.taxonomy


pass_context = click.make_pass_decorator(Context)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="mailroom")
@click.option("-v", "--verbose", is_flag=True, help="Log what happens, for troubleshooting.")
@click.pass_context
def cli(ctx: click.Context, verbose: bool) -> None:
    """mailroom: the digital mail room. Scan-ingest, classify, review, dispatch."""
    logging.basicConfig(
        level=logging.DEBUG if verbose else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    ctx.obj = Context(load_settings())


@cli.command()
@pass_context
def doctor(ctx: Context) -> None:
    """Print versions of the external programs, OCR languages and fonts found."""
    from mailroom.ingest.ocr import installed_languages, tesseract_version
    from mailroom.synth.fonts import font_report

    table = Table("component", "found", show_header=True)
    table.add_row("mailroom", __version__)
    table.add_row("python", sys.version.split()[0])
    table.add_row("MAILROOM_HOME", escape(str(ctx.settings.home.resolve())))
    table.add_row("configs", escape(str(ctx.settings.config_dir)))
    table.add_row("tesseract", escape(tesseract_version()))
    table.add_row("OCR languages", escape(", ".join(installed_languages())))
    table.add_row("poppler (pdftoppm)", _program_version(["pdftoppm", "-v"]))
    table.add_row("ghostscript (PDF/A)", _program_version(["gs", "--version"]))
    icc = ctx.settings.archive.icc_profile
    table.add_row(
        "ICC profile (PDF/A)",
        escape(str(icc)) if icc.is_file() else f"[red]missing: {escape(str(icc))}[/red]",
    )
    for package in (
        "torch",
        "transformers",
        "scikit-learn",
        "opencv-python",
        "mlflow",
        "pytesseract",
        "pdf2image",
        "pikepdf",
        "pyhanko",
        "lxml",
    ):
        table.add_row(package, _package_version(package))
    table.add_row("broker", _broker_status(ctx.settings))
    for role, families in font_report().items():
        table.add_row(f"fonts: {role}", escape(", ".join(families)) or "[red]none[/red]")
    console.print(table)


@cli.command()
@click.option(
    "--inbox",
    type=click.Path(path_type=Path),
    default=None,
    help="Hot folder [default: MAILROOM_HOME/inbox].",
)
@click.option("--once", is_flag=True, help="Process what is there now, then exit (for cron and tests).")
@click.option(
    "--no-wait", is_flag=True, help="Celery mode: hand the files to the workers and exit without waiting."
)
@pass_context
def ingest(ctx: Context, inbox: Path | None, once: bool, no_wait: bool) -> None:
    """Take the complete files from the hot folder: split, clean, OCR, archive, classify.

    With MAILROOM_BROKER_URL set, the work runs on `mailroom worker`s."""
    from mailroom.pipeline import ingest_once, require_programs

    if not once:
        raise click.UsageError("say --once for a single pass, or run `mailroom watch` to keep watching")
    settings = _with_inbox(ctx.settings, inbox)
    if not settings.broker_url:  # else the stages run on the workers, which check for themselves
        require_programs(settings)
    db = _database(settings)
    with progress_bar() as progress:
        task = progress.add_task("OCR pages", total=None)
        report = ingest_once(
            settings, db, progress=lambda done, total: progress.update(task, advance=done, total=total),
            wait_for_workers=not no_wait,
        )  # fmt: skip
    _print_report(report)


@cli.command()
@click.option(
    "--inbox",
    type=click.Path(path_type=Path),
    default=None,
    help="Hot folder [default: MAILROOM_HOME/inbox].",
)
@click.option("--poll", is_flag=True, help="Poll instead of inotify (for network shares).")
@pass_context
def watch(ctx: Context, inbox: Path | None, poll: bool) -> None:
    """Watch the hot folder and ingest files as they arrive, and dispatch approved items,
    until stopped (Ctrl-C). With MAILROOM_BROKER_URL set, it hands the work to the workers."""
    import threading

    from mailroom.pipeline import require_programs, watch_inbox

    settings = _with_inbox(ctx.settings, inbox)
    if not settings.broker_url:  # else the stages run on the workers, which check for themselves
        require_programs(settings)
    db = _database(settings)
    mode = "stages in this process"
    if settings.broker_url:
        from mailroom.worker import broker_name

        mode = f"stages on the workers of {broker_name(settings)}"
    console.print(
        f"watching {escape(str(settings.inbox.resolve()))} ({'polling' if poll else 'inotify'}; {escape(mode)}); Ctrl-C stops"
    )
    stop = threading.Event()
    try:
        watch_inbox(settings, db, stop, polling=poll, on_report=_print_report, dispatch=True)
    except KeyboardInterrupt:
        stop.set()


@cli.command()
@click.option(
    "--concurrency",
    type=int,
    default=None,
    help="Pool processes [default: MAILROOM_WORKER__CONCURRENCY, else one per core].",
)
@click.option("--name", default=None, help="Worker name, shown as NAME@host [default: mailroom].")
@pass_context
def worker(ctx: Context, concurrency: int | None, name: str | None) -> None:
    """Run a Celery worker for the pipeline's stages (split, OCR, classify, dispatch) until
    stopped. Needs MAILROOM_BROKER_URL and a PostgreSQL MAILROOM_DATABASE_URL shared by all
    workers, and MAILROOM_HOME on storage they all see."""
    from mailroom.pipeline import require_programs
    from mailroom.worker import start_worker

    require_programs(ctx.settings)
    start_worker(ctx.settings, concurrency, name)


@cli.command()
@click.option(
    "--state",
    type=str,
    default=None,
    help="Only items in this state (received, split, ocr_done, quarantined, ...).",
)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
@pass_context
def items(ctx: Context, state: str | None, as_json: bool) -> None:
    """List mail items with their source file, hash, pages, state and labels."""
    import json

    from mailroom.records import ItemState
    from mailroom.store.queries import list_items

    if state is not None and state not in set(ItemState):
        raise click.BadParameter(f"'{state}' is not one of {', '.join(ItemState)}", param_hint="--state")
    rows = list_items(_database(ctx.settings), state)
    if as_json:
        for row in rows:
            click.echo(json.dumps(row, ensure_ascii=False))
        return
    table = wrapping_table(
        "id", "source file", "pages", "state", "doc_type", "route", "note", title=f"{len(rows)} items"
    )
    for row in rows:
        doc_type, route = (
            ctx.taxonomy.label("doc_type", row.get("doc_type")),
            ctx.taxonomy.label("route", row.get("route")),
        )
        cells = (
            row["id"],
            row["source_file"],
            str(row["pages"]),
            row["state"],
            doc_type,
            route,
            row.get("reason", ""),
        )
        table.add_row(*map(escape, cells))
    console.print(table)


def _with_inbox(settings: Settings, inbox: Path | None) -> Settings:
    if inbox is None:
        return settings
    return settings.model_copy(update={"ingest": settings.ingest.model_copy(update={"inbox": inbox})})


def _database(settings: Settings):
    from mailroom.store.db import open_database

    return open_database(settings.database)


def _print_report(report) -> None:
    console.print(
        f"{report.files} file(s) taken: {report.items} item(s), {report.pages} page(s) OCR'd, "
        f"{report.quarantined} quarantined, {report.duplicates} duplicate(s) in {report.seconds:.1f} s"
    )


def _broker_status(settings: Settings) -> str:
    if not settings.broker_url:
        return "none: embedded mode (stages run in-process)"
    from mailroom.worker import app, broker_name, queue_length

    try:
        waiting = queue_length(settings)
    except MailroomError as exc:
        return f"[red]{escape(str(exc))}[/red]"
    workers = app.control.ping(timeout=1.0)
    return f"{escape(broker_name(settings))}: {waiting} task(s) queued, {len(workers)} worker(s) answering"


def _package_version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "[red]not installed[/red]"


def _program_version(command: list[str]) -> str:
    import subprocess

    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.TimeoutExpired):
        return "[red]not found[/red]"
    return escape((done.stdout + done.stderr).strip().splitlines()[0])


from mailroom.classify.commands import classify, evaluate, train  # noqa: E402
from mailroom.classify.model_commands import models  # noqa: E402
from mailroom.dataset_commands import data  # noqa: E402
from mailroom.dispatch.commands import dispatch  # noqa: E402
from mailroom.outgoing.commands import outgoing, recipients  # noqa: E402
from mailroom.recordkeeping.commands import audit, retention  # noqa: E402
from mailroom.review.commands import feedback, quarantine, reads, serve, users  # noqa: E402

cli.add_command(data)
cli.add_command(train)
cli.add_command(evaluate)
cli.add_command(classify)
cli.add_command(models)
cli.add_command(dispatch)
cli.add_command(serve)
cli.add_command(users)
cli.add_command(reads)
cli.add_command(quarantine)
cli.add_command(feedback)
cli.add_command(outgoing)
cli.add_command(recipients)
cli.add_command(audit)
cli.add_command(retention)


def main() -> None:
    """Console entry point: run the CLI, turn expected errors into one line and an exit code."""
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")  # Tesseract: one thread; pages run in parallel processes
    try:
        cli.main(standalone_mode=False)
    except MailroomError as exc:
        err_console.print(f"[bold red]error:[/bold red] {escape(str(exc))}", highlight=False)
        sys.exit(exc.exit_code)
    except click.exceptions.Abort:
        err_console.print("aborted")
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)


if __name__ == "__main__":
    main()
