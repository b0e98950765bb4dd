"""Hardening of the CLI (issue 11): names and texts that look like rich markup are printed
as they are, never parsed, by the real `mailroom` command."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from test_dispatch import make_item, make_settings

from mailroom.store.db import open_database
from mailroom.store.tables import Item, SourceFile

ROOT = Path(__file__).resolve().parent.parent
NAME = "a[/x] markup.jpg"
BODY = "[/] refused: [bold red]no[/bold red] \\"


def mailroom(
    *args: str, home: Path, database_url: str, config_dir: Path | None = None
) -> subprocess.CompletedProcess:
    """Run the real `mailroom` entry point in a fresh interpreter, 200 columns wide."""
    env = os.environ | {
        "MAILROOM_HOME": str(home),
        "MAILROOM_DATABASE_URL": database_url,
        "PYTHONPATH": str(ROOT),
        "COLUMNS": "200",
    }
    if config_dir is not None:
        env["MAILROOM_CONFIG_DIR"] = str(config_dir)
    code = "from mailroom.cli import main; main()"
    return subprocess.run(
        [sys.executable, "-c", code, *args], env=env, capture_output=True, text=True, timeout=120
    )


def test_items_prints_markup_like_file_names_and_reasons_literally(tmp_path: Path, database_url: str) -> None:
    db = open_database(database_url)
    with db.session() as session:
        source = SourceFile(
            sha256="1" * 64, original_name=NAME, size=3, claim_path="work/claimed/1", state="quarantined",
            reason="cannot read [/x] [link=file:///etc]", page_count=0, split_info={},
        )  # fmt: skip
        session.add(source)
        session.flush()
        session.add(Item(id="item-1", source_id=source.id, position=1, state="quarantined", page_count=0))
    db.dispose()
    done = mailroom("items", home=tmp_path / "home", database_url=database_url)
    assert done.returncode == 0, done.stderr
    assert NAME in done.stdout and "cannot read [/x] [link=file:///etc]" in done.stdout


@pytest.fixture
def refusing_receiver() -> Iterator[str]:
    """A local web hook receiver that refuses everything with a body full of markup."""

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            self.rfile.read(int(self.headers["Content-Length"]))
            body = BODY.encode()
            self.send_response(404)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/inbox"
    server.shutdown()
    server.server_close()


def test_dispatch_prints_markup_like_receiver_errors_literally(
    tmp_path: Path, database_url: str, refusing_receiver: str
) -> None:
    settings = make_settings(
        tmp_path, database_url, {"sozialamt": {"connector": "webhook", "url": refusing_receiver}}
    )
    db = open_database(database_url)
    item_id = make_item(db, settings, 1)
    db.dispose()
    run = {"home": settings.home, "database_url": database_url, "config_dir": settings.config_dir}
    once = mailroom("dispatch", "--once", **run)
    assert once.returncode == 0, once.stderr
    assert "refused: [bold red]no[/bold red]" in once.stdout
    letters = mailroom("dispatch", "--dead-letters", **run)
    assert letters.returncode == 0, letters.stderr
    assert item_id in letters.stdout and "refused: [bold red]no[/bold red]" in letters.stdout


def test_an_error_naming_a_markup_like_user_is_printed_literally(tmp_path: Path, database_url: str) -> None:
    open_database(database_url).dispose()
    done = mailroom(
        "users",
        "passwd",
        "eve[/x]",
        "--password",
        "long enough 123",
        home=tmp_path / "home",
        database_url=database_url,
    )
    assert done.returncode != 0 and "Traceback" not in done.stderr
    assert "there is no user 'eve[/x]'" in done.stderr
