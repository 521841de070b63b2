"""Dates in running text and in metadata values.

Input → output: ``str`` (a dateline, a byline, a paragraph, a ``<meta>`` value) →
``tuple[DateMatch, ...]`` (every date found, with its character span) or, for one
metadata value, ``date | datetime | None``.

Precision is kept as the source gave it: a date without a time is a ``date`` (midnight is
never invented), a time without a zone gives a naive ``datetime``, a numeric offset or a
zone word from the small explicit table ``ZONE_OFFSETS`` gives an aware ``datetime``.

Relative expressions ("2 hours ago", "vor 3 Stunden", "hier à 14h13") are resolved only
when the caller passes ``reference_time``; day-level expressions give a ``date``, hour- and
minute-level ones a ``datetime``, both in ``reference_time``'s zone.

Every pattern is linear-time safe: bounded repetitions only, no nested unbounded
quantifiers, and the scanned text is capped at ``MAX_SCAN_CHARS``.
"""

from __future__ import annotations

import email.utils
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo
from types import MappingProxyType
from typing import Final

from dateutil import parser as du_parser
from dateutil import tz as du_tz

from articlekit._fastinit import fast_frozen_init
from articlekit.patterns._needles import holds, lowered
from articlekit.patterns.keywords import phrase_trie

__all__ = [
    "MAX_SCAN_CHARS",
    "MAX_VALUE_CHARS",
    "MAX_YEAR",
    "MIN_YEAR",
    "TEXT_MAX_YEAR",
    "TEXT_MIN_YEAR",
    "ZONE_OFFSETS",
    "DateMatch",
    "DateutilZones",
    "find_dates",
    "from_rfc2822",
    "may_hold_date",
    "parse_date_string",
    "reads_day_order",
]

MAX_SCAN_CHARS: Final = 1_000_000
"""find_dates looks at this many leading characters only (bounds time on huge inputs)."""

MAX_VALUE_CHARS: Final = 120
"""A metadata date value longer than this is not a date value (and dateutil gets slow)."""

MIN_YEAR: Final = 1990
"""Metadata dates before this year are taken as garbage (defaults, epoch zero, typos)."""

MAX_YEAR: Final = 2100
"""Metadata dates after this year are taken as garbage."""

TEXT_MIN_YEAR: Final = 1900
"""Dates in running text may be historical, but numbers before this are rarely dates."""

TEXT_MAX_YEAR: Final = 2100
"""Upper bound for years found in running text."""

TWO_DIGIT_YEAR_PIVOT: Final = 70
"""Two-digit years below this are 20xx, the others 19xx ("24" → 2024, "98" → 1998)."""

MAX_RELATIVE_AMOUNT: Final = 1000
"""A relative amount above this ("5000 hours ago") is not a dateline."""

_UTC: Final = UTC

ZONE_OFFSETS: Final[Mapping[str, int]] = MappingProxyType(
    {
        "Z": 0,
        "GMT": 0,
        "UTC": 0,
        "UT": 0,
        "WET": 0,
        "WEST": 60,
        "BST": 60,
        "CET": 60,
        "MEZ": 60,
        "CEST": 120,
        "MESZ": 120,
        "EET": 120,
        "OEZ": 120,
        "EEST": 180,
        "OESZ": 180,
        "MSK": 180,
        "EST": -300,
        "EDT": -240,
        "CDT": -300,
        "MST": -420,
        "MDT": -360,
        "PST": -480,
        "PDT": -420,
        "JST": 540,
        "KST": 540,
        "HKT": 480,
        "SGT": 480,
        "AEST": 600,
        "AEDT": 660,
    }
)
"""Zone abbreviations with one unambiguous fixed offset, in minutes east of UTC.

Deliberately absent: ``CST`` (China or US Central) and ``IST`` (India, Ireland or Israel).
``ET`` and ``PT`` are resolved with the US daylight-saving rule, see ``_US_ZONES``.
"""

_US_ZONES: Final[Mapping[str, tuple[int, int]]] = MappingProxyType(
    {"ET": (-300, -240), "CT": (-360, -300), "MT": (-420, -360), "PT": (-480, -420)}
)
"""US generic zones: (standard, daylight) offsets in minutes, chosen by the date."""

# --- month and weekday names ------------------------------------------------------------

_MONTH_NAMES: Final[Mapping[str, int]] = MappingProxyType(
    {
        # English
        "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3,
        "april": 4, "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7,
        "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9, "october": 10,
        "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
        # German
        "januar": 1, "jänner": 1, "jän": 1, "februar": 2, "feber": 2, "märz": 3,
        "maerz": 3, "mär": 3, "mai": 5, "juni": 6, "juli": 7, "oktober": 10, "okt": 10,
        "dezember": 12, "dez": 12,
        # French
        "janvier": 1, "janv": 1, "février": 2, "fevrier": 2, "févr": 2, "fevr": 2,
        "fév": 2, "mars": 3, "avril": 4, "avr": 4, "juin": 6, "juillet": 7, "juil": 7,
        "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11,
        "décembre": 12, "decembre": 12, "déc": 12,
        # Spanish
        "enero": 1, "ene": 1, "febrero": 2, "marzo": 3, "abril": 4, "abr": 4, "mayo": 5,
        "junio": 6, "julio": 7, "agosto": 8, "ago": 8, "septiembre": 9, "setiembre": 9,
        "octubre": 10, "noviembre": 11, "diciembre": 12, "dic": 12,
        # Italian
        "gennaio": 1, "gen": 1, "febbraio": 2, "aprile": 4, "maggio": 5, "mag": 5,
        "giugno": 6, "giu": 6, "luglio": 7, "lug": 7, "settembre": 9, "set": 9,
        "sett": 9, "ottobre": 10, "ott": 10, "dicembre": 12,
        # Dutch
        "januari": 1, "februari": 2, "maart": 3, "mrt": 3, "mei": 5, "augustus": 8,
        # Portuguese
        "janeiro": 1, "fevereiro": 2, "fev": 2, "março": 3, "marco": 3, "maio": 5,
        "junho": 6, "julho": 7, "setembro": 9, "outubro": 10, "out": 10,
        "novembro": 11, "dezembro": 12,
        # Scandinavian
        "marts": 3, "maj": 5, "augusti": 8, "desember": 12, "des": 12,
        # Russian (genitive, as in dates, and nominative)
        "января": 1, "февраля": 2, "марта": 3, "апреля": 4, "мая": 5, "июня": 6,
        "июля": 7, "августа": 8, "сентября": 9, "октября": 10, "ноября": 11,
        "декабря": 12, "январь": 1, "февраль": 2, "март": 3, "апрель": 4, "май": 5,
        "июнь": 6, "июль": 7, "август": 8, "сентябрь": 9, "октябрь": 10, "ноябрь": 11,
        "декабрь": 12, "янв": 1, "фев": 2, "апр": 4, "авг": 8, "сент": 9, "окт": 10,
        "нояб": 11, "дек": 12,
        # Ukrainian (genitive)
        "січня": 1, "лютого": 2, "березня": 3, "квітня": 4, "травня": 5, "червня": 6,
        "липня": 7, "серпня": 8, "вересня": 9, "жовтня": 10, "листопада": 11,
        "грудня": 12,
        # Polish (genitive)
        "stycznia": 1, "lutego": 2, "marca": 3, "kwietnia": 4, "maja": 5, "czerwca": 6,
        "lipca": 7, "sierpnia": 8, "września": 9, "października": 10, "listopada": 11,
        "grudnia": 12,
        # Czech (genitive)
        "ledna": 1, "února": 2, "března": 3, "dubna": 4, "května": 5, "června": 6,
        "července": 7, "srpna": 8, "září": 9, "října": 10, "listopadu": 11,
        "prosince": 12,
        # Turkish
        "ocak": 1, "şubat": 2, "nisan": 4, "mayıs": 5, "haziran": 6, "temmuz": 7,
        "ağustos": 8, "eylül": 9, "ekim": 10, "kasım": 11, "aralık": 12,
        # Finnish (partitive, as in dates)
        "tammikuuta": 1, "helmikuuta": 2, "maaliskuuta": 3, "huhtikuuta": 4,
        "toukokuuta": 5, "kesäkuuta": 6, "heinäkuuta": 7, "elokuuta": 8, "syyskuuta": 9,
        "lokakuuta": 10, "marraskuuta": 11, "joulukuuta": 12,
        # Greek (genitive)
        "ιανουαρίου": 1, "φεβρουαρίου": 2, "μαρτίου": 3, "απριλίου": 4, "μαΐου": 5,
        "ιουνίου": 6, "ιουλίου": 7, "αυγούστου": 8, "σεπτεμβρίου": 9, "οκτωβρίου": 10,
        "νοεμβρίου": 11, "δεκεμβρίου": 12,
        # Arabic (Egyptian/Gulf names, and Levantine single-word names)
        "يناير": 1, "فبراير": 2, "مارس": 3, "أبريل": 4, "ابريل": 4, "مايو": 5,
        "يونيو": 6, "يوليو": 7, "أغسطس": 8, "اغسطس": 8, "سبتمبر": 9, "أكتوبر": 10,
        "اكتوبر": 10, "نوفمبر": 11, "ديسمبر": 12, "شباط": 2, "آذار": 3, "نيسان": 4,
        "أيار": 5, "حزيران": 6, "تموز": 7, "أيلول": 9,
    }
)  # fmt: skip
"""Month names and abbreviations (casefolded) in en, de, fr, es, it, nl, pt, sv, da, no,
ru, uk, pl, cs, tr, fi, el and ar (month names in dates are mostly genitive in the Slavic
languages, Finnish and Greek)."""

_WEEKDAY_NAMES: Final = (
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue",
    "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "montag", "dienstag",
    "mittwoch", "donnerstag", "freitag", "samstag", "sonnabend", "sonntag", "mo", "di", "mi",
    "do", "fr", "sa", "so", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi",
    "dimanche", "lun", "mar", "mer", "jeu", "ven", "sam", "dim", "lunes", "martes",
    "miércoles", "miercoles", "jueves", "viernes", "sábado", "sabado", "domingo", "lunedì",
    "lunedi", "martedì", "martedi", "mercoledì", "mercoledi", "giovedì", "giovedi", "venerdì",
    "venerdi", "sabato", "domenica", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag",
    "zaterdag", "zondag", "segunda-feira", "terça-feira", "quarta-feira", "quinta-feira",
    "sexta-feira", "måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag",
    "mandag", "tirsdag", "lørdag", "søndag",
)  # fmt: skip
"""Weekday names and abbreviations in the supported languages."""


def _alternation(words: Iterator[str] | tuple[str, ...] | list[str]) -> str:
    """Regex alternation of literal words, longest first so prefixes never win early."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


_MONTH_ALT: Final = phrase_trie(_MONTH_NAMES, letter=re.escape)
"""The month names as one trie (``keywords.phrase_trie``, its letters plain: the
patterns around it are compiled with ``re.IGNORECASE``). It matches what their flat
alternation matches, but the engine enters one branch per distinct next letter, where
it entered every one of the 242 names of the flat alternation wherever a month could
start (under the flag, neither skips a branch by its first letter)."""
_MONTH_BY_FOLD: Final[Mapping[str, int]] = MappingProxyType(
    {name.casefold(): month for name, month in _MONTH_NAMES.items()}
)
"""``_MONTH_NAMES`` keyed by ``str.casefold()`` of each name: the keys are written as
dates print them (for ``_MONTH_ALT``), and a few are not stable under casefolding
(Greek "μαΐου": ``casefold`` decomposes the "ΐ")."""
_WEEKDAY_ALT: Final = phrase_trie(_WEEKDAY_NAMES, letter=re.escape)
_ZONE_ALT: Final = _alternation([*ZONE_OFFSETS, *_US_ZONES])

_NOT_LETTER_AFTER: Final = r"(?![^\W\d_])"
_NOT_LETTER_BEFORE: Final = r"(?<![^\W\d_])"
_DATE_DAY: Final = r"\d(?:(?<![\d.]\d)|(?<=(?<!\d)\d{5}))\d?"
"""The one or two digits of a day that starts a date: after a character that is no digit
and no dot, or right after a glued 4-digit year (lynx duplicates).

The tests of the character before the day are written after its first digit, as
lookbehinds that span that digit too, so that the patterns open with a digit: ``re``
then scans a text for digits and tries a pattern only there. A pattern that opens with
an assertion has no first character to scan for, so it is tried at every position (4-8×
slower on a page's text). ``_YEAR_FIRST`` (``ISO_RE``, ``NUMERIC_YMD_RE``) and
``NUMERIC_SLASH_RE`` open alike; the tests compare every match with the patterns written
lookbehind first."""

WEEKDAY_BEFORE_RE: Final = re.compile(
    rf"{_NOT_LETTER_BEFORE}(?:{_WEEKDAY_ALT})\.?,?\s{{1,3}}$", re.IGNORECASE
)
"""A weekday right before a date ("Tuesday, "); searched only in a short window, because an
optional leading alternation would be tried at every position of the text."""

WEEKDAY_WINDOW_CHARS: Final = 24
"""Characters before a date searched for a weekday name."""

_WORD_GATE: Final = r"(?:(?<![^\W\d_])|(?-i:(?<=[a-zäöüéèàç])(?=[A-ZÄÖÜÉ])))(?=[^\W\d_]{3})"
"""At a word start with at least three letters: lets scans skip non-words quickly. A
capital glued to a lower-case letter starts a word too ("2 minute readApril 25")."""

_YEAR_END: Final = r"(?:(?!\d)|(?=\d{1,2}:\d{2}))"
"""A 4-digit year ends at a non-digit, or where a text browser glued a time to it
("April 25, 20232:26 PM")."""

_YEAR_FIRST: Final = r"(?P<y>\d(?<![\d.]\d)\d{3})"
"""The year that opens a year-first date, after a character that is no digit and no dot
(written digit first, like ``_DATE_DAY``)."""

ISO_RE: Final = re.compile(
    _YEAR_FIRST + r"-(?P<mo>\d{2})-(?P<d>\d{2})"
    r"(?:[T ](?P<h>\d{2}):(?P<mi>\d{2})(?::(?P<s>\d{2})(?:[.,](?P<frac>\d{1,9}))?)?"
    r"\s?(?P<tz>Z|[+-]\d{2}(?::?\d{2})?)?)?(?![\d])"
)
"""ISO 8601 calendar date, optionally with time and offset."""

NUMERIC_DMY_RE: Final = re.compile(
    rf"(?P<d>{_DATE_DAY})" + r"(?P<sep>[.\-])\s?(?P<mo>\d{1,2})(?P=sep)\s?"
    r"(?P<y>\d{4}(?!\d)|\d{4}(?=\d{1,2}[.\-])|\d{2}(?![\d]|\.\d))"
)
"""Day-first numeric dates: 30.01.2024, 30.01.24, 30-01-2024 (also glued to a duplicate)."""

NUMERIC_SLASH_RE: Final = re.compile(
    r"(?P<a>\d(?<![\d/]\d)\d?)/(?P<b>\d{1,2})/(?P<y>\d{4}|\d{2})(?![\d/])"
)
"""Slashed numeric dates whose order (d/m or m/d) is decided by the numbers."""

NUMERIC_YMD_RE: Final = re.compile(
    _YEAR_FIRST + r"(?P<sep>[./])(?P<mo>\d{1,2})(?P=sep)(?P<d>\d{1,2})(?![\d])(?!\.\d)"
)
"""Year-first numeric dates: 2024.01.30, 2024/01/30."""

_DIGIT_RE: Final = re.compile(r"\d")
"""A digit, as the date patterns' ``\\d`` reads one (any script's decimal digits): each
absolute date pattern needs one, so a text without is not scanned for them."""
_RFC2822_ZONE_END_RE: Final = re.compile(r"[+-]\d{4}$|GMT$|UT$")
"""The zone an RFC 2822 date without a comma ends with (``… 10:00:00 GMT``)."""

CJK_RE: Final = re.compile(r"(?P<y>\d{4})\s?年\s?(?P<mo>\d{1,2})\s?月\s?(?P<d>\d{1,2})\s?日")
"""Chinese/Japanese style 2025年1月27日."""

_NUMBER_FOLLOWS: Final = r"(?=[^\W\d_]{3,20}+\.?\s{1,3}\d)"
"""A word followed by a number: only there is the long list of month names tried."""

_DAY_TO_YEAR: Final = r"(?:st|nd|rd|th)?,?\s{1,3}"
"""Between the day and the year of a month-first date ("4th, 2025")."""
_DAY_TO_MONTH: Final = r"(?:\.|er|º|°|st|nd|rd|th)?\s{0,3}(?:de\s{1,3})?"
"""Between the day and the month of a day-first date ("4. ", "1er ", "4 de ")."""

MONTH_DAY_YEAR_RE: Final = re.compile(
    rf"{_WORD_GATE}{_NUMBER_FOLLOWS}(?P<mon>{_MONTH_ALT})\.?\s{{1,3}}(?P<d>\d{{1,2}})"
    rf"{_DAY_TO_YEAR}(?P<y>\d{{4}})" + _YEAR_END,
    re.IGNORECASE,
)
"""English order: February 4, 2025 / Feb. 4, 2025 / Tuesday, Feb 4 2025."""

YEAR_DIGITS_RE: Final = re.compile(r"\d{4}")
"""Four digits in a row: a date with its month's name (``MONTH_DAY_YEAR_RE``,
``DAY_MONTH_YEAR_RE``) has them, its year."""
DAY_YEAR_GATE: Final = re.compile(rf"\d{_DAY_TO_YEAR}\d{{4}}", re.IGNORECASE)
"""What every ``MONTH_DAY_YEAR_RE`` match holds after its month: the day's last digit
and the year, joined by the pattern's own ``_DAY_TO_YEAR``. A text without it is not
searched for that order (the search of a pattern that starts with lookarounds is tried
at every position)."""

DAY_MONTH_YEAR_RE: Final = re.compile(
    rf"(?P<d>{_DATE_DAY}){_DAY_TO_MONTH}(?=[^\W\d_]{{3}})(?P<mon>{_MONTH_ALT}){_NOT_LETTER_AFTER}"
    + rf"(?:\s{{0,2}}/\s{{0,2}}(?:{_MONTH_ALT}){_NOT_LETTER_AFTER})?"
    + r"\.?,?\s{1,3}(?:del?\s{1,3})?(?P<y>\d{4})"
    + _YEAR_END,
    re.IGNORECASE,
)
"""Day-first with a month name: 4 February 2025, 4. Februar 2025, 4 de febrero de 2025,
and the Arabic pair of a Levantine and an international name: 24 نيسان / أبريل 2020."""

TIME_TAIL_RE: Final = re.compile(
    r"(?:\s{0,3}(?:,|\bum\b|\bat\b|\bà\b|\ba las\b|\balle\b|\bore\b|\bkl\.?|\bom\b|\bàs\b"
    r"|-|–|\||/|·)?\s{0,3})"
    r"(?P<h>\d{1,2})(?:(?P<hs>[:.h])(?P<mi>\d{2})(?::(?P<s>\d{2})(?:[.,]\d{1,9})?)?)?"
    r"(?!\.?\d)"
    r"(?:\s?(?P<ap>[ap])\.?\s?m\.?(?![^\W\d_]))?"
    r"(?:\s?(?P<unit>Uhr|h|hrs?|horas?)(?![^\W\d_]))?"
    rf"(?:\s{{0,2}}(?:(?P<zone>{_ZONE_ALT})(?![^\W\d_])"
    r"(?:\s?(?P<zoff>[+-]\d{1,2})(?::?(?P<zoffm>\d{2}))?)?|(?P<off>[+-]\d{2}:?\d{2})))?",
    re.IGNORECASE,
)
"""A time (and zone) directly after a date: "14:13", ", 14.13 Uhr", "at 2:13 p.m. EST"."""

_AMOUNT_WORDS: Final[Mapping[str, int]] = MappingProxyType(
    {
        "a": 1, "an": 1, "one": 1, "ein": 1, "eine": 1, "einer": 1, "einem": 1,
        "un": 1, "une": 1, "una": 1, "uno": 1, "um": 1, "een": 1, "én": 1,
        "two": 2, "zwei": 2, "deux": 2, "dos": 2, "due": 2, "twee": 2,
    }
)  # fmt: skip
_AMOUNT: Final = (
    r"(?=[^\W_])(?P<n>(?<!\d)\d{1,4}|(?<![^\W_])(?:" + _alternation(list(_AMOUNT_WORDS)) + r"))"
)
"""An amount: digits (may be glued to a preceding name) or a number word."""

_UNIT_MINUTES: Final[tuple[tuple[re.Pattern[str], int], ...]] = (
    (re.compile(r"^(?:min|mins|minute|minutes|minuten|minuto|minutos|minuti|minuter|"
                r"minutter|minutt|minut)\.?$", re.I), 1),
    (re.compile(r"^(?:h|hr|hrs|hour|hours|std|stunde|stunden|heure|heures|hora|horas|"
                r"ora|ore|uur|timme|timmar|time|timer)\.?$", re.I), 60),
    (re.compile(r"^(?:d|day|days|tag|tage|tagen|jour|jours|día|días|dia|dias|giorno|"
                r"giorni|dag|dagen|dagar|dage|døgn)$", re.I), 60 * 24),
    (re.compile(r"^(?:week|weeks|woche|wochen|semaine|semaines|semana|semanas|"
                r"settimana|settimane|weken|vecka|veckor|uge|uger|uke|uker)$", re.I),
     60 * 24 * 7),
)  # fmt: skip
"""Unit words of relative expressions and their length in minutes."""

_UNIT_END: Final = rf"(?:{_NOT_LETTER_AFTER}|(?=(?:vor|hace|il y a|há|for|för)\s))"
"""End of a relative unit; a text browser may glue the next copy on ("vor 3 Stundenvor 3
Stunden")."""

_UNIT_ALT: Final = (
    r"(?=[^\W\d_])(?P<unit>min(?:ute[ns]?|uto?s|uti|uter|utter|utt?)?\.?|h|hrs?|hours?|std\.?|"
    r"stunden?|heures?|horas?|or[ae]|uur|timm(?:e|ar)|timer?|d|days?|tag(?:e|en)?|"
    r"jours?|d[ií]as?|giorn[oi]|dag(?:en|ar|e)?|døgn|weeks?|wochen?|semaines?|semanas?|"
    r"settiman[ae]|weken|veck(?:a|or)|uger?|uker?)"
)

RELATIVE_RES: Final[tuple[re.Pattern[str], ...]] = (
    re.compile(rf"{_AMOUNT}\s{{0,2}}{_UNIT_ALT}\s{{1,3}}(?:ago|fa|geleden)\b", re.I),
    re.compile(rf"(?:\b|(?<=[nge]))vor\s{{1,3}}{_AMOUNT}\s{{1,3}}{_UNIT_ALT}{_UNIT_END}", re.I),
    re.compile(rf"\bil\s+y\s+a\s{{1,3}}{_AMOUNT}\s{{0,2}}{_UNIT_ALT}{_UNIT_END}", re.I),
    re.compile(rf"\bhace\s{{1,3}}{_AMOUNT}\s{{0,2}}{_UNIT_ALT}{_UNIT_END}", re.I),
    re.compile(rf"(?<![^\W\d_])há\s{{1,3}}{_AMOUNT}\s{{0,2}}{_UNIT_ALT}{_UNIT_END}", re.I),
    re.compile(
        rf"\b(?:för|for)\s{{1,3}}{_AMOUNT}\s{{0,2}}{_UNIT_ALT}\s{{1,3}}(?:sedan|siden)\b", re.I
    ),
)
"""Relative expressions "N units ago" in en, de, fr, es, it, nl, pt, sv, da/no."""
_RELATIVE_NEEDLES: Final[tuple[tuple[str, ...], ...]] = (
    ("ago", "fa", "geleden"), ("vor",), ("il",), ("hace",), ("há",), ("sedan", "siden"),
)  # fmt: skip
"""For each of ``RELATIVE_RES``, words one of which every match holds (``_needles``)."""

_DAY_OFFSETS: Final[Mapping[str, int]] = MappingProxyType(
    {
        "today": 0, "heute": 0, "aujourd'hui": 0, "aujourd’hui": 0, "hoy": 0, "oggi": 0,
        "vandaag": 0, "hoje": 0, "idag": 0, "i dag": 0,
        "yesterday": -1, "gestern": -1, "ayer": -1, "ieri": -1, "gisteren": -1,
        "ontem": -1, "igår": -1, "i går": -1,
        "vorgestern": -2, "avant-hier": -2, "anteayer": -2, "l'altro ieri": -2,
        "l’altro ieri": -2, "eergisteren": -2, "day before yesterday": -2,
        "the day before yesterday": -2,
    }
)  # fmt: skip
"""Day words and their offset in days. French "hier" is handled by ``HIER_RE``."""

DAY_WORD_RE: Final = re.compile(
    rf"{_NOT_LETTER_BEFORE}(?=[^\W\d_]{{3}})(?P<word>{_alternation(list(_DAY_OFFSETS))})"
    rf"{_NOT_LETTER_AFTER}",
    re.IGNORECASE,
)
"""Unambiguous day words (today, gestern, ayer …)."""
_DAY_WORDS: Final = tuple(_DAY_OFFSETS)
"""Every ``DAY_WORD_RE`` match is one of these (``_needles``)."""

HIER_RE: Final = re.compile(
    r"(?:^|(?<=publié )|(?<=mis à jour ))\s*(?P<word>hier)(?=\s*(?:$|à\s?\d|,\s?\d))",
    re.IGNORECASE | re.MULTILINE,
)
"""French "hier" (yesterday) only where it cannot be German "hier" (here): alone on a
line, after "publié"/"mis à jour", or before a time."""

_AMOUNT_PATTERNS: Final = tuple(zip(RELATIVE_RES, _RELATIVE_NEEDLES, strict=True))
"""Each of ``RELATIVE_RES`` with its needles."""
_DAY_PATTERNS: Final = ((DAY_WORD_RE, _DAY_WORDS), (HIER_RE, ("hier",)))
"""The day-word patterns with their needles."""
_RELATIVE_PATTERNS: Final = (*_AMOUNT_PATTERNS, *_DAY_PATTERNS)
"""Every pattern a relative date is read with, and its needles (``may_hold_date``)."""

_US_DST_START_MONTH: Final = 3
_US_DST_END_MONTH: Final = 11
_SUNDAY: Final = 6


@fast_frozen_init
@dataclass(frozen=True, slots=True)
class DateMatch:
    """One date found in text.

    Attributes:
        value: A ``date`` when no time was given, else a ``datetime`` (aware when a zone
            or offset was given, or when resolved against an aware ``reference_time``).
        start: Start offset of the match in the input string.
        end: End offset (exclusive).
        relative: True when resolved from a relative expression ("2 hours ago").
    """

    value: date | datetime
    start: int
    end: int
    relative: bool


def _year(text: str) -> int:
    value = int(text)
    if len(text) == 2:
        return 2000 + value if value < TWO_DIGIT_YEAR_PIVOT else 1900 + value
    return value


def _make_date(year: int, month: int, day: int) -> date | None:
    if not TEXT_MIN_YEAR <= year <= TEXT_MAX_YEAR:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _nth_sunday(year: int, month: int, n: int) -> date:
    first = date(year, month, 1)
    offset = (_SUNDAY - first.weekday()) % 7
    return first + timedelta(days=offset + 7 * (n - 1))


def _us_offset(zone: str, day: date) -> int:
    standard, daylight = _US_ZONES[zone]
    start = _nth_sunday(day.year, _US_DST_START_MONTH, 2)
    end = _nth_sunday(day.year, _US_DST_END_MONTH, 1)
    return daylight if start <= day < end else standard


def _parse_offset(text: str) -> timezone | None:
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    hours = int(digits[:2]) if len(digits) >= 2 else int(digits)
    minutes = int(digits[2:4]) if len(digits) >= 4 else 0
    if hours > 14 or minutes > 59:
        return None
    return timezone(sign * timedelta(hours=hours, minutes=minutes))


def _zone(m: re.Match[str], day: date) -> tzinfo | None:
    if m.group("off"):
        return _parse_offset(m.group("off"))
    zone = m.group("zone")
    if not zone:
        return None
    upper = zone.upper()
    if upper in _US_ZONES:
        minutes = _us_offset(upper, day)
    elif upper in ZONE_OFFSETS:
        minutes = ZONE_OFFSETS[upper]
    else:
        return None
    if zone != upper and upper not in {"Z"}:
        # "est", "pt" in lower case are ordinary words far more often than zones.
        return None
    extra = m.group("zoff")
    if extra:
        sign = -1 if extra[0] == "-" else 1
        hours = int(extra[1:])
        more = int(m.group("zoffm") or 0)
        if hours > 14:
            return None
        minutes += sign * (hours * 60 + more)
    return timezone(timedelta(minutes=minutes))


def _time_after(text: str, pos: int, day: date) -> tuple[datetime, int] | None:
    """Parse a time directly after ``pos``; return the datetime and the new end."""
    m = TIME_TAIL_RE.match(text, pos)
    if m is None:
        return None
    hour = int(m.group("h"))
    minute = int(m.group("mi") or 0)
    second = int(m.group("s") or 0)
    ampm = (m.group("ap") or "").lower()
    unit = (m.group("unit") or "").lower()
    separator = m.group("hs")
    if m.group("mi") is None and not ampm and unit not in {"uhr", "h"}:
        return None
    if separator == "." and not ampm and unit not in {"uhr", "h"}:
        return None
    if ampm:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if ampm == "p" else 0)
    if hour > 23 or minute > 59 or second > 59:
        return None
    tz = _zone(m, day)
    end = m.end()
    if tz is None and (m.group("zone") or m.group("off")):
        end = m.start("zone") if m.group("zone") else m.start("off")
        end = len(text[:end].rstrip())
    return datetime.combine(day, time(hour, minute, second), tzinfo=tz), end


@fast_frozen_init
@dataclass(frozen=True, slots=True)
class _Candidate:
    value: date | datetime
    start: int
    end: int
    relative: bool


def _with_time(text: str, start: int, end: int, day: date) -> _Candidate:
    window_start = max(0, start - WEEKDAY_WINDOW_CHARS)
    weekday = WEEKDAY_BEFORE_RE.search(text, window_start, start)
    if weekday is not None:
        start = weekday.start()
    timed = _time_after(text, end, day)
    if timed is None:
        return _Candidate(day, start, end, False)
    return _Candidate(timed[0], start, timed[1], False)


def _iso_candidates(text: str) -> Iterator[_Candidate]:
    if "-" not in text:  # (each pattern below is only run on text with its separator)
        return
    for m in ISO_RE.finditer(text):
        day = _make_date(int(m["y"]), int(m["mo"]), int(m["d"]))
        if day is None:
            continue
        if m["h"] is None:
            yield _with_time(text, m.start(), m.end(), day)
            continue
        hour, minute, second = int(m["h"]), int(m["mi"]), int(m["s"] or 0)
        if hour > 23 or minute > 59 or second > 59:
            yield _Candidate(day, m.start(), m.start() + 10, False)
            continue
        micro = int((m["frac"] or "0")[:6].ljust(6, "0"))
        tz: tzinfo | None = None
        if m["tz"]:
            tz = _UTC if m["tz"] == "Z" else _parse_offset(m["tz"])
        value = datetime.combine(day, time(hour, minute, second, micro), tzinfo=tz)
        yield _Candidate(value, m.start(), m.end(), False)


def _numeric_candidates(text: str, *, prefer_dayfirst: bool | None) -> Iterator[_Candidate]:
    for m in NUMERIC_DMY_RE.finditer(text) if "." in text or "-" in text else ():
        day = _make_date(_year(m["y"]), int(m["mo"]), int(m["d"]))
        if day is not None:
            yield _with_time(text, m.start(), m.end(), day)
    slashed = "/" in text
    for m in NUMERIC_YMD_RE.finditer(text) if slashed or "." in text else ():
        day = _make_date(int(m["y"]), int(m["mo"]), int(m["d"]))
        if day is not None:
            yield _with_time(text, m.start(), m.end(), day)
    for m in CJK_RE.finditer(text) if "年" in text else ():
        day = _make_date(int(m["y"]), int(m["mo"]), int(m["d"]))
        if day is not None:
            yield _with_time(text, m.start(), m.end(), day)
    for m in NUMERIC_SLASH_RE.finditer(text) if slashed else ():
        a, b, year = int(m["a"]), int(m["b"]), _year(m["y"])
        if a > 12 >= b:
            day = _make_date(year, b, a)
        elif b > 12 >= a or a == b:
            day = _make_date(year, a, b)
        elif prefer_dayfirst is None:
            continue
        else:
            day = _make_date(year, b, a) if prefer_dayfirst else _make_date(year, a, b)
        if day is not None:
            yield _with_time(text, m.start(), m.end(), day)


MONTH_LEAD_CHARS: Final = max(map(len, _MONTH_NAMES)) + 5
"""The most characters a ``MONTH_DAY_YEAR_RE`` match holds before its day's last digit:
the longest month name, a dot, three spaces and the day's first digit."""
MONTH_WINDOWS_MIN_CHARS: Final = 200
"""Texts at least this long are searched for month-first dates window by window
(``_month_first``); a shorter one (a line) is searched whole, which costs less than the
calls of its windows (in the pure-Python build, twice less on the text-article lines)."""


def _month_first(text: str) -> list[re.Match[str]]:
    """``MONTH_DAY_YEAR_RE.finditer(text)``; in a text of ``MONTH_WINDOWS_MIN_CHARS`` or
    more, the pattern tried only in the ``MONTH_LEAD_CHARS`` before each day followed by
    a year (``DAY_YEAR_GATE``), 4× faster on the readability pages' text.

    The pattern opens with assertions (a word start, a number after the word), so a
    search tries it at every position of the text. But every match holds a match of the
    gate that starts at its day's last digit, and the gate's search finds that one: no
    gate match found before it can reach over that digit, whose run of digits (the day,
    after a space) is too short for a gate's year. So a match starts within
    ``MONTH_LEAD_CHARS`` before a gate match found, and the pattern is tried at each
    of those positions, in order, as a search would. The first match found in a window
    is the one holding its gate (one holding an earlier gate was found in that gate's
    window), so it ends past the window; positions after one window and before the
    next can start no match."""
    if len(text) < MONTH_WINDOWS_MIN_CHARS:
        return [] if DAY_YEAR_GATE.search(text) is None else list(MONTH_DAY_YEAR_RE.finditer(text))
    found: list[re.Match[str]] = []
    pos = 0
    for gate in DAY_YEAR_GATE.finditer(text):
        day = gate.start()
        for start in range(max(pos, day - MONTH_LEAD_CHARS), day):
            match = MONTH_DAY_YEAR_RE.match(text, start)
            if match is not None:
                found.append(match)
                pos = match.end()
                break
    return found


def _named_candidates(text: str) -> Iterator[_Candidate]:
    if YEAR_DIGITS_RE.search(text) is None:
        return  # (each pattern below has its year; the month names cost it on any text)
    for matches in (_month_first(text), DAY_MONTH_YEAR_RE.finditer(text)):
        for m in matches:
            month = _MONTH_BY_FOLD.get(m["mon"].casefold())
            if month is None:
                continue
            day = _make_date(int(m["y"]), month, int(m["d"]))
            if day is not None:
                yield _with_time(text, m.start(), m.end(), day)


def _unit_minutes(unit: str) -> int | None:
    for regex, minutes in _UNIT_MINUTES:
        if regex.match(unit):
            return minutes
    return None


def _relative_candidates(text: str, reference: datetime) -> Iterator[_Candidate]:
    low = lowered(text)
    for regex, needles in _AMOUNT_PATTERNS:
        if not holds(low, needles):
            continue
        for m in regex.finditer(text):
            amount_text = m["n"].casefold()
            amount = int(amount_text) if amount_text.isdigit() else _AMOUNT_WORDS.get(amount_text)
            minutes = _unit_minutes(m["unit"])
            if amount is None or minutes is None or amount > MAX_RELATIVE_AMOUNT:
                continue
            if minutes >= 60 * 24:
                value: date | datetime = reference.date() - timedelta(minutes=amount * minutes)
            else:
                value = reference - timedelta(minutes=amount * minutes)
            yield _Candidate(value, m.start(), m.end(), True)
    for regex, needles in _DAY_PATTERNS:
        if not holds(low, needles):
            continue
        for m in regex.finditer(text):
            word = m["word"].casefold()
            offset = -1 if word == "hier" else _DAY_OFFSETS.get(word)
            if offset is None:
                continue
            day = reference.date() + timedelta(days=offset)
            timed = _time_after(text, m.end(), day)
            if timed is None:
                yield _Candidate(day, m.start("word"), m.end(), True)
                continue
            value_dt, end = timed
            if value_dt.tzinfo is None and reference.tzinfo is not None:
                value_dt = value_dt.replace(tzinfo=reference.tzinfo)
            elif value_dt.tzinfo is not None and reference.tzinfo is not None:
                value_dt = value_dt.astimezone(reference.tzinfo)
            yield _Candidate(value_dt, m.start("word"), end, True)


def _select(candidates: list[_Candidate]) -> tuple[DateMatch, ...]:
    """Keep the longest of overlapping candidates, earliest first."""
    ordered = sorted(candidates, key=lambda c: (c.start, -(c.end - c.start)))
    chosen: list[_Candidate] = []
    for cand in ordered:
        if chosen and cand.start < chosen[-1].end:
            if cand.end - cand.start > chosen[-1].end - chosen[-1].start:
                chosen[-1] = cand
            continue
        chosen.append(cand)
    return tuple(DateMatch(c.value, c.start, c.end, c.relative) for c in chosen)


def find_dates(
    text: str,
    *,
    reference_time: datetime | None = None,
    prefer_dayfirst: bool | None = None,
) -> tuple[DateMatch, ...]:
    """Find absolute (and, given ``reference_time``, relative) dates in text.

    Args:
        text: Any text; only the first ``MAX_SCAN_CHARS`` characters are scanned.
        reference_time: "Now" for relative expressions; without it they are ignored.
        prefer_dayfirst: How to read ambiguous slashed dates such as ``03/04/2025``:
            True → day first, False → month first, None (default) → skip them.

    Returns:
        Non-overlapping matches in text order.
    """
    scanned = text[:MAX_SCAN_CHARS]
    candidates: list[_Candidate] = []
    if _DIGIT_RE.search(scanned) is not None:  # every absolute date has a digit
        candidates.extend(_iso_candidates(scanned))
        candidates.extend(_numeric_candidates(scanned, prefer_dayfirst=prefer_dayfirst))
        candidates.extend(_named_candidates(scanned))
    if reference_time is not None:
        candidates.extend(_relative_candidates(scanned, reference_time))
    return _select(candidates)


def may_hold_date(text: str, *, relative: bool = True) -> bool:
    """Whether ``find_dates(text, …)`` may find a date: with a reference time, or, with
    ``relative=False``, without one (then only absolute dates are read).

    A pre-test for callers that would run ``find_dates`` on many lines: it is True when
    the text ``find_dates`` scans holds a digit (every absolute date has one) or, with
    ``relative``, a match of a pattern that relative dates are read with ("an hour
    ago", "vor einer Stunde", "hace una hora", "anteayer"); each pattern is searched only
    in a text holding one of its needles. When it is False, ``find_dates`` finds nothing.
    """
    scanned = text[:MAX_SCAN_CHARS]
    if _DIGIT_RE.search(scanned) is not None:
        return True
    if not relative:
        return False
    low = lowered(scanned)
    for regex, needles in _RELATIVE_PATTERNS:
        if holds(low, needles) and regex.search(scanned) is not None:
            return True
    return False


def reads_day_order(text: str) -> bool:
    """Whether ``find_dates(text, prefer_dayfirst=…)`` may depend on ``prefer_dayfirst``:
    it reads the day order only of a slashed numeric date (``NUMERIC_SLASH_RE``) whose
    numbers do not decide it (the branches of ``_numeric_candidates``), so a text without
    one gives the same matches whatever the order."""
    if "/" not in text:
        return False
    for m in NUMERIC_SLASH_RE.finditer(text[:MAX_SCAN_CHARS]):
        a, b = int(m["a"]), int(m["b"])
        if not (a > 12 >= b or b > 12 >= a or a == b):  # (the numbers decide the order)
            return True
    return False


# --- metadata values ----------------------------------------------------------------------

COMPACT_DATE_RE: Final = re.compile(r"^(?P<y>\d{4})(?P<mo>\d{2})(?P<d>\d{2})$")
"""Compact ISO basic date: 20250204."""

BARE_DATE_RE: Final = re.compile(r"^\d{4}-\d{2}-\d{2}$")
"""An ISO date without a time."""


def _in_bounds(value: date | datetime) -> bool:
    return MIN_YEAR <= value.year <= MAX_YEAR


def _from_iso(value: str) -> date | datetime | None:
    try:
        if BARE_DATE_RE.match(value):
            return date.fromisoformat(value)
        return datetime.fromisoformat(value)
    except ValueError:
        return None


def from_rfc2822(value: str) -> datetime | None:
    """RFC 2822 text (``Tue, 30 Jan 2024 10:00:00 GMT``) → datetime, else ``None``."""
    if "," not in value and not _RFC2822_ZONE_END_RE.search(value):
        return None
    try:
        parsed = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    return parsed


class DateutilZones:
    """The zone of a date dateutil reads, as its ``tzinfos`` callable: ``(name, offset)``
    → a fixed zone, or ``None`` (the time stays naive).

    A name in ``names`` (abbreviation → UTC offset in seconds) is that offset; otherwise
    an offset dateutil read (UTC, GMT and Z are 0) is that offset; otherwise there is no
    zone. Given no callable, dateutil reads a name it does not know as the machine's
    local zone when the machine's own zone has that name (``time.tzname``), and warns
    about any other; a warning can only be kept quiet by changing the process-wide
    filters (``warnings.catch_warnings``), which threads parsing at once undo for each
    other. Read this way, the result is the same on every machine and nothing warns.
    """

    def __init__(self, names: Mapping[str, int] = MappingProxyType({})) -> None:
        self.names = names

    def __call__(self, name: str | None, offset: int | None) -> tzinfo | None:
        # (the zone objects dateutil builds itself for a name in a mapping, for UTC
        # and for an offset: the same values, down to their class)
        if name is not None and name in self.names:
            return du_tz.tzoffset(name, self.names[name])
        if offset == 0:
            return du_tz.UTC
        if offset:
            return du_tz.tzoffset(name, offset)
        return None


_NO_NAMED_ZONES: Final = DateutilZones()
"""``DateutilZones`` of the offsets dateutil reads itself (UTC, GMT, Z, ``+01:00``)."""


def _from_dateutil(value: str) -> date | datetime | None:
    """Parse with dateutil, refusing to invent missing date parts or a midnight."""
    first_default = datetime(2001, 1, 1, 1, 1, 1)
    second_default = datetime(2002, 2, 2, 2, 2, 2)
    try:
        first = du_parser.parse(value, default=first_default, tzinfos=_NO_NAMED_ZONES)
        second = du_parser.parse(value, default=second_default, tzinfos=_NO_NAMED_ZONES)
    except (ValueError, OverflowError, TypeError, AttributeError, IndexError):
        return None
    if first.date() != second.date():
        return None
    if first.time() != second.time():
        if (first.hour, first.minute) != (second.hour, second.minute):
            return first.date()
        first = first.replace(second=0)
    result: datetime = first
    return result


def parse_date_string(text: str) -> date | datetime | None:
    """Parse one metadata date value (``<meta>``, JSON-LD, ``<time datetime>``).

    Accepts ISO 8601 and its common variants ("2025-02-04 14:13:12.269000+00:00",
    "2024-01-30T14:13:12Z"), compact "20250204", RFC 2822 ("Tue, 04 Feb 2025 10:00:00
    +0100"), the textual forms ``find_dates`` knows, and finally whatever dateutil reads
    without inventing a missing day. Never raises.

    Args:
        text: The value.

    Returns:
        A ``date`` for date-only values, a ``datetime`` otherwise (aware when the value
        carried an offset), or None when unparseable or outside ``MIN_YEAR``–``MAX_YEAR``.
    """
    value = " ".join(text.split())
    if not value or len(value) > MAX_VALUE_CHARS:
        return None
    result: date | datetime | None = None
    compact = COMPACT_DATE_RE.match(value)
    if compact:
        try:
            result = date(int(compact["y"]), int(compact["mo"]), int(compact["d"]))
        except ValueError:
            return None
    if result is None:
        result = _from_iso(value)
    if result is None:
        result = from_rfc2822(value)
    if result is None:
        matches = find_dates(value)
        if matches and matches[0].end - matches[0].start >= len(value) // 2:
            result = matches[0].value
    if result is None and any(ch.isdigit() for ch in value):
        result = _from_dateutil(value)
    if result is None or not _in_bounds(result):
        return None
    return result
