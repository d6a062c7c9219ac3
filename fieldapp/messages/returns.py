"""Messages of the return files (issue 16, sync/returns.py and their services): code → (French,
English). See `fieldapp/messages/__init__.py`."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # sync/returns.py: a return file the device refuses
    "sync.returns.malformed": (
        "Fichier de retour de la coordination illisible : il est tronqué ou mal formé.",
        "Unreadable return file from the coordination: it is truncated or malformed.",
    ),
    "sync.returns.unsupported": (
        "Fichier de retour d'une version plus récente : mettez Relais à jour.",
        "Return file of a newer version: update Relais.",
    ),
    "sync.returns.bad_signature": (
        "Fichier de retour refusé : il n'est pas signé par votre coordination.",
        "Return file refused: it is not signed by your coordination.",
    ),
    "sync.returns.wrong_device": (
        "Fichier de retour refusé : il est destiné à un autre appareil ({device}).",
        "Return file refused: it is meant for another device ({device}).",
    ),
    "sync.returns.replayed": (
        "Fichier de retour refusé : il est plus ancien (n° {seq}) que le dernier reçu (n° {last}).",
        "Return file refused: it is older (no. {seq}) than the last one received (no. {last}).",
    ),
    "sync.returns.decrypt_failed": (
        "Fichier de retour refusé : il ne se déchiffre pas avec la clé de cet appareil.",
        "Return file refused: it does not decrypt with this device's key.",
    ),
    # services/sync.py: the device's side
    "services.returns.reenrol": (
        "Cet appareil n'a pas encore de clé pour recevoir les confirmations des structures "
        "d'accueil : refaites son fichier d'enrôlement (fieldapp enrolment) et remettez-le à la "
        "coordination.",
        "This device has no key yet to receive confirmations from receiving structures: write "
        "its enrolment file again (fieldapp enrolment) and hand it to the coordination.",
    ),
    "services.returns.received": (
        "{n:confirmation reçue|confirmations reçues} de structures d'accueil.",
        "{n:confirmation|confirmations} from receiving structures received.",
    ),
    # The handover's line, by the status the receiving structure recorded last.
    "services.returns.confirmed.accueilli": (
        "Accueil confirmé par {structure} le {date}",
        "Reception confirmed by {structure} on {date}",
    ),
    "services.returns.confirmed.entre_dispositif": (
        "Accueil confirmé par {structure} le {date} : entrée dans le dispositif",
        "Reception confirmed by {structure} on {date}: entered the programme",
    ),
    "services.returns.confirmed.reoriente": (
        "Accueilli par {structure}, réorienté le {date}",
        "Received by {structure}, referred elsewhere on {date}",
    ),
    "services.returns.confirmed.refus_structure": (
        "Non retenu par {structure} le {date}",
        "Not taken on by {structure} on {date}",
    ),
    "services.returns.confirmed.sans_suite": (
        "Sans suite selon {structure} le {date}",
        "No follow-up according to {structure} on {date}",
    ),
    # services/returns.py: the coordinator's side
    "services.returns.published": (
        "{n:fichier de retour publié|fichiers de retour publiés} dans {destination}.",
        "{n:return file|return files} published to {destination}.",
    ),
    "services.returns.device_without_key": (
        "Appareil {device} ({structure}) : pas de clé de chiffrement, il doit refaire son "
        "fichier d'enrôlement (fieldapp enrolment) pour recevoir ses retours.",
        "Device {device} ({structure}): no encryption key, it must write its enrolment file "
        "again (fieldapp enrolment) to receive its returns.",
    ),
    "storage.audit.returns": (
        "Retours publiés aux appareils",
        "Returns published to devices",
    ),
    "services.returns.failed": (
        "Publication des retours impossible : {problem}",
        "Cannot publish the returns: {problem}",
    ),
}
