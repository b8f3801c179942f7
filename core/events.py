"""Sentence-level events: each verb that a time expression governs becomes an event with its actors and modality."""
from __future__ import annotations

import json
from functools import lru_cache
from typing import Sequence

from core.model import ASSERTED, HYPOTHETICAL, PLANNED, WARNED, Event, Mention, TimeExpression
from core.resources import resource_path


@lru_cache(maxsize=1)
def modality_cues() -> dict[str, frozenset[str]]:
    data = json.loads(resource_path("events.json").read_text(encoding="utf-8"))
    return {key: frozenset(words) for key, words in data.items() if not key.startswith("_")}


def _governing_verb(doc, tx: TimeExpression):
    """The verb a time expression attaches to in the dependency parse, or None without a parse."""
    span = doc.char_span(tx.start, tx.end, alignment_mode="expand")
    if span is None or not doc.has_annotation("DEP"):
        return None
    token = span.root
    for _ in range(8):  # a governing verb is a few arcs up at most; guard against odd trees
        if token.pos_ in ("VERB", "AUX") and token.dep_ != "amod":
            return token
        if token.head is token:
            return token if token.pos_ in ("VERB", "AUX", "NOUN") else None
        token = token.head
    return None


def _modality(words: set[str], tx: TimeExpression | None) -> str:
    cues = modality_cues()
    if words & cues["warned-of"]:
        return WARNED
    if (tx is not None and tx.future) or words & cues["planned"]:
        return PLANNED
    if words & cues["hypothetical"]:
        return HYPOTHETICAL
    return ASSERTED


@lru_cache(maxsize=1)
def reporting_verbs() -> frozenset[str]:
    """The speech verbs of the stance lexicon (say, tell, announce, …): their reported clause carries the modality."""
    from core.statements.lexicon import load

    return frozenset(entry.lemma for entry in load().verbs.values() if entry.kind == "speech")


def _clause_words(verb, depth: int = 0) -> set[str]:
    """Lemmas of the verb, its auxiliaries and its nearest ancestor; for a reporting verb
    ("said on Wednesday that forces are preparing…") also the reported clause, whose modality
    is the event's."""
    words = {verb.lemma_.lower(), verb.lower_}
    for child in verb.children:
        if child.dep_ in ("aux", "auxpass", "neg", "mark", "advmod"):
            words.update((child.lemma_.lower(), child.lower_))
        elif depth == 0 and verb.lemma_ in reporting_verbs() and child.dep_ in ("ccomp", "xcomp", "advcl") or (
            depth == 0 and child.dep_ == "xcomp"
        ):
            words |= _clause_words(child, depth + 1)
    if depth == 0 and verb.head is not verb and verb.dep_ in ("xcomp", "ccomp"):
        words.add(verb.head.lemma_.lower())
    return words


def find_events(
    doc,
    timexes: Sequence[TimeExpression],
    mentions: Sequence[Mention],
    article_id: str = "",
) -> list[Event]:
    """One event per (sentence, governing verb) of each placed time expression; other sentences with actors become undated events."""
    sentences = list(doc.sents)
    by_sentence: dict[int, list[int]] = {}
    for i, tx in enumerate(timexes):
        # Anchored periods ("in the past six months") are events' times too; a bare duration
        # ("for six months") or a set ("every year") is not a point in time.
        if tx.type != "SET" and (tx.interval_start is not None or tx.certainty == "unresolved"):
            by_sentence.setdefault(tx.sentence_index, []).append(i)
    actors_in: dict[int, list[str]] = {}
    for m in mentions:
        ids = actors_in.setdefault(m.sentence_index, [])
        if m.actor_id not in ids:
            ids.append(m.actor_id)

    events: list[Event] = []
    for s_index, sent in enumerate(sentences):
        actor_ids = tuple(actors_in.get(s_index, ()))
        timex_indices = by_sentence.get(s_index, [])
        used_verbs: set[int] = set()
        for tx_index in timex_indices:
            tx = timexes[tx_index]
            verb = _governing_verb(doc, tx)
            if verb is not None and verb.i in used_verbs:
                continue
            if verb is not None:
                used_verbs.add(verb.i)
                words = _clause_words(verb)
                predicate = verb.lemma_
            else:
                words = {t.lower_ for t in sent}
                predicate = _first_verb_or_word(sent)
            events.append(
                Event(
                    article_id=article_id,
                    sentence_index=s_index,
                    start=sent.start_char,
                    end=sent.start_char + len(sent.text.rstrip()),
                    predicate=predicate,
                    actor_ids=actor_ids,
                    timex_index=tx_index,
                    modality=_modality(words, tx),
                )
            )
        if not timex_indices and actor_ids and len(sent) > 3:
            words = {t.lemma_.lower() or t.lower_ for t in sent}
            events.append(
                Event(
                    article_id=article_id,
                    sentence_index=s_index,
                    start=sent.start_char,
                    end=sent.start_char + len(sent.text.rstrip()),
                    predicate=_first_verb_or_word(sent),
                    actor_ids=actor_ids,
                    timex_index=None,
                    modality=_modality(words, None),
                )
            )
    return events


def _first_verb_or_word(sent) -> str:
    root = sent.root
    if root.pos_ in ("VERB", "AUX"):
        return root.lemma_
    for token in sent:
        if token.pos_ == "VERB":
            return token.lemma_
    return root.lemma_ or root.text
