"""Sync: the local changes waiting to be sent to the central service, and those it rejected."""

from __future__ import annotations

from datetime import datetime, timezone

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget

from injury_desk.ui.pillar_widgets import (
    Column,
    RowTable,
    RowTableModel,
    any_error_text,
    as_utc,
    error_label,
    section_label,
)


class SyncPage(QWidget):
    """Counts and lists of pending and rejected outbox entries; refreshes after every saved change."""

    def __init__(self, env, parent=None) -> None:
        super().__init__(parent)
        self.env = env
        self.enrolment = QLabel(self.tr(
            "This desktop is not yet enrolled with a central sync service, so changes stay on this computer "
            "for now. They are kept safely in order and will be sent once the desktop is enrolled."))
        self.enrolment.setWordWrap(True)
        self.enrolment.setFrameShape(QLabel.Shape.StyledPanel)
        self.enrolment.setMargin(8)
        self.pending_label = QLabel()
        font = self.pending_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.pending_label.setFont(font)
        self.oldest_label = QLabel()
        self.error = error_label()

        ops = {"insert": self.tr("new"), "update": self.tr("changed"), "delete": self.tr("deleted")}
        columns = [
            Column(self.tr("Sequence"), lambda c: c.seq, right=True),
            Column(self.tr("Table"), lambda c: c.table),
            Column(self.tr("Operation"), lambda c: c.op, text=lambda c: ops.get(c.op, c.op)),
            Column(self.tr("When"), lambda c: c.created_at),
            # Last, because it is the long one: the other columns stay in view.
            Column(self.tr("Fields"), lambda c: ", ".join(c.fields)),
        ]
        self.pending_model = RowTableModel(columns, self)
        self.pending = RowTable(self.pending_model)
        self.pending.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.rejected_model = RowTableModel(
            columns[:3] + [Column(self.tr("Reason"), lambda c: c.reject_reason)] + columns[3:], self)
        self.rejected_model.alert = lambda c: True
        self.rejected_model.bold_column = 3
        self.rejected = RowTable(self.rejected_model)
        self.rejected.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.rejected_title = section_label("")

        top = QWidget()
        top_box = QVBoxLayout(top)
        top_box.setContentsMargins(0, 0, 0, 0)
        top_box.addWidget(section_label(self.tr("Waiting to be sent")))
        top_box.addWidget(self.pending)
        bottom = QWidget()
        bottom_box = QVBoxLayout(bottom)
        bottom_box.setContentsMargins(0, 0, 0, 0)
        bottom_box.addWidget(self.rejected_title)
        bottom_box.addWidget(self.rejected)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.addWidget(self.enrolment)
        layout.addWidget(self.pending_label)
        layout.addWidget(self.oldest_label)
        layout.addWidget(self.error)
        layout.addWidget(splitter, 1)
        self.setTabOrder(self.pending, self.rejected)

        # Every saved change adds outbox entries, whatever the page that saved it.
        env.bus.changed.connect(lambda _what: self.refresh())
        self.refresh()

    def refresh(self) -> None:
        outbox, actor = self.env.services.outbox, self.env.actor
        try:
            count = outbox.pending_count(actor)
            oldest = outbox.oldest_pending(actor)
            pending = outbox.list(actor, state="pending")
            rejected = outbox.list(actor, state="rejected")
        except Exception as exc:  # shown on the page; the tables keep what they had
            self.error.setText(any_error_text(exc))
            self.error.setVisible(True)
            return
        self.error.setVisible(False)
        self.pending_count = count
        self.pending_label.setText(self.tr("%n local change(s) not yet synced", "", count))
        if oldest is None:
            self.oldest_label.setText(self.tr("Nothing is waiting."))
        else:
            oldest = as_utc(oldest)
            self.oldest_label.setText(self.tr("The oldest was made {when} ({age} ago).").format(
                when=oldest.astimezone().strftime("%Y-%m-%d %H:%M"), age=self._age(oldest)))
        if len(pending) < count:
            self.oldest_label.setText(self.oldest_label.text() + " " + self.tr(
                "The table shows the first {shown}.").format(shown=len(pending)))
        self.pending.set_rows(pending)
        self.rejected.set_rows(rejected)
        self.rejected_title.setText(self.tr("Rejected by the central service (%n)", "", len(rejected)))

    def _age(self, when: datetime) -> str:
        seconds = max(0, int((datetime.now(timezone.utc) - when).total_seconds()))
        if seconds < 60:
            return self.tr("under a minute")
        if seconds < 3600:
            return self.tr("%n minute(s)", "", seconds // 60)
        if seconds < 86400:
            return self.tr("%n hour(s)", "", seconds // 3600)
        return self.tr("%n day(s)", "", seconds // 86400)
