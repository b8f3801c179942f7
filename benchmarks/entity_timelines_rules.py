"""Linguistic rules the entity-timeline simulator tries: tense/aspect/modality classes, argument participants, pronouns."""
from __future__ import annotations

import re

REPORTING = frozenset({"say", "tell", "add", "announce", "report", "state", "claim", "confirm", "deny", "argue",
                       "insist", "reveal", "describe", "call", "explain", "note", "admit", "write", "unveil",
                       "respond", "comment", "warn", "suggest", "predict", "show", "demonstrate", "demo"})
FUTURE_AUX = frozenset({"will", "'ll", "shall", "wo"})
MODAL_AUX = frozenset({"would", "could", "might", "may", "should", "can", "must", "ca"})
PLANNING = frozenset({"plan", "expect", "intend", "aim", "schedule", "set", "hope", "want", "prepare", "try",
                      "promise", "seek", "propose", "threaten", "going"})
PRONOUNS = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}
ARG_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "dative", "attr", "oprd", "csubj"})


# --- tense, aspect and modality of a predicate -------------------------------------------------

def _aux(verb) -> set[str]:
    return {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}


def anchor_class(verb, depth: int = 0) -> str:
    """past (on or before publication), report (present-tense reporting: on publication), future,
    modal, state (stative or habitual present: no event), nonfinite (decided by the head)."""
    aux = _aux(verb)
    lemma = verb.lemma_.lower()
    if aux & FUTURE_AUX or ("going" in aux and "to" in aux):
        return "future"
    if aux & MODAL_AUX:
        return "modal"
    head = verb.head
    if verb.dep_ == "xcomp" and head.lemma_.lower() in PLANNING:
        return "future"
    if lemma == "be":
        return "state"
    if verb.tag_ == "VBD":
        return "past"
    if verb.tag_ == "VBN":
        if aux & {"has", "have", "had", "'s", "'ve", "was", "were", "been"}:
            return "past"
        if aux & {"is", "are", "be"}:
            return "state"  # "is made by Apple": present passive, habitual
    if verb.tag_ in ("VBZ", "VBP"):
        if aux & {"has", "have"} and verb.tag_ != "VBN":
            return "past"
        if lemma in REPORTING:
            return "report"
        return "state"
    if verb.tag_ == "VBG" and aux & {"is", "are", "am"}:
        return "report"  # progressive present: going on at publication
    if verb.tag_ == "VBG" and aux & {"was", "were"}:
        return "past"
    if depth < 3 and head.i != verb.i and verb.dep_ in ("xcomp", "conj", "advcl", "acl", "relcl", "ccomp", "pcomp"):
        inherited = anchor_class(head, depth + 1) if head.pos_ in ("VERB", "AUX") else "nonfinite"
        if verb.dep_ == "acl" and verb.tag_ == "VBN":
            return "nonfinite"  # "the iPod, made by Apple": a reduced relative, tense unknown
        return inherited
    return "nonfinite"


def event_verbs(sent) -> list:
    return [t for t in sent if t.pos_ == "VERB" or (t.pos_ == "AUX" and t.dep_ == "ROOT")]


# --- participants -------------------------------------------------------------------------------

def _expand(token, poss: bool = False) -> set:
    """The argument's head and what stands for the same thing: conjuncts, appositions, flat names
    (and with `poss` its possessor: "Jobs' keynote")."""
    out, todo = set(), [token]
    while todo:
        t = todo.pop()
        if t.i in out:
            continue
        out.add(t.i)
        todo.extend(c for c in t.children if c.dep_ in ("conj", "appos", "compound", "flat")
                    or poss and c.dep_ == "poss")
    return out


def argument_tokens(verb, poss: bool = False) -> set:
    """Token indices of the verb's subject, objects, passive agent and prepositional objects; an
    inherited subject for conjoined and controlled verbs; the head noun of a relative clause."""
    found = set()
    for c in verb.children:
        if c.dep_ in ARG_DEPS:
            found |= _expand(c, poss)
        elif c.dep_ in ("agent", "prep", "dative"):
            for g in c.children:
                if g.dep_ == "pobj":
                    found |= _expand(g, poss)
    deps = {c.dep_ for c in verb.children}
    if not deps & {"nsubj", "nsubjpass"} and verb.dep_ in ("conj", "xcomp", "advcl") and verb.head.i != verb.i:
        head = verb.head
        for c in head.children:
            if c.dep_ in ("nsubj", "nsubjpass"):
                found |= _expand(c, poss)
    if verb.dep_ in ("relcl", "acl") and verb.head.i != verb.i:
        found |= _expand(verb.head, poss)
    return found


def clause_verb(token):
    """The nearest verb above a token: the predicate of the clause it belongs to."""
    t = token
    for _ in range(12):
        if t.head.i == t.i:
            return t if t.pos_ in ("VERB", "AUX") else None
        t = t.head
        if t.pos_ == "VERB" or t.pos_ == "AUX" and t.dep_ == "ROOT":
            return t
    return None


def resolve_pronouns(d) -> dict[int, str]:
    """Token index of he/him/his/she/her -> actor id of the last person mentioned before it
    (within three sentences)."""
    sent_of = {}
    for k, s in enumerate(d.sdoc.sents):
        for t in s:
            sent_of[t.i] = k
    people = sorted((m.start, m.sentence_index, m.actor_id) for m in d.res.mentions if m.actor_id in d.persons)
    out = {}
    for t in d.sdoc:
        if t.lower_ in PRONOUNS and t.tag_ in ("PRP", "PRP$"):
            before = [p for p in people if p[0] < t.idx and sent_of[t.i] - p[1] <= 3]
            if before:
                out[t.i] = before[-1][2]
    return out


def token_actors(d, pronouns: dict | None) -> dict[int, str]:
    """Token index -> actor id for every token inside an actor mention (and resolved pronouns)."""
    out = {}
    for m in d.res.mentions:
        span = d.sdoc.char_span(m.start, m.end, alignment_mode="expand")
        if span is not None:
            for t in span:
                out[t.i] = m.actor_id
    if pronouns:
        for i, a in pronouns.items():
            out.setdefault(i, a)
    return out


PRODUCT = re.compile(r"^i[A-Z][A-Za-z]+$")


def product_mentions(d) -> dict[int, str]:
    """Token index -> product id for camel-case product names and what follows them ("iPod",
    "iPhone 4", "iPhone 3G", "iTunes Store"): names the actor finder skips (lower-case start, digits).
    The id is "product:" + the name."""
    out = {}
    for t in d.sdoc:
        if not PRODUCT.match(t.text) or t.i in out:
            continue
        end = t.i + 1
        while end < len(d.sdoc) and end - t.i < 3 and (d.sdoc[end].text[:1].isdigit() or (
                d.sdoc[end].text.istitle() and d.sdoc[end].pos_ == "PROPN")):
            end += 1
        name = " ".join(x.text for x in d.sdoc[t.i:end])
        for i in range(t.i, end):
            out[i] = "product:" + name
    return out
