"""The Windows data folder's ACL rule (issue 16): only the user, SYSTEM and Administrators may read it.

The ACL itself is read with pywin32 on Windows only; these tests give the rule the entries a real profile
folder and a hand-shared folder carry (SIDs as ``icacls`` shows them) and check what it refuses."""

from __future__ import annotations

import pytest

from injury_desk.domain.errors import DomainError
from injury_desk.private_files import Ace, check_windows_acl, readers_besides

USER = "S-1-5-21-1004336348-1177238915-682003330-1001"
FULL = 0x001F01FF  # FILE_ALL_ACCESS
READ = 0x00120089  # FILE_GENERIC_READ, which contains FILE_READ_DATA
TRAVERSE_ONLY = 0x00100020  # SYNCHRONIZE | FILE_TRAVERSE: may pass through, not read

# What %LOCALAPPDATA%\injury-desk inherits from a profile: the user, SYSTEM, Administrators, full control.
PROFILE = [Ace(True, False, FULL, USER), Ace(True, False, FULL, "S-1-5-18"), Ace(True, False, FULL, "S-1-5-32-544")]


def test_a_folder_inside_the_profile_is_private():
    assert readers_besides(PROFILE, USER) == []
    check_windows_acl("C:/Users/zhang/AppData/Local/injury-desk", read_acl=lambda _f: (PROFILE, USER, {}))


def test_users_or_everyone_who_may_read_are_refused_by_name():
    shared = PROFILE + [Ace(True, False, READ, "S-1-5-32-545"), Ace(True, False, FULL, "S-1-1-0")]
    assert readers_besides(shared, USER) == ["S-1-5-32-545", "S-1-1-0"]
    names = {"S-1-5-32-545": "BUILTIN\\Users", "S-1-1-0": "Everyone"}
    with pytest.raises(DomainError) as caught:
        check_windows_acl("D:/data", read_acl=lambda _f: (shared, USER, names))
    assert caught.value.key == "store.folder_shared"
    assert caught.value.params == {"path": "D:/data", "readers": "BUILTIN\\Users, Everyone"}


def test_an_entry_only_for_the_files_created_inside_counts_too():
    # Inherit-only: it does not apply to the folder but to the database created in it.
    assert readers_besides(PROFILE + [Ace(True, True, READ, "S-1-5-11")], USER) == ["S-1-5-11"]


def test_rights_that_do_not_read_and_denials_are_not_a_leak():
    assert readers_besides(PROFILE + [Ace(True, False, TRAVERSE_ONLY, "S-1-5-32-545")], USER) == []
    assert readers_besides(PROFILE + [Ace(False, False, FULL, "S-1-1-0")], USER) == []


def test_generic_rights_count_as_reading():
    assert readers_besides([Ace(True, False, 0x8000_0000, "S-1-5-32-545")], USER) == ["S-1-5-32-545"]  # GENERIC_READ
    assert readers_besides([Ace(True, False, 0x1000_0000, "S-1-5-11")], USER) == ["S-1-5-11"]  # GENERIC_ALL


def test_a_folder_without_an_acl_is_open_to_everyone():
    # A NULL DACL grants every access to everyone.
    assert readers_besides(None, USER) == ["S-1-1-0"]
