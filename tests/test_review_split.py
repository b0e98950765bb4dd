"""Splitting and merging items in review: pages, texts, PDFs, positions, the audit trail,
and the refusals (bad positions, no next item, no CSRF token)."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from PIL import Image
from pypdf import PdfReader
from sqlalchemy import select
from test_review_app import logged_in
from test_review_data import make_settings, seed

from mailroom.review.app import create_app
from mailroom.store.tables import Item, Page, ReviewDecision

TEXTS = ["Seite eins Antrag", "Seite zwei Anlage", "Seite drei neuer Brief"]


def write_pdf(path: Path, width: int, pages: int = 1) -> None:
    """A PDF whose page widths tell the pages apart: width, width + 1, ..."""
    path.parent.mkdir(parents=True, exist_ok=True)
    images = [Image.new("L", (width + n, 84), 255) for n in range(pages)]
    images[0].save(path, "PDF", save_all=True, append_images=images[1:], resolution=72)


def widths(path: Path) -> list[int]:
    return [round(float(page.mediabox.width)) for page in PdfReader(path).pages]


@pytest.fixture
def setup(tmp_path: Path):
    """The seeded app, with item-a made three pages long, each with its own per-page PDF
    (widths 101, 102, 103) as the pipeline writes them; item-b and item-c keep only their
    one-page item PDF (widths 200, 300)."""
    settings = make_settings(tmp_path / "home")
    db = seed(settings)
    with db.session() as session:
        item = session.get_one(Item, "item-a")
        item.page_count, item.source_pages = 3, {"pages": [0, 1, 2]}
        item.flags = {**item.flags, "pages": {"3": ["low_contrast"]}}
        first = session.scalars(select(Page).where(Page.item_id == "item-a")).one()
        first.text = TEXTS[0]
        for number in (2, 3):
            session.add(Page(item_id="item-a", number=number, source_page=number - 1, rotation=0, skew=0.0,
                             image_path=f"work/item-a/{number}_clean.png", text=TEXTS[number - 1],
                             words={"words": [["x", 90.0, 0, 0, 1, 1, 0]]}, mean_confidence=90.0, flags={}))  # fmt: skip
    for number in (1, 2, 3):
        write_pdf(settings.path("work", "item-a", f"{number}.pdf"), 100 + number)
    write_pdf(settings.path("archive", "item-a.pdf"), 101, pages=3)
    write_pdf(settings.path("archive", "item-b.pdf"), 200)
    write_pdf(settings.path("archive", "item-c.pdf"), 300)
    return settings, db, TestClient(create_app(settings, db))


def pages_of(db, item_id: str) -> list[tuple[int, str]]:
    with db.session() as session:
        rows = session.scalars(select(Page).where(Page.item_id == item_id).order_by(Page.number))
        return [(p.number, p.text) for p in rows]


def item(db, item_id: str) -> Item:
    with db.session() as session:
        row = session.get_one(Item, item_id)
        session.expunge(row)
        return row


def decisions(db) -> list[tuple[str, str]]:
    with db.session() as session:
        return [
            (r.item_id, r.action) for r in session.scalars(select(ReviewDecision).order_by(ReviewDecision.id))
        ]


def test_split_moves_the_pages_to_a_new_item_in_review(setup) -> None:
    settings, db, client = setup
    token = logged_in(client, "rita")
    assert 'id="after_page"' in client.get("/items/item-a").text
    response = client.post(
        "/items/item-a/split", data={"csrf": token, "after_page": "1"}, follow_redirects=False
    )
    assert (response.status_code, response.headers["location"]) == (303, "/items/item-a")
    old, new = item(db, "item-a"), item(db, "item-a-s1")
    assert (old.page_count, old.source_pages["pages"], old.state) == (1, [0], "in_review")
    assert (new.page_count, new.source_pages["pages"], new.state) == (2, [1, 2], "in_review")
    assert pages_of(db, "item-a") == [(1, TEXTS[0])]
    assert pages_of(db, "item-a-s1") == [(1, TEXTS[1]), (2, TEXTS[2])]
    assert (new.source_id, new.position) == (old.source_id, old.position + 1)
    assert [item(db, i).position for i in ("item-b", "item-c")] == [3, 4]  # moved up behind it
    assert (
        "prediction" not in new.flags
        and new.doc_type is None
        and new.flags["review"]["split_from"] == "item-a"
    )
    assert new.flags["pages"] == {"2": ["low_contrast"]} and old.flags["pages"] == {}
    assert widths(settings.home / old.pdf_path) == [101]
    assert widths(settings.home / new.pdf_path) == [102, 103]  # made from the per-page PDFs
    assert decisions(db) == [("item-a", "split"), ("item-a-s1", "split")]
    with db.session() as session:
        row = session.scalars(select(ReviewDecision)).first()
        assert row.user == "rita" and [p["source_pages"] for p in row.before["items"]] == [[0, 1, 2]]
        assert [(p["id"], p["source_pages"]) for p in row.after["items"]] == [
            ("item-a", [0]),
            ("item-a-s1", [1, 2]),
        ]
    history = client.get("/items/item-a").text.split("Verlauf")[-1]
    assert "getrennt" in history and "item-a-s1: 2 Seite(n)" in history
    page = client.get("/items/item-a-s1").text
    assert "kein Vorschlag" in page and TEXTS[2] in page
    # the new item must be labelled by the reviewer: no labels to confirm
    assert client.post("/items/item-a-s1/decide", data={"csrf": token, "action": "decide"}).status_code == 400
    labels = {"csrf": token, "action": "decide", "doc_type": "anfrage", "route": "ordnungsamt"}
    assert client.post("/items/item-a-s1/decide", data=labels, follow_redirects=False).status_code == 303
    assert item(db, "item-a-s1").state == "approved"


def test_merge_appends_the_next_item_and_keeps_it_as_failed(setup) -> None:
    settings, db, client = setup
    token = logged_in(client, "rita")
    response = client.post("/items/item-b/merge", data={"csrf": token}, follow_redirects=False)
    assert (response.status_code, response.headers["location"]) == (303, "/items/item-b")
    merged, gone = item(db, "item-b"), item(db, "item-c")
    assert (merged.page_count, merged.source_pages["pages"], merged.state) == (2, [1, 2], "in_review")
    assert pages_of(db, "item-b") == [(1, "Widerspruch gegen den Hundesteuerbescheid"),
                                      (2, "Anfrage zu Lärm in der Nachbarschaft")]  # fmt: skip
    assert pages_of(db, "item-c") == []
    assert (gone.state, gone.page_count, gone.flags["review"]["merged_into"]) == ("failed", 0, "item-b")
    assert widths(settings.home / merged.pdf_path) == [200, 300]  # from the item PDFs, page by page
    assert decisions(db) == [("item-b", "merge"), ("item-c", "merge")]
    assert "zusammengeführt" in client.get("/items/item-c").text.split("Verlauf")[-1]
    # the next is now item-auto (auto-approved, not dispatched); item-c, merged, is passed over
    assert client.post("/items/item-b/merge", data={"csrf": token}, follow_redirects=False).status_code == 303
    assert item(db, "item-auto").flags["review"]["merged_into"] == "item-b"
    assert item(db, "item-b").page_count == 2  # item-auto had no pages
    last = client.post("/items/item-b/merge", data={"csrf": token})
    assert last.status_code == 400 and "keinen nächsten" in last.text
    assert decisions(db)[-2:] == [("item-b", "merge"), ("item-auto", "merge")]


def test_split_then_merge_restores_the_item(setup) -> None:
    settings, db, client = setup
    token = logged_in(client, "rita")
    assert client.post("/items/item-a/split", data={"csrf": token, "after_page": "2"}).status_code == 200
    assert widths(settings.home / item(db, "item-a").pdf_path) == [101, 102]
    assert client.post("/items/item-a/merge", data={"csrf": token}).status_code == 200
    assert pages_of(db, "item-a") == list(enumerate(TEXTS, 1))
    assert widths(settings.home / item(db, "item-a").pdf_path) == [101, 102, 103]
    assert item(db, "item-a-s2").state == "failed"
    assert client.post("/items/item-a/split", data={"csrf": token, "after_page": "2"}).status_code == 200
    again = [i for i, _ in decisions(db)][-1]
    assert again.startswith("item-a-s2-") and item(db, again).page_count == 1  # a fresh id


def test_bad_splits_and_merges_are_refused(setup) -> None:
    _, db, client = setup
    token = logged_in(client, "rita")
    for after_page in ("0", "3", "-1", "two", ""):
        response = client.post("/items/item-a/split", data={"csrf": token, "after_page": after_page})
        assert response.status_code == 400, after_page
        assert "Seite" in response.text
    assert "von 1 bis 2" in client.post("/items/item-a/split", data={"csrf": token, "after_page": "3"}).text
    single = client.post("/items/item-b/split", data={"csrf": token, "after_page": "1"})
    assert single.status_code == 400 and "einzelne Seite" in single.text
    assert client.post("/items/item-auto/split", data={"csrf": token, "after_page": "1"}).status_code == 409
    assert client.post("/items/item-auto/merge", data={"csrf": token}).status_code == 409
    client.post("/items/item-b/decide", data={"csrf": token, "action": "unreadable"})
    refused = client.post("/items/item-a/merge", data={"csrf": token})
    assert (
        refused.status_code == 400 and "item-b" in refused.text and "Nur Vorgänge in Prüfung" in refused.text
    )
    for path, data in (("/items/item-a/split", {"after_page": "1"}), ("/items/item-a/merge", {})):
        assert client.post(path, data=data).status_code == 403, path
        assert client.post(path, data={**data, "csrf": token + "x"}).status_code == 403, path
    assert item(db, "item-a").page_count == 3 and item(db, "item-c").state == "in_review"
    assert decisions(db) == [("item-b", "unreadable")]


def test_split_and_merge_on_each_database(tmp_path: Path, database_url: str) -> None:
    """Positions are unique per source file: the split shifts the later items one by one."""
    settings = make_settings(tmp_path / "home", database_url)
    db = seed(settings)
    client = TestClient(create_app(settings, db))
    token = logged_in(client, "rita")
    assert client.post("/items/item-a/merge", data={"csrf": token}).status_code == 200
    assert client.post("/items/item-a/split", data={"csrf": token, "after_page": "1"}).status_code == 200
    assert [item(db, i).position for i in ("item-a", "item-a-s1", "item-b", "item-c")] == [1, 2, 3, 4]
    assert pages_of(db, "item-a-s1") == [(1, "Widerspruch gegen den Hundesteuerbescheid")]
    assert len(PdfReader(settings.home / item(db, "item-a-s1").pdf_path).pages) == 1
    db.dispose()
