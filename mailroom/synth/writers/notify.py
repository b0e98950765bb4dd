"""Applications that do not say "beantragen": a person reports a fact and expects the
office to act on it (a dog taken in, a move, a new business, a child starting school).

Such Anmeldungen and Mitteilungen are applications (antrag) for the city: they start a
procedure. They read like a cancellation or a cover letter on the surface ("melde ...",
"teile mit", "anbei"), so the generator writes them in their own words: the fact first,
then what the office should do, often with the details as a small list of fields.
"""

from __future__ import annotations

from collections.abc import Callable

from mailroom.synth.document import Block, Document, Fields
from mailroom.synth.writers.base import CASUAL_CLOSINGS, Ctx, cap, doc, email_header, joined, paras

SUBJECTS = (
    "Mitteilung: {topic}",
    "{topic}",
    "Meldung zu {topic}",
    "Bitte um Erfassung – {topic}",
    "Neue Angaben – {topic}",
)
OPENINGS = (
    "ich möchte Ihnen mitteilen, dass sich bei mir etwas geändert hat.",
    "zur Kenntnis und weiteren Veranlassung teile ich Ihnen mit:",
    "ich gebe Ihnen Bescheid, damit alles seine Ordnung hat.",
    "anbei meine Angaben für {want}.",
    "ich möchte mich fristgerecht bei Ihnen melden.",
)
# When what the person wants is itself a registration (Anmeldung, Ummeldung).
REGISTER_SUBJECTS = ("Anmeldung – {topic}", "Anzeige {topic}", "Neuanmeldung {topic}", "{topic}")
REGISTER_OPENINGS = (
    "hiermit melde ich Folgendes an:",
    "wie vorgeschrieben zeige ich Ihnen hiermit an:",
    "hiermit nehme ich {want} vor.",
    "ich komme meiner Meldepflicht nach:",
)
ACTIONS = (
    "Bitte veranlassen Sie das Nötige für {want}.",
    "Ich benötige {want}; bitte sagen Sie mir, wie es weitergeht.",
    "Die Unterlagen für {want} reiche ich gern nach, falls etwas fehlt.",
    "Bitte erfassen Sie das entsprechend und schicken Sie mir eine Bestätigung.",
    "Teilen Sie mir bitte mit, wenn Sie dafür noch etwas von mir brauchen.",
    "Falls ein Formular nötig ist, schicken Sie es mir bitte zu.",
    "Über eine kurze Bestätigung würde ich mich freuen.",
)


def _details(c: Ctx) -> list[Block]:
    """The facts as fields, when the topic has some, else nothing."""
    fields = tuple((label, c.f(value)) for label, value in c.topic.fields)
    if not fields or not c.chance(0.6):
        return []
    return [Fields(c.one(("Angaben", "Meine Angaben", "Daten")), fields)]


def _registers(c: Ctx) -> bool:
    return "meldung" in c.s["want"]


def _opening(c: Ctx) -> str:
    return c.one(REGISTER_OPENINGS if _registers(c) else OPENINGS)


def _subject(c: Ctx) -> str:
    return c.one(REGISTER_SUBJECTS if _registers(c) else SUBJECTS)


def letter(c: Ctx) -> Document:
    """A report of a fact with a request to act on it, as a letter."""
    body = paras(_opening(c), joined(c.some(c.topic.facts, 1, 2)))
    body += _details(c)
    body += paras(*c.some(ACTIONS, 1, 2))
    return doc(
        c,
        body,
        subject=_subject(c),
        salutation=c.salutation(),
        closing=c.closing(),
        signature=c.me.name,
        refs=c.refs if c.chance(0.3) else (),
    )


def mail(c: Ctx) -> Document:
    """The same report, sent by e-mail and printed."""
    subject = _subject(c)
    body: list[Block] = email_header(c, c.me.name, c.me.email, subject)
    body += paras(
        c.one(("Guten Tag,", "Sehr geehrte Damen und Herren,", "Hallo,")),
        joined([cap(_opening(c)), *c.some(c.topic.facts, 1, 2)]),
    )
    body += _details(c)
    body += paras(c.one(ACTIONS), f"{c.rng.choice(CASUAL_CLOSINGS)}\n{c.me.name}")
    return doc(c, body, recipient=None, refs=())


WriteFn = Callable[[Ctx], Document]
ANTRAG: dict[str, WriteFn] = {"notify_letter": letter, "notify_mail": mail}
