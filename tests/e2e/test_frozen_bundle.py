"""The frozen one-folder bundle built by installer/build.py: its CLI and its GUI run, so no hidden import is missing.

Slow (PyInstaller takes minutes): `pytest -m "not slow"` leaves it out, CI runs it. The bundle is built once
per run into dist/injury-desk/, as a release build would be.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from injury_desk import __version__
from tests.integration.test_cli_calc import EXAMPLE

ROOT = Path(__file__).resolve().parents[2]
APP = ROOT / "dist" / "injury-desk"
EXE = ".exe" if os.name == "nt" else ""


def run_gui_to_login(command: list[str], data_dir: Path, probe: Path, **kw) -> subprocess.CompletedProcess:
    """Start the GUI offscreen on ``data_dir``; it writes the login dialog's title to ``probe`` and closes."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "INJURY_DESK_LOGIN_PROBE": str(probe),
           "INJURY_DESK_LANG": "en"}
    return subprocess.run([*command, "--data-dir", str(data_dir)], env=env, capture_output=True, text=True,
                          timeout=180, stdin=subprocess.DEVNULL, **kw)


def test_the_gui_from_source_reaches_the_login_dialog(tmp_path):
    probe = tmp_path / "probe.txt"
    result = run_gui_to_login([sys.executable, "-m", "injury_desk", "gui"], tmp_path / "data", probe)
    assert result.returncode == 0, result.stdout + result.stderr
    assert probe.read_text(encoding="utf-8").strip()  # the login dialog's title: it was on screen


def test_the_gui_from_source_with_demo_seeds_the_demo_then_reaches_the_login_dialog(tmp_path):
    from injury_desk.services.container import Services

    probe, data = tmp_path / "probe.txt", tmp_path / "data"
    result = run_gui_to_login([sys.executable, "-m", "injury_desk", "gui", "--demo"], data, probe)
    assert result.returncode == 0, result.stdout + result.stderr
    assert probe.read_text(encoding="utf-8").strip()
    services = Services.open(data)
    try:  # the demo caseworker of the login dialog's hint can log in
        assert services.auth.login("caseworker", "demo-caseworker").display_name
    finally:
        services.close()


@pytest.fixture(scope="module")
def bundle() -> Path:
    started = time.perf_counter()
    result = subprocess.run([sys.executable, str(ROOT / "installer" / "build.py")], cwd=ROOT, capture_output=True,
                            text=True, timeout=1800)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]
    print(f"\nFIGURE bundle_build_time {time.perf_counter() - started:.0f} s")
    return APP


def frozen_cli(bundle: Path, *args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    result = subprocess.run([str(bundle / f"injury-desk-cli{EXE}"), *args], capture_output=True, text=True,
                            timeout=300, stdin=subprocess.DEVNULL, cwd=cwd,
                            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, f"{args}: {result.stdout}{result.stderr}"
    return result


@pytest.mark.slow
def test_the_frozen_cli_answers_version_forms_and_calc(bundle, tmp_path):
    assert __version__ in frozen_cli(bundle, "--version").stdout
    assert "claim_application" in frozen_cli(bundle, "forms", "list").stdout
    case = tmp_path / "case.json"
    case.write_text(json.dumps(EXAMPLE), encoding="utf-8")
    out = json.loads(frozen_cli(bundle, "calc", str(case), cwd=tmp_path).stdout)
    # docs/calc.md's worked example: grade 4 is 21 months of the 6,000 wage base (Art. 35).
    one_time = next(i for i in out["items"] if i["code"] == "one_time_disability_subsidy")
    assert one_time["amount"] == "126000.00"


@pytest.mark.slow
def test_the_frozen_cli_makes_checks_and_prints_a_demo_database(bundle, tmp_path):
    data = tmp_path / "data"
    frozen_cli(bundle, "demo", "--claims", "5", "--data-dir", str(data))  # migrations run from the bundle
    assert "check: OK" in frozen_cli(bundle, "check", "--data-dir", str(data)).stdout
    pdf = tmp_path / "blank.pdf"
    frozen_cli(bundle, "print", "claim_application", "--blank", "-o", str(pdf), "--language", "zh")
    assert pdf.read_bytes().startswith(b"%PDF")  # the fonts and form definitions travelled with it


@pytest.mark.slow
def test_the_frozen_cli_prints_rare_characters_from_the_packed_fallback_fonts(bundle, tmp_path):
    from pypdf import PdfReader

    record = json.loads((ROOT / "tests" / "fixtures" / "print_records" / "claim.json").read_text(encoding="utf-8"))
    # Extensions A, B and G: one character from each compressed fallback font (issue 14's rare names).
    record["worker"]["name"] = "李䶮𠀀𰀀"
    rec = tmp_path / "claim.json"
    rec.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    pdf = tmp_path / "claim.pdf"
    frozen_cli(bundle, "print", "claim_application", "--record-json", str(rec), "-o", str(pdf), "--language", "zh")
    text = "".join("".join(page.extract_text() for page in PdfReader(str(pdf)).pages).split())
    assert "李䶮𠀀𰀀" in text


@pytest.mark.slow
def test_the_frozen_gui_starts_offscreen_to_the_login_dialog(bundle, tmp_path):
    probe = tmp_path / "probe.txt"
    result = run_gui_to_login([str(bundle / f"injury-desk{EXE}")], tmp_path / "data", probe)
    assert result.returncode == 0, result.stdout + result.stderr
    assert probe.read_text(encoding="utf-8").strip()
