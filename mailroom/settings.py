"""Configuration, loaded once at the edge and passed down.

Sources, later ones winning: the defaults below, `configs/mailroom.yaml`, then
`MAILROOM_*` environment variables (`MAILROOM_HOME`, and `MAILROOM_<SECTION>__<KEY>` for
a key of a section, e.g. `MAILROOM_OCR__LANG=deu`). Unknown keys are an error. The
configuration folder is the package's own (`configs/` of the repository, shipped in the
wheel) unless MAILROOM_CONFIG_DIR names another; the taxonomy in it is read once per
Settings, on first use.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from mailroom.errors import BadConfig
from mailroom.files import read_yaml
from mailroom.taxonomy import Taxonomy, load_taxonomy


def packaged(*parts: str) -> Path:
    """A folder shipped with the package: in an installed wheel under mailroom/_data (see
    setup.py), in a source checkout or an editable install the repository's own."""
    shipped = resources.files("mailroom").joinpath("_data", *parts)
    if shipped.is_dir():
        return Path(str(shipped))
    return Path(__file__).resolve().parent.parent.joinpath(*parts)


PACKAGE_CONFIG_DIR = packaged("configs")
DEFAULT_MODEL_DIR = packaged("models", "default")  # the committed model, used until one is promoted


class Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class OcrSettings(Section):
    lang: str = "deu"
    psm: int = 3
    timeout_seconds: float = 120.0
    min_confidence: float = 50.0  # mean word confidence (0-100) below which a page is flagged low_confidence and an item's text is not trusted: review
    min_orientation_confidence: float = (
        0.3  # a page with text turned upright with less certainty (0-1) sends its item to review
    )


class IngestSettings(Section):
    inbox: Path | None = None  # default: MAILROOM_HOME/inbox
    stable_seconds: float = 2.0  # a file is taken once its size and time stop changing this long
    poll_seconds: float = 5.0  # polling interval of `watch` where inotify is not available
    dpi: int = 300  # rasterisation of PDFs
    max_file_mb: float = 500.0
    max_pages: int = 300
    max_pixels_per_page: int = 60_000_000  # A4 at 600 dpi is 35 MP; more is an error or a bomb
    workers: int = 0  # OCR processes; 0: one per CPU core


class SynthSettings(Section):
    workers: int = 0  # 0: one per CPU core


class ClassifySettings(Section):
    model: str = ""  # model reference; "": the promoted model, else the committed models/default
    target_precision: float = 0.98  # precision of auto-routed items that thresholds are chosen for
    tracking_uri: str = ""  # MLflow tracking store; "": SQLite under MAILROOM_HOME
    registered_model: str = "mailroom-classifier"
    ocr_workers: int = 2  # processes that OCR labelled sets for training and evaluation
    frozen_eval: Path | None = (
        None  # the city's own reviewed mail (a labelled set): a model less precise on it than the one in use is not promoted
    )


class DispatchSettings(Section):
    max_attempts: int = 8  # then the item goes to the dead-letter list
    backoff_base_seconds: float = 30.0  # wait after the first failure; doubled after each next one
    backoff_cap_seconds: float = 3600.0
    timeout_seconds: float = 30.0  # per network operation of a connector
    deadline_seconds: float = 120.0  # a whole web hook request, connect to last byte; keep it below 10 timeouts (the lease of a claimed delivery)
    poll_seconds: float = 10.0  # pause between passes of the dispatch loop
    smtp_host: str = "localhost"
    smtp_port: int = 25
    smtp_starttls: bool = False
    smtp_user: str = ""
    smtp_password: str = ""  # give it as MAILROOM_DISPATCH__SMTP_PASSWORD, not in a file
    sender: str = "mailroom@localhost"


class ReviewSettings(Section):
    secret_key_file: Path = Path("review/secret.key")  # makes the CSRF tokens; relative: under MAILROOM_HOME
    session_max_age_seconds: int = (
        8 * 3600
    )  # a login lasts one working day (or until logout or a new password)
    login_max_failures: int = 5  # wrong passwords per user name or client address ...
    login_window_seconds: float = 300.0  # ... within this window; then logins are refused until it passes
    metrics_token: str = ""  # lets a scraper read /metrics as "Authorization: Bearer <token>"; give it by env
    trusted_proxies: str = ""  # addresses of TLS proxies (comma-separated, "*": any) whose X-Forwarded-Proto/-For are believed: the cookie gets Secure
    language: Literal["de", "en"] = "de"  # of every page and message of the review app
    # Routes whose mail only users cleared for them see (`mailroom users routes`), with the
    # legal ground shown to them; see mailroom/review/access.py.
    protected_routes: dict[str, str] = {
        "sozialamt": "§ 35 SGB I (Sozialgeheimnis)",
        "jugendamt": "§ 35 SGB I (Sozialgeheimnis), § 65 SGB VIII",
        "steueramt": "§ 30 AO (Steuergeheimnis)",
        "personalamt": "Personalakten und Bewerbungen (§ 50 BeamtStG, § 26 BDSG)",
    }


class ProtectionHigh(Section):
    """What has a high protection need (BSI TR-03138 RESISCAN): its archival copy is sealed."""

    routes: tuple[str, ...] = ()
    doc_types: tuple[str, ...] = ()

    def covers(self, route: str | None, doc_type: str | None) -> bool:
        return route in self.routes or doc_type in self.doc_types


class SealSettings(Section):
    """The electronic seal (PAdES) of archival copies with a high protection need."""

    key: Path | None = None  # PEM private key; relative: under MAILROOM_HOME
    cert: Path | None = None  # PEM certificate that goes with the key
    chain: tuple[Path, ...] = ()  # PEM certificates of the issuing CAs, embedded with the seal
    key_password: str = ""  # give it as MAILROOM_ARCHIVE__SEAL__KEY_PASSWORD, not in a file
    field_name: str = "Siegel"  # the signature field's name in the PDF


class ArchiveSettings(Section):
    """The archival copy (PDF/A-2b) made at dispatch, its transfer note and seal."""

    pdfa: bool = True  # make a PDF/A-2b archival copy of every item before it is delivered
    icc_profile: Path = Path(
        "/usr/share/color/icc/sRGB.icc"
    )  # the sRGB OutputIntent (Debian: icc-profiles-free)
    operator: str = ""  # who scans, for the transfer note (Transfervermerk)
    scan_station: str = ""  # which scan station
    scan_profile: str = ""  # the scanner's profile, e.g. "Farbe 300 dpi duplex"
    protection_high: ProtectionHigh = ProtectionHigh()
    seal: SealSettings = SealSettings()

    @model_validator(mode="after")
    def _seal_for_high(self) -> ArchiveSettings:
        high = self.protection_high.routes or self.protection_high.doc_types
        if high and not (self.pdfa and self.seal.key and self.seal.cert):
            raise ValueError(
                "protection_high needs archival copies (pdfa: true) and a seal: set seal.key and seal.cert"
            )
        return self


class OutgoingSettings(Section):
    """Outgoing mail (configs/outgoing.yaml holds channels, notice rules and postage)."""

    outbox: Path | None = None  # default: MAILROOM_HOME/outbox, one folder per office (route id)
    tokens: dict[
        str, str
    ] = {}  # office → bearer token of its HTTP endpoint; give as MAILROOM_OUTGOING__TOKENS__<OFFICE>
    stable_seconds: float = 2.0  # an outbox file is taken once it has not changed this long


class WorkerSettings(Section):
    """The Celery mode (`broker_url` set): stages run as tasks on `mailroom worker`s."""

    queue: str = "mailroom"  # the broker queue all workers of one installation share
    concurrency: int = 0  # processes per `mailroom worker`; 0: one per CPU core
    visibility_timeout_seconds: float = 3600.0  # a task whose worker vanished is redelivered after this
    max_starts: int = 3  # a stage started this often without finishing marks its item failed


class QaSettings(Section):
    """The quality sample (Stichprobe) of automatically approved items, checked after dispatch."""

    # of the automated items of a route, unless per_route says otherwise:
    share: Annotated[float, Field(ge=0, le=1)] = 0.02
    per_route: dict[str, Annotated[float, Field(ge=0, le=1)]] = {}  # route → share
    target_precision: Annotated[float, Field(ge=0, le=1)] = (
        0.98  # measured below it: alert on /admin, /metrics
    )
    seed: int = 0  # the draw is a function of seed and item id: reproducible, not guessable without the seed


class RetentionSettings(Section):
    """Aufbewahrungsfristen in days from receipt; an item's period is the longest of its
    document type's and its route's, else `default_days` (0: kept until a period is set).
    Only dispatched items without a Löschsperre expire."""

    doc_types: dict[str, Annotated[int, Field(ge=1)]] = {}
    routes: dict[str, Annotated[int, Field(ge=1)]] = {}
    default_days: Annotated[int, Field(ge=0)] = 0
    legal_basis: str = (
        "Art. 5 Abs. 1 lit. e und Art. 17 Abs. 1 lit. a DSGVO; Aufbewahrungsfrist nach Aktenplan"
    )
    run_every_hours: float = 24.0  # the pass `mailroom watch` makes


class Settings(Section):
    home: Path = Path("./var")
    config_dir: Path = PACKAGE_CONFIG_DIR
    database_url: str = ""  # default: SQLite file MAILROOM_HOME/mailroom.db
    broker_url: str = ""  # Redis or RabbitMQ; set: the pipeline runs on Celery workers, else in-process
    ocr: OcrSettings = OcrSettings()
    ingest: IngestSettings = IngestSettings()
    synth: SynthSettings = SynthSettings()
    dispatch: DispatchSettings = DispatchSettings()
    classify: ClassifySettings = ClassifySettings()
    review: ReviewSettings = ReviewSettings()
    worker: WorkerSettings = WorkerSettings()
    archive: ArchiveSettings = ArchiveSettings()
    outgoing: OutgoingSettings = OutgoingSettings()
    qa: QaSettings = QaSettings()
    retention: RetentionSettings = RetentionSettings()

    def path(self, *parts: str) -> Path:
        """A path under MAILROOM_HOME."""
        return self.home.joinpath(*parts)

    @property
    def inbox(self) -> Path:
        return self.ingest.inbox or self.path("inbox")

    @property
    def outbox(self) -> Path:
        return self.outgoing.outbox or self.path("outbox")

    @property
    def database(self) -> str:
        return self.database_url or f"sqlite:///{self.path('mailroom.db').resolve()}"

    def config_file(self, name: str) -> Path:
        """A file of the configuration folder, which must exist."""
        path = self.config_dir / name
        if not path.is_file():
            raise BadConfig(f"configuration file {path} is missing; restore it from the repository")
        return path

    @cached_property
    def taxonomy(self) -> Taxonomy:
        """The labels of configs/taxonomy.yaml, read on first use. Raises BadConfig."""
        return load_taxonomy(self.config_file("taxonomy.yaml"))

    def model_copy(self, *, update: Mapping[str, Any] | None = None, deep: bool = False) -> Settings:
        copy = super().model_copy(update=update, deep=deep)
        copy.__dict__.pop("taxonomy", None)  # read again: the copy may have another config_dir
        return copy


def load_settings(env: Mapping[str, str] | None = None) -> Settings:
    """Read configs/mailroom.yaml (if present) and MAILROOM_* variables into Settings.

    Raises BadConfig naming the offending key or file.
    """
    env = os.environ if env is None else env
    config_dir = Path(env.get("MAILROOM_CONFIG_DIR", PACKAGE_CONFIG_DIR))
    values: dict[str, Any] = {"config_dir": config_dir}
    config_file = config_dir / "mailroom.yaml"
    if config_file.is_file():
        values.update(_read_yaml_mapping(config_file))
    for key, value in env.items():
        if key.startswith("MAILROOM_") and key != "MAILROOM_CONFIG_DIR":
            _set_from_env(values, key, value)
    try:
        return Settings.model_validate(values)
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(str(p) for p in err['loc'])}: {err['msg']}" for err in exc.errors())
        raise BadConfig(f"invalid configuration ({config_file} / MAILROOM_*): {problems}") from exc


def _read_yaml_mapping(path: Path) -> dict[str, Any]:
    data = read_yaml(path) or {}
    if not isinstance(data, dict):
        raise BadConfig(f"{path} must hold a mapping of settings, not {type(data).__name__}")
    return data


def _set_from_env(values: dict[str, Any], key: str, value: str) -> None:
    names = key.removeprefix("MAILROOM_").lower().split("__")
    target = values
    for name in names[:-1]:
        target = target.setdefault(name, {})
        if not isinstance(target, dict):
            raise BadConfig(f"{key}: '{name}' is not a section of the settings")
    target[names[-1]] = value
