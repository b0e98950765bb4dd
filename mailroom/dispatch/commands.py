"""The `mailroom dispatch` command. Thin: it calls mailroom.dispatch.dispatch and prints.

It does not import mailroom.cli (which registers it), so the two cannot import each other
in a circle; it reads the settings from the context object the CLI group sets up.
"""

from __future__ import annotations

import threading

import click
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from mailroom.taxonomy import Taxonomy, load_taxonomy

console = Console()


@click.command()
@click.option("--once", is_flag=True, help="Deliver what is due now, then exit (for cron and tests).")
@click.option(
    "--dead-letters", is_flag=True, help="List the items that could not be delivered, with the last error."
)
@click.option(
    "--retry",
    "retry",
    multiple=True,
    metavar="ITEM",
    help="Put a dead-lettered item back in line (repeatable).",
)
@click.pass_obj
def dispatch(obj, once: bool, dead_letters: bool, retry: tuple[str, ...]) -> None:
    """Deliver approved items to their offices (configs/routes.yaml). Without --once it keeps
    delivering every dispatch.poll_seconds until stopped (Ctrl-C)."""
    from mailroom.dispatch import dispatch as dispatching
    from mailroom.store.db import open_database

    settings = obj.settings
    db = open_database(settings.database)
    if dead_letters or retry:
        for item_id in retry:
            state = dispatching.retry_dead_letter(db, item_id)
            console.print(f"{escape(item_id)}: back to {state}")
        if dead_letters:
            taxonomy = load_taxonomy(settings.config_file("taxonomy.yaml"))
            _print_dead_letters(dispatching.dead_letters(db), taxonomy)
        return
    if once:
        _print_report(dispatching.dispatch_once(settings, db))
        return
    console.print(f"dispatching every {settings.dispatch.poll_seconds:g} s; Ctrl-C stops")
    stop = threading.Event()
    try:
        dispatching.dispatch_loop(settings, db, stop, on_report=_print_report)
    except KeyboardInterrupt:
        stop.set()


def _print_report(report) -> None:
    for delivery in report.deliveries:
        if delivery.error:
            console.print(
                f"{escape(delivery.item_id)}: {delivery.outcome} ({escape(delivery.error)})", highlight=False
            )
    console.print(f"dispatch: {report.summary()}")


def _print_dead_letters(letters, taxonomy: Taxonomy) -> None:
    table = Table(title=f"{len(letters)} dead letter(s)")
    table.add_column("item", no_wrap=True)  # whole, so it can be copied into --retry
    for heading in ("route", "target", "attempts", "last error"):
        table.add_column(heading)
    for letter in letters:
        route = taxonomy.label("route", letter.route)
        table.add_row(
            *map(escape, (letter.item_id, route, letter.target, str(letter.attempts), letter.error))
        )
    console.print(table)
