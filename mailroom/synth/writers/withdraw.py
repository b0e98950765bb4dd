"""Cancellations that end no contract: an appointment called off, a booking cancelled, an
application withdrawn, a standing order for certificates stopped.

For the city these are Kündigungen/Abmeldungen too: they end a procedure. They are
short, name a date and the matter, and often ask to confirm or to refund a fee; the
generator's other cancellation writers end contracts, memberships and registrations.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from mailroom.synth import people as pp
from mailroom.synth.document import Block, Document
from mailroom.synth.writers.base import CASUAL_CLOSINGS, Ctx, cap, doc, email_header, paras

# What is called off; {when} is a date after the letter, {since} one before it.
WHAT = (
    ("Absage des Termins am {when}", "den vereinbarten Termin am {when} sage ich hiermit ab."),
    ("Terminabsage", "leider kann ich den Termin am {when} nicht wahrnehmen und sage ihn ab."),
    ("Stornierung meiner Reservierung", "hiermit storniere ich meine Reservierung für den {when}."),
    ("Rücknahme meines Antrags", "meinen Antrag vom {since} ({topic}) nehme ich hiermit zurück."),
    ("Antrag vom {since} – Rücknahme", "ich ziehe meinen Antrag vom {since} zurück, er hat sich erledigt."),
    ("Abmeldung vom Termin", "bitte streichen Sie meinen Termin am {when}, ich komme nicht."),
    (
        "{topic} – erledigt",
        "die Angelegenheit {topic} hat sich erledigt; bitte stellen Sie die Bearbeitung ein.",
    ),
)
WHY = (
    "Wir sind kurzfristig verhindert.",
    "Ich bin leider erkrankt.",
    "Die Sache hat sich inzwischen anders geregelt.",
    "Wir haben uns für einen anderen Ort entschieden.",
    "Ich ziehe aus beruflichen Gründen weg.",
    "",
    "",
)
AFTER = (
    "Bitte bestätigen Sie mir die Absage kurz.",
    "Eine bereits gezahlte Gebühr erstatten Sie bitte auf mein Konto {iban}.",
    "Dass eine Bearbeitungsgebühr anfallen kann, ist mir bekannt.",
    "Einen neuen Termin benötige ich nicht.",
    "Ich melde mich, falls ich später einen neuen Termin brauche.",
    "Vielen Dank für Ihr Verständnis.",
)


def _dates(c: Ctx) -> None:
    c.s["when"] = pp.de_date(c.received + dt.timedelta(days=c.rng.randint(5, 70)))
    c.s["since"] = pp.de_date(c.date - dt.timedelta(days=c.rng.randint(10, 120)))


def letter(c: Ctx) -> Document:
    """A short letter calling something off."""
    _dates(c)
    subject, opening = c.rng.choice(WHAT)
    body = paras(c.f(opening), c.one(WHY), *c.some(AFTER, 1, 2))
    return doc(
        c,
        body,
        subject=subject,
        salutation=c.salutation(),
        closing=c.closing(),
        signature=c.me.name,
        refs=c.refs if c.chance(0.4) else (),
    )


def mail(c: Ctx) -> Document:
    """The same, as a printed e-mail."""
    _dates(c)
    subject, opening = c.rng.choice(WHAT)
    body: list[Block] = email_header(c, c.me.name, c.me.email, c.f(subject))
    body += paras(
        c.one(("Sehr geehrte Damen und Herren,", "Guten Tag,", "Hallo,")),
        cap(c.f(opening)),
        c.one(WHY),
        c.one(AFTER),
        f"{c.rng.choice(CASUAL_CLOSINGS)}\n{c.me.name}",
    )
    return doc(c, body, recipient=None, refs=())


WriteFn = Callable[[Ctx], Document]
KUENDIGUNG: dict[str, WriteFn] = {"calloff_letter": letter, "calloff_mail": mail}
