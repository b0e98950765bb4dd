"""Protected mail and the read audit: the visibility rule (mailroom/review/access.py), its
SQL filter against the rule, the web app answering 404 to users not cleared, the read
audit, and the `mailroom users` / `mailroom reads` commands."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient
from PIL import Image
from sqlalchemy import delete, select, update
from sqlalchemy.exc import DBAPIError
from test_review_data import PASSWORD, _item, _page, make_settings, seed

from mailroom.errors import BadInput
from mailroom.review.access import (
    Clearance,
    categories_in,
    refresh,
    visible,
    visible_filter,
    visible_findings,
)
from mailroom.review.app import create_app
from mailroom.review.auth import add_user, authenticate
from mailroom.review.commands import reads, users
from mailroom.review.queue import review_queue
from mailroom.review.regroup import split_item
from mailroom.store.access import Findings, passing
from mailroom.store.search import index_item
from mailroom.store.tables import Item, ReadAudit, SourceFile

PROTECTED = frozenset({"sozialamt", "jugendamt", "steueramt", "personalamt"})
# id, route, top-3 routes, text
EXTRA = [
    ("item-soz", "sozialamt", ["sozialamt", "buergeramt", "ordnungsamt"], "Antrag auf Hilfe zum Lebensunterhalt"),
    ("item-open", "buergeramt", ["buergeramt", "ordnungsamt", "umweltamt"], "Anmeldung einer Wohnung\nSeite 2"),
    ("item-health", "ordnungsamt", ["ordnungsamt", "buergeramt", "umweltamt"], "Anbei das ärztliche Attest."),
]  # fmt: skip


def clearance(*routes: str, admin: bool = False) -> Clearance:
    return Clearance("someone", admin, frozenset(routes), PROTECTED)


# --- the rule, pure --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, found",
    [
        ("Anbei übersende ich das ärztliche Attest meines Sohnes.", {"gesundheit"}),
        ("Diagnose: Diabetes mellitus Typ 2", {"gesundheit"}),
        ("Antrag auf Feststellung einer Schwerbehinderung", {"gesundheit"}),
        ("seit der Einstufung in Pflegegrad 3", {"gesundheit"}),
        ("wegen seiner Krankheit konnte er nicht kommen", {"gesundheit"}),
        ("Herrn Max Muster\nPersönlich/Vertraulich\nRathausplatz 1", {"vertraulich"}),
        ("VERTRAULICH\nBewerbung als Sachbearbeiter", {"vertraulich"}),
        ("persönlich und vertraulich: Attest anbei", {"gesundheit", "vertraulich"}),
        ("Ich bitte um einen persönlichen Termin zur Anmeldung meiner Wohnung.", set()),
        ("Widerspruch gegen den Hundesteuerbescheid vom 3. Mai", set()),
        ("Die Straßenbeleuchtung in der Parkstraße ist defekt.", set()),
    ],
)
def test_special_categories_are_found_in_the_text(text: str, found: set[str]) -> None:
    assert categories_in(text) == found


def test_an_item_is_visible_only_with_clearance_for_every_need() -> None:
    top3_protected = Findings(frozenset({"buergeramt", "jugendamt", "ordnungsamt"}))
    assert not visible(top3_protected, clearance())  # a protected route only among the top-3
    assert not visible(top3_protected, clearance("sozialamt"))
    assert visible(top3_protected, clearance("jugendamt"))
    assert visible(top3_protected, clearance(admin=True))
    health = Findings(frozenset({"sozialamt"}), frozenset({"gesundheit"}))
    assert not visible(health, clearance("sozialamt"))  # health data needs its own clearance
    assert visible(health, clearance("sozialamt", "gesundheit"))
    marked = Findings(frozenset({"buergeramt"}), frozenset({"vertraulich"}))
    assert not visible(marked, clearance("sozialamt", "gesundheit"))
    assert visible(marked, clearance("vertraulich"))
    assert visible(Findings(frozenset({"buergeramt", "umweltamt"})), clearance())  # nothing protected


# --- the rule over a real database --------------------------------------------------------------


def add_items(settings, db) -> None:
    """The seed's items plus a Sozialamt letter, an open one and one with health data."""
    now = dt.datetime.now(dt.UTC)
    with db.session() as session:
        source_id = session.scalars(select(SourceFile.id)).first()
        for position, (item_id, route, routes, text) in enumerate(EXTRA, 20):
            row = _item(settings, source_id, position, item_id, "antrag", route, None, now)
            prediction = dict(
                row.flags["prediction"],
                route={"top3": [[r, p] for r, p in zip(routes, (0.6, 0.3, 0.1), strict=True)]},
            )
            row.flags = {**row.flags, "prediction": prediction}
            session.add(row)
            session.flush()
            session.add(_page(settings, item_id, text))
            session.flush()
            index_item(session, item_id)  # as the pipeline does once it has the text


@pytest.fixture
def db_with_items(tmp_path: Path):
    settings = make_settings(tmp_path / "home")
    db = seed(settings)
    add_items(settings, db)
    return settings, db


def queue_ids(db, who: Clearance) -> list[str]:
    refresh(db)
    return [e.id for e in review_queue(db, where=visible_filter(who))]


def test_the_sql_filter_agrees_with_the_rule(tmp_path: Path, database_url: str) -> None:
    settings = make_settings(tmp_path / "home", database_url)
    db = seed(settings)
    add_items(settings, db)
    everyone = ["item-a", "item-b", "item-c", "item-auto", *(row[0] for row in EXTRA)]
    assert refresh(db) >= len(everyone)
    assert refresh(db) == 0  # nothing changed since
    for who in (clearance(), clearance("sozialamt"), clearance("sozialamt", "steueramt", "gesundheit"),
                clearance("gesundheit"), clearance(admin=True)):  # fmt: skip
        by_rule = {
            i for i in everyone if (found := visible_findings(db, who, i)) is not None and visible(found, who)
        }
        assert passing(db, everyone, visible_filter(who)) == by_rule, who
    assert queue_ids(db, clearance()) == [
        "item-open"
    ]  # the seed's items all have the Sozialamt in their top-3
    assert set(queue_ids(db, clearance("sozialamt"))) == {"item-a", "item-c", "item-soz", "item-open"}
    assert "item-health" in queue_ids(db, clearance("gesundheit"))
    db.dispose()


def test_a_changed_item_is_looked_at_again_and_hidden_until_then(db_with_items) -> None:
    _, db = db_with_items
    assert queue_ids(db, clearance()) == ["item-open"]
    with db.session() as session:
        session.get_one(Item, "item-open").route = "jugendamt"  # e.g. a reviewer's correction
    assert passing(db, ["item-open"], visible_filter(clearance())) == set()  # stale: fails closed
    assert passing(db, ["item-open"], visible_filter(clearance(admin=True))) == {"item-open"}
    assert queue_ids(db, clearance()) == []
    assert queue_ids(db, clearance("jugendamt")) == ["item-open"]


def test_a_part_split_off_a_protected_item_stays_protected(db_with_items) -> None:
    settings, db = db_with_items
    with db.session() as session:  # a second page for item-soz, with no telling words
        page = _page(settings, "item-soz", "Mit freundlichen Grüßen")
        page.number, page.source_page = 2, 1
        session.add(page)
        session.get_one(Item, "item-soz").page_count = 2
    blank = Image.new("L", (60, 84), 255)
    blank.save(settings.path("archive", "item-soz.pdf"), "PDF", save_all=True, append_images=[blank])
    new_id = split_item(db, settings.home, "item-soz", "sofia", 1)
    assert visible_findings(db, clearance(), new_id) is None  # no prediction of its own, yet protected
    assert visible_findings(db, clearance("sozialamt"), new_id) is not None


# --- the web app ------------------------------------------------------------------------------


@pytest.fixture
def app(db_with_items):
    settings, db = db_with_items
    add_user(db, "nora", "reviewer", PASSWORD)
    add_user(db, "sofia", "reviewer", PASSWORD, frozenset({"sozialamt"}))
    return settings, db, TestClient(create_app(settings, db), client=("10.1.2.3", 5000))


def csrf_of(text: str) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', text).group(1)


def log_in(client: TestClient, name: str) -> str:
    token = csrf_of(client.get("/login").text)
    client.post("/login", data={"name": name, "password": PASSWORD, "csrf": token})
    return csrf_of(client.get("/").text)


def test_a_user_not_cleared_gets_404_everywhere_and_no_hint(app) -> None:
    _, db, client = app
    token = log_in(client, "nora")
    queue = client.get("/").text
    assert "item-open" in queue and "item-soz" not in queue
    assert "Sozialamt" not in queue.split('<form class="filters"')[0]  # no count of the route either
    missing = client.get("/items/no-such-item")
    for path in ("/items/item-soz", "/items/item-soz/document.pdf", "/items/item-soz/pages/1.png"):
        response = client.get(path)
        assert response.status_code == 404, path
    assert client.get("/items/item-soz").text == missing.text.replace("no-such-item", "item-soz")
    decided = client.post("/items/item-soz/decide", data={"csrf": token, "action": "decide"})
    assert decided.status_code == 404
    assert client.post("/items/item-health/split", data={"csrf": token, "after_page": "1"}).status_code == 404
    assert "item-soz" not in client.get("/intake").text
    merged = client.post("/items/item-open/merge", data={"csrf": token})  # its next item has health data
    assert merged.status_code == 400 and "es gibt keinen" in merged.text
    with db.session() as session:
        assert session.get_one(Item, "item-soz").state == "in_review"
        assert session.get_one(Item, "item-health").state == "in_review"
        assert session.scalars(select(ReadAudit.item_id)).all() == []  # nothing was shown


def test_a_cleared_user_sees_the_item_why_it_is_protected_and_is_recorded(app) -> None:
    _, db, client = app
    log_in(client, "sofia")
    rows = {row.split('">')[0]: row for row in client.get("/").text.split('<a href="/items/')[1:]}
    assert "geschützt" in rows["item-soz"].split("</tr>")[0]
    assert "geschützt" not in rows["item-open"].split("</tr>")[0]
    page = client.get("/items/item-soz").text
    assert "Geschützte Post" in page and "§ 35 SGB I (Sozialgeheimnis)" in page
    assert client.get("/items/item-soz/document.pdf").content.startswith(b"%PDF")
    assert client.get("/items/item-soz/pages/1.png").status_code == 200
    assert client.get("/items/item-health").status_code == 404  # health data: not cleared for it
    with db.session() as session:
        rows = session.execute(select(ReadAudit.user, ReadAudit.item_id, ReadAudit.what, ReadAudit.page,
                                      ReadAudit.address).order_by(ReadAudit.id)).all()  # fmt: skip
    assert [tuple(r) for r in rows] == [
        ("sofia", "item-soz", "item", None, "10.1.2.3"),
        ("sofia", "item-soz", "pdf", None, "10.1.2.3"),
        ("sofia", "item-soz", "image", 1, "10.1.2.3"),
    ]
    for statement in (update(ReadAudit).values(user="mallory"), delete(ReadAudit)):
        with pytest.raises(DBAPIError, match="append-only"), db.session() as session:
            session.execute(statement)


def test_admins_see_everything_and_the_read_audit_by_item_and_user(app) -> None:
    _, _, client = app
    log_in(client, "sofia")
    client.get("/items/item-soz")
    client.get("/items/item-open")
    client.cookies.clear()
    log_in(client, "adam")
    assert client.get("/items/item-health").status_code == 200
    audit = client.get("/admin/reads").text
    assert "Lesezugriffe" in audit and "sofia" in audit and "item-open" in audit
    by_item = client.get("/admin/reads", params={"item": "item-soz"}).text.split("<tbody>")[1]
    assert "item-soz" in by_item and "item-open" not in by_item and "Vorgangsseite" in by_item
    by_user = client.get("/admin/reads", params={"reader": "adam"}).text.split("<tbody>")[1]
    assert "item-health" in by_user and "sofia" not in by_user
    client.cookies.clear()
    log_in(client, "nora")
    assert client.get("/admin/reads").status_code == 403


# --- the commands ------------------------------------------------------------------------------


def test_users_and_reads_commands(db_with_items) -> None:
    settings, db = db_with_items
    obj = type("Obj", (), {"settings": settings})()
    run = CliRunner().invoke
    added = run(
        users, ["add", "erika", "--routes", "sozialamt,jugendamt", "--password", "a long password"], obj=obj
    )
    assert added.exit_code == 0, added.output
    assert authenticate(db, "erika", "a long password").routes == {"sozialamt", "jugendamt"}
    assert run(users, ["routes", "erika", "steueramt", "gesundheit"], obj=obj).exit_code == 0
    assert authenticate(db, "erika", "a long password").routes == {"steueramt", "gesundheit"}
    bad = run(users, ["routes", "erika", "buergeramt"], obj=obj)
    assert bad.exit_code != 0 and isinstance(bad.exception, BadInput) and "buergeramt" in str(bad.exception)
    assert run(users, ["routes", "nobody", "sozialamt"], obj=obj).exit_code != 0
    assert run(users, ["routes", "erika"], obj=obj).exit_code == 2  # neither routes nor --none
    assert run(users, ["routes", "erika", "--none"], obj=obj).exit_code == 0
    assert authenticate(db, "erika", "a long password").routes == frozenset()
    listed = run(users, ["list"], obj=obj)
    assert re.search(r"rita\s+reviewer\s+sozialamt,steueramt", listed.output)
    assert re.search(r"adam\s+admin\s+everything", listed.output) and "§ 30 AO" in listed.output
    client = TestClient(create_app(settings, db))
    log_in(client, "rita")
    client.get("/items/item-a")
    shown = run(reads, ["--user", "rita"], obj=obj)
    assert (
        shown.exit_code == 0
        and re.search(r"rita\s+item-a\s+item", shown.output)
        and "1 of 1 reads" in shown.output
    )
    assert "0 of 0 reads" in run(reads, ["--item", "item-b"], obj=obj).output
