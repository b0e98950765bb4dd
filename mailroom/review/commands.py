"""The `mailroom serve`, `mailroom users`, `mailroom reads`, `mailroom quarantine` and
`mailroom feedback` commands. Thin.

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


ROUTES_HELP = (
    "Protected routes and special categories (gesundheit, vertraulich) the user is cleared for, "
    "comma-separated; `mailroom users list` names them. Admins see everything."
)


def _cleared(obj, routes: tuple[str, ...]) -> frozenset[str]:
    """The names given (each may be a comma-separated list), checked against what can be cleared."""
    from mailroom.review.access import check_routes, clearable

    return check_routes([n for given in routes for n in given.split(",")], clearable(obj.settings))


@users.command("add")
@click.argument("name")
@click.option("--role", type=click.Choice(ROLES), default="reviewer", show_default=True)
@click.option("--routes", "routes", multiple=True, metavar="ROUTE,...", help=ROUTES_HELP)
@click.password_option(help="The password (asked for if not given).")
@click.pass_obj
def users_add(obj, name: str, role: str, routes: tuple[str, ...], password: str) -> None:
    """Add a user NAME with a role, a password and the protected routes it may see."""
    from mailroom.review.auth import add_user

    cleared = _cleared(obj, routes)
    add_user(_database(obj), name, role, password, cleared)
    console.print(f"user {escape(name)} added ({role}; cleared for {escape(_names(cleared))})")


@users.command("routes")
@click.argument("name")
@click.argument("routes", nargs=-1, metavar="[ROUTE,...]")
@click.option("--none", "clear", is_flag=True, help="Clear the user for nothing protected.")
@click.pass_obj
def users_routes(obj, name: str, routes: tuple[str, ...], clear: bool) -> None:
    """Set what user NAME is cleared for: protected routes and special categories, e.g.
    `mailroom users routes erika sozialamt,jugendamt gesundheit`; counts from the next page on."""
    from mailroom.review.auth import set_routes

    if not routes and not clear:
        raise click.UsageError("give the routes to clear NAME for, or --none")
    if routes and clear:
        raise click.UsageError("give routes or --none, not both")
    cleared = _cleared(obj, routes)
    set_routes(_database(obj), name, cleared)
    console.print(f"{escape(name)} is cleared for {escape(_names(cleared))}")


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
    """List the users, their roles and what they are cleared for; then what can be cleared."""
    from mailroom.review.access import clearable
    from mailroom.review.auth import list_users

    for account in list_users(_database(obj)):
        cleared = "everything" if account.is_admin else _names(account.routes)
        console.print(f"{escape(account.name)}\t{account.role}\t{escape(cleared)}", highlight=False)
    console.print("\nprotected (needs clearance):", highlight=False)
    for name, ground in clearable(obj.settings).items():
        console.print(f"  {name}\t{escape(ground)}", highlight=False)


def _names(routes: frozenset[str]) -> str:
    return ",".join(sorted(routes)) or "nothing protected"


@click.command()
@click.option("--item", default="", help="Only the reads of this item.")
@click.option("--user", default="", help="Only the reads of this user.")
@click.option(
    "--limit", default=50, show_default=True, type=click.IntRange(min=1), help="The newest this many."
)
@click.pass_obj
def reads(obj, item: str, user: str, limit: int) -> None:
    """The read audit: who looked at which item (page, PDF, page image), when and from where."""
    from mailroom.store.audit import reads as read_audit

    rows, total = read_audit(_database(obj), item_id=item, user=user, limit=limit)
    for r in rows:
        what = f"image {r.page}" if r.what == "image" else r.what
        console.print(f"{r.at.isoformat(timespec='seconds')}\t{escape(r.user)}\t{escape(r.item_id)}\t{what}\t{escape(r.address)}",
                      highlight=False)  # fmt: skip
    console.print(f"{len(rows)} of {total} reads", highlight=False)


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
