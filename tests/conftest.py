"""Shared fixtures: the project's taxonomy and small labelled sets built on the fly."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import create_engine, text

from mailroom.settings import PACKAGE_CONFIG_DIR
from mailroom.taxonomy import Taxonomy, load_taxonomy

os.environ.setdefault("OMP_THREAD_LIMIT", "1")  # Tesseract in this process: one thread, as `mailroom` sets it


@pytest.fixture(scope="session")
def taxonomy() -> Taxonomy:
    return load_taxonomy(PACKAGE_CONFIG_DIR / "taxonomy.yaml")


def write_image(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("L", (40, 56), 255).save(path)
    return path


def write_labels(folder: Path, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "labels.csv"
    path.write_text(text, encoding="utf-8")
    return path


POSTGRES_URL = os.environ.get("MAILROOM_TEST_POSTGRES", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


REDIS_URL = os.environ.get("MAILROOM_TEST_REDIS", "redis://127.0.0.1:6379/0")
RABBITMQ_URL = os.environ.get("MAILROOM_TEST_RABBITMQ", "amqp://guest:guest@127.0.0.1:5672//")


def run_ingest(
    home: Path,
    database_url: str,
    env: dict[str, str] | None = None,
    prefix: tuple[str, ...] = (),
    timeout: float = 300,
) -> subprocess.CompletedProcess[str]:
    """`mailroom ingest --once` as its own process group, one OCR worker; a run that has not
    ended after `timeout` seconds is killed with its children and fails the test."""
    command = [*prefix, sys.executable, "-m", "mailroom.cli", "ingest", "--once"]
    full_env = {
        **os.environ, "MAILROOM_HOME": str(home), "MAILROOM_DATABASE_URL": database_url,
        "MAILROOM_INGEST__STABLE_SECONDS": "0", "MAILROOM_INGEST__WORKERS": "1", **(env or {}),
    }  # fmt: skip
    process = subprocess.Popen(
        command,
        env=full_env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        out, err = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        out, err = process.communicate()
        pytest.fail(f"ingest --once had not ended after {timeout:.0f} s:\n{err[-3000:]}")
    return subprocess.CompletedProcess(command, process.returncode, out, err)


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty database: a SQLite file, or a schema of its own in PostgreSQL."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'mailroom.db'}"
        return
    with postgres_schema() as url:
        yield url


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """A fresh, empty schema of its own in the real PostgreSQL."""
    with postgres_schema() as url:
        yield url


@contextmanager
def postgres_schema() -> Iterator[str]:
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(POSTGRES_URL)
    with admin.begin() as connection:
        connection.execute(text(f"CREATE SCHEMA {schema}"))
    try:
        yield f"{POSTGRES_URL}?options=-csearch_path%3D{schema}"
    finally:
        with admin.begin() as connection:
            connection.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()


@pytest.fixture
def broker_queue() -> Iterator[str]:
    """A queue name of its own on the real Redis; its keys are removed afterwards."""
    import redis

    queue = f"test-{uuid.uuid4().hex[:10]}"
    client = redis.Redis.from_url(REDIS_URL)
    client.ping()  # fails the test with the reason if Redis is down
    try:
        yield queue
    finally:
        client.delete(queue)
        client.close()


class SmtpHandler:
    """A local SMTP receiver (aiosmtpd handler) that keeps every message it takes."""

    def __init__(self) -> None:
        self.messages: list[tuple[list[str], bytes]] = []

    async def handle_DATA(self, server, session, envelope) -> str:
        self.messages.append((list(envelope.rcpt_tos), envelope.original_content))
        return "250 OK"


@pytest.fixture
def smtp() -> Iterator[tuple[SmtpHandler, int]]:
    """A real SMTP server on a free local port: (its handler, the port)."""
    from aiosmtpd.controller import Controller

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    handler = SmtpHandler()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    yield handler, port
    controller.stop()
