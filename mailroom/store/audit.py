"""The read audit: one append-only row (`read_audit`) for every look at an item's page, its
PDF or one of its page images, and the listing of them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select

from mailroom.store.db import Database
from mailroom.store.items import utc
from mailroom.store.tables import ReadAudit

WHAT = ("item", "pdf", "image")  # the item's page, its PDF, one page image


@dataclass(frozen=True)
class ReadRecord:
    """One look at an item."""

    at: dt.datetime  # aware UTC
    user: str
    item_id: str
    what: str  # one of WHAT
    page: int | None  # of an image
    address: str  # the client's


def record_read(
    db: Database, user: str, item_id: str, what: str, address: str, page: int | None = None
) -> None:
    """Append a row: `user` looked at `what` of `item_id` from `address`."""
    if what not in WHAT:
        raise ValueError(f"what must be one of {', '.join(WHAT)}, not {what!r}")
    with db.session() as session:
        session.add(
            ReadAudit(
                at=dt.datetime.now(dt.UTC),
                user=user,
                item_id=item_id,
                what=what,
                page=page,
                address=address[:64],
            )
        )


def reads(db: Database, item_id: str = "", user: str = "", limit: int = 200) -> tuple[list[ReadRecord], int]:
    """The newest `limit` rows (of one item and/or one user, if given), newest first, and
    how many rows match in all."""
    query = select(ReadAudit)
    if item_id:
        query = query.where(ReadAudit.item_id == item_id)
    if user:
        query = query.where(ReadAudit.user == user)
    with db.session() as session:
        total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
        rows = session.scalars(query.order_by(ReadAudit.id.desc()).limit(limit))
        return [ReadRecord(utc(r.at), r.user, r.item_id, r.what, r.page, r.address) for r in rows], total
