"""Matters that make the pairs real mail has and the first topic sets lacked producible:
questions to the Rechtsamt (damage claims, Akteneinsicht, Art. 15 DSGVO), letters to "the
city" that no office owns (Poststelle), complaints about the Standesamt, cancellations of
a wedding date or of waste services, and objections of city staff and applicants.

Written on top of `T` and `N` of topics.py (hence imported from there, like topics_extra).
"""

from __future__ import annotations

from mailroom.synth.topic import N, T, Topic

MORE_TOPICS: tuple[Topic, ...] = (
    # --- Rechtsamt ----------------------------------------------------------------
    T(
        "datenauskunft",
        "rechtsamt",
        "Auskunft nach Art. 15 DSGVO",
        wants=(
            "eine vollständige Auskunft über alle zu meiner Person gespeicherten Daten nach Art. 15 DSGVO",
            "eine Kopie der über mich gespeicherten personenbezogenen Daten",
        ),
        facts=(
            "Ich hatte in den letzten Jahren mit mehreren Stellen Ihrer Verwaltung zu tun.",
            "Mein Auskunftsersuchen vom {past} ist bis heute unbeantwortet.",
            "Nach Art. 12 Abs. 3 DSGVO ist die Auskunft innerhalb eines Monats zu erteilen.",
        ),
        problems=(
            "Auf mein Auskunftsersuchen nach Art. 15 DSGVO habe ich nach {months} Monaten noch immer keine Antwort.",
            "Die erteilte Auskunft ist offensichtlich unvollständig, die Daten der Bußgeldstelle fehlen ganz.",
        ),
        questions=(
            "Welche personenbezogenen Daten über mich sind bei der Stadt gespeichert, und zu welchem Zweck?",
            "An welche Empfänger wurden meine Daten weitergegeben?",
            "Wie lange werden meine Daten noch gespeichert?",
            "Wer ist bei der Stadt der behördliche Datenschutzbeauftragte?",
        ),
        evidence=("Kopie des Personalausweises", "Kopie meines ersten Auskunftsersuchens"),
        case="wegen Auskunft nach Art. 15 DSGVO",
    ),
    T(
        "akteneinsicht",
        "rechtsamt",
        "Akteneinsicht",
        wants=("Einsicht in die vollständige Verwaltungsakte", "Akteneinsicht nach § 29 VwVfG"),
        facts=(
            "In dem Verfahren, das mich betrifft, sind Entscheidungen ohne meine Anhörung gefallen.",
            "Für eine mögliche Klage benötige ich die Unterlagen vollständig.",
        ),
        questions=(
            "Kann ich die Akte in Ihren Räumen einsehen oder erhalte ich Kopien?",
            "Welche Kosten entstehen für Kopien aus der Akte?",
            "Wann und wo kann ich einen Termin zur Akteneinsicht wahrnehmen?",
        ),
        evidence=("Vollmacht", "Kopie des Schreibens der Stadt vom {past}"),
        case="wegen Akteneinsicht",
    ),
    T(
        "schadensmeldung",
        "rechtsamt",
        "Schadensmeldung an die Stadt",
        wants=("die Regulierung des Schadens vom {past}",),
        facts=(
            "Am {past} ist auf dem Parkplatz an der {site} ein loses Verkehrsschild gegen meinen {car} geweht.",
            "Bei den Kanalarbeiten in der {site} wurde die Gartenmauer meines Grundstücks beschädigt.",
            "Mein Fahrrad ist in einer ungesicherten Baugrube auf dem Radweg verunglückt.",
        ),
        questions=(
            "An wen muss ich mich wenden, damit der Schaden an meinem {car} reguliert wird?",
            "Ist die Stadt für Schäden durch umstürzende Bäume haftpflichtversichert, und wie heißt die Versicherung?",
            "Welche Unterlagen brauchen Sie, um meinen Schaden zu prüfen?",
            "Muss ich den Schaden erst über meine eigene Versicherung abwickeln?",
        ),
        evidence=("Fotos des Schadens", "Kostenvoranschlag", "Schadensanzeige meiner Versicherung"),
        notice=N(
            "aok",
            "Regressanfrage nach § 116 SGB X",
            "Versichertennummer",
            (
                "Unser Versicherter wurde auf einem städtischen Gehweg verletzt.",
                "Wir bitten um Mitteilung Ihres Haftpflichtversicherers und des dortigen Schadenzeichens.",
            ),
        ),
        case="wegen Schadensersatz nach einem Schadensfall im öffentlichen Raum",
    ),
    # --- Standesamt ---------------------------------------------------------------
    T(
        "trautermin",
        "standesamt",
        "Trauung im Standesamt",
        wants=("einen Trautermin am {event}", "eine Trauung im Trauzimmer des Schlosses"),
        facts=(
            "Wir haben die Eheschließung am {past} beim Standesamt angemeldet.",
            "Unser Trautermin ist für den {event} um 11 Uhr vorgesehen.",
        ),
        problems=(
            "Unsere Trauung am {past} wurde kurzfristig abgesagt, weil angeblich keine Standesbeamtin da war.",
            "Auf die Eheurkunde warten wir jetzt schon seit {weeks} Wochen.",
            "Die Standesbeamtin hat bei unserer Trauung den Namen meines Mannes dreimal falsch ausgesprochen.",
            "Im Trauzimmer war es eiskalt, und die Gäste mussten im Flur stehen.",
            "Termine für eine Trauung sind online erst in acht Monaten buchbar, das ist nicht zumutbar.",
        ),
        questions=("Können wir den Trautermin am {event} noch auf den Nachmittag verlegen?",),
        ends=(
            "Hiermit sagen wir den vereinbarten Trautermin am {event} ab.",
            "Wir ziehen unsere Anmeldung zur Eheschließung vom {past} zurück.",
            "Die Trauung am {event} findet nicht statt, wir haben uns getrennt.",
            "Wir stornieren die Reservierung des Trauzimmers für den {event}.",
            "Wir werden im Ausland heiraten und nehmen die Anmeldung zur Eheschließung zurück.",
        ),
        evidence=("Terminbestätigung des Standesamts", "Kopie der Anmeldung zur Eheschließung"),
        fields=(("Trautermin", "{event}"), ("Partner/in", "{partner}")),
    ),
    T(
        "urkundenservice",
        "standesamt",
        "Urkundenbestellung",
        wants=("eine beglaubigte Abschrift aus dem Geburtenregister",),
        facts=("Ich habe am {past} online eine Geburtsurkunde bestellt und sofort bezahlt.",),
        problems=(
            "Die bestellte Sterbeurkunde meines Vaters ist nach {weeks} Wochen immer noch nicht da.",
            "In der Urkunde ist mein Geburtsname falsch geschrieben, und niemand ruft zurück.",
            "Am Telefon des Standesamts erreicht man seit Tagen niemanden.",
        ),
        questions=("Wie lange dauert eine Urkundenbestellung derzeit?",),
        ends=("Ich storniere meine Bestellung von drei Geburtsurkunden vom {past}.",),
        evidence=("Bestellbestätigung", "Zahlungsbeleg"),
    ),
    # --- Umweltamt ----------------------------------------------------------------
    T(
        "biotonne",
        "umweltamt",
        "Biotonne und Gartenabfall",
        ref="Kassenzeichen",
        wants=("eine zusätzliche Biotonne mit 120 Litern",),
        facts=("Wir kompostieren unsere Küchenabfälle seit Jahren selbst im Garten.",),
        problems=("Die Biotonne wurde seit drei Wochen nicht geleert.",),
        questions=("Ist eine Befreiung von der Biotonne bei Eigenkompostierung möglich?",),
        ends=(
            "Hiermit kündige ich die Biotonne für das Grundstück {site} zum {start}.",
            "Ich melde die Gartenabfall-Abholung zum Ende der Saison ab.",
            "Bitte holen Sie die zweite Restmülltonne an der {site} ab, wir brauchen sie nicht mehr.",
            "Ich beende die Laubsack-Abholung für unser Grundstück zum {start}.",
            "Den Vertrag über den Papiercontainer für unser Mehrfamilienhaus kündigen wir zum {start}.",
        ),
        evidence=("Nachweis über Eigenkompostierung", "Foto des Komposters"),
    ),
    T(
        "baumpatenschaft",
        "umweltamt",
        "Baumpatenschaft",
        wants=("eine Baumpatenschaft für den Straßenbaum ({tree}) vor dem Haus {site}",),
        facts=("Seit {n} Jahren gieße und pflege ich den Straßenbaum ({tree}) vor unserem Haus.",),
        problems=("Die Baumscheibe meiner Patenschaftslinde wurde von der Stadtreinigung zugeparkt.",),
        questions=("Darf ich die Baumscheibe meines Patenbaums mit Blumen bepflanzen?",),
        ends=(
            "Ich gebe meine Baumpatenschaft für den Straßenbaum vor dem Haus {site} zum {start} ab.",
            "Aus gesundheitlichen Gründen kann ich die Baumpatenschaft nicht mehr übernehmen.",
            "Wir beenden die Grünflächenpatenschaft für das Beet an der {site}.",
        ),
        evidence=("Patenschaftsvereinbarung",),
    ),
    # --- Personalamt --------------------------------------------------------------
    T(
        "beihilfe",
        "personalamt",
        "Beihilfe",
        ref="Personalnummer",
        bescheid="Beihilfebescheid",
        wants=("Beihilfe zu den Aufwendungen für meine Zahnbehandlung",),
        facts=(
            "Ich bin Beamtin der Stadt und habe am {past} einen Beihilfeantrag über {amount} gestellt.",
            "Die Rechnung des Zahnarztes habe ich vollständig beigefügt.",
        ),
        grounds=(
            "Die Kosten der Implantate sind medizinisch notwendig, das hat mein Zahnarzt bestätigt.",
            "Der Bemessungssatz ist falsch, seit der Geburt unseres zweiten Kindes stehen mir 70 % zu.",
            "Die Aufwendungen für das Hörgerät wurden zu Unrecht als nicht beihilfefähig abgelehnt.",
            "Die Antragsfrist war nicht abgelaufen, die Rechnung datiert vom {past}.",
        ),
        questions=("Bis wann muss ich die Belege für die Beihilfe einreichen?",),
        evidence=("Rechnung des Zahnarztes", "ärztliche Bescheinigung", "Kopie des Beihilfebescheids"),
        case="wegen Beihilfe",
    ),
    T(
        "eingruppierung",
        "personalamt",
        "Eingruppierung und Stufenzuordnung",
        ref="Personalnummer",
        bescheid="Bescheid über meine Stufenzuordnung",
        wants=("eine Höhergruppierung in die Entgeltgruppe 9b TVöD",),
        facts=("Ich arbeite seit {n} Jahren als {job} bei der Stadt.",),
        grounds=(
            "Meine einschlägige Berufserfahrung beim {employer} wurde bei der Stufe nicht berücksichtigt.",
            "Meine Tätigkeit entspricht seit der Umorganisation den Merkmalen der Entgeltgruppe 9b.",
            "Die neue Stellenbeschreibung wurde bei der Bewertung gar nicht herangezogen.",
            "Die Kürzung meiner Besoldung wegen der Teilzeit ist falsch berechnet.",
        ),
        questions=("Wer ist für die Stellenbewertung zuständig?",),
        evidence=("Arbeitszeugnis des früheren Arbeitgebers", "Stellenbeschreibung"),
        case="wegen Eingruppierung",
    ),
    T(
        "bewerbungsabsage",
        "personalamt",
        "Absage auf meine Bewerbung",
        bescheid="Ablehnungsbescheid zu meiner Bewerbung",
        facts=("Ich habe mich am {past} auf die ausgeschriebene Stelle als {job} beworben.",),
        grounds=(
            "Ich bin schwerbehindert und wurde trotzdem nicht zum Vorstellungsgespräch eingeladen.",
            "Ich erfülle alle in der Ausschreibung genannten Anforderungen, die Absage ist nicht nachvollziehbar.",
            "Die Auswahlentscheidung verletzt den Grundsatz der Bestenauslese nach Art. 33 Abs. 2 GG.",
            "Mir wurde vorab mündlich zugesagt, dass ich die Stelle bekomme.",
        ),
        questions=("Kann ich die Auswahlunterlagen einsehen?",),
        evidence=("Kopie meiner Bewerbung", "Schwerbehindertenausweis (Kopie)"),
        case="wegen Besetzung einer ausgeschriebenen Stelle",
    ),
    # --- Poststelle: mail to "the city" that no office owns --------------------------
    T(
        "buergerfrage",
        "poststelle",
        "Allgemeine Anfrage an die Stadt",
        facts=("Ich wohne seit Kurzem in {city} und kenne mich noch nicht aus.",),
        questions=(
            "Gibt es in {city} eine Stelle, die Fragen von Neubürgern allgemein beantwortet?",
            "Wer ist in der Stadtverwaltung für Städtepartnerschaften zuständig?",
            "Wann findet die nächste Stadtratssitzung statt, und ist sie öffentlich?",
            "Kann man das Rathaus für eine Führung mit unserer Seniorengruppe besichtigen?",
            "Wo bekomme ich ein Organigramm der Stadtverwaltung?",
            "Verschickt die Stadt noch ein gedrucktes Amtsblatt, und wie kann ich es beziehen?",
        ),
    ),
    T(
        "studienbefragung",
        "poststelle",
        "Befragung für eine Abschlussarbeit",
        facts=(
            "Ich studiere Verwaltungswissenschaften und schreibe meine Bachelorarbeit über Digitalisierung in Kommunen.",
            "Der Fragebogen dauert etwa 15 Minuten und wird anonym ausgewertet.",
        ),
        questions=(
            "Wären Sie bereit, einen kurzen Fragebogen zur Digitalisierung Ihrer Verwaltung auszufüllen?",
            "Gibt es eine Ansprechperson, die ich für ein Interview zur E-Akte kontaktieren darf?",
            "Dürfen wir mit unserer Schulklasse im Rahmen einer Projektwoche Fragen an die Verwaltung stellen?",
        ),
    ),
    T(
        "sponsoring",
        "poststelle",
        "Bitte um Unterstützung",
        facts=(
            "Unser Verein richtet am {event} ein Sommerfest für Kinder im Stadtteil {district} aus.",
            "Die D-Jugend unseres Fußballvereins braucht dringend neue Trikots.",
        ),
        questions=(
            "Könnte die Stadt unser Fest mit einer kleinen Spende oder einem Sachpreis unterstützen?",
            "Übernimmt der Oberbürgermeister die Schirmherrschaft für unseren Spendenlauf?",
            "Kann uns die Stadt für die Tombola ein paar Gutscheine oder Stadtführungen spenden?",
        ),
    ),
    T(
        "stadtmarketing",
        "poststelle",
        "Stadtmarketing und Allgemeines",
        facts=("Ich lebe gern in {city}, aber manches ärgert mich einfach.",),
        problems=(
            "Die neue Imagekampagne der Stadt mit den Plakaten ist peinlich und rausgeworfenes Geld.",
            "Das neue Stadtlogo sieht aus wie das einer Versicherung, das hätte man sich sparen können.",
            "In {city} wird seit Jahren nur geredet und nichts gemacht, das muss einmal gesagt werden.",
            "Die Internetseite der Stadt ist unübersichtlich, man findet dort überhaupt nichts.",
            "Beim Neujahrsempfang wurden nur die immer gleichen Leute eingeladen.",
            "Der Weihnachtsmarkt ist jedes Jahr teurer und langweiliger geworden.",
        ),
        questions=("Wer entscheidet eigentlich über die Werbekampagnen der Stadt?",),
    ),
)
