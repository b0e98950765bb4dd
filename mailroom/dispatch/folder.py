"""The folder connector: the office's e-file import folder gets `<item>.pdf`, the files
taken out of the PDF beside it (`<item>.factur-x.xml`, ...), and then `<item>.json`, each
written to a temporary name, synced and renamed.

The sidecar comes last, so an importer that keys on `*.json` never sees a half delivery.
A file already there with the same bytes is not written again; that is how a retry after a
crash between "written" and "recorded" stays invisible, as long as the importer has not
taken the first copy away yet (if it has, the office gets the item a second time under the
same name and the same idempotency key in the sidecar: at least once, not exactly once).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Literal

from mailroom.dispatch.connectors import Payload, Target
from mailroom.files import write_atomically
from mailroom.settings import DispatchSettings

log = logging.getLogger(__name__)


class FolderTarget(Target):
    connector: Literal["folder"] = "folder"
    path: Path

    @property
    def address(self) -> str:
        return str(self.path)


class FolderConnector:
    """Writes payloads into one folder."""

    def __init__(self, target: FolderTarget, settings: DispatchSettings) -> None:
        self.target = target

    def deliver(self, payload: Payload) -> str:
        """Write the PDF and the files beside it, then the sidecar. Returns the PDF's path,
        noting when all were there already. Raises OSError if the folder cannot be written."""
        folder = self.target.path
        folder.mkdir(parents=True, exist_ok=True)
        pdf = folder / f"{payload.name}.pdf"
        wrote = [put_file(pdf, payload.pdf.read_bytes())]
        wrote += [put_file(folder / name, path.read_bytes()) for name, path in payload.attachments.items()]
        wrote.append(put_file(folder / f"{payload.name}.json", payload.sidecar_bytes()))
        if not any(wrote):
            log.info("%s: already in %s, not written again", payload.item_id, folder)
            return f"{pdf} (already there)"
        return str(pdf)


def put_file(path: Path, content: bytes) -> bool:
    """Make `path` hold `content`, atomically and durably. False if it held it already."""
    if path.is_file() and path.read_bytes() == content:
        return False
    write_atomically(path, content, durable=True)
    return True
