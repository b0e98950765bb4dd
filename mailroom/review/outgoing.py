"""Postausgang in the web app: outgoing documents per office and channel with status and
deemed notice date, each document's audit trail, the statistics of channel shares and
postage saved, the recipient register for admins, and the offices' HTTP endpoint (a
bearer token per office, MAILROOM_OUTGOING__TOKENS__<OFFICE>). Every look at the lists
and every change is written to the outgoing audit log."""

from __future__ import annotations

import datetime as dt
import hmac
import json
from typing import Annotated

from babel.numbers import format_currency
from fastapi import APIRouter, Depends, Form, HTTPException, Request, UploadFile
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response

from mailroom.errors import BadInput
from mailroom.outgoing import register
from mailroom.outgoing.config import OutgoingConfig, load_outgoing
from mailroom.outgoing.intake import accept, parse_metadata, quarantine_upload
from mailroom.outgoing.records import Channel, Kind, PostalAddress, Recipient, RecipientKind
from mailroom.outgoing.stats import outgoing_stats
from mailroom.review.access import Clearance
from mailroom.review.auth import Account
from mailroom.review.deps import app_state, clearance, render, require_admin, require_csrf, translate
from mailroom.review.i18n import N_
from mailroom.store import outgoing as store

router = APIRouter()
Admin = Annotated[Account, Depends(require_admin)]
Cleared = Annotated[Clearance, Depends(clearance)]

NAMES = {
    Channel.POST: N_("letter"),
    Channel.POST_SERVICE: N_("letter with delivery certificate"),
    Channel.EMAIL: N_("e-mail"),
    Channel.POSTBOX: N_("online postbox"),
    Channel.SECURE: N_("secure channel (beA/beBPo/EGVP)"),
    Kind.LETTER: N_("plain letter"),
    Kind.NOTICE: N_("notice"),
    Kind.FORMAL_SERVICE: N_("formal service"),
    store.DocState.RECEIVED: N_("taken in"),
    store.DocState.NEEDS_RECIPIENT: N_("recipient unknown"),
    store.DocState.ROUTED: N_("ready to send"),
    store.DocState.SENT: N_("sent"),
    store.DocState.DEAD_LETTER: N_("undeliverable"),
    "channel_chosen": N_("channel chosen"),
    "send_failed": N_("sending failed"),
    "dead_letter": N_("undeliverable"),
    "dead_letter_retry": N_("sent again"),
    "retrieved": N_("retrieved"),
    "acknowledged": N_("acknowledged (eEB)"),
    "delivered": N_("delivered (certificate)"),
    "fallback": N_("sent again by post"),
    "needs_recipient": N_("recipient unknown"),
    "recipient_assigned": N_("recipient assigned"),
    "viewed": N_("viewed"),
    RecipientKind.PERSON: N_("person"),
    RecipientKind.FIRM: N_("firm"),
    RecipientKind.LAWYER: N_("lawyer"),
    RecipientKind.COURT: N_("court"),
    RecipientKind.AUTHORITY: N_("authority"),
}


def _config(request: Request) -> OutgoingConfig:
    """configs/outgoing.yaml, read on first use and kept with the app."""
    app = request.app
    if not hasattr(app.state, "outgoing"):
        app.state.outgoing = load_outgoing(app_state(request).settings)
    return app.state.outgoing


def _offices(request: Request, cleared: Clearance) -> list[str]:
    """The offices whose outgoing mail the user may see (protected ones only if cleared)."""
    return [route for route in app_state(request).taxonomy.routes if route not in cleared.hidden]


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@router.get("/postausgang", response_class=HTMLResponse)
def outgoing_page(request: Request, cleared: Cleared, office: str = "", channel: str = "") -> HTMLResponse:
    """The outgoing documents (of one office, one channel), newest first, with status and
    deemed notice date; the channel shares and postage saved of what the filter shows."""
    state = app_state(request)
    offices = _offices(request, cleared)
    if office and office not in offices:
        raise HTTPException(404, translate(request, "Unknown office: %(value)s", value=office))
    if channel and channel not in set(Channel):
        raise HTTPException(404, translate(request, "Unknown channel: %(value)s", value=channel))
    shown = [office] if office else offices
    docs = store.documents(state.db, channel=channel, offices=shown)
    stats = outgoing_stats(store.channel_counts(state.db, offices=shown), _config(request).postage)
    store.log_event(
        state.db, "viewed", _now(), user=cleared.user, page="postausgang", office=office, channel=channel
    )
    postage = format_currency(stats.postage_saved, "EUR", locale=state.language.code)
    return render(request, "outgoing.html", docs=docs, stats=stats, postage=postage, office=office, channel=channel,
                  offices=offices, channels=list(Channel), names=NAMES)  # fmt: skip


@router.get("/postausgang/{document_id}", response_class=HTMLResponse)
def document_page(request: Request, document_id: str, cleared: Cleared) -> HTMLResponse:
    """One document: recipient, channel and why, status, deemed notice date, audit trail."""
    state = app_state(request)
    try:
        doc = store.get_document(state.db, document_id)
    except BadInput as exc:
        raise HTTPException(404, translate(request, "No such document.")) from exc
    if doc.office not in _offices(request, cleared):
        raise HTTPException(404, translate(request, "No such document."))
    store.log_event(state.db, "viewed", _now(), document_id, cleared.user, page="dokument")
    trail = store.events(state.db, document_id)
    return render(request, "outgoing_document.html", doc=doc, trail=trail, names=NAMES)


@router.post("/postausgang/{document_id}/retry", dependencies=[Depends(require_csrf)])
def retry_page(request: Request, document_id: str, user: Admin) -> Response:
    """Send an undeliverable document again."""
    try:
        store.retry_dead_letter(app_state(request).db, document_id, user.name, _now())
    except BadInput as exc:
        raise HTTPException(409, translate(request, "The document is not undeliverable (any more).")) from exc
    return RedirectResponse(f"/postausgang/{document_id}", status_code=303)


@router.post("/api/postausgang/{office}")
async def upload(
    request: Request, office: str, document: UploadFile | None = None, metadata: str = Form("")
) -> JSONResponse:
    """An office's program hands over a PDF and its metadata (JSON, the sidecar's keys).
    Needs `Authorization: Bearer <the office's token>`. 201 with the document's id, 200 if
    it came before, 401 without the right token, 422 (kept in quarantine) if unusable."""
    state = app_state(request)
    token = state.settings.outgoing.tokens.get(office, "")
    given = request.headers.get("authorization", "")
    if not token or not hmac.compare_digest(given.encode(), f"Bearer {token}".encode()):
        return JSONResponse({"error": "Kennung fehlt oder falsch"}, status_code=401)
    if document is None:
        return JSONResponse({"error": "das Formularfeld 'document' (PDF) fehlt"}, status_code=422)
    content = await document.read()
    now = _now()
    try:
        meta = parse_metadata(json.loads(metadata) if metadata.strip() else None)
        document_id, new = accept(state.settings, state.db, office, content, meta, "http", now)
    except (BadInput, json.JSONDecodeError) as exc:
        reason = str(exc) if isinstance(exc, BadInput) else f"Metadaten kein JSON: {exc}"
        quarantine_upload(
            state.settings, state.db, office, document.filename or "upload.pdf", content, reason, now
        )
        return JSONResponse({"error": reason}, status_code=422)
    return JSONResponse({"id": document_id, "new": new}, status_code=201 if new else 200)


@router.get("/admin/empfaenger", response_class=HTMLResponse)
def register_page(request: Request, user: Admin, done: str = "", error: str = "") -> HTMLResponse:
    """The recipient register: entries in force, a form to add or change one, CSV import."""
    state = app_state(request)
    entries = [(register.from_json(e.data), e) for e in store.recipients(state.db)]
    store.log_event(state.db, "viewed", _now(), user=user.name, page="empfaenger")
    return render(request, "recipients.html", entries=entries, names=NAMES, kinds=list(RecipientKind),
                  channels=list(Channel), today=dt.date.today(), done=done, error=error)  # fmt: skip


@router.get("/admin/empfaenger/{recipient_id}", response_class=HTMLResponse)
def recipient_page(request: Request, recipient_id: str, user: Admin) -> HTMLResponse:
    """Every version of one entry: who changed what, when."""
    state = app_state(request)
    versions = store.recipient_history(state.db, recipient_id)
    if not versions:
        raise HTTPException(404, translate(request, "No such recipient."))
    store.log_event(state.db, "viewed", _now(), user=user.name, page="empfaenger", recipient=recipient_id)
    entries = [(register.from_json(v.data), v) for v in versions]
    return render(request, "recipient.html", entries=entries, names=NAMES, today=dt.date.today())


@router.post("/admin/empfaenger", dependencies=[Depends(require_csrf)])
def save_page(
    request: Request, user: Admin, recipient_id: Annotated[str, Form()], kind: Annotated[str, Form()],
    name: Annotated[str, Form()], street: Annotated[str, Form()], postcode: Annotated[str, Form()],
    city: Annotated[str, Form()], extra: Annotated[str, Form()] = "", email: Annotated[str, Form()] = "",
    postbox_id: Annotated[str, Form()] = "", secure_id: Annotated[str, Form()] = "",
    preferred: Annotated[str, Form()] = "", consent: Annotated[str, Form()] = "",
    consent_source: Annotated[str, Form()] = "",
) -> Response:  # fmt: skip
    """Add or change an entry (a new version); optionally record a consent given today."""
    db = app_state(request).db
    try:
        before = store.get_recipient(db, recipient_id.strip())
        recipient = register.check(
            Recipient(
                recipient_id.strip(), RecipientKind(kind),
                PostalAddress(name.strip(), street.strip(), postcode.strip(), city.strip(), extra.strip()),
                email.strip(), postbox_id.strip(), secure_id.strip(),
                register.from_json(before.data).consents if before else (),
                tuple(Channel(c.strip()) for c in preferred.split(",") if c.strip()),
            )
        )  # fmt: skip
        if consent:
            recipient = register.consent(recipient, Channel(consent), consent_source, dt.date.today())
    except (BadInput, ValueError) as exc:
        return RedirectResponse(f"/admin/empfaenger?error={_quote(str(exc))}", status_code=303)
    version = store.save_recipient(db, register.to_json(recipient), user.name, _now())
    return RedirectResponse(f"/admin/empfaenger?done={_quote(f'{recipient.id}: {version}')}", status_code=303)


@router.post("/admin/empfaenger/{recipient_id}/widerruf", dependencies=[Depends(require_csrf)])
def withdraw_page(
    request: Request, recipient_id: str, user: Admin, channel: Annotated[str, Form()]
) -> Response:
    """Record today's withdrawal of a consent."""
    db = app_state(request).db
    entry = store.get_recipient(db, recipient_id)
    if entry is None:
        raise HTTPException(404, translate(request, "No such recipient."))
    try:
        changed = register.withdraw(register.from_json(entry.data), Channel(channel), dt.date.today())
    except (BadInput, ValueError) as exc:
        return RedirectResponse(f"/admin/empfaenger?error={_quote(str(exc))}", status_code=303)
    version = store.save_recipient(db, register.to_json(changed), user.name, _now())
    return RedirectResponse(f"/admin/empfaenger?done={_quote(f'{recipient_id}: {version}')}", status_code=303)


@router.post("/admin/empfaenger/import", dependencies=[Depends(require_csrf)])
async def import_page(request: Request, user: Admin, table: UploadFile) -> Response:
    """Take entries from an uploaded CSV file: all of them, or none if a line is wrong."""
    db = app_state(request).db
    try:
        entries = register.read_csv((await table.read()).decode("utf-8-sig"), table.filename or "CSV")
    except (BadInput, UnicodeDecodeError) as exc:
        return RedirectResponse(f"/admin/empfaenger?error={_quote(str(exc))}", status_code=303)
    for recipient in entries:
        store.save_recipient(db, register.to_json(recipient), f"{user.name} (csv:{table.filename})", _now())
    return RedirectResponse(f"/admin/empfaenger?done={_quote(f'CSV: {len(entries)}')}", status_code=303)


def _quote(text: str) -> str:
    from urllib.parse import quote

    return quote(text[:300])
