"""Drawing primitives for synthetic pages: a page that records the text it draws, and a
flow that fills pages line by line and starts a new page when one is full.

Every piece of text drawn through `Page.text` is recorded with the block it belongs to;
`Page.reading_text` returns it in reading order: blocks top to bottom then left to right
(by their first line), and inside a block lines top to bottom, pieces left to right.
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Callable
from dataclasses import dataclass, field

from PIL import Image, ImageDraw, ImageFont

Font = ImageFont.FreeTypeFont
Color = tuple[int, int, int]
Box = tuple[int, int, int, int]

A4_MM = (210.0, 297.0)
INK: Color = (25, 25, 30)


@dataclass
class Record:
    block: int
    baseline: int
    x: int
    text: str
    box: Box


@dataclass
class Page:
    """One A4 sheet being drawn (RGB, white) and the text drawn on it."""

    dpi: int
    blocks: itertools.count[int]
    image: Image.Image = field(init=False)
    draw: ImageDraw.ImageDraw = field(init=False)
    records: list[Record] = field(default_factory=list)

    def __post_init__(self) -> None:
        size = (self.mm(A4_MM[0]), self.mm(A4_MM[1]))
        self.image = Image.new("RGB", size, (255, 255, 255))
        self.draw = ImageDraw.Draw(self.image)

    @property
    def width(self) -> int:
        return self.image.width

    @property
    def height(self) -> int:
        return self.image.height

    def mm(self, value: float) -> int:
        return round(value * self.dpi / 25.4)

    def pt(self, value: float) -> int:
        return round(value * self.dpi / 72.0)

    def new_block(self) -> int:
        return next(self.blocks)

    def text(
        self,
        x: float,
        baseline: float,
        s: str,
        font: Font,
        block: int,
        fill: Color = INK,
        anchor: str = "ls",
    ) -> int:
        """Draw `s` with its baseline at `baseline`; record it; return its width."""
        if not s:
            return 0
        self.draw.text((x, baseline), s, font=font, fill=fill, anchor=anchor)
        box = self.draw.textbbox((x, baseline), s, font=font, anchor=anchor)
        self.records.append(Record(block, round(baseline), round(box[0]), s, _int_box(box)))
        return round(font.getlength(s))

    def record(self, block: int, baseline: float, x: float, s: str, box: Box) -> None:
        """Record text drawn by other means (word by word, rotated)."""
        self.records.append(Record(block, round(baseline), round(x), s, box))

    def occupied(self) -> list[Box]:
        return [r.box for r in self.records]

    def reading_text(self) -> str:
        """The recorded text in reading order, one line per baseline of a block."""
        groups: dict[int, list[Record]] = {}
        for rec in self.records:
            groups.setdefault(rec.block, []).append(rec)
        ordered = _rows_then_columns(list(groups.values()), tolerance=self.mm(2))
        lines: list[str] = []
        for group in ordered:
            by_line: dict[int, list[Record]] = {}
            for rec in group:
                by_line.setdefault(rec.baseline, []).append(rec)
            for baseline in sorted(by_line):
                pieces = sorted(by_line[baseline], key=lambda r: r.x)
                lines.append(" ".join(p.text.strip() for p in pieces if p.text.strip()))
        return "\n".join(line for line in lines if line)


def _rows_then_columns(groups: list[list[Record]], tolerance: float) -> list[list[Record]]:
    """Blocks by their top edge; blocks whose tops lie within `tolerance` of the first
    block of a row form that row and are ordered left to right."""

    def top(g: list[Record]) -> int:
        return min(r.box[1] for r in g)

    ordered: list[list[Record]] = []
    row: list[list[Record]] = []
    for group in sorted(groups, key=top):
        if row and top(group) - top(row[0]) > tolerance:
            ordered += sorted(row, key=lambda g: min(r.x for r in g))
            row = []
        row.append(group)
    ordered += sorted(row, key=lambda g: min(r.x for r in g))
    return ordered


def _int_box(box: tuple[float, float, float, float]) -> Box:
    return (round(box[0]), round(box[1]), round(box[2]), round(box[3]))


def wrap(text: str, font: Font, width: float) -> list[str]:
    """Greedy word wrap of `text` to `width` pixels; over-long words are split."""
    lines: list[str] = []
    current = ""
    space = font.getlength(" ")
    current_w = 0.0
    for word in text.split():
        word_w = font.getlength(word)
        while word_w > width and len(word) > 1:
            cut = max(1, int(len(word) * width / word_w) - 1)
            if current:
                lines.append(current)
                current, current_w = "", 0.0
            lines.append(word[:cut])
            word = word[cut:]
            word_w = font.getlength(word)
        if current and current_w + space + word_w > width:
            lines.append(current)
            current, current_w = word, word_w
        elif current:
            current, current_w = f"{current} {word}", current_w + space + word_w
        else:
            current, current_w = word, word_w
    if current:
        lines.append(current)
    return lines


@dataclass
class Wobble:
    """Hand-written look: words wander off the baseline and vary a little in size."""

    rng: random.Random
    amplitude: float  # pixels
    fonts: tuple[Font, ...]  # the same face in slightly different sizes
    line_h: float  # the writer's line pitch (the ruled paper's, if any)


def draw_words(
    page: Page,
    x: float,
    baseline: float,
    words: list[str],
    font: Font,
    block: int,
    fill: Color,
    gap: float,
    wobble: Wobble | None = None,
) -> None:
    """Draw words one by one with `gap` pixels between them; record them as one line."""
    x0 = x
    top, bottom = baseline, baseline
    for word in words:
        f, dy = font, 0.0
        if wobble is not None:
            f = wobble.rng.choice(wobble.fonts)
            dy = wobble.rng.uniform(-wobble.amplitude, wobble.amplitude)
        page.draw.text((x, baseline + dy), word, font=f, fill=fill, anchor="ls")
        box = page.draw.textbbox((x, baseline + dy), word, font=f, anchor="ls")
        top, bottom = min(top, box[1]), max(bottom, box[3])
        x += f.getlength(word) + gap
    page.record(block, baseline, x0, " ".join(words), _int_box((x0, top, x, bottom)))


@dataclass
class Flow:
    """Fills pages from top to bottom between `left` and `right`; breaks pages at `bottom`.

    `start_page` makes the next page ready (header, footer) and returns it with the y
    at which text may start.
    """

    pages: list[Page]
    y: float
    left: float
    right: float
    bottom: float
    start_page: Callable[[], tuple[Page, float]]

    @property
    def page(self) -> Page:
        return self.pages[-1]

    @property
    def width(self) -> float:
        return self.right - self.left

    def need(self, height: float) -> bool:
        """Make room for `height` pixels, breaking the page if needed; True if it broke."""
        if self.y + height <= self.bottom:
            return False
        page, y = self.start_page()
        self.pages.append(page)
        self.y = y
        return True

    def skip(self, height: float) -> None:
        self.y += height

    def line(
        self,
        text: str,
        font: Font,
        block: int,
        line_h: float,
        align: str = "left",
        fill: Color = INK,
        x: float | None = None,
    ) -> None:
        """One line of text (not wrapped) at the flow's cursor."""
        self.need(line_h)
        baseline = self.y + font.size * 0.95
        left = self.left if x is None else x
        if align == "right":
            left = self.right - font.getlength(text)
        elif align == "center":
            left = (self.left + self.right - font.getlength(text)) / 2
        self.page.text(left, baseline, text, font, block, fill)
        self.y += line_h

    def paragraph(
        self,
        text: str,
        font: Font,
        line_h: float,
        justify: bool = False,
        fill: Color = INK,
        indent: float = 0.0,
        wobble: Wobble | None = None,
    ) -> None:
        """A wrapped paragraph; a page break inside it starts a new block."""
        width = self.width - indent
        lines = wrap(text, font, width)
        block = self.page.new_block()
        for i, line in enumerate(lines):
            if self.need(line_h):
                block = self.page.new_block()
            baseline = self.y + font.size * 0.95
            words = line.split()
            last = i == len(lines) - 1
            if justify and not last and len(words) > 1:
                natural = sum(font.getlength(w) for w in words)
                gap = (width - natural) / (len(words) - 1)
                draw_words(self.page, self.left + indent, baseline, words, font, block, fill, gap)
            elif wobble is not None:
                gap = font.getlength(" ") * wobble.rng.uniform(1.0, 1.4)
                draw_words(
                    self.page,
                    self.left + indent,
                    baseline,
                    words,
                    font,
                    block,
                    fill,
                    gap,
                    wobble,
                )
            else:
                self.page.text(self.left + indent, baseline, line, font, block, fill)
            self.y += line_h
