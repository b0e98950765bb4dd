"""Rules beside the model, from configs/rules.yaml: patterns that fix or support a route,
and names of embedded files that fix the document type.

A rule set is data; `match_rules` is a pure function from text to the rules that hit,
`match_attachments` one from the names of an item's embedded files to the rule that hits.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mailroom.errors import BadConfig
from mailroom.files import read_yaml

log = logging.getLogger(__name__)

EFFECTS = ("fix", "support")
EXPECT = "expect"  # the effect of a doc-type route: the route the model must agree with


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
class AttachmentRule:
    """An embedded file whose name says what the document is (an e-invoice's XML)."""

    name: str
    doc_type: str
    pattern: re.Pattern[str]  # searched in each file name


@dataclass(frozen=True)
class DocTypeHit:
    rule: str
    doc_type: str
    evidence: str  # the file name


@dataclass(frozen=True)
class DocTypeRoute:
    """Where mail of one doc type goes: the first `unless` rule whose pattern occurs
    decides, else `default` (court mail goes to the Rechtsamt unless the court or the
    matter names another office)."""

    doc_type: str
    default: str
    unless: tuple[RouteRule, ...] = ()


@dataclass(frozen=True)
class RuleSet:
    route_rules: tuple[RouteRule, ...]
    references: dict[str, re.Pattern[str]]
    support_floor: float = 0.6
    doc_type_routes: tuple[DocTypeRoute, ...] = ()
    attachment_rules: tuple[AttachmentRule, ...] = ()


def load_rules(path: Path, routes: set[str] | None = None, doc_types: set[str] | None = None) -> RuleSet:
    """Read a rules file. Raises BadConfig for a bad pattern, effect, or unknown route or
    document type."""
    data = read_yaml(path, "rules") or {}
    if not isinstance(data, dict):
        raise BadConfig(f"rules {path} must be a mapping with route_rules and references")
    return parse_rules(data, str(path), routes, doc_types)


def parse_rules(
    data: dict[str, Any],
    origin: str = "rules",
    routes: set[str] | None = None,
    doc_types: set[str] | None = None,
) -> RuleSet:
    """Build a RuleSet from the mapping of a rules file (see configs/rules.yaml)."""
    rules = []
    for number, entry in enumerate(data.get("route_rules") or [], start=1):
        name = str(entry.get("name", f"rule {number}")) if isinstance(entry, dict) else f"rule {number}"
        if not isinstance(entry, dict) or not {"route", "effect", "pattern"} <= entry.keys():
            raise BadConfig(f"{origin}: route rule '{name}' needs route, effect and pattern")
        if entry["effect"] not in EFFECTS:
            raise BadConfig(
                f"{origin}: route rule '{name}' has effect '{entry['effect']}'; use fix or support"
            )
        if routes is not None and entry["route"] not in routes:
            raise BadConfig(
                f"{origin}: route rule '{name}' names route '{entry['route']}', which is not in the taxonomy"
            )
        rules.append(
            RouteRule(
                name, str(entry["route"]), str(entry["effect"]), _compile(entry["pattern"], origin, name)
            )
        )
    references = {str(k): _compile(v, origin, str(k)) for k, v in (data.get("references") or {}).items()}
    by_doc_type = tuple(
        _doc_type_route(str(d), e, origin, routes) for d, e in (data.get("doc_type_routes") or {}).items()
    )
    attachments = tuple(
        _attachment_rule(number, e, origin, doc_types)
        for number, e in enumerate(data.get("attachment_rules") or [], start=1)
    )
    return RuleSet(tuple(rules), references, float(data.get("support_floor", 0.6)), by_doc_type, attachments)


def _attachment_rule(number: int, entry: object, origin: str, doc_types: set[str] | None) -> AttachmentRule:
    name = (
        str(entry.get("name", f"attachment rule {number}"))
        if isinstance(entry, dict)
        else f"attachment rule {number}"
    )
    if not isinstance(entry, dict) or not {"doc_type", "pattern"} <= entry.keys():
        raise BadConfig(f"{origin}: attachment rule '{name}' needs doc_type and pattern")
    if doc_types is not None and entry["doc_type"] not in doc_types:
        raise BadConfig(
            f"{origin}: attachment rule '{name}' names doc_type '{entry['doc_type']}', which is not in the taxonomy"
        )
    return AttachmentRule(name, str(entry["doc_type"]), _compile(entry["pattern"], origin, name))


def _doc_type_route(doc_type: str, entry: object, origin: str, routes: set[str] | None) -> DocTypeRoute:
    if not isinstance(entry, dict) or "default" not in entry:
        raise BadConfig(
            f"{origin}: doc_type_routes '{doc_type}' needs a default route (and optionally unless: rules)"
        )
    unless = []
    for number, rule in enumerate(entry.get("unless") or [], start=1):
        name = (
            str(rule.get("name", f"{doc_type} rule {number}"))
            if isinstance(rule, dict)
            else f"{doc_type} rule {number}"
        )
        if not isinstance(rule, dict) or not {"route", "pattern"} <= rule.keys():
            raise BadConfig(f"{origin}: doc_type_routes rule '{name}' needs route and pattern")
        unless.append(RouteRule(name, str(rule["route"]), EXPECT, _compile(rule["pattern"], origin, name)))
    result = DocTypeRoute(doc_type, str(entry["default"]), tuple(unless))
    for route in (result.default, *(r.route for r in result.unless)):
        if routes is not None and route not in routes:
            raise BadConfig(
                f"{origin}: doc_type_routes '{doc_type}' names route '{route}', which is not in the taxonomy"
            )
    return result


def _compile(pattern: object, origin: str, name: str) -> re.Pattern[str]:
    try:
        return re.compile(str(pattern), re.IGNORECASE)
    except re.error as exc:
        raise BadConfig(f"{origin}: pattern of '{name}' is not a valid regular expression: {exc}") from exc


def match_rules(text: str, rules: RuleSet, doc_type: str = "") -> list[RuleHit]:
    """Every route rule whose pattern occurs in `text`, in the order of the rules file,
    then the route that mail of `doc_type` goes to, if the rules declare one (effect
    "expect")."""
    hits = [hit for rule in rules.route_rules if (hit := _hit(rule, text))]
    for declared in rules.doc_type_routes:
        if declared.doc_type == doc_type:
            found = next((hit for rule in declared.unless if (hit := _hit(rule, text))), None)
            hits.append(found or RuleHit(f"{doc_type}-default", declared.default, EXPECT, doc_type))
    return hits


def match_attachments(names: Sequence[str], rules: RuleSet) -> DocTypeHit | None:
    """The first attachment rule (in the order of the rules file) whose pattern occurs in
    the name of one of an item's embedded files; None if none does."""
    for rule in rules.attachment_rules:
        for name in names:
            if rule.pattern.search(name):
                return DocTypeHit(rule.name, rule.doc_type, name)
    return None


def _hit(rule: RouteRule, text: str) -> RuleHit | None:
    found = rule.pattern.search(text)
    if not found:
        return None
    evidence = found.group(1) if found.groups() else found.group(0)
    return RuleHit(rule.name, rule.route, rule.effect, " ".join(evidence.split()))
