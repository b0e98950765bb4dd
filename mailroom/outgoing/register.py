"""The recipient register: entries as JSON (how the store keeps each version), read from
CSV, checked. Every change is a new version; the store keeps them all
(mailroom/store/outgoing.py)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import replace
from typing import Any

from mailroom.errors import BadInput
from mailroom.outgoing.records import Channel, Consent, PostalAddress, Recipient, RecipientKind

ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$")
POSTCODE = re.compile(r"^\d{5}$")
# CSV columns: consents as "channel:YYYY-MM-DD:source" joined by "|", preferences by "|"
CSV_COLUMNS = ("id", "kind", "name", "street", "postcode", "city", "extra", "email", "postbox_id",
               "secure_id", "consents", "preferred")  # fmt: skip


def to_json(recipient: Recipient) -> dict[str, Any]:
    return {
        "id": recipient.id,
        "kind": recipient.kind.value,
        "address": {
            "name": recipient.address.name, "street": recipient.address.street,
            "postcode": recipient.address.postcode, "city": recipient.address.city,
            "extra": recipient.address.extra,
        },
        "email": recipient.email,
        "postbox_id": recipient.postbox_id,
        "secure_id": recipient.secure_id,
        "consents": [
            {"channel": c.channel.value, "source": c.source, "given": c.given.isoformat(),
             "withdrawn": c.withdrawn.isoformat() if c.withdrawn else None}
            for c in recipient.consents
        ],
        "preferred": [c.value for c in recipient.preferred],
    }  # fmt: skip


def from_json(data: dict[str, Any]) -> Recipient:
    """A register entry from its JSON. Raises BadInput naming what is wrong."""
    try:
        address = PostalAddress(**data["address"])
        consents = tuple(
            Consent(Channel(c["channel"]), c["source"], dt.date.fromisoformat(c["given"]),
                    dt.date.fromisoformat(c["withdrawn"]) if c.get("withdrawn") else None)
            for c in data.get("consents", [])
        )  # fmt: skip
        recipient = Recipient(
            id=data["id"], kind=RecipientKind(data["kind"]), address=address, email=data.get("email", ""),
            postbox_id=data.get("postbox_id", ""), secure_id=data.get("secure_id", ""), consents=consents,
            preferred=tuple(Channel(c) for c in data.get("preferred", [])),
        )  # fmt: skip
    except (KeyError, TypeError, ValueError) as exc:
        raise BadInput(
            f"Empfängereintrag {data.get('id', '?')!r} ist unvollständig oder falsch: {exc}"
        ) from exc
    return check(recipient)


def check(recipient: Recipient) -> Recipient:
    """`recipient` if it can be used; raises BadInput naming the problem otherwise."""
    problems = []
    if not ID.match(recipient.id):
        problems.append(f"Kennung {recipient.id!r} (Buchstaben, Ziffern, . _ -, höchstens 40 Zeichen)")
    if not recipient.address.name.strip() or not recipient.address.city.strip():
        problems.append("Name und Ort der Anschrift fehlen")
    if not POSTCODE.match(recipient.address.postcode):
        problems.append(f"Postleitzahl {recipient.address.postcode!r} (fünf Ziffern)")
    if recipient.email and "@" not in recipient.email:
        problems.append(f"E-Mail-Adresse {recipient.email!r}")
    for consent in recipient.consents:
        if consent.withdrawn and consent.withdrawn < consent.given:
            problems.append(f"Widerruf der Einwilligung ({consent.channel}) vor ihrer Erteilung")
    if problems:
        raise BadInput(f"Empfänger {recipient.id!r}: {'; '.join(problems)}")
    return recipient


def withdraw(recipient: Recipient, channel: Channel, on: dt.date) -> Recipient:
    """`recipient` with its consents to `channel` in force withdrawn as of `on`.
    Raises BadInput if none is in force."""
    if not any(c.channel == channel and c.in_force(on) for c in recipient.consents):
        raise BadInput(f"Empfänger {recipient.id!r} hat keine wirksame Einwilligung für {channel}")
    consents = tuple(
        Consent(c.channel, c.source, c.given, on) if c.channel == channel and c.in_force(on) else c
        for c in recipient.consents
    )
    return replace(recipient, consents=consents)


def consent(recipient: Recipient, channel: Channel, source: str, on: dt.date) -> Recipient:
    """`recipient` with a new consent to `channel` given on `on`."""
    if not source.strip():
        raise BadInput("Eine Einwilligung braucht ihre Quelle (etwa 'Antrag vom 3.5.2026')")
    return replace(recipient, consents=(*recipient.consents, Consent(channel, source.strip(), on)))


def read_csv(text: str, where: str = "CSV") -> list[Recipient]:
    """Register entries from CSV text (header CSV_COLUMNS, `;` or `,` separated).
    Raises BadInput naming the line of the first problem; nothing is taken then."""
    dialect = csv.Sniffer().sniff(text.splitlines()[0] if text.strip() else ",", delimiters=";,")
    reader = csv.DictReader(io.StringIO(text), dialect=dialect)
    missing = [
        c for c in ("id", "kind", "name", "street", "postcode", "city") if c not in (reader.fieldnames or [])
    ]
    if missing:
        raise BadInput(f"{where}: Spalten fehlen: {', '.join(missing)} (erwartet: {', '.join(CSV_COLUMNS)})")
    recipients = []
    for line, row in enumerate(reader, start=2):
        try:
            recipients.append(_from_row(row))
        except BadInput as exc:
            raise BadInput(f"{where}, Zeile {line}: {exc}") from exc
        except ValueError as exc:
            raise BadInput(f"{where}, Zeile {line}: {exc}") from exc
    return recipients


def _from_row(row: dict[str, str]) -> Recipient:
    value = {key: (row.get(key) or "").strip() for key in CSV_COLUMNS}
    consents = []
    for part in filter(None, value["consents"].split("|")):
        channel, given, source = (part.split(":", 2) + ["", ""])[:3]
        consents.append(
            Consent(
                Channel(channel.strip()), source.strip() or "CSV-Import", dt.date.fromisoformat(given.strip())
            )
        )
    return check(
        Recipient(
            id=value["id"], kind=RecipientKind(value["kind"]),
            address=PostalAddress(value["name"], value["street"], value["postcode"], value["city"], value["extra"]),
            email=value["email"], postbox_id=value["postbox_id"], secure_id=value["secure_id"],
            consents=tuple(consents), preferred=tuple(Channel(c.strip()) for c in value["preferred"].split("|") if c.strip()),
        )
    )  # fmt: skip
