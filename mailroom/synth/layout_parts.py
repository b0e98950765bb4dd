"""The parts of a business letter around its body: letterhead, address window,
information block or reference line, signature, enclosure list, footer, page numbers.

Functions take the drawing context and a page; y positions are pixels. Each returns
what the caller needs to continue (usually the y below what it drew).
"""

from __future__ import annotations

from mailroom.synth import layout_marks as marks
from mailroom.synth.document import Party
from mailroom.synth.layout_canvas import INK, Flow, Page, wrap
from mailroom.synth.layout_style import Ctx

FIRST_NAMES = ("Thomas", "Sabine", "Andreas", "Katrin", "Michael", "Anja", "Jens", "Petra")
LAST_NAMES = ("Richter", "Wolf", "Schubert", "Lehmann", "Krause", "Hofmann", "Vogel", "Berger")
BANKS = (
    ("Sparkasse", "HELADEF1XXX"),
    ("Volksbank", "GENODEF1XXX"),
    ("Deutsche Bank", "DEUTDEDBXXX"),
    ("Commerzbank", "COBADEFFXXX"),
)
PUBLIC_BANKS = (
    ("Deutsche Bundesbank, Filiale", "MARKDEF1XXX"),
    ("Landesbank", "HELADEFFXXX"),
    ("Sparkasse", "HELADEF1XXX"),
)
HOURS = (
    ("Sprechzeiten:", "Mo, Di, Do 8:00–12:00 Uhr", "Do 14:00–18:00 Uhr"),
    ("Öffnungszeiten:", "Mo–Fr 8:00–12:00 Uhr", "und nach Vereinbarung"),
    ("Servicezeiten:", "Mo–Do 7:30–15:30 Uhr", "Fr 7:30–12:00 Uhr"),
    ("Besuchszeiten nur nach", "Terminvereinbarung", "Barrierefreier Zugang"),
)
MACHINE_NOTES = (
    "Dieses Schreiben wurde maschinell erstellt und ist ohne Unterschrift gültig.",
    "Bitte geben Sie bei Rückfragen stets das Aktenzeichen an.",
    "Informationen zum Datenschutz finden Sie auf unserer Internetseite.",
    "Dienstgebäude mit öffentlichen Verkehrsmitteln erreichbar (Haltestelle Rathaus).",
)


def sender_line(party: Party) -> str:
    """The one-line return address above the recipient ("Name · Street · 09111 City")."""
    return " · ".join([party.name, *party.address])


def letterhead(ctx: Ctx, page: Page) -> float:
    """Draw the sender's letterhead in the style's variant; return the y below it."""
    s, rng, party = ctx.style, ctx.rng, ctx.doc.sender
    top = ctx.mm(rng.uniform(10, 16))
    left, right = ctx.mm(s.left_mm), page.width - ctx.mm(s.right_mm)
    name_pt = rng.uniform(15, 22)
    name_font = ctx.font(name_pt, "bold", s.head)
    small = ctx.font(rng.uniform(8, 9), family=s.head)
    block = page.new_block()
    logo_size = ctx.mm(rng.uniform(12, 20))
    contact = [*party.address, *party.contact]
    room = right - left - logo_size - ctx.mm(8)
    while name_font.getlength(party.name) > room and name_pt > 9:  # long names get smaller
        name_pt -= 1
        name_font = ctx.font(name_pt, "bold", s.head)
    if s.letterhead == "official":
        return _official_head(ctx, page, top, left, right)
    if s.letterhead == "logo_left":
        marks.logo(page, left, top, logo_size, rng, s.accent)
        x = left + logo_size + ctx.mm(5)
        page.text(x, top + name_font.size * 0.9, party.name, name_font, block, s.accent)
        page.text(
            x,
            top + name_font.size * 0.9 + small.size * 1.6,
            "  |  ".join(contact[:3]),
            small,
            page.new_block(),
        )
        y = top + max(logo_size, name_font.size + small.size * 2)
    elif s.letterhead == "centered":
        w = name_font.getlength(party.name)
        page.text((page.width - w) / 2, top + name_font.size, party.name, name_font, block, s.accent)
        line = " · ".join(contact[:3])
        y = top + name_font.size * 1.3 + small.size * 1.2
        page.text((page.width - small.getlength(line)) / 2, y, line, small, page.new_block())
        y += small.size * 0.8
        page.draw.line([(left, y), (right, y)], fill=s.accent, width=max(1, round(ctx.mm(0.3))))
    elif s.letterhead == "right_block":
        if rng.random() < 0.6:
            marks.logo(page, left, top, logo_size, rng, s.accent)
        y = top + name_font.size
        page.text(right - name_font.getlength(party.name), y, party.name, name_font, block, s.accent)
        info = page.new_block()
        for item in contact[:4]:
            y += small.size * 1.35
            page.text(right - small.getlength(item), y, item, small, info)
        y = max(y, top + logo_size)
    elif s.letterhead == "band":
        page.draw.rectangle([0, 0, page.width, ctx.mm(rng.uniform(4, 8))], fill=s.accent)
        y = top + ctx.mm(3) + name_font.size
        page.text(left, y, party.name, name_font, block, s.accent)
        marks.logo(page, right - logo_size, top, logo_size, rng, s.accent)
        y = max(y, top + logo_size)
    else:  # sidebar: name on top, contact column at the right edge (drawn by the caller)
        y = top + name_font.size
        page.text(left, y, party.name, name_font, block, s.accent)
        marks.logo(page, right - logo_size, top, logo_size, rng, s.accent)
        y = max(y, top + logo_size)
    return y + ctx.mm(3)


def _official_head(ctx: Ctx, page: Page, top: float, left: float, right: float) -> float:
    """An authority's or court's head: the body's name in plain bold lines at the left
    (split at " – " and ","), a thin rule, and at the right the visiting address and
    phone in small type; returns the y below it."""
    party, s, rng = ctx.doc.sender, ctx.style, ctx.rng
    pt = rng.uniform(11, 14)
    bold = ctx.font(pt, "bold", s.head)
    small = ctx.font(8, family=s.head)
    lines = [p.strip() for p in party.name.replace(" – ", "|").replace(", ", "|").split("|") if p.strip()]
    block = page.new_block()
    y = top
    for line in lines:
        for part in wrap(line, bold, (right - left) * 0.55):
            y += bold.size * 1.25
            page.text(left, y, part, bold, block, s.accent)
    if party.department and rng.random() < 0.7:
        y += small.size * 1.6
        page.text(left, y, party.department, ctx.font(9, family=s.head), page.new_block())
    info = page.new_block()
    ry = top
    for item in [*party.address, *party.contact[:2]]:
        ry += small.size * 1.45
        page.text(right - small.getlength(item), ry, item, small, info)
    y = max(y, ry) + ctx.mm(2.5)
    page.draw.line([(left, y), (right, y)], fill=s.accent, width=max(1, round(ctx.mm(0.25))))
    return y + ctx.mm(2)


def sidebar(ctx: Ctx, page: Page, x: float, y: float) -> None:
    """The contact column of the `sidebar` letterhead, from `y` down; long lines wrap."""
    party = ctx.doc.sender
    f = ctx.font(8.5, family=ctx.style.head)
    bold = ctx.font(8.5, "bold", ctx.style.head)
    width = page.width - x - ctx.mm(6)
    block = page.new_block()
    for line in wrap(party.name, bold, width):
        page.text(x, y, line, bold, block, ctx.style.accent)
        y += bold.size * 1.4
    y -= f.size * 1.4
    for item in [*party.address, "", *party.contact]:
        for line in wrap(item, f, width) or [""]:
            y += f.size * 1.4
            page.text(x, y, line, f, block)


def citizen_sender(ctx: Ctx, page: Page, top: float, right_aligned: bool) -> float:
    """A private sender's own address at the top left or right; returns the y below."""
    party = ctx.doc.sender
    f = ctx.font(ctx.style.size_pt)
    line_h = ctx.line_h(ctx.style.size_pt, 1.25)
    block = page.new_block()
    y = top
    right = page.width - ctx.mm(ctx.style.right_mm)
    for item in [party.name, *party.address, *party.contact[:2]]:
        y += line_h
        x = right - f.getlength(item) if right_aligned else ctx.mm(ctx.style.left_mm)
        page.text(x, y, item, f, block)
    return y + line_h


def address_window(ctx: Ctx, page: Page, top: float, return_line: bool) -> float:
    """The DIN 5008 address field at `top` (x = 20-25 mm); returns its bottom."""
    doc, s = ctx.doc, ctx.style
    x = ctx.mm(s.left_mm if ctx.rng.random() < 0.5 else 20)
    if return_line:
        f = ctx.font(7.5)
        y = top + ctx.mm(4)
        w = page.text(x, y, sender_line(doc.sender), f, page.new_block())
        if ctx.rng.random() < 0.5:
            page.draw.line([(x, y + ctx.mm(0.8)), (x + w, y + ctx.mm(0.8))], fill=INK, width=1)
    recipient = doc.recipient
    if recipient is None:
        return top + ctx.mm(45)
    lines = [recipient.name]
    lines += [recipient.department] if recipient.department else []
    lines += [recipient.person] if recipient.person else []
    lines += list(recipient.address)
    f = ctx.font(s.size_pt)
    y = top + ctx.mm(17.7 if return_line else 8)
    block = page.new_block()
    for item in lines:
        y += ctx.line_h(s.size_pt, 1.2)
        page.text(x, y, item, f, block)
    return max(top + ctx.mm(45), y + ctx.mm(4))


def info_rows(ctx: Ctx) -> list[tuple[str, str]]:
    """The rows of the information block: references, contact person, date."""
    doc = ctx.doc
    rows = list(doc.references)
    if doc.sender.person and ctx.rng.random() < 0.7:
        rows.append(("Bearbeiter" if ctx.rng.random() < 0.5 else "Ansprechpartner", doc.sender.person))
    rows += [tuple(c.split(" ", 1)) for c in doc.sender.contact[:1] if " " in c]  # type: ignore[misc]
    rows.append(("Datum", ctx.date()))
    return rows


def info_block(ctx: Ctx, page: Page, x: float, top: float) -> float:
    """The information block on the right (label and value per row); returns its bottom."""
    f = ctx.font(ctx.style.size_pt - 1.5)
    bold = ctx.font(ctx.style.size_pt - 1.5, "bold")
    label_w = max(f.getlength(a + ":") for a, _ in info_rows(ctx)) + ctx.mm(3)
    block = page.new_block()
    y = top
    for label, value in info_rows(ctx):
        y += f.size * 1.45
        page.text(x, y, label + ":", f, block)
        page.text(x + label_w, y, value, bold if label == "Datum" else f, block)
    return y + f.size


def reference_line(ctx: Ctx, page: Page, y: float) -> float:
    """The reference line: small labels with the values below, in columns."""
    rows = [*ctx.doc.references[:3], ("Datum", ctx.date())]
    if ctx.rng.random() < 0.5:  # the DIN 5008 Bezugszeichenzeile with its fixed labels
        refs = ctx.doc.references
        theirs = next((v for k, v in refs if k.startswith("Ihr")), "")
        ours = next((v for k, v in refs if not k.startswith("Ihr")), "")
        person = ctx.doc.sender.person.split(",")[0]
        phone = next((c.split(" ", 1)[1] for c in ctx.doc.sender.contact if c.startswith("Tel")), "")
        rows = [
            ("Ihr Zeichen, Ihre Nachricht vom", theirs),
            ("Unser Zeichen, unsere Nachricht vom", ours),
            ("Telefon, Name", f"{phone} {person}".strip()),
            ("Datum", ctx.date()),
        ]
    label_f, value_f = ctx.font(7.5), ctx.font(ctx.style.size_pt - 1)
    left = ctx.mm(ctx.style.left_mm)
    col_w = (page.width - left - ctx.mm(ctx.style.right_mm)) / max(4, len(rows))
    for i, (label, value) in enumerate(rows):
        block = page.new_block()
        x = left + i * col_w
        page.text(x, y + label_f.size, label, label_f, block)
        page.text(x, y + label_f.size * 1.4 + value_f.size, value, value_f, block)
    return y + label_f.size * 1.6 + value_f.size * 1.4


def date_line(ctx: Ctx, page: Page, y: float) -> float:
    """ "Chemnitz, 12.03.2026" aligned right; returns the y below."""
    f = ctx.font(ctx.style.size_pt)
    text = f"{ctx.doc.place}, {ctx.date()}" if ctx.doc.place else ctx.date()
    right = page.width - ctx.mm(ctx.style.right_mm)
    page.text(right - f.getlength(text), y + f.size, text, f, page.new_block())
    return y + f.size * 2


def closing_and_signature(ctx: Ctx, flow: Flow) -> None:
    """Closing formula, a signature scribble and the typed name, then the enclosures."""
    doc, s = ctx.doc, ctx.style
    f = ctx.font(s.size_pt)
    line_h = ctx.line_h(s.size_pt)
    extra_line = doc.sender.kind != "citizen" and ctx.rng.random() < 0.4
    if doc.closing:
        # The closing stays with the signature below it (DIN 5008 keeps them together).
        flow.need(line_h * (2.5 + extra_line) + (ctx.mm(16) if doc.signature else 0))
        flow.skip(line_h * 0.5)
        flow.line(doc.closing, f, flow.page.new_block(), line_h)
        if extra_line:
            flow.line(doc.sender.name, f, flow.page.new_block(), line_h)
    if doc.signature:
        flow.need(ctx.mm(16) + line_h)
        marks.scribble(
            flow.page, flow.left + ctx.mm(ctx.rng.uniform(0, 15)), flow.y, doc.signature, ctx.rng, s.ink
        )
        flow.skip(ctx.mm(ctx.rng.uniform(13, 18)))
        flow.line(doc.signature, f, flow.page.new_block(), line_h)
    if doc.enclosure_list:
        flow.skip(line_h)
        title = "Anlage" if len(doc.enclosure_list) == 1 else "Anlagen"
        flow.line(title, ctx.font(s.size_pt, "bold"), flow.page.new_block(), line_h)
        block = flow.page.new_block()
        for item in doc.enclosure_list:
            flow.need(line_h)
            flow.page.text(flow.left, flow.y + f.size * 0.95, item, f, block)
            flow.skip(line_h)


def place_date_signature(ctx: Ctx, flow: Flow) -> None:
    """Two lines at the end of a form: "Ort, Datum" and "Unterschrift", filled in."""
    doc = ctx.doc
    flow.need(ctx.mm(30))
    flow.skip(ctx.mm(8))
    value_f = ctx.font(13, family=ctx.style.hand)
    label_f = ctx.font(7.5)
    half = flow.width / 2
    base = flow.y + ctx.mm(10)
    block = flow.page.new_block()
    if doc.place:
        flow.page.text(
            flow.left + ctx.mm(2),
            base - ctx.mm(1.5),
            f"{doc.place}, {ctx.date()}",
            value_f,
            block,
            ctx.style.ink,
        )
    if doc.signature:
        marks.scribble(
            flow.page, flow.left + half + ctx.mm(5), base - ctx.mm(13), doc.signature, ctx.rng, ctx.style.ink
        )
    for x0 in (flow.left, flow.left + half + ctx.mm(5)):
        flow.page.draw.line(
            [(x0, base), (x0 + half - ctx.mm(10), base)], fill=INK, width=max(1, ctx.dpi // 150)
        )
    labels = flow.page.new_block()
    flow.page.text(flow.left, base + label_f.size * 1.3, "Ort, Datum", label_f, labels)
    flow.page.text(flow.left + half + ctx.mm(5), base + label_f.size * 1.3, "Unterschrift", label_f, labels)
    flow.skip(ctx.mm(16))


def footer(ctx: Ctx, page: Page) -> float:
    """Company footer in small columns (address, contact, bank, register); returns its top.

    Its text is recorded line by line across the columns, as the lines share baselines.
    """
    party = ctx.doc.sender
    f = ctx.font(7.5, family=ctx.style.head)
    seed = sum(map(ord, party.name))  # the same details on every page of one sender
    town = party.address[-1].split(" ", 1)[-1] if party.address else ""
    public = party.kind in ("authority", "court", "city")
    bank, bic = (PUBLIC_BANKS if public else BANKS)[seed % len(BANKS if not public else PUBLIC_BANKS)]
    bank = f"{bank} {town}" if bank in ("Sparkasse", "Volksbank", "Deutsche Bundesbank, Filiale") else bank
    iban = (
        f"DE{seed % 89 + 10} {seed % 9000 + 1000:04d} 0000 {seed * 3 % 9000 + 1000:04d} "
        f"{seed * 7 % 9000 + 1000} 00"
    )
    manager = party.person or f"{FIRST_NAMES[seed % 8]} {LAST_NAMES[seed // 8 % 8]}"
    if public:
        first = ["Dienstgebäude:" if seed % 2 else "Hausanschrift:", *party.address]
        columns = [
            first,
            list(HOURS[seed % len(HOURS)]),
            [f"Bankverbindung: {bank}", f"IBAN {iban}", f"BIC {bic}"],
        ]
        if party.contact:
            columns.insert(1, list(party.contact[:2]))
    else:
        columns = [
            [party.name, *party.address],
            list(party.contact[:3]),
            [bank, f"IBAN {iban}", f"BIC {bic}"],
        ]
    if party.kind in ("company", "lawyer"):
        columns.append(
            [
                f"Geschäftsführer: {manager}" if party.kind == "company" else f"Partner: {manager}",
                f"Amtsgericht {town}",
                f"HRB {seed * 13 % 90000 + 10000}",
                f"USt-IdNr. DE{seed * 97 % 10**9:09d}",
            ]
        )
    columns = [c for c in columns if c]
    left = ctx.mm(ctx.style.left_mm)
    width = page.width - left - ctx.mm(ctx.style.right_mm)
    widths = [max(f.getlength(t) for t in c) for c in columns]
    while len(columns) > 1 and sum(widths) + ctx.mm(4) * (len(columns) - 1) > width:
        drop = 1 if len(columns) > 2 else len(columns) - 1  # the contact column goes first
        del columns[drop], widths[drop]
    gap = (width - sum(widths)) / max(1, len(columns) - 1)
    rows = max(len(c) for c in columns)
    top = page.height - ctx.mm(12) - rows * f.size * 1.3
    page.draw.line(
        [(left, top - ctx.mm(2)), (left + width, top - ctx.mm(2))],
        fill=ctx.style.accent,
        width=max(1, round(ctx.mm(0.2))),
    )
    if public and seed % 3 == 0:  # a line under the columns, as many authorities print
        page.text(
            left, page.height - ctx.mm(6.5), MACHINE_NOTES[seed % len(MACHINE_NOTES)], f, page.new_block()
        )
    x = left
    # One block: the columns share baselines and are read line by line across the page.
    block = page.new_block()
    for column, w in zip(columns, widths, strict=True):
        for j, item in enumerate(column):
            page.text(x, top + f.size * (1 + 1.3 * j), item, f, block)
        x += w + gap
    return top - ctx.mm(4)


def page_numbers(ctx: Ctx, pages: list[Page], bottom: float) -> None:
    """ "Seite i von n" on every page of a multi-page document."""
    if len(pages) < 2:
        return
    f = ctx.font(max(8.0, ctx.style.size_pt - 2))
    left, right = ctx.mm(ctx.style.left_mm), pages[0].width - ctx.mm(ctx.style.right_mm)
    for i, page in enumerate(pages, start=1):
        text = f"Seite {i} von {len(pages)}"
        w = f.getlength(text)
        where = ctx.style.page_numbers
        y = ctx.mm(12) if where == "top_right" and i > 1 else bottom + f.size * 1.6
        x = (left + right - w) / 2 if where == "bottom_center" else right - w
        page.text(x, y, text, f, page.new_block())
