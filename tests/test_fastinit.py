"""``fast_frozen_init``: same constructor behaviour as the dataclass's own, faster."""

from __future__ import annotations

import dataclasses
import pickle

import pytest

from articlekit._fastinit import fast_frozen_init
from articlekit.metadata._head import LinkTag, MetaTag
from articlekit.metadata.types import Evidence, PersonRef
from articlekit.model.provenance import SourceKind
from articlekit.patterns.credits import CaptionParts
from articlekit.tokens.types import ImageRef, NodeInfo, Token, TokenKind


@fast_frozen_init
@dataclasses.dataclass(frozen=True, slots=True)
class Point:
    x: int
    y: int = 2
    label: str = "p"


@dataclasses.dataclass(frozen=True, slots=True)
class Reference:
    x: int
    y: int = 2
    label: str = "p"


def test_same_values_defaults_and_errors_as_the_dataclass_init() -> None:
    assert Point.__init__ is not Reference.__init__
    for args, kwargs in [((1,), {}), ((1, 5), {}), ((1,), {"label": "q"}), ((), {"x": 3})]:
        assert dataclasses.astuple(Point(*args, **kwargs)) == dataclasses.astuple(
            Reference(*args, **kwargs)
        )
    with pytest.raises(TypeError):
        Point()  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        Point(1, z=3)  # type: ignore[call-arg]


def test_instances_stay_frozen_hashable_and_picklable() -> None:
    point = Point(1)
    with pytest.raises(dataclasses.FrozenInstanceError):
        point.x = 5  # type: ignore[misc]
    assert point == Point(1, 2, "p") and hash(point) == hash(Point(1))
    assert pickle.loads(pickle.dumps(point)) == point
    assert dataclasses.replace(point, y=7) == Point(1, 7)


def test_classes_it_cannot_speed_up_are_returned_unchanged() -> None:
    @dataclasses.dataclass(frozen=True, slots=True)
    class WithFactory:
        items: tuple[int, ...] = dataclasses.field(default_factory=tuple)

    init = WithFactory.__init__
    assert fast_frozen_init(WithFactory).__init__ is init


def test_token_types_use_it() -> None:
    token = Token(TokenKind.PARAGRAPH, "Harbour news", node=3, link_chars=4)
    assert (token.node, token.link_chars, token.group, token.hints) == (3, 4, -1, frozenset())
    assert NodeInfo(tag="p", parent=0, evidence="", depth=1).depth == 1
    assert ImageRef(src="https://img.example.org/a.jpg").caption is None


@pytest.mark.parametrize(
    ("cls", "args"),
    [
        (Evidence, ("A headline", SourceKind.JSONLD, "NewsArticle.headline")),
        (PersonRef, ("Jane Roe",)),
        (MetaTag, ("og:title", "A headline", "property")),
        (LinkTag, (frozenset({"canonical"}), "https://news.example.org/a")),
        (CaptionParts, ("A harbour at dawn.", "Photo: J. Roe", None)),
    ],
)
def test_metadata_value_types_use_it(cls: type, args: tuple[object, ...]) -> None:
    """The small value types the metadata stage builds by the dozen on every page: the
    descriptor-based ``__init__``, the dataclass's equality, hash and defaults."""
    assert cls.__init__.__code__.co_filename == "<string>"  # type: ignore[misc]
    built = cls(*args)
    assert built == cls(*args)
    assert hash(built) == hash(cls(*args))
    assert [getattr(built, f.name) for f in dataclasses.fields(built)][: len(args)] == list(args)
    with pytest.raises(dataclasses.FrozenInstanceError):
        built.__setattr__(dataclasses.fields(built)[0].name, None)


# --- tokens._build: the same instances without the interpreted __init__ ------------------


def test_new_token_has_tokens_own_parameters_and_defaults() -> None:
    """``new_token`` takes ``Token``'s fields by the same names, with the dataclass's
    defaults: a field added, renamed or given a new default must show here. (Asked by
    calling it: the compiled function has no signature to read.)"""
    from articlekit.tokens._build import new_token  # noqa: PLC0415

    plain = new_token(TokenKind.PARAGRAPH, "p")
    assert plain == Token(TokenKind.PARAGRAPH, "p")
    for f in dataclasses.fields(Token):
        assert getattr(plain, f.name) == getattr(Token(TokenKind.PARAGRAPH, "p"), f.name)
    others: dict[str, object] = {
        "node": 7, "lines": (3, 4), "level": 2, "link_chars": 5, "group": 9, "ordered": True,
        "href": "u", "image": ImageRef(src="s"), "rows": (("c",),), "hints": frozenset({"h"}),
    }  # fmt: skip
    assert set(others) == {f.name for f in dataclasses.fields(Token)} - {"kind", "text"}
    for name, value in others.items():
        built = new_token(TokenKind.PARAGRAPH, "p", **{name: value})  # type: ignore[arg-type]
        assert built == Token(TokenKind.PARAGRAPH, "p", **{name: value})  # type: ignore[arg-type]
        assert getattr(built, name) == value


def test_new_token_and_new_node_build_what_the_classes_build() -> None:
    from articlekit.tokens._build import new_node, new_token  # noqa: PLC0415

    image = ImageRef(src="a.jpg", caption="c")
    rows = (("a",),)
    values = (TokenKind.TABLE, "t", 3, (1, 2), 4, 5, 6, True, "h", image, rows, frozenset({"x"}))
    built = new_token(*values)
    assert built == Token(*values)
    assert hash(built) == hash(Token(*values))
    assert type(built) is Token
    assert new_token(TokenKind.PARAGRAPH, "p") == Token(kind=TokenKind.PARAGRAPH, text="p")
    assert new_token(TokenKind.PARAGRAPH, "p", level=2, hints=frozenset({"y"})) == Token(
        TokenKind.PARAGRAPH, "p", level=2, hints=frozenset({"y"})
    )
    assert new_node("p", 1, "e", 2) == NodeInfo(tag="p", parent=1, evidence="e", depth=2)
    assert [f.name for f in dataclasses.fields(NodeInfo)] == ["tag", "parent", "evidence", "depth"]
    assert pickle.loads(pickle.dumps(built)) == built
    with pytest.raises(dataclasses.FrozenInstanceError):
        built.text = "changed"  # type: ignore[misc]
    assert dataclasses.replace(built, text="u") == Token(*values[:1], "u", *values[2:])
