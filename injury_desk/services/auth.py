"""Logging in against local password hashes (so caseworkers log in offline) and managing users."""

from __future__ import annotations

from sqlalchemy import select

from injury_desk.domain.errors import FieldError, raise_if
from injury_desk.services.actor import ROLES, Actor
from injury_desk.services.context import ServiceContext
from injury_desk.services.passwords import check_login, make_hasher
from injury_desk.services.permissions import require
from injury_desk.store.models import Office, User
from injury_desk.store.quick_read import has_users, login_row

__all__ = ["AuthService", "actor_for", "make_hasher"]

MIN_PASSWORD_LENGTH = 8


def actor_for(user: User, office: Office) -> Actor:
    return Actor(
        user_id=user.id,
        username=user.username,
        display_name=user.display_name,
        role=user.role,
        office_id=office.id,
        office_code=office.code,
        office_name=office.name,
        office_region=office.region,
    )


class AuthService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx
        self.hasher = make_hasher()

    def login(self, username: str, password: str) -> Actor:
        """The actor for these credentials; one message for unknown user and wrong password alike."""
        with self.ctx.read() as s:  # the quick start's read, on this session's connection
            row = login_row(s.connection().connection.driver_connection, username.strip())
        return check_login(self.hasher, row, password)

    def has_users(self) -> bool:
        with self.ctx.read() as s:
            return has_users(s.connection().connection.driver_connection)

    def create_user(self, actor: Actor, *, username: str, display_name: str, role: str, password: str) -> str:
        require(actor, "user.manage")
        errors: list[FieldError] = []
        username = username.strip()
        if not username:
            errors.append(FieldError("username", "field.required"))
        if role not in ROLES:
            errors.append(FieldError("role", "user.role_unknown", {"role": role}))
        if len(password) < MIN_PASSWORD_LENGTH:
            errors.append(FieldError("password", "user.password_too_short", {"min": MIN_PASSWORD_LENGTH}))
        with self.ctx.write(actor, "user.create") as s:
            if username and s.scalar(select(User.id).where(User.username == username)):
                errors.append(FieldError("username", "user.username_taken", {"username": username}))
            raise_if(errors)
            user = User(
                office_id=actor.office_id,
                username=username,
                display_name=display_name.strip() or username,
                role=role,
                password_hash=self.hasher.hash(password),
                active=True,
            )
            s.add(user)
            s.flush()
            return user.id
