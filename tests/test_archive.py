"""The archival copy: PDF/A-2b made by Ghostscript from a real searchable PDF (Tesseract),
the transfer note in its XMP and document info, the PAdES seal verified by pyHanko, the
hashes recorded; the original and the searchable PDF kept byte for byte."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import subprocess
from pathlib import Path

import pikepdf
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID
from PIL import Image, ImageDraw, ImageFont
from pyhanko.keys import load_cert_from_pemder
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext
from test_dispatch import T0, make_item, make_settings

import mailroom.dispatch.dispatch as dispatching
from mailroom.archive.pdfa import read_transfer_note
from mailroom.errors import BadConfig, MissingDependency
from mailroom.records import DeliveryOutcome
from mailroom.settings import ArchiveSettings, Settings, load_settings
from mailroom.store.db import Database, open_database
from mailroom.store.tables import ArchiveCopy, Delivery, Item, Page, ReviewDecision, SourceFile

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


@pytest.fixture(scope="module")
def searchable_pdf(tmp_path_factory) -> bytes:
    """A searchable PDF as ingest writes it (Tesseract's page image + invisible text), with
    a script, a launch action and an embedded file smuggled in."""
    folder = tmp_path_factory.mktemp("searchable")
    image = Image.new("L", (1240, 700), 255)
    draw = ImageDraw.Draw(image)
    draw.text((100, 150), "Antrag auf Wohngeld", font=ImageFont.truetype(FONT, 48), fill=0)
    draw.text((100, 260), "Aktenzeichen 50.2-2024-117", font=ImageFont.truetype(FONT, 36), fill=0)
    image.save(folder / "page.png", dpi=(150, 150))
    subprocess.run(
        ["tesseract", str(folder / "page.png"), str(folder / "page"), "-l", "deu", "pdf"],
        check=True,
        capture_output=True,
    )
    with pikepdf.open(folder / "page.pdf") as pdf:
        pdf.Root.OpenAction = pdf.make_indirect(
            pikepdf.Dictionary(S=pikepdf.Name.JavaScript, JS="app.alert(1)")
        )
        pdf.pages[0].obj.AA = pikepdf.Dictionary(O=pikepdf.Dictionary(S=pikepdf.Name.Launch, F="calc.exe"))
        pdf.attachments["x.txt"] = pikepdf.AttachedFileSpec(pdf, b"hidden")
        pdf.save(folder / "active.pdf")
    return (folder / "active.pdf").read_bytes()


def archived_item(
    db: Database, settings: Settings, searchable: bytes, n: int = 1, route: str = "sozialamt"
) -> str:
    """An approved item with a real searchable PDF, an original, pages that were turned and
    straightened, a scanned file with a separator sheet and a blank page, and a review."""
    item_id = make_item(db, settings, n, state="approved", route=route)
    home = settings.home
    (home / "archive" / "pdf" / f"{item_id}.pdf").write_bytes(searchable)
    original = home / "archive" / "originals" / f"original-{n}.pdf"
    original.parent.mkdir(parents=True, exist_ok=True)
    original.write_bytes(b"%PDF-1.4 the scan as it came\n")
    with db.session() as session:
        item = session.get_one(Item, item_id)
        source = session.get_one(SourceFile, item.source_id)
        source.archive_path, source.page_count = str(original.relative_to(home)), 4
        source.split_info = {"dpi": [300, 300, 300, 300], "separators": [2], "blanks": [3]}
        for number, (rotation, skew, flags) in enumerate(
            [(180, 1.5, ["low_confidence"]), (0, 0.0, [])], start=1
        ):
            session.add(Page(
                item_id=item_id, number=number, source_page=number - 1, rotation=rotation, skew=skew,
                image_path="", text="", words={"words": []}, mean_confidence=80.0, flags={"flags": flags},
            ))  # fmt: skip
        session.add(ReviewDecision(item_id=item_id, user="erika", action="confirm", before={}, after={}))
    return item_id


def station(settings: Settings, **archive) -> Settings:
    values = {
        "operator": "Poststelle, M. Muster",
        "scan_station": "Scanner 2 (Raum 0.14)",
        "scan_profile": "Graustufen 300 dpi duplex",
    }
    return settings.model_copy(update={"archive": ArchiveSettings.model_validate(values | archive)})


def all_objects(pdf: pikepdf.Pdf) -> list[pikepdf.Object]:
    return [obj for obj in pdf.objects if isinstance(obj, pikepdf.Dictionary)]


def test_the_archival_copy_is_pdfa_2b_carries_the_transfer_note_and_keeps_the_original(
    tmp_path: Path, database_url: str, searchable_pdf: bytes
) -> None:
    settings = station(make_settings(tmp_path, database_url))
    db = open_database(database_url)
    item_id = archived_item(db, settings, searchable_pdf)
    original = settings.home / "archive" / "originals" / "original-1.pdf"
    original_bytes = original.read_bytes()
    [delivery] = dispatching.dispatch_once(settings, db, now=T0).deliveries
    assert delivery.outcome == DeliveryOutcome.DELIVERED, delivery.error

    copy = settings.home / "archive" / "pdfa" / f"{item_id}.pdf"
    delivered = settings.home / "offices" / "sozialamt" / f"{item_id}.pdf"
    assert delivered.read_bytes() == copy.read_bytes()
    assert original.read_bytes() == original_bytes  # byte for byte
    assert (settings.home / "archive" / "pdf" / f"{item_id}.pdf").read_bytes() == searchable_pdf
    with pikepdf.open(copy) as pdf:
        [intent] = pdf.Root.OutputIntents
        assert intent.S == pikepdf.Name.GTS_PDFA1 and intent.DestOutputProfile.N == 3
        assert len(intent.DestOutputProfile.read_bytes()) > 1000  # an ICC profile, embedded
        assert pdf.Root.Metadata.read_bytes().startswith(b'<?xpacket begin="\xef\xbb\xbf"')  # an XMP packet
        meta = pdf.open_metadata()
        assert (meta["pdfaid:part"], meta["pdfaid:conformance"]) == ("2", "B")
        assert not pdf.is_encrypted and "/Encrypt" not in pdf.trailer
        fonts = [o for o in all_objects(pdf) if o.get("/Type") == pikepdf.Name.Font]
        descriptors = [o for o in all_objects(pdf) if o.get("/Type") == pikepdf.Name.FontDescriptor]
        assert fonts and descriptors
        assert all(any(k in d for k in ("/FontFile", "/FontFile2", "/FontFile3")) for d in descriptors)
        assert all(
            "/FontDescriptor" in f or "/DescendantFonts" in f
            for f in fonts
            if f.get("/Subtype") != pikepdf.Name.Type3
        )
        actions = [str(o.get("/S")) for o in all_objects(pdf) if "/S" in o]
        assert not {"/JavaScript", "/Launch"} & set(actions)
        assert "/OpenAction" not in pdf.Root and "/AA" not in pdf.pages[0].obj
        assert not pdf.attachments
        assert "Wohngeld" in "".join(
            page.extract_text() for page in __import__("pypdf").PdfReader(copy).pages
        )

        note = read_transfer_note(pdf)
        assert note["item_id"] == item_id
        assert note["operator"] == "Poststelle, M. Muster" and note["scan_station"] == "Scanner 2 (Raum 0.14)"
        assert note["scan_profile"] == "Graustufen 300 dpi duplex" and note["resolution_dpi"] == "300"
        assert (note["pages_scanned"], note["item_pages"]) == ("4", "2")
        assert (note["separator_pages_removed"], note["blank_pages_removed"]) == ("1", "1")
        assert (note["pages_rotated"], note["pages_deskewed"]) == ("1", "1")
        assert (note["qa_result"], note["qa_by"]) == ("geprüft und bestätigt", "erika")
        assert "Seite 1: low_confidence" in note["anomalies"]
        assert json.loads(str(pdf.docinfo["/Transfervermerk"]))["operator"] == "Poststelle, M. Muster"
        assert (
            "pdfaExtension:schemas" in pdf.Root.Metadata.read_bytes().decode()
        )  # the own namespace declared

    sidecar = json.loads(
        (settings.home / "offices" / "sozialamt" / f"{item_id}.json").read_text(encoding="utf-8")
    )
    digest = hashlib.sha256(copy.read_bytes()).hexdigest()
    assert sidecar["archive"]["sha256"] == digest and sidecar["document"]["sha256"] == digest
    assert sidecar["archive"]["searchable_pdf_sha256"] == hashlib.sha256(searchable_pdf).hexdigest()
    assert sidecar["transfer_note"]["qa_by"] == "erika" and sidecar["archive"]["sealed"] is False
    with db.session() as session:
        row = session.get_one(ArchiveCopy, item_id)
        assert (row.sha256, row.sealed, row.path) == (digest, False, f"archive/pdfa/{item_id}.pdf")
        assert row.original_sha256 == hashlib.sha256(b"source 1").hexdigest()
    db.dispose()


def make_seal(folder: Path) -> tuple[Path, Path, x509.Certificate]:
    """A self-signed seal certificate of the city, and its key, as PEM files."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Stadt Musterstadt Poststelle Siegel")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
        .serial_number(x509.random_serial_number()).not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=365))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(x509.KeyUsage(True, True, False, False, False, True, False, False, False), critical=True)
        .sign(key, hashes.SHA256())
    )  # fmt: skip
    key_path, cert_path = folder / "seal.key", folder / "seal.pem"
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return key_path, cert_path, cert


def test_high_protection_items_are_sealed_and_pyhanko_verifies_the_seal(
    tmp_path: Path, searchable_pdf: bytes
) -> None:
    url = f"sqlite:///{tmp_path / 'm.db'}"
    key, cert_path, _ = make_seal(tmp_path)
    cert = load_cert_from_pemder(str(cert_path))  # the trust anchor, as pyHanko takes it
    settings = station(
        make_settings(tmp_path, url),
        protection_high={"routes": ["sozialamt"]},
        seal={"key": key, "cert": cert_path},
    )
    db = open_database(url)
    sealed_id = archived_item(db, settings, searchable_pdf, 1, route="sozialamt")
    plain_id = archived_item(db, settings, searchable_pdf, 2, route="bauamt")
    report = dispatching.dispatch_once(settings, db, now=T0)
    assert report.count(DeliveryOutcome.DELIVERED) == 2, [d.error for d in report.deliveries]

    sealed = settings.home / "archive" / "pdfa" / f"{sealed_id}.pdf"
    with sealed.open("rb") as handle:
        [signature] = PdfFileReader(handle).embedded_signatures
        status = validate_pdf_signature(signature, ValidationContext(trust_roots=[cert]))
    assert status.intact and status.valid and status.trusted
    assert status.coverage.name == "ENTIRE_FILE"
    assert signature.sig_object["/SubFilter"] == "/ETSI.CAdES.detached"  # PAdES
    with pikepdf.open(sealed) as pdf:
        assert read_transfer_note(pdf)["item_id"] == sealed_id  # readable after sealing
        assert pdf.open_metadata()["pdfaid:part"] == "2"
    sidecar = json.loads(
        (settings.home / "offices" / "sozialamt" / f"{sealed_id}.json").read_text(encoding="utf-8")
    )
    assert sidecar["archive"]["sealed"] is True
    with (settings.home / "archive" / "pdfa" / f"{plain_id}.pdf").open("rb") as handle:
        assert PdfFileReader(handle).embedded_signatures == []  # normal protection need: no seal

    tampered = bytearray(sealed.read_bytes())
    at = tampered.index(b"/Transfervermerk")
    tampered[at + 1] = ord("X")  # one byte of the signed content
    (tmp_path / "tampered.pdf").write_bytes(bytes(tampered))
    with (tmp_path / "tampered.pdf").open("rb") as handle:
        [signature] = PdfFileReader(handle, strict=False).embedded_signatures
        assert not validate_pdf_signature(signature, ValidationContext(trust_roots=[cert])).intact
    db.dispose()


def test_high_protection_without_a_seal_is_a_configuration_error(tmp_path: Path) -> None:
    (tmp_path / "mailroom.yaml").write_text(
        "archive:\n  protection_high:\n    routes: [sozialamt]\n", encoding="utf-8"
    )
    with pytest.raises(BadConfig, match="protection_high needs"):
        load_settings({"MAILROOM_CONFIG_DIR": str(tmp_path)})


def test_without_ghostscript_dispatch_stops_and_touches_no_mail(tmp_path: Path, monkeypatch) -> None:
    url = f"sqlite:///{tmp_path / 'm.db'}"
    settings = make_settings(tmp_path, url)
    db = open_database(url)
    item_id = make_item(db, settings, 1)
    monkeypatch.setenv("PATH", str(tmp_path / "nothing"))
    with pytest.raises(MissingDependency, match="apt-get install ghostscript"):
        dispatching.dispatch_once(settings, db, now=T0)
    with db.session() as session:
        assert session.get_one(Item, item_id).state == "auto_approved"
        assert session.query(Delivery).count() == 0
    db.dispose()


def test_a_pdf_ghostscript_cannot_convert_is_a_dead_letter_with_its_message(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'm.db'}"
    settings = make_settings(tmp_path, url)
    db = open_database(url)
    item_id = make_item(db, settings, 1)
    (settings.home / "archive" / "pdf" / f"{item_id}.pdf").write_bytes(b"%PDF-1.4\n1 0 obj << /Kids [ broken")
    [delivery] = dispatching.dispatch_once(settings, db, now=T0).deliveries
    assert delivery.outcome == DeliveryOutcome.DEAD_LETTER
    assert delivery.error.startswith("no PDF/A archival copy: the searchable PDF cannot be read")
    assert (
        not (settings.home / "offices" / "sozialamt").exists()
        and not (settings.home / "archive" / "pdfa").exists()
    )
    db.dispose()
