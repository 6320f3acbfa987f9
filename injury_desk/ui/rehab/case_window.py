"""A rehabilitation case in its own window, opened from the claim page or the Tasks page."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout

from injury_desk.placeholders import arg
from injury_desk.ui.rehab.case_view import CaseView


class CaseWindow(QDialog):
    """The same case view as in Rehabilitation → Cases, with all its editors, for one case."""

    def __init__(self, env, case_id: str, parent=None) -> None:
        super().__init__(parent)
        self.view = CaseView(env, self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        self.resize(760, 640)
        # Shown at once; the case is read off the GUI thread and named in the title when it is there.
        self.setWindowTitle(self.tr("Rehabilitation case"))
        self.view.shown.connect(self._name)
        self.view.show_case(case_id)

    def _name(self) -> None:
        case = self.view.case
        if case is not None:
            self.setWindowTitle(arg(self.tr("Rehabilitation case %1 · %2"), case.claim_no, case.worker_name))
