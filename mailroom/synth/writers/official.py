"""Mail from other authorities (bescheid) and from courts and lawyers (gerichtspost)."""

from __future__ import annotations

from collections.abc import Callable

from mailroom.synth import people as pp
from mailroom.synth.document import Block, Checkboxes, Document, Fields, Paragraph, Table
from mailroom.synth.topic import Notice
from mailroom.synth.writers.base import Ctx, doc, email_header, joined, paras, reference_for

RECHTSBEHELF = (
    "Rechtsbehelfsbelehrung: Gegen diesen Bescheid kann innerhalb eines Monats nach "
    "Bekanntgabe Widerspruch erhoben werden. Der Widerspruch ist schriftlich oder zur "
    "Niederschrift bei der oben genannten Behörde einzulegen.",
    "Rechtsbehelfsbelehrung: Gegen diesen Bescheid ist der Einspruch gegeben. Er ist binnen "
    "eines Monats nach Bekanntgabe schriftlich einzureichen oder zur Niederschrift zu erklären.",
    "Rechtsbehelfsbelehrung: Gegen diesen Bescheid kann innerhalb eines Monats nach seiner "
    "Bekanntgabe Klage beim {vg} erhoben werden.",
)


def notice(c: Ctx) -> Notice:
    """The topic's notice (writers are only called for topics that have one)."""
    assert c.topic.notice is not None
    return c.topic.notice


def _authority(c: Ctx) -> tuple[pp.Party, tuple[tuple[str, str], ...]]:
    n = notice(c)
    sender = pp.authority(c.rng, n.authority, c.town)
    refs: tuple[tuple[str, str], ...] = (
        (n.ref_label, reference_for(c.rng, n.ref_label, c.route, c.received.year, c.me)),
    )
    if c.chance(0.5):
        refs = (*refs, ("Ihr Zeichen", c.refs[0][1]))
    if c.chance(0.4):
        refs = (*refs, ("Datum Ihres Schreibens", c.s["past"]))
    return sender, refs


def _lines(c: Ctx, lo: int = 1, hi: int = 3) -> list[str]:
    return c.some(notice(c).lines, lo, hi)


def _official(c: Ctx, body: list[Block], subject: str, title: str = "") -> Document:
    sender, refs = _authority(c)
    return doc(
        c,
        body,
        sender=sender,
        refs=refs,
        subject=subject,
        title=title,
        salutation=c.one(("Sehr geehrte Damen und Herren,", "Sehr geehrte Damen und Herren,", "")),
        closing=c.one(("Mit freundlichen Grüßen", "Im Auftrag", "")),
        signature=sender.person,
        place=sender.address[-1].split(" ", 1)[1],
    )


def formal_notice(c: Ctx) -> Document:
    """A decision with operative part, reasons and appeal instructions."""
    body = paras(
        c.one(
            ("Betroffene Person: {me}, geb. {birth}", "Betrifft: {me}, {town}", "In der Angelegenheit {me}")
        ),
        joined(_lines(c, 1, 2)),
        c.one(
            (
                "Begründung: Die Entscheidung beruht auf den vorgelegten Unterlagen.",
                "Gründe: Die gesetzlichen Voraussetzungen liegen vor.",
                "Die Entscheidung ergeht nach Prüfung der Aktenlage.",
            )
        ),
        c.one(RECHTSBEHELF),
    )
    return _official(c, body, subject=c.f(notice(c).title), title=c.one(("Bescheid", "")))


def information(c: Ctx) -> Document:
    """A short informational letter."""
    body = paras(
        c.one(
            (
                "wir möchten Sie über Folgendes informieren:",
                "zu dem oben genannten Vorgang teilen wir Ihnen mit:",
                "in der Angelegenheit {me} teilen wir Folgendes mit.",
            )
        ),
        joined(_lines(c)),
        c.one(
            (
                "Eine Antwort ist nicht erforderlich.",
                "Für Rückfragen stehen wir zur Verfügung.",
                "Wir bitten um Kenntnisnahme.",
            )
        ),
    )
    return _official(c, body, subject=c.f(notice(c).title))


def request(c: Ctx) -> Document:
    """A request for information or assistance with a deadline and data fields."""
    body: list[Block] = paras(
        c.one(
            (
                "wir bitten Sie im Wege der Amtshilfe um folgende Auskunft.",
                "für die weitere Bearbeitung benötigen wir Ihre Mitwirkung.",
                "gemäß § 4 VwVfG ersuchen wir Sie um Unterstützung.",
            )
        ),
        joined(_lines(c, 1, 2)),
    )
    body.append(
        Fields(
            "Betroffene Person",
            (
                ("Name", c.me.name),
                ("Geburtsdatum", c.s["birth"]),
                ("Letzte bekannte Anschrift", ", ".join(c.me.address)),
            ),
        )
    )
    body += paras("Wir bitten um Antwort bis zum {deadline}.".format(**c.s))
    return _official(
        c,
        body,
        subject=c.one(("Auskunftsersuchen", "Amtshilfeersuchen", "Bitte um Mitwirkung"))
        + " – "
        + c.f(notice(c).title),
    )


def calculation(c: Ctx) -> Document:
    """A notice with a calculation table."""
    rows, total = [], 0.0
    for label in c.rng.sample(
        (
            "Festgesetzter Betrag",
            "bereits gezahlt",
            "Nachzahlung",
            "Erstattung",
            "Zinsen",
            "Messbetrag",
            "Vorauszahlung",
        ),
        3,
    ):
        value = round(c.rng.uniform(20, 4000), 2)
        total += value
        rows.append((label, pp.money(value, unit="EUR")))
    body: list[Block] = paras(joined(_lines(c, 1, 2)), "Die Berechnung ergibt sich wie folgt:")
    body.append(Table(("Position", "Betrag"), tuple(rows), (("Summe", pp.money(total, unit="EUR")),)))
    body += paras(c.one(RECHTSBEHELF))
    return _official(c, body, subject=c.f(notice(c).title))


def hearing(c: Ctx) -> Document:
    """A hearing letter asking the city to comment."""
    body = paras(
        joined(_lines(c, 1, 2)),
        c.one(
            (
                "Bevor wir entscheiden, geben wir Ihnen Gelegenheit zur Stellungnahme.",
                "Sie erhalten Gelegenheit, sich bis zum {deadline} zu äußern.",
                "Bitte teilen Sie uns Ihre Auffassung bis zum {deadline} mit.",
            )
        ),
        c.one(
            (
                "Äußern Sie sich nicht, entscheiden wir nach Aktenlage.",
                "Die Frist kann auf Antrag verlängert werden.",
            )
        ),
    )
    return _official(c, body, subject="Anhörung – " + c.f(notice(c).title))


def follow_up(c: Ctx) -> Document:
    """A reminder about an unanswered earlier letter."""
    body = paras(
        c.one(
            (
                "mit Schreiben vom {past} hatten wir Sie um Mitteilung gebeten.",
                "auf unser Schreiben vom {past} haben wir noch keine Antwort erhalten.",
            )
        ),
        joined(_lines(c, 1, 1)),
        "Wir bitten Sie, das Versäumte bis zum {deadline} nachzuholen.".format(**c.s),
    )
    return _official(c, body, subject="Erinnerung – " + c.f(notice(c).title))


def control_form(c: Ctx) -> Document:
    """A notice printed as a form (Kontrollmitteilung, data transmission)."""
    body: list[Block] = [
        Fields(
            "Meldung",
            (
                ("Art", c.f(notice(c).title)),
                ("Person", c.me.name),
                ("Geburtsdatum", c.s["birth"]),
                ("Stichtag", c.s["past"]),
            ),
        ),
        Checkboxes(
            "Erforderliche Maßnahme",
            (
                ("Kenntnisnahme", c.chance(0.5)),
                ("Rückmeldung erbeten", c.chance(0.5)),
                ("Registerfortschreibung", c.chance(0.4)),
            ),
        ),
        Paragraph(joined(_lines(c, 1, 2))),
    ]
    sender, refs = _authority(c)
    return doc(
        c,
        body,
        sender=sender,
        refs=refs,
        layout="form",
        title=c.one(("Mitteilung", "Kontrollmitteilung", "Datenübermittlung")),
        signature="",
    )


def authority_mail(c: Ctx) -> Document:
    """A printed e-mail from an authority's mailbox."""
    sender, refs = _authority(c)
    stem = pp._ascii(sender.name.split(",")[0].split(" – ")[0])
    box = f"poststelle@{''.join(ch for ch in stem if ch.isalnum())[:20]}.de"
    body = email_header(c, sender.person, box, c.f(notice(c).title))
    body += paras(
        "Sehr geehrte Damen und Herren,",
        joined(_lines(c)),
        f"{refs[0][0]}: {refs[0][1]}",
        f"Mit freundlichen Grüßen\nIm Auftrag\n{sender.person}\n{sender.name}",
    )
    return doc(c, body, sender=sender, recipient=None, refs=refs)


def acknowledgement(c: Ctx) -> Document:
    """A confirmation of receipt with a note on the next steps."""
    body = paras(
        c.one(
            (
                "Ihr Schreiben vom {past} ist bei uns eingegangen.",
                "wir bestätigen den Eingang Ihrer Unterlagen.",
            )
        ),
        joined(_lines(c, 1, 1)),
        c.one(
            (
                "Die Bearbeitung wird etwa {weeks} Wochen dauern.",
                "Bitte geben Sie bei Rückfragen das oben genannte Zeichen an.",
            )
        ),
    )
    return _official(c, body, subject="Eingangsbestätigung – " + c.f(notice(c).title))


def on_application(c: Ctx) -> Document:
    """The authority answers an application of the city (for a grant, a refund, a transfer
    of data, an extension): it speaks of "Ihr Antrag" throughout, yet it is a notice."""
    body = paras(
        c.one(
            (
                "auf Ihren Antrag vom {past} ergeht folgende Entscheidung:",
                "Ihr Antrag vom {past} ist bei uns eingegangen und wurde geprüft.",
                "Ihrem Antrag vom {past} wird im nachstehenden Umfang entsprochen.",
                "zu Ihrem Antrag vom {past} teilen wir Ihnen das Ergebnis unserer Prüfung mit.",
                "den mit Schreiben vom {past} gestellten Antrag haben wir wie folgt beschieden:",
            )
        ),
        joined(_lines(c, 1, 2)),
        c.one(
            (
                "Soweit dem Antrag nicht entsprochen werden konnte, beruht dies auf den vorgelegten Unterlagen.",
                "Weitere Unterlagen sind nicht erforderlich.",
                "Ein erneuter Antrag ist erst nach Ablauf des Bewilligungszeitraums möglich.",
                "Bitte teilen Sie uns Änderungen, die für die Entscheidung erheblich sind, unverzüglich mit.",
            )
        ),
        c.one(RECHTSBEHELF) if c.chance(0.6) else "",
    )
    return _official(c, body, subject=c.f(notice(c).title), title=c.one(("Bescheid", "Mitteilung", "")))


WriteFn = Callable[[Ctx], Document]
WRITERS: dict[str, dict[str, WriteFn]] = {
    "bescheid": {
        "formal_notice": formal_notice,
        "information": information,
        "request": request,
        "calculation": calculation,
        "hearing": hearing,
        "follow_up": follow_up,
        "form": control_form,
        "email": authority_mail,
        "acknowledgement": acknowledgement,
        "on_application": on_application,
    },
}
