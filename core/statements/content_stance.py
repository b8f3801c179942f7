"""A statement's stance toward what its content names: "X said Y poses a threat" is X against Y.

Two readings, both from the parse, both general:
- reported speech or belief whose clause has an actor as its subject: the polarity is what the clause says
  of that actor (its predicate's evaluative words, a stance word nested in it, negation flipping it);
- a directive ("urged senators to back the plan", "asked Congress to reject it"): the stance is the one the
  speaker asks for, toward the object of the requested act.
A reversing noun ("the repeal of X", "an end to X") turns a stance toward it into the opposite one toward X.
Labelling ("called Clinton a champion", "described the raid as terrorism") and a clause that judges a
non-actor subject ("insists the conflict was justified") give the stance toward what is labelled or judged.
"""
from __future__ import annotations

from core.model import NEUTRAL, OPPOSE, SUPPORT
from core.resources import word_set
from core.statements.lexicon import Lexicon

_WORDS = ("stance", "words.json")
_FLIP = {SUPPORT: OPPOSE, OPPOSE: SUPPORT, NEUTRAL: NEUTRAL}
SUBJECTS = ("nsubj", "nsubjpass")


def _lexicon_polarity(tok, lex: Lexicon) -> str:
    """Polarity a single word carries: a stance cue of the lexicon, or an evaluative content word."""
    lemma = tok.lemma_.lower()
    entry = None
    if tok.pos_ in ("VERB", "AUX"):
        entry = lex.verb(lex.verb_lemma(tok))
    elif tok.pos_ == "NOUN":
        entry = lex.nouns.get(lemma)
    elif tok.pos_ == "ADJ":
        entry = lex.adjectives.get(tok.lower_)
    if entry is not None and entry.kind in ("stance", "action") and entry.polarity != NEUTRAL:
        return entry.polarity
    if tok.pos_ in ("VERB", "AUX"):  # "vote for", "retaliate against": the preposition carries it
        for child in tok.children:
            if child.dep_ == "prep":
                entry = lex.verb(lex.verb_lemma(tok), child.lower_)
                if entry is not None and entry.kind in ("stance", "action") and entry.polarity != NEUTRAL:
                    return entry.polarity
                if child.lower_ == "against":
                    return OPPOSE
    return _word_view(tok, lex)


def predicate_view(verb, subject, lex: Lexicon) -> str:
    """What a clause says of its subject: the balance of evaluative words in the predicate ("poses a threat",
    "would be a great president", "is unfit"), flipped by a negation of the verb. Stance verbs are left out:
    in "Y supports the bill" the view is Y's, toward the bill, not the speaker's toward Y."""
    skip = {t.i for t in subject.subtree}
    score = 0
    for t in verb.subtree:
        if t.i in skip or t.is_punct or t.pos_ in ("VERB", "AUX"):
            continue
        if t.head.i != verb.i and t.head.head.i != verb.i:
            continue  # deeper clauses speak of something else
        pol = _lexicon_polarity(t, lex)
        score += 1 if pol == SUPPORT else -1 if pol == OPPOSE else 0
    polarity = SUPPORT if score > 0 else OPPOSE if score < 0 else NEUTRAL
    if any(c.dep_ == "neg" for c in verb.children):
        polarity = _FLIP[polarity] if polarity != SUPPORT else OPPOSE
    return polarity


def reported_subject(cue_tok):
    """(clause verb, its subject) of the clause a reporting verb introduces, or None."""
    for child in cue_tok.children:
        if child.dep_ in ("ccomp", "parataxis") and child.pos_ in ("VERB", "AUX"):
            subj = next((c for c in child.children if c.dep_ in SUBJECTS), None)
            if subj is not None and subj.pos_ in ("PROPN", "NOUN"):
                return child, subj
    return None


def directive_object(cue_tok, lex: Lexicon):
    """(object, polarity) of the act a directive asks for: "urged X to back the plan" -> (plan, support)."""
    if cue_tok.lemma_.lower() not in word_set("directive_verbs", *_WORDS):
        return None
    for child in cue_tok.children:
        if child.dep_ == "xcomp" and child.pos_ == "VERB" and \
                child.lemma_.lower() in word_set("contrition_verbs", *_WORDS):
            asked = _addressee(cue_tok)  # "called on Dean to apologize": the one asked is blamed
            if asked is not None and not any(c.dep_ == "neg" for c in child.children):
                return asked, OPPOSE
        if child.dep_ == "xcomp" and child.pos_ == "VERB":
            polarity = _lexicon_polarity(child, lex)
            obj = next((c for c in child.children if c.dep_ in ("dobj", "attr")), None)
            if obj is None:
                prep = next((c for c in child.children if c.dep_ == "prep"), None)
                obj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
            if obj is not None and polarity != NEUTRAL:
                if any(c.dep_ == "neg" for c in child.children):
                    polarity = _FLIP[polarity]
                return obj, polarity
    return None


def required_act(verb, lex: Lexicon):
    """(object, polarity) of an act a reported clause says must or should happen ("Congress should consider
    implementing a stimulus package" -> (package, support); "should reject the bill" -> (bill, oppose))."""
    if not any(c.dep_ == "aux" and c.lower_ in lex.words("deontic") for c in verb.children):
        return None
    act = verb
    for _ in range(3):
        polarity = _lexicon_polarity(act, lex)
        obj = next((c for c in act.children if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN")), None)
        if obj is not None:
            if polarity == NEUTRAL:
                polarity = SUPPORT
            if any(c.dep_ == "neg" for c in verb.children):
                polarity = _FLIP[polarity]
            return obj, polarity
        act = next((c for c in act.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
        if act is None:
            return None
    return None


def _addressee(cue_tok):
    """Who a directive addresses: "urged Dean to …" (object), "called on Dean to …" (the "on" object)."""
    for child in cue_tok.children:
        if child.dep_ == "dobj" and child.pos_ in ("PROPN", "NOUN", "PRON"):
            return child
        if child.dep_ == "prep" and child.lower_ == "on":
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if obj is not None and obj.ent_type_ not in ("DATE", "TIME"):  # not "on Wednesday"
                return obj
    return None


def _predicate_polarity(tok, lex: Lexicon) -> str:
    """Polarity of a predicate noun or adjective with its modifiers ("a “champion”", "international terrorism")."""
    pols = [_lexicon_polarity(t, lex) for t in [tok] + [c for c in tok.children if c.dep_ in ("amod", "compound")]]
    score = sum(1 if p == SUPPORT else -1 if p == OPPOSE else 0 for p in pols)
    return SUPPORT if score > 0 else OPPOSE if score < 0 else NEUTRAL


def labelled(cue_tok, lex: Lexicon):
    """(what is labelled, polarity) of "called Clinton a “champion”", "describe British actions as terrorism"."""
    if cue_tok.lemma_.lower() not in word_set("labelling_verbs", *_WORDS):
        return None
    obj = next((c for c in cue_tok.children if c.dep_ == "dobj"), None)
    if obj is None:
        return None
    pred = next((c for c in cue_tok.children if c.dep_ in ("oprd", "xcomp") and c.pos_ in ("NOUN", "ADJ")), None)
    if pred is None:
        as_ = next((c for c in list(cue_tok.children) + list(obj.children)
                    if c.dep_ == "prep" and c.lower_ == "as"), None)
        pred = next((c for c in as_.children if c.dep_ == "pobj"), None) if as_ is not None else None
    if pred is None:
        return None
    polarity = _predicate_polarity(pred, lex)
    return (obj, polarity) if polarity != NEUTRAL else None


def judged_subject(verb, lex: Lexicon) -> str:
    """What a clause says of a subject that is no actor: its passive participle or predicate adjective
    ("the conflict was justified", "the plan is dangerous"), flipped by a negation; neutral otherwise."""
    preds = [verb] if verb.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in verb.children) else []
    preds += [c for c in verb.children if c.dep_ in ("acomp", "attr")]
    polarity = NEUTRAL
    for pred in preds:
        polarity = _predicate_polarity(pred, lex) if pred is not verb else _word_view(pred, lex)
        if polarity != NEUTRAL:
            break
    if any(c.dep_ == "neg" for c in verb.children):
        polarity = _FLIP[polarity]
    return polarity


def _word_view(tok, lex: Lexicon) -> str:
    """An evaluative content word's polarity (no cue lexicon: "justified", "wrong")."""
    words = {tok.lemma_.lower(), tok.lower_}
    if words & (lex.words("negative_content") | word_set("damn_words", *_WORDS)):
        return OPPOSE
    if words & (lex.words("positive_content") | word_set("praise_words", *_WORDS)):
        return SUPPORT
    return NEUTRAL


def reversed_target(target_tok):
    """ "the repeal of Obamacare" -> Obamacare: the thing a reversing noun undoes, or None."""
    if target_tok is None or target_tok.lemma_.lower() not in word_set("reversing_nouns", *_WORDS):
        return None
    for prep in target_tok.children:
        if prep.dep_ == "prep" and prep.lower_ in ("of", "to", "on"):
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if obj is not None:
                return obj
    return None
