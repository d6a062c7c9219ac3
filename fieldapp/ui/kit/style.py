"""One calm look for every screen: Fusion, a light palette and a small style sheet.

Colours are never the only carrier of meaning: warnings and errors also have an icon and words.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

from fieldapp.ui.kit.resources import resource_dir

PRIMARY = "#1f6f78"
PRIMARY_DARK = "#17555c"
PRIMARY_SOFT = "#e3f1f1"
BACKGROUND = "#f5f6f8"
SURFACE = "#ffffff"
TEXT = "#1f2a37"
MUTED = "#5b6776"
BORDER = "#d5dbe3"
DANGER = "#b42318"
DANGER_SOFT = "#fdecea"
WARNING = "#8a4b06"
WARNING_SOFT = "#fdf3dc"
SUCCESS = "#1d7a4d"
FOCUS = "#2563eb"

_STYLE_SHEET = """
QWidget {{ color: {TEXT}; }}
QMainWindow, QDialog, #page {{ background: {BACKGROUND}; }}
QLabel#title {{ font-size: 17pt; font-weight: 600; }}
QLabel#subtitle {{ font-size: 12pt; font-weight: 600; }}
QLabel#muted, QLabel[muted="true"] {{ color: {MUTED}; }}
QLabel#fieldError {{ color: {DANGER}; }}
QLabel#hint {{ color: {MUTED}; font-size: 9pt; }}
QFrame#card {{ background: {SURFACE}; border: 1px solid {BORDER}; border-radius: 8px; }}
QFrame#banner {{ background: {WARNING_SOFT}; border: 1px solid #f0d9a8; border-radius: 6px; }}
QFrame#errorBanner {{ background: {DANGER_SOFT}; border: 1px solid #f5c2bd; border-radius: 6px; }}
QFrame#navBar {{ background: #eef1f4; border-right: 1px solid {BORDER}; }}
QFrame#topBar {{ background: {SURFACE}; border-bottom: 1px solid {BORDER}; }}
QListWidget#nav {{ background: transparent; border: none; outline: none; font-size: 11pt; }}
QListWidget#nav::item {{ padding: 9px 10px; margin: 2px 6px; border-radius: 6px; }}
QListWidget#nav::item:selected {{ background: {PRIMARY_SOFT}; color: {PRIMARY_DARK};
    font-weight: 600; }}
QListWidget#nav::item:hover:!selected {{ background: #e4e8ed; }}
QListWidget#nav:focus {{ border: 1px solid {FOCUS}; border-radius: 6px; }}
QPushButton {{ background: {SURFACE}; border: 1px solid #b9c2cd; border-radius: 6px;
    padding: 6px 14px; min-height: 20px; }}
QPushButton:hover {{ background: #f0f3f6; }}
QPushButton:pressed {{ background: #e2e7ec; }}
QPushButton:disabled {{ color: #8a95a3; background: #f2f4f6; border-color: {BORDER}; }}
QPushButton[primary="true"] {{ background: {PRIMARY}; color: white; border-color: {PRIMARY_DARK};
    font-weight: 600; }}
QPushButton[primary="true"]:hover {{ background: {PRIMARY_DARK}; }}
QPushButton[primary="true"]:disabled {{ background: #9dbfc2; border-color: #9dbfc2; }}
QPushButton[link="true"] {{ border: none; background: transparent; color: {PRIMARY_DARK};
    text-decoration: underline; padding: 2px 4px; }}
QPushButton[chip="true"] {{ border-radius: 14px; padding: 4px 12px; background: {SURFACE};
    border: 1px solid #b9c2cd; }}
QPushButton[chip="true"]:checked {{ background: {PRIMARY}; color: white;
    border-color: {PRIMARY_DARK}; }}
QPushButton:focus, QLineEdit:focus, QComboBox:focus, QDateEdit:focus, QSpinBox:focus,
QPlainTextEdit:focus, QCheckBox:focus, QRadioButton:focus, QTableView:focus, QTreeWidget:focus {{
    border: 2px solid {FOCUS}; }}
QLineEdit, QComboBox, QDateEdit, QSpinBox, QPlainTextEdit {{ background: {SURFACE};
    border: 1px solid #b9c2cd; border-radius: 5px; padding: 4px 6px; }}
QLineEdit, QComboBox, QDateEdit, QSpinBox {{ min-height: 20px; }}
QLineEdit[invalid="true"], QComboBox[invalid="true"], QPlainTextEdit[invalid="true"],
QDateEdit[invalid="true"] {{ border: 2px solid {DANGER}; }}
QTableView, QTreeWidget {{ background: {SURFACE}; border: 1px solid {BORDER}; border-radius: 6px;
    alternate-background-color: #f8f9fb; selection-background-color: #cfe5e6;
    selection-color: {TEXT}; gridline-color: #edf0f3; }}
QHeaderView::section {{ background: #f0f2f5; border: none; border-bottom: 1px solid {BORDER};
    padding: 6px 8px; font-weight: 600; color: #394656; }}
QProgressBar {{ border: 1px solid {BORDER}; border-radius: 4px; background: #edf0f3;
    text-align: center; max-height: 10px; }}
QProgressBar::chunk {{ background: {PRIMARY}; border-radius: 3px; }}
QScrollArea {{ border: none; background: transparent; }}
QScrollArea > QWidget > QWidget {{ background: transparent; }}
QSplitter::handle {{ background: transparent; }}
QComboBox::drop-down, QDateEdit::drop-down {{ subcontrol-origin: padding;
    subcontrol-position: center right; width: 22px; border: none; }}
QComboBox::down-arrow, QDateEdit::down-arrow {{ image: url({icons}/chevron-down.svg);
    width: 12px; height: 12px; }}
QSpinBox::up-button, QSpinBox::down-button {{ width: 18px; border: none; background: transparent; }}
QSpinBox::up-arrow {{ image: url({icons}/chevron-up.svg); width: 10px; height: 10px; }}
QSpinBox::down-arrow {{ image: url({icons}/chevron-down.svg); width: 10px; height: 10px; }}
QSpinBox {{ padding-right: 20px; }}
"""


def style_sheet() -> str:
    icons = (resource_dir() / "icons").as_posix()
    colours = {k: v for k, v in globals().items() if k.isupper() and isinstance(v, str)}
    return _STYLE_SHEET.format(icons=icons, **colours)


def apply_style(app: QApplication) -> None:
    app.setStyle("Fusion")
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Window, QColor(BACKGROUND))
    palette.setColor(QPalette.ColorRole.Base, QColor(SURFACE))
    palette.setColor(QPalette.ColorRole.AlternateBase, QColor("#f8f9fb"))
    palette.setColor(QPalette.ColorRole.Text, QColor(TEXT))
    palette.setColor(QPalette.ColorRole.WindowText, QColor(TEXT))
    palette.setColor(QPalette.ColorRole.ButtonText, QColor(TEXT))
    palette.setColor(QPalette.ColorRole.Button, QColor(SURFACE))
    palette.setColor(QPalette.ColorRole.Highlight, QColor(PRIMARY))
    palette.setColor(QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
    palette.setColor(QPalette.ColorRole.PlaceholderText, QColor("#7b8794"))
    palette.setColor(QPalette.ColorRole.ToolTipBase, QColor(SURFACE))
    palette.setColor(QPalette.ColorRole.ToolTipText, QColor(TEXT))
    palette.setColor(QPalette.ColorRole.Link, QColor(PRIMARY_DARK))
    app.setPalette(palette)
    font = QFont(app.font())
    font.setPointSizeF(max(font.pointSizeF(), 10.0))
    app.setFont(font)
    app.setStyleSheet(style_sheet())


def repolish(widget: object) -> None:
    """Re-apply the style sheet after a dynamic property ("invalid", "primary") changed."""
    from PySide6.QtWidgets import QWidget

    if isinstance(widget, QWidget):
        style = widget.style()
        style.unpolish(widget)
        style.polish(widget)
        widget.update()
