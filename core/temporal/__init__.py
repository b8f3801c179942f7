"""Temporal tagging: time expressions in news text -> TIMEX3 type/value and a calendar interval."""
from core.temporal.dateline import (
           publication_date_from_filename,
           publication_date_from_text,
           yearless_dateline,
)
from core.temporal.ranges import is_range, rebuild as rebuild_ranges
from core.temporal.tagger import find_timexes, resolve_timex


def resolve_timexes(timexes, dct):
    """An article's expressions re-resolved against another publication date, ranges rebuilt from their dates."""
    return rebuild_ranges(tuple(resolve_timex(tx, dct) for tx in timexes))


__all__ = ["find_timexes", "is_range", "resolve_timex", "resolve_timexes", "publication_date_from_text", "publication_date_from_filename",
           "yearless_dateline"]
