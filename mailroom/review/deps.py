"""What every page of the review app needs: the app's state, the session token, the
logged-in user, roles, CSRF checks and template rendering."""

from __future__ import annotations

import hmac
import re
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Depends, HTTPException, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from markupsafe import Markup, escape

from mailroom.review.access import Clearance, clearance_of
from mailroom.review.auth import (
    Account,
    LoginThrottle,
    csrf_matches,
    csrf_token_for,
    new_session_token,
    session_account,
)
from mailroom.review.i18n import Language
from mailroom.settings import Settings
from mailroom.store.db import Database
from mailroom.taxonomy import Taxonomy


@dataclass
class AppState:
    """What the app is made with; kept on `app.state.mailroom`."""

    settings: Settings
    db: Database
    taxonomy: Taxonomy
    templates: Jinja2Templates
    throttle: LoginThrottle
    secret_key: str  # makes the CSRF tokens
    language: Language


class LoginRequired(Exception):
    """No valid session: pages redirect to the login form, other requests get 401."""


def app_state(request: Request) -> AppState:
    return request.app.state.mailroom


def session_token(request: Request) -> str | None:
    """The token of the session cookie. The app's cookie middleware reads it; a login, a
    logout or a first form replaces it here, and the middleware sends the new one."""
    return request.state.session_token


def set_session_token(request: Request, token: str | None) -> None:
    request.state.session_token = token


def logged_in(request: Request) -> Account | None:
    """The user of the request's session, or None without a live one."""
    token = session_token(request)
    return session_account(app_state(request).db, token) if token else None


def current_user(request: Request) -> Account:
    """The logged-in user; raises LoginRequired without a live session."""
    account = logged_in(request)
    if account is None:
        raise LoginRequired()
    return account


def clearance(request: Request, user: Annotated[Account, Depends(current_user)]) -> Clearance:
    """What the logged-in user may see (mailroom/review/access.py)."""
    return clearance_of(user, app_state(request).settings)


def client_address(request: Request) -> str:
    """The client's address (the proxy's word for it behind a trusted proxy)."""
    return request.client.host if request.client else "-"


def require_admin(request: Request, user: Annotated[Account, Depends(current_user)]) -> Account:
    """The logged-in user if an admin; 403 for reviewers."""
    if not user.is_admin:
        raise HTTPException(403, translate(request, "This page is for admins."))
    return user


def require_metrics_reader(request: Request) -> str:
    """A scraper sending the configured bearer token (review.metrics_token), or else a
    logged-in admin. Returns who reads."""
    token = app_state(request).settings.review.metrics_token
    given = request.headers.get("authorization", "")
    if token and hmac.compare_digest(given.encode(), f"Bearer {token}".encode()):
        return "metrics scraper"
    return require_admin(request, current_user(request)).name


async def require_csrf(request: Request) -> None:
    """403 unless the form carries the session's CSRF token."""
    form = await request.form()
    token = session_token(request)
    expected = csrf_token_for(app_state(request).secret_key, token) if token else None
    if not csrf_matches(expected, form.get("csrf")):  # type: ignore[arg-type]
        raise HTTPException(
            403,
            translate(
                request, "The form is outdated or forged (CSRF token missing or wrong). Reload the page."
            ),
        )


def translate(request: Request, message: str, **params: object) -> str:
    """`message` in the app's language, with `params` filled in."""
    return app_state(request).language.text(message, **params)


def csrf_token(request: Request) -> str:
    """The session's CSRF token. A visitor without a session cookie gets one first (a token
    of no login, so the login form can be checked too)."""
    token = session_token(request)
    if token is None:
        token = new_session_token()
        set_session_token(request, token)
    return csrf_token_for(app_state(request).secret_key, token)


def render(request: Request, name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    """A template with the user, CSRF token and taxonomy in its context."""
    state = app_state(request)
    context |= {
        "user": logged_in(request),
        "csrf": csrf_token(request),
        "taxonomy": state.taxonomy,
    }
    return state.templates.TemplateResponse(request, name, context, status_code=status_code)


def highlight(text: str, terms: list[str]) -> Markup:
    """`text`, HTML-escaped, with every occurrence of `terms` in <mark>."""
    if not terms:
        return escape(text)
    pattern = re.compile("(" + "|".join(re.escape(t) for t in terms) + ")", re.IGNORECASE)
    parts = pattern.split(text)
    return Markup("").join(
        Markup("<mark>{}</mark>").format(part) if index % 2 else escape(part)
        for index, part in enumerate(parts)
    )
