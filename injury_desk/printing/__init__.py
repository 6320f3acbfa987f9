"""Renders the form definitions in forms/ to PDF with ReportLab."""

from injury_desk.printing.batch import BatchResult, render_batch
from injury_desk.printing.definition import (
    FormDefinition,
    FormDefinitionError,
    check_all,
    load_all,
    load_form,
    parse_form,
)
from injury_desk.printing.records import COMPUTED, SCHEMAS
from injury_desk.printing.render import LANGUAGES, qr_payload, render_pdf
from injury_desk.resources import fonts_dir, forms_dir

__all__ = [
    "BatchResult",
    "COMPUTED",
    "FormDefinition",
    "FormDefinitionError",
    "LANGUAGES",
    "SCHEMAS",
    "check_all",
    "fonts_dir",
    "forms_dir",
    "load_all",
    "load_form",
    "parse_form",
    "qr_payload",
    "render_batch",
    "render_pdf",
]
