"""Scoring primitives: (gold value, predicted value) → per-document score → corpus aggregate.

The rules follow ``shared/corpora/README.md`` ("Scoring rules") so that figures compare
with published ones:

* Body text (and summaries/excerpts): shingle matching as in the Zyte
  article-extraction benchmark. Tokens are the ``\\w+`` runs (Unicode, case kept);
  shingles are 4-token windows counted as a multiset (a text of fewer than 4 tokens
  makes one shorter shingle, an empty text none). Per document tp/fp/fn are divided by
  their sum so every document weighs the same. Precision is averaged over documents
  with ``tp + fp > 0``, recall over documents with ``tp + fn > 0``, and F1 is the
  harmonic mean of the two averages. "Accuracy" is the share of documents whose token
  lists are identical.
* Sets (authors, topics): per-document set precision/recall over normalised strings,
  averaged like the shingle scores (precision over documents that predicted
  something, recall over documents whose gold is non-empty), plus the share of
  documents whose sets are equal.
* Exact strings (titles): equal after NFC and whitespace collapsing.
* Dates: the calendar day, taken in the gold's UTC offset when the gold has one.

Nothing here reads files or knows about extractors; every function is pure.
"""

from __future__ import annotations

import re
import statistics
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

SHINGLE_SIZE = 4
"""Tokens per shingle (Zyte benchmark)."""

INSTANT_TOLERANCE = timedelta(seconds=1)
"""Two aware datetimes are "the same instant" when closer than this (gold sometimes
carries milliseconds that a page's markup rounds away)."""

_TOKEN_RE = re.compile(r"\w+")
_SPACE_RE = re.compile(r"\s+")
_LEADING_BY_RE = re.compile(r"^by\b[\s:]*", re.IGNORECASE)
_NAME_EDGE_PUNCT = " \t\n,;:.|-–—/·•()[]"

Shingle = tuple[str, ...]


# --------------------------------------------------------------------------- normalisation


def normalise_text(text: str) -> str:
    """NFC, collapse every whitespace run to one space, strip the ends."""
    return _SPACE_RE.sub(" ", unicodedata.normalize("NFC", text)).strip()


def normalise_name(name: str) -> str:
    """Normalise a person's name (or a credit) for set comparison.

    NFC, whitespace collapse, case-folding, a leading "By" removed, and punctuation
    trimmed from both ends ("By Jane Doe," → "jane doe").
    """
    text = normalise_text(name)
    text = _LEADING_BY_RE.sub("", text)
    return text.strip(_NAME_EDGE_PUNCT).casefold()


def normalise_names(names: Iterable[str]) -> frozenset[str]:
    """Normalised set of names, empty results dropped."""
    return frozenset(n for n in (normalise_name(x) for x in names) if n)


# --------------------------------------------------------------------------- shingles


def tokenize(text: str) -> list[str]:
    """The ``\\w+`` runs of ``text`` (Unicode-aware, case kept)."""
    return _TOKEN_RE.findall(text)


def shingles(tokens: Sequence[str], size: int = SHINGLE_SIZE) -> Counter[Shingle]:
    """Multiset of ``size``-token windows; fewer tokens make one shorter shingle."""
    if not tokens:
        return Counter()
    if len(tokens) < size:
        return Counter([tuple(tokens)])
    return Counter(tuple(tokens[i : i + size]) for i in range(len(tokens) - size + 1))


@dataclass(frozen=True, slots=True)
class ShingleScore:
    """One document's shingle match, tp/fp/fn normalised to sum to 1 (or all 0).

    Attributes:
        tp: Share of matched shingles.
        fp: Share of predicted shingles beyond the gold's counts.
        fn: Share of gold shingles the prediction lacks.
        identical: The two token lists are equal.
    """

    tp: float
    fp: float
    fn: float
    identical: bool

    @property
    def precision(self) -> float | None:
        """Per-document precision, ``None`` when the prediction is empty."""
        if self.tp + self.fp == 0:
            return None
        if self.fp == 0 and self.fn == 0:
            return 1.0
        return self.tp / (self.tp + self.fp)

    @property
    def recall(self) -> float | None:
        """Per-document recall, ``None`` when the gold is empty."""
        if self.tp + self.fn == 0:
            return None
        if self.fp == 0 and self.fn == 0:
            return 1.0
        return self.tp / (self.tp + self.fn)


def shingle_score(gold: str, predicted: str) -> ShingleScore:
    """Score one document's predicted text against its gold text."""
    gold_tokens = tokenize(gold)
    pred_tokens = tokenize(predicted)
    gold_sh = shingles(gold_tokens)
    pred_sh = shingles(pred_tokens)
    tp = sum((gold_sh & pred_sh).values())
    fp = sum((pred_sh - gold_sh).values())
    fn = sum((gold_sh - pred_sh).values())
    total = tp + fp + fn
    identical = gold_tokens == pred_tokens
    if total == 0:
        return ShingleScore(0.0, 0.0, 0.0, identical)
    return ShingleScore(tp / total, fp / total, fn / total, identical)


@dataclass(frozen=True, slots=True)
class PRF:
    """Corpus-level precision/recall/F1 plus an exact-match share.

    Attributes:
        precision: Mean per-document precision (``None``: no document predicted anything).
        recall: Mean per-document recall (``None``: no document had gold).
        f1: Harmonic mean of the two means; 0.0 when either is ``None`` or both are 0.
        accuracy: Share of documents matching exactly (identical token lists / equal sets).
        n: Documents scored.
    """

    precision: float | None
    recall: float | None
    f1: float
    accuracy: float | None
    n: int


def _mean(values: Iterable[float | None]) -> float | None:
    present = [v for v in values if v is not None]
    return statistics.fmean(present) if present else None


def _harmonic(p: float | None, r: float | None) -> float:
    if p is None or r is None or p + r == 0:
        return 0.0
    return 2 * p * r / (p + r)


def aggregate_shingles(scores: Sequence[ShingleScore]) -> PRF:
    """Corpus P/R/F1 and accuracy from per-document shingle scores."""
    precision = _mean(s.precision for s in scores)
    recall = _mean(s.recall for s in scores)
    accuracy = _mean(float(s.identical) for s in scores)
    return PRF(precision, recall, _harmonic(precision, recall), accuracy, len(scores))


# --------------------------------------------------------------------------- sets


@dataclass(frozen=True, slots=True)
class SetScore:
    """One document's set comparison.

    Attributes:
        precision: |P ∩ G| / |P|, ``None`` when nothing was predicted.
        recall: |P ∩ G| / |G|, ``None`` when the gold set is empty.
        exact: P == G (two empty sets are equal).
    """

    precision: float | None
    recall: float | None
    exact: bool


def set_score(gold: Iterable[str], predicted: Iterable[str]) -> SetScore:
    """Compare two collections of names/tags after :func:`normalise_name`."""
    g = normalise_names(gold)
    p = normalise_names(predicted)
    hit = len(g & p)
    return SetScore(
        precision=hit / len(p) if p else None,
        recall=hit / len(g) if g else None,
        exact=g == p,
    )


def aggregate_sets(scores: Sequence[SetScore]) -> PRF:
    """Corpus P/R/F1 (means over documents where defined) and exact-set share."""
    precision = _mean(s.precision for s in scores)
    recall = _mean(s.recall for s in scores)
    accuracy = _mean(float(s.exact) for s in scores)
    return PRF(precision, recall, _harmonic(precision, recall), accuracy, len(scores))


# --------------------------------------------------------------------------- exact strings


def exact_match(gold: str, predicted: str | None) -> bool:
    """Equal after NFC and whitespace collapse; a missing prediction never matches."""
    if predicted is None:
        return False
    return normalise_text(gold) == normalise_text(predicted)


def share(values: Iterable[bool | None]) -> float | None:
    """Share of ``True`` among the non-``None`` values (``None`` if there are none)."""
    return _mean(None if v is None else float(v) for v in values)


# --------------------------------------------------------------------------- dates


def parse_gold_date(value: str) -> datetime | date:
    """Parse a gold date: ISO 8601 with a time (→ ``datetime``) or a bare day (→ ``date``)."""
    text = value.strip()
    if len(text) == len("YYYY-MM-DD"):
        return date.fromisoformat(text)
    return datetime.fromisoformat(text)


def predicted_day(predicted: datetime | date, gold: datetime | date) -> date:
    """The predicted calendar day, in the gold's offset when both are offset-aware.

    Aware predictions are converted into the gold's offset first; naive datetimes and
    bare dates are taken as they are.
    """
    if isinstance(predicted, datetime):
        if predicted.tzinfo is not None and isinstance(gold, datetime) and gold.tzinfo is not None:
            return predicted.astimezone(gold.tzinfo).date()
        return predicted.date()
    return predicted


def date_day_match(gold: datetime | date, predicted: datetime | date | None) -> bool:
    """The prediction names the gold's calendar day."""
    if predicted is None:
        return False
    gold_day = gold.date() if isinstance(gold, datetime) else gold
    return predicted_day(predicted, gold) == gold_day


def gold_has_instant(gold: datetime | date) -> bool:
    """The gold pins an instant (a time with an offset), so instants can be compared."""
    return isinstance(gold, datetime) and gold.tzinfo is not None


def date_instant_match(gold: datetime | date, predicted: datetime | date | None) -> bool:
    """Both are aware datetimes within :data:`INSTANT_TOLERANCE` of each other."""
    if not (gold_has_instant(gold) and isinstance(predicted, datetime)):
        return False
    if predicted.tzinfo is None:
        return False
    assert isinstance(gold, datetime)
    return abs(predicted - gold) < INSTANT_TOLERANCE


# --------------------------------------------------------------------------- found-shares


@dataclass(frozen=True, slots=True)
class FoundCount:
    """How many gold strings (captions, credits) appear among the predicted ones."""

    found: int
    total: int


def found_count(gold: Iterable[str], predicted: Iterable[str]) -> FoundCount:
    """Count distinct gold strings equal (NFC, whitespace, case-folded) to a predicted one."""
    g = {normalise_text(x).casefold() for x in gold} - {""}
    p = {normalise_text(x).casefold() for x in predicted}
    return FoundCount(found=len(g & p), total=len(g))


def pooled_share(counts: Iterable[FoundCount]) -> float | None:
    """Found / total pooled over documents (``None`` when no gold strings)."""
    found = total = 0
    for c in counts:
        found += c.found
        total += c.total
    return found / total if total else None


# --------------------------------------------------------------------------- shown dates

MONTH_NAMES: tuple[tuple[str, ...], ...] = (
    # en, de, fr, es, it, pt, nl, da/no, sv, is, id, lt (nominative / genitive), tr,
    # ru (genitive / nominative), uk (genitive / nominative), pl (genitive)
    ("january", "januar", "jänner", "janvier", "enero", "gennaio", "janeiro", "januari",
     "janúar", "sausis", "sausio", "ocak", "января", "январь", "січня", "січень", "stycznia"),
    ("february", "februar", "feber", "février", "febrero", "febbraio", "fevereiro", "februari",
     "febrúar", "vasaris", "vasario", "şubat", "февраля", "февраль", "лютого", "лютий", "lutego"),
    ("march", "märz", "mars", "marzo", "março", "maart", "marts", "mars", "kovas", "kovo",
     "mart", "марта", "март", "березня", "березень", "marca", "maret"),
    ("april", "avril", "abril", "aprile", "apríl", "balandis", "balandžio", "nisan", "апреля",
     "апрель", "квітня", "квітень", "kwietnia"),
    ("may", "mai", "mayo", "maggio", "maio", "mei", "maj", "maí", "gegužė", "gegužės", "mayıs",
     "мая", "май", "травня", "травень", "maja"),
    ("june", "juni", "juin", "junio", "giugno", "junho", "júní", "birželis", "birželio",
     "haziran", "июня", "июнь", "червня", "червень", "czerwca"),
    ("july", "juli", "juillet", "julio", "luglio", "julho", "júlí", "liepa", "liepos", "temmuz",
     "июля", "июль", "липня", "липень", "lipca"),
    ("august", "août", "agosto", "augustus", "augusti", "ágúst", "agustus", "rugpjūtis",
     "rugpjūčio", "ağustos", "августа", "август", "серпня", "серпень", "sierpnia"),
    ("september", "septembre", "septiembre", "setiembre", "settembre", "setembro", "septiembre",
     "rugsėjis", "rugsėjo", "eylül", "сентября", "сентябрь", "вересня", "вересень", "września"),
    ("october", "oktober", "octobre", "octubre", "ottobre", "outubro", "október", "spalis",
     "spalio", "ekim", "октября", "октябрь", "жовтня", "жовтень", "października"),
    ("november", "novembre", "noviembre", "novembro", "nóvember", "lapkritis", "lapkričio",
     "kasım", "ноября", "ноябрь", "листопада", "листопад", "listopada", "nopember"),
    ("december", "dezember", "décembre", "diciembre", "dicembre", "dezembro", "desember",
     "desember", "december", "gruodis", "gruodžio", "aralık", "декабря", "декабрь", "грудня",
     "грудень", "grudnia", "desember"),
)  # fmt: skip
"""Month names in the corpora's languages (lower case); the first three letters of a
Latin-script name (and "sept") are accepted as its abbreviation."""

_DAY_SEP = r"[.\-/ ]\s?"


def _month_alternation(month: int) -> str:
    names = set(MONTH_NAMES[month - 1])
    names |= {n[:3] for n in MONTH_NAMES[month - 1] if n.isascii()}
    if month == 9:
        names.add("sept")
    return "|".join(sorted((re.escape(n) for n in names), key=len, reverse=True))


def shown_day_pattern(day: date) -> re.Pattern[str]:
    """A pattern for the written forms of ``day`` a reader would recognise.

    Numeric forms with the year (2024-04-26, 2024/4/26, 26.04.2024, 26/4/24, 4/26/2024,
    2024年4月26日, 2024년 4월 26일) and month-name forms with or without the year
    ("26 April 2024", "April 26, 2024", "26. April", "26 de abril de 2024", "Apr 26").
    It is independent of articlekit's own date recognisers on purpose.
    """
    y, m, d = day.year, day.month, day.day
    yy = f"(?:{y}|{y % 100:02d})"
    mm = f"0?{m}"
    dd = f"0?{d}"
    months = _month_alternation(m)
    forms = [
        rf"{y}{_DAY_SEP}{mm}{_DAY_SEP}{dd}(?!\d)",
        rf"(?<!\d){dd}{_DAY_SEP}{mm}{_DAY_SEP}{yy}(?!\d)",
        rf"(?<!\d){mm}/{dd}/{yy}(?!\d)",
        rf"{y}\s?年\s?{mm}\s?月\s?{dd}\s?日",
        rf"{y}\s?년\s?{mm}\s?월\s?{dd}\s?일",
        rf"(?<!\d){dd}(?:\.|st|nd|rd|th|er|º|°)?\s?(?:de\s|of\s)?(?:{months})\b",
        rf"\b(?:{months})\.?\s{dd}(?!\d)",
    ]
    return re.compile("|".join(f"(?:{f})" for f in forms), re.IGNORECASE)


def shows_day(text: str, gold: datetime | date) -> bool:
    """The text shows the gold's calendar day in some written form (see
    :func:`shown_day_pattern`)."""
    day = gold.date() if isinstance(gold, datetime) else gold
    return shown_day_pattern(day).search(text) is not None
