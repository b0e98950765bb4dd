"""Associations, schools and initiatives ask the city for support: a donation, a prize for
the raffle, the loan of benches or barriers, patronage by the mayor. No office owns these
letters (Poststelle). They are enquiries, not advertising: one sender asks the city one
concrete thing and waits for its answer, where a charity appeal asks everyone on a
mailing list and an invitation (with its wish for a Grußwort) only invites.
"""

from __future__ import annotations

from collections.abc import Callable

from mailroom.synth import cities
from mailroom.synth import people as pp
from mailroom.synth.document import Block, Document, Fields, Party
from mailroom.synth.writers.base import Ctx, doc, emailed_letter, paras

ASKERS = (
    "Elternrat der Grundschule {street}",
    "Förderverein der Oberschule {city} e. V.",
    "Schützengesellschaft {city} 1862 e. V.",
    "Freiwillige Feuerwehr, Förderverein Ortswehr Nord e. V.",
    "Seniorenclub Sonnenschein",
    "Initiative Spielplatz {street}",
    "Kinder- und Jugendchor {city} e. V.",
    "Nachbarschaftsverein {street} e. V.",
    "Tischtennisverein Grün-Gelb {city} e. V.",
    "Stadtteilbibliothek-Freunde e. V.",
)
# What is asked for: (subject, the request itself, why).
ASKS = (
    (
        "Bitte um Unterstützung unseres Sommerfestes",
        "wäre die Stadt bereit, unser Sommerfest am {event} mit einem Betrag von {amount} € zu unterstützen?",
        "Der Erlös kommt vollständig der Jugendarbeit zugute.",
    ),
    (
        "Sachspende für unsere Tombola",
        "könnten Sie uns für die Tombola bei unserem Vereinsfest einen kleinen Sachpreis zur Verfügung stellen, etwa Eintrittskarten für das Stadtbad oder den Tierpark?",
        "Alle Gewinne werden im Programmheft mit dem Namen des Spenders genannt.",
    ),
    (
        "Anfrage Schirmherrschaft",
        "wir möchten Sie fragen, ob der Oberbürgermeister die Schirmherrschaft für unseren Benefizlauf am {event} übernehmen würde.",
        "Im vergangenen Jahr haben über 300 Läuferinnen und Läufer teilgenommen.",
    ),
    (
        "Ausleihe von Bänken und Absperrgittern",
        "besteht die Möglichkeit, für unser Straßenfest am {event} zehn Bierzeltgarnituren und einige Absperrgitter der Stadt auszuleihen?",
        "Transport und Aufbau übernehmen unsere Mitglieder selbst.",
    ),
    (
        "Zuschuss für neue Trikots",
        "unsere E-Jugend braucht neue Trikots. Gibt es bei der Stadt einen Topf, aus dem kleine Vereine dafür einen Zuschuss bekommen können?",
        "Die Eltern haben bereits einen Teil selbst gesammelt.",
    ),
    (
        "Frage nach finanzieller Beteiligung",
        "für das Klassenfahrt-Projekt unserer Abschlussklassen fehlen noch rund {amount} €. Könnte sich die Stadt daran beteiligen?",
        "Wir haben auch bei örtlichen Firmen angefragt.",
    ),
    (
        "Hinweis im Amtsblatt?",
        "könnte die Stadt unseren Kinderflohmarkt am {event} im Amtsblatt oder auf ihrer Internetseite ankündigen?",
        "Einen kurzen Text und ein Foto schicken wir gern mit.",
    ),
    (
        "Kostenlose Nutzung des Bürgersaals?",
        "ist es möglich, den Bürgersaal für unseren Vortragsabend am {event} ohne Miete zu nutzen, da die Veranstaltung gemeinnützig ist?",
        "Der Eintritt ist frei, um Spenden wird gebeten.",
    ),
)


def _asker(c: Ctx) -> Party:
    c.s.setdefault("street", cities.street(c.rng))
    name = c.f(c.one(ASKERS))
    contact = (c.me.email,) if c.chance(0.5) else ()
    return Party("company", name, pp.local_address(c.rng, c.town), contact, person=c.me.name)


def club_request(c: Ctx) -> Document:
    """An association asks the city one concrete thing (money, a prize, equipment, patronage)."""
    subject, ask, why = c.rng.choice(ASKS)
    c.s["amount"] = str(c.rng.choice((150, 200, 250, 300, 500, 750, 1000)))
    asker = _asker(c)
    intro = c.one(
        (
            "wir sind ein kleiner, ehrenamtlich geführter Verein mit {n}0 Mitgliedern.",
            "ich schreibe Ihnen als Vorsitzende(r) unseres Vereins.",
            "",
            "seit vielen Jahren engagieren wir uns im Stadtteil.",
        )
    )
    body: list[Block] = paras(
        intro,
        ask,
        why,
        c.one(
            (
                "Über eine Rückmeldung, gern auch eine kurze Absage, würden wir uns freuen.",
                "Für Ihre Antwort bis zum {deadline} wären wir dankbar.",
                "Falls dafür ein anderes Amt zuständig ist, geben Sie unsere Anfrage bitte weiter.",
                "Können Sie uns sagen, an wen wir uns sonst wenden können?",
            )
        ),
    )
    if c.chance(0.3):
        ib, bank, _ = pp.iban(c.rng, city=c.town)
        body.append(
            Fields("Unsere Bankverbindung", (("Kontoinhaber", asker.name), ("IBAN", ib), ("Bank", bank)))
        )
    if c.chance(0.35):
        return emailed_letter(c, body, asker, c.me.name, c.me.email, subject)
    return doc(
        c,
        body,
        sender=asker,
        refs=(),
        subject=subject,
        salutation=c.one(
            ("Sehr geehrte Damen und Herren,", "Sehr geehrter Herr Oberbürgermeister,", "Guten Tag,")
        ),
        closing=c.closing(),
        signature=f"{c.me.name}, {c.one(('Vorsitz', '1. Vorsitzende(r)', 'Kassenwart', 'für den Vorstand'))}",
    )


WriteFn = Callable[[Ctx], Document]
ANFRAGE: dict[str, WriteFn] = {"club_request": club_request}
