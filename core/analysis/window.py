"""The timeline's default window: where a corpus's events are dense (its publication span and what it reports), background outside."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Iterable

import numpy as np
import pandas as pd

# How far before the first publication date and after the last one the window may reach for the events
# the articles report: a share of the publication span, within bounds (a week's news reports the days
# before it and what is planned for the weeks after; six years of news need a few months either side).
BEFORE_SHARE, BEFORE_MIN, BEFORE_MAX = 0.05, 7, 60
AFTER_SHARE, AFTER_MIN, AFTER_MAX = 0.10, 14, 90
# Marks that would squeeze day-level events into a corner: vague periods and spans over a month.
LONGEST_FOCUS_DAYS = 31
# One or two articles are their own story: everything they report within a year either side is in view.
FEW_ARTICLES, FEW_ARTICLES_DAYS = 2, 366
# Without publication dates, the window drops the earliest and latest tenth of the events, when there
# are enough of them for a tenth to be background rather than the story.
PERCENTILE_MIN_EVENTS = 20


@dataclass(frozen=True)
class TimeWindow:
    """[start, end) in days, and how many dated events lie wholly before or after it (the background)."""

    start: date
    end: date
    before: int = 0
    after: int = 0
    first: date | None = None  # the earliest start and the latest (exclusive) end of all dated events
    last: date | None = None

    @property
    def background(self) -> int:
        return self.before + self.after


def _days(values) -> np.ndarray:
    """Days since 1970 of a datetime column (or strings), NaN for missing."""
    stamps = pd.to_datetime(pd.Series(values), errors="coerce")
    return ((stamps - pd.Timestamp("1970-01-01")) / pd.Timedelta(days=1)).to_numpy(dtype=float, na_value=np.nan)


def _date(day: float) -> date:
    return date(1970, 1, 1) + timedelta(days=int(np.floor(day)))


def default_window(events: pd.DataFrame, published: Iterable[date | None] = ()) -> TimeWindow | None:
    """The default view of the dated events in `events` (columns date_start, date_end, certainty):

    the publication span of the articles, widened to the events the articles report just before and
    after it (at most BEFORE_* / AFTER_* days out; a year for one or two articles), counting only points
    and spans up to a month that are not vague. Without publication dates, the span between the 10th and 90th percentile of those
    events (all of them when there are few). None when there is no dated event."""
    start = _days(events["date_start"]) if len(events) else np.empty(0)
    dated = ~np.isnan(start)
    if not dated.any():
        return None
    end = _days(events["date_end"])
    end = np.where(np.isnan(end) | (end <= start), start + 1, end)
    start, end = start[dated], end[dated]
    vague = (events["certainty"].astype(str).to_numpy() == "vague")[dated]
    focus = ~vague & ((end - start) <= LONGEST_FOCUS_DAYS)
    if not focus.any():
        focus = np.ones(len(start), dtype=bool)
    pubs = sorted(d for d in published if d is not None)
    if pubs:
        first_pub = (pubs[0] - date(1970, 1, 1)).days
        last_pub = (pubs[-1] - date(1970, 1, 1)).days + 1
        span = last_pub - first_pub
        if len(pubs) <= FEW_ARTICLES:
            lo, hi = first_pub - FEW_ARTICLES_DAYS, last_pub + FEW_ARTICLES_DAYS
        else:
            lo = first_pub - float(np.clip(span * BEFORE_SHARE, BEFORE_MIN, BEFORE_MAX))
            hi = last_pub + float(np.clip(span * AFTER_SHARE, AFTER_MIN, AFTER_MAX))
        inside = focus & (end > lo) & (start < hi)
        w0 = max(lo, float(start[inside].min())) if inside.any() else first_pub
        w1 = min(hi, float(end[inside].max())) if inside.any() else last_pub
        w0, w1 = min(w0, first_pub), max(w1, last_pub)
    elif focus.sum() >= PERCENTILE_MIN_EVENTS:
        w0, w1 = (float(x) for x in np.percentile(start[focus], [10, 90]))
        w0 = float(np.floor(w0))
        w1 = max(w1 + 1, float(end[focus & (start <= w1)].max()))
    else:
        w0, w1 = float(start[focus].min()), float(end[focus].max())
    return TimeWindow(_date(w0), _date(np.ceil(w1)), int((end <= w0).sum()), int((start >= w1).sum()),
                      _date(start.min()), _date(np.ceil(end.max())))
