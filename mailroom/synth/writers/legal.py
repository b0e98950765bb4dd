"""Bills and payment demands in legal matters, which go to the Rechtsamt, not to Beschaffung.

Invoices (rechnung): a court's Kostenrechnung payable to the Land's justice cashier, a
request for a court fee advance, the opposing lawyer's payment request after a
Kostenfestsetzungsbeschluss, and the city's own lawyer's fee note under the RVG.
Dunning (mahnung): the justice cashier's reminder of unpaid court costs, a lawyer's demand
for a creditor's claim against the city (damages, a settlement) threatening the
gerichtliche Mahnverfahren, and a demand for payment after a judgment.

What marks these as legal mail is the creditor and the matter (proceedings, GKG, RVG,
a claim for damages), not a keyword: the supplier dunning of business.py uses the same
words "Mahnung", "Forderung", "Rechtsanwalt" for goods and services.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from mailroom.synth import cities
from mailroom.synth import people as pp
from mailroom.synth.document import Block, Document, Party, Table
from mailroom.synth.topics import BY_ROUTE
from mailroom.synth.writers.base import Ctx, doc, paras

# Fee tables (value up to, one full fee): GKG Anlage 2 and RVG Anlage 2, rounded.
GKG = (
    (500, 38.0),
    (1000, 58.0),
    (2000, 98.0),
    (3000, 119.0),
    (5000, 161.0),
    (8000, 224.0),
    (10000, 266.0),
    (16000, 324.0),
    (25000, 411.0),
    (35000, 487.0),
    (50000, 601.0),
)
RVG = (
    (500, 49.0),
    (1000, 88.0),
    (2000, 166.0),
    (3000, 222.0),
    (5000, 334.0),
    (8000, 502.0),
    (10000, 614.0),
    (16000, 718.0),
    (25000, 874.0),
    (35000, 1036.0),
    (50000, 1279.0),
)
# Court kinds whose costs the city pays, with the GKG fee number of the first instance.
COST_COURTS = (
    ("verwaltungsgericht", "5110", "Verfahren im Allgemeinen"),
    ("landgericht", "1210", "Verfahren im Allgemeinen"),
    ("amtsgericht", "1210", "Verfahren im Allgemeinen"),
    ("oberverwaltungsgericht", "5122", "Verfahren über die Zulassung der Berufung"),
)
CASHIER = (
    "Landesjustizkasse {land}",
    "Landesjustizkasse",
    "Gerichtskasse {seat}",
    "Justizkasse {land}",
    "Zentrale Zahlstelle Justiz",
    "Landeshauptkasse {land}",
)
BUNDESBANK = ("86000000", "82000000", "10000000", "37000000", "70000000", "50000000", "60000000", "20000000")


def m(value: float, c: Ctx) -> str:
    return pp.money(value, unit=c.s["cur"])


def _value(c: Ctx, table: tuple[tuple[int, float], ...]) -> tuple[int, float]:
    """A Streitwert and the full fee for it."""
    return c.rng.choice(table[2:])


# Rechtsamt matters heard by the administrative courts; the others are civil disputes.
PUBLIC_LAW = frozenset(
    ("informationszugang", "dienstaufsicht", "vorkaufsrecht", "datenauskunft", "akteneinsicht")
)
# Rechtsamt matters in which the city owes money (damages, rent deposits, awards).
MONEY = (
    "amtshaftung",
    "verkehrssicherung",
    "fahrzeugschaden",
    "spielplatzunfall",
    "schadensmeldung",
    "mietsache",
)


def _money_topic(c: Ctx, key: str = "") -> None:
    """Relabel the item's topic to a matter in which the city owes money."""
    if c.topic.key not in MONEY or key:
        want = key or c.rng.choice(MONEY)
        c.topic = next(t for t in BY_ROUTE[c.route] if t.key == want)


def _case(c: Ctx, kinds: tuple[str, ...] = ()) -> tuple[Party, str, str, str]:
    """(court, Aktenzeichen, KV number, what the fee is for) of proceedings the city was party to."""
    public = c.topic.key in PUBLIC_LAW
    fitting = [k for k in COST_COURTS if (k[0].endswith("verwaltungsgericht")) == public]
    kind, kv, what = c.rng.choice([k for k in fitting if not kinds or k[0] in kinds] or fitting)
    court = pp.court(c.rng, kind, c.town)
    return court, pp.court_az(c.rng, kind, c.received.year - c.rng.choice((0, 0, 1))), kv, what


def _wegen(c: Ctx) -> str:
    return c.f(c.topic.case) or f"wegen {c.topic.name}"


def _parties(c: Ctx, city_first: float = 0.3) -> str:
    """The short title of the proceedings; the private party is the item's person."""
    city = c.town.titles[0]
    return f"{city} ./. {c.me.name}" if c.chance(city_first) else f"{c.me.name} ./. {city}"


def _cashier(c: Ctx) -> tuple[str, str, str, str]:
    """(name, IBAN, bank, BIC) of the Land's justice cashier; accounts are at the Bundesbank."""
    land = cities.LAENDER[c.town.land].name
    seat = c.town.court("landgericht")[1].split(" ", 1)[1]
    name = c.one(CASHIER).replace("{land}", land).replace("{seat}", seat)
    blz = c.rng.choice(BUNDESBANK)
    bban = f"{blz}{c.rng.randint(10**7, 10**8 - 1):010d}"
    raw = f"DE{pp.iban_check('DE', bban)}{bban}"
    iban = " ".join(raw[i : i + 4] for i in range(0, len(raw), 4))
    return name, iban, f"Deutsche Bundesbank, Filiale {seat}", f"MARKDEF1{blz[:3]}"


def _kassenzeichen(c: Ctx) -> str:
    return c.rng.choice(
        (
            f"{c.rng.randint(1, 9)} {c.received.year} {c.rng.randint(10**6, 10**7 - 1)} {c.rng.randint(0, 9)}",
            f"KSB{c.rng.randint(10**8, 10**9 - 1)}",
            f"{c.rng.randint(100, 999)}{c.rng.randint(10**7, 10**8 - 1)}",
        )
    )


def _pay(c: Ctx, cashier: tuple[str, str, str, str], kz: str) -> list[Block]:
    name, iban, bank, bic = cashier
    return paras(
        c.one(
            (
                "Bitte zahlen Sie den Betrag bis zum {deadline} unter Angabe des Kassenzeichens.",
                "Der Betrag ist sofort fällig. Bitte überweisen Sie ihn innerhalb von zwei Wochen.",
                "Zahlungsfrist: {deadline}. Ohne Kassenzeichen kann Ihre Zahlung nicht zugeordnet werden.",
            )
        ),
        f"Empfänger: {name} – {bank} – IBAN {iban} – BIC {bic} – Verwendungszweck: {kz}",
    )


# --- invoices (rechnung) -----------------------------------------------------------------


def court_costs(c: Ctx) -> Document:
    """A court's Kostenrechnung (Gerichtskostenrechnung) after the end of proceedings."""
    court, az, kv, what = _case(c)
    value, fee = _value(c, GKG)
    rate = c.rng.choice((3.0, 3.0, 1.0, 2.0))
    rows = [
        (
            f"KV-Nr. {kv} GKG",
            f"{what}, {str(rate).replace('.', ',')} Gebühr",
            pp.money(value, unit="€"),
            m(fee * rate, c),
        )
    ]
    total = fee * rate
    if c.chance(0.7):
        n = c.rng.randint(2, 9)
        rows.append(("KV-Nr. 9002 GKG", f"Pauschale für Zustellungen ({n} x 3,50 €)", "", m(n * 3.5, c)))
        total += n * 3.5
    if c.chance(0.4):
        cost = round(c.rng.uniform(40, 900), 2)
        rows.append(("KV-Nr. 9005 GKG", "Entschädigung von Zeugen und Sachverständigen", "", m(cost, c)))
        total += cost
    if c.chance(0.3):
        pages = c.rng.randint(55, 140)
        cost = 25 + (pages - 50) * 0.15
        rows.append(("KV-Nr. 9000 GKG", f"Dokumentenpauschale ({pages} Seiten)", "", m(cost, c)))
        total += cost
    paid = round(fee * c.rng.choice((0.0, 0.0, 3.0)), 2)
    foot = [("Summe", m(total, c))]
    if paid and paid < total:
        foot += [("abzüglich gezahlter Vorschuss", m(-paid, c)), ("noch zu zahlen", m(total - paid, c))]
    table = Table(("Nr.", "Gebühr/Auslage", "Wert", "Betrag"), tuple(rows), tuple(foot))
    kz = _kassenzeichen(c)
    cashier = _cashier(c)
    body: list[Block] = paras(
        f"In dem Verfahren {_parties(c)} {_wegen(c)}",
        c.one(
            (
                "werden die Kosten gemäß der Kostenentscheidung vom {past} wie folgt angesetzt:",
                "werden nach Abschluss des Verfahrens folgende Gerichtskosten erhoben:",
                "sind Sie nach der gerichtlichen Kostenentscheidung Kostenschuldnerin. Es werden angesetzt:",
            )
        ),
    )
    body.append(table)
    body += _pay(c, cashier, kz)
    body += paras(
        c.one(
            (
                "Gegen den Kostenansatz ist die Erinnerung nach § 66 GKG zulässig. Sie hat keine aufschiebende Wirkung.",
                "Einwendungen gegen den Kostenansatz sind beim Gericht zu erheben, nicht bei der Kasse.",
                "Diese Kostenrechnung wurde maschinell erstellt und ist ohne Unterschrift gültig.",
            )
        )
    )
    refs = (("Kassenzeichen", kz), ("Aktenzeichen", az), ("Streitwert", pp.money(value, unit="€")))
    return doc(
        c,
        body,
        sender=court,
        layout="invoice",
        title=c.one(("Kostenrechnung", "Gerichtskostenrechnung", "Kostenrechnung (Schlusskostenrechnung)")),
        refs=refs,
        signature=c.one(("", f"{court.person.split(',')[0]}, Kostenbeamtin", "Kostenbeamter")),
    )


def fee_advance(c: Ctx) -> Document:
    """A court's request for an advance on fees or on the costs of an expert witness."""
    kz = _kassenzeichen(c)
    cashier = _cashier(c)
    own_suit = c.chance(0.5)
    if own_suit:
        _money_topic(c, "mietsache")
    court, az, kv, what = _case(c, ("landgericht", "amtsgericht", "verwaltungsgericht"))
    parties = _parties(c, 1.0 if own_suit else 0.3)
    if own_suit:
        value, fee = _value(c, GKG)
        amount, basis = (
            fee * 3,
            f"Gerichtskostenvorschuss, 3,0 Gebühr nach KV-Nr. {kv} GKG, Streitwert {pp.money(value, unit='€')}",
        )
        intro = "für Ihre Klage ist nach § 12 GKG ein Vorschuss zu zahlen, bevor die Klage zugestellt wird."
    else:
        amount = float(c.rng.choice((500, 800, 1000, 1500, 2500, 3000)))
        basis = "Auslagenvorschuss für ein Sachverständigengutachten (§ 17 GKG, KV-Nr. 9005)"
        intro = "das Gericht hat mit Beweisbeschluss vom {past} die Einholung eines Sachverständigengutachtens angeordnet."
    body: list[Block] = paras(
        f"{parties} {_wegen(c)}",
        c.f(intro),
        c.one(
            (
                "Die Beweiserhebung wird davon abhängig gemacht, dass der Vorschuss fristgerecht eingeht.",
                "Erst nach Zahlungseingang wird das Verfahren fortgesetzt.",
                "Bei nicht fristgerechter Zahlung kann das Beweismittel ausgeschlossen werden.",
            )
        ),
    )
    body.append(Table(("Grund", "Betrag"), ((basis, m(amount, c)),), (("Zu zahlen", m(amount, c)),)))
    body += _pay(c, cashier, kz)
    return doc(
        c,
        body,
        sender=court,
        title=c.one(("Anforderung eines Kostenvorschusses", "Vorschussanforderung", "Kostennachricht")),
        layout="invoice",
        refs=(("Aktenzeichen", az), ("Kassenzeichen", kz)),
        signature=court.person,
    )


def _rvg_rows(c: Ctx, value: int, fee: float, court_stage: bool) -> tuple[list[tuple[str, ...]], float]:
    rows: list[tuple[str, ...]] = []
    items = (
        [("Verfahrensgebühr", "Nr. 3100 VV RVG", 1.3), ("Terminsgebühr", "Nr. 3104 VV RVG", 1.2)]
        if court_stage
        else [("Geschäftsgebühr", "Nr. 2300 VV RVG", 1.3)]
    )
    if c.chance(0.3):
        items.append(("Einigungsgebühr", "Nr. 1003 VV RVG" if court_stage else "Nr. 1000 VV RVG", 1.0))
    net = 0.0
    for name, no, rate in items:
        amount = round(fee * rate, 2)
        net += amount
        rows.append((f"{str(rate).replace('.', ',')} {name}", no, pp.money(value, unit="€"), m(amount, c)))
    rows.append(("Pauschale für Post und Telekommunikation", "Nr. 7002 VV RVG", "", m(20, c)))
    net += 20
    if c.chance(0.4):
        km = c.rng.randint(12, 140)
        rows.append((f"Fahrtkosten ({km} km x 0,42 €)", "Nr. 7003 VV RVG", "", m(km * 0.42, c)))
        net += km * 0.42
    return rows, net


def rvg_invoice(c: Ctx) -> Document:
    """The fee note of the lawyer who represented the city (Vergütungsberechnung, § 10 RVG)."""
    firm = pp.law_firm(c.rng, c.town)
    court, az, _, _ = _case(c)
    value, fee = _value(c, RVG)
    court_stage = c.chance(0.7)
    rows, net = _rvg_rows(c, value, fee, court_stage)
    vat = round(net * 0.19, 2)
    table = Table(
        ("Gebühr/Auslage", "Vorschrift", "Gegenstandswert", "Betrag"),
        tuple(rows),
        (
            ("Zwischensumme netto", m(net, c)),
            ("19 % Umsatzsteuer, Nr. 7008 VV RVG", m(vat, c)),
            ("Gesamtbetrag", m(net + vat, c)),
        ),
    )
    no = f"{c.received.year}-{c.rng.randint(100, 2999):04d}"
    ib, bank, bic = pp.iban(c.rng, city=c.town)
    stage = f"vor dem {court.name}, Az. {az}," if court_stage else "(außergerichtliche Vertretung)"
    body: list[Block] = paras(
        f"in der Angelegenheit {_parties(c)} {_wegen(c)} {stage} erlauben wir uns, "
        + c.one(
            (
                "unsere Vergütung wie folgt zu berechnen:",
                "nach Abschluss des Mandats folgende Vergütung gemäß § 10 RVG abzurechnen:",
                "für unsere Tätigkeit als Prozessbevollmächtigte der Stadt abzurechnen:",
            )
        ),
    )
    body.append(table)
    body += paras(
        c.one(
            (
                "Der Gegenstandswert wurde durch Beschluss vom {past} festgesetzt.",
                "Ein Vorschuss wurde nicht gezahlt.",
                "Die Kostenerstattung durch die Gegenseite ist beantragt; eingehende Beträge leiten wir weiter.",
            )
        ),
        f"Bitte überweisen Sie den Betrag bis zum {{deadline}} auf unser Konto bei der {bank}, IBAN {ib}, BIC {bic}.",
        f"USt-IdNr. DE{c.rng.randint(100000000, 999999999)}",
    )
    return doc(
        c,
        body,
        sender=firm,
        layout="invoice",
        title=c.one(
            (f"Vergütungsrechnung Nr. {no}", f"Kostennote Nr. {no}", f"Rechnung Nr. {no} (§ 10 RVG)")
        ),
        refs=(
            ("Rechnungsnummer", no),
            ("Unser Zeichen", f"{c.rng.randint(10, 999)}/{c.received.year % 100}"),
        ),
        signature=firm.person,
    )


def cost_claim(c: Ctx) -> Document:
    """The opposing lawyer asks the city to pay the costs fixed by the court."""
    firm = pp.law_firm(c.rng, c.town)
    court, az, _, _ = _case(c, ("landgericht", "amtsgericht", "verwaltungsgericht"))
    amount = round(c.rng.uniform(380, 4800), 2)
    fixed = c.date - dt.timedelta(days=c.rng.randint(10, 40))
    interest_from = fixed - dt.timedelta(days=c.rng.randint(20, 90))
    ib, bank, _ = pp.iban(c.rng, city=c.town)
    body: list[Block] = paras(
        c.one(
            (
                f"in dem Rechtsstreit {_parties(c)}, {court.name}, Az. {az}, hat das Gericht mit "
                f"Kostenfestsetzungsbeschluss vom {pp.de_date(fixed)} die von Ihnen zu erstattenden Kosten "
                f"auf {m(amount, c)} festgesetzt.",
                f"bezugnehmend auf den Kostenfestsetzungsbeschluss vom {pp.de_date(fixed)} ({court.name}, "
                f"Az. {az}) fordern wir Sie auf, die festgesetzten Kosten von {m(amount, c)} zu erstatten.",
            )
        ),
        f"Der Betrag ist nach § 104 Abs. 1 Satz 2 ZPO seit dem {pp.de_date(interest_from)} mit fünf "
        "Prozentpunkten über dem Basiszinssatz zu verzinsen.",
        c.one(
            (
                f"Wir bitten um Überweisung bis zum {{deadline}} auf unser Anderkonto bei der {bank}, IBAN {ib}.",
                f"Bitte zahlen Sie bis zum {{deadline}} auf unser Konto, IBAN {ib}; wir sind zur Entgegennahme "
                "bevollmächtigt.",
            )
        ),
        c.one(
            (
                "Eine vollstreckbare Ausfertigung des Beschlusses liegt uns vor.",
                "Wir gehen davon aus, dass eine Vollstreckung nicht erforderlich sein wird.",
                "",
            )
        ),
    )
    body.insert(
        1,
        Table(
            ("Position", "Betrag"),
            (("festgesetzte Kosten", m(amount, c)), ("Zinsen bis heute", m(amount * 0.01, c))),
            (("Summe", m(amount * 1.01, c)),),
        ),
    )
    return doc(
        c,
        body,
        sender=firm,
        refs=(("Unser Zeichen", f"{c.rng.randint(10, 999)}/{c.received.year % 100}"), ("Aktenzeichen", az)),
        subject=c.one(
            (
                f"{_parties(c)} – Kostenerstattung",
                "Erstattung der festgesetzten Kosten",
                f"Kostenfestsetzungsbeschluss vom {pp.de_date(fixed)}",
            )
        ),
        salutation="Sehr geehrte Damen und Herren,",
        closing="Mit freundlichen Grüßen",
        signature=firm.person,
    )


# --- dunning (mahnung) -------------------------------------------------------------------


def court_reminder(c: Ctx) -> Document:
    """The justice cashier reminds the city of unpaid court costs, then dunns."""
    name, iban, bank, bic = _cashier(c)
    land = cities.LAENDER[c.town.land].name
    sender = Party(
        "authority",
        name,
        (
            f"Postfach {c.rng.randint(10, 99)} {c.rng.randint(10, 99)} {c.rng.randint(10, 99)}",
            c.town.court("landgericht")[1],
        ),
        (f"Tel. {pp.phone(c.rng, 0.0, c.town)}", f"Servicezeiten Mo–Fr 9–12 Uhr ({land})"),
        person=pp.signer(c.rng, 0.0),
    )
    court, az, _, _ = _case(c)
    kz = _kassenzeichen(c)
    owed = round(c.rng.uniform(120, 3800), 2)
    friendly = c.chance(0.4)
    fee = 0.0 if friendly else c.rng.choice((5.0, 7.5, 10.0))
    rows = (
        (
            pp.de_date(c.date - dt.timedelta(days=c.rng.randint(30, 75))),
            f"Kostenrechnung {court.name}, {az}",
            m(owed, c),
        ),
    )
    foot = (("offener Betrag", m(owed, c)),) + (
        (("Mahngebühr", m(fee, c)), ("Gesamt", m(owed + fee, c))) if fee else ()
    )
    body: list[Block] = paras(
        c.one(
            (
                "nach unseren Unterlagen ist die folgende Forderung der Justiz noch nicht beglichen:",
                "zu dem unten genannten Kassenzeichen konnten wir bisher keinen Zahlungseingang feststellen.",
                "die Gerichtskosten aus dem unten genannten Verfahren sind seit dem {past} fällig und noch offen.",
            )
        )
    )
    body.append(Table(("Datum", "Forderung", "Betrag"), rows, foot))
    body += paras(
        "Sollten Sie inzwischen gezahlt haben, ist dieses Schreiben gegenstandslos."
        if friendly
        else c.one(
            (
                "Geht der Betrag nicht bis zum {deadline} ein, wird die Forderung nach dem "
                "Justizbeitreibungsgesetz (JBeitrG) zwangsweise beigetrieben. Dadurch entstehen weitere Kosten.",
                "Dies ist die letzte Zahlungsaufforderung vor Einleitung der Beitreibung nach dem JBeitrG.",
            )
        ),
        f"Bankverbindung: {bank}, IBAN {iban}, BIC {bic}. Bitte geben Sie unbedingt das Kassenzeichen {kz} an.",
    )
    return doc(
        c,
        body,
        sender=sender,
        refs=(("Kassenzeichen", kz), ("Aktenzeichen", az)),
        subject=(
            "Zahlungserinnerung"
            if friendly
            else c.one(("Mahnung", "Mahnung – Gerichtskosten", "Letzte Mahnung"))
        )
        + f" – Kassenzeichen {kz}",
        salutation="Sehr geehrte Damen und Herren,",
        closing=c.one(("Mit freundlichen Grüßen", "Hochachtungsvoll", "Im Auftrag")),
        signature=sender.person,
    )


# What a creditor claims from the city, with the Rechtsamt topic it belongs to.
CREDITOR_CLAIMS = (
    ("verkehrssicherung", "Schadensersatz aus dem Sturz vom {past} auf einem vereisten städtischen Gehweg"),
    (
        "amtshaftung",
        "den Schaden am Fahrzeug {mandanten} ({car}, {plate}) durch ein Schlagloch in der {site}",
    ),
    ("fahrzeugschaden", "den Schaden, den ein Fahrzeug der Stadtreinigung am {past} verursacht hat"),
    ("mietsache", "die Rückzahlung der Mietkaution für die Gewerbeeinheit {site}"),
    ("schadensmeldung", "Schadensersatz wegen der bei Kanalarbeiten beschädigten Gartenmauer, {site}"),
    (
        "spielplatzunfall",
        "die Erstattung der Behandlungskosten nach dem Unfall auf dem Spielplatz im Stadtteil {district}",
    ),
    ("amtshaftung", "die Zahlung aus dem außergerichtlichen Vergleich vom {past}"),
)


def creditor_demand(c: Ctx) -> Document:
    """A lawyer demands payment of a creditor's claim against the city, threatening court."""
    firm = pp.law_firm(c.rng, c.town)
    person = c.chance(0.6)
    female = c.me.gender == "f" if person else True
    if person:
        creditor, creditor_acc = c.me.name, f"{'Frau' if female else 'Herrn'} {c.me.name}"
    else:
        creditor = c.rng.choice(
            (
                f"Allgemeine {c.rng.choice(pp.LAST)} Versicherung AG",
                pp.company_name(c.rng, "bau"),
                "Gebäudeversicherung Mitte VVaG",
            )
        )
        creditor_acc = f"die {creditor}"
    c.s["mandanten"] = "unserer Mandantin" if female else "unseres Mandanten"
    key, claim = c.rng.choice(CREDITOR_CLAIMS)
    _money_topic(c, key)
    claim = c.f(claim)
    main = round(c.rng.uniform(450, 9500), 2)
    interest = round(main * c.rng.uniform(0.01, 0.05), 2)
    costs = round(c.rng.choice((159.94, 201.71, 255.85, 367.23, 453.87, 627.13)), 2)
    level = c.one(
        (
            "Zahlungsaufforderung",
            "Mahnung",
            "Letzte Mahnung vor Klageerhebung",
            "Letztmalige Zahlungsaufforderung",
        )
    )
    body: list[Block] = paras(
        c.one(
            (
                f"wie Ihnen bekannt ist, vertreten wir {creditor_acc}.",
                f"in der Angelegenheit {creditor} ./. {c.town.titles[0]} kommen wir auf unser Schreiben vom {{past}} zurück.",
                f"namens und in Vollmacht {'unserer Mandantin' if female else 'unseres Mandanten'} "
                f"{creditor} machen wir folgende Forderung geltend.",
            )
        ),
        f"Es geht um {claim}. "
        + c.one(
            (
                "Eine Zahlung ist trotz unserer Aufforderung bis heute nicht erfolgt.",
                "Die Haftung der Stadt ist dem Grunde nach unstreitig, gezahlt wurde gleichwohl nichts.",
                "Ihre Haftpflichtversicherung hat die Regulierung bislang ohne Begründung verzögert.",
            )
        ),
    )
    body.append(
        Table(
            ("Forderungsaufstellung", "Betrag"),
            (
                ("Hauptforderung", m(main, c)),
                ("Verzugszinsen (§ 288 Abs. 1 BGB)", m(interest, c)),
                ("vorgerichtliche Rechtsanwaltskosten (Nr. 2300, 7002, 7008 VV RVG)", m(costs, c)),
            ),
            (("Gesamtforderung", m(main + interest + costs, c)),),
        )
    )
    body += paras(
        c.one(
            (
                "Wir fordern Sie letztmalig auf, den Gesamtbetrag bis zum {deadline} auf unser Konto zu zahlen.",
                "Bitte zahlen Sie den Betrag bis spätestens {deadline}.",
            )
        ),
        c.one(
            (
                "Nach fruchtlosem Fristablauf werden wir ohne weitere Ankündigung den Erlass eines "
                "Mahnbescheids beim zentralen Mahngericht beantragen.",
                "Andernfalls haben wir Auftrag, die Forderung im gerichtlichen Mahnverfahren geltend zu machen; "
                "die dadurch entstehenden Kosten gehen zu Ihren Lasten.",
                "Sollte die Frist verstreichen, werden wir unserer Partei empfehlen, Klage beim "
                f"{c.town.court('landgericht')[0]} zu erheben.",
            )
        ),
    )
    return doc(
        c,
        body,
        sender=firm,
        refs=(
            ("Unser Zeichen", f"{c.rng.randint(10, 999)}/{c.received.year % 100} {c.rng.choice('ABDKMS')}"),
        ),
        subject=f"{level}: {creditor} ./. {c.town.titles[0]}",
        salutation="Sehr geehrte Damen und Herren,",
        closing="Mit freundlichen Grüßen",
        signature=firm.person,
    )


def judgment_demand(c: Ctx) -> Document:
    """After a judgment against the city, the winner's lawyer demands the amount awarded."""
    firm = pp.law_firm(c.rng, c.town)
    _money_topic(c)
    court, az, _, _ = _case(c, ("landgericht", "amtsgericht"))
    when = c.date - dt.timedelta(days=c.rng.randint(14, 60))
    main = round(c.rng.uniform(600, 24000), 2)
    winner = "unsere Mandantin" if c.me.gender == "f" else "unseren Mandanten"
    body: list[Block] = paras(
        f"in dem Rechtsstreit {_parties(c)} {_wegen(c)} hat das {court.name} mit Urteil vom "
        f"{pp.de_date(when)} (Az. {az}) die Stadt verurteilt, an {winner} {m(main, c)} nebst Zinsen "
        "in Höhe von fünf Prozentpunkten über dem Basiszinssatz zu zahlen.",
        c.one(
            (
                "Das Urteil ist rechtskräftig.",
                "Das Urteil ist vorläufig vollstreckbar; die Sicherheit ist geleistet.",
                "Die Berufungsfrist ist abgelaufen, das Urteil ist damit rechtskräftig.",
            )
        ),
        c.one(
            (
                "Wir fordern Sie auf, den ausgeurteilten Betrag samt Zinsen und die Kosten bis zum {deadline} zu zahlen.",
                "Wir bitten um Zahlung der Urteilssumme einschließlich Zinsen bis zum {deadline}.",
            )
        ),
        c.one(
            (
                "Vorsorglich zeigen wir hiermit nach § 882a ZPO an, dass wir nach Fristablauf die "
                "Zwangsvollstreckung betreiben werden.",
                "Geht die Zahlung nicht fristgerecht ein, werden wir ohne weitere Ankündigung "
                "Vollstreckungsmaßnahmen einleiten.",
                "Eine vollstreckbare Ausfertigung des Urteils haben wir bereits beantragt.",
            )
        ),
    )
    return doc(
        c,
        body,
        sender=firm,
        refs=(("Unser Zeichen", f"{c.rng.randint(10, 999)}/{c.received.year % 100}"), ("Aktenzeichen", az)),
        subject=c.one(
            (
                "Zahlungsaufforderung aus Urteil",
                f"Urteil vom {pp.de_date(when)} – Zahlung",
                f"{az} – Urteilssumme",
            )
        ),
        salutation="Sehr geehrte Damen und Herren,",
        closing="Mit freundlichen Grüßen",
        signature=firm.person,
    )


WriteFn = Callable[[Ctx], Document]
RECHNUNG: dict[str, WriteFn] = {
    "court_costs": court_costs,
    "fee_advance": fee_advance,
    "rvg_invoice": rvg_invoice,
    "cost_claim": cost_claim,
}
MAHNUNG: dict[str, WriteFn] = {
    "court_reminder": court_reminder,
    "creditor_lawyer": creditor_demand,
    "judgment_demand": judgment_demand,
}
