"""Renders the form definitions in forms/ to PDF with ReportLab."""

from importlib import import_module

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
              "render_pdf": "render"}


def __getattr__(name: str):
    module = _RENDERING.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


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
