"""Turn the picture dataclasses into JSON-ready dicts and back, driven by their type hints.

A snapshot stores `to_jsonable(picture)`; `from_jsonable(NationalPicture, data)`
rebuilds exactly the same frozen objects, so an output renders a stored snapshot
and a fresh computation with the same code.
"""

import dataclasses
import types
import typing
from functools import cache
from typing import Any, TypeVar

T = TypeVar("T")


_PLAIN = (type(None), bool, int, float, str)


def to_jsonable(value: Any) -> Any:
    kind = type(value)
    if kind in _PLAIN:
        return value
    names = _names(kind)
    if names is not None:
        return {name: to_jsonable(getattr(value, name)) for name in names}
    if kind in (list, tuple):
        return [to_jsonable(item) for item in value]
    if kind is dict:
        return {str(key): to_jsonable(item) for key, item in value.items()}
    raise TypeError(f"{kind.__name__} is not part of a picture: convert it to a plain value first")


@cache
def _names(kind: type) -> tuple[str, ...] | None:
    """The field names of a dataclass, None for any other type (looked up once per type)."""
    return tuple(f.name for f in dataclasses.fields(kind)) if dataclasses.is_dataclass(kind) else None


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def from_jsonable(kind: Any, data: Any) -> Any:
    origin = typing.get_origin(kind)
    if origin in (typing.Union, types.UnionType):
        return _from_union(typing.get_args(kind), data)
    if dataclasses.is_dataclass(kind):
        hints = _hints(kind)
        names = {f.name for f in dataclasses.fields(kind) if f.init}
        return kind(**{name: from_jsonable(hints[name], data[name]) for name in names if name in data})
    if origin is list:
        (item,) = typing.get_args(kind)
        return [from_jsonable(item, value) for value in data]
    if origin is dict:
        _, item = typing.get_args(kind)
        return {key: from_jsonable(item, value) for key, value in data.items()}
    if kind is float and isinstance(data, int) and not isinstance(data, bool):
        return float(data)
    return data


def _from_union(options: tuple, data: Any) -> Any:
    if data is None:
        return None
    concrete = [option for option in options if option is not type(None)]
    if isinstance(data, dict):
        # A suppressed figure says so in its own data; every other union holds one dataclass.
        tagged = [option for option in concrete if getattr(option, "suppressed", False) is True]
        if tagged and data.get("suppressed") is True:
            return from_jsonable(tagged[0], data)
        concrete = [option for option in concrete if option not in tagged]
    return from_jsonable(concrete[0], data)
