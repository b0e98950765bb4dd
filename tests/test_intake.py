"""Taking files from the hot folder: complete files only, atomic claims, clear reasons."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from mailroom.errors import BadInput
from mailroom.ingest.intake import (
    Limits,
    StabilityWatch,
    claim,
    content_problem,
    describe,
    list_candidates,
    move_to_quarantine,
    path_problem,
    recover_claims,
    safe_name,
    sniff_type,
)
from mailroom.ingest.pages import inspect_source

from badfiles import EXPECTED_REASON, write_bad_files

LIMITS = Limits(max_file_bytes=50_000_000, max_pages=300, max_pixels_per_page=60_000_000)


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_a_file_is_ready_only_after_it_stood_still(tmp_path: Path) -> None:
    clock = FakeClock()
    watch = StabilityWatch(2.0, clock)
    path = tmp_path / "scan.pdf"
    path.write_bytes(b"%PDF-1.4 part")
    assert watch.ready([path]) == []
    clock.now = 1.0
    with path.open("ab") as handle:
        handle.write(b" more")
    assert watch.ready([path]) == []  # changed: the clock starts again
    clock.now = 2.5
    assert watch.ready([path]) == []
    clock.now = 3.1
    assert watch.ready([path]) == [path]


def test_a_file_open_for_writing_is_not_ready(tmp_path: Path) -> None:
    watch = StabilityWatch(0.0)
    path = tmp_path / "scan.pdf"
    with path.open("wb") as handle:
        handle.write(b"%PDF-1.4")
        handle.flush()
        assert watch.ready([path]) == []
    assert watch.ready([path]) == [path]


def test_candidates_skip_hidden_and_temporary_files_and_look_into_subfolders(tmp_path: Path) -> None:
    for name in ("a.pdf", ".hidden.pdf", "b.pdf.part", "c.tmp", "scanner1/d.tif", ".cache/e.pdf"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(b"x")
    assert sorted(p.relative_to(tmp_path).as_posix() for p in list_candidates(tmp_path)) == [
        "a.pdf",
        "scanner1/d.tif",
    ]


def test_claim_moves_atomically_and_a_crash_before_or_after_is_recovered(tmp_path: Path) -> None:
    inbox, claimed_dir = tmp_path / "inbox", tmp_path / "work" / "claimed"
    (inbox / "sub").mkdir(parents=True)
    source = inbox / "sub" / "Brief (Kopie) äöü #1.pdf"
    source.write_bytes(b"%PDF-1.4 content")
    claimed = claim(source, claimed_dir, inbox)
    assert not source.exists() and claimed.path.read_bytes() == b"%PDF-1.4 content"
    assert claimed.original_name == "sub/Brief (Kopie) äöü #1.pdf"
    (claimed_dir / "deadbeef.json").write_text('{"original_name": "lost.pdf"}')  # rename never happened
    assert recover_claims(claimed_dir) == [claimed]
    assert not (claimed_dir / "deadbeef.json").exists()


def test_describe_hashes_content(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "a.pdf").write_bytes(b"same bytes")
    claimed = claim(inbox / "a.pdf", tmp_path / "claimed", inbox)
    record = describe(claimed, tmp_path)
    assert record.sha256 == hashlib.sha256(b"same bytes").hexdigest()
    assert record.size == 10 and record.claim_path.startswith("claimed/")


@pytest.mark.parametrize("kind", sorted(EXPECTED_REASON))
def test_every_bad_file_gets_a_reason_that_names_the_problem(tmp_path: Path, kind: str) -> None:
    files = write_bad_files(tmp_path)
    path = files[kind]
    reason = path_problem(path, LIMITS) or content_problem(path, path.name)
    if not reason:  # the file looks right from outside: its pages say what is wrong
        sniffed = sniff_type(path)
        with pytest.raises(BadInput) as caught:
            inspect_source(path, sniffed, 300, LIMITS.max_pages, LIMITS.max_pixels_per_page)
            from mailroom.ingest.pages import SourceInfo, rasterize

            rasterize(path, SourceInfo(sniffed, 1, 300), tmp_path / "pages")
        reason = str(caught.value)
    assert EXPECTED_REASON[kind] in reason, reason


def test_good_files_pass_the_checks(tmp_path: Path) -> None:
    from PIL import Image

    path = tmp_path / "ok.tiff"
    Image.new("L", (800, 1100), 255).save(
        path, "TIFF", save_all=True, append_images=[Image.new("L", (800, 1100), 0)]
    )
    assert path_problem(path, LIMITS) == content_problem(path, path.name) == ""
    info = inspect_source(path, "tiff", 300, 300, 60_000_000)
    assert (info.kind, info.page_count) == ("tiff", 2)
    assert info.dpi == round(800 / 8.27)  # no resolution in the header: guessed from A4 width


def test_quarantine_keeps_the_file_beside_its_reason(tmp_path: Path) -> None:
    path = tmp_path / "claimed"
    path.write_bytes(b"data")
    target = tmp_path / "quarantine" / "x-leer.pdf"
    move_to_quarantine(path, target, "leer.pdf", "empty file")
    move_to_quarantine(path, target, "leer.pdf", "empty file")  # repeated after a crash: harmless
    assert target.read_bytes() == b"data" and not path.exists()
    assert Path(str(target) + ".reason.txt").read_text() == "leer.pdf\nempty file\n"


def test_safe_names_keep_only_plain_characters() -> None:
    assert safe_name("../../etc/Brief äöü;rm -rf *.pdf") == "Brief_rm_-rf_.pdf"
    assert safe_name("...") == "file"
