"""The synthetic corpus: plan labelled items, render and scan them in parallel, write a set.

Each item is made from its own seed (`<seed>:<index>`), so the set is the same for the
same seed whatever the number of worker processes. The layout of the output is the one
of shared/DATASET.md: `labels.csv` + `items/`, and `batches/` with `batches.csv`.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import random
import shutil
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from PIL import Image

from mailroom.dataset import (
    BATCHES_DIR,
    LABELS_FILE,
    BatchEntry,
    LabelledItem,
    write_batches,
    write_dataset,
)
from mailroom.errors import BadConfig, BadInput
from mailroom.files import read_yaml, write_atomically
from mailroom.parallel import process_pool
from mailroom.synth.content import compose_item
from mailroom.synth.document import MailItem
from mailroom.synth.layout import RenderedPage, render_item, render_separator
from mailroom.synth.scan import ScannedPage, ScanProfile, blank_page, draw_profile, scan_page
from mailroom.synth.writers import court
from mailroom.taxonomy import Taxonomy

ITEMS_DIR = "items"
FIRST_RECEIVED = dt.date(2026, 1, 5)
RECEIVED_SPAN_DAYS = 320
BATCH_SIZES = (3, 4, 5, 6)
DUPLEX_SHARE = 0.35
MULTI_PAGE_FORMATS = ("pdf", "tiff")

Progress = Callable[[int], None]  # called with the number of units just finished


@dataclass(frozen=True)
class SynthConfig:
    """configs/synth.yaml: the declared pairs and how items are drawn and written."""

    doc_type_weights: dict[str, float]
    pairs: dict[str, dict[str, float]]
    formats: dict[str, float]
    dpi_choices: tuple[int, ...]
    test_share: float
    court_routes: dict[str, str]  # court matter -> route, with a "default"

    def all_pairs(self) -> list[tuple[str, str]]:
        return [(d, r) for d, routes in self.pairs.items() for r in routes]


@dataclass(frozen=True)
class ItemPlan:
    """What one item will be, decided before any rendering."""

    key: str  # seeds the item's own random generator
    doc_type: str
    route: str
    received: dt.date


@dataclass(frozen=True)
class ItemJob:
    plan: ItemPlan
    path: str  # relative to the output folder, without the suffix
    formats: dict[str, float]
    dpi_choices: tuple[int, ...]
    court_routes: dict[str, str]
    scan: bool = True  # False: the rendered pages as they are, without scanner defects


@dataclass(frozen=True)
class BatchJob:
    plans: tuple[ItemPlan, ...]
    key: str
    path: str  # relative to batches/, without the suffix
    dpi_choices: tuple[int, ...]
    court_routes: dict[str, str]


@dataclass(frozen=True)
class SynthReport:
    folder: Path
    items: int
    batches: int
    batch_items: int
    pages: int
    seconds: float


def load_synth_config(path: Path, taxonomy: Taxonomy) -> SynthConfig:
    """Read and check configs/synth.yaml against the taxonomy. Raises BadConfig."""
    data = read_yaml(path, "the corpus configuration")
    try:
        config = SynthConfig(
            doc_type_weights={str(k): float(v) for k, v in data["doc_type_weights"].items()},
            pairs={
                str(d): {str(r): float(w) for r, w in routes.items()} for d, routes in data["pairs"].items()
            },
            formats={str(k): float(v) for k, v in data["formats"].items()},
            dpi_choices=tuple(int(d) for d in data["dpi_choices"]),
            test_share=float(data["test_share"]),
            court_routes={str(k): str(v) for k, v in data["court_routes"].items()},
        )
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise BadConfig(f"cannot read the corpus configuration {path}: {exc!r}") from exc
    problems = [p for d, r in config.all_pairs() for p in taxonomy.check(d, r)]
    problems += [f"doc_type '{d}' has no pairs" for d in taxonomy.doc_types if d not in config.pairs]
    problems += [
        f"weight for unknown doc_type '{d}'" for d in config.doc_type_weights if d not in config.pairs
    ]
    problems += [
        f"format '{f}' is not one of pdf, tiff, png, jpg"
        for f in config.formats
        if f not in ("pdf", "tiff", "png", "jpg")
    ]
    problems += _court_problems(config, taxonomy)
    if not 0 <= config.test_share < 1:
        problems.append(f"test_share {config.test_share} must lie in [0, 1)")
    if problems:
        raise BadConfig(f"{path}: " + "; ".join(problems))
    return config


def _court_problems(config: SynthConfig, taxonomy: Taxonomy) -> list[str]:
    """The court routing policy must name known matters and routes, and the gerichtspost
    pairs must be exactly the routes the policy sends court mail to."""
    policy = config.court_routes
    problems = court.check_policy(policy)
    problems += [f"court_routes: unknown route '{r}'" for r in policy.values() if r not in taxonomy.routes]
    if problems:
        return problems
    reached = {court.route_of(m.key, policy) for m in court.MATTERS}
    declared = set(config.pairs.get("gerichtspost", {}))
    problems += [
        f"court_routes sends court mail to '{r}', but pairs.gerichtspost lacks it"
        for r in sorted(reached - declared)
    ]
    problems += [
        f"pairs.gerichtspost has '{r}', but no court matter goes there" for r in sorted(declared - reached)
    ]
    return problems


def plan_items(config: SynthConfig, n: int, seed: int) -> list[ItemPlan]:
    """n item plans: every declared pair once (as far as n allows), then drawn by weight.

    With fewer items than pairs, doc types take turns so that all of them occur.
    """
    rng = random.Random(f"plan:{seed}")
    pairs = config.all_pairs()
    rng.shuffle(pairs)
    rank = {pair: [p for p in pairs if p[0] == pair[0]].index(pair) for pair in pairs}
    chosen = sorted(pairs, key=lambda pair: rank[pair])[:n]
    while len(chosen) < n:
        chosen.append(_draw_pair(config, rng))
    rng.shuffle(chosen)
    return [ItemPlan(f"{seed}:{index}", d, r, _received_date(rng)) for index, (d, r) in enumerate(chosen)]


def assign_splits(plans: Sequence[ItemPlan], test_share: float, seed: int) -> list[str]:
    """train/test per plan, stratified: within each doc_type, ordered by route, every
    k-th item (k = 1 / test_share) is a test item."""
    splits = ["train"] * len(plans)
    if test_share <= 0:
        return splits
    rng = random.Random(f"split:{seed}")
    step = 1 / test_share
    for doc_type in sorted({p.doc_type for p in plans}):
        members = [i for i, p in enumerate(plans) if p.doc_type == doc_type]
        members.sort(key=lambda i: (plans[i].route, rng.random()))
        offset = rng.random() * step
        for position, index in enumerate(members):
            if int((position + offset) / step) != int((position + 1 + offset) / step):
                splits[index] = "test"
    return splits


def generate(
    out: Path,
    n: int,
    seed: int,
    config: SynthConfig,
    batches: int = 0,
    workers: int = 0,
    force: bool = False,
    progress: Progress | None = None,
    scan: bool = True,
) -> SynthReport:
    """Write a labelled set of n items (and `batches` batch scans) into `out`.

    With `scan` False the items' pages are written as rendered, without scanner defects:
    the same letters with the same `text` column, several times faster, for sets that are
    only trained on through their text column.
    """
    if n < 1:
        raise BadInput(f"--n {n}: a set needs at least one item")
    if batches < 0:
        raise BadInput(f"--batches {batches} cannot be negative")
    _prepare_folder(out, force)
    started = time.perf_counter()
    plans = plan_items(config, n, seed)
    width = max(5, len(str(n - 1)))
    item_jobs = [
        ItemJob(
            plan, f"{ITEMS_DIR}/{i:0{width}d}", config.formats, config.dpi_choices, config.court_routes, scan
        )
        for i, plan in enumerate(plans)
    ]
    batch_jobs = plan_batches(config, batches, seed)
    results = _run_parallel([*item_jobs, *batch_jobs], out, workers, progress)
    item_rows, batch_rows = results[: len(item_jobs)], results[len(item_jobs) :]
    splits = assign_splits(plans, config.test_share, seed)
    labelled = [
        LabelledItem(row["path"], row["doc_type"], row["route"], {**row["extra"], "split": split})
        for row, split in zip(item_rows, splits, strict=True)
    ]
    write_dataset(out, labelled)
    entries = [entry for rows in batch_rows for entry in rows["entries"]]
    if batch_jobs:
        write_batches(out, entries)
    pages = sum(int(r["extra"]["pages"]) for r in item_rows) + sum(e.pages for e in entries)
    return SynthReport(out, n, batches, len(entries), pages, time.perf_counter() - started)


def make_item(job: ItemJob, out: Path) -> dict[str, Any]:
    """Compose, render, scan and write one item; returns its labels.csv row."""
    plan = job.plan
    rng = random.Random(f"item:{plan.key}")
    item = compose_item(plan.doc_type, plan.route, rng, plan.received, job.court_routes)
    dpi = rng.choice(job.dpi_choices)
    rendered = render_item(item, rng, dpi)  # the letter and its text are fixed from here on
    if job.scan:
        profile = draw_profile(rng)
        scanned = [scan_page(page.image, profile, rng) for page in rendered]
    else:
        scanned = [ScannedPage(page.image.convert("L"), 0, 0.0) for page in rendered]
    fmt = _weighted(rng, job.formats)
    if len(scanned) > 1 and fmt not in MULTI_PAGE_FORMATS:
        fmt = rng.choice(MULTI_PAGE_FORMATS)
    relative = f"{job.path}.{fmt}"
    write_pages(out / relative, [s.image for s in scanned], dpi, _jpeg_quality(rng), plan.received)
    extra = _item_columns(item, plan.received, rendered)
    extra |= {"dpi": str(dpi), "rotations": " ".join(str(s.rotation) for s in scanned)}
    return {"path": relative, "doc_type": plan.doc_type, "route": plan.route, "extra": extra}


def make_batch(job: BatchJob, out: Path) -> dict[str, Any]:
    """Render the items of one batch scan, with PATCHT sheets between them, into one file."""
    rng = random.Random(f"batch:{job.key}")
    dpi = rng.choice(job.dpi_choices)
    profile = draw_profile(rng)
    separator: Literal["qr", "code128"] = rng.choice(("qr", "code128"))
    duplex = rng.random() < DUPLEX_SHARE
    images: list[Image.Image] = []
    entries = []
    for position, plan in enumerate(job.plans, start=1):
        if position > 1:
            images += _sheet(render_separator(separator, rng, dpi), profile, rng, duplex, dpi)
        item_rng = random.Random(f"item:{plan.key}")
        item = compose_item(plan.doc_type, plan.route, item_rng, plan.received, job.court_routes)
        rendered = render_item(item, item_rng, dpi)
        for page in rendered:
            images += _sheet(page.image, profile, rng, duplex, dpi)
        extra = _item_columns(item, plan.received, rendered)
        extra |= {"separator": separator, "blank_pages": str(len(rendered) if duplex else 0)}
        entries.append(
            BatchEntry(job.path + ".pdf", position, len(rendered), plan.doc_type, plan.route, extra)
        )
    fmt = rng.choice(MULTI_PAGE_FORMATS)
    relative = f"{job.path}.{fmt}"
    write_pages(out / BATCHES_DIR / relative, images, dpi, _jpeg_quality(rng), job.plans[0].received)
    entries = [BatchEntry(relative, e.position, e.pages, e.doc_type, e.route, e.extra) for e in entries]
    return {"entries": entries, "pages": len(images)}


def write_pages(path: Path, images: Sequence[Image.Image], dpi: int, quality: int, day: dt.date) -> None:
    """Write page images as one file whose type is given by the suffix; atomically."""
    fmt = path.suffix.lstrip(".").lower()
    buffer = io.BytesIO()
    first, rest = images[0], list(images[1:])
    if fmt == "pdf":
        stamp = day.timetuple()
        pdf_pages = [_for_jpeg(i) if i.mode != "1" else i for i in images]
        pdf_pages[0].save(
            buffer, "PDF", save_all=True, append_images=pdf_pages[1:], resolution=dpi,
            quality=quality, creationDate=stamp, modDate=stamp, producer="mailroom synth",
        )  # fmt: skip
    elif fmt == "tiff":
        binary = all(i.mode == "1" for i in images)
        pages = images if binary else [_for_jpeg(i) for i in images]
        compression = {"compression": "group4"} if binary else {"compression": "jpeg", "quality": quality}
        pages[0].save(
            buffer, "TIFF", save_all=True, append_images=list(pages[1:]), dpi=(dpi, dpi), **compression
        )
    elif fmt == "png" and not rest:
        first.save(buffer, "PNG", dpi=(dpi, dpi))
    elif fmt == "jpg" and not rest:
        _for_jpeg(first).save(buffer, "JPEG", quality=quality, dpi=(dpi, dpi))
    else:
        raise ValueError(f"cannot write {len(images)} page(s) as {fmt}")
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(path, buffer.getvalue())


def _sheet(
    image: Image.Image, profile: ScanProfile, rng: random.Random, duplex: bool, dpi: int
) -> list[Image.Image]:
    pages = [scan_page(image, profile, rng).image]
    if duplex:
        pages.append(scan_page(blank_page(rng, dpi), profile, rng).image)
    return pages


def _item_columns(item: MailItem, received: dt.date, pages: list[RenderedPage]) -> dict[str, str]:
    """The labels.csv columns that say what an item is and how it was made.

    `style` is the writer (template) and `layout` the look of the first page, so that whole
    styles or layouts can be held out together; `city` is the administration written to.
    """
    return {
        "text": "\n\n".join(p.text for p in pages),
        "sender": item.sender.name,
        "sender_kind": item.sender.kind,
        "reference": item.reference,
        "received": received.isoformat(),
        "style": item.style,
        "layout": pages[0].look if pages else "",
        "city": item.city,
        "court_matter": item.matter,
        "topic": item.topic,
        "pages": str(len(pages)),
    }


def plan_batches(config: SynthConfig, count: int, seed: int) -> list[BatchJob]:
    """`count` batch scans of 3-6 items each, drawn by weight."""
    rng = random.Random(f"batches:{seed}")
    jobs = []
    for number in range(1, count + 1):
        plans = tuple(
            ItemPlan(f"{seed}:batch{number}:{position}", *_draw_pair(config, rng), _received_date(rng))
            for position in range(rng.choice(BATCH_SIZES))
        )
        jobs.append(
            BatchJob(
                plans, f"{seed}:{number}", f"batch_{number:03d}", config.dpi_choices, config.court_routes
            )
        )
    return jobs


def _run_parallel(
    jobs: list[ItemJob | BatchJob], out: Path, workers: int, progress: Progress | None
) -> list[dict[str, Any]]:
    workers = workers or os.cpu_count() or 1
    results: list[dict[str, Any]] = [{} for _ in jobs]
    if workers == 1:
        for index, job in enumerate(jobs):
            results[index] = _run_job(job, out)
            _advance(progress, job)
        return results
    with process_pool(workers) as pool:
        futures = {pool.submit(_run_job, job, out): index for index, job in enumerate(jobs)}
        for future, index in futures.items():
            results[index] = future.result()
            _advance(progress, jobs[index])
    return results


def _run_job(job: ItemJob | BatchJob, out: Path) -> dict[str, Any]:
    return make_item(job, out) if isinstance(job, ItemJob) else make_batch(job, out)


def _advance(progress: Progress | None, job: ItemJob | BatchJob) -> None:
    if progress is not None:
        progress(1 if isinstance(job, ItemJob) else len(job.plans))


def _prepare_folder(out: Path, force: bool) -> None:
    if out.exists() and not out.is_dir():
        raise BadInput(f"--out {out} is a file, not a folder")
    existing = [p for p in (out / LABELS_FILE, out / ITEMS_DIR, out / BATCHES_DIR) if p.exists()]
    if existing and not force:
        raise BadInput(f"{out} already holds a set ({existing[0].name}); choose a new folder or pass --force")
    for path in existing:
        shutil.rmtree(path) if path.is_dir() else path.unlink()
    out.mkdir(parents=True, exist_ok=True)


def _draw_pair(config: SynthConfig, rng: random.Random) -> tuple[str, str]:
    doc_type = _weighted(rng, config.doc_type_weights)
    return doc_type, _weighted(rng, config.pairs[doc_type])


def _weighted(rng: random.Random, weights: dict[str, float]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _received_date(rng: random.Random) -> dt.date:
    day = FIRST_RECEIVED + dt.timedelta(days=rng.randrange(RECEIVED_SPAN_DAYS))
    while day.isoweekday() > 5:  # the post comes on working days
        day += dt.timedelta(days=1)
    return day


def _jpeg_quality(rng: random.Random) -> int:
    return rng.randint(55, 85)


def _for_jpeg(image: Image.Image) -> Image.Image:
    return (
        image.convert("L")
        if image.mode in ("1", "LA", "P")
        else image.convert("RGB")
        if image.mode == "RGBA"
        else image
    )
