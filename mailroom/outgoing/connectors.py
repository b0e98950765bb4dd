"""The connectors of outgoing mail: one protocol, chosen by name from configs/outgoing.yaml
through the plain dict CONNECTORS (like mailroom/dispatch/routes.py).

  print  the day's folder for the print shop / hybrid-mail provider: the letter, the day's
         print stream and a manifest; refuses a letter whose address is not inside the
         DIN 5008 address window (that envelope would go nowhere).
  email  one message over SMTP; Message-ID from the idempotency key.
  http   the postbox's or secure channel's gateway: the dispatch web hook (multipart,
         Idempotency-Key, no redirects, deadline), and a status URL for retrieval and eEB.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import logging
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from email.message import EmailMessage
from pathlib import Path
from typing import Any, Protocol

from pypdf import PdfReader, PdfWriter

from mailroom.dispatch.connectors import DeliveryError, Payload
from mailroom.dispatch.folder import put_file
from mailroom.dispatch.mail import send_smtp
from mailroom.dispatch.webhook import WebhookConnector, WebhookTarget
from mailroom.files import write_atomically
from mailroom.outgoing.config import HttpTarget, MailTarget, OutgoingConfig, PrintTarget
from mailroom.outgoing.records import Channel, Kind, Recipient
from mailroom.outgoing.window import match_recipient, read_window
from mailroom.settings import DispatchSettings

log = logging.getLogger(__name__)

MM = 72 / 25.4  # PDF points per millimetre
SIDECAR_FORMAT = "mailroom-outgoing/1"


@dataclass(frozen=True)
class Letter:
    """One document on its way to one recipient by one channel."""

    document_id: str
    key: str  # idempotency key, the same for every attempt
    channel: Channel
    kind: Kind
    office: str
    case_reference: str
    urgent: bool
    pdf: Path  # absolute
    recipient: Recipient
    day: dt.date  # the day it was routed: the print day, the same for every attempt

    def metadata(self) -> dict[str, Any]:
        r = self.recipient
        return {
            "format": SIDECAR_FORMAT, "document_id": self.document_id, "idempotency_key": self.key,
            "channel": self.channel.value, "kind": self.kind.value, "office": self.office,
            "case_reference": self.case_reference, "urgent": self.urgent,
            "recipient": {"id": r.id, "kind": r.kind.value, "name": r.address.name, "postbox_id": r.postbox_id,
                          "secure_id": r.secure_id},
            "acknowledgement_requested": self.kind == Kind.FORMAL_SERVICE,  # eEB, § 5 Abs. 7 VwZG
        }  # fmt: skip


class Connector(Protocol):
    def send(self, letter: Letter) -> str:
        """Send `letter`; return a short receipt. Raises DeliveryError (or OSError)."""
        ...


class PrintConnector:
    """Puts letters into the day's folder of the print shop / hybrid-mail provider."""

    def __init__(self, target: PrintTarget, settings: DispatchSettings) -> None:
        self.target = target

    def send(self, letter: Letter) -> str:
        """Check the address window, then write the letter, the day's stream and manifest.
        Returns the letter's path. Raises DeliveryError (permanent) if the address is not
        in the window."""
        content = letter.pdf.read_bytes()
        problem = window_problem(content, letter.recipient, self.target)
        if problem == NO_TEXT:  # a scanned letter: read the window by OCR where that is installed
            problem = _window_by_ocr(letter)
        if problem:
            raise DeliveryError(f"Adressfeldprüfung: {problem}", permanent=True)
        folder = self.target.folder / letter.day.isoformat()
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{letter.document_id}.pdf"
        put_file(path, content)
        entries = _manifest(folder)
        entries[letter.document_id] = _entry(letter, content)
        _write_day(folder, letter.day, entries)
        return str(path)


def window_problem(content: bytes, recipient: Recipient, target: PrintTarget) -> str:
    """ "" if page 1 shows the recipient's name and postcode inside the DIN 5008 address
    window, else what is wrong. Reads the PDF's text layer."""
    page = PdfReader(io.BytesIO(content)).pages[0]
    height = float(page.mediabox.top)
    left, right = target.window_left_mm * MM, (target.window_left_mm + target.window_width_mm) * MM
    top, bottom = (
        height - target.window_top_mm * MM,
        height - (target.window_top_mm + target.window_height_mm) * MM,
    )
    inside: list[str] = []
    seen: list[str] = []

    def visit(text: str, cm: list[float], tm: list[float], _font: Any, _size: Any) -> None:
        if not text.strip():
            return
        x = cm[0] * tm[4] + cm[2] * tm[5] + cm[4]
        y = cm[1] * tm[4] + cm[3] * tm[5] + cm[5]
        seen.append(text)
        if left <= x <= right and bottom <= y <= top:
            inside.append(text)

    page.extract_text(visitor_text=visit)
    if not seen:
        return NO_TEXT
    window = " ".join(" ".join(inside).split())
    surname = recipient.address.name.split()[-1]
    missing = [part for part in (surname, recipient.address.postcode) if part not in window]
    if missing:
        return (f"im Sichtfenster (DIN 5008, {target.window_left_mm:g}/{target.window_top_mm:g} mm) fehlt "
                f"{', '.join(missing)}; gefunden: {window[:120]!r}")  # fmt: skip
    return ""


NO_TEXT = "Seite 1 hat keine Textebene; die Anschrift im Sichtfenster kann nicht geprüft werden"


def _window_by_ocr(letter: Letter) -> str:
    """ "" if OCR of the address window (mailroom/outgoing/window.py) finds the recipient
    there, else what is wrong."""
    found = read_window(letter.pdf)
    if found is None:
        return "im Sichtfenster (DIN 5008) ist keine Anschrift lesbar"
    if match_recipient(found, [letter.recipient]) is None:
        return f"im Sichtfenster steht eine andere Anschrift: {found.name}, {found.postcode} {found.city}"
    return ""


def _entry(letter: Letter, content: bytes) -> dict[str, Any]:
    a = letter.recipient.address
    return {
        "document_id": letter.document_id, "key": letter.key, "office": letter.office,
        "case_reference": letter.case_reference,
        "service": "PZU" if letter.channel == Channel.POST_SERVICE else "Standardbrief",
        "urgent": letter.urgent, "name": a.name, "extra": a.extra, "street": a.street, "postcode": a.postcode,
        "city": a.city, "pages": len(PdfReader(io.BytesIO(content)).pages),
        "sha256": hashlib.sha256(content).hexdigest(), "file": f"{letter.document_id}.pdf",
    }  # fmt: skip


def _manifest(folder: Path) -> dict[str, dict[str, Any]]:
    path = folder / "manifest.json"
    if not path.is_file():
        return {}
    return {entry["document_id"]: entry for entry in json.loads(path.read_text(encoding="utf-8"))["letters"]}


def _write_day(folder: Path, day: dt.date, entries: dict[str, dict[str, Any]]) -> None:
    """The day's print stream (every letter in manifest order, one PDF) and the manifest
    in JSON and CSV, each written to a temporary name and renamed. The manifest last: it
    names only letters that are in the stream."""
    letters = sorted(entries.values(), key=lambda e: (not e["urgent"], e["document_id"]))
    writer = PdfWriter()
    for entry in letters:
        writer.append(str(folder / entry["file"]))
    stream = io.BytesIO()
    writer.write(stream)
    write_atomically(folder / f"druck-{day.isoformat()}.pdf", stream.getvalue(), durable=True)
    table = io.StringIO()
    columns = list(letters[0])
    out = csv.DictWriter(table, columns, delimiter=";")
    out.writeheader()
    out.writerows(letters)
    write_atomically(folder / "manifest.csv", table.getvalue().encode("utf-8"), durable=True)
    manifest = {"format": "mailroom-print/1", "day": day.isoformat(), "letters": letters}
    write_atomically(
        folder / "manifest.json", json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", durable=True
    )


class EmailConnector:
    """Sends a letter to the recipient's e-mail address through the configured SMTP server."""

    def __init__(self, target: MailTarget, settings: DispatchSettings) -> None:
        self.settings = settings

    def send(self, letter: Letter) -> str:
        """Returns the Message-ID. Raises DeliveryError, permanent on a 5xx refusal."""
        s = self.settings
        message = _message(letter, s.sender)
        send_smtp(message, s)
        return str(message["Message-ID"])


def _message(letter: Letter, sender: str) -> EmailMessage:
    domain = sender.rpartition("@")[2] or "mailroom.invalid"
    message = EmailMessage()
    message["From"] = sender
    message["To"] = letter.recipient.email
    reference = f" – Az. {letter.case_reference}" if letter.case_reference else ""
    message["Subject"] = f"Schreiben der Stadtverwaltung{reference}"
    message["Message-ID"] = f"<{letter.key}@{domain}>"
    message.set_content(
        f"Guten Tag,\n\nanbei erhalten Sie unser Schreiben{reference} als PDF.\n"
        "Sie haben der Übermittlung per E-Mail zugestimmt; die Einwilligung können Sie jederzeit widerrufen.\n\n"
        "Mit freundlichen Grüßen\nIhre Stadtverwaltung\n"
    )
    message.add_attachment(letter.pdf.read_bytes(), maintype="application", subtype="pdf",
                           filename=f"{letter.document_id}.pdf")  # fmt: skip
    return message


class HttpConnector:
    """Hands letters to a postbox or secure-channel gateway and asks it what became of them."""

    def __init__(self, target: HttpTarget, settings: DispatchSettings) -> None:
        self.target = target
        self.settings = settings
        self.webhook = WebhookConnector(WebhookTarget(url=target.url, headers=target.headers), settings)

    def send(self, letter: Letter) -> str:
        payload = Payload(letter.document_id, letter.key, letter.pdf, letter.metadata(),
                          f"{letter.office}: {letter.case_reference or letter.document_id}")  # fmt: skip
        return self.webhook.deliver(payload)

    def status(self, key: str) -> dict[str, Any]:
        """The gateway's word on one delivery ({} if it has none, or there is no status URL).
        Raises DeliveryError if it cannot be asked."""
        if not self.target.status_url:
            return {}
        url = self.target.status_url.replace("{key}", urllib.parse.quote(key))
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        request = urllib.request.Request(url, headers=self.target.headers)
        try:
            with opener.open(request, timeout=self.settings.timeout_seconds) as answer:
                data = json.loads(answer.read(100_000) or b"{}")
        except urllib.error.HTTPError as exc:
            if exc.code == 404:
                return {}
            raise DeliveryError(f"GET {url}: HTTP {exc.code}") from exc
        except (urllib.error.URLError, OSError, ValueError) as exc:
            raise DeliveryError(f"GET {url}: {exc!r}") from exc
        return data if isinstance(data, dict) else {}


CONNECTORS: dict[str, Callable[[Any, DispatchSettings], Connector]] = {
    "print": PrintConnector,
    "email": EmailConnector,
    "http": HttpConnector,
}


def connector_for(config: OutgoingConfig, channel: Channel, settings: DispatchSettings) -> Connector:
    target = config.channels[channel]
    return CONNECTORS[target.connector](target, settings)
