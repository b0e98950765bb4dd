"""The `mailroom audit`, `mailroom retention` and `mailroom qa` commands. Thin; German, as
the records staff read them.

Like mailroom.review.commands they do not import mailroom.cli (which registers them); they
read the settings from the context object the CLI group sets up.
"""

from __future__ import annotations

import getpass

import click

from mailroom.errors import BadInput, IntegrityViolation


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


@click.group()
def retention() -> None:
    """Aufbewahrungsfristen, Löschsperren and the deletion of expired items."""


@retention.command("run")
@click.option("--dry-run", is_flag=True, help="Only list what would be deleted.")
@click.pass_obj
def retention_run(obj, dry_run: bool) -> None:
    """Delete every dispatched item whose Aufbewahrungsfrist has passed and that has no
    Löschsperre, writing a deletion record for each (as `mailroom watch` does once a day)."""
    from mailroom.recordkeeping.retention import run_retention

    report = run_retention(obj.settings, _database(obj), dry_run)
    verb = "würde gelöscht" if dry_run else "gelöscht"
    for expiry in report.expired:
        item = expiry.item
        click.echo(
            f"{item.id}  {item.doc_type or '-'}  {item.route or '-'}  Frist abgelaufen am {expiry.expired_on:%d.%m.%Y}: {verb}"
        )
    for item in report.held:
        click.echo(f"{item.id}  Frist abgelaufen, aber Löschsperre: {item.hold}")
    for run in report.models:
        click.echo(
            f"Modell neu trainieren: Lauf {run['run_id']} ({run['model'] or 'ohne Namen'}), Daten {run['data']}"
        )
    done = len(report.expired) if dry_run else report.deleted
    click.echo(f"{done} Schriftstück(e) {verb}, {len(report.held)} wegen Löschsperre behalten.")


@retention.command("hold")
@click.argument("item_id")
@click.option(
    "--reason", required=True, help="Why the item must be kept (e.g. Aktenzeichen of a proceeding)."
)
@click.option("--user", default=lambda: getpass.getuser(), help="Who sets it [default: the login name].")
@click.pass_obj
def retention_hold(obj, item_id: str, reason: str, user: str) -> None:
    """Put a Löschsperre (legal hold) on an item: it is kept whatever its period says."""
    from mailroom.store.retention import set_hold

    if not reason.strip():
        raise BadInput("--reason darf nicht leer sein: die Löschsperre braucht einen Grund")
    if not set_hold(_database(obj), item_id, user, reason.strip()):
        raise BadInput(f"Schriftstück {item_id} gibt es nicht")
    click.echo(f"Löschsperre für {item_id} gesetzt.")


@retention.command("release")
@click.argument("item_id")
@click.option("--user", default=lambda: getpass.getuser(), help="Who lifts it [default: the login name].")
@click.pass_obj
def retention_release(obj, item_id: str, user: str) -> None:
    """Lift an item's Löschsperre."""
    from mailroom.store.retention import release_hold

    if not release_hold(_database(obj), item_id, user):
        raise BadInput(f"Schriftstück {item_id} hat keine Löschsperre")
    click.echo(f"Löschsperre für {item_id} aufgehoben.")
