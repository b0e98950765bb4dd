"""Tests for mailroom.synth.layout: page size, ground truth, layouts, flow, determinism."""

from __future__ import annotations

import datetime as dt
import random

import numpy as np
import pytest

from mailroom.errors import MissingDependency
from mailroom.synth import fonts, layout
from mailroom.synth.document import (
    Bullets,
    Checkboxes,
    Document,
    Fields,
    MailItem,
    Paragraph,
    Party,
    Table,
)

CITIZEN = Party("citizen", "Erika Müller", ("Hauptstraße 12", "09112 Chemnitz"))
COMPANY = Party(
    "company",
    "Müller Haustechnik GmbH",
    ("Industriestraße 7", "09120 Chemnitz"),
    ("Tel. 0371 123456",),
    person="Karl Müller",
)
CITY = Party("city", "Stadt Chemnitz", ("Markt 1", "09111 Chemnitz"), department="Sozialamt")
BODY = "Hiermit widerspreche ich dem Bescheid über die Grundsteuer fristgerecht."


def make_doc(
    layout_name: str = "letter", sender: Party = CITIZEN, paragraphs: int = 2, body: tuple = ()
) -> Document:
    return Document(
        layout=layout_name,
        sender=sender,
        recipient=CITY,
        date=dt.date(2026, 3, 12),
        place="Chemnitz",
        references=(("Kassenzeichen", "5.1234.567890.1"),),
        subject="Widerspruch Grundsteuerbescheid",
        salutation="Sehr geehrte Damen und Herren,",
        body=body or tuple(Paragraph(BODY) for _ in range(paragraphs)),
        closing="Mit freundlichen Grüßen",
        signature="Erika Müller",
        title="Antrag auf Wohngeld",
        enclosure_list=("Kopie des Bescheids",),
    )


def make_item(doc: Document, enclosures: tuple[Document, ...] = ()) -> MailItem:
    return MailItem("widerspruch", "steuern", "formal", "grundsteuer", doc, enclosures)


RICH_BODY = (
    Paragraph(BODY),
    Table(
        ("Pos.", "Leistung", "Betrag"),
        (("1", "Wartung Heizung", "480,00"),),
        (("Gesamtbetrag", "480,00 EUR"),),
    ),
    Fields("Angaben zur Person", (("Name, Vorname", "Müller, Erika"), ("seit 2019", "Kauffrau"))),
    Checkboxes("Familienstand", (("ledig", False), ("verheiratet", True))),
    Bullets(("Führerschein Klasse B", "Englisch gut")),
)


@pytest.mark.parametrize("dpi", [150, 300])
def test_pages_have_a4_size_for_the_dpi(dpi: int) -> None:
    pages = layout.render_item(make_item(make_doc()), random.Random(1), dpi)
    for page in pages:
        assert page.image.mode in ("L", "RGB")
        assert page.image.size == (round(210 / 25.4 * dpi), round(297 / 25.4 * dpi))


@pytest.mark.parametrize("layout_name", ["letter", "form", "invoice", "cv", "note"])
def test_each_layout_renders_with_its_words_in_the_text(layout_name: str) -> None:
    sender = COMPANY if layout_name == "invoice" else CITIZEN
    doc = make_doc(layout_name, sender, body=RICH_BODY)
    for seed in range(4):
        pages = layout.render_item(make_item(doc), random.Random(seed), 150)
        text = " ".join(p.text for p in pages)
        for word in (
            "Grundsteuer",
            "fristgerecht",
            "Wartung",
            "480,00",
            "verheiratet",
            "Führerschein",
            "Müller, Erika",
        ):
            assert word in text, (layout_name, seed, word)
        # Something dark was drawn on the first page.
        assert np.asarray(pages[0].image.convert("L")).min() < 80


def test_subject_salutation_and_signature_are_in_the_letter_text() -> None:
    pages = layout.render_item(make_item(make_doc()), random.Random(3), 150)
    text = pages[0].text
    assert "Widerspruch Grundsteuerbescheid" in text
    assert "Sehr geehrte Damen und Herren," in text
    assert "Stadt Chemnitz" in text
    assert "Hauptstraße 12" in text
    # Reading order: the subject comes before the body, the body before the closing.
    assert text.index("Widerspruch Grundsteuerbescheid") < text.index("Hiermit")
    assert text.index("Hiermit") < text.index("Mit freundlichen Grüßen")


def test_long_text_flows_onto_more_pages_with_page_numbers() -> None:
    short = layout.render_item(make_item(make_doc(paragraphs=2)), random.Random(5), 150)
    long = layout.render_item(make_item(make_doc(paragraphs=80)), random.Random(5), 150)
    assert len(short) == 1
    assert len(long) >= 3
    assert f"Seite 1 von {len(long)}" in long[0].text
    assert f"Seite {len(long)} von {len(long)}" in long[-1].text
    # Every paragraph was drawn exactly once over all pages.
    assert sum(p.text.replace("\n", " ").count("fristgerecht") for p in long) == 80


def test_enclosures_follow_the_letter() -> None:
    cv = Document(
        "cv",
        CITIZEN,
        None,
        dt.date(2026, 1, 5),
        "Chemnitz",
        (),
        "",
        "",
        (Fields("Ausbildung", (("2009 – 2012", "Ausbildung zur Bürokauffrau"),)),),
        "",
        "Erika Müller",
        title="Lebenslauf",
    )
    pages = layout.render_item(make_item(make_doc(), (cv,)), random.Random(2), 150)
    assert len(pages) == 2
    assert "Lebenslauf" in pages[1].text
    assert "Ausbildung zur Bürokauffrau" in pages[1].text
    assert "Lebenslauf" not in pages[0].text


def test_same_seed_same_pages_other_seed_other_pages() -> None:
    item = make_item(make_doc(sender=COMPANY))
    a = layout.render_item(item, random.Random(7), 150)
    b = layout.render_item(item, random.Random(7), 150)
    c = layout.render_item(item, random.Random(8), 150)
    assert [p.text for p in a] == [p.text for p in b]
    assert np.array_equal(np.asarray(a[0].image), np.asarray(b[0].image))
    assert (
        a[0].image.size != c[0].image.size
        or a[0].image.mode != c[0].image.mode
        or not np.array_equal(np.asarray(a[0].image), np.asarray(c[0].image))
    )


def test_pages_of_different_seeds_differ_in_look() -> None:
    """Ten seeds give pages that differ in fonts or layout, not only in noise."""
    item = make_item(make_doc(sender=COMPANY))
    looks = set()
    for seed in range(10):
        page = layout.render_item(item, random.Random(seed), 100)[0]
        ink = np.asarray(page.image.convert("L")) < 128
        rows = np.flatnonzero(ink.any(axis=1))
        cols = np.flatnonzero(ink.any(axis=0))
        looks.add((int(rows[0]) // 5, int(cols[0]) // 5, int(ink.sum()) // 2000))
    assert len(looks) >= 8


def test_separator_sheet_is_a4_with_text_and_code() -> None:
    for kind in ("qr", "code128"):
        image = layout.render_separator(kind, random.Random(0), 200)
        assert image.size == (round(210 / 25.4 * 200), round(297 / 25.4 * 200))
        assert (np.asarray(image) < 50).mean() > 0.01


def test_missing_fonts_name_the_debian_packages(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fonts.Family, "installed", property(lambda self: False))
    with pytest.raises(MissingDependency, match="fonts-comic-neue"):
        fonts.families("handwriting")


def test_font_choice_respects_glyph_coverage() -> None:
    chosen = fonts.families("handwriting", "Straße Grüße", legible=True)
    assert chosen
    assert all(fonts.covers(f, "ßü") for f in chosen)
    assert all(f.name != "Humor Sans" for f in chosen)
