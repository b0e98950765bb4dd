"""Complaints about how the city handled a matter, not about the matter itself.

A citizen whose application, objection or question went unanswered, who was sent from
desk to desk, given wrong advice, kept waiting or treated rudely writes a Beschwerde
(a Sachbeschwerde, an Untätigkeitsbeschwerde or a Dienstaufsichtsbeschwerde). Such
letters speak of an Antrag, a Bescheid or a Frage they once sent, which is why they are
easily taken for those; what makes them complaints is the grievance about the office's
conduct and the demand for a statement, a superior or a remedy. The route stays the
office whose matter it is.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from mailroom.synth import people as pp
from mailroom.synth.document import Block, Document, Paragraph
from mailroom.synth.writers.base import CASUAL_CLOSINGS, Ctx, cap, doc, email_header, joined, paras

SUBJECTS = (
    "Dienstaufsichtsbeschwerde",
    "Dienstaufsichtsbeschwerde – {reflabel} {ref}",
    "Beschwerde über die Bearbeitung meines Anliegens",
    "Beschwerde wegen Untätigkeit – {topic}",
    "Sachbeschwerde: {topic}",
    "Keine Reaktion auf mein Schreiben vom {sent}",
    "Beschwerde über das Verhalten einer Mitarbeiterin",
    "Beschwerde über das Verhalten eines Mitarbeiters",
    "Beschwerde – Bearbeitungsdauer {topic}",
    "Unzumutbare Zustände in Ihrer Behörde",
    "Mein Vorgang {ref} – Beschwerde",
)
# What the writer once handed in; "mein Anliegen" when nothing specific.
SENT = (
    "meinen Antrag",
    "meine Unterlagen",
    "mein Schreiben",
    "meine Anfrage",
    "die von Ihnen verlangten Nachweise",
    "das ausgefüllte Formular",
    "meine E-Mail",
)
OPENINGS = (
    "hiermit erhebe ich Dienstaufsichtsbeschwerde gegen die zuständige Sachbearbeitung.",
    "ich beschwere mich hiermit förmlich über die Behandlung meiner Angelegenheit ({topic}).",
    "leider sehe ich mich gezwungen, mich über Ihre Dienststelle zu beschweren.",
    "mit diesem Schreiben beschwere ich mich über die Art und Weise, wie mein Anliegen bearbeitet wird.",
    "ich bin über den Umgang Ihres Amtes mit meinem Anliegen sehr verärgert und möchte mich beschweren.",
    "ich wende mich mit einer Beschwerde an Sie, weil ich mich von Ihrer Verwaltung nicht ernst genommen fühle.",
    "bitte verstehen Sie dieses Schreiben als Beschwerde über die Bearbeitung meines Vorgangs.",
    "ich möchte mich bei der Amtsleitung über meine Erfahrungen mit Ihrem Haus beschweren.",
)
PLAIN_OPENINGS = (
    "Ich beschwere mich über Ihr Amt.",
    "Hiermit Beschwerde.",
    "Ich will mich beschweren, so geht das nicht.",
    "Beschwerde über die Bearbeitung.",
)
# What happened, with dates; {sent}/{sent2}/{visit} are dates, {what} one of SENT.
HISTORY = (
    "Am {sent} habe ich {what} eingereicht. Seitdem habe ich nichts mehr von Ihnen gehört.",
    "{What} habe ich am {sent} persönlich abgegeben, eine Eingangsbestätigung kam nie.",
    "Seit {weeks} Wochen warte ich auf eine Antwort auf mein Schreiben vom {sent}.",
    "Ich habe {times} Mal versucht, die Sachbearbeitung telefonisch zu erreichen, ohne Erfolg.",
    "Auf meine E-Mails vom {sent} und vom {sent2} hat niemand reagiert.",
    "Bei meiner Vorsprache am {visit} wurde ich nach {hours} Stunden Wartezeit wieder nach Hause geschickt.",
    "Am {visit} hieß es, {what} sei bei Ihnen nie angekommen, obwohl ich die Abgabe belegen kann.",
    "Ich wurde am Telefon {times} Mal weiterverbunden und am Ende aus der Leitung geworfen.",
    "Die Auskunft, die ich am {visit} bekommen habe, war falsch; deshalb musste ich alles noch einmal einreichen.",
    "Einen Termin kann man online nicht buchen, alle Termine sind auf Wochen hinaus vergeben.",
    "Schon am {sent} habe ich nachgefragt, wie weit die Sache ist, und bekam nur eine automatische Antwort.",
)
GRIEVANCES = (
    "Eine solche Bearbeitungsdauer halte ich für nicht hinnehmbar.",
    "Der Mitarbeiter am Schalter war ausgesprochen unfreundlich und hat mich vor anderen Wartenden bloßgestellt.",
    "Die Sachbearbeiterin hat mir nicht zugehört und das Gespräch einfach beendet.",
    "Niemand fühlt sich zuständig, jeder verweist auf eine andere Stelle.",
    "Ich fühle mich von der Verwaltung im Stich gelassen.",
    "Durch die Verzögerung entstehen mir inzwischen erhebliche Nachteile.",
    "So geht man mit Bürgerinnen und Bürgern nicht um.",
    "Ich habe den Eindruck, dass meine Unterlagen bei Ihnen verloren gegangen sind.",
    "Mir wurde nicht einmal gesagt, welche Unterlagen eigentlich noch fehlen.",
    "Dass auf Schreiben monatelang nicht reagiert wird, ist eines Amtes unwürdig.",
)
DEMANDS = (
    "Ich erwarte eine schriftliche Stellungnahme bis zum {deadline}.",
    "Bitte nennen Sie mir den Namen der oder des Vorgesetzten.",
    "Ich bitte darum, dass sich die Amtsleitung persönlich der Sache annimmt.",
    "Ich bitte um Prüfung des Vorgangs und um eine Entschuldigung.",
    "Sollte ich bis zum {deadline} nichts hören, wende ich mich an den Oberbürgermeister.",
    "Notfalls werde ich mich an den Petitionsausschuss wenden.",
    "Ich verlange, dass mein Vorgang jetzt ohne weitere Verzögerung bearbeitet wird.",
    "Bitte teilen Sie mir mit, was Sie unternehmen, damit sich so etwas nicht wiederholt.",
    "Bitte bestätigen Sie mir den Eingang dieser Beschwerde.",
)
# To whom a complaint about an office is often addressed instead of the office itself.
HIGHER = (
    "Oberbürgermeister",
    "Oberbürgermeisterin",
    "Amtsleitung",
    "Beschwerdemanagement",
    "Bürgerbeauftragte",
)


def _slots(c: Ctx) -> None:
    """Dates of earlier contact, before this letter's date, and how often it was tried."""
    sent = c.date - dt.timedelta(days=c.rng.randint(30, 150))
    c.s["sent"] = pp.de_date(sent)
    c.s["sent2"] = pp.de_date(sent + dt.timedelta(days=c.rng.randint(10, 25)))
    c.s["visit"] = pp.de_date(c.date - dt.timedelta(days=c.rng.randint(3, 25)))
    c.s["weeks"] = str((c.date - sent).days // 7)
    c.s["times"] = c.one(("zwei", "drei", "vier", "fünf", "mehrere", "unzählige"))
    c.s["hours"] = c.one(("zwei", "drei", "zweieinhalb", "vier"))
    what = c.rng.choice(SENT)
    c.s["what"], c.s["What"] = what, cap(what)


def _story(c: Ctx, lo: int = 1, hi: int = 3) -> list[str]:
    return c.some(HISTORY, lo, hi) + c.some(GRIEVANCES, 1, 2)


def _address(c: Ctx) -> None:
    """Often addressed over the office's head; the route stays the office complained about."""
    if c.chance(0.4):
        c.dept = c.rng.choice(HIGHER)


def letter(c: Ctx) -> Document:
    """A formal written complaint: opening, what happened, the grievance, what is demanded."""
    _slots(c)
    _address(c)
    body = paras(c.one(OPENINGS), joined(_story(c)))
    if c.chance(0.5):
        body += paras(c.one(("Zur Sache selbst: ", "Worum es geht: ", "")) + f"{c.topic.name}.")
    body += paras(*c.some(DEMANDS, 1, 2))
    return doc(
        c,
        body,
        subject=c.one(SUBJECTS),
        salutation=c.salutation(),
        closing=c.closing(),
        signature=c.me.name,
    )


def mail(c: Ctx) -> Document:
    """A complaint sent by e-mail and printed by the mail room."""
    _slots(c)
    subject = c.one(SUBJECTS)
    body: list[Block] = email_header(c, c.me.name, c.me.email, subject)
    body += paras(c.one(("Sehr geehrte Damen und Herren,", "Guten Tag,", "Hallo,")))
    body += paras(cap(c.one(OPENINGS)), joined(_story(c, 1, 2)), c.one(DEMANDS))
    body += paras(f"{c.rng.choice(CASUAL_CLOSINGS)}\n{c.me.name}")
    if c.chance(0.4) and c.refs:
        body.insert(6, Paragraph(f"Mein {c.refs[0][0]}: {c.refs[0][1]}"))
    return doc(c, body, recipient=None, refs=())


def short(c: Ctx) -> Document:
    """A few blunt lines, sometimes on a card or a sheet torn from a pad."""
    _slots(c)
    text = joined([c.one(PLAIN_OPENINGS), *c.some(HISTORY, 1, 1), c.one(GRIEVANCES)])
    return doc(
        c,
        paras(text, c.one(DEMANDS)),
        layout=c.rng.choice(("letter", "note")),
        subject=c.one(SUBJECTS) if c.chance(0.6) else "",
        salutation=c.one(("", "Guten Tag,", "An die Stadtverwaltung,")),
        closing=c.rng.choice(CASUAL_CLOSINGS),
        signature=c.me.name,
        refs=c.refs if c.chance(0.5) else (),
    )


WriteFn = Callable[[Ctx], Document]
BESCHWERDE: dict[str, WriteFn] = {"conduct_letter": letter, "conduct_mail": mail, "conduct_short": short}
