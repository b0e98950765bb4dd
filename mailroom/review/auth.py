"""Users of the review app: argon2 password hashes, roles, server-side sessions, a login
throttle, CSRF tokens.

Library functions only; the web layer (app.py) and the `mailroom users` command call them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import logging
import secrets
import threading
import time
from collections import OrderedDict, deque
from dataclasses import dataclass
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from mailroom.errors import BadInput
from mailroom.store import users
from mailroom.store.db import Database

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
    routes: frozenset[str] = (
        frozenset()
    )  # protected routes and categories cleared for (mailroom/review/access.py)

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"


def add_user(
    db: Database, name: str, role: str, password: str, routes: frozenset[str] = frozenset()
) -> Account:
    """Create a user, cleared for `routes` (checked by the caller, see access.check_routes).
    Raises BadInput for a taken name, an unknown role or a short password."""
    _check_role(role)
    _check_password(password)
    if not users.insert_user(db, name, role, _hasher.hash(password), routes):
        raise BadInput(f"user {name!r} exists already; `mailroom users passwd {name}` changes the password")
    log.info(
        "user %s added with role %s, cleared for %s",
        name,
        role,
        ",".join(sorted(routes)) or "nothing protected",
    )
    return Account(name, role, routes)


def set_routes(db: Database, name: str, routes: frozenset[str]) -> None:
    """Replace the protected routes and categories a user is cleared for (checked by the
    caller); counts from the user's next request on. Raises BadInput for an unknown user."""
    if not users.set_routes(db, name, routes):
        raise BadInput(f"there is no user {name!r}; `mailroom users add {name} --role reviewer` adds one")
    log.info("user %s cleared for %s", name, ",".join(sorted(routes)) or "nothing protected")


def set_password(db: Database, name: str, password: str) -> None:
    """Replace a user's password and end the user's sessions. Raises BadInput for an unknown
    user or a short password."""
    _check_password(password)
    if not users.set_password_hash(db, name, _hasher.hash(password)):
        raise BadInput(f"there is no user {name!r}; `mailroom users add {name} --role reviewer` adds one")
    log.info("password of %s changed, its sessions ended", name)


def list_users(db: Database) -> list[Account]:
    """All users, by name."""
    return [_account(u) for u in users.all_users(db)]


def authenticate(db: Database, name: str, password: str) -> Account | None:
    """The account if `password` is right for `name`, else None."""
    user = users.get_user(db, name)
    stored = user.password_hash if user else _DUMMY_HASH
    try:
        _hasher.verify(stored, password)
    except (VerificationError, InvalidHashError):
        return None
    if user is None:
        return None
    if _hasher.check_needs_rehash(stored):
        users.set_password_hash(db, name, _hasher.hash(password), end_sessions=False)
    return _account(user)


def new_session_token() -> str:
    """A random token for a session cookie."""
    return secrets.token_urlsafe(32)


def start_session(db: Database, name: str, max_age_seconds: int) -> str:
    """Log user `name` in for `max_age_seconds`; returns the new token for the cookie. Purges
    expired sessions of everybody."""
    token = new_session_token()
    now = dt.datetime.now(dt.UTC)
    users.open_session(db, name, _digest(token), now, now + dt.timedelta(seconds=max_age_seconds))
    return token


def session_account(db: Database, token: str) -> Account | None:
    """The user logged in with `token`, or None if the session ended, expired or never was."""
    user = users.session_user(db, _digest(token), dt.datetime.now(dt.UTC))
    return _account(user) if user else None


def end_session(db: Database, token: str) -> None:
    """Log out: the session of `token` ends for every copy of its cookie."""
    users.close_session(db, _digest(token))


def _account(user: users.StoredUser) -> Account:
    return Account(user.name, user.role, user.routes)


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class LoginThrottle:
    """Counts login attempts per key (user name, client address) in a sliding window and
    refuses an attempt, before its password is checked, once a key has had `max_failures`.

    In memory, per server process (`mailroom serve` runs one). A lock makes the check and
    the count one step, so attempts sent at once are counted one by one. At most `max_keys`
    keys are kept; the least recently used are forgotten first.
    """

    def __init__(self, max_failures: int, window_seconds: float, max_keys: int = 10_000) -> None:
        self.max_failures = max_failures
        self.window_seconds = window_seconds
        self.max_keys = max_keys
        self._attempts: OrderedDict[str, deque[float]] = OrderedDict()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._attempts)

    def admit(self, *keys: str) -> bool:
        """Count an attempt against each key and return True; or, if any key has used up its
        attempts within the window, count nothing and return False."""
        with self._lock:
            now = time.monotonic()
            recent = [self._recent(key, now) for key in keys]
            admitted = all(len(times) < self.max_failures for times in recent)
            if admitted:
                for times in recent:
                    times.append(now)
            while len(self._attempts) > self.max_keys:
                self._attempts.popitem(last=False)
            return admitted

    def succeed(self, name_key: str, address_key: str) -> None:
        """A right password: the failures counted against the user name are cleared, and this
        attempt does not count against the address."""
        with self._lock:
            self._attempts.pop(name_key, None)
            if self._attempts.get(address_key):
                self._attempts[address_key].pop()

    def _recent(self, key: str, now: float) -> deque[float]:
        times = self._attempts.setdefault(key, deque())
        self._attempts.move_to_end(key)
        while times and times[0] <= now - self.window_seconds:
            times.popleft()
        return times


def csrf_token_for(key: str, session_token: str) -> str:
    """The CSRF token of the forms of a session: bound to its cookie's token by an HMAC, so
    it needs no storage and cannot be made without the app's secret key."""
    return hmac.new(key.encode(), b"csrf:" + session_token.encode(), hashlib.sha256).hexdigest()


def csrf_matches(expected: str | None, given: str | None) -> bool:
    """True if the form's token is the session's, compared in constant time."""
    return bool(expected) and bool(given) and secrets.compare_digest(str(expected), str(given))


def secret_key(path: Path) -> str:
    """The key that CSRF tokens are made with, made (mode 0600) on first use."""
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
