"""The review app's language: German by default, English by setting (`review.language`).

The texts are written in English in the code and the templates; their German is in
`locale/de/LC_MESSAGES/messages.po`, read and compiled in memory when the app is made (no
build step, nothing compiled to commit). Dates, times and numbers are formatted by Babel
for the language, times in the city's zone.
"""

from __future__ import annotations

import datetime as dt
import gettext
import io
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

from babel import Locale
from babel.dates import format_date, format_time
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal, format_percent

from mailroom.errors import BadInput

LOCALE_DIR = Path(__file__).parent / "locale"
LANGUAGES = ("de", "en")  # "en": the texts as written
TIMEZONE = ZoneInfo("Europe/Berlin")


def N_(message: str) -> str:
    """Marks a text for the catalogue where it is defined; it is translated where shown."""
    return message


class Refused(BadInput):
    """An action of the review app that cannot be done. Keeps its message as a template
    and values, so the web layer can say it in the reader's language."""

    def __init__(self, template: str, **params: object) -> None:
        super().__init__(template % params if params else template)
        self.template, self.params = template, params


class Outdated(Refused):
    """Refused because the item or file moved on since the page was shown."""


@dataclass(frozen=True)
class Language:
    """Translations and formats of one language."""

    code: str
    translations: gettext.NullTranslations

    def text(self, message: str, **params: object) -> str:
        """`message` in this language, with `params` filled in (%-style, by name)."""
        translated = self.translations.gettext(message)
        return translated % params if params else translated

    def name(self, key: str) -> str:
        """How a state, event or action (by its id) is called in this language."""
        return self.text(NAMES[key]) if key in NAMES else key

    def date(self, value: dt.date | dt.datetime | str | None) -> str:
        """A day as people write it: 04.12.2026 (Dec 4, 2026). ISO strings are read; '' stays ''."""
        if not value:
            return ""
        if isinstance(value, str):
            value = dt.date.fromisoformat(value[:10])
        if isinstance(value, dt.datetime):
            value = _local(value)
        return format_date(value, "medium", locale=self.code)

    def datetime(self, value: dt.datetime) -> str:
        """A moment in the city's time: 04.12.2026, 14:05 Uhr."""
        local = _local(value)
        return self.text(
            N_("%(date)s, %(time)s"),
            date=self.date(local),
            time=format_time(local, "short", locale=self.code),
        )

    def number(self, value: float) -> str:
        """1.234 (1,234)."""
        return format_decimal(value, locale=self.code)

    def percent(self, value: float, digits: int = 0) -> str:
        """A share of 1 as a percentage: 98,4 % (98.4%)."""
        pattern = Locale.parse(self.code).percent_formats[None].pattern
        return format_percent(
            value, pattern.replace("0", "0." + "0" * digits, 1) if digits else pattern, locale=self.code
        )


def load_language(code: str) -> Language:
    """The language `code` (one of LANGUAGES) with its catalogue."""
    if code == "en":
        return Language(code, gettext.NullTranslations())
    with (LOCALE_DIR / code / "LC_MESSAGES" / "messages.po").open("rb") as po:
        catalog = read_po(po, locale=code)
    compiled = io.BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    return Language(code, gettext.GNUTranslations(compiled))


def _local(value: dt.datetime) -> dt.datetime:
    """`value` in the city's zone; a value without a zone is UTC (SQLite gives those)."""
    return (value if value.tzinfo else value.replace(tzinfo=dt.UTC)).astimezone(TIMEZONE)


# How ids of states, events, actions and metadata are called on the pages; the ids stay in
# the database and the CLI.
NAMES = {
    "received": N_("received"),
    "claimed": N_("taken in"),
    "split": N_("split"),
    "ocr_done": N_("read (OCR)"),
    "pdf_cleaned": N_("active content removed"),
    "classified": N_("classified"),
    "auto_approved": N_("routed automatically"),
    "in_review": N_("in review"),
    "reviewed": N_("reviewed"),
    "approved": N_("approved"),
    "dispatched": N_("delivered"),
    "dispatch_failed": N_("delivery failed"),
    "archived": N_("archival copy made (PDF/A)"),
    "xdomea_reply": N_("confirmation from the e-file system"),
    "dead_letter": N_("undeliverable"),
    "dead_letter_retry": N_("delivery tried again"),
    "quarantined": N_("quarantined"),
    "failed": N_("failed"),
    "done": N_("processed"),
    "duplicate": N_("duplicate"),
    "released": N_("released for another try"),
    "handled": N_("handled by hand"),
    "confirm": N_("confirmed"),
    "correct": N_("corrected"),
    "unreadable": N_("unreadable"),
    "merge": N_("merged"),
    "sender": N_("sender"),
    "date": N_("date of the letter"),
    "references": N_("references"),
    "ibans": N_("IBAN"),
    "amounts": N_("amounts"),
    "deadlines": N_("deadlines"),
    "deadline": N_("deadline"),
    "sampled": N_("drawn for the quality sample"),
    "sample_checked": N_("checked in the quality sample"),
    "legal_hold": N_("deletion hold set"),
    "legal_hold_released": N_("deletion hold lifted"),
}
