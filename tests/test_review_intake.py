"""The intake view and the ways out of quarantine (issue 14, item 2), the German pages and
their catalogue (item 1), and the CLI's full label names (item 7).

Files are quarantined and taken by real `ingest_once` passes; the browser test drives a
real server in Debian's Chromium."""

from __future__ import annotations

import datetime as dt
import io
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.pofile import read_po
from fastapi.testclient import TestClient
from PIL import Image
from sqlalchemy import select
from test_review_data import PASSWORD, make_settings, seed
from test_review_e2e import ARGS, CHROMIUM, serving

from mailroom.pipeline import ingest_once
from mailroom.records import ItemState, SourceState
from mailroom.review.app import create_app
from mailroom.review.i18n import LOCALE_DIR, TIMEZONE, Outdated, Refused
from mailroom.review.intake import intake_view, mark_handled, original_file, release
from mailroom.settings import Settings, load_settings
from mailroom.store.db import Database, open_database
from mailroom.store.tables import Event, Item, SourceFile

ROOT = Path(__file__).resolve().parent.parent
LINES = [
    "Stadtverwaltung Chemnitz, Bürgeramt, Markt 1, 09111 Chemnitz",
    "Antrag auf Ausstellung einer Meldebescheinigung für meine Wohnung",
    "Sehr geehrte Damen und Herren, hiermit beantrage ich eine Meldebescheinigung.",
    "Mit freundlichen Grüßen, Erika Mustermann, Zwickauer Straße 12",
]


def letter_pdf(pages: int = 1) -> bytes:
    """A born-digital letter of `pages` pages: its own text is read, no OCR needed."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot
    from matplotlib.backends.backend_pdf import PdfPages

    buffer = io.BytesIO()
    with PdfPages(buffer) as pdf:
        for number in range(pages):
            figure = pyplot.figure(figsize=(8.27, 11.69))
            for row, line in enumerate([*LINES, f"Seite {number + 1}"]):
                figure.text(0.1, 0.9 - row * 0.04, line, fontsize=12)
            pdf.savefig(figure)
            pyplot.close(figure)
    return buffer.getvalue()


def png_bytes() -> bytes:
    buffer = io.BytesIO()
    Image.new("L", (300, 420), 230).save(buffer, "PNG")
    return buffer.getvalue()


def ingest_settings(home: Path, database_url: str, **ingest: str) -> Settings:
    env = {"MAILROOM_HOME": str(home), "MAILROOM_DATABASE_URL": database_url, "MAILROOM_INGEST__STABLE_SECONDS": "0",
           "MAILROOM_INGEST__WORKERS": "1"} | {f"MAILROOM_INGEST__{k.upper()}": v for k, v in ingest.items()}  # fmt: skip
    return load_settings(env=env)


def drop_and_ingest(settings: Settings, db: Database, name: str, content: bytes) -> int:
    """Put a file into the inbox, run an ingest pass; returns the file's id."""
    settings.inbox.mkdir(parents=True, exist_ok=True)
    (settings.inbox / name).write_bytes(content)
    ingest_once(settings, db)
    with db.session() as session:
        return session.scalars(
            select(SourceFile.id).where(SourceFile.original_name == name).order_by(SourceFile.id.desc())
        ).first()


def quarantined_file(settings: Settings, db: Database, source_id: int) -> Path:
    with db.session() as session:
        source = session.get_one(SourceFile, source_id)
    (path,) = [p for p in (settings.home / "quarantine").iterdir() if p.name.endswith(source.original_name)]
    return path


def events(db: Database, source_id: int, kind: str) -> list[dict]:
    with db.session() as session:
        return [
            e.detail
            for e in session.scalars(select(Event).where(Event.source_id == source_id, Event.kind == kind))
        ]


def items_of(db: Database, source_id: int) -> list[Item]:
    with db.session() as session:
        return list(session.scalars(select(Item).where(Item.source_id == source_id)))


def test_a_replaced_file_is_released_into_the_inbox_and_becomes_an_item(
    tmp_path: Path, database_url: str
) -> None:
    settings = ingest_settings(tmp_path, database_url)
    db = open_database(database_url)
    source_id = drop_and_ingest(settings, db, "brief.pdf", png_bytes())  # a PNG named .pdf
    (entry,) = intake_view(db).quarantined
    assert entry.id == source_id and "content is PNG" in entry.reason
    with pytest.raises(Refused, match="still cannot be taken"):  # nothing changed: it would fail again
        release(db, settings, source_id, "rita")
    quarantined_file(settings, db, source_id).write_bytes(letter_pdf())  # replaced by the real letter
    assert release(db, settings, source_id, "rita", "neu gescannt") == "brief.pdf"
    assert (settings.inbox / "brief.pdf").read_bytes().startswith(b"%PDF")
    assert not list((settings.home / "quarantine").iterdir())  # the file and its reason file are gone
    (audit,) = events(db, source_id, "released")
    assert audit["user"] == "rita" and audit["note"] == "neu gescannt" and "content is PNG" in audit["reason"]
    assert [i.state for i in items_of(db, source_id)] == [ItemState.RELEASED]  # its stand-in item follows it
    with pytest.raises(Outdated):  # released once only
        release(db, settings, source_id, "rita")

    ingest_once(settings, db)
    with db.session() as session:
        assert session.get_one(SourceFile, source_id).state == SourceState.RELEASED
        new = session.scalars(select(SourceFile).where(SourceFile.id != source_id)).one()
    (item,) = items_of(db, new.id)
    assert item.state in (ItemState.AUTO_APPROVED, ItemState.IN_REVIEW) and item.page_count == 1
    view = intake_view(db)
    assert view.quarantined == [] and [f.id for f in view.today] == [new.id, source_id]
    db.dispose()


def test_the_same_bytes_are_released_once_the_limit_was_raised(tmp_path: Path, database_url: str) -> None:
    """The retry is a new file, not a duplicate of the quarantined one, and gets its items."""
    strict = ingest_settings(tmp_path, database_url, max_pages="1")
    db = open_database(database_url)
    source_id = drop_and_ingest(strict, db, "akte.pdf", letter_pdf(pages=2))
    (entry,) = intake_view(db).quarantined
    assert "more than the limit of 1" in entry.reason
    relaxed = ingest_settings(tmp_path, database_url)
    assert release(db, relaxed, source_id, "rita", "Seitenlimit erhöht") == "akte.pdf"
    ingest_once(relaxed, db)
    with db.session() as session:
        new = session.scalars(select(SourceFile).where(SourceFile.id != source_id)).one()
    assert new.state == SourceState.DONE and new.sha256 == entry_sha(db, source_id)
    assert sum(item.page_count for item in items_of(db, new.id)) == 2
    assert [i.state for i in items_of(db, source_id)] == [ItemState.RELEASED]
    assert intake_view(db).quarantined == []
    db.dispose()


def entry_sha(db, source_id: int) -> str:
    with db.session() as session:
        return session.get_one(SourceFile, source_id).sha256


def test_handled_by_hand_needs_a_note_and_keeps_the_original(tmp_path: Path, database_url: str) -> None:
    settings = ingest_settings(tmp_path, database_url)
    db = open_database(database_url)
    content = b"\x00not a scan at all"
    source_id = drop_and_ingest(settings, db, "notiz.txt", content)
    with pytest.raises(Refused, match="note"):
        mark_handled(db, source_id, "rita", "  ")
    mark_handled(db, source_id, "rita", "an Amt 32 weitergegeben")
    assert intake_view(db).quarantined == []
    assert [i.state for i in items_of(db, source_id)] == [ItemState.HANDLED]
    (audit,) = events(db, source_id, "handled")
    assert (
        audit == {"user": "rita", "note": "an Amt 32 weitergegeben", "reason": audit["reason"]}
        and audit["reason"]
    )
    path, name = original_file(db, settings, source_id, "rita")
    assert path.read_bytes() == content and name == "notiz.txt"
    assert events(db, source_id, "downloaded")[0]["user"] == "rita"
    with pytest.raises(Outdated):
        mark_handled(db, source_id, "rita", "noch einmal")
    db.dispose()


@pytest.fixture
def intake_server(tmp_path: Path) -> Iterator[tuple[Settings, Database, str]]:
    """A running review app over a home where two files were quarantined by an ingest pass."""
    home = tmp_path / "home"
    settings = make_settings(home)
    db = seed(settings)
    settings = ingest_settings(home, settings.database)
    settings.inbox.mkdir(parents=True)
    (settings.inbox / "brief.pdf").write_bytes(png_bytes())
    (settings.inbox / "leer.pdf").write_bytes(b"")
    ingest_once(settings, db)
    with serving(settings, db) as url:
        yield settings, db, url


def test_intake_in_the_browser_release_handle_download(intake_server) -> None:
    playwright_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.skip("apt-get install chromium")
    settings, db, url = intake_server
    ids = {f.name: f.id for f in intake_view(db).quarantined}
    today = dt.datetime.now(TIMEZONE).strftime("%d.%m.%Y")
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1200}, accept_downloads=True)
        page.goto(f"{url}/intake")
        page.fill("input[name=name]", "rita")
        page.fill("input[name=password]", PASSWORD)
        page.keyboard.press("Enter")
        page.wait_for_url(f"{url}/intake")
        assert page.locator("html").get_attribute("lang") == "de"
        text = page.locator("main").inner_text()
        assert "Posteingang" in text and "Quarantäne" in text and "Posteingang heute" in text
        assert f"Eingangsdatum: {today}, " in text and " Uhr" in text  # a German date and time
        assert "content is PNG" in text and "empty file" in text  # each with its reason
        brief, leer = page.locator(f"#file-{ids['brief.pdf']}"), page.locator(f"#file-{ids['leer.pdf']}")
        page.wait_for_function("document.querySelectorAll('img.preview').length === 1")
        assert brief.locator("img.preview").evaluate("img => img.naturalWidth") > 0  # rendered
        assert "kann nicht als Bild angezeigt werden" in leer.inner_text()  # cannot be: says so
        page.screenshot(path="/tmp/intake_view.png", full_page=True)

        with page.expect_download() as download:
            brief.get_by_text("Original herunterladen").click()
        assert Path(download.value.path()).read_bytes() == png_bytes()

        quarantined_file(settings, db, ids["brief.pdf"]).write_bytes(letter_pdf())  # the mail room fixed it
        brief.get_by_role("button", name="Erneut einlesen").click()
        page.wait_for_url(f"{url}/intake?done=released&file={ids['brief.pdf']}")
        assert "brief.pdf wurde freigegeben" in page.locator(".notice").inner_text()
        assert (settings.inbox / "brief.pdf").read_bytes().startswith(b"%PDF")

        leer.get_by_role(
            "button", name="Manuell erledigt"
        ).click()  # without a note: the browser asks for one
        assert page.url.endswith("/intake?done=released&file=" + str(ids["brief.pdf"]))
        leer.locator("input[name=note]").fill("Absender angerufen, Brief kommt neu")
        leer.get_by_role("button", name="Manuell erledigt").click()
        page.wait_for_url(f"{url}/intake?done=handled&file={ids['leer.pdf']}")
        assert page.locator("article.quarantined").count() == 0
        assert "Keine Datei in Quarantäne." in page.locator("section.quarantine").inner_text()
        assert "Absender angerufen, Brief kommt neu (rita)" in page.locator("main").inner_text()
        page.screenshot(path="/tmp/intake_view_after.png", full_page=True)
        browser.close()

    assert events(db, ids["brief.pdf"], "released")[0]["user"] == "rita"
    assert events(db, ids["brief.pdf"], "downloaded")[0]["user"] == "rita"
    assert events(db, ids["leer.pdf"], "handled")[0] == {
        "user": "rita", "note": "Absender angerufen, Brief kommt neu", "reason": events(db, ids["leer.pdf"], "handled")[0]["reason"]
    }  # fmt: skip
    ingest_once(settings, db)  # the released letter becomes an item
    with db.session() as session:
        new = session.scalars(
            select(SourceFile).where(
                SourceFile.original_name == "brief.pdf", SourceFile.id != ids["brief.pdf"]
            )
        ).one()
    assert [i.state for i in items_of(db, new.id)] in ([ItemState.AUTO_APPROVED], [ItemState.IN_REVIEW])


def test_intake_actions_need_a_login_and_the_csrf_token(intake_server) -> None:
    settings, db, url = intake_server
    client = TestClient(create_app(settings, db))
    source_id = intake_view(db).quarantined[0].id
    assert client.post(f"/intake/{source_id}/handled", data={"note": "x"}).status_code in (401, 403)
    assert client.get(f"/intake/{source_id}/original", follow_redirects=False).status_code == 303
    token = client.get("/login").text.split('name="csrf" value="')[1].split('"')[0]
    client.post("/login", data={"name": "rita", "password": PASSWORD, "csrf": token})
    assert (
        client.post(f"/intake/{source_id}/handled", data={"note": "x", "csrf": "forged"}).status_code == 403
    )
    assert client.post(f"/intake/{source_id}/release", data={"csrf": "forged"}).status_code == 403
    assert len(intake_view(db).quarantined) == 2 and events(db, source_id, "handled") == []


def test_english_by_setting(tmp_path: Path) -> None:
    settings = make_settings(tmp_path / "home")
    db = seed(settings)
    english = settings.model_copy(update={"review": settings.review.model_copy(update={"language": "en"})})
    client = TestClient(create_app(english, db))
    token = client.get("/login").text.split('name="csrf" value="')[1].split('"')[0]
    client.post("/login", data={"name": "rita", "password": PASSWORD, "csrf": token})
    page = client.get("/").text
    assert '<html lang="en">' in page and "Review queue" in page and "Prüfwarteschlange" not in page
    assert "Feb 1, 2030" in page  # item-b's deadline
    assert (
        "Posteingang heute" not in client.get("/intake").text
        and "Received today" in client.get("/intake").text
    )


def test_every_text_of_the_review_app_has_its_german() -> None:
    keywords = DEFAULT_KEYWORDS | {"translate": (2,)}
    method_map = [("**.py", "python"), ("templates/**.html", "jinja2")]
    options = {"templates/**.html": {"extensions": "jinja2.ext.i18n"}}
    found = {m[2] for m in extract_from_dir(ROOT / "mailroom" / "review", method_map, options, keywords)}
    with (LOCALE_DIR / "de" / "LC_MESSAGES" / "messages.po").open("rb") as po:
        catalog = read_po(po)
    assert len(found) > 100
    untranslated = sorted(m for m in found if not (catalog.get(m) and catalog.get(m).string))
    assert untranslated == []


def test_items_command_shows_full_label_names(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'm.db'}"
    db = open_database(url)
    with db.session() as session:
        source = SourceFile(
            sha256="2" * 64, original_name="b.pdf", size=1, claim_path="work/claimed/2", state="done"
        )
        session.add(source)
        session.flush()
        session.add(Item(id="0123456789abcdef-1", source_id=source.id, position=1, state="in_review", page_count=1,
                         doc_type="widerspruch", route="verkehrsbehoerde", confidence=0.5, decision="review"))  # fmt: skip
    db.dispose()
    env = os.environ | {
        "MAILROOM_HOME": str(tmp_path),
        "MAILROOM_DATABASE_URL": url,
        "PYTHONPATH": str(ROOT),
        "COLUMNS": "120",
    }
    done = subprocess.run([sys.executable, "-c", "from mailroom.cli import main; main()", "items"],
                          env=env, capture_output=True, text=True, timeout=120)  # fmt: skip
    assert done.returncode == 0, done.stderr
    words = done.stdout.split()
    assert "…" not in done.stdout and "0123456789abcdef-1" in words
    assert {"Widerspruch", "(widerspruch)", "Straßenverkehrsbehörde", "(verkehrsbehoerde)"} <= set(words)
