"""What reviewers need to see of a letter, found in its OCR text: sender, date of the
letter, file references, IBAN, amounts and deadlines. Pure functions over text."""

from __future__ import annotations

import datetime as dt
import re

from mailroom.classify.rules import RuleSet

MONTHS = {
    "januar": 1, "februar": 2, "märz": 3, "maerz": 3, "april": 4, "mai": 5, "juni": 6, "juli": 7,
    "august": 8, "september": 9, "oktober": 10, "november": 11, "dezember": 12,
}  # fmt: skip
_NUMERIC_DATE = re.compile(r"\b(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4}|\d{2})\b")
_WORD_DATE = re.compile(r"\b(\d{1,2})\.\s?(" + "|".join(MONTHS) + r")\s+(\d{4})\b", re.IGNORECASE)
_IBAN = re.compile(r"\bDE\s?\d{2}(?:\s?\d{4}){4}\s?\d{2}\b")
_AMOUNT = re.compile(r"(?<![\d.,])(\d{1,3}(?:\.\d{3})*,\d{2})\s?(€|EUR)", re.IGNORECASE)
_DEADLINE = re.compile(
    r"\b(bis (?:zum|spätestens)\s+[^\n.]{0,4}?\d{1,2}\.\s?(?:\d{1,2}\.\s?\d{2,4}|\w+ \d{4})"
    r"|innerhalb (?:eines Monats|von \d+ (?:Tagen|Wochen)|(?:einer|zwei|drei|vier) Wochen))",
    re.IGNORECASE,
)
_NUMERIC_DATE = re.compile(r"(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{2,4})")
_LETTER_DATE = re.compile(
    r"(?:^|\n)\s*[A-ZÄÖÜ][\wäöüß.-]+(?: [\wäöüß.-]+)?,\s*(?:den\s+)?(\d{1,2}\.\s?\S+\s?\d{2,4})"
)
_CITY = re.compile(r"stadt(?:verwaltung)? chemnitz|oberbürgermeister|^an:", re.IGNORECASE)


def extract_metadata(text: str, rules: RuleSet) -> dict[str, object]:
    """The reviewer's view of `text`: sender, date, references, ibans, amounts, deadlines.

    Keys with nothing found are left out.
    """
    date, phrases = letter_date(text), deadlines(text)
    found: dict[str, object] = {
        "sender": sender(text),
        "date": date,
        "references": references(text, rules),
        "ibans": ibans(text),
        "amounts": amounts(text),
        "deadlines": phrases,
        "deadline": deadline_date(phrases, date),
    }
    return {k: v for k, v in found.items() if v}


def deadline_date(phrases: list[str], letter_date: str) -> str:
    """The earliest day a deadline phrase names, as ISO date ('' if none): a date of its
    own, or a span counted from the letter's date ('innerhalb von 14 Tagen')."""
    days = []
    for phrase in phrases:
        found = _NUMERIC_DATE.search(phrase)
        if found:
            day, month, year = (int(g) for g in found.groups())
            year += 2000 if year < 100 else 0
            try:
                days.append(dt.date(year, month, day))
            except ValueError:
                continue
        elif letter_date:
            span = _span_days(phrase)
            if span:
                days.append(dt.date.fromisoformat(letter_date) + dt.timedelta(days=span))
    return min(days).isoformat() if days else ""


def _span_days(phrase: str) -> int:
    lowered = phrase.lower()
    if "monat" in lowered:
        return 30
    words = {"einer": 1, "zwei": 2, "drei": 3, "vier": 4}
    number = re.search(r"(\d+|einer|zwei|drei|vier) (tagen|wochen)", lowered)
    if not number:
        return 0
    count = int(number.group(1)) if number.group(1).isdigit() else words[number.group(1)]
    return count * (7 if number.group(2) == "wochen" else 1)


def sender(text: str) -> str:
    """The first line of the letter that is not the city (its own address block): in a
    German letter the sender's name or letterhead stands at the top."""
    for line in text.splitlines()[:8]:
        line = line.strip()
        if (
            len(line) >= 3
            and not _CITY.search(line)
            and not _NUMERIC_DATE.search(line)
            and re.search(r"[A-Za-zÄÖÜäöü]{2}", line)
        ):
            return line.split(" · ")[0][:80]
    return ""


def letter_date(text: str) -> str:
    """The date of the letter as ISO YYYY-MM-DD: the 'Ort, (den) date' line if there is
    one, else the first date in the text."""
    head = _LETTER_DATE.search(text)
    candidates = [head.group(1)] if head else []
    candidates.append(text)
    for chunk in candidates:
        iso = _first_date(chunk)
        if iso:
            return iso
    return ""


def _first_date(text: str) -> str:
    dates = []
    numeric = _NUMERIC_DATE.search(text)
    if numeric:
        day, month, year = (int(g) for g in numeric.groups())
        dates.append((numeric.start(), day, month, year + 2000 if year < 100 else year))
    worded = _WORD_DATE.search(text)
    if worded:
        dates.append(
            (worded.start(), int(worded.group(1)), MONTHS[worded.group(2).lower()], int(worded.group(3)))
        )
    for _, day, month, year in sorted(dates):
        if 1 <= day <= 31 and 1 <= month <= 12:
            return f"{year:04d}-{month:02d}-{day:02d}"
    return ""


def references(text: str, rules: RuleSet) -> dict[str, list[str]]:
    """File references by kind (Kassenzeichen, Aktenzeichen, ...), patterns from the rules."""
    found = {}
    for kind, pattern in rules.references.items():
        values = list(dict.fromkeys(m.group(1).strip() for m in pattern.finditer(text)))
        if values:
            found[kind] = values
    return found


def ibans(text: str) -> list[str]:
    """German IBANs that pass the mod-97 check, without spaces."""
    result = []
    for match in _IBAN.finditer(text):
        raw = re.sub(r"\s", "", match.group(0)).upper()
        digits = "".join(str(int(ch, 36)) for ch in raw[4:] + raw[:4])
        if int(digits) % 97 == 1 and raw not in result:
            result.append(raw)
    return result


def amounts(text: str) -> list[str]:
    """Money amounts in euros as written ("1.234,56 EUR"), in order, without repeats."""
    return list(dict.fromkeys(f"{m.group(1)} EUR" for m in _AMOUNT.finditer(text)))


def deadlines(text: str) -> list[str]:
    """Phrases that set a deadline: 'bis zum 12.03.2026', 'innerhalb eines Monats', ..."""
    return list(dict.fromkeys(re.sub(r"\s+", " ", m.group(1)) for m in _DEADLINE.finditer(text)))
