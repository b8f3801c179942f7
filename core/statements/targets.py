"""Picks a statement's target (an actor or the content's main event) and groups event words into topics."""
from __future__ import annotations

from typing import Sequence

from core.model import Mention
from core.resources import word_set
from core.statements.cues import RECEIVING_VERBS, Cue
from core.statements.lexicon import Lexicon
from core.statements.spans import overlaps, phrase_range

NOMINAL = ("NOUN", "PROPN", "PRON", "NUM")
# Nouns that head a phrase without naming its referent: "any kind of escalation", "part of the attack".
LIGHT_NOUNS = {"kind", "sort", "type", "form", "part", "threat", "prospect", "possibility", "risk",
               "idea", "plan", "start", "launch", "use", "wave", "round", "series", "lot", "number"}


def topic_of(tokens, lex: Lexicon) -> str | None:
    """Topic named by a phrase: a listed head noun, a modifier+noun pair, or a listed word inside."""
    toks = [t for t in tokens if not t.is_punct]
    for a, b in zip(toks, toks[1:]):
        pair = f"{a.lemma_.lower()} {b.lemma_.lower()}"
        if pair in lex.topic_nouns:
            return lex.topic_nouns[pair]
    for t in toks:
        if t.pos_ in ("NOUN", "PROPN", "ADJ", "VERB", "X") or not t.pos_:
            for key in (t.lemma_.lower(), t.lower_):
                if key in lex.topic_nouns and (t.pos_ != "VERB" or t.tag_ == "VBG"):
                    return lex.topic_nouns[key]
    return None


def _object_of(tok):
    for child in tok.children:
        if child.dep_ in ("pobj", "pcomp"):
            return child
    return None


def _unwrap(tok):
    """ "any kind of escalation" -> "escalation": skip light head nouns."""
    for _ in range(3):
        if tok.lemma_.lower() in LIGHT_NOUNS:
            of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            obj = _object_of(of) if of is not None else None
            if obj is not None:
                tok = obj
                continue
        break
    return tok


def direct_target(cue: Cue, source):
    """Target head named by the cue itself: its prepositional or direct object, or a possessor."""
    tok = cue.tok
    if cue.form in ("according", "colon", "adverb"):
        return None
    if cue.form == "noun" and cue.light is not None and cue.light.lemma_.lower() in RECEIVING_VERBS:
        # "faces allegations from the Senate", "drew criticism": the one who receives it is the target
        subj = next((c for c in cue.light.children if c.dep_ == "nsubj"), None)
        if subj is not None:
            return subj
    if cue.prep is not None and cue.form != "according" and cue.prep.lower_ not in ("from", "by"):
        obj = _object_of(cue.prep)
        if obj is not None:
            return obj
    if cue.form == "noun":
        if cue.entry.kind in ("stance", "action") and cue.entry.polarity != "neutral":
            for child in tok.children:
                if child.dep_ == "poss" and child != source:
                    return child
                if child.dep_ == "compound" and child.pos_ == "PROPN" and child != source:
                    return child
        return None
    if cue.form == "adj":
        head = tok.head if tok.dep_ == "acomp" else None
        for child in (head.children if head is not None else ()):
            if child.dep_ == "attr" and child.i > tok.i:  # "concerned not just about an attack"
                return child
        return None
    if cue.entry.kind in ("stance", "action") or cue.entry.polarity != "neutral":
        for child in tok.children:
            if child.dep_ in ("dobj",) and child != source:
                return child
        # Passive: "X was criticised by Y" -> the target is the subject.
        for child in tok.children:
            if child.dep_ == "nsubjpass":
                return child
        if tok.dep_ == "acl" and tok.tag_ == "VBN":  # "victories backed by Russia"
            return tok.head
    return None


def content_target(lo: int, hi: int, doc, lex: Lexicon, mentions: Sequence[Mention], source_span):
    """Head token of the content's main event (a topic word), else an actor mention, else its subject."""
    toks = [t for t in doc[lo:hi]]
    for t in toks:
        if t.pos_ in ("NOUN", "PROPN", "ADJ") and topic_of([t], lex) and t.dep_ not in ("amod", "compound"):
            return t, lex.topic_nouns.get(t.lemma_.lower()) or lex.topic_nouns.get(t.lower_)
        if t.dep_ in ("amod", "compound") and topic_of([t, t.head], lex) and t.head.i < hi:
            return t.head, topic_of([t, t.head], lex)
    for t in toks:
        if t.pos_ == "VERB" and t.lemma_.lower() in lex.topic_verbs:
            return t, lex.topic_verbs[t.lemma_.lower()]
    if mentions:
        start, end = doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1].text)
        for m in mentions:
            if overlaps(m.start, m.end, start, end) and not (
                source_span is not None and overlaps(m.start, m.end, source_span.start, source_span.end)
            ):
                span = doc.char_span(m.start, m.end, alignment_mode="expand")
                if span is not None:
                    return span.root, None
    roots = [t for t in toks if t.head.i < lo or t.head.i >= hi or t.head == t]
    for root in roots:
        for child in root.children:
            if child.dep_ in ("nsubj", "nsubjpass", "dobj") and child.pos_ in NOMINAL and child.lower_ not in ("it", "there"):
                return child, None
    return None, None


def target_range(tok) -> tuple[int, int]:
    if tok.pos_ == "VERB":
        # An event named by its verb: "militants there must be liquidated", without trailing asides.
        subj = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
        lo = min([tok.i] + [c.left_edge.i for c in subj])
        objs = [c for c in tok.children if c.dep_ in ("dobj", "prt") and c.i > tok.i]
        hi = max([tok.i] + [c.right_edge.i for c in objs])
        return lo, hi + 1
    return phrase_range(tok, keep_appos=False)


def resolve(cue: Cue, source, content: tuple[int, int] | None, lex: Lexicon,
            mentions: Sequence[Mention], source_span):
    """(target head token, topic) for a cue; topic may come from the target phrase or the content."""
    head = direct_target(cue, source)
    if head is not None:
        head = _unwrap(head)
        lo, hi = target_range(head)
        return head, topic_of(head.doc[lo:hi], lex)
    if content is not None:
        head, topic = content_target(content[0], content[1], cue.tok.doc, lex, mentions, source_span)
        if head is not None:
            head = _unwrap(head)
            if topic is None:
                lo, hi = target_range(head)
                topic = topic_of(head.doc[lo:hi], lex)
            return head, topic
    return None, None


def issue_key(tok) -> str | None:
    """The lemma an issue is known by, from a target's head token: the head noun's lemma, or for a generic
    head ("plan", "bill") its noun modifier's ("the bailout plan" -> "bailout"); a verb's own lemma."""
    if tok is None or tok.pos_ in ("PRON", "DET", "NUM", "PUNCT"):
        return None
    generic = word_set("generic_heads", "stance", "words.json")
    lemma = tok.lemma_.lower() or tok.lower_
    if lemma in generic or tok.lower_ in generic:
        mods = [c for c in tok.children if c.dep_ in ("compound", "amod", "nmod") and c.pos_ in ("NOUN", "PROPN")
                and c.i < tok.i]
        if mods:
            mod = mods[-1]
            chain = [c for c in mod.children if c.dep_ == "compound" and c.i < mod.i] + [mod]
            return " ".join((t.lemma_ or t.text).lower() for t in chain)  # "the health care law" -> "health care"
    return lemma if any(ch.isalpha() for ch in lemma) else None


def issue_key_of_text(text: str) -> str | None:
    """The same key without a parse (the rule-based fallback): the last word before any preposition."""
    words = [w.strip(".,;:!?\"'()").lower() for w in text.split()]
    cut = next((k for k, w in enumerate(words) if w in ("of", "for", "on", "against", "to", "in", "with", "by",
                                                         "about", "over")), len(words))
    words = [w for w in words[:cut] if w and w not in word_set("issue_determiners", "stance", "words.json")]
    generic = word_set("generic_heads", "stance", "words.json")
    while len(words) > 1 and words[-1] in generic:
        words.pop()
    if not words or not any(ch.isalpha() for ch in words[-1]):
        return None
    last = words[-1]
    return last[:-1] if last.endswith("s") and not last.endswith("ss") and len(last) > 3 else last
