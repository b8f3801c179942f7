"""Builds Statement records from a parsed document: cues, then source, content, target and stance."""
from __future__ import annotations

from typing import Sequence

from core.model import NEUTRAL, OPPOSE, SUPPORT, Mention, Statement
from core.resources import word_set
from core.statements import attribution, content_stance, stance, targets
from core.statements.cues import Cue, find_cues
from core.statements.lexicon import Lexicon
from core.statements.spans import (
    char_span,
    mention_at,
    overlaps,
    phrase_range,
    token_span,
    tokens_span,
)

# Heads that can act: an action statement needs one as its source (a name, or a word like "army").
AGENT_NOUNS = word_set("agent_nouns", "stance", "words.json")
# Heads that name a figure ("the Case-Shiller home price index"): the name before them is no speaker.
MEASURE_NOUNS = word_set("measure_nouns", "stance", "words.json")


def _is_agent(tok) -> bool:
    return (tok.pos_ == "PROPN" or tok.ent_type_ in ("PERSON", "ORG", "GPE", "NORP")
            or tok.lemma_.lower() in AGENT_NOUNS or tok.lower_ in attribution.PRONOUNS)


def _names_something(tgt, topic, mentions, target_span) -> bool:
    if topic is not None:
        return True
    if tgt is None:
        return False
    if mentions and target_span is not None:
        return mention_at(mentions, target_span, tgt) is not None
    return _is_agent(tgt) and tgt.lower_ not in attribution.PRONOUNS


def _inside_other_cue(cue: Cue, cue_tokens: set[int]) -> bool:
    """ "said in a statement": the noun repeats the verb's attribution; keep the verb only."""
    if cue.form != "noun" or cue.entry.kind != "speech":
        return False
    head = cue.tok.head
    for _ in range(3):
        if head.i in cue_tokens and head != cue.tok:
            return True
        if head.head == head:
            break
        head = head.head
    return False


def _extend_split_quote(lo: int, hi: int, cue: Cue) -> tuple[int, int]:
    """ "'We are concerned,' she said, 'about escalation.'": join both halves of the quote."""
    doc, sent = cue.tok.doc, cue.tok.sent
    if hi <= cue.tok.i:
        k = cue.tok.i + 1
        while k < sent.end and doc[k].dep_ in ("nsubj", "punct") and doc[k].text not in '“"':
            k += 1
        if k < sent.end and doc[k].text in '“"' and sent.end - k > 3:
            return lo, sent.end
    return lo, hi


def statements_in_sentence(sent, sent_index: int, lex: Lexicon, mentions: Sequence[Mention],
                           article_id: str) -> list[Statement]:
    cues = find_cues(sent, lex)
    cue_tokens = {c.tok.i for c in cues if c.form == "verb"}
    out: list[Statement] = []
    for cue in cues:
        if _inside_other_cue(cue, cue_tokens):
            continue
        st = _build(cue, sent_index, lex, mentions, article_id, cues)
        if st is not None:
            out.append(st)
    return out


def _build(cue: Cue, sent_index: int, lex: Lexicon, mentions: Sequence[Mention], article_id: str,
           cues: Sequence[Cue] = ()):
    doc = cue.tok.doc
    src = attribution.source_head(cue)
    kind = cue.entry.kind
    if kind == "action" and (src is None or not _is_agent(src)):
        return None
    if src is None and (cue.form == "noun" or kind == "action" or (kind == "stance" and cue.weak)):
        return None
    source_span = None
    if src is not None:
        # "Russia, Assad's main backer": the apposition is the cue, not part of the speaker's name; nor is
        # one the parser hung on the subject from beyond the cue ("A majority of voters expect Clinton to
        # win Monday's debate, the first of …": "the first" is the debate's).
        keep_appos = not any(c.dep_ == "appos" and (c.left_edge.i <= cue.tok.i <= c.right_edge.i
                                                    or src.i < cue.tok.i < c.left_edge.i)
                             for c in src.children)
        lo, hi = phrase_range(src, keep_appos=keep_appos)
        rel = attribution.relative_pronoun(cue)
        if rel is not None and rel.head.head == src and rel.i >= hi:
            # "Iran, which backs …": the text names the speaker through the pronoun; the span runs
            # from the antecedent to the pronoun so the evidence shows both, the actor is the antecedent.
            source_span = char_span(doc, lo, rel.i + 1)
        elif (src.tag_ == "WDT" or src.lower_ in attribution.RELATIVES) and src.dep_ not in ("nsubj", "nsubjpass"):
            # A relative pronoun as subject stays the speaker's span even when the parser lost its
            # antecedent ("… Department which reported"); other relatives name no one.
            source_span = None
        else:
            holder = attribution.appositive_person(src, cue.tok)
            if holder is not None:  # the role's holder named in apposition speaks
                hi = max(hi, holder.right_edge.i + 1)
            source_span = char_span(doc, lo, hi)
    content = attribution.content_range(cue, src)
    if content is not None:
        content = _extend_split_quote(content[0], content[1], cue)
    tgt, topic = targets.resolve(cue, src, content, lex, mentions, source_span)
    content_toks = list(doc[content[0]:content[1]]) if content else []
    nested = [c.tok for c in cues if c is not cue and c.form in ("verb", "adj", "noun") and content
              and content[0] <= c.tok.i < content[1] and c.entry.kind in ("speech", "belief", "stance")]
    polarity, modality, confidence = stance.judge(cue, content_toks, tgt, topic, lex, nested)
    tgt, polarity = _stance_toward_content(cue, src, tgt, polarity, lex, mentions)
    target_span = None
    if tgt is not None:
        lo, hi = targets.target_range(tgt)
        target_span = char_span(doc, lo, hi)
        if target_span is not None and source_span is not None and \
                (target_span.start, target_span.end) == (source_span.start, source_span.end):
            target_span, tgt = None, None
    if source_span is None:
        confidence = round(max(0.1, confidence - 0.15), 2)
    if kind == "speech" and content is None and src is None:
        return None
    if kind == "action" and tgt is None:
        return None
    against = cue.prep is not None and cue.prep.lower_ == "against" and tgt is not None
    if cue.weak and not against and not _names_something(tgt, topic, mentions, target_span):
        # A stance word that is rarely an attribution needs an actor or an issue to be about:
        # keeps "Ankara fears a major offensive", drops "I want to ask you"; "against X" names it plainly.
        return None
    return Statement(
        article_id=article_id,
        sentence_index=sent_index,
        cue=tokens_span(cue.cue_toks),
        source=source_span,
        source_actor=_source_actor(mentions, source_span, attribution.appositive_person(src, cue.tok) or src),
        content=char_span(doc, content[0], content[1]) if content else None,
        target=target_span,
        target_actor=mention_at(mentions, target_span, tgt) if target_span else None,
        topic=topic,
        issue=targets.issue_key(tgt) if target_span is not None else None,
        polarity=polarity,
        modality=modality,
        confidence=confidence,
        kind=kind,
        weak_cue=cue.weak,
    )


def _source_actor(mentions: Sequence[Mention], source_span, src) -> str | None:
    """The actor a source span names; none when its head is a figure an actor's name only qualifies
    ("the Case-Shiller home price index", "the Dow Jones industrial average")."""
    actor = mention_at(mentions, source_span, src)
    if actor is not None and src is not None and src.lemma_.lower() in MEASURE_NOUNS and \
            mention_at(mentions, token_span(src), src) is None:
        return None
    return actor


def resolve_pronouns(statements: list[Statement], mentions: Sequence[Mention]) -> list[Statement]:
    """Give pronoun sources ("she", "we") the actor of the enclosing or preceding attribution."""
    if not mentions:
        return statements
    from dataclasses import replace

    out = list(statements)
    # Outer statements first, so "'We …,' she added" resolves "she" before "we".
    order = sorted(range(len(out)), key=lambda k: (out[k].sentence_index,
                                                   -((out[k].content.end - out[k].content.start) if out[k].content else 0)))
    last_actor: str | None = None
    last_sentence = -10
    for k in order:
        st = out[k]
        if st.source_actor is not None:
            last_actor, last_sentence = st.source_actor, st.sentence_index
            continue
        if st.source is None or st.source.text.lower() not in attribution.PRONOUNS:
            continue
        enclosing = [o for o in out if o is not st and o.sentence_index == st.sentence_index and o.content
                     and o.source_actor and overlaps(o.content.start, o.content.end, st.cue.start, st.cue.end)]
        actor = enclosing[0].source_actor if enclosing else None
        if actor is None and st.sentence_index - last_sentence <= 2:
            actor = last_actor
        if actor is not None:
            out[k] = replace(st, source_actor=actor, confidence=round(st.confidence * 0.9, 2))
            last_actor, last_sentence = actor, st.sentence_index
    return out


_DASHES = {"―", "—", "–", "--"}
_CLOSE = {"”", '"', "’"}
_OPEN = {"“", '"', "‘"}


def dash_quotes(doc, sent_of: dict[int, int], mentions: Sequence[Mention], article_id: str) -> list[Statement]:
    """ "“…” ― Sonya Herridge": a quote signed with a dash and a name, as in collected reactions."""
    out = []
    for tok in doc:
        if tok.i == 0 or not tok.text or tok.text[-1] not in "―—–-" or tok.text.rstrip("―—–-") not in _CLOSE | {""}:
            continue
        if tok.text.rstrip("―—–-"):  # "”―" as one token
            k = tok.i
        else:
            k = tok.i - 1
            while k >= 0 and doc[k].is_space:
                k -= 1
            if k < 0 or doc[k].text not in _CLOSE:
                continue
        j = tok.i + 1
        while j < len(doc) and doc[j].is_space and "\n" not in doc[j].text:
            j += 1
        name = []
        while j < len(doc) and len(name) < 6 and not doc[j].is_space and "\n" not in doc[j].whitespace_ \
                and (doc[j].text[:1].isupper() or doc[j].text in (".", "-") or doc[j].pos_ == "PROPN"):
            name.append(doc[j])
            j += 1
        if "\n" in (doc[j].whitespace_ if j < len(doc) else "") and j < len(doc) and doc[j].text[:1].isupper():
            name.append(doc[j])
        while name and name[-1].is_punct:
            name.pop()
        if not name or not name[0].text[:1].isupper():
            continue
        start = k - 1
        while start > 0 and k - start < 400 and doc[start].text not in _OPEN:
            start -= 1
        source = tokens_span(name)
        out.append(Statement(
            article_id=article_id, sentence_index=sent_of.get(tok.i, 0), cue=tokens_span([tok]),
            source=source, source_actor=mention_at(mentions, source, name[-1]),
            content=char_span(doc, start, k + 1), polarity="neutral", confidence=0.6, kind="speech"))
    return out


def _stance_toward_content(cue: Cue, src, tgt, polarity: str, lex: Lexicon, mentions: Sequence[Mention]):
    """(target, polarity) read from what the content names: the act a directive asks for, the actor a
    reported clause speaks of, or what a reversing noun undoes (see core.statements.content_stance)."""
    if cue.form == "verb":
        asked = content_stance.directive_object(cue.tok, lex) or content_stance.labelled(cue.tok, lex)
        if asked is not None:
            tgt, polarity = asked
        elif cue.entry.kind in ("speech", "belief"):
            found = content_stance.reported_subject(cue.tok)
            if found is not None:
                verb, subj = found
                lo, hi = phrase_range(subj, keep_appos=False)
                actor = mention_at(mentions, char_span(subj.doc, lo, hi), subj)
                speaker = mention_at(mentions, char_span(src.doc, *phrase_range(src, keep_appos=False)), src) \
                    if src is not None else None
                required = content_stance.required_act(verb, lex)
                if required is not None and mention_at(mentions, char_span(subj.doc, *phrase_range(
                        required[0], keep_appos=False)), required[0]) is None:
                    tgt, polarity = required  # "Congress should pass the bill": backs the act, not Congress
                elif actor is not None and actor != speaker:
                    tgt = subj
                    view = content_stance.predicate_view(verb, subj, lex)
                    polarity = view if view != NEUTRAL else polarity
                elif actor is None and subj.pos_ == "NOUN":
                    view = content_stance.judged_subject(verb, lex)
                    if view != NEUTRAL:  # "insists the conflict was justified": the judged thing
                        tgt, polarity = subj, view
    undone = content_stance.reversed_target(tgt)
    if undone is not None:
        tgt = undone
        polarity = {SUPPORT: OPPOSE, OPPOSE: SUPPORT}.get(polarity, polarity)
    return tgt, polarity
