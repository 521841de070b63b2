"""Language of a text from its script or its most frequent words.

Input → output: ``str`` (article text, a title, a line dump) → ``str | None`` (an ISO 639-1
code such as ``"de"``, or None when the evidence is too thin).

Two steps, on the first ``MAX_SCAN_CHARS`` characters only:

1. Script: when letters of one non-Latin script make up at least ``MIN_SCRIPT_SHARE`` of
   all letters, the script decides (Cyrillic → ru/uk by their distinct letters, kana → ja,
   Hangul → ko, Han → zh, Arabic → ar, Hebrew → he, Greek → el).
2. Stop words: each Latin-script language has a small profile of very frequent words;
   a word found in several profiles counts for each of them with weight 1/(number of
   profiles), so shared words ("de", "en") weigh little and distinctive ones decide.
   They are counted block by block (``DECISIVE_BLOCK_CHARS``); once the blocks read
   decide by a wide margin (``DECISIVE_HITS``, ``DECISIVE_MARGIN``,
   ``DECISIVE_SHARE``), the rest is not read.
"""

from __future__ import annotations

import re
import string
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterator, Mapping
from itertools import accumulate, filterfalse
from types import MappingProxyType
from typing import Final

from articlekit.patterns._needles import may_hold, utf8_leads

__all__ = ["MAX_SCAN_CHARS", "MIN_SCRIPT_LETTERS", "MIN_STOPWORD_HITS", "detect_language"]

MAX_SCAN_CHARS: Final = 20_000
"""Only this many leading characters are read (plenty for a language decision)."""

MIN_SCRIPT_LETTERS: Final = 10
"""Fewer letters of a non-Latin script than this decide nothing."""

MIN_SCRIPT_SHARE: Final = 0.3
"""A non-Latin script must make up this share of all letters to decide."""

MIN_STOPWORD_HITS: Final = 3
"""The winning language needs at least this many stop-word tokens in the text."""

MAX_COUNT_PER_WORD: Final = 25
"""One stop word counts at most this often: a repeated token ("o" list bullets of a text
dump, a menu word) must not outvote the running text."""

MIN_DISTINCT_STOPWORDS: Final = 4
"""The winning language needs at least this many different stop words."""

MIN_STOPWORD_SHARE: Final = 0.05
"""The winner's (capped) stop-word tokens must make up this share of all words: running
text is at 25–50 %, whole-page dumps full of menus still above 6 %, text in languages
without a profile (Indonesian, Swahili, isiZulu …) below 5 %."""

MIN_KANA_SHARE: Final = 0.15
"""Japanese needs this share of kana among CJK letters; Chinese pages may carry a little
kana (names, ads), Japanese running text has far more."""

MIN_SCORE_MARGIN: Final = 1.15
"""The best weighted score must beat the runner-up by this factor, else None."""

DECISIVE_BLOCK_CHARS: Final = 2_000
"""Stop words are counted in blocks of about this many characters (cut at a space), and
the language decided after each: running text decides within a block or two."""

DECISIVE_HITS: Final = 50
"""A decision after a block is final when the winner has at least this many (capped)
stop-word tokens so far, ``DECISIVE_MARGIN`` times the runner-up's score and
``DECISIVE_SHARE`` of all words: ten times ``MIN_STOPWORD_HITS``, far past what a menu
or a quoted phrase in another language gives."""

DECISIVE_MARGIN: Final = 2.0
"""See ``DECISIVE_HITS`` (``MIN_SCORE_MARGIN`` decides at the end)."""

DECISIVE_SHARE: Final = 0.1
"""See ``DECISIVE_HITS`` (twice ``MIN_STOPWORD_SHARE``)."""

_PROFILES_TEXT: Final[Mapping[str, str]] = MappingProxyType(
    {
        "en": "the of and to in is that for it was on with as he be by at are this from "
        "have has but not they his an which were been their she her said would will "
        "who more after about there when also we you its than into",
        "de": "der die und das ist nicht den von zu mit sich des auf für im dem ein eine "
        "auch als an es werden aus er hat dass sie nach wird bei einer um noch wie einem "
        "über einen so zum war haben nur oder aber vor zur bis mehr durch man sind wurde",
        "fr": "le la les de des et est un une du en que qui dans pour pas au sur ce il "
        "elle sont par plus avec ne se son sa ses aux mais ont été cette leur nous vous "
        "ou comme tout fait aussi après depuis était être entre",
        "es": "el la los las de del y que en un una es por con para no se su al lo como "
        "más pero sus le ya o este esta fue ha sido entre sin sobre también hasta hay "
        "donde desde todo nos durante muy según tras",
        "it": "il la le di che e è un una per non del della delle dei in con si da al "
        "alla sono ha anche come più ma gli lo nel nella questo questa ci essere stato "
        "stata dopo tra fra perché quando degli sul sulla",
        "nl": "de het een en van is dat op te in niet zijn met voor die er aan hij ook "
        "als bij maar om nog door naar dan worden wordt heeft hebben werd uit over tot "
        "wel zo deze dit kan geen meer",
        "pt": "o a os as de do da dos das e que em um uma é não para com por se na no "
        "nas nos mais como mas foi ao ser seu sua ele ela são também está já pelo pela "
        "entre quando muito isso após",
        "sv": "och att det som en på är av för med till den har inte om ett var jag de "
        "men från sig kan så vi hon han efter när eller också skulle andra mycket bara "
        "nu dem vad ska blev sina",
        "da": "og i at det er en til på af den som med for de ikke har et fra var sig men "
        "om kan også efter der blev være jeg vi hun han ved eller nu skal mange deres "
        "hvor hvad meget kun år",
        "no": "og i er det på som en til av at for med har de ikke den et var fra om men "
        "seg kan også etter ble være jeg vi hun han ved eller nå skal mange hvor hva "
        "mye bare noen dette",
        "pl": "i w na z się nie do to że jest o jak po co ale od za przez tak już dla "
        "czy jego tylko być może są oraz które który również jednak był była pod jej "
        "ich tym także",
        "tr": "ve bir bu da de için ile çok daha olarak gibi ama en olan kadar sonra ne "
        "her değil var yok mi ki diye ise şu ya veya hem göre yeni tarafından olduğu "
        "içinde üzerinde ancak",
    }
)

_PROFILES: Final[Mapping[str, frozenset[str]]] = MappingProxyType(
    {lang: frozenset(words.split()) for lang, words in _PROFILES_TEXT.items()}
)
"""Stop-word profiles of the Latin-script languages."""

_WEIGHTS: Final[Mapping[str, Mapping[str, float]]] = MappingProxyType(
    {
        lang: MappingProxyType(
            {word: 1.0 / sum(word in other for other in _PROFILES.values()) for word in words}
        )
        for lang, words in _PROFILES.items()
    }
)
"""Per language, each stop word's weight: 1 / number of profiles containing it."""

_BY_WORD: Final[Mapping[str, tuple[tuple[str, float], ...]]] = MappingProxyType(
    {
        word: tuple((lang, weights[word]) for lang, weights in _WEIGHTS.items() if word in weights)
        for word in {w for weights in _WEIGHTS.values() for w in weights}
    }
)
"""Each stop word → the languages it belongs to, with its weight there (one lookup per
distinct word of the text instead of one per language)."""
_STOP_WORDS: Final = frozenset(_BY_WORD)
"""All stop words (a set: faster membership tests than the mapping)."""
WORD_MAX_CHARS: Final = 40
"""Longer runs of letters are read as several words (so huge runs cost linear time)."""
WORD_RE: Final = re.compile(rf"[^\W\d_]{{1,{WORD_MAX_CHARS}}}")
"""A word: a run of letters (bounded, so huge letter runs cost linear time)."""

_SCRIPT_RANGES: Final[tuple[tuple[str, int, int], ...]] = (
    ("cyrillic", 0x0400, 0x04FF),
    ("greek", 0x0370, 0x03FF),
    ("hebrew", 0x0590, 0x05FF),
    ("arabic", 0x0600, 0x06FF),
    ("arabic", 0x0750, 0x077F),
    ("hiragana", 0x3040, 0x309F),
    ("katakana", 0x30A0, 0x30FF),
    ("hangul", 0xAC00, 0xD7AF),
    ("hangul", 0x1100, 0x11FF),
    ("han", 0x4E00, 0x9FFF),
    ("han", 0x3400, 0x4DBF),
)
"""Unicode blocks of the scripts that decide a language on their own."""

SCRIPT_LETTER_RE: Final = re.compile(
    "[" + "".join(f"\\u{low:04x}-\\u{high:04x}" for _, low, high in _SCRIPT_RANGES) + "]"
)
"""A character of one of the deciding scripts."""
_SCRIPT_LEADS: Final = utf8_leads((low, high) for _, low, high in _SCRIPT_RANGES)
"""The first UTF-8 bytes of those characters: a text without any holds none (``may_hold``)."""
SCRIPT_RUN_RE: Final = re.compile(SCRIPT_LETTER_RE.pattern * 2 + "*")
"""A run of such characters (fewer matches than one per character; written "[…][…]*",
not "[…]+": a pattern that starts with a character class is searched for by a fast scan
of ``re``)."""
LETTER_RUN_RE: Final = re.compile(r"[^\W\d_][^\W\d_]*")
"""A run of letters (its length counts its letters; written like ``SCRIPT_RUN_RE``)."""
_SCRIPT_NAMES: Final = tuple(dict.fromkeys(name for name, _, _ in _SCRIPT_RANGES))
_SCRIPT_PATTERNS: Final[Mapping[str, re.Pattern[str]]] = MappingProxyType(
    {
        name: re.compile(
            "["
            + "".join(f"\\u{low:04x}-\\u{high:04x}" for n, low, high in _SCRIPT_RANGES if n == name)
            + "]"
        )
        for name in _SCRIPT_NAMES
    }
)
"""A character of each deciding script."""

_FOLDS_TO_LETTER: Final = "\u0345"
"""The one character that is no letter but case-folds to a single letter (the Greek
iota subscript): ``_count_words`` only reads the words of a folded text without it."""

_UKRAINIAN_LETTERS: Final = frozenset("іїєґІЇЄҐ")
_RUSSIAN_LETTERS: Final = frozenset("ыэъёЫЭЪЁ")
_SIMPLE_SCRIPTS: Final[Mapping[str, str]] = MappingProxyType(
    {"greek": "el", "hebrew": "he", "arabic": "ar", "hangul": "ko"}
)


def _script_counts(scripted: str) -> dict[str, int]:
    """How many characters of each deciding script ``scripted`` (made of such characters
    only) holds, the scripts in the order of their first character (``max`` picks the
    first of equal counts).

    A text of one script is all of it; otherwise each distinct character is counted once
    by ``Counter`` and the counts of a script are summed over the distinct characters in
    its blocks, found by bisection in their sorted list (the blocks do not overlap)."""
    first: dict[str, int] = {}  # each script's first character
    for name, pattern in _SCRIPT_PATTERNS.items():
        match = pattern.search(scripted)
        if match is not None:
            first[name] = match.start()
    if len(first) == 1:
        return {name: len(scripted) for name in first}
    chars = Counter(scripted)
    ordered = sorted(chars)
    totals = list(accumulate(map(chars.__getitem__, ordered), initial=0))
    sizes = dict.fromkeys(sorted(first, key=first.__getitem__), 0)
    for name, low, high in _SCRIPT_RANGES:
        if name in sizes:
            start, end = bisect_left(ordered, chr(low)), bisect_right(ordered, chr(high))
            sizes[name] += totals[end] - totals[start]
    return sizes


def _by_script(text: str) -> str | None:
    if text.isascii() or not may_hold(text, _SCRIPT_LEADS):
        return None  # (no letter of a deciding script)
    scripted = "".join(SCRIPT_RUN_RE.findall(text))
    if len(scripted) < MIN_SCRIPT_LETTERS:
        return None
    letters = sum(map(len, LETTER_RUN_RE.findall(text)))
    counts = _script_counts(scripted)
    if not counts or letters == 0:
        return None
    japanese = counts.get("hiragana", 0) + counts.get("katakana", 0)
    cjk = japanese + counts.get("han", 0)
    if cjk >= MIN_SCRIPT_LETTERS and cjk / letters >= MIN_SCRIPT_SHARE:
        return "ja" if japanese >= MIN_KANA_SHARE * cjk else "zh"
    best = max(counts, key=lambda k: counts[k])
    if counts[best] < MIN_SCRIPT_LETTERS or counts[best] / letters < MIN_SCRIPT_SHARE:
        return None
    if best == "cyrillic":
        uk = sum(text.count(ch) for ch in _UKRAINIAN_LETTERS)
        ru = sum(text.count(ch) for ch in _RUSSIAN_LETTERS)
        return "uk" if uk > ru else "ru"
    return _SIMPLE_SCRIPTS.get(best)


EDGE_MARKS: Final = ".,;:!?\"'()[]{}«»‹›“”„‘’‚<>*/|-–—…"
"""Marks that often stick to a word ("said," "(the"); none of them is a letter."""
SHARP_S: Final = ("ß", "ẞ")
"""The letters that case-fold to two letters ("ss") and are common in running text."""


SPACED_MARKS: Final = EDGE_MARKS + "".join(
    ch for ch in string.punctuation + string.digits + "¡¿«»°·•©®™€£§" if ch not in EDGE_MARKS
)
"""Characters that are no letters and stick to words: marks, digits ("1990er", "a7")."""


def _spaced(text: str) -> str:
    """``text`` with each of ``SPACED_MARKS`` replaced by a space: a non-letter for
    another, so its ``WORD_RE`` words are the same, and more of its chunks are words."""
    for mark in SPACED_MARKS:
        if mark in text:
            text = text.replace(mark, " ")
    return text


def _count_words(text: str) -> tuple[dict[str, int], int]:
    """The stop words among the case-folded words (``WORD_RE`` matches) of a text, with
    how often each occurs (in the order of their first occurrence), and the number of
    words.

    Counted on the case-folded text when folding keeps its words apart and whole: when
    every character folds to one character of its own kind (letter or not), or ``ß``
    and ``ẞ`` to "ss" and no chunk grows past ``WORD_MAX_CHARS``; otherwise word by word
    (``_count_words_one_by_one``). The folded text is counted per distinct
    whitespace-separated chunk once ``SPACED_MARKS`` are spaces: no whitespace character
    is a letter, so no word spans two chunks, and a chunk of at most ``WORD_MAX_CHARS``
    letters is one word; the word pattern only runs on the other chunks.

    The marks are spaced before the case is folded (the same text: each of them folds to
    itself and no other character folds to one of them), which leaves fewer texts with
    characters outside ASCII, for which ``str.casefold`` is many times slower."""
    folded = _spaced(text).casefold()
    grown = len(folded) - len(text)
    if _FOLDS_TO_LETTER in text or (grown and grown != sum(map(text.count, SHARP_S))):
        return _count_words_one_by_one(text)
    chunks = folded.split()
    counter = Counter(chunks)
    odd = list(filterfalse(str.isalpha, counter))
    if max(map(len, counter), default=0) > WORD_MAX_CHARS:
        if grown:  # a word of 40 letters may have grown past the bound when folded
            return _count_words_one_by_one(text)
        odd += [chunk for chunk in counter if len(chunk) > WORD_MAX_CHARS and chunk.isalpha()]
    total = len(chunks)
    inside = False  # a stop word inside a chunk of several words
    for chunk in odd:
        words = WORD_RE.findall(chunk)
        total += counter[chunk] * (len(words) - 1)
        inside = inside or any(word in _STOP_WORDS for word in words)
    if inside:
        return _count_in_order(counter, odd), total
    return {word: counter[word] for word in filter(_STOP_WORDS.__contains__, counter)}, total


def _count_in_order(counter: Counter[str], odd: list[str]) -> dict[str, int]:
    """The stop words of distinct chunks (``counter``, in order of first occurrence) with
    their counts, reading the words of the chunks in ``odd`` with ``WORD_RE``."""
    split = set(odd)
    counts: dict[str, int] = {}
    for chunk, n in counter.items():
        for word in WORD_RE.findall(chunk) if chunk in split else (chunk,):
            if word in _BY_WORD:
                counts[word] = counts.get(word, 0) + n
    return counts


def _count_words_one_by_one(text: str) -> tuple[dict[str, int], int]:
    """``_count_words`` by the definition: every ``WORD_RE`` match, case-folded alone."""
    words = Counter(WORD_RE.findall(text))
    counts: dict[str, int] = {}
    for spelled, n in words.items():
        word = spelled.casefold()
        if word in _BY_WORD:
            counts[word] = counts.get(word, 0) + n
    return counts, words.total()


def _blocks(text: str) -> Iterator[str]:
    """``text`` in blocks of at least ``DECISIVE_BLOCK_CHARS`` characters, each cut
    before a space (the space dropped): no word or whitespace-separated chunk spans two
    blocks, so their counts (``_count_words``) add up to those of the whole text."""
    start = 0
    while start < len(text):
        cut = text.find(" ", start + DECISIVE_BLOCK_CHARS)
        if cut < 0:
            yield text[start:]
            return
        yield text[start:cut]
        start = cut + 1


def _verdict(counts: Mapping[str, int], total: int) -> tuple[str | None, bool]:
    """The language the stop-word ``counts`` of ``total`` words give (``None``: too
    little evidence, or two languages too close), and whether the decision is
    decisive (``DECISIVE_HITS``): more text would not change it."""
    scores = dict.fromkeys(_PROFILES, 0.0)
    for word, count in counts.items():  # (every counted word is a stop word)
        capped = min(count, MAX_COUNT_PER_WORD)
        for lang, weight in _BY_WORD[word]:
            scores[lang] += weight * capped
    ranked = sorted(scores, key=lambda lang: scores[lang], reverse=True)
    best, second = ranked[0], ranked[1]
    profile = _PROFILES[best]
    found = [min(count, MAX_COUNT_PER_WORD) for word, count in counts.items() if word in profile]
    hits = sum(found)  # the best language's stop-word tokens, and its different stop words
    if hits < MIN_STOPWORD_HITS or len(found) < MIN_DISTINCT_STOPWORDS:
        return None, False
    if hits < MIN_STOPWORD_SHARE * total:
        return None, False
    if scores[best] < scores[second] * MIN_SCORE_MARGIN:
        return None, False
    decisive = (
        hits >= DECISIVE_HITS
        and scores[best] >= DECISIVE_MARGIN * scores[second]
        and hits >= DECISIVE_SHARE * total
    )
    return best, decisive


def _by_stopwords(text: str) -> str | None:
    """The language of ``text``'s stop words, read block by block (``_blocks``) until
    the blocks read so far decide it (``_verdict``), or to the end."""
    counts: Counter[str] = Counter()
    total = 0
    language: str | None = None
    for block in _blocks(text):
        found, words = _count_words(block)
        counts.update(found)
        total += words
        language, decisive = _verdict(counts, total)
        if decisive:
            break
    return language


def detect_language(text: str) -> str | None:
    """Guess the language of a text.

    Args:
        text: Any text; only the first ``MAX_SCAN_CHARS`` characters are read.

    Returns:
        An ISO 639-1 code (en, de, fr, es, it, nl, pt, sv, da, no, pl, tr, ru, uk, zh,
        ja, ko, ar, he, el), or None when there is too little evidence or two languages
        are too close to call.
    """
    head = text[:MAX_SCAN_CHARS]
    return _by_script(head) or _by_stopwords(head)
