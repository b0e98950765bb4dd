"""Model bundles: a folder with one sub-folder per head, the route combiner and the
novelty scorer (`layers.joblib`), the rules used, and meta.json
(format version, library versions, taxonomy digest, training-data hash, metrics,
thresholds, temperatures, MLflow run id). Written to a temporary name and renamed, so
a reader never sees half a bundle; a bundle this version cannot use raises
IncompatibleModel and items go to review rather than being guessed.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any, Protocol

import joblib
import numpy as np

from mailroom import __version__
from mailroom.classify.calibrate import ClassConfidence, TemperatureScaler
from mailroom.classify.combine import RouteCombiner
from mailroom.classify.novelty import NoveltyScorer
from mailroom.classify.rules import RuleSet, parse_rules
from mailroom.errors import BadInput, IncompatibleModel
from mailroom.files import replace_folder, write_atomically
from mailroom.taxonomy import Taxonomy

log = logging.getLogger(__name__)

FORMAT_VERSION = 2  # 2: the route combiner and the novelty scorer
META_FILE = "meta.json"
LAYERS_FILE = "layers.joblib"
RULES_FILE = "rules.json"
HEADS = ("doc_type", "route")
# Libraries whose saved objects another version may not read: name -> version parts that must match.
PICKLE_SENSITIVE = {"linear": {"scikit-learn": 2}, "transformer": {"transformers": 1, "scikit-learn": 2}}


class TextClassifier(Protocol):
    """What every backend offers: scikit-learn's classifier contract plus save/load."""

    classes_: np.ndarray

    def fit(
        self, texts: Sequence[str], labels: Sequence[str], sample_weight: Sequence[float] | None = None
    ) -> TextClassifier: ...
    def predict_proba(self, texts: Sequence[str]) -> np.ndarray: ...
    def save(self, folder: Path) -> None: ...


def backend_class(name: str) -> Any:
    """The estimator class of a backend by name ("linear" or "transformer")."""
    if name == "linear":
        from mailroom.classify.linear import LinearTextClassifier

        return LinearTextClassifier
    if name == "transformer":
        from mailroom.classify.transformer import TransformerTextClassifier

        return TransformerTextClassifier
    raise IncompatibleModel(f"model backend '{name}' is unknown; use linear or transformer")


def library_versions(backend: str) -> dict[str, str]:
    names = ["scikit-learn", "numpy"] + (["torch", "transformers"] if backend == "transformer" else [])
    return {"mailroom": __version__, **{n: metadata.version(n) for n in names}}


@dataclass
class Layers:
    """What sits on top of the two text heads: the route combiner (the route given the
    doc type), its temperature, the novelty scorer with its cutoff, and per head how
    likely its top label is right given the predicted doc type (none in older bundles:
    then the top probability itself)."""

    combiner: RouteCombiner
    combiner_temperature: float
    novelty: NoveltyScorer
    novelty_cutoff: float
    confidence: dict[str, ClassConfidence] | None = None


@dataclass
class Model:
    """A loaded model: two calibrated heads, the layers over them, their thresholds,
    the rules, and meta."""

    backend: str
    heads: dict[str, TextClassifier]
    temperatures: dict[str, float]
    thresholds: dict[str, float]
    rules: RuleSet
    rules_data: dict[str, Any]
    layers: Layers
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def version(self) -> str:
        return str(self.meta.get("registry_version") or self.meta.get("version", "unversioned"))

    def head_probabilities(self, texts: Sequence[str]) -> dict[str, np.ndarray]:
        """Per text head: calibrated probabilities, one row per text, columns in the order of its classes."""
        return {
            head: _scaled(estimator.predict_proba(list(texts)), self.temperatures[head])
            for head, estimator in self.heads.items()
        }

    def probabilities(self, texts: Sequence[str]) -> dict[str, tuple[np.ndarray, np.ndarray]]:
        """Per head: (classes, calibrated probabilities with one row per text); the route
        is the combiner's, which sees both heads."""
        heads = self.head_probabilities(texts)
        route = _scaled(
            self.layers.combiner.predict_proba(heads["doc_type"], heads["route"]),
            self.layers.combiner_temperature,
        )
        return {
            "doc_type": (np.asarray(self.heads["doc_type"].classes_), heads["doc_type"]),
            "route": (np.asarray(self.layers.combiner.classes_), route),
        }

    def confidence(self, probabilities: dict[str, tuple[np.ndarray, np.ndarray]]) -> dict[str, np.ndarray]:
        """Per head: how likely each text's top label is right (the thresholds apply to
        this): its top probability, mapped by the predicted doc type where the bundle
        has such a map (ClassConfidence)."""
        doc_classes, doc = probabilities["doc_type"]
        kinds = doc_classes[doc.argmax(axis=1)]
        maps = self.layers.confidence or {}
        return {
            head: maps[head].transform(kinds, probs.max(axis=1)) if head in maps else probs.max(axis=1)
            for head, (_, probs) in probabilities.items()
        }

    def novelty(self, texts: Sequence[str]) -> np.ndarray:
        """How unlike every training letter each text is (see novelty.py)."""
        return self.layers.novelty.score(texts)


def _scaled(probabilities: np.ndarray, temperature: float) -> np.ndarray:
    scaler = TemperatureScaler()
    scaler.temperature_ = temperature
    return scaler.transform(probabilities)


def save_model(model: Model, folder: Path) -> Path:
    """Write `model` as a bundle at `folder` (replacing one there); returns `folder`."""
    folder = folder.resolve()
    temporary = folder.with_name(f".{folder.name}.{os.getpid()}.tmp")
    shutil.rmtree(temporary, ignore_errors=True)
    temporary.mkdir(parents=True)
    for head, estimator in model.heads.items():
        estimator.save(temporary / head)
    joblib.dump(model.layers, temporary / LAYERS_FILE, compress=3)
    (temporary / RULES_FILE).write_text(
        json.dumps(model.rules_data, ensure_ascii=False, indent=1), encoding="utf-8"
    )
    meta = {
        **model.meta,
        "format_version": FORMAT_VERSION,
        "backend": model.backend,
        "libraries": library_versions(model.backend),
        "temperatures": model.temperatures,
        "combiner_temperature": model.layers.combiner_temperature,
        "novelty_cutoff": model.layers.novelty_cutoff,
        "thresholds": model.thresholds,
        "classes": {h: [str(c) for c in e.classes_] for h, e in model.heads.items()},
    }
    (temporary / META_FILE).write_text(json.dumps(meta, ensure_ascii=False, indent=1), encoding="utf-8")
    replace_folder(folder, temporary)
    model.meta = meta
    return folder


def read_meta(folder: Path) -> dict[str, Any]:
    """meta.json of a bundle. Raises BadInput if `folder` holds no bundle."""
    path = folder / META_FILE
    if not path.is_file():
        raise BadInput(
            f"{folder} is not a model bundle (no {META_FILE}); give a folder written by `mailroom train`"
        )
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise IncompatibleModel(f"{path} is unreadable ({exc}); retrain or promote another model") from exc


def load_model(folder: Path, taxonomy: Taxonomy | None = None) -> Model:
    """Read a bundle. Raises BadInput if there is none, IncompatibleModel if this version
    of mailroom, its libraries or the taxonomy cannot use it."""
    meta = read_meta(folder)
    check_compatible(meta, folder, taxonomy)
    cls = backend_class(meta["backend"])
    try:
        heads = {head: cls.load(folder / head) for head in HEADS}
        layers = joblib.load(folder / LAYERS_FILE)
        rules_data = json.loads((folder / RULES_FILE).read_text(encoding="utf-8"))
        if not isinstance(layers, Layers):
            raise TypeError(f"{LAYERS_FILE} holds a {type(layers).__name__}")
    except Exception as exc:  # a damaged bundle must fail safe, with its name
        raise IncompatibleModel(
            f"cannot load the model in {folder}: {exc}; retrain or promote another model"
        ) from exc
    rules = parse_rules(rules_data, str(folder))
    return Model(
        meta["backend"], heads, meta["temperatures"], meta["thresholds"], rules, rules_data, layers, meta
    )


def check_compatible(meta: dict[str, Any], folder: Path, taxonomy: Taxonomy | None) -> None:
    """Raise IncompatibleModel unless this installation can use a bundle with `meta`."""
    if meta.get("format_version") != FORMAT_VERSION:
        raise IncompatibleModel(
            f"{folder} has bundle format {meta.get('format_version')}, this mailroom reads {FORMAT_VERSION}; retrain the model"
        )
    if taxonomy is not None and meta.get("taxonomy_digest") != taxonomy.digest:
        raise IncompatibleModel(f"{folder} was trained on another taxonomy; retrain it on the current labels")
    saved, current = meta.get("libraries", {}), library_versions(meta.get("backend", "linear"))
    for name, parts in PICKLE_SENSITIVE.get(meta.get("backend", ""), {}).items():
        version = current[name]
        if _prefix(saved.get(name, ""), parts) != _prefix(version, parts):
            raise IncompatibleModel(
                f"{folder} was saved with {name} {saved.get(name)}, this installation has {version}; retrain the model"
            )


def _prefix(version: str, parts: int) -> str:
    return ".".join(version.split(".")[:parts])


def write_meta(folder: Path, updates: dict[str, Any]) -> dict[str, Any]:
    """Add `updates` to a bundle's meta.json (whole or not at all); returns the new meta."""
    meta = {**read_meta(folder), **updates}
    write_atomically(folder / META_FILE, json.dumps(meta, ensure_ascii=False, indent=1))
    return meta
