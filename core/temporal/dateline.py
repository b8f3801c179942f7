"""Reads an article's publication date from its dateline or from its file name."""
from __future__ import annotations

import re
from datetime import date

from core.temporal.calendar import safe_date
from core.temporal.lexicon import load, month_number

_HEAD_CHARS = 600


def _month_alt() -> str:
    return "|".join(sorted(load().months, key=len, reverse=True))


def _patterns() -> list[re.Pattern]:
    mon = _month_alt()
    return [
        re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?!\d)"),
        re.compile(rf"\b(?P<mn>{mon})\.?\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s*,?\s+(?P<y>(?:19|20)\d\d)\b", re.I),
        re.compile(rf"\b(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s+(?P<mn>{mon})\.?\s*,?\s+(?P<y>(?:19|20)\d\d)\b", re.I),
        re.compile(r"(?<![\d/])(?P<m>[01]?\d)/(?P<d>[0-3]?\d)/(?P<y>(?:19|20)\d\d)(?![\d/])"),
    ]


def _build(m: re.Match) -> date | None:
    mo = month_number(m.group("mn")) if "mn" in m.groupdict() else int(m.group("m"))
    if not mo:
        return None
    if "mn" in m.groupdict() and not m.group("mn")[0].isupper():
        return None
    return safe_date(int(m.group("y")), mo, int(m.group("d")))


def publication_date_from_text(text: str) -> date | None:
    """A full date in the first lines ('WASHINGTON, Aug. 29, 2018 (Reuters) -', 'May 3, 2018 --', '2018-08-29').

    A dateline without a year ('Aug. 29 (Reuters)') gives no date: the year cannot be known.
    """
    head = text[:_HEAD_CHARS]
    best: tuple[int, date] | None = None
    for pat in _patterns():
        for m in pat.finditer(head):
            d = _build(m)
            if d is not None and (best is None or m.start() < best[0]):
                best = (m.start(), d)
                break
    return best[1] if best else None


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
