"""The synthetic corpus as written to disk: valid, covering, deterministic, readable."""

from __future__ import annotations

import hashlib
import random
import statistics
from collections import Counter
from pathlib import Path

import numpy as np
import pytest

from mailroom.dataset import read_batches, read_dataset
from mailroom.errors import BadInput
from mailroom.ingest.ocr import ocr_text
from mailroom.ingest.pages import load_pages
from mailroom.ingest.separate import read_page_signal
from mailroom.metrics import order_free_accuracy
from mailroom.settings import PACKAGE_CONFIG_DIR
from mailroom.synth.generate import assign_splits, generate, load_synth_config, plan_items

CORPUS_ITEMS = 130  # more than the declared pairs, so every pair must occur


@pytest.fixture(scope="session")
def synth_config(taxonomy):
    return load_synth_config(PACKAGE_CONFIG_DIR / "synth.yaml", taxonomy)


@pytest.fixture(scope="session")
def corpus(tmp_path_factory, synth_config) -> Path:
    out = tmp_path_factory.mktemp("corpus")
    generate(out, CORPUS_ITEMS, seed=7, config=synth_config, batches=2)
    return out


def test_the_declared_pairs_fit_in_the_corpus_and_cover_the_taxonomy(synth_config, taxonomy) -> None:
    pairs = synth_config.all_pairs()
    assert len(pairs) < CORPUS_ITEMS
    assert {d for d, _ in pairs} == set(taxonomy.doc_types)
    assert {r for _, r in pairs} == set(taxonomy.routes)


def test_generated_set_passes_the_reader_and_covers_every_declared_pair(
    corpus, synth_config, taxonomy
) -> None:
    labelled = read_dataset(corpus, taxonomy)
    assert len(labelled.items) == CORPUS_ITEMS
    assert {(i.doc_type, i.route) for i in labelled.items} == set(synth_config.all_pairs())
    for item in labelled.items:
        assert item.text and len(item.text) > 80, item.path
        assert item.extra["sender"] and item.extra["received"].startswith("2026-")
        assert item.doc_type not in item.path and item.route not in item.path  # no label in names


def test_the_set_mixes_file_formats_and_page_counts(corpus, taxonomy) -> None:
    items = read_dataset(corpus, taxonomy).items
    suffixes = Counter(Path(i.path).suffix for i in items)
    assert set(suffixes) == {".pdf", ".tiff", ".png", ".jpg"}
    pages = Counter(int(i.extra["pages"]) for i in items)
    assert pages[1] > 0 and sum(v for k, v in pages.items() if k > 1) >= 0.2 * len(items)
    for item in items:
        assert len(load_pages(corpus / item.path, dpi=30)) == int(item.extra["pages"]), item.path


def test_split_is_stratified_by_doc_type(corpus, taxonomy) -> None:
    items = read_dataset(corpus, taxonomy).items
    for doc_type in taxonomy.doc_types:
        splits = Counter(i.split for i in items if i.doc_type == doc_type)
        total = sum(splits.values())
        assert abs(splits["test"] - 0.2 * total) <= 1.5, (doc_type, splits)


def test_batches_hold_their_items_with_patcht_sheets_between_them(corpus, taxonomy) -> None:
    entries = read_batches(corpus, taxonomy)
    assert len({e.batch for e in entries}) == 2
    for batch in {e.batch for e in entries}:
        members = [e for e in entries if e.batch == batch]
        pages = load_pages(corpus / "batches" / batch, dpi=150)
        separators = len(members) - 1
        blanks = sum(int(e.extra["blank_pages"]) for e in members) + (
            separators if int(members[0].extra["blank_pages"]) else 0
        )
        assert len(pages) == sum(e.pages for e in members) + separators + blanks
        codes = [read_page_signal(np.array(p.convert("L")), 150).codes for p in pages]
        assert [c for c in codes if c] == [("PATCHT",)] * separators, batch


def test_same_seed_same_set_other_seed_other_set(tmp_path, synth_config) -> None:
    def digest(folder: Path) -> str:
        files = sorted(p for p in folder.rglob("*") if p.is_file())
        return hashlib.sha256(b"".join(p.read_bytes() for p in files)).hexdigest()

    generate(tmp_path / "a", 6, seed=3, config=synth_config, batches=1, workers=1)
    generate(tmp_path / "b", 6, seed=3, config=synth_config, batches=1, workers=2)
    generate(tmp_path / "c", 6, seed=4, config=synth_config, workers=2)
    assert digest(tmp_path / "a") == digest(tmp_path / "b")
    assert (tmp_path / "a" / "labels.csv").read_bytes() != (tmp_path / "c" / "labels.csv").read_bytes()


def test_a_set_without_scanning_holds_the_same_letters_with_upright_clean_pages(
    tmp_path, synth_config, taxonomy
) -> None:
    generate(tmp_path / "scanned", 5, seed=9, config=synth_config, workers=1)
    generate(tmp_path / "clean", 5, seed=9, config=synth_config, workers=1, scan=False)
    scanned = read_dataset(tmp_path / "scanned", taxonomy)
    clean = read_dataset(tmp_path / "clean", taxonomy)
    columns = ("text", "split", "style", "sender", "reference")
    for a, b in zip(scanned.items, clean.items, strict=True):
        assert (a.doc_type, a.route) == (b.doc_type, b.route)
        assert [a.extra[c] for c in columns] == [b.extra[c] for c in columns]
        assert set(b.extra["rotations"].split()) == {"0"}
        assert len(load_pages(clean.file(b), dpi=int(b.extra["dpi"]))) == int(b.extra["pages"])


def test_an_existing_set_is_not_overwritten_without_force(tmp_path, synth_config) -> None:
    generate(tmp_path, 1, seed=1, config=synth_config, workers=1)
    with pytest.raises(BadInput, match="already holds a set"):
        generate(tmp_path, 1, seed=2, config=synth_config, workers=1)
    generate(tmp_path, 2, seed=2, config=synth_config, workers=1, force=True)
    assert len((tmp_path / "labels.csv").read_text().splitlines()) >= 3


def test_plans_cover_all_doc_types_even_in_small_sets(synth_config, taxonomy) -> None:
    plans = plan_items(synth_config, 12, seed=5)
    assert {p.doc_type for p in plans} == set(taxonomy.doc_types)
    splits = assign_splits(plan_items(synth_config, 500, seed=5), 0.2, seed=5)
    assert 90 <= splits.count("test") <= 110


@pytest.mark.slow
def test_tesseract_recovers_most_of_the_ground_truth_text(corpus, taxonomy) -> None:
    """Pages are degraded like real scans yet readable: mean character accuracy >= 0.90 with
    the words sorted (Tesseract reads a sender block or a footer in another order than the
    ground truth lists it; that is not unreadability)."""
    items = [i for i in read_dataset(corpus, taxonomy).items if i.extra["pages"] == "1"]
    sample = random.Random(0).sample(items, 12)
    scores = []
    for item in sample:
        page = load_pages(corpus / item.path, dpi=int(item.extra["dpi"]))[0]
        upright = page.rotate(-int(item.extra["rotations"]), expand=True)  # undo the scan rotation
        scores.append(order_free_accuracy(item.text or "", ocr_text(upright)))
    print(
        f"\nOCR character accuracy, words sorted, on {len(scores)} pages: "
        f"mean {statistics.mean(scores):.3f}, min {min(scores):.3f}"
    )
    assert statistics.mean(scores) >= 0.90
