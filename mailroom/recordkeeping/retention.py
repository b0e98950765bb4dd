"""Retention (Aufbewahrung) and deletion of expired items.

An item's Aufbewahrungsfrist is the longest of the periods configured for its document type
and its route (`retention.doc_types`, `retention.routes`, in days from receipt), else
`retention.default_days` (0: no period, the item is kept). Only dispatched items expire, and
never one with a Löschsperre (legal hold). A run deletes everything of an expired item: its
rows (pages, search row, prediction, deliveries, sample, audit rows; its source file's rows
when no other item of the file is left) and its files (page images and work folder,
searchable PDF, attachments, the original when no other file row keeps it, the OCR cache
entries of these files, its copies in feedback exports), and writes a deletion record without
personal data. Copies delivered to an office's e-file system belong to that office and its
own retention. Models whose training set held the item (MLflow runs whose data folders
list it) are named in the record, to be retrained.
"""

from __future__ import annotations

import csv
import datetime as dt
import logging
import shutil
import threading
from dataclasses import dataclass
from pathlib import Path

from mailroom.ingest.intake import sha256_file
from mailroom.settings import RetentionSettings, Settings
from mailroom.store.db import Database
from mailroom.store.retention import Kept, delete_item, dispatched_items

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Expiry:
    item: Kept
    expired_on: dt.date


@dataclass(frozen=True)
class RetentionReport:
    expired: list[Expiry]  # what went (or, in a dry run, would go)
    held: list[Kept]  # expired but on hold: kept
    deleted: int  # deletion records written (0 in a dry run)
    models: list[dict[str, str]]  # runs trained on what went: to be retrained


def period_days(policy: RetentionSettings, doc_type: str, route: str) -> int:
    """The item's Aufbewahrungsfrist in days; 0: kept."""
    periods = [policy.doc_types.get(doc_type, 0), policy.routes.get(route, 0)]
    return max(periods) if any(periods) else policy.default_days


def expired(policy: RetentionSettings, items: list[Kept], today: dt.date) -> list[Expiry]:
    """The items whose period has passed by `today`, oldest first (held ones included)."""
    found = []
    for item in items:
        days = period_days(policy, item.doc_type, item.route)
        if days and item.received_at.date() + dt.timedelta(days=days) <= today:
            found.append(Expiry(item, item.received_at.date() + dt.timedelta(days=days)))
    return sorted(found, key=lambda e: (e.expired_on, e.item.id))


def run_retention(
    settings: Settings, db: Database, dry_run: bool, today: dt.date | None = None
) -> RetentionReport:
    """Delete every expired item without a hold (or, `dry_run`, only say which would go)."""
    today = today or dt.datetime.now(dt.UTC).date()
    due = expired(settings.retention, dispatched_items(db), today)
    going, held = [e for e in due if not e.item.hold], [e.item for e in due if e.item.hold]
    if dry_run:
        return RetentionReport(going, held, 0, [])
    home = settings.home.resolve()
    exports = feedback_exports(settings) if going else []
    models: list[dict[str, str]] = []
    deleted = 0
    for expiry in going:
        trained = [run for run in exports if expiry.item.id in run["items"]]
        runs = [{"run_id": r["run_id"], "model": r["model"], "data": r["data"]} for r in trained]
        gone = delete_item(db, expiry.item.id, expiry.expired_on, settings.retention.legal_basis, runs)
        if gone is None:
            continue
        deleted += 1
        models += [r for r in runs if r not in models]
        _remove_files(home, gone.files, gone.folders)
        for folder in {Path(r["data"]) for r in trained}:
            remove_from_export(folder, expiry.item.id)
        log.info("retention: deleted item (deletion record %s)", gone.record_id)
    return RetentionReport(going, held, deleted, models)


def _remove_files(home: Path, files: list[str], folders: list[str]) -> None:
    """The item's files under MAILROOM_HOME, their OCR cache entries, its work folder."""
    for relative in files:
        path = (home / relative).resolve()
        if not path.is_relative_to(home) or not path.is_file():
            continue
        digest = sha256_file(path)  # the OCR cache of labelled sets names its texts by the file's hash
        for cached in (home / "cache" / "ocr").glob(f"{digest}-*.txt"):  # (a feedback export's PDF is a copy)
            cached.unlink(missing_ok=True)
        path.unlink(missing_ok=True)
    for relative in folders:
        folder = (home / relative).resolve()
        if folder.is_relative_to(home / "work") and folder != (home / "work").resolve() and folder.is_dir():
            shutil.rmtree(folder, ignore_errors=True)


def feedback_exports(settings: Settings) -> list[dict]:
    """Training runs in the MLflow store with the item ids of the feedback exports they were
    trained on (`mailroom feedback export` names each PDF `items/<item id>.pdf`): run id,
    registered model, data folder, item ids. Empty if there is no store yet."""
    if not settings.classify.tracking_uri and not settings.path("mlflow.db").is_file():
        return []
    import mlflow

    from mailroom.classify.tracking import tracking_uri

    mlflow.set_tracking_uri(tracking_uri(settings))
    found = []
    for run in mlflow.search_runs(search_all_experiments=True, output_format="list"):
        for data in filter(None, run.data.params.get("data", "").split(",")):
            items = exported_items(Path(data))
            if items:
                model = run.data.tags.get("mlflow.runName", "")
                found.append({"run_id": run.info.run_id, "model": model, "data": data, "items": items})
    return found


def exported_items(folder: Path) -> set[str]:
    """The ids of the items a feedback export in `folder` holds (empty if it is none)."""
    labels = folder / "labels.csv"
    if not labels.is_file():
        return set()
    with labels.open(encoding="utf-8", newline="") as handle:
        paths = [row.get("path", "") for row in csv.DictReader(handle)]
    return {Path(p).stem for p in paths if p.startswith("items/")}


def remove_from_export(folder: Path, item_id: str) -> None:
    """Take the item's PDF and its row out of a feedback export."""
    (folder / "items" / f"{item_id}.pdf").unlink(missing_ok=True)
    labels = folder / "labels.csv"
    with labels.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        fields, rows = reader.fieldnames or [], [r for r in reader if r.get("path") != f"items/{item_id}.pdf"]
    with labels.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)


def keep_retaining(settings: Settings, db: Database, stop: threading.Event) -> None:
    """The scheduled pass of `mailroom watch`: a retention run at the start and then every
    `retention.run_every_hours`, until `stop` is set. A failed run is logged and tried again
    at the next turn; nothing is deleted without its deletion record."""
    policy = settings.retention
    if not (policy.doc_types or policy.routes or policy.default_days):
        return  # no period configured: nothing ever expires
    while not stop.is_set():
        try:
            report = run_retention(settings, db, dry_run=False)
            if report.deleted:
                log.warning("retention: %d expired item(s) deleted", report.deleted)
        except Exception:  # the watch goes on; the next turn tries again
            log.exception("retention run failed")
        stop.wait(policy.run_every_hours * 3600)
