"""Building ``Token`` and ``NodeInfo`` in the tokenizers' hot loops.

Input → output: field values → a ``Token`` / ``NodeInfo``, equal to the one the class
builds from the same values (same fields, same defaults; frozen, hashable).

Why: ``tokens/types.py`` stays interpreted in the compiled build (its dataclasses are
public types that adapters build and may subclass), so building one from compiled code
runs its ``__init__`` in an interpreted frame: about 0.9 µs for a ``NodeInfo``, 2 µs
for a ``Token``, and an HTML page builds a few hundred of each. Here the instance is
made with ``object.__new__`` and each field set through its slot's own descriptor
(``_fastinit.slot_setters``, the same setters that ``__init__`` calls), which this
module, compiled, does without that frame. Nothing else changes: the result is the
instance the class's ``__init__`` would have built.
"""

from __future__ import annotations

from typing import Final

from articlekit._fastinit import slot_setters
from articlekit.tokens.types import ImageRef, NodeInfo, Token, TokenKind

__all__ = ["new_node", "new_token"]

_TOKEN_SETTERS: Final = slot_setters(Token)
"""``Token``'s field setters, in field order (kind, text, node, lines, level,
link_chars, group, ordered, href, image, rows, hints)."""
_NODE_SETTERS: Final = slot_setters(NodeInfo)
"""``NodeInfo``'s field setters, in field order (tag, parent, evidence, depth). A field
added to either class, renamed or given another default must be added here too:
``tests/test_fastinit.py`` compares both builders with the classes' fields."""
_NO_HINTS: Final[frozenset[str]] = frozenset()
"""``Token.hints``'s default."""


def new_token(  # noqa: PLR0917 (the positional fields of Token itself)
    kind: TokenKind,
    text: str,
    node: int = -1,
    lines: tuple[int, int] | None = None,
    level: int = 0,
    link_chars: int = 0,
    group: int = -1,
    ordered: bool = False,
    href: str | None = None,
    image: ImageRef | None = None,
    rows: tuple[tuple[str, ...], ...] = (),
    hints: frozenset[str] = _NO_HINTS,
) -> Token:
    """``Token(kind, text, …)``: the same arguments, in the same order, with the same
    defaults (a test compares them with the dataclass's fields)."""
    token = object.__new__(Token)
    setters = _TOKEN_SETTERS
    setters[0](token, kind)
    setters[1](token, text)
    setters[2](token, node)
    setters[3](token, lines)
    setters[4](token, level)
    setters[5](token, link_chars)
    setters[6](token, group)
    setters[7](token, ordered)
    setters[8](token, href)
    setters[9](token, image)
    setters[10](token, rows)
    setters[11](token, hints)
    return token


def new_node(tag: str, parent: int, evidence: str, depth: int) -> NodeInfo:
    """``NodeInfo(tag, parent, evidence, depth)``."""
    info = object.__new__(NodeInfo)
    setters = _NODE_SETTERS
    setters[0](info, tag)
    setters[1](info, parent)
    setters[2](info, evidence)
    setters[3](info, depth)
    return info
