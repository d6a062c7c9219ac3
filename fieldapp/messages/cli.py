"""Messages of this layer: code → (French, English). See `fieldapp/messages/__init__.py`."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # how main reports what no command handled (fieldapp/cli/__init__.py)
    "cli.usage": ("{message} (voir « {prog} --help »)", "{message} (see “{prog} --help”)"),
    "cli.interrupted": ("interrompu", "interrupted"),
    "cli.os_error": ("erreur système : {reason}", "system error: {reason}"),
    "cli.os_error_at": ("erreur système ({path}) : {reason}", "system error ({path}): {reason}"),
    "cli.bug": (
        "Erreur interne de Relais (bogue) : {type} — relancez avec FIELDAPP_DEBUG=1 pour voir "
        "le détail, et signalez-la.",
        "Relais internal error (bug): {type} — run again with FIELDAPP_DEBUG=1 to see the "
        "details, and report it.",
    ),
    # secrets and input files (fieldapp/cli/common.py)
    "cli.read_failed": ("lecture impossible de {path} : {reason}", "cannot read {path}: {reason}"),
    "cli.secret.passphrase": ("Phrase de passe", "Passphrase"),
    "cli.secret.new_passphrase": ("Nouvelle phrase de passe", "New passphrase"),
    "cli.secret.recovery_key": ("Clé de secours", "Recovery key"),
    "cli.secret.ask": ("{prompt} : ", "{prompt}: "),
    "cli.secret.ask_again": ("{prompt} (confirmation) : ", "{prompt} (confirm): "),
    "cli.secret.required": (
        "{prompt} requise : définissez {env} ou donnez un fichier (option …-file)",
        "{prompt} required: set {env} or give a file (option …-file)",
    ),
    "cli.secret.mismatch": (
        "les deux saisies ne correspondent pas",
        "the two entries do not match",
    ),
    "cli.date.format": (
        "{option} : date attendue au format AAAA-MM-JJ, reçu « {value} »",
        "{option}: date expected as YYYY-MM-DD, got “{value}”",
    ),
    "cli.number.not_integer": (
        "nombre entier attendu, reçu « {value} »",
        "whole number expected, got “{value}”",
    ),
    "cli.number.not_positive": ("nombre positif attendu", "positive number expected"),
    "cli.quoted": ("« {text} »", "“{text}”"),
    # field commands (fieldapp/cli/field.py)
    "cli.init.invitation_pair": (
        "--invitation et --invitation-code vont ensemble",
        "--invitation and --invitation-code go together",
    ),
    "cli.contact.stdin": ("entrée standard", "standard input"),
    "cli.contact.not_utf8": ("{path} n'est pas un texte UTF-8", "{path} is not UTF-8 text"),
    "cli.contact.empty": ("aucun contact dans {source}", "no contact in {source}"),
    "cli.contact.not_json": (
        "un objet JSON ou des lignes JSON (un objet par ligne) sont attendus",
        "a JSON object or JSON lines (one object per line) are expected",
    ),
    "cli.contact.bad_line": (
        "ligne {line} : JSON invalide ({reason})",
        "line {line}: invalid JSON ({reason})",
    ),
    "cli.contact.not_object": (
        "ligne {line} : un objet JSON est attendu",
        "line {line}: a JSON object is expected",
    ),
    "cli.contact.nothing_saved": (
        "rien n'a été enregistré (option --redact pour masquer)",
        "nothing was saved (option --redact to mask)",
    ),
    "cli.import.file": ("{path} : {detail}", "{path}: {detail}"),
    "cli.import.template_written": (
        "Modèle écrit : {path} (les colonnes lues par l'import et une ligne d'exemple)",
        "Template written: {path} (the columns the import reads and one example row)",
    ),
    "cli.import.no_file": (
        "fichier CSV manquant (ou --template FICHIER pour écrire le modèle)",
        "CSV file missing (or --template FILE to write the template)",
    ),
    "cli.import.already": (
        "{detail} ; rien n'est importé (--again pour l'importer à nouveau)",
        "{detail}; nothing imported (--again to import it again)",
    ),
    "cli.import.duplicates": (
        "lignes identiques à un contact déjà enregistré le même jour, non importées "
        "(--again pour les importer) : {lines}",
        "lines identical to a contact already saved on the same day, not imported "
        "(--again to import them): {lines}",
    ),
    "cli.import.ignored_columns": (
        "colonnes ignorées (jamais lues) : {names}",
        "columns ignored (never read): {names}",
    ),
    "cli.demo.contacts": (
        "--contacts : nombre positif attendu",
        "--contacts: positive number expected",
    ),
    # the pseudonym's own message, which never repeats the input
    "cli.person.refused": ("{detail}", "{detail}"),
    # window and screenshots (fieldapp/cli/gui.py)
    "cli.gui.unknown_view": (
        "vue inconnue « {view} » ; vues possibles : {views}",
        "unknown view “{view}”; possible views: {views}",
    ),
    "cli.gui.png_expected": (
        "--out : fichier .png attendu ({name})",
        "--out: .png file expected ({name})",
    ),
    # sync and coordination (fieldapp/cli/sync.py, coord.py, report.py, package.py)
    "cli.sync.bad_destination": ("--to : {detail}", "--to: {detail}"),
    "cli.coord.enrol_cancelled": ("Enrôlement annulé.", "Enrolment cancelled."),
    "cli.report.bad_date": (
        "{option} : date invalide « {value} » (attendu AAAA-MM-JJ)",
        "{option}: invalid date “{value}” (expected YYYY-MM-DD)",
    ),
    "cli.package.selfcheck_failed": ("{detail}", "{detail}"),
    "cli.package.desktop_libs_missing": (
        "La fenêtre ne peut pas s'ouvrir : bibliothèques système absentes ({missing}). "
        "À installer (en administrateur) : {command}",
        "The window cannot open: system libraries missing ({missing}). "
        "Install them (as administrator): {command}",
    ),
    # what the commands print when all went well (stdout; `--json` output is never translated)
    "cli.out.device": ("Appareil : {device}", "Device: {device}"),
    "cli.out.init_created": ("Profil créé dans {home}", "Profile created in {home}"),
    "cli.out.init_recovery_key": (
        "Clé de secours (notez-la maintenant, elle ne sera plus affichée) :",
        "Recovery key (write it down now, it will not be shown again):",
    ),
    "cli.out.contact_voided": ("(annulé)", "(voided)"),
    "cli.out.contact_count": ("{n:contact|contacts}", "{n:contact|contacts}"),
    "cli.out.import_summary": ("{imported}, {refused}", "{imported}, {refused}"),
    "cli.count.imported.one": ("{n} contact importé", "{n} contact imported"),
    "cli.count.imported.other": ("{n} contacts importés", "{n} contacts imported"),
    "cli.count.refused.one": ("{n} ligne refusée", "{n} line refused"),
    "cli.count.refused.other": ("{n} lignes refusées", "{n} lines refused"),
    "cli.out.handover_follow_up": ("suivi", "follow-up"),
    "cli.out.passphrase_changed": ("Phrase de passe changée.", "Passphrase changed."),
    "cli.out.passphrase_recovered": (
        "Nouvelle phrase de passe enregistrée.",
        "New passphrase saved.",
    ),
    "cli.out.demo_created": (
        "Profil de démonstration créé dans {home} ({contacts} contacts fictifs)",
        "Demo profile created in {home} ({contacts} fictitious contacts)",
    ),
    "cli.out.demo_workspace": (
        "Espace coordinateur de démonstration : {workspace}",
        "Demo coordinator workspace: {workspace}",
    ),
    "cli.out.demo_passphrase": (
        "Phrase de passe de démonstration (profil et coordination) : {passphrase}",
        "Demo passphrase (profile and coordination): {passphrase}",
    ),
    "cli.out.person_erased": (
        "Effacé de ce carnet : {contacts:contact|contacts}, {handovers} relais. La coordination "
        "l'effacera en fusionnant votre prochain envoi.",
        "Erased from this notebook: {contacts:contact|contacts}, "
        "{handovers:handover|handovers}. The coordination will erase it when it merges your "
        "next send.",
    ),
    "cli.out.joined": (
        "Rattaché à la coordination « {territory} »",
        "Joined the coordination “{territory}”",
    ),
    "cli.out.coordinator_fingerprint": (
        "Empreinte de la clé du coordinateur : {fingerprint}",
        "Fingerprint of the coordinator's key: {fingerprint}",
    ),
    "cli.out.drop": ("Destination des lots : {location}", "Destination of the batches: {location}"),
    "cli.out.enrolment_written": (
        "Fichier d'enrôlement écrit : {path}",
        "Enrolment file written: {path}",
    ),
    "cli.out.enrolment_fingerprint": (
        "Empreinte à lire au coordinateur : {fingerprint}",
        "Fingerprint to read to the coordinator: {fingerprint}",
    ),
    "cli.out.sync_sealed": (
        "{n:nouveau lot scellé|nouveaux lots scellés}",
        "{n:new batch sealed|new batches sealed}",
    ),
    "cli.out.sync_delivered": ("remis : {name}", "delivered: {name}"),
    "cli.out.outbox_events": ("évén.", "events"),
    "cli.out.outbox_retry": (
        "(essai n° {attempts}, prochain : {next})",
        "(attempt {attempts}, next: {next})",
    ),
    "cli.out.coord_created": (
        "Espace coordinateur créé dans {workspace}",
        "Coordinator workspace created in {workspace}",
    ),
    "cli.out.territory": ("Territoire : {territory}", "Territory: {territory}"),
    # aligned in each language, as the two lines are printed one above the other
    "cli.out.encryption_fingerprint": (
        "Empreinte de la clé de chiffrement : {fingerprint}",
        "Encryption key fingerprint: {fingerprint}",
    ),
    "cli.out.signing_fingerprint": (
        "Empreinte de la clé de signature   : {fingerprint}",
        "Signing key fingerprint:    {fingerprint}",
    ),
    "cli.out.workspace_recovery_key": (
        "Clé de secours de l'espace (notez-la maintenant, elle ne sera plus affichée) :",
        "Workspace recovery key (write it down now, it will not be shown again):",
    ),
    "cli.out.invitation": ("Invitation : {path}", "Invitation: {path}"),
    "cli.out.invitation_code": (
        "Code d'invitation (à transmettre à part, il ne sera plus affiché) :",
        "Invitation code (pass it on separately, it will not be shown again):",
    ),
    "cli.out.quarantined": ("quarantaine : {file} — {reason}", "quarantine: {file} — {reason}"),
    "cli.out.enrol_device": (
        "Appareil {device} — structure « {structure} »",
        "Device {device} — organisation “{structure}”",
    ),
    "cli.out.fingerprint": ("Empreinte : {fingerprint}", "Fingerprint: {fingerprint}"),
    # the answers o/oui/y/yes are accepted whatever the language
    "cli.out.enrol_confirm": (
        "L'empreinte lue par l'appareil est-elle identique ? [o/N] ",
        "Is the fingerprint read from the device identical? [y/N] ",
    ),
    "cli.out.enrolled": ("Appareil enrôlé ({status}).", "Device enrolled ({status})."),
    "cli.out.device_gap": ("appareil {device} : {text}", "device {device}: {text}"),
    "cli.out.quarantine_empty": ("Quarantaine vide.", "Quarantine empty."),
    "cli.out.gaps_line": (
        "{where} : {events:événement|événements}, dernier lot {last} — {state}",
        "{where}: {events:event|events}, last batch {last} — {state}",
    ),
    "cli.out.complete": ("complet", "complete"),
    "cli.out.report_written": (
        "Rapport écrit : {out} ({period}, secret k = {k})",
        "Report written: {out} ({period}, confidentiality k = {k})",
    ),
    "cli.out.pack_counts": (
        "{structures:structure|structures}, {services:service|services}, "
        "{territories:quartier|quartiers}",
        "{structures:structure|structures}, {services:service|services}, "
        "{territories:neighbourhood|neighbourhoods}",
    ),
    "cli.out.pack_written": (
        "Pack de référence version {version} écrit : {path}",
        "Reference pack version {version} written: {path}",
    ),
    "cli.out.pack_retention": (
        "{counts} ; conservation {months} mois",
        "{counts}; retention {months} months",
    ),
    "cli.out.pack_signer": (
        "Empreinte de la clé de signature : {fingerprint}",
        "Signing key fingerprint: {fingerprint}",
    ),
    "cli.out.pack_sha256": ("SHA-256 du contenu : {sha}", "SHA-256 of the content: {sha}"),
    "cli.out.pack_refused_rows": (
        "{n:ligne refusée, non incluse|lignes refusées, non incluses} (détail ci-dessus)",
        "{n:line refused, not included|lines refused, not included} (details above)",
    ),
    "cli.out.pack_installed": (
        "Pack de référence version {version} installé : {counts}",
        "Reference pack version {version} installed: {counts}",
    ),
    "cli.out.pack_installed_from": (
        "Pack de référence version {version} de la coordination « {coordination} » installé : "
        "{counts}",
        "Reference pack version {version} from the coordination “{coordination}” installed: "
        "{counts}",
    ),
    "cli.out.pack_demo": (
        "Annuaire de démonstration (données fictives) : {counts}",
        "Demo directory (fictitious data): {counts}",
    ),
    "cli.out.pack_none": (
        "Aucun annuaire installé : installez le pack de référence de votre coordination "
        "(fieldapp pack import FICHIER).",
        "No directory installed: install your coordination's reference pack "
        "(fieldapp pack import FILE).",
    ),
    "cli.out.pack_current": (
        "Pack de référence version {version} du {date} (« {coordination} ») : {counts}",
        "Reference pack version {version} of {date} (“{coordination}”): {counts}",
    ),
    "cli.out.selfcheck_header": (
        "Relais {version}{frozen} — autotest ; Python {python}, {system} {machine}",
        "Relais {version}{frozen} — self-check; Python {python}, {system} {machine}",
    ),
    "cli.out.selfcheck_frozen": ("(application empaquetée)", "(packaged application)"),
    "cli.out.selfcheck_no_qt": (
        "PySide6 absent : vérification de l'interface sautée",
        "PySide6 missing: interface check skipped",
    ),
    "cli.not_utf8": (
        "{source} n'est pas un texte UTF-8 (octet {byte})",
        "{source} is not UTF-8 text (byte {byte})",
    ),
    "cli.json.refused": ("{source} : {problem}", "{source}: {problem}"),
    "cli.contact.stream_stopped": (
        "arrêt à la ligne {line} ({problem}) : les {saved} contacts précédents sont enregistrés "
        "(identifiants affichés), rien d'autre",
        "stopped at line {line} ({problem}): the {saved} contacts before are saved (ids "
        "printed), nothing else",
    ),
}
