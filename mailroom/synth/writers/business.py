"""Mail from businesses and applicants: invoices, dunning letters, advertising, applications."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable

from mailroom.synth import people as pp
from mailroom.synth.document import (
    Block,
    Bullets,
    Checkboxes,
    Document,
    Fields,
    Paragraph,
    Party,
    Table,
)
from mailroom.synth.topics import BY_ROUTE
from mailroom.synth.writers.base import CASUAL_CLOSINGS, Ctx, cv_blocks, doc, email_header, paras

# Positions a supplier bills, per beschaffung topic: (text, unit, low price, high price).
CATALOG: dict[str, tuple[tuple[str, str, float, float], ...]] = {
    "buero": (
        ("Kopierpapier A4, 80 g/m², 500 Blatt", "Pack", 3.2, 5.9),
        ("Ordner breit, blau", "Stück", 1.9, 3.8),
        ("Toner HP 59A schwarz", "Stück", 79, 139),
        ("Kugelschreiber, Packung à 50", "Pack", 9.5, 19),
        ("Haftnotizen 76x76", "Pack", 4, 9),
        ("Briefumschläge DIN lang mit Fenster, 1000 Stück", "Karton", 18, 34),
        ("Bürodrehstuhl ergonomisch", "Stück", 189, 420),
    ),
    "it": (
        ('Notebook 14", 16 GB RAM, 512 GB SSD', "Stück", 690, 1290),
        ('Monitor 24" Full HD', "Stück", 129, 249),
        ("Dockingstation USB-C", "Stück", 119, 219),
        ("Einrichtung und Inventarisierung", "Std.", 65, 98),
        ("Software-Lizenz, Jahresabonnement", "Lizenz", 49, 320),
        ("Netzwerk-Switch 24 Port", "Stück", 180, 540),
        ("Vor-Ort-Support", "Std.", 72, 105),
    ),
    "reinigung": (
        ("Unterhaltsreinigung Verwaltungsgebäude", "Monat", 1800, 6200),
        ("Glasreinigung innen und außen", "m²", 1.1, 2.9),
        ("Grundreinigung Turnhalle", "pauschal", 480, 1400),
        ("Sonderreinigung nach Wasserschaden", "Std.", 28, 39),
    ),
    "bauleistung": (
        ("Austausch Heizungsumwälzpumpe", "Stück", 380, 890),
        ("Monteurstunde", "Std.", 52, 78),
        ("Anfahrtspauschale", "pauschal", 35, 69),
        ("Kupferrohr 22 mm", "m", 14, 29),
        ("Wartung Gasbrennwertkessel", "Stück", 160, 310),
        ("Malerarbeiten Klassenzimmer", "m²", 8, 16),
        ("Dachrinne erneuern", "m", 38, 72),
    ),
    "energie": (
        ("Arbeitspreis Strom", "kWh", 0.24, 0.36),
        ("Grundpreis", "Monat", 9, 19),
        ("Arbeitspreis Erdgas", "kWh", 0.08, 0.14),
        ("Messstellenbetrieb", "Jahr", 20, 60),
    ),
    "druck": (
        ("Amtsblatt, 16 Seiten, Auflage 5.000", "Auflage", 1900, 3400),
        ("Flyer DIN lang, 4/4-farbig", "1.000 Stück", 59, 140),
        ("Briefbogen mit Stadtwappen", "1.000 Stück", 48, 95),
        ("Plakate A1", "Stück", 4, 12),
        ("Visitenkarten", "250 Stück", 19, 39),
    ),
}
TRADE = {
    "buero": "buero",
    "it": "it",
    "reinigung": "reinigung",
    "bauleistung": "heizung",
    "energie": "energie",
    "druck": "druck",
}
TERMS = (
    "Zahlbar innerhalb von 14 Tagen ohne Abzug.",
    "Zahlungsziel: 30 Tage netto.",
    "Bei Zahlung innerhalb von 10 Tagen gewähren wir 2 % Skonto.",
    "Bitte überweisen Sie den Betrag bis zum {deadline}.",
    "Der Rechnungsbetrag ist sofort fällig.",
)


def m(value: float, c: Ctx) -> str:
    """An amount in the item's currency notation (one per item: € or EUR)."""
    return pp.money(value, unit=c.s["cur"])


def _topic(c: Ctx, key: str) -> None:
    """Relabel the item's topic when the writer's content fixes it."""
    c.topic = next((t for t in BY_ROUTE.get(c.route, ()) if t.key == key), c.topic)


def supplier(c: Ctx) -> Party:
    return pp.company(c.rng, TRADE.get(c.topic.key, "buero"), c.town)


def positions(c: Ctx, lo: int = 2, hi: int = 7) -> tuple[list[tuple[str, ...]], float]:
    """Invoice rows and the net sum."""
    catalog = CATALOG.get(c.topic.key, CATALOG["buero"])
    rows: list[tuple[str, ...]] = []
    net = 0.0
    for i, (text, unit, low, high) in enumerate(
        c.rng.sample(catalog, min(len(catalog), c.rng.randint(lo, hi))), 1
    ):
        qty = c.rng.choice((1, 1, 2, 3, 5, 10, 12, 20)) if unit not in ("kWh",) else c.rng.randint(800, 40000)
        price = round(c.rng.uniform(low, high), 2)
        total = round(qty * price, 2)
        net += total
        rows.append((str(i), text, str(qty), unit, m(price, c), m(total, c)))
    return rows, net


def vat_footer(c: Ctx, net: float, rate: int = 19) -> tuple[tuple[str, str], ...]:
    vat = round(net * rate / 100, 2)
    return (
        ("Summe netto", m(net, c)),
        (f"zzgl. {rate} % USt.", m(vat, c)),
        ("Rechnungsbetrag", m(net + vat, c)),
    )


def bank_lines(c: Ctx, firm: Party) -> list[Block]:
    ib, bank, bic = pp.iban(c.rng, city=c.town)
    return paras(
        c.one(TERMS),
        f"Bankverbindung: {bank}, IBAN {ib}, BIC {bic}",
        f"Steuernummer {pp.steuernummer(c.rng)}"
        if c.chance(0.5)
        else f"USt-IdNr. DE{c.rng.randint(100000000, 999999999)}",
    )


def inv_refs(c: Ctx, no: str) -> tuple[tuple[str, str], ...]:
    refs = [("Rechnungsnummer", no), ("Kundennummer", pp.kundennummer(c.rng))]
    if c.chance(0.5):
        refs.append(("Bestellnummer", f"{c.rng.choice(('BE', '4500', 'B-'))}{c.rng.randint(1000, 99999)}"))
    if c.chance(0.4):
        refs.append(("Leistungsdatum", c.s["past"]))
    return tuple(refs)


def _invoice(c: Ctx, firm: Party, title: str, table: Table, extra: list[Block], no: str) -> Document:
    intro = paras(
        c.one(
            (
                "Wir berechnen Ihnen folgende Leistungen:",
                "Für die ausgeführten Arbeiten erlauben wir uns zu berechnen:",
                "Vielen Dank für Ihren Auftrag. Wir stellen Ihnen in Rechnung:",
                "Gemäß Ihrer Bestellung liefern und berechnen wir:",
                "",
            )
        )
    )
    return doc(
        c,
        [*intro, table, *extra, *bank_lines(c, firm)],
        sender=firm,
        layout="invoice",
        title=title,
        refs=inv_refs(c, no),
        signature=firm.person if c.chance(0.3) else "",
    )


def classic(c: Ctx) -> Document:
    """Itemised invoice with net, VAT and gross."""
    firm, no = supplier(c), pp.rechnungsnummer(c.rng, c.received.year)
    rows, net = positions(c)
    table = Table(
        ("Pos.", "Bezeichnung", "Menge", "Einheit", "Einzelpreis", "Gesamt"), tuple(rows), vat_footer(c, net)
    )
    return _invoice(c, firm, f"Rechnung Nr. {no}", table, [], no)


def hourly(c: Ctx) -> Document:
    """A craftsman's invoice by hours worked plus material."""
    _topic(c, "bauleistung")
    firm = pp.company(c.rng, c.rng.choice(("heizung", "elektro", "bau", "garten")), c.town)
    no = pp.rechnungsnummer(c.rng, c.received.year)
    rate = round(c.rng.uniform(48, 79), 2)
    rows, net = [], 0.0
    for k in range(c.rng.randint(2, 5)):
        day = pp.de_date(c.date - dt.timedelta(days=12 - k * 2))
        hours = c.rng.choice((1.5, 2, 3.5, 4, 6, 8))
        net += hours * rate
        rows.append(
            (
                day,
                c.one(
                    (
                        "Fehlersuche Heizungsanlage",
                        "Montage Leuchten Flur",
                        "Rückschnitt Hecke Schulhof",
                        "Reparatur Wasserleitung Kita",
                        "Austausch Türschloss",
                        "Arbeiten an der Elektroverteilung",
                    )
                ),
                f"{hours:g}".replace(".", ","),
                m(rate, c),
                m(hours * rate, c),
            )
        )
    material = round(c.rng.uniform(20, 600), 2)
    net += material
    rows.append(("", "Material laut Lieferschein", "", "", m(material, c)))
    table = Table(("Datum", "Tätigkeit", "Std.", "Satz", "Betrag"), tuple(rows), vat_footer(c, net))
    extra = paras(c.one(("Objekt: {site}", "Einsatzort: {school}", "Einsatzort: {kita}")))
    return _invoice(c, firm, f"Rechnung {no} – Regiearbeiten", table, extra, no)


def partial(c: Ctx) -> Document:
    """An instalment invoice of a construction contract."""
    _topic(c, "bauleistung")
    firm, no = pp.company(c.rng, "bau", c.town), pp.rechnungsnummer(c.rng, c.received.year)
    total = c.rng.uniform(40000, 480000)
    done = c.rng.choice((30, 45, 60, 75, 90))
    paid = total * (done - c.rng.choice((15, 20, 30))) / 100
    due = total * done / 100 - paid
    rows = (
        ("Auftragssumme netto laut Vertrag", m(total, c)),
        (f"Leistungsstand {done} %", m(total * done / 100, c)),
        ("abzgl. bisher gezahlter Abschläge", m(-paid, c)),
    )
    table = Table(("Berechnung", "Betrag"), rows, vat_footer(c, due))
    extra = paras(
        c.one(
            (
                "Bauvorhaben: Sanierung {school}",
                "Bauvorhaben: Neubau Kita {kita}",
                "Bauvorhaben: Straßenausbau {site}",
            )
        ),
        "Der Sicherheitseinbehalt von 5 % wird gemäß Vertrag berücksichtigt.",
    )
    return _invoice(c, firm, f"{c.rng.randint(2, 6)}. Abschlagsrechnung Nr. {no}", table, extra, no)


def utility(c: Ctx) -> Document:
    """A consumption bill of an energy supplier with meter readings."""
    _topic(c, "energie")
    firm, no = pp.company(c.rng, "energie", c.town), pp.rechnungsnummer(c.rng, c.received.year)
    old = c.rng.randint(10000, 90000)
    used = c.rng.randint(1500, 60000)
    price = round(c.rng.uniform(0.22, 0.36), 4)
    base = round(c.rng.uniform(90, 240), 2)
    net = used * price + base
    rows = (
        ("Zählerstand alt", f"{old} kWh"),
        ("Zählerstand neu", f"{old + used} kWh"),
        ("Verbrauch", f"{used} kWh"),
        ("Arbeitspreis", f"{price:.4f} €/kWh".replace(".", ",")),
        ("Grundpreis anteilig", m(base, c)),
    )
    table = Table(("Position", "Wert"), rows, vat_footer(c, net))
    extra = paras(
        c.one(
            (
                "Abnahmestelle: {school}, {site}",
                "Abnahmestelle: Straßenbeleuchtung Bezirk {district}",
                "Abnahmestelle: Verwaltungsgebäude {site}",
            )
        ),
        f"Zählernummer {c.rng.randint(10**8, 10**9)}",
    )
    return _invoice(c, firm, f"Verbrauchsabrechnung {c.s['prev_year']}", table, extra, no)


def small_business(c: Ctx) -> Document:
    """A small trader's invoice without VAT (§ 19 UStG)."""
    name = f"{c.rng.choice(pp.FIRST_F + pp.FIRST_M)} {c.rng.choice(pp.LAST)}"
    trade = c.one(("Hausmeisterservice", "Grafikdesign", "Fotografie", "Übersetzungen", "Gartenpflege"))
    firm = Party(
        "company",
        f"{name} – {trade}",
        pp.regional_address(c.rng, c.town),
        (f"Tel. {pp.phone(c.rng, city=c.town)}",),
        person=name,
    )
    no = pp.rechnungsnummer(c.rng, c.received.year)
    rows, net = positions(c, 1, 3)
    table = Table(
        ("Pos.", "Leistung", "Menge", "Einheit", "Preis", "Gesamt"),
        tuple(rows),
        (("Gesamtbetrag", m(net, c)),),
    )
    extra = paras("Gemäß § 19 UStG wird keine Umsatzsteuer berechnet.")
    return _invoice(c, firm, f"Rechnung {no}", table, extra, no)


def subscription(c: Ctx) -> Document:
    """A yearly licence or maintenance contract invoice for a service period."""
    firm, no = (
        pp.company(c.rng, c.rng.choice(("it", "verlag", "heizung")), c.town),
        pp.rechnungsnummer(c.rng, c.received.year),
    )
    y = c.received.year
    rows, net = [], 0.0
    for i, text in enumerate(
        c.rng.sample(
            (
                "Wartungsvertrag Aufzugsanlage",
                "Softwarepflege Fachverfahren",
                "Lizenz Ratsinformationssystem",
                "Hosting und Support",
                "Wartung Brandmeldeanlage",
                "Online-Datenbank Kommunalrecht",
            ),
            2,
        ),
        1,
    ):
        price = round(c.rng.uniform(400, 9000), 2)
        net += price
        rows.append((str(i), text, f"01.01.{y}–31.12.{y}", m(price, c)))
    table = Table(("Pos.", "Leistung", "Leistungszeitraum", "Betrag"), tuple(rows), vat_footer(c, net))
    extra = paras(
        c.one(
            ("Vertragsnummer V-{n}{n}{n}{n}", "Die Rechnung wird gemäß Vertrag jährlich im Voraus gestellt.")
        )
    )
    return _invoice(c, firm, f"Rechnung {no}", table, extra, no)


def credit_note(c: Ctx) -> Document:
    """A corrected invoice that cancels and restates an earlier one."""
    firm, no = supplier(c), pp.rechnungsnummer(c.rng, c.received.year)
    old = pp.rechnungsnummer(c.rng, c.received.year)
    rows, net = positions(c, 1, 3)
    rows = [(r[0], f"Storno: {r[1]}", r[2], r[3], r[4], "-" + r[5]) for r in rows]
    table = Table(
        ("Pos.", "Bezeichnung", "Menge", "Einheit", "Einzelpreis", "Gesamt"), tuple(rows), vat_footer(c, -net)
    )
    extra = paras(
        f"Diese Rechnungskorrektur bezieht sich auf unsere Rechnung Nr. {old} vom {c.s['past']}.",
        c.one(("Der Betrag wird mit offenen Posten verrechnet.", "Den Betrag erstatten wir auf Ihr Konto.")),
    )
    return _invoice(c, firm, c.one(("Rechnungskorrektur", "Gutschrift")) + f" Nr. {no}", table, extra, no)


def emailed(c: Ctx) -> Document:
    """A printed e-mail that sends an invoice; the invoice itself is the enclosure."""
    inv = classic(c)
    firm = inv.sender
    no = inv.references[0][1]
    body = email_header(c, firm.person, f"buchhaltung@{pp.web_for(firm.name)[4:]}", f"Rechnung {no}")
    body += paras(
        c.one(("Sehr geehrte Damen und Herren,", "Guten Tag,")),
        c.one(
            (
                "anbei erhalten Sie unsere Rechnung Nr. {no} als PDF.",
                "im Anhang senden wir Ihnen die Rechnung zu Ihrer Bestellung.",
                "bitte finden Sie anbei die Rechnung für unsere Leistungen.",
            )
        ).replace("{no}", no),
        c.one(
            (
                "Bitte leiten Sie die Rechnung an die zuständige Stelle weiter.",
                "Die Rechnung wurde zusätzlich im XRechnung-Format übermittelt.",
                "",
            )
        ),
        f"{c.rng.choice(CASUAL_CLOSINGS)}\n{firm.person}\n{firm.name}",
    )
    c.enclosures.append(inv)
    return doc(c, body, sender=firm, recipient=None, refs=inv.references)


def handwritten(c: Ctx) -> Document:
    """A small handwritten bill on a note."""
    name = pp.full_name(c.rng)
    firm = Party(
        "company", name, pp.regional_address(c.rng, c.town), (f"Tel. {pp.phone(c.rng, 0.9, c.town)}",)
    )
    rows, net = positions(c, 1, 3)
    lines = tuple(f"{r[1]}: {r[5]}" for r in rows) + (f"Summe: {m(net, c)}",)
    no = str(c.rng.randint(10, 400))
    body: list[Block] = [
        Paragraph(
            c.one(("Für folgende Arbeiten stelle ich in Rechnung:", "Rechnung für erledigte Arbeiten:"))
        ),
        Bullets(lines),
        Paragraph("Betrag enthält keine MwSt. (Kleinunternehmer)."),
        Paragraph(f"Bitte überweisen auf IBAN {pp.iban(c.rng, city=c.town)[0]}"),
    ]
    return doc(
        c,
        body,
        sender=firm,
        layout="note",
        title=f"Rechnung Nr. {no}",
        refs=(("Rechnungsnummer", no),),
        signature=name,
    )


def cover(c: Ctx) -> Document:
    """A cover letter of a supplier with the invoice enclosed."""
    inv = c.rng.choice((classic, hourly, partial))(c)
    firm, no = inv.sender, inv.references[0][1]
    body = paras(
        c.one(
            (
                "für die im {past} ausgeführten Leistungen übersenden wir Ihnen unsere Rechnung.",
                "anbei erhalten Sie unsere Schlussrechnung.",
                "wir bedanken uns für den Auftrag und übersenden die Rechnung.",
            )
        ),
        c.one(
            (
                "Wir bitten um Ausgleich innerhalb der vereinbarten Frist.",
                "Für Rückfragen steht Ihnen unsere Buchhaltung gern zur Verfügung.",
            )
        ),
    )
    c.enclosures.append(inv)
    return doc(
        c,
        body,
        sender=firm,
        refs=inv.references,
        subject=f"Rechnung Nr. {no}",
        salutation=c.salutation(),
        closing=c.closing(),
        signature=firm.person,
    )


# --- dunning ---------------------------------------------------------------------------


def open_items(c: Ctx, n: int = 0) -> tuple[Table, float]:
    """A table of unpaid invoices and their sum."""
    rows, total = [], 0.0
    for _ in range(n or c.rng.randint(1, 4)):
        amount = round(c.rng.uniform(80, 8000), 2)
        total += amount
        day = c.date - dt.timedelta(days=c.rng.randint(35, 120))
        rows.append(
            (
                pp.rechnungsnummer(c.rng, c.received.year),
                pp.de_date(day),
                pp.de_date(day + dt.timedelta(days=14)),
                m(amount, c),
            )
        )
    return Table(
        ("Rechnung", "Datum", "fällig am", "Betrag"), tuple(rows), (("Offener Betrag", m(total, c)),)
    ), total


def _dun(
    c: Ctx, firm: Party, level: str, texts: tuple[str, ...], fee: float = 0.0, subject: str = ""
) -> Document:
    table, total = open_items(c)
    body: list[Block] = paras(c.one(texts))
    body.append(table)
    if fee:
        body += paras(f"Mahngebühr: {m(fee, c)} – Gesamtbetrag: {m(total + fee, c)}")
    body += paras(
        c.one(
            (
                "Bitte überweisen Sie den Betrag bis spätestens {deadline}.",
                "Wir bitten um Zahlung bis zum {deadline}.",
                "Sollten Sie inzwischen gezahlt haben, betrachten Sie dieses Schreiben als gegenstandslos.",
            )
        )
    )
    body += bank_lines(c, firm)[1:2]
    return doc(
        c,
        body,
        sender=firm,
        refs=(("Kundennummer", pp.kundennummer(c.rng)),),
        subject=subject or level,
        salutation=c.salutation(),
        closing=c.closing(),
        signature=firm.person,
    )


def reminder(c: Ctx) -> Document:
    """A friendly payment reminder."""
    return _dun(
        c,
        supplier(c),
        c.one(("Zahlungserinnerung", "Freundliche Erinnerung")),
        (
            "sicher ist es Ihrer Aufmerksamkeit entgangen, dass folgende Rechnung noch offen ist.",
            "bei der Durchsicht unserer Konten haben wir festgestellt, dass "
            "folgende Posten noch nicht beglichen sind.",
            "im hektischen Alltag kann eine Rechnung schon einmal übersehen werden.",
        ),
    )


def first_notice(c: Ctx) -> Document:
    """A first or second dunning letter with a fee."""
    level = c.one(("1. Mahnung", "2. Mahnung", "Mahnung"))
    return _dun(
        c,
        supplier(c),
        level,
        (
            "leider konnten wir bis heute keinen Zahlungseingang feststellen.",
            "trotz unserer Zahlungserinnerung ist der folgende Betrag weiterhin offen.",
            "wir mahnen hiermit die Zahlung der folgenden Rechnungen an.",
        ),
        fee=c.rng.choice((5.0, 7.5, 10.0, 15.0)),
    )


def final_notice(c: Ctx) -> Document:
    """The last dunning letter before court or collection."""
    return _dun(
        c,
        supplier(c),
        c.one(("Letzte Mahnung", "3. und letzte Mahnung", "Letzte Zahlungsaufforderung")),
        (
            "da Sie auf unsere bisherigen Mahnungen nicht reagiert haben, fordern wir Sie letztmalig "
            "zur Zahlung auf.",
            "nach Ablauf der Frist werden wir ohne weitere Ankündigung ein "
            "gerichtliches Mahnverfahren einleiten.",
            "sollte der Betrag nicht fristgerecht "
            "eingehen, übergeben wir die Forderung einem Inkassounternehmen.",
        ),
        fee=c.rng.choice((10.0, 15.0, 25.0)),
    )


def collection(c: Ctx) -> Document:
    """A collection agency's demand with a breakdown of costs."""
    firm = pp.company(c.rng, "inkasso", c.town)
    creditor = pp.company_name(c.rng, TRADE.get(c.topic.key, "buero"))
    main = round(c.rng.uniform(150, 6000), 2)
    interest, fees, agency = main * 0.021, c.rng.choice((5.0, 10.0)), c.rng.uniform(49, 179)
    rows = (
        ("Hauptforderung", m(main, c)),
        ("Zinsen 5 Prozentpunkte über Basiszins", m(interest, c)),
        ("Mahnkosten des Gläubigers", m(fees, c)),
        ("Inkassovergütung", m(agency, c)),
        ("Auslagenpauschale", m(20, c)),
    )
    table = Table(
        ("Forderungsaufstellung", "Betrag"),
        rows,
        (("Gesamtforderung", m(main + interest + fees + agency + 20, c)),),
    )
    body = paras(
        c.one(
            (
                "die Firma {cr} hat uns mit der Einziehung ihrer Forderung beauftragt.",
                "wir sind von unserer Mandantin {cr} mit dem Forderungseinzug betraut.",
                "in der Forderungssache {cr} ./. {city_title} wenden wir uns an Sie.",
            )
        ).replace("{cr}", creditor)
    )
    body += [table]
    body += paras(
        c.one(
            (
                "Bitte zahlen Sie den Gesamtbetrag bis zum {deadline} auf das unten genannte Konto.",
                "Vermeiden Sie weitere Kosten durch fristgerechte Zahlung.",
            )
        )
    )
    body += bank_lines(c, firm)[1:2]
    refs = (("Aktenzeichen", f"INK-{c.rng.randint(100000, 999999)}"), ("Gläubiger", creditor))
    return doc(
        c,
        body,
        sender=firm,
        refs=refs,
        subject="Forderungseinzug – Zahlungsaufforderung",
        salutation="Sehr geehrte Damen und Herren,",
        closing=c.closing(),
        signature=firm.person,
    )


def lawyer_demand(c: Ctx) -> Document:
    """A lawyer's payment demand for a supplier."""
    firm = pp.law_firm(c.rng, c.town)
    creditor = pp.company_name(c.rng, TRADE.get(c.topic.key, "buero"))
    table, total = open_items(c)
    fee = round(c.rng.uniform(80, 420), 2)
    body = paras(
        f"wir zeigen an, dass wir die {creditor} anwaltlich vertreten.",
        c.one(
            (
                "Unsere Mandantin hat Ihnen Leistungen erbracht, die trotz Fälligkeit nicht bezahlt wurden.",
                "Die nachstehenden Rechnungen sind seit Wochen überfällig.",
            )
        ),
    )
    body.append(table)
    body += paras(
        f"Hinzu kommen unsere Kosten nach RVG in Höhe von {m(fee, c)}.",
        c.one(
            (
                "Wir fordern Sie auf, den Gesamtbetrag bis zum {deadline} zu zahlen.",
                "Nach fruchtlosem Fristablauf werden wir unserer Mandantin empfehlen, "
                "gerichtliche Hilfe in Anspruch zu nehmen.",
            )
        ),
    )
    return doc(
        c,
        body,
        sender=firm,
        refs=(("Unser Zeichen", f"{c.rng.randint(10, 999)}/{c.received.year % 100}"),),
        subject=f"{creditor} ./. {c.town.titles[0]} – Forderung {m(total, c)}",
        salutation="Sehr geehrte Damen und Herren,",
        closing="Mit freundlichen Grüßen",
        signature=firm.person,
    )


def account_statement(c: Ctx) -> Document:
    """An open-items statement in invoice layout."""
    firm = supplier(c)
    table, _ = open_items(c, c.rng.randint(3, 6))
    body = [
        Paragraph(
            c.one(("Kontoauszug – offene Posten zum {date}", "Folgende Posten sind zur Zahlung fällig:"))
        ),
        table,
        *paras(
            c.one(
                (
                    "Bitte gleichen Sie die überfälligen Posten umgehend aus.",
                    "Differenzen teilen Sie uns bitte innerhalb von 8 Tagen mit.",
                )
            )
        ),
    ]
    return doc(
        c,
        body,
        sender=firm,
        layout="invoice",
        title=c.one(("Offene-Posten-Liste", "Kontoauszug")),
        refs=(("Kundennummer", pp.kundennummer(c.rng)),),
    )


def mail_dun(c: Ctx) -> Document:
    """A printed dunning e-mail."""
    firm = supplier(c)
    no = pp.rechnungsnummer(c.rng, c.received.year)
    body = email_header(
        c,
        firm.person,
        f"forderungen@{pp.web_for(firm.name)[4:]}",
        c.one(("Offene Rechnung {no}", "Zahlungserinnerung {no}", "Mahnung Rechnung {no}")).replace(
            "{no}", no
        ),
    )
    body += paras(
        "Sehr geehrte Damen und Herren,",
        c.one(
            (
                "unsere Rechnung {no} über {amount} ist seit dem {past} fällig.",
                "leider ist die Zahlung zu Rechnung {no} ({amount}) bei uns noch nicht eingegangen.",
            )
        ).replace("{no}", no),
        "Bitte veranlassen Sie die Zahlung bis {deadline}.",
        f"{c.rng.choice(CASUAL_CLOSINGS)}\n{firm.person}",
    )
    return doc(c, body, sender=firm, recipient=None, refs=(("Rechnungsnummer", no),))


def utility_dun(c: Ctx) -> Document:
    """An energy supplier's dunning letter announcing a supply stop."""
    _topic(c, "energie")
    firm = pp.company(c.rng, "energie", c.town)
    return _dun(
        c,
        firm,
        "Mahnung und Ankündigung der Versorgungsunterbrechung",
        (
            "für die Abnahmestelle {school} ist der Abschlag seit zwei Monaten offen.",
            "trotz Erinnerung sind die Abschläge für die Abnahmestelle {site} nicht bezahlt.",
        ),
        fee=c.rng.choice((3.5, 5.0)),
    )


def short_dun(c: Ctx) -> Document:
    """A terse dunning note."""
    firm = supplier(c)
    no = pp.rechnungsnummer(c.rng, c.received.year)
    body = paras(
        c.one(
            (
                "Rechnung {no} über {amount} ist noch offen. Bitte zahlen.",
                "Wir warten noch immer auf Ihre Zahlung zu Rechnung {no}.",
                "Erinnerung: Rechnung {no} vom {past} ist überfällig.",
            )
        ).replace("{no}", no)
    )
    return doc(
        c,
        body,
        sender=firm,
        refs=(("Rechnungsnummer", no),),
        subject="Mahnung",
        salutation=c.one(("", "Guten Tag,")),
        closing="Gruß",
        signature=firm.person,
    )


# --- advertising -----------------------------------------------------------------------


def _ad_sender(c: Ctx, trade: str = "") -> Party:
    return pp.company(c.rng, trade or c.rng.choice(("buero", "it", "verlag", "moebel", "druck")), c.town)


def _set_topic(c: Ctx, key: str) -> None:
    c.topic = next(t for t in BY_ROUTE["poststelle"] if t.key == key)


def offer(c: Ctx) -> Document:
    """A product advertisement with a list of offers and a discount code."""
    _set_topic(c, "produktwerbung")
    firm = _ad_sender(c)
    items = tuple(
        c.rng.sample(
            (
                "Aktenvernichter mit Sicherheitsstufe P-4 – jetzt 20 % günstiger",
                "Ergonomische Bürostühle ab 149 €",
                "Recyclingpapier im Großgebinde",
                "Digitale Aktenverwaltung für Kommunen – kostenlos testen",
                "Desinfektionsspender für öffentliche Gebäude",
                "Höhenverstellbare Schreibtische zum Aktionspreis",
                "Spielgeräte für Kitas und Schulhöfe",
            ),
            3,
        )
    )
    body = paras(
        c.one(
            (
                "entdecken Sie unsere Angebote für die öffentliche Verwaltung!",
                "nur für kurze Zeit: Sonderkonditionen für Kommunen.",
                "Sie suchen zuverlässige Partner für Ihren Bürobedarf?",
            )
        )
    )
    body.append(Bullets(items))
    body += paras(
        f"Mit dem Code KOMMUNE{c.rng.randint(10, 99)} erhalten Sie zusätzlich 10 % Rabatt.",
        c.one(("Bestellen Sie bequem online.", "Rufen Sie uns an – wir beraten Sie gern.")),
        "Wenn Sie keine Werbung mehr wünschen, teilen Sie uns das bitte mit.",
    )
    return doc(
        c,
        body,
        sender=firm,
        refs=(),
        subject=c.one(("Exklusive Angebote für Ihre Verwaltung", "Jetzt sparen!", "Neu im Sortiment")),
        salutation=c.one(("Sehr geehrte Damen und Herren,", "Liebe Kundinnen und Kunden,")),
        closing=c.closing(),
        signature=firm.person,
    )


def price_list(c: Ctx) -> Document:
    """An unsolicited offer with a price table."""
    _set_topic(c, "produktwerbung")
    firm = _ad_sender(c)
    rows = tuple(
        (t, m(c.rng.uniform(5, 900), c))
        for t in c.rng.sample(
            (
                "Streusalz 25 kg",
                "Warnwesten mit Aufdruck",
                "Bürocontainer",
                "Laminiergerät A3",
                "Kaffeevollautomat für Büros",
                "Sitzbank für Parkanlagen",
                "Fahrradständer 5er",
            ),
            4,
        )
    )
    body = paras("gern unterbreiten wir Ihnen unser aktuelles Angebot:")
    body.append(Table(("Artikel", "Preis netto"), rows))
    body += paras(c.one(("Das Angebot ist gültig bis {deadline}.", "Alle Preise zzgl. MwSt. und Versand.")))
    return doc(
        c,
        body,
        sender=firm,
        refs=(("Angebot", f"AN-{c.rng.randint(1000, 9999)}"),),
        subject="Unverbindliches Angebot",
        salutation="Sehr geehrte Damen und Herren,",
        closing=c.closing(),
        signature=firm.person,
    )


def newsletter(c: Ctx) -> Document:
    """A printed newsletter with short news items."""
    _set_topic(c, "newsletter")
    firm = _ad_sender(c, c.rng.choice(("verlag", "it")))
    heads = c.rng.sample(
        (
            "Neu: Förderprogramm für die Digitalisierung von Verwaltungen",
            "Rückblick auf den Kommunalkongress in Leipzig",
            "Fünf Tipps für die E-Akte",
            "Interview: So spart eine Kleinstadt Energie",
            "Termine im nächsten Quartal",
            "Urteil der Woche: Vergaberecht aktuell",
        ),
        3,
    )
    body: list[Block] = []
    for h in heads:
        body += paras(
            h,
            c.one(
                (
                    "Lesen Sie mehr auf unserer Webseite.",
                    "Mehr dazu im ausführlichen Beitrag.",
                    "Die Anmeldung ist ab sofort möglich.",
                )
            ),
        )
    body += paras(
        "Sie erhalten diesen Newsletter, weil Sie sich dafür angemeldet haben. "
        "Abbestellen unter newsletter@" + pp.web_for(firm.name)[4:]
    )
    return doc(
        c,
        body,
        sender=firm,
        refs=(),
        title=c.one(("Newsletter", "Kommunal-Info", "Verwaltung aktuell")),
        subject=f"Ausgabe {c.rng.randint(1, 12)}/{c.received.year}",
        salutation=c.one(("Liebe Leserinnen und Leser,", "")),
        closing="Ihr Redaktionsteam",
        signature="",
    )


def fair(c: Ctx) -> Document:
    """An invitation to a trade fair with a free ticket code."""
    _set_topic(c, "veranstaltung")
    firm = _ad_sender(c, c.rng.choice(("it", "bau", "moebel")))
    fair_name = c.one(
        (
            "Kommunale Fachmesse Mitte",
            "Messe „Zukunft Kommune“",
            "Fachmesse für Stadtreinigung und Winterdienst",
            "Digitaler Staat Ost",
        )
    )
    body = paras(
        f"wir laden Sie herzlich zur {fair_name} ein, die am {{event}} in der Messe {{city}} stattfindet.",
        f"Besuchen Sie uns in Halle {c.rng.randint(1, 4)}, Stand {c.rng.choice('ABCD')}"
        f"{c.rng.randint(10, 99)}.",
        f"Ihr kostenloser Eintrittscode: {c.rng.randint(100000, 999999)}",
        c.one(("Wir freuen uns auf Ihren Besuch!", "Melden Sie sich jetzt online an.")),
    )
    return doc(
        c,
        [Paragraph(c.f(p.text)) if isinstance(p, Paragraph) else p for p in body],
        sender=firm,
        refs=(),
        subject=f"Einladung: {fair_name}",
        salutation="Sehr geehrte Damen und Herren,",
        closing=c.closing(),
        signature=firm.person,
    )


def charity(c: Ctx) -> Document:
    """A charity appeal with a bank transfer form."""
    _set_topic(c, "spende")
    org = c.one(
        (
            "Tierheim {city} e. V.",
            "Förderverein Kinderhospiz e. V.",
            "Tafel {city} e. V.",
            "Bergwacht e. V.",
            "Freundeskreis des Stadtmuseums {city} e. V.",
            "Kinderhilfe e. V.",
            "Deutsche Lebens-Rettungs-Gesellschaft, Ortsgruppe {city}",
        )
    )
    firm = Party(
        "company",
        org,
        pp.regional_address(c.rng, c.town),
        (f"Tel. {pp.phone(c.rng, 0.0, c.town)}",),
        person=pp.signer(c.rng),
    )
    ib, bank, _ = pp.iban(c.rng, city=c.town)
    body = paras(
        c.one(
            (
                "jeden Tag brauchen Menschen in unserer Region Hilfe.",
                "mit Ihrer Spende schenken Sie Hoffnung.",
                "der Winter steht vor der Tür, und unsere Arbeit kostet Geld.",
            )
        ),
        c.one(("Schon 20 € helfen.", "Jeder Euro kommt direkt an.", "Ihre Spende ist steuerlich absetzbar.")),
    )
    body.append(
        Fields(
            "Überweisung",
            (
                ("Empfänger", org),
                ("IBAN", ib),
                ("Bank", bank),
                ("Verwendungszweck", "Spende"),
                ("Betrag", ""),
            ),
        )
    )
    return doc(
        c,
        body,
        sender=firm,
        refs=(),
        subject=c.one(("Bitte helfen Sie uns!", "Spendenaufruf", "Ihre Hilfe zählt")),
        salutation=c.one(("Liebe Freundinnen und Freunde,", "Sehr geehrte Damen und Herren,")),
        closing="Herzlichen Dank",
        signature=firm.person,
    )


def seminar(c: Ctx) -> Document:
    """A training offer for administration staff with a registration form."""
    _set_topic(c, "seminar")
    firm = _ad_sender(c, "verlag")
    name = c.one(
        (
            "Neues Vergaberecht kompakt",
            "Datenschutz in der Kommunalverwaltung",
            "Bescheidtechnik für Einsteiger",
            "Konfliktmanagement am Bürgertelefon",
            "Das neue Grundsteuerrecht",
        )
    )
    body = paras(f"wir bieten Ihren Mitarbeitenden das Seminar „{name}“ an.")
    body.append(
        Fields(
            "Seminardaten",
            (
                ("Termin", c.s["event"]),
                ("Ort", f"{c.town.name}, Hotel an der Oper"),
                ("Gebühr", m(c.rng.uniform(190, 590), c)),
            ),
        )
    )
    body.append(Checkboxes("Anmeldung", (("Präsenz", False), ("Online", False))))
    return doc(
        c,
        body,
        sender=firm,
        refs=(),
        subject=f"Seminarangebot: {name}",
        salutation="Sehr geehrte Damen und Herren,",
        closing=c.closing(),
        signature=firm.person,
    )


def club_invite(c: Ctx) -> Document:
    """An association invites the mayor or the city to an event."""
    _set_topic(c, "veranstaltung")
    org = c.one(
        (
            "Heimatverein Ebersdorf e. V.",
            "Kleingartenverein „Sonnenland“ e. V.",
            "Förderverein Fußball {city} e. V.",
            "Sportverein Blau-Weiß e. V.",
            "Bürgerverein Kaßberg e. V.",
        )
    )
    firm = Party("company", org, pp.local_address(c.rng, c.town), (), person=pp.signer(c.rng, 0.0))
    body = paras(
        c.one(
            (
                "anlässlich unseres {n}0-jährigen Bestehens feiern wir am {event} ein Fest.",
                "wir laden Sie herzlich zu unserem Sommerfest am {event} ein.",
            )
        ),
        c.one(
            (
                "Über ein Grußwort würden wir uns sehr freuen.",
                "Wir würden uns freuen, Sie begrüßen zu dürfen.",
            )
        ),
        "Um Rückmeldung wird gebeten.",
    )
    return doc(
        c,
        body,
        sender=firm,
        refs=(),
        subject="Einladung",
        salutation=c.one(("Sehr geehrter Herr Oberbürgermeister,", "Sehr geehrte Damen und Herren,")),
        closing=c.closing(),
        signature=firm.person,
    )


def survey(c: Ctx) -> Document:
    """A survey form from a market research firm."""
    _set_topic(c, "produktwerbung")
    firm = _ad_sender(c, "verlag")
    body: list[Block] = paras(
        "wir führen eine Befragung zur Digitalisierung in Kommunen durch "
        "und bitten um wenige Minuten Ihrer Zeit."
    )
    body.append(
        Checkboxes("Nutzen Sie bereits eine E-Akte?", (("ja", False), ("nein", False), ("in Planung", False)))
    )
    body.append(
        Checkboxes(
            "Wie viele Beschäftigte hat Ihre Verwaltung?",
            (("unter 500", False), ("500–2000", False), ("über 2000", False)),
        )
    )
    body += paras("Unter allen Teilnehmenden verlosen wir ein Tablet.")
    return doc(c, body, sender=firm, layout="form", refs=(), title="Kurzumfrage", signature="")


def magazine(c: Ctx) -> Document:
    """A trial subscription offer for a trade journal."""
    _set_topic(c, "produktwerbung")
    firm = _ad_sender(c, "verlag")
    body = paras(
        c.one(
            (
                "testen Sie jetzt drei Ausgaben unserer Fachzeitschrift kostenlos.",
                "als Entscheider in der Verwaltung sollten Sie informiert sein.",
            )
        ),
        "Aktuelle Rechtsprechung, Praxisbeispiele und Checklisten in jeder Ausgabe.",
        f"Das Jahresabo kostet danach {m(c.rng.uniform(89, 249), c)}.",
    )
    return doc(
        c,
        body,
        sender=firm,
        refs=(),
        subject="Ihr Gratis-Probeabo",
        salutation="Sehr geehrte Damen und Herren,",
        closing=c.closing(),
        signature=firm.person,
    )


# --- applications ----------------------------------------------------------------------


def _cv(c: Ctx) -> None:
    c.enclosures.append(
        Document(
            "cv",
            c.sender(1.0),
            None,
            c.date,
            c.me.town,
            (),
            "",
            "",
            tuple(cv_blocks(c, c.me, c.s["job"])),
            "",
            c.me.name,
            title="Lebenslauf",
        )
    )


def _apply(c: Ctx, parts: list[str], subject: str = "") -> Document:
    _cv(c)
    if c.chance(0.3):
        from mailroom.synth.writers.base import evidence_doc

        c.enclosures.append(evidence_doc(c, c.one(("Arbeitszeugnis", "Abschlusszeugnis"))))
    return doc(
        c,
        paras(*parts),
        subject=subject
        or c.one(
            (
                "Bewerbung als {job}",
                "Bewerbung um die Stelle {job}",
                "Ihre Stellenausschreibung {job}",
                "Bewerbung – Kennziffer {ref}",
            )
        ),
        salutation=c.salutation(),
        closing=c.closing(),
        signature=c.me.name,
    )


def cover_formal(c: Ctx) -> Document:
    """A classic cover letter."""
    return _apply(
        c,
        [
            c.one(
                (
                    "mit großem Interesse habe ich Ihre Ausschreibung für die Stelle {job} gelesen.",
                    "hiermit bewerbe ich mich um die Stelle {job}.",
                    "auf Ihre Stellenanzeige im Amtsblatt bewerbe ich mich als {job}.",
                )
            ),
            c.one(
                (
                    "Derzeit bin ich bei {employer} beschäftigt.",
                    "Ich bringe mehrjährige Berufserfahrung in der Verwaltung mit.",
                    "Ich arbeite gern im Team und behalte auch unter Druck den Überblick.",
                )
            ),
            c.one(
                (
                    "Über eine Einladung zum Vorstellungsgespräch freue ich mich.",
                    "Ich freue mich auf ein persönliches Gespräch.",
                )
            ),
        ],
    )


def graduate(c: Ctx) -> Document:
    """A school leaver applying for an apprenticeship."""
    c.s["job"] = c.one(
        (
            "Auszubildende/r Verwaltungsfachangestellte/r",
            "dualer Student Public Management",
            "Auszubildende/r Fachinformatiker/in",
        )
    )
    return _apply(
        c,
        [
            c.one(
                (
                    "ich besuche zurzeit die 10. Klasse der {school} und möchte mich "
                    "um einen Ausbildungsplatz als {job} bewerben.",
                    "im Sommer mache ich mein Abitur und bewerbe mich als {job}.",
                )
            ),
            c.one(
                (
                    "Mein Praktikum im Bürgeramt hat mir sehr gefallen.",
                    "Meine Lieblingsfächer sind Deutsch und Mathematik.",
                )
            ),
            "Über eine Einladung würde ich mich sehr freuen.",
        ],
    )


def changer(c: Ctx) -> Document:
    """A career changer explains the move."""
    return _apply(
        c,
        [
            c.one(
                (
                    "nach {months} Jahren im Einzelhandel suche ich eine neue Herausforderung als {job}.",
                    "als gelernte Bankkauffrau möchte ich "
                    "mich beruflich neu orientieren und bewerbe mich als {job}.",
                )
            ),
            "Meine Erfahrung im Kundenkontakt kann ich gut einbringen.",
            c.one(
                (
                    "Eine Weiterbildung zum Verwaltungsfachwirt habe ich begonnen.",
                    "Ich bin bereit, mich schnell in neue Aufgaben einzuarbeiten.",
                )
            ),
            "Ich stehe ab {start} zur Verfügung.",
        ],
    )


def mail_apply(c: Ctx) -> Document:
    """A printed application e-mail."""
    _cv(c)
    body = email_header(c, c.me.name, c.me.email, c.f("Bewerbung {job}"))
    body += paras(
        "Sehr geehrte Damen und Herren,",
        c.one(
            (
                "anbei sende ich Ihnen meine Bewerbungsunterlagen für die Stelle {job}.",
                "im Anhang finden Sie meine Bewerbung als {job} mit Lebenslauf und Zeugnissen.",
            )
        ),
        f"{c.rng.choice(CASUAL_CLOSINGS)}\n{c.me.name}\n{c.me.phone}",
    )
    return doc(c, body, recipient=None, refs=())


def short_apply(c: Ctx) -> Document:
    """A brief note sending the documents."""
    return _apply(
        c,
        [c.one(("anbei meine Unterlagen für die Stelle {job}.", "beiliegend meine Bewerbung als {job}."))],
        subject=c.one(("Bewerbung", "Bewerbung {job}")),
    )


def initiative(c: Ctx) -> Document:
    """An unsolicited application."""
    return _apply(
        c,
        [
            c.one(
                (
                    "ich bewerbe mich initiativ bei der {city_title}.",
                    "auch wenn derzeit keine passende Stelle ausgeschrieben ist, "
                    "möchte ich mich bei Ihnen vorstellen.",
                )
            ),
            "Besonders interessiere ich mich für eine Tätigkeit als {job}.",
            "Gern komme ich zu einem Gespräch vorbei.",
        ],
        subject="Initiativbewerbung",
    )


def simple_apply(c: Ctx) -> Document:
    """A non-native applicant in simple German."""
    return _apply(
        c,
        [
            c.one(("ich möchte arbeiten bei Stadt {city} als {job}.", "ich bewerben für Stelle {job}.")),
            c.one(
                (
                    "In Ukraine ich war Erzieherin 10 Jahre. Mein Diplom ist anerkannt.",
                    "Ich lerne Deutsch, jetzt B2.",
                    "In Vietnam ich habe studiert Buchhaltung.",
                )
            ),
            "Ich bin fleißig und pünktlich.",
            "Danke für Ihre Zeit.",
        ],
    )


def apply_form(c: Ctx) -> Document:
    """A filled-in application form with a CV attached."""
    _cv(c)
    body: list[Block] = [
        Fields("Bewerbung auf", (("Stelle", c.s["job"]), ("Kennziffer", c.s["ref"]))),
        Fields(
            "Angaben zur Person",
            (
                ("Name", c.me.name),
                ("Geburtsdatum", pp.de_date(c.me.birth)),
                ("Anschrift", ", ".join(c.me.address)),
                ("Telefon", c.me.phone),
            ),
        ),
        Checkboxes("Schwerbehinderung", (("ja", c.chance(0.1)), ("nein", c.chance(0.8)))),
        Checkboxes("Frühester Eintrittstermin", (("sofort", c.chance(0.5)), (c.s["start"], c.chance(0.5)))),
        Paragraph("Ich versichere die Richtigkeit meiner Angaben."),
    ]
    return doc(c, body, layout="form", title="Bewerbungsbogen", signature=c.me.name)


def long_apply(c: Ctx) -> Document:
    """An experienced applicant's long letter."""
    return _apply(
        c,
        [
            "mit großem Interesse bewerbe ich mich um die ausgeschriebene Stelle {job}.",
            c.one(
                (
                    "Seit {months} Jahren arbeite ich bei {employer}.",
                    "Derzeit leite ich ein Team von {n} Mitarbeitenden.",
                )
            ),
            "Zu meinen Aufgaben gehören die Bearbeitung von Anträgen, die Prüfung von Unterlagen "
            "und die Beratung von Kundinnen und Kunden.",
            c.one(
                (
                    "Das Verwaltungsverfahrensrecht ist mir aus der Praxis vertraut.",
                    "Ich habe Erfahrung mit Fachverfahren und der E-Akte.",
                )
            ),
            "Die Arbeit für die Bürgerinnen und Bürger meiner Heimatstadt reizt mich besonders.",
            c.one(
                (
                    "Meine Gehaltsvorstellung liegt bei Entgeltgruppe 9a TVöD.",
                    "Meine Kündigungsfrist beträgt drei Monate zum Quartalsende.",
                )
            ),
            "Ich freue mich auf ein persönliches Gespräch.",
        ],
    )


AGENCIES = (
    "Personalberatung",
    "Personaldienstleistungen GmbH",
    "Executive Search",
    "Recruiting & Consulting",
    "Zeitarbeit und Vermittlung GmbH",
)


def agency(c: Ctx) -> Document:
    """A recruitment agency puts a candidate forward for an advertised post, with the
    candidate's CV and the fee terms, written by the agency, not the applicant."""
    _cv(c)
    firm = pp.company(c.rng, "buero", c.town)
    firm = dataclasses.replace(firm, name=f"{firm.name.split()[0]} {c.one(AGENCIES)}")
    who = c.me.name
    body = paras(
        c.one(
            (
                "bezugnehmend auf Ihre Ausschreibung {job} (Kennziffer {ref}) stellen wir Ihnen eine "
                "Kandidatin bzw. einen Kandidaten aus unserem Bewerberpool vor: " + who + ".",
                "für die bei Ihnen offene Position {job} empfehlen wir Ihnen " + who + ".",
                "im Auftrag von " + who + " übersenden wir Ihnen die Unterlagen für die Stelle {job}.",
            )
        ),
        c.one(
            (
                "Die Person bringt {months} Jahre einschlägige Erfahrung mit und ist nach Absprache "
                "kurzfristig verfügbar.",
                "Nach unserem ausführlichen Vorgespräch halten wir die fachliche und persönliche Eignung "
                "für gegeben.",
                "Derzeit ist die Person bei {employer} tätig und möchte sich verändern.",
            )
        ),
        c.one(
            (
                "Das Einverständnis zur Weitergabe der Daten liegt uns schriftlich vor.",
                "Lebenslauf und Zeugnisse finden Sie in der Anlage.",
                "Sollte es zu einer Einstellung kommen, gelten unsere beigefügten Vermittlungskonditionen.",
            )
        ),
        c.one(
            (
                "Für die Abstimmung eines Gesprächstermins stehen wir Ihnen gern zur Verfügung.",
                "Wir freuen uns auf Ihre Rückmeldung.",
            )
        ),
    )
    return doc(
        c,
        body,
        sender=firm,
        refs=(("Ihre Kennziffer", c.s["ref"]),) if c.chance(0.6) else (),
        subject=c.one(
            (
                "Kandidatenvorschlag – {job}",
                "Vorstellung einer Bewerberin / eines Bewerbers",
                "Ihre Stelle {job}: Profilvorschlag",
            )
        ),
        salutation="Sehr geehrte Damen und Herren,",
        closing=c.closing(),
        signature=firm.person,
    )


WriteFn = Callable[[Ctx], Document]
WRITERS: dict[str, dict[str, WriteFn]] = {
    "rechnung": {
        "classic": classic,
        "hourly": hourly,
        "partial": partial,
        "utility": utility,
        "small_business": small_business,
        "subscription": subscription,
        "credit_note": credit_note,
        "email": emailed,
        "handwritten": handwritten,
        "cover_letter": cover,
    },
    "mahnung": {
        "reminder": reminder,
        "first_notice": first_notice,
        "final_notice": final_notice,
        "collection": collection,
        "lawyer": lawyer_demand,
        "statement": account_statement,
        "email": mail_dun,
        "utility": utility_dun,
        "terse": short_dun,
    },
    "werbung": {
        "offer": offer,
        "price_list": price_list,
        "newsletter": newsletter,
        "fair": fair,
        "charity": charity,
        "seminar": seminar,
        "club_invite": club_invite,
        "survey": survey,
        "magazine": magazine,
    },
    "bewerbung": {
        "formal": cover_formal,
        "graduate": graduate,
        "career_changer": changer,
        "email": mail_apply,
        "terse": short_apply,
        "initiative": initiative,
        "simple_german": simple_apply,
        "form": apply_form,
        "experienced": long_apply,
        "agency": agency,
    },
}
