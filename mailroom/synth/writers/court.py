"""Court mail and lawyers' letters (gerichtspost), routed by the policy of configs/synth.yaml.

A city's court mail goes to its legal office (Rechtsamt) whatever the subject; only a few
kinds of proceedings reach a specialist office, because there the office itself takes
part or is asked by the court (a Familiengericht asking the Jugendamt, a
Pfändungsbeschluss served on the city as the employer ...). Each kind is a `Matter`;
`court_routes` in configs/synth.yaml maps a matter to its route, every other matter goes
to the `default` route. A matter says which courts hear it, which offices' topics it can
be about, and which writers (styles) suit it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from mailroom.synth import people as pp
from mailroom.synth.document import Block, Bullets, Document, Fields, Heading, Layout, Paragraph, Party, Table
from mailroom.synth.topics import BY_ROUTE, Topic
from mailroom.synth.writers.base import Ctx, doc, joined, paras

DEFAULT = "default"


@dataclass(frozen=True)
class Matter:
    """One kind of court proceedings the city is involved in."""

    key: str  # the key used in configs/synth.yaml court_routes
    courts: tuple[str, ...]  # court kinds (people.COURT_KINDS) that hear it
    procedure: str  # "verwaltung", "sozial", "arbeit", "zivil", "familie", "betreuung", ...
    topics: tuple[str, ...]  # "route" or "route:topic" whose topics it can be about
    styles: tuple[str, ...]  # writers that suit it
    weight: float = 1.0


GENERAL = (
    "decision",
    "summons",
    "order",
    "court_request",
    "settlement",
    "cost_order",
    "claim",
    "lawyer",
    "receipt",
    "pleading",
)
MATTERS: tuple[Matter, ...] = (
    Matter(
        "verwaltungsgericht",
        ("verwaltungsgericht", "verwaltungsgericht", "oberverwaltungsgericht"),
        "verwaltung",
        (
            "buergeramt",
            "standesamt",
            "ordnungsamt",
            "verkehrsbehoerde",
            "steueramt",
            "sozialamt:wohngeld",
            "sozialamt:blindengeld",
            "jugendamt:kitaplatz",
            "jugendamt:elternbeitrag",
            "bauamt",
            "umweltamt",
            "schulamt",
            "rechtsamt:informationszugang",
        ),
        (*GENERAL, "interim"),
        4.0,
    ),
    Matter(
        "sozialgericht",
        ("sozialgericht", "sozialgericht", "landessozialgericht"),
        "sozial",
        (
            "sozialamt:grundsicherung",
            "sozialamt:hilfe_zur_pflege",
            "sozialamt:bildung_teilhabe",
            "sozialamt:hilfe_lebensunterhalt",
            "sozialamt:eingliederungshilfe",
            "sozialamt:bestattungskosten",
            "jugendamt:unterhaltsvorschuss",
        ),
        (*GENERAL, "interim"),
        1.5,
    ),
    Matter(
        "arbeitsgericht",
        ("arbeitsgericht", "arbeitsgericht", "landesarbeitsgericht"),
        "arbeit",
        (
            "personalamt:krankmeldung",
            "personalamt:gehalt",
            "personalamt:personalakte",
            "personalamt:elternzeit",
            "personalamt:stelle",
            "personalamt:teilzeit",
        ),
        GENERAL,
        1.5,
    ),
    Matter(
        "zivilgericht",
        ("landgericht", "amtsgericht", "landgericht", "oberlandesgericht"),
        "zivil",
        (
            "rechtsamt:amtshaftung",
            "rechtsamt:verkehrssicherung",
            "rechtsamt:vergabe",
            "rechtsamt:mietsache",
            "rechtsamt:fahrzeugschaden",
            "rechtsamt:spielplatzunfall",
            "rechtsamt:nachbarstreit",
            "beschaffung:bauleistung",
            "beschaffung:it",
            "beschaffung:reinigung",
            "umweltamt:baumfaellung",
            "verkehrsbehoerde:baustelle",
        ),
        GENERAL,
        2.0,
    ),
    Matter(
        "familiengericht_kindschaft",
        ("familiengericht",),
        "familie",
        ("jugendamt:kindeswohl", "jugendamt:beistandschaft"),
        ("decision", "summons", "order", "court_request", "receipt"),
    ),
    Matter(
        "betreuungsgericht",
        ("betreuungsgericht",),
        "betreuung",
        ("sozialamt:betreuung",),
        ("decision", "summons", "order", "court_request", "receipt"),
    ),
    Matter(
        "insolvenzgericht_steuerforderung",
        ("insolvenzgericht",),
        "insolvenz",
        ("steueramt:insolvenz",),
        ("insolvency_notice", "court_request", "order", "receipt"),
    ),
    Matter(
        "vollstreckungsgericht_pfueb",
        ("vollstreckungsgericht",),
        "vollstreckung",
        ("personalamt:pfaendung",),
        ("garnishment", "court_request", "receipt"),
    ),
    Matter(
        "bussgeldsache_verkehr",
        ("bussgeldgericht",),
        "owi",
        ("verkehrsbehoerde:verwarnungsgeld", "verkehrsbehoerde:geschwindigkeit"),
        ("decision", "summons", "order", "court_request", "receipt"),
    ),
    Matter(
        "bussgeldsache_sonstige",
        ("bussgeldgericht",),
        "owi",
        (
            "ordnungsamt:laerm",
            "ordnungsamt:gefaehrlicher_hund",
            "ordnungsamt:gewerbe",
            "ordnungsamt:sondernutzung",
            "umweltamt:abfall",
        ),
        ("decision", "summons", "order", "court_request", "receipt"),
    ),
)
BY_KEY = {m.key: m for m in MATTERS}


def route_of(matter: str, policy: Mapping[str, str]) -> str:
    """The route a matter's mail goes to under a court routing policy."""
    return policy.get(matter, policy[DEFAULT])


def check_policy(policy: Mapping[str, str]) -> list[str]:
    """Problems of a court routing policy (unknown matters, no default); empty if fine."""
    problems = [
        f"court_routes: unknown court matter '{k}' (known: {', '.join(BY_KEY)})"
        for k in policy
        if k != DEFAULT and k not in BY_KEY
    ]
    if DEFAULT not in policy:
        problems.append("court_routes: needs a 'default' route")
    return problems


def matters_for(route: str, policy: Mapping[str, str]) -> tuple[Matter, ...]:
    """The matters whose mail goes to `route`."""
    return tuple(m for m in MATTERS if route_of(m.key, policy) == route)


def matter_topics(matter: Matter) -> tuple[Topic, ...]:
    """The topics a matter's proceedings can be about."""
    found: list[Topic] = []
    for spec in matter.topics:
        route, _, key = spec.partition(":")
        found += [t for t in BY_ROUTE.get(route, ()) if not key or t.key == key]
    return tuple(found)


def styles_for(route: str, policy: Mapping[str, str]) -> tuple[str, ...]:
    """The writers usable for court mail of a route, in a stable order."""
    wanted = {s for m in matters_for(route, policy) for s in m.styles}
    return tuple(s for s in WRITERS if s in wanted)


def pick_style(styles: tuple[str, ...], rng: random.Random) -> str:
    """One of `styles`, by STYLE_WEIGHTS."""
    return rng.choices(styles, weights=[STYLE_WEIGHTS.get(s, 1.0) for s in styles])[0]


def draw(route: str, style: str, policy: Mapping[str, str], rng: random.Random) -> tuple[Matter, Topic]:
    """A matter of `route` that suits `style` (by weight), and one of its topics."""
    options = [m for m in matters_for(route, policy) if style in m.styles and matter_topics(m)]
    if not options:
        raise ValueError(f"no court matter for route {route!r} and style {style!r}")
    matter = rng.choices(options, weights=[m.weight for m in options])[0]
    return matter, rng.choice(matter_topics(matter))


# --- who is who in the proceedings -------------------------------------------------------

# The subject of proceedings as a court names it ("wegen ..."), where the topic's own
# `case` is missing or does not fit.
WEGEN = {
    "gefaehrlicher_hund": "wegen Feststellung der Gefährlichkeit eines Hundes",
    "laerm": "wegen Ordnungswidrigkeit nach dem Immissionsschutzrecht (Ruhestörung)",
    "gewerbe": "wegen Ordnungswidrigkeit nach der Gewerbeordnung",
    "sondernutzung": "wegen unerlaubter Sondernutzung öffentlicher Verkehrsflächen",
    "abfall": "wegen Ordnungswidrigkeit nach dem Kreislaufwirtschaftsgesetz",
    "verwarnungsgeld": "wegen Verkehrsordnungswidrigkeit (Parkverstoß)",
    "kitaplatz": "wegen Nachweises eines Betreuungsplatzes (§ 24 SGB VIII)",
    "schwarzbau": "wegen bauaufsichtlicher Nutzungsuntersagung",
    "abriss": "wegen Beseitigungsanordnung",
    "stelle": "wegen Konkurrentenstreits um eine Stelle",
    "elternzeit": "wegen Teilzeit während der Elternzeit",
    "baustelle": "wegen Schadensersatz nach Baumaßnahmen im Straßenraum",
    "schulanmeldung": "wegen Schadensersatz nach einem Unfall auf dem Schulgelände",
    "baumfaellung": "wegen Schadensersatz nach einem Astbruch",
    "bauleistung": "wegen Werklohn",
    "it": "wegen Vergütung aus einem IT-Dienstleistungsvertrag",
    "reinigung": "wegen Vergütung aus einem Reinigungsvertrag",
}
# Norms a court cites per office of the topic (administrative and civil reasoning).
NORMS = {
    "buergeramt": ("§ 17 BMG", "§ 3 PAuswG", "§ 51 BMG", "§ 1 PassG"),
    "standesamt": ("§ 48 PStG", "§ 21 PStG", "§ 1355 BGB", "§ 47 PStG"),
    "ordnungsamt": ("§ 14 GewO", "§ 35 GewO", "§ 1 LImSchG", "§ 117 OWiG", "§ 3 GefHundG"),
    "verkehrsbehoerde": ("§ 45 Abs. 1 StVO", "§ 46 Abs. 1 StVO", "§ 12 StVO", "§ 24 StVG", "§ 31a StVZO"),
    "steueramt": (
        "§ 3 KAG",
        "§ 2 KAG i. V. m. der Hundesteuersatzung",
        "§ 25 GrStG",
        "§ 16 GewStG",
        "§ 155 AO",
        "§ 222 AO",
        "§ 227 AO",
    ),
    "sozialamt": (
        "§ 41 SGB XII",
        "§ 61 SGB XII",
        "§ 19 SGB XII",
        "§ 4 WoGG",
        "§ 14 WoGG",
        "§ 48 SGB X",
        "§ 45 SGB X",
        "§ 34 SGB XII",
    ),
    "jugendamt": (
        "§ 24 Abs. 3 SGB VIII",
        "§ 90 SGB VIII",
        "§ 1 UVG",
        "§ 8a SGB VIII",
        "§ 1666 BGB",
        "§ 1684 BGB",
    ),
    "bauamt": (
        "§ 34 BauGB",
        "§ 35 BauGB",
        "§ 29 BauGB",
        "§ 6 der Landesbauordnung",
        "§ 80 der Landesbauordnung",
        "§ 1 DSchG",
    ),
    "umweltamt": ("§ 29 BNatSchG", "§ 3 der Baumschutzsatzung", "§ 17 KrWG", "§ 22 BImSchG", "§ 8 WHG"),
    "schulamt": (
        "§ 4 des Schulgesetzes",
        "§ 29 der Schülerbeförderungssatzung",
        "§ 25 des Schulgesetzes",
        "§ 2 SchulFG",
    ),
    "personalamt": (
        "§ 1 KSchG",
        "§ 4 KSchG",
        "§ 626 BGB",
        "§ 3 EFZG",
        "§ 15 BEEG",
        "§ 12 TVöD",
        "§ 611a BGB",
        "Art. 33 Abs. 2 GG",
    ),
    "rechtsamt": (
        "§ 839 BGB i. V. m. Art. 34 GG",
        "§ 823 Abs. 1 BGB",
        "§ 253 Abs. 2 BGB",
        "§ 1 IFG",
        "Art. 15 DSGVO",
        "§ 535 BGB",
    ),
    "beschaffung": ("§ 631 BGB", "§ 641 BGB", "§ 16 VOB/B", "§ 286 BGB", "§ 288 BGB"),
}
PROCEDURE_NORMS = {
    "verwaltung": (
        "§ 42 Abs. 1 VwGO",
        "§ 113 Abs. 1 Satz 1 VwGO",
        "§ 113 Abs. 5 VwGO",
        "§ 68 VwGO",
        "§ 74 VwGO",
        "§ 154 Abs. 1 VwGO",
        "§ 167 VwGO",
        "§ 80 Abs. 5 VwGO",
        "§ 124a Abs. 1 VwGO",
        "§ 84 VwGO",
        "§ 114 Satz 1 VwGO",
    ),
    "sozial": (
        "§ 54 Abs. 1 SGG",
        "§ 54 Abs. 4 SGG",
        "§ 87 SGG",
        "§ 105 SGG",
        "§ 193 SGG",
        "§ 144 SGG",
        "§ 86b Abs. 2 SGG",
    ),
    "arbeit": (
        "§ 46 Abs. 2 ArbGG",
        "§ 61 ArbGG",
        "§ 64 ArbGG",
        "§ 12a ArbGG",
        "§ 91 ZPO",
        "§ 46 ArbGG i. V. m. § 495 ZPO",
    ),
    "zivil": (
        "§ 71 Abs. 2 Nr. 2 GVG",
        "§ 91 ZPO",
        "§ 92 ZPO",
        "§ 708 Nr. 11 ZPO",
        "§ 709 ZPO",
        "§ 286 ZPO",
        "§ 253 ZPO",
    ),
    "familie": (
        "§ 151 FamFG",
        "§ 155 FamFG",
        "§ 158 FamFG",
        "§ 162 FamFG",
        "§ 1626 BGB",
        "§ 1684 BGB",
        "§ 1671 BGB",
        "§ 50 SGB VIII",
        "§ 81 FamFG",
    ),
    "betreuung": (
        "§ 1814 BGB",
        "§ 1815 BGB",
        "§ 1816 BGB",
        "§ 271 FamFG",
        "§ 278 FamFG",
        "§ 279 FamFG",
        "§ 11 BtOG",
        "§ 12 BtOG",
    ),
    "insolvenz": (
        "§ 27 InsO",
        "§ 28 InsO",
        "§ 29 InsO",
        "§ 174 InsO",
        "§ 175 InsO",
        "§ 87 InsO",
        "§ 38 InsO",
    ),
    "vollstreckung": ("§ 829 ZPO", "§ 835 ZPO", "§ 840 ZPO", "§ 850c ZPO", "§ 850e ZPO"),
    "owi": (
        "§ 67 OWiG",
        "§ 69 OWiG",
        "§ 71 OWiG",
        "§ 72 OWiG",
        "§ 77 OWiG",
        "§ 47 Abs. 2 OWiG",
        "§ 46 OWiG i. V. m. § 261 StPO",
        "§ 24 StVG",
        "§ 17 OWiG",
    ),
}
CHAMBER = {
    "verwaltung": "Kammer",
    "sozial": "Kammer",
    "arbeit": "Kammer",
    "zivil": "Zivilkammer",
    "familie": "Abteilung für Familiensachen",
    "betreuung": "Abteilung",
    "insolvenz": "Abteilung",
    "vollstreckung": "Abteilung",
    "owi": "Abteilung",
}
PROCEEDINGS = {
    "verwaltung": (
        "In der Verwaltungsrechtssache",
        "In dem verwaltungsgerichtlichen Verfahren",
        "In der Verwaltungsstreitsache",
    ),
    "sozial": ("In dem Rechtsstreit", "In dem sozialgerichtlichen Verfahren"),
    "arbeit": ("In dem Rechtsstreit", "In Sachen"),
    "zivil": ("In dem Rechtsstreit", "In Sachen"),
    "familie": ("In der Familiensache", "In der Kindschaftssache"),
    "betreuung": ("In der Betreuungssache", "In dem Betreuungsverfahren"),
    "insolvenz": ("In dem Insolvenzverfahren",),
    "vollstreckung": ("In der Zwangsvollstreckungssache",),
    "owi": ("In der Bußgeldsache", "In dem Bußgeldverfahren"),
}


@dataclass
class Case:
    """The proceedings of one item: court, file number, parties and what they are about."""

    matter: Matter
    court: Party
    kind: str  # court kind
    az: str
    wegen: str
    claimant: str  # the private party, with role ("Frau Erika Müller – Klägerin –")
    city_party: str  # the city as party
    counsel: str  # the private party's lawyer ("" if none)
    city_wins: bool


def _role(c: Ctx, matter: Matter) -> tuple[str, str]:
    """The roles of the private party and of the city in the proceedings."""
    f = c.me.gender == "f"
    return {
        "familie": ("Kindesmutter" if f else "Kindesvater", "beteiligtes Jugendamt"),
        "betreuung": ("Betroffene" if f else "Betroffener", "Betreuungsbehörde"),
        "insolvenz": ("Schuldnerin" if f else "Schuldner", "Gläubigerin"),
        "vollstreckung": ("Schuldnerin" if f else "Schuldner", "Drittschuldnerin"),
        "owi": ("Betroffene" if f else "Betroffener", "Verwaltungsbehörde"),
    }.get(matter.procedure, ("Klägerin" if f else "Kläger", "Beklagte"))


def case_for(c: Ctx, matter: Matter) -> Case:
    """Draw the court, file number and parties of the item's proceedings."""
    kind = c.rng.choice(matter.courts)
    court = pp.court(c.rng, kind, c.town)
    az = pp.court_az(c.rng, kind, c.received.year)
    wegen = WEGEN.get(c.topic.key) or c.f(c.topic.case) or f"wegen {c.topic.name}"
    if matter.procedure == "verwaltung" and c.topic.bescheid and c.chance(0.3):
        wegen = f"wegen {c.topic.name} ({c.topic.bescheid} vom {c.s['bdate']})"
    mine, theirs = _role(c, matter)
    rep = c.one(
        (
            "den Oberbürgermeister",
            "die Oberbürgermeisterin",
            "den Magistrat",
            "den Oberbürgermeister, dieser vertreten durch das Rechtsamt",
        )
    )
    city_party = (
        c.one(
            (
                f"{c.town.titles[0]}, vertreten durch {rep}, {', '.join(pp.city_address(c.rng, c.town))}",
                f"die {c.town.titles[0]}, {', '.join(pp.city_address(c.rng, c.town))}",
                f"{c.town.titles[0]} – {c.dept or 'Rechtsamt'} –, {', '.join(pp.city_address(c.rng, c.town))}",
            )
        )
        + f" – {theirs} –"
    )
    claimant = f"{c.me.formal}, {', '.join(c.me.address)} – {mine} –"
    counsel = ""
    if matter.procedure not in ("insolvenz", "vollstreckung") and c.chance(0.6):
        firm = pp.law_firm(c.rng, c.town)
        counsel = (
            f"{c.one(('Prozessbevollmächtigte', 'Verfahrensbevollmächtigte', 'Bevollmächtigte'))}: "
            f"{firm.name}, {', '.join(firm.address)}"
        )
    c.s["court"] = court.name
    c.s["az"] = az
    return Case(matter, court, kind, az, wegen, claimant, city_party, counsel, c.chance(0.55))


def _court_refs(c: Ctx, case: Case) -> tuple[tuple[str, str], ...]:
    refs: tuple[tuple[str, str], ...] = (("Aktenzeichen", case.az),)
    if c.chance(0.5):
        refs = (*refs, ("Ihr Zeichen", c.refs[0][1]))
    if c.chance(0.3):
        refs = (*refs, ("Bitte bei allen Schreiben angeben", case.az))
    return refs


SERVICE = (
    "Zustellung gegen Empfangsbekenntnis",
    "Förmliche Zustellung",
    "Gegen Empfangsbekenntnis",
    "Per Telefax vorab",
    "Beglaubigte Abschrift",
    "Zustellung durch die Post mit Zustellungsurkunde",
    "Elektronisch übermittelt über das beBPo",
    "",
)
CLERK_FOOTER = ("Auf Anordnung", "Beglaubigt", "Ausgefertigt", "")


def _rubrum(c: Ctx, case: Case) -> list[Block]:
    """The head of court documents: proceedings, parties and subject."""
    blocks: list[Block] = [Paragraph(c.one(PROCEEDINGS[case.matter.procedure]))]
    if case.matter.procedure == "familie":
        blocks += paras(
            f"betreffend das Kind {c.s['child']}, geb. {c.s['child_birth']}",
            "Beteiligte:",
            f"1. {case.claimant}",
            f"2. {c.s['partner']} – weiterer Elternteil –",
            f"3. Jugendamt der {c.town.titles[0]} – beteiligtes Jugendamt –",
        )
    elif case.matter.procedure == "betreuung":
        blocks += paras(
            f"für {c.s['client']}, wohnhaft {c.s['site']}, {c.town.name} – Betroffene(r) –",
            f"weitere Beteiligte: Betreuungsbehörde der {c.town.titles[0]}",
        )
    elif case.matter.procedure in ("insolvenz", "vollstreckung"):
        blocks += paras(
            f"über das Vermögen von {case.claimant}"
            if case.matter.procedure == "insolvenz"
            else f"{c.s['partner']} – Gläubiger(in) – gegen {case.claimant}"
        )
    elif case.matter.procedure == "owi":
        blocks += paras(
            f"gegen {case.claimant}", f"Verwaltungsbehörde: {c.town.titles[0]} – {c.dept or 'Bußgeldstelle'}"
        )
    else:
        blocks += paras(case.claimant)
        if case.counsel:
            blocks += paras(case.counsel)
        blocks += paras("gegen", case.city_party)
    blocks += paras(c.f(case.wegen))
    return blocks


def _court_doc(
    c: Ctx, case: Case, body: list[Block], title: str, subject: str = "", layout: Layout = "letter"
) -> Document:
    service = c.one(SERVICE)
    lead = paras(service) if service and layout == "letter" else []
    return doc(
        c,
        [*lead, *body],
        sender=case.court,
        refs=_court_refs(c, case),
        title=title,
        subject=subject,
        signature=case.court.person,
        closing=c.one(CLERK_FOOTER),
        place=case.court.address[-1].split(" ", 1)[1],
        layout=layout,
    )


def _matter(c: Ctx) -> Matter:
    return BY_KEY[c.s["matter"]]


# --- short court letters -----------------------------------------------------------------


def summons(c: Ctx) -> Document:
    """A summons to an oral hearing (Ladung), or to a hearing of the persons concerned."""
    case = case_for(c, _matter(c))
    when = c.received + dt.timedelta(days=c.rng.randint(20, 90))
    what = {
        "familie": "Termin zur Anhörung und Erörterung (§ 155 Abs. 2 FamFG)",
        "betreuung": "Termin zur persönlichen Anhörung der betroffenen Person (§ 278 FamFG)",
        "owi": "Termin zur Hauptverhandlung",
    }.get(case.matter.procedure, "Termin zur mündlichen Verhandlung")
    body = _rubrum(c, case) + paras(
        f"{what} wird bestimmt auf {pp.long_date(when)}, {c.rng.randint(8, 15)}:"
        f"{c.rng.choice(('00', '15', '30', '45'))} Uhr, Saal {c.rng.choice(('', 'E '))}"
        f"{c.rng.randint(1, 240)}, {case.court.address[0]}.",
        c.one(
            (
                "Zu diesem Termin wird die Beteiligte geladen.",
                "Das persönliche Erscheinen eines Vertreters mit Entscheidungsbefugnis wird angeordnet.",
                "Die Beteiligten werden hiermit geladen.",
                "Eine Vertreterin oder ein Vertreter des Jugendamts soll am Termin teilnehmen."
                if case.matter.procedure == "familie"
                else "Die Verwaltungsakten sind bis spätestens eine Woche vor dem Termin vorzulegen.",
            )
        ),
        c.one(
            (
                "Auch im Falle des Ausbleibens kann verhandelt und entschieden werden.",
                "Bitte bringen Sie diese Ladung und einen amtlichen Lichtbildausweis mit.",
                "Die Sitzungssäle sind barrierefrei erreichbar. Bitte planen Sie Zeit für die "
                "Einlasskontrolle ein.",
            )
        ),
        c.one(
            (
                "Sprechzeiten der Geschäftsstelle: Montag bis Freitag 9:00 bis 12:00 Uhr.",
                "Die Geschäftsstelle ist montags bis donnerstags von 8:30 bis 15:00 Uhr erreichbar.",
                "",
            )
        ),
    )
    return _court_doc(c, case, body, c.one(("Ladung", "Terminsladung", "Ladung zum Termin", "")))


def order(c: Ctx) -> Document:
    """A short court order (Beschluss) with operative part and brief reasons."""
    case = case_for(c, _matter(c))
    proc = case.matter.procedure
    tenor = {
        "familie": (
            "Das Jugendamt wird gemäß § 162 FamFG am Verfahren beteiligt.",
            "Dem Kind wird eine Verfahrensbeiständin bestellt.",
            "Der Umgang des Kindesvaters mit dem Kind wird vorläufig auf begleitete Kontakte beschränkt.",
        ),
        "betreuung": (
            "Für die betroffene Person wird eine vorläufige Betreuerin bestellt.",
            "Die Betreuungsbehörde wird um einen Sozialbericht gebeten.",
            "Die Betreuung wird um den Aufgabenbereich Vermögenssorge erweitert.",
        ),
        "insolvenz": (
            "Über das Vermögen des Schuldners wird das Insolvenzverfahren eröffnet.",
            "Zum Insolvenzverwalter wird Rechtsanwalt {partner} bestellt.",
            "Die Forderungen sind bis zum {deadline} beim Insolvenzverwalter anzumelden.",
        ),
        "owi": (
            "Das Verfahren wird gemäß § 47 Abs. 2 OWiG eingestellt.",
            "Die Kosten des Verfahrens trägt die Staatskasse.",
            "Der Einspruch wird als unzulässig verworfen.",
        ),
    }.get(
        proc,
        (
            "Der Streitwert wird auf {amount} festgesetzt.",
            "Der Antrag auf Erlass einer einstweiligen Anordnung wird abgelehnt.",
            "Das Verfahren wird ausgesetzt.",
            "Der Beklagten wird aufgegeben, die Behördenakte binnen drei Wochen vorzulegen.",
            "Die aufschiebende Wirkung der Klage wird angeordnet.",
            "Das Verfahren wird nach übereinstimmender Erledigungserklärung eingestellt.",
        ),
    )
    norms = PROCEDURE_NORMS[proc]
    body = _rubrum(c, case) + paras(
        c.one(
            (
                "hat das Gericht beschlossen:",
                "ergeht folgender Beschluss:",
                f"hat die {c.rng.randint(1, 12)}. {CHAMBER[proc]} durch {case.court.person.split(',')[0]} "
                f"am {c.s['date']} beschlossen:",
            )
        ),
        *c.some(tenor, 1, 2),
        "Gründe: "
        + joined(
            [
                c.one(
                    (
                        f"Die Entscheidung beruht auf {c.rng.choice(norms)}.",
                        f"Rechtsgrundlage ist {c.rng.choice(norms)}.",
                    )
                ),
                c.one(
                    (
                        "Die Voraussetzungen liegen nach Aktenlage vor.",
                        "Ein Anordnungsanspruch ist nicht glaubhaft gemacht.",
                        "Die Beteiligten hatten Gelegenheit zur Stellungnahme.",
                        "Die Maßnahme ist erforderlich und verhältnismäßig.",
                    )
                ),
            ]
        ),
    )
    return _court_doc(c, case, body, "Beschluss")


def court_request(c: Ctx) -> Document:
    """A court's letter asking the city for files, a statement or a report, with a deadline."""
    case = case_for(c, _matter(c))
    ask = {
        "familie": (
            "das Jugendamt wird gebeten, zu der Frage des Umgangs und der elterlichen Sorge "
            "Stellung zu nehmen und an der Anhörung mitzuwirken (§ 162 FamFG, § 50 SGB VIII).",
            "das Gericht bittet um einen Bericht des Jugendamts zur Lebenssituation des "
            "Kindes und zu Anhaltspunkten für eine Kindeswohlgefährdung (§ 50 SGB VIII, "
            "§ 162 FamFG).",
            "Sie erhalten die Antragsschrift zur Kenntnis. Es wird gebeten mitzuteilen, ob "
            "das Jugendamt die Beteiligung am Verfahren beantragt (§ 162 Abs. 2 FamFG).",
        ),
        "betreuung": (
            "die Betreuungsbehörde wird gemäß § 279 Abs. 2 FamFG um einen Sozialbericht "
            "gebeten, insbesondere zu vorrangigen Hilfen und zur Person eines geeigneten "
            "Betreuers.",
            "es wird um Mitteilung gebeten, ob eine ehrenamtliche Betreuerin "
            "oder ein ehrenamtlicher Betreuer vorgeschlagen werden kann.",
            "bitte teilen Sie mit, ob andere Hilfen, bei denen kein Betreuer bestellt wird, ausreichen.",
        ),
        "insolvenz": (
            "Sie werden gebeten, Ihre Forderungen aus Steuern und Abgaben unter Angabe von "
            "Grund und Betrag schriftlich beim Insolvenzverwalter anzumelden (§ 174 InsO).",
            "die Gläubigerin wird aufgefordert, mitzuteilen, ob Sicherungsrechte an "
            "Gegenständen des Schuldners beansprucht werden.",
        ),
        "vollstreckung": (
            "Sie werden als Drittschuldnerin aufgefordert, binnen zwei Wochen die "
            "Erklärung nach § 840 Abs. 1 ZPO abzugeben.",
            "bitte teilen Sie mit, ob und in welcher Höhe Sie die gepfändete "
            "Forderung als begründet anerkennen und zur Zahlung bereit sind.",
        ),
        "owi": (
            "nach Einspruch des Betroffenen gegen den Bußgeldbescheid vom {bdate} werden Sie "
            "gebeten, die vollständige Verfahrensakte einschließlich der Messunterlagen und "
            "Lichtbilder zu übersenden.",
            "das Gericht bittet um Übersendung des Messprotokolls, "
            "des Eichscheins und der Schulungsnachweise des Messpersonals.",
            "bitte teilen Sie mit, ob einer Einstellung des Verfahrens nach § 47 Abs. 2 OWiG "
            "zugestimmt wird.",
        ),
    }.get(
        case.matter.procedure,
        (
            "anliegende Klageschrift wird zugestellt. Es wird Gelegenheit zur Klageerwiderung gegeben.",
            "in obiger Sache erhalten Sie die Antragsschrift zur Kenntnis und Stellungnahme.",
            "die Beklagte wird gebeten, die vollständigen Verwaltungsvorgänge vorzulegen.",
            "das Gericht weist darauf hin, dass es beabsichtigt, durch Gerichtsbescheid zu entscheiden.",
            "es wird angeregt, eine gütliche Einigung zu prüfen.",
        ),
    )
    body = _rubrum(c, case) + paras(
        c.one(("Sehr geehrte Damen und Herren,", "")),
        c.one(ask),
        c.one(
            (
                "Frist: {deadline}.",
                "Hierfür wird eine Frist bis zum {deadline} gesetzt.",
                "Um Erledigung bis zum {deadline} wird gebeten.",
            )
        ),
        c.one(
            (
                "Das beiliegende Empfangsbekenntnis ist unterschrieben zurückzusenden.",
                "Bitte geben Sie bei allen Schreiben das Aktenzeichen an.",
                "Eingaben können auch elektronisch über das besondere elektronische "
                "Behördenpostfach eingereicht werden.",
                "",
            )
        ),
    )
    if c.chance(0.35):
        c.enclosures.append(receipt_form(c, case))
    return _court_doc(
        c,
        case,
        body,
        c.one(("Verfügung", "", "Aufforderung")),
        subject=c.one(("", "Anforderung der Akten", "Bitte um Stellungnahme")),
    )


def settlement(c: Ctx) -> Document:
    """A settlement proposal of the court."""
    case = case_for(c, _matter(c))
    body = _rubrum(c, case) + paras(
        c.one(
            (
                "Das Gericht unterbreitet den Beteiligten folgenden Vergleichsvorschlag:",
                "Zur gütlichen Beilegung des Rechtsstreits schlägt das Gericht gemäß § 278 Abs. 6 ZPO "
                "folgenden Vergleich vor:",
            )
        )
    )
    body.append(
        Bullets(
            (
                c.f("1. Die Beklagte zahlt an die Klagepartei {amount}."),
                c.one(
                    (
                        "2. Damit sind alle Ansprüche aus dem Rechtsstreit erledigt.",
                        "2. Die Klägerseite nimmt die Klage im Übrigen zurück.",
                    )
                ),
                c.one(
                    (
                        "3. Die Kosten werden gegeneinander aufgehoben.",
                        "3. Von den Kosten trägt die Beklagte die Hälfte.",
                    )
                ),
            )
        )
    )
    body += paras(
        c.one(
            (
                "Um Mitteilung binnen drei Wochen, ob der Vorschlag angenommen wird, wird gebeten.",
                "Das Gericht hält den Vorschlag nach vorläufiger Würdigung für angemessen.",
            )
        )
    )
    return _court_doc(c, case, body, "Vergleichsvorschlag")


def cost_order(c: Ctx) -> Document:
    """An order fixing the costs to be reimbursed."""
    case = case_for(c, _matter(c))
    rows = (
        ("Verfahrensgebühr Nr. 3100 VV RVG", pp.money(c.rng.uniform(90, 900), unit="EUR")),
        ("Terminsgebühr Nr. 3104 VV RVG", pp.money(c.rng.uniform(80, 800), unit="EUR")),
        ("Post- und Telekommunikationspauschale", pp.money(20, unit="EUR")),
        ("19 % Umsatzsteuer", pp.money(c.rng.uniform(30, 300), unit="EUR")),
    )
    body: list[Block] = _rubrum(c, case) + paras(
        "Die von der Beklagten zu erstattenden Kosten werden wie folgt festgesetzt:"
    )
    body.append(Table(("Position", "Betrag"), rows))
    body += paras(
        "Der Betrag ist ab Antragstellung mit 5 Prozentpunkten über dem Basiszinssatz zu verzinsen.",
        "Gegen diesen Beschluss ist die Erinnerung binnen zwei Wochen gegeben.",
    )
    return _court_doc(c, case, body, "Kostenfestsetzungsbeschluss")


def receipt_form(c: Ctx, case: Case) -> Document:
    """An Empfangsbekenntnis form to be returned to the court."""
    body: list[Block] = [
        Fields(
            "Empfangsbekenntnis",
            (
                ("Aktenzeichen", case.az),
                ("Gericht", case.court.name),
                ("Zugestellt am", ""),
                ("Schriftstück", c.one(("Verfügung", "Klageschrift", "Urteil", "Beschluss", "Ladung"))),
            ),
        ),
        Paragraph("Das oben bezeichnete Schriftstück habe ich heute erhalten."),
        Paragraph(
            c.one(
                (
                    "Zurück an die Geschäftsstelle.",
                    "Bitte unverzüglich zurücksenden.",
                    "Rücksendung per Fax genügt.",
                )
            )
        ),
    ]
    return _court_form(c, case, body, "Empfangsbekenntnis")


def _court_form(c: Ctx, case: Case, body: list[Block], title: str) -> Document:
    """A form the court sends with its letter, to be filled in and returned."""
    place = case.court.address[-1].split(" ", 1)[1]
    return Document("form", case.court, None, c.date, place, (), "", "", tuple(body), "", "", title=title)


def receipt(c: Ctx) -> Document:
    """An Empfangsbekenntnis sent alone, with a short cover note."""
    case = case_for(c, _matter(c))
    form = receipt_form(c, case)
    body = [
        Paragraph(
            c.one(
                (
                    "Zustellung gegen Empfangsbekenntnis",
                    "Empfangsbekenntnis nach § 173 ZPO",
                    "Elektronisches Empfangsbekenntnis – Papierersatz",
                )
            )
        ),
        *_rubrum(c, case)[:1],
        Paragraph(c.f(case.wegen)),
        *form.body,
    ]
    return Document(
        "form",
        case.court,
        c.city(),
        c.date,
        form.place,
        _court_refs(c, case),
        "",
        "",
        tuple(body),
        "",
        "",
        title="Empfangsbekenntnis",
    )


# --- lawyers ----------------------------------------------------------------------------


def claim(c: Ctx) -> Document:
    """A lawyer's statement of claim against the city, copy served via the court."""
    case = case_for(c, _matter(c))
    firm = pp.law_firm(c.rng, c.town)
    body = paras(
        f"An das {case.court.name}",
        *(p.text for p in _rubrum(c, case) if isinstance(p, Paragraph)),
        "erheben wir namens und in Vollmacht der Klagepartei Klage und werden beantragen:",
    )
    body.append(
        Bullets(
            (
                c.one(
                    (
                        "1. Die Beklagte wird verurteilt, an den Kläger {amount} nebst Zinsen zu zahlen.",
                        "1. Der Bescheid der Beklagten vom {bdate} in "
                        "Gestalt des Widerspruchsbescheids wird aufgehoben.",
                        "1. Die Beklagte wird verpflichtet, den beantragten Verwaltungsakt zu erlassen.",
                        "1. Es wird festgestellt, dass das Arbeitsverhältnis "
                        "durch die Kündigung vom {past} nicht aufgelöst worden ist.",
                    )
                ),
                "2. Die Beklagte trägt die Kosten des Rechtsstreits.",
            )
        )
    )
    facts = c.topic.facts or c.topic.grounds or (case.wegen,)
    body += paras(
        "Begründung:",
        c.one(("Der Klage liegt folgender Sachverhalt zugrunde:", "I. Sachverhalt")),
        f"{_third(c, c.f(c.rng.choice(facts)))}",
        c.one(("II. Rechtliche Würdigung", "Die Klage ist zulässig und begründet.")),
        f"Der Anspruch folgt aus {c.rng.choice(_norms(c, case.matter))}.",
        "Beweis: Zeugnis N. N.; Vorlage der Verwaltungsakte.",
    )
    return doc(
        c,
        body,
        sender=firm,
        refs=(("Unser Zeichen", f"{c.rng.randint(10, 999)}/{c.received.year % 100}"),),
        title="Klage",
        signature=firm.person,
        closing="",
        recipient=None,
    )


def _third(c: Ctx, text: str) -> str:
    """A first-person sentence retold as the party's statement."""
    who = "Die Klägerin" if c.me.gender == "f" else "Der Kläger"
    pron = "Sie" if c.me.gender == "f" else "Er"
    lead = c.one(
        (
            f"{who} trägt vor: ",
            f"{pron} macht geltend: ",
            f"{who} führt aus: ",
            f"Im Widerspruchsverfahren schrieb {who.lower()}: ",
            "Wörtlich heißt es in der Begründung: ",
            f"{pron} trägt insoweit vor: ",
        )
    )
    return f"{lead}„{text}“"


def genitive(noun_phrase: str) -> str:
    """ "Bescheid über X" -> "Bescheids über X" (the first word in the genitive)."""
    first, _, rest = noun_phrase.partition(" ")
    if first.lower().endswith("bescheid"):
        first += "s"
    return f"{first} {rest}".strip()


def demand(c: Ctx) -> Document:
    """A lawyer's letter before action with a deadline."""
    firm = pp.law_firm(c.rng, c.town)
    facts = c.topic.facts or c.topic.grounds or c.topic.problems or (c.topic.name,)
    body = paras(
        c.one(
            (
                "wir zeigen an, dass wir {me_formal} anwaltlich vertreten.",
                "in der oben genannten Angelegenheit vertreten wir {me_formal}.",
                "unter Vorlage einer auf uns lautenden Vollmacht zeigen wir die Vertretung "
                "von {me_formal} an.",
            )
        ),
        f"Zum Sachverhalt: {_third(c, c.f(c.one(facts)))}",
        c.one(
            (
                "Wir fordern Sie auf, den Anspruch bis zum {deadline} dem Grunde nach anzuerkennen.",
                "Sollte bis zum {deadline} keine Einigung erzielt "
                "werden, werden wir ohne weitere Ankündigung Klage erheben.",
                "Wir bitten um Bestätigung, dass die Angelegenheit Ihrer "
                "Haftpflichtversicherung gemeldet wurde.",
                "Wir beantragen Akteneinsicht und behalten uns gerichtliche Schritte vor.",
            )
        ),
        c.one(("Eine Vollmacht liegt bei.", "Die Vollmacht wird anwaltlich versichert.")),
    )
    refs = (("Unser Zeichen", f"{c.rng.randint(10, 999)}/{c.received.year % 100}"), *c.refs)
    return doc(
        c,
        body,
        sender=firm,
        refs=refs,
        subject=f"{c.me.name} ./. {c.town.titles[0]} – {c.topic.name}",
        salutation="Sehr geehrte Damen und Herren,",
        closing="Mit freundlichen Grüßen",
        signature=firm.person,
    )


def pleading(c: Ctx) -> Document:
    """A lawyer's brief in pending proceedings, sent to the court with a copy for the city."""
    case = case_for(c, _matter(c))
    firm = pp.law_firm(c.rng, c.town)
    norms = _norms(c, case.matter)
    body = paras(
        f"An das {case.court.name}",
        f"In Sachen {c.me.name} ./. {c.town.titles[0]}",
        f"Az.: {case.az}",
        c.one(
            (
                "nehmen wir zur Klageerwiderung vom {past} wie folgt Stellung:",
                "replizieren wir auf den Schriftsatz der Beklagten vom {past}:",
                "wird der Vortrag der Beklagten bestritten, soweit er nicht ausdrücklich zugestanden wird.",
            )
        ),
        c.one(
            (
                "1. Entgegen der Auffassung der Beklagten ist der Bescheid rechtswidrig.",
                "1. Die Beklagte verkennt die Voraussetzungen von {n1}.",
                "1. Der Sachverhalt ist unstreitig; streitig ist allein die rechtliche Bewertung.",
            )
        ).replace("{n1}", c.rng.choice(norms)),
        _third(c, c.f(c.one(c.topic.grounds or c.topic.facts or (c.topic.name,)))),
        c.one(
            (
                "2. Im Übrigen wird auf den bisherigen Vortrag Bezug genommen.",
                "2. Beweis: Einholung eines Sachverständigengutachtens.",
                f"2. Hilfsweise wird geltend gemacht, dass {c.rng.choice(norms)} "
                "verfassungskonform auszulegen ist.",
            )
        ),
        c.one(("Beglaubigte und einfache Abschrift anbei.", "Abschrift für die Gegenseite anbei.", "")),
    )
    return doc(
        c,
        body,
        sender=firm,
        refs=(("Unser Zeichen", f"{c.rng.randint(10, 999)}/{c.received.year % 100}"),),
        title=c.one(("Schriftsatz", "", "Replik")),
        signature=firm.person,
        closing="",
        recipient=None,
    )


# --- proceedings that concern an office directly -----------------------------------------


def garnishment(c: Ctx) -> Document:
    """A Pfändungs- und Überweisungsbeschluss against an employee's wages; the city is the
    Drittschuldnerin and has to declare under § 840 ZPO."""
    case = case_for(c, _matter(c))
    creditor = pp.company_name(c.rng, c.rng.choice(("inkasso", "energie", "buero")), c.town)
    main = c.rng.uniform(400, 9000)
    rows = (
        ("Hauptforderung", pp.money(main, unit="EUR")),
        ("Zinsen bis Antragstellung", pp.money(main * 0.06, unit="EUR")),
        ("Kosten bisheriger Vollstreckung", pp.money(c.rng.uniform(20, 160), unit="EUR")),
        ("Kosten dieses Verfahrens", pp.money(c.rng.uniform(20, 60), unit="EUR")),
    )
    body: list[Block] = [Heading("Pfändungs- und Überweisungsbeschluss", large=True)]
    body += paras(
        f"In der Zwangsvollstreckungssache {creditor} – Gläubigerin – gegen {case.claimant}",
        f"Drittschuldnerin: {c.town.titles[0]}, {c.dept or 'Personalamt'}, "
        f"{', '.join(pp.city_address(c.rng, c.town))}",
        c.one(
            (
                "Nach dem Vollstreckungstitel kann die Gläubigerin beanspruchen:",
                "Wegen folgender Ansprüche wird die Zwangsvollstreckung betrieben:",
            )
        ),
    )
    body.append(Table(("Forderung", "Betrag"), rows))
    body += paras(
        c.one(
            (
                "Die angebliche Forderung des Schuldners gegen die Drittschuldnerin auf Zahlung des "
                "gesamten gegenwärtigen und künftigen Arbeitseinkommens wird gepfändet.",
                "Gepfändet wird das Arbeitseinkommen des Schuldners aus dem Arbeitsverhältnis bei der "
                "Drittschuldnerin einschließlich des Geldwertes von Sachbezügen.",
            )
        ),
        "Die Drittschuldnerin darf, soweit die Forderung gepfändet ist, an den Schuldner nicht mehr "
        "zahlen. Der Schuldner hat sich jeder Verfügung über die Forderung zu enthalten.",
        "Die gepfändete Forderung wird der Gläubigerin zur Einziehung überwiesen.",
        "Die Pfändungsfreigrenzen nach § 850c ZPO sind zu beachten.",
        c.one(
            (
                "Die Drittschuldnerin wird aufgefordert, binnen zwei Wochen nach Zustellung zu "
                "erklären, ob und inwieweit sie die Forderung anerkennt (§ 840 ZPO).",
                "Der Drittschuldnererklärung nach § 840 Abs. 1 ZPO sieht das Gericht binnen zwei "
                "Wochen entgegen.",
            )
        ),
    )
    c.enclosures.append(_third_party_form(c, case))
    return _court_doc(c, case, body, "", layout="letter")


def _third_party_form(c: Ctx, case: Case) -> Document:
    body: list[Block] = [
        Fields(
            "Drittschuldnererklärung nach § 840 ZPO",
            (
                ("Aktenzeichen", case.az),
                ("Schuldner/in", c.me.name),
                ("Die Forderung wird anerkannt", ""),
                ("Andere Pfändungen liegen vor", ""),
                ("Personalnummer", ""),
                ("Ansprechpartner/in Entgeltabrechnung", ""),
            ),
        ),
        Paragraph("Bitte ausgefüllt an das Vollstreckungsgericht und die Gläubigerin zurücksenden."),
    ]
    return _court_form(c, case, body, "Vordruck Drittschuldnererklärung")


def insolvency_notice(c: Ctx) -> Document:
    """The insolvency court tells the creditors that proceedings are open and asks for claims."""
    case = case_for(c, _matter(c))
    admin = pp.law_firm(c.rng, c.town)
    body: list[Block] = [Heading(c.one(("Eröffnungsbeschluss", "Beschluss")), large=True)]
    body += paras(
        f"In dem Insolvenzverfahren über das Vermögen {c.one(('des', 'der'))} {c.me.name}, "
        f"{', '.join(c.me.address)}",
        f"wird heute, am {c.s['date']}, um {c.rng.randint(8, 16)}:{c.rng.choice(('00', '15', '30'))} "
        "Uhr, das Insolvenzverfahren eröffnet, weil der Schuldner zahlungsunfähig ist (§§ 16, 17 InsO).",
        f"Zum Insolvenzverwalter wird bestellt: {admin.person}, {admin.name}, {', '.join(admin.address)}.",
        "Die Insolvenzgläubiger werden aufgefordert, ihre Forderungen bis zum {deadline} unter "
        "Beachtung des § 174 InsO beim Insolvenzverwalter anzumelden.",
        c.one(
            (
                "Forderungen aus Steuern und Abgaben sind mit Kassenzeichen, Zeitraum und Betrag anzugeben.",
                "Der Anmeldung sollen die Urkunden, aus denen sich die Forderung ergibt, "
                "in Abdruck beigefügt werden.",
            )
        ),
        f"Berichtstermin und Prüfungstermin: {pp.long_date(c.received + dt.timedelta(days=60))}, "
        f"Saal {c.rng.randint(1, 120)}.",
        "Wer Verpflichtungen gegenüber dem Schuldner hat, darf nicht mehr an diesen leisten.",
    )
    return _court_doc(
        c, case, body, "", subject=c.one(("Öffentliche Bekanntmachung", "Mitteilung an die Gläubiger", ""))
    )


# --- long decisions ------------------------------------------------------------------------


def _norms(c: Ctx, matter: Matter) -> tuple[str, ...]:
    return NORMS.get(c.topic.route, ()) + PROCEDURE_NORMS[matter.procedure]


TATBESTAND_GENERAL = (
    "{Kl} wendet sich gegen {was} der Beklagten.",
    "Die Beteiligten streiten um {was}.",
    "{Kl} begehrt die Aufhebung des {bescheid} vom {bdate}.",
    "Mit Bescheid vom {bdate} setzte die Beklagte gegenüber {kl_dat} einen Betrag von {amount} fest.",
    "Hiergegen erhob {kl} mit Schreiben vom {past} Widerspruch, den die Beklagte mit "
    "Widerspruchsbescheid vom {wdate} zurückwies.",
    "Am {filed} hat {kl} Klage erhoben.",
    "Zur Begründung der Klage wird im Wesentlichen ausgeführt, die Beklagte habe den Sachverhalt "
    "nicht vollständig ermittelt.",
    "{Kl} ist der Auffassung, die angefochtene Entscheidung sei ermessensfehlerhaft.",
    "Die Beklagte verteidigt die angefochtene Entscheidung und verweist auf die Gründe des "
    "Widerspruchsbescheids.",
    "Die Beteiligten haben sich mit einer Entscheidung ohne mündliche Verhandlung einverstanden erklärt.",
    "Die Kammer hat den Rechtsstreit mit Beschluss vom {past} der Berichterstatterin als "
    "Einzelrichterin übertragen.",
    "Das Gericht hat die Beteiligten zu einer Entscheidung durch Gerichtsbescheid angehört.",
    "Wegen der weiteren Einzelheiten des Sach- und Streitstands wird auf die Gerichtsakte und die "
    "beigezogenen Verwaltungsvorgänge der Beklagten Bezug genommen.",
    "Im Termin zur mündlichen Verhandlung am {past} hat das Gericht die Sach- und Rechtslage mit "
    "den Beteiligten erörtert.",
    "Ein Antrag auf Aussetzung der Vollziehung blieb ohne Erfolg.",
    "Die Beklagte hat im Verlauf des Verfahrens ergänzende Unterlagen vorgelegt.",
)
TATBESTAND_SPECIAL = {
    "arbeit": (
        "{Kl} ist seit dem {since} bei der Beklagten als {job} beschäftigt.",
        "Das Arbeitsverhältnis richtet sich kraft arbeitsvertraglicher Bezugnahme nach dem TVöD.",
        "Mit Schreiben vom {past} kündigte die Beklagte das Arbeitsverhältnis "
        "ordentlich zum nächstmöglichen Termin.",
        "Der Personalrat wurde vor Ausspruch der Kündigung beteiligt.",
        "Eine Güteverhandlung am {past} blieb ohne Ergebnis.",
        "{Kl} hält die Kündigung für sozial ungerechtfertigt.",
    ),
    "sozial": (
        "{Kl} bezieht seit {since} Leistungen der Grundsicherung nach dem Vierten Kapitel des SGB XII.",
        "Die Beklagte berücksichtigte bei der Bedarfsberechnung nur die angemessenen Kosten der Unterkunft.",
        "{Kl} macht höhere Leistungen für die Zeit ab {past} geltend.",
        "Ein ärztliches Gutachten hat das Gericht von Amts wegen eingeholt.",
    ),
    "zivil": (
        "Am {past} ereignete sich auf der {site} ein Schadensfall, für den {kl} die Beklagte "
        "verantwortlich macht.",
        "{Kl} behauptet, die Beklagte habe ihre Verkehrssicherungspflicht verletzt.",
        "Die Beklagte bestreitet den Unfallhergang mit Nichtwissen.",
        "Das Gericht hat Beweis erhoben durch Vernehmung der Zeugen {partner} und {deceased}.",
        "Die Haftpflichtversicherung der Beklagten lehnte eine Regulierung mit Schreiben vom {past} ab.",
    ),
    "familie": (
        "Die Eltern des Kindes {child} leben seit {since} getrennt.",
        "Das Kind lebt im Haushalt der Mutter.",
        "Der Vater begehrt die Regelung des Umgangs.",
        "Das Jugendamt der Stadt hat am {past} berichtet und ein begleitetes Umgangsrecht empfohlen.",
        "Die Verfahrensbeiständin hat das Kind angehört und sich für regelmäßige Kontakte ausgesprochen.",
        "Das Kind wurde vom Gericht in Abwesenheit der Eltern persönlich angehört.",
        "Die Mutter befürchtet, das Kind werde bei den Besuchen überfordert.",
        "Der Vater trägt vor, die Mutter verhindere seit Monaten jeden Kontakt.",
        "Die Schule des Kindes hat auf Anfrage des Jugendamts berichtet.",
        "Eine Einigung der Eltern kam im Anhörungstermin nicht zustande.",
    ),
    "betreuung": (
        "Die betroffene Person leidet nach dem Gutachten des Sachverständigen an einer "
        "psychischen Erkrankung.",
        "Die Betreuungsbehörde hat am {past} einen Sozialbericht vorgelegt.",
        "Eine Vorsorgevollmacht liegt nicht vor.",
        "Die betroffene Person wurde am {past} in ihrer üblichen Umgebung angehört.",
        "Angehörige haben sich zur Übernahme der Betreuung nicht bereit erklärt.",
        "Der behandelnde Arzt hat einen Befundbericht übersandt.",
        "Die Betreuungsbehörde schlägt eine Berufsbetreuerin vor.",
        "Rechnungen und Mahnungen sind seit Monaten unbearbeitet geblieben.",
    ),
    "owi": (
        "Mit Bußgeldbescheid vom {bdate} setzte die Verwaltungsbehörde gegen den Betroffenen "
        "eine Geldbuße von {fine} fest.",
        "Dem Betroffenen wird vorgeworfen, am {past} mit dem "
        "Pkw {car}, amtliches Kennzeichen {plate}, eine Ordnungswidrigkeit begangen zu haben.",
        "Gegen den Bußgeldbescheid legte der Betroffene rechtzeitig Einspruch ein.",
        "Die Verwaltungsbehörde hat die Akten über die Staatsanwaltschaft dem Gericht vorgelegt.",
        "Der Betroffene hat sich zur Sache nicht eingelassen.",
        "Die Messbeamtin wurde in der Hauptverhandlung als Zeugin vernommen.",
        "Das Lichtbild vom Tatzeitpunkt wurde in Augenschein genommen.",
        "Der Verteidiger hat die Einsicht in die Rohmessdaten beantragt.",
    ),
}
# Sentences that fit any proceedings (used where the general ones speak of claims and notices).
NEUTRAL_FACTS = (
    "Wegen der weiteren Einzelheiten wird auf den Inhalt der Gerichtsakte Bezug genommen.",
    "Das Gericht hat die Akten der Verwaltungsbehörde beigezogen.",
    "Die Beteiligten hatten Gelegenheit zur Stellungnahme.",
    "Im Termin am {past} hat das Gericht die Sache mit den Beteiligten erörtert.",
    "Weitere Ermittlungen hat das Gericht nicht für erforderlich gehalten.",
    "Die Beteiligten haben schriftlich Stellung genommen.",
)
NEUTRAL_REASONS = (
    "Das Gericht ist nach Anhörung der Beteiligten zu der Überzeugung gelangt, dass die "
    "getroffene Regelung erforderlich ist.",
    "Die Entscheidung beruht auf dem Ergebnis der Anhörung und dem Inhalt der Akten.",
    "Gesichtspunkte, die eine andere Entscheidung rechtfertigen könnten, sind nicht ersichtlich.",
    "Die Stellungnahmen der Beteiligten hat das Gericht berücksichtigt.",
    "Die Kostenentscheidung beruht auf {n1}.",
)
REASONS_GENERAL = (
    "Die Klage ist zulässig, insbesondere fristgerecht erhoben.",
    "Das Vorverfahren ist ordnungsgemäß durchgeführt worden.",
    "Rechtsgrundlage der angefochtenen Entscheidung ist {n1}.",
    "Nach {n1} in Verbindung mit {n2} setzt der Anspruch voraus, dass die gesetzlichen "
    "Tatbestandsmerkmale vollständig erfüllt sind.",
    "Diese Voraussetzungen liegen hier {vor}.",
    "Die Beklagte hat das ihr eingeräumte Ermessen {ermessen} ausgeübt.",
    "Der Einwand, die Beklagte habe den Sachverhalt nicht hinreichend aufgeklärt, greift {greift}.",
    "Die Kammer folgt insoweit der ständigen Rechtsprechung des {ovg}.",
    "Ein Verstoß gegen den Grundsatz der Verhältnismäßigkeit ist {ist}.",
    "Auf Vertrauensschutz kann sich {kl} nicht berufen, weil die Umstände bekannt waren.",
    "Die Anhörung nach § 28 VwVfG ist jedenfalls im Widerspruchsverfahren nachgeholt worden.",
    "Die Satzung der Beklagten ist ordnungsgemäß bekannt gemacht worden und wirksam.",
    "Soweit {kl} auf die wirtschaftlichen Verhältnisse verweist, ist dies im Erhebungsverfahren "
    "unerheblich; dem kann allenfalls im Billigkeitsverfahren Rechnung getragen werden.",
    "Weitere Ermittlungen des Gerichts waren nicht geboten.",
    "Das Gericht hat keinen Anlass, an der Richtigkeit der vorgelegten Unterlagen zu zweifeln.",
    "Die Berechnung der Beklagten ist rechnerisch nicht zu beanstanden.",
    "Der Vortrag im Schriftsatz vom {past} rechtfertigt keine andere Beurteilung.",
)
REASONS_SPECIAL = {
    "arbeit": (
        "Die Kündigung ist nicht durch Gründe in der Person oder im Verhalten bedingt (§ 1 Abs. 2 KSchG).",
        "Eine vorherige Abmahnung war nicht entbehrlich.",
        "Die Interessenabwägung fällt zugunsten des Arbeitnehmers aus.",
        "Der Anspruch auf Entgeltfortzahlung folgt aus § 3 Abs. 1 EFZG.",
        "Die Eingruppierung richtet sich nach den Tätigkeitsmerkmalen der Entgeltordnung zum TVöD (VKA).",
    ),
    "sozial": (
        "Der Bedarf ist nach den Regelbedarfsstufen der Anlage zu § 28 SGB XII zu bemessen.",
        "Die Kosten der Unterkunft sind nur in angemessener Höhe zu übernehmen (§ 35 SGB XII).",
        "Vermögen ist nach § 90 SGB XII einzusetzen, soweit es die Schonbeträge übersteigt.",
        "Die Kostenentscheidung beruht auf § 193 SGG.",
    ),
    "zivil": (
        "Ein Anspruch aus § 839 BGB in Verbindung mit Art. 34 GG besteht {vor}.",
        "Die Verkehrssicherungspflicht verlangt nicht, dass eine Straße völlig frei von Mängeln ist.",
        "Ein Mitverschulden nach § 254 BGB ist anzurechnen.",
        "Die Höhe des Schmerzensgeldes bemisst die Kammer nach § 287 ZPO.",
    ),
    "familie": (
        "Maßstab der Entscheidung ist das Kindeswohl (§ 1697a BGB).",
        "Der Umgang mit beiden Elternteilen gehört in der Regel zum Wohl des Kindes (§ 1626 Abs. 3 BGB).",
        "Die Empfehlung des Jugendamts ist nachvollziehbar und überzeugend.",
        "Eine Einschränkung des Umgangsrechts ist nur zulässig, soweit "
        "dies zum Wohl des Kindes erforderlich ist (§ 1684 Abs. 4 BGB).",
    ),
    "betreuung": (
        "Die Voraussetzungen des § 1814 Abs. 1 BGB liegen vor.",
        "Die betroffene Person kann ihre Angelegenheiten in den genannten Bereichen nicht selbst besorgen.",
        "Andere Hilfen im Sinne des § 1814 Abs. 3 BGB "
        "reichen nach dem Bericht der Betreuungsbehörde nicht aus.",
        "Die Betreuerin ist zur Führung der Betreuung geeignet (§ 1816 BGB).",
    ),
    "owi": (
        "Nach dem Ergebnis der Hauptverhandlung steht fest, dass der Betroffene die "
        "Ordnungswidrigkeit fahrlässig begangen hat.",
        "Die Messung erfolgte mit einem standardisierten Messverfahren.",
        "Die Bemessung der Geldbuße folgt dem "
        "Bußgeldkatalog; Gründe für ein Abweichen sind nicht ersichtlich.",
        "Die Voreintragungen im Fahreignungsregister wurden berücksichtigt.",
    ),
}
# Legal standards a court states after "Nach § ..." (the norm is filled in).
STANDARDS = (
    "ist die Behörde verpflichtet, den Sachverhalt von Amts wegen zu ermitteln.",
    "kommt es auf die Sach- und Rechtslage im Zeitpunkt der letzten Behördenentscheidung an.",
    "ist für die gerichtliche Kontrolle maßgeblich, ob die Behörde von einem zutreffenden "
    "Sachverhalt ausgegangen ist.",
    "steht der Behörde ein Beurteilungsspielraum nicht zu; die Entscheidung ist gerichtlich voll "
    "überprüfbar.",
    "prüft das Gericht Ermessensentscheidungen nur darauf, ob die gesetzlichen Grenzen des "
    "Ermessens überschritten sind.",
    "trägt derjenige die materielle Beweislast, der sich auf eine für ihn günstige Norm beruft.",
    "sind die Voraussetzungen eng auszulegen, weil es sich um eine Ausnahmevorschrift handelt.",
    "ist eine Abwägung der widerstreitenden Interessen vorzunehmen.",
    "genügt eine summarische Prüfung der Erfolgsaussichten.",
    "muss der Anspruch innerhalb der gesetzlichen Frist geltend gemacht werden.",
    "ist ein Verschulden des Anspruchstellers anzurechnen.",
    "sind Satzungen der Gemeinden nur eingeschränkt gerichtlich überprüfbar.",
    "ist der Verwaltungsakt hinreichend bestimmt, wenn der Adressat erkennen kann, was von ihm "
    "verlangt wird.",
    "entfällt der Anspruch, wenn der Zweck der Leistung bereits anderweitig erreicht ist.",
    "kann die Behörde Gebühren nur erheben, wenn eine wirksame Gebührensatzung besteht.",
    "ist eine Begründung erforderlich, aus der die wesentlichen Erwägungen hervorgehen.",
)
TITLES = {
    "verwaltung": ("Urteil", "Urteil", "Gerichtsbescheid", "Beschluss"),
    "sozial": ("Urteil", "Gerichtsbescheid", "Beschluss"),
    "arbeit": ("Urteil", "Beschluss"),
    "zivil": ("Urteil", "Urteil", "Beschluss"),
    "familie": ("Beschluss",),
    "betreuung": ("Beschluss",),
    "owi": ("Urteil", "Beschluss"),
}
APPEAL = {
    "verwaltung": "Gegen dieses Urteil kann innerhalb eines Monats nach Zustellung die Zulassung "
    "der Berufung beim {court} beantragt werden. Über den Antrag entscheidet das "
    "{ovg}. Vor dem {ovg} müssen sich die Beteiligten durch Prozessbevollmächtigte "
    "vertreten lassen.",
    "sozial": "Dieses Urteil kann mit der Berufung angefochten werden. Die Berufung ist innerhalb "
    "eines Monats nach Zustellung beim Landessozialgericht schriftlich, elektronisch oder "
    "zur Niederschrift des Urkundsbeamten der Geschäftsstelle einzulegen.",
    "arbeit": "Gegen dieses Urteil kann Berufung eingelegt werden, wenn der Wert des "
    "Beschwerdegegenstands 600 Euro übersteigt. Die Berufung muss innerhalb einer "
    "Notfrist von einem Monat beim Landesarbeitsgericht eingelegt werden.",
    "zivil": "Gegen die Entscheidung kann das Rechtsmittel der Berufung eingelegt werden. Die "
    "Berufung ist binnen einer Notfrist von einem Monat bei dem Oberlandesgericht "
    "einzulegen. Die Berufungsschrift muss von einer Rechtsanwältin oder einem "
    "Rechtsanwalt unterzeichnet sein.",
    "familie": "Gegen diesen Beschluss ist das Rechtsmittel der Beschwerde gegeben. Die Beschwerde "
    "ist binnen eines Monats bei dem {court} einzulegen. Über sie entscheidet das "
    "Oberlandesgericht.",
    "betreuung": "Gegen diesen Beschluss ist die Beschwerde statthaft. Sie ist binnen eines "
    "Monats bei dem {court} schriftlich oder zur Niederschrift der Geschäftsstelle "
    "einzulegen. Beschwerdeberechtigt ist auch die Betreuungsbehörde.",
    "owi": "Gegen dieses Urteil ist die Rechtsbeschwerde nur zulässig, wenn sie zugelassen wird. "
    "Der Antrag ist binnen einer Woche nach Verkündung beim {court} zu stellen.",
}


def _tenor(c: Ctx, case: Case) -> list[str]:
    proc, wins = case.matter.procedure, case.city_wins
    if proc == "familie":
        return [
            c.one(
                (
                    "1. Der Umgang des Vaters mit dem Kind wird wie folgt geregelt: jedes zweite "
                    "Wochenende von Samstag 10 Uhr bis Sonntag 18 Uhr.",
                    "1. Die elterliche Sorge für das Kind wird der Mutter allein übertragen.",
                    "1. Der Antrag auf Übertragung des Aufenthaltsbestimmungsrechts wird zurückgewiesen.",
                )
            ),
            "2. Die Gerichtskosten tragen die Eltern je zur Hälfte; außergerichtliche Kosten "
            "werden nicht erstattet.",
            "3. Der Verfahrenswert wird auf 4.000 € festgesetzt.",
        ]
    if proc == "betreuung":
        return [
            f"1. Für die betroffene Person wird {c.s['partner']} als Betreuerin bestellt.",
            "2. Der Aufgabenkreis umfasst: Vermögenssorge, Behördenangelegenheiten, Gesundheitssorge.",
            f"3. Das Gericht wird spätestens am {c.s['start']} über die "
            "Aufhebung oder Verlängerung der Maßnahme beschließen.",
        ]
    if proc == "owi":
        return [
            c.one(
                (
                    "1. Der Betroffene wird wegen fahrlässiger Überschreitung der zulässigen "
                    "Höchstgeschwindigkeit zu einer Geldbuße von {fine} verurteilt.",
                    "1. Der Betroffene wird freigesprochen.",
                    "1. Der Betroffene wird wegen "
                    "einer fahrlässigen Ordnungswidrigkeit zu einer Geldbuße von {fine} "
                    "verurteilt.",
                )
            ),
            "2. Die Kosten des Verfahrens trägt der Betroffene."
            if wins
            else "2. Die Kosten des Verfahrens und die notwendigen Auslagen trägt die Staatskasse.",
        ]
    if wins:
        first = c.one(
            (
                "1. Die Klage wird abgewiesen.",
                "1. Die Klage wird als unbegründet abgewiesen.",
                "1. Der Antrag wird abgelehnt.",
            )
        )
        costs = "2. Die Kosten des Verfahrens trägt {kl}."
    else:
        first = c.one(
            (
                "1. Der Bescheid der Beklagten vom {bdate} in Gestalt des "
                "Widerspruchsbescheids vom {wdate} wird aufgehoben.",
                "1. Die Beklagte wird "
                "verurteilt, an {kl_acc} {amount} nebst Zinsen in Höhe von fünf "
                "Prozentpunkten über dem Basiszinssatz seit dem {past} zu zahlen.",
                "1. Es wird festgestellt, dass das Arbeitsverhältnis der Parteien durch die "
                "Kündigung vom {past} nicht aufgelöst worden ist."
                if proc == "arbeit"
                else "1. Die Beklagte wird unter Aufhebung ihres Bescheids vom {bdate} "
                "verpflichtet, über den Antrag unter Beachtung der Rechtsauffassung des "
                "Gerichts erneut zu entscheiden.",
            )
        )
        costs = "2. Die Kosten des Verfahrens trägt die Beklagte."
    if proc == "sozial":
        costs = (
            "2. Außergerichtliche Kosten sind nicht zu erstatten."
            if wins
            else "2. Die Beklagte hat die außergerichtlichen Kosten zu erstatten."
        )
    return [
        first,
        costs,
        c.one(
            (
                "3. Das Urteil ist wegen der Kosten vorläufig vollstreckbar.",
                "3. Die Berufung wird nicht zugelassen.",
                "3. Die Revision wird nicht zugelassen.",
                "3. Der Streitwert wird auf {amount} festgesetzt.",
            )
        ),
    ]


def _judges(c: Ctx, case: Case) -> list[str]:
    """The judges who decide: "Name, Vorsitzende Richterin am Verwaltungsgericht" ..."""
    base = case.court.name.split(" – ")[0].split(" ")[0]
    n = (
        3
        if case.kind
        in (
            "verwaltungsgericht",
            "landgericht",
            "oberverwaltungsgericht",
            "landessozialgericht",
            "landesarbeitsgericht",
            "oberlandesgericht",
        )
        and c.chance(0.6)
        else 1
    )
    judges = []
    for i in range(n):
        female = c.chance(0.5)
        name = f"{c.rng.choice(pp.FIRST_F if female else pp.FIRST_M)} {c.rng.choice(pp.LAST)}"
        title = (
            ("Vorsitzende Richterin" if female else "Vorsitzender Richter")
            if i == 0 and n > 1
            else ("Richterin" if female else "Richter")
        )
        judges.append(f"{name}, {title}" + (f" am {base}" if c.chance(0.7) else ""))
    return judges


def decision(c: Ctx) -> Document:
    """A long judgment or decision (2-5 pages): rubrum, tenor, facts, reasons, appeal, judges."""
    case = case_for(c, _matter(c))
    proc = case.matter.procedure
    title = c.one(TITLES.get(proc, ("Beschluss",)))
    kl = "die Klägerin" if c.me.gender == "f" else "der Kläger"
    if proc in ("familie", "betreuung", "owi"):
        kl = {
            "familie": "die Antragstellerin" if c.me.gender == "f" else "der Antragsteller",
            "betreuung": "die betroffene Person",
            "owi": "die Betroffene" if c.me.gender == "f" else "der Betroffene",
        }[proc]
    norms = _norms(c, case.matter)
    ovg = pp.court_name("oberverwaltungsgericht", c.town)[0]
    since = pp.de_date(c.received - dt.timedelta(days=c.rng.randint(400, 6000)))
    fill = {
        "Kl": kl[:1].upper() + kl[1:],
        "kl": kl,
        "kl_dat": "der Klägerin" if c.me.gender == "f" else "dem Kläger",
        "kl_acc": kl.replace("der ", "den "),
        "was": c.one(
            (
                f"den {c.topic.bescheid}"
                if c.topic.bescheid
                else f"eine Entscheidung zur Angelegenheit {c.topic.name}",
                f"die Rechtmäßigkeit einer Entscheidung über {c.topic.name}",
                f"Ansprüche im Zusammenhang mit {c.topic.name}",
            )
        ),
        "bescheid": genitive(c.topic.bescheid or "Bescheid"),
        "wdate": pp.de_date(c.received - dt.timedelta(days=c.rng.randint(60, 300))),
        "filed": pp.de_date(c.received - dt.timedelta(days=c.rng.randint(40, 250))),
        "since": since,
        "ovg": ovg,
        "court": case.court.name.split(" – ")[0],
        "vor": c.one(("vor", "nicht vor", "nur teilweise vor")),
        "ermessen": c.one(("fehlerfrei", "nicht ordnungsgemäß", "sachgerecht")),
        "greift": c.one(("nicht durch", "durch")),
        "ist": c.one(("nicht ersichtlich", "nicht festzustellen", "gegeben")),
    }

    filled = _filler(c, fill)

    def fill_in(text: str) -> str:
        return filled(text.replace("{n1}", c.rng.choice(norms)).replace("{n2}", c.rng.choice(norms)))

    body: list[Block] = []
    if c.chance(0.7):
        body.append(Heading(c.one(("Beglaubigte Abschrift", "Ausfertigung", "Abschrift")), False))
    if title == "Urteil" or c.chance(0.4):
        body.append(Heading(c.one(("IM NAMEN DES VOLKES", "Im Namen des Volkes"))))
    body.append(Heading(title.upper() if c.chance(0.5) else title, large=True))
    body += _rubrum(c, case)
    chamber = f"{c.rng.randint(1, 14)}. {CHAMBER[proc]}"
    when = c.one(
        (
            f"aufgrund der mündlichen Verhandlung vom {c.s['past']}",
            f"ohne mündliche Verhandlung am {c.s['date']}",
            f"am {c.s['date']}",
        )
    )
    judges = _judges(c, case)
    body += paras(
        f"hat die {chamber} des {fill['court'].replace('gericht', 'gerichts', 1)} durch "
        f"{', '.join(j.split(',')[0] for j in judges)} {when} "
        f"{'für Recht erkannt' if title == 'Urteil' else 'beschlossen'}:"
    )
    own = {"Urteil": "Das Urteil", "Beschluss": "Der Beschluss", "Gerichtsbescheid": "Der Gerichtsbescheid"}[
        title
    ]
    body += paras(*(fill_in(t).replace("Das Urteil", own) for t in _tenor(c, case)))
    facts_head, reasons_head = (
        ("Tatbestand", "Entscheidungsgründe")
        if title == "Urteil" and proc not in ("owi",)
        else ("Gründe", "")
    )
    body.append(Heading(facts_head))
    general = proc in ("verwaltung", "sozial", "arbeit", "zivil")
    pool = list(TATBESTAND_SPECIAL.get(proc, ())) + list(TATBESTAND_GENERAL if general else NEUTRAL_FACTS)
    topic_lines = [
        _third(c, c.f(t))
        for t in c.rng.sample(
            (*c.topic.facts, *c.topic.grounds), min(2, len(c.topic.facts + c.topic.grounds))
        )
    ]
    body += _sections(c, pool, topic_lines, fill_in, c.rng.randint(4, 7))
    if proc not in ("familie", "betreuung", "owi"):
        body += paras(
            fill_in(c.one(("{Kl} beantragt,", "{Kl} beantragt sinngemäß,"))),
            fill_in(
                c.one(
                    (
                        "den Bescheid der Beklagten vom {bdate} und den "
                        "Widerspruchsbescheid vom {wdate} aufzuheben.",
                        "die Beklagte zu verurteilen, an {kl_acc} {amount} zu zahlen.",
                        "festzustellen, dass die Maßnahme rechtswidrig war.",
                    )
                )
            ),
            "Die Beklagte beantragt,",
            "die Klage abzuweisen.",
        )
    if reasons_head:
        body.append(Heading(reasons_head))
    pool = list(REASONS_SPECIAL.get(proc, ())) + list(REASONS_GENERAL if general else NEUTRAL_REASONS)
    pool += [f"Nach {{n1}} {clause}" for clause in c.rng.sample(STANDARDS, 8)]
    body += _sections(c, pool, [], fill_in, c.rng.randint(6, 11))
    body += paras(
        fill_in(
            c.one(
                (
                    "Die Kostenentscheidung folgt aus {n1}.",
                    "Die Entscheidung über die vorläufige "
                    "Vollstreckbarkeit beruht auf § 167 VwGO in Verbindung mit §§ 708 Nr. 11, 711 ZPO.",
                    "Gründe, die Berufung zuzulassen, liegen nicht vor.",
                )
            )
        )
    )
    body.append(
        Heading(
            c.one(("Rechtsmittelbelehrung", "Rechtsbehelfsbelehrung", "Rechtsmittelbelehrung:")),
            centered=False,
        )
    )
    body += paras(fill_in(APPEAL.get(proc, APPEAL["verwaltung"])))
    body += paras(*judges)
    if c.chance(0.7):
        clerk = f"{pp.full_name(c.rng)}, {c.one(('Urkundsbeamtin der Geschäftsstelle', 'Urkundsbeamter der Geschäftsstelle', 'Justizbeschäftigte'))}"
        body += paras(
            c.one(
                (
                    "Beglaubigt:",
                    "Ausgefertigt:",
                    "Für die Richtigkeit der Abschrift:",
                    "Die Übereinstimmung mit der Urschrift wird beglaubigt.",
                )
            ),
            f"{case.court.address[-1].split(' ', 1)[1]}, {c.s['date']}",
            clerk,
        )
    document = _court_doc(c, case, body, "", layout="decision")
    return dataclasses.replace(document, closing="", signature="")


# --- urgent proceedings ------------------------------------------------------------------
# Whether the city may enforce its notice before the objection against it is decided
# (§ 80 Abs. 5 VwGO), or must act at once (§ 123 VwGO, § 86b SGG); at first instance or on
# appeal (Beschwerde) before the higher court. Such orders speak of a Widerspruch, an
# Antrag and a Beschwerde throughout; what makes them court mail is who writes and the
# form: Rubrum, Tenor, Gründe, Rechtsmittelbelehrung.

URGENT_NORM = {
    "verwaltung": ("§ 80 Abs. 5 VwGO", "§ 123 Abs. 1 VwGO"),
    "sozial": ("§ 86b Abs. 1 SGG", "§ 86b Abs. 2 SGG"),
}
URGENT_HEADS = (
    "wegen {wegen}, hier: Antrag nach {norm}",
    "wegen {wegen}; hier: vorläufiger Rechtsschutz",
    "wegen {wegen} (Eilverfahren)",
    "wegen {wegen}, hier: Beschwerde im Verfahren nach {norm}",
)
URGENT_FIRST = {
    "stay": (
        "1. Die aufschiebende Wirkung des Widerspruchs {of_kl} gegen {bescheid_acc} der Antragsgegnerin vom {bdate} wird wiederhergestellt.",
        "1. Die aufschiebende Wirkung des Widerspruchs vom {filed} wird angeordnet, soweit er sich gegen die Nummern 1 und 2 des Bescheids vom {bdate} richtet.",
        "1. Der Antrag, die aufschiebende Wirkung des Widerspruchs gegen den Bescheid vom {bdate} wiederherzustellen, wird abgelehnt.",
        "1. Der Antrag auf Gewährung vorläufigen Rechtsschutzes wird abgelehnt.",
    ),
    "order": (
        "1. Die Antragsgegnerin wird im Wege der einstweiligen Anordnung verpflichtet, {kl_acc} vorläufig bis zur Entscheidung in der Hauptsache {what} zu gewähren.",
        "1. Der Antrag auf Erlass einer einstweiligen Anordnung wird abgelehnt.",
        "1. Der Antragsgegnerin wird aufgegeben, über den Antrag {of_kl} vom {filed} bis zum {due} erneut zu entscheiden.",
    ),
    "appeal": (
        "1. Die Beschwerde der Antragsgegnerin gegen den Beschluss des {court} vom {past} wird zurückgewiesen.",
        "1. Die Beschwerde {of_kl} gegen den Beschluss des {court} vom {past} wird zurückgewiesen.",
        "1. Auf die Beschwerde der Antragsgegnerin wird der Beschluss des {court} vom {past} geändert. Der Antrag wird abgelehnt.",
        "1. Unter Abänderung des Beschlusses des {court} vom {past} wird die aufschiebende Wirkung des Widerspruchs wiederhergestellt.",
    ),
}
URGENT_FACTS = (
    "{Kl} wendet sich gegen die sofortige Vollziehbarkeit {bescheid_gen} der Antragsgegnerin vom {bdate}.",
    "Mit Bescheid vom {bdate} entschied die Antragsgegnerin in der Sache {topic} und ordnete die sofortige Vollziehung an.",
    "Die Anordnung des Sofortvollzugs begründete die Antragsgegnerin mit dem öffentlichen Interesse an einer raschen Umsetzung.",
    "Gegen den Bescheid legte {kl} am {filed} Widerspruch ein, über den bislang nicht entschieden ist.",
    "Am {filed2} hat {kl} um vorläufigen Rechtsschutz nachgesucht.",
    "{Kl} trägt vor, ohne eine vorläufige Regelung drohten ihr oder ihm Nachteile, die sich später nicht mehr beseitigen ließen.",
    "Die Antragsgegnerin ist dem Antrag entgegengetreten und verweist auf die Begründung ihres Bescheids.",
    "Wegen der weiteren Einzelheiten wird auf die Gerichtsakte und die vorgelegte Behördenakte verwiesen.",
)
URGENT_REASONS = (
    "Der Antrag ist zulässig, aber nicht begründet.",
    "Der zulässige Antrag hat in der Sache Erfolg.",
    "Bei der gebotenen, aber auch ausreichenden summarischen Prüfung wird der Widerspruch voraussichtlich {erfolg}.",
    "Im Rahmen der nach {norm} vorzunehmenden Abwägung überwiegt {interest}.",
    "Die schriftliche Begründung des besonderen Vollzugsinteresses genügt den Anforderungen des § 80 Abs. 3 Satz 1 VwGO.",
    "Ein Anordnungsgrund ist glaubhaft gemacht; es ist {kl_dat} nicht zuzumuten, den Ausgang des Hauptsacheverfahrens abzuwarten.",
    "Ein Anordnungsanspruch ist nicht glaubhaft gemacht.",
    "Offen bleiben kann, ob die Antragsgegnerin das ihr eingeräumte Ermessen fehlerfrei ausgeübt hat.",
    "Die Kostenentscheidung beruht auf § 154 Abs. 1 VwGO.",
    "Die Festsetzung des Streitwerts folgt aus § 53 Abs. 2 Nr. 2 und § 52 Abs. 1 GKG; im Eilverfahren ist die Hälfte des Werts der Hauptsache anzusetzen.",
)
APPEAL_REASONS = (
    "Die dargelegten Gründe, auf deren Prüfung der Senat nach § 146 Abs. 4 Satz 6 VwGO beschränkt ist, rechtfertigen keine andere Entscheidung.",
    "Das Verwaltungsgericht hat zu Recht angenommen, dass {interest} überwiegt.",
    "Mit ihrer Beschwerde macht die Antragsgegnerin im Wesentlichen geltend, das Gericht habe den Sachverhalt unzutreffend gewürdigt; dem folgt der Senat nicht.",
    "Die Kostenentscheidung folgt aus § 154 Abs. 2 VwGO.",
)


def interim(c: Ctx) -> Document:
    """An order in urgent proceedings (2-4 pages), at first instance or on appeal."""
    case = case_for(c, _matter(c))
    proc, f = case.matter.procedure, c.me.gender == "f"
    appeal = case.kind in (
        "oberverwaltungsgericht",
        "landessozialgericht",
    )  # the Beschwerde before the higher court
    norm = c.one(URGENT_NORM[proc])
    kind = (
        "appeal" if appeal else ("stay" if norm.startswith("§ 80") or norm == "§ 86b Abs. 1 SGG" else "order")
    )
    higher = pp.court_name("landessozialgericht" if proc == "sozial" else "oberverwaltungsgericht", c.town)[0]
    lower = pp.court_name("sozialgericht" if proc == "sozial" else "verwaltungsgericht", c.town)[0]
    kl = "die Antragstellerin" if f else "der Antragsteller"
    bescheid = c.topic.bescheid or "Bescheid"
    slots = {
        "Kl": kl[:1].upper() + kl[1:], "kl": kl, "kl_acc": "der Antragstellerin" if f else "dem Antragsteller",
        "kl_dat": "der Antragstellerin" if f else "dem Antragsteller", "of_kl": "der Antragstellerin" if f else "des Antragstellers",
        "bescheid_acc": f"den {bescheid}" if not bescheid.startswith(("die ", "den ", "das ")) else bescheid,
        "bescheid_gen": f"des {genitive(bescheid)}", "norm": norm, "court": lower.replace("gericht", "gerichts", 1),
        "wegen": case.wegen.removeprefix("wegen "), "what": c.f(c.one(c.topic.wants)) if c.topic.wants else "die beantragte Leistung",
        "filed": pp.de_date(c.received - dt.timedelta(days=c.rng.randint(40, 150))),
        "filed2": pp.de_date(c.received - dt.timedelta(days=c.rng.randint(20, 39))),
        "due": pp.de_date(c.received + dt.timedelta(days=c.rng.randint(14, 40))),
        "erfolg": c.one(("ohne Erfolg bleiben", "Erfolg haben", "eher Erfolg haben")),
        "interest": c.one(("das öffentliche Interesse an der sofortigen Vollziehung", "das Interesse am vorläufigen Aufschub der Vollziehung")),
    }  # fmt: skip

    fill = _filler(c, slots)

    body: list[Block] = []
    if c.chance(0.6):
        body.append(Heading(c.one(("Beglaubigte Abschrift", "Ausfertigung", "Abschrift")), False))
    body.append(Heading(c.one(("BESCHLUSS", "Beschluss", "B e s c h l u s s")), large=True))
    role, city_role = ("Antragstellerin" if f else "Antragsteller", "Antragsgegnerin")
    if appeal:
        role += c.one((" und Beschwerdegegnerin" if f else " und Beschwerdegegner", ""))
        city_role += c.one((" und Beschwerdeführerin", ""))
    body += paras(c.one(("In der Verwaltungsrechtssache", "In dem Verfahren des vorläufigen Rechtsschutzes", "In dem Beschwerdeverfahren"))
                  if proc == "verwaltung" else c.one(("In dem Verfahren des einstweiligen Rechtsschutzes", "In dem sozialgerichtlichen Eilverfahren")))  # fmt: skip
    body += paras(case.claimant.rsplit(" – ", 2)[0] + f" – {role} –")
    if case.counsel:
        body += paras(case.counsel)
    body += paras(
        "gegen", case.city_party.rsplit(" – ", 2)[0] + f" – {city_role} –", fill(c.one(URGENT_HEADS))
    )
    judges = _judges(c, case)
    panel = (
        f"der {c.rng.randint(1, 20)}. Senat"
        if appeal
        else f"die {c.rng.randint(1, 14)}. Kammer des {slots['court']}"
    )
    body += paras(
        f"hat {panel} durch {', '.join(j.split(',')[0] for j in judges)} am {c.s['date']} beschlossen:"
    )
    body += paras(fill(c.one(URGENT_FIRST[kind])),
                  fill(c.one(("2. Die Kosten des Verfahrens trägt die Antragsgegnerin.", "2. {Kl} trägt die Kosten des Verfahrens.",
                              "2. Die Antragsgegnerin trägt die Kosten des Beschwerdeverfahrens." if appeal else "2. Die Beteiligten tragen die Kosten je zur Hälfte."))),
                  c.f("3. Der Streitwert wird " + ("für das Beschwerdeverfahren " if appeal else "") + "auf {amount} festgesetzt."))  # fmt: skip
    body.append(Heading("Gründe"))
    topic_lines = [
        _third(c, c.f(t))
        for t in c.rng.sample(
            (*c.topic.facts, *c.topic.grounds), min(2, len(c.topic.facts + c.topic.grounds))
        )
    ]
    facts = [URGENT_FACTS[k] for k in sorted(c.rng.sample(range(len(URGENT_FACTS)), c.rng.randint(3, 6)))]
    body += paras(*(fill(t) for t in facts), *topic_lines)
    reasons = [r for r in URGENT_REASONS if not (appeal and "Kosten" in r)] + list(
        APPEAL_REASONS[1:] if appeal else ()
    )
    if appeal and proc == "verwaltung":
        reasons.append(APPEAL_REASONS[0])
    body += _sections(c, reasons, [], fill, c.rng.randint(3, 6))
    body.append(Heading(c.one(("Rechtsmittelbelehrung", "Rechtsmittelbelehrung:")), centered=False))
    if appeal:
        body += paras(
            "Dieser Beschluss ist unanfechtbar ("
            + ("§ 152 Abs. 1 VwGO)." if proc == "verwaltung" else "§ 177 SGG).")
        )
    else:
        body += paras(fill(f"Gegen diesen Beschluss steht den Beteiligten die Beschwerde an das {higher} zu. Die Beschwerde ist "
                           + ("innerhalb von zwei Wochen nach Bekanntgabe beim {court} einzulegen und innerhalb eines Monats zu begründen."
                              if proc == "verwaltung" else "binnen eines Monats nach Zustellung beim {court} schriftlich oder zur Niederschrift einzulegen.")))  # fmt: skip
    body += paras(*judges)
    document = _court_doc(c, case, body, "", layout="decision")
    return dataclasses.replace(document, closing="", signature="")


def _filler(c: Ctx, slots: dict[str, str]) -> Callable[[str], str]:
    """A template filler: this document's `slots` first, then the item's own (`Ctx.f`)."""

    def fill(text: str) -> str:
        for key, value in slots.items():
            text = text.replace("{" + key + "}", value)
        return c.f(text)

    return fill


def _sections(
    c: Ctx, pool: list[str], extra: list[str], fill_in: Callable[[str], str], count: int
) -> list[Block]:
    """`count` paragraphs of 1-4 sentences drawn without repeats from `pool` (and `extra`),
    numbered now and then."""
    sentences = c.rng.sample(pool, min(len(pool), count * 3)) + extra[:3]
    c.rng.shuffle(sentences)
    blocks: list[Block] = []
    numbered = c.chance(0.4)
    at = 0
    for i in range(count):
        take = c.rng.randint(1, 4)
        part, at = sentences[at : at + take], at + take
        if not part:
            break
        text = " ".join(fill_in(s) for s in part)
        blocks.append(Paragraph(f"{i + 1}. {text}" if numbered else text))
    return blocks


# How often each writer is drawn among those that suit the route (long decisions are common
# in a legal office's mail, a bare Empfangsbekenntnis less so).
STYLE_WEIGHTS = {
    "decision": 3.0,
    "interim": 1.5,
    "court_request": 2.0,
    "summons": 1.5,
    "order": 1.5,
    "receipt": 0.6,
    "garnishment": 3.0,
    "insolvency_notice": 3.0,
}

WriteFn = Callable[[Ctx], Document]
WRITERS: dict[str, WriteFn] = {
    "decision": decision,
    "interim": interim,
    "summons": summons,
    "order": order,
    "court_request": court_request,
    "settlement": settlement,
    "cost_order": cost_order,
    "claim": claim,
    "lawyer": demand,
    "receipt": receipt,
    "pleading": pleading,
    "garnishment": garnishment,
    "insolvency_notice": insolvency_notice,
}
