"""Messages of this layer: code → (French, English). See `fieldapp/messages/__init__.py`."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # inbox.py: reading the drop at the coordinator
    "sync.inbox.folder_missing": (
        "Dossier de dépôt introuvable : {path}",
        "Drop folder not found: {path}",
    ),
    "sync.inbox.read_failed": (
        "Lecture impossible de {name} : {detail}",
        "Cannot read {name}: {detail}",
    ),
    "sync.inbox.read_status": (
        "Lecture impossible de {name} (réponse {status}).",
        "Cannot read {name} (response {status}).",
    ),
    "sync.inbox.webdav_unreachable": (
        "Dépôt WebDAV injoignable ({url}) : {detail}",
        "WebDAV drop unreachable ({url}): {detail}",
    ),
    "sync.inbox.webdav_denied": (
        "Accès refusé au dépôt WebDAV {url} : vérifiez l'identifiant.",
        "Access to the WebDAV drop {url} refused: check the user name.",
    ),
    "sync.inbox.webdav_status": (
        "Le dépôt WebDAV a répondu {status} à la lecture.",
        "The WebDAV drop answered {status} when read.",
    ),
    "sync.inbox.webdav_unreadable": ("Réponse WebDAV illisible.", "Unreadable WebDAV answer."),
    # invitation.py: the invitation file and the device's enrolment file
    "sync.invitation.wrong_code": (
        "Code d'invitation incorrect : vérifiez-le (4 groupes de 5 caractères) ou "
        "redemandez-le au coordinateur.",
        "Wrong invitation code: check it (4 groups of 5 characters) or ask the coordinator "
        "for it again.",
    ),
    "sync.invitation.malformed_code": (
        "Code d'invitation mal formé : 20 lettres et chiffres attendus, en 4 groupes de 5 "
        "(par exemple 7K2QD-M9XTA-0PHRC-4WNZ8).",
        "Malformed invitation code: 20 letters and digits expected, in 4 groups of 5 "
        "(for example 7K2QD-M9XTA-0PHRC-4WNZ8).",
    ),
    "sync.invitation.damaged": (
        "Fichier d'invitation endommagé ({detail}) : demandez-en une nouvelle copie au "
        "coordinateur.",
        "Damaged invitation file ({detail}): ask the coordinator for a new copy.",
    ),
    "sync.invitation.newer_version": (
        "Cette invitation a été créée par une version plus récente de Relais : mettez Relais "
        "à jour pour l'ouvrir.",
        "This invitation was created by a newer version of Relais: update Relais to open it.",
    ),
    "sync.invitation.missing": (
        "Fichier d'invitation introuvable : {path}",
        "Invitation file not found: {path}",
    ),
    "sync.invitation.unreadable": (
        "Lecture impossible du fichier d'invitation {path} : {detail}",
        "Cannot read the invitation file {path}: {detail}",
    ),
    "sync.invitation.size": ("taille anormale", "abnormal size"),
    "sync.invitation.truncated": (
        "contenu illisible ou tronqué",
        "unreadable or truncated content",
    ),
    "sync.invitation.not_an_invitation": (
        "ce n'est pas une invitation Relais",
        "this is not a Relais invitation",
    ),
    "sync.invitation.fields": ("champs inattendus ou manquants", "unexpected or missing fields"),
    "sync.invitation.kdf_unreadable": (
        "paramètres de dérivation illisibles",
        "unreadable derivation parameters",
    ),
    "sync.invitation.altered": (
        "le contenu chiffré a été altéré",
        "the encrypted content was altered",
    ),
    "sync.invitation.inconsistent": (
        "contenu incohérent : {detail}",
        "inconsistent content: {detail}",
    ),
    "sync.enrolment.unreadable": (
        "Lecture impossible de {path} : {detail}",
        "Cannot read {path}: {detail}",
    ),
    "sync.enrolment.not_readable": (
        "{path} n'est pas un fichier d'enrôlement lisible.",
        "{path} is not a readable enrolment file.",
    ),
    "sync.enrolment.not_an_enrolment": (
        "{path} n'est pas un fichier d'enrôlement Relais.",
        "{path} is not a Relais enrolment file.",
    ),
    "sync.enrolment.unknown_version": (
        "Fichier d'enrôlement d'une version inconnue : mettez Relais à jour.",
        "Enrolment file of an unknown version: update Relais.",
    ),
    "sync.enrolment.incomplete": (
        "Fichier d'enrôlement incomplet ou altéré ({detail}).",
        "Incomplete or altered enrolment file ({detail}).",
    ),
    "sync.enrolment.fields_altered": (
        "Fichier d'enrôlement altéré (champs modifiés ou ajoutés).",
        "Altered enrolment file (fields changed or added).",
    ),
    "sync.enrolment.bad_signature": (
        "Signature du fichier d'enrôlement invalide : fichier altéré.",
        "Invalid enrolment file signature: the file was altered.",
    ),
    # pack.py: the signed reference pack
    "sync.pack.malformed": (
        "Pack de référence illisible ({detail}) : fichier incomplet ?",
        "Unreadable reference pack ({detail}): incomplete file?",
    ),
    "sync.pack.tampered": (
        "Pack de référence refusé : {detail}. Le fichier a été altéré ou abîmé ; "
        "redemandez-le au coordinateur.",
        "Reference pack refused: {detail}. The file was altered or damaged; ask the "
        "coordinator for it again.",
    ),
    "sync.pack.newer_version": (
        "Ce pack de référence vient d'une version plus récente de Relais : mettez Relais à jour "
        "pour l'installer.",
        "This reference pack comes from a newer version of Relais: update Relais to install it.",
    ),
    "sync.pack.wrong_signer": (
        "Pack de référence refusé : il est signé par un autre coordinateur (empreinte {found}, "
        "attendue {expected}).",
        "Reference pack refused: it is signed by another coordinator (fingerprint {found}, "
        "expected {expected}).",
    ),
    "sync.pack.not_installed": (
        "Pack de référence non installé : {detail}.",
        "Reference pack not installed: {detail}.",
    ),
    "sync.pack.already_installed": (
        "la version {current} est déjà installée",
        "version {current} is already installed",
    ),
    "sync.pack.older": (
        "la version {current} est déjà installée et ce pack est plus ancien (version {version})",
        "version {current} is already installed and this pack is older (version {version})",
    ),
    "sync.pack.list_invalid": ("liste « {name} » invalide", "invalid “{name}” list"),
    "sync.pack.size": ("taille anormale", "abnormal size"),
    "sync.pack.not_json": (
        "ce n'est pas un fichier JSON complet",
        "this is not a complete JSON file",
    ),
    "sync.pack.not_a_pack": (
        "ce n'est pas un pack de référence Relais",
        "this is not a Relais reference pack",
    ),
    "sync.pack.format_unknown": ("version de format inconnue", "unknown format version"),
    "sync.pack.fields": ("champs inattendus ou manquants", "unexpected or missing fields"),
    "sync.pack.header_missing": ("en-tête absent", "header missing"),
    "sync.pack.header_incomplete": ("en-tête incomplet", "incomplete header"),
    "sync.pack.version_invalid": ("numéro de version invalide", "invalid version number"),
    "sync.pack.retention_invalid": ("durée de conservation invalide", "invalid retention period"),
    "sync.pack.coordination_invalid": ("nom de coordination invalide", "invalid coordination name"),
    "sync.pack.vocab_invalid": ("versions de vocabulaire invalides", "invalid vocabulary versions"),
    "sync.pack.hash_missing": ("empreinte du contenu absente", "content hash missing"),
    "sync.pack.date_invalid": ("date invalide", "invalid date"),
    "sync.pack.signer_missing": ("signataire absent", "signer missing"),
    "sync.pack.signature_missing": ("signature absente", "signature missing"),
    "sync.pack.content_incomplete": ("contenu incomplet", "incomplete content"),
    "sync.pack.territory_malformed": ("quartier mal formé", "malformed neighbourhood"),
    "sync.pack.structure_no_id": ("structure sans identifiant", "structure without an identifier"),
    "sync.pack.service_no_id": ("service sans identifiant", "service without an identifier"),
    "sync.pack.service_no_structure": ("service sans structure", "service without a structure"),
    "sync.pack.signature_unreadable": (
        "signature ou clé de signature illisible",
        "unreadable signature or signing key",
    ),
    "sync.pack.signature_mismatch": (
        "la signature ne correspond pas au contenu",
        "the signature does not match the content",
    ),
    "sync.pack.hash_mismatch": (
        "l'empreinte SHA-256 du contenu ne correspond pas",
        "the SHA-256 hash of the content does not match",
    ),
    # workspace.py: the coordinator's workspace
    "sync.workspace.none": (
        "Aucun espace coordinateur dans {root} : créez-le avec « fieldapp coord init ».",
        "No coordinator workspace in {root}: create it with “fieldapp coord init”.",
    ),
    "sync.workspace.exists": (
        "Un espace coordinateur existe déjà dans {root}.",
        "A coordinator workspace already exists in {root}.",
    ),
    "sync.workspace.damaged": (
        "Les clés de l'espace coordinateur {root} sont endommagées ({detail}) : restaurez "
        "« {file} » à partir de sa copie « {file}.bak » ou d'une sauvegarde.",
        "The keys of the coordinator workspace {root} are damaged ({detail}): restore "
        "“{file}” from its copy “{file}.bak” or from a backup.",
    ),
    "sync.workspace.file_missing": ("fichier absent", "file missing"),
    "sync.workspace.file_unreadable": ("fichier illisible", "unreadable file"),
    "sync.workspace.altered": ("contenu chiffré altéré", "encrypted content altered"),
    "sync.workspace.inconsistent": (
        "contenu incohérent : {detail}",
        "inconsistent content: {detail}",
    ),
    "sync.workspace.public_unreadable": ("« {file} » illisible", "“{file}” unreadable"),
    "sync.workspace.territory_name": (
        "Nom du territoire obligatoire (200 caractères au plus).",
        "Territory name required (200 characters at most).",
    ),
    "sync.workspace.folder_in_use": (
        "Le dossier {root} contient déjà « {file} » : Relais ne le supprime ni ne l'écrase. "
        "Ouvrez cet espace coordinateur (« fieldapp coord » avec --workspace) ou restaurez-le "
        "depuis une sauvegarde ; pour créer un nouvel espace, choisissez un autre dossier.",
        "The folder {root} already holds “{file}”: Relais neither deletes nor overwrites it. "
        "Open this coordinator workspace (“fieldapp coord” with --workspace) or restore it from "
        "a backup; to create a new workspace, choose another folder.",
    ),
    "sync.workspace.key_restored": (
        "Fichier de clés « {name} » absent : restauré depuis sa copie « {backup_name} ».",
        "Key file “{name}” missing: restored from its copy “{backup_name}”.",
    ),
    "sync.invitation.kdf_bounds": (
        "paramètres de dérivation démesurés (au plus {memory_mib} Mio, {iterations} passes, "
        "{lanes} voies)",
        "key-derivation parameters out of bounds (at most {memory_mib} MiB, {iterations} passes, "
        "{lanes} lanes)",
    ),
    "sync.workspace.invitation_uses": (
        "Nombre d'enrôlements par invitation : de 1 à {max_uses}.",
        "Enrolments per invitation: from 1 to {max_uses}.",
    ),
    "sync.workspace.invitation_used_up": (
        "Cette invitation a déjà servi à enrôler {uses} appareil(s), autant qu'elle le permet : "
        "enrôlement refusé. Émettez une nouvelle invitation (« fieldapp coord invite »).",
        "This invitation has already enrolled {uses} device(s), as many as it allows: enrolment "
        "refused. Issue a new invitation (“fieldapp coord invite”).",
    ),
    "sync.workspace.ledger_damaged": (
        "registre des invitations « {file} » illisible",
        "invitation ledger “{file}” unreadable",
    ),
}
