"""Actor-to-actor stance: reads the words that link two actor mentions in a sentence.

"Iran, which supports Damascus", "X was criticised by Y", "his praise of Z": the dependency path
between two mentions carries the stance, and the syntactic roles at either end give its direction.
Polarity and direction come from logistic weights over readable features (the linking words, their
hand-lexicon polarity, the roles at either end), learned on directed-sentiment training data
(resources/stance/directed_weights.json, derived by benchmarks/directed_accuracy.py --learn);
without that file the hand lexicons and role rules decide alone.
"""
from __future__ import annotations

import json
import math
from functools import lru_cache
from typing import Sequence

from core.model import NEUTRAL, OPPOSE, SUPPORT, Mention, Statement
from core.resources import resource_path
from core.statements.lexicon import Lexicon
from core.statements.spans import char_span, phrase_range, token_span

# Mentions in one sentence above which no pair is related: real sentences name a handful of actors,
# a sentence listing hundreds (a hostile or broken text) would otherwise cost hundreds of thousands of paths.
MAX_PAIRED_MENTIONS = 24
MAX_PATH = 9
LINK_LEAN = 0.5
SUBJECT = {"nsubj", "csubj", "expl"}
# Words too common on any path to mean anything alone.
_SKIP_POS = {"DET", "PUNCT", "SPACE", "CCONJ", "SCONJ", "PART", "NUM", "SYM", "X"}


def head_of(doc, m: Mention):
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def path_between(a, b):
    """(tokens from a up to the common ancestor, the ancestor, tokens from b up), or None."""
    anc_a = [a] + list(a.ancestors)
    pos = {t.i: k for k, t in enumerate(anc_a)}
    chain_b = []
    t = b
    while t.i not in pos:
        chain_b.append(t)
        if t.head == t:
            return None
        t = t.head
    return anc_a[:pos[t.i]], t, chain_b


def _path_tokens(a, b):
    found = path_between(a, b)
    if found is None:
        return None
    pa, top, pb = found
    toks = pa[1:] + ([top] if top not in (a, b) else []) + pb[1:]
    extra = []
    for t in toks + [top]:
        for c in t.children:
            # negation, particles and predicate adjectives change what the link means
            if c.dep_ in ("neg", "prt", "acomp", "dobj", "attr") and c not in toks and c not in (a, b):
                extra.append(c)
    return found, [t for t in toks if t not in (a, b)], extra


def link(doc, m1: Mention, m2: Mention):
    """(a, b, path, path words, extra words) for two mentions in one sentence, a before b; or None."""
    h1, h2 = head_of(doc, m1), head_of(doc, m2)
    if h1 is None or h2 is None or h1.i == h2.i or h1.sent != h2.sent:
        return None
    a, b = (h1, h2) if h1.i < h2.i else (h2, h1)
    got = _path_tokens(a, b)
    if got is None:
        return None
    found, toks, extra = got
    return a, b, found, toks, extra


@lru_cache(maxsize=1)
def learned_weights() -> dict | None:
    path = resource_path("stance", "directed_weights.json")
    if not path.is_file():
        return None
    return json.loads(path.read_text(encoding="utf-8"))


def _hand_polarity(tok, lex: Lexicon) -> str | None:
    if tok.pos_ in ("VERB", "AUX"):
        e = lex.verb(lex.verb_lemma(tok))
    elif tok.pos_ == "NOUN":
        e = lex.nouns.get(tok.lemma_.lower())
    elif tok.pos_ == "ADJ":
        e = lex.adjectives.get(tok.lower_)
    else:
        e = None
    return e.polarity if e is not None and e.polarity != NEUTRAL else None


def polarity_features(a, b, found, toks, extra, lex: Lexicon) -> list[str]:
    """Words on the link, their roles, hand-lexicon polarity and the words between the mentions."""
    pa, top, pb = found
    feats = ["bias", f"len={min(len(toks), 6)}", f"top={top.lemma_.lower()}", f"toppos={top.pos_}"]
    for t in toks:
        if t.pos_ in _SKIP_POS:
            continue
        lemma = t.lemma_.lower()
        feats += [f"p={lemma}", f"pd={lemma}|{t.dep_}"]
        hand = _hand_polarity(t, lex)
        if hand:
            feats.append(f"h={hand}")
    for t in extra:
        feats.append(f"x={t.lemma_.lower()}")
        if t.dep_ == "neg":
            feats.append("neg")
        hand = _hand_polarity(t, lex)
        if hand:
            feats.append(f"hx={hand}")
    lo, hi = sorted((a.i, b.i))
    for t in a.doc[lo + 1:hi]:
        if t.is_alpha and not t.is_stop:
            feats.append(f"b={t.lemma_.lower()}")
    for t in a.sent:
        if t.is_alpha and not t.is_stop and t.pos_ in ("VERB", "NOUN", "ADJ", "ADV"):
            feats.append(f"w={t.lemma_.lower()}")
    return feats


def direction_features(a, b, found) -> list[str]:
    """Roles of the earlier (a) and later (b) mention: who holds the stance."""
    pa, top, pb = found
    ra, rb = _role(pa, top), _role(pb, top)
    doc = a.doc
    feats = ["bias", f"ra={ra}", f"rb={rb}", f"rr={ra}|{rb}", f"top={top.lemma_.lower()}", f"toppos={top.pos_}",
             f"adep={a.dep_}", f"bdep={b.dep_}", f"rule={direction(a, b, found)}"]
    if b.i > 0 and doc[b.left_edge.i - 1].lower_ == "by":
        feats.append("by_b")
    if a.left_edge.i > 0 and doc[a.left_edge.i - 1].lower_ == "by":
        feats.append("by_a")
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in top.children):
        feats.append("passive")
    for t in pa[1:] + pb[1:]:
        feats.append(f"p={t.lemma_.lower()}|{'a' if t in pa else 'b'}")
    return feats


def _linear(feats: list[str], w: dict[str, float]) -> float:
    return sum(w.get(f, 0.0) for f in feats)


def classify(a, b, found, toks, extra, lex: Lexicon, crowded: bool = True):
    """(polarity, probability, forward?) for a linked pair, from the learned weights or the rules.

    `crowded`: the sentence names other actors too, so its overall tone may concern them instead."""
    weights = learned_weights()
    if weights is None:
        pol, strength, _ = score_link(toks, extra, lex)
        return pol, strength, direction(a, b, found)
    feats = polarity_features(a, b, found, toks, extra, lex)
    z = [_linear(feats, weights["polarity"][str(c)]) for c in range(3)]
    m = max(z)
    e = [math.exp(v - m) for v in z]
    probs = [v / sum(e) for v in e]
    k = max(range(3), key=lambda c: probs[c])
    pol = (NEUTRAL, SUPPORT, OPPOSE)[k]
    if k and crowded:
        # The linking words themselves must lean that way; the rest of a sentence naming several
        # actors ("…would be a massacre") says nothing about how these two stand.
        link_feats = [f for f in feats if f.split("=", 1)[0] in ("p", "pd", "x", "h", "hx", "neg", "top")]
        lean = _linear(link_feats, weights["polarity"][str(k)]) - _linear(link_feats, weights["polarity"]["0"])
        if lean < LINK_LEAN:
            return NEUTRAL, 0.0, True
    dz = _linear(direction_features(a, b, found), weights["direction"]["0"])
    return pol, probs[k] if k else 1 - probs[0], dz >= 0


def score_link(toks, extra, lex: Lexicon):
    """Rule fallback: the hand lexicon's polarity of the strongest word on the link."""
    best = (NEUTRAL, 0.0, None)
    for t in toks + [t for t in extra if t.dep_ != "neg"]:
        hand = _hand_polarity(t, lex)
        if hand is not None:
            best = (hand, 0.6, t)
            break
    if any(t.dep_ == "neg" for t in extra) and best[0] == SUPPORT:
        best = (OPPOSE, 0.5, best[2])
    return best


def _role(path_up, top) -> str:
    """How a mention attaches to the link: subject, agent, possessor, object or other."""
    chain = path_up
    if not chain:
        return "top"
    last = chain[-1]
    deps = {t.dep_ for t in chain}
    if "agent" in deps or (last.dep_ == "pobj" and last.head.dep_ == "agent"):
        return "agent"
    if len(chain) >= 2 and chain[-2].dep_ == "pobj" and last.dep_ == "agent":
        return "agent"
    if last.dep_ in SUBJECT:
        return "subject"
    if last.dep_ == "nsubjpass":
        return "patient"
    if chain[0].dep_ == "poss" and len(chain) <= 2:
        return "possessor"
    if last.dep_ in ("appos",) or (top.dep_ == "appos"):
        return "appos"
    return "other"


def direction(a, b, found) -> bool:
    """True when the stance runs from a to b."""
    pa, top, pb = found
    ra, rb = _role(pa, top), _role(pb, top)
    for src_role in ("agent", "subject", "possessor"):
        if ra == src_role and rb != src_role:
            return True
        if rb == src_role and ra != src_role:
            return False
    if ra == "patient":
        return False
    if rb == "patient":
        return True
    if ra == "top":  # "Russia, Assad's main backer": the mention heading the link holds it
        return True
    if rb == "top":
        return False
    return a.i < b.i


def pair_statements(sent, sent_index: int, lex: Lexicon, mentions: Sequence[Mention], article_id: str,
                    taken: set[tuple[str, str]], threshold: float = 0.55) -> list[Statement]:
    """Stances between pairs of actors in one sentence that no cue-based statement linked."""
    doc = sent.doc
    heads = []
    for m in mentions:
        if sent.start_char <= m.start < sent.end_char:
            h = head_of(doc, m)
            if h is not None:
                heads.append((m, h))
    if len(heads) > MAX_PAIRED_MENTIONS:
        return []  # a list of names, not a sentence relating two actors; pairing them all is quadratic
    spans = [(m.start, m.end) for m, _ in heads]
    crowded = len({m.actor_id for m, _ in heads}) > 2
    out = []
    for i in range(len(heads)):
        for j in range(i + 1, len(heads)):
            (ma, a), (mb, b) = heads[i], heads[j]
            if ma.actor_id == mb.actor_id or a.i == b.i:
                continue
            if (ma.actor_id, mb.actor_id) in taken or (mb.actor_id, ma.actor_id) in taken:
                continue
            got = _path_tokens(a, b)
            if got is None:
                continue
            found, toks, extra = got
            if len(toks) > MAX_PATH or _not_theirs(found, toks, a, b, spans):
                continue
            polarity, strength, forward = classify(a, b, found, toks, extra, lex, crowded)
            if polarity == NEUTRAL or strength < threshold:
                continue
            cue_tok = _cue_token(toks, extra, lex) or found[1]
            (ms, hs), (mt, ht) = ((ma, a), (mb, b)) if forward else ((mb, b), (ma, a))
            src = char_span(doc, *_bounds(doc, ms))
            tgt = char_span(doc, *_bounds(doc, mt))
            out.append(Statement(
                article_id=article_id, sentence_index=sent_index, cue=token_span(cue_tok),
                source=src, source_actor=ms.actor_id, target=tgt, target_actor=mt.actor_id,
                polarity=polarity, modality="negated" if any(t.dep_ == "neg" for t in extra) else "asserted",
                # Inferred from the words between two names, not from a stance cue: kept apart
                # (kind "relation") and less certain, so views can leave them out by default.
                confidence=round(min(0.6, 0.65 * strength), 2), kind="relation"))
    return out


_COORDINATION = {"conj", "cc", "appos", "compound", "punct", "nmod", "amod", "poss", "case"}


def _not_theirs(found, toks, a, b, spans) -> bool:
    """True when the link does not express a's or b's view: a verb on it has a third actor as its
    subject ("Russia and Turkey, and Iran which supports Damascus"), or the two are merely listed
    together ("Russia and Turkey")."""
    pa, top, pb = found
    if all(t.dep_ in _COORDINATION for t in pa + pb):
        return True
    for t in toks + [top]:
        for c in t.children:
            if c.dep_ in ("nsubj", "nsubjpass", "agent") and c not in (a, b):
                subj = c if c.dep_ != "agent" else next((g for g in c.children if g.dep_ == "pobj"), c)
                if subj.lower_ in ("which", "who", "that") and t.dep_ == "relcl":
                    subj = t.head  # "Iran, which supports Damascus": the relative's antecedent
                if subj in (a, b):
                    continue
                if any(s0 <= subj.idx < s1 for s0, s1 in spans) and not _covers(subj, a) and not _covers(subj, b):
                    return True
    return False


def _covers(tok, head) -> bool:
    """Is `head` part of the phrase `tok` heads (relative clauses and asides excluded)?"""
    lo, hi = phrase_range(tok)
    return lo <= head.i < hi


def _cue_token(toks, extra, lex: Lexicon):
    """The word shown as the link's cue: a stance word if one is on the path, else the first verb."""
    for t in toks + list(extra):
        if _hand_polarity(t, lex):
            return t
    return next((t for t in toks if t.pos_ in ("VERB", "NOUN", "ADJ")), None)


def _bounds(doc, m: Mention) -> tuple[int, int]:
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    return span.start, span.end
