"""Fixing a wrong separation during review: split an item after one of its pages, or merge
it with the next item of the same source file.

Both keep every item row (the audit trail points at them), move the page rows, rebuild the
searchable PDFs from the per-page PDFs (or, where those are gone, from the item's PDF page
by page) and write a `review_decisions` row and an Event for every item touched. A split-off
item has no prediction: a reviewer has to choose its labels.
"""

from __future__ import annotations

import datetime as dt
import io
import logging
import uuid
from pathlib import Path
from typing import Any

from pypdf import PdfReader, PdfWriter
from sqlalchemy import select

from mailroom.ingest.read import write_atomically
from mailroom.records import ItemState
from mailroom.review.i18n import N_, Refused
from mailroom.review.queue import NotInReview
from mailroom.store.db import Database
from mailroom.store.tables import Delivery, Event, Item, Page, ReviewDecision

log = logging.getLogger(__name__)

MERGEABLE = (ItemState.IN_REVIEW, ItemState.AUTO_APPROVED)
ID_LENGTH = 40  # Item.id is String(40)


def split_item(db: Database, home: Path, item_id: str, user: str, after_page: int) -> str:
    """Split an item in review after page `after_page`: it keeps pages 1..k, a new item in
    review gets the rest. Returns the new item's id. Raises NotInReview, or Refused for a
    position outside 1..page_count-1."""
    with db.session() as session:
        item = _in_review(session, item_id)
        pages = _pages(session, item_id)
        if not 1 <= after_page < len(pages):
            if len(pages) == 1:
                raise Refused(N_("Cannot split %(id)s: a single page cannot be split."), id=item_id)
            raise Refused(N_("Cannot split %(id)s after page %(page)s: give a page from 1 to %(last)s."),
                          id=item_id, page=after_page, last=len(pages) - 1)  # fmt: skip
        sources = _pdf_sources(home, item, pages)
        item.pdf_path = item.pdf_path or _sibling_pdf("", item_id)
        before = [_summary(item, pages)]
        keep, move = pages[:after_page], pages[after_page:]
        originals = _source_pages(item, pages)
        new_id = _new_id(session, item_id, after_page)
        later = select(Item).where(Item.source_id == item.source_id, Item.position > item.position)
        for other in session.scalars(later.order_by(Item.position.desc())).all():
            other.position += 1  # one at a time, last first: (source_id, position) is unique
            session.flush()
        flags = {k: v for k, v in item.flags.items() if k not in ("prediction", "review", "pages")}
        new = Item(
            id=new_id, source_id=item.source_id, position=item.position + 1, state=ItemState.IN_REVIEW,
            page_count=len(move), source_pages={"pages": originals[after_page:]},
            pdf_path=_sibling_pdf(item.pdf_path, new_id), mean_confidence=_mean(move),
            flags={**flags, "pages": _page_flags(item.flags, move, 1), "review": {"split_from": item_id, "by": user}},
            doc_type=None, route=None, confidence=None, decision="review", model_version=None,
        )  # fmt: skip
        session.add(new)
        session.flush()
        old_flags = _page_flags(item.flags, keep, 1)
        for number, page in enumerate(move, start=1):
            page.item_id, page.number = new_id, number
        item.page_count, item.mean_confidence = len(keep), _mean(keep)
        item.source_pages = {**item.source_pages, "pages": originals[:after_page]}
        item.flags = {**item.flags, "pages": old_flags}
        session.flush()
        after = [_summary(item, keep), _summary(new, move)]
        documents = {
            item.pdf_path: _build_pdf(sources[:after_page]),
            new.pdf_path: _build_pdf(sources[after_page:]),
        }
        for relative, content in documents.items():
            _write_pdf(home, relative, content)
        _audit(session, user, "split", [item, new], before, after)
    log.info(
        "%s: split after page %s by %s -> %s", item_id, after_page, user, new_id, extra={"item_id": item_id}
    )
    return new_id


def merge_with_next(db: Database, home: Path, item_id: str, user: str) -> str:
    """Append the pages of the next item of the same source file (in review or auto-approved,
    not being dispatched) to this item in review; the next item becomes `failed` with
    `flags["review"]["merged_into"]`. Returns the next item's id."""
    with db.session() as session:
        item = _in_review(session, item_id)
        following = _next_item(session, item)
        pages, extra = _pages(session, item_id), _pages(session, following.id)
        sources = _pdf_sources(home, item, pages) + _pdf_sources(home, following, extra)
        item.pdf_path = item.pdf_path or _sibling_pdf("", item_id)
        before = [_summary(item, pages), _summary(following, extra)]
        originals = _source_pages(item, pages) + _source_pages(following, extra)
        merged_flags = {
            **_page_flags(item.flags, pages, 1),
            **_page_flags(following.flags, extra, len(pages) + 1),
        }
        for number, page in enumerate(extra, start=len(pages) + 1):
            page.item_id, page.number = item_id, number
        every = pages + extra
        item.page_count, item.mean_confidence = len(every), _mean(every)
        item.source_pages = {**item.source_pages, "pages": originals}
        item.flags = {**item.flags, "pages": merged_flags}
        now = dt.datetime.now(dt.UTC).isoformat()
        review = {"by": user, "at": now, "action": "merge", "merged_into": item_id}
        following.state, following.page_count, following.source_pages = ItemState.FAILED, 0, {"pages": []}
        following.flags = {**following.flags, "review": review}
        session.flush()
        after = [_summary(item, every), _summary(following, [])]
        _write_pdf(home, item.pdf_path, _build_pdf(sources))
        _audit(session, user, "merge", [item, following], before, after)
        merged = following.id
    log.info("%s: merged with %s by %s", item_id, merged, user, extra={"item_id": item_id})
    return merged


def _in_review(session, item_id: str) -> Item:
    item = session.get(Item, item_id, with_for_update=True)
    if item is None or item.state != ItemState.IN_REVIEW:
        raise NotInReview(N_("Item %(id)s is not waiting for review (any more)."), id=item_id)
    return item


def _pages(session, item_id: str) -> list[Page]:
    return list(session.scalars(select(Page).where(Page.item_id == item_id).order_by(Page.number)))


def _next_item(session, item: Item) -> Item:
    """The next item of the source file by position, passing over items merged before."""
    query = (
        select(Item)
        .where(Item.source_id == item.source_id, Item.position > item.position)
        .order_by(Item.position)
    )
    for other in session.scalars(query.with_for_update()):
        if (other.flags.get("review") or {}).get("merged_into"):
            continue
        if other.state not in MERGEABLE:
            raise Refused(N_("Cannot merge %(id)s with the next item %(next)s: only items in review or "
                             "routed automatically can be merged."), id=item.id, next=other.id)  # fmt: skip
        if session.scalar(select(Delivery.id).where(Delivery.item_id == other.id).limit(1)) is not None:
            raise Refused(N_("Cannot merge %(id)s with the next item %(next)s: it is being delivered already."),
                          id=item.id, next=other.id)  # fmt: skip
        return other
    raise Refused(
        N_("Cannot merge %(id)s: it is the last item of its source file, there is no next item."), id=item.id
    )


def _new_id(session, item_id: str, after_page: int) -> str:
    candidate = f"{item_id}-s{after_page}"
    while len(candidate) > ID_LENGTH or session.get(Item, candidate) is not None:
        candidate = f"{item_id[: ID_LENGTH - 14]}-s{after_page}-{uuid.uuid4().hex[:8]}"
    return candidate


def _sibling_pdf(pdf_path: str, item_id: str) -> str:
    return str(Path(pdf_path or "archive/pdf/x.pdf").with_name(f"{item_id}.pdf"))


def _mean(pages: list[Page]) -> float:
    values = [p.mean_confidence for p in pages if (p.words or {}).get("words")]
    return sum(values) / len(values) if values else 0.0


def _page_flags(flags: dict[str, Any], pages: list[Page], first: int) -> dict[str, Any]:
    """The per-page OCR flags (`flags["pages"]`, by page number) of `pages`, renumbered from `first`."""
    old = flags.get("pages") or {}
    return {str(n): old[str(p.number)] for n, p in enumerate(pages, start=first) if str(p.number) in old}


def _pdf_sources(home: Path, item: Item, pages: list[Page]) -> list[tuple[Path, int]]:
    """Where each page's searchable PDF page is: its own per-page PDF next to its image
    (`work/<item>/<nnn>.pdf`), else that page of the item's PDF."""
    item_pdf = home / item.pdf_path if item.pdf_path else None
    count = len(PdfReader(item_pdf).pages) if item_pdf and item_pdf.is_file() else 0
    sources = []
    for page in pages:
        own = home / (page.image_path.removesuffix("_clean.png") + ".pdf")
        if page.image_path.endswith("_clean.png") and own.is_file():
            sources.append((own, 0))
        elif item_pdf is not None and page.number <= count:
            sources.append((item_pdf, page.number - 1))
        else:
            raise Refused(
                N_("Page %(page)s of %(id)s has no PDF to rebuild the documents from."),
                page=page.number,
                id=item.id,
            )
    return sources


def _build_pdf(sources: list[tuple[Path, int]]) -> bytes:
    """The given pages in order, as one PDF (read before any PDF is rewritten)."""
    readers: dict[Path, PdfReader] = {}
    writer = PdfWriter()
    for path, index in sources:
        if path not in readers:
            readers[path] = PdfReader(io.BytesIO(path.read_bytes()))
        writer.add_page(readers[path].pages[index])
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def _write_pdf(home: Path, relative: str, content: bytes) -> None:
    target = home / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(target, content)


def _source_pages(item: Item, pages: list[Page]) -> list[int]:
    """The pages of the source file the item's pages were cut from, in order."""
    listed = list((item.source_pages or {}).get("pages") or [])
    return listed if len(listed) == len(pages) else [p.source_page for p in pages]


def _summary(item: Item, pages: list[Page]) -> dict[str, Any]:
    return {"id": item.id, "state": str(item.state), "page_count": len(pages),
            "source_pages": _source_pages(item, pages), "pdf_path": item.pdf_path}  # fmt: skip


def _audit(session, user: str, action: str, items: list[Item], before: list[dict], after: list[dict]) -> None:
    now = dt.datetime.now(dt.UTC)
    for item in items:
        state = {"items": before}, {"items": after}
        session.add(
            ReviewDecision(item_id=item.id, user=user, at=now, action=action, before=state[0], after=state[1])
        )
        session.add(Event(at=now, kind="reviewed", item_id=item.id, source_id=item.source_id,
                          detail={"user": user, "action": action, "before": state[0], "after": state[1]}))  # fmt: skip
