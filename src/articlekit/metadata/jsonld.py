"""JSON-LD extraction: ``<script type="application/ld+json">`` blocks → ``Findings``.

Input → output: a read-only lxml document (and the page URL) → candidates from the
article-like schema.org object (headline, description, dates, authors, publisher,
section, keywords, language, image, paywall flag, URLs). Malformed JSON is repaired
where possible; what cannot be read becomes a warning, never an exception.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Final

from lxml import html

from articlekit.metadata._findings import Findings, Warn
from articlekit.metadata._head import Marked, collect_marked
from articlekit.metadata._patterns import is_organization, normalize_name, parse_byline
from articlekit.metadata._text import absolute_url, clean_text
from articlekit.metadata.types import Evidence, PersonRef
from articlekit.model.provenance import SourceKind

__all__ = ["extract_jsonld", "find_article_node", "parse_jsonld_text"]


MAX_SCRIPT_CHARS: Final = 2_000_000
"""Scripts larger than this are skipped: no article's metadata needs 2 MB."""
MAX_DEPTH: Final = 32
"""Nesting deeper than this is not walked (protects against hostile or broken data)."""
MAX_NODES: Final = 5_000
"""At most this many JSON objects are indexed per document."""
MAX_KEYWORD_CHARS: Final = 80
"""A "keyword" longer than this is a sentence, not a topic."""
MAX_PEOPLE: Final = 30
"""At most this many author entries are read from one object."""

LEADING_WRAPPER_RE: Final = re.compile(
    r"^\s*(?:<!--|//\s*<!\[CDATA\[|/\*\s*<!\[CDATA\[\s*\*/|<!\[CDATA\[)"
)
"""HTML comment / CDATA openers that some sites wrap their JSON in."""
TRAILING_WRAPPER_RE: Final = re.compile(r"(?:-->|//\s*\]\]>|/\*\s*\]\]>\s*\*/|\]\]>|;)\s*$")
"""The matching closers, and a trailing JavaScript semicolon."""
TRAILING_WRAPPER_ENDS: Final = (">", "/", ";")
"""The last character of every ``TRAILING_WRAPPER_RE`` closer: a text that ends
otherwise (before trailing whitespace) is not searched, since the unanchored search
tries every "/", "-" and "]" of the JSON."""
TRAILING_COMMA_RE: Final = re.compile(r",(\s*[}\]])")
"""A comma before a closing bracket: invalid JSON that browsers' JS engines accept."""
CONTROL_CHARS_RE: Final = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
"""Control characters outside strings, which JSON forbids."""
BAD_ESCAPE_RE: Final = re.compile(r"\\([^\"\\/bfnrtu])")
"""Backslash escapes JSON does not know (``\\'``, ``\\x``): keep the character."""
LINE_COMMENT_RE: Final = re.compile(r"^[ \t]*//[^\n]*$", re.MULTILINE)
"""A JavaScript line comment on its own line (commented-out properties)."""
TRAILING_LINE_COMMENT_RE: Final = re.compile(r"([,{\[])[ \t]+//[^\n\"]*$", re.MULTILINE)
"""A JavaScript comment after a comma or opening bracket, to the end of the line."""
SINGLE_QUOTED_VALUE_RE: Final = re.compile(r"(:\s*)'((?:[^'\\\n]|\\.)*)'(?=\s*[,}\]])")
"""A property value in single quotes, which JavaScript accepts and JSON does not."""
SEPARATORS_RE: Final = re.compile(r"[\s,;]*")
"""What may stand between several concatenated JSON values."""
IRI_SEPARATOR_RE: Final = re.compile(r"[/#:]")
"""What comes before a type's local name in an IRI (``https://schema.org/NewsArticle``)."""
URL_SCHEME_AND_WWW_RE: Final = re.compile(r"^https?://(www\.)?")
"""What ``_same_page`` ignores at the start of a URL."""

ARTICLE_TYPES: Final = frozenset(
    {
        "article",
        "newsarticle",
        "reportagenewsarticle",
        "analysisnewsarticle",
        "opinionnewsarticle",
        "reviewnewsarticle",
        "backgroundnewsarticle",
        "askpublicnewsarticle",
        "satiricalarticle",
        "advertisercontentarticle",
        "blogposting",
        "liveblogposting",
        "socialmediaposting",
        "discussionforumposting",
        "scholarlyarticle",
        "medicalscholarlyarticle",
        "techarticle",
        "report",
        "claimreview",
    }
)
"""schema.org types of an article (lower-case, without the vocabulary prefix)."""

PAGE_TYPES: Final = frozenset(
    {"webpage", "itempage", "aboutpage", "collectionpage", "profilepage", "qapage", "faqpage"}
)
"""schema.org page types: used as a fallback when no article-like object exists."""

SITE_TYPES: Final = frozenset({"website", "newsmediaorganization"})
"""schema.org types whose ``name`` is the site's name."""

CONTAINER_TYPES: Final = frozenset({"website", "periodical", "newspaper", "blog", "organization"})
"""schema.org types of an ``isPartOf`` value that names the site (not the page)."""

ORGANIZATION_TYPES: Final = frozenset(
    {"organization", "newsmediaorganization", "corporation", "ngo", "brand", "website"}
)
"""schema.org types that name an organisation rather than a person."""

PERSON_TYPES: Final = frozenset({"person"})
"""schema.org types of a person."""

Json = Any
"""A decoded JSON value (dict, list, str, number, bool or None)."""


@dataclass(frozen=True, slots=True)
class _Node:
    """A typed JSON-LD object reached through top-level lists, ``@graph`` or ``mainEntity``."""

    data: Mapping[str, Json]
    types: frozenset[str]
    order: int


@dataclass(slots=True)
class _Walk:
    """Scratch state of one walk over the decoded scripts (local to one call)."""

    nodes: list[_Node] = field(default_factory=list)
    ids: dict[str, Mapping[str, Json]] = field(default_factory=dict)
    seen: int = 0
    too_deep: bool = False


def _strip_wrappers(text: str) -> str:
    """Script text → the same text without comment/CDATA wrappers and trailing ``;``."""
    previous = None
    while previous != text:
        previous = text
        text = LEADING_WRAPPER_RE.sub("", text)
        if text.rstrip().endswith(TRAILING_WRAPPER_ENDS):
            text = TRAILING_WRAPPER_RE.sub("", text)
    return text.strip()


def _decode_all(text: str) -> tuple[list[Json], str | None]:
    """JSON text → every concatenated value in it, and the error that stopped reading."""
    decoder = json.JSONDecoder(strict=False)
    values: list[Json] = []
    index = 0
    length = len(text)
    while True:
        match = SEPARATORS_RE.match(text, index)
        index = match.end() if match else index
        if index >= length:
            return values, None
        try:
            value, index = decoder.raw_decode(text, index)
        except (ValueError, RecursionError) as exc:
            return values, str(exc)[:200]
        values.append(value)


def _double_quoted(match: re.Match[str]) -> str:
    """``: 'text'`` match → ``: "text"`` with inner double quotes escaped."""
    inner = match.group(2).replace("\\'", "'").replace('"', '\\"')
    return f'{match.group(1)}"{inner}"'


def parse_jsonld_text(text: str) -> tuple[tuple[Json, ...], tuple[Warn, ...]]:
    """Script text → decoded JSON values, repairing common mistakes, and warnings.

    Tolerates HTML comment and CDATA wrappers, a trailing semicolon, several values
    concatenated, control characters, trailing commas, unknown backslash escapes,
    ``//`` comment lines and single-quoted values.
    """
    body = _strip_wrappers(text)
    if not body:
        return (), ()
    values, error = _decode_all(body)
    if error is None:
        return tuple(values), ()
    repaired = CONTROL_CHARS_RE.sub(" ", body)
    repaired = LINE_COMMENT_RE.sub("", repaired)
    repaired = TRAILING_LINE_COMMENT_RE.sub(r"\1", repaired)
    repaired = SINGLE_QUOTED_VALUE_RE.sub(_double_quoted, repaired)
    repaired = TRAILING_COMMA_RE.sub(r"\1", repaired)
    repaired = BAD_ESCAPE_RE.sub(r"\1", repaired)
    fixed, fixed_error = _decode_all(repaired)
    if fixed_error is None:
        return tuple(fixed), ()
    best = fixed if len(fixed) > len(values) else values
    return tuple(best), (("metadata.jsonld_malformed", f"unreadable JSON-LD: {fixed_error}"),)


def _type_names(value: Json) -> frozenset[str]:
    """``@type`` value (string or list, maybe a full IRI) → lower-case local type names."""
    raw = value if isinstance(value, list) else [value]
    names = set()
    for item in raw:
        if isinstance(item, str) and item:
            names.add(IRI_SEPARATOR_RE.split(item.strip())[-1].lower())
    return frozenset(names)


def _walk(value: Json, state: _Walk, depth: int, *, main: bool) -> None:
    """Decoded JSON → nodes (article candidates when ``main``) and the ``@id`` index."""
    if depth > MAX_DEPTH:
        state.too_deep = True
        return
    if state.seen >= MAX_NODES:
        return
    if isinstance(value, list):
        for item in value:
            _walk(item, state, depth + 1, main=main)
        return
    if not isinstance(value, dict):
        return
    state.seen += 1
    node_id = value.get("@id")
    if isinstance(node_id, str) and len(value) > 1 and node_id not in state.ids:
        state.ids[node_id] = value
    if main and (types := _type_names(value.get("@type"))):  # (only candidates need types)
        state.nodes.append(_Node(value, types, len(state.nodes)))
    for key, child in value.items():
        if isinstance(child, dict | list):
            child_main = main and key in ("@graph", "mainEntity", "mainEntityOfPage")
            _walk(child, state, depth + 1, main=child_main)


def _resolve(value: Json, ids: Mapping[str, Mapping[str, Json]]) -> Json:
    """A ``{"@id": …}`` reference → the object it names, when the document defines it."""
    if isinstance(value, dict) and len(value) == 1 and isinstance(value.get("@id"), str):
        return ids.get(value["@id"], value)
    return value


def _first_text(value: Json, *, strip_tags: bool = False) -> str | None:
    """String, list of strings or ``{"name"|"@value": …}`` → the first clean text."""
    if isinstance(value, list):
        for item in value:
            text = _first_text(item, strip_tags=strip_tags)
            if text:
                return text
        return None
    if isinstance(value, dict):
        for key in ("@value", "name", "text"):
            if key in value:
                return _first_text(value[key], strip_tags=strip_tags)
        return None
    return clean_text(value, strip_tags=strip_tags) if isinstance(value, str) else None


def _first_url(value: Json, ids: Mapping[str, Mapping[str, Json]], base: str | None) -> str | None:
    """URL string, ImageObject, ``{"@id": …}`` or a list of them → the first absolute URL."""
    value = _resolve(value, ids)
    if isinstance(value, list):
        for item in value:
            found = _first_url(item, ids, base)
            if found:
                return found
        return None
    if isinstance(value, dict):
        for key in ("url", "contentUrl", "@id"):
            if isinstance(value.get(key), str | list):
                found = _first_url(value[key], ids, base)
                if found:
                    return found
        return None
    return absolute_url(value, base) if isinstance(value, str) else None


def _keywords(value: Json) -> tuple[str, ...]:
    """``keywords`` (comma-separated string, list, DefinedTerms) → clean keywords."""
    items: list[str] = []
    raw = value if isinstance(value, list) else [value]
    for item in raw:
        text = _first_text(item)
        if text is None:
            continue
        parts = text.split(",") if isinstance(item, str) else [text]
        for part in parts:
            word = clean_text(part)
            if word and len(word) <= MAX_KEYWORD_CHARS:
                items.append(word)
    return tuple(items)


def _person_name(node: Mapping[str, Json]) -> str | None:
    """Person object → its name (``name``, else ``givenName`` + ``familyName``)."""
    name = _first_text(node.get("name"))
    if name:
        return name
    parts = [_first_text(node.get(key)) for key in ("givenName", "familyName")]
    joined = " ".join(part for part in parts if part)
    return joined or None


def _people(
    value: Json, ids: Mapping[str, Mapping[str, Json]], base: str | None
) -> tuple[list[PersonRef], list[str]]:
    """``author``/``creator`` value → person references and organisation names."""
    persons: list[PersonRef] = []
    organizations: list[str] = []
    raw = value if isinstance(value, list) else [value]
    for entry in raw[:MAX_PEOPLE]:
        item = _resolve(entry, ids)
        if isinstance(item, str):
            byline = parse_byline(item)
            persons.extend(PersonRef(name=name, role=byline.role) for name in byline.persons)
            organizations.extend(byline.organizations)
            continue
        if not isinstance(item, dict):
            continue
        types = _type_names(item.get("@type"))
        name = _person_name(item)
        if not name:
            continue
        if types & ORGANIZATION_TYPES or any("organization" in t for t in types):
            organizations.append(name)
            continue
        if not types & PERSON_TYPES and is_organization(name):
            organizations.append(name)
            continue
        role = _first_text(item.get("jobTitle"))
        description = _first_text(item.get("description"), strip_tags=True)
        url = _first_url(item.get("url"), ids, base) or _first_url(item.get("sameAs"), ids, base)
        byline = parse_byline(name)
        if len(byline.persons) > 1:  # one Person object naming several people
            persons.extend(PersonRef(name=part, role=role) for part in byline.persons)
            organizations.extend(byline.organizations)
        elif (  # "Name, affiliation": the name (a lone word is what a role left over)
            byline.persons and " " in byline.persons[0] and normalize_name(name) is None
        ):
            only = byline.persons[0]
            persons.append(
                PersonRef(name=only, role=role or byline.role, description=description, url=url)
            )
        else:
            persons.append(PersonRef(name=name, role=role, description=description, url=url))
    return persons, organizations


def _is_paywalled(node: Mapping[str, Json]) -> bool | None:
    """Article object → True when it (or one of its parts) is not accessible for free."""
    flags = [node.get("isAccessibleForFree")]
    parts = node.get("hasPart")
    for part in parts if isinstance(parts, list) else [parts]:
        if isinstance(part, dict):
            flags.append(part.get("isAccessibleForFree"))
    seen: bool | None = None
    for flag in flags:
        text = str(flag).strip().lower() if flag is not None else ""
        if text in ("false", "0", "no"):
            return True
        if text in ("true", "1", "yes"):
            seen = False
    return seen


def _node_url(node: Mapping[str, Json]) -> str:
    """Article object → its ``url`` or ``mainEntityOfPage`` id (for matching the page URL)."""
    for key in ("url", "mainEntityOfPage"):
        value = node.get(key)
        if isinstance(value, dict):
            value = value.get("@id") or value.get("url")
        if isinstance(value, str):
            return value
    return ""


def _same_page(a: str, b: str | None) -> bool:
    """Two URLs → True when they name the same page (scheme, ``www.``, slash ignored)."""
    if not a or not b:
        return False

    def key(u: str) -> str:
        u = URL_SCHEME_AND_WWW_RE.sub("", u.strip().lower())
        return u.split("#")[0].split("?")[0].rstrip("/")

    return key(a) == key(b)


def find_article_node(nodes: list[_Node], *, url: str | None) -> tuple[_Node | None, _Node | None]:
    """Typed nodes → the best article-like node and the best page node (either may be None).

    Article types win; among them one whose URL is the page's, then one with a
    headline, then the first in document order.
    """

    def rank(node: _Node) -> tuple[bool, bool, int]:
        has_title = bool(node.data.get("headline") or node.data.get("name"))
        return (not _same_page(_node_url(node.data), url), not has_title, node.order)

    articles = [n for n in nodes if n.types & ARTICLE_TYPES]
    pages = [n for n in nodes if n.types & PAGE_TYPES and not n.types & ARTICLE_TYPES]
    article = min(articles, key=rank) if articles else None
    page = min(pages, key=rank) if pages else None
    return article, page


@dataclass(slots=True)
class _Collector:
    """Candidate lists being filled for one document (local to one call)."""

    fields: dict[str, list[Evidence[Any]]] = field(default_factory=dict)

    def add(self, name: str, value: object, detail: str) -> None:
        """Appends a JSON-LD candidate for field ``name`` unless the value is empty."""
        if value is None or value in ((), ""):
            return
        self.fields.setdefault(name, []).append(Evidence(value, SourceKind.JSONLD, detail))

    def get(self, name: str) -> tuple[Evidence[Any], ...]:
        """Field name → the candidates collected for it."""
        return tuple(self.fields.get(name, ()))


def _label(node: _Node) -> str:
    """Node → the schema.org type name used in evidence details, e.g. ``NewsArticle``."""
    raw = node.data.get("@type")
    first = raw[0] if isinstance(raw, list) and raw else raw
    return IRI_SEPARATOR_RE.split(first)[-1] if isinstance(first, str) else "Thing"


def _read_node(
    node: _Node, out: _Collector, ids: Mapping[str, Mapping[str, Json]], base: str | None
) -> None:
    """One article or page node → candidates for every field it has."""
    data = node.data
    label = _label(node)
    for key in ("headline", "name"):
        out.add("title", _first_text(data.get(key), strip_tags=True), f"{label}.{key}")
    summary = _first_text(data.get("description"), strip_tags=True)
    out.add("summary", summary, f"{label}.description")
    for key in ("datePublished", "dateCreated", "uploadDate"):
        out.add("published", _first_text(data.get(key)), f"{label}.{key}")
    out.add("modified", _first_text(data.get("dateModified")), f"{label}.dateModified")
    for key in ("author", "creator"):
        if key in data:
            persons, organizations = _people(data[key], ids, base)
            out.add("authors", tuple(persons), f"{label}.{key}")
            out.add("organizations", tuple(organizations), f"{label}.{key}")
    for key in ("publisher", "sourceOrganization", "isPartOf"):
        owner = _resolve(data.get(key), ids)
        if isinstance(owner, list) and owner:
            owner = _resolve(owner[0], ids)
        owner_types = _type_names(owner.get("@type")) if isinstance(owner, dict) else frozenset()
        if key == "isPartOf" and not owner_types & CONTAINER_TYPES:
            continue  # isPartOf is often the WebPage, whose name is the headline
        if isinstance(owner, dict) and not owner_types & PAGE_TYPES:
            out.add("site_name", _first_text(owner.get("name")), f"{label}.{key}.name")
    out.add("section", _first_text(data.get("articleSection")), f"{label}.articleSection")
    out.add("topics", _keywords(data.get("keywords")), f"{label}.keywords")
    language = data.get("inLanguage")
    if isinstance(language, dict):
        language = language.get("alternateName") or language.get("name")
    out.add("language", _first_text(language), f"{label}.inLanguage")
    for key in ("image", "thumbnailUrl"):
        out.add("lead_image", _first_url(data.get(key), ids, base), f"{label}.{key}")
    out.add("paywalled", _is_paywalled(data), f"{label}.isAccessibleForFree")
    out.add("canonical_url", _first_url(data.get("url"), ids, base), f"{label}.url")
    out.add(
        "canonical_url",
        _first_url(data.get("mainEntityOfPage"), ids, base),
        f"{label}.mainEntityOfPage",
    )


def _scripts(root: html.HtmlElement, marked: Marked | None) -> Iterator[str]:
    """Document → the text of each JSON-LD script, in document order."""
    for script in (marked or collect_marked(root)).ldjson:
        yield script.text or ""


def extract_jsonld(
    root: html.HtmlElement, *, url: str | None, marked: Marked | None = None
) -> Findings:
    """Document → JSON-LD candidates of the article-like object (see module docstring);
    ``marked``: the document's ``collect_marked``, when the caller has it."""
    warnings: list[Warn] = []
    state = _Walk()
    for index, text in enumerate(_scripts(root, marked)):
        if len(text) > MAX_SCRIPT_CHARS:
            message = f"JSON-LD script #{index + 1} skipped: {len(text)} chars"
            warnings.append(("metadata.jsonld_too_large", message))
            continue
        values, problems = parse_jsonld_text(text)
        warnings.extend((code, f"script #{index + 1}: {msg}") for code, msg in problems)
        for value in values:
            _walk(value, state, 0, main=True)
    if state.too_deep:
        warnings.append(("metadata.jsonld_too_deep", f"JSON-LD nested deeper than {MAX_DEPTH}"))
    out = _Collector()
    article, page = find_article_node(state.nodes, url=url)
    for node in (article, page):
        if node is not None:
            _read_node(node, out, state.ids, url)
    for node in state.nodes:
        if node.types & SITE_TYPES:
            out.add("site_name", _first_text(node.data.get("name")), f"{_label(node)}.name")
    return Findings(
        title=out.get("title"),
        summary=out.get("summary"),
        site_name=out.get("site_name"),
        language=out.get("language"),
        canonical_url=out.get("canonical_url"),
        section=out.get("section"),
        topics=out.get("topics"),
        authors=out.get("authors"),
        organizations=out.get("organizations"),
        published=out.get("published"),
        modified=out.get("modified"),
        lead_image=out.get("lead_image"),
        paywalled=out.get("paywalled"),
        warnings=tuple(warnings),
    )
