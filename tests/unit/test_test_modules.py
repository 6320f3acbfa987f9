"""Where tests belong, in the manner of qutebrowser's scripts/dev/check_coverage.py.

Each source module below holds logic that deserves tests of its own: it must have a test module named after
it (``test_<...><name>.py``) that imports it. A module whose logic is only covered in passing by other tests
is not listed until it gets one; adding a module here is how a reviewer asks for it.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

MODULE_TESTS = {
    "injury_desk/domain/identifiers.py": "tests/unit/test_identifiers.py",
    "injury_desk/domain/lifecycle.py": "tests/unit/test_lifecycle.py",
    "injury_desk/domain/deadlines.py": "tests/unit/test_deadlines.py",
    "injury_desk/domain/rehab.py": "tests/unit/test_rehab.py",
    "injury_desk/domain/prevention_budget.py": "tests/unit/test_prevention_budget.py",
    "injury_desk/domain/payments.py": "tests/unit/test_payments.py",
    "injury_desk/domain/compensation/engine.py": "tests/unit/test_compensation_engine.py",
    "injury_desk/domain/compensation/inputs.py": "tests/unit/test_compensation_inputs.py",
    "injury_desk/domain/compensation/rules.py": "tests/unit/test_compensation_rules.py",
    "injury_desk/domain/compensation/adjustments.py": "tests/unit/test_compensation_adjustments.py",
    "injury_desk/domain/compensation/dependants.py": "tests/unit/test_compensation_dependants.py",
    "injury_desk/placeholders.py": "tests/unit/test_placeholders.py",
    "injury_desk/output_files.py": "tests/unit/test_output_files.py",
    "injury_desk/resources.py": "tests/unit/test_resources.py",
    "injury_desk/store/batches.py": "tests/unit/test_batches.py",
    "injury_desk/store/quick_sync.py": "tests/integration/test_plain_quick_sync.py",
    "injury_desk/printing/render.py": "tests/unit/test_printing_render.py",
    "injury_desk/central/merge.py": "tests/unit/test_merge.py",
    "injury_desk/central/push.py": "tests/sync/test_central_push.py",
    "injury_desk/sync/engine.py": "tests/sync/test_sync_engine.py",
    "injury_desk/services/case_file.py": "tests/integration/test_case_file.py",
    "injury_desk/services/quick_start.py": "tests/integration/test_quick_start.py",
    "injury_desk/services/employer_rows.py": "tests/integration/test_employer_rows.py",
    "injury_desk/ui/claims/assessment_dialog.py": "tests/gui/test_assessment_dialog.py",
    "injury_desk/ui/print_preview.py": "tests/gui/test_print_preview.py",
    "injury_desk/ui/sync/page.py": "tests/gui/test_sync_page.py",
    "injury_desk/ui/tasks_page.py": "tests/gui/test_tasks_page.py",
    "injury_desk/ui/main_window.py": "tests/gui/test_main_window.py",
}


def _dotted(source: str) -> str:
    return source.removesuffix(".py").replace("/", ".")


@pytest.mark.parametrize(("source", "test"), sorted(MODULE_TESTS.items()), ids=sorted(MODULE_TESTS))
def test_the_module_has_a_test_module_named_after_it_that_imports_it(source, test):
    assert (ROOT / source).is_file(), f"{source} is gone: update MODULE_TESTS"
    path = ROOT / test
    assert path.is_file(), f"{source} needs its test module {test}"
    stem = Path(source).stem
    assert path.stem.startswith("test_") and path.stem.endswith(stem), f"{test} is not named after {stem}"
    dotted = _dotted(source)
    package, _, name = dotted.rpartition(".")
    text = path.read_text(encoding="utf-8")
    imports = re.search(rf"^\s*(from {re.escape(dotted)} import|import {re.escape(dotted)}\b|"
                        rf"from {re.escape(package)} import)", text, re.MULTILINE)
    # A service is reached the way the GUI reaches it: through the container (services.<name>).
    through_container = package == "injury_desk.services" and re.search(rf"\bservices\.{name}\.", text)
    assert imports or through_container, f"{test} does not import {dotted}"


def test_every_listed_test_module_exists_once():
    tests = list(MODULE_TESTS.values())
    assert len(tests) == len(set(tests))
