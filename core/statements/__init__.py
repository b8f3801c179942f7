"""Who says, thinks, backs or opposes what: reported speech, beliefs, stances and hostile actions.

`find_statements(doc, mentions, article_id)` is the one entry point; it reads a spaCy `Doc` and
returns plain `core.model.Statement` records whose offsets index `doc.text`.
"""
from __future__ import annotations

from typing import Sequence

from core.model import Mention, Statement

__all__ = ["find_statements", "is_attribution", "nested_in_speech"]

# Kinds that corpora such as PolNeAR annotate as attributions; hostile actions are stances we add on top.
ATTRIBUTION_KINDS = frozenset({"speech", "belief", "stance"})


def find_statements(doc, mentions: Sequence[Mention] = (), article_id: str = "") -> list[Statement]:
    """Statements in `doc`, in text order; degrades to cue-word patterns when `doc` has no parse."""
    from core.statements.extract import (
        dash_quotes,
        resolve_pronouns,
        statements_in_sentence,
    )
    from core.statements.fallback import find_fallback
    from core.statements.lexicon import load
    from core.statements.pronoun_targets import resolve_target_pronouns
    from core.statements.relations import pair_statements

    lex = load()
    mentions = tuple(mentions)
    if not (doc.has_annotation("DEP") and doc.has_annotation("POS")):
        if not doc.has_annotation("SENT_START"):
            return []
        return find_fallback(doc, mentions, article_id, lex)
    out: list[Statement] = []
    sent_of: dict[int, int] = {}
    for index, sent in enumerate(doc.sents):
        found = statements_in_sentence(sent, index, lex, mentions, article_id)
        out.extend(found)
        sent_of.update((i, index) for i in range(sent.start, sent.end))
        if len(mentions) >= 2:
            taken = {(s.source_actor, s.target_actor) for s in found
                     if s.source_actor and s.target_actor and s.polarity != "neutral"}
            out.extend(pair_statements(sent, index, lex, mentions, article_id, taken))
    out.extend(dash_quotes(doc, sent_of, mentions, article_id))
    out = resolve_target_pronouns(resolve_pronouns(out, mentions), mentions, doc)
    return sorted(out, key=lambda s: (s.sentence_index, s.cue.start))


def is_attribution(statement: Statement, nested: bool = False) -> bool:
    """Is this what attribution corpora annotate: who said or thinks what, with a content span, the
    cue one the learned model trusts, and (unless `nested` is allowed) not inside another report?"""
    return statement.kind in ATTRIBUTION_KINDS and statement.content is not None and not statement.weak_cue \
        and not nested


def nested_in_speech(statements: Sequence[Statement], doc=None) -> list[bool]:
    """For each statement: is its cue inside what another statement reports someone said?

    "She said Jim Jeffrey raised concerns about …": "raised concerns" is Jeffrey's stance as she
    reports it. Such statements stay in the analysis (the matrix needs them); corpora that
    annotate only the outer attribution (PolNeAR nests 126 of 19,868) score them apart. Given the
    parsed `doc`, a second act of the same speaker ("…, adding …") is not counted as nested."""
    reported = [s for s in statements if s.kind == "speech" and s.content is not None
                and (doc is None or _reports(doc, s))]

    def within(s, o) -> bool:
        return o.content.start <= s.cue.start and s.cue.end <= o.content.end \
            and not (doc is not None and _co_predicate(doc, s.cue.start, o.cue.start))

    return [any(o is not s and within(s, o) for o in reported) for s in statements]


def _reports(doc, st: Statement) -> bool:
    """Is the outer cue a reporting verb of the lexicon ("said", "told") or "according to"? Verbs the
    learned model adds ("decided", "celebrated") and colons report nothing another cue could nest in."""
    from core.statements.lexicon import load

    span = doc.char_span(st.cue.start, st.cue.end, alignment_mode="expand")
    if not span:
        return False
    if span.text.lower() == "according to":
        return True
    lex = load()
    return any(t.pos_ in ("VERB", "AUX") and (e := lex.verb(lex.verb_lemma(t))) is not None and e.kind == "speech"
               for t in span)


# "Asked about X, she said …", "…, vowing … and suggesting …": deps that join a second act of the
# same speaker to the reporting verb, not something the speaker reports.
_SIBLING_DEPS = {"advcl", "conj"}


def _co_predicate(doc, inner_char: int, outer_char: int) -> bool:
    """Does the inner cue hang off the outer cue through adjunct or coordination links only?"""
    inner = doc.char_span(inner_char, inner_char + 1, alignment_mode="expand")
    outer = doc.char_span(outer_char, outer_char + 1, alignment_mode="expand")
    if not inner or not outer:
        return False
    tok, target = inner[0], outer[0]
    for _ in range(8):
        if tok.head == tok or tok.dep_ not in _SIBLING_DEPS:
            return False
        tok = tok.head
        if tok == target:
            return True
    return False
