"""Objections that never say "Widerspruch": a person answers a charge of the city (a
hearing before a fine, a late-payment surcharge, a fee for a missed deadline) and
rejects it with reasons.

For the city these are objections (widerspruch): they contest what the office holds
against the writer and ask it to drop the matter. They often blame the office itself
(no appointment to be had, a letter that came late, a portal that was down), which makes
them look like complaints; what sets them apart is the charge they answer and the
request to let it go, usually with proof enclosed.
"""

from __future__ import annotations

from collections.abc import Callable

from mailroom.synth.document import Block, Document
from mailroom.synth.writers.base import CASUAL_CLOSINGS, Ctx, cap, doc, email_header, joined, paras

SUBJECTS = (
    "Ihr Schreiben vom {bdate}",
    "Stellungnahme zum Anhörungsbogen",
    "Anhörung – {topic}",
    "{reflabel} {ref}",
    "Äußerung zu dem erhobenen Vorwurf",
    "Säumniszuschlag / {topic}",
    "Ihr Vorwurf vom {bdate}",
)
# How the charge is taken up; {bescheid} and {bdate} name the city's letter.
CHARGES = (
    "mit Ihrem Schreiben vom {bdate} wird mir vorgeworfen, in der Sache {topic} eine Frist versäumt zu haben.",
    "den im Anhörungsbogen vom {bdate} erhobenen Vorwurf weise ich zurück.",
    "zu dem mir zur Last gelegten Versäumnis ({topic}) nehme ich wie folgt Stellung.",
    "Ihr Schreiben vom {bdate} unterstellt mir, ich hätte mich nicht rechtzeitig gemeldet. Das trifft nicht zu.",
    "für die verspätete Erledigung in der Angelegenheit {topic} soll ich nun zahlen. Damit bin ich nicht einverstanden.",
    "Sie halten mir vor, die Angelegenheit {topic} zu spät erledigt zu haben.",
    "die Vorhaltungen aus Ihrem Schreiben vom {bdate} kann ich so nicht stehen lassen.",
)
# Why the writer is not to blame; several blame the office without complaining about it.
EXCUSES = (
    "Ich habe mich rechtzeitig um einen Termin bemüht, im Online-Kalender war aber über Wochen nichts frei.",
    "Ihr Schreiben hat mich erst nach Ablauf der Frist erreicht; der Umschlag ist beigefügt.",
    "An dem fraglichen Tag war Ihr Online-Portal nicht erreichbar, ich habe davon Bildschirmfotos gemacht.",
    "Zu dieser Zeit lag ich im Krankenhaus; eine Bescheinigung lege ich bei.",
    "Ich war beruflich im Ausland und konnte die Post erst nach meiner Rückkehr öffnen.",
    "Die verlangten Unterlagen habe ich fristgerecht in Ihren Briefkasten eingeworfen.",
    "Am Telefon wurde mir ausdrücklich gesagt, die Frist sei verlängert.",
    "Die Zahlung habe ich pünktlich angewiesen; der Kontoauszug liegt bei.",
)
ASKS = (
    "Ich bitte Sie daher, das Verfahren einzustellen.",
    "Von einem Bußgeld bitte ich abzusehen.",
    "Bitte nehmen Sie die Forderung zurück.",
    "Den Säumniszuschlag bitte ich zu erlassen.",
    "Ich gehe davon aus, dass sich die Sache damit erledigt hat.",
    "Bitte heben Sie die Festsetzung auf.",
)
PROOFS = (
    "Die Belege füge ich in Kopie bei.",
    "Nachweise liegen bei.",
    "Kopien der Terminbestätigungen anbei.",
    "",
)


def _body(c: Ctx) -> list[str]:
    """The charge taken up, one or two excuses, perhaps the topic's own ground, the request."""
    reasons = c.some(EXCUSES, 1, 2)
    if c.topic.grounds and c.chance(0.4):
        reasons.append(c.one(c.topic.grounds))
    return [c.one(CHARGES), joined(reasons), joined([c.one(ASKS), c.one(PROOFS)])]


def letter(c: Ctx) -> Document:
    """An answer to a charge, as a letter."""
    body = paras(*_body(c))
    return doc(
        c,
        body,
        subject=c.one(SUBJECTS),
        salutation=c.salutation(),
        closing=c.closing(),
        signature=c.me.name,
        refs=c.refs if c.chance(0.5) else (),
    )


def mail(c: Ctx) -> Document:
    """The same answer, sent by e-mail and printed."""
    subject = c.one(SUBJECTS)
    first, *rest = _body(c)
    body: list[Block] = email_header(c, c.me.name, c.me.email, subject)
    body += paras(
        c.one(("Sehr geehrte Damen und Herren,", "Guten Tag,")),
        cap(first),
        *rest,
        f"{c.rng.choice(CASUAL_CLOSINGS)}\n{c.me.name}",
    )
    return doc(c, body, recipient=None, refs=())


WriteFn = Callable[[Ctx], Document]
WIDERSPRUCH: dict[str, WriteFn] = {"rebut_letter": letter, "rebut_mail": mail}
