"""A compact, fast encoding of one article's analysis (positional JSON rows, zlib): what project files and the analysis cache store.

Ten thousand analyses must open in seconds. The generic `serialise.to_data` / `from_data` pair walks
type hints per value and writes a dict per record (27 KB of JSON an article); here each record type
gets its converter once, a record is a JSON list in field order, and the blob is compressed (about
6 KB an article). Still data only, no pickles: a blob names its record types' fields in a header, so
a file written before a field was added (or after one was dropped) reads back, and anything that is
not the expected shape raises `ValueError`, which the store reports as a damaged project.
"""
from __future__ import annotations

import dataclasses
import gc
import json
import typing
import weakref
import zlib
from contextlib import contextmanager
from datetime import date
from functools import lru_cache

from core import model
from core.io.serialise import RECORD_TYPES
from core.model import Article, ArticleAnalysis

MAGIC = b"SPC1"  # marks a compact blob (older project files hold plain JSON text)
MAX_BYTES = 64 * 2**20  # a blob never inflates beyond this: a crafted file cannot fill the memory
_LEVEL = 1  # zlib's fastest level: 27 KB -> ~6 KB, several times faster than the default


def encode_result(result: ArticleAnalysis) -> bytes:
    """The analysis without its article (a project stores the text once, beside it)."""
    header = {name: _names(cls) for name, cls in RECORD_TYPES.items() if name not in ("Article", "ArticleAnalysis")}
    header["ArticleAnalysis"] = _names(ArticleAnalysis)
    row = _encoder(ArticleAnalysis)(result, result.article)
    row[_names(ArticleAnalysis).index("article")] = None
    text = json.dumps([header, row], ensure_ascii=False, separators=(",", ":"), check_circular=False)
    return MAGIC + zlib.compress(text.encode("utf-8"), _LEVEL)


# Blobs already made, by the id of their (immutable) result: saving a project after one correction
# re-encodes nothing. An entry leaves with its result (weakref.finalize), before the id can be reused.
_BLOBS: dict[int, bytes] = {}


def encoded(result: ArticleAnalysis) -> bytes:
    """`encode_result(result)`, made once per result object."""
    blob = _BLOBS.get(id(result))
    if blob is None:
        blob = encode_result(result)
        _remember(result, blob)
    return blob


def _remember(result: ArticleAnalysis, blob: bytes) -> None:
    _BLOBS[id(result)] = blob
    weakref.finalize(result, _BLOBS.pop, id(result), None)


@contextmanager
def paused_gc(freeze: bool = False):
    """Build many objects without the cycle collector re-scanning them every few thousand: records
    hold no cycles, and rebuilding 10,000 analyses otherwise spends about half its time in it.
    `freeze` moves everything alive afterwards out of the collector's reach (`gc.freeze`): an opened
    project's two million records are never scanned again, so no later collection stalls on them
    (they are still freed, by reference counting, when the project is closed)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if freeze:
            gc.freeze()
        if was_enabled:
            gc.enable()


def is_compact(blob) -> bool:
    return isinstance(blob, (bytes, memoryview)) and bytes(blob[:4]) == MAGIC


def decode_result(blob: bytes, article: Article) -> ArticleAnalysis:
    """The analysis `encode_result` wrote, given back its article; `ValueError` when it is malformed."""
    if not is_compact(blob):
        raise ValueError("not a compact analysis")
    inflater = zlib.decompressobj()
    try:
        raw = inflater.decompress(bytes(blob[len(MAGIC):]), MAX_BYTES)
    except zlib.error as exc:
        raise ValueError(f"damaged data ({exc})") from None
    if inflater.unconsumed_tail:
        raise ValueError("the analysis is implausibly large")
    try:
        header, row = json.loads(raw)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"malformed data ({type(exc).__name__})") from None
    if not isinstance(header, dict) or not isinstance(row, list):
        raise ValueError("malformed data")
    decoders = _layouts(json.dumps(header, sort_keys=True))
    if "ArticleAnalysis" not in decoders:
        raise ValueError("malformed header")
    try:
        result = decoders["ArticleAnalysis"](row, article)
    except (TypeError, IndexError, AttributeError, KeyError) as exc:  # a value of the wrong shape
        raise ValueError(f"malformed data ({type(exc).__name__})") from None
    _remember(result, bytes(blob))
    return result


# ---- encoding ----------------------------------------------------------------------------------------
def _names(cls) -> list[str]:
    return [f.name for f in dataclasses.fields(cls)]


@lru_cache(maxsize=None)
def _hints(cls) -> dict[str, object]:
    return typing.get_type_hints(cls, vars(model))


# A record's text that is the article's text between its start and end, and an article id that is
# the article's, are written as 0 and restored from the article: most of a blob was these copies.
SAME = 0


@lru_cache(maxsize=None)
def _encoder(cls):
    names = _names(cls)
    converters = [_value_encoder(_hints(cls)[n]) for n in names]
    sliced = "text" in names and "start" in names and "end" in names

    def encode(record, article: Article) -> list:
        row = [conv(getattr(record, n), article) if conv else getattr(record, n) for n, conv in zip(names, converters)]
        if sliced and record.text == article.text[record.start:record.end]:
            row[names.index("text")] = SAME
        if "article_id" in names and record.article_id == article.id:
            row[names.index("article_id")] = SAME
        return row

    return encode


def _value_encoder(hint):
    kind, inner = _kind(hint)
    if kind == "record":
        enc = _encoder(inner)
        return lambda v, article: None if v is None else enc(v, article)
    if kind == "records":
        enc = _encoder(inner)
        return lambda v, article: [enc(x, article) for x in v]
    if kind == "strings":
        return lambda v, article: list(v)
    if kind == "date":
        return lambda v, article: None if v is None else v.isoformat()
    return None


def _kind(hint) -> tuple[str, object]:
    """record, records (a tuple of them), strings (a tuple of str), date, or plain (str, int, float, bool)."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin is typing.Union or type(hint).__name__ == "UnionType":
        non_none = [a for a in args if a is not type(None)]
        return _kind(non_none[0])
    if origin is tuple:
        item = args[0] if args else str
        return ("records", item) if dataclasses.is_dataclass(item) else ("strings", item)
    if dataclasses.is_dataclass(hint):
        return "record", hint
    if hint is date:
        return "date", hint
    return "plain", hint


# ---- decoding ----------------------------------------------------------------------------------------
@lru_cache(maxsize=16)
def _layouts(header_json: str) -> dict:
    """A decoder per record type for the field order this header names (built once per header)."""
    header = json.loads(header_json)
    decoders: dict = {}
    for name, cls in RECORD_TYPES.items():
        stored = header.get(name)
        if stored is None:
            continue
        if not isinstance(stored, list) or not all(isinstance(s, str) for s in stored):
            raise ValueError("malformed header")
        decoders[name] = _compile(cls, stored, decoders)
    return decoders


def _compile(cls, stored: list[str], decoders: dict):
    """Python source for one record type's decoder, compiled once: a check and a conversion per field,
    written out, with no loop over fields and no setattr per field. Only our own field names and
    positions go into the source; the data are only ever the function's argument."""
    env = {"new": object.__new__, "C": cls, "bad": _bad, "fromiso": date.fromisoformat, "D": decoders,
           "str": str, "int": int, "float": float, "bool": bool, "list": list, "tuple": tuple}
    parts = []
    names = [f.name for f in dataclasses.fields(cls)]
    sliced = "text" in names and "start" in names and "end" in names and "start" in stored and "end" in stored
    for f in dataclasses.fields(cls):
        if cls is ArticleAnalysis and f.name == "article":
            parts.append(f"{f.name!r}: article")  # given by the caller, never stored
            continue
        if f.name not in stored:
            if f.default is not dataclasses.MISSING:
                env[f"d_{f.name}"] = f.default
            elif f.default_factory is not dataclasses.MISSING:  # type: ignore[misc]
                env[f"d_{f.name}"] = f.default_factory()  # type: ignore[misc]
            else:
                raise ValueError(f"{cls.__name__}.{f.name} is missing")
            parts.append(f"{f.name!r}: d_{f.name}")
            continue
        v = f"row[{stored.index(f.name)}]"
        expression = _expression(_hints(cls)[f.name], v)
        if f.name == "article_id":
            expression = f"(article.id if {v} == 0 else {expression})"
        elif f.name == "text" and sliced:
            start, end = f"row[{stored.index('start')}]", f"row[{stored.index('end')}]"
            expression = f"(article.text[{start}:{end}] if {v} == 0 and {v}.__class__ is int else {expression})"
        parts.append(f"{f.name!r}: {expression}")
    source = (
        f"def decode(row, article):\n"
        f"    if row.__class__ is not list or len(row) != {len(stored)}:\n"
        f"        bad('{cls.__name__} as a list of {len(stored)} values')\n"
        f"    record = new(C)\n"
        f"    record.__dict__.update({{{', '.join(parts)}}})\n"
        f"    return record\n"
    )
    exec(compile(source, f"<decoder {cls.__name__}>", "exec"), env)  # noqa: S102 (our own template)
    return env["decode"]


def _expression(hint, v: str) -> str:
    """An expression converting and checking the stored value `v` for a field of type `hint`."""
    optional = type(None) in typing.get_args(hint)
    kind, inner = _kind(hint)
    if kind == "record":
        body = f"D[{inner.__name__!r}]({v}, article)"
    elif kind == "records":
        body = (f"tuple([D[{inner.__name__!r}](x, article) for x in {v}]) if {v}.__class__ is list "
                f"else bad('a list')")
    elif kind == "strings":
        body = (f"tuple({v}) if {v}.__class__ is list and all(x.__class__ is str for x in {v}) "
                f"else bad('a list of strings')")
    elif kind == "date":
        body = f"fromiso({v}) if {v}.__class__ is str else bad('a date')"
    elif inner is float:
        body = f"float({v}) if {v}.__class__ in (int, float) else bad('a number')"
    elif inner is int:
        body = f"{v} if {v}.__class__ in (int, bool) else bad('a whole number')"
    elif inner in (str, bool):
        body = f"{v} if {v}.__class__ is {inner.__name__} else bad({inner.__name__!r})"
    else:
        return v
    return f"(None if {v} is None else {body})" if optional else f"({body})"


def _bad(what: str):
    raise ValueError(f"expected {what}")
