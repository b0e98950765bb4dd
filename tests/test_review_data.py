"""Test data for the review app (items in review inserted straight into the database),
and tests of the queue order and decisions without the web layer."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PIL import Image, ImageDraw

from mailroom.review.auth import add_user
from mailroom.review.queue import decide, highlight_terms, review_queue, top3
from mailroom.settings import Settings
from mailroom.store.db import Database, open_database
from mailroom.store.tables import Event, Item, Page, SourceFile

PASSWORD = "correct horse battery"
# id, doc_type, route, deadline, text, hours old
ITEMS = [
    ("item-a", "antrag", "buergeramt", "2030-03-01", "Antrag auf Anmeldung einer Wohnung\nAz. BA-2024-17", 5),
    ("item-b", "widerspruch", "steueramt", "2030-02-01", "Widerspruch gegen den Hundesteuerbescheid", 1),
    ("item-c", "anfrage", "ordnungsamt", None, "Anfrage zu Lärm in der Nachbarschaft", 9),
]


def make_settings(home: Path, database_url: str = "") -> Settings:
    """Settings over a fresh MAILROOM_HOME (and the given database)."""
    home.mkdir(parents=True, exist_ok=True)
    return Settings(home=home, database_url=database_url or f"sqlite:///{home / 'mailroom.db'}")


def seed(settings: Settings) -> Database:
    """A database with a reviewer (cleared for the protected routes of the items), an admin,
    three items in review and one auto-approved."""
    db = open_database(settings.database)
    add_user(
        db, "rita", "reviewer", PASSWORD, frozenset({"sozialamt", "steueramt"})
    )  # the protected routes here
    add_user(db, "adam", "admin", PASSWORD)
    now = dt.datetime.now(dt.UTC)
    with db.session() as session:
        source = SourceFile(
            sha256="0" * 64, original_name="batch.pdf", size=1, claim_path="work/batch.pdf", state="done"
        )
        session.add(source)
        session.flush()
        for position, (item_id, doc_type, route, deadline, text, hours) in enumerate(ITEMS, 1):
            session.add(
                _item(
                    settings,
                    source.id,
                    position,
                    item_id,
                    doc_type,
                    route,
                    deadline,
                    now - dt.timedelta(hours=hours),
                )
            )
            session.flush()
            session.add(_page(settings, item_id, text))
        auto = _item(settings, source.id, 9, "item-auto", "rechnung", "beschaffung", None, now)
        auto.state, auto.decision = "auto_approved", "auto"
        session.add(auto)
        session.add(
            Event(kind="classified", item_id="item-a", source_id=source.id, detail={"decision": "review"})
        )
    return db


def _item(settings: Settings, source_id: int, position: int, item_id: str, doc_type: str, route: str,
          deadline: str | None, created: dt.datetime) -> Item:  # fmt: skip
    pdf = settings.path("archive", f"{item_id}.pdf")
    pdf.parent.mkdir(parents=True, exist_ok=True)
    Image.new("L", (60, 84), 255).save(pdf, "PDF")
    prediction = {
        "doc_type": {"top3": [[doc_type, 0.61], ["anfrage", 0.2], ["beschwerde", 0.1]]},
        "route": {"top3": [[route, 0.55], ["sozialamt", 0.25], ["poststelle", 0.1]]},
        "reason": "route 0.55 < 0.80", "decided_by": "model",
    }  # fmt: skip
    metadata = (
        {"sender": "Erika Mustermann", "references": ["BA-2024-17"], "deadline": deadline} if deadline else {}
    )
    return Item(
        id=item_id, source_id=source_id, position=position, state="in_review", page_count=1,
        source_pages={"pages": [position - 1]}, pdf_path=f"archive/{item_id}.pdf", mean_confidence=91.0,
        flags={"prediction": prediction, "metadata": metadata}, doc_type=doc_type, route=route,
        confidence=0.55, decision="review", model_version="test-1", created_at=created,
    )  # fmt: skip


def _page(settings: Settings, item_id: str, text: str) -> Page:
    image = settings.path("work", item_id, "1_clean.png")
    image.parent.mkdir(parents=True, exist_ok=True)
    picture = Image.new("L", (620, 877), 255)
    draw = ImageDraw.Draw(picture)
    for number, line in enumerate(text.splitlines()):
        draw.text((60, 80 + 24 * number), line, fill=0)
    picture.save(image)
    words = [[w, 95.0, 60, 80, 40, 12, 0] for w in text.split()]
    return Page(item_id=item_id, number=1, source_page=0, rotation=0, skew=0.0, image_path=f"work/{item_id}/1_clean.png",
                text=text, words={"words": words}, mean_confidence=95.0, flags={})  # fmt: skip


def test_queue_is_sorted_by_deadline_then_age(tmp_path: Path) -> None:
    db = seed(make_settings(tmp_path))
    assert [e.id for e in review_queue(db)] == ["item-b", "item-a", "item-c"]
    assert [e.id for e in review_queue(db, route="ordnungsamt")] == ["item-c"]
    assert [e.id for e in review_queue(db, doc_type="antrag")] == ["item-a"]


def test_court_mail_comes_first_even_without_a_deadline(tmp_path: Path, database_url: str) -> None:
    settings = make_settings(tmp_path / "home", database_url)
    db = seed(settings)
    with db.session() as session:
        source_id = session.query(SourceFile.id).scalar()
        court = _item(
            settings, source_id, 5, "item-court", "gerichtspost", "rechtsamt", None, dt.datetime.now(dt.UTC)
        )
        session.add(court)
    queue = review_queue(db)
    assert [e.id for e in queue] == [
        "item-court",
        "item-b",
        "item-a",
        "item-c",
    ]  # item-b has the earliest deadline
    assert [e.court for e in queue] == [True, False, False, False]


def test_decide_confirm_correct_unreadable(tmp_path: Path, taxonomy) -> None:
    db = seed(make_settings(tmp_path))
    assert decide(db, taxonomy, "item-a", "rita", "antrag", "buergeramt") == ("confirm", "approved")
    assert decide(db, taxonomy, "item-b", "rita", "anfrage", "steueramt") == ("correct", "approved")
    assert decide(db, taxonomy, "item-c", "rita", unreadable=True) == ("unreadable", "failed")
    with db.session() as session:
        assert session.get_one(Item, "item-b").doc_type == "anfrage"
        assert session.get_one(Item, "item-c").flags["review"]["unreadable"] is True


def test_prediction_shapes_and_highlights() -> None:
    assert top3({"route": {"top3": [["a", 0.5]]}}, "route") == [("a", 0.5)]
    assert top3({"route_top3": [{"label": "b", "p": 0.4}]}, "route") == [("b", 0.4)]
    metadata = {"rules": [{"evidence": "Hundesteuer"}], "references": ["AZ-1"]}
    assert highlight_terms({"words": ["Bescheid"]}, metadata) == ["Hundesteuer", "Bescheid", "AZ-1"]
