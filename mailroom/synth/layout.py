"""Draw synthetic mail documents as clean page images, with their ground-truth text.

`render_item` draws the letter of a `MailItem`, then each enclosure, in one of five
layouts (`letter`, `form`, `invoice`, `cv`, `note`), each with random fonts, margins,
letterheads and alignments drawn from the `rng` so that pages look like many senders.
On some first pages it adds the city's receipt stamp, highlighter strokes, handwritten
margin marks and punch holes.

Ground truth (`RenderedPage.text`) holds every piece of text drawn on the page, in
reading order (blocks top to bottom, then left to right), lines joined by "\\n" — except
the receipt stamp, logo marks, signature scribbles (the typed name below is included),
handwritten margin marks, bullet dots and checkbox crosses.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import random
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from PIL import Image

from mailroom.synth import barcodes, fonts
from mailroom.synth import layout_blocks as blocks
from mailroom.synth import layout_marks as marks
from mailroom.synth import layout_parts as parts
from mailroom.synth.document import Document, Fields, MailItem, Paragraph
from mailroom.synth.layout_canvas import INK, Flow, Page, Wobble, wrap
from mailroom.synth.layout_style import Ctx, draw_style

SEPARATOR_CONTENT = "PATCHT"


@dataclass(frozen=True)
class RenderedPage:
    """A clean page: mode "L" or "RGB", white A4 at the dpi asked for, and its text.

    `look` names how the page's document was laid out ("letter/band/line", "email",
    "decision", "flyer" ...), for reports on variety and grouped evaluation.
    """

    image: Image.Image
    text: str
    look: str = ""


def render_item(item: MailItem, rng: random.Random, dpi: int) -> list[RenderedPage]:
    """The pages of the letter, then each enclosure's pages, as clean images with text.

    `dpi` should be 150-300. The receipt stamp carries the item's `received` date (or,
    without one, a day 1-4 days after the letter's date). Raises `MissingDependency` if
    a font role has no installed font.
    """
    received = item.received or item.letter.date + dt.timedelta(days=rng.randint(1, 4))
    out: list[RenderedPage] = []
    for n, doc in enumerate((item.letter, *item.enclosures)):
        style = draw_style(doc, rng)
        if doc.hand:
            style = dataclasses.replace(style, hand_values=True)
        ctx = Ctx(doc, style, rng, dpi)
        pages = LAYOUTS[doc.layout](ctx)
        look = _look(doc, style.letterhead, style.info)
        for i, page in enumerate(pages):
            text = page.reading_text()  # before the marks, which are not text
            _decorate(ctx, page, first=n == 0 and i == 0, received=received, city=item.city)
            image = page.image if ctx.style.colour else page.image.convert("L")
            out.append(RenderedPage(image, text, look))
    return out


EMAIL_STARTS = ("Von:", "Betreff:", "From:", "Absender:")


def _look(doc: Document, letterhead: str, info: str) -> str:
    """A short name of the document's look: layout, and the letterhead variant of letters."""
    first = next((b.text for b in doc.body if isinstance(b, Paragraph)), "")
    if doc.layout == "letter" and (first.startswith(EMAIL_STARTS) or "Nachricht drucken" in first):
        return "email"
    if doc.layout == "letter":
        return f"letter/{letterhead}/{info}"
    if doc.layout == "invoice":
        return f"invoice/{letterhead}"
    if doc.layout == "form":
        return "form/hand" if doc.hand else "form"
    return doc.layout


def _decorate(ctx: Ctx, page: Page, first: bool, received: dt.date, city: str = "") -> None:
    rng, colour = ctx.rng, ctx.style.colour
    if first and rng.random() < 0.3:
        ink = rng.choice([(200, 30, 40), (30, 60, 170), (40, 110, 60)]) if colour else (110, 110, 110)
        marks.receipt_stamp(page, rng, received, ink, city or "Stadtverwaltung")
    if first and rng.random() < 0.12:
        marks.highlight(page, rng, (255, 240, 80) if colour else (225, 225, 225))
    if rng.random() < 0.1:
        marks.margin_note(page, rng, ctx.style.ink if colour else (70, 70, 70))
    if rng.random() < 0.08:
        marks.punch_holes(page, rng)


# --- layouts -----------------------------------------------------------------------------


def new_flow(
    ctx: Ctx,
    first: Page,
    y: float,
    follow: Callable[[], tuple[Page, float]],
    bottom: float,
    right_mm: float | None = None,
) -> Flow:
    s = ctx.style
    return Flow(
        pages=[first],
        y=y,
        left=ctx.mm(s.left_mm),
        right=first.width - ctx.mm(s.right_mm if right_mm is None else right_mm),
        bottom=bottom,
        start_page=follow,
    )


def body_bottom(ctx: Ctx, page: Page) -> float:
    return page.height - ctx.mm(48 if ctx.style.footer else 25)


def follow_page(ctx: Ctx, header: bool) -> Callable[[], tuple[Page, float]]:
    """A maker of follow pages: footer again, a small header with the sender's name."""

    def start() -> tuple[Page, float]:
        page = ctx.new_page()
        if ctx.style.footer:
            parts.footer(ctx, page)
        y = ctx.mm(ctx.rng.uniform(20, 27))
        if header:
            f = ctx.font(8.5, family=ctx.style.head)
            page.text(
                ctx.mm(ctx.style.left_mm), y, ctx.doc.sender.name, f, page.new_block(), ctx.style.accent
            )
            y += ctx.mm(8)
        return page, y

    return start


def letter_layout(ctx: Ctx) -> list[Page]:
    """A DIN 5008 letter (form A or B), with or without letterhead."""
    doc, s, rng = ctx.doc, ctx.style, ctx.rng
    page = ctx.new_page()
    org = s.letterhead != "none"
    window_top = ctx.mm(45 if s.form_b else 27)
    right_mm = s.right_mm
    if org:
        head_bottom = parts.letterhead(ctx, page)
        window_top = max(window_top, head_bottom)
        marks.fold_marks(page, s.form_b)
        if s.footer:
            parts.footer(ctx, page)
        if s.letterhead == "sidebar":
            right_mm = 60
            parts.sidebar(ctx, page, page.width - ctx.mm(52), window_top + ctx.mm(5))
    else:
        head_bottom = parts.citizen_sender(
            ctx, page, ctx.mm(rng.uniform(12, 20)), right_aligned=rng.random() < 0.35
        )
        window_top = max(window_top, head_bottom)
    window_bottom = parts.address_window(ctx, page, window_top, return_line=org or rng.random() < 0.3)
    y = window_bottom
    if s.info == "block" and s.letterhead != "sidebar":
        info_bottom = parts.info_block(ctx, page, ctx.mm(125), window_top + ctx.mm(5))
        y = max(y, info_bottom + ctx.mm(4))
    elif s.info == "line" or s.letterhead == "sidebar":
        y = parts.reference_line(ctx, page, y + ctx.mm(2)) + ctx.mm(4)
    else:
        y = parts.date_line(ctx, page, y)
        if doc.references:
            f = ctx.font(s.size_pt)
            block = page.new_block()
            for label, value in doc.references:
                y += ctx.line_h(s.size_pt)
                page.text(ctx.mm(s.left_mm), y, f"{label}: {value}", f, block)
            y += ctx.line_h(s.size_pt)
    flow = new_flow(
        ctx, page, y + ctx.mm(rng.uniform(2, 8)), follow_page(ctx, org), body_bottom(ctx, page), right_mm
    )
    subject_and_body(ctx, flow)
    parts.closing_and_signature(ctx, flow)
    parts.page_numbers(ctx, flow.pages, flow.bottom)
    return flow.pages


def subject_and_body(ctx: Ctx, flow: Flow, fields_mode: blocks.FieldsMode = "lines") -> None:
    doc, s = ctx.doc, ctx.style
    line_h = ctx.line_h(s.size_pt)
    if doc.subject:
        bold = ctx.font(s.size_pt + ctx.rng.choice([0, 0, 1]), "bold")
        flow.paragraph(doc.subject, bold, line_h)
        flow.skip(line_h * ctx.rng.uniform(0.8, 1.5))
    if doc.salutation:
        flow.line(doc.salutation, ctx.font(s.size_pt), flow.page.new_block(), line_h)
        flow.skip(line_h * max(0.5, s.para_gap))
    blocks.body(ctx, flow, doc.body, fields_mode)


def invoice_layout(ctx: Ctx) -> list[Page]:
    """An invoice: letterhead, address window, invoice data on the right, table, totals."""
    doc, s = ctx.doc, ctx.style
    page = ctx.new_page()
    head_bottom = parts.letterhead(ctx, page)
    footer_top = parts.footer(ctx, page)
    window_top = max(ctx.mm(45 if s.form_b else 27), head_bottom)
    y = parts.address_window(ctx, page, window_top, return_line=True)
    y = max(y, parts.info_block(ctx, page, ctx.mm(125), window_top + ctx.mm(5)) + ctx.mm(4))
    bottom = min(footer_top - ctx.mm(8), page.height - ctx.mm(48))
    flow = new_flow(ctx, page, y + ctx.mm(6), _follow_invoice(ctx), bottom)
    title = doc.title or doc.subject
    flow.paragraph(title, ctx.font(s.size_pt + 3, "bold", s.head), ctx.line_h(s.size_pt + 3))
    flow.skip(ctx.line_h(s.size_pt) * 0.8)
    if doc.subject and doc.title:
        flow.paragraph(doc.subject, ctx.font(s.size_pt, "bold"), ctx.line_h(s.size_pt))
        flow.skip(ctx.line_h(s.size_pt) * 0.5)
    if doc.salutation:
        flow.line(doc.salutation, ctx.font(s.size_pt), flow.page.new_block(), ctx.line_h(s.size_pt))
        flow.skip(ctx.line_h(s.size_pt) * 0.5)
    blocks.body(ctx, flow, doc.body, "lines")
    parts.closing_and_signature(ctx, flow)
    parts.page_numbers(ctx, flow.pages, flow.bottom)
    return flow.pages


def _follow_invoice(ctx: Ctx) -> Callable[[], tuple[Page, float]]:
    def start() -> tuple[Page, float]:
        page = ctx.new_page()
        parts.footer(ctx, page)
        return page, ctx.mm(25)

    return start


def form_layout(ctx: Ctx) -> list[Page]:
    """A printed form: issuer line, title bar, boxed fields, checkboxes, place/date line."""
    doc, s, rng = ctx.doc, ctx.style, ctx.rng
    page = ctx.new_page()
    left, right = ctx.mm(s.left_mm), page.width - ctx.mm(s.right_mm)
    issuer = doc.recipient
    y = ctx.mm(rng.uniform(12, 18))
    if issuer is not None:
        f = ctx.font(9, family=s.head)
        bold = ctx.font(12, "bold", s.head)
        logo = ctx.mm(12)
        marks.logo(page, left, y, logo, rng, s.accent)
        block = page.new_block()
        page.text(left + logo + ctx.mm(4), y + bold.size, issuer.name, bold, block, s.accent)
        if issuer.department:
            page.text(left + logo + ctx.mm(4), y + bold.size + f.size * 1.5, issuer.department, f, block)
        # An empty box for the receipt stamp, as many forms have.
        box_w = ctx.mm(50)
        page.draw.rectangle(
            [right - box_w, y, right, y + ctx.mm(25)], outline=(120, 120, 120), width=max(1, ctx.dpi // 150)
        )
        page.text(
            right - box_w + ctx.mm(1.5),
            y + ctx.mm(3.5),
            "Eingangsvermerk",
            ctx.font(7),
            page.new_block(),
            (110, 110, 110),
        )
        y += ctx.mm(30)
    title = doc.title or doc.subject or "Antrag"
    tf = ctx.font(rng.uniform(13, 16), "bold", s.head)
    bar_h = tf.size * 1.8
    page.draw.rectangle(
        [left, y, right, y + bar_h],
        fill=rng.choice([(232, 232, 232), (240, 240, 240), (255, 255, 255)]),
        outline=INK,
        width=max(1, ctx.dpi // 150),
    )
    page.text(left + ctx.mm(3), y + bar_h * 0.68, title, tf, page.new_block())
    y += bar_h + ctx.mm(5)
    flow = new_flow(ctx, page, y, follow_page(ctx, header=False), page.height - ctx.mm(25))
    body = doc.body
    if not any(isinstance(b, Fields) for b in body):
        sender = doc.sender
        body = (
            Fields(
                "Angaben zur antragstellenden Person",
                (("Name, Vorname", sender.name), ("Anschrift", ", ".join(sender.address))),
            ),
            *body,
        )
    if doc.subject and doc.title:
        flow.paragraph(doc.subject, ctx.font(s.size_pt, "bold"), ctx.line_h(s.size_pt))
    blocks.body(ctx, flow, body, "boxes")
    parts.place_date_signature(ctx, flow)
    code = (
        f"Vordruck {rng.randint(10, 99)}.{rng.randint(1, 9)} – {rng.randint(1, 12):02d}/20"
        f"{rng.randint(18, 25)}"
    )
    for p in flow.pages:
        p.text(left, p.height - ctx.mm(10), code, ctx.font(7.5), p.new_block())
    parts.page_numbers(ctx, flow.pages, flow.bottom)
    return flow.pages


def cv_layout(ctx: Ctx) -> list[Page]:
    """A Lebenslauf: title, name, optional photo box, personal data, timelines."""
    doc, s, rng = ctx.doc, ctx.style, ctx.rng
    page = ctx.new_page()
    flow = new_flow(
        ctx, page, ctx.mm(rng.uniform(15, 25)), follow_page(ctx, header=False), page.height - ctx.mm(25)
    )
    photo = rng.random() < 0.5
    if photo:
        w = ctx.mm(35)
        x1 = flow.right
        marks.photo_box(page, (round(x1 - w), round(flow.y), round(x1), round(flow.y + w * 1.3)))
        flow.right = x1 - w - ctx.mm(5)
    title = doc.title or "Lebenslauf"
    center = rng.random() < 0.4 and not photo
    flow.line(
        title,
        ctx.font(rng.uniform(16, 22), "bold", s.head),
        page.new_block(),
        ctx.line_h(20, 1.3),
        align="center" if center else "left",
    )
    flow.line(
        doc.sender.name,
        ctx.font(13, "bold"),
        page.new_block(),
        ctx.line_h(13, 1.4),
        align="center" if center else "left",
    )
    f = ctx.font(s.size_pt)
    block = page.new_block()
    for item in [*doc.sender.address, *doc.sender.contact]:
        flow.line(item, f, block, ctx.line_h(s.size_pt, 1.25), align="center" if center else "left")
    if photo:
        flow.y = max(flow.y, ctx.mm(25) + ctx.mm(35) * 1.3)
        flow.right = page.width - ctx.mm(s.right_mm)
    flow.skip(ctx.mm(6))
    if doc.subject:
        flow.paragraph(doc.subject, ctx.font(s.size_pt, "bold"), ctx.line_h(s.size_pt))
    blocks.body(ctx, flow, doc.body, "timeline")
    flow.skip(ctx.mm(6))
    if doc.place:
        flow.line(f"{doc.place}, {ctx.date()}", f, flow.page.new_block(), ctx.line_h(s.size_pt))
    if doc.signature:
        flow.need(ctx.mm(18))
        marks.scribble(flow.page, flow.left, flow.y, doc.signature, rng, s.ink)
        flow.skip(ctx.mm(16))
        flow.line(doc.signature, f, flow.page.new_block(), ctx.line_h(s.size_pt))
    parts.page_numbers(ctx, flow.pages, flow.bottom)
    return flow.pages


def note_layout(ctx: Ctx) -> list[Page]:
    """A short handwritten note, larger type, wavy lines, sometimes on ruled paper."""
    doc, s, rng = ctx.doc, ctx.style, ctx.rng
    size_pt = rng.uniform(14, 18)
    size = round(size_pt * ctx.dpi / 72)
    sizes = {max(4, round(size * k)) for k in (0.94, 1.0, 1.0, 1.06)}
    line_h = size * rng.uniform(1.45, 1.7)
    wobble = Wobble(rng, size * 0.06, tuple(fonts.font(s.hand, z) for z in sorted(sizes)), line_h)
    ruled = rng.random() < 0.5
    squared = ruled and rng.random() < 0.25

    top = ctx.mm(rng.uniform(15, 25))

    def start() -> tuple[Page, float]:
        page = ctx.new_page()
        if ruled:  # lines just under the baselines of the text
            marks.ruled_paper(
                page, rng, line_h if not squared else line_h / 2, squared, top + size * 0.95 + size * 0.12
            )
        return page, top

    first, y = start()
    flow = Flow(
        [first],
        y,
        ctx.mm(rng.uniform(22, 32)),
        first.width - ctx.mm(rng.uniform(15, 25)),
        first.height - ctx.mm(20),
        start,
    )
    hand = wobble.fonts[len(wobble.fonts) // 2]
    dated = f"{doc.place}, {doc.date:%d.%m.%y}" if doc.place else f"{doc.date:%d.%m.%y}"
    flow.line(dated, hand, first.new_block(), line_h, align="right", fill=s.ink)
    if doc.recipient is not None:
        to = f"An: {doc.recipient.department or doc.recipient.name}"
        flow.line(to, hand, first.new_block(), line_h, fill=s.ink)
    for label, value in doc.references[:1]:
        flow.line(f"{label}: {value}", hand, first.new_block(), line_h, fill=s.ink)
    flow.skip(line_h)
    if doc.subject:
        flow.paragraph(doc.subject, hand, line_h, fill=s.ink, wobble=wobble)
    if doc.salutation:
        flow.line(doc.salutation, hand, flow.page.new_block(), line_h, fill=s.ink)
    blocks.body(ctx, flow, doc.body, "lines", wobble=wobble, size_pt=size_pt)
    if doc.closing:
        flow.line(doc.closing, hand, flow.page.new_block(), line_h, fill=s.ink)
    if doc.signature:
        flow.line(doc.signature, hand, flow.page.new_block(), line_h, fill=s.ink)
    return flow.pages


def decision_layout(ctx: Ctx) -> list[Page]:
    """A court decision: court name and file number at the top, no address window, the
    body with centred headings; follow pages numbered "- 2 -" with the file number."""
    doc, s, rng = ctx.doc, ctx.style, ctx.rng
    page = ctx.new_page()
    left, right = ctx.mm(s.left_mm), page.width - ctx.mm(s.right_mm)
    top = ctx.mm(rng.uniform(12, 20))
    name_f = ctx.font(rng.uniform(12, 15), "bold", s.head)
    small = ctx.font(8.5, family=s.head)
    block = page.new_block()
    page.text(left, top + name_f.size, doc.sender.name, name_f, block)
    if rng.random() < 0.6:
        page.text(left, top + name_f.size + small.size * 1.6, " · ".join(doc.sender.address), small, block)
    az = doc.references[0][1] if doc.references else ""
    f = ctx.font(s.size_pt)
    if az:
        label = rng.choice(("Aktenzeichen: ", "Az.: ", "Geschäftsnummer: ", ""))
        text = label + az
        page.text(right - f.getlength(text), top + name_f.size, text, f, page.new_block())
    if s.footer:
        parts.footer(ctx, page)
    az_text = az

    def start() -> tuple[Page, float]:
        new = ctx.new_page()
        number = f"- {len(flow.pages) + 1} -"
        y = ctx.mm(15)
        new.text((new.width - f.getlength(number)) / 2, y, number, f, new.new_block())
        if az_text and rng.random() < 0.7:
            new.text(right - f.getlength(az_text), y, az_text, f, new.new_block())
        return new, y + ctx.mm(10)

    flow = new_flow(ctx, page, top + ctx.mm(rng.uniform(22, 32)), start, body_bottom(ctx, page))
    blocks.body(ctx, flow, doc.body, "lines")
    parts.closing_and_signature(ctx, flow)
    if rng.random() < 0.6:
        marks.seal(
            flow.page,
            flow.right - ctx.mm(40),
            min(flow.y, flow.bottom - ctx.mm(30)),
            ctx.mm(26),
            rng,
            s.accent if s.colour else (90, 90, 90),
        )
    return flow.pages


def flyer_layout(ctx: Ctx) -> list[Page]:
    """Printed advertising: a coloured band with a big headline, the text in large type and
    columns, a call-to-action box, the sender at the foot; sometimes an address label."""
    doc, s, rng = ctx.doc, ctx.style, ctx.rng
    page = ctx.new_page()
    left, right = ctx.mm(s.left_mm), page.width - ctx.mm(s.right_mm)
    band = ctx.mm(rng.uniform(35, 60))
    colour = s.accent
    page.draw.rectangle([0, 0, page.width, band], fill=colour)
    title = doc.title or doc.subject
    big = ctx.font(rng.uniform(24, 34), "bold", s.head)
    y = ctx.mm(12) + big.size
    for line in wrap(title, big, right - left)[:2]:
        page.text(left, y, line, big, page.new_block(), (255, 255, 255))
        y += big.size * 1.15
    if doc.subject and doc.title:
        sub = ctx.font(rng.uniform(12, 15), family=s.head)
        page.text(
            left,
            min(band - ctx.mm(5), y + sub.size * 0.3),
            doc.subject,
            sub,
            page.new_block(),
            (245, 245, 245),
        )
    y = band + ctx.mm(8)
    if doc.recipient is not None and rng.random() < 0.5:
        y = parts.address_window(ctx, page, band + ctx.mm(2), return_line=True) + ctx.mm(2)
        mark = rng.choice(("Infopost", "Dialogpost", "Entgelt bezahlt", "Werbesendung"))
        tiny = ctx.font(7.5)
        page.text(right - tiny.getlength(mark) - ctx.mm(2), band + ctx.mm(8), mark, tiny, page.new_block())
    flow = new_flow(ctx, page, y, follow_page(ctx, header=True), page.height - ctx.mm(40))
    big_style = dataclasses.replace(s, size_pt=s.size_pt + rng.choice((0.5, 1, 2)), justify=False)
    blocks.body(Ctx(doc, big_style, rng, ctx.dpi, ctx.blocks), flow, doc.body, "lines")
    last = flow.pages[-1]
    foot = ctx.font(9, family=s.head)
    yb = last.height - ctx.mm(30)
    last.draw.rectangle([left, yb, right, yb + ctx.mm(18)], outline=colour, width=max(2, ctx.dpi // 80))
    info = [doc.sender.name, " · ".join([*doc.sender.address, *doc.sender.contact[:2]])]
    block = last.new_block()
    for i, line in enumerate(info):
        last.text(left + ctx.mm(4), yb + ctx.mm(6) + i * foot.size * 1.5, line, foot, block)
    if doc.signature:
        last.text(left + ctx.mm(4), yb + ctx.mm(6) + 2 * foot.size * 1.5, doc.signature, foot, block)
    return flow.pages


def datasheet_layout(ctx: Ctx) -> list[Page]:
    """The printed view of an electronic invoice: a title bar, then labelled fields in a
    grid and tables, no letterhead and no address window."""
    doc, s, rng = ctx.doc, ctx.style, ctx.rng
    page = ctx.new_page()
    left, right = ctx.mm(s.left_mm), page.width - ctx.mm(s.right_mm)
    y = ctx.mm(rng.uniform(12, 18))
    tf = ctx.font(rng.uniform(14, 17), "bold", s.head)
    bar = tf.size * 1.9
    page.draw.rectangle(
        [left, y, right, y + bar],
        fill=rng.choice([(225, 232, 242), (236, 236, 236), (255, 255, 255)]),
        outline=INK,
    )
    page.text(left + ctx.mm(3), y + bar * 0.68, doc.title or "Rechnung", tf, page.new_block())
    y += bar + ctx.mm(3)
    flow = new_flow(ctx, page, y, follow_page(ctx, header=False), page.height - ctx.mm(22))
    if doc.subject:
        flow.paragraph(doc.subject, ctx.font(s.size_pt - 1.5), ctx.line_h(s.size_pt - 1.5))
    blocks.body(ctx, flow, doc.body, "grid")
    parts.page_numbers(ctx, flow.pages, flow.bottom)
    return flow.pages


LAYOUTS: dict[str, Callable[[Ctx], list[Page]]] = {
    "letter": letter_layout,
    "invoice": invoice_layout,
    "form": form_layout,
    "cv": cv_layout,
    "note": note_layout,
    "decision": decision_layout,
    "flyer": flyer_layout,
    "datasheet": datasheet_layout,
}


# --- separator sheet ---------------------------------------------------------------------


def render_separator(kind: Literal["qr", "code128"], rng: random.Random, dpi: int) -> Image.Image:
    """A PATCHT separator sheet (mode "L", A4 at `dpi`) with a QR code or Code 128 barcode.

    The code is big enough to be read after scanning at 150-300 dpi; the sheet also says
    "Trennblatt" and "PATCH T" in plain text.
    """
    page = Page(dpi, itertools.count())
    family = rng.choice(fonts.families("sans"))
    big = fonts.font(family, page.pt(rng.uniform(36, 48)), "bold")
    small = fonts.font(family, page.pt(14))
    cx = page.width / 2
    y = float(page.mm(rng.uniform(30, 45)))
    for text, f in (("Trennblatt", big), ("PATCH T", big)):
        page.text(cx - f.getlength(text) / 2, y + f.size, text, f, 0)
        y += f.size * 1.4
    y += page.mm(15)
    if kind == "qr":
        code = barcodes.qr_image(SEPARATOR_CONTENT, max(4, page.mm(rng.uniform(2.0, 2.6))))
    else:
        code = barcodes.code128_image(
            SEPARATOR_CONTENT, max(3, page.mm(rng.uniform(0.5, 0.6))), page.mm(rng.uniform(28, 40))
        )
    code_img = Image.fromarray(code, "L").convert("RGB")
    page.image.paste(code_img, (round(cx - code_img.width / 2), round(y)))
    y += code_img.height + page.mm(15)
    for text in (
        "Dieses Blatt trennt die Poststücke eines Stapels.",
        "Bitte vor jedes neue Schriftstück legen.",
    ):
        page.text(cx - small.getlength(text) / 2, y, text, small, 1)
        y += small.size * 1.6
    return page.image.convert("L")
