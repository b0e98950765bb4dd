"""Files of every bad kind a hot folder sees, made on the fly, with the words their
quarantine reason must contain."""

from __future__ import annotations

import io
import os
import struct
import zlib
from pathlib import Path

from PIL import Image
from pypdf import PdfWriter


def _page_pdf(pages: int = 1, width: float = 595, height: float = 842) -> bytes:
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width, height)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def _png(size: tuple[int, int] = (200, 280)) -> bytes:
    buffer = io.BytesIO()
    Image.new("L", size, 255).save(buffer, "PNG")
    return buffer.getvalue()


def _bomb_png() -> bytes:
    """A valid small PNG whose header claims 100,000 x 100,000 pixels."""
    data = bytearray(_png())
    ihdr = struct.pack(">II", 100_000, 100_000) + bytes(data[24:29])
    data[16:29] = ihdr
    data[29:33] = struct.pack(">I", zlib.crc32(b"IHDR" + ihdr) & 0xFFFFFFFF)
    return bytes(data)


def _encrypted_pdf() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    writer.encrypt(user_password="geheim", owner_password="geheim")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def _jpeg() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (300, 400), "white").save(buffer, "JPEG")
    return buffer.getvalue()


def _tiff() -> bytes:
    buffer = io.BytesIO()
    Image.new("L", (800, 1100), 200).save(buffer, "TIFF", compression="tiff_lzw")
    return buffer.getvalue()


LETTER_LINES = (
    "Stadtverwaltung Chemnitz, Sozialamt",
    "Antrag auf Wohngeld fuer die Wohnung Zwickauer Strasse 12",
    "Sehr geehrte Damen und Herren, hiermit beantrage ich Wohngeld.",
    "Mit freundlichen Gruessen, Erika Mustermann",
)


def text_pdf(pages: int = 1, mediabox: str = "0 0 595 842", lines: tuple[str, ...] = LETTER_LINES) -> bytes:
    """A born-digital PDF written byte by byte: `pages` pages sharing one content stream
    of `lines` in Helvetica, each page with the MediaBox `mediabox` as written."""
    text = " ".join(f"({line}) Tj 0 -16 Td" for line in lines)
    stream = f"BT /F1 11 Tf 72 760 Td {text} ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids ["
        + b" ".join(b"%d 0 R" % (5 + n) for n in range(pages))
        + b"] /Count %d >>" % pages,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    page = f"<< /Type /Page /Parent 2 0 R /MediaBox [{mediabox}] /Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>"
    objects += [page.encode()] * pages
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


# name -> (file name in the inbox, content, words the reason must contain)
BAD_FILES: dict[str, tuple[str, bytes, str]] = {
    "zero_bytes": ("leer.pdf", b"", "empty file"),
    "truncated_pdf": ("abgeschnitten.pdf", _page_pdf(2)[:300], "damaged or truncated"),
    "corrupt_pdf": ("kaputt.pdf", b"%PDF-1.4\n" + os.urandom(2000), "damaged or truncated"),
    "truncated_png": ("halb.png", _png((1200, 1600))[:200], "cannot be"),
    "truncated_jpeg": ("halb.jpg", _jpeg()[:400], "cannot be"),
    "truncated_tiff": ("halb.tif", _tiff()[:300], "cannot be"),
    "encrypted_pdf": ("passwort.pdf", _encrypted_pdf(), "encrypted"),
    "unsupported_type": ("brief.docx", b"PK\x03\x04" + os.urandom(100), "'.docx' files are not taken"),
    "wrong_extension": ("scan.pdf", _png(), "content is PNG"),
    "decompression_bomb": ("riesig.png", _bomb_png(), "decompression bomb"),
    "too_many_pages": ("dick.pdf", _page_pdf(400), "more than the limit of 300"),
    "absurd_page_size": ("plakat.pdf", _page_pdf(1, 72 * 200, 72 * 200), "more than"),
    "swapped_mediabox": ("vertauscht.pdf", text_pdf(1, "9000 0 0 2000"), "(ingest.max_pixels_per_page)"),
    "negative_mediabox": ("negativ.pdf", text_pdf(1, "0 0 -9000 2000"), "(ingest.max_pixels_per_page)"),
}


def write_bad_files(inbox: Path) -> dict[str, Path]:
    """Write every bad file (and a link leaving the folder) into `inbox`."""
    inbox.mkdir(parents=True, exist_ok=True)
    written = {}
    for kind, (name, content, _) in BAD_FILES.items():
        path = inbox / name
        path.write_bytes(content)
        written[kind] = path
    link = inbox / "passwd.pdf"
    os.symlink("/etc/passwd", link)
    written["symlink"] = link
    return written


EXPECTED_REASON = {kind: words for kind, (_, _, words) in BAD_FILES.items()} | {"symlink": "symbolic link"}
