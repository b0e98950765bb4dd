"""Figures for the admin page and for `/metrics` (Prometheus text format)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from mailroom.recordkeeping.sampling import Precision
from mailroom.records import ItemState
from mailroom.store.db import Database
from mailroom.store.review import figures


@dataclass(frozen=True)
class RouteCorrections:
    route: str
    reviewed: int
    corrected: int

    @property
    def rate(self) -> float:
        return self.corrected / self.reviewed if self.reviewed else 0.0


@dataclass(frozen=True)
class Stats:
    states: dict[str, int]
    dispatched_24h: int
    dispatched_7d: int
    reviewed_24h: int
    automation_rate: float | None  # share of classified items that went straight through
    queue_length: int
    queue_oldest_seconds: float | None
    corrections: list[RouteCorrections] = field(default_factory=list)
    decisions: dict[str, int] = field(default_factory=dict)


def collect(db: Database, now: dt.datetime | None = None) -> Stats:
    """The figures of the installation as they stand now."""
    now = now or dt.datetime.now(dt.UTC)
    raw = figures(db, now)
    total = sum(raw.decisions.values())
    return Stats(
        states=dict(sorted(raw.states.items())),
        dispatched_24h=raw.dispatched_24h,
        dispatched_7d=raw.dispatched_7d,
        reviewed_24h=raw.reviewed_24h,
        automation_rate=raw.decisions.get("auto", 0) / total if total else None,
        queue_length=raw.states.get(ItemState.IN_REVIEW, 0),
        queue_oldest_seconds=(now - raw.oldest_in_review).total_seconds() if raw.oldest_in_review else None,
        corrections=[RouteCorrections(route, *counts) for route, counts in raw.corrections.items()],
        decisions=raw.actions,
    )


def prometheus(stats: Stats, dead_letters: int, queued_tasks: int | None = None) -> str:
    """The figures in the Prometheus text exposition format; `queued_tasks` in the Celery mode."""
    lines = ["# HELP mailroom_items Mail items per state.", "# TYPE mailroom_items gauge"]
    lines += [f'mailroom_items{{state="{state}"}} {count}' for state, count in stats.states.items()]
    lines += _gauge("mailroom_review_queue_length", "Items waiting for review.", stats.queue_length)
    lines += _gauge(
        "mailroom_review_queue_oldest_seconds",
        "Age of the oldest item in review.",
        stats.queue_oldest_seconds or 0,
    )
    lines += _gauge("mailroom_dead_letters", "Items that could not be delivered.", dead_letters)
    lines += _gauge("mailroom_automation_ratio", "Share of classified items routed without review.",
                    stats.automation_rate or 0)  # fmt: skip
    if queued_tasks is not None:
        lines += _gauge(
            "mailroom_queue_length", "Stage tasks waiting in the broker queue for a worker.", queued_tasks
        )
    lines += [
        "# HELP mailroom_review_decisions_total Review decisions.",
        "# TYPE mailroom_review_decisions_total counter",
    ]
    lines += [f'mailroom_review_decisions_total{{action="{a}"}} {n}' for a, n in stats.decisions.items()]
    lines += ["# HELP mailroom_review_corrections_total Reviewed items whose prediction was changed, per route.",
              "# TYPE mailroom_review_corrections_total counter"]  # fmt: skip
    lines += [
        f'mailroom_review_corrections_total{{route="{c.route}"}} {c.corrected}' for c in stats.corrections
    ]
    return "\n".join(lines) + "\n"


def _gauge(name: str, help_text: str, value: float) -> list[str]:
    return [f"# HELP {name} {help_text}", f"# TYPE {name} gauge", f"{name} {value:g}"]


def precision_metrics(overall: Precision, routes: list[Precision]) -> str:
    """The quality sample's measured precision (route="" for all routes), its sample size,
    and 1 in `mailroom_qa_precision_alert` while it is below the target."""
    lines = ["# HELP mailroom_qa_precision Measured precision of automation in the quality sample.",
             "# TYPE mailroom_qa_precision gauge"]  # fmt: skip
    lines += [
        f'mailroom_qa_precision{{route="{p.route}"}} {p.value:g}'
        for p in (overall, *routes)
        if p.value is not None
    ]
    lines += ["# HELP mailroom_qa_checked Samples checked.", "# TYPE mailroom_qa_checked gauge"]
    lines += [f'mailroom_qa_checked{{route="{p.route}"}} {p.checked}' for p in (overall, *routes)]
    lines += _gauge("mailroom_qa_precision_target", "Target precision of automation.", overall.target)
    lines += _gauge("mailroom_qa_precision_alert", "1 while the measured precision is below the target.",
                    int(overall.below_target))  # fmt: skip
    return "\n".join(lines) + "\n"
