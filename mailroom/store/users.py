"""Users of the review app and their login sessions (rows of `users` and `review_sessions`).
Hashing passwords and tokens is the caller's business (mailroom/review/auth.py)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import delete, select

from mailroom.store.db import Database
from mailroom.store.tables import ReviewSession, User


@dataclass(frozen=True)
class StoredUser:
    name: str
    role: str
    password_hash: str
    routes: frozenset[str] = frozenset()  # protected routes and categories the user is cleared for


def _record(user: User) -> StoredUser:
    return StoredUser(
        user.name, user.role, user.password_hash, frozenset(filter(None, user.routes.split(",")))
    )


def get_user(db: Database, name: str) -> StoredUser | None:
    with db.session() as session:
        user = session.scalar(select(User).where(User.name == name))
        return _record(user) if user else None


def all_users(db: Database) -> list[StoredUser]:
    """All users, by name."""
    with db.session() as session:
        return [_record(u) for u in session.scalars(select(User).order_by(User.name))]


def insert_user(
    db: Database, name: str, role: str, password_hash: str, routes: frozenset[str] = frozenset()
) -> bool:
    """Add a user; False if the name is taken."""
    with db.session() as session:
        if session.scalar(select(User).where(User.name == name)) is not None:
            return False
        session.add(User(name=name, role=role, password_hash=password_hash, routes=",".join(sorted(routes))))
    return True


def set_routes(db: Database, name: str, routes: frozenset[str]) -> bool:
    """Replace what a user is cleared for; False if there is no such user."""
    with db.session() as session:
        user = session.scalar(select(User).where(User.name == name))
        if user is None:
            return False
        user.routes = ",".join(sorted(routes))
    return True


def set_password_hash(db: Database, name: str, password_hash: str, end_sessions: bool = True) -> bool:
    """Replace a user's password hash and, if `end_sessions`, end the user's sessions;
    False if there is no such user."""
    with db.session() as session:
        user = session.scalar(select(User).where(User.name == name))
        if user is None:
            return False
        user.password_hash = password_hash
        if end_sessions:
            session.execute(delete(ReviewSession).where(ReviewSession.user_id == user.id))
    return True


def open_session(db: Database, name: str, digest: str, now: dt.datetime, expires: dt.datetime) -> None:
    """A session of user `name` under `digest` until `expires`; expired sessions of
    everybody are purged."""
    with db.session() as session:
        session.execute(delete(ReviewSession).where(ReviewSession.expires_at <= now))
        user_id = session.scalars(select(User.id).where(User.name == name)).one()
        session.add(ReviewSession(id=digest, user_id=user_id, created_at=now, expires_at=expires))


def session_user(db: Database, digest: str, now: dt.datetime) -> StoredUser | None:
    """The user of the session `digest`, if it has not ended or expired."""
    query = (
        select(User)
        .join(ReviewSession, ReviewSession.user_id == User.id)
        .where(ReviewSession.id == digest, ReviewSession.expires_at > now)
    )
    with db.session() as session:
        user = session.scalar(query)
        return _record(user) if user else None


def close_session(db: Database, digest: str) -> None:
    with db.session() as session:
        session.execute(delete(ReviewSession).where(ReviewSession.id == digest))
