"""Messages of this layer: code → (French, English). See `fieldapp/messages/__init__.py`."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # errors.py: a problem's line and the errors that gather them
    "domain.problem.line": ("{field} : {detail}", "{field}: {detail}"),
    "domain.problem.field": ("champ {name}", "field {name}"),
    "domain.problem.labelled": ("{label} ({code})", "{label} ({code})"),
    # The forms' labels of the fields (errors/FieldName, the spreadsheet import)
    "domain.label.date": ("Date", "Date"),
    "domain.label.slot": ("Créneau", "Time slot"),
    "domain.label.neighbourhood": ("Quartier", "Neighbourhood"),
    "domain.label.commune": ("Commune (hors QPV)", "Municipality (outside QPV)"),
    "domain.label.place_type": ("Lieu", "Place"),
    "domain.label.contact_mode": ("Type de contact", "Contact type"),
    "domain.label.age_band": ("Tranche d'âge", "Age band"),
    "domain.label.gender": ("Genre", "Gender"),
    "domain.label.situation": ("Situation", "Situation"),
    "domain.label.registrations": ("Inscriptions", "Registrations"),
    "domain.label.needs": ("Besoins", "Needs"),
    "domain.label.outcome": ("Suite donnée", "Outcome"),
    "domain.label.pseudonym": ("Personne", "Person"),
    "domain.label.note": ("Note", "Note"),
    "domain.label.partner": ("Partenaire", "Partner"),
    "domain.label.mode": ("Modalité", "Mode"),
    "domain.label.consent": ("Accord de la personne", "Person's consent"),
    "domain.label.follow_up": ("Date de suivi", "Follow-up date"),
    "domain.label.appointment": ("Rendez-vous", "Appointment"),
    "domain.label.reason": ("Motif", "Reason"),
    "domain.label.status": ("État", "Status"),
    "domain.validation.problems": ("{problems}", "{problems}"),
    "domain.validation.invalid": ("données invalides", "invalid data"),
    "domain.transition.custom": ("{text}", "{text}"),
    "domain.transition.no_handover": (
        "Passage à « {requested} » impossible : aucun relais n'existe encore. "
        "États suivants possibles : {allowed}",
        "Cannot move to “{requested}”: no handover exists yet. Possible next states: {allowed}",
    ),
    "domain.transition.closed": (
        "Passage de « {current} » à « {requested} » impossible : "
        "le relais est clos (« {current} » est un état final).",
        "Cannot move from “{current}” to “{requested}”: the handover is closed "
        "(“{current}” is a final state).",
    ),
    "domain.transition.refused": (
        "Passage de « {current} » à « {requested} » impossible. "
        "États suivants possibles : {allowed}",
        "Cannot move from “{current}” to “{requested}”. Possible next states: {allowed}",
    ),
    "domain.transition.current_unknown": (
        "État actuel inconnu « {current} » : passage à « {requested} » impossible.",
        "Unknown current state “{current}”: cannot move to “{requested}”.",
    ),
    # _fields.py: the shared field readers
    "domain.field.quoted": ("« {value} »", "“{value}”"),
    "domain.field.personal_data": (
        "Relais n'enregistre pas de données nominatives : retirez ce champ",
        "Relais does not record personal data: remove this field",
    ),
    "domain.field.object_expected": (
        "un objet JSON est attendu, reçu {got}",
        "a JSON object is expected, got {got}",
    ),
    "domain.field.key_not_text": ("nom de champ non textuel", "field name is not text"),
    "domain.field.unknown": (
        "champ inconnu ; champs possibles : {allowed}",
        "unknown field; possible fields: {allowed}",
    ),
    "domain.field.missing": ("champ obligatoire manquant", "required field missing"),
    "domain.field.empty": ("champ obligatoire vide", "required field empty"),
    "domain.field.wrong_type": (
        "type incorrect : {what} attendu, reçu {got}",
        "wrong type: {what} expected, got {got}",
    ),
    "domain.field.too_long": (
        "trop long ({length} caractères, {max_len} au plus)",
        "too long ({length} characters, at most {max_len})",
    ),
    "domain.field.code_expected": (
        "type incorrect : code texte attendu, reçu {got}",
        "wrong type: text code expected, got {got}",
    ),
    "domain.field.codes_expected": (
        "type incorrect : liste de codes attendue, reçu {got}",
        "wrong type: list of codes expected, got {got}",
    ),
    "domain.field.duplicate": ("valeur en double {value}", "duplicate value {value}"),
    "domain.field.date_with_time": (
        "une date sans heure est attendue (AAAA-MM-JJ)",
        "a date without a time is expected (YYYY-MM-DD)",
    ),
    "domain.field.date_expected": (
        "type incorrect : date AAAA-MM-JJ attendue, reçu {got}",
        "wrong type: YYYY-MM-DD date expected, got {got}",
    ),
    "domain.field.date_invalid": (
        "date invalide {value} ; format attendu AAAA-MM-JJ",
        "invalid date {value}; expected format YYYY-MM-DD",
    ),
    "domain.field.boolean_expected": (
        "type incorrect : true ou false attendu, reçu {got}",
        "wrong type: true or false expected, got {got}",
    ),
    "domain.field.unknown_code": (
        "valeur inconnue {value} ; valeurs possibles : {allowed}",
        "unknown value {value}; possible values: {allowed}",
    ),
    # JSON types and what a text field holds, inside the messages above
    "domain.type.boolean": ("booléen", "boolean"),
    "domain.type.integer": ("nombre entier", "integer"),
    "domain.type.number": ("nombre", "number"),
    "domain.type.text": ("texte", "text"),
    "domain.type.list": ("liste", "list"),
    "domain.type.object": ("objet", "object"),
    "domain.what.neighbourhood": ("code de quartier", "neighbourhood code"),
    "domain.what.insee": ("code INSEE", "INSEE code"),
    "domain.what.pseudonym": ("pseudonyme", "pseudonym"),
    "domain.what.identifier": ("identifiant", "identifier"),
    "domain.what.reason": ("motif", "reason"),
    # contacts.py
    "domain.contact.date_future": (
        "date dans le futur (aujourd'hui : {today})",
        "date in the future (today: {today})",
    ),
    "domain.contact.date_too_old": (
        "date trop ancienne (plus de {years} ans)",
        "date too old (more than {years} years)",
    ),
    "domain.contact.neighbourhood_invalid": (
        "code de quartier invalide {value} ; attendu un code QPV (par ex. QN07601M) ou « {hors} »",
        "invalid neighbourhood code {value}; expected a QPV code (e.g. QN07601M) or “{hors}”",
    ),
    "domain.contact.neighbourhood_unknown": (
        "quartier {code} absent du pack de référence",
        "neighbourhood {code} is not in the reference pack",
    ),
    "domain.contact.commune_required": (
        "code INSEE obligatoire quand le quartier est « {hors} »",
        "INSEE code required when the neighbourhood is “{hors}”",
    ),
    "domain.contact.commune_invalid": (
        "code INSEE invalide {value} ; attendu 5 caractères (par ex. 76540 ou 2A004)",
        "invalid INSEE code {value}; expected 5 characters (e.g. 76540 or 2A004)",
    ),
    "domain.contact.registrations_empty": (
        "au moins un choix attendu (« inconnue » si on ne sait pas)",
        "at least one choice expected (“inconnue” if not known)",
    ),
    "domain.contact.registrations_exclusive": (
        "« {code} » ne peut pas être combinée avec un autre choix",
        "“{code}” cannot be combined with another choice",
    ),
    "domain.contact.pseudonym_format": (
        "format attendu XXXX-XXXX (chiffres et majuscules, sans I, L, O ni U)",
        "expected format XXXX-XXXX (digits and capitals, without I, L, O or U)",
    ),
    # handovers.py
    "domain.handover.schedule_empty": (
        "rien à changer : indiquez une date de suivi ou un rendez-vous",
        "nothing to change: give a follow-up date or an appointment",
    ),
    "domain.handover.appointment_too_far": (
        "rendez-vous à plus d'un an : vérifiez l'année",
        "appointment more than a year ahead: check the year",
    ),
    "domain.handover.undo_nothing": (
        "aucun changement d'état à annuler",
        "no status change to undo",
    ),
    "domain.handover.undo_not_last": (
        "seul le dernier changement d'état peut être annulé",
        "only the last status change can be undone",
    ),
    "domain.handover.consent_required": (
        "le consentement de la personne est obligatoire",
        "the person's consent is required",
    ),
    "domain.handover.status_unknown": (
        "état inconnu {value} ; valeurs possibles : {allowed}",
        "unknown state {value}; possible values: {allowed}",
    ),
    "domain.handover.identifier_spaces": (
        "identifiant invalide (espaces interdits)",
        "invalid identifier (spaces are not allowed)",
    ),
    "domain.handover.follow_up_too_far": (
        "date de suivi trop lointaine (plus d'un an)",
        "follow-up date too far ahead (more than a year)",
    ),
    "domain.handover.follow_up_too_old": (
        "date de suivi trop ancienne (plus de {years} ans)",
        "follow-up date too old (more than {years} years)",
    ),
    "domain.handover.contact_fixed": (
        "le contact lié à un relais ne peut pas être changé",
        "the contact linked to a handover cannot be changed",
    ),
    "domain.handover.reason_required": (
        "motif obligatoire pour l'état « {status} »",
        "reason required for the state “{status}”",
    ),
    "domain.handover.datetime_invalid": (
        "date et heure invalides {value} ; format attendu ISO 8601",
        "invalid date and time {value}; expected format ISO 8601",
    ),
    "domain.handover.datetime_expected": (
        "type incorrect : date et heure ISO 8601 attendues",
        "wrong type: ISO 8601 date and time expected",
    ),
    "domain.handover.timezone_missing": (
        "fuseau horaire manquant (par ex. 2024-11-25T10:00:00Z)",
        "time zone missing (e.g. 2024-11-25T10:00:00Z)",
    ),
    # events.py and clock.py
    "domain.event.object_expected": ("un objet JSON est attendu", "a JSON object is expected"),
    "domain.event.uuid_expected": (
        "UUID attendu (forme canonique en minuscules)",
        "UUID expected (canonical lower-case form)",
    ),
    "domain.event.token_expected": (
        "identifiant attendu (1 à 100 lettres, chiffres, . _ : -)",
        "identifier expected (1 to 100 letters, digits, . _ : -)",
    ),
    "domain.event.seq_expected": (
        "entier positif attendu (1, 2, 3…)",
        "positive integer expected (1, 2, 3…)",
    ),
    "domain.event.type_expected": (
        "type d'événement attendu, par ex. contact.recorded",
        "event type expected, e.g. contact.recorded",
    ),
    "domain.event.payload_expected": ("objet JSON attendu", "JSON object expected"),
    "domain.event.schema_expected": ("entier positif attendu", "positive integer expected"),
    "domain.event.schema_newer": (
        "version {schema} plus récente que celle de cette application ({supported}) : "
        "mettez Relais à jour",
        "version {schema} is newer than this application's ({supported}): update Relais",
    ),
    "domain.clock.hlc_format": (
        "format attendu : 16 chiffres, un tiret, 5 chiffres",
        "expected format: 16 digits, a dash, 5 digits",
    ),
}

MESSAGES.update(
    {
        # directory.py: reading a data·inclusion file
        "domain.directory.row": ("ligne {line}", "line {line}"),
        "domain.directory.row_id": ("ligne {line} ({record_id})", "line {line} ({record_id})"),
        "domain.directory.row_field": (
            "{where} : champ {field} : {detail}",
            "{where}: field {field}: {detail}",
        ),
        "domain.directory.row_problem": ("{where} : {detail}", "{where}: {detail}"),
        "domain.directory.not_utf8": (
            "le fichier n'est pas un texte UTF-8 (octet {byte})",
            "the file is not UTF-8 text (byte {byte})",
        ),
        "domain.directory.array_truncated": (
            "tableau JSON tronqué : « ] » final manquant",
            "truncated JSON array: final “]” missing",
        ),
        "domain.directory.after_array": (
            "contenu inattendu après la fin du tableau JSON",
            "unexpected content after the end of the JSON array",
        ),
        "domain.directory.comma_expected": (
            "JSON invalide ligne {line} : « , » ou « ] » attendu",
            "invalid JSON on line {line}: “,” or “]” expected",
        ),
        "domain.directory.array_unreadable": (
            "JSON invalide ligne {line}, colonne {column} : tableau illisible à partir de là "
            "(virgule, guillemet ou accolade manquants ?)",
            "invalid JSON on line {line}, column {column}: the array is unreadable from there "
            "(missing comma, quote or brace?)",
        ),
        "domain.directory.too_nested": (
            "JSON trop imbriqué ligne {line}",
            "JSON nested too deeply on line {line}",
        ),
        "domain.directory.hint_postcode": (
            "code postal à 5 chiffres attendu",
            "5-digit postcode expected",
        ),
        "domain.directory.hint_insee": (
            "code INSEE de commune à 5 caractères attendu",
            "5-character INSEE commune code expected",
        ),
        "domain.directory.hint_siret": (
            "numéro SIRET à 14 chiffres attendu",
            "14-digit SIRET number expected",
        ),
        "domain.directory.hint_format": ("format invalide", "invalid format"),
        "domain.directory.hinted": ("{hint}, reçu {value}", "{hint}, got {value}"),
        "domain.directory.zone_invalid": (
            "code géographique invalide {value} : code commune, département, EPCI, pays ou "
            "« france » attendu",
            "invalid geographic code {value}: commune, département, EPCI or country code, or "
            "“france” expected",
        ),
        "domain.directory.text_expected": ("texte attendu", "text expected"),
        "domain.directory.too_short": (
            "texte trop court ({min} caractères au moins)",
            "text too short (at least {min} characters)",
        ),
        "domain.directory.too_long": (
            "texte trop long ({max} caractères au plus)",
            "text too long (at most {max} characters)",
        ),
        "domain.directory.enum_unknown": (
            "valeur inconnue {value} (hors du référentiel data·inclusion v1)",
            "unknown value {value} (not in the data·inclusion v1 reference)",
        ),
        "domain.directory.date_invalid": (
            "date invalide {value} (AAAA-MM-JJ attendu)",
            "invalid date {value} (YYYY-MM-DD expected)",
        ),
        "domain.directory.url_invalid": ("lien web invalide {value}", "invalid web link {value}"),
        "domain.directory.one_value_expected": (
            "au moins une valeur attendue",
            "at least one value expected",
        ),
        "domain.directory.list_expected": ("liste de valeurs attendue", "list of values expected"),
        "domain.directory.number_expected": (
            "nombre attendu, reçu {value}",
            "number expected, got {value}",
        ),
        "domain.directory.too_small": (
            "valeur trop petite (minimum {min})",
            "value too small (minimum {min})",
        ),
        "domain.directory.email_invalid": (
            "adresse de courriel invalide {value}",
            "invalid email address {value}",
        ),
        "domain.directory.value_invalid": ("valeur invalide", "invalid value"),
        "domain.directory.too_many_rows": (
            "trop de lignes ({max} {what}s au plus)",
            "too many rows (at most {max} {what}s)",
        ),
        "domain.directory.json_invalid": (
            "JSON invalide (colonne {column})",
            "invalid JSON (column {column})",
        ),
        "domain.directory.object_expected": (
            "objet JSON attendu ({what})",
            "JSON object expected ({what})",
        ),
        "domain.directory.duplicate_id": (
            "identifiant en double (déjà vu ligne {line})",
            "duplicate identifier (already seen on line {line})",
        ),
        "domain.directory.structure_unknown": (
            "structure inconnue {value} (absente du fichier des structures ou refusée)",
            "unknown structure {value} (missing from the structures file, or refused)",
        ),
        "domain.directory.line_object_expected": (
            "ligne {line} : objet JSON attendu",
            "line {line}: JSON object expected",
        ),
        # territories.py: the QPV reference CSV
        "domain.territories.encoding": (
            "ni UTF-8 ni Windows-1252 : encodage inconnu",
            "neither UTF-8 nor Windows-1252: unknown encoding",
        ),
        "domain.territories.empty": (
            "fichier vide : colonnes code_qp, lib_qp, insee_com attendues",
            "empty file: columns code_qp, lib_qp, insee_com expected",
        ),
        "domain.territories.columns_missing": (
            "{count:colonne manquante|colonnes manquantes} : {missing} (colonnes lues : {read})",
            "{count:missing column|missing columns}: {missing} (columns read: {read})",
        ),
        "domain.territories.none": ("aucune", "none"),
        "domain.territories.too_many_rows": (
            "trop de lignes ({max} au plus)",
            "too many rows (at most {max})",
        ),
        "domain.territories.empty_cell": ("vide", "empty"),
        "domain.territories.qpv_invalid": (
            "code QPV invalide ({what})",
            "invalid QPV code ({what})",
        ),
        "domain.territories.name_required": (
            "nom obligatoire ({max} car. au plus)",
            "name required (at most {max} chars)",
        ),
        "domain.territories.insee_invalid": (
            "code INSEE de commune invalide ({what})",
            "invalid INSEE commune code ({what})",
        ),
        "domain.territories.name_differs": (
            "nom différent pour le même code (« {kept} » gardé)",
            "different name for the same code (“{kept}” kept)",
        ),
    }
)

MESSAGES.update(
    {
        # eligibility.py: why a service suits a contact (the mark ✓ ✗ ? is a parameter)
        "domain.eligibility.all_publics": ("tous publics {mark}", "all publics {mark}"),
        "domain.eligibility.public": ("{public} {mark}", "{public} {mark}"),
        "domain.eligibility.reserved": ("réservé : {publics} {mark}", "reserved: {publics} {mark}"),
        "domain.eligibility.public_to_check": (
            "public à vérifier : {publics} {mark}",
            "public to check: {publics} {mark}",
        ),
        "domain.eligibility.zone": ("zone {mark}", "area {mark}"),
        "domain.eligibility.zone_to_check": ("zone à vérifier {mark}", "area to check {mark}"),
        "domain.eligibility.zone_epci": (
            "zone à vérifier (intercommunalité) {mark}",
            "area to check (group of communes) {mark}",
        ),
        "domain.eligibility.out_of_zone": ("hors zone {mark}", "outside the area {mark}"),
        "domain.eligibility.need": ("besoin {need} {mark}", "need {need} {mark}"),
        "domain.eligibility.same_commune": ("même commune {mark}", "same commune {mark}"),
        "domain.eligibility.young": ("jeunes 16-25", "young people 16-25"),
        "domain.eligibility.young_mission_locale": (
            "jeunes (suivi mission locale)",
            "young people (followed by a mission locale)",
        ),
        "domain.eligibility.seniors": ("séniors", "seniors"),
        "domain.eligibility.jobseekers_france_travail": (
            "demandeurs d'emploi (France Travail)",
            "jobseekers (France Travail)",
        ),
        "domain.eligibility.jobseekers": ("demandeurs d'emploi", "jobseekers"),
        "domain.eligibility.minimum_income": ("minima sociaux (RSA)", "minimum income (RSA)"),
        "domain.eligibility.disability": ("handicap (Cap emploi)", "disability (Cap emploi)"),
        "domain.eligibility.in_work": ("actifs", "in work"),
        "domain.eligibility.women": ("femmes", "women"),
        "domain.eligibility.qpv_resident": ("résident QPV", "QPV resident"),
        # pii.py: the kinds of personal data found in a note (labels; the marker is data)
        "domain.pii.telephone": ("numéro de téléphone", "phone number"),
        "domain.pii.telephone_plural": ("numéros de téléphone", "phone numbers"),
        "domain.pii.email": ("adresse e-mail", "e-mail address"),
        "domain.pii.email_plural": ("adresses e-mail", "e-mail addresses"),
        "domain.pii.nir": ("numéro de sécurité sociale (NIR)", "social security number (NIR)"),
        "domain.pii.nir_plural": (
            "numéros de sécurité sociale (NIR)",
            "social security numbers (NIR)",
        ),
        "domain.pii.iban": ("IBAN", "IBAN"),
        "domain.pii.iban_plural": ("IBAN", "IBANs"),
        "domain.pii.date_naissance": ("date de naissance", "date of birth"),
        "domain.pii.date_naissance_plural": ("dates de naissance", "dates of birth"),
        "domain.pii.adresse": ("adresse postale", "postal address"),
        "domain.pii.adresse_plural": ("adresses postales", "postal addresses"),
        "domain.pii.nom_civilite": ("nom après une civilité", "name after a title"),
        "domain.pii.nom_civilite_plural": ("noms après une civilité", "names after a title"),
        "domain.pii.nom_prenom": ("prénom suivi d'un nom", "given name with a family name"),
        "domain.pii.nom_prenom_plural": (
            "prénoms suivis d'un nom",
            "given names with a family name",
        ),
        # pseudonym.py: what the pseudonym is computed from
        "domain.pseudonym.family_name": (
            "Le nom de famille doit contenir au moins une lettre.",
            "The family name must contain at least one letter.",
        ),
        "domain.pseudonym.given_name": (
            "Le prénom doit contenir au moins une lettre.",
            "The first name must contain at least one letter.",
        ),
        "domain.pseudonym.birth_year": (
            "L'année de naissance doit être une année sur quatre chiffres, entre {first} et "
            "{last}.",
            "The year of birth must be a four-digit year, between {first} and {last}.",
        ),
        "domain.pseudonym.gender": (
            "Le genre doit être « femme », « homme », « autre » ou « non renseigné ».",
            "The gender must be “femme”, “homme”, “autre” or “non renseigné”.",
        ),
        "domain.pseudonym.territory_key": (
            "La clé de territoire doit faire {size} octets : rejoignez une coordination pour "
            "l'obtenir.",
            "The territory key must be {size} bytes long: join a coordination to get it.",
        ),
        "domain.pseudonym.invalid": (
            "Pseudonyme invalide : 8 caractères attendus (chiffres et lettres sauf I, L, O, U), "
            "au format XXXX-XXXX.",
            "Invalid pseudonym: 8 characters expected (digits and letters except I, L, O, U), "
            "in the form XXXX-XXXX.",
        ),
        # vocab.py: the closed vocabularies
        "domain.vocab.duplicate_code": (
            "code en double dans le vocabulaire {vocabulary} : {code}",
            "duplicate code in the {vocabulary} vocabulary: {code}",
        ),
        "domain.vocab.unknown_code": (
            "code inconnu dans le vocabulaire {vocabulary} : {code}",
            "unknown code in the {vocabulary} vocabulary: {code}",
        ),
        "domain.vocab.unknown_language": (
            "langue inconnue : {lang} (possibles : {languages})",
            "unknown language: {lang} (possible: {languages})",
        ),
        # jsontext.py: JSON from outside, decoded within limits
        "domain.json.too_deep": (
            "JSON imbriqué sur plus de {max} niveaux",
            "JSON nested more than {max} levels deep",
        ),
        "domain.json.integer_too_long": (
            "nombre entier de plus de {max} chiffres",
            "integer longer than {max} digits",
        ),
        "domain.json.not_finite": (
            "NaN ou Infinity : ce n'est pas du JSON",
            "NaN or Infinity: this is not JSON",
        ),
        "domain.directory.json_refused": ("JSON refusé : {problem}", "JSON refused: {problem}"),
        "domain.directory.json_refused_line": (
            "JSON refusé ligne {line} : {problem}",
            "JSON refused on line {line}: {problem}",
        ),
        "domain.territories.csv_unreadable": (
            "CSV illisible (cellule trop longue, octet nul ou guillemet non fermé)",
            "unreadable CSV (cell too long, NUL byte or unclosed quote)",
        ),
        # free text (domain/text.py)
        "domain.text.surrogate": (
            "caractère invalide (moitié de paire UTF-16) en position {position} : retapez le texte",
            "invalid character (half of a UTF-16 pair) at position {position}: type the text again",
        ),
        "domain.text.control": (
            "caractère de contrôle {char} refusé (position {position}) : seuls le retour à la "
            "ligne et la tabulation sont acceptés",
            "control character {char} refused (position {position}): only line breaks and tabs "
            "are accepted",
        ),
        "domain.text.bidi": (
            "caractère de sens d'écriture {char} refusé (position {position}) : il ferait "
            "afficher le texte dans un autre ordre que celui enregistré",
            "text-direction character {char} refused (position {position}): it would display the "
            "text in another order than the one stored",
        ),
        # payloads.py: what the coordinator refuses in an event a device sent
        "domain.payload.personal_data": (
            "données personnelles ({found})",
            "personal data ({found})",
        ),
        "domain.payload.shape": (
            "contenu inattendu (champs attendus : {keys})",
            "unexpected content (expected fields: {keys})",
        ),
        "domain.payload.too_long": (
            "texte trop long ({max} caractères au plus)",
            "text too long ({max} characters at most)",
        ),
        "domain.payload.too_big": (
            "contenu trop gros ({size} octets, {max} au plus)",
            "content too big ({size} bytes, {max} at most)",
        ),
        "domain.payload.kind": (
            "type d'événement qu'aucun appareil n'écrit : « {kind} »",
            "event type no device writes: “{kind}”",
        ),
    }
)
