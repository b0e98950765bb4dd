"""The watch looks at the hot folder again the moment a file may have stood still long
enough (by the intake rules, which it does not relax), not a whole pause later."""

from __future__ import annotations

from pathlib import Path

import pytest

from mailroom.ingest.intake import StabilityWatch
from mailroom.ingest.watch import next_look


def test_the_watch_looks_again_when_a_file_may_be_complete(tmp_path: Path) -> None:
    now = [100.0]
    watch = StabilityWatch(2.0, lambda: now[0])
    letter = tmp_path / "brief.pdf"
    assert next_look(watch, 5.0) == 5.0  # nothing seen: the pause
    letter.write_bytes(b"%PDF-1.4 part")
    assert watch.ready([letter]) == []
    assert next_look(watch, 5.0) == pytest.approx(2.01)
    now[0] += 1.5
    assert next_look(watch, 5.0) == pytest.approx(0.51)
    letter.write_bytes(b"%PDF-1.4 part two")  # the scanner wrote on after 1.5 s
    assert watch.ready([letter]) == []
    assert next_look(watch, 5.0) == pytest.approx(3.01)  # twice its longest pause, from now
    now[0] += 2.9
    assert watch.ready([letter]) == []  # not a moment early
    now[0] += 0.2
    assert watch.ready([letter]) == [letter]
    assert next_look(watch, 5.0) == 5.0  # a ready file is not waited for again
    assert next_look(StabilityWatch(2.0), 1.0) == 1.0  # never longer than the pause
