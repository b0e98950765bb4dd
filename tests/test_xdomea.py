"""The xdomea connector: a 0201 message per item in its ZIP container, valid against the
official KoSIT XSDs of 3.0.0 and 3.1.0 (checked here with lxml against the vendored files),
an invalid one refused with the validator's message, and the receiver's confirmations
recorded on the item."""

from __future__ import annotations

import datetime as dt
import hashlib
import uuid
import zipfile
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from lxml import etree
from test_dispatch import T0, event_kinds, make_item, make_settings, state_of

import mailroom.dispatch.dispatch as dispatching
from mailroom.dispatch.connectors import Payload
from mailroom.dispatch.xdomea import SCHEMAS, XdomeaTarget, message_0201, process_id, validate
from mailroom.records import DeliveryOutcome, ItemState
from mailroom.store.db import open_database
from mailroom.store.tables import Event, Item

XSD_DIR = Path(__file__).resolve().parent.parent / "mailroom" / "dispatch" / "xdomea_xsd"


def xdomea_settings(tmp_path: Path, url: str, version: str):
    route = {
        "connector": "xdomea", "version": version, "path": "efile/import", "replies": "efile/replies",
        "behoerde": "Stadt Musterstadt", "empfaenger": "Sozialamt", "vertraulichkeitsstufe": "002",
    }  # fmt: skip
    return make_settings(tmp_path, url, routes={"sozialamt": route})


def with_metadata(db, item_id: str, metadata: dict) -> None:
    with db.session() as session:
        item = session.get_one(Item, item_id)
        item.flags = {**item.flags, "metadata": metadata}


def the_container(settings) -> zipfile.ZipFile:
    [container] = (settings.home / "efile" / "import").glob("*.zip")
    return zipfile.ZipFile(container)


@pytest.mark.parametrize("version", ["3.0.0", "3.1.0"])
def test_a_0201_message_validates_against_the_official_xsd(tmp_path: Path, version: str) -> None:
    url = f"sqlite:///{tmp_path / 'm.db'}"
    settings = xdomea_settings(tmp_path, url, version)
    db = open_database(url)
    item_id = make_item(db, settings, 1)
    metadata = {"sender": "Erika Mustermann, Hauptstr. 1, 12345 Musterstadt", "date": "2029-12-28",
                "references": {"aktenzeichen": ["50.2-2024-117"]}}  # fmt: skip
    with_metadata(db, item_id, metadata)
    invoice = settings.home / "archive" / "attachments" / "factur-x.xml"
    invoice.parent.mkdir(parents=True)
    invoice.write_bytes(b"<rsm:CrossIndustryInvoice/>")
    with db.session() as session:
        item = session.get_one(Item, item_id)
        item.flags = {**item.flags, "attachments": {"factur-x.xml": "archive/attachments/factur-x.xml"}}
    [delivery] = dispatching.dispatch_once(settings, db, now=T0).deliveries
    assert delivery.outcome == DeliveryOutcome.DELIVERED, delivery.error

    archive = the_container(settings)
    [xml_name] = [n for n in archive.namelist() if n.endswith("0201.xml")]
    [pdf_name] = [n for n in archive.namelist() if n.endswith(".pdf")]
    [invoice_name] = [n for n in archive.namelist() if n.endswith("factur-x.xml")]
    assert archive.read(invoice_name) == b"<rsm:CrossIndustryInvoice/>"
    process_id = xml_name.split("_")[0]
    assert xml_name == f"{process_id}_Geschaeftsgang.Geschaeftsgang.0201.xml" and uuid.UUID(process_id)
    message = etree.fromstring(archive.read(xml_name))
    official = etree.XMLSchema(etree.parse(str(SCHEMAS[version])))
    assert SCHEMAS[version].is_relative_to(XSD_DIR)
    assert official.validate(message), official.error_log
    ns = {"x": f"urn:xoev-de:xdomea:schema:{version}", "mr": "urn:mailroom:xdomea:1.0"}

    def text(path: str) -> str | None:
        return message.findtext(path, namespaces=ns)

    assert text("x:Kopf/x:ProzessID") == process_id and text("x:Kopf/x:Nachrichtentyp/code") == "0201"
    document = "x:Hauptobjekt/x:Dokument/"
    assert (
        text(document + "x:Posteingangsdatum")
        == dt.datetime.now(ZoneInfo("Europe/Berlin")).date().isoformat()
    )  # received now (UTC), in make_item
    assert text(document + "x:DatumDesSchreibens") == "2029-12-28"
    assert text(document + "x:Typ") == "Antrag"
    assert text(document + "x:AllgemeineMetadaten/x:Betreff") == f"Sozialamt: Antrag ({item_id})"
    assert text(document + "x:AllgemeineMetadaten/x:Kennzeichen") == "50.2-2024-117"
    assert text(document + "x:AllgemeineMetadaten/x:Vertraulichkeitsstufe/code") == "002"
    assert text(document + "x:AllgemeineMetadaten/x:Medium/code") == "001"
    assert text(document + "x:Absender/x:UnstrukturierteAnschrift/x:Zeile1").startswith("Erika Mustermann")
    assert text(document + "x:Version/x:Format/x:Name/code") == "044"  # PDF/A
    assert text(document + "x:Version/x:Format/x:Primaerdokument/x:Dateiname") == pdf_name
    enclosure = document + "x:Anlage/x:Version/x:Format/"
    assert (
        text(enclosure + "x:Name/code") == "030"
        and text(enclosure + "x:Primaerdokument/x:Dateiname") == invoice_name
    )
    primary = archive.read(pdf_name)
    assert primary == (settings.home / "archive" / "pdfa" / f"{item_id}.pdf").read_bytes()
    extension = document + "x:AnwendungsspezifischeErweiterungXML/mr:Posteingang/"
    assert text(extension + "mr:Pruefsumme") == hashlib.sha256(primary).hexdigest()
    assert text(extension + "mr:Transfervermerk/mr:item_id") == item_id
    assert (
        text(
            "x:ExternerGeschaeftsgang/x:Beteiligungsschritt/x:Verfuegung/x:Adressat/x:Organisationseinheit/x:Name"
        )
        == "Sozialamt"
    )
    assert process_id in delivery.receipt and state_of(db, item_id) == ItemState.DISPATCHED
    db.dispose()


def test_an_invalid_message_is_refused_with_the_validators_message(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'm.db'}"
    settings = xdomea_settings(tmp_path, url, "3.0.0")
    db = open_database(url)
    item_id = make_item(db, settings, 1)
    with_metadata(db, item_id, {"date": "28.12.2029"})  # not an xs:date
    [delivery] = dispatching.dispatch_once(settings, db, now=T0).deliveries
    assert delivery.outcome == DeliveryOutcome.DEAD_LETTER
    assert "xdomea 3.0.0 message invalid" in delivery.error
    assert "DatumDesSchreibens" in delivery.error and "'28.12.2029' is not a valid value" in delivery.error
    assert not list((settings.home / "efile" / "import").glob("*"))  # nothing left the mail room
    assert state_of(db, item_id) == ItemState.DEAD_LETTER
    db.dispose()


def receipt_0202(process_id: str, version: str = "3.0.0") -> bytes:
    """A confirmation as an e-file system writes it."""
    x = f"urn:xoev-de:xdomea:schema:{version}"
    root = etree.Element(f"{{{x}}}Geschaeftsgang.EmpfangBestaetigen.0202", nsmap={"xdomea": x})
    head = etree.SubElement(root, f"{{{x}}}Kopf")
    etree.SubElement(head, f"{{{x}}}ProzessID").text = process_id
    etree.SubElement(etree.SubElement(head, f"{{{x}}}Nachrichtentyp"), "code").text = "0202"
    etree.SubElement(head, f"{{{x}}}Erstellungszeitpunkt").text = "2030-01-07T10:00:00+01:00"
    for role, unit in (("Absender", "Sozialamt"), ("Empfaenger", "Poststelle")):
        etree.SubElement(
            etree.SubElement(etree.SubElement(head, f"{{{x}}}{role}"), f"{{{x}}}Organisationseinheit"),
            f"{{{x}}}Name",
        ).text = unit
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def test_the_receivers_confirmation_becomes_an_event_of_the_item(tmp_path: Path, database_url: str) -> None:
    settings = xdomea_settings(tmp_path, database_url, "3.0.0")
    db = open_database(database_url)
    item_id = make_item(db, settings, 1)
    [delivery] = dispatching.dispatch_once(settings, db, now=T0).deliveries
    assert delivery.outcome == DeliveryOutcome.DELIVERED, delivery.error
    process_id = the_container(settings).namelist()[0].split("_")[0]

    replies = settings.home / "efile" / "replies"
    replies.mkdir(parents=True)
    (replies / f"{process_id}_Geschaeftsgang.EmpfangBestaetigen.0202.xml").write_bytes(
        receipt_0202(process_id)
    )
    (replies / "kaputt.xml").write_bytes(b"<nicht xml")
    unknown = str(uuid.uuid4())
    (replies / f"{unknown}_Geschaeftsgang.EmpfangBestaetigen.0202.xml").write_bytes(receipt_0202(unknown))
    dispatching.dispatch_once(settings, db, now=T0 + dt.timedelta(minutes=5))

    assert event_kinds(db, item_id)[-1] == "xdomea_reply"
    with db.session() as session:
        detail = session.query(Event).filter_by(item_id=item_id, kind="xdomea_reply").one().detail
    assert detail["type"] == "0202" and detail["process_id"] == process_id
    assert detail["message"] == "Geschaeftsgang.EmpfangBestaetigen.0202"
    assert [p.name for p in (replies / "done").iterdir()] == [
        f"{process_id}_Geschaeftsgang.EmpfangBestaetigen.0202.xml"
    ]
    rejected = replies / "rejected"
    assert "not XML" in (rejected / "kaputt.xml.reason.txt").read_text(encoding="utf-8")
    assert "no message of ours" in (
        rejected / f"{unknown}_Geschaeftsgang.EmpfangBestaetigen.0202.xml.reason.txt"
    ).read_text(encoding="utf-8")
    assert not [p for p in replies.iterdir() if p.is_file()]  # each reply read once
    db.dispose()


def test_the_dates_are_the_citys_not_utcs(tmp_path: Path) -> None:
    pdf = tmp_path / "x.pdf"
    pdf.write_bytes(b"%PDF-1.4\n")
    sidecar = {
        "source": {"received_at": "2030-01-06T23:30:00+00:00"},
        "labels": {"doc_type": {"name": "Antrag"}},
    }
    target = XdomeaTarget(path=tmp_path, empfaenger="Sozialamt")
    message = message_0201(
        Payload("i-1", "k", pdf, sidecar, "s"), target, process_id("k"), T0.replace(hour=23, minute=30)
    )
    validate(message, "3.0.0")
    ns = {"x": "urn:xoev-de:xdomea:schema:3.0.0"}
    assert (
        message.findtext("x:Hauptobjekt/x:Dokument/x:Posteingangsdatum", namespaces=ns) == "2030-01-07"
    )  # 00:30 in Berlin
    step = "x:ExternerGeschaeftsgang/x:Beteiligungsschritt/x:Verfuegung/x:Erstellungsdatum"
    assert message.findtext(step, namespaces=ns) == "2030-01-08"
