"""Write the synthetic outgoing letters: PDFs as an office sends them, scanned copies,
the recipient register and the truth.

The office's PDF is the page image with the letter's text laid over it where it was
drawn (invisible text, Helvetica in WinAnsi encoding), so that `pdftotext` finds every
line at its place, as in a PDF written by an office suite. The scanned copy is the
printed page through one of the synthetic scanners, as an image-only PDF.

Output folder: `letters/<key>.pdf`, `scans/<key>.pdf` (with scans), `register.csv`
(one recipient a row: id, kind, name, extra, street, postcode, city) and `truth.csv`
(key, recipient_id, kind, form, the window as printed).
"""

from __future__ import annotations

import csv
import io
import random
import shutil
import time
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pikepdf
from PIL import Image

from mailroom.errors import BadInput
from mailroom.files import write_atomically
from mailroom.outgoing.records import PostalAddress, Recipient, RecipientKind
from mailroom.parallel import process_pool
from mailroom.synth.cities import BY_NAME, City
from mailroom.synth.layout_canvas import Page
from mailroom.synth.outgoing import OutgoingLetter, plan_outgoing
from mailroom.synth.outgoing_layout import render_outgoing
from mailroom.synth.scan import draw_profile, scan_page

LETTERS_DIR, SCANS_DIR = "letters", "scans"
REGISTER_FILE, TRUTH_FILE = "register.csv", "truth.csv"
REGISTER_COLUMNS = ("id", "kind", "name", "extra", "street", "postcode", "city")
RENDER_DPI = 300
OFFICE_IMAGE_DPI = 150  # the page image under the text of the office's PDF
SCAN_DPI = (200, 300, 300)
SCAN_KINDS = ("office_gray", "office_color", "copier", "cheap_mfp")  # no fax: the city scans its own print
A4_PT = (595.28, 841.89)


@dataclass(frozen=True)
class OutgoingReport:
    folder: Path
    letters: int
    register: int
    seconds: float


def generate_outgoing(
    out: Path,
    count: int,
    seed: int,
    city: str,
    scans: bool = True,
    workers: int = 0,
    force: bool = False,
    progress: Callable[[int], None] | None = None,
) -> OutgoingReport:
    """Write `count` outgoing letters of `city` (a name of `mailroom.synth.cities`) to `out`.

    Raises BadInput for an unknown city or a non-empty `out` without `force`.
    """
    town = _city(city)
    if out.exists() and any(out.iterdir()):
        if not force:
            raise BadInput(f"{out} is not empty; choose another folder or use --force")
        shutil.rmtree(out)
    start = time.monotonic()
    plan = plan_outgoing(count, seed, town)
    (out / LETTERS_DIR).mkdir(parents=True)
    if scans:
        (out / SCANS_DIR).mkdir()
    with process_pool(workers) as pool:
        futures = [pool.submit(write_letter, letter, seed, out, scans) for letter in plan.letters]
        for future in futures:
            future.result()
            if progress:
                progress(1)
    write_register(out / REGISTER_FILE, plan.register)
    _write_truth(out / TRUTH_FILE, plan.letters)
    return OutgoingReport(out, len(plan.letters), len(plan.register), time.monotonic() - start)


def _city(name: str) -> City:
    if name not in BY_NAME:
        known = ", ".join(sorted(BY_NAME)[:8])
        raise BadInput(f"unknown city {name!r}; the generator knows e.g. {known} ({len(BY_NAME)} in all)")
    return BY_NAME[name]


def write_letter(letter: OutgoingLetter, seed: int, out: Path, scans: bool) -> None:
    """Render one letter; write the office's PDF and, with `scans`, its scanned copy."""
    rng = random.Random(f"outgoing-look:{seed}:{letter.key}")
    pages = render_outgoing(letter.document, rng, RENDER_DPI, letter.form_b, letter.window, letter.notes)
    write_atomically(out / LETTERS_DIR / f"{letter.key}.pdf", office_pdf(pages, RENDER_DPI))
    if scans:
        profile = draw_profile(rng)
        while profile.kind not in SCAN_KINDS:
            profile = draw_profile(rng)
        dpi = rng.choice(SCAN_DPI)
        images = []
        for page in pages:
            image = page.image.convert("L") if not profile.color else page.image
            if dpi != RENDER_DPI:
                image = image.resize(
                    (round(image.width * dpi / RENDER_DPI), round(image.height * dpi / RENDER_DPI))
                )
            images.append(scan_page(image, profile, rng).image)
        write_atomically(out / SCANS_DIR / f"{letter.key}.pdf", image_pdf(images, dpi))


def office_pdf(pages: Sequence[Page], dpi: int) -> bytes:
    """A PDF of the drawn pages: each page's image with its text over it, invisible."""
    pdf = pikepdf.new()
    font = pdf.make_indirect(
        pikepdf.Dictionary(
            Type=pikepdf.Name.Font,
            Subtype=pikepdf.Name.Type1,
            BaseFont=pikepdf.Name.Helvetica,
            Encoding=pikepdf.Name.WinAnsiEncoding,
        )
    )
    for page in pages:
        image = page.image.convert("RGB")
        small = image.resize(
            (round(image.width * OFFICE_IMAGE_DPI / dpi), round(image.height * OFFICE_IMAGE_DPI / dpi))
        )
        commands = [f"q {A4_PT[0]:.2f} 0 0 {A4_PT[1]:.2f} 0 0 cm /Im0 Do Q", "BT 3 Tr"]
        scale = 72.0 / dpi
        for rec in page.records:
            x0, y0, x1, y1 = rec.box
            size = max(4.0, (y1 - y0) * scale * 0.95)
            text = _winansi(rec.text)
            natural = 0.5 * size * max(1, len(rec.text))  # about Helvetica's mean width
            stretch = 100.0 * (x1 - x0) * scale / natural
            commands.append(
                f"/F1 {size:.2f} Tf {stretch:.1f} Tz 1 0 0 1 {rec.x * scale:.2f} "
                f"{A4_PT[1] - rec.baseline * scale:.2f} Tm ({_escape(text)}) Tj"
            )
        commands.append("ET")
        _add_page(pdf, small, "\n".join(commands).encode("latin-1"), {"/F1": font})
    return _bytes(pdf)


def image_pdf(images: Sequence[Image.Image], dpi: int) -> bytes:
    """An image-only PDF, one A4 page per image (as a scanner writes it)."""
    pdf = pikepdf.new()
    for image in images:
        _add_page(pdf, image, f"q {A4_PT[0]:.2f} 0 0 {A4_PT[1]:.2f} 0 0 cm /Im0 Do Q".encode(), {})
    return _bytes(pdf)


def _add_page(pdf: pikepdf.Pdf, image: Image.Image, content: bytes, fonts: dict[str, pikepdf.Object]) -> None:
    mode = "RGB" if image.mode == "RGB" else "L"
    buffer = io.BytesIO()
    image.convert(mode).save(buffer, "JPEG", quality=85)
    xobject = pikepdf.Stream(pdf, buffer.getvalue())
    xobject.Type = pikepdf.Name.XObject
    xobject.Subtype = pikepdf.Name.Image
    xobject.Width, xobject.Height = image.width, image.height
    xobject.ColorSpace = pikepdf.Name.DeviceRGB if mode == "RGB" else pikepdf.Name.DeviceGray
    xobject.BitsPerComponent = 8
    xobject.Filter = pikepdf.Name.DCTDecode
    resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(Im0=xobject))
    if fonts:
        resources.Font = pikepdf.Dictionary(fonts)
    page = pikepdf.Dictionary(
        Type=pikepdf.Name.Page,
        MediaBox=[0, 0, A4_PT[0], A4_PT[1]],
        Resources=resources,
        Contents=pikepdf.Stream(pdf, content),
    )
    pdf.pages.append(pikepdf.Page(page))


def _winansi(text: str) -> bytes:
    """The text in the standard fonts' encoding; letters it lacks lose their accent
    ("ś" -> "s", "ı" -> "i"): the one difference from an office suite's embedded fonts."""
    out = bytearray()
    for ch in text:
        try:
            out += ch.encode("cp1252")
        except UnicodeEncodeError:
            base = unicodedata.normalize("NFKD", ch.replace("ı", "i"))[:1]
            out += base.encode("cp1252", "replace")
    return bytes(out)


def _escape(text: bytes) -> str:
    return text.decode("latin-1").replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def _bytes(pdf: pikepdf.Pdf) -> bytes:
    buffer = io.BytesIO()
    pdf.save(buffer)
    return buffer.getvalue()


def write_register(path: Path, register: Sequence[Recipient]) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(REGISTER_COLUMNS)
    for r in register:
        a = r.address
        writer.writerow([r.id, r.kind.value, a.name, a.extra, a.street, a.postcode, a.city])
    write_atomically(path, buffer.getvalue().encode("utf-8"))


def read_register(path: Path) -> tuple[Recipient, ...]:
    """The recipients of a register CSV as `write_register` writes it. Raises BadInput."""
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
        return tuple(
            Recipient(
                row["id"],
                RecipientKind(row["kind"]),
                PostalAddress(row["name"], row["street"], row["postcode"], row["city"], row["extra"]),
            )
            for row in rows
        )
    except (OSError, KeyError, ValueError) as exc:
        raise BadInput(f"cannot read the recipient register {path}: {exc}") from exc


def _write_truth(path: Path, letters: Sequence[OutgoingLetter]) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(("key", "recipient_id", "kind", "form", "window"))
    for letter in letters:
        form = "B" if letter.form_b else "A"
        writer.writerow([letter.key, letter.recipient_id, letter.kind.value, form, " | ".join(letter.window)])
    write_atomically(path, buffer.getvalue().encode("utf-8"))


@dataclass(frozen=True)
class TruthRow:
    key: str
    recipient_id: str
    kind: str
    form: str
    window: str


def read_truth(path: Path) -> tuple[TruthRow, ...]:
    """Which recipient each letter is for. Raises BadInput."""
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            return tuple(TruthRow(**row) for row in csv.DictReader(handle))
    except (OSError, TypeError) as exc:
        raise BadInput(f"cannot read {path}: {exc}") from exc
