"""Fusion: candidates from every extractor → one ``Metadata``, by an explicit precedence table.

Input → output: the ``Findings`` of ``jsonld``, ``opengraph``, ``meta`` and ``dom`` (plus
the page URL and options) → ``Metadata`` with each field's winner, every candidate in
precedence order, and warnings. Precedence is data (``DEFAULT_PRECEDENCE``); the few
reconciliation rules (site-name suffixes, truncated headlines, the ``<h1>`` tie-break, an
``<h1>`` unrelated to every declared title, a kicker another source leaves out, name
normalisation, date precision, the day the page shows, a vote of the sources on the
publication day) are small named functions below.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any, Final, TypeVar
from zoneinfo import ZoneInfo

from articlekit.metadata._findings import Findings, Warn
from articlekit.metadata._patterns import (
    is_news_agency,
    is_organization,
    normalize_name,
    strip_byline_label,
)
from articlekit.metadata._text import clean_text, fold, host_label
from articlekit.metadata.dates import dates_differ, load_zone, parse_date, url_date
from articlekit.metadata.types import DateValue, Evidence, Metadata, PersonRef
from articlekit.model.provenance import SourceKind

__all__ = ["DEFAULT_PRECEDENCE", "Precedence", "Selector", "merge_findings"]

T = TypeVar("T")

Selector = SourceKind | tuple[SourceKind, str]
"""A source kind, or a kind plus an exact evidence ``detail`` (e.g. ``html[lang]``)."""

JSONLD: Final = SourceKind.JSONLD
OG: Final = SourceKind.OPENGRAPH
TWITTER: Final = SourceKind.TWITTER
META: Final = SourceKind.META
DOM: Final = SourceKind.DOM
URL: Final = SourceKind.URL
TEXT: Final = SourceKind.TEXT_PATTERN


@dataclass(frozen=True, slots=True)
class Precedence:
    """Per field, the order in which sources are trusted (first wins, ties keep source order).

    A candidate's rank is the position of the first selector it matches; candidates
    matching no selector are kept last.
    """

    title: tuple[Selector, ...] = (
        JSONLD,
        (META, "meta[name=dc.title]"),
        (META, "meta[property=dc.title]"),
        (META, "meta[name=dcterms.title]"),
        (META, "meta[property=dcterms.title]"),
        OG,
        TWITTER,
        (DOM, "[itemprop=headline]"),
        (DOM, "//article//h1"),
        META,
        DOM,  # a first <h1> outside the content is often a logo or section name
    )
    summary: tuple[Selector, ...] = (JSONLD, OG, TWITTER, META, DOM)
    site_name: tuple[Selector, ...] = (OG, JSONLD, META, TWITTER)
    language: tuple[Selector, ...] = ((DOM, "html[lang]"), OG, JSONLD, META, DOM)
    canonical_url: tuple[Selector, ...] = (META, OG, JSONLD)
    short_url: tuple[Selector, ...] = (META,)
    section: tuple[Selector, ...] = (JSONLD, OG, META, DOM)
    topics: tuple[Selector, ...] = (JSONLD, OG, META)
    authors: tuple[Selector, ...] = (JSONLD, META, DOM, OG, TWITTER)
    organizations: tuple[Selector, ...] = (JSONLD, META, DOM, OG, TWITTER)
    published: tuple[Selector, ...] = (JSONLD, OG, META, DOM, URL, TEXT)
    modified: tuple[Selector, ...] = (JSONLD, OG, META, DOM, TEXT)
    lead_image: tuple[Selector, ...] = (OG, JSONLD, TWITTER, META)
    paywalled: tuple[Selector, ...] = (JSONLD, OG)


DEFAULT_PRECEDENCE: Final = Precedence()
"""The precedence used by ``extract_metadata``."""

TITLE_SEPARATOR_RE: Final = re.compile(r"\s+[|\-–—·•»«/~*]\s+|\s*[|•»«]\s*|\s*::\s*|:\s+")
"""Separators between a headline and a site name in ``<title>``-like strings."""
ELLIPSIS_RE: Final = re.compile(r"\s*(?:…|\.\.\.+)\s*$")
"""A trailing ellipsis: the headline was shortened."""
LANGUAGE_RE: Final = re.compile(r"([a-z]{2,3})(?:[-_][a-z0-9]{2,8})*", re.IGNORECASE)
"""A whole BCP 47 / POSIX locale tag; group 1 is the primary language subtag."""
LANGUAGE_LIST_SPLIT_RE: Final = re.compile(r"[,;\s]+")
"""Separators in ``content-language`` lists (``"de-DE, en;q=0.5"``): the first tag counts."""
NOT_LANGUAGES: Final = frozenset({"und", "mul", "zxx", "mis"})
"""Language codes that name no language."""
MAX_TOPIC_CHARS: Final = 80
"""Longer "topics" are sentences."""
MAX_TOPICS: Final = 50
"""At most this many topics are kept (keyword stuffing beyond)."""
MACHINE_TOPIC_RE: Final = re.compile(
    r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"
    r"|^[0-9a-f]{16,}$|^\d+$"
    r"|^[\w-]+(?:\.[\w-]+)*\.(?:com|net|org|info|io|co|uk|de|fr|ca|au|at|ch|it|es|nl)$",
    re.IGNORECASE,
)
"""Keywords that are identifiers, not topics: UUIDs, hex hashes, bare numbers, host names."""
MIN_HOST_CHARS: Final = 3
"""A host label shorter than this ("ft", "rt") is not looked for inside title segments."""
MAX_HOST_EXTRA_CHARS: Final = 10
"""A segment naming the site holds its host label plus at most this many letters
("valleyheraldcom", "voguegermany")."""
MAX_SITE_WORDS: Final = 6
"""A title segment longer than this is not a site name."""
PLAIN_META_AUTHOR: Final = (SourceKind.META, "meta[name=author]")
"""The source of ``<meta name="author">``, a CMS default on many sites."""
MIN_SITE_PREFIX_WORDS: Final = 2
"""An author name this long that starts the site's name names the site."""
LONE_TITLE_MIN_WORDS: Final = 4
"""A lone ``<title>`` is only cut at a separator when the headline part has this many words…"""
LONE_TITLE_MAX_SUFFIX_WORDS: Final = 4
"""… and the cut-off part has at most this many (a site name, not half a headline)."""
H1_OUTRANKS: Final = frozenset({SourceKind.JSONLD, SourceKind.OPENGRAPH})
"""Sources whose headline stands even when ``<h1>`` and another source agree on another one:
the JSON-LD and OpenGraph headlines are declared by the publisher for this page (the
visible variant often differs on purpose, and a ``<title>``/Twitter copy of the ``<h1>``
is no independent vote)."""
QUIET_DATE_SOURCES: Final = frozenset({SourceKind.DOM, SourceKind.TEXT_PATTERN})
"""Sources whose unreadable dates are not worth a warning (``<time datetime="PT2M">``
durations, bare clock times): only declared metadata that fails to parse is reported."""
KICKER_RE: Final = re.compile(r"^[^:]{2,80}?(?::\s+|\s+[-–—]\s+)")
"""A kicker before the headline proper ("Olympische Spiele: …", "Eskalation – …")."""
WORD_RE: Final = re.compile(r"\w+")
"""A word, for comparing headlines."""
RELATED_MIN_SHARED_WORDS: Final = 0.5
"""Two headlines sharing this share of the shorter one's words are variants of one headline."""
MIN_OFFSET: Final = dt.timedelta(hours=-12)
"""The most negative UTC offset in use (Baker Island)."""
MAX_OFFSET: Final = dt.timedelta(hours=14)
"""The most positive UTC offset in use (Line Islands)."""
OFFSET_STEP: Final = dt.timedelta(minutes=15)
"""Every UTC offset in use is a whole number of quarter hours."""
MAX_SHOWN_DAY_SHIFT: Final = dt.timedelta(hours=10)
"""A UTC time is moved onto a neighbouring day the page shows only when an offset this
small does it (a story at 10:00 UTC printed the day before is another story's day)."""
VOTE_CONSISTENCY: Final = 2
"""A source kind votes for a day only when its first this many candidates agree."""
TRUNCATED_MIN_CHARS: Final = 50
"""A headline this long that is a prefix of a longer candidate was cut by a length limit."""


def _rank(evidence: Evidence[Any], selectors: tuple[Selector, ...]) -> int:
    """Evidence and selectors → the index of the first selector it matches."""
    for index, selector in enumerate(selectors):
        if isinstance(selector, tuple):
            if evidence.kind == selector[0] and evidence.detail == selector[1]:
                return index
        elif evidence.kind == selector:
            return index
    return len(selectors)


def _ordered(
    findings: Sequence[Findings], name: str, precedence: Precedence
) -> list[Evidence[Any]]:
    """All findings and a field name → that field's candidates, by precedence (stable)."""
    selectors: tuple[Selector, ...] = getattr(precedence, name)
    pooled: list[Evidence[Any]] = [ev for f in findings for ev in getattr(f, name)]
    return sorted(pooled, key=lambda ev: _rank(ev, selectors))


def _erase(evidence: Iterable[Evidence[Any]]) -> tuple[Evidence[object], ...]:
    """Typed evidence → the same evidence typed for ``Metadata.candidates``."""
    return tuple(evidence)


# --- titles -----------------------------------------------------------------------------


def _is_site(segment: str, sites: frozenset[str], host: str | None) -> bool:
    """Title segment → True when it names the site (a known site name or the host)."""
    key = fold(segment)
    if not key or len(segment.split()) > MAX_SITE_WORDS:
        return False
    if key in sites:
        return True
    if not host or len(host) < MIN_HOST_CHARS or host not in key:
        return False
    # the segment is the host with a little around it ("ValleyHerald.com", "Vogue Germany"),
    # not a phrase that happens to contain it ("Kate Moss auf dem VOGUE-Cover")
    return len(key) <= len(host) + MAX_HOST_EXTRA_CHARS and (
        key.startswith(host) or key.endswith(host)
    )


def _strip_site(title: str, sites: frozenset[str], host: str | None) -> str:
    """``"Headline | Site"``/``"Site: Headline"`` → ``"Headline"`` when a segment is the site."""
    segments = list(TITLE_SEPARATOR_RE.finditer(title))
    if not segments:
        return title
    first, last = segments[0], segments[-1]
    tail = title[last.end() :]
    if _is_site(tail, sites, host) and title[: last.start()].strip():
        return _strip_site(title[: last.start()].strip(), sites, host)
    head = title[: first.start()]
    if _is_site(head, sites, host) and title[first.end() :].strip():
        return _strip_site(title[first.end() :].strip(), sites, host)
    return title


def _strip_known(title: str, key: str, other_keys: Sequence[str]) -> str:
    """Title, its ``fold`` and those of the headline candidates → the title without a
    trailing segment.

    ``"Headline | Something"`` becomes ``"Headline"`` when another candidate is exactly
    ``"Headline"``. Only trailing segments are cut: a leading "Kicker: " is part of
    many headlines.
    """
    for other_key in other_keys:
        if not other_key or other_key == key or not key.startswith(other_key):
            continue
        for match in TITLE_SEPARATOR_RE.finditer(title):
            if ":" not in match.group() and fold(title[: match.start()]) == other_key:
                return title[: match.start()].strip()
    return title


def _strip_lone(title: str) -> str:
    """A lone ``<title>`` → without a short trailing segment (``"Long headline - Site"``)."""
    segments = list(TITLE_SEPARATOR_RE.finditer(title))
    if not segments:
        return title
    last = segments[-1]
    head, tail = title[: last.start()].strip(), title[last.end() :].strip()
    if (
        len(head.split()) >= LONE_TITLE_MIN_WORDS
        and len(tail.split()) <= LONE_TITLE_MAX_SUFFIX_WORDS
        and ":" not in last.group()
    ):
        return head
    return title


def _is_lone_title(candidates: list[Evidence[str]]) -> bool:
    """Headline candidates → True when ``<title>`` leads and nothing else says a headline.

    Copies of ``<title>`` say nothing more, and neither does a page element (``<h1>``)
    unrelated to it: a logo, a greeting or a section name (``_unrelated_dom_fallback``
    drops it anyway)."""
    if not candidates or candidates[0].detail != "title":
        return False
    first = candidates[0].value
    return all(
        fold(ev.value) == fold(first) or (ev.kind == DOM and not _related(ev.value, first))
        for ev in candidates[1:]
    )


def _is_truncation(short: str, long: str, *, confirmed: bool = False) -> bool:
    """Two headlines → True when ``short`` is ``long`` cut (with or without an ellipsis).

    A cut between two words is a length limit's only when ``short`` is not ``confirmed``
    by a second declared source (see ``_confirmed``); an ellipsis or a cut inside a
    word always is."""
    base = ELLIPSIS_RE.sub("", short)
    if len(long) <= len(base) or not long.startswith(base):
        return False
    if base != short:
        return True
    if long[len(base)].isalnum():
        return True
    return len(base) >= TRUNCATED_MIN_CHARS and not confirmed


def _choose_title(
    candidates: list[Evidence[str]], site_names: list[str], url: str | None
) -> Evidence[str] | None:
    """Headline candidates (by precedence) → the winner, reconciled (see module docstring)."""
    sites = frozenset(
        fold(name)
        for name in site_names
        if fold(name) and len(name.split()) <= MAX_SITE_WORDS  # longer: a headline put there
    )
    host = host_label(url)
    cleaned: list[Evidence[str]] = []
    keys: list[str] = []  # (each value folded once: every pair is compared below)
    for ev in candidates:
        value = _strip_site(ev.value, sites, host)
        key = fold(value)
        if key and key not in sites:
            cleaned.append(replace(ev, value=value))
            keys.append(key)
    if not cleaned:  # every candidate is the site's name: better that than nothing
        for ev in candidates:
            key = fold(ev.value)
            if key:
                cleaned.append(ev)
                keys.append(key)
        if not cleaned:
            return None
    cleaned = [
        replace(ev, value=_strip_known(ev.value, key, keys))
        for ev, key in zip(cleaned, keys, strict=True)
    ]
    if _is_lone_title(cleaned):
        cleaned = [replace(ev, value=_strip_lone(ev.value)) for ev in cleaned]
    winner = _corroborated_jsonld(cleaned) or cleaned[0]
    if winner.kind not in H1_OUTRANKS:
        winner = _agreeing_h1(cleaned) or winner
    if winner.kind == DOM:
        winner = _unrelated_dom_fallback(winner, cleaned)
    winner = _without_kicker(winner, cleaned)
    confirmed = _confirmed(winner, cleaned)
    for ev in cleaned:
        if _is_truncation(winner.value, ev.value, confirmed=confirmed):
            winner = ev
    return winner


def _confirmed(winner: Evidence[str], candidates: list[Evidence[str]]) -> bool:
    """Headline winner → True when another declared source (not a page element) of
    another kind says exactly the same: a headline two publishers' fields agree on was
    written that way, not cut by one field's length limit."""
    key = fold(winner.value)
    return any(ev.kind not in (winner.kind, DOM) and fold(ev.value) == key for ev in candidates)


def _corroborated_jsonld(candidates: list[Evidence[str]]) -> Evidence[str] | None:
    """Headline candidates → a later JSON-LD value (``name``) when only it is confirmed.

    Some objects put a description in ``headline`` and the title in ``name``: when the
    first JSON-LD value agrees with no other source and a later one does, the later wins.
    """
    jsonld = [ev for ev in candidates if ev.kind == JSONLD]
    others = {fold(ev.value) for ev in candidates if ev.kind != JSONLD}
    if len(jsonld) < 2 or not others or fold(jsonld[0].value) in others:
        return None
    return next((ev for ev in jsonld[1:] if fold(ev.value) in others), None)


def _words(text: str) -> frozenset[str]:
    """Text → its case-folded words."""
    return frozenset(WORD_RE.findall(text.casefold()))


def _related(first: str, second: str) -> bool:
    """Two headlines → True when one contains the other or they share most words."""
    a, b = fold(first), fold(second)
    if a in b or b in a:
        return True
    words_a, words_b = _words(first), _words(second)
    if not words_a or not words_b:
        return False
    shared = len(words_a & words_b) / min(len(words_a), len(words_b))
    return shared >= RELATED_MIN_SHARED_WORDS


def _unrelated_dom_fallback(
    winner: Evidence[str], candidates: list[Evidence[str]]
) -> Evidence[str]:
    """A page-element headline (``<h1>``) that shares nothing with any declared title
    (``<title>``, meta titles) is a logo, a section name or filler: the declared one wins."""
    declared = [ev for ev in candidates if ev.kind != DOM]
    if not declared or any(_related(winner.value, ev.value) for ev in declared):
        return winner
    return declared[0]


def _without_kicker(winner: Evidence[str], candidates: list[Evidence[str]]) -> Evidence[str]:
    """``"Kicker: Headline"`` → ``"Headline"`` when another declared source (OpenGraph,
    Twitter, meta) gives exactly that. A page ``<h1>`` does not count: it often shows the
    kicker in a separate element, so its text alone says nothing about the headline."""
    match = KICKER_RE.match(winner.value)
    if match is None:
        return winner
    rest = fold(winner.value[match.end() :])
    for ev in candidates:
        if ev is not winner and ev.kind != DOM and fold(ev.value) == rest:
            return ev
    return winner


def _agreeing_h1(candidates: list[Evidence[str]]) -> Evidence[str] | None:
    """Headline candidates → the page's ``<h1>`` if a non-DOM candidate says the same."""
    for h1 in candidates:
        if h1.kind == DOM and "h1" in h1.detail:
            key = fold(h1.value)
            if any(fold(ev.value) == key for ev in candidates if ev.kind != DOM):
                return h1
    return None


# --- people -----------------------------------------------------------------------------


def _names_site(name: str, site_keys: frozenset[str]) -> bool:
    """Name → True when it is the site's name, or the start of it ("Deutsche Welle" for
    the site "Deutsche Welle (www.dw.com)")."""
    key = fold(name)
    if key in site_keys:
        return True
    return len(name.split()) >= MIN_SITE_PREFIX_WORDS and any(
        site.startswith(key) for site in site_keys
    )


def _normalise_people(
    evidence: Evidence[tuple[PersonRef, ...]], site_keys: frozenset[str]
) -> tuple[Evidence[tuple[PersonRef, ...]], tuple[str, ...]]:
    """Author evidence → normalised, deduplicated persons, and names that are organisations.

    A "person" whose name is the site's name or host (``meta author="Example News"``)
    is an organisation.
    """
    persons: dict[str, PersonRef] = {}
    organizations: list[str] = []
    for person in evidence.value:
        name = normalize_name(person.name)
        if name is None:  # not a person, perhaps an organisation ("Par example.org")
            organization = strip_byline_label(clean_text(person.name) or "")
            if 0 < len(organization) <= MAX_TOPIC_CHARS and is_organization(organization):
                organizations.append(organization)
            continue
        if is_organization(name) or _names_site(name, site_keys):
            organizations.append(name)
            continue
        persons.setdefault(name.casefold(), replace(person, name=name))
    return replace(evidence, value=tuple(persons.values())), tuple(organizations)


def _same_source_organizations(
    orgs: list[Evidence[tuple[str, ...]]], key: tuple[SourceKind, str]
) -> Evidence[tuple[str, ...]] | None:
    """Organisation candidates and a source → that source's organisations in one evidence
    (a JSON-LD author list yields persons moved to organisations and ``Organization``
    objects as two candidates of one source)."""
    names = [name for ev in orgs if (ev.kind, ev.detail) == key for name in ev.value]
    unique = _dedupe_strings(names, max_chars=MAX_TOPIC_CHARS)
    return Evidence(unique, key[0], key[1]) if unique else None


def _first_source_organizations(
    orgs: list[Evidence[tuple[str, ...]]],
) -> Evidence[tuple[str, ...]] | None:
    """Organisation candidates → the first source's organisations in one evidence, if any."""
    return _same_source_organizations(orgs, (orgs[0].kind, orgs[0].detail)) if orgs else None


def _fuller_byline(
    winner: Evidence[tuple[PersonRef, ...]], others: Sequence[Evidence[tuple[PersonRef, ...]]]
) -> Evidence[tuple[PersonRef, ...]]:
    """Winning persons → the first visible byline that names all of them and more, if any.

    Declared metadata sometimes lists only the first of several writers; a byline on the
    page that names every declared one plus others is the complete list when another
    source names the others on its own (one byline element alone also catches teaser
    and caption names next to it, and a second reading of that same text repeats it
    whole).
    """
    names = {person.name.casefold() for person in winner.value}
    sets = [{person.name.casefold() for person in ev.value} for ev in others]
    for ev, found in zip(others, sets, strict=True):
        if ev.kind is not DOM or not names < found:
            continue
        seconded = {name for other in sets if not found <= other for name in other}
        if found - names <= seconded:
            return ev
    return winner


def _not_editors(
    people: list[Evidence[tuple[PersonRef, ...]]], editors: frozenset[str]
) -> list[Evidence[tuple[PersonRef, ...]]]:
    """Person candidates → the same, minus a leading source whose persons the page labels
    as its editors ("Editor: Jane Roe") when another source names someone who is not:
    declared metadata of some sites names the desk editor as the author."""
    if not editors or not people:
        return people
    for index, ev in enumerate(people):
        if any(person.name.casefold() not in editors for person in ev.value):
            return people[index:]
    return people


def _credited(
    orgs: list[Evidence[tuple[str, ...]]], site_keys: frozenset[str]
) -> Evidence[tuple[str, ...]] | None:
    """Organisation candidates → those of the first source that credits them as authors.

    A plain ``<meta name="author">`` often names whoever built the site ("Example Web
    Design GmbH"): it counts only when it names the site itself or a news agency.
    """
    for ev in orgs:
        if (ev.kind, ev.detail) == PLAIN_META_AUTHOR and not any(
            _names_site(name, site_keys) or is_news_agency(name) for name in ev.value
        ):
            continue
        return _same_source_organizations(orgs, (ev.kind, ev.detail))
    return None


def _choose_people(
    people: list[Evidence[tuple[PersonRef, ...]]],
    orgs: list[Evidence[tuple[str, ...]]],
    editors: frozenset[str] = frozenset(),
    site_keys: frozenset[str] = frozenset(),
) -> tuple[Evidence[tuple[PersonRef, ...]] | None, Evidence[tuple[str, ...]] | None]:
    """Person and organisation candidates → the winning authors and organisations.

    The first source (by precedence) naming a person gives the authors; organisations
    come from that same source when it names any (``"By Ana Ortiz, Wire Service"``),
    else from the first source naming one. An organisation-only author list higher up
    (``"author": {"@type": "Organization"}``) does not hide persons named lower down:
    it is usually the publisher standing in for a byline. Sources naming only persons
    the page labels as editors come after those naming someone else (``editors``,
    casefolded names).

    When no source names a person, the organisations credited as author by the first
    source naming one are the authors ("dpa", "Example News", "Redaktion Example"): the
    page says who stands behind the text, and it is not a person. They stay in the
    organisations too. A plain ``<meta name="author">`` counts only when it names the
    site or a news agency (see ``_credited``); ``site_keys`` are the site's folded names.
    """
    people = _not_editors(people, editors)
    first_person = people[0] if people else None
    if first_person is None:
        named = _first_source_organizations(orgs)
        credited = _credited(orgs, site_keys)
        if credited is None:
            return None, named
        as_authors = tuple(PersonRef(name=name) for name in credited.value)
        return Evidence(as_authors, credited.kind, credited.detail), named
    first_person = _fuller_byline(first_person, people[1:])
    key = (first_person.kind, first_person.detail)
    return first_person, _same_source_organizations(orgs, key) or _first_source_organizations(orgs)


def _enrich(persons: tuple[PersonRef, ...], pool: Sequence[PersonRef]) -> tuple[PersonRef, ...]:
    """Winning persons → the same, with missing role/url/description taken from other sources."""
    by_name: dict[str, PersonRef] = {}
    for person in pool:
        by_name.setdefault(person.name.casefold(), person)
        known = by_name[person.name.casefold()]
        by_name[person.name.casefold()] = PersonRef(
            name=known.name,
            role=known.role or person.role,
            description=known.description or person.description,
            url=known.url or person.url,
        )
    enriched = []
    for person in persons:
        other = by_name.get(person.name.casefold())
        if other is not None:
            person = PersonRef(  # noqa: PLW2901 - rebinding the loop value is the point
                name=person.name,
                role=person.role or other.role,
                description=person.description or other.description,
                url=person.url or other.url,
            )
        enriched.append(person)
    return tuple(enriched)


def _dedupe_strings(values: Iterable[str], *, max_chars: int) -> tuple[str, ...]:
    """Strings → cleaned, non-empty, not too long, deduplicated case-insensitively, in order."""
    seen: dict[str, str] = {}
    for raw in values:
        value = clean_text(raw)
        if value:
            value = value.lstrip("#").strip()
        if value and len(value) <= max_chars:
            seen.setdefault(value.casefold(), value)
    return tuple(seen.values())


def _topics(values: Iterable[str]) -> tuple[str, ...]:
    """Keyword strings → topics: deduplicated, without machine ids (UUIDs, hashes, hosts)."""
    kept = [value for value in values if not MACHINE_TOPIC_RE.search(value)]
    return _dedupe_strings(kept, max_chars=MAX_TOPIC_CHARS)[:MAX_TOPICS]


# --- scalars ----------------------------------------------------------------------------


def _language(tag: str) -> str | None:
    """Language tag (``en-US``, ``en_US``, ``EN``) → primary subtag, lower-case, or ``None``."""
    first = LANGUAGE_LIST_SPLIT_RE.split(tag.strip(), maxsplit=1)[0]
    first = first.split(".", 1)[0].split("@", 1)[0]  # POSIX codeset/modifier: fr_FR.UTF-8
    match = LANGUAGE_RE.fullmatch(first)
    if match is None:
        return None
    code = match.group(1).lower()
    return None if code in NOT_LANGUAGES else code


def _map(evidence: Iterable[Evidence[T]], convert: Callable[[T], T | None]) -> list[Evidence[T]]:
    """Evidence and a converter → evidence with converted values, dropping ``None`` results."""
    out: list[Evidence[T]] = []
    for ev in evidence:
        value = convert(ev.value)
        if value is not None:
            out.append(replace(ev, value=value))
    return out


def _first(evidence: Sequence[Evidence[T]]) -> Evidence[T] | None:
    """Candidates by precedence → the first, or ``None``."""
    return evidence[0] if evidence else None


# --- dates ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _DateContext:
    """What date parsing needs from the options (zone resolved once)."""

    zone: ZoneInfo | None
    reference_time: dt.datetime | None


def _parse_dates(
    evidence: Iterable[Evidence[str]], context: _DateContext, warnings: list[Warn]
) -> list[Evidence[DateValue]]:
    """Raw date evidence → parsed evidence; unparseable strings become warnings."""
    parsed: list[Evidence[DateValue]] = []
    for ev in evidence:
        value = parse_date(ev.value, zone=context.zone, reference_time=context.reference_time)
        if value is None:
            if ev.kind not in QUIET_DATE_SOURCES:
                message = f"{ev.detail}: {ev.value[:80]!r}"
                warnings.append(("metadata.date_unparseable", message))
        else:
            parsed.append(Evidence(value, ev.kind, ev.detail))
    return parsed


def _most_precise(candidates: list[Evidence[DateValue]]) -> Evidence[DateValue] | None:
    """Date candidates → the first, upgraded to a later same-day candidate that has a time."""
    if not candidates:
        return None
    winner = candidates[0]
    if isinstance(winner.value.value, dt.datetime):
        return winner
    for ev in candidates[1:]:
        value = ev.value.value
        if isinstance(value, dt.datetime) and value.date() == winner.value.value:
            return ev
    return winner


def _local_offset(instant: dt.datetime, wall: dt.datetime) -> dt.timedelta | None:
    """A UTC instant and a naive wall-clock time → the page's UTC offset, when the wall
    time is that instant in some real zone (whole quarter hours, −12 h to +14 h; seconds
    equal, or the wall time shows none)."""
    utc_wall = instant.astimezone(dt.UTC).replace(tzinfo=None, microsecond=0)
    wall = wall.replace(microsecond=0)
    if wall.second == 0:
        utc_wall = utc_wall.replace(second=0)
    delta = wall - utc_wall
    if delta == dt.timedelta(0) or not MIN_OFFSET <= delta <= MAX_OFFSET:
        return None
    if delta % OFFSET_STEP:
        return None
    return delta


def _utc_instant(winner: Evidence[DateValue]) -> dt.datetime | None:
    """A date winner → its value when that is an absolute date and time given in UTC."""
    value = winner.value.value
    if winner.value.relative or not isinstance(value, dt.datetime):
        return None
    return value if value.utcoffset() == dt.timedelta(0) else None


def _shifted(winner: Evidence[DateValue], local: dt.datetime) -> Evidence[DateValue]:
    """A winner → the same evidence, its instant shown at the page's offset (``local``)."""
    return replace(winner, value=replace(winner.value, value=local))


def _in_local_time(
    winner: Evidence[DateValue] | None, candidates: list[Evidence[DateValue]]
) -> Evidence[DateValue] | None:
    """A winner given in UTC → the same instant in the page's own offset, when another
    candidate shows it: the same instant with a non-zero offset, or the local wall-clock
    time of that instant (``18:09:55`` beside ``01:09:55Z``). The instant never changes;
    only its calendar day becomes the one the page printed. No zone is guessed."""
    if winner is None or (value := _utc_instant(winner)) is None:
        return winner
    for ev in candidates:
        other = ev.value.value
        if not isinstance(other, dt.datetime) or ev.value.assumed_timezone:
            continue
        offset = other.utcoffset()
        if offset is not None:
            if offset and other.replace(microsecond=0) == value.replace(microsecond=0):
                return _shifted(winner, value.astimezone(other.tzinfo))
            continue
        found = _local_offset(value, other)
        if found is not None:
            return _shifted(winner, value.astimezone(dt.timezone(found)))
    return winner


def _shown_days(candidates: list[Evidence[DateValue]]) -> list[dt.date]:
    """Date candidates → the days printed without a time (the URL's, the page text's):
    they are the publisher's local calendar days."""
    return [
        ev.value.value
        for ev in candidates
        if not isinstance(ev.value.value, dt.datetime) and not ev.value.relative
    ]


def _on_shown_day(
    winner: Evidence[DateValue] | None, candidates: list[Evidence[DateValue]]
) -> Evidence[DateValue] | None:
    """A winner given in UTC whose day is one off every day the page shows (its URL's
    ``/2019/01/01/``, a printed "5. November 2021") → the same instant at the smallest
    whole-hour offset (−12 h to +14 h) that falls on the shown day. A CMS that stores
    UTC moves late-evening (or early-morning) stories to the neighbouring day; the page
    shows the local one. The instant never changes; nothing happens when a shown day
    already agrees, or none is one day off."""
    if winner is None or (value := _utc_instant(winner)) is None:
        return winner
    days = _shown_days(candidates)
    if not days or value.date() in days:
        return winner
    day = days[0]  # the most trusted: the URL's, else the first printed one
    one_day, hour = dt.timedelta(days=1), dt.timedelta(hours=1)
    midnight = value.replace(hour=0, minute=0, second=0, microsecond=0)
    if day == value.date() + one_day:  # east of UTC: at or past the next midnight
        offset = -(-(midnight + one_day - value) // hour) * hour
    elif day == value.date() - one_day:  # west of UTC: before this midnight
        offset = (midnight - value - dt.timedelta(microseconds=1)) // hour * hour
    else:
        return winner
    if abs(offset) > MAX_SHOWN_DAY_SHIFT:
        return winner
    return _shifted(winner, value.astimezone(dt.timezone(offset)))


def _day(value: DateValue) -> dt.date:
    """Date value → the calendar day it shows (a datetime's own wall-clock day)."""
    return value.value.date() if isinstance(value.value, dt.datetime) else value.value


def _agrees(candidate: DateValue, chosen: DateValue) -> bool:
    """Two date values → True when they show the same day or name the same instant."""
    if _day(candidate) == _day(chosen):
        return True
    a, b = candidate.value, chosen.value
    return (
        isinstance(a, dt.datetime)
        and isinstance(b, dt.datetime)
        and a.tzinfo is not None
        and b.tzinfo is not None
        and a == b
    )


def _first_votes(
    candidates: list[Evidence[DateValue]], *, consistent: bool
) -> list[Evidence[DateValue]]:
    """Candidates by precedence → each source kind's first candidate; with ``consistent``
    only of kinds whose first ``VOTE_CONSISTENCY`` candidates agree."""
    by_kind: dict[SourceKind, list[Evidence[DateValue]]] = {}
    for ev in candidates:
        if not ev.value.relative:
            by_kind.setdefault(ev.kind, []).append(ev)
    return [
        found[0]
        for found in by_kind.values()
        if not consistent
        or all(_agrees(ev.value, found[0].value) for ev in found[1:VOTE_CONSISTENCY])
    ]


def _outvoted(
    winner: Evidence[DateValue] | None,
    candidates: list[Evidence[DateValue]],
    modified: list[Evidence[DateValue]],
) -> Evidence[DateValue] | None:
    """The winner → the best candidate of another day when more independent sources say
    that day: each source kind (JSON-LD, OpenGraph, meta, DOM, URL, page text) votes once,
    with its first candidate, unless its next candidate names another day (a kind that
    contradicts itself abstains). A stale or wrong declared date (a template's creation
    date, a re-dated syndication copy) loses to the day the page's elements and text agree
    on; a tie keeps the precedence winner.

    A lone meta-tag date (``<meta name="date">``, often the CMS's last-change stamp) loses a
    tie to the printed date. A day that only the page text shows gets the votes of the
    modification sources that name it too: the page prints its last update as its date
    ("12.01.2022" under the headline, ``dateModified`` that day, ``datePublished`` weeks
    before), and that printed day is the one readers, and archives, take for the page's.
    """
    if winner is None:
        return winner
    votes = _first_votes(candidates, consistent=True)
    modified_votes = _first_votes(modified, consistent=False)
    support = sum(_agrees(ev.value, winner.value) for ev in votes)
    best: tuple[int, Evidence[DateValue]] | None = None
    for ev in votes:
        if _agrees(ev.value, winner.value):
            continue
        count = sum(_agrees(other.value, ev.value) for other in votes)
        if ev.kind == TEXT and count == 1:
            count += sum(_agrees(other.value, ev.value) for other in modified_votes)
        if count == support == 1 and winner.kind == META and ev.kind == TEXT:
            count += 1  # a lone meta-tag date is often the CMS's last-change stamp
        if count > support and (best is None or count > best[0]):
            best = (count, ev)
    if best is None:
        return winner
    day = _day(best[1].value)
    return _most_precise([ev for ev in candidates if _day(ev.value) == day])


# --- entry point ------------------------------------------------------------------------


def _merge_people(
    findings: Sequence[Findings],
    precedence: Precedence,
    site_keys: frozenset[str],
) -> tuple[list[Evidence[tuple[PersonRef, ...]]], list[Evidence[tuple[str, ...]]]]:
    """Findings → normalised person and organisation candidates, by precedence."""
    people: list[Evidence[tuple[PersonRef, ...]]] = []
    orgs: list[Evidence[tuple[str, ...]]] = []
    for ev in _ordered(findings, "authors", precedence):
        normalised, moved = _normalise_people(ev, site_keys)
        if normalised.value:
            people.append(normalised)
        if moved:
            orgs.append(Evidence(moved, ev.kind, ev.detail))
    for ev in _ordered(findings, "organizations", precedence):
        names = _dedupe_strings(ev.value, max_chars=MAX_TOPIC_CHARS)
        if names:
            orgs.append(replace(ev, value=names))
    orgs.sort(key=lambda ev: _rank(ev, precedence.organizations))
    return people, orgs


def _merge_dates(
    findings: Sequence[Findings],
    precedence: Precedence,
    *,
    url: str | None,
    default_timezone: str | None,
    reference_time: dt.datetime | None,
    warnings: list[Warn],
) -> tuple[list[Evidence[DateValue]], list[Evidence[DateValue]]]:
    """Findings and the page URL → parsed published and modified candidates."""
    zone, zone_warning = load_zone(default_timezone)
    if zone_warning is not None:
        warnings.append(zone_warning)
    context = _DateContext(zone, reference_time)
    published = _parse_dates(_ordered(findings, "published", precedence), context, warnings)
    from_url = url_date(url, reference_time=reference_time)
    if from_url is not None:
        published.append(Evidence(from_url, URL, "url path"))
        published.sort(key=lambda ev: _rank(ev, precedence.published))
    modified = _parse_dates(_ordered(findings, "modified", precedence), context, warnings)
    return published, modified


def merge_findings(
    findings: Sequence[Findings],
    *,
    url: str | None,
    default_timezone: str | None = None,
    reference_time: dt.datetime | None = None,
    precedence: Precedence = DEFAULT_PRECEDENCE,
) -> Metadata:
    """Findings of every extractor → fused ``Metadata`` (see module docstring)."""
    warnings: list[Warn] = [w for f in findings for w in f.warnings]

    def ordered(name: str) -> list[Evidence[Any]]:
        return _ordered(findings, name, precedence)

    site_names: list[Evidence[str]] = ordered("site_name")
    titles: list[Evidence[str]] = ordered("title")
    summaries: list[Evidence[str]] = ordered("summary")
    languages = _map(ordered("language"), _language)
    canonicals: list[Evidence[str]] = ordered("canonical_url")
    shorts: list[Evidence[str]] = ordered("short_url")
    sections: list[Evidence[str]] = ordered("section")
    images: list[Evidence[str]] = ordered("lead_image")
    paywalls: list[Evidence[bool]] = ordered("paywalled")
    topics = [replace(ev, value=_topics(ev.value)) for ev in ordered("topics")]
    topics = [ev for ev in topics if ev.value]

    site_keys = frozenset(fold(ev.value) for ev in site_names) | {host_label(url) or ""}
    people, orgs = _merge_people(findings, precedence, site_keys - {""})
    editors = frozenset(
        name.casefold()
        for f in findings
        for ev in f.editors
        for name in (normalize_name(raw) for raw in ev.value)
        if name is not None
    )
    authors, organizations = _choose_people(people, orgs, editors, site_keys - {""})
    if authors is not None:
        pool = [p for ev in people for p in ev.value]
        authors = replace(authors, value=_enrich(authors.value, pool))

    published, modified = _merge_dates(
        findings,
        precedence,
        url=url,
        default_timezone=default_timezone,
        reference_time=reference_time,
        warnings=warnings,
    )
    published_winner = _in_local_time(_most_precise(published), published)
    published_winner = _on_shown_day(published_winner, published)
    published_winner = _outvoted(published_winner, published, modified)
    modified_winner = _in_local_time(_most_precise(modified), modified)
    if (
        published_winner is not None
        and modified_winner is not None
        and not dates_differ(published_winner.value, modified_winner.value)
    ):
        modified_winner = None

    canonical = _first(canonicals)
    page_url: Evidence[str] | None = (
        Evidence(url, SourceKind.CALLER, "url argument") if url else canonical
    )
    candidates: dict[str, tuple[Evidence[object], ...]] = {
        name: _erase(values)
        for name, values in (
            ("title", titles),
            ("summary", summaries),
            ("site_name", site_names),
            ("language", languages),
            ("canonical_url", canonicals),
            ("short_url", shorts),
            ("section", sections),
            ("topics", topics),
            ("authors", people),
            ("organizations", orgs),
            ("published", published),
            ("modified", modified),
            ("lead_image", images),
            ("paywalled", paywalls),
        )
        if values
    }
    return Metadata(
        title=_choose_title(titles, [ev.value for ev in site_names], url),
        summary=_first(summaries),
        site_name=_first(site_names),
        language=_first(languages),
        url=page_url,
        canonical_url=canonical,
        short_url=_first(shorts),
        section=_first(sections),
        topics=_first(topics),
        authors=authors,
        organizations=organizations,
        published=published_winner,
        modified=modified_winner,
        lead_image=_first(images),
        paywalled=_first(paywalls),
        candidates=candidates,
        warnings=tuple(dict.fromkeys(warnings)),
    )
