"""Converts analysis records to plain JSON-ready dicts and back: data only, no pickles, nothing executable."""
from __future__ import annotations

import dataclasses
import typing
from datetime import date
from functools import lru_cache

from core import model

# Only these classes can be rebuilt from a file; anything else in a file is rejected.
RECORD_TYPES = {
    cls.__name__: cls
    for cls in (
        model.Span, model.Article, model.Sentence, model.Actor, model.Mention,
        model.TimeExpression, model.Statement, model.Event, model.ArticleAnalysis,
    )
}


def to_data(value):
    """A dataclass tree as dicts, lists, strings, numbers, None; dates as ISO strings."""
    if dataclasses.is_dataclass(value):
        return {f.name: to_data(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [to_data(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    return value


@lru_cache(maxsize=None)
def _hints(cls) -> dict[str, object]:
    return typing.get_type_hints(cls, vars(model))


def from_data(cls, data):
    """Rebuild a record of type `cls` from `to_data` output; raises ValueError on a malformed tree."""
    if not isinstance(data, dict):
        raise ValueError(f"expected an object for {cls.__name__}")
    kwargs = {}
    for f in dataclasses.fields(cls):
        if f.name not in data:
            continue  # fields added later keep their defaults when reading older files
        kwargs[f.name] = _convert(_hints(cls)[f.name], data[f.name])
    try:
        return cls(**kwargs)
    except TypeError as exc:
        raise ValueError(str(exc)) from exc


def _convert(hint, value):
    if value is None:
        return None
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin in (typing.Union, getattr(__import__("types"), "UnionType", ())):
        non_none = [a for a in args if a is not type(None)]
        return _convert(non_none[0], value) if non_none else value
    if origin is tuple:
        if not isinstance(value, list):
            raise ValueError("expected a list")
        item = args[0] if args else object
        return tuple(_convert(item, v) for v in value)
    if hint is date:
        return date.fromisoformat(value)
    if isinstance(hint, type) and hint.__name__ in RECORD_TYPES:
        return from_data(hint, value)
    if hint in (int, float, str, bool):
        if hint is float and isinstance(value, int):
            return float(value)
        if not isinstance(value, hint):
            raise ValueError(f"expected {hint.__name__}, got {type(value).__name__}")
    return value
