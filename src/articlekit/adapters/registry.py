"""The adapter registry: which site adapters exist, and which one a document gets.

Input → output: a URL and/or the decoded source → the matching ``SiteAdapter`` (or
``None`` for the generic path).

Built-in adapters are listed once, in ``BUILTIN_ADAPTERS``, as import paths, and are
imported only when a registry is first built. Third-party adapters register through
the ``articlekit.adapters`` entry-point group::

    [project.entry-points."articlekit.adapters"]
    mysite = "mypackage.adapters:MySiteAdapter"

Two adapters with one name raise ``DuplicateAdapterError``. A registry is an
immutable object; ``default_registry()`` builds the default one once per process.
"""

from __future__ import annotations

import functools
import importlib
import logging
import re
from collections.abc import Iterable, Iterator, Mapping
from importlib.metadata import entry_points
from types import MappingProxyType
from urllib.parse import urlsplit

from articlekit.adapters.base import FINGERPRINT_WINDOW, SiteAdapter
from articlekit.errors import AdapterError, AdapterNotFoundError, DuplicateAdapterError
from articlekit.patterns._needles import literal_screen

__all__ = [
    "BUILTIN_ADAPTERS",
    "ENTRY_POINT_GROUP",
    "AdapterRegistry",
    "available",
    "build_registry",
    "default_registry",
]

log = logging.getLogger(__name__)

ENTRY_POINT_GROUP = "articlekit.adapters"
"""Entry-point group through which third-party packages add adapters."""

BUILTIN_ADAPTERS: tuple[str, ...] = (
    "articlekit.adapters.sites.bbc:BBCAdapter",
    "articlekit.adapters.sites.derstandard:DerStandardAdapter",
    "articlekit.adapters.sites.dw:DWAdapter",
    "articlekit.adapters.sites.elmundo:ElMundoAdapter",
    "articlekit.adapters.sites.elpais:ElPaisAdapter",
    "articlekit.adapters.sites.euronews:EuronewsAdapter",
    "articlekit.adapters.sites.faz:FAZAdapter",
    "articlekit.adapters.sites.foxnews:FoxNewsAdapter",
    "articlekit.adapters.sites.heise:HeiseAdapter",
    "articlekit.adapters.sites.lefigaro:LeFigaroAdapter",
    "articlekit.adapters.sites.lemonde:LeMondeAdapter",
    "articlekit.adapters.sites.nzz:NZZAdapter",
    "articlekit.adapters.sites.orf:ORFAdapter",
    "articlekit.adapters.sites.reuters:ReutersAdapter",
    "articlekit.adapters.sites.spiegel:SpiegelAdapter",
    "articlekit.adapters.sites.sueddeutsche:SueddeutscheAdapter",
    "articlekit.adapters.sites.theglobeandmail:TheGlobeAndMailAdapter",
    "articlekit.adapters.sites.timesofindia:TimesOfIndiaAdapter",
    "articlekit.adapters.sites.voiceofamerica:VoiceOfAmericaAdapter",
    "articlekit.adapters.sites.washingtonpost:WashingtonPostAdapter",
    "articlekit.adapters.sites.welt:WeltAdapter",
)
"""Every built-in adapter, as ``"module:Class"``, one per line; the only list of them."""


def _load(path: str) -> type[SiteAdapter]:
    module_name, _, attr = path.partition(":")
    obj = getattr(importlib.import_module(module_name), attr)
    if not (isinstance(obj, type) and issubclass(obj, SiteAdapter)):
        raise AdapterError(f"{path} is not a SiteAdapter subclass")
    if not obj.name:
        raise AdapterError(f"{path} has no name")
    return obj


class AdapterRegistry:
    """An immutable set of adapters, looked up by name, URL or content.

    Args:
        adapters: Adapter classes; their ``name`` must be unique.
    """

    __slots__ = (
        "_adapters",
        "_by_domain",
        "_custom_url_tests",
        "_fingerprints",
        "_indexed_domains",
        "_indexed_fingerprints",
        "_literal_screen",
        "_unscreened",
    )

    def __init__(self, adapters: Iterable[type[SiteAdapter]]) -> None:
        table: dict[str, type[SiteAdapter]] = {}
        for adapter in adapters:
            if adapter.name in table and table[adapter.name] is not adapter:
                raise DuplicateAdapterError(
                    f"two adapters are named {adapter.name!r}: "
                    f"{table[adapter.name].__module__} and {adapter.__module__}"
                )
            table[adapter.name] = adapter
        self._adapters: Mapping[str, type[SiteAdapter]] = MappingProxyType(table)
        by_domain: dict[str, list[type[SiteAdapter]]] = {}
        for adapter in table.values():
            for domain in dict.fromkeys(adapter.domains):
                by_domain.setdefault(domain, []).append(adapter)
        self._by_domain: Mapping[str, tuple[type[SiteAdapter], ...]] = MappingProxyType(
            {domain: tuple(found) for domain, found in by_domain.items()}
        )
        self._indexed_domains = tuple(adapter.domains for adapter in table.values())
        self._custom_url_tests = frozenset(
            adapter
            for adapter in table.values()
            if adapter.matches_url.__func__ is not _BASE_MATCHES_URL  # type: ignore[attr-defined]
        )
        self._indexed_fingerprints = tuple(adapter.fingerprints for adapter in table.values())
        self._fingerprints = tuple(_fingerprint_tests(table.values()))
        # a test without a literal (an adapter's own ``matches_content`` has "" too) is
        # run on every page; the others only on a page the screen finds a literal in
        self._unscreened = tuple(test for test in self._fingerprints if not test[1])
        self._literal_screen = literal_screen(
            literal for _, literal, _ in self._fingerprints if literal
        )

    @classmethod
    def from_paths(cls, paths: Iterable[str]) -> AdapterRegistry:
        """A registry of the adapters at ``"module:Class"`` paths."""
        return cls(_load(p) for p in paths)

    def names(self) -> tuple[str, ...]:
        """The registered names, sorted."""
        return tuple(sorted(self._adapters))

    def adapters(self) -> tuple[type[SiteAdapter], ...]:
        """The registered adapter classes, sorted by name."""
        return tuple(self._adapters[n] for n in self.names())

    def get(self, name: str) -> type[SiteAdapter]:
        """The adapter called ``name``.

        Raises:
            AdapterNotFoundError: no adapter has that name.
        """
        try:
            return self._adapters[name]
        except KeyError:
            known = ", ".join(self.names()) or "none"
            raise AdapterNotFoundError(
                f"no adapter named {name!r} (known: {known}; 'generic' disables adapters)"
            ) from None

    def for_url(self, url: str | None) -> type[SiteAdapter] | None:
        """The first adapter whose domains and URL patterns match ``url``.

        The same answer as asking each adapter's ``matches_url`` in turn, but the host is
        split once and looked up in an index of the adapters' domains; an adapter that
        overrides ``matches_url`` is asked itself.
        """
        if not url:
            return None
        try:
            host = (urlsplit(url).hostname or "").lower()
        except ValueError:
            return None
        if not host:
            return None
        adapters = self._adapters.values()
        if any(  # a class's domains were replaced after this registry was built
            adapter.domains is not indexed
            for adapter, indexed in zip(adapters, self._indexed_domains, strict=True)
        ):
            return next((adapter for adapter in adapters if adapter.matches_url(url)), None)
        index = self._by_domain
        served = {adapter for domain in _host_suffixes(host) for adapter in index.get(domain, ())}
        for adapter in adapters:
            if adapter in self._custom_url_tests:
                if adapter.matches_url(url):
                    return adapter
            elif adapter in served and adapter._matches_url_patterns(url):
                return adapter
        return None

    def for_content(self, text: str) -> type[SiteAdapter] | None:
        """The first adapter whose content fingerprints match ``text``.

        The same answer as asking each adapter with fingerprints its ``matches_content``
        in turn, but every fingerprint of every adapter is tested in one loop over a flat
        list (``_fingerprint_tests``): its required literal in the source first, then its
        pattern; an adapter that overrides ``matches_content`` is asked itself.

        The source of every page without a URL is searched, and most hold none of the
        required literals. One scan for all of them (``_literal_screen``) tells such a
        page first: it then needs only the tests that have no literal (a fingerprint
        without one, an adapter's own ``matches_content``), in the same order, since no
        other test can pass on it.
        """
        adapters = self._adapters.values()
        if any(  # a class's fingerprints were replaced after this registry was built
            adapter.fingerprints is not indexed
            for adapter, indexed in zip(adapters, self._indexed_fingerprints, strict=True)
        ):
            return next((a for a in adapters if a.fingerprints and a.matches_content(text)), None)
        head = text[:FINGERPRINT_WINDOW]
        screen = self._literal_screen
        tests = self._fingerprints if screen is None or screen(head) else self._unscreened
        for adapter, literal, pattern in tests:
            if pattern is None:
                if adapter.matches_content(text):
                    return adapter
            elif literal in head and pattern.search(head) is not None:
                return adapter
        return None

    def with_adapters(self, *adapters: type[SiteAdapter]) -> AdapterRegistry:
        """A new registry with ``adapters`` added."""
        return AdapterRegistry((*self._adapters.values(), *adapters))


_BASE_MATCHES_URL = SiteAdapter.matches_url.__func__  # type: ignore[attr-defined]
"""``SiteAdapter.matches_url``'s function: an adapter that overrides it is asked itself."""


_BASE_MATCHES_CONTENT = SiteAdapter.matches_content.__func__  # type: ignore[attr-defined]
"""``SiteAdapter.matches_content``'s function (see ``_fingerprint_tests``)."""


def _fingerprint_tests(
    adapters: Iterable[type[SiteAdapter]],
) -> Iterator[tuple[type[SiteAdapter], str, re.Pattern[str] | None]]:
    """``(adapter, required literal, pattern)`` for each of each adapter's
    ``fingerprint_checks``, in order, as ``SiteAdapter.matches_content`` tests them; one
    ``(adapter, "", None)`` for an adapter with fingerprints that overrides
    ``matches_content``."""
    for adapter in adapters:
        if adapter.fingerprints and (
            adapter.matches_content.__func__ is not _BASE_MATCHES_CONTENT  # type: ignore[attr-defined]
        ):
            yield adapter, "", None
            continue
        for literal, pattern in adapter.fingerprint_checks():
            yield adapter, literal, pattern


def _host_suffixes(host: str) -> list[str]:
    """``host`` and every part of it after a dot: the domains ``d`` for which
    ``host == d or host.endswith("." + d)`` holds (``SiteAdapter.matches_url``)."""
    return [host, *(host[i + 1 :] for i, ch in enumerate(host) if ch == ".")]


def _entry_point_adapters() -> list[type[SiteAdapter]]:
    found: list[type[SiteAdapter]] = []
    for ep in entry_points(group=ENTRY_POINT_GROUP):
        try:
            obj = ep.load()
        except Exception as exc:  # a broken plug-in must not break parsing
            log.warning("adapter entry point %s failed to load: %s", ep.name, exc)
            continue
        if isinstance(obj, type) and issubclass(obj, SiteAdapter) and obj.name:
            found.append(obj)
        else:
            log.warning("adapter entry point %s is not a named SiteAdapter", ep.name)
    return found


def build_registry(*, entry_points_too: bool = True) -> AdapterRegistry:
    """A fresh registry of the built-in adapters plus (by default) every adapter
    registered in the ``articlekit.adapters`` entry-point group.

    Raises:
        DuplicateAdapterError: two adapters share a name.
    """
    builtins = [_load(p) for p in BUILTIN_ADAPTERS]
    plugins = _entry_point_adapters() if entry_points_too else []
    return AdapterRegistry([*builtins, *plugins])


@functools.cache
def default_registry() -> AdapterRegistry:
    """``build_registry()``, built once per process (the result is immutable).

    Raises:
        DuplicateAdapterError: two adapters share a name.
    """
    return build_registry()


def available(registry: AdapterRegistry | None = None) -> tuple[str, ...]:
    """Names of the adapters in ``registry`` (default: the default registry)."""
    return (registry or default_registry()).names()
