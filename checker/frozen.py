"""Frozen dataclasses built in one step.

A frozen dataclass's generated __init__ sets each field with object.__setattr__ (its own
__setattr__ refuses): one call per field, and the engine makes thousands of such values a report
(outcomes, judgements, messages). `one_step_init` gives such a class an __init__ that fills the
instance's __dict__ in one step instead, generated once per class as dataclasses generate theirs:
the same parameters, defaults and default factories, then __post_init__ if the class has one.
Everything else (immutability, eq, hash, repr, dataclasses.replace) is the dataclass's own.
"""

from __future__ import annotations

import dataclasses
import inspect
from typing import Any, TypeVar

T = TypeVar("T")


class _Factory:
    """The default of a field with a default factory: left out, the factory makes its value."""

    def __repr__(self) -> str:
        return "<factory>"  # as the dataclass's own signature shows it


_MISSING = _Factory()


def one_step_init(cls: type[T]) -> type[T]:
    """Replace a frozen dataclass's __init__ (put it above @dataclass(frozen=True))."""
    params = dataclasses.fields(cls)  # type: ignore[arg-type]  # refuses a class that is no dataclass
    if not cls.__dataclass_params__.frozen or "__slots__" in cls.__dict__:  # type: ignore[attr-defined]
        raise TypeError(f"{cls.__name__}: one_step_init is for frozen dataclasses with a __dict__")
    names = [f.name for f in params]
    if any(not f.init or f.kw_only for f in params) or list(inspect.signature(cls).parameters) != names:
        # InitVars, init=False or keyword-only fields would need more than this simple __init__.
        raise TypeError(f"{cls.__name__}: one_step_init takes only plain positional fields")
    scope: dict[str, Any] = {"_set": object.__setattr__, "_MISSING": _MISSING}
    args, values = [], []
    for i, f in enumerate(params):
        value = f.name
        if f.default_factory is not dataclasses.MISSING:
            scope[f"_factory{i}"] = f.default_factory
            args.append(f"{f.name}=_MISSING")
            value = f"_factory{i}() if {f.name} is _MISSING else {f.name}"
        elif f.default is not dataclasses.MISSING:
            scope[f"_default{i}"] = f.default
            args.append(f"{f.name}=_default{i}")
        else:
            args.append(f.name)
        values.append(f"{f.name!r}: {value}")
    # The generated code's own names start with "_", which no field's may.
    assert all(not n.startswith("_") and n != "self" for n in names), names
    post = "    self.__post_init__()\n" if hasattr(cls, "__post_init__") else ""
    source = (
        f"def __init__(self, {', '.join(args)}):\n"
        f"    _set(self, '__dict__', {{{', '.join(values)}}})\n{post}"
    )
    exec(source, scope)  # noqa: S102  # the dataclass's own field names
    init = scope["__init__"]
    init.__annotations__ = cls.__init__.__annotations__  # the same signature shown
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__module__ = cls.__module__
    type.__setattr__(cls, "__init__", init)
    return cls
