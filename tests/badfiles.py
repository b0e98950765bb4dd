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
