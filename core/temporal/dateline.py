"""Reads an article's publication date from its dateline or from its file name."""
from __future__ import annotations

import re
from datetime import date

from core.temporal.calendar import safe_date
from core.temporal.lexicon import load, month_number

_HEAD_CHARS = 800
_HEAD_LINES = 8
_SHORT_LINE = 60
# What may stand before the date on a dateline: a place name, a label, a weekday.
_WEEKDAY = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s*)?"
_LEAD_OK = re.compile(rf"\s*(?:(?:[A-Z][\w.'’-]*\s*){{1,4}},\s*)?{_WEEKDAY}|"
                      rf"(?i:(?:published|updated|posted|date|dated|last\s+updated)\s*(?:on|:)?\s*){_WEEKDAY}")


def _head_lines(head: str) -> list[str]:
    return [ln for ln in (x.strip() for x in head.splitlines()) if ln][:_HEAD_LINES]


def _month_alt() -> str:
    return "|".join(sorted(load().months, key=len, reverse=True))


def _patterns() -> list[re.Pattern]:
    mon = _month_alt()
    return [
        re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?!\d)"),
        re.compile(rf"\b(?P<mn>{mon})\.?\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s*,?\s+(?P<y>(?:19|20)\d\d)\b", re.I),
        re.compile(rf"\b(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s+(?P<mn>{mon})\.?\s*,?\s+(?P<y>(?:19|20)\d\d)\b", re.I),
        re.compile(r"(?<![\d/])(?P<m>[01]?\d)/(?P<d>[0-3]?\d)/(?P<y>(?:19|20)\d\d)(?!\d)"),
        re.compile(r"(?<![\d.])(?P<d>[0-3]?\d)\.(?P<m>[01]?\d)\.(?P<y>(?:19|20)\d\d)(?!\d)"),
    ]


def _build(m: re.Match) -> date | None:
    named = "mn" in m.groupdict()
    if named and not m.group("mn")[0].isupper():
        return None  # "may 3, 2018" in running text is rare; a lower-case "may" is the verb
    mo = month_number(m.group("mn")) if named else int(m.group("m"))
    if not mo:
        return None
    return safe_date(int(m.group("y")), mo, int(m.group("d")))


def publication_date_from_text(text: str) -> date | None:
    """A full date in the first lines ('WASHINGTON, Aug. 29, 2018 (Reuters) -', 'May 3, 2018 --', '2018-08-29').

    A dateline without a year ('WASHINGTON, Aug. 29 (Reuters) -') gives None: the year cannot be
    read, and a guessed one (the latest year the text names) was wrong on real wire copy, so the
    caller falls back to the file name, metadata or the user.
    """
    head = text[:_HEAD_CHARS]
    for line in _head_lines(head):
        for pat in _patterns():
            m = pat.search(line)
            if m is None:
                continue
            # A date alone on a short line, at the start of a line ('CITY, date (Agency) -'),
            # or after 'Published'/'Updated'; not a date inside a caption or a sentence.
            lead = line[:m.start()]
            if len(line) <= _SHORT_LINE or _LEAD_OK.fullmatch(lead):
                d = _build(m)
                if d is not None:
                    return d
    return None


def yearless_dateline(text: str) -> str | None:
    """The date of a dateline that gives no year ('WASHINGTON, Aug. 29 (Reuters) -' -> 'Aug. 29').

    Not a publication date (the year is unknown), but worth showing the user who is asked for one."""
    if publication_date_from_text(text) is not None:
        return None
    mon = _month_alt()
    pattern = re.compile(rf"\b(?:(?P<mn>{mon})\.?\s+(?P<d>[0-3]?\d)|(?P<d2>[0-3]?\d)\s+(?P<mn2>{mon})\.?)"
                         r"(?:st|nd|rd|th)?\b(?!\s*,?\s*(?:19|20)\d\d)", re.I)
    for line in _head_lines(text[:_HEAD_CHARS]):
        m = pattern.search(line)
        if m is None or not (m.group("mn") or m.group("mn2"))[0].isupper():
            continue
        if _LEAD_OK.fullmatch(line[:m.start()]) and re.match(r"\s*(?:\([^)]*\)\s*)?(?:-|--|\u2013|\u2014)", line[m.end():]):
            return m.group(0).strip()
    return None


_FILE_PATTERNS = [
    re.compile(r"(?<!\d)((?:19|20)\d\d)[-_.]([01]\d)[-_.]([0-3]\d)(?!\d)"),
    re.compile(r"(?<!\d)((?:19|20)\d\d)([01]\d)([0-3]\d)(?!\d)"),
]


def publication_date_from_filename(name: str) -> date | None:
    """'2018-08-29-idlib.txt', '20180829_x.html', 'reuters_2018_08_29.txt' -> the date in the name."""
    base = re.split(r"[\\/]", name)[-1]
    for pat in _FILE_PATTERNS:
        m = pat.search(base)
        if m:
            d = safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            if d is not None:
                return d
    return None
