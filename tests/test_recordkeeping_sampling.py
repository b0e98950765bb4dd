"""The quality sample: the seeded draw (the pipeline drawing items is in
test_recordkeeping_audit.py, on its installation), and in a real browser the Stichprobe queue checked by keyboard and the measured precision on /admin."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from test_review_data import make_settings, seed
from test_review_e2e import ARGS, CHROMIUM, log_in, serving

from mailroom.recordkeeping.sampling import Precision, drawn, wilson
from mailroom.settings import QaSettings
from mailroom.store.sampling import add_sample, sample_counts
from mailroom.store.tables import Item


def test_the_seeded_draw_takes_the_configured_share_per_route() -> None:
    qa = QaSettings(share=0.02, per_route={"sozialamt": 0.2}, seed=42)
    ids = [f"{n:016x}-1" for n in range(20_000)]
    default = [i for i in ids if drawn(qa, i, "bauamt")]
    assert 0.018 <= len(default) / len(ids) <= 0.022
    assert 0.19 <= sum(drawn(qa, i, "sozialamt") for i in ids) / len(ids) <= 0.21
    assert default == [i for i in ids if drawn(qa, i, "bauamt")]  # the same items every time
    other = QaSettings(share=0.02, seed=43)
    assert default != [i for i in ids if drawn(other, i, "bauamt")]  # another seed, another draw
    assert not any(drawn(QaSettings(share=0.0), i, "bauamt") for i in ids[:1000])


def test_wilson_interval() -> None:
    assert wilson(0, 0) == (0.0, 1.0)
    low, high = wilson(98, 100)
    assert low == pytest.approx(0.9300, abs=1e-4) and high == pytest.approx(0.9945, abs=1e-4)
    assert Precision("", 100, 97, 0.98).below_target and not Precision("", 0, 0, 0.98).below_target


playwright_api = pytest.importorskip("playwright.sync_api")


@pytest.mark.skipif(shutil.which(CHROMIUM) is None, reason="apt-get install chromium")
def test_sample_queue_by_keyboard_and_measured_precision_on_admin(
    tmp_path: Path, monkeypatch, taxonomy
) -> None:
    home = tmp_path / "home"
    monkeypatch.setenv("MAILROOM_HOME", str(home))
    settings = make_settings(home)
    db = seed(settings)
    with db.session() as session:
        for item_id in ("item-auto", "item-c"):  # as if both had been approved automatically
            item = session.get(Item, item_id)
            item.state = "dispatched"
            add_sample(session, item)
    with serving(settings, db) as url, playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = log_in(browser, url, "adam", "/stichprobe")
        assert page.locator("table.queue tbody tr").count() == 2
        page.click("text=item-auto")
        page.wait_for_url(f"{url}/items/item-auto")
        page.keyboard.press("Enter")  # right: confirmed, on to the next sample
        page.wait_for_url(f"{url}/items/item-c")
        page.keyboard.press("r")  # wrong office: corrected by keyboard
        page.keyboard.type("bürgeramt")
        page.keyboard.press("Enter")
        page.keyboard.press("Enter")
        page.wait_for_url(f"{url}/stichprobe")
        assert "Keine Stichproben warten auf Prüfung." in page.inner_text("main")

        page.goto(f"{url}/admin")
        figure = page.locator("#precision").inner_text().replace("\xa0", " ")
        assert "alle Ämter\t2\t1\t50,0 %" in figure
        assert "9,5 % – 90,5 %" in figure  # Wilson interval of 1 in 2
        assert "unter dem Ziel von 98,0 %" in page.locator("[role=alert]").inner_text().replace("\xa0", " ")
        metrics = page.request.get(f"{url}/metrics").text()
        assert 'mailroom_qa_precision{route=""} 0.5' in metrics and "mailroom_qa_precision_alert 1" in metrics

        page.goto(f"{url}/items/item-auto")  # a Löschsperre from the item page
        page.fill("#hold input[name=reason]", "Klage 3 K 12/26")
        page.click("#hold button")
        assert "Löschsperre: Klage 3 K 12/26" in page.locator("#hold").inner_text()
        browser.close()
    assert sample_counts(db) == {"beschaffung": (1, 1), "ordnungsamt": (1, 0)}
    db.dispose()
