"""Letters citizens (and those acting for them) write to the city.

Doc types antrag, widerspruch, beschwerde, anfrage, nachreichung, kuendigung share the
ways of writing (formal, terse, note, e-mail, simple German, on behalf, lawyer, angry,
company); each doc type adds its own phrases in `PH` and one or two own structures
(a form, numbered grounds, a list of questions, a checklist, a signature list).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from mailroom.synth import people as pp
from mailroom.synth.document import Block, Bullets, Checkboxes, Document, Fields, Paragraph, Table
from mailroom.synth.writers.base import (
    CASUAL_CLOSINGS,
    Ctx,
    cap,
    doc,
    email_header,
    evidence_doc,
    joined,
    paras,
    vollmacht,
)

# What each doc type says, by tone. Texts after a salutation start in lower case.
PH: dict[str, dict[str, tuple[str, ...]]] = {
    "antrag": {
        "subj": (
            "Antrag auf {want}",
            "{topic} – Antrag",
            "Beantragung {topic}",
            "Antrag {topic}",
            "{topic}",
            "Antrag vom {date}",
        ),
        "formal": (
            "hiermit beantrage ich {want}.",
            "ich möchte {want} beantragen.",
            "ich bitte um {want}.",
            "hiermit stelle ich einen Antrag auf {want}.",
            "bitte prüfen Sie meinen Antrag auf {want}.",
            "ich beantrage mit diesem Schreiben {want}.",
            "ich wende mich an Sie, um {want} zu beantragen.",
        ),
        "plain": (
            "Ich beantrage {want}.",
            "Bitte um {want}.",
            "Hiermit Antrag auf {want}.",
            "Ich brauche {want}.",
            "Ich möchte {want} beantragen.",
        ),
        "old": (
            "ich wende mich an Sie, weil ich {want} brauche.",
            "meine Tochter hat gesagt, ich soll Ihnen wegen {topic} schreiben.",
            "ich möchte gern {want} haben und weiß nicht, wie das richtig geht.",
            "ich hätte gern {want}, wenn das möglich ist.",
        ),
        "simple": (
            "ich will machen Antrag für {topic}.",
            "ich brauche {want}, bitte.",
            "ich schreiben wegen {topic}. Ich möchte bekommen {want}.",
            "bitte ich möchte {want}. Ist wichtig für mich.",
        ),
        "third": (
            "als {role} von {client} beantrage ich für {dat} {want}.",
            "ich schreibe im Auftrag von {client} und beantrage {want}.",
            "für {client} möchte ich hiermit {want} beantragen.",
            "{client} bittet mich, für {dat} {want} zu beantragen.",
        ),
        "company": (
            "im Auftrag unseres Kunden beantragen wir {want}.",
            "wir beantragen hiermit {want}.",
            "namens der Eigentümergemeinschaft beantragen wir {want}.",
        ),
        "ask": (
            "Für Rückfragen stehe ich Ihnen gern zur Verfügung.",
            "Ich bitte um eine kurze Eingangsbestätigung.",
            "Bitte teilen Sie mir mit, falls noch Unterlagen fehlen.",
            "Über eine zügige Bearbeitung würde ich mich freuen.",
            "Ich bedanke mich im Voraus für die Bearbeitung.",
            "Sollten weitere Nachweise erforderlich sein, reiche ich diese umgehend nach.",
            "Bitte senden Sie mir gegebenenfalls die nötigen Formulare zu.",
            "Sie erreichen mich tagsüber unter {phone}.",
        ),
    },
    "widerspruch": {
        "subj": (
            "Widerspruch gegen den {bescheid} vom {bdate}",
            "Widerspruch – {reflabel} {ref}",
            "{bescheid} vom {bdate}",
            "Ihr Schreiben vom {bdate}",
            "Einspruch {topic}",
            "Bescheid vom {bdate} – {reflabel} {ref}",
            "Widerspruch",
            "{topic}",
        ),
        "formal": (
            "gegen Ihren {bescheid} vom {bdate} lege ich hiermit fristgerecht Widerspruch ein.",
            "hiermit widerspreche ich dem {bescheid} vom {bdate}.",
            "mit dem {bescheid} vom {bdate} bin ich nicht einverstanden und bitte um erneute Prüfung.",
            "ich erhebe Widerspruch gegen den {bescheid} vom {bdate}.",
            "ich bin mit Ihrer Entscheidung vom {bdate} nicht einverstanden.",
            "den {bescheid} vom {bdate} kann ich so nicht akzeptieren.",
            "gegen den oben genannten Bescheid lege ich Widerspruch ein.",
        ),
        "plain": (
            "Gegen den Bescheid vom {bdate} lege ich Widerspruch ein.",
            "Ich widerspreche dem {bescheid}.",
            "Ich bin mit dem Bescheid nicht einverstanden.",
            "Widerspruch gegen Ihren Bescheid vom {bdate}.",
        ),
        "old": (
            "ich habe Ihren Brief vom {bdate} bekommen und bin damit nicht einverstanden.",
            "Ihr Bescheid hat mich sehr erschreckt, das kann doch nicht stimmen.",
            "ich möchte gegen Ihr Schreiben vom {bdate} Einspruch erheben.",
        ),
        "simple": (
            "ich haben bekommen Brief vom {bdate}. Ich nicht einverstanden.",
            "ich mache Widerspruch gegen {bescheid}.",
            "der Bescheid ist falsch, ich nicht akzeptieren.",
        ),
        "third": (
            "für {client} lege ich gegen den {bescheid} vom {bdate} Widerspruch ein.",
            "als {role} von {client} widerspreche ich dem {bescheid} vom {bdate}.",
            "{client} ist mit dem {bescheid} vom {bdate} nicht einverstanden; ich "
            "schreibe in {poss} Auftrag.",
        ),
        "lawyer": (
            "namens und in Vollmacht {mandanten} legen wir gegen den {bescheid} vom {bdate} Widerspruch ein.",
            "wir erheben für {mandant} Widerspruch gegen den {bescheid} vom {bdate}.",
            "gegen den {bescheid} vom {bdate} wird hiermit namens {mandanten} Widerspruch eingelegt.",
        ),
        "angry": (
            "was Sie mir mit Ihrem Bescheid vom {bdate} zumuten, ist eine Frechheit!",
            "ich bin fassungslos über Ihren {bescheid}.",
            "schon wieder so ein Bescheid von Ihnen, und wieder ist alles falsch!",
            "Ihren {bescheid} vom {bdate} lasse ich mir nicht gefallen!",
        ),
        "ask": (
            "Ich beantrage, den Bescheid aufzuheben.",
            "Ich bitte, den Bescheid zu überprüfen und zu korrigieren.",
            "Bitte nehmen Sie den Bescheid zurück.",
            "Ich beantrage die Aussetzung der Vollziehung bis zur Entscheidung.",
            "Eine ausführliche Begründung reiche ich nach.",
            "Bitte bestätigen Sie mir den Eingang dieses Schreibens.",
            "Ich bitte um einen neuen, korrigierten Bescheid.",
            "Bis zur Klärung bitte ich, von Mahnungen abzusehen.",
        ),
    },
    "beschwerde": {
        "subj": (
            "Beschwerde: {topic}",
            "Beschwerde",
            "Mängelmeldung",
            "Zustände an der {site}",
            "Bitte um Abhilfe",
            "Hinweis auf einen Missstand",
            "Beschwerde über {topic}",
        ),
        "formal": (
            "ich möchte mich über folgenden Missstand beschweren.",
            "hiermit möchte ich Ihnen einen Mangel melden.",
            "ich wende mich mit einer Beschwerde an Sie.",
            "leider muss ich Ihnen heute einen unhaltbaren Zustand schildern.",
            "ich bitte Sie, sich um folgendes Problem zu kümmern.",
            "ich möchte Sie auf ein Problem aufmerksam machen.",
        ),
        "plain": (
            "Ich möchte mich beschweren.",
            "Ich melde folgendes Problem.",
            "Bitte kümmern Sie sich um Folgendes.",
            "Kurze Meldung:",
        ),
        "old": (
            "ich muss mich leider an Sie wenden, weil es so nicht weitergeht.",
            "ich bin eine alte Frau und traue mich kaum noch aus dem Haus, weil",
            "ich habe schon so oft angerufen, aber niemand hilft mir.",
        ),
        "simple": (
            "ich möchte sagen ein Problem.",
            "ich haben Problem und brauche Hilfe.",
            "bitte helfen, es ist schlimm.",
        ),
        "angry": (
            "jetzt reicht es mir endgültig!",
            "ich bin stinksauer!",
            "was ist eigentlich los in dieser Stadt?",
            "so geht das nicht weiter!",
        ),
        "company": (
            "als Gewerbetreibende in der {site} müssen wir uns leider beschweren.",
            "im Namen unserer Mieter weisen wir auf einen Missstand hin.",
        ),
        "ask": (
            "Ich bitte Sie dringend, hier Abhilfe zu schaffen.",
            "Bitte sorgen Sie dafür, dass das aufhört.",
            "Ich erwarte eine Rückmeldung, was Sie unternehmen.",
            "Bitte prüfen Sie die Angelegenheit vor Ort.",
            "Ich hoffe, dass sich jetzt endlich etwas ändert.",
            "Für einen Ortstermin stehe ich gern zur Verfügung.",
            "Bitte informieren Sie mich über das Ergebnis.",
        ),
    },
    "anfrage": {
        "subj": (
            "Anfrage: {topic}",
            "Frage zu {topic}",
            "Bitte um Auskunft",
            "{topic} – Nachfrage",
            "Terminanfrage",
            "Informationen zu {topic}",
            "Anfrage",
            "Rückfrage",
        ),
        "formal": (
            "ich habe eine Frage zum Thema {topic}.",
            "ich bitte Sie um eine Auskunft.",
            "ich wende mich mit einer Frage an Sie.",
            "könnten Sie mir bitte in folgender Angelegenheit weiterhelfen?",
            "ich bitte um Beratung in einer Angelegenheit.",
            "ich hoffe, Sie können mir weiterhelfen.",
        ),
        "plain": ("Kurze Frage:", "Ich habe eine Frage.", "Bitte um Info:", "Frage an Sie:"),
        "old": (
            "ich weiß nicht genau, an wen ich mich wenden soll, darum schreibe ich Ihnen.",
            "ich bin nicht mehr so gut zu Fuß und kann nicht aufs Amt kommen.",
            "entschuldigen Sie bitte die Störung, ich habe eine Frage.",
        ),
        "simple": ("ich habe Frage.", "bitte können Sie mir sagen.", "ich nicht weiß wie geht."),
        "third": (
            "ich betreue {client} und habe eine Frage in {poss} Angelegenheit.",
            "als {role} von {client} bitte ich um eine Auskunft.",
        ),
        "lawyer": (
            "{Mandant} hat uns mit der Wahrnehmung {poss}r Interessen beauftragt.",
            "wir zeigen an, dass wir {client} anwaltlich vertreten.",
        ),
        "company": (
            "wir wenden uns mit einer Anfrage an Sie.",
            "als langjähriger Auftragnehmer der Stadt haben wir eine Frage.",
        ),
        "ask": (
            "Über eine kurze Antwort würde ich mich freuen.",
            "Gern auch telefonisch unter {phone}.",
            "Können Sie mir dazu einen Termin anbieten?",
            "Vielen Dank im Voraus für Ihre Mühe.",
            "Bitte antworten Sie mir per E-Mail an {email}.",
            "Falls Sie nicht zuständig sind, leiten Sie mein Schreiben bitte weiter.",
        ),
    },
    "nachreichung": {
        "subj": (
            "Nachreichung von Unterlagen – {reflabel} {ref}",
            "Unterlagen zu {topic}",
            "Ihr Schreiben vom {bdate}",
            "Fehlende Unterlagen",
            "Nachtrag zu meinem Antrag",
            "Nachreichung zum Antrag auf {want}",
            "{reflabel}: {ref}",
            "Nachweise",
        ),
        "formal": (
            "wie von Ihnen mit Schreiben vom {bdate} angefordert, übersende ich die fehlenden Unterlagen.",
            "anbei erhalten Sie die noch fehlenden Nachweise.",
            "in der oben genannten Angelegenheit reiche ich folgende Unterlagen nach.",
            "zu meinem Antrag übersende ich Ihnen ergänzend folgende Dokumente.",
            "Sie hatten mich gebeten, weitere Nachweise vorzulegen. Diese füge ich bei.",
            "zu meinem Antrag auf {want} reiche ich die noch fehlenden Nachweise nach.",
            "für die Bearbeitung meines Antrags auf {want} fehlten noch Unterlagen; diese erhalten Sie anbei.",
        ),
        "plain": (
            "Anbei die fehlenden Unterlagen.",
            "Wie gewünscht anbei:",
            "Hier die Nachweise.",
            "Anbei wie angefordert:",
            "Nachweise zum Antrag auf {want} anbei.",
        ),
        "old": (
            "Sie wollten noch Papiere von mir haben, die schicke ich jetzt.",
            "anbei lege ich die Zettel bei, die Sie haben wollten.",
        ),
        "simple": ("ich schicke Papiere wie Sie wollen.", "hier ist Dokumente fur Sie."),
        "third": (
            "für {client} übersende ich die angeforderten Unterlagen.",
            "als {role} von {client} reiche ich die fehlenden Nachweise nach.",
        ),
        "lawyer": (
            "in der oben bezeichneten Angelegenheit überreichen wir die angeforderten "
            "Unterlagen {mandanten}.",
            "namens {mandanten} reichen wir folgende Nachweise nach.",
        ),
        "company": (
            "für unsere Mitarbeiterin {client_name} übersenden wir die angeforderte Bescheinigung.",
            "auf Ihre Anforderung erhalten Sie anbei die Unterlagen.",
        ),
        "ask": (
            "Damit sollten die Unterlagen vollständig sein.",
            "Bitte teilen Sie mir mit, ob noch etwas fehlt.",
            "Ich bitte nun um zügige Bearbeitung.",
            "Den noch fehlenden Nachweis reiche ich nach, sobald er mir vorliegt.",
            "Die Originale kann ich bei Bedarf vorlegen.",
        ),
    },
    "kuendigung": {
        "subj": (
            "Kündigung",
            "Abmeldung – {topic}",
            "Kündigung {topic}",
            "Abmeldung",
            "Beendigung – {topic}",
            "{reflabel} {ref} – Abmeldung",
            "Mitteilung",
        ),
        "formal": (
            "hiermit teile ich Ihnen Folgendes mit.",
            "bitte nehmen Sie folgende Abmeldung zur Kenntnis.",
            "in der oben genannten Angelegenheit gibt es eine Änderung.",
            "ich möchte Ihnen eine Veränderung mitteilen.",
            "ich beantrage die Abmeldung ({topic}) zum nächstmöglichen Zeitpunkt.",
        ),
        "plain": ("Hiermit:", "Zur Info:", "Bitte beachten:"),
        "old": ("ich muss Ihnen leider etwas mitteilen.", "es hat sich bei mir etwas geändert."),
        "simple": ("ich will beenden.", "ich möchte abmelden, bitte."),
        "third": ("ich schreibe für {client}.", "als {role} von {client} teile ich Folgendes mit."),
        "angry": (
            "ich habe genug von Ihrer Verwaltung!",
            "nach dem ganzen Ärger ziehe ich jetzt die Konsequenzen.",
        ),
        "company": ("hiermit teilen wir Ihnen Folgendes mit.", "wir bedauern, Ihnen mitteilen zu müssen:"),
        "ask": (
            "Bitte bestätigen Sie mir die Kündigung schriftlich.",
            "Ich bitte um eine kurze Bestätigung.",
            "Bitte stellen Sie die Zahlungen zum genannten Termin ein.",
            "Eine eventuelle Überzahlung erstatten Sie bitte auf mein Konto {iban}.",
            "Die Einzugsermächtigung widerrufe ich zum gleichen Zeitpunkt.",
            "Bitte schicken Sie mir eine Abmeldebestätigung.",
        ),
    },
}

# The topic field that carries each doc type's core.
CORE = {
    "antrag": "facts",
    "widerspruch": "grounds",
    "beschwerde": "problems",
    "anfrage": "questions",
    "nachreichung": "evidence",
    "kuendigung": "ends",
}
REASONS = (
    "Grund ist mein Umzug nach {town}.",
    "Ich ziehe in ein Pflegeheim.",
    "Die Umstände haben sich geändert.",
    "Ich bin inzwischen Rentnerin.",
    "Wir ziehen zum {start} zu unseren Kindern.",
    "Dies hat persönliche Gründe.",
)
OLD_INTRO = (
    "Ich bin {n}{n} Jahre alt und sehe nicht mehr gut.",
    "Mein Mann ist voriges Jahr gestorben, früher hat er die Post gemacht.",
    "Ich wohne seit über 50 Jahren in {city}.",
    "Entschuldigen Sie meine Schrift, meine Hände zittern.",
    "Ich habe kein Internet und kein Handy.",
    "Ich bin alleinstehend.",
)
SIMPLE_EXTRA = (
    "Ich wohne in {city} seit {n} Jahre.",
    "Mein Deutsch nicht so gut, Entschuldigung.",
    "Bitte schreiben Sie einfach Deutsch.",
    "Ich war bei Amt aber zu.",
    "Mein Nachbar hilft mit Brief.",
    "Ich habe Kinder {n}.",
    "Telefon ich nicht verstehe gut.",
)
ANGRY_EXTRA = (
    "Ich zahle schließlich auch meine Steuern.",
    "Das ist Behördenwillkür!",
    "So etwas habe ich in 30 Jahren noch nicht erlebt.",
    "Ich habe schon dreimal angerufen und niemand ruft zurück.",
    "Offenbar liest bei Ihnen niemand, was man schreibt.",
    "Ich überlege, mich an die Presse zu wenden.",
)


def ph(c: Ctx, key: str) -> str:
    """A filled phrase of the item's doc type; falls back to the formal tone."""
    table = PH[c.doc_type]
    return c.one(table.get(key) or table["formal"])


def core(c: Ctx, lo: int = 1, hi: int = 2) -> list[str]:
    """Sentences of the doc type's own content from the topic."""
    values = getattr(c.topic, CORE[c.doc_type])
    if c.doc_type == "nachreichung":
        ev = c.f(c.rng.choice(values))
        return [
            c.one(
                (
                    "Anbei: {ev}.",
                    "Es handelt sich um: {ev}.",
                    "Beigefügt finden Sie folgende Unterlage: {ev}.",
                    "Nachgereicht wird: {ev}.",
                )
            ).replace("{ev}", ev)
        ]
    return c.some(values, lo, hi)


def facts(c: Ctx, lo: int = 0, hi: int = 2) -> list[str]:
    """Background sentences from the topic (none for doc types that use facts as core)."""
    if c.doc_type == "antrag" or not c.topic.facts:
        return []
    return c.some(c.topic.facts, lo, hi)


def evidence_list(c: Ctx) -> list[Block]:
    """For nachreichung a list of what is enclosed, else sometimes a mention."""
    names = [c.f(e) for e in c.topic.evidence]
    if c.doc_type == "nachreichung" and names:
        picked = c.rng.sample(names, min(len(names), c.rng.randint(1, 4)))
        c.s["enclosed"] = "; ".join(picked)
        return [Bullets(tuple(picked))]
    if names and c.chance(0.35):
        if c.chance(0.4):
            c.enclosures.append(evidence_doc(c, c.rng.choice(names)))
            return paras(
                c.one(
                    (
                        "Die Unterlagen liegen in Kopie bei.",
                        "Nachweise anbei.",
                        "Ich füge die entsprechenden Nachweise bei.",
                    )
                )
            )
        return paras(
            c.one(
                ("Als Nachweis lege ich {ev} bei.", "Beigefügt: {ev}.", "Eine Kopie ({ev}) liegt bei.")
            ).replace("{ev}", c.rng.choice(names))
        )
    return []


def subject(c: Ctx) -> str:
    return ph(c, "subj")


def body_core(c: Ctx) -> list[str]:
    """Core plus background, as sentences, in a plausible order for the doc type."""
    if c.doc_type == "antrag":
        return c.some(c.topic.facts, 1, 3)
    if c.doc_type == "kuendigung":
        private = c.route != "beschaffung" and c.chance(0.6)
        return core(c, 1, 1) + (c.some(REASONS, 1, 1) if private else [])
    return facts(c, 0, 2) + core(c, 1, 3)


# An objection that also grumbles about the office (no appointment, no answer): the
# grumbling does not make it a complaint; what it asks is that the notice go.
OBJECTION_GRUMBLES = (
    "Nebenbei: Einen Termin für eine persönliche Vorsprache bekommt man bei Ihnen seit Wochen nicht.",
    "Telefonisch war in Ihrem Amt leider niemand zu erreichen, deshalb schreibe ich.",
    "Auf meine E-Mail nach Erhalt des Bescheids habe ich bis heute keine Antwort erhalten.",
    "Dass man mir am Schalter nicht weiterhelfen konnte, sei nur am Rande erwähnt.",
)


def formal(c: Ctx) -> Document:
    """A correct, polite letter in DIN 5008 style."""
    body = paras(ph(c, "formal"), joined(body_core(c)))
    if c.doc_type == "widerspruch" and c.chance(0.15):
        body += paras(c.f(c.rng.choice(OBJECTION_GRUMBLES)))
    if c.chance(0.4) and c.topic.facts and c.doc_type != "antrag":
        body += paras(joined(c.some(c.topic.facts, 1, 1)))
    body += evidence_list(c)
    body += paras(*c.some(PH[c.doc_type]["ask"], 1, 2))
    return doc(
        c, body, subject=subject(c), salutation=c.salutation(), closing=c.closing(), signature=c.me.name
    )


def terse(c: Ctx) -> Document:
    """Two or three lines, no courtesy."""
    text = joined([ph(c, "plain"), *body_core(c)[:1]])
    body = paras(text) + evidence_list(c)
    if c.chance(0.5):
        body += paras(c.one(PH[c.doc_type]["ask"]))
    return doc(
        c,
        body,
        subject=subject(c) if c.chance(0.8) else "",
        salutation=c.one(("", "Hallo,", "Guten Tag,", "Sehr geehrte Damen und Herren,")),
        closing=c.rng.choice(CASUAL_CLOSINGS),
        signature=c.me.name,
        refs=c.refs if c.chance(0.5) else (),
    )


def note(c: Ctx) -> Document:
    """An elderly person's handwritten note: one long run of sentences, no subject."""
    parts = [ph(c, "old"), *c.some(OLD_INTRO, 1, 2), *body_core(c)]
    if c.chance(0.5):
        parts.append(
            c.one(
                (
                    "Bitte helfen Sie mir.",
                    "Ich danke Ihnen schon im Voraus.",
                    "Vielleicht kann jemand mal anrufen, Telefon {phone}.",
                    "Ich hoffe, Sie können das lesen.",
                )
            )
        )
    body: list[Block] = [Paragraph(joined(parts))] + evidence_list(c)
    return doc(
        c,
        body,
        layout="note",
        subject="",
        salutation=c.one(
            (
                "Liebe Damen und Herren,",
                "Sehr geehrte Damen und Herren!",
                "Werte Stadtverwaltung,",
                "",
                "An das Amt,",
            )
        ),
        closing=c.one(
            (
                "Hochachtungsvoll",
                "Mit freundlichen Grüßen",
                "Ihre {me}",
                "Dankbar grüßt",
                "Mit freundlichem Gruß",
            )
        ),
        signature=c.me.name,
        refs=(),
    )


def email(c: Ctx) -> Document:
    """A printed e-mail: header lines, greeting and sign-off inside the body."""
    subj = subject(c)
    body = email_header(c, c.me.name, c.me.email, subj)
    body += paras(
        c.one(("Sehr geehrte Damen und Herren,", "Hallo,", "Guten Tag,", "Sehr geehrte Frau {official},"))
    )
    body += paras(cap(ph(c, c.rng.choice(("formal", "plain")))), joined(body_core(c)))
    body += evidence_list(c)
    body += paras(
        c.one(PH[c.doc_type]["ask"]),
        f"{c.rng.choice(CASUAL_CLOSINGS)}\n{c.me.name}",
        c.one(("", "Tel.: {phone}", "Gesendet von meinem iPhone", "{me}\n{phone}")),
    )
    if c.chance(0.3) and c.refs:
        body.insert(5, Paragraph(f"{c.refs[0][0]}: {c.refs[0][1]}"))
    return doc(c, body, recipient=None, refs=())


def simple(c: Ctx) -> Document:
    """A non-native writer's simple German; the topic shows only through its nouns."""
    nouns = c.one(("Es geht um {topic}.", "Thema ist {topic}.", "Wegen {topic}.", "Ich meine {topic}."))
    parts = [ph(c, "simple"), nouns, *c.some(SIMPLE_EXTRA, 1, 2)]
    if c.doc_type == "widerspruch":
        parts.append(
            c.one(
                (
                    "Ich kann nicht zahlen so viel.",
                    "Das ist nicht richtig, bitte prüfen.",
                    "Warum Sie schreiben das?",
                )
            )
        )
    ask = c.one(
        (
            "Bitte helfen Sie.",
            "Danke schön.",
            "Bitte antworten.",
            "Vielen Dank für Hilfe.",
            "Bitte rufen Sie an {phone}.",
        )
    )
    body = paras(joined(parts), ask) + evidence_list(c)
    return doc(
        c,
        body,
        subject=c.one(("{topic}", "Brief", "Frage", "")),
        salutation=c.one(("Sehr geehrte Damen und Herren,", "Hallo,", "Guten Tag")),
        closing=c.one(("Mit freundlichen Grüßen", "Danke", "Grüße")),
        signature=c.me.name,
    )


def on_behalf(c: Ctx) -> Document:
    """A relative or social worker writes for the person concerned and quotes them."""
    writer = pp.person(c.rng, c.received, c.town)
    c.s["client_name"], c.s["client"] = (
        c.me.name,
        (f"{'Frau' if c.me.gender == 'f' else 'Herrn'} {c.me.name}"),
    )
    quote = joined(body_core(c))
    body = paras(
        ph(c, "third"),
        c.one(
            (
                "{client} schildert die Lage so: „{q}“",
                "Nach Angaben von {client} gilt Folgendes: „{q}“",
                "Ich gebe {poss} Worte wieder: „{q}“",
            )
        ).replace("{q}", quote),
        c.one(
            (
                "Eine Vollmacht liegt bei.",
                "Die Betreuungsurkunde füge ich in Kopie bei.",
                "Bitte richten Sie Ihre Antwort an mich.",
                "{Pron} kann selbst nicht mehr schreiben.",
            )
        ),
    )
    body += evidence_list(c)
    body += paras(c.one(PH[c.doc_type]["ask"]))
    if c.chance(0.6):
        c.enclosures.append(vollmacht(c, writer.name))
    sender = pp.citizen_party(writer, True)
    if c.chance(0.35):
        org = c.rng.choice(
            (
                "Diakonie Stadtmission {city} e. V.",
                "Caritasverband {city}",
                "AWO {city} – Sozialberatung",
                "Volkssolidarität {city} e. V.",
                "Betreuungsverein {city} e. V.",
                "Paritätischer Wohlfahrtsverband, Kreisgruppe {city}",
            )
        ).replace("{city}", c.town.name)
        sender = pp.Party(
            "company",
            org,
            pp.local_address(c.rng, c.town),
            (f"Tel. {pp.phone(c.rng, 0.0, c.town)}",),
            person=writer.name,
        )
    return doc(
        c,
        body,
        sender=sender,
        subject=f"{subject(c)} – {c.me.name}",
        salutation=c.salutation(),
        closing=c.closing(),
        signature=writer.name,
    )


def lawyer(c: Ctx) -> Document:
    """A law firm's letter for its client."""
    firm = pp.law_firm(c.rng, c.town)
    c.s["client_name"] = c.me.name
    c.s["client"] = f"{'Frau' if c.me.gender == 'f' else 'Herrn'} {c.me.name}"
    body = paras(
        c.one(
            (
                "zeigen wir an, dass uns {client} mit der Wahrnehmung {poss}r rechtlichen "
                "Interessen beauftragt hat.",
                "wir vertreten die rechtlichen Interessen von {client}, {wohn}.",
                "unter Vorlage einer Vollmacht zeigen wir die Vertretung {mandanten} an.",
            )
        ).replace("{wohn}", ", ".join(c.me.address)),
        ph(c, "lawyer"),
        c.one(
            (
                "{Mandant} trägt zum Sachverhalt vor: „{q}“",
                "Zum Sachverhalt teilt {mandant} mit: „{q}“",
                "Nach Schilderung {mandanten} stellt sich die Sache so dar: „{q}“",
            )
        ).replace("{q}", joined(body_core(c))),
        c.one(
            (
                "Wir beantragen Akteneinsicht und bitten um Übersendung der Verwaltungsakte.",
                "Eine weitergehende Begründung bleibt nach Akteneinsicht vorbehalten.",
                "Wir haben uns für Ihre Antwort den {deadline} notiert.",
                "Wir bitten, künftig ausschließlich mit unserer Kanzlei zu korrespondieren.",
            )
        ),
    )
    refs = (
        (
            "Unser Zeichen",
            f"{c.rng.randint(10, 999)}/{c.received.year % 100} "
            f"{c.rng.choice('ABCDKMS')}{c.rng.choice('ABCDKMS')}",
        ),
        *c.refs,
    )
    if c.chance(0.5):
        c.enclosures.append(vollmacht(c, firm.name))
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


def angry(c: Ctx) -> Document:
    """An emotional letter: exclamations, reproaches, threats."""
    parts = [ph(c, "angry"), *body_core(c), *c.some(ANGRY_EXTRA, 1, 3)]
    c.rng.shuffle(parts)
    demand = c.one(
        (
            "Ich erwarte, dass Sie das sofort in Ordnung bringen!",
            "Wenn sich nichts ändert, gehe ich zum Anwalt!",
            "Ich erwarte umgehend eine Antwort!",
            "Ich werde mich auch beim Oberbürgermeister beschweren!",
            "Das lasse ich so nicht stehen!",
        )
    )
    subj = subject(c)
    return doc(
        c,
        paras(joined(parts[:2]), joined(parts[2:]), demand),
        subject=subj.upper() if c.chance(0.3) else subj + "!!!" * c.chance(0.3),
        salutation=c.one(("Sehr geehrte Damen und Herren,", "Hallo,", "")),
        closing=c.one(("Mit verärgerten Grüßen", "Gruß", "Mit freundlichen Grüßen", "Hochachtungsvoll")),
        signature=c.me.name,
    )


SIGNING_ROLES = ("Geschäftsführer", "Prokurist", "Buchhaltung", "Objektbetreuung")
COMPANY_ASK = (
    "Wir bitten um kurzfristige Rückmeldung.",
    "Für Ihre Unterstützung danken wir im Voraus.",
    "Bitte bestätigen Sie uns den Eingang.",
    "Wir bitten um Prüfung und Nachricht.",
    "Eine Antwort erbitten wir bis zum {deadline}.",
)
TRADE_FOR = {
    "beschaffung": ("buero", "it", "reinigung", "heizung", "druck", "energie", "moebel", "bau"),
    "bauamt": ("bau",),
    "umweltamt": ("garten",),
}


def company(c: Ctx) -> Document:
    """A firm or property manager writes about the matter."""
    trades = TRADE_FOR.get(c.route, ("bau", "heizung", "garten", "reinigung"))
    firm = pp.company(c.rng, c.rng.choice(trades), c.town)
    if c.route not in TRADE_FOR and c.chance(0.6):
        firm = pp.Party(
            "company",
            f"Hausverwaltung {c.rng.choice(pp.LAST)} GmbH",
            pp.local_address(c.rng, c.town),
            firm.contact,
            person=firm.person,
        )
    c.s["client_name"] = c.me.name
    parts = body_core(c)
    quoted = c.one(("Unser Mieter {me} teilt uns mit: „{q}“", "Dazu: {q}", "Sachverhalt: {q}")).replace(
        "{q}", joined(parts)
    )
    body = paras(ph(c, "company"), quoted if c.route != "beschaffung" else joined(parts))
    body += paras(
        c.one(COMPANY_ASK),
        c.one(
            (
                "Ihr Ansprechpartner ist {official}.",
                "Für Rückfragen erreichen Sie uns werktags von 8 bis 16 Uhr.",
                "",
            )
        ),
    )
    refs = (*c.refs, ("Unser Zeichen", f"{c.rng.choice(('GF', 'VK', 'OB', 'HV'))}/{c.rng.randint(100, 999)}"))
    return doc(
        c,
        body,
        sender=firm,
        refs=refs,
        subject=subject(c),
        salutation=c.salutation(),
        closing=c.closing(),
        signature=f"{firm.person}, {c.rng.choice(SIGNING_ROLES)}",
    )


# --- doc-type-specific structures ----------------------------------------------------


def personal_fields(c: Ctx) -> Fields:
    return Fields(
        c.one(
            (
                "Angaben zur antragstellenden Person",
                "Persönliche Angaben",
                "1. Antragsteller/in",
                "Angaben zur Person",
            )
        ),
        (
            ("Name, Vorname", f"{c.me.last}, {c.me.first}"),
            ("Geburtsdatum", pp.de_date(c.me.birth)),
            ("Anschrift", ", ".join(c.me.address)),
            ("Telefon", c.me.phone if c.chance(0.7) else ""),
            ("E-Mail", c.me.email if c.chance(0.5) else ""),
        ),
    )


def form(c: Ctx) -> Document:
    """A printed form, filled in by hand: fields, ticked boxes, a declaration."""
    kind = {"antrag": "Antrag", "kuendigung": "Abmeldung", "beschwerde": "Meldung"}[c.doc_type]
    title = c.one((f"{kind} – {{topic}}", f"{kind} {{topic}}", f"Formular: {kind} {{topic}}"))
    topic_fields = tuple((label, c.f(value)) for label, value in c.topic.fields)
    if not topic_fields:
        topic_fields = (("Anliegen", c.s["want"]), ("Datum", c.s["start"]))
    body: list[Block] = [
        personal_fields(c),
        Fields(c.one(("Angaben zum Anliegen", "2. Angaben", "Einzelheiten")), topic_fields),
    ]
    if c.doc_type == "kuendigung":
        body.append(Paragraph(core(c, 1, 1)[0]))
        body.append(
            Checkboxes(
                "Grund", (("Umzug", c.chance(0.4)), ("Tod", c.chance(0.2)), ("Sonstiges", c.chance(0.3)))
            )
        )
    elif c.doc_type == "beschwerde":
        body.append(
            Fields(
                "Beschreibung",
                (("Was ist passiert?", core(c, 1, 1)[0]), ("Ort", c.s["site"]), ("Seit wann?", c.s["past"])),
            )
        )
    else:
        body.append(
            Checkboxes(
                c.one(("Nachweise liegen bei", "Beigefügte Unterlagen")),
                tuple((c.f(e), c.chance(0.6)) for e in c.topic.evidence[:4]),
            )
        )
    body.append(
        Checkboxes("Zustellung des Bescheids", (("per Post", c.chance(0.7)), ("per E-Mail", c.chance(0.3))))
    )
    body.append(
        Paragraph(
            c.one(
                (
                    "Ich versichere, dass meine Angaben vollständig und richtig sind.",
                    "Mit meiner Unterschrift bestätige ich die Richtigkeit der Angaben.",
                    "Die Hinweise zum Datenschutz habe ich zur Kenntnis genommen.",
                )
            )
        )
    )
    filled = doc(
        c,
        body,
        layout="form",
        title=title,
        subject="",
        salutation="",
        closing="",
        signature=c.me.name,
        refs=(("Eingangsnummer", ""), *c.refs) if c.chance(0.3) else c.refs,
    )
    return dataclasses.replace(filled, hand=c.chance(0.5))


def online(c: Ctx) -> Document:
    """A printed online application summary with a transaction number."""
    tx = f"{c.rng.choice(('AMT24', 'OZG', 'SAX'))}-{c.rng.randint(10**7, 10**8 - 1)}"
    fields = (
        ("Leistung", c.f("{topic}")),
        ("Antragsteller/in", c.me.name),
        ("Eingereicht am", f"{c.s['date']} {c.rng.randint(7, 22)}:{c.rng.randint(10, 59)}"),
        ("Zuständige Stelle", c.dept or c.town.titles[0]),
        ("Anliegen", c.s["want"]),
    )
    body: list[Block] = [
        Paragraph(
            c.one(
                (
                    "Zusammenfassung Ihres Online-Antrags",
                    "Übersicht der übermittelten Daten",
                    "Bitte drucken Sie diese Übersicht für Ihre Unterlagen aus.",
                )
            )
        ),
        Fields("Vorgang", fields),
        personal_fields(c),
    ]
    if c.topic.fields:
        body.append(Fields("Angaben", tuple((k, c.f(v)) for k, v in c.topic.fields)))
    body.append(
        Checkboxes(
            "Einwilligungen",
            (("Datenschutzerklärung gelesen", True), ("Benachrichtigung per E-Mail", c.chance(0.5))),
        )
    )
    return doc(
        c,
        body,
        layout="form",
        title=c.one(("Antragsübersicht", f"Online-Antrag {c.town.titles[0]}", "Übermittlungsbestätigung")),
        refs=(("Vorgangsnummer", tx),),
        recipient=None,
        signature="",
    )


def structured(c: Ctx) -> Document:
    """An objection with numbered grounds and a formal request."""
    grounds = c.topic.grounds
    items = tuple(
        f"{i}. {c.f(g)}"
        for i, g in enumerate(c.rng.sample(grounds, min(len(grounds), c.rng.randint(1, 3))), 1)
    )
    body = paras(
        ph(c, "formal"),
        c.one(
            (
                "Begründung:",
                "Zur Begründung führe ich aus:",
                "Meine Gründe sind:",
                "Ich begründe dies wie folgt:",
            )
        ),
    )
    body.append(Bullets(items))
    if c.topic.facts:
        body += paras(joined(c.some(c.topic.facts, 1, 2)))
    body += paras(
        c.one(
            (
                "Ich beantrage daher, den Bescheid vom {bdate} aufzuheben.",
                "Ich beantrage, den Bescheid aufzuheben und neu zu entscheiden.",
                "Ich bitte um Abhilfe und Erlass eines geänderten Bescheids.",
            )
        ),
        c.one(("Die Frist ist gewahrt.", "Den Eingang bitte ich zu bestätigen.", "")),
    )
    return doc(
        c, body, subject=subject(c), salutation=c.salutation(), closing=c.closing(), signature=c.me.name
    )


def questions(c: Ctx) -> Document:
    """An enquiry listing its questions."""
    qs = list(c.topic.questions) + [
        c.f("Welche Unterlagen muss ich mitbringen?"),
        c.f("Wie lange dauert die Bearbeitung?"),
        c.f("Fallen Gebühren an, und wenn ja, in welcher Höhe?"),
    ]
    picked = c.rng.sample(qs, min(len(qs), c.rng.randint(2, 4)))
    body = paras(
        ph(c, "formal"),
        joined(facts(c, 0, 1)),
        c.one(
            (
                "Konkret habe ich folgende Fragen:",
                "Meine Fragen:",
                "Ich bitte um Beantwortung folgender Fragen:",
            )
        ),
    )
    body.append(Bullets(tuple(f"{i}. {c.f(q)}" for i, q in enumerate(picked, 1))))
    body += paras(c.one(PH["anfrage"]["ask"]))
    return doc(
        c,
        body,
        subject=subject(c),
        salutation=c.salutation(),
        closing=c.closing(),
        signature=c.me.name,
        refs=c.refs if c.chance(0.4) else (),
    )


def checklist(c: Ctx) -> Document:
    """A ticked list of what is sent, on the office's own reply form."""
    ev = [c.f(e) for e in c.topic.evidence]
    ticks = tuple((e, c.chance(0.7)) for e in ev[:5])
    body: list[Block] = [
        personal_fields(c),
        Paragraph(
            c.one(
                (
                    "Folgende Unterlagen reiche ich nach:",
                    "Ich übersende folgende Nachweise:",
                    "Rücksendung der angeforderten Unterlagen",
                )
            )
        ),
        Checkboxes("Unterlagen", ticks),
        Fields("Bemerkungen", (("", c.one(("", "Rest folgt", "Original auf Anfrage", "siehe Anlage"))),)),
    ]
    c.s["enclosed"] = "; ".join(e for e, t in ticks if t)
    return doc(
        c,
        body,
        layout="form",
        title=c.one(("Rückantwort", "Nachreichung von Unterlagen", "Antwortbogen")),
        signature=c.me.name,
    )


def petition(c: Ctx) -> Document:
    """A complaint signed by several neighbours, with a signature table."""
    rows = tuple(
        (pp.full_name(c.rng), f"{c.s['site'].rsplit(' ', 1)[0]} {pp.house_number(c.rng)}", "")
        for _ in range(c.rng.randint(4, 9))
    )
    body = paras(
        c.one(
            (
                "wir, die Anwohnerinnen und Anwohner der {site}, wenden uns gemeinsam an Sie.",
                "die unterzeichnenden Nachbarn möchten auf folgenden Missstand hinweisen.",
                "mit dieser Unterschriftenliste bitten wir um Hilfe.",
            )
        ),
        joined(core(c, 1, 2)),
        c.one(PH["beschwerde"]["ask"]),
    )
    body.append(Table(("Name", "Anschrift", "Unterschrift"), rows))
    return doc(
        c,
        body,
        subject=c.one(("Unterschriftenliste", "Gemeinsame Beschwerde der Anwohner", "Sammelbeschwerde")),
        salutation=c.salutation(),
        closing=c.closing(),
        signature=f"{c.me.name} (für die Anwohner)",
    )


WriteFn = Callable[[Ctx], Document]
COMMON: dict[str, WriteFn] = {
    "formal": formal,
    "terse": terse,
    "note": note,
    "email": email,
    "simple_german": simple,
}
WRITERS: dict[str, dict[str, WriteFn]] = {
    "antrag": {**COMMON, "on_behalf": on_behalf, "form": form, "company": company, "online": online},
    "widerspruch": {
        **COMMON,
        "on_behalf": on_behalf,
        "lawyer": lawyer,
        "angry": angry,
        "structured": structured,
    },
    "beschwerde": {**COMMON, "angry": angry, "form": form, "petition": petition, "company": company},
    "anfrage": {
        **COMMON,
        "on_behalf": on_behalf,
        "lawyer": lawyer,
        "questions": questions,
        "company": company,
    },
    "nachreichung": {
        **COMMON,
        "on_behalf": on_behalf,
        "lawyer": lawyer,
        "checklist": checklist,
        "company": company,
    },
    "kuendigung": {**COMMON, "on_behalf": on_behalf, "form": form, "angry": angry, "company": company},
}
