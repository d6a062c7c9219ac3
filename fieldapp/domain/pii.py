"""Personal-data guard for free-text notes (DESIGN.md § Principles, 1).

`scan` finds what a note must not carry — phone numbers, e-mail addresses, social-security numbers
(NIR), IBANs, birth dates, street addresses, names after a civility and given name + family name
pairs — so that the forms can
offer to mask them (`redact`) and the CLI can refuse the note (`summary`). Every rule is chosen to
keep false positives low on what notes normally say: amounts, times, appointment dates,
postcodes, counts. See docs/privacy.md for the rules and their known limits.

Pure and deterministic: no logging, since the text under scan is personal data, and no I/O
but one read of the given-name list shipped with the package (`data/prenoms_insee.txt`, INSEE's
« Fichier des prénoms », Licence Ouverte; see `data/SOURCE.md`), the first time it is needed.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources
from types import MappingProxyType

from fieldapp.messages import Text

KINDS: tuple[str, ...] = (
    "telephone",
    "email",
    "nir",
    "iban",
    "date_naissance",
    "adresse",
    "nom_civilite",
    "nom_prenom",
)

# Labels shown to people (the redaction marker MASK, written into notes, is data: it stays as is).
KIND_LABELS: Mapping[str, Text] = MappingProxyType(
    {kind: Text(f"domain.pii.{kind}") for kind in KINDS}
)
KIND_LABELS_PLURAL: Mapping[str, Text] = MappingProxyType(
    {kind: Text(f"domain.pii.{kind}_plural") for kind in KINDS}
)

MASK = "[masqué]"

# When spans overlap, the surest kind names the merged finding: checksummed numbers first,
# then formats that are unambiguous, then the heuristics.
_PRIORITY: Mapping[str, int] = MappingProxyType(
    {
        "iban": 0,
        "nir": 1,
        "email": 2,
        "telephone": 3,
        "adresse": 4,
        "date_naissance": 5,
        "nom_civilite": 6,
        "nom_prenom": 7,
    }
)

# A person is 14 to 100 years old: a full date that far back looks like a birth date.
_MIN_AGE = 14
_MAX_AGE = 100
# How far back (characters) "né", "naissance", "DDN"… still qualify a date.
_CONTEXT_WINDOW = 30
# Redaction can bring a context word closer to a date; a few passes always settle it.
_MAX_REDACT_PASSES = 20


@dataclass(frozen=True)
class Finding:
    """One piece of personal data in a text: `text == source[start:end]`."""

    kind: str
    start: int
    end: int
    text: str

    @property
    def label(self) -> str:
        return KIND_LABELS[self.kind].message()


# Separators people type inside numbers: space, dot, dash, no-break and narrow no-break spaces.
_SEP = r"[ .\-\u00a0\u202f]"
_BLANK = r"[ \t\u00a0\u202f]"

# --- telephone ------------------------------------------------------------------------------

_PHONE_PATTERNS: tuple[re.Pattern[str], ...] = (
    # National, any grouping ("06 123 456 78", "(06) 39…"), but only as a number standing on
    # its own, so that ten digits inside a longer run (SIRET, references) do not count.
    re.compile(
        rf"(?<![\w+])(?<![0-9]{_SEP})(?:0[1-9]|\(0[1-9]\))(?:{_SEP}?[0-9]){{8}}"
        rf"(?![0-9])(?!{_SEP}[0-9])"
    ),
    # National, regular pairs with one separator: may sit right next to another number.
    re.compile(rf"(?<![\w+])0[1-9](?P<s>{_SEP}?)[0-9]{{2}}(?:(?P=s)[0-9]{{2}}){{3}}(?![0-9])"),
    # +33 / 0033, optionally "(0)" or a stray 0 before the nine digits.
    re.compile(
        rf"(?<![\w+])(?:\(\s?)?(?:\+|00){_SEP}?33(?:\s?\))?{_SEP}?"
        rf"(?:\(0\){_SEP}?|0{_SEP}?)?[1-9](?:{_SEP}?[0-9]){{8}}(?![0-9])"
    ),
    # Other countries in E.164 form (+212 6…, 0032 4…): 8 to 15 digits after the prefix.
    re.compile(rf"(?<![\w+])(?:\+|00)[1-9](?:{_SEP}?\(?[0-9]\)?){{7,14}}(?![0-9])"),
    # Glued to the word that announces it ("Tel0639980001", "port06…"): only the number counts.
    re.compile(
        rf"(?<![\w])(?i:t[ée]l|t[ée]l[ée]phone|portable|port|num[ée]ro|num|mob)"
        rf"(?P<number>0[1-9](?:{_SEP}?[0-9]){{8}})(?![0-9])(?!{_SEP}[0-9])"
    ),
)

# --- e-mail ---------------------------------------------------------------------------------

_EMAIL = re.compile(
    r"(?<![\w.%+\-'])[\w.%+\-']+"
    # "@" (a space may surround it when typed on a phone: "exemplia @ exemple.fr"), or the
    # spelled-out forms people use to dodge spam filters.
    r"(?: ?@ ?|\s?[(\[{]\s?(?:at|arobase)\s?[)\]}]\s?|\s+arobase\s+)"
    r"[\w\-]+(?:\.[\w\-]+)*\.[^\W\d_]{2,24}(?![\w\-])",
    re.IGNORECASE,
)

# --- NIR ------------------------------------------------------------------------------------

# Sex, year, month (4 digits), department (2 digits or 2A/2B), commune + order (6), key (2).
_NIR = re.compile(
    rf"(?<![\w])(?<![0-9]{_SEP})[1-478](?:{_SEP}?[0-9]){{4}}{_SEP}?"
    rf"(?:[0-9]{_SEP}?[0-9]|2{_SEP}?[ABab])(?:{_SEP}?[0-9]){{6}}"
    # The key is often set apart: "… 001 48", "… 001  48", "… 001 - 48", "… 001 clé 48".
    rf"(?:{_SEP}?|{_BLANK}{{2,3}}|\s*(?:[-/]|cl[ée]\s*:?)\s*)"
    rf"[0-9]{_SEP}?[0-9](?![\w])(?!{_SEP}[0-9])"
)

_KEY_WORD = re.compile(r"cl[ée]", re.IGNORECASE)

# A number announced as a social-security number ("sécu 1…", "n° SS : 1…", "carte vitale 2…") is
# one even when its key is wrong (mistyped, misread, made up) or missing: the structure is enough.
# The number may be glued to the word ("secu1050…"), so only digits may not come before it.
_NIR_ANNOUNCED = re.compile(
    rf"(?<![0-9])(?<![0-9]{_SEP})(?P<sex>[1-478]){_SEP}?(?P<yy>[0-9]{_SEP}?[0-9]){_SEP}?"
    rf"(?P<mm>[0-9]{_SEP}?[0-9]){_SEP}?(?P<dep>[0-9]{_SEP}?[0-9]|2{_SEP}?[ABab])"
    rf"(?:{_SEP}?[0-9]){{6}}"
    rf"(?:(?:{_SEP}?|{_BLANK}{{2,3}}|\s*(?:[-/]|cl[ée]\s*:?)\s*)[0-9]{_SEP}?[0-9])?"
    rf"(?![0-9])(?!{_SEP}[0-9])"
)
# Words that announce a NIR, within the clause before the number.
_NIR_WORD = re.compile(
    r"(?<![^\W\d_])(?:s[ée]cu|s[ée]curit[ée]\s+sociale|ss|nss|nir|insee|vitale|"
    r"immatriculation|ameli|cpam|num[ée]ro\s+social)(?![^\W\d_])",
    re.IGNORECASE,
)

# --- IBAN -----------------------------------------------------------------------------------

# A blank may follow the country code ("FR 76 …"), then only in capitals: "de 12 …" is French.
_IBAN_START = re.compile(r"(?<![\w])(?:[A-Za-z]{2}|[A-Z]{2} )[0-9]{2}")
_IBAN_BODY = re.compile(r"[A-Za-z]{2} ?[0-9]{2}(?:[ \u00a0\u202f\-]?[A-Za-z0-9]){11,32}")
# Lengths from the SWIFT IBAN registry, plus the IBAN-format accounts of francophone Africa that
# people met in outreach often hold.
_IBAN_LENGTHS: Mapping[str, int] = MappingProxyType(
    {
        "AD": 24, "AE": 23, "AL": 28, "AT": 20, "AZ": 28, "BA": 20, "BE": 16, "BG": 22,
        "BH": 22, "BI": 27, "BR": 29, "BY": 28, "CH": 21, "CR": 22, "CY": 28, "CZ": 24,
        "DE": 22, "DJ": 27, "DK": 18, "DO": 28, "EE": 20, "EG": 29, "ES": 24, "FI": 18,
        "FK": 18, "FO": 18, "FR": 27, "GB": 22, "GE": 22, "GI": 23, "GL": 18, "GR": 27,
        "GT": 28, "HR": 21, "HU": 28, "IE": 22, "IL": 23, "IQ": 23, "IS": 26, "IT": 27,
        "JO": 30, "KW": 30, "KZ": 20, "LB": 28, "LC": 32, "LI": 21, "LT": 20, "LU": 20,
        "LV": 21, "LY": 25, "MC": 27, "MD": 24, "ME": 22, "MK": 19, "MN": 20, "MR": 27,
        "MT": 31, "MU": 30, "NI": 28, "NL": 18, "NO": 15, "OM": 23, "PK": 24, "PL": 28,
        "PS": 29, "PT": 25, "QA": 29, "RO": 24, "RS": 22, "RU": 33, "SA": 24, "SC": 31,
        "SD": 18, "SE": 24, "SI": 19, "SK": 24, "SM": 27, "SO": 23, "ST": 25, "SV": 28,
        "TL": 23, "TN": 24, "TR": 26, "UA": 29, "VA": 22, "VG": 24, "XK": 20, "YE": 30,
        # French overseas territories use the French format.
        "BL": 27, "GF": 27, "GP": 27, "MF": 27, "MQ": 27, "NC": 27, "PF": 27, "PM": 27,
        "RE": 27, "TF": 27, "WF": 27, "YT": 27,
        # Not in the registry, but printed as IBANs on local bank statements.
        "AO": 25, "BF": 28, "BJ": 28, "CF": 27, "CG": 27, "CI": 28, "CM": 27, "CV": 25,
        "DZ": 26, "GA": 27, "GQ": 27, "GW": 25, "KM": 27, "MA": 28, "MG": 27, "ML": 28,
        "MZ": 25, "NE": 28, "SN": 28, "TD": 27, "TG": 28,
    }
)  # fmt: skip

# --- dates ----------------------------------------------------------------------------------

_MONTHS: Mapping[str, int] = MappingProxyType(
    {
        "janvier": 1, "janv": 1,
        "février": 2, "fevrier": 2, "févr": 2, "fevr": 2, "fév": 2, "fev": 2,
        "mars": 3,
        "avril": 4, "avr": 4,
        "mai": 5,
        "juin": 6,
        "juillet": 7, "juil": 7,
        "août": 8, "aout": 8,
        "septembre": 9, "sept": 9,
        "octobre": 10, "oct": 10,
        "novembre": 11, "nov": 11,
        "décembre": 12, "decembre": 12, "déc": 12, "dec": 12,
    }
)  # fmt: skip
_MONTH_ALTERNATION = "|".join(sorted(_MONTHS, key=len, reverse=True))

_NUMERIC_DATE = re.compile(
    r"(?<![\w/.\-])(?P<d>[0-9]{1,2})(?P<s>[/.\-])(?P<m>[0-9]{1,2})"
    r"(?:(?P=s)(?P<y>[0-9]{4}|[0-9]{2}))?(?![\w/])(?![.\-][0-9])"
)
_ISO_DATE = re.compile(r"(?<![\w\-])(?P<y>[0-9]{4})-(?P<m>[0-9]{2})-(?P<d>[0-9]{2})(?![\w\-])")
_TEXT_DATE = re.compile(
    rf"(?<![\w])(?:(?P<d>[0-9]{{1,2}}|1er|premier){_BLANK}+)?"
    rf"(?P<mon>{_MONTH_ALTERNATION})(?:\.|(?![\w]))(?:{_BLANK}+(?P<y>[0-9]{{4}})(?![\w]))?",
    re.IGNORECASE,
)
# A bare year right after the birth wording: "née en 1990", "DDN : 1990".
_BIRTH_YEAR = re.compile(
    r"(?<![\w])(?:née?s?|nee?s?|naissance|ddn|d\.d\.n\.?)\s*(?:\(e\)|\.e)?\s*"
    r"(?::|=|en|vers|le|l'an)?\s*(?P<y>(?:19|20)[0-9]{2})(?![\w])",
    re.IGNORECASE,
)
# Month and year written in figures ("07/2003", "7-2003", "2003-07", "07/03"), a birth date only
# after birth wording: "née en 07/2003", "DDN : 2003-07".
_MONTH_YEAR = re.compile(
    r"(?<![\w/.\-])(?:(?P<m>0?[1-9]|1[0-2])[/.\-](?P<y>(?:19|20)[0-9]{2})|"
    r"(?P<y2>(?:19|20)[0-9]{2})[/.\-](?P<m2>0[1-9]|1[0-2]))(?![\w/])(?![.\-][0-9])"
)
# Any year after birth wording in the same clause: "née au Maroc en 2003", "né fin 1998".
_YEAR = re.compile(r"(?<![\w/.\-])(?P<y>(?:19|20)[0-9]{2})(?![\w/])(?![.\-][0-9])")
# A two-digit year right after "né en", "née en": "né en 95", "née en 03".
_BIRTH_SHORT_YEAR = re.compile(
    r"(?<![\w])(?:née?s?|nee?s?)\s*(?:\(e\))?\s+en\s+(?:'|’)?(?P<y>[0-9]{2})(?![\w/:h]|[.,][0-9])",
    re.IGNORECASE,
)
# A month and a two-digit year after birth wording: "née en juillet 03", "né en déc. 98".
_TEXT_MONTH_SHORT_YEAR = re.compile(
    rf"(?<![\w])(?P<mon>{_MONTH_ALTERNATION})\.?{_BLANK}+(?:'|’)?(?P<y>[0-9]{{2}})(?![\w/:h]|[.,][0-9])",
    re.IGNORECASE,
)
# Birth wording anywhere in the window before a date…
# A birthday ("anniversaire le 14 février") gives the day and month of birth.
_BIRTH_WORD = re.compile(
    r"(?<![\w])(?:née?s?|nee|nees|naissance|ddn|d\.d\.n|anniversaire|anniv)(?![\w])", re.I
)
# …while the unaccented "ne" (also the negation) only counts right before the date.
_BIRTH_WORD_BARE = re.compile(r"(?<![\w])ne\s*(?:\(e\))?\s+(?:le|en|vers)?\s*$", re.IGNORECASE)
# Other life events whose dates fall in the same years as births.
_EVENT_WORD = re.compile(
    r"(?<![\w])(?:depuis|obtenue?s?|arrivée?s?|sortie?s?|inscrite?s?|entrée?s?|diplômée?s?|"
    r"diplôme|permis|mariée?s?|mariage|divorcée?s?|divorce|décédée?s?|décès|licenciée?s?|"
    r"licenciement|embauchée?s?|contrat|jusqu'(?:au|à)|délivrée?s?|expirée?s?|expiration|"
    r"valable|emménagée?s?|déménagée?s?)(?![\w])",
    re.IGNORECASE,
)
# A new sentence, line or clause ends the reach of a birth word.
_CLAUSE_BREAK = re.compile(r"[!?;\n]|\.\s+(?=[A-ZÀ-Þ])")

# --- street addresses -----------------------------------------------------------------------

# Street words that rarely mean anything else after a number: the name may be lower case.
_STRICT_STREETS = (
    r"rue|ruelle|avenue|av\.?|boulevard|bd\.?|bld\.?|blvd\.?|all[ée]e|impasse|imp\.|"
    r"faubourg|fbg\.?"
)
# Words with an everyday meaning too ("1 place de libre", "3 cours de français"): the name must
# then start with a capital.
_LOOSE_STREETS = (
    r"chemin|place|pl\.|route|rte\.?|quai|cours|r[ée]sidence|r[ée]s\.|b[âa]timent|b[âa]t\.?|"
    r"square|sq\.|passage|voie|cit[ée]|hameau|lotissement|lot\.|mail|esplanade|promenade|"
    r"parvis|sentier|villa|chauss[ée]e|rond-point|clos|domaine|"
    # "12 r. Exemple": the one-letter abbreviation of "rue" needs its dot and a capital.
    r"r\."
)
_ADDRESS_HEAD = re.compile(
    rf"(?<![\w])(?<![0-9][.,])[0-9]{{1,4}}(?:{_BLANK}?[-/]{_BLANK}?[0-9]{{1,4}})?"
    rf"(?:[a-dA-D]|{_BLANK}?(?:bis|ter|quater))?(?![\w])"
    rf"{_BLANK}*,?{_BLANK}+(?:(?P<strict>{_STRICT_STREETS})|(?P<loose>{_LOOSE_STREETS}))"
    r"(?:(?<=\.)|(?![\w]))",
    re.IGNORECASE,
)
_STREET_PARTICLES = frozenset(
    {"de", "du", "des", "la", "le", "les", "l", "d", "au", "aux", "saint", "sainte", "st", "ste"}
)

# --- names after a civility ----------------------------------------------------------------

_CIVILITY = re.compile(
    r"(?<![\w.])(?:MM?\.|M(?=" + _BLANK + r"+[A-ZÀ-Þ])|"
    # A doctor's name is a name all the same ("le Dr Exemplia"); "DR" is a regional office.
    r"Dr\.?|"
    r"(?i:mr|mme|mmes|mlle|mlles|melle|madame|monsieur|mademoiselle|messieurs|mesdames|"
    # Maiden and married names: "née Exemplia", "épouse Dupontel-Test".
    r"née|nee|épouse|epouse|ép(?=\.)|ep(?=\.)|veuve|vve|docteure?)\.?)"
    # A blank follows, or a capital right after the dot ("M.Dupontel-Test").
    rf"(?={_BLANK}|(?<=\.)[A-ZÀ-Þ])"
)
_WORD = r"(?P<w>[^\W\d_][\w'’\-]*|[0-9]{1,4}(?:er|e)?(?![\w]))"
_TOKEN = re.compile(rf"{_BLANK}+{_WORD}")
_FIRST_TOKEN = re.compile(rf"{_BLANK}*{_WORD}")
# Particles inside a family name ("de Exemplia", "Ben Exemple", "Le Fictif").
_NAME_PARTICLES = frozenset(
    {"de", "du", "des", "d", "van", "von", "der", "den", "da", "di", "dos", "ben", "bin", "el",
     "al", "le", "la", "ter", "mac", "mc"}
)  # fmt: skip
# …but a lower-case article right after the civility is a title: "Monsieur le Maire".
_TITLE_ARTICLES = frozenset({"le", "la", "les", "l"})
# Capitalised words that start a sentence after an abbreviation ("salle M. Ensuite…").
_NOT_NAMES = frozenset(
    {"il", "elle", "ils", "elles", "on", "je", "j", "nous", "vous", "le", "la", "les", "l", "un",
     "une", "des", "du", "de", "ce", "cet", "cette", "ces", "son", "sa", "ses", "leur", "leurs",
     "mon", "ma", "mes", "notre", "nos", "votre", "vos", "et", "mais", "ou", "où", "donc", "or",
     "ni", "car", "puis", "ensuite", "alors", "après", "avant", "demain", "hier", "aujourd'hui",
     "rdv", "rendez-vous", "pas", "très", "vu", "vue", "revu", "revue", "prochain", "prochaine",
     "à", "au", "aux", "en", "dans", "pour", "par", "sur", "avec", "sans", "chez", "si", "oui",
     "non", "merci", "bonjour", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi",
     "dimanche", "qui", "que", "quand", "comme", "tout", "tous", "toute", "toutes", "cf", "voir",
     "suite", "ok", "rien", "plus", "moins", "y"}
)  # fmt: skip

# --- given name + family name --------------------------------------------------------------

# The 4,000 given names most often given in France from 1940 to 2022 (INSEE, « Fichier des
# prénoms »), upper case with accents, one a line: see data/SOURCE.md. Read once, when needed.
_GIVEN_NAMES_FILE = "prenoms_insee.txt"
# Words of the list that notes mostly use for something else: "France Travail", "8 Mai", "El".
_NOT_GIVEN_NAMES = frozenset(
    {"FRANCE", "MAI", "EL", "BEN", "ABD", "THI", "NIL", "IBAN", "AVRIL", "APRIL", "JUNE", "MAY",
     "LAID", "FANTA", "SONY", "COLAS", "NINE", "ALPHA", "INDIA", "ISLAM", "JESUS", "FRANC",
     "EVEN", "MAMA", "PRUNE", "LILAS", "CAMEL", "AIME"}
)  # fmt: skip
# A word in a note: letters, then letters, digits, hyphens or apostrophes.
_NAME_WORD = re.compile(r"[^\W\d_](?:[\w'’\-]*[^\W_])?")
# What may separate the words of one name: blanks only (no comma, no line break).
_NAME_GAP = re.compile(rf"{_BLANK}+")
# Capitalised words that follow a given name without being a family name: institutions ("France
# Travail", "Mission Locale"), days and months, words that open the next sentence.
_NOT_FAMILY_NAMES = frozenset(
    {"travail", "emploi", "services", "service", "locale", "nationale", "national", "rouge",
     "info", "infos", "jeunes", "jeunesse", "insertion", "solidarité", "solidarités", "santé",
     "social", "sociale", "habitat", "logement", "formation", "janvier", "février", "fevrier",
     "mars", "avril", "juin", "juillet", "août", "aout", "septembre", "octobre", "novembre",
     "décembre", "decembre", "rdv", "cv", "ok", "tel", "tél", "mail", "sms", "appel", "rappel",
     "absent", "absente", "présent", "présente", "urgent", "note", "nb", "ps", "suite"}
)  # fmt: skip
# Upper-case words that are acronyms of the field, not family names before a given name
# ("RDV Lucas", "CAF Marie"): only upper-case words of 4 letters or more, with a vowel, that are
# not listed here count as family names in that order.
_ACRONYMS = frozenset(
    {"cada", "siao", "cpam", "urssaf", "anpe", "aide", "info", "infos", "note", "rappel",
     "urgent", "attention", "important", "suite", "absent", "absente", "present", "présent",
     "tres", "très", "epide", "afpa", "greta", "daeu", "pacea", "esat", "savs", "samsah", "ofii",
     "ofpra", "cnda", "oqtf", "huda", "bafa", "delf", "prado", "ehpad", "ameli", "sncf", "ratp",
     "samu", "smur", "ccas", "mdph", "chrs", "cmpp", "csapa", "caarud", "itep", "pass", "ados",
     "jeune", "jeunes", "vu", "vue", "rdv", "todo", "fait", "appel", "visite", "maraude",
     "permanence", "atelier", "point", "bilan", "contact", "relais", "orientation", "accueil",
     "caf", "rsa", "cmu", "css", "ame", "apl", "aah", "ase", "pjj", "cmp", "pmi", "ime", "bts",
     "cap", "bep", "bac", "sdf", "ald", "fle", "cej", "mjc", "cfa", "cio", "smic", "tcf", "ras",
     "asap", "qpv", "mds", "cds", "edf", "gdf", "rqth", "cesf", "moniteur", "educ", "éduc"}
)  # fmt: skip
# Words before a person's name that make it the name of a place or an organisation: « centre Jean
# Moulin », « lycée Victor Exemple », « rue Jean Exemple » (the address rule covers numbered ones).
_PLACE_WORDS = frozenset(
    {"centre", "center", "lycée", "lycee", "collège", "college", "école", "ecole", "groupe",
     "université", "universite", "fac", "faculté", "iut", "institut", "ime", "itep", "ehpad",
     "hôpital", "hopital", "chu", "ch", "clinique", "cmp", "cmpp", "csapa", "chrs", "foyer",
     "résidence", "residence", "maison", "mjc", "mpt", "médiathèque", "mediatheque",
     "bibliothèque", "bibliotheque", "ludothèque", "salle", "espace", "gymnase", "stade",
     "piscine", "complexe", "parc", "square", "jardin", "jardins", "place", "rue", "avenue", "av",
     "boulevard", "bd", "allée", "allee", "impasse", "quai", "cours", "chemin", "route", "passage",
     "cité", "cite", "quartier", "gare", "station", "arrêt", "arret", "métro", "metro", "tram",
     "pont", "porte", "halle", "marché", "marche", "théâtre", "theatre", "cinéma", "cinema",
     "musée", "musee", "pôle", "pole", "pmi", "crèche", "creche", "association", "asso",
     "fondation", "fédération", "amicale", "club", "prix", "saint", "sainte", "st", "ste",
     "église", "eglise", "chapelle", "paroisse", "mosquée", "mosquee", "caserne", "campus",
     "bâtiment", "batiment", "bât", "bat", "tour", "immeuble", "esplanade", "promenade", "mail",
     "parvis", "rond-point", "lotissement", "hameau", "villa", "stalingrad", "lycées",
     "collèges", "écoles", "bus", "ligne", "arrêts", "dispositif", "programme", "opération",
     "plan", "atelier", "ateliers", "salon", "festival", "tournoi", "coupe", "challenge"}
)  # fmt: skip
# Lower-case words allowed between such a word and the name: « centre social Jean Moulin »,
# « maison de quartier Jean Exemple », « lycée professionnel Louise Exemple ».
_PLACE_FILLERS = frozenset(
    {"social", "sociale", "sociaux", "socio-culturel", "socioculturel", "municipal",
     "municipale", "municipaux", "culturel", "culturelle", "sportif", "sportive", "scolaire",
     "professionnel", "professionnelle", "général", "générale", "technique", "hospitalier",
     "universitaire", "médico-social", "médical", "medical", "communal", "communale",
     "intercommunal", "intercommunale", "aquatique", "omnisports", "polyvalente", "polyvalent",
     "de", "du", "des", "la", "le", "les", "l", "d", "quartier", "santé", "sante", "jeunes",
     "jeunesse", "loisirs", "l'", "d'", "mixte", "privé", "public", "publique", "agricole",
     "collectif", "collective", "familial", "familiale", "rural", "rurale"}
)  # fmt: skip


@cache
def _given_names() -> frozenset[str]:
    listing = resources.files("fieldapp.domain").joinpath("data", _GIVEN_NAMES_FILE)
    names = {_fold(line.strip()) for line in listing.read_text(encoding="utf-8").splitlines()}
    return frozenset(names - {"", *(_fold(n) for n in _NOT_GIVEN_NAMES)})


def _fold(word: str) -> str:
    """Upper case without accents, so that "Jerome", "JÉRÔME" and "Jérôme" look up alike."""
    decomposed = unicodedata.normalize("NFD", word.upper().replace("’", "'"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def scan(text: str, *, today: date | None = None) -> list[Finding]:
    """Personal data found in `text`, sorted by position and never overlapping.

    `today` anchors the birth-date rule (a full date 14 to 100 years back); it defaults to the
    local date and is a parameter so that results are reproducible.
    """
    ref = today if today is not None else date.today()
    candidates: list[Finding] = []
    for detector_kind, spans in (
        ("telephone", _phones(text)),
        ("email", _emails(text)),
        ("nir", _nirs(text)),
        ("iban", _ibans(text)),
        ("date_naissance", _birth_dates(text, ref)),
        ("adresse", _addresses(text)),
        ("nom_civilite", _civility_names(text)),
        ("nom_prenom", _given_and_family_names(text)),
    ):
        candidates.extend(
            Finding(detector_kind, start, end, text[start:end]) for start, end in spans
        )
    return _merge(text, candidates)


def redact(text: str, findings: list[Finding] | None = None, *, today: date | None = None) -> str:
    """`text` with each finding replaced by `[masqué]`.

    With `findings` given (the ones the user chose to mask), exactly those are replaced. Without,
    the text is scanned again after each pass: masking can bring a birth word within reach of a
    date, and the result must be clean.
    """
    if findings is not None:
        return _apply_mask(text, findings)
    ref = today if today is not None else date.today()
    for _ in range(_MAX_REDACT_PASSES):
        found = scan(text, today=ref)
        if not found:
            break
        text = _apply_mask(text, found)
    return text


def summary(findings: Iterable[Finding]) -> list[str]:
    """One line per kind found, in the order of `KINDS`: "2 numéros de téléphone"."""
    counts = dict.fromkeys(KINDS, 0)
    for finding in findings:
        counts[finding.kind] += 1
    return [
        f"{n} {(KIND_LABELS if n == 1 else KIND_LABELS_PLURAL)[kind].message()}"
        for kind, n in counts.items()
        if n
    ]


# --- selection and masking ------------------------------------------------------------------


def _merge(text: str, candidates: list[Finding]) -> list[Finding]:
    """Overlapping candidates become one finding covering all of them, named by the surest kind.

    Taking the union rather than dropping the loser means nothing half-masked is left behind.
    """
    merged: list[Finding] = []
    for cand in sorted(candidates, key=lambda f: (f.start, -f.end)):
        if merged and cand.start < merged[-1].end:
            last = merged[-1]
            kind = min(last.kind, cand.kind, key=_PRIORITY.__getitem__)
            end = max(last.end, cand.end)
            merged[-1] = Finding(kind, last.start, end, text[last.start : end])
        else:
            merged.append(cand)
    return merged


def _apply_mask(text: str, findings: Iterable[Finding]) -> str:
    spans: list[tuple[int, int]] = []
    for finding in sorted(findings, key=lambda f: f.start):
        start, end = max(0, finding.start), min(len(text), finding.end)
        if start >= end:
            continue
        if spans and start <= spans[-1][1]:
            # Touching or overlapping spans get a single mask.
            spans[-1] = (spans[-1][0], max(spans[-1][1], end))
        else:
            spans.append((start, end))
    parts: list[str] = []
    cursor = 0
    for start, end in spans:
        parts.append(text[cursor:start])
        parts.append(MASK)
        cursor = end
    parts.append(text[cursor:])
    return "".join(parts)


# --- detectors: each yields (start, end) spans ----------------------------------------------


def _phones(text: str) -> Iterator[tuple[int, int]]:
    for pattern in _PHONE_PATTERNS:
        for match in pattern.finditer(text):
            yield match.span("number") if "number" in pattern.groupindex else match.span()


def _emails(text: str) -> Iterator[tuple[int, int]]:
    for match in _EMAIL.finditer(text):
        yield match.span()


def _nirs(text: str) -> Iterator[tuple[int, int]]:
    for match in _NIR.finditer(text):
        if nir_key_is_valid(match.group()):
            yield match.span()
    for match in _NIR_ANNOUNCED.finditer(text):
        if _nir_structure_is_plausible(match) and _NIR_WORD.search(
            _clause_before(text, match.start())
        ):
            yield match.span()


def _nir_structure_is_plausible(match: re.Match[str]) -> bool:
    """The month is 01–12 or one of the codes INSEE gives when it is unknown (20, 30–42, 50–99;
    00 in fictitious numbers): "1 15 …" after "sécu" may be a NIR, "1 25 …" is not."""
    month = int("".join(ch for ch in match["mm"] if ch.isdigit()))
    return not (13 <= month <= 19 or 21 <= month <= 29 or 43 <= month <= 49)


def nir_key_is_valid(candidate: str) -> bool:
    """True when a written NIR (separators allowed) has the right control key.

    key = 97 − (13-digit number mod 97); for Corsica, 2A counts as 19 and 2B as 18.
    """
    digits = _KEY_WORD.sub("", candidate).upper()
    compact = "".join(ch for ch in digits if ch.isascii() and ch.isalnum())
    if len(compact) != 15:
        return False
    department = compact[5:7]
    corsica = {"2A": "19", "2B": "18"}
    if department in corsica:
        compact = compact[:5] + corsica[department] + compact[7:]
    if not compact.isdigit():
        return False
    return int(compact[13:]) == 97 - int(compact[:13]) % 97


def iban_is_valid(candidate: str) -> bool:
    """True when a written IBAN (spaces allowed) passes the ISO 13616 mod-97 check."""
    compact = "".join(ch for ch in candidate.upper() if ch.isascii() and ch.isalnum())
    if not 15 <= len(compact) <= 34 or not compact[:2].isalpha() or not compact[2:4].isdigit():
        return False
    expected = _IBAN_LENGTHS.get(compact[:2])
    if expected is not None and len(compact) != expected:
        return False
    rearranged = compact[4:] + compact[:4]
    return int("".join(str(int(ch, 36)) for ch in rearranged)) % 97 == 1


def _ibans(text: str) -> Iterator[tuple[int, int]]:
    for start_match in _IBAN_START.finditer(text):
        body = _IBAN_BODY.match(text, start_match.start())
        if body is None:
            continue
        start = body.start()
        # Offsets of the IBAN characters, so that the span can stop after the right count even
        # when the pattern ran on into the following words ("… 189 est son compte").
        offsets = [start + i for i, ch in enumerate(body.group()) if ch.isalnum()]
        country = body.group()[:2].upper()
        expected = _IBAN_LENGTHS.get(country)
        if expected is None:
            # Unknown country: only the whole run, upper case, to keep the 1-in-97 luck rare.
            lengths = [len(offsets)] if body.group()[:2].isupper() else []
        else:
            lengths = [expected] if len(offsets) >= expected else []
        for length in lengths:
            end = offsets[length - 1] + 1
            if end < len(text) and text[end].isalnum():
                continue
            if iban_is_valid(text[start:end]):
                yield start, end


def _birth_dates(text: str, today: date) -> Iterator[tuple[int, int]]:
    for match in _NUMERIC_DATE.finditer(text):
        day, month = int(match["d"]), int(match["m"])
        year = _full_year(match["y"], today) if match["y"] else None
        if _is_birth_date(text, match.start(), day, month, year, today):
            yield match.span()
    for match in _ISO_DATE.finditer(text):
        day, month, year = int(match["d"]), int(match["m"]), int(match["y"])
        if _is_birth_date(text, match.start(), day, month, year, today):
            yield match.span()
    for match in _TEXT_DATE.finditer(text):
        raw_day, raw_year = match["d"], match["y"]
        if raw_day is None and raw_year is None:
            continue  # a month alone ("en mars") is not a date
        month = _MONTHS[match["mon"].lower()]
        year = int(raw_year) if raw_year else None
        if raw_day is None:
            # Month and year ("mars 1990") only with birth wording before it.
            if year is not None and _has_birth_context(text, match.start()):
                yield match.span()
            continue
        day = 1 if not raw_day.isdigit() else int(raw_day)
        if _is_birth_date(text, match.start(), day, month, year, today):
            yield match.span()
    for match in _BIRTH_YEAR.finditer(text):
        if int(match["y"]) <= today.year:
            yield match.span("y")
    for match in _MONTH_YEAR.finditer(text):
        year = int(match["y"] or match["y2"])
        if year <= today.year and _has_birth_context(text, match.start()):
            yield match.span()
    for match in _YEAR.finditer(text):
        if int(match["y"]) <= today.year and _has_birth_context(text, match.start()):
            yield match.span()
    for match in _BIRTH_SHORT_YEAR.finditer(text):
        yield match.span("y")
    for match in _TEXT_MONTH_SHORT_YEAR.finditer(text):
        if _has_birth_context(text, match.start()):
            yield match.span()


def _full_year(raw: str, today: date) -> int:
    if len(raw) == 4:
        return int(raw)
    # "12/03/85" is 1985, "14/11/26" is 2026: a two-digit year is in this century unless that
    # would put it more than ten years ahead.
    century = 2000 if 2000 + int(raw) <= today.year + 10 else 1900
    return century + int(raw)


def _is_birth_date(
    text: str, start: int, day: int, month: int, year: int | None, today: date
) -> bool:
    if not _date_exists(day, month, year):
        return False
    if _has_birth_context(text, start):
        return True
    if year is None or not _MIN_AGE <= today.year - year <= _MAX_AGE:
        return False
    # A full date 14 to 100 years back, unless its clause tells of another life event and of no
    # birth ("permis obtenu le…", "arrivée en France le…"): when in doubt, flag.
    clause = _clause_before(text, start)
    return not _EVENT_WORD.search(clause) or bool(_BIRTH_WORD.search(clause))


def _date_exists(day: int, month: int, year: int | None) -> bool:
    try:
        # 2000 is a leap year, so "29/02" without a year is accepted.
        date(year if year is not None and 1 <= year <= 9999 else 2000, month, day)
    except ValueError:
        return False
    return True


def _clause_before(text: str, start: int) -> str:
    """The few characters before `start`, cut at the last sentence, line or clause break."""
    window = text[max(0, start - _CONTEXT_WINDOW) : start]
    breaks = list(_CLAUSE_BREAK.finditer(window))
    return window[breaks[-1].end() :] if breaks else window


def _has_birth_context(text: str, start: int) -> bool:
    window = _clause_before(text, start)
    if _BIRTH_WORD_BARE.search(window):
        return True
    births = [m.end() for m in _BIRTH_WORD.finditer(window)]
    events = [m.end() for m in _EVENT_WORD.finditer(window)]
    # The nearer word tells what the date is: "née en 1990, arrivée le 12/03/2010".
    return bool(births) and (not events or births[-1] > events[-1])


def _addresses(text: str) -> Iterator[tuple[int, int]]:
    for match in _ADDRESS_HEAD.finditer(text):
        end = _street_name_end(text, match.end(), needs_capital=match["loose"] is not None)
        if end is not None:
            yield match.start(), end


def _street_name_end(text: str, pos: int, *, needs_capital: bool) -> int | None:
    """End of the street name after the street word, or None when no name follows."""
    end: int | None = None
    for _ in range(8):
        token = _TOKEN.match(text, pos)
        if token is None:
            break
        word = token["w"]
        core = _after_elision(word)
        capital = core[:1].isupper()
        pos = token.end()
        if word[:1].isdigit() or (word.casefold() in _STREET_PARTICLES and not capital):
            # "de la", "du 8": kept only if a name word follows ("rue du 8 Mai").
            continue
        if end is None:
            if (needs_capital and not capital) or word in _NOT_NAMES:
                break
            end = pos  # first word of the name: any case after "rue", "avenue"…
        elif capital:
            end = pos  # the name goes on while words are capitalised ("Exemple Fictif")
        else:
            break
    return end


def _civility_names(text: str) -> Iterator[tuple[int, int]]:
    for match in _CIVILITY.finditer(text):
        span = _name_after_civility(text, match.end())
        if span is not None:
            yield span


def _name_after_civility(text: str, pos: int) -> tuple[int, int] | None:
    words: list[tuple[str, int, int]] = []
    for i in range(5):
        token = (_FIRST_TOKEN if i == 0 else _TOKEN).match(text, pos)
        if token is None or token["w"][:1].isdigit():
            break
        words.append((token["w"], token.start("w"), token.end("w")))
        pos = token.end()
    start: int | None = None
    end: int | None = None
    for i, (word, w_start, w_end) in enumerate(words):
        folded = word.casefold()
        capital = _after_elision(word)[:1].isupper()
        next_capital = i + 1 < len(words) and _after_elision(words[i + 1][0])[:1].isupper()
        is_particle = folded in _NAME_PARTICLES or folded[:2] in {"d'", "d’"}
        if capital and not (is_particle and word[:1].isupper() and next_capital):
            if start is None and folded in _NOT_NAMES:
                return None  # "M. Il…", "M. Ensuite…": an abbreviation, not a civility
            if start is None:
                start = w_start
            end = w_end
        elif is_particle and next_capital and not (start is None and word in _TITLE_ARTICLES):
            # "de Exemplia", "Le Fictif", "Ben Exemple": part of the name.
            if start is None:
                start = w_start
            end = w_end
        else:
            break
    if start is None or end is None:
        return None
    return start, end


def _after_elision(word: str) -> str:
    """'l'Église' → 'Église', so that a name after an elided article counts as capitalised."""
    for apostrophe in ("'", "’"):
        head, sep, tail = word.partition(apostrophe)
        if sep and len(head) == 1 and tail:
            return tail
    return word


def _given_and_family_names(text: str) -> Iterator[tuple[int, int]]:
    """A given name of the list followed by a family name ("Jean-Pierre Exemple", "Kevin de
    Test", "Inès EXEMPLIA"), or an upper-case family name followed by a given name ("EXEMPLIA
    Inès"), both capitalised, unless a place word comes just before ("centre Jean Moulin")."""
    if not any(ch.isupper() for ch in text):
        return
    words = [(m.group(), m.start(), m.end()) for m in _NAME_WORD.finditer(text)]
    given = _given_names()
    i = 0
    while i < len(words) - 1:
        word, start, _ = words[i]
        span: tuple[int, int] | None = None
        if _is_capitalised(word) and _is_given_name(word, given):
            family_end = _family_name_end(text, words, i + 1)
            if family_end is not None:
                span = (start, family_end[0])
                last = family_end[1]
        elif _is_upper_family_name(word, given) and _adjacent(text, words, i):
            following = words[i + 1][0]
            if _is_capitalised(following) and _is_given_name(following, given):
                span = (start, words[i + 1][2])
                last = i + 1
        if span is not None and not _named_after_a_place(text, words, i):
            yield span
            i = last + 1
            continue
        i += 1


def _is_capitalised(word: str) -> bool:
    core = _after_elision(word)
    return core[:1].isupper() and (core[1:].islower() or core.isupper() or "-" in core)


def _is_given_name(word: str, given: frozenset[str]) -> bool:
    folded = _fold(word)
    if folded in given:
        return True
    parts = folded.split("-")
    return len(parts) > 1 and all(part in given for part in parts)


def _is_upper_family_name(word: str, given: frozenset[str]) -> bool:
    letters = [ch for ch in word if ch.isalpha()]
    return (
        len(letters) >= 4
        and word.isupper()
        and any(ch in "AEIOUYÀÂÄÉÈÊËÎÏÔÖÙÛÜŸ" for ch in letters)
        and word.casefold() not in _ACRONYMS
        and word.casefold() not in _NOT_NAMES
        and _fold(word) not in given
    )


def _adjacent(text: str, words: list[tuple[str, int, int]], i: int) -> bool:
    """Only blanks between word i and word i + 1."""
    if i + 1 >= len(words):
        return False
    return _NAME_GAP.fullmatch(text, words[i][2], words[i + 1][1]) is not None


def _family_name_end(
    text: str, words: list[tuple[str, int, int]], j: int
) -> tuple[int, int] | None:
    """(end offset, index of the last word) of the family name starting at word j, if any."""
    k = j
    while k < len(words) and _adjacent(text, words, k - 1):
        word = words[k][0]
        folded = word.casefold()
        is_particle = folded in _NAME_PARTICLES or folded[:2] in {"d'", "d’"}
        if is_particle and not (folded[:2] in {"d'", "d’"} and _is_capitalised(word[2:])):
            # "de", "Le", "Ben": part of the name only if a capitalised word follows.
            if k - j >= 2 or not _adjacent(text, words, k):
                return None
            k += 1
            continue
        letters = sum(1 for ch in word if ch.isalpha())
        if not _is_capitalised(word) or letters < 2 or (word.isupper() and letters < 3):
            return None  # "Inès Ly" is a name, "Lucas FT" an abbreviation
        if folded in _NOT_NAMES or folded in _NOT_FAMILY_NAMES:
            return None
        if word.isupper() and folded in _ACRONYMS:
            return None
        # A second given name or a double family name goes on: "Jean Pierre Exemple".
        last = k
        while last - k < 2 and _adjacent(text, words, last) and _more_name(words[last + 1][0]):
            last += 1
        return words[last][2], last
    return None


def _more_name(word: str) -> bool:
    folded = word.casefold()
    return (
        _is_capitalised(word)
        and folded not in _NOT_NAMES
        and folded not in _NOT_FAMILY_NAMES
        and not (word.isupper() and folded in _ACRONYMS)
    )


def _named_after_a_place(text: str, words: list[tuple[str, int, int]], i: int) -> bool:
    """True when a place or organisation word comes just before word i, with at most three
    lower-case fillers or capitalised words between: « centre social Jean Moulin »."""
    k = i - 1
    for _ in range(4):
        if k < 0 or not _adjacent(text, words, k):
            return False
        word = words[k][0]
        folded = word.casefold()
        if folded in _PLACE_WORDS or _after_elision(word).casefold() in _PLACE_WORDS:
            return True
        if not (folded in _PLACE_FILLERS or _is_capitalised(word)):
            return False
        k -= 1
    return False
