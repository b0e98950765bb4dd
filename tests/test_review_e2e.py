"""End to end in a real headless Chromium (Debian's, driven by Playwright): log in, confirm
one item, correct another by keyboard only, dispatch, and find both in their offices."""

from __future__ import annotations

import json
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import uvicorn
from test_review_data import PASSWORD, make_settings, seed

from mailroom.dispatch.dispatch import dispatch_once
from mailroom.review.app import create_app
from mailroom.store.tables import Item

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]  # fmt: skip

playwright_api = pytest.importorskip("playwright.sync_api")
pytestmark = pytest.mark.skipif(shutil.which(CHROMIUM) is None, reason="apt-get install chromium")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def server(tmp_path: Path, monkeypatch) -> Iterator[tuple]:
    home = tmp_path / "home"
    monkeypatch.setenv("MAILROOM_HOME", str(home))  # routes.yaml delivers to ${MAILROOM_HOME}/offices/
    settings = make_settings(home)
    db = seed(settings)
    with serving(settings, db) as url:
        yield settings, db, url


def log_in(browser, url: str, name: str = "rita", path: str = "/"):
    """A new page of `browser`, logged in as `name` (password PASSWORD), at `path`."""
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(f"{url}{path}")
    page.fill("input[name=name]", name)
    page.fill("input[name=password]", PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url(f"{url}{path}")
    return page


@contextmanager
def serving(settings, db) -> Iterator[str]:
    """The review app on a free local port, in a thread, for a real browser; its URL."""
    port = free_port()
    uv = uvicorn.Server(
        uvicorn.Config(create_app(settings, db), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=uv.run, daemon=True)
    thread.start()
    while not uv.started:
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        uv.should_exit = True
        thread.join(10)


def test_review_in_the_browser_then_dispatch(server, tmp_path: Path, taxonomy) -> None:
    settings, db, url = server
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = log_in(browser, url)
        page.screenshot(path=str(tmp_path / "queue.png"), full_page=True)
        assert page.locator("table.queue tbody tr").count() == 3

        page.click("text=item-b")  # the earliest deadline comes first
        page.wait_for_url(f"{url}/items/item-b")
        page.keyboard.press("Enter")  # confirm: on to the next item of the queue
        page.wait_for_url(f"{url}/items/item-a")
        page.screenshot(path=str(tmp_path / "item.png"), full_page=True)

        # correct item-a by keyboard only: d, filter, Enter; r, filter, arrows, Enter; Enter
        page.keyboard.press("d")
        page.keyboard.type("beschw")
        page.keyboard.press("Enter")
        page.keyboard.press("r")
        page.keyboard.type("amt")
        page.keyboard.press("ArrowDown")  # the second office whose name has "amt"
        chosen_route = page.locator(".picker[data-head=route] li.active").get_attribute("data-value")
        page.keyboard.press("Enter")
        assert page.locator("input[name=route]").input_value() == chosen_route
        page.keyboard.press("Enter")
        page.wait_for_url(f"{url}/items/item-c")

        page.goto(f"{url}/items/item-a")
        history = page.locator("section.history").inner_text()
        assert "korrigiert" in history and "rita" in history and taxonomy.routes[chosen_route].name in history
        page.goto(f"{url}/items/item-b")
        assert "bestätigt" in page.locator("section.history").inner_text()
        browser.close()

    report = dispatch_once(settings, db)
    assert report.count("delivered") == 3  # item-a, item-b and the auto-approved item
    offices = settings.home / "offices"
    assert (offices / "steueramt" / "item-b.pdf").is_file()
    assert (offices / chosen_route / "item-a.pdf").is_file()
    sidecar = json.loads((offices / chosen_route / "item-a.json").read_text(encoding="utf-8"))
    assert sidecar["labels"]["doc_type"]["id"] == "beschwerde"
    assert any(step["kind"] == "reviewed" for step in sidecar["trail"])


def test_merge_and_split_by_keyboard(server) -> None:
    settings, db, url = server
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = log_in(browser, url, path="/items/item-b")
        page.on("dialog", lambda dialog: dialog.accept())  # "Diesen Vorgang ... zusammenführen?"
        with page.expect_navigation():
            page.keyboard.press("m")
        assert page.locator("figure.page").count() == 2  # item-c appended
        page.keyboard.press("s")  # the page number field, filled with the page in view
        assert page.locator("#after_page").input_value() == "1"
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert page.locator("figure.page").count() == 1
        history = page.locator("section.history").inner_text()
        assert "zusammengeführt" in history and "getrennt" in history and "item-b-s1" in history
        browser.close()
    with db.session() as session:
        assert session.get_one(Item, "item-c").state == "failed"
        assert session.get_one(Item, "item-b-s1").page_count == 1


def test_question_mark_opens_the_keyboard_help(server) -> None:
    _, _, url = server
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = log_in(browser, url)
        for path in ("/", "/items/item-a"):
            page.goto(f"{url}{path}")
            help = page.get_by_role("dialog", name="Tastenkürzel")
            assert help.is_hidden()
            page.keyboard.press("?")
            help.wait_for(state="visible")
            assert help.get_attribute("aria-modal") == "true"
            assert "Dokumentart wählen" in help.inner_text()
            assert page.evaluate("document.activeElement.id") == "keys"  # focus moved into it
            page.keyboard.press("Escape")
            help.wait_for(state="hidden")
            page.keyboard.press("?")
            help.wait_for(state="visible")
            page.keyboard.press("?")
            help.wait_for(state="hidden")
        page.keyboard.press("Enter")  # with the help closed, the keys work again: confirm item-a
        page.wait_for_url(lambda u: not u.endswith("/items/item-a"))
        browser.close()
