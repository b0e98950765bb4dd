"""The recipient register through its commands: add, consent, withdraw, history kept as
append-only versions, CSV import that takes all or nothing; and the outgoing commands."""

from __future__ import annotations

import datetime as dt
import types
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import text
from sqlalchemy.exc import DatabaseError

from mailroom.errors import BadInput
from mailroom.outgoing import register
from mailroom.outgoing.commands import outgoing, recipients
from mailroom.outgoing.records import Channel
from mailroom.settings import Settings
from mailroom.store import outgoing as store
from mailroom.store.db import open_database

CSV = """id;kind;name;street;postcode;city;extra;email;postbox_id;secure_id;consents;preferred
m-gmbh;firm;Muster GmbH;Industriestraße 5;54321;Beispielstadt;z. Hd. Buchhaltung;info@muster.example;uk-99;;email:2026-02-01:Schreiben vom 1.2.2026|postbox:2026-03-01:Unternehmenskonto;postbox|email
ag-x;court;Amtsgericht Musterstadt;Gerichtsplatz 1;12345;Musterstadt;;;;DE.JUSTIZ.77;;
"""


@pytest.fixture
def cli(tmp_path: Path):
    settings = Settings(home=tmp_path / "home", database_url=f"sqlite:///{tmp_path / 'm.db'}")
    obj = types.SimpleNamespace(settings=settings)
    runner = CliRunner()

    def invoke(group, *args: str):
        result = runner.invoke(group, list(args), obj=obj)
        return result

    return invoke, open_database(settings.database)


def test_add_consent_withdraw_keep_every_version(cli) -> None:
    invoke, db = cli
    result = invoke(recipients, "add", "e-m", "--name", "Frau Erika Mustermann", "--street", "Hauptstraße 12",
                    "--postcode", "12345", "--city", "Musterstadt", "--email", "erika@example.org",
                    "--prefer", "email")  # fmt: skip
    assert result.exit_code == 0 and "Fassung 1" in result.output
    assert (
        "Fassung 2"
        in invoke(recipients, "consent", "e-m", "email", "--source", "Antrag", "--on", "01.03.2026").output
    )
    assert "Fassung 3" in invoke(recipients, "withdraw", "e-m", "email", "--on", "2026-06-01").output
    versions = store.recipient_history(db, "e-m")
    assert [v.version for v in versions] == [1, 2, 3]
    consent = register.from_json(versions[-1].data).consents[0]
    assert consent.in_force(dt.date(2026, 5, 31)) and not consent.in_force(dt.date(2026, 6, 1))
    assert versions[1].data["consents"][0]["withdrawn"] is None  # the old version stands as it was
    # a second withdrawal has nothing to withdraw
    result = invoke(recipients, "withdraw", "e-m", "email", "--on", "2026-07-01")
    assert result.exit_code != 0 and isinstance(result.exception, BadInput)
    history = invoke(recipients, "history", "e-m").output
    assert "Fassung 1" in history and "Fassung 3" in history
    # saving the same again makes no new version; changing the address keeps the consents
    result = invoke(recipients, "add", "e-m", "--name", "Frau Erika Mustermann", "--street", "Nebenweg 1",
                    "--postcode", "12345", "--city", "Musterstadt", "--email", "erika@example.org")  # fmt: skip
    assert "Fassung 4" in result.output
    assert register.from_json(store.get_recipient(db, "e-m").data).consents == (consent,)


def test_the_history_and_the_audit_log_cannot_be_changed_in_the_database(cli) -> None:
    invoke, db = cli
    invoke(recipients, "add", "x", "--name", "A B", "--street", "S 1", "--postcode", "12345", "--city", "C")
    store.log_event(db, "viewed", dt.datetime.now(dt.UTC), user="rita")
    for statement in ("UPDATE recipient_versions SET author = 'someone else'", "DELETE FROM recipient_versions",
                      "UPDATE outgoing_events SET user = 'nobody'", "DELETE FROM outgoing_events"):  # fmt: skip
        with pytest.raises(DatabaseError, match="append-only"), db.session() as session:
            session.execute(text(statement))


def test_csv_import_takes_all_or_nothing(cli, tmp_path: Path) -> None:
    invoke, db = cli
    good = tmp_path / "register.csv"
    good.write_text(CSV, encoding="utf-8")
    result = invoke(recipients, "import", str(good))
    assert result.exit_code == 0 and "2 Empfänger" in result.output
    firm = register.from_json(store.get_recipient(db, "m-gmbh").data)
    assert firm.preferred == (Channel.POSTBOX, Channel.EMAIL) and len(firm.consents) == 2
    assert firm.address.extra == "z. Hd. Buchhaltung"
    assert store.get_recipient(db, "m-gmbh").author == "csv:register.csv"
    bad = tmp_path / "bad.csv"
    bad.write_text(
        CSV.replace("ag-x;court", "neu;person").replace(";12345;Musterstadt;;", ";1234;Musterstadt;;")
    )
    result = invoke(recipients, "import", str(bad))
    assert (
        result.exit_code != 0
        and "Zeile 3" in str(result.exception)
        and "Postleitzahl" in str(result.exception)
    )
    assert store.get_recipient(db, "neu") is None
    listing = invoke(recipients, "list").output
    assert "ag-x" in listing and "m-gmbh" in listing


def test_the_outgoing_commands_list_and_refuse_what_they_cannot_do(cli) -> None:
    invoke, _db = cli
    result = invoke(outgoing, "list")
    assert result.exit_code == 0 and "0 Dokument" in result.output
    result = invoke(outgoing, "delivered", "out-x", "--on", "08.12.2026")
    assert isinstance(result.exception, BadInput) and "Zustellungsurkunde" in str(result.exception)
    result = invoke(outgoing, "assign", "out-x", "niemand")
    assert isinstance(result.exception, BadInput) and "nicht im Register" in str(result.exception)
