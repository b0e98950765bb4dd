"""The typed records that the synthetic mail generator passes from content to layout.

`content` composes a `Document` (what a letter says and who wrote it); `layout` draws it
onto pages; `scan` degrades the pages. A Document holds no pixels and does no I/O.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

PartyKind = Literal["citizen", "company", "lawyer", "authority", "court", "city"]
Layout = Literal["letter", "form", "invoice", "cv", "note"]


@dataclass(frozen=True)
class Party:
    """A sender or recipient as it stands in an address block."""

    kind: PartyKind
    name: str  # "Frau Erika Müller", "Müller Haustechnik GmbH", "Amtsgericht Chemnitz"
    address: tuple[str, ...]  # street line(s) then "09111 Chemnitz"
    contact: tuple[str, ...] = ()  # "Tel. 0371 123456", "E-Mail: ...", "www..."
    department: str = ""  # recipient office line, e.g. "Sozialamt" (empty if none)
    person: str = ""  # contact or signing person of an organisation, "" for citizens


@dataclass(frozen=True)
class Paragraph:
    text: str  # one paragraph; the layout wraps it


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    footer: tuple[tuple[str, str], ...] = ()  # ("Summe netto", "1.234,50 EUR"), right-aligned


@dataclass(frozen=True)
class Fields:
    """Labelled boxes of a printed form, filled in (value "" = left empty)."""

    title: str
    items: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Checkboxes:
    question: str
    options: tuple[tuple[str, bool], ...]  # (label, ticked)


@dataclass(frozen=True)
class Bullets:
    items: tuple[str, ...]


Block = Paragraph | Table | Fields | Checkboxes | Bullets


@dataclass(frozen=True)
class Document:
    """One written piece: the main letter of a mail item or one of its enclosures.

    `layout` says how it looks on paper: a DIN 5008 `letter`, a printed `form` with
    boxes, an `invoice` with a table, a `cv`, or a short handwritten-looking `note`.
    """

    layout: Layout
    sender: Party
    recipient: Party | None  # None for enclosures without an address block (CV, copy)
    date: dt.date
    place: str  # "Chemnitz" -> "Chemnitz, 12.03.2026"
    references: tuple[tuple[str, str], ...]  # ("Kassenzeichen", "5.1234.567890.1")
    subject: str  # "Betreff" line; "" for none
    salutation: str  # "Sehr geehrte Damen und Herren," ; "" for none
    body: tuple[Block, ...]
    closing: str  # "Mit freundlichen Grüßen"; "" for none
    signature: str  # the name under the closing
    title: str = ""  # heading of forms, invoices, CVs ("Antrag auf ...", "Rechnung Nr. 4711")
    enclosure_list: tuple[str, ...] = ()  # "Anlagen" lines printed under the signature


@dataclass(frozen=True)
class MailItem:
    """A labelled synthetic mail item: the letter and the enclosures that travel with it."""

    doc_type: str
    route: str
    style: str  # which way of writing was used ("formal", "angry", "lawyer", ...)
    topic: str  # which topic of the route the item is about
    letter: Document
    enclosures: tuple[Document, ...] = field(default=())
    received: dt.date | None = None  # the day the city got it (the receipt stamp's date)

    @property
    def sender(self) -> Party:
        return self.letter.sender

    @property
    def reference(self) -> str:
        """The first file reference, as written into the `reference` column."""
        return self.letter.references[0][1] if self.letter.references else ""
