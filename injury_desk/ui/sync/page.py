"""Sync: enrolment, the queue and its state, Sync now with progress and cancel, conflicts, rejected changes,
and sync packages for offices without a network."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from injury_desk.placeholders import arg
from injury_desk.services.permissions import allowed
from injury_desk.services.sync_rows import quick_lists
from injury_desk.ui.row_table import Column, RowTable, RowTableModel, error_label
from injury_desk.ui.messages import error_text, field_label, listed, op_label, rule_text, table_label
from injury_desk.ui.sync.common import BOOKKEEPING, age_text, local_time, record_label, record_names, sync_service
from injury_desk.ui.sync.conflicts import ConflictsView
from injury_desk.ui.sync.controller import SyncState, sync_controller
from injury_desk.ui.sync.enrol import EnrolForm
from injury_desk.ui.sync.rejected import RejectedView
from injury_desk.ui.operations import Changes, CollectionOp, QueryOp


def _value_label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class SyncPage(QWidget):
    """Everything about this desktop's sync; the state comes from the env's SyncController."""

    def __init__(self, env, parent=None) -> None:
        super().__init__(parent)
        self.env = env
        self.controller = sync_controller(env)
        self.pending_count = 0
        self._lists_ok = False
        self._names: dict[tuple[str, str], str] = {}  # (table, row id) -> the record as the lists name it
        self._insecure_saving = False  # the plain-HTTP box's change is being saved
        self._insecure_status = None  # the status the box last showed
        self._pending_shown = 0
        self.first_shown = False  # True once the lists show their rows (the start-up benchmark waits for it)

        # ------------------------------------------------------------ enrolment
        self.enrol_box = QGroupBox(self.tr("Enrol this desktop"))
        self.enrol_box.setObjectName("enrol_box")
        self.enrolment = QLabel(self.tr(
            "This desktop is not yet enrolled with a central sync service, so changes stay on this computer "
            "for now. They are kept safely in order and will be sent once the desktop is enrolled."))
        self.enrolment.setWordWrap(True)
        self.enrolment.setObjectName("enrol_text")
        self._enrol_title, self._enrol_text = self.enrol_box.title(), self.enrolment.text()
        self.may_enrol = allowed(env.actor, "sync.enrol")
        self.enrol_form = EnrolForm(allow_insecure_option=allowed(env.actor, "sync.configure"))
        self.enrol_form.submitted.connect(self.enrol)
        self.enrol_note = QLabel(self.tr("Only a supervisor or an administrator can enrol this desktop."))
        self.enrol_note.setWordWrap(True)
        self.enrol_note.setVisible(not self.may_enrol)
        self.enrol_form.setVisible(self.may_enrol)
        enrol_layout = QVBoxLayout(self.enrol_box)
        enrol_layout.addWidget(self.enrolment)
        enrol_layout.addWidget(self.enrol_note)
        enrol_layout.addWidget(self.enrol_form)

        # ------------------------------------------------------------ state
        self.state_box = QGroupBox(self.tr("Sync with the central service"))
        self.central_label = _value_label("sync_central")
        self.pending_label = _value_label("sync_pending")
        font = self.pending_label.font()
        font.setBold(True)
        self.pending_label.setFont(font)
        self.oldest_label = _value_label("sync_oldest")
        self.last_ok_label = _value_label("sync_last_success")
        self.next_label = _value_label("sync_next")
        self.report_label = _value_label("sync_report")
        self.error = error_label()
        self.error.setObjectName("sync_error")
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # Credentials the keyring kept under addresses no longer used (each sync tries removing them again).
        self.kept_notice = error_label()
        self.kept_notice.setObjectName("sync_old_credentials")
        self.kept_notice.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.info = _value_label("sync_info")
        self.info.setWordWrap(True)
        self.info.setVisible(False)
        self.action_error = error_label()
        self.action_error.setObjectName("sync_action_error")
        grid = QFormLayout()
        grid.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        grid.addRow(self.tr("Central service:"), self.central_label)
        grid.addRow(self.tr("Waiting to be sent:"), self.pending_label)
        grid.addRow(self.tr("Oldest unsent change:"), self.oldest_label)
        grid.addRow(self.tr("Last successful sync:"), self.last_ok_label)
        grid.addRow(self.tr("Automatic sync:"), self.next_label)
        grid.addRow(self.tr("Last run:"), self.report_label)
        # Administrators only: plain HTTP to a non-local central service (refused unless allowed here).
        self.insecure_box = QCheckBox(self.tr("Allow plain HTTP to the central service (unencrypted; only on a "
                                              "trusted network)"))
        self.insecure_box.setObjectName("sync_allow_insecure")
        self.insecure_box.setVisible(False)
        self.insecure_box.toggled.connect(self._set_insecure)
        grid.addRow("", self.insecure_box)

        self.sync_button = QPushButton(self.tr("&Sync now"))
        self.sync_button.setObjectName("sync_now")
        self.sync_button.clicked.connect(self.sync_now)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("sync_cancel")
        self.cancel_button.clicked.connect(self.controller.cancel)
        self.progress = QProgressBar()
        self.progress.setObjectName("sync_progress")
        self.progress.setTextVisible(False)
        self.progress.setMaximumWidth(260)
        self.phase_label = QLabel()
        self.export_button = QPushButton(self.tr("&Export package…"))
        self.export_button.setObjectName("export_package")
        self.export_button.setToolTip(self.tr("Write the unsent changes to a file, for an office without a network"))
        self.export_button.clicked.connect(self.export_package)
        self.import_button = QPushButton(self.tr("&Import reply…"))
        self.import_button.setObjectName("import_reply")
        self.import_button.setToolTip(self.tr("Read the reply file the central service wrote for a package"))
        self.import_button.clicked.connect(self.import_reply)
        actions = QHBoxLayout()
        actions.addWidget(self.sync_button)
        actions.addWidget(self.cancel_button)
        actions.addWidget(self.progress)
        actions.addWidget(self.phase_label, 1)
        actions.addWidget(self.export_button)
        actions.addWidget(self.import_button)
        state_layout = QVBoxLayout(self.state_box)
        state_layout.addLayout(grid)
        state_layout.addWidget(self.error)
        state_layout.addWidget(self.kept_notice)
        state_layout.addWidget(self.info)
        state_layout.addWidget(self.action_error)
        state_layout.addLayout(actions)

        # ------------------------------------------------------------ lists
        columns = [
            Column(self.tr("No."), lambda c: c.seq, right=True),
            Column(self.tr("Record"), lambda c: table_label(c.table), text=self._record_text),
            Column(self.tr("Change"), lambda c: c.op, text=lambda c: op_label(c.op)),
            Column(self.tr("Made"), lambda c: c.created_at),
            # Last, because it is the long one: the other columns stay in view.
            Column(self.tr("Fields"), lambda c: listed(
                field_label(f) for f in c.fields
                if f not in BOOKKEEPING and not (f == "deleted" and c.op != "delete"))),
        ]
        self.pending_model = RowTableModel(columns, self)
        self.pending = RowTable(self.pending_model)
        self.pending.setObjectName("pending_table")
        self.pending.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        # The rows are read in queue order, the list's first order: the proxy keeps them so (its header still shows
        # the order) until the user picks another, instead of comparing hundreds of rows through Python each read.
        self.pending.proxy.sort(-1)
        self.conflicts = ConflictsView(env)
        self.conflicts.stale.connect(self.reload_lists)
        self.rejected = RejectedView(env)
        self.rejected.stale.connect(self.reload_lists)
        self.rejected.corrected.connect(self.sync_now)  # "Correct and resend"
        self.tabs = QTabWidget()
        self.tabs.setObjectName("sync_tabs")
        self.tabs.addTab(self.pending, "")
        self.tabs.addTab(self.conflicts, "")
        self.tabs.addTab(self.rejected, "")

        layout = QVBoxLayout(self)
        layout.addWidget(self.enrol_box)
        layout.addWidget(self.state_box)
        layout.addWidget(self.tabs, 1)

        self.controller.state_changed.connect(self._show_state)
        self.controller.finished.connect(self._finished)
        self.controller.failed.connect(self._failed)
        env.bus.changed.connect(self._on_bus)
        self._show_state(self.controller.state)  # what is known now; the rest follows as it is read
        self.refresh()

    # ---------------------------------------------------------------- reading

    def _set_insecure(self, allowed_now: bool) -> None:
        actor = self.env.actor
        self._insecure_saving = True

        def saved(_result) -> None:  # the change notice started a new read of the state, which shows it
            self._insecure_saving = False

        def failed(exc: Exception) -> None:  # shown on the page; the setting stays as it was
            self._insecure_saving = False
            self._insecure_status = None
            self.action_error.setText(error_text(exc))
            self.action_error.setVisible(True)
            self.controller.refresh()  # the box shows the setting as it is

        CollectionOp(self, self.env, op=lambda services: sync_service(services).set_insecure_http(actor, allowed_now),
                     changes=Changes(settings=True), success=saved).failure(failed).run()

    def _record_text(self, change) -> str:
        return self._names.get((change.table, change.row_id)) or table_label(change.table)

    def refresh(self) -> None:
        self.controller.refresh()  # shows the state through _show_state
        self.reload_lists()

    def _on_bus(self, _changes: Changes) -> None:
        self.reload_lists()  # the controller re-reads the counts itself

    def reload_lists(self) -> None:
        """The waiting, conflicting and refused changes with their records' names, read off the GUI thread;
        before the full services are open, at once from the quick start (the reads the services make)."""
        actor = self.env.actor

        def query(services):
            sync = sync_service(services)
            pending = services.outbox.list(actor, state="pending")
            conflicts = sync.conflicts(actor)
            rejected = sync.rejected(actor)
            return pending, conflicts, rejected, record_names(services, actor, [*pending, *conflicts, *rejected])

        QueryOp(self, self.env, query=query, success=self._show_lists,
                quick=lambda q: q.read(quick_lists, actor)).failure(self._lists_failed).superseding("lists").run()

    def _lists_failed(self, exc: Exception) -> None:  # shown on the page; the tables keep what they had
        self.error.setText(error_text(exc))
        self.error.setVisible(True)
        self._lists_ok = False

    def _show_lists(self, lists) -> None:
        pending, conflicts, rejected, found = lists
        self._lists_ok = True
        self._pending_shown = len(pending)
        names = {(row.table, row.row_id): record_label((row.table, row.row_id), found)
                 for row in (*pending, *conflicts, *rejected)}
        self._names = names
        self.conflicts.names = names
        self.rejected.names = names
        self.pending.set_rows(pending)
        self.conflicts.set_rows(conflicts)
        self.rejected.set_rows(rejected)
        self.tabs.setTabText(0, self.tr("Waiting to be sent (%n)", "", self.pending_count or len(pending)))
        self.tabs.setTabText(1, self.tr("Conflicts (%n)", "", len(conflicts)))
        self.tabs.setTabText(2, self.tr("Rejected (%n)", "", len(rejected)))
        self._show_state(self.controller.state)
        self.first_shown = True

    def _show_state(self, state: SyncState) -> None:
        st = state.status
        enrolled = state.enrolled
        # Until the state is read, an enrolled desktop must not flash the enrolment form. One whose credential the
        # service refused as unknown (or the keyring lost) gets it back, to enrol again with a new code.
        again = st is not None and st.credential_gone
        self.enrol_box.setVisible(st is not None and (not enrolled or again))
        if again:
            self.enrol_box.setTitle(self.tr("Enrol this desktop again"))
            self.enrolment.setText(self.tr(
                "The central service no longer accepts this desktop's credential: its enrolment was withdrawn, or "
                "this computer's keyring lost it. Ask the central administrator for a new one-time code and enrol "
                "again. The changes waiting here are kept and sent once the desktop is enrolled."))
            if not self.enrol_form.url_edit.text():
                self.enrol_form.url_edit.setText(st.central_url)
        elif st is not None:
            self.enrol_box.setTitle(self._enrol_title)
            self.enrolment.setText(self._enrol_text)
        self.enrol_form.set_busy(state.running and state.task == "enrol")
        if st is not None:
            self.pending_count = st.pending
            self.pending_label.setText(self.tr("%n local change(s) not yet synced", "", st.pending))
            if st.oldest_pending is None:
                self.oldest_label.setText(self.tr("Nothing is waiting."))
            else:
                self.oldest_label.setText(arg(self.tr("%1 (%2 ago)"), local_time(st.oldest_pending), age_text(st.oldest_pending)))
            if self._lists_ok and self._pending_shown < st.pending:
                self.oldest_label.setText(self.oldest_label.text() + " " + arg(self.tr(
                    "The list shows the first %1."), self._pending_shown))
            if enrolled:
                self.central_label.setText(arg(self.tr("%1 (this desktop is device %2)"), st.central_url, st.device_tag))
            else:
                self.central_label.setText(self.tr("not enrolled"))
            self.last_ok_label.setText(local_time(st.last_success) or self.tr("never"))
            self.kept_notice.setText("\n".join(
                rule_text("sync.old_credential_kept", {"central_url": url, "reason": why})
                for url, why in st.old_credentials.items()))
            self.kept_notice.setVisible(bool(st.old_credentials))
            self.conflicts.set_synced(bool(st.last_success))
            self.insecure_box.setVisible(enrolled and allowed(self.env.actor, "sync.configure"))
            # The box shows a status read after the user's last change of it was saved, never an older one.
            if st is not self._insecure_status and not self._insecure_saving:
                self._insecure_status = st
                self.insecure_box.blockSignals(True)
                self.insecure_box.setChecked(st.allow_insecure_http)
                self.insecure_box.blockSignals(False)
            self.tabs.setTabText(0, self.tr("Waiting to be sent (%n)", "", st.pending))
            if not self._lists_ok:  # once the lists are read, their tabs count what they show
                self.tabs.setTabText(1, self.tr("Conflicts (%n)", "", st.open_conflicts))
                self.tabs.setTabText(2, self.tr("Rejected (%n)", "", st.rejected))
        if not enrolled:
            self.next_label.setText(self.tr("off until the desktop is enrolled"))
        elif state.offline and state.next_attempt is not None:
            self.next_label.setText(arg(self.tr("offline: attempt %1 failed, next try at %2"), state.failures, state.next_attempt.strftime("%H:%M")))
        elif state.next_attempt is not None:
            self.next_label.setText(arg(self.tr("next at %1, then every five minutes"), state.next_attempt.strftime("%H:%M")))
        else:
            self.next_label.setText(self.tr("when you press Sync now"))
        self.report_label.setText(self._report_text(state.report))
        if state.status is not None or state.error:
            self.error.setText(arg(self.tr("Last error: %1"), state.error) if state.error else "")
            self.error.setVisible(bool(state.error))

        running = state.running
        self.sync_button.setEnabled(enrolled and not running)
        self.export_button.setEnabled(enrolled and not running)
        self.import_button.setEnabled(enrolled and not running)
        self.cancel_button.setVisible(running and state.task == "sync")
        self.progress.setVisible(running)
        if running and state.task == "sync":
            if state.phase == "push" and state.total:
                self.progress.setRange(0, state.total)
                self.progress.setValue(state.done)
                self.phase_label.setText(arg(self.tr("Sending changes: %1 of %2"), state.done, state.total))
            elif state.phase == "pull":
                self.progress.setRange(0, 0)
                self.phase_label.setText(arg(self.tr("Receiving changes: %1 so far"), state.done))
            else:
                self.progress.setRange(0, 0)
                self.phase_label.setText(self.tr("Connecting…"))
        elif running:
            self.progress.setRange(0, 0)
            self.phase_label.setText({
                "enrol": self.tr("Enrolling…"),
                "export": self.tr("Writing the package…"),
                "import": self.tr("Reading the reply…"),
            }.get(state.task, ""))
        else:
            self.phase_label.setText("")

    def _report_text(self, report, between: str = "\n") -> str:
        """The last run, a sentence a line (a line each stays inside a small screen, where one wrapped label in
        the form was cut to the height of its first line); ``between`` joins them for a message instead."""
        if report is None:
            return self.tr("none yet in this session")
        parts = [arg(self.tr("sent %1 (%2 applied), received %3, %4 conflict(s), %5 refused"),
                     report.pushed, report.applied, report.pulled, report.conflicts, report.rejected)]
        if report.held_back:
            parts.append(arg(self.tr("%1 received record(s) kept back because they have unsent changes here"),
                             report.held_back))
        if report.repaired:
            parts.append(arg(self.tr("%1 record(s) that differed from the central copy were fetched again"),
                             report.repaired))
        if report.state_ok is False:
            parts.append(arg(self.tr("%1 record(s) here still differ from the central copy and were left as they "
                                     "are (unsent work is never overwritten)"), len(report.drift_rows)))
        elif report.state_ok is None and report.state_busy:
            parts.append(self.tr("not compared with the central copy this time, as the office kept changing "
                                 "(the next sync compares)"))
        return between.join(parts)

    # ---------------------------------------------------------------- actions

    def sync_now(self) -> None:
        self._clear_messages()
        self.controller.sync_now()

    def enrol(self, url: str, code: str, allow_insecure: bool) -> None:
        actor = self.env.actor
        allow = allow_insecure if allowed(actor, "sync.configure") else None

        def work(services):
            sync = sync_service(services)
            tag = None
            try:
                tag = sync.enrol(actor, url, code, allow_insecure_http=allow)
                return tag, sync.first_pull(actor)
            except Exception as exc:
                # Enrolled, but the office did not arrive: said beside the actions, not under the form's fields.
                # (A desktop enrolling again was enrolled before: only this enrolment's answer tells.)
                exc.enrolled = tag is not None
                raise

        self._clear_messages()
        self.controller.run("enrol", work)

    def ask_save_path(self) -> str:
        default = Path(self.env.data_dir) / f"sync-package-{date.today().isoformat()}.json"
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export sync package"), str(default),
            self.tr("Sync packages (*.json);;All files (*)"))
        return path

    def ask_open_path(self) -> str:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Import the central service's reply"), str(self.env.data_dir),
            self.tr("Sync packages (*.json);;All files (*)"))
        return path

    def export_package(self) -> None:
        path = self.ask_save_path()
        if not path:
            return
        actor = self.env.actor
        self._clear_messages()
        self._export_path = path
        self.controller.run("export", lambda services: sync_service(services).export_package(actor, Path(path)))

    def import_reply(self) -> None:
        path = self.ask_open_path()
        if not path:
            return
        actor = self.env.actor
        self._clear_messages()
        self.controller.run("import", lambda services: sync_service(services).import_reply(actor, Path(path)))

    def _finished(self, task: str, result) -> None:
        if task == "export":
            self._say(arg(self.tr(
                "Package no. %1 was written to %2. Take it to the central office and import the reply "
                "file they give you with Import reply…."), result, self._export_path))
        elif task == "import":
            self._say(arg(self.tr("The reply was applied: %1."), self._report_text(result, self.tr("; "))))
        elif task == "sync" and result is not None:
            # What needs a person's decision comes to the front.
            if result.conflicts:
                self.tabs.setCurrentWidget(self.conflicts)
            elif result.rejected:
                self.tabs.setCurrentWidget(self.rejected)
        elif task == "enrol":
            self._say(arg(self.tr("This desktop is now enrolled as device %1."), result[0]))
            self.enrol_form.clear_errors()
        self.reload_lists()

    def _failed(self, task: str, exc: Exception) -> None:
        if task == "enrol" and not getattr(exc, "enrolled", False):
            self.enrol_form.show_error(exc)
        elif getattr(exc, "key", "") == "sync.cancelled":
            self._say(error_text(exc))
        elif task != "sync":
            self.action_error.setText(error_text(exc))
            self.action_error.setVisible(True)
        self.reload_lists()

    def _say(self, text: str) -> None:
        self.info.setText(text)
        self.info.setVisible(bool(text))

    def _clear_messages(self) -> None:
        self._say("")
        self.action_error.setVisible(False)
