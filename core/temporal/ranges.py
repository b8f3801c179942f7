"""Ranges read as durations: "between 2014 and 2016", "from March to May" span both dates, beside the two DATEs.

TimeML keeps the two dates and adds a non-consuming DURATION whose begin and end points they are; here
the duration keeps the whole phrase as its extent (the timeline draws it as one bar) and names its two
dates in its `context` ("range", first index, second index), so re-resolving against another
publication date rebuilds it from them. `annotate` leaves it out, as TempEval scores only the dates.
"""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from typing import Sequence

from core.model import EXACT, TimeExpression

RANGE = "range"
# What joins the two dates, and the word that opens the range: "between" needs "and"; "from" takes
# "to", "until", "through"; a dash needs nothing before it.
_JOIN = re.compile(r"\s*(?P<join>and|to|until|till|through|thru|-|\u2013)\s*$", re.I)
_OPEN = re.compile(r"(?P<open>between|from)\s+$", re.I)
_UNITS = {"year": "Y", "month": "M", "day": "D"}


def is_range(tx: TimeExpression) -> bool:
    return tx.context[:1] == (RANGE,)


def _months(a: date, b: date) -> int:
    return (b.year - a.year) * 12 + b.month - a.month


def _build(first: TimeExpression, second: TimeExpression, start: int, text: str, i: int, j: int) -> TimeExpression:
    unit = _UNITS[first.granularity]
    a, b = first.interval_start, second.interval_start
    n = {"Y": b.year - a.year, "M": _months(a, b), "D": (b - a).days}[unit]  # type: ignore[operator]
    return TimeExpression(
        article_id=first.article_id, sentence_index=first.sentence_index, start=start, end=second.end,
        text=text[start:second.end], type="DURATION", value=f"P{n}{unit}", interval_start=a,
        interval_end=second.interval_end, granularity="period",
        certainty=EXACT if first.certainty == second.certainty == EXACT else first.certainty,
        future=first.future and second.future, context=(RANGE, str(i), str(j)),
    )


def _pair_ok(first: TimeExpression, second: TimeExpression) -> bool:
    return (first.type == second.type == "DATE" and first.granularity == second.granularity
            and first.granularity in _UNITS and first.interval_start is not None
            and second.interval_start is not None and first.interval_start < second.interval_start
            and first.sentence_index == second.sentence_index)


def find_ranges(timexes: Sequence[TimeExpression], text: str) -> list[TimeExpression]:
    """A DURATION for every two neighbouring dates of one precision joined as a range."""
    out = []
    for i in range(len(timexes) - 1):
        first, second = timexes[i], timexes[i + 1]
        if not _pair_ok(first, second):
            continue
        join = _JOIN.match(text[first.end:second.start])
        if join is None or join.end() != second.start - first.end:
            continue
        opened = _OPEN.search(text[max(0, first.start - 10):first.start])
        word = join.group("join").lower()
        if word == "and" and not (opened and opened.group("open").lower() == "between"):
            continue
        if word not in ("and", "-", "\u2013") and not opened and first.granularity == "day":
            continue  # two days joined by "to" without "from" are too often two separate dates
        start = first.start - len(opened.group(0)) if opened else first.start
        out.append(_build(first, second, start, text, i, i + 1))
    return out


def rebuild(timexes: Sequence[TimeExpression]) -> tuple[TimeExpression, ...]:
    """The ranges rebuilt from their re-resolved dates (after a new publication date); a range whose
    dates no longer make one keeps its old reading."""
    out = list(timexes)
    for k, tx in enumerate(out):
        if not is_range(tx) or len(tx.context) != 3:
            continue
        i, j = int(tx.context[1]), int(tx.context[2])
        if max(i, j) >= len(out) or not _pair_ok(out[i], out[j]):
            continue
        fresh = _build(out[i], out[j], tx.start, " " * tx.start + tx.text, i, j)
        out[k] = replace(fresh, text=tx.text)
    return tuple(out)
