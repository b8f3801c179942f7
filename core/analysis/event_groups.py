"""One item per real event: events of several sentences or articles with a shared predicate, participant and a compatible time."""
from __future__ import annotations

import json
from collections import defaultdict
from functools import lru_cache

import numpy as np
import pandas as pd

from core.model import ANCHORED
from core.resources import resource_path

GROUP_COLUMNS = ["event_id", "group_id", "group_size", "group_articles"]
# An anchored event happened on or shortly before its day (the publication date or the narrative's
# reference day): a dated report of the same event may lie up to this many days earlier ("yesterday").
# Daily updates report a new attack every day: wider windows joined different events on the dev corpora.
ANCHOR_SLACK_DAYS = 2
# Two anchored events (both placed by tense) are one event only on the same day.
ANCHORED_PAIR_DAYS = 0
_DAY = 86400


# A participant in more than this share of the dated events (and at least UBIQUITOUS_MIN of them) is what
# the corpus is about ("Trump" in an election corpus): sharing it alone does not tie two uncertain events.
UBIQUITOUS_SHARE, UBIQUITOUS_MIN = 0.05, 10


@lru_cache(maxsize=1)
def predicate_classes() -> dict[str, str]:
    """Lemma -> the name of its synonym group (its first lemma), for the predicates events merge on."""
    data = json.loads(resource_path("events", "predicates.json").read_text(encoding="utf-8"))
    return {lemma: group[0] for group in data["groups"] for lemma in group}


def _keys(predicates: str) -> set[str]:
    """The predicate classes an event can be merged on."""
    classes = predicate_classes()
    return {classes[lemma] for lemma in (x.strip().lower() for x in predicates.split(";")) if lemma in classes}


def _compatible(a: int, b: int, start: np.ndarray, end: np.ndarray, day_level: np.ndarray,
                anchored: np.ndarray, actors: list, common: set, article: np.ndarray, first: np.ndarray) -> bool:
    """Whether two events can be one happening: the same day or period; or, for an event placed by
    tense, the same day as another anchored one or a dated day at most ANCHOR_SLACK_DAYS before it,
    with a shared participant the corpus is not all about (or two shared participants). Two anchored
    events of one article are one only when one is its first sentence (a headline and its lead): an
    article narrates distinct happenings with the same verbs."""
    if anchored[a] and anchored[b] and article[a] == article[b] and not (first[a] or first[b]):
        return False
    if anchored[a] or anchored[b]:
        shared = set(actors[a]) & set(actors[b])
        if len(shared) < 2 and not shared - common:
            return False
    if anchored[a] and anchored[b]:
        return abs(start[a] - start[b]) <= ANCHORED_PAIR_DAYS * _DAY
    if anchored[a] or anchored[b]:
        fixed, moving = (b, a) if anchored[a] else (a, b)
        if not day_level[fixed]:
            return False
        lag = start[moving] - start[fixed]
        return 0 <= lag <= ANCHOR_SLACK_DAYS * _DAY
    if day_level[a] != day_level[b]:
        return False
    if day_level[a]:
        return start[a] == start[b]
    return start[a] == start[b] and end[a] == end[b]


def event_groups(events: pd.DataFrame) -> pd.DataFrame:
    """For every dated event of `events` (the events table): the group it belongs to (the event id of
    its earliest member), the group's size and how many articles report it. Events sharing a predicate
    class and a participant at compatible times are one group; groups are joined transitively."""
    rows = events[events["date_start"].notna()]
    n = len(rows)
    if not n:
        return pd.DataFrame({name: pd.Series(dtype=object if name in ("event_id", "group_id") else np.int64)
                             for name in GROUP_COLUMNS})
    start = ((rows["date_start"] - pd.Timestamp("1970-01-01")) // pd.Timedelta(seconds=1)).to_numpy(np.int64)
    end = ((rows["date_end"].fillna(rows["date_start"]) - pd.Timestamp("1970-01-01"))
           // pd.Timedelta(seconds=1)).to_numpy(np.int64)
    granularity = rows["granularity"].astype(str).to_numpy()
    certainty = rows["certainty"].astype(str).to_numpy()
    day_level = np.isin(granularity, ("day", "time")) & (certainty != "vague")
    anchored = certainty == ANCHORED
    usable = day_level | ((certainty != "vague") & (end - start <= 400 * _DAY))  # not "in recent years"
    article = rows["article_id"].to_numpy()
    first = rows["sentence_index"].to_numpy() == 0
    actors = rows["actor_ids"].to_numpy()
    # the predicate classes per distinct predicates string: a corpus repeats the same few thousand
    codes, uniques = pd.factorize(rows["predicates"].astype(str))
    keys_of = [_keys(p) for p in uniques]
    has_key = np.fromiter((bool(keys_of[c]) for c in codes), dtype=bool, count=n) if n else np.zeros(0, dtype=bool)
    buckets: dict[tuple[str, str], list[int]] = defaultdict(list)
    for k in np.flatnonzero(has_key & usable).tolist():
        for key in keys_of[codes[k]]:
            for actor in actors[k]:
                buckets[(key, actor)].append(k)
    buckets = {key: members for key, members in buckets.items() if len(members) > 1}
    ids = rows["event_id"].to_numpy()
    if not buckets:  # nothing to merge: every event is its own group
        ones = np.ones(n, dtype=np.int64)
        return pd.DataFrame({"event_id": ids, "group_id": ids, "group_size": ones, "group_articles": ones})
    counts = rows["actor_ids"].map(lambda x: tuple(set(x))).explode().value_counts()
    common = set(counts.index[counts >= max(UBIQUITOUS_MIN, UBIQUITOUS_SHARE * n)])
    parent = np.arange(n)

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    reach = (ANCHOR_SLACK_DAYS + ANCHORED_PAIR_DAYS) * _DAY
    for members in buckets.values():
        members.sort(key=start.__getitem__)
        for x, a in enumerate(members):
            for b in members[x + 1:]:
                # sorted by start: a period matches only periods starting with it, a day only days within reach
                if start[b] - start[a] > (reach if day_level[a] or anchored[a] else 0):
                    break
                if root(a) != root(b) and _compatible(a, b, start, end, day_level, anchored, actors, common, article, first):
                    parent[root(b)] = root(a)
    roots = np.arange(n)
    for i in {i for members in buckets.values() for i in members}:
        roots[i] = root(i)  # only events in a bucket can have joined another
    # the earliest member (then the first in table order) names a group
    order = np.lexsort((np.arange(n), start, roots))
    first_at = np.r_[True, roots[order][1:] != roots[order][:-1]]
    name = np.empty(n, dtype=np.int64)
    name[roots[order][first_at]] = order[first_at]
    uniq, inverse, sizes = np.unique(roots, return_inverse=True, return_counts=True)
    article_codes, _ = pd.factorize(rows["article_id"])
    pairs = np.unique(np.stack([inverse, article_codes]), axis=1) if n else np.zeros((2, 0), dtype=np.int64)
    articles = np.bincount(pairs[0], minlength=len(uniq))
    return pd.DataFrame({"event_id": ids, "group_id": ids[name[roots]], "group_size": sizes[inverse].astype(np.int64),
                         "group_articles": articles[inverse].astype(np.int64)})


def with_groups(table: pd.DataFrame, groups: pd.DataFrame) -> pd.DataFrame:
    """`table` (rows of the events table) with its events' group columns; an event outside every group
    (an undated one) is a group of its own."""
    out = table.merge(groups, on="event_id", how="left", validate="one_to_one")
    alone = out["group_id"].isna()
    out["group_id"] = out["group_id"].where(~alone, out["event_id"])
    for name in ("group_size", "group_articles"):
        out[name] = out[name].fillna(1).astype(np.int64)
    return out
