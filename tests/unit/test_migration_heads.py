"""Each Alembic chain (the desktop store's and the central store's) has exactly one head, and the desktop's is the
one start-up checks against: two engineers adding a revision on the same parent would leave two heads, and
`central migrate` would then refuse to run ("Multiple head revisions are present")."""

from __future__ import annotations

from pathlib import Path

from alembic.config import Config
from alembic.script import ScriptDirectory

from injury_desk.store import migrate

ROOT = Path(__file__).resolve().parents[2] / "injury_desk"


def heads(folder: Path) -> list[str]:
    config = Config()
    config.set_main_option("script_location", str(folder))
    return ScriptDirectory.from_config(config).get_heads()


def test_the_desktop_chain_has_one_head_the_one_start_up_expects():
    assert heads(ROOT / "store" / "migrations") == [migrate.HEAD_REVISION]


def test_the_central_chain_has_one_head():
    assert len(heads(ROOT / "central" / "migrations")) == 1
