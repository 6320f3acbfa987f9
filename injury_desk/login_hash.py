"""The argon2id parameters of users' login passwords: one rule for hashes made on a desktop and centrally."""

from __future__ import annotations

from argon2 import PasswordHasher

# OWASP's recommended minimum for argon2id (Password Storage Cheat Sheet: m=19 MiB, t=2, p=1), not argon2-cffi's
# RFC 9106 default (m=64 MiB, t=3, p=4). A desktop checks the password at every start, on the critical path of
# the first window, where the default costs 0.15-0.25 s of processor time; an offline attacker would first
# need the database key from the user's keyring (the file is SQLCipher-encrypted). Each hash records its
# parameters, so hashes made with earlier ones keep verifying; new and changed passwords get these.
LOGIN_HASH = {"time_cost": 2, "memory_cost": 19 * 1024, "parallelism": 1}


def login_hasher() -> PasswordHasher:
    return PasswordHasher(**LOGIN_HASH)
