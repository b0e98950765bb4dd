"""Hardening of the review app (issue 11): server-side sessions that logout and a password
change end, a login throttle checked before the password hash, `Secure` cookies over TLS,
security headers on errors, and a health check that keeps database internals to itself."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest
import uvicorn
from click.testing import CliRunner
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import create_engine
from test_review_app import csrf_of, login
from test_review_data import PASSWORD, make_settings, seed

from mailroom.cli import cli
from mailroom.review.app import SECURITY_HEADERS, create_app
from mailroom.review.auth import LoginThrottle
from mailroom.settings import Settings
from mailroom.store.db import Database

COOKIE = "mailroom_session"


def review_settings(settings: Settings, **review) -> Settings:
    return settings.model_copy(update={"review": settings.review.model_copy(update=review)})


@contextmanager
def running(app: FastAPI) -> Iterator[str]:
    """`app` served by a real uvicorn on a free local port, as `mailroom serve` runs it; yields
    its base URL."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=port, proxy_headers=False, log_level="critical")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)


def logged_in_cookie(client: TestClient, name: str = "rita") -> str:
    assert login(client, name).status_code == 303
    return client.cookies[COOKIE]


def replay(app: FastAPI, cookie: str) -> int:
    """Status of the queue page for a fresh browser that only has `cookie`."""
    return TestClient(app, cookies={COOKIE: cookie}).get("/", follow_redirects=False).status_code


def test_a_cookie_saved_before_logout_is_refused_after_it(tmp_path: Path, database_url: str) -> None:
    settings = make_settings(tmp_path / "home", database_url)
    db = seed(settings)
    app = create_app(settings, db)
    client = TestClient(app)
    saved = logged_in_cookie(client)
    assert replay(app, saved) == 200
    assert (
        client.post("/logout", data={"csrf": csrf_of(client.get("/"))}, follow_redirects=False).status_code
        == 303
    )
    assert replay(app, saved) == 303  # to the login form
    assert TestClient(app, cookies={COOKIE: saved}).post("/logout", data={"csrf": "x"}).status_code == 403
    db.dispose()


def test_users_passwd_ends_the_sessions_of_that_user_only(tmp_path: Path, database_url: str) -> None:
    settings = make_settings(tmp_path / "home", database_url)
    db = seed(settings)
    app = create_app(settings, db)
    rita, adam = logged_in_cookie(TestClient(app), "rita"), logged_in_cookie(TestClient(app), "adam")
    env = {"MAILROOM_HOME": str(settings.home), "MAILROOM_DATABASE_URL": settings.database}
    changed = CliRunner().invoke(
        cli, ["users", "passwd", "rita", "--password", "a brand new secret"], env=env
    )
    assert changed.exit_code == 0, changed.output
    assert replay(app, rita) == 303
    assert replay(app, adam) == 200
    client = TestClient(app)
    assert login(client, "rita", PASSWORD).status_code == 401
    assert login(client, "rita", "a brand new secret").status_code == 303
    db.dispose()


def test_sessions_expire_and_expired_rows_are_purged(tmp_path: Path, database_url: str) -> None:
    settings = review_settings(make_settings(tmp_path / "home", database_url), session_max_age_seconds=1)
    db = seed(settings)
    app = create_app(settings, db)
    old = [logged_in_cookie(TestClient(app)) for _ in range(3)]
    time.sleep(1.5)
    assert [replay(app, cookie) for cookie in old] == [303, 303, 303]
    fresh = logged_in_cookie(TestClient(app))  # a login purges the expired rows
    with db.engine.connect() as connection:
        assert connection.exec_driver_sql("SELECT count(*) FROM review_sessions").scalar() == 1
    assert replay(app, fresh) == 200
    db.dispose()


def test_concurrent_wrong_passwords_are_checked_at_most_up_to_the_limit(
    tmp_path: Path, database_url: str
) -> None:
    settings = make_settings(tmp_path / "home", database_url)
    db = seed(settings)
    limit = settings.review.login_max_failures
    attempts = 12
    ready = threading.Barrier(attempts)
    statuses: list[int] = []

    def attempt(url: str) -> None:
        with httpx.Client(base_url=url) as client:
            token = csrf_of(client.get("/login"))
            ready.wait()
            form = {"name": "rita", "password": "wrong password", "csrf": token}
            statuses.append(client.post("/login", data=form).status_code)

    with running(create_app(settings, db)) as url:
        threads = [threading.Thread(target=attempt, args=(url,)) for _ in range(attempts)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(60)
    # 401 is answered only after the hash was verified; 429 before it
    assert sorted(statuses) == [401] * limit + [429] * (attempts - limit)
    db.dispose()


def test_the_throttle_forgets_the_least_recent_keys_beyond_its_bound() -> None:
    throttle = LoginThrottle(max_failures=3, window_seconds=300)
    for number in range(3 * throttle.max_keys):
        throttle.admit(f"user:u{number}", "addr:10.0.0.1" if number % 2 else f"addr:10.1.{number}")
    assert len(throttle) <= throttle.max_keys
    assert not throttle.admit("user:new", "addr:10.0.0.1")  # the busy address is still remembered


def test_a_right_password_does_not_use_up_the_address(tmp_path: Path) -> None:
    settings = make_settings(tmp_path / "home")
    db = seed(settings)
    app = create_app(settings, db)
    for _ in range(2 * settings.review.login_max_failures):
        assert login(TestClient(app), "rita").status_code == 303
    db.dispose()


def test_the_cookie_is_secure_over_tls_and_behind_a_trusted_proxy(tmp_path: Path) -> None:
    settings = make_settings(tmp_path / "home")
    db = seed(settings)
    tls = {"X-Forwarded-Proto": "https"}

    def cookie_flags(url: str, headers: dict[str, str]) -> list[str]:
        """The flags of the cookie a login sets (sent back by hand: a client keeps a Secure
        cookie from a plain-http address to itself)."""
        form = httpx.get(f"{url}/login", headers=headers)
        cookie = {"Cookie": f"{COOKIE}={form.cookies[COOKIE]}"}
        data = {"name": "rita", "password": PASSWORD, "csrf": csrf_of(form)}
        answer = httpx.post(f"{url}/login", data=data, headers=headers | cookie)
        assert answer.status_code == 303
        return [part.strip().lower() for part in answer.headers["set-cookie"].split(";")]

    with running(create_app(settings, db)) as url:
        assert "secure" not in cookie_flags(url, tls)  # nobody said to believe the header
    with running(create_app(review_settings(settings, trusted_proxies="127.0.0.1"), db)) as url:
        flags = cookie_flags(url, tls)
        assert {"secure", "httponly", "samesite=strict"} <= set(flags)
        assert "secure" not in cookie_flags(url, {})
    direct = TestClient(create_app(settings, db), base_url="https://review.example")
    assert "secure" in direct.get("/login").headers["set-cookie"].lower()
    db.dispose()


def test_a_server_error_has_the_security_headers_and_no_internals(tmp_path: Path) -> None:
    settings = make_settings(tmp_path / "home")
    db = seed(settings)
    app = create_app(settings, db)

    def broken() -> None:
        raise RuntimeError("secret internals at /srv/mailroom")

    app.add_api_route("/broken", broken)
    with running(app) as url:
        answer = httpx.get(f"{url}/broken")
    assert answer.status_code == 500
    assert "secret internals" not in answer.text
    for name, value in SECURITY_HEADERS.items():
        assert answer.headers.get(name) == value, name
    db.dispose()


@pytest.mark.parametrize(
    "url",
    [
        "postgresql+psycopg://postgres@127.0.0.1:9/test?connect_timeout=3",
        "sqlite:////nonexistent/dir/mailroom.db",
    ],
)
def test_healthz_says_database_unavailable_without_internals(tmp_path: Path, url: str) -> None:
    settings = make_settings(tmp_path / "home")
    seed(settings).dispose()
    app = create_app(settings, Database(create_engine(url)))
    answer = TestClient(app).get("/healthz")
    assert answer.status_code == 503
    assert answer.json() == {"status": "error", "error": "database unavailable"}
    for name, value in SECURITY_HEADERS.items():
        assert answer.headers.get(name) == value, name
