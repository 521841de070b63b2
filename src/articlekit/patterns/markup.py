"""HTML tags inside text: ``str`` → where its tags are.

Markup turns up where only text is expected: JSON-LD descriptions that carry tags, a
script's string literal holding an article's HTML. ``TAG_RE`` finds such tags; it is
bounded (at most 500 characters inside a tag, never across a ``<``), so a text full of
unclosed ``<`` is scanned in linear time.
"""

from __future__ import annotations

import re
from typing import Final

__all__ = ["TAG_RE"]

TAG_RE: Final = re.compile(r"</?[a-zA-Z][^<>]{0,500}>")
"""An opening or closing HTML tag."""
