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
    "sync.pack.retention_range": (
        "durée de conservation : entre 1 et {most} mois",
        "retention period: between 1 and {most} months",
    ),
    "sync.pack.version_positive": (
        "numéro de version : entier positif attendu",
        "version number: positive integer expected",
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
    "sync.pack.manques_malformed": (
        "carte des manques du quartier {code} mal formée : {what}",
        "malformed unmet-needs map for neighbourhood {code}: {what}",
    ),
    "sync.pack.manques.fields": (
        "champs attendus du, au, seuil et besoins",
        "expected fields du, au, seuil and besoins",
    ),
    "sync.pack.manques.period": (
        "période invalide (mois AAAA-MM, du avant au)",
        "invalid period (months YYYY-MM, du before au)",
    ),
    "sync.pack.manques.seuil": (
        "seuil invalide (entier de 1 à 100)",
        "invalid threshold (an integer from 1 to 100)",
    ),
    "sync.pack.manques.besoins": (
        "besoins invalides (un nombre au moins égal au seuil, ou null)",
        "invalid needs (a count at least the threshold, or null)",
    ),
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
    # transports.py: the delivery destination, its check and the delivery of one batch
    "sync.drop.empty": (
        "Destination vide : indiquez un dossier ou une adresse WebDAV.",
        "Empty destination: give a folder or a WebDAV address.",
    ),
    "sync.drop.account_without_webdav": (
        "Un identifiant ne sert qu'avec une adresse WebDAV (https://…).",
        "A user name is only used with a WebDAV address (https://…).",
    ),
    "sync.drop.webdav_invalid": (
        "Adresse WebDAV invalide : https://serveur/chemin/ attendu.",
        "Invalid WebDAV address: https://server/path/ expected.",
    ),
    "sync.drop.credentials_in_url": (
        "L'adresse WebDAV ne doit pas contenir d'identifiant ni de mot de passe : "
        "donnez-les séparément.",
        "The WebDAV address must not contain a user name or a password: give them separately.",
    ),
    "sync.drop.query_in_url": (
        "L'adresse WebDAV ne doit pas contenir de « ? » ni de « # ».",
        "The WebDAV address must not contain “?” or “#”.",
    ),
    "sync.drop.insecure_http": (
        "Adresse en http:// : le mot de passe circulerait en clair. "
        "Utilisez une adresse en https://.",
        "http:// address: the password would travel in clear. Use an https:// address.",
    ),
    "sync.drop.settings_unreadable": (
        "Réglages de destination illisibles.",
        "Unreadable destination settings.",
    ),
    "sync.drop.folder": ("dossier {path}", "folder {path}"),
    "sync.drop.webdav_account": ("{url} (compte {user})", "{url} (account {user})"),
    "sync.check.folder_ok": (
        "Dossier de dépôt accessible : {path}",
        "Drop folder reachable: {path}",
    ),
    "sync.check.not_webdav": (
        "{url} n'est pas un dossier WebDAV : vérifiez l'adresse.",
        "{url} is not a WebDAV folder: check the address.",
    ),
    "sync.check.webdav_ok": (
        "Connexion réussie : dossier de dépôt accessible ({url})",
        "Connection successful: drop folder reachable ({url})",
    ),
    "sync.delivery.conflict": (
        "ALERTE : un autre fichier nommé {name} existe déjà {where}, avec un contenu différent. "
        "Rien n'a été remplacé ; prévenez le coordinateur.",
        "ALERT: another file named {name} already exists {where}, with different content. "
        "Nothing was replaced; tell the coordinator.",
    ),
    "sync.delivery.in_folder": ("dans {path}", "in {path}"),
    "sync.delivery.on_server": ("sur le serveur", "on the server"),
    "sync.delivery.folder_mismatch": (
        "ALERTE : le fichier {name} relu dans {path} diffère du lot écrit "
        "(support défectueux ?). Le lot reste dans la boîte d'envoi.",
        "ALERT: the file {name} read back in {path} differs from the batch written "
        "(faulty medium?). The batch stays in the outbox.",
    ),
    "sync.delivery.folder_missing": (
        "Dossier de dépôt introuvable : {path} (clé USB débranchée ou partage réseau "
        "déconnecté ?).",
        "Drop folder not found: {path} (USB key unplugged or network share disconnected?).",
    ),
    "sync.delivery.folder_vanished": (
        "Le fichier {name} a disparu de {path} juste après l'écriture : "
        "envoi non confirmé, nouvel essai plus tard.",
        "The file {name} disappeared from {path} just after it was written: "
        "delivery not confirmed, new attempt later.",
    ),
    "sync.delivery.disk_full": (
        "Disque plein dans {path} : libérez de la place ou changez de destination.",
        "Disk full in {path}: free some space or change the destination.",
    ),
    "sync.delivery.permission": (
        "Écriture refusée dans le dossier de dépôt {path}.",
        "Writing refused in the drop folder {path}.",
    ),
    "sync.delivery.read_only": (
        "Le dossier de dépôt {path} est en lecture seule.",
        "The drop folder {path} is read-only.",
    ),
    "sync.delivery.io": (
        "Erreur d'écriture dans {path} : {detail}.",
        "Write error in {path}: {detail}.",
    ),
    "sync.delivery.server_mismatch": (
        "ALERTE : le fichier {name} relu sur le serveur diffère du lot envoyé. "
        "Le lot reste dans la boîte d'envoi.",
        "ALERT: the file {name} read back from the server differs from the batch sent. "
        "The batch stays in the outbox.",
    ),
    "sync.delivery.server_vanished": (
        "Le fichier {name} a disparu du serveur juste après l'envoi : envoi non confirmé, "
        "nouvel essai plus tard.",
        "The file {name} disappeared from the server just after it was sent: delivery not "
        "confirmed, new attempt later.",
    ),
    "sync.delivery.auth": (
        "Identifiant ou mot de passe refusé par le serveur (401) : vérifiez les réglages "
        "de synchronisation.",
        "User name or password refused by the server (401): check the sync settings.",
    ),
    "sync.delivery.forbidden": (
        "Accès refusé au dossier de dépôt (403) : ce compte n'a pas le droit d'y écrire.",
        "Access to the drop folder refused (403): this account may not write there.",
    ),
    "sync.delivery.not_found": (
        "Dossier de dépôt introuvable sur le serveur ({status}) : vérifiez l'adresse {url}",
        "Drop folder not found on the server ({status}): check the address {url}",
    ),
    "sync.delivery.not_allowed": (
        "Le serveur refuse cette opération (405) : est-ce bien une adresse WebDAV ?",
        "The server refuses this operation (405): is this really a WebDAV address?",
    ),
    "sync.delivery.storage_full": (
        "Espace de stockage plein sur le serveur (507) : prévenez le coordinateur.",
        "Storage full on the server (507): tell the coordinator.",
    ),
    "sync.delivery.redirect": (
        "Le serveur redirige ailleurs ({status}) : vérifiez l'adresse (https:// ?).",
        "The server redirects elsewhere ({status}): check the address (https://?).",
    ),
    "sync.delivery.server": (
        "Erreur du serveur ({status}) : nouvel essai plus tard.",
        "Server error ({status}): new attempt later.",
    ),
    "sync.delivery.http": (
        "Réponse inattendue du serveur ({status}) pendant l'étape {step}.",
        "Unexpected server answer ({status}) during the {step} step.",
    ),
    "sync.delivery.timeout": (
        "Le serveur ne répond pas (délai de {seconds} s dépassé) : nouvel essai plus tard.",
        "The server does not answer (timeout of {seconds} s exceeded): new attempt later.",
    ),
    "sync.delivery.tls": (
        "Certificat du serveur refusé : la connexion sécurisée n'a pas pu être "
        "vérifiée. Prévenez le coordinateur.",
        "Server certificate refused: the secure connection could not be verified. "
        "Tell the coordinator.",
    ),
    "sync.delivery.server_unreachable": (
        "Serveur injoignable (pas de réseau, ou serveur arrêté) : nouvel essai plus tard.",
        "Server unreachable (no network, or server stopped): new attempt later.",
    ),
    "sync.delivery.interrupted": (
        "Connexion interrompue pendant l'envoi : nouvel essai plus tard.",
        "Connection interrupted while sending: new attempt later.",
    ),
    "sync.delivery.network": ("Erreur réseau ({error}).", "Network error ({error})."),
    # outbox.py: the batches waiting for delivery
    "sync.outbox.sealed": ("scellé, en attente", "sealed, waiting"),
    "sync.outbox.delivering": ("envoi en cours", "sending"),
    "sync.outbox.delivered": ("remis", "delivered"),
    "sync.outbox.failed": ("échec, nouvel essai prévu", "failed, new attempt planned"),
    "sync.outbox.interrupted": (
        "Envoi interrompu (Relais a été fermé ou l'ordinateur s'est arrêté pendant l'envoi) : "
        "nouvel essai.",
        "Sending interrupted (Relais was closed or the computer stopped while sending): "
        "new attempt.",
    ),
    "sync.outbox.seq_missing": (
        "Événement n° {seq} introuvable dans le carnet : impossible de sceller "
        "sans trou. Vérifiez l'intégrité du profil.",
        "Event no. {seq} not found in the notebook: cannot seal without a gap. "
        "Check the profile's integrity.",
    ),
    # batch.py: a sealed batch that cannot be merged (its quarantine reason)
    "sync.batch.sentence": ("{base}.", "{base}."),
    "sync.batch.detailed": ("{base} ({detail}).", "{base} ({detail})."),
    "sync.batch.malformed": (
        "Fichier de lot illisible : il est tronqué ou mal formé",
        "Unreadable batch file: it is truncated or malformed",
    ),
    "sync.batch.unsupported": (
        "Lot dans un format que cette version de Relais ne sait pas lire : mettez Relais à jour",
        "Batch in a format that this version of Relais cannot read: update Relais",
    ),
    "sync.batch.bad_signature": (
        "Signature invalide : le lot n'a pas été signé par l'appareil déclaré",
        "Invalid signature: the batch was not signed by the declared device",
    ),
    "sync.batch.bad_hash": (
        "Contenu altéré : l'empreinte du contenu chiffré ne correspond pas au manifeste "
        "(fichier abîmé ou modifié pendant le transfert)",
        "Altered content: the hash of the encrypted content does not match the manifest "
        "(file damaged or changed during the transfer)",
    ),
    "sync.batch.wrong_recipient": (
        "Ce lot est chiffré pour une autre coordination que la vôtre",
        "This batch is encrypted for another coordination than yours",
    ),
    "sync.batch.decrypt_failed": (
        "Déchiffrement impossible : le contenu chiffré du lot est corrompu",
        "Decryption impossible: the batch's encrypted content is corrupt",
    ),
    "sync.batch.inconsistent": (
        "Lot incohérent : les événements ne correspondent pas au manifeste",
        "Inconsistent batch: the events do not match the manifest",
    ),
    "sync.batch.manifest_unreadable": ("manifeste illisible", "unreadable manifest"),
    "sync.batch.manifest_fields": (
        "champs du manifeste inattendus ou manquants",
        "unexpected or missing manifest fields",
    ),
    "sync.batch.manifest_not_canonical": ("manifeste non canonique", "non-canonical manifest"),
    "sync.batch.manifest": ("manifeste : {detail}", "manifest: {detail}"),
    "sync.batch.format_version": (
        "version {version} du format de lot",
        "version {version} of the batch format",
    ),
    "sync.batch.truncated": ("fichier tronqué", "truncated file"),
    "sync.batch.not_a_batch": (
        "ce fichier n'est pas un lot Relais",
        "this file is not a Relais batch",
    ),
    "sync.batch.manifest_length": ("longueur du manifeste invalide", "invalid manifest length"),
    "sync.batch.signature_length": ("longueur de signature invalide", "invalid signature length"),
    "sync.batch.ciphertext_too_large": (
        "contenu chiffré trop volumineux",
        "encrypted content too large",
    ),
    "sync.batch.trailing_data": (
        "données en trop après le contenu chiffré",
        "extra data after the encrypted content",
    ),
    "sync.batch.ciphertext_too_short": (
        "contenu chiffré trop court",
        "encrypted content too short",
    ),
    "sync.batch.compressed_unreadable": (
        "contenu compressé illisible",
        "unreadable compressed content",
    ),
    "sync.batch.decompressed_too_large": (
        "contenu décompressé trop volumineux (plus de {mib} Mio)",
        "decompressed content too large (more than {mib} MiB)",
    ),
    "sync.batch.compressed_truncated": (
        "contenu compressé tronqué ou suivi de données en trop",
        "compressed content truncated or followed by extra data",
    ),
    "sync.batch.recipient_key": (
        "clé destinataire {recipient}, la vôtre est {ours}",
        "recipient key {recipient}, yours is {ours}",
    ),
    "sync.batch.events_unreadable": ("liste d'événements illisible", "unreadable event list"),
    "sync.batch.events_not_objects": (
        "liste d'objets JSON attendue",
        "list of JSON objects expected",
    ),
    "sync.batch.event_count": (
        "{received} événements reçus, {announced} annoncés",
        "{received} events received, {announced} announced",
    ),
    "sync.batch.event_not_object": (
        "événement n° {n} : objet JSON attendu",
        "event no. {n}: JSON object expected",
    ),
    "sync.batch.event_device": (
        "événement n° {n} : émis par l'appareil {found} et non {expected}",
        "event no. {n}: sent by the device {found} and not {expected}",
    ),
    "sync.batch.event_seq": (
        "événement n° {n} : numéro {found} au lieu de {expected} "
        "(les numéros doivent se suivre sans trou, dans l'ordre)",
        "event no. {n}: number {found} instead of {expected} "
        "(the numbers must follow each other without a gap, in order)",
    ),
    "sync.batch.event_no_id": (
        "événement n° {n} : identifiant manquant",
        "event no. {n}: id missing",
    ),
    "sync.batch.event_duplicate_id": (
        "événement n° {n} : identifiant {id} en double",
        "event no. {n}: duplicate id {id}",
    ),
    # merge.py, merge_pipeline.py: the coordinator's merge, its quarantine and its devices
    "sync.merge.summary": (
        "{merged:lot fusionné|lots fusionnés}, {already:déjà fusionné|déjà fusionnés}, "
        "{quarantined} en quarantaine ; {inserted:événement ajouté|événements ajoutés}, "
        "{present:déjà présent|déjà présents}",
        "{merged:batch merged|batches merged}, {already} already merged, {quarantined} in "
        "quarantine; {inserted:event added|events added}, {present} already present",
    ),
    "sync.merge.other_key": (
        "L'appareil {device} est déjà enrôlé avec une autre clé (empreinte {fingerprint}) : "
        "enrôlement refusé.",
        "The device {device} is already enrolled with another key (fingerprint {fingerprint}): "
        "enrolment refused.",
    ),
    "sync.merge.revoked": (
        "L'appareil {device} a été révoqué.",
        "The device {device} was revoked.",
    ),
    "sync.merge.unknown_status": (
        "État d'appareil inconnu : {status} ({statuses})",
        "Unknown device status: {status} ({statuses})",
    ),
    "sync.merge.unknown_device_id": ("Appareil inconnu : {device}", "Unknown device: {device}"),
    "sync.merge.revoked_final": (
        "Un appareil révoqué ne peut pas être rétabli : enrôlez-en un nouveau.",
        "A revoked device cannot be restored: enrol a new one.",
    ),
    "sync.merge.too_large": (
        "Fichier trop volumineux pour être un lot Relais.",
        "File too large to be a Relais batch.",
    ),
    "sync.merge.duplicate_batch_id": (
        "Alerte : le lot {batch} a déjà été fusionné avec un contenu différent ; ce second "
        "fichier est écarté.",
        "Alert: the batch {batch} was already merged with different content; this second file "
        "is set aside.",
    ),
    "sync.merge.unknown_device": (
        "Appareil inconnu ({device}) : enrôlez-le, puis relancez la quarantaine.",
        "Unknown device ({device}): enrol it, then retry the quarantine.",
    ),
    "sync.merge.suspended_device": (
        "Appareil suspendu ({device}) : rétablissez-le pour fusionner ses lots.",
        "Suspended device ({device}): restore it to merge its batches.",
    ),
    "sync.merge.revoked_device": (
        "Lot signé après la révocation de l'appareil ({device}).",
        "Batch signed after the device was revoked ({device}).",
    ),
    "sync.merge.conflict": (
        "Ce lot contient des événements déjà reçus sous un autre contenu "
        "(même appareil, même numéro) : rien n'a été importé.",
        "This batch holds events already received with other content "
        "(same device, same number): nothing was imported.",
    ),
    "sync.merge.incomplete_event": (
        "Contenu du lot invalide : événement incomplet.",
        "Invalid batch content: incomplete event.",
    ),
    "sync.merge.invalid_content": (
        "Contenu du lot invalide : {detail}",
        "Invalid batch content: {detail}",
    ),
    "sync.merge.gap": ("événements {first}–{last} manquants", "events {first}–{last} missing"),
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
        "Cette invitation a déjà servi à enrôler {uses:appareil|appareils}, autant qu'elle le "
        "permet : enrôlement refusé. Émettez une nouvelle invitation (« fieldapp coord invite »).",
        "This invitation has already enrolled {uses:device|devices}, as many as it allows: "
        "enrolment refused. Issue a new invitation (“fieldapp coord invite”).",
    ),
    "sync.workspace.ledger_damaged": (
        "registre des invitations « {file} » illisible",
        "invitation ledger “{file}” unreadable",
    ),
    "sync.merge.structure_mismatch": (
        "lot annoncé pour une autre structure que celle de l'enrôlement de l'appareil",
        "batch declared for another structure than the one the device enrolled with",
    ),
    # merge22: a merge no batch can stop, bounded decoding, bounded drop reads
    "sync.merge.storage_refused": (
        "La base a refusé une valeur de ce lot (type ou taille inattendus) : rien n'a été importé.",
        "The database refused a value of this batch (unexpected type or size): nothing was "
        "imported.",
    ),
    "sync.merge.internal": (
        "Ce lot n'a pas pu être fusionné (erreur interne de Relais) : rien n'a été importé ; "
        "il reste en quarantaine.",
        "This batch could not be merged (internal Relais error): nothing was imported; it "
        "stays in quarantine.",
    ),
    "sync.merge.quarantine_failed": (
        "La base consolidée refuse d'écrire : le lot « {file} » n'a pas pu être mis en "
        "quarantaine ; fusion arrêtée.",
        "The consolidated store refuses to write: the batch “{file}” could not be put in "
        "quarantine; merge stopped.",
    ),
    "sync.inbox.too_large": (
        "Fichier « {name} » trop volumineux pour être un lot Relais (plus de {mib} Mio) : "
        "il n'est pas lu ; retirez-le du dépôt.",
        "File “{name}” too large to be a Relais batch (more than {mib} MiB): it is not read; "
        "remove it from the drop.",
    ),
    "sync.batch.json_too_deep": (
        "événements imbriqués trop profondément (plus de {max} niveaux)",
        "events nested too deeply (more than {max} levels)",
    ),
    "sync.batch.json_too_many_containers": (
        "trop d'objets et de listes JSON (plus de {max})",
        "too many JSON objects and arrays (more than {max})",
    ),
    "sync.batch.json_too_many_elements": (
        "trop d'éléments JSON (plus de {max})",
        "too many JSON elements (more than {max})",
    ),
    "sync.batch.json_event_too_large": (
        "événement trop volumineux (plus de {kib} Kio)",
        "event too large (more than {kib} KiB)",
    ),
    "sync.batch.json_events_too_large": (
        "événements trop volumineux au total (plus de {mib} Mio)",
        "events too large in total (more than {mib} MiB)",
    ),
    "sync.batch.json_too_many_events": (
        "plus de {max} événements",
        "more than {max} events",
    ),
    "sync.batch.json_number": (
        "nombre hors limites (entier au-delà de 2⁵³, nombre trop long, NaN ou infini)",
        "number out of bounds (integer beyond 2⁵³, number too long, NaN or infinity)",
    ),
    # invite: signed invitations (trust on first use of the coordinator's signing key)
    "sync.invitation.unsigned": (
        "Invitation d'un ancien format, non signée par la coordination : elle est refusée, car "
        "quiconque connaît son code aurait pu la fabriquer. Demandez une nouvelle invitation au "
        "coordinateur.",
        "Invitation in an old format, not signed by the coordination: it is refused, since anyone "
        "who knows its code could have made it. Ask the coordinator for a new invitation.",
    ),
    "sync.invitation.bad_signature": (
        "Invitation refusée : elle n'est pas signée par la clé de coordination qu'elle annonce "
        "(invitation falsifiée ou altérée). Demandez une nouvelle invitation au coordinateur.",
        "Invitation refused: it is not signed by the coordination key it claims (forged or "
        "altered invitation). Ask the coordinator for a new invitation.",
    ),
    "sync.invitation.other_coordinator": (
        "Invitation refusée : elle est signée par une autre coordination (clé de signature "
        "{found}) que celle que cet appareil a rejointe (clé {expected}). Vérifiez l'empreinte "
        "avec votre coordinateur.",
        "Invitation refused: it is signed by another coordination (signing key {found}) than "
        "the one this device joined (key {expected}). Check the fingerprint with your "
        "coordinator.",
    ),
    "sync.merge.invalid_payload": (
        "le lot contient un événement qu'un appareil n'aurait pas écrit (n° {seq}, {problems})",
        "the batch holds an event no device would have written (no. {seq}, {problems})",
    ),
    # Issue 14: ownership, conflicts, revocation by what the coordinator knows (sync/merge.py).
    "sync.merge.foreign_record": (
        "Le lot modifie un enregistrement d'un autre appareil (événement n° {seq}) : "
        "rien n'a été importé.",
        "The batch changes a record of another device (event no. {seq}): nothing was imported.",
    ),
    "sync.merge.held": (
        "Lot en attente : il modifie {count:enregistrement|enregistrements} dont la création "
        "n'est pas encore arrivée (événement n° {seq}). Il sera repris à l'arrivée de la création.",
        "Batch on hold: it changes {count:record|records} whose creation has not arrived yet "
        "(event no. {seq}). It will be taken up when the creation arrives.",
    ),
    "sync.merge.event_conflict": (
        "Ce lot réutilise l'identifiant d'un événement déjà reçu avec un autre contenu "
        "(événement n° {seq}) : rien n'a été importé.",
        "This batch reuses the id of an event already received with other content "
        "(event no. {seq}): nothing was imported.",
    ),
    "sync.merge.alarm_conflict": (
        "ALERTE : l'appareil {device} a envoyé l'événement {event} avec un autre contenu "
        "(lot {batch}).",
        "ALERT: device {device} sent event {event} with other content (batch {batch}).",
    ),
    "sync.merge.empty_payload": (
        "Contenu du lot invalide : l'événement n° {seq} est vide.",
        "Invalid batch content: event no. {seq} is empty.",
    ),
    "sync.merge.revoked_after": (
        "Lot refusé : l'appareil ({device}) est révoqué et ce lot va au-delà du dernier "
        "événement reçu de lui avant la révocation (n° {seq}).",
        "Batch refused: the device ({device}) is revoked and this batch goes beyond the last "
        "event received from it before the revocation (no. {seq}).",
    ),
}
