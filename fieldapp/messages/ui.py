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
}
