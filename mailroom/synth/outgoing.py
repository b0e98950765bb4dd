"""Synthetic outgoing letters of a city, with the recipient register they are matched against.

`plan_outgoing` draws, from one seed, a register of recipients (persons, firms, lawyers,
courts, authorities) with near-duplicate distractors — the same surname at another
address, another person at the same address, a person of the same name elsewhere, a
firm and its managing director, two courts in one building — and one letter per
target: a Schreiben or a Bescheid with Rechtsbehelfsbelehrung from one of the city's
offices, with Aktenzeichen, date and Bearbeiter, its address field written the way an
office writes it (Frau/Herrn, titles, c/o, z. Hd., Postfach, "Str." or "Straße"), which
is not always the way the register holds it. No I/O here: `outgoing_pdf` writes files.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import random
from collections.abc import Iterator
from dataclasses import dataclass

from mailroom.outgoing.records import Kind, PostalAddress, Recipient, RecipientKind
from mailroom.synth import cities, people
from mailroom.synth.cities import City
from mailroom.synth.document import Document, Heading, Paragraph, Party

FIRST_DAY = dt.date(2026, 2, 2)
NOTES = {  # Zusatz- und Vermerkzone, by kind of document
    Kind.LETTER: ((), (), (), ("Persönlich",), ("Vertraulich",), ("Nicht nachsenden",)),
    Kind.NOTICE: ((), (), ("Einschreiben",), ("Einschreiben Einwurf",), ("Einschreiben", "Rückschein")),
    Kind.FORMAL_SERVICE: (("Mit Postzustellungsurkunde",), ("Förmliche Zustellung", "Nicht nachsenden")),
}


@dataclass(frozen=True)
class Topic:
    route: str
    subject: str  # "{year}" filled
    text: tuple[str, ...]  # paragraphs of a letter
    notice: str = ""  # the notice's title; "" if the topic has no notice
    ruling: tuple[str, ...] = ()  # the operative part of the notice


TOPICS = (
    Topic(
        "steueramt",
        "Hundesteuer {year}",
        ("für Ihren Hund ist die Hundesteuer für das Jahr {year} festzusetzen.",),
        "Bescheid über die Festsetzung der Hundesteuer {year}",
        (
            "Für das Halten eines Hundes wird die Hundesteuer für {year} auf 120,00 EUR festgesetzt.",
            "Der Betrag ist am 15.08.{year} fällig.",
        ),
    ),  # fmt: skip
    Topic(
        "steueramt",
        "Grundsteuer {year}",
        ("wir bitten Sie, uns die Angaben zu Ihrem Grundstück bis zum Monatsende zu bestätigen.",),
        "Grundsteuerbescheid für das Kalenderjahr {year}",
        (
            "Die Grundsteuer B wird für {year} auf 412,36 EUR festgesetzt.",
            "Sie wird in Vierteljahresbeträgen am 15.02., 15.05., 15.08. und 15.11. fällig.",
        ),
    ),  # fmt: skip
    Topic(
        "bauamt",
        "Bauantrag für den Neubau eines Carports",
        (
            "Ihr Bauantrag ist vollständig eingegangen. Wir haben die beteiligten Stellen angehört.",
            "Bitte reichen Sie noch einen Lageplan im Maßstab 1:500 nach.",
        ),
        "Baugenehmigung",
        (
            "Die Baugenehmigung für den Neubau eines Carports wird nach Maßgabe der Bauvorlagen erteilt.",
            "Die Nebenbestimmungen in der Anlage sind Bestandteil dieser Genehmigung.",
        ),
    ),  # fmt: skip
    Topic(
        "sozialamt",
        "Ihr Antrag auf Wohngeld",
        ("zu Ihrem Antrag auf Wohngeld benötigen wir noch die Lohnbescheinigungen der letzten drei Monate.",),
        "Bescheid über Wohngeld",
        (
            "Ihnen wird für die Zeit vom 01.03.{year} bis 28.02.{next} Wohngeld von monatlich 184,00 EUR bewilligt.",
        ),
    ),  # fmt: skip
    Topic(
        "ordnungsamt",
        "Sondernutzungserlaubnis für einen Informationsstand",
        ("wir bestätigen den Eingang Ihres Antrags auf Sondernutzung der öffentlichen Verkehrsfläche.",),
        "Erlaubnis zur Sondernutzung öffentlicher Verkehrsflächen",
        (
            "Die Sondernutzung der Gehwegfläche vor dem Anwesen wird bis zum 31.12.{year} widerruflich erlaubt.",
            "Die Sondernutzungsgebühr wird auf 85,00 EUR festgesetzt.",
        ),
    ),  # fmt: skip
    Topic(
        "verkehrsbehoerde",
        "Anhörung im Verwarnungsgeldverfahren",
        (
            "Ihnen wird vorgeworfen, am 12.01.{year} die zulässige Höchstgeschwindigkeit überschritten zu haben.",
            "Sie haben Gelegenheit, sich innerhalb von zwei Wochen zu äußern.",
        ),
    ),  # fmt: skip
    Topic(
        "umweltamt",
        "Fällgenehmigung nach der Baumschutzsatzung",
        (
            "zu Ihrem Antrag auf Fällung einer Linde haben wir am 03.02.{year} eine Ortsbesichtigung durchgeführt.",
        ),
        "Bescheid über eine Fällgenehmigung",
        (
            "Die Fällung der Linde auf dem Grundstück wird genehmigt.",
            "Als Ersatz ist bis zum 30.11.{year} ein standortgerechter Laubbaum zu pflanzen.",
        ),
    ),  # fmt: skip
    Topic(
        "buergeramt",
        "Ihr Personalausweis liegt zur Abholung bereit",
        (
            "Ihr neuer Personalausweis ist fertiggestellt und kann im Bürgerbüro abgeholt werden.",
            "Bitte bringen Sie Ihr bisheriges Dokument mit.",
        ),
    ),  # fmt: skip
    Topic(
        "jugendamt",
        "Elternbeitrag für die Kindertagesstätte",
        ("wir bitten um Vorlage des Einkommensnachweises für die Berechnung des Elternbeitrags.",),
        "Bescheid über die Festsetzung des Elternbeitrags",
        (
            "Der Elternbeitrag für die Betreuung in der Kindertagesstätte wird ab 01.04.{year} auf "
            "monatlich 196,00 EUR festgesetzt.",
        ),
    ),  # fmt: skip
    Topic(
        "beschaffung",
        "Ihre Rechnung vom 14.01.{year}",
        (
            "Ihre Rechnung haben wir geprüft. Der Betrag wird innerhalb der vereinbarten Frist überwiesen.",
            "Bitte geben Sie künftig die Bestellnummer der Stadtverwaltung an.",
        ),
    ),  # fmt: skip
    Topic(
        "rechtsamt",
        "Stellungnahme in dem Verfahren",
        (
            "in der oben bezeichneten Sache nehmen wir zu dem Schriftsatz der Gegenseite wie folgt Stellung.",
            "Der angefochtene Bescheid ist rechtmäßig. Wir beantragen, die Klage abzuweisen.",
        ),
    ),  # fmt: skip
    Topic(
        "personalamt",
        "Ihre Bewerbung",
        ("vielen Dank für Ihre Bewerbung. Wir laden Sie zu einem Vorstellungsgespräch ein.",),
    ),
)
REMEDY = (
    "Gegen diesen Bescheid kann innerhalb eines Monats nach Bekanntgabe Widerspruch erhoben "
    "werden. Der Widerspruch ist bei der {city}, {address}, schriftlich, in elektronischer Form "
    "nach § 3a Abs. 2 VwVfG oder zur Niederschrift einzulegen."
)
P, F, L = RecipientKind.PERSON, RecipientKind.FIRM, RecipientKind.LAWYER
# Who the letters go to: the first letters of a plan once through this order, then drawn
# from it (10 persons, 4 firms, 2 lawyers, a court and an authority in 18).
KIND_CYCLE = (P, F, P, L, P, RecipientKind.COURT, P, F, P, RecipientKind.AUTHORITY, P, F, P, L, P, F, P, P)
FORMAL_ADDRESS = {"f": "Frau", "m": "Herrn"}
CO_FORMS = ("c/o {}", "c/o {}", "bei {}")
HOLDER_FORMS = ("z. Hd. {}", "z. Hd. {}", "zu Händen {}", "Abt. Einkauf, z. Hd. {}")


@dataclass(frozen=True)
class OutgoingLetter:
    """One letter of the city and who it is for."""

    key: str  # file name stem
    recipient_id: str
    kind: Kind
    form_b: bool
    window: tuple[str, ...]  # the address lines as printed
    notes: tuple[str, ...]  # Zusatz- und Vermerkzone
    document: Document


@dataclass(frozen=True)
class OutgoingPlan:
    city: str
    register: tuple[Recipient, ...]
    letters: tuple[OutgoingLetter, ...]


@dataclass(frozen=True)
class _Target:
    """A recipient as the register holds it, and how an office prints its window."""

    recipient: Recipient
    window: tuple[str, ...]


def plan_outgoing(count: int, seed: int, city: City) -> OutgoingPlan:
    """`count` letters of `city` with a register that holds every addressee and its distractors."""
    rng = random.Random(f"outgoing:{seed}")
    register: dict[tuple[str, ...], Recipient] = {}  # one entry per body and address
    letters: list[OutgoingLetter] = []
    ids = (f"R{i:05d}" for i in itertools.count(1))
    for n in range(count):
        kind = KIND_CYCLE[n] if n < len(KIND_CYCLE) else rng.choice(KIND_CYCLE)
        target, distractors = _DRAW[kind](rng, city, ids)
        for recipient in (target.recipient, *distractors):
            register.setdefault(_identity(recipient), recipient)
        known = register[_identity(target.recipient)]  # a court written to before keeps its entry
        letters.append(_letter(rng, city, n, dataclasses.replace(target, recipient=known)))
    entries = list(register.values())
    rng.shuffle(entries)
    return OutgoingPlan(city.name, tuple(entries), tuple(letters))


def _identity(recipient: Recipient) -> tuple[str, ...]:
    a = recipient.address
    return (recipient.kind.value, a.name, a.extra, a.street, a.postcode, a.city)


# --- recipients and their distractors ---------------------------------------------------


def _address(rng: random.Random, city: City, local: float = 0.7) -> tuple[str, str, str]:
    town = city if rng.random() < local else cities.pick(rng)
    return f"{cities.street(rng)} {people.house_number(rng)}", town.postcode(rng), town.town


def _postfach(rng: random.Random, city: City) -> tuple[str, str, str]:
    digits = str(rng.randint(10, 999999))
    grouped = " ".join(digits[max(0, i - 2) : i] for i in range(len(digits), 0, -2)[::-1])
    return f"Postfach {grouped}", city.postcode(rng), city.town


def _rec(rid: str, kind: RecipientKind, name: str, where: tuple[str, str, str], extra: str = "") -> Recipient:
    street, postcode, town = where
    return Recipient(rid, kind, PostalAddress(name, street, postcode, town, extra))


def _person(rng: random.Random, city: City, ids: Iterator[str]) -> tuple[_Target, list[Recipient]]:
    gender = rng.choice("fm")
    first = rng.choice(people.FIRST_F if gender == "f" else people.FIRST_M)
    last = rng.choice(people.LAST)
    title = rng.choice(people.ACADEMIC[:3]) if rng.random() < 0.12 else ""
    where = _address(rng, city)
    extra = rng.choice(CO_FORMS).format(
        f"{rng.choice(people.FIRST_F + people.FIRST_M)} {rng.choice(people.LAST)}"
    )
    extra = extra if rng.random() < 0.1 else ""
    if rng.random() < 0.05:
        where = _postfach(rng, city)
    target = _rec(next(ids), RecipientKind.PERSON, f"{title}{first} {last}", where, extra)
    distractors: list[Recipient] = []
    if rng.random() < 0.5:  # the same surname at another address
        other = rng.choice(people.FIRST_F + people.FIRST_M)
        distractors.append(_rec(next(ids), RecipientKind.PERSON, f"{other} {last}", _address(rng, city)))
    if rng.random() < 0.4:  # someone else in the same house, often of the same family
        other = rng.choice([f for f in people.FIRST_F + people.FIRST_M if f != first])
        surname = last if rng.random() < 0.6 else rng.choice(people.LAST)
        distractors.append(_rec(next(ids), RecipientKind.PERSON, f"{other} {surname}", where))
    if rng.random() < 0.15:  # a namesake elsewhere
        distractors.append(_rec(next(ids), RecipientKind.PERSON, f"{first} {last}", _address(rng, city)))
    name = f"{FORMAL_ADDRESS[gender]} {title if rng.random() < 0.85 else ''}{first} {last}"
    window = _window(rng, name, target.address, extra)
    return _Target(target, window), distractors


def _firm(rng: random.Random, city: City, ids: Iterator[str]) -> tuple[_Target, list[Recipient]]:
    name = people.company_name(rng, rng.choice(list(people.TRADES)), city)
    where = _postfach(rng, city) if rng.random() < 0.2 else _address(rng, city, 0.6)
    target = _rec(next(ids), RecipientKind.FIRM, name, where)
    gender = rng.choice("fm")
    director = f"{rng.choice(people.FIRST_F if gender == 'f' else people.FIRST_M)} {rng.choice(people.LAST)}"
    distractors: list[Recipient] = []
    if rng.random() < 0.5:  # the managing director, at home
        distractors.append(_rec(next(ids), RecipientKind.PERSON, director, _address(rng, city)))
    if rng.random() < 0.3:  # a firm of the same name elsewhere, or with another legal form
        base = name.rsplit(" ", 1)[0]
        other = f"{base} {rng.choice(('GmbH & Co. KG', 'Verwaltungs GmbH', 'Holding GmbH'))}"
        distractors.append(_rec(next(ids), RecipientKind.FIRM, other, _address(rng, city, 0.3)))
    extra = (
        rng.choice(HOLDER_FORMS).format(f"{FORMAL_ADDRESS[gender]} {director}") if rng.random() < 0.4 else ""
    )
    return _Target(target, _window(rng, name, target.address, extra)), distractors


def _lawyer(rng: random.Random, city: City, ids: Iterator[str]) -> tuple[_Target, list[Recipient]]:
    party = people.law_firm(rng, city)
    street, town_line = party.address[0], party.address[-1]
    where = (street, town_line[:5], town_line[6:])
    target = _rec(next(ids), RecipientKind.LAWYER, party.name, where)
    distractors: list[Recipient] = []
    if rng.random() < 0.4:  # another firm in the same building
        distractors.append(_rec(next(ids), RecipientKind.LAWYER, people.law_firm(rng, city).name, where))
    extra = f"z. Hd. {party.person}" if rng.random() < 0.4 else ""
    return _Target(target, _window(rng, party.name, target.address, extra)), distractors


def _court(rng: random.Random, city: City, ids: Iterator[str]) -> tuple[_Target, list[Recipient]]:
    kinds = ("amtsgericht", "landgericht", "sozialgericht", "verwaltungsgericht", "arbeitsgericht")
    kind, other = rng.sample(kinds, 2)
    party = people.court(rng, kind, city)
    town_line = party.address[-1]
    where = (party.address[0], town_line[:5], town_line[6:])
    target = _rec(next(ids), RecipientKind.COURT, party.name, where)
    neighbour = people.court(rng, other, city)  # at its own address: some courts share a house
    place = (neighbour.address[0], neighbour.address[-1][:5], neighbour.address[-1][6:])
    distractors = [_rec(next(ids), RecipientKind.COURT, neighbour.name, place)]
    return _Target(target, _window(rng, party.name, target.address, "")), distractors


def _authority(rng: random.Random, city: City, ids: Iterator[str]) -> tuple[_Target, list[Recipient]]:
    party = people.authority(rng, rng.choice(people.AUTHORITY_KEYS), city)
    lines = [a for a in party.address if a]
    street = lines[0] if len(lines) > 1 else ""
    town_line = lines[-1]
    if town_line[:5].isdigit():
        where = (street, town_line[:5], town_line[6:])
    else:  # a Postfach line without postcode: use the city's
        where = (street, city.postcode(rng), city.town)
    target = _rec(next(ids), RecipientKind.AUTHORITY, party.name, where)
    return _Target(target, _window(rng, party.name, target.address, "")), []


_DRAW = {
    RecipientKind.PERSON: _person,
    RecipientKind.FIRM: _firm,
    RecipientKind.LAWYER: _lawyer,
    RecipientKind.COURT: _court,
    RecipientKind.AUTHORITY: _authority,
}


def _window(rng: random.Random, name: str, address: PostalAddress, extra: str) -> tuple[str, ...]:
    """The address lines an office prints, written a little differently from the register."""
    street = address.street
    if street.endswith(tuple(f"straße {n}" for n in "0123456789")) or "straße " in street:
        street = street.replace("straße ", "str. ") if rng.random() < 0.3 else street
    elif "str. " in street:
        street = street.replace("str. ", "straße ")
    lines = [name]
    if " – " in name and len(name) > 38:  # "Amtsgericht X – Familiengericht" on two lines
        head, _, tail = name.partition(" – ")
        lines = [head, f"– {tail} –"]
    if len(" ".join(lines)) > 45 and len(lines) == 1 and " " in name:
        cut = name.rfind(" ", 0, 42)
        lines = [name[:cut], name[cut + 1 :]]
    lines += [extra] if extra else []
    lines += [street] if street else []
    lines.append(f"{address.postcode} {address.city}")
    return tuple(lines[-6:])


# --- letters ------------------------------------------------------------------------------


def _letter(rng: random.Random, city: City, n: int, target: _Target) -> OutgoingLetter:
    topics = [t for t in TOPICS if target.recipient.kind != RecipientKind.COURT or t.route == "rechtsamt"]
    topic = rng.choice(topics)
    day = FIRST_DAY + dt.timedelta(days=rng.randint(0, 300))
    kind = Kind.NOTICE if topic.notice and rng.random() < 0.5 else Kind.LETTER
    if kind == Kind.NOTICE and rng.random() < 0.2:
        kind = Kind.FORMAL_SERVICE
    worker = people.signer(rng, 0.05)
    office = people.office_name(rng, topic.route, city)
    hall = people.city_address(rng, city)
    sender = Party(
        kind="city",
        name=city.titles[0],
        address=hall,
        contact=(
            f"Tel. {people.phone(rng, 0.0, city)}",
            f"E-Mail: {topic.route}@{people.web_for(city.name)[4:]}",
        ),
        department=office,
        person=worker,
    )
    year = day.year
    fill = {"year": year, "next": year + 1, "city": city.titles[0], "address": ", ".join(hall)}
    recipient = target.recipient
    salutation = _salutation(target.window[0], recipient.kind)
    body: list[Paragraph | Heading] = []
    if kind == Kind.LETTER:
        body += [Paragraph(p.format(**fill)) for p in topic.text]
        subject = topic.subject.format(**fill)
    else:
        subject = topic.notice.format(**fill)
        body += [Paragraph(p.format(**fill)) for p in topic.ruling]
        body.append(Heading("Begründung", centered=False))
        first = topic.text[0].format(**fill)
        body.append(Paragraph(first[0].upper() + first[1:]))
        body.append(Heading("Rechtsbehelfsbelehrung", centered=False))
        body.append(Paragraph(REMEDY.format(**fill)))
    document = Document(
        layout="letter",
        sender=sender,
        recipient=Party(kind="citizen", name=target.window[0], address=target.window[1:]),
        date=day,
        place=city.name,
        references=(("Aktenzeichen", people.aktenzeichen(rng, topic.route, year)),),
        subject=subject,
        salutation=salutation,
        body=tuple(body),
        closing="Mit freundlichen Grüßen",
        signature=worker,
    )
    return OutgoingLetter(
        key=f"out_{n:05d}",
        recipient_id=recipient.id,
        kind=kind,
        form_b=rng.random() < 0.6,
        window=target.window,
        notes=rng.choice(NOTES[kind]),
        document=document,
    )


def _salutation(first_line: str, kind: RecipientKind) -> str:
    if kind != RecipientKind.PERSON:
        return "Sehr geehrte Damen und Herren,"
    words = first_line.split()
    surname = words[-1]
    if words[0] == "Frau":
        return f"Sehr geehrte Frau {surname},"
    return f"Sehr geehrter Herr {surname},"


def with_seed(letter: OutgoingLetter, seed: int) -> random.Random:
    """The random generator that draws one letter's look (the same for the same seed)."""
    return random.Random(f"outgoing-look:{seed}:{letter.key}")
