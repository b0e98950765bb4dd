"""HTTP-level tests of the review app: FastAPI's TestClient over a real database."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient
from sqlalchemy import delete, select, update
from sqlalchemy.exc import DBAPIError
from test_review_data import ITEMS, PASSWORD, make_settings, seed

from mailroom.classify.bundle import load_model
from mailroom.classify.predict import classify_item, prediction_dict
from mailroom.dataset import read_dataset
from mailroom.item_state import ItemPrediction
from mailroom.review.app import create_app
from mailroom.review.auth import authenticate
from mailroom.review.commands import feedback, users
from mailroom.review.queue import decide
from mailroom.store.items import flags_of, set_flags
from mailroom.store.tables import Item, ReviewDecision

PUBLIC = {"/login", "/healthz", "/static"}
SHIPPED = Path(__file__).parents[1] / "models" / "default"


@pytest.fixture
def setup(tmp_path: Path):
    settings = make_settings(tmp_path / "home")
    db = seed(settings)
    return settings, db, TestClient(create_app(settings, db))


def csrf_of(response) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', response.text).group(1)


def login(client: TestClient, name: str, password: str = PASSWORD):
    token = csrf_of(client.get("/login"))
    return client.post(
        "/login", data={"name": name, "password": password, "csrf": token}, follow_redirects=False
    )


def logged_in(client: TestClient, name: str) -> str:
    """Log in and return the session's CSRF token."""
    assert login(client, name).status_code == 303
    return csrf_of(client.get("/"))


def concrete(path: str) -> str:
    path = path.replace("{item_id}", "item-a").replace("{number}", "1").replace("{source_id}", "1")
    return (
        path.replace("{document_id}", "out-1")
        .replace("{recipient_id}", "r-1")
        .replace("{office}", "steueramt")
    )


def all_routes(routes) -> list:
    """The routes of the app, with those of included routers."""
    found = []
    for route in routes:
        router = getattr(route, "original_router", None)
        found += all_routes(router.routes) if router is not None else [route]
    return found


def protected_routes(client: TestClient) -> list[tuple[str, str]]:
    routes = []
    for route in all_routes(client.app.routes):
        if any(route.path.startswith(p) for p in PUBLIC):
            continue
        routes += [(method, concrete(route.path)) for method in sorted(getattr(route, "methods", None) or [])]
    return routes


def state_of(db, item_id: str) -> str:
    with db.session() as session:
        return session.get_one(Item, item_id).state


def test_without_a_session_everything_but_login_static_and_healthz_is_refused(setup) -> None:
    _, db, client = setup
    routes = protected_routes(client)
    assert {("GET", "/"), ("GET", "/admin"), ("GET", "/metrics"), ("POST", "/items/item-a/decide"),
            ("GET", "/intake"), ("POST", "/intake/1/release"), ("POST", "/intake/1/handled")} <= set(routes)  # fmt: skip
    for method, path in routes:
        response = client.request(
            method, path, data={"csrf": "x", "action": "decide"}, follow_redirects=False
        )
        if method == "GET":
            assert (response.status_code, response.headers["location"]) == (303, f"/login?next={path}"), path
        else:
            assert response.status_code in (401, 403), path
    assert state_of(db, "item-a") == "in_review"
    assert client.get("/healthz").json() == {"status": "ok"}
    assert client.get("/static/review.css").status_code == 200
    assert client.get("/login").status_code == 200


def test_login_queue_and_logout(setup) -> None:
    _, _, client = setup
    assert login(client, "rita", "wrong password").status_code == 401
    assert login(client, "nobody").status_code == 401
    token = logged_in(client, "rita")
    page = client.get("/").text
    assert page.index("item-b") < page.index("item-a") < page.index("item-c")  # by deadline, then age
    assert "item-auto" not in page
    filtered = client.get("/", params={"route": "ordnungsamt"}).text
    assert "item-c" in filtered and "item-a" not in filtered.split("<table")[-1]
    assert client.post("/logout", data={"csrf": token}, follow_redirects=False).status_code == 303
    assert client.get("/", follow_redirects=False).status_code == 303


def test_login_redirects_only_within_the_app(setup) -> None:
    _, _, client = setup
    token = csrf_of(client.get("/login"))
    data = {"name": "rita", "password": PASSWORD, "csrf": token, "next": "//evil.example/"}
    assert client.post("/login", data=data, follow_redirects=False).headers["location"] == "/"


def test_forms_without_a_valid_csrf_token_are_refused(setup) -> None:
    _, db, client = setup
    assert client.post("/login", data={"name": "rita", "password": PASSWORD}).status_code == 403
    token = logged_in(client, "adam")
    for path in ("/items/item-a/decide", "/admin/dead-letters/item-a/retry", "/logout"):
        assert client.post(path, data={"action": "decide"}).status_code == 403, path
        assert client.post(path, data={"action": "decide", "csrf": token + "x"}).status_code == 403, path
    assert state_of(db, "item-a") == "in_review"
    assert client.get("/").status_code == 200  # still logged in


def test_a_reviewer_cannot_reach_admin_pages(setup) -> None:
    _, _, client = setup
    token = logged_in(client, "rita")
    assert client.get("/admin").status_code == 403
    assert client.get("/metrics").status_code == 403
    assert client.post("/admin/dead-letters/item-a/retry", data={"csrf": token}).status_code == 403
    assert 'href="/admin"' not in client.get("/").text


def test_wrong_passwords_are_rate_limited(setup) -> None:
    settings, _, client = setup
    for _ in range(settings.review.login_max_failures):
        assert login(client, "rita", "wrong password").status_code == 401
    response = login(client, "rita")  # the right password, too late
    assert response.status_code == 429
    assert "Zu viele falsche Passwörter" in response.text


def test_item_page_shows_pages_text_prediction_metadata(setup) -> None:
    _, _, client = setup
    logged_in(client, "rita")
    page = client.get("/items/item-a").text
    assert '<img src="/items/item-a/pages/1.png"' in page
    assert "<mark>BA-2024-17</mark>" in page  # the reference found is highlighted
    assert "Erika Mustermann" in page and "01.03.2030" in page  # the deadline, as people write it
    assert "61\xa0%" in page and "55\xa0%" in page  # top-3 probabilities
    image = client.get("/items/item-a/pages/1.png")
    assert image.status_code == 200 and image.content.startswith(b"\x89PNG")
    assert client.get("/items/item-a/document.pdf").content.startswith(b"%PDF")
    assert client.get("/items/nope").status_code == 404


@pytest.mark.skipif(not (SHIPPED / "meta.json").is_file(), reason="no shipped model")
def test_item_page_shows_what_pushed_the_model(setup, taxonomy) -> None:
    _, db, client = setup
    prediction = classify_item(ITEMS[1][4], load_model(SHIPPED))  # item-b's text
    stored = prediction_dict(prediction)
    stored.pop("metadata")
    with db.session() as session:  # as the pipeline stores a prediction (flow/items.py)
        row = session.get(Item, "item-b")
        set_flags(row, flags_of(row).with_(prediction=ItemPrediction.model_validate(stored)))
    logged_in(client, "rita")
    page = client.get("/items/item-b").text
    block = page[page.index('id="evidence"') :]
    block = " ".join(block[: block.index("</div>")].split())
    chosen, runner_up = prediction.evidence[0], prediction.evidence[1]
    assert f"spricht für {taxonomy.name('doc_type', chosen.label)}:" in block
    assert f"; für {taxonomy.name('doc_type', runner_up.label)}:" in block
    assert all(f"<mark>{term}</mark>" in block for term in chosen.terms)
    assert all(f"<i>{term}</i>" in block for term in runner_up.terms)
    ocr = page[page.index('<section class="card text">') :]
    marked = [m.lower() for m in re.findall(r"<mark>(.*?)</mark>", ocr)]
    assert any(chosen.terms[0] in m for m in marked)  # the strongest term is marked in the text


def test_decisions_write_the_audit_trail_and_history(setup) -> None:
    _, db, client = setup
    token = logged_in(client, "rita")
    confirm = client.post(
        "/items/item-b/decide", data={"csrf": token, "action": "decide"}, follow_redirects=False
    )
    assert (confirm.status_code, confirm.headers["location"]) == (303, "/items/item-a")
    correct = {"csrf": token, "action": "decide", "doc_type": "beschwerde", "route": "umweltamt"}
    assert client.post("/items/item-a/decide", data=correct, follow_redirects=False).status_code == 303
    unreadable = {"csrf": token, "action": "unreadable"}
    assert (
        client.post("/items/item-c/decide", data=unreadable, follow_redirects=False).headers["location"]
        == "/"
    )
    assert client.post("/items/item-c/decide", data=unreadable).status_code == 409  # decided already
    bad = {"csrf": token, "doc_type": "nonsense"}
    assert client.post("/items/item-auto/decide", data=bad).status_code == 409
    with db.session() as session:
        rows = session.scalars(select(ReviewDecision).order_by(ReviewDecision.id)).all()
        assert [(r.item_id, r.user, r.action) for r in rows] == [
            ("item-b", "rita", "confirm"), ("item-a", "rita", "correct"), ("item-c", "rita", "unreadable")
        ]  # fmt: skip
        assert rows[1].before["route"] == "buergeramt" and rows[1].after == {
            "state": "approved", "doc_type": "beschwerde", "route": "umweltamt"
        }  # fmt: skip
        assert session.get_one(Item, "item-c").state == "failed"
    history = client.get("/items/item-a").text.split("Verlauf")[-1]
    assert (
        "korrigiert" in history
        and "rita" in history
        and "Umweltamt" in history
        and "klassifiziert" in history
    )


def test_unknown_labels_are_refused(setup) -> None:
    _, db, client = setup
    token = logged_in(client, "rita")
    response = client.post("/items/item-a/decide", data={"csrf": token, "doc_type": "nonsense"})
    assert response.status_code == 400
    assert state_of(db, "item-a") == "in_review"


def test_admin_page_metrics_and_dead_letter_retry(setup, taxonomy) -> None:
    _, db, client = setup
    decide(db, taxonomy, "item-a", "rita", "antrag", "sozialamt")
    decide(db, taxonomy, "item-b", "rita", "widerspruch", "steueramt")
    with db.session() as session:
        session.get_one(Item, "item-auto").state = "dead_letter"
    token = logged_in(client, "adam")
    page = client.get("/admin").text
    assert "Korrekturen je Amt" in page and "item-auto" in page
    assert "Bürgeramt / Meldebehörde" in page and "100\xa0%" in page  # buergeramt: 1 of 1 changed
    metrics = client.get("/metrics")
    assert metrics.headers["content-type"].startswith("text/plain")
    assert 'mailroom_items{state="in_review"} 1' in metrics.text
    assert 'mailroom_review_corrections_total{route="buergeramt"} 1' in metrics.text
    assert "mailroom_dead_letters 1" in metrics.text
    retry = client.post("/admin/dead-letters/item-auto/retry", data={"csrf": token}, follow_redirects=False)
    assert retry.status_code == 303
    assert state_of(db, "item-auto") == "approved"


def test_audit_trail_is_append_only(tmp_path: Path, database_url: str, taxonomy) -> None:
    db = seed(make_settings(tmp_path / "home", database_url))
    decide(db, taxonomy, "item-a", "rita", "antrag", "buergeramt")
    for statement in (update(ReviewDecision).values(user="mallory"), delete(ReviewDecision)):
        with pytest.raises(DBAPIError, match="append-only"), db.session() as session:
            session.execute(statement)
    with db.session() as session:
        assert session.scalars(select(ReviewDecision.user)).all() == ["rita"]
    db.dispose()


def test_users_commands(tmp_path: Path) -> None:
    settings = make_settings(tmp_path / "home")
    db = seed(settings)
    obj = type("Obj", (), {"settings": settings})()
    runner = CliRunner()
    added = runner.invoke(users, ["add", "bert", "--role", "admin"], obj=obj, input="a long password\n" * 2)
    assert added.exit_code == 0, added.output
    assert authenticate(db, "bert", "a long password").role == "admin"
    changed = runner.invoke(users, ["passwd", "bert", "--password", "another long one"], obj=obj)
    assert changed.exit_code == 0, changed.output
    assert authenticate(db, "bert", "a long password") is None
    assert authenticate(db, "bert", "another long one") is not None
    assert runner.invoke(users, ["add", "bert", "--password", "whatever123"], obj=obj).exit_code != 0
    assert (
        runner.invoke(users, ["add", "x", "--role", "boss", "--password", "whatever123"], obj=obj).exit_code
        != 0
    )


def test_feedback_export_is_a_labelled_set(tmp_path: Path, taxonomy) -> None:
    settings = make_settings(tmp_path / "home")
    db = seed(settings)
    decide(db, taxonomy, "item-a", "rita", "beschwerde", "umweltamt")
    decide(db, taxonomy, "item-b", "rita", "widerspruch", "steueramt")
    decide(db, taxonomy, "item-c", "rita", unreadable=True)
    out = tmp_path / "feedback"
    result = CliRunner().invoke(
        feedback, ["export", "--out", str(out)], obj=type("Obj", (), {"settings": settings})()
    )
    assert result.exit_code == 0, result.output
    labelled = read_dataset(out, taxonomy)
    rows = {item.path: (item.doc_type, item.route) for item in labelled.items}
    assert rows == {
        "items/item-a.pdf": ("beschwerde", "umweltamt"),
        "items/item-b.pdf": ("widerspruch", "steueramt"),
    }
    assert (out / "items" / "item-a.pdf").read_bytes().startswith(b"%PDF")
    assert "Anmeldung" in (out / "labels.csv").read_text(encoding="utf-8")


def test_a_scraper_with_the_metrics_token_reads_metrics_and_nothing_else(tmp_path: Path) -> None:
    settings = make_settings(tmp_path / "home")
    settings = settings.model_copy(
        update={"review": settings.review.model_copy(update={"metrics_token": "s3cret-t0ken"})}
    )
    client = TestClient(create_app(settings, seed(settings)))
    scraper = {"Authorization": "Bearer s3cret-t0ken"}
    for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": "s3cret-t0ken"}):
        refused = client.get("/metrics", headers=headers, follow_redirects=False)
        assert refused.status_code in (401, 303) and "mailroom_items" not in refused.text, headers
    metrics = client.get("/metrics", headers=scraper)
    assert metrics.status_code == 200 and 'mailroom_items{state="in_review"} 3' in metrics.text
    assert client.get("/admin", headers=scraper, follow_redirects=False).status_code in (401, 303)
    assert client.get("/", headers=scraper, follow_redirects=False).status_code in (401, 303)
