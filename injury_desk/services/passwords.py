"""Checking a password against a user's stored hash: one rule for the login service and the quick start."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from injury_desk.domain.errors import DomainError
from injury_desk.login_hash import login_hasher
from injury_desk.services.actor import Actor
from injury_desk.store.quick_read import LoginRow


def make_hasher() -> PasswordHasher:
    return login_hasher()


def actor_of(row: LoginRow) -> Actor:
    """The acting user a login row stands for (whether the password was checked is the caller's business)."""
    return Actor(row.user_id, row.username, row.display_name, row.role, row.office_id, row.office_code,
                 row.office_name, row.office_region)


def check_login(hasher: PasswordHasher, row: LoginRow | None, password: str) -> Actor:
    """The actor when ``password`` is the password of ``row``'s active user; one message for an unknown or
    inactive user and a wrong password alike."""
    if row is None or not row.active:
        hasher.hash(password)  # same cost either way, so timing does not reveal usernames
        raise DomainError("auth.invalid_credentials")
    try:
        hasher.verify(row.password_hash, password)
    except (VerificationError, InvalidHashError):
        raise DomainError("auth.invalid_credentials") from None
    return actor_of(row)
