"""Body blocks drawn into a flow: paragraphs, tables, form fields, checkboxes, bullets.

`body` dispatches on the block type; `fields_mode` says how `Fields` look in the layout
at hand: boxes of a printed form, a CV timeline, or "label: value" lines in a letter.
Bullet dots and checkbox crosses are drawn as shapes and are not part of the text.
"""

from __future__ import annotations

import re
from typing import Literal

from mailroom.synth import layout_marks as marks
from mailroom.synth.document import Block, Bullets, Checkboxes, Columns, Fields, Heading, Paragraph, Table
from mailroom.synth.layout_canvas import INK, Flow, Font, Wobble, wrap
from mailroom.synth.layout_style import Ctx

FieldsMode = Literal["boxes", "timeline", "lines", "grid"]
_AMOUNT = re.compile(r"^[-+]?[\d.,\s]+(%|€|EUR)?$")


def body(
    ctx: Ctx,
    flow: Flow,
    blocks: tuple[Block, ...],
    fields_mode: FieldsMode,
    wobble: Wobble | None = None,
    size_pt: float | None = None,
) -> None:
    """Draw every block of a document body into `flow`."""
    size = size_pt or ctx.style.size_pt
    for block in blocks:
        if isinstance(block, Paragraph):
            paragraph(ctx, flow, block.text, size, wobble)
        elif isinstance(block, Table):
            table(ctx, flow, block)
        elif isinstance(block, Fields):
            if fields_mode == "boxes":
                field_boxes(ctx, flow, block)
            elif fields_mode == "timeline":
                timeline(ctx, flow, block)
            elif fields_mode == "grid":
                field_grid(ctx, flow, block)
            else:
                field_lines(ctx, flow, block)
        elif isinstance(block, Checkboxes):
            checkboxes(ctx, flow, block)
        elif isinstance(block, Bullets):
            bullets(ctx, flow, block, size)
        elif isinstance(block, Heading):
            heading(ctx, flow, block, size)
        elif isinstance(block, Columns):
            columns(ctx, flow, block)


def heading(ctx: Ctx, flow: Flow, block: Heading, size: float) -> None:
    """A bold heading, centred or at the left margin, with space around it."""
    f = ctx.font(size + (4 if block.large else 0.5), "bold", ctx.style.head if block.large else None)
    line_h = f.size * 1.5
    flow.need(line_h * 3)  # not alone at the foot of a page
    flow.skip(line_h * 0.3)
    for line in wrap(block.text, f, flow.width):
        flow.line(line, f, flow.page.new_block(), line_h, align="center" if block.centered else "left")
    flow.skip(line_h * 0.3)


def columns(ctx: Ctx, flow: Flow, block: Columns) -> None:
    """Two or three columns side by side, each a bold heading over a short wrapped text."""
    n = min(3, max(1, len(block.items)))
    gap = ctx.mm(6)
    width = (flow.width - gap * (n - 1)) / n
    f = ctx.font(ctx.style.size_pt - 0.5)
    bold = ctx.font(ctx.style.size_pt + 1, "bold", ctx.style.head)
    line_h = f.size * ctx.style.leading
    for start in range(0, len(block.items), n):
        row = block.items[start : start + n]
        wrapped = [wrap(text, f, width) for _, text in row]
        heads = [wrap(title, bold, width) for title, _ in row]
        height = max(len(h) * bold.size * 1.3 + len(w) * line_h for h, w in zip(heads, wrapped, strict=True))
        flow.need(height + line_h)
        for i, (head, lines) in enumerate(zip(heads, wrapped, strict=True)):
            x = flow.left + i * (width + gap)
            block_id = flow.page.new_block()
            y = flow.y
            for line in head:
                y += bold.size * 1.3
                flow.page.text(x, y, line, bold, block_id, ctx.style.accent)
            for line in lines:
                y += line_h
                flow.page.text(x, y, line, f, block_id)
        flow.skip(height + line_h)


def field_grid(ctx: Ctx, flow: Flow, fields: Fields) -> None:
    """A data sheet: section title, then label | value rows in two columns, thin rules."""
    f = ctx.font(ctx.style.size_pt - 1.5)
    bold = ctx.font(ctx.style.size_pt - 0.5, "bold")
    line_h = f.size * 1.45
    if fields.title:
        flow.need(line_h * 3)
        flow.skip(line_h * 0.4)
        flow.line(fields.title, bold, flow.page.new_block(), line_h * 1.2)
        flow.page.draw.line(
            [(flow.left, flow.y - line_h * 0.15), (flow.right, flow.y - line_h * 0.15)],
            fill=(120, 120, 120),
            width=max(1, ctx.dpi // 200),
        )
    label_w = min(flow.width * 0.45, max([f.getlength(a) for a, _ in fields.items] + [0]) + ctx.mm(4))
    for label, value in fields.items:
        lines = wrap(value, f, flow.width - label_w) or [""]
        flow.need(line_h * len(lines))
        block = flow.page.new_block()
        flow.page.text(flow.left, flow.y + f.size * 0.95, label, f, block, (70, 70, 70))
        for line in lines:
            flow.page.text(flow.left + label_w, flow.y + f.size * 0.95, line, f, block)
            flow.y += line_h
    flow.skip(line_h * 0.5)


def paragraph(ctx: Ctx, flow: Flow, text: str, size: float, wobble: Wobble | None) -> None:
    if wobble is not None:  # handwriting keeps to whole lines of the pad
        font = wobble.fonts[len(wobble.fonts) // 2]
        flow.paragraph(text, font, wobble.line_h, fill=ctx.style.ink, wobble=wobble)
        flow.skip(wobble.line_h * round(ctx.style.para_gap))
        return
    font = ctx.font(size)
    line_h = font.size * ctx.style.leading
    flow.paragraph(text, font, line_h, justify=ctx.style.justify)
    flow.skip(line_h * ctx.style.para_gap)


def section_header(ctx: Ctx, flow: Flow, title: str, shaded: bool) -> None:
    """A bold section title, on a light grey bar in forms."""
    if not title:
        return
    f = ctx.font(ctx.style.size_pt, "bold", ctx.style.head)
    h = f.size * 1.7
    flow.need(h * 2.5)
    flow.skip(f.size * 0.4)
    if shaded:
        flow.page.draw.rectangle([flow.left, flow.y, flow.right, flow.y + h], fill=(238, 238, 238))
    flow.page.text(flow.left + ctx.mm(1.5), flow.y + h * 0.72, title, f, flow.page.new_block())
    flow.skip(h + f.size * 0.3)


def _value_font(ctx: Ctx) -> tuple[Font, tuple[int, int, int]]:
    if ctx.style.hand_values:
        return ctx.font(13, family=ctx.style.hand), ctx.style.ink
    return ctx.font(11, family=ctx.style.typed), INK


def field_boxes(ctx: Ctx, flow: Flow, fields: Fields) -> None:
    """Labelled boxes, two per row when short, with the values filled in."""
    section_header(ctx, flow, fields.title, shaded=True)
    label_f = ctx.font(7.5)
    value_f, ink = _value_font(ctx)
    pad = ctx.mm(1.5)
    items = list(fields.items)
    i = 0
    while i < len(items):
        pair = items[i : i + 2]
        short = all(len(label) + len(value) < 40 for label, value in pair)
        row = pair if short and len(pair) == 2 else pair[:1]
        col_w = flow.width / len(row)
        wrapped = [wrap(value, value_f, col_w - 2 * pad) or [""] for _, value in row]
        h = label_f.size * 1.5 + value_f.size * 1.3 * max(len(w) for w in wrapped) + pad * 2
        flow.need(h)
        for j, ((label, _), lines) in enumerate(zip(row, wrapped, strict=True)):
            x0 = flow.left + j * col_w
            flow.page.draw.rectangle(
                [x0, flow.y, x0 + col_w, flow.y + h], outline=(60, 60, 60), width=max(1, ctx.dpi // 150)
            )
            block = flow.page.new_block()
            flow.page.text(x0 + pad, flow.y + pad + label_f.size, label, label_f, block)
            y = flow.y + pad + label_f.size * 1.5
            for line in lines:
                y += value_f.size * 1.2
                flow.page.text(x0 + pad * 2, y, line, value_f, block, ink)
        flow.skip(h)
        i += len(row)
    flow.skip(ctx.mm(3))


def timeline(ctx: Ctx, flow: Flow, fields: Fields) -> None:
    """CV style: dates in a narrow left column, entries beside them."""
    section_header(ctx, flow, fields.title, shaded=ctx.rng.random() < 0.3)
    f = ctx.font(ctx.style.size_pt)
    date_f = ctx.font(ctx.style.size_pt, "bold" if ctx.rng.random() < 0.5 else "regular")
    line_h = ctx.line_h(ctx.style.size_pt)
    date_w = max([date_f.getlength(a) for a, _ in fields.items] + [0]) + ctx.mm(6)
    date_w = min(date_w, flow.width * 0.4)
    for label, value in fields.items:
        lines = wrap(value, f, flow.width - date_w) or [""]
        flow.need(line_h * len(lines))
        block = flow.page.new_block()
        flow.page.text(flow.left, flow.y + f.size * 0.95, label, date_f, block)
        for line in lines:
            flow.page.text(flow.left + date_w, flow.y + f.size * 0.95, line, f, block)
            flow.skip(line_h)
        flow.skip(line_h * 0.3)


def field_lines(ctx: Ctx, flow: Flow, fields: Fields) -> None:
    """Letter style: "Label: value" lines."""
    f = ctx.font(ctx.style.size_pt)
    line_h = ctx.line_h(ctx.style.size_pt)
    if fields.title:
        flow.line(fields.title, ctx.font(ctx.style.size_pt, "bold"), flow.page.new_block(), line_h)
    for label, value in fields.items:
        flow.paragraph(f"{label}: {value}", f, line_h)
    flow.skip(line_h * ctx.style.para_gap)


def checkboxes(ctx: Ctx, flow: Flow, group: Checkboxes) -> None:
    """A question with square boxes; ticked options carry a hand-drawn cross."""
    f = ctx.font(ctx.style.size_pt - 0.5)
    line_h = f.size * 1.7
    box = f.size * 0.9
    flow.need(line_h * 2)
    flow.paragraph(group.question, ctx.font(ctx.style.size_pt - 0.5, "bold"), line_h * 0.85)
    horizontal = sum(len(label) for label, _ in group.options) < 60
    x = flow.left
    block = flow.page.new_block()
    for label, ticked in group.options:
        width = box + ctx.mm(2) + f.getlength(label) + ctx.mm(8)
        if not horizontal or x + width > flow.right:
            if x > flow.left or not horizontal:
                flow.need(line_h)
            x = flow.left
        top = flow.y + (line_h - box) / 2
        flow.page.draw.rectangle([x, top, x + box, top + box], outline=INK, width=max(1, ctx.dpi // 120))
        if ticked:
            marks.cross(
                flow.page, (round(x), round(top), round(x + box), round(top + box)), ctx.rng, ctx.style.ink
            )
        flow.page.text(x + box + ctx.mm(2), top + box * 0.9, label, f, block)
        if horizontal:
            x += width
        else:
            flow.skip(line_h)
    if horizontal:
        flow.skip(line_h)
    flow.skip(ctx.mm(2))


def bullets(ctx: Ctx, flow: Flow, group: Bullets, size: float) -> None:
    """A list with dot or square bullets and a hanging indent."""
    f = ctx.font(size)
    line_h = ctx.line_h(size)
    indent = ctx.mm(6)
    square = ctx.rng.random() < 0.3
    for item in group.items:
        flow.need(line_h)
        r = f.size * 0.16
        cx, cy = flow.left + indent * 0.35, flow.y + f.size * 0.6
        if square:
            flow.page.draw.rectangle([cx - r, cy - r, cx + r, cy + r], fill=INK)
        else:
            flow.page.draw.ellipse([cx - r, cy - r, cx + r, cy + r], fill=INK)
        flow.paragraph(item, f, line_h, indent=indent)
    flow.skip(line_h * ctx.style.para_gap)


def _is_amount(text: str) -> bool:
    return bool(text.strip()) and bool(_AMOUNT.match(text.strip()))


def table(ctx: Ctx, flow: Flow, tab: Table) -> None:
    """A ruled table; numeric columns right-aligned; footer rows as right-aligned totals."""
    size = ctx.style.size_pt - 1
    f, bold = ctx.font(size), ctx.font(size, "bold")
    line_h = f.size * 1.35
    pad = ctx.mm(1.5)
    n = max([len(tab.header), *(len(r) for r in tab.rows)] + [1])
    numeric = [all(_is_amount(r[i]) for r in tab.rows if i < len(r)) and bool(tab.rows) for i in range(n)]
    natural = [
        max(
            [bold.getlength(tab.header[i]) if i < len(tab.header) else 0]
            + [f.getlength(r[i]) for r in tab.rows if i < len(r)]
        )
        + 2 * pad
        for i in range(n)
    ]
    scale = min(1.0, flow.width / sum(natural))
    widths = [w * scale for w in natural]
    if scale == 1.0:  # let the widest text column take the slack
        text_cols = [i for i in range(n) if not numeric[i]] or [0]
        widest = max(text_cols, key=lambda i: natural[i])
        widths[widest] += flow.width - sum(natural)
    grid = ctx.rng.random() < 0.4
    block = flow.page.new_block()
    rule = max(1, ctx.dpi // 150)

    def row(cells: tuple[str, ...], font: Font) -> None:
        nonlocal block
        wrapped = [wrap(c, font, widths[i] - 2 * pad) or [""] for i, c in enumerate(cells)]
        h = line_h * max(len(w) for w in wrapped) + pad
        if flow.need(h):
            block = flow.page.new_block()
        x = flow.left
        for i, lines in enumerate(wrapped):
            for k, text in enumerate(lines):
                y = flow.y + pad / 2 + font.size * 0.95 + k * line_h
                tx = x + widths[i] - pad - font.getlength(text) if numeric[i] else x + pad
                flow.page.text(tx, y, text, font, block)
            if grid:
                flow.page.draw.rectangle([x, flow.y, x + widths[i], flow.y + h], outline=INK, width=rule)
            x += widths[i]
        flow.skip(h)

    if tab.header:
        flow.need(line_h * 3)
        row(tab.header, bold)
        flow.page.draw.line([(flow.left, flow.y), (flow.right, flow.y)], fill=INK, width=rule * 2)
    for cells in tab.rows:
        row(cells, f)
    flow.page.draw.line([(flow.left, flow.y), (flow.right, flow.y)], fill=INK, width=rule)
    flow.skip(pad)
    for k, (label, value) in enumerate(tab.footer):
        font = bold if k == len(tab.footer) - 1 else f
        flow.need(line_h)
        y = flow.y + font.size * 0.95
        flow.page.text(flow.right - widths[-1] - ctx.mm(30) - font.getlength(label), y, label, font, block)
        flow.page.text(flow.right - pad - font.getlength(value), y, value, font, block)
        flow.skip(line_h)
    flow.skip(line_h * 0.8)
