"""Normalisers for sets ('every year', 'daily', 'each July', 'every Monday') and named holidays."""
from __future__ import annotations

import re
from datetime import date, timedelta

from core.model import EXACT, RELATIVE
from core.temporal.lexicon import load, month_number, weekday_number
from core.temporal.normalise import Reading, _g, _norm, _pick, placed, unresolved
from core.temporal.rules import normaliser


@normaliser("month_set")
def month_set(m, ctx):
    return Reading("SET", f"XXXX-{month_number(m.group('m')):02d}", EXACT, granularity="month")


@normaliser("weekday_set")
def weekday_set(m, ctx):
    wd = weekday_number(m.group("w") or m.group("w2"))
    pod = _g(m, "pod")
    value = f"XXXX-WXX-{wd}" + (f"T{load().parts_of_day[pod]}" if pod else "")
    return Reading("SET", value, EXACT, granularity="day")


_SET_UNITS = {"day": "P1D", "week": "P1W", "month": "P1M", "year": "P1Y", "quarter": "P3M",
              "hour": "PT1H", "night": "P1D", "weekend": "P1W", "summer": "P1Y", "winter": "P1Y",
              "morning": "P1D", "evening": "P1D"}


@normaliser("set_every")
def set_every(m, ctx):
    value = _SET_UNITS[_g(m, "u")]
    if _g(m, "o"):
        value = re.sub(r"\d+", lambda k: str(int(k.group()) * 2), value)
    return Reading("SET", value, EXACT, granularity="none")


_ADVERBS = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "yearly": "P1Y", "annually": "P1Y",
            "annual": "P1Y", "quarterly": "P3M", "hourly": "PT1H", "nightly": "P1D",
            "biannually": "P6M", "semiannually": "P6M"}


@normaliser("set_adverb", "annual_event")
def set_adverb(m, ctx):
    return Reading("SET", _ADVERBS[_g(m, "a")], EXACT, granularity="none")


def _easter(y: int) -> date:
    a, b, c = y % 19, y // 100, y % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    mm = (a + 11 * h + 22 * l_) // 451
    month = (h + l_ - 7 * mm + 114) // 31
    day = ((h + l_ - 7 * mm + 114) % 31) + 1
    return date(y, month, day)


def _holiday_date(rule, y: int) -> date:
    if rule == "easter":
        return _easter(y)
    if rule == "thanksgiving":
        first = date(y, 11, 1)
        return first + timedelta(days=(3 - first.weekday()) % 7 + 21)
    return date(y, rule[0], rule[1])


@normaliser("holiday")
def holiday(m, ctx):
    name = re.sub(r"['’]", "'", _norm(m.group("hol")))
    rule = load().holidays.get(name) or load().holidays.get(name.replace("'", ""))
    if rule is None:
        return None
    y = _g(m, "y") or _g(m, "y2")
    if y:
        return placed("DATE", _holiday_date(rule, int(y)).isoformat(), EXACT)
    if ctx.dct is None:
        return unresolved("DATE", "XXXX-XX-XX", "day")
    cands = [_holiday_date(rule, yy) for yy in (ctx.dct.year - 1, ctx.dct.year, ctx.dct.year + 1)]
    return placed("DATE", _pick(cands, ctx.dct, ctx.tense).isoformat(), RELATIVE)


