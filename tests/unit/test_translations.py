"""The Simplified Chinese translation: complete, placeholders intact, and in step with the GUI code.

The .ts file is the source of truth for translations; `docs/translations.md` says how to update it.
A string added to the GUI without running lupdate and translating it fails
`test_every_gui_string_is_in_the_ts_file` with the string's text and where it is.
"""

from __future__ import annotations

import ast
import io
import re
import tokenize
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TS_FILE = ROOT / "resources" / "translations" / "injury_desk_zh_CN.ts"
TS_FILES = sorted((ROOT / "resources" / "translations").glob("*.ts"))
UI_DIR = ROOT / "injury_desk" / "ui"
CATALOGUE_DIR = ROOT / "injury_desk" / "catalogue"  # QT_TRANSLATE_NOOP("Context", "...") entries

# {name} (str.format), %1..%99 (Qt's numbered ones, filled by placeholders.arg), %s and %d (printf), %n (plural).
PLACEHOLDER = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*\}|%[1-9][0-9]?|%[sdn]")
# What a source may not use: a translator cannot reorder %s/%d (Python's % raises, issue 14's crash), and
# {name} is not Qt's; only %1, %2 ... (and %n) are.
NOT_NUMBERED = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*\}|%(?![1-9])[-+#0.]*[sdifxXeEgGcr]")
# One or more adjacent string literals (implicit concatenation across lines); no f-strings.
_LITERAL = r"""(?:[rRuU]?"(?:[^"\\\n]|\\.)*"|[rRuU]?'(?:[^'\\\n]|\\.)*')"""
_LITERALS = rf"(?P<{{name}}>{_LITERAL}(?:\s*{_LITERAL})*)"
SELF_TR = re.compile(r"\bself\.tr\(\s*" + _LITERALS.format(name="source"))
TRANSLATE = re.compile(
    r"\bQCoreApplication\.translate\(\s*" + _LITERALS.format(name="context") + r"\s*,\s*" + _LITERALS.format(name="source")
)
NOOP = re.compile(
    r"\bQT_TRANSLATE_NOOP\(\s*" + _LITERALS.format(name="context") + r"\s*,\s*" + _LITERALS.format(name="source")
)
CLASS = re.compile(r"^class\s+(\w+)", re.MULTILINE)

# Calls pyside6-lupdate 6.10 cannot extract correctly. They stay English at run time until the Python
# is rewritten (spell out QCoreApplication.translate("Context", "...") or self.tr("...") as a call of
# its own); then lupdate finds them, they get translated, and their entry here must go.
# self.tr(...) inside an f-string's {...}: lupdate does not look into f-strings at all.
NOT_EXTRACTED: set[tuple[str, str]] = set()
# Extracted under a context that is not the one used at run time, so the translation is never found:
#   tr = QCoreApplication.translate; tr("Messages", "...")  -> source "Messages", the text as a comment
#   tr = StepDialog.tr; tr("...")                           -> context "" instead of "StepDialog"
#   owner.tr("..."), parent.tr("...")                       -> context "owner" / "parent", not the class
WRONG_CONTEXT_FILES: set[str] = set()


def _messages(ts_file: Path = TS_FILE) -> list[tuple[str, ET.Element]]:
    root = ET.parse(ts_file).getroot()
    return [(context.findtext("name") or "", message)
            for context in root.iter("context") for message in context.iter("message")]


def _active(message: ET.Element) -> bool:
    return message.find("translation").get("type") not in ("vanished", "obsolete")


def _translations(message: ET.Element) -> list[str]:
    translation = message.find("translation")
    if message.get("numerus") == "yes":
        return [form.text or "" for form in translation.iter("numerusform")]
    return [translation.text or ""]


def _wrong_context(context: str) -> bool:
    """A context no run-time lookup uses: empty, a variable name, or QCoreApplication itself."""
    return context == "QCoreApplication" or not re.fullmatch(r"_*[A-Z]\w*", context)


def _file(message: ET.Element) -> str:
    location = message.find("location")
    return (location.get("filename") or "").replace("../../", "") if location is not None else ""


def _where(context: str, message: ET.Element) -> str:
    location = message.find("location")
    place = f" ({location.get('filename')}:{location.get('line')})" if location is not None else ""
    return f"[{context}] {message.findtext('source')!r}{place}"


def _f_string_spans(text: str) -> list[tuple[int, int]]:
    """Character ranges of the f-strings in ``text`` (lupdate does not read the calls inside them)."""
    starts = [0]
    for line in text.splitlines(keepends=True):
        starts.append(starts[-1] + len(line))
    spans = []
    for token in tokenize.generate_tokens(io.StringIO(text).readline):
        if token.type == tokenize.STRING and "f" in token.string.split("'")[0].split('"')[0].lower():
            spans.append((starts[token.start[0] - 1] + token.start[1], starts[token.end[0] - 1] + token.end[1]))
    return spans


def _gui_strings() -> list[tuple[str, str, str]]:
    """(context, source, file:line) for every literal passed to self.tr( or QCoreApplication.translate( in ui.

    A call inside an f-string gets " (inside an f-string)" after its line: lupdate never extracts those.
    """
    found = []
    for path in sorted([*UI_DIR.rglob("*.py"), *CATALOGUE_DIR.rglob("*.py")]):
        text = path.read_text(encoding="utf-8")
        f_strings = _f_string_spans(text)
        classes = [(m.start(), m.group(1)) for m in CLASS.finditer(text)]
        for pattern in (SELF_TR, TRANSLATE, NOOP):
            for match in pattern.finditer(text):
                source = ast.literal_eval("(" + match.group("source") + ")")
                if pattern is not SELF_TR:
                    context = ast.literal_eval("(" + match.group("context") + ")")
                else:
                    before = [name for start, name in classes if start < match.start()]
                    context = before[-1] if before else ""
                line = text.count("\n", 0, match.start()) + 1
                where = f"{path.relative_to(ROOT).as_posix()}:{line}"
                if any(start <= match.start() < end for start, end in f_strings):
                    where += " (inside an f-string)"
                found.append((context, source, where))
    return found


def _file_of(where: str) -> str:
    return where.split(":", 1)[0]


def test_ts_file_is_for_simplified_chinese():
    root = ET.parse(TS_FILE).getroot()
    assert root.get("language") == "zh_CN"
    assert root.get("sourcelanguage") == "en"
    assert len(_messages()) > 500


def test_every_message_has_a_finished_translation():
    problems = []
    for context, message in _messages():
        if not _active(message):
            continue
        translation = message.find("translation")
        texts = _translations(message)
        if translation.get("type") == "unfinished" or not texts or not all(t.strip() for t in texts):
            problems.append(_where(context, message))
    assert not problems, "untranslated or unfinished messages:\n" + "\n".join(problems)


@pytest.mark.parametrize("ts_file", TS_FILES, ids=lambda p: p.name)
def test_placeholders_match_between_source_and_translation(ts_file):
    """Every translation has exactly the placeholders of its source, each as often, in any order."""
    problems = []
    for context, message in _messages(ts_file):
        if not _active(message):
            continue
        source = message.findtext("source") or ""
        if _wrong_context(context) and message.findtext("comment"):
            source = message.findtext("comment")  # tr = QCoreApplication.translate: the text became the comment
        expected = Counter(PLACEHOLDER.findall(source))
        for text in _translations(message):
            if Counter(PLACEHOLDER.findall(text)) != expected:
                problems.append(f"{_where(context, message)} -> {text!r}")
    assert not problems, "placeholders differ:\n" + "\n".join(problems)


@pytest.mark.parametrize("ts_file", TS_FILES, ids=lambda p: p.name)
def test_sources_use_only_qt_numbered_placeholders(ts_file):
    """%1, %2 ... numbered from 1 without gaps, so placeholders.arg fills each; never %s, %d or {name}."""
    problems = []
    for context, message in _messages(ts_file):
        source = message.findtext("source") or ""
        numbers = sorted({int(n) for n in re.findall(r"%([1-9][0-9]?)", source)})
        if NOT_NUMBERED.search(source.replace("%%", "")) or numbers != list(range(1, len(numbers) + 1)):
            problems.append(_where(context, message))
    assert not problems, "sources with other placeholders than %1, %2 ...:\n" + "\n".join(problems)


def test_gui_code_uses_only_qt_numbered_placeholders():
    """The same for every string the GUI passes to tr(), translated or not yet."""
    bad = [f"{where}: {source!r}" for _context, source, where in _gui_strings() if NOT_NUMBERED.search(source)]
    assert not bad, "tr() strings with %s, %d or {name}; use %1, %2 and placeholders.arg:\n" + "\n".join(bad)


_CJK = r"[\u3400-\u9fff\uf900-\ufaff\U00020000-\U0003134f]"
CHINESE_PUNCTUATION = [
    ("an ASCII comma next to Chinese text (use ，)", re.compile(rf"{_CJK},|,\s*{_CJK}")),
    ("ASCII parentheses around or next to Chinese text (use （）; only a mnemonic is (&X))",
     re.compile(rf"{_CJK}\s*\((?![&*])|\({_CJK}|{_CJK}\)|\)\s*(?={_CJK})")),  # (*.pdf): a file filter Qt parses
    ("an ASCII colon after Chinese text (use ：)", re.compile(rf"{_CJK}:(?!//)")),
    ("an ASCII semicolon after Chinese text (use ；)", re.compile(rf"{_CJK};")),
    ("an ASCII question or exclamation mark after Chinese text", re.compile(rf"{_CJK}[?!]")),
    ("a doubled full stop", re.compile(r"。。|。\.|\.。|%[1-9]。。")),
]


@pytest.mark.parametrize("ts_file", TS_FILES, ids=lambda p: p.name)
def test_chinese_text_uses_chinese_punctuation(ts_file):
    problems = []
    if not ET.parse(ts_file).getroot().get("language", "").startswith("zh"):
        return
    for context, message in _messages(ts_file):
        if not _active(message):
            continue
        for text in _translations(message):
            problems += [f"{_where(context, message)}: {what} -> {text!r}"
                         for what, pattern in CHINESE_PUNCTUATION if pattern.search(text)]
    assert not problems, "\n".join(problems)


def test_mnemonics_are_kept_in_chinese_style():
    """"&New claim…" becomes "新建申报(&N)…": the same key, in brackets after the Chinese text."""
    problems = []
    for context, message in _messages():
        source = (message.findtext("source") or "").replace("&&", "")
        key = re.search(r"&(\w)", source)
        if not _active(message) or not key:
            continue
        for text in _translations(message):
            if f"(&{key.group(1).upper()})" not in text:
                problems.append(f"{_where(context, message)} -> {text!r}")
    assert not problems, "mnemonic missing or different:\n" + "\n".join(problems)


def test_plural_messages_have_one_chinese_form_with_the_count():
    plurals = [(c, m) for c, m in _messages() if m.get("numerus") == "yes" and _active(m)]
    assert plurals, "expected plural messages such as '%n claim(s)'"
    for context, message in plurals:
        forms = _translations(message)
        assert len(forms) == 1 and "%n" in forms[0], _where(context, message)


def test_every_gui_string_is_in_the_ts_file():
    in_ts = {(context, message.findtext("source")) for context, message in _messages() if _active(message)}
    gui = [entry for entry in _gui_strings() if (_file_of(entry[2]), entry[1]) not in NOT_EXTRACTED]
    assert len(gui) > 500, "the scan of injury_desk/ui found too few strings: is the pattern still right?"
    missing = [f"{where}: [{context}] {source!r}" for context, source, where in gui if (context, source) not in in_ts]
    assert not missing, ("strings in the GUI code but not in the .ts file under their context; run lupdate and "
                         "translate them (docs/translations.md). A call inside an f-string is never extracted: "
                         "make it a call of its own.\n" + "\n".join(missing))


def test_messages_are_extracted_under_their_run_time_context():
    """New aliases of tr/translate, or tr called on another object, fail here; see WRONG_CONTEXT_FILES."""
    bad = [_where(context, message) for context, message in _messages()
           if _active(message) and _wrong_context(context) and _file(message) not in WRONG_CONTEXT_FILES]
    assert not bad, ("lupdate filed these under a context no run-time lookup uses, so they stay English; write "
                     "QCoreApplication.translate(\"Context\", \"...\") or self.tr(\"...\") instead:\n" + "\n".join(bad))


def test_known_extraction_gaps_are_still_current():
    """When the Python is fixed, the entry in NOT_EXTRACTED / WRONG_CONTEXT_FILES must go (and lupdate run)."""
    in_ts = {(context, message.findtext("source")) for context, message in _messages() if _active(message)}
    still_missing = {(_file_of(where), source) for context, source, where in _gui_strings()
                     if (context, source) not in in_ts}
    fixed = [entry for entry in NOT_EXTRACTED if entry not in still_missing]
    assert not fixed, f"no longer an extraction gap, remove from NOT_EXTRACTED: {sorted(fixed)}"
    files = {_file(message) for context, message in _messages() if _active(message) and _wrong_context(context)}
    assert not WRONG_CONTEXT_FILES - files, (
        f"no longer extracted under a wrong context, remove from WRONG_CONTEXT_FILES: {sorted(WRONG_CONTEXT_FILES - files)}")


def test_no_f_strings_are_translated():
    """tr(f"...") looks up the already formatted text, which is never in the .ts file."""
    offenders = []
    for path in sorted(UI_DIR.rglob("*.py")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if re.search(r"(\.tr|\.translate)\((?:\s*[\"'][^\"']*[\"']\s*,)?\s*[fF][\"']", line):
                offenders.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert not offenders, "\n".join(offenders)


@pytest.fixture
def chinese(qapp, monkeypatch):
    from injury_desk.ui.app import install_translations, ui_language

    monkeypatch.setenv("INJURY_DESK_LANG", "zh_CN")
    installed = install_translations(qapp, ui_language())
    yield installed
    for translator in installed:
        qapp.removeTranslator(translator)


def test_chinese_translation_loads_in_the_application(chinese, qapp):
    from PySide6.QtCore import QCoreApplication

    assert chinese, "no translator was installed for zh_CN"
    assert QCoreApplication.translate("Labels", "Reported") == "已报告"
    assert QCoreApplication.translate("ClaimsPage", "%n claim(s)", "", 3) == "3 件申报"


def test_english_again_after_the_translators_are_removed(qapp):
    from PySide6.QtCore import QCoreApplication

    assert QCoreApplication.translate("Labels", "Reported") == "Reported"


def test_scale_names_are_chinese_in_chinese_text(chinese, qapp):
    """Rehabilitation goals read "巴氏指数", not the English scale name inside Chinese text (issue 14)."""
    from injury_desk.ui.messages import measure_label, measure_short

    for measure in ("barthel", "pain", "work_hours"):
        for text in (measure_label(measure), measure_short(measure)):
            assert not re.search(r"[A-Za-z]{3,}", text), text
