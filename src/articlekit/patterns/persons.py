"""Bylines: person names, organisations and roles.

Input → output: ``str`` (a byline such as "By JANE DOE and John Roe, Correspondent in
Berlin | Updated 2 hours ago") → ``Byline`` (persons, organisations, role); or one name
``str`` → normalised ``str | None``.

The byline is cleaned in a fixed order: glued words are separated ("Lucy ThorntonNews
Reporter", "Dylan Jones5 hours ago"), URLs, e-mail addresses, handles, dates, times and
status words ("Updated …", "Follow") are removed, the leading "By"/"Von"/"Par"… is
stripped, the rest is split on separators and conjunctions of many languages, and each
part becomes a person, an organisation, a role, or is dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Final

from articlekit._fastinit import fast_frozen_init
from articlekit.patterns._needles import holds, lowered
from articlekit.patterns.dates import find_dates

__all__ = [
    "MAX_BYLINE_CHARS",
    "MAX_NAME_CHARS",
    "MAX_NAME_WORDS",
    "Byline",
    "has_byline_label",
    "is_news_agency",
    "is_organization",
    "may_be_own_organization",
    "normalize_name",
    "parse_byline",
    "strip_byline_label",
]

NAME_JOINERS_RE: Final = re.compile(r"([-'’])")
"""Hyphens and apostrophes inside a name (``Jean-Pierre``, ``O'Neil``), kept by ``split``."""
MAX_BYLINE_CHARS: Final = 400
"""Only this many leading characters of a byline are read; longer texts are not bylines."""

MAX_NAME_CHARS: Final = 60
"""A person name longer than this is a sentence or a list."""

MAX_NAME_WORDS: Final = 5
"""A person name with more words than this is a sentence ("Maria de los Angeles …" fits)."""

MIN_SENTENCE_WORD_LETTERS: Final = 4
"""A period after a word of at least this many letters ends a sentence ("Dr." does not)."""

MIN_DESCRIPTION_WORDS: Final = 2
"""A byline part after a name that goes on with this many lower-case words is a
description (an affiliation, a job), not a second name."""

MAX_ROLE_CHARS: Final = 120
"""Roles (and bios) are cut to this length."""

MAX_ACRONYM_LETTERS: Final = 5
"""An all-capital token without vowels up to this length is an acronym (ZDF, MDR, NRK)."""

MAX_ARTICLE_ORG_WORDS: Final = 3
""""Der Spiegel", "Le Figaro", "El País": article-led publication names are this short."""

MAX_NAME_TOKENS_BEFORE_ROLE: Final = 3
"""Before a role, a name has at most this many words; more are part of the title
("Jane Roe Deputy Content Hub Director")."""

MAX_AGENCY_SUFFIX_WORDS: Final = 3
"""A known agency of up to this many words may trail a name ("… The Associated Press")."""

_SPAN_REFERENCE: Final = datetime(2000, 1, 1)
"""Only to locate relative date spans ("5 hours ago") for removal; values are unused."""

AGENCIES: Final = frozenset(
    {
        "dpa", "afp", "reuters", "ap", "associated press", "the associated press", "kna",
        "epd", "redaktion", "agencies", "agences", "agencias", "agenzie", "agenturen",
        "efe", "ansa", "europa press", "apa", "sda", "keystone-sda", "newsroom", "staff",
        "dpa-afx", "afx", "bloomberg", "deutsche presse-agentur", "agence france-presse",
        "agence france presse", "tass", "ria novosti", "interfax", "xinhua", "kyodo",
        "yonhap", "anadolu", "upi", "pti", "ani", "ians", "ntb", "tt", "ritzau", "belga",
        "anp", "lusa", "ap photo", "sid", "kathpress", "red.", "red", "ots", "rtr",
        "wires", "wire services", "wire reports", "staff and agencies", "news desk",
        "the canadian press", "canadian press", "press association", "pa media", "aap",
        "nachrichtenagenturen", "agencia efe", "agence", "agencia", "agenzia",
    }
)  # fmt: skip
"""News agencies and collective authors (casefolded)."""

_ORG_WORDS: Final = frozenset(
    {
        "redaktion", "newsroom", "staff", "agencies", "agency", "agentur", "presse",
        "press", "news", "media", "medien", "zeitung", "times", "post", "journal",
        "tribune", "gazette", "online", "magazin", "magazine", "verlag", "tv", "radio",
        "group", "editorial", "rédaction", "redacción", "redazione", "redactie", "desk",
        "team", "nachrichten", "nyheter", "noticias", "notizie", "actualités", "digital",
        "wire", "wires", "agenzia", "agencia", "agence", "pressedienst", "herald",
        "telegraph", "guardian", "daily", "weekly", "network", "service", "services",
        "institute", "institut", "university", "universität", "ministry", "ministerium",
        "inc", "inc.", "ltd", "ltd.", "gmbh", "ag", "llc", "corp", "corp.", "foundation",
        "stiftung", "club", "verein", "partei", "party", "police", "polizei",
        "ministère", "ministerio", "ministero", "editors", "redaktionen", "nieuws",
        "organization", "organisation", "organización", "organizzazione", "organisatie",
    }
)  # fmt: skip
"""Words that make a name an organisation ("MM-Redaktion", "Sky News", "Le Monde Staff")."""

_ORG_ARTICLES: Final = frozenset({"the", "le", "la", "les", "der", "die", "das", "el", "il", "lo"})
"""A name starting with a capitalised definite article is a publication ("Der Spiegel")."""

ROLE_WORDS: Final = frozenset(
    {
        "correspondent", "correspondents", "reporter", "reporters", "editor", "editors",
        "writer", "writers", "journalist", "journalists", "columnist", "contributor",
        "producer", "analyst", "photographer", "photojournalist", "author", "intern",
        "freelancer", "presenter", "anchor", "commentator", "critic", "bureau", "chief",
        "redakteur", "redakteurin", "korrespondent", "korrespondentin", "autor", "autorin",
        "journalistin", "volontär", "volontärin", "reporterin", "chefredakteur",
        "chefredakteurin", "ressortleiter", "ressortleiterin", "fotograf", "fotografin",
        "kolumnist", "kolumnistin", "moderator", "moderatorin", "mitarbeiter",
        "mitarbeiterin", "correspondant", "correspondante", "journaliste", "rédacteur",
        "rédactrice", "envoyé", "envoyée", "chroniqueur", "chroniqueuse", "periodista",
        "corresponsal", "redactor", "redactora", "enviado", "enviada", "columnista",
        "fotógrafo", "fotógrafa", "giornalista", "corrispondente", "inviato", "inviata",
        "redattore", "redattrice", "verslaggever", "correspondente", "jornalista",
        "repórter", "redacteur", "skribent", "reportrar", "medarbetare", "kommentator",
        "kommentatorin", "journalisten", "redaktør", "journalisti", "director",
        "manager", "coordinator", "leiter", "leiterin", "chefin", "directeur", "directrice",
        "directora", "direttore", "direttrice", "기자", "記者", "特派員", "編集委員",
        "autoren", "autorinnen", "auteurs", "autores", "autori", "authors",
    }
)  # fmt: skip
"""Job titles (casefolded) that are not part of a name."""

_ROLE_SUFFIXES: Final = (
    "redakteur", "redakteurin", "korrespondent", "korrespondentin", "reporter",
    "reporterin", "journalist", "journalistin", "editor", "correspondent", "fotograf",
    "fotografin", "volontär", "volontärin", "kolumnist", "kolumnistin", "moderatorin",
)  # fmt: skip
"""Compound role words end like this ("ZDF-Reporterin", "Sportredakteur")."""

_ROLE_MODIFIERS: Final = frozenset(
    {
        "senior", "chief", "deputy", "associate", "assistant", "managing", "executive",
        "contributing", "staff", "special", "foreign", "political", "politics",
        "parliamentary", "business", "economics", "economy", "sports", "sport", "science",
        "health", "tech", "technology", "travel", "news", "world", "royal",
        "entertainment", "investigative", "digital", "data", "legal", "security",
        "defence", "defense", "diplomatic", "education", "crime", "home", "affairs",
        "culture", "arts", "film", "music", "fashion", "food", "lifestyle", "weather",
        "climate", "environment", "energy", "finance", "financial", "markets", "europe",
        "european", "international", "national", "regional", "local", "city", "state",
        "freelance", "freier", "freie", "leitender", "leitende", "stellvertretender",
        "stellvertretende", "politischer", "politische", "grand", "spécial", "spéciale",
        "general", "global", "breaking", "trending", "social", "video", "photo", "online",
        "web", "correspondent", "editor", "bureau", "white", "house", "court", "courts",
        "council", "county", "motoring", "property", "transport", "consumer", "medical",
        "religion", "religious", "community", "agriculture", "farming", "society",
    }
)  # fmt: skip
"""Words that qualify a role and precede it ("Senior", "Parliamentary", "Travel News")."""

_PARTICLES: Final = frozenset(
    {
        "van", "von", "der", "den", "de", "del", "della", "dei", "di", "da", "dos", "das",
        "du", "des", "la", "le", "ten", "ter", "zu", "zum", "zur", "af", "bin", "ibn",
        "al", "el", "y", "e", "vom", "lo", "st.", "mac", "los", "las", "do",
    }
)  # fmt: skip
"""Lower-case name particles kept as they are ("van der Berg", "de la Cruz")."""

_NON_NAME_WORDS: Final = frozenset(
    {
        "the", "a", "an", "is", "are", "was", "were", "of", "for", "with", "to", "in",
        "on", "at", "by", "from", "more", "read", "this", "that", "our", "your", "and",
        "ist", "mit", "für", "im", "ein", "eine", "die", "uns", "est", "pour", "avec", "sur",
        "es", "con", "para", "che", "per", "non", "sono", "het", "een", "och", "og",
        "share", "follow", "updated", "published", "here", "click",
        "hier", "mehr", "plus", "lire", "leer", "leggi", "login", "menu", "home",
        "search", "suche", "newsletter", "abonnieren", "subscribe", "advertisement",
        "facebook", "twitter", "pinterest", "whatsapp", "linkedin", "instagram", "telegram",
        "reddit", "tiktok", "youtube", "xing", "flipboard",
    }
)  # fmt: skip
"""Words that never occur in a person name."""

PREFIX_RE: Final = re.compile(
    r"^\s*(?:by(?=[A-Z])|"
    r"(?:(?:ein(?:e)?\s+)?(?:kommentar|kolumne|analyse|gastbeitrag|essay|interview|"
    r"commentary|analysis|opinion|column|review|reportage|text|story)\s+"
    r"(?:von|by|de|par|di|por)"
    r"|written\s+by|reported\s+by|reporting\s+by|writing\s+by|interview\s+by|words\s+by|text\s+by|story\s+by"
    r"|more\s+from|articles?\s+by|posted\s+by|escrito\s+por|écrit\s+par|scritto\s+da"
    r"|text\s*(?:and|und|&|/)\s*(?:photos?|fotos?|bilder)\s*:"
    r"|[^\W\d_]{0,20}(?:profilbild|bild|foto|photo|picture|image|avatar)\s+(?:von|of|de|di)"
    r"|autor(?:in)?(?:\s?/\s?autor(?:in)?)?|authors?|auteur|autore|text|texte|von"
    r"|by|par|por|di|da|av|door|af|de)\b\s*:?)\s*",
    re.IGNORECASE,
)
"""A leading byline word in many languages ("By", "Von:", "Par", "Autorin/Autor")."""

STOP_RE: Final = re.compile(
    r"[,;|.]?\s*\b(?:(?:(?:edited|editing|additional\s+reporting|compiled|translated)\s+by"
    r"|redigiert\s+von|bearbeitet\s+von|übersetzt\s+von|traduit\s+par|traducido\s+por"
    r"|tradotto\s+da)(?!\w)"
    r"|(?:editor|mitarbeit|übersetzung|translation|traduction|traducción|traduzione)"
    r"(?:\s(?:und|and|et|y|e)\s\w+)?\s*:).*$",
    re.IGNORECASE | re.DOTALL,
)
"""Everything from an editing or translation credit on is not authorship ("Edited by …",
"Editor: …", "Übersetzung und Adaptierung: …", "Traduit par …")."""

DUMP_MARKER_RE: Final = re.compile(
    r"\[[^\[\]]{0,200}\]|\((?:BUTTON|IMG|IFRAME)\)|IFRAME:|"
    r"[^\s/]{1,100}\.(?:jpe?g|png|gif|webp|svg|avif)\b",
    re.IGNORECASE,
)
"""Text-browser residue: "[image.jpg]", "(BUTTON)", bare image file names."""

PICTURE_OF_RE: Final = re.compile(
    r"\b[^\W\d_]{0,20}(?:profilbild|bild|foto|photo|picture|image|avatar)\s+(?:von|of|de|di)\b",
    re.IGNORECASE,
)
"""Alt texts of author photos: "Picture of …", "Autorenprofilbild von …"."""

INTRO_RE: Final = re.compile(
    r"(?:^|[.!?:]\s)(?:(?:ein(?:e)?|a|an|un|una|une)\s+)?(?:kommentar|kolumne|analyse"
    r"|gastbeitrag|essay|commentary|analysis|opinion|column|review|reportage|chronique"
    r"|tribune|análisis|opinión|commento|analisi)\s+(?:von|by|de|par|di|por)\s",
    re.IGNORECASE,
)
"""A byline introduced after other text: "… lahm! Ein Kommentar von Jane Roe"."""

URL_RE: Final = re.compile(r"(?:https?://|www\.)\S{1,300}", re.IGNORECASE)
EMAIL_RE: Final = re.compile(r"[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,5}")
HANDLE_RE: Final = re.compile(r"(?<![\w@])@\w{1,40}")
FOLLOW_RE: Final = re.compile(
    r"\b(?:follow(?:\s+(?:on|me|us))?|folgen|suivre|seguir|segui|volgen|følg|följ"
    r"|see\s+all\s+articles|alle\s+artikel|profil|profile)\b",
    re.IGNORECASE,
)
STATUS_RE: Final = re.compile(
    r"\b(?:(?:letzte|zuletzt|ultimo|última|dernière)\s+(?=\w)"
    r"(?:aktualisierung|aktualisiert|aggiornamento|actualización|mise\s+à\s+jour)"
    r"|published|updated|last\s+updated?|posted|aktualisiert|aktualisierung|veröffentlicht|stand"
    r"|publié|mis\s+à\s+jour|actualizado|publicado|actualización|aggiornato|aggiornamento"
    r"|pubblicato"
    r"|bijgewerkt|gepubliceerd|oppdatert|publisert|uppdaterad|publicerad|opdateret"
    r"|udgivet|just\s+now|gerade\s+eben|hours?\s+ago|minutes?\s+ago|days?\s+ago)\b"
    r"(?:(?!\b(?:by|von|par|por)\b)[^|]){0,80}",
    re.IGNORECASE,
)
"""A status stamp up to the next "|" or "By": "Updated Jul 17, 2024, 6:39pm"."""

READ_TIME_RE: Final = re.compile(
    r"\b\d{1,3}\s?(?:-\s?)?(?:min(?:ute)?s?\.?)\s?(?:read|lesezeit|de\s+lecture"
    r"|de\s+lectura|di\s+lettura|leestijd)?\b"
    r"|\b(?:lesezeit|read\s+time|reading\s+time|temps\s+de\s+lecture)\s?:?\s?\d{1,3}"
    r"\s?min\.?",
    re.IGNORECASE,
)
TIME_RE: Final = re.compile(
    r"\b\d{1,2}[:.h]\d{2}(?:\s?(?:uhr|h|am|pm|a\.m\.|p\.m\.))?(?:\s?[A-Z]{2,4}\b)?",
    re.IGNORECASE,
)
GLUE_DIGIT_RE: Final = re.compile(r"(?<=[^\W\d_])(?=\d)")
GLUE_ELEMENT_RE: Final = re.compile(
    r"(?<=[a-zäöüßàâçéèêëîïôûùÿñæœåø]{4})(?=[A-ZÄÖÜÀÂÇÉÈÊËÎÏÔÛÙÑÆØÅ])"
)
"""Four lower-case letters then a capital inside a token: two elements glued by a text
browser ("KuckelkornDie …"); name prefixes such as Mc, Mac, De, Fitz are shorter."""

GLUE_WORD_RE: Final = re.compile(r"(?<=[a-zäöüßàâçéèêëîïôûùüÿñæœåø])(?=[A-ZÄÖÜÀÂÇÉÈÊËÎÏÔÛÙÑÆØÅ])")
"""A lower→upper boundary inside a token, checked against role/status words before use."""
GLUE_GATE_RE: Final = re.compile(r"[a-zäöüßàâçéèêëîïôûùüÿñæœåø][A-ZÄÖÜÀÂÇÉÈÊËÎÏÔÛÙÑÆØÅ]")
"""A ``GLUE_WORD_RE`` boundary, found by scanning for its letters instead of trying both
lookarounds at every position; every ``GLUE_ELEMENT_RE`` boundary is one too."""

_SEPARATORS: Final = r"[,;|/&•·+]|\s(?P<conj>and|AND|und|UND|et|ET|y|e|og|och|en|ja)\s|\s[–—-]\s"
SPLIT_RE: Final = re.compile(rf"\s*(?:{_SEPARATORS})\s*")
"""Separators between byline parts, including conjunctions of en/de/fr/es/it/no/sv/nl."""
SEPARATOR_RE: Final = re.compile(_SEPARATORS)
"""A ``SPLIT_RE`` separator without the spaces around it: in a text where ``SPLIT_RE``
finds one, found without trying every position (``SPLIT_RE`` opens with ``\\s*``)."""

PAREN_RE: Final = re.compile(
    r"\s*\(\s*(?:with|avec|mit|con|met|med|com)\s+([^()]{1,200})\)"
    r"|\s*\(([^()]{1,200})\)\s*(?=$|[,;|/&]|(?:and|und|et|y|e|og|och|en)\s)"
)
"""Brackets after a name: a co-author aside ("(avec …)", "(with …)") or an aside that
ends a part ("(Reuters)", "(Text)"). Their content becomes a part of its own, so "Jane Roe
(with John Doe and Max Muster)" names three and "Jane Roe (Reuters)" a person and an
agency; a nickname inside a name ("Robert (Bob) Hale") stays."""

LEADING_CONJ_RE: Final = re.compile(r"^(?:and|AND|und|UND|et|ET|y|e|og|och|en|ja)\s+")
"""A conjunction left at the start of a part (", und Erika Beispiel")."""

BIO_RE: Final = re.compile(
    r"^(?P<name>[^\W\d_][\w'’.-]*(?:\s[\w'’.-]+){0,4})\s+"
    r"(?:is|was|ist|war|est|es|è|är|er|is\s+a|is\s+an)\s+(?P<rest>.{3,})$",
    re.IGNORECASE,
)
"""A one-sentence bio: "Jane Doe is a politics reporter for …"."""

INVERTED_RE: Final = re.compile(
    r"^(?P<last>[^\W\d_][\w'’-]{0,40}),\s?(?P<first>[^\W\d_][\w'’.-]{0,40}"
    r"(?:\s[^\W\d_][\w'’.-]{0,40})?)$"
)
"""Exactly one "Last, First" pair."""

_SENTENCE_PUNCT_RE: Final = re.compile(r"[!?;:…\"“”«»()\[\]{}<>=#*]")
NAME_CODE_RE: Final = re.compile(r"\s\(\s?([^\W\d_]{1,6})\.?\s?\)[\s,;.]*$")
"""A short code in parentheses after a name, the writer's initials ("Jane Roe (jro)",
"Li Wu (lw.)"), or an agency ("Jane Roe (AFP)"): not part of the name. Capital codes
that are no agency stay ("Auswärtige Autoren (AA)" is no name)."""
BYLINE_CODE_RE: Final = re.compile(
    r"(?<=[^\W\d_])\s\(\s?([^\W\d_]{1,6}\.?)\s?\)"
    r"(?=\s?[,;|/•·]|$|\s(?:and|AND|und|UND|et|ET|y|e|og|och|en|ja)\s)"
)
"""``NAME_CODE_RE`` inside a byline, before a separator or a conjunction ("Von Jane Roe (jro)
und Li Wu (lw)"); a code that is a known agency ("Jane Roe (AFP)") is a part of its own."""
INNER_PARENTHESIS_RE: Final = re.compile(r"^[^()]*[^\W\d_]\s\([^()]{1,40}\)\s[^\W\d_][^()]*$")
"""A parenthesised part between the words of a name, a nickname or middle names
("Robert (Bob) Smith"): part of the name, its parentheses are no sentence punctuation."""
_DOMAIN_RE: Final = re.compile(
    r"\b[\w-]{2,63}\.(?:com|de|fr|es|it|nl|at|ch|is|no|se|dk|net|org|co\.uk|uk|tr|pt|be"
    r"|eu|info|news|lu|pl|ru|in|za|ie|ca|us|au|jp)\b",
    re.IGNORECASE,
)
_DIGIT_RE: Final = re.compile(r"\d")
_PICTURE_NEEDLES: Final = ("bild", "foto", "photo", "picture", "image", "avatar")
"""Every match of ``PICTURE_OF_RE`` holds one of these words (see ``_needles``)."""
_STOP_NEEDLES: Final = (
    "edit", "additional", "compiled", "translat", "redigiert", "bearbeitet", "übersetz",
    "trad", "mitarbeit",
)  # fmt: skip
"""Every match of ``STOP_RE`` holds one of these words (see ``_needles``)."""
_STATUS_NEEDLES: Final = (
    "publ", "pubbl", "updat", "post", "aktualis", "veröffentl", "stand", "mis", "actualiz",
    "aggiorn", "bijgewerkt", "oppdat", "uppdat", "opdat", "udgiv", "just", "gerade", "ago",
)  # fmt: skip
"""Every match of ``STATUS_RE`` holds one of these words (see ``_needles``)."""
_INTRO_NEEDLES: Final = (
    "kommentar", "kolumne", "analys", "anális", "analisi", "gastbeitrag", "essay", "comment",
    "opini", "column", "review", "reportage", "chronique", "tribune",
)  # fmt: skip
"""Every match of ``INTRO_RE`` holds one of these words (see ``_needles``)."""
_FOLLOW_NEEDLES: Final = (
    "follow", "folgen", "suivre", "segui", "volgen", "følg", "följ", "see", "alle", "profil",
)  # fmt: skip
"""Every match of ``FOLLOW_RE`` holds one of these words (see ``_needles``)."""


_VOWELS: Final = frozenset("AEIOUYÄÖÜÅÆØÉÈ")
_STRIP_CHARS: Final = " \t,;:|*•·-–—()[]\"'“”«»„‚+#>"
_WORD_RE: Final = re.compile(r"[^\W\d_]{1,40}")
_ROMAN_RE: Final = re.compile(r"^(?:I{1,3}|IV|VI{0,3}|IX|X)$")


@fast_frozen_init
@dataclass(frozen=True, slots=True)
class Byline:
    """What a byline says about who wrote the article.

    Attributes:
        persons: Person names in byline order, normalised ("John Smith").
        organizations: Agencies and organisations ("dpa", "AFP", "Redaktion").
        role: The first job title found ("Senior Reporter", "Korrespondent in Berlin").
    """

    persons: tuple[str, ...]
    organizations: tuple[str, ...]
    role: str | None


def _squash(text: str) -> str:
    return " ".join(text.split())


_ROLE_STRIP_CHARS: Final = _STRIP_CHARS + "."


def _is_role_token(token: str) -> bool:
    word = token.strip(_ROLE_STRIP_CHARS).casefold()
    if not word:
        return False
    if word in ROLE_WORDS or ("-" in word and word.rsplit("-", 1)[1] in ROLE_WORDS):
        return True
    return word.endswith(_ROLE_SUFFIXES)


def _is_acronym(token: str) -> bool:
    letters = token.strip(_STRIP_CHARS)
    return (
        2 <= len(letters) <= MAX_ACRONYM_LETTERS
        and letters.isalpha()
        and letters.isupper()
        and not (set(letters) & _VOWELS)
    )


def is_organization(name: str) -> bool:
    """Tell whether a byline part names an agency, publication or other organisation.

    Args:
        name: One byline part ("dpa", "dpa/AFP", "Sky News", "MDR THÜRINGEN").

    Returns:
        True for known agencies and collective authors, names containing organisation
        words, domain names, names starting with a definite article, and vowel-less
        acronyms.
    """
    value = _squash(name[:MAX_BYLINE_CHARS]).strip(_STRIP_CHARS)
    if not value:
        return False
    folded = value.casefold()
    if folded in AGENCIES:
        return True
    if "/" in value:
        parts = [p for p in (s.strip() for s in value.split("/")) if p]
        if parts and all(is_organization(p) for p in parts):
            return True
    words = value.split()
    folded_words = [w.strip(_STRIP_CHARS).casefold() for w in words]
    if not _ORG_WORDS.isdisjoint(folded_words) or (
        "-" in folded
        and any("-" in word and not _ORG_WORDS.isdisjoint(word.split("-")) for word in folded_words)
    ):
        return True
    if "redaktion" in folded or "newsroom" in folded:
        return True
    if "." in value and _DOMAIN_RE.search(value):  # a domain has its dot
        return True
    if (
        1 < len(words) <= MAX_ARTICLE_ORG_WORDS
        and words[0][:1].isupper()
        and folded_words[0] in _ORG_ARTICLES
    ):
        return True
    return any(_is_acronym(w) for w in words if w.isupper())  # (an acronym is upper case)


def _fix_token_case(token: str, *, first: bool, all_lower: bool) -> str:
    folded = token.casefold()
    if token.islower():
        if folded in _PARTICLES and not first:
            return token
        if not all_lower and folded in _PARTICLES:
            return token
        return _capitalise(token)
    if token.isupper() and sum(ch.isalpha() for ch in token) > 1:
        if _ROMAN_RE.match(token) or (token.endswith(".") and len(token) <= 3):
            return token
        if folded in _PARTICLES and not first:
            return folded
        return _capitalise(token.lower())
    return token


def _capitalise(word: str) -> str:
    """ "o'neil" → "O'Neil", "jean-pierre" → "Jean-Pierre", "mcdonald" → "McDonald"."""
    pieces = NAME_JOINERS_RE.split(word)
    out: list[str] = []
    for piece in pieces:
        if piece in {"-", "'", "’"} or not piece:
            out.append(piece)
            continue
        cap = piece[:1].upper() + piece[1:]
        if cap.startswith("Mc") and len(cap) > 2:
            cap = "Mc" + cap[2:3].upper() + cap[3:]
        out.append(cap)
    return "".join(out)


def _has_sentence_period(tokens: list[str]) -> bool:
    for token in tokens:
        if token.endswith(".") and sum(ch.isalpha() for ch in token) >= MIN_SENTENCE_WORD_LETTERS:
            return True
    return False


def normalize_name(name: str) -> str | None:
    """Normalise a person name, or reject a string that is not plausibly one.

    Args:
        name: A candidate ("JOHN SMITH", "van der Berg", "Dr. Max Muster").

    Returns:
        The name with fixed case ("John Smith", "McDonald" and "O'Neil" kept), or None
        for digits, sentence punctuation, too many words or characters, organisations,
        job titles, URLs, and single lower-case words.
    """
    return _normalized(name, None)


def _normalized(name: str, not_organization: str | None) -> str | None:
    """``normalize_name(name)``; ``not_organization`` is a text ``is_organization`` already
    answered False for (the byline parser asks it of each part before the name in it)."""
    value = NAME_CODE_RE.sub(_name_code, _squash(name[: MAX_NAME_CHARS * 4]))
    value = value.strip(_STRIP_CHARS)
    if not value or len(value) > MAX_NAME_CHARS:
        return None
    if any(map(str.isdigit, value)) or "@" in value or "://" in value:
        return None
    inner = INNER_PARENTHESIS_RE.match(value) is not None
    plain = value.replace(" (", " ").replace(") ", " ") if inner else value
    if _SENTENCE_PUNCT_RE.search(plain) or "www." in value.casefold():
        return None
    tokens = value.split()
    if len(tokens) > MAX_NAME_WORDS or ("." in value and _has_sentence_period(tokens)):
        return None
    if not "".join(tokens).isalpha() and not all(any(map(str.isalpha, t)) for t in tokens):
        return None
    if (value != not_organization and is_organization(value)) or any(
        _is_role_token(t) for t in tokens
    ):
        return None
    all_lower = value.islower()
    if all_lower and len(tokens) == 1:
        return None
    folded = [t.casefold() for t in tokens]
    if any(f in _NON_NAME_WORDS and f not in _PARTICLES for f in folded):
        return None
    if not all_lower:
        for token, fold in zip(tokens, folded, strict=True):
            if token.islower() and fold not in _PARTICLES:
                return None
    if all(f in _PARTICLES for f in folded):
        return None
    fixed = [_fix_token_case(t, first=i == 0, all_lower=all_lower) for i, t in enumerate(tokens)]
    return " ".join(fixed)


def _unglue(text: str) -> str:
    """Separate "ThorntonNews Reporter" and "Jones5 hours ago" (text-browser glue)."""
    if _DIGIT_RE.search(text):
        text = GLUE_DIGIT_RE.sub(" ", text)
    if GLUE_GATE_RE.search(text) is None:  # no lower→upper boundary: nothing is glued
        return text
    text = GLUE_ELEMENT_RE.sub(" | ", text)
    out: list[str] = []
    last = 0
    for m in GLUE_WORD_RE.finditer(text):
        pos = m.start()
        word_match = _WORD_RE.match(text, pos)
        word = word_match.group(0) if word_match else ""
        folded = word.casefold()
        if (
            folded in ROLE_WORDS
            or folded in _ROLE_MODIFIERS
            or folded.endswith(_ROLE_SUFFIXES)
            or STATUS_RE.match(word + " ")
        ):
            out.append(text[last:pos])
            out.append(" ")
            last = pos
    out.append(text[last:])
    return "".join(out)


def _remove_links(text: str) -> str:
    """Drop text-browser residue, URLs, e-mail addresses and handles (before ungluing)."""
    if "[" in text or "(" in text or "." in text or ":" in text:  # every marker has one
        text = DUMP_MARKER_RE.sub(" ", text)
    if "://" in text or "www." in text.lower():
        text = URL_RE.sub(" | ", text)
    if "@" in text:
        text = EMAIL_RE.sub(" | ", text)
        text = HANDLE_RE.sub(" | ", text)
    return text


def _remove_noise(text: str) -> str:
    # the needles are looked for in the text as given: each step below only removes
    # text or puts " | " in its place, which joins no letters into a new word
    low = lowered(text)
    if holds(low, _PICTURE_NEEDLES):
        text = PICTURE_OF_RE.sub(" | ", text)
    if holds(low, _INTRO_NEEDLES):
        intros = list(INTRO_RE.finditer(text))
        if intros and intros[-1].start() > 0:
            text = text[intros[-1].end() :]
    if holds(low, _STOP_NEEDLES):
        text = STOP_RE.sub("", text)
    spans = find_dates(text, reference_time=_SPAN_REFERENCE)
    if spans:
        pieces: list[str] = []
        last = 0
        for span in spans:
            pieces.append(text[last : span.start])
            pieces.append(" | ")
            last = span.end
        pieces.append(text[last:])
        text = "".join(pieces)
    if holds(low, _STATUS_NEEDLES):
        text = STATUS_RE.sub(" | ", text)
    if _DIGIT_RE.search(text):  # a reading time and a clock time have digits
        text = READ_TIME_RE.sub(" | ", text)
        text = TIME_RE.sub(" | ", text)
    if holds(low, _FOLLOW_NEEDLES):
        text = FOLLOW_RE.sub(" | ", text)
    return text


def _split_role(tokens: list[str]) -> tuple[list[str], str | None]:
    """Split "Jane Doe Senior Reporter in Berlin" into name tokens and a role."""
    for k, token in enumerate(tokens):
        if not _is_role_token(token):
            continue
        j = k
        while j > 0:
            prev = tokens[j - 1]
            fold = prev.strip(_STRIP_CHARS).casefold()
            if fold in _ROLE_MODIFIERS or (prev[:1].islower() and fold not in _PARTICLES):
                j -= 1
                continue
            break
        if j > MAX_NAME_TOKENS_BEFORE_ROLE:
            j = 2
        role = " ".join(tokens[j:]).strip(_STRIP_CHARS + ".")[:MAX_ROLE_CHARS]
        return tokens[:j], role or None
    return tokens, None


def _name_tokens(tokens: list[str]) -> list[str]:
    """Cut a name at the first token with a digit or a lower-case non-particle word."""
    all_lower = all(t.islower() for t in tokens)
    out: list[str] = []
    for token in tokens:
        if any(map(str.isdigit, token)):
            break
        if not all_lower and token[:1].islower() and token.casefold() not in _PARTICLES:
            break
        out.append(token)
    while out and out[-1].casefold() in _PARTICLES and out[-1].islower():
        out.pop()
    return out


SECTION_PART_RE: Final = re.compile(r"^(?:in|im|en|dans|nel|nella|em|på|i)\s+[A-ZÄÖÜÉÈÀ]")
"""A byline part that names the section or place it was filed in ("By Jane Roe, in
Politics", "Par Anne Roy, dans Société"): neither a name nor an organisation."""


def _is_description(rest: list[str]) -> bool:
    """The words after a part's capitalised start → True when they read as a phrase
    (an affiliation after a name: "…, Example State University faculty of law professor"),
    so the capitalised start is an institution, not a second person."""
    lower = [t for t in rest if t[:1].islower() and t.casefold() not in _PARTICLES]
    return len(lower) >= MIN_DESCRIPTION_WORDS


def _strip_prefix(text: str) -> str:
    """``text`` without up to three leading byline words (``PREFIX_RE``; it is anchored at
    the start and never matches the empty string)."""
    for _ in range(3):
        match = PREFIX_RE.match(text)
        if match is None:
            break
        text = text[match.end() :]
    return text


def _split_parts(value: str) -> list[str]:
    """Split on separators; a conjunction inside a role stays together ("Redakteurin für
    Politik und Wirtschaft", "corresponsal en Bruselas")."""
    if SEPARATOR_RE.search(value) is None:
        return [value]  # (one part, as the loop below gives it)
    spans: list[tuple[int, int]] = []
    last = 0
    joined_by_conj = False
    for m in SPLIT_RE.finditer(value):
        _append_span(value, spans, (last, m.start()), joined_by_conj=joined_by_conj)
        joined_by_conj = m["conj"] is not None
        last = m.end()
    _append_span(value, spans, (last, len(value)), joined_by_conj=joined_by_conj)
    return [value[a:b] for a, b in spans]


def _append_span(
    value: str, spans: list[tuple[int, int]], span: tuple[int, int], *, joined_by_conj: bool
) -> None:
    tokens = value[span[0] : span[1]].split()
    if (
        joined_by_conj
        and spans
        and tokens
        and any(_is_role_token(t) for t in value[spans[-1][0] : spans[-1][1]].split())
        and (len(tokens) == 1 or tokens[0][:1].islower())
    ):
        spans[-1] = (spans[-1][0], span[1])
        return
    spans.append(span)


def _split_agency_suffix(part: str) -> tuple[str, str | None]:
    """ "Jane Roe The Associated Press" → ("Jane Roe", "The Associated Press")."""
    tokens = part.split()
    for size in range(min(MAX_AGENCY_SUFFIX_WORDS, len(tokens) - 1), 0, -1):
        tail = " ".join(tokens[-size:])
        if tail.casefold() in AGENCIES:
            return " ".join(tokens[:-size]), tail
    return part, None


def _undouble(tokens: list[str]) -> list[str]:
    """ "Jane Roe Jane Roe" (alt text + name in a text dump) → "Jane Roe"."""
    half = len(tokens) // 2
    if half and len(tokens) % 2 == 0 and tokens[:half] == tokens[half:]:
        return tokens[:half]
    return tokens


def _add_org(orgs: list[str], name: str) -> None:
    if name and name.casefold() not in {o.casefold() for o in orgs}:
        orgs.append(name)


BYLINE_LABEL_RE: Final = re.compile(
    r"^\s*(?:(?:written|reported|words|story|text)\s+by|escrito\s+por|écrit\s+par|"
    r"scritto\s+da|(?:by|von|par|por|door|av|af|di)(?:\s*:)?|"
    r"(?:autor(?:in)?(?:\s?/\s?autor(?:in)?)?|authors?|auteur|autore|autora)(?:\s*:)?|"
    r"(?:text|texte|texto|testo)\s*:)(?=\s|$)",
    re.IGNORECASE,
)
"""A byline label at the start of a text: "By", "Von", "Par", "Por", "Di", "Av", "Door",
"Written by", "Autorin/Autor", "Author:", "Text:" (a plain "Text" needs its colon)."""


def has_byline_label(text: str) -> bool:
    """Whether ``text`` starts with a byline label ("By …", "Von …", "Autor: …")."""
    return BYLINE_LABEL_RE.match(text) is not None


def is_news_agency(name: str) -> bool:
    """Whether ``name`` is a known news agency or collective byline ("dpa", "Reuters")."""
    return _squash(name).strip(_STRIP_CHARS).casefold() in AGENCIES


def strip_byline_label(text: str) -> str:
    """``text`` without a leading byline label ("Par example.org" → "example.org")."""
    return BYLINE_LABEL_RE.sub("", text, count=1).strip(_STRIP_CHARS)


def _name_code(match: re.Match[str]) -> str:
    """A code after a name → nothing when it is initials or an agency, else unchanged."""
    code = match[1]
    return "" if code.islower() or code.casefold() in AGENCIES else match[0]


def _code_part(match: re.Match[str]) -> str:
    """A code in parentheses after a name → nothing, or a part of its own for an agency."""
    code = match[1]
    if code.casefold() in AGENCIES:
        return f" | {code}"
    return "" if code.rstrip(".").islower() else match[0]


def may_be_own_organization(text: str) -> bool:
    """Whether ``parse_byline(text)`` can give ``text`` itself as an organisation (as its
    only one or among others): the parser takes a part (or a part's last words) as an
    organisation only when it is an agency's name (``AGENCIES``) or ``is_organization``
    says so, so ``text`` must be one of these (a cheap exact pre-test)."""
    return text.casefold() in AGENCIES or is_organization(text)


def parse_byline(text: str) -> Byline:
    """Parse a byline into persons, organisations and a role.

    Args:
        text: The byline text ("Von Anna Muster und Max Mustermann, dpa").

    Returns:
        A ``Byline``; persons are de-duplicated in order. Single-word "names" are
        dropped when a multi-word name is present (they are usually places: "…, Zürich").
    """
    value = _squash(_unglue(_remove_links(text[:MAX_BYLINE_CHARS])))
    if "(" in value:  # every code is in parentheses
        value = BYLINE_CODE_RE.sub(_code_part, value)
    value = _squash(_remove_noise(value))
    if "(" in value:  # "Jane Roe (with John Doe)", "Jane Roe (Reuters)": parts of their own
        value = PAREN_RE.sub(lambda m: f", {m[1] or m[2]},", value.strip())
    value = _strip_prefix(value.strip(_STRIP_CHARS)).strip(_STRIP_CHARS)
    persons: list[str] = []
    orgs: list[str] = []
    role: str | None = None

    bio = BIO_RE.match(value)
    if bio is not None:
        name = normalize_name(_strip_prefix(bio["name"]))
        if name is not None:
            rest = bio["rest"].strip(_STRIP_CHARS + ".")[:MAX_ROLE_CHARS]
            return Byline((name,), (), rest or None)

    inverted = INVERTED_RE.match(value)
    if inverted is not None and not (
        is_organization(inverted["last"]) or is_organization(inverted["first"])
    ):
        name = normalize_name(f"{inverted['first']} {inverted['last']}")
        if name is not None and not any(_is_role_token(t) for t in name.split()):
            return Byline((name,), (), None)

    for raw in _split_parts(value):
        part = LEADING_CONJ_RE.sub("", raw.strip(_STRIP_CHARS))
        part = _strip_prefix(part).strip(_STRIP_CHARS)
        if not part:
            continue
        if part.casefold() in AGENCIES or ("/" in part and is_organization(part)):
            _add_org(orgs, part)
            continue
        if SECTION_PART_RE.match(part):
            continue
        part, suffix_org = _split_agency_suffix(part)
        if suffix_org is not None:
            _add_org(orgs, suffix_org)
        tokens, part_role = _split_role(_undouble(part.split()))
        if part_role is not None and role is None:
            role = part_role
        joined = " ".join(tokens)
        if is_organization(joined):
            _add_org(orgs, joined)
            continue
        named = _name_tokens(tokens)
        if persons and _is_description(tokens[len(named) :]):
            continue
        if part_role is not None and len(named) == 1 and named[0] != named[0].casefold():
            continue  # "Antrim Court Reporter": a desk or a place before the job, no name
        tokens = named
        if not tokens:
            continue
        name = _normalized(" ".join(tokens), joined)
        if name is not None and name not in persons:
            persons.append(name)

    if len(persons) > 1 or orgs:
        multi = [p for p in persons if " " in p]
        if multi or orgs:
            persons = multi
    return Byline(tuple(persons), tuple(orgs), role)
