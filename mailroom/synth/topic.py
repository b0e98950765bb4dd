"""The record of a topic a letter is about, and of a notice about it (see `topics`)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Notice:
    """A notice another authority sends to the city about a topic."""

    authority: str  # key of people.AUTHORITIES
    title: str  # heading, e.g. "Gewerbesteuermessbescheid für {prev_year}"
    ref_label: str  # "Steuernummer", "Versicherungsnummer", ...
    lines: tuple[str, ...]  # the notice's core sentences; writers pick some


@dataclass(frozen=True)
class Topic:
    """One concrete matter of a route. All texts may contain `{slot}` placeholders."""

    key: str
    route: str
    name: str  # short name for subject lines: "Hundesteuer"
    ref: str = "Aktenzeichen"  # label of the city's file reference for this matter
    bescheid: str = ""  # masculine noun phrase: "Hundesteuerbescheid"
    wants: tuple[str, ...] = ()  # accusative phrases: what one applies or asks for
    facts: tuple[str, ...] = ()  # first-person background sentences
    grounds: tuple[str, ...] = ()  # reasons of an objection, first person
    problems: tuple[str, ...] = ()  # complaint sentences
    questions: tuple[str, ...] = ()  # question sentences
    evidence: tuple[str, ...] = ()  # documents one sends as proof
    ends: tuple[str, ...] = ()  # sentences that terminate or deregister something
    fields: tuple[tuple[str, str], ...] = ()  # form boxes (label, value template)
    notice: Notice | None = None
    case: str = ""  # "wegen ..." phrase for court and lawyer mail


T = Topic  # short names for the long tables of topics
N = Notice
