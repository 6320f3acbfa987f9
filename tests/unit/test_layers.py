"""The layer rules of DESIGN.md hold: checked with import-linter's contracts in pyproject.toml."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def test_import_contracts_are_kept():
    exe = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    assert exe, "import-linter is not installed in this environment"
    result = subprocess.run([exe], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_pyflakes_checks_pass():
    """ruff's pyflakes rules (pyproject.toml): no unused import, no undefined name, no definition that silently
    replaces another, over the application, the benchmarks and the tests."""
    exe = shutil.which("ruff", path=str(Path(sys.executable).parent))
    assert exe, "ruff is not installed in this environment"
    result = subprocess.run([exe, "check", "--no-cache", "--output-format", "concise", "injury_desk", "bench",
                             "tests"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr


def test_no_module_outside_ui_imports_pyside6():
    offenders = []
    for path in (ROOT / "injury_desk").rglob("*.py"):
        rel = path.relative_to(ROOT / "injury_desk").parts
        if rel[0] == "ui":
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip().startswith(("import PySide6", "from PySide6")):
                offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []


def test_every_module_has_a_docstring():
    missing = []
    for path in (ROOT / "injury_desk").rglob("*.py"):
        text = path.read_text(encoding="utf-8").lstrip()
        if path.name != "script.py.mako" and not text.startswith(('"""', "'''", "r\"\"\"")):
            missing.append(str(path.relative_to(ROOT)))
    assert missing == []


# Each breach is one import added to one module of a scratch copy of the package; the contracts must fail.
BREACHES = [
    ("services/claims.py", "import injury_desk.ui.messages", "a service reads the GUI's wording"),
    ("printing/render.py", "import injury_desk.store.models", "printing reads the database"),
    ("domain/money.py", "import injury_desk.store.base", "the domain knows the store"),
    ("domain/rehab.py", "import sqlalchemy", "the domain speaks SQL"),
    ("store/capture.py", "import injury_desk.sync.engine", "the store knows the sync engine"),
    ("store/models.py", "import injury_desk.services.actor", "the store reaches up to services"),
    ("central/push.py", "import injury_desk.sync.engine", "central uses the desktop's sync engine"),
    ("central/app.py", "import injury_desk.services.claims", "central uses desktop services"),
    ("sync/engine.py", "import injury_desk.central.push", "the desktop sync and central are independent"),
    ("ui/env.py", "import injury_desk.store.database", "the GUI opens the store itself"),
    ("ui/claims/list_model.py", "import sqlalchemy", "the GUI builds a query"),
    ("store/models.py", "import injury_desk.printing.records", "store and printing are independent"),
    ("ui/messages.py", "import injury_desk.commands.common", "ui and commands are independent"),
    ("services/people.py", "import PySide6.QtCore", "Qt outside ui"),
    ("protocol/messages.py", "import injury_desk.store.rowcodec", "the protocol depends on the store"),
    ("domain/errors.py", "import injury_desk.catalogue.rules", "the domain knows the GUI's wording"),
    ("protocol/messages.py", "import injury_desk.catalogue.rules", "protocol and catalogue are independent"),
    ("newthing.py", "import injury_desk.domain.money", "a top-level module outside every layer"),
]


def _lint_copy(tmp_path: Path) -> subprocess.CompletedProcess:
    exe = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    # The scratch copy comes first on the path, so import-linter analyses it and not the checkout.
    env = {**os.environ, "PYTHONPATH": str(tmp_path)}
    return subprocess.run([exe, "--no-cache"], cwd=tmp_path, capture_output=True, text=True, timeout=300, env=env)


@pytest.fixture
def scratch(tmp_path):
    shutil.copytree(ROOT / "injury_desk", tmp_path / "injury_desk", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def test_the_scratch_copy_keeps_the_contracts(scratch):
    result = _lint_copy(scratch)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


@pytest.mark.parametrize(("module", "line", "why"), BREACHES, ids=[b[2] for b in BREACHES])
def test_each_breach_of_the_layers_fails_the_contracts(scratch, module, line, why):
    target = scratch / "injury_desk" / module
    text = target.read_text(encoding="utf-8") if target.exists() else '"""A module no layer holds."""\n'
    # After the module's imports' __future__ line (which must come first), a plain import at module level.
    lines = text.splitlines(keepends=True)
    at = next((i + 1 for i, raw in enumerate(lines) if raw.startswith("from __future__")), 1)
    lines.insert(at, line + "  # noqa\n")
    target.write_text("".join(lines), encoding="utf-8")
    result = _lint_copy(scratch)
    assert result.returncode != 0, f"{why}: {line} in {module} passed\n{result.stdout}"
    assert "BROKEN" in result.stdout or "broken" in result.stdout.split("Contracts:")[-1]
    assert "0 broken" not in result.stdout


def test_the_package_has_no_import_cycles():
    """No module reaches itself through its imports (cli <-> commands and page <-> wizard <-> dialog were)."""
    import grimp

    graph = grimp.build_graph("injury_desk")
    imports = {m: graph.find_modules_directly_imported_by(m) for m in graph.modules}
    cycles = []
    for module in sorted(imports):
        # A module is in a cycle when it can be reached again from one of the modules it imports.
        seen, todo = set(), list(imports[module])
        while todo:
            other = todo.pop()
            if other == module:
                cycles.append(module)
                break
            if other not in seen:
                seen.add(other)
                todo.extend(imports.get(other, ()))
    assert cycles == []
