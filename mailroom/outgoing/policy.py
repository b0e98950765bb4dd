"""The channel policy: which channel a document takes to its recipient, and why.

A pure function over typed records. The law comes first (what the document's kind and the
recipient's kind allow or demand), then the recipient's consented preference, then the
configured fallbacks; post when nothing else is lawful. Every choice carries its reason
with the provisions it rests on, and that reason is what the audit records.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from mailroom.outgoing.config import PolicyRules
from mailroom.outgoing.records import Channel, Kind, OutgoingDocument, Recipient, RecipientKind

# Recipients that must keep a secure electronic mailbox open (§ 31a Abs. 6 BRAO for
# lawyers (beA), § 55d VwGO / § 130d ZPO for courts and authorities in court proceedings;
# beBPo for authorities), and to whom § 5 Abs. 4 VwZG allows electronic formal service.
SECURE_BY_LAW = (RecipientKind.LAWYER, RecipientKind.COURT, RecipientKind.AUTHORITY)


@dataclass(frozen=True)
class Choice:
    channel: Channel
    reason: str  # German, naming the provisions; shown to staff and written to the audit


def choose_channel(
    document: OutgoingDocument, recipient: Recipient, today: dt.date, rules: PolicyRules
) -> Choice:
    """The lawful channel for `document` to `recipient` on `today`."""
    if recipient.kind in SECURE_BY_LAW and recipient.secure_id:
        return Choice(Channel.SECURE, _secure_by_law(document.kind, recipient.kind))
    if document.kind == Kind.FORMAL_SERVICE:
        return _formal_service(recipient, today)
    refusals: list[str] = []
    for channel in recipient.preferred:
        why_not = _unlawful(channel, document.kind, recipient, today, rules)
        if why_not is None:
            return Choice(channel, f"Wunsch des Empfängers: {_LAWFUL[channel]}")
        refusals.append(why_not)
    for channel in rules.fallback:
        if (
            channel not in recipient.preferred
            and _unlawful(channel, document.kind, recipient, today, rules) is None
        ):
            prefix = "; ".join(refusals) + "; " if refusals else ""
            return Choice(channel, f"{prefix}kein zulässiger Wunschkanal, Ersatzweg: {_LAWFUL[channel]}")
    reasons = "; ".join(refusals) or "kein elektronischer Zugang eröffnet"
    if recipient.kind == RecipientKind.COURT:
        reasons += "; Gericht ohne SAFE-ID im Register: elektronische Übermittlung (§ 55d VwGO) nicht möglich"
    elif recipient.kind in SECURE_BY_LAW:
        reasons += "; ohne SAFE-ID im Register kein sicherer Übermittlungsweg (SAFE-ID nachtragen)"
    return Choice(Channel.POST, f"{reasons}; Brief (schriftlicher Verwaltungsakt, § 41 Abs. 2 VwVfG)")


def _secure_by_law(kind: Kind, recipient: RecipientKind) -> str:
    if kind == Kind.FORMAL_SERVICE:
        return ("Förmliche Zustellung an Rechtsanwalt/Behörde elektronisch gegen elektronisches "
                "Empfangsbekenntnis (§ 5 Abs. 4 und 7 VwZG)")  # fmt: skip
    if recipient == RecipientKind.COURT:
        return "Übermittlung an ein Gericht nur elektronisch über den sicheren Übermittlungsweg (§ 55d VwGO, § 130d ZPO)"
    if recipient == RecipientKind.LAWYER:
        return "Rechtsanwalt über das beA (passive Nutzungspflicht, § 31a Abs. 6 BRAO; § 3a Abs. 2 VwVfG)"
    return "Behörde über den sicheren Übermittlungsweg (beBPo/EGVP, § 3a Abs. 2 VwVfG)"


def _formal_service(recipient: Recipient, today: dt.date) -> Choice:
    if recipient.secure_id and _consent(recipient, Channel.SECURE, today):
        return Choice(Channel.SECURE, "Förmliche Zustellung elektronisch, Zugang vom Empfänger eröffnet "
                                      "(§ 5 Abs. 5 VwZG), gegen Empfangsbekenntnis (§ 5 Abs. 7 VwZG)")  # fmt: skip
    return Choice(Channel.POST_SERVICE, "Förmliche Zustellung durch die Post mit Zustellungsurkunde (§ 3 VwZG); "
                                        "nie per E-Mail oder Postfach ohne eröffneten Zugang (§ 5 VwZG)")  # fmt: skip


def _unlawful(
    channel: Channel, kind: Kind, recipient: Recipient, today: dt.date, rules: PolicyRules
) -> str | None:
    """None if `channel` is lawful here, else why not (German, with the provision)."""
    if channel == Channel.POST:
        return None
    if channel == Channel.POST_SERVICE:
        return "Zustellungsurkunde nur für förmliche Zustellung"
    if channel == Channel.EMAIL:
        if not recipient.email:
            return "E-Mail: keine Adresse im Register"
        if not _consent(recipient, channel, today):
            return "E-Mail: keine wirksame Einwilligung (Zugangseröffnung, § 3a Abs. 1 VwVfG)"
        if kind == Kind.NOTICE and not rules.email_notices_signed:
            return "E-Mail: Bescheid braucht die Schriftform, einfache E-Mail ersetzt sie nicht (§ 3a Abs. 2 VwVfG)"
        return None
    if channel == Channel.POSTBOX:
        if not recipient.postbox_id:
            return "Postfach: kein Nutzerkonto-Postfach im Register"
        if not _consent(recipient, channel, today):
            return "Postfach: keine wirksame Einwilligung (§ 9 Abs. 1 OZG)"
        return None
    if not recipient.secure_id:
        return "sicherer Übermittlungsweg: keine SAFE-ID im Register"
    if recipient.kind not in SECURE_BY_LAW and not _consent(recipient, channel, today):
        return "sicherer Übermittlungsweg: Zugang nicht eröffnet (§ 3a Abs. 1 VwVfG)"
    return None


def _consent(recipient: Recipient, channel: Channel, today: dt.date) -> bool:
    return any(c.channel == channel and c.in_force(today) for c in recipient.consents)


_LAWFUL = {
    Channel.POST: "Brief (§ 41 Abs. 2 VwVfG)",
    Channel.POST_SERVICE: "Zustellungsurkunde (§ 3 VwZG)",
    Channel.EMAIL: "E-Mail mit Einwilligung (§ 3a Abs. 1 VwVfG)",
    Channel.POSTBOX: "Postfach des Nutzerkontos mit Einwilligung (§ 9 Abs. 1 OZG)",
    Channel.SECURE: "sicherer Übermittlungsweg, Zugang eröffnet (§ 3a Abs. 1 VwVfG)",
}
