"""The channel policy as a table of cases, and the deemed notice dates per channel under the
rules of the repository's configs/outgoing.yaml (the legal basis is named there)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from mailroom.errors import BadConfig
from mailroom.outgoing.config import PolicyRules, load_outgoing, parse_outgoing
from mailroom.outgoing.notice import Facts, deemed_notice, needs_fallback, rule_for
from mailroom.outgoing.policy import choose_channel
from mailroom.outgoing.records import (
    Channel,
    Consent,
    Kind,
    OutgoingDocument,
    PostalAddress,
    Recipient,
    RecipientKind,
)
from mailroom.settings import Settings

TODAY = dt.date(2026, 12, 7)
ADDRESS = PostalAddress("Erika Mustermann", "Hauptstraße 12", "12345", "Musterstadt")
SINCE = dt.date(2026, 1, 1)


def person(kind: RecipientKind = RecipientKind.PERSON, **fields) -> Recipient:
    return Recipient(id="r1", kind=kind, address=ADDRESS, **fields)


def consent(channel: Channel, withdrawn: dt.date | None = None, given: dt.date = SINCE) -> Consent:
    return Consent(channel, "Antrag", given, withdrawn)


E_MAIL = {"email": "erika@example.org"}
POSTBOX = {"postbox_id": "bund-123"}
SAFE = {"secure_id": "DE.BEA.1234"}

# document kind, recipient, expected channel, words the reason must contain
CASES = [
    # formal service: PZU unless an electronic way is open by law or by the recipient
    ("formal_service", person(), Channel.POST_SERVICE, "§ 3 VwZG"),
    ("formal_service", person(**E_MAIL, consents=(consent(Channel.EMAIL),), preferred=(Channel.EMAIL,)),
     Channel.POST_SERVICE, "nie per E-Mail"),
    ("formal_service", person(**POSTBOX, consents=(consent(Channel.POSTBOX),), preferred=(Channel.POSTBOX,)),
     Channel.POST_SERVICE, "§ 3 VwZG"),
    ("formal_service", person(RecipientKind.LAWYER, **SAFE), Channel.SECURE, "§ 5 Abs. 4"),
    ("formal_service", person(RecipientKind.AUTHORITY, **SAFE), Channel.SECURE, "Empfangsbekenntnis"),
    ("formal_service", person(RecipientKind.LAWYER), Channel.POST_SERVICE, "§ 3 VwZG"),  # no SAFE-ID known
    ("formal_service", person(**SAFE, consents=(consent(Channel.SECURE),)), Channel.SECURE, "§ 5 Abs. 5 VwZG"),
    ("formal_service", person(**SAFE), Channel.POST_SERVICE, "§ 3 VwZG"),  # a person who opened no access
    # courts and lawyers: the secure channel, whatever they prefer
    ("notice", person(RecipientKind.COURT, **SAFE), Channel.SECURE, "§ 55d VwGO"),
    ("letter", person(RecipientKind.LAWYER, **SAFE, **E_MAIL, consents=(consent(Channel.EMAIL),),
                      preferred=(Channel.EMAIL,)), Channel.SECURE, "beA"),
    ("letter", person(RecipientKind.COURT), Channel.POST, "§ 55d VwGO"),  # a court without SAFE-ID: say so
    ("notice", person(RecipientKind.LAWYER), Channel.POST, "SAFE-ID nachtragen"),
    # the postbox only with consent in force (§ 9 OZG)
    ("notice", person(**POSTBOX, consents=(consent(Channel.POSTBOX),), preferred=(Channel.POSTBOX,)),
     Channel.POSTBOX, "§ 9 Abs. 1 OZG"),
    ("notice", person(**POSTBOX, preferred=(Channel.POSTBOX,)), Channel.POST, "keine wirksame Einwilligung (§ 9"),
    ("notice", person(**POSTBOX, consents=(consent(Channel.POSTBOX, withdrawn=dt.date(2026, 6, 1)),),
                      preferred=(Channel.POSTBOX,)), Channel.POST, "keine wirksame Einwilligung"),
    ("notice", person(**POSTBOX, consents=(consent(Channel.POSTBOX, given=dt.date(2027, 1, 1)),),
                      preferred=(Channel.POSTBOX,)), Channel.POST, "keine wirksame Einwilligung"),  # not yet given
    ("notice", person(consents=(consent(Channel.POSTBOX),), preferred=(Channel.POSTBOX,)),
     Channel.POST, "kein Nutzerkonto-Postfach"),
    # e-mail: consent, and never for a notice needing written form
    ("letter", person(**E_MAIL, consents=(consent(Channel.EMAIL),), preferred=(Channel.EMAIL,)),
     Channel.EMAIL, "§ 3a Abs. 1 VwVfG"),
    ("letter", person(**E_MAIL, preferred=(Channel.EMAIL,)), Channel.POST, "keine wirksame Einwilligung"),
    ("notice", person(**E_MAIL, consents=(consent(Channel.EMAIL),), preferred=(Channel.EMAIL,)),
     Channel.POST, "§ 3a Abs. 2 VwVfG"),
    # preference order, then fallbacks among the lawful channels, then post
    ("notice", person(**E_MAIL, **POSTBOX, consents=(consent(Channel.EMAIL), consent(Channel.POSTBOX)),
                      preferred=(Channel.EMAIL, Channel.POSTBOX)), Channel.POSTBOX, "Wunsch des Empfängers"),
    ("letter", person(**E_MAIL, **POSTBOX, consents=(consent(Channel.EMAIL), consent(Channel.POSTBOX)),
                      preferred=(Channel.EMAIL, Channel.POSTBOX)), Channel.EMAIL, "Wunsch des Empfängers"),
    ("letter", person(**POSTBOX, consents=(consent(Channel.POSTBOX),)), Channel.POSTBOX, "Ersatzweg"),
    ("letter", person(preferred=(Channel.POST,)), Channel.POST, "Wunsch des Empfängers"),
    ("letter", person(), Channel.POST, "kein elektronischer Zugang"),
    ("letter", person(RecipientKind.FIRM, **SAFE, consents=(consent(Channel.SECURE),)), Channel.SECURE, "Ersatzweg"),
    ("letter", person(RecipientKind.FIRM, **SAFE), Channel.POST, "kein elektronischer Zugang"),
]  # fmt: skip


@pytest.mark.parametrize(("kind", "recipient", "channel", "reason"), CASES)
def test_the_channel_policy_table(kind: str, recipient: Recipient, channel: Channel, reason: str) -> None:
    document = OutgoingDocument("d1", "sozialamt", Kind(kind), "outgoing/d1.pdf", recipient_id=recipient.id)
    choice = choose_channel(document, recipient, TODAY, PolicyRules())
    assert choice.channel == channel, choice.reason
    assert reason in choice.reason
    assert "§" in choice.reason  # every choice names its legal basis


def test_signed_notices_may_go_by_email_with_consent() -> None:
    recipient = person(**E_MAIL, consents=(consent(Channel.EMAIL),), preferred=(Channel.EMAIL,))
    document = OutgoingDocument("d1", "sozialamt", Kind.NOTICE, "outgoing/d1.pdf")
    assert (
        choose_channel(document, recipient, TODAY, PolicyRules(email_notices_signed=True)).channel
        == Channel.EMAIL
    )


@pytest.fixture(scope="module")
def config(tmp_path_factory):
    return load_outgoing(Settings(home=tmp_path_factory.mktemp("home")), env={})


SENT = dt.date(2026, 12, 4)  # a Friday


@pytest.mark.parametrize(
    ("channel", "kind", "facts", "day", "basis"),
    [
        (Channel.POST, Kind.NOTICE, Facts(sent=SENT), dt.date(2026, 12, 8), "§ 41 Abs. 2 Satz 1 VwVfG"),
        (Channel.POST, Kind.NOTICE, Facts(sent=SENT), dt.date(2026, 12, 8), "vierter Tag"),
        (Channel.EMAIL, Kind.NOTICE, Facts(sent=SENT), dt.date(2026, 12, 8), "§ 41 Abs. 2 Satz 2 VwVfG"),
        (Channel.POSTBOX, Kind.NOTICE, Facts(sent=SENT), dt.date(2026, 12, 7), "§ 9 Abs. 1 Satz 3 OZG"),
        (Channel.SECURE, Kind.NOTICE, Facts(sent=SENT), dt.date(2026, 12, 8), "§ 41 Abs. 2 Satz 2 VwVfG"),
        (Channel.POST_SERVICE, Kind.FORMAL_SERVICE, Facts(sent=SENT), None, "§ 3 VwZG"),  # no certificate yet
        (Channel.POST_SERVICE, Kind.FORMAL_SERVICE, Facts(sent=SENT, delivered=dt.date(2026, 12, 9)),
         dt.date(2026, 12, 9), "Postzustellungsurkunde"),
        (Channel.SECURE, Kind.FORMAL_SERVICE, Facts(sent=SENT), None, "§ 5 Abs. 7 Satz 1 VwZG"),
        (Channel.SECURE, Kind.FORMAL_SERVICE, Facts(sent=SENT, acknowledged=dt.date(2026, 12, 10)),
         dt.date(2026, 12, 10), "Empfangsbekenntnis"),
    ],
)  # fmt: skip
def test_the_deemed_notice_date_per_channel(config, channel, kind, facts, day, basis) -> None:
    notice = deemed_notice(rule_for(config, channel, kind), facts)
    assert notice.day == day
    assert basis in notice.basis


def test_a_postbox_by_retrieval_falls_back_to_post_after_ten_days() -> None:
    data = {
        "channels": {c.value: {"connector": "email"} for c in Channel},
        "notice": {key: {"rule": "days_after_sent", "days": 4, "basis": "x"} for key in
                   ("post", "post_service", "email", "secure", "secure_service")},
    }  # fmt: skip
    data["notice"]["postbox"] = {"rule": "days_after_retrieval", "days": 1, "basis": "§ 41 Abs. 2a Satz 3 VwVfG",
                                 "fallback_after_days": 10, "fallback_basis": "§ 41 Abs. 2a Satz 4 VwVfG"}  # fmt: skip
    rule = rule_for(parse_outgoing(data, {}, Path("/tmp")), Channel.POSTBOX, Kind.NOTICE)
    assert deemed_notice(rule, Facts(sent=SENT)).day is None
    assert deemed_notice(rule, Facts(sent=SENT, retrieved=dt.date(2026, 12, 6))).day == dt.date(2026, 12, 7)
    assert not needs_fallback(rule, Facts(sent=SENT), dt.date(2026, 12, 14))
    assert needs_fallback(rule, Facts(sent=SENT), dt.date(2026, 12, 15))
    assert not needs_fallback(rule, Facts(sent=SENT, retrieved=dt.date(2026, 12, 6)), dt.date(2026, 12, 15))


def test_a_configuration_without_every_notice_rule_is_an_error() -> None:
    data = {"channels": {c.value: {"connector": "email"} for c in Channel}, "notice": {}}
    with pytest.raises(BadConfig, match="notice"):
        parse_outgoing(data, {}, Path("/tmp"))
    data["channels"]["post"] = {"connector": "fax"}
    with pytest.raises(BadConfig, match="channels.post"):
        parse_outgoing(data, {}, Path("/tmp"))
