"""All services of one open database, built once by app.py or the CLI and passed down."""

from __future__ import annotations

from dataclasses import dataclass

from injury_desk.services.auth import AuthService
from injury_desk.services.claims import ClaimService
from injury_desk.services.context import ServiceContext
from injury_desk.services.employers import EmployerService
from injury_desk.services.people import PeopleService


@dataclass
class Services:
    ctx: ServiceContext
    auth: AuthService
    claims: ClaimService
    people: PeopleService
    employers: EmployerService

    @classmethod
    def build(cls, ctx: ServiceContext) -> "Services":
        return cls(
            ctx=ctx,
            auth=AuthService(ctx),
            claims=ClaimService(ctx),
            people=PeopleService(ctx),
            employers=EmployerService(ctx),
        )
