"""The search page in a real headless Chromium, in German: a search by sender finds the
letter, marks the hit in its text and links to the item."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from test_review_app import login
from test_review_data import make_settings, seed
from test_review_e2e import ARGS, CHROMIUM, log_in, server  # noqa: F401 (server: the app on a port)

from mailroom.review.app import create_app
from mailroom.store.search import index_item
from mailroom.store.tables import Item, Page, SourceFile

playwright_api = pytest.importorskip("playwright.sync_api")
pytestmark = pytest.mark.skipif(shutil.which(CHROMIUM) is None, reason="apt-get install chromium")

LETTER = (
    "Gerhard Braun\nWiderspruch gegen den Hundesteuerbescheid vom 12. Februar\nAktenzeichen: ST-2026/0042"
)


def add_letter(db) -> None:
    """A letter of Mr Braun, written and indexed as the pipeline does."""
    with db.session() as session:
        source = SourceFile(
            sha256="9" * 64, original_name="braun.pdf", size=1, claim_path="c/9", state="done"
        )
        session.add(source)
        session.flush()
        metadata = {"sender": "Gerhard Braun", "references": {"Aktenzeichen": ["ST-2026/0042"]}}
        session.add(Item(id="item-braun", source_id=source.id, position=1, state="approved", page_count=1,
                         doc_type="widerspruch", route="steueramt", flags={"metadata": metadata},
                         created_at=dt.datetime(2026, 3, 2, 9, tzinfo=dt.UTC)))  # fmt: skip
        session.flush()
        session.add(Page(item_id="item-braun", number=1, source_page=0, rotation=0, skew=0.0, image_path="x.png",
                         text=LETTER, words={}, mean_confidence=93.0))  # fmt: skip
        index_item(session, "item-braun")
        for other in ("item-a", "item-b", "item-c"):  # seeded past the write path
            index_item(session, other)


def test_a_search_by_sender_finds_the_letter_and_links_to_it(server, tmp_path: Path) -> None:  # noqa: F811
    settings, db, url = server
    add_letter(db)
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = log_in(browser, url, path="/suche")
        assert page.locator("h1").inner_text() == "Suche"

        page.get_by_label("Absender").fill("braun")
        page.get_by_role("button", name="Suchen").click()
        page.wait_for_url(f"{url}/suche?*")
        page.screenshot(path=str(tmp_path / "search.png"), full_page=True)
        assert page.get_by_role("status").inner_text() == "1 Treffer"
        row = page.locator("table.results tbody tr")
        assert row.count() == 1
        cells = row.locator("td").all_inner_texts()
        assert cells[1:7] == ["item-braun", "Gerhard Braun", "Aktenzeichen: ST-2026/0042", "Widerspruch",
                              "Kassen- und Steueramt", "freigegeben"]  # fmt: skip
        assert cells[0] == "02.03.2026, 10:00 Uhr"  # received, in the city's time

        page.get_by_label("Suchbegriffe").fill("Widersprüche Hundesteuer")  # other forms of the words
        page.get_by_label("Absender").fill("")
        with page.expect_navigation():
            page.keyboard.press("Enter")
        rows = page.locator("table.results tbody tr")
        assert rows.locator("td:nth-child(2)").all_inner_texts() == ["item-b", "item-braun"]
        for number in range(2):
            assert rows.nth(number).locator("mark").all_inner_texts() == [
                "Widerspruch",
                "Hundesteuerbescheid",
            ]

        page.get_by_role("link", name="item-braun").click()
        page.wait_for_url(f"{url}/items/item-braun")
        assert "item-braun" in page.locator("h1").inner_text()
        browser.close()


def test_the_form_says_which_field_it_cannot_read(tmp_path: Path) -> None:
    settings = make_settings(tmp_path / "home")
    client = TestClient(create_app(settings, seed(settings)))
    login(client, "rita")
    refused = {
        "received_from=31.02.2026": "Kein Datum (TT.MM.JJJJ): 31.02.2026",
        "received_from=2026-03-05&received_until=2026-03-01": "Der Zeitraum endet, bevor er beginnt.",
        "sender=%22%28%29": "Suchbegriffe brauchen Buchstaben oder Ziffern",
        "state=verschollen": "Unbekannter Status: verschollen",
        "route=mond": "Unbekanntes Amt: mond",
        "q=Braun&page=x": "Unbekannte Seite: x",
    }
    for fields, message in refused.items():
        page = client.get(f"/suche?{fields}")
        assert (page.status_code, message in page.text) == (400, True), fields
    page = client.get("/suche?received_from=01.01.2020&state=in_review")  # a day as people write it
    assert page.status_code == 200 and "3 Treffer" in page.text
