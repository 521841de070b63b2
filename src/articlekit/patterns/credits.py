"""Image captions with a credit glued on.

Input → output: ``str`` (a ``<figcaption>`` text or a caption line of a text dump) →
``CaptionParts`` (caption, credit, editorial note), or for a bare credit ``str`` →
cleaned ``str | None``.

A credit is recognised only near the end of the text (within ``CREDIT_TAIL_CHARS``) and
only when what follows its label looks like a credit: short, name- or agency-like, no
sentence inside. Labels may be glued to the previous word, as text browsers render
``<figcaption>text<span>Image: …</span>`` ("…NadeschdinBild: …"); a glued label must then
be capitalised, so "Sinnbild: …" is not split.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

__all__ = [
    "CREDIT_TAIL_CHARS",
    "MAX_CREDIT_CHARS",
    "MAX_CREDIT_WORDS",
    "CaptionParts",
    "clean_credit",
    "is_credit_line",
    "may_hold_credit",
    "split_caption",
]

MAX_CREDIT_CHARS = 160
"""Credits longer than this are sentences, not credits."""

MAX_CREDIT_WORDS = 16
"""Credits with more words than this are sentences ("… via Getty Images" fits easily)."""

CREDIT_TAIL_CHARS = 240
"""Labels are searched only in this many trailing characters (credit + label + note)."""

MAX_NOTE_CHARS = 80
"""A trailing ``[FILE: July 2024]`` note longer than this is caption text."""

_LABEL_WORDS = (
    "Crédit photo|Credit photo|Crédits photo|Photo credit|Photo credits|Bildquelle|Fotoquelle|"
    "Bildrechte|Bildnachweis|Fotonachweis|"
    "Photographs|Photograph|Photos|Photo|Pictures|Picture|Images|Image|Credits|Credit|"
    "Crédits|Crédit|Sources|Source|Bilder|Bild|Fotos|Foto|Quelle|Fotografía|Fotografia|"
    "Imagen|Immagine|Afbeelding|Kilde|Källa|Fotoğraf|Fotó|Фотография|Фото|Φωτογραφία"
)

_LABEL_ANCHOR_RE = re.compile(r"[:©]|by|\(c\)|copyright", re.IGNORECASE)
"""Every ``LABEL_RE`` match holds one of these: the colon or © after a label word, the
"by" of "Photo by", or is "©", "(c)" or "Copyright" itself."""
_MAX_LABEL_WORD_CHARS = max(len(word) for word in _LABEL_WORDS.split("|"))

_LABEL_INITIALS = "".join(sorted({word[0] for word in _LABEL_WORDS.split("|")} | set("PIF©(C")))
"""Every label starts with one of these (case-insensitively)."""

LABEL_RE = re.compile(
    # the look-ahead on the first character is only for speed: without it, every position
    # of a scanned text enters each of the ~40 case-insensitive alternatives
    rf"(?=[{re.escape(_LABEL_INITIALS)}])"
    rf"(?P<label>(?:{_LABEL_WORDS})\s?(?::|©)|(?:Photo|Photograph|Picture|Image|Foto)s?\s+by"
    r"|©|\(c\)|Copyright\s?:?)\s{0,3}",
    re.IGNORECASE,
)
"""A credit label: "Image:", "Bild:", "Foto ©", "Photo by", "©", "(c)", "Copyright"."""

PAREN_CREDIT_RE = re.compile(
    rf"\(\s?(?P<label>(?:{_LABEL_WORDS})\s?[:©]|©|\(c\)|Copyright)\s{{0,3}}"
    r"(?P<credit>[^()]{1,160})\)\s*$",
    re.IGNORECASE,
)
"""A parenthesised trailing credit: "(Photo: Jane Doe/Reuters)"."""

TRAILING_NOTE_RE = re.compile(r"\[(?P<note>[^\[\]]{1,80})\]\s*$")
"""A trailing editorial note in brackets: "[FILE: July 2024]"."""

KNOWN_CREDITS = frozenset(
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

_KNOWN_CREDIT_ENDS = tuple(
    sorted(KNOWN_CREDITS | {re.split(r"[\s/(]+", c.rstrip(") "))[-1] for c in KNOWN_CREDITS})
)
"""Known credits and their last words: a label-less credit ends with one (see
``_is_unlabelled_credit``)."""
_KNOWN_CREDIT_LAST_CHARS = frozenset(end[-1] for end in _KNOWN_CREDIT_ENDS)
"""The last characters of ``_KNOWN_CREDIT_ENDS`` (a tail ending otherwise ends with none)."""

_CONNECTORS = frozenset(
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

WIRE_MARKER_RE = re.compile(r"\s*\+{2,3}[^+]{0,60}\+{2,3}\s*$")
"""A wire-service trailer such as "+++ dpa-Bildfunk +++"."""

SENTENCE_END_RE = re.compile(r"[.!?»«\"”“)](?=\s{0,3}[^\W\d_])")
"""A finished sentence or quotation, followed by a word (the credit may be glued)."""

PAREN_TAIL_RE = re.compile(r"\((?P<credit>[^()]{2,120})\)\s*$")
"""A trailing parenthesised group: "(AP Photo/Jane Roe)"."""

BAR_TAIL_RE = re.compile(r"\s\|\s(?P<credit>[^|]{2,160})$")
"""A credit after a bar: "… Higgins. | Niall Carson/PA Images"."""

CJK_PHOTOGRAPHER_RE = re.compile(r"[（(](?P<credit>[^（）()]{1,20})撮影[）)]\s*$")
"""Japanese photographer credit: "（山田太郎撮影）"."""

CJK_AGENCY_RE = re.compile(r"＝(?P<credit>[Ａ-Ｚ]{2,6}|[A-Z]{2,6}|共同|時事|ロイター)\s*$")
"""Japanese agency suffix: "＝ＡＰ", "＝共同"."""

_SENTENCE_INSIDE_RE = re.compile(r"[^\W\d_]{4,}[.!?]\s+\S|[!?]")
"""A finished sentence followed by more text, or any ! or ? — not a credit."""


def _sentence_inside(text: str) -> bool:
    """``_SENTENCE_INSIDE_RE`` in ``text``: each of its forms holds ".", "!" or "?" (the
    pattern is only run on a text with one; it scans letter runs from every position)."""
    return ("." in text or "!" in text or "?" in text) and (
        _SENTENCE_INSIDE_RE.search(text) is not None
    )

_LOWERCASE_CREDIT_STARTS = frozenset(
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

_SEPARATOR_CHARS = " \t\n\r\f\v\xa0\u2009\u202f|/–—-:;,"
"""Separators and spaces left between a caption and the credit cut off after it
(``str.rstrip`` with them: a regex anchored at the end rescans every space of a long text)."""
_LABEL_LEAD_RE = re.compile(
    rf"^\s*(?:(?:{_LABEL_WORDS})\s?(?::|©)|(?:Photo|Photograph|Picture|Image|Foto)s?\s+by\b"
    r"|©|\(c\)|Copyright\b:?)\s*",
    re.IGNORECASE,
)


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
        head = re.split(r"[\s/]", value, maxsplit=1)[0].casefold()
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


def _may_hold_label(text: str, folded: str | None = None) -> bool:
    """Cheap pre-check for ``LABEL_RE``: every label holds ":", "©", "by", "(c)" or
    "copyright" (scanning for ~35 case-insensitive words at every position is slow);
    ``folded``: ``text.casefold()`` when the caller has it."""
    if ":" in text or "©" in text:
        return True
    folded = text.casefold() if folded is None else folded
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
    accepts with a slash, " via " / " for ", or a known credit's last word at its end
    (a suffix of the tail's last word: the credit may be glued to the sentence).
    """
    if tail.endswith((")", "）")) or "＝" in tail:
        return True
    if "|" in tail and BAR_TAIL_RE.search(tail) is not None:
        return True
    folded = tail.casefold()
    if _may_hold_label(tail, folded) and _has_label(tail):
        return True
    if "/" in tail or " via " in folded or " for " in folded or _known_credit_end(folded):
        return _credit_after_sentence(tail)
    return False


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
    word = token.strip("()[]'\"’,")
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
    last = re.split(r"[\s/(]+", folded.rstrip(") "))[-1]
    if not (  # the credit signal first: it is cheaper than reading every word
        folded in KNOWN_CREDITS
        or "/" in value
        or " via " in folded
        or " for " in folded
        or last in KNOWN_CREDITS
        or re.search(r"\((?:[A-Z]{2,10}|[A-Z][a-z]+)\)$", value)
    ):
        return False
    tokens = re.split(r"\s+|(?<=/)|(?=/)", value)
    # words of a known credit named in the text pass in any case ("dpa/picture alliance")
    known_words = {
        word for phrase in KNOWN_CREDITS if phrase in folded for word in phrase.split()
    }
    return all(
        _is_credit_token(t) or t.strip("()[]'\"’,").casefold() in known_words for t in tokens
    )


def _labels(tail: str) -> Iterator[re.Match[str]]:
    """``LABEL_RE.finditer(tail)``, trying the pattern only where a match can start: at
    an anchor (``_LABEL_ANCHOR_RE``) or a label word's length before it (the whitespace
    before an anchor skipped). Scanning a tail at every position costs ~20 µs, and
    scoring asks this of every paragraph whose end holds a colon."""
    starts: set[int] = set()
    for lo, anchor in _label_windows(tail):
        starts.update(range(lo, anchor.start() + 1))
    resume = 0
    for start in sorted(starts):
        if start < resume:
            continue
        m = LABEL_RE.match(tail, start)
        if m is not None:
            yield m
            resume = m.end()


def _has_label(tail: str) -> bool:
    """Whether ``LABEL_RE`` matches anywhere in ``tail`` (``_labels`` finds something).

    A match holds an anchor and starts at most a label word's length before it (as in
    ``_labels``); cut right after that anchor, it still matches at its start (every
    form ends with the anchor or has only optional parts after it: "Photo:", "Photo by",
    "©", "(c)", "Copyright"). So one bounded search per anchor, ending at the anchor,
    tells whether a match exists."""
    return any(
        LABEL_RE.search(tail, lo, anchor.end()) is not None for lo, anchor in _label_windows(tail)
    )


def _label_windows(tail: str) -> Iterator[tuple[int, re.Match[str]]]:
    """Each anchor of a label in ``tail`` (``_LABEL_ANCHOR_RE``) with the first position a
    label holding it can start at: a label word's length before it, the whitespace
    before the anchor skipped."""
    for anchor in _LABEL_ANCHOR_RE.finditer(tail):
        word_end = anchor.start()
        while word_end > 0 and tail[word_end - 1].isspace():
            word_end -= 1
        yield max(0, word_end - _MAX_LABEL_WORD_CHARS), anchor


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


MAX_CREDIT_LINE_CHARS = 80
"""A line that is only a photo credit is short."""


NAME_TAIL_RE = re.compile(
    r"(?:(?<=[.!?…”“\"»])\s*\((?P<paren>[^()]{3,60})\)"
    r"|\s/\s(?P<slash>[^/]{3,60})"
    r"|(?<=[.!?])\s+(?P<bare>[^\s.!?(][^.!?()]{2,40}))\s*$"
)
"""A name at the very end of a caption: in brackets after a sentence ("… Apostoli.
(Edu Luque)"), after a spaced slash ("… in La Soledat / Lorenzo Marina"), or alone
after the last sentence ("… el 1 de agosto. Alketa Misja")."""
NAME_TAIL_WINDOW = 80
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


MIN_CAPTION_WORDS_BEFORE_NAME = 3
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
    pieces = {p.strip(" ()").casefold() for p in re.split(r"/|\bvia\b|,", value)}
    return any(piece in KNOWN_CREDITS or piece.endswith(" images") for piece in pieces)
