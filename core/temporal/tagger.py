"""Finds the time expressions of a parsed article and resolves them against its publication date."""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace
from datetime import date

from core.model import UNRESOLVED, TimeExpression
from core.parsed import doc_text

# Importing the rule modules registers their normalisers.
from core.temporal import candidates, relative, sets  # noqa: F401
from core.temporal import entities as E
from core.temporal import normalise as N
from core.temporal.calendar import narrow
from core.temporal.lexicon import load
from core.temporal.ranges import find_ranges, is_range
from core.temporal.rules import NORMALISERS
from core.temporal.tense import clause_tense

_REF_GRANULARITIES = {"day", "week", "month", "quarter", "year"}
# Rules naming a quarter outright: later "the quarter" and "a year ago" refer back to it.
_QUARTER_NAMING = {"quarter_ord", "quarter_of_year", "year_quarter", "quarter_q"}

# Words before a duration that belong to it ("nearly forty years", "up to 180 days").
_DURATION_PREFIX = re.compile(r"(?<!\w)(nearly|almost|up\s+to|more\s+than|less\s+than|at\s+least|"
                              r"no\s+more\s+than|fewer\s+than)\s+$", re.I)
_APPROX_LEAD = re.compile(_DURATION_PREFIX.pattern.replace("$", "").replace("(?<!\\w)", "^"), re.I)
# Rules whose reading needs the publication date: without one they are "unresolved".
_RELATIVE_RULES = {"the_year", "period_rel", "year_ago_adj", "md", "dm", "month", "month_rel",
                   "month_of_year", "weekday", "deictic", "this_pod", "unit_rel", "the_weekend", "ago", "quarter_ord", "quarter_rel", "the_quarter",
                   "half", "half_of_year", "season", "part_of_unit", "year_end", "clock", "clock24", "noon"}

# What each found expression's reading depended on beyond its phrase (the clause's tense, the
# quarter under discussion, a few characters around it), so that resolve_timex can re-resolve it
# against a new publication date without the parsed document. Bounded: a lost entry only means
# the phrase is re-read alone (a bare weekday then goes to the nearest past day).


def _modifier_regex() -> re.Pattern:
    """Words before a date that belong to it ("early next year", "mid-1996", "the end of 1990")."""
    keys = sorted(load().modifiers, key=len, reverse=True)
    alts = [re.escape(k) if k.endswith("-") else re.escape(k).replace(r"\ ", r"\s+") + r"\s+" for k in keys
            if k not in ("earlier", "later")]
    return re.compile(rf"(?<![\w-])(?P<mod>{'|'.join(alts)})$", re.I)


_MOD_RE = None


def _modifier_before(text: str, start: int) -> tuple[int, str] | None:
    global _MOD_RE
    if _MOD_RE is None:
        _MOD_RE = _modifier_regex()
    m = _MOD_RE.search(text[max(0, start - 24):start])
    if not m:
        return None
    key = re.sub(r"\s+", " ", m.group("mod").strip().lower())
    return start - len(m.group(0)), key


def _read(c: candidates.Candidate, ctx: N.Context) -> N.Reading | None:
    handler = NORMALISERS.get(c.rule)
    if handler is None:
        return None
    try:
        return handler(c.match, ctx)
    except (ValueError, KeyError, TypeError, OverflowError, IndexError, AttributeError):
        # A malformed phrase ("Feb. 30") must not stop the article: it is simply not placed.
        return None


def _finish(r: N.Reading, ctx: N.Context, rule: str) -> N.Reading:
    certainty = r.certainty
    if ctx.dct is None and rule in _RELATIVE_RULES and certainty != UNRESOLVED and r.start is None:
        certainty = UNRESOLVED
    future = r.future
    if future is None:
        future = bool(ctx.dct is not None and r.start is not None and r.start > ctx.dct)
    gran = r.granularity or ("period" if r.type == "DURATION" else "none")
    return replace(r, certainty=certainty, future=future, granularity=gran)


def _sentence_starts(doc) -> list[tuple[int, int]]:
    try:
        if doc.has_annotation("SENT_START") or doc.has_annotation("DEP"):
            return [(s.start_char, s.end_char) for s in doc.sents]
    except ValueError:
        pass
    return [(0, len(doc_text(doc)))]


def _ents(doc) -> dict[int, str]:
    out: dict[int, str] = {}
    if doc.has_annotation("ENT_IOB"):
        for ent in doc.ents:
            for tok in ent:
                out[tok.idx] = ent.label_
    return out


def _date_entities(doc) -> list[tuple[int, int]]:
    if not doc.has_annotation("ENT_IOB"):
        return []
    out = []
    for ent in doc.ents:
        if ent.label_ in ("DATE", "TIME"):
            out.append((ent.start_char, ent.end_char))
    return out


def _to_timex(article_id: str, sent: int, start: int, end: int, text: str, r: N.Reading,
              context: tuple[str, ...] = ()) -> TimeExpression:
    return TimeExpression(
        article_id=article_id, sentence_index=sent, start=start, end=end, text=text, type=r.type,
        value=r.value, interval_start=r.start, interval_end=r.end, granularity=r.granularity or "none",
        certainty=r.certainty, future=bool(r.future), context=context,
    )


DCT_REF = "@dct"  # the reference date was the publication date itself: follow it when it changes


def _pack_context(tense, last_quarter, before, after, ref, parsed, dct) -> tuple[str, ...]:
    """The reading context as plain strings (stored with the expression, saved in projects)."""
    if ref is None:
        ref_day, ref_gran = "", ""
    elif ref == (dct, "day"):
        ref_day, ref_gran = DCT_REF, "day"
    else:
        ref_day, ref_gran = (ref[0].isoformat() if ref[0] else ""), ref[1] or ""
    return (tense or "", last_quarter or "", before, after, ref_day, ref_gran, "1" if parsed else "")


def _unpack_context(context: tuple[str, ...], dct: date | None):
    if len(context) != 7:
        return None, None, "", "", ((dct, "day") if dct else None), False
    tense, last_quarter, before, after, ref_day, ref_gran, parsed = context
    if ref_day == DCT_REF:
        ref = (dct, "day") if dct else None
    elif ref_day:
        ref = (date.fromisoformat(ref_day), ref_gran or None)
    else:
        ref = None
    return tense or None, last_quarter or None, before, after, ref, parsed == "1"


def find_timexes(doc, dct: date | None, article_id: str = "") -> list[TimeExpression]:
    """Every time expression in `doc.text`, normalised and resolved against `dct`: sorted and non-overlapping,
    then the ranges between two of them ("between 2014 and 2016", see core.temporal.ranges) appended."""
    text = doc_text(doc)
    sents = _sentence_starts(doc)
    sent_starts = [s for s, _ in sents]
    ents = _ents(doc)
    parsed = doc.has_annotation("DEP")
    out: list[TimeExpression] = []
    ctx = N.Context(dct=dct, ref=(dct, "day") if dct else None, tense_parsed=parsed)
    quarter_sent = -9
    for c in candidates.find(text, ents, _date_entities(doc)):
        si = max(0, bisect_right(sent_starts, c.start) - 1)
        s_start, s_end = sents[si]
        ctx.quarter_near = si - quarter_sent <= 3 or "quarter" in text[s_start:s_end].lower()
        ctx.tense = clause_tense(doc, c.start, c.end, s_start, s_end, parsed, text)
        ctx.before = text[max(0, c.start - 30):c.start]
        ctx.after = text[c.end:c.end + 30]
        r = _read(c, ctx)
        if r is None:
            continue
        context = _pack_context(ctx.tense, ctx.last_quarter if ctx.quarter_near else None, ctx.before,
                                ctx.after, ctx.ref, parsed, dct)
        start, r = _extend_start(c, r, text, out[-1].end if out else 0, s_start)
        r = _finish(r, ctx, c.rule)
        if r.type == "DATE" and r.start is not None and r.granularity in _REF_GRANULARITIES and c.rule != "anaphor":
            ctx.ref = (r.start, r.granularity)
        if c.rule in _QUARTER_NAMING and re.fullmatch(r"\d{4}-Q\d", r.value):
            ctx.last_quarter = r.value
            quarter_sent = si
        out.append(_to_timex(article_id, si, start, c.end, text[start:c.end], r, context))
    return out + find_ranges(out, text)


def _extend_start(c, r: N.Reading, text: str, floor: int, s_start: int) -> tuple[int, N.Reading]:
    """Words before a match that belong to it: 'nearly' before a duration, 'early' before a date."""
    if r.type == "DURATION" or c.rule == "ago":
        m = _DURATION_PREFIX.search(text[max(0, c.start - 16):c.start])
        if m and c.start - len(m.group(0)) >= max(floor, s_start):
            return c.start - len(m.group(0)), r
        return c.start, r
    if r.type in ("DATE", "TIME") and r.start is not None or c.rule in ("year", "month", "my", "decade"):
        mod = _modifier_before(text, c.start)
        if mod and mod[0] >= max(floor, s_start):
            start, key = mod
            if r.start is not None:
                s, e = narrow(r.start, r.end, load().modifiers[key])
                r = replace(r, start=s, end=e)
            return start, r
    return c.start, r


def resolve_timex(tx: TimeExpression, dct: date | None) -> TimeExpression:
    """The same expression re-resolved against another publication date, from its phrase alone."""
    if is_range(tx):
        return tx  # rebuilt from its two dates (core.temporal.ranges.rebuild)
    phrase = tx.text
    mod_key, body_start = None, 0
    approx = _APPROX_LEAD.match(phrase)
    if approx and candidates.match_phrase(phrase) is None and candidates.match_phrase(phrase[approx.end():]):
        body_start = approx.end()
    elif candidates.match_phrase(phrase) is None:
        # A modifier the tagger put in front ("early next year", "mid-1996"): read the rest.
        for key in sorted(load().modifiers, key=len, reverse=True):
            pat = re.escape(key) if key.endswith("-") else re.escape(key).replace(r"\ ", r"\s+") + r"\s+"
            km = re.match(pat, phrase, re.I)
            if km and candidates.match_phrase(phrase[km.end():]) is not None:
                mod_key, body_start = key, km.end()
                break
    c = candidates.match_phrase(phrase[body_start:])
    if c is None and E.keep(phrase):
        # A spaCy entity no pattern reads ("the weeks ahead"): re-read it the same way.
        c = candidates.Candidate(0, len(phrase), "entity", -1, re.compile(r".+", re.S).match(phrase))
    if c is None:
        return tx
    tense, last_quarter, before, after, ref, parsed = _unpack_context(tx.context, dct)
    ctx = N.Context(dct=dct, tense=tense, before=before, after=after, last_quarter=last_quarter,
                    quarter_near=last_quarter is not None, ref=ref, tense_parsed=parsed)
    r = _read(c, ctx)
    if r is None:
        return tx
    if mod_key and r.start is not None:
        s, e = narrow(r.start, r.end, load().modifiers[mod_key])
        r = replace(r, start=s, end=e)
    r = _finish(r, ctx, c.rule)
    return replace(tx, type=r.type, value=r.value, interval_start=r.start, interval_end=r.end,
                   granularity=r.granularity or "none", certainty=r.certainty, future=bool(r.future))
