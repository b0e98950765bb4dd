"""German people, firms, authorities, courts and file references for synthetic mail.

Every generator takes the `random.Random` to draw from and returns plain strings or a
`Party`; nothing here reads the clock or the global random state.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from mailroom.synth.document import Party

FIRST_F = (
    "Erika", "Sabine", "Petra", "Monika", "Ursula", "Karin", "Birgit", "Heike", "Anja",
    "Katrin", "Susanne", "Claudia", "Andrea", "Manuela", "Doreen", "Peggy", "Mandy",
    "Nicole", "Stefanie", "Julia", "Lisa", "Laura", "Lea", "Hannah", "Sophie", "Marie",
    "Emilia", "Jana", "Ines", "Kerstin", "Gisela", "Renate", "Helga", "Ingrid", "Christa",
    "Brigitte", "Jördis", "Anne-Kathrin", "Eva-Maria", "Lena", "Charlotte", "Antje",
    "Lan", "Thi Hoa", "Olga", "Natalia", "Swetlana", "Ayşe", "Fatma", "Amira", "Yasmin",
    "Oksana", "Agnieszka", "Ewa", "Daria", "Maja", "Zeynep", "Mariam", "Kübra",
)
FIRST_M = (
    "Thomas", "Michael", "Andreas", "Frank", "Uwe", "Jens", "Steffen", "Ronny", "René",
    "Sven", "Mike", "Rico", "Marco", "Torsten", "Matthias", "Stefan", "Jörg", "Jürgen",
    "Klaus", "Dieter", "Wolfgang", "Manfred", "Günter", "Horst", "Lutz", "Falk", "Maik",
    "Tobias", "Felix", "Lukas", "Paul", "Max", "Jonas", "Ben", "Tim", "Niklas", "Björn",
    "Karl-Heinz", "Hans-Jürgen", "Jan-Peter", "Gerd", "Siegfried", "Detlef", "Mathias",
    "Duc Anh", "Minh", "Alexej", "Dmitri", "Sergej", "Mehmet", "Ahmad", "Mohammed",
    "Omar", "Yusuf", "Piotr", "Tomasz", "Andrij", "Bohdan", "Karim", "Emre",
)
LAST = (
    "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker",
    "Schulz", "Hoffmann", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Schwarz",
    "Zimmermann", "Braun", "Krüger", "Hofmann", "Hartmann", "Lange", "Werner", "Krause",
    "Lehmann", "Köhler", "Herrmann", "König", "Walther", "Seidel", "Uhlig", "Günther",
    "Lorenz", "Fuchs", "Böhme", "Kretzschmar", "Ullrich", "Haase", "Vogel", "Friedrich",
    "Schubert", "Winkler", "Baumann", "Göhler", "Lässig", "Meißner", "Weiß", "Groß",
    "Große", "Strauß", "Nöbel", "Börner", "Rößler", "Tröger", "Heß", "Löser", "Dietze",
    "Ebert", "Glöckner", "Schönherr", "Müller-Lüdenscheidt", "Schmidt-Hänel",
    "Wagner-Thiele", "Beyer", "Päßler", "Nguyen", "Tran", "Pham", "Le", "Hoang",
    "Iwanow", "Schewtschenko", "Kowalski", "Nowak", "Wiśniewski", "Yılmaz", "Kaya",
    "Öztürk", "Al-Hassan", "Haddad", "Khalil", "Petrenko", "Melnyk", "Popescu",
    "Kuznetsov", "Bondarenko", "Demir",
)
ACADEMIC = ("Dr. ", "Dr. ", "Prof. Dr. ", "Dipl.-Ing. ")

CHEMNITZ_STREETS = (
    "Straße der Nationen", "Reichsstraße", "Zschopauer Straße", "Leipziger Straße",
    "Annaberger Straße", "Limbacher Straße", "Hainstraße", "Zwickauer Straße",
    "Augustusburger Straße", "Dresdner Straße", "Yorckstraße", "Bernsdorfer Straße",
    "Reichenhainer Straße", "Wladimir-Sagorski-Straße", "Kaßbergstraße", "Weststraße",
    "Markusstraße", "Sonnenstraße", "Fürstenstraße", "Carolastraße", "Brückenstraße",
    "Theaterstraße", "Müllerstraße", "Hartmannstraße", "Barbarossastraße", "Clausstraße",
    "Stollberger Straße", "Flemmingstraße", "Heinrich-Schütz-Straße", "Paul-Bertz-Straße",
    "Gablenzstraße", "Glösaer Straße", "Hilbersdorfer Straße", "Wittgensdorfer Straße",
    "Am Harthwald", "Lutherstraße", "Ulmenstraße", "Irkutsker Straße", "Max-Saupe-Straße",
    "Geibelstraße", "Sandstraße", "Frankenberger Straße", "Franz-Mehring-Straße",
    "Kanzlerstraße", "Salzstraße", "Tschaikowskistraße", "Uhlandstraße", "Ahornstraße",
    "Henriettenstraße", "Jägerstraße", "Mühlenstraße", "Schloßteichstraße", "Am Rathaus",
    "Rosenhof", "Kreherstraße", "Eislebener Straße", "Wilhelm-Firl-Straße",
    "Ernst-Enge-Straße", "Robert-Siewert-Straße", "Horststraße", "Lessingstraße",
)
OTHER_TOWNS = (
    ("09212", "Limbach-Oberfrohna"), ("09337", "Hohenstein-Ernstthal"), ("09405", "Zschopau"),
    ("09599", "Freiberg"), ("09557", "Flöha"), ("09366", "Stollberg"),
    ("09456", "Annaberg-Buchholz"), ("08056", "Zwickau"), ("04109", "Leipzig"),
    ("01067", "Dresden"), ("09232", "Hartmannsdorf"), ("09217", "Burgstädt"),
    ("08371", "Glauchau"), ("09306", "Rochlitz"), ("09648", "Mittweida"), ("08523", "Plauen"),
    ("09221", "Neukirchen/Erzgeb."), ("09247", "Röhrsdorf"),
)
TOWN_STREETS = (
    "Hauptstraße", "Bahnhofstraße", "Schulstraße", "Gartenstraße", "Lindenstraße",
    "Dorfstraße", "Am Markt", "Bergstraße", "Waldweg", "Friedrich-Engels-Straße",
    "Karl-Marx-Straße", "Rosa-Luxemburg-Straße", "Poststraße", "Am Anger",
)


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


def chemnitz_address(rng: random.Random) -> tuple[str, ...]:
    """A street line and a Chemnitz postcode line (09111-09131)."""
    street = f"{rng.choice(CHEMNITZ_STREETS)} {house_number(rng)}"
    return street, f"{rng.randint(9111, 9131):05d} Chemnitz"


def saxon_address(rng: random.Random, local_share: float = 0.85) -> tuple[str, ...]:
    """An address in Chemnitz (mostly) or another Saxon town."""
    if rng.random() < local_share:
        return chemnitz_address(rng)
    code, town = rng.choice(OTHER_TOWNS)
    return f"{rng.choice(TOWN_STREETS)} {house_number(rng)}", f"{code} {town}"


def phone(rng: random.Random, mobile: float = 0.4) -> str:
    """A Chemnitz landline (0371) or a German mobile number."""
    if rng.random() < mobile:
        prefix = rng.choice(("0151", "0152", "0160", "0162", "0170", "0172", "0176", "0178"))
        return f"{prefix} {rng.randint(1000000, 99999999)}"
    return f"0371 {rng.randint(200000, 9999999)}"


def _ascii(text: str) -> str:
    table = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "ş": "s", "ı": "i",
                           "ś": "s", "ł": "l", " ": "", "-": "", "Ä": "Ae", "Ö": "Oe",
                           "Ü": "Ue", ".": ""})
    return text.translate(table).lower()


def email_for(rng: random.Random, first: str, last: str) -> str:
    """A private e-mail address made from a name."""
    user = rng.choice((
        f"{_ascii(first)}.{_ascii(last)}", f"{_ascii(first)[0]}.{_ascii(last)}",
        f"{_ascii(last)}{rng.randint(60, 99)}", f"{_ascii(first)}{rng.randint(1, 999)}",
    ))
    host = rng.choice(("web.de", "gmx.de", "gmail.com", "t-online.de", "freenet.de",
                       "posteo.de", "outlook.de", "icloud.com"))
    return f"{user}@{host}"


def person(rng: random.Random, received: dt.date, local_share: float = 0.88,
           min_age: int = 18, max_age: int = 90) -> Person:
    """A private person living in or near Chemnitz."""
    gender = rng.choice("fm")
    first = rng.choice(FIRST_F if gender == "f" else FIRST_M)
    last = rng.choice(LAST)
    age_days = rng.randint(min_age * 365, max_age * 365)
    birth = received - dt.timedelta(days=age_days)
    return Person(first, last, gender, saxon_address(rng, local_share), phone(rng),
                  email_for(rng, first, last), birth)


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


MONTHS = ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
          "September", "Oktober", "November", "Dezember")


def long_date(d: dt.date) -> str:
    """"3. März 2026"."""
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
    ("87050000", "Sparkasse Chemnitz", "CHEKDE81XXX"),
    ("87096124", "Volksbank Chemnitz", "GENODEF1CH1"),
    ("87040000", "Commerzbank Chemnitz", "COBADEFFXXX"),
    ("87070000", "Deutsche Bank Chemnitz", "DEUTDE8CXXX"),
    ("86050200", "Sparkasse Mittelsachsen", "SOLADES1MFW"),
    ("12030000", "Deutsche Kreditbank Berlin", "BYLADEM1001"),
    ("87080000", "Commerzbank vormals Dresdner Bank", "DRESDEFF870"),
)


def iban(rng: random.Random, grouped: bool = True) -> tuple[str, str, str]:
    """A valid German IBAN with bank name and BIC: (iban, bank, bic)."""
    blz, bank, bic = rng.choice(BANKS)
    bban = blz + f"{rng.randint(0, 9999999999):010d}"
    raw = "DE" + iban_check("DE", bban) + bban
    text = " ".join(raw[i:i + 4] for i in range(0, 22, 4)) if grouped else raw
    return text, bank, bic


# --- file references ---------------------------------------------------------------

OFFICE_PREFIX = {
    "buergeramt": "33", "standesamt": "34", "ordnungsamt": "32", "verkehrsbehoerde": "32.3",
    "steueramt": "21", "sozialamt": "50", "jugendamt": "51", "bauamt": "63",
    "umweltamt": "36", "schulamt": "40", "personalamt": "11", "rechtsamt": "30",
    "beschaffung": "10.4", "poststelle": "10",
}


def kassenzeichen(rng: random.Random) -> str:
    """A Kassenzeichen of the city's treasury."""
    return (f"{rng.randint(1, 9)}.{rng.randint(100, 999)}."
            f"{rng.randint(100000, 999999)}.{rng.randint(1, 9)}")


def aktenzeichen(rng: random.Random, route: str, year: int) -> str:
    """An office file number such as "50.21-WG-01234/26"."""
    prefix = OFFICE_PREFIX.get(route, "10")
    part = rng.choice(("", f".{rng.randint(1, 4)}", f".{rng.randint(10, 39)}"))
    mid = rng.choice(("", "-", "-A-", "-B-", "-W-", "-G-", "-WG-", "-BV-"))
    sep = "-" if not mid else ""
    return f"{prefix}{part}{mid}{sep}{rng.randint(100, 99999):05d}/{year % 100:02d}"


COURT_REGISTERS = {
    "verwaltungsgericht": ("K", "L"), "sozialgericht": ("SO", "AY", "R", "KR"),
    "arbeitsgericht": ("Ca", "BV"), "amtsgericht": ("C",), "landgericht": ("O", "S"),
    "familiengericht": ("F",), "insolvenzgericht": ("IN", "IK"),
    "oberverwaltungsgericht": ("B", "A"),
}


def court_az(rng: random.Random, court: str, year: int) -> str:
    """Court file number in the style of the court, e.g. "3 K 123/26", "S 12 SO 34/26"."""
    reg = rng.choice(COURT_REGISTERS.get(court, ("C",)))
    yy = f"{year % 100:02d}"
    n = rng.randint(12, 2400)
    if court == "sozialgericht":
        return f"S {rng.randint(1, 45)} {reg} {n}/{yy}"
    if court == "oberverwaltungsgericht":
        return f"{rng.randint(1, 6)} {reg} {n}/{yy}"
    return f"{rng.randint(1, 45)} {reg} {n}/{yy}"


def kundennummer(rng: random.Random) -> str:
    """A supplier's customer number."""
    return rng.choice((f"{rng.randint(10000, 999999)}", f"KD-{rng.randint(1000, 99999)}",
                       f"{rng.randint(100, 999)}-{rng.randint(1000, 9999)}"))


def rechnungsnummer(rng: random.Random, year: int) -> str:
    """An invoice number."""
    return rng.choice((f"RE-{year}-{rng.randint(1, 9999):04d}", f"{rng.randint(10000, 99999)}",
                       f"{year % 100}{rng.randint(100000, 999999)}",
                       f"R{rng.randint(100, 999)}/{year}"))


def steuernummer(rng: random.Random) -> str:
    """A Saxon tax number (Finanzamt Chemnitz-Süd 215, -Mitte 214)."""
    return f"{rng.choice((214, 215, 216))}/{rng.randint(100, 999)}/{rng.randint(10000, 99999)}"


def versicherungsnummer(rng: random.Random, birth: dt.date, last: str) -> str:
    """A pension insurance number: area, birth date, initial, serial."""
    initial = last[0].upper() if last[0].isalpha() else "X"
    initial = {"Ä": "A", "Ö": "O", "Ü": "U"}.get(initial, initial)
    return (f"{rng.choice((12, 13, 15, 16, 53, 54))} {birth.strftime('%d%m%y')} "
            f"{initial} {rng.randint(0, 999):03d}")


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
    "heizung": (("Haustechnik", "Heizung & Sanitär", "Heizungsbau", "Sanitär- und Heizungstechnik"),
                "Heizung · Sanitär · Lüftung"),
    "buero": (("Bürobedarf", "Büroservice", "Office-Versand", "Papier & Büro"),
              "Büromaterial · Büromöbel · Drucker"),
    "it": (("IT-Service", "Systemhaus", "IT-Solutions", "Netzwerktechnik", "Datentechnik"),
           "IT-Dienstleistungen · Hardware · Support"),
    "bau": (("Bau", "Hoch- und Tiefbau", "Bauunternehmung", "Straßenbau", "Dachdeckerei"),
            "Hochbau · Tiefbau · Sanierung"),
    "reinigung": (("Gebäudereinigung", "Reinigungsservice", "Facility Services", "Glasreinigung"),
                  "Unterhaltsreinigung · Glasreinigung · Winterdienst"),
    "druck": (("Druckerei", "Druckhaus", "Digitaldruck", "Offsetdruck"),
              "Offsetdruck · Digitaldruck · Weiterverarbeitung"),
    "energie": (("Energie", "Stadtwerke", "Energieversorgung"), "Strom · Gas · Wärme"),
    "inkasso": (("Inkasso", "Forderungsmanagement", "Inkassodienst"),
                "Registriertes Inkassounternehmen nach § 10 RDG"),
    "elektro": (("Elektro", "Elektrotechnik", "Elektroinstallation"),
                "Elektroinstallation · Gebäudetechnik"),
    "garten": (("Garten- und Landschaftsbau", "Baumpflege", "Grünpflege"),
               "Baumpflege · Grünanlagen · Winterdienst"),
    "verlag": (("Verlag", "Medien", "Fachverlag", "Marketing"), "Fachmedien für Kommunen"),
    "moebel": (("Objekteinrichtung", "Büromöbel", "Schulmöbel"), "Möbel für Büro und Schule"),
}
FIRM_WORDS = ("Sachsen", "Chemnitz", "Erzgebirge", "Mitteldeutschland", "Nord", "Süd", "Pro",
              "Kaßberg", "Sonnenberg", "Südring", "Westsachsen", "City")
LEGAL_FORMS = ("GmbH", "GmbH", "GmbH", "GmbH & Co. KG", "e.K.", "AG", "KG", "OHG",
               "UG (haftungsbeschränkt)")


def company_name(rng: random.Random, trade: str) -> str:
    """A firm name with legal form for the given trade key."""
    words, _ = TRADES[trade]
    form = rng.choice(LEGAL_FORMS if trade != "energie" else ("GmbH", "AG", "GmbH & Co. KG"))
    base = rng.choice((
        f"{rng.choice(LAST)} {rng.choice(words)}",
        f"{rng.choice(words)} {rng.choice(FIRM_WORDS)}",
        f"{rng.choice(LAST)} & {rng.choice(LAST)} {rng.choice(words)}",
        f"{rng.choice(FIRM_WORDS)}{rng.choice(('-', ' '))}{rng.choice(words)}",
    ))
    if form == "e.K.":
        base = f"{rng.choice(words)} {rng.choice(FIRST_M + FIRST_F)} {rng.choice(LAST)}"
    return f"{base} {form}"


def web_for(name: str) -> str:
    """A plausible web domain for an organisation name."""
    stem = _ascii(name.split(" GmbH")[0].split(" e.K.")[0].split(" AG")[0].split(" KG")[0])
    stem = "".join(ch for ch in stem if ch.isalnum() or ch == "&").replace("&", "-")
    return f"www.{stem[:24]}.de"


def company(rng: random.Random, trade: str) -> Party:
    """A company sender for a trade key (see TRADES)."""
    name = company_name(rng, trade)
    site = web_for(name)
    contact = (f"Tel. {phone(rng, 0.1)}", f"E-Mail: info@{site[4:]}", site)
    return Party(kind="company", name=name, address=saxon_address(rng, 0.6),
                 contact=contact, person=signer(rng))


def law_firm(rng: random.Random) -> Party:
    """A law firm sender."""
    a, b = rng.sample(LAST, 2)
    name = rng.choice((
        f"Rechtsanwälte {a} & Partner", f"Kanzlei {a} {b} Rechtsanwälte",
        f"{a} & {b} Rechtsanwälte PartG mbB", f"Rechtsanwaltskanzlei {a}",
        f"Rechtsanwältin {rng.choice(FIRST_F)} {a}", f"Anwaltskanzlei {a}, {b} & Kollegen",
    ))
    lawyer = f"{rng.choice(('Rechtsanwalt', 'Rechtsanwältin', 'RA', 'Dr.'))} {full_name(rng)}"
    site = web_for(name.replace("Rechtsanwälte ", "ra-").replace("Kanzlei ", "kanzlei-"))
    contact = (f"Tel. {phone(rng, 0.0)}", f"Fax {phone(rng, 0.0)}",
               f"E-Mail: kanzlei@{site[4:]}")
    return Party(kind="lawyer", name=name, address=saxon_address(rng, 0.7),
                 contact=contact, person=lawyer)


AUTHORITIES: dict[str, tuple[str, tuple[str, ...]]] = {
    "fa_sued": ("Finanzamt Chemnitz-Süd", ("Paul-Bertz-Straße 1", "09120 Chemnitz")),
    "fa_mitte": ("Finanzamt Chemnitz-Mitte", ("August-Bebel-Straße 11/13", "09113 Chemnitz")),
    "drv": ("Deutsche Rentenversicherung Mitteldeutschland", ("Georg-Schumann-Straße 146",
                                                              "04159 Leipzig")),
    "ba": ("Bundesagentur für Arbeit, Agentur für Arbeit Chemnitz", ("Heinrich-Lorenz-Straße 20",
                                                                      "09120 Chemnitz")),
    "jobcenter": ("Jobcenter Chemnitz", ("Heinrich-Lorenz-Straße 35", "09120 Chemnitz")),
    "familienkasse": ("Familienkasse Sachsen", ("Postfach 10 01 51", "09116 Chemnitz")),
    "ldS": ("Landesdirektion Sachsen", ("Altchemnitzer Straße 41", "09120 Chemnitz")),
    "lasub": ("Landesamt für Schule und Bildung", ("Standort Chemnitz", "Annaberger Straße 119",
                                                    "09120 Chemnitz")),
    "kba": ("Kraftfahrt-Bundesamt", ("Fördestraße 16", "24944 Flensburg")),
    "aok": ("AOK PLUS – Die Gesundheitskasse für Sachsen und Thüringen",
            ("Sternplatz 7", "01067 Dresden")),
    "polizei": ("Polizeidirektion Chemnitz", ("Hartmannstraße 24", "09113 Chemnitz")),
    "lfulg": ("Sächsisches Landesamt für Umwelt, Landwirtschaft und Geologie",
              ("Pillnitzer Platz 3", "01326 Dresden")),
    "denkmal": ("Landesamt für Denkmalpflege Sachsen", ("Schloßplatz 1", "01067 Dresden")),
    "zvk": ("Zusatzversorgungskasse Sachsen", ("Postfach 10 01 52", "01071 Dresden")),
    "bundesamt_justiz": ("Bundesamt für Justiz", ("Adenauerallee 99-103", "53113 Bonn")),
    "standesamt_ext": ("Standesamt Leipzig", ("Burgplatz 1", "04109 Leipzig")),
    "lds_jugend": ("Kommunaler Sozialverband Sachsen – Landesjugendamt",
                   ("Reichsstraße 3", "09112 Chemnitz")),
    "stadt_extern": ("Stadtverwaltung Zwickau, Bürgerservice", ("Hauptmarkt 1", "08056 Zwickau")),
    "lasuv": ("Landesamt für Straßenbau und Verkehr", ("Stauffenbergallee 24", "01099 Dresden")),
    "staatsanwalt": ("Staatsanwaltschaft Chemnitz", ("Hohe Straße 23", "09112 Chemnitz")),
    "ihk": ("IHK Chemnitz", ("Straße der Nationen 25", "09111 Chemnitz")),
    "hwk": ("Handwerkskammer Chemnitz", ("Limbacher Straße 195", "09116 Chemnitz")),
}


def authority(rng: random.Random, key: str) -> Party:
    """A state or federal authority as sender, with a case worker."""
    name, address = AUTHORITIES[key]
    contact = (f"Tel. {phone(rng, 0.0)}", f"Sachbearbeitung: {signer(rng, 0.0)}")
    return Party(kind="authority", name=name, address=address, contact=contact,
                 person=signer(rng, 0.0))


COURTS: dict[str, tuple[str, tuple[str, ...]]] = {
    "amtsgericht": ("Amtsgericht Chemnitz", ("Gerichtsstraße 2", "09112 Chemnitz")),
    "landgericht": ("Landgericht Chemnitz", ("Hohe Straße 23", "09112 Chemnitz")),
    "sozialgericht": ("Sozialgericht Chemnitz", ("Hohe Straße 23", "09112 Chemnitz")),
    "verwaltungsgericht": ("Verwaltungsgericht Chemnitz", ("Zwickauer Straße 56",
                                                            "09112 Chemnitz")),
    "arbeitsgericht": ("Arbeitsgericht Chemnitz", ("Hohe Straße 23", "09112 Chemnitz")),
    "familiengericht": ("Amtsgericht Chemnitz – Familiengericht – ", ("Gerichtsstraße 2",
                                                                       "09112 Chemnitz")),
    "insolvenzgericht": ("Amtsgericht Chemnitz – Insolvenzgericht – ", ("Gerichtsstraße 2",
                                                                         "09112 Chemnitz")),
    "oberverwaltungsgericht": ("Sächsisches Oberverwaltungsgericht", ("Ortenburg 9",
                                                                      "02625 Bautzen")),
}


def court(rng: random.Random, key: str) -> Party:
    """A court as sender; the person is the clerk or judge who signs."""
    name, address = COURTS[key]
    signing = rng.choice(("Urkundsbeamtin der Geschäftsstelle", "Urkundsbeamter der "
                          "Geschäftsstelle", "Justizangestellte", "Richterin am",
                          "Richter am"))
    return Party(kind="court", name=name.strip(" –"), address=address,
                 contact=(f"Tel. {phone(rng, 0.0)}",), person=f"{full_name(rng)}, {signing}")


# --- the city as recipient ---------------------------------------------------------

OFFICES: dict[str, tuple[str, ...]] = {
    "buergeramt": ("Bürgeramt", "Bürgerservice / Meldebehörde", "Bürgerservicestelle Rathaus",
                   "Meldebehörde"),
    "standesamt": ("Standesamt", "Standesamt Chemnitz", "Standesamt – Urkundenstelle"),
    "ordnungsamt": ("Ordnungsamt", "Ordnungsamt – Gewerbeangelegenheiten",
                    "Ordnungsamt, Allgemeine Ordnungsangelegenheiten"),
    "verkehrsbehoerde": ("Straßenverkehrsbehörde", "Tiefbauamt – Straßenverkehrsbehörde",
                         "Bußgeldstelle"),
    "steueramt": ("Kassen- und Steueramt", "Stadtkasse", "Steueramt – Sachgebiet Hundesteuer",
                  "Kassen- und Steueramt – Vollstreckung"),
    "sozialamt": ("Sozialamt", "Sozialamt – Wohngeldstelle", "Sozialamt, Abt. Hilfe zur Pflege"),
    "jugendamt": ("Amt für Jugend und Familie", "Jugendamt", "Jugendamt – Unterhaltsvorschuss"),
    "bauamt": ("Bauordnungsamt", "Untere Bauaufsichtsbehörde", "Baugenehmigungsamt"),
    "umweltamt": ("Umweltamt", "Untere Naturschutzbehörde", "Umweltamt – Abfallbehörde"),
    "schulamt": ("Schulverwaltungsamt", "Amt für Schulen",
                 "Schulverwaltungsamt – Schülerbeförderung"),
    "personalamt": ("Personalamt", "Personal- und Organisationsamt", "Personalservice"),
    "rechtsamt": ("Rechtsamt", "Rechtsamt – Prozessvertretung",
                  "Der Oberbürgermeister – Rechtsamt"),
    "beschaffung": ("Zentrale Beschaffung", "Rechnungseingang", "Zentrale Vergabestelle"),
    "poststelle": ("Poststelle", "Öffentlichkeitsarbeit", "Büro des Oberbürgermeisters"),
}
OUTDATED = ("Amt für Wohnungswesen", "Liegenschaftsamt", "Hauptamt", "Rathaus, Zimmer 112",
            "Amt für Familie und Soziales", "Einwohnermeldeamt", "Ordnungs- und Gewerbeamt",
            "Bürgerbüro Markt", "Stadtsteueramt")
CITY_NAMES = ("Stadt Chemnitz", "Stadtverwaltung Chemnitz", "Stadt Chemnitz",
              "Stadtverwaltung Chemnitz", "Stadt Chemnitz – Der Oberbürgermeister")
CITY_ADDRESSES = (("Postfach", "09106 Chemnitz"), ("Markt 1", "09111 Chemnitz"),
                  ("Postfach", "09106 Chemnitz"), ("Friedensplatz 1", "09111 Chemnitz"),
                  ("Bahnhofstraße 53", "09111 Chemnitz"))


def office_name(rng: random.Random, route: str) -> str:
    """One of the names under which the office of a route is addressed."""
    return rng.choice(OFFICES[route])


def department_for(rng: random.Random, route: str) -> str:
    """The department line of a letter: right office ~40%, wrong/outdated ~8%, none else."""
    roll = rng.random()
    if roll < 0.40:
        return office_name(rng, route)
    if roll < 0.48:
        others = [r for r in OFFICES if r != route]
        return rng.choice(OUTDATED) if rng.random() < 0.4 else office_name(rng, rng.choice(others))
    return ""


def city(rng: random.Random, department: str = "") -> Party:
    """The Stadt Chemnitz as recipient, with an optional office line."""
    return Party(kind="city", name=rng.choice(CITY_NAMES), address=rng.choice(CITY_ADDRESSES),
                 department=department)


def city_sender(rng: random.Random, route: str) -> Party:
    """The city as sender (for copies of the city's own notices inside enclosures)."""
    return Party(kind="city", name="Stadt Chemnitz", address=("Markt 1", "09111 Chemnitz"),
                 department=office_name(rng, route), person=signer(rng, 0.0))
