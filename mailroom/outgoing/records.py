"""The typed records of outgoing mail, shared by intake, register, policy and connectors.

Small frozen dataclasses, no I/O.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass


class Kind(enum.StrEnum):
    """What the law makes of a document (it limits the channels)."""

    LETTER = "letter"  # einfaches Schreiben
    NOTICE = "notice"  # Bescheid mit Rechtsbehelfsbelehrung (Bekanntgabe, § 41 VwVfG)
    FORMAL_SERVICE = "formal_service"  # förmliche Zustellung (VwZG)


class RecipientKind(enum.StrEnum):
    PERSON = "person"
    FIRM = "firm"
    LAWYER = "lawyer"
    COURT = "court"
    AUTHORITY = "authority"


class Channel(enum.StrEnum):
    POST = "post"  # Brief (Druck, Hybridpost)
    POST_SERVICE = "post_service"  # Brief mit Postzustellungsurkunde (§ 3 VwZG)
    EMAIL = "email"
    POSTBOX = "postbox"  # BundID-/OZG-Postfach, Mein Unternehmenskonto (§ 9 OZG)
    SECURE = "secure"  # EGVP / beA / beBPo


@dataclass(frozen=True)
class PostalAddress:
    """An address as it stands in a DIN 5008 address window."""

    name: str  # person or firm, one line ("Frau Erika Mustermann", "Muster GmbH")
    street: str  # "Hauptstraße 12", or "Postfach 1234"
    postcode: str  # five digits
    city: str
    extra: str = ""  # c/o, department, "z. Hd. ..."


@dataclass(frozen=True)
class Consent:
    """A recipient's consent to a channel (needed for e-mail and the postbox)."""

    channel: Channel
    source: str  # how it was given: "Antrag vom 3.5.2026", "Postfach-Einstellung"
    given: dt.date
    withdrawn: dt.date | None = None

    def in_force(self, on: dt.date) -> bool:
        return self.given <= on and (self.withdrawn is None or on < self.withdrawn)


@dataclass(frozen=True)
class Recipient:
    """One entry of the recipient register."""

    id: str
    kind: RecipientKind
    address: PostalAddress
    email: str = ""
    postbox_id: str = ""  # BundID/Unternehmenskonto postbox reference
    secure_id: str = ""  # SAFE-ID of EGVP/beA/beBPo
    consents: tuple[Consent, ...] = ()
    preferred: tuple[Channel, ...] = ()  # in order of preference


@dataclass(frozen=True)
class OutgoingDocument:
    """One letter an office sends."""

    id: str
    office: str  # route key of configs/taxonomy.yaml
    kind: Kind
    pdf_path: str  # relative to MAILROOM_HOME
    case_reference: str = ""  # Aktenzeichen
    recipient_id: str = ""  # empty: read from the address window
    urgent: bool = False
