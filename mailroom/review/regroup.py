"""Fixing a wrong separation during review: split an item after one of its pages, or merge
it with the next item of the same source file.

Both keep every item row (the audit trail points at them), move the page rows, rebuild the
searchable PDFs from the per-page PDFs (or, where those are gone, from the item's PDF page
by page) and write a `review_decisions` row and an Event for every item touched. A split-off
item has no prediction: a reviewer has to choose its labels.
"""

from __future__ import annotations

import io
import logging
from pathlib import Path

from pypdf import PdfReader, PdfWriter

from mailroom.ingest.read import write_atomically
from mailroom.item_state import StoredItem, StoredPage
from mailroom.records import ItemState
from mailroom.review.i18n import N_, Refused
from mailroom.review.queue import NotInReview
from mailroom.store import regroup
from mailroom.store.db import Database

log = logging.getLogger(__name__)

MERGEABLE = (ItemState.IN_REVIEW, ItemState.AUTO_APPROVED)


def split_item(db: Database, home: Path, item_id: str, user: str, after_page: int) -> str:
    """Split an item in review after page `after_page`: it keeps pages 1..k, a new item in
    review gets the rest. Returns the new item's id. Raises NotInReview, or Refused for a
    position outside 1..page_count-1."""

    def check(item: StoredItem | None, pages: int) -> None:
        _check_in_review(item, item_id)
        if not 1 <= after_page < pages:
            if pages == 1:
                raise Refused(N_("Cannot split %(id)s: a single page cannot be split."), id=item_id)
            raise Refused(N_("Cannot split %(id)s after page %(page)s: give a page from 1 to %(last)s."),
                          id=item_id, page=after_page, last=pages - 1)  # fmt: skip

    new_id = regroup.split(
        db, item_id, user, after_page, check, lambda documents: _write_pdfs(home, documents)
    )
    log.info(
        "%s: split after page %s by %s -> %s", item_id, after_page, user, new_id, extra={"item_id": item_id}
    )
    return new_id


def merge_with_next(db: Database, home: Path, item_id: str, user: str) -> str:
    """Append the pages of the next item of the same source file (in review or auto-approved,
    not being dispatched) to this item in review; the next item becomes `failed` with
    `flags["review"]["merged_into"]`. Returns the next item's id."""

    def check(item: StoredItem | None, following: StoredItem | None, delivering: bool) -> None:
        _check_in_review(item, item_id)
        if following is None:
            raise Refused(N_("Cannot merge %(id)s: it is the last item of its source file, there is no next item."),
                          id=item_id)  # fmt: skip
        if following.state not in MERGEABLE:
            raise Refused(N_("Cannot merge %(id)s with the next item %(next)s: only items in review or "
                             "routed automatically can be merged."), id=item_id, next=following.id)  # fmt: skip
        if delivering:
            raise Refused(N_("Cannot merge %(id)s with the next item %(next)s: it is being delivered already."),
                          id=item_id, next=following.id)  # fmt: skip

    merged = regroup.merge(db, item_id, user, check, lambda documents: _write_pdfs(home, documents))
    log.info("%s: merged with %s by %s", item_id, merged, user, extra={"item_id": item_id})
    return merged


def _check_in_review(item: StoredItem | None, item_id: str) -> None:
    if item is None or item.state != ItemState.IN_REVIEW:
        raise NotInReview(N_("Item %(id)s is not waiting for review (any more)."), id=item_id)


def _write_pdfs(home: Path, documents: dict[str, regroup.Document]) -> None:
    """Build every document from the pages' PDFs as they are, then write them."""
    contents = {
        relative: _build_pdf([source for item, pages in chunks for source in _pdf_sources(home, item, pages)])
        for relative, chunks in documents.items()
    }
    for relative, content in contents.items():
        target = home / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(target, content)


def _pdf_sources(home: Path, item: StoredItem, pages: list[StoredPage]) -> list[tuple[Path, int]]:
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
