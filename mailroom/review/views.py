"""The pages behind the login: queue, item, page images, decisions, intake, admin, metrics."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import FileResponse, HTMLResponse, PlainTextResponse, RedirectResponse, Response

from mailroom.dispatch.dispatch import dead_letters, retry_dead_letter
from mailroom.errors import BadInput
from mailroom.recordkeeping.sampling import precisions
from mailroom.records import ItemState
from mailroom.review.access import (
    CATEGORIES,
    Clearance,
    grounds,
    protected_among,
    refresh,
    visible_filter,
    visible_findings,
)
from mailroom.review.auth import Account
from mailroom.review.charts import admin_charts
from mailroom.review.deps import (
    app_state,
    clearance,
    client_address,
    current_user,
    render,
    require_admin,
    require_csrf,
    require_metrics_reader,
    translate,
)
from mailroom.review.i18n import Outdated, Refused
from mailroom.review.intake import intake_view, mark_handled, original_file, preview_png, release
from mailroom.review.queue import decide, item_view, next_in_queue, review_queue
from mailroom.review.regroup import merge_with_next, split_item
from mailroom.review.stats import collect, precision_metrics, prometheus
from mailroom.store.access import counts_by_route, items_of_source, passing
from mailroom.store.audit import reads, record_read
from mailroom.store.regroup import next_item_id
from mailroom.store.retention import hold_of, release_hold, set_hold
from mailroom.store.sampling import pending_samples, record_check, sample_counts, sample_of

READS_SHOWN = 500  # rows of the read audit on one page
router = APIRouter()
CurrentUser = Annotated[Account, Depends(current_user)]
Admin = Annotated[Account, Depends(require_admin)]
Cleared = Annotated[Clearance, Depends(clearance)]


@router.get("/", response_class=HTMLResponse)
def queue_page(request: Request, cleared: Cleared, route: str = "", doc_type: str = "") -> HTMLResponse:
    """Items in review the user may see, earliest deadline first; filters by route and doc_type."""
    db = app_state(request).db
    refresh(db, states=[ItemState.IN_REVIEW])  # what the queue lists
    where = visible_filter(cleared)
    entries = review_queue(db, route=route or None, doc_type=doc_type or None, where=where)
    counts = counts_by_route(db, [ItemState.IN_REVIEW], where)
    protected = protected_among(db, [e.id for e in entries], cleared.protected)
    return render(request, "queue.html", entries=entries, counts=counts, route=route, doc_type=doc_type,
                  protected=protected)  # fmt: skip


@router.get("/items/{item_id}", response_class=HTMLResponse)
def item_page(request: Request, item_id: str, cleared: Cleared) -> HTMLResponse:
    """One item: pages, OCR text, metadata, prediction, decision form, history; and why it is
    protected. The look is audited."""
    state = app_state(request)
    findings = _visible(request, cleared, item_id)
    view = item_view(state.db, item_id)
    if view is None:
        raise _no_item(request, item_id)
    _audit(request, cleared, item_id, "item")
    protection = [
        (name, translate(request, text) if name in CATEGORIES else text)
        for name, text in grounds(findings, state.settings.review.protected_routes)
    ]
    return render(request, "item.html", item=view, protection=protection, sample=sample_of(state.db, item_id),
                  hold=hold_of(state.db, item_id))  # fmt: skip


@router.get("/items/{item_id}/pages/{number}.png")
def page_image(request: Request, item_id: str, number: int, cleared: Cleared) -> Response:
    """The cleaned image of one page; the look is audited."""
    _visible(request, cleared, item_id)
    view = item_view(app_state(request).db, item_id)
    page = next((p for p in view.pages if p.number == number), None) if view else None
    if page is None:
        raise HTTPException(404, translate(request, "There is no such page."))
    path = _home_file(request, page.image_path)
    _audit(request, cleared, item_id, "image", number)
    return FileResponse(path, media_type="image/png")


@router.get("/items/{item_id}/document.pdf")
def document(request: Request, item_id: str, cleared: Cleared) -> Response:
    """The item's searchable PDF; the look is audited."""
    _visible(request, cleared, item_id)
    view = item_view(app_state(request).db, item_id)
    if view is None or not view.pdf_path:
        raise HTTPException(404, translate(request, "The item has no PDF."))
    path = _home_file(request, view.pdf_path)
    _audit(request, cleared, item_id, "pdf")
    return FileResponse(path, media_type="application/pdf")


@router.post("/items/{item_id}/decide", dependencies=[Depends(require_csrf)])
def decide_item(
    request: Request,
    item_id: str,
    user: CurrentUser,
    cleared: Cleared,
    doc_type: str = Form(""),
    route: str = Form(""),
    action: str = Form("decide"),
) -> Response:
    """Confirm, correct or mark unreadable; then on to the next item of the queue."""
    state = app_state(request)
    _visible(request, cleared, item_id)
    try:
        decide(
            state.db, state.taxonomy, item_id, user.name, doc_type, route, unreadable=action == "unreadable"
        )
    except Refused as exc:
        raise _refused(request, exc) from exc
    refresh(state.db, states=[ItemState.IN_REVIEW])
    following = next_in_queue(state.db, item_id, visible_filter(cleared))
    return RedirectResponse(f"/items/{following}" if following else "/", status_code=303)


@router.post("/items/{item_id}/split", dependencies=[Depends(require_csrf)])
def split(
    request: Request, item_id: str, user: CurrentUser, cleared: Cleared, after_page: str = Form("")
) -> Response:
    """Split the item after a page; the rest becomes a new item in review."""
    state = app_state(request)
    _visible(request, cleared, item_id)
    if not after_page.strip().isdigit():
        raise HTTPException(400, translate(request, "Give the number of the page after which to split."))
    try:
        split_item(state.db, state.settings.home, item_id, user.name, int(after_page))
    except Refused as exc:
        raise _refused(request, exc) from exc
    return RedirectResponse(f"/items/{item_id}", status_code=303)


@router.post("/items/{item_id}/merge", dependencies=[Depends(require_csrf)])
def merge(request: Request, item_id: str, user: CurrentUser, cleared: Cleared) -> Response:
    """Append the next item of the same source file to this one, if the user may see it
    too; one the user may not see is treated as absent."""
    state = app_state(request)
    _visible(request, cleared, item_id)
    following = next_item_id(state.db, item_id)
    if following and visible_findings(state.db, cleared, following) is None:
        message = "Cannot merge %(id)s: it is the last item of its source file, there is no next item."
        raise HTTPException(400, translate(request, message, id=item_id))
    try:
        merge_with_next(state.db, state.settings.home, item_id, user.name)
    except Refused as exc:
        raise _refused(request, exc) from exc
    return RedirectResponse(f"/items/{item_id}", status_code=303)


@router.get("/intake", response_class=HTMLResponse)
def intake_page(request: Request, cleared: Cleared, done: str = "", file: int = 0) -> HTMLResponse:
    """Today's and recent files with what became of them (the items the user may see), and
    the open quarantine."""
    db = app_state(request).db
    intake = intake_view(db)
    entries = intake.quarantined + intake.today + intake.earlier
    ids = {item_id for entry in entries for item_id, _ in entry.items}
    refresh(db, ids)
    shown = passing(db, ids, visible_filter(cleared))
    intake = replace(intake, **{
        part: [replace(e, items=[i for i in e.items if i[0] in shown]) for e in getattr(intake, part)]
        for part in ("quarantined", "today", "earlier")
    })  # fmt: skip
    return render(request, "intake.html", intake=intake, done=done, file=file)


@router.get("/intake/{source_id}/preview.png")
def intake_preview(request: Request, source_id: int, user: CurrentUser) -> Response:
    """The first page of a file in quarantine; 404 if it cannot be rendered."""
    state = app_state(request)
    image = preview_png(state.db, state.settings, source_id)
    if image is None:
        raise HTTPException(404, translate(request, "There is no preview of this file."))
    return Response(image, media_type="image/png")


@router.get("/intake/{source_id}/original")
def intake_original(request: Request, source_id: int, user: CurrentUser, cleared: Cleared) -> Response:
    """The file as it came in, as a download; 404 if it holds an item the user may not see."""
    state = app_state(request)
    ids = items_of_source(state.db, source_id)
    refresh(state.db, ids)
    if len(passing(state.db, ids, visible_filter(cleared))) < len(ids):
        raise HTTPException(404, translate(request, "There is no file %(id)s.", id=source_id))
    try:
        path, name = original_file(state.db, state.settings, source_id, user.name)
    except Refused as exc:
        raise HTTPException(404, translate(request, exc.template, **exc.params)) from exc
    return FileResponse(path, filename=name, media_type="application/octet-stream")


@router.post("/intake/{source_id}/release", dependencies=[Depends(require_csrf)])
def intake_release(request: Request, source_id: int, user: CurrentUser, note: str = Form("")) -> Response:
    """Give a quarantined file another try: the next ingest pass takes it."""
    state = app_state(request)
    try:
        release(state.db, state.settings, source_id, user.name, note)
    except Refused as exc:
        raise _refused(request, exc) from exc
    return RedirectResponse(f"/intake?done=released&file={source_id}", status_code=303)


@router.post("/intake/{source_id}/handled", dependencies=[Depends(require_csrf)])
def intake_handled(request: Request, source_id: int, user: CurrentUser, note: str = Form("")) -> Response:
    """Record that a quarantined file was handled by hand, with a note saying how."""
    try:
        mark_handled(app_state(request).db, source_id, user.name, note)
    except Refused as exc:
        raise _refused(request, exc) from exc
    return RedirectResponse(f"/intake?done=handled&file={source_id}", status_code=303)


@router.post("/items/{item_id}/hold", dependencies=[Depends(require_csrf)])
def hold(request: Request, item_id: str, user: Admin, reason: str = Form("")) -> Response:
    """Put a Löschsperre on the item: it is kept whatever its retention period says."""
    if not reason.strip():
        raise HTTPException(400, translate(request, "A deletion hold needs a reason."))
    if not set_hold(app_state(request).db, item_id, user.name, reason.strip()):
        raise _no_item(request, item_id)
    return RedirectResponse(f"/items/{item_id}#hold", status_code=303)


@router.post("/items/{item_id}/hold/release", dependencies=[Depends(require_csrf)])
def release_item_hold(request: Request, item_id: str, user: Admin) -> Response:
    """Lift the item's Löschsperre."""
    release_hold(app_state(request).db, item_id, user.name)
    return RedirectResponse(f"/items/{item_id}#hold", status_code=303)


@router.get("/stichprobe", response_class=HTMLResponse)
def samples_page(request: Request, cleared: Cleared) -> HTMLResponse:
    """The quality sample: automatically approved items waiting to be checked, oldest first."""
    db = app_state(request).db
    samples = pending_samples(db)
    ids = [s.item_id for s in samples]
    refresh(db, ids)
    shown = passing(db, ids, visible_filter(cleared))
    return render(request, "samples.html", samples=[s for s in samples if s.item_id in shown])


@router.post("/stichprobe/{item_id}", dependencies=[Depends(require_csrf)])
def check_sample(
    request: Request,
    item_id: str,
    user: CurrentUser,
    cleared: Cleared,
    doc_type: str = Form(""),
    route: str = Form(""),
) -> Response:
    """A reviewer's finding on a sampled item; then on to the next sample."""
    state = app_state(request)
    _visible(request, cleared, item_id)
    if doc_type not in state.taxonomy.doc_types or route not in state.taxonomy.routes:
        raise HTTPException(400, translate(request, "Choose a document type and an office."))
    if record_check(state.db, item_id, user.name, doc_type, route) is None:
        raise HTTPException(
            409, translate(request, "Item %(id)s is not waiting in the quality sample.", id=item_id)
        )
    following = [s.item_id for s in pending_samples(state.db)]
    shown = passing(state.db, following, visible_filter(cleared)) if following else set()
    after = next((i for i in following if i in shown), None)
    return RedirectResponse(f"/items/{after}" if after else "/stichprobe", status_code=303)


@router.get("/admin", response_class=HTMLResponse)
def admin_page(request: Request, user: Admin) -> HTMLResponse:
    """States, throughput, automation, queue, corrections per route, dead letters, and the
    charts of outcomes per day, rates per week, the queue's age and corrections per route."""
    state = app_state(request)
    stats = collect(state.db)
    charts = admin_charts(state.db, state.language, state.taxonomy, stats.corrections)
    overall, per_route = precisions(sample_counts(state.db), state.settings.qa.target_precision)
    return render(request, "admin.html", stats=stats, letters=dead_letters(state.db), charts=charts,
                  precision=overall, precision_routes=per_route)  # fmt: skip


@router.get("/admin/reads", response_class=HTMLResponse)
def reads_page(request: Request, user: Admin, item: str = "", reader: str = "") -> HTMLResponse:
    """The read audit: who looked at which item, newest first; by item and by user."""
    rows, total = reads(app_state(request).db, item_id=item.strip(), user=reader.strip(), limit=READS_SHOWN)
    return render(request, "reads.html", rows=rows, total=total, item=item, reader=reader)


@router.post("/admin/dead-letters/{item_id}/retry", dependencies=[Depends(require_csrf)])
def retry(request: Request, item_id: str, user: Admin) -> Response:
    """Put a dead-lettered item back in line for dispatch."""
    try:
        retry_dead_letter(app_state(request).db, item_id)
    except BadInput as exc:
        message = translate(request, "Item %(id)s is not undeliverable (any more).", id=item_id)
        raise HTTPException(409, message) from exc
    return RedirectResponse("/admin", status_code=303)


@router.get("/metrics")
def metrics(request: Request, reader: Annotated[str, Depends(require_metrics_reader)]) -> PlainTextResponse:
    """The figures of the admin page in Prometheus text format, for admins and for a
    scraper with the metrics token."""
    state = app_state(request)
    queued = None
    if state.settings.broker_url:
        from mailroom.worker import queue_length

        queued = queue_length(state.settings)
    body = prometheus(collect(state.db), len(dead_letters(state.db)), queued)
    body += precision_metrics(*precisions(sample_counts(state.db), state.settings.qa.target_precision))
    return PlainTextResponse(body, media_type="text/plain; version=0.0.4")


def _visible(request: Request, cleared: Clearance, item_id: str):
    """What protects the item; 404, as for an item that does not exist, if the user may not see it."""
    findings = visible_findings(app_state(request).db, cleared, item_id)
    if findings is None:
        raise _no_item(request, item_id)
    return findings


def _no_item(request: Request, item_id: str) -> HTTPException:
    return HTTPException(404, translate(request, "There is no item %(id)s.", id=item_id))


def _audit(request: Request, cleared: Clearance, item_id: str, what: str, page: int | None = None) -> None:
    record_read(app_state(request).db, cleared.user, item_id, what, client_address(request), page)


def _refused(request: Request, exc: Refused) -> HTTPException:
    """A refused action as an error page in the reader's language: 409 if the item or file
    moved on meanwhile, else 400."""
    status = 409 if isinstance(exc, Outdated) else 400
    return HTTPException(status, translate(request, exc.template, **exc.params))


def _home_file(request: Request, relative: str) -> Path:
    """A file under MAILROOM_HOME; 404 if missing or outside it."""
    home = app_state(request).settings.home.resolve()
    path = (home / relative).resolve()
    if not path.is_relative_to(home) or not path.is_file():
        raise HTTPException(404, translate(request, "The file is missing."))
    return path
