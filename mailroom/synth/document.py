"""The typed records that the synthetic mail generator passes from content to layout.

`content` composes a `Document` (what a letter says and who wrote it); `layout` draws it
onto pages; `scan` degrades the pages. A Document holds no pixels and does no I/O.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

PartyKind = Literal["citizen", "company", "lawyer", "authority", "court", "city"]
Layout = Literal["letter", "form", "invoice", "cv", "note", "decision", "flyer", "datasheet"]


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


@dataclass(frozen=True)
class Heading:
    """A heading inside a body: centred ("IM NAMEN DES VOLKES", "Tatbestand") or left."""

    text: str
    centered: bool = True
    large: bool = False


@dataclass(frozen=True)
class Columns:
    """Short texts set side by side (a flyer's columns); each is a heading and its text."""

    items: tuple[tuple[str, str], ...]


Block = Paragraph | Table | Fields | Checkboxes | Bullets | Heading | Columns


@dataclass(frozen=True)
class Document:
    """One written piece: the main letter of a mail item or one of its enclosures.

    `layout` says how it looks on paper: a DIN 5008 `letter`, a printed `form` with
    boxes, an `invoice` with a table, a `cv`, a short handwritten-looking `note`, a court
    `decision` (Urteil, Beschluss), a multi-column `flyer`, or a `datasheet` (the printed
    view of an electronic invoice: labelled fields in a grid, no letterhead).
    `hand` asks the form layout to fill every value by hand.
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
    hand: bool = False  # form values written by hand (a printed form filled in with a pen)


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
    city: str = ""  # the city administration the item is addressed to
    matter: str = ""  # court mail: the court matter of configs/synth.yaml court_routes

    @property
    def sender(self) -> Party:
        return self.letter.sender

    @property
    def reference(self) -> str:
        """The first file reference, as written into the `reference` column."""
        return self.letter.references[0][1] if self.letter.references else ""
