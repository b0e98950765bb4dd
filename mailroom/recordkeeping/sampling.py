"""The quality sample (Stichprobe): a share of the automatically approved items of each route
is drawn for a reviewer to check after dispatch; what they find is the *measured* precision
of automation, per route and over all, with its Wilson interval.

The draw is a pure function of the configured seed and the item id (`drawn`), so it is the
same whichever process classifies the item and however often, and a test with a fixed seed
knows which items go. A drawn item is dispatched like every other."""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass

from mailroom.settings import QaSettings

Z95 = 1.959964  # the normal quantile of a two-sided 95 % interval


def share_for(qa: QaSettings, route: str) -> float:
    return qa.per_route.get(route, qa.share)


def drawn(qa: QaSettings, item_id: str, route: str) -> bool:
    """Whether the automatically approved item goes to the sample."""
    share = share_for(qa, route)
    if share <= 0:
        return False
    digest = hashlib.sha256(f"{qa.seed}:{item_id}".encode()).digest()
    return int.from_bytes(digest[:8], "big") / 2**64 < share


def wilson(correct: int, checked: int, z: float = Z95) -> tuple[float, float]:
    """The Wilson score interval of a proportion `correct`/`checked` (0, 1 when nothing was checked)."""
    if checked == 0:
        return 0.0, 1.0
    p = correct / checked
    centre = (p + z * z / (2 * checked)) / (1 + z * z / checked)
    half = z * math.sqrt(p * (1 - p) / checked + z * z / (4 * checked * checked)) / (1 + z * z / checked)
    return max(0.0, centre - half), min(1.0, centre + half)


@dataclass(frozen=True)
class Precision:
    """Measured precision of automation for one route ("" for all routes)."""

    route: str
    checked: int
    correct: int
    target: float

    @property
    def value(self) -> float | None:
        return self.correct / self.checked if self.checked else None

    @property
    def interval(self) -> tuple[float, float]:
        return wilson(self.correct, self.checked)

    @property
    def below_target(self) -> bool:
        """The measured precision is under the target (an alert)."""
        return self.value is not None and self.value < self.target


def precisions(counts: dict[str, tuple[int, int]], target: float) -> tuple[Precision, list[Precision]]:
    """Overall and per-route precision from route → (checked, correct)."""
    routes = [
        Precision(route, checked, correct, target) for route, (checked, correct) in sorted(counts.items())
    ]
    total = Precision("", sum(p.checked for p in routes), sum(p.correct for p in routes), target)
    return total, routes
