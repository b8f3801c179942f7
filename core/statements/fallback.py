"""Cue-word patterns ("X said", "…, said X", "according to X") for documents without a parse."""
from __future__ import annotations

from typing import Sequence

from core.model import NEUTRAL, OPPOSE, SUPPORT, Mention, Statement
from core.resources import word_set
from core.statements.lexicon import Lexicon
from core.statements.spans import char_span, mention_at
from core.statements.targets import issue_key_of_text

_SKIP_BEFORE = {"also", "has", "had", "have", "later", "earlier", "again", "repeatedly", "previously",
                "publicly", "then", "now", "recently", "once", "reportedly", "allegedly", "had", "is", "was"}
_NEG = {"not", "n't", "never", "no"}
_STOP = {"that", "which", "who", "and", "but", "or", "because", "if", "when", "while", "as"}
_QUOTES = set('"“”‘’\'')
_PRONOUNS = word_set("subject_pronouns", "stance", "words.json")
# Words before a cue form that make it a noun, not a verb: "an attack", "the support".
_NOUN_LEFT = {"a", "an", "the", "its", "his", "her", "their", "our", "my", "your", "this", "that", "any",
              "potential", "possible", "new", "of", "for", "and", "or", "no"}


def _is_word(tok) -> bool:
    return not (tok.is_punct or tok.is_space or tok.text in _QUOTES)


def _source_before(doc, k: int, lo: int, forms: dict) -> tuple[int, int] | None:
    """Noun phrase ending just before token k: a name, a pronoun, or "the/a … noun"."""
    j = k
    while j > lo and doc[j - 1].lower_ in _SKIP_BEFORE:
        j -= 1
    if j > lo and doc[j - 1].lower_ in _PRONOUNS:
        return j - 1, j
    if j > lo and doc[j - 1].text == ",":
        return _opening_phrase(doc, lo, j - 1)
    i = j
    while i > lo and j - i < 6 and _is_word(doc[i - 1]) and doc[i - 1].lower_ not in _STOP \
            and doc[i - 1].lower_ not in forms:
        i -= 1
    if i == j:
        return None
    # Start at the first capitalised word, determiner or pronoun so "forces are preparing X, Y said"
    # does not swallow the clause before the speaker.
    for s in range(i, j):
        t = doc[s]
        if t.text[:1].isupper() or t.lower_ in ("the", "a", "an", "he", "she", "they", "we", "it", "i"):
            return s, j
    return None


def _opening_phrase(doc, lo: int, comma: int) -> tuple[int, int] | None:
    """ "Turkey, which borders Idlib, has warned": the short phrase before the sentence's first comma."""
    first = next((t.i for t in doc[lo:comma + 1] if t.text == ","), None)
    if first is None or first - lo > 6 or first == lo or not doc[lo].text[:1].isupper():
        return None
    return lo, first


def _source_after(doc, k: int, hi: int) -> tuple[int, int] | None:
    """ "…, said the official." — only when a name or determiner follows and the phrase ends the clause."""
    i = k + 1
    if i >= hi or not (doc[i].text[:1].isupper() or doc[i].lower_ in ("the", "a", "an") or doc[i].lower_ in _PRONOUNS):
        return None
    j = i
    while j < hi and j - i < 8 and _is_word(doc[j]):
        j += 1
    return (i, j) if j > i else None


def _topic(doc, lo: int, hi: int, lex: Lexicon) -> tuple[int, str] | None:
    for t in doc[lo:hi]:
        low = t.lower_
        for key in (low, low[:-1] if low.endswith("s") else low):
            if key in lex.topic_nouns:
                return t.i, lex.topic_nouns[key]
    return None


def _polarity(entry_pol: str, doc, lo: int, hi: int, lex: Lexicon) -> str:
    if entry_pol != NEUTRAL:
        return entry_pol
    words = {t.lower_ for t in doc[lo:hi]}
    if words & lex.words("negative_content"):
        return OPPOSE
    return NEUTRAL


def find_fallback(doc, mentions: Sequence[Mention], article_id: str, lex: Lexicon) -> list[Statement]:
    out: list[Statement] = []
    fillers = {tuple(p) for p in lex.modality.get("filler", ())}
    for si, sent in enumerate(doc.sents):
        lo, hi = sent.start, sent.end
        k = lo
        while k < hi:
            tok = doc[k]
            low = tok.lower_
            cue_end = k + 1
            entry = None
            if low == "according" and k + 1 < hi and doc[k + 1].lower_ == "to":
                cue_end = k + 2
                src = _source_after(doc, k + 1, hi)
                content = (lo, k) if k - lo > hi - (src[1] if src else k + 2) else ((src[1] if src else k + 2), hi)
                pol, kind = NEUTRAL, "speech"
            else:
                lemma = lex.verb_forms.get(low)
                if lemma is None or (k > lo and (doc[k - 1].lower_, low) in fillers) \
                        or (k > lo and (tok.text[:1].isupper() or doc[k - 1].lower_ in _NOUN_LEFT)):
                    k += 1
                    continue
                prep = doc[k + 1].lower_ if k + 1 < hi else ""
                entry = lex.verb(lemma, prep)
                if entry is not None:
                    cue_end = k + 2
                else:
                    entry = lex.verb(lemma)
                if entry is None or entry.kind == "action" or (entry.needs != "any" and entry.kind == "speech" and lemma not in ("add", "warn", "tell", "state", "claim", "note", "report", "write", "insist", "argue")):
                    k += 1
                    continue
                inverted = k > lo and (doc[k - 1].text in _QUOTES or doc[k - 1].text == ",")
                src = _source_after(doc, k, hi) if inverted else None
                if src is None:
                    inverted = False
                    src = _source_before(doc, k, lo, lex.verb_forms)
                if src is None and not inverted:
                    src = None
                if inverted or (src is None and k > lo + 3):
                    content = (lo, k - 1 if inverted else k)
                else:
                    start = cue_end + (1 if cue_end < hi and doc[cue_end].lower_ == "that" else 0)
                    content = (start, hi)
                    # "the source said" after a fronted clause: content is the text before the speaker.
                    if src is not None and src[0] > lo + 2 and doc[src[0] - 1].text in _QUOTES | {","}:
                        content = (lo, src[0] - 1)
                pol, kind = entry.polarity, entry.kind
            if src is None and content[1] - content[0] < 3:
                k += 1
                continue
            neg = any(doc[j].lower_ in _NEG for j in range(max(lo, k - 2), k))
            c_lo, c_hi = content
            topic = _topic(doc, c_lo, c_hi, lex) if c_hi > c_lo else None
            polarity = _polarity(pol, doc, c_lo, c_hi, lex)
            modality = "negated" if neg else "asserted"
            if neg:
                polarity = {SUPPORT: OPPOSE, OPPOSE: NEUTRAL}.get(polarity, NEUTRAL)
            source = char_span(doc, *src) if src else None
            if topic is not None:
                t = topic[0]
                target = char_span(doc, t, t + 1)
            elif entry is not None and entry.kind == "stance" and c_hi > c_lo:
                end = c_lo
                while end < c_hi and end - c_lo < 6 and _is_word(doc[end]):
                    end += 1
                target = char_span(doc, c_lo, end)
            else:
                target = None
            out.append(Statement(
                article_id=article_id, sentence_index=si, cue=char_span(doc, k, cue_end),
                source=source, source_actor=mention_at(mentions, source),
                content=char_span(doc, c_lo, c_hi) if c_hi > c_lo else None,
                target=target, target_actor=mention_at(mentions, target),
                topic=topic[1] if topic else None, polarity=polarity, modality=modality,
                issue=issue_key_of_text(target.text) if target is not None else None,
                confidence=0.4 if source else 0.25, kind=kind,
            ))
            k = cue_end
    return out
