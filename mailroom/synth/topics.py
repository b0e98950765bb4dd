"""What the letters are about: concrete topics for every route, with their vocabulary.

A `Topic` holds the words a letter about it uses (benefit name, Bescheid, forms,
evidence, typical facts). Texts contain `{slot}` placeholders filled from `slots()`, so
that the route has to be inferred from the subject matter, not from a fixed phrase.
Fields a topic cannot sensibly fill stay empty; writers only pick topics that have
what they need.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from mailroom.synth import cities
from mailroom.synth import people as pp
from mailroom.synth.cities import City


@dataclass(frozen=True)
class Notice:
    """A notice another authority sends to the city about a topic."""

    authority: str  # key of people.AUTHORITIES
    title: str  # heading, e.g. "Gewerbesteuermessbescheid für {prev_year}"
    ref_label: str  # "Steuernummer", "Versicherungsnummer", ...
    lines: tuple[str, ...]  # the notice's core sentences; writers pick some


@dataclass(frozen=True)
class Topic:
    """One concrete matter of a route. All texts may contain `{slot}` placeholders."""

    key: str
    route: str
    name: str  # short name for subject lines: "Hundesteuer"
    ref: str = "Aktenzeichen"  # label of the city's file reference for this matter
    bescheid: str = ""  # masculine noun phrase: "Hundesteuerbescheid"
    wants: tuple[str, ...] = ()  # accusative phrases: what one applies or asks for
    facts: tuple[str, ...] = ()  # first-person background sentences
    grounds: tuple[str, ...] = ()  # reasons of an objection, first person
    problems: tuple[str, ...] = ()  # complaint sentences
    questions: tuple[str, ...] = ()  # question sentences
    evidence: tuple[str, ...] = ()  # documents one sends as proof
    ends: tuple[str, ...] = ()  # sentences that terminate or deregister something
    fields: tuple[tuple[str, str], ...] = ()  # form boxes (label, value template)
    notice: Notice | None = None
    case: str = ""  # "wegen ..." phrase for court and lawyer mail


BREEDS = (
    "Labrador-Retriever",
    "Mischling",
    "Dackel",
    "Schäferhund",
    "Jack Russell Terrier",
    "Französische Bulldogge",
    "Golden Retriever",
    "Chihuahua",
    "Beagle",
    "Border Collie",
    "Staffordshire-Mischling",
    "Rottweiler",
    "Yorkshire Terrier",
    "Malteser",
)
DOGS = (
    "Bello",
    "Luna",
    "Balu",
    "Emma",
    "Rocky",
    "Nala",
    "Max",
    "Paula",
    "Sammy",
    "Frieda",
    "Oskar",
    "Kira",
    "Lotte",
    "Benny",
    "Aika",
)
CHILDREN = (
    "Emil",
    "Mia",
    "Ben",
    "Emma",
    "Finn",
    "Hanna",
    "Leon",
    "Lina",
    "Noah",
    "Ella",
    "Paul",
    "Clara",
    "Anton",
    "Ida",
    "Mohammed",
    "Amira",
    "Minh Chau",
    "Sofia",
    "Artem",
    "Zeynep",
    "Jonas",
    "Frieda",
)
KITAS = (
    "Kita „Sonnenschein“",
    "Kita „Kleine Strolche“",
    "Kindertagesstätte Pusteblume",
    "Kita Rasselbande",
    "Kinderhaus „Am Schloßteich“",
    "Kita Zwergenland",
    "Integrationskita Regenbogen",
    "Kita Stadtspatzen",
)
SCHOOLS = (
    "Grundschule am Hartmannplatz",
    "Friedrich-Schiller-Grundschule",
    "Oberschule am Flughafen",
    "Georgius-Agricola-Gymnasium",
    "Humboldt-Gymnasium",
    "Annenschule",
    "Grundschule Altendorf",
    "Terra-Nova-Oberschule",
    "Förderschule „Ernst Busch“",
    "Lessing-Grundschule",
    "Karl-Schmidt-Rottluff-Gymnasium",
)
DISTRICTS = (
    "Kaßberg",
    "Sonnenberg",
    "Schloßchemnitz",
    "Bernsdorf",
    "Gablenz",
    "Hilbersdorf",
    "Kappel",
    "Markersdorf",
    "Altendorf",
    "Rabenstein",
    "Ebersdorf",
    "Lutherviertel",
    "Yorckgebiet",
    "Helbersdorf",
    "Reichenbrand",
    "Siegmar",
    "Zentrum",
    "Furth",
)
TREES = ("Linde", "Ahorn", "Birke", "Eiche", "Kastanie", "Fichte", "Walnussbaum", "Kiefer", "Esche", "Pappel")
CARS = (
    "VW Golf",
    "Skoda Octavia",
    "Opel Corsa",
    "Ford Focus",
    "Renault Clio",
    "BMW 3er",
    "Dacia Sandero",
    "Toyota Yaris",
    "Seat Ibiza",
    "VW Caddy",
    "Mercedes Vito",
)
JOBS = (
    "Sachbearbeiter/in Wohngeld",
    "Verwaltungsfachangestellte/r",
    "Erzieher/in in einer städtischen Kita",
    "Sachbearbeiter/in Bußgeldstelle",
    "IT-Administrator/in",
    "Bauingenieur/in (Hochbau)",
    "Sozialarbeiter/in im ASD",
    "Auszubildende/r Verwaltungsfachangestellte/r",
    "Sachbearbeiter/in Standesamt",
    "Gärtner/in im Grünflächenamt",
    "Sachbearbeiter/in Personalabrechnung",
    "Hausmeister/in für Schulen",
    "Stadtplaner/in",
    "Sekretär/in im Bürgeramt",
)
LOST = (
    "meine Geldbörse",
    "einen Schlüsselbund",
    "mein Handy",
    "einen Rucksack",
    "eine Brille",
    "einen Ehering",
    "ein Fahrrad",
    "eine Handtasche",
)
SHOPS = (
    "einen Imbiss",
    "ein Kosmetikstudio",
    "einen Onlinehandel",
    "eine Hausmeisterfirma",
    "ein Reinigungsgewerbe",
    "einen Handel mit Gebrauchtwagen",
    "ein Café",
    "eine Fahrradwerkstatt",
    "einen Blumenladen",
    "eine Fotografie-Dienstleistung",
)
TIMES = (
    "nach 22 Uhr",
    "bis nach Mitternacht",
    "ab 5 Uhr morgens",
    "am Wochenende",
    "jede Nacht",
    "sonntags ab 7 Uhr",
)


def slots(rng: random.Random, received: dt.date, town: City) -> dict[str, str]:
    """Values for every `{slot}` the topic texts use, drawn for one mail item."""
    d = pp.de_date
    child_birth = received - dt.timedelta(days=rng.randint(200, 4500))

    def money(lo: float, hi: float) -> str:
        return pp.money(rng.uniform(lo, hi), rng)

    return {
        "dog": rng.choice(DOGS),
        "breed": rng.choice(BREEDS),
        "dog_since": d(received - dt.timedelta(days=rng.randint(20, 900))),
        "child": rng.choice(CHILDREN),
        "child_birth": d(child_birth),
        "child_age": str(max(1, (received - child_birth).days // 365)),
        "kita": rng.choice(KITAS),
        "school": rng.choice(SCHOOLS),
        "grade": str(rng.randint(1, 10)),
        "district": cities.district(rng, town),
        "gemarkung": cities.district(rng, town),
        "plot": f"{rng.randint(12, 2400)}/{rng.randint(1, 30)}",
        "site": f"{cities.street(rng)} {pp.house_number(rng)}",
        "tree": rng.choice(TREES),
        "trunk": f"{rng.randint(60, 320)} cm",
        "plate": f"{town.plate}-{rng.choice('ABCDEFGHKLMNPRSTUVWXZ')}{rng.choice('ABCDEFGHKLMNPRSTUVWXZ')} "
        f"{rng.randint(1, 9999)}",
        "car": rng.choice(CARS),
        "amount": money(40, 2400),
        "small": money(10, 95),
        "fine": money(10, 55),
        "rent": money(290, 780),
        "income": money(520, 2100),
        "pension": money(640, 1450),
        "bdate": d(received - dt.timedelta(days=rng.randint(8, 40))),
        "deadline": d(received + dt.timedelta(days=rng.randint(10, 35))),
        "start": d(received + dt.timedelta(days=rng.randint(14, 90))),
        "event": d(received + dt.timedelta(days=rng.randint(20, 150))),
        "past": d(received - dt.timedelta(days=rng.randint(2, 60))),
        "year": str(received.year),
        "prev_year": str(received.year - 1),
        "partner": pp.full_name(rng),
        "deceased": pp.full_name(rng),
        "employer": pp.company_name(rng, rng.choice(("bau", "reinigung", "it", "heizung"))),
        "job": rng.choice(JOBS),
        "weeks": str(rng.randint(2, 12)),
        "months": str(rng.randint(2, 14)),
        "n": str(rng.randint(2, 6)),
        "doctor": f"Dr. med. {rng.choice(pp.LAST)}",
        "lost": rng.choice(LOST),
        "shop": rng.choice(SHOPS),
        "time": rng.choice(TIMES),
        "care": str(rng.randint(2, 5)),
        "size": str(rng.randint(38, 96)),
        "rooms": str(rng.randint(1, 4)),
        "km": f"{rng.randint(2, 9)},{rng.randint(1, 9)}",
        "floor": rng.choice(
            ("im Erdgeschoss", "im 1. OG", "im 2. OG", "im 3. OG", "im Dachgeschoss", "im 4. Stock")
        ),
        "height": f"{rng.randint(6, 28)} m",
        "city": town.name,
        "city_title": town.titles[0],
    }


T = Topic
N = Notice

TOPICS: tuple[Topic, ...] = (
    # --- Bürgeramt -----------------------------------------------------------------
    T(
        "personalausweis",
        "buergeramt",
        "Personalausweis",
        bescheid="Gebührenbescheid für den Personalausweis",
        wants=(
            "einen neuen Personalausweis",
            "die Ausstellung eines vorläufigen Personalausweises",
            "einen Termin zur Beantragung des Personalausweises",
        ),
        facts=(
            "Mein Personalausweis läuft am {start} ab.",
            "Ich habe meinen Ausweis am {past} verloren, die Verlustanzeige habe ich bei der "
            "Polizei gemacht.",
            "Im Ausweis ist noch meine alte Anschrift eingetragen.",
            "Mein Ausweis ist beim Waschen beschädigt worden, der Chip funktioniert nicht mehr.",
        ),
        grounds=(
            "Die Gebühr für den Ausweis ist zu hoch, ich beziehe nur eine kleine Rente.",
            "Ich habe den Ausweis nie bekommen, muss aber trotzdem bezahlen.",
            "Die Gebühr für den vorläufigen Ausweis war nicht nötig, weil der Fehler beim Amt lag.",
        ),
        problems=(
            "Ich habe {weeks} Wochen auf einen Termin für meinen Ausweis gewartet.",
            "Am Schalter im Bürgeramt wurde ich unfreundlich behandelt und weggeschickt.",
            "Die Online-Terminvergabe funktioniert seit Tagen nicht, es gibt keine freien Termine.",
        ),
        questions=(
            "Welche Unterlagen brauche ich für einen neuen Personalausweis?",
            "Kann ich den Ausweis auch ohne Termin abholen?",
            "Ist mein neuer Personalausweis schon fertig zur Abholung?",
            "Kann mein Sohn den Ausweis für mich abholen, wenn ich eine Vollmacht gebe?",
        ),
        evidence=(
            "Kopie der Verlustanzeige der Polizei",
            "biometrisches Passbild",
            "Kopie der Geburtsurkunde",
        ),
        fields=(
            ("Art des Dokuments", "Personalausweis"),
            ("Grund", "Ablauf der Gültigkeit"),
            ("Bisherige Ausweisnummer", "L{n}X7{n}T{n}9"),
        ),
        notice=N(
            "polizei",
            "Mitteilung über den Verlust eines Personalausweises",
            "Vorgangsnummer",
            (
                "Uns wurde der Verlust eines Personalausweises angezeigt.",
                "Der Ausweis wurde im Sachfahndungsbestand ausgeschrieben.",
                "Wir bitten, den Ausweis im Melderegister als abhanden gekommen zu vermerken.",
            ),
        ),
        case="wegen Ausstellung eines Personalausweises",
    ),
    T(
        "reisepass",
        "buergeramt",
        "Reisepass",
        bescheid="Gebührenbescheid für den Express-Reisepass",
        wants=(
            "einen Reisepass im Expressverfahren",
            "einen Kinderreisepass für meine Tochter {child}",
            "einen vorläufigen Reisepass",
        ),
        facts=(
            "Wir fliegen am {start} in den Urlaub.",
            "Der Kinderreisepass von {child} ist abgelaufen.",
            "Für meine Dienstreise brauche ich dringend einen gültigen Pass.",
        ),
        grounds=("Der Pass war trotz Expressgebühr erst nach drei Wochen da.",),
        questions=(
            "Wie lange dauert die Ausstellung eines Reisepasses zurzeit?",
            "Muss mein Kind zur Beantragung des Kinderreisepasses persönlich mitkommen?",
            "Reicht für die Reise in die Türkei auch ein Personalausweis?",
        ),
        evidence=(
            "Kopie der Flugbuchung",
            "Zustimmungserklärung des anderen Elternteils",
            "Geburtsurkunde des Kindes",
        ),
        fields=(("Art des Dokuments", "Reisepass (32 Seiten)"), ("Verfahren", "Express")),
        notice=N(
            "stadt_extern",
            "Mitteilung über die Ausstellung eines Reisepasses",
            "Aktenzeichen",
            (
                "Die Passbehörde hat für eine Person mit Hauptwohnsitz in Ihrer Stadt einen "
                "Reisepass ausgestellt.",
                "Wir bitten um Übernahme der Daten in Ihr Passregister.",
            ),
        ),
    ),
    T(
        "wohnsitz",
        "buergeramt",
        "Anmeldung des Wohnsitzes",
        bescheid="Bußgeldbescheid wegen verspäteter Anmeldung",
        wants=(
            "die Anmeldung meines Hauptwohnsitzes",
            "die Ummeldung innerhalb von {city}",
            "die Anmeldung eines Nebenwohnsitzes",
            "eine erweiterte Meldebescheinigung",
        ),
        facts=(
            "Ich bin am {past} in die Wohnung {site} {floor} eingezogen.",
            "Ich ziehe zum {start} zu meiner Tochter nach {district}.",
            "Die Wohnungsgeberbestätigung des Vermieters liegt vor.",
        ),
        grounds=(
            "Ich konnte mich nicht rechtzeitig anmelden, weil ich im Krankenhaus lag.",
            "Es gab keine freien Termine innerhalb von zwei Wochen, das Bußgeld ist daher nicht gerecht.",
        ),
        problems=(
            "Meine Meldebescheinigung enthält einen falschen Geburtsort.",
            "Seit der Ummeldung bekomme ich Post von Ämtern an die alte Adresse.",
        ),
        questions=(
            "Kann ich die Ummeldung auch schriftlich oder online erledigen?",
            "Brauche ich für die Anmeldung eine Wohnungsgeberbestätigung?",
        ),
        evidence=("Wohnungsgeberbestätigung", "Kopie des Mietvertrags", "Kopie des Personalausweises"),
        ends=(
            "Ich melde meinen Wohnsitz in {city} zum {start} ab, weil ich ins Ausland ziehe.",
            "Hiermit melde ich meinen Nebenwohnsitz {site} ab.",
            "Ich bitte um Abmeldung meines verstorbenen Vaters {deceased} aus dem Melderegister.",
        ),
        fields=(("Neue Wohnung", "{site}"), ("Einzugsdatum", "{past}"), ("Art der Wohnung", "Hauptwohnung")),
        notice=N(
            "stadt_extern",
            "Rückmeldung nach Zuzug",
            "Aktenzeichen",
            (
                "Die nachstehend genannte Person hat sich bei uns mit Hauptwohnsitz angemeldet.",
                "Bitte schreiben Sie Ihr Melderegister fort.",
            ),
        ),
    ),
    T(
        "fuehrungszeugnis",
        "buergeramt",
        "Führungszeugnis",
        wants=(
            "ein erweitertes Führungszeugnis für meine Tätigkeit im Sportverein",
            "ein Führungszeugnis zur Vorlage bei einer Behörde",
            "eine Meldebescheinigung",
        ),
        facts=(
            "Mein neuer Arbeitgeber verlangt das Führungszeugnis bis zum {deadline}.",
            "Ich arbeite ehrenamtlich als Trainer im Fußballverein.",
        ),
        questions=(
            "Ist das Führungszeugnis für Ehrenamtliche kostenfrei?",
            "Wie lange dauert es, bis das Führungszeugnis beim Arbeitgeber ist?",
        ),
        evidence=("Bestätigung des Vereins über die ehrenamtliche Tätigkeit",),
        notice=N(
            "bundesamt_justiz",
            "Mitteilung zum Antrag auf ein Führungszeugnis",
            "Geschäftszeichen",
            (
                "Der über Ihre Meldebehörde gestellte Antrag konnte nicht bearbeitet werden, da "
                "das Geburtsdatum unvollständig übermittelt wurde.",
                "Wir bitten um erneute Übermittlung der Antragsdaten.",
            ),
        ),
    ),
    T(
        "auskunftssperre",
        "buergeramt",
        "Auskunftssperre im Melderegister",
        wants=(
            "die Eintragung einer Auskunftssperre im Melderegister",
            "eine Übermittlungssperre für Adressbuchverlage und Parteien",
        ),
        facts=(
            "Ich werde von meinem früheren Partner bedroht und habe ein Kontaktverbot erwirkt.",
            "Ich möchte nicht, dass meine Adresse an Parteien vor Wahlen weitergegeben wird.",
        ),
        grounds=("Die Gefährdung ist durch die Unterlagen der Polizei belegt.",),
        questions=("Wie lange gilt eine Auskunftssperre?",),
        evidence=("Kopie des Beschlusses nach dem Gewaltschutzgesetz", "Bescheinigung der Polizei"),
        fields=(("Art der Sperre", "Auskunftssperre § 51 BMG"),),
    ),
    # --- Standesamt ----------------------------------------------------------------
    T(
        "geburt",
        "standesamt",
        "Geburtsbeurkundung",
        wants=(
            "die Beurkundung der Geburt unserer Tochter {child}",
            "drei Geburtsurkunden",
            "eine Geburtsurkunde für das Elterngeld",
        ),
        facts=(
            "Unser Kind {child} wurde am {child_birth} im Klinikum {city} geboren.",
            "Wir sind nicht verheiratet, die Vaterschaft wurde vorgeburtlich anerkannt.",
            "Die Geburtsanzeige der Klinik ist bereits bei Ihnen eingegangen.",
        ),
        questions=(
            "Wann können wir die Geburtsurkunden abholen?",
            "Welche Unterlagen brauchen Sie noch für die Beurkundung?",
        ),
        evidence=(
            "Vaterschaftsanerkennung",
            "Sorgeerklärung",
            "Geburtsurkunden der Eltern",
            "Kopie der Personalausweise beider Eltern",
        ),
        fields=(
            ("Vorname(n) des Kindes", "{child}"),
            ("Geburtsdatum", "{child_birth}"),
            ("Geburtsort", "{city}"),
        ),
        notice=N(
            "standesamt_ext",
            "Hinweis zur Folgebeurkundung",
            "Registernummer",
            (
                "Im hiesigen Geburtenregister ist eine Geburt beurkundet, deren Mutter in "
                "{city} gemeldet ist.",
                "Wir übersenden eine beglaubigte Abschrift zur Kenntnisnahme.",
            ),
        ),
    ),
    T(
        "eheschliessung",
        "standesamt",
        "Eheschließung",
        wants=(
            "die Anmeldung zur Eheschließung",
            "einen Trautermin im Schloss Rabenstein",
            "eine Eheurkunde",
            "einen Termin für die Anmeldung der Eheschließung",
        ),
        facts=(
            "Mein Verlobter {partner} und ich möchten am {event} heiraten.",
            "Mein Partner ist italienischer Staatsangehöriger.",
            "Wir wünschen uns eine Trauung am Samstagvormittag.",
        ),
        questions=(
            "Welche Unterlagen benötigen wir für die Anmeldung der Eheschließung?",
            "Ist am {event} im Standesamt noch ein Termin frei?",
            "Braucht mein ausländischer Partner ein Ehefähigkeitszeugnis?",
        ),
        evidence=(
            "beglaubigter Registerausdruck aus dem Geburtenregister",
            "Ehefähigkeitszeugnis",
            "Scheidungsurteil mit Rechtskraftvermerk",
        ),
        fields=(("Wunschtermin", "{event}"), ("Name des Partners", "{partner}")),
        notice=N(
            "ldS",
            "Befreiung von der Beibringung des Ehefähigkeitszeugnisses",
            "Aktenzeichen",
            (
                "Dem Antrag auf Befreiung von der Beibringung des Ehefähigkeitszeugnisses wird stattgegeben.",
                "Die Befreiung gilt sechs Monate ab Zustellung.",
            ),
        ),
    ),
    T(
        "sterbefall",
        "standesamt",
        "Sterbefall",
        wants=(
            "die Beurkundung des Sterbefalls meiner Mutter",
            "fünf Sterbeurkunden",
            "eine Sterbeurkunde für die Rentenversicherung",
        ),
        facts=(
            "Mein Vater {deceased} ist am {past} im Pflegeheim verstorben.",
            "Das Bestattungshaus hat den Sterbefall bereits angezeigt.",
            "Für die Bank und die Versicherungen brauche ich weitere Urkunden.",
        ),
        questions=(
            "Wann können wir die Sterbeurkunden abholen?",
            "Wie viele Sterbeurkunden werden normalerweise benötigt?",
        ),
        evidence=("Todesbescheinigung", "Familienstammbuch", "Heiratsurkunde der Verstorbenen"),
        fields=(("Name der/des Verstorbenen", "{deceased}"), ("Sterbedatum", "{past}")),
        notice=N(
            "standesamt_ext",
            "Mitteilung über einen Sterbefall",
            "Registernummer",
            (
                "Der Verstorbene hatte seinen letzten Wohnsitz in {city}.",
                "Wir bitten um Eintragung eines Hinweises im Geburtenregister.",
            ),
        ),
    ),
    T(
        "namensaenderung",
        "standesamt",
        "Namenserklärung",
        wants=(
            "die Rückkehr zu meinem Geburtsnamen nach der Scheidung",
            "die Einbenennung meines Sohnes {child}",
            "eine Erklärung zur Namensführung",
        ),
        facts=(
            "Meine Ehe wurde am {past} rechtskräftig geschieden.",
            "Mein Sohn {child} soll den Familiennamen meines neuen Ehemanns tragen.",
        ),
        questions=("Was kostet die Namenserklärung?", "Muss der Vater der Einbenennung zustimmen?"),
        evidence=("Scheidungsurteil mit Rechtskraftvermerk", "Zustimmung des Vaters"),
        fields=(("Bisheriger Name", ""), ("Künftiger Name", "")),
        notice=N(
            "familienkasse",
            "Anfrage zur Namensführung eines Kindes",
            "Kindergeldnummer",
            (
                "Für die Zahlung des Kindergeldes benötigen wir eine Bestätigung der Namensänderung.",
                "Bitte übersenden Sie eine Kopie der Beurkundung.",
            ),
        ),
    ),
    T(
        "urkunden",
        "standesamt",
        "Personenstandsurkunden",
        wants=(
            "eine beglaubigte Abschrift aus dem Geburtenregister",
            "Urkunden meiner Großeltern für die Ahnenforschung",
            "eine internationale Geburtsurkunde",
        ),
        facts=(
            "Für das Erbscheinverfahren verlangt das Nachlassgericht Urkunden.",
            "Meine Großmutter wurde 1938 in {city} geboren.",
        ),
        questions=(
            "Sind Einträge aus den 1930er Jahren noch bei Ihnen oder im Stadtarchiv?",
            "Was kostet eine beglaubigte Registerabschrift?",
        ),
        evidence=("Nachweis des berechtigten Interesses", "Stammbaum"),
        fields=(("Art der Urkunde", "Geburtsurkunde"), ("Anzahl", "{n}")),
    ),
    # --- Ordnungsamt ---------------------------------------------------------------
    T(
        "gewerbe",
        "ordnungsamt",
        "Gewerbeanmeldung",
        bescheid="Gebührenbescheid zur Gewerbeanmeldung",
        wants=(
            "die Anmeldung meines Gewerbes",
            "die Ummeldung meines Gewerbes an eine neue Betriebsstätte",
            "eine Gewerbeauskunft",
        ),
        facts=(
            "Ich möchte ab {start} {shop} betreiben.",
            "Der Betrieb liegt {site}.",
            "Ich betreibe das Gewerbe zunächst im Nebenerwerb.",
        ),
        grounds=("Die Gewerbeanmeldung wurde doppelt berechnet.",),
        problems=("Die Gewerbeanmeldung liegt seit {weeks} Wochen unbearbeitet, ich kann nicht anfangen.",),
        questions=(
            "Brauche ich für {shop} eine besondere Erlaubnis?",
            "Kann ich die Gewerbeanmeldung online machen?",
        ),
        evidence=("Kopie des Personalausweises", "Handelsregisterauszug", "Mietvertrag der Gewerberäume"),
        ends=(
            "Hiermit melde ich mein Gewerbe ({shop}) zum {start} ab.",
            "Ich gebe meinen Betrieb auf und bitte um Gewerbeabmeldung zum Monatsende.",
        ),
        fields=(("Angemeldete Tätigkeit", "{shop}"), ("Beginn", "{start}"), ("Betriebsstätte", "{site}")),
        notice=N(
            "ihk",
            "Anhörung zur Gewerbeuntersagung",
            "Aktenzeichen",
            (
                "Wir nehmen zur beabsichtigten Gewerbeuntersagung Stellung.",
                "Aus Sicht der Kammer bestehen keine Bedenken.",
            ),
        ),
    ),
    T(
        "laerm",
        "ordnungsamt",
        "Ruhestörung",
        bescheid="Bußgeldbescheid wegen Ruhestörung",
        wants=("ein Einschreiten gegen die Ruhestörung",),
        facts=(
            "Ich wohne seit {months} Jahren {floor} im Haus {site}.",
            "Die Polizei war schon zweimal da, es hat nichts geändert.",
        ),
        grounds=(
            "Ich habe an dem Abend keine laute Musik gehört, der Nachbar hat gelogen.",
            "Die Feier war eine Geburtstagsfeier und um 22.30 Uhr beendet.",
        ),
        problems=(
            "Aus der Bar im Erdgeschoss dröhnt {time} laute Musik.",
            "Die Nachbarn feiern {time} auf dem Balkon und grölen.",
            "Auf dem Parkplatz vor dem Supermarkt treffen sich {time} Autoposer mit lauten Motoren.",
            "Der Hund im Nachbargarten bellt stundenlang, auch {time}.",
        ),
        questions=("Ab wann gilt in {city} die Nachtruhe?",),
        evidence=("Lärmprotokoll der letzten Wochen", "Aussagen von Nachbarn"),
        fields=(("Ort der Störung", "{site}"), ("Zeitraum", "{time}")),
        notice=N(
            "polizei",
            "Übersendung einer Ordnungswidrigkeitenanzeige",
            "Vorgangsnummer",
            (
                "Wir übersenden eine Anzeige wegen unzulässigen Lärms zur weiteren "
                "Bearbeitung in eigener Zuständigkeit.",
                "Die Beamten stellten vor Ort laute Musik fest.",
            ),
        ),
    ),
    T(
        "gefaehrlicher_hund",
        "ordnungsamt",
        "gefährlicher Hund",
        bescheid="Bescheid über die Feststellung der Gefährlichkeit",
        wants=("die Erlaubnis zum Halten eines gefährlichen Hundes", "die Befreiung von der Maulkorbpflicht"),
        facts=(
            "Mein Hund {dog}, ein {breed}, hat den Wesenstest bestanden.",
            "Der Vorfall im Park war ein Missverständnis, mein Hund war angeleint.",
        ),
        grounds=(
            "Mein Hund hat niemanden gebissen, es war nur ein Bellen.",
            "Der Wesenstest vom {past} zeigt, dass {dog} nicht gefährlich ist.",
        ),
        problems=(
            "Ein großer Hund läuft in der Kleingartenanlage ohne Leine und hat meine Katze angegriffen.",
            "Der {breed} aus dem Nachbarhaus hat meinen Sohn angesprungen.",
        ),
        questions=("Welche Auflagen gelten für einen {breed}?",),
        evidence=(
            "Bescheinigung über den Wesenstest",
            "Sachkundenachweis",
            "Nachweis der Haftpflichtversicherung",
        ),
        fields=(("Name des Hundes", "{dog}"), ("Rasse", "{breed}")),
        notice=N(
            "polizei",
            "Mitteilung über einen Beißvorfall",
            "Vorgangsnummer",
            (
                "Am {past} wurde eine Person von einem Hund gebissen.",
                "Wir bitten um Prüfung der Gefährlichkeit des Hundes.",
            ),
        ),
    ),
    T(
        "fundsache",
        "ordnungsamt",
        "Fundsache",
        wants=("die Herausgabe meiner Fundsache",),
        facts=(
            "Ich habe am {past} {lost} in der Straßenbahn Linie 4 verloren.",
            "Ich habe am {past} im Stadthallenpark eine Geldbörse gefunden und abgegeben.",
        ),
        problems=("Im Fundbüro konnte mir niemand sagen, wo meine Sachen sind.",),
        questions=("Wurde bei Ihnen {lost} abgegeben?", "Steht mir als Finder ein Finderlohn zu?"),
        evidence=("Kaufbeleg", "Beschreibung des Gegenstands"),
        fields=(("Verlorener Gegenstand", "{lost}"), ("Verlustdatum", "{past}")),
        notice=N(
            "polizei",
            "Übergabe von Fundsachen",
            "Vorgangsnummer",
            ("Wir übergeben die im Revier abgegebenen Fundsachen an das Fundbüro.",),
        ),
    ),
    T(
        "sondernutzung",
        "ordnungsamt",
        "Sondernutzung öffentlicher Raum",
        bescheid="Sondernutzungsbescheid",
        wants=(
            "eine Sondernutzungserlaubnis für einen Infostand",
            "die Erlaubnis für Tische und Stühle vor meinem Café",
            "die Genehmigung eines Straßenfestes am {event}",
        ),
        facts=(
            "Der Stand soll auf dem Gehweg vor {site} stehen.",
            "Die Fläche beträgt etwa {n} mal 3 Meter.",
        ),
        grounds=("Die Gebühr für die Freisitzfläche ist im Vergleich zum Vorjahr stark gestiegen.",),
        problems=("Der Gehweg vor {site} ist durch Werbeaufsteller ständig zugestellt.",),
        questions=("Was kostet eine Sondernutzungserlaubnis für einen Tag?",),
        evidence=("Lageplan mit Skizze", "Nachweis der Haftpflichtversicherung"),
        ends=("Hiermit kündige ich die Sondernutzungserlaubnis für meine Freisitzfläche zum Saisonende.",),
        fields=(("Ort", "{site}"), ("Zeitraum", "{event}"), ("Zweck", "Infostand")),
    ),
    # --- Straßenverkehrsbehörde -----------------------------------------------------
    T(
        "bewohnerparken",
        "verkehrsbehoerde",
        "Bewohnerparkausweis",
        bescheid="Gebührenbescheid für den Bewohnerparkausweis",
        wants=("einen Bewohnerparkausweis für die Zone {n}", "die Verlängerung meines Bewohnerparkausweises"),
        facts=(
            "Mein Fahrzeug {car} mit dem Kennzeichen {plate} ist auf mich zugelassen.",
            "Ich wohne {site} im Bewohnerparkgebiet {district}.",
        ),
        grounds=("Die Gebühr von {small} für den Parkausweis ist unverhältnismäßig.",),
        problems=("Im Bewohnerparkgebiet findet man abends trotzdem nie einen Parkplatz.",),
        questions=("Bekomme ich auch für einen Firmenwagen einen Bewohnerparkausweis?",),
        evidence=("Kopie des Fahrzeugscheins", "Meldebescheinigung"),
        ends=("Ich gebe meinen Bewohnerparkausweis zurück, da ich umgezogen bin.",),
        fields=(("Kennzeichen", "{plate}"), ("Zone", "{n}")),
        notice=N(
            "kba",
            "Auskunft aus dem Zentralen Fahrzeugregister",
            "Geschäftszeichen",
            (
                "Zu dem angefragten Kennzeichen teilen wir den eingetragenen Halter mit.",
                "Die Auskunft ist nur für den angegebenen Zweck zu verwenden.",
            ),
        ),
    ),
    T(
        "verwarnungsgeld",
        "verkehrsbehoerde",
        "Verwarnungsgeld Parken",
        ref="Aktenzeichen",
        bescheid="Bußgeldbescheid wegen Parkverstoßes",
        wants=("die Einstellung des Verfahrens",),
        facts=(
            "Am {past} stand mein {car} ({plate}) in der {site}.",
            "Ich habe einen gültigen Parkschein gelöst, er lag gut sichtbar hinter der Scheibe.",
        ),
        grounds=(
            "Das Halteverbotsschild war durch einen Baum verdeckt.",
            "Ich war zur angegebenen Zeit gar nicht in {city}, das Fahrzeug hat mein Sohn benutzt.",
            "Ich habe nur kurz zum Ausladen gehalten, das ist erlaubt.",
            "Das Verwarnungsgeld von {fine} ist nicht gerechtfertigt.",
        ),
        problems=("Die Politesse hat mich angeschrien, als ich zum Auto zurückkam.",),
        questions=("Kann ich das Verwarnungsgeld in Raten zahlen?",),
        evidence=("Parkschein", "Fotos vom Schild", "Schwerbehindertenausweis"),
        notice=N(
            "kba",
            "Auskunft aus dem Fahreignungsregister",
            "Geschäftszeichen",
            ("Zu dem Halter sind keine Eintragungen im Fahreignungsregister vorhanden.",),
        ),
        case="wegen eines Bußgeldbescheids",
    ),
    T(
        "baustelle",
        "verkehrsbehoerde",
        "verkehrsrechtliche Anordnung",
        bescheid="Bescheid über die verkehrsrechtliche Anordnung",
        wants=(
            "eine verkehrsrechtliche Anordnung für eine Baustelle",
            "eine Halteverbotszone für unseren Umzug am {event}",
            "die Sperrung eines Fahrstreifens",
        ),
        facts=(
            "Die Bauarbeiten an der {site} dauern vom {start} bis voraussichtlich {weeks} Wochen danach.",
            "Der Umzugswagen braucht etwa 15 Meter Platz.",
        ),
        grounds=("Die Auflagen zur Beschilderung sind für eine eintägige Baustelle übertrieben.",),
        problems=(
            "Die Baustellenampel an der {site} steht seit Wochen, ohne dass gebaut wird.",
            "Die Umleitung ist schlecht ausgeschildert, Lkw fahren durch unsere Wohnstraße.",
        ),
        questions=("Wie früh muss ich die Halteverbotszone beantragen?",),
        evidence=("Verkehrszeichenplan", "Bauzeitenplan"),
        fields=(
            ("Ort der Maßnahme", "{site}"),
            ("Zeitraum von", "{start}"),
            ("Art der Maßnahme", "Halteverbot beidseitig"),
        ),
        notice=N(
            "lasuv",
            "Stellungnahme zur Baustellenverkehrsführung",
            "Geschäftszeichen",
            (
                "Gegen die geplante Verkehrsführung an der Bundesstraße bestehen keine Bedenken.",
                "Die Umleitung ist mit der Autobahnmeisterei abzustimmen.",
            ),
        ),
    ),
    T(
        "behindertenparkplatz",
        "verkehrsbehoerde",
        "Behindertenparkplatz",
        bescheid="Ablehnungsbescheid zum Schwerbehindertenparkplatz",
        wants=(
            "einen personengebundenen Behindertenparkplatz vor meiner Wohnung",
            "einen Parkausweis für Schwerbehinderte (blauer Parkausweis)",
        ),
        facts=(
            "Ich habe einen Schwerbehindertenausweis mit dem Merkzeichen aG.",
            "Ich kann nur wenige Meter mit dem Rollator gehen.",
        ),
        grounds=("Ich kann ohne den Parkplatz meine Wohnung nicht erreichen.",),
        problems=("Der Behindertenparkplatz vor der Apotheke ist ständig zugeparkt.",),
        questions=("Welche Voraussetzungen gelten für den blauen Parkausweis?",),
        evidence=("Kopie des Schwerbehindertenausweises", "ärztliches Attest"),
        fields=(("Merkzeichen", "aG"), ("Gewünschter Standort", "{site}")),
    ),
    # --- Kassen- und Steueramt ----------------------------------------------------
    T(
        "hundesteuer",
        "steueramt",
        "Hundesteuer",
        ref="Kassenzeichen",
        bescheid="Hundesteuerbescheid",
        wants=(
            "die Anmeldung meines Hundes zur Hundesteuer",
            "eine Steuerermäßigung für meinen Hund",
            "eine neue Hundesteuermarke",
        ),
        facts=(
            "Mein Hund {dog}, ein {breed}, lebt seit dem {dog_since} bei mir.",
            "{dog} stammt aus dem Tierheim {city}.",
            "Ich halte zwei Hunde, den {breed} {dog} und einen kleinen Mischling.",
            "Die Hundesteuermarke ist beim Spaziergang verloren gegangen.",
        ),
        grounds=(
            "Mein Hund ist bereits am {past} verstorben, trotzdem soll ich Steuer für das "
            "ganze Jahr bezahlen.",
            "Der Hund ist als Assistenzhund von der Steuer befreit.",
            "Ich beziehe Bürgergeld und habe Anspruch auf die Ermäßigung.",
            "Der {breed} ist kein gefährlicher Hund, der erhöhte Steuersatz ist falsch.",
        ),
        questions=(
            "Gibt es eine Ermäßigung der Hundesteuer für Hunde aus dem Tierheim?",
            "Wie hoch ist die Hundesteuer für einen zweiten Hund?",
        ),
        evidence=(
            "Kopie des Impfausweises",
            "Abgabevertrag des Tierheims",
            "tierärztliche Bescheinigung über den Tod des Hundes",
            "Bürgergeldbescheid",
        ),
        ends=(
            "Hiermit melde ich meinen Hund {dog} zum {past} von der Hundesteuer ab.",
            "Mein Hund {dog} ist verstorben, ich bitte um Abmeldung von der Hundesteuer.",
            "Ich habe meinen Hund abgegeben und melde ihn hiermit ab. Die Steuermarke liegt bei.",
        ),
        fields=(
            ("Name des Hundes", "{dog}"),
            ("Rasse", "{breed}"),
            ("Gehalten seit", "{dog_since}"),
            ("Chipnummer", "276 0981 {n}{n}{n} {n}{n}{n}"),
        ),
        notice=N(
            "polizei",
            "Mitteilung über einen nicht angemeldeten Hund",
            "Vorgangsnummer",
            (
                "Bei einer Kontrolle wurde ein Hund ohne Steuermarke festgestellt.",
                "Wir bitten um Prüfung der steuerlichen Anmeldung.",
            ),
        ),
        case="wegen Hundesteuer",
    ),
    T(
        "grundsteuer",
        "steueramt",
        "Grundsteuer",
        ref="Kassenzeichen",
        bescheid="Grundsteuerbescheid",
        wants=(
            "den Erlass der Grundsteuer wegen Ertragsminderung",
            "die Änderung der Grundsteuerfestsetzung",
        ),
        facts=(
            "Mir gehört das Grundstück {site}, Flurstück {plot} der Gemarkung {gemarkung}.",
            "Das Haus steht seit dem Frühjahr leer und ist nicht vermietbar.",
            "Ich habe das Grundstück am {past} verkauft.",
        ),
        grounds=(
            "Die Grundsteuer für das kleine Reihenhaus hat sich nach der Reform verdreifacht.",
            "Der Grundsteuerbescheid beruht auf einem falschen Messbetrag des Finanzamts.",
            "Das Grundstück wurde bereits verkauft, ich bin nicht mehr Eigentümer.",
        ),
        questions=(
            "Warum ist die Grundsteuer seit der Reform so stark gestiegen?",
            "Wann wird die Grundsteuer fällig?",
        ),
        evidence=("Grundsteuermessbescheid des Finanzamts", "Kaufvertrag", "Grundbuchauszug"),
        notice=N(
            "fa_sued",
            "Grundsteuermessbescheid auf den 1. Januar {year}",
            "Steuernummer",
            (
                "Der Grundsteuermessbetrag wird auf {small} festgesetzt.",
                "Dieser Bescheid ist Grundlage für die Festsetzung der Grundsteuer durch die Gemeinde.",
                "Der Grundsteuerwert wurde neu festgestellt.",
            ),
        ),
        case="wegen Grundsteuer",
    ),
    T(
        "gewerbesteuer",
        "steueramt",
        "Gewerbesteuer",
        ref="Kassenzeichen",
        bescheid="Gewerbesteuerbescheid",
        wants=("die Herabsetzung der Gewerbesteuer-Vorauszahlungen",),
        facts=(
            "Unser Umsatz ist im laufenden Jahr um ein Drittel eingebrochen.",
            "Der Gewinn für {prev_year} war deutlich niedriger als geschätzt.",
        ),
        grounds=(
            "Die Vorauszahlungen beruhen auf einem veralteten Messbetrag.",
            "Der Hebesatz wurde auf den falschen Zeitraum angewendet.",
        ),
        questions=("Wann werden die Vorauszahlungen an den neuen Messbescheid angepasst?",),
        evidence=("betriebswirtschaftliche Auswertung", "Gewerbesteuermessbescheid"),
        ends=(
            "Da unser Betrieb eingestellt ist, bitten wir, die Vorauszahlungen ab dem "
            "nächsten Quartal einzustellen.",
        ),
        notice=N(
            "fa_mitte",
            "Bescheid über den Gewerbesteuermessbetrag für {prev_year}",
            "Steuernummer",
            (
                "Der Steuermessbetrag für {prev_year} wird auf {amount} festgesetzt.",
                "Der Bescheid ergeht an die hebeberechtigte Gemeinde zur Festsetzung der Gewerbesteuer.",
                "Die Zerlegung entfällt, da nur eine Betriebsstätte besteht.",
            ),
        ),
        case="wegen Gewerbesteuer",
    ),
    T(
        "stundung",
        "steueramt",
        "Stundung und Ratenzahlung",
        ref="Kassenzeichen",
        bescheid="Bescheid über die Ablehnung der Stundung",
        wants=("eine Ratenzahlung von monatlich {small}", "die Stundung der Forderung bis {start}"),
        facts=(
            "Ich bin seit {months} Monaten arbeitslos.",
            "Mein Einkommen beträgt nur {income} im Monat.",
            "Die offene Forderung beträgt {amount}.",
        ),
        grounds=("Ich habe ausführlich dargelegt, dass ich nicht auf einmal zahlen kann.",),
        questions=(
            "Wie hoch ist der noch offene Betrag?",
            "Kann ich die Raten auch per Dauerauftrag zahlen?",
        ),
        evidence=("Einkommensnachweis", "Kontoauszüge der letzten drei Monate"),
        fields=(("Offener Betrag", "{amount}"), ("Vorgeschlagene Rate", "{small}")),
    ),
    T(
        "vollstreckung",
        "steueramt",
        "Vollstreckung",
        ref="Kassenzeichen",
        bescheid="Pfändungs- und Einziehungsverfügung",
        wants=("die Aufhebung der Kontopfändung", "die Einstellung der Vollstreckung"),
        facts=("Der Vollziehungsbeamte war am {past} bei mir.", "Mein Konto ist ein Pfändungsschutzkonto."),
        grounds=(
            "Die Forderung ist längst bezahlt, die Vollstreckung ist rechtswidrig.",
            "Die Pfändung betrifft unpfändbares Kindergeld.",
        ),
        problems=("Der Vollziehungsbeamte hat vor den Nachbarn laut über meine Schulden geredet.",),
        questions=("Aus welcher Forderung wird eigentlich vollstreckt?",),
        evidence=("Zahlungsnachweis", "P-Konto-Bescheinigung"),
        notice=N(
            "fa_sued",
            "Vollstreckungsersuchen im Wege der Amtshilfe",
            "Steuernummer",
            (
                "Wir ersuchen um Vollstreckung rückständiger Steuern in Höhe von {amount}.",
                "Der Schuldner hat seinen Wohnsitz in Ihrem Bezirk.",
            ),
        ),
        case="wegen Vollstreckung",
    ),
    # --- Sozialamt -----------------------------------------------------------------
    T(
        "wohngeld",
        "sozialamt",
        "Wohngeld",
        bescheid="Wohngeldbescheid",
        wants=(
            "Wohngeld (Mietzuschuss)",
            "einen Weiterleistungsantrag für das Wohngeld",
            "die Erhöhung meines Wohngeldes",
        ),
        facts=(
            "Meine Warmmiete beträgt {rent} für {size} Quadratmeter.",
            "Ich bekomme {pension} Altersrente.",
            "Mein Einkommen ist seit {past} gesunken.",
            "Im Haushalt leben {n} Personen.",
        ),
        grounds=(
            "Bei der Berechnung wurde mein Einkommen doppelt angerechnet.",
            "Die Heizkosten wurden nicht berücksichtigt.",
            "Mein Sohn wohnt nicht mehr bei mir und darf nicht mitgerechnet werden.",
            "Das Wohngeld wurde ohne Begründung um die Hälfte gekürzt.",
        ),
        problems=("Seit {weeks} Wochen habe ich keine Antwort auf meinen Wohngeldantrag.",),
        questions=(
            "Habe ich mit {pension} Rente Anspruch auf Wohngeld?",
            "Wann bekomme ich den Bescheid über mein Wohngeld?",
        ),
        evidence=(
            "Mietbescheinigung",
            "Rentenbescheid",
            "Lohnabrechnungen der letzten drei Monate",
            "Kontoauszüge",
        ),
        ends=("Ich verzichte ab dem nächsten Monat auf das Wohngeld, weil ich wieder Arbeit habe.",),
        fields=(("Miete monatlich", "{rent}"), ("Wohnfläche", "{size} m²"), ("Haushaltsmitglieder", "{n}")),
        notice=N(
            "drv",
            "Auskunft über Rentenzahlungen",
            "Versicherungsnummer",
            (
                "Auf Ihre Anfrage teilen wir mit, dass eine Altersrente von monatlich {pension} "
                "gezahlt wird.",
                "Die Auskunft dient der Prüfung des Wohngeldanspruchs.",
            ),
        ),
        case="wegen Wohngeld",
    ),
    T(
        "grundsicherung",
        "sozialamt",
        "Grundsicherung im Alter",
        bescheid="Bescheid über Grundsicherung im Alter und bei Erwerbsminderung",
        wants=(
            "Grundsicherung im Alter",
            "Leistungen der Grundsicherung bei voller Erwerbsminderung",
            "einen Mehrbedarf für kostenaufwändige Ernährung",
        ),
        facts=(
            "Meine Rente beträgt nur {pension}.",
            "Ich bin voll erwerbsgemindert.",
            "Ich habe keine Ersparnisse mehr.",
        ),
        grounds=(
            "Die Kosten der Unterkunft wurden zu niedrig angesetzt.",
            "Der Mehrbedarf wegen meiner Diabetes-Erkrankung fehlt.",
            "Die Rente wurde mit dem Bruttobetrag angerechnet.",
        ),
        problems=("Meine Sachbearbeiterin ist nie zu erreichen.",),
        questions=("Muss mein Sohn für meine Grundsicherung aufkommen?",),
        evidence=("Rentenbescheid", "Kontoauszüge", "Mietvertrag", "ärztliches Attest"),
        notice=N(
            "drv",
            "Feststellung der Erwerbsminderung",
            "Versicherungsnummer",
            (
                "Auf Ersuchen des Sozialhilfeträgers wurde geprüft, ob volle Erwerbsminderung vorliegt.",
                "Die Voraussetzungen der dauerhaften vollen Erwerbsminderung liegen vor.",
            ),
        ),
        case="wegen Grundsicherung",
    ),
    T(
        "hilfe_zur_pflege",
        "sozialamt",
        "Hilfe zur Pflege",
        bescheid="Bescheid über Hilfe zur Pflege",
        wants=("die Übernahme der ungedeckten Heimkosten", "Hilfe zur Pflege für meine Mutter"),
        facts=(
            "Meine Mutter lebt seit {past} im Pflegeheim und hat Pflegegrad {care}.",
            "Der Eigenanteil im Heim beträgt {amount} im Monat.",
            "Die Pflegekasse zahlt nur einen Teil der Kosten.",
        ),
        grounds=(
            "Das Schonvermögen wurde falsch berechnet.",
            "Die Sterbegeldversicherung darf nicht als Vermögen gelten.",
        ),
        questions=("Muss ich als Sohn für die Heimkosten meiner Mutter zahlen?",),
        evidence=("Pflegegradbescheid der Pflegekasse", "Heimvertrag", "Rentenbescheid"),
        notice=N(
            "aok",
            "Mitteilung über die Einstufung in einen Pflegegrad",
            "Versichertennummer",
            (
                "Ab {past} liegt Pflegegrad {care} vor.",
                "Die Leistungen der Pflegeversicherung decken die Heimkosten nicht vollständig.",
            ),
        ),
        case="wegen Hilfe zur Pflege",
    ),
    T(
        "bildung_teilhabe",
        "sozialamt",
        "Bildung und Teilhabe",
        bescheid="Bescheid über Leistungen für Bildung und Teilhabe",
        wants=(
            "Leistungen für Bildung und Teilhabe",
            "die Übernahme der Kosten für die Klassenfahrt",
            "Lernförderung für meinen Sohn {child}",
            "Zuschuss zum Mittagessen in der Schule",
        ),
        facts=(
            "{child} besucht die Klasse {grade} der {school}.",
            "Die Klassenfahrt kostet {amount}.",
            "Wir beziehen Wohngeld und Kinderzuschlag.",
        ),
        grounds=("Die Nachhilfe ist laut Lehrerin nötig, damit {child} versetzt wird.",),
        questions=("Kann ich den Zuschuss für den Sportverein rückwirkend beantragen?",),
        evidence=(
            "Bestätigung der Schule über die Klassenfahrt",
            "Wohngeldbescheid",
            "Stellungnahme der Klassenlehrerin",
        ),
        fields=(("Name des Kindes", "{child}"), ("Schule", "{school}"), ("Klasse", "{grade}")),
    ),
    T(
        "blindengeld",
        "sozialamt",
        "Landesblindengeld",
        bescheid="Bescheid über Landesblindengeld",
        wants=("Landesblindengeld", "Nachteilsausgleich für hochgradig Sehbehinderte"),
        facts=(
            "Ich bin seit einer Netzhauterkrankung fast blind.",
            "Mein Augenarzt {doctor} hat eine Sehschärfe von unter zwei Prozent festgestellt.",
        ),
        grounds=("Die Pflegeleistungen dürfen nicht auf das Blindengeld angerechnet werden.",),
        questions=("Wird das Blindengeld auf die Grundsicherung angerechnet?",),
        evidence=("augenärztliches Gutachten", "Schwerbehindertenausweis mit Merkzeichen Bl"),
        fields=(("Augenarzt", "{doctor}"),),
    ),
    # --- Jugendamt -----------------------------------------------------------------
    T(
        "unterhaltsvorschuss",
        "jugendamt",
        "Unterhaltsvorschuss",
        bescheid="Bescheid über Unterhaltsvorschuss",
        wants=(
            "Unterhaltsvorschuss für meine Tochter {child}",
            "die Weiterzahlung des Unterhaltsvorschusses",
        ),
        facts=(
            "Der Vater von {child} zahlt seit {months} Monaten keinen Unterhalt.",
            "{child} ist am {child_birth} geboren und lebt bei mir.",
            "Ich bin alleinerziehend.",
        ),
        grounds=(
            "Der Vater zahlt nicht, auch wenn er das behauptet.",
            "Die Leistung wurde eingestellt, obwohl {child} noch keine 18 ist.",
        ),
        questions=("Bis zu welchem Alter gibt es Unterhaltsvorschuss?",),
        evidence=("Geburtsurkunde des Kindes", "Nachweis über ausbleibende Unterhaltszahlungen"),
        ends=(
            "Ich verzichte ab sofort auf den Unterhaltsvorschuss, weil der Vater wieder regelmäßig zahlt.",
        ),
        fields=(("Kind", "{child}"), ("Geburtsdatum", "{child_birth}")),
        notice=N(
            "familienkasse",
            "Mitteilung über Kindergeldzahlungen",
            "Kindergeldnummer",
            (
                "Für das Kind {child} wird seit {past} Kindergeld an die Mutter gezahlt.",
                "Die Mitteilung erfolgt für das Verfahren zum Unterhaltsvorschuss.",
            ),
        ),
        case="wegen Unterhalt für das Kind {child}",
    ),
    T(
        "kitaplatz",
        "jugendamt",
        "Kita-Platz",
        bescheid="Bescheid über die Platzvergabe",
        wants=("einen Krippenplatz ab {start}", "einen Kita-Platz für {child}", "einen Platz in der {kita}"),
        facts=(
            "{child} ist am {child_birth} geboren.",
            "Ich nehme ab {start} meine Arbeit wieder auf.",
            "Unsere Wunschkita ist die {kita}.",
        ),
        grounds=("Die angebotene Kita ist mit Bus und Bahn über eine Stunde entfernt.",),
        problems=("In der {kita} fallen ständig Betreuungszeiten aus.",),
        questions=("Wie lange ist die Wartezeit auf einen Krippenplatz?",),
        evidence=("Arbeitgeberbescheinigung über die Arbeitszeit",),
        ends=(
            "Hiermit kündige ich den Betreuungsvertrag in der {kita} zum Monatsende.",
            "{child} wird ab {start} von der Kita abgemeldet, da wir umziehen.",
        ),
        fields=(("Kind", "{child}"), ("Gewünschter Beginn", "{start}"), ("Wunschkita", "{kita}")),
    ),
    T(
        "elternbeitrag",
        "jugendamt",
        "Elternbeitrag",
        ref="Kassenzeichen",
        bescheid="Elternbeitragsbescheid",
        wants=("die Übernahme des Elternbeitrags", "eine Ermäßigung des Elternbeitrags"),
        facts=("{child} geht in die {kita}.", "Unser Familieneinkommen beträgt {income} im Monat."),
        grounds=(
            "Für den Monat, in dem die Kita geschlossen war, wurde trotzdem der volle Beitrag berechnet.",
            "Die Geschwisterermäßigung wurde nicht berücksichtigt.",
        ),
        questions=("Wie hoch ist der Elternbeitrag bei 6 Stunden Betreuung?",),
        evidence=("Einkommensnachweise", "Bescheid über Kinderzuschlag"),
        notice=N(
            "lds_jugend",
            "Hinweise zur Elternbeitragsberechnung",
            "Aktenzeichen",
            ("Wir weisen auf die geänderten Landeszuschüsse für Kindertagesstätten hin.",),
        ),
    ),
    T(
        "beistandschaft",
        "jugendamt",
        "Beistandschaft und Vaterschaft",
        wants=(
            "eine Beistandschaft zur Geltendmachung des Unterhalts",
            "eine Beurkundung der Vaterschaftsanerkennung",
            "eine Beratung zum Sorgerecht",
        ),
        facts=(
            "Ich bin mit dem Vater von {child} nicht verheiratet.",
            "Der Kindesvater hat eine neue Arbeitsstelle bei {employer}.",
        ),
        questions=(
            "Kann das Jugendamt den Unterhalt für mein Kind berechnen?",
            "Wie bekomme ich das gemeinsame Sorgerecht?",
        ),
        evidence=("Urkunde über die Vaterschaftsanerkennung", "Einkommensnachweis des Vaters"),
        ends=("Ich beende hiermit die Beistandschaft für meine Tochter {child}.",),
        notice=N(
            "familienkasse",
            "Auskunft für das Unterhaltsverfahren",
            "Kindergeldnummer",
            ("Wir bestätigen, dass für das Kind {child} Kindergeld gezahlt wird.",),
        ),
        case="wegen Unterhalt und Sorgerecht für {child}",
    ),
    T(
        "kindeswohl",
        "jugendamt",
        "Kindeswohl",
        problems=(
            "In der Wohnung über mir schreit ein kleines Kind jede Nacht stundenlang.",
            "Die Kinder der Nachbarn sind oft allein und laufen spät abends auf der Straße.",
            "Die Mitarbeiterin des Allgemeinen Sozialen Dienstes hat meine Sorgen um meine "
            "Enkelin nicht ernst genommen.",
        ),
        facts=("Ich mache mir große Sorgen um die Kinder im Haus {site}.",),
        questions=("An wen kann ich mich wenden, wenn ich mir Sorgen um ein Kind mache?",),
        wants=("Hilfe zur Erziehung für meinen Sohn {child}",),
        evidence=("Stellungnahme der Schule",),
        notice=N(
            "polizei",
            "Mitteilung nach § 8a SGB VIII",
            "Vorgangsnummer",
            (
                "Bei einem Einsatz am {past} wurden Kinder in der Wohnung allein angetroffen.",
                "Wir bitten um Prüfung einer Kindeswohlgefährdung.",
            ),
        ),
        case="wegen elterlicher Sorge für das Kind {child}",
    ),
    # --- Bauordnungsamt -----------------------------------------------------------
    T(
        "bauantrag",
        "bauamt",
        "Baugenehmigung",
        bescheid="Baugenehmigungsbescheid",
        wants=(
            "die Baugenehmigung für ein Einfamilienhaus",
            "die Genehmigung eines Carports",
            "eine Baugenehmigung für den Dachgeschossausbau",
            "die Genehmigung eines Anbaus",
        ),
        facts=(
            "Das Grundstück liegt {site}, Flurstück {plot} der Gemarkung {gemarkung}.",
            "Die Bauvorlagen hat unser Architekt erstellt.",
            "Das Vorhaben hält die Abstandsflächen ein.",
        ),
        grounds=(
            "Die Auflage zu den Stellplätzen ist für ein Einfamilienhaus unverhältnismäßig.",
            "Die Gebühr für die Baugenehmigung ist viel zu hoch berechnet.",
        ),
        problems=("Unser Bauantrag liegt seit {months} Monaten ohne Bescheid bei Ihnen.",),
        questions=(
            "Ist der Bauantrag inzwischen vollständig?",
            "Brauche ich für ein Gartenhaus eine Baugenehmigung?",
        ),
        evidence=(
            "Lageplan",
            "Bauzeichnungen",
            "Standsicherheitsnachweis",
            "Baubeschreibung",
            "Nachweis der Bauvorlageberechtigung",
        ),
        fields=(
            ("Flurstück", "{plot}"),
            ("Gemarkung", "{gemarkung}"),
            ("Vorhaben", "Neubau Einfamilienhaus"),
        ),
        notice=N(
            "ldS",
            "Widerspruchsbescheid in der Bausache",
            "Aktenzeichen",
            (
                "Der Widerspruch gegen die Baugenehmigung wird zurückgewiesen.",
                "Die Kosten des Verfahrens trägt der Widerspruchsführer.",
            ),
        ),
        case="wegen Erteilung einer Baugenehmigung",
    ),
    T(
        "bauvoranfrage",
        "bauamt",
        "Bauvoranfrage",
        bescheid="Bauvorbescheid",
        wants=(
            "einen Bauvorbescheid für die Bebauung des Grundstücks",
            "eine Auskunft zur Bebaubarkeit meines Grundstücks",
        ),
        facts=(
            "Wir wollen das Grundstück Flurstück {plot} kaufen und mit einem Doppelhaus bebauen.",
            "Das Grundstück liegt im Außenbereich.",
        ),
        grounds=("Die Nachbarbebauung zeigt, dass sich das Vorhaben einfügt.",),
        questions=("Ist auf dem Grundstück ein zweigeschossiges Haus zulässig?",),
        evidence=("Lageplan", "Skizze des Vorhabens"),
        fields=(("Flurstück", "{plot}"), ("Gemarkung", "{gemarkung}")),
    ),
    T(
        "abriss",
        "bauamt",
        "Abbruch",
        bescheid="Bescheid über die Beseitigungsanordnung",
        wants=("die Genehmigung zum Abbruch der Scheune", "die Anzeige des Abbruchs eines Nebengebäudes"),
        facts=("Die Garage auf dem Grundstück {site} ist baufällig.",),
        grounds=("Der Schuppen steht seit über 40 Jahren und genießt Bestandsschutz.",),
        problems=("Das leerstehende Haus {site} ist einsturzgefährdet, Dachziegel fallen auf den Gehweg.",),
        questions=("Muss der Abbruch einer Garage angezeigt werden?",),
        evidence=("Fotos des Gebäudes", "Entsorgungskonzept"),
    ),
    T(
        "denkmal",
        "bauamt",
        "Denkmalschutz",
        bescheid="Bescheid über die denkmalschutzrechtliche Genehmigung",
        wants=(
            "eine denkmalschutzrechtliche Genehmigung für neue Fenster",
            "die Genehmigung einer Solaranlage auf einem Kulturdenkmal",
        ),
        facts=("Unser Gründerzeithaus {site} steht unter Denkmalschutz.",),
        grounds=("Kunststofffenster sind heute Standard und von der Straße nicht zu erkennen.",),
        problems=(
            "An der denkmalgeschützten Villa {site} werden ohne Genehmigung die Fenster herausgerissen.",
        ),
        questions=("Gibt es Fördermittel für die Sanierung eines Denkmals?",),
        evidence=("Fotodokumentation", "Angebot des Tischlers", "Detailzeichnung der Fenster"),
        notice=N(
            "denkmal",
            "Stellungnahme zum Vorhaben an einem Kulturdenkmal",
            "Aktenzeichen",
            (
                "Gegen den Austausch der Fenster bestehen Bedenken.",
                "Die historische Teilung der Fenster ist beizubehalten.",
            ),
        ),
    ),
    T(
        "schwarzbau",
        "bauamt",
        "ungenehmigte Bauarbeiten",
        problems=(
            "Der Nachbar baut auf {site} ohne Genehmigung eine große Halle direkt an meine Grenze.",
            "Auf dem Grundstück nebenan wird seit Wochen am Sonntag gebaut und eine Garage errichtet.",
        ),
        facts=("Ich bin Eigentümer des Nachbargrundstücks Flurstück {plot}.",),
        questions=("Liegt für den Anbau auf dem Nachbargrundstück eine Baugenehmigung vor?",),
        evidence=("Fotos der Baustelle", "Lageplan"),
    ),
    # --- Umweltamt ----------------------------------------------------------------
    T(
        "baumfaellung",
        "umweltamt",
        "Baumfällung",
        bescheid="Bescheid über die Fällgenehmigung",
        wants=(
            "die Genehmigung zur Fällung einer {tree}",
            "eine Fällgenehmigung für zwei Bäume auf meinem Grundstück",
        ),
        facts=(
            "Die {tree} auf meinem Grundstück {site} hat einen Stammumfang von {trunk}.",
            "Der Baum ist etwa {height} hoch und steht nah am Haus.",
            "Ein Baumgutachter hat Pilzbefall festgestellt.",
        ),
        grounds=(
            "Die geforderte Ersatzpflanzung von drei Bäumen ist auf meinem kleinen Grundstück unmöglich.",
            "Der Baum ist krank und gefährdet mein Haus.",
        ),
        problems=("Auf dem Nachbargrundstück wurde eine gesunde {tree} in der Brutzeit gefällt.",),
        questions=("Fällt eine {tree} mit {trunk} Stammumfang unter die Baumschutzsatzung?",),
        evidence=("Baumgutachten", "Fotos des Baumes", "Lageplan mit Standort"),
        fields=(("Baumart", "{tree}"), ("Stammumfang in 1 m Höhe", "{trunk}"), ("Standort", "{site}")),
        notice=N(
            "lfulg",
            "Stellungnahme zu geschützten Arten",
            "Aktenzeichen",
            (
                "In der {tree} wurden Fledermausquartiere nachgewiesen.",
                "Eine Fällung ist nur außerhalb der Brutzeit zulässig.",
            ),
        ),
        case="wegen einer Baumfällgenehmigung",
    ),
    T(
        "abfall",
        "umweltamt",
        "Abfall",
        bescheid="Abfallgebührenbescheid",
        wants=("eine kleinere Restabfalltonne", "die Befreiung von der Biotonne wegen Eigenkompostierung"),
        facts=("Im Haus {site} wohnen nur noch zwei Personen.",),
        grounds=("Die Abfallgebühren wurden für vier statt für zwei Personen berechnet.",),
        problems=(
            "Am Waldrand bei {site} wurden Altreifen und Bauschutt illegal abgeladen.",
            "Die Containerstellfläche an der {site} ist seit Tagen vermüllt.",
            "Jemand hat Sperrmüll auf den Gehweg vor unserem Haus gestellt.",
        ),
        questions=("Wo kann ich Asbestplatten ordnungsgemäß entsorgen?",),
        evidence=("Fotos der Ablagerungen",),
        ends=("Ich melde die Biotonne zum {start} ab.",),
    ),
    T(
        "gewaesser",
        "umweltamt",
        "Gewässer",
        wants=(
            "eine wasserrechtliche Erlaubnis für die Einleitung von Regenwasser",
            "eine Genehmigung für einen Steg am Teich",
        ),
        facts=("Hinter unserem Grundstück fließt der Pleißenbach.",),
        problems=(
            "Im Stadtbach treiben tote Fische und das Wasser riecht.",
            "Der Bach hinter {site} ist seit Wochen verstopft und tritt über die Ufer.",
        ),
        questions=("Darf ich Wasser aus dem Bach für meinen Garten entnehmen?",),
        evidence=("Fotos", "Lageplan der Einleitstelle"),
        notice=N(
            "lfulg",
            "Messergebnisse der Gewässergüte",
            "Aktenzeichen",
            (
                "Die Messwerte im Bereich der Einleitstelle liegen über den Orientierungswerten.",
                "Wir empfehlen eine Überprüfung der Einleitung.",
            ),
        ),
    ),
    T(
        "immission",
        "umweltamt",
        "Luft und Gerüche",
        problems=(
            "Der Kaminofen des Nachbarn qualmt jeden Abend, unsere Wohnung stinkt nach Rauch.",
            "Die Firma in der {site} verursacht starke Gerüche und Staub.",
            "Nachts läuft eine laute Lüftungsanlage auf dem Dach des Supermarkts.",
        ),
        facts=("Wir können wegen des Rauchs die Fenster nicht öffnen.",),
        questions=("Welche Grenzwerte gelten für Kaminöfen?",),
        wants=("eine Messung der Luftbelastung in unserer Straße",),
        evidence=("Geruchsprotokoll", "Fotos"),
    ),
    # --- Schulverwaltungsamt ------------------------------------------------------
    T(
        "schulanmeldung",
        "schulamt",
        "Schulanmeldung",
        bescheid="Bescheid über die Schulaufnahme",
        wants=(
            "die Aufnahme meines Sohnes {child} in die {school}",
            "die Anmeldung zur Einschulung",
            "einen Schulplatz an einer anderen Schule",
        ),
        facts=(
            "{child} wird im August schulpflichtig.",
            "Die Geschwister von {child} besuchen bereits die {school}.",
        ),
        grounds=(
            "Der Schulweg zur zugewiesenen Schule ist viel zu gefährlich.",
            "Das Geschwisterkind wurde bei der Aufnahme nicht berücksichtigt.",
        ),
        questions=("Welche Grundschule ist für unsere Adresse zuständig?",),
        evidence=("Geburtsurkunde des Kindes", "Meldebescheinigung"),
        fields=(("Kind", "{child}"), ("Wunschschule", "{school}")),
        notice=N(
            "lasub",
            "Information zur Schulaufnahme",
            "Aktenzeichen",
            (
                "Die Kapazität der Schule ist für das kommende Schuljahr ausgeschöpft.",
                "Wir bitten den Schulträger um Prüfung zusätzlicher Klassen.",
            ),
        ),
    ),
    T(
        "schuelerbefoerderung",
        "schulamt",
        "Schülerbeförderung",
        bescheid="Bescheid über die Schülerbeförderung",
        wants=(
            "die Übernahme der Kosten für die Schülerfahrkarte",
            "eine Beförderung mit dem Schulbus für meinen Sohn {child}",
        ),
        facts=(
            "Der Schulweg zur {school} ist {km} Kilometer lang.",
            "{child} hat einen Förderbedarf und kann nicht allein mit der Straßenbahn fahren.",
        ),
        grounds=(
            "Die Entfernung wurde falsch berechnet, der Weg durch den Park ist nachts unbeleuchtet.",
            "Der Eigenanteil für die Fahrkarte ist zu hoch.",
        ),
        problems=("Der Schulbus kam diese Woche dreimal zu spät.",),
        questions=("Ab welcher Entfernung wird die Schülerfahrkarte bezahlt?",),
        evidence=("Schulbescheinigung", "Stellungnahme der Förderschule"),
        ends=("Ich kündige das Schülerticket für {child} zum Ende des Schuljahres.",),
        fields=(("Schule", "{school}"), ("Länge Schulweg", "{km} km")),
    ),
    T(
        "lernmittel",
        "schulamt",
        "Lernmittel und Schulbedarf",
        wants=("die Erstattung der Kosten für das Arbeitsheft", "einen Laptop für den Unterricht"),
        facts=("Die Schule verlangt für Klasse {grade} Arbeitshefte für {small}.",),
        problems=(
            "In der {school} sind die Toiletten seit Monaten defekt.",
            "Die Schulbücher in der Klasse {grade} sind total veraltet.",
        ),
        questions=("Muss die Schule die Arbeitshefte bezahlen oder die Eltern?",),
        evidence=("Kassenbon", "Liste der Schule"),
    ),
    T(
        "schulwechsel",
        "schulamt",
        "Schulbezirk und Schulwechsel",
        bescheid="Ablehnungsbescheid zum Gastschulantrag",
        wants=("einen Gastschulantrag für die {school}", "den Wechsel an eine andere Schule"),
        facts=("Wir ziehen zum {start} nach {district}.",),
        grounds=("Die Betreuung durch die Großeltern ist nur in der Nähe der {school} möglich.",),
        questions=("Kann {child} nach dem Umzug an der bisherigen Schule bleiben?",),
        evidence=("Bescheinigung der Großeltern", "Mietvertrag der neuen Wohnung"),
        ends=("Wir melden {child} zum Schuljahresende von der {school} ab.",),
    ),
    # --- Personalamt --------------------------------------------------------------
    T(
        "stelle",
        "personalamt",
        "Stellenbesetzung",
        ref="Kennziffer",
        wants=("die Berücksichtigung meiner Bewerbung als {job}",),
        facts=("Ich habe die Ausschreibung für die Stelle {job} gelesen.",),
        questions=("Ist die Stelle {job} noch frei?", "Wann finden die Vorstellungsgespräche statt?"),
        evidence=("Abschlusszeugnis", "Arbeitszeugnis"),
        ends=("Ich ziehe meine Bewerbung als {job} zurück.",),
        notice=N(
            "ba",
            "Vermittlungsvorschlag",
            "Kundennummer",
            ("Wir schlagen Ihnen eine Bewerberin für die Stelle {job} vor.",),
        ),
    ),
    T(
        "krankmeldung",
        "personalamt",
        "Arbeitsunfähigkeit",
        facts=("Ich bin seit {past} krankgeschrieben.", "Ich arbeite im Bürgeramt als Sachbearbeiterin."),
        wants=("eine stufenweise Wiedereingliederung", "Krankengeldzuschuss"),
        problems=("Mein Vorgesetzter ruft mich während der Krankschreibung ständig an.",),
        questions=("Muss ich die Krankmeldung auch bei Ihnen abgeben?",),
        evidence=("Arbeitsunfähigkeitsbescheinigung", "Wiedereingliederungsplan"),
        ends=("Ich kündige mein Arbeitsverhältnis aus gesundheitlichen Gründen zum {start}.",),
        notice=N(
            "aok",
            "Mitteilung über das Ende der Entgeltfortzahlung",
            "Versichertennummer",
            (
                "Für Ihren Beschäftigten endet die Entgeltfortzahlung am {start}.",
                "Ab diesem Tag wird Krankengeld gezahlt.",
            ),
        ),
        case="wegen Entgeltfortzahlung",
    ),
    T(
        "gehalt",
        "personalamt",
        "Entgeltabrechnung",
        facts=("Ich arbeite seit {months} Jahren bei der Stadt in Entgeltgruppe 8.",),
        wants=("eine korrigierte Entgeltabrechnung", "die Höhergruppierung nach EG 9a"),
        problems=("Meine Überstunden wurden in der Abrechnung nicht ausgezahlt.",),
        questions=("Warum ist meine Jahressonderzahlung niedriger als im Vorjahr?",),
        evidence=("Stundennachweis", "Lohnsteuerbescheinigung"),
        notice=N(
            "zvk",
            "Mitteilung zur Zusatzversorgung",
            "Versicherungsnummer",
            (
                "Die Meldung der zusatzversorgungspflichtigen Entgelte für {prev_year} ist fehlerhaft.",
                "Wir bitten um Berichtigung.",
            ),
        ),
        case="wegen Eingruppierung und Vergütung",
    ),
    T(
        "personalakte",
        "personalamt",
        "Personalakte",
        wants=("Einsicht in meine Personalakte", "ein qualifiziertes Arbeitszeugnis"),
        facts=("Ich war bis {past} als {job} bei der Stadt beschäftigt.",),
        questions=("Wie lange wird eine Abmahnung in der Personalakte aufbewahrt?",),
        evidence=("Nachweis der Fortbildung",),
        ends=("Hiermit kündige ich mein Arbeitsverhältnis fristgerecht zum {start}.",),
        notice=N(
            "drv",
            "Ankündigung einer Betriebsprüfung",
            "Betriebsnummer",
            (
                "Wir kündigen eine Prüfung nach § 28p SGB IV an.",
                "Bitte halten Sie die Entgeltunterlagen bereit.",
            ),
        ),
        case="wegen Entfernung einer Abmahnung aus der Personalakte",
    ),
    T(
        "elternzeit",
        "personalamt",
        "Elternzeit",
        wants=("Elternzeit für die ersten 12 Monate", "Teilzeit während der Elternzeit"),
        facts=("Unser Sohn {child} wurde am {child_birth} geboren.",),
        questions=("Kann ich die Elternzeit später verlängern?",),
        evidence=("Geburtsurkunde", "Bescheinigung der Krankenkasse"),
        fields=(("Beginn der Elternzeit", "{start}"),),
    ),
    # --- Rechtsamt ----------------------------------------------------------------
    T(
        "amtshaftung",
        "rechtsamt",
        "Schadensersatz Straßenschaden",
        wants=("Schadensersatz für mein beschädigtes Fahrzeug",),
        facts=(
            "Am {past} fuhr mein {car} ({plate}) auf der {site} durch ein tiefes Schlagloch.",
            "Der Reparaturschaden beträgt laut Werkstatt {amount}.",
        ),
        evidence=("Kostenvoranschlag der Werkstatt", "Fotos der Unfallstelle"),
        case="wegen Schadensersatz aus Amtshaftung nach einem Schlaglochschaden",
    ),
    T(
        "verkehrssicherung",
        "rechtsamt",
        "Verkehrssicherungspflicht",
        wants=("Schmerzensgeld nach meinem Sturz auf dem Gehweg",),
        facts=(
            "Am {past} ist ein Ast einer städtischen {tree} auf meinen {car} gefallen.",
            "Ich bin auf dem vereisten Gehweg an der {site} gestürzt und habe mir das Handgelenk gebrochen.",
        ),
        evidence=("ärztlicher Befundbericht", "Fotos"),
        case="wegen Verletzung der Verkehrssicherungspflicht",
    ),
    T(
        "vergabe",
        "rechtsamt",
        "Vergabeverfahren",
        facts=("Unser Angebot im Vergabeverfahren {n}/{year} war das wirtschaftlichste.",),
        evidence=("Angebotsunterlagen",),
        case="wegen Schadensersatz aus einem Vergabeverfahren",
    ),
    T(
        "mietsache",
        "rechtsamt",
        "Miet- und Pachtsache",
        facts=("Die Stadt ist Vermieterin der Gewerbeeinheit {site}.",),
        evidence=("Mietvertrag",),
        wants=("die Rückzahlung der Mietkaution",),
        case="wegen Räumung und Zahlung rückständiger Miete",
    ),
    T(
        "informationszugang",
        "rechtsamt",
        "Auskunftsklage",
        wants=("Auskunft über die bei der Stadt gespeicherten Daten nach Art. 15 DSGVO", "Akteneinsicht"),
        facts=("Auf mein Auskunftsersuchen vom {past} habe ich keine Antwort erhalten.",),
        fields=(("Art des Ersuchens", "Auskunft nach Art. 15 DSGVO"),),
        evidence=("Kopie des Auskunftsersuchens",),
        notice=N(
            "ldS",
            "Rechtsaufsichtliche Anfrage",
            "Aktenzeichen",
            (
                "Uns liegt eine Beschwerde eines Bürgers über die Stadtverwaltung vor.",
                "Wir bitten um Stellungnahme bis zum {deadline}.",
            ),
        ),
        case="wegen Auskunft nach dem Informationsfreiheitsgesetz",
    ),
    # --- Beschaffung --------------------------------------------------------------
    T(
        "buero",
        "beschaffung",
        "Büromaterial",
        ref="Kundennummer",
        questions=("Wird das Rahmenvertragsangebot für Büromaterial neu ausgeschrieben?",),
        ends=("Wir kündigen den Rahmenvertrag über Büromaterial fristgerecht zum {start}.",),
    ),
    T(
        "it",
        "beschaffung",
        "IT-Ausstattung",
        ref="Kundennummer",
        questions=("Wann wird die Ausschreibung für die Notebooks veröffentlicht?",),
        ends=("Hiermit kündigen wir den Wartungsvertrag für die Drucker zum {start}.",),
    ),
    T(
        "reinigung",
        "beschaffung",
        "Gebäudereinigung",
        ref="Kundennummer",
        questions=("Können wir für die Reinigung der Schulen ein Angebot abgeben?",),
        ends=("Wir kündigen den Reinigungsvertrag für das Verwaltungsgebäude zum {start}.",),
    ),
    T(
        "bauleistung",
        "beschaffung",
        "Bau- und Handwerksleistungen",
        ref="Kundennummer",
        questions=("Ist die Abnahme der Heizungsarbeiten schon terminiert?",),
        ends=("Wir kündigen den Wartungsvertrag für die Heizungsanlagen zum {start}.",),
    ),
    T(
        "energie",
        "beschaffung",
        "Energie",
        ref="Vertragskonto",
        questions=("Liegt die Zählerstandsmeldung für die Kita schon vor?",),
        ends=("Wir kündigen den Stromliefervertrag für die Straßenbeleuchtung zum {start}.",),
    ),
    T(
        "druck",
        "beschaffung",
        "Druckleistungen",
        ref="Kundennummer",
        questions=("Sollen die Amtsblätter weiter im bisherigen Umfang gedruckt werden?",),
        ends=("Wir kündigen den Rahmenvertrag für Druckleistungen zum {start}.",),
    ),
    # --- Poststelle ---------------------------------------------------------------
    T("produktwerbung", "poststelle", "Produktwerbung", ref="Kundennummer"),
    T("newsletter", "poststelle", "Newsletter", ref="Kundennummer"),
    T("veranstaltung", "poststelle", "Einladung", ref="Kundennummer"),
    T("spende", "poststelle", "Spendenaufruf", ref="Kundennummer"),
    T("seminar", "poststelle", "Seminarangebot", ref="Kundennummer"),
    # --- matters that reach an office only through a court -----------------------------
    T(
        "betreuung",
        "sozialamt",
        "rechtliche Betreuung",
        case="wegen Bestellung eines Betreuers für {client_name}",
    ),
    T(
        "insolvenz",
        "steueramt",
        "Steuerforderung im Insolvenzverfahren",
        ref="Kassenzeichen",
        case="wegen Insolvenzverfahren über das Vermögen von {me}",
    ),
    T("pfaendung", "personalamt", "Lohnpfändung", case="wegen Pfändung von Arbeitseinkommen"),
    T(
        "geschwindigkeit",
        "verkehrsbehoerde",
        "Geschwindigkeitsüberschreitung",
        case="wegen Verkehrsordnungswidrigkeit",
    ),
)

# More matters of every office, written on top of T and N above (hence imported here).
from mailroom.synth.topics_extra import EXTRA_TOPICS  # noqa: E402
from mailroom.synth.topics_more import MORE_TOPICS  # noqa: E402

TOPICS = (*TOPICS, *EXTRA_TOPICS, *MORE_TOPICS)

BY_ROUTE: dict[str, tuple[Topic, ...]] = {}
for _t in TOPICS:
    BY_ROUTE[_t.route] = (*BY_ROUTE.get(_t.route, ()), _t)


def topics_for(route: str, need: str = "") -> tuple[Topic, ...]:
    """Topics of a route; with `need`, only those whose attribute `need` is filled."""
    found = BY_ROUTE.get(route, ())
    return tuple(t for t in found if not need or getattr(t, need))
