"""Plain, frozen records that every analysis step produces and every view reads.

Each record carries its provenance: the article it came from, the index of its sentence in that
article, and character offsets into `Article.text` (Python `str` indices, end exclusive).
No spaCy object outlives the pipeline: these hold plain values only.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

# Polarity of a statement toward its target.
SUPPORT, OPPOSE, NEUTRAL = "support", "oppose", "neutral"
POLARITIES = (SUPPORT, OPPOSE, NEUTRAL)

# Modality of an event: what the sentence says about whether it happened.
ASSERTED, PLANNED, WARNED, HYPOTHETICAL = "asserted", "planned", "warned-of", "hypothetical"
MODALITIES = (ASSERTED, PLANNED, WARNED, HYPOTHETICAL)

# How sure a resolved time expression is.
EXACT, RELATIVE, VAGUE, UNRESOLVED = "exact", "relative", "vague", "unresolved"
CERTAINTIES = (EXACT, RELATIVE, VAGUE, UNRESOLVED)
# The certainty of an event date that no phrase of its sentence gives: placed by tense (see Event.anchor).
ANCHORED = "anchored"

# How an event without a time expression of its own is placed (Event.anchor): on the publication date,
# on the date of an earlier time expression (the narrative's reference time), or after publication.
ANCHOR_PUBLICATION, ANCHOR_REFERENCE, ANCHOR_AFTER = "publication", "reference", "after"
ANCHORS = (ANCHOR_PUBLICATION, ANCHOR_REFERENCE, ANCHOR_AFTER)


@dataclass(frozen=True)
class Span:
    """A stretch of an article's text: offsets into `Article.text` and the text itself."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Article:
    """One news article as read from a file, a page or a pasted string."""

    id: str
    title: str
    text: str
    source: str = ""
    published: date | None = None
    # Where the publication date came from: metadata, dateline, filename, sidecar, user, unknown.
    published_origin: str = "unknown"
    # ISO 639-1 code of the text's language ("" when too short to tell). Analysis is English-only:
    # an article in another language is kept with its text, title and date, and nothing is extracted.
    language: str = ""
    # Why a read page is not an article ("" when it is one): a bot check, a list of links. Kept, not analysed.
    not_article: str = ""


@dataclass(frozen=True)
class Sentence:
    article_id: str
    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Actor:
    """A canonical real-world actor; `id` is a stable slug shared across articles."""

    id: str
    name: str
    # country, organisation, international-organisation, armed-group, party, company, person,
    # media, group (generic: "rebels", "civilians"), other
    kind: str
    # For a person: the actor id of the government or body they speak for, when the text says so.
    affiliation: str | None = None
    # Every body the text ties the person to ("Republican nominee", "U.S. President"), best-evidenced first;
    # `affiliation` is the first. Grouping the matrix by government, party or organisation reads these.
    memberships: tuple[str, ...] = ()


@dataclass(frozen=True)
class Mention:
    """One place in an article that refers to an actor."""

    article_id: str
    sentence_index: int
    start: int
    end: int
    text: str
    actor_id: str
    # How the actor was named: name, surname, alias, nationality, capital, title, group, pronoun
    via: str = "name"


@dataclass(frozen=True)
class TimeExpression:
    """A time expression with its TIMEX3 normalisation and a calendar interval.

    `interval_start`/`interval_end` form [start, end) in days; both None when the expression
    cannot be placed on the calendar (a bare duration, or a relative date with no known
    publication date).
    """

    article_id: str
    sentence_index: int
    start: int
    end: int
    text: str
    type: str  # DATE, TIME, DURATION, SET
    value: str  # TIMEX3 value: 2018-08-29, 2018-W35, 2018-SU, P6M, PRESENT_REF, ...
    interval_start: date | None = None
    interval_end: date | None = None
    # day, week, month, quarter, season, half, year, decade, century, time, period, none
    granularity: str = "none"
    certainty: str = EXACT  # exact, relative, vague, unresolved
    # True when the expression points after the publication date ("next week", "in the coming hours").
    future: bool = False
    # What the tagger saw around the phrase (tense of its clause, neighbouring words, the last
    # date named before it), kept as plain strings so that setting another publication date
    # re-resolves the phrase exactly, even after the project was saved and reopened.
    context: tuple[str, ...] = ()

    @property
    def is_placed(self) -> bool:
        return self.interval_start is not None


@dataclass(frozen=True)
class Statement:
    """Who says, thinks or does what toward whom: an attribution with a stance."""

    article_id: str
    sentence_index: int
    cue: Span
    source: Span | None = None
    source_actor: str | None = None
    content: Span | None = None
    target: Span | None = None
    target_actor: str | None = None
    # A normalised topic name when the target is an event or issue ("offensive"), else None.
    topic: str | None = None
    polarity: str = NEUTRAL
    # asserted, negated, hedged, conditional
    modality: str = "asserted"
    confidence: float = 0.5
    # speech (said, told), belief (fears, thinks), stance (backs, warned against), action
    kind: str = "speech"
    # The learned cue model doubts this is an attribution as news corpora annotate one; the
    # statement stays for its stance (the matrix needs "Ankara fears …") but not in attribution sets.
    weak_cue: bool = False
    # What a non-actor target is about, as a lemma key ("bailout" for "the financial bailout plan"):
    # statements sharing it form one issue of the corpus (core.analysis.issues).
    issue: str | None = None


@dataclass(frozen=True)
class Event:
    """A sentence-level event: what happens, who takes part and, when known, when.

    One event per (sentence, date): the predicates of a sentence that fall on the same day are one
    event with the union of their participants.
    """

    article_id: str
    sentence_index: int
    start: int  # offsets of the clause or sentence that states the event
    end: int
    predicate: str  # the governing verb's lemma, or the sentence's main noun for nominal events
    # The participants: actors in the argument structure of the event's predicates (subject, object,
    # passive agent, prepositional objects), else every actor of the sentence.
    actor_ids: tuple[str, ...] = ()
    # Index into the article's list of time expressions, or None when no phrase of the sentence dates it.
    timex_index: int | None = None
    modality: str = ASSERTED
    # For an event without `timex_index`: how it is placed (ANCHORS), "" when it is not. The date is
    # worked out from the publication date whenever the tables are built, so correcting a publication
    # date moves the anchored events with it.
    anchor: str = ""
    # For anchor "reference": the index of the earlier time expression whose day the event takes.
    anchor_timex: int | None = None
    # Every actor named in the sentence, participant or not (the "mentioned" relation).
    mentioned_ids: tuple[str, ...] = ()
    # The lemmas of every predicate merged into this event, `predicate` first.
    predicates: tuple[str, ...] = ()
    # Where each of those predicates is written (the event's trigger words), in the same order.
    triggers: tuple[Span, ...] = ()


@dataclass(frozen=True)
class ArticleAnalysis:
    """Everything one analysis step found in one article."""

    article: Article
    sentences: tuple[Sentence, ...] = ()
    actors: tuple[Actor, ...] = ()
    mentions: tuple[Mention, ...] = ()
    timexes: tuple[TimeExpression, ...] = ()
    statements: tuple[Statement, ...] = ()
    events: tuple[Event, ...] = ()
    # Messages for the user about this article (e.g. "no publication date found").
    notes: tuple[str, ...] = field(default=())
