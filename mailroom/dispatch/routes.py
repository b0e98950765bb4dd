"""configs/routes.yaml: for every route of the taxonomy, the connector and target that
deliver its items. `${MAILROOM_HOME}` and other `${VARIABLES}` in values are replaced
(secrets such as tokens belong in the environment, not in the file)."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from mailroom.dispatch.connectors import Connector, Target
from mailroom.dispatch.folder import FolderConnector, FolderTarget
from mailroom.dispatch.mail import MailConnector, MailTarget
from mailroom.dispatch.webhook import WebhookConnector, WebhookTarget
from mailroom.dispatch.xdomea import XdomeaConnector, XdomeaTarget
from mailroom.errors import BadConfig
from mailroom.files import read_yaml
from mailroom.settings import DispatchSettings, Settings
from mailroom.taxonomy import Taxonomy

# connector name → (its target model, its connector class)
CONNECTORS: dict[str, tuple[type[Target], Callable[[Any, DispatchSettings], Connector]]] = {
    "folder": (FolderTarget, FolderConnector),
    "email": (MailTarget, MailConnector),
    "webhook": (WebhookTarget, WebhookConnector),
    "xdomea": (XdomeaTarget, XdomeaConnector),
}

VARIABLE = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")


def load_routes(
    settings: Settings, taxonomy: Taxonomy, env: Mapping[str, str] | None = None
) -> dict[str, Target]:
    """Read configs/routes.yaml into a target per route id.

    Raises BadConfig naming the route when a route of the taxonomy has no entry, an entry
    names no known connector, has unknown or missing keys, or uses an unset variable.
    """
    path = settings.config_file("routes.yaml")
    data = _read(path)
    variables = {**(os.environ if env is None else env), "MAILROOM_HOME": str(settings.home.resolve())}
    entries = data["routes"]
    missing = [route for route in taxonomy.routes if route not in entries]
    if missing:
        raise BadConfig(f"{path}: no connector for route(s) {', '.join(missing)}; add an entry for each")
    unknown = [route for route in entries if route not in taxonomy.routes]
    if unknown:
        raise BadConfig(f"{path}: route(s) {', '.join(map(str, unknown))} are not in the taxonomy")
    routes = {
        route: _target(path, route, _expand(path, route, entry, variables))
        for route, entry in entries.items()
    }
    return {route: _anchor(target, settings.home) for route, target in routes.items()}


def connector_for(target: Target, settings: DispatchSettings) -> Connector:
    """The connector that delivers to `target`."""
    return CONNECTORS[target.connector][1](target, settings)


def _read(path: Path) -> dict[str, Any]:
    data = read_yaml(path) or {}
    if not isinstance(data, dict) or set(data) != {"routes"} or not isinstance(data["routes"], dict):
        raise BadConfig(f"{path} must hold exactly one key, 'routes', a mapping of route id to connector")
    return data


def _target(path: Path, route: str, entry: Any) -> Target:
    if not isinstance(entry, dict):
        raise BadConfig(f"{path}: route '{route}' must be a mapping with a 'connector' key")
    name = entry.get("connector")
    if name not in CONNECTORS:
        raise BadConfig(f"{path}: route '{route}' has connector {name!r}; use one of {', '.join(CONNECTORS)}")
    try:
        return CONNECTORS[name][0].model_validate(entry)
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(str(p) for p in err['loc'])}: {err['msg']}" for err in exc.errors())
        raise BadConfig(f"{path}: route '{route}' ({name}): {problems}") from exc


def _expand(path: Path, route: str, value: Any, variables: Mapping[str, str]) -> Any:
    """Replace ${NAME} in every string of a route's entry."""
    if isinstance(value, dict):
        return {key: _expand(path, route, item, variables) for key, item in value.items()}
    if isinstance(value, list):
        return [_expand(path, route, item, variables) for item in value]
    if not isinstance(value, str):
        return value
    for name in VARIABLE.findall(value):
        if name not in variables:
            raise BadConfig(f"{path}: route '{route}' uses ${{{name}}}, which is not set")
    return VARIABLE.sub(lambda match: variables[match.group(1)], value)


def _anchor(target: Target, home: Path) -> Target:
    """A relative folder is taken relative to MAILROOM_HOME, so the same file works anywhere."""
    if isinstance(target, FolderTarget | XdomeaTarget) and not target.path.is_absolute():
        target = target.model_copy(update={"path": home.resolve() / target.path})
    if isinstance(target, XdomeaTarget) and target.replies is not None and not target.replies.is_absolute():
        target = target.model_copy(update={"replies": home.resolve() / target.replies})
    return target
