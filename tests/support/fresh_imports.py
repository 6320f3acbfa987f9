"""Which modules importing one module loads: known only in a fresh interpreter that imported nothing else."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterable


def loaded_by(module: str, watched: Iterable[str] = ("sqlalchemy",)) -> list[str]:
    """The ``watched`` modules a fresh interpreter has loaded after ``import module``, sorted."""
    names = sorted(watched)
    code = (f"import json, sys, {module}; "
            f"print(json.dumps([m for m in {names!r} if m in sys.modules]))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)
