"""The `mailroom serve`, `mailroom users`, `mailroom quarantine` and `mailroom feedback`
commands. Thin.

Like mailroom.dispatch.commands they do not import mailroom.cli (which registers them);
they read the settings from the context object the CLI group sets up.
"""

from __future__ import annotations

import getpass
from pathlib import Path

import click
from rich.console import Console
from rich.markup import escape

from mailroom.review.auth import ROLES

console = Console()


def _database(obj):
    from mailroom.store.db import open_database

    return open_database(obj.settings.database)


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=int, help="Port to listen on.")
@click.pass_obj
def serve(obj, host: str, port: int) -> None:
    """Run the review web app (login with `mailroom users add`)."""
    import uvicorn

    from mailroom.review.app import create_app

    app = create_app(obj.settings, _database(obj))
    console.print(f"review app on http://{escape(host)}:{port}/ ; Ctrl-C stops")
    uvicorn.run(app, host=host, port=port, proxy_headers=False, log_level="info")


@click.group()
def users() -> None:
    """Manage the people who may log in to the review app."""


@users.command("add")
@click.argument("name")
@click.option("--role", type=click.Choice(ROLES), default="reviewer", show_default=True)
@click.password_option(help="The password (asked for if not given).")
@click.pass_obj
def users_add(obj, name: str, role: str, password: str) -> None:
    """Add a user NAME with a role and a password."""
    from mailroom.review.auth import add_user

    add_user(_database(obj), name, role, password)
    console.print(f"user {escape(name)} added ({role})")


@users.command("passwd")
@click.argument("name")
@click.password_option(help="The new password (asked for if not given).")
@click.pass_obj
def users_passwd(obj, name: str, password: str) -> None:
    """Set a new password for user NAME."""
    from mailroom.review.auth import set_password

    set_password(_database(obj), name, password)
    console.print(f"password of {escape(name)} changed, its sessions ended")


@users.command("list")
@click.pass_obj
def users_list(obj) -> None:
    """List the users and their roles."""
    from mailroom.review.auth import list_users

    for account in list_users(_database(obj)):
        console.print(f"{escape(account.name)}\t{account.role}")


@click.group()
def quarantine() -> None:
    """Files in quarantine: list them, give one another try, or mark one handled by hand."""


@quarantine.command("list")
@click.pass_obj
def quarantine_list(obj) -> None:
    """The files in quarantine, newest first, with their reason."""
    from mailroom.review.intake import intake_view

    for entry in intake_view(_database(obj)).quarantined:
        console.print(f"{entry.id}\t{escape(entry.name)}\t{escape(entry.reason)}", highlight=False)


@quarantine.command("release")
@click.argument("file_id", type=int)
@click.option("--note", default="", help="Why (kept in the file's history).")
@click.option("--user", default=getpass.getuser, show_default="the login name", help="Who releases it.")
@click.pass_obj
def quarantine_release(obj, file_id: int, note: str, user: str) -> None:
    """Give file FILE_ID another try, after it was replaced in the quarantine folder."""
    from mailroom.review.intake import release

    where = release(_database(obj), obj.settings, file_id, user, note)
    console.print(f"file {file_id} released ({escape(where)}); the next ingest pass takes it")


@quarantine.command("handled")
@click.argument("file_id", type=int)
@click.option("--note", required=True, help="How the letter was handled.")
@click.option("--user", default=getpass.getuser, show_default="the login name", help="Who handled it.")
@click.pass_obj
def quarantine_handled(obj, file_id: int, note: str, user: str) -> None:
    """Mark file FILE_ID as handled by hand."""
    from mailroom.review.intake import mark_handled

    mark_handled(_database(obj), file_id, user, note)
    console.print(f"file {file_id} marked as handled by hand")


@click.group()
def feedback() -> None:
    """Reviewed items as training data."""


@feedback.command("export")
@click.option(
    "--out", required=True, type=click.Path(file_okay=False, path_type=Path), help="Folder of the set."
)
@click.pass_obj
def feedback_export(obj, out: Path) -> None:
    """Write the reviewed items as a labelled set (labels.csv + PDFs) for `mailroom train --data`."""
    from mailroom.review.feedback import export_feedback

    rows = export_feedback(obj.settings, _database(obj), out)
    console.print(f"{len(rows)} reviewed items written to {escape(str(out))}")
