"""The recipient of an outgoing letter, read from the DIN 5008 address field of page 1
and matched against the recipient register.

`read_window` takes the words in the address field: from the PDF's own text when it has
some (a letter written by an office suite), else from Tesseract run on that zone only of
the page image, turned upright and straightened. `parse_window` finds the address in
those lines: it ends with the postcode line, and above it, up to six lines, the street
or Postfach, c/o or z. Hd. lines and the name; the Rücksendeangabe (the sender in one
small line) and the notes of the Zusatz- und Vermerkzone ("Einschreiben", "Persönlich")
are left out. The field of form A (27 mm from the top) and of form B (45 mm) are both
inside the zone read, so either is found.

`match_recipient` compares the address with each register entry after normalising
both (case, umlauts and ß, "Str." and "Straße", Frau/Herrn and titles, word order) and
gives the best entry only when it is good enough and clearly better than the next:
a wrong recipient is worse than none, for then a person looks at the letter.
"""

from __future__ import annotations

import logging
import re
import statistics
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from rapidfuzz import fuzz

from mailroom.errors import BadInput
from mailroom.ingest.clean import clean_page
from mailroom.ingest.intake import sniff_type
from mailroom.ingest.ocr import ocr_page
from mailroom.ingest.pages import PdfWord, inspect_source, page_words, rasterize
from mailroom.ingest.read import read_gray
from mailroom.outgoing.records import PostalAddress, Recipient
from mailroom.settings import IngestSettings, OcrSettings

log = logging.getLogger(__name__)

# The zone read: both forms' address fields (x 20-105 mm; y 27-72 mm form A, 45-90 mm
# form B) with a margin for printers and scanners that shift the page a little.
ZONE_MM = (14.0, 22.0, 112.0, 96.0)  # left, top, right, bottom
ADDRESS_ZONE_MM = 27.3  # six lines of the Anschriftzone
MIN_TEXT_WORDS = 20  # a page with fewer words of its own text is read by OCR
MAX_LINES = 6
MATCH_THRESHOLD = 0.80  # a score below this is no match
MATCH_MARGIN = 0.05  # the best must lead the next by this much, else it is ambiguous

NOTE_WORDS = (
    "einschreiben",
    "rückschein",
    "eigenhändig",
    "einwurf",
    "persönlich",
    "vertraulich",
    "postzustellungsurkunde",
    "förmliche zustellung",
    "zustellungsauftrag",
    "nicht nachsenden",
    "unzustellbar",
    "eilsache",
    "eilbrief",
    "entgelt bezahlt",
    "infopost",
    "dialogpost",
    "premiumadress",
)
SALUTATIONS = {"frau", "herrn", "herr", "firma", "familie", "eheleute"}
TITLES = {"dr", "prof", "dipl", "ing", "med", "jur", "rer", "nat", "phil", "rechtsanwalt", "rechtsanwaeltin"}
TITLES |= {"ra", "rain", "z", "hd", "zu", "haenden", "c", "o", "bei", "abt", "einkauf"}
# OCR reads the digits of some faces as letters: "ogııı" for "09111".
LOOKALIKES = {"O": "0", "o": "0", "D": "0", "I": "1", "l": "1", "ı": "1", "i": "1", "|": "1", "!": "1"}
LOOKALIKES |= {"S": "5", "s": "5", "B": "8", "g": "9", "q": "9", "Z": "2", "z": "2"}
POSTCODE_LINE = re.compile(r"^(?:D\s?-\s?)?([0-9" + re.escape("".join(LOOKALIKES)) + r"]{5})\s+(\S.*)$")
DIGIT_LOOKALIKES = str.maketrans(LOOKALIKES)
# Words many firm names share: a name is compared with and without them.
COMMON = {"rechtsanwaelte", "fachanwaelte", "fachanwalt", "fuer", "und", "kanzlei", "rechtsanwaltskanzlei"}
COMMON |= {"anwaltskanzlei", "partner", "kollegen", "partg", "mbb", "gmbh", "co", "kg", "ag", "ohg", "ek"}
COMMON |= {"e", "k", "ug", "haftungsbeschraenkt", "verwaltungsrecht"}
UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "ı": "i", "é": "e", "ş": "s"})


@dataclass(frozen=True)
class WindowLine:
    """One text line in the zone read, its box in millimetres from the page's top left."""

    text: str
    left: float
    top: float
    bottom: float

    @property
    def height(self) -> float:
        return self.bottom - self.top


@dataclass(frozen=True)
class Match:
    """The register entry an address was matched to, how well, and the next best score."""

    recipient: Recipient
    score: float  # 0..1
    runner_up: float  # the second best entry's score (0 if none)


def read_window(
    path: Path, page_dpi: int = 300, ocr: OcrSettings | None = None, ingest: IngestSettings | None = None
) -> PostalAddress | None:
    """The address in the DIN 5008 address field of page 1 of `path` (PDF, TIFF, PNG,
    JPEG), or None if no address is found there.

    A PDF's own text is used when page 1 has some; otherwise page 1 is rasterised at
    `page_dpi` (a scan at its own resolution), turned upright and deskewed, and only the
    address zone is OCR'd (Tesseract, `ocr.lang`, page segmentation mode 6). The file
    must keep within the limits of `ingest` (pages, pixels). Raises BadInput for a file
    that cannot be read, MissingDependency without Tesseract or poppler.
    """
    return parse_window(window_lines(path, page_dpi, ocr or OcrSettings(), ingest or IngestSettings()))


def window_lines(path: Path, page_dpi: int, ocr: OcrSettings, ingest: IngestSettings) -> list[WindowLine]:
    """The text lines in the address zone of page 1, top to bottom."""
    kind = sniff_type(path)
    if kind is None:
        raise BadInput(f"{path.name}: not a PDF or image file")
    if kind == "pdf":
        words = page_words(path, 1)
        if len(words) >= MIN_TEXT_WORDS:
            return _lines(_by_top(_in_zone(words)))
    return _lines(_ocr_lines(path, kind, page_dpi, ocr, ingest))


def _ocr_lines(
    path: Path, kind: str, page_dpi: int, ocr: OcrSettings, ingest: IngestSettings
) -> list[list[PdfWord]]:
    """The words OCR reads in the zone of page 1, upright and straight, boxes in mm,
    grouped into Tesseract's lines."""
    info = inspect_source(path, kind, page_dpi, ingest.max_pages, ingest.max_pixels_per_page)
    with tempfile.TemporaryDirectory(prefix="mailroom-window-") as folder:
        first = rasterize(path, info, Path(folder))[0]
        gray = read_gray(first.path)
    page = clean_page(gray, first.dpi).image
    per_mm = first.dpi / 25.4
    left, top, right, bottom = (round(v * per_mm) for v in ZONE_MM)
    zone_ocr = OcrSettings(lang=ocr.lang, psm=6, timeout_seconds=ocr.timeout_seconds)
    result, _ = ocr_page(page[top:bottom, left:right], first.dpi, zone_ocr, text_layer=False)
    x0, y0 = ZONE_MM[0], ZONE_MM[1]
    lines: dict[int, list[PdfWord]] = {}
    for w in result.words:
        word = PdfWord(w.text, x0 + w.left / per_mm, y0 + w.top / per_mm, x0 + (w.left + w.width) / per_mm,
                       y0 + (w.top + w.height) / per_mm)  # fmt: skip
        lines.setdefault(w.line, []).append(word)
    return [_in_zone(line) for line in lines.values()]


def _in_zone(words: Sequence[PdfWord]) -> list[PdfWord]:
    x0, y0, x1, y1 = ZONE_MM
    return [w for w in words if x0 <= w.left < x1 and y0 <= w.top and w.bottom <= y1 and w.text.strip()]


def _by_top(words: Sequence[PdfWord]) -> list[list[PdfWord]]:
    """A PDF's words grouped into lines: the words of a line share their top edge."""
    groups: list[list[PdfWord]] = []
    for word in sorted(words, key=lambda w: (w.top, w.left)):
        if groups and abs(word.top - groups[-1][0].top) < 1.0:
            groups[-1].append(word)
        else:
            groups.append([word])
    return groups


def _lines(groups: Sequence[Sequence[PdfWord]]) -> list[WindowLine]:
    """One line per group of words, its words left to right; lines top to bottom."""
    lines = []
    for group in groups:
        if not group:
            continue
        words = sorted(group, key=lambda w: w.left)
        heights = sorted(w.bottom - w.top for w in words)
        top = min(w.top for w in words)
        text = " ".join(w.text.strip() for w in words)
        lines.append(WindowLine(text, words[0].left, top, top + heights[len(heights) // 2]))
    return sorted(lines, key=lambda line: line.top)


def parse_window(lines: Sequence[WindowLine]) -> PostalAddress | None:
    """The address in the lines of the address zone, or None without a postcode line."""
    lines = [line for line in lines if _has_letters(line.text)]
    candidates = [i for i, line in enumerate(lines) if _postcode(line.text) and i > 0]
    for i in reversed(candidates):
        block = _block_above(lines, i)
        if block:
            return _address(block, lines[i])
    return None


def _has_letters(text: str) -> bool:
    return sum(ch.isalnum() for ch in text) >= 2


def _postcode(text: str) -> tuple[str, str] | None:
    found = POSTCODE_LINE.match(re.sub(r"^[^\w]+", "", text.strip()))  # OCR's specks before it
    if not found:
        return None
    code = found.group(1).translate(DIGIT_LOOKALIKES)
    if not code.isdigit():
        return None
    city = found.group(2).strip(" ,.;:|")
    return (code, city) if _has_letters(city) else None


def _block_above(lines: Sequence[WindowLine], end: int) -> list[WindowLine]:
    """The address lines above the postcode line `lines[end]`, top to bottom."""
    last = lines[end]
    block: list[WindowLine] = []
    below = last
    for line in reversed(lines[:end]):
        gap = below.top - line.bottom
        if gap > max(3.0, 1.2 * last.height) or last.bottom - line.top > ADDRESS_ZONE_MM + 3:
            break
        if _is_note(line.text) or _is_return_line(line, block):
            break
        block.insert(0, line)
        below = line
    return block[-(MAX_LINES - 1) :]


def _is_note(text: str) -> bool:
    low = text.casefold()
    if len(low) > 45:
        return False
    return any(fuzz.partial_ratio(word, low) >= 86 for word in NOTE_WORDS if len(low) >= len(word) - 2)


def _is_return_line(line: WindowLine, below: Sequence[WindowLine]) -> bool:
    """The Rücksendeangabe: type smaller than the address lines below it (OCR's box of
    the postcode line alone can come out tall), or the sender's parts joined by separators."""
    if below and line.height < 0.7 * statistics.median(b.height for b in below):
        return True
    separators = sum(line.text.count(s) for s in ("·", "•", " | ", " - ", ", "))
    return separators >= 2 and bool(re.search(r"\d{5}", line.text))


def _address(block: Sequence[WindowLine], postcode_line: WindowLine) -> PostalAddress:
    code, city = _postcode(postcode_line.text) or ("", "")
    texts = [_tidy(line.text) for line in block]
    if len(texts) > 1 and texts[0].casefold() in SALUTATIONS:  # "Herrn" on a line of its own
        texts[:2] = [f"{texts[0]} {texts[1]}"]
    street = texts.pop() if len(texts) > 1 else ""  # the line above the postcode ("Justizzentrum" too)
    return PostalAddress(name=texts[0], street=street, postcode=code, city=city, extra=", ".join(texts[1:]))


def _tidy(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip(" |_—")


# --- matching -------------------------------------------------------------------------------


def match_recipient(
    address: PostalAddress,
    recipients: Sequence[Recipient],
    threshold: float = MATCH_THRESHOLD,
    margin: float = MATCH_MARGIN,
) -> Match | None:
    """The register entry `address` is for, or None when no entry scores `threshold` or
    more, or when the best does not lead the second best by `margin` (ambiguous)."""
    if not recipients:
        return None
    scored = sorted(((similarity(address, r.address), r) for r in recipients), key=lambda p: -p[0])
    best, recipient = scored[0]
    runner_up = scored[1][0] if len(scored) > 1 else 0.0
    if best < threshold or best - runner_up < margin:
        log.info("no recipient for %s: best %.3f, next %.3f", address.name, best, runner_up)
        return None
    return Match(recipient, round(best, 4), round(runner_up, 4))


def similarity(a: PostalAddress, b: PostalAddress) -> float:
    """How alike two addresses are, 0..1: the name (with its extra lines) weighs half,
    street, postcode and town the other half."""
    name = max(_name_score(a.name, b.name), _name_score(f"{a.name} {a.extra}", f"{b.name} {b.extra}"))
    if len(normal(a.name).split()) == 1:  # OCR lost the spaces: "FrauLenaKhalil"
        name = max(
            name, fuzz.partial_ratio(name_key(b.name).replace(" ", ""), normal(a.name).replace(" ", ""))
        )
    if b.extra and not a.extra:  # the register's c/o line missing from the window
        name *= 0.97
    street = _street_score(a.street, b.street)
    postcode = 100.0 if a.postcode == b.postcode else 0.5 * fuzz.ratio(a.postcode, b.postcode)
    city = fuzz.ratio(normal(a.city), normal(b.city))
    return (0.5 * name + 0.25 * street + 0.15 * postcode + 0.10 * city) / 100


def _name_score(a: str, b: str) -> float:
    """Names compared as a whole, and word by word over their distinctive words (of
    "Weber Rechtsanwälte und Fachanwälte" only "weber"): each word of the shorter name
    against its best counterpart, so that another first name beside the same long
    surname weighs as it should. The mean of both, 0..100."""
    key_a, key_b = name_key(a), name_key(b)
    whole = fuzz.token_sort_ratio(key_a, key_b)
    own_a = [w for w in key_a.split() if w not in COMMON] or key_a.split()
    own_b = [w for w in key_b.split() if w not in COMMON] or key_b.split()
    if not own_a or not own_b:
        return whole
    short, long = sorted((own_a, own_b), key=len)
    words = sum(max(fuzz.ratio(w, v) for v in long) for w in short) / len(short)
    return (whole + words) / 2


def _street_score(a: str, b: str) -> float:
    if not a and not b:
        return 100.0
    postfach = [s.casefold().startswith("postf") for s in (a, b)]
    if all(postfach):
        return 100.0 if _digits(a) == _digits(b) else 0.6 * fuzz.ratio(_digits(a), _digits(b))
    if any(postfach):
        return 0.0
    return fuzz.ratio(normal(a), normal(b))


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


def normal(text: str) -> str:
    """Lower case, umlauts and ß spelt out, "Straße"/"Str." as "str", no punctuation."""
    text = text.casefold().translate(UMLAUTS)
    text = re.sub(r"str(?:asse|\.)", "str ", text)
    text = re.sub(r"[^\w]+", " ", text)
    return " ".join(text.split())


def name_key(text: str) -> str:
    """A name without salutation, titles and "z. Hd." / "c/o" words."""
    return " ".join(word for word in normal(text).split() if word not in SALUTATIONS | TITLES)
