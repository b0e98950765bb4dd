"""Postausgang in the web app: the offices' HTTP endpoint (token per office, quarantine of
bad uploads), and the German pages in a real browser: the list per office and channel with
status and deemed notice date, the statistics, a document's reasons and audit trail, the
recipient register; every look is audited."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from outgoing_letters import letter_pdf
from test_outgoing_send import LETTERS, T0, fill, gateways, make  # noqa: F401  (fixtures)
from test_review_data import PASSWORD
from test_review_e2e import ARGS, CHROMIUM, log_in, serving

from mailroom.outgoing.send import send_once
from mailroom.review.app import create_app
from mailroom.review.auth import add_user
from mailroom.settings import OutgoingSettings
from mailroom.store import outgoing as store

TOKEN = "geheim-steueramt-1234"


@pytest.fixture
def app_and_db(tmp_path: Path, gateways):  # noqa: F811
    settings, db, config = make(tmp_path, f"sqlite:///{tmp_path / 'm.db'}", gateways)
    settings = settings.model_copy(
        update={"outgoing": OutgoingSettings(stable_seconds=0, tokens={"steueramt": TOKEN})}
    )
    add_user(db, "rita", "reviewer", PASSWORD, frozenset({"sozialamt", "steueramt"}))
    add_user(db, "adam", "admin", PASSWORD)
    app = create_app(settings, db)
    app.state.outgoing = config
    return settings, db, config, app


def test_the_http_endpoint_takes_documents_with_the_office_token(app_and_db) -> None:
    settings, db, _config, app = app_and_db
    client = TestClient(app)
    pdf = letter_pdf(["Frau Petra Post", "Hauptstraße 12", "12345 Musterstadt"])
    meta = json.dumps({"recipient_id": "p-post", "kind": "notice", "case_reference": "St-9"})
    files = {"document": ("b.pdf", pdf, "application/pdf")}
    answer = client.post("/api/postausgang/steueramt", files=files, data={"metadata": meta},
                         headers={"Authorization": f"Bearer {TOKEN}"})  # fmt: skip
    assert answer.status_code == 201
    document_id = answer.json()["id"]
    doc = store.get_document(db, document_id)
    assert (doc.office, doc.kind, doc.case_reference, doc.origin) == ("steueramt", "notice", "St-9", "http")
    assert settings.path(doc.pdf_path).read_bytes() == pdf
    again = client.post("/api/postausgang/steueramt", files=files, data={"metadata": meta},
                        headers={"Authorization": f"Bearer {TOKEN}"})  # fmt: skip
    assert again.status_code == 200 and again.json() == {"id": document_id, "new": False}
    for office, token in (("steueramt", "falsch"), ("sozialamt", TOKEN), ("steueramt", "")):
        refused = client.post(
            f"/api/postausgang/{office}", files=files, headers={"Authorization": f"Bearer {token}"}
        )
        assert refused.status_code == 401
    bad = client.post("/api/postausgang/steueramt", files={"document": ("x.pdf", b"no pdf", "application/pdf")},
                      headers={"Authorization": f"Bearer {TOKEN}"})  # fmt: skip
    assert bad.status_code == 422 and "keine PDF" in bad.json()["error"]
    kept = [p for p in (settings.home / "outbox-quarantine").rglob("*") if p.is_file()]
    assert any(p.read_bytes() == b"no pdf" for p in kept) and any(
        p.name.endswith(".reason.txt") for p in kept
    )
    assert len(store.documents(db)) == 1


playwright_api = pytest.importorskip("playwright.sync_api")


@pytest.mark.skipif(shutil.which(CHROMIUM) is None, reason="apt-get install chromium")
def test_the_outgoing_pages_in_the_browser(app_and_db, smtp, tmp_path: Path) -> None:  # noqa: F811
    settings, db, config, _app = app_and_db
    handler, port = smtp
    settings = settings.model_copy(
        update={"dispatch": settings.dispatch.model_copy(update={"smtp_port": port})}
    )
    fill(settings, db)
    send_once(settings, db, config, now=T0)
    docs = {d.origin.removeprefix("folder:").removesuffix(".pdf"): d for d in store.documents(db)}
    with serving(settings, db) as url, playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = log_in(browser, url, "rita", "/postausgang")
        assert page.locator("h1").inner_text().startswith("Postausgang")
        rows = page.locator("table.outgoing tbody tr")
        assert rows.count() == 5
        post = page.locator(f"tr[data-document={docs['bescheid-post'].id}]")
        assert post.locator("td.channel").inner_text() == "Brief"
        assert "08.12.2026" in post.locator("td.notice-date").inner_text()
        assert "§ 41 Abs. 2 Satz 1 VwVfG" in post.locator("td.notice-date").inner_text()
        assert "versandt" in post.locator("td.status").inner_text()
        # three of five went electronically: 2 letters (0,95 €) and one formal service (4,64 €) not printed
        assert "6,54" in page.locator(".tile.postage").inner_text()
        assert "20 %" in page.locator(".tile.share-postbox").inner_text().replace("\xa0", " ")
        page.screenshot(path=str(tmp_path / "postausgang.png"), full_page=True)

        page.select_option("select[name=channel]", "postbox")
        page.click("button:has-text('Filtern')")
        page.wait_for_url(f"{url}/postausgang?office=&channel=postbox")
        assert rows.count() == 1
        page.click(f"tr[data-document={docs['bescheid-box'].id}] a")
        assert "§ 9 Abs. 1 OZG" in page.locator("td.reason").inner_text()
        assert "Versandweg gewählt" in page.locator("table.trail").inner_text()

        admin = log_in(browser, url, "adam", "/admin/empfaenger")
        assert admin.locator("table.recipients tbody tr").count() == 4
        admin.fill("input[name=recipient_id]", "neu-1")
        admin.fill("input[name=name]", "Herr Neu Mann")
        admin.fill("input[name=street]", "Weg 1")
        admin.fill("input[name=postcode]", "12345")
        admin.fill("input[name=city]", "Musterstadt")
        admin.fill("input[name=email]", "neu@example.org")
        admin.select_option("select[name=consent]", "email")
        admin.fill("input[name=consent_source]", "Antrag am Schalter")
        admin.click("button:has-text('Speichern')")
        admin.wait_for_url(f"{url}/admin/empfaenger?done=*")
        assert admin.locator("table.recipients tbody tr").count() == 5
        assert "Antrag am Schalter" in admin.locator("table.recipients").inner_text()
        browser.close()
    saved = store.get_recipient(db, "neu-1")
    assert saved is not None and saved.author == "adam" and saved.data["consents"][0]["channel"] == "email"
    with db.session() as session:
        from sqlalchemy import select

        from mailroom.store.tables import OutgoingEvent

        views = session.scalars(select(OutgoingEvent).where(OutgoingEvent.kind == "viewed")).all()
        assert {(v.user, v.detail.get("page")) for v in views} >= {("rita", "postausgang"), ("rita", "dokument"),
                                                                   ("adam", "empfaenger")}  # fmt: skip
    assert dt.date(2026, 12, 8) == docs["bescheid-post"].notice_date
