"""The one reader of rule files in resources/rules/: JSON read exactly, typed look-ups naming file and key."""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, NoReturn, Self

from injury_desk.domain.errors import DomainError

SUPPORTED_FORMAT = 1
NATIONAL_DIR = "national"
NATIONAL_NAME = re.compile(r"^(\d{4}-\d{2}-\d{2})\.json$")
DISPOSABLE_INCOME_FILE = "disposable_income.json"


def rel_path(path: Path, root: Path) -> str:
    """``path`` as written in messages: relative to the rules folder, with forward slashes."""
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return str(path)


class RulesFile:
    """Typed access to one JSON rule document; every problem names the file and the key path.

    ``error_key`` is the message key of the refusal, so that each kind of rule file keeps its own wording
    (the compensation rules say "tell the administrator", the prevention budget names its cap).
    """

    def __init__(self, doc: Any, file: str, error_key: str = "rules.invalid_file") -> None:
        self.doc = doc
        self.file = file
        self.error_key = error_key

    @classmethod
    def open(cls, path: Path, root: Path, error_key: str = "rules.invalid_file") -> Self:
        file = rel_path(path, root)
        try:
            # parse_float=Decimal: a statutory share written as a JSON number must not pass through binary floats
            doc = json.loads(path.read_text(encoding="utf-8"), parse_float=Decimal)
        except (OSError, UnicodeDecodeError) as exc:
            raise DomainError(error_key, file=file, problem=f"cannot read: {exc}") from exc
        except json.JSONDecodeError as exc:
            raise DomainError(error_key, file=file, problem=f"malformed JSON at line {exc.lineno}") from exc
        if not isinstance(doc, dict):
            raise DomainError(error_key, file=file, problem="top level must be an object")
        reader = cls(doc, file, error_key)
        fmt = reader.get("format")
        if fmt != SUPPORTED_FORMAT:
            reader.fail("format", f"unsupported format {fmt!r}, expected {SUPPORTED_FORMAT}")
        return reader

    def fail(self, path: str, problem: str) -> NoReturn:
        # The entry leads the problem text too: the messages show {problem}, and a reader must find the key.
        raise DomainError(self.error_key, file=self.file, entry=path, problem=f"{path}: {problem}")

    def get(self, path: str, default: Any = ...) -> Any:
        node = self.doc
        for part in path.split("."):
            if not isinstance(node, dict) or part not in node:
                if default is not ...:
                    return default
                self.fail(path, "missing")
            node = node[part]
        return node

    def text(self, path: str, default: Any = ...) -> str:
        value = self.get(path, default)
        if not isinstance(value, str) or not value.strip():
            self.fail(path, "must be a non-empty string")
        return value

    def boolean(self, path: str, default: Any = ...) -> bool:
        value = self.get(path, default)
        if not isinstance(value, bool):
            self.fail(path, "must be true or false")
        return value

    def obj(self, path: str, default: Any = ...) -> dict[str, Any]:
        value = self.get(path, default)
        if not isinstance(value, dict) or (not value and default is ...):
            self.fail(path, "must be a non-empty object")
        return value

    def number(self, path: str, value: Any = ..., *, positive: bool = True) -> Decimal:
        if value is ...:
            value = self.get(path)
        if isinstance(value, bool) or not isinstance(value, (str, int, Decimal)):
            self.fail(path, "must be a number written as a string or JSON number")
        try:
            result = Decimal(str(value).strip())
        except InvalidOperation:
            self.fail(path, f"not a number: {value!r}")
        if not result.is_finite() or result < 0 or (positive and result == 0):
            self.fail(path, f"must be a {'positive' if positive else 'non-negative'} number")
        return result

    def whole(self, path: str, value: Any = ...) -> int:
        number = self.number(path, value)
        if number != number.to_integral_value():
            self.fail(path, "must be a whole number")
        return int(number)


def national_files(directory: Path) -> list[tuple[str, Path]]:
    """The national rule files of the rules ``directory`` (``national/YYYY-MM-DD.json``, the day each comes into
    force), oldest first, with the day as written; DomainError ``rules.directory_missing`` (also when it holds
    none), or ``rules.invalid_file`` for a file named otherwise (the disposable income file aside)."""
    national_dir = Path(directory) / NATIONAL_DIR
    if not national_dir.is_dir():
        raise DomainError("rules.directory_missing", path=str(national_dir))
    found = []
    for path in sorted(national_dir.glob("*.json")):
        if path.name == DISPOSABLE_INCOME_FILE:
            continue
        m = NATIONAL_NAME.match(path.name)
        if not m:
            raise DomainError("rules.invalid_file", file=rel_path(path, directory),
                              problem="name must be YYYY-MM-DD.json")
        found.append((m.group(1), path))
    if not found:  # without one nothing can be calculated, for any day: the files are missing, not the day's
        raise DomainError("rules.directory_missing", path=str(national_dir))
    return found


def national_file_in_force(directory: Path, on: date) -> tuple[str, Path]:
    """The national rule file in force on ``on`` (the newest one whose day is not after it), as national_files
    lists it; DomainError ``rules.no_national_rules`` when none is."""
    files = national_files(directory)
    starts = []
    for day, path in files:
        try:
            starts.append(date.fromisoformat(day))
        except ValueError:  # 2011-13-01.json
            raise DomainError("rules.invalid_file", file=rel_path(path, directory),
                              problem="name must be YYYY-MM-DD.json") from None
    i = bisect_right(starts, on)
    if i == 0:
        raise DomainError("rules.no_national_rules", date=on.isoformat())
    return files[i - 1]


def check_national_day(r: RulesFile, day: str) -> None:
    """A national file's ``effective_from`` is the day its name gives (``day``, as national_files lists it)."""
    if r.text("effective_from") != day:
        r.fail("effective_from", f"must equal the file name date {day}")
