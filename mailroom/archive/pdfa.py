"""The PDF/A-2b archival copy: Ghostscript converts the item's searchable PDF (fonts
embedded, no encryption, XMP with pdfaid part 2 conformance B), then pikepdf adds the sRGB
OutputIntent, takes out anything active that might be left, and writes the transfer note
into the XMP metadata (own namespace, declared by a PDF/A extension schema) and the
document info. The searchable PDF and the original are only read.

Ghostscript is wrapped here and only here."""

from __future__ import annotations

import io
import json
import logging
import shutil
import subprocess
import tempfile
from pathlib import Path

import pikepdf
from lxml import etree

from mailroom.archive.transfer import TransferNote
from mailroom.errors import BadConfig, MissingDependency

log = logging.getLogger(__name__)

NS_TRANSFER = "urn:mailroom:transfervermerk:1.0#"
PREFIX = "tv"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
EXTENSION = "http://www.aiim.org/pdfa/ns/extension/"
SCHEMA = "http://www.aiim.org/pdfa/ns/schema#"
PROPERTY = "http://www.aiim.org/pdfa/ns/property#"
SRGB = "sRGB IEC61966-2.1"
XPACKET_BEGIN = (
    '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n'.encode()
)  # the XMP packet wrapper
XPACKET_END = b'\n<?xpacket end="w"?>'

ACTIVE_ACTIONS = (
    "/JavaScript",
    "/Launch",
    "/ImportData",
    "/SubmitForm",
    "/ResetForm",
    "/Rendition",
    "/Sound",
    "/Movie",
)


class ConversionFailed(Exception):
    """Ghostscript could not make a PDF/A of this file; the message is its own."""


def require_ghostscript(icc_profile: Path) -> str:
    """The path of `gs`. Raises MissingDependency if Ghostscript is missing, BadConfig if
    the ICC profile is not there."""
    gs = shutil.which("gs")
    if gs is None:
        raise MissingDependency(
            "Ghostscript (gs) is not installed; install it with: apt-get install ghostscript"
        )
    if not icc_profile.is_file():
        raise BadConfig(
            f"archive.icc_profile {icc_profile} does not exist; apt-get install icc-profiles-free, or name an sRGB profile"
        )
    return gs


def make_pdfa(searchable: Path, note: TransferNote, icc_profile: Path, timeout: float = 300.0) -> bytes:
    """The PDF/A-2b copy of `searchable` with `note` in its metadata, as bytes.

    Raises ConversionFailed with Ghostscript's message if it fails on the file,
    TimeoutError if it takes longer than `timeout` seconds, MissingDependency without it.
    """
    try:
        with pikepdf.open(searchable) as source:
            pages = len(source.pages)
    except (pikepdf.PdfError, OSError) as exc:
        raise ConversionFailed(f"the searchable PDF cannot be read: {exc}") from exc
    with tempfile.TemporaryDirectory(prefix="mailroom-pdfa-") as work:
        converted = Path(work) / "pdfa.pdf"
        command = [
            "gs", "-q", "-dBATCH", "-dNOPAUSE", "-dSAFER", "-sDEVICE=pdfwrite", "-dPDFA=2",
            "-dPDFACompatibilityPolicy=1", "-sColorConversionStrategy=RGB", f"-sOutputFile={converted}",
            str(searchable),
        ]  # fmt: skip
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
        except FileNotFoundError as exc:
            raise MissingDependency(
                "Ghostscript (gs) is not installed; install it with: apt-get install ghostscript"
            ) from exc
        except subprocess.TimeoutExpired as exc:  # a busy machine, not the file: worth another try
            raise TimeoutError(f"Ghostscript took longer than {timeout:.0f} s") from exc
        if done.returncode != 0 or not converted.is_file():
            raise ConversionFailed(
                f"Ghostscript failed ({done.returncode}): {(done.stderr or done.stdout).strip()[-500:]}"
            )
        with pikepdf.open(converted) as pdf:
            if len(pdf.pages) != pages:  # Ghostscript "repairs" some broken files into fewer pages
                problem = (done.stderr or done.stdout).strip()[-500:]
                raise ConversionFailed(f"Ghostscript made {len(pdf.pages)} of {pages} pages: {problem}")
            _add_output_intent(pdf, icc_profile.read_bytes())
            _remove_active_content(pdf)
            _write_note(pdf, note)
            out = io.BytesIO()
            pdf.save(out, fix_metadata_version=False)
    return out.getvalue()


def read_transfer_note(pdf: pikepdf.Pdf) -> dict[str, str]:
    """The transfer note's fields from the XMP metadata of an archival copy (empty if none)."""
    if "/Metadata" not in pdf.Root:
        return {}
    root = etree.fromstring(pdf.Root.Metadata.read_bytes())
    note = {
        etree.QName(element).localname: element.text or "" for element in root.iter(f"{{{NS_TRANSFER}}}*")
    }
    for description in root.iter(
        f"{{{RDF}}}Description"
    ):  # RDF may hold them as attributes (pyHanko writes so)
        note.update(
            (etree.QName(name).localname, value)
            for name, value in description.attrib.items()
            if etree.QName(name).namespace == NS_TRANSFER
        )
    return note


def _add_output_intent(pdf: pikepdf.Pdf, icc: bytes) -> None:
    profile = pdf.make_stream(icc)
    profile.N = 3
    intent = pikepdf.Dictionary(
        Type=pikepdf.Name.OutputIntent, S=pikepdf.Name.GTS_PDFA1, OutputConditionIdentifier=SRGB,
        Info=SRGB, DestOutputProfile=profile,
    )  # fmt: skip
    pdf.Root.OutputIntents = pikepdf.Array([pdf.make_indirect(intent)])


def _remove_active_content(pdf: pikepdf.Pdf) -> None:
    """Scripts and launch actions must not reach the archive (PDF/A forbids them); the
    item PDF was cleaned at intake already, this makes sure of it for the copy."""
    for key in ("/OpenAction", "/AA"):
        if key in pdf.Root:
            del pdf.Root[key]
    names = pdf.Root.get("/Names")
    if names is not None:
        for key in ("/JavaScript", "/EmbeddedFiles"):
            if key in names:
                del names[key]
    for page in pdf.pages:
        if "/AA" in page.obj:
            del page.obj["/AA"]
        for annot in page.obj.get("/Annots") or []:
            action = annot.get("/A")
            if action is not None and str(action.get("/S")) in ACTIVE_ACTIONS:
                del annot["/A"]
            if "/AA" in annot:
                del annot["/AA"]


def _write_note(pdf: pikepdf.Pdf, note: TransferNote) -> None:
    with pdf.open_metadata(set_pikepdf_as_editor=False) as meta:
        meta["dc:title"] = f"Posteingang {note.item_id}"
        meta["dc:description"] = "Archivexemplar (PDF/A-2b) mit Transfervermerk"
    xmp = etree.fromstring(pdf.Root.Metadata.read_bytes())
    rdf = xmp.find(f".//{{{RDF}}}RDF")
    assert rdf is not None  # pikepdf writes an rdf:RDF
    rdf.append(_note_description(note))
    rdf.append(_extension_schema(note))
    packet = XPACKET_BEGIN + etree.tostring(xmp, encoding="utf-8") + XPACKET_END
    pdf.Root.Metadata = pdf.make_stream(packet, Type=pikepdf.Name.Metadata, Subtype=pikepdf.Name.XML)
    pdf.docinfo["/Transfervermerk"] = json.dumps(note.to_json(), ensure_ascii=False, sort_keys=True)


def _note_description(note: TransferNote) -> etree._Element:
    description = etree.Element(f"{{{RDF}}}Description", nsmap={PREFIX: NS_TRANSFER})
    description.set(f"{{{RDF}}}about", "")
    for name, text in note.fields():
        etree.SubElement(description, f"{{{NS_TRANSFER}}}{name}").text = text
    return description


def _extension_schema(note: TransferNote) -> etree._Element:
    """PDF/A allows own XMP properties only when the file declares them like this."""
    nsmap = {"pdfaExtension": EXTENSION, "pdfaSchema": SCHEMA, "pdfaProperty": PROPERTY}
    description = etree.Element(f"{{{RDF}}}Description", nsmap=nsmap)
    description.set(f"{{{RDF}}}about", "")
    bag = etree.SubElement(etree.SubElement(description, f"{{{EXTENSION}}}schemas"), f"{{{RDF}}}Bag")
    schema = etree.SubElement(bag, f"{{{RDF}}}li")
    schema.set(f"{{{RDF}}}parseType", "Resource")
    etree.SubElement(schema, f"{{{SCHEMA}}}schema").text = "Transfervermerk (BSI TR-03138 RESISCAN)"
    etree.SubElement(schema, f"{{{SCHEMA}}}namespaceURI").text = NS_TRANSFER
    etree.SubElement(schema, f"{{{SCHEMA}}}prefix").text = PREFIX
    seq = etree.SubElement(etree.SubElement(schema, f"{{{SCHEMA}}}property"), f"{{{RDF}}}Seq")
    for name, _text in note.fields():
        prop = etree.SubElement(seq, f"{{{RDF}}}li")
        prop.set(f"{{{RDF}}}parseType", "Resource")
        etree.SubElement(prop, f"{{{PROPERTY}}}name").text = name
        etree.SubElement(prop, f"{{{PROPERTY}}}valueType").text = "Text"
        etree.SubElement(prop, f"{{{PROPERTY}}}category").text = "external"
        etree.SubElement(prop, f"{{{PROPERTY}}}description").text = f"Transfervermerk: {name}"
    return description
