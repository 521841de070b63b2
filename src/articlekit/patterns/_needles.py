"""Cheap exact pre-tests for case-insensitive patterns.

Input → output: ``str`` → its needle form (``lowered``); needle form + words → ``bool``
(``holds``).

A pattern compiled with ``re.IGNORECASE`` that is an alternation of words is tried at
every position of a text, branch by branch, which costs microseconds even on a short
line. When every match of such a pattern must contain one of a few plain words, looking
for those words with ``in`` first decides most lines: the pattern then only runs on
the lines that hold one.

A character class searched for over a long text (the letters of a script) is tested at
every character. When the text cannot hold one of its characters, the UTF-8 form says
so faster: no byte of it is the first byte of such a character (``utf8_leads``,
``may_hold``).

Many literals looked for in one long text (an adapter's fingerprints in a page's source)
cost one ``in`` scan each. ``LiteralScreen`` looks for all of them in one scan, with the
multi-literal search of the Rust ``regex`` crate that pydantic-core already ships (its
``pattern`` constraint), and says whether any may be there.
"""

from __future__ import annotations

from collections.abc import Iterable

from pydantic_core import SchemaError, SchemaValidator, core_schema

__all__ = ["LiteralScreen", "holds", "literal_screen", "lowered", "may_hold", "utf8_leads"]


def lowered(text: str) -> str:
    """``text`` lower-cased the way ``re.IGNORECASE`` compares letters, or more loosely.

    ``str.lower`` covers the pattern engine's case folding except where the engine uses
    the simple one-character mapping or extra equivalences: "İ" lowers to "i" plus a
    combining dot (the dot is dropped), and "ı" matches "i", "ſ" matches "s". A word found
    in a pattern's match is therefore always found in this form (it may find more).
    """
    low = text.lower()
    if low.isascii():
        return low
    return low.replace("\u0307", "").replace("ı", "i").replace("ſ", "s")


def holds(low: str, needles: tuple[str, ...]) -> bool:
    """Whether ``low`` (a ``lowered`` text) holds one of the lower-case ``needles``."""
    for needle in needles:  # noqa: SIM110 (a plain loop: any() over a generator costs more)
        if needle in low:
            return True
    return False


def utf8_leads(ranges: Iterable[tuple[int, int]]) -> bytes:
    """The first bytes of the UTF-8 forms of the characters in ``ranges`` (inclusive
    code point ranges, none below U+0080), for ``may_hold``.

    Above U+007F the first byte of a character's UTF-8 form is the same for each aligned
    block of 64 code points (two bytes: the code point's bits above the sixth; three and
    four bytes: above the twelfth and eighteenth), so one character per block is read."""
    leads: set[int] = set()
    for low, high in ranges:
        if low < 0x80:
            raise ValueError(f"a range starts below U+0080: {low:#x}")
        for block in range(low - low % 64, high + 1, 64):
            leads.add(chr(max(block, low)).encode("utf-8", "surrogatepass")[0])
    return bytes(sorted(leads))


def may_hold(text: str, leads: bytes) -> bool:
    """Whether ``text`` may hold a character whose UTF-8 form starts with one of
    ``leads`` (``utf8_leads`` of a character class's ranges): False when it holds none.

    Encoding and deleting bytes run in C at a few instructions a character, where the
    pattern engine tests each character against the class. A lone surrogate is encoded
    as it is (``surrogatepass``): its first byte is that of the surrogate block."""
    data = text.encode("utf-8", "surrogatepass")
    return len(data.translate(None, leads)) != len(data)


class LiteralScreen:
    """Whether a text may hold one of a fixed set of literals, in one scan of it
    (``literal_screen`` makes one).

    Calling it answers False only when no literal is a substring of the text; True when
    one is, and also when it cannot tell (a text with a lone surrogate, which has no
    UTF-8 form for the Rust engine to read): a False spares the caller its own
    literal-by-literal tests, a True sends it to them.

    The engine (pydantic-core's ``rust-regex``, an unanchored ``is_match``) finds a set
    of plain literals without backtracking, in time linear in the text; the literals are
    written as ``\\x{...}`` escapes, so none of their characters is read as syntax.

    It is given the text's UTF-8 form as ``bytes``, which pydantic-core reads as UTF-8
    (lax mode): given the ``str`` itself, it would have CPython cache that form on the
    object, and a caller's page would keep it, up to three bytes a character, after the
    parse. ``isinstance_python`` answers without building an error; the bytes are valid
    UTF-8 and the schema has no other constraint, so only the pattern can fail.
    """

    __slots__ = ("_validator",)

    def __init__(self, validator: SchemaValidator) -> None:
        self._validator = validator

    def __call__(self, text: str) -> bool:
        try:
            data = text.encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate: no UTF-8 form for the engine
            return True
        # valid UTF-8 and no other constraint: the pattern alone can fail
        return self._validator.isinstance_python(data)


def literal_screen(literals: Iterable[str]) -> LiteralScreen | None:
    """A ``LiteralScreen`` of ``literals``; ``None`` when none can be made: no literals,
    an empty one (every text holds it), or a set the engine will not compile, such as
    one with a lone surrogate (the engine reads Unicode scalar values only, and refuses
    its escape)."""
    wanted = tuple(literals)
    if not wanted or not all(wanted):
        return None
    pattern = "|".join(_escaped(literal) for literal in wanted)
    try:
        validator = SchemaValidator(
            core_schema.str_schema(pattern=pattern, regex_engine="rust-regex", strict=False)
        )
    except SchemaError:
        return None
    return LiteralScreen(validator)


def _escaped(literal: str) -> str:
    """``literal`` as Rust ``regex`` syntax that matches it alone: ASCII letters and
    digits as they are, every other character as ``\\x{hex}``."""
    return "".join(ch if ch.isascii() and ch.isalnum() else f"\\x{{{ord(ch):X}}}" for ch in literal)
