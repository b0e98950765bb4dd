"""More dunning letters of suppliers (Beschaffung): escalation with default interest and the
flat fee of § 288 BGB, a collection agency's last out-of-court demand, and a dunning
e-mail from a firm's accounts receivable with an open-items table. Other letterheads and
tones than business.py: a small trade's personal note, a group's Debitorenmanagement.
Beside them the line they must not cross: a supplier's question about an invoice (arrived?
when paid?) that is an enquiry, not dunning.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from mailroom.synth import people as pp
from mailroom.synth.document import Block, Document, Table
from mailroom.synth.writers.base import CASUAL_CLOSINGS, Ctx, doc, email_header, emailed_letter, paras
from mailroom.synth.writers.business import TRADE, m, open_items, supplier


def _interest(c: Ctx, total: float, days: int) -> float:
    """Default interest between businesses: 9 points over the base rate (§ 288 Abs. 2 BGB)."""
    return round(total * (0.09 + 0.0127) * days / 365, 2)


def escalation(c: Ctx) -> Document:
    """A 2nd or 3rd dunning letter with Mahngebühren, Verzugszinsen and the 40-euro flat fee."""
    firm = supplier(c)
    level = c.one(("2. Mahnung", "3. Mahnung", "Mahnung – 2. Stufe", "Letzte Mahnung"))
    table, total = open_items(c, c.rng.randint(1, 3))
    days = c.rng.randint(21, 95)
    interest = _interest(c, total, days)
    fee = c.rng.choice((5.0, 10.0, 12.5))
    lump = 40.0 if c.chance(0.6) else 0.0
    rows = [
        ("offene Rechnungsbeträge", m(total, c)),
        (f"Verzugszinsen für {days} Tage (§ 288 Abs. 2 BGB)", m(interest, c)),
        ("Mahngebühren", m(fee, c)),
    ]
    if lump:
        rows.append(("Verzugspauschale nach § 288 Abs. 5 BGB", m(lump, c)))
    summary = Table(
        ("Forderung", "Betrag"), tuple(rows), (("zu zahlen", m(total + interest + fee + lump, c)),)
    )
    body: list[Block] = paras(
        c.one(
            (
                "leider haben Sie auf unsere Zahlungserinnerung und die erste Mahnung nicht reagiert.",
                "trotz mehrfacher Erinnerung sind die unten aufgeführten Rechnungen weiterhin offen.",
                "wir stellen fest, dass Sie sich mit der Zahlung der folgenden Rechnungen in Verzug befinden.",
            )
        )
    )
    body += [table, summary]
    body += paras(
        c.one(
            (
                "Wir fordern Sie auf, den Gesamtbetrag bis zum {deadline} zu begleichen.",
                "Bitte gleichen Sie den Betrag innerhalb von 7 Tagen aus.",
            )
        ),
        c.one(
            (
                "Andernfalls sehen wir uns gezwungen, weitere Lieferungen nur noch gegen Vorkasse auszuführen.",
                "Nach Ablauf der Frist übergeben wir die Angelegenheit ohne weitere Ankündigung unserem Inkassobüro.",
                "Sollten Sie Einwände gegen die Rechnungen haben, teilen Sie uns diese bitte umgehend mit.",
            )
        ),
    )
    ib, bank, bic = pp.iban(c.rng, city=c.town)
    body += paras(f"{bank} · IBAN {ib} · BIC {bic}")
    return doc(
        c,
        body,
        sender=firm,
        refs=(
            ("Kundennummer", pp.kundennummer(c.rng)),
            ("Mahnstufe", level[:1] if level[0].isdigit() else "3"),
        ),
        subject=level,
        salutation=c.salutation(),
        closing=c.closing(),
        signature=f"{firm.person}, {c.one(('Buchhaltung', 'Debitorenbuchhaltung', 'Geschäftsführung', 'Forderungsmanagement'))}",
    )


def agency_final(c: Ctx) -> Document:
    """A collection agency's last out-of-court demand for a supplier, with a payment slip feel."""
    agency = pp.company(c.rng, "inkasso", c.town)
    creditor = pp.company_name(c.rng, TRADE.get(c.topic.key, "buero"))
    no = pp.rechnungsnummer(c.rng, c.received.year)
    main = round(c.rng.uniform(90, 4800), 2)
    since = c.date - dt.timedelta(days=c.rng.randint(40, 160))
    interest = _interest(c, main, (c.date - since).days)
    dun, agency_fee = c.rng.choice((2.5, 5.0, 10.0)), c.rng.choice((49.0, 58.5, 83.54, 117.0))
    rows = (
        (f"Rechnung {no} vom {pp.de_date(since)}", m(main, c)),
        ("Zinsen seit Verzugseintritt", m(interest, c)),
        ("Mahnkosten der Gläubigerin", m(dun, c)),
        ("Inkassokosten (entsprechend RVG)", m(agency_fee, c)),
    )
    total = main + interest + dun + agency_fee
    body: list[Block] = paras(
        c.one(
            (
                f"trotz unseres Schreibens vom {{past}} ist die Forderung unserer Auftraggeberin {creditor} weiterhin offen.",
                f"wir wurden von {creditor} beauftragt, die nachstehende Forderung aus Lieferungen und Leistungen einzuziehen.",
            )
        ),
        c.one(
            (
                "Dies ist unsere letzte außergerichtliche Mahnung.",
                "Wir geben Ihnen hiermit letztmals Gelegenheit, die Angelegenheit ohne Gericht zu erledigen.",
            )
        ),
    )
    body.append(Table(("Forderungsaufstellung", "Betrag"), rows, (("Gesamtforderung", m(total, c)),)))
    body += paras(
        c.one(
            (
                "Zahlen Sie bis zum {deadline}, oder rufen Sie uns an, wenn Sie eine Ratenzahlung vereinbaren möchten.",
                "Bitte zahlen Sie bis zum {deadline}. Wenden Sie sich bei Rückfragen direkt an uns, nicht an den Gläubiger.",
            )
        ),
        "Erfolgt keine Zahlung, empfehlen wir unserer Auftraggeberin die Durchführung des gerichtlichen Mahnverfahrens.",
        f"Zahlung an: {agency.name}, IBAN {pp.iban(c.rng, city=c.town)[0]}, Verwendungszweck INK-{c.rng.randint(10**6, 10**7 - 1)}",
    )
    return doc(
        c,
        body,
        sender=agency,
        refs=(
            ("Unser Aktenzeichen", f"{c.rng.randint(100, 999)}-{c.rng.randint(10**5, 10**6 - 1)}"),
            ("Gläubigerin", creditor),
            ("Kundennummer beim Gläubiger", pp.kundennummer(c.rng)),
        ),
        subject=c.one(
            (
                "Letzte außergerichtliche Mahnung",
                "Forderungssache – Letzte Zahlungsaufforderung",
                "Vor gerichtlichem Mahnverfahren",
            )
        ),
        salutation=c.one(("Sehr geehrte Damen und Herren,", "Guten Tag,")),
        closing=c.one(("Mit freundlichen Grüßen", "Freundliche Grüße")),
        signature=c.one((agency.person, "Ihr Forderungsmanagement-Team", "Sachbearbeitung Inkasso")),
    )


def receivables_mail(c: Ctx) -> Document:
    """A dunning e-mail from accounts receivable with a table of the open items."""
    firm = supplier(c)
    table, total = open_items(c, c.rng.randint(2, 5))
    box = c.one(("debitoren", "buchhaltung", "mahnwesen", "accounting", "rechnungen"))
    body: list[Block] = email_header(
        c,
        c.one(("Debitorenmanagement", "Buchhaltung", firm.person)),
        f"{box}@{pp.web_for(firm.name)[4:]}",
        c.one(
            ("Offene Posten – Kundennummer {k}", "Kontoabgleich / Zahlungserinnerung", "AW: Mahnung {k}")
        ).replace("{k}", pp.kundennummer(c.rng)),
    )
    body += paras(
        c.one(("Sehr geehrte Damen und Herren,", "Guten Tag,", "Hallo zusammen,")),
        c.one(
            (
                "bei unserem monatlichen Kontoabgleich sind uns folgende offene Posten aufgefallen:",
                "anbei die Übersicht der überfälligen Rechnungen, die wir Ihnen bereits per Post gemahnt haben:",
                "leider sind die folgenden Rechnungen trotz Fälligkeit noch offen:",
            )
        ),
    )
    body.append(table)
    body += paras(
        c.one(
            (
                f"Bitte prüfen Sie die Posten und überweisen Sie den offenen Betrag von {m(total, c)} bis {{deadline}}.",
                "Falls die Rechnungen bei Ihnen nicht vorliegen, schicken wir gern Kopien.",
                "Sollte sich Ihre Zahlung mit dieser E-Mail überschnitten haben, betrachten Sie sie bitte als gegenstandslos.",
            )
        ),
        f"{c.rng.choice(CASUAL_CLOSINGS)}\n{firm.person}\n{firm.name}",
        c.one(
            (
                "Diese E-Mail wurde automatisch aus unserem Mahnsystem erzeugt.",
                "",
                f"Tel. {pp.phone(c.rng, 0.0, c.town)}",
            )
        ),
    )
    return doc(c, body, sender=firm, recipient=None, refs=())


STATUS_QUESTIONS = (
    "Können Sie uns sagen, in welchem Bearbeitungsstand sich die Rechnung befindet?",
    "Ist die Rechnung bei Ihnen angekommen, oder sollen wir sie noch einmal schicken?",
    "Benötigen Sie für die Freigabe noch eine Bestellnummer oder den Namen der bestellenden Stelle?",
    "Nimmt Ihr Rechnungseingang Rechnungen inzwischen nur noch als XRechnung an?",
    "An welche Adresse sollen wir Rechnungen künftig senden, an das Amt oder an den zentralen Rechnungseingang?",
    "Mit welcher Zahlungsfrist können wir bei Ihnen rechnen?",
    "Wer ist bei Ihnen für Rückfragen zu Rechnungen zuständig?",
    "Bis wann dürfen wir ungefähr mit dem Zahlungseingang rechnen?",
    "Könnten Sie kurz bestätigen, dass die Rechnung zur Zahlung angewiesen ist?",
    "Fehlen auf der Rechnung Angaben, die Sie für die Zahlung brauchen?",
)


def invoice_status(c: Ctx) -> Document:
    """A supplier asks about an invoice (arrived? when paid? anything missing?), without dunning:
    no overdue amounts, no fees, no deadline. The city files this as an enquiry (anfrage)."""
    firm = supplier(c)
    no = pp.rechnungsnummer(c.rng, c.received.year)
    issued = pp.de_date(c.date - dt.timedelta(days=c.rng.randint(5, 30)))
    c.s["no"], c.s["issued"] = no, issued
    body = paras(
        c.one(
            (
                "am {issued} haben wir Ihnen unsere Rechnung {no} geschickt und haben dazu eine Frage.",
                "wir beziehen uns auf unsere Rechnung {no} vom {issued}.",
                "zu der Rechnung {no}, die wir am {issued} an Sie gesandt haben, hätten wir eine kurze Rückfrage.",
                "da wir zum ersten Mal für die Stadt tätig sind, haben wir eine Frage zur Abrechnung.",
            )
        ),
        *c.some(STATUS_QUESTIONS, 1, 2),
        c.one(
            (
                "Für eine kurze Rückmeldung wären wir Ihnen dankbar.",
                "Vielen Dank vorab für Ihre Auskunft.",
                "Gern können Sie uns auch telefonisch erreichen.",
            )
        ),
    )
    if c.chance(0.5):  # as an e-mail from the firm's office
        address = f"info@{pp.web_for(firm.name)[4:]}"
        return emailed_letter(c, body, firm, firm.person, address, f"Frage zu Rechnung {no}")
    return doc(
        c,
        body,
        sender=firm,
        refs=(("Rechnungsnummer", no), ("Kundennummer", pp.kundennummer(c.rng))),
        subject=c.one(
            ("Rückfrage zu unserer Rechnung {no}", "Anfrage Rechnung {no}", "Rechnung {no} vom {issued}")
        ),
        salutation=c.salutation(),
        closing=c.closing(),
        signature=firm.person,
    )


WriteFn = Callable[[Ctx], Document]
ANFRAGE: dict[str, WriteFn] = {"invoice_status": invoice_status}
MAHNUNG: dict[str, WriteFn] = {
    "escalation": escalation,
    "agency_final": agency_final,
    "receivables_mail": receivables_mail,
}
