"""Messages of this layer: code → (French, English). See `fieldapp/messages/__init__.py`."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # key file (storage/keyfile.py)
    "storage.keyfile.wrong_passphrase": ("Phrase de passe incorrecte", "Wrong passphrase"),
    "storage.keyfile.wrong_recovery_key": ("Clé de secours incorrecte", "Wrong recovery key"),
    "storage.keyfile.newer_version": (
        "Ce fichier de clés a été créé par une version plus récente de Relais : "
        "mettez Relais à jour pour l'ouvrir.",
        "This key file was created by a newer version of Relais: update Relais to open it.",
    ),
    "storage.keyfile.damaged": (
        "Le fichier de clés est endommagé. Restaurez « relais.key » à partir de sa copie "
        "« relais.key.bak » ou d'une sauvegarde du dossier de profil.",
        "The key file is damaged. Restore “relais.key” from its copy “relais.key.bak” or from "
        "a backup of the profile folder.",
    ),
    "storage.keyfile.damaged_backup_ok": (
        "Le fichier de clés « {name} » est endommagé ({reason}). "
        "Sa copie de secours « {backup_name} » semble intacte : restaurez-la "
        "(remplacez « {name} » par une copie de « {backup_name} »), puis réessayez.",
        "The key file “{name}” is damaged ({reason}). Its backup copy “{backup_name}” looks "
        "intact: restore it (replace “{name}” with a copy of “{backup_name}”), then try again.",
    ),
    "storage.keyfile.damaged_no_backup": (
        "Le fichier de clés « {name} » est endommagé ({reason}) et sa copie de secours "
        "« {backup_name} » est absente ou endommagée elle aussi. Restaurez « {name} » "
        "à partir d'une sauvegarde du dossier de profil.",
        "The key file “{name}” is damaged ({reason}) and its backup copy “{backup_name}” is "
        "missing or damaged too. Restore “{name}” from a backup of the profile folder.",
    ),
    "storage.keyfile.no_backup": (
        "Aucune copie de secours « {backup_name} » : restaurez « {name} » à partir "
        "d'une sauvegarde du dossier de profil.",
        "No backup copy “{backup_name}”: restore “{name}” from a backup of the profile folder.",
    ),
    "storage.keyfile.backup_damaged": (
        "La copie de secours « {backup_name} » est endommagée elle aussi ({reason}) : "
        "restaurez « {name} » à partir d'une sauvegarde du dossier de profil.",
        "The backup copy “{backup_name}” is damaged too ({reason}): restore “{name}” from a "
        "backup of the profile folder.",
    ),
    "storage.keyfile.fields": (
        "champs manquants ou inattendus dans « {where} »",
        "missing or unexpected fields in “{where}”",
    ),
    "storage.keyfile.value": ("valeur invalide pour « {where} »", "invalid value for “{where}”"),
    "storage.keyfile.base64": ("Base64 invalide pour « {where} »", "invalid Base64 for “{where}”"),
    "storage.keyfile.size": ("taille anormale", "abnormal size"),
    "storage.keyfile.unreadable": ("contenu illisible", "unreadable content"),
    "storage.keyfile.not_a_keyfile": (
        "ce n'est pas un fichier de clés Relais",
        "this is not a Relais key file",
    ),
    "storage.keyfile.version_unreadable": ("version illisible", "unreadable version"),
    "storage.keyfile.version_unknown": ("version inconnue", "unknown version"),
    "storage.keyfile.algorithm": (
        "algorithme inconnu pour « {where} »",
        "unknown algorithm for “{where}”",
    ),
    "storage.keyfile.argon2": ("paramètres Argon2id invalides", "invalid Argon2id parameters"),
    "storage.keyfile.layout": ("mise en forme altérée", "altered layout"),
    "storage.keyfile.ciphertext": ("données chiffrées altérées", "encrypted data altered"),
    "storage.keyfile.data_key_size": (
        "clé de données de taille anormale",
        "data key of abnormal size",
    ),
    "storage.keyfile.missing": ("fichier absent", "file missing"),
    # consolidated store (coord_store.py), engine, migrations, records
    "storage.consolidated.damaged": (
        "La base consolidée {path} est endommagée : restaurez-la depuis {backups} ou votre "
        "sauvegarde.",
        "The consolidated database {path} is damaged: restore it from {backups} or your backup.",
    ),
    "storage.consolidated.unreachable": (
        "Base PostgreSQL injoignable : {detail}",
        "PostgreSQL database unreachable: {detail}",
    ),
    "storage.consolidated.bad_url": (
        "Adresse de base invalide : {url}",
        "Invalid database address: {url}",
    ),
    "storage.consolidated.postgresql_only": (
        "Seule une base PostgreSQL (postgresql+psycopg://…) peut remplacer la base du dossier "
        "de coordination.",
        "Only a PostgreSQL database (postgresql+psycopg://…) can replace the coordination "
        "folder's database.",
    ),
    "storage.engine.locked": ("{path}", "{path}"),
    "storage.migrate.newer_schema": (
        "Cette base a été créée par une version plus récente de Relais (schéma {revision}) : "
        "mettez Relais à jour pour l'ouvrir.",
        "This database was created by a newer version of Relais (schema {revision}): update "
        "Relais to open it.",
    ),
    "storage.store.unknown_contact": (
        "Contact introuvable : {record_id}",
        "Contact not found: {record_id}",
    ),
    "storage.store.unknown_handover": (
        "Relais introuvable : {record_id}",
        "Handover not found: {record_id}",
    ),
    # audit.py: the journal's action labels (the codes are what is stored)
    "storage.audit.unlock": ("Ouverture du carnet", "Notebook opened"),
    "storage.audit.unlock_failed": (
        "Phrases de passe erronées avant ouverture",
        "Wrong passphrases before opening",
    ),
    "storage.audit.export": ("Export d'indicateurs", "Indicators exported"),
    "storage.audit.import": ("Import de contacts (tableur)", "Contacts imported (spreadsheet)"),
    "storage.audit.pack_import": (
        "Installation d'un pack de référence",
        "Reference pack installed",
    ),
    "storage.audit.erase": ("Effacement d'une personne", "Person erased"),
    "storage.audit.purge": ("Purge (durée de conservation)", "Purge (retention period)"),
    "storage.audit.merge": ("Fusion de lots", "Batches merged"),
    "storage.audit.enrol": ("Enrôlement d'un appareil", "Device enrolled"),
    "storage.audit.device_status": (
        "Changement d'état d'un appareil",
        "Device status changed",
    ),
    # storage faults told by their cause (storage/faults.py)
    "storage.fault.full": (
        "Espace disque insuffisant dans {folder} : libérez de la place puis réessayez ; "
        "rien n'a été perdu.",
        "Not enough disk space in {folder}: free some space, then try again; nothing was lost.",
    ),
    "storage.fault.read_only": (
        "Le dossier {folder} est en lecture seule : Relais ne peut pas y écrire. Rendez-le "
        "accessible en écriture (ou ouvrez le profil depuis un dossier qui l'est) puis "
        "réessayez ; rien n'a été perdu.",
        "The folder {folder} is read-only: Relais cannot write there. Make it writable (or open "
        "the profile from a folder that is), then try again; nothing was lost.",
    ),
    "storage.fault.permission": (
        "Accès refusé à {path} : ce fichier et son dossier doivent appartenir à votre compte. "
        "Corrigez leurs droits puis réessayez ; rien n'a été perdu.",
        "Access denied to {path}: this file and its folder must belong to your account. Fix "
        "their permissions, then try again; nothing was lost.",
    ),
    "storage.fault.io": (
        "Le disque n'a pas pu lire ou écrire {path} (disque débranché ou défaillant ?). "
        "Vérifiez le disque puis réessayez : ce qui était déjà enregistré n'est pas touché.",
        "The disk could not read or write {path} (disk unplugged or failing?). Check the disk, "
        "then try again: what was already saved is untouched.",
    ),
    "storage.fault.busy": (
        "La base {path} est occupée par un autre programme (une autre fenêtre de Relais ?) : "
        "fermez-le puis réessayez ; rien n'a été perdu.",
        "The database {path} is in use by another program (another Relais window?): close it, "
        "then try again; nothing was lost.",
    ),
    "storage.fault.corrupt": (
        "La base de données {path} est endommagée (la vérification de SQLite a trouvé des "
        "erreurs). Restaurez la dernière copie de sauvegarde ({backups} ou votre sauvegarde "
        "habituelle) puis relancez Relais.",
        "The database {path} is damaged (SQLite's check found errors). Restore the latest "
        "backup ({backups} or your usual backup), then start Relais again.",
    ),
}
