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
        self.view.show_case(case_id)
        case = self.view.case
        self.setWindowTitle(arg(self.tr("Rehabilitation case %1 · %2"), case.claim_no, case.worker_name) if case else self.tr("Rehabilitation case"))
