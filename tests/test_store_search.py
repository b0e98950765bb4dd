"""Search over the items on real SQLite (FTS5) and PostgreSQL (tsvector, german): the
pipeline's writes keep the index current, filters and the route restriction hold, German
inflections and umlauts are found, and no input makes a query fail."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PIL import Image

from mailroom.flow.items import Classifier, classify_items, record_ocr
from mailroom.flow.sources import Folders
from mailroom.records import ItemState, PageOcr, ProcessedPage
from mailroom.review.queue import decide
from mailroom.review.regroup import split_item
from mailroom.settings import Settings
from mailroom.store.db import Database, migrate, open_database
from mailroom.store.items import get_item
from mailroom.store.search import SearchQuery, index_item, search_items
from mailroom.store.tables import Item, Page, SourceFile

LETTER = """Erika Braun · Lindenweg 3 · 09111 Chemnitz
Stadt Chemnitz
Steueramt
Chemnitz, den 12.03.2026
Aktenzeichen: 3 K 123/24
Widerspruch gegen den Hundesteuerbescheid
Sehr geehrte Damen und Herren, hiermit lege ich Widerspruch gegen die Gebührenbescheide
vom 01.03.2026 ein. Die Müllabfuhr wurde doppelt berechnet.
Mit freundlichen Grüßen
Erika Braun"""
ENCLOSURE = "Anlage: Kontoauszug der Sparkasse mit der Abbuchung vom Februar"
NOW = dt.datetime(2026, 3, 20, 12, tzinfo=dt.UTC)
# id, state, route, doc_type, days before NOW, sender, text
ITEMS = [
    ("s-1", "in_review", "steueramt", "widerspruch", 1, "Erika Braun", "Widerspruch gegen die Hundesteuer"),
    ("s-2", "approved", "sozialamt", "antrag", 3, "Hans Müller", "Antrag auf Wohngeld für Familie Müller"),
    ("s-3", "dispatched", "steueramt", "rechnung", 8, "Stadtwerke Chemnitz", "Rechnung Nr. 2026-0815 Wasser"),
    ("s-4", "in_review", "ordnungsamt", "beschwerde", 30, "Karl Braunschweig", "Beschwerde über Lärm"),
]


def found(db: Database, **fields) -> list[str]:
    return [hit.item.id for hit in search_items(db, SearchQuery(**fields)).hits]


def seeded(url: str) -> Database:
    """ITEMS, inserted and indexed the way the store's write path does it."""
    db = open_database(url)
    with db.session() as session:
        source = SourceFile(sha256="1" * 64, original_name="b.pdf", size=1, claim_path="c/b", state="done")
        session.add(source)
        session.flush()
        for position, (item_id, state, route, doc_type, days, sender, text) in enumerate(ITEMS, 1):
            metadata = (
                {"sender": sender, "references": {"Rechnungsnummer": ["2026-0815"]}} if position == 3 else {}
            )
            session.add(Item(id=item_id, source_id=source.id, position=position, state=state, page_count=1,
                             route=route, doc_type=doc_type, created_at=NOW - dt.timedelta(days=days),
                             flags={"metadata": metadata or {"sender": sender}}))  # fmt: skip
            session.flush()
            session.add(Page(item_id=item_id, number=1, source_page=0, rotation=0, skew=0.0, image_path="x.png",
                             text=f"{sender}\n{text}", words={}, mean_confidence=90.0))  # fmt: skip
            index_item(session, item_id)
    return db


def test_the_pipeline_keeps_the_index_current(tmp_path: Path, database_url: str) -> None:
    """OCR text is found once recorded, sender and Aktenzeichen once classified; a split
    moves the enclosure's words to the new item; a correction moves the item to its office."""
    settings = Settings(home=tmp_path / "home", database_url=database_url)
    folders = Folders.of(settings)
    folders.make()
    db = open_database(settings.database)
    with db.session() as session:
        source = SourceFile(
            sha256="2" * 64, original_name="brief.png", size=1, claim_path="c/2", state="split"
        )
        session.add(source)
        session.flush()
        session.add(Item(id="brief-1", source_id=source.id, position=1, state="split", page_count=2,
                         source_pages={"pages": [0, 1]}, flags={}))  # fmt: skip
    pages = []
    for number, text in enumerate((LETTER, ENCLOSURE), start=1):
        pdf = folders.work / "brief-1" / f"{number:03d}.pdf"
        pdf.parent.mkdir(parents=True, exist_ok=True)
        Image.new("L", (60, 84), 255).save(pdf, "PDF")
        ocr = PageOcr(text=text, words=(), mean_confidence=0.0)  # no trusted words: the item goes to review
        pages.append(
            ProcessedPage("brief-1", number, number - 1, 0, 0.0, str(pdf.with_suffix(".png")), ocr, str(pdf))
        )

    record_ocr(db, folders, "brief-1", pages)
    assert found(db, text="Müllabfuhr") == ["brief-1"]
    assert found(db, sender="Braun") == []  # no metadata before classification

    classify_items(db, ["brief-1"], Classifier(settings))
    item = get_item(db, "brief-1")
    assert item is not None and item.state == ItemState.IN_REVIEW and item.metadata.sender
    assert found(db, sender="Erika Braun") == ["brief-1"]
    assert found(db, reference="3 K 123/24") == ["brief-1"]
    assert found(db, text="Kontoauszug") == ["brief-1"]

    new_id = split_item(db, settings.home, "brief-1", "rita", after_page=1)
    assert found(db, text="Kontoauszug") == [new_id]
    assert found(db, text="Müllabfuhr") == ["brief-1"]

    decide(db, settings.taxonomy, "brief-1", "rita", "widerspruch", "rechtsamt")
    assert found(db, text="Müllabfuhr", route="rechtsamt", state="approved") == ["brief-1"]
    assert found(db, text="Müllabfuhr", state="in_review") == []
    db.dispose()


def test_sender_reference_and_words_are_found_with_hits_marked(database_url: str) -> None:
    db = seeded(database_url)
    assert found(db, sender="Braun") == ["s-1", "s-4"]  # Braun, Braunschweig: a prefix
    assert found(db, sender="Müller") == ["s-2"]
    assert found(db, sender="Hundesteuer") == []  # in the text, not the sender
    assert found(db, reference="2026-0815") == ["s-3"]
    assert found(db, text="Rechnung 2026-0815") == ["s-3"]
    hit = search_items(db, SearchQuery(text="Wohngeld")).hits[0]
    assert hit.item.id == "s-2" and ("Wohngeld", True) in hit.snippet
    assert "".join(part for part, _ in hit.snippet) == "Hans Müller Antrag auf Wohngeld für Familie Müller"
    db.dispose()


def test_other_inflections_and_spellings_without_umlaut_are_found(database_url: str) -> None:
    db = seeded(database_url)
    assert found(db, text="Muller") == ["s-2"]  # umlaut folded
    assert found(db, text="Anträge Wohngelds") == ["s-2"]
    assert found(db, text="Beschwerden") == ["s-4"]
    assert found(db, text="widersprüche") == ["s-1"]
    db.dispose()


def test_filters_order_pages_and_the_route_restriction(database_url: str) -> None:
    db = seeded(database_url)
    day = dt.timedelta(days=1)
    assert found(db, received_from=NOW - 5 * day) == ["s-1", "s-2"]  # no words: newest first
    assert found(db, received_from=NOW - 10 * day, received_until=NOW - 2 * day) == ["s-2", "s-3"]
    assert found(db, state="in_review") == ["s-1", "s-4"]
    assert found(db, text="Chemnitz", doc_type="rechnung") == ["s-3"]
    assert found(db, text="Braun", route="ordnungsamt", state="in_review") == ["s-4"]
    assert found(db, text="Braun", received_until=NOW - 10 * day) == ["s-4"]
    first = search_items(db, SearchQuery(state="in_review", per_page=1))
    second = search_items(db, SearchQuery(state="in_review", per_page=1, page=2))
    assert (first.total, first.pages, [h.item.id for h in first.hits + second.hits]) == (2, 2, ["s-1", "s-4"])
    newest = search_items(db, SearchQuery(text="Braun", newest_first=True))
    assert [h.item.id for h in newest.hits] == ["s-1", "s-4"]
    restricted = search_items(db, SearchQuery(text="Braun"), allowed_routes=frozenset({"ordnungsamt"}))
    assert (restricted.total, [h.item.id for h in restricted.hits]) == (1, ["s-4"])
    assert search_items(db, SearchQuery(), allowed_routes=frozenset()).total == 0
    hidden = search_items(db, SearchQuery(sender="Müller"), visible=Item.state != "approved")
    assert hidden.total == 0
    db.dispose()


HOSTILE = ["AND OR", "NOT", "NEAR(Braun", "sender:Braun", "{body}", "*", '"', "(((", "Braun:*A", "ß" * 400,
           "'; DROP TABLE items; --", "\\", "%_", "Braun OR"]  # fmt: skip
BRAUN = ['"Braun', 'Braun"*', "^Braun", "Braun & | ! <->", "\x00\x02Braun\x03"]  # a word "Braun" in it


def test_hostile_input_does_not_fail(database_url: str) -> None:
    db = seeded(database_url)
    for words in HOSTILE + BRAUN:
        for field in ("text", "sender", "reference"):
            result = search_items(db, SearchQuery(**{field: words}))
            assert result.total == len(result.hits)
            if words in BRAUN and field != "reference":
                assert {hit.item.id for hit in result.hits} == {"s-1", "s-4"}, words
    assert found(db, sender="Braun") == ["s-1", "s-4"]  # nothing dropped
    db.dispose()


def test_the_migration_indexes_the_items_already_there(database_url: str) -> None:
    old = open_database(database_url)
    with old.engine.begin() as connection:  # back to the schema before search
        migrate_down(connection)
    with old.session() as session:
        session.add(
            SourceFile(id=1, sha256="3" * 64, original_name="a.pdf", size=1, claim_path="c/a", state="done")
        )
        session.flush()
        session.add(Item(id="old-1", source_id=1, position=1, state="approved", page_count=1,
                         flags={"metadata": {"sender": "Erika Braun"}}))  # fmt: skip
        session.flush()
        session.add(Page(item_id="old-1", number=1, source_page=0, rotation=0, skew=0.0, image_path="x.png",
                         text="Widerspruch gegen den Bescheid", words={}, mean_confidence=90.0))  # fmt: skip
    migrate(old.engine)
    assert found(old, sender="Braun") == found(old, text="Bescheid") == ["old-1"]
    old.dispose()


def migrate_down(connection) -> None:
    from alembic import command
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from mailroom.store.db import MIGRATIONS

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    command.downgrade(config, ScriptDirectory.from_config(config).get_revision("0008").down_revision)
