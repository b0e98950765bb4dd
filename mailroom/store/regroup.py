"""The rows of review's split and merge (see mailroom/review/regroup.py): items renumbered
and made, pages moved, flags carried over, an audit row and an event per item touched.

The review side checks (`check`, raising to refuse) and rebuilds the PDFs (`write`, given
each new document as chunks of (item as it was, its pages)) inside the transaction, so a
refusal or a failed write leaves the rows as they were."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from mailroom.item_state import ReviewMark, StoredItem, StoredPage
from mailroom.records import ItemState
from mailroom.store.db import Database
from mailroom.store.items import flags_of, item_record, page_record, pages_of, set_flags
from mailroom.store.search import index_item
from mailroom.store.tables import Delivery, Event, Item, Page, ReviewDecision

ID_LENGTH = 40  # Item.id is String(40)

Document = list[tuple[StoredItem, list[StoredPage]]]
Write = Callable[[dict[str, Document]], None]  # pdf path → its pages, by the item they were in


def split(
    db: Database,
    item_id: str,
    user: str,
    after_page: int,
    check: Callable[[StoredItem | None, int], None],
    write: Write,
) -> str:
    """Split the item after page `after_page` into itself and a new item in review without
    a prediction. `check(item, page count)` refuses. Returns the new item's id."""
    with db.session() as session:
        item = session.get(Item, item_id, with_for_update=True)
        pages = pages_of(session, item_id)
        check(item_record(item) if item else None, len(pages))
        assert item is not None
        was = item_record(item), [page_record(p) for p in pages]
        item.pdf_path = item.pdf_path or _sibling_pdf("", item_id)
        before = [_summary(item, pages)]
        keep, move = pages[:after_page], pages[after_page:]
        originals = _source_pages(item, pages)
        new_id = _new_id(session, item_id, after_page)
        later = select(Item).where(Item.source_id == item.source_id, Item.position > item.position)
        for other in session.scalars(later.order_by(Item.position.desc())).all():
            other.position += 1  # one at a time, last first: (source_id, position) is unique
            session.flush()
        flags = flags_of(item)
        new = Item(
            id=new_id, source_id=item.source_id, position=item.position + 1, state=ItemState.IN_REVIEW,
            page_count=len(move), source_pages={"pages": originals[after_page:]},
            pdf_path=_sibling_pdf(item.pdf_path, new_id), mean_confidence=_mean(move),
            doc_type=None, route=None, confidence=None, decision="review", model_version=None,
        )  # fmt: skip
        moved = flags.renumbered([p.number for p in move], 1)
        set_flags(
            new, flags.with_(prediction=None, pages=moved, review=ReviewMark(by=user, split_from=item_id))
        )
        session.add(new)
        session.flush()
        set_flags(item, flags.with_(pages=flags.renumbered([p.number for p in keep], 1)))
        for number, page in enumerate(move, start=1):
            page.item_id, page.number = new_id, number
        item.page_count, item.mean_confidence = len(keep), _mean(keep)
        item.source_pages = {**item.source_pages, "pages": originals[:after_page]}
        session.flush()
        after = [_summary(item, keep), _summary(new, move)]
        write({item.pdf_path: [(was[0], was[1][:after_page])], new.pdf_path: [(was[0], was[1][after_page:])]})
        _audit(session, user, "split", [item, new], before, after)
        index_item(session, item_id, new_id)
    return new_id


def merge(
    db: Database,
    item_id: str,
    user: str,
    check: Callable[[StoredItem | None, StoredItem | None, bool], None],
    write: Write,
) -> str:
    """Append the pages of the next item of the same source file (passing over items merged
    before) to this one; the next item becomes `failed`, marked merged into this one.
    `check(item, next item or None, next item is being delivered)` refuses. Returns the
    next item's id."""
    with db.session() as session:
        item = session.get(Item, item_id, with_for_update=True)
        following = _next_item(session, item) if item else None
        delivering = following is not None and _delivering(session, following.id)
        check(item_record(item) if item else None, item_record(following) if following else None, delivering)
        assert item is not None and following is not None
        pages, extra = pages_of(session, item_id), pages_of(session, following.id)
        document = [(item_record(item), [page_record(p) for p in pages])]
        document.append((item_record(following), [page_record(p) for p in extra]))
        item.pdf_path = item.pdf_path or _sibling_pdf("", item_id)
        before = [_summary(item, pages), _summary(following, extra)]
        originals = _source_pages(item, pages) + _source_pages(following, extra)
        flags, next_flags = flags_of(item), flags_of(following)
        merged = {**flags.renumbered([p.number for p in pages], 1)}
        merged |= next_flags.renumbered([p.number for p in extra], len(pages) + 1)
        for number, page in enumerate(extra, start=len(pages) + 1):
            page.item_id, page.number = item_id, number
        every = pages + extra
        item.page_count, item.mean_confidence = len(every), _mean(every)
        item.source_pages = {**item.source_pages, "pages": originals}
        set_flags(item, flags.with_(pages=merged))
        now = dt.datetime.now(dt.UTC).isoformat()
        mark = ReviewMark(by=user, at=now, action="merge", merged_into=item_id)
        following.state, following.page_count, following.source_pages = ItemState.FAILED, 0, {"pages": []}
        set_flags(following, next_flags.with_(review=mark))
        session.flush()
        after = [_summary(item, every), _summary(following, [])]
        write({item.pdf_path: document})
        _audit(session, user, "merge", [item, following], before, after)
        index_item(session, item_id, following.id)
        return following.id


def next_item_id(db: Database, item_id: str) -> str | None:
    """The id of the item `merge` would append to `item_id`, or None."""
    with db.session() as session:
        item = session.get(Item, item_id)
        following = _next_item(session, item, lock=False) if item else None
        return following.id if following else None


def _next_item(session: Session, item: Item, lock: bool = True) -> Item | None:
    """The next item of the source file by position, passing over items merged before;
    None if there is none."""
    query = (
        select(Item)
        .where(Item.source_id == item.source_id, Item.position > item.position)
        .order_by(Item.position)
    )
    for other in session.scalars(query.with_for_update() if lock else query):
        review = flags_of(other).review
        if review is not None and review.merged_into:
            continue
        return other
    return None


def _delivering(session: Session, item_id: str) -> bool:
    return session.scalar(select(Delivery.id).where(Delivery.item_id == item_id).limit(1)) is not None


def _new_id(session: Session, item_id: str, after_page: int) -> str:
    candidate = f"{item_id}-s{after_page}"
    while len(candidate) > ID_LENGTH or session.get(Item, candidate) is not None:
        candidate = f"{item_id[: ID_LENGTH - 14]}-s{after_page}-{uuid.uuid4().hex[:8]}"
    return candidate


def _sibling_pdf(pdf_path: str, item_id: str) -> str:
    return str(Path(pdf_path or "archive/pdf/x.pdf").with_name(f"{item_id}.pdf"))


def _mean(pages: list[Page]) -> float:
    values = [p.mean_confidence for p in pages if (p.words or {}).get("words")]
    return sum(values) / len(values) if values else 0.0


def _source_pages(item: Item, pages: list[Page]) -> list[int]:
    """The pages of the source file the item's pages were cut from, in order."""
    listed = list((item.source_pages or {}).get("pages") or [])
    return listed if len(listed) == len(pages) else [p.source_page for p in pages]


def _summary(item: Item, pages: list[Page]) -> dict[str, Any]:
    return {"id": item.id, "state": str(item.state), "page_count": len(pages),
            "source_pages": _source_pages(item, pages), "pdf_path": item.pdf_path}  # fmt: skip


def _audit(
    session: Session, user: str, action: str, items: list[Item], before: list[dict], after: list[dict]
) -> None:
    now = dt.datetime.now(dt.UTC)
    for item in items:
        state = {"items": before}, {"items": after}
        session.add(
            ReviewDecision(item_id=item.id, user=user, at=now, action=action, before=state[0], after=state[1])
        )
        session.add(Event(at=now, kind="reviewed", item_id=item.id, source_id=item.source_id,
                          detail={"user": user, "action": action, "before": state[0], "after": state[1]}))  # fmt: skip
