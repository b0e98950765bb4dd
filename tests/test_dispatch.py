"""Dispatch against real receivers: a folder, a local SMTP server (aiosmtpd) and a local
HTTP server. Backoff is stepped through with the `now` each pass is given, never slept;
it counts from the failure, which comes a few milliseconds after the start of its pass
(hence the `+ 1` where a pass comes just when an attempt is due)."""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import hashlib
import io
import json
import shutil
import socket
import threading
import types
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from pypdf import PdfWriter
from sqlalchemy import select

from mailroom.dispatch import dispatch as dispatching
from mailroom.dispatch.commands import dispatch as dispatch_command
from mailroom.dispatch.routes import load_routes
from mailroom.errors import BadConfig, BadInput
from mailroom.records import DeliveryOutcome, ItemState
from mailroom.settings import PACKAGE_CONFIG_DIR, ArchiveSettings, Settings
from mailroom.store.db import Database, open_database
from mailroom.store.tables import Delivery, Event, Item, SourceFile

T0 = dt.datetime(2030, 1, 7, 9, 0, tzinfo=dt.UTC)
BASE = 60.0  # backoff: 60 s, 120 s, 240 s, ...


def at(seconds: float) -> dt.datetime:
    return T0 + dt.timedelta(seconds=seconds)


# --- set-up: settings, routes, items ------------------------------------------------


def make_settings(tmp_path: Path, url: str, routes: dict[str, dict] | None = None, **dispatch) -> Settings:
    """Settings with their own config folder: the real taxonomy, a routes.yaml sending every
    route to a folder except the `routes` given."""
    config = tmp_path / "configs"
    config.mkdir(exist_ok=True)
    shutil.copy(PACKAGE_CONFIG_DIR / "taxonomy.yaml", config / "taxonomy.yaml")
    entries = {r: {"connector": "folder", "path": "${MAILROOM_HOME}/offices/" + r} for r in _route_ids()}
    (config / "routes.yaml").write_text(
        yaml.safe_dump({"routes": entries | (routes or {})}), encoding="utf-8"
    )
    options = {
        "max_attempts": 3,
        "backoff_base_seconds": BASE,
        "backoff_cap_seconds": 3600,
        "timeout_seconds": 5,
    }
    return Settings.model_validate(
        {"home": tmp_path / "home", "config_dir": config, "database_url": url, "dispatch": options | dispatch}
    )


def _route_ids() -> list[str]:
    return list(yaml.safe_load((PACKAGE_CONFIG_DIR / "taxonomy.yaml").read_text(encoding="utf-8"))["routes"])


def make_item(
    db: Database, settings: Settings, n: int, state: str = "auto_approved", route: str = "sozialamt"
) -> str:
    """An item as classification leaves it: a source file, a 2-page PDF, a few events."""
    sha = hashlib.sha256(f"source {n}".encode()).hexdigest()
    item_id = f"{sha[:16]}-1"
    pdf = settings.home / "archive" / "pdf" / f"{item_id}.pdf"
    pdf.parent.mkdir(parents=True, exist_ok=True)
    pdf.write_bytes(_pdf(pages=2))
    with db.session() as session:
        source = SourceFile(
            sha256=sha, original_name=f"scan_{n:03d}.pdf", size=1234, claim_path=f"work/claimed/{n}",
            state="done", reason="", page_count=2, split_info={},
        )  # fmt: skip
        session.add(source)
        session.flush()
        session.add(Event(kind="received", source_id=source.id, detail={"name": source.original_name}))
        session.add(
            Item(
                id=item_id, source_id=source.id, position=1, state=state, page_count=2, source_pages={"pages": [0, 1]},
                pdf_path=f"archive/pdf/{item_id}.pdf", mean_confidence=91.5,
                flags={"metadata": {"aktenzeichen": "50.2-2024-117"}}, doc_type="antrag", route=route,
                confidence=0.97, decision="auto", model_version="linear-2030-01",
            )
        )  # fmt: skip
        session.flush()
        for kind in ("ocr_done", "classified"):
            session.add(Event(kind=kind, source_id=source.id, item_id=item_id, detail={}))
    return item_id


def _pdf(pages: int) -> bytes:
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(595, 842)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def outcome(settings: Settings, db: Database, seconds: float) -> str:
    """Run a pass at T0 + seconds; the outcome of its one delivery."""
    [delivery] = dispatching.dispatch_once(settings, db, now=at(seconds)).deliveries
    return delivery.outcome.value


def state_of(db: Database, item_id: str) -> str:
    with db.session() as session:
        return session.get_one(Item, item_id).state


def event_kinds(db: Database, item_id: str) -> list[str]:
    with db.session() as session:
        return list(session.scalars(select(Event.kind).where(Event.item_id == item_id).order_by(Event.id)))


# --- real receivers -----------------------------------------------------------------


@dataclass
class Receiver:
    """What the local HTTP server answers and what it has taken."""

    fail_first: int = 0  # answer 500 to this many requests, then 200
    status: int = 200  # answer after the failures
    dedupe: bool = False  # keep one copy per Idempotency-Key, as a good receiver does
    requests: list[str] = field(default_factory=list)  # Idempotency-Key of every request
    accepted: list[dict] = field(default_factory=list)


@pytest.fixture
def receiver() -> Iterator[tuple[Receiver, str]]:
    state = Receiver()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers["Content-Length"]))
            key = self.headers["Idempotency-Key"]
            state.requests.append(key)
            if len(state.requests) <= state.fail_first or state.status >= 300:
                self._answer(500 if len(state.requests) <= state.fail_first else state.status)
                return
            if not (state.dedupe and any(a["key"] == key for a in state.accepted)):
                state.accepted.append({"key": key, **_form_parts(self.headers["Content-Type"], body)})
            self._answer(200)

        def _answer(self, status: int) -> None:
            self.send_response(status)
            self.send_header("Content-Length", "2")
            self.end_headers()
            self.wfile.write(b"ok")

        def log_message(self, *args) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield state, f"http://127.0.0.1:{server.server_address[1]}/inbox"
    server.shutdown()
    server.server_close()


def _form_parts(content_type: str, body: bytes) -> dict:
    message = email.message_from_bytes(
        f"Content-Type: {content_type}\r\n\r\n".encode() + body, policy=email.policy.HTTP
    )
    parts = {}
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        parts[name] = {
            "type": part.get_content_type(),
            "filename": part.get_filename(),
            "bytes": part.get_payload(decode=True),
        }
    return parts


# --- configuration ------------------------------------------------------------------


def test_the_repository_routes_send_every_route_to_a_folder_under_home(tmp_path: Path, taxonomy) -> None:
    settings = Settings(home=tmp_path / "home")
    routes = load_routes(settings, taxonomy, env={})
    assert set(routes) == set(taxonomy.routes)
    assert {r.connector for r in routes.values()} == {"folder"}
    assert routes["bauamt"].address == str((tmp_path / "home" / "offices" / "bauamt").resolve())


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"bauamt": None}, "no connector for route.*bauamt"),
        ({"bauamt": {"connector": "folder", "path": "/x", "chmod": 600}}, "route 'bauamt'.*chmod"),
        ({"bauamt": {"connector": "ftp", "host": "x"}}, "route 'bauamt' has connector 'ftp'"),
        ({"bauamt": {"connector": "webhook", "url": "ftp://x"}}, "route 'bauamt'.*http"),
        ({"bauamt": {"connector": "email", "to": "not-an-address"}}, "route 'bauamt'.*e-mail"),
        (
            {"bauamt": {"connector": "webhook", "url": "${NOT_SET_HERE}/x"}},
            "route 'bauamt' uses .*NOT_SET_HERE",
        ),
        ({"kantine": {"connector": "folder", "path": "x"}}, "kantine are not in the taxonomy"),
    ],
)
def test_bad_routes_are_errors_naming_the_route(tmp_path: Path, taxonomy, change: dict, message: str) -> None:
    settings = make_settings(tmp_path, "sqlite://")
    entries = yaml.safe_load((settings.config_dir / "routes.yaml").read_text())["routes"]
    for route, entry in change.items():
        if entry is None:
            del entries[route]
        else:
            entries[route] = entry
    (settings.config_dir / "routes.yaml").write_text(yaml.safe_dump({"routes": entries}))
    with pytest.raises(BadConfig, match=message):
        load_routes(settings, taxonomy, env={})


# --- folder ---------------------------------------------------------------------------


def test_folder_delivery_writes_the_pdf_and_a_complete_sidecar(tmp_path: Path, database_url: str) -> None:
    settings = make_settings(tmp_path, database_url)
    db = open_database(database_url)
    item_id = make_item(db, settings, 1)
    report = dispatching.dispatch_once(settings, db, now=T0)
    assert [d.outcome for d in report.deliveries] == [DeliveryOutcome.DELIVERED]
    office = settings.home / "offices" / "sozialamt"
    assert sorted(p.name for p in office.iterdir()) == [
        f"{item_id}.json",
        f"{item_id}.pdf",
    ]  # no temp files left
    pdf = (office / f"{item_id}.pdf").read_bytes()
    assert pdf == (settings.home / "archive" / "pdfa" / f"{item_id}.pdf").read_bytes()  # the archival copy
    searchable = (settings.home / "archive" / "pdf" / f"{item_id}.pdf").read_bytes()
    assert searchable == _pdf(pages=2)  # made from the searchable PDF, which stays as it was
    sidecar = json.loads((office / f"{item_id}.json").read_text(encoding="utf-8"))
    assert sidecar["item_id"] == item_id
    assert sidecar["labels"] == {
        "doc_type": {"id": "antrag", "name": "Antrag"},
        "route": {"id": "sozialamt", "name": "Sozialamt"},
    }
    assert (sidecar["confidence"], sidecar["decision"], sidecar["model_version"]) == (
        0.97,
        "auto",
        "linear-2030-01",
    )
    assert sidecar["metadata"] == {"aktenzeichen": "50.2-2024-117"}
    assert sidecar["source"]["file_name"] == "scan_001.pdf"
    assert sidecar["source"]["sha256"] == hashlib.sha256(b"source 1").hexdigest()
    assert sidecar["document"] == {
        "file_name": f"{item_id}.pdf", "sha256": hashlib.sha256(pdf).hexdigest(), "pages": 2, "mean_ocr_confidence": 91.5,
    }  # fmt: skip
    assert sidecar["archive"] == {
        "format": "PDF/A-2b", "sha256": hashlib.sha256(pdf).hexdigest(), "sealed": False,
        "original_sha256": hashlib.sha256(b"source 1").hexdigest(),
        "searchable_pdf_sha256": hashlib.sha256(searchable).hexdigest(),
    }  # fmt: skip
    assert sidecar["transfer_note"]["item_id"] == item_id and sidecar["transfer_note"]["item_pages"] == 2
    assert [e["kind"] for e in sidecar["trail"]] == ["received", "ocr_done", "classified", "archived"]
    assert sidecar["idempotency_key"] == report.deliveries[0].key
    assert state_of(db, item_id) == ItemState.DISPATCHED
    assert event_kinds(db, item_id)[-1] == "dispatched"
    db.dispose()


def test_a_failed_folder_write_leaves_nothing_half_written(tmp_path: Path, monkeypatch) -> None:
    url = f"sqlite:///{tmp_path / 'm.db'}"
    settings = make_settings(tmp_path, url).model_copy(update={"archive": ArchiveSettings(pdfa=False)})
    db = open_database(url)
    item_id = make_item(db, settings, 1)

    def broken_rename(source, target) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("os.replace", broken_rename)  # the rename of every atomic write
    report = dispatching.dispatch_once(settings, db, now=T0)
    assert report.deliveries[0].outcome == DeliveryOutcome.FAILED
    assert "No space left" in report.deliveries[0].error
    assert list((settings.home / "offices" / "sozialamt").iterdir()) == []  # neither a file nor a .part
    assert state_of(db, item_id) == ItemState.AUTO_APPROVED
    monkeypatch.undo()
    assert dispatching.dispatch_once(settings, db, now=at(BASE + 1)).count(DeliveryOutcome.DELIVERED) == 1
    db.dispose()


def test_a_crash_after_the_folder_write_does_not_write_it_again(tmp_path: Path, monkeypatch) -> None:
    url = f"sqlite:///{tmp_path / 'm.db'}"
    settings = make_settings(tmp_path, url)
    db = open_database(url)
    item_id = make_item(db, settings, 1)
    _crash_once_after_delivery(monkeypatch)
    with pytest.raises(RuntimeError, match="killed"):
        dispatching.dispatch_once(settings, db, now=T0)
    written = {
        p.name: (p.stat().st_ino, p.stat().st_mtime_ns)
        for p in (settings.home / "offices" / "sozialamt").iterdir()
    }
    lease = dispatching.LEASE_TIMEOUTS * settings.dispatch.timeout_seconds
    assert outcome(settings, db, lease - 1) == "waiting"
    report = dispatching.dispatch_once(settings, db, now=at(3600))
    assert report.deliveries[0].outcome == DeliveryOutcome.DELIVERED
    assert "already there" in report.deliveries[0].receipt
    again = {
        p.name: (p.stat().st_ino, p.stat().st_mtime_ns)
        for p in (settings.home / "offices" / "sozialamt").iterdir()
    }
    assert again == written and len(written) == 2
    assert state_of(db, item_id) == ItemState.DISPATCHED
    db.dispose()


def _crash_once_after_delivery(monkeypatch) -> None:
    """The process dies after the receiver took the item and before the database knew."""
    real = dispatching._record_success
    calls = []

    def crash(*args, **kwargs):
        calls.append(1)
        if len(calls) == 1:
            raise RuntimeError("killed between delivered and recorded")
        return real(*args, **kwargs)

    monkeypatch.setattr(dispatching, "_record_success", crash)


# --- e-mail -------------------------------------------------------------------------


def test_email_goes_through_a_real_smtp_server_once_with_the_pdf_attached(tmp_path: Path, smtp) -> None:
    handler, port = smtp
    url = f"sqlite:///{tmp_path / 'm.db'}"
    route = {"sozialamt": {"connector": "email", "to": "posteingang-sozialamt@stadt.example"}}
    settings = make_settings(
        tmp_path, url, route, smtp_host="127.0.0.1", smtp_port=port, sender="poststelle@stadt.example"
    )
    db = open_database(url)
    item_id = make_item(db, settings, 1)
    first = dispatching.dispatch_once(settings, db, now=T0)
    second = dispatching.dispatch_once(settings, db, now=at(86400))
    assert first.count(DeliveryOutcome.DELIVERED) == 1 and second.deliveries == []
    assert len(handler.messages) == 1
    recipients, raw = handler.messages[0]
    assert recipients == ["posteingang-sozialamt@stadt.example"]
    message = email.message_from_bytes(raw, policy=email.policy.default)
    assert message["Message-ID"] == f"<{first.deliveries[0].key}@stadt.example>"
    assert item_id in message["Subject"] and "Sozialamt" in message["Subject"]
    attachments = {part.get_filename(): part.get_content() for part in message.iter_attachments()}
    assert (
        attachments[f"{item_id}.pdf"] == (settings.home / "archive" / "pdfa" / f"{item_id}.pdf").read_bytes()
    )
    assert json.loads(attachments[f"{item_id}.json"])["item_id"] == item_id
    assert state_of(db, item_id) == ItemState.DISPATCHED
    db.dispose()


def test_an_unreachable_smtp_server_is_a_failed_attempt(tmp_path: Path) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # nothing listens here once the probe is closed
    url = f"sqlite:///{tmp_path / 'm.db'}"
    route = {"sozialamt": {"connector": "email", "to": ["a@stadt.example"]}}
    settings = make_settings(tmp_path, url, route, smtp_host="127.0.0.1", smtp_port=port)
    db = open_database(url)
    make_item(db, settings, 1)
    delivery = dispatching.dispatch_once(settings, db, now=T0).deliveries[0]
    assert delivery.outcome == DeliveryOutcome.FAILED and "SMTP 127.0.0.1" in delivery.error
    assert at(BASE) < delivery.next_attempt_at < at(BASE + 1)
    db.dispose()


# --- web hook -----------------------------------------------------------------------


def test_webhook_posts_the_json_and_the_pdf_with_an_idempotency_key(tmp_path: Path, receiver) -> None:
    state, endpoint = receiver
    url = f"sqlite:///{tmp_path / 'm.db'}"
    settings = make_settings(tmp_path, url, {"sozialamt": {"connector": "webhook", "url": endpoint}})
    db = open_database(url)
    item_id = make_item(db, settings, 1)
    delivery = dispatching.dispatch_once(settings, db, now=T0).deliveries[0]
    assert delivery.outcome == DeliveryOutcome.DELIVERED and delivery.receipt == "HTTP 200"
    [got] = state.accepted
    assert got["key"] == delivery.key
    assert got["metadata"]["type"] == "application/json"
    assert json.loads(got["metadata"]["bytes"])["item_id"] == item_id
    assert got["document"]["type"] == "application/pdf" and got["document"]["filename"] == f"{item_id}.pdf"
    assert got["document"]["bytes"] == (settings.home / "archive" / "pdfa" / f"{item_id}.pdf").read_bytes()
    db.dispose()


def test_a_receiver_failing_twice_then_accepting_gets_the_item_exactly_once(
    tmp_path: Path, database_url: str, receiver
) -> None:
    state, endpoint = receiver
    state.fail_first = 2
    settings = make_settings(
        tmp_path, database_url, {"sozialamt": {"connector": "webhook", "url": endpoint}}, max_attempts=5
    )
    db = open_database(database_url)
    item_id = make_item(db, settings, 1)
    outcomes = []
    for seconds in (0, BASE / 2, BASE + 1, BASE + 2 * BASE, 3 * BASE + 2, 10 * BASE, 100 * BASE):
        outcomes.append(
            [d.outcome.value for d in dispatching.dispatch_once(settings, db, now=at(seconds)).deliveries]
        )
    assert outcomes == [["failed"], ["waiting"], ["failed"], ["waiting"], ["delivered"], [], []]
    assert len(state.requests) == 3 and len(set(state.requests)) == 1  # one key for every attempt
    assert len(state.accepted) == 1
    assert state_of(db, item_id) == ItemState.DISPATCHED
    assert event_kinds(db, item_id)[-3:] == ["dispatch_failed", "dispatch_failed", "dispatched"]
    with db.session() as session:
        row = session.scalars(select(Delivery)).one()
        assert (row.attempts, row.last_error.startswith("HTTP 500")) == (3, True)
    db.dispose()


def test_a_receiver_that_always_fails_leads_to_a_dead_letter_that_can_be_retried(
    tmp_path: Path, database_url: str, receiver
) -> None:
    state, endpoint = receiver
    state.status = 503
    settings = make_settings(tmp_path, database_url, {"sozialamt": {"connector": "webhook", "url": endpoint}})
    db = open_database(database_url)
    item_id = make_item(db, settings, 1, state="approved")
    outcomes = [outcome(settings, db, s) for s in (0, BASE + 1, 3 * BASE + 2)]
    assert outcomes == ["failed", "failed", "dead_letter"]
    assert dispatching.dispatch_once(settings, db, now=at(10_000)).deliveries == []  # dead letters stay put
    [letter] = dispatching.dead_letters(db)
    assert (letter.item_id, letter.attempts) == (item_id, 3) and "HTTP 503" in letter.error
    with db.session() as session:
        event = session.scalars(select(Event).where(Event.kind == "dead_letter")).one()
        assert "HTTP 503" in event.detail["error"]
    state.status = 200
    assert dispatching.retry_dead_letter(db, item_id) == ItemState.APPROVED
    assert dispatching.dead_letters(db) == []
    assert dispatching.dispatch_once(settings, db, now=at(10_001)).count(DeliveryOutcome.DELIVERED) == 1
    assert len(state.accepted) == 1 and len(state.requests) == 4
    assert event_kinds(db, item_id)[-3:] == ["dead_letter", "dead_letter_retry", "dispatched"]
    with pytest.raises(BadInput, match="not dead_letter"):
        dispatching.retry_dead_letter(db, item_id)
    db.dispose()


def test_a_permanent_refusal_is_a_dead_letter_at_once(tmp_path: Path, receiver) -> None:
    state, endpoint = receiver
    state.status = 404
    url = f"sqlite:///{tmp_path / 'm.db'}"
    settings = make_settings(tmp_path, url, {"sozialamt": {"connector": "webhook", "url": endpoint}})
    db = open_database(url)
    item_id = make_item(db, settings, 1)
    assert outcome(settings, db, 0) == "dead_letter"
    assert len(state.requests) == 1 and state_of(db, item_id) == ItemState.DEAD_LETTER
    db.dispose()


def test_a_crash_after_the_post_repeats_it_with_the_same_key(
    tmp_path: Path, database_url: str, receiver, monkeypatch
) -> None:
    state, endpoint = receiver
    state.dedupe = True
    settings = make_settings(tmp_path, database_url, {"sozialamt": {"connector": "webhook", "url": endpoint}})
    db = open_database(database_url)
    item_id = make_item(db, settings, 1)
    _crash_once_after_delivery(monkeypatch)
    with pytest.raises(RuntimeError, match="killed"):
        dispatching.dispatch_once(settings, db, now=T0)
    lease = dispatching.LEASE_TIMEOUTS * settings.dispatch.timeout_seconds
    assert outcome(settings, db, lease - 1) == "waiting"
    assert outcome(settings, db, lease + 1) == "delivered"
    assert len(state.requests) == 2 and len(set(state.requests)) == 1  # the receiver could tell
    assert len(state.accepted) == 1
    assert state_of(db, item_id) == ItemState.DISPATCHED
    db.dispose()


# --- what goes out ------------------------------------------------------------------


def test_only_approved_items_go_out_and_a_second_pass_sends_nothing(
    tmp_path: Path, database_url: str, receiver
) -> None:
    state, endpoint = receiver
    settings = make_settings(tmp_path, database_url, {"sozialamt": {"connector": "webhook", "url": endpoint}})
    db = open_database(database_url)
    held = [
        "received",
        "split",
        "ocr_done",
        "classified",
        "in_review",
        "quarantined",
        "failed",
        "dead_letter",
        "dispatched",
    ]
    for n, item_state in enumerate(held):
        make_item(db, settings, n, state=item_state)
    auto = make_item(db, settings, 100, state="auto_approved")
    approved = make_item(db, settings, 101, state="approved")
    first = dispatching.dispatch_once(settings, db, now=T0)
    assert sorted(d.item_id for d in first.deliveries) == sorted([auto, approved])
    assert dispatching.dispatch_once(settings, db, now=at(86400)).deliveries == []
    assert sorted(json.loads(a["metadata"]["bytes"])["item_id"] for a in state.accepted) == sorted(
        [auto, approved]
    )
    assert len(state.requests) == 2
    with db.session() as session:
        states = dict(session.execute(select(Item.id, Item.state)).all())
    assert sorted(states.values()) == sorted([*held, "dispatched", "dispatched"])
    db.dispose()


def test_an_item_whose_route_has_no_connector_is_a_dead_letter(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'm.db'}"
    settings = make_settings(tmp_path, url)
    db = open_database(url)
    item_id = make_item(db, settings, 1, route="kantine")
    delivery = dispatching.dispatch_once(settings, db, now=T0).deliveries[0]
    assert delivery.outcome == DeliveryOutcome.DEAD_LETTER and "kantine" in delivery.error
    assert state_of(db, item_id) == ItemState.DEAD_LETTER
    db.dispose()


def test_the_dispatch_command_delivers_lists_and_retries(tmp_path: Path, receiver) -> None:
    state, endpoint = receiver
    state.status = 404
    url = f"sqlite:///{tmp_path / 'm.db'}"
    settings = make_settings(tmp_path, url, {"sozialamt": {"connector": "webhook", "url": endpoint}})
    db = open_database(url)
    item_id = make_item(db, settings, 1)
    obj = types.SimpleNamespace(settings=settings)
    runner = CliRunner()
    result = runner.invoke(dispatch_command, ["--once"], obj=obj)
    assert result.exit_code == 0 and "1 dead_letter" in result.output
    result = runner.invoke(dispatch_command, ["--dead-letters"], obj=obj)
    assert result.exit_code == 0 and item_id in result.output
    state.status = 200
    result = runner.invoke(dispatch_command, ["--retry", item_id], obj=obj)
    assert result.exit_code == 0 and "back to auto_approved" in result.output
    result = runner.invoke(dispatch_command, ["--once"], obj=obj)
    assert result.exit_code == 0 and "1 delivered" in result.output
    db.dispose()


def test_the_dispatch_loop_delivers_until_stopped(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'm.db'}"
    settings = make_settings(tmp_path, url, poll_seconds=0.05)
    db = open_database(url)
    stop = threading.Event()
    reports: list[dispatching.DispatchReport] = []
    loop = threading.Thread(target=dispatching.dispatch_loop, args=(settings, db, stop, reports.append))
    loop.start()
    try:
        item_id = make_item(db, settings, 1)
        for _ in range(100):
            if state_of(db, item_id) == ItemState.DISPATCHED:
                break
            stop.wait(0.05)
    finally:
        stop.set()
        loop.join(timeout=5)
    assert not loop.is_alive()
    assert state_of(db, item_id) == ItemState.DISPATCHED
    assert [d.item_id for r in reports for d in r.deliveries] == [item_id]
    db.dispose()
