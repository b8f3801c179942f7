"""Sentence-level events: predicates dated by a time expression, or anchored by their tense, with their participants."""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from datetime import date
from typing import Sequence

from core.events.anchor import Placement, can_be_reference, place
from core.events.modality import clause_words, modality
from core.events.participants import participants, token_actors
from core.events.tense import ANCHORED_CLASSES, FUTURE, event_verbs, is_negated, narrates_in_present, tense_class
from core.parsed import doc_text
from core.resources import word_set
from core.model import ANCHOR_AFTER, ANCHOR_PUBLICATION, ANCHOR_REFERENCE, Event, Mention, Span, TimeExpression

# Granularities in the order a sentence's time expressions claim their verbs: when two phrases attach
# to one verb ("on Tuesday … over the weekend"), the more precise one dates it.
_PRECISION = {"time": 0, "day": 1, "week": 2, "month": 3, "season": 4, "quarter": 4, "half": 5, "year": 6,
              "period": 7, "decade": 8, "century": 9, "none": 10}
# A time expression in these positions modifies the noun above it ("the 2003 invasion", "last
# year's deal"): it dates that noun, not the clause's verb.
_NOUN_MODIFIER = ("compound", "nummod", "amod", "poss", "npadvmod", "nmod")


@dataclass
class _Item:
    """One predicate (or several merged) of a sentence on one date, before it becomes an Event."""

    key: tuple
    predicate: str
    participants: list[str]
    words: set[str]
    timex_index: int | None = None
    anchor: str = ""
    anchor_timex: int | None = None
    future: bool = False
    predicates: list[str] = field(default_factory=list)
    triggers: list[Span] = field(default_factory=list)
    position: int = 0  # where its time expression or verb starts: events are listed in text order


def governing_predicate(doc, tx: TimeExpression):
    """The verb a time expression attaches to in the dependency parse, or the noun it pre-modifies
    ("the 2003 invasion"); None without a parse."""
    span = doc.char_span(tx.start, tx.end, alignment_mode="expand")
    if span is None or not doc.has_annotation("DEP"):
        return None
    inside = range(span.start, span.end)
    token = span.root
    for _ in range(8):  # a governing verb is a few arcs up at most; guard against odd trees
        if token.pos_ in ("VERB", "AUX") and token.dep_ != "amod":
            return token
        head = token.head
        if head.i == token.i:  # the root (spaCy makes a new Token object per access: compare indices)
            return token if token.pos_ in ("VERB", "AUX", "NOUN") else None
        if token.i in inside and token.dep_ in _NOUN_MODIFIER and head.pos_ == "NOUN" and head.i not in inside \
                and not _is_setting(head):
            return head
        token = head
    return None


def _is_setting(noun) -> bool:
    """"in a Wednesday media event": the noun is where the verb above it happened, so the date is the verb's."""
    prep = noun.head
    return noun.dep_ == "pobj" and prep.i != noun.i and prep.lower_ in word_set("setting_preps", "events", "words.json") \
        and prep.head.pos_ in ("VERB", "AUX")


def _placed_timexes(timexes: Sequence[TimeExpression]) -> dict[int, list[int]]:
    """Per sentence: the indices of its time expressions that can date an event, most precise first.

    Anchored periods ("in the past six months") are events' times too; a bare duration ("for six
    months") or a set ("every year") is not a point in time, and a date inside a range ("between 2014
    and 2016") gives way to the range."""
    by_sentence: dict[int, list[int]] = {}
    for i, tx in enumerate(timexes):
        if tx.type == "SET" or (tx.interval_start is None and tx.certainty != "unresolved"):
            continue
        if any(j != i and o.start <= tx.start and tx.end <= o.end and (o.end - o.start) > (tx.end - tx.start)
               and o.interval_start is not None for j, o in enumerate(timexes) if o.sentence_index == tx.sentence_index):
            continue
        by_sentence.setdefault(tx.sentence_index, []).append(i)
    for indices in by_sentence.values():
        indices.sort(key=lambda i: (_PRECISION.get(timexes[i].granularity, 10), timexes[i].start))
    return by_sentence


def _headline_end(doc, title: str) -> int:
    """Offset where the headline ends when the text starts with the article's title, else 0."""
    text = doc_text(doc)
    stripped = len(text) - len(text.lstrip())
    if title and text[stripped:stripped + len(title)] == title:
        return stripped + len(title)
    return 0


def find_events(
    doc,
    timexes: Sequence[TimeExpression],
    mentions: Sequence[Mention],
    article_id: str = "",
    published: date | None = None,
    title: str = "",
) -> list[Event]:
    """One event per (sentence, date).

    A time expression dates the verb it attaches to. Every other verb of a parsed sentence is placed
    by its tense: past, perfect and present-tense reports on the narrative's reference day (the last
    day named before it that dates a past or reporting verb, when it lies within a week before
    publication) or else on the publication date; planned and future ones after publication; modal,
    negated, habitual and stative ones are no events. An anchored event needs a participant.
    Without a parse (the fallback pipeline), sentences with actors and no date are undated events.
    """
    parsed = doc.has_annotation("DEP")
    who = token_actors(doc, mentions)
    by_sentence = _placed_timexes(timexes)
    headline_end = _headline_end(doc, title)
    present = parsed and narrates_in_present(doc, who, headline_end)
    refs: list[tuple[int, int]] = []  # (offset, timex index): candidate reference days, text order
    events: list[Event] = []
    for s_index, sent in enumerate(doc.sents):
        mentioned = list(dict.fromkeys(who[t.i] for t in sent if t.i in who))
        items: list[_Item] = []
        governed: set[int] = set()
        for tx_index in by_sentence.get(s_index, []):
            tx = timexes[tx_index]
            pred = governing_predicate(doc, tx)
            if pred is not None and pred.i in governed:
                continue
            if pred is not None:
                governed.add(pred.i)
                words = clause_words(pred)
                lemma = pred.lemma_
                people = participants(pred, who) or mentioned
                if pred.pos_ in ("VERB", "AUX") and can_be_reference(tx) and \
                        tense_class(pred, present or pred.idx < headline_end) in ANCHORED_CLASSES:
                    bisect.insort(refs, (tx.start, tx_index))
            else:
                words = {t.lower_ for t in sent}
                lemma = _first_verb_or_word(sent)
                people = mentioned
            key = ("day", tx.interval_start) if tx.interval_start is not None and tx.granularity in ("day", "time") \
                else ("timex", tx_index)
            item = _Item(key, lemma, list(people), words, timex_index=tx_index, position=tx.start)
            item.triggers = [_trigger(pred)] if pred is not None else []
            items.append(item)
        if parsed:
            for verb in event_verbs(sent):
                if verb.i in governed or is_negated(verb):
                    continue
                kind = tense_class(verb, present or verb.idx < headline_end)
                if kind not in ANCHORED_CLASSES and kind != FUTURE:
                    continue
                people = participants(verb, who) or mentioned
                if not people:
                    continue
                anchor, ref = ANCHOR_AFTER, None
                if kind != FUTURE:
                    k = bisect.bisect_left(refs, (verb.idx, -1))
                    anchor, ref = (ANCHOR_REFERENCE, refs[k - 1][1]) if k else (ANCHOR_PUBLICATION, None)
                item = _Item((), verb.lemma_, list(people), clause_words(verb), anchor=anchor, anchor_timex=ref,
                             future=kind == FUTURE, position=verb.idx)
                item.triggers = [_trigger(verb)]
                spot = place(_as_event(item), timexes, published)
                item.key = _anchored_key(spot, anchor)
                items.append(item)
        elif not by_sentence.get(s_index) and mentioned and len(sent) > 3:
            items.append(_Item(("undated",), _first_verb_or_word(sent), mentioned, {t.lower_ for t in sent},
                               position=sent.start_char))
        end = sent.start_char + len(sent.text.rstrip())
        for item in sorted(_merge(items), key=lambda x: x.position):
            tx = timexes[item.timex_index] if item.timex_index is not None else None
            events.append(Event(
                article_id=article_id, sentence_index=s_index, start=sent.start_char, end=end,
                predicate=item.predicate, actor_ids=tuple(item.participants), timex_index=item.timex_index,
                modality=modality(item.words, tx, item.future), anchor=item.anchor,
                anchor_timex=item.anchor_timex, mentioned_ids=tuple(mentioned),
                predicates=tuple(item.predicates), triggers=tuple(item.triggers),
            ))
    return events


def _as_event(item: _Item) -> Event:
    return Event("", 0, 0, 0, item.predicate, anchor=item.anchor, anchor_timex=item.anchor_timex)


def _anchored_key(spot: Placement | None, anchor: str) -> tuple:
    if spot is None:
        return ("anchor", anchor)  # no publication date yet: one undated anchored event per kind
    return ("after",) if spot.kind == ANCHOR_AFTER else ("day", spot.start)


def _merge(items: list[_Item]) -> list[_Item]:
    """One item per date key: the first item of a key (a time expression's before anchored verbs)
    keeps its predicate, time and anchor; the others add their predicates, participants and words."""
    merged: dict[tuple, _Item] = {}
    for item in items:
        first = merged.get(item.key)
        if first is None:
            item.predicates = [item.predicate] + item.predicates
            merged[item.key] = item
            continue
        first.predicates.append(item.predicate)
        first.triggers += item.triggers
        first.participants += [a for a in item.participants if a not in first.participants]
        if first.timex_index is None:  # a dated event keeps the modality of its own clause
            first.words |= item.words
    return list(merged.values())


def _trigger(token) -> Span:
    return Span(token.idx, token.idx + len(token.text), token.text)


def _first_verb_or_word(sent) -> str:
    root = sent.root
    if root.pos_ in ("VERB", "AUX"):
        return root.lemma_
    for token in sent:
        if token.pos_ == "VERB":
            return token.lemma_
    return root.lemma_ or root.text
