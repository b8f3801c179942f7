"""Finds who holds a cue (source) and what they hold (content) from the dependency parse."""
from __future__ import annotations

from core.resources import word_set
from core.statements.cues import CLAUSE_DEPS, QUOTES, RECEIVING_VERBS, Cue, line_start

SUBJ = ("nsubj", "csubj", "expl")
PRONOUNS = word_set("personal_pronouns", "stance", "words.json")
RELATIVES = {"which", "who", "that", "whom", "whose"}


def _subject(tok):
    # '"Full panic mode," said Leslie Wimes': the parser may give the quote's own subject too;
    # the speaker is the subject nearest the verb.
    subjects = [c for c in tok.children if c.dep_ == "nsubj"]
    return min(subjects, key=lambda c: abs(c.i - tok.i)) if subjects else None


def _agent(tok):
    for child in tok.children:
        if child.dep_ == "agent":
            for g in child.children:
                if g.dep_ == "pobj":
                    return g
    return None


def _passive_subject(tok):
    for child in tok.children:
        if child.dep_ == "nsubjpass":
            return child
    return None


def source_head(cue: Cue):
    """Token heading the source phrase, or None; follows shared subjects and relative clauses."""
    tok = cue.tok
    if cue.form == "according":
        return next((g for g in cue.prep.children if g.dep_ == "pobj"), None)
    if cue.form == "adverb":  # "reportedly": the sources go unnamed
        return None
    if cue.form == "colon":
        doc, sent = tok.doc, tok.sent
        left = [t for t in doc[line_start(tok, sent):tok.i] if not t.is_space and not t.is_punct]
        return max(left, key=lambda t: len(list(t.children)) + (t.dep_ == "ROOT")) if left else None
    if cue.form == "noun":
        return _noun_source(cue)
    if cue.form == "adj":
        head = tok.head if tok.dep_ == "acomp" else tok
        if tok.dep_ == "amod":
            return tok.head
        return _verb_source(head)
    if _holder_unnamed(cue):
        return None
    return _verb_source(tok) or _loose_source(tok)


# Verbs whose subject is what seems, not who judges: "Republicans seem confident".
RAISING = {"seem", "appear"}


def _holder_unnamed(cue: Cue) -> bool:
    """ "The efforts are expected to …", "Asked about X, …", "Melania seems to …": the cue's
    subject is what is judged or asked about; whoever holds the view goes unnamed."""
    tok = cue.tok
    if _agent(tok) is not None:
        return False
    if cue.entry.lemma in RAISING:
        return True
    if _passive_subject(tok) is not None:
        return True
    # A bare passive participle: "Asked about the device, O'Neill said …".
    return tok.tag_ == "VBN" and tok.dep_ in ("advcl", "acl") and \
        not any(c.dep_ in ("aux", "auxpass", "nsubj") for c in tok.children)


def _loose_source(tok):
    """A speaker the parser left unattached: "…, a source close to Damascus said" / "…, said the source"."""
    doc, sent = tok.doc, tok.sent
    if not any(c.dep_ in CLAUSE_DEPS for c in tok.children):
        return None
    k = tok.i - 1
    window = []
    while k >= sent.start and tok.i - k <= 6 and doc[k].text not in (",", "”", '"', ";"):
        window.append(doc[k])
        k -= 1
    if not window or k < sent.start:
        window = []
        k = tok.i + 1
        while k < sent.end and k - tok.i <= 6 and not doc[k].is_punct:
            window.append(doc[k])
            k += 1
    ids = {t.i for t in window}
    heads = [t for t in window if t.head.i not in ids and t.pos_ in ("NOUN", "PROPN", "PRON")]
    return heads[0] if heads else None


def _noun_source(cue: Cue):
    tok = cue.tok
    role = cue.entry.possessor == "target"  # "backer", "ally", "critic": the noun names the holder
    if role:
        if tok.dep_ == "appos":  # "Russia, Assad's main backer"
            return tok.head
        if tok.dep_ == "attr":  # "Russia is Assad's main backer"
            return _subject(tok.head)
        if tok.dep_ in ("nsubj", "dobj", "pobj", "conj"):
            for child in tok.children:  # "Assad's backer Russia"
                if child.dep_ == "appos":
                    return child
        return None
    for child in tok.children:
        if child.dep_ == "poss":
            return child
        if child.dep_ == "prep" and child.lower_ in ("from", "by"):
            obj = next((g for g in child.children if g.dep_ == "pobj"), None)
            if obj is not None:
                return obj
    if cue.light is not None:
        if cue.light.lemma_.lower() in RECEIVING_VERBS:
            return None
        return _verb_source(cue.light)
    if tok.dep_ == "pobj" and tok.head.lower_ == "in" and tok.head.head.pos_ == "VERB":
        return _verb_source(tok.head.head)  # "Moscow said in a statement"
    if cue.entry.kind != "action":
        return None
    for child in tok.children:  # "Russian air strikes", "US sanctions"
        if child.dep_ in ("amod", "compound", "nmod") and (
                child.ent_type_ in ("NORP", "GPE", "ORG") or child.pos_ == "PROPN"):
            return child
    return None


def _verb_source(tok, depth: int = 0, carried: bool = False):
    if depth > 6:
        return None
    agent = _agent(tok)
    if agent is not None:
        return agent
    subj = _subject(tok)
    if subj is not None:
        if subj.lower_ in RELATIVES and tok.dep_ == "relcl":
            return tok.head
        if carried and subj.lower_ in PRONOUNS and tok.dep_ == "ccomp" and tok.head != tok:
            # "Cavusoglu said he hoped …, warning that": the carried speaker is the named one.
            outer = _subject(tok.head)
            if outer is not None and outer.lower_ not in PRONOUNS:
                return outer
        return subj
    if tok.dep_ == "relcl" and _passive_subject(tok) is None:
        return tok.head
    if tok.dep_ == "acl" and tok.tag_ == "VBG":  # "the alliance backing Assad"
        return tok.head
    # Shared subjects: "…, saying", "and added", "refused to comment", "plans to".
    if tok.dep_ in ("conj", "xcomp", "advcl", "acl") and tok.head != tok:
        if tok.dep_ == "acl":
            return None
        return _verb_source(tok.head, depth + 1, carried=True)
    if tok.dep_ == "pcomp" and tok.head.dep_ == "prep":  # "without saying", "after warning"
        return _verb_source(tok.head.head, depth + 1, carried=True)
    return None


def appositive_person(src, cue_tok):
    """The person named in apposition inside a role phrase ("The director of the Congressional Budget
    Office, Peter R. Orszag, tells …"; "Representatives of the radical cleric Moqtada al-Sadr describe …"):
    the parser hangs the name on the office's noun, but it names who holds the role. None otherwise."""
    if src is None or src.pos_ != "NOUN":
        return None
    frontier = [src]
    for _ in range(2):
        objs = [g for t in frontier for p in t.children if p.dep_ == "prep" and p.lower_ in ("of", "in", "at")
                for g in p.children if g.dep_ == "pobj"]
        for obj in objs:
            for c in obj.children:
                if c.dep_ == "appos" and c.ent_type_ == "PERSON" and c.i < cue_tok.i:
                    return c
        frontier = objs
    return None


def relative_pronoun(cue: Cue):
    """The relative pronoun through which a verb cue reaches its source ("Iran, which backs …",
    "an architect who said …, adding …"), or None; follows the same path as the source search."""
    if cue.form != "verb":
        return None
    tok = cue.tok
    for _ in range(6):
        if _agent(tok) is not None:
            return None
        subj = _subject(tok)
        if subj is not None:
            return subj if subj.lower_ in RELATIVES and tok.dep_ == "relcl" else None
        if tok.dep_ in ("conj", "xcomp", "advcl") and tok.head != tok:
            tok = tok.head
        elif tok.dep_ == "pcomp" and tok.head.dep_ == "prep":
            tok = tok.head.head
        else:
            return None
    return None


def content_range(cue: Cue, source) -> tuple[int, int] | None:
    """Token range [i, j) of what is said or thought."""
    tok = cue.tok
    doc = tok.doc
    sent = tok.sent
    if cue.form == "according":
        skip_lo, skip_hi = tok.i, (tok.right_edge.i + 1)
        obj = next((g for g in cue.prep.children if g.dep_ == "pobj"), None) if cue.prep is not None else None
        if obj is not None and obj.right_edge.i < tok.right_edge.i:
            # "According to MSNBC, the move …" parsed with "According" as the root: the phrase ends
            # with the name, not with the sentence.
            skip_hi = obj.right_edge.i + 1
            comma = next((t.i for t in doc[obj.i:skip_hi] if t.text == ","), None)
            if comma is not None:  # "According to host Rush Limbaugh, the move reeks …" in one subtree
                skip_hi = comma + 1
        lo, hi = sent.start, sent.end
        # The content is the rest of the sentence, on the larger side of the "according to" phrase.
        if skip_lo - lo >= hi - skip_hi:
            return lo, skip_lo
        return skip_hi, hi
    if cue.form == "colon":
        return tok.i + 1, sent.end
    if cue.form == "adverb":
        return tok.head.left_edge.i, tok.head.right_edge.i + 1
    anchor = cue.light if cue.light is not None else tok
    if tok.pos_ == "AUX" and len(cue.cue_toks) > 1:  # "weren't concerned about X": X hangs off the adjective
        anchor = cue.cue_toks[-1]
    clauses = [c for c in anchor.children if c.dep_ in CLAUSE_DEPS]
    if cue.form == "noun":
        clauses += [c for c in tok.children if c.dep_ in ("acl", "ccomp", "relcl") and c.i > tok.i]
    if clauses:
        lo = min(c.left_edge.i for c in clauses)
        hi = max(c.right_edge.i for c in clauses) + 1
        return lo, hi
    if cue.prep is not None:
        objs = [g for g in cue.prep.children if g.dep_ in ("pobj", "pcomp")]
        if objs:
            return objs[0].left_edge.i, objs[0].right_edge.i + 1
    for child in anchor.children:
        if child.dep_ in ("dobj", "attr") and child != tok and not (cue.tok.lemma_ == "tell" and child.i == tok.i + 1):
            return child.left_edge.i, child.right_edge.i + 1
    for child in anchor.children:  # "complained about his mic", "spoke out about the shooting"
        if child.dep_ == "prep" and child.lower_ in CONTENT_PREPS:
            obj = next((g for g in child.children if g.dep_ in ("pobj", "pcomp")), None)
            if obj is not None:
                return obj.left_edge.i, obj.right_edge.i + 1
    if cue.form == "verb" and _agent(tok) is not None:  # "has been endorsed by dozens of papers"
        patient = _passive_subject(tok)
        if patient is not None:
            return patient.left_edge.i, patient.right_edge.i + 1
    # A fronted quote or clause the parser did not attach: "…, the official added".
    if tok.i > sent.start + 2:
        cut = source.left_edge.i if source is not None and source.i < tok.i else tok.i
        if any(t.text in QUOTES or t.text == "," for t in doc[max(sent.start, cut - 2):cut]) and cut - sent.start > 2:
            return sent.start, cut
    quoted = _quote_before(sent)
    if quoted is not None and tok.i - sent.start <= 6:  # '“…?” Graham asked.' split from its quote
        return quoted
    if cue.form == "verb" and cue.entry.kind in ("speech", "belief"):
        return _rest_of_sentence(tok, source)
    return None


CONTENT_PREPS = {"about", "over", "against", "for", "of", "on", "with", "to", "into", "at", "regarding"}


def _quote_before(sent) -> tuple[int, int] | None:
    """The quotation that ends right before `sent` starts, back to its opening mark."""
    doc = sent.doc
    k = sent.start - 1
    while k >= 0 and doc[k].is_space:
        k -= 1
    if k < 0 or doc[k].text not in ("”", '"', "’"):
        return None
    start = k - 1
    while start > 0 and k - start < 300 and doc[start].text not in ("“", '"'):
        start -= 1
    return (start, k + 1) if k - start > 1 else None


def _rest_of_sentence(tok, source) -> tuple[int, int] | None:
    """What a reporting verb the parser left without a clause reports: the words after it, or,
    after "He said:", the next sentence."""
    doc, sent = tok.doc, tok.sent
    lo = tok.i + 1
    if source is not None and source.i > tok.i:  # "…, said the official"
        lo = source.right_edge.i + 1
    words = [t for t in doc[lo:sent.end] if not (t.is_punct or t.is_space)]
    if len(words) >= 2:
        return lo, sent.end
    if sent.end < len(doc) and any(t.text == ":" for t in doc[tok.i:sent.end]):
        nxt = doc[sent.end].sent
        return nxt.start, nxt.end
    return None
