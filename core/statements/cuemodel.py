"""Scores how likely a token is an attribution cue, from feature weights learned on PolNeAR train counts.

The weights (resources/stance/cue_weights.json) are a logistic model over a few readable features
(lemma, lemma with its clause frame, the kind of subject, quotation context); the benchmark
`benchmarks/attribution_accuracy.py --learn` derives them. Without the file every lexicon cue passes.
"""
from __future__ import annotations

import json
import math
from bisect import bisect_right
from functools import lru_cache

from core.resources import resource_path

CANDIDATE_POS = {"VERB", "AUX", "NOUN", "ADJ"}
PUNCT_CUES = {":", "―", "—", "--"}
CLAUSE = {"ccomp", "xcomp", "parataxis"}
FIRST_SECOND = {"i", "we", "you", "me", "us"}
THIRD = {"he", "she", "they", "it", "who", "which", "that"}


def is_candidate(tok) -> bool:
    return tok.pos_ in CANDIDATE_POS or tok.text in PUNCT_CUES or tok.lower_ == "according"


def _frame(tok) -> str:
    kids = {c.dep_ for c in tok.children}
    return ("C" if kids & CLAUSE else "-") + ("S" if kids & {"nsubj", "nsubjpass"} else "-") + \
        ("O" if "dobj" in kids else "-")


def _subject(tok):
    for _ in range(3):
        for c in tok.children:
            if c.dep_ in ("nsubj", "nsubjpass"):
                return c
        if tok.dep_ in ("conj", "xcomp", "advcl") and tok.head != tok:
            tok = tok.head
        else:
            return None
    return None


def _subject_type(subj) -> str:
    """The kind of a cue's subject token (None: no subject)."""
    if subj is None:
        return "none"
    low = subj.lower_
    if low in FIRST_SECOND:
        return "pro12"
    if low in THIRD:
        return "pro3"
    if subj.ent_type_:
        return subj.ent_type_
    return subj.pos_


QUOTES = ("\u201c", "\u201d", '"')


def _toggle(inside: bool, text: str) -> bool:
    return (not inside if text == '"' else text == "\u201c") if text in QUOTES else inside


def _paragraph_states(doc) -> tuple[list[bool], list[int]]:
    """For each token of `doc`: is it inside double quotes, counted from its paragraph's start? And the
    indices of the tokens that start a paragraph after the first.

    One pass over the document, kept on it: scanning back to the paragraph start for every sentence
    was quadratic in the paragraph's length.
    """
    cached = doc.user_data.get("standpoint_quote_states")
    if cached is not None and len(cached[0]) == len(doc):
        return cached
    states, starts, inside, breaks = [], [], False, False
    for t in doc:
        if breaks:  # the token before ended a paragraph
            inside = False
            starts.append(t.i)
        states.append(inside)
        text = t.text
        inside = _toggle(inside, text)
        breaks = "\n" in t.whitespace_ or (t.is_space and "\n" in text)
    doc.user_data["standpoint_quote_states"] = (states, starts)
    return states, starts


def quote_parity(sent) -> list[bool]:
    """For each token of `sent`: is it inside double quotes? Counted from the paragraph's start,
    since a quotation often runs over several sentences; a sentence running over a paragraph break
    carries its state across it."""
    states, starts = _paragraph_states(sent.doc)
    k = bisect_right(starts, sent.start)
    if k == len(starts) or starts[k] >= sent.end:
        return states[sent.start:sent.end]
    inside = states[sent.start]
    out = []
    for t in sent:
        out.append(inside)
        inside = _toggle(inside, t.text)
    return out


def features(tok, lemma: str, lex_kind: str, sent, in_quote: bool) -> list[str]:
    frame = _frame(tok)
    subject = _subject(tok)
    subj = _subject_type(subject)
    prep = next((c.lower_ for c in tok.children if c.dep_ in ("prep", "prt", "agent")), "")
    head = tok.head.lemma_.lower() if tok.dep_ in ("xcomp", "advcl", "conj", "pobj", "dobj") else ""
    pos_in = "start" if tok.i - sent.start <= 3 else "end" if sent.end - tok.i <= 3 else "mid"
    mark = next((g.lower_ for c in tok.children if c.dep_ == "ccomp" for g in c.children if g.dep_ == "mark"), "")
    nxt, nested = _next(tok), _nested(tok)
    return [
        "bias", f"l={lemma}", f"lf={lemma}|{frame}", f"pd={tok.pos_}|{tok.dep_}", f"tag={tok.tag_}",
        f"st={subj}", f"ls={lemma}|{subj}", f"q={in_quote}", f"lx={lex_kind}", f"lxf={lex_kind}|{frame}",
        f"fs={frame}|{subj}", f"lp={lemma}|{prep}", f"hd={tok.dep_}|{head}", f"pos={pos_in}|{tok.pos_}",
        f"lq={lemma}|{in_quote}", f"neg={any(c.dep_ == 'neg' for c in tok.children)}",
        f"ld={lemma}|{tok.dep_}", f"lt={lemma}|{tok.tag_}", f"sl={subject.lemma_.lower() if subject is not None else ''}",
        f"ks={'|'.join(sorted({c.dep_ for c in tok.children}))}", f"nx={nxt}", f"pv={_prev(tok)}",
        f"lnx={lemma}|{nxt}", f"mk={mark}", f"lmk={lemma}|{mark}", f"sf={subj}|{frame}|{in_quote}",
        f"nest={nested}", f"ln={lemma}|{nested}",
    ]


REPORTING = {"say", "tell", "add", "write", "report", "claim", "note", "argue", "insist", "explain", "state"}


def _nested(tok) -> str:
    """Is the token inside what another reporting verb reports ("X said Y told them…")?"""
    child = tok
    for anc in tok.ancestors:
        if anc.pos_ == "VERB" and anc.lemma_.lower() in REPORTING and child.dep_ in ("ccomp", "parataxis", "xcomp"):
            return "ccomp"
        child = anc
    return "no"


def _next(tok) -> str:
    doc = tok.doc
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if nxt is None:
        return "END"
    return nxt.lower_ if (nxt.is_punct or nxt.pos_ in ("ADP", "SCONJ", "PART", "DET", "PRON")) else nxt.pos_


def _prev(tok) -> str:
    doc = tok.doc
    prev = doc[tok.i - 1] if tok.i > 0 else None
    if prev is None:
        return "START"
    return prev.lower_ if (prev.is_punct or prev.pos_ in ("ADV", "AUX", "PART", "PRON")) else prev.pos_


@lru_cache(maxsize=1)
def weights() -> dict[str, float] | None:
    path = resource_path("stance", "cue_weights.json")
    if not path.is_file():
        return None
    return json.loads(path.read_text(encoding="utf-8"))["weights"]


def probability(feats: list[str], w: dict[str, float]) -> float:
    z = sum(w.get(f, 0.0) for f in feats)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
