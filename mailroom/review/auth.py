"""Users of the review app: argon2 password hashes, roles, a login throttle, CSRF tokens.

Library functions only; the web layer (app.py) and the `mailroom users` command call them.
"""

from __future__ import annotations

import logging
import secrets
import time
from collections import defaultdict, deque
from dataclasses import dataclass
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select

from mailroom.errors import BadInput
from mailroom.store.db import Database
from mailroom.store.tables import User

log = logging.getLogger(__name__)

ROLES = ("reviewer", "admin")
MIN_PASSWORD_LENGTH = 10
_hasher = PasswordHasher()
# Verified against when the user name is unknown, so both cases take the same time.
_DUMMY_HASH = _hasher.hash("not a password of anybody")


@dataclass(frozen=True)
class Account:
    """A logged-in user as the web layer sees it: no hash."""

    name: str
    role: str

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"


def add_user(db: Database, name: str, role: str, password: str) -> Account:
    """Create a user. Raises BadInput for a taken name, an unknown role or a short password."""
    _check_role(role)
    _check_password(password)
    with db.session() as session:
        if session.scalar(select(User).where(User.name == name)) is not None:
            raise BadInput(f"user {name!r} exists already; `mailroom users passwd {name}` changes the password")
        session.add(User(name=name, role=role, password_hash=_hasher.hash(password)))
    log.info("user %s added with role %s", name, role)
    return Account(name, role)


def set_password(db: Database, name: str, password: str) -> None:
    """Replace a user's password. Raises BadInput for an unknown user or a short password."""
    _check_password(password)
    with db.session() as session:
        user = session.scalar(select(User).where(User.name == name))
        if user is None:
            raise BadInput(f"there is no user {name!r}; `mailroom users add {name} --role reviewer` adds one")
        user.password_hash = _hasher.hash(password)


def list_users(db: Database) -> list[Account]:
    """All users, by name."""
    with db.session() as session:
        return [Account(u.name, u.role) for u in session.scalars(select(User).order_by(User.name))]


def find_account(db: Database, name: str) -> Account | None:
    """The user named `name`, or None if there is none (any more)."""
    with db.session() as session:
        user = session.scalar(select(User).where(User.name == name))
        return Account(user.name, user.role) if user else None


def authenticate(db: Database, name: str, password: str) -> Account | None:
    """The account if `password` is right for `name`, else None."""
    with db.session() as session:
        user = session.scalar(select(User).where(User.name == name))
        stored = user.password_hash if user else _DUMMY_HASH
        try:
            _hasher.verify(stored, password)
        except (VerificationError, InvalidHashError):
            return None
        if user is None:
            return None
        if _hasher.check_needs_rehash(stored):
            user.password_hash = _hasher.hash(password)
        return Account(user.name, user.role)


class LoginThrottle:
    """Counts failed logins per key (user name, client address) in a sliding window.

    In memory, per server process: `mailroom serve` runs one process.
    """

    def __init__(self, max_failures: int, window_seconds: float) -> None:
        self.max_failures = max_failures
        self.window_seconds = window_seconds
        self._failures: dict[str, deque[float]] = defaultdict(deque)

    def blocked(self, *keys: str) -> bool:
        """True if any key has had too many failures within the window."""
        return any(len(self._recent(key)) >= self.max_failures for key in keys)

    def fail(self, *keys: str) -> None:
        """Count one failed login for each key."""
        for key in keys:
            self._recent(key).append(time.monotonic())

    def succeed(self, name: str) -> None:
        """A right password clears the failures counted against the user name."""
        self._failures.pop(name, None)

    def _recent(self, key: str) -> deque[float]:
        times = self._failures[key]
        while times and times[0] < time.monotonic() - self.window_seconds:
            times.popleft()
        return times


def new_csrf_token() -> str:
    """A fresh random token for the session's forms."""
    return secrets.token_urlsafe(32)


def csrf_matches(expected: str | None, given: str | None) -> bool:
    """True if the form's token is the session's, compared in constant time."""
    return bool(expected) and bool(given) and secrets.compare_digest(str(expected), str(given))


def secret_key(path: Path) -> str:
    """The key that signs session cookies, made (mode 0600) on first use."""
    if not path.is_file():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.touch(mode=0o600)
        path.write_text(secrets.token_urlsafe(48), encoding="ascii")
    return path.read_text(encoding="ascii").strip()


def _check_role(role: str) -> None:
    if role not in ROLES:
        raise BadInput(f"role must be one of {', '.join(ROLES)}, not {role!r}")


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise BadInput(f"a password needs at least {MIN_PASSWORD_LENGTH} characters")
