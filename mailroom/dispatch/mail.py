"""The e-mail connector: one message per item over SMTP, with the PDF, the files taken out
of it (an e-invoice's XML) and the JSON sidecar attached. (Named mail.py: a module email.py would shadow the standard library's package.)

The Message-ID is derived from the idempotency key, so a message sent again after a crash
between "sent" and "recorded" carries the same Message-ID and a receiving system can drop
it. SMTP itself has no idempotency: a plain mailbox shows such a message twice.
"""

from __future__ import annotations

import logging
import smtplib
import ssl
from email.message import EmailMessage
from typing import Literal

from pydantic import field_validator

from mailroom.dispatch.connectors import DeliveryError, Payload, Target, content_type
from mailroom.settings import DispatchSettings

log = logging.getLogger(__name__)


class MailTarget(Target):
    connector: Literal["email"] = "email"
    to: list[str]

    @field_validator("to", mode="before")
    @classmethod
    def _one_or_many(cls, value: object) -> object:
        return [value] if isinstance(value, str) else value

    @field_validator("to")
    @classmethod
    def _addresses(cls, value: list[str]) -> list[str]:
        if not value or any("@" not in address for address in value):
            raise ValueError("needs one or more e-mail addresses")
        return value

    @property
    def address(self) -> str:
        return ",".join(self.to)


class MailConnector:
    """Sends payloads to the addresses of one target through the configured SMTP server."""

    def __init__(self, target: MailTarget, settings: DispatchSettings) -> None:
        self.target = target
        self.settings = settings

    def deliver(self, payload: Payload) -> str:
        """Send the message. Returns its Message-ID. Raises DeliveryError, permanent if the
        server refused with a 5xx code."""
        message = build_message(payload, self.settings.sender, self.target.to)
        refused = send_smtp(message, self.settings)
        if refused:  # accepted for some recipients: sending again would double it for those
            log.warning("%s: some recipients refused: %s", payload.item_id, refused)
            return f"{message['Message-ID']} (refused: {', '.join(refused)})"
        return str(message["Message-ID"])


def send_smtp(message: EmailMessage, settings: DispatchSettings) -> dict:
    """Send `message` over the SMTP server of `settings`; return the recipients it refused
    (empty when it took them all). Raises DeliveryError, permanent when the server refused
    with a 5xx code."""
    try:
        with smtplib.SMTP(settings.smtp_host, settings.smtp_port, timeout=settings.timeout_seconds) as smtp:
            if settings.smtp_starttls:
                smtp.starttls(context=ssl.create_default_context())
            if settings.smtp_user:
                smtp.login(settings.smtp_user, settings.smtp_password)
            return smtp.send_message(message)
    except smtplib.SMTPRecipientsRefused as exc:
        codes = [code for code, _text in exc.recipients.values()]
        raise DeliveryError(
            f"SMTP refused every recipient: {exc.recipients}", permanent=min(codes) >= 500
        ) from exc
    except smtplib.SMTPResponseException as exc:
        raise DeliveryError(
            f"SMTP {exc.smtp_code}: {exc.smtp_error!r}", permanent=exc.smtp_code >= 500
        ) from exc
    except (smtplib.SMTPException, OSError) as exc:
        raise DeliveryError(f"SMTP {settings.smtp_host}:{settings.smtp_port}: {exc!r}") from exc


def build_message(payload: Payload, sender: str, to: list[str]) -> EmailMessage:
    """The message of one item: a short text, the PDF, the files beside it and the
    sidecar attached."""
    domain = sender.rpartition("@")[2] or "mailroom.invalid"
    message = EmailMessage()
    message["From"] = sender
    message["To"] = ", ".join(to)
    message["Subject"] = payload.subject
    message["Message-ID"] = f"<{payload.key}@{domain}>"
    message["X-Mailroom-Item"] = payload.item_id
    message.set_content(_body(payload))
    message.add_attachment(
        payload.pdf.read_bytes(), maintype="application", subtype="pdf", filename=f"{payload.name}.pdf"
    )
    for name, path in payload.attachments.items():
        maintype, subtype = content_type(name).split("/", 1)
        message.add_attachment(path.read_bytes(), maintype=maintype, subtype=subtype, filename=name)
    message.add_attachment(
        payload.sidecar_bytes(), maintype="application", subtype="json", filename=f"{payload.name}.json"
    )
    return message


def _body(payload: Payload) -> str:
    sidecar = payload.sidecar
    labels, source = sidecar["labels"], sidecar["source"]
    return (
        "Posteingang aus der digitalen Poststelle (mailroom).\n\n"
        f"Dokumenttyp: {labels['doc_type']['name']}\n"
        f"Zuständig:   {labels['route']['name']}\n"
        f"Seiten:      {sidecar['document']['pages']}\n"
        f"Eingang:     {source['file_name']}\n"
        f"Vorgang:     {payload.item_id}\n\n"
        "Das Dokument (PDF), seine Metadaten (JSON) und aus dem PDF entnommene Dateien\n"
        "(etwa die XML-Daten einer E-Rechnung) sind angehängt.\n"
    )
