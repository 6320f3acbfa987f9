"""The layer rules of DESIGN.md hold: checked with import-linter's contracts in pyproject.toml."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_import_contracts_are_kept():
    exe = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    assert exe, "import-linter is not installed in this environment"
    result = subprocess.run([exe], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


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


def test_central_is_forbidden_every_sync_module_but_the_protocol():
    import tomllib

    contracts = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]["contracts"]
    [central] = [c for c in contracts if c["source_modules"] == ["injury_desk.central"]]
    sync_modules = {f"injury_desk.sync.{p.stem}" for p in (ROOT / "injury_desk" / "sync").glob("*.py")
                    if p.stem not in ("__init__", "protocol", "version")}  # version: part of the protocol
    assert sync_modules <= set(central["forbidden_modules"])
