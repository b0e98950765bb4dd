"""configs/outgoing.yaml: the connector of each channel, the rules of the deemed notice
date (with their legal basis), the channel policy's settings and postage. Read once at the
edge; `${MAILROOM_HOME}` and other `${VARIABLES}` in values are replaced."""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import Field, ValidationError, field_validator, model_validator

from mailroom.errors import BadConfig
from mailroom.files import read_yaml
from mailroom.outgoing.records import Channel
from mailroom.settings import Section, Settings

VARIABLE = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")
NOTICE_KEYS = (*(c.value for c in Channel), "secure_service")  # secure_service: formal service with eEB


class PrintTarget(Section):
    """The print shop's or hybrid-mail provider's folder, and the DIN 5008 address window."""

    connector: Literal["print"] = "print"
    folder: Path
    window_left_mm: float = 20.0
    window_top_mm: float = 45.0  # form B; form A: 27
    window_width_mm: float = 85.0
    window_height_mm: float = 45.0


class MailTarget(Section):
    connector: Literal["email"] = "email"


class HttpTarget(Section):
    """A postbox or secure-channel gateway's API."""

    connector: Literal["http"] = "http"
    url: str
    status_url: str = ""  # "{key}" is replaced by the idempotency key; "": no retrieval reports
    headers: dict[str, str] = {}

    @field_validator("url", "status_url")
    @classmethod
    def _http(cls, value: str) -> str:
        if value and not value.startswith(("http://", "https://")):
            raise ValueError("must be an http:// or https:// URL")
        return value


ChannelTarget = Annotated[PrintTarget | MailTarget | HttpTarget, Field(discriminator="connector")]


class NoticeRule(Section):
    """When notice is deemed given on one channel, and why."""

    rule: Literal["days_after_sent", "day_of_delivery", "day_of_acknowledgement", "days_after_retrieval"]
    days: int = 0
    basis: str  # the legal basis, shown beside the date
    fallback_after_days: int = 0  # not retrieved/acknowledged so long after sending: by post instead
    fallback_basis: str = ""

    @model_validator(mode="after")
    def _fallback_has_basis(self) -> NoticeRule:
        if self.fallback_after_days and not self.fallback_basis:
            raise ValueError("fallback_after_days needs fallback_basis (the legal reason for the fallback)")
        return self


class PolicyRules(Section):
    email_notices_signed: bool = False  # notices carry a qualified electronic signature (§ 3a Abs. 2 VwVfG)
    fallback: tuple[Channel, ...] = (Channel.SECURE, Channel.POSTBOX, Channel.EMAIL)


class OutgoingConfig(Section):
    channels: dict[Channel, ChannelTarget]
    notice: dict[str, NoticeRule]
    policy: PolicyRules = PolicyRules()
    postage: dict[Channel, float] = {}

    @model_validator(mode="after")
    def _complete(self) -> OutgoingConfig:
        missing = [c.value for c in Channel if c not in self.channels]
        if missing:
            raise ValueError(f"channels: no connector for {', '.join(missing)}")
        unknown = [key for key in self.notice if key not in NOTICE_KEYS]
        if unknown or set(NOTICE_KEYS) - set(self.notice):
            raise ValueError(f"notice: needs exactly the keys {', '.join(NOTICE_KEYS)}")
        return self


def load_outgoing(settings: Settings, env: Mapping[str, str] | None = None) -> OutgoingConfig:
    """Read configs/outgoing.yaml. Raises BadConfig naming the key that is wrong."""
    path = settings.config_file("outgoing.yaml")
    variables = {**(os.environ if env is None else env), "MAILROOM_HOME": str(settings.home.resolve())}
    return parse_outgoing(read_yaml(path) or {}, variables, settings.home, str(path))


def parse_outgoing(
    data: Any, variables: Mapping[str, str], home: Path, where: str = "outgoing.yaml"
) -> OutgoingConfig:
    """The configuration from its YAML data; relative print folders are taken under `home`."""
    if not isinstance(data, dict):
        raise BadConfig(f"{where} must hold a mapping (channels, notice, policy, postage)")
    try:
        config = OutgoingConfig.model_validate(_expand(data, variables, where))
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(str(p) for p in err['loc'])}: {err['msg']}" for err in exc.errors())
        raise BadConfig(f"{where}: {problems}") from exc
    channels = {
        channel: target.model_copy(update={"folder": home.resolve() / target.folder})
        if isinstance(target, PrintTarget) and not target.folder.is_absolute()
        else target
        for channel, target in config.channels.items()
    }
    return config.model_copy(update={"channels": channels})


def _expand(value: Any, variables: Mapping[str, str], where: str) -> Any:
    if isinstance(value, dict):
        return {key: _expand(item, variables, where) for key, item in value.items()}
    if isinstance(value, list):
        return [_expand(item, variables, where) for item in value]
    if not isinstance(value, str):
        return value
    for name in VARIABLE.findall(value):
        if name not in variables:
            raise BadConfig(f"{where} uses ${{{name}}}, which is not set")
    return VARIABLE.sub(lambda match: variables[match.group(1)], value)
