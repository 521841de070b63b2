"""``fast_frozen_init``: same constructor behaviour as the dataclass's own, faster."""

from __future__ import annotations

import dataclasses
import pickle

import pytest

from articlekit._fastinit import fast_frozen_init
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
