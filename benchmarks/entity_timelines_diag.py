"""Why entity-timeline gold items are missed and predictions are false, in counts (read by entity_timelines_sim.py)."""
from __future__ import annotations

import collections
import json
from datetime import timedelta
from pathlib import Path

from benchmarks.entity_timelines import DOCS, GOLD, SET, scorer_module


def gold_entries(data: Path) -> list[dict]:
    """Every gold mention of the set, dated or not, with the document it is in."""
    texts = {r["id"]: r for r in map(json.loads, open(data / DOCS, encoding="utf-8")) if r["set"] == SET}
    out = []
    for g in map(json.loads, open(data / GOLD, encoding="utf-8")):
        if g["set"] != SET:
            continue
        for entry in g["entries"]:
            for m in entry["mentions"]:
                if m["doc_id"] in texts:
                    out.append({"target": g["target"], "doc": m["doc_id"], "off": m["start"], "word": m["text"],
                                "date": entry["date"], "gran": entry["date"].replace("-XX", ""),
                                "undated": entry["date"].startswith("XXXX")})
    return out


def _sentence_of(d, off: int):
    for s in d.sdoc.sents:
        if s.start_char <= off < s.end_char:
            return s
    return None


def date_relation(d, item, sent) -> str:
    """Where the gold date comes from, seen from the text: the publication date, a date the
    sentence names, a date named elsewhere in the article, or none (knowledge from other articles)."""
    gran, dct = item["gran"], d.dct
    if len(gran) == 10 and gran == dct.isoformat():
        return "= publication date"
    for k in range(1, 8):
        if len(gran) == 10 and gran == (dct - timedelta(days=k)).isoformat():
            return "1-7 days before publication"
    placed = [t for t in d.res.timexes if t.interval_start is not None]
    here = [t for t in placed if sent is not None and sent.start_char <= t.start < sent.end_char]
    if any(t.interval_start.isoformat()[:len(gran)] == gran for t in here):
        return "named in the sentence"
    if any(t.interval_start.isoformat()[:4] == gran[:4] for t in here):
        return "sentence names a coarser or nearby date of the same year"
    if len(gran) < 10 and dct.isoformat()[:len(gran)] == gran:
        return "publication month/year (coarse gold)"
    if any(t.interval_start.isoformat()[:len(gran)] == gran for t in placed):
        return "named elsewhere in the article"
    return "not in the article (cross-document)"


def _is_arg(d, sent, actor_ids: set) -> bool:
    from benchmarks.entity_timelines_rules import argument_tokens, event_verbs, token_actors

    tok = token_actors(d, None)
    return any(tok.get(i) in actor_ids for v in event_verbs(sent) for i in argument_tokens(v))


def diagnose(data: Path, docs, rows, examples: int = 0) -> str:
    from benchmarks.entity_timelines_rules import PRONOUNS

    sc = scorer_module(data)
    by_id = {d.doc_id: d for d in docs}
    by_article = {d.article_id: d for d in docs}
    entries = gold_entries(data)
    targets = list(dict.fromkeys(e["target"] for e in entries))
    all_names = {n for d in docs for n in d.names.values() if n} | {n for r in rows for n in r.actors}
    lines = []
    miss, fps, rel_all = collections.Counter(), collections.Counter(), collections.Counter()
    shown: dict[str, list] = collections.defaultdict(list)

    def note(counter, key, text):
        counter[key] += 1
        if len(shown[key]) < examples:
            shown[key].append(text)

    tp = 0
    per_target = collections.Counter()
    for target in targets:
        mine = [r for r in rows if any(sc.same_entity(x, target) for x in r.actors)]
        ids = {a for d in docs for a, n in d.names.items() if n and sc.same_entity(n, target)}
        reachable = any(sc.same_entity(n, target) for n in all_names)
        used = set()
        gold = [e for e in entries if e["target"] == target]
        for e in gold:
            if e["undated"]:
                continue
            d = by_id[e["doc"]]
            sent = _sentence_of(d, e["off"])
            where = [r for r in rows if r.article_id == d.article_id and r.start <= e["off"] < r.end]
            cands = [i for i, r in enumerate(mine) if r.article_id == d.article_id and r.start <= e["off"] < r.end]
            rel = date_relation(d, e, sent)
            rel_all[f"{rel} | sentence {'has' if any(r.date for r in where) else 'has no'} dated event"] += 1
            hit = next((i for i in cands if mine[i].date[:len(e["gran"])] == e["gran"]), None)
            show = f"{target} {e['doc']} '{e['word']}' {e['date']}: {sent.text.strip()[:150] if sent else ''}"
            if hit is not None:
                used.add(hit)
                tp += 1
                per_target[target] += 1
                continue
            if not reachable:
                note(miss, "target never an actor (products; 'Beatles Apple Corps' vs 'Apple Corps')", show)
            elif not where:
                note(miss, "no event in the sentence", show)
            elif not cands:
                words = {t.lower_ for t in sent} if sent else set()
                tok_ids = {m.actor_id for m in d.res.mentions if sent and sent.start_char <= m.start < sent.end_char}
                if tok_ids & ids:
                    note(miss, "target named, events do not list it", show)
                elif words & set(PRONOUNS):
                    note(miss, "target only as he/his/him in the sentence", show)
                else:
                    note(miss, "target not named in the sentence (implicit, 'Steve', 'the company', ...)", show)
            elif not any(mine[i].date for i in cands):
                note(miss, f"target's event undated; gold date {rel}", show)
            else:
                got = sorted({mine[i].date for i in cands if mine[i].date})
                kind = "coarser date (right year)" if any(g[:4] == e["gran"][:4] for g in got) else "other date"
                note(miss, f"target's event dated {kind}; gold date {rel}", show + f" [system {', '.join(got)}]")
        for i, r in enumerate(mine):
            if i in used:
                continue
            d = by_article[r.article_id]
            here = [e for e in gold if e["doc"] == d.doc_id and r.start <= e["off"] < r.end]
            sent = _sentence_of(d, r.start)
            text = f"{target} {r.date or 'undated'}: {r.sentence[:150]}"
            if not r.date:
                note(fps, "undated event (counted against precision)", text)
            elif any(not e["undated"] and r.date[:len(e["gran"])] == e["gran"] for e in here):
                note(fps, "second event of a sentence whose gold item another event matched", text)
            elif any(not e["undated"] for e in here):
                note(fps, "wrong date for a gold item of the sentence", text + f" [gold {here[0]['date']}]")
            elif here:
                note(fps, "gold leaves this event undated (XXXX-XX-XX)", text)
            elif sent is not None and _is_arg(d, sent, ids):
                note(fps, "no gold item; target is an argument of a verb (gold gap or not an event)", text)
            else:
                note(fps, "no gold item; target only mentioned, not an argument", text)
    total = sum(1 for e in entries if not e["undated"])
    lines.append(f"gold items {total} (undated gold mentions {sum(e['undated'] for e in entries)}), matched {tp}: "
                 + ", ".join(f"{t} {per_target[t]}" for t in targets))
    lines.append("gold date, from the text's point of view | the system's events in that sentence:")
    lines += [f"  {v:>4}  {k}" for k, v in sorted(rel_all.items(), key=lambda x: -x[1])]
    for title, counter in (("misses", miss), ("false positives", fps)):
        lines.append(f"{title} ({sum(counter.values())}):")
        for k, v in counter.most_common():
            lines.append(f"  {v:>4}  {k}")
            lines += [f"          {x}" for x in shown[k]]
    return "\n".join(lines)


def _tense_table(entries, by_id) -> collections.Counter:
    from benchmarks.entity_timelines_rules import anchor_class

    table = collections.Counter()
    for e in entries:
        d = by_id[e["doc"]]
        span = d.sdoc.char_span(e["off"], e["off"] + len(e["word"]), alignment_mode="expand")
        token = span.root if span is not None else None
        if token is None:
            continue
        cls = anchor_class(token) if token.pos_ in ("VERB", "AUX") else token.pos_.lower()
        if e["undated"]:
            rel = "undated (XXXX-XX-XX)"
        else:
            rel = date_relation(d, e, _sentence_of(d, e["off"]))
            rel = rel if rel in ("= publication date", "1-7 days before publication") else "other date"
        table[(cls, rel)] += 1
    return table


def gold_profile(data: Path, docs) -> str:
    """System-independent counts: gold items per target, dates relative to publication, sentence split."""
    entries = gold_entries(data)
    by_id = {d.doc_id: d for d in docs}
    out = collections.Counter()
    per_target = collections.Counter()
    for e in entries:
        per_target[(e["target"], "undated" if e["undated"] else "dated")] += 1
        if e["undated"]:
            continue
        d = by_id[e["doc"]]
        out[date_relation(d, e, _sentence_of(d, e["off"]))] += 1
    lines = ["gold mentions per target (dated / undated):"]
    for t in dict.fromkeys(e["target"] for e in entries):
        lines.append(f"  {t:<22}{per_target[(t, 'dated')]:>5}{per_target[(t, 'undated')]:>5}")
    lines.append("gold date relative to the text (all dated gold items):")
    lines += [f"  {v:>4}  {k}" for k, v in out.most_common()]
    lines.append("tense class of the gold event word (simulator's anchor_class; nouns apart) x gold date:")
    lines += [f"  {v:>4}  {k[0]:<10} {k[1]}" for k, v in sorted(_tense_table(entries, by_id).items(),
                                                               key=lambda x: (x[0][0], -x[1]))]
    multi = sum(1 for d in docs for s in d.sdoc.sents if "\n" in s.text.strip())
    lines.append(f"spaCy sentences spanning two lines of the one-sentence-per-line text: {multi}")
    return "\n".join(lines)
