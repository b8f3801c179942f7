"""Where an event without a date of its own goes: the publication date, the narrative's reference day, or after publication."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Sequence

from core.model import ANCHOR_AFTER, ANCHOR_PUBLICATION, ANCHOR_REFERENCE, Event, TimeExpression

# How many days before publication a day named earlier in the article may lie and still be the
# reference time of the undated events that follow it ("Yesterday, at WWDC, Jobs unveiled … He said …").
REFERENCE_WINDOW = 7
DAY_GRANULARITIES = ("day", "time")


@dataclass(frozen=True)
class Placement:
    """An anchored event's day [start, end) and how it was found."""

    start: date
    end: date
    kind: str  # ANCHORS
    text: str = ""  # the reference phrase ("on Monday") for kind "reference"
    future: bool = False


def can_be_reference(tx: TimeExpression) -> bool:
    """A day-precise date (a candidate reference time, whatever the publication date)."""
    return tx.type in ("DATE", "TIME") and tx.granularity in DAY_GRANULARITIES


def valid_reference(tx: TimeExpression, published: date) -> bool:
    """A placed, past day at most REFERENCE_WINDOW days before publication."""
    if tx.interval_start is None or tx.future or not can_be_reference(tx):
        return False
    return 0 <= (published - tx.interval_start).days <= REFERENCE_WINDOW


def place(event: Event, timexes: Sequence[TimeExpression], published: date | None) -> Placement | None:
    """The day an anchored event stands on for this publication date; None when it is not anchored or
    the publication date is unknown (the event stays undated until the user gives one)."""
    if event.timex_index is not None or not event.anchor or published is None:
        return None
    if event.anchor == ANCHOR_AFTER:
        day = published + timedelta(days=1)
        return Placement(day, day + timedelta(days=1), ANCHOR_AFTER, future=True)
    k = event.anchor_timex
    if event.anchor == ANCHOR_REFERENCE and k is not None and 0 <= k < len(timexes):
        tx = timexes[k]
        if valid_reference(tx, published):
            return Placement(tx.interval_start, tx.interval_start + timedelta(days=1),  # type: ignore[operator]
                             ANCHOR_REFERENCE, tx.text)
    return Placement(published, published + timedelta(days=1), ANCHOR_PUBLICATION)
