"""Which statements and events sit at a character offset of an article (for corrections from the source view)."""
from __future__ import annotations


def _covers(start, end, offset: int) -> bool:
    try:
        return int(start) <= offset < int(end)
    except (TypeError, ValueError):  # NaN / None: the span does not exist
        return False


def items_at(analysis, article_id: str, offset: int) -> list[tuple[str, str]]:
    """(item id, label) for statements whose cue, source or target cover `offset`, then events whose date does
    (or, for an event without a date phrase, whose sentence does)."""
    found: list[tuple[str, str]] = []
    statements = analysis.statements_table()
    for r in statements[statements["article_id"] == article_id].itertuples(index=False):
        spans = ((r.cue_start, r.cue_end), (r.source_start, r.source_end), (r.target_start, r.target_end))
        if any(_covers(a, b, offset) for a, b in spans):
            who = r.source_name or r.source_text or "?"
            found.append((r.statement_id, f"{who} \u2014 {r.cue_text} \u2014 {r.polarity}"))
    events = analysis.timeline(include_undated=True)
    for r in events[events["article_id"] == article_id].itertuples(index=False):
        # An event marked undated has no date phrase left: any click in its sentence finds it.
        undated_here = r.time_start is None or r.time_start != r.time_start
        if _covers(r.time_start, r.time_end, offset) or (undated_here and _covers(r.start, r.end, offset)):
            when = r.date_start.strftime("%d %b %Y") if r.date_start == r.date_start else "undated"
            what = f"\u201c{r.time_text}\u201d" if r.time_text else r.predicate
            found.append((r.event_id, f"event {what} \u2192 {when}"))
    return found
