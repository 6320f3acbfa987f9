"""Renders the form definitions in forms/ to PDF with ReportLab."""

from injury_desk.domain.lazy_names import lazy_names
from injury_desk.printing.definition import (
    FormDefinition,
    FormDefinitionError,
    check_all,
    load_all,
    load_form,
    parse_form,
)
from injury_desk.printing.records import COMPUTED, SCHEMAS
from injury_desk.resources import fonts_dir, forms_dir

# The renderer pulls in ReportLab's canvas, fonts and barcodes (about 0.3 s of imports): reading a form
# definition (the print menus ask whether a form has a blank to fill in) must not pay that at start-up.
_RENDERING = {"BatchResult": "batch", "render_batch": "batch", "LANGUAGES": "render", "qr_payload": "render",
              "render_pdf": "render", "write_pdf": "render"}


__getattr__ = lazy_names(__name__, _RENDERING, globals())


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
    "write_pdf",
]
