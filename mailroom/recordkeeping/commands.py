"""The `mailroom audit`, `mailroom retention` and `mailroom qa` commands. Thin; German, as
the records staff read them.

Like mailroom.review.commands they do not import mailroom.cli (which registers them); they
read the settings from the context object the CLI group sets up.
"""

from __future__ import annotations

import click
from rich.console import Console

from mailroom.errors import IntegrityViolation

console = Console()


def _database(obj):
    from mailroom.store.db import open_database

    return open_database(obj.settings.database)


@click.group()
def audit() -> None:
    """The tamper-evident audit trail (Revisionssicherheit)."""


@audit.command("verify")
@click.pass_obj
def audit_verify(obj) -> None:
    """Check the hash chains of the audit trail and the SHA-256 of every archived file;
    exits with 6 naming the first row or file that is not as recorded."""
    from mailroom.recordkeeping.integrity import report_lines, verify

    report = verify(_database(obj), obj.settings.home.resolve())
    for line in report_lines(report):  # whole lines, never wrapped: they are grepped and logged
        click.secho(line, fg="red" if line.startswith("FEHLER") else None)
    if not report.ok:
        raise IntegrityViolation("Prüfung fehlgeschlagen: Protokoll oder Archiv wurde verändert (siehe oben)")
    click.echo("Prüfung bestanden: Protokoll und Archiv sind unverändert.")
