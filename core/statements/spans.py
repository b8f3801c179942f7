"""Turns spaCy tokens into model spans: phrase extents, clause extents and actor look-up by mention."""
from __future__ import annotations

from typing import Sequence

from core.model import Mention, Span

# Children that belong to a noun phrase when it names a speaker or a target.
_NP_DROP = {"relcl", "punct", "advcl", "parataxis", "acl", "cc", "conj", "dep"}
_CLAUSE_TRIM = {",", ";", ":", "-", "—", "–", "―"}


def char_span(doc, i: int, j: int) -> Span | None:
    """Span of tokens [i, j) with outer whitespace and commas trimmed; None when empty."""
    i, j = max(0, i), min(j, len(doc))  # a cue at the very end of a text may reach one past it
    while i < j and (doc[i].is_space or doc[i].text in _CLAUSE_TRIM):
        i += 1
    while j > i and (doc[j - 1].is_space or doc[j - 1].text in _CLAUSE_TRIM):
        j -= 1
    if i >= j:
        return None
    start, end = doc[i].idx, doc[j - 1].idx + len(doc[j - 1].text)
    # doc[i:j].text equals doc.text[start:end]; doc.text would rebuild the whole article each call.
    return Span(start, end, doc[i:j].text)


def token_span(tok) -> Span:
    return Span(tok.idx, tok.idx + len(tok.text), tok.text)


def tokens_span(toks) -> Span | None:
    """Exact span from the first to the last token (a cue may be punctuation, such as ":")."""
    toks = sorted(toks, key=lambda t: t.i)
    if not toks:
        return None
    doc = toks[0].doc
    start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
    return Span(start, end, doc[toks[0].i:toks[-1].i + 1].text)


def _extent(tok, lo: int, hi: int, keep_conj: bool) -> tuple[int, int]:
    lo, hi = min(lo, tok.i), max(hi, tok.i)
    for child in tok.children:
        if child.dep_ in _NP_DROP and not (keep_conj and child.dep_ in ("conj", "cc")):
            continue
        if child.dep_ == "appos":
            continue
        lo, hi = _extent(child, lo, hi, keep_conj)
    return lo, hi


def phrase_range(tok, keep_conj: bool = True, keep_appos: bool = True) -> tuple[int, int]:
    """Token range of the noun phrase headed by `tok`, without relative clauses and asides."""
    lo, hi = _extent(tok, tok.i, tok.i, keep_conj)
    if keep_appos:
        for child in tok.children:
            if child.dep_ == "appos":
                lo, hi = _extent(child, lo, hi, False)
    doc = tok.doc
    while lo < tok.i and (doc[lo].is_punct or doc[lo].is_space):
        lo += 1
    while hi > tok.i and (doc[hi].is_punct or doc[hi].is_space):
        hi -= 1
    return lo, hi + 1


def overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def mention_at(mentions: Sequence[Mention], span: Span | None, head=None) -> str | None:
    """Actor id of the mention that best names `span`: the one at its head, else the first inside."""
    if span is None or not mentions:
        return None
    inside = [m for m in mentions if overlaps(m.start, m.end, span.start, span.end)]
    if not inside:
        return None
    if head is not None:
        h0, h1 = head.idx, head.idx + len(head.text)
        for m in inside:
            if overlaps(m.start, m.end, h0, h1):
                return m.actor_id
        # An apposition names the head ("Washington's envoy, Jim Jeffrey"): prefer it, then
        # the head's own modifiers, before anything buried in a prepositional phrase.
        ranked = []
        for m in inside:
            tok = _token_at(head.doc, m.start)
            rank = 3
            if tok is not None:
                path = _path_to(tok, head)
                if path is not None:
                    deps = {t.dep_ for t in path}
                    rank = 0 if "appos" in deps else 2 if deps & {"prep", "pobj", "relcl", "acl"} else 1
            ranked.append((rank, m.start, m))
        ranked.sort(key=lambda r: (r[0], r[1]))
        return ranked[0][2].actor_id
    return inside[0].actor_id


def _token_at(doc, char: int):
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _path_to(tok, head):
    """Tokens from `tok` up to (not including) `head`, or None when `head` is not an ancestor."""
    path = []
    cur = tok
    for _ in range(40):
        if cur == head:
            return path
        path.append(cur)
        if cur.head == cur:
            return None
        cur = cur.head
    return None
