"""Messages of this layer: code → (French, English). See `fieldapp/messages/__init__.py`."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "reports.month.label": ("{month} {year}", "{month} {year}"),
    "reports.month.m01": ("janvier", "January"),
    "reports.month.m02": ("février", "February"),
    "reports.month.m03": ("mars", "March"),
    "reports.month.m04": ("avril", "April"),
    "reports.month.m05": ("mai", "May"),
    "reports.month.m06": ("juin", "June"),
    "reports.month.m07": ("juillet", "July"),
    "reports.month.m08": ("août", "August"),
    "reports.month.m09": ("septembre", "September"),
    "reports.month.m10": ("octobre", "October"),
    "reports.month.m11": ("novembre", "November"),
    "reports.month.m12": ("décembre", "December"),
    "reports.period.day_format": ("%d/%m/%Y", "%d/%m/%Y"),
    "reports.period.between": ("du {start} au {end}", "from {start} to {end}"),
    "reports.period.since": ("depuis le {start}", "since {start}"),
    "reports.period.until": ("jusqu'au {end}", "until {end}"),
    "reports.scope.neighbourhood": ("quartier {name}", "neighbourhood {name}"),
    "reports.scope.structure_type": (
        "structures de type « {name} »",
        "structures of type “{name}”",
    ),
    "reports.scope.structure": ("structure {id}", "structure {id}"),
    "reports.header.period": ("Période : {period}", "Period: {period}"),
    "reports.header.scope": ("Périmètre : {scope}", "Scope: {scope}"),
    "reports.header.generated": (
        "Produit le {day} à {time} ({zone})",
        "Produced on {day} at {time} ({zone})",
    ),
    "reports.header.method": ("Méthode", "Method"),
    "reports.legend.plain": (
        "{not_applicable} : non calculable (base nulle).",
        "{not_applicable}: not computable (zero base).",
    ),
    "reports.legend.suppressed": (
        "« < {k} » : effectif non nul inférieur à {k}, masqué ; « {confidential} » : secret "
        "statistique (effectif masqué pour protéger une case « < {k} », ou taux et délai dont la "
        "base est masquée ou inférieure à {k}) ; « {not_applicable} » : non calculable (base "
        "nulle).",
        "“< {k}”: non-zero count below {k}, hidden; “{confidential}”: statistical "
        "confidentiality (count hidden to protect a “< {k}” cell, or rate and time whose base is "
        "hidden or below {k}); “{not_applicable}”: not computable (zero base).",
    ),
    "reports.method.scope": (
        "Périmètre : les contacts non annulés dont la date tombe dans la période, dans le "
        "quartier et les structures retenus. Un relais est rattaché au contact dont il est issu "
        "(mois, quartier, type de structure).",
        "Scope: the contacts not cancelled whose date falls in the period, in the chosen "
        "neighbourhood and structures. A handover belongs to the contact it came from (month, "
        "neighbourhood, structure type).",
    ),
    "reports.method.people": (
        "Personnes distinctes : pseudonymes distincts ; un contact sans pseudonyme est compté à "
        "part, comme une personne. Une personne rencontrée plusieurs mois, ou dans plusieurs "
        "quartiers, compte dans chacun : ces lignes ne s'additionnent pas.",
        "Distinct people: distinct pseudonyms; a contact without a pseudonym counts separately, "
        "as one person. A person met in several months, or in several neighbourhoods, counts in "
        "each: these rows do not add up.",
    ),
    "reports.method.invisible": (
        "Invisibles : personnes ayant déclaré n'être inscrites nulle part, et jamais une "
        "inscription au cours de la période ; leur part est rapportée aux personnes dont "
        "l'inscription est connue.",
        "Invisible people: people who said they were registered nowhere, and never a "
        "registration during the period; their share is relative to the people whose "
        "registration is known.",
    ),
    "reports.method.funnel": (
        "Parcours des relais : un relais compte à une étape si son historique l'a atteinte un "
        "jour. Délai : jours calendaires entre la proposition et le premier rendez-vous honoré.",
        "Handover path: a handover counts at a stage if its history ever reached it. Time: "
        "calendar days between the proposal and the first attended appointment.",
    ),
    "reports.method.suppression": (
        "Secret statistique : tout effectif non nul inférieur à {k} est affiché « < {k} ». Pour "
        "qu'aucun total ne permette de le retrouver par soustraction, d'autres cases de la même "
        "ligne ou colonne sont masquées aussi (secret secondaire), jusqu'à ce qu'aucune case "
        "masquée ne puisse être recalculée. Un taux, une médiane ou un quartile n'est pas publié "
        "(« {confidential} ») si l'un des effectifs dont il dépend est masqué, ou s'il repose "
        "sur moins de {k} valeurs. Le zéro n'est pas masqué.",
        "Statistical confidentiality: any non-zero count below {k} is shown “< {k}”. So that no "
        "total gives it back by subtraction, other cells of the same row or column are hidden "
        "too (secondary suppression), until no hidden cell can be recomputed. A rate, median or "
        "quartile is not published (“{confidential}”) if one of the counts it depends on is "
        "hidden, or if it rests on fewer than {k} values. Zero is not hidden.",
    ),
    "reports.note.quartiles_k": (
        "Quartiles par interpolation linéaire (comme QUARTILE.INCLUS dans Excel) ; publiés à "
        "partir de k valeurs seulement.",
        "Quartiles by linear interpolation (like QUARTILE.INC in Excel); published from k values "
        "only.",
    ),
    "reports.note.quartiles": (
        "Quartiles par interpolation linéaire (comme QUARTILE.INCLUS dans Excel).",
        "Quartiles by linear interpolation (like QUARTILE.INC in Excel).",
    ),
    "reports.note.registrations": (
        "Une personne peut être inscrite auprès de plusieurs organismes : les lignes ne "
        "s'additionnent pas.",
        "A person may be registered with several organisations: the rows do not add up.",
    ),
    "reports.stage.proposed": ("Proposés", "Proposed"),
    "reports.stage.appointment_set": ("Rendez-vous fixé", "Appointment set"),
    "reports.stage.appointment_attended": ("Rendez-vous honoré", "Appointment attended"),
    "reports.stage.entered": ("Entrés dans le dispositif", "Entered the programme"),
    "reports.stage.lost": ("Perdus de vue", "Lost to follow-up"),
    "reports.stage.expired": ("Expirés", "Expired"),
    "reports.label.total": ("Total", "Total"),
    "reports.label.hors_qpv": ("Hors QPV", "Outside QPV"),
    "reports.label.not_stated": ("Non renseigné", "Not stated"),
    "reports.period.all": ("toute la période enregistrée", "the whole recorded period"),
    "reports.scope.all": (
        "tous les quartiers et toutes les structures",
        "all neighbourhoods and all structures",
    ),
    "reports.title.default": ("Relais — indicateurs de l'alliance", "Relais — alliance indicators"),
    "reports.method.own_data": (
        "Vos propres données : aucun effectif n'est masqué.",
        "Your own data: no count is hidden.",
    ),
    "reports.label.contacts": ("Contacts", "Contacts"),
    "reports.key.first_contacts": ("dont premiers contacts", "of which first contacts"),
    "reports.key.recontacts": ("dont recontacts", "of which repeat contacts"),
    "reports.label.distinct_people": (
        "Personnes distinctes (pseudonymes)",
        "Distinct people (pseudonyms)",
    ),
    "reports.label.no_pseudonym": ("Contacts sans pseudonyme", "Contacts without a pseudonym"),
    "reports.key.registration_known": (
        "Personnes dont l'inscription est connue",
        "People whose registration is known",
    ),
    "reports.key.invisible": ("Invisibles (inscrits nulle part)", "Invisible (registered nowhere)"),
    "reports.label.invisible_share": ("Part des invisibles", "Share of invisible people"),
    "reports.key.proposed": ("Relais proposés", "Handovers proposed"),
    "reports.key.entered": (
        "Relais entrés dans un dispositif",
        "Handovers that entered a programme",
    ),
    "reports.key.entry_rate": (
        "Taux d'entrée (entrés / proposés)",
        "Entry rate (entered / proposed)",
    ),
    "reports.key.lost": (
        "Relais perdus de vue ou expirés",
        "Handovers lost to follow-up or expired",
    ),
    "reports.key.median_delay": (
        "Délai médian jusqu'au premier rendez-vous honoré (jours)",
        "Median time to the first attended appointment (days)",
    ),
    "reports.title.key_figures": ("Chiffres clés", "Key figures"),
    "reports.column.indicator": ("Indicateur", "Indicator"),
    "reports.column.value": ("Valeur", "Value"),
    "reports.title.contacts_by_month": ("Contacts par mois", "Contacts by month"),
    "reports.column.first_contacts": ("Premiers contacts", "First contacts"),
    "reports.column.recontacts": ("Recontacts", "Repeat contacts"),
    "reports.column.month": ("Mois", "Month"),
    "reports.title.people_by_month": ("Personnes distinctes par mois", "Distinct people by month"),
    "reports.note.people_by_month": (
        "Une personne vue plusieurs mois compte dans chacun ; le total compte chacune une fois.",
        "A person seen in several months counts in each; the total counts each once.",
    ),
    "reports.title.neighbourhoods": (
        "Contacts par quartier et type de structure",
        "Contacts by neighbourhood and structure type",
    ),
    "reports.column.neighbourhood": ("Quartier", "Neighbourhood"),
    "reports.title.detail": (
        "Contacts par mois, quartier et type de structure",
        "Contacts by month, neighbourhood and structure type",
    ),
    "reports.note.detail": (
        "Seules figurent les combinaisons mois × quartier où au moins un contact a eu lieu.",
        "Only month × neighbourhood combinations with at least one contact are listed.",
    ),
    "reports.title.people_by_neighbourhood": (
        "Personnes et invisibles par quartier",
        "People and invisible people by neighbourhood",
    ),
    "reports.column.people_met_all": (
        "Personnes rencontrées (avec contacts sans pseudonyme)",
        "People met (with contacts without a pseudonym)",
    ),
    "reports.label.registration_known": ("Inscription connue", "Registration known"),
    "reports.column.invisible": ("Invisibles", "Invisible"),
    "reports.note.people_by_neighbourhood": (
        "Une personne rencontrée dans plusieurs quartiers compte dans chacun.",
        "A person met in several neighbourhoods counts in each.",
    ),
    "reports.label.no_registration": (
        "Aucune inscription (invisibles)",
        "No registration (invisible)",
    ),
    "reports.label.registration_unknown": ("Inscription inconnue", "Registration unknown"),
    "reports.label.people_met": ("Personnes rencontrées", "People met"),
    "reports.title.registrations": (
        "Inscriptions déclarées (personnes)",
        "Declared registrations (people)",
    ),
    "reports.column.registration": ("Inscription", "Registration"),
    "reports.column.people": ("Personnes", "People"),
    "reports.column.known_share": ("Part des inscriptions connues", "Share of known registrations"),
    "reports.label.scope_contacts": ("Contacts du périmètre", "Contacts in scope"),
    "reports.title.needs": (
        "Besoins exprimés (catégories data·inclusion)",
        "Expressed needs (data·inclusion categories)",
    ),
    "reports.column.need": ("Besoin", "Need"),
    "reports.column.contacts_share": ("Part des contacts", "Share of contacts"),
    "reports.note.needs": (
        "Un contact peut exprimer plusieurs besoins : les lignes ne s'additionnent pas.",
        "A contact may express several needs: the rows do not add up.",
    ),
    "reports.title.age_gender": (
        "Contacts par tranche d'âge et genre",
        "Contacts by age band and gender",
    ),
    "reports.column.age_band": ("Tranche d'âge", "Age band"),
    "reports.rate.appointment_set": ("Taux RDV fixé", "Appointment set rate"),
    "reports.rate.appointment_attended": ("Taux RDV honoré", "Appointment attended rate"),
    "reports.rate.entry_after_appointment": (
        "Taux d'entrée après RDV",
        "Entry rate after appointment",
    ),
    "reports.rate.entry_overall": ("Taux d'entrée global", "Overall entry rate"),
    "reports.title.funnel": (
        "Parcours des relais accompagnés, par mois du contact",
        "Path of accompanied handovers, by month of contact",
    ),
    "reports.note.funnel": (
        "Un relais compte à chaque étape que son historique a atteinte.",
        "A handover counts at every stage its history reached.",
    ),
    "reports.title.partners": (
        "Relais par partenaire et service",
        "Handovers by partner and service",
    ),
    "reports.column.partner": ("Partenaire", "Partner"),
    "reports.column.service": ("Service", "Service"),
    "reports.column.lost_or_expired": ("Perdus de vue ou expirés", "Lost to follow-up or expired"),
    "reports.column.entry_rate": ("Taux d'entrée", "Entry rate"),
    "reports.note.partners": (
        "Partenaire et service : leurs noms dans l'annuaire de la coordination, sinon le nom "
        "saisi. Une ligne par partenaire (en gras, son total, quand il a plusieurs services) et "
        "une par service.",
        "Partner and service: their names in the coordination's directory, otherwise the name "
        "typed in. One line per partner (in bold, its total, when it has several services) and "
        "one per service.",
    ),
    "reports.title.delays": (
        "Délai entre la proposition et le premier rendez-vous honoré (jours)",
        "Time between the proposal and the first attended appointment (days)",
    ),
    "reports.column.attended": (
        "Relais avec rendez-vous honoré",
        "Handovers with an attended appointment",
    ),
    "reports.column.q1": ("1er quartile", "1st quartile"),
    "reports.column.median": ("Médiane", "Median"),
    "reports.column.q3": ("3e quartile", "3rd quartile"),
    # XLSX sheet names (≤ 31 characters, Excel's limit): a short name per table, never a cut title
    "reports.sheet.synthese": ("Chiffres clés", "Key figures"),
    "reports.sheet.contacts_mois": ("Contacts par mois", "Contacts by month"),
    "reports.sheet.personnes_mois": ("Personnes distinctes par mois", "Distinct people by month"),
    "reports.sheet.quartiers": ("Contacts par quartier", "Contacts by neighbourhood"),
    "reports.sheet.detail": ("Mois, quartier et type", "Month, neighbourhood and type"),
    "reports.sheet.quartiers_personnes": ("Personnes et invisibles", "People and invisible people"),
    "reports.sheet.inscriptions": ("Inscriptions déclarées", "Declared registrations"),
    "reports.sheet.besoins": ("Besoins exprimés", "Expressed needs"),
    "reports.sheet.age_genre": ("Âge et genre", "Age band and gender"),
    "reports.sheet.relais_mois": ("Parcours des relais par mois", "Path of handovers by month"),
    "reports.sheet.relais_partenaires": ("Relais par partenaire", "Handovers by partner"),
    "reports.sheet.delais": ("Délai, premier rendez-vous", "Time, first appointment (days)"),
    "reports.sheet.legend": ("Légende", "Legend"),
    # the XLSX legend sheet: what an empty shaded cell with a comment stands for
    "reports.xlsx.legend_title": (
        "Lire les cases vides",
        "Reading the empty cells",
    ),
    "reports.xlsx.legend_intro": (
        "Les nombres sont de vrais nombres (Excel peut les additionner). Une case masquée est "
        "vide, grisée, et son commentaire dit pourquoi :",
        "Numbers are real numbers (Excel can add them up). A hidden cell is empty, shaded, and "
        "its comment says why:",
    ),
    "reports.xlsx.legend_small": (
        "effectif non nul inférieur à {k}, masqué (secret statistique).",
        "non-zero count below {k}, hidden (statistical confidentiality).",
    ),
    "reports.xlsx.legend_confidential": (
        "secret statistique : effectif masqué pour qu'on ne puisse pas retrouver une case "
        "« < {k} » par soustraction, ou taux et délai dont la base est masquée ou inférieure "
        "à {k}.",
        "statistical confidentiality: a count hidden so that a “< {k}” cell cannot be found by "
        "subtraction, or a rate or time whose base is hidden or below {k}.",
    ),
    "reports.xlsx.legend_not_applicable": (
        "non calculable (base nulle) : case vide, non grisée.",
        "not computable (zero base): empty cell, not shaded.",
    ),
    "reports.xlsx.legend_months": (
        "Les mois sont des dates (le 1er du mois) : on peut les trier et les filtrer.",
        "Months are dates (the 1st of the month): they sort and filter as dates.",
    ),
    # the partners table (publish._partners): names, never directory ids
    "reports.label.all_services": ("Tous services", "All services"),
    "reports.label.service_not_given": ("Service non précisé", "Service not given"),
    "reports.label.service_unnamed": ("Service sans nom connu", "Service with no known name"),
}
