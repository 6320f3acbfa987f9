"""All services of one open database, built once by app.py or the CLI and passed down."""

from __future__ import annotations

from dataclasses import dataclass

from injury_desk.services.auth import AuthService
from injury_desk.services.claim_list import ClaimListService
from injury_desk.services.claims import ClaimService
from injury_desk.services.context import ServiceContext
from injury_desk.services.employers import EmployerService
from injury_desk.services.people import PeopleService
from injury_desk.services.prevention import PreventionService
from injury_desk.services.rehab import RehabService
from injury_desk.services.tasks import TaskService
from injury_desk.services.transfer import TransferService


@dataclass
class Services:
    ctx: ServiceContext
    auth: AuthService
    claims: ClaimService
    people: PeopleService
    employers: EmployerService
    prevention: PreventionService
    rehab: RehabService
    claim_list: ClaimListService
    tasks: TaskService
    transfer: TransferService

    @classmethod
    def build(cls, ctx: ServiceContext) -> "Services":
        claims = ClaimService(ctx)
        return cls(
            claim_list=ClaimListService(ctx),
            tasks=TaskService(ctx),
            transfer=TransferService(ctx, claims),
            ctx=ctx,
            auth=AuthService(ctx),
            claims=claims,
            people=PeopleService(ctx),
            employers=EmployerService(ctx),
            prevention=PreventionService(ctx),
            rehab=RehabService(ctx),
        )
