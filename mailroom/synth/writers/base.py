"""Shared pieces of all writers: the per-item context, greetings, and enclosure copies."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from mailroom.synth import cities
from mailroom.synth import people as pp
from mailroom.synth.cities import City
from mailroom.synth.document import (
    Block,
    Bullets,
    Checkboxes,
    Document,
    Fields,
    Layout,
    Paragraph,
    Party,
    Table,
)
from mailroom.synth.topics import Topic, slots

CITY = "city"  # marker: address the letter to the city

SALUTATIONS = (
    "Sehr geehrte Damen und Herren,",
    "Sehr geehrte Damen und Herren,",
    "Sehr geehrte Damen und Herren,",
    "Guten Tag,",
    "Sehr geehrte Frau {official},",
    "Sehr geehrter Herr {official},",
    "Sehr geehrte Sachbearbeiterin, sehr geehrter Sachbearbeiter,",
)
CLOSINGS = (
    "Mit freundlichen Grüßen",
    "Mit freundlichen Grüßen",
    "Mit freundlichen Grüßen",
    "Freundliche Grüße",
    "Mit freundlichem Gruß",
    "Beste Grüße",
)
CASUAL_CLOSINGS = ("Viele Grüße", "MfG", "Gruß", "Danke und Grüße", "Mit freundlichen Grüßen")
ROLES = (
    ("Tochter", "meiner Mutter"),
    ("Sohn", "meines Vaters"),
    ("Betreuerin", "von Frau"),
    ("Betreuer", "von Herrn"),
    ("Sozialarbeiterin", "von Frau"),
    ("Nachbar", "von Frau"),
    ("Enkelin", "meiner Großmutter"),
)


class _Keep(dict[str, str]):
    """Leaves unknown `{slot}`s in place so that a writer can fill them afterwards."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


@dataclass
class Ctx:
    """Everything one item is written from; `s` holds the values of the `{slot}`s."""

    doc_type: str
    route: str
    rng: random.Random
    received: dt.date
    date: dt.date
    topic: Topic
    me: pp.Person
    dept: str
    s: dict[str, str]
    refs: tuple[tuple[str, str], ...]
    town: City  # the city whose administration receives the item
    enclosures: list[Document] = field(default_factory=list)
    to: Party | None = None  # a recipient that replaces the usual city address (misaddressed mail)

    def f(self, text: str) -> str:
        """Fill the slots of a template."""
        return text.format_map(_Keep(self.s))

    def one(self, options: tuple[str, ...] | list[str]) -> str:
        """One alternative, filled."""
        return self.f(self.rng.choice(options))

    def some(self, options: tuple[str, ...], lo: int, hi: int) -> list[str]:
        """lo..hi distinct alternatives (fewer if there are fewer), filled."""
        k = min(len(options), self.rng.randint(lo, hi))
        return [self.f(o) for o in self.rng.sample(options, k)]

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def city(self) -> Party:
        """The city as recipient, with this item's department line."""
        return self.to or pp.city(self.rng, self.town, self.dept)

    def sender(self, contact: float = 0.6) -> Party:
        """The private sender of this item."""
        return pp.citizen_party(self.me, self.chance(contact))

    def salutation(self) -> str:
        return self.one(SALUTATIONS)

    def closing(self) -> str:
        return self.rng.choice(CLOSINGS)


def reference_for(rng: random.Random, label: str, route: str, year: int, me: pp.Person) -> str:
    """A value for a reference label of the city or another body."""
    makers = {
        "Kassenzeichen": lambda: pp.kassenzeichen(rng),
        "Kundennummer": lambda: pp.kundennummer(rng),
        "Vertragskonto": lambda: str(rng.randint(300000000, 399999999)),
        "Kennziffer": lambda: f"{rng.randint(10, 99)}/{year % 100:02d}-{rng.randint(1, 40):02d}",
        "Steuernummer": lambda: pp.steuernummer(rng),
        "Versicherungsnummer": lambda: pp.versicherungsnummer(rng, me.birth, me.last),
        "Versichertennummer": lambda: f"{me.last[0].upper()}{rng.randint(100000000, 999999999)}",
        "Kindergeldnummer": lambda: pp.kindergeldnummer(rng),
        "BG-Nummer": lambda: pp.bg_nummer(rng),
        "Buchungszeichen": lambda: pp.buchungszeichen(rng),
        "Vorgangsnummer": lambda: f"{rng.randint(100, 999)}/{year % 100:02d}/{rng.randint(1000, 99999)}",
        "Registernummer": lambda: f"G {rng.randint(100, 3999)}/{year}",
        "Betriebsnummer": lambda: f"{rng.randint(10000000, 99999999)}",
        "Personalnummer": lambda: f"{rng.randint(10000, 99999)}",
    }
    if label in makers:
        return makers[label]()
    return pp.aktenzeichen(rng, route, year)


def make_ctx(doc_type: str, route: str, topic: Topic, rng: random.Random, received: dt.date) -> Ctx:
    """Draw the sender, dates, slots and references of one item."""
    date = received - dt.timedelta(days=rng.randint(1, 10))
    town = cities.pick(rng)
    me = pp.person(rng, received, town)
    s = slots(rng, received, town)
    year = received.year
    ref_value = reference_for(rng, topic.ref, route, year, me)
    refs: tuple[tuple[str, str], ...] = ((topic.ref, ref_value),)
    if rng.random() < 0.2:
        extra = rng.choice(("Kassenzeichen", "Buchungszeichen", "BG-Nummer", "Aktenzeichen"))
        if extra != topic.ref:
            refs = (*refs, (extra, reference_for(rng, extra, route, year, me)))
    role, of = rng.choice(ROLES)
    client = pp.person(rng, received, town, min_age=60 if of.startswith("mein") else 18)
    gender_f = client.gender == "f"
    client_name = f"{'Frau' if gender_f else 'Herrn'} {client.name}"
    s.update(
        {
            "me": me.name,
            "me_formal": me.formal,
            "town": me.town,
            "phone": me.phone,
            "email": me.email,
            "birth": pp.de_date(me.birth),
            "topic": topic.name,
            "bescheid": topic.bescheid or f"Bescheid in der Angelegenheit {topic.name}",
            "want": rng.choice(topic.wants).format_map(s) if topic.wants else topic.name,
            "reflabel": refs[0][0],
            "ref": refs[0][1],
            "date": pp.de_date(date),
            "official": rng.choice(pp.LAST),
            "iban": pp.iban(rng, city=town)[0],
            "vg": town.court("verwaltungsgericht")[0],
            "cur": rng.choice(("€", "€", "EUR")),
            "client": client_name,
            "client_name": client.name,
            "role": role,
            "pron": "sie" if gender_f else "er",
            "poss": "ihre" if gender_f else "seine",
            "dat": "ihr" if gender_f else "ihm",
            "Pron": "Sie" if gender_f else "Er",
            "mandant": "unsere Mandantin" if gender_f else "unser Mandant",
            "Mandant": "Unsere Mandantin" if gender_f else "Unser Mandant",
            "mandanten": "unserer Mandantin" if gender_f else "unseres Mandanten",
        }
    )
    return Ctx(
        doc_type, route, rng, received, date, topic, me, pp.department_for(rng, route, town), s, refs, town
    )


def doc(
    c: Ctx,
    body: list[Block] | tuple[Block, ...],
    *,
    sender: Party | None = None,
    recipient: Party | None | str = CITY,
    subject: str = "",
    salutation: str = "",
    closing: str = "",
    signature: str = "",
    layout: Layout = "letter",
    refs: tuple[tuple[str, str], ...] | None = None,
    title: str = "",
    place: str = "",
) -> Document:
    """Assemble a Document with this item's date; recipient CITY means the city."""
    who = sender or c.sender()
    to = c.city() if recipient == CITY else recipient
    body = [_filled(c, b) for b in body]
    subject, title = c.f(subject), c.f(title)
    return Document(
        layout=layout,
        sender=who,
        recipient=to if isinstance(to, Party) else None,
        date=c.date,
        place=place or (who.address[-1].split(" ", 1)[1] if who.address else ""),
        references=c.refs if refs is None else refs,
        subject=subject,
        salutation=salutation,
        body=tuple(body),
        closing=closing,
        signature=signature,
        title=title,
    )


def _filled(c: Ctx, block: Block) -> Block:
    """A prose block with any `{slot}` left in literal texts filled."""
    if isinstance(block, Paragraph):
        return Paragraph(c.f(block.text))
    if isinstance(block, Bullets):
        return Bullets(tuple(c.f(t) for t in block.items))
    return block


def paras(*texts: str) -> list[Block]:
    """Paragraph blocks from texts, skipping empty ones."""
    return [Paragraph(t) for t in texts if t.strip()]


def cap(text: str) -> str:
    """Upper-case the first letter."""
    return text[:1].upper() + text[1:]


def joined(parts: list[str]) -> str:
    """Sentences joined into one paragraph text."""
    return " ".join(cap(p) for p in parts if p)


def city_domain(town: City) -> str:
    """The city administration's mail domain ("stadt-kassel.de", "halle.de")."""
    stem = pp._ascii(town.name.split(" (")[0].split(" am ")[0].split(" im ")[0])
    return ("stadt-" if len(stem) > 6 else "") + stem + ".de"


MAIL_CLIENTS = ("outlook", "thunderbird", "webmail", "apple", "plain")


def email_header(c: Ctx, sender: str, address: str, subject: str, to: str = "") -> list[Block]:
    """Header lines of a printed e-mail, as one of several mail programs prints them."""
    hour, minute = c.rng.randint(6, 23), c.rng.randint(0, 59)
    office = c.dept or c.rng.choice(("info", "post", "poststelle", "buergerservice"))
    box = "".join(ch for ch in pp._ascii(office.split(" ")[0]) if ch.isalnum()) or "post"
    to = to or f"{box}@{city_domain(c.town)}"
    weekday = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag")[
        c.date.weekday()
    ]
    client = c.rng.choice(MAIL_CLIENTS)
    cc = (
        "Cc: " + pp.email_for(c.rng, c.rng.choice(pp.FIRST_F), c.rng.choice(pp.LAST)) if c.chance(0.3) else ""
    )
    if client == "outlook":
        lines = [
            f"Von: {sender} <{address}>",
            f"Gesendet: {weekday}, {pp.long_date(c.date)} {hour:02d}:{minute:02d}",
            f"An: {to}",
            cc,
            f"Betreff: {subject}",
        ]
    elif client == "thunderbird":
        lines = [
            f"Betreff: {subject}",
            f"Von: {sender} <{address}>",
            f"Datum: {pp.de_date(c.date)}, {hour:02d}:{minute:02d}",
            f"An: {to}",
            cc,
        ]
    elif client == "webmail":
        lines = [
            f"{address[address.index('@') + 1 :]} – Nachricht drucken",
            f"Betreff: {subject}",
            f"Absender: {sender} <{address}>",
            f"Empfänger: {to}",
            f"Datum: {pp.de_date(c.date)} {hour:02d}:{minute:02d}:{c.rng.randint(10, 59)}",
        ]
    elif client == "apple":
        lines = [
            f"Von: {sender} <{address}>",
            f"Betreff: {subject}",
            f"Datum: {c.date.day}. {pp.MONTHS[c.date.month - 1]} {c.date.year} um "
            f"{hour:02d}:{minute:02d}:{c.rng.randint(10, 59)} MEZ",
            f"An: {to}",
        ]
    else:
        lines = [
            f"From: {address}",
            f"To: {to}",
            f"Date: {pp.de_date(c.date)} {hour:02d}:{minute:02d}",
            f"Subject: {subject}",
        ]
    return [Paragraph(line) for line in lines if line]


# --- enclosures --------------------------------------------------------------------


def emailed_letter(
    c: Ctx, body: list[Block], party: Party, person: str, address: str, subject: str
) -> Document:
    """`body` sent by `person` of the organisation `party` as an e-mail and printed: the
    header, a salutation, the body and a casual closing signed with name and organisation."""
    head = email_header(c, person, address, subject)
    closing = paras(f"{c.rng.choice(CASUAL_CLOSINGS)}\n{person}\n{party.name}")
    return doc(
        c,
        [*head, *paras("Sehr geehrte Damen und Herren,"), *body, *closing],
        sender=party,
        recipient=None,
        refs=(),
    )


def copy_of_city_notice(c: Ctx) -> Document:
    """A copy of the city's own notice the letter refers to."""
    who = pp.city_sender(c.rng, c.route, c.town)
    body = paras(
        c.one(("Sehr geehrte Damen und Herren,", f"Sehr geehrte(r) {c.me.formal},")),
        c.f("hiermit ergeht folgender {bescheid}."),
        c.one(
            (
                "Die Festsetzung beträgt {amount}.",
                "Ihr Antrag vom {past} wird abgelehnt.",
                "Die Leistung wird ab dem {past} eingestellt.",
                "Der Betrag ist bis zum {deadline} zu zahlen.",
            )
        ),
        "Rechtsbehelfsbelehrung: Gegen diesen Bescheid kann innerhalb eines Monats nach "
        "Bekanntgabe Widerspruch erhoben werden.",
    )
    return Document(
        "letter",
        who,
        pp.citizen_party(c.me, False),
        c.date - dt.timedelta(days=c.rng.randint(10, 30)),
        c.town.name,
        c.refs,
        c.f("{bescheid}"),
        "",
        tuple(body),
        "Im Auftrag",
        who.person,
        title="Kopie",
    )


def vollmacht(c: Ctx, holder: str) -> Document:
    """A signed power of attorney."""
    body: list[Block] = [
        Fields(
            "Vollmachtgeber/in",
            (
                ("Name", c.s["client_name"]),
                ("Geburtsdatum", c.s["birth"]),
                ("Anschrift", ", ".join(c.me.address)),
            ),
        ),
        Paragraph(
            c.one(
                (
                    f"Hiermit bevollmächtige ich {holder}, mich in der Angelegenheit {{topic}} "
                    "gegenüber der {city_title} zu vertreten.",
                    f"{holder} ist berechtigt, für mich Anträge zu stellen, Auskünfte einzuholen und "
                    "Post in Empfang zu nehmen.",
                    f"Ich erteile {holder} Vollmacht für alle Behördenangelegenheiten.",
                )
            )
        ),
        Paragraph(
            c.one(
                (
                    "Die Vollmacht gilt bis auf Widerruf.",
                    "{town}, den {past}",
                    "Diese Vollmacht umfasst auch die Akteneinsicht.",
                )
            )
        ),
    ]
    return Document(
        "form",
        pp.citizen_party(c.me, False),
        None,
        c.date,
        c.me.town,
        (),
        "",
        "",
        tuple(body),
        "",
        c.s["client_name"],
        title="Vollmacht",
    )


def _payslip(c: Ctx, name: str) -> Document:
    gross = c.rng.uniform(1400, 3900)
    tax, social = gross * c.rng.uniform(0.05, 0.14), gross * 0.205
    rows = [
        ("Grundvergütung", pp.money(gross * 0.92, unit="EUR")),
        (
            c.rng.choice(("Schichtzulage", "Zuschlag Sonntag", "Vermögenswirksame Leistung", "Überstunden")),
            pp.money(gross * 0.08, unit="EUR"),
        ),
    ]
    month = pp.MONTHS[(c.date.month - 2) % 12]
    return Document(
        "invoice",
        Party("company", c.s["employer"], pp.regional_address(c.rng, c.town)),
        None,
        c.date,
        "",
        (("Personalnummer", str(c.rng.randint(1000, 99999))),),
        "",
        "",
        (
            Table(
                ("Lohnart", "Betrag"),
                tuple(rows),
                (
                    ("Gesamtbrutto", pp.money(gross, unit="EUR")),
                    ("Lohnsteuer/Soli", pp.money(tax, unit="EUR")),
                    ("Sozialversicherung", pp.money(social, unit="EUR")),
                    ("Auszahlungsbetrag", pp.money(gross - tax - social, unit="EUR")),
                ),
            ),
        ),
        "",
        "",
        title=f"Entgeltabrechnung {month} – Kopie ({name})",
    )


def _certificate(c: Ctx, name: str) -> Document:
    doctor = Party(
        "company",
        f"Praxis {c.s['doctor']}",
        pp.local_address(c.rng, c.town),
        (f"Tel. {pp.phone(c.rng, 0.0, c.town)}",),
    )
    body: list[Block] = [
        Fields("Patient/in", (("Name", c.me.name), ("Geb.", pp.de_date(c.me.birth)))),
        Paragraph(
            c.one(
                (
                    "Hiermit wird bescheinigt, dass der/die oben Genannte sich in meiner Behandlung "
                    "befindet.",
                    "Aus ärztlicher Sicht ist die beantragte Maßnahme dringend erforderlich.",
                    "Der Patient ist in seiner Mobilität erheblich eingeschränkt.",
                    "Es besteht Arbeitsunfähigkeit voraussichtlich bis {deadline}.",
                )
            )
        ),
        Checkboxes(
            "Art der Bescheinigung",
            (("Erstbescheinigung", c.chance(0.6)), ("Folgebescheinigung", c.chance(0.3))),
        ),
    ]
    return Document(
        "form", doctor, None, c.date, c.town.name, (), "", "", tuple(body), "", c.s["doctor"], title=name
    )


def _statement(c: Ctx, name: str) -> Document:
    _, bank, _ = pp.iban(c.rng, city=c.town)
    rows = tuple(
        (
            pp.de_date(c.date - dt.timedelta(days=c.rng.randint(1, 80))),
            text,
            pp.money(c.rng.uniform(-900, 1400), unit="EUR"),
        )
        for text in c.rng.sample(
            (
                "Miete",
                "Rente DRV",
                "Lastschrift Stadtwerke",
                "Gehalt",
                "Kindergeld",
                "Bargeldauszahlung",
                "Kartenzahlung REWE",
                f"Wohngeld {c.town.titles[0]}",
                "Überweisung",
            ),
            5,
        )
    )
    return Document(
        "invoice",
        Party("company", bank, pp.local_address(c.rng, c.town)),
        None,
        c.date,
        "",
        (("IBAN", pp.iban(c.rng, city=c.town)[0]),),
        "",
        "",
        (Table(("Datum", "Buchungstext", "Betrag"), rows),),
        "",
        "",
        title=name,
    )


def _photos(c: Ctx, name: str) -> Document:
    items = tuple(
        c.f(t)
        for t in c.rng.sample(
            (
                "Foto 1: Ansicht von der Straße ({site})",
                "Foto 2: Detailaufnahme",
                "Foto 3: Aufnahme vom {past}, 18:40 Uhr",
                "Foto 4: Übersicht mit Maßstab",
                "Foto 5: Zustand nach dem Regen",
                "Foto 6: Blick vom Balkon",
            ),
            3,
        )
    )
    return Document(
        "note",
        c.sender(0.0),
        None,
        c.date,
        c.me.town,
        (),
        "",
        "",
        (Bullets(items),),
        "",
        c.me.name,
        title=name,
    )


def _generic_copy(c: Ctx, name: str) -> Document:
    fields = (
        (c.one(("Name", "Antragsteller/in", "Inhaber/in")), c.me.name),
        ("Anschrift", ", ".join(c.me.address)),
        (c.one(("Datum", "Ausstellungsdatum", "gültig ab")), c.s["past"]),
    )
    body: list[Block] = [
        Fields(name, fields),
        Paragraph(
            c.one(
                (
                    "Die Richtigkeit der Angaben wird bestätigt.",
                    "Kopie – Original liegt beim Antragsteller.",
                    "Diese Bescheinigung wurde maschinell erstellt.",
                )
            )
        ),
    ]
    return Document(
        "form",
        c.sender(0.0),
        None,
        c.date,
        c.me.town,
        (),
        "",
        "",
        tuple(body),
        "",
        "",
        title=f"Kopie: {name}",
    )


def evidence_doc(c: Ctx, name: str) -> Document:
    """An enclosure that looks like the named piece of evidence."""
    low = name.lower()
    if "lohn" in low or "einkommen" in low or "entgelt" in low:
        return _payslip(c, name)
    if "attest" in low or "ärztlich" in low or "arbeitsunfähigkeit" in low or "gutacht" in low:
        return _certificate(c, name)
    if "konto" in low:
        return _statement(c, name)
    if "foto" in low:
        return _photos(c, name)
    return _generic_copy(c, name)


def cv_blocks(c: Ctx, who: pp.Person, job: str) -> list[Block]:
    """The body of a CV: personal data, career table, education, skills."""
    y = c.received.year
    start = y - c.rng.randint(3, 25)
    rows = []
    for _ in range(c.rng.randint(2, 4)):
        end = min(y, start + c.rng.randint(1, 6))
        rows.append(
            (
                f"{start}–{end if end < y else 'heute'}",
                c.rng.choice(
                    (
                        "Sachbearbeiterin bei der AOK PLUS",
                        f"Verwaltungsangestellter, {c.town.landkreis}",
                        f"Kaufmann im Einzelhandel, Kaufland {c.town.name}",
                        "Erzieherin, Kita des DRK",
                        "Systemadministrator bei " + c.s["employer"],
                        "Bürokauffrau, " + c.s["employer"],
                        "Elternzeit",
                        "Bauleiter bei " + c.s["employer"],
                        f"Sozialarbeiterin, Caritas {c.town.name}",
                        "Sachbearbeiter Lohnbuchhaltung",
                    )
                ),
            )
        )
        start = end
    edu = (
        c.rng.choice(
            (
                f"Abitur, Goethe-Gymnasium {c.town.name}",
                f"Realschulabschluss, Oberschule {c.town.name}",
                "Mittlere Reife",
            )
        ),
        c.rng.choice(
            (
                "Ausbildung zur Verwaltungsfachangestellten",
                "Studium Soziale Arbeit, Hochschule Mittweida",
                f"Bachelor Informatik, Hochschule {c.town.name}",
                "Ausbildung zum Kaufmann für Büromanagement",
                "Diplom Bauingenieurwesen, TU Dresden",
                "Ausbildung zur staatlich anerkannten Erzieherin",
            )
        ),
    )
    skills = tuple(
        c.rng.sample(
            (
                "MS Office (sehr gut)",
                "Führerschein Klasse B",
                "Englisch B2",
                "Russisch (Muttersprache)",
                "SAP-Grundkenntnisse",
                "Vietnamesisch (Muttersprache)",
                "Erste-Hilfe-Kurs",
                "Ehrenamt im Sportverein",
                "AKDB/OK.VERFAHREN",
            ),
            4,
        )
    )
    return [
        Fields(
            "Persönliche Daten",
            (
                ("Name", who.name),
                ("Geburtsdatum", pp.de_date(who.birth)),
                ("Anschrift", ", ".join(who.address)),
                ("E-Mail", who.email),
            ),
        ),
        Table(("Zeitraum", "Beruflicher Werdegang"), tuple(rows)),
        Bullets(edu),
        Bullets(skills),
    ]
