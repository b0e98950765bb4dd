"""The search page (`/suche`): the form's fields read into a `SearchQuery` (days in the
city's time, labels checked against the taxonomy), the results with their snippets, one
page at a time. The search itself is mailroom/store/search.py."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse

from mailroom.records import ItemState
from mailroom.review.access import Clearance, refresh, visible_filter
from mailroom.review.deps import app_state, clearance, render
from mailroom.review.i18n import N_, TIMEZONE, Refused
from mailroom.store.search import SearchQuery, SearchResult, search_items
from mailroom.taxonomy import Taxonomy

router = APIRouter()
FIELDS = (
    "q",
    "sender",
    "reference",
    "received_from",
    "received_until",
    "state",
    "route",
    "doc_type",
    "order",
)
ORDERS = ("rank", "newest")


@dataclass(frozen=True)
class SearchForm:
    """The search form's fields as given (empty: not restricted)."""

    q: str = ""
    sender: str = ""
    reference: str = ""
    received_from: str = ""  # YYYY-MM-DD, as <input type=date> sends it
    received_until: str = ""
    state: str = ""
    route: str = ""
    doc_type: str = ""
    order: str = "rank"
    page: str = "1"

    def filled(self) -> bool:
        return any(getattr(self, name).strip() for name in FIELDS if name != "order")

    def link(self, page: int) -> str:
        """The URL of page `page` of these results."""
        fields = {name: getattr(self, name) for name in FIELDS if getattr(self, name)}
        return "/suche?" + urlencode({**fields, "page": page})


def search_query(form: SearchForm, taxonomy: Taxonomy) -> SearchQuery:
    """The query the form asks for. Raises Refused naming the field that cannot be read."""
    words = {name: getattr(form, name).strip() for name in ("q", "sender", "reference")}
    for value in words.values():
        if value and not SearchQuery(text=value).has_words():
            raise Refused(N_("Search words need letters or digits: %(value)s"), value=value)
    if form.state and form.state not in set(ItemState):
        raise Refused(N_("Unknown state: %(value)s"), value=form.state)
    if form.route and form.route not in taxonomy.routes:
        raise Refused(N_("Unknown office: %(value)s"), value=form.route)
    if form.doc_type and form.doc_type not in taxonomy.doc_types:
        raise Refused(N_("Unknown document type: %(value)s"), value=form.doc_type)
    if form.order not in ORDERS:
        raise Refused(N_("Unknown order: %(value)s"), value=form.order)
    if not form.page.isdigit() or int(form.page) < 1:
        raise Refused(N_("Unknown page: %(value)s"), value=form.page)
    start, end = _day(form.received_from), _day(form.received_until)
    if start and end and start > end:
        raise Refused(N_("The period ends before it begins."))
    return SearchQuery(
        text=words["q"], sender=words["sender"], reference=words["reference"],
        received_from=_midnight(start), received_until=_midnight(end + dt.timedelta(days=1)) if end else None,
        state=form.state or None, route=form.route or None, doc_type=form.doc_type or None,
        newest_first=form.order == "newest", page=int(form.page),
    )  # fmt: skip


def _day(value: str) -> dt.date | None:
    """A day as <input type=date> sends it (2026-12-04) or as people write it (04.12.2026)."""
    if not value.strip():
        return None
    for pattern in ("%Y-%m-%d", "%d.%m.%Y"):
        try:
            return dt.datetime.strptime(value.strip(), pattern).date()
        except ValueError:
            continue
    raise Refused(N_("Not a date (DD.MM.YYYY): %(value)s"), value=value)


def _midnight(day: dt.date | None) -> dt.datetime | None:
    """The start of `day` in the city's time."""
    return dt.datetime.combine(day, dt.time(), TIMEZONE) if day else None


@router.get("/suche", response_class=HTMLResponse)
def search_page(
    request: Request,
    cleared: Annotated[Clearance, Depends(clearance)],
    form: Annotated[SearchForm, Depends()],
) -> HTMLResponse:
    """The search form; with any field filled, the matching items (20 a page)."""
    state = app_state(request)
    result: SearchResult | None = None
    error = ""
    if form.filled():
        try:
            query = search_query(form, state.taxonomy)
        except Refused as exc:
            error = state.language.text(exc.template, **exc.params)
        else:
            refresh(state.db)  # protected mail stays hidden from those not cleared for it
            result = search_items(state.db, query, visible=visible_filter(cleared))
    return render(
        request,
        "search.html",
        400 if error else 200,
        form=form,
        result=result,
        error=error,
        states=list(ItemState),
    )
