"""Generic HTML content scoring: ``TokenStream`` + ``Metadata`` → ``PartialArticle``.

Finds the main text of a page without knowing the site:

1. every text block votes for the elements that contain it, with a weight from its
   length, its commas and its link density (``_token_vote``);
2. containers get a bonus or malus from tag and class/id evidence (``_read_evidence``;
   weak furniture words count only on containers holding little of the page's text);
3. the best container wins; it moves up to an ancestor shared by several close
   alternatives (``_promote``) and widens to ancestors that add content but little
   noise (``_expand``); when it holds several ``<article>`` stories with a headline
   each, the first is the page's (``_first_story``); otherwise its siblings join when
   they score close to it;
4. inside the winner, blocks in furniture containers (share bars, related links,
   newsletter boxes …), link lists, credit-only lines and consent prompts are dropped;
5. when the result is too short, the next relaxation pass (``RELAXATION_PASSES``)
   runs with looser rules;
6. the lead picture between headline and text joins, the headline is not repeated,
   and the lead paragraph becomes the summary.

Scores live in side tables (lists indexed by node), never on the tree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from articlekit.metadata.types import Metadata
from articlekit.model.provenance import FieldSource, SourceKind
from articlekit.options import ScoringConfig
from articlekit.partial import PartialArticle
from articlekit.patterns import classify, is_credit_line
from articlekit.patterns._needles import holds
from articlekit.patterns.keywords import keyword_regex
from articlekit.patterns.timestamps import is_timestamp_line
from articlekit.tokens.types import NodeInfo, Token, TokenKind, TokenStream

__all__ = ["RELAXATION_PASSES", "RelaxationPass", "score_html"]

POSITIVE_EVIDENCE: Final = keyword_regex(
    "article", "body", "content", "entry", "main", "post", "text", "story", "prose",
    "rich-?text", "paragraph", "blog", "hentry", "h-entry", "column", "page",
)  # fmt: skip
"""Class/id words of containers that usually hold the main text."""
NEGATIVE_EVIDENCE: Final = keyword_regex(
    "comment", "combx", "disqus", "outbrain", "taboola", "promo", "related", "recommend",
    r"share\b", "sharing", "social", "sidebar", "side-bar", "skyscraper", "sponsor",
    "shopping", "newsletter", "subscri", "signup", "cookie", "consent", "gdpr", "onetrust",
    "breadcrumb", "menu", r"nav\b", "navigation", "navbar", "popup", "modal",
    "teaser-?list", "more-?stories", "most-?read", "trending", "tag-?list", "author-?bio",
    "login", "paywall-", r"\bad-", r"-ad\b", r"\bads?\b", "advert", "adslot", "dfp",
    r"\bembed\b", "vjs-", "video-?player",
)  # fmt: skip
"""Class/id words of containers that hold page furniture, not the article."""
WEAK_NEGATIVE_EVIDENCE: Final = keyword_regex(
    "foot", "masthead", "banner", "widget", r"tags?\b", "topics", "byline", "dateline",
    "toolbar", "tools", "print", "read-?more", "readmore", "overlay", "pagination", "pager",
    "caption-?credit", "rating", "poll", "survey", "jump-?link", "skip", "header", "teaser",
)  # fmt: skip
"""Class/id words that often mean furniture but also appear on wrappers (layout and
utility classes): they count only for containers holding little of the page's text.
("teaser" is mostly a card for another article; a lead paragraph so named is still
found as the summary, see ``SUMMARY_EVIDENCE``.)"""
BOILERPLATE_TAGS: Final = frozenset({"nav", "aside", "footer", "form", "header", "menu"})
"""Elements that hold furniture in well-formed pages."""
PICTURE_TAGS: Final = frozenset({"figure", "picture", "img"})
"""Elements that hold one picture."""
CONTENT_TAGS: Final = frozenset({"article", "main"})
"""Elements that hold the main content in well-formed pages."""
PAGE_TAGS: Final = frozenset({"html", "body"})
"""The page itself: its classes describe the template ("with-subnavigation",
"has-advertising"), never what it holds, so it is never furniture by class; and the
winner never climbs to it."""
VOTING_KINDS: Final = frozenset({TokenKind.PARAGRAPH, TokenKind.QUOTE, TokenKind.PRE})
"""Token kinds that vote for their containers."""
BODY_KINDS: Final = frozenset(
    {
        TokenKind.PARAGRAPH, TokenKind.HEADING, TokenKind.LIST_ITEM, TokenKind.QUOTE,
        TokenKind.TABLE, TokenKind.PRE, TokenKind.FIGURE, TokenKind.CAPTION, TokenKind.EMBED,
    }
)  # fmt: skip
"""Token kinds that can be body blocks."""
PICTURE_KINDS: Final = frozenset({TokenKind.FIGURE, TokenKind.CAPTION})
"""Images, and captions whose image could not be read (lazy-loaded)."""
LEAD_WINDOW: Final = 12
"""Tokens before the body searched for its lead image (between headline and text)."""
FURNITURE_HINTS: Final = frozenset(
    {"skip_link", "advertisement", "share", "subscribe", "related", "cookie", "footer",
     "javascript", "feedback", "editors", "notice"}
)  # fmt: skip
"""Pattern hints that mark a short block as furniture (see ``articlekit.patterns``)."""
PROMPT_HINTS: Final = frozenset({"cookie", "javascript", "subscribe"})
"""Hints that mark even a paragraph-long block as furniture: consent, script and
subscription prompts are written in full sentences."""
SUMMARY_EVIDENCE: Final = re.compile(
    r"teaser|lead|intro|summary|standfirst|dek\b|subtitle|sub-title|subheadline|"
    r"description|abstract|excerpt|summary|kicker-text|article-?header__?text"
)
"""Class/id words of the lead paragraph shown under the headline."""
SUMMARY_SEARCH_TOKENS: Final = 12
"""How many tokens before and at the start of the body may hold the lead."""
MIN_STORIES: Final = 2
"""A winner holding this many ``<article>`` stories with a headline each holds a page's
story and the ones appended after it."""
MIN_PROSE_ITEM_WORDS: Final = 8
"""A list item of this many words with few links is a sentence: its list is prose."""
MIN_SUMMARY_CHARS: Final = 40
"""A lead shorter than this is a label, not a summary."""


_EMBED: Final = TokenKind.EMBED
_HEADING: Final = TokenKind.HEADING
_LIST_ITEM: Final = TokenKind.LIST_ITEM
_PARAGRAPH: Final = TokenKind.PARAGRAPH
"""Token kinds the functions below test, bound once (see ``TokenKind``)."""


@dataclass(frozen=True, slots=True)
class RelaxationPass:
    """One attempt at selecting the body; later passes are more permissive.

    Attributes:
        name: Shown in provenance.
        class_filter: Drop blocks inside containers with boilerplate evidence.
        siblings: Let siblings of the best container join.
        whole_document: Ignore containers; take every long, link-poor block.
    """

    name: str
    class_filter: bool = True
    siblings: bool = True
    whole_document: bool = False


RELAXATION_PASSES: Final[tuple[RelaxationPass, ...]] = (
    RelaxationPass("strict"),
    RelaxationPass("no-class-filter", class_filter=False),
    RelaxationPass("whole-document", class_filter=False, whole_document=True),
)
"""Tried in order until the body reaches ``ScoringConfig.min_body_chars``."""


def score_html(stream: TokenStream, metadata: Metadata, *, config: ScoringConfig) -> PartialArticle:
    """Select the main content of an HTML token stream.

    Args:
        stream: Tokens of the page.
        metadata: Fused metadata (the title is not repeated in the body; a lead that
            equals the description becomes the summary).
        config: Scoring thresholds.
    """
    tokens = stream.tokens
    if not tokens:
        return PartialArticle(warnings=(("scoring.empty", "the page has no text blocks"),))
    evidence = _read_evidence(stream)
    weights = _node_weights(stream, evidence)
    own_furniture = _own_furniture(stream, evidence, config)
    furniture = _furniture_nodes(own_furniture, stream)
    body: list[int] = []
    best = -1
    used = RELAXATION_PASSES[0]
    for step in RELAXATION_PASSES:
        used = step
        body, best = _select(stream, weights, (own_furniture, furniture), step, config)
        if sum(len(tokens[i].text) for i in body) >= config.min_body_chars:
            break
    body = _adopt_figures(stream, body, best, furniture)
    strong = _furniture_nodes([ev.negative and not ev.protected for ev in evidence], stream)
    with_lead = _adopt_lead_figure(stream, body, strong, metadata)
    # a picture from the article's <header> (weak furniture) leaves the lead-paragraph
    # search where the text starts
    from_header = len(with_lead) > len(body) and furniture[tokens[with_lead[0]].node]
    window_start = body[0] if from_header else None
    body = _drop_title(with_lead, tokens, metadata)
    summary, body = _find_summary(stream, body, metadata, window_start)
    # "Stand: 22.04.2024, 06:00 Uhr" is the date stage's, not the body's; dropped last,
    # so the lead-picture and lead-paragraph searches still see where the text starts
    body = [i for i in body if not _is_timestamp(tokens[i])]
    detail = f"generic scoring, pass {used.name}"
    sources = {"body": FieldSource(kind=SourceKind.DOM, detail=detail)}
    if summary is not None:
        sources["summary"] = FieldSource(kind=SourceKind.DOM, detail="lead paragraph")
    return PartialArticle(
        body=tuple(tokens[i] for i in body),
        summary=summary,
        sources=sources,
    )


@dataclass(frozen=True, slots=True)
class _Evidence:
    """What a node's class/id/role says (computed once per distinct evidence string)."""

    protected: bool
    """Strong content evidence ("article-body"): never furniture."""
    negative: bool
    """Furniture evidence ("comments", "share", "newsletter")."""
    weak_negative: bool
    """Furniture-ish evidence also seen on wrappers ("header", "banner", "tools")."""
    positive: bool
    """Content evidence ("article", "content", "story")."""


_EVIDENCE_KINDS: Final = tuple(
    _Evidence(
        protected=bool(bits & 1),
        negative=bool(bits & 2),
        weak_negative=bool(bits & 4),
        positive=bool(bits & 8),
    )
    for bits in range(16)
)
"""The sixteen possible verdicts, built once and shared (they are frozen): a page has a
hundred or more distinct class strings."""
_NO_EVIDENCE: Final = _EVIDENCE_KINDS[0]


def _read_evidence(stream: TokenStream) -> list[_Evidence]:
    """Each node's evidence; identical class strings are matched only once."""
    seen: dict[str, _Evidence] = {}
    out: list[_Evidence] = []
    for info in stream.nodes:
        raw = info.evidence
        if not raw:
            out.append(_NO_EVIDENCE)
            continue
        found = seen.get(raw)
        if found is None:
            text = _evidence(raw)
            positive = POSITIVE_EVIDENCE.search(text) is not None
            found = seen[raw] = _EVIDENCE_KINDS[
                # (every strong word holds a positive one: "article-body", "post-content")
                (1 if positive and POSITIVE_STRONG.search(text) else 0)
                | (2 if NEGATIVE_EVIDENCE.search(text) else 0)
                | (4 if WEAK_NEGATIVE_EVIDENCE.search(text) else 0)
                | (8 if positive else 0)
            ]
        out.append(found)
    return out


def _node_weights(stream: TokenStream, evidence: list[_Evidence]) -> list[float]:
    """Evidence bonus per node: +1 content, -1 furniture, 0 unknown (times class_weight)."""
    weights: list[float] = []
    for info, ev in zip(stream.nodes, evidence, strict=True):
        weight = 0.0
        if info.tag in CONTENT_TAGS:
            weight += 1.0
        elif info.tag in BOILERPLATE_TAGS:
            weight -= 1.0
        if ev.negative or ev.weak_negative:
            weight -= 1.0
        elif ev.positive:
            weight += 1.0
        weights.append(weight)
    return weights


TAXONOMY_WORDS: Final = (
    "tag", "tags", "category", "categories", "topic", "topics", "post", "format", "author",
    "section", "type", "status", "term", "label",
)  # fmt: skip
TAXONOMY_CLASS: Final = re.compile(rf"(?<!\S)(?:{'|'.join(TAXONOMY_WORDS)})[-_][\w-]+")
"""CMS taxonomy classes ("tag-social-media", "category-comments"): labels of the
article's topics, not evidence of what the container is. A class starts the value or
follows whitespace, which a lookbehind says: a leading ``(?:^|\\s)`` cost 1.6 times
as much per class string. The whitespace before a class is kept; the evidence patterns
do not count spaces."""
TAXONOMY_NEEDLES: Final = (
    "tag", "categor", "topic", "post", "format", "author", "section", "type", "status", "term",
    "label",
)  # fmt: skip
"""What every ``TAXONOMY_CLASS`` match holds: most class strings hold none of these, and
their ``in`` tests cost a fraction of the substitution (tried at every position)."""


SLUG_TOKEN: Final = re.compile(r"(?:^|\s)[a-z0-9]+(?:-[a-z0-9]+){3,}(?=\s|$)")
"""Ids made from a heading's words ("sharing-with-a-single-developer"): anchors, not
evidence of what the container is."""
SLUG_HINT: Final = re.compile(r"-[a-z0-9]+-[a-z0-9]+-")
"""What every ``SLUG_TOKEN`` match contains: a cheap test before the substitution (most
class strings have no slug, and the anchored pattern tries every position)."""


def _evidence(raw: str) -> str:
    """Class/id evidence without CMS taxonomy classes and heading-slug ids."""
    if "-" not in raw and "_" not in raw:  # both patterns need a "-" or "_" (cheap test)
        return raw
    text = TAXONOMY_CLASS.sub(" ", raw) if holds(raw, TAXONOMY_NEEDLES) else raw
    return SLUG_TOKEN.sub(" ", text) if SLUG_HINT.search(text) else text


def _own_furniture(
    stream: TokenStream, evidence: list[_Evidence], config: ScoringConfig
) -> list[bool]:
    """For each node: its own tag or class/id says furniture. Weak evidence (a
    ``<header>``, a "banner" or "tools" class) counts only when the node holds a small
    share of the page's text: wrappers around everything are never furniture."""
    nodes = stream.nodes
    text_chars = [0] * len(nodes)
    others = [0] * len(nodes)  # tokens that are not captioned pictures, per subtree
    captioned = [0] * len(nodes)  # captioned pictures, per subtree
    total = 0
    for token in stream.tokens:
        if token.node < 0:
            continue
        if token.kind in PICTURE_KINDS and token.image is not None and token.image.caption:
            captioned[token.node] += 1
        else:
            others[token.node] += 1
        if token.kind not in VOTING_KINDS:
            continue
        size = len(token.text)
        total += size
        text_chars[token.node] += size
    # wrappers: nodes holding the article's own element (<article>, <main>, the <h1>)
    anchors = [1 if info.tag in CONTENT_TAGS or info.tag == "h1" else 0 for info in nodes]
    _sum_up(nodes, text_chars, others, captioned, anchors)
    limit = config.furniture_max_text_share * total
    flags: list[bool] = []
    for index, (info, ev) in enumerate(zip(nodes, evidence, strict=True)):
        if ev.protected or info.tag in PAGE_TAGS or (captioned[index] and not others[index]):
            # (a lightbox, modal or gallery trigger around one captioned picture is how
            # the picture opens, not furniture)
            flags.append(False)
            continue
        # an <article> or <main> is the content's own element, and an element around it
        # or around the headline is a page wrapper: a furniture word in their classes
        # ("video-player__stuck-container", "ad-portal", "contentwithsidebar") is a
        # layout hook unless the element holds little of the page's text (a comment
        # posted as <article class="comment">)
        negative = ev.negative and not anchors[index]
        # a picture's own weak classes ("button", "tools": a lightbox or share hook on
        # the image) say how it is operated, not that it is furniture
        weak = info.tag not in PICTURE_TAGS and (
            info.tag in BOILERPLATE_TAGS or ev.weak_negative or ev.negative
        )
        flags.append(negative or (weak and text_chars[index] <= limit))
    return flags


def _sum_up(nodes: tuple[NodeInfo, ...], *counts: list[int]) -> None:
    """Per-node counts → subtree totals, in place. Nodes are in document order, so every
    parent comes before its children: one backward pass carries each node's totals into
    its parent."""
    for index in range(len(nodes) - 1, -1, -1):
        parent = nodes[index].parent
        if parent >= 0:
            for values in counts:
                values[parent] += values[index]


def _furniture_nodes(own: list[bool], stream: TokenStream) -> list[bool]:
    """For each node: it or an ancestor is furniture."""
    flags: list[bool] = []
    for index, info in enumerate(stream.nodes):
        flags.append(own[index] or (info.parent >= 0 and flags[info.parent]))
    return flags


POSITIVE_STRONG_WORDS: Final = (
    "article-?body",
    "story-?body",
    "articlebody",
    "post-?content",
    "entry-?content",
)
POSITIVE_STRONG: Final = keyword_regex(*POSITIVE_STRONG_WORDS)
"""Evidence strong enough to keep a container whose class also names furniture. Each
alternative holds a ``POSITIVE_EVIDENCE`` word, which is searched for first."""


def _token_vote(token: Token, config: ScoringConfig) -> float:
    text = token.text
    if token.kind not in VOTING_KINDS or len(text) < config.min_paragraph_chars:
        return 0.0
    score = (
        1.0 + text.count(",") + min(len(text) / config.chars_per_point, config.max_length_points)
    )
    return score * (1.0 - token.link_density)


def _select(
    stream: TokenStream,
    weights: list[float],
    furniture_flags: tuple[list[bool], list[bool]],
    step: RelaxationPass,
    config: ScoringConfig,
) -> tuple[list[int], int]:
    """The selected token indices and the winning container (-1 when none).

    ``furniture_flags`` is (own furniture, own-or-inherited furniture) per node.
    """
    own_furniture, furniture = furniture_flags
    tokens = stream.tokens
    nodes = stream.nodes
    if step.whole_document:
        whole = [
            i
            for i, t in enumerate(tokens)
            if t.kind in BODY_KINDS
            and len(t.text) >= config.short_block_chars
            and t.link_density <= config.max_link_density
        ]
        return whole, -1
    scores = [0.0] * len(nodes)
    chars = [0] * len(nodes)
    links = [0] * len(nodes)
    content = [0] * len(nodes)
    noise = [0] * len(nodes)
    shares = (config.parent_share, config.grandparent_share) + (config.ancestor_share,) * (
        config.ancestor_levels
    )
    for token in tokens:
        if token.node < 0:
            continue
        vote = _token_vote(token, config)
        node = token.node
        level = 0
        # the block element itself is level 0 when it is a leaf paragraph: credit its parent
        if nodes[node].tag in ("p", "li", "pre", "blockquote", "td", "dd"):
            node = nodes[node].parent
        is_content = vote > 0.0 and not (step.class_filter and furniture[token.node])
        if node < 0:
            continue
        size = len(token.text)
        # sizes are added to the token's own node here and summed up the tree below
        chars[node] += size
        links[node] += token.link_chars
        if is_content:
            content[node] += size
        else:
            noise[node] += size
        if not vote:
            continue
        walker = node
        while walker >= 0 and level < len(shares):
            if not (step.class_filter and furniture[walker]):
                scores[walker] += vote * shares[level]
            level += 1
            walker = nodes[walker].parent
    _sum_up(nodes, chars, links, content, noise)
    best = -1
    best_score = 0.0
    final = [0.0] * len(nodes)
    for idx, raw in enumerate(scores):
        if raw <= 0.0:
            continue
        density = links[idx] / chars[idx] if chars[idx] else 0.0
        value = (raw + weights[idx] * config.class_weight * _weight_scale(raw)) * (1.0 - density)
        final[idx] = value
        if value > best_score:
            best, best_score = idx, value
    if best < 0:
        return [], -1
    best = _promote(stream, final, best, config)
    best = _expand(stream, content, noise, best, config)
    story = _first_story(stream, best, content, config)
    best, whole_story = story, story != best  # (the story's <article> is all of it)
    best_score = final[best]
    chosen = {best}
    parent = nodes[best].parent
    if step.siblings and parent >= 0 and not whole_story:
        threshold = best_score * config.sibling_ratio
        for idx, info in enumerate(nodes):
            if info.parent == parent and idx != best and final[idx] >= threshold:
                chosen.add(idx)
        # a paragraph beside the winner (the lead above a "paywall" or "body" box) votes
        # for the parent, not for itself: it joins when it is prose and not furniture
        for token in tokens:
            node = token.node
            if (
                node >= 0
                and nodes[node].parent == parent
                and nodes[node].tag == "p"
                and not (step.class_filter and furniture[node])
                and token.link_density <= config.max_link_density
                and _token_vote(token, config) > 0.0
            ):
                chosen.add(node)
        chosen |= _repeated_units(
            nodes,
            best,
            (content, chars),
            furniture if step.class_filter else None,
            config.min_body_chars,
        )
    prose_lists = _prose_lists(tokens, config)
    selected: list[int] = []
    for i, token in enumerate(tokens):
        if token.kind not in BODY_KINDS or token.node < 0:
            continue
        inside = _inside(stream, token.node, chosen)
        if inside < 0:
            continue
        if step.class_filter and _furniture_between(stream, own_furniture, token.node, inside):
            continue
        if not _keep_block(token, config, prose_lists):
            continue
        selected.append(i)
    return selected, best


GENERATED_ID: Final = re.compile(r"[0-9a-f]{8,}|\d{4,}")
"""Part of a generated class or id (a hash, a UUID, a database number): two boxes that
differ only by one are two copies of one kind of box."""
REPEATED_UNIT_LEVELS: Final = 3
"""How many levels above the winner are looked at for repeated units."""


def _repeated_units(
    nodes: tuple[NodeInfo, ...],
    best: int,
    texts: tuple[list[int], list[int]],
    furniture: list[bool] | None,
    min_chars: int,
) -> set[int]:
    """Articles split into repeated units ("step 1", "step 2" …, each a ``div`` with the
    same classes) leave the winner inside one unit: the unit around it (up to
    ``REPEATED_UNIT_LEVELS`` levels up) and its siblings with the very same class/id
    evidence and some content text join, unless they are furniture. Siblings whose
    classes differ from the unit's only by a generated id (``GENERATED_ID``: a CMS that
    gives each text widget a UUID) join when they hold ``min_chars`` of text: they are
    the same kind of box as the winner, whatever the share rule makes of a small one."""
    content, chars = texts  # content text (furniture left out) and all text, per node
    joined: set[int] = set()
    unit = best
    for _ in range(REPEATED_UNIT_LEVELS):
        parent = nodes[unit].parent
        if parent < 0 or nodes[parent].tag in PAGE_TAGS:
            break
        evidence = nodes[unit].evidence
        twin = _without_ids(evidence)
        if evidence:
            same = [
                i
                for i in range(parent + 1, len(nodes))
                if nodes[i].parent == parent
                and i != unit
                and (
                    (
                        nodes[i].evidence == evidence
                        and content[i] > 0
                        and not (furniture is not None and furniture[i])
                    )
                    # the same classes but for an id ("widget-3f2a…"): judged as the unit
                    or (
                        twin
                        and nodes[i].evidence != evidence
                        and _without_ids(nodes[i].evidence) == twin
                        and chars[i] >= min_chars
                    )
                )
            ]
            if same:
                joined.update(same)
                joined.add(unit)
                break
        unit = parent
    return joined


def _without_ids(evidence: str) -> list[str]:
    """Class/id words without generated ones (a UUID, "live-1924698-qq0im")."""
    return [word for word in evidence.split() if not GENERATED_ID.search(word)]


def _adopt_figures(
    stream: TokenStream, body: list[int], best: int, furniture: list[bool]
) -> list[int]:
    """Figures next to the winning container (a lead image above the text) join the
    body when they share its parent and are not furniture."""
    if best < 0 or not body:
        return body
    scope = stream.nodes[best].parent
    if scope < 0:
        return body
    chosen = set(body)
    last = body[-1]
    for i, token in enumerate(stream.tokens[: last + 1]):
        if (
            token.kind in PICTURE_KINDS
            and i not in chosen
            and token.node >= 0
            and not furniture[token.node]
            and _inside(stream, token.node, {scope}) >= 0
        ):
            chosen.add(i)
    return sorted(chosen)


def _adopt_lead_figure(
    stream: TokenStream, body: list[int], furniture: list[bool], metadata: Metadata
) -> list[int]:
    """The picture between the headline and the text (outside the text's container in
    many designs) is the article's lead image. ``furniture`` is strong furniture only:
    the article's own ``<header>`` (weak evidence) is where a lead picture sits."""
    if not body:
        return body
    tokens = stream.tokens
    first = body[0]
    start = max(0, first - LEAD_WINDOW)
    if metadata.title is not None:
        title = _norm(metadata.title.value)
        for i in range(first - 1, start - 1, -1):
            if tokens[i].kind is _HEADING and _norm(tokens[i].text) == title:
                start = i + 1
                break
    for i in range(first - 1, start - 1, -1):
        token = tokens[i]
        if token.kind in PICTURE_KINDS and token.node >= 0 and not furniture[token.node]:
            return [i, *body]
    return body


def _promote(stream: TokenStream, final: list[float], best: int, config: ScoringConfig) -> int:
    """Move the winner up when the article is split over several close containers.

    1. When at least ``promote_min_alternatives`` other containers score within
       ``promote_alternative_ratio`` of the best, the nearest ancestor of the best that
       also contains that many of them wins (text split into many ``div`` blocks).
    2. Then climb while a parent outscores its child, as long as the scores on the way
       stay above ``promote_floor_ratio`` of the winner's (wrappers around the text).
    """
    nodes = stream.nodes
    best_score = final[best]
    alternatives = [
        i
        for i, value in enumerate(final)
        if i != best and value >= config.promote_alternative_ratio * best_score
    ]
    if len(alternatives) >= config.promote_min_alternatives:
        alt_ancestors = [set(stream.ancestors(i)) for i in alternatives]
        node = nodes[best].parent
        while node >= 0 and nodes[node].tag not in PAGE_TAGS:
            if sum(node in chain for chain in alt_ancestors) >= config.promote_min_alternatives:
                best = node
                break
            node = nodes[node].parent
    last = final[best]
    floor = last * config.promote_floor_ratio
    node = nodes[best].parent
    while node >= 0 and nodes[node].tag not in PAGE_TAGS:
        if final[node] < floor:
            break
        if final[node] > last:
            best = node
            break
        last = final[node]
        node = nodes[node].parent
    return best


def _expand(
    stream: TokenStream, content: list[int], noise: list[int], best: int, config: ScoringConfig
) -> int:
    """Widen the winner to an ancestor when that adds real text and little noise.

    Articles split over sibling blocks at several levels (a ``div`` per paragraph
    group) leave the winner holding one part. Going up, an ancestor is taken when it
    holds ``expand_min_gain`` more content text and the text it adds is mostly
    content (added noise / added content ≤ ``expand_max_noise_ratio``); pure wrappers
    (no gain) are passed through.
    """
    nodes = stream.nodes
    node = nodes[best].parent
    while node >= 0 and nodes[node].tag not in PAGE_TAGS:
        gain = content[node] - content[best]
        if gain > 0:
            if gain < config.expand_min_gain * content[best]:
                break
            added_noise = noise[node] - noise[best]
            if added_noise > config.expand_max_noise_ratio * gain:
                break
            best = node
        node = nodes[node].parent
    return best


def _first_story(stream: TokenStream, best: int, content: list[int], config: ScoringConfig) -> int:
    """A winner holding several stories, each an ``<article>`` with its own ``<h1>`` and
    text (a page that appends the next story as the reader scrolls), narrows to the
    first: the page's own story. One ``<article>`` with an ``<h1>`` (or stories without
    text of their own) leaves the winner as it is."""
    nodes = stream.nodes
    stories: list[int] = []
    for token in stream.tokens:
        if token.kind is not _HEADING or token.level != 1 or token.node < 0:
            continue
        node = nodes[token.node].parent
        while node >= 0 and node != best and nodes[node].tag != "article":
            node = nodes[node].parent
        if (
            node >= 0
            and node != best
            and node not in stories
            and content[node] >= config.min_body_chars
            and _inside(stream, node, {best}) >= 0
        ):
            stories.append(node)
    return stories[0] if len(stories) >= MIN_STORIES else best


def _weight_scale(raw: float) -> float:
    """Class evidence counts less for containers with little text of their own."""
    return min(1.0, raw / 10.0)


def _inside(stream: TokenStream, node: int, chosen: set[int]) -> int:
    """The chosen ancestor of ``node`` (or ``node`` itself), or -1."""
    nodes = stream.nodes
    while node >= 0:
        if node in chosen:
            return node
        node = nodes[node].parent
    return -1


def _furniture_between(stream: TokenStream, own: list[bool], node: int, top: int) -> bool:
    """A node strictly inside ``top`` (up to and including ``node``) is furniture."""
    nodes = stream.nodes
    while node >= 0 and node != top:
        if own[node]:
            return True
        node = nodes[node].parent
    return False


def _prose_lists(tokens: tuple[Token, ...], config: ScoringConfig) -> frozenset[int]:
    """Lists (``Token.group``) with an item of prose: a sentence with few links.

    Such a list is part of the text (notes, steps, a changelog), so its items that are
    mostly link text ("Thanks to A, B now works" with both names linked) are kept; a
    list of nothing but links is navigation or a "related" box."""
    return frozenset(
        token.group
        for token in tokens
        if token.kind is _LIST_ITEM
        and token.group >= 0
        and token.link_density <= config.max_link_density
        and len(token.text.split()) >= MIN_PROSE_ITEM_WORDS
    )


def _keep_block(token: Token, config: ScoringConfig, prose_lists: frozenset[int]) -> bool:
    if token.kind in PICTURE_KINDS or token.kind is _EMBED:
        return True
    text = token.text
    if not text:
        return False
    if token.kind is _LIST_ITEM:
        return token.link_density <= config.max_link_density or token.group in prose_lists
    if token.link_density > config.max_link_density:
        return False
    if len(text) < config.short_block_chars:
        return not (classify(text) & FURNITURE_HINTS or is_credit_line(text))
    if len(text) < config.notice_block_chars:
        return not classify(text, only=PROMPT_HINTS)
    return True


def _is_timestamp(token: Token) -> bool:
    """A paragraph that only states a time, or a programme-slot line of ``|`` fields
    (also as a heading: "Radio Nord | Regional | 17.06.2025 | 15:00 Uhr"); plain date
    headings stay (a live blog's day headings)."""
    if token.kind is _PARAGRAPH:
        return is_timestamp_line(token.text)
    return token.kind is _HEADING and "|" in token.text and is_timestamp_line(token.text)


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def _drop_title(body: list[int], tokens: tuple[Token, ...], metadata: Metadata) -> list[int]:
    if metadata.title is None:
        return body
    title = _norm(metadata.title.value)
    return [i for i in body if not (tokens[i].kind is _HEADING and _norm(tokens[i].text) == title)]


def _find_summary(
    stream: TokenStream, body: list[int], metadata: Metadata, window_start: int | None = None
) -> tuple[str | None, list[int]]:
    """Find the lead paragraph: by class evidence near the body start, or by matching
    the meta description. It leaves the body when it was part of it. ``window_start``
    (default: the body's first token) is where the search window is centred."""
    tokens = stream.tokens
    if not body:
        return None, body
    start = body[0] if window_start is None else window_start
    description = _norm(metadata.summary.value) if metadata.summary else ""
    window = range(max(0, start - SUMMARY_SEARCH_TOKENS), min(len(tokens), start + 3))
    for i in window:
        token = tokens[i]
        if token.kind is not _PARAGRAPH or len(token.text) < MIN_SUMMARY_CHARS:
            continue
        text = _norm(token.text)
        by_class = token.node >= 0 and any(
            SUMMARY_EVIDENCE.search(stream.nodes[n].evidence)
            for n in stream.ancestors(token.node)[:3]
            if stream.nodes[n].evidence
        )
        if by_class or (description and text == description):
            return token.text, [j for j in body if j != i]
    return None, body
