"""MLflow: log a training run, register its model, list and promote registered versions.

The tracking store is SQLite under MAILROOM_HOME (artifacts in MAILROOM_HOME/mlruns)
unless `classify.tracking_uri` names a tracking server.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mailroom import __version__
from mailroom.classify.bundle import META_FILE, load_model, read_meta, write_meta
from mailroom.classify.gate import Comparison
from mailroom.errors import BadInput, MailroomError
from mailroom.files import replace_folder
from mailroom.settings import DEFAULT_MODEL_DIR, Settings
from mailroom.taxonomy import Taxonomy

log = logging.getLogger(__name__)

CHAMPION = "champion"  # the registry alias of the promoted version
PROMOTED_DIR = ("models", "promoted")


def tracking_uri(settings: Settings) -> str:
    return settings.classify.tracking_uri or f"sqlite:///{settings.home.resolve() / 'mlflow.db'}"


def _mlflow(settings: Settings):
    os.environ.setdefault("MLFLOW_ENABLE_ARTIFACTS_PROGRESS_BAR", "false")
    import mlflow

    if not logging.getLogger().isEnabledFor(
        logging.DEBUG
    ):  # unless --verbose: mlflow sets itself to INFO on import,
        for name in ("alembic", "mlflow"):  # and their INFO lines would bury the command's own output
            logging.getLogger(name).setLevel(logging.WARNING)
    mlflow.set_tracking_uri(tracking_uri(settings))
    mlflow.set_registry_uri(tracking_uri(settings))
    return mlflow


def _experiment(mlflow, settings: Settings, name: str) -> str:
    found = mlflow.get_experiment_by_name(name)
    if found is not None:
        return found.experiment_id
    location = (
        None if settings.classify.tracking_uri else (settings.home.resolve() / "mlruns" / name).as_uri()
    )
    return mlflow.create_experiment(name, artifact_location=location)


@dataclass(frozen=True)
class LoggedRun:
    run_id: str
    registered: str  # "name/version"


def log_training(
    settings: Settings,
    experiment: str,
    bundle: Path,
    params: dict[str, Any],
    metrics: dict[str, float],
    artifacts: list[Path],
) -> LoggedRun:
    """Log one training run (params, metrics, PNGs, thresholds, the model as an MLflow
    pyfunc model) and register the model. Writes the run id and registry version into
    the bundle's meta.json."""
    mlflow = _mlflow(settings)
    name = settings.classify.registered_model
    experiment_id = _experiment(mlflow, settings, experiment)
    with mlflow.start_run(experiment_id=experiment_id) as run:
        write_meta(bundle, {"mlflow_run_id": run.info.run_id})
        mlflow.log_params({k: str(v)[:500] for k, v in params.items()})
        mlflow.log_metrics({k: float(v) for k, v in metrics.items()})
        meta = read_meta(bundle)
        mlflow.log_dict(
            {"thresholds": meta["thresholds"], "temperatures": meta["temperatures"]}, "thresholds.json"
        )
        for path in artifacts:
            mlflow.log_artifact(str(path), artifact_path="plots")
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # type-hint advice: the input is a frame of texts
            info = _log_model(mlflow, bundle, name)
    registered = f"{name}/{info.registered_model_version}"
    write_meta(bundle, {"registry_version": registered})
    return LoggedRun(run.info.run_id, registered)


def _log_model(mlflow, bundle: Path, name: str):
    from mailroom.classify.mlflow_model import BundleModel

    logging.getLogger("mlflow.pyfunc").setLevel(logging.ERROR)  # the cloudpickle notice: the class is ours
    return mlflow.pyfunc.log_model(
        name="model", python_model=BundleModel(), artifacts={"bundle": str(bundle)},
        pip_requirements=[f"mailroom=={__version__}"], registered_model_name=name,
    )  # fmt: skip


def list_versions(settings: Settings) -> list[dict[str, Any]]:
    """Registered versions of the model, newest first, with their key metrics and aliases."""
    mlflow = _mlflow(settings)
    client = mlflow.MlflowClient()
    name = settings.classify.registered_model
    try:
        versions = client.search_model_versions(f"name='{name}'")
    except Exception as exc:
        raise MailroomError(f"cannot read the model registry at {tracking_uri(settings)}: {exc}") from exc
    rows = []
    for version in sorted(versions, key=lambda v: int(v.version), reverse=True):
        metrics = client.get_run(version.run_id).data.metrics if version.run_id else {}
        rows.append({"version": int(version.version), "run_id": version.run_id, "aliases": list(client.get_model_version(name, version.version).aliases),
                     "created": version.creation_timestamp, "metrics": metrics})  # fmt: skip
    return rows


def resolve_model(ref: str, settings: Settings) -> Path:
    """The bundle folder a model reference names.

    "" → `classify.model`, else the promoted model, else the committed models/default;
    a folder path; "models:/NAME/VERSION", "NAME/VERSION" or "VERSION" of the registry
    (downloaded once under MAILROOM_HOME/models/registry). Raises BadInput if nothing
    answers to `ref`.
    """
    ref = ref or settings.classify.model
    if not ref:
        promoted = settings.path(*PROMOTED_DIR)
        return promoted if (promoted / META_FILE).is_file() else DEFAULT_MODEL_DIR
    if Path(ref).is_dir():
        return Path(ref)
    name, version = _registry_ref(ref, settings)
    if version is None:
        raise BadInput(
            f"model reference '{ref}' does not exist: give a model folder, a registered version "
            f"(see `mailroom models list`) or models:/NAME/VERSION"
        )
    return _download(settings, name, version)


def _registry_ref(ref: str, settings: Settings) -> tuple[str, str | None]:
    body = ref.removeprefix("models:/")
    name, _, version = body.rpartition("/")
    name = name or settings.classify.registered_model
    return (name, version) if version.isdigit() else (name, None)


def _download(settings: Settings, name: str, version: str) -> Path:
    target = settings.path("models", "registry", f"{name}-v{version}")
    if (target / META_FILE).is_file():
        return target
    mlflow = _mlflow(settings)
    try:
        mlflow.MlflowClient().get_model_version(name, version)
    except Exception as exc:
        raise BadInput(
            f"model version {name}/{version} does not exist in the registry; see `mailroom models list`"
        ) from exc
    with tempfile.TemporaryDirectory(prefix="mailroom-model-") as folder:
        local = Path(
            mlflow.artifacts.download_artifacts(artifact_uri=f"models:/{name}/{version}", dst_path=folder)
        )
        found = next((p.parent for p in local.rglob(META_FILE)), None)
        if found is None:
            raise BadInput(
                f"registered model {name}/{version} holds no mailroom bundle; register models with `mailroom train`"
            )
        _copy_atomically(found, target)
    write_meta(target, {"registry_version": f"{name}/{version}"})
    return target


def promote(ref: str, settings: Settings, taxonomy: Taxonomy) -> Path:
    """Make the model `ref` the one classify and the pipeline use: check that it loads,
    copy it to MAILROOM_HOME/models/promoted and, for a registered version, move the
    registry alias 'champion' to it. Returns the promoted folder."""
    if not ref:
        raise BadInput(
            "say which model to promote: a registered version (see `mailroom models list`) or a folder"
        )
    source = resolve_model(ref, settings)
    load_model(source, taxonomy)  # refuse a model that cannot be used before switching
    target = settings.path(*PROMOTED_DIR)
    _copy_atomically(source, target)
    registered = read_meta(target).get("registry_version")
    if registered:
        name, _, version = str(registered).rpartition("/")
        _mlflow(settings).MlflowClient().set_registered_model_alias(name, CHAMPION, version)
    return target


def log_promotion(
    settings: Settings, comparison: Comparison, frozen_set: Path, promoted: bool, forced: bool
) -> str:
    """Record a promotion gate's comparison as a run of the experiment 'mailroom-promotions'; returns the run id."""
    mlflow = _mlflow(settings)
    with mlflow.start_run(experiment_id=_experiment(mlflow, settings, "mailroom-promotions")) as run:
        mlflow.log_params({"current": comparison.current["version"], "challenger": comparison.challenger["version"],
                           "frozen_set": str(frozen_set), "items": comparison.items, "passes": comparison.passes,
                           "promoted": promoted, "forced": forced})  # fmt: skip
        mlflow.log_metrics(comparison.metrics())
    return run.info.run_id


def _copy_atomically(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    shutil.rmtree(temporary, ignore_errors=True)
    shutil.copytree(source, temporary)
    replace_folder(target, temporary)
