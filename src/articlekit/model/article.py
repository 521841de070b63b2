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


def _date_or_datetime(value: Any) -> Any:
    """Keep a date-only string a ``date`` and anything with a time a ``datetime``."""
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
    """

    url: str | None = None
    canonical_url: str | None = None
    short_url: str | None = None
    site_name: str | None = None
    language: str | None = None
    title: str | None = None
    summary: str | None = None
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
    provenance: Provenance = Provenance()

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
        """Plain text: the summary, then each body block, one per line."""
        lines: list[str] = []
        if self.summary:
            lines.append(self.summary)
        for block in self.body:
            lines.extend(_block_lines(block))
        return "\n".join(lines)

    def to_markdown(self) -> str:
        """Render the article as Markdown: title, byline, summary, then the body."""
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
