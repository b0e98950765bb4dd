"""Small outgoing letters for the tests: a one-page A4 PDF with a text layer, the address
at a chosen place (by default inside the DIN 5008 form B address window), written by hand
so the tests need no PDF library beyond the one that reads it."""

from __future__ import annotations

MM = 72 / 25.4
A4 = (595.28, 841.89)


def letter_pdf(
    address: list[str], body: list[str] = (), left_mm: float = 25.0, top_mm: float = 50.0
) -> bytes:
    """A letter with `address` from (left_mm, top_mm), 5 mm a line, and `body` further down."""
    lines = [(left_mm, top_mm + 5 * n, text) for n, text in enumerate(address)]
    lines += [
        (25.0, 110.0 + 6 * n, text) for n, text in enumerate(body or ["Sehr geehrte Damen und Herren,"])
    ]
    lines.append((25.0, 25.0, "Stadt Musterstadt - Der Oberbürgermeister"))  # letterhead
    content = b"".join(
        b"BT /F1 10 Tf %.2f %.2f Td (%s) Tj ET\n" % (x * MM, A4[1] - y * MM, _escape(text))
        for x, y, text in lines
    )
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %.2f %.2f] /Resources << /Font << /F1 4 0 R >> >> "
        b"/Contents 5 0 R >>" % A4,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body_bytes in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body_bytes)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def _escape(text: str) -> bytes:
    return text.encode("cp1252").replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
