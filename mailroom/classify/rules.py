"""Rules beside the model, from configs/rules.yaml: patterns that fix or support a route.

A rule set is data; `match_rules` is a pure function from text to the rules that hit.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from mailroom.errors import BadConfig

log = logging.getLogger(__name__)

EFFECTS = ("fix", "support")


@dataclass(frozen=True)
class RouteRule:
    name: str
    route: str
    effect: str  # "fix" or "support"
    pattern: re.Pattern[str]


@dataclass(frozen=True)
class RuleHit:
    rule: str
    route: str
    effect: str
    evidence: str  # the matched text (its first group, if it has one)


@dataclass(frozen=True)
class RuleSet:
    route_rules: tuple[RouteRule, ...]
    references: dict[str, re.Pattern[str]]
    support_floor: float = 0.6


def load_rules(path: Path, routes: set[str] | None = None) -> RuleSet:
    """Read a rules file. Raises BadConfig for a bad pattern, effect, or unknown route."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise BadConfig(f"cannot read rules {path}: {exc}") from exc
    if not isinstance(data, dict):
        raise BadConfig(f"rules {path} must be a mapping with route_rules and references")
    return parse_rules(data, str(path), routes)


def parse_rules(data: dict[str, Any], origin: str = "rules", routes: set[str] | None = None) -> RuleSet:
    """Build a RuleSet from the mapping of a rules file (see configs/rules.yaml)."""
    rules = []
    for number, entry in enumerate(data.get("route_rules") or [], start=1):
        name = str(entry.get("name", f"rule {number}")) if isinstance(entry, dict) else f"rule {number}"
        if not isinstance(entry, dict) or not {"route", "effect", "pattern"} <= entry.keys():
            raise BadConfig(f"{origin}: route rule '{name}' needs route, effect and pattern")
        if entry["effect"] not in EFFECTS:
            raise BadConfig(f"{origin}: route rule '{name}' has effect '{entry['effect']}'; use fix or support")
        if routes is not None and entry["route"] not in routes:
            raise BadConfig(f"{origin}: route rule '{name}' names route '{entry['route']}', which is not in the taxonomy")
        rules.append(RouteRule(name, str(entry["route"]), str(entry["effect"]), _compile(entry["pattern"], origin, name)))
    references = {str(k): _compile(v, origin, str(k)) for k, v in (data.get("references") or {}).items()}
    return RuleSet(tuple(rules), references, float(data.get("support_floor", 0.6)))


def _compile(pattern: object, origin: str, name: str) -> re.Pattern[str]:
    try:
        return re.compile(str(pattern), re.IGNORECASE)
    except re.error as exc:
        raise BadConfig(f"{origin}: pattern of '{name}' is not a valid regular expression: {exc}") from exc


def match_rules(text: str, rules: RuleSet) -> list[RuleHit]:
    """Every route rule whose pattern occurs in `text`, in the order of the rules file."""
    hits = []
    for rule in rules.route_rules:
        found = rule.pattern.search(text)
        if found:
            evidence = found.group(1) if found.groups() else found.group(0)
            hits.append(RuleHit(rule.name, rule.route, rule.effect, evidence.strip()))
    return hits
