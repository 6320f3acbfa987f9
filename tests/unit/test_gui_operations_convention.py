"""The GUI reaches the task runner only through ui/operations.py, and the change bus carries Changes, not strings."""

from __future__ import annotations

import ast
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "injury_desk" / "ui"
# Start-up, before a window or a UiEnv exists: opening (and encrypting) the database and seeding the demo run
# on the runner behind their own progress loop (app.py).
START_UP = {"app.py"}


def _sources() -> list[tuple[str, ast.Module]]:
    return [(str(path.relative_to(UI)), ast.parse(path.read_text(encoding="utf-8")))
            for path in sorted(UI.rglob("*.py"))]


def _calls(tree: ast.Module, attribute: str) -> list[ast.Call]:
    return [node for node in ast.walk(tree)
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == attribute]


def test_only_the_operations_submit_work_to_the_runner():
    found = [f"{name}:{call.lineno}" for name, tree in _sources() if name not in START_UP | {"operations.py"}
             for call in _calls(tree, "submit")]
    assert not found, "use QueryOp/CollectionOp (ui/operations.py) instead of runner.submit: " + ", ".join(found)


def test_the_scan_sees_the_operations_own_submit():
    # So the test above cannot pass because the scan finds nothing at all.
    names = [name for name, tree in _sources() if _calls(tree, "submit")]
    assert "operations.py" in names


def test_the_change_bus_is_given_changes_not_strings():
    found = []
    for name, tree in _sources():
        for call in _calls(tree, "emit"):
            target = call.func.value
            if isinstance(target, ast.Attribute) and target.attr == "changed" and call.args \
                    and isinstance(call.args[0], ast.Constant) and isinstance(call.args[0].value, str):
                found.append(f"{name}:{call.lineno}")
    assert not found, "bus.changed.emit takes an operations.Changes: " + ", ".join(found)
