"""How readable are synthetic scanned pages? Tesseract char accuracy per layout and profile.

Renders ~30 pages of varied layouts with `mailroom.synth.layout`, degrades them with
`mailroom.synth.scan`, turns them back upright (the rotation is known), OCRs them with
Tesseract `deu` (--psm 3, one thread) and prints mean / min / median character accuracy
`1 - Levenshtein(ref, hyp) / len(ref)` on whitespace-normalised text, per layout and per
scan profile kind. The corpus requirement is a mean of at least 0.85.

The documents are built-in examples of every layout (content.compose_item needs a
taxonomy-driven choice of doc_type/route; the lead's generate.py does that).
Also printed: the same accuracy on sorted words, which shows how much of the loss is
Tesseract reading blocks (footers, tables, side-by-side blocks) in another order.

    .venv/bin/python benchmarks/synth_ocr_quality.py [--pages 30] [--dpi 300] [--save DIR]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import re
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

os.environ.setdefault("OMP_THREAD_LIMIT", "1")

import pytesseract  # noqa: E402
from PIL import Image  # noqa: E402
from rapidfuzz.distance import Levenshtein  # noqa: E402

from mailroom.synth import layout, scan  # noqa: E402
from mailroom.synth.document import (  # noqa: E402
    Bullets,
    Checkboxes,
    Document,
    Fields,
    MailItem,
    Paragraph,
    Party,
    Table,
)

CITY = Party("city", "Stadt Chemnitz", ("Markt 1", "09111 Chemnitz"), department="Sozialamt")
SENTENCES = (
    "hiermit lege ich gegen den oben genannten Bescheid fristgerecht Widerspruch ein.",
    "Die Berechnung der Gebühren ist aus meiner Sicht nicht nachvollziehbar.",
    "Bitte teilen Sie mir mit, welche Unterlagen Sie für die weitere Bearbeitung benötigen.",
    "Wir bitten um Überweisung des offenen Betrags innerhalb von 14 Tagen auf unser Konto.",
    "Die Baustelle in der Zwickauer Straße verursacht seit Wochen erheblichen Lärm.",
    "Nach Prüfung der Sach- und Rechtslage ergeht folgende Entscheidung.",
    "Für Rückfragen stehe ich Ihnen gern telefonisch oder per E-Mail zur Verfügung.",
    "Meine Tochter besucht ab dem 1. August die Kindertagesstätte Sonnenschein.",
    "Der Antrag auf Wohngeld wurde am 3. Februar persönlich im Bürgerbüro abgegeben.",
    "Aufgrund der Grundsteuerreform hat sich der Hebesatz für mein Grundstück geändert.",
    "Ich beantrage die Erstattung der zu viel gezahlten Beträge in Höhe von 312,40 EUR.",
    "Unsere Mandantin hat uns mit der Wahrnehmung ihrer rechtlichen Interessen beauftragt.",
)
SENDERS = (
    Party("citizen", "Erika Müller", ("Hauptstraße 12", "09112 Chemnitz"),
          ("Tel. 0371 4455667",)),
    Party("citizen", "Jürgen Weiß", ("Am Rathaus 3b", "09113 Chemnitz")),
    Party("company", "Müller Haustechnik GmbH", ("Industriestraße 7", "09120 Chemnitz"),
          ("Tel. 0371 123456", "E-Mail: info@mueller-haustechnik.de", "www.mueller-ht.de"),
          person="Karl Müller"),
    Party("lawyer", "Kanzlei Becker & Partner Rechtsanwälte", ("Brückenstraße 20",
          "09111 Chemnitz"), ("Tel. 0371 998877", "E-Mail: kanzlei@becker-partner.de"),
          person="Dr. Anna Becker"),
    Party("authority", "Landesdirektion Sachsen", ("Altchemnitzer Straße 41", "09120 Chemnitz"),
          ("Tel. 0371 532-0", "E-Mail: post@lds.sachsen.de"), person="Frau Schulze"),
    Party("court", "Amtsgericht Chemnitz", ("Gerichtsstraße 2", "09112 Chemnitz"),
          ("Tel. 0371 453-0",), person="Justizsekretärin Klein"),
)


def _paragraphs(rng: random.Random, n: int) -> tuple[Paragraph, ...]:
    return tuple(Paragraph(" ".join(rng.sample(SENTENCES, rng.randint(2, 4)))) for _ in range(n))


def example_item(layout_name: str, rng: random.Random) -> MailItem:
    """A small hand-made item of the given layout (stand-in for content.compose_item)."""
    sender = rng.choice(SENDERS)
    date = dt.date(2026, 3, rng.randint(1, 28))
    common = dict(sender=sender, recipient=CITY, date=date, place="Chemnitz",
                  references=(("Ihr Zeichen", f"50.2-{rng.randint(1000, 9999)}/26"),),
                  closing="Mit freundlichen Grüßen", signature=sender.person or sender.name)
    if layout_name == "invoice":
        sender = SENDERS[2]
        common.update(sender=sender, signature="")
        body = (
            Paragraph("Für die ausgeführten Arbeiten berechnen wir Ihnen wie folgt:"),
            Table(("Pos.", "Beschreibung", "Menge", "Betrag"),
                  (("1", "Wartung Heizungsanlage Rathaus", "1", "480,00"),
                   ("2", "Austausch Umwälzpumpe", "2", "312,50"),
                   ("3", "Anfahrt", "1", "45,00")),
                  (("Summe netto", "837,50 EUR"), ("USt. 19 %", "159,13 EUR"),
                   ("Gesamtbetrag", "996,63 EUR"))),
            Paragraph("Zahlbar innerhalb von 14 Tagen ohne Abzug."),
        )
        doc = Document("invoice", references=(("Rechnungsnummer", "RE-2026-0417"),
                                              ("Kundennummer", "10233")),
                       subject="", salutation="", body=body, title="Rechnung Nr. RE-2026-0417",
                       **{k: v for k, v in common.items() if k != "references"})
    elif layout_name == "form":
        sender = SENDERS[0]
        body = (
            Fields("Angaben zur Person", (("Name, Vorname", "Müller, Erika"),
                                          ("Geburtsdatum", "04.11.1971"),
                                          ("Anschrift", "Hauptstraße 12, 09112 Chemnitz"))),
            Checkboxes("Familienstand", (("ledig", False), ("verheiratet", True),
                                         ("geschieden", False))),
            Paragraph("Ich versichere, dass meine Angaben vollständig und richtig sind."),
        )
        doc = Document("form", subject="", salutation="", body=body, closing="",
                       title="Antrag auf Wohngeld", **{k: v for k, v in common.items()
                                                       if k != "closing"})
    elif layout_name == "cv":
        sender = SENDERS[1]
        body = (
            Fields("Berufserfahrung", (("seit 2019", "Sachbearbeiter, Stadtwerke Chemnitz"),
                                       ("2012 – 2019", "Kaufmann, Autohaus Schmidt GmbH"))),
            Fields("Ausbildung", (("2009 – 2012", "Ausbildung zum Bürokaufmann"),)),
            Bullets(("Führerschein Klasse B", "Englisch gut", "MS Office")),
        )
        doc = Document("cv", sender=sender, recipient=None, date=date, place="Chemnitz",
                       references=(), subject="", salutation="", body=body, closing="",
                       signature=sender.name, title="Lebenslauf")
    elif layout_name == "note":
        doc = Document("note", subject="", salutation="Hallo,", body=_paragraphs(rng, 1),
                       **{**common, "sender": SENDERS[0], "signature": "E. Müller",
                          "closing": "Danke!"})
    else:
        doc = Document("letter", subject="Widerspruch gegen den Bescheid vom 12.02.2026",
                       salutation="Sehr geehrte Damen und Herren,",
                       body=_paragraphs(rng, rng.randint(2, 6)), **common)
    return MailItem("widerspruch", "sozialamt", "formal", "test", doc)


def _compose(layout_name: str, rng: random.Random) -> MailItem:
    return example_item(layout_name, rng)


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def char_accuracy(ref: str, hyp: str) -> float:
    """1 - Levenshtein distance / reference length on whitespace-normalised text."""
    ref, hyp = normalise(ref), normalise(hyp)
    if not ref:
        return 1.0
    return max(0.0, 1.0 - Levenshtein.distance(ref, hyp) / len(ref))


def word_order_free_accuracy(ref: str, hyp: str) -> float:
    """Char accuracy on the words sorted: OCR errors without reading-order differences."""
    return char_accuracy(" ".join(sorted(ref.split())), " ".join(sorted(hyp.split())))


def ocr_upright(page: scan.ScannedPage) -> str:
    image = page.image.rotate(-page.rotation, expand=True) if page.rotation else page.image
    return str(pytesseract.image_to_string(image, lang="deu", config="--psm 3"))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pages", type=int, default=30)
    ap.add_argument("--dpi", type=int, default=300)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--save", type=Path, help="write scanned pages as PNG here")
    args = ap.parse_args(argv)
    rng = random.Random(args.seed)
    by_layout: dict[str, list[float]] = defaultdict(list)
    by_profile: dict[str, list[float]] = defaultdict(list)
    scan_times: list[float] = []
    order_free: list[float] = []
    layouts = ["letter", "letter", "letter", "invoice", "form", "cv", "note"]
    count = 0
    while count < args.pages:
        name = layouts[count % len(layouts)]
        item = _compose(name, rng)
        profile = scan.draw_profile(rng)
        for rendered in layout.render_item(item, rng, args.dpi):
            if count >= args.pages:
                break
            t0 = time.perf_counter()
            scanned = scan.scan_page(rendered.image, profile, rng)
            scan_times.append(time.perf_counter() - t0)
            hyp = ocr_upright(scanned)
            acc = char_accuracy(rendered.text, hyp)
            order_free.append(word_order_free_accuracy(rendered.text, hyp))
            by_layout[name].append(acc)
            by_profile[profile.kind].append(acc)
            if args.save:
                args.save.mkdir(parents=True, exist_ok=True)
                scanned.image.save(args.save / f"{count:02d}_{name}_{profile.kind}.png")
            print(f"page {count:2d} {name:8s} {profile.kind:12s} rot={scanned.rotation:3d} "
                  f"acc={acc:.3f}", file=sys.stderr)
            count += 1
    _table("layout", by_layout)
    _table("profile", by_profile)
    everything = [a for v in by_layout.values() for a in v]
    print(f"\nall pages: n={len(everything)} mean={statistics.mean(everything):.3f} "
          f"min={min(everything):.3f} median={statistics.median(everything):.3f}")
    print(f"same, words sorted (no reading-order effect): mean {statistics.mean(order_free):.3f}"
          f" min={min(order_free):.3f} median={statistics.median(order_free):.3f}")
    print(f"scan_page: mean {statistics.mean(scan_times):.3f} s/page at {args.dpi} dpi")
    return 0


def _table(title: str, groups: dict[str, list[float]]) -> None:
    print(f"\n{title:12s} {'n':>3s} {'mean':>6s} {'min':>6s} {'median':>6s}")
    for key in sorted(groups):
        v = groups[key]
        print(f"{key:12s} {len(v):3d} {statistics.mean(v):6.3f} {min(v):6.3f} "
              f"{statistics.median(v):6.3f}")


if __name__ == "__main__":
    Image.MAX_IMAGE_PIXELS = None
    raise SystemExit(main())
