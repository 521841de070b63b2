"""Options of ``parse``: limits, date handling and the scoring configuration.

Input → output: none; frozen configuration objects with every default documented.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

__all__ = ["ParseOptions", "ScoringConfig", "TextScoringConfig"]


@dataclass(frozen=True, slots=True)
class ScoringConfig:
    """Thresholds of the generic HTML content scoring (``articlekit.scoring``).

    Every number has a name and a reason; change them here, never inline.
    """

    min_paragraph_chars: int = 25
    """Blocks shorter than this do not vote for their container (captions, labels)."""
    chars_per_point: int = 100
    """A voting block earns one point per this many characters …"""
    max_length_points: float = 3.0
    """… up to this many, so one long block cannot outvote many paragraphs."""
    parent_share: float = 1.0
    """Share of a block's score credited to its direct container."""
    grandparent_share: float = 0.5
    """Share credited to the container's parent (articles nest one level deeper)."""
    ancestor_share: float = 0.25
    """Share credited to each higher ancestor, up to ``ancestor_levels``."""
    ancestor_levels: int = 3
    """How many ancestors above the grandparent still receive a share."""
    class_weight: float = 25.0
    """Bonus or malus for containers whose class/id/role says content or boilerplate."""
    sibling_ratio: float = 0.2
    """A sibling of the best container joins when its score reaches this share of the best."""
    max_link_density: float = 0.5
    """Blocks whose text is mostly link text are navigation, not body."""
    short_block_chars: int = 80
    """Blocks shorter than this are judged more strictly for links and boilerplate."""
    notice_block_chars: int = 400
    """Blocks shorter than this are still checked for consent and subscription prompts."""
    min_body_chars: int = 200
    """A body shorter than this triggers the next relaxation pass."""
    furniture_max_text_share: float = 0.4
    """Weak furniture evidence ("header", "banner", "tools" classes) is ignored on a
    container holding more than this share of the page's text: such wrappers hold the
    article, whatever their layout classes say."""
    expand_min_gain: float = 0.15
    """Widening to an ancestor needs at least this much more content text …"""
    expand_max_noise_ratio: float = 0.5
    """… and may add at most this much noise (short or link-heavy text) per content char."""
    promote_alternative_ratio: float = 0.75
    """Containers scoring at least this share of the best are alternatives to it …"""
    promote_min_alternatives: int = 3
    """… and when this many share an ancestor with the best, that ancestor wins."""
    promote_floor_ratio: float = 1 / 3
    """Climbing to a higher-scoring parent stops below this share of the winner's score."""


@dataclass(frozen=True, slots=True)
class TextScoringConfig:
    """Thresholds of the generic scoring of raw-text input."""

    min_paragraph_chars: int = 60
    """Lines shorter than this are not body paragraphs on their own."""
    min_sentence_words: int = 8
    """A paragraph line needs at least this many words."""


@dataclass(frozen=True, slots=True)
class ParseOptions:
    """Options for ``articlekit.parse``; all keyword-only, all with safe defaults.

    Attributes:
        reference_time: "Now" for resolving relative dates ("2 hours ago",
            "vor 3 Stunden"). Without it, relative dates are ignored: no date is invented.
        default_timezone: IANA zone name assumed for times given without an offset.
            ``None`` (default) keeps such times naive. When used, provenance says so.
        max_input_bytes: Larger inputs raise ``InputTooLargeError`` (64 MiB).
        max_nodes: Elements beyond this many are not read; the article is partial
            and carries a ``limit.nodes`` warning (1,000,000).
        time_budget: Seconds of CPU the content stages may use before returning a
            partial article with a ``limit.time`` warning (10 s).
        include_images: Collect images and figures (default True).
        scoring: Generic HTML scoring thresholds.
        text_scoring: Generic raw-text scoring thresholds.
    """

    reference_time: dt.datetime | None = None
    default_timezone: str | None = None
    max_input_bytes: int = 64 * 1024 * 1024
    max_nodes: int = 1_000_000
    time_budget: float = 10.0
    include_images: bool = True
    scoring: ScoringConfig = field(default_factory=ScoringConfig)
    text_scoring: TextScoringConfig = field(default_factory=TextScoringConfig)
