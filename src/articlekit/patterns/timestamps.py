"""Timestamp lines: a block that only says when the article was published or updated.

Input → output: one block of text → whether it is a timestamp line such as
"Stand: 22.04.2024, 06:00 Uhr", "Publié le 30/04/2024 - 16:00",
"Published 5 May 2024, updated 6 May 2024" or "Giriş: 03.07.2024 - 18:24".

Such lines are metadata printed in the page; the date stage reads them, and the body
should not repeat them. A line counts when it is short, holds at least one date (or a
relative time: "vor 2 Stunden", "3 hours ago"), and what is left after removing its dates
and times is a few label words (no sentence: a sentence such as "On 5 May 2024 the
council voted." ends with a full stop or has more words, and a line ending in a colon
introduces what follows).
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Final

from articlekit.patterns.dates import find_dates

__all__ = ["MAX_TIMESTAMP_LINE_CHARS", "is_timestamp_line"]

MAX_TIMESTAMP_LINE_CHARS: Final = 120
"""Longer blocks are never timestamp lines (two labelled dates fit in 80 characters)."""
MAX_LABEL_WORDS: Final = 4
"""At most this many words besides the dates ("Publisert … kl. … Oppdatert … kl.")."""
_TIME: Final = re.compile(
    r"(?<!\d)\d{1,2}[:.h]\d{2}(?:[:.]\d{2})?(?!\d)|(?<!\w)[ap]\.?m\.?(?!\w)", re.I
)
"""Clock times ("06:00", "13.05", "18h30") and am/pm markers left next to a date."""
_ANY_TIME: Final = datetime(2000, 1, 1, tzinfo=UTC)
"""A reference time for relative expressions, which are recognised only when one is given:
what they resolve to does not matter here."""
_WORD: Final = re.compile(r"[^\W\d_]+")
"""A run of letters (a label word: "Stand", "Publié", "le", "Uhr", "kl")."""


MIN_SLOT_FIELDS: Final = 3
"""A line of at least this many ``|``-separated fields …"""
MAX_SLOT_FIELD_CHARS: Final = 60
"""… each at most this long, one of them a date, is a programme slot or a record line
("Radio Eins | Nachrichten | 17.06.2025 | 15:00 Uhr"): metadata, not prose."""


def is_timestamp_line(text: str) -> bool:
    """Whether ``text`` only states a publication or update time (see module docstring),
    or is a line of short ``|``-separated fields one of which is such a time."""
    text = text.strip()
    if not text or len(text) > MAX_TIMESTAMP_LINE_CHARS or text.endswith((".", "!", "?", ":")):
        return False
    if "|" in text:
        fields = [field.strip() for field in text.split("|")]
        if (
            len(fields) >= MIN_SLOT_FIELDS
            and all(0 < len(field) <= MAX_SLOT_FIELD_CHARS for field in fields)
            and any(_dated(field) for field in fields)
        ):
            return True
    return _dated(text)


def _dated(text: str) -> bool:
    """``text`` is dates and times plus at most a few label words."""
    # any reading and any "now": only the spans count ("5 hours ago" is a time too)
    matches = find_dates(text, prefer_dayfirst=True, reference_time=_ANY_TIME)
    if not matches:
        return False
    pieces: list[str] = []
    last = 0
    for match in matches:
        pieces.append(text[last : match.start])
        last = match.end
    pieces.append(text[last:])
    rest = _TIME.sub(" ", " ".join(pieces))
    return len(_WORD.findall(rest)) <= MAX_LABEL_WORDS
