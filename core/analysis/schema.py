"""The shape of the analysis tables: column lists, item ids, the stance matrix record, and `REJECTED`."""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from core.model import OPPOSE, POLARITIES, SUPPORT

STANCE_COLUMNS = POLARITIES  # support, oppose, neutral
REJECTED = "rejected"  # a polarity correction that removes the statement

# Matrix row groupings: a person counts under the first body of these kinds the text ties them to.
# "none" (the default) keeps every actor the text names as its own row.
GROUPINGS: dict[str, tuple[str, ...]] = {
    "none": (),
    "government": ("country",),
    "party": ("party",),
    "organisation": ("organisation", "international-organisation", "company", "media", "armed-group"),
}

TIMELINE_COLUMNS = [
    "event_id", "article_id", "title", "sentence_index", "start", "end", "sentence",
    "date_start", "date_end", "granularity", "certainty", "future", "time_text", "time_value",
    "time_start", "time_end", "actor_ids", "actors", "predicate", "modality", "stance", "corrected",
    # how an event no phrase of its sentence dates was placed (publication, reference, after) and the
    # reference phrase; every actor of the sentence (participants or not); the merged predicates
    "anchor", "anchor_text", "mentioned_ids", "mentioned", "predicates",
]
STATEMENT_COLUMNS = [
    "statement_id", "article_id", "title", "sentence_index", "sentence", "sent_start", "sent_end",
    "source_actor", "source_name", "source_text", "source_start", "source_end",
    "cue_text", "cue_start", "cue_end", "content_text", "target_text", "target_start", "target_end",
    "target_actor", "target_name", "topic", "issue_id", "issue", "target_label", "polarity", "modality", "confidence",
    "kind", "date", "corrected",
]
ARTICLE_COLUMNS = [
    "article_id", "title", "source", "published", "published_origin", "n_sentences",
    "n_events", "n_statements", "n_unresolved", "notes",
]
ACTOR_COLUMNS = [
    "actor_id", "name", "kind", "affiliation", "affiliation_name", "n_mentions",
    "n_statements", "n_articles", "hidden", "merged_from",
]
TIMEX_COLUMNS = [
    "timex_id", "article_id", "sentence_index", "start", "end", "text", "type", "value",
    "date_start", "date_end", "granularity", "certainty", "future",
]
ISSUE_COLUMNS = ["issue_id", "label", "n_statements", "n_sources", "merged_from", "renamed"]
EVIDENCE_COLUMNS = [
    "item_id", "kind", "article_id", "title", "sentence_index", "start", "end", "sentence", "highlights", "label",
]


def statement_id(article_id: str, index: int) -> str:
    return f"{article_id}:s{index}"


def event_id(article_id: str, index: int) -> str:
    return f"{article_id}:e{index}"


def split_id(item_id: str) -> tuple[str, str, int]:
    """("article id", "s" or "e", index) from a statement or event id."""
    article_id, tail = item_id.rsplit(":", 1)
    return article_id, tail[0], int(tail[1:])


def item_kind(item_id: str) -> str:
    """"statement", "event" or "timex" for an item id (what kind of thing a selection points at)."""
    tail = item_id.rsplit(":", 1)[-1][:1]
    return {"s": "statement", "e": "event", "t": "timex"}.get(tail, "")


def article_of(item_id: str) -> str:
    """The article a statement, event or timex id belongs to."""
    return item_id.rsplit(":", 1)[0]


@dataclass(frozen=True)
class StanceMatrix:
    """Actors × columns: counts, signed scores in [-1, 1], and the statements behind each cell."""

    counts: pd.DataFrame  # index: actor id; columns: stance or target labels; ints
    scores: pd.DataFrame  # same shape; support positive, oppose negative
    names: dict[str, str]  # actor id -> display name
    cells: dict[tuple[str, str], list[str]]  # (actor id, column) -> statement ids

    @property
    def is_empty(self) -> bool:
        return self.counts.empty


def signed(polarity: str) -> int:
    return 1 if polarity == SUPPORT else -1 if polarity == OPPOSE else 0


def empty_table(columns: list[str], datetimes: tuple[str, ...] = ()) -> pd.DataFrame:
    """A table with these columns and no rows (as pandas builds one from no rows: object columns)."""
    table = pd.DataFrame([], columns=columns)
    for name in datetimes:
        table[name] = pd.to_datetime(table[name])
    return table
