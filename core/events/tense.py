"""Tense, aspect and modality of a predicate: did it happen by publication, is it planned after it, or is it no event?"""
from __future__ import annotations

from functools import lru_cache

from core.resources import word_set

# What an undated predicate is, read from its verb form and auxiliaries.
PAST = "past"  # past, perfect, past progressive: on or before the publication date
REPORT = "report"  # a present-tense report or a present progressive: going on at publication
FUTURE = "future"  # will, going to, plans to: after publication
MODAL = "modal"  # could, would, might: not (yet) an event
STATE = "state"  # habitual or stative present ("Apple makes the iPod"), a copula: not an event
NONFINITE = "nonfinite"  # an infinitive or participle whose tense nothing above it gives

ANCHORED_CLASSES = (PAST, REPORT)


def _words(name: str) -> frozenset[str]:
    return word_set(name, "events", "words.json")


@lru_cache(maxsize=1)
def _lists() -> dict[str, frozenset[str]]:
    return {name: _words(name) for name in ("future_aux", "modal_aux", "perfect_aux", "past_aux", "present_be",
                                            "present_do", "planning_verbs", "stative_verbs")}


@lru_cache(maxsize=1)
def reporting_verbs() -> frozenset[str]:
    """The speech verbs of the stance lexicon (say, tell, announce, …): reported in the present, they
    happen at publication ("Jobs says"), unlike other present-tense verbs ("Apple makes")."""
    from core.statements.lexicon import load

    return frozenset(entry.lemma for entry in load().verbs.values() if entry.kind == "speech")


def _aux(verb) -> set[str]:
    return {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}


def is_negated(verb) -> bool:
    """"did not resign", "never met": what the sentence says did not happen is no event."""
    return any(c.dep_ == "neg" for c in verb.children)


def tense_class(verb, headline: bool = False, depth: int = 0) -> str:
    """One of PAST, REPORT, FUTURE, MODAL, STATE, NONFINITE for a verb token of a parsed sentence.

    `headline`: the present tense tells news here ("Apple unveils iPod nano" in a headline, or a text
    that narrates in the present: "Lehman Brothers declares bankruptcy"), so a present-tense eventive
    verb reports what happened; a stative one ("has", "includes") still describes a state.
    """
    w = _lists()
    aux = _aux(verb)
    lemma = verb.lemma_.lower()
    tag = verb.tag_
    if aux & w["future_aux"] or ("going" in aux and "to" in aux):
        return FUTURE
    if aux & w["modal_aux"]:
        return MODAL
    head = verb.head
    if verb.dep_ == "xcomp" and head.i != verb.i and head.lemma_.lower() in w["planning_verbs"]:
        return FUTURE  # "plans to buy", "is expected to announce"
    if headline and tag == "VB" and "to" in aux and verb.dep_ == "ROOT":
        return FUTURE  # headline infinitive: "Apple to lower UK iTunes prices"
    if lemma == "be":
        return STATE
    if tag == "VBD":
        return PAST
    if tag == "VBN":
        if aux & (w["perfect_aux"] | w["past_aux"]) and not aux & {"is", "are", "am"}:
            return PAST  # "has resigned", "was sued", "had been named"
        if aux & w["present_be"]:
            # "is made by Apple": present passive, habitual; "is kidnapped" in a present narrative
            return REPORT if headline and lemma not in w["stative_verbs"] else STATE
    if tag in ("VBZ", "VBP"):
        if aux & {"has", "have"}:
            return PAST
        if lemma in reporting_verbs() or (headline and lemma not in w["stative_verbs"]):
            return REPORT
        return STATE
    if tag == "VB" and aux & {"did"}:
        return PAST  # "did sign"
    if tag == "VB" and aux & w["present_do"]:
        return REPORT if lemma in reporting_verbs() else STATE
    if tag == "VBG" and aux & {"is", "are", "am", "'s", "'re", "'m", "\u2019s", "\u2019re", "\u2019m"}:
        return REPORT  # progressive present: going on at publication
    if tag == "VBG" and aux & {"was", "were"}:
        return PAST
    if depth < 3 and head.i != verb.i and verb.dep_ in ("xcomp", "conj", "advcl", "acl", "relcl", "ccomp", "pcomp"):
        if verb.dep_ == "acl" and tag == "VBN":
            return NONFINITE  # "the iPod, made by Apple": a reduced relative, tense unknown
        if head.pos_ in ("VERB", "AUX"):
            return tense_class(head, headline, depth + 1)
    return NONFINITE


def event_verbs(sent) -> list:
    """The predicates of a sentence that can be events: its verbs, and an auxiliary at its root."""
    return [t for t in sent if t.pos_ == "VERB" or (t.pos_ == "AUX" and t.dep_ == "ROOT")]


def narrates_in_present(doc, who: dict[int, str], skip_before: int = 0) -> bool:
    """Whether a text tells its events in the present ("Lehman Brothers declares bankruptcy, and Bank
    of America agrees to buy Merrill Lynch"), after its headline (`skip_before`): more eventive verbs
    with an actor as subject in the present than in the simple past, or no eventive verb in the simple
    past at all. News told in the past describes products and habits in the present too, but rarely
    with an actor doing something; a present perfect ("has filed") tells neither way."""
    w = _lists()
    counts = {"past": 0, "present": 0, "actor past": 0, "actor present": 0}
    for t in doc:
        if t.pos_ != "VERB" or t.idx < skip_before or t.lemma_.lower() in w["stative_verbs"]:
            continue
        aux = _aux(t)
        if t.tag_ == "VBD" or (t.tag_ == "VBN" and aux & {"was", "were"}):
            tense = "past"
        elif (t.tag_ in ("VBZ", "VBP") and not aux) or (t.tag_ == "VBN" and aux & {"is", "are"} and
                                                         not aux & {"has", "have", "been"}):
            tense = "present"
        else:
            continue
        counts[tense] += 1
        subjects = [c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")]
        if any(i in who for c in subjects for i in range(c.left_edge.i, c.right_edge.i + 1)):
            counts["actor " + tense] += 1
    return counts["actor present"] > counts["actor past"] or (counts["past"] == 0 and counts["present"] > 0)
