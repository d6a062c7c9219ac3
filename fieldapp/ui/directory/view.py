"""Annuaire: search the partner directory, read a service card, start a handover from it.

`DirectoryView(pack_provider, on_create_handover)`:

- `pack_provider()` returns the current reference pack (`services.directory.current_pack`);
  `refresh()` asks for it again, e.g. after a pack import;
- `on_create_handover(service)` receives the data·inclusion service record (a dict; its
  `structure_id` names the structure) when the worker clicks "Créer un relais vers ce service",
  double-clicks a result or presses Entrée on it. The `handoverRequested` signal carries the same.

`show_for_contact(contact)` ranks the results for a contact (as `FieldService.contact()` returns
it) and shows the reasons under each service ("besoin mobilité ✓, jeunes 16-25 ✓, zone ✓");
`show_for_contact(None)` goes back to the plain directory. `rank_view(...)` builds a view already
set for a contact (the handover dialog's partner picker).

When the pack carries a « carte des manques » (issue 18), « Carte des manques » in the header opens
it (`unmet_map_dialog.py`), and the contact's frame says which of its needs were left without a
solution in its neighbourhood over the last 12 months.

Only `fieldapp.services.directory` is used: the search and the ranking live there, not here.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from fieldapp.messages.plural import plural
from fieldapp.services import directory
from fieldapp.ui.directory.card import card_html, contact_summary, french_date
from fieldapp.ui.directory.results import ResultDelegate, ResultsList, ResultsModel
from fieldapp.ui.directory.unmet_map_dialog import UnmetMapDialog, hidden_text
from fieldapp.ui.kit import style
from fieldapp.ui.kit.widgets import Banner

PackProvider = Callable[[], directory.Pack]
HandoverCallback = Callable[[Mapping[str, Any]], None]

_STYLE = f"""
#directoryView QFrame#dirCard {{ background: {style.SURFACE}; border: 1px solid {style.BORDER};
    border-radius: 8px; }}
#directoryView QListView#dirResults {{ background: {style.SURFACE};
    border: 1px solid {style.BORDER}; border-radius: 8px; outline: none; }}
#directoryView QTextBrowser#dirCardText {{ border: none; background: transparent; }}
#directoryView QLabel#dirTitle {{ font-size: 16pt; font-weight: 600; color: {style.TEXT}; }}
#directoryView QLabel#dirMuted {{ color: {style.MUTED}; }}
#directoryView QFrame#dirBanner {{ background: {style.WARNING_SOFT}; border: 1px solid #f0d9a8;
    border-radius: 6px; }}
#directoryView QFrame#dirContact {{ background: {style.PRIMARY_SOFT}; border: 1px solid #b8d8da;
    border-radius: 6px; }}
#directoryView QPushButton#dirCreate {{ background: {style.PRIMARY}; color: white;
    border: 1px solid {style.PRIMARY_DARK}; border-radius: 6px; padding: 7px 16px;
    font-weight: 600; }}
#directoryView QPushButton#dirCreate:hover {{ background: {style.PRIMARY_DARK}; }}
#directoryView QScrollBar:vertical {{ background: transparent; width: 10px; margin: 2px; }}
#directoryView QScrollBar::handle:vertical {{ background: #c3cad3; border-radius: 3px;
    min-height: 32px; }}
#directoryView QScrollBar::handle:vertical:hover {{ background: #a9b2bd; }}
#directoryView QScrollBar::add-line:vertical, #directoryView QScrollBar::sub-line:vertical {{
    height: 0; }}
#directoryView QScrollBar::add-page:vertical, #directoryView QScrollBar::sub-page:vertical {{
    background: none; }}
#directoryView QPushButton#dirCreate:disabled {{ background: #9dbfc2; border-color: #9dbfc2; }}
"""


class _SearchBox(QLineEdit):
    """Down arrow or Entrée go to the results, so the keyboard never has to leave the view."""

    moveToResults = Signal()  # noqa: N815

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.moveToResults.emit()
            return
        super().keyPressEvent(event)


class DirectoryView(QWidget):
    """The Annuaire page (see the module docstring)."""

    handoverRequested = Signal(object)  # noqa: N815 -- the service record (dict)
    install_requested = Signal()  # « Installer un pack… »: the workspace picks and installs it
    # « Signaler une information à corriger »: (service record, its structure record or None);
    # the workspace opens the feedback dialog with the open profile.
    feedback_requested = Signal(object, object)
    guide_requested = Signal()  # « Imprimer le guide »: the workspace writes the PDF
    # « Noter "sans solution" »: (contact, need codes) for the owner to record.
    unmet_requested = Signal(object, object)

    def __init__(
        self,
        pack_provider: PackProvider,
        on_create_handover: HandoverCallback | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("directoryView")
        self.setStyleSheet(_STYLE)
        self._provider = pack_provider
        self._on_create = on_create_handover
        self._pack: directory.Pack | None = None
        self._contact: Mapping[str, Any] | None = None
        self._commune_names: dict[str, str] = {}
        self._build()
        self.refresh()

    # -- layout ----------------------------------------------------------------------------------

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(20, 16, 20, 16)
        outer.setSpacing(10)

        head = QHBoxLayout()
        title = QLabel(self.tr("Annuaire des partenaires"), self)
        title.setObjectName("dirTitle")
        head.addWidget(title)
        head.addStretch(1)
        self.pack_label = QLabel(self)
        self.pack_label.setObjectName("dirMuted")
        head.addWidget(self.pack_label)
        self.install_button = QPushButton(self.tr("Installer un pack…"), self)
        self.install_button.setToolTip(
            self.tr("Le pack de référence signé envoyé par votre coordination (.relais-pack)")
        )
        self.install_button.clicked.connect(self.install_requested.emit)
        head.addWidget(self.install_button)
        self.guide_button = QPushButton(self.tr("Imprimer le guide"), self)
        self.guide_button.setToolTip(
            self.tr("Le guide des offres en PDF, par quartier, à remettre aux habitants")
        )
        self.guide_button.clicked.connect(self.guide_requested.emit)
        self.guide_button.hide()
        head.addWidget(self.guide_button)
        self.unmet_map_button = QPushButton(self.tr("Carte des manques"), self)
        self.unmet_map_button.setToolTip(
            self.tr("Les besoins restés sans solution par quartier, comptés par la coordination")
        )
        self.unmet_map_button.clicked.connect(self.open_unmet_map)
        self.unmet_map_button.hide()  # shown when the pack carries one (`refresh`)
        self.unmet_map_dialog: UnmetMapDialog | None = None
        head.addWidget(self.unmet_map_button)
        outer.addLayout(head)
        self.notice = Banner("", parent=self)
        self.notice.hide()
        outer.addWidget(self.notice)

        self.demo_banner = QFrame(self)
        self.demo_banner.setObjectName("dirBanner")
        banner_layout = QHBoxLayout(self.demo_banner)
        banner_layout.setContentsMargins(12, 6, 12, 6)
        banner_text = QLabel(
            self.tr(
                "Annuaire de démonstration : structures et quartiers fictifs. Il sera remplacé "
                "par le pack de votre coordination."
            ),
            self.demo_banner,
        )
        banner_text.setWordWrap(True)
        banner_layout.addWidget(banner_text)
        outer.addWidget(self.demo_banner)

        self.contact_frame = QFrame(self)
        self.contact_frame.setObjectName("dirContact")
        contact_layout = QHBoxLayout(self.contact_frame)
        contact_layout.setContentsMargins(12, 6, 8, 6)
        self.contact_label = QLabel(self.contact_frame)
        self.contact_label.setWordWrap(True)
        contact_layout.addWidget(self.contact_label, 1)
        self.clear_contact_button = QPushButton(self.tr("Voir tout l'annuaire"), self.contact_frame)
        self.clear_contact_button.clicked.connect(lambda: self.show_for_contact(None))
        contact_layout.addWidget(self.clear_contact_button)
        self.unmet_button = QPushButton(self.tr("Noter « sans solution »"), self.contact_frame)
        self.unmet_button.setToolTip(
            self.tr("Ces besoins sont comptés dans le rapport de la coordination, par quartier")
        )
        self.unmet_button.clicked.connect(self._unmet_clicked)
        self.unmet_button.hide()
        self._unmet_enabled = False
        # Employers' places this month (services.employers.ranking_places), set by the owner.
        self.employer_places: dict[str, tuple[int, int]] = {}
        self.unmet: list[str] = []
        contact_layout.addWidget(self.unmet_button)
        self.contact_frame.hide()
        outer.addWidget(self.contact_frame)

        self.search = _SearchBox(self)
        self.search.setPlaceholderText(
            self.tr("Rechercher un service ou une structure (ex. : permis, logement, CV)…")
        )
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Rechercher dans l'annuaire"))
        self.search.textChanged.connect(self._apply)
        self.search.moveToResults.connect(self._focus_results)
        outer.addWidget(self.search)

        filters = QHBoxLayout()
        filters.setSpacing(8)
        self.need_filter = self._combo(self.tr("Besoin"), filters)
        self.public_filter = self._combo(self.tr("Public"), filters)
        self.type_filter = self._combo(self.tr("Type"), filters)
        self.commune_filter = self._combo(self.tr("Commune"), filters)
        self.reset_button = QPushButton(self.tr("Effacer les filtres"), self)
        self.reset_button.clicked.connect(self.reset_filters)
        filters.addWidget(self.reset_button)
        filters.addStretch(1)
        outer.addLayout(filters)

        self.count_label = QLabel(self)
        self.count_label.setObjectName("dirMuted")
        outer.addWidget(self.count_label)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setChildrenCollapsible(False)
        self.stack = QStackedWidget(splitter)
        self.model = ResultsModel(self)
        self.results = ResultsList(self.stack)
        self.results.setObjectName("dirResults")
        self.results.setModel(self.model)
        self.results.setItemDelegate(ResultDelegate(self.results))
        self.results.setMouseTracking(True)
        self.results.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.results.setAccessibleName(self.tr("Services trouvés"))
        self.results.selectionModel().currentChanged.connect(self._show_current)
        self.results.doubleClicked.connect(self._create_from_index)
        self.results.activatedByKey.connect(self._create_from_index)
        self.stack.addWidget(self.results)
        self.empty = QLabel(self._no_match_text(), self.stack)
        self.empty.setWordWrap(True)
        self.empty.setObjectName("dirMuted")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack.addWidget(self.empty)

        self.card = QFrame(splitter)
        self.card.setObjectName("dirCard")
        card_layout = QVBoxLayout(self.card)
        card_layout.setContentsMargins(18, 14, 18, 14)
        self.card_text = QTextBrowser(self.card)
        self.card_text.setObjectName("dirCardText")
        self.card_text.setOpenLinks(False)
        self.card_text.setFrameShape(QFrame.Shape.NoFrame)
        palette = self.card_text.palette()
        palette.setColor(QPalette.ColorRole.Base, QColor(style.SURFACE))
        self.card_text.setPalette(palette)
        card_layout.addWidget(self.card_text, 1)
        self.create_button = QPushButton(self.tr("Créer un relais vers ce service"), self.card)
        self.create_button.setObjectName("dirCreate")
        self.create_button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.create_button.clicked.connect(self._create_from_card)
        actions = QHBoxLayout()
        actions.addWidget(self.create_button)
        self.feedback_button = QPushButton(self.tr("Signaler une information à corriger"), self)
        self.feedback_button.setToolTip(
            self.tr("Une fiche fausse ou périmée : prévenez la coordination")
        )
        self.feedback_button.clicked.connect(self._feedback_from_card)
        self.feedback_button.hide()  # shown once a receiver is connected (`enable_feedback`)
        actions.addWidget(self.feedback_button)
        actions.addStretch(1)
        card_layout.addLayout(actions)
        splitter.addWidget(self.stack)
        splitter.addWidget(self.card)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([380, 560])
        outer.addWidget(splitter, 1)

    def _combo(self, caption: str, row: QHBoxLayout) -> QComboBox:
        label = QLabel(caption, self)
        combo = QComboBox(self)
        combo.setAccessibleName(caption)
        # Same width for the four filters; the open list is as wide as its longest label.
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(14)
        combo.setMaxVisibleItems(20)
        label.setBuddy(combo)
        combo.currentIndexChanged.connect(self._apply)
        row.addWidget(label)
        row.addWidget(combo)
        return combo

    def _no_match_text(self) -> str:
        if self._pack is not None and not self._pack.demo and not self._pack.version:
            # A real profile before its coordination's pack: say what to do, not "no match".
            return self.tr(
                "Aucun annuaire installé.\nInstallez le pack de référence de votre "
                "coordination : bouton « Installer un pack… » ci-dessus, avec le fichier "
                ".relais-pack qu'elle vous a envoyé."
            )
        return self.tr("Aucun service ne correspond.\nEssayez un autre mot, ou retirez un filtre.")

    # -- data ------------------------------------------------------------------------------------

    @property
    def pack(self) -> directory.Pack:
        assert self._pack is not None
        return self._pack

    def show_notice(self, text: str, *, error: bool = False) -> None:
        """The result of installing a pack, in words, above the list."""
        self.notice.setObjectName("errorBanner" if error else "banner")
        self.notice.style().unpolish(self.notice)
        self.notice.style().polish(self.notice)
        self.notice.set_text(text)
        self.notice.show()

    def refresh(self) -> None:
        """Ask the provider for the current pack and show it (filters keep their values)."""
        self._pack = self._provider()
        pack = self._pack
        if pack.demo:
            self.pack_label.setText(self.tr("Démonstration — données fictives"))
        elif not pack.version:
            self.pack_label.setText(self.tr("Aucun annuaire installé"))
        else:
            where = f" · {pack.coordination}" if pack.coordination else ""
            self.pack_label.setText(
                self.tr("Pack n° {version} du {day}{where}").format(
                    version=pack.version, day=french_date(pack.date), where=where
                )
            )
        self.demo_banner.setVisible(pack.demo)
        self.unmet_map_button.setVisible(bool(directory.unmet_map(pack)))
        self._fill(self.need_filter, self.tr("Tous les besoins"), directory.need_choices())
        self._fill(self.public_filter, self.tr("Tous les publics"), directory.public_choices())
        self._fill(self.type_filter, self.tr("Tous les types"), directory.type_choices())
        communes = directory.communes(pack)
        self._commune_names = dict(communes)
        self._fill(self.commune_filter, self.tr("Toutes les communes"), communes)
        self._apply()

    @staticmethod
    def _fill(combo: QComboBox, everything: str, choices: Sequence[tuple[str, str]]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(everything, None)
        for code, text in choices:
            combo.addItem(text, code)
        combo.view().setMinimumWidth(combo.view().sizeHintForColumn(0) + 24)
        found = combo.findData(current) if current is not None else -1
        combo.setCurrentIndex(max(found, 0))
        combo.blockSignals(False)

    def reset_filters(self) -> None:
        for combo in (self.need_filter, self.public_filter, self.type_filter, self.commune_filter):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.search.clear()  # triggers _apply
        self._apply()

    def set_filters(
        self,
        *,
        text: str | None = None,
        need: str | None = None,
        public: str | None = None,
        type: str | None = None,
        commune: str | None = None,
    ) -> None:
        """Set the search and filters at once (None: "all")."""
        for combo, code in (
            (self.need_filter, need),
            (self.public_filter, public),
            (self.type_filter, type),
            (self.commune_filter, commune),
        ):
            combo.blockSignals(True)
            combo.setCurrentIndex(max(combo.findData(code), 0) if code else 0)
            combo.blockSignals(False)
        if text is not None:
            self.search.blockSignals(True)
            self.search.setText(text)
            self.search.blockSignals(False)
        self._apply()

    def show_for_contact(self, contact: Mapping[str, Any] | None) -> None:
        """Rank the results for `contact` and show why; None goes back to the plain list."""
        self._contact = contact
        self.results.clearSelection()
        self.results.setCurrentIndex(QModelIndex())  # the best match is the one to show
        if contact is None:
            self.contact_frame.hide()
        else:
            names = directory.neighbourhood_names(self.pack)
            text = contact_summary(contact, names)
            unmet = directory.unmet_needs(self.pack, contact)
            self.unmet = unmet
            self.unmet_button.setVisible(bool(unmet) and self._unmet_enabled)
            if unmet:
                needs = ", ".join(directory.label("categorie", n).lower() for n in unmet)
                text += "\n" + self.tr(
                    "⚠ Sans solution dans l'annuaire pour ce quartier et ce public : %1"
                ).replace("%1", needs)
            known = self._known_gaps(contact)
            if known:
                text += "\n" + self.tr("Manque connu dans ce quartier (12 mois) : %1").replace(
                    "%1", known
                )
            self.contact_label.setText(text)
            self.contact_frame.show()
        self._apply()

    def _known_gaps(self, contact: Mapping[str, Any]) -> str:
        """« mobilité (7), logement (moins de 5) »: the contact's needs that the carte des
        manques lists for its neighbourhood; empty when none."""
        gaps = directory.unmet_of_neighbourhood(self.pack, contact.get("neighbourhood"))
        if gaps is None:
            return ""
        needs = set(contact.get("needs") or ())
        shown = []
        for row in gaps.rows:
            if row.need in needs:
                count = hidden_text(self, gaps.seuil) if row.count is None else str(row.count)
                shown.append(f"{row.label.lower()} ({count})")
        return ", ".join(shown)

    def open_unmet_map(self) -> UnmetMapDialog:
        """« Carte des manques »: the pack's carte in a dialog (kept in `unmet_map_dialog`)."""
        if self.unmet_map_dialog is not None:
            self.unmet_map_dialog.deleteLater()  # the one opened before, perhaps of another pack
        dialog = UnmetMapDialog(directory.unmet_map(self.pack), self)
        self.unmet_map_dialog = dialog
        dialog.open()
        return dialog

    def results_entries(self) -> list[directory.Entry]:
        """What the list shows, in order (for tests and for the handover dialog)."""
        return [e for e in (self.model.entry(r) for r in range(self.model.rowCount())) if e]

    def _apply(self, *_: object) -> None:
        if self._pack is None:
            return
        found = directory.search_services(
            self._pack,
            self.search.text(),
            need=self.need_filter.currentData(),
            public=self.public_filter.currentData(),
            type=self.type_filter.currentData(),
            commune=self.commune_filter.currentData(),
        )
        hints: list[directory.Ranked | None] = []
        if self._contact is not None:
            ranked = directory.rank_for_contact(
                self._pack, self._contact, among=found, places=self.employer_places
            )
            by_id = {id(e.service): e for e in found}
            found = [by_id[id(r.service)] for r in ranked]
            hints = list(ranked)
        previous = self._current_entry()
        self.model.set_results(found, hints)
        total = len(self._pack.services)
        if len(found) == total:
            self.count_label.setText(plural(total, self.tr("%n service"), self.tr("%n services")))
        else:
            self.count_label.setText(
                plural(
                    len(found), self.tr("%n service sur %1"), self.tr("%n services sur %1")
                ).replace("%1", str(total))
            )
        self.empty.setText(self._no_match_text())
        self.stack.setCurrentWidget(self.results if found else self.empty)
        row = 0
        if previous is not None:
            row = next((i for i, e in enumerate(found) if e.id == previous.id), 0)
        if found:
            self.results.setCurrentIndex(self.model.index(row, 0))
            self.results.scrollTo(self.model.index(row, 0))
        else:
            self._show_entry(None, None)

    def _current_entry(self) -> directory.Entry | None:
        index = self.results.currentIndex()
        return self.model.entry(index.row()) if index.isValid() else None

    def current_service(self) -> Mapping[str, Any] | None:
        entry = self._current_entry()
        return entry.service if entry is not None else None

    def _show_current(self, current: QModelIndex, _previous: QModelIndex | None = None) -> None:
        self._show_entry(self.model.entry(current.row()), self.model.hint(current.row()))

    def _show_entry(self, entry: directory.Entry | None, hint: directory.Ranked | None) -> None:
        self.create_button.setEnabled(entry is not None)
        self.feedback_button.setEnabled(entry is not None)
        if entry is None:
            self.card_text.setHtml(
                f"<p style='color:{style.MUTED}'>"
                f"{html.escape(self.tr('Aucun service choisi.'))}</p>"
            )
            return
        places = self.employer_places.get(str(entry.service.get("structure_id")))
        self.card_text.setHtml(card_html(entry, hint, self.tr, self._commune_names, places=places))

    def _focus_results(self) -> None:
        self.results.setFocus()
        if not self.results.currentIndex().isValid() and self.model.rowCount():
            self.results.setCurrentIndex(self.model.index(0, 0))

    # -- actions ---------------------------------------------------------------------------------

    def _create_from_index(self, index: QModelIndex) -> None:
        entry = self.model.entry(index.row())
        if entry is not None:
            self._request(entry)

    def _create_from_card(self) -> None:
        entry = self._current_entry()
        if entry is not None:
            self._request(entry)

    def enable_feedback(self) -> None:
        """Show « Signaler une information à corriger » and « Imprimer le guide » (the Annuaire
        page of a profile; not the partner picker of a handover)."""
        self.feedback_button.show()
        self.guide_button.show()

    def enable_unmet(self) -> None:
        """Offer « Noter "sans solution" » for the contact ranked (the handover's picker)."""
        self._unmet_enabled = True
        self.unmet_button.setVisible(bool(self.unmet) and self._contact is not None)

    def _unmet_clicked(self) -> None:
        if self._contact is not None and self.unmet:
            self.unmet_requested.emit(self._contact, list(self.unmet))

    def _feedback_from_card(self) -> None:
        entry = self._current_entry()
        if entry is not None:
            self.feedback_requested.emit(entry.service, entry.structure)

    def _request(self, entry: directory.Entry) -> None:
        service = entry.service
        self.handoverRequested.emit(service)
        if self._on_create is not None:
            self._on_create(service)


def rank_view(
    pack_provider: PackProvider,
    contact: Mapping[str, Any],
    on_create_handover: HandoverCallback | None = None,
    parent: QWidget | None = None,
    places: Mapping[str, tuple[int, int]] | None = None,
) -> DirectoryView:
    """A directory view already ranked for `contact` (e.g. the partner picker of a handover);
    `places`: employers' places this month (issue 18)."""
    view = DirectoryView(pack_provider, on_create_handover, parent)
    view.employer_places = dict(places or {})
    view.show_for_contact(contact)
    return view
