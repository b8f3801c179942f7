"""Calendar arithmetic for time expressions: shifting dates by units, and the interval a TIMEX3 value covers."""
from __future__ import annotations

import re
from datetime import date, timedelta

SEASON_MONTHS = {"SP": (3, 6), "SU": (6, 9), "FA": (9, 12), "WI": (12, 15)}


def add_months(d: date, n: int) -> date:
    y, m = divmod(d.year * 12 + d.month - 1 + n, 12)
    return date(y, m + 1, 1)


def month_start(y: int, m: int) -> date:
    return add_months(date(y, 1, 1), m - 1)


def safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def week_value(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def week_start(d: date) -> date:
    return d - timedelta(days=d.weekday())


def quarter_of(d: date) -> int:
    return (d.month - 1) // 3 + 1


def shift(d: date, unit: str, n: int) -> date:
    """`d` moved by n units (D, W, M, Q, Y, or hours H which count as days rounded)."""
    if unit == "D":
        return d + timedelta(days=n)
    if unit == "W":
        return d + timedelta(weeks=n)
    if unit in ("M", "Q", "Y"):
        months = n * {"M": 1, "Q": 3, "Y": 12}[unit]
        first = add_months(date(d.year, d.month, 1), months)
        day = min(d.day, (add_months(first, 1) - timedelta(days=1)).day)
        return first.replace(day=day)
    if unit == "H":
        return d + timedelta(days=round(n / 24))
    return d


def unit_value(d: date, unit: str) -> str:
    """The TIMEX3 value of the calendar unit containing `d`: day, week, month, quarter, year, decade."""
    if unit == "D":
        return d.isoformat()
    if unit == "W":
        return week_value(d)
    if unit == "M":
        return f"{d.year:04d}-{d.month:02d}"
    if unit == "Q":
        return f"{d.year:04d}-Q{quarter_of(d)}"
    if unit == "Y":
        return f"{d.year:04d}"
    if unit == "DE":
        return f"{d.year // 10:03d}"
    if unit == "CE":
        return f"{d.year // 100:02d}"
    if unit == "WE":
        return f"{week_value(d)}-WE"
    return d.isoformat()


_V_DAY = re.compile(r"(\d{4})-(\d\d)-(\d\d)(T.*)?$")
_V_MONTH = re.compile(r"(\d{4})-(\d\d)$")
_V_WEEK = re.compile(r"(\d{4})-W(\d\d)(-WE)?$")
_V_QUARTER = re.compile(r"(?:FY)?(\d{4})-(Q|H)(\d)$")
_V_SEASON = re.compile(r"(\d{4})-(SP|SU|FA|WI)$")
_V_YEAR = re.compile(r"(?:FY)?(\d{4})$")
_V_DECADE = re.compile(r"(\d{3})$")
_V_CENTURY = re.compile(r"(\d{2})$")


def interval_of(value: str) -> tuple[date, date, str] | None:
    """[start, end) and granularity of a calendar TIMEX3 value; None for durations, refs, X forms."""
    try:
        if m := _V_DAY.match(value):
            d = date(int(m[1]), int(m[2]), int(m[3]))
            return d, d + timedelta(days=1), ("time" if m[4] else "day")
        if m := _V_MONTH.match(value):
            s = month_start(int(m[1]), int(m[2]))
            return s, add_months(s, 1), "month"
        if m := _V_WEEK.match(value):
            s = date.fromisocalendar(int(m[1]), int(m[2]), 1)
            if m[3]:
                return s + timedelta(days=5), s + timedelta(days=7), "week"
            return s, s + timedelta(days=7), "week"
        if m := _V_QUARTER.match(value):
            size = 3 if m[2] == "Q" else 6
            s = month_start(int(m[1]), 1 + size * (int(m[3]) - 1))
            return s, add_months(s, size), ("quarter" if m[2] == "Q" else "half")
        if m := _V_SEASON.match(value):
            a, b = SEASON_MONTHS[m[2]]
            s = month_start(int(m[1]), a)
            return s, add_months(s, b - a), "season"
        if m := _V_YEAR.match(value):
            y = int(m[1])
            return date(y, 1, 1), date(y + 1, 1, 1), "year"
        if m := _V_DECADE.match(value):
            y = int(m[1]) * 10
            return date(max(y, 1), 1, 1), date(y + 10, 1, 1), "decade"
        if m := _V_CENTURY.match(value):
            y = int(m[1]) * 100
            return date(max(y, 1), 1, 1), date(y + 100, 1, 1), "century"
    except ValueError:
        return None
    return None


def narrow(start: date, end: date, frac: tuple[float, float]) -> tuple[date, date]:
    """The part of [start, end) between two fractions of its length ('early' = first third)."""
    days = (end - start).days
    a = start + timedelta(days=int(days * frac[0]))
    b = start + timedelta(days=max(int(round(days * frac[1])), int(days * frac[0]) + 1))
    return a, b
