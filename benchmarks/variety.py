"""How varied is the synthetic corpus? Distinct writers, layouts, senders, cities,
sentences and word 3-grams, overall and per doc type, optionally against a baseline set.

Generates N items with the current generator (or reads a set given by --corpus) and
prints, per 1,000 items where a count grows with the set: distinct styles (writers or
templates), layouts, sender kinds, sender names, organisations among the senders,
cities written to, towns in the addresses of the text, sentences and word 3-grams.
Numbers and dates are masked before counting sentences and 3-grams, so that a new amount
does not count as a new sentence. Distinct counts grow more slowly than the set, so
compare sets of the same size.

    .venv/bin/python benchmarks/variety.py [--n 300] [--seed 5] [--workers 2]
        [--corpus DIR] [--baseline DIR]

--baseline takes any labelled set with a `text` column (labels.csv), e.g. one made by an
older version of the generator; columns it lacks are shown as "–".
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
import tempfile
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path

from mailroom.settings import load_settings
from mailroom.synth.generate import generate, load_synth_config
from mailroom.taxonomy import load_taxonomy

Row = dict[str, str]
Figures = dict[str, float | None]
_SENTENCE_END = re.compile(r"(?<=[.!?:])\s+|\n+")
_DIGITS = re.compile(r"\d+")
_WORD = re.compile(r"[A-Za-zÄÖÜäöüß0]+")
_ORG = re.compile(
    r"GmbH|\bAG\b|\bKG\b|e\. ?K\.|e\. ?V\.|gericht|Gericht|[Aa]mt\b|Kasse|Rechtsanw|Kanzlei|"
    r"Stadt|Verwaltung|Agentur|Jobcenter|Landes|Bundes|Polizei|Versicherung|Kammer|"
    r"Regierung|Ministerium|Direktion|Landkreis|Kreis|Bank|Sparkasse|Verband|Verein"
)
_TOWN = re.compile(r"\b\d{5} ([A-ZÄÖÜ][\wäöüß.\-]+(?: (?:\(|am |an der |im )[\wäöüß. ()\-]+)?)")


def read_rows(folder: Path) -> list[Row]:
    """The rows of a set's labels.csv (all columns as strings)."""
    csv.field_size_limit(sys.maxsize)
    with (folder / "labels.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def generated_rows(n: int, seed: int, workers: int) -> list[Row]:
    """Rows of a fresh set of n items made by the current generator."""
    settings = load_settings()
    taxonomy = load_taxonomy(settings.config_file("taxonomy.yaml"))
    config = load_synth_config(settings.config_file("synth.yaml"), taxonomy)
    with tempfile.TemporaryDirectory() as folder:
        generate(Path(folder), n, seed, config, workers=workers)
        return read_rows(Path(folder))


def sentences(text: str) -> set[str]:
    """Distinct sentences (and lines) of a text, numbers masked, at least 20 characters."""
    masked = _DIGITS.sub("0", text)
    return {" ".join(s.split()) for s in _SENTENCE_END.split(masked) if len(s.strip()) >= 20}


def trigrams(text: str) -> set[tuple[str, ...]]:
    """Distinct lower-case word 3-grams of a text, numbers masked."""
    words = _WORD.findall(_DIGITS.sub("0", text).lower())
    return set(zip(words, words[1:], words[2:], strict=False))


def towns(text: str) -> set[str]:
    """Town names that follow a postcode anywhere in the text."""
    return {m.strip() for m in _TOWN.findall(text)}


def per_thousand(count: int, items: int) -> float:
    return count / max(1, items) * 1000


def distinct(rows: list[Row], column: str) -> int | None:
    """How many distinct non-empty values a column has (None if the set lacks it)."""
    if not rows or column not in rows[0]:
        return None
    return len({r[column] for r in rows if r[column]})


def measures(rows: list[Row]) -> Figures:
    """The variety figures of one set."""
    n = len(rows)
    all_sentences: set[str] = set()
    all_grams: set[tuple[str, ...]] = set()
    all_towns: set[str] = set()
    for row in rows:
        text = row.get("text", "")
        all_sentences |= sentences(text)
        all_grams |= trigrams(text)
        all_towns |= towns(text)
    has_style = bool(rows) and "style" in rows[0]
    senders = distinct(rows, "sender")
    organisations = {r.get("sender", "") for r in rows if _ORG.search(r.get("sender", ""))}
    return {
        "items": n,
        "styles (doc_type:writer)": len({f"{r['doc_type']}:{r['style']}" for r in rows})
        if has_style
        else None,
        "layouts": distinct(rows, "layout"),
        "sender kinds": distinct(rows, "sender_kind"),
        "sender names / 1000": None if senders is None else per_thousand(senders, n),
        "organisation senders / 1000": per_thousand(len(organisations), n),
        "cities written to": distinct(rows, "city"),
        "towns in addresses": len(all_towns),
        "distinct sentences / 1000": per_thousand(len(all_sentences), n),
        "distinct word 3-grams / 1000": per_thousand(len(all_grams), n),
    }


def by_doc_type(rows: list[Row]) -> dict[str, Figures]:
    groups: dict[str, list[Row]] = defaultdict(list)
    for row in rows:
        groups[row["doc_type"]].append(row)
    return {doc_type: measures(members) for doc_type, members in sorted(groups.items())}


def _fmt(value: float | None) -> str:
    if value is None:
        return "–"
    return f"{value:,.0f}" if float(value).is_integer() or value >= 100 else f"{value:.1f}"


def print_table(title: str, names: Iterable[str], columns: dict[str, Figures]) -> None:
    """One table: a row per figure, a column per set, and the ratio of two sets."""
    heads = list(columns)
    print(f"\n{title}")
    print(f"  {'':32}" + "".join(f"{h:>14}" for h in heads) + ("       ratio" if len(heads) == 2 else ""))
    for name in names:
        values = [columns[h].get(name) for h in heads]
        line = f"  {name:32}" + "".join(f"{_fmt(v):>14}" for v in values)
        if len(values) == 2 and values[0] and values[1] is not None:
            line += f"{values[1] / values[0]:>11.2f}x"
        print(line)


def court_routes(rows: list[Row]) -> Counter[str]:
    return Counter(r["route"] for r in rows if r["doc_type"] == "gerichtspost")


def report(current: list[Row], baseline: list[Row] | None) -> None:
    """Print the overall and per-doc-type figures, side by side with the baseline if any."""
    sets = {"baseline": baseline, "current": current} if baseline is not None else {"current": current}
    chosen = {name: rows for name, rows in sets.items() if rows is not None}
    overall = {name: measures(rows) for name, rows in chosen.items()}
    print_table("Overall", overall["current"].keys(), overall)
    per_type = {name: by_doc_type(rows) for name, rows in chosen.items()}
    keys = ("items", "styles (doc_type:writer)", "layouts", "organisation senders / 1000",
            "distinct sentences / 1000", "distinct word 3-grams / 1000")  # fmt: skip
    for doc_type in sorted({d for figures in per_type.values() for d in figures}):
        columns = {name: figures.get(doc_type, {}) for name, figures in per_type.items()}
        print_table(f"doc_type {doc_type}", keys, columns)
    for name, rows in chosen.items():
        routes = ", ".join(f"{r} {k}" for r, k in court_routes(rows).most_common())
        print(f"\ncourt mail routes ({name}): {routes}")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--n", type=int, default=300, help="items to generate (default 300)")
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--workers", type=int, default=2, help="processes to generate with (default 2)")
    parser.add_argument("--corpus", type=Path, help="measure this set instead of generating one")
    parser.add_argument("--baseline", type=Path, help="a labelled set to compare against")
    args = parser.parse_args()
    current = read_rows(args.corpus) if args.corpus else generated_rows(args.n, args.seed, args.workers)
    baseline = read_rows(args.baseline) if args.baseline else None
    print(f"current: {args.corpus or f'generated, --n {args.n} --seed {args.seed}'} ({len(current)} items)")
    if baseline is not None:
        print(f"baseline: {args.baseline} ({len(baseline)} items)")
    report(current, baseline)


if __name__ == "__main__":
    main()
