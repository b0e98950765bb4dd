"""Outgoing mail end to end against real receivers: the print folder, a local SMTP server
(aiosmtpd) and local HTTP gateways that behave like the postbox and the secure channel
(acknowledge, refuse, fail, report retrieval and electronic acknowledgement)."""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import json
import os
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from outgoing_letters import letter_pdf
from pypdf import PdfReader

from mailroom.outgoing import register
from mailroom.outgoing.config import OutgoingConfig, load_outgoing
from mailroom.outgoing.records import Channel, Consent, PostalAddress, Recipient, RecipientKind
from mailroom.outgoing.send import record_delivery_certificate, send_once
from mailroom.settings import DispatchSettings, OutgoingSettings, Settings
from mailroom.store import outgoing as store
from mailroom.store.db import Database, open_database

T0 = dt.datetime(2026, 12, 4, 9, 0, tzinfo=dt.UTC)  # a Friday morning
SINCE = dt.date(2026, 1, 1)


@dataclass
class Gateway:
    """A postbox or secure-channel gateway: takes documents, dedupes by Idempotency-Key,
    answers the status of each."""

    fail_first: int = 0
    refuse: int = 0  # answer this status to every POST (e.g. 422), 0: none
    requests: list[str] = field(default_factory=list)
    accepted: dict[str, dict] = field(default_factory=dict)  # key → metadata
    status: dict[str, dict] = field(default_factory=dict)  # key → {"retrieved_at": ...}


@pytest.fixture
def gateways() -> Iterator[dict[str, tuple[Gateway, str]]]:
    servers, made = [], {}
    for name in ("postbox", "secure"):
        state = Gateway()

        class Handler(BaseHTTPRequestHandler):
            gateway = state

            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers["Content-Length"]))
                key = self.headers["Idempotency-Key"]
                self.gateway.requests.append(key)
                if self.gateway.refuse:
                    return self._answer(self.gateway.refuse, b"{}")
                if len(self.gateway.requests) <= self.gateway.fail_first:
                    return self._answer(503, b"{}")
                parts = _parts(self.headers["Content-Type"], body)
                assert parts["document"].startswith(b"%PDF-")
                self.gateway.accepted.setdefault(key, json.loads(parts["metadata"]))
                self._answer(201, b'{"status": "bereitgestellt"}')

            def do_GET(self) -> None:
                key = self.path.rsplit("/", 1)[-1]
                if key not in self.gateway.accepted:
                    return self._answer(404, b"{}")
                self._answer(200, json.dumps(self.gateway.status.get(key, {})).encode())

            def _answer(self, status: int, body: bytes) -> None:
                self.send_response(status)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args) -> None:
                pass

        server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True).start()
        servers.append(server)
        made[name] = (state, f"http://127.0.0.1:{server.server_address[1]}/{name}")
    yield made
    for server in servers:
        server.shutdown()
        server.server_close()


def _parts(content_type: str, body: bytes) -> dict[str, bytes]:
    message = email.message_from_bytes(
        f"Content-Type: {content_type}\r\n\r\n".encode() + body, policy=email.policy.HTTP
    )
    return {
        part.get_param("name", header="content-disposition"): part.get_payload(decode=True)
        for part in message.iter_parts()
    }


def make(
    tmp_path: Path, database_url: str, gateways, smtp_port: int = 1
) -> tuple[Settings, Database, OutgoingConfig]:
    home = tmp_path / "home"
    settings = Settings(
        home=home, database_url=database_url,
        dispatch=DispatchSettings(smtp_host="127.0.0.1", smtp_port=smtp_port, sender="poststelle@stadt.example",
                                  backoff_base_seconds=60, timeout_seconds=5, max_attempts=5),
        outgoing=OutgoingSettings(stable_seconds=0),
    )  # fmt: skip
    env = {"POSTBOX_URL": gateways["postbox"][1], "SECURE_URL": gateways["secure"][1]}
    config = load_outgoing(settings, env=env)
    channels = dict(config.channels)
    for name in ("postbox", "secure"):
        url = gateways[name][1]
        channels[Channel(name)] = channels[Channel(name)].model_copy(
            update={"url": url, "status_url": url + "/{key}"}
        )
    return settings, open_database(settings.database), config.model_copy(update={"channels": channels})


def address(name: str) -> PostalAddress:
    return PostalAddress(name, "Hauptstraße 12", "12345", "Musterstadt")


RECIPIENTS = [
    Recipient("p-post", RecipientKind.PERSON, address("Frau Petra Post")),
    Recipient("p-mail", RecipientKind.PERSON, address("Herr Max Mail"), email="max@example.org",
              consents=(Consent(Channel.EMAIL, "Antrag", SINCE),), preferred=(Channel.EMAIL,)),
    Recipient("p-box", RecipientKind.PERSON, address("Frau Bea Box"), postbox_id="bund-4711",
              consents=(Consent(Channel.POSTBOX, "BundID-Einstellung", SINCE),), preferred=(Channel.POSTBOX,)),
    Recipient("ra-recht", RecipientKind.LAWYER, address("Rechtsanwältin Ria Recht"), secure_id="DE.BRAK.42"),
]  # fmt: skip

# file name, office, sidecar → the channel the policy must choose
LETTERS = [
    ("bescheid-post", "steueramt", {"recipient_id": "p-post", "kind": "notice", "case_reference": "St-1"}, Channel.POST),
    ("brief-mail", "buergeramt", {"recipient_id": "p-mail", "kind": "letter"}, Channel.EMAIL),
    ("bescheid-box", "sozialamt", {"recipient_id": "p-box", "kind": "notice"}, Channel.POSTBOX),
    ("zustellung-ra", "ordnungsamt", {"recipient_id": "ra-recht", "kind": "formal_service"}, Channel.SECURE),
    ("zustellung-pzu", "ordnungsamt", {"recipient_id": "p-post", "kind": "formal_service"}, Channel.POST_SERVICE),
]  # fmt: skip


def fill(settings: Settings, db: Database, letters=LETTERS) -> None:
    for recipient in RECIPIENTS:
        store.save_recipient(db, register.to_json(recipient), "test", T0)
    names = {r.id: r.address.name for r in RECIPIENTS}
    for stem, office, sidecar, _channel in letters:
        folder = settings.outbox / office
        folder.mkdir(parents=True, exist_ok=True)
        name = names[sidecar["recipient_id"]]
        (folder / f"{stem}.pdf").write_bytes(
            letter_pdf([name, "Hauptstraße 12", "12345 Musterstadt"], [stem])
        )
        (folder / f"{stem}.json").write_text(json.dumps(sidecar), encoding="utf-8")


def by_stem(db: Database) -> dict[str, store.StoredDocument]:
    return {doc.origin.removeprefix("folder:").removesuffix(".pdf"): doc for doc in store.documents(db)}


def test_documents_from_the_outboxes_reach_the_chosen_channel_exactly_once(
    tmp_path: Path, database_url: str, gateways, smtp
) -> None:
    handler, port = smtp
    settings, db, config = make(tmp_path, database_url, gateways, port)
    fill(settings, db)
    report = send_once(settings, db, config, now=T0)
    assert len(report.intake.taken) == 5 and not report.intake.quarantined
    assert not any(settings.outbox.rglob("*.pdf"))  # taken out of the outboxes
    docs = by_stem(db)
    assert {stem: docs[stem].channel for stem, *_ in LETTERS} == {
        stem: ch.value for stem, _o, _s, ch in LETTERS
    }
    assert all(d.state == "sent" for d in docs.values()), [(d.id, d.last_error) for d in docs.values()]

    # the print folder: two letters, one stream of both, a manifest naming the PZU
    day = settings.home / "druck" / "2026-12-04"
    manifest = json.loads((day / "manifest.json").read_text(encoding="utf-8"))
    assert sorted(e["document_id"] for e in manifest["letters"]) == sorted(
        docs[s].id for s in ("bescheid-post", "zustellung-pzu")
    )
    assert {e["service"] for e in manifest["letters"]} == {"Standardbrief", "PZU"}
    assert len(PdfReader(day / "druck-2026-12-04.pdf").pages) == 2
    assert "Frau Petra Post" in (day / "manifest.csv").read_text(encoding="utf-8")
    # e-mail: one message to the consenting address, the PDF attached
    assert len(handler.messages) == 1 and handler.messages[0][0] == ["max@example.org"]
    message = email.message_from_bytes(handler.messages[0][1], policy=email.policy.default)
    assert [p.get_content_type() for p in message.iter_attachments()] == ["application/pdf"]
    # postbox and secure channel: one each, with the recipient's references and the eEB request
    postbox, secure = gateways["postbox"][0], gateways["secure"][0]
    assert [m["recipient"]["postbox_id"] for m in postbox.accepted.values()] == ["bund-4711"]
    assert [m["acknowledgement_requested"] for m in secure.accepted.values()] == [True]

    # deemed notice dates: post and postbox at once, formal service only with certificate / eEB
    assert docs["bescheid-post"].notice_date == dt.date(2026, 12, 8)
    assert "§ 41 Abs. 2 Satz 1 VwVfG" in docs["bescheid-post"].notice_basis
    assert docs["bescheid-box"].notice_date == dt.date(2026, 12, 7)
    assert docs["brief-mail"].notice_date is None  # a plain letter is no administrative act
    assert docs["zustellung-ra"].notice_date is None and docs["zustellung-pzu"].notice_date is None

    # every choice is in the audit with its reason and legal basis
    for doc in docs.values():
        chosen = [d for _at, kind, _u, d in store.events(db, doc.id) if kind == "channel_chosen"]
        assert len(chosen) == 1 and chosen[0]["channel"] == doc.channel and "§" in chosen[0]["reason"]

    # a second pass sends nothing again
    again = send_once(settings, db, config, now=T0 + dt.timedelta(hours=1))
    assert not again.sent and len(handler.messages) == 1
    assert len(postbox.requests) == 1 and len(secure.requests) == 1

    # the eEB comes back: the formal service to the lawyer is deemed served on its date
    key = next(iter(secure.accepted))
    secure.status[key] = {"acknowledged_at": "2026-12-07T10:15:00+01:00"}
    postbox.status[next(iter(postbox.accepted))] = {"retrieved_at": "2026-12-05T08:00:00+01:00"}
    status = send_once(settings, db, config, now=T0 + dt.timedelta(days=3))
    assert sorted(status.reported) == sorted([docs["zustellung-ra"].id, docs["bescheid-box"].id])
    docs = by_stem(db)
    assert docs["zustellung-ra"].notice_date == dt.date(2026, 12, 7)
    assert "§ 5 Abs. 7 Satz 1 VwZG" in docs["zustellung-ra"].notice_basis
    assert docs["bescheid-box"].notice_date == dt.date(
        2026, 12, 7
    )  # § 9 OZG: the third day, retrieved or not
    assert docs["bescheid-box"].retrieved_at is not None

    # the PZU comes back on paper: its date is the day of service
    day_of_service = record_delivery_certificate(
        settings,
        db,
        docs["zustellung-pzu"].id,
        dt.date(2026, 12, 8),
        "rita",
        config,
        T0 + dt.timedelta(days=4),
    )
    assert day_of_service == dt.date(2026, 12, 8)
    assert store.get_document(db, docs["zustellung-pzu"].id).notice_date == dt.date(2026, 12, 8)


def test_a_gateway_failing_twice_gets_the_document_exactly_once(tmp_path: Path, gateways) -> None:
    settings, db, config = make(tmp_path, f"sqlite:///{tmp_path / 'm.db'}", gateways)
    postbox = gateways["postbox"][0]
    postbox.fail_first = 2
    fill(settings, db, [LETTERS[2]])
    first = send_once(settings, db, config, now=T0)
    assert len(first.failed) == 1 and len(postbox.requests) == 1
    assert not send_once(settings, db, config, now=T0 + dt.timedelta(seconds=30)).failed  # backing off: 60 s
    assert len(postbox.requests) == 1
    second = send_once(settings, db, config, now=T0 + dt.timedelta(seconds=61))
    assert len(second.failed) == 1 and len(postbox.requests) == 2
    third = send_once(settings, db, config, now=T0 + dt.timedelta(seconds=61 + 121))  # then 120 s
    assert len(third.sent) == 1
    assert len(postbox.requests) == 3 and len(postbox.accepted) == 1
    assert len(set(postbox.requests)) == 1  # every attempt carried the same Idempotency-Key
    assert not send_once(settings, db, config, now=T0 + dt.timedelta(hours=1)).sent
    doc = store.documents(db)[0]
    assert doc.state == "sent" and doc.attempts == 3
    assert [k for _a, k, _u, _d in store.events(db, doc.id)] == [
        "received", "channel_chosen", "send_failed", "send_failed", "sent"
    ]  # fmt: skip


def test_a_permanent_refusal_is_a_dead_letter_that_can_be_retried(tmp_path: Path, gateways) -> None:
    settings, db, config = make(tmp_path, f"sqlite:///{tmp_path / 'm.db'}", gateways)
    gateways["secure"][0].refuse = 422
    fill(settings, db, [LETTERS[3]])
    assert len(send_once(settings, db, config, now=T0).dead) == 1
    doc = store.documents(db)[0]
    assert doc.state == "dead_letter" and "HTTP 422" in doc.last_error
    gateways["secure"][0].refuse = 0
    store.retry_dead_letter(db, doc.id, "rita", T0)
    assert len(send_once(settings, db, config, now=T0 + dt.timedelta(minutes=1)).sent) == 1


def test_an_address_outside_the_window_is_not_printed(tmp_path: Path, gateways) -> None:
    settings, db, config = make(tmp_path, f"sqlite:///{tmp_path / 'm.db'}", gateways)
    fill(settings, db, [])
    folder = settings.outbox / "steueramt"
    folder.mkdir(parents=True)
    (folder / "a.pdf").write_bytes(
        letter_pdf(["Frau Petra Post", "Hauptstraße 12", "12345 Musterstadt"], top_mm=120)
    )
    (folder / "a.json").write_text('{"recipient_id": "p-post", "kind": "notice"}')
    report = send_once(settings, db, config, now=T0)
    assert len(report.dead) == 1
    doc = store.documents(db)[0]
    assert "Adressfeldprüfung" in doc.last_error and "Sichtfenster" in doc.last_error
    assert not (settings.home / "druck").exists() or not any((settings.home / "druck").rglob("*.pdf"))


def test_a_postbox_document_not_retrieved_in_time_goes_by_post(tmp_path: Path, gateways) -> None:
    settings, db, config = make(tmp_path, f"sqlite:///{tmp_path / 'm.db'}", gateways)
    notice = dict(config.notice)
    notice["postbox"] = notice["postbox"].model_copy(update={
        "rule": "days_after_retrieval", "days": 1, "basis": "§ 41 Abs. 2a Satz 3 VwVfG",
        "fallback_after_days": 10, "fallback_basis": "§ 41 Abs. 2a Satz 4 und 5 VwVfG: nicht abgerufen"})  # fmt: skip
    config = config.model_copy(update={"notice": notice})
    fill(settings, db, [LETTERS[2]])
    send_once(settings, db, config, now=T0)
    doc = store.documents(db)[0]
    assert doc.channel == "postbox" and doc.notice_date is None  # by retrieval: not yet known
    assert not send_once(settings, db, config, now=T0 + dt.timedelta(days=10)).fallbacks
    late = send_once(settings, db, config, now=T0 + dt.timedelta(days=11))
    assert late.fallbacks == [doc.id] and late.sent == [doc.id]
    doc = store.get_document(db, doc.id)
    assert doc.channel == "post" and "§ 41 Abs. 2a Satz 4" in doc.reason
    assert doc.notice_date == dt.date(2026, 12, 19)  # the fourth day after posting on the 15th
    assert (settings.home / "druck" / "2026-12-15" / f"{doc.id}.pdf").is_file()


def test_bad_files_are_quarantined_with_their_reason(tmp_path: Path, gateways) -> None:
    settings, db, config = make(tmp_path, f"sqlite:///{tmp_path / 'm.db'}", gateways)
    fill(settings, db, [])
    for office, name, content in [
        ("steueramt", "kaputt.pdf", b"%PDF-1.4 nothing"),
        ("steueramt", "brief.docx", b"PK\x03\x04"),
        ("gibtsnicht", "a.pdf", letter_pdf(["Frau Petra Post"])),
    ]:
        (settings.outbox / office).mkdir(parents=True, exist_ok=True)
        (settings.outbox / office / name).write_bytes(content)
    (settings.outbox / "steueramt" / "b.pdf").write_bytes(letter_pdf(["Frau Petra Post"]))
    (settings.outbox / "steueramt" / "b.json").write_text('{"kind": "mahnung"}')
    report = send_once(settings, db, config, now=T0)
    reasons = dict(report.intake.quarantined)
    assert "PDF nicht lesbar" in reasons["steueramt/kaputt.pdf"]
    assert "nur PDF" in reasons["steueramt/brief.docx"]
    assert "unbekanntes Amt" in reasons["gibtsnicht/a.pdf"]
    assert "mahnung" in reasons["steueramt/b.pdf"]
    kept = sorted(p.name for p in (settings.home / "outbox-quarantine").rglob("*") if p.is_file())
    assert len([n for n in kept if n.endswith(".reason.txt")]) == 4
    assert any(n.endswith("b.json") for n in kept)  # the sidecar is kept with its PDF
    assert not report.intake.taken and not any(settings.outbox.rglob("*.*"))


def test_a_document_without_a_known_recipient_waits_for_a_person(
    tmp_path: Path, gateways, monkeypatch
) -> None:
    settings, db, config = make(tmp_path, f"sqlite:///{tmp_path / 'm.db'}", gateways)
    fill(settings, db, [])
    folder = settings.outbox / "steueramt"
    folder.mkdir(parents=True)
    (folder / "a.pdf").write_bytes(letter_pdf(["Frau Petra Post", "Hauptstraße 12", "12345 Musterstadt"]))
    (folder / "a.json").write_text('{"recipient_id": "unbekannt", "kind": "notice"}')
    report = send_once(settings, db, config, now=T0)
    doc = store.documents(db)[0]
    assert report.held == [doc.id] and doc.state == "needs_recipient" and "nicht im Register" in doc.reason
    store.assign_recipient(db, doc.id, "p-post", "rita", T0)
    assert send_once(settings, db, config, now=T0).sent == [doc.id]


def test_without_a_recipient_id_the_address_window_is_read_and_matched(tmp_path: Path, gateways) -> None:
    settings, db, config = make(tmp_path, f"sqlite:///{tmp_path / 'm.db'}", gateways)
    fill(settings, db, [])
    folder = settings.outbox / "sozialamt"
    folder.mkdir(parents=True)
    (folder / "a.pdf").write_bytes(letter_pdf(["Frau Bea Box", "Hauptstraße 12", "12345 Musterstadt"]))
    (folder / "a.json").write_text('{"kind": "notice"}')
    send_once(settings, db, config, now=T0)
    doc = store.documents(db)[0]
    assert doc.recipient_id == "p-box" and doc.channel == "postbox" and "Anschriftenfeld" in doc.reason


def test_a_file_still_being_written_is_left_alone(tmp_path: Path, gateways) -> None:
    settings, db, config = make(tmp_path, f"sqlite:///{tmp_path / 'm.db'}", gateways)
    settings = settings.model_copy(update={"outgoing": OutgoingSettings(stable_seconds=60)})
    fill(settings, db, [LETTERS[0]])
    assert not send_once(settings, db, config, now=T0).intake.taken
    old = time.time() - 120
    for path in (settings.outbox / "steueramt").iterdir():
        os.utime(path, (old, old))
    assert len(send_once(settings, db, config, now=T0).intake.taken) == 1


def test_a_crash_after_sending_repeats_it_with_the_same_key(tmp_path: Path, gateways, monkeypatch) -> None:
    settings, db, config = make(tmp_path, f"sqlite:///{tmp_path / 'm.db'}", gateways)
    fill(settings, db, [LETTERS[2]])
    real = store.record_sent

    def crash(*args, **kwargs):
        monkeypatch.setattr(store, "record_sent", real)
        raise KeyboardInterrupt("the process died after the gateway took it")

    monkeypatch.setattr(store, "record_sent", crash)
    with pytest.raises(KeyboardInterrupt):
        send_once(settings, db, config, now=T0)
    assert store.documents(db)[0].state == "routed"  # sent, but not recorded
    assert not send_once(settings, db, config, now=T0 + dt.timedelta(seconds=30)).sent  # the lease holds it
    lease = 10 * settings.dispatch.timeout_seconds
    assert send_once(settings, db, config, now=T0 + dt.timedelta(seconds=lease + 1)).sent
    postbox = gateways["postbox"][0]
    assert len(postbox.requests) == 2 and len(set(postbox.requests)) == 1 and len(postbox.accepted) == 1


def test_a_formal_service_without_eeb_in_time_goes_with_a_delivery_certificate(
    tmp_path: Path, gateways
) -> None:
    settings, db, config = make(tmp_path, f"sqlite:///{tmp_path / 'm.db'}", gateways)
    notice = dict(config.notice)
    notice["secure_service"] = notice["secure_service"].model_copy(
        update={
            "fallback_after_days": 14,
            "fallback_basis": "kein eEB binnen 14 Tagen: Zustellung durch die Post",
        }
    )
    config = config.model_copy(update={"notice": notice})
    fill(settings, db, [LETTERS[3]])
    send_once(settings, db, config, now=T0)
    late = send_once(settings, db, config, now=T0 + dt.timedelta(days=15))
    doc = store.documents(db)[0]
    assert late.fallbacks == [doc.id] and doc.channel == "post_service" and doc.notice_date is None
    manifest = json.loads(
        (settings.home / "druck" / "2026-12-19" / "manifest.json").read_text(encoding="utf-8")
    )
    assert [e["service"] for e in manifest["letters"]] == ["PZU"]
