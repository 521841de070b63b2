"""Image captions with a credit glued on.

Input → output: ``str`` (a ``<figcaption>`` text or a caption line of a text dump) →
``CaptionParts`` (caption, credit, editorial note), or for a bare credit ``str`` →
cleaned ``str | None``.

A credit is recognised only near the end of the text (within ``CREDIT_TAIL_CHARS``) and
only when what follows its label looks like a credit: short, name- or agency-like, no
sentence inside. Labels may be glued to the previous word, as text browsers render
``<figcaption>text<span>Image: …</span>`` ("…NadeschdinBild: …"); a glued label must then
be capitalised, so "Sinnbild: …" is not split.

``may_hold_credit`` tells cheaply that a text holds no credit; ``credit_candidates`` tells
it of all lines of a page at once, searching them together.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from itertools import accumulate
from typing import Final

from articlekit._fastinit import fast_frozen_init

__all__ = [
    "CREDIT_TAIL_CHARS",
    "MAX_CREDIT_CHARS",
    "MAX_CREDIT_WORDS",
    "CaptionParts",
    "clean_credit",
    "credit_candidates",
    "is_credit_line",
    "may_hold_credit",
    "split_caption",
]

MAX_CREDIT_CHARS: Final = 160
"""Credits longer than this are sentences, not credits."""

MAX_CREDIT_WORDS: Final = 16
"""Credits with more words than this are sentences ("… via Getty Images" fits easily)."""

CREDIT_TAIL_CHARS: Final = 240
"""Labels are searched only in this many trailing characters (credit + label + note)."""

MAX_NOTE_CHARS: Final = 80
"""A trailing ``[FILE: July 2024]`` note longer than this is caption text."""

_LABEL_WORDS: Final = (
    "Crédit photo|Credit photo|Crédits photo|Photo credit|Photo credits|Bildquelle|Fotoquelle|"
    "Bildrechte|Bildnachweis|Fotonachweis|"
    "Photographs|Photograph|Photos|Photo|Pictures|Picture|Images|Image|Credits|Credit|"
    "Crédits|Crédit|Sources|Source|Bilder|Bild|Fotos|Foto|Quelle|Fotografía|Fotografia|"
    "Imagen|Immagine|Afbeelding|Kilde|Källa|Fotoğraf|Fotó|Фотография|Фото|Φωτογραφία"
)

_LABEL_ANCHOR_RE: Final = re.compile(r"[:©]|by|\(c\)|copyright", re.IGNORECASE)
"""Every ``LABEL_RE`` match holds one of these: the colon or © after a label word, the
"by" of "Photo by", or is "©", "(c)" or "Copyright" itself."""
_MAX_LABEL_WORD_CHARS: Final = max(len(word) for word in _LABEL_WORDS.split("|"))
_PHOTO_WORDS: Final = "Photo|Photograph|Picture|Image|Foto"
"""The words of a "Photo by" label (``LABEL_RE``)."""


def _backwards(words: str) -> str:
    """An alternation of the words spelt backwards, grouped by their last letter: the
    engine tries an alternation branch by branch, and a few fail sooner than many."""
    groups: dict[str, list[str]] = {}
    for word in words.split("|"):
        backwards = word[::-1]
        groups.setdefault(backwards[0], []).append(re.escape(backwards[1:]))
    return "|".join(f"{re.escape(last)}(?:{'|'.join(rest)})" for last, rest in groups.items())


_LABEL_ENDING_RE: Final = re.compile(
    rf"[:©]\s?(?:{_backwards(_LABEL_WORDS)})|yb\s+s?(?:{_backwards(_PHOTO_WORDS)})",
    re.IGNORECASE,
)
"""``LABEL_RE``'s forms that end with a colon, © or "by", spelt backwards: matched at an
anchor of a reversed text, it tells whether a label ends there (``_has_label``)."""

_LABEL_INITIALS: Final = "".join(
    sorted({word[0] for word in _LABEL_WORDS.split("|")} | set("PIF©(C"))
)
"""Every label starts with one of these (case-insensitively)."""

LABEL_RE: Final = re.compile(
    # the look-ahead on the first character is only for speed: without it, every position
    # of a scanned text enters each of the ~40 case-insensitive alternatives
    rf"(?=[{re.escape(_LABEL_INITIALS)}])"
    rf"(?P<label>(?:{_LABEL_WORDS})\s?(?::|©)|(?:{_PHOTO_WORDS})s?\s+by"
    r"|©|\(c\)|Copyright\s?:?)\s{0,3}",
    re.IGNORECASE,
)
"""A credit label: "Image:", "Bild:", "Foto ©", "Photo by", "©", "(c)", "Copyright"."""

PAREN_CREDIT_RE: Final = re.compile(
    rf"\(\s?(?P<label>(?:{_LABEL_WORDS})\s?[:©]|©|\(c\)|Copyright)\s{{0,3}}"
    r"(?P<credit>[^()]{1,160})\)\s*$",
    re.IGNORECASE,
)
"""A parenthesised trailing credit: "(Photo: Jane Doe/Reuters)"."""

TRAILING_NOTE_RE: Final = re.compile(r"\[(?P<note>[^\[\]]{1,80})\]\s*$")
"""A trailing editorial note in brackets: "[FILE: July 2024]"."""

KNOWN_CREDITS: Final = frozenset(
    {
        "afp",
        "ap",
        "ap photo",
        "dpa",
        "reuters",
        "epa",
        "efe",
        "ansa",
        "getty images",
        "getty",
        "aap",
        "pa",
        "pa images",
        "pa wire",
        "kna",
        "epd",
        "keystone",
        "imago",
        "imago images",
        "picture alliance",
        "picture-alliance",
        "sipa",
        "xinhua",
        "tass",
        "anadolu",
        "anadolu agency",
        "abaca",
        "bloomberg",
        "nurphoto",
        "shutterstock",
        "alamy",
        "zuma",
        "zuma press",
        "europa press",
        "ntb",
        "tt",
        "ritzau scanpix",
        "scanpix",
        "belga",
        "anp",
        "lusa",
        "the associated press",
        "associated press",
        "the canadian press",
        "supplied",
        "handout",
        "istock",
        "istockphoto",
        "unsplash",
        "afp via getty images",
        "reuters/file",
        "ap/file",
        "ddp",
        "action press",
        "yonhap",
        "연합뉴스",
        "뉴시스",
        "뉴스1",
        "kyodo",
        "jiji",
        "新华社",
        "中新社",
    }
)
"""Credits recognised without a label after a finished sentence (casefolded)."""

_LAST_WORD_START: Final = re.compile(r"[\s/(]+")
"""What comes before the last word of a credit (``Jane Roe/Example Press``)."""
_FIRST_WORD_END: Final = re.compile(r"[\s/]")
"""What ends the first word of a credit."""
_BRACKETED_AGENCY_END: Final = re.compile(r"\((?:[A-Z]{2,10}|[A-Z][a-z]+)\)$")
"""A credit ending with an agency in brackets (``Jane Roe (AP)``)."""
_CREDIT_TOKEN_SPLIT: Final = re.compile(r"\s+|(?<=/)|(?=/)")
"""Between the words of a credit, and around each slash."""
_CREDIT_PIECE_SPLIT: Final = re.compile(r"/|\bvia\b|,")
"""Between the parts of a credit naming several sources (``Jane Roe via Example Press``)."""

_KNOWN_CREDIT_ENDS: Final = tuple(
    sorted(KNOWN_CREDITS | {_LAST_WORD_START.split(c.rstrip(") "))[-1] for c in KNOWN_CREDITS})
)
"""Known credits and their last words: a label-less credit ends with one (see
``_is_unlabelled_credit``)."""
_KNOWN_CREDIT_LAST_CHARS: Final = frozenset(end[-1] for end in _KNOWN_CREDIT_ENDS)
"""The last characters of ``_KNOWN_CREDIT_ENDS`` (a tail ending otherwise ends with none)."""

_CONNECTORS: Final = frozenset(
    {
        "via",
        "for",
        "of",
        "de",
        "di",
        "da",
        "la",
        "del",
        "von",
        "van",
        "der",
        "the",
        "and",
        "und",
        "et",
        "y",
        "e",
        "/",
        "|",
        "-",
        "–",
        "&",
    }
)
"""Lower-case words allowed inside a label-less credit ("X via Getty Images")."""

WIRE_MARKER_RE: Final = re.compile(r"\s*\+{2,3}[^+]{0,60}\+{2,3}\s*$")
"""A wire-service trailer such as "+++ dpa-Bildfunk +++"."""

SENTENCE_END_RE: Final = re.compile(r"[.!?»«\"”“)](?=\s{0,3}[^\W\d_])")
"""A finished sentence or quotation, followed by a word (the credit may be glued)."""

PAREN_TAIL_RE: Final = re.compile(r"\((?P<credit>[^()]{2,120})\)\s*$")
"""A trailing parenthesised group: "(AP Photo/Jane Roe)"."""

BAR_TAIL_RE: Final = re.compile(r"\s\|\s(?P<credit>[^|]{2,160})$")
"""A credit after a bar: "… Higgins. | Niall Carson/PA Images"."""

CJK_PHOTOGRAPHER_RE: Final = re.compile(r"[（(](?P<credit>[^（）()]{1,20})撮影[）)]\s*$")
"""Japanese photographer credit: "（山田太郎撮影）"."""

CJK_AGENCY_RE: Final = re.compile(r"＝(?P<credit>[Ａ-Ｚ]{2,6}|[A-Z]{2,6}|共同|時事|ロイター)\s*$")
"""Japanese agency suffix: "＝ＡＰ", "＝共同"."""

_SENTENCE_INSIDE_RE: Final = re.compile(r"[^\W\d_]{4,}[.!?]\s+\S|[!?]")
"""A finished sentence followed by more text, or any ! or ? — not a credit."""


def _sentence_inside(text: str) -> bool:
    """``_SENTENCE_INSIDE_RE`` in ``text``: each of its forms holds ".", "!" or "?" (the
    pattern is only run on a text with one; it scans letter runs from every position)."""
    return ("." in text or "!" in text or "?" in text) and (
        _SENTENCE_INSIDE_RE.search(text) is not None
    )


_LOWERCASE_CREDIT_STARTS: Final = frozenset(
    {
        "dpa",
        "picture",
        "imago",
        "epd",
        "privat",
        "private",
        "archiv",
        "archive",
        "afp",
        "ap",
        "getty",
        "reuters",
        "ddp",
        "kna",
        "handout",
        "screenshot",
        "montage",
        "zvg",
        "iStock".casefold(),
        "istockphoto",
        "unsplash",
        "pixabay",
        "shutterstock",
        "via",
    }
)
"""Credits that may start with a lower-case word (agency styles, "privat")."""

_SEPARATOR_CHARS: Final = " \t\n\r\f\v\xa0\u2009\u202f|/–—-:;,"
"""Separators and spaces left between a caption and the credit cut off after it
(``str.rstrip`` with them: a regex anchored at the end rescans every space of a long text)."""
_LABEL_LEAD_RE: Final = re.compile(
    rf"^\s*(?:(?:{_LABEL_WORDS})\s?(?::|©)|(?:Photo|Photograph|Picture|Image|Foto)s?\s+by\b"
    r"|©|\(c\)|Copyright\b:?)\s*",
    re.IGNORECASE,
)


@fast_frozen_init
@dataclass(frozen=True, slots=True)
class CaptionParts:
    """A caption split into its parts.

    Attributes:
        caption: The descriptive text, or None when the input was only a credit.
        credit: The credit without its label ("Alex Brandon/AP/picture alliance").
        note: An editorial note such as "FILE: July 2024", without brackets.
    """

    caption: str | None
    credit: str | None
    note: str | None


def _squash(text: str) -> str:
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text  # no whitespace but single inner spaces (a cheap test first)
    return " ".join(text.split())


def clean_credit(text: str) -> str | None:
    """Strip labels ("Image:", "Foto ©", "©", "Photo by"), brackets and whitespace.

    Args:
        text: A credit as found on the page.

    Returns:
        The bare credit, or None when nothing is left.
    """
    value = _squash(text[: MAX_CREDIT_CHARS * 4])
    for _ in range(3):  # "Foto: © Jane Doe" has two labels, "(Foto: (Jane Doe))" brackets
        stripped = _LABEL_LEAD_RE.sub("", _unbracketed(value), count=1)
        if stripped == value:
            break
        value = stripped
    value = WIRE_MARKER_RE.sub("", value).strip(" |,;:–—-")
    return value or None


def _unbracketed(text: str) -> str:
    """``"(Jane Doe)"`` → ``"Jane Doe"``; anything else unchanged."""
    if text.startswith("(") and text.endswith(")"):
        return text[1:-1].strip()
    return text


def _looks_like_credit(text: str) -> bool:
    value = text.strip()
    if not value or len(value) > MAX_CREDIT_CHARS:
        return False
    words = value.split()
    if len(words) > MAX_CREDIT_WORDS:
        return False
    if _sentence_inside(value.rstrip(".")):
        return False
    first = value[0]
    if first.isalpha() and first.islower():
        head = _FIRST_WORD_END.split(value, maxsplit=1)[0].casefold()
        return head in _LOWERCASE_CREDIT_STARTS
    return first.isalnum() or first in "©(\"'“"


def _split_note(caption: str) -> tuple[str, str | None]:
    m = TRAILING_NOTE_RE.search(caption[-(MAX_NOTE_CHARS + 4) :])
    if m is None:
        return caption, None
    cut = len(caption) - (len(caption[-(MAX_NOTE_CHARS + 4) :]) - m.start())
    return caption[:cut].rstrip(), m["note"].strip() or None


def _finish(caption: str, credit: str | None) -> CaptionParts:
    body = caption.rstrip(_SEPARATOR_CHARS)
    body, note = _split_note(body)
    body = body.rstrip(_SEPARATOR_CHARS)
    return CaptionParts(caption=body or None, credit=credit, note=note)


def _label_allowed(text: str, m: re.Match[str]) -> bool:
    start = m.start()
    if start == 0:
        return True
    before = text[start - 1]
    label = m["label"]
    if before.isalnum():
        # Glued to the previous word: only a capitalised word label counts.
        return label[0].isupper() and label[0].isalpha() and before.islower()
    return True


def _strong_label(text: str, m: re.Match[str]) -> bool:
    """A capitalised "Label:" at the start, after a sentence or glued to a word: the text
    after it is a credit even when it starts in lower case ("Bild: pressefoto_korb/…")."""
    label = m["label"]
    if not (label[:1].isupper() and label.rstrip().endswith(":")):
        return False
    start = m.start()
    return start == 0 or text[start - 1] in '.!?)"”»' or text[start - 1].isalnum()


def _plain_credit(text: str) -> bool:
    """Short, and no sentence inside: a credit whatever its case."""
    return (
        len(text) <= MAX_CREDIT_CHARS
        and len(text.split()) <= MAX_CREDIT_WORDS
        and not _sentence_inside(text.rstrip("."))
    )


_FOLD_MARKS: Final = ("y", "Y", "ẙ", "(")
"""A text whose case fold holds "by", "(c)" or "copyright" holds one of these (the
characters whose fold holds "y" or "("; a test checks every character)."""


def _may_hold_label(text: str) -> bool:
    """Cheap pre-check for ``LABEL_RE``: every label holds ":", "©", "by", "(c)" or
    "copyright" (scanning for ~35 case-insensitive words at every position is slow); the
    words are looked for in the folded text, which only a text holding one of
    ``_FOLD_MARKS`` needs."""
    if ":" in text or "©" in text:
        return True
    if not any(mark in text for mark in _FOLD_MARKS):
        return False
    folded = text.casefold()
    return "by" in folded or "(c)" in folded or "copyright" in folded


def _may_hold_credit(tail: str) -> bool:
    """Cheap necessary condition for any credit in a caption's (squashed) tail, so that
    ordinary sentences skip the credit patterns (scoring asks this of every body line).

    ``split_caption`` finds a credit by one of these routes, each tested here by what it
    needs: a closing bracket at the very end (parenthesised credits, the Japanese
    photographer suffix) or a Japanese agency suffix ("＝共同"); a credit after a bar
    (``BAR_TAIL_RE``); a credit label (``LABEL_RE``, found by ``_has_label`` behind the
    characters every label holds); or a label-less credit after the tail's last
    finished sentence (``_credit_after_sentence``), which ``_is_unlabelled_credit`` only
    accepts with a credit-like last word (``_may_end_in_credit``, no case folding yet)
    and with a slash, " via " / " for ", or a known credit's last word at its end (a
    suffix of the tail's last word: the credit may be glued to the sentence).
    """
    if tail.endswith((")", "）")) or "＝" in tail:
        return True
    if "|" in tail and BAR_TAIL_RE.search(tail) is not None:
        return True
    if _may_hold_label(tail) and _has_label(tail):
        return True
    if not _may_end_in_credit(tail.rpartition(" ")[2]):
        return False
    folded = tail.casefold()
    if "/" in tail or " via " in folded or " for " in folded or _known_credit_end(folded):
        return _credit_after_sentence(tail)
    return False


_CREDIT_TOKEN_EDGES: Final = "()[]'\"’,"
"""Characters stripped off a word of a label-less credit before it is read."""

_CREDIT_WORDS: Final = frozenset(
    _CONNECTORS | KNOWN_CREDITS | {word for phrase in KNOWN_CREDITS for word in phrase.split()}
)
"""Case-folded words a label-less credit may hold in lower case (``_is_unlabelled_credit``:
connectors, known credits and their words)."""


def _may_end_in_credit(last: str) -> bool:
    """A necessary condition of ``_credit_after_sentence(tail)`` for a (squashed, non-empty)
    tail that does not end with ")", read from the tail's last word ``last`` alone (the
    text after its last space), so that most prose lines are rejected without folding
    the tail's case.

    The credit after the last sentence is split into words at spaces and slashes, and
    each must be a credit word (``_is_credit_token``, or a word of a known credit it
    names). When the credit holds a space or slash, its last word is the tail's (after
    the last slash of ``last``): capitalised, a digit, empty, or a credit word
    (``_CREDIT_WORDS``). Without one it is glued to the sentence and holds no slash,
    " via " or " for ", so ``_is_unlabelled_credit`` needs it to be a known credit (the
    bracketed form ends with ")"): ``last`` then ends with one (``_KNOWN_CREDIT_ENDS``).
    """
    word = last.rpartition("/")[2].strip(_CREDIT_TOKEN_EDGES)
    return (
        not word
        or word[0].isupper()
        or word[0].isdigit()
        or word.casefold() in _CREDIT_WORDS
        or last.casefold().endswith(_KNOWN_CREDIT_ENDS)
    )


_NUL: Final = "\x00"
"""Ends each text in the string ``_gate`` searches."""


def _needles(*patterns: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Each pattern compiled, with the plain character it starts with (a page without
    that character is not searched)."""
    return tuple((pattern.removeprefix("\\")[0], re.compile(pattern)) for pattern in patterns)


_SIGNAL_WORDS: Final = (("v", "ia"), ("V", "ia"), ("f", "or"), ("F", "or"))
""""via" and "for", split after their first letter, in each case of it."""
_ROUTE_NEEDLES: Final = _needles(r"＝", r"\|", r"©", r"\([cC]\)", r"\)\s*\x00", r"）\s*\x00")
"""A Japanese agency suffix, a bar, "©" or "(c)", a closing bracket at a text's end."""

_SIGNAL_NEEDLES: Final = _needles(
    r"/",
    *(rf"{first}(?<=\s{first})(?i:{rest})\s" for first, rest in _SIGNAL_WORDS),
)
"""A label-less credit's signal: a slash, " via " or " for " (any whitespace around; the
first letter in each case outside the case-insensitive part, as the engine searches
fast only for a pattern's plain first character)."""


def _backwards_spaced(words: str) -> str:
    """``_backwards``, any whitespace run standing for a space inside a word."""
    return _backwards(words).replace(re.escape(" "), r"\s+")


_BACKWARD_NEEDLES: Final = _needles(
    rf":\s*(?i:{_backwards_spaced(_LABEL_WORDS)})",
    *(rf"{y}(?i:b\s+s?(?:{_backwards(_PHOTO_WORDS)})|poc(?<=thgirypoc))" for y in "yY"),
)
"""Spelt backwards: a label word before a colon, a photo word before "by" (the forms of
``LABEL_RE`` that end with one), and "copyright"; any whitespace where a squashed text
has one space or none."""

_WORD_ENDS: Final = tuple(sorted(end for end in _KNOWN_CREDIT_ENDS if " " not in end))
"""The known credit endings a word (no space inside) can end with."""

_ODD_FOLDS: Final = "ßİŉſǰẖẗẘẙẚẞ\u212aﬀﬁﬂﬃﬄﬅﬆ"  # \u212a: the Kelvin sign
"""Every character but those of ``_WORD_ENDS`` whose case fold holds one of theirs (a
test checks every character): only a word with one of these may end with a known
credit once folded without its plain letters matching it case-insensitively."""


def _known_end_pattern() -> str:
    """``_KNOWN_END_NEEDLE``: the endings spelt backwards, grouped by their last letter,
    which stays outside the case-insensitive part in each case (the engine then only
    enters the branch of the letter a text ends with)."""
    by_last: dict[str, list[str]] = {}
    for end in _WORD_ENDS:
        for last in dict.fromkeys((end[-1], end[-1].upper())):
            by_last.setdefault(last, []).append(re.escape(end[-2::-1]))
    branches = "|".join(
        f"{re.escape(last)}(?i:{'|'.join(rests)})" for last, rests in by_last.items()
    )
    # possessive: the first character that is a space or odd decides, no backtracking
    odd = rf"[^\s\x00{_ODD_FOLDS}]{{0,{max(map(len, _WORD_ENDS)) - 1}}}+[{_ODD_FOLDS}]"
    return rf"\x00\s*(?:(?=[{re.escape(''.join(by_last))}])(?:{branches})|{odd})"


_KNOWN_END_NEEDLE: Final = re.compile(_known_end_pattern())
"""Read backwards from the NUL after a text: its last word may end with a known credit
(``_WORD_ENDS``) once its case is folded: its end matches one case-insensitively, or
a character among its last ones may fold into one (``_ODD_FOLDS``)."""


def credit_candidates(texts: Sequence[str]) -> list[int]:
    """The indices of the texts ``may_hold_credit`` is true of, found for all texts at
    once: scoring asks it of every line of a page, and almost every line is prose that
    ``_gate`` rejects with a few searches of all texts together.

    Args:
        texts: Caption texts, as for ``split_caption`` (the lines of a page).

    Returns:
        Ascending indices ``i`` such that ``may_hold_credit(texts[i])``.
    """
    return [i for i in _gate(texts) if may_hold_credit(texts[i])]


def _gate(texts: Sequence[str]) -> list[int]:
    """The indices of the texts that may hold a credit: a superset of those
    ``may_hold_credit`` is true of, found by searching all texts together (a NUL after
    each, once forwards and once backwards) for what each route needs.

    ``may_hold_credit`` finds a credit in a squashed tail by one of these routes (see
    ``_may_hold_credit``), and each needs, in the raw text (whitespace not squashed,
    anywhere in the text), what a pattern here looks for: "＝"; a bar; a closing
    bracket at the end; or a label (``_has_label``): "©", "(c)", "copyright", a colon
    after a label word or "by" after a photo word (``_BACKWARD_NEEDLES``, read in the
    reversed texts from the colon or "by"). The last route, a label-less credit after
    the last sentence, needs a last word ending with a known credit
    (``_KNOWN_END_NEEDLE``), or else a slash, " via " or " for " in the text
    (``_SIGNAL_NEEDLES``: no character but an ASCII letter folds into a part of " via "
    or " for ", a test checks every character) and a credit-like last word
    (``_may_end_in_credit_text``). A NUL inside a text only lets that text through too.
    """
    joined = _NUL.join(texts) + _NUL
    starts = list(accumulate((len(text) + 1 for text in texts[:-1]), initial=0))
    backwards = joined[::-1]
    last = len(joined) - 1
    found = _matching(joined, starts, _ROUTE_NEEDLES, lambda m: m.start())
    found |= _matching(backwards, starts, _BACKWARD_NEEDLES, lambda m: last - m.start())
    signalled = _matching(joined, starts, _SIGNAL_NEEDLES, lambda m: m.start())
    found.update(
        bisect_right(starts, last - m.start()) - 1 for m in _KNOWN_END_NEEDLE.finditer(backwards)
    )
    for i in signalled - found:
        if _may_end_in_credit_text(texts[i]):
            found.add(i)
    return sorted(found)


def _matching(
    joined: str,
    starts: list[int],
    needles: tuple[tuple[str, re.Pattern[str]], ...],
    offset: Callable[[re.Match[str]], int],
) -> set[int]:
    """The indices of the texts (in ``joined``, at ``starts``) a needle matches in;
    ``offset``: a match's offset in the texts joined forwards."""
    found: set[int] = set()
    for first, pattern in needles:
        if first in joined:
            found.update(bisect_right(starts, offset(m)) - 1 for m in pattern.finditer(joined))
    return found


def _may_end_in_credit_text(text: str) -> bool:
    """``_may_end_in_credit`` of the text's last word. A credit after the tail's last
    sentence that holds a space or slash has the text's last token (the text after the
    last space or slash, at most ``MAX_CREDIT_CHARS`` long, so read from the text's last
    ``CREDIT_TAIL_CHARS`` characters) whatever whitespace the tail squashed or cut; one
    without needs a known ending (``_KNOWN_END_NEEDLE``)."""
    end = text.rstrip()
    return _may_end_in_credit(end[-CREDIT_TAIL_CHARS:].rsplit(maxsplit=1)[-1] if end else "")


def _known_credit_end(folded: str) -> bool:
    """The (case-folded) text's last word ends with a known credit's last word."""
    if folded[-1:] not in _KNOWN_CREDIT_LAST_CHARS:
        return False
    words = folded.rsplit(maxsplit=1)
    return bool(words) and words[-1].rpartition("(")[2].endswith(_KNOWN_CREDIT_ENDS)


def _credit_after_sentence(tail: str) -> bool:
    """The text after the tail's last finished sentence is a label-less credit (the
    test ``_unlabelled_tail`` makes of it): "… at the market. Jane Roe for The Example
    Times", not "… waited for hours.", nor "… in Berlin/Brandenburg."."""
    ends = [m.end() for m in SENTENCE_END_RE.finditer(tail)]
    return bool(ends) and _is_unlabelled_credit(tail[ends[-1] :].strip())


def may_hold_credit(text: str) -> bool:
    """Tell cheaply whether ``split_caption(text)`` may find a credit.

    Args:
        text: Caption text, as for ``split_caption``.

    Returns:
        False when ``split_caption`` certainly finds none (``_may_hold_credit``): callers
        that only want captions with a credit skip the split of ordinary sentences.
    """
    value = _squash(text)
    return bool(value) and _may_hold_credit(value[-CREDIT_TAIL_CHARS:])


def split_caption(text: str) -> CaptionParts:
    """Split a caption with a glued-on credit into caption, credit and note.

    Args:
        text: Caption text as rendered (credit may follow without a space).

    Returns:
        The parts; ``caption`` is the whole (whitespace-normalised) text when no credit
        was recognised.
    """
    value = _squash(text)
    if not value or LABEL_RE.fullmatch(value):
        return CaptionParts(None, None, None)
    tail_start = max(0, len(value) - CREDIT_TAIL_CHARS)
    tail = value[tail_start:]
    if not _may_hold_credit(tail):
        return _finish(value, None)

    paren = PAREN_CREDIT_RE.search(tail)
    if paren is not None:
        credit = clean_credit(paren["credit"])
        if credit is not None and _looks_like_credit(credit):
            return _finish(value[: tail_start + paren.start()], credit)

    for m in _labels(tail) if _may_hold_label(tail) else ():
        if not _label_allowed(value, _shift(m, tail_start, value)):
            continue
        remainder = tail[m.end() :]
        credit = clean_credit(remainder)
        if credit is None:
            continue
        if not _looks_like_credit(credit) and not (
            _strong_label(value, _shift(m, tail_start, value)) and _plain_credit(credit)
        ):
            continue
        return _finish(value[: tail_start + m.start()], credit)

    unlabelled = _unlabelled_tail(tail)
    if unlabelled is not None:
        cut, credit = unlabelled
        return _finish(value[: tail_start + cut], credit)

    return _finish(value, None)


def _is_credit_token(token: str) -> bool:
    word = token.strip(_CREDIT_TOKEN_EDGES)
    if not word:
        return True
    if word.casefold() in _CONNECTORS:
        return True
    return word[0].isupper() or word[0].isdigit() or word.casefold() in KNOWN_CREDITS


def _is_unlabelled_credit(text: str) -> bool:
    """A label-less credit: name- or agency-like words with a clear credit signal."""
    value = text.strip()
    if not _looks_like_credit(value) or len(value) < 2:
        return False
    folded = value.casefold()
    last = _LAST_WORD_START.split(folded.rstrip(") "))[-1]
    if not (  # the credit signal first: it is cheaper than reading every word
        folded in KNOWN_CREDITS
        or "/" in value
        or " via " in folded
        or " for " in folded
        or last in KNOWN_CREDITS
        or _BRACKETED_AGENCY_END.search(value)
    ):
        return False
    tokens = _CREDIT_TOKEN_SPLIT.split(value)
    others = [t.strip(_CREDIT_TOKEN_EDGES).casefold() for t in tokens if not _is_credit_token(t)]
    if not others:
        return True
    if not _CREDIT_WORDS.issuperset(others):  # no word of a known credit (a cheap test first)
        return False
    # words of a known credit named in the text pass in any case ("dpa/picture alliance")
    known_words = {word for phrase in KNOWN_CREDITS if phrase in folded for word in phrase.split()}
    return known_words.issuperset(others)


def _labels(tail: str) -> Iterator[re.Match[str]]:
    """``LABEL_RE.finditer(tail)``, trying the pattern only where a match can start: at
    an anchor a label ends with (``_label_ends``) or a label word's length before it
    (the whitespace before the anchor skipped). Scanning a tail at every position costs
    ~20 µs."""
    starts: set[int] = set()
    for lo, anchor_start in _label_windows(tail):
        starts.update(range(lo, anchor_start + 1))
    resume = 0
    for start in sorted(starts):
        if start < resume:
            continue
        m = LABEL_RE.match(tail, start)
        if m is not None:
            yield m
            resume = m.end()


def _has_label(tail: str) -> bool:
    """Whether ``LABEL_RE`` matches anywhere in ``tail`` (``_labels`` finds something)."""
    return next(_label_ends(tail), None) is not None


def _label_ends(tail: str) -> Iterator[tuple[int, int]]:
    """The anchors of ``tail`` (``_label_anchors``) a label ends with.

    Every ``LABEL_RE`` match holds an anchor and ends with it: "©", "(c)" and
    "copyright" are labels on their own; a colon or "by" is one when a label word (a
    photo word for "by") ends right before it (``_LABEL_ENDING_RE``, read backwards
    from the anchor in the reversed tail: one anchored match instead of trying the
    pattern at every position a label could start at)."""
    backwards = ""
    for start, end in _label_anchors(tail):
        if tail[start] not in ":bB":
            yield start, end
            continue
        backwards = backwards or tail[::-1]
        if _LABEL_ENDING_RE.match(backwards, len(tail) - end) is not None:
            yield start, end


def _label_windows(tail: str) -> Iterator[tuple[int, int]]:
    """Each anchor a label ends with in ``tail`` (``_label_ends``), as its start, after the
    first position that label can start at: a label word's length before it, the
    whitespace before the anchor skipped."""
    for start, _ in _label_ends(tail):
        word_end = start
        while word_end > 0 and tail[word_end - 1].isspace():
            word_end -= 1
        yield max(0, word_end - _MAX_LABEL_WORD_CHARS), start


def _label_anchors(tail: str) -> list[tuple[int, int]]:
    """The spans of ``_LABEL_ANCHOR_RE.finditer(tail)``, found by substring search (the
    case-insensitive pattern costs ~50 ns a character): anchors never overlap, and
    "by", "(c)" and the "yr" of "copyright" take only their ASCII cases (``re.IGNORECASE``
    matches "b", "y", "r" and "c" to nothing else, a test checks every character)."""
    spans: list[tuple[int, int]] = []
    for form in _ANCHOR_FORMS:
        at = tail.find(form)
        while at >= 0:
            if form not in _COPYRIGHT_CORES:
                spans.append((at, at + len(form)))
            elif at >= _COPYRIGHT_CORE_AT and _COPYRIGHT_RE.match(tail, at - _COPYRIGHT_CORE_AT):
                spans.append((at - _COPYRIGHT_CORE_AT, at - _COPYRIGHT_CORE_AT + len("copyright")))
            at = tail.find(form, at + 1)
    spans.sort()
    return spans


_COPYRIGHT_RE: Final = re.compile("copyright", re.IGNORECASE)
_COPYRIGHT_CORES: Final = ("yr", "yR", "Yr", "YR")
"""The "yr" of "copyright" in each case it may take."""
_COPYRIGHT_CORE_AT: Final = len("cop")
_ANCHOR_FORMS: Final = (":", "©", "by", "By", "bY", "BY", "(c)", "(C)", *_COPYRIGHT_CORES)
"""Every form of an anchor of ``_LABEL_ANCHOR_RE``, or of its "yr" for "copyright"."""


def _unlabelled_tail(tail: str) -> tuple[int, str] | None:
    """Find a credit without a label at the end of the tail: (cut offset, credit)."""
    # each pattern needs a character of its own (cheap substring tests first)
    for regex, needle in ((CJK_PHOTOGRAPHER_RE, "撮影"), (CJK_AGENCY_RE, "＝")):
        m = regex.search(tail) if needle in tail else None
        if m is not None:
            return m.start(), m["credit"].strip()
    bar = BAR_TAIL_RE.search(tail) if "|" in tail else None
    if bar is not None and _looks_like_credit(bar["credit"]):
        words = bar["credit"].split()
        if all(_is_credit_token(w) for w in words):
            return bar.start(), bar["credit"].strip()
    ends = list(SENTENCE_END_RE.finditer(tail))
    if ends:
        last = ends[-1]
        candidate = tail[last.end() :].strip()
        if _is_unlabelled_credit(candidate):
            cut = last.end() + (len(tail[last.end() :]) - len(tail[last.end() :].lstrip()))
            return cut, clean_credit(candidate) or candidate
    paren = PAREN_TAIL_RE.search(tail) if ")" in tail else None
    if paren is not None and _is_unlabelled_credit(paren["credit"]):
        credit = paren["credit"].strip()
        if "/" in credit or credit.casefold() in KNOWN_CREDITS:
            return paren.start(), credit
    return None


def _shift(m: re.Match[str], offset: int, value: str) -> re.Match[str]:
    """Re-run the label match on the full value so look-behind context is visible."""
    full = LABEL_RE.match(value, m.start() + offset)
    return full if full is not None else m


MAX_CREDIT_LINE_CHARS: Final = 80
"""A line that is only a photo credit is short."""


NAME_TAIL_RE: Final = re.compile(
    r"(?:(?<=[.!?…”“\"»])\s*\((?P<paren>[^()]{3,60})\)"
    r"|\s/\s(?P<slash>[^/]{3,60})"
    r"|(?<=[.!?])\s+(?P<bare>[^\s.!?(][^.!?()]{2,40}))\s*$"
)
"""A name at the very end of a caption: in brackets after a sentence ("… Apostoli.
(Edu Luque)"), after a spaced slash ("… in La Soledat / Lorenzo Marina"), or alone
after the last sentence ("… el 1 de agosto. Alketa Misja")."""
NAME_TAIL_WINDOW: Final = 80
"""Characters at the end of a caption searched for a name credit."""


def _is_name_like(text: str) -> bool:
    """Two to four capitalised words (connectors such as "de", "van" allowed), no digits."""
    words = text.split()
    if not 2 <= len(words) <= 4 or any(ch.isdigit() for ch in text):
        return False
    if not (words[0][:1].isupper() and words[-1][:1].isupper()):
        return False
    return all(w[:1].isupper() or w.casefold() in _CONNECTORS for w in words)


def split_name_tail(caption: str) -> tuple[str, str | None]:
    """Split an unlabelled photographer's or agency's name off the end of a caption.

    Only for caption *elements* (a figure's caption), where a bare name after the
    described scene is the credit; running text and text lines are not split this way.

    Args:
        caption: The caption, credit labels already handled by ``split_caption``.

    Returns:
        ``(caption, credit)``; ``credit`` is None and the caption unchanged when the end
        is not a name.
    """
    start = max(0, len(caption) - NAME_TAIL_WINDOW)
    match = NAME_TAIL_RE.search(caption, start)
    if match is None:
        return caption, None
    credit = (match["paren"] or match["slash"] or match["bare"] or "").strip()
    rest = caption[: match.start()].rstrip(_SEPARATOR_CHARS)
    if not _is_name_like(credit) or len(rest.split()) < MIN_CAPTION_WORDS_BEFORE_NAME:
        return caption, None
    return rest, credit


MIN_CAPTION_WORDS_BEFORE_NAME: Final = 3
"""A caption keeps at least this many words in front of a name split off as credit."""


def is_credit_line(text: str) -> bool:
    """The whole line is a photo credit: "Foto: dpa", "Jane Doe/Getty Images".

    Label-less lines count only when one of their parts is a known agency or picture
    service (``KNOWN_CREDITS``), so "Berlin/Brandenburg" is not a credit.
    """
    value = " ".join(text.split())
    if not value or len(value) > MAX_CREDIT_LINE_CHARS:
        return False
    parts = split_caption(value)
    if parts.caption is None and parts.credit is not None:
        return True
    if not _is_unlabelled_credit(value):
        return False
    pieces = {p.strip(" ()").casefold() for p in _CREDIT_PIECE_SPLIT.split(value)}
    return any(piece in KNOWN_CREDITS or piece.endswith(" images") for piece in pieces)
