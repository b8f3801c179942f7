"""Temporal tagging: time expressions in news text -> TIMEX3 type/value and a calendar interval."""
from core.temporal.dateline import (
           publication_date_from_filename,
           publication_date_from_text,
           yearless_dateline,
)
from core.temporal.tagger import find_timexes, resolve_timex

__all__ = ["find_timexes", "resolve_timex", "publication_date_from_text", "publication_date_from_filename",
           "yearless_dateline"]
