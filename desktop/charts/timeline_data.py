"""Turns Analysis.timeline() rows into numpy arrays of marks (one per event and lane), Qt-free."""
from __future__ import annotations

from dataclasses import dataclass, field
from html import escape
from typing import Sequence

import numpy as np
import pandas as pd

POINT_GRANULARITIES = ("day", "time")
ANCHORED = "anchored"  # core.model.ANCHORED: the certainty of a date read from tense
NO_ACTOR = "(no actor)"
OTHER = "(other)"  # the lane key shared by every actor (or article) past the lane limit
INVOLVEMENT, FIRST_APPEARANCE = "involvement", "first"
DEFAULT_MAX_LANES = 12  # about what a reader takes in at once; the lane control changes it
DAY = 86400.0
EM_DASH = "\u2014"


@dataclass(frozen=True)
class Built:
    """The inputs of a set of marks: the dated table, the rows of it the marks' table holds, the groups
    object, the options, and each lane key's tally and first start (to rank the lanes again)."""

    source: pd.DataFrame
    rows: np.ndarray
    groups: object
    options: tuple
    tally: pd.Series
    first: pd.Series


@dataclass
class Marks:
    """Parallel arrays, one entry per drawn mark; `row` points back into `table`."""

    table: pd.DataFrame
    lanes: list[str]  # lane labels, lane 0 first (drawn at the top)
    lane_keys: list[str]  # actor ids or article ids, same order as lanes
    row: np.ndarray
    lane: np.ndarray
    x0: np.ndarray  # epoch seconds of date_start
    x1: np.ndarray  # epoch seconds of date_end (exclusive)
    is_bar: np.ndarray
    vague: np.ndarray
    future: np.ndarray
    category: np.ndarray  # modality or stance, whichever colours the marks
    folded: list[str] = field(default_factory=list)  # keys gathered in the "other" lane
    anchored: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=bool))  # placed by tense
    # how many sentences tell the mark's event (its group's size)
    count: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=int))
    # group id -> every event id of a group of several: what a click on the group's mark selects
    members: dict = field(default_factory=dict)
    # what the marks were built from, so a change that moves no mark can keep them (timeline_reuse)
    built: "Built | None" = None

    def __len__(self) -> int:
        return len(self.row)

    def event_ids(self, marks) -> list[str]:
        return list(self.table["event_id"].to_numpy()[self.row[marks]])

    def member_ids(self, i: int) -> list[str]:
        """Every event a mark stands for: its group's members, or its own event."""
        event = self.table["event_id"].iat[int(self.row[i])]
        return list(self.members.get(event, [event]))


def epoch_seconds(column: pd.Series) -> np.ndarray:
    """Epoch seconds of a datetime column, whatever its resolution; NaN for NaT."""
    values = pd.to_datetime(column)
    return ((values - pd.Timestamp("1970-01-01")) / pd.Timedelta(seconds=1)).to_numpy(dtype=float, na_value=np.nan)


def collapse_groups(table: pd.DataFrame, groups: pd.DataFrame) -> tuple[pd.DataFrame, dict, np.ndarray]:
    """One row per group of events (one real event told in several sentences or articles): its first
    member, with the participants of all members and `group_size`; group id -> member event ids; and
    the positions in `table` of the rows kept."""
    events = table["event_id"].to_numpy()
    if len(groups) == len(table) and np.array_equal(groups["event_id"].to_numpy(), events):
        # the groups of these very rows (the analysis builds both from the same events table): no join
        group_id = groups["group_id"].to_numpy()
        size = groups["group_size"].to_numpy(dtype=int)
        articles = groups["group_articles"].to_numpy(dtype=int)
    else:
        found = groups.set_index("event_id")[["group_id", "group_size", "group_articles"]].reindex(events)
        group_id = found["group_id"].to_numpy(dtype=object)
        alone = pd.isna(group_id)
        group_id[alone] = events[alone]
        size = found["group_size"].fillna(1).to_numpy(dtype=int)
        articles = found["group_articles"].fillna(1).to_numpy(dtype=int)
    kept = np.flatnonzero(events == group_id)
    rows = table.take(kept).reset_index(drop=True)
    rows["group_id"], rows["group_size"], rows["group_articles"] = group_id[kept], size[kept], articles[kept]
    members: dict = {}
    multi = np.flatnonzero(size > 1)
    if len(multi):
        ids = table["actor_ids"].to_numpy()
        union: dict = {}
        for g, e, who in zip(group_id[multi].tolist(), events[multi].tolist(), ids[multi].tolist()):
            members.setdefault(g, []).append(e)
            union.setdefault(g, {}).update(dict.fromkeys(who))
        heads = rows["group_id"].to_numpy()
        own = rows["actor_ids"].to_numpy().copy()
        for i in np.flatnonzero(rows["group_size"].to_numpy() > 1).tolist():
            own[i] = tuple(union[heads[i]])
        rows["actor_ids"] = own
    return rows, members, kept


def build_marks(table: pd.DataFrame, lanes_by: str = "actor", colour_by: str = "modality",
                names: dict[str, str] | None = None, max_lanes: int | None = None,
                order: str = INVOLVEMENT, chosen: Sequence[str] = (), groups: pd.DataFrame | None = None) -> Marks:
    """Explode events into lanes (an event with two actors shows in both lanes).

    At most `max_lanes` lanes: the most involved actors (or articles) keep theirs and the rest share one
    "other actors" lane, where an event shows once however many of them it involves. `chosen` names the
    lanes instead (everything else is "other"). `order` puts the kept lanes by involvement or by first
    appearance. With `groups` (and a lane per actor), one mark per group of events (one real event told
    in several sentences or articles) instead of one per event.
    """
    dated = table["date_start"].notna().to_numpy()
    source = table if dated.all() else table[dated].reset_index(drop=True)
    table, members, kept = source, {}, np.arange(len(source))
    if groups is not None and lanes_by == "actor" and len(table):
        table, members, kept = collapse_groups(table, groups)
    n = len(table)
    starts = epoch_seconds(table["date_start"])
    if lanes_by == "article":
        row = np.arange(n)
        flat = table["article_id"].tolist()
        titles = dict(zip(table["article_id"], table["title"]))
        label = {k: titles.get(k) or k for k in flat}
        other_word = "articles"
    else:
        ids = table["actor_ids"].tolist()
        counts = np.maximum(np.fromiter(map(len, ids), dtype=int, count=n), 1)
        row = np.repeat(np.arange(n), counts)
        flat = [a for x in ids for a in (x or (NO_ACTOR,))]
        names = names or {}
        label = {k: names.get(k, k) for k in set(flat)}
        other_word = "actors"
    tally, first = lane_tally(flat, starts[row] if len(row) else np.zeros(0))
    lane_keys, folded = rank_lanes(tally, first, label, max_lanes, order, chosen)
    key_of = np.array(flat, dtype=object)
    is_kept = np.fromiter((k not in folded for k in flat), dtype=bool, count=len(flat))
    if folded:
        # the folded keys' marks move to one "other" lane, once per event
        other_rows = np.unique(row[~is_kept])
        row = np.concatenate([row[is_kept], other_rows])
        key_of = np.concatenate([key_of[is_kept], np.full(len(other_rows), OTHER, dtype=object)])
        order_back = np.lexsort((key_of == OTHER, row))  # keep event order, "other" after its kept lanes
        row, key_of = row[order_back], key_of[order_back]
        lane_keys = lane_keys + [OTHER]
        label[OTHER] = other_label(folded, other_word)
    lane = pd.Categorical(key_of, categories=lane_keys).codes.astype(int) if len(key_of) else np.zeros(0, dtype=int)
    lanes = [label.get(k, k) for k in lane_keys]
    x0 = starts[row]
    x1 = epoch_seconds(table["date_end"])[row]
    x1 = np.where(np.isnan(x1) | (x1 <= x0), x0 + DAY, x1)
    vague = (table["certainty"].to_numpy() == "vague")[row]
    is_bar = (~table["granularity"].isin(POINT_GRANULARITIES).to_numpy())[row] | vague
    future = table["future"].to_numpy(dtype=bool)[row]
    column = "stance" if colour_by == "stance" else "modality"
    category = table[column].fillna("").astype(str).to_numpy()[row]
    marks = Marks(table, lanes, lane_keys, row, lane, x0, x1, is_bar, vague, future, category)
    marks.folded = sorted(folded, key=lambda k: label.get(k, k).casefold())
    marks.anchored = (table["certainty"].to_numpy() == ANCHORED)[row]
    marks.count = (table["group_size"].to_numpy(dtype=int) if "group_size" in table else np.ones(n, dtype=int))[row]
    marks.members = members
    marks.built = Built(source, kept, groups, (lanes_by, colour_by, max_lanes, order, tuple(chosen)), tally, first)
    return marks


def other_label(folded, word: str) -> str:
    n_other = len([k for k in folded if k != NO_ACTOR])
    return f"other {word} ({n_other})" if NO_ACTOR not in folded else f"other {word} ({n_other}) or none"


def assign_lanes(keys: Sequence[str], starts: np.ndarray, labels: dict[str, str], max_lanes: int | None,
                 order: str = INVOLVEMENT, chosen: Sequence[str] = ()) -> tuple[list[str], set[str]]:
    """(kept lane keys in order, folded keys) for one key per mark, `starts` their epoch seconds.

    Involvement is the number of marks a key has; "(no actor)" ranks after every actor. With `chosen`,
    those keys (that have marks) are kept; else the most involved, leaving the last lane to "other".
    """
    return rank_lanes(*lane_tally(keys, starts), labels, max_lanes, order, chosen)


def lane_tally(keys: Sequence[str], starts: np.ndarray) -> tuple[pd.Series, pd.Series]:
    """Per lane key: its number of marks, and its earliest start."""
    tally = pd.Series(list(keys), dtype=object).value_counts(sort=False) if len(keys) else pd.Series(dtype=int)
    first = (pd.Series(starts).groupby(pd.Series(list(keys), dtype=object)).min() if len(keys)
             else pd.Series(dtype=float))
    return tally, first


def rank_lanes(tally: pd.Series, first: pd.Series, labels, max_lanes: int | None, order: str = INVOLVEMENT,
               chosen: Sequence[str] = ()) -> tuple[list[str], set[str]]:
    """`assign_lanes` from the tallies: most marks first, ties by label."""
    count = tally.to_dict()  # a dict lookup per key, not a Series lookup: thousands of actors

    def rank(keys):
        return sorted(keys, key=lambda k: (k == NO_ACTOR, -count[k], labels.get(k, k).casefold()))

    if chosen:
        wanted = set(chosen)
        kept = [k for k in rank(count) if k in wanted]
    elif max_lanes is not None and len(count) > max(max_lanes, 1):
        n_kept = max(max_lanes, 2) - 1
        # only keys that can make the first n_kept are sorted (7,000 actors, 11 lanes): those with at
        # least the n_kept-th largest count, in the tally's order so that ties fall as a full sort's
        actors = [c for k, c in count.items() if k != NO_ACTOR]
        if len(actors) >= n_kept:
            bar = np.partition(np.array(actors, dtype=np.int64), len(actors) - n_kept)[len(actors) - n_kept]
            kept = rank([k for k, c in count.items() if c >= bar and k != NO_ACTOR])[:n_kept]
        else:
            kept = rank(count)[:n_kept]
    else:
        kept = rank(count)
    ranked = count  # every key: what is not kept is folded
    if order == FIRST_APPEARANCE:
        earliest = first.to_dict()
        kept = sorted(kept, key=lambda k: (k == NO_ACTOR, earliest.get(k, np.inf), -count[k], labels.get(k, k).casefold()))
    return kept, set(ranked) - set(kept)


def hit_test(marks: Marks, x: float, y: float, tol_x: float, tol_y: float, bar_half: float = 0.3) -> int | None:
    """Index of the mark under (x, y) in data units: points within the tolerance first, then bars."""
    if not len(marks):
        return None
    near_lane = np.abs(marks.lane - y) <= max(tol_y, 0.0)
    points = np.flatnonzero(near_lane & ~marks.is_bar & (np.abs(marks.x0 - x) <= tol_x))
    if len(points):
        d = ((marks.x0[points] - x) / max(tol_x, 1e-9)) ** 2 + ((marks.lane[points] - y) / max(tol_y, 1e-9)) ** 2
        return int(points[np.argmin(d)])
    bars = np.flatnonzero(marks.is_bar & (np.abs(marks.lane - y) <= bar_half) & (marks.x0 <= x) & (x < marks.x1))
    if len(bars):
        # the shortest bar wins: it is the most specific one under the cursor
        return int(bars[np.argmin(marks.x1[bars] - marks.x0[bars])])
    return None


ANCHOR_TEXT = {
    "publication": "no date in the sentence: placed at publication",
    "reference": "no date in the sentence: placed on the day named before it",
    "after": "planned, no date in the sentence: placed after publication",
}


def resolution_label(row) -> str:
    """What a time phrase was resolved to: "Wed 29 Aug 2018", "August 2018", "06 Aug – 26 Aug 2018"."""
    start, end = row["date_start"], row["date_end"]
    if pd.isna(start):
        return "undated"
    if row.get("anchor") == "after":
        return f"after {start - pd.Timedelta(days=1):%a %d %b %Y}"
    gran = row["granularity"]
    if gran in POINT_GRANULARITIES:
        return f"{start:%a %d %b %Y}"
    if gran == "month":
        return f"{start:%B %Y}"
    if gran == "year":
        return f"{start:%Y}"
    last = end - pd.Timedelta(days=1) if pd.notna(end) else start
    return f"{start:%d %b %Y} \u2013 {last:%d %b %Y}"


def tooltip_html(row) -> str:
    """Sentence, phrase → resolution, actors, modality: enough to judge a mark without clicking."""
    sentence = str(row["sentence"])
    if len(sentence) > 320:
        sentence = sentence[:319] + "\u2026"
    anchor = str(row.get("anchor") or "")
    if row["certainty"] == ANCHORED and anchor in ANCHOR_TEXT:
        reference = f" ({row['anchor_text']})" if anchor == "reference" and row.get("anchor_text") else ""
        head = f"{escape(ANCHOR_TEXT[anchor])}{escape(reference)} \u2192 {escape(resolution_label(row))}"
    else:
        head = f"{escape(str(row['time_text'] or '(no phrase)'))} \u2192 {escape(resolution_label(row))}"
    size = int(row.get("group_size", 1) or 1)
    lines = [
        f"<b>{head}</b>",
        f"<i>{escape(sentence)}</i>",
        f"Actors: {escape(str(row['actors']) or EM_DASH)}",
        f"Modality: {escape(str(row['modality']))}"
        + (" \u00b7 future" if row["future"] else "")
        + (f" \u00b7 certainty: {escape(str(row['certainty']))}" if row["certainty"] not in ("exact", ANCHORED) else "")
        + (f" \u00b7 stance: {escape(str(row['stance']))}" if row["stance"] else ""),
        f"<span style='color:#888'>{escape(str(row['title']))}</span>",
    ]
    if size > 1:
        articles = int(row.get("group_articles", 1) or 1)
        lines.insert(1, f"<b>Told in {size} sentences of {articles} article{'s' * (articles != 1)}</b>"
                        " \u2014 click to read them all")
    return "<div style='max-width:420px'>" + "<br>".join(lines) + "</div>"
