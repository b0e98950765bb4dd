"""The xdomea connector: an item goes to the e-file system as a message 0201
"Geschaeftsgang.Geschaeftsgang.0201" (a document routed to an office), in the ZIP container
the standard describes (`<ProzessID>_Geschaeftsgang.Geschaeftsgang.0201.zip`: the message
XML and the primary document), written atomically into the system's import folder.

Every message is validated against the official KoSIT XSDs of its version (vendored in
`xdomea_xsd/`, source and licence in its SOURCE.md) before it leaves; an invalid message is
a permanent DeliveryError with the validator's message, so the item becomes a dead letter.
The message carries Posteingangsdatum, DatumDesSchreibens, Typ, Absender, Betreff,
Kennzeichen (the Aktenzeichen found), Vertraulichkeitsstufe, Medium, the primary document
(the archival PDF/A when there is one) and, in the document's application-specific XML
extension, its SHA-256 and the transfer note.

The ProzessID is derived from the delivery's idempotency key, so a retry writes the same
file name; a container already there is not written again. Confirmations the e-file system
writes into the target's `replies` folder (0202 "Geschaeftsgang.EmpfangBestaetigen.0202")
are read by `collect_replies` and recorded as events of their item.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import logging
import uuid
import zipfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Literal
from zoneinfo import ZoneInfo

from lxml import etree

from mailroom.dispatch.connectors import DeliveryError, Payload, Target
from mailroom.files import write_atomically
from mailroom.settings import DispatchSettings
from mailroom.store.db import Database
from mailroom.store.deliveries import record_reply

log = logging.getLogger(__name__)

SCHEMA_DIR = Path(__file__).resolve().parent / "xdomea_xsd"
SCHEMAS = {  # version → its entry schema (the layout of the vendored copies is kept)
    "3.0.0": SCHEMA_DIR / "3.0.0" / "xdomea_3.0.0" / "xdomea.xsd",
    "3.1.0": SCHEMA_DIR / "3.1.0" / "3.1.0" / "xdomea.xsd",
}
MESSAGE = "Geschaeftsgang.Geschaeftsgang.0201"
RECEIPT = "Geschaeftsgang.EmpfangBestaetigen.0202"
NS_EXTENSION = "urn:mailroom:xdomea:1.0"  # our own application-specific extension
PROCESS_NAMESPACE = uuid.UUID("6f1c2d4e-8a3b-4c5d-9e7f-0a1b2c3d4e5f")  # ProzessID = uuid5(this, key)
CODE_LISTS = {  # element → (list URI, list version) of the xdomea code lists used
    "Nachrichtentyp": ("urn:xoev-de:xdomea:codeliste:nachrichtentyp", "2.0"),
    "Vertraulichkeitsstufe": ("urn:xoev-de:xdomea:codeliste:vertraulichkeitsstufe", "1.0"),
    "Medium": ("urn:xoev-de:xdomea:codeliste:medium", "1.0"),
    "Status": ("urn:xoev-de:xdomea:codeliste:beteiligungsstatus", "1.1"),
    "Name": ("urn:xoev-de:xdomea:codeliste:dateiformat", "1.0"),
}
PDF, PDFA = "018", "044"  # Dateiformat 1.0: pdf, pdf (Archival)
FORMATS = {"xml": "030", "pdf": PDF, "png": "019", "jpg": "011", "tif": "023", "tiff": "024", "txt": "045"}
OTHER_FORMAT = "100"  # Sonstiges, named in SonstigerName
CURRENT_STEP = "002"  # Beteiligungsstatus: the step is current
LOCAL = ZoneInfo("Europe/Berlin")  # dates in the message are the city's, not UTC's


class XdomeaTarget(Target):
    connector: Literal["xdomea"] = "xdomea"
    path: Path  # the e-file system's import folder
    version: Literal["3.0.0", "3.1.0"] = "3.0.0"
    replies: Path | None = None  # where the e-file system writes its confirmations
    behoerde: str = "Stadtverwaltung"  # Institution of sender and receiver
    absender: str = "Poststelle"  # Organisationseinheit that sends (the mail room)
    empfaenger: str  # Organisationseinheit that receives, e.g. "Sozialamt"
    vertraulichkeitsstufe: Literal["001", "002", "003", "004", "005"] = "003"  # 003: offen
    medium: Literal["001", "002", "003"] = "001"  # 001: elektronisch
    verfuegung: str = "zur Bearbeitung"

    @property
    def address(self) -> str:
        return str(self.path)


class InvalidMessage(ValueError):
    """A message does not validate against its XSD; the text is the validator's."""


@cache
def schema(version: str) -> etree.XMLSchema:
    """The official XSD of `version`, loaded once per process."""
    return etree.XMLSchema(etree.parse(str(SCHEMAS[version])))


def validate(document: etree._Element, version: str) -> None:
    """Raises InvalidMessage with the validator's first errors if `document` is not valid."""
    checker = schema(version)
    if not checker.validate(document):
        errors = "; ".join(f"line {e.line}: {e.message}" for e in list(checker.error_log)[:5])
        raise InvalidMessage(f"xdomea {version} message invalid: {errors}")


def process_id(key: str) -> str:
    return str(uuid.uuid5(PROCESS_NAMESPACE, key))


class XdomeaConnector:
    """Writes one xdomea 0201 container per payload into the target's import folder."""

    def __init__(self, target: XdomeaTarget, settings: DispatchSettings) -> None:
        self.target = target

    def deliver(self, payload: Payload) -> str:
        """Build, validate and write the container. Returns its path and ProzessID. Raises
        DeliveryError(permanent) if the message does not validate, OSError if the folder
        cannot be written."""
        pid = process_id(payload.key)
        container = self.target.path / f"{pid}_{MESSAGE}.zip"
        receipt = f"{container} (ProzessID {pid})"
        if container.is_file():
            log.info("%s: %s is there already, not written again", payload.item_id, container)
            return receipt
        xml = serialise(message_0201(payload, self.target, pid, dt.datetime.now(dt.UTC)))
        try:
            validate(etree.fromstring(xml), self.target.version)  # parsed again: errors name lines
        except InvalidMessage as exc:
            raise DeliveryError(str(exc), permanent=True) from exc
        self.target.path.mkdir(parents=True, exist_ok=True)
        write_atomically(container, _zip(pid, xml, payload), durable=True)
        return receipt


def message_0201(payload: Payload, target: XdomeaTarget, pid: str, now: dt.datetime) -> etree._Element:
    """The message 0201 of `payload` (not validated)."""
    sidecar = payload.sidecar
    ns = f"urn:xoev-de:xdomea:schema:{target.version}"
    x = _Builder(ns)
    root = etree.Element(x.q(MESSAGE), nsmap={"xdomea": ns})
    kopf = x.sub(root, "Kopf")
    x.text(kopf, "ProzessID", pid)
    x.code(kopf, "Nachrichtentyp", "0201")
    x.text(kopf, "Erstellungszeitpunkt", now.astimezone(LOCAL).isoformat(timespec="seconds"))
    x.contact(kopf, "Absender", target.behoerde, target.absender)
    x.contact(kopf, "Empfaenger", target.behoerde, target.empfaenger)
    system = x.sub(kopf, "SendendesSystem")
    x.text(system, "Produktname", "mailroom")
    x.text(kopf, "EmpfangsbestaetigungAnInitiator", "true")
    x.text(kopf, "EmpfangsbestaetigungAnVorgaenger", "false")

    document = x.sub(x.sub(root, "Hauptobjekt"), "Dokument")
    x.text(x.sub(document, "Identifikation"), "ID", str(uuid.uuid5(PROCESS_NAMESPACE, payload.item_id)))
    metadata: dict[str, Any] = sidecar.get("metadata") or {}
    general = x.sub(document, "AllgemeineMetadaten")
    x.text(general, "Betreff", payload.subject)
    reference = _aktenzeichen(metadata)
    if reference:
        x.text(general, "Kennzeichen", reference)
    x.code(general, "Vertraulichkeitsstufe", target.vertraulichkeitsstufe)
    x.code(general, "Medium", target.medium)
    received = (sidecar.get("source") or {}).get("received_at")
    if received:
        x.text(
            document,
            "Posteingangsdatum",
            dt.datetime.fromisoformat(received).astimezone(LOCAL).date().isoformat(),
        )
    if metadata.get("date"):
        x.text(document, "DatumDesSchreibens", str(metadata["date"])[:10])
    x.text(document, "Typ", ((sidecar.get("labels") or {}).get("doc_type") or {}).get("name") or "")
    archive = sidecar.get("archive")
    version = x.sub(document, "Version")
    x.text(version, "Nummer", "1")
    form = x.sub(version, "Format")
    x.code(form, "Name", PDFA if archive else PDF)
    x.text(form, "Version", "PDF/A-2b" if archive else "PDF")
    primary = x.sub(form, "Primaerdokument")
    x.text(primary, "Dateiname", _file_name(pid, payload))
    x.text(
        primary, "DateinameOriginal", (sidecar.get("source") or {}).get("file_name") or f"{payload.name}.pdf"
    )
    x.text(primary, "DatumUhrzeit", now.astimezone(LOCAL).isoformat(timespec="seconds"))
    if archive and archive.get("sealed"):
        x.text(x.sub(primary, "SignaturSiegel"), "SignaturSiegelEingebettet", "1")  # the XSD fixes "1"
    for name in sorted(payload.attachments):  # the files taken out of the PDF (an e-invoice's XML)
        _enclosure(x, document, pid, name)
    if metadata.get("sender"):
        sender = x.sub(document, "Absender")
        x.text(x.sub(sender, "UnstrukturierteAnschrift"), "Zeile1", str(metadata["sender"]))
    x.sub(document, "AnwendungsspezifischeErweiterungXML").append(_extension(payload))

    route = x.sub(root, "ExternerGeschaeftsgang")
    x.text(x.sub(route, "Identifikation"), "ID", str(uuid.uuid5(PROCESS_NAMESPACE, f"{pid}/geschaeftsgang")))
    step = x.sub(route, "Beteiligungsschritt")
    x.text(step, "Nummer", "1")
    x.code(step, "Status", CURRENT_STEP)
    order = x.sub(step, "Verfuegung")
    x.contact(order, "Ersteller", target.behoerde, target.absender)
    x.contact(order, "Adressat", target.behoerde, target.empfaenger)
    x.text(order, "Erstellungsdatum", now.astimezone(LOCAL).date().isoformat())
    x.text(order, "Verfuegung", target.verfuegung)
    return root


@dataclass(frozen=True)
class Reply:
    """A confirmation the e-file system sent back."""

    process_id: str
    message_type: str  # e.g. "0202"
    name: str  # the root element, e.g. "Geschaeftsgang.EmpfangBestaetigen.0202"
    created_at: str
    file: str


def read_reply(path: Path, version: str) -> Reply:
    """A confirmation (its XML, or a ZIP holding it), validated against the version's XSD.
    Raises InvalidMessage or ValueError (not XML, no XML in the ZIP)."""
    data = path.read_bytes()
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as archive:
            names = [n for n in archive.namelist() if n.lower().endswith(".xml")]
            if not names:
                raise ValueError("the ZIP holds no XML message")
            data = archive.read(names[0])
    try:
        root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError as exc:
        raise ValueError(f"not XML: {exc}") from exc
    validate(root, version)
    ns = {"x": f"urn:xoev-de:xdomea:schema:{version}"}
    return Reply(
        process_id=root.findtext("x:Kopf/x:ProzessID", namespaces=ns) or "",
        message_type=root.findtext("x:Kopf/x:Nachrichtentyp/code", namespaces=ns) or "",
        name=etree.QName(root).localname,
        created_at=root.findtext("x:Kopf/x:Erstellungszeitpunkt", namespaces=ns) or "",
        file=path.name,
    )


def collect_replies(db: Database, target: XdomeaTarget, now: dt.datetime) -> list[Reply]:
    """Read the confirmations in the target's `replies` folder: each one of a message we
    sent becomes an event `xdomea_reply` of its item and moves to `replies/done/`; one that
    is not valid, or names no message of ours, moves to `replies/rejected/` beside a
    `.reason.txt`. Returns the confirmations recorded."""
    if target.replies is None or not target.replies.is_dir():
        return []
    recorded = []
    for path in sorted(
        p for p in target.replies.iterdir() if p.is_file() and p.suffix.lower() in (".xml", ".zip")
    ):
        try:
            reply = read_reply(path, target.version)
        except (InvalidMessage, ValueError) as exc:
            _set_aside(path, target.replies / "rejected", str(exc))
            continue
        detail = {"message": reply.name, "type": reply.message_type, "process_id": reply.process_id,
                  "created_at": reply.created_at, "file": reply.file}  # fmt: skip
        item_id = record_reply(db, f"(ProzessID {reply.process_id})", "xdomea_reply", detail, now)
        if item_id is None:
            _set_aside(
                path, target.replies / "rejected", f"no message of ours has ProzessID {reply.process_id}"
            )
            continue
        log.info("%s: %s received (%s)", item_id, reply.name, reply.file, extra={"item_id": item_id})
        _set_aside(path, target.replies / "done")
        recorded.append(reply)
    return recorded


def _set_aside(path: Path, folder: Path, reason: str = "") -> None:
    folder.mkdir(parents=True, exist_ok=True)
    if reason:
        log.warning("xdomea reply %s set aside: %s", path, reason)
        write_atomically(folder / f"{path.name}.reason.txt", reason + "\n")
    path.replace(folder / path.name)


class _Builder:
    """Elements of one xdomea namespace; the code lists' `code` children are unqualified."""

    def __init__(self, ns: str) -> None:
        self.ns = ns

    def q(self, name: str) -> str:
        return f"{{{self.ns}}}{name}"

    def sub(self, parent: etree._Element, name: str) -> etree._Element:
        return etree.SubElement(parent, self.q(name))

    def text(self, parent: etree._Element, name: str, value: str) -> etree._Element:
        element = self.sub(parent, name)
        element.text = value
        return element

    def code(self, parent: etree._Element, name: str, value: str) -> None:
        element = self.sub(parent, name)
        uri, list_version = CODE_LISTS[name]
        element.set("listURI", uri)
        element.set("listVersionID", list_version)
        etree.SubElement(element, "code").text = value

    def contact(self, parent: etree._Element, name: str, institution: str, unit: str) -> None:
        contact = self.sub(parent, name)
        self.text(self.sub(contact, "Institution"), "Name", institution)
        self.text(self.sub(contact, "Organisationseinheit"), "Name", unit)


def _enclosure(x: _Builder, document: etree._Element, pid: str, name: str) -> None:
    """An enclosure (Anlage) of the document: one of the files taken out of its PDF."""
    enclosure = x.sub(document, "Anlage")
    x.text(x.sub(enclosure, "Identifikation"), "ID", str(uuid.uuid5(PROCESS_NAMESPACE, f"{pid}/{name}")))
    version = x.sub(enclosure, "Version")
    x.text(version, "Nummer", "1")
    form = x.sub(version, "Format")
    suffix = Path(name).suffix.lower().lstrip(".")
    code = FORMATS.get(suffix, OTHER_FORMAT)
    x.code(form, "Name", code)
    if code == OTHER_FORMAT:
        x.text(form, "SonstigerName", suffix or "unbekannt")
    x.text(form, "Version", "1")
    x.text(x.sub(form, "Primaerdokument"), "Dateiname", f"{pid}_{name}")


def _extension(payload: Payload) -> etree._Element:
    """The primary document's SHA-256 and the transfer note, in our own namespace."""
    root = etree.Element(f"{{{NS_EXTENSION}}}Posteingang", nsmap={"mr": NS_EXTENSION})
    digest = etree.SubElement(root, f"{{{NS_EXTENSION}}}Pruefsumme", algorithmus="SHA-256")
    digest.text = hashlib.sha256(payload.pdf.read_bytes()).hexdigest()
    etree.SubElement(root, f"{{{NS_EXTENSION}}}VorgangMailroom").text = payload.item_id
    note = payload.sidecar.get("transfer_note")
    if note:
        element = etree.SubElement(root, f"{{{NS_EXTENSION}}}Transfervermerk")
        for key, value in note.items():
            text = (
                "; ".join(map(str, value)) if isinstance(value, list) else "" if value is None else str(value)
            )
            etree.SubElement(element, f"{{{NS_EXTENSION}}}{key}").text = text
    return root


def _aktenzeichen(metadata: dict[str, Any]) -> str:
    """The first Aktenzeichen found in the letter, if any."""
    references = metadata.get("references")
    if isinstance(references, dict):
        for kind in ("aktenzeichen", *references):
            if references.get(kind):
                return str(references[kind][0])
    if isinstance(references, list) and references:
        return str(references[0])
    return str(metadata.get("aktenzeichen") or "")


def _file_name(pid: str, payload: Payload) -> str:
    return f"{pid}_{payload.name}.pdf"


def serialise(document: etree._Element) -> bytes:
    return etree.tostring(document, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _zip(pid: str, xml: bytes, payload: Payload) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(f"{pid}_{MESSAGE}.xml", xml)
        archive.writestr(_file_name(pid, payload), payload.pdf.read_bytes())
        for name, path in sorted(payload.attachments.items()):
            archive.writestr(f"{pid}_{name}", path.read_bytes())
    return buffer.getvalue()
