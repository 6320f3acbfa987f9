"""Renders one form for many records into a folder, reporting progress and stopping when asked."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

from injury_desk.domain.errors import DomainError
from injury_desk.printing.definition import FormDefinition
from injury_desk.printing.render import write_pdf


@dataclass
class BatchResult:
    """What a batch did: the files written, in order, and whether it was cancelled before the end."""

    written: list[Path] = field(default_factory=list)
    total: int = 0
    cancelled: bool = False


def record_file_stem(record: dict[str, Any] | None) -> str:
    """What a printed file is named after: the claim number (or the case number, or the inspection's
    employer and date) that people file it under; the record id only when there is none."""
    if record is None:
        return "blank"
    for group, key in (("claim", "claim_no"), ("case", "case_no"), ("case", "claim_no")):
        value = (record.get(group) or {}).get(key) if isinstance(record.get(group), dict) else None
        if value:
            return str(value)
    inspection, employer = record.get("inspection") or {}, record.get("employer") or {}
    if isinstance(inspection, dict) and isinstance(employer, dict) and employer.get("name"):
        day = inspection.get("inspected_on") or inspection.get("planned_on") or ""
        return f"{employer['name']}-{day}".rstrip("-")
    return str(record.get("form_record_id") or "record")


def printed_file_name(form_id: str, record: dict[str, Any] | None) -> str:
    """``<form id>-<claim number>.pdf``; characters a Windows file name cannot hold become '_'."""
    stem = re.sub(r'[<>:"/\\|?*\x00-\x1f]', "_", record_file_stem(record)).strip(" .") or "record"
    return f"{form_id}-{stem}.pdf"


class BatchFolder:
    """The folder a batch writes into and the file names given in it so far: two records never share a file (the
    same record twice; names that differ only in a character a file name cannot hold or, as Windows compares them,
    in case), the later gets its number (``-N``). The folder is made when it is first needed."""

    def __init__(self, out_dir: Path | str) -> None:
        self.path = Path(out_dir)
        self._names: set[str] = set()  # case-folded
        self._made = False

    def make(self) -> None:
        if self._made:
            return
        try:
            self.path.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DomainError("print.output_unwritable", field="folder", path=str(self.path),
                              reason=exc.strerror or str(exc)) from exc
        self._made = True

    def target(self, form: FormDefinition, record: dict[str, Any], number: int) -> Path:
        """Where the batch's ``number``-th record (from 1) is written."""
        self.make()
        target = self.path / printed_file_name(form.id, record)
        stem = target.stem
        while target.name.casefold() in self._names:
            target = target.with_name(f"{stem}-{number}.pdf")
            number += 1
        self._names.add(target.name.casefold())
        return target


def render_batch(
    form: FormDefinition,
    records: Iterable[dict[str, Any]],
    out_dir: Path | str,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    *,
    language: str = "bilingual",
    today: dt.date | None = None,
) -> BatchResult:
    """Write one PDF per record into ``out_dir``, each under its own name (BatchFolder).

    ``progress(done, total)`` is called after each file; ``cancelled()`` is asked before each record,
    and a cancelled batch keeps the files already finished. Each file is written by write_pdf, so a failure
    never leaves a half-written PDF under the final name, and a name that is not a regular file stops the batch
    there with ``output.not_a_file`` (a folder: ``output.is_a_folder``).
    """
    folder = BatchFolder(out_dir)
    folder.make()
    items = list(records)
    result = BatchResult(total=len(items))
    today = today or dt.date.today()
    for index, record in enumerate(items):
        if cancelled is not None and cancelled():
            result.cancelled = True
            break
        target = folder.target(form, record, index + 1)
        write_pdf(form, record, target, language=language, today=today)
        result.written.append(target)
        if progress is not None:
            progress(index + 1, result.total)
    return result
