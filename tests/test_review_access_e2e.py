"""Protected mail in a real headless Chromium, in German: a reviewer not cleared for the
Sozialamt neither sees nor opens a Sozialamt letter (queue, item page, PDF URL, search); a cleared
one does, and the admin finds that look in the read audit."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_review_access import add_items
from test_review_data import PASSWORD, make_settings, seed
from test_review_e2e import ARGS, CHROMIUM, log_in, serving

from mailroom.review.auth import add_user

playwright_api = pytest.importorskip("playwright.sync_api")
pytestmark = pytest.mark.skipif(shutil.which(CHROMIUM) is None, reason="apt-get install chromium")


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    settings = make_settings(tmp_path / "home")
    db = seed(settings)
    add_items(settings, db)  # item-soz: a Sozialamt letter; item-open: nothing protected
    add_user(db, "nora", "reviewer", PASSWORD)
    add_user(db, "sofia", "reviewer", PASSWORD, frozenset({"sozialamt"}))
    with serving(settings, db) as url:
        yield url


def test_only_a_cleared_reviewer_sees_a_sozialamt_letter_and_the_look_is_audited(
    server, tmp_path: Path
) -> None:
    url = server
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)

        nora = log_in(browser, url, "nora")  # not cleared for the Sozialamt
        rows = nora.locator("table.queue tbody tr")
        assert rows.count() == 1 and "item-open" in rows.inner_text()
        assert nora.locator(".routes").inner_text().count("Sozialamt") == 0
        for path in ("/items/item-soz", "/items/item-soz/document.pdf", "/items/item-soz/pages/1.png"):
            response = nora.goto(f"{url}{path}")
            assert response is not None and response.status == 404, path
        nora.goto(f"{url}/items/item-soz")
        assert "Es gibt keinen Vorgang item-soz" in nora.locator("main").inner_text()
        nora.goto(f"{url}/suche?q=Lebensunterhalt")  # the Sozialamt letter's words
        assert "item-soz" not in nora.locator("main").inner_text()
        nora.goto(f"{url}/suche?q=Wohnung")  # an open letter's words: search itself works
        assert "item-open" in nora.locator("main").inner_text()
        nora.close()

        sofia = log_in(browser, url, "sofia")  # cleared for the Sozialamt
        sofia.goto(f"{url}/suche?q=Lebensunterhalt")
        assert "item-soz" in sofia.locator("main").inner_text()
        sofia.goto(f"{url}/")
        assert "item-soz" in sofia.locator("table.queue").inner_text()
        sofia.click("text=item-soz")
        sofia.wait_for_url(f"{url}/items/item-soz")
        note = sofia.get_by_role("note")
        assert "Geschützte Post" in note.inner_text() and "§ 35 SGB I (Sozialgeheimnis)" in note.inner_text()
        sofia.screenshot(path=str(tmp_path / "protected.png"), full_page=True)
        pdf = sofia.request.get(f"{url}/items/item-soz/document.pdf")
        assert pdf.status == 200 and pdf.body().startswith(b"%PDF")
        sofia.close()

        adam = log_in(browser, url, "adam")
        adam.click("text=Lesezugriffe")
        adam.fill("input[name=item]", "item-soz")
        adam.keyboard.press("Enter")
        adam.wait_for_url("**/admin/reads?item=item-soz*")
        audit = adam.locator("table.reads tbody").inner_text()
        assert "sofia" in audit and "Vorgangsseite" in audit and "PDF" in audit and "Seitenbild 1" in audit
        assert "nora" not in audit  # her tries showed her nothing
        browser.close()
