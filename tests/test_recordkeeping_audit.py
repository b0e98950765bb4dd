"""The tamper-evident audit trail: hash chains appended in parallel, `mailroom audit verify`
on a real installation, and what it says after one row or one archived file is altered."""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import create_engine, inspect, select, text
from test_review_data import make_settings, seed

from mailroom.archive.archival import archive_item
from mailroom.cli import cli
from mailroom.dataset import read_dataset
from mailroom.errors import MailroomError
from mailroom.pipeline import ingest_once
from mailroom.recordkeeping.retention import exported_items, keep_retaining, remove_from_export
from mailroom.settings import PACKAGE_CONFIG_DIR, RetentionSettings, load_settings
from mailroom.store.audit import record_read
from mailroom.store.chain import verify_chains
from mailroom.store.db import migrate, open_database
from mailroom.store.retention import deletion_records
from mailroom.store.sampling import pending_samples
from mailroom.store.tables import Event, Item, QaSample, SourceFile
from mailroom.synth.generate import generate, load_synth_config


def unlocked(connection, table: str) -> None:
    """Take away the append-only triggers of `table`, as someone with the database's keys could."""
    if connection.dialect.name == "postgresql":
        connection.execute(text(f"ALTER TABLE {table} DISABLE TRIGGER USER"))
    else:
        for action in ("update", "delete"):
            connection.execute(text(f"DROP TRIGGER {table}_no_{action}"))


def problems(db) -> dict:
    with db.engine.connect() as connection:
        return {r.table: r.problem for r in verify_chains(connection)}


def test_rows_appended_in_parallel_form_one_unbroken_chain(database_url: str) -> None:
    db = open_database(database_url)

    def append(worker: int) -> None:
        for n in range(15):
            with db.session() as session:
                session.add(Event(kind="received", detail={"worker": worker, "n": n}))
            record_read(db, f"user{worker}", f"item-{n}", "item", "127.0.0.1")

    threads = [threading.Thread(target=append, args=(w,)) for w in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert problems(db) == {"events": None, "review_decisions": None, "read_audit": None}
    with db.session() as session:
        seqs = session.scalars(select(Event.chain_seq).order_by(Event.chain_seq)).all()
    assert seqs == list(range(1, 61))

    with db.engine.begin() as connection:  # one row altered behind the application's back
        unlocked(connection, "events")
        connection.execute(text("UPDATE events SET kind = 'forged' WHERE chain_seq = 17"))
    problem = problems(db)["events"]
    assert (problem.seq, problem.what) == (17, "changed")
    with db.engine.begin() as connection:  # the last row removed
        connection.execute(text("DELETE FROM events WHERE chain_seq = 60"))
        connection.execute(text("UPDATE events SET kind = 'received' WHERE chain_seq = 17"))
    assert (problems(db)["events"].seq, problems(db)["events"].what) == (60, "end")
    db.dispose()


def test_a_row_cannot_be_changed_once_linked_but_a_new_one_gets_its_link(database_url: str) -> None:
    db = open_database(database_url)
    with db.session() as session:
        session.add(Event(kind="received", detail={}))
    with pytest.raises(Exception, match="append-only"), db.engine.begin() as connection:
        connection.execute(text("UPDATE events SET chain_hash = NULL, chain_seq = NULL"))
    with db.engine.begin() as connection:  # written by plain SQL: linked by the next commit that links
        connection.execute(
            text("INSERT INTO events (at, kind, detail) VALUES (CURRENT_TIMESTAMP, 'x', '{}')")
        )
    assert problems(db)["events"].what == "unlinked"
    with db.session() as session:
        session.add(Event(kind="received", detail={}))
    assert problems(db)["events"] is None
    db.dispose()


def two_letters(folder: Path, taxonomy) -> Path:
    """Two generated letters (seed 7: both approved automatically, Ordnungsamt and Verkehrsbehörde)."""
    generate(folder, 2, seed=7, config=load_synth_config(PACKAGE_CONFIG_DIR / "synth.yaml", taxonomy))
    return folder


@pytest.fixture(scope="module")
def letters(tmp_path_factory, taxonomy) -> Path:
    return two_letters(tmp_path_factory.mktemp("letters"), taxonomy)


def installation(home: Path, letters: Path, taxonomy, database_url: str = "", env: dict | None = None):
    """A fresh installation that has ingested two letters (with the settings of `env` too)."""
    env = {
        "MAILROOM_HOME": str(home),
        "MAILROOM_INGEST__STABLE_SECONDS": "0",
        "MAILROOM_INGEST__WORKERS": "1",
        **(env or {}),
    }
    if database_url:
        env["MAILROOM_DATABASE_URL"] = database_url
    settings = load_settings(env=env)
    (home / "inbox").mkdir(parents=True)
    for item in read_dataset(letters, taxonomy).items:
        shutil.copy(letters / item.path, home / "inbox" / Path(item.path).name)
    db = open_database(settings.database)
    ingest_once(settings, db)
    return settings, db, env


def verify(env: dict) -> tuple[int, str]:
    """The exit code `mailroom.cli.main` gives, and what was printed."""
    result = CliRunner().invoke(cli, ["audit", "verify"], env=env)
    code = result.exception.exit_code if isinstance(result.exception, MailroomError) else result.exit_code
    return code, result.output


def test_installation_samples_its_route_and_audit_verify_names_the_altered_row_and_file(
    tmp_path: Path, letters: Path, taxonomy
) -> None:
    sampled_route = {"MAILROOM_QA__SHARE": "0", "MAILROOM_QA__PER_ROUTE__ORDNUNGSAMT": "1"}
    settings, db, env = installation(tmp_path / "home", letters, taxonomy, env=sampled_route)
    with db.session() as session:  # the quality sample drew the auto-approved items of that route only
        items = {i.id: (i.state, i.route) for i in session.scalars(select(Item))}
        sampled = set(session.scalars(select(QaSample.item_id)))
    expected = {
        i for i, (state, route) in items.items() if state == "auto_approved" and route == "ordnungsamt"
    }
    assert expected and sampled == expected and len(items) > len(sampled), items
    assert [s.item_id for s in pending_samples(db)] == sorted(expected)

    code, output = verify(env)
    assert code == 0, output
    assert "Prüfung bestanden" in output and "Originale: 2 Dateien geprüft" in output
    assert "Durchsuchbare PDFs: 2 Dateien geprüft" in output

    with db.engine.begin() as connection:
        unlocked(connection, "events")
        row = connection.execute(
            text("SELECT id, chain_seq FROM events ORDER BY chain_seq LIMIT 1 OFFSET 2")
        ).one()
        connection.execute(text(f"UPDATE events SET detail = '{{}}' WHERE id = {row.id}"))
    code, output = verify(env)
    assert code == 6
    assert f"FEHLER Ereignisprotokoll (events), Zeile Nr. {row.chain_seq} (id {row.id})" in output

    with db.session() as session:
        item = session.scalars(select(Item).order_by(Item.id)).first()
        source = session.get(SourceFile, item.source_id)
    original = settings.path(source.archive_path)
    original.write_bytes(original.read_bytes() + b"x")  # one archived file altered
    code, output = verify(env)
    assert code == 6
    assert f"FEHLER Original {source.archive_path} (Datei {source.id}): Prüfsumme stimmt nicht" in output
    db.dispose()


def every_row(db) -> str:
    """Every row of every table, as text."""
    with db.engine.connect() as connection:
        tables = inspect(connection).get_table_names()
        return "\n".join(
            str(tuple(row)) for t in tables for row in connection.execute(text(f'SELECT * FROM "{t}"'))
        )


def test_retention_leaves_nothing_of_an_expired_item_but_its_deletion_record(
    tmp_path: Path, letters: Path, taxonomy, database_url: str
) -> None:
    home = tmp_path / "home"
    settings, db, env = installation(home, letters, taxonomy, database_url)
    with db.session() as session:
        gone, held = session.scalars(select(Item).order_by(Item.id)).all()
        gone_sha = session.get(SourceFile, gone.source_id).sha256
        old = dt.datetime.now(dt.UTC) - dt.timedelta(days=400)
        for item in (gone, held):
            item.state, item.created_at = "dispatched", old
        gone_id, held_id = gone.id, held.id
    for item_id in (gone_id, held_id):  # as dispatch makes it before the first delivery
        archive_item(settings, db, item_id, dt.datetime.now(dt.UTC))
    record_read(db, "rita", gone_id, "item", "127.0.0.1")
    env = {**env, "MAILROOM_RETENTION__DEFAULT_DAYS": "365"}
    runner = CliRunner()
    result = runner.invoke(
        cli, ["retention", "hold", held_id, "--reason", "Klage 3 K 12/26", "--user", "rita"], env=env
    )
    assert result.exit_code == 0, result.output

    result = runner.invoke(cli, ["retention", "run", "--dry-run"], env=env)
    assert f"{gone_id}" in result.output and "würde gelöscht" in result.output
    assert "Löschsperre: Klage 3 K 12/26" in result.output
    assert gone_id in every_row(db)  # a dry run deletes nothing

    result = runner.invoke(cli, ["retention", "run"], env=env)
    assert result.exit_code == 0, result.output
    assert "1 Schriftstück(e) gelöscht, 1 wegen Löschsperre behalten." in result.output
    rows = every_row(db)
    assert gone_id not in rows and gone_sha[:16] not in rows
    if db.engine.dialect.name == "sqlite":  # the full-text index holds no words of it either
        with db.engine.begin() as connection:
            connection.execute(text("INSERT INTO item_search(item_search) VALUES ('integrity-check')"))
    assert held_id in rows
    files = [str(p.relative_to(home)) for p in home.rglob("*") if p.is_file()]
    assert not [f for f in files if gone_id in f or gone_sha in f]
    assert [f for f in files if held_id in f]
    [record] = deletion_records(db)
    assert record["item_hash"] == hashlib.sha256(gone_id.encode()).hexdigest()
    assert record["counts"]["read_audit"] == 1 and record["counts"]["events"] >= 4
    assert record["legal_basis"].startswith("Art. 5")

    code, output = verify(env)  # the chains hold across the deleted rows
    assert code == 0, output
    assert "gelöschte Zeilen durch Löschnachweise belegt" in output
    db.dispose()


def test_an_item_is_taken_out_of_a_feedback_export(tmp_path: Path) -> None:
    export = tmp_path / "feedback"
    (export / "items").mkdir(parents=True)
    for item_id in ("aaaa-1", "bbbb-1"):
        (export / "items" / f"{item_id}.pdf").write_bytes(b"%PDF-1.4")
    (export / "labels.csv").write_text(
        "path,doc_type,route,text,review\nitems/aaaa-1.pdf,antrag,bauamt,Bauantrag Müller,confirm\n"
        "items/bbbb-1.pdf,rechnung,beschaffung,Rechnung,correct\n",
        encoding="utf-8",
    )
    assert exported_items(export) == {"aaaa-1", "bbbb-1"}
    remove_from_export(export, "aaaa-1")
    assert exported_items(export) == {"bbbb-1"}
    assert not (export / "items" / "aaaa-1.pdf").exists() and (export / "items" / "bbbb-1.pdf").exists()
    assert "Müller" not in (export / "labels.csv").read_text(encoding="utf-8")


def test_rows_there_before_the_migration_are_linked_by_it(database_url: str) -> None:
    engine = create_engine(database_url)
    migrate(engine, "0008")
    with engine.begin() as connection:
        for kind in ("received", "split", "ocr_done"):
            connection.execute(
                text(f"INSERT INTO events (at, kind, detail) VALUES (CURRENT_TIMESTAMP, '{kind}', '{{}}')")
            )
    migrate(engine, "head")
    with engine.connect() as connection:
        reports = {r.table: r for r in verify_chains(connection)}
        assert connection.execute(text("SELECT seq FROM audit_chain WHERE name = 'events'")).scalar() == 3
    assert reports["events"].rows == 3 and reports["events"].problem is None
    engine.dispose()


def test_watch_runs_retention_in_the_background(tmp_path: Path) -> None:
    home = tmp_path / "home"
    settings = make_settings(home).model_copy(
        update={"retention": RetentionSettings(doc_types={"rechnung": 30})}
    )
    db = seed(settings)
    with db.session() as session:
        item = session.get(Item, "item-auto")
        item.state, item.created_at = "dispatched", dt.datetime.now(dt.UTC) - dt.timedelta(days=31)
    stop = threading.Event()
    thread = threading.Thread(target=keep_retaining, args=(settings, db, stop))
    thread.start()
    try:
        deadline = time.monotonic() + 30
        while not deletion_records(db) and time.monotonic() < deadline:
            time.sleep(0.1)
    finally:
        stop.set()
        thread.join()
    [record] = deletion_records(db)
    assert (
        record["doc_type"] == "rechnung"
        and record["expired_on"] == (dt.datetime.now(dt.UTC).date() - dt.timedelta(days=1)).isoformat()
    )
    assert (
        not settings.path("archive", "item-auto.pdf").exists()
        and settings.path("archive", "item-a.pdf").exists()
    )
    db.dispose()
