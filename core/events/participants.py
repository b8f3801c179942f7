"""Who takes part in an event: the actors in its predicate's argument structure, read from the parse and the mentions."""
from __future__ import annotations

from typing import Sequence

from core.model import Mention

# Dependency labels of a verb's core arguments: subject, object, dative, attribute, passive subject
# (the passive agent and prepositional objects are read through their preposition).
ARGUMENTS = frozenset({"nsubj", "nsubjpass", "dobj", "dative", "attr", "oprd", "csubj"})
# What stands for the same participant as an argument's head: "Jobs and Wozniak", "Apple, the maker",
# "Apple Inc." (compounds and flat names).
SAME_THING = frozenset({"conj", "appos", "compound", "flat"})


def token_actors(doc, mentions: Sequence[Mention]) -> dict[int, str]:
    """Token index -> actor id for every token inside an actor mention, whatever found it (a name, a
    title, a resolved pronoun), so pronoun resolution added to the actor finder counts here too."""
    out: dict[int, str] = {}
    for m in mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        for t in span:
            out.setdefault(t.i, m.actor_id)
    return out


def _expand(token) -> set[int]:
    out, todo = set(), [token]
    while todo:
        t = todo.pop()
        if t.i in out:
            continue
        out.add(t.i)
        todo.extend(c for c in t.children if c.dep_ in SAME_THING)
    return out


def argument_tokens(pred) -> set[int]:
    """Token indices of a predicate's participants: subject, objects, dative, attribute, passive agent
    and prepositional objects (through conjuncts, appositions and compounds); a conjoined or controlled
    verb without a subject of its own takes its head's ("Jobs resigned and named Cook"); a relative
    clause takes the noun it modifies; a noun (a nominal event: "Apple's lawsuit") takes its possessor."""
    found: set[int] = set()
    for c in pred.children:
        if c.dep_ in ARGUMENTS:
            found |= _expand(c)
        if c.dep_ in ("agent", "prep", "dative") or (pred.pos_ in ("NOUN", "PROPN") and c.dep_ == "poss"):
            if c.dep_ == "poss":
                found |= _expand(c)
            for g in c.children:
                if g.dep_ == "pobj":
                    found |= _expand(g)
    own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in pred.children)
    head = pred.head
    if not own_subject and head.i != pred.i and pred.dep_ in ("conj", "xcomp", "advcl"):
        for c in head.children:
            if c.dep_ in ("nsubj", "nsubjpass"):
                found |= _expand(c)
    elif not own_subject:
        # a subject the parser hung on a clause before the verb ("Putin, left, shakes hands": Putin
        # is the subject of "left")
        for c in pred.children:
            if c.i < pred.i and c.dep_ in ("advcl", "parataxis", "ccomp"):
                for g in c.children:
                    if g.dep_ in ("nsubj", "nsubjpass") and g.i < c.i:
                        found |= _expand(g)
    if pred.dep_ in ("relcl", "acl") and head.i != pred.i:
        found |= _expand(head)
    return found


def participants(pred, who: dict[int, str]) -> list[str]:
    """The actors among a predicate's argument tokens, in text order, each once."""
    return list(dict.fromkeys(who[i] for i in sorted(argument_tokens(pred)) if i in who))
