"""Builds the one-folder app: compiles the translations (lrelease), then runs PyInstaller on the spec.

    uv run python installer/build.py [--smoke]       (PyInstaller is a dev dependency)

Output: dist/injury-desk/ (injury-desk, injury-desk-cli and _internal/). --smoke runs the built
console executable once (--version, forms list) so a broken bundle fails the build.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "installer" / "injury_desk.spec"
DIST = ROOT / "dist"
WORK = ROOT / "build"
APP = "injury-desk"


def compile_translations() -> list[Path]:
    """Every resources/translations/*.ts to its .qm with PySide6's lrelease (the .qm files are git-ignored)."""
    done = []
    for ts in sorted((ROOT / "resources" / "translations").glob("*.ts")):
        qm = ts.with_suffix(".qm")
        # PySide6's own wrapper finds the lrelease binary inside the PySide6 wheel, whatever the venv layout.
        cmd = [sys.executable, "-c", "from PySide6.scripts.pyside_tool import lrelease; lrelease()",
               "-silent", str(ts), "-qm", str(qm)]
        subprocess.run(cmd, check=True)
        if not qm.exists():
            raise SystemExit(f"lrelease did not write {qm}")
        print(f"lrelease: {ts.relative_to(ROOT)} -> {qm.name} ({qm.stat().st_size} bytes)")
        done.append(qm)
    if not done:
        print("lrelease: no .ts sources in resources/translations; the build ships no GUI translations")
    return done


def run_pyinstaller(clean: bool) -> Path:
    cmd = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--distpath", str(DIST), "--workpath", str(WORK)]
    if clean:
        cmd.append("--clean")
    subprocess.run([*cmd, str(SPEC)], check=True, cwd=ROOT)
    return DIST / APP


def cli_executable(app_dir: Path) -> Path:
    return app_dir / (f"{APP}-cli.exe" if os.name == "nt" else f"{APP}-cli")


def smoke(app_dir: Path) -> None:
    exe = cli_executable(app_dir)
    for args in (["--version"], ["forms", "list"]):
        print(f"smoke: {exe.name} {' '.join(args)}")
        subprocess.run([str(exe), *args], check=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-clean", action="store_true", help="reuse PyInstaller's cache in build/")
    parser.add_argument("--smoke", action="store_true", help="run the built console executable once")
    args = parser.parse_args()
    compile_translations()
    app_dir = run_pyinstaller(clean=not args.no_clean)
    print(f"built: {app_dir}")
    if args.smoke:
        smoke(app_dir)
    return 0


if __name__ == "__main__":
    sys.exit(main())
