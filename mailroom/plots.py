"""Images that people look at: contact sheets of labelled sets (and, later, model plots)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont, ImageOps

from mailroom.dataset import LabelledSet
from mailroom.ingest.pages import load_pages

THUMB_WIDTH = 300
CAPTION_HEIGHT = 44
PREVIEW_DPI = 40


def contact_sheet(labelled: LabelledSet, out: Path, count: int = 12, columns: int = 4) -> Path:
    """A PNG grid of the first page of `count` items, each captioned with its labels."""
    items = labelled.items[:count]
    tiles = [
        _tile(
            load_pages(labelled.file(item), dpi=PREVIEW_DPI)[0],
            [item.path, f"{item.doc_type} → {item.route}"],
        )
        for item in items
    ]
    rows = -(-len(tiles) // columns)
    tile_w, tile_h = THUMB_WIDTH, max(t.height for t in tiles)
    sheet = Image.new("RGB", (columns * tile_w, rows * tile_h), "white")
    for index, tile in enumerate(tiles):
        sheet.paste(tile, ((index % columns) * tile_w, (index // columns) * tile_h))
    out.parent.mkdir(parents=True, exist_ok=True)
    sheet.save(out)
    return out


def _tile(page: Image.Image, caption: Sequence[str]) -> Image.Image:
    thumb = ImageOps.contain(page.convert("RGB"), (THUMB_WIDTH - 12, int(THUMB_WIDTH * 1.5)))
    tile = Image.new("RGB", (THUMB_WIDTH, int(THUMB_WIDTH * 1.5) + CAPTION_HEIGHT), "white")
    tile.paste(ImageOps.expand(thumb, 1, "grey"), (6, 6))
    draw = ImageDraw.Draw(tile)
    font = ImageFont.load_default(size=14)
    for line_number, line in enumerate(caption):
        draw.text((8, thumb.height + 12 + line_number * 16), line, fill="black", font=font)
    return tile
