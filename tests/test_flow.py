"""The flow as data: the stages chain by their states, and a page turned upright without
certainty is flagged so that its item goes to review."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from mailroom.flow import work
from mailroom.flow.stages import FLOW, INGEST, following
from mailroom.ingest.clean import CleanedPage
from mailroom.ingest.read import ReadPage, write_png
from mailroom.ingest.timings import Timings
from mailroom.records import ItemState, OcrWord, PageOcr
from mailroom.settings import OcrSettings


def test_each_stage_takes_what_the_one_before_leaves() -> None:
    assert [stage.name for stage in FLOW] == ["split", "ocr", "classify", "dispatch"]
    assert FLOW[:3] == INGEST and following(FLOW[-1]) is None
    for before, after in zip(FLOW[1:], FLOW[2:], strict=False):
        assert set(after.takes) & set(before.leaves), (before.name, after.name)
    assert ItemState.APPROVED in FLOW[-1].takes  # a reviewer's approval makes an item due for dispatch


def test_a_page_turned_without_certainty_is_flagged_when_it_has_text(tmp_path: Path, monkeypatch) -> None:
    raster = tmp_path / "page.png"
    write_png(np.full((40, 30), 255, np.uint8), raster, 300)
    words = (OcrWord("Antrag", 90.0, 0, 0, 10, 5, 0),)

    def read(confidence: float, page: PageOcr):
        def read_page(gray, dpi, image_path, ocr):
            return ReadPage(CleanedPage(gray, 90, 0.0, confidence), page, b"", Timings())

        return read_page

    def flags(confidence: float, page: PageOcr) -> tuple[str, ...]:
        monkeypatch.setattr(work, "read_page", read(confidence, page))
        job = work.PageJob(
            "item-1",
            1,
            0,
            str(raster),
            300,
            str(tmp_path / "out"),
            OcrSettings(min_orientation_confidence=0.3),
        )
        return work.process_page(job).page.ocr.flags

    assert flags(0.1, PageOcr("Antrag", words, 90.0)) == (work.ORIENTATION_UNCERTAIN,)
    assert flags(0.9, PageOcr("Antrag", words, 90.0)) == ()
    assert flags(0.1, PageOcr("", (), 0.0, ("no_text",))) == ("no_text",)  # nothing to read: no_text says it


def test_the_embedded_mode_runs_the_dispatch_stage_at_its_own_pace(tmp_path: Path) -> None:
    import threading
    import time

    from test_dispatch import make_item, make_settings, state_of

    from mailroom.flow.local import keep_dispatching
    from mailroom.flow.stages import Context
    from mailroom.store.db import open_database

    url = f"sqlite:///{tmp_path / 'm.db'}"
    settings = make_settings(tmp_path, url, poll_seconds=0.2)
    db = open_database(url)
    approved, waiting = make_item(db, settings, 1), make_item(db, settings, 2, state="in_review")
    stop = threading.Event()
    dispatcher = threading.Thread(target=keep_dispatching, args=(Context(settings, db), stop))
    dispatcher.start()
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and state_of(db, approved) != ItemState.DISPATCHED:
            time.sleep(0.1)
    finally:
        stop.set()
        dispatcher.join(timeout=30)
    assert not dispatcher.is_alive()
    assert (state_of(db, approved), state_of(db, waiting)) == (ItemState.DISPATCHED, ItemState.IN_REVIEW)
    assert (settings.home / "offices" / "sozialamt" / f"{approved}.pdf").is_file()
    db.dispose()


def test_a_warm_pool_whose_process_died_is_replaced_by_a_working_one() -> None:
    import os
    import signal

    from mailroom.flow.local import live_pool, warm_pool

    pool = warm_pool(1)
    replaced = pool
    try:
        assert live_pool(pool, 1) is pool  # a pool that takes work is kept
        os.kill(pool.submit(os.getpid).result(), signal.SIGKILL)
        replaced = live_pool(pool, 1)
        assert replaced is not pool and replaced.submit(abs, -3).result() == 3
    finally:
        pool.shutdown(cancel_futures=True)
        replaced.shutdown(cancel_futures=True)


def test_the_model_is_loaded_once_and_again_when_another_is_promoted(tmp_path: Path) -> None:
    import os
    import shutil

    from mailroom.flow.items import Classifier
    from mailroom.settings import DEFAULT_MODEL_DIR, load_settings

    folder = shutil.copytree(DEFAULT_MODEL_DIR, tmp_path / "model")
    settings = load_settings(env={"MAILROOM_HOME": str(tmp_path), "MAILROOM_CLASSIFY__MODEL": str(folder)})
    classifier = Classifier(settings)
    first = classifier.model()
    assert first is not None and classifier.model() is first  # one load for every item after
    meta = folder / "meta.json"
    os.utime(meta, ns=(meta.stat().st_atime_ns, meta.stat().st_mtime_ns + 10**9))  # promoted anew
    assert classifier.model() is not first
    (folder / "meta.json").write_text("{", encoding="utf-8")
    os.utime(meta, ns=(meta.stat().st_atime_ns, meta.stat().st_mtime_ns + 2 * 10**9))
    assert classifier.model() is None and "no usable model" in classifier.problem
