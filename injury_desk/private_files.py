"""Files and folders private to the user: the data folder 0700; the database, backups, logs and exports 0600.

On Linux and macOS the modes are set (and corrected on an existing data folder made by an older
version with 0755). On Windows POSIX modes mean nothing: what is checked there is that the data folder
lies inside the user's own profile (``%USERPROFILE%``, where platformdirs puts it), whose ACL grants
access only to the user, SYSTEM and Administrators; a data folder elsewhere (``C:\\data``, another
drive) would inherit that drive's ACL, usually readable by every local user, and is refused. Then the
folder's own ACL is read (a profile folder can have been shared by hand): an entry that lets anyone but
the user, SYSTEM or Administrators read it, or the files created in it, is refused by name.
"""

from __future__ import annotations

import errno
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any, NamedTuple

from injury_desk.domain.errors import DomainError
from injury_desk.output_files import NotAFile, written_whole

DIR_MODE = 0o700
FILE_MODE = 0o600
# The GUI's private files in the data folder, named here because the GUI writes them and store/own_files.py guards
# them against outputs (ui/ imports nothing of store/).
SETTINGS_FILE = "settings.ini"
GUI_LOG_FILE = "errors.log"


def is_inside(path: Path, folder: Path) -> bool:
    """True when ``path`` is ``folder`` or below it (compared case-insensitively, as Windows paths are)."""
    inner = os.path.normcase(os.path.abspath(path))
    outer = os.path.normcase(os.path.abspath(folder))
    return inner == outer or inner.startswith(outer.rstrip("\\/") + os.sep)


def check_windows_profile(folder: Path, profile: Path | None) -> None:
    """The Windows rule: the data folder must be inside the user's profile (see the module docstring)."""
    if profile is None or not is_inside(folder, profile):
        raise DomainError("store.not_private", path=str(folder), profile=str(profile or ""))


class Ace(NamedTuple):
    """One entry of a Windows access-control list: allow or deny, inheritance flags, rights, whose SID."""

    allow: bool
    inherit_only: bool
    mask: int
    sid: str


# Who may read a data folder besides its user: the system itself and the machine's administrators, plus the
# placeholders Windows resolves to the file's creator/owner, who is the user here.
TRUSTED_SIDS = frozenset({
    "S-1-5-18",      # SYSTEM
    "S-1-5-32-544",  # BUILTIN\Administrators
    "S-1-3-0",       # CREATOR OWNER
    "S-1-3-4",       # OWNER RIGHTS
})
# Rights that let a holder read a file's contents: FILE_READ_DATA, GENERIC_READ, GENERIC_ALL.
READ_RIGHTS = 0x0000_0001 | 0x8000_0000 | 0x1000_0000


def readers_besides(aces: list[Ace] | None, user_sid: str) -> list[str]:
    """The SIDs other than the user's and the trusted ones that an ACL lets read the folder or, through
    inheritance (inherit-only entries included), the files created in it. ``None`` is a missing ACL,
    which Windows reads as "everyone may do everything"."""
    if aces is None:
        return ["S-1-1-0"]  # Everyone
    out: list[str] = []
    for ace in aces:
        if ace.allow and ace.mask & READ_RIGHTS and ace.sid != user_sid and ace.sid not in TRUSTED_SIDS:
            if ace.sid not in out:
                out.append(ace.sid)
    return out


def _windows_acl(folder: Path) -> tuple[list[Ace] | None, str, dict[str, str]]:
    """The folder's ACL, the user's SID, and an account name for each SID in the ACL (pywin32)."""
    import win32api
    import win32security

    descriptor = win32security.GetFileSecurity(str(folder), win32security.DACL_SECURITY_INFORMATION)
    dacl = descriptor.GetSecurityDescriptorDacl()
    token = win32security.OpenProcessToken(win32api.GetCurrentProcess(), win32security.TOKEN_QUERY)
    user_sid = win32security.ConvertSidToStringSid(win32security.GetTokenInformation(token,
                                                                                     win32security.TokenUser)[0])
    if dacl is None:
        return None, user_sid, {"S-1-1-0": "Everyone"}
    aces, names = [], {}
    for i in range(dacl.GetAceCount()):
        header, mask, sid = dacl.GetAce(i)[:3]  # a file's ACL holds only standard ACEs
        ace_type, flags = header
        text = win32security.ConvertSidToStringSid(sid)
        aces.append(Ace(ace_type == win32security.ACCESS_ALLOWED_ACE_TYPE,
                        bool(flags & win32security.INHERIT_ONLY_ACE), mask, text))
        try:
            name, domain, _kind = win32security.LookupAccountSid(None, sid)
            names[text] = f"{domain}\\{name}" if domain else name
        except win32security.error:  # a deleted account: its SID is all there is to show
            names[text] = text
    return aces, user_sid, names


def check_windows_acl(folder: Path, read_acl=_windows_acl) -> None:
    """The second Windows rule: nobody but the user, SYSTEM and Administrators may read the folder."""
    aces, user_sid, names = read_acl(folder)
    others = readers_besides(aces, user_sid)
    if others:
        raise DomainError("store.folder_shared", path=str(folder),
                          readers=", ".join(names.get(sid, sid) for sid in others))


def unwritable_folder(folder: Path, exc: OSError | None = None) -> DomainError:
    """``store.folder_unwritable`` for a folder the user may not write in (its permissions, a read-only disk), with
    the OS's reason when an OS call gave one."""
    reason = (exc.strerror or type(exc).__name__) if exc is not None else os.strerror(errno.EACCES)
    return DomainError("store.folder_unwritable", path=str(folder), reason=reason)


def refused_write(exc: OSError) -> bool:
    """Whether an OS error means the user may not write there (not: the path is wrong)."""
    return isinstance(exc, PermissionError) or exc.errno == errno.EROFS


# OS errors about the user's own path or disk (a name too long, a full disk or quota, a link loop), not our code.
_PATH_ERRNOS = frozenset(e for e in (errno.ENAMETOOLONG, errno.ENOSPC, errno.EFBIG, errno.ELOOP,
                                     getattr(errno, "EDQUOT", None)) if e is not None)


def os_refusal(exc: BaseException) -> DomainError | None:
    """The refusal to show for an OS error about a named file that the user can mend (its permissions, its name,
    its disk); None for any other error."""
    if not isinstance(exc, OSError) or not isinstance(exc.filename, (str, bytes, os.PathLike)) or not exc.filename:
        return None
    path, reason = os.fsdecode(exc.filename), exc.strerror or type(exc).__name__
    if refused_write(exc):
        return DomainError("store.permission_denied", path=path, reason=reason)
    if exc.errno in _PATH_ERRNOS:
        return DomainError("store.path_unusable", path=path, reason=reason)
    return None


def make_folder(folder: Path, mode: int = 0o777) -> Path:
    """Creates ``folder`` (and parents) if needed; ``store.not_a_folder`` when a file stands where a folder must,
    ``store.folder_unwritable`` when the folder that would hold it may not be written in."""
    folder = Path(folder)
    try:
        folder.mkdir(mode=mode, parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError) as exc:
        # mkdir says only "File exists" (or "Not a directory" for a file further up): the refusal names the file.
        blocker = next((p for p in (folder, *folder.parents) if p.exists() and not p.is_dir()), folder)
        raise DomainError("store.not_a_folder", path=str(folder), file=str(blocker)) from exc
    except OSError as exc:
        if not refused_write(exc):
            raise
        # The folder named is the one that exists and refused the new folder inside it.
        parent = next((p for p in folder.parents if p.is_dir()), folder.parent)
        raise unwritable_folder(parent, exc) from exc
    return folder


def private_dir(folder: Path) -> Path:
    """Creates ``folder`` (and parents) if needed; the folder itself becomes private to the user."""
    folder = Path(folder)
    if sys.platform == "win32":
        make_folder(folder)
        profile = os.environ.get("USERPROFILE")
        check_windows_profile(folder, Path(profile) if profile else None)
        check_windows_acl(folder)
        return folder
    make_folder(folder, DIR_MODE)
    try:
        # Only other users' access is taken away: a folder its owner made read-only stays so, and is refused below
        # by name instead of being made writable behind the owner's back.
        mode = folder.stat().st_mode & 0o777
        if mode & ~DIR_MODE:
            os.chmod(folder, mode & DIR_MODE)
    except OSError as exc:  # another user's folder: its owner alone may change its mode
        if not refused_write(exc):
            raise
        raise unwritable_folder(folder, exc) from exc
    if not os.access(folder, os.W_OK | os.X_OK):  # a read-only disk keeps the mode and still refuses writes
        raise unwritable_folder(folder)
    return folder


def private_file(path: Path) -> Path:
    """Makes an existing file readable and writable by the user only."""
    if sys.platform != "win32" and Path(path).exists() and Path(path).stat().st_mode & 0o777 != FILE_MODE:
        os.chmod(path, FILE_MODE)
    return Path(path)


def create_private_file(path: Path) -> Path:
    """Creates ``path`` empty with mode 0600 unless it exists (SQLite then keeps that mode for the file
    and gives its -wal and -shm files the same one)."""
    flags = os.O_CREAT | os.O_WRONLY | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags, FILE_MODE)
    os.close(fd)
    return private_file(path)


def append_private_text(path: Path, text: str) -> Path:
    """Appends ``text`` to ``path`` (a log), the file readable by the user only and its folder private."""
    path = Path(path)
    private_dir(path.parent)
    fd = os.open(path, os.O_CREAT | os.O_WRONLY | os.O_APPEND | getattr(os, "O_BINARY", 0), FILE_MODE)
    with os.fdopen(fd, "ab") as fh:
        # A log must take any text: a traceback may quote a lone surrogate (bytes of a name that were not UTF-8),
        # which strict UTF-8 refuses, and the failure to log would end in the very traceback it was to keep.
        fh.write(text.encode("utf-8", "backslashreplace"))
    return private_file(path)


def output_refusal(exc: OSError, path: Path | str, unwritable: str, *, field: str = "file") -> DomainError:
    """The refusal to show for a file a user chose that could not be written: ``output.not_a_file`` when a device, a
    pipe or a socket has its name, ``output.is_a_folder`` when a folder has it (both concern that name alone: a
    batch skips the one file), else the caller's own ``unwritable`` key with the path and the reason."""
    if isinstance(exc, NotAFile):
        return DomainError("output.not_a_file", field=field, path=str(path))
    if exc.errno == errno.EISDIR:
        return DomainError("output.is_a_folder", field=field, path=str(path))
    return DomainError(unwritable, field=field, path=str(path), reason=exc.strerror or str(exc))


@contextmanager
def private_output(path: Path | str, mode: str = "wb", *, unwritable: str, field: str = "file",
                   encoding: str | None = None, newline: str | None = None) -> Iterator[IO[Any]]:
    """output_files.written_whole for a file a user chose (an export, a report, a copy): checked first, readable by
    the user only, whole or not at all; a refusal or a failure to write is raised as output_refusal's DomainError."""
    try:
        with written_whole(path, mode, encoding=encoding, newline=newline) as fh:
            yield fh
    except OSError as exc:
        raise output_refusal(exc, path, unwritable, field=field) from exc
