"""What every page of the review app needs: the app's state, the logged-in user, roles,
CSRF checks and template rendering."""

from __future__ import annotations

import hmac
import re
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Depends, HTTPException, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from markupsafe import Markup, escape

from mailroom.review.auth import Account, LoginThrottle, csrf_matches, find_account, new_csrf_token
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


class LoginRequired(Exception):
    """No valid session: pages redirect to the login form, other requests get 401."""


def app_state(request: Request) -> AppState:
    return request.app.state.mailroom


def current_user(request: Request) -> Account:
    """The logged-in user; raises LoginRequired without a session or for a removed user."""
    name = request.session.get("user")
    account = find_account(app_state(request).db, name) if name else None
    if account is None:
        request.session.clear()
        raise LoginRequired()
    return account


def require_admin(user: Annotated[Account, Depends(current_user)]) -> Account:
    """The logged-in user if an admin; 403 for reviewers."""
    if not user.is_admin:
        raise HTTPException(403, "This page is for admins.")
    return user


def require_metrics_reader(request: Request) -> str:
    """A scraper sending the configured bearer token (review.metrics_token), or else a
    logged-in admin. Returns who reads."""
    token = app_state(request).settings.review.metrics_token
    given = request.headers.get("authorization", "")
    if token and hmac.compare_digest(given.encode(), f"Bearer {token}".encode()):
        return "metrics scraper"
    return require_admin(current_user(request)).name


async def require_csrf(request: Request) -> None:
    """403 unless the form carries the session's CSRF token."""
    form = await request.form()
    if not csrf_matches(request.session.get("csrf"), form.get("csrf")):  # type: ignore[arg-type]
        raise HTTPException(403, "The form is outdated or forged (CSRF token missing or wrong). Reload the page.")


def csrf_token(request: Request) -> str:
    """The session's CSRF token, made on first use."""
    if "csrf" not in request.session:
        request.session["csrf"] = new_csrf_token()
    return request.session["csrf"]


def render(request: Request, name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    """A template with the user, CSRF token and taxonomy in its context."""
    state = app_state(request)
    name_of_user = request.session.get("user")
    context |= {
        "user": find_account(state.db, name_of_user) if name_of_user else None,
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
        Markup("<mark>{}</mark>").format(part) if index % 2 else escape(part) for index, part in enumerate(parts)
    )
