"""The recipient of an outgoing letter: read from the DIN 5008 address field and matched
against the register; the synthetic outgoing letters that measure it."""

from __future__ import annotations

import types
from pathlib import Path

import pytest
from click.testing import CliRunner

from mailroom.dataset_commands import data as data_command
from mailroom.errors import BadInput
from mailroom.ingest.pages import load_pages
from mailroom.outgoing.records import PostalAddress, Recipient, RecipientKind
from mailroom.outgoing.window import WindowLine, match_recipient, parse_window, read_window
from mailroom.settings import load_settings
from mailroom.synth.outgoing_pdf import (
    LETTERS_DIR,
    REGISTER_FILE,
    SCANS_DIR,
    TRUTH_FILE,
    generate_outgoing,
    read_register,
    read_truth,
)


@pytest.fixture(scope="module")
def letters(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("outgoing") / "set"
    generate_outgoing(folder, 6, seed=3, city="Leipzig", workers=1)
    return folder


@pytest.mark.parametrize("variant", [LETTERS_DIR, SCANS_DIR])
def test_generated_letters_are_read_and_matched_to_their_recipient(letters: Path, variant: str) -> None:
    register = read_register(letters / REGISTER_FILE)
    truths = read_truth(letters / TRUTH_FILE)
    assert len(truths) == 6 and len(register) > 6  # distractors beside the addressees
    assert {t.form for t in truths} == {"A", "B"}
    assert {r.kind for r in register} >= {RecipientKind.PERSON, RecipientKind.FIRM, RecipientKind.COURT}
    for truth in truths:
        address = read_window(letters / variant / f"{truth.key}.pdf")
        assert address is not None, truth
        assert address.name.split()[-1] in truth.window
        match = match_recipient(address, register)
        assert match is not None and match.recipient.id == truth.recipient_id, (truth, address, match)
        assert match.score > match.runner_up


def test_the_office_pdf_carries_the_letter_text_and_the_scan_only_an_image(letters: Path) -> None:
    from mailroom.ingest.pages import page_words

    words = " ".join(w.text for w in page_words(letters / LETTERS_DIR / "out_00000.pdf"))
    assert "Aktenzeichen" in words and "Leipzig" in words
    assert page_words(letters / SCANS_DIR / "out_00000.pdf") == ()


def test_an_address_field_in_an_image_file_is_read(letters: Path, tmp_path: Path) -> None:
    truth = read_truth(letters / TRUTH_FILE)[1]
    page = load_pages(letters / LETTERS_DIR / f"{truth.key}.pdf", dpi=300)[0]
    image = tmp_path / "page.png"
    page.save(image, dpi=(300, 300))
    address = read_window(image)
    assert address is not None and address.postcode in truth.window


def test_a_file_that_is_no_letter_is_bad_input(tmp_path: Path) -> None:
    path = tmp_path / "note.pdf"
    path.write_text("not a pdf")
    with pytest.raises(BadInput):
        read_window(path)


def test_the_cli_writes_letters_register_and_truth(tmp_path: Path) -> None:
    out = tmp_path / "out"
    obj = types.SimpleNamespace(settings=load_settings())
    args = ["synth-outgoing", str(out), "--n", "2", "--seed", "1", "--no-scan", "--workers", "1"]
    result = CliRunner().invoke(data_command, args, obj=obj)
    assert result.exit_code == 0, result.output
    assert len(list((out / LETTERS_DIR).glob("*.pdf"))) == 2 and not (out / SCANS_DIR).exists()
    assert len(read_truth(out / TRUTH_FILE)) == 2
    result = CliRunner().invoke(data_command, [*args[:2], "--city", "Atlantis"], obj=obj)
    assert result.exit_code != 0 and "Atlantis" in str(result.exception or result.output)


# --- parsing the lines of the address zone ----------------------------------------------


def lines(*texts: str, top: float = 45.0, small: int = 1) -> list[WindowLine]:
    """Lines as in the field of form B (top 45 mm): the first `small` in small type."""
    out, y = [], top + 2.0
    for i, text in enumerate(texts):
        height = 1.8 if i < small else 3.0
        out.append(WindowLine(text, 25.0, y, y + height))
        y += 4.23 if i >= small else 5.0
    return out


def test_return_line_and_notes_are_left_out() -> None:
    got = parse_window(
        lines(
            "Stadt Leipzig · Martin-Luther-Ring 4 · 04109 Leipzig",
            "Einschreiben Einwurf",
            "Persönlich",
            "Frau Dr. Jördis Größlich",
            "Mühlenstraße 3a",
            "04315 Leipzig",
        )
    )
    assert got == PostalAddress("Frau Dr. Jördis Größlich", "Mühlenstraße 3a", "04315", "Leipzig")


def test_postfach_and_care_of_lines() -> None:
    got = parse_window(
        lines(
            "Stadt Leipzig, Markt 1, 04109 Leipzig",
            "Herrn Olaf Weiß",
            "c/o Familie Brandt",
            "Postfach 12 34 56",
            "04002 Leipzig",
        )
    )
    assert got == PostalAddress(
        "Herrn Olaf Weiß", "Postfach 12 34 56", "04002", "Leipzig", "c/o Familie Brandt"
    )


def test_firm_with_z_hd_and_salutation_on_its_own_line() -> None:
    firm = parse_window(
        lines(
            "Stadt Leipzig · Markt 1 · 04109 Leipzig",
            "Nord Bau GmbH",
            "z. Hd. Herrn Max Kühn",
            "Gartenstr. 8",
            "04103 Leipzig",
        )
    )
    assert firm == PostalAddress("Nord Bau GmbH", "Gartenstr. 8", "04103", "Leipzig", "z. Hd. Herrn Max Kühn")
    person = parse_window(
        lines(
            "Absender: Stadt Leipzig, Markt 1, 04109 Leipzig",
            "Herrn",
            "Ömer Yılmaz",
            "Ringweg 2",
            "O4105 Leipzig",
        )
    )
    assert person == PostalAddress("Herrn Ömer Yılmaz", "Ringweg 2", "04105", "Leipzig")  # OCR's O for 0


def test_form_a_and_form_b_fields_are_both_found() -> None:
    address = ("Frau Anna Schulz", "Lindenallee 5", "04177 Leipzig")
    form_a = parse_window(lines("Stadt Leipzig · Markt 1 · 04109 Leipzig", *address, top=27.0))
    # Form B: the letterhead's lines stand above, the subject below the field.
    head = [
        WindowLine("Stadt Leipzig", 25.0, 24.0, 28.0),
        WindowLine("Amt für Umweltschutz", 25.0, 30.0, 33.0),
    ]
    subject = [WindowLine("Bescheid über die Festsetzung der Hundesteuer 2026", 25.0, 100.0, 103.0)]
    form_b = parse_window([*head, *lines("Stadt Leipzig · Markt 1 · 04109 Leipzig", *address), *subject])
    expected = PostalAddress("Frau Anna Schulz", "Lindenallee 5", "04177", "Leipzig")
    assert form_a == expected and form_b == expected


def test_a_street_without_number_is_still_the_street() -> None:
    got = parse_window(
        lines(
            "Stadt Leipzig · Markt 1 · 04109 Leipzig",
            "Staatsanwaltschaft Leipzig",
            "Justizzentrum",
            "04103 Leipzig",
        )
    )
    assert got == PostalAddress("Staatsanwaltschaft Leipzig", "Justizzentrum", "04103", "Leipzig")


def test_postcode_digits_read_as_letters_are_taken_back() -> None:
    got = parse_window(
        lines(
            "Stadt Chemnitz - Markt 1 - ogııı Chemnitz",
            "Landgericht Chemnitz",
            "Justizzentrum 21",
            "ogııı Chemnitz",
        )
    )
    assert got == PostalAddress("Landgericht Chemnitz", "Justizzentrum 21", "09111", "Chemnitz")


def test_no_postcode_line_no_address() -> None:
    assert parse_window(lines("Stadt Leipzig · Markt 1", "Frau Anna Schulz", "Lindenallee 5")) is None


# --- matching ---------------------------------------------------------------------------------


def entry(rid: str, name: str, street: str, postcode: str = "04177", city: str = "Leipzig", kind: RecipientKind = RecipientKind.PERSON, extra: str = "") -> Recipient:  # fmt: skip
    return Recipient(rid, kind, PostalAddress(name, street, postcode, city, extra))


REGISTER = (
    entry("p1", "Anna Schulz", "Lindenallee 5"),
    entry("p6", "Olga Schewtschenko", "Gutenbergstraße 20", "04178"),
    entry("p7", "Lan Schewtschenko", "Gutenbergstraße 20", "04178"),  # a long surname, the same house
    entry("l1", "Weber Rechtsanwälte und Fachanwälte", "Im Winkel 13", "04109", kind=RecipientKind.LAWYER),
    entry("l2", "Weiß Rechtsanwälte und Fachanwälte", "Im Winkel 13", "04109", kind=RecipientKind.LAWYER),
    entry("p2", "Karl Schulz", "Lindenallee 5"),  # same house
    entry("p3", "Anna Schulz", "Bahnhofstraße 40", "04103"),  # namesake
    entry("p4", "Jürgen Weiß", "Große Straße 12"),
    entry("f1", "Nord Bau GmbH", "Gartenstraße 8", "04103", kind=RecipientKind.FIRM),
    entry("p5", "Max Kühn", "Ahornweg 9", "04299"),  # the firm's managing director
)


@pytest.mark.parametrize(
    ("address", "expected"),
    [
        (PostalAddress("Frau Anna Schulz", "Lindenallee 5", "04177", "Leipzig"), "p1"),
        (PostalAddress("Herrn Karl Schulz", "Lindenallee 5", "04177", "Leipzig"), "p2"),
        (PostalAddress("Frau Dr. Anna Schulz", "Bahnhofstr. 40", "04103", "Leipzig"), "p3"),
        (PostalAddress("Herrn Juergen Weiss", "Grosse Str. 12", "04177", "Leipzig"), "p4"),
        (PostalAddress("Weiß Jürgen", "Große Straße 12", "04177", "Leipzig"), "p4"),
        (PostalAddress("Nord Bau GmbH", "Gartenstr. 8", "04103", "Leipzig", "z. Hd. Herrn Max Kühn"), "f1"),
        (PostalAddress("Herrn Max Kühn", "Ahornweg 9", "04299", "Leipzig"), "p5"),
        (PostalAddress("HerrnKarlSchulz .", "Lindenallee 5", "04177", "Leipzig"), "p2"),  # spaces lost
        (PostalAddress("Frau Olga Schewtschenko", "Gutenbergstr. 20", "04178", "Leipzig"), "p6"),
        (
            PostalAddress(
                "Weiß Rechtsanwälte und Fachanwälte", "Im Winkel 13", "04109", "Leipzig", "z. Hd. RAin Pham"
            ),
            "l2",
        ),
    ],
)
def test_the_right_entry_is_matched(address: PostalAddress, expected: str) -> None:
    match = match_recipient(address, REGISTER)
    assert match is not None and match.recipient.id == expected


def test_ambiguous_or_unknown_addresses_match_nobody() -> None:
    twins = (entry("a", "Anna Schulz", "Lindenallee 5"), entry("b", "Anna Schulz", "Lindenallee 5a"))
    assert (
        match_recipient(PostalAddress("Frau Anna Schulz", "Lindenallee 5", "04177", "Leipzig"), twins) is None
    )
    no_first_name = PostalAddress("Familie Schulz", "Lindenallee 5", "04177", "Leipzig")  # Anna or Karl?
    assert match_recipient(no_first_name, REGISTER) is None
    stranger = PostalAddress("Herrn Otto Brenner", "Feldweg 1", "99084", "Erfurt")
    assert match_recipient(stranger, REGISTER) is None
    assert match_recipient(stranger, ()) is None
