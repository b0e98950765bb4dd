"""The day on which notice is deemed given (Bekanntgabe, Zustellung), per channel, by the
rules of configs/outgoing.yaml, each with its legal basis. Pure functions over dates."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from mailroom.outgoing.config import NoticeRule, OutgoingConfig
from mailroom.outgoing.records import Channel, Kind


@dataclass(frozen=True)
class Facts:
    """What happened to one document on its channel (days in the city's time)."""

    sent: dt.date | None = None  # handed to the post, sent, made available
    delivered: dt.date | None = None  # the delivery certificate's date (PZU)
    acknowledged: dt.date | None = None  # the electronic acknowledgement's date (eEB)
    retrieved: dt.date | None = None  # fetched from the postbox


@dataclass(frozen=True)
class DeemedNotice:
    day: dt.date | None  # None: not yet known (no certificate, acknowledgement or retrieval)
    basis: str


def rule_for(config: OutgoingConfig, channel: Channel, kind: Kind) -> NoticeRule:
    """The rule of `channel`; formal service by the secure channel has its own (eEB)."""
    key = "secure_service" if channel == Channel.SECURE and kind == Kind.FORMAL_SERVICE else channel.value
    return config.notice[key]


def deemed_notice(rule: NoticeRule, facts: Facts) -> DeemedNotice:
    """The day notice counts as given under `rule`, from what happened."""
    if rule.rule == "days_after_sent":
        day = facts.sent + dt.timedelta(days=rule.days) if facts.sent else None
    elif rule.rule == "day_of_delivery":
        day = facts.delivered
    elif rule.rule == "day_of_acknowledgement":
        day = facts.acknowledged
    else:
        day = facts.retrieved + dt.timedelta(days=rule.days) if facts.retrieved else None
    return DeemedNotice(day, rule.basis)


def needs_fallback(rule: NoticeRule, facts: Facts, today: dt.date) -> bool:
    """True if the rule sends the document by post because it was not retrieved or
    acknowledged within `fallback_after_days` of sending."""
    if not rule.fallback_after_days or facts.sent is None:
        return False
    if facts.retrieved or facts.acknowledged:
        return False
    return today > facts.sent + dt.timedelta(days=rule.fallback_after_days)
