"""The web hook connector: an HTTP POST (multipart/form-data) with the part `metadata`
(the JSON sidecar), the part `document` (the PDF) and a part `attachment` for each file
taken out of the PDF (an e-invoice's XML), and an `Idempotency-Key` header.

Any 2xx answer means delivered. A receiver should answer a key it has seen before with
2xx and keep the first copy: that makes a retry after a crash between "sent" and
"recorded" invisible. 408, 425, 429 and 5xx are tried again; other 4xx are permanent.
A redirect is a failed attempt and is never followed: the document and the route's
headers (its credentials) go to the configured URL and nowhere else, and no proxy from
the environment is used. `deadline_seconds` bounds the whole request, connect to last
byte, so a receiver that drips its answer cannot hold the dispatcher.
"""

from __future__ import annotations

import contextlib
import http.client
import logging
import socket
import threading
import urllib.parse
import uuid
from typing import Literal

from pydantic import field_validator

from mailroom.dispatch.connectors import DeliveryError, Payload, Target, content_type
from mailroom.settings import DispatchSettings

log = logging.getLogger(__name__)

TRANSIENT_STATUS = {408, 425, 429}
DETAIL_BYTES = 300  # of a refusal's body, shown with the error


class WebhookTarget(Target):
    connector: Literal["webhook"] = "webhook"
    url: str
    headers: dict[str, str] = {}

    @field_validator("url")
    @classmethod
    def _http(cls, value: str) -> str:
        if not value.startswith(("http://", "https://")):
            raise ValueError("must be an http:// or https:// URL")
        return value

    @property
    def address(self) -> str:
        return self.url


class WebhookConnector:
    """POSTs payloads to the URL of one target."""

    def __init__(self, target: WebhookTarget, settings: DispatchSettings) -> None:
        self.target = target
        self.timeout = settings.timeout_seconds
        self.deadline = settings.deadline_seconds

    def deliver(self, payload: Payload) -> str:
        """POST the payload. Returns "HTTP <status>". Raises DeliveryError."""
        body, form_type = multipart(payload)
        headers = {**self.target.headers, "Content-Type": form_type, "Idempotency-Key": payload.key}
        url = self.target.url
        status, location, detail = self._post(body, headers)
        if 200 <= status < 300:
            return f"HTTP {status}"
        if 300 <= status < 400:
            raise DeliveryError(
                f"POST {url}: Empfänger antwortete mit Umleitung {status} nach {location or '(ohne Ziel)'}; "
                "nicht gefolgt, die URL in routes.yaml prüfen"
            )
        permanent = status < 500 and status not in TRANSIENT_STATUS
        raise DeliveryError(f"HTTP {status} from {url}: {detail}", permanent=permanent)

    def _post(self, body: bytes, headers: dict[str, str]) -> tuple[int, str, str]:
        """One POST to the configured URL, cut off at the deadline. Returns the status,
        the Location header and the start of the body. Raises DeliveryError."""
        url = urllib.parse.urlsplit(self.target.url)
        kind = http.client.HTTPSConnection if url.scheme == "https" else http.client.HTTPConnection
        connection = kind(url.hostname or "", url.port, timeout=min(self.timeout, self.deadline))
        expired = threading.Event()
        timer = threading.Timer(self.deadline, _cut, (connection, expired))
        timer.start()
        try:
            connection.connect()  # bounded by the timeout; the timer can only cut a connected socket
            if expired.is_set():
                raise TimeoutError("connected only after the deadline")
            connection.request(
                "POST", f"{url.path or '/'}{'?' if url.query else ''}{url.query}", body, headers
            )
            response = connection.getresponse()
            answer = response.status, response.getheader("Location", ""), response.read(DETAIL_BYTES)
        except (http.client.HTTPException, OSError) as exc:
            if not expired.is_set():
                raise DeliveryError(f"POST {self.target.url}: {exc!r}") from exc
        finally:
            timer.cancel()
            connection.close()
        if expired.is_set():  # what was read before the cut is no answer, even a "200"
            raise DeliveryError(
                f"POST {self.target.url}: keine vollständige Antwort innerhalb von {self.deadline:g} s "
                "(dispatch.deadline_seconds); abgebrochen"
            )
        status, location, detail = answer
        return status, location, detail.decode("utf-8", "replace").strip()


def _cut(connection: http.client.HTTPConnection, expired: threading.Event) -> None:
    """End a request whose deadline has passed: shut its socket down, so the blocked read
    or write returns at once (the plain socket's shutdown, also under TLS)."""
    expired.set()
    if connection.sock is not None:
        with contextlib.suppress(OSError):  # closed in the meantime
            socket.socket.shutdown(connection.sock, socket.SHUT_RDWR)


def multipart(payload: Payload) -> tuple[bytes, str]:
    """The body of a multipart/form-data request with the sidecar, the PDF and the files
    beside it, and its Content-Type header."""
    boundary = f"mailroom-{uuid.uuid4().hex}"
    parts = [
        ("metadata", f"{payload.name}.json", "application/json; charset=utf-8", payload.sidecar_bytes()),
        ("document", f"{payload.name}.pdf", "application/pdf", payload.pdf.read_bytes()),
    ]
    parts += [
        ("attachment", name, content_type(name), path.read_bytes())
        for name, path in payload.attachments.items()
    ]
    chunks = []
    for field, filename, media_type, content in parts:
        head = (
            f"--{boundary}\r\n"
            f'Content-Disposition: form-data; name="{field}"; filename="{filename}"\r\n'
            f"Content-Type: {media_type}\r\n\r\n"
        )
        chunks += [head.encode("ascii"), content, b"\r\n"]
    chunks.append(f"--{boundary}--\r\n".encode("ascii"))
    return b"".join(chunks), f"multipart/form-data; boundary={boundary}"
