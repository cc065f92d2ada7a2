"""Frozen dataclasses built in one step.

A frozen dataclass's generated __init__ sets each field with object.__setattr__ (its own
__setattr__ refuses): one call per field, and the engine makes thousands of such values a report
(outcomes, judgements, messages). `one_step_init` gives such a class an __init__ that fills the
instance's __dict__ in one step instead, generated once per class as dataclasses generate theirs:
the same parameters, defaults and default factories, then __post_init__ if the class has one.
Everything else (immutability, eq, hash, repr, dataclasses.replace) is the dataclass's own.
`field_arguments` writes the parameters and field values of such a generated constructor; the
output records' constructors (models/results.py) are written with it too.
"""

from __future__ import annotations

import dataclasses
import inspect
from collections.abc import Callable
from keyword import iskeyword
from typing import Any, TypeVar

T = TypeVar("T")


class _Factory:
    """The default of a field with a default factory: left out, the factory makes its value."""

    def __repr__(self) -> str:
        return "<factory>"  # as the dataclass's own signature shows it


_MISSING = _Factory()
REQUIRED = object()  # a field without a default


def field_arguments(
    fields: list[tuple[str, Any, Callable[..., Any] | None]], scope: dict[str, Any],
) -> tuple[list[str], list[str]]:
    """For a generated constructor taking `fields` (name, default or REQUIRED, default factory or
    None): its parameters, and the expression of each field's value (a factory is called when its
    field is left out). The defaults and factories are named in `scope`; the generated code's own
    names start with "_", which no field's may."""
    params, values = [], []
    for i, (name, default, factory) in enumerate(fields):
        assert name.isidentifier() and not iskeyword(name) and not name.startswith("_"), name
        value = name
        if factory is not None:
            scope["_MISSING"], scope[f"_factory{i}"] = _MISSING, factory
            params.append(f"{name}=_MISSING")
            value = f"_factory{i}() if {name} is _MISSING else {name}"
        elif default is not REQUIRED:
            scope[f"_default{i}"] = default
            params.append(f"{name}=_default{i}")
        else:
            params.append(name)
        values.append(value)
    return params, values


def one_step_init(cls: type[T]) -> type[T]:
    """Replace a frozen dataclass's __init__ (put it above @dataclass(frozen=True))."""
    params = dataclasses.fields(cls)  # type: ignore[arg-type]  # refuses a class that is no dataclass
    if not cls.__dataclass_params__.frozen or "__slots__" in cls.__dict__:  # type: ignore[attr-defined]
        raise TypeError(f"{cls.__name__}: one_step_init is for frozen dataclasses with a __dict__")
    names = [f.name for f in params]
    if any(not f.init or f.kw_only for f in params) or list(inspect.signature(cls).parameters) != names:
        # InitVars, init=False or keyword-only fields would need more than this simple __init__.
        raise TypeError(f"{cls.__name__}: one_step_init takes only plain positional fields")
    scope: dict[str, Any] = {"_set": object.__setattr__}
    assert "self" not in names, names
    args, values = field_arguments(
        [(f.name, REQUIRED if f.default is dataclasses.MISSING else f.default,
          None if f.default_factory is dataclasses.MISSING else f.default_factory) for f in params],
        scope,
    )
    record = ", ".join(f"{name!r}: {value}" for name, value in zip(names, values))
    post = "    self.__post_init__()\n" if hasattr(cls, "__post_init__") else ""
    source = (
        f"def __init__(self, {', '.join(args)}):\n"
        f"    _set(self, '__dict__', {{{record}}})\n{post}"
    )
    exec(source, scope)  # noqa: S102  # the dataclass's own field names
    init = scope["__init__"]
    init.__annotations__ = cls.__init__.__annotations__  # the same signature shown
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__module__ = cls.__module__
    type.__setattr__(cls, "__init__", init)
    return cls
