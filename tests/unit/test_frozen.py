"""one_step_init: a frozen dataclass built in one step behaves exactly as the dataclass would."""

from __future__ import annotations

import dataclasses
import inspect
from dataclasses import dataclass, field
from typing import Any, ClassVar

import pytest

from checker.frozen import one_step_init
from checker.judgement import Judgement, Msg
from checker.progress import Outcome


def _pair(**body: Any) -> tuple[type[Any], type[Any]]:
    """The same class twice: a plain frozen dataclass and one given one_step_init."""
    def make() -> type[Any]:
        namespace = {"__annotations__": {"a": "int", "b": "str", "c": "tuple[int, ...]", "d": "list[int]"},
                     "b": "x", "c": (), "d": field(default_factory=list), **body}
        return dataclass(frozen=True)(type("Point", (), namespace))
    return make(), one_step_init(make())


def test_same_signature_defaults_and_factories() -> None:
    plain, fast = _pair()
    assert str(inspect.signature(fast)) == str(inspect.signature(plain))
    assert fast.__init__.__qualname__ == "Point.__init__"
    calls: list[tuple[tuple[Any, ...], dict[str, Any]]] = [
        ((1,), {}), ((1, "y"), {}), ((1,), {"c": (2,), "d": [3]}), ((), {"a": 1, "b": "z"}),
    ]
    for args, kwargs in calls:
        assert vars(fast(*args, **kwargs)) == vars(plain(*args, **kwargs))
    assert fast(1).d is not fast(1).d  # a fresh list from the factory each time


def test_eq_hash_repr_replace_and_immutability() -> None:
    plain, fast = _pair()
    p, q = fast(1, "y", (2,)), fast(1, "y", (2,))
    assert p == q and p != fast(2) and p != plain(1, "y", (2,))
    assert repr(p) == repr(plain(1, "y", (2,)))
    r = dataclasses.replace(p, b="z")
    assert (r.a, r.b, r.c, type(r)) == (1, "z", (2,), fast)
    with pytest.raises(dataclasses.FrozenInstanceError):
        p.a = 2


def test_binding_errors_as_the_dataclass_gives_them() -> None:
    plain, fast = _pair()
    calls: list[tuple[tuple[Any, ...], dict[str, Any]]] = [
        ((), {}), ((1, 2, 3, 4, 5), {}), ((1,), {"e": 1}), ((1,), {"a": 2}),
    ]
    for args, kwargs in calls:
        with pytest.raises(TypeError) as want:
            plain(*args, **kwargs)
        with pytest.raises(TypeError) as got:
            fast(*args, **kwargs)
        assert str(got.value) == str(want.value)


def test_post_init_runs() -> None:
    seen: list[int] = []

    def post(self: Any) -> None:
        seen.append(self.a)

    _, fast = _pair(__post_init__=post)
    fast(7)
    assert seen == [7]


def test_refuses_what_it_cannot_build() -> None:
    @dataclass
    class Mutable:
        a: int

    @dataclass(frozen=True, slots=True)
    class Slotted:
        a: int

    @dataclass(frozen=True)
    class Hidden:
        a: int
        b: int = field(init=False, default=0)

    @dataclass(frozen=True)
    class Named:
        a: int
        _b: int = 0

    @dataclass(frozen=True)
    class WithClassVar:
        a: int
        k: ClassVar[int] = 1

    for cls in (Mutable, Slotted, Hidden):
        with pytest.raises(TypeError):
            one_step_init(cls)
    with pytest.raises(AssertionError):
        one_step_init(Named)
    assert one_step_init(WithClassVar)(1).a == 1


def test_engine_values() -> None:
    """The engine's own classes: defaults, factories and the cache a value keeps in its __dict__."""
    o = Outcome("met", Msg.of("reached", year=2023))
    same = Outcome("met", Msg("reached", (("year", 2023),)))
    assert o.notes == () and o.points is None and o == same and hash(o) == hash(same)
    assert dataclasses.replace(o, points=1.0).points == 1.0
    assert Judgement.__init__.__qualname__ == "Judgement.__init__"
