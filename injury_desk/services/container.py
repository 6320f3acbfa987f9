"""All services of one open database, built once by app.py or the CLI and passed down."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from injury_desk.services.assessments import AssessmentService
from injury_desk.services.attachments import AttachmentService
from injury_desk.services.auth import AuthService
from injury_desk.services.claim_list import ClaimListService
from injury_desk.services.claims import ClaimService
from injury_desk.services.context import ServiceContext
from injury_desk.services.employer_headcounts import HeadcountService
from injury_desk.services.employers import EmployerService
from injury_desk.services.incidents import IncidentService
from injury_desk.services.inspections import InspectionService
from injury_desk.services.outbox_view import OutboxViewService
from injury_desk.services.people import PeopleService
from injury_desk.services.prevention_spending import PreventionSpendingService
from injury_desk.services.dependants import DependantsService
from injury_desk.services.claim_costs import ClaimCostService
from injury_desk.services.monthly_run import MonthlyRunService
from injury_desk.services.recurrences import RecurrenceService
from injury_desk.services.fund_advances import FundAdvanceService
from injury_desk.services.missing_workers import MissingWorkerService
from injury_desk.services.schedule_adjustments import ScheduleAdjustmentService
from injury_desk.services.reappraisal import ReappraisalService
from injury_desk.services.prevention_stats import PreventionStatsService
from injury_desk.services.rehab import RehabService
from injury_desk.services.rehab_stats import RehabStatsService
from injury_desk.services.tasks import TaskService
from injury_desk.services.training import TrainingService
from injury_desk.services.claim_clocks import ClaimClockService
from injury_desk.services.case_file import CaseFileService
from injury_desk.services.decision_documents import DecisionDocumentService
from injury_desk.services.transfer import TransferService

if TYPE_CHECKING:
    from injury_desk.services.database_key import DatabaseKeyService
    from injury_desk.services.print_records import PrintService
    from injury_desk.services.sync import SyncService


@dataclass
class Services:
    ctx: ServiceContext
    auth: AuthService
    claims: ClaimService
    people: PeopleService
    employers: EmployerService
    inspections: InspectionService
    training: TrainingService
    incidents: IncidentService
    rehab: RehabService
    rehab_stats: RehabStatsService
    claim_list: ClaimListService
    tasks: TaskService
    clocks: ClaimClockService
    case_file: CaseFileService
    decisions: DecisionDocumentService
    transfer: TransferService
    outbox: OutboxViewService
    assessments: AssessmentService
    attachments: AttachmentService
    prevention_stats: PreventionStatsService
    headcounts: HeadcountService
    prevention_spending: PreventionSpendingService
    dependants: DependantsService
    costs: ClaimCostService
    reappraisals: ReappraisalService
    monthly_run: MonthlyRunService
    recurrences: RecurrenceService
    advances: FundAdvanceService
    missing: MissingWorkerService
    schedule_adjustments: ScheduleAdjustmentService

    @cached_property
    def printing(self) -> "PrintService":
        """Built on first use: the PDF renderer's libraries take a second to load, start-up need not wait."""
        from injury_desk.services.print_records import PrintService

        return PrintService(self.ctx)

    @cached_property
    def database_key(self) -> "DatabaseKeyService":
        from injury_desk.services.database_key import DatabaseKeyService

        return DatabaseKeyService(self.ctx)

    @cached_property
    def sync(self) -> "SyncService":
        """Built on first use: the HTTP and keyring libraries are not needed to show the first window."""
        from injury_desk.services.sync import SyncService

        return SyncService(self.ctx)

    @classmethod
    def open(cls, data_dir, progress: Callable[[str, int, int, str], None] | None = None) -> "Services":
        """Open (encrypting an old plain database, migrating after a backup) the local database in ``data_dir``
        and build the services. ``progress(step, done, total, file)`` watches the encryption (steps
        ``encrypt``, ``check``, ``backup``: store/encrypt_plain.py)."""
        from injury_desk.store.database import open_database

        return cls.build(ServiceContext(db=open_database(data_dir, purpose="gui", progress=progress)))

    def today(self) -> date:
        """The services' today: the date every rule of a use case is checked against."""
        return self.ctx.today()

    @property
    def database_path(self) -> Path:
        """The local database file the services work on."""
        return self.ctx.db.path

    def close(self) -> None:
        if "sync" in self.__dict__:  # built on first use
            self.sync.close()
        self.ctx.db.dispose()

    @classmethod
    def build(cls, ctx: ServiceContext) -> "Services":
        claims = ClaimService(ctx)
        return cls(
            claim_list=ClaimListService(ctx),
            tasks=TaskService(ctx),
            clocks=ClaimClockService(ctx),
            case_file=CaseFileService(ctx),
            decisions=DecisionDocumentService(ctx),
            outbox=OutboxViewService(ctx),
            transfer=TransferService(ctx, claims),
            ctx=ctx,
            auth=AuthService(ctx),
            claims=claims,
            people=PeopleService(ctx),
            employers=EmployerService(ctx),
            inspections=InspectionService(ctx),
            training=TrainingService(ctx),
            incidents=IncidentService(ctx),
            rehab=RehabService(ctx),
            rehab_stats=RehabStatsService(ctx),
            assessments=AssessmentService(ctx),
            attachments=AttachmentService(ctx),
            prevention_stats=PreventionStatsService(ctx),
            headcounts=HeadcountService(ctx),
            prevention_spending=PreventionSpendingService(ctx),
            dependants=DependantsService(ctx),
            costs=ClaimCostService(ctx),
            reappraisals=ReappraisalService(ctx),
            monthly_run=MonthlyRunService(ctx),
            recurrences=RecurrenceService(ctx),
            advances=FundAdvanceService(ctx),
            missing=MissingWorkerService(ctx),
            schedule_adjustments=ScheduleAdjustmentService(ctx),
        )
