"""The claim page tabs' common layout: notes above a table, more notes and the error under it, a row of buttons."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget


def button_row(buttons: Sequence[QWidget]) -> QHBoxLayout:
    """The buttons side by side from the left."""
    bar = QHBoxLayout()
    for button in buttons:
        bar.addWidget(button)
    bar.addStretch(1)
    return bar


def table_with_buttons(owner: QWidget, table: QWidget, buttons: Sequence[QWidget], *,
                       above: Sequence[QWidget] = (), below: Sequence[QWidget] = ()) -> QVBoxLayout:
    """``owner``'s layout: ``above``, the table taking the spare height, ``below``, then the buttons."""
    layout = QVBoxLayout(owner)
    for widget in above:
        layout.addWidget(widget)
    layout.addWidget(table, 1)
    for widget in below:
        layout.addWidget(widget)
    layout.addLayout(button_row(buttons))
    return layout
