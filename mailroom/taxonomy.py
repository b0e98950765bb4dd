"""The labels: document types and routes, from configs/taxonomy.yaml."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from mailroom.errors import BadConfig
from mailroom.files import read_yaml


@dataclass(frozen=True)
class Label:
    id: str
    name: str
    about: str


@dataclass(frozen=True)
class Taxonomy:
    doc_types: dict[str, Label]
    routes: dict[str, Label]
    digest: str  # SHA-256 of the ids, so a model can tell it was trained on the same labels

    def name(self, head: str, label_id: str | None) -> str:
        """How people call a label of `head` ("doc_type" or "route"); an unknown id as it is."""
        labels = self.doc_types if head == "doc_type" else self.routes
        return labels[label_id].name if label_id in labels else label_id or ""

    def label(self, head: str, label_id: str | None) -> str:
        """A label for tables of the CLI: "Widerspruch (widerspruch)"; '' for none."""
        return f"{self.name(head, label_id)} ({label_id})" if label_id else ""

    def check(self, doc_type: str, route: str) -> list[str]:
        """The problems with a (doc_type, route) pair; empty if both are known."""
        problems = []
        if doc_type not in self.doc_types:
            problems.append(f"doc_type '{doc_type}' is not in the taxonomy")
        if route not in self.routes:
            problems.append(f"route '{route}' is not in the taxonomy")
        return problems


def load_taxonomy(path: Path) -> Taxonomy:
    """Read a taxonomy file. Raises BadConfig if it is missing or malformed."""
    data = read_yaml(path, "taxonomy")
    if not isinstance(data, dict):
        raise BadConfig(f"taxonomy {path} must be a mapping with doc_types and routes")
    doc_types = _labels(data, "doc_types", path)
    routes = _labels(data, "routes", path)
    ids = ",".join(doc_types) + "|" + ",".join(routes)
    return Taxonomy(doc_types, routes, hashlib.sha256(ids.encode()).hexdigest())


def _labels(data: dict, section: str, path: Path) -> dict[str, Label]:
    entries = data.get(section)
    if not isinstance(entries, dict) or not entries:
        raise BadConfig(f"taxonomy {path} has no '{section}' section")
    labels = {}
    for label_id, entry in entries.items():
        if not isinstance(entry, dict) or "name" not in entry:
            raise BadConfig(f"taxonomy {path}: {section}.{label_id} needs a name")
        labels[str(label_id)] = Label(str(label_id), entry["name"], entry.get("about", ""))
    return labels
