"""The review web app: FastAPI with server-rendered Jinja2 templates.

`create_app(settings, db)` builds it; `mailroom serve` runs it with uvicorn. Every page
but the login form, static files and `/healthz` needs a session; every form carries a
CSRF token; admin pages need the admin role; wrong passwords are throttled.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

from fastapi import Depends, FastAPI, Form, Request
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from sqlalchemy import text
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.sessions import SessionMiddleware

from mailroom.review import views
from mailroom.review.auth import LoginThrottle, authenticate, new_csrf_token, secret_key
from mailroom.review.deps import AppState, LoginRequired, app_state, highlight, render, require_csrf
from mailroom.settings import Settings
from mailroom.store.db import Database
from mailroom.taxonomy import load_taxonomy

HERE = Path(__file__).parent
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
    templates = Jinja2Templates(directory=HERE / "templates")
    templates.env.filters["highlight"] = highlight
    review = settings.review
    app.state.mailroom = AppState(
        settings, db, load_taxonomy(settings.config_file("taxonomy.yaml")), templates,
        LoginThrottle(review.login_max_failures, review.login_window_seconds),
    )  # fmt: skip
    key_file = review.secret_key_file if review.secret_key_file.is_absolute() else settings.path(str(review.secret_key_file))
    app.add_middleware(
        SessionMiddleware, secret_key=secret_key(key_file), session_cookie="mailroom_session",
        max_age=review.session_max_age_seconds, same_site="strict",
    )  # fmt: skip
    app.middleware("http")(_security_headers)
    app.add_exception_handler(LoginRequired, _login_required)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.add_api_route("/login", login_form, methods=["GET"], response_class=HTMLResponse)
    app.add_api_route("/login", login, methods=["POST"], dependencies=[Depends(require_csrf)])
    app.add_api_route("/logout", logout, methods=["POST"], dependencies=[Depends(require_csrf)])
    app.add_api_route("/healthz", healthz, methods=["GET"])
    app.include_router(views.router)
    return app


def login_form(request: Request, next: str = "/") -> HTMLResponse:
    """The login form."""
    return render(request, "login.html", next=_local(next), error="")


def login(request: Request, name: str = Form(""), password: str = Form(""), next: str = Form("/")) -> Response:
    """Check the password; on success start a fresh session and go to `next`."""
    state = app_state(request)
    keys = (f"user:{name}", f"addr:{request.client.host if request.client else '-'}")
    if state.throttle.blocked(*keys):
        error = "Too many wrong passwords. Wait a few minutes, then try again."
        return render(request, "login.html", 429, next=_local(next), error=error)
    account = authenticate(state.db, name, password)
    if account is None:
        state.throttle.fail(*keys)
        return render(request, "login.html", 401, next=_local(next), error="Wrong name or password.")
    state.throttle.succeed(keys[0])
    request.session.clear()
    request.session.update({"user": account.name, "csrf": new_csrf_token()})
    return RedirectResponse(_local(next), status_code=303)


def logout(request: Request) -> Response:
    """End the session."""
    request.session.clear()
    return RedirectResponse("/login", status_code=303)


def healthz(request: Request) -> JSONResponse:
    """200 if the database answers, else 503. Needs no session."""
    try:
        with app_state(request).db.session() as session:
            session.execute(text("SELECT 1"))
    except Exception as exc:  # any database failure means unhealthy
        return JSONResponse({"status": "error", "error": str(exc)}, status_code=503)
    return JSONResponse({"status": "ok"})


async def _security_headers(request: Request, call_next) -> Response:
    response = await call_next(request)
    for name, value in SECURITY_HEADERS.items():
        response.headers.setdefault(name, value)
    return response


def _login_required(request: Request, _exc: Exception) -> Response:
    if request.method == "GET":
        return RedirectResponse(f"/login?next={quote(request.url.path)}", status_code=303)
    return PlainTextResponse("Log in first.", status_code=401)


def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    return render(request, "error.html", exc.status_code, status=exc.status_code, message=exc.detail)


def _local(target: str) -> str:
    """Only paths of this app are followed after login, never another site."""
    return target if target.startswith("/") and not target.startswith("//") and "\\" not in target else "/"
