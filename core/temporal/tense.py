"""Guesses whether the clause around a time expression points to the past or the future ('said on Friday' vs 'will meet on Friday')."""
from __future__ import annotations

import re

from core.parsed import doc_text
from core.resources import word_set

PAST, FUTURE = "past", "future"

_FUTURE_AUX = word_set("future_aux", "temporal", "context_words.json")
_FUTURE_WORDS = _FUTURE_AUX | word_set("future_words", "temporal", "context_words.json")
_PAST_WORDS = word_set("past_words", "temporal", "context_words.json")
_WORD = re.compile(r"[A-Za-z’']+")


def _lexical(before: str, after: str) -> str | None:
    words_before = [w.lower() for w in _WORD.findall(before)][-8:]
    words_after = [w.lower() for w in _WORD.findall(after)][:6]
    for words in (reversed(words_before), words_after):
        for w in words:
            if w in _FUTURE_WORDS:
                return FUTURE
            if w in _PAST_WORDS or (len(w) > 4 and w.endswith("ed")):
                return PAST
    return None


def _governing_verb(span):
    """The verb the expression modifies directly ('said on Friday', 'met Friday'), or None.

    A date inside a noun phrase ('payable Dec. 7', 'the Jan. 14 deadline') has no verb of its own:
    the sentence's tense says nothing about it.
    """
    tok = span.root
    head = tok.head
    if head.i == tok.i:  # the root (spaCy makes a new Token object on each access: compare indices)
        return None
    if head.pos_ in ("ADP", "SCONJ") and head.dep_ == "prep" and head.head.i != head.i:
        head = head.head
    if head.pos_ in ("VERB", "AUX") and head.dep_ != "aux":
        return head
    return None


def _from_tree(span) -> str | None:
    tok = _governing_verb(span)
    if tok is None:
        return None
    return _verb_tense(tok)


def _verb_tense(tok, depth: int = 0) -> str | None:
    aux = {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")}
    if aux & _FUTURE_AUX:
        return FUTURE
    if "going" in aux or (tok.dep_ == "xcomp" and tok.head.lemma_ in ("plan", "expect", "schedule", "intend", "aim", "hope", "set", "due")):
        return FUTURE
    if "to" in aux:
        return None  # an infinitive ("to be completed by Dec. 15") has no tense of its own
    if tok.tag_ == "VBD" or aux & {"was", "were", "had", "did", "has", "have"}:
        return PAST
    if tok.tag_ == "VBN" and tok.dep_ in ("ROOT", "conj", "ccomp"):
        return PAST
    if depth < 3 and tok.tag_ in ("VB", "VBG") and tok.dep_ in ("xcomp", "conj") and tok.head.i != tok.i \
            and tok.head.pos_ in ("VERB", "AUX"):
        # a verb with no tense of its own takes its head's: "will begin withdrawing troops in September"
        return _verb_tense(tok.head, depth + 1)
    return None


# "since January": the point a period runs from lies before publication, whatever the clause's tense.
_PAST_PREP = re.compile(r"\bsince\s+(?:early\s+|late\s+|mid-?\s*)?$", re.I)
_FUTURE_PREP = re.compile(r"(?:\buntil|\btill|\bas\s+soon\s+as|\bas\s+early\s+as|\bno\s+later\s+than|\bstarting)\s+(?:on\s+|next\s+)?$", re.I)


def clause_tense(doc, start: int, end: int, sent_start: int, sent_end: int, parsed: bool | None = None,
                 text: str | None = None) -> str | None:
    """PAST, FUTURE or None for the clause holding doc.text[start:end].

    `parsed` says whether the doc has a dependency parse; pass it when calling in a loop, since
    `doc.has_annotation` walks every token; likewise `text`, since `doc.text` is rebuilt on each access.
    """
    if text is None:
        text = doc_text(doc)
    if _FUTURE_PREP.search(text[max(sent_start, start - 25):start]):
        return FUTURE  # "postponed until Tuesday", "as soon as Friday"
    if _PAST_PREP.search(text[max(sent_start, start - 12):start]):
        return PAST
    if parsed is None:
        parsed = doc.has_annotation("DEP")
    if parsed:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None and len(span):
            found = _from_tree(span)
            if found is not None or _governing_verb(span) is not None:
                return found
            if span.root.head.i != span.root.i:
                return None  # inside a noun phrase: no tense applies
    return _lexical(text[sent_start:start], text[end:sent_end])
