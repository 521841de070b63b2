"""Boilerplate lines: skip links, ads, share bars, cookie prompts, footers, notices.

Input → output: ``str`` (one element text or one line of a text-browser dump) →
``frozenset[Hint]`` (the kinds of page furniture the line looks like; empty for content);
plus ``editors_from_line``: an "Edited by: …" line → ``tuple[str, ...]`` of names.

Each hint is data (``_RULES``): a compiled pattern, how it must match (the whole line,
the line's start, or anywhere) and the longest line it may apply to. Lines are normalised
first: list bullets and brackets at the start are dropped, whitespace collapsed, case
folded. Only the first ``MAX_LINE_CHARS`` characters are looked at.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import Enum, StrEnum
from itertools import accumulate
from types import MappingProxyType
from typing import Final

from articlekit.patterns.keywords import either_case, phrase_trie
from articlekit.patterns.persons import parse_byline

__all__ = [
    "CASE_TWINS",
    "MAX_LINE_CHARS",
    "Hint",
    "classify",
    "classify_lines",
    "editors_from_line",
    "has_hint",
    "is_advertisement",
    "is_cookie",
    "is_editors",
    "is_feedback",
    "is_footer",
    "is_javascript",
    "is_notice",
    "is_related",
    "is_share",
    "is_skip_link",
    "is_subscribe",
    "prefix_pattern",
]

MAX_LINE_CHARS: Final = 600
"""Only this many leading characters are classified; furniture lines are short."""

SHORT_LINE_CHARS: Final = 80
"""Whole-line furniture (skip links, "Advertisement", share bars) fits in this."""

PROMPT_LINE_CHARS: Final = 240
"""Subscribe, feedback, related and editors lines fit in this."""

PARAGRAPH_LINE_CHARS: Final = 600
"""Cookie banners, notices and JavaScript warnings may be a whole paragraph."""


class Hint(StrEnum):
    """Kinds of page furniture a line can be."""

    SKIP_LINK = "skip_link"
    ADVERTISEMENT = "advertisement"
    SHARE = "share"
    SUBSCRIBE = "subscribe"
    RELATED = "related"
    COOKIE = "cookie"
    FOOTER = "footer"
    EDITORS = "editors"
    NOTICE = "notice"
    FEEDBACK = "feedback"
    JAVASCRIPT = "javascript"


class _Mode(Enum):
    WHOLE = "whole"
    START = "start"
    ANYWHERE = "anywhere"


@dataclass(frozen=True, slots=True)
class _Rule:
    hint: Hint
    pattern: re.Pattern[str]
    mode: _Mode
    max_chars: int
    needles: tuple[str, ...] = ()
    """The (case-folded) line must contain one of these for the pattern to be tried at
    all; a cheap substring test that keeps scanning rules off ordinary lines. Empty:
    always tried."""
    openings: tuple[str, ...] = ()
    """For rules anchored at the line's start on a phrase list (or on alternatives that
    start with literal text): the (lower-case) first ``OPENING_CHARS`` characters of the
    phrases (shorter phrases whole). A line whose first ``OPENING_CHARS`` characters are
    ASCII and that starts with none of these cannot match (ASCII letters have no other
    case-insensitive equivalents in a case-folded line), so the pattern is not tried.
    Empty: always tried."""
    requires: tuple[str, ...] = ()
    """A second pre-test, for patterns that need two kinds of words: ``classify`` and
    ``classify_lines`` try the pattern only on a (normalised) line that also contains
    one of these (``_bound_test``; they are not looked for across a document, and
    ``has_hint`` does without them). Empty: no such test."""


CASE_TWINS: Final = MappingProxyType({"i": "İı", "k": "\u212a", "s": "ſ", "å": "\u212b"})
"""The characters besides a letter's upper and lower case that ``re.IGNORECASE`` matches
to it (dotted and dotless I, the Kelvin sign, the long s, the Ångström sign), which
``_folded_parts`` must know; a test checks every letter of the phrase lists."""
FOLDED_TWINS: Final = "".join(
    t for twins in CASE_TWINS.values() for t in twins if t.casefold() == t
)
"""The characters of ``CASE_TWINS`` that case folding keeps (the dotless ı): in a
case-folded line, a letter of a phrase list matches itself or one of these as
``re.IGNORECASE`` would (no other case of a letter is left; a test checks every code
point against every letter of the phrase lists)."""


def _folded_letter(char: str) -> str:
    """``char`` (a phrase's character) as a pattern matching, in a case-folded line
    (``_normalise``), what ``re.IGNORECASE`` matches there: itself, and its twins that
    folding keeps (``FOLDED_TWINS``: "i" also matches the dotless "ı"). The tries are
    plain literals then, which the engine skips after one comparison (``(?i:x)`` is
    entered and backtracked out of: about twice the time on the rules' lines)."""
    twins = "".join(t for t in CASE_TWINS.get(char, "") if t in FOLDED_TWINS)
    return f"[{re.escape(char)}{twins}]" if twins else re.escape(char)


OPENING_CHARS: Final = 4
"""Leading characters of a line compared with a rule's ``openings`` (four tell "share"
from "she said", where two let every line starting "sh" through to the pattern)."""


@dataclass(frozen=True, slots=True)
class _Phrases:
    """A phrase list of a rule."""

    words: tuple[str, ...]
    """The phrases (lower case), sorted."""
    pattern: str
    """Matches exactly one of the phrases in a case-folded line as ``re.IGNORECASE``
    would (``phrase_trie`` of ``_folded_letter``s), to be compiled without the flag."""
    openings: tuple[str, ...]
    """The first ``OPENING_CHARS`` characters of the phrases (see ``_Rule.openings``)."""


def _phrases(text: str, *, space: str = r"\s") -> _Phrases:
    """The ``|``-separated phrases of ``text`` as a ``_Phrases`` (a space in them matches
    ``space``: one whitespace character, or a pattern of the caller's)."""
    words = tuple(sorted({p.strip() for p in text.split("|") if p.strip()}))
    heads = tuple(sorted({phrase[:OPENING_CHARS] for phrase in words}))
    if any(head != head.lower() for head in heads):
        raise ValueError("phrases must be lower case")
    return _Phrases(words, phrase_trie(words, space, _folded_letter), heads)


def _list_of(phrases: str) -> str:
    """A line made only of the phrases, separated by spaces or | · • / , -."""
    sep = r"\s*(?:[|·•/,–-]\s*)?"
    return rf"(?:{phrases})(?:{sep}(?:{phrases}))*[.!:]?"


_LEAD_RE: Final = re.compile(r"^[\s*•·+\-–—>#\[\](){}|_=~.]+")
_APOSTROPHES: Final = (("’", "'"), ("‘", "'"), ("´", "'"), ("`", "'"), ("\u00a0", " "))
"""Apostrophes written as "'", no-break spaces as " " (``str.replace`` per present mark:
``str.translate`` with a mapping costs ~80 µs on a paragraph with non-ASCII letters)."""


def _plain_apostrophes(text: str, marks: tuple[tuple[str, str], ...] = _APOSTROPHES) -> str:
    """``text`` with the marks of ``_APOSTROPHES`` replaced (only ``marks`` of them are
    looked for: the others are known to be absent)."""
    for mark, plain in marks:
        if mark in text:
            text = text.replace(mark, plain)
    return text


SKIP_PHRASES: Final = _phrases(
    "skip to content|skip to main content|skip to the content|skip to navigation"
    "|skip to main navigation|skip to search|skip to footer|skip to article|skip navigation"
    "|skip to the main content|jump to content|jump to navigation|jump to main content"
    "|zum inhalt springen|zum inhalt|zum hauptinhalt|zum hauptinhalt springen|direkt zum inhalt"
    "|zur hauptnavigation springen|zur hauptnavigation|zur navigation|zur navigation springen"
    "|zur suche|zur suche springen|zum footer|zum seitenende|zum seitenanfang|inhalt anspringen"
    "|navigation überspringen|aller au contenu|aller au contenu principal|aller à la navigation"
    "|passer au contenu|passer au contenu principal|aller à la recherche|ir al contenido"
    "|ir al contenido principal|saltar al contenido|saltar al contenido principal"
    "|ir a la navegación|vai al contenuto|vai al contenuto principale|salta al contenuto"
    "|vai alla navigazione|naar inhoud|naar de inhoud|naar hoofdinhoud|direct naar inhoud"
    "|ga naar inhoud|gå til innhold|gå til hovedinnhold|gå til indhold|hoppa till innehåll"
    "|hoppa till huvudinnehåll|ir para o conteúdo|pular para o conteúdo|saltar para o conteúdo"
)

AD_PHRASES: Final = _phrases(
    "advertisement|advertising|advert|ad|ads|sponsored|sponsored content|paid content"
    "|paid post|promoted|promoted content|story continues below advertisement"
    "|article continues below advertisement|continue reading below|article continues below"
    "|anzeige|werbung|gesponsert|sponsored by|weiter nach der anzeige|weiter nach der werbung"
    "|artikel wird nach der anzeige fortgesetzt|publicité|publicite|contenu sponsorisé"
    "|la suite après la publicité|la suite après cette publicité|publicidad|contenido patrocinado"
    "|continúa después de la publicidad|sigue después de la publicidad|pubblicità"
    "|contenuto sponsorizzato|l'articolo continua dopo la pubblicità|advertentie|annonse"
    "|annons|reklame|reklam|publicidade|patrocinado|ad feedback|story continues below"
    "|this advertisement has not loaded yet|this advertisement has not loaded yet, but your"
    " article continues below|annonsørinnhold|annonsørinnhald|реклама|reklama"
    "|annuncio|annunci|anuncio|advertorial|anzeigen|werbeanzeige"
)

SHARE_WORDS: Final = _phrases(
    "share|share this|share this article|share this story|share this page|share article"
    "|share on facebook|share on twitter|share on x|share on linkedin|share on whatsapp"
    "|share via email|share via e-mail|tweet|post|copy link|copy the link|link copied|copied"
    "|email|e-mail|mail|print|facebook|twitter|x|whatsapp|linkedin|pinterest|reddit"
    "|telegram|messenger|flipboard|xing|threads|bluesky|mastodon|pocket|sms|comments"
    "|teilen|artikel teilen|seite teilen|auf facebook teilen|auf x teilen|bei whatsapp teilen"
    "|link kopieren|link kopiert|drucken|artikel drucken|versenden|per e-mail versenden"
    "|partager|partager cet article|partager sur facebook|partager sur twitter|partager sur x"
    "|copier le lien|lien copié|imprimer|envoyer|compartir|compartir en facebook"
    "|compartir en twitter|compartir en whatsapp|copiar enlace|enlace copiado|imprimir"
    "|enviar|condividi|condividi su facebook|condividi su twitter|condividi su whatsapp"
    "|copia link|copia il link|stampa|invia|delen|deel|del|dela|deel dit artikel|kopieer link"
    "|compartilhar|partilhar|copiar link|del artikkelen|dela artikeln"
)

SUBSCRIBE_WORDS: Final = _phrases(
    "subscribe|subscriber|subscribers|subscription|sign up|abonnieren|abo|jetzt registrieren"
    "|s'abonner|suscripción|suscriptor|suscriptores|suscriptora|suscriptoras|bereits kunde"
    "|iscriviti|abbonati|abbonamento|assine|weiterlesen mit|unlimited access|become a member"
    "|join now|register for free|kostenlos registrieren",
    space=" ",
)
"""Whole words of subscription prompts."""
SUBSCRIBE_STEMS: Final = _phrases(
    "newsletter|abonnent|abonnement|abonnez|abonné|suscrib|suscríb|abonneer|abonnee"
    "|assinante|prenumerera|abonnér",
    space=" ",
)
"""Beginnings of words of subscription prompts."""
SUBSCRIBE_PATTERN: Final = (
    rf"\b(?:{SUBSCRIBE_WORDS.pattern}\b|{SUBSCRIBE_STEMS.pattern}"
    rf"|{_phrases('plus').pattern}\b.{{0,20}}\b{_phrases('lesen|weiterlesen').pattern}\b)"
)
"""A subscription prompt: its words are tries (``_phrases``), so the rule is compiled
without ``re.IGNORECASE``."""

RELATED_PHRASES: Final = _phrases(
    "related|related topics|related articles|related stories|related content|related news"
    "|related coverage|related links|read more|read also|also read|see also|more on this story"
    "|more on this topic|more from|more stories|more news|you may also like|you might also like"
    "|recommended|recommended for you|top stories|most read|most popular|trending|latest news"
    "|ähnliche themen|ähnliche artikel|mehr zum thema|mehr zu diesem thema|lesen sie auch"
    "|lesen sie mehr|auch interessant|das könnte sie auch interessieren"
    "|das könnte sie interessieren"
    "|weitere artikel|weitere themen|meistgelesen|meistgelesene artikel|empfehlungen|mehr dazu"
    "|die redaktion empfiehlt|empfehlungen der redaktion|unsere empfehlungen|editor's picks"
    "|editors' picks|la rédaction vous recommande|nos recommandations|recomendados"
    "|consigliati per te|redactie aanbevolen"
    "|zum thema|à lire aussi|a lire aussi|lire aussi|lire la suite|sur le même sujet"
    "|les plus lus|voir aussi|dans la même rubrique|leer más|lee también|lea también"
    "|te puede interesar|también te puede interesar|más información|noticias relacionadas"
    "|lo más leído|leggi anche|leggi di più|potrebbe interessarti|articoli correlati"
    "|i più letti|lees ook|lees meer|meer over|meest gelezen|les også|les mer|mest lest"
    "|läs också|läs mer|mest läst|læs også|læs mere|leia também|leia mais|saiba mais"
    "|mais lidas|veja também"
    "|read next|what to read next|more trending|trending now|more to explore"
    "|you may also be interested in|more from this section|recommended stories"
    "|weitere nachrichten|mehr aus dem ressort|schlagwörter zu diesem artikel"
    "|à découvrir également|à découvrir aussi|à voir aussi|à lire également|sur le même thème"
    "|te recomendamos|más noticias|también te puede gustar|otras noticias"
    "|ti potrebbe interessare|potrebbe interessarti anche|altri articoli|leggi altro"
    "|mer om|les også disse|fler artiklar|mere om"
    "|you may like|you might like|more for you|around the web|from the web|from around the web"
    "|sponsored links|promoted links|sponsored stories|promoted stories|paid links"
    "|by taboola|recommended by outbrain|sponsored links by taboola|promoted links by taboola"
)

COOKIE_WORDS: Final = _phrases(
    "cookie|cookies|gdpr|dsgvo|accept all|alle akzeptieren|tout accepter|alles accepteren"
    "|privacy settings|privacy preferences|manage preferences|datenschutzeinstellungen"
    "|privatsphäre-einstellungen|paramètres de confidentialité|configuración de privacidad"
    "|impostazioni privacy|impostazioni della privacy|tracking technologies|partner use"
    "|partners use|partner process|partners process",
    space=" ",
)
"""Whole words that only cookie and consent prompts use …"""
COOKIE_STEMS: Final = _phrases("aceptar todo|accetta tutt", space=" ")
"""… and word beginnings."""
COOKIE_PATTERN: Final = rf"\b(?:{COOKIE_WORDS.pattern}\b|{COOKIE_STEMS.pattern})"
"""Words that only cookie and consent prompts use (tries: compiled without
``re.IGNORECASE``)."""

CONSENT_WORDS: Final = _phrases(
    "consent|zustimm|einwillig|consentement|consentimiento|consenso|toestemming|samtykke"
    "|samtycke|consentimento|akzeptieren|accept|accepter|aceptar|accetta|erlauben|allow"
    "|autoriser|permitir|consentire",
    space=" ",
)
DATA_WORDS: Final = _phrases(
    "personenbezogene daten|personal data|personal information|daten an|data to"
    "|données personnelles|datos personales|dati personali|persoonsgegevens|datenschutz"
    "|privacy|confidentialité|privacidad|drittanbieter|third-part|third part|partners"
    "|partnern|partenaires|socios|tracking|externe inhalte|externen inhalten"
    "|external content|contenus externes|contenido externo|contenuti esterni",
    space=" ",
)
CONSENT_PATTERN: Final = rf"^(?=.*?\b{CONSENT_WORDS.pattern}\w*)(?=.*?\b{DATA_WORDS.pattern})"
"""Consent words count only together with data-protection words: "Zustimmung des
Bundestags" is news, "Zustimmung zur Übermittlung von Daten an Dritte" a prompt (the
words are tries, ``_phrases``: compiled without ``re.IGNORECASE``)."""

FOOTER_PHRASES: Final = _phrases(
    "impressum|datenschutz|datenschutzerklärung|datenschutzhinweise|privacy|privacy policy"
    "|privacy notice|cookie policy|cookie settings|terms|terms of use|terms of service"
    "|terms and conditions|terms & conditions|contact|contact us|about|about us|kontakt"
    "|agb|nutzungsbedingungen|barrierefreiheit|accessibility|sitemap|site map|careers|jobs"
    "|karriere|mediadaten|advertise|advertise with us|werben|mentions légales"
    "|politique de confidentialité|conditions générales|cgu|cgv|nous contacter|plan du site"
    "|aviso legal|política de privacidad|política de cookies|contacto|quiénes somos"
    "|note legali|informativa sulla privacy|privacy policy|contatti|chi siamo|colofon"
    "|disclaimer|personvern|integritetspolicy|kontakta oss|kontakt oss|help|hilfe|faq|rss"
    "|ethics|corrections|newsletter|archive|archiv|abo|shop"
)

RIGHTS_WORDS: Final = _phrases(
    "all rights reserved|alle rechte vorbehalten|tous droits réservés"
    "|todos los derechos reservados|tutti i diritti riservati|alle rechten voorbehouden"
    "|todos os direitos reservados|alle rettigheter|alla rättigheter|alle rettigheder",
    space=" ",
)
"""Rights notices of footers."""
RIGHTS_PATTERN: Final = (
    rf"\b{RIGHTS_WORDS.pattern}\b"
    rf"|^{_phrases('©|(c)|copyright').pattern}\s?(?:©\s?)?(?:\d{{4}}|[^\W\d_])"
)
"""A rights notice, or a line opening with a copyright sign and a year or a name (tries:
compiled without ``re.IGNORECASE``)."""

EDITORS_RE: Final = re.compile(
    r"^(?P<label>(?:edited by|editing by|redigiert von|bearbeitet von|édité par|edité par"
    r"|editado por|a cura di|bewerkt door|redigert av|redigerad av|redigeret af)\s?:?"
    r"|(?:editor|editors|redaktion|redaktionelle bearbeitung|édition|edición|edicion"
    r"|redazione|redactie|edição)\s?:)\s*",
    re.IGNORECASE,
)
"""An editors label at the start of a line; one-word labels need a colon."""

NOTICE_PATTERN: Final = (
    r"(?:this|the) (?:article|story|page|post|report) (?:will be|has been|was|is being|is)"
    r" (?:updated|amended|corrected|regularly updated|continuously updated|changed)"
    r"|this is a (?:developing|breaking) (?:story|news story)|developing story"
    r"|correction\s?:|corrections\s?:|clarification\s?:|editor's note\s?:"
    r"|editors' note\s?:|update\s?:|an earlier version of this"
    r"|(?:dieser|der) (?:artikel|text|beitrag) (?:wird|wurde)"
    r" (?:\w+ ){0,5}(?:aktualisiert|ergänzt|korrigiert)"
    r"|korrektur\s?:|anmerkung der redaktion|hinweis der redaktion|in einer früheren version"
    r"|cet article (?:a été|sera|est) (?:\w+ ){0,3}(?:mis à jour|actualisé|corrigé)"
    r"|article mis à jour|note de la rédaction|rectificatif\s?:|mise à jour\s?:"
    r"|este artículo (?:se actualizará|ha sido actualizado|fue actualizado|se está actualizando"
    r"|será actualizado)|noticia en desarrollo|nota del editor|nota de la redacción"
    r"|fe de errores|actualización\s?:"
    r"|questo articolo (?:sarà|è stato|verrà) (?:\w+ ){0,3}aggiornato|notizia in aggiornamento"
    r"|nota della redazione|aggiornamento\s?:"
    r"|dit artikel (?:wordt|is|werd) (?:\w+ ){0,3}bijgewerkt|este artigo (?:será|foi) atualizado"
    r"|artikkelen (?:er|blir) oppdatert|artikeln (?:har|kommer att) uppdater"
)

FEEDBACK_PATTERN: Final = (
    r"send us your feedback|give (?:us )?feedback|share your feedback|feedback\b"
    r"|was this article helpful|did you find this article helpful|report an error"
    r"|report a correction|schicken sie uns ihr feedback|ihr feedback|feedback geben"
    r"|war dieser artikel hilfreich|fehler melden|fehler gefunden|ihre meinung ist gefragt"
    r"|envoyez-nous vos commentaires|donnez votre avis|signaler une erreur|votre avis"
    r"|envíanos tus comentarios|danos tu opinión|reportar un error|inviaci il tuo feedback"
    r"|segnala un errore|dicci la tua|geef feedback|fout gevonden|tips oss|tipsa oss"
)

JAVASCRIPT_WORD: Final = _phrases("javascript")
JAVASCRIPT_STATES: Final = _phrases(
    "enable|enabled|disabled|required|turn on|activate|aktivieren|aktiviert|deaktiviert"
    "|benötigt|erforderlich|activer|activé|désactivé|nécessite|habilitar|habilitado|activar"
    "|deshabilitado|attivare|abilita|abilitare|disattivato|inschakelen|aktivere|aktivera"
    "|ativar",
    space=" ",
)
"""Words saying JavaScript is on, off or needed, after the word."""
JAVASCRIPT_ASKS: Final = _phrases(
    "enable|activate|turn on|aktivieren sie|activez|activa|habilita|abilita|attiva", space=" "
)
"""Words asking to turn JavaScript on, before the word."""
BROWSER_NOTICES: Final = _phrases(
    "browser does not support|browser doesn't support|unsupported browser|noscript", space=" "
)
"""Notices of a browser (or a script) that does not run the page."""
JAVASCRIPT_PATTERN: Final = (
    rf"{JAVASCRIPT_WORD.pattern}.{{0,80}}\b{JAVASCRIPT_STATES.pattern}"
    rf"|{JAVASCRIPT_ASKS.pattern} (?:\w+ ){{0,3}}{JAVASCRIPT_WORD.pattern}"
    rf"|{BROWSER_NOTICES.pattern}"
)
"""A "please enable JavaScript" notice: its words are tries (``_phrases``), so the rule
is compiled without ``re.IGNORECASE`` (a third faster on the lines it is tried on)."""


def _rule(
    hint: Hint,
    pattern: str,
    mode: _Mode,
    max_chars: int,
    needles: tuple[str, ...] = (),
    *,
    openings: tuple[str, ...] = (),
    requires: tuple[str, ...] = (),
    ignore_case: bool = True,
) -> _Rule:
    compiled = re.compile(rf"(?:{pattern})", re.IGNORECASE if ignore_case else 0)
    return _Rule(hint, compiled, mode, max_chars, needles, openings, requires)


SCAN_MIN_CHARS: Final = 4
"""Shortest string looked for in place of several needles (see ``_scan_strings``)."""
SCAN_MAX_CHARS: Final = 6
"""Longest such string other than a needle itself (longer ones are shared by none)."""


def _scan_strings(needles: Iterable[str]) -> Mapping[str, tuple[str, ...]]:
    """Fewer strings to look for in a document than ``needles``, each one contained in
    the needles it stands for: "priva" for "privacy", "privacidad" and "privatsphäre".
    Chosen greedily (the string most of the needles left contain, the longer on a tie),
    each needle left standing for itself. Returns each string → its needles."""
    holders: dict[str, set[str]] = {}
    for needle in needles:
        for size in range(SCAN_MIN_CHARS, SCAN_MAX_CHARS + 1):
            for start in range(len(needle) - size + 1):
                holders.setdefault(needle[start : start + size], set()).add(needle)
    left = set(needles)
    shared = sorted(part for part, holding in holders.items() if len(holding) > 1)
    chosen: dict[str, tuple[str, ...]] = {}
    while shared:
        best = max(shared, key=lambda part: (len(holders[part] & left), len(part)))
        if len(holders[best] & left) < 2:
            break
        chosen[best] = tuple(sorted(holders[best] & left))
        left -= holders[best]
    chosen.update((needle, (needle,)) for needle in sorted(left))
    return MappingProxyType(chosen)


def _folded_parts(phrases: _Phrases) -> tuple[str, ...]:
    """Strings one of which a case-folded line holds wherever the phrases' trie matches
    in it (``_Rule.requires``): of each phrase, its longest part (the first on a tie)
    without a letter that has a twin in ``FOLDED_TWINS``; of those, the ones holding
    none of the others, and these stood for by the strings they share
    (``_scan_strings``)."""
    twinned = "".join(
        letter for letter, twins in CASE_TWINS.items() if set(twins) & set(FOLDED_TWINS)
    )
    split = re.compile(f"[{re.escape(twinned)}]") if twinned else None
    pieces = (split.split(word) if split is not None else [word] for word in phrases.words)
    parts = {max(found, key=len) for found in pieces}
    # a part holding another adds nothing; shared strings stand for several (_scan_strings)
    return tuple(_scan_strings([p for p in parts if not any(q in p for q in parts - {p})]))


def _list_rule(hint: Hint, phrases: _Phrases, max_chars: int) -> _Rule:
    """A rule for a whole line that lists ``phrases`` (``_list_of``); the phrases are
    tries that match a case-folded line, so it is compiled without ``re.IGNORECASE``."""
    return _rule(
        hint,
        _list_of(phrases.pattern),
        _Mode.WHOLE,
        max_chars,
        openings=phrases.openings,
        ignore_case=False,
    )


SUBSCRIBE_NEEDLES: Final = (
    "bereits kunde",
    "subscri",
    "sign up",
    "newsletter",
    "abo",
    "registrieren",
    "suscr",
    "iscriviti",
    "abbona",
    "assin",
    "prenumerera",
    "plus",
    "weiterlesen",
    "unlimited",
    "member",
    "join now",
    "register for free",
)
"""Every alternative of ``SUBSCRIBE_PATTERN`` contains one of these."""

COOKIE_NEEDLES: Final = (
    "cookie",
    "gdpr",
    "dsgvo",
    "accept",
    "akzeptieren",
    "aceptar",
    "accetta",
    "privacy",
    "preferences",
    "datenschutzeinstellungen",
    "privatsphäre",
    "confidentialité",
    "privacidad",
    "impostazioni",
    "tracking",
    "partner",
)
"""Every alternative of ``COOKIE_PATTERN`` contains one of these."""

CONSENT_NEEDLES: Final = (
    "consent",
    "consens",
    "zustimm",
    "einwillig",
    "toestemming",
    "samtyk",
    "samtyc",
    "akzeptier",
    "accept",
    "acept",
    "accett",
    "erlaub",
    "allow",
    "autoris",
    "permit",
)
"""``CONSENT_PATTERN`` needs one of its consent words, each containing one of these."""

RIGHTS_NEEDLES: Final = (
    "rights",
    "rechte",
    "droits",
    "derechos",
    "diritti",
    "direitos",
    "rettighe",
    "rättighe",
    "©",
    "(c)",
    "copyright",
)
"""Every alternative of ``RIGHTS_PATTERN`` contains one of these."""

JAVASCRIPT_NEEDLES: Final = ("javascript", "browser", "noscript")
"""Every alternative of ``JAVASCRIPT_PATTERN`` contains one of these."""

EDITORS_OPENINGS: Final = ("a cu", "bear", "bewe", "edic", "edit", "ediç", "reda", "redi", "édit")
"""Every alternative of ``EDITORS_RE`` starts with one of these (see ``_Rule.openings``)."""

NOTICE_OPENINGS: Final = (
    "actu", "aggi", "an e", "anme", "arti", "cet ", "clar", "corr", "der ", "deve", "dies",
    "dit ", "edit", "este", "fe d", "hinw", "in e", "korr", "mise", "nota", "note", "noti",
    "ques", "rect", "the ", "this", "upda",
)  # fmt: skip
"""Every alternative of ``NOTICE_PATTERN`` starts with one of these."""

FEEDBACK_OPENINGS: Final = (
    "dano", "dicc", "did ", "donn", "envo", "enví", "feed", "fehl", "fout", "geef", "give",
    "ihr ", "ihre", "invi", "repo", "schi", "segn", "send", "shar", "sign", "tips", "votr",
    "war ", "was ",
)  # fmt: skip
"""Every alternative of ``FEEDBACK_PATTERN`` starts with one of these."""


_RULES: Final[tuple[_Rule, ...]] = (
    _list_rule(Hint.SKIP_LINK, SKIP_PHRASES, SHORT_LINE_CHARS * 2),
    _list_rule(Hint.ADVERTISEMENT, AD_PHRASES, SHORT_LINE_CHARS),
    _list_rule(Hint.SHARE, SHARE_WORDS, SHORT_LINE_CHARS * 2),
    _rule(
        Hint.SUBSCRIBE,
        SUBSCRIBE_PATTERN,
        _Mode.ANYWHERE,
        PROMPT_LINE_CHARS,
        SUBSCRIBE_NEEDLES,
        ignore_case=False,  # the words are tries for folded lines (_phrases)
    ),
    _rule(
        Hint.RELATED,
        rf"(?:{RELATED_PHRASES.pattern})(?: (?:{RELATED_PHRASES.pattern}))?(?:\s?[:»>›]|$)",
        _Mode.START,
        PROMPT_LINE_CHARS,
        openings=RELATED_PHRASES.openings,
        ignore_case=False,
    ),
    _rule(
        Hint.COOKIE,
        COOKIE_PATTERN,
        _Mode.ANYWHERE,
        PARAGRAPH_LINE_CHARS,
        COOKIE_NEEDLES,
        ignore_case=False,
    ),
    _rule(
        Hint.COOKIE,
        CONSENT_PATTERN,
        _Mode.START,
        PARAGRAPH_LINE_CHARS,
        CONSENT_NEEDLES,
        requires=_folded_parts(DATA_WORDS),  # (the pattern needs a data word too)
        ignore_case=False,  # the words are tries for folded lines (_phrases)
    ),
    _list_rule(Hint.FOOTER, FOOTER_PHRASES, SHORT_LINE_CHARS * 2),
    _rule(
        Hint.FOOTER,
        RIGHTS_PATTERN,
        _Mode.ANYWHERE,
        PROMPT_LINE_CHARS,
        RIGHTS_NEEDLES,
        ignore_case=False,
    ),
    _rule(
        Hint.EDITORS,
        EDITORS_RE.pattern,
        _Mode.START,
        PROMPT_LINE_CHARS,
        openings=EDITORS_OPENINGS,
    ),
    _rule(Hint.NOTICE, NOTICE_PATTERN, _Mode.START, PARAGRAPH_LINE_CHARS, openings=NOTICE_OPENINGS),
    _rule(
        Hint.FEEDBACK,
        FEEDBACK_PATTERN,
        _Mode.START,
        PROMPT_LINE_CHARS,
        openings=FEEDBACK_OPENINGS,
    ),
    _rule(
        Hint.JAVASCRIPT,
        JAVASCRIPT_PATTERN,
        _Mode.ANYWHERE,
        PARAGRAPH_LINE_CHARS,
        JAVASCRIPT_NEEDLES,
        ignore_case=False,  # the words are tries for folded lines (_phrases)
    ),
)
"""The classification rules, in ``Hint`` order. Several may fire for one line."""


_LEAD_CHARS: Final = "*•·+-–—>#[](){}|_=~."
"""The non-space characters of ``_LEAD_RE``: a line starting with none of them (nor a
space) has nothing to drop, so the substitution is skipped (it runs on every line)."""


def _normalise(text: str, marks: tuple[tuple[str, str], ...] = _APOSTROPHES) -> str:
    """The line as the rules read it (module docstring); ``marks``: the apostrophe marks
    that may be in it (``_plain_apostrophes``)."""
    head = _plain_apostrophes(text[:MAX_LINE_CHARS], marks)
    first = head[:1]
    if first and (first in _LEAD_CHARS or first.isspace()):
        head = _LEAD_RE.sub("", head)  # also every space it starts with
    if head.isprintable() and "  " not in head and head[-1:] != " ":
        return head.casefold()  # no whitespace but single inner spaces: nothing to collapse
    return " ".join(head.split()).casefold()


def _normalise_collapsed(text: str, marks: tuple[tuple[str, str], ...] = _APOSTROPHES) -> str:
    """``_normalise`` of a text whose whitespace is collapsed already (``" ".join(
    text.split()) == text``): the marks hold no whitespace but the no-break space (not in
    such a text) and dropping the lead leaves no space at the start, so the only space to
    drop is one at the end of a cut head, and no whitespace test is needed."""
    head = _plain_apostrophes(text[:MAX_LINE_CHARS], marks)
    first = head[:1]
    if first and (first in _LEAD_CHARS or first.isspace()):
        head = _LEAD_RE.sub("", head)
    return head.casefold() if head[-1:] != " " else head[:-1].casefold()


def _matches(rule: _Rule, line: str) -> bool:
    if not line or len(line) > rule.max_chars:
        return False
    if rule.needles:
        for needle in rule.needles:
            if needle in line:
                break
        else:
            return False
    if rule.mode is _Mode.WHOLE:
        return rule.pattern.fullmatch(line) is not None
    if rule.mode is _Mode.START:
        return rule.pattern.match(line) is not None
    return rule.pattern.search(line) is not None


def _required(
    test: Callable[[str], re.Match[str] | None], parts: tuple[str, ...]
) -> Callable[[str], re.Match[str] | None]:
    """``test``, run only on a line holding one of ``parts`` (``_Rule.requires``)."""

    def gated(line: str) -> re.Match[str] | None:
        for part in parts:
            if part in line:
                return test(line)
        return None

    return gated


def _bound_test(rule: _Rule) -> Callable[[str], re.Match[str] | None]:
    """The bound method of ``rule``'s pattern that its mode calls for, behind its
    ``requires`` pre-test if it has one."""
    test = {
        _Mode.WHOLE: rule.pattern.fullmatch,
        _Mode.START: rule.pattern.match,
        _Mode.ANYWHERE: rule.pattern.search,
    }[rule.mode]
    return _required(test, rule.requires) if rule.requires else test


_TESTS: Final = tuple(
    (
        rule.hint,
        _bound_test(rule),
        rule.max_chars,
        rule.needles,
        rule.mode is _Mode.WHOLE,
        rule.openings,
    )
    for rule in _RULES
)
"""``_RULES`` flattened for ``classify``, which runs them on every line of a dump:
(hint, the pattern's bound test (``_bound_test``), max chars, needles, whole-line rule,
openings)."""
_NO_HINTS: Final[frozenset[Hint]] = frozenset()


def classify(text: str, *, only: frozenset[str] | None = None) -> frozenset[Hint]:
    """Name the kinds of page furniture a line looks like.

    Args:
        text: One line or one element text.
        only: Run only the rules of these hints (the result is ``classify(text) & only``,
            found without the other rules' patterns).

    Returns:
        The matching hints; empty for ordinary content. A text longer than
        ``MAX_LINE_CHARS`` is judged by its start and never gets whole-line hints.
    """
    line = _normalise(text)
    size = len(line)
    if not size:
        return _NO_HINTS
    too_long = len(text.strip()) > MAX_LINE_CHARS
    ascii_head = line[:OPENING_CHARS].isascii()  # the line is case-folded: see _Rule.openings
    hints: list[Hint] = []
    for hint, test, max_chars, needles, whole, openings in _TESTS:  # _matches, inlined: hot
        if size > max_chars or (whole and too_long) or (only is not None and hint not in only):
            continue
        if openings and ascii_head and not line.startswith(openings):
            continue
        if needles:
            for needle in needles:
                if needle in line:
                    break
            else:
                continue
        if test(line) is not None:
            hints.append(hint)
    return frozenset(hints) if hints else _NO_HINTS


def _opening_rules() -> Mapping[str, tuple[int, ...]]:
    found: dict[str, tuple[int, ...]] = {}
    for index, rule in enumerate(_RULES):
        for opening in rule.openings:
            found[opening] = (*found.get(opening, ()), index)
    return MappingProxyType(found)


_OPENING_RULES: Final = _opening_rules()
"""Each opening of a rule (``_Rule.openings``) → the indices in ``_TESTS`` of the rules
having it."""
_WITH_OPENINGS: Final = tuple(i for i, rule in enumerate(_RULES) if rule.openings)
"""Indices of the rules tried only on lines starting with one of their openings."""
_OPENING_MAX_CHARS: Final = max(_RULES[i].max_chars for i in _WITH_OPENINGS)
"""No rule with openings applies to a longer line."""
_OPENING_FIRST_RE: Final = re.compile(
    "["
    + "".join(sorted({re.escape(o[:1]) for i in _WITH_OPENINGS for o in _RULES[i].openings}))
    + "]",
    re.IGNORECASE,
)
"""The first characters of all openings, as the rules' patterns match them (ignoring
case): a rule with openings matches only where one of its phrases (or alternatives)
starts, so a line whose first character this does not match ("□ Menu", "“Quote”")
matches none of those rules."""
if any(not rule.openings and not rule.needles for rule in _RULES):
    raise ValueError("classify_lines tries a rule only where a needle or an opening of it is")


def prefix_pattern(words: Iterable[str], *, ignore_case: bool = False) -> str:
    """A pattern matching where one of ``words`` (non-empty) starts, as a trie of their
    characters: one alternative per distinct character at each depth, so the regex
    engine rules out most positions after one comparison (an alternation of the words
    would try each of them).

    Args:
        words: The words.
        ignore_case: Match each character as ``re.IGNORECASE`` would, by a class of its
            cases (``[iIİı]``): unlike the flag, this lets the engine skip an
            alternative after one comparison.
    """
    rests: dict[str, set[str]] = {}
    for word in words:
        if not word:
            return ""  # an empty word starts everywhere: the longer ones add nothing
        rests.setdefault(word[0], set()).add(word[1:])
    branches = [
        (either_case(first) if ignore_case else re.escape(first))
        + prefix_pattern(rest, ignore_case=ignore_case)
        for first, rest in sorted(rests.items())
    ]
    return branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"


_OPENING_LINE_RE: Final = re.compile(
    r"\n(?="
    + prefix_pattern(o for i in _WITH_OPENINGS for o in _RULES[i].openings)
    + rf"|(?=(?i:{_OPENING_FIRST_RE.pattern}))[^\n]{{0,{OPENING_CHARS - 1}}}[^\x00-\x7f])"
)
"""In normalised lines joined by newlines (one before the first line too): the newline
before each line that starts with an opening of a rule (``_Rule.openings``), or whose
first ``OPENING_CHARS`` characters are not all ASCII and whose first character
``_OPENING_FIRST_RE`` matches; a rule with openings is tried on no other line
(``classify``)."""


def _needle_rules() -> Mapping[int, Mapping[str, tuple[int, ...]]]:
    found: dict[int, dict[str, tuple[int, ...]]] = {}
    for index, rule in enumerate(_RULES):
        for needle in rule.needles:
            if "\n" in needle:
                raise ValueError("needles are looked for in lines joined by newlines")
            limit = max(r.max_chars for r in _RULES if needle in r.needles)
            by_needle = found.setdefault(limit, {})
            by_needle[needle] = (*by_needle.get(needle, ()), index)
    return MappingProxyType({k: MappingProxyType(v) for k, v in found.items()})


_NEEDLE_RULES: Final = _needle_rules()
"""Longest line → each needle of the rules applying to lines up to that long (none
applies to a longer one) → the indices of the rules having it."""

_SCANS: Final = MappingProxyType({limit: _scan_strings(n) for limit, n in _NEEDLE_RULES.items()})
"""Longest line → ``_scan_strings`` of the needles in ``_NEEDLE_RULES`` under it."""

SCAN_GROUP_MIN: Final = 3
"""Scan strings starting with one character are looked for in one pass of a pattern
(``prefix_pattern``) when there are at least this many; fewer are found faster one by
one (``str.find``)."""


def _scan_passes(
    scans: Mapping[str, tuple[str, ...]],
) -> tuple[tuple[str | re.Pattern[str], tuple[str, ...]], ...]:
    """The passes over a document that find the scan strings ``scans`` (a string or a
    pattern to look for), each with the needles its strings stand for."""
    by_first: dict[str, list[str]] = {}
    for scan in scans:
        by_first.setdefault(scan[0], []).append(scan)
    passes: list[tuple[str | re.Pattern[str], tuple[str, ...]]] = []
    for group in by_first.values():
        if len(group) >= SCAN_GROUP_MIN:
            needles = tuple(needle for scan in group for needle in scans[scan])
            passes.append((re.compile(prefix_pattern(group)), needles))
        else:
            passes.extend((scan, scans[scan]) for scan in group)
    return tuple(passes)


_SCAN_PASSES: Final = MappingProxyType(
    {limit: _scan_passes(scans) for limit, scans in _SCANS.items()}
)
"""Longest line → ``_scan_passes`` of its ``_SCANS``."""


def _find(text: str, scan: str | re.Pattern[str], start: int) -> int:
    """Where ``scan`` (a string or a pattern) is first found in ``text`` from ``start``,
    or ``-1``."""
    if isinstance(scan, str):
        return text.find(scan, start)
    found = scan.search(text, start)
    return -1 if found is None else found.start()


if OPENING_CHARS != 4:  # classify_lines looks the four prefixes up one by one
    raise ValueError("classify_lines looks up prefixes of 1 to 4 characters")


def _joined(lines: Sequence[str]) -> tuple[str, list[int]]:
    """The lines joined by newlines, with one before the first line, and where each of
    those newlines is (line ``k`` follows position ``starts[k]``)."""
    starts = list(accumulate((len(line) + 1 for line in lines[:-1]), initial=0))
    return "\n" + "\n".join(lines), starts


def _needled(lines: Sequence[str], joined: str, starts: list[int]) -> dict[int, set[int]]:
    """Line index → the rules with a needle in that line (lines longer than all the
    rules of a needle are not searched for it). The scan strings (``_SCANS``) are looked
    for in the joined lines (of the lines short enough for their rules), one pass each
    or per group (``_SCAN_PASSES``); in a line holding one, their needles are looked
    for one by one."""
    needled: dict[int, set[int]] = {}
    longest = max(map(len, lines), default=0)
    for limit, passes in _SCAN_PASSES.items():
        rules_of = _NEEDLE_RULES[limit]
        text, offsets = joined, starts
        if longest > limit:
            text, offsets = _joined([line if len(line) <= limit else "" for line in lines])
        for scan, needles in passes:
            pos = _find(text, scan, 0)
            while pos >= 0:
                k = bisect_right(offsets, pos) - 1
                for needle in needles:
                    if needle in lines[k]:
                        needled.setdefault(k, set()).update(rules_of[needle])
                if k + 1 == len(offsets):
                    break
                pos = _find(text, scan, offsets[k + 1])
    return needled


def classify_lines(texts: Sequence[str], *, collapsed: bool = False) -> list[frozenset[Hint]]:
    """``classify`` of many texts (the lines of one document) at once.

    The result is ``[classify(text) for text in texts]``, found with work on few lines:
    the normalised lines are joined by newlines (a normalised line has none); the lines
    holding a needle are found in a few passes over the joined lines (``_needled``) and
    the lines that may start with an opening in one (``_OPENING_LINE_RE``); only on those
    lines are the rules selected as ``classify`` does (a needle rule where one of its
    needles is, a rule with openings by one dictionary lookup per prefix length) and
    tried.

    Args:
        texts: The texts, each one line or one element text.
        collapsed: Every text has its whitespace collapsed already (each run of it one
            space, none at the ends), as the text tokenizer's paragraphs have: they are
            normalised without looking for whitespace (``_normalise_collapsed``).

    Returns:
        The hints of each text, in order.
    """
    document = "\n".join(texts)
    marks = tuple(pair for pair in _APOSTROPHES if pair[0] in document)
    # (two comprehensions, not one through a chosen function: the compiled build calls
    # a function held in a variable through Python's call protocol)
    if collapsed:
        lines = [_normalise_collapsed(text, marks) for text in texts]
    else:
        lines = [_normalise(text, marks) for text in texts]
    joined, starts = _joined(lines)
    needled = _needled(lines, joined, starts)
    openers = {bisect_right(starts, m.start()) - 1 for m in _OPENING_LINE_RE.finditer(joined)}
    out = [_NO_HINTS] * len(lines)
    opening_rules = _OPENING_RULES.get
    for k in needled.keys() | openers:
        line = lines[k]
        size = len(line)
        if not size:
            continue
        found: tuple[int, ...] = ()
        if k not in openers or size > _OPENING_MAX_CHARS:
            pass  # starts with no opening, or longer than every rule with openings may be
        elif line[:OPENING_CHARS].isascii():  # see _Rule.openings (OPENING_CHARS is 4)
            found = (
                opening_rules(line[:1], ())
                + opening_rules(line[:2], ())
                + opening_rules(line[:3], ())
                + opening_rules(line[:4], ())
            )
        elif _OPENING_FIRST_RE.match(line) is not None:
            found = _WITH_OPENINGS
        tried = needled.get(k)
        if tried is None:
            if not found:
                continue
            tried = set(found)
        else:
            tried.update(found)
        too_long = len(texts[k].strip()) > MAX_LINE_CHARS
        hints = []
        for r in tried:
            hint, test, max_chars, _, whole, _ = _TESTS[r]
            if size <= max_chars and not (whole and too_long) and test(line) is not None:
                hints.append(hint)
        if hints:
            out[k] = frozenset(hints)
    return out


def has_hint(text: str, hint: Hint) -> bool:
    """Tell whether ``classify(text)`` would contain ``hint`` (only that rule is run)."""
    line = _normalise(text)
    too_long = len(text.strip()) > MAX_LINE_CHARS
    return any(
        rule.hint is hint and not (too_long and rule.mode is _Mode.WHOLE) and _matches(rule, line)
        for rule in _RULES
    )


def is_skip_link(text: str) -> bool:
    """ "Skip to content", "Zum Inhalt springen", "Aller au contenu" …"""
    return has_hint(text, Hint.SKIP_LINK)


def is_advertisement(text: str) -> bool:
    """ "Advertisement", "Anzeige", "Publicité", "Publicidad", "Pubblicità" …"""
    return has_hint(text, Hint.ADVERTISEMENT)


def is_share(text: str) -> bool:
    """Share bars: "Share", "Teilen", "Facebook Twitter E-Mail", "Copy link" …"""
    return has_hint(text, Hint.SHARE)


def is_subscribe(text: str) -> bool:
    """Newsletter and subscription prompts."""
    return has_hint(text, Hint.SUBSCRIBE)


def is_related(text: str) -> bool:
    """ "Related topics", "Mehr zum Thema", "Lire aussi", "Leggi anche" …"""
    return has_hint(text, Hint.RELATED)


def is_cookie(text: str) -> bool:
    """Cookie, consent and privacy-settings prompts."""
    return has_hint(text, Hint.COOKIE)


def is_footer(text: str) -> bool:
    """Copyright lines and legal/contact navigation ("Impressum", "Privacy policy")."""
    return has_hint(text, Hint.FOOTER)


def is_editors(text: str) -> bool:
    """Lines starting with an editors label ("Edited by:", "Redaktion:", "A cura di")."""
    return has_hint(text, Hint.EDITORS)


def is_notice(text: str) -> bool:
    """Update and correction notes ("This story has been updated", "Korrektur:")."""
    return has_hint(text, Hint.NOTICE)


def is_feedback(text: str) -> bool:
    """Feedback prompts ("Send us your feedback", "Fehler melden")."""
    return has_hint(text, Hint.FEEDBACK)


def is_javascript(text: str) -> bool:
    """ "Please enable JavaScript" warnings."""
    return has_hint(text, Hint.JAVASCRIPT)


def editors_from_line(text: str) -> tuple[str, ...]:
    """Names after an editors label.

    Args:
        text: A line such as "Edited by: Jane Doe and John Roe".

    Returns:
        The person names, or an empty tuple when the line has no editors label.
    """
    head = _LEAD_RE.sub("", _plain_apostrophes(text[:MAX_LINE_CHARS])).strip()
    m = EDITORS_RE.match(head)
    if m is None:
        return ()
    return parse_byline(head[m.end() :]).persons
