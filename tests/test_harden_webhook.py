"""Web hook delivery against hostile receivers (issue 11): a redirect is a failed attempt
and never followed, a receiver dripping its answer cannot hold a request past the total
deadline, and the backoff is counted from the moment the attempt failed."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from sqlalchemy import select
from test_dispatch import BASE, T0, make_item, make_settings, outcome, state_of

from mailroom.dispatch import dispatch as dispatching
from mailroom.records import DeliveryOutcome, ItemState
from mailroom.store.db import open_database
from mailroom.store.tables import Event

TOKEN = "Bearer geheim-4711"


class Recorder(BaseHTTPRequestHandler):
    """Answers every request with the server's `status` (and `location`), after `delay`
    seconds, and records its method, path, headers and body on the server."""

    def do_GET(self) -> None:
        self._answer(b"")

    def do_POST(self) -> None:
        self._answer(self.rfile.read(int(self.headers.get("Content-Length", 0))))

    def _answer(self, body: bytes) -> None:
        server = self.server
        server.seen.append((self.command, self.path, dict(self.headers), body))  # type: ignore[attr-defined]
        time.sleep(server.delay)  # type: ignore[attr-defined]
        self.send_response(server.status)  # type: ignore[attr-defined]
        if server.location:  # type: ignore[attr-defined]
            self.send_header("Location", server.location)  # type: ignore[attr-defined]
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"ok")

    def log_message(self, *args) -> None:
        pass


def serve(status: int = 200, location: str = "", delay: float = 0.0) -> tuple[ThreadingHTTPServer, str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    server.seen, server.status, server.location, server.delay = [], status, location, delay  # type: ignore[attr-defined]
    threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/inbox"


@pytest.fixture
def servers() -> Iterator[list[ThreadingHTTPServer]]:
    started: list[ThreadingHTTPServer] = []
    yield started
    for server in started:
        server.shutdown()
        server.server_close()


def test_a_redirect_is_a_failed_attempt_and_the_token_never_leaves_the_configured_url(
    tmp_path, database_url: str, servers
) -> None:
    elsewhere, other_url = serve()
    redirecting, url = serve(status=302, location=other_url + "/stolen")
    servers += [elsewhere, redirecting]
    route = {"sozialamt": {"connector": "webhook", "url": url, "headers": {"Authorization": TOKEN}}}
    settings = make_settings(tmp_path, database_url, route)
    db = open_database(database_url)
    item_id = make_item(db, settings, 1)
    [delivery] = dispatching.dispatch_once(settings, db, now=T0).deliveries
    assert [(method, seen["Authorization"]) for method, _, seen, _ in redirecting.seen] == [("POST", TOKEN)]
    assert elsewhere.seen == []  # nothing, least of all the token, went where the redirect pointed
    assert delivery.outcome == DeliveryOutcome.FAILED and delivery.receipt == ""
    assert (
        "Umleitung 302" in delivery.error
        and other_url in delivery.error
        and "nicht gefolgt" in delivery.error
    )
    assert state_of(db, item_id) == ItemState.AUTO_APPROVED
    with db.session() as session:
        event = session.scalars(select(Event).where(Event.kind == "dispatch_failed")).one()
    assert "Umleitung 302" in event.detail["error"]
    db.dispose()


@pytest.fixture
def dripping() -> Iterator[str]:
    """A receiver that answers with one header line a second for 30 s: no single read
    waits long, the whole answer takes forever."""
    listener = socket.create_server(("127.0.0.1", 0))
    stop = threading.Event()

    def drip() -> None:
        connection, _ = listener.accept()
        with connection:
            connection.recv(65536)
            try:
                connection.sendall(b"HTTP/1.1 200 OK\r\n")
                for number in range(30):
                    if stop.wait(1.0):
                        return
                    connection.sendall(f"X-Drip-{number}: .\r\n".encode())
                connection.sendall(b"Content-Length: 2\r\n\r\nok")
            except OSError:  # the client gave up
                return

    thread = threading.Thread(target=drip, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{listener.getsockname()[1]}/inbox"
    stop.set()
    listener.close()
    thread.join(timeout=5)


def test_a_dripping_receiver_cannot_hold_a_request_past_the_total_deadline(
    tmp_path, database_url: str, dripping: str
) -> None:
    route = {"sozialamt": {"connector": "webhook", "url": dripping}}
    settings = make_settings(tmp_path, database_url, route, timeout_seconds=5, deadline_seconds=2)
    db = open_database(database_url)
    item_id = make_item(db, settings, 1)
    started = time.monotonic()
    [delivery] = dispatching.dispatch_once(settings, db, now=T0).deliveries
    took = time.monotonic() - started
    assert took < 2 + 1.5, f"the attempt took {took:.1f} s with a 2 s deadline"
    assert delivery.outcome == DeliveryOutcome.FAILED and "2 s" in delivery.error
    assert state_of(db, item_id) == ItemState.AUTO_APPROVED
    db.dispose()


def test_backoff_is_counted_from_the_failure_not_from_the_start_of_the_pass(
    tmp_path, database_url: str, servers
) -> None:
    slow, url = serve(status=503, delay=1.5)
    servers.append(slow)
    settings = make_settings(tmp_path, database_url, {"sozialamt": {"connector": "webhook", "url": url}})
    db = open_database(database_url)
    make_item(db, settings, 1)
    started = time.monotonic()
    [delivery] = dispatching.dispatch_once(settings, db, now=T0).deliveries
    took = time.monotonic() - started
    assert delivery.outcome == DeliveryOutcome.FAILED and delivery.next_attempt_at is not None
    waited = (delivery.next_attempt_at - T0).total_seconds()
    assert 1.5 + BASE <= waited <= took + BASE, (waited, took)
    assert outcome(settings, db, BASE + 1) == "waiting"  # due a minute after the start, not yet
    db.dispose()
