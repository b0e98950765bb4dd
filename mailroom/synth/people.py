"""German people, firms, authorities, courts and file references for synthetic mail.

Every generator takes the `random.Random` to draw from and returns plain strings or a
`Party`; nothing here reads the clock or the global random state.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from mailroom.synth import cities
from mailroom.synth.cities import City
from mailroom.synth.document import Party

FIRST_F = (
    "Erika",
    "Sabine",
    "Petra",
    "Monika",
    "Ursula",
    "Karin",
    "Birgit",
    "Heike",
    "Anja",
    "Katrin",
    "Susanne",
    "Claudia",
    "Andrea",
    "Manuela",
    "Doreen",
    "Peggy",
    "Mandy",
    "Nicole",
    "Stefanie",
    "Julia",
    "Lisa",
    "Laura",
    "Lea",
    "Hannah",
    "Sophie",
    "Marie",
    "Emilia",
    "Jana",
    "Ines",
    "Kerstin",
    "Gisela",
    "Renate",
    "Helga",
    "Ingrid",
    "Christa",
    "Brigitte",
    "Jördis",
    "Anne-Kathrin",
    "Eva-Maria",
    "Lena",
    "Charlotte",
    "Antje",
    "Lan",
    "Thi Hoa",
    "Olga",
    "Natalia",
    "Swetlana",
    "Ayşe",
    "Fatma",
    "Amira",
    "Yasmin",
    "Oksana",
    "Agnieszka",
    "Ewa",
    "Daria",
    "Maja",
    "Zeynep",
    "Mariam",
    "Kübra",
)
FIRST_M = (
    "Thomas",
    "Michael",
    "Andreas",
    "Frank",
    "Uwe",
    "Jens",
    "Steffen",
    "Ronny",
    "René",
    "Sven",
    "Mike",
    "Rico",
    "Marco",
    "Torsten",
    "Matthias",
    "Stefan",
    "Jörg",
    "Jürgen",
    "Klaus",
    "Dieter",
    "Wolfgang",
    "Manfred",
    "Günter",
    "Horst",
    "Lutz",
    "Falk",
    "Maik",
    "Tobias",
    "Felix",
    "Lukas",
    "Paul",
    "Max",
    "Jonas",
    "Ben",
    "Tim",
    "Niklas",
    "Björn",
    "Karl-Heinz",
    "Hans-Jürgen",
    "Jan-Peter",
    "Gerd",
    "Siegfried",
    "Detlef",
    "Mathias",
    "Duc Anh",
    "Minh",
    "Alexej",
    "Dmitri",
    "Sergej",
    "Mehmet",
    "Ahmad",
    "Mohammed",
    "Omar",
    "Yusuf",
    "Piotr",
    "Tomasz",
    "Andrij",
    "Bohdan",
    "Karim",
    "Emre",
)
LAST = (
    "Müller",
    "Schmidt",
    "Schneider",
    "Fischer",
    "Weber",
    "Meyer",
    "Wagner",
    "Becker",
    "Schulz",
    "Hoffmann",
    "Richter",
    "Klein",
    "Wolf",
    "Schröder",
    "Neumann",
    "Schwarz",
    "Zimmermann",
    "Braun",
    "Krüger",
    "Hofmann",
    "Hartmann",
    "Lange",
    "Werner",
    "Krause",
    "Lehmann",
    "Köhler",
    "Herrmann",
    "König",
    "Walther",
    "Seidel",
    "Uhlig",
    "Günther",
    "Lorenz",
    "Fuchs",
    "Böhme",
    "Kretzschmar",
    "Ullrich",
    "Haase",
    "Vogel",
    "Friedrich",
    "Schubert",
    "Winkler",
    "Baumann",
    "Göhler",
    "Lässig",
    "Meißner",
    "Weiß",
    "Groß",
    "Große",
    "Strauß",
    "Nöbel",
    "Börner",
    "Rößler",
    "Tröger",
    "Heß",
    "Löser",
    "Dietze",
    "Ebert",
    "Glöckner",
    "Schönherr",
    "Müller-Lüdenscheidt",
    "Schmidt-Hänel",
    "Wagner-Thiele",
    "Beyer",
    "Päßler",
    "Nguyen",
    "Tran",
    "Pham",
    "Le",
    "Hoang",
    "Iwanow",
    "Schewtschenko",
    "Kowalski",
    "Nowak",
    "Wiśniewski",
    "Yılmaz",
    "Kaya",
    "Öztürk",
    "Al-Hassan",
    "Haddad",
    "Khalil",
    "Petrenko",
    "Melnyk",
    "Popescu",
    "Kuznetsov",
    "Bondarenko",
    "Demir",
)
ACADEMIC = ("Dr. ", "Dr. ", "Prof. Dr. ", "Dipl.-Ing. ")


@dataclass(frozen=True)
class Person:
    """A private person with an address; `gender` is "f" or "m"."""

    first: str
    last: str
    gender: str
    address: tuple[str, ...]
    phone: str
    email: str
    birth: dt.date

    @property
    def name(self) -> str:
        return f"{self.first} {self.last}"

    @property
    def formal(self) -> str:
        """Name with Frau/Herr, as in an address block."""
        return f"{'Frau' if self.gender == 'f' else 'Herr'} {self.name}"

    @property
    def town(self) -> str:
        return self.address[-1].split(" ", 1)[1]


def house_number(rng: random.Random) -> str:
    """A house number, sometimes with a letter suffix."""
    num = str(rng.randint(1, 148))
    return num + rng.choice(("", "", "", "", "a", "b", "c"))


def local_address(rng: random.Random, city: City) -> tuple[str, ...]:
    """A street line and a postcode line in `city` (the street is invented)."""
    return f"{cities.street(rng)} {house_number(rng)}", f"{city.postcode(rng)} {city.town}"


def regional_address(rng: random.Random, city: City, local_share: float = 0.85) -> tuple[str, ...]:
    """An address in `city` (mostly) or in its neighbouring town."""
    if rng.random() < local_share:
        return local_address(rng, city)
    name, code = city.neighbour
    return f"{cities.street(rng)} {house_number(rng)}", f"{code} {name}"


def phone(rng: random.Random, mobile: float = 0.4, city: City | None = None) -> str:
    """A landline of the city (its dialling code) or a German mobile number."""
    if rng.random() < mobile:
        prefix = rng.choice(("0151", "0152", "0160", "0162", "0170", "0172", "0176", "0178"))
        return f"{prefix} {rng.randint(1000000, 99999999)}"
    area = city.area if city else rng.choice(("030", "040", "089", "0221", "0711"))
    return f"{area} {rng.randint(200000, 9999999)}"


def _ascii(text: str) -> str:
    table = str.maketrans(
        {
            "ä": "ae",
            "ö": "oe",
            "ü": "ue",
            "ß": "ss",
            "ş": "s",
            "ı": "i",
            "ś": "s",
            "ł": "l",
            " ": "",
            "-": "",
            "Ä": "Ae",
            "Ö": "Oe",
            "Ü": "Ue",
            ".": "",
        }
    )
    return text.translate(table).lower()


def email_for(rng: random.Random, first: str, last: str) -> str:
    """A private e-mail address made from a name."""
    user = rng.choice(
        (
            f"{_ascii(first)}.{_ascii(last)}",
            f"{_ascii(first)[0]}.{_ascii(last)}",
            f"{_ascii(last)}{rng.randint(60, 99)}",
            f"{_ascii(first)}{rng.randint(1, 999)}",
        )
    )
    host = rng.choice(
        (
            "web.de",
            "gmx.de",
            "gmail.com",
            "t-online.de",
            "freenet.de",
            "posteo.de",
            "outlook.de",
            "icloud.com",
        )
    )
    return f"{user}@{host}"


def person(
    rng: random.Random,
    received: dt.date,
    city: City,
    local_share: float = 0.88,
    min_age: int = 18,
    max_age: int = 90,
) -> Person:
    """A private person living in or near `city`."""
    gender = rng.choice("fm")
    first = rng.choice(FIRST_F if gender == "f" else FIRST_M)
    last = rng.choice(LAST)
    age_days = rng.randint(min_age * 365, max_age * 365)
    birth = received - dt.timedelta(days=age_days)
    return Person(
        first,
        last,
        gender,
        regional_address(rng, city, local_share),
        phone(rng, city=city),
        email_for(rng, first, last),
        birth,
    )


def citizen_party(p: Person, contact: bool = True) -> Party:
    """The Party of a private sender."""
    lines = (f"Tel. {p.phone}", p.email) if contact else ()
    return Party(kind="citizen", name=p.name, address=p.address, contact=lines)


def full_name(rng: random.Random) -> str:
    """First and last name of a random adult."""
    return f"{rng.choice(FIRST_F + FIRST_M)} {rng.choice(LAST)}"


def signer(rng: random.Random, titled: float = 0.15) -> str:
    """Name of a person signing for an organisation."""
    title = rng.choice(ACADEMIC) if rng.random() < titled else ""
    return title + full_name(rng)


# --- money, dates, bank ------------------------------------------------------------


def money(amount: float, rng: random.Random | None = None, unit: str = "") -> str:
    """German amount: 1.234,56 € (or EUR when `unit` says so or rng picks it)."""
    text = f"{amount:,.2f}".replace(",", "X").replace(".", ",").replace("X", ".")
    if not unit:
        unit = rng.choice(("€", "€", "EUR")) if rng else "€"
    return f"{text} {unit}"


def de_date(d: dt.date) -> str:
    """dd.mm.yyyy."""
    return d.strftime("%d.%m.%Y")


MONTHS = (
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
)


def long_date(d: dt.date) -> str:
    """ "3. März 2026"."""
    return f"{d.day}. {MONTHS[d.month - 1]} {d.year}"


def iban_check(country: str, bban: str) -> str:
    """The two mod-97 check digits for an IBAN with this country and BBAN."""
    digits = "".join(str(int(ch, 36)) for ch in bban + country) + "00"
    return f"{98 - int(digits) % 97:02d}"


def iban_valid(iban: str) -> bool:
    """True when the IBAN (spaces allowed) passes the ISO 13616 mod-97 test."""
    raw = iban.replace(" ", "").upper()
    digits = "".join(str(int(ch, 36)) for ch in raw[4:] + raw[:4])
    return len(raw) == 22 and raw.startswith("DE") and int(digits) % 97 == 1


BANKS = (
    ("12030000", "Deutsche Kreditbank Berlin", "BYLADEM1001"),
    ("10010010", "Postbank", "PBNKDEFFXXX"),
    ("43060967", "GLS Gemeinschaftsbank", "GENODEM1GLS"),
    ("50010517", "ING", "INGDDEFFXXX"),
    ("37040044", "Commerzbank", "COBADEFFXXX"),
    ("10070000", "Deutsche Bank", "DEUTDEBBXXX"),
    ("70020270", "HypoVereinsbank", "HYVEDEMMXXX"),
)


def _stable(text: str, modulus: int) -> int:
    """A number from a text that is the same in every process (unlike hash())."""
    return sum((i + 1) * ord(ch) for i, ch in enumerate(text)) % modulus


def local_banks(city: City) -> tuple[tuple[str, str, str], ...]:
    """The Sparkasse and Volksbank of a city, with invented bank codes and BICs."""
    code = 10000000 + _stable(city.name, 8900000) * 10
    short = "".join(ch for ch in _ascii(city.name) if ch.isalpha())[:4].upper().ljust(4, "X")
    return (
        (f"{code:08d}"[:8], f"Sparkasse {city.name}", f"HELADE{short[:2]}{short[2:]}X"[:11]),
        (f"{code + 90000:08d}"[:8], f"Volksbank {city.name}", f"GENODE{short}1"[:11]),
    )


def iban(rng: random.Random, grouped: bool = True, city: City | None = None) -> tuple[str, str, str]:
    """A valid German IBAN with bank name and BIC: (iban, bank, bic)."""
    options = BANKS + (local_banks(city) * 3 if city else ())
    blz, bank, bic = rng.choice(options)
    bban = blz + f"{rng.randint(0, 9999999999):010d}"
    raw = "DE" + iban_check("DE", bban) + bban
    text = " ".join(raw[i : i + 4] for i in range(0, 22, 4)) if grouped else raw
    return text, bank, bic


# --- file references ---------------------------------------------------------------

OFFICE_PREFIX = {
    "buergeramt": "33",
    "standesamt": "34",
    "ordnungsamt": "32",
    "verkehrsbehoerde": "32.3",
    "steueramt": "21",
    "sozialamt": "50",
    "jugendamt": "51",
    "bauamt": "63",
    "umweltamt": "36",
    "schulamt": "40",
    "personalamt": "11",
    "rechtsamt": "30",
    "beschaffung": "10.4",
    "poststelle": "10",
}


def kassenzeichen(rng: random.Random) -> str:
    """A Kassenzeichen of the city's treasury."""
    return f"{rng.randint(1, 9)}.{rng.randint(100, 999)}.{rng.randint(100000, 999999)}.{rng.randint(1, 9)}"


def aktenzeichen(rng: random.Random, route: str, year: int) -> str:
    """An office file number such as "50.21-WG-01234/26"."""
    prefix = OFFICE_PREFIX.get(route, "10")
    part = rng.choice(("", f".{rng.randint(1, 4)}", f".{rng.randint(10, 39)}"))
    mid = rng.choice(("", "-", "-A-", "-B-", "-W-", "-G-", "-WG-", "-BV-"))
    sep = "-" if not mid else ""
    return f"{prefix}{part}{mid}{sep}{rng.randint(100, 99999):05d}/{year % 100:02d}"


COURT_REGISTERS = {
    "verwaltungsgericht": ("K", "L", "E"),
    "sozialgericht": ("SO", "AY", "R", "KR", "AS"),
    "arbeitsgericht": ("Ca", "BV", "Ga"),
    "amtsgericht": ("C",),
    "landgericht": ("O", "S"),
    "familiengericht": ("F",),
    "insolvenzgericht": ("IN", "IK"),
    "betreuungsgericht": ("XVII",),
    "vollstreckungsgericht": ("M",),
    "bussgeldgericht": ("OWi",),
    "oberverwaltungsgericht": ("B", "A", "S"),
    "landessozialgericht": ("SO", "AS"),
    "landesarbeitsgericht": ("Sa",),
    "oberlandesgericht": ("U", "W"),
}


def court_az(rng: random.Random, court: str, year: int) -> str:
    """Court file number in the style of the court, e.g. "3 K 123/26", "S 12 SO 34/26"."""
    reg = rng.choice(COURT_REGISTERS.get(court, ("C",)))
    yy = f"{year % 100:02d}"
    n = rng.randint(12, 2400)
    if court == "sozialgericht":
        return f"S {rng.randint(1, 45)} {reg} {n}/{yy}"
    if court == "landessozialgericht":
        return f"L {rng.randint(1, 12)} {reg} {n}/{yy}"
    if court == "oberverwaltungsgericht":
        return f"{rng.randint(1, 6)} {reg} {n}/{yy}"
    if court == "landesarbeitsgericht":
        return f"{rng.randint(1, 9)} {reg} {n}/{yy}"
    if court == "bussgeldgericht":
        return f"{rng.randint(1, 30)} {reg} {rng.randint(100, 999)} Js {rng.randint(1000, 99999)}/{yy}"
    return f"{rng.randint(1, 45)} {reg} {n}/{yy}"


def kundennummer(rng: random.Random) -> str:
    """A supplier's customer number."""
    return rng.choice(
        (
            f"{rng.randint(10000, 999999)}",
            f"KD-{rng.randint(1000, 99999)}",
            f"{rng.randint(100, 999)}-{rng.randint(1000, 9999)}",
        )
    )


def rechnungsnummer(rng: random.Random, year: int) -> str:
    """An invoice number."""
    return rng.choice(
        (
            f"RE-{year}-{rng.randint(1, 9999):04d}",
            f"{rng.randint(10000, 99999)}",
            f"{year % 100}{rng.randint(100000, 999999)}",
            f"R{rng.randint(100, 999)}/{year}",
        )
    )


def steuernummer(rng: random.Random) -> str:
    """A tax number in one of the Länder's formats."""
    return rng.choice(
        (
            f"{rng.randint(201, 239)}/{rng.randint(100, 999)}/{rng.randint(10000, 99999)}",
            f"0{rng.randint(10, 99)} {rng.randint(100, 999)} {rng.randint(10000, 99999)}",
            f"{rng.randint(10, 99)}/{rng.randint(100, 999)}/{rng.randint(1000, 9999)}",
        )
    )


def versicherungsnummer(rng: random.Random, birth: dt.date, last: str) -> str:
    """A pension insurance number: area, birth date, initial, serial."""
    initial = last[0].upper() if last[0].isalpha() else "X"
    initial = {"Ä": "A", "Ö": "O", "Ü": "U"}.get(initial, initial)
    return (
        f"{rng.choice((12, 13, 15, 16, 53, 54))} {birth.strftime('%d%m%y')} "
        f"{initial} {rng.randint(0, 999):03d}"
    )


def bg_nummer(rng: random.Random) -> str:
    """A Jobcenter Bedarfsgemeinschaft number."""
    return f"{rng.choice(('07101', '07102', '07201'))}BG{rng.randint(0, 9999999):07d}"


def buchungszeichen(rng: random.Random) -> str:
    """A Buchungszeichen of the city treasury."""
    return f"{rng.randint(10, 99)}.{rng.randint(100, 999)}.{rng.randint(10000, 99999)}"


def kindergeldnummer(rng: random.Random) -> str:
    """A Familienkasse Kindergeldnummer."""
    return f"{rng.randint(100, 999)}FK{rng.randint(100000, 999999)}"


# --- organisations -----------------------------------------------------------------

TRADES: dict[str, tuple[tuple[str, ...], str]] = {
    "heizung": (
        ("Haustechnik", "Heizung & Sanitär", "Heizungsbau", "Sanitär- und Heizungstechnik"),
        "Heizung · Sanitär · Lüftung",
    ),
    "buero": (
        ("Bürobedarf", "Büroservice", "Office-Versand", "Papier & Büro"),
        "Büromaterial · Büromöbel · Drucker",
    ),
    "it": (
        ("IT-Service", "Systemhaus", "IT-Solutions", "Netzwerktechnik", "Datentechnik"),
        "IT-Dienstleistungen · Hardware · Support",
    ),
    "bau": (
        ("Bau", "Hoch- und Tiefbau", "Bauunternehmung", "Straßenbau", "Dachdeckerei"),
        "Hochbau · Tiefbau · Sanierung",
    ),
    "reinigung": (
        ("Gebäudereinigung", "Reinigungsservice", "Facility Services", "Glasreinigung"),
        "Unterhaltsreinigung · Glasreinigung · Winterdienst",
    ),
    "druck": (
        ("Druckerei", "Druckhaus", "Digitaldruck", "Offsetdruck"),
        "Offsetdruck · Digitaldruck · Weiterverarbeitung",
    ),
    "energie": (("Energie", "Stadtwerke", "Energieversorgung"), "Strom · Gas · Wärme"),
    "inkasso": (
        ("Inkasso", "Forderungsmanagement", "Inkassodienst"),
        "Registriertes Inkassounternehmen nach § 10 RDG",
    ),
    "elektro": (("Elektro", "Elektrotechnik", "Elektroinstallation"), "Elektroinstallation · Gebäudetechnik"),
    "garten": (
        ("Garten- und Landschaftsbau", "Baumpflege", "Grünpflege"),
        "Baumpflege · Grünanlagen · Winterdienst",
    ),
    "verlag": (("Verlag", "Medien", "Fachverlag", "Marketing"), "Fachmedien für Kommunen"),
    "moebel": (("Objekteinrichtung", "Büromöbel", "Schulmöbel"), "Möbel für Büro und Schule"),
}
FIRM_WORDS = (
    "Nord",
    "Süd",
    "Pro",
    "City",
    "Mitte",
    "West",
    "Ost",
    "Regio",
    "Top",
    "Kompetent",
    "Plus",
    "Express",
    "Service",
)
LEGAL_FORMS = ("GmbH", "GmbH", "GmbH", "GmbH & Co. KG", "e.K.", "AG", "KG", "OHG", "UG (haftungsbeschränkt)")


def company_name(rng: random.Random, trade: str, city: City | None = None) -> str:
    """A firm name with legal form for the given trade key (sometimes naming the region)."""
    words, _ = TRADES[trade]
    region = (city.name.split(" ")[0], cities.LAENDER[city.land].name) if city else ()
    firm_words = FIRM_WORDS + region * 3
    form = rng.choice(LEGAL_FORMS if trade != "energie" else ("GmbH", "AG", "GmbH & Co. KG"))
    base = rng.choice(
        (
            f"{rng.choice(LAST)} {rng.choice(words)}",
            f"{rng.choice(words)} {rng.choice(firm_words)}",
            f"{rng.choice(LAST)} & {rng.choice(LAST)} {rng.choice(words)}",
            f"{rng.choice(firm_words)}{rng.choice(('-', ' '))}{rng.choice(words)}",
        )
    )
    if form == "e.K.":
        base = f"{rng.choice(words)} {rng.choice(FIRST_M + FIRST_F)} {rng.choice(LAST)}"
    return f"{base} {form}"


def web_for(name: str) -> str:
    """A plausible web domain for an organisation name."""
    stem = _ascii(name.split(" GmbH")[0].split(" e.K.")[0].split(" AG")[0].split(" KG")[0])
    stem = "".join(ch for ch in stem if ch.isalnum() or ch == "&").replace("&", "-")
    return f"www.{stem[:24]}.de"


def company(rng: random.Random, trade: str, city: City) -> Party:
    """A company sender for a trade key (see TRADES), in or near `city` or far away."""
    name = company_name(rng, trade, city)
    site = web_for(name)
    contact = (f"Tel. {phone(rng, 0.1, city)}", f"E-Mail: info@{site[4:]}", site)
    address = regional_address(rng, city, 0.6) if rng.random() < 0.7 else local_address(rng, cities.pick(rng))
    return Party(kind="company", name=name, address=address, contact=contact, person=signer(rng))


def law_firm(rng: random.Random, city: City) -> Party:
    """A law firm sender, mostly from the city or near it."""
    a, b = rng.sample(LAST, 2)
    name = rng.choice(
        (
            f"Rechtsanwälte {a} & Partner",
            f"Kanzlei {a} {b} Rechtsanwälte",
            f"{a} & {b} Rechtsanwälte PartG mbB",
            f"Rechtsanwaltskanzlei {a}",
            f"Rechtsanwältin {rng.choice(FIRST_F)} {a}",
            f"Anwaltskanzlei {a}, {b} & Kollegen",
            f"{a} Rechtsanwälte und Fachanwälte",
            f"Dr. {a} & Kollegen – Fachanwälte für Verwaltungsrecht",
        )
    )
    lawyer = f"{rng.choice(('Rechtsanwalt', 'Rechtsanwältin', 'RA', 'Dr.', 'RAin'))} {full_name(rng)}"
    site = web_for(name.replace("Rechtsanwälte ", "ra-").replace("Kanzlei ", "kanzlei-"))
    contact = (f"Tel. {phone(rng, 0.0, city)}", f"Fax {phone(rng, 0.0, city)}", f"E-Mail: kanzlei@{site[4:]}")
    return Party(
        kind="lawyer", name=name, address=regional_address(rng, city, 0.7), contact=contact, person=lawyer
    )


# State, federal and neighbouring bodies: key -> (name, address) for a city. "{city}" and
# "{land}" are filled; an address of None means "a street in the city".
def _authorities(city: City) -> dict[str, tuple[str, tuple[str, ...] | None]]:
    land = cities.land(city)
    upper_name, upper_town = city.upper
    neighbour, code = city.neighbour
    lg = city.court("landgericht")
    return {
        "fa_sued": (f"Finanzamt {city.name}", None),
        "fa_mitte": (
            f"Finanzamt {city.name}" + ("-Stadt" if _stable(city.name, 3) == 0 else ""),
            (
                "Postfach " + f"{_stable(city.name, 90) + 10} {_stable(city.name, 89) + 10} "
                f"{_stable(city.name, 79) + 20}",
                f"{city.postcodes[0]:05d} {city.town}",
            ),
        ),
        "drv": (land.drv[0], (_street_of(land.drv[0]), land.drv[1])),
        "drv_bund": ("Deutsche Rentenversicherung Bund", ("Ruhrstraße 2", "10709 Berlin")),
        "ba": (f"Bundesagentur für Arbeit, Agentur für Arbeit {city.name}", None),
        "jobcenter": (f"Jobcenter {city.name}", None),
        "familienkasse": (land.familienkasse, ("Postfach 10 10 51", f"{city.postcodes[0]:05d} {city.town}")),
        "ldS": (
            upper_name,
            (
                f"{cities.STREETS[_stable(upper_name, len(cities.STREETS))]} {_stable(upper_name, 60) + 1}",
                upper_town,
            ),
        ),
        "lasub": (land.schools.format(city=city.name), None),
        "kba": ("Kraftfahrt-Bundesamt", ("Fördestraße 16", "24944 Flensburg")),
        "aok": (land.aok[0], (_street_of(land.aok[0]), land.aok[1])),
        "tk": ("Techniker Krankenkasse", ("Bramfelder Straße 140", "22305 Hamburg")),
        "barmer": ("BARMER", ("Postfach 11 07 04", "42867 Wuppertal")),
        "dak": ("DAK-Gesundheit", ("Nagelsweg 27-31", "20097 Hamburg")),
        "polizei": (land.police.format(city=city.name), None),
        "lfulg": (f"Landesamt für Umwelt {land.name}", None),
        "denkmal": (f"Landesamt für Denkmalpflege {land.name}", None),
        "zvk": (f"Zusatzversorgungskasse {land.name}", ("Postfach 10 01 52", upper_town)),
        "bundesamt_justiz": ("Bundesamt für Justiz", ("Adenauerallee 99-103", "53113 Bonn")),
        "standesamt_ext": (
            f"Standesamt {neighbour}",
            (f"{cities.STREETS[_stable(neighbour, 40)]} 1", f"{code} {neighbour}"),
        ),
        "lds_jugend": (f"Landesjugendamt {land.name}", ("Postfach 11 22", upper_town)),
        "stadt_extern": (
            f"Stadtverwaltung {neighbour}, Bürgerservice",
            (f"Markt {_stable(neighbour, 9) + 1}", f"{code} {neighbour}"),
        ),
        "landkreis": (f"{city.landkreis} – Der Landrat", ("Kreishaus", f"{code} {neighbour}")),
        "lasuv": (f"Landesbetrieb Straßenbau {land.name}", ("Postfach 21 01", upper_town)),
        "staatsanwalt": (f"Staatsanwaltschaft {lg[1].split(' ', 1)[1]}", ("Justizzentrum", lg[1])),
        "ihk": (f"Industrie- und Handelskammer {city.name}", None),
        "hwk": (f"Handwerkskammer {city.name}", None),
        "statistik": land.statistik[0:1] + (("Postfach", land.statistik[1]),),
    }


def _street_of(name: str) -> str:
    """An invented street address that stays the same for the same body."""
    return f"{cities.STREETS[_stable(name, len(cities.STREETS))]} {_stable(name, 90) + 1}"


def authority(rng: random.Random, key: str, city: City) -> Party:
    """A state, federal or neighbouring authority as sender, with a case worker."""
    name, address = _authorities(city)[key]
    if address is None:
        address = (
            f"{cities.STREETS[_stable(name, len(cities.STREETS))]} {_stable(name, 90) + 1}",
            f"{city.postcodes[0] + _stable(name, 4):05d} {city.town}",
        )
    contact = (f"Tel. {phone(rng, 0.0, city)}", f"Sachbearbeitung: {signer(rng, 0.0)}")
    return Party(kind="authority", name=name, address=address, contact=contact, person=signer(rng, 0.0))


AUTHORITY_KEYS = tuple(_authorities(cities.CITIES[0]))

# Courts by kind: the court of the city that decides, with the department in its name.
COURT_KINDS = (
    "amtsgericht",
    "landgericht",
    "sozialgericht",
    "verwaltungsgericht",
    "arbeitsgericht",
    "familiengericht",
    "insolvenzgericht",
    "betreuungsgericht",
    "vollstreckungsgericht",
    "bussgeldgericht",
    "oberverwaltungsgericht",
    "landessozialgericht",
    "landesarbeitsgericht",
    "oberlandesgericht",
)
COURT_STREETS = (
    "Justizzentrum",
    "Gerichtsstraße",
    "Am Justizzentrum",
    "Justizplatz",
    "Hohe Straße",
    "Gerichtsplatz",
    "Bahnhofstraße",
    "Schlossplatz",
    "Ring",
    "Justizgebäude, Wilhelmstraße",
)
COURT_DEPARTMENTS = {
    "familiengericht": "Familiengericht",
    "insolvenzgericht": "Insolvenzgericht",
    "betreuungsgericht": "Betreuungsgericht",
    "vollstreckungsgericht": "Vollstreckungsgericht",
    "bussgeldgericht": "Abteilung für Bußgeldsachen",
}


def court_name(kind: str, city: City) -> tuple[str, str]:
    """(name, "postcode town") of the court of `kind` competent for `city`."""
    if kind == "oberverwaltungsgericht":
        return cities.OVG[city.land]
    seat = city.court("landgericht")[1]
    if kind == "landessozialgericht":
        return f"Landessozialgericht {cities.LAENDER[city.land].name}", seat
    if kind == "landesarbeitsgericht":
        return f"Landesarbeitsgericht {cities.LAENDER[city.land].name}", seat
    if kind == "oberlandesgericht":
        return f"Oberlandesgericht {cities.LAENDER[city.land].name}", seat
    if kind in COURT_DEPARTMENTS:
        name, town = city.court("amtsgericht")
        return f"{name} – {COURT_DEPARTMENTS[kind]}", town
    return city.court(kind)


def court(rng: random.Random, kind: str, city: City) -> Party:
    """A court as sender; the person is the clerk or judge who signs."""
    name, town = court_name(kind, city)
    street = f"{COURT_STREETS[_stable(name, len(COURT_STREETS))]} {_stable(name, 40) + 1}"
    female = rng.random() < 0.5
    who = f"{rng.choice(FIRST_F if female else FIRST_M)} {rng.choice(LAST)}"
    base = name.split(" – ")[0].split(" ")[0]
    signing = rng.choice(
        (
            "Urkundsbeamtin der Geschäftsstelle" if female else "Urkundsbeamter der Geschäftsstelle",
            "Justizangestellte" if female else "Justizangestellter",
            "Justizobersekretärin" if female else "Justizobersekretär",
            f"{'Richterin' if female else 'Richter'} am {base}",
        )
    )
    contact = (f"Tel. {phone(rng, 0.0, city)}", f"Fax {phone(rng, 0.0, city)}")
    return Party(kind="court", name=name, address=(street, town), contact=contact, person=f"{who}, {signing}")


# --- the city as recipient ---------------------------------------------------------

# How cities name their offices: one tuple of names per naming scheme and route.
OFFICES: dict[str, dict[str, tuple[str, ...]]] = {
    "amt": {
        "buergeramt": ("Bürgeramt", "Bürgerservice / Meldebehörde", "Bürgerbüro", "Meldebehörde"),
        "standesamt": ("Standesamt", "Standesamt – Urkundenstelle", "Standesamt – Eheschließungen"),
        "ordnungsamt": (
            "Ordnungsamt",
            "Ordnungsamt – Gewerbeangelegenheiten",
            "Ordnungsamt, Allgemeine Ordnungsangelegenheiten",
        ),
        "verkehrsbehoerde": (
            "Straßenverkehrsbehörde",
            "Tiefbauamt – Straßenverkehrsbehörde",
            "Bußgeldstelle",
            "Straßenverkehrsamt",
        ),
        "steueramt": (
            "Kassen- und Steueramt",
            "Stadtkasse",
            "Steueramt – Sachgebiet Hundesteuer",
            "Kassen- und Steueramt – Vollstreckung",
            "Stadtsteueramt",
        ),
        "sozialamt": (
            "Sozialamt",
            "Sozialamt – Wohngeldstelle",
            "Sozialamt, Abt. Hilfe zur Pflege",
            "Betreuungsbehörde",
        ),
        "jugendamt": (
            "Amt für Jugend und Familie",
            "Jugendamt",
            "Jugendamt – Unterhaltsvorschuss",
            "Jugendamt – Allgemeiner Sozialer Dienst",
        ),
        "bauamt": ("Bauordnungsamt", "Untere Bauaufsichtsbehörde", "Bauaufsichtsamt"),
        "umweltamt": ("Umweltamt", "Untere Naturschutzbehörde", "Umweltamt – Abfallbehörde"),
        "schulamt": ("Schulverwaltungsamt", "Amt für Schulen", "Schulverwaltungsamt – Schülerbeförderung"),
        "personalamt": ("Personalamt", "Personal- und Organisationsamt", "Personalservice"),
        "rechtsamt": (
            "Rechtsamt",
            "Rechtsamt – Prozessvertretung",
            "Rechts- und Versicherungsamt",
            "Rechtsabteilung",
        ),
        "beschaffung": ("Zentrale Beschaffung", "Rechnungseingang", "Zentrale Vergabestelle"),
        "poststelle": ("Poststelle", "Öffentlichkeitsarbeit", "Büro des Oberbürgermeisters"),
    },
    "nummer": {
        "buergeramt": ("Amt 33 – Bürgeramt", "Bürgeramt (33)", "33 – Bürgerservice"),
        "standesamt": ("Amt 34 – Standesamt", "Standesamt (34)"),
        "ordnungsamt": ("Amt 32 – Ordnungsamt", "Amt für öffentliche Ordnung (32)"),
        "verkehrsbehoerde": (
            "Amt 32 – Straßenverkehrsbehörde",
            "Amt 66 – Verkehrsbehörde",
            "32.3 – Bußgeldstelle",
        ),
        "steueramt": ("Amt 20 – Stadtkämmerei, Steuern", "Amt 21 – Stadtkasse", "Amt 22 – Steueramt"),
        "sozialamt": ("Amt 50 – Sozialamt", "Amt für Soziales und Wohnen (50)", "50.3 – Betreuungsbehörde"),
        "jugendamt": ("Amt 51 – Jugendamt", "Amt für Kinder, Jugend und Familie (51)"),
        "bauamt": ("Amt 63 – Bauordnungsamt", "Bauaufsicht (63)"),
        "umweltamt": ("Amt 36 – Umweltamt", "Amt für Umweltschutz (36)"),
        "schulamt": ("Amt 40 – Schulverwaltungsamt", "Amt für Schule und Bildung (40)"),
        "personalamt": ("Amt 11 – Personalamt", "Haupt- und Personalamt (10/11)"),
        "rechtsamt": ("Amt 30 – Rechtsamt", "Rechtsamt (30)", "30 – Rechtsangelegenheiten"),
        "beschaffung": ("Amt 10 – Zentrale Vergabestelle", "10.4 – Beschaffung", "Rechnungseingang (20.1)"),
        "poststelle": ("Amt 10 – Zentrale Dienste, Poststelle", "Hauptamt – Posteingang"),
    },
    "fachbereich": {
        "buergeramt": ("Fachbereich Bürgerservice", "Fachbereich Bürgerdienste – Meldewesen"),
        "standesamt": ("Fachbereich Bürgerservice – Standesamt", "Standesamt"),
        "ordnungsamt": ("Fachbereich Öffentliche Ordnung", "Fachbereich Sicherheit und Ordnung"),
        "verkehrsbehoerde": (
            "Fachbereich Mobilität – Straßenverkehrsbehörde",
            "Fachbereich Öffentliche Ordnung – Verkehrsordnungswidrigkeiten",
        ),
        "steueramt": ("Fachbereich Finanzen – Steuern und Abgaben", "Fachbereich Finanzen – Stadtkasse"),
        "sozialamt": (
            "Fachbereich Soziales",
            "Fachbereich Soziales und Wohnen – Wohngeld",
            "Fachbereich Soziales – Betreuungsbehörde",
        ),
        "jugendamt": ("Fachbereich Jugend und Familie", "Fachbereich Jugend, Familie und Gesundheit"),
        "bauamt": ("Fachbereich Bauen – Bauaufsicht", "Fachbereich Stadtentwicklung und Bauordnung"),
        "umweltamt": ("Fachbereich Umwelt und Klimaschutz", "Fachbereich Umwelt – Naturschutz"),
        "schulamt": ("Fachbereich Schule und Bildung", "Fachbereich Bildung – Schulverwaltung"),
        "personalamt": ("Fachbereich Personal und Organisation", "Fachbereich Personal"),
        "rechtsamt": (
            "Fachbereich Recht",
            "Fachbereich Recht und Versicherungen",
            "Fachbereich Zentrale Dienste – Rechtsabteilung",
        ),
        "beschaffung": (
            "Fachbereich Zentrale Dienste – Vergabestelle",
            "Fachbereich Finanzen – Rechnungseingang",
        ),
        "poststelle": ("Fachbereich Zentrale Dienste – Posteingang", "Presse- und Öffentlichkeitsarbeit"),
    },
    "fachdienst": {
        "buergeramt": ("Fachdienst Bürgerservice", "Team Bürgerbüro"),
        "standesamt": ("Fachdienst Personenstandswesen", "Standesamt"),
        "ordnungsamt": ("Fachdienst Ordnungsangelegenheiten", "Fachdienst Sicherheit und Ordnung"),
        "verkehrsbehoerde": ("Fachdienst Verkehrsorganisation", "Fachdienst Bußgeldstelle"),
        "steueramt": ("Fachdienst Steuern", "Fachdienst Finanzen – Kasse"),
        "sozialamt": ("Fachdienst Soziales", "Fachdienst Wohngeld", "Fachdienst Betreuungsbehörde"),
        "jugendamt": ("Fachdienst Jugendhilfe", "Fachdienst Kinder, Jugend und Familie"),
        "bauamt": ("Fachdienst Bauordnung", "Fachdienst Bauaufsicht und Denkmalschutz"),
        "umweltamt": ("Fachdienst Umweltschutz", "Fachdienst Natur und Umwelt"),
        "schulamt": ("Fachdienst Schulen", "Fachdienst Bildung"),
        "personalamt": ("Fachdienst Personal", "Fachdienst Personal und Organisation"),
        "rechtsamt": ("Fachdienst Recht", "Fachdienst Rechtsangelegenheiten", "Team Rechtsabteilung"),
        "beschaffung": ("Fachdienst Zentrale Vergabe", "Fachdienst Finanzen – Rechnungseingang"),
        "poststelle": ("Fachdienst Zentrale Dienste – Poststelle", "Büro Oberbürgermeister"),
    },
}
OUTDATED = (
    "Amt für Wohnungswesen",
    "Liegenschaftsamt",
    "Hauptamt",
    "Rathaus, Zimmer 112",
    "Amt für Familie und Soziales",
    "Einwohnermeldeamt",
    "Ordnungs- und Gewerbeamt",
    "Bürgerbüro Markt",
    "Stadtsteueramt",
)


def office_name(rng: random.Random, route: str, city: City) -> str:
    """One of the names under which `city` addresses the office of a route."""
    own = OFFICES[city.scheme][route]
    return rng.choice(own + OFFICES["amt"][route][:1])


def department_for(rng: random.Random, route: str, city: City) -> str:
    """The department line of a letter: right office ~40%, wrong/outdated ~8%, none else."""
    roll = rng.random()
    if roll < 0.40:
        return office_name(rng, route, city)
    if roll < 0.48:
        others = [r for r in OFFICES["amt"] if r != route]
        return rng.choice(OUTDATED) if rng.random() < 0.4 else office_name(rng, rng.choice(others), city)
    return ""


def city_address(rng: random.Random, city: City) -> tuple[str, ...]:
    """The postal address of the city administration."""
    code = f"{city.postcodes[0]:05d} {city.town}"
    if rng.random() < 0.35:
        return (f"Postfach {rng.randint(1, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)}", code)
    return f"{rng.choice(cities.CITY_HALL_STREETS)} {rng.randint(1, 12)}", code


def city(rng: random.Random, town: City, department: str = "") -> Party:
    """The city administration as recipient, with an optional office line."""
    return Party(
        kind="city", name=rng.choice(town.titles), address=city_address(rng, town), department=department
    )


def city_sender(rng: random.Random, route: str, town: City) -> Party:
    """The city as sender (for copies of the city's own notices inside enclosures)."""
    return Party(
        kind="city",
        name=town.titles[0],
        address=city_address(rng, town),
        department=office_name(rng, route, town),
        person=signer(rng, 0.0),
    )
