"""The period (two date edits) that the statistics pages share: read it, or set both dates with one refresh."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate


class PeriodFilter:
    """Mixin for a page with ``from_edit`` and ``to_edit`` date edits and a ``refresh()`` that reads them."""

    def period(self) -> tuple[date, date]:
        return self.from_edit.date().toPython(), self.to_edit.date().toPython()

    def set_period(self, start: date, end: date) -> None:
        """Set both dates with one refresh (not one per date)."""
        for edit, d in ((self.from_edit, start), (self.to_edit, end)):
            edit.blockSignals(True)
            edit.setDate(QDate(d.year, d.month, d.day))
            edit.blockSignals(False)
        self.refresh()
