"""The hash chains that make the audit trail tamper-evident.

Three append-only tables form the audit trail: `events` (every state change and notable
fact), `review_decisions` (who decided what about an item) and `read_audit` (who looked at
which item). Each has a chain of its own: every row carries its place in the chain
(`chain_seq`, 1, 2, …) and `chain_hash = SHA-256(previous row's chain_hash + SHA-256 of the
row's canonical content)`; the first row follows `GENESIS`. The head of each chain (last
number and hash) is a row of `audit_chain`, so rows cut off at the end are found too.

How rows are linked safely when many processes append at once: a row is written without
its link, and the transaction that wrote it links it just before it commits (the session's
`before_commit` hook, `watch_sessions`): it locks the chain's head row (`SELECT … FOR
UPDATE` on PostgreSQL; SQLite has one writer at a time anyway and the transaction already
holds the write lock), links every row that is not yet linked in id order, moves the head
and commits. The lock is the last one a transaction takes and is held only for its commit,
so it cannot take part in a deadlock, and the order of the chain is the order in which the
transactions committed (ids from a PostgreSQL sequence need not be: a transaction may commit
a lower id after a higher one). A row written some other way (plain SQL) is linked by the
next transaction that links a row of its table.

A row's canonical content is its columns of `CONTENT` (fixed per table: a later column is
not part of old rows' hashes) as JSON with sorted keys, times in UTC without a zone. A
retention run deletes the audit rows of an expired item; it keeps each row's number,
content hash and link in the deletion record (`deletion_records.links`, no personal data),
and `verify_chains` takes those in place of the rows, so the chain stays verifiable.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, RowMapping, Select, Table, event, select, update
from sqlalchemy.orm import Session, sessionmaker

from mailroom.store.tables import AuditChain, DeletionRecord, Event, ReadAudit, ReviewDecision

GENESIS = "0" * 64
CONTENT: dict[str, tuple[str, ...]] = {
    "events": ("id", "at", "kind", "source_id", "item_id", "detail"),
    "review_decisions": ("id", "item_id", "user", "at", "action", "route", "before", "after"),
    "read_audit": ("id", "at", "user", "item_id", "what", "page", "address"),
}
TABLES: dict[str, Table] = {
    model.__tablename__: model.__table__  # type: ignore[misc]
    for model in (Event, ReviewDecision, ReadAudit)
}
BATCH = 2000  # rows read at a time when verifying


def canonical(name: str, row: Mapping[str, Any] | RowMapping) -> bytes:
    """The content of a row of table `name` that its hash covers, as bytes."""
    values = {column: _plain(row[column]) for column in CONTENT[name]}
    return json.dumps(values, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()


def content_hash(name: str, row: Mapping[str, Any] | RowMapping) -> str:
    return hashlib.sha256(canonical(name, row)).hexdigest()


def link(previous: str, content: str) -> str:
    """The chain hash of a row whose content hash is `content`, after a row with `previous`."""
    return hashlib.sha256(f"{previous}{content}".encode()).hexdigest()


def _plain(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(dt.UTC).replace(tzinfo=None)
        return value.isoformat(timespec="microseconds")
    return value


def watch_sessions(sessions: sessionmaker[Session]) -> None:
    """Link the audit rows a session adds when it commits (see the module's docstring)."""
    event.listen(sessions, "before_flush", _note_audit_rows)
    event.listen(sessions, "before_commit", _link_before_commit)


def _note_audit_rows(session: Session, _context: Any, _instances: Any) -> None:
    names = {obj.__tablename__ for obj in session.new if isinstance(obj, (Event, ReviewDecision, ReadAudit))}
    if names:
        session.info.setdefault("audit_tables", set()).update(names)


def _link_before_commit(session: Session) -> None:
    session.flush()  # rows added since the last flush get their ids (and are noted)
    names = session.info.pop("audit_tables", None)
    if names:
        seal(session.connection(), sorted(names))


def seal(connection: Connection, names: list[str] | None = None) -> int:
    """Link every row of the chained tables `names` (default: all) that has no link yet, in
    id order, under the lock of its chain's head. Returns how many rows were linked."""
    heads = AuditChain.__table__
    assert isinstance(heads, Table)
    linked = 0
    for name in sorted(names or TABLES):  # always the same order: no deadlock between two sealers
        table = TABLES[name]
        head = connection.execute(
            select(heads.c.seq, heads.c.hash).where(heads.c.name == name).with_for_update()
        ).one()
        seq, previous = head.seq, head.hash
        pending = connection.execute(_content(name).where(table.c.chain_seq.is_(None)).order_by(table.c.id))
        for row in pending.mappings().all():
            seq, previous = seq + 1, link(previous, content_hash(name, row))
            connection.execute(
                update(table).where(table.c.id == row["id"]).values(chain_seq=seq, chain_hash=previous)
            )
            linked += 1
        if seq != head.seq:
            connection.execute(update(heads).where(heads.c.name == name).values(seq=seq, hash=previous))
    return linked


def _content(name: str, *extra: Any) -> Select:
    """The columns a row's hash covers (and `extra`), as a query of table `name`."""
    table = TABLES[name]
    return select(*(table.c[column] for column in CONTENT[name]), *extra)


@dataclass(frozen=True)
class ChainProblem:
    """The first place where a chain does not hold."""

    table: str
    seq: int | None  # the row's place in the chain
    row_id: int | None  # the row's id, where the row is there
    what: str  # "changed", "missing", "unlinked", "end"


@dataclass(frozen=True)
class ChainReport:
    table: str
    rows: int  # rows checked
    deleted: int  # rows deleted by retention runs, checked by their kept links
    problem: ChainProblem | None


def deleted_links(connection: Connection) -> dict[str, dict[int, tuple[str, str]]]:
    """The links of audit rows deleted by retention runs: table → seq → (content, chain hash)."""
    kept: dict[str, dict[int, tuple[str, str]]] = {name: {} for name in TABLES}
    for (links,) in connection.execute(select(DeletionRecord.__table__.c.links)):
        for name, rows in (links or {}).items():
            for seq, content, chained in rows:
                kept.setdefault(name, {})[int(seq)] = (content, chained)
    return kept


def verify_chains(connection: Connection) -> Iterator[ChainReport]:
    """Check every chain from its first row to its head; one report per table, naming the
    first row that does not hold (a changed row, a missing one, one never linked, an end
    that is not the head's)."""
    kept = deleted_links(connection)
    heads = {row.name: (row.seq, row.hash) for row in connection.execute(select(AuditChain.__table__))}
    for name, table in TABLES.items():
        yield _verify(connection, name, table, heads.get(name, (0, GENESIS)), kept.get(name, {}))


def _verify(
    connection: Connection, name: str, table: Table, head: tuple[int, str], kept: dict[int, tuple[str, str]]
) -> ChainReport:
    unlinked = connection.execute(
        select(table.c.id).where(table.c.chain_seq.is_(None)).order_by(table.c.id).limit(1)
    ).scalar()
    seq, previous, rows, deleted = 0, GENESIS, 0, 0
    after = 0
    while True:
        batch = (
            connection.execute(
                _content(name, table.c.chain_seq, table.c.chain_hash)
                .where(table.c.chain_seq > after)
                .order_by(table.c.chain_seq)
                .limit(BATCH)
            )
            .mappings()
            .all()
        )
        for row in batch:
            while seq + 1 < row["chain_seq"]:  # rows deleted by a retention run: their kept links
                seq += 1
                if seq not in kept or kept[seq][1] != link(previous, kept[seq][0]):
                    return ChainReport(name, rows, deleted, ChainProblem(name, seq, None, "missing"))
                previous, deleted = kept[seq][1], deleted + 1
            seq += 1
            expected = link(previous, content_hash(name, row))
            if row["chain_hash"] != expected:
                return ChainReport(name, rows, deleted, ChainProblem(name, seq, row["id"], "changed"))
            previous, rows = expected, rows + 1
        if len(batch) < BATCH:
            break
        after = batch[-1]["chain_seq"]
    while seq < head[0] and seq + 1 in kept and kept[seq + 1][1] == link(previous, kept[seq + 1][0]):
        seq, previous, deleted = seq + 1, kept[seq + 1][1], deleted + 1
    if (seq, previous) != head:
        return ChainReport(name, rows, deleted, ChainProblem(name, seq + 1, None, "end"))
    if unlinked is not None:
        return ChainReport(name, rows, deleted, ChainProblem(name, None, unlinked, "unlinked"))
    return ChainReport(name, rows, deleted, None)
