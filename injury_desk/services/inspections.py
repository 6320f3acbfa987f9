"""Inspections: planned and recorded visits, the hazards found, their corrective actions and follow-up."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from injury_desk.domain.errors import DomainError, FieldError, ValidationFailed, raise_if
from injury_desk.domain.prevention import OPEN_ACTION_STATUSES, SEVERITIES
from injury_desk.services.actor import Actor
from injury_desk.services.attachments import AttachmentFile, attach, prepare
from injury_desk.services.context import ServiceContext
from injury_desk.services.fields import FieldReader
from injury_desk.services.people import edit_token
from injury_desk.services.permissions import require
from injury_desk.services.references import editable_row, employer_names, load_row, reference_errors
from injury_desk.services.task_rows import OverdueAction, overdue_action_rows  # OverdueAction: re-exported
from injury_desk.store.models import CorrectiveAction, Hazard, Inspection
from injury_desk.store.quick_read import driver_connection


@dataclass(frozen=True)
class InspectionView:
    id: str
    employer_id: str
    employer_name: str
    planned_on: date
    inspected_on: date | None
    inspector: str
    status: str
    summary: str
    hazard_count: int
    open_hazard_count: int
    token: str


@dataclass(frozen=True)
class HazardView:
    id: str
    inspection_id: str
    employer_id: str
    employer_name: str
    category: str
    severity: str
    location: str
    description: str
    status: str
    token: str


@dataclass(frozen=True)
class OpenActionView:
    """A corrective action still to be followed up, with the hazard it fixes."""

    id: str
    hazard_id: str
    hazard_category: str
    severity: str
    location: str
    description: str
    owner: str
    due_date: date
    status: str
    token: str


def hazard_view(h: Hazard, employer_name: str) -> HazardView:
    return HazardView(h.id, h.inspection_id, h.employer_id, employer_name, h.category, h.severity, h.location,
                      h.description, h.status, edit_token(h))


def _read_plan(data: dict[str, Any], prefix: str = "") -> tuple[dict[str, Any], list[FieldError]]:
    r = FieldReader(data, prefix)
    clean = {"employer_id": r.text("employer_id", required=True, max_len=36),
             "planned_on": r.date("planned_on", required=True),
             "inspector": r.text("inspector", max_len=100)}
    return clean, r.errors


def _read_visit(data: dict[str, Any], today: date, prefix: str = "") -> tuple[dict[str, Any], list[FieldError]]:
    r = FieldReader(data, prefix)
    # An inspection moved earlier than planned is ordinary, so only the future is refused.
    clean = {"inspected_on": r.date("inspected_on", required=True, not_after=today),
             "summary": r.text("summary", required=True, max_len=20_000),
             "inspector": r.text("inspector", max_len=100)}
    return clean, r.errors


def _read_hazard(data: dict[str, Any], prefix: str = "") -> tuple[dict[str, Any], list[FieldError]]:
    r = FieldReader(data, prefix)
    clean = {"category": r.text("category", required=True, max_len=64),
             "severity": r.choice("severity", SEVERITIES, required=True),
             "location": r.text("location", max_len=200),
             "description": r.text("description", max_len=20_000)}
    return clean, r.errors


def _read_action(data: dict[str, Any], found_on: date | None,
                 prefix: str = "") -> tuple[dict[str, Any], list[FieldError]]:
    r = FieldReader(data, prefix)
    clean = {"description": r.text("description", required=True, max_len=20_000),
             "owner": r.text("owner", required=True, max_len=100),
             "due_date": r.date("due_date", required=True)}
    errors = r.errors
    if found_on is not None and clean["due_date"] is not None and clean["due_date"] < found_on:
        errors.append(FieldError(r.name("due_date"), "action.due_before_inspection",
                                 {"inspected_on": found_on.isoformat()}))
    return clean, errors


def _attachment_file(item: Any, field_name: str) -> AttachmentFile:
    if isinstance(item, AttachmentFile):
        return item
    return prepare(str(item.get("file_name") or ""), item.get("content") or b"", str(item.get("note") or ""),
                   field=field_name)


def inspection_views(s: Session, rows: list[Inspection]) -> list[InspectionView]:
    # One grouped count and one name look-up for the whole list, not two queries per row.
    ids = [i.id for i in rows]
    counts: dict[str, dict[str, int]] = {}
    if ids:
        for insp_id, status, n in s.execute(
                select(Hazard.inspection_id, Hazard.status, func.count())
                .where(Hazard.inspection_id.in_(ids), Hazard.deleted.is_(False))
                .group_by(Hazard.inspection_id, Hazard.status)).all():
            counts.setdefault(insp_id, {})[status] = n
    names = employer_names(s, {i.employer_id for i in rows})
    return [InspectionView(i.id, i.employer_id, names.get(i.employer_id, ""), i.planned_on, i.inspected_on,
                           i.inspector, i.status, i.summary, sum(counts.get(i.id, {}).values()),
                           counts.get(i.id, {}).get("open", 0), edit_token(i))
            for i in rows]


def _complete(s: Session, action: CorrectiveAction, closed: date, field_name: str) -> None:
    """Close one action; its hazard closes with the last open action."""
    if action.status == "done":
        raise DomainError("action.already_done", id=action.id, closed_on=action.closed_on.isoformat())
    hazard = s.get(Hazard, action.hazard_id)
    insp = s.get(Inspection, hazard.inspection_id)
    found_on = insp.inspected_on or insp.planned_on
    if closed < found_on:
        raise ValidationFailed([FieldError(field_name, "action.closed_before_inspection",
                                           {"inspected_on": found_on.isoformat()})])
    action.status = "done"
    action.closed_on = closed
    s.flush()
    still_open = s.scalar(select(func.count()).select_from(CorrectiveAction).where(
        CorrectiveAction.hazard_id == hazard.id, CorrectiveAction.deleted.is_(False),
        CorrectiveAction.status != "done"))
    if not still_open:
        hazard.status = "closed"


def _extend(action: CorrectiveAction, due: date, field_name: str) -> None:
    if action.status == "done":
        raise DomainError("action.already_done", id=action.id, closed_on=action.closed_on.isoformat())
    if due <= action.due_date:
        raise ValidationFailed([FieldError(field_name, "action.extension_not_later",
                                           {"due_date": action.due_date.isoformat()})])
    action.due_date = due
    action.status = "extended"


class InspectionService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def list_inspections(self, actor: Actor, employer_id: str | None = None,
                         status: str | None = None) -> list[InspectionView]:
        require(actor, "claim.view")
        q = select(Inspection).where(Inspection.deleted.is_(False), Inspection.office_id == actor.office_id)
        if employer_id:
            q = q.where(Inspection.employer_id == employer_id)
        if status:
            q = q.where(Inspection.status == status)
        with self.ctx.read() as s:
            rows = s.scalars(q.order_by(Inspection.planned_on.desc())).all()
            return inspection_views(s, list(rows))

    def get_inspection(self, actor: Actor, inspection_id: str) -> InspectionView:
        require(actor, "claim.view")
        with self.ctx.read() as s:
            return inspection_views(s, [load_row(s, Inspection, inspection_id, "inspection.not_found")])[0]

    def plan_inspection(self, actor: Actor, data: dict[str, Any]) -> str:
        require(actor, "prevention.edit")
        r = FieldReader(data)
        employer_id = r.text("employer_id", required=True, max_len=36)
        planned_on = r.date("planned_on", required=True)
        inspector = r.text("inspector", max_len=100)
        errors = r.errors
        if employer_id:
            errors += reference_errors(self.ctx, actor, employer_id=employer_id)
        raise_if(errors)
        with self.ctx.write(actor, "inspection.plan") as s:
            row = Inspection(office_id=actor.office_id, employer_id=employer_id, planned_on=planned_on,
                             inspector=inspector or actor.display_name, status="planned")
            s.add(row)
            s.flush()
            return row.id

    def record_inspection(self, actor: Actor, inspection_id: str, data: dict[str, Any], *,
                          token: str | None = None) -> None:
        """Record that an inspection took place; also used to correct the record of a done one."""
        require(actor, "prevention.edit")
        r = FieldReader(data)
        # An inspection moved earlier than planned is ordinary, so only the future is refused.
        inspected_on = r.date("inspected_on", required=True, not_after=self.ctx.today())
        summary = r.text("summary", required=True, max_len=20_000)
        inspector = r.text("inspector", max_len=100)
        raise_if(r.errors)
        with self.ctx.write(actor, "inspection.record") as s:
            row = editable_row(s, actor, Inspection, inspection_id, "inspection.not_found", token)
            if row.status == "cancelled":
                raise DomainError("inspection.cancelled", id=inspection_id)
            # Corrective actions are dated against the inspection; moving it past one would break that rule.
            earliest_due = s.scalar(
                select(func.min(CorrectiveAction.due_date)).join(Hazard, CorrectiveAction.hazard_id == Hazard.id)
                .where(Hazard.inspection_id == row.id, Hazard.deleted.is_(False),
                       CorrectiveAction.deleted.is_(False)))
            if earliest_due is not None and inspected_on > earliest_due:
                raise ValidationFailed([FieldError("inspected_on", "inspection.after_action_due",
                                                   {"due_date": earliest_due.isoformat()})])
            row.inspected_on = inspected_on
            row.summary = summary
            if inspector:
                row.inspector = inspector
            row.status = "done"

    def cancel_inspection(self, actor: Actor, inspection_id: str, *, token: str | None = None) -> None:
        require(actor, "prevention.edit")
        with self.ctx.write(actor, "inspection.cancel") as s:
            row = editable_row(s, actor, Inspection, inspection_id, "inspection.not_found", token)
            if row.status != "planned":
                raise DomainError("inspection.wrong_status", status=row.status, expected="planned")
            row.status = "cancelled"

    def add_hazard(self, actor: Actor, inspection_id: str, data: dict[str, Any]) -> str:
        require(actor, "prevention.edit")
        r = FieldReader(data)
        category = r.text("category", required=True, max_len=64)
        severity = r.choice("severity", SEVERITIES, required=True)
        location = r.text("location", max_len=200)
        description = r.text("description", max_len=20_000)
        raise_if(r.errors)
        with self.ctx.write(actor, "hazard.add") as s:
            insp = editable_row(s, actor, Inspection, inspection_id, "inspection.not_found", None)
            # A hazard is a finding: it needs an inspection that took place (and the date actions count from).
            if insp.status != "done":
                raise DomainError("inspection.wrong_status", status=insp.status, expected="done")
            row = Hazard(office_id=insp.office_id, inspection_id=insp.id, employer_id=insp.employer_id,
                         category=category, severity=severity, location=location, description=description,
                         status="open")
            s.add(row)
            s.flush()
            return row.id

    def list_hazards(self, actor: Actor, employer_id: str | None = None, open_only: bool = False) -> list[HazardView]:
        require(actor, "claim.view")
        q = select(Hazard).where(Hazard.deleted.is_(False), Hazard.office_id == actor.office_id)
        if employer_id:
            q = q.where(Hazard.employer_id == employer_id)
        if open_only:
            q = q.where(Hazard.status == "open")
        with self.ctx.read() as s:
            rows = s.scalars(q).all()
            names = employer_names(s, {h.employer_id for h in rows})
            order = {sev: n for n, sev in enumerate(reversed(SEVERITIES))}
            # Most severe first: that is the order a caseworker follows up in.
            rows = sorted(rows, key=lambda h: (order.get(h.severity, 99), names.get(h.employer_id, "")))
            return [hazard_view(h, names.get(h.employer_id, "")) for h in rows]

    def add_action(self, actor: Actor, hazard_id: str, data: dict[str, Any]) -> str:
        require(actor, "prevention.edit")
        r = FieldReader(data)
        description = r.text("description", required=True, max_len=20_000)
        owner = r.text("owner", required=True, max_len=100)
        due_date = r.date("due_date", required=True)
        raise_if(r.errors)
        with self.ctx.write(actor, "action.add") as s:
            hazard = editable_row(s, actor, Hazard, hazard_id, "hazard.not_found", None)
            insp = s.get(Inspection, hazard.inspection_id)
            found_on = insp.inspected_on or insp.planned_on
            if due_date < found_on:
                raise ValidationFailed([FieldError("due_date", "action.due_before_inspection",
                                                   {"inspected_on": found_on.isoformat()})])
            row = CorrectiveAction(office_id=hazard.office_id, hazard_id=hazard.id, description=description,
                                   owner=owner, due_date=due_date, status="open")
            s.add(row)
            # New work on a closed hazard means it is not fixed after all.
            hazard.status = "open"
            s.flush()
            return row.id

    def open_actions(self, actor: Actor, inspection_id: str) -> list[OpenActionView]:
        """The open or extended actions of one inspection's hazards, for a follow-up visit; earliest due first."""
        require(actor, "claim.view")
        q = (select(CorrectiveAction, Hazard)
             .join(Hazard, CorrectiveAction.hazard_id == Hazard.id)
             .where(Hazard.inspection_id == inspection_id, Hazard.deleted.is_(False),
                    CorrectiveAction.deleted.is_(False), CorrectiveAction.status.in_(OPEN_ACTION_STATUSES))
             .order_by(CorrectiveAction.due_date, Hazard.category))
        with self.ctx.read() as s:
            load_row(s, Inspection, inspection_id, "inspection.not_found")
            return [OpenActionView(a.id, h.id, h.category, h.severity, h.location, a.description, a.owner,
                                   a.due_date, a.status, edit_token(a)) for a, h in s.execute(q).all()]

    def follow_up(self, actor: Actor, inspection_id: str, visited_on: date | str | None,
                  decisions: list[dict[str, Any]]) -> None:
        """A follow-up visit: close or extend each listed action, all in one transaction.

        ``decisions``: ``{"action_id", "token", "outcome": "done" | "extend", "date"}`` — ``date`` is the
        new due date for an extension; a completed action is closed on the visit date. Actions not listed
        stay as they are. Field names in errors are ``actions.<n>.date`` (n = position in ``decisions``).
        """
        require(actor, "prevention.edit")
        r = FieldReader({"visited_on": visited_on})
        visited = r.date("visited_on", required=True, not_after=self.ctx.today())
        errors = r.errors
        parsed: list[tuple[dict[str, Any], str, date | None]] = []
        for n, d in enumerate(decisions):
            dr = FieldReader(d, f"actions.{n}.")
            outcome = dr.choice("outcome", ("done", "extend"), required=True)
            new_due = dr.date("date", required=outcome == "extend") if outcome == "extend" else None
            errors += dr.errors
            parsed.append((d, outcome or "", new_due))
        if not decisions:
            errors.append(FieldError("actions", "follow_up.nothing_decided"))
        raise_if(errors)
        with self.ctx.write(actor, "inspection.follow_up") as s:
            insp = editable_row(s, actor, Inspection, inspection_id, "inspection.not_found", None)
            for n, (d, outcome, new_due) in enumerate(parsed):
                action = editable_row(s, actor, CorrectiveAction, str(d.get("action_id") or ""),
                                        "action.not_found", d.get("token"))
                hazard = s.get(Hazard, action.hazard_id)
                if hazard.inspection_id != insp.id:
                    raise DomainError("action.other_inspection", id=action.id)
                if outcome == "done":
                    _complete(s, action, visited, "visited_on")
                else:
                    _extend(action, new_due, f"actions.{n}.date")

    def overdue_actions(self, actor: Actor, today: date | None = None) -> list[OverdueAction]:
        """Open or extended actions of this office whose due date has passed, oldest first."""
        require(actor, "claim.view")
        today = today or self.ctx.today()
        with self.ctx.read() as s:
            return overdue_action_rows(driver_connection(s), actor.office_id, today)

    def check_wizard_section(self, actor: Actor, section: str, data: dict[str, Any], *,
                             found_on: date | None = None) -> list[FieldError]:
        """The rules one wizard page's fields break, without writing: plan, visit, hazard or action."""
        require(actor, "claim.view")
        if section == "plan":
            clean, errors = _read_plan(data)
            if clean["employer_id"]:
                try:
                    errors += reference_errors(self.ctx, actor, employer_id=clean["employer_id"])
                except DomainError as exc:
                    errors.append(FieldError("employer_id", exc.key, exc.params))
            return errors
        if section == "visit":
            return _read_visit(data, self.ctx.today())[1]
        if section == "hazard":
            return _read_hazard(data)[1]
        if section == "action":
            return _read_action(data, found_on)[1]
        raise ValueError(section)

    def inspect(self, actor: Actor, data: dict[str, Any]) -> str:
        """Plan an inspection, or take a planned one, and record the visit, its hazards with their
        attachments and each hazard's corrective actions — all in one transaction, so a refusal leaves
        nothing half-saved. Returns the inspection's id.

        ``data``: ``inspection_id`` + ``token`` of a planned inspection, or ``plan`` {employer_id,
        planned_on, inspector}; ``visit`` {inspected_on, summary, inspector} or None to plan only;
        ``hazards`` [{category, severity, location, description, attachments: [AttachmentFile or
        {file_name, content, note}], actions: [{description, owner, due_date}]}]. Every hazard needs at
        least one corrective action: a finding nobody is to fix is never followed to closure.
        """
        require(actor, "prevention.edit")
        today = self.ctx.today()
        errors: list[FieldError] = []
        inspection_id = data.get("inspection_id")
        plan: dict[str, Any] = {}
        if not inspection_id:
            plan, plan_errors = _read_plan(data.get("plan") or {}, "plan.")
            errors += plan_errors
            if plan["employer_id"]:
                errors += [FieldError(f"plan.{e.field}", e.rule, e.params)
                           for e in reference_errors(self.ctx, actor, employer_id=plan["employer_id"])]
        visit = None
        if data.get("visit") is not None:
            visit, visit_errors = _read_visit(data["visit"], today, "visit.")
            errors += visit_errors
        found_on = visit["inspected_on"] if visit else None
        hazards: list[tuple[dict[str, Any], list[AttachmentFile], list[dict[str, Any]]]] = []
        raw_hazards = data.get("hazards") or []
        if raw_hazards and visit is None:
            errors.append(FieldError("hazards", "inspection.wrong_status", {"status": "planned", "expected": "done"}))
        for n, h in enumerate(raw_hazards):
            clean, h_errors = _read_hazard(h, f"hazards.{n}.")
            errors += h_errors
            files: list[AttachmentFile] = []
            for item in h.get("attachments") or []:
                try:
                    files.append(_attachment_file(item, f"hazards.{n}.attachments"))
                except ValidationFailed as exc:
                    errors += exc.errors
            hashes = [f.sha256 for f in files]
            if len(set(hashes)) < len(hashes):
                errors.append(FieldError(f"hazards.{n}.attachments", "attachment.picked_twice"))
            actions = []
            if not h.get("actions"):
                errors.append(FieldError(f"hazards.{n}.actions", "hazard.no_action", {"category": clean["category"]}))
            for m, a in enumerate(h.get("actions") or []):
                a_clean, a_errors = _read_action(a, found_on, f"hazards.{n}.actions.{m}.")
                errors += a_errors
                actions.append(a_clean)
            hazards.append((clean, files, actions))
        raise_if(errors)
        with self.ctx.write(actor, "inspection.wizard") as s:
            if inspection_id:
                insp = editable_row(s, actor, Inspection, inspection_id, "inspection.not_found", data.get("token"))
                if insp.status != "planned":
                    raise DomainError("inspection.wrong_status", status=insp.status, expected="planned")
            else:
                insp = Inspection(office_id=actor.office_id, employer_id=plan["employer_id"],
                                  planned_on=plan["planned_on"], inspector=plan["inspector"] or actor.display_name,
                                  status="planned")
                s.add(insp)
            if visit is not None:
                insp.inspected_on = visit["inspected_on"]
                insp.summary = visit["summary"]
                if visit["inspector"]:
                    insp.inspector = visit["inspector"]
                insp.status = "done"
            s.flush()
            for clean, files, actions in hazards:
                hazard = Hazard(office_id=insp.office_id, inspection_id=insp.id, employer_id=insp.employer_id,
                                status="open", **clean)
                s.add(hazard)
                s.flush()
                for f in files:
                    attach(s, hazard, f)
                for a in actions:
                    s.add(CorrectiveAction(office_id=hazard.office_id, hazard_id=hazard.id, status="open", **a))
            s.flush()
            return insp.id
