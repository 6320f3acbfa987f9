"""Renders one form for many records into a folder, reporting progress and stopping when asked."""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

from injury_desk.printing.definition import FormDefinition
from injury_desk.printing.render import render_pdf


@dataclass
class BatchResult:
    """What a batch did: the files written, in order, and whether it was cancelled before the end."""

    written: list[Path] = field(default_factory=list)
    total: int = 0
    cancelled: bool = False


def batch_file_name(form: FormDefinition, record: dict[str, Any], index: int) -> str:
    """``<form id>-<record id>.pdf``; characters a Windows file name cannot hold become '_'."""
    ident = str(record.get("form_record_id") or f"{index:05d}")
    return f"{form.id}-{re.sub(r'[^A-Za-z0-9._-]', '_', ident)}.pdf"


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
    """Write one PDF per record into ``out_dir``.

    ``progress(done, total)`` is called after each file; ``cancelled()`` is asked before each record,
    and a cancelled batch keeps the files already finished. Each file is written under a temporary name
    and renamed when complete, so a failure never leaves a half-written PDF under the final name.
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    items = list(records)
    result = BatchResult(total=len(items))
    today = today or dt.date.today()
    for index, record in enumerate(items):
        if cancelled is not None and cancelled():
            result.cancelled = True
            break
        target = out / batch_file_name(form, record, index)
        partial = target.with_name(target.name + ".part")
        try:
            with open(partial, "wb") as fh:
                render_pdf(form, record, fh, language=language, today=today)
            os.replace(partial, target)
        finally:
            if partial.exists():
                partial.unlink()
        result.written.append(target)
        if progress is not None:
            progress(index + 1, result.total)
    return result
