"""Messages of this layer: code → (French, English). See `fieldapp/messages/__init__.py`."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # the sync destination form (ui/sync/destination.py)
    "ui.sync.webdav_address": (
        "Adresse WebDAV invalide : https://serveur/chemin/ attendu.",
        "Invalid WebDAV address: https://server/path/ expected.",
    ),
    # the directory's ranking summary and service zones (ui/directory/card.py)
    "ui.directory.ranking": ("Classement pour le contact", "Ranking for the contact"),
    "ui.directory.ranking_on": (
        "Classement pour le contact du {date}",
        "Ranking for the contact of {date}",
    ),
    "ui.directory.age": ("{band} ans", "{band} years old"),
    "ui.directory.needs": ("besoins : {needs}", "needs: {needs}"),
    "ui.directory.zone.france": ("France entière", "All of France"),
    "ui.directory.zone.department": ("département {code}", "département {code}"),
    "ui.directory.zone.epci": ("intercommunalité {code}", "intercommunality {code}"),
    # chart titles and series (ui/coordination/charts.py), on screen and in the PDF report
    "ui.chart.contacts_by_month": ("Contacts par mois", "Contacts per month"),
    "ui.chart.contacts_by_month_in": (
        "Contacts par mois ({period})",
        "Contacts per month ({period})",
    ),
    "ui.chart.funnel": ("Parcours des relais", "Handover funnel"),
    "ui.chart.handovers": ("Relais", "Handovers"),
    "ui.chart.needs": ("Besoins les plus exprimés", "Most expressed needs"),
    "ui.chart.neighbourhoods": ("Contacts par quartier", "Contacts per neighbourhood"),
    "ui.dashboard.period": ("Période {period} — {scope}", "Period {period} — {scope}"),
    "ui.dashboard.tip_small": (
        "« < {k} » : effectif non nul inférieur à {k}, masqué (secret statistique)",
        "“< {k}”: non-zero count below {k}, hidden (statistical confidentiality)",
    ),
    "ui.dashboard.tip_confidential": (
        "« s » : secret statistique — masqué pour qu'on ne retrouve pas une case « < {k} », ou "
        "taux et délai dont la base est masquée ou inférieure à {k}",
        "“s”: statistical confidentiality — hidden so that no “< {k}” cell can be worked out, "
        "or a rate or time whose base is hidden or below {k}",
    ),
    # the PDF report's own lines (ui/coordination/report_pdf.py)
    "ui.pdf.period": ("Période : {period} — {scope}", "Period: {period} — {scope}"),
    "ui.pdf.generated": (
        "Produit le {day} à {time} ({zone}) par Relais",
        "Produced on {day} at {time} ({zone}) by Relais",
    ),
    "ui.pdf.suppression": (
        " — secret statistique : effectifs inférieurs à {k} masqués",
        " — statistical confidentiality: counts below {k} hidden",
    ),
    "ui.chart.hidden_mark": (
        "Graphiques : « * » marque une catégorie dont une part est masquée (« < {k} » ou « s ») ; "
        "son total, s'il est publié, est dessiné d'une seule barre « Total (détail masqué) ».",
        "Charts: “*” marks a category with a hidden part (“< {k}” or “s”); its total, when "
        "published, is drawn as one bar “Total (detail hidden)”.",
    ),
    "ui.chart.total_hidden_detail": ("Total (détail masqué)", "Total (detail hidden)"),
    "ui.pdf.method": ("Méthode et secret statistique", "Method and statistical confidentiality"),
    # the first-run assistant (ui/onboarding/first_run.py)
    "ui.first_run.pdf_failed": (
        "Le PDF n'a pas pu être enregistré dans {folder} (dossier protégé, plein ou absent). "
        "Rien n'est perdu : choisissez un autre dossier, ou imprimez la feuille.",
        "The PDF could not be saved in {folder} (protected, full or missing folder). "
        "Nothing is lost: choose another folder, or print the sheet.",
    ),
    # keyboard and feedback of the notebook (issue 20 items 3-5, issue 21 item 7)
    "ui.chips.hint": (
        "Cases à cocher : flèches pour passer d'un choix à l'autre, Espace pour cocher ou "
        "décocher, Tab pour le champ suivant.",
        "Tick boxes: arrow keys move between choices, Space ticks or unticks, Tab goes to the "
        "next field.",
    ),
    "ui.contacts.empty_title": ("Aucun contact pour l'instant", "No contact yet"),
    "ui.contacts.empty": (
        "Les rencontres notées apparaissent ici, les plus récentes en haut. Ctrl+N pour noter "
        "la première, ou importez un tableur.",
        "The encounters you note appear here, newest first. Ctrl+N to note the first one, or "
        "import a spreadsheet.",
    ),
    "ui.contacts.none_match_title": (
        "Aucun contact ne correspond aux filtres",
        "No contact matches the filters",
    ),
    "ui.contacts.none_match": (
        "Élargissez la période ou effacez les filtres pour revoir toute la liste.",
        "Widen the period or clear the filters to see the whole list again.",
    ),
    "ui.contacts.sorted_newest": (
        "Trié du plus récent au plus ancien",
        "Sorted newest first",
    ),
    "ui.contacts.sorted_oldest": (
        "Trié du plus ancien au plus récent",
        "Sorted oldest first",
    ),
    "ui.contact.saved": ("✓ Contact du {day} enregistré.", "✓ Contact of {day} saved."),
    "ui.contact.handover_missing": (
        "Aucun relais créé : ce contact dit « Relais effectué » ; proposez le relais depuis sa "
        "fiche ou changez la suite donnée.",
        "No handover created: this contact says « Handover made »; propose the handover from "
        "its card or change the outcome.",
    ),
    "ui.handover.created": ("✓ Relais proposé.", "✓ Handover proposed."),
    "ui.chooser.title": ("Pour quel contact ?", "For which contact?"),
    "ui.chooser.intro": (
        "Un relais part d'une rencontre : choisissez-la (la plus récente en haut), puis Entrée.",
        "A handover starts from an encounter: choose it (newest at the top), then Enter.",
    ),
    "ui.chooser.empty": (
        "Aucun contact dans ce carnet : notez d'abord la rencontre (Ctrl+N).",
        "No contact in this notebook: note the encounter first (Ctrl+N).",
    ),
    "ui.chooser.choose": ("Choisir ce contact", "Choose this contact"),
}
