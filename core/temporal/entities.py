"""spaCy DATE/TIME entities that no pattern read: kept as vague or unresolved expressions when they name a time unit."""
from __future__ import annotations

import re
from datetime import timedelta

from core.model import RELATIVE, UNRESOLVED, VAGUE
from core.temporal import calendar as cal
from core.temporal.normalise import Reading, placed
from core.temporal.rules import normaliser

# Entities worth keeping name a calendar unit or a part of the day ...
_UNIT = re.compile(r"\b(?:days?|weeks?|months?|years?|quarters?|hours?|decades?|centur(?:y|ies)|"
                   r"mornings?|afternoons?|evenings?|nights?|overnight|midday|term|weekend|season|era)\b", re.I)
# ... and are not ages, prices, rates or bare numbers.
_SKIP = re.compile(r"\d|\bold\b|\bage\b|\bannual|quarterly|seasonally|per\b|cents?\b|olympic", re.I)
_FUTURE = re.compile(r"\b(?:ahead|coming|next|future|later|following|upcoming)\b", re.I)
_PAST = re.compile(r"\b(?:ago|past|recent|earlier|previous|last|former|prior)\b", re.I)


def keep(text: str) -> bool:
    return bool(_UNIT.search(text)) and not _SKIP.search(text) and len(text) <= 40


@normaliser("entity")
def entity(m: re.Match, ctx) -> Reading | None:
    """A reading for an entity phrase no rule covers: direction if the words give one, else unknown."""
    text = m.group(0)
    low = text.lower()
    if _FUTURE.search(low):
        r = Reading("DATE", "FUTURE_REF", VAGUE, future=True)
        if ctx.dct is not None:
            r = Reading("DATE", "FUTURE_REF", VAGUE, ctx.dct + timedelta(days=1), ctx.dct + timedelta(days=366),
                        "period", True)
        return r
    if _PAST.search(low):
        if ctx.dct is None:
            return Reading("DATE", "PAST_REF", UNRESOLVED)
        return Reading("DATE", "PAST_REF", VAGUE, ctx.dct - timedelta(days=365), ctx.dct + timedelta(days=1), "period")
    # Anything else ("the night", "his year") cannot be placed or even oriented: left out.
    return None


_ANAPHOR_STEP = {"that": 0, "the same": 0, "the following": 1, "the next": 1, "the previous": -1,
                 "the preceding": -1, "the prior": -1}
_ANAPHOR_UNIT = {"day": "D", "morning": "D", "afternoon": "D", "evening": "D", "night": "D",
                 "week": "W", "month": "M", "year": "Y", "quarter": "Q"}
_GRAN_RANK = {"day": 0, "time": 0, "week": 1, "month": 2, "quarter": 3, "season": 3, "half": 3, "year": 4}
_UNIT_RANK = {"D": 0, "W": 1, "M": 2, "Q": 3, "Y": 4}


@normaliser("anaphor")
def anaphor(m: re.Match, ctx) -> Reading | None:
    """'that day', 'the following year', 'later that month': counted from the last date the text named."""
    return count_from_ref(m.group("det"), m.group("u"), ctx)


def count_from_ref(det: str, word: str, ctx) -> Reading | None:
    """`det` ('that', 'the following', ...) and a unit word, counted from the context's reference date."""
    det = re.sub(r"\s+", " ", det.lower())
    word = word.lower()
    if word not in _ANAPHOR_UNIT or det not in _ANAPHOR_STEP:
        return None
    unit = _ANAPHOR_UNIT[word]
    if ctx.ref is None:
        return Reading("DATE", "XXXX-XX-XX", UNRESOLVED, granularity="none")
    ref_date, ref_gran = ctx.ref
    # "that day" after "in 2011" names no day: the reference is too coarse to count from.
    if _GRAN_RANK.get(ref_gran, 9) > _UNIT_RANK[unit]:
        return Reading("DATE", "XXXX-XX-XX", UNRESOLVED, granularity="none")
    d = cal.shift(ref_date, unit, _ANAPHOR_STEP[det])
    r = placed("DATE", cal.unit_value(d, unit), RELATIVE)
    pod = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}.get(word)
    if pod:
        r = Reading("TIME", f"{r.value}T{pod}", RELATIVE, r.start, r.end, "time")
    return r
