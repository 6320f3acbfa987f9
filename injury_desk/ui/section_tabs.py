"""Tabs whose titles wrap onto more rows when the pane is too narrow for them, instead of scrolling out of sight."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QLayout,
    QSizePolicy,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWidgetItem,
)


class FlowLayout(QLayout):
    """Lays its items left to right and starts a new row where the next one would not fit."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 2) -> None:
        super().__init__(parent)
        self._items: list[QWidgetItem] = []
        self.setContentsMargins(0, 0, 0, 0)
        self.setSpacing(spacing)

    def addItem(self, item) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int):
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int):
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        # One row of everything: what the titles ask when there is room for them all.
        m = self.contentsMargins()
        width = sum(i.sizeHint().width() for i in self._items) + self.spacing() * max(0, len(self._items) - 1)
        height = max((i.sizeHint().height() for i in self._items), default=0)
        return QSize(width + m.left() + m.right(), height + m.top() + m.bottom())

    def minimumSize(self) -> QSize:
        # The widest title alone: narrower than that, a title would be cut.
        m = self.contentsMargins()
        size = QSize(0, 0)
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        return size + QSize(m.left() + m.right(), m.top() + m.bottom())

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        m = self.contentsMargins()
        area = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        x, y, row_height = area.x(), area.y(), 0
        for item in self._items:
            if item.isEmpty():
                continue
            hint = item.sizeHint()
            if x > area.x() and x + hint.width() > area.right() + 1:
                x, y, row_height = area.x(), y + row_height + self.spacing(), 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self.spacing()
            row_height = max(row_height, hint.height())
        return y + row_height - rect.y() + m.bottom()


class SectionTabs(QWidget):
    """A tab widget's behaviour (one page shown, its title checked, Alt+the title's letter and Ctrl+PgUp/PgDown
    switch) with titles that wrap: a claim's ten sections do not fit one row of a 470 px pane in either
    language, and a tab bar's scroll arrows hid the last of them."""

    currentChanged = Signal(int)  # QTabWidget's name: callers treat both alike

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._titles = QWidget()
        self._titles.setObjectName("section_titles")
        self._flow = FlowLayout(self._titles)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self._titles.setSizePolicy(policy)
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        self._group.idToggled.connect(self._toggled)
        self._stack = QStackedWidget()
        self._stack.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self._titles)
        layout.addWidget(self._stack, 1)
        # A standard key given as such keeps all its bindings (Ctrl+Tab and Ctrl+F6, Forward...).
        for keys, step in ((QKeySequence.StandardKey.NextChild, 1), (QKeySequence("Ctrl+PgDown"), 1),
                           (QKeySequence.StandardKey.PreviousChild, -1), (QKeySequence("Ctrl+PgUp"), -1)):
            shortcut = QShortcut(keys, self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda s=step: self._step(s))

    def addTab(self, widget: QWidget, title: str) -> int:
        index = self._stack.addWidget(widget)
        button = QToolButton()
        button.setText(title)
        button.setCheckable(True)
        button.setAutoRaise(True)
        button.setObjectName(f"section_{index}")
        self._group.addButton(button, index)
        self._flow.addWidget(button)
        self._titles.updateGeometry()  # the box layout above caches the titles' height for a width
        if index == 0:
            button.setChecked(True)
        else:
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        return index

    def count(self) -> int:
        return self._stack.count()

    def widget(self, index: int) -> QWidget | None:
        return self._stack.widget(index)

    def indexOf(self, widget: QWidget) -> int:
        return self._stack.indexOf(widget)

    def tabText(self, index: int) -> str:
        button = self._group.button(index)
        return button.text() if button is not None else ""

    def tabButton(self, index: int) -> QToolButton | None:
        return self._group.button(index)

    def currentIndex(self) -> int:
        return self._stack.currentIndex()

    def currentWidget(self) -> QWidget | None:
        return self._stack.currentWidget()

    def setCurrentIndex(self, index: int) -> None:
        button = self._group.button(index)
        if button is not None:
            button.setChecked(True)  # _toggled shows its page

    def setCurrentWidget(self, widget: QWidget) -> None:
        self.setCurrentIndex(self._stack.indexOf(widget))

    def _toggled(self, index: int, checked: bool) -> None:
        if not checked:
            return
        # Tab reaches the titles at the current one, as in a tab bar (the arrow keys move between them).
        for button in self._group.buttons():
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus if button.isChecked() else Qt.FocusPolicy.NoFocus)
        if index != self._stack.currentIndex():
            self._stack.setCurrentIndex(index)
            self.currentChanged.emit(index)

    def _step(self, step: int) -> None:
        if self.count():
            self.setCurrentIndex((self.currentIndex() + step) % self.count())
