"""The admin page's charts: plain SVG made here, no script, no library, nothing fetched.

Each chart is an `<svg role="img">` with a `<title>` and a `<desc>` that says in words what
it shows, and every bar and point has its own `<title>` (shown on hover, read by screen
readers). Colours come from review.css by class. Texts, dates and numbers are in the
app's language; days and weeks are the city's (Europe/Berlin).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass

from babel.dates import format_skeleton
from markupsafe import Markup, escape

from mailroom.review.i18n import N_, TIMEZONE, Language
from mailroom.review.stats import RouteCorrections
from mailroom.store.charts import HourCount, outcomes_by_hour, queue_ages
from mailroom.store.db import Database
from mailroom.taxonomy import Taxonomy

DAYS, WEEKS = 30, 12
OUTCOMES = {
    "automated": N_("routed automatically"),
    "reviewed": N_("reviewed"),
    "corrected": N_("corrected"),
    "quarantined": N_("quarantined"),
}
AGES = (  # upper bound of each bar of the queue's age; the last bar has none
    (dt.timedelta(hours=1), N_("< 1 h")),
    (dt.timedelta(hours=4), N_("1–4 h")),
    (dt.timedelta(hours=24), N_("4–24 h")),
    (dt.timedelta(days=3), N_("1–3 days")),
    (None, N_("> 3 days")),
)
WIDTH, HEIGHT, LEFT, RIGHT, TOP, BOTTOM = 640, 230, 44, 12, 30, 26


@dataclass(frozen=True)
class Day:
    day: dt.date
    counts: dict[str, int]  # outcome → count


@dataclass(frozen=True)
class Week:
    monday: dt.date
    automated: int
    to_review: int
    reviewed: int
    corrected: int

    @property
    def automation(self) -> float | None:
        """Share of the items classified this week that went straight through."""
        total = self.automated + self.to_review
        return self.automated / total if total else None

    @property
    def correction(self) -> float | None:
        """Share of this week's review decisions that changed the prediction."""
        total = self.reviewed + self.corrected
        return self.corrected / total if total else None


@dataclass(frozen=True)
class Charts:
    """The four charts of the admin page, as SVG ready to put into the page."""

    outcomes: Markup
    rates: Markup
    queue: Markup
    corrections: Markup


def admin_charts(
    db: Database, language: Language, taxonomy: Taxonomy, corrections: Sequence[RouteCorrections],
    now: dt.datetime | None = None,
) -> Charts:  # fmt: skip
    """The charts as they stand at `now` (default: now), from counts made by the database."""
    now = now or dt.datetime.now(dt.UTC)
    today = now.astimezone(TIMEZONE).date()
    first_monday = today - dt.timedelta(days=today.weekday() + 7 * (WEEKS - 1))
    since = dt.datetime.combine(min(first_monday, today - dt.timedelta(days=DAYS - 1)), dt.time(), TIMEZONE)
    hours = outcomes_by_hour(db, since.astimezone(dt.UTC))
    ages = queue_ages(db, now, [bound for bound, _ in AGES if bound is not None])
    return Charts(
        outcomes=outcome_bars(daily(hours, today), language),
        rates=rate_lines(weekly(hours, today), language),
        queue=age_bars(ages, language),
        corrections=correction_bars(corrections, language, taxonomy),
    )


def daily(hours: Sequence[HourCount], today: dt.date, days: int = DAYS) -> list[Day]:
    """Outcomes per city day of the `days` days up to `today`."""
    first = today - dt.timedelta(days=days - 1)
    result = [Day(first + dt.timedelta(days=n), dict.fromkeys(OUTCOMES, 0)) for n in range(days)]
    for count in hours:
        index = (count.hour.astimezone(TIMEZONE).date() - first).days
        if 0 <= index < days and count.outcome in OUTCOMES:
            result[index].counts[count.outcome] += count.count
    return result


def weekly(hours: Sequence[HourCount], today: dt.date, weeks: int = WEEKS) -> list[Week]:
    """Classification and review outcomes per city week (Monday to Sunday), the last
    `weeks` weeks up to the one of `today`."""
    first = today - dt.timedelta(days=today.weekday() + 7 * (weeks - 1))
    sums = [dict.fromkeys(("automated", "to_review", "reviewed", "corrected"), 0) for _ in range(weeks)]
    for count in hours:
        index = (count.hour.astimezone(TIMEZONE).date() - first).days // 7
        if 0 <= index < weeks and count.outcome in sums[index]:
            sums[index][count.outcome] += count.count
    return [Week(first + dt.timedelta(weeks=n), **sums[n]) for n in range(weeks)]


def outcome_bars(days: Sequence[Day], language: Language) -> Markup:
    """Stacked bars: what became of the mail on each day."""
    text = language.text
    totals = {o: sum(d.counts[o] for d in days) for o in OUTCOMES}
    top, plot = _axis(max((sum(d.counts.values()) for d in days), default=0), language)
    slot = _plot_width() / max(len(days), 1)
    parts = [plot, _legend([(f"o-{o}", text(name)) for o, name in OUTCOMES.items()])]
    for index, day in enumerate(days):
        x, base = LEFT + index * slot + slot * 0.125, 0
        for outcome, name in OUTCOMES.items():
            n = day.counts[outcome]
            if n:
                label = text(N_("%(date)s, %(outcome)s: %(count)s"), date=language.date(day.day),
                             outcome=text(name), count=language.number(n))  # fmt: skip
                parts.append(_rect(x, _y(base + n, top), slot * 0.75, _height(n, top), f"o-{outcome}", label))
                base += n
        if (len(days) - 1 - index) % 5 == 0:
            parts.append(_label(x + slot * 0.375, HEIGHT - 8, _short_date(day.day, language)))
    desc = text(
        N_("Items per day over the last %(days)s days: %(automated)s routed automatically, %(reviewed)s reviewed, %(corrected)s corrected, %(quarantined)s quarantined."),
        days=language.number(len(days)), **{o: language.number(n) for o, n in totals.items()},
    )  # fmt: skip
    return _svg("chart-outcomes", text(N_("What became of the mail, per day")), desc, parts)


def rate_lines(weeks: Sequence[Week], language: Language) -> Markup:
    """Two lines: the automation rate and the correction rate of each week."""
    text = language.text
    series = (
        ("s-automation", N_("routed automatically"), lambda w: w.automation, lambda w: (w.automated, w.automated + w.to_review)),
        ("s-correction", N_("corrected in review"), lambda w: w.correction, lambda w: (w.corrected, w.reviewed + w.corrected)),
    )  # fmt: skip
    slot = _plot_width() / max(len(weeks), 1)
    parts = [_grid([0.0, 0.25, 0.5, 0.75, 1.0], 1.0, language.percent)]
    parts.append(_legend([(css, text(name)) for css, name, _, _ in series]))
    for index, week in enumerate(weeks):
        parts.append(_label(LEFT + (index + 0.5) * slot, HEIGHT - 8, _week_name(week, language)))
    for css, name, rate, counts in series:
        points = [
            (LEFT + (index + 0.5) * slot, _y(value, 1.0), week, value)
            for index, week in enumerate(weeks)
            if (value := rate(week)) is not None
        ]
        if len(points) > 1:
            line = " ".join(f"{x:.1f},{y:.1f}" for x, y, _, _ in points)
            parts.append(f'<polyline class="{css}" fill="none" stroke-width="2" points="{line}"/>')
        for x, y, week, value in points:
            part, whole = counts(week)
            label = text(N_("%(week)s: %(rate)s %(series)s (%(part)s of %(whole)s)"),
                         week=_week_name(week, language), rate=language.percent(value), series=text(name),
                         part=language.number(part), whole=language.number(whole))  # fmt: skip
            parts.append(f'<circle class="{css}" cx="{x:.1f}" cy="{y:.1f}" r="3.5"><title>{escape(label)}</title></circle>')  # fmt: skip
    last = next((w for w in reversed(weeks) if w.automation is not None), None)
    desc = (
        text(N_("Automation rate and correction rate per week over the last %(weeks)s weeks; in %(week)s %(automation)s routed automatically."),
             weeks=language.number(len(weeks)), week=_week_name(last, language), automation=language.percent(last.automation or 0))
        if last else text(N_("No items were classified in the last %(weeks)s weeks."), weeks=language.number(len(weeks)))
    )  # fmt: skip
    return _svg("chart-rates", text(N_("Automation and corrections, per week")), desc, parts)


def age_bars(counts: Sequence[int], language: Language) -> Markup:
    """Bars: the items in review by how long they have waited."""
    text = language.text
    top, plot = _axis(max(counts, default=0), language)
    slot = _plot_width() / len(AGES)
    parts = [plot]
    for index, ((_, name), n) in enumerate(zip(AGES, counts, strict=True)):
        x = LEFT + index * slot + slot * 0.2
        label = text(N_("%(age)s: %(count)s in review"), age=text(name), count=language.number(n))
        parts.append(_rect(x, _y(n, top), slot * 0.6, _height(n, top), f"a-{index}", label))
        parts.append(_label(x + slot * 0.3, _y(n, top) - 4, language.number(n)))
        parts.append(_label(x + slot * 0.3, HEIGHT - 8, text(name)))
    desc = text(N_("%(count)s items in review, by how long they have waited: %(ages)s."),
                count=language.number(sum(counts)),
                ages=", ".join(f"{text(name)} {language.number(n)}" for (_, name), n in zip(AGES, counts, strict=True)))  # fmt: skip
    return _svg("chart-queue", text(N_("How long the items in review have waited")), desc, parts)


def correction_bars(rows: Sequence[RouteCorrections], language: Language, taxonomy: Taxonomy) -> Markup:
    """Horizontal bars per predicted office: reviewed items, and the corrected among them."""
    text = language.text
    title = text(N_("Corrections per office"))
    rows = sorted(rows, key=lambda r: (-r.corrected, -r.reviewed, r.route))
    if not rows:
        return _svg("chart-corrections", title, text(N_("no reviews yet")), [_label(WIDTH / 2, 30, text(N_("no reviews yet")))], height=50)  # fmt: skip
    line, names = 22, 190
    height = 12 + line * len(rows)
    most = max(r.reviewed for r in rows)
    width = WIDTH - names - 215  # room for the text after the longest bar
    parts = []
    for index, row in enumerate(rows):
        y, name = 8 + index * line, taxonomy.name("route", row.route) or text(N_("(none)"))
        share = text(N_("%(corrected)s of %(reviewed)s corrected (%(share)s)"),
                     corrected=language.number(row.corrected), reviewed=language.number(row.reviewed),
                     share=language.percent(row.rate))  # fmt: skip
        parts.append(_label(names - 8, y + 13, name, anchor="end"))
        parts.append(_rect(names, y, width * row.reviewed / most, line - 6, "c-reviewed", f"{name}: {share}"))
        if row.corrected:
            parts.append(
                _rect(names, y, width * row.corrected / most, line - 6, "c-corrected", f"{name}: {share}")
            )
        parts.append(_label(names + width * row.reviewed / most + 6, y + 13, share, anchor="start"))
    desc = "; ".join(f"{taxonomy.name('route', r.route)}: {language.number(r.corrected)}/{language.number(r.reviewed)}" for r in rows)  # fmt: skip
    return _svg("chart-corrections", title, desc, parts, height=height)


def _svg(key: str, title: str, desc: str, parts: Sequence[str], height: int = HEIGHT) -> Markup:
    return Markup(
        f'<svg class="chart" id="{key}" viewBox="0 0 {WIDTH} {height}" role="img" '
        f'aria-labelledby="{key}-title {key}-desc" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{key}-title">{escape(title)}</title><desc id="{key}-desc">{escape(desc)}</desc>'
        + "".join(parts)
        + "</svg>"
    )


def _axis(largest: float, language: Language) -> tuple[float, str]:
    """The top of a count axis with round steps above `largest`, and its grid lines."""
    raw = max(largest, 4) / 4
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw)
    top = step * math.ceil(max(largest, 1) / step)
    ticks = [step * n for n in range(int(round(top / step)) + 1)]
    return top, _grid(ticks, top, language.number)


def _grid(ticks: Sequence[float], top: float, name) -> str:
    lines = []
    for tick in ticks:
        y = _y(tick, top)
        lines.append(f'<line class="grid" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y:.1f}" y2="{y:.1f}"/>')
        lines.append(_label(LEFT - 6, y + 4, name(tick), anchor="end"))
    return "".join(lines)


def _legend(entries: Sequence[tuple[str, str]]) -> str:
    parts, x = [], float(LEFT)
    for css, name in entries:
        parts.append(f'<rect class="{css}" x="{x:.1f}" y="6" width="12" height="12"/>')
        parts.append(_label(x + 17, 16, name, anchor="start"))
        x += 32 + 6.5 * len(name)
    return "".join(parts)


def _rect(x: float, y: float, width: float, height: float, css: str, title: str) -> str:
    return (
        f'<rect class="{css}" x="{x:.1f}" y="{y:.1f}" width="{max(width, 0):.1f}" height="{max(height, 0):.1f}">'
        f"<title>{escape(title)}</title></rect>"
    )


def _label(x: float, y: float, text: str, anchor: str = "middle") -> str:
    return f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}">{escape(text)}</text>'


def _plot_width() -> float:
    return WIDTH - LEFT - RIGHT


def _y(value: float, top: float) -> float:
    return TOP + (HEIGHT - TOP - BOTTOM) * (1 - value / top)


def _height(value: float, top: float) -> float:
    return (HEIGHT - TOP - BOTTOM) * value / top


def _short_date(day: dt.date, language: Language) -> str:
    """A day on an axis: 4.12. (12/4)."""
    return format_skeleton("dM", day, locale=language.code)


def _week_name(week: Week, language: Language) -> str:
    """A calendar week as people name it: KW 49 (wk 49)."""
    return language.text(N_("wk %(week)s"), week=week.monday.isocalendar().week)
