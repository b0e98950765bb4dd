"""What every connector shares: the payload it delivers, the error it raises, its protocol.

A connector is built from its target (one route's entry of configs/routes.yaml) and the
dispatch settings, and does no I/O until `deliver` is called. Connectors are chosen by
name through the plain dict `mailroom.dispatch.routes.CONNECTORS`.
"""

from __future__ import annotations

import json
import mimetypes
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from mailroom.settings import Section


class DeliveryError(Exception):
    """A delivery did not happen. `permanent`: trying again will not help (e.g. HTTP 404,
    SMTP 550), so the item goes straight to the dead-letter list."""

    def __init__(self, message: str, permanent: bool = False) -> None:
        super().__init__(message)
        self.permanent = permanent


class Target(Section):
    """Where one route's items go. Subclasses add the fields of their connector."""

    connector: str

    @property
    def address(self) -> str:
        """The folder, addresses or URL: with the connector name it identifies the target."""
        raise NotImplementedError

    @property
    def key(self) -> str:
        return f"{self.connector}:{self.address}"


@dataclass(frozen=True)
class Payload:
    """One item as it leaves the mail room: its searchable PDF, the files that were
    embedded in it (an e-invoice's XML), and the JSON sidecar."""

    item_id: str
    key: str  # idempotency key: the same for every attempt of one delivery
    pdf: Path  # absolute path of the item's searchable PDF
    sidecar: dict[str, Any]
    subject: str  # one line saying what it is, for e-mail subjects and logs
    attachments: dict[str, Path] = field(
        default_factory=dict
    )  # name at the receiver (`<item>.<file name>`) → path

    @property
    def name(self) -> str:
        """File name stem at the receiver: deterministic, so a retry names it the same."""
        return self.item_id

    def sidecar_bytes(self) -> bytes:
        return json.dumps(self.sidecar, ensure_ascii=False, indent=2, sort_keys=True).encode("utf-8") + b"\n"


def content_type(name: str) -> str:
    """The media type of a file by its name, for mail attachments and form parts."""
    return mimetypes.guess_type(name)[0] or "application/octet-stream"


class Connector(Protocol):
    """Delivers payloads to one target."""

    def deliver(self, payload: Payload) -> str:
        """Deliver `payload`; return a short receipt (file path, Message-ID, HTTP status).

        Raises DeliveryError (or OSError) if the receiver did not take it.
        """
        ...
