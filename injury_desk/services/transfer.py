"""Import and export of JSON Lines files holding every record type of an office (docs/import-export.md).

The import is all-or-nothing: one transaction, written through the same capture as any other change
(an audit event and an outbox entry per row); every broken rule is reported with its line number and
any error rolls the whole run back. It streams: the file is read a chunk of lines at a time, each
chunk's references and unique keys are looked up with one query per table, and the chunk is flushed
and forgotten, so memory does not grow with the file. Claims are checked against the lifecycle at the
end, when their determinations, appraisals and assessments (later lines) are in.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from injury_desk import json_text
from injury_desk.domain.errors import DomainError, FieldError
from injury_desk.domain.identifiers import mask_resident_id
from injury_desk.domain.deadlines import next_deadline
from injury_desk.domain.lifecycle import ClaimStatus, reachability_errors
from injury_desk.domain.permissions import change_permission, may_change
from injury_desk.output_files import write_whole
from injury_desk.private_files import output_refusal, private_dir, private_output
from injury_desk.protocol.messages import unstorable_rule
from injury_desk.services.actor import Actor
from injury_desk.services.claim_facts import claim_row_facts, facts_for, refresh_deadlines
from injury_desk.services.claims import ClaimService, claim_number, claim_series_key, device_tag
from injury_desk.services.context import ServiceContext
from injury_desk.services.employers import read_employer
from injury_desk.services.people import read_person
from injury_desk.services.permissions import allowed, require
from injury_desk.services.record_schema import (
    FIELDS,
    MODELS,
    TYPE_OF_TABLE,
    UNIQUE_KEYS,
    file_value,
    read_record,
    type_error,
)
from injury_desk.store.capture import insert_captured, record_event, with_defaults
from injury_desk.store.models import Claim, LocalSetting, Office
from injury_desk.store.own_files import refuse_own_file
from injury_desk.store.read_model import fill_claim_list, suspend_claim_list

FORMAT = "injury-desk/1"
TYPES = tuple(MODELS)
CHUNK = 2_000  # lines per flush: large enough for few queries, small enough to keep memory flat
MAX_ERRORS = 1_000  # reported one by one; beyond that only counted
CLAIM_ALIASES = frozenset({"worker_id_number", "employer_credit_code"})
# The record types a claim's facts are read from (services/claim_facts.py facts_for): a line of one of them sends
# its claim through the lifecycle check and the deadline again at the end.
CLAIM_FACT_TYPES = frozenset({"determination", "appraisal", "assessment", "determination_suspension", "delivery"})
# JSON allows these raw inside strings, but they end a line for str.splitlines and for many editors.
_LINE_BREAKING = {"\u2028": "\\u2028", "\u2029": "\\u2029", "\u0085": "\\u0085"}
# The rule a taken unique key breaks, where the services have their own; otherwise import.duplicate.
TAKEN_RULES = {("employer", ("credit_code",)): "employer.credit_code_taken",
               ("person", ("office_id", "id_number")): "person.id_number_taken", ("claim", ("claim_no",)): "claim.number_taken",
               ("claim", ("worker_id", "accident_date")): "claim.duplicate"}

Progress = Callable[[str, int, int], None]


def json_line(record: dict[str, Any]) -> str:
    """One record as one JSON Lines line: characters that other tools take as line ends are escaped."""
    line = json.dumps(record, ensure_ascii=False)
    for raw, escaped in _LINE_BREAKING.items():
        if raw in line:
            line = line.replace(raw, escaped)
    return line + "\n"


def jsonl_lines(stream) -> Iterator[str]:
    """The lines of a JSON Lines file: split on LF (and CRLF) only, as the format says, never on U+2028."""
    first = True
    for line in stream:
        if first:
            line = line.removeprefix("\ufeff")  # a leading byte-order mark is not data
            first = False
        yield line.removesuffix("\n").removesuffix("\r")


@dataclass(frozen=True)
class LineError:
    line: int
    field: str
    rule: str
    params: dict[str, Any]


class ImportFailed(DomainError):
    """The file had broken lines; nothing was written. ``more`` counts errors beyond those listed."""

    def __init__(self, errors: list[LineError], more: int = 0) -> None:
        super().__init__("import.failed", count=len(errors) + more)
        self.errors = errors
        self.more = more


class TransferCancelled(DomainError):
    """The user cancelled: an import wrote nothing (its transaction is rolled back), an export left no file."""

    def __init__(self) -> None:
        super().__init__("transfer.cancelled")


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

    def export_jsonl(self, actor: Actor, path: Path, *, full_ids: bool = False, progress: Progress | None = None,
                     cancelled: Callable[[], bool] | None = None) -> int:
        """Every record of the actor's office, parents before children; attachments' files beside it; ID
        numbers as this user sees them (see export_id_numbers). Audited."""
        require(actor, "data.export")
        full = export_id_numbers(actor, full_ids)
        path = Path(path)
        refuse_own_file(path, self.ctx.db.path, field="file")
        files_dir = path.with_name(path.name + ".files")
        count = 0
        # Personal data, written whole or not at all: a failed or cancelled export leaves the target as it was.
        with private_output(path, "w", unwritable="export.unwritable", encoding="utf-8", newline="\n") as out, \
                self.ctx.read() as s:
            total = sum(s.scalar(select(func.count()).select_from(m).where(
                m.deleted.is_(False), m.office_id == actor.office_id)) for m in MODELS.values())
            for kind, model in MODELS.items():
                fields = FIELDS[kind]
                columns = [model.id, *(getattr(model, f.column) for f in fields if f.name != "id")]
                stmt = select(*columns).where(model.deleted.is_(False), model.office_id == actor.office_id)
                for row in s.execute(stmt.order_by(model.id)):
                    record = {"type": kind, "id": row[0]}
                    for f, value in zip((f for f in fields if f.name != "id"), row[1:]):
                        if f.kind == "file":
                            value = self._export_file(files_dir, path, value)
                        record[f.name] = file_value(f, value)
                    if not full and kind == "person":
                        record["id_number"] = mask_resident_id(record["id_number"])
                    out.write(json_line(record))
                    count += 1
                    if count % CHUNK == 0:
                        if progress:
                            progress("export", count, total)
                        if cancelled is not None and cancelled():
                            raise TransferCancelled()
        with self.ctx.write(actor, "data.export") as s:
            record_event(s, "data.export", "export", str(path)[-36:],
                         {"file": path.name, "records": count, "full_id_numbers": full})
        if progress:
            progress("export", count, count)
        return count

    @staticmethod
    def _export_file(files_dir: Path, path: Path, content: bytes) -> str:
        digest = hashlib.sha256(content).hexdigest()
        private_dir(files_dir)
        target = files_dir / digest
        if not target.exists():
            try:
                write_whole(target, content)  # the user's eyes only, and never half a file under its hash's name
            except OSError as exc:  # named itself: the export file around it is not the one that failed
                raise output_refusal(exc, target, "export.unwritable") from exc
        return f"{files_dir.name}/{digest}"

    # ------------------------------------------------------------------ import

    def import_jsonl(self, actor: Actor, path: Path, *, progress: Progress | None = None,
                     cancelled: Callable[[], bool] | None = None) -> dict[str, int]:
        """Import every line or none; returns counts by type, raises ImportFailed listing the bad lines.

        ``cancelled`` is asked between chunks: when it answers True the run stops and nothing is written."""
        require(actor, "data.import")
        path = Path(path)
        if path.exists() and not path.is_file():
            # A pipe (stdin, a process substitution) would be read empty the second time (lines counted first),
            # a folder or a device is no import; attachments are found beside the file, so it must be one.
            raise DomainError("import.not_a_file", path=str(path))
        try:
            total = _count_lines(path)
            stream = path.open("r", encoding="utf-8", newline="\n")
        except OSError as exc:
            raise DomainError("import.unreadable", path=str(path), detail=str(exc)) from exc
        report = progress or (lambda *_: None)
        run = _ImportRun(self, actor, path, report, total)
        with stream, self.ctx.write(actor, "data.import") as s:
            run.session = s
            run.prepare()
            chunk: list[tuple[int, str]] = []
            try:
                for number, line in enumerate(jsonl_lines(stream), start=1):
                    chunk.append((number, line))
                    if len(chunk) == CHUNK:
                        run.chunk(chunk)
                        chunk = []
                        if cancelled is not None and cancelled():
                            raise TransferCancelled()  # rolls the whole transaction back
            except UnicodeDecodeError as exc:
                raise DomainError("import.unreadable", path=str(path), detail=str(exc)) from exc
            run.chunk(chunk)
            run.finish_claims()
            if run.errors or run.more:
                raise ImportFailed(run.errors, run.more)  # rolls the whole transaction back
            record_event(s, "data.import", "import", str(path)[-36:], {"file": path.name, **run.counts})
        report("done", total, total)
        return dict(run.counts)


def _count_lines(path: Path) -> int:
    lines = 0
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            lines += block.count(b"\n")
    return lines


class _ImportRun:
    """The state of one import: the session, counts, errors, and the office's own claim-number series."""

    def __init__(self, service: TransferService, actor: Actor, path: Path, progress: Progress, total: int) -> None:
        self.service = service
        self.ctx = service.ctx
        self.actor = actor
        self.path = path
        self.progress = progress
        self.total = total
        self.today = self.ctx.today()
        self.session: Session | None = None
        self.counts = {k: 0 for k in TYPES}
        self.errors: list[LineError] = []
        self.more = 0
        self.done = 0
        self.touched: list[dict[str, Any]] = []  # claims this chunk touched, for the lifecycle check at the end

    def prepare(self) -> None:
        s = self.session
        office = s.get(Office, self.actor.office_id)
        self.tag = device_tag(s, s.info["device_id"])
        # This desktop's own automatic series: a number from it in a file would collide with a claim made here.
        self.own_series = f"{office.code}-", f"-{self.tag}-"
        self.series: dict[int, int] = {}  # year -> last number handed out; written back in finish_claims
        # Claims the import touched, with the line that brought them, checked against the lifecycle at the end;
        # ``settled``: a new claim that stands where its status says with its own values and got no record from
        # a later line (finish_claims has nothing to add for it: its facts are the ones its line gave).
        s.execute(text("DROP TABLE IF EXISTS temp.import_claims"))
        s.execute(text("CREATE TEMP TABLE import_claims (id TEXT PRIMARY KEY, line INTEGER, settled INTEGER NOT NULL)"))
        # The claims list is filled once at the end (finish_claims), not by its trigger claim by claim.
        self.list_trigger = suspend_claim_list(s.connection().connection.driver_connection)

    def error(self, line: int, field: str, rule: str, params: dict[str, Any] | None = None) -> None:
        found = LineError(line, field, rule, params or {})
        for earlier in reversed(self.errors):  # a line's errors come together: two checks may find the same
            if earlier.line != line:
                break
            if earlier == found:
                return
        if len(self.errors) < MAX_ERRORS:
            self.errors.append(found)
        else:
            self.more += 1

    def field_errors(self, line: int, errors: list[FieldError]) -> None:
        for e in errors:
            self.error(line, e.field, e.rule, e.params)

    # ---------------------------------------------------------------- one chunk

    def chunk(self, lines: list[tuple[int, str]]) -> None:
        parsed: list[tuple[int, str, dict[str, Any], dict[str, Any]]] = []
        for number, line in lines:
            if not line.strip():
                continue
            item = self.parse(number, line)
            if item is not None:
                parsed.append(item)
        if parsed:
            self.write(parsed)
        self.done += len(lines)
        self.progress("lines", min(self.done, self.total), self.total)

    def parse(self, number: int, line: str) -> tuple[int, str, dict[str, Any], dict[str, Any]] | None:
        try:
            record = json_text.loads(line)
        except json.JSONDecodeError as exc:
            self.error(number, "-", "import.json", {"detail": exc.msg, "column": exc.colno})
            return None
        except json_text.TooDeep as exc:
            self.error(number, "-", "import.json", {"detail": str(exc)})
            return None
        except ValueError as exc:  # a 5,000-digit number
            self.error(number, "-", "import.json", {"detail": type(exc).__name__})
            return None
        if not isinstance(record, dict):
            self.error(number, "-", "import.not_an_object")
            return None
        # Only an escape brings either in: the file is read as strict UTF-8 and JSON refuses a raw NUL in text.
        unstorable = unstorable_text(record) if "\\u" in line else None
        if unstorable is not None:
            self.field_errors(number, [unstorable])
            return None
        kind = record.get("type")
        if not isinstance(kind, str) or kind not in TYPES:
            shown = kind if isinstance(kind, str) else json.dumps(kind)[:40]
            self.error(number, "type", "import.type_unknown", {"type": shown, "known": list(TYPES)})
            return None
        table = MODELS[kind].__tablename__
        if not may_change(self.actor.role, table):
            # The central service would refuse the record from this user (the same table decides, with the same
            # words the services use for a refusal).
            self.error(number, "type", "permission.denied",
                       {"permission": change_permission(table, False) or table, "role": self.actor.role})
            return None
        clean, errors = read_record(kind, record, self.today, CLAIM_ALIASES if kind == "claim" else frozenset())
        errors += self.rules(kind, record, clean)
        if errors:
            self.field_errors(number, errors)
            return None
        clean.setdefault("id", str(uuid.uuid4()))  # a line that names its id must name a free one
        return number, kind, record, clean

    def rules(self, kind: str, record: dict[str, Any], clean: dict[str, Any]) -> list[FieldError]:
        """The services' own readers on top of the types: check digits, required wording, the accident's rules."""
        if kind == "employer":
            values, errors = read_employer(record, prefix="")
            clean.update(values)
            return [e for e in errors if not _is_type_duplicate(e, record)]
        if kind == "person":
            values, errors = read_person(record, self.today, prefix="")
            clean.update(values)
            return [e for e in errors if not _is_type_duplicate(e, record)]
        if kind == "claim":
            values, errors = self.service.claims._read_accident(record)
            clean.update(values)
            errors = [e for e in errors if not _is_type_duplicate(e, record)]
            for alias in CLAIM_ALIASES:
                if alias in record and not isinstance(record[alias], str):
                    errors.append(type_error(alias, "text", record[alias]))
            if "worker_id" not in clean and not record.get("worker_id_number"):
                errors.append(FieldError("worker_id", "field.required"))
            if "employer_id" not in clean and not record.get("employer_credit_code"):
                errors.append(FieldError("employer_id", "field.required"))
            number = clean.get("claim_no")
            if number is not None:
                if not number.strip():
                    errors.append(FieldError("claim_no", "field.required"))
                elif number.startswith(self.own_series[0]) and self.own_series[1] in number:
                    errors.append(FieldError("claim_no", "import.claim_no_own_series",
                                             {"claim_no": number, "series": f"{self.own_series[0]}YYYY{self.own_series[1]}N"}))
            return errors
        if kind == "wage_record":
            month = clean.get("month", "")
            if len(month) != 7 or month[4] != "-" or not (month[:4] + month[5:]).isdigit() \
                    or not 1 <= int(month[5:]) <= 12:
                return [FieldError("month", "field.month_format", {"value": month[:20]})]
        if kind == "appraisal" and clean.get("disability_grade") is not None \
                and not 1 <= clean["disability_grade"] <= 10:
            return [FieldError("disability_grade", "field.range",
                               {"min": 1, "max": 10, "value": clean["disability_grade"]})]
        if kind == "attachment":
            return self.read_attachment(clean)
        if kind == "dependant":
            return dependant_line_errors(clean, self.today)
        if kind == "claim_cost":
            return cost_line_errors(clean)
        return []

    def read_attachment(self, clean: dict[str, Any]) -> list[FieldError]:
        if clean.get("owner_table") not in TYPE_OF_TABLE:
            return [FieldError("owner_table", "field.choice", {"value": str(clean.get("owner_table"))[:40],
                                                               "options": sorted(TYPE_OF_TABLE)})]
        name = clean.pop("content")
        source = (self.path.parent / name)
        if Path(name).is_absolute() or ".." in Path(name).parts or not source.is_file():
            return [FieldError("file", "import.attachment_missing", {"file": name})]
        content = source.read_bytes()
        digest = hashlib.sha256(content).hexdigest()
        if clean.setdefault("sha256", digest) != digest:
            return [FieldError("sha256", "import.attachment_hash", {"file": name, "sha256": digest})]
        if clean.setdefault("size", len(content)) != len(content):
            return [FieldError("size", "import.attachment_size", {"file": name, "size": len(content)})]
        clean["content"] = content
        return []

    def write(self, parsed: list[tuple[int, str, dict[str, Any], dict[str, Any]]]) -> None:
        s = self.session
        known = self.lookups(parsed)  # (table, id or unique key) -> (id, office_id, deleted)
        seen: set[tuple[str, str]] = set()  # ids and unique keys taken by earlier lines of this chunk
        pending: dict[str, list[dict[str, Any]]] = {kind: [] for kind in TYPES}
        lines_of: dict[str, int] = {}  # the line of each claim of this chunk
        office = self.actor.office_id
        for number, kind, record, clean in parsed:
            table = MODELS[kind].__tablename__
            errors: list[FieldError] = []
            if record.get("id") is not None and ((table, clean["id"]) in known or (table, clean["id"]) in seen):
                errors.append(FieldError("id", "import.id_exists", {"id": clean["id"]}))
            if kind == "claim":
                if "worker_id" not in clean:
                    errors.append(FieldError("worker_id", "person.not_found"))
                if "employer_id" not in clean:
                    errors.append(FieldError("employer_id", "employer.unknown"))
            for f in FIELDS[kind]:
                if f.kind == "ref" and clean.get(f.column) is not None:
                    target = known.get((f.refers_to, clean[f.column]))
                    if target is None or target[2] or target[1] != office:
                        errors.append(FieldError(f.name, "import.reference_unknown",
                                                 {"type": TYPE_OF_TABLE.get(f.refers_to, f.refers_to),
                                                  "id": clean[f.column]}))
            if kind == "attachment":
                owner = known.get((clean["owner_table"], clean["owner_id"]))
                if owner is None or owner[2] or owner[1] != office:
                    errors.append(FieldError("owner_id", "import.reference_unknown",
                                             {"type": TYPE_OF_TABLE[clean["owner_table"]], "id": clean["owner_id"]}))
            keys = list(self.unique_keys(kind, clean))
            for columns, key in keys:
                if key in known or key in seen:
                    rule = TAKEN_RULES.get((kind, columns), "import.duplicate")
                    errors.append(FieldError(columns[-1], rule, {"value": key[1].split("=", 1)[1]}))
            if errors:
                self.field_errors(number, errors)
                continue
            if kind == "claim":
                if not clean.get("claim_no"):
                    clean["claim_no"] = self.next_claim_no(clean["accident_date"].year)
                    keys = list(self.unique_keys(kind, clean))
                clean.setdefault("assigned_to", self.actor.user_id)
                clean.setdefault("status", ClaimStatus.APPLICATION_RECEIVED.value if clean.get("applicant_type")
                                 else ClaimStatus.REPORTED.value)
            seen.update(key for _columns, key in keys)
            seen.add((table, clean["id"]))
            known[(table, clean["id"])] = (clean["id"], office, False)
            clean["office_id"] = office
            pending[kind].append(clean)
            self.counts[kind] += 1
            if kind == "claim":
                lines_of[clean["id"]] = number
            elif kind in CLAIM_FACT_TYPES:  # a record the claim's lifecycle and clocks read
                self.touched.append({"id": clean["claim_id"], "line": number, "settled": 0})
        # A new claim has no records yet: its deadline and its lifecycle check from its own values, as the services
        # compute them (finish_claims does both again for the claims that later lines give records, and writes only
        # the deadlines that changed).
        with_defaults(Claim, pending["claim"])
        for clean in pending["claim"]:
            facts = claim_row_facts(clean)
            deadline = next_deadline(facts)
            clean["next_deadline"] = deadline.due if deadline else None
            clean["next_deadline_kind"] = deadline.kind if deadline else None
            self.touched.append({"id": clean["id"], "line": lines_of[clean["id"]],
                                 "settled": 0 if reachability_errors(facts) else 1})
        # Each type is written on its own, parents first (TYPES lists every type after the types it refers
        # to), with its audit events and outbox entries, as three executemany statements.
        for kind in TYPES:
            insert_captured(s, MODELS[kind], pending[kind])
        if self.touched:
            # the first line that brought a claim is the one its errors name; any record unsettles it
            s.execute(text("INSERT INTO import_claims (id, line, settled) VALUES (:id, :line, :settled)"
                           " ON CONFLICT (id) DO UPDATE SET line = min(line, excluded.line),"
                           " settled = min(settled, excluded.settled)"), self.touched)
            self.touched = []

    def next_claim_no(self, year: int) -> str:
        """The next number of this desktop's series, counted here and stored once at the end."""
        if year not in self.series:
            row = self.session.get(LocalSetting, claim_series_key(self.actor, year))
            self.series[year] = int(row.value) if row is not None else 0
        self.series[year] += 1
        return claim_number(self.actor.office_code, year, self.tag, self.series[year])

    def unique_keys(self, kind: str, clean: dict[str, Any]) -> Iterator[tuple[tuple[str, ...], tuple[str, str]]]:
        table = MODELS[kind].__tablename__
        for columns in UNIQUE_KEYS[kind]:
            values = [self.actor.office_id if c == "office_id" else clean.get(c) for c in columns]
            if all(v is not None and v != "" for v in values):
                yield columns, (table, _key(columns, values))

    def lookups(self, parsed) -> dict[tuple[str, str], tuple[str, str, bool]]:
        """One query per table for every id, reference and unique key the chunk names; a claim's worker and
        employer given by ID number and credit code are resolved on the way (earlier lines of the chunk too)."""
        s = self.session
        wanted: dict[str, set[str]] = defaultdict(set)
        aliases: dict[tuple[str, str], set[str]] = defaultdict(set)
        for _number, kind, record, clean in parsed:
            wanted[MODELS[kind].__tablename__].add(clean["id"])
            for f in FIELDS[kind]:
                if f.kind == "ref" and clean.get(f.column):
                    wanted[f.refers_to].add(clean[f.column])
            if kind == "attachment":
                wanted[clean["owner_table"]].add(clean["owner_id"])
            if kind == "claim":
                if "worker_id" not in clean and record.get("worker_id_number"):
                    aliases[("people", "id_number")].add(record["worker_id_number"].strip().upper())
                if "employer_id" not in clean and record.get("employer_credit_code"):
                    aliases[("employers", "credit_code")].add(record["employer_credit_code"].strip().upper())
        known: dict[tuple[str, str], tuple[str, str, bool]] = {}
        for table, ids in wanted.items():
            for row in _select_in(s, table, ("id", "office_id", "deleted"), "id", ids):
                known[(table, row[0])] = (row[0], row[1], bool(row[2]))
        found: dict[tuple[str, str], str] = {}  # (table, number) -> id of a live row of this office
        for (table, column), values in aliases.items():  # only this office's records: the numbers are its own
            for row in _select_in(s, table, (column, "id", "office_id", "deleted"), column, values,
                                  office=self.actor.office_id):
                known[(table, row[1])] = (row[1], row[2], bool(row[3]))
                if not row[3] and row[2] == self.actor.office_id:
                    found[(table, row[0])] = row[1]
        for _number, kind, record, clean in parsed:  # in file order: a person may come a few lines before
            if kind == "person":
                found.setdefault(("people", clean["id_number"]), clean["id"])
            elif kind == "employer":
                found.setdefault(("employers", clean["credit_code"]), clean["id"])
            elif kind == "claim":
                if "worker_id" not in clean and record.get("worker_id_number"):
                    hit = found.get(("people", record["worker_id_number"].strip().upper()))
                    if hit:
                        clean["worker_id"] = hit
                if "employer_id" not in clean and record.get("employer_credit_code"):
                    hit = found.get(("employers", record["employer_credit_code"].strip().upper()))
                    if hit:
                        clean["employer_id"] = hit
        # Each unique key is looked up by the first of its columns that varies from line to line; a key within the
        # office (office_id, id_number) by its second column among this office's rows, never by the office alone
        # (that would read every row of the office for every chunk).
        by_set: dict[tuple[str, tuple[str, ...], str], set] = defaultdict(set)
        for _number, kind, _record, clean in parsed:
            for columns, _key_ in self.unique_keys(kind, clean):
                probe = next((c for c in columns if c != "office_id"), columns[0])
                by_set[(kind, columns, probe)].add(self.actor.office_id if probe == "office_id" else clean[probe])
        for (kind, columns, probe), values in by_set.items():
            table, n = MODELS[kind].__tablename__, len(columns)
            stored = [v.isoformat() if isinstance(v, date) else v for v in values]
            office = self.actor.office_id if "office_id" in columns and probe != "office_id" else None
            for row in _select_in(s, table, (*columns, "id", "office_id", "deleted"), probe, stored, office=office):
                known[(table, _key(columns, row[:n]))] = (row[n], row[n + 1], bool(row[n + 2]))
        return known

    # ---------------------------------------------------------------- the lifecycle, once every record is in

    def finish_claims(self) -> None:
        """Each claim the import touched must stand where its status says, with the records it now has;
        its next deadline is computed as any service computes it."""
        s = self.session
        for year, number in self.series.items():
            s.merge(LocalSetting(key=claim_series_key(self.actor, year), value=str(number)))
        s.flush()
        last = ""
        checked = 0
        while True:
            rows = s.execute(text("SELECT id, line FROM import_claims WHERE settled = 0 AND id > :last"
                                  " ORDER BY id LIMIT :n"), {"last": last, "n": CHUNK}).all()
            if not rows:
                break
            last = rows[-1][0]
            lines = dict(rows)
            read = facts_for(s, list(lines))
            for claim_id, facts in read.items():
                line = lines[claim_id]
                self.field_errors(line, reachability_errors(facts))
                if facts.decided_on is not None and facts.decided_on < facts.accident_date:
                    self.error(line, "decided_on", "claim.decided_before_accident",
                               {"decided_on": facts.decided_on.isoformat(),
                                "accident_date": facts.accident_date.isoformat()})
            refresh_deadlines(s, list(lines), read)
            checked += len(rows)
            self.progress("claims", checked, checked)
        fill_claim_list(s.connection().connection.driver_connection, "import_claims", self.list_trigger)


def unstorable_text(record: dict[str, Any]) -> FieldError | None:
    """The error of the first field whose name or value (anywhere inside it) holds text no store keeps
    (protocol's unstorable_rule: a NUL, a lone surrogate)."""
    # Text JSON can spell ("\ud800", "\u0000") that no store holds: a lone UTF-16 surrogate (UTF-8, so SQLite,
    # cannot encode it) and NUL (PostgreSQL text cannot hold it, so the central service refuses a change carrying
    # it). The text checks see only a record's own text fields; these are refused anywhere in a line, a JSON
    # value's keys included.
    for key, value in record.items():
        rule = unstorable_rule([key, value])
        if rule is not None:
            return FieldError(key.encode("utf-8", "backslashreplace").decode("utf-8")[:60], *rule)
    return None


def _select_in(s: Session, table: str, columns: tuple[str, ...], key: str, values, *,
               office: str | None = None) -> Iterator[tuple]:
    """Rows of ``table`` whose ``key`` is one of ``values`` (and of ``office`` only, when given: a key unique within
    an office is indexed behind office_id), as stored, straight from the driver (SQLAlchemy compiled each 500-value
    IN list anew, which cost more than the query); table and column names are ours."""
    cursor = s.connection().connection.driver_connection.cursor()
    within = "" if office is None else "office_id = ? AND "
    try:
        for part in _slices(sorted(values, key=str)):
            cursor.execute(f"SELECT {', '.join(columns)} FROM {table}"
                           f" WHERE {within}{key} IN ({', '.join('?' * len(part))})",
                           part if office is None else [office, *part])
            yield from cursor.fetchall()
    finally:
        cursor.close()


def _key(columns: tuple[str, ...], values) -> str:
    return ",".join(columns) + "=" + "\x1f".join(str(v) for v in values)


def _slices(values: list, size: int = 500) -> Iterator[list]:
    for start in range(0, len(values), size):
        yield values[start:start + size]


def _is_type_duplicate(error: FieldError, record: dict[str, Any]) -> bool:
    """A service reader's complaint about a value the strict types already refused (reported once, not twice)."""
    value = record.get(error.field)
    return value is not None and not isinstance(value, str) and error.rule in (
        "field.date_format", "field.integer", "field.boolean", "field.choice", "field.too_long",
        "field.required", "field.type")


def dependant_line_errors(clean: dict[str, Any], today) -> list[FieldError]:
    """A dependant's own rules (issue 15): a valid ID number that agrees with the sex and birth date given, and an
    Art. 3 condition for the relation (the register's age rules need the claim's death date: the services check
    them when the register is next saved)."""
    from injury_desk.domain.compensation.dependants import CONDITIONS
    from injury_desk.domain.identifiers import check_person_against_id, parse_resident_id, resident_id_errors

    errors: list[FieldError] = []
    number = clean.get("id_number") or ""
    if number:
        errors += resident_id_errors(number, field="id_number", today=today)
        if not errors:
            errors += check_person_against_id(parse_resident_id(number, today=today), sex=clean.get("sex"),
                                              birth_date=clean.get("birth_date"))
    condition = CONDITIONS.get(clean.get("condition") or "")
    if condition is not None and clean.get("relation") and clean["relation"] not in condition[0]:
        errors.append(FieldError("condition", "dependant.condition_relation", {}))
    if bool(clean.get("ended_by")) != bool(clean.get("ended_on")):
        errors.append(FieldError("ended_on" if clean.get("ended_by") else "ended_by", "field.required"))
    return errors


def cost_line_errors(clean: dict[str, Any]) -> list[FieldError]:
    """A cost's own rules (domain/costs.py): above zero; days and a daily standard for the meal allowance only,
    and then the amount is their product."""
    from injury_desk.domain.costs import COST_KINDS, meal_allowance
    from injury_desk.domain.money import from_fen, to_fen

    errors: list[FieldError] = []
    if clean.get("amount_fen") is not None and clean["amount_fen"] <= 0:
        errors.append(FieldError("amount", "cost.amount_positive", {}))
    spec = COST_KINDS.get(clean.get("kind") or "")
    if spec is None:
        return errors
    days, rate = clean.get("days"), clean.get("daily_rate_fen")
    if not spec.per_day and (days is not None or rate is not None):
        errors.append(FieldError("days", "cost.days_only_for_meals", {}))
    if spec.per_day:
        if days is None or rate is None:
            errors.append(FieldError("days" if days is None else "daily_rate", "field.required"))
        elif clean.get("amount_fen") is not None and to_fen(meal_allowance(days, from_fen(rate))) != clean["amount_fen"]:
            errors.append(FieldError("amount", "cost.meal_amount", {"amount": str(meal_allowance(days, from_fen(rate)))}))
    return errors
