"""The review web app: FastAPI with server-rendered Jinja2 templates.

`create_app(settings, db)` builds it; `mailroom serve` runs it with uvicorn. Every page
but the login form, static files and `/healthz` needs a session, kept in the database (the
cookie holds only a random token); every form carries a CSRF token; admin pages need the
admin role; wrong passwords are throttled; every response has the security headers.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from pathlib import Path
from urllib.parse import quote

from fastapi import Depends, FastAPI, Form, Request
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, select_autoescape
from sqlalchemy import text
from starlette.exceptions import HTTPException as StarletteHTTPException
from uvicorn.middleware.proxy_headers import ProxyHeadersMiddleware

from mailroom.review import outgoing, search, views
from mailroom.review.access import clearable
from mailroom.review.auth import LoginThrottle, authenticate, end_session, secret_key, start_session
from mailroom.review.deps import (
    AppState,
    LoginRequired,
    app_state,
    highlight,
    render,
    require_csrf,
    session_token,
    set_session_token,
    translate,
)
from mailroom.review.i18n import Language, load_language
from mailroom.settings import Settings
from mailroom.store.db import Database

log = logging.getLogger(__name__)
HERE = Path(__file__).parent
SESSION_COOKIE = "mailroom_session"
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Cache-Control": "no-store",
}


def create_app(settings: Settings, db: Database) -> FastAPI:
    """The app over `db`. Raises BadConfig if the taxonomy cannot be read."""
    app = FastAPI(title="mailroom review", docs_url=None, redoc_url=None, openapi_url=None)
    review = settings.review
    clearable(settings)  # a protected route the taxonomy does not know is an error now, not later
    language = load_language(review.language)
    key_file = (
        review.secret_key_file
        if review.secret_key_file.is_absolute()
        else settings.path(str(review.secret_key_file))
    )
    app.state.mailroom = AppState(
        settings, db, settings.taxonomy, _templates(language),
        LoginThrottle(review.login_max_failures, review.login_window_seconds), secret_key(key_file), language,
    )  # fmt: skip
    app.middleware("http")(_session_cookie)
    app.middleware("http")(_security_headers)
    if review.trusted_proxies:  # outermost: the scheme and client address are the proxy's word
        app.add_middleware(ProxyHeadersMiddleware, trusted_hosts=review.trusted_proxies)
    app.add_exception_handler(LoginRequired, _login_required)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(Exception, _server_error)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.add_api_route("/login", login_form, methods=["GET"], response_class=HTMLResponse)
    app.add_api_route("/login", login, methods=["POST"], dependencies=[Depends(require_csrf)])
    app.add_api_route("/logout", logout, methods=["POST"], dependencies=[Depends(require_csrf)])
    app.add_api_route("/healthz", healthz, methods=["GET"])
    app.include_router(views.router)
    app.include_router(search.router)
    app.include_router(outgoing.router)
    return app


def _templates(language: Language) -> Jinja2Templates:
    """The pages in `language`: `_()` translates, filters format dates, numbers and names."""
    env = Environment(
        loader=FileSystemLoader(HERE / "templates"),
        autoescape=select_autoescape(),
        extensions=["jinja2.ext.i18n"],
    )
    env.install_gettext_translations(language.translations, newstyle=True)  # type: ignore[attr-defined]
    env.globals["lang"] = language.code
    env.filters |= {
        "highlight": highlight, "date": language.date, "datetime": language.datetime,
        "number": language.number, "percent": language.percent, "name": language.name,
    }  # fmt: skip
    return Jinja2Templates(env=env)


def login_form(request: Request, next: str = "/") -> HTMLResponse:
    """The login form."""
    return render(request, "login.html", next=_local(next), error="")


def login(
    request: Request, name: str = Form(""), password: str = Form(""), next: str = Form("/")
) -> Response:
    """Check the password, unless the throttle refuses first; on success start a fresh
    session and go to `next`."""
    state = app_state(request)
    # user names have at most 80 characters: a longer one cannot log in, nor make a big key
    name_key, address_key = f"user:{name[:80]}", f"addr:{request.client.host if request.client else '-'}"
    if not state.throttle.admit(name_key, address_key):
        error = translate(request, "Too many wrong passwords. Wait a few minutes, then try again.")
        return render(request, "login.html", 429, next=_local(next), error=error)
    account = authenticate(state.db, name, password)
    if account is None:
        return render(
            request, "login.html", 401, next=_local(next), error=translate(request, "Wrong name or password.")
        )
    state.throttle.succeed(name_key, address_key)
    max_age = state.settings.review.session_max_age_seconds
    set_session_token(request, start_session(state.db, account.name, max_age))
    return RedirectResponse(_local(next), status_code=303)


def logout(request: Request) -> Response:
    """End the session, for this browser and every copy of its cookie."""
    token = session_token(request)
    if token:
        end_session(app_state(request).db, token)
    set_session_token(request, None)
    return RedirectResponse("/login", status_code=303)


def healthz(request: Request) -> JSONResponse:
    """200 if the database answers, else 503 saying only that. Needs no session."""
    try:
        with app_state(request).db.session() as session:
            session.execute(text("SELECT 1"))
    except Exception as exc:  # any database failure means unhealthy; its details go to the log only
        log.warning("health check: database unavailable: %s", exc)
        return JSONResponse({"status": "error", "error": "database unavailable"}, status_code=503)
    return JSONResponse({"status": "ok"})


Handler = Callable[[Request], Awaitable[Response]]


async def _session_cookie(request: Request, call_next: Handler) -> Response:
    """Hands the cookie's session token to the request, and sends the token back if a
    login, a logout or a first form changed it: `Secure` when the request came over https."""
    sent = request.cookies.get(SESSION_COOKIE)
    set_session_token(request, sent)
    response = await call_next(request)
    token = session_token(request)
    if token != sent:
        secure = request.url.scheme == "https"
        if token is None:
            response.delete_cookie(SESSION_COOKIE, secure=secure, httponly=True, samesite="strict")
        else:
            max_age = app_state(request).settings.review.session_max_age_seconds
            response.set_cookie(
                SESSION_COOKIE, token, max_age, httponly=True, secure=secure, samesite="strict"
            )
    return response


async def _security_headers(request: Request, call_next: Handler) -> Response:
    response = await call_next(request)
    for name, value in SECURITY_HEADERS.items():
        response.headers.setdefault(name, value)
    return response


def _login_required(request: Request, _exc: Exception) -> Response:
    if request.method == "GET":
        return RedirectResponse(f"/login?next={quote(request.url.path)}", status_code=303)
    return PlainTextResponse(translate(request, "Log in first."), status_code=401)


def _server_error(request: Request, _exc: Exception) -> Response:
    """A 500 without internals, with the security headers: it is sent from outside the
    middlewares. The server logs the exception."""
    message = translate(request, "Internal error. It has been logged.")
    return PlainTextResponse(message, status_code=500, headers=SECURITY_HEADERS)


def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    return render(request, "error.html", exc.status_code, status=exc.status_code, message=exc.detail)


def _local(target: str) -> str:
    """Only paths of this app are followed after login, never another site."""
    return target if target.startswith("/") and not target.startswith("//") and "\\" not in target else "/"
