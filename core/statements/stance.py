"""Decides polarity, modality and confidence of a statement from its cue, negation, hedges and content."""
from __future__ import annotations

from core.model import NEUTRAL, OPPOSE, SUPPORT
from core.statements.cues import Cue
from core.statements.lexicon import Lexicon

NEGATED, HEDGED, CONDITIONAL, ASSERTED = "negated", "hedged", "conditional", "asserted"
_FLIP = {SUPPORT: OPPOSE, OPPOSE: NEUTRAL, NEUTRAL: NEUTRAL}


def _own_modality(tok, lex: Lexicon) -> str:
    """Modality marked on the cue itself: its negation, modal auxiliary, or an "if" clause."""
    neg = lex.words("negation")
    hedge = lex.words("hedge")
    cond = lex.words("conditional")
    kids = list(tok.children)
    if tok.dep_ in ("xcomp", "conj") and tok.head != tok:
        kids += [c for c in tok.head.children if c.dep_ in ("neg", "aux")]
    if any(c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ in neg) for c in kids):
        return NEGATED
    if tok.dep_ == "pcomp" and tok.head.lower_ == "without":
        return NEGATED
    if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in kids):
        return CONDITIONAL
    if tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in tok.children):
        return CONDITIONAL
    aux = [c.lower_ for c in kids if c.dep_ in ("aux", "advmod")]
    if "would" in aux and cond:
        return CONDITIONAL
    if any(a in hedge for a in aux):
        return HEDGED
    return ASSERTED


def _content_view(toks, lex: Lexicon, topic_tok) -> tuple[str, str]:
    """Polarity a reported clause expresses toward its event, and the clause's modality."""
    neg_words = lex.words("negative_content")
    pos_words = lex.words("positive_content")
    deontic = lex.words("deontic")
    lemmas = {t.lemma_.lower() for t in toks} | {t.lower_ for t in toks}
    modality = ASSERTED
    if any(t.lower_ == "would" or (t.dep_ == "mark" and t.lower_ in ("if", "unless")) for t in toks):
        modality = CONDITIONAL
    elif any(t.lower_ in lex.words("hedge") and t.dep_ in ("aux", "advmod") for t in toks):
        modality = HEDGED
    # "militants must be liquidated": demanding a hostile act backs the campaign it belongs to.
    hostile = {lemma for lemma in lex.topic_verbs} | {l for (l, p), e in lex.verbs.items()
                                                      if e.kind == "action" and e.polarity == OPPOSE}
    for t in toks:
        if t.pos_ == "VERB" and t.lemma_.lower() in hostile:
            if any(c.lower_ in deontic for c in t.children if c.dep_ in ("aux", "auxpass")):
                return SUPPORT, modality
    negs = sum(1 for w in neg_words if w in lemmas or (" " in w and w in " ".join(t.lower_ for t in toks)))
    poss = sum(1 for w in pos_words if w in lemmas)
    negated = any(t.dep_ == "neg" for t in toks)
    if negs > poss:
        return (NEUTRAL if negated else OPPOSE), modality
    if poss > negs and topic_tok is not None:
        return (OPPOSE if negated else SUPPORT), modality
    return NEUTRAL, modality


def judge(cue: Cue, content_toks, target_tok, topic, lex: Lexicon,
          nested=()) -> tuple[str, str, float]:
    """(polarity, modality, confidence) for one cue; `nested` are cue tokens inside its content,
    whose own clauses are judged by their own statements."""
    if nested:
        drop = {t.i for n in nested for t in n.subtree}
        content_toks = [t for t in content_toks if t.i not in drop]
    anchor = cue.light if cue.light is not None else cue.tok
    modality = _own_modality(anchor, lex) if cue.form in ("verb", "noun", "adj") else ASSERTED
    polarity = cue.entry.polarity
    confidence = 0.7
    if polarity == NEUTRAL and content_toks and cue.entry.kind in ("speech", "belief"):
        polarity, content_modality = _content_view(content_toks, lex, target_tok)
        if polarity != NEUTRAL:
            confidence = 0.55
            if modality == ASSERTED:
                modality = content_modality
    if modality == NEGATED:
        polarity = _FLIP[polarity]
        confidence -= 0.2
    elif modality == HEDGED:
        confidence -= 0.15
    elif modality == CONDITIONAL:
        confidence -= 0.1
    if target_tok is None:
        confidence -= 0.1
    return polarity, modality, round(max(0.1, min(1.0, confidence)), 2)
