"""The `mailroom outgoing` and `mailroom recipients` commands (Postausgang and the
recipient register). Thin: they call mailroom.outgoing and the store, and print in German.

Like mailroom.dispatch.commands they do not import mailroom.cli (which registers them).
"""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

import click
from rich.console import Console
from rich.markup import escape

from mailroom.outgoing.records import Channel, Consent, PostalAddress, Recipient, RecipientKind
from mailroom.terminal import wrapping_table

console = Console()
CHANNELS = click.Choice([c.value for c in Channel])


def _database(obj):
    from mailroom.store.db import open_database

    return open_database(obj.settings.database)


def _day(value: str | None) -> dt.date:
    if not value:
        return dt.date.today()
    for pattern in ("%Y-%m-%d", "%d.%m.%Y"):
        try:
            return dt.datetime.strptime(value, pattern).date()
        except ValueError:
            continue
    raise click.BadParameter(f"kein Datum (TT.MM.JJJJ): {value}")


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@click.group()
def outgoing() -> None:
    """Postausgang: Schreiben der Ämter auf dem zulässigen, gewünschten Weg versenden."""


@outgoing.command("run")
@click.option("--once", is_flag=True, help="Einmal annehmen, versenden, Status abfragen, dann enden.")
@click.pass_obj
def run(obj, once: bool) -> None:
    """Postausgangsordner annehmen, Versandweg wählen, versenden, Abruf und eEB abfragen.
    Ohne --once alle dispatch.poll_seconds, bis Strg-C."""
    from mailroom.outgoing.config import load_outgoing
    from mailroom.outgoing.send import send_loop, send_once

    settings, db = obj.settings, _database(obj)
    load_outgoing(settings)  # a broken configuration stops here, before any mail is touched
    if once:
        _print_report(send_once(settings, db))
        return
    console.print(f"Postausgang alle {settings.dispatch.poll_seconds:g} s; Strg-C beendet")
    stop = threading.Event()
    try:
        send_loop(settings, db, stop, _print_report)
    except KeyboardInterrupt:
        stop.set()


def _print_report(report) -> None:
    for name, reason in report.intake.quarantined:
        console.print(f"Quarantäne: {escape(name)}: {escape(reason)}", highlight=False)
    console.print(f"Postausgang: {report.summary()}", highlight=False)


@outgoing.command("list")
@click.option("--office", default="", help="Nur dieses Amt (Routen-Kennung).")
@click.option("--channel", type=CHANNELS, default=None, help="Nur dieser Versandweg.")
@click.pass_obj
def list_documents(obj, office: str, channel: str | None) -> None:
    """Ausgehende Dokumente mit Versandweg, Status und Bekanntgabedatum, neueste zuerst."""
    from mailroom.store.outgoing import documents

    rows = documents(_database(obj), office, channel or "")
    table = wrapping_table("Dokument", "Amt", "Art", "Empfänger", "Weg", "Status", "bekannt gegeben am", "Grund",
                           title=f"{len(rows)} Dokument(e)")  # fmt: skip
    for d in rows:
        notice = d.notice_date.strftime("%d.%m.%Y") if d.notice_date else ""
        cells = (d.id, d.office, d.kind, d.recipient_name or d.recipient_id, d.channel, d.state, notice,
                 d.last_error or d.reason)  # fmt: skip
        table.add_row(*map(escape, cells))
    console.print(table)


@outgoing.command("delivered")
@click.argument("document")
@click.option("--on", "on", required=True, help="Datum der Zustellung laut Postzustellungsurkunde.")
@click.option("--by", "user", default="cli", help="Wer die Urkunde erfasst.")
@click.pass_obj
def delivered(obj, document: str, on: str, user: str) -> None:
    """Die zurückgekommene Postzustellungsurkunde erfassen (§ 3 VwZG)."""
    from mailroom.outgoing.send import record_delivery_certificate

    day = record_delivery_certificate(obj.settings, _database(obj), document, _day(on), user)
    console.print(
        f"{escape(document)}: zugestellt am {day:%d.%m.%Y}" if day else f"{escape(document)}: erfasst"
    )


@outgoing.command("assign")
@click.argument("document")
@click.argument("recipient")
@click.option("--by", "user", default="cli")
@click.pass_obj
def assign(obj, document: str, recipient: str, user: str) -> None:
    """Einem Dokument ohne erkannten Empfänger den Empfänger zuordnen."""
    from mailroom.errors import BadInput
    from mailroom.store.outgoing import assign_recipient, get_recipient

    db = _database(obj)
    if get_recipient(db, recipient) is None:
        raise BadInput(f"Empfänger {recipient!r} steht nicht im Register (`mailroom recipients list`)")
    assign_recipient(db, document, recipient, user, _now())
    console.print(f"{escape(document)}: Empfänger {escape(recipient)}; wird beim nächsten Lauf versandt")


@outgoing.command("retry")
@click.argument("document")
@click.option("--by", "user", default="cli")
@click.pass_obj
def retry(obj, document: str, user: str) -> None:
    """Ein unzustellbares Dokument erneut versenden."""
    from mailroom.store.outgoing import retry_dead_letter

    retry_dead_letter(_database(obj), document, user, _now())
    console.print(f"{escape(document)}: wieder in der Reihe")


@click.group()
def recipients() -> None:
    """Empfängerregister des Postausgangs: Personen, Firmen, Anwälte, Gerichte, Behörden."""


@recipients.command("add")
@click.argument("recipient_id")
@click.option(
    "--kind", type=click.Choice([k.value for k in RecipientKind]), default="person", show_default=True
)
@click.option("--name", required=True, help='Erste Zeile der Anschrift, etwa "Frau Erika Mustermann".')
@click.option("--street", required=True, help='Straße und Hausnummer oder "Postfach 1234".')
@click.option("--postcode", required=True)
@click.option("--city", required=True)
@click.option("--extra", default="", help="c/o, Abteilung, z. Hd.")
@click.option("--email", default="")
@click.option("--postbox-id", default="", help="Postfach des Nutzerkontos (BundID, Mein Unternehmenskonto).")
@click.option("--secure-id", default="", help="SAFE-ID (beA, beBPo, EGVP).")
@click.option("--prefer", type=CHANNELS, multiple=True, help="Gewünschte Wege in Reihenfolge (wiederholbar).")
@click.option("--by", "user", default="cli")
@click.pass_obj
def add(
    obj, recipient_id, kind, name, street, postcode, city, extra, email, postbox_id, secure_id, prefer, user
) -> None:
    """Einen Empfänger anlegen oder ändern (die bisherigen Einwilligungen bleiben; jede
    Änderung ist eine neue Fassung)."""
    from mailroom.outgoing import register
    from mailroom.store.outgoing import get_recipient, save_recipient

    db = _database(obj)
    before = get_recipient(db, recipient_id)
    consents = register.from_json(before.data).consents if before else ()
    recipient = register.check(
        Recipient(
            recipient_id,
            RecipientKind(kind),
            PostalAddress(name, street, postcode, city, extra),
            email,
            postbox_id,
            secure_id,
            consents,
            tuple(Channel(c) for c in prefer),
        )  # fmt: skip
    )
    version = save_recipient(db, register.to_json(recipient), user, _now())
    console.print(f"{escape(recipient_id)}: Fassung {version}")


@recipients.command("list")
@click.pass_obj
def list_recipients(obj) -> None:
    """Das Register mit Wegen, wirksamen Einwilligungen und Wünschen."""
    from mailroom.outgoing import register
    from mailroom.store.outgoing import recipients as entries

    rows = entries(_database(obj))
    table = wrapping_table("Kennung", "Art", "Anschrift", "Wege", "Einwilligungen", "Wunsch", "Fassung",
                           title=f"{len(rows)} Empfänger")  # fmt: skip
    today = dt.date.today()
    for entry in rows:
        r = register.from_json(entry.data)
        a = r.address
        ways = ", ".join(
            f"{k}: {v}"
            for k, v in (("E-Mail", r.email), ("Postfach", r.postbox_id), ("SAFE", r.secure_id))
            if v
        )
        consents = ", ".join(_consent_text(c, today) for c in r.consents)
        cells = (r.id, r.kind, f"{a.name}, {a.street}, {a.postcode} {a.city}", ways, consents,
                 " > ".join(r.preferred), str(entry.version))  # fmt: skip
        table.add_row(*map(escape, cells))
    console.print(table)


def _consent_text(consent: Consent, today: dt.date) -> str:
    text = f"{consent.channel} seit {consent.given:%d.%m.%Y} ({consent.source})"
    return (
        text
        + (f", widerrufen {consent.withdrawn:%d.%m.%Y}" if consent.withdrawn else "")
        + ("" if consent.in_force(today) else " [nicht wirksam]")
    )


@recipients.command("history")
@click.argument("recipient_id")
@click.pass_obj
def history(obj, recipient_id: str) -> None:
    """Alle Fassungen eines Eintrags: wer wann was geändert hat."""
    import json

    from mailroom.store.outgoing import recipient_history

    versions = recipient_history(_database(obj), recipient_id)
    if not versions:
        console.print(f"{escape(recipient_id)}: kein Eintrag")
    for v in versions:
        console.print(f"Fassung {v.version}, {v.at:%d.%m.%Y %H:%M} UTC, {escape(v.author)}", highlight=False)
        console.print(escape(json.dumps(v.data, ensure_ascii=False)), highlight=False)


@recipients.command("consent")
@click.argument("recipient_id")
@click.argument("channel", type=CHANNELS)
@click.option("--source", required=True, help='Wie sie erteilt wurde, etwa "Antrag vom 3.5.2026".')
@click.option("--on", "on", default=None, help="Tag der Erteilung [heute].")
@click.option("--by", "user", default="cli")
@click.pass_obj
def consent(obj, recipient_id: str, channel: str, source: str, on: str | None, user: str) -> None:
    """Eine Einwilligung in einen Weg erfassen (E-Mail, Postfach, sicherer Weg)."""
    _change(obj, recipient_id, user, lambda r, reg: reg.consent(r, Channel(channel), source, _day(on)))


@recipients.command("withdraw")
@click.argument("recipient_id")
@click.argument("channel", type=CHANNELS)
@click.option("--on", "on", default=None, help="Tag des Widerrufs [heute].")
@click.option("--by", "user", default="cli")
@click.pass_obj
def withdraw(obj, recipient_id: str, channel: str, on: str | None, user: str) -> None:
    """Den Widerruf einer Einwilligung erfassen; ab diesem Tag gilt sie nicht mehr."""
    _change(obj, recipient_id, user, lambda r, reg: reg.withdraw(r, Channel(channel), _day(on)))


def _change(obj, recipient_id: str, user: str, change) -> None:
    from mailroom.errors import BadInput
    from mailroom.outgoing import register
    from mailroom.store.outgoing import get_recipient, save_recipient

    db = _database(obj)
    entry = get_recipient(db, recipient_id)
    if entry is None:
        raise BadInput(f"Empfänger {recipient_id!r} steht nicht im Register")
    changed = change(register.from_json(entry.data), register)
    version = save_recipient(db, register.to_json(changed), user, _now())
    console.print(f"{escape(recipient_id)}: Fassung {version}")


@recipients.command("import")
@click.argument("csv_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--by", "user", default="", help="Wer importiert [csv:<Datei>].")
@click.pass_obj
def import_csv(obj, csv_file: Path, user: str) -> None:
    """Empfänger aus CSV übernehmen (Spalten: id, kind, name, street, postcode, city, extra,
    email, postbox_id, secure_id, consents "kanal:JJJJ-MM-TT:Quelle|...", preferred "kanal|...").
    Ein Fehler in einer Zeile: nichts wird übernommen."""
    from mailroom.outgoing.register import read_csv, to_json
    from mailroom.store.outgoing import save_recipient

    entries = read_csv(csv_file.read_text(encoding="utf-8-sig"), csv_file.name)
    db = _database(obj)
    for recipient in entries:
        save_recipient(db, to_json(recipient), user or f"csv:{csv_file.name}", _now())
    console.print(f"{len(entries)} Empfänger übernommen")
