"""The ``Article`` model and ``Person``.

Input → output: none; ``Article`` is what ``articlekit.parse`` returns.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from pydantic import BeforeValidator, computed_field, model_validator

from articlekit.model._base import Frozen
from articlekit.model.blocks import (
    Block,
    Embed,
    Figure,
    Heading,
    Image,
    ListBlock,
    Paragraph,
    Quote,
    Table,
)
from articlekit.model.provenance import Provenance

MAX_OFFSET = dt.timedelta(hours=24)
"""A UTC offset must be shorter (ISO 8601 and ``datetime.isoformat`` cannot hold more)."""


def _date_or_datetime(value: Any) -> Any:
    """Keep a date-only string a ``date`` and anything with a time a ``datetime``; a
    datetime whose UTC offset is not shorter than a day (dateutil builds such) is
    invalid: it would not survive a JSON round trip."""
    if isinstance(value, dt.datetime) and value.tzinfo is not None:
        offset = value.tzinfo.utcoffset(value.replace(tzinfo=None))
        if offset is not None and abs(offset) >= MAX_OFFSET:
            raise ValueError("the UTC offset must be shorter than 24 hours")
        return value
    if isinstance(value, str):
        text = value.strip()
        try:
            if len(text) == 10:
                return dt.date.fromisoformat(text)
            return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            return value  # let pydantic report the error
    return value


DateOrDateTime = Annotated[dt.datetime | dt.date, BeforeValidator(_date_or_datetime)]
"""A ``datetime`` when a time is known, a ``date`` when only the day is."""


class Person(Frozen):
    """A named person: author or editor.

    Attributes:
        name: The person's name, in natural order and case ("Jon Shelton").
        role: Their function if stated ("Correspondent", "Editor").
        description: A bio line, e.g. "Writer and translator with DW's online news team".
        url: A profile page.
    """

    name: str
    role: str | None = None
    description: str | None = None
    url: str | None = None


class Article(Frozen):
    """One extracted article.

    Dates: ``published`` and ``modified`` are ``datetime`` objects when the source
    gives a time, timezone-aware when it gives an offset (or a zone was assumed,
    which ``provenance.fields[...].assumed_timezone`` then says), naive otherwise.
    A date given without a time stays a ``date``: no midnight and no UTC is invented.

    ``text`` is derived: the summary, then each body block, one per line. It is
    included in JSON output and ignored when validating JSON back into an Article.

    Attributes:
        url: The page's URL: the ``url`` argument of ``parse``, else the URL the page
            or the dump's record header declares.
        canonical_url: The page's declared canonical URL (``<link rel="canonical">``,
            ``og:url``, JSON-LD).
        short_url: A declared short link, if any.
        site_name: The publication's name ("DW", "The Coastal Ledger").
        language: The article's language as a lower-case primary subtag ("en", "de").
        title: The headline.
        summary: The lead or teaser paragraph shown with the article: the one the page
            prints above the body, or the page's declared description when the page
            prints it too. Part of ``text``.
        description: The description the page declares in its metadata (JSON-LD
            ``description``, ``og:description``, ``<meta name="description">``), whether
            or not the page shows it. Not part of ``text``; a teaser for a page that
            shows none is ``summary or description``.
        section: The site section ("Politics", "Sport").
        topics: Tags and keywords, in the site's order.
        authors: The article's authors, in byline order: the persons the byline names;
            when it names none, the organisations credited as author ("dpa", "Example
            News"), which are also in ``organizations``.
        editors: Editors named on the page ("Edited by: …").
        organizations: Organisations credited in the byline, such as news agencies
            ("dpa", "Reuters").
        published: When the article was first published (see "Dates" above).
        modified: When it was last updated, if different from ``published``.
        body: The article's body blocks in reading order.
        images: The article's images, the lead image marked ``is_lead``.
        notices: Correction and update notices shown with the article.
        paywalled: True or False when the page says whether it is behind a paywall;
            ``None`` when it does not say.
        provenance: Where each field came from, the body blocks' sources, and warnings.
        text: Derived plain text (see ``Article.text``).
    """

    url: str | None = None
    canonical_url: str | None = None
    short_url: str | None = None
    site_name: str | None = None
    language: str | None = None
    title: str | None = None
    summary: str | None = None
    description: str | None = None
    section: str | None = None
    topics: tuple[str, ...] = ()
    authors: tuple[Person, ...] = ()
    editors: tuple[Person, ...] = ()
    organizations: tuple[str, ...] = ()
    published: DateOrDateTime | None = None
    modified: DateOrDateTime | None = None
    body: tuple[Block, ...] = ()
    images: tuple[Image, ...] = ()
    notices: tuple[str, ...] = ()
    paywalled: bool | None = None
    provenance: Provenance = Provenance.model_construct()
    """(``model_construct``: the empty default is built without validation, so defining
    ``Article`` does not build ``Provenance``'s validator at import; ``Provenance()``
    did, and pydantic's plugin loader with it, a fifth of the import time.)"""

    @model_validator(mode="before")
    @classmethod
    def _drop_derived(cls, data: Any) -> Any:
        """Accept JSON produced by ``model_dump``: the derived ``text`` is ignored."""
        if isinstance(data, dict) and "text" in data:
            data = {k: v for k, v in data.items() if k != "text"}
        return data

    @computed_field  # type: ignore[prop-decorator]
    @property
    def text(self) -> str:
        """Plain text: the summary, then each body block, one per line.

        Paragraphs, headings, quotes and embed texts give one line each, list items
        one line per item, table rows one line with the cells joined by ``" | "``.
        Figures give nothing (their captions and credits are in ``images``); the title,
        byline, dates and notices are not part of it. Lines are joined with ``"\\n"``
        and there is no trailing newline; an article without summary and body gives
        ``""``.

        ``text`` is derived: it is included in ``model_dump()`` and the JSON output,
        and ignored when JSON is validated back into an ``Article``.
        """
        lines: list[str] = []
        if self.summary:
            lines.append(self.summary)
        for block in self.body:
            lines.extend(_block_lines(block))
        return "\n".join(lines)

    def to_markdown(self) -> str:
        """Render the article as Markdown: title, byline, summary, then the body.

        The document is, in order and leaving out what is empty: ``# title``; one
        italic line with the authors' names and the published date (ISO 8601);
        the summary in bold; each body block; each notice as an italic quote
        (``> _…_``). Blocks become: paragraphs as they are, headings one level below
        the title (``##`` for level 1, at most ``######``), quotes as ``>`` lines with
        ``> — cite``, lists as ``-`` or ``1.`` items, tables as pipe tables (the first
        row as header), figures as ``![alt](src)`` with an italic ``caption — credit``
        line, embeds as ``[text](url)`` links. Blocks are separated by a blank line;
        the result ends with a newline. Text is not escaped for Markdown.

        Returns:
            The Markdown document.
        """
        out: list[str] = []
        if self.title:
            out.append(f"# {self.title}")
        byline = ", ".join(p.name for p in self.authors)
        meta = " · ".join(x for x in (byline, _date_str(self.published)) if x)
        if meta:
            out.append(f"*{meta}*")
        if self.summary:
            out.append(f"**{self.summary}**")
        for block in self.body:
            out.append(_block_markdown(block))
        for notice in self.notices:
            out.append(f"> _{notice}_")
        return "\n\n".join(x for x in out if x) + "\n"


def _date_str(value: dt.datetime | dt.date | None) -> str:
    return value.isoformat() if value is not None else ""


def _block_lines(block: Block) -> list[str]:
    if isinstance(block, Paragraph | Heading | Quote):
        return [block.text]
    if isinstance(block, ListBlock):
        return list(block.items)
    if isinstance(block, Table):
        return [" | ".join(row) for row in block.rows]
    if isinstance(block, Embed):
        return [block.text] if block.text else []
    return []  # figures carry no body text; captions live in ``images``


def _figure_markdown(image: Image) -> str:
    alt = (image.alt or "").replace("]", "\\]")
    line = f"![{alt}]({image.src or ''})"
    note = " — ".join(x for x in (image.caption, image.credit) if x)
    return f"{line}\n*{note}*" if note else line


def _block_markdown(block: Block) -> str:
    if isinstance(block, Paragraph):
        return block.text
    if isinstance(block, Heading):
        return f"{'#' * min(block.level + 1, 6)} {block.text}"
    if isinstance(block, Quote):
        quoted = "\n".join(f"> {line}" for line in block.text.splitlines())
        return f"{quoted}\n> — {block.cite}" if block.cite else quoted
    if isinstance(block, ListBlock):
        if block.ordered:
            return "\n".join(f"{i}. {item}" for i, item in enumerate(block.items, 1))
        return "\n".join(f"- {item}" for item in block.items)
    if isinstance(block, Table):
        if not block.rows:
            return ""
        width = max(len(r) for r in block.rows)
        rows = [list(r) + [""] * (width - len(r)) for r in block.rows]
        lines = ["| " + " | ".join(rows[0]) + " |", "|" + " --- |" * width]
        lines.extend("| " + " | ".join(r) + " |" for r in rows[1:])
        return "\n".join(lines)
    if isinstance(block, Figure):
        return _figure_markdown(block.image)
    if isinstance(block, Embed):
        return f"[{block.text or block.provider or 'embed'}]({block.url or ''})"
    return ""
