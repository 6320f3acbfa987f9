"""Import and export of JSON Lines files: employers, people, claims, determinations and appraisals.

The import is all-or-nothing: every line is checked first, every broken rule is reported with its
line number, and only a file without errors is written, in one transaction, through the same
capture as any other change (audit and outbox).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from injury_desk.domain.errors import DomainError, FieldError, ValidationFailed, raise_if
from injury_desk.domain.identifiers import mask_resident_id
from injury_desk.domain.lifecycle import ClaimStatus
from injury_desk.private_files import create_private_file
from injury_desk.services.actor import Actor
from injury_desk.services.claims import ClaimService, _next_claim_no, duplicate_errors, refresh_deadline
from injury_desk.services.context import ServiceContext
from injury_desk.services.employers import read_employer
from injury_desk.services.fields import FieldReader
from injury_desk.services.people import read_person
from injury_desk.services.permissions import allowed, require
from injury_desk.store.capture import record_event
from injury_desk.store.jsonvalues import to_jsonable
from injury_desk.store.models import Appraisal, Claim, Determination, Employer, Person

FORMAT = "injury-desk/1"
TYPES = ("employer", "person", "claim", "determination", "appraisal")
EXPORT_FIELDS = {
    "employer": (Employer, ("id", "credit_code", "name", "industry", "risk_class", "headcount", "address",
                            "contact_name", "contact_phone")),
    "person": (Person, ("id", "id_number", "name", "sex", "birth_date", "phone", "address")),
    "claim": (Claim, ("id", "claim_no", "worker_id", "employer_id", "status", "accident_date", "accident_time",
                      "accident_place", "circumstances", "body_parts", "diagnosis", "fatal", "applicant_type",
                      "application_received_on", "accepted_on", "clear_case", "needs_appraisal")),
    "determination": (Determination, ("id", "claim_id", "outcome", "basis", "decided_on", "decision_no")),
    "appraisal": (Appraisal, ("id", "claim_id", "requested_on", "extended", "appraised_on", "disability_grade",
                              "nursing_level")),
}
STATUSES = tuple(s.value for s in ClaimStatus)


@dataclass(frozen=True)
class LineError:
    line: int
    field: str
    rule: str
    params: dict[str, Any]


class ImportFailed(DomainError):
    """The file had broken lines; nothing was written."""

    def __init__(self, errors: list[LineError]) -> None:
        super().__init__("import.failed", count=len(errors))
        self.errors = errors


def export_id_numbers(actor: Actor, full_ids: bool) -> bool:
    """Whether an export carries full resident ID numbers: it follows the viewing permissions. A user who
    may see full numbers on screen (person.view_full_id) exports them; anyone else (an administrator)
    exports them masked as the lists show them, and asking for full numbers explicitly (``full_ids``,
    `export --full-ids`) is refused for them rather than answered with masked ones."""
    if full_ids:
        require(actor, "person.view_full_id")
    return allowed(actor, "person.view_full_id")


class TransferService:
    def __init__(self, ctx: ServiceContext, claims: ClaimService) -> None:
        self.ctx = ctx
        self.claims = claims

    # ------------------------------------------------------------------ export

    def export_jsonl(self, actor: Actor, path: Path, *, full_ids: bool = False) -> int:
        """The office's records; ID numbers as this user sees them (see export_id_numbers). Audited."""
        require(actor, "data.export")
        full = export_id_numbers(actor, full_ids)
        count = 0
        create_private_file(Path(path))  # personal data: readable by the user only, from the first byte
        with self.ctx.read() as s, Path(path).open("w", encoding="utf-8", newline="\n") as out:
            for kind, (model, fields) in EXPORT_FIELDS.items():
                stmt = select(model).where(model.deleted.is_(False), model.office_id == actor.office_id)
                for row in s.scalars(stmt.order_by(model.id)):
                    record = {"type": kind, **{f: to_jsonable(getattr(row, f)) for f in fields}}
                    if not full and "id_number" in record:
                        record["id_number"] = mask_resident_id(record["id_number"])
                    out.write(json.dumps(record, ensure_ascii=False, sort_keys=False) + "\n")
                    count += 1
        with self.ctx.write(actor, "data.export") as s:
            record_event(s, "data.export", "export", str(path)[-36:],
                         {"file": Path(path).name, "records": count, "full_id_numbers": full})
        return count

    # ------------------------------------------------------------------ import

    def import_jsonl(self, actor: Actor, path: Path) -> dict[str, int]:
        """Import every line or none; returns counts by type, raises ImportFailed listing all bad lines."""
        require(actor, "data.import")
        errors: list[LineError] = []
        records: list[tuple[int, str, dict[str, Any]]] = []
        try:
            text = Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise DomainError("import.unreadable", path=str(path), detail=str(exc)) from exc
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                errors.append(LineError(number, "-", "import.json", {"detail": exc.msg, "column": exc.colno}))
                continue
            if not isinstance(record, dict):
                errors.append(LineError(number, "-", "import.not_an_object", {}))
                continue
            kind = record.get("type")
            if kind not in TYPES:
                errors.append(LineError(number, "type", "import.type_unknown", {"type": kind, "known": list(TYPES)}))
                continue
            errors += [LineError(number, e.field, e.rule, e.params) for e in self._check(kind, record)]
            records.append((number, kind, record))
        if errors:
            raise ImportFailed(errors)
        counts = {k: 0 for k in TYPES}
        try:
            with self.ctx.write(actor, "data.import") as s:
                for number, kind, record in records:
                    try:
                        with s.no_autoflush:
                            getattr(self, f"_add_{kind}")(s, actor, record)
                        s.flush()
                    except ValidationFailed as exc:
                        errors += [LineError(number, e.field, e.rule, e.params) for e in exc.errors]
                    except DomainError as exc:
                        errors.append(LineError(number, "-", exc.key, exc.params))
                    counts[kind] += 1
                if errors:
                    raise ImportFailed(errors)  # rolls the whole transaction back
                record_event(s, "data.import", "import", str(path)[-36:], {"file": Path(path).name, **counts})
        except ImportFailed:
            raise
        return counts

    def _check(self, kind: str, r: dict[str, Any]) -> list[FieldError]:
        today = self.ctx.today()
        if kind == "employer":
            return read_employer(r, prefix="")[1]
        if kind == "person":
            return read_person(r, today, prefix="")[1]
        if kind == "claim":
            errs = self.claims._read_accident(r)[1]
            reader = FieldReader(r)
            reader.choice("status", STATUSES)
            reader.date("accepted_on", not_after=today)
            if not (r.get("worker_id") or r.get("worker_id_number")):
                reader.error("worker_id", "field.required")
            if not (r.get("employer_id") or r.get("employer_credit_code")):
                reader.error("employer_id", "field.required")
            return errs + reader.errors
        if kind == "determination":
            reader = FieldReader(r)
            reader.text("claim_id", required=True)
            reader.choice("outcome", ("recognised", "deemed", "not_recognised"), required=True)
            reader.date("decided_on", required=True, not_after=today)
            return reader.errors
        reader = FieldReader(r)
        reader.text("claim_id", required=True)
        reader.date("requested_on", required=True, not_after=today)
        reader.date("appraised_on", not_after=today)
        reader.integer("disability_grade", minimum=1, maximum=10)
        reader.choice("nursing_level", ("none", "partial", "major", "full"))
        return reader.errors

    def _add_employer(self, s: Session, actor: Actor, r: dict[str, Any]) -> None:
        clean, _ = read_employer(r, prefix="")
        if s.scalar(select(Employer.id).where(Employer.credit_code == clean["credit_code"])):
            raise ValidationFailed([FieldError("credit_code", "employer.credit_code_taken")])
        self._id_free(s, Employer, r)
        s.add(Employer(id=r.get("id") or None, office_id=actor.office_id, **clean))

    def _add_person(self, s: Session, actor: Actor, r: dict[str, Any]) -> None:
        clean, _ = read_person(r, self.ctx.today(), prefix="")
        if s.scalar(select(Person.id).where(Person.id_number == clean["id_number"])):
            raise ValidationFailed([FieldError("id_number", "person.id_number_taken")])
        self._id_free(s, Person, r)
        s.add(Person(id=r.get("id") or None, office_id=actor.office_id, **clean))

    def _add_claim(self, s: Session, actor: Actor, r: dict[str, Any]) -> None:
        accident, _ = self.claims._read_accident(r)
        reader = FieldReader(r)
        worker = s.get(Person, r["worker_id"]) if r.get("worker_id") else s.scalar(
            select(Person).where(Person.id_number == str(r.get("worker_id_number", "")).strip().upper()))
        employer = s.get(Employer, r["employer_id"]) if r.get("employer_id") else s.scalar(
            select(Employer).where(Employer.credit_code == str(r.get("employer_credit_code", "")).strip().upper()))
        errors = []
        if worker is None or worker.deleted:
            errors.append(FieldError("worker_id", "person.not_found"))
        if employer is None or employer.deleted:
            errors.append(FieldError("employer_id", "employer.unknown"))
        if errors:
            raise ValidationFailed(errors)
        if worker.birth_date > accident["accident_date"]:
            raise ValidationFailed([FieldError("accident_date", "claim.birth_after_accident",
                                               {"birth_date": worker.birth_date.isoformat()})])
        raise_if(duplicate_errors(s, worker.id, accident["accident_date"]))
        claim_no = reader.text("claim_no", max_len=40) or _next_claim_no(
            s, actor, s.info["device_id"], accident["accident_date"].year)
        if s.scalar(select(Claim.id).where(Claim.claim_no == claim_no)):
            raise ValidationFailed([FieldError("claim_no", "claim.number_taken", {"claim_no": claim_no})])
        self._id_free(s, Claim, r)
        status = r.get("status") or (ClaimStatus.APPLICATION_RECEIVED.value if accident["applicant_type"]
                                     else ClaimStatus.REPORTED.value)
        claim = Claim(id=r.get("id") or None, office_id=actor.office_id, claim_no=claim_no, worker_id=worker.id,
                      employer_id=employer.id, status=status, assigned_to=actor.user_id,
                      accepted_on=reader.date("accepted_on"), clear_case=reader.boolean("clear_case"),
                      needs_appraisal=reader.boolean("needs_appraisal", default=True), **accident)
        s.add(claim)
        refresh_deadline(s, claim)

    def _claim_for(self, s: Session, r: dict[str, Any]) -> Claim:
        claim = s.get(Claim, r["claim_id"])
        if claim is None or claim.deleted:
            raise ValidationFailed([FieldError("claim_id", "claim.not_found", {"id": r["claim_id"]})])
        return claim

    def _add_determination(self, s: Session, actor: Actor, r: dict[str, Any]) -> None:
        claim = self._claim_for(s, r)
        reader = FieldReader(r)
        self._id_free(s, Determination, r)
        s.add(Determination(id=r.get("id") or None, office_id=claim.office_id, claim_id=claim.id,
                            outcome=r["outcome"], basis=reader.text("basis"),
                            decided_on=reader.date("decided_on"), decision_no=reader.text("decision_no"),
                            decided_by=actor.user_id))
        refresh_deadline(s, claim)

    def _add_appraisal(self, s: Session, actor: Actor, r: dict[str, Any]) -> None:
        claim = self._claim_for(s, r)
        reader = FieldReader(r)
        self._id_free(s, Appraisal, r)
        s.add(Appraisal(id=r.get("id") or None, office_id=claim.office_id, claim_id=claim.id,
                        requested_on=reader.date("requested_on"), extended=reader.boolean("extended"),
                        appraised_on=reader.date("appraised_on"),
                        disability_grade=reader.integer("disability_grade"),
                        nursing_level=reader.choice("nursing_level", ("none", "partial", "major", "full"),
                                                    default="none")))
        refresh_deadline(s, claim)

    @staticmethod
    def _id_free(s: Session, model, r: dict[str, Any]) -> None:
        if r.get("id") and s.get(model, r["id"]) is not None:
            raise ValidationFailed([FieldError("id", "import.id_exists", {"id": r["id"]})])
