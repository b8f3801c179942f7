"""Turns one matched time expression (a rule name and its regex groups) into a TIMEX3 reading."""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from core.model import EXACT, RELATIVE, UNRESOLVED
from core.temporal import calendar as cal
from core.temporal.lexicon import load, month_number, number_value
from core.temporal.rules import normaliser

PAST, FUTURE = "past", "future"


@dataclass
class Context:
    """What a normaliser may know beyond the phrase: the publication date and the sentence around it."""

    dct: date | None = None
    # Direction the clause points in: "past", "future" or None (present tense or unknown).
    tense: str | None = None
    # Whether that tense comes from the parse (the verb the phrase hangs on) rather than from
    # words nearby, which are a weaker guide.
    tense_parsed: bool = False
    # Text just before and after the phrase, for the few readings that depend on it ("$5 a year").
    before: str = ""
    after: str = ""
    # The last calendar quarter mentioned earlier in the article ("1989-Q3"): "a year ago" in
    # earnings news means the same quarter a year back.
    last_quarter: str | None = None
    # Whether that quarter was named in the last few sentences (or this one says
    # "quarter"): only then does "a year ago" mean the same quarter a year back.
    quarter_near: bool = False
    # The last date the article named (start of its interval, granularity): "that day",
    # "the following year" count from it.
    ref: tuple | None = None


@dataclass(frozen=True)
class Reading:
    type: str
    value: str
    certainty: str
    start: date | None = None
    end: date | None = None
    granularity: str | None = None
    future: bool | None = None


def placed(type_: str, value: str, certainty: str, future: bool | None = None) -> Reading:
    iv = cal.interval_of(value)
    if iv is None:
        return Reading(type_, value, certainty, future=future)
    return Reading(type_, value, certainty, iv[0], iv[1], iv[2], future)


def unresolved(type_: str, value: str = "XXXX-XX-XX", granularity: str = "none") -> Reading:
    return Reading(type_, value, UNRESOLVED, granularity=granularity)


def _g(m: re.Match, name: str) -> str | None:
    try:
        v = m.group(name)
    except IndexError:
        return None
    return v.lower() if v else None


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", s.strip().lower())


def _day(m: re.Match) -> int:
    return int(re.match(r"\d+", m.group("d")).group())


def _pick(cands: list[date], dct: date, tense: str | None) -> date:
    """Among dates a phrase may mean, the one its tense points to, else the nearest."""
    if tense == PAST:
        past = [c for c in cands if c <= dct]
        if past:
            return max(past)
    if tense == FUTURE:
        fut = [c for c in cands if c >= dct]
        if fut:
            return min(fut)
    return min(cands, key=lambda c: (abs((c - dct).days), c > dct))


_SINCE = re.compile(r"\bsince\s+(?:early\s+|late\s+|mid-?\s*)?$", re.I)


def _since(ctx) -> bool:
    """"since May": the point a period runs from is past, however near the next May is."""
    return bool(_SINCE.search(ctx.before or ""))


def _closest(cands: list[date], dct: date, tense: str | None, slack: int = 62) -> date:
    """The candidate nearest the publication date, unless the clause's tense points clearly the other way.

    `slack` is how far on the wrong side the nearest reading may lie before the tense wins. A
    day and month take the tense of the verb they hang on at once ("withdrew on 2 September"
    in late August is last year's); a bare month keeps the nearest reading within two months,
    since its clause's tense is often the reporting verb's ("said in January ...").
    """
    best = min(cands, key=lambda c: (abs((c - dct).days), c > dct))
    if tense == PAST and (best - dct).days > slack:
        past = [c for c in cands if c <= dct]
        return max(past) if past else best
    if tense == FUTURE and (dct - best).days > slack:
        fut = [c for c in cands if c >= dct]
        return min(fut) if fut else best
    return best


# ---- explicit and partly explicit dates -------------------------------------------------------

@normaliser("iso_date", "compact_date", "mdy", "dmy", "slash_date")
def full_date(m, ctx):
    y = int(m.group("y"))
    if y < 100:
        y += 1900 if y >= 50 else 2000
    mo = month_number(m.group("m")) if not m.group("m").isdigit() else int(m.group("m"))
    d = cal.safe_date(y, mo, _day(m)) if mo else None
    if d is None:
        return None
    return placed("DATE", d.isoformat(), EXACT)


@normaliser("iso_datetime")
def iso_datetime(m, ctx):
    d = cal.safe_date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
    if d is None:
        return None
    r = placed("TIME", f"{d.isoformat()}T{m.group('h')}:{m.group('min')}", EXACT)
    return replace(r, granularity="time")


@normaliser("md", "dm")
def month_day(m, ctx):
    mo = month_number(m.group("m"))
    day = _day(m)
    if not mo or not 1 <= day <= 31:
        return None
    if ctx.dct is None:
        return unresolved("DATE", f"XXXX-{mo:02d}-{day:02d}", "day")
    cands = [d for y in (ctx.dct.year - 1, ctx.dct.year, ctx.dct.year + 1)
             if (d := cal.safe_date(y, mo, day))]
    if not cands:
        return None
    slack = 0 if ctx.tense_parsed or _since(ctx) else 62
    return placed("DATE", _closest(cands, ctx.dct, PAST if _since(ctx) else ctx.tense, slack).isoformat(), RELATIVE)


@normaliser("my")
def month_year(m, ctx):
    mo = month_number(m.group("m"))
    return placed("DATE", f"{int(m.group('y')):04d}-{mo:02d}", EXACT)


@normaliser("month")
def month_alone(m, ctx, rel: str | None = None):
    mo = month_number(m.group("m"))
    if ctx.dct is None:
        return unresolved("DATE", f"XXXX-{mo:02d}", "month")
    y = ctx.dct.year
    if rel in ("last", "past", "previous"):
        y = y if mo < ctx.dct.month else y - 1
    elif rel in ("next", "coming"):
        y = y if mo > ctx.dct.month else y + 1
    elif rel != "this":
        cands = [date(yy, mo, 1) for yy in (y - 1, y, y + 1)]
        here = date(ctx.dct.year, ctx.dct.month, 1)
        y = _closest(cands, here, PAST, 0).year if _since(ctx) else _closest(cands, here, ctx.tense).year
    return placed("DATE", f"{y:04d}-{mo:02d}", RELATIVE)


@normaliser("month_rel")
def month_rel(m, ctx):
    return month_alone(m, ctx, _g(m, "rel"))


@normaliser("month_of_year")
def month_of_year(m, ctx):
    mo = month_number(m.group("m"))
    if ctx.dct is None:
        return unresolved("DATE", f"XXXX-{mo:02d}", "month")
    y = ctx.dct.year + {"last": -1, "this": 0, "next": 1}[_g(m, "rel")]
    return placed("DATE", f"{y:04d}-{mo:02d}", RELATIVE)


@normaliser("year_word", "year")
def year(m, ctx):
    return placed("DATE", f"{int(m.group('y')):04d}", EXACT)


@normaliser("fiscal_year")
def fiscal_year(m, ctx):
    y = int(m.group("y") or m.group("y2"))
    if y < 100:
        y += 1900 if y >= 50 else 2000
    return placed("DATE", f"{y:04d}", EXACT)


@normaliser("decade", "decade_short", "decade_word")
def decade(m, ctx):
    dec = _g(m, "dec")
    words = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
             "seventies": 7, "eighties": 8, "nineties": 9}
    if dec in words:
        value = f"19{words[dec]}"
    elif len(dec) == 2:
        century = 19 if ctx.dct is None or int(dec) > ctx.dct.year % 100 else ctx.dct.year // 100
        value = f"{century}{dec[0]}"
    else:
        value = dec[:3]
    return _modify(placed("DATE", value, EXACT), _g(m, "mod"))


@normaliser("century")
def century(m, ctx):
    n = load().ordinals.get(_g(m, "o"))
    if not n or n > 21:
        return None
    return placed("DATE", f"{n - 1:02d}", EXACT)


def _modify(r: Reading, mod: str | None) -> Reading:
    frac = load().modifiers.get(mod or "")
    if frac and r.start is not None:
        s, e = cal.narrow(r.start, r.end, frac)
        return replace(r, start=s, end=e)
    return r


# ---- quarters, halves, seasons ----------------------------------------------------------------

def _ord(m, name="q") -> int | None:
    word = m.group(name) or (m.group("q2") if "q2" in m.groupdict() else None)
    return load().ordinals.get(_norm(word)) if word else None


def _year_from_rel(ctx, rel: str | None) -> int | None:
    if rel is None:
        return None
    return ctx.dct.year + {"last": -1, "the previous": -1, "this": 0, "the current": 0, "the": 0,
                           "next": 1}.get(_norm(rel), 0)


@normaliser("quarter_of_year", "year_quarter")
def quarter_explicit(m, ctx):
    q = _ord(m)
    if not q or q > 4:
        return None
    y, rel = _g(m, "y"), _g(m, "rel")
    if y:
        return placed("DATE", f"{y}-Q{q}", EXACT)
    if ctx.dct is None:
        return unresolved("DATE", f"XXXX-Q{q}", "quarter")
    return placed("DATE", f"{_year_from_rel(ctx, rel)}-Q{q}", RELATIVE)


@normaliser("quarter_q")
def quarter_q(m, ctx):
    q = int(m.group("qq")[1])
    y = _g(m, "y") or (f"20{m.group('yy')}" if _g(m, "yy") else None)
    if y:
        return placed("DATE", f"{y}-Q{q}", EXACT)
    return _quarter_guess(q, m.group(0), ctx)


def _quarter_guess(q: int, phrase: str, ctx) -> Reading:
    if ctx.dct is None:
        return unresolved("DATE", f"XXXX-Q{q}", "quarter")
    cur = cal.quarter_of(ctx.dct)
    y = ctx.dct.year
    low = phrase.lower()
    if low.startswith("last "):
        y -= 1
    elif low.startswith("next "):
        y += 1
    elif q > cur and ctx.tense != FUTURE:
        y -= 1
    return placed("DATE", f"{y}-Q{q}", RELATIVE)


@normaliser("quarter_ord")
def quarter_ord(m, ctx):
    q = _ord(m)
    if not q or q > 4:
        return None
    return _quarter_guess(q, m.group(0), ctx)


def _shift_quarter(value: str, n: int) -> str:
    y, q = int(value[:4]), int(value[-1])
    k = y * 4 + q - 1 + n
    return f"{k // 4}-Q{k % 4 + 1}"


@normaliser("quarter_rel")
def quarter_rel(m, ctx):
    rel = _g(m, "rel")
    if ctx.dct is None:
        return unresolved("DATE", "XXXX-QX", "quarter")
    cur = cal.unit_value(ctx.dct, "Q")
    if rel in ("year-ago", "year-earlier"):
        base = ctx.last_quarter or _shift_quarter(cur, -1)
        return placed("DATE", _shift_quarter(base, -4), RELATIVE)
    if rel == "same" and ctx.last_quarter:
        return placed("DATE", ctx.last_quarter, RELATIVE)
    shift = {"latest": -1, "past": -1, "last": -1, "previous": -1, "current": 0, "this": 0,
             "next": 1, "coming": 1}.get(rel)
    if rel == "latest" and ctx.last_quarter:
        return placed("DATE", ctx.last_quarter, RELATIVE)
    if shift is None:
        return None
    return placed("DATE", _shift_quarter(cur, shift), RELATIVE)


@normaliser("the_quarter")
def the_quarter(m, ctx):
    if ctx.dct is None:
        return unresolved("DATE", "XXXX-QX", "quarter")
    if ctx.last_quarter:
        return placed("DATE", ctx.last_quarter, RELATIVE)
    cur = cal.unit_value(ctx.dct, "Q")
    # Early in a quarter, news reports on the quarter just ended.
    early = (ctx.dct.month - 1) % 3 < 2
    return placed("DATE", _shift_quarter(cur, -1) if early else cur, RELATIVE)


def _half_number(word: str) -> int:
    return 1 if word in ("first", "1st") else 2


@normaliser("half_of_year")
def half_of_year(m, ctx):
    h = _half_number(_g(m, "h"))
    if _g(m, "y"):
        return placed("DATE", f"{m.group('y')}-H{h}", EXACT)
    if ctx.dct is None:
        return unresolved("DATE", f"XXXX-H{h}", "half")
    return placed("DATE", f"{_year_from_rel(ctx, _g(m, 'rel'))}-H{h}", RELATIVE)


@normaliser("half")
def half(m, ctx):
    h = _half_number(_g(m, "h"))
    if _g(m, "y"):
        return placed("DATE", f"{m.group('y')}-H{h}", EXACT)
    if ctx.dct is None:
        return unresolved("DATE", f"XXXX-H{h}", "half")
    cur = 1 if ctx.dct.month <= 6 else 2
    y = ctx.dct.year if h <= cur or ctx.tense == FUTURE else ctx.dct.year - 1
    return placed("DATE", f"{y}-H{h}", RELATIVE)


def _season_code(m) -> str:
    return load().seasons[_g(m, "s")]


def _season_of(d: date) -> tuple[int, str]:
    code = {12: "WI", 1: "WI", 2: "WI"}.get(d.month) or ("SP" if d.month < 6 else "SU" if d.month < 9 else "FA")
    return (d.year - 1 if d.month < 3 else d.year), code


_SEASON_ORDER = ["SP", "SU", "FA", "WI"]


@normaliser("season_year")
def season_year(m, ctx):
    return placed("DATE", f"{m.group('y')}-{_season_code(m)}", EXACT)


@normaliser("season")
def season(m, ctx):
    code = _season_code(m)
    if ctx.dct is None:
        return unresolved("DATE", f"XXXX-{code}", "season")
    cy, cc = _season_of(ctx.dct)
    here = cy * 4 + _SEASON_ORDER.index(cc)
    cands = [y * 4 + _SEASON_ORDER.index(code) for y in (cy - 1, cy, cy + 1)]
    rel = {"this past": "last", "this coming": "next"}.get(_norm(m.group("rel") or ""), _g(m, "rel"))
    if rel in ("last", "past"):
        k = max(c for c in cands if c < here)
    elif rel in ("next", "coming"):
        k = min(c for c in cands if c > here)
    elif rel == "this" or ctx.tense is None:
        k = min(cands, key=lambda c: (abs(c - here), c > here))
    elif ctx.tense == PAST:
        k = max(c for c in cands if c <= here)
    else:
        k = min(c for c in cands if c >= here)
    r = placed("DATE", f"{k // 4}-{code}", RELATIVE)
    return _modify(r, rel if rel in ("early", "late") else None)


_SPELLED_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
                 "eighty": 80, "ninety": 90}


@normaliser("spelled_year")
def spelled_year(m, ctx):
    words = re.split(r"[\s-]+", _norm(m.group("sy")))
    if words[:2] == ["two", "thousand"]:
        rest = [w for w in words[2:] if w != "and"]
        n = number_value(" ".join(rest)) if rest else 0
        return placed("DATE", f"{2000 + int(n or 0):04d}", EXACT) if n is not None else None
    century = {"nineteen": 19, "twenty": 20}[words[0]]
    rest = words[1:]
    if rest == ["hundred"]:
        n = 0
    elif rest[0] in _SPELLED_TENS:
        n = _SPELLED_TENS[rest[0]] + (number_value(rest[1]) if len(rest) > 1 else 0)
    else:
        n = number_value(rest[0])
    if n is None:
        return None
    return placed("DATE", f"{century * 100 + int(n):04d}", EXACT)


@normaliser("period_rel")
def period_rel(m, ctx):
    rel = _norm(m.group("rel"))
    if ctx.dct is None:
        return unresolved("DATE", "XXXX-QX", "quarter")
    cur = cal.unit_value(ctx.dct, "Q")
    base = ctx.last_quarter or _shift_quarter(cur, -1)
    if rel in ("latest", "same"):
        return placed("DATE", base, RELATIVE)
    return placed("DATE", _shift_quarter(base, -4), RELATIVE)


@normaliser("the_year")
def the_year(m, ctx):
    # "the year ended Sept. 30" is a fiscal year's length; "for the year" is the year itself.
    if re.match(r"\s*(?:ended|ending|to\s+date)\b", ctx.after) or re.search(r"\bthroughout\s*$", ctx.before):
        return Reading("DURATION", "P1Y", EXACT, granularity="period")
    if ctx.dct is None:
        return unresolved("DATE", "XXXX", "year")
    y = ctx.dct.year - (1 if "latest" in (_g(m, "q") or "") else 0)
    return placed("DATE", f"{y:04d}", RELATIVE)


@normaliser("year_period")
def year_period(m, ctx):
    """'the 1988 quarter', 'the 1989 period': that year's quarter under discussion."""
    y = int(m.group("y"))
    if ctx.last_quarter:
        return placed("DATE", f"{y}-{ctx.last_quarter[-2:]}", RELATIVE)
    if ctx.dct is not None:
        return placed("DATE", f"{y}-{_shift_quarter(cal.unit_value(ctx.dct, 'Q'), -1)[-2:]}", RELATIVE)
    return placed("DATE", f"{y}", EXACT)


@normaliser("quarter_year_ago")
def quarter_year_ago(m, ctx):
    """'the year-earlier third quarter': that quarter one year before the one under discussion."""
    q = _ord(m)
    if not q or q > 4:
        return None
    if ctx.dct is None:
        return unresolved("DATE", f"XXXX-Q{q}", "quarter")
    base = _quarter_guess(q, "", ctx).value
    year = int(ctx.last_quarter[:4]) if ctx.last_quarter else int(base[:4])
    return placed("DATE", f"{year - 1}-Q{q}", RELATIVE)
