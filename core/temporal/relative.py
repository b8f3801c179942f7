"""Normalisers for expressions anchored to the publication date: deictic words, weekdays, clock times, "last week", durations."""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from core.model import EXACT, RELATIVE, VAGUE
from core.temporal import calendar as cal
from core.temporal.entities import count_from_ref
from core.temporal.lexicon import load, number_value, weekday_number
from core.temporal.normalise import (
    FUTURE,
    PAST,
    Reading,
    _g,
    _modify,
    _norm,
    month_day,
    placed,
    unresolved,
)
from core.temporal.rules import normaliser

_UNIT_CODE = {"week": "W", "month": "M", "year": "Y", "decade": "DE", "century": "CE", "weekend": "WE"}


def _with_pod(r: Reading, pod: str | None) -> Reading:
    if not pod or r.value.startswith("X") and r.certainty != "unresolved":
        return r
    code = load().parts_of_day.get(pod)
    return replace(r, type="TIME", value=f"{r.value}T{code}", granularity="time")


# ---- deictic days and weekdays ----------------------------------------------------------------

_DEICTIC = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1,
            "the day before yesterday": -2, "the day after tomorrow": 2}


@normaliser("deictic")
def deictic(m, ctx):
    word = _norm(m.group("w"))
    pod = _g(m, "pod") or ("night" if word == "tonight" else None)
    if ctx.dct is None:
        return _with_pod(unresolved("DATE", "XXXX-XX-XX", "day"), pod)
    d = ctx.dct + timedelta(days=_DEICTIC[word])
    return _with_pod(placed("DATE", d.isoformat(), RELATIVE), pod)


@normaliser("this_pod")
def this_pod(m, ctx):
    words = m.group(0).split()
    first = (words[1] if m.group("pre") else words[0]).lower()
    pod = _g(m, "pod")
    if ctx.dct is None:
        return _with_pod(unresolved("DATE", "XXXX-XX-XX", "day"), pod)
    d = ctx.dct + timedelta(days={"this": 0, "last": -1, "yesterday": -1, "tomorrow": 1}[first])
    if first == "last" and pod != "night":
        d = ctx.dct - timedelta(days=1)
    return _with_pod(placed("DATE", d.isoformat(), RELATIVE), pod)


def weekday_date(wd: int, dct: date, rel: str | None, tense: str | None) -> date:
    diff = wd - dct.isoweekday()
    if rel in ("last", "past", "previous"):
        back = (dct.isoweekday() - wd) % 7 or 7
        return dct - timedelta(days=back)
    if rel in ("next", "coming"):
        ahead = diff % 7 or 7
        return dct + timedelta(days=ahead)
    if rel == "this":
        return dct + timedelta(days=diff)
    before = dct - timedelta(days=(dct.isoweekday() - wd) % 7)
    after = dct + timedelta(days=diff % 7)
    if tense == PAST:
        return before
    if tense == FUTURE:
        return after
    # News reports mostly look back: without a tense, the past day wins unless it is far off.
    return before if (dct - before).days <= 4 or (dct - before) <= (after - dct) else after


_WEEKDAY_REL = {"the previous": "last", "this past": "last", "the following": "next", "this coming": "next"}


@normaliser("weekday")
def weekday(m, ctx):
    wd = weekday_number(m.group("w"))
    pod = _g(m, "pod")
    if ctx.dct is None:
        return _with_pod(unresolved("DATE", f"XXXX-WXX-{wd}", "day"), pod)
    rel = _WEEKDAY_REL.get(_norm(m.group("rel") or ""), _g(m, "rel"))
    d = weekday_date(wd, ctx.dct, rel, ctx.tense)
    if pod in ("night", "evening"):
        # "Friday night" in news often reaches past midnight: dated to the day, as TimeBank does.
        return placed("DATE", d.isoformat(), RELATIVE)
    return _with_pod(placed("DATE", d.isoformat(), RELATIVE), pod)


def _clock(m, ctx, hour: int, minute: int):
    w = _g(m, "w")
    if ctx.dct is None:
        day = "XXXX-XX-XX"
        r = unresolved("TIME", f"{day}T{hour:02d}:{minute:02d}", "time")
        return r
    if _g(m, "m"):
        day = month_day(m, ctx)
        if day is None or day.start is None:
            return None
        d = day.start
    elif w in _DEICTIC:
        d = ctx.dct + timedelta(days=_DEICTIC[w])
    elif w:
        d = weekday_date(weekday_number(w), ctx.dct, None, ctx.tense)
    elif ctx.ref is not None and ctx.ref[1] == "day":
        d = ctx.ref[0]  # "... on Oct. 23. At 10 p.m., ...": the clock time falls on the day last named
    else:
        d = ctx.dct
    r = placed("TIME", f"{d.isoformat()}T{hour:02d}:{minute:02d}", RELATIVE)
    return replace(r, granularity="time")


@normaliser("clock")
def clock(m, ctx):
    h = int(m.group("h"))
    mi = int(m.group("min") or 0)
    ap = m.group("ap").lower()
    if not 1 <= h <= 12:
        return None
    if ap.startswith("p") and h < 12:
        h += 12
    if ap.startswith("a") and h == 12:
        h = 0
    return _clock(m, ctx, h, mi)


@normaliser("clock24")
def clock24(m, ctx):
    # "18:00 UTC", "0800 GMT Monday": the zone stays in the phrase, the value is the clock time (as TimeBank)
    h, mi = int(m.group("h") or m.group("h2")), int(m.group("min") or m.group("min2"))
    if h > 23:
        return None
    return _clock(m, ctx, h, mi)


@normaliser("noon")
def noon(m, ctx):
    return _clock(m, ctx, 12 if _g(m, "nm") == "noon" else 0, 0)


# ---- 'last week', 'this month', 'the weekend', 'two years ago' -------------------------------

@normaliser("unit_rel")
def unit_rel(m, ctx):
    unit = _UNIT_CODE[_g(m, "u")]
    rel = _norm(m.group("rel"))
    pre = (_g(m, "pre") or "").strip()
    if rel == "the following" or (rel == "the next" and ctx.tense == PAST):
        # "The next year, it was retaken": counted from the date the story is at, not from today.
        return count_from_ref(rel, m.group("u"), ctx)
    if ctx.dct is None:
        return unresolved("DATE", "XXXX-XX-XX", "none")
    step = 0
    if rel in ("last", "the past", "the previous", "the last", "past"):
        step = -1
    elif rel in ("next", "the coming", "the following", "the next", "coming"):
        step = 1
    if unit == "WE":
        ref = ctx.dct + timedelta(weeks=step)
        r = placed("DATE", cal.unit_value(ref, "WE"), RELATIVE)
    elif unit == "DE" and rel in ("the past", "past"):
        # "the past decade" reads as the ten years up to now rather than the previous calendar decade.
        r = Reading("DURATION", "P10Y", RELATIVE, granularity="period")
        return _anchored(r, ctx.dct, -1, "P10Y")
    elif unit in ("DE", "CE"):
        years = 10 if unit == "DE" else 100
        ref = date(ctx.dct.year + step * years, 1, 1)
        r = placed("DATE", cal.unit_value(ref, unit), RELATIVE)
    else:
        ref = cal.shift(ctx.dct, unit, step)
        r = placed("DATE", cal.unit_value(ref, unit), RELATIVE)
    if pre == "earlier" and step == 0:
        r = replace(r, end=ctx.dct + timedelta(days=1))
    elif pre == "later" and step == 0:
        r = replace(r, start=ctx.dct + timedelta(days=1))
    elif pre in ("early", "late"):
        r = _modify(r, pre)
    return r


@normaliser("the_weekend")
def the_weekend(m, ctx):
    if ctx.dct is None:
        return unresolved("DATE", "XXXX-WXX-WE", "week")
    # Early in the week "the weekend" is the one just past; later it is the coming one.
    ref = ctx.dct - timedelta(weeks=1) if ctx.dct.isoweekday() <= 3 else ctx.dct
    if ctx.tense == FUTURE:
        ref = ctx.dct if ctx.dct.isoweekday() < 6 else ctx.dct + timedelta(weeks=1)
    return placed("DATE", cal.unit_value(ref, "WE"), RELATIVE)


@normaliser("part_of_unit")
def part_of_unit(m, ctx):
    unit = {"year": "Y", "month": "M", "week": "W", "quarter": "Q", "decade": "DE", "century": "CE",
            "day": "D"}[_g(m, "u")]
    if ctx.dct is None:
        return unresolved("DATE", "XXXX-XX-XX", "none")
    r = placed("DATE", cal.unit_value(ctx.dct, unit), RELATIVE)
    part = _g(m, "part")
    if part in ("rest", "remainder"):
        return replace(r, start=ctx.dct + timedelta(days=1), future=True)
    frac = {"beginning": (0.0, 0.2), "start": (0.0, 0.2), "end": (0.8, 1.0), "close": (0.8, 1.0),
            "middle": (0.33, 0.67), "turn": (0.0, 0.1)}[part]
    if r.start is not None:
        s, e = cal.narrow(r.start, r.end, frac)
        r = replace(r, start=s, end=e)
    return r


@normaliser("year_end")
def year_end(m, ctx):
    if ctx.dct is None:
        return unresolved("DATE", "XXXX", "year")
    return _modify(placed("DATE", f"{ctx.dct.year:04d}", RELATIVE), "the end of")


def _unit_of(word: str) -> tuple[str, float, bool]:
    w = word.lower()
    units = load().units
    if w not in units and w.endswith("s"):
        w = w[:-1]
    if w not in units and w.endswith("ie"):
        w = w[:-2] + "y"
    return tuple(units[w])


def duration_value(n: float | None, word: str) -> str:
    code, mult, is_time = _unit_of(word)
    if code == "WE":
        code, mult = "D", 2
    if n is None:
        # An unknown number of decades is an unknown number of years (PXY), as both dev corpora write it.
        if mult >= 100:
            code = "CE"
        return ("PT" if is_time else "P") + f"X{code}"
    total = n * mult
    if total != int(total):
        # "2 1/2 years" -> P2Y6M, "5 1/2 hours" -> PT5H30M, "a minute and a half" -> PT1M30S.
        smaller = {"Y": ("M", 12, False), "M": ("D", 30, False), "W": ("D", 7, False),
                   "D": ("H", 24, True), "H": ("M", 60, True), "Q": ("M", 3, False), "M_T": ("S", 60, True)}
        key = "M_T" if is_time and code == "M" else code
        if key in smaller:
            nc, k, to_time = smaller[key]
            whole, rest = int(total), int(round((total - int(total)) * k))
            if to_time and not is_time:
                return f"P{whole}{code}T{rest}{nc}" if whole else f"PT{rest}{nc}"
            head = f"{whole}{code}" if whole else ""
            return ("PT" if is_time else "P") + f"{head}{rest}{nc}"
    total = int(round(total))
    return ("PT" if is_time else "P") + f"{total}{code}"


def _span_of(value: str) -> tuple[str, int] | None:
    m = re.fullmatch(r"PT?(\d+)([A-Z]+)", value)
    if not m:
        return None
    code = m[2]
    if value.startswith("PT"):
        code = {"H": "H", "M": "MIN", "S": "S"}[code]
    return code, int(m[1])


def _anchored(r: Reading, dct: date, direction: int, value: str) -> Reading:
    """A duration counted back from (or on from) the publication date becomes an interval."""
    sp = _span_of(value)
    if sp is None:
        return r
    code, n = sp
    if code in ("H", "MIN", "S"):
        days = max(1, -(-n // 24)) if code == "H" else 1
        delta = timedelta(days=days)
        if direction < 0:
            return replace(r, start=dct - delta + timedelta(days=1), end=dct + timedelta(days=1), granularity="period")
        return replace(r, start=dct, end=dct + delta + timedelta(days=1), granularity="period")
    unit = {"D": "D", "W": "W", "M": "M", "Q": "Q", "Y": "Y"}.get(code)
    if unit is None:
        return r
    if direction < 0:
        start = cal.shift(dct, unit, -n) + timedelta(days=1)
        return replace(r, start=start, end=dct + timedelta(days=1), granularity="period")
    return replace(r, start=dct, end=cal.shift(dct, unit, n) + timedelta(days=1), granularity="period",
                   future=True)


_MONEY_BEFORE = re.compile(r"(?:\d|%|percent|cents?|dollars?|times|barrels|tons?|once|twice)\W*$", re.I)


@normaliser("duration")
def duration(m, ctx):
    pre = _norm(m.group("pre") or "")
    fuz = _g(m, "fuz")
    raw_n = m.group("n") or ""
    half = bool(re.search(r"\s1/2$", raw_n))
    n = None if fuz else number_value(re.sub(r"\s+1/2$", "", raw_n))
    if not fuz and n is None:
        return None
    if half or m.group("half"):
        n = n + 0.5
    phrase = _norm(m.group(0))
    if "and a half" in phrase and not m.group("half"):
        n = n + 0.5
    unit_word = m.group("u")
    value = duration_value(n, unit_word)
    if _norm(m.group("n") or "") in ("a", "an") and not pre and _MONEY_BEFORE.search(ctx.before):
        return Reading("SET", value, EXACT, granularity="none")
    certainty = VAGUE if fuz else EXACT
    r = Reading("DURATION", value, certainty, granularity="period")
    direction = 0
    if pre in ("the past", "the last", "past", "last", "over the past", "over the last", "the previous"):
        direction = -1
    elif pre in ("the next", "the coming", "next", "coming", "over the next", "the following"):
        direction = 1
    elif not pre and ctx.tense == FUTURE and re.search(r"\b(?:in|within)\s*$", ctx.before, re.I):
        direction = 1  # "talks will resume in two weeks": the span from now to then
    if direction and ctx.dct is not None:
        if fuz:
            return _vague_span(r, ctx.dct, direction, unit_word)
        r = _anchored(r, ctx.dct, direction, value)
        return replace(r, certainty=RELATIVE)
    if direction:
        return replace(r, certainty="unresolved", future=direction > 0)
    return r


@normaliser("duration_range")
def duration_range(m, ctx):
    n1, n2 = number_value(m.group("n")), number_value(m.group("n2"))
    if n1 is None or n2 is None:
        return None
    # "two to three weeks": the value takes the lower bound, as TimeBank does.
    return Reading("DURATION", duration_value(n1, m.group("u")), VAGUE, granularity="period")


_VAGUE_SPAN_DAYS = {"H": 2, "D": 7, "W": 42, "M": 182, "Y": 1095, "DE": 10950, "CE": 36500}


def _vague_span(r: Reading, dct: date, direction: int, unit_word: str) -> Reading:
    code, mult, is_time = _unit_of(unit_word)
    code = "H" if is_time else code
    days = _VAGUE_SPAN_DAYS.get(code, 30) * (mult if mult >= 2 and code == "Y" else 1)
    if direction < 0:
        return replace(r, start=dct - timedelta(days=days), end=dct + timedelta(days=1),
                       certainty=VAGUE, granularity="period")
    return replace(r, start=dct, end=dct + timedelta(days=days + 1), certainty=VAGUE,
                   granularity="period", future=True)


@normaliser("duration_vague")
def duration_vague(m, ctx):
    phrase = _norm(m.group(0))
    vague_tab = load().vague
    if phrase in vague_tab:
        return vague_phrase(phrase, ctx)
    pre = _norm(m.group("pre"))
    direction = 1 if ("coming" in pre or "next" in pre or "following" in pre) else -1
    r = Reading("DURATION", duration_value(None, m.group("u")), VAGUE, granularity="period")
    if ctx.dct is None:
        return replace(r, certainty="unresolved", future=direction > 0)
    return _vague_span(r, ctx.dct, direction, m.group("u"))


def vague_phrase(phrase: str, ctx) -> Reading:
    type_, value, direction, back, ahead = load().vague[phrase]
    future = direction == "future"
    if ctx.dct is None:
        return Reading(type_, value, "unresolved", granularity="none", future=future)
    if future:
        return Reading(type_, value, VAGUE, ctx.dct + timedelta(days=1), ctx.dct + timedelta(days=ahead + 1),
                       "period", True)
    return Reading(type_, value, VAGUE, ctx.dct - timedelta(days=back), ctx.dct + timedelta(days=max(ahead, 1)),
                   "period" if back + ahead > 1 else "day", future)


@normaliser("vague")
def vague(m, ctx):
    return vague_phrase(_norm(m.group(0)), ctx)


@normaliser("ago")
def ago(m, ctx):
    unit_word = m.group("u")
    code, mult, is_time = _unit_of(unit_word)
    d_ = _norm(m.group("dir"))
    sign = -1 if d_ in ("ago", "earlier", "before") else 1
    if _g(m, "f"):
        value = "PAST_REF" if sign < 0 else "FUTURE_REF"
        if ctx.dct is None:
            return Reading("DATE", value, "unresolved", future=sign > 0)
        r = Reading("DATE", value, VAGUE)
        return _vague_span(r, ctx.dct, sign, unit_word)
    n = number_value(m.group("n"))
    if n is None:
        return None
    if ctx.dct is None:
        return unresolved("DATE", "XXXX-XX-XX", "none")
    n = int(n * mult) if n * mult == int(n * mult) else n * mult
    if is_time:
        return placed("DATE", ctx.dct.isoformat(), RELATIVE)
    if code == "WE":
        code = "W"
    if code == "Y" and ctx.last_quarter and ctx.quarter_near and mult == 1:
        # Earnings news: "a year ago" is the same quarter of the year before.
        y, q = int(ctx.last_quarter[:4]), ctx.last_quarter[-2:]
        return placed("DATE", f"{y + sign * int(n)}-{q}", RELATIVE)
    if isinstance(n, float):
        return placed("DATE", cal.unit_value(cal.shift(ctx.dct, "M", int(sign * n * 12)) if code == "Y"
                                            else ctx.dct, "M"), RELATIVE)
    ref = cal.shift(ctx.dct, code, sign * n)
    gran = {"D": "D", "W": "W", "M": "M", "Q": "Q", "Y": "Y"}[code]
    # "a decade ago" is the year ten years back (2008), not the calendar decade (the 2000s).
    return placed("DATE", cal.unit_value(ref, gran), RELATIVE)


_AHEAD = re.compile(r"\s+(?:ahead|to\s+come)\b", re.I)


@normaliser("bare_plural", "long_compound", "the_plural")
def bare_plural(m, ctx):
    r = Reading("DURATION", duration_value(None, m.group("u")), VAGUE, granularity="period")
    if _AHEAD.match(ctx.after or ""):
        # "in the weeks ahead": an unknown number of weeks (PXW, as TimeBank writes it), from publication on
        return replace(r, certainty="unresolved", future=True) if ctx.dct is None else \
            _vague_span(r, ctx.dct, 1, m.group("u"))
    return r


@normaliser("year_ago_adj")
def year_ago_adj(m, ctx):
    if ctx.dct is None:
        return unresolved("DATE", "XXXX", "year")
    if ctx.last_quarter and ctx.quarter_near:
        y, q = int(ctx.last_quarter[:4]), ctx.last_quarter[-2:]
        return placed("DATE", f"{y - 1}-{q}", RELATIVE)
    return placed("DATE", f"{ctx.dct.year - 1:04d}", RELATIVE)
