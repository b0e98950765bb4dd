"""Figures of outgoing mail: each channel's share and the postage the electronic channels
saved (postage per letter from configs/outgoing.yaml)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from mailroom.outgoing.records import Channel, Kind

ELECTRONIC = (Channel.EMAIL, Channel.POSTBOX, Channel.SECURE)


@dataclass(frozen=True)
class ChannelShare:
    channel: str
    count: int
    share: float


@dataclass(frozen=True)
class OutgoingStats:
    total: int
    shares: list[ChannelShare]
    letters_saved: int  # sent electronically instead of on paper
    postage_saved: float  # euro


def outgoing_stats(counts: Counter[tuple[str, str]], postage: dict[Channel, float]) -> OutgoingStats:
    """From the documents sent per (channel, kind): shares per channel, and the postage a
    letter (or a PZU for formal service) would have cost for each one sent electronically."""
    total = sum(counts.values())
    per_channel: Counter[str] = Counter()
    saved, letters = 0.0, 0
    for (channel, kind), count in counts.items():
        per_channel[channel] += count
        if channel in ELECTRONIC:
            paper = Channel.POST_SERVICE if kind == Kind.FORMAL_SERVICE else Channel.POST
            saved += count * postage.get(paper, 0.0)
            letters += count
    shares = [
        ChannelShare(c.value, per_channel[c.value], per_channel[c.value] / total if total else 0.0)
        for c in Channel
    ]
    return OutgoingStats(total, shares, letters, round(saved, 2))
