"""Probing an external program (Tesseract, poppler) before work starts: a program that is
missing or fails is an error of the installation, never of the mail."""

from __future__ import annotations

import subprocess

from mailroom.errors import MissingDependency

PROBE_TIMEOUT = 30


def probe(command: list[str], install_hint: str) -> str:
    """Run `command` (a version query) and return the first line it prints. Raises
    MissingDependency with `install_hint` if the program is missing, fails or hangs."""
    name = command[0]
    try:
        done = subprocess.run(
            command, capture_output=True, text=True, timeout=PROBE_TIMEOUT, stdin=subprocess.DEVNULL
        )
    except FileNotFoundError as exc:
        raise MissingDependency(
            f"{name} is not installed (not on PATH); install it with: {install_hint}"
        ) from exc
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise MissingDependency(f"{name} does not run ({exc}); reinstall it with: {install_hint}") from exc
    output = (done.stdout + done.stderr).strip().splitlines()
    if done.returncode != 0:
        said = f": {output[-1]}" if output else ""
        raise MissingDependency(
            f"{name} does not run (exit code {done.returncode}{said}); reinstall it with: {install_hint}"
        )
    return output[0] if output else ""
