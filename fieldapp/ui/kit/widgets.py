"""Small building blocks shared by the screens: chips, field errors, cards, empty states."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent, QShortcutEvent
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLayoutItem,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from fieldapp.messages import say
from fieldapp.ui.kit.resources import pixmap
from fieldapp.ui.kit.style import repolish


class FlowLayout(QLayout):
    """Lays children out left to right, wrapping to new lines (chips of any count)."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 -- Qt override
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 -- Qt override
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 -- Qt override
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802 -- Qt override
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 -- Qt override
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 -- Qt override
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 -- Qt override
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:  # noqa: N802 -- Qt override
        return self.minimumSize()

    def minimumSize(self) -> QSize:  # noqa: N802 -- Qt override
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        return size

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        x, y, line_height = rect.x(), rect.y(), 0
        for item in self._items:
            hint = item.sizeHint()
            if x + hint.width() > rect.right() + 1 and line_height > 0:
                x = rect.x()
                y += line_height + self._spacing
                line_height = 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self._spacing
            line_height = max(line_height, hint.height())
        return y + line_height - rect.y()


class ChipGroup(QWidget):
    """Multi-choice answers as checkable chips.

    Keyboard: the group is one Tab stop; arrow keys move between chips, Space toggles (the
    "roving tab stop" pattern), so a form with 24 chips stays quick to cross with Tab. Every
    chip says so in its accessible description; `hint_text()` is the same words for the eye.
    """

    changed = Signal()

    def __init__(
        self,
        options: Iterable[tuple[str, str]],
        *,
        exclusive: Sequence[str] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._exclusive = set(exclusive)
        self._chips: dict[str, QPushButton] = {}
        layout = FlowLayout(self)
        self._flow = layout
        for code, text in options:
            chip = QPushButton(text, self)
            chip.setCheckable(True)
            chip.setProperty("chip", True)
            chip.setProperty("code", code)
            chip.setAccessibleName(text)
            chip.setAccessibleDescription(self.hint_text())
            chip.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
            chip.toggled.connect(lambda on, c=code: self._on_toggled(c, on))
            chip.installEventFilter(self)
            layout.addWidget(chip)
            self._chips[code] = chip
        self._set_roving(next(iter(self._chips.values()), None))
        self.setAccessibleDescription(self.hint_text())
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    # Dialogs do not always honour height-for-width: the hints follow the current width, and
    # every resize asks the layout again, so wrapped chips are never cut off.
    def hasHeightForWidth(self) -> bool:  # noqa: N802 -- Qt override
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 -- Qt override
        return self._flow.heightForWidth(width)

    def sizeHint(self) -> QSize:  # noqa: N802 -- Qt override
        width = max(self.width(), 560)
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 -- Qt override
        width = max(self.width(), 560)
        return QSize(240, self.heightForWidth(width))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 -- Qt override
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self.updateGeometry()

    @staticmethod
    def hint_text() -> str:
        """How to move and tick inside a group, in the interface language."""
        return say("ui.chips.hint")

    def chip(self, code: str) -> QPushButton:
        return self._chips[code]

    def chips(self) -> list[QPushButton]:
        return list(self._chips.values())

    def codes(self) -> list[str]:
        return [code for code, chip in self._chips.items() if chip.isChecked()]

    def set_codes(self, codes: Iterable[str]) -> None:
        wanted = set(codes)
        for code, chip in self._chips.items():
            chip.blockSignals(True)
            chip.setChecked(code in wanted)
            chip.blockSignals(False)
        self.changed.emit()

    def first_focus(self) -> QPushButton | None:
        for chip in self._chips.values():
            if chip.focusPolicy() == Qt.FocusPolicy.StrongFocus:
                return chip
        return None

    def _set_roving(self, target: QPushButton | None) -> None:
        for chip in self._chips.values():
            policy = Qt.FocusPolicy.StrongFocus if chip is target else Qt.FocusPolicy.ClickFocus
            chip.setFocusPolicy(policy)

    def _on_toggled(self, code: str, on: bool) -> None:
        # "aucune" / "inconnue" contradict any other answer: choosing one clears the others.
        if on:
            others = (
                [c for c in self._chips if c != code]
                if code in self._exclusive
                else [c for c in self._exclusive if c in self._chips]
            )
            for other in others:
                chip = self._chips[other]
                if chip.isChecked():
                    chip.blockSignals(True)
                    chip.setChecked(False)
                    chip.blockSignals(False)
        self.changed.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 -- Qt override
        if isinstance(watched, QPushButton) and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            chips = list(self._chips.values())
            index = chips.index(watched) if watched in chips else -1
            step = {
                Qt.Key.Key_Right: 1,
                Qt.Key.Key_Down: 1,
                Qt.Key.Key_Left: -1,
                Qt.Key.Key_Up: -1,
            }.get(Qt.Key(event.key()))
            if step is not None and index >= 0:
                target = chips[(index + step) % len(chips)]
                self._set_roving(target)
                target.setFocus(Qt.FocusReason.TabFocusReason)
                return True
        if isinstance(watched, QPushButton) and event.type() == QEvent.Type.FocusIn:
            self._set_roving(watched)
        return super().eventFilter(watched, event)


class FocusLabel(QLabel):
    """A caption whose mnemonic (Alt+letter) only moves the focus to its field.

    A plain QLabel *clicks* a button buddy: Alt+B on « Besoins » would tick the first need.
    `target` (when given) names the widget to focus at the time of the shortcut, e.g. the
    chip a group's roving tab stop is on; otherwise the buddy gets the focus.
    """

    def __init__(
        self,
        text: str,
        parent: QWidget | None = None,
        *,
        target: Callable[[], QWidget | None] | None = None,
    ) -> None:
        super().__init__(text, parent)
        self._target = target

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Shortcut:
            assert isinstance(event, QShortcutEvent)
            widget = (self._target() if self._target is not None else None) or self.buddy()
            if widget is not None:
                widget.setFocus(Qt.FocusReason.ShortcutFocusReason)
                return True
        return super().event(event)


class DateField(QDateEdit):
    """A date edit that Tab leaves (QDateEdit would walk day → month → year first);
    the arrow keys still move between day, month and year."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("dd/MM/yyyy")

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: N802 -- Qt override
        return QWidget.focusNextPrevChild(self, next)


class FieldError(QLabel):
    """The message shown right under a field; an icon and words, not just a red border."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fieldError")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.hide()

    def show_message(self, text: str) -> None:
        self.setText("⚠ " + text)
        self.setAccessibleDescription(text)
        self.show()

    def clear_message(self) -> None:
        self.clear()
        self.hide()


def mark_invalid(widget: QWidget, invalid: bool) -> None:
    widget.setProperty("invalid", invalid)
    repolish(widget)


def primary_button(text: str, parent: QWidget | None = None) -> QPushButton:
    button = QPushButton(text, parent)
    button.setProperty("primary", True)
    return button


def link_button(text: str, parent: QWidget | None = None) -> QPushButton:
    button = QPushButton(text, parent)
    button.setProperty("link", True)
    button.setCursor(Qt.CursorShape.PointingHandCursor)
    return button


def title_label(text: str, parent: QWidget | None = None, *, sub: bool = False) -> QLabel:
    label = QLabel(text, parent)
    label.setObjectName("subtitle" if sub else "title")
    label.setWordWrap(True)
    return label


def muted_label(text: str, parent: QWidget | None = None) -> QLabel:
    label = QLabel(text, parent)
    label.setObjectName("muted")
    label.setWordWrap(True)
    return label


class Card(QFrame):
    """A white panel with an optional title; `body` is where content goes."""

    def __init__(self, title: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(16, 14, 16, 14)
        outer.setSpacing(8)
        self.title = title_label(title, self, sub=True)
        self.title.setVisible(bool(title))
        outer.addWidget(self.title)
        self.body = QVBoxLayout()
        self.body.setSpacing(6)
        outer.addLayout(self.body)
        outer.addStretch(1)  # a card taller than its content keeps it at the top

    def set_title(self, text: str) -> None:
        self.title.setText(text)
        self.title.setVisible(bool(text))


class Banner(QFrame):
    """A one-line notice with an icon (demo data, errors); the words carry the meaning."""

    def __init__(self, text: str, *, kind: str = "warning", parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("errorBanner" if kind == "error" else "banner")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        self.icon = QLabel(self)
        self.icon.setPixmap(pixmap("error" if kind == "error" else "warning", 20))
        self.icon.setFixedSize(QSize(22, 22))
        layout.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        self.text = QLabel(text, self)
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.text, 1)

    def set_text(self, text: str) -> None:
        self.text.setText(text)


class EmptyState(QWidget):
    """What a screen shows when it has nothing yet: a picture, a title, a sentence."""

    def __init__(
        self, title: str, text: str, *, icon: str = "empty", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        picture = QLabel(self)
        picture.setPixmap(pixmap(icon, 72))
        picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(picture)
        self.heading = title_label(title, self)
        self.heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.heading)
        self.text = muted_label(text, self)
        self.text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text.setMaximumWidth(540)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.text)
        row.addStretch(1)
        layout.addLayout(row)
        self.action_row = QHBoxLayout()
        self.action_row.addStretch(1)
        self.action_row.addStretch(1)
        layout.addLayout(self.action_row)
        layout.addStretch(2)

    def add_action(self, button: QPushButton) -> None:
        self.action_row.insertWidget(self.action_row.count() - 1, button)


def clear_layout(layout: QLayout) -> None:
    """Remove and delete every widget of `layout` (lists rebuilt on refresh)."""
    while layout.count():
        item = layout.takeAt(0)
        if item is None:
            break
        widget = item.widget()
        if widget is not None:
            # Hidden first: an orphan shown for a moment is a window of its own, which would
            # take the activation (and the keyboard) from the real one until deleted.
            widget.hide()
            widget.setParent(None)
            widget.deleteLater()
        elif item.layout() is not None:
            inner = item.layout()
            assert inner is not None
            clear_layout(inner)


def labelled(widget: QWidget, text: str) -> QLabel:
    """A label with a mnemonic (&) bound to `widget`, which also gets it as accessible name."""
    label = QLabel(text)
    label.setBuddy(widget)
    widget.setAccessibleName(text.replace("&", ""))
    return label


def dialog_buttons(
    dialog: QDialog, layout: QVBoxLayout, back_text: str, action_text: str
) -> tuple[QPushButton, QPushButton]:
    """The foot of a dialog: a way back (rejects the dialog) and the primary action, right
    aligned. Returns (back, action); the caller connects the action."""
    row = QHBoxLayout()
    row.addStretch(1)
    back = QPushButton(back_text, dialog)
    action = primary_button(action_text, dialog)
    row.addWidget(back)
    row.addWidget(action)
    layout.addLayout(row)
    back.clicked.connect(dialog.reject)
    return back, action


def task_dialog_footer(
    dialog: QDialog, layout: QVBoxLayout, save_text: str
) -> tuple[Banner, QProgressBar, QPushButton, QPushButton]:
    """Foot of a dialog whose action runs in the background: an error banner, a busy bar and
    "Annuler" (rejects the dialog) / `save_text` buttons (save disabled until the form is
    valid). Returns (error, progress, cancel_button, save_button), all added to `layout`."""
    error = Banner("", kind="error", parent=dialog)
    error.hide()
    layout.addWidget(error)
    progress = QProgressBar(dialog)
    progress.setRange(0, 0)
    progress.hide()
    layout.addWidget(progress)
    cancel, save = dialog_buttons(
        dialog, layout, QCoreApplication.translate("Dialog", "Annuler"), save_text
    )
    save.setEnabled(False)
    return error, progress, cancel, save
