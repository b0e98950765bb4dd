"""More printed matter of firms and of the city's own forms: the views of electronic
invoices (XRechnung, ZUGFeRD), invoices of many trades, flyers and event cards, and the
city's application forms filled in by hand.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from mailroom.synth import people as pp
from mailroom.synth.document import (
    Block,
    Bullets,
    Checkboxes,
    Columns,
    Document,
    Fields,
    Paragraph,
    Party,
    Table,
)
from mailroom.synth.writers.base import Ctx, doc, paras
from mailroom.synth.writers.business import _set_topic, _topic, m, positions, vat_footer

# Trades that bill the city besides the classic suppliers: (firm words, positions).
TRADES: dict[str, tuple[tuple[str, ...], tuple[tuple[str, str, float, float], ...]]] = {
    "catering": (
        ("Catering", "Partyservice", "Gastronomie"),
        (
            ("Fingerfood-Buffet Neujahrsempfang", "Person", 18, 39),
            ("Getränkepauschale", "Person", 6, 14),
            ("Servicepersonal", "Std.", 29, 42),
        ),
    ),
    "winterdienst": (
        ("Winterdienst", "Hausmeisterservice", "Objektdienste"),
        (
            ("Räum- und Streueinsatz Schulhof", "Einsatz", 45, 120),
            ("Streugut Splitt", "t", 60, 140),
            ("Bereitschaftspauschale", "Monat", 90, 300),
        ),
    ),
    "schluessel": (
        ("Schlüsseldienst", "Sicherheitstechnik", "Schließanlagen"),
        (
            ("Türöffnung Verwaltungsgebäude", "pauschal", 69, 180),
            ("Schließzylinder austauschen", "Stück", 38, 120),
            ("Anfahrt", "pauschal", 25, 59),
        ),
    ),
    "veranstaltung": (
        ("Veranstaltungstechnik", "Eventtechnik", "Bühnenservice"),
        (
            ("Beschallungsanlage Stadtfest", "Tag", 380, 1400),
            ("Bühnenpodest 6 x 4 m", "Tag", 240, 780),
            ("Techniker", "Std.", 45, 75),
        ),
    ),
    "uebersetzung": (
        ("Übersetzungsbüro", "Sprachendienst", "Dolmetscherdienst"),
        (
            ("Dolmetschen Arabisch–Deutsch, Termin Sozialamt", "Std.", 55, 85),
            ("Fahrtkosten", "km", 0.42, 0.42),
            ("Beglaubigte Übersetzung Geburtsurkunde", "Seite", 35, 60),
        ),
    ),
    "gutachten": (
        ("Ingenieurbüro", "Sachverständigenbüro", "Baugutachter"),
        (
            ("Gutachten Standsicherheit Brücke", "pauschal", 1800, 6400),
            ("Ortstermin", "Std.", 95, 140),
            ("Nebenkosten", "pauschal", 60, 180),
        ),
    ),
    "abschlepp": (
        ("Abschleppdienst", "Pannenhilfe", "Fahrzeugverwahrung"),
        (
            ("Abschleppen im Auftrag der Stadt", "Einsatz", 140, 290),
            ("Verwahrung auf dem Betriebshof", "Tag", 12, 25),
            ("Leerfahrt", "Einsatz", 60, 120),
        ),
    ),
    "tierarzt": (
        ("Tierarztpraxis", "Kleintierpraxis", "Tierklinik"),
        (
            ("Untersuchung Fundhund", "Behandlung", 25, 70),
            ("Impfung", "Stück", 30, 65),
            ("Unterbringung Tierheim", "Tag", 12, 22),
        ),
    ),
    "sicherheit": (
        ("Sicherheitsdienst", "Wachschutz", "Security"),
        (
            ("Objektbewachung Flüchtlingsunterkunft", "Std.", 24, 36),
            ("Revierkontrollen", "Monat", 300, 900),
            ("Nachtzuschlag", "Std.", 4, 9),
        ),
    ),
}
TRADE_TOPIC = {
    "catering": "buero",
    "winterdienst": "bauleistung",
    "schluessel": "bauleistung",
    "veranstaltung": "it",
    "uebersetzung": "buero",
    "gutachten": "bauleistung",
    "abschlepp": "bauleistung",
    "tierarzt": "buero",
    "sicherheit": "reinigung",
}
EINVOICE_NOTES = (
    "Dieses Dokument ist die Sichtdarstellung einer elektronischen Rechnung im Format XRechnung.",
    "Sichtdarstellung der XRechnung – maßgeblich ist allein der strukturierte Datensatz.",
    "Visualisierung einer elektronischen Rechnung (EN 16931). Rechtlich verbindlich ist die XML-Datei.",
    "Dieses Dokument ist eine menschenlesbare Darstellung der elektronischen Rechnung.",
)


def leitweg_id(c: Ctx) -> str:
    """A Leitweg-ID of a city administration's invoice mailbox."""
    return (
        f"{c.rng.randint(10, 16):02d}{c.rng.randint(100, 999)}{c.rng.randint(10000, 99999)}"
        f"-{c.rng.randint(10, 99999)}-{c.rng.randint(10, 99)}"
    )


def _firm(c: Ctx, trade: str) -> Party:
    words, _ = TRADES[trade]
    name = f"{c.rng.choice(pp.LAST)} {c.rng.choice(words)} {c.rng.choice(pp.LEGAL_FORMS)}"
    site = pp.web_for(name)
    return Party(
        "company",
        name,
        pp.regional_address(c.rng, c.town, 0.7),
        (f"Tel. {pp.phone(c.rng, 0.1, c.town)}", f"E-Mail: rechnung@{site[4:]}", site),
        person=pp.signer(c.rng),
    )


def _trade_rows(c: Ctx, trade: str) -> tuple[list[tuple[str, ...]], float]:
    rows: list[tuple[str, ...]] = []
    net = 0.0
    for i, (text, unit, low, high) in enumerate(TRADES[trade][1], 1):
        qty = c.rng.choice((1, 1, 2, 3, 4, 8, 12)) if unit != "km" else c.rng.randint(10, 90)
        price = round(c.rng.uniform(low, high), 2)
        net += qty * price
        rows.append((str(i), text, str(qty), unit, m(price, c), m(qty * price, c)))
    return rows, net


def xrechnung(c: Ctx) -> Document:
    """The field list of an XRechnung as a viewer prints it: BT codes, parties, lines, taxes."""
    firm = pp.company(c.rng, c.rng.choice(("buero", "it", "reinigung", "heizung", "druck")), c.town)
    no = pp.rechnungsnummer(c.rng, c.received.year)
    rows, net = positions(c, 1, 5)
    vat = round(net * 0.19, 2)
    codes = c.chance(0.6)

    def bt(code: str, label: str) -> str:
        return f"{label} ({code})" if codes and c.chance(0.9) else label

    ib, bank, bic = pp.iban(c.rng, city=c.town)
    body: list[Block] = [
        Fields(
            "Rechnungsdaten",
            (
                (bt("BT-1", "Rechnungsnummer"), no),
                (bt("BT-2", "Rechnungsdatum"), c.s["date"]),
                (bt("BT-3", "Rechnungsart"), c.one(("380 – Handelsrechnung", "Rechnung (380)"))),
                (bt("BT-5", "Währung"), "EUR"),
                (bt("BT-10", "Käuferreferenz / Leitweg-ID"), leitweg_id(c)),
                (
                    bt("BT-13", "Bestellnummer"),
                    f"{c.rng.choice(('BE', '4500', 'B-'))}{c.rng.randint(1000, 99999)}",
                ),
                (bt("BT-9", "Fälligkeitsdatum"), c.s["deadline"]),
            ),
        ),
        Fields(
            "Verkäufer",
            (
                (bt("BT-27", "Name"), firm.name),
                (bt("BT-35", "Anschrift"), ", ".join(firm.address)),
                (bt("BT-31", "USt-IdNr."), f"DE{c.rng.randint(100000000, 999999999)}"),
                (bt("BT-41", "Kontakt"), firm.person),
                (bt("BT-43", "E-Mail"), firm.contact[1].split(" ")[-1]),
            ),
        ),
        Fields(
            "Käufer",
            (
                (bt("BT-44", "Name"), c.town.titles[0]),
                (bt("BT-50", "Anschrift"), ", ".join(pp.city_address(c.rng, c.town))),
                (bt("BT-46", "Kennung"), c.dept or "Rechnungseingang"),
            ),
        ),
        Table(("Pos.", "Bezeichnung", "Menge", "Einheit", "Preis", "Netto"), tuple(rows)),
        Fields(
            "Steuerübersicht",
            (
                (bt("BT-116", "Steuerbasisbetrag"), m(net, c)),
                (bt("BT-119", "Steuersatz"), "19 %"),
                (bt("BT-117", "Steuerbetrag"), m(vat, c)),
                (bt("BT-112", "Gesamtbetrag brutto"), m(net + vat, c)),
                (bt("BT-115", "Fälliger Betrag"), m(net + vat, c)),
            ),
        ),
        Fields(
            "Zahlungsinformationen",
            (
                (bt("BT-81", "Zahlungsart"), "58 – SEPA-Überweisung"),
                (bt("BT-84", "IBAN"), ib),
                (bt("BT-86", "BIC"), bic),
                ("Kreditinstitut", bank),
                (
                    bt("BT-20", "Zahlungsbedingungen"),
                    c.one(("Zahlbar innerhalb von 30 Tagen netto.", "14 Tage 2 % Skonto, 30 Tage netto.")),
                ),
            ),
        ),
    ]
    body.append(Paragraph(c.one(EINVOICE_NOTES)))
    refs = (("Rechnungsnummer", no),)
    return dataclasses.replace(
        doc(
            c,
            body,
            sender=firm,
            recipient=None,
            refs=refs,
            layout="datasheet",
            title=c.one(
                ("Rechnung (XRechnung)", "XRechnung – Sichtdarstellung", "Elektronische Rechnung", "Rechnung")
            ),
        ),
        subject=c.one(
            (
                "Erzeugt mit XRechnung-Visualisierung",
                "Spezifikation: urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0",
                "",
            )
        ),
    )


def zugferd(c: Ctx) -> Document:
    """A ZUGFeRD / Factur-X invoice: a normal-looking invoice naming the Leitweg-ID and tax
    breakdown, with the note that the XML inside is the invoice."""
    firm = pp.company(c.rng, c.rng.choice(("buero", "it", "moebel", "elektro", "garten")), c.town)
    no = pp.rechnungsnummer(c.rng, c.received.year)
    rows, net = positions(c, 2, 6)
    table = Table(
        ("Pos.", "Artikel / Leistung", "Menge", "Einheit", "Einzelpreis", "Gesamt"),
        tuple(rows),
        vat_footer(c, net),
    )
    tax = Table(
        ("USt-Satz", "Netto", "Steuer", "Brutto"), (("19 %", m(net, c), m(net * 0.19, c), m(net * 1.19, c)),)
    )
    body: list[Block] = paras(
        c.one(("Wir berechnen Ihnen gemäß Auftrag:", "Rechnung zu Ihrer Bestellung:", ""))
    )
    body += [table, Paragraph("Steuerübersicht"), tax]
    ib, bank, bic = pp.iban(c.rng, city=c.town)
    body += paras(
        c.one(
            ("Zahlungsbedingungen: 30 Tage netto ab Rechnungseingang.", "Zahlbar bis {deadline} ohne Abzug.")
        ),
        f"Bankverbindung: {bank} · IBAN {ib} · BIC {bic}",
        c.one(
            (
                "Diese Rechnung enthält eingebettete strukturierte Daten nach ZUGFeRD 2.3 (Profil EN 16931).",
                "Factur-X / ZUGFeRD – die eingebettete XML-Datei ist maßgeblich.",
                "Elektronische Rechnung im Hybridformat ZUGFeRD.",
            )
        ),
    )
    refs = (
        ("Rechnungsnummer", no),
        ("Leitweg-ID", leitweg_id(c)),
        (
            "Käuferreferenz",
            c.one((f"{c.rng.randint(100, 999)}-{c.rng.randint(1000, 9999)}", c.dept or "Rechnungseingang")),
        ),
        ("USt-IdNr.", f"DE{c.rng.randint(100000000, 999999999)}"),
    )
    return doc(c, body, sender=firm, layout="invoice", title=f"Rechnung {no}", refs=refs)


def trade_invoice(c: Ctx) -> Document:
    """An invoice of a trade outside the usual suppliers (catering, towing, interpreters ...)."""
    trade = c.rng.choice(tuple(TRADES))
    _topic(c, TRADE_TOPIC[trade])
    firm = _firm(c, trade)
    no = pp.rechnungsnummer(c.rng, c.received.year)
    rows, net = _trade_rows(c, trade)
    small = c.chance(0.25)
    table = Table(
        ("Pos.", "Leistung", "Menge", "Einheit", "Preis", "Betrag"),
        tuple(rows),
        (("Gesamtbetrag", m(net, c)),) if small else vat_footer(c, net, c.rng.choice((19, 19, 7))),
    )
    body = paras(
        c.one(
            (
                "für unsere Leistungen erlauben wir uns zu berechnen:",
                "Leistungszeitraum: {past} bis {date}",
                "Einsatz im Auftrag von {dept}.",
                "",
            )
        ).replace("{dept}", c.dept or c.town.titles[0])
    )
    body.append(table)
    ib, bank, _ = pp.iban(c.rng, city=c.town)
    body += paras(
        "Kein Ausweis von Umsatzsteuer, da Kleinunternehmer gemäß § 19 UStG."
        if small
        else f"Steuernummer {pp.steuernummer(c.rng)}",
        c.one(
            (
                "Bitte überweisen Sie den Betrag innerhalb von 14 Tagen.",
                "Zahlbar sofort ohne Abzug.",
                "Bitte Rechnungsnummer als Verwendungszweck angeben.",
            )
        ),
        f"{bank}, IBAN {ib}",
    )
    return doc(
        c,
        body,
        sender=firm,
        layout="invoice",
        title=c.one((f"Rechnung Nr. {no}", "Rechnung", f"Rechnung {no}")),
        refs=(("Rechnungsnummer", no), ("Kunden-Nr.", pp.kundennummer(c.rng))),
    )


# --- advertising -------------------------------------------------------------------------

# Flyers: (headline, topic key, sender names, columns of heading and text, bullet points).
FLYERS: tuple[tuple[str, str, tuple[str, ...], tuple[tuple[str, str], ...], tuple[str, ...]], ...] = (
    (
        "Digitalisierung leicht gemacht",
        "produktwerbung",
        ("{last} Kommunal-IT GmbH", "Rathaus digital AG"),
        (
            ("Für Kommunen", "Fachverfahren, E-Akte und Online-Dienste aus einer Hand – schnell eingeführt."),
            (
                "Unser Service",
                "Schulungen vor Ort, Hotline werktags von 7 bis 19 Uhr, feste Ansprechpartner.",
            ),
            ("Ihr Vorteil", "Förderfähig nach dem Onlinezugangsgesetz. Jetzt kostenlose Demo anfragen!"),
            ("Referenzen", "Über 120 Städte und Gemeinden arbeiten bereits mit unseren Lösungen."),
        ),
        (
            "Kostenlose Webinare jeden Dienstag",
            "Datenschutzkonform gehostet in Deutschland",
            "Schnittstellen zu allen gängigen Fachverfahren",
        ),
    ),
    (
        "Sommerfest im Stadtteil",
        "veranstaltung",
        ("Bürgerverein {district} e. V.", "Stadtteilzentrum {district}"),
        (
            ("Programm", "Ab 14 Uhr Hüpfburg, Kinderschminken und Live-Musik auf der Wiese."),
            ("Für das leibliche Wohl", "Kaffee und Kuchen, Grillstand, alkoholfreie Cocktails."),
            ("Eintritt frei", "Spenden für die Jugendarbeit sind willkommen."),
            ("Mitmachen", "Vereine und Initiativen stellen sich an eigenen Ständen vor."),
        ),
        ("Tombola mit tollen Preisen", "Flohmarkt von 10 bis 16 Uhr", "Bei Regen im Gemeindesaal"),
    ),
    (
        "Neu: Spielgeräte aus Robinienholz",
        "produktwerbung",
        ("{last} Spielplatzbau GmbH", "Holzwerk {last} KG"),
        (
            ("Langlebig", "Splitterarm, ohne chemischen Holzschutz, TÜV-geprüft."),
            ("Sicher", "Nach DIN EN 1176 geprüft und zertifiziert."),
            ("Aktionspreis", "Bis Monatsende 15 % Rabatt auf alle Kletterkombinationen."),
            ("Montage", "Aufbau durch eigene Monteure inklusive Fallschutz."),
        ),
        ("Planung und 3D-Visualisierung kostenlos", "Lieferung in 6 Wochen", "Wartungsverträge auf Wunsch"),
    ),
    (
        "Fachtagung Kommunaler Klimaschutz",
        "seminar",
        ("Kommunalakademie {land}", "Institut für Kommunalwirtschaft"),
        (
            ("Vorträge", "Wärmeplanung, Förderprogramme und Praxisbeispiele aus Städten."),
            ("Workshops", "Energiemanagement in Schulen und Verwaltungsgebäuden."),
            ("Anmeldung", "Frühbucherpreis bis zum Monatsende, Teilnahme auch online."),
            ("Zielgruppe", "Klimaschutzmanager, Bauämter, Kämmereien und Stadtwerke."),
        ),
        (
            "Teilnahmebescheinigung inklusive",
            "Tagungsunterlagen digital",
            "Mittagessen und Getränke inklusive",
        ),
    ),
    (
        "Winterdienst zum Festpreis",
        "produktwerbung",
        ("{last} Objektdienste GmbH", "Hausmeisterservice {last}"),
        (
            ("Zuverlässig", "Räumen und Streuen ab 4 Uhr morgens, auch am Wochenende."),
            ("Dokumentiert", "Jeder Einsatz mit GPS-Protokoll – haftungssicher."),
            ("Angebot", "Jetzt Rahmenvertrag für die nächste Saison sichern."),
        ),
        ("Festpreis pro Saison", "Eigener Fuhrpark", "24-Stunden-Notdienst"),
    ),
    (
        "Helfen Sie mit!",
        "spende",
        ("Tafel {city} e. V.", "Kinderhilfe {city} e. V.", "Tierheim {city} e. V."),
        (
            ("Unsere Arbeit", "Wir versorgen jede Woche über 400 Familien mit Lebensmitteln."),
            ("Was wir brauchen", "Fahrerinnen und Fahrer, Kühltransporter, Geldspenden."),
            (
                "So helfen Sie",
                "Jeder Euro hilft – Spendenkonto siehe unten. Spenden sind steuerlich absetzbar.",
            ),
        ),
        ("Ehrenamtliche gesucht", "Spendenquittung auf Wunsch", "Geprüft und transparent"),
    ),
    (
        "Jetzt abonnieren: Der Gemeinderat",
        "produktwerbung",
        ("Verlag Kommunalpraxis GmbH", "Fachverlag {last}"),
        (
            ("Jeden Monat", "Aktuelle Rechtsprechung, Praxisbeispiele und Checklisten."),
            ("Testen Sie uns", "Drei Ausgaben gratis – das Abo endet automatisch."),
            ("Digital", "Alle Ausgaben auch als E-Paper und in der App."),
        ),
        ("Jahresabo für Verwaltungen mit Mengenrabatt", "Kündigung jederzeit", "Archiv seit 2005"),
    ),
    (
        "Tag der offenen Tür",
        "veranstaltung",
        (
            "Berufsfeuerwehr {city}",
            "Freiwillige Feuerwehr {city}-Mitte",
            "Technisches Hilfswerk, Ortsverband {city}",
        ),
        (
            ("Vorführungen", "Fahrzeugschau, Rettungsübung um 11 und 14 Uhr."),
            ("Für Kinder", "Spritzwand, Malwettbewerb und Kinderfeuerwehr."),
            ("Information", "Nachwuchswerbung und Beratung zum Brandschutz zu Hause."),
        ),
        ("Eintritt frei", "Parkplätze am Sportplatz", "Gulaschkanone ab 12 Uhr"),
    ),
)


def flyer(c: Ctx) -> Document:
    """A printed flyer: headline, columns, a list of points, a call to action."""
    headline, topic, senders, cols, points = c.rng.choice(FLYERS)
    _set_topic(c, topic)
    name = c.rng.choice(senders).format(
        last=c.rng.choice(pp.LAST),
        district=c.s["district"],
        city=c.town.name,
        land=pp.cities.LAENDER[c.town.land].name,
    )
    site = pp.web_for(name)
    firm = Party(
        "company",
        name,
        pp.regional_address(c.rng, c.town, 0.7),
        (f"Tel. {pp.phone(c.rng, 0.1, c.town)}", f"E-Mail: info@{site[4:]}", site),
        person=pp.signer(c.rng),
    )
    body: list[Block] = paras(
        c.one(("Jetzt informieren!", "Das sollten Sie nicht verpassen.", "Wir freuen uns auf Sie!", ""))
    )
    picked = c.rng.sample(cols, min(len(cols), c.rng.randint(2, 4)))
    body.append(Columns(tuple(picked[:3])))
    if len(picked) > 3:
        body += paras(f"{picked[3][0]}: {picked[3][1]}")
    body.append(Bullets(tuple(c.rng.sample(points, c.rng.randint(2, 3)))))
    when = c.one(
        ("Am {event} von 10 bis 17 Uhr", "Gültig bis {deadline}", "Termine: {event} und {start}", "")
    )
    body += paras(
        when,
        c.one(
            (
                "Rufen Sie uns an oder besuchen Sie uns online!",
                f"Mehr unter {site}",
                "QR-Code scannen und mehr erfahren.",
                "Anmeldung unter " + site,
            )
        ),
    )
    return doc(
        c,
        body,
        sender=firm,
        layout="flyer",
        title=headline,
        refs=(),
        subject=c.one(
            ("", f"{c.town.name} und Umgebung", "Ausgabe {year}", "Eine Information für Städte und Gemeinden")
        ),
    )


def event_card(c: Ctx) -> Document:
    """An invitation card to a reception, an opening or an anniversary."""
    _set_topic(c, "veranstaltung")
    host = c.one(
        (
            "Industrie- und Handelskammer {city}",
            "Förderverein Stadtmuseum {city} e. V.",
            "Sparkasse {city}",
            "Hochschule {city}",
            "Kreishandwerkerschaft {city}",
            "Freiwillige Feuerwehr {city}",
            "Partnerschaftsverein {city} e. V.",
        )
    )
    firm = Party(
        "company",
        host,
        pp.local_address(c.rng, c.town),
        (f"Tel. {pp.phone(c.rng, 0.0, c.town)}",),
        person=pp.signer(c.rng),
    )
    occasion = c.one(
        (
            "Neujahrsempfang",
            "Sommerempfang",
            "Eröffnung unseres Neubaus",
            "Festakt zum 125-jährigen Bestehen",
            "Tag der offenen Tür",
            "Benefizkonzert",
        )
    )
    body: list[Block] = paras(
        c.one(("Wir freuen uns, Sie einzuladen", "Herzliche Einladung", "Sie sind herzlich eingeladen"))
    )
    body.append(
        Fields(
            "",
            (
                ("Wann", f"{c.s['event']}, {c.rng.randint(10, 19)}:00 Uhr"),
                ("Wo", c.s["site"] + ", " + c.town.name),
                (
                    "Programm",
                    c.one(("Grußworte, Musik, Empfang", "Festvortrag und Imbiss", "Führungen und Gespräche")),
                ),
            ),
        )
    )
    body += paras(
        c.one(
            (
                "Um Antwort wird gebeten bis {deadline}.",
                "u. A. w. g. bis {deadline}",
                "Anmeldung online oder per Telefon.",
            )
        )
    )
    return doc(
        c,
        body,
        sender=firm,
        layout="flyer",
        title=occasion,
        refs=(),
        subject=c.one(("Einladung", f"{host.replace('{city}', c.town.name)} lädt ein", "")),
        signature=firm.person if c.chance(0.5) else "",
    )


# --- the city's printed application forms, filled by hand -------------------------------

FORM_TITLES = {
    "wohngeld": "Antrag auf Wohngeld (Mietzuschuss)",
    "bewohnerparken": "Antrag auf Erteilung eines Bewohnerparkausweises",
    "wohnsitz": "Antrag auf Meldebescheinigung / Anmeldung",
    "hundesteuer": "Anmeldung eines Hundes zur Hundesteuer",
    "kitaplatz": "Antrag auf einen Betreuungsplatz in einer Kindertageseinrichtung",
    "baumfaellung": "Antrag auf Fällgenehmigung nach der Baumschutzsatzung",
    "sondernutzung": "Antrag auf Sondernutzungserlaubnis",
    "gewerbe": "Gewerbeanmeldung nach § 14 GewO",
    "schuelerbefoerderung": "Antrag auf Übernahme der Schülerbeförderungskosten",
    "personalausweis": "Antrag auf Ausstellung eines Personalausweises",
    "behindertenparkplatz": "Antrag auf Parkerleichterung für schwerbehinderte Menschen",
    "bildung_teilhabe": "Antrag auf Leistungen für Bildung und Teilhabe",
    "elternbeitrag": "Antrag auf Ermäßigung des Elternbeitrags",
    "grundsteuer": "Antrag auf Erlass der Grundsteuer",
    "bauvoranfrage": "Antrag auf Vorbescheid",
    "abfall": "Antrag auf Änderung der Abfallbehälter",
    "geburt": "Anzeige der Geburt",
    "fundsache": "Verlustanzeige",
}


def city_form(c: Ctx) -> Document:
    """The city's own printed application form, the values written by hand with a pen."""
    title = FORM_TITLES.get(c.topic.key) or c.one((f"Antrag – {c.topic.name}", f"Antrag auf {c.s['want']}"))
    person = Fields(
        c.one(("1. Angaben zur antragstellenden Person", "Antragsteller/in", "Persönliche Daten")),
        (
            ("Familienname", c.me.last),
            ("Vorname(n)", c.me.first),
            ("Geburtsdatum", pp.de_date(c.me.birth)),
            ("Geburtsort", c.one((c.town.name, c.me.town, ""))),
            ("Straße, Hausnummer", c.me.address[0]),
            ("PLZ, Ort", c.me.address[-1]),
            ("Telefon (freiwillig)", c.me.phone if c.chance(0.6) else ""),
            ("E-Mail (freiwillig)", c.me.email if c.chance(0.4) else ""),
        ),
    )
    topic_fields = tuple((label, c.f(value)) for label, value in c.topic.fields) or (
        ("Anliegen", c.s["want"]),
        ("gewünscht ab", c.s["start"]),
    )
    body: list[Block] = [
        person,
        Fields(c.one(("2. Angaben zum Antrag", "Einzelheiten", "Angaben zum Vorhaben")), topic_fields),
    ]
    if c.topic.evidence:
        body.append(
            Checkboxes(
                c.one(("3. Beigefügte Unterlagen", "Anlagen")),
                tuple((c.f(e), c.chance(0.6)) for e in c.topic.evidence[:4]),
            )
        )
    if c.chance(0.5):
        ib, bank, _ = pp.iban(c.rng, city=c.town)
        body.append(
            Fields(
                "Bankverbindung für Erstattungen",
                (("IBAN", ib), ("Kreditinstitut", bank), ("Kontoinhaber/in", c.me.name)),
            )
        )
    body.append(
        Checkboxes(
            "Bescheid und Rückfragen",
            (("per Post", c.chance(0.7)), ("per E-Mail", c.chance(0.3)), ("telefonisch", c.chance(0.2))),
        )
    )
    body.append(
        Paragraph(
            c.one(
                (
                    "Ich versichere, dass die Angaben vollständig und richtig sind. Mir ist bekannt, dass "
                    "unrichtige Angaben strafbar sein können.",
                    "Die Hinweise zum Datenschutz nach Art. 13 DSGVO habe ich erhalten.",
                    "Änderungen der Verhältnisse teile ich unverzüglich mit.",
                )
            )
        )
    )
    office = c.dept or pp.office_name(c.rng, c.route, c.town)
    issuer = Party("city", c.town.titles[0], pp.city_address(c.rng, c.town), department=office)
    document = doc(
        c,
        body,
        recipient=issuer,
        layout="form",
        title=title,
        signature=c.me.name,
        refs=c.refs if c.chance(0.4) else (),
    )
    return dataclasses.replace(document, hand=True)


WriteFn = Callable[[Ctx], Document]
RECHNUNG: dict[str, WriteFn] = {"xrechnung": xrechnung, "zugferd": zugferd, "trade": trade_invoice}
WERBUNG: dict[str, WriteFn] = {"flyer": flyer, "event_card": event_card}
ANTRAG: dict[str, WriteFn] = {"city_form": city_form}
