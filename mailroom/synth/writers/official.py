"""Mail from other authorities (bescheid) and from courts and lawyers (gerichtspost)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from mailroom.synth import people as pp
from mailroom.synth.document import Block, Bullets, Checkboxes, Document, Fields, Paragraph, Table
from mailroom.synth.topics import Notice
from mailroom.synth.writers.base import Ctx, doc, email_header, joined, paras, reference_for

RECHTSBEHELF = (
    "Rechtsbehelfsbelehrung: Gegen diesen Bescheid kann innerhalb eines Monats nach "
    "Bekanntgabe Widerspruch erhoben werden. Der Widerspruch ist schriftlich oder zur "
    "Niederschrift bei der oben genannten Behörde einzulegen.",
    "Rechtsbehelfsbelehrung: Gegen diesen Bescheid ist der Einspruch gegeben. Er ist binnen "
    "eines Monats nach Bekanntgabe schriftlich einzureichen oder zur Niederschrift zu erklären.",
    "Rechtsbehelfsbelehrung: Gegen diesen Bescheid kann innerhalb eines Monats nach seiner "
    "Bekanntgabe Klage beim Verwaltungsgericht Chemnitz erhoben werden.",
)


def notice(c: Ctx) -> Notice:
    """The topic's notice (writers are only called for topics that have one)."""
    assert c.topic.notice is not None
    return c.topic.notice


def _authority(c: Ctx) -> tuple[pp.Party, tuple[tuple[str, str], ...]]:
    n = notice(c)
    sender = pp.authority(c.rng, n.authority)
    refs: tuple[tuple[str, str], ...] = ((n.ref_label, reference_for(c.rng, n.ref_label, c.route, c.received.year, c.me)),)
    if c.chance(0.5):
        refs = (*refs, ("Ihr Zeichen", c.refs[0][1]))
    if c.chance(0.4):
        refs = (*refs, ("Datum Ihres Schreibens", c.s["past"]))
    return sender, refs


def _lines(c: Ctx, lo: int = 1, hi: int = 3) -> list[str]:
    return c.some(notice(c).lines, lo, hi)


def _official(c: Ctx, body: list[Block], subject: str, title: str = "") -> Document:
    sender, refs = _authority(c)
    return doc(c, body, sender=sender, refs=refs, subject=subject, title=title,
               salutation=c.one(("Sehr geehrte Damen und Herren,",
                                 "Sehr geehrte Damen und Herren,", "")),
               closing=c.one(("Mit freundlichen Grüßen", "Im Auftrag", "")),
               signature=sender.person, place=sender.address[-1].split(" ", 1)[1])


def formal_notice(c: Ctx) -> Document:
    """A decision with operative part, reasons and appeal instructions."""
    body = paras(c.one(("Betroffene Person: {me}, geb. {birth}", "Betrifft: {me}, {town}",
                        "In der Angelegenheit {me}")),
                 joined(_lines(c, 1, 2)),
                 c.one(("Begründung: Die Entscheidung beruht auf den vorgelegten Unterlagen.",
                        "Gründe: Die gesetzlichen Voraussetzungen liegen vor.",
                        "Die Entscheidung ergeht nach Prüfung der Aktenlage.")),
                 c.one(RECHTSBEHELF))
    return _official(c, body, subject=c.f(notice(c).title), title=c.one(("Bescheid", "")))


def information(c: Ctx) -> Document:
    """A short informational letter."""
    body = paras(c.one(("wir möchten Sie über Folgendes informieren:",
                        "zu dem oben genannten Vorgang teilen wir Ihnen mit:",
                        "in der Angelegenheit {me} teilen wir Folgendes mit.")),
                 joined(_lines(c)), c.one(("Eine Antwort ist nicht erforderlich.",
                                           "Für Rückfragen stehen wir zur Verfügung.",
                                           "Wir bitten um Kenntnisnahme.")))
    return _official(c, body, subject=c.f(notice(c).title))


def request(c: Ctx) -> Document:
    """A request for information or assistance with a deadline and data fields."""
    body: list[Block] = paras(c.one(("wir bitten Sie im Wege der Amtshilfe um folgende Auskunft.",
                                     "für die weitere Bearbeitung benötigen wir Ihre Mitwirkung.",
                                     "gemäß § 4 VwVfG ersuchen wir Sie um Unterstützung.")),
                              joined(_lines(c, 1, 2)))
    body.append(Fields("Betroffene Person", (("Name", c.me.name), ("Geburtsdatum", c.s["birth"]),
                                              ("Letzte bekannte Anschrift",
                                               ", ".join(c.me.address)))))
    body += paras("Wir bitten um Antwort bis zum {deadline}.".format(**c.s))
    return _official(c, body, subject=c.one(("Auskunftsersuchen", "Amtshilfeersuchen",
                                             "Bitte um Mitwirkung")) + " – " + c.f(notice(c).title))


def calculation(c: Ctx) -> Document:
    """A notice with a calculation table."""
    rows, total = [], 0.0
    for label in c.rng.sample(("Festgesetzter Betrag", "bereits gezahlt", "Nachzahlung",
                               "Erstattung", "Zinsen", "Messbetrag", "Vorauszahlung"), 3):
        value = round(c.rng.uniform(20, 4000), 2)
        total += value
        rows.append((label, pp.money(value, unit="EUR")))
    body: list[Block] = paras(joined(_lines(c, 1, 2)), "Die Berechnung ergibt sich wie folgt:")
    body.append(Table(("Position", "Betrag"), tuple(rows), (("Summe", pp.money(total,
                                                                              unit="EUR")),)))
    body += paras(c.one(RECHTSBEHELF))
    return _official(c, body, subject=c.f(notice(c).title))


def hearing(c: Ctx) -> Document:
    """A hearing letter asking the city to comment."""
    body = paras(joined(_lines(c, 1, 2)), c.one((
        "Bevor wir entscheiden, geben wir Ihnen Gelegenheit zur Stellungnahme.",
        "Sie erhalten Gelegenheit, sich bis zum {deadline} zu äußern.",
        "Bitte teilen Sie uns Ihre Auffassung bis zum {deadline} mit.")),
        c.one(("Äußern Sie sich nicht, entscheiden wir nach Aktenlage.",
               "Die Frist kann auf Antrag verlängert werden.")))
    return _official(c, body, subject="Anhörung – " + c.f(notice(c).title))


def follow_up(c: Ctx) -> Document:
    """A reminder about an unanswered earlier letter."""
    body = paras(c.one(("mit Schreiben vom {past} hatten wir Sie um Mitteilung gebeten.",
                        "auf unser Schreiben vom {past} haben wir noch keine Antwort erhalten.")),
                 joined(_lines(c, 1, 1)),
                 "Wir bitten Sie, das Versäumte bis zum {deadline} nachzuholen.".format(**c.s))
    return _official(c, body, subject="Erinnerung – " + c.f(notice(c).title))


def control_form(c: Ctx) -> Document:
    """A notice printed as a form (Kontrollmitteilung, data transmission)."""
    body: list[Block] = [
        Fields("Meldung", (("Art", c.f(notice(c).title)), ("Person", c.me.name),
                           ("Geburtsdatum", c.s["birth"]), ("Stichtag", c.s["past"]))),
        Checkboxes("Erforderliche Maßnahme", (("Kenntnisnahme", c.chance(0.5)),
                                              ("Rückmeldung erbeten", c.chance(0.5)),
                                              ("Registerfortschreibung", c.chance(0.4)))),
        Paragraph(joined(_lines(c, 1, 2))),
    ]
    sender, refs = _authority(c)
    return doc(c, body, sender=sender, refs=refs, layout="form",
               title=c.one(("Mitteilung", "Kontrollmitteilung", "Datenübermittlung")),
               signature="")


def authority_mail(c: Ctx) -> Document:
    """A printed e-mail from an authority's mailbox."""
    sender, refs = _authority(c)
    box = f"poststelle@{pp._ascii(sender.name.split(',')[0].split(' – ')[0])[:20]}.sachsen.de"
    body = email_header(c, sender.person, box, c.f(notice(c).title))
    body += paras("Sehr geehrte Damen und Herren,", joined(_lines(c)),
                  f"{refs[0][0]}: {refs[0][1]}", f"Mit freundlichen Grüßen\nIm Auftrag\n"
                  f"{sender.person}\n{sender.name}")
    return doc(c, body, sender=sender, recipient=None, refs=refs)


def acknowledgement(c: Ctx) -> Document:
    """A confirmation of receipt with a note on the next steps."""
    body = paras(c.one(("Ihr Schreiben vom {past} ist bei uns eingegangen.",
                        "wir bestätigen den Eingang Ihrer Unterlagen.")),
                 joined(_lines(c, 1, 1)),
                 c.one(("Die Bearbeitung wird etwa {weeks} Wochen dauern.",
                        "Bitte geben Sie bei Rückfragen das oben genannte Zeichen an.")))
    return _official(c, body, subject="Eingangsbestätigung – " + c.f(notice(c).title))


# --- courts and lawyers ----------------------------------------------------------------

COURT_FOR = {"steueramt": ("verwaltungsgericht", "insolvenzgericht"),
             "sozialamt": ("sozialgericht",), "jugendamt": ("familiengericht",),
             "personalamt": ("arbeitsgericht",)}
RECHTSAMT_COURTS = {"amtshaftung": ("landgericht", "amtsgericht"),
                    "verkehrssicherung": ("landgericht", "amtsgericht"),
                    "vergabe": ("landgericht",), "mietsache": ("amtsgericht", "landgericht"),
                    "informationszugang": ("verwaltungsgericht", "oberverwaltungsgericht")}


def court_key(c: Ctx) -> str:
    options = COURT_FOR.get(c.route) or RECHTSAMT_COURTS.get(c.topic.key, ("verwaltungsgericht",))
    return c.rng.choice(options)


def _parties(c: Ctx) -> str:
    role = {"arbeitsgericht": "Klägerin" if c.me.gender == "f" else "Kläger",
            "familiengericht": "Antragstellerin" if c.me.gender == "f" else "Antragsteller"}
    key = c.s["court"]
    who = role.get(key, "Klägerin" if c.me.gender == "f" else "Kläger")
    other = "Antragsgegnerin" if key == "familiengericht" else "Beklagte"
    if key == "insolvenzgericht":
        return f"In dem Insolvenzverfahren über das Vermögen von {c.me.name}, {c.me.town}"
    return c.one((f"In dem Rechtsstreit {c.me.name} – {who} – gegen Stadt Chemnitz, vertreten "
                  f"durch den Oberbürgermeister – {other} – {c.topic.case}",
                  f"In der Verwaltungsstreitsache {c.me.name} ./. Stadt Chemnitz {c.topic.case}",
                  f"In Sachen {c.me.name} gegen Stadt Chemnitz {c.topic.case}"))


def _court_doc(c: Ctx, body: list[Block], title: str, **kw: object) -> Document:
    key = court_key(c)
    c.s["court"] = key
    sender = pp.court(c.rng, key)
    az = pp.court_az(c.rng, key, c.received.year)
    refs = (("Aktenzeichen", az), ("Ihr Zeichen", c.refs[0][1])) if c.chance(0.5) else \
        (("Aktenzeichen", az),)
    body = [Paragraph(c.f(_parties(c)))] + [
        Paragraph(c.f(b.text)) if isinstance(b, Paragraph) else b for b in body]
    if c.chance(0.3):
        c.enclosures.append(receipt(c, az, sender.name))
    return doc(c, body, sender=sender, refs=refs, title=title, subject=str(kw.get("subject", "")),
               signature=sender.person, closing="", place=sender.address[-1].split(" ", 1)[1])


def receipt(c: Ctx, az: str, court_name: str) -> Document:
    """An Empfangsbekenntnis form to be returned to the court."""
    body: list[Block] = [Fields("Empfangsbekenntnis", (("Aktenzeichen", az),
                                                        ("Gericht", court_name),
                                                        ("Zugestellt am", ""))),
                         Paragraph("Das oben bezeichnete Schriftstück habe ich erhalten.")]
    return Document("form", pp.court(c.rng, c.s["court"]), None, c.date, "Chemnitz", (), "", "",
                    tuple(body), "", "", title="Empfangsbekenntnis")


def summons(c: Ctx) -> Document:
    """A summons to an oral hearing."""
    when = c.received + dt.timedelta(days=c.rng.randint(20, 90))
    body = paras(f"Termin zur mündlichen Verhandlung wird bestimmt auf {pp.long_date(when)}, "
                 f"{c.rng.randint(8, 14)}:{c.rng.choice(('00', '30'))} Uhr, Saal "
                 f"{c.rng.randint(1, 240)}.",
                 c.one(("Zu diesem Termin wird die Beklagte geladen.",
                        "Das persönliche Erscheinen eines Vertreters mit Entscheidungsbefugnis "
                        "wird angeordnet.", "Die Beteiligten werden hiermit geladen.")),
                 c.one(("Auch im Falle des Ausbleibens kann verhandelt und entschieden werden.",
                        "Die Verwaltungsakten sind rechtzeitig vorzulegen.")))
    return _court_doc(c, body, "Ladung")


def order(c: Ctx) -> Document:
    """A court order with operative part and reasons."""
    body = paras(c.one(("hat die Kammer beschlossen:", "ergeht folgender Beschluss:")),
                 c.one(("Der Streitwert wird auf {amount} festgesetzt.",
                        "Der Antrag auf Erlass einer einstweiligen Anordnung wird abgelehnt.",
                        "Das Verfahren wird ausgesetzt.", "Der Beklagten wird aufgegeben, "
                        "die Behördenakte binnen drei Wochen vorzulegen.")),
                 "Gründe: " + c.one(("Die Entscheidung beruht auf § 63 GKG.",
                                     "Ein Anordnungsanspruch ist nicht glaubhaft gemacht.",
                                     "Die Aussetzung ist sachdienlich.")))
    return _court_doc(c, body, "Beschluss")


def judgment(c: Ctx) -> Document:
    """A judgment in excerpt."""
    body = paras("Im Namen des Volkes", c.one((
        "Die Klage wird abgewiesen. Die Kosten des Verfahrens trägt der Kläger.",
        "Der Bescheid der Beklagten vom {bdate} wird aufgehoben. Die Kosten trägt die Beklagte.",
        "Die Beklagte wird verurteilt, an den Kläger {amount} nebst Zinsen zu zahlen.")),
        "Das Urteil ist wegen der Kosten vorläufig vollstreckbar.",
        "Tatbestand und Entscheidungsgründe folgen auf den nächsten Seiten.")
    return _court_doc(c, body, "Urteil")


def court_request(c: Ctx) -> Document:
    """The court serves a claim and sets a deadline for the reply."""
    body = paras(c.one(("anliegende Klageschrift wird zugestellt.",
                        "in obiger Sache erhalten Sie die Antragsschrift zur Kenntnis.")),
                 "Es wird Gelegenheit zur Stellungnahme bis zum {deadline} gegeben.",
                 c.one(("Die Verwaltungsvorgänge sind vollständig vorzulegen.",
                        "Es wird angeregt, eine gütliche Einigung zu prüfen.")))
    return _court_doc(c, body, c.one(("Verfügung", "")))


def settlement(c: Ctx) -> Document:
    """A settlement proposal of the court."""
    body = paras("Das Gericht unterbreitet den Beteiligten folgenden Vergleichsvorschlag:")
    body.append(Bullets((c.f("1. Die Beklagte zahlt an die Klagepartei {amount}."),
                         "2. Damit sind alle Ansprüche aus dem Rechtsstreit erledigt.",
                         "3. Die Kosten werden gegeneinander aufgehoben.")))
    body += paras("Um Mitteilung binnen drei Wochen, ob der Vorschlag angenommen wird, wird "
                  "gebeten.")
    return _court_doc(c, body, "Vergleichsvorschlag")


def cost_order(c: Ctx) -> Document:
    """An order fixing the costs to be reimbursed."""
    rows = (("Verfahrensgebühr", pp.money(c.rng.uniform(90, 900), unit="EUR")),
            ("Terminsgebühr", pp.money(c.rng.uniform(80, 800), unit="EUR")),
            ("Auslagenpauschale", pp.money(20, unit="EUR")))
    body: list[Block] = paras("Die von der Beklagten zu erstattenden Kosten werden wie folgt "
                              "festgesetzt:")
    body.append(Table(("Position", "Betrag"), rows))
    body += paras("Der Betrag ist ab Antragstellung mit 5 Prozentpunkten über dem Basiszinssatz "
                  "zu verzinsen.")
    return _court_doc(c, body, "Kostenfestsetzungsbeschluss")


def claim(c: Ctx) -> Document:
    """A lawyer's statement of claim against the city, copy served via the court."""
    firm = pp.law_firm(c.rng)
    c.s["court"] = court_key(c)
    court_name = pp.COURTS[c.s["court"]][0].strip(" –")
    body = paras(f"An das {court_name}", c.f(_parties(c)),
                 "erheben wir namens und in Vollmacht der Klagepartei Klage und werden beantragen:")
    body.append(Bullets((c.one(("1. Die Beklagte wird verurteilt, an den Kläger {amount} nebst "
                                "Zinsen zu zahlen.", "1. Der Bescheid der Beklagten vom {bdate} "
                                "wird aufgehoben.", "1. Die Beklagte wird verpflichtet, den "
                                "beantragten Verwaltungsakt zu erlassen.")),
                         "2. Die Beklagte trägt die Kosten des Rechtsstreits.")))
    facts = c.topic.facts or (c.topic.case,)
    body += paras("Begründung:", c.f(c.rng.choice(facts)).replace("Ich ", "Der Kläger ")
                  .replace("Mein ", "Sein ").replace("mein ", "sein "),
                  "Beweis: Zeugnis N. N.; Vorlage der Verwaltungsakte.")
    return doc(c, body, sender=firm, refs=(("Unser Zeichen", f"{c.rng.randint(10, 999)}/"
                                           f"{c.received.year % 100}"),), title="Klage",
               signature=firm.person, closing="", recipient=None)


def demand(c: Ctx) -> Document:
    """A lawyer's letter before action with a deadline."""
    firm = pp.law_firm(c.rng)
    body = paras(c.one(("wir zeigen an, dass wir {me_formal} anwaltlich vertreten.",
                        "in der oben genannten Angelegenheit vertreten wir {me_formal}.")),
                 c.f(c.one(c.topic.facts or (c.topic.case,))),
                 c.one(("Wir fordern Sie auf, den Anspruch bis zum {deadline} dem Grunde nach "
                        "anzuerkennen.", "Sollte bis zum {deadline} keine Einigung erzielt "
                        "werden, werden wir Klage erheben.", "Wir bitten um Bestätigung, dass "
                        "die Angelegenheit Ihrer Haftpflichtversicherung gemeldet wurde.")),
                 "Eine Vollmacht liegt bei.")
    refs = (("Unser Zeichen", f"{c.rng.randint(10, 999)}/{c.received.year % 100}"), *c.refs)
    return doc(c, body, sender=firm, refs=refs,
               subject=f"{c.me.name} ./. Stadt Chemnitz {c.f(c.topic.case)}",
               salutation="Sehr geehrte Damen und Herren,", closing="Mit freundlichen Grüßen",
               signature=firm.person)


WriteFn = Callable[[Ctx], Document]
WRITERS: dict[str, dict[str, WriteFn]] = {
    "bescheid": {"formal_notice": formal_notice, "information": information, "request": request,
                 "calculation": calculation, "hearing": hearing, "follow_up": follow_up,
                 "form": control_form, "email": authority_mail, "acknowledgement": acknowledgement},
    "gerichtspost": {"summons": summons, "order": order, "judgment": judgment,
                     "court_request": court_request, "settlement": settlement,
                     "cost_order": cost_order, "claim": claim, "lawyer": demand},
}
