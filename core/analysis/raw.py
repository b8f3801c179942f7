"""The correction-free layer of the tables: each article's rows (raw actor ids, raw polarities, resolved
times) built once per article result and concatenated once per article set, for `core.analysis.tables`."""
from __future__ import annotations

from collections import Counter, OrderedDict
from dataclasses import replace
from datetime import date
from itertools import chain
from typing import Mapping

import numpy as np

from core.analysis.name_joins import name_merges
from core.events.anchor import place
from core.model import ANCHORED, Actor, ArticleAnalysis

NAT = np.iinfo(np.int64).min  # datetime64 NaT as an int64
_EPOCH = date(1970, 1, 1).toordinal()
_BLOCK_VERSIONS = 2  # per article: the current result and the one before (undo of a date fix)
_CONCAT_VERSIONS = 3
_FIXED_RESULTS = 512

EVENT_INT = ("sentence_index", "start", "end", "date_start", "date_end", "time_start", "time_end")
EVENT_BOOL = ("future", "placed", "has_time")
EVENT_OBJ = ("event_id", "sentence", "granularity", "certainty", "time_text", "time_value", "raw_actors",
             "predicate", "modality", "anchor", "anchor_text", "raw_mentioned", "predicates")
STATEMENT_INT = ("sentence_index", "sent_start", "sent_end", "source_start", "source_end", "cue_start",
                 "cue_end", "target_start", "target_end", "date")
STATEMENT_BOOL = ("has_source", "has_target")
STATEMENT_OBJ = ("statement_id", "sentence", "raw_source", "source_text", "cue_text", "content_text",
                 "target_text", "raw_target", "topic", "topic_label", "issue", "polarity", "modality", "confidence",
                 "kind")


# what a publication date changes, and the memos (see core.analysis.columns, events_table) that do not depend on it
EVENT_TIMED = ("date_start", "date_end", "granularity", "certainty", "future", "time_text", "time_value",
               "time_start", "time_end", "has_time", "placed", "anchor", "anchor_text")
STATEMENT_TIMED = ("date",)
_SHAPE_MEMO = ("tuples_with", "event_actors", "events_static", "events_last", "none:topic_label", "issue_codes", "issue_labels",
               "statements_static")


def seconds(day: date | None) -> int:
    """A day as datetime64[s] ticks (what `pd.Timestamp(day)` holds), NAT for None."""
    return (day.toordinal() - _EPOCH) * 86400 if day is not None else NAT


def _arrays(columns: dict[str, list], ints, bools, objs) -> dict[str, np.ndarray]:
    out = {}
    for name in ints:
        out[name] = np.array(columns[name], dtype=np.int64)
    for name in bools:
        out[name] = np.array(columns[name], dtype=bool)
    for name in objs:
        values = columns[name]
        out[name] = np.fromiter(values, dtype=object, count=len(values))
    return out


class Block:
    """One article's correction-free rows, as numpy columns."""

    __slots__ = ("result", "events", "statements", "mentions", "mention_articles", "own_mentions", "_timex_rows")

    def __init__(self, result: ArticleAnalysis, events, statements, mentions, mention_articles):
        self.result = result
        self.events = events
        self.statements = statements
        self.mentions = mentions
        self.mention_articles = mention_articles
        # every mention names this article (what removing articles from a set relies on)
        self.own_mentions = all(seen <= {result.article.id} for seen in mention_articles.values())
        self._timex_rows: list[dict] | None = None

    def timex_rows(self) -> list[dict]:
        if self._timex_rows is None:
            import pandas as pd

            def ts(day):
                return pd.Timestamp(day) if day is not None else pd.NaT

            self._timex_rows = [{
                "timex_id": f"{t.article_id}:t{i}", "article_id": t.article_id,
                "sentence_index": t.sentence_index, "start": t.start, "end": t.end, "text": t.text,
                "type": t.type, "value": t.value, "date_start": ts(t.interval_start),
                "date_end": ts(t.interval_end), "granularity": t.granularity,
                "certainty": t.certainty, "future": t.future,
            } for i, t in enumerate(self.result.timexes)]
        return self._timex_rows


def article_block(result: ArticleAnalysis) -> Block:
    """Walk one article once: its events, statements and mentions, before any correction."""
    a = result.article
    sentences = result.sentences
    ev: dict[str, list] = {name: [] for name in EVENT_INT + EVENT_BOOL + EVENT_OBJ}
    for i, e in enumerate(result.events):
        tx = result.timexes[e.timex_index] if e.timex_index is not None else None
        # an event no phrase of its sentence dates: its anchor's day for the current publication date
        spot = place(e, result.timexes, a.published) if tx is None else None
        sent = sentences[e.sentence_index] if e.sentence_index < len(sentences) else None
        ev["event_id"].append(f"{a.id}:e{i}")
        ev["sentence_index"].append(e.sentence_index)
        ev["start"].append(e.start)
        ev["end"].append(e.end)
        ev["sentence"].append(sent.text if sent else "")
        if spot is not None:
            ev["placed"].append(True)
            ev["date_start"].append(seconds(spot.start))
            ev["date_end"].append(seconds(spot.end))
            ev["granularity"].append("day")
            ev["certainty"].append(ANCHORED)
            ev["future"].append(spot.future)
            ev["time_value"].append(spot.start.isoformat())
            ev["anchor"].append(spot.kind)
            ev["anchor_text"].append(spot.text)
        else:
            placed = tx is not None and tx.interval_start is not None
            ev["placed"].append(placed)
            ev["date_start"].append(seconds(tx.interval_start) if placed else NAT)
            ev["date_end"].append(seconds(tx.interval_end) if placed else NAT)
            ev["granularity"].append(tx.granularity if tx else "none")
            ev["certainty"].append(tx.certainty if tx else "unresolved")
            ev["future"].append(bool(tx.future) if tx else False)
            ev["time_value"].append(tx.value if tx else "")
            ev["anchor"].append("" if tx else e.anchor)
            ev["anchor_text"].append("")
        ev["time_text"].append(tx.text if tx else "")
        ev["has_time"].append(tx is not None)
        ev["time_start"].append(tx.start if tx else 0)
        ev["time_end"].append(tx.end if tx else 0)
        ev["raw_actors"].append(tuple(e.actor_ids))
        # projects saved before participants were told apart listed every actor of the sentence
        ev["raw_mentioned"].append(tuple(e.mentioned_ids or e.actor_ids))
        ev["predicate"].append(e.predicate)
        ev["predicates"].append(";".join(e.predicates or (e.predicate,)))
        ev["modality"].append(e.modality)
    st: dict[str, list] = {name: [] for name in STATEMENT_INT + STATEMENT_BOOL + STATEMENT_OBJ}
    day = seconds(a.published)
    for i, s in enumerate(result.statements):
        sent = sentences[s.sentence_index] if s.sentence_index < len(sentences) else None
        st["statement_id"].append(f"{a.id}:s{i}")
        st["sentence_index"].append(s.sentence_index)
        st["sentence"].append(sent.text if sent else "")
        st["sent_start"].append(sent.start if sent else s.cue.start)
        st["sent_end"].append(sent.end if sent else s.cue.end)
        st["raw_source"].append(s.source_actor)
        st["source_text"].append(s.source.text if s.source else "")
        st["has_source"].append(s.source is not None)
        st["source_start"].append(s.source.start if s.source else 0)
        st["source_end"].append(s.source.end if s.source else 0)
        st["cue_text"].append(s.cue.text)
        st["cue_start"].append(s.cue.start)
        st["cue_end"].append(s.cue.end)
        st["content_text"].append(s.content.text if s.content else "")
        st["target_text"].append(s.target.text if s.target else "")
        st["has_target"].append(s.target is not None)
        st["target_start"].append(s.target.start if s.target else 0)
        st["target_end"].append(s.target.end if s.target else 0)
        st["raw_target"].append(s.target_actor)
        st["topic"].append(s.topic)
        st["topic_label"].append(str(s.topic) if s.topic else None)
        st["issue"].append(s.issue if s.target is not None and s.target_actor is None else None)
        st["polarity"].append(s.polarity)
        st["modality"].append(s.modality)
        st["confidence"].append(s.confidence)
        st["kind"].append(s.kind)
        st["date"].append(day)
    mentions: Counter[str] = Counter()
    mention_articles: dict[str, set[str]] = {}
    for m in result.mentions:
        mentions[m.actor_id] += 1
        mention_articles.setdefault(m.actor_id, set()).add(m.article_id)
    events = _arrays(ev, EVENT_INT, EVENT_BOOL, EVENT_OBJ)
    statements = _arrays(st, STATEMENT_INT, STATEMENT_BOOL, STATEMENT_OBJ)
    return Block(result, events, statements, mentions, mention_articles)


def _factorize(values: np.ndarray) -> tuple[np.ndarray, list]:
    """Codes and first-seen uniques of hashable objects (None included as a value)."""
    index: dict = {}
    codes = np.fromiter((index.setdefault(v, len(index)) for v in values), dtype=np.int64, count=len(values))
    return codes, list(index)


def _same_shape(a: Block, b: Block) -> bool:
    """Blocks that differ at most in what a publication date changes (times, dates, notes)."""
    if a is b:
        return True
    ra, rb = a.result, b.result
    return (ra.events is rb.events and ra.statements is rb.statements and ra.mentions is rb.mentions
            and ra.sentences is rb.sentences and ra.article.id == rb.article.id
            and ra.article.title == rb.article.title)


class RawTables:
    """Every article's blocks of the current article set, concatenated (article order, item order).

    Built from the previous concatenation when only publication dates differ: the ids, actor codes and
    memos carry over and only the time columns of the changed articles are rewritten."""

    def __init__(self, blocks: list[Block], prev: "RawTables | None" = None):
        self.blocks = blocks
        self.results = [b.result for b in blocks]
        self.aids = [r.article.id for r in self.results]
        self.memo: dict[str, object] = {}
        # (the previous concatenation's time column, the rows whose times differ from it) when shared
        self.parent: tuple[np.ndarray, np.ndarray] | None = None
        if prev is not None and prev.aids == self.aids and all(map(_same_shape, blocks, prev.blocks)):
            self._share(prev)
            return
        keep = _kept(blocks, prev.blocks) if prev is not None and len(blocks) < len(prev.blocks) else None
        if keep is not None:
            self._subset(prev, keep)  # type: ignore[arg-type]
            return
        self.position = {aid: k for k, aid in enumerate(self.aids)}
        aids = np.fromiter(self.aids, dtype=object, count=len(self.aids))
        titles = np.fromiter((r.article.title for r in self.results), dtype=object, count=len(self.aids))
        order = sorted(range(len(self.aids)), key=self.aids.__getitem__)
        self.article_rank = np.empty(len(self.aids), dtype=np.int64)
        self.article_rank[order] = np.arange(len(self.aids))
        self.events, self.ev_offset, self.ev_article = self._concat(
            [b.events for b in blocks], (EVENT_INT, EVENT_BOOL, EVENT_OBJ))
        self.statements, self.st_offset, self.st_article = self._concat(
            [b.statements for b in blocks], (STATEMENT_INT, STATEMENT_BOOL, STATEMENT_OBJ))
        for table, rows in ((self.events, self.ev_article), (self.statements, self.st_article)):
            table["article_id"] = aids[rows]
            table["title"] = titles[rows]
        # participants and mentioned actors share one list of unique actor tuples (mapped once per state)
        n_events = len(self.events["raw_actors"])
        codes, self.tuples = _factorize(np.concatenate([self.events["raw_actors"], self.events["raw_mentioned"]]))
        self.ev_tuple, self.ev_mentioned = codes[:n_events], codes[n_events:]
        self.st_source, self.sources = _factorize(self.statements["raw_source"])
        self.st_target, self.targets = _factorize(self.statements["raw_target"])
        self.mentions: Counter[str] = Counter()
        self.mention_articles: dict[str, set[str]] = {}
        for b in blocks:
            self.mentions.update(b.mentions)
            for actor_id, seen in b.mention_articles.items():
                self.mention_articles.setdefault(actor_id, set()).update(seen)

    def _subset(self, prev: "RawTables", keep: np.ndarray) -> None:
        """Articles removed: select the remaining rows; actor codes and their memos stay valid."""
        self.position = {aid: k for k, aid in enumerate(self.aids)}
        order = sorted(range(len(self.aids)), key=self.aids.__getitem__)
        self.article_rank = np.empty(len(self.aids), dtype=np.int64)
        self.article_rank[order] = np.arange(len(self.aids))
        for table, offset_name, article_name in (("events", "ev_offset", "ev_article"),
                                                 ("statements", "st_offset", "st_article")):
            rows = keep[getattr(prev, article_name)]
            setattr(self, table, {name: values[rows] for name, values in getattr(prev, table).items()})
            counts = np.diff(getattr(prev, offset_name))[keep]
            offset = np.zeros(len(counts) + 1, dtype=np.int64)
            np.cumsum(counts, out=offset[1:])
            setattr(self, offset_name, offset)
            setattr(self, article_name, np.repeat(np.arange(len(counts)), counts))
            static = prev.memo.get(f"{table}_static")
            if static is not None:
                self.memo[f"{table}_static"] = {name: values[rows] for name, values in static.items()}  # type: ignore[attr-defined]
            if table == "events":
                self.ev_tuple, self.ev_mentioned = prev.ev_tuple[rows], prev.ev_mentioned[rows]
            else:
                self.st_source, self.st_target = prev.st_source[rows], prev.st_target[rows]
        self.tuples, self.sources, self.targets = prev.tuples, prev.sources, prev.targets
        removed = [b for b, kept in zip(prev.blocks, keep) if not kept]
        mentions = Counter(prev.mentions)
        for b in removed:
            mentions.subtract(b.mentions)
        self.mentions = +mentions
        if all(b.own_mentions for b in self.blocks):
            gone = {b.result.article.id for b in removed}
            self.mention_articles = {x: left for x, seen in prev.mention_articles.items() if (left := seen - gone)}
        else:
            self.mention_articles = {}
            for b in self.blocks:
                for actor_id, seen in b.mention_articles.items():
                    self.mention_articles.setdefault(actor_id, set()).update(seen)
        self.memo.update((key, prev.memo[key]) for key in ("tuples_with", "event_actors") if key in prev.memo)

    def _share(self, prev: "RawTables") -> None:
        for name in ("position", "article_rank", "ev_offset", "ev_article", "st_offset", "st_article", "ev_tuple",
                     "ev_mentioned", "tuples", "st_source", "sources", "st_target", "targets", "mentions", "mention_articles"):
            setattr(self, name, getattr(prev, name))
        changed = [k for k, (a, b) in enumerate(zip(self.blocks, prev.blocks)) if a is not b]
        self.events, self.statements = dict(prev.events), dict(prev.statements)
        for table, offset, names, part in ((self.events, self.ev_offset, EVENT_TIMED, "events"),
                                           (self.statements, self.st_offset, STATEMENT_TIMED, "statements")):
            for name in names:
                column = table[name] = table[name].copy()
                for k in changed:
                    column[offset[k]:offset[k + 1]] = getattr(self.blocks[k], part)[name]
        self.memo.update((key, prev.memo[key]) for key in _SHAPE_MEMO if key in prev.memo)
        rows = [np.arange(self.ev_offset[k], self.ev_offset[k + 1]) for k in changed]
        self.parent = (prev.events["date_start"], np.concatenate(rows) if rows else np.empty(0, dtype=np.int64))

    def _concat(self, parts: list[dict], groups) -> tuple[dict, np.ndarray, np.ndarray]:
        counts = np.array([len(p["sentence_index"]) for p in parts], dtype=np.int64)
        offset = np.zeros(len(parts) + 1, dtype=np.int64)
        np.cumsum(counts, out=offset[1:])
        if parts:
            columns = {name: np.concatenate([p[name] for p in parts]) for name in chain(*groups)}
        else:
            columns = _arrays({name: [] for name in chain(*groups)}, *groups)
        return columns, offset, np.repeat(np.arange(len(parts)), counts)

    def row(self, item_id: str, kind: str) -> int | None:
        """Row of a statement ("s") or event ("e") id in the concatenated columns, None if unknown."""
        article_id, _, tail = item_id.rpartition(":")
        k = self.position.get(article_id)
        if k is None or not tail.startswith(kind) or not tail[1:].isdecimal():
            return None
        index = int(tail[1:])
        offset = self.ev_offset if kind == "e" else self.st_offset
        if index >= offset[k + 1] - offset[k] or f"{article_id}:{kind}{index}" != item_id:
            return None
        return int(offset[k] + index)


def _kept(blocks: list[Block], previous: list[Block]) -> np.ndarray | None:
    """Which of the previous blocks remain, when `blocks` are some of them in the same order."""
    keep = np.zeros(len(previous), dtype=bool)
    j = 0
    for k, b in enumerate(previous):
        if j < len(blocks) and blocks[j] is b:
            keep[k] = True
            j += 1
    return keep if j == len(blocks) else None


def corrections_key(corrections) -> tuple:
    """A hashable value for a `Corrections` (its mappings are read-only proxies, not hashable)."""
    return tuple(
        tuple(sorted(getattr(corrections, name).items()))
        for name in ("published", "actor_names", "actor_merges", "polarity", "targets", "event_dates", "issue_names",
                     "issue_merges")
    ) + (tuple(sorted(corrections.hidden_actors)),)


class TableStore:
    """Caches that outlive a correction: corrected-date results, per-article blocks, concatenations,
    and the actor registry and surname joins (which only the article set changes)."""

    def __init__(self):
        self._fixed: OrderedDict[tuple[str, str], tuple[ArticleAnalysis, ArticleAnalysis]] = OrderedDict()
        self._blocks: dict[str, list[Block]] = {}
        self._concat: OrderedDict[tuple, RawTables] = OrderedDict()
        self._people: _People | None = None
        # the last article set's event actor mapping by tuple value (see core.analysis.events_table)
        self.event_actors: tuple[dict, dict] | None = None

    def effective(self, raw: dict[str, ArticleAnalysis], published: Mapping[str, str]) -> dict[str, ArticleAnalysis]:
        """Each result with the user's publication date (timexes re-resolved), reused while unchanged."""
        effective = {}
        for aid, result in raw.items():
            fixed = published.get(aid)
            if fixed is not None:
                day = date.fromisoformat(fixed)
                if day != result.article.published or result.article.published_origin != "user":
                    result = self._fixed_result(aid, fixed, day, result)
            effective[aid] = result
        return effective

    def _fixed_result(self, aid: str, fixed: str, day: date, result: ArticleAnalysis) -> ArticleAnalysis:
        key = (aid, fixed)
        known = self._fixed.get(key)
        if known is not None and known[0] is result:
            self._fixed.move_to_end(key)
            return known[1]
        from core.temporal import resolve_timexes

        article = replace(result.article, published=day, published_origin="user")
        timexes = resolve_timexes(result.timexes, day)
        notes = tuple(n for n in result.notes if "[W003]" not in n)
        fixed_result = replace(result, article=article, timexes=timexes, notes=notes)
        self._fixed[key] = (result, fixed_result)
        while len(self._fixed) > _FIXED_RESULTS:
            self._fixed.popitem(last=False)
        return fixed_result

    def block(self, result: ArticleAnalysis) -> Block:
        aid = result.article.id
        versions = self._blocks.setdefault(aid, [])
        for b in versions:
            if b.result is result:
                return b
        b = article_block(result)
        versions.insert(0, b)
        del versions[_BLOCK_VERSIONS:]
        return b

    def tables(self, effective: dict[str, ArticleAnalysis]) -> RawTables:
        key = tuple(map(id, effective.values()))
        known = self._concat.get(key)
        if known is not None and all(a is b for a, b in zip(known.results, effective.values())):
            self._concat.move_to_end(key)
            return known
        for aid in [aid for aid in self._blocks if aid not in effective]:
            del self._blocks[aid]
        prev = next(reversed(self._concat.values()), None)
        raw = RawTables([self.block(result) for result in effective.values()], prev)
        self._concat[key] = raw
        while len(self._concat) > _CONCAT_VERSIONS:
            self._concat.popitem(last=False)
        return raw

    def people(self, effective: dict[str, ArticleAnalysis]) -> tuple[dict[str, Actor], dict[str, str]]:
        """(one actor per id, its memberships voted across articles; the automatic person joins).

        Articles appended to the same set are folded into the previous answer; any other change of
        the article set walks every article's actors again."""
        groups = [(r.actors, r.mentions) for r in effective.values()]
        start = 0
        known = self._people
        if known is not None and len(known.groups) <= len(groups) and \
                all(a[0] is b[0] for a, b in zip(known.groups, groups)):
            if len(known.groups) == len(groups):
                return known.registry, known.merges
            tally, start = known.tally.copy(), len(known.groups)
        else:
            tally = PeopleTally()
        for actors, mentions in groups[start:]:
            tally.add(actors, mentions)
        registry, merges = tally.registry(), name_merges(tally.first, tally.mentions)
        self._people = _People(groups, tally, registry, merges)
        return registry, merges


class PeopleTally:
    """What the person joins and memberships are read from: first-seen actor per id, mention counts, and
    each person's memberships as every article ranks them (first-ranked counts double)."""

    def __init__(self):
        self.first: dict[str, Actor] = {}
        self.persons: dict[str, Actor] = {}
        self.mentions: Counter[str] = Counter()
        self.votes: dict[str, Counter[str]] = {}

    def copy(self) -> "PeopleTally":
        other = PeopleTally()
        other.first, other.persons, other.mentions = dict(self.first), dict(self.persons), Counter(self.mentions)
        other.votes = {k: Counter(v) for k, v in self.votes.items()}
        return other

    def add(self, actors, mentions) -> None:
        for actor in actors:
            self.first.setdefault(actor.id, actor)
            if actor.kind == "person":
                self.persons.setdefault(actor.id, actor)
            ranked = actor.memberships or ((actor.affiliation,) if actor.affiliation else ())
            if ranked:
                votes = self.votes.setdefault(actor.id, Counter())
                for k, body in enumerate(ranked):
                    votes[body] += 2 if k == 0 else 1
        self.mentions.update(m.actor_id for m in mentions)

    def registry(self) -> dict[str, Actor]:
        registry = dict(self.first)
        for actor_id, votes in self.votes.items():
            ranked = tuple(body for body, _ in sorted(votes.items(), key=lambda kv: (-kv[1], kv[0])))
            actor = registry[actor_id]
            registry[actor_id] = replace(actor, affiliation=ranked[0], memberships=ranked)
        return registry


class _People:
    __slots__ = ("groups", "tally", "registry", "merges")

    def __init__(self, groups, tally, registry, merges):
        self.groups, self.tally, self.registry, self.merges = groups, tally, registry, merges
