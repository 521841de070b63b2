"""Language-aware recognisers of news furniture in text.

Input → output: ``str`` (an element text, a line of a text-browser dump, a metadata value)
→ small frozen results: caption parts, bylines, dates, line hints, a language code.

Pure functions without I/O or module state, shared by the HTML and the raw-text paths:

- ``credits``: ``split_caption``, ``clean_credit`` — captions with glued-on credits
  (``may_hold_credit``: a cheap test that ``split_caption`` finds no credit;
  ``credit_candidates``: the same for all lines of a page at once).
- ``persons``: ``parse_byline``, ``normalize_name``, ``is_organization`` — bylines.
- ``dates``: ``find_dates``, ``parse_date_string`` — dates in text and metadata.
- ``lines``: ``classify`` (``Hint``), ``editors_from_line`` — boilerplate lines.
- ``language``: ``detect_language`` — script and stop-word language guess.
"""

from articlekit.patterns.credits import (
    CaptionParts,
    clean_credit,
    credit_candidates,
    is_credit_line,
    may_hold_credit,
    split_caption,
)
from articlekit.patterns.dates import DateMatch, find_dates, parse_date_string
from articlekit.patterns.language import detect_language
from articlekit.patterns.lines import (
    Hint,
    classify,
    editors_from_line,
    has_hint,
    is_advertisement,
    is_cookie,
    is_editors,
    is_feedback,
    is_footer,
    is_javascript,
    is_notice,
    is_related,
    is_share,
    is_skip_link,
    is_subscribe,
)
from articlekit.patterns.persons import (
    Byline,
    has_byline_label,
    is_news_agency,
    is_organization,
    normalize_name,
    parse_byline,
    strip_byline_label,
)

__all__ = [
    "Byline",
    "CaptionParts",
    "DateMatch",
    "Hint",
    "classify",
    "clean_credit",
    "credit_candidates",
    "detect_language",
    "editors_from_line",
    "find_dates",
    "has_byline_label",
    "has_hint",
    "is_advertisement",
    "is_cookie",
    "is_credit_line",
    "is_editors",
    "is_feedback",
    "is_footer",
    "is_javascript",
    "is_news_agency",
    "is_notice",
    "is_organization",
    "is_related",
    "is_share",
    "is_skip_link",
    "is_subscribe",
    "may_hold_credit",
    "normalize_name",
    "parse_byline",
    "parse_date_string",
    "split_caption",
    "strip_byline_label",
]
