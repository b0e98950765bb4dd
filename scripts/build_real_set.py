#!/usr/bin/env python3
"""Build data/real/: a small labelled set of REAL German documents (see data/real/README.md).

Every item comes from a public repository snapshot fetched into /work/.mirror/<owner>+<name>/repo
(a bare git directory); files are read with `git show <commit>:<path>` at the commit pinned in
SOURCES, so the set is reproducible. Documents that exist only as text (court decisions as HTML
or JSON, e-invoices as XML) are laid out here as letter-like pages, keeping the real text:

  * born-digital PDF (own minimal PDF writer, standard Helvetica, text layer), or
  * a "scanned" page image: bilevel 200 dpi multi-page TIFF (CCITT G4) with a slight skew,
    or grayscale JPEG-in-PDF.

At most MAX_PAGES pages per item; longer decisions are cut (noted in labels.csv).
Only Pillow is needed (the project venv has it). Usage:

    .venv/bin/python scripts/build_real_set.py [--out data/real] [--only NAME-PART]
"""

from __future__ import annotations

import argparse
import ast
import csv
import html
import io
import random
import re
import subprocess
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

MIRRORS = Path("/work/.mirror")
MAX_PAGES = 4
FIXED_DATES = {"creationDate": time.gmtime(1704067200), "modDate": time.gmtime(1704067200)}  # reproducible PDFs
FONT_DIR = Path("/usr/share/fonts/truetype/liberation2")  # Liberation Sans = Helvetica metrics
FONTS = {
    "R": FONT_DIR / "LiberationSans-Regular.ttf",
    "B": FONT_DIR / "LiberationSans-Bold.ttf",
    "M": FONT_DIR / "LiberationMono-Regular.ttf",
}
PDF_FONTS = {"R": "Helvetica", "B": "Helvetica-Bold", "M": "Courier"}

# repo -> (commit, licence of the documents taken from it)
SOURCES = {
    "gansb/urteile": (
        "eed2d01fc2d48e285756ccfbaf1e06630a8f03e7",
        "public domain (§ 5 UrhG, amtliches Werk: court decision)",
    ),
    "openlegaldata/oldp": (
        "72a685875e913e6c7e62fc08243c0999cacb9893",
        "public domain (§ 5 UrhG, amtliches Werk: court decision)",
    ),
    "itplr-kosit/xrechnung-testsuite": ("5528afafa9968eb67840da3ced0caf15f8d90a7a", "Apache-2.0"),
    "ZUGFeRD/mustangproject": ("096db40a9806b0b5202028509dff3563efe7fc8c", "Apache-2.0"),
    "gpsloco/reimers": (
        "77488c611de47a4408941ae1fd0cfbce82ff1eac",
        "public domain (§ 5 UrhG, amtliches Werk: court decision; only the decision text quoted on the page is used)",
    ),
    "rdmorganiser/rdmorganiser.github.io": (
        "df98fa12d488e158f91601752b12f2ce5eef9f08",
        "CC0 (materialien.md: Werbematerial unter CC0)",
    ),
}


def git_show(repo: str, path: str) -> bytes:
    commit = SOURCES[repo][0]
    gitdir = MIRRORS / repo.replace("/", "+") / "repo"
    return subprocess.run(
        ["git", "--git-dir", str(gitdir), "show", f"{commit}:{path}"],
        check=True, capture_output=True,
    ).stdout


# ---------------------------------------------------------------- HTML -> paragraphs

_BLOCK = {"p", "div", "h1", "h2", "h3", "h4", "h5", "li", "dd", "dt", "tr", "br", "blockquote",
          "dl", "ol", "ul", "table", "section", "article"}
_HEAD = {"h1", "h2", "h3", "h4", "h5"}


class _Paras(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[tuple[str, str]] = []  # (kind, text): kind "h" heading, "p" paragraph
        self.cur: list[str] = []
        self.skip = 0
        self.head = 0
        self.rdn = False

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "button", "nav"):
            self.skip += 1
        if tag == "span" and ("class", "rdn") in attrs:  # BVerwG margin numbers
            self.rdn = True
        if tag in _BLOCK:
            self.flush()
        if tag in _HEAD:
            self.head += 1
        if tag == "td":
            self.cur.append(" ")

    def handle_endtag(self, tag):
        if tag in ("script", "style", "button", "nav"):
            self.skip = max(0, self.skip - 1)
        if tag == "span" and self.rdn:
            self.rdn = False
            self.cur.append(" ")
        if tag in _BLOCK:
            self.flush()
        if tag in _HEAD:
            self.head = max(0, self.head - 1)

    def handle_data(self, data):
        if not self.skip:
            self.cur.append(data)

    def flush(self):
        text = re.sub(r"\s+", " ", "".join(self.cur)).strip()
        if text:
            self.out.append(("h" if self.head else "p", text))
        self.cur = []


def html_paras(fragment: str) -> list[tuple[str, str]]:
    p = _Paras()
    p.feed(fragment)
    p.flush()
    # join a bare margin number ("12") with the paragraph that follows it
    out: list[tuple[str, str]] = []
    pending = ""
    for kind, text in p.out:
        if kind == "p" and re.fullmatch(r"\d{1,3}", text):
            pending = text + "  "
            continue
        out.append((kind, pending + text if kind == "p" else text))
        pending = ""
    return out


SECTION_WORDS = {"Tenor", "Tatbestand", "Gründe", "Entscheidungsgründe", "Leitsatz", "Leitsätze",
                 "Gründe:", "Tenor:", "Hinweis", "I.", "II.", "III.", "IV.", "A.", "B.", "C."}


def mark_headings(paras):
    return [("h" if (k == "h" or t in SECTION_WORDS) else "p", t) for k, t in paras]


# ---------------------------------------------------------------- decision sources

COURT_NAMES = {
    "VGH München": "Bayerischer Verwaltungsgerichtshof",
    "VG Würzburg": "Verwaltungsgericht Würzburg",
    "VG Augsburg": "Verwaltungsgericht Augsburg",
    "VG München": "Verwaltungsgericht München",
    "SG München": "Sozialgericht München",
    "FG Nürnberg": "Finanzgericht Nürnberg",
    "OLG München": "Oberlandesgericht München",
    "OLG Nürnberg": "Oberlandesgericht Nürnberg",
    "OLG Bamberg": "Oberlandesgericht Bamberg",
    "LG Hof": "Landgericht Hof",
    "LG Nürnberg-Fürth": "Landgericht Nürnberg-Fürth",
    "LG München II": "Landgericht München II",
    "BayObLG": "Bayerisches Oberstes Landesgericht",
}


@dataclass
class Decision:
    court: str
    kind: str  # Urteil, Beschluss, ...
    date: str
    reference: str
    paras: list[tuple[str, str]]
    rubrum: list[str] = field(default_factory=list)


def bavarian(path: str) -> Decision:
    t = git_show("gansb/urteile", path).decode("utf-8")
    title = html.unescape(re.search(r"<title>(.*?)</title>", t, re.S).group(1)).strip()
    m = re.match(r"Bürgerservice - (.+?), (\S+) v\. ([\d.]+) – (.+)$", title)
    court, kind, date, ref = m.groups()
    start = t.index('<h2 class="entsueber">')  # skip the publisher's title/Leitsatz/Schlagworte box
    end = t.index('id="footer"') if 'id="footer"' in t else t.index("</form>")
    body = t[start:end]
    body = body[: body.rfind("</div>")] if "</div>" in body else body
    paras = mark_headings(html_paras(body))
    return Decision(COURT_NAMES.get(court, court), kind, date, ref, _trim_site(paras))


def _trim_site(paras):
    stop = ("Zur Startseite", "Bayern.de", "BayernPortal", "Datenschutz", "Impressum")
    for i, (_, text) in enumerate(paras):
        if text.startswith(stop):
            return paras[:i]
    return paras


def bverwg(path: str) -> Decision:
    t = git_show("gansb/urteile", path).decode("utf-8")
    title = html.unescape(re.search(r"<title>(.*?)</title>", t, re.S).group(1)).strip()
    m = re.match(r"BVerwG (.+?), (\S+) vom (.+?) \|", title)
    ref, kind, date = m.groups()
    stem = Path(path).stem.replace(".", "")  # the page may hold several documents; take this one
    start = t.index('<div class="row entscheidung">', t.index(f'<span id="{stem}"'))
    end = t.index('<aside id="sidebar"')
    paras = mark_headings(html_paras(t[start:end]))
    paras = [(k, x) for k, x in paras if x not in (kind, f"BVerwG {ref}")]
    return Decision("Bundesverwaltungsgericht", kind, date, "BVerwG " + ref, paras)


def bag(path: str) -> Decision:
    t = git_show("gansb/urteile", path).decode("utf-8")
    ref = html.unescape(re.search(r"<strong>Aktenzeichen</strong>\s*<p>(.*?)</p>", t, re.S).group(1))
    kind = re.search(r"<strong>Art</strong>\s*<p>(.*?)</p>", t, re.S).group(1)
    date = re.search(r"<strong>Datum</strong>\s*<p>(.*?)</p>", t, re.S).group(1)
    start = t.index('<article class="decision__body">')
    end = t.index("</article>", start)
    paras = mark_headings(html_paras(t[start:end]))
    return Decision("Bundesarbeitsgericht", kind, date, ref, paras)


def bfh(path: str) -> Decision:
    t = git_show("gansb/urteile", path).decode("utf-8")
    head = html.unescape(re.search(r'<h1 class="a-headline__1">(.*?)</h1>', t, re.S).group(1))
    head = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", head)).strip()
    m = re.match(r"(.+?) vom (.+?), (.+)$", head)  # e.g. "Beschluss vom 22. April 2024, III B 82/23"
    kind, date, ref = (m.groups() if m else ("Entscheidung", "", head))
    start = t.index('<div class="m-article__body">')
    end = t.find("m-article__footer", start)
    paras = mark_headings(html_paras(t[start: end if end > 0 else start + 200000]))
    return Decision("Bundesfinanzhof", kind, date, ref, paras)


def _demojibake(s: str) -> str:
    """Undo UTF-8 read as Latin-1 ("Ã¼" -> "ü"), sequence by sequence."""
    def fix(m):
        try:
            return m.group(0).encode("latin-1").decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            return m.group(0)
    return re.sub(r"[\xc2-\xf4][\x80-\xbf]{1,3}", fix, s)


def openjur_json(path: str) -> Decision:
    import json
    d = json.loads(git_show("openlegaldata/oldp", path).decode("utf-8"))
    raw = d["text"]
    if raw.startswith("b'") or raw.startswith('b"'):
        raw = ast.literal_eval(raw).decode("utf-8")
    frag = html.unescape(raw)
    frag = _demojibake(frag)
    paras = mark_headings(html_paras(frag))
    court = _demojibake(d["court"])
    for short, long in (("OLG ", "Oberlandesgericht "), ("LG ", "Landgericht "), ("AG ", "Amtsgericht "),
                        ("VG ", "Verwaltungsgericht ")):
        if court.startswith(short):
            court = long + court[len(short):]
    return Decision(court, d["type"], _demojibake(d["date"]).strip(), d["reference"], paras)


def oldp_fixture(path: str) -> Decision:
    import json
    d = json.loads(git_show("openlegaldata/oldp", path).decode("utf-8"))
    f = d[0]["fields"] if isinstance(d, list) else d["fields"]
    paras: list[tuple[str, str]] = []
    for line in f["content"].splitlines():
        line = line.strip().strip("|").strip()
        line = re.sub(r"^\d+\|\s*", lambda m: m.group(0)[:-1].rstrip("|") + "  ", line)
        if not line:
            continue
        if line.startswith("#"):
            paras.append(("h", line.lstrip("# ")))
        else:
            paras.append(("p", re.sub(r"\s+", " ", line)))
    y, mo, da = f["date"].split("-")
    return Decision("Bundesgerichtshof", f["type"], f"{da}.{mo}.{y}",
                    f["file_number"].replace("\xa0", " "), mark_headings(paras))


def lawyer_page_quote(path: str) -> Decision:
    """A court decision quoted in full on a lawyer's web page: keep only the decision itself."""
    t = git_show("gpsloco/reimers", path).decode("utf-8")
    start = t.index("<p><b>Beschluss</b>")
    end = t.index("</p>", t.index("gez.", start)) + 4
    paras = mark_headings(html_paras(t[start:end]))
    court = re.search(r"hat das (Amtsgericht \w+)", t).group(1)
    date = re.search(r"am (\d\d\.\d\d\.\d{4})", t[start:]).group(1)
    ref = re.search(r"AZ: ([^<]+?OWI)", t).group(1).strip()
    paras = [(k, x) for k, x in paras if x != "Beschluss"]
    return Decision(court, "Beschluss", date, ref, paras)


# ---------------------------------------------------------------- layout

A4 = (595.0, 842.0)
_font_cache: dict = {}


def font(style: str, size: float) -> ImageFont.FreeTypeFont:
    key = (style, size)
    if key not in _font_cache:
        _font_cache[key] = ImageFont.truetype(str(FONTS[style]), size=int(round(size * 10)))
    return _font_cache[key]


def text_width(text: str, style: str, size: float) -> float:
    return font(style, size).getlength(text) / 10.0  # font loaded at 10x for precision


@dataclass
class Op:
    x: float
    y: float  # baseline, from the top, in pt
    text: str
    style: str = "R"
    size: float = 10.5


class Layout:
    """Flows paragraphs onto A4 pages; coordinates in pt from the top-left."""

    def __init__(self, left=70.0, right=60.0, top=60.0, bottom=70.0, size=10.5, leading=14.0, max_pages=MAX_PAGES):
        self.max_pages = max_pages
        self.left, self.right, self.top, self.bottom = left, right, top, bottom
        self.size, self.leading = size, leading
        self.pages: list[list[Op]] = [[]]
        self.y = top
        self.full = False

    @property
    def width(self):
        return A4[0] - self.left - self.right

    def newpage(self) -> bool:
        if len(self.pages) >= self.max_pages:
            self.full = True
            return False
        self.pages.append([])
        self.y = self.top
        return True

    def line(self, text, x=None, style="R", size=None, align="left"):
        size = size or self.size
        if self.full:
            return False
        if self.y + self.leading > A4[1] - self.bottom and not self.newpage():
            return False
        x0 = self.left if x is None else x
        if align == "center":
            x0 = (A4[0] - text_width(text, style, size)) / 2
        elif align == "right":
            x0 = A4[0] - self.right - text_width(text, style, size)
        self.y += self.leading if self.pages[-1] or self.y > self.top else size
        self.pages[-1].append(Op(x0, self.y, text, style, size))
        return True

    def gap(self, pt):
        self.y += pt

    def para(self, text, style="R", size=None, indent=0.0):
        size = size or self.size
        words = text.split(" ")
        cur = ""
        width = self.width - indent
        for w in words:
            trial = (cur + " " + w).strip()
            if text_width(trial, style, size) <= width or not cur:
                cur = trial
            else:
                if not self.line(cur, self.left + indent, style, size):
                    return False
                cur = w
        if cur:
            return self.line(cur, self.left + indent, style, size)
        return True

    def footer(self, label):
        n = len(self.pages)
        for i, ops in enumerate(self.pages, 1):
            txt = f"{label} – Seite {i} von {n}"
            ops.append(Op((A4[0] - text_width(txt, "R", 8)) / 2, A4[1] - 35, txt, "R", 8))


def layout_decision(d: Decision, max_pages: int = MAX_PAGES) -> tuple[Layout, bool]:
    lay = Layout(max_pages=max_pages)
    lay.line(d.court, style="B", size=13)
    lay.gap(4)
    lay.line(f"Aktenzeichen: {d.reference}", align="right", size=10)
    lay.line(f"Entscheidung vom {d.date}", align="right", size=10)
    lay.gap(18)
    lay.line(d.kind.upper() if len(d.kind) < 20 else d.kind, style="B", size=14, align="center")
    lay.gap(10)
    cut = False
    for kind, text in d.paras:
        if kind == "h":
            lay.gap(4)
            ok = lay.para(text, style="B", size=11)
        else:
            ok = lay.para(text)
            lay.gap(4)
        if not ok or lay.full:
            cut = True
            break
    lay.footer(f"{d.reference}")
    return lay, cut


# ---------------------------------------------------------------- output: PDF (text layer)

def _pdf_str(s: str) -> bytes:
    b = s.replace("\u2011", "-").replace("\u00ad", "").encode("cp1252", errors="replace")
    return b"(" + b.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def write_pdf(pages: list[list[Op]], path: Path, title: str = "", rules=None) -> None:
    """A minimal PDF 1.4 with the base-14 fonts (WinAnsiEncoding); one content stream per page."""
    objs: list[bytes] = []

    def add(b: bytes) -> int:
        objs.append(b)
        return len(objs)

    fonts = {k: add(b"<< /Type /Font /Subtype /Type1 /BaseFont /%s /Encoding /WinAnsiEncoding >>"
                    % v.encode()) for k, v in PDF_FONTS.items()}
    res = b"<< /Font << " + b" ".join(b"/F%s %d 0 R" % (k.encode(), n) for k, n in fonts.items()) + b" >> >>"
    pages_id = len(objs) + 1 + 2 * len(pages) + 1  # placeholder, fixed below
    page_ids = []
    content_ids = []
    for i, ops in enumerate(pages):
        out = io.BytesIO()
        for (x0, y0, x1, y1) in (rules or {}).get(i, []):
            out.write(b"0.5 w %.2f %.2f m %.2f %.2f l S\n" % (x0, A4[1] - y0, x1, A4[1] - y1))
        out.write(b"BT\n")
        for op in ops:
            out.write(b"/F%s %.1f Tf 1 0 0 1 %.2f %.2f Tm %s Tj\n"
                      % (op.style.encode(), op.size, op.x, A4[1] - op.y, _pdf_str(op.text)))
        out.write(b"ET\n")
        data = out.getvalue()
        content_ids.append(add(b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"))
        page_ids.append(add(b""))  # filled below
    pages_id = add(b"")
    for pid, cid in zip(page_ids, content_ids):
        objs[pid - 1] = (b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Resources %s /Contents %d 0 R >>"
                         % (pages_id, res, cid))
    objs[pages_id - 1] = (b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % p for p in page_ids)
                          + b"] /Count %d >>" % len(page_ids))
    info = add(b"<< /Title " + _pdf_str(title) + b" /Producer (mailroom scripts/build_real_set.py) >>")
    catalog = add(b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id)
    buf = io.BytesIO()
    buf.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objs, 1):
        offsets.append(buf.tell())
        buf.write(b"%d 0 obj\n" % i + body + b"\nendobj\n")
    xref = buf.tell()
    buf.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1))
    for off in offsets:
        buf.write(b"%010d 00000 n \n" % off)
    buf.write(b"trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n"
              % (len(objs) + 1, catalog, info, xref))
    path.write_bytes(buf.getvalue())


# ---------------------------------------------------------------- output: scanned-looking images

def render_page(ops: list[Op], dpi: int, rules=None) -> Image.Image:
    scale = dpi / 72.0
    img = Image.new("L", (int(A4[0] * scale), int(A4[1] * scale)), 255)
    draw = ImageDraw.Draw(img)
    for (x0, y0, x1, y1) in rules or []:
        draw.line([(x0 * scale, y0 * scale), (x1 * scale, y1 * scale)], fill=0, width=max(1, int(scale * 0.6)))
    for op in ops:
        f = ImageFont.truetype(str(FONTS[op.style]), size=max(6, int(round(op.size * scale))))
        draw.text((op.x * scale, op.y * scale), op.text, font=f, fill=20, anchor="ls")
    return img


def scan_like(img: Image.Image, rng: random.Random, speckle: int = 15000) -> Image.Image:
    angle = rng.uniform(-0.8, 0.8)
    img = img.rotate(angle, resample=Image.BICUBIC, expand=False, fillcolor=255)
    if not speckle:
        return img
    # light speckle noise
    px = img.load()
    w, h = img.size
    for _ in range(w * h // speckle):
        x, y = rng.randrange(w), rng.randrange(h)
        px[x, y] = rng.choice((0, 90, 160))
    return img


def write_tiff(pages, path: Path, seed: int, rules=None, dpi=200) -> None:
    rng = random.Random(seed)
    imgs = [scan_like(render_page(ops, dpi, (rules or {}).get(i)), rng).point(lambda v: 0 if v < 150 else 255, "1")
            for i, ops in enumerate(pages)]
    imgs[0].save(path, save_all=True, append_images=imgs[1:], compression="group4", dpi=(dpi, dpi))


def write_jpeg_pdf(pages, path: Path, seed: int, rules=None, dpi=150, quality=40) -> None:
    rng = random.Random(seed)
    # a faint paper tone instead of speckle keeps the JPEG pages small
    imgs = [scan_like(render_page(ops, dpi, (rules or {}).get(i)), rng, speckle=0).point(lambda v: min(v, 242))
            for i, ops in enumerate(pages)]
    imgs[0].save(path, "PDF", save_all=True, append_images=imgs[1:], resolution=dpi, quality=quality, **FIXED_DATES)


def raster_pdf_pages(pdf: bytes, dpi: int, first: int, last: int) -> list[Image.Image]:
    tmp = Path("/tmp/_build_real_set")
    tmp.mkdir(exist_ok=True)
    src = tmp / "in.pdf"
    src.write_bytes(pdf)
    for old in tmp.glob("pg*"):
        old.unlink()
    subprocess.run(["pdftoppm", "-gray", "-r", str(dpi), "-f", str(first), "-l", str(last), "-png",
                    str(src), str(tmp / "pg")], check=True)
    return [Image.open(p).convert("L") for p in sorted(tmp.glob("pg*.png"))]


# ---------------------------------------------------------------- e-invoices (UBL) -> invoice letter

UBL = {"cac": "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2",
       "cbc": "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"}


def _t(el, path, default=""):
    if el is None:
        return default
    x = el.find(path, UBL)
    return (x.text or "").strip() if x is not None and x.text else default


def _money(v: str) -> str:
    try:
        s = f"{float(v):,.2f}"
    except ValueError:
        return v
    return s.replace(",", "X").replace(".", ",").replace("X", ".")


def _party(p):
    if p is None:
        return []
    lines = [_t(p, "cac:Party/cac:PartyLegalEntity/cbc:RegistrationName") or _t(p, "cac:Party/cac:PartyName/cbc:Name")]
    a = p.find("cac:Party/cac:PostalAddress", UBL)
    if a is not None:
        for path in ("cbc:StreetName", "cbc:AdditionalStreetName"):
            if _t(a, path):
                lines.append(_t(a, path))
        lines.append((_t(a, "cbc:PostalZone") + " " + _t(a, "cbc:CityName")).strip())
    return [x for x in lines if x]


TYPE_NAMES = {"380": "Rechnung", "384": "Rechnungskorrektur", "389": "Gutschrift (Selbstfakturierung)",
              "381": "Gutschrift", "875": "Teilrechnung", "876": "Teilschlussrechnung", "877": "Schlussrechnung"}


def layout_ubl(xml: bytes) -> Layout:
    root = ET.fromstring(xml)
    seller = root.find("cac:AccountingSupplierParty", UBL)
    buyer = root.find("cac:AccountingCustomerParty", UBL)
    lay = Layout(size=10, leading=13)
    sl = _party(seller)
    lay.line(sl[0] if sl else "", style="B", size=13)
    lay.line(" · ".join(sl[1:]), size=8)
    lay.gap(30)
    for x in _party(buyer):
        lay.line(x)
    lay.gap(24)
    kind = TYPE_NAMES.get(_t(root, "cbc:InvoiceTypeCode"), "Rechnung")
    lay.line(f"{kind} Nr. {_t(root, 'cbc:ID')}", style="B", size=13)
    lay.gap(4)
    facts = [("Rechnungsdatum", _t(root, "cbc:IssueDate")), ("Fällig am", _t(root, "cbc:DueDate")),
             ("Leitweg-ID / Käuferreferenz", _t(root, "cbc:BuyerReference")),
             ("Bestellnummer", _t(root, "cac:OrderReference/cbc:ID")),
             ("Leistungszeitraum", " – ".join(x for x in (_t(root, "cac:InvoicePeriod/cbc:StartDate"),
                                                           _t(root, "cac:InvoicePeriod/cbc:EndDate")) if x)),
             ("USt-IdNr. Verkäufer", _t(seller, "cac:Party/cac:PartyTaxScheme/cbc:CompanyID"))]
    for k, v in facts:
        if v:
            lay.line(f"{k}:", size=9.5)
            lay.pages[-1][-1].text += ""
            lay.pages[-1].append(Op(lay.left + 150, lay.y, v, "R", 9.5))
    lay.gap(10)
    for note in root.findall("cbc:Note", UBL):
        if note.text:
            lay.para(re.sub(r"^#\w+#", "", note.text.strip()), size=9.5)
    lay.gap(8)
    cols = [(lay.left, "Pos."), (lay.left + 30, "Bezeichnung"), (lay.left + 290, "Menge"),
            (lay.left + 350, "Einzelpreis"), (lay.left + 420, "Betrag EUR")]
    lay.line("", size=9)
    for x, h in cols:
        lay.pages[-1].append(Op(x, lay.y, h, "B", 9))
    rules = {len(lay.pages) - 1: [(lay.left, lay.y + 4, A4[0] - lay.right, lay.y + 4)]}
    lay.gap(4)
    for i, line in enumerate(root.findall("cac:InvoiceLine", UBL) + root.findall("cac:CreditNoteLine", UBL), 1):
        name = _t(line, "cac:Item/cbc:Name")
        qty = _t(line, "cbc:InvoicedQuantity") or _t(line, "cbc:CreditedQuantity")
        unit = (line.find("cbc:InvoicedQuantity", UBL) if line.find("cbc:InvoicedQuantity", UBL) is not None
                else line.find("cbc:CreditedQuantity", UBL))
        unit = unit.get("unitCode", "") if unit is not None else ""
        price = _t(line, "cac:Price/cbc:PriceAmount")
        amount = _t(line, "cbc:LineExtensionAmount")
        if not lay.line(str(_t(line, "cbc:ID") or i), size=9):
            break
        y = lay.y
        ops = lay.pages[-1]
        words, cur, rows = name.split(), "", []
        for w in words:
            if text_width((cur + " " + w).strip(), "R", 9) > 250 and cur:
                rows.append(cur)
                cur = w
            else:
                cur = (cur + " " + w).strip()
        rows.append(cur)
        ops.append(Op(lay.left + 30, y, rows[0], "R", 9))
        ops.append(Op(lay.left + 290, y, f"{qty} {unit}".strip(), "R", 9))
        ops.append(Op(lay.left + 350, y, _money(price), "R", 9))
        ops.append(Op(lay.left + 420, y, _money(amount), "R", 9))
        for r in rows[1:]:
            lay.line(r, x=lay.left + 30, size=9)
        desc = _t(line, "cac:Item/cbc:Description")
        if desc:
            lay.para(desc[:300], size=8, indent=30)
    lay.gap(10)
    tot = root.find("cac:LegalMonetaryTotal", UBL)
    for label, path in (("Summe Positionen netto", "cbc:LineExtensionAmount"),
                        ("Summe netto", "cbc:TaxExclusiveAmount"),
                        ("Summe brutto", "cbc:TaxInclusiveAmount"),
                        ("Bereits gezahlt", "cbc:PrepaidAmount"),
                        ("Zahlbetrag", "cbc:PayableAmount")):
        v = _t(tot, path)
        if v:
            lay.line(label, x=lay.left + 250, size=10, style="B" if path == "cbc:PayableAmount" else "R")
            lay.pages[-1].append(Op(lay.left + 420, lay.y, _money(v) + " EUR", "B" if path == "cbc:PayableAmount" else "R", 10))
    for sub in root.findall("cac:TaxTotal/cac:TaxSubtotal", UBL):
        lay.line(f"USt. {_t(sub, 'cac:TaxCategory/cbc:Percent')} % auf {_money(_t(sub, 'cbc:TaxableAmount'))} EUR",
                 x=lay.left + 250, size=9)
        lay.pages[-1].append(Op(lay.left + 420, lay.y, _money(_t(sub, "cbc:TaxAmount")) + " EUR", "R", 9))
    lay.gap(12)
    terms = _t(root, "cac:PaymentTerms/cbc:Note")
    if terms:
        lay.para("Zahlungsbedingungen: " + re.sub(r"#[A-Z]+#", " ", terms).strip(), size=9.5)
    pm = root.find("cac:PaymentMeans", UBL)
    if pm is not None:
        iban = _t(pm, "cac:PayeeFinancialAccount/cbc:ID")
        ref = _t(pm, "cbc:PaymentID")
        if iban:
            lay.para(f"Bankverbindung: IBAN {iban}" + (f", BIC {_t(pm, 'cac:PayeeFinancialAccount/cac:FinancialInstitutionBranch/cbc:ID')}"
                                                        if _t(pm, 'cac:PayeeFinancialAccount/cac:FinancialInstitutionBranch/cbc:ID') else "")
                     + (f", Verwendungszweck: {ref}" if ref else ""), size=9.5)
    contact = seller.find("cac:Party/cac:Contact", UBL) if seller is not None else None
    if contact is not None:
        lay.para("Ansprechpartner: " + ", ".join(x for x in (_t(contact, "cbc:Name"), _t(contact, "cbc:Telephone"),
                                                            _t(contact, "cbc:ElectronicMail")) if x), size=9)
    lay.footer(f"{kind} {_t(root, 'cbc:ID')}")
    lay.rules = rules
    return lay


# ---------------------------------------------------------------- the items

BAY = "RSS-Service_zu_aktuellen_Entscheidungen_bayerischer_Gerichte/html/"
BVW = "RSS-Newsfeed_des_Bundesverwaltungsgerichts/html/"
BAGD = "Das_Bundesarbeitsgericht_-_Entscheidung/html/"
BFHD = "BFH-Entscheidungen/html/"
OJ = "oldp/apps/cases/tests/resources/invalid_cases/"
BGH = "oldp/apps/cases/tests/resources/from_bgh/"

# (out name, loader, source path, doc_type, route, format, note)
DECISIONS = [
    ("vgh-muenchen-11cs19-1093", bavarian, BAY + "Y-300-Z-BECKRS-B-2019-N-17491.html", "rechtsamt", "tif",
     "VGH München, Beschluss: Fahrerlaubnisentziehung, Antragsgegnerin Landeshauptstadt München"),
    ("vgh-muenchen-15zb20-144", bavarian, BAY + "Y-300-Z-BECKRS-B-2020-N-16907.html", "rechtsamt", "pdf",
     "VGH München: Baugenehmigung Werbeanlage, Große Kreisstadt"),
    ("vgh-muenchen-11cs20-1292", bavarian, BAY + "Y-300-Z-BECKRS-B-2020-N-24670.html", "rechtsamt", "jpgpdf",
     "VGH München: Fahrerlaubnis, Landratsamt"),
    ("vg-wuerzburg-w6k20-134", bavarian, BAY + "Y-300-Z-BECKRS-B-2020-N-8641.html", "rechtsamt", "tif",
     "VG Würzburg, Urteil: Anfechtungsklage Fahrerlaubnisentziehung (Landratsamt)"),
    ("vg-wuerzburg-w6s21-343", bavarian, BAY + "Y-300-Z-BECKRS-B-2021-N-9378.html", "rechtsamt", "pdf",
     "VG Würzburg, Eilbeschluss gegen Landratsamt"),
    ("vg-wuerzburg-w6k20-1735", bavarian, BAY + "Y-300-Z-BECKRS-B-2021-N-6971.html", "rechtsamt", "tif",
     "VG Würzburg, Urteil: Fahrerlaubnis"),
    ("fg-nuernberg-3k847-20", bavarian, BAY + "Y-300-Z-BECKRS-B-2021-N-65728.html", "rechtsamt", "pdf",
     "Finanzgericht: Einkünfte Land- und Forstwirtschaft"),
    ("sg-muenchen-s39kr876-18", bavarian, BAY + "Y-300-Z-BECKRS-B-2022-N-56701.html", "rechtsamt", "tif",
     "Sozialgericht, Gerichtsbescheid: Haftung für Sozialversicherungsbeiträge"),
    ("vg-augsburg-au4k23-385", bavarian, BAY + "Y-300-Z-BECKRS-B-2023-N-21658.html", "rechtsamt", "jpgpdf",
     "VG Augsburg, Urteil: Beseitigungsanordnung Werbeanlagen (Landratsamt)"),
    ("vg-muenchen-m28k21-6372", bavarian, BAY + "Y-300-Z-BECKRS-B-2023-N-21884.html", "rechtsamt", "tif",
     "VG München, Urteil: Kostenbescheid Abschleppen, Beklagte ist die Stadt"),
    ("olg-muenchen-34wx240-23", bavarian, BAY + "Y-300-Z-BECKRS-B-2023-N-25726.html", "rechtsamt", "pdf",
     "OLG München, Grundbuchsache"),
    ("olg-nuernberg-9wf855-23", bavarian, BAY + "Y-300-Z-BECKRS-B-2023-N-35568.html", "rechtsamt", "tif",
     "OLG Nürnberg, Familiensenat: Anwaltsgebühren nach Scheidung (keine Kindschaftssache)"),
    ("vgh-muenchen-11cs23-1577", bavarian, BAY + "Y-300-Z-BECKRS-B-2023-N-37904.html", "rechtsamt", "pdf",
     "VGH München: Fahrerlaubnis, Landratsamt Ostallgäu"),
    ("lg-nuernberg-fuerth-12o8630-20", bavarian, BAY + "Y-300-Z-BECKRS-B-2023-N-44120.html", "rechtsamt", "jpgpdf",
     "LG Nürnberg-Fürth, Endurteil: Zivilsache (Werklohn/AGB)"),
    ("bayoblg-203strr381-23", bavarian, BAY + "Y-300-Z-BECKRS-B-2023-N-44766.html", "rechtsamt", "pdf",
     "BayObLG, Strafsache (Trunkenheit im Verkehr)"),
    ("lg-hof-22t66-22", bavarian, BAY + "Y-300-Z-BECKRS-B-2023-N-47357.html", "rechtsamt", "tif",
     "LG Hof, Freiheitsentziehungssache (Abschiebungshaft)"),
    ("vg-augsburg-au8k22-1571", bavarian, BAY + "Y-300-Z-BECKRS-B-2024-N-10391.html", "rechtsamt", "pdf",
     "VG Augsburg, Urteil: polizeilicher Gebührenbescheid"),
    ("olg-bamberg-10u61-23", bavarian, BAY + "Y-300-Z-BECKRS-B-2024-N-9455.html", "rechtsamt", "tif",
     "OLG Bamberg, Hinweisbeschluss: Nachbarrecht (Wasser)"),
    ("bayoblg-101va18-24", bavarian, BAY + "Y-300-Z-BECKRS-B-2024-N-9628.html", "rechtsamt", "pdf",
     "BayObLG: Zustellung eines Pfändungs- und Überweisungsbeschlusses (nicht gegen städtische Bezüge)"),
    ("vg-muenchen-m23k22-3422", bavarian, BAY + "Y-300-Z-BECKRS-B-2024-N-9673.html", "rechtsamt", "jpgpdf",
     "VG München, Urteil: Identitätsfeststellung"),
    ("bverwg-11a7-23", bverwg, BVW + "140224U11A7.23.0.html", "rechtsamt", "pdf",
     "BVerwG, Urteil: eine Stadt klagt gegen Duldungsbescheide"),
    ("bverwg-5c13-22", bverwg, BVW + "180124U5C13.22.0.html", "rechtsamt", "tif",
     "BVerwG, Urteil: jugendhilferechtlicher Kostenbeitrag (Landkreis)"),
    ("bverwg-5c10-22", bverwg, BVW + "121223U5C10.22.0.html", "rechtsamt", "pdf",
     "BVerwG, Urteil: Unterhaltsvorschuss"),
    ("bverwg-9cn1-23", bverwg, BVW + "290224U9CN1.23.0.html", "rechtsamt", "jpgpdf",
     "BVerwG, Normenkontrolle gegen Satzung einer Stadt"),
    ("bverwg-9b3-24", bverwg, BVW + "250324B9B3.24.0.html", "rechtsamt", "tif",
     "BVerwG, Beschluss: Abwasser/Kläranlage einer Gemeinde"),
    ("bverwg-8bn1-23", bverwg, BVW + "250324B8BN1.23.0.html", "rechtsamt", "pdf",
     "BVerwG, Beschluss: Normenkontrolle, Antragsgegnerin Stadt"),
    ("bag-6azr119-23", bag, BAGD + "6-azr-119-23.html", "rechtsamt", "tif",
     "BAG, Urteil: Arbeitsverhältnis bei einer Stadt"),
    ("bag-8azr187-23", bag, BAGD + "8-azr-187-23.html", "rechtsamt", "pdf",
     "BAG, Urteil: Bewerberauswahl eines öffentlichen Arbeitgebers"),
    ("bag-4azr362-22", bag, BAGD + "4-azr-362-22.html", "rechtsamt", "jpgpdf",
     "BAG, Urteil: Eingruppierung"),
    ("bfh-stre202410088", bfh, BFHD + "STRE202410088.html", "rechtsamt", "pdf",
     "BFH: Duldungsbescheid nach Anfechtungsgesetz (Steuerschuld)"),
    ("ag-montabaur-bussgeld-13owi", lawyer_page_quote, "alte_htmls/ordnungswidrigkeiten/o_03.php", "verkehrsbehoerde",
     "tif", "AG Montabaur, Beschluss in einer Bußgeldsache (Geschwindigkeit; the authority that issued the fine is "
     "not named); quoted on a lawyer's page, only the decision text taken"),
    ("vg-berlin-27a245-08", openjur_json, OJ + "30541.json", "rechtsamt", "tif",
     "VG Berlin, Urteil: Rundfunkgebühren (via openJur)"),
    ("ag-gummersbach-10c221-08", openjur_json, OJ + "30739.json", "rechtsamt", "pdf",
     "AG Gummersbach, Urteil (via openJur)"),
    ("olg-koeln-15u174-08", openjur_json, OJ + "30540.json", "rechtsamt", "jpgpdf",
     "OLG Köln, Urteil (via openJur)"),
    ("lg-duesseldorf-37o119-08", openjur_json, OJ + "30737.json", "rechtsamt", "pdf",
     "LG Düsseldorf, Urteil (via openJur)"),
    ("bgh-viiizr127-17", oldp_fixture, BGH + "bgh-2018-04-10-viii-zr-12717.json", "rechtsamt", "tif",
     "BGH, Beschluss: Richterablehnung in Mietsache"),
]

# KoSIT XRechnung test suite business cases rendered as an invoice letter
INVOICES_UBL = [
    ("xrechnung-01-21a", "src/test/business-cases/standard/01.21a-INVOICE_ubl.xml", "pdf"),
    ("xrechnung-04-01a", "src/test/business-cases/extension/04.01a-INVOICE_ubl.xml", "tif"),
    ("xrechnung-04-04a", "src/test/business-cases/extension/04.04a-INVOICE_ubl.xml", "pdf"),
    ("xrechnung-03-06a", "src/test/business-cases/standard/03.06a-INVOICE_ubl.xml", "jpgpdf"),
    ("xrechnung-01-05a", "src/test/business-cases/standard/01.05a-INVOICE_ubl.xml", "pdf"),
    ("xrechnung-01-04a", "src/test/business-cases/standard/01.04a-INVOICE_ubl.xml", "tif"),
    ("xrechnung-01-20a", "src/test/business-cases/standard/01.20a-INVOICE_ubl.xml", "pdf"),
    ("xrechnung-02-05a", "src/test/business-cases/standard/02.05a-INVOICE_ubl.xml", "tif"),
]

# born-digital PDFs taken as they are: (out, repo, path, doc_type, route, note)
COPIES = [
    ("mustang-gnuaccounting-re-505", "ZUGFeRD/mustangproject",
     "library/src/test/resources/MustangGnuaccountingBeispielRE-20170509_505.pdf", "rechnung", "beschaffung",
     "ZUGFeRD invoice (GnuAccounting example, German)"),
    ("mustang-weclapp-re1001", "ZUGFeRD/mustangproject",
     "library/src/test/resources/MustangBeispiel20221026.pdf", "rechnung", "beschaffung",
     "ZUGFeRD invoice (weclapp example, German)"),
]

# PDFs rasterised to grayscale JPEG pages (big colour flyers): (out, repo, path, doc_type, route, pages, note)
RASTERS = [
    ("rdmo-flyer", "rdmorganiser/rdmorganiser.github.io", "img/promo/Flyer11.pdf", "werbung", "poststelle", 2,
     "RDMO flyer (research data management software), German"),
    ("rdmo-postkarte", "rdmorganiser/rdmorganiser.github.io", "img/promo/VorderseiteRDMO1.pdf", "werbung", "poststelle", 1,
     "RDMO postcard front, German"),
]


def page_text(pages) -> str:
    lines = []
    for ops in pages:
        for op in sorted(ops, key=lambda o: (round(o.y), o.x)):
            lines.append(op.text)
    return "\n".join(x for x in lines if x.strip())


def emit(lay: Layout, fmt: str, out: Path, seed: int, title: str) -> Path:
    rules = getattr(lay, "rules", None)
    if fmt == "pdf":
        p = out.with_suffix(".pdf")
        write_pdf(lay.pages, p, title, rules)
    elif fmt == "tif":
        p = out.with_suffix(".tif")
        write_tiff(lay.pages, p, seed, rules)
    else:
        p = out.with_suffix(".pdf")
        write_jpeg_pdf(lay.pages, p, seed, rules)
    return p


FMT_NOTE = {"pdf": "laid out by us as born-digital PDF", "tif": "laid out by us, scan-like bilevel 200 dpi TIFF",
            "jpgpdf": "laid out by us, scan-like grayscale 150 dpi JPEG-in-PDF"}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default="data/real")
    ap.add_argument("--only", default="", help="build only names containing this")
    args = ap.parse_args()
    out = Path(args.out)
    (out / "items").mkdir(parents=True, exist_ok=True)
    rows = []
    seed = 1000

    for name, loader, src, route, fmt, note in DECISIONS:
        seed += 1
        if args.only and args.only not in name:
            continue
        d = loader(src)
        lay, cut = layout_decision(d, 2 if fmt == "jpgpdf" else MAX_PAGES)  # JPEG pages are heavy
        p = emit(lay, fmt, out / "items" / name, seed, f"{d.court} {d.reference}")
        repo = ("openlegaldata/oldp" if loader in (openjur_json, oldp_fixture)
                else "gpsloco/reimers" if loader is lawyer_page_quote else "gansb/urteile")
        rows.append(dict(path=p.relative_to(out).as_posix(), doc_type="gerichtspost", route=route,
                         source_repo=repo, source_path=src,
                         note=f"{note}; {d.court}, {d.kind} vom {d.date}, {d.reference}; {FMT_NOTE[fmt]}"
                              + (f"; text cut after {len(lay.pages)} pages" if cut else "")
                              + "; header lines (court, Aktenzeichen, date, type) from the source metadata",
                         sender=d.court, reference=d.reference, text=page_text(lay.pages)))

    for name, src, fmt in INVOICES_UBL:
        seed += 1
        if args.only and args.only not in name:
            continue
        lay = layout_ubl(git_show("itplr-kosit/xrechnung-testsuite", src))
        p = emit(lay, fmt, out / "items" / name, seed, name)
        seller = lay.pages[0][0].text
        rows.append(dict(path=p.relative_to(out).as_posix(), doc_type="rechnung", route="beschaffung",
                         source_repo="itplr-kosit/xrechnung-testsuite", source_path=src,
                         note=f"XRechnung (UBL) test invoice rendered as an invoice letter; {FMT_NOTE[fmt]}"
                              + ("; placeholder party names as in the source" if "[" in seller else ""),
                         sender=seller, reference="", text=page_text(lay.pages)))

    for name, repo, src, doc_type, route, note in COPIES:
        if args.only and args.only not in name:
            continue
        p = out / "items" / (name + ".pdf")
        p.write_bytes(git_show(repo, src))
        text = subprocess.run(["pdftotext", "-layout", str(p), "-"], capture_output=True, text=True).stdout
        rows.append(dict(path=p.relative_to(out).as_posix(), doc_type=doc_type, route=route, source_repo=repo,
                         source_path=src, note=note + "; file unchanged", sender="", reference="",
                         text=re.sub(r"[ \t]+", " ", text).strip()))

    for name, repo, src, doc_type, route, pages, note in RASTERS:
        if args.only and args.only not in name:
            continue
        pdf = git_show(repo, src)
        imgs = raster_pdf_pages(pdf, 110, 1, pages)
        p = out / "items" / (name + ".pdf")
        imgs[0].save(p, "PDF", save_all=True, append_images=imgs[1:], resolution=110, quality=60, **FIXED_DATES)
        tmp = Path("/tmp/_build_real_set/in.pdf")
        text = subprocess.run(["pdftotext", "-l", str(pages), str(tmp), "-"], capture_output=True, text=True).stdout
        rows.append(dict(path=p.relative_to(out).as_posix(), doc_type=doc_type, route=route, source_repo=repo,
                         source_path=src, note=note + f"; first {pages} page(s) rasterised to grayscale 110 dpi",
                         sender="", reference="", text=re.sub(r"[ \t]+", " ", text).strip()))

    for r in rows:
        commit, licence = SOURCES[r["source_repo"]]
        r["source_commit"] = commit
        r["licence"] = licence + "; training permitted"
        r["split"] = "test"
    cols = ["path", "doc_type", "route", "split", "source_repo", "source_commit", "source_path", "licence",
            "note", "sender", "reference", "text"]
    mode = "a" if args.only else "w"
    with open(out / "labels.csv", mode, newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=cols)
        if mode == "w":
            w.writeheader()
        for r in rows:
            w.writerow({c: r.get(c, "") for c in cols})
    print(f"{len(rows)} items -> {out}")


if __name__ == "__main__":
    main()
