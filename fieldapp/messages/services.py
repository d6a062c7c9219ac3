"""Messages of this layer: code → (French, English). See `fieldapp/messages/__init__.py`."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # services/onboarding.py: the first run's steps (French as the assistant has always said it)
    "services.onboarding.structure_name": (
        "Indiquez le nom de la structure.",
        "Enter the organisation's name.",
    ),
    "services.onboarding.structure_type": (
        "Choisissez le type de structure.",
        "Choose the type of organisation.",
    ),
    "services.onboarding.structure_missing": (
        "Indiquez le nom de la structure. Choisissez le type de structure.",
        "Enter the organisation's name. Choose the type of organisation.",
    ),
    "services.onboarding.passphrase_mismatch": (
        "Les deux saisies ne correspondent pas.",
        "The two entries do not match.",
    ),
    "services.onboarding.check_wrong": (
        "Caractère n° {positions} incorrect : vérifiez votre copie (« Revoir la clé » pour "
        "l'afficher de nouveau).",
        'Character no. {positions} is wrong: check your copy ("See the key again" shows it once '
        "more).",
    ),
    # profile (services/profile.py)
    "services.profile.none": (
        "Aucun profil Relais dans {root} : créez-le avec « fieldapp init » ou lancez "
        "l'application.",
        "No Relais profile in {root}: create one with “fieldapp init” or start the application.",
    ),
    "services.profile.exists": (
        "Un profil Relais existe déjà dans {root}.",
        "A Relais profile already exists in {root}.",
    ),
    "services.profile.damaged_database": (
        "La base de données {db} est endommagée : la clé est bonne mais le fichier est "
        "illisible. Restaurez la dernière copie de sauvegarde ({backups} ou votre sauvegarde "
        "habituelle) puis relancez Relais.",
        "The database {db} is damaged: the key is right but the file cannot be read. Restore "
        "the latest backup ({backups} or your usual backup), then start Relais again.",
    ),
    "services.profile.damaged_database_detail": (
        "La base de données {db} est endommagée ({detail}) : la clé est bonne mais le fichier "
        "est illisible. Restaurez la dernière copie de sauvegarde ({backups} ou votre "
        "sauvegarde habituelle) puis relancez Relais.",
        "The database {db} is damaged ({detail}): the key is right but the file cannot be read. "
        "Restore the latest backup ({backups} or your usual backup), then start Relais again.",
    ),
    "services.profile.file_missing": ("fichier absent", "file missing"),
    "services.profile.weak_passphrase": (
        "Phrase de passe trop courte : au moins {min_length} caractères (par exemple quatre "
        "mots sans lien entre eux).",
        "Passphrase too short: at least {min_length} characters (for example four unrelated "
        "words).",
    ),
    "services.profile.structure_name": (
        "Nom de structure obligatoire (120 caractères au plus).",
        "Structure name required (120 characters at most).",
    ),
    "services.profile.structure_type": (
        "Type de structure inconnu « {value} » ; valeurs possibles : {choices}",
        "Unknown structure type “{value}”; possible values: {choices}",
    ),
    # the notebook (services/field.py)
    "services.field.incomplete_profile": (
        "profil incomplet : identité de l'appareil absente",
        "incomplete profile: the device's identity is missing",
    ),
    "services.field.personal_data": (
        "{found} dans la note (à retirer, ou à masquer)",
        "{found} in the note (remove it, or mask it)",
    ),
    "services.field.void_reason": (
        "motif d'annulation obligatoire ({max} caractères au plus)",
        "reason for voiding required ({max} characters at most)",
    ),
    "services.field.already_voided": (
        "ce contact est déjà annulé",
        "this contact is already voided",
    ),
    "services.field.contact_voided": ("ce contact a été annulé", "this contact has been voided"),
    "services.field.voided_locked": (
        "un contact annulé ne peut plus être modifié",
        "a voided contact can no longer be changed",
    ),
    # device sync (services/sync.py)
    "services.sync.lots_one": ("{n} lot", "{n} batch"),
    "services.sync.lots_many": ("{n} lots", "{n} batches"),
    "services.sync.not_joined": (
        "Ce profil n'est rattaché à aucune coordination : ouvrez l'invitation du coordinateur "
        "(Paramètres → Rejoindre une coordination, ou fieldapp join).",
        "This profile has not joined any coordination: open the coordinator's invitation "
        "(Settings → Join a coordination, or fieldapp join).",
    ),
    "services.sync.no_destination": (
        "Aucune destination de synchronisation : indiquez un dossier ou une adresse WebDAV "
        "(Synchronisation → Destination, ou --to).",
        "No synchronisation destination: give a folder or a WebDAV address "
        "(Synchronisation → Destination, or --to).",
    ),
    "services.sync.invitation_code_required": (
        "Code d'invitation requis (--invitation-code) : le coordinateur l'a donné avec le fichier.",
        "Invitation code required (--invitation-code): the coordinator gave it with the file.",
    ),
    "services.sync.invitation_refused": ("{problem}", "{problem}"),
    "services.sync.pending_for_other": (
        "Ce profil est déjà rattaché à la coordination « {territory} » et a encore {lots} à lui "
        "remettre : synchronisez d'abord.",
        "This profile already belongs to the coordination “{territory}” and still has {lots} "
        "to deliver to it: synchronise first.",
    ),
    "services.sync.write_failed": (
        "Écriture impossible de {path} : {detail}",
        "Cannot write {path}: {detail}",
    ),
    "services.sync.drop": ("{problem}", "{problem}"),
    "services.sync.seal": ("{problem}", "{problem}"),
    # what a run did (SyncReport.message), the badge (status_summary) and the progress lines
    "services.sync.report.failed": (
        "{lots} non remis : {reason}",
        "{lots} not delivered: {reason}",
    ),
    "services.sync.report.delivered": ("{lots} remis.", "{lots} delivered."),
    "services.sync.report.delivered_to": (
        "{lots} remis vers {destination}.",
        "{lots} delivered to {destination}.",
    ),
    "services.sync.report.nothing": (
        "Rien à envoyer : tout est déjà remis.",
        "Nothing to send: everything is already delivered.",
    ),
    "services.sync.ago.now": ("à l'instant", "just now"),
    "services.sync.ago.minutes": ("il y a {n} min", "{n} min ago"),
    "services.sync.ago.hours": ("il y a {n} h", "{n} h ago"),
    "services.sync.ago.day": ("il y a 1 jour", "1 day ago"),
    "services.sync.ago.days": ("il y a {n} jours", "{n} days ago"),
    "services.sync.summary.not_joined": (
        "Non rattaché à une coordination",
        "Not joined to a coordination",
    ),
    "services.sync.summary.pending": ("{lots} en attente", "{lots} waiting"),
    "services.sync.summary.changes_one": ("{n} modification à envoyer", "{n} change to send"),
    "services.sync.summary.changes_many": ("{n} modifications à envoyer", "{n} changes to send"),
    "services.sync.summary.nothing": ("Rien à envoyer", "Nothing to send"),
    "services.sync.summary.synced": ("Synchronisé {ago}", "Synchronised {ago}"),
    "services.sync.progress.connecting": (
        "Connexion à {destination}…",
        "Connecting to {destination}…",
    ),
    "services.sync.progress.sending": (
        "Envoi du lot {index} sur {total} ({events} événements)…",
        "Sending batch {index} of {total} ({events} events)…",
    ),
    "services.sync.retention_days": (
        "Durée de conservation : nombre de jours entre 0 et 3650.",
        "Retention: a number of days between 0 and 3650.",
    ),
    # coordination (services/coordination.py)
    "services.coordination.problem": ("{problem}", "{problem}"),
    "services.coordination.workspace": ("{problem}", "{problem}"),
    "services.coordination.database_url_damaged": (
        "{path} est endommagé : redonnez l'adresse de la base avec --db.",
        "{path} is damaged: give the database address again with --db.",
    ),
    "services.coordination.no_drop": (
        "Aucun dépôt configuré : indiquez-le avec --from DOSSIER|URL.",
        "No drop configured: give it with --from FOLDER|URL.",
    ),
    "services.coordination.invitation_write_failed": (
        "Écriture impossible de l'invitation : {detail}",
        "Cannot write the invitation: {detail}",
    ),
    # reference packs (services/packs.py)
    "services.packs.what.pack": ("pack de référence", "reference pack"),
    "services.packs.what.structures": ("fichier des structures", "structures file"),
    "services.packs.what.services": ("fichier des services", "services file"),
    "services.packs.what.quartiers": ("fichier des quartiers", "neighbourhoods file"),
    "services.packs.not_found.pack": (
        "Pack de référence introuvable : {path}",
        "Reference pack not found: {path}",
    ),
    "services.packs.not_found.structures": (
        "Fichier des structures introuvable : {path}",
        "Structures file not found: {path}",
    ),
    "services.packs.not_found.services": (
        "Fichier des services introuvable : {path}",
        "Services file not found: {path}",
    ),
    "services.packs.not_found.quartiers": (
        "Fichier des quartiers introuvable : {path}",
        "Neighbourhoods file not found: {path}",
    ),
    "services.packs.read_failed": (
        "Lecture impossible ({what}) : {path} : {detail}",
        "Cannot read ({what}): {path}: {detail}",
    ),
    "services.packs.too_large": (
        "{path} : fichier trop volumineux ({what})",
        "{path}: file too large ({what})",
    ),
    "services.packs.bad_file": ("{path} : {problem}", "{path}: {problem}"),
    "services.packs.empty.structure": (
        "Aucun(e) structure valide dans {path} : pack non écrit.",
        "No valid structure in {path}: pack not written.",
    ),
    "services.packs.empty.service": (
        "Aucun(e) service valide dans {path} : pack non écrit.",
        "No valid service in {path}: pack not written.",
    ),
    "services.packs.empty.quartier": (
        "Aucun(e) quartier valide dans {path} : pack non écrit.",
        "No valid neighbourhood in {path}: pack not written.",
    ),
    "services.packs.version_taken": (
        "La version {previous} a déjà été publiée : choisissez un numéro plus grand (les "
        "appareils refusent un pack qui n'est pas plus récent).",
        "Version {previous} has already been published: choose a higher number (devices "
        "refuse a pack that is not newer).",
    ),
    "services.packs.retention_months": (
        "Durée de conservation : entre 1 et 120 mois.",
        "Retention: between 1 and 120 months.",
    ),
    "services.packs.write_failed": (
        "Écriture impossible du pack {path} : {detail}",
        "Cannot write the pack {path}: {detail}",
    ),
    "services.packs.wrong_key": (
        "La clé donnée n'est pas celle de la coordination rejointe : pack non installé.",
        "The key given is not the one of the coordination joined: pack not installed.",
    ),
    "services.packs.not_joined": (
        "Ce profil n'est rattaché à aucune coordination : impossible de vérifier la signature "
        "du pack. Rejoignez d'abord la coordination avec son invitation.",
        "This profile has not joined any coordination: the pack's signature cannot be checked. "
        "Join the coordination with its invitation first.",
    ),
    "services.packs.row_problem": ("{file} : {problem}", "{file}: {problem}"),
    "services.packs.refused": ("{problem}", "{problem}"),
    # The verifier's own message already says "pack non installé" (sync/pack.py, not_newer).
    "services.packs.not_newer": ("{problem}", "{problem}"),
    "services.packs.demo_unreadable": (
        "Annuaire de démonstration illisible : {problem}",
        "Demo directory unreadable: {problem}",
    ),
    "services.packs.demo_invalid": (
        "Annuaire de démonstration invalide : {problem}",
        "Demo directory invalid: {problem}",
    ),
    # reports (services/reporting.py)
    "services.reporting.empty_period": (
        "période vide : le {date_from} est après le {date_to}",
        "empty period: {date_from} is after {date_to}",
    ),
    "services.reporting.k": (
        "seuil de secret invalide : {k} (au moins {min_k})",
        "invalid confidentiality threshold: {k} (at least {min_k})",
    ),
    "services.reporting.format": (
        "format inconnu : {format} (possibles : {choices})",
        "unknown format: {format} (possible: {choices})",
    ),
    "services.reporting.no_folder": (
        "dossier introuvable : {folder}",
        "folder not found: {folder}",
    ),
    "services.reporting.write_failed": (
        "écriture impossible de {path} : {detail}",
        "cannot write {path}: {detail}",
    ),
    "services.reporting.no_pdf_renderer": (
        "export PDF indisponible : l'interface graphique de Relais (PySide6) n'est pas "
        "installée ; choisissez le format csv ou xlsx.",
        "PDF export unavailable: Relais's graphical interface (PySide6) is not installed; "
        "choose the csv or xlsx format.",
    ),
    "services.reporting.my_activity": ("Mon activité", "My activity"),
    "services.field.handover_closed": (
        "relais clos : son suivi ne change plus",
        "closed handover: its follow-up no longer changes",
    ),
    # spreadsheet import (services/csv_import.py)
    "services.csv.encoding": (
        "encodage du fichier non reconnu (enregistrez-le en « CSV UTF-8 »)",
        "file encoding not recognised (save it as “CSV UTF-8”)",
    ),
    "services.csv.read_failed": (
        "lecture impossible de {name} : {detail}",
        "cannot read {name}: {detail}",
    ),
    "services.csv.too_large": (
        "fichier trop volumineux ({max_mb} Mo au plus)",
        "file too large ({max_mb} MB at most)",
    ),
    "services.csv.empty": ("le fichier est vide", "the file is empty"),
    "services.csv.header": ("en-tête illisible : {detail}", "unreadable header: {detail}"),
    "services.csv.missing_columns": (
        "colonnes obligatoires absentes : {columns} (partez du modèle : « Télécharger un modèle »)",
        "required columns missing: {columns} (start from the template: “Download a template”)",
    ),
    "services.csv.too_many_rows": (
        "trop de lignes ({max_rows} au plus par fichier)",
        "too many rows ({max_rows} at most per file)",
    ),
    "services.csv.row": (
        "ligne {line} illisible : {detail}",
        "line {line} unreadable: {detail}",
    ),
    # spreadsheet import: duplicates, templates, labels first (services/csv_import.py)
    "services.csv.column": ("{field} ({code})", "{field} ({code})"),
    "services.csv.row_error": ("ligne {line} : {problems}", "line {line}: {problems}"),
    "services.csv.row_problem": ("{field} ({code}) : {detail}", "{field} ({code}): {detail}"),
    "services.csv.unknown_value": (
        "valeur inconnue {value} ; valeurs possibles : {allowed}",
        "unknown value {value}; possible values: {allowed}",
    ),
    "services.csv.date_impossible": (
        "date impossible {value} : ce jour n'existe pas dans le calendrier",
        "impossible date {value}: that day does not exist in the calendar",
    ),
    "services.csv.date_unreadable": (
        "date illisible {value} ; écrivez-la JJ/MM/AAAA (par exemple 25/11/2026)",
        "unreadable date {value}; write it DD/MM/YYYY (for example 25/11/2026)",
    ),
    "services.csv.already_imported": (
        "« {name} » a déjà été importé le {when} ({contacts})",
        "“{name}” was already imported on {when} ({contacts})",
    ),
    "services.csv.changed": (
        "« {name} » a changé depuis l'aperçu ; rouvrez-le pour vérifier ses lignes",
        "“{name}” changed since the preview; open it again to check its rows",
    ),
    "services.csv.write_failed": (
        "écriture impossible de {name} : {detail}",
        "cannot write {name}: {detail}",
    ),
    "services.csv.count.contacts.one": ("{n} contact", "{n} contact"),
    "services.csv.count.contacts.other": ("{n} contacts", "{n} contacts"),
    # self-check (services/selfcheck.py)
    "services.selfcheck.failed": (
        "autotest en échec à l'étape « {step} » : {detail}",
        "self-check failed at step “{step}”: {detail}",
    ),
    "services.selfcheck.step.sqlcipher": ("sqlcipher", "sqlcipher"),
    "services.selfcheck.step.folder": ("dossier", "folder"),
    "services.selfcheck.step.directory": ("annuaire", "directory"),
    "services.selfcheck.step.profile": ("profil", "profile"),
    "services.selfcheck.step.write": ("écriture", "write"),
    "services.selfcheck.step.read": ("lecture", "read"),
    "services.selfcheck.step.batch": ("lot", "batch"),
    "services.selfcheck.step.merge": ("fusion", "merge"),
    "services.selfcheck.not_sqlcipher": (
        "le pilote n'est pas SQLCipher",
        "the driver is not SQLCipher",
    ),
    "services.selfcheck.no_neighbourhood": (
        "aucun quartier dans {path}",
        "no neighbourhood in {path}",
    ),
    "services.selfcheck.demo_pack": (
        "pack de démonstration : {neighbourhoods:quartier|quartiers}, {services:service|services}",
        "demo pack: {neighbourhoods:neighbourhood|neighbourhoods}, {services:service|services}",
    ),
    "services.selfcheck.profile_created": (
        "profil chiffré créé (Argon2id {mib} Mio, t={iterations})",
        "encrypted profile created (Argon2id {mib} MiB, t={iterations})",
    ),
    "services.selfcheck.clear_database": (
        "la base est en clair sur le disque",
        "the database is in clear text on the disk",
    ),
    "services.selfcheck.written": (
        "contact {contact}… enregistré, base chiffrée sur le disque",
        "contact {contact}… saved, database encrypted on the disk",
    ),
    "services.selfcheck.read_mismatch": (
        "le contact relu ne correspond pas",
        "the contact read back does not match",
    ),
    "services.selfcheck.no_event": (
        "aucun événement dans le journal",
        "no event in the log",
    ),
    "services.selfcheck.unlocked": (
        "déverrouillé par la phrase de passe, {events:événement|événements}",
        "unlocked with the passphrase, {events:event|events}",
    ),
    "services.selfcheck.batch_mismatch": (
        "le lot ouvert ne contient pas les événements scellés",
        "the opened batch does not hold the sealed events",
    ),
    "services.selfcheck.sealed": (
        "{name} scellé ({size} octets), vérifié et ouvert",
        "{name} sealed ({size} bytes), verified and opened",
    ),
    "services.selfcheck.worker_failed": (
        "le processus auxiliaire de fusion n'a pas préparé le lot",
        "the merge's helper process did not prepare the batch",
    ),
    "services.selfcheck.worker_prepared": (
        "lot préparé par le processus auxiliaire de fusion",
        "batch prepared by the merge's helper process",
    ),
    # never destroy a store (services/profile.py, services/coordination.py)
    "services.profile.folder_in_use": (
        "Le dossier {root} contient déjà « {file} » : Relais ne le supprime ni ne l'écrase. "
        "Ouvrez ce profil (« fieldapp passphrase recover » si la phrase de passe est perdue) ou "
        "restaurez-le depuis une sauvegarde ; pour créer un nouveau profil, choisissez un autre "
        "dossier.",
        "The folder {root} already holds “{file}”: Relais neither deletes nor overwrites it. "
        "Open this profile (“fieldapp passphrase recover” if the passphrase is lost) or restore "
        "it from a backup; to create a new profile, choose another folder.",
    ),
    "services.profile.folder_has_key_backup": (
        "Le dossier {root} contient la copie de secours « {file} » d'un profil : Relais ne "
        "l'écrase pas. Ouvrez le profil (la clé sera restaurée depuis cette copie) ou utilisez "
        "« fieldapp passphrase recover » ; pour créer un nouveau profil, choisissez un autre "
        "dossier.",
        "The folder {root} holds the backup copy “{file}” of a profile: Relais does not "
        "overwrite it. Open the profile (its key is restored from that copy) or use “fieldapp "
        "passphrase recover”; to create a new profile, choose another folder.",
    ),
    "services.profile.key_restored": (
        "Fichier de clés « {name} » absent : restauré depuis sa copie « {backup_name} ».",
        "Key file “{name}” missing: restored from its copy “{backup_name}”.",
    ),
    "services.field.personal_data_text": (
        "{found} dans ce texte (à retirer, ou à masquer)",
        "{found} in this text (remove it, or mask it)",
    ),
    "services.profile.unlock_wait": (
        "Phrase de passe erronée récemment : nouvel essai dans {seconds} s…",
        "Wrong passphrase recently: next try in {seconds} s…",
    ),
}
