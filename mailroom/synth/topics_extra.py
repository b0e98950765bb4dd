"""More subject matters per office, beyond the core topics of `topics.py`.

A city office handles dozens of matters; a classifier that has seen only five per office
routes letters about unfamiliar ones to the wrong place. These topics widen what the
letters are about. They use the same `Topic`/`Notice` helpers and `{slot}` placeholders
(filled from `topics.slots()` and the writer context) as the core topics, and keep the
route of the office that is actually responsible, also where citizens often write to the
wrong one (a staff member's part-time request, a Wohnberechtigungsschein, Elterngeld).
"""

from __future__ import annotations

from mailroom.synth.topic import N, T, Topic

EXTRA_TOPICS: tuple[Topic, ...] = (
    # --- Bürgeramt -----------------------------------------------------------------
    T(
        "beglaubigung",
        "buergeramt",
        "amtliche Beglaubigung",
        bescheid="Gebührenbescheid für Beglaubigungen",
        wants=(
            "die amtliche Beglaubigung von {n} Zeugniskopien",
            "die Beglaubigung einer Kopie meines Rentenbescheids",
            "beglaubigte Kopien meines Berufsabschlusses für die Anerkennung im Ausland",
        ),
        facts=(
            "Für meine Bewerbung an einer Hochschule brauche ich beglaubigte Kopien meines Abiturzeugnisses.",
            "Für die Anerkennung meines Abschlusses im Ausland verlangt die dortige Behörde amtlich "
            "beglaubigte Kopien.",
            "Die Originale bringe ich zum Termin selbstverständlich mit.",
            "Ich brauche die Beglaubigungen spätestens bis zum {deadline}.",
        ),
        grounds=(
            "Für jede einzelne Seite wurde eine volle Gebühr berechnet, obwohl es ein Dokument ist.",
            "Die Beglaubigung war für einen Antrag auf Sozialleistungen und müsste daher gebührenfrei sein.",
            "Die Gebühr von {small} steht in keinem Verhältnis zu fünf Minuten Arbeit.",
        ),
        problems=(
            "Mir wurde am Schalter gesagt, dass Sie Zeugnisse nicht mehr beglaubigen, obwohl das auf "
            "Ihrer Internetseite steht.",
            "Auf den beglaubigten Kopien fehlt das Dienstsiegel, die Hochschule hat sie nicht anerkannt.",
        ),
        questions=(
            "Beglaubigen Sie auch ausländische Urkunden oder nur deutsche Dokumente?",
            "Was kostet die Beglaubigung einer Kopie pro Seite?",
            "Kann ich eine Unterschrift bei Ihnen beglaubigen lassen, oder muss ich dafür zum Notar?",
        ),
        evidence=(
            "Kopie des Abschlusszeugnisses",
            "Abiturzeugnis im Original",
            "Kopie des Personalausweises",
        ),
        fields=(("Art der Beglaubigung", "Kopien von Zeugnissen"), ("Anzahl der Seiten", "{n}")),
        case="wegen Gebühren für amtliche Beglaubigungen",
    ),
    T(
        "lebensbescheinigung",
        "buergeramt",
        "Lebensbescheinigung",
        wants=(
            "eine Lebensbescheinigung für meine Rente aus dem Ausland",
            "die Bestätigung meines Formulars zur Lebensbescheinigung",
            "einen Hausbesuch für die Lebensbescheinigung, weil ich nicht mehr aus dem Haus komme",
        ),
        facts=(
            "Ich bekomme eine kleine Rente aus Polen, dafür muss ich jedes Jahr nachweisen, dass ich lebe.",
            "Die Rentenkasse hat mir ein Formular geschickt, das von einer Behörde abgestempelt werden muss.",
            "Das Formular muss bis zum {deadline} wieder bei der Rentenversicherung sein, sonst wird "
            "die Zahlung eingestellt.",
            "Ich bin nicht mehr gut zu Fuß und komme nur mit Mühe ins Bürgerbüro.",
        ),
        problems=(
            "Die Mitarbeiterin wollte mir die Lebensbescheinigung nicht abstempeln und hat mich zum "
            "Notar geschickt.",
            "Ich habe {weeks} Wochen auf einen Termin gewartet, jetzt ist die Frist der Rentenkasse fast um.",
        ),
        questions=(
            "Kann jemand vom Bürgeramt für die Lebensbescheinigung auch ins Pflegeheim kommen?",
            "Muss ich für die Lebensbescheinigung einen Termin buchen oder kann ich einfach vorbeikommen?",
            "Kostet die Bestätigung der Lebensbescheinigung eine Gebühr?",
        ),
        evidence=(
            "Formular der ausländischen Rentenversicherung",
            "Kopie des Reisepasses",
            "Kopie der Rentenmitteilung",
        ),
        fields=(("Rententräger", "ZUS, Polen"), ("Frist", "{deadline}")),
        notice=N(
            "drv_bund",
            "Anfrage zur Anschrift und zum Fortleben einer Rentenempfängerin",
            "Versicherungsnummer",
            (
                "Für die oben genannte Person ist der Nachweis über das Fortleben nicht eingegangen.",
                "Wir bitten um Mitteilung, ob die Person unter der bekannten Anschrift gemeldet ist.",
                "Sollte ein Sterbefall vorliegen, bitten wir um Angabe des Sterbedatums.",
            ),
        ),
        case="wegen Bestätigung einer Lebensbescheinigung",
    ),
    T(
        "briefwahl",
        "buergeramt",
        "Briefwahl",
        wants=(
            "die Zusendung der Briefwahlunterlagen",
            "einen Wahlschein für die Wahl am {event}",
            "die Eintragung in das Wählerverzeichnis",
            "einen Wahlschein mit Versand an meine Urlaubsadresse",
        ),
        facts=(
            "Am Wahltag bin ich beruflich unterwegs und kann nicht ins Wahllokal gehen.",
            "Ich bin erst am {past} nach {city} gezogen und habe noch keine Wahlbenachrichtigung bekommen.",
            "Ab nächster Woche liege ich im Krankenhaus, möchte aber trotzdem wählen.",
            "Die Briefwahlunterlagen sollen bitte an folgende Adresse gehen: {site}.",
        ),
        problems=(
            "Meine Briefwahlunterlagen sind nie angekommen, obwohl ich sie vor {weeks} Wochen beantragt habe.",
            "Das Wahllokal im Stadtteil {district} war nicht barrierefrei, mein Mann im Rollstuhl kam nicht hinein.",
            "Im Umschlag fehlte der Stimmzettel, es lag nur der Wahlschein bei.",
        ),
        questions=(
            "Bis wann muss der Wahlbrief bei Ihnen sein, damit meine Stimme zählt?",
            "Kann ich die Briefwahlunterlagen für meinen Mann mit abholen?",
            "Warum habe ich keine Wahlbenachrichtigung bekommen?",
            "Kann ich auch direkt im Rathaus per Brief wählen?",
        ),
        evidence=("Vollmacht für die Abholung der Briefwahlunterlagen", "Kopie der Wahlbenachrichtigung"),
        fields=(("Wahltermin", "{event}"), ("Versandanschrift", "{site}")),
        notice=N(
            "statistik",
            "Hinweise der Landeswahlleitung zur Durchführung der Briefwahl",
            "Aktenzeichen",
            (
                "Wir weisen darauf hin, dass Wahlscheine frühestens ab dem Druck der Stimmzettel "
                "ausgegeben werden dürfen.",
                "Die Zahl der ausgegebenen Wahlscheine ist bis zum {deadline} zu melden.",
                "Bitte stellen Sie sicher, dass verspätet eingehende Wahlbriefe gesondert verwahrt werden.",
            ),
        ),
        case="wegen Eintragung in das Wählerverzeichnis",
    ),
    T(
        "melderegisterauskunft",
        "buergeramt",
        "Melderegisterauskunft",
        bescheid="Gebührenbescheid über eine Melderegisterauskunft",
        wants=(
            "eine einfache Melderegisterauskunft über {partner}",
            "die aktuelle Anschrift meines früheren Mieters {partner}",
            "eine erweiterte Melderegisterauskunft wegen einer offenen Forderung",
        ),
        facts=(
            "Mein ehemaliger Mieter {partner} ist ausgezogen, ohne die Nebenkosten zu bezahlen.",
            "Alle Briefe an seine alte Adresse kommen als unzustellbar zurück.",
            "Für ein gerichtliches Mahnverfahren brauche ich die ladungsfähige Anschrift des Schuldners.",
            "Der Schuldner hat zuletzt im Haus {site} gewohnt.",
        ),
        grounds=(
            "Sie haben die Gebühr berechnet, obwohl Sie mir gar keine Anschrift nennen konnten.",
            "Ich habe ein berechtigtes Interesse, das habe ich mit dem Urteil nachgewiesen.",
        ),
        problems=(
            "Auf die Auskunft musste ich {weeks} Wochen warten, inzwischen droht meine Forderung zu verjähren.",
            "Die Online-Auskunft hat mir eine Adresse genannt, unter der die Person seit Jahren nicht mehr wohnt.",
        ),
        questions=(
            "Darf ich erfahren, wer meine Adresse beim Melderegister abgefragt hat?",
            "Wie lange dauert eine Melderegisterauskunft und was kostet sie?",
            "Welche Angaben brauchen Sie, um eine Person eindeutig zu finden?",
        ),
        evidence=("Kopie des Mietvertrags", "Vollstreckungsbescheid", "Nachweis des berechtigten Interesses"),
        fields=(("Gesuchte Person", "{partner}"), ("Letzte bekannte Anschrift", "{site}")),
        notice=N(
            "polizei",
            "Ersuchen um Auskunft aus dem Melderegister",
            "Vorgangsnummer",
            (
                "Im Rahmen eines Ermittlungsverfahrens bitten wir um Übermittlung der Meldedaten der "
                "unten genannten Person.",
                "Benötigt werden auch frühere Anschriften der letzten fünf Jahre.",
                "Die Auskunft wird zur Erfüllung polizeilicher Aufgaben benötigt.",
            ),
        ),
        case="wegen Erteilung einer Melderegisterauskunft",
    ),
    T(
        "online_ausweis",
        "buergeramt",
        "Online-Ausweisfunktion und PIN",
        wants=(
            "einen neuen PIN-Brief für meinen Personalausweis",
            "die Aktivierung der Online-Ausweisfunktion",
            "die Entsperrung meines Ausweises nach dreimaliger falscher PIN-Eingabe",
        ),
        facts=(
            "Ich habe den PIN-Brief damals nicht aufgehoben und kann die Online-Funktion nicht nutzen.",
            "Nach dreimaliger falscher Eingabe ist meine PIN gesperrt.",
            "Für einen Online-Antrag brauche ich die Ausweisfunktion, sonst komme ich nicht weiter.",
            "Die App meldet bei jedem Versuch, dass die Online-Ausweisfunktion ausgeschaltet ist.",
        ),
        problems=(
            "Der neue PIN-Brief kam nie bei mir an, ich warte seit {weeks} Wochen.",
            "Am Automaten im Bürgeramt konnte ich die PIN nicht ändern, das Gerät war defekt.",
        ),
        questions=(
            "Kann ich die PIN meines Personalausweises auch ohne Termin zurücksetzen lassen?",
            "Was kostet ein neuer PIN-Brief?",
            "Wo finde ich die PUK, wenn ich den alten Brief nicht mehr habe?",
        ),
        evidence=("Kopie des Personalausweises", "Screenshot der Fehlermeldung"),
        fields=(("Anliegen", "Neusetzen der PIN"), ("Online-Ausweisfunktion", "einschalten")),
        case="wegen Neusetzung der PIN des Personalausweises",
    ),
    T(
        "haushaltsbescheinigung",
        "buergeramt",
        "Haushaltsbescheinigung",
        wants=(
            "eine Haushaltsbescheinigung für die Familienkasse",
            "eine Bescheinigung, dass {child} in meinem Haushalt gemeldet ist",
            "eine Aufenthaltsbescheinigung für das Kindergeld",
        ),
        facts=(
            "Die Familienkasse verlangt eine Bescheinigung, dass {child} bei mir wohnt.",
            "Mein Kind {child} ist am {past} zu mir gezogen und lebt jetzt dauerhaft bei mir.",
            "Das Formular der Familienkasse muss von der Meldebehörde ausgefüllt werden.",
        ),
        questions=(
            "Kann ich die Haushaltsbescheinigung auch per Post zurückbekommen?",
            "Muss mein Kind zur Ausstellung der Bescheinigung mitkommen?",
            "Ist die Haushaltsbescheinigung gebührenfrei?",
        ),
        evidence=(
            "Vordruck der Familienkasse zur Haushaltsbescheinigung",
            "Kopie der Geburtsurkunde von {child}",
            "Meldebescheinigung",
        ),
        fields=(("Kind", "{child}"), ("Geburtsdatum", "{child_birth}"), ("Im Haushalt seit", "{past}")),
        notice=N(
            "familienkasse",
            "Bitte um Bestätigung der Haushaltszugehörigkeit",
            "Kindergeldnummer",
            (
                "Für die Prüfung des Kindergeldanspruchs benötigen wir eine Bestätigung, dass das Kind "
                "{child} im Haushalt der antragstellenden Person gemeldet ist.",
                "Bitte füllen Sie den beigefügten Vordruck aus und senden Sie ihn bis zum {deadline} zurück.",
            ),
        ),
        case="wegen Ausstellung einer Haushaltsbescheinigung",
    ),
    # --- Standesamt ----------------------------------------------------------------
    T(
        "kirchenaustritt",
        "standesamt",
        "Kirchenaustritt",
        bescheid="Gebührenbescheid über die Austrittserklärung",
        wants=(
            "einen Termin für meinen Kirchenaustritt",
            "eine Bescheinigung über meinen Kirchenaustritt",
            "die Beurkundung meines Kirchenaustritts",
        ),
        facts=(
            "Ich möchte aus der katholischen Kirche austreten.",
            "Ich bin getauft worden, als wir noch in einer anderen Stadt gewohnt haben.",
            "Mein Arbeitgeber braucht die Austrittsbescheinigung für die Lohnabrechnung.",
        ),
        grounds=(
            "Die Gebühr für den Kirchenaustritt ist viel höher als in der Nachbarstadt.",
            "Der Austritt ist eine Grundrechtsausübung und darf nicht so viel kosten.",
        ),
        questions=(
            "Kann ich den Kirchenaustritt auch schriftlich erklären oder muss ich persönlich kommen?",
            "Ab wann wird nach dem Austritt keine Kirchensteuer mehr abgezogen?",
            "Ich bin vor Jahren ausgetreten und finde die Bescheinigung nicht mehr – stellen Sie mir "
            "eine Zweitschrift aus?",
            "Welche Unterlagen brauche ich für den Kirchenaustritt?",
        ),
        evidence=("Kopie des Personalausweises", "Taufbescheinigung", "Meldebescheinigung"),
        fields=(("Religionsgemeinschaft", "römisch-katholisch"), ("Wunschtermin", "{start}")),
        case="wegen Gebühren für die Erklärung des Kirchenaustritts",
    ),
    T(
        "auslandsgeburt",
        "standesamt",
        "Nachbeurkundung einer Auslandsgeburt",
        wants=(
            "die Nachbeurkundung der Geburt unseres Kindes im Ausland",
            "die Eintragung der Auslandsgeburt von {child} in das deutsche Geburtenregister",
            "eine deutsche Geburtsurkunde für unser im Ausland geborenes Kind",
        ),
        facts=(
            "Unser Kind {child} wurde am {child_birth} in Barcelona geboren, wir haben damals dort gewohnt.",
            "Ich bin deutsche Staatsangehörige, mein Mann ist Franzose.",
            "Die ausländische Geburtsurkunde liegt mit Apostille und beglaubigter Übersetzung vor.",
            "Wir leben seit {past} wieder in {city}.",
        ),
        problems=(
            "Unser Antrag auf Nachbeurkundung liegt seit {months} Monaten bei Ihnen, ohne dass sich "
            "etwas tut.",
        ),
        questions=(
            "Ist eine Nachbeurkundung Pflicht, wenn unser Kind schon einen deutschen Pass hat?",
            "Brauchen Sie die Übersetzung der Geburtsurkunde von einem vereidigten Übersetzer?",
            "Welche Namensführung gilt für unser Kind nach deutschem Recht?",
        ),
        evidence=(
            "ausländische Geburtsurkunde mit Apostille",
            "beglaubigte Übersetzung der Geburtsurkunde",
            "Heiratsurkunde der Eltern",
            "Nachweis der deutschen Staatsangehörigkeit",
        ),
        fields=(("Kind", "{child}"), ("Geburtsdatum", "{child_birth}"), ("Geburtsort", "Barcelona")),
        notice=N(
            "standesamt_ext",
            "Abgabe eines Antrags auf Nachbeurkundung",
            "Registernummer",
            (
                "Der Antrag auf Beurkundung einer Auslandsgeburt ist bei uns eingegangen.",
                "Da die Antragsteller ihren Wohnsitz in {city} haben, geben wir den Vorgang zuständigkeitshalber ab.",
            ),
        ),
        case="wegen Nachbeurkundung einer Auslandsgeburt",
    ),
    T(
        "lebenspartnerschaft",
        "standesamt",
        "Umwandlung einer Lebenspartnerschaft",
        wants=(
            "die Umwandlung unserer eingetragenen Lebenspartnerschaft in eine Ehe",
            "einen Termin zur Umwandlung unserer Lebenspartnerschaft",
            "eine Eheurkunde nach der Umwandlung der Lebenspartnerschaft",
        ),
        facts=(
            "Mein Partner {partner} und ich leben seit 2011 in einer eingetragenen Lebenspartnerschaft.",
            "Die Lebenspartnerschaft wurde damals in einem anderen Bundesland begründet.",
            "Wir möchten keine große Feier, nur eine kurze Erklärung vor dem Standesbeamten.",
        ),
        questions=(
            "Gilt unsere Ehe nach der Umwandlung rückwirkend ab dem Tag der Lebenspartnerschaft?",
            "Müssen bei der Umwandlung Trauzeugen dabei sein?",
            "Können wir bei der Umwandlung einen gemeinsamen Familiennamen bestimmen?",
        ),
        evidence=("Lebenspartnerschaftsurkunde", "Kopien der Personalausweise", "Geburtsurkunden"),
        fields=(("Name des Partners", "{partner}"), ("Wunschtermin", "{event}")),
        case="wegen Umwandlung einer Lebenspartnerschaft in eine Ehe",
    ),
    T(
        "geschlechtseintrag",
        "standesamt",
        "Änderung des Geschlechtseintrags",
        wants=(
            "einen Termin für die Erklärung zur Änderung meines Geschlechtseintrags",
            "die Änderung meines Geschlechtseintrags und meiner Vornamen",
            "neue Personenstandsurkunden nach der Änderung des Geschlechtseintrags",
        ),
        facts=(
            "Ich möchte meinen Geschlechtseintrag nach dem Selbstbestimmungsgesetz ändern lassen.",
            "Die Anmeldung der Erklärung habe ich am {past} schriftlich abgegeben.",
            "Mein Geburtsort liegt außerhalb von {city}, gemeldet bin ich aber hier.",
            "Zusammen mit dem Eintrag sollen auch meine Vornamen geändert werden.",
        ),
        problems=(
            "Am Telefon wurde ich mehrfach mit meinem alten Namen angesprochen, obwohl ich das Gegenteil "
            "gesagt habe.",
        ),
        questions=(
            "Wie lange muss ich nach der Anmeldung warten, bis ich die Erklärung abgeben kann?",
            "Welche Dokumente muss ich nach der Änderung selbst neu beantragen?",
            "Kann ich zur Erklärung eine Begleitperson mitbringen?",
        ),
        evidence=("Kopie des Personalausweises", "Geburtsurkunde", "Bestätigung der Anmeldung"),
        fields=(("Neuer Geschlechtseintrag", "weiblich"), ("Anmeldung vom", "{past}")),
        notice=N(
            "standesamt_ext",
            "Mitteilung zur Fortführung des Geburtenregisters",
            "Registernummer",
            (
                "Vor dem hiesigen Standesamt wurde eine Erklärung zur Änderung des Geschlechtseintrags "
                "und der Vornamen abgegeben.",
                "Der Geburtseintrag der erklärenden Person wird bei Ihnen geführt.",
                "Wir bitten um Fortführung des Registers und Bestätigung.",
            ),
        ),
        case="wegen Entgegennahme einer Erklärung zum Geschlechtseintrag",
    ),
    T(
        "registerberichtigung",
        "standesamt",
        "Berichtigung eines Registereintrags",
        wants=(
            "die Berichtigung eines Schreibfehlers in meiner Heiratsurkunde",
            "die Korrektur meines Geburtsnamens im Eheregister",
            "eine berichtigte Geburtsurkunde für unser Kind {child}",
        ),
        facts=(
            "Derselbe Fehler steht jetzt auch in der Geburtsurkunde unseres Kindes {child}.",
            "Bei der Eheschließung am {past} wurde mein Geburtsname ohne das „h“ eingetragen.",
            "Wegen des Fehlers akzeptiert die Botschaft die Urkunde nicht.",
            "In meinem Reisepass steht die richtige Schreibweise, nur im Register ist sie falsch.",
        ),
        grounds=(
            "Der Fehler liegt beim Standesamt, deshalb sehe ich nicht ein, für die Berichtigung zu zahlen.",
            "Die Schreibweise meines Namens ist durch meinen Pass eindeutig belegt.",
        ),
        questions=(
            "Muss für die Berichtigung ein Gericht entscheiden, oder können Sie das selbst ändern?",
            "Bekomme ich nach der Berichtigung automatisch neue Urkunden?",
        ),
        evidence=("Kopie des Reisepasses", "die fehlerhafte Urkunde im Original", "Geburtsurkunde"),
        fields=(("Falsche Angabe", "Schreibweise des Namens"), ("Registereintrag vom", "{past}")),
        notice=N(
            "ldS",
            "Stellungnahme der Standesamtsaufsicht zur Berichtigung",
            "Aktenzeichen",
            (
                "Gegen die beabsichtigte Berichtigung des Eintrags bestehen keine Bedenken.",
                "Die Berichtigung kann vom Standesamt selbst vorgenommen werden, eine gerichtliche "
                "Anordnung ist nicht erforderlich.",
            ),
        ),
        case="wegen Berichtigung eines Personenstandseintrags",
    ),
    T(
        "ehefaehigkeitszeugnis",
        "standesamt",
        "Ehefähigkeitszeugnis",
        bescheid="Gebührenbescheid zum Ehefähigkeitszeugnis",
        wants=(
            "ein Ehefähigkeitszeugnis für meine Heirat im Ausland",
            "ein Ehefähigkeitszeugnis für die Eheschließung in Dänemark",
            "eine internationale Geburtsurkunde für die Heirat im Ausland",
        ),
        facts=(
            "Mein Verlobter {partner} und ich wollen am {event} im Ausland heiraten.",
            "Die dortigen Behörden verlangen ein Ehefähigkeitszeugnis aus Deutschland.",
            "Ich war schon einmal verheiratet, die Scheidung ist seit {past} rechtskräftig.",
        ),
        grounds=(
            "Das Zeugnis wurde nicht rechtzeitig ausgestellt, die Gebühr zahle ich nicht zusätzlich "
            "für den Eilantrag.",
        ),
        questions=(
            "Wie lange ist ein Ehefähigkeitszeugnis gültig?",
            "Müssen wir beide persönlich kommen, um das Ehefähigkeitszeugnis zu beantragen?",
            "Wird die Auslandsheirat später automatisch in Deutschland eingetragen?",
        ),
        evidence=(
            "beglaubigter Ausdruck aus dem Geburtenregister",
            "Scheidungsurteil mit Rechtskraftvermerk",
            "Kopie des Reisepasses des Verlobten",
        ),
        fields=(("Ort der Eheschließung", "Kopenhagen"), ("Geplanter Termin", "{event}")),
        case="wegen Ausstellung eines Ehefähigkeitszeugnisses",
    ),
    # --- Ordnungsamt ---------------------------------------------------------------
    T(
        "gaststaette",
        "ordnungsamt",
        "Gestattung für den Ausschank",
        bescheid="Gebührenbescheid für die Gestattung",
        wants=(
            "eine Gestattung für den Ausschank beim Vereinsfest am {event}",
            "eine vorübergehende Gaststättenerlaubnis für unser Sommerfest",
            "eine Gestattung für den Getränkeverkauf beim Straßenfest im Stadtteil {district}",
        ),
        facts=(
            "Unser Kleingartenverein feiert am {event} sein 100-jähriges Bestehen.",
            "Wir wollen Bier vom Fass und alkoholfreie Getränke verkaufen.",
            "Das Fest findet auf unserem Vereinsgelände ({site}) statt, erwartet werden etwa 300 Gäste.",
            "Der Ausschank erfolgt durch Vereinsmitglieder, den Erlös spenden wir an die Jugendabteilung.",
        ),
        grounds=(
            "Die Auflagen zu den Toiletten sind für ein Fest mit 80 Gästen völlig übertrieben.",
            "Für einen gemeinnützigen Verein ist die Gebühr unangemessen hoch.",
            "Das Ende des Ausschanks um 22 Uhr ist für ein Sommerfest viel zu früh.",
        ),
        problems=(
            "Unser Antrag auf Gestattung liegt seit {weeks} Wochen unbearbeitet, das Fest ist in wenigen Tagen.",
            "Uns wurden für das Fest Auflagen gemacht, die andere Vereine im Stadtteil {district} nicht bekommen.",
        ),
        questions=(
            "Brauchen wir für ein Vereinsfest mit Getränkeverkauf eine Gestattung?",
            "Wie lange vorher muss die Gestattung beantragt werden?",
            "Brauche ich für den Ausschank eine Belehrung nach dem Infektionsschutzgesetz?",
        ),
        evidence=(
            "Lageplan des Festgeländes",
            "Belehrung nach dem Infektionsschutzgesetz",
            "Vereinsregisterauszug",
        ),
        fields=(("Veranstaltung", "Vereinsfest"), ("Datum", "{event}"), ("Ort", "{site}")),
        notice=N(
            "polizei",
            "Stellungnahme zur beantragten Gestattung",
            "Vorgangsnummer",
            (
                "Gegen die Erteilung der Gestattung bestehen aus polizeilicher Sicht keine Bedenken.",
                "Wir empfehlen eine Auflage zum Ende des Ausschanks um 23 Uhr.",
                "Bei der letzten Veranstaltung des Antragstellers kam es zu Ruhestörungen.",
            ),
        ),
        case="wegen Erteilung einer gaststättenrechtlichen Gestattung",
    ),
    T(
        "feuerwerk",
        "ordnungsamt",
        "Feuerwerk",
        bescheid="Bescheid über die Ausnahmegenehmigung für ein Feuerwerk",
        wants=(
            "eine Ausnahmegenehmigung für ein Feuerwerk am {event}",
            "die Genehmigung eines Höhenfeuerwerks zu unserer Hochzeit",
            "die Erlaubnis, außerhalb von Silvester ein Feuerwerk abzubrennen",
        ),
        facts=(
            "Wir heiraten am {event} und möchten um 22 Uhr ein kurzes Feuerwerk zünden.",
            "Das Feuerwerk wird von einem Pyrotechniker mit Befähigungsschein abgebrannt.",
            "Der Abbrennplatz liegt auf einer Wiese hinter dem Grundstück {site}.",
        ),
        grounds=(
            "Das Feuerwerk dauert nur zehn Minuten, die Ablehnung ist nicht nachvollziehbar.",
            "Im letzten Jahr wurde ein gleiches Feuerwerk ohne Probleme genehmigt.",
        ),
        problems=(
            "Auf meinen Antrag habe ich nach {weeks} Wochen noch keine Antwort, dabei ist die Hochzeit bald.",
            "Am Telefon wurde mir gesagt, Feuerwerk sei grundsätzlich verboten, obwohl es Ausnahmen gibt.",
        ),
        questions=(
            "Darf man außerhalb von Silvester privat Feuerwerk abbrennen?",
            "Wie weit muss ein Feuerwerk von Wohnhäusern entfernt sein?",
        ),
        evidence=(
            "Kopie des Befähigungsscheins",
            "Lageplan des Abbrennplatzes",
            "Nachweis der Haftpflichtversicherung",
        ),
        fields=(("Datum", "{event}"), ("Uhrzeit", "22:00 Uhr"), ("Abbrennort", "{site}")),
        notice=N(
            "polizei",
            "Anzeige wegen unerlaubten Abbrennens von Feuerwerk",
            "Vorgangsnummer",
            (
                "Am {past} wurde gegen 23 Uhr in einem Wohngebiet Feuerwerk der Kategorie F2 gezündet.",
                "Wir übersenden die Anzeige zur Verfolgung als Ordnungswidrigkeit nach dem Sprengstoffgesetz.",
            ),
        ),
        case="wegen Ausnahmegenehmigung nach dem Sprengstoffrecht",
    ),
    T(
        "reisegewerbe",
        "ordnungsamt",
        "Reisegewerbekarte",
        bescheid="Bescheid über die Reisegewerbekarte",
        wants=(
            "eine Reisegewerbekarte für den Verkauf auf Wochenmärkten",
            "die Erweiterung meiner Reisegewerbekarte um den Verkauf von Lebensmitteln",
            "eine Reisegewerbekarte für meinen Verkaufswagen",
        ),
        facts=(
            "Ich möchte ab {start} mit einem Verkaufswagen Obst und Gemüse auf Märkten verkaufen.",
            "Ein festes Ladengeschäft habe ich nicht, ich fahre mit dem Wagen von Ort zu Ort.",
            "Die Gewerbeanmeldung für den Handel liegt bereits vor.",
        ),
        grounds=(
            "Die Reisegewerbekarte wurde wegen einer alten Eintragung verweigert, die längst getilgt ist.",
            "Die Gebühr für die Reisegewerbekarte ist doppelt so hoch wie angekündigt.",
        ),
        problems=(
            "Auf dem Wochenmarkt im Stadtteil {district} wurde mir der Standplatz verweigert, obwohl ich eine Reisegewerbekarte habe.",
            "Meine Reisegewerbekarte ist seit {weeks} Wochen in Bearbeitung, ich verliere jeden Markttag Geld.",
        ),
        questions=(
            "Brauche ich für den Verkauf auf dem Flohmarkt eine Reisegewerbekarte?",
            "Wie lange gilt eine Reisegewerbekarte?",
        ),
        evidence=("Führungszeugnis", "Auskunft aus dem Gewerbezentralregister", "biometrisches Passbild"),
        ends=("Ich gebe meine Reisegewerbekarte zurück, da ich das Gewerbe zum {start} aufgebe.",),
        fields=(("Tätigkeit", "Verkauf von Lebensmitteln"), ("Beginn", "{start}")),
        notice=N(
            "bundesamt_justiz",
            "Auskunft aus dem Gewerbezentralregister",
            "Geschäftszeichen",
            (
                "Zu der angefragten Person enthält das Gewerbezentralregister keine Eintragung.",
                "Zu der angefragten Person ist eine Bußgeldentscheidung wegen Verstoßes gegen die "
                "Gewerbeordnung eingetragen.",
            ),
        ),
        case="wegen Versagung einer Reisegewerbekarte",
    ),
    T(
        "versammlung",
        "ordnungsamt",
        "Versammlung",
        bescheid="Auflagenbescheid zur Versammlung",
        wants=(
            "die Genehmigung einer Kundgebung auf dem Marktplatz am {event}",
            "die Bestätigung unserer angezeigten Demonstration",
            "die Genehmigung eines Aufzugs durch die Innenstadt",
        ),
        facts=(
            "Wir rechnen mit etwa {n}00 Teilnehmenden.",
            "Die Kundgebung richtet sich gegen die geplante Schließung des Krankenhauses.",
            "Als Versammlungsleiterin bin ich während der ganzen Veranstaltung erreichbar.",
            "Wir wollen einen Lautsprecherwagen und zwei Transparente mitführen.",
        ),
        grounds=(
            "Die Verlegung unserer Kundgebung an den Stadtrand schränkt die Versammlungsfreiheit ein.",
            "Das Verbot von Lautsprechern ist nicht begründet.",
        ),
        problems=(
            "Die Auflagen zu unserer Kundgebung kamen erst am Vorabend, wir konnten nichts mehr ändern.",
            "Trotz unserer Anzeige stand auf dem Platz ein Wochenmarkt, wir mussten kurzfristig ausweichen.",
        ),
        questions=(
            "Wie lange vorher muss eine Versammlung angemeldet werden?",
            "Dürfen wir bei der Kundgebung Flyer verteilen und einen Infotisch aufstellen?",
        ),
        evidence=("Skizze der Aufzugsstrecke", "Liste der Ordnerinnen und Ordner"),
        fields=(
            ("Thema", "Erhalt des Krankenhauses"),
            ("Datum", "{event}"),
            ("Erwartete Teilnehmer", "{n}00"),
        ),
        notice=N(
            "polizei",
            "Gefährdungseinschätzung zur angezeigten Versammlung",
            "Vorgangsnummer",
            (
                "Zu der angezeigten Versammlung am {event} ist eine Gegenveranstaltung angekündigt.",
                "Wir empfehlen, die Aufzugsstrecke nicht über den Bahnhofsvorplatz zu führen.",
            ),
        ),
        case="wegen versammlungsrechtlicher Auflagen",
    ),
    T(
        "autowrack",
        "ordnungsamt",
        "abgestelltes Fahrzeug",
        bescheid="Kostenbescheid für die Entsorgung eines Fahrzeugs",
        grounds=(
            "Das Fahrzeug war nicht abgemeldet, ich war nur im Krankenhaus und konnte es nicht bewegen.",
            "Ich habe das Auto schon vor Monaten verkauft und bin nicht mehr verantwortlich.",
            "Die Entsorgungskosten von {amount} sind viel höher als der Wert des Wagens.",
        ),
        problems=(
            "Vor dem Haus {site} steht seit {months} Monaten ein Auto ohne Kennzeichen.",
            "Auf dem Parkplatz neben dem Haus {site} steht ein Autowrack mit eingeschlagenen Scheiben.",
            "Ein Wohnwagen ohne Zulassung blockiert seit Wochen zwei Parkplätze in unserer Straße.",
            "Aus dem alten {car} ohne Kennzeichen läuft Öl auf die Straße.",
        ),
        questions=("Wie lange darf ein abgemeldetes Auto im öffentlichen Straßenraum stehen?",),
        evidence=("Fotos des Fahrzeugs", "Kaufvertrag über das Fahrzeug"),
        fields=(("Standort", "{site}"), ("Fahrzeug", "{car}"), ("Dort seit", "{past}")),
        notice=N(
            "polizei",
            "Mitteilung über ein abgestelltes Fahrzeug ohne Zulassung",
            "Vorgangsnummer",
            (
                "An der genannten Stelle steht ein {car} ohne amtliche Kennzeichen.",
                "Ein Halter konnte nicht ermittelt werden, wir bitten um Prüfung der Beseitigung.",
            ),
        ),
        case="wegen Kosten der Beseitigung eines Fahrzeugs",
    ),
    T(
        "plakatierung",
        "ordnungsamt",
        "Plakatierung",
        bescheid="Bescheid über die Plakatierungserlaubnis",
        wants=(
            "eine Plakatierungserlaubnis für unser Konzert am {event}",
            "die Erlaubnis, {n}0 Plakate an Laternenmasten aufzuhängen",
            "eine Genehmigung für Veranstaltungsplakate in der Innenstadt",
        ),
        facts=(
            "Der Musikverein gibt am {event} ein Benefizkonzert in der Stadthalle.",
            "Die Plakate haben das Format A1 und werden mit Kabelbindern befestigt.",
            "Nach der Veranstaltung entfernen wir alle Plakate innerhalb von drei Tagen.",
        ),
        grounds=(
            "Die Plakate hingen auf privatem Grund, dafür brauchen wir keine Erlaubnis.",
            "Die Gebühr pro Plakat ist für einen gemeinnützigen Verein nicht tragbar.",
        ),
        problems=(
            "Unsere Plakate wurden von Ihren Mitarbeitern abgehängt, obwohl die Erlaubnis vorlag.",
            "Der Antrag dauert so lange, dass das Konzert vorbei ist, bevor wir plakatieren dürfen.",
        ),
        questions=("Wo in der Innenstadt dürfen Veranstaltungsplakate aufgehängt werden?",),
        evidence=("Muster des Plakats", "Liste der Standorte"),
        fields=(("Anzahl Plakate", "{n}0"), ("Zeitraum bis", "{event}")),
        case="wegen Sondernutzungserlaubnis für Plakatwerbung",
    ),
    T(
        "verunreinigung",
        "ordnungsamt",
        "Verwarnung wegen Verunreinigung",
        bescheid="Bußgeldbescheid wegen Verunreinigung öffentlicher Flächen",
        grounds=(
            "Am {past} hat mich der Ordnungsdienst im Stadtpark angesprochen, dabei hatte ich die "
            "Zigarette in den Aschenbecher am Mülleimer geworfen.",
            "Ich habe den Hundekot sofort aufgehoben, die Kontrolleure haben das nicht abgewartet.",
            "Der Müllbeutel stand neben dem vollen Papierkorb, weil der Korb überquoll.",
            "Das Verwarnungsgeld von {fine} für eine Zigarettenkippe ist völlig überzogen.",
        ),
        problems=(
            "In der Grünanlage gegenüber {site} liegen jeden Morgen Flaschen, Pizzakartons und Scherben.",
            "Auf dem Gehweg vor der Schule liegt überall Hundekot, niemand kontrolliert das.",
            "Tauben werden in unserem Hof täglich von einer Nachbarin gefüttert, alles ist voller Kot.",
        ),
        questions=("Wie hoch ist das Bußgeld, wenn man Hundekot liegen lässt?",),
        evidence=("Fotos der Verschmutzung", "Zeugenaussage meiner Begleiterin"),
        notice=N(
            "polizei",
            "Übersendung einer Anzeige wegen Verunreinigung",
            "Vorgangsnummer",
            (
                "Beamte beobachteten am {past}, wie eine Person Müll auf einer Grünfläche zurückließ.",
                "Wir geben den Vorgang zur Ahndung nach der Polizeiverordnung der Stadt ab.",
            ),
        ),
        case="wegen Ordnungswidrigkeit nach der Polizeiverordnung",
    ),
    # --- Straßenverkehrsbehörde -----------------------------------------------------
    T(
        "fuehrerschein_umtausch",
        "verkehrsbehoerde",
        "Umtausch des Führerscheins",
        bescheid="Gebührenbescheid für den Führerscheinumtausch",
        wants=(
            "den Umtausch meines alten Papierführerscheins in einen Kartenführerschein",
            "einen neuen Kartenführerschein, weil mein alter kaum noch lesbar ist",
            "einen internationalen Führerschein für meine Reise",
        ),
        facts=(
            "Mein grauer Führerschein ist von 1989 und muss nach den neuen Fristen umgetauscht werden.",
            "Mein alter Führerschein ist ziemlich zerfleddert, das Foto ist kaum noch zu erkennen.",
            "Im Sommer fahre ich mit dem Wohnmobil nach Kanada und brauche dafür auch einen "
            "internationalen Führerschein.",
        ),
        grounds=(
            "Die Frist für den Umtausch war mir nicht bekannt, das Verwarnungsgeld ist unangebracht.",
            "Die Gebühr für den Umtausch müsste entfallen, weil die Frist vom Gesetzgeber vorgegeben ist.",
        ),
        problems=(
            "Mein neuer Führerschein ist seit {weeks} Wochen nicht fertig, ich brauche ihn für die Arbeit.",
        ),
        questions=(
            "Bis wann muss ich meinen Führerschein aus dem Jahr 1998 umtauschen?",
            "Kann ich den Umtausch auch schriftlich beantragen, ohne persönlich zu kommen?",
            "Bleiben bei einem Umtausch meine alten Klassen erhalten?",
        ),
        evidence=(
            "Kopie des bisherigen Führerscheins",
            "biometrisches Passbild",
            "Karteikartenabschrift der ausstellenden Behörde",
        ),
        fields=(("Bisherige Klassen", "B, BE, C1"), ("Ausgestellt im Jahr", "19{n}9")),
        notice=N(
            "kba",
            "Auskunft aus dem Zentralen Fahrerlaubnisregister",
            "Geschäftszeichen",
            (
                "Für die angefragte Person ist eine Fahrerlaubnis der Klassen B und BE eingetragen.",
                "Der Führerschein wurde zur Herstellung eines neuen Dokuments gemeldet.",
            ),
        ),
        case="wegen Gebühren für den Umtausch eines Führerscheins",
    ),
    T(
        "auslaendische_fahrerlaubnis",
        "verkehrsbehoerde",
        "Umschreibung einer ausländischen Fahrerlaubnis",
        bescheid="Ablehnungsbescheid zur Umschreibung der Fahrerlaubnis",
        wants=(
            "die Umschreibung meiner ausländischen Fahrerlaubnis",
            "die Erteilung einer deutschen Fahrerlaubnis auf Grundlage meines ausländischen Führerscheins",
            "eine Fristverlängerung, damit ich mit meinem ausländischen Führerschein weiter fahren darf",
        ),
        facts=(
            "Ich lebe seit {months} Monaten in Deutschland und habe einen Führerschein aus Kasachstan.",
            "Meinen Führerschein habe ich vor 15 Jahren in meinem Heimatland gemacht.",
            "Die theoretische Prüfung habe ich am {past} bestanden, die praktische steht noch aus.",
            "Für meine neue Stelle als Pflegekraft brauche ich unbedingt einen gültigen Führerschein.",
        ),
        grounds=(
            "Meine Fahrpraxis aus dem Ausland wurde bei der Umschreibung nicht berücksichtigt.",
            "Die Übersetzung meines Führerscheins wurde von einem anerkannten Übersetzer gemacht, die "
            "Ablehnung ist deshalb falsch.",
            "Ich habe die Frist von sechs Monaten nur überschritten, weil ich keinen Termin bekommen habe.",
        ),
        problems=("Meine Akte liegt seit {weeks} Wochen bei der Führerscheinstelle, niemand ruft zurück.",),
        questions=(
            "Muss ich für die Umschreibung meines ausländischen Führerscheins eine Prüfung machen?",
            "Wie lange darf ich mit meinem Führerschein aus dem Ausland in Deutschland fahren?",
            "Brauche ich eine Übersetzung meines Führerscheins?",
        ),
        evidence=(
            "Übersetzung des ausländischen Führerscheins",
            "Sehtestbescheinigung",
            "Nachweis über einen Erste-Hilfe-Kurs",
            "biometrisches Passbild",
        ),
        fields=(("Ausstellungsstaat", "Kasachstan"), ("Wohnsitz in Deutschland seit", "{past}")),
        notice=N(
            "kba",
            "Auskunft zu einer ausländischen Fahrerlaubnis",
            "Geschäftszeichen",
            (
                "Die Echtheit des vorgelegten Führerscheins konnte über die ausstellende Behörde bestätigt werden.",
                "Im Fahreignungsregister sind zu der Person keine Eintragungen vorhanden.",
            ),
        ),
        case="wegen Umschreibung einer ausländischen Fahrerlaubnis",
    ),
    T(
        "fahrerlaubnis_neuerteilung",
        "verkehrsbehoerde",
        "Neuerteilung der Fahrerlaubnis",
        bescheid="Bescheid über die Entziehung der Fahrerlaubnis",
        wants=(
            "die Neuerteilung meiner Fahrerlaubnis nach Ablauf der Sperrfrist",
            "die Verlängerung der Frist für die Vorlage des MPU-Gutachtens",
            "Akteneinsicht in meine Führerscheinakte",
        ),
        facts=(
            "Die Sperrfrist nach dem Strafbefehl endet am {start}.",
            "Ich habe die Vorbereitung auf die MPU abgeschlossen und bin seit {months} Monaten abstinent.",
            "Nach einer Fahrt mit 1,3 Promille wurde mir im letzten Jahr die Fahrerlaubnis entzogen.",
        ),
        grounds=(
            "Die Anordnung einer MPU ist nach einer einmaligen Fahrt unverhältnismäßig.",
            "Ich bin als Pflegekraft im ambulanten Dienst auf das Auto angewiesen.",
            "Die Punkte im Fahreignungsregister waren teilweise schon getilgt.",
        ),
        questions=(
            "Wann kann ich den Antrag auf Neuerteilung frühestens stellen?",
            "Welche Begutachtungsstelle erkennen Sie für die MPU an?",
        ),
        evidence=(
            "Abstinenznachweise",
            "Bescheinigung über den Kurs zur Wiederherstellung der Fahreignung",
            "Sehtest",
        ),
        fields=(("Ende der Sperrfrist", "{start}"), ("Beantragte Klassen", "B, AM, L")),
        notice=N(
            "staatsanwalt",
            "Mitteilung in Strafsachen",
            "Aktenzeichen",
            (
                "Gegen die unten genannte Person ist ein Strafbefehl wegen Trunkenheit im Verkehr rechtskräftig.",
                "Die Fahrerlaubnis wurde entzogen, die Sperrfrist beträgt {months} Monate.",
            ),
        ),
        case="wegen Entziehung der Fahrerlaubnis",
    ),
    T(
        "abschleppen",
        "verkehrsbehoerde",
        "Abschleppkosten",
        bescheid="Kostenbescheid für das Abschleppen",
        wants=("die Erstattung der Abschleppkosten",),
        facts=(
            "Mein {car} mit dem Kennzeichen {plate} wurde am {past} vor dem Haus {site} abgeschleppt.",
            "Das Halteverbotsschild wurde erst aufgestellt, nachdem ich dort geparkt hatte.",
            "Für die Herausgabe des Wagens musste ich am Abschlepphof {amount} bar bezahlen.",
        ),
        grounds=(
            "Das mobile Halteverbot stand weniger als drei Tage vorher, das Abschleppen war rechtswidrig.",
            "Mein Auto hat niemanden behindert, es hätte gereicht, mich anzurufen.",
            "Die Kosten für Verwahrung und Abschleppen sind deutlich überhöht.",
        ),
        problems=(
            "Der Abschleppdienst hat meinen Wagen beim Aufladen an der Stoßstange beschädigt.",
            "Auf dem Abschlepphof wurde ich unfreundlich behandelt und musste zwei Stunden warten.",
        ),
        questions=(
            "Wo wurde mein Auto hingebracht und wann kann ich es abholen?",
            "Wie lange war das Halteverbotsschild vor dem Abschleppen aufgestellt?",
        ),
        evidence=("Quittung des Abschleppunternehmens", "Fotos der Beschilderung", "Parkschein"),
        fields=(("Kennzeichen", "{plate}"), ("Ort", "{site}"), ("Datum", "{past}")),
        notice=N(
            "polizei",
            "Mitteilung über eine Abschleppmaßnahme",
            "Vorgangsnummer",
            (
                "Das Fahrzeug mit dem Kennzeichen {plate} wurde wegen Behinderung eines Rettungsweges "
                "abgeschleppt.",
                "Die Kosten der Maßnahme sind vom Halter zu tragen.",
            ),
        ),
        case="wegen Erstattung von Abschleppkosten",
    ),
    T(
        "taxi",
        "verkehrsbehoerde",
        "Taxi- und Mietwagengenehmigung",
        bescheid="Bescheid über die Taxigenehmigung",
        wants=(
            "eine zusätzliche Genehmigung für den Verkehr mit Taxen",
            "die Wiedererteilung der Genehmigung für meine Taxen",
            "eine Genehmigung für den Mietwagenverkehr mit {n} Fahrzeugen",
        ),
        facts=(
            "Die Genehmigung für meine beiden Taxen läuft am {start} aus.",
            "Mein Taxiunternehmen hat seinen Betriebssitz im Haus {site}.",
            "Ich beschäftige {n} Fahrer in Voll- und Teilzeit.",
        ),
        grounds=(
            "Ich stehe seit Jahren auf der Warteliste, andere wurden vorgezogen.",
            "Die Ablehnung wegen fehlender finanzieller Leistungsfähigkeit ist falsch, die Bankauskunft "
            "ist einwandfrei.",
        ),
        problems=(
            "Die Verlängerung meiner Genehmigung liegt seit {weeks} Wochen bei Ihnen, ohne dass ich etwas höre.",
            "Am Hauptbahnhof blockieren Mietwagen ständig unseren Taxistand, niemand kontrolliert das.",
        ),
        questions=(
            "Wie viele Taxikonzessionen gibt es in {city}, und wie lang ist die Warteliste?",
            "Muss ich für die Fahrerlaubnis zur Fahrgastbeförderung eine Ortskundeprüfung ablegen?",
        ),
        evidence=(
            "Unbedenklichkeitsbescheinigung des Finanzamts",
            "Eigenkapitalbescheinigung",
            "Führungszeugnis",
            "Nachweis der fachlichen Eignung",
        ),
        ends=("Ich gebe meine Taxikonzession zum {start} zurück, weil ich das Unternehmen aufgebe.",),
        fields=(("Anzahl Fahrzeuge", "{n}"), ("Betriebssitz", "{site}")),
        notice=N(
            "ihk",
            "Stellungnahme zum Antrag auf Erteilung einer Taxigenehmigung",
            "Aktenzeichen",
            (
                "Gegen die Erteilung der Genehmigung bestehen aus Sicht der Kammer keine Bedenken.",
                "Die fachliche Eignung ist durch die bestandene Prüfung nachgewiesen.",
            ),
        ),
        case="wegen Erteilung einer Genehmigung nach dem Personenbeförderungsgesetz",
    ),
    T(
        "verkehrszeichen",
        "verkehrsbehoerde",
        "Verkehrsberuhigung und Beschilderung",
        wants=(
            "Tempo 30 vor der Schule in unserer Straße",
            "einen Zebrastreifen an der Kreuzung im Stadtteil {district}",
            "ein Halteverbot in unserer engen Wohnstraße",
            "die Aufstellung eines Spiegels an unserer unübersichtlichen Ausfahrt",
        ),
        facts=(
            "Vor dem Haus {site} rasen die Autos regelmäßig mit weit über 50 km/h vorbei.",
            "Täglich überqueren hier viele Kinder auf dem Schulweg die Straße.",
            "Seit der Umleitung fahren viel mehr Lkw durch unser Wohngebiet.",
        ),
        problems=(
            "Das Stoppschild an der Kreuzung im Stadtteil {district} ist seit Monaten umgeknickt.",
            "Die Fußgängerampel in Höhe {site} schaltet nur für wenige Sekunden auf Grün.",
            "Die Markierung des Radwegs ist kaum noch zu erkennen, es kommt fast täglich zu gefährlichen "
            "Situationen.",
        ),
        questions=(
            "Warum gilt in unserer Straße trotz Schule kein Tempo 30?",
            "Wer entscheidet über die Aufstellung einer Fußgängerampel?",
        ),
        evidence=("Fotos der Verkehrssituation", "Unterschriftenliste der Anwohner"),
        fields=(("Ort", "{site}"), ("Gewünschte Maßnahme", "Tempo 30")),
        notice=N(
            "polizei",
            "Auswertung der Unfallkommission",
            "Vorgangsnummer",
            (
                "Im Bereich der genannten Kreuzung haben sich im Jahr {prev_year} mehrere Unfälle mit "
                "Radfahrern ereignet.",
                "Wir empfehlen eine Anpassung der Beschilderung und der Ampelschaltung.",
            ),
        ),
        case="wegen verkehrsrechtlicher Anordnung (Tempo 30)",
    ),
    T(
        "fahrtenbuch",
        "verkehrsbehoerde",
        "Fahrtenbuchauflage",
        bescheid="Bescheid über die Anordnung eines Fahrtenbuchs",
        wants=("die Aufhebung der Fahrtenbuchauflage",),
        facts=(
            "Mein {car} mit dem Kennzeichen {plate} wird von mehreren Familienmitgliedern genutzt.",
            "Das Anhörungsschreiben zu dem Verstoß habe ich erst nach drei Wochen erhalten.",
        ),
        grounds=(
            "Das Foto war so unscharf, dass ich den Fahrer wirklich nicht erkennen konnte.",
            "Eine Fahrtenbuchauflage für zwölf Monate ist bei einem ersten Verstoß unverhältnismäßig.",
            "Ich habe an der Ermittlung des Fahrers mitgewirkt, soweit es mir möglich war.",
        ),
        questions=("Wie muss ein Fahrtenbuch genau geführt werden?",),
        evidence=("Kopie des Anhörungsbogens", "Kopie des Fahrzeugscheins"),
        fields=(("Kennzeichen", "{plate}"), ("Dauer der Auflage", "{months} Monate")),
        notice=N(
            "landkreis",
            "Mitteilung über einen nicht ermittelten Fahrzeugführer",
            "Aktenzeichen",
            (
                "Der Fahrzeugführer bei dem Verstoß vom {past} konnte nicht festgestellt werden.",
                "Wir regen an, gegen die Halterin oder den Halter eine Fahrtenbuchauflage zu prüfen.",
            ),
        ),
        case="wegen Anordnung eines Fahrtenbuchs",
    ),
    T(
        "schwertransport",
        "verkehrsbehoerde",
        "Großraum- und Schwertransport",
        bescheid="Bescheid über die Erlaubnis nach § 29 StVO",
        wants=(
            "eine Erlaubnis für einen Großraumtransport durch das Stadtgebiet",
            "eine Dauererlaubnis für Schwertransporte zu unserer Baustelle",
            "die Genehmigung für den Transport eines Fertigteilhauses",
        ),
        facts=(
            "Der Transport ist 4,20 Meter breit und hat ein Gesamtgewicht von 62 Tonnen.",
            "Die Fahrt soll in der Nacht zum {event} stattfinden.",
            "Für die Durchfahrt in Höhe {site} müssen zwei Verkehrszeichen abgebaut werden.",
        ),
        grounds=("Die vorgeschriebene Polizeibegleitung ist bei dieser Breite nicht erforderlich.",),
        problems=("Die Erlaubnis für unseren Transport kam so spät, dass wir den Kran umbuchen mussten.",),
        case="wegen Erlaubnis für einen Großraum- und Schwertransport",
    ),
    # --- Kassen- und Steueramt ----------------------------------------------------
    T(
        "zweitwohnungsteuer",
        "steueramt",
        "Zweitwohnungsteuer",
        ref="Kassenzeichen",
        bescheid="Zweitwohnungsteuerbescheid",
        wants=(
            "die Befreiung von der Zweitwohnungsteuer",
            "die Aufhebung der Zweitwohnungsteuer ab dem Monat meiner Ummeldung",
        ),
        facts=(
            "Mein Hauptwohnsitz ist bei meiner Familie, gut 300 Kilometer von hier entfernt.",
            "Ich habe die Wohnung {site} nur wegen meiner Arbeit, meine Familie lebt woanders.",
            "Meine Nebenwohnung habe ich zum {past} abgemeldet.",
            "Die Kaltmiete für das Zimmer beträgt {rent}.",
        ),
        grounds=(
            "Ich bin verheiratet und die Wohnung ist aus beruflichen Gründen nötig, dafür darf keine "
            "Steuer erhoben werden.",
            "Die Wohnung stand in den betreffenden Monaten leer und war wegen Renovierung nicht nutzbar.",
            "Die Steuer wurde von der Bruttowarmmiete berechnet statt von der Nettokaltmiete.",
            "Ich habe die Wohnung zum Hauptwohnsitz gemacht, die Steuer für diese Monate ist falsch.",
        ),
        questions=(
            "Muss ich Zweitwohnungsteuer bezahlen, wenn ich in {city} nur studiere?",
            "Wie hoch ist der Steuersatz der Zweitwohnungsteuer?",
            "Entfällt die Steuer, wenn ich die Wohnung zum Hauptwohnsitz mache?",
        ),
        evidence=(
            "Kopie des Mietvertrags",
            "Meldebescheinigung",
            "Heiratsurkunde",
            "Arbeitgeberbescheinigung",
        ),
        ends=(
            "Ich habe meine Zweitwohnung zum {start} aufgegeben und bitte um Abmeldung von der "
            "Zweitwohnungsteuer.",
            "Da die Wohnung {site} jetzt mein Hauptwohnsitz ist, bitte ich um Einstellung der Zweitwohnungsteuer.",
        ),
        fields=(("Anschrift Nebenwohnung", "{site}"), ("Nettokaltmiete", "{rent}")),
        case="wegen Zweitwohnungsteuer",
    ),
    T(
        "vergnuegungsteuer",
        "steueramt",
        "Vergnügungsteuer",
        ref="Kassenzeichen",
        bescheid="Vergnügungsteuerbescheid",
        wants=(
            "die Herabsetzung der Vergnügungsteuer für das Quartal",
            "die Abmeldung von zwei Spielgeräten aus der Vergnügungsteuer",
        ),
        facts=(
            "Wir betreiben in unserer Spielhalle im Stadtteil {district} {n} Geldspielgeräte.",
            "Die Steueranmeldung für das letzte Quartal liegt bei.",
            "Unsere Spielhalle war wegen Umbauarbeiten {weeks} Wochen geschlossen.",
        ),
        grounds=(
            "Die Einspielergebnisse wurden geschätzt, obwohl die Zählwerksausdrucke vorlagen.",
            "Der Steuersatz von 20 Prozent wirkt erdrosselnd und ist nicht mehr verhältnismäßig.",
            "Für die Wochen, in denen die Spielhalle geschlossen war, darf keine Steuer festgesetzt werden.",
        ),
        questions=(
            "Bis wann muss die Vergnügungsteuer für das Quartal angemeldet werden?",
            "Sind Dartautomaten auch vergnügungsteuerpflichtig?",
        ),
        evidence=("Zählwerksausdrucke der Spielgeräte", "Steueranmeldung", "Aufstellvertrag"),
        ends=("Wir melden die beiden Geldspielgeräte zum {start} ab, die Geräte wurden abgebaut.",),
        fields=(("Anzahl Geräte", "{n}"), ("Aufstellort", "{site}")),
        notice=N(
            "fa_mitte",
            "Kontrollmitteilung über Einspielergebnisse",
            "Steuernummer",
            (
                "Bei einer Außenprüfung wurden Einspielergebnisse aus Geldspielgeräten festgestellt, die "
                "von den Steueranmeldungen abweichen.",
                "Wir übersenden die Feststellungen zur Prüfung der Vergnügungsteuer.",
            ),
        ),
        case="wegen Vergnügungsteuer",
    ),
    T(
        "mahngebuehren",
        "steueramt",
        "Mahngebühren und Säumniszuschläge",
        ref="Kassenzeichen",
        bescheid="Bescheid über Säumniszuschläge",
        wants=(
            "den Erlass der Mahngebühren und Säumniszuschläge",
            "eine Aufstellung aller offenen Beträge zu meinem Kassenzeichen",
        ),
        facts=(
            "Ich habe den Betrag am {past} überwiesen, die Überweisung hat sich mit Ihrer Mahnung gekreuzt.",
            "Bei der Überweisung habe ich versehentlich ein falsches Kassenzeichen angegeben.",
            "Die Zahlungsaufforderung ist bei mir nie angekommen, ich habe erst die Mahnung erhalten.",
        ),
        grounds=(
            "Ich habe rechtzeitig bezahlt, die Buchung bei Ihnen hat sich verzögert.",
            "Die Mahnung kam, während ich im Krankenhaus lag, dafür kann ich nichts.",
            "Säumniszuschläge für eine Forderung, die ich bestritten habe, sind nicht gerechtfertigt.",
        ),
        problems=(
            "Ich bekomme seit Monaten Mahnungen über {small}, obwohl alles längst bezahlt ist.",
            "Ihre Stadtkasse ist telefonisch überhaupt nicht zu erreichen.",
        ),
        questions=(
            "Wofür genau wurde die Mahngebühr von {small} berechnet?",
            "Auf welches Konto und mit welchem Verwendungszweck muss ich zahlen?",
        ),
        evidence=("Kontoauszug mit der Überweisung", "Kopie der Mahnung"),
        fields=(("Offener Betrag", "{small}"), ("Gezahlt am", "{past}")),
        case="wegen Säumniszuschlägen und Mahngebühren",
    ),
    T(
        "strassenreinigung",
        "steueramt",
        "Straßenreinigungsgebühren",
        ref="Kassenzeichen",
        bescheid="Gebührenbescheid für die Straßenreinigung",
        wants=(
            "die Neuberechnung der Straßenreinigungsgebühren",
            "die Korrektur der Frontmeterlänge meines Grundstücks",
        ),
        facts=(
            "Mein Grundstück {site} grenzt nur mit der schmalen Zufahrt an die Straße.",
            "Die Straße vor unserem Haus wird nach meiner Beobachtung höchstens einmal im Monat gekehrt.",
            "Ich bin seit {past} Eigentümer des Grundstücks Flurstück {plot}.",
        ),
        grounds=(
            "Die Reinigungsklasse ist falsch, unsere Sackgasse wird nicht wöchentlich gereinigt.",
            "Die Gebühren wurden nach der falschen Grundstücksbreite berechnet.",
            "Für das Hinterliegergrundstück darf keine volle Gebühr erhoben werden.",
        ),
        problems=(
            "Die Kehrmaschine fährt so schnell, dass der Dreck nur verteilt wird.",
            "Seit Wochen liegt in unserer Straße Laub, aber die Gebühren zahlen wir trotzdem.",
        ),
        questions=("Wie werden die Straßenreinigungsgebühren für ein Eckgrundstück berechnet?",),
        evidence=("Lageplan des Grundstücks", "Grundbuchauszug", "Fotos der Straße"),
        fields=(("Grundstück", "{site}"), ("Flurstück", "{plot}")),
        case="wegen Straßenreinigungsgebühren",
    ),
    T(
        "erstattung",
        "steueramt",
        "Erstattung einer Überzahlung",
        ref="Kassenzeichen",
        wants=(
            "die Erstattung meiner doppelt gezahlten Rate",
            "die Rückzahlung des Guthabens aus dem Steuerbescheid",
            "die Umbuchung meiner Zahlung auf das richtige Kassenzeichen",
        ),
        facts=(
            "Ich habe die Rate vom {past} versehentlich zweimal überwiesen.",
            "Laut dem geänderten Bescheid steht mir ein Guthaben von {small} zu.",
            "Meine Bankverbindung hat sich geändert, bitte überweisen Sie an das neue Konto.",
        ),
        problems=(
            "Das Guthaben aus dem Bescheid vom {bdate} ist bis heute nicht auf meinem Konto angekommen.",
        ),
        questions=(
            "Wann wird mir das Guthaben von {small} überwiesen?",
            "Wird das Guthaben automatisch mit der nächsten Fälligkeit verrechnet?",
        ),
        evidence=("Kontoauszug mit der doppelten Abbuchung", "Kopie des geänderten Bescheids"),
        fields=(("Betrag", "{small}"), ("Zahlung vom", "{past}")),
        case="wegen Erstattung überzahlter Abgaben",
    ),
    T(
        "lastschrift",
        "steueramt",
        "SEPA-Lastschriftmandat",
        ref="Kassenzeichen",
        wants=(
            "die Einrichtung eines SEPA-Lastschriftmandats für meine Grundbesitzabgaben",
            "die Abbuchung meiner Hundesteuer per Lastschrift",
            "die Änderung meiner Bankverbindung für den Lastschrifteinzug",
        ),
        facts=(
            "Ich möchte nicht mehr jedes Quartal selbst überweisen.",
            "Mein neues Konto ist bei der Sparkasse, das alte Konto wird zum Monatsende aufgelöst.",
            "Die Abbuchung soll künftig von meinem Konto erfolgen.",
        ),
        problems=(
            "Obwohl ich das Lastschriftmandat widerrufen habe, wurde wieder abgebucht.",
            "Die Lastschrift ist zurückgegangen und Sie haben mir dafür Gebühren berechnet.",
        ),
        questions=(
            "Kann ich das Lastschriftmandat auch per E-Mail erteilen?",
            "Zu welchem Datum wird die Lastschrift abgebucht?",
        ),
        evidence=("unterschriebenes SEPA-Lastschriftmandat",),
        ends=(
            "Hiermit widerrufe ich das SEPA-Lastschriftmandat für alle meine Kassenzeichen.",
            "Ich kündige die Einzugsermächtigung zum {start}, ich zahle künftig per Dauerauftrag.",
        ),
        fields=(("Kontoinhaber", "wie Antragsteller"), ("Gültig ab", "{start}")),
        case="wegen Rückbuchung einer Lastschrift",
    ),
    # --- Sozialamt -----------------------------------------------------------------
    T(
        "hilfe_lebensunterhalt",
        "sozialamt",
        "Hilfe zum Lebensunterhalt",
        bescheid="Bescheid über Hilfe zum Lebensunterhalt",
        wants=(
            "Hilfe zum Lebensunterhalt",
            "einen Vorschuss auf die Hilfe zum Lebensunterhalt",
            "eine Beihilfe für die Erstausstattung meiner Wohnung",
        ),
        facts=(
            "Ich bekomme eine befristete Rente wegen Erwerbsminderung von nur {pension}.",
            "Das Jobcenter hat mich an Sie verwiesen, weil ich nicht erwerbsfähig bin.",
            "Nach meinem Krankenhausaufenthalt habe ich kein Geld mehr für Lebensmittel.",
            "Ich wohne allein {floor} in einer {rooms}-Raum-Wohnung, die Miete beträgt {rent}.",
        ),
        grounds=(
            "Mein Sparbuch ist für meine Beerdigung bestimmt und muss geschont werden.",
            "Die Heizkostennachzahlung wurde nicht übernommen, obwohl sie im Bedarfsmonat fällig war.",
            "Das Kindergeld für meinen volljährigen Sohn wurde mir zu Unrecht als Einkommen angerechnet.",
        ),
        problems=("Seit {weeks} Wochen warte ich auf eine Entscheidung und habe kein Geld mehr.",),
        questions=(
            "Bin ich beim Sozialamt oder beim Jobcenter richtig, wenn ich nur eine Zeitrente bekomme?",
            "Wie viel darf ich an Vermögen behalten?",
        ),
        evidence=(
            "Rentenbescheid",
            "Kontoauszüge der letzten drei Monate",
            "Mietvertrag",
            "Entlassungsbericht",
        ),
        fields=(("Monatliche Rente", "{pension}"), ("Miete", "{rent}")),
        notice=N(
            "jobcenter",
            "Mitteilung über die fehlende Erwerbsfähigkeit",
            "BG-Nummer",
            (
                "Nach dem Gutachten des ärztlichen Dienstes ist die Person voraussichtlich länger als sechs "
                "Monate nicht erwerbsfähig.",
                "Die Leistungen nach dem SGB II werden zum Monatsende eingestellt, wir bitten um Prüfung "
                "von Leistungen nach dem SGB XII.",
            ),
        ),
        case="wegen Hilfe zum Lebensunterhalt",
    ),
    T(
        "bestattungskosten",
        "sozialamt",
        "Übernahme von Bestattungskosten",
        bescheid="Bescheid über die Übernahme der Bestattungskosten",
        wants=(
            "die Übernahme der Bestattungskosten für meinen verstorbenen Angehörigen",
            "die Übernahme der Kosten einer einfachen Urnenbeisetzung",
        ),
        facts=(
            "{deceased} ist am {past} verstorben und hat kein Vermögen hinterlassen.",
            "Als nächster Angehöriger muss ich die Bestattung veranlassen, kann die Kosten aber nicht tragen.",
            "Das Bestattungshaus verlangt {amount}, ich beziehe selbst nur Bürgergeld.",
            "Das Erbe haben wir ausgeschlagen, weil nur Schulden da waren.",
        ),
        grounds=(
            "Die Kosten für den Grabstein sind für eine würdige Bestattung notwendig.",
            "Zu dem Verstorbenen hatte ich seit 30 Jahren keinen Kontakt, mir ist die Zahlung nicht zumutbar.",
            "Mein Einkommen wurde falsch berechnet, die Fahrtkosten zur Arbeit fehlen.",
        ),
        questions=(
            "Welche Kosten einer Bestattung übernimmt das Sozialamt?",
            "Muss ich den Antrag vor der Beerdigung stellen?",
        ),
        evidence=(
            "Sterbeurkunde",
            "Rechnung des Bestattungshauses",
            "Erbausschlagung",
            "Einkommensnachweise",
        ),
        fields=(("Verstorbene Person", "{deceased}"), ("Sterbedatum", "{past}"), ("Kosten", "{amount}")),
        notice=N(
            "landkreis",
            "Kostenerstattung für eine Bestattung",
            "Aktenzeichen",
            (
                "Die verstorbene Person hatte ihren gewöhnlichen Aufenthalt zuletzt in Ihrem Zuständigkeitsbereich.",
                "Wir geben den Antrag auf Übernahme der Bestattungskosten zuständigkeitshalber an Sie ab.",
            ),
        ),
        case="wegen Übernahme von Bestattungskosten",
    ),
    T(
        "eingliederungshilfe",
        "sozialamt",
        "Eingliederungshilfe",
        bescheid="Bescheid über Leistungen der Eingliederungshilfe",
        wants=(
            "Leistungen der Eingliederungshilfe",
            "Assistenzleistungen für das ambulant betreute Wohnen",
            "die Übernahme der Kosten für die Werkstatt für behinderte Menschen",
            "ein persönliches Budget",
        ),
        facts=(
            "Ich habe eine Lernbehinderung und möchte in eine eigene Wohnung ziehen.",
            "Ich arbeite in einer Werkstatt für behinderte Menschen und wohne noch bei meinen Eltern.",
            "Beim Einkaufen, mit Behördenpost und mit Geld brauche ich Unterstützung.",
            "Die Gesamtplankonferenz hat am {past} stattgefunden.",
        ),
        grounds=(
            "Im Gesamtplan wurde mein Hilfebedarf viel zu niedrig angesetzt.",
            "Die bewilligten vier Stunden Assistenz pro Woche reichen bei weitem nicht.",
            "Mein Wunsch nach ambulanter Betreuung wurde nicht berücksichtigt.",
        ),
        problems=(
            "Seit dem Wechsel der Sachbearbeiterin ist unser Antrag seit {months} Monaten liegen geblieben.",
        ),
        questions=(
            "Wird mein Einkommen bei der Eingliederungshilfe angerechnet?",
            "Wer hilft mir beim Ausfüllen des Antrags auf ein persönliches Budget?",
        ),
        evidence=("Schwerbehindertenausweis", "Entwicklungsbericht der Werkstatt", "ärztliche Stellungnahme"),
        fields=(("Art der Leistung", "Assistenzleistungen"), ("Gewünschter Beginn", "{start}")),
        notice=N(
            "ba",
            "Klärung der Zuständigkeit für Leistungen zur Teilhabe",
            "Kundennummer",
            (
                "Wir haben den Antrag auf Leistungen zur Teilhabe am Arbeitsleben geprüft.",
                "Zuständig ist nach unserer Auffassung der Träger der Eingliederungshilfe, wir leiten den "
                "Antrag nach § 14 SGB IX an Sie weiter.",
            ),
        ),
        case="wegen Leistungen der Eingliederungshilfe",
    ),
    T(
        "sozialpass",
        "sozialamt",
        "Sozialpass",
        wants=(
            "einen Sozialpass für mich und meine Kinder",
            "die Verlängerung meines Sozialpasses",
            "ein ermäßigtes Monatsticket für den Nahverkehr",
        ),
        facts=(
            "Ich bekomme Wohngeld und habe nur ein kleines Einkommen von {income}.",
            "Mit dem Sozialpass möchte ich ermäßigt ins Schwimmbad und in die Stadtbibliothek.",
            "Mein bisheriger Sozialpass ist am {past} abgelaufen.",
        ),
        problems=(
            "Im Hallenbad wurde mein Sozialpass nicht akzeptiert.",
            "Der Sozialpass gilt nur ein halbes Jahr, ständig muss ich neue Nachweise bringen.",
        ),
        questions=(
            "Welche Ermäßigungen bekomme ich mit dem Sozialpass?",
            "Können auch Rentner mit Grundsicherung einen Sozialpass bekommen?",
            "Gilt der Sozialpass auch für das Sozialticket der Verkehrsbetriebe?",
        ),
        evidence=("Wohngeldbescheid", "Bürgergeldbescheid", "Passbild"),
        fields=(("Personen im Haushalt", "{n}"), ("Nachweis", "Wohngeldbescheid")),
    ),
    T(
        "wohnberechtigungsschein",
        "sozialamt",
        "Wohnberechtigungsschein",
        bescheid="Ablehnungsbescheid zum Wohnberechtigungsschein",
        wants=(
            "einen Wohnberechtigungsschein für eine {rooms}-Raum-Wohnung",
            "einen Wohnberechtigungsschein mit besonderem Wohnbedarf",
            "die Verlängerung meines Wohnberechtigungsscheins",
        ),
        facts=(
            "Wir sind {n} Personen und wohnen in einer viel zu kleinen Wohnung mit {size} Quadratmetern.",
            "Unser Haushaltseinkommen liegt bei {income} netto im Monat.",
            "Eine Wohnungsgenossenschaft hat mir eine Sozialwohnung in Aussicht gestellt, braucht aber "
            "den Wohnberechtigungsschein.",
            "Ich bin auf den Rollstuhl angewiesen und brauche eine barrierefreie Wohnung.",
        ),
        grounds=(
            "Die Einkommensgrenze wurde mit meinem Bruttoeinkommen statt dem bereinigten Einkommen geprüft.",
            "Das Kind, das im Sommer geboren wird, wurde bei der Haushaltsgröße nicht mitgezählt.",
        ),
        questions=(
            "Welche Einkommensgrenze gilt für einen Wohnberechtigungsschein für drei Personen?",
            "Wie lange ist ein Wohnberechtigungsschein gültig?",
        ),
        evidence=("Einkommensnachweise aller Haushaltsmitglieder", "Mutterpass", "Meldebescheinigung"),
        fields=(("Haushaltsgröße", "{n} Personen"), ("Gewünschte Raumzahl", "{rooms}")),
    ),
    T(
        "wohnungsnotfall",
        "sozialamt",
        "Wohnungsnotfallhilfe",
        wants=(
            "die Übernahme meiner Mietschulden, damit ich die Wohnung behalten kann",
            "eine Unterbringung, falls die Räumung nicht mehr abzuwenden ist",
            "Hilfe bei drohender Wohnungslosigkeit",
        ),
        facts=(
            "Mein Vermieter hat mir wegen Mietrückständen von {amount} fristlos gekündigt.",
            "Die Räumung ist für den {deadline} angesetzt.",
            "Nachdem ich meine Arbeit verloren habe, konnte ich die Miete nicht mehr zahlen.",
            "Ich lebe mit {n} Kindern in der Wohnung.",
        ),
        problems=(
            "Auf meinen Antrag auf Übernahme der Mietschulden habe ich seit {weeks} Wochen keine Antwort, die Räumung rückt näher.",
            "Bei der Beratung hat mir niemand gesagt, dass Mietschulden übernommen werden können, jetzt ist es fast zu spät.",
        ),
        questions=(
            "Übernimmt die Stadt Mietschulden, wenn die Räumung droht?",
            "Wo kann ich heute Nacht unterkommen?",
        ),
        evidence=("Kündigungsschreiben des Vermieters", "Räumungsurteil", "Kontoauszüge"),
        fields=(("Mietrückstand", "{amount}"), ("Räumungstermin", "{deadline}")),
        notice=N(
            "jobcenter",
            "Mitteilung über drohende Wohnungslosigkeit",
            "BG-Nummer",
            (
                "Uns wurde eine Räumungsklage gegen eine Leistungsberechtigte bekannt.",
                "Die Mietschulden belaufen sich auf {amount}.",
                "Wir bitten um Abstimmung, ob eine Unterbringung erforderlich wird.",
            ),
        ),
    ),
    T(
        "asylbewerberleistungen",
        "sozialamt",
        "Leistungen nach dem Asylbewerberleistungsgesetz",
        bescheid="Bescheid nach dem Asylbewerberleistungsgesetz",
        wants=(
            "Leistungen nach dem Asylbewerberleistungsgesetz",
            "einen Behandlungsschein für den Zahnarzt",
            "die Erlaubnis, in eine eigene Wohnung zu ziehen",
        ),
        facts=(
            "Ich bin seit {months} Monaten in Deutschland und wohne in der Gemeinschaftsunterkunft.",
            "Mein Asylverfahren läuft noch.",
            "Ich habe Zahnschmerzen und brauche dringend eine Behandlung bei {doctor}.",
            "Ich habe eine Arbeit als Helfer bei {employer} gefunden.",
        ),
        grounds=(
            "Die Kürzung meiner Leistungen ist nicht rechtmäßig, ich habe bei der Passbeschaffung mitgewirkt.",
            "Mein Lohn wurde ohne Abzug der Freibeträge angerechnet.",
        ),
        problems=("In der Gemeinschaftsunterkunft gibt es Schimmel in den Zimmern und Ungeziefer.",),
        questions=(
            "Wann bekomme ich Leistungen wie beim Bürgergeld?",
            "Brauche ich für jeden Arztbesuch einen neuen Behandlungsschein?",
        ),
        evidence=("Aufenthaltsgestattung", "Arbeitsvertrag", "Lohnabrechnung"),
        ends=("Ich brauche ab {start} keine Leistungen mehr, weil ich eine feste Arbeit habe.",),
        fields=(("Unterkunft", "Gemeinschaftsunterkunft"), ("In Deutschland seit", "{past}")),
        notice=N(
            "ldS",
            "Zuweisungsentscheidung",
            "Aktenzeichen",
            (
                "Die unten genannte Person wird Ihrer Stadt zur Unterbringung zugewiesen.",
                "Die Zuweisung erfolgt zum {start}, wir bitten um Aufnahme und Leistungsgewährung.",
            ),
        ),
    ),
    # --- Jugendamt -----------------------------------------------------------------
    T(
        "pflegekind",
        "jugendamt",
        "Vollzeitpflege",
        bescheid="Bescheid über das Pflegegeld",
        wants=(
            "die Erhöhung des Pflegegeldes für unser Pflegekind {child}",
            "Pflegegeld für mein Enkelkind {child}, das bei mir lebt",
            "die Übernahme der Kosten für die Klassenfahrt unseres Pflegekindes",
        ),
        facts=(
            "Seit {past} lebt {child} bei uns, weil die leibliche Mutter sich nicht kümmern kann.",
            "{child} braucht viel Förderung und geht zweimal in der Woche zur Ergotherapie.",
            "Das Jugendamt hat die Unterbringung bei uns damals selbst vermittelt.",
        ),
        grounds=(
            "Die Kosten für die Klassenfahrt und die Brille wurden beim Pflegegeld nicht berücksichtigt.",
            "Als Großeltern haben wir denselben Anspruch auf Pflegegeld wie fremde Pflegeeltern.",
        ),
        problems=("Der Besuchskontakt mit der leiblichen Mutter wurde ohne Absprache mit uns verlegt.",),
        questions=(
            "Welche Voraussetzungen müssen wir als Pflegeeltern erfüllen?",
            "Wie hoch ist das Pflegegeld für ein Kind mit {child_age} Jahren?",
        ),
        evidence=("Führungszeugnisse beider Pflegeeltern", "ärztliches Attest", "Einkommensnachweis"),
        ends=(
            "Das Pflegeverhältnis mit {child} endet zum {start}, da das Kind zu seiner Mutter zurückkehrt.",
        ),
        fields=(("Pflegekind", "{child}"), ("Bei uns seit", "{past}")),
        notice=N(
            "familienkasse",
            "Anfrage zum Kindergeld für ein Pflegekind",
            "Kindergeldnummer",
            (
                "Für das Kind {child} wird Kindergeld beantragt, das Kind lebt nach Angaben in einer Pflegefamilie.",
                "Bitte bestätigen Sie die Unterbringung und deren Beginn.",
            ),
        ),
        case="wegen Hilfe zur Erziehung in Vollzeitpflege",
    ),
    T(
        "kindertagespflege",
        "jugendamt",
        "Kindertagespflege",
        bescheid="Bescheid über die Förderung in Kindertagespflege",
        wants=(
            "einen Platz bei einer Tagesmutter für {child}",
            "die Übernahme der Kosten für die Tagesmutter",
            "die Förderung der Betreuung durch eine Tagespflegeperson",
        ),
        facts=(
            "Wir haben keinen Krippenplatz bekommen, deshalb soll {child} zu einer Tagesmutter.",
            "Unsere Tagesmutter im Stadtteil {district} hat einen Platz für {child} frei.",
            "{child} ist am {child_birth} geboren und soll betreut werden, wenn ich wieder arbeite.",
        ),
        grounds=(
            "Die laufende Geldleistung für die Tagespflege ist seit Jahren nicht erhöht worden.",
            "Die Zuzahlung an die Tagesmutter darf nicht höher sein als der Elternbeitrag in der Kita.",
        ),
        problems=(
            "Unsere Tagesmutter ist seit {weeks} Wochen krank und es gibt keine Vertretung.",
            "Die Tagesmutter lässt die Kinder stundenlang vor dem Fernseher sitzen.",
        ),
        questions=(
            "Gibt es eine Vertretung, wenn unsere Tagesmutter Urlaub hat?",
            "Welche Qualifizierung brauche ich, um Tagesmutter zu werden?",
        ),
        evidence=(
            "Betreuungsvertrag mit der Tagespflegeperson",
            "Arbeitgeberbescheinigung",
            "Erste-Hilfe-Nachweis",
        ),
        ends=("Wir beenden die Betreuung von {child} bei der Tagesmutter zum {start}.",),
        fields=(("Kind", "{child}"), ("Betreuungsbeginn", "{start}"), ("Stunden pro Woche", "{n}0")),
        notice=N(
            "lds_jugend",
            "Hinweise zur Förderung der Kindertagespflege",
            "Aktenzeichen",
            (
                "Die Pauschalen für die Sachaufwendungen der Tagespflegepersonen werden angepasst.",
                "Wir bitten, die neuen Beträge ab dem {start} zu berücksichtigen.",
            ),
        ),
    ),
    T(
        "erziehungsberatung",
        "jugendamt",
        "Erziehungsberatung",
        wants=(
            "einen Termin in der Erziehungsberatungsstelle",
            "eine Familienhilfe für uns",
            "Unterstützung, weil wir mit unserem Kind nicht mehr weiterwissen",
        ),
        facts=(
            "Unser Kind {child} ist seit der Trennung sehr aggressiv und kaum noch zu beruhigen.",
            "Ich bin alleinerziehend mit {n} Kindern und komme mit der Situation nicht mehr zurecht.",
            "{child} zieht sich völlig zurück und redet kaum noch mit uns.",
        ),
        problems=(
            "Auf einen Termin bei der Erziehungsberatung warten wir schon {months} Monate.",
            "Die Familienhelferin kommt unregelmäßig und sagt Termine kurzfristig ab.",
        ),
        questions=(
            "Ist die Erziehungsberatung kostenlos und vertraulich?",
            "Können wir auch als getrennte Eltern gemeinsam zur Beratung kommen?",
        ),
        evidence=("Stellungnahme der Schule", "Bericht der Kinderärztin"),
        ends=("Wir möchten die Familienhilfe zum Monatsende beenden, es geht uns inzwischen besser.",),
        fields=(("Kind", "{child}"), ("Geburtsdatum", "{child_birth}")),
        notice=N(
            "lasub",
            "Mitteilung über erhebliche Schulversäumnisse",
            "Aktenzeichen",
            (
                "Die Schülerin oder der Schüler hat seit Schuljahresbeginn an mehr als {n}0 Tagen unentschuldigt gefehlt.",
                "Wir bitten um Prüfung von Hilfen für die Familie.",
            ),
        ),
    ),
    T(
        "umgang",
        "jugendamt",
        "Umgangsregelung",
        wants=(
            "Unterstützung bei einer Umgangsregelung für {child}",
            "einen begleiteten Umgang mit meinem Kind",
            "ein Vermittlungsgespräch mit dem anderen Elternteil",
        ),
        facts=(
            "Seit der Trennung am {past} lässt mich der andere Elternteil unser Kind {child} kaum noch sehen.",
            "Die vereinbarten Umgangszeiten werden ständig kurzfristig abgesagt.",
            "Wir haben beide das gemeinsame Sorgerecht.",
        ),
        problems=(
            "Die Mitarbeiterin hat im Gespräch einseitig Partei für den anderen Elternteil ergriffen.",
            "Der begleitete Umgang fällt immer wieder aus, weil kein Personal da ist.",
        ),
        questions=(
            "Wie oft darf ich mein Kind nach der Trennung sehen?",
            "Muss ich zum Familiengericht gehen, wenn wir uns nicht einigen?",
        ),
        evidence=("Umgangsvereinbarung", "Chatverläufe mit dem anderen Elternteil"),
        fields=(("Kind", "{child}"), ("Getrennt seit", "{past}")),
        case="wegen Regelung des Umgangs mit dem Kind {child}",
    ),
    T(
        "sorgeerklaerung",
        "jugendamt",
        "Sorgeerklärung",
        wants=(
            "die Beurkundung unserer gemeinsamen Sorgeerklärung",
            "eine Negativbescheinigung aus dem Sorgeregister",
            "einen Termin zur Abgabe der Sorgeerklärungen vor der Geburt",
        ),
        facts=(
            "Wir sind nicht verheiratet und wollen das Sorgerecht gemeinsam ausüben.",
            "Unser Kind {child} wurde am {child_birth} geboren, die Vaterschaft ist bereits anerkannt.",
            "Für den Kinderreisepass verlangt das Bürgeramt einen Nachweis über das alleinige Sorgerecht.",
        ),
        questions=(
            "Müssen wir für die Sorgeerklärung beide gleichzeitig kommen?",
            "Kann die Sorgeerklärung schon vor der Geburt abgegeben werden?",
            "Kostet die Beurkundung der Sorgeerklärung etwas?",
        ),
        evidence=("Mutterpass", "Urkunde über die Vaterschaftsanerkennung", "Kopien der Personalausweise"),
        fields=(("Kind", "{child}"), ("Geburtsdatum", "{child_birth}")),
        notice=N(
            "standesamt_ext",
            "Anfrage zum Sorgeregister",
            "Registernummer",
            (
                "Für die Beurkundung einer Geburt benötigen wir eine Auskunft, ob Sorgeerklärungen abgegeben wurden.",
                "Die Mutter des Kindes ist in Ihrem Bezirk geboren.",
            ),
        ),
    ),
    T(
        "jugendgerichtshilfe",
        "jugendamt",
        "Jugendhilfe im Strafverfahren",
        wants=(
            "ein Gespräch mit der Jugendgerichtshilfe vor der Verhandlung",
            "die Vermittlung von Sozialstunden für meinen Sohn",
        ),
        facts=(
            "Mein Sohn ist 16 und hat eine Vorladung zum Jugendgericht bekommen.",
            "Unser Sohn soll {n}0 Sozialstunden ableisten, findet aber keine Stelle.",
            "Die Verhandlung beim Amtsgericht ist am {event}.",
        ),
        problems=("Niemand von der Jugendgerichtshilfe hat sich vor der Verhandlung bei uns gemeldet.",),
        questions=(
            "Muss ich als Mutter bei der Verhandlung meines Sohnes dabei sein?",
            "Wo kann mein Sohn seine Arbeitsstunden ableisten?",
        ),
        evidence=("Kopie der Ladung", "Bestätigung der Einsatzstelle über abgeleistete Stunden"),
        fields=(("Termin der Verhandlung", "{event}"), ("Auflage", "{n}0 Arbeitsstunden")),
        notice=N(
            "staatsanwalt",
            "Mitteilung über ein Ermittlungsverfahren gegen einen Jugendlichen",
            "Aktenzeichen",
            (
                "Gegen den unten genannten Jugendlichen wird wegen Sachbeschädigung ermittelt.",
                "Wir bitten die Jugendhilfe im Strafverfahren um Bericht bis zum {deadline}.",
            ),
        ),
    ),
    T(
        "elterngeld",
        "jugendamt",
        "Elterngeld",
        bescheid="Elterngeldbescheid",
        wants=(
            "Elterngeld für unser Kind {child}",
            "ElterngeldPlus für die ersten {n} Lebensmonate",
            "die Änderung der Bezugsmonate beim Elterngeld",
        ),
        facts=(
            "Unser Kind {child} wurde am {child_birth} geboren.",
            "Vor der Geburt habe ich im Schnitt {income} netto im Monat verdient.",
            "Mein Partner und ich wollen uns die Elternzeit teilen.",
            "Ich arbeite während des Elterngeldbezugs 20 Stunden in Teilzeit.",
        ),
        grounds=(
            "Das Mutterschaftsgeld wurde doppelt angerechnet.",
            "Meine Provisionen wurden bei der Berechnung des Elterngeldes nicht berücksichtigt.",
            "Die Rückforderung ist falsch, ich habe im Bezugszeitraum nicht mehr gearbeitet als angegeben.",
        ),
        problems=("Über meinen Elterngeldantrag ist seit {weeks} Wochen nicht entschieden.",),
        questions=(
            "Wie lange vorher muss ich das Elterngeld beantragen?",
            "Wird das Elterngeld auf das Wohngeld angerechnet?",
        ),
        evidence=(
            "Geburtsurkunde für Elterngeld",
            "Lohnabrechnungen der letzten zwölf Monate",
            "Bescheinigung der Krankenkasse über Mutterschaftsgeld",
        ),
        fields=(("Kind", "{child}"), ("Geburtsdatum", "{child_birth}"), ("Bezugsmonate", "1 bis 12")),
        notice=N(
            "aok",
            "Bescheinigung über den Bezug von Mutterschaftsgeld",
            "Versichertennummer",
            (
                "Mutterschaftsgeld wurde bis zum {past} gezahlt.",
                "Die Bescheinigung wird für das Verfahren zum Elterngeld übersandt.",
            ),
        ),
        case="wegen Elterngeld",
    ),
    # --- Bauordnungsamt -----------------------------------------------------------
    T(
        "abgeschlossenheit",
        "bauamt",
        "Abgeschlossenheitsbescheinigung",
        bescheid="Gebührenbescheid zur Abgeschlossenheitsbescheinigung",
        wants=(
            "eine Abgeschlossenheitsbescheinigung für das Mehrfamilienhaus {site}",
            "die Aufteilung unseres Hauses in Eigentumswohnungen",
        ),
        facts=(
            "Das Haus {site} hat {n} Wohnungen und soll in Wohnungseigentum aufgeteilt werden.",
            "Die Aufteilungspläne hat unser Architekt nach dem Bestand gezeichnet.",
            "Der Notartermin ist bereits für den {event} angesetzt.",
        ),
        grounds=(
            "Die Gebühr wurde nach der Zahl der Räume statt nach der Zahl der Wohnungen berechnet.",
            "Die verlangte Brandschutztür zum Dachboden war für die Bescheinigung nicht erforderlich.",
        ),
        questions=(
            "Wie lange dauert die Ausstellung einer Abgeschlossenheitsbescheinigung?",
            "Müssen die Aufteilungspläne farbig markiert sein?",
        ),
        evidence=("Aufteilungspläne in dreifacher Ausfertigung", "Grundbuchauszug", "Lageplan"),
        fields=(("Grundstück", "{site}"), ("Anzahl Wohnungen", "{n}"), ("Flurstück", "{plot}")),
        case="wegen Erteilung einer Abgeschlossenheitsbescheinigung",
    ),
    T(
        "nutzungsaenderung",
        "bauamt",
        "Nutzungsänderung",
        bescheid="Bescheid über die Nutzungsänderung",
        wants=(
            "die Genehmigung der Nutzungsänderung eines Ladens in eine Praxis",
            "die Genehmigung, die Räume im Erdgeschoss {site} als Praxis zu nutzen",
            "einen Vorbescheid zur Umnutzung des leerstehenden Ladens",
        ),
        facts=(
            "Das ehemalige Ladengeschäft {site} steht seit Jahren leer.",
            "Ich möchte dort eine Physiotherapiepraxis eröffnen.",
            "Bauliche Änderungen an der Fassade sind nicht geplant, nur innen werden Wände versetzt.",
        ),
        grounds=(
            "Für die Praxis werden keine zusätzlichen Stellplätze gebraucht, die Patienten kommen mit "
            "der Straßenbahn.",
            "Die Nutzung als Praxis fügt sich in die Umgebung ein, nebenan ist auch eine Arztpraxis.",
        ),
        problems=(
            "Mein Antrag auf Nutzungsänderung liegt seit {months} Monaten bei Ihnen, ich zahle schon Miete für leere Räume.",
            "Für eine kleine Praxis verlangen Sie Unterlagen wie für ein Krankenhaus.",
        ),
        questions=(
            "Brauche ich eine Baugenehmigung, wenn ich aus einem Büro eine Arztpraxis mache?",
            "Darf ich meine Wohnung als Ferienwohnung vermieten?",
        ),
        evidence=("Grundrisse", "Betriebsbeschreibung", "Stellplatznachweis", "Brandschutzkonzept"),
        fields=(("Bisherige Nutzung", "Laden"), ("Geplante Nutzung", "Praxis"), ("Grundstück", "{site}")),
        case="wegen Genehmigung einer Nutzungsänderung",
    ),
    T(
        "werbeanlage",
        "bauamt",
        "Werbeanlage",
        bescheid="Bescheid über die Genehmigung einer Werbeanlage",
        wants=(
            "die Genehmigung eines beleuchteten Ladenschilds",
            "die Genehmigung einer Werbeanlage an der Fassade",
            "die Genehmigung für ein neues Ladenschild",
        ),
        facts=(
            "Das beleuchtete Schild soll über dem Eingang des Geschäfts {site} angebracht werden.",
            "Das Schild ist 3,60 Meter breit und 80 Zentimeter hoch.",
            "Ich eröffne am {start} {shop} in der Innenstadt.",
        ),
        grounds=(
            "Die Leuchtreklame blendet niemanden, sie ist nachts ausgeschaltet.",
            "In der gleichen Straße hängen mehrere viel größere Schilder.",
        ),
        problems=(
            "Seit {weeks} Wochen warte ich auf die Genehmigung für mein Ladenschild, die Eröffnung rückt näher.",
            "Ihr Außendienst hat verlangt, mein Schild abzubauen, obwohl der Antrag noch läuft.",
        ),
        questions=("Ist ein Ladenschild bis zu einem Quadratmeter genehmigungsfrei?",),
        evidence=("Ansichtszeichnung der Werbeanlage", "Fotomontage", "Zustimmung des Eigentümers"),
        fields=(("Standort", "{site}"), ("Größe", "3,60 m x 0,80 m"), ("Beleuchtung", "ja")),
        notice=N(
            "lasuv",
            "Stellungnahme zu einer Werbeanlage an einer Bundesstraße",
            "Geschäftszeichen",
            (
                "Die geplante Werbeanlage liegt innerhalb der Anbaubeschränkungszone der Bundesstraße.",
                "Einer Genehmigung wird nur zugestimmt, wenn die Anlage nicht wechselnd beleuchtet wird.",
            ),
        ),
        case="wegen Genehmigung einer Werbeanlage",
    ),
    T(
        "baulast",
        "bauamt",
        "Baulast",
        bescheid="Gebührenbescheid für die Eintragung einer Baulast",
        wants=(
            "eine Auskunft aus dem Baulastenverzeichnis",
            "die Eintragung einer Zufahrtsbaulast",
            "eine Kopie der Baulasterklärung zum Flurstück {plot}",
        ),
        facts=(
            "Wir wollen das Grundstück Flurstück {plot} der Gemarkung {gemarkung} kaufen.",
            "Die Bank verlangt vor der Finanzierung eine Auskunft aus dem Baulastenverzeichnis.",
            "Der Verkäufer konnte uns nicht sagen, ob Baulasten bestehen.",
        ),
        grounds=(
            "Die Baulast ist gegenstandslos, das Nachbarhaus wurde längst abgerissen.",
            "Die Gebühr für eine einfache Negativauskunft ist zu hoch.",
        ),
        questions=(
            "Ist auf dem Flurstück {plot} eine Baulast eingetragen?",
            "Wer muss der Löschung einer Baulast zustimmen?",
        ),
        evidence=("Grundbuchauszug", "Lageplan", "Vollmacht des Eigentümers"),
        fields=(("Flurstück", "{plot}"), ("Gemarkung", "{gemarkung}")),
        case="wegen Löschung einer Baulast",
    ),
    T(
        "einfriedung",
        "bauamt",
        "Zaun, Mauer und Nebenanlagen",
        wants=(
            "die Genehmigung einer zwei Meter hohen Gabionenwand an der Grundstücksgrenze",
            "eine Auskunft, ob meine Terrassenüberdachung genehmigungsfrei ist",
            "die Genehmigung eines Gartenhauses mit 40 Kubikmetern",
        ),
        facts=(
            "Mein Grundstück {site} liegt an einer viel befahrenen Straße, der Zaun soll vor Lärm schützen.",
            "Die Terrassenüberdachung ist 4 mal 3 Meter groß und direkt an das Haus gebaut.",
            "Der Nachbar ist mit der Mauer einverstanden und hat unterschrieben.",
        ),
        problems=(
            "Mein Antrag für den Zaun liegt seit {weeks} Wochen unbearbeitet bei Ihnen.",
            "Am Telefon hieß es, Gabionenwände seien verboten, eine Begründung bekam ich nicht.",
        ),
        questions=(
            "Wie hoch darf ein Zaun an der Grundstücksgrenze sein?",
            "Brauche ich für einen Wintergarten eine Baugenehmigung?",
        ),
        evidence=("Lageplan mit Abständen", "Zustimmung des Nachbarn", "Fotos der Mauer"),
        fields=(("Grundstück", "{site}"), ("Höhe", "2,00 m")),
        case="wegen bauaufsichtlichen Einschreitens gegen eine Grenzmauer",
    ),
    T(
        "bauakte",
        "bauamt",
        "Einsicht in die Bauakte",
        wants=(
            "Einsicht in die Bauakte meines Hauses",
            "Kopien der Baugenehmigung und der Pläne für das Haus {site}",
            "eine Bescheinigung über die Genehmigung des Dachausbaus von 1996",
        ),
        facts=(
            "Wir haben das Haus {site} geerbt und finden keine Baupläne.",
            "Der Käufer unseres Hauses verlangt den Nachweis, dass der Anbau genehmigt ist.",
            "Der Gutachter der Bank braucht die genehmigten Grundrisse bis zum {deadline}.",
        ),
        problems=("Auf meinen Antrag auf Akteneinsicht habe ich nach {weeks} Wochen noch keinen Termin.",),
        questions=(
            "Was kostet eine Kopie der Bauzeichnungen aus dem Archiv?",
            "Darf ich als Käufer schon vor dem Notartermin in die Bauakte schauen?",
        ),
        evidence=("Grundbuchauszug", "Erbschein", "Vollmacht der Eigentümerin"),
        fields=(("Grundstück", "{site}"), ("Flurstück", "{plot}"), ("Gemarkung", "{gemarkung}")),
        case="wegen Einsicht in die Bauakte",
    ),
    # --- Umweltamt ----------------------------------------------------------------
    T(
        "erdwaerme",
        "umweltamt",
        "Erdwärme und Brunnen",
        bescheid="Bescheid über die wasserrechtliche Erlaubnis",
        wants=(
            "eine wasserrechtliche Erlaubnis für eine Erdwärmesonde",
            "die Erlaubnis für einen Gartenbrunnen",
            "die Genehmigung einer Grundwasserwärmepumpe",
        ),
        facts=(
            "Wir bauen unser Haus {site} um und wollen mit Erdwärme heizen.",
            "Die Bohrung soll etwa 120 Meter tief werden.",
            "Zusätzlich möchten wir einen Brunnen zum Gießen des Gartens bohren lassen.",
        ),
        grounds=(
            "Das Grundstück liegt nicht im Wasserschutzgebiet, die Auflagen sind deshalb überzogen.",
            "Das verlangte hydrogeologische Gutachten ist für eine einzelne Sonde unverhältnismäßig.",
        ),
        questions=(
            "Muss ich einen Gartenbrunnen anzeigen?",
            "Wie tief darf eine Erdwärmesonde in unserem Stadtteil gebohrt werden?",
        ),
        evidence=("Lageplan mit Bohrpunkt", "Angebot des Bohrunternehmens", "Schichtenverzeichnis"),
        fields=(("Bohrtiefe", "120 m"), ("Grundstück", "{site}"), ("Flurstück", "{plot}")),
        notice=N(
            "lfulg",
            "Stellungnahme zu einer Erdwärmesondenanlage",
            "Aktenzeichen",
            (
                "Im Bereich des Vorhabens ist mit artesisch gespanntem Grundwasser zu rechnen.",
                "Die Bohrtiefe ist auf 99 Meter zu begrenzen.",
            ),
        ),
        case="wegen wasserrechtlicher Erlaubnis für eine Erdwärmesonde",
    ),
    T(
        "heizoeltank",
        "umweltamt",
        "Heizöltank",
        wants=(
            "die Bestätigung der Stilllegung meines Heizöltanks",
            "eine Bestätigung, dass der Öltank ordnungsgemäß entfernt wurde",
        ),
        facts=(
            "Wir haben die Ölheizung durch eine Wärmepumpe ersetzt.",
            "Der Tank mit 5.000 Litern steht im Keller des Hauses {site}.",
            "Die Anlage war seit {months} Jahren nicht mehr in Betrieb.",
        ),
        problems=(
            "Aus dem Keller des Nachbarhauses riecht es stark nach Heizöl.",
            "Im Hof des Hauses {site} ist Öl aus einem alten Tank ausgelaufen und in den Gully geflossen.",
        ),
        questions=(
            "Muss der alte Öltank von einem Fachbetrieb gereinigt werden?",
            "Wann ist die Prüfung meines Heizöltanks durch einen Sachverständigen fällig?",
        ),
        evidence=("Reinigungsbescheinigung des Fachbetriebs", "Prüfbericht des Sachverständigen"),
        ends=("Hiermit zeige ich die endgültige Stilllegung meiner Heizöltankanlage zum {start} an.",),
        fields=(("Standort", "{site}"), ("Fassungsvermögen", "5.000 l")),
        case="wegen Anordnungen zu einer Heizölverbraucheranlage",
    ),
    T(
        "anlagenlaerm",
        "umweltamt",
        "Lärm von Anlagen",
        wants=(
            "eine Lärmmessung an unserem Schlafzimmerfenster",
            "ein Einschreiten gegen die laute Wärmepumpe des Nachbarn",
        ),
        facts=(
            "Die Wärmepumpe des Nachbarn steht nur drei Meter von unserem Schlafzimmer entfernt.",
            "Wir wohnen {floor} im Haus {site}.",
        ),
        problems=(
            "Die Klimaanlage des Supermarkts brummt {time} so laut, dass wir nicht schlafen können.",
            "Das Außengerät der Wärmepumpe nebenan dröhnt {time} mit einem tiefen Ton.",
            "Die Lkw-Anlieferung beim Getränkemarkt beginnt jeden Tag {time}.",
            "Die Kühlaggregate der Bäckerei im Hof laufen Tag und Nacht.",
        ),
        questions=(
            "Welche Lärmwerte gelten nachts in einem reinen Wohngebiet?",
            "Wie weit muss eine Wärmepumpe von der Grundstücksgrenze entfernt sein?",
        ),
        evidence=("Lärmprotokoll", "Aufnahme mit der Schallmess-App"),
        fields=(("Lärmquelle", "Wärmepumpe"), ("Zeitraum", "{time}")),
        case="wegen immissionsschutzrechtlichen Einschreitens",
    ),
    T(
        "altlasten",
        "umweltamt",
        "Altlasten und Bodenschutz",
        wants=(
            "eine Auskunft aus dem Altlastenkataster für das Grundstück {site}",
            "die Bestätigung, dass unser Grundstück nicht als Altlastenverdachtsfläche geführt wird",
        ),
        facts=(
            "Auf dem Grundstück Flurstück {plot} war bis 1990 eine Tankstelle.",
            "Wir wollen das Grundstück kaufen und dort ein Haus bauen.",
            "Beim Ausheben der Baugrube wurde stark riechender, schwarzer Boden gefunden.",
        ),
        grounds=(
            "Die angeordnete Bodenuntersuchung ist unverhältnismäßig, es gibt keinen konkreten Verdacht.",
            "Ich habe das Grundstück erst nach der Verunreinigung gekauft und bin nicht verantwortlich.",
        ),
        problems=("Auf der Brache neben dem Haus {site} wird seit Wochen belasteter Bauschutt abgeladen.",),
        questions=(
            "Ist das Flurstück {plot} im Altlastenkataster eingetragen?",
            "Was kostet eine Auskunft aus dem Altlastenkataster?",
        ),
        evidence=("Lageplan", "Bodenanalyse des Labors", "Kaufvertragsentwurf"),
        fields=(("Flurstück", "{plot}"), ("Gemarkung", "{gemarkung}")),
        notice=N(
            "lfulg",
            "Ergebnisse der orientierenden Untersuchung",
            "Aktenzeichen",
            (
                "Im Boden wurden Mineralölkohlenwasserstoffe oberhalb der Prüfwerte festgestellt.",
                "Wir empfehlen eine Detailuntersuchung und die Beteiligung des Eigentümers.",
            ),
        ),
        case="wegen bodenschutzrechtlicher Anordnung",
    ),
    T(
        "gartenfeuer",
        "umweltamt",
        "Verbrennen von Gartenabfällen",
        bescheid="Bußgeldbescheid wegen Verbrennens von Abfällen",
        grounds=(
            "Es war nur trockenes Holz aus unserem Garten, kein Müll.",
            "Ich habe eine Feuerschale benutzt, das ist ein erlaubtes Lagerfeuer.",
        ),
        problems=(
            "Im Kleingarten nebenan wird jedes Wochenende Laub und Plastik verbrannt.",
            "Der Nachbar verbrennt {time} Abfälle in einer Tonne, der Qualm zieht in unsere Wohnung.",
        ),
        questions=(
            "Darf ich Gartenabfälle auf meinem Grundstück verbrennen?",
            "Wohin kann ich große Mengen Baumschnitt kostenlos bringen?",
        ),
        evidence=("Fotos des Feuers", "Lageplan der Feuerstelle"),
        fields=(("Ort", "{site}"), ("Beobachtet am", "{past}")),
        notice=N(
            "polizei",
            "Anzeige wegen unerlaubten Verbrennens von Abfällen",
            "Vorgangsnummer",
            (
                "Die Feuerwehr musste am {past} ein Feuer in einem Garten löschen, in dem Abfälle verbrannt wurden.",
                "Wir übersenden die Anzeige zur Ahndung in eigener Zuständigkeit.",
            ),
        ),
        case="wegen Ordnungswidrigkeit nach dem Kreislaufwirtschaftsgesetz",
    ),
    T(
        "kleinklaeranlage",
        "umweltamt",
        "Kleinkläranlage",
        bescheid="Bescheid über die Einleiterlaubnis",
        wants=(
            "eine wasserrechtliche Erlaubnis für unsere neue Kleinkläranlage",
            "eine Fristverlängerung für die Nachrüstung der Kleinkläranlage",
        ),
        facts=(
            "Unser Haus im Stadtteil {district} ist nicht an die öffentliche Kanalisation angeschlossen.",
            "Die alte Dreikammergrube entspricht nicht mehr dem Stand der Technik.",
            "Die Wartung der Anlage hat am {past} stattgefunden.",
        ),
        grounds=(
            "Der Anschluss an den Kanal ist für {n} Jahre angekündigt, eine Nachrüstung lohnt sich nicht mehr.",
            "Die Wartungsprotokolle wurden rechtzeitig eingereicht.",
        ),
        problems=("Aus der Grube des Nachbarn läuft Abwasser in den Straßengraben.",),
        questions=("Gibt es eine Förderung für die Nachrüstung einer Kleinkläranlage?",),
        evidence=("Wartungsprotokoll", "Bauartzulassung der Anlage", "Lageplan der Einleitstelle"),
        fields=(("Anlagentyp", "vollbiologische Kleinkläranlage"), ("Grundstück", "{site}")),
        notice=N(
            "lfulg",
            "Ergebnis der Gewässerüberwachung",
            "Aktenzeichen",
            (
                "Im Graben unterhalb der Ortslage wurden erhöhte Ammoniumwerte festgestellt.",
                "Wir bitten um Überprüfung der Kleinkläranlagen im Einzugsgebiet.",
            ),
        ),
        case="wegen wasserrechtlicher Erlaubnis für eine Kleinkläranlage",
    ),
    T(
        "artenschutz",
        "umweltamt",
        "Naturschutz und Artenschutz",
        wants=(
            "eine Genehmigung zum Entfernen von Schwalbennestern an unserer Fassade",
            "eine Befreiung für die Sanierung des Dachs trotz Fledermausquartier",
        ),
        facts=(
            "Wir wollen die Fassade des Hauses {site} dämmen, unter dem Dach brüten Mauersegler.",
            "Unter dem Balkon sind {n} Schwalbennester, der Kot verschmutzt die Terrasse.",
        ),
        problems=(
            "Im Naturschutzgebiet im Stadtteil {district} fahren ständig Mountainbiker quer durch die Wiesen.",
            "Auf der Baustelle in unserer Nachbarschaft wurden mitten in der Brutzeit Hecken gerodet.",
        ),
        questions=(
            "Darf ich Schwalbennester außerhalb der Brutzeit entfernen?",
            "Welche Ersatzquartiere muss ich bei einer Dachsanierung schaffen?",
        ),
        evidence=("Fotos der Nester", "Stellungnahme eines Fachbüros"),
        fields=(("Art", "Mauersegler"), ("Gebäude", "{site}")),
        notice=N(
            "lfulg",
            "Hinweis auf geschützte Brutstätten",
            "Aktenzeichen",
            (
                "An dem Gebäude wurden Brutplätze besonders geschützter Arten gemeldet.",
                "Arbeiten an der Fassade sind vor dem Ende der Brutzeit nicht zulässig.",
            ),
        ),
        case="wegen naturschutzrechtlicher Befreiung",
    ),
    # --- Schulverwaltungsamt ------------------------------------------------------
    T(
        "schulessen",
        "schulamt",
        "Schulverpflegung",
        wants=(
            "die Anmeldung von {child} zum Mittagessen in der Schule ({school})",
            "ein vegetarisches Mittagessen für unser Kind",
            "eine allergiegerechte Verpflegung für {child}",
        ),
        facts=(
            "{child} besucht die Klasse {grade} und bleibt nachmittags in der Schule.",
            "Unser Kind hat eine Nussallergie und braucht besonderes Essen.",
            "Wir wechseln zum {start} den Essenanbieter.",
        ),
        problems=(
            "Das Mittagessen in unserer Schule ({school}) ist oft kalt und die Portionen sind viel zu klein.",
            "In der Mensa unserer Schule müssen die Kinder 20 Minuten anstehen und haben dann keine Zeit zum Essen.",
            "Der Caterer hat die Preise mitten im Schuljahr um {small} im Monat erhöht.",
        ),
        questions=(
            "Wer ist für die Auswahl des Essenanbieters an der Schule zuständig?",
            "Kann ich das Essen auch tageweise abbestellen?",
        ),
        evidence=("ärztliches Attest zur Allergie", "Speiseplan der Schule"),
        ends=("Ich melde {child} zum {start} vom Schulessen ab.",),
        fields=(("Kind", "{child}"), ("Schule", "{school}"), ("Klasse", "{grade}")),
        case="wegen Kosten der Schulverpflegung",
    ),
    T(
        "schulgebaeude",
        "schulamt",
        "Schulgebäude und Ausstattung",
        wants=(
            "die zügige Sanierung der Turnhalle unserer Schule ({school})",
            "Sonnenschutz für die Klassenzimmer im Dachgeschoss",
        ),
        facts=(
            "Ich bin Elternsprecherin der Klasse {grade} ({school}).",
            "Der Elternrat hat in seiner Sitzung am {past} über die Mängel gesprochen.",
        ),
        problems=(
            "In unserer Schule ({school}) regnet es seit Monaten durch das Dach in den Flur.",
            "Die Klassenräume im Dachgeschoss sind im Sommer über 30 Grad heiß.",
            "In vielen Klassenzimmern fehlen die Fenstergriffe, es kann nicht gelüftet werden.",
            "Die Turnhalle ist seit {months} Monaten gesperrt, der Sportunterricht fällt aus.",
        ),
        questions=(
            "Wann beginnt die angekündigte Sanierung unserer Schule ({school})?",
            "Ist der Neubau der Schule im Stadtteil {district} noch im Haushalt eingeplant?",
        ),
        evidence=("Fotos der Schäden", "Protokoll des Elternrats"),
        notice=N(
            "lasub",
            "Hinweis auf bauliche Mängel an einer Schule",
            "Aktenzeichen",
            (
                "Bei einem Schulbesuch wurden erhebliche Mängel an den Fluchtwegen festgestellt.",
                "Wir bitten den Schulträger um Mitteilung, wie die Mängel behoben werden.",
            ),
        ),
        case="wegen Schadensersatz nach einem Unfall in einem Schulgebäude",
    ),
    T(
        "turnhalle",
        "schulamt",
        "Nutzung von Schulräumen",
        bescheid="Bescheid über die Nutzung der Schulturnhalle",
        wants=(
            "die Nutzung der Schulturnhalle ({school}) für unser Vereinstraining",
            "einen Probenraum in einem Schulgebäude für unseren Chor",
            "Hallenzeiten für unsere Kinder-Volleyballgruppe",
        ),
        facts=(
            "Unser Sportverein hat {n}0 Mitglieder, davon viele Kinder.",
            "Wir brauchen die Halle dienstags und donnerstags von 17 bis 19 Uhr.",
            "Bisher haben wir in der Halle im Stadtteil {district} trainiert, die jetzt abgerissen wird.",
        ),
        grounds=(
            "Das Nutzungsentgelt für einen gemeinnützigen Jugendverein ist zu hoch.",
            "Andere Vereine haben bessere Hallenzeiten bekommen, obwohl wir länger auf der Liste stehen.",
        ),
        problems=(
            "Der Hausmeister schließt die Halle oft zu spät auf, das Training fällt dann aus.",
            "Die Umkleiden der Schulturnhalle sind seit Wochen nicht gereinigt worden.",
        ),
        questions=("Wer vergibt die Hallenzeiten in den Schulturnhallen?",),
        evidence=("Vereinsregisterauszug", "Mitgliederliste", "Nachweis der Haftpflichtversicherung"),
        ends=("Unser Verein gibt die Hallenzeit am Donnerstag zum {start} zurück.",),
        fields=(("Halle", "{school}"), ("Wochentag", "Dienstag"), ("Uhrzeit", "17–19 Uhr")),
        case="wegen Vergabe von Nutzungszeiten in einer Schulturnhalle",
    ),
    T(
        "leihgeraet",
        "schulamt",
        "Leihgeräte und digitale Ausstattung",
        bescheid="Bescheid über die Ersatzforderung für ein Leihgerät",
        wants=(
            "ein Leihtablet für {child}",
            "einen Leihlaptop für den Unterricht",
        ),
        facts=(
            "An unserer Schule ({school}) wird ab Klasse {grade} mit Tablets gearbeitet.",
            "Wir können uns kein eigenes Gerät leisten, wir beziehen Bürgergeld.",
            "Zu Hause haben wir nur ein Handy, damit lassen sich die Hausaufgaben nicht machen.",
        ),
        grounds=(
            "Das Display des Leihtablets ist durch einen Materialfehler gesprungen, nicht durch mein Kind.",
            "Die Ersatzforderung von {amount} ist höher als der Neupreis des Geräts.",
        ),
        problems=(
            "Das WLAN in der Schule funktioniert seit Monaten nicht, die Tablets liegen ungenutzt herum.",
            "Die interaktive Tafel im Klassenzimmer ist seit dem Sommer kaputt.",
        ),
        questions=("Muss ich das Leihgerät am Ende des Schuljahres zurückgeben?",),
        evidence=("Leihvertrag", "Bürgergeldbescheid", "Fotos des Schadens"),
        ends=("Wir geben das Leihtablet von {child} zurück, da {child} die Schule verlässt.",),
        fields=(("Kind", "{child}"), ("Schule", "{school}"), ("Klasse", "{grade}")),
        case="wegen Ersatz für ein beschädigtes Leihgerät",
    ),
    T(
        "zeugnisabschrift",
        "schulamt",
        "Zweitschrift eines Schulzeugnisses",
        wants=(
            "eine Zweitschrift meines Abschlusszeugnisses",
            "eine Bescheinigung über meinen Schulabschluss aus den 80er Jahren",
            "eine beglaubigte Abschrift aus der Schülerakte",
        ),
        facts=(
            "Meine Schule im Stadtteil {district} wurde vor vielen Jahren geschlossen.",
            "Mein Originalzeugnis ist bei einem Wasserschaden zerstört worden.",
            "Für die Anerkennung meiner Ausbildung brauche ich den Nachweis meines Schulabschlusses.",
        ),
        questions=(
            "Wo werden die Schülerakten geschlossener Schulen aufbewahrt?",
            "Was kostet eine Zweitschrift des Zeugnisses?",
        ),
        evidence=("Kopie des Personalausweises", "eidesstattliche Versicherung über den Verlust"),
        fields=(("Schule", "{school}"), ("Abschlussjahr", "198{n}"), ("Klasse", "10")),
        case="wegen Ausstellung einer Zeugniszweitschrift",
    ),
    # --- Personalamt --------------------------------------------------------------
    T(
        "teilzeit",
        "personalamt",
        "Teilzeitbeschäftigung",
        wants=(
            "die Reduzierung meiner Arbeitszeit auf 30 Wochenstunden",
            "die Rückkehr von Teilzeit in Vollzeit",
            "eine befristete Teilzeit für die Pflege meiner Mutter",
        ),
        facts=(
            "Ich arbeite seit {months} Jahren als {job} bei der Stadtverwaltung.",
            "Meine Mutter hat seit {past} Pflegegrad {care} und ich pflege sie zu Hause.",
            "Ich bin im Sozialamt beschäftigt, schreibe aber wegen meines Arbeitsvertrags an Sie.",
            "Mein Vorgesetzter hat der Teilzeit bereits mündlich zugestimmt.",
        ),
        questions=(
            "Wie wirkt sich die Teilzeit auf meine Zusatzversorgung aus?",
            "Kann ich die Teilzeit später wieder aufstocken?",
        ),
        evidence=("Pflegegradbescheid der Pflegekasse", "Stellungnahme des Vorgesetzten"),
        fields=(("Wochenstunden bisher", "39"), ("Wochenstunden künftig", "30"), ("Ab", "{start}")),
        case="wegen Verringerung der Arbeitszeit",
    ),
    T(
        "nebentaetigkeit",
        "personalamt",
        "Nebentätigkeit",
        wants=(
            "die Genehmigung einer Nebentätigkeit als Übungsleiterin",
            "die Zustimmung zu meiner selbstständigen Nebentätigkeit",
        ),
        facts=(
            "Ich bin als {job} beschäftigt und möchte am Wochenende als Fotograf arbeiten.",
            "Die Nebentätigkeit umfasst höchstens {n} Stunden pro Woche.",
            "Ich gebe an der Volkshochschule abends einen Computerkurs.",
        ),
        grounds=(
            "Die Nebentätigkeit hat nichts mit meiner Arbeit im Ordnungsamt zu tun, ein Interessenkonflikt "
            "besteht nicht.",
        ),
        questions=("Muss ich eine ehrenamtliche Tätigkeit als Schöffin auch anzeigen?",),
        evidence=("Vertrag mit der Volkshochschule", "Gewerbeanmeldung"),
        ends=("Ich beende meine Nebentätigkeit zum {start} und bitte um Vermerk in der Personalakte.",),
        fields=(("Art der Nebentätigkeit", "Kursleitung"), ("Stunden pro Woche", "{n}")),
    ),
    T(
        "reisekosten",
        "personalamt",
        "Reisekosten und Fortbildung",
        wants=(
            "die Erstattung meiner Reisekosten für die Fortbildung in Berlin",
            "die Zulassung zum Lehrgang für Verwaltungsfachwirte",
            "Sonderurlaub für die Fortbildung",
        ),
        facts=(
            "Am {past} bin ich zu einer dreitägigen Fachtagung nach Berlin gefahren.",
            "Ich habe mit meinem Privatwagen {n}00 Kilometer zurückgelegt.",
            "Die Fortbildung wurde von meiner Amtsleitung im Bauamt genehmigt.",
        ),
        problems=("Meine Reisekostenabrechnung vom Frühjahr ist immer noch nicht ausgezahlt.",),
        questions=(
            "Wie hoch ist die Wegstreckenentschädigung für Fahrten mit dem eigenen Auto?",
            "Wird die Fortbildung als Arbeitszeit angerechnet?",
        ),
        evidence=("Hotelrechnung", "Fahrkarten", "Teilnahmebescheinigung"),
        fields=(("Reiseziel", "Berlin"), ("Reisebeginn", "{past}"), ("Gefahrene Kilometer", "{n}00")),
    ),
    T(
        "praktikum",
        "personalamt",
        "Ausbildung und Praktikum",
        wants=(
            "einen Praktikumsplatz in der Stadtverwaltung",
            "einen Platz für mein Praxissemester im Allgemeinen Sozialen Dienst",
            "einen Praktikumsplatz im Jugendamt",
        ),
        facts=(
            "Ich studiere Soziale Arbeit an der Hochschule und brauche ein Praxissemester.",
            "Das Praxissemester beginnt am {start} und dauert 20 Wochen.",
            "Mich interessiert besonders die Arbeit im Jugendamt.",
        ),
        questions=(
            "Wird das Pflichtpraktikum bei der Stadt vergütet?",
            "Bis wann kann ich mich für einen Ausbildungsplatz zum Verwaltungsfachangestellten bewerben?",
        ),
        evidence=("Praktikumsvertrag der Hochschule", "Immatrikulationsbescheinigung", "Lebenslauf"),
        ends=("Ich sage das Praktikum leider ab, da ich eine Stelle in meiner Heimatstadt gefunden habe.",),
        fields=(("Beginn", "{start}"), ("Gewünschter Bereich", "Jugendamt")),
        notice=N(
            "ba",
            "Vermittlungsvorschlag für einen Ausbildungsplatz",
            "Kundennummer",
            (
                "Wir schlagen Ihnen eine Bewerberin für den Ausbildungsberuf Verwaltungsfachangestellte vor.",
                "Bitte teilen Sie uns das Ergebnis des Vorstellungsgesprächs mit.",
            ),
        ),
    ),
    T(
        "altersteilzeit",
        "personalamt",
        "Altersteilzeit und Ruhestand",
        wants=(
            "Altersteilzeit im Blockmodell",
            "eine Auskunft über meinen frühestmöglichen Renteneintritt",
            "die Weiterbeschäftigung über die Regelaltersgrenze hinaus",
        ),
        facts=(
            "Ich bin 61 Jahre alt und arbeite seit über 35 Jahren bei der Stadt.",
            "Laut Rentenauskunft kann ich ab {start} mit Abschlägen in Rente gehen.",
            "Ich arbeite im Grünflächenamt und die körperliche Arbeit fällt mir schwer.",
        ),
        questions=(
            "Wie hoch ist die Aufstockung des Gehalts in der Altersteilzeit?",
            "Wann muss ich meine Rente bei der Zusatzversorgungskasse beantragen?",
        ),
        evidence=("Rentenauskunft der Rentenversicherung", "Versicherungsverlauf"),
        ends=(
            "Ich beende mein Arbeitsverhältnis mit Erreichen der Altersrente zum {start}.",
            "Hiermit beantrage ich die Auflösung meines Arbeitsvertrags zum {start}, weil ich in Rente gehe.",
        ),
        fields=(("Modell", "Blockmodell"), ("Beginn", "{start}")),
        notice=N(
            "zvk",
            "Anfrage zum Ende des Beschäftigungsverhältnisses",
            "Versicherungsnummer",
            (
                "Für die Berechnung der Betriebsrente benötigen wir die Entgelte bis zum Ende der Beschäftigung.",
                "Bitte bestätigen Sie das Datum des Ausscheidens.",
            ),
        ),
    ),
    T(
        "dienstbeschwerde",
        "personalamt",
        "Arbeitsplatz und Dienstverhältnis",
        wants=(
            "die Umsetzung an einen anderen Arbeitsplatz",
            "einen höhenverstellbaren Schreibtisch für meinen Arbeitsplatz",
            "ein Personalgespräch unter Beteiligung des Personalrats",
        ),
        facts=(
            "Ich arbeite als {job} und habe seit einem Bandscheibenvorfall ein ärztliches Attest.",
            "Ich bin im Jugendamt beschäftigt, mein Anliegen betrifft aber mein Arbeitsverhältnis.",
        ),
        problems=(
            "Meine Vorgesetzte teilt mich ständig zu Diensten am Wochenende ein, andere nie.",
            "In unserem Büro im Rathaus ist es im Sommer über 30 Grad, es gibt keinen Sonnenschutz.",
            "Ich werde von einem Kollegen seit Monaten gemobbt und niemand unternimmt etwas.",
        ),
        questions=("An wen kann ich mich bei Konflikten mit meinem Vorgesetzten wenden?",),
        evidence=("ärztliches Attest", "Gedächtnisprotokoll der Vorfälle"),
    ),
    # --- Rechtsamt ----------------------------------------------------------------
    T(
        "dienstaufsicht",
        "rechtsamt",
        "Dienstaufsichtsbeschwerde",
        wants=("die Prüfung meiner Dienstaufsichtsbeschwerde",),
        facts=(
            "Ich erhebe Dienstaufsichtsbeschwerde gegen einen Mitarbeiter Ihrer Verwaltung.",
            "Auf meine Schreiben vom {past} habe ich trotz Erinnerung keine Antwort erhalten.",
        ),
        problems=(
            "Der Sachbearbeiter hat mich am Telefon angeschrien und aufgelegt.",
            "Meine Akte wurde offenbar verloren, und niemand fühlt sich zuständig.",
            "Ein Mitarbeiter hat vertrauliche Informationen über mich an meinen Nachbarn weitergegeben.",
        ),
        questions=("Wer entscheidet über eine Dienstaufsichtsbeschwerde, und wie lange dauert das?",),
        evidence=("Gedächtnisprotokoll des Gesprächs", "Kopien meines Schriftverkehrs"),
        notice=N(
            "ldS",
            "Eingabe zur Sachbehandlung durch die Stadtverwaltung",
            "Aktenzeichen",
            (
                "Uns liegt die Eingabe einer Bürgerin über die Bearbeitung ihres Anliegens durch Ihre Verwaltung vor.",
                "Im Rahmen der Rechtsaufsicht bitten wir um Bericht bis zum {deadline}.",
            ),
        ),
        case="wegen Untätigkeit der Behörde",
    ),
    T(
        "fahrzeugschaden",
        "rechtsamt",
        "Schaden durch städtische Fahrzeuge und Arbeiten",
        wants=("Schadensersatz für den Schaden an meinem Auto",),
        facts=(
            "Am {past} hat ein Fahrzeug der Stadtreinigung beim Rangieren meinen geparkten {car} beschädigt.",
            "Beim Mähen des Grünstreifens vor dem Haus {site} hat ein Steinschlag die Heckscheibe meines Autos zerstört.",
            "Der Schaden wurde von einem Sachverständigen auf {amount} geschätzt.",
            "Der Fahrer hat den Schaden vor Ort zugegeben, ein Zeuge ist vorhanden.",
        ),
        problems=("Seit {months} Monaten warte ich auf die Regulierung meines Schadens.",),
        questions=("Über welche Versicherung ist die Stadt für solche Schäden versichert?",),
        evidence=("Kostenvoranschlag der Werkstatt", "Fotos des Schadens", "Name und Anschrift des Zeugen"),
        notice=N(
            "polizei",
            "Verkehrsunfallmitteilung",
            "Vorgangsnummer",
            (
                "Am {past} kam es zu einem Verkehrsunfall unter Beteiligung eines Fahrzeugs der Stadt.",
                "Die Unfallmitteilung wird den Beteiligten zur Schadensregulierung übersandt.",
            ),
        ),
        case="wegen Schadensersatz aus einem Verkehrsunfall mit einem städtischen Fahrzeug",
    ),
    T(
        "spielplatzunfall",
        "rechtsamt",
        "Unfall auf städtischen Anlagen",
        wants=(
            "Schmerzensgeld für mein Kind nach dem Unfall auf dem Spielplatz",
            "Ersatz der Behandlungskosten nach dem Sturz meines Kindes",
        ),
        facts=(
            "Am {past} ist mein Kind {child} auf dem städtischen Spielplatz im Stadtteil {district} von der morschen Schaukel gefallen.",
            "{child} hat sich dabei den Arm gebrochen und konnte {weeks} Wochen nicht in die Kita.",
            "Die Verletzung musste im Krankenhaus genäht werden.",
            "Das Spielgerät war schon länger beschädigt, das wussten alle Eltern.",
        ),
        problems=("Die kaputte Rutsche auf dem Spielplatz wurde trotz Meldung nie abgesperrt.",),
        evidence=("Arztbericht der Notaufnahme", "Fotos des Spielgeräts", "Zeugenaussage"),
        notice=N(
            "aok",
            "Geltendmachung eines Ersatzanspruchs nach § 116 SGB X",
            "Versichertennummer",
            (
                "Unsere Versicherte wurde bei einem Unfall auf einer städtischen Anlage verletzt.",
                "Wir machen die entstandenen Behandlungskosten von {amount} gegenüber der Stadt geltend.",
            ),
        ),
        case="wegen Schmerzensgeld nach einem Unfall auf einem Spielplatz",
    ),
    T(
        "vorkaufsrecht",
        "rechtsamt",
        "Vorkaufsrecht der Stadt",
        wants=(
            "ein Negativzeugnis über das gemeindliche Vorkaufsrecht",
            "eine Erklärung, dass die Stadt ihr Vorkaufsrecht nicht ausübt",
        ),
        facts=(
            "Mit notariellem Vertrag vom {past} wurde das Grundstück Flurstück {plot} der Gemarkung "
            "{gemarkung} verkauft.",
            "Der Kaufpreis beträgt laut Vertrag {amount} je Quadratmeter.",
            "Eine Abschrift des Kaufvertrags ist beigefügt.",
        ),
        grounds=(
            "Die Ausübung des Vorkaufsrechts ist nicht durch das Wohl der Allgemeinheit gerechtfertigt.",
        ),
        questions=(
            "Besteht für das Grundstück im Stadtteil {district} ein Vorkaufsrecht der Stadt?",
            "Innerhalb welcher Frist entscheidet die Stadt über das Vorkaufsrecht?",
        ),
        evidence=("beglaubigte Abschrift des Kaufvertrags", "Lageplan"),
        fields=(("Flurstück", "{plot}"), ("Gemarkung", "{gemarkung}"), ("Vertrag vom", "{past}")),
        case="wegen Ausübung des gemeindlichen Vorkaufsrechts",
    ),
    T(
        "nachbarstreit",
        "rechtsamt",
        "Nachbarrecht gegenüber der Stadt",
        wants=(
            "die Beseitigung der überhängenden Äste vom städtischen Grundstück",
            "den Ersatz der Reinigungskosten für meine Dachrinne",
        ),
        facts=(
            "Mein Grundstück {site} grenzt an eine städtische Grünfläche.",
            "Die Wurzeln der städtischen {tree} haben meine Einfahrt angehoben.",
            "Ich habe die Stadt am {past} schriftlich zur Beseitigung aufgefordert.",
        ),
        problems=(
            "Vom städtischen Grundstück wächst seit Jahren Brombeergestrüpp über meinen Zaun.",
            "Regenwasser vom Parkplatz der Stadt läuft bei jedem Gewitter in meinen Keller.",
        ),
        evidence=("Fotos der Schäden", "Rechnung der Dachdeckerfirma", "Kopie meines Schreibens"),
        case="wegen Beseitigung einer Eigentumsbeeinträchtigung",
    ),
    # --- Beschaffung --------------------------------------------------------------
    T(
        "moebel",
        "beschaffung",
        "Büromöbel",
        ref="Kundennummer",
        facts=(
            "Wir haben die Schreibtische für das Bürgerbüro wie vereinbart geliefert.",
            "Die bestellten Drehstühle sind beim Hersteller erst in {weeks} Wochen lieferbar.",
        ),
        questions=(
            "Dürfen wir statt des bestellten Modells ein gleichwertiges Nachfolgemodell liefern?",
            "An welche Lieferadresse sollen die Aktenschränke für das Standesamt gehen?",
        ),
        ends=("Wir kündigen den Rahmenvertrag über Büromöbel fristgerecht zum {start}.",),
    ),
    T(
        "fuhrpark",
        "beschaffung",
        "Fuhrpark und Fahrzeuge",
        ref="Kundennummer",
        facts=(
            "Die beiden Elektrotransporter für den Bauhof sind zur Auslieferung bereit.",
            "Die Wartungsintervalle der Kehrmaschinen sind überschritten.",
        ),
        questions=(
            "Wann können die neuen Dienstfahrzeuge abgeholt werden?",
            "Wird die Ausschreibung für die Leasingfahrzeuge in Lose aufgeteilt?",
        ),
        ends=("Hiermit kündigen wir den Leasingvertrag für die Dienstfahrzeuge zum {start}.",),
    ),
    T(
        "gruenpflege",
        "beschaffung",
        "Grünpflege und Winterdienst",
        ref="Kundennummer",
        facts=(
            "Wir sind seit {n} Jahren für die Grünpflege an den städtischen Schulen zuständig.",
            "Wegen der gestiegenen Lohnkosten müssen wir die Preise ab {start} anpassen.",
        ),
        questions=(
            "Wird der Winterdienst für die Verwaltungsgebäude in diesem Jahr neu ausgeschrieben?",
            "Bis wann müssen die Nachweise für die Eignung im Vergabeverfahren vorliegen?",
        ),
        ends=("Wir kündigen den Vertrag über den Winterdienst an den Kitas zum Ende der Saison.",),
    ),
    T(
        "dienstkleidung",
        "beschaffung",
        "Dienst- und Schutzkleidung",
        ref="Kundennummer",
        facts=(
            "Die Warnschutzjacken für den Bauhof sind in den Größen L und XL derzeit nicht lieferbar.",
            "Unser Angebot für die Dienstkleidung des Ordnungsdienstes ist bis zum {deadline} gültig.",
        ),
        questions=(
            "Können die Sicherheitsschuhe auch in Teillieferungen geliefert werden?",
            "Sollen die Jacken mit dem Stadtwappen bestickt werden?",
        ),
        ends=("Wir beenden die Belieferung mit Arbeitsschutzkleidung zum {start}.",),
    ),
    T(
        "sicherheitsdienst",
        "beschaffung",
        "Wach- und Sicherheitsdienst",
        ref="Kundennummer",
        facts=(
            "Wir bewachen im Auftrag der Stadt das Rathaus und zwei Flüchtlingsunterkünfte.",
            "Der Tariflohn im Bewachungsgewerbe steigt zum {start}.",
        ),
        questions=(
            "Können wir ein Angebot für den Empfangsdienst im Bürgeramt abgeben?",
            "Wer ist unser Ansprechpartner für die Abrechnung der Zusatzstunden?",
        ),
        ends=("Wir kündigen den Bewachungsvertrag für das Verwaltungsgebäude zum {start}.",),
    ),
    # --- Poststelle ---------------------------------------------------------------
    T("fachmesse", "poststelle", "Fachmesse für Kommunen", ref="Kundennummer"),
    T("zeitschrift", "poststelle", "Zeitschriftenangebot", ref="Kundennummer"),
    T("vereinspost", "poststelle", "Vereinsmitteilung", ref="Kundennummer"),
    T("umfrage", "poststelle", "Umfrage", ref="Kundennummer"),
)
