"""Print preview of one form: renders off the GUI thread, shows the pages, prints through QPrinter, saves as PDF."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QRectF, QSize, QSizeF, Qt, Signal
from PySide6.QtGui import QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from injury_desk.domain.errors import DomainError
from injury_desk.placeholders import arg
from injury_desk.printing.batch import printed_file_name
from injury_desk.private_files import private_output
from injury_desk.ui.env import UiEnv
from injury_desk.ui.messages import error_text
from injury_desk.ui.operations import QueryOp

LANGUAGE_SETTING = "printing/language"
SAVE_DIR_SETTING = "printing/save_dir"
# Rasterising at more than this only makes the print job bigger: forms have no detail finer than 300 dpi.
MAX_PRINT_DPI = 300


def language_combo(owner: QWidget, env: UiEnv) -> QComboBox:
    """The label-language choice shared by the print dialogs, starting at the user's last choice."""
    combo = QComboBox(owner)
    combo.setObjectName("print_language")
    combo.addItem(QCoreApplication.translate("PrintPreviewDialog", "Bilingual (中文 + English)"), "bilingual")
    combo.addItem(QCoreApplication.translate("PrintPreviewDialog", "中文"), "zh")
    combo.addItem(QCoreApplication.translate("PrintPreviewDialog", "English"), "en")
    index = combo.findData(env.settings.value(LANGUAGE_SETTING, "bilingual"))
    combo.setCurrentIndex(max(index, 0))
    return combo


def form_title(title: dict[str, str], form_id: str, language: str = "bilingual") -> str:
    """The form's title in the chosen label language (its id when the definition names none)."""
    if language == "zh":
        return title.get("zh") or form_id
    if language == "en":
        return title.get("en") or form_id
    return " / ".join(t for t in (title.get("zh"), title.get("en")) if t) or form_id


def show_form_title(parent: QWidget, env: UiEnv, form_id: str, apply: Callable[[str], object]) -> None:
    """``apply`` the form's id at once and its title once the form definitions are read (off the GUI thread:
    the first read loads the PDF libraries). An unknown form keeps its id; rendering reports it."""
    apply(form_id)
    QueryOp(parent, env, query=lambda services: dict(services.printing.form(form_id).title),
            success=lambda title: apply(form_title(title, form_id))).failure(lambda _exc: None).run()


class PrintPreviewDialog(QDialog):
    """The rendered pages of ``form_id`` for ``record_id`` (None: the blank fill-in form)."""

    rendered = Signal(int)  # page count, each time a rendering is shown
    render_failed = Signal(str)

    def __init__(self, env: UiEnv, form_id: str, record_id: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.form_id = form_id
        self.record_id = record_id
        self.setObjectName("print_preview")
        show_form_title(self, env, form_id, lambda title: self.setWindowTitle(arg(self.tr("Print preview — %1"), title)))
        self._generation = 0
        self._alive = True
        self._tmp = Path(tempfile.mkdtemp(prefix="injury-desk-preview-"))
        self.current_pdf: Path | None = None
        self._record: dict | None = None  # the printed record's fields, read with the rendering

        self.language = language_combo(self, env)
        self.language.currentIndexChanged.connect(self._language_changed)
        language_label = QLabel(self.tr("&Labels:"))
        language_label.setBuddy(self.language)
        self.zoom = QComboBox()
        self.zoom.setObjectName("print_zoom")
        self.zoom.addItem(self.tr("Fit width"), QPdfView.ZoomMode.FitToWidth)
        self.zoom.addItem(self.tr("Whole page"), QPdfView.ZoomMode.FitInView)
        self.zoom.currentIndexChanged.connect(lambda _i: self.view.setZoomMode(self.zoom.currentData()))
        zoom_label = QLabel(self.tr("&Zoom:"))
        zoom_label.setBuddy(self.zoom)
        self.status = QLabel()
        self.status.setObjectName("print_status")
        top = QHBoxLayout()
        top.addWidget(language_label)
        top.addWidget(self.language)
        top.addSpacing(12)
        top.addWidget(zoom_label)
        top.addWidget(self.zoom)
        top.addStretch(1)
        top.addWidget(self.status)

        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setObjectName("print_pages")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(12)

        self.print_button = QPushButton(self.tr("&Print…"))
        self.print_button.setObjectName("print_button")
        self.print_button.clicked.connect(self.print_document)
        self.save_button = QPushButton(self.tr("&Save as PDF…"))
        self.save_button.setObjectName("save_pdf_button")
        self.save_button.clicked.connect(self.save_as_pdf)
        close_button = QPushButton(self.tr("&Close"))
        close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(close_button)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self.resize(self._initial_size())
        self._render()

    def _initial_size(self) -> QSize:
        # A whole A4 page width at a readable size, but never taller than the screen (field-office laptops).
        wanted = QSize(820, 960)
        screen = self.screen() or QApplication.primaryScreen()
        if screen is None:
            return wanted
        room = screen.availableGeometry().size() * 0.9
        return QSize(min(wanted.width(), room.width()), min(wanted.height(), room.height()))

    # ------------------------------------------------------------ rendering

    def page_count(self) -> int:
        return self.document.pageCount() if self.current_pdf else 0

    def _language_changed(self, _index: int) -> None:
        self.env.settings.setValue(LANGUAGE_SETTING, self.language.currentData())
        self._render()

    def _render(self) -> None:
        # A newer request wins: a slow rendering for the previous language must not replace it when it lands.
        self._generation += 1
        generation = self._generation
        target = self._tmp / f"preview-{generation}.pdf"
        language = self.language.currentData()
        self._set_ready(False)
        self.status.setText(self.tr("Rendering…"))
        actor, form_id, record_id = self.env.actor, self.form_id, self.record_id

        def render(services):
            services.printing.render(actor, form_id, record_id, target, language=language)
            if record_id is None:
                return None
            try:  # what the saved file is named after
                return services.printing.record_for(actor, form_id, record_id)
            except DomainError:
                return {"form_record_id": record_id}

        QueryOp(self, self.env, query=render,
                success=lambda record, g=generation, p=target: self._loaded(g, p, record)).failure(
            lambda exc, g=generation: self._failed(g, exc)).run()

    def _loaded(self, generation: int, path: Path, record: dict | None = None) -> None:
        if not self._alive or generation != self._generation:
            return
        self._record = record
        previous = self.current_pdf
        self.document.load(str(path))
        self.current_pdf = path
        if previous is not None and previous != path:
            previous.unlink(missing_ok=True)
        pages = self.document.pageCount()
        self.status.setText(self.tr("%n page(s)", "", pages))
        self._set_ready(True)
        self.rendered.emit(pages)

    def _failed(self, generation: int, exc: Exception) -> None:
        if not self._alive or generation != self._generation:
            return
        text = error_text(exc)
        self.status.setText(self.tr("Not rendered"))
        self.render_failed.emit(text)
        QMessageBox.warning(self, self.tr("Cannot print this form"), text)

    def _set_ready(self, ready: bool) -> None:
        self.print_button.setEnabled(ready)
        self.save_button.setEnabled(ready)

    # ------------------------------------------------------------ output

    def default_file_name(self) -> str:
        """Named after the claim number people file it under, not the record's internal id."""
        record = self._record if self.record_id is not None else None
        return printed_file_name(self.form_id, record or ({"form_record_id": self.record_id} if self.record_id else None))

    def save_as_pdf(self) -> Path | None:
        if self.current_pdf is None:
            return None
        folder = Path(self.env.settings.value(SAVE_DIR_SETTING, str(Path.home())))
        name, _filter = QFileDialog.getSaveFileName(self, self.tr("Save as PDF"), str(folder / self.default_file_name()),
                                                    self.tr("PDF files (*.pdf)"))
        if not name:
            return None
        target = Path(name)
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        try:  # whole or not at all, readable by the user only, never over a device or a pipe
            with private_output(target, unwritable="print.output_unwritable") as fh:
                fh.write(self.current_pdf.read_bytes())
        except DomainError as exc:
            QMessageBox.warning(self, self.tr("Not saved"), error_text(exc))
            return None
        self.env.settings.setValue(SAVE_DIR_SETTING, str(target.parent))
        self.status.setText(arg(self.tr("Saved to %1"), str(target)))
        return target

    def print_document(self) -> None:
        if self.current_pdf is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        printer.setDocName(self.default_file_name())
        dialog = QPrintDialog(printer, self)
        dialog.setMinMax(1, self.document.pageCount())
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        pages = self.print_to(printer)
        self.status.setText(self.tr("%n page(s) sent to the printer", "", pages))

    def print_to(self, printer: QPrinter) -> int:
        """Draw each chosen page onto ``printer``; returns how many pages were printed.

        The pages are rasterised from the rendered PDF rather than re-laid out, so paper matches the
        preview exactly. Full-page mode maps the PDF page onto the whole sheet: the form's own margins are
        wider than any printer's unprintable edge, so nothing is lost and nothing is scaled twice.
        """
        count = self.document.pageCount()
        first, last = printer.fromPage(), printer.toPage()
        if first <= 0:
            first, last = 1, count
        last = min(last, count)
        printer.setFullPage(True)
        painter = QPainter()
        if not painter.begin(printer):
            QMessageBox.warning(self, self.tr("Not printed"), self.tr("The printer could not be opened."))
            return 0
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        printed = 0
        try:
            dpi = min(printer.resolution(), MAX_PRINT_DPI)
            for index in range(first - 1, last):
                if printed:
                    printer.newPage()
                points = self.document.pagePointSize(index)
                image = self.document.render(index, QSize(round(points.width() * dpi / 72),
                                                          round(points.height() * dpi / 72)))
                area = painter.viewport()
                fitted = QSizeF(image.size()).scaled(QSizeF(area.size()), Qt.AspectRatioMode.KeepAspectRatio)
                x = (area.width() - fitted.width()) / 2
                y = (area.height() - fitted.height()) / 2
                painter.drawImage(QRectF(x, y, fitted.width(), fitted.height()), image)
                printed += 1
        finally:
            painter.end()
            QApplication.restoreOverrideCursor()
        return printed

    # ------------------------------------------------------------ closing

    def done(self, result: int) -> None:
        self._alive = False
        self.document.close()
        shutil.rmtree(self._tmp, ignore_errors=True)
        super().done(result)
