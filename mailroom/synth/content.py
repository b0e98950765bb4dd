"""What a synthetic mail item says: compose a labelled `MailItem` for a (doc_type, route).

`compose_item` picks a topic of the route and a way of writing of the doc type, lets the
writer draft the letter, and then adds what real mail has on top: a passing mention of
another office's matter (~15%), extra paragraphs that carry a letter onto a second page,
and enclosures with an "Anlagen" list (~35% of items have some).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import random
from collections.abc import Mapping

from mailroom.files import read_yaml
from mailroom.settings import PACKAGE_CONFIG_DIR
from mailroom.synth import people as pp
from mailroom.synth.document import Block, Document, MailItem, Paragraph, Party
from mailroom.synth.topics import TOPICS, Topic, topics_for
from mailroom.synth.writers import (
    business,
    citizen,
    court,
    dunning,
    grievance,
    legal,
    notify,
    official,
    printed,
    rebut,
    sponsor,
    withdraw,
)
from mailroom.synth.writers.base import Ctx, copy_of_city_notice, evidence_doc, make_ctx

WRITERS = {**citizen.WRITERS, **business.WRITERS, **official.WRITERS, "gerichtspost": court.WRITERS}
WRITERS["rechnung"] = {**WRITERS["rechnung"], **printed.RECHNUNG, **legal.RECHNUNG}
WRITERS["mahnung"] = {**WRITERS["mahnung"], **dunning.MAHNUNG, **legal.MAHNUNG}
WRITERS["werbung"] = {**WRITERS["werbung"], **printed.WERBUNG}
WRITERS["antrag"] = {**WRITERS["antrag"], **printed.ANTRAG, **notify.ANTRAG}
WRITERS["beschwerde"] = {**WRITERS["beschwerde"], **grievance.BESCHWERDE}
WRITERS["anfrage"] = {**WRITERS["anfrage"], **dunning.ANFRAGE, **sponsor.ANFRAGE}
WRITERS["kuendigung"] = {**WRITERS["kuendigung"], **withdraw.KUENDIGUNG}
WRITERS["widerspruch"] = {**WRITERS["widerspruch"], **rebut.WIDERSPRUCH}
STYLES: dict[str, tuple[str, ...]] = {dt_: tuple(ws) for dt_, ws in WRITERS.items()}

# The topic attribute a doc type needs; writers for these routes pick only such topics.
NEED = {**citizen.CORE, "bescheid": "notice"}
# Firms, not citizens, write to the procurement office; people write to "the city" itself.
ROUTE_STYLES = {
    "beschaffung": ("formal", "terse", "email", "company", *dunning.ANFRAGE),
    "poststelle": (
        "formal",
        "terse",
        "note",
        "email",
        "simple_german",
        "questions",
        "angry",
        *sponsor.ANFRAGE,
    ),
}
# Styles only the routes above use: suppliers ask only Beschaffung, associations only the city.
ROUTE_ONLY = (*dunning.ANFRAGE, *sponsor.ANFRAGE)
# Firms and neighbours' petitions do not write about weddings and civil status.
ROUTE_EXCLUDED = {"standesamt": ("company", "petition")}
# Bills and dunning in legal matters (court costs, lawyers' fees, claims against the city)
# go to the Rechtsamt; all other bills to Beschaffung. These writers serve only the former.
LEGAL_STYLES = {"rechnung": frozenset(legal.RECHNUNG), "mahnung": frozenset(legal.MAHNUNG)}
LEGAL_ROUTE = "rechtsamt"
LETTER_STYLES = (
    "formal",
    "structured",
    "lawyer",
    "on_behalf",
    "company",
    "experienced",
    "questions",
    "formal_notice",
    "information",
)

ASIDES = (
    "Nebenbei bemerkt: {other} läuft bei Ihnen ja auch noch.",
    "Ich erwähne der Vollständigkeit halber, dass ich auch wegen {other} mit der Stadt in Kontakt bin.",
    "Übrigens habe ich wegen {other} schon einen anderen Brief geschickt.",
    "Die Sache mit {other} ist davon unabhängig.",
    "Wegen {other} hatte ich im letzten Jahr "
    "schon einmal geschrieben, das hat aber nichts mit diesem Schreiben zu tun.",
    "Ich beziehe außerdem Leistungen ({other}), das sollte hier aber keine Rolle spielen.",
    "Ihre Kollegen haben mir wegen {other} schon geholfen, dafür vielen Dank.",
)
LONG_FILLER = (
    "Ich möchte den Sachverhalt noch etwas ausführlicher schildern.",
    "Ich habe mir die Sache gründlich überlegt, bevor ich Ihnen schreibe.",
    "Bereits im vergangenen Jahr gab es eine ähnliche Situation.",
    "Meine Familie unterstützt mich, so gut sie kann.",
    "Ich habe mich vorher bei der Verbraucherzentrale beraten lassen.",
    "Bitte berücksichtigen Sie auch meine gesundheitliche Lage.",
    "Ich habe alle Schreiben sorgfältig aufbewahrt.",
    "Die Bearbeitung hat bisher leider sehr lange gedauert.",
    "Telefonisch habe ich niemanden erreicht, deshalb schreibe ich.",
    "Ich bin berufstätig und kann nur selten während der Sprechzeiten kommen.",
    "Ich hoffe auf Ihr Verständnis für meine Lage.",
    "Falls es hilft, komme ich gern persönlich vorbei.",
    "Eine Nachbarin hat mir geraten, alles schriftlich festzuhalten.",
    "Ich möchte betonen, dass ich immer pünktlich gezahlt habe.",
    "Die Angelegenheit belastet mich sehr.",
    "Mir ist wichtig, dass die Sache ordentlich geklärt wird.",
    "Ich danke Ihnen für Ihre Geduld beim Lesen.",
    "Zur Vollständigkeit füge ich noch einige Angaben hinzu.",
)

MAIL_HEADS = ("Von:", "From:", "Betreff:", "Subject:")
# Share of citizens' letters sent to the wrong office or to the city as a whole.
MISADDRESSED = 0.18
PLAIN_CITY = (
    "Stadtverwaltung {name}",
    "Rathaus {name}",
    "An die Stadt {name}",
    "An die Stadtverwaltung {name}",
    "Stadt {name} – Rathaus",
    "Bürgerservice der Stadt {name}",
)
ATTENTION = (
    "Herrn Oberbürgermeister",
    "Frau Oberbürgermeisterin",
    "{office}",
    "Leitung {office}",
    "Frau {official}",
    "Herrn {official}",
    "Frau {official}, {office}",
    "des zuständigen Sachbearbeiters",
)
FORWARD = (
    "Falls ich mich an die falsche Stelle gewandt habe, leiten Sie mein Schreiben bitte weiter.",
    "Bitte leiten Sie das an die zuständige Stelle weiter.",
    "Ich wusste nicht, welches Amt zuständig ist, deshalb schreibe ich an die Stadtverwaltung.",
    "Man hat mir gesagt, ich soll mich an Sie wenden. Wenn das nicht stimmt, geben Sie den Brief bitte weiter.",
    "Sollten Sie nicht zuständig sein, bitte ich um Weiterleitung an das richtige Amt.",
    "Ich hoffe, dieser Brief landet bei der richtigen Abteilung.",
    "Im Internet habe ich nicht herausgefunden, wer zuständig ist, darum dieser Brief an Sie.",
)
SMALL_TALK = (
    "Bei dem Regenwetter der letzten Wochen kommt man ja kaum vor die Tür.",
    "Die Bushaltestelle vor unserem Haus hat übrigens endlich ein neues Wartehäuschen bekommen, danke dafür.",
    "Unsere Nachbarn haben gerade ein Baby bekommen, im Haus ist also viel los, aber das nur am Rande.",
    "Der Weihnachtsmarkt war dieses Jahr übrigens wirklich schön.",
    "Ich hoffe, Sie hatten erholsame Feiertage.",
    "Seit die Baustelle am Markt fertig ist, bin ich viel schneller in der Innenstadt.",
    "Im Bus habe ich neulich eine Bekannte getroffen, die mir Ihre Adresse gegeben hat.",
    "Mein Hund und ich kommen jeden Morgen an Ihrem Rathaus vorbei.",
    "Der Stadtpark ist im Frühling übrigens wunderschön, das wollte ich auch einmal sagen.",
    "Die Straßenbahn fährt neuerdings wieder pünktlich, das freut mich.",
    "Ich schreibe diesen Brief am Küchentisch, draußen scheint endlich wieder die Sonne.",
    "Meine Nachbarin, Frau {official}, lässt übrigens herzlich grüßen, sie kennt Sie noch von früher.",
    "Beim Stadtfest im Sommer war ich auch, die Musik war toll.",
    "Es ist schon erstaunlich, wie schnell die Zeit vergeht, wir wohnen jetzt schon {n} Jahre hier.",
)


@functools.cache
def default_court_routes() -> Mapping[str, str]:
    """The court routing policy of the package's configs/synth.yaml (`court_routes`), for
    callers that do not pass the one of their own configuration."""
    data = read_yaml(PACKAGE_CONFIG_DIR / "synth.yaml", "the corpus configuration")
    return dict(data["court_routes"])


def declared_topics(
    doc_type: str, route: str, court_routes: Mapping[str, str] | None = None
) -> tuple[Topic, ...]:
    """The topics a doc type can be written about for a route (may be empty)."""
    if doc_type == "gerichtspost":
        policy = court_routes or default_court_routes()
        return tuple(t for m in court.matters_for(route, policy) for t in court.matter_topics(m))
    if doc_type == "bewerbung":
        return tuple(t for t in topics_for(route) if t.key == "stelle")
    if doc_type in ("rechnung", "mahnung"):
        if route == LEGAL_ROUTE:
            return tuple(t for t in topics_for(route) if t.case)
        return tuple(t for t in topics_for(route) if t.key in business.CATALOG)
    if doc_type == "werbung":  # the advertising topics, not the letters no office owns
        return tuple(t for t in topics_for(route) if not (t.questions or t.problems))
    return topics_for(route, NEED.get(doc_type, ""))


def styles_for(doc_type: str, route: str, court_routes: Mapping[str, str] | None = None) -> tuple[str, ...]:
    """The styles usable for a pair."""
    if doc_type == "gerichtspost":
        return court.styles_for(route, court_routes or default_court_routes())
    if doc_type in LEGAL_STYLES:
        legal_route = route == LEGAL_ROUTE
        return tuple(s for s in STYLES[doc_type] if (s in LEGAL_STYLES[doc_type]) == legal_route)
    allowed = ROUTE_STYLES.get(route)
    names = STYLES[doc_type]
    if doc_type not in citizen.WRITERS:
        return names
    if allowed:
        return tuple(s for s in names if s in allowed)
    excluded = (*ROUTE_EXCLUDED.get(route, ()), *ROUTE_ONLY)
    return tuple(s for s in names if s not in excluded)


def compose_item(
    doc_type: str,
    route: str,
    rng: random.Random,
    received: dt.date,
    court_routes: Mapping[str, str] | None = None,
) -> MailItem:
    """Write one labelled mail item about a topic of `route` in a style of `doc_type`.

    All randomness comes from `rng`; the letter is dated 1-10 days before `received`.
    Court mail (gerichtspost) follows the routing policy `court_routes` (configs/synth.yaml;
    the package's own when None): it is about a court matter that the policy sends to
    `route`. Raises ValueError if no topic of the route fits the doc type (an undeclared pair).
    """
    topics = declared_topics(doc_type, route, court_routes) if doc_type in WRITERS else ()
    styles = styles_for(doc_type, route, court_routes) if doc_type in WRITERS else ()
    if not topics or not styles:
        raise ValueError(f"cannot write a {doc_type!r} for route {route!r}: no fitting topic")
    topic = rng.choice(topics)
    style = court.pick_style(styles, rng) if doc_type == "gerichtspost" else rng.choice(styles)
    matter = ""
    if doc_type == "gerichtspost":
        found, topic = court.draw(route, style, court_routes or default_court_routes(), rng)
        matter = found.key
    c = make_ctx(doc_type, route, topic, rng, received)
    c.s["matter"] = matter
    if doc_type in citizen.WRITERS and c.chance(MISADDRESSED):
        misaddress(c)
    if doc_type in citizen.WRITERS and route == "poststelle":
        c.refs = ()  # a letter to "the city" cites no file
    letter = WRITERS[doc_type][style](c)
    letter = _extras(c, letter, style)
    enclosures = tuple(c.enclosures)
    if enclosures and not letter.enclosure_list:
        names = tuple(e.title or e.subject or "Kopie" for e in enclosures)
        letter = dataclasses.replace(letter, enclosure_list=names)
    return MailItem(doc_type, route, style, c.topic.key, letter, enclosures, received, c.town.name, matter)


def misaddress(c: Ctx) -> None:
    """Address the letter to another office or to the city as a whole; the route stays the
    office the content belongs to (the Poststelle forwards it)."""
    others = [r for r in pp.OFFICES["amt"] if r not in (c.route, "poststelle", "beschaffung")]
    if c.chance(0.55):
        c.dept = pp.office_name(c.rng, c.rng.choice(others), c.town)
        name = c.rng.choice(c.town.titles)
    else:
        c.dept = ""
        name = c.one(PLAIN_CITY).replace("{name}", c.town.name)
    person = ""
    if c.chance(0.45):
        office = pp.office_name(c.rng, c.rng.choice(others), c.town)
        person = "z. Hd. " + c.one(ATTENTION).replace("{office}", office)
    c.to = Party("city", name, pp.city_address(c.rng, c.town), department=c.dept, person=person)
    c.s["misaddressed"] = "yes"


def _extras(c: Ctx, letter: Document, style: str) -> Document:
    """Add a distractor, small talk, a request to forward, second-page length and optional
    enclosures to a drafted letter."""
    body = list(letter.body)
    prose = [i for i, b in enumerate(body) if isinstance(b, Paragraph)]
    mail = any(isinstance(b, Paragraph) and b.text.startswith(MAIL_HEADS) for b in body[:3])
    citizen_prose = (
        c.doc_type in citizen.WRITERS
        and letter.layout in ("letter", "note")
        and style not in dunning.ANFRAGE  # a firm's question, not a citizen's letter
    )
    if citizen_prose and not mail and len(prose) >= 2 and c.chance(0.15 / 0.9):
        others = [t for t in TOPICS if t.route not in (c.route, "poststelle", "beschaffung")]
        other = c.rng.choice(others).name
        body.insert(c.rng.choice(prose[1:]), Paragraph(c.one(ASIDES).replace("{other}", other)))
    citizen_prose = citizen_prose and not mail  # printed e-mails keep their header and sign-off
    if citizen_prose and prose and c.chance(0.12):
        body.insert(c.rng.choice(prose[:2]) + 1, Paragraph(c.one(SMALL_TALK)))
        prose = [i for i, b in enumerate(body) if isinstance(b, Paragraph)]
    if citizen_prose and prose and c.chance(0.5 if c.s.get("misaddressed") else 0.03):
        body.insert(prose[-1] + (c.rng.random() < 0.5), Paragraph(c.one(FORWARD)))
        prose = [i for i, b in enumerate(body) if isinstance(b, Paragraph)]
    if citizen_prose and style in LETTER_STYLES and c.chance(0.3):
        pool = [c.f(t) for t in (*c.topic.facts, *getattr(c.topic, NEED[c.doc_type])) if isinstance(t, str)]
        pool += list(LONG_FILLER)
        c.rng.shuffle(pool)
        extra: list[Block] = []
        i, stop = 0, min(len(pool), c.rng.randint(6, 14))
        while i < stop:  # one or two sentences a paragraph, none repeated
            k = c.rng.randint(1, 2)
            extra.append(Paragraph(" ".join(pool[i : i + k])))
            i += k
        at = prose[-1] if prose else len(body)
        body[at:at] = extra
    _add_enclosures(c)
    return dataclasses.replace(letter, body=tuple(body))


def _add_enclosures(c: Ctx) -> None:
    """Nachreichung always carries evidence; other items sometimes copies."""
    evidence = [c.f(e) for e in c.topic.evidence]
    if c.doc_type == "nachreichung":
        names = (c.s.get("enclosed") or "").split("; ")
        names = [n for n in names if n] or evidence
        for name in c.rng.sample(names, min(len(names), c.rng.randint(1, 2))):
            c.enclosures.append(evidence_doc(c, name))
        return
    if c.enclosures or c.doc_type not in citizen.WRITERS:
        return
    if c.chance(0.22):
        if c.doc_type == "widerspruch" and c.chance(0.6):
            c.enclosures.append(copy_of_city_notice(c))
        elif evidence:
            c.enclosures.append(evidence_doc(c, c.rng.choice(evidence)))
