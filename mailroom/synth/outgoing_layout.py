"""Draw the city's own outgoing letters: DIN 5008 form A or B with the address field at
its standard place, so that a window envelope shows it.

The address field (DIN 5008, 85 x 45 mm, 20 mm from the left edge, its top 27 mm below
the top edge in form A, 45 mm in form B) holds, from its top: the Rücksendeangabe (the
sender in one small line, 5 mm), the Zusatz- und Vermerkzone (up to three lines such as
"Einschreiben", 12.7 mm) and the Anschriftzone (up to six lines, 27.3 mm). The
letterhead stays above the field; the information block stands at the right of it.

`render_outgoing` returns the drawn pages with what was written where (`Page.records`),
from which `mailroom.synth.outgoing_pdf` lays the text over the page image.
"""

from __future__ import annotations

import dataclasses
import random

from mailroom.synth import layout_marks as marks
from mailroom.synth import layout_parts as parts
from mailroom.synth.document import Document
from mailroom.synth.layout import body_bottom, follow_page, new_flow, subject_and_body
from mailroom.synth.layout_canvas import INK, Page
from mailroom.synth.layout_style import Ctx, Letterhead, draw_style

FIELD_LEFT_MM = 20.0
FIELD_WIDTH_MM = 85.0
FIELD_HEIGHT_MM = 45.0
FIELD_TOP_MM = {False: 27.0, True: 45.0}  # form A, form B
RETURN_ZONE_MM = 5.0
NOTE_ZONE_MM = 12.7
ADDRESS_ZONE_MM = 27.3
INNER_MARGIN_MM = 5.0
HEADS: tuple[Letterhead, ...] = (
    "official",
    "official",
    "logo_left",
    "centered",
    "right_block",
    "band",
)  # the text starts 5 mm inside the field (DIN 5008: 25 mm from the edge)


def render_outgoing(
    doc: Document, rng: random.Random, dpi: int, form_b: bool, window: tuple[str, ...], notes: tuple[str, ...]
) -> list[Page]:
    """The pages of one outgoing letter from the city (`doc.sender`), drawn at `dpi`.

    `window` are the address lines as printed (name first, postcode and town last);
    `notes` the lines of the Zusatz- und Vermerkzone ("Einschreiben"), at most three.
    Raises ValueError for more than six address or three note lines.
    """
    if not 2 <= len(window) <= 6 or len(notes) > 3:
        raise ValueError(f"a DIN 5008 address field holds 2-6 address and 0-3 note lines: {window}, {notes}")
    style = draw_style(doc, rng)
    style = dataclasses.replace(style, form_b=form_b, footer=rng.random() < 0.8, info="block")
    ctx = Ctx(doc, style, rng, dpi)
    page = ctx.new_page()
    field_top = ctx.mm(FIELD_TOP_MM[form_b])
    _letterhead(ctx, page, field_top - ctx.mm(2))
    marks.fold_marks(page, form_b)
    if style.footer:
        parts.footer(ctx, page)
    field_bottom = _address_field(ctx, page, field_top, window, notes)
    info_bottom = parts.info_block(ctx, page, ctx.mm(125), field_top + ctx.mm(rng.uniform(0, 6)))
    y = max(field_bottom, info_bottom) + ctx.mm(rng.uniform(6, 10))
    flow = new_flow(ctx, page, y, follow_page(ctx, True), body_bottom(ctx, page))
    subject_and_body(ctx, flow)
    parts.closing_and_signature(ctx, flow)
    parts.page_numbers(ctx, flow.pages, flow.bottom)
    return flow.pages


def _letterhead(ctx: Ctx, page: Page, limit: float) -> None:
    """The city's letterhead, ending above `limit` (the address field's top).

    One of the shared letterhead variants when it fits (tried on a scratch page with
    the same random draws), else a compact head: the city's name, the office, a rule.
    """
    for _ in range(4):
        seed = ctx.rng.getrandbits(32)
        variant = ctx.rng.choice(HEADS)
        trial = dataclasses.replace(
            ctx, style=dataclasses.replace(ctx.style, letterhead=variant), rng=random.Random(seed)
        )
        scratch = Page(ctx.dpi, trial.blocks)
        if parts.letterhead(trial, scratch) <= limit:
            parts.letterhead(dataclasses.replace(trial, rng=random.Random(seed)), page)
            return
    _compact_head(ctx, page, limit)


def _compact_head(ctx: Ctx, page: Page, limit: float) -> None:
    party, s = ctx.doc.sender, ctx.style
    left, right = ctx.mm(s.left_mm), page.width - ctx.mm(s.right_mm)
    bold = ctx.font(12, "bold", s.head)
    small = ctx.font(8.5, family=s.head)
    y = ctx.mm(10) + bold.size
    page.text(left, y, party.name, bold, page.new_block(), s.accent)
    if party.department:
        y += small.size * 1.5
        page.text(left, y, party.department, small, page.new_block())
    logo = min(ctx.mm(14), limit - ctx.mm(12))
    if logo > ctx.mm(6):
        marks.logo(page, right - logo, ctx.mm(8), logo, ctx.rng, s.accent)
    rule = min(limit - ctx.mm(1), y + small.size)
    page.draw.line([(left, rule), (right, rule)], fill=s.accent, width=max(1, round(ctx.mm(0.25))))


def _address_field(
    ctx: Ctx, page: Page, top: float, window: tuple[str, ...], notes: tuple[str, ...]
) -> float:
    """The three zones of the address field; returns the field's bottom."""
    rng = ctx.rng
    x = ctx.mm(FIELD_LEFT_MM + INNER_MARGIN_MM + rng.uniform(-0.5, 0.5))
    small = ctx.font(rng.choice([6.5, 7.0, 7.5, 8.0]))
    baseline = top + ctx.mm(RETURN_ZONE_MM - 1.2)
    width = page.text(x, baseline, parts.sender_line(ctx.doc.sender), small, page.new_block())
    if rng.random() < 0.6:
        page.draw.line([(x, baseline + ctx.mm(0.7)), (x + width, baseline + ctx.mm(0.7))], fill=INK, width=1)
    pitch = ctx.mm(ADDRESS_ZONE_MM / 6)  # six lines of 4.23 mm (12 pt)
    note_font = ctx.font(rng.choice([8.0, 9.0, 10.0]), "bold" if rng.random() < 0.4 else "regular")
    zone_bottom = top + ctx.mm(RETURN_ZONE_MM + NOTE_ZONE_MM)
    block = page.new_block()
    for i, note in enumerate(notes):  # set at the bottom of the zone, next to the address
        page.text(x, zone_bottom - ctx.mm(1) - (len(notes) - 1 - i) * pitch, note, note_font, block)
    size = rng.choice([10.0, 10.0, 10.5, 11.0, 11.0, 12.0])
    font = ctx.font(size)
    block = page.new_block()
    for i, line in enumerate(window):
        page.text(x, zone_bottom + pitch * (i + 1) - ctx.mm(0.9), line, font, block)
    return top + ctx.mm(FIELD_HEIGHT_MM)
