"""Marks on synthetic pages that are not part of the ground-truth text: logos, signature
scribbles, the city's receipt stamp, highlighter strokes, handwritten margin notes,
punch holes, fold marks, ruled paper, photo placeholders and ticks.
"""

from __future__ import annotations

import datetime as dt
import math
import random

from PIL import Image, ImageChops, ImageDraw

from mailroom.synth import fonts
from mailroom.synth.layout_canvas import Box, Color, Page

MONTHS = ("JAN", "FEB", "MRZ", "APR", "MAI", "JUN", "JUL", "AUG", "SEP", "OKT", "NOV", "DEZ")


def logo(page: Page, x: float, y: float, size: float, rng: random.Random, color: Color) -> None:
    """A simple logo mark of `size` pixels made of shapes, top-left at (x, y)."""
    d = page.draw
    kind = rng.choice(["rings", "squares", "bars", "shield", "triangle", "circle_letter"])
    light = tuple(min(255, c + (255 - c) // 2) for c in color)
    if kind == "rings":
        for i, r in enumerate((0.5, 0.35, 0.2)):
            cx, cy = x + size * 0.5, y + size * 0.5
            d.ellipse(
                [cx - r * size, cy - r * size, cx + r * size, cy + r * size],
                fill=color if i % 2 == 0 else (255, 255, 255),
            )
    elif kind == "squares":
        s = size * 0.45
        for i, (dx, dy) in enumerate(((0, 0), (0.55, 0), (0, 0.55), (0.55, 0.55))):
            fill = color if (i + rng.randint(0, 1)) % 2 == 0 else light
            d.rectangle([x + dx * size, y + dy * size, x + dx * size + s, y + dy * size + s], fill=fill)
    elif kind == "bars":
        for i in range(4):
            h = size * (0.4 + 0.2 * i)
            d.rectangle(
                [x + i * size * 0.26, y + size - h, x + i * size * 0.26 + size * 0.18, y + size], fill=color
            )
    elif kind == "shield":
        pts = [
            (x, y),
            (x + size * 0.8, y),
            (x + size * 0.8, y + size * 0.55),
            (x + size * 0.4, y + size),
            (x, y + size * 0.55),
        ]
        d.polygon(pts, fill=light, outline=color, width=max(2, round(size / 18)))
        d.line([(x + size * 0.4, y), (x + size * 0.4, y + size)], fill=color, width=max(2, round(size / 14)))
    elif kind == "triangle":
        d.polygon([(x, y + size), (x + size / 2, y), (x + size, y + size)], fill=color)
        d.polygon(
            [(x + size * 0.3, y + size), (x + size / 2, y + size * 0.55), (x + size * 0.7, y + size)],
            fill=(255, 255, 255),
        )
    else:
        d.ellipse([x, y, x + size, y + size], outline=color, width=max(2, round(size / 10)))
        d.ellipse([x + size * 0.3, y + size * 0.3, x + size * 0.7, y + size * 0.7], fill=color)


def scribble(page: Page, x: float, y: float, name: str, rng: random.Random, color: Color) -> None:
    """A hand signature: the name in a handwriting font, squeezed, slanted and rotated."""
    family = rng.choice(fonts.families("handwriting"))
    size = page.pt(rng.uniform(16, 24))
    font = fonts.font(family, size)
    word = name.split()[-1] if rng.random() < 0.6 and name.split() else name
    word = word[: rng.randint(3, max(3, len(word)))]
    w = int(font.getlength(word)) + size
    layer = Image.new("L", (w, size * 2), 0)
    ImageDraw.Draw(layer).text((size // 4, size * 1.4), word, font=font, fill=255, anchor="ls")
    shear = rng.uniform(0.2, 0.5)
    sx = rng.uniform(0.8, 1.3)
    layer = layer.transform(
        (int(w * sx * 1.3), size * 2),
        Image.Transform.AFFINE,
        (1 / sx, shear, -shear * size, 0, 1, 0),
        resample=Image.Resampling.BILINEAR,
    )
    layer = layer.rotate(rng.uniform(-2, 10), expand=True, resample=Image.Resampling.BILINEAR)
    # A flourish under the name.
    d = ImageDraw.Draw(layer)
    y0 = layer.height * rng.uniform(0.6, 0.75)
    d.line(
        [(layer.width * 0.1, y0), (layer.width * 0.9, y0 - rng.uniform(-8, 8))],
        fill=255,
        width=max(1, size // 14),
    )
    paste_ink(page, layer, round(x), round(y), color)


def paste_ink(page: Page, mask: Image.Image, x: int, y: int, color: Color) -> None:
    """Lay ink of `color` through `mask` (L, 255 = ink) onto the page, like a multiply."""
    ink = Image.new("RGB", mask.size, color)
    region = page.image.crop((x, y, x + mask.width, y + mask.height))
    inked = ImageChops.multiply(region, ink)
    page.image.paste(Image.composite(inked, region, mask), (x, y))


STAMP_KINDS = ("rounded", "eingegangen", "posteingang", "date_only", "office")


def receipt_stamp(
    page: Page,
    rng: random.Random,
    received: dt.date,
    color: Color,
    city: str = "Chemnitz",
) -> None:
    """A receipt stamp in one of several forms (the city's rounded box, "EINGEGANGEN" with a
    line for initials, "Posteingang" with a numeric date, a bare date stamp, an office's
    stamp), rotated a few degrees, placed where it covers as little text as possible."""
    family = rng.choice(fonts.families("sans") + fonts.families("condensed"))
    big, small = page.pt(rng.uniform(11, 14)), page.pt(rng.uniform(7.5, 9))
    bold_small, plain_small = fonts.font(family, small, "bold"), fonts.font(family, small)
    big_bold = fonts.font(family, big, "bold")
    month = f"{received.day:02d}. {MONTHS[received.month - 1]}. {received.year}"
    numeric = received.strftime(rng.choice(("%d.%m.%Y", "%d.%m.%y", "%d. %m. %Y")))
    kind = rng.choice(STAMP_KINDS)
    if kind == "eingegangen":
        lines = [("EINGEGANGEN", big_bold), (month, big_bold), ("Bearb.: ______", plain_small)]
    elif kind == "posteingang":
        lines = [
            (rng.choice(("Posteingang", "Eingang", "Eing.")), plain_small),
            (numeric, big_bold),
            (rng.choice(("Anl.: ____", "Zentrale Poststelle", "")), plain_small),
        ]
    elif kind == "date_only":
        lines = [(month if rng.random() < 0.5 else numeric, big_bold)]
    elif kind == "office":
        office = rng.choice(
            (
                "Rechtsamt",
                "Poststelle",
                "Bürgerservice",
                "Kämmerei",
                "Hauptamt",
                "Büro OB",
                "Fachbereich Soziales",
            )
        )
        lines = [
            (city, bold_small),
            (f"{office} – Eing. {numeric}", plain_small),
            (rng.choice(("Az.: ________", "WV: ________", "")), plain_small),
        ]
    else:
        office = rng.choice(["Poststelle", "Bürgerservice", "Zentrale Poststelle", "Eingang: ____"])
        lines = [
            (city.upper(), bold_small),
            ("Eingang", plain_small),
            (month, big_bold),
            (office, plain_small),
        ]
    lines = [(t, f) for t, f in lines if t]
    pad = page.mm(3)
    w = int(max(f.getlength(t) for t, f in lines)) + 2 * pad
    h = int(sum(f.size * 1.3 for _, f in lines)) + 2 * pad
    layer = Image.new("L", (w, h), 0)
    d = ImageDraw.Draw(layer)
    if kind == "rounded" or kind == "office":
        d.rounded_rectangle([2, 2, w - 3, h - 3], radius=pad, outline=255, width=max(2, page.mm(0.5)))
    elif kind == "eingegangen":
        d.rectangle([2, 2, w - 3, h - 3], outline=255, width=max(3, page.mm(0.7)))
    y = float(pad)
    for text, f in lines:
        d.text(((w - f.getlength(text)) / 2, y + f.size), text, font=f, fill=255, anchor="ls")
        y += f.size * 1.3
    layer = layer.point(lambda v: int(v * rng.uniform(0.75, 0.95)))
    layer = layer.rotate(rng.uniform(-9, 9), expand=True, resample=Image.Resampling.BILINEAR)
    x, y = _free_spot(page, layer.size, rng)
    paste_ink(page, layer, x, int(y), color)


def _free_spot(page: Page, size: tuple[int, int], rng: random.Random) -> tuple[int, int]:
    """The candidate position (upper half preferred) that overlaps the least text, keeping
    a few millimetres off it (a stamp close to a line is read by OCR as part of it)."""
    gap = page.mm(5)
    occupied = [(b[0] - gap, b[1] - gap, b[2] + gap, b[3] + gap) for b in page.occupied()]
    best, best_overlap = (page.mm(120), page.mm(20)), math.inf
    for _ in range(60):
        x = rng.randint(page.mm(10), max(page.mm(10), page.width - size[0] - page.mm(8)))
        y = rng.randint(page.mm(8), max(page.mm(8), page.height // 2))
        overlap = sum(_overlap((x, y, x + size[0], y + size[1]), b) for b in occupied)
        if overlap < best_overlap:
            best, best_overlap = (x, y), overlap
        if overlap == 0:
            break
    return best


def _overlap(a: Box, b: Box) -> int:
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    return max(0, w) * max(0, h)


def highlight(page: Page, rng: random.Random, color: Color) -> None:
    """A highlighter stroke over one recorded line of text."""
    lines = [r.box for r in page.records if r.box[2] - r.box[0] > page.mm(30)]
    if not lines:
        return
    x0, y0, x1, y1 = rng.choice(lines)
    x1 = rng.randint((x0 + x1) // 2, x1)
    pad = page.mm(0.8)
    mask = Image.new("L", (x1 - x0 + 2 * pad, y1 - y0 + 2 * pad), 0)
    ImageDraw.Draw(mask).rounded_rectangle([0, 0, mask.width - 1, mask.height - 1], radius=pad, fill=255)
    paste_ink(page, mask, x0 - pad, y0 - pad, color)


def margin_note(page: Page, rng: random.Random, color: Color) -> None:
    """A handwritten mark in the margin: "erl.", "WV", a tick, an arrow."""
    family = rng.choice(fonts.families("handwriting"))
    f = fonts.font(family, page.pt(rng.uniform(12, 16)))
    x = rng.randint(page.mm(3), page.mm(12))
    y = rng.randint(page.mm(60), page.mm(250))
    text = rng.choice(["erl.", "WV", "z.d.A.", "!", "?", "✓"])
    if text == "✓":
        w = page.mm(4)
        page.draw.line(
            [(x, y), (x + w / 3, y + w / 2), (x + w, y - w / 2)], fill=color, width=max(2, page.mm(0.4))
        )
    else:
        page.draw.text((x, y), text, font=f, fill=color)


def punch_holes(page: Page, rng: random.Random) -> None:
    """Two punched holes at the left edge, dark where the scanner lid shows through."""
    r = page.mm(2.75)
    x = page.mm(rng.uniform(9, 13))
    grey = rng.randint(40, 120)
    for dy in (-40, 40):
        cy = page.mm(148.5 + dy + rng.uniform(-1, 1))
        page.draw.ellipse([x - r, cy - r, x + r, cy + r], fill=(grey, grey, grey))


def fold_marks(page: Page, form_b: bool) -> None:
    """DIN 5008 fold marks and the punch mark at the left edge."""
    width = max(1, page.mm(0.25))
    for y_mm in (105, 210) if form_b else (87, 192):
        page.draw.line(
            [(page.mm(4), page.mm(y_mm)), (page.mm(9), page.mm(y_mm))], fill=(120, 120, 120), width=width
        )
    page.draw.line(
        [(page.mm(4), page.mm(148.5)), (page.mm(11), page.mm(148.5))], fill=(120, 120, 120), width=width
    )


def ruled_paper(page: Page, rng: random.Random, spacing: float, squared: bool, first: float) -> None:
    """Faint lines (or squares) of a writing pad from `first` on, every `spacing` pixels,
    with a margin line now and then."""
    # Light: a pad's lines are faint, and darker ones make Tesseract see a table or image.
    color = rng.choice([(200, 218, 240), (212, 212, 212), (196, 222, 232)])
    width = max(1, page.mm(0.1))
    y = first % spacing
    while y < page.height:
        page.draw.line([(0, y), (page.width, y)], fill=color, width=width)
        y += spacing
    if squared:
        x = float(page.mm(rng.uniform(3, 8)))
        while x < page.width:
            page.draw.line([(x, 0), (x, page.height)], fill=color, width=width)
            x += spacing
    elif rng.random() < 0.5:
        x = float(page.mm(rng.uniform(18, 25)))
        page.draw.line([(x, 0), (x, page.height)], fill=(220, 140, 140), width=width * 2)


def photo_box(page: Page, box: Box) -> None:
    """A passport-photo placeholder: grey frame with a head-and-shoulders silhouette."""
    x0, y0, x1, y1 = box
    page.draw.rectangle(box, fill=(228, 228, 228), outline=(90, 90, 90), width=max(1, page.mm(0.3)))
    w, h = x1 - x0, y1 - y0
    page.draw.ellipse([x0 + w * 0.32, y0 + h * 0.15, x0 + w * 0.68, y0 + h * 0.55], fill=(170, 170, 170))
    page.draw.ellipse([x0 + w * 0.12, y0 + h * 0.6, x0 + w * 0.88, y1 + h * 0.35], fill=(170, 170, 170))
    page.draw.rectangle([x0, y1, x1, y1 + h * 0.4], fill=(255, 255, 255))
    page.draw.rectangle(box, outline=(90, 90, 90), width=max(1, page.mm(0.3)))


def cross(page: Page, box: Box, rng: random.Random, color: Color) -> None:
    """A hand-drawn cross in a checkbox."""
    x0, y0, x1, y1 = box
    j = (x1 - x0) * 0.12
    width = max(2, page.mm(0.45))
    page.draw.line(
        [
            (x0 + rng.uniform(-j, j), y0 + rng.uniform(-j, j)),
            (x1 + rng.uniform(-j, j), y1 + rng.uniform(-j, j)),
        ],
        fill=color,
        width=width,
    )
    page.draw.line(
        [
            (x1 + rng.uniform(-j, j), y0 + rng.uniform(-j, j)),
            (x0 + rng.uniform(-j, j), y1 + rng.uniform(-j, j)),
        ],
        fill=color,
        width=width,
    )


def seal(page: Page, x: float, y: float, size: float, rng: random.Random, color: Color) -> None:
    """A court's round seal: two rings with a simple emblem, faint, a little rotated."""
    layer = Image.new("L", (round(size), round(size)), 0)
    d = ImageDraw.Draw(layer)
    r = size / 2 - 2
    w = max(2, round(size / 40))
    d.ellipse([2, 2, size - 3, size - 3], outline=255, width=w)
    d.ellipse([size * 0.16, size * 0.16, size * 0.84, size * 0.84], outline=255, width=max(1, w // 2))
    # The emblem: a stylised eagle of a body, two wings and a head.
    cx, cy = size / 2, size / 2
    d.polygon(
        [
            (cx - r * 0.45, cy - r * 0.15),
            (cx, cy + r * 0.05),
            (cx + r * 0.45, cy - r * 0.15),
            (cx + r * 0.2, cy + r * 0.25),
            (cx, cy + r * 0.45),
            (cx - r * 0.2, cy + r * 0.25),
        ],
        fill=255,
    )
    d.ellipse([cx - r * 0.09, cy - r * 0.32, cx + r * 0.09, cy - r * 0.14], fill=255)
    for k in range(24):  # the dotted ring where a real seal has its lettering
        a = 2 * math.pi * k / 24
        px, py = cx + r * 0.83 * math.cos(a), cy + r * 0.83 * math.sin(a)
        d.ellipse([px - w, py - w, px + w, py + w], fill=255)
    layer = layer.point(lambda v: int(v * rng.uniform(0.45, 0.7)))
    layer = layer.rotate(rng.uniform(-20, 20), expand=True, resample=Image.Resampling.BILINEAR)
    x0 = max(0, min(page.width - layer.width, round(x)))
    y0 = max(0, min(page.height - layer.height, round(y)))
    paste_ink(page, layer, x0, y0, color)
