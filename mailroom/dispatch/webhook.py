"""The web hook connector: an HTTP POST (multipart/form-data) with the part `metadata`
(the JSON sidecar) and the part `document` (the PDF), and an `Idempotency-Key` header.

Any 2xx answer means delivered. A receiver should answer a key it has seen before with
2xx and keep the first copy: that makes a retry after a crash between "sent" and
"recorded" invisible. 408, 425, 429 and 5xx are tried again; other 4xx are permanent.
"""

from __future__ import annotations

import logging
import urllib.error
import urllib.request
import uuid
from typing import Literal

from pydantic import field_validator

from mailroom.dispatch.connectors import DeliveryError, Payload, Target
from mailroom.settings import DispatchSettings

log = logging.getLogger(__name__)

TRANSIENT_STATUS = {408, 425, 429}


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

    def deliver(self, payload: Payload) -> str:
        """POST the payload. Returns "HTTP <status>". Raises DeliveryError."""
        body, content_type = multipart(payload)
        headers = {**self.target.headers, "Content-Type": content_type, "Idempotency-Key": payload.key}
        request = urllib.request.Request(self.target.url, data=body, headers=headers, method="POST")
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                return f"HTTP {response.status}"
        except urllib.error.HTTPError as exc:
            detail = exc.read(300).decode("utf-8", "replace").strip()
            permanent = exc.code < 500 and exc.code not in TRANSIENT_STATUS
            raise DeliveryError(
                f"HTTP {exc.code} from {self.target.url}: {detail}", permanent=permanent
            ) from exc
        except (urllib.error.URLError, OSError) as exc:
            raise DeliveryError(f"POST {self.target.url}: {exc!r}") from exc


def multipart(payload: Payload) -> tuple[bytes, str]:
    """The body of a multipart/form-data request with the sidecar and the PDF, and its
    Content-Type header."""
    boundary = f"mailroom-{uuid.uuid4().hex}"
    parts = [
        ("metadata", f"{payload.name}.json", "application/json; charset=utf-8", payload.sidecar_bytes()),
        ("document", f"{payload.name}.pdf", "application/pdf", payload.pdf.read_bytes()),
    ]
    chunks = []
    for field, filename, content_type, content in parts:
        head = (
            f"--{boundary}\r\n"
            f'Content-Disposition: form-data; name="{field}"; filename="{filename}"\r\n'
            f"Content-Type: {content_type}\r\n\r\n"
        )
        chunks += [head.encode("ascii"), content, b"\r\n"]
    chunks.append(f"--{boundary}--\r\n".encode("ascii"))
    return b"".join(chunks), f"multipart/form-data; boundary={boundary}"
