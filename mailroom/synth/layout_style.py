"""The look of one synthetic document: fonts, sizes, margins, colours, variants.

`draw_style` picks it once per document, so that pages of a letter look alike while
ten letters look like ten senders.
"""

from __future__ import annotations

import datetime as dt
import itertools
import random
from dataclasses import dataclass, field
from typing import Literal

from mailroom.synth import fonts
from mailroom.synth.document import Document
from mailroom.synth.layout_canvas import Color, Font, Page

Letterhead = Literal["logo_left", "centered", "right_block", "band", "sidebar", "official", "none"]

ACCENTS: tuple[Color, ...] = (
    (20, 60, 130),
    (150, 25, 35),
    (20, 110, 70),
    (0, 100, 120),
    (80, 80, 90),
    (200, 90, 10),
    (90, 40, 120),
    (30, 30, 30),
)
HAND_INKS: tuple[Color, ...] = ((25, 45, 150), (20, 20, 60), (40, 40, 40), (10, 70, 160))


@dataclass(frozen=True)
class Style:
    body: fonts.Family
    head: fonts.Family  # letterhead, titles
    hand: fonts.Family  # handwriting: form values, notes
    typed: fonts.Family  # typewriter face for forms filled on a machine
    size_pt: float
    leading: float  # line height / font size
    justify: bool
    para_gap: float  # extra space between paragraphs, in lines
    left_mm: float
    right_mm: float
    form_b: bool  # DIN 5008 form B (45 mm letterhead) or A (27 mm)
    info: Literal["block", "line", "date"]
    letterhead: Letterhead
    accent: Color
    colour: bool  # the page carries colour (else rendered grey)
    footer: bool
    page_numbers: Literal["bottom_right", "bottom_center", "top_right"]
    long_date: bool  # "12. März 2026" instead of "12.03.2026"
    ink: Color  # pen colour for handwriting, ticks, signatures
    hand_values: bool  # form values written by hand (else typed)


@dataclass
class Ctx:
    """Everything a layout function needs while drawing one document."""

    doc: Document
    style: Style
    rng: random.Random
    dpi: int
    blocks: itertools.count[int] = field(default_factory=itertools.count)

    def new_page(self) -> Page:
        return Page(self.dpi, self.blocks)

    def font(
        self, size_pt: float, weight: fonts.Weight = "regular", family: fonts.Family | None = None
    ) -> Font:
        return fonts.font(family or self.style.body, round(size_pt * self.dpi / 72), weight)

    def line_h(self, size_pt: float, leading: float | None = None) -> float:
        return size_pt * self.dpi / 72 * (leading or self.style.leading)

    def mm(self, value: float) -> float:
        return value * self.dpi / 25.4

    def date(self, d: dt.date | None = None) -> str:
        return format_date(d or self.doc.date, self.style.long_date)


MONTH_NAMES = (
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
)


def format_date(d: dt.date, long: bool) -> str:
    return f"{d.day}. {MONTH_NAMES[d.month - 1]} {d.year}" if long else d.strftime("%d.%m.%Y")


def document_text(doc: Document) -> str:
    """All characters the document may draw, to choose fonts that have every glyph."""
    parts = [
        doc.sender.name,
        *doc.sender.address,
        *doc.sender.contact,
        doc.subject,
        doc.salutation,
        doc.closing,
        doc.signature,
        doc.title,
        *doc.enclosure_list,
    ]
    parts += [f"{a} {b}" for a, b in doc.references]
    if doc.recipient:
        parts += [doc.recipient.name, *doc.recipient.address, doc.recipient.department]
    parts.append(repr(doc.body))  # crude but covers every string in the blocks
    return " ".join(parts) + " 0123456789äöüÄÖÜß€§-–:.,()/"


def draw_style(doc: Document, rng: random.Random) -> Style:
    """A random look for `doc` that suits its layout and sender."""
    text = document_text(doc)
    org = doc.sender.kind in ("company", "lawyer", "authority", "court", "city")
    serif_first = doc.sender.kind in ("lawyer", "court") or rng.random() < 0.35
    roles: list[fonts.Role] = ["serif", "sans"] if serif_first else ["sans", "serif"]
    if doc.sender.kind == "citizen" and rng.random() < 0.15:
        roles = ["mono"]
    body = rng.choice(fonts.families(roles[0], text))
    head = (
        body
        if rng.random() < 0.5
        else rng.choice(fonts.families(rng.choice(["sans", "serif", "condensed"]), text))
    )
    letterhead: Letterhead = "none"
    if org:
        letterhead = rng.choice(["logo_left", "centered", "right_block", "band", "sidebar"])
        if doc.sender.kind in ("authority", "court", "city") and rng.random() < 0.5:
            letterhead = "official"
    colour = org and rng.random() < 0.7
    return Style(
        body=body,
        head=head,
        hand=rng.choice(fonts.families("handwriting", text, legible=True)),
        typed=rng.choice(fonts.families("mono", text)),
        size_pt=rng.choice([10, 10.5, 11, 11, 11.5, 12]),
        leading=rng.uniform(1.2, 1.5),
        justify=org and rng.random() < 0.4,
        para_gap=rng.choice([0.0, 0.5, 0.8, 1.0, 1.0]),
        left_mm=rng.uniform(20, 27),
        right_mm=rng.uniform(15, 22),
        form_b=rng.random() < 0.7,
        info=rng.choice(["block", "block", "line"]) if org else "date",
        letterhead=letterhead,
        accent=rng.choice(ACCENTS) if colour else (30, 30, 30),
        colour=colour,
        footer=org and doc.sender.kind != "citizen" and rng.random() < 0.7,
        page_numbers=rng.choice(["bottom_right", "bottom_center", "top_right"]),
        long_date=rng.random() < 0.3,
        ink=rng.choice(HAND_INKS),
        hand_values=rng.random() < 0.6,
    )
