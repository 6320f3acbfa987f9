"""The main window: navigation for the three pillars, Tasks and Sync, and the status bar."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QGuiApplication, QKeySequence, QPaintEvent
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from injury_desk import __version__
from injury_desk.domain.errors import DomainError
from injury_desk.placeholders import arg
from injury_desk.services.permissions import allowed
from injury_desk.ui.env import UiEnv
from injury_desk.ui.messages import error_text, installed_language, role_label
from injury_desk.ui.permissions import permit
from injury_desk.ui.operations import Changes, QueryOp


# The pages built on first show. Plain imports inside functions (not module names in strings), so that
# the import-linter contract sees every page the window can load.


def _claims_page() -> type:
    from injury_desk.ui.claims.claims_page import ClaimsPage

    return ClaimsPage


def _rehab_cases_page() -> type:
    from injury_desk.ui.rehab.cases_page import RehabCasesPage

    return RehabCasesPage


def _tasks_page() -> type:
    from injury_desk.ui.tasks_page import TasksPage

    return TasksPage


def _monthly_run_page() -> type:
    from injury_desk.ui.claims.monthly_run_page import MonthlyRunPage

    return MonthlyRunPage


def _sync_page() -> type:
    from injury_desk.ui.sync.page import SyncPage

    return SyncPage


def _employers_page() -> type:
    from injury_desk.ui.prevention.employers_page import EmployersPage

    return EmployersPage


def _inspections_page() -> type:
    from injury_desk.ui.prevention.inspections_page import InspectionsPage

    return InspectionsPage


def _training_page() -> type:
    from injury_desk.ui.prevention.training_page import TrainingPage

    return TrainingPage


def _incidents_page() -> type:
    from injury_desk.ui.prevention.incidents_page import IncidentsPage

    return IncidentsPage


def _statistics_page() -> type:
    from injury_desk.ui.prevention.statistics_page import StatisticsPage

    return StatisticsPage


# The page each navigation row opens on (its section's first tab), by the row's index.
SECTION_PAGES = {0: _employers_page, 1: _claims_page, 2: _rehab_cases_page, 3: _tasks_page, 4: _sync_page}
CLAIMS_SECTION = 1  # where the window opens when no (or no valid) section was saved


def saved_section(settings: QSettings) -> int | None:
    """The navigation row the window was last closed on; None when none was saved or the value is not one."""
    try:
        section = int(settings.value("main/section"))
    except (TypeError, ValueError):
        return None  # never saved, or edited by hand into something else: the window opens on Claims
    return section if section in SECTION_PAGES else None


def import_section_page(settings: QSettings) -> None:
    """Import the module of the page the window will reopen on (the section saved in ``settings``): start-up
    calls this while it waits for the login anyway (the keyring, the password hash), instead of importing it
    when the window is built."""
    section = saved_section(settings)
    SECTION_PAGES[CLAIMS_SECTION if section is None else section]()


# After start-up, once the window has settled, the renderer and the form font are loaded (0.3 s of one core) and,
# on the first start on a machine, the fallback fonts unpacked into the font cache (a few seconds), instead of
# during someone's first print preview.
FONT_CACHE_DELAY_MS = 3_000


class LazyPage(QWidget):
    """Builds its page the first time it is shown, so start-up costs only the page the user sees.

    A ``quick`` page is built at once, even before the full services are up: its module loads no SQLAlchemy and
    its first rows come from the quick start (``env.quick``), read with sqlite3 alone as the claims list's are.
    Any other page reads through the full services, which the quick start opens only once the window is
    painted; shown before that (the window reopens on it), it says so and builds the page when they arrive:
    building it at once would open them on the GUI thread, before anything is on screen."""

    built = Signal(object)

    def __init__(self, env: UiEnv, page_class: Callable[[], type], *, quick: bool = False) -> None:
        super().__init__()
        self.env = env
        self.quick = quick
        self.page_class = page_class  # imports the page's module when called: the import runs on first show
        self.page = None
        self.waiting: QLabel | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    def ensure(self):
        """The page, built now (the services are opened first if need be)."""
        if self.page is None:
            if self.waiting is not None:
                self._layout.removeWidget(self.waiting)
                self.waiting.deleteLater()
                self.waiting = None
            self.page = self.page_class()(self.env)
            self._layout.addWidget(self.page)
            self.setFocusProxy(self.page)
            self.built.emit(self.page)  # before it is shown: the claims list's saved column layout comes first
            if self.isVisible():
                # Built while being shown: shown now, not on the next turn of the event loop (as a widget added to
                # a visible one would be), so a page that reads when shown (the claims list) has its rows at once.
                self.page.show()
        return self.page

    def _build_when_ready(self) -> None:
        if self.page is not None or self.waiting is not None:
            return
        if self.env.services_ready or self.quick:
            self.ensure()
            return
        self.waiting = QLabel(self.tr("Opening the database…"))
        self.waiting.setObjectName("page_waiting")
        self.waiting.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._layout.addWidget(self.waiting)
        self.env.when_services(self.ensure)

    def showEvent(self, event) -> None:
        self._build_when_ready()
        super().showEvent(event)

    def refresh(self) -> None:
        if self.page is not None and hasattr(self.page, "refresh"):
            self.page.refresh()


class MainWindow(QMainWindow):
    language_chosen = Signal(str)  # "en" or "zh_CN": app.py saves it for the user and rebuilds the window

    def __init__(self, env: UiEnv) -> None:
        super().__init__()
        self.env = env
        self.setObjectName("main_window")
        self.setWindowTitle(arg(self.tr("injury_desk — %1"), env.actor.office_name))
        self.pages: dict[str, object] = {}
        self._services_requested = False
        self._closed = False
        self.printing_prepared = False  # the renderer and fonts loaded ahead of the first print (_prepare_fonts)

        # Built when first shown, like every page: a window reopened on another page does not build (nor import)
        # the claims list behind it. ``claims_page`` builds it on demand.
        self.claims_tab = LazyPage(env, _claims_page, quick=True)
        self.claims_tab.built.connect(lambda page: page.restore_state())
        prevention = self._prevention_section()
        compensation = QTabWidget()
        compensation.setObjectName("compensation_tabs")
        self.compensation_tabs = compensation
        compensation.addTab(self.claims_tab, self.tr("Claims"))
        # issue 15: the monthly run, where a caseworker looks for "who is paid what this month"
        self.monthly_run_page = LazyPage(env, _monthly_run_page)
        self.monthly_run_page.built.connect(lambda page: page.open_claim.connect(self.open_claim))
        compensation.addTab(self.monthly_run_page, self.tr("Monthly run"))
        rehab = LazyPage(env, _rehab_cases_page, quick=True)
        self.tasks_page = LazyPage(env, _tasks_page, quick=True)
        sync = LazyPage(env, _sync_page, quick=True)
        self.tasks_page.built.connect(
            lambda page: page.open_claim.connect(self.open_claim) if hasattr(page, "open_claim") else None)

        self.stack = QStackedWidget()
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setMaximumWidth(220)
        self.nav.setMinimumWidth(120)
        self.nav.setSpacing(3)
        sections = [
            ("prevention", self.tr("Prevention"), prevention),
            ("compensation", self.tr("Compensation"), compensation),
            ("rehabilitation", self.tr("Rehabilitation"), rehab),
            ("tasks", self.tr("Tasks"), self.tasks_page),
            ("sync", self.tr("Sync"), sync),
        ]
        for number, (key, title, widget) in enumerate(sections, start=1):
            item = QListWidgetItem(f"{title}")
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setToolTip(arg(self.tr("Ctrl+%1"), number))
            self.nav.addItem(item)
            self.stack.addWidget(widget)
            self.pages[key] = widget
            action = QAction(self)
            action.setShortcut(QKeySequence(f"Ctrl+{number}"))
            action.triggered.connect(lambda _=False, n=number - 1: self.show_section(n))
            self.addAction(action)
        self.nav.currentRowChanged.connect(self._section_changed)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("main_splitter")
        self.splitter.addWidget(self.nav)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setCollapsible(1, False)
        self.splitter.setSizes([160, 1200])
        self.setCentralWidget(self.splitter)
        self._menus()
        self._status_bar()
        env.bus.changed.connect(lambda _w: self.update_pending())
        self._timer = QTimer(self)
        self._timer.setInterval(30_000)
        self._timer.timeout.connect(self.update_pending)
        self._timer.start()
        self.restore_layout()
        if self.nav.currentRow() < 0:
            self.show_section(CLAIMS_SECTION)
        if not env.services_ready and not self._shows_quick_page():
            # Reopened on a page that reads through the full services: open them now, while the window is being
            # built and the password checked, rather than after the first paint as the claims list can afford.
            self._services_requested = True
            self._load_services()

    @property
    def claims_page(self):
        """The claims list (a ClaimsPage), built now if it was not yet shown."""
        return self.claims_tab.ensure()

    def _page_in_view(self) -> LazyPage | None:
        page = self.stack.currentWidget()
        while isinstance(page, QTabWidget):
            page = page.currentWidget()
        return page if isinstance(page, LazyPage) else None

    def _shows_quick_page(self) -> bool:
        """Whether the page in view shows its first rows from the quick start (see LazyPage)."""
        page = self._page_in_view()
        return page is not None and page.quick

    def build_page_in_view(self) -> None:
        """Build the page in view now, with its first rows when it reads them from the quick start, while the
        window is still hidden: start-up calls this while the password is being checked (argon2, on the other
        core), instead of building the page when the window is first shown, after the check."""
        page = self._page_in_view()
        if page is not None and page.quick:
            page.ensure()

    def _prevention_section(self):
        tabs = QTabWidget()
        tabs.setObjectName("prevention_tabs")
        tabs.addTab(LazyPage(self.env, _employers_page, quick=True), self.tr("Employers"))
        tabs.addTab(LazyPage(self.env, _inspections_page), self.tr("Inspections"))
        tabs.addTab(LazyPage(self.env, _training_page), self.tr("Training"))
        tabs.addTab(LazyPage(self.env, _incidents_page), self.tr("Incidents"))
        tabs.addTab(LazyPage(self.env, _statistics_page), self.tr("Statistics"))
        return tabs

    def _menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        new_claim = file_menu.addAction(self.tr("&New claim…"))
        new_claim.setShortcut(QKeySequence.StandardKey.New)
        new_claim.triggered.connect(self.new_claim)
        permit(new_claim, self.env.actor, "claim.create")
        file_menu.addSeparator()
        if allowed(self.env.actor, "data.import"):
            import_records = file_menu.addAction(self.tr("&Import records…"))
            import_records.setObjectName("import_records_action")
            import_records.triggered.connect(lambda: self.import_records())
        if allowed(self.env.actor, "data.export"):
            export_records = file_menu.addAction(self.tr("E&xport records…"))
            export_records.setObjectName("export_records_action")
            export_records.triggered.connect(lambda: self.export_records())
        file_menu.addSeparator()
        if allowed(self.env.actor, "database.export_key"):  # administrators only: others never see it
            export_key = file_menu.addAction(self.tr("Export database &key…"))
            export_key.setObjectName("export_key_action")
            export_key.triggered.connect(self.export_key)
            file_menu.addSeparator()
        quit_action = file_menu.addAction(self.tr("&Quit"))
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        view = self.menuBar().addMenu(self.tr("&View"))
        refresh = view.addAction(self.tr("&Refresh"))
        refresh.setShortcut(QKeySequence.StandardKey.Refresh)
        refresh.triggered.connect(lambda: self.env.bus.changed.emit(Changes.everything()))
        find = view.addAction(self.tr("&Find claim"))
        find.setShortcut(QKeySequence.StandardKey.Find)
        find.triggered.connect(self.focus_claim_filter)
        view.addSeparator()
        language_menu = view.addMenu(self.tr("&Language"))
        language_menu.setObjectName("language_menu")
        group = QActionGroup(self)
        current = installed_language()
        # Each language is named in itself, so a user who cannot read the current one still finds theirs.
        for code, name in (("en", "English"), ("zh_CN", "简体中文")):
            action = language_menu.addAction(name)
            action.setObjectName(f"language_{code}")
            action.setCheckable(True)
            action.setChecked(code == current)
            group.addAction(action)
            action.triggered.connect(lambda _=False, c=code: self._choose_language(c))
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about = help_menu.addAction(self.tr("&About"))
        about.triggered.connect(self._about)

    def import_records(self, path: Path | None = None) -> None:
        """Import a JSON Lines file (docs/import-export.md): all records or none."""
        if path is None:
            from PySide6.QtWidgets import QFileDialog

            chosen, _ = QFileDialog.getOpenFileName(self, self.tr("Import records"), str(Path.home()),
                                                    self.tr("JSON Lines (*.jsonl);;All files (*)"))
            if not chosen:
                return
            path = Path(chosen)
        self._transfer("import", path)

    def export_records(self, path: Path | None = None) -> None:
        """Export the office's records to a JSON Lines file."""
        if path is None:
            from PySide6.QtWidgets import QFileDialog

            chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Export records"),
                                                    str(Path.home() / "office.jsonl"),
                                                    self.tr("JSON Lines (*.jsonl);;All files (*)"))
            if not chosen:
                return
            path = Path(chosen)
        self._transfer("export", path)

    def _transfer(self, mode: str, path: Path) -> None:
        from injury_desk.ui.transfer_dialog import TransferDialog

        self.transfer_dialog = TransferDialog(self.env, mode, path, self)
        self.transfer_dialog.open()

    def export_key(self) -> None:
        from injury_desk.ui.key_export_dialog import KeyExportDialog

        KeyExportDialog(self.env, self).exec()

    def _choose_language(self, code: str) -> None:
        if code != installed_language():
            self.language_chosen.emit(code)

    def _about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.about(self, self.tr("About injury_desk"),
                          arg(self.tr("injury_desk %1\nDatabase: %2"), __version__, self.env.database_path))

    def _status_bar(self) -> None:
        a = self.env.actor
        self.office_label = QLabel(arg(self.tr("Office: %1 %2"), a.office_code, a.office_name))
        self.user_label = QLabel(arg(self.tr("User: %1 (%2)"), a.display_name, role_label(a.role)))
        self.sync_label = QLabel(self.tr("Sync: not enrolled"))
        self.sync_label.setObjectName("sync_indicator")
        self.pending_label = QLabel()
        self.pending_label.setObjectName("pending_changes")
        for w in (self.office_label, self.user_label, self.sync_label, self.pending_label):
            self.statusBar().addPermanentWidget(w)
        self.sync_controller = None
        self.env.when_services(self.update_pending)
        self.env.when_services(self._connect_sync)
        self.env.when_services(lambda: QTimer.singleShot(FONT_CACHE_DELAY_MS, self, self._prepare_fonts), owner=self)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self.env.services_ready and not self._services_requested and self.isVisible():
            # Shown from the quick start: the full services open once the first rows are on the screen, off the
            # GUI thread (loading SQLAlchemy and every service takes a second or more), so the window stays
            # responsive meanwhile; whatever needs them waits in env.when_services, or for env.services.
            self._services_requested = True
            QTimer.singleShot(0, self, self._load_services)

    def _load_services(self) -> None:
        # Asking for the services off the GUI thread opens them there (UiEnv.services).
        QueryOp(self, self.env, query=lambda services: None).failure(self._services_failed).run()

    def _services_failed(self, exc: Exception) -> None:
        if not isinstance(exc, DomainError):
            raise exc  # the error handler shows it and logs the traceback
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.critical(self, QCoreApplication.translate("App", "Cannot open the database"), error_text(exc))
        self.close()

    def _prepare_fonts(self) -> None:
        from injury_desk.ui.operations import QueryOp

        # Nothing to tell the user either way: a font that could not be cached is unpacked when first needed.
        QueryOp(self, self.env, query=lambda services: services.printing.prepare_fonts(),
                success=self._fonts_prepared).failure(lambda _exc: None).run()

    def _fonts_prepared(self, _cached: int) -> None:
        self.printing_prepared = True

    def _connect_sync(self) -> None:
        from injury_desk.ui.sync.controller import sync_controller

        # The Sync page and this indicator share the env's controller, which also runs the automatic sync.
        self.sync_controller = sync_controller(self.env)
        self.sync_controller.state_changed.connect(self._show_sync_state)
        QTimer.singleShot(0, self, self._start_sync)  # after the window is up: the sync libraries load then

    def _start_sync(self) -> None:
        self.sync_controller.refresh()
        self.sync_controller.start_automatic()

    def _show_sync_state(self, state) -> None:
        from injury_desk.ui.sync.controller import indicator_text

        self.sync_label.setText(indicator_text(state))
        self.sync_label.setToolTip(state.error)

    def update_pending(self) -> None:
        if self._closed:
            return  # the user quit, or the database could not be opened: nothing more is asked of it
        actor = self.env.actor
        QueryOp(self, self.env, query=lambda services: services.outbox.pending_count(actor),
                success=lambda n: self.pending_label.setText(arg(self.tr("Unsynced changes: %1"), n))).superseding(
            "pending").run()

    def show_section(self, index: int) -> None:
        self.nav.setCurrentRow(index)

    def _section_changed(self, row: int) -> None:
        self.stack.setCurrentIndex(row)
        page = self.stack.currentWidget()
        if hasattr(page, "refresh"):
            page.refresh()

    def show_claims(self):
        """The claims list, in view: its section and tab shown (and the page built)."""
        self.show_section(CLAIMS_SECTION)
        self.compensation_tabs.setCurrentWidget(self.claims_tab)
        return self.claims_page

    def new_claim(self) -> None:
        self.show_claims().new_claim()

    def focus_claim_filter(self) -> None:
        page = self.show_claims()
        page.filter.setFocus()
        page.filter.selectAll()

    def open_claim(self, claim_id: str) -> None:
        self.show_claims().select_claim(claim_id)

    # ---------------------------------------------------------------- remembered layout

    def restore_layout(self) -> None:
        s = self.env.settings
        geometry = s.value("main/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        self.fit_to_screen()
        state = s.value("main/state")
        if state is not None:
            self.restoreState(state)
        splitter = s.value("main/splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)
        section = saved_section(s)
        if section is not None:
            self.show_section(section)

    def fit_to_screen(self) -> None:
        """Never larger than the screen's free area, and on it: a layout saved on a bigger monitor, or the
        default 1280×800 on a 1366×768 laptop (whose taskbar leaves about 728 pixels), would open cut off."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            return
        free = screen.availableGeometry()
        frame = self.frameGeometry().size() - self.geometry().size()  # title bar and borders
        width = min(self.width(), free.width() - frame.width())
        height = min(self.height(), free.height() - frame.height())
        self.resize(width, height)
        x = min(max(self.x(), free.left()), free.right() - width - frame.width() + 1)
        y = min(max(self.y(), free.top()), free.bottom() - height - frame.height() + 1)
        self.move(max(x, free.left()), max(y, free.top()))

    def save_layout(self) -> None:
        s = self.env.settings
        s.setValue("main/geometry", self.saveGeometry())
        s.setValue("main/state", self.saveState())
        s.setValue("main/splitter", self.splitter.saveState())
        s.setValue("main/section", self.nav.currentRow())
        if self.claims_tab.page is not None:  # never shown: its saved layout stays as it was
            self.claims_tab.page.save_state()
        s.sync()

    def closeEvent(self, event) -> None:
        # The window lives on until Qt deletes it: its status-bar poll and the change bus would go on reading
        # (and open the full services of a window closed before they were up).
        self._closed = True
        self._timer.stop()
        self.save_layout()
        if self.sync_controller is not None:
            self.sync_controller.stop_automatic()
            self.sync_controller.cancel()  # a running sync stops at its next clean point; nothing is lost
        self.env.runner.wait(10_000)
        super().closeEvent(event)
