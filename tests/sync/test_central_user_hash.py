"""Users made centrally get the login hash parameters the desktops check at every start."""

from __future__ import annotations

from sqlalchemy import select

from injury_desk.store.models import User
from tests.sync.in_process import PASSWORD, store  # noqa: F401 - the fixture


def test_a_central_user_s_password_hash_uses_the_login_parameters(store):  # noqa: F811
    from argon2 import PasswordHasher

    with store.reader.connect() as conn:
        stored = conn.execute(select(User.__table__.c.password_hash)
                              .where(User.__table__.c.username == "cw.gz01")).scalar_one()
    # OWASP's argon2id minimum, m=19 MiB (19456 KiB), t=2, p=1, as injury_desk/login_hash.py sets it; the
    # suite's cheap test parameters (tests/sync/conftest.py) are for device secrets only
    assert stored.startswith("$argon2id$v=19$m=19456,t=2,p=1$")
    assert PasswordHasher().verify(stored, PASSWORD)
