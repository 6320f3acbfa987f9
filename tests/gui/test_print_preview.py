"""Print preview, Save as PDF, printing through QPrinter, the Print menus and batch printing with cancel."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from injury_desk.ui.batch_print import BatchPrintDialog
from injury_desk.ui.print_menu import print_actions, print_actions_for
from injury_desk.ui.print_preview import PrintPreviewDialog
from tests.conftest import claim_draft, employer_data

WAIT_MS = 30_000


def pages_of(path: Path) -> int:
    return len(PdfReader(str(path)).pages)


def text_of(path: Path) -> str:
    return "".join(p.extract_text() or "" for p in PdfReader(str(path)).pages)


def decided(services, actor, day: int) -> str:
    claim_id = services.claims.create(actor, claim_draft(accident_date=f"2026-10-{day:02d}"))
    services.claims.accept(actor, claim_id, {"accepted_on": "2026-11-11"})
    services.claims.decide(actor, claim_id, {"outcome": "recognised", "decided_on": "2026-11-20", "basis_code": "art14_1"})
    return claim_id


@pytest.fixture
def claim_id(services, cw):
    # A long account of the accident makes the application form run over more than one page.
    return services.claims.create(cw, claim_draft(circumstances="冲床意外下行，右手被压伤。" * 400))


def open_preview(qtbot, env, form_id, record_id) -> PrintPreviewDialog:
    dialog = PrintPreviewDialog(env, form_id, record_id)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.rendered, timeout=WAIT_MS):
        dialog.show()
    return dialog


def test_preview_shows_every_page_of_the_rendered_form(qtbot, env, services, cw, claim_id, tmp_path):
    expected = services.printing.render(cw, "claim_application", claim_id, tmp_path / "ref.pdf")
    assert expected > 1
    dialog = open_preview(qtbot, env, "claim_application", claim_id)
    assert dialog.page_count() == expected
    assert dialog.view.pageMode() == QPdfView.PageMode.MultiPage
    assert dialog.view.zoomMode() == QPdfView.ZoomMode.FitToWidth
    assert dialog.print_button.isEnabled() and dialog.save_button.isEnabled()
    assert str(expected) in dialog.status.text()


def test_save_as_pdf_writes_the_previewed_file(qtbot, env, claim_id, tmp_path, monkeypatch):
    dialog = open_preview(qtbot, env, "claim_application", claim_id)
    target = tmp_path / "saved" / "申请表"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    written = dialog.save_as_pdf()
    assert written == target.with_name("申请表.pdf") and written.exists()
    assert pages_of(written) == dialog.page_count()
    assert "张伟" in text_of(written)


def test_save_as_pdf_that_cannot_be_written_says_why_and_keeps_what_was_there(qtbot, env, claim_id, tmp_path,
                                                                               monkeypatch):
    dialog = open_preview(qtbot, env, "claim_application", claim_id)
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda parent, title, text, *a: shown.append((title, text))))
    folder = tmp_path / "letters"
    taken = folder / "申请表.pdf"
    taken.mkdir(parents=True)
    (taken / "kept.txt").write_text("someone's notes")  # a folder under the chosen name
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(taken), "")))
    assert dialog.save_as_pdf() is None
    [(title, text)] = shown
    assert title == "Not saved" and f"{taken} is a folder, not a file: nothing was written over it" in text
    assert (taken / "kept.txt").read_text() == "someone's notes" and list(folder.iterdir()) == [taken]
    assert "Saved to" not in dialog.status.text()
    # The same dialog saves once the user picks a free name.
    free = folder / "申请表-2.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(free), "")))
    assert dialog.save_as_pdf() == free and pages_of(free) == dialog.page_count()


def test_language_choice_renders_again(qtbot, env, claim_id, tmp_path, monkeypatch):
    dialog = open_preview(qtbot, env, "claim_application", claim_id)
    with qtbot.waitSignal(dialog.rendered, timeout=WAIT_MS):
        dialog.language.setCurrentIndex(dialog.language.findData("en"))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(tmp_path / "en.pdf"), "")))
    text = text_of(dialog.save_as_pdf())
    assert "Application" in text and "工伤认定申请表" not in text
    assert env.settings.value("printing/language") == "en"


def test_print_sends_every_page_to_the_printer(qtbot, env, claim_id, tmp_path):
    dialog = open_preview(qtbot, env, "claim_application", claim_id)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert dialog.print_to(printer) == dialog.page_count()
    assert pages_of(tmp_path / "printed.pdf") == dialog.page_count()


def test_a_form_that_cannot_be_printed_says_why(qtbot, env, claim_id, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda parent, title, text, *a: shown.append(text)))
    dialog = PrintPreviewDialog(env, "determination_decision", claim_id)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.render_failed, timeout=WAIT_MS) as blocker:
        dialog.show()
    assert "no injury determination" in blocker.args[0] and shown == [blocker.args[0]]
    assert not dialog.print_button.isEnabled() and not dialog.save_button.isEnabled()


def test_claim_print_menu_opens_the_blank_and_a_claim_form(qtbot, env, claim_id):
    selected = [None]
    owner = QWidget()
    qtbot.addWidget(owner)  # the dialogs delete themselves on close; their owner is what the test tracks
    menu = print_actions(env, owner, lambda: selected[0])
    names = [a.objectName() for a in menu.actions() if a.objectName()]
    assert names == ["print_claim_application", "print_determination_decision", "print_not_recognised_decision",
                     "print_missing_documents_notice", "print_not_accepted_notice", "print_appraisal_request",
                     "print_reappraisal_request", "print_benefit_calculation", "print_blank_claim_application",
                     "print_batch_decisions_today"]
    menu.aboutToShow.emit()
    assert not menu.actions()[0].isEnabled()  # no claim selected
    blank = next(a for a in menu.actions() if a.objectName() == "print_blank_claim_application")
    blank.trigger()
    with qtbot.waitSignal(menu.last_dialog.rendered, timeout=WAIT_MS):
        pass
    menu.last_dialog.reject()
    selected[0] = claim_id
    menu.aboutToShow.emit()
    notice = next(a for a in menu.actions() if a.objectName() == "print_missing_documents_notice")
    assert notice.isEnabled()
    notice.trigger()
    dialog = menu.last_dialog
    with qtbot.waitSignal(dialog.rendered, timeout=WAIT_MS):
        pass
    assert dialog.record_id == claim_id and dialog.form_id == "missing_documents_notice"
    dialog.reject()


def test_print_menu_for_an_inspection(qtbot, env, services, cw):
    employer_id = services.employers.create(cw, employer_data())
    insp = services.inspections.plan_inspection(cw, {"employer_id": employer_id, "planned_on": "2026-11-03"})
    owner = QWidget()
    qtbot.addWidget(owner)
    menu = print_actions_for(env, owner, "inspection_report", lambda: insp)
    # The blank joins once the form's definition is read (it has one to fill in by hand).
    qtbot.waitUntil(lambda: len(menu.actions()) == 2)
    assert [a.objectName() for a in menu.actions()] == ["print_inspection_report", "print_blank_inspection_report"]
    menu.actions()[0].trigger()
    with qtbot.waitSignal(menu.last_dialog.rendered, timeout=WAIT_MS):
        pass
    menu.last_dialog.reject()


def test_batch_of_three_decision_letters_writes_three_files(qtbot, env, services, cw, tmp_path):
    ids = [decided(services, cw, day) for day in (1, 2, 3)]
    dialog = BatchPrintDialog(env, "determination_decision", ids)
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(dialog.batch_finished, timeout=WAIT_MS) as blocker:
        dialog.start(tmp_path / "out")
    outcome = blocker.args[0]
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(
        f"determination_decision-{services.claims.get(cw, i).claim_no}.pdf" for i in ids)
    assert len(outcome.written) == 3 and not outcome.cancelled
    assert dialog.progress.value() == 3
    assert "3 file(s) written" in dialog.status.text()
    assert dialog.cancel_button.text() == "Close"


def test_cancel_stops_a_longer_batch(qtbot, env, services, cw, tmp_path):
    ids = [services.claims.create(cw, claim_draft(accident_date=f"2026-10-{day:02d}")) for day in range(1, 31)]
    dialog = BatchPrintDialog(env, "claim_application", ids)
    qtbot.addWidget(dialog)
    dialog.show()
    # Cancel as soon as the first file is reported: the batch must stop long before its thirtieth claim.
    dialog.progress.valueChanged.connect(lambda value: value >= 1 and dialog.running and dialog.cancel())
    with qtbot.waitSignal(dialog.batch_finished, timeout=WAIT_MS) as blocker:
        dialog.start(tmp_path / "out")
    outcome = blocker.args[0]
    assert outcome.cancelled
    assert 1 <= len(outcome.written) < len(ids)
    assert len(list((tmp_path / "out").glob("*.pdf"))) == len(outcome.written)
    assert not list((tmp_path / "out").glob("*.part"))
    assert "Cancelled" in dialog.status.text()


def test_printed_files_are_named_after_the_claim_number(qtbot, env, services, cw, claim_id, tmp_path):
    claim_no = services.claims.get(cw, claim_id).claim_no
    dialog = open_preview(qtbot, env, "claim_application", claim_id)
    assert dialog.default_file_name() == f"claim_application-{claim_no}.pdf"  # not the record's UUID
    batch = BatchPrintDialog(env, "claim_application", [claim_id])
    qtbot.addWidget(batch)
    batch.show()
    with qtbot.waitSignal(batch.batch_finished, timeout=WAIT_MS) as blocker:
        batch.start(tmp_path / "out")
    assert [p.name for p in blocker.args[0].written] == [f"claim_application-{claim_no}.pdf"]
