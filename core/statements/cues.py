"""Finds cue words in a parsed sentence: reporting and stance verbs, stance nouns and adjectives, "according to", ":"."""
from __future__ import annotations

from dataclasses import dataclass, field

from core.resources import word_set
from core.statements import cuemodel
from core.statements.lexicon import CueEntry, Lexicon

# Verbs that carry a stance noun: "raised concerns", "voiced support", "drew criticism".
LIGHT_VERBS = word_set("light_verbs", "stance", "words.json")
# Light verbs whose subject receives, rather than gives, the stance ("drew criticism from X").
RECEIVING_VERBS = word_set("receiving_verbs", "stance", "words.json")
CLAUSE_DEPS = {"ccomp", "xcomp", "parataxis"}
QUOTES = set('"“”‘’\'«»')


@dataclass
class Cue:
    tok: object  # the anchoring token (verb, noun, adjective, "according", ":")
    entry: CueEntry
    form: str  # verb, noun, adj, according, colon, adverb
    cue_toks: list = field(default_factory=list)
    prep: object = None  # the preposition whose object is the target
    light: object = None  # light verb governing a noun cue
    score: float | None = None  # learned probability that this is an attribution cue
    weak: bool = False  # a stance cue the learned model doubts: it must name what it is about


def _prep_child(tok, preps: set[str]):
    for child in tok.children:
        if child.dep_ in ("prep", "prt", "agent") and child.lower_ in preps:
            return child
    return None


def _is_filler(tok, lex: Lexicon) -> bool:
    """ "I think", "you know": a first or second person discourse filler, not a reported view; and
    set phrases that only look like reports."""
    pairs = {tuple(p) for p in lex.modality.get("filler", ())}
    lemma = lex.verb_lemma(tok)
    for child in tok.children:
        if child.dep_ == "nsubj" and (child.lower_, lemma) in pairs:
            return True
    prev = tok.doc[tok.i - 1] if tok.i > 0 else None
    if prev is not None and prev.lower_ == "having" and lemma == "say" and \
            any(c.dep_ == "dobj" and c.lower_ in ("that", "this") for c in tok.children):
        return True  # "Having said that, …" turns the argument; it reports nothing
    if prev is not None and ((prev.lower_ == "worth" and tok.tag_ == "VBG") or
                             (prev.lower_ == "without" and lemma == "say")):
        return True  # "It's worth noting that …", "It goes without saying …": the writer's aside
    if lemma == "call" and any(c.dep_ == "dobj" and c.lower_ == "what" for c in tok.children):
        return True  # "condemned what he called a breach": a borrowed label (a cue in 0 of 22 PolNeAR train uses)
    return prev is not None and (prev.lower_, tok.lower_) in pairs


def _has_clause(tok) -> bool:
    if any(c.dep_ in CLAUSE_DEPS for c in tok.children):
        return True
    doc = tok.doc
    # A quote or a colon right beside the verb: "…," she added / said: "…".
    for k in (tok.i - 1, tok.i - 2, tok.i + 1, tok.i + 2):
        if 0 <= k < len(doc) and (doc[k].text in QUOTES or doc[k].text == ":"):
            return True
    return any(c.dep_ == "dobj" and any(q.text in QUOTES for q in c.subtree) for c in tok.children)


def _has_object(tok) -> bool:
    return any(c.dep_ in ("dobj", "nsubjpass", "ccomp", "xcomp", "attr", "pobj") or
               (c.dep_ == "prep" and any(g.dep_ in ("pobj", "pcomp") for g in c.children))
               for c in tok.children)


def verb_cue(tok, lex: Lexicon) -> Cue | None:
    if tok.pos_ not in ("VERB", "AUX") and not (tok.pos_ == "NOUN" and tok.tag_ == "VBZ"):
        return None
    lemma = lex.verb_lemma(tok)
    if lemma not in lex.verb_lemmas:
        return None
    if _is_filler(tok, lex):
        return None
    for child in tok.children:
        if child.dep_ in ("prep", "prt"):
            entry = lex.verb(lemma, child.lower_)
            if entry is not None:
                return Cue(tok, entry, "verb", [tok, child], prep=child)
    entry = lex.verb(lemma)
    if entry is None:
        return None
    if entry.needs == "clause" and not _has_clause(tok):
        return None
    if entry.needs == "object" and not _has_object(tok):
        return None
    if entry.kind == "action" and tok.dep_ == "amod":
        return None
    return Cue(tok, entry, "verb", [tok])


def noun_cue(tok, lex: Lexicon) -> Cue | None:
    if tok.pos_ not in ("NOUN", "PROPN"):
        return None
    entry = lex.nouns.get(tok.lemma_.lower())
    if entry is None:
        return None
    preps = {entry.prep} if entry.prep else set()
    preps |= {"of", "for", "about", "over", "to", "against", "on", "toward", "towards", "at", "with"}
    prep = _prep_child(tok, preps) if entry.kind != "speech" else None
    light = tok.head if tok.dep_ in ("dobj", "pobj", "attr") and tok.head.lemma_.lower() in LIGHT_VERBS else None
    if light is not None and light.pos_ not in ("VERB", "AUX"):
        light = None
    toks = [light, tok] if light is not None else [tok]
    return Cue(tok, entry, "noun", toks, prep=prep, light=light)


def adjective_cue(tok, lex: Lexicon) -> Cue | None:
    if tok.pos_ not in ("ADJ", "VERB") or tok.dep_ not in ("acomp", "amod", "ROOT", "conj", "advcl", "xcomp"):
        return None
    entry = lex.adjectives.get(tok.lower_)
    if entry is None:
        return None
    preps = {entry.prep, "about", "over", "by", "of", "at", "with", "to"} - {""}
    return Cue(tok, entry, "adj", [tok], prep=_prep_child(tok, preps))


def according_cue(tok, lex: Lexicon) -> Cue | None:
    if tok.lower_ != "according":
        return None
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if nxt is None or nxt.lower_ != "to":
        return None
    entry = CueEntry("according to", "", "speech", "neutral")
    return Cue(tok, entry, "according", [tok, nxt], prep=nxt)


def adverb_cue(tok, lex: Lexicon) -> Cue | None:
    """ "The FBI is reportedly preparing …": an adverb that attributes its clause to unnamed sources."""
    if tok.lower_ not in lex.words("reporting_adverbs") or tok.head == tok or \
            tok.head.pos_ not in ("VERB", "AUX", "ADJ"):
        return None
    return Cue(tok, CueEntry(tok.lower_, "", "speech", "neutral"), "adverb", [tok])


def line_start(tok, sent) -> int:
    """Index of the first token of `tok`'s line within its sentence."""
    doc, start = sent.doc, tok.i
    while start > sent.start and not doc[start - 1].is_space and "\n" not in doc[start - 1].whitespace_:
        start -= 1
    return start


def colon_cue(tok, sent, lex: Lexicon | None = None) -> Cue | None:
    """ "Trump: 'We will win.'", "WALLACE: Let's start" — a short name opening the line, then a colon."""
    if tok.text != ":":
        return None
    doc = sent.doc
    start = line_start(tok, sent)
    if tok.i - start > 7 or tok.i - start < 1:
        return None
    left = [t for t in doc[start:tok.i] if not (t.is_space or t.is_punct)]
    if not left or len(left) > 4 or not all(t.text[:1].isupper() for t in left):
        return None
    if lex is not None and " ".join(t.lower_ for t in left) in lex.words("headline_labels"):
        return None  # "Breaking: …", "WOW: …" label the line, they name no speaker
    if any(t.pos_ in ("VERB", "AUX") and not t.text.isupper() for t in left):
        return None
    right = sent.doc[tok.i + 1:sent.end]
    if len([t for t in right if not t.is_punct]) < 3:
        return None
    return Cue(tok, CueEntry(":", "", "speech", "neutral"), "colon", [tok])


def lemma_and_kind(tok, lex: Lexicon) -> tuple[str, str]:
    """The cue lemma of a token and its hand-lexicon kind ("none" when unlisted): model features."""
    if tok.pos_ in ("VERB", "AUX"):
        lemma = lex.verb_lemma(tok)
        entry = lex.verb(lemma)
        if entry is not None:
            return lemma, entry.kind
        return lemma, "prep" if any(lex.verb(lemma, c.lower_) for c in tok.children) else "none"
    if tok.pos_ == "NOUN":
        entry = lex.nouns.get(tok.lemma_.lower())
        return tok.lemma_.lower(), entry.kind if entry else "none"
    if tok.pos_ == "ADJ":
        entry = lex.adjectives.get(tok.lower_)
        return tok.lower_, entry.kind if entry else "none"
    return tok.lower_, "punct" if tok.text in cuemodel.PUNCT_CUES else "according"


# Below this learned probability a reporting cue (speech, or a neutral belief such as "think") is
# dropped. Cues that carry a stance ("backs", "fears", "criticism of") are kept whatever the
# score: PolNeAR-style annotation often skips them, but the stance matrix needs them.
# 0.4 was chosen on a held-out train split (0.3-0.55 tried).
MIN_SCORE = 0.4


def _plainly_reports(cue: Cue) -> bool:
    """ "by saying he would…": "say" with a reported clause is an attribution whatever its position."""
    return cue.entry.lemma == "say" and cue.tok.dep_ in ("pcomp", "advcl", "acl") and \
        any(c.dep_ == "ccomp" for c in cue.tok.children)


def _filtered(cue: Cue) -> bool:
    return cue.form not in ("colon", "according", "adverb") and (
        cue.entry.kind == "speech" or (cue.entry.kind == "belief" and cue.entry.polarity == "neutral"))


def _learned_cue(tok, lex: Lexicon) -> Cue | None:
    """A verb the hand lexicon lacks but the learned model calls a reporting cue ("seem", "release"),
    or a copula with its predicate ("weren't too concerned about", "was able to tout")."""
    if tok.pos_ not in ("VERB", "AUX") or _is_filler(tok, lex):
        return None
    toks = [tok]
    if tok.pos_ == "AUX":
        toks += [c for c in tok.children if c.dep_ in ("acomp", "attr")][:1]
    return Cue(tok, CueEntry(lex.verb_lemma(tok), "", "speech", "neutral"), "verb", toks)


def _score(tok, sent, quoted, lex: Lexicon, weights) -> float:
    lemma, kind = lemma_and_kind(tok, lex)
    return cuemodel.probability(cuemodel.features(tok, lemma, kind, sent, quoted[tok.i - sent.start]), weights)


_LEARNABLE = ("VERB", "AUX")  # the parts of speech `_learned_cue` accepts


def find_cues(sent, lex: Lexicon) -> list[Cue]:
    weights = cuemodel.weights()
    cues: list[Cue] = []
    quoted = cuemodel.quote_parity(sent) if weights is not None else []
    for tok in sent:
        cue = according_cue(tok, lex) or verb_cue(tok, lex) or adjective_cue(tok, lex)
        if cue is None:
            cue = noun_cue(tok, lex)
        if cue is None:
            cue = colon_cue(tok, sent, lex) or adverb_cue(tok, lex)
        # Without a lexicon cue the score only matters for a verb the learned model may promote
        # (`_learned_cue`); scoring every other noun and adjective was most of this step's time.
        scored = weights is not None and (cue is not None or tok.pos_ in _LEARNABLE and cuemodel.is_candidate(tok))
        if scored and not (cue is not None and cue.entry.kind == "action"):
            score = _score(tok, sent, quoted, lex, weights)
            if cue is not None and cue.light is not None:
                # "expressed concern", "announced plans": PolNeAR marks the light verb as the cue's
                # head, so that is where the learned model recognises the construction.
                score = max(score, _score(cue.light, sent, quoted, lex, weights))
            if cue is None:
                cue = _learned_cue(tok, lex) if score >= MIN_SCORE else None
            elif score < MIN_SCORE:
                if _filtered(cue) and not _plainly_reports(cue):
                    cue = None
                elif cue.form not in ("colon", "according"):
                    cue.weak = True
            if cue is not None:
                cue.score = score
        if cue is not None:
            cues.append(cue)
    # "voiced criticism": the noun cue already covers its light verb.
    lights = {c.light.i for c in cues if c.light is not None}
    return [c for c in cues if not (c.form == "verb" and c.tok.i in lights)]
