"""Benchmark: does the corpus picture (matrix rows, stances, timeline) match a careful reader's expectations?

Usage: .venv/bin/python benchmarks/corpus_truth.py [--corpus NAME] [--keep] [--data DIR] [--verbose]

For each corpus with a `benchmarks/corpus_expectations/<name>.json`, the corpus folder is written by
`benchmarks/corpora.py` (from the eval data, default `<repo>/../shared/eval`), analysed as a user would by
`python -m core.cli analyze FOLDER --out build/corpus_truth/<name> --no-charts` in a subprocess (`--keep`
reuses an existing output folder), and every expectation is checked against the CLI's CSV tables only:
`matrix.csv` (default matrix: stance columns, one row per actor the text names, no grouping), `actors.csv`,
`statements.csv`, `timeline.csv` (dated and undated events) and `articles.csv`.

Matching rule (explicit, the same everywhere):
- A name is normalised by: case-folding; curly quotes to straight; dropping a possessive 's; dotted
  acronyms closed up ("U.S." = "US"); every other
  non-alphanumeric character becomes a space; a leading "the" is dropped; one-letter initials ("J.")
  and generational suffixes (jr, sr, ii, iii, iv) are dropped. Two names match when their normalised
  forms are equal ("Donald J. Trump" = "donald trump"; "James B. Lockhart III" = "james lockhart").
  Titles are NOT dropped: "President Clinton" stays apart from "Clinton", so variants are listed
  explicitly in the expectations (`aliases`).
- An expected actor (its canonical name, then its `aliases`) resolves to the actor ids (a) that each of
  its names goes to most often as a surface text: every statement's `source_text` counts for its
  `source_actor` and every `target_text` for its `target_actor` (an unjoined text counts for "no actor");
  (a) is the only view the CLI gives of which mention went to which actor (there is no mentions table);
  (b) whose row name in actors.csv, or a name in its `merged_from` (the user's merges), or its id (a slug
  of the name it was found by: "trump-foundation") matches the canonical name; and only when (a) and (b)
  find nothing, (c) whose row name matches an alias. So a short alias ("Trump") shared by another row
  (the Trump Foundation shown as "Trump") does not pull that row in.
- top_rows: held when one of the resolved ids is among the first N rows of matrix.csv (its order is the
  matrix's: most statements first).
- same_actor: every listed variant seen as a surface text or row name stands for one and the same actor:
  its majority actor as a surface text, and every actor whose row is named exactly like it (a row shown as
  "Clinton" beside "Hillary Clinton" is a split to a reader), are all that one actor; "no actor" (an
  unjoined text) never is. Fewer than two variants seen: unverifiable.
- different_actors: the two resolved id sets are disjoint; unverifiable when either side is not seen.
- stances: some statement (anywhere in the corpus: the matrix is a corpus-wide picture; how many were held
  by the evidence sentence itself is printed too) has a source_actor among the source's ids, the expected
  polarity, and a target that is the expected actor (target_actor among its ids, or target_label/
  target_text matching one of its names) or, for `target_phrase`, a target_label/target_text/topic
  containing one of the phrases (as whole words, after normalisation).
- not_rows: no matrix row's name matches the name.
- timeline: some dated event whose sentence contains every keyword (case-insensitive) has a date_start
  that agrees with the expected date at its granularity (YYYY, YYYY-MM or YYYY-MM-DD), and when `actors`
  are given, one of them resolves to one of the event's actor_ids.
- date_span: the default timeline view (`core.analysis.default_window`, which the desktop's Fit and its exported
  images use: the articles' publication span widened to the non-vague events of at most 31 days they report
  just before and after it) starts and ends within the expected bounds.
Figures printed per corpus (from the same tables): unsourced = statements whose source_actor is empty;
unresolved pronoun targets = statements whose whole target_text is a pronoun and whose target_actor is empty (PRONOUNS: personal, possessive,
reflexive, this/that), over statements with a target; support/oppose/neutral shares over all statements
(relation statements included); matrix rows; timeline lanes as the desktop timeline draws them by actor
(desktop/charts/timeline_data.py: one per actor of a dated event, one for actor-less events); the span of
all dated events, the default view (above) and the publication span from articles.csv.

Each expectation's `evidence` must occur in the corpus text (whitespace-normalised); a missing one is
reported as an error of the expectations file. A failed stance or timeline check prints what the product
made of the evidence sentence.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import time
from collections import Counter, defaultdict
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))  # corpora.py sits beside this file; benchmarks/ is no package
sys.path.insert(0, str(ROOT))
from corpora import DEFAULT_CACHE, DEFAULT_DATA, corpus_files, materialise  # noqa: E402

from core.analysis.window import default_window  # noqa: E402

EXPECTATIONS = ROOT / "benchmarks" / "corpus_expectations"
OUT_ROOT = ROOT / "build" / "corpus_truth"
PRONOUNS = {"i", "me", "my", "we", "us", "our", "you", "your", "he", "him", "his", "she", "her", "hers", "it",
            "its", "they", "them", "their", "theirs", "himself", "herself", "themselves", "itself", "this", "that"}
SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
NO_ACTOR = None


def norm(name) -> str:
    if not isinstance(name, str):
        return ""
    s = name.casefold().replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    s = re.sub(r"'s\b", "", s)
    s = re.sub(r"\b(?:[a-z]\.){2,}", lambda m: m.group().replace(".", "") + " ", s)  # U.S. -> us, U.N. -> un
    words = re.sub(r"[^0-9a-z]+", " ", s).split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(w for w in words if len(w) > 1 and w not in SUFFIXES or w.isdigit())


def where(table: pd.DataFrame, keep: list) -> pd.DataFrame:
    """Rows where `keep` is true; an empty list keeps the columns (pandas reads `[]` as a column list)."""
    return table[np.array(keep, dtype=bool)] if len(table) else table


def squash(text: str) -> str:
    return " ".join(str(text).replace("\u2019", "'").replace("\u201c", '"').replace("\u201d", '"').split()).casefold()


class Output:
    """The CLI's tables for one corpus, with the name lookups the checks share."""

    def __init__(self, folder: Path):
        def read(name: str) -> pd.DataFrame:  # every cell as text, empty for missing: the checks compare strings
            return pd.read_csv(folder / f"{name}.csv", dtype=str, keep_default_na=False)

        self.actors, self.matrix = read("actors"), read("matrix")
        self.statements, self.timeline, self.articles = read("statements"), read("timeline"), read("articles")
        self.name_of = dict(zip(self.actors["actor_id"], self.actors["name"]))
        self.affiliation = {a: f for a, f in zip(self.actors["actor_id"], self.actors["affiliation"]) if f}
        self.by_name: dict[str, set[str]] = defaultdict(set)
        for actor_id, name, merged in zip(self.actors["actor_id"], self.actors["name"], self.actors["merged_from"]):
            for n in [name] + [m.strip() for m in merged.split(",") if m.strip()]:
                self.by_name[norm(n)].add(actor_id)
        self.by_slug: dict[str, set[str]] = defaultdict(set)  # ids are slugs of the name the actor was found by
        for actor_id in self.actors["actor_id"]:
            self.by_slug[norm(actor_id.replace("-", " "))].add(actor_id)
        self.surface: dict[str, Counter] = defaultdict(Counter)
        st = self.statements
        for text_col, actor_col in (("source_text", "source_actor"), ("target_text", "target_actor")):
            for text, actor in zip(st[text_col], st[actor_col]):
                if text:
                    self.surface[norm(text)][actor or NO_ACTOR] += 1
        self.rows = list(self.matrix["actor_id"])
        self.dated = self.timeline[self.timeline["date_start"] != ""]

    def variant_actors(self, name: str) -> list:
        """The actors one variant stands for: its majority actor as a surface text (None: unjoined), then
        every actor whose row is named exactly like it (a user reads a row "Clinton" as this variant)."""
        key = norm(name)
        found = [self.surface[key].most_common(1)[0][0]] if key in self.surface else []
        return found + sorted(self.by_name.get(key, set()) - set(found))

    def resolve(self, names: list[str]) -> set[str]:
        """The actors an expected actor (canonical name first, then aliases) went to; see the module docstring."""
        ids: set[str] = set()
        for n in names:
            counts = self.surface.get(norm(n))
            if counts and counts.most_common(1)[0][0] is not NO_ACTOR:
                ids.add(counts.most_common(1)[0][0])
        ids |= self.by_name.get(norm(names[0]), set()) | self.by_slug.get(norm(names[0]), set())
        if not ids:  # never seen as a text and no row of its full name: a row named like an alias will do
            for n in names[1:]:
                ids |= self.by_name.get(norm(n), set())
        return ids

    def label(self, actor_id, with_id: bool = False) -> str:
        if not actor_id:
            return "(no actor)"
        name = self.name_of.get(actor_id, actor_id)
        return f"{name} [{actor_id}]" if with_id and norm(name) != norm(actor_id.replace("-", " ")) else name


class Checker:
    """Checks one corpus's expectations against its output; collects held / failed / unverifiable lines."""

    def __init__(self, spec: dict, out: Output, corpus_text: str):
        self.spec, self.out, self.text = spec, out, corpus_text
        self.aliases = {k: [k] + v for k, v in spec.get("actors", {}).items()}
        self.held, self.failed, self.unverifiable, self.errors = 0, [], [], []
        self.anchored = self.n_stances = 0  # stances held by a statement of the evidence sentence itself

    def names(self, actor: str) -> list[str]:
        return self.aliases.get(actor, [actor])

    def result(self, ok: bool | None, line: str) -> None:
        if ok is None:
            self.unverifiable.append(line)
        elif ok:
            self.held += 1
        else:
            self.failed.append(line)

    def evidence_ok(self, item: dict, kind: str) -> bool:
        ev = item.get("evidence")
        if not ev or squash(ev) not in self.text:
            self.errors.append(f"{kind}: evidence not found in the corpus: {str(ev)[:80]!r}")
            return False
        return True

    def run(self) -> None:
        for kind in ("top_rows", "same_actor", "different_actors", "stances", "not_rows", "timeline"):
            for item in self.spec.get(kind, []):
                self.evidence_ok(item, kind)
                getattr(self, "check_" + kind)(item)
        if "date_span" in self.spec:
            self.check_date_span(self.spec["date_span"])

    def check_top_rows(self, item: dict) -> None:
        n, actor = item["n"], item["actor"]
        ids = self.out.resolve(self.names(actor))
        ranks = sorted(self.out.rows.index(i) + 1 for i in ids if i in self.out.rows)
        folded = sorted({self.out.affiliation[i] for i in ids if self.out.affiliation.get(i) in self.out.rows})
        if ranks:
            where = f"rank {ranks[0]} ({self.out.label(self.out.rows[ranks[0] - 1])})" + (
                "; also folded into " + ", ".join(self.out.label(a) for a in folded) if folded else "")
        elif folded:  # the default matrix counts a person's statements under their affiliation
            where = "folded into " + ", ".join(f"{self.out.label(a)} (rank {self.out.rows.index(a) + 1})"
                                               for a in folded)
        else:
            where = "not a matrix row" if ids else "no actor of that name"
        self.result(bool(ranks) and ranks[0] <= n, f"top_rows: {actor} not in the top {n} rows: {where}")

    def check_same_actor(self, item: dict) -> None:
        seen = {v: ids for v in item["names"] if (ids := self.out.variant_actors(v))}
        desc = "; ".join(f"{v!r} -> {', '.join(self.out.label(a, True) for a in ids)}" for v, ids in seen.items())
        if len(seen) < 2:
            self.result(None, f"same_actor: {item['names']}: fewer than two variants in the output ({desc or 'none'})")
            return
        actors = set().union(*seen.values())
        self.result(len(actors) == 1 and NO_ACTOR not in actors, f"same_actor: split: {desc}")

    def check_different_actors(self, item: dict) -> None:
        a, b = item["names"]
        ia, ib = self.out.resolve(self.names(a)), self.out.resolve(self.names(b))
        if not ia or not ib:
            missing = "neither" if not ia and not ib else b if ia else a
            self.result(None, f"different_actors: {a} / {b}: {missing} not seen")
            return
        shared = ia & ib
        self.result(not shared,
                    f"different_actors: {a} and {b} are one actor: {', '.join(self.out.label(x) for x in shared)}")

    def _target_ok(self, row, item: dict) -> bool:
        if "target" in item:
            names = self.names(item["target"])
            if row["target_actor"] and row["target_actor"] in self.out.resolve(names):
                return True
            return any(norm(row[c]) == norm(n) for c in ("target_label", "target_text") for n in names if row[c])
        phrases = [f" {norm(p)} " for p in item["target_phrase"] if norm(p)]  # whole words: "US" is not in "bus"
        return any(p in f" {norm(row[c])} " for c in ("target_label", "target_text", "topic") for p in phrases)

    def check_stances(self, item: dict) -> None:
        src = self.out.resolve(self.names(item["source"]))
        st = self.out.statements
        rows = st[st["source_actor"].isin(src) & (st["polarity"] == item["polarity"])]
        hits = where(rows, [self._target_ok(r, item) for _, r in rows.iterrows()])
        ok = not hits.empty
        self.anchored += int(not self._in_sentence(hits, item["evidence"]).empty)
        self.n_stances += 1
        target = item.get("target") or "/".join(item["target_phrase"])
        self.result(ok, f"stances: {item['source']} {item['polarity']} {target}: " +
                    ("" if ok else self._made_of_statement(item["evidence"])))

    def _in_sentence(self, table: pd.DataFrame, evidence: str) -> pd.DataFrame:
        key = squash(evidence)[:60]
        return where(table, [key in squash(s) or squash(s) in squash(evidence) for s in table["sentence"]])

    def _made_of_statement(self, evidence: str) -> str:
        rows = self._in_sentence(self.out.statements, evidence)
        if rows.empty:
            return "no statement in the evidence sentence"
        return "evidence sentence gives " + " | ".join(
            f"{r['source_name'] or '(no source: ' + repr(r['source_text']) + ')'} {r['polarity']} "
            f"{r['target_label'] or r['target_text'] or '(no target)'!s}" for _, r in rows.head(3).iterrows())

    def check_not_rows(self, item: dict) -> None:
        hit = [n for n in self.out.matrix["actor"] if norm(n) == norm(item["name"])]
        self.result(not hit, f"not_rows: {item['name']!r} is a matrix row (rank "
                    f"{list(self.out.matrix['actor']).index(hit[0]) + 1 if hit else '-'}); {item.get('why', '')}")

    def check_timeline(self, item: dict) -> None:
        want, words = item["date"], [w.casefold() for w in item["keywords"]]
        ev = self.out.dated
        ev = where(ev, [all(w in s.casefold() for w in words) for s in ev["sentence"]])
        if item.get("actors"):
            ids = set().union(*(self.out.resolve(self.names(a)) for a in item["actors"]))
            ev = where(ev, [bool(ids & set(x.split(";"))) for x in ev["actor_ids"]])
        ok = bool((ev["date_start"].str[:len(want)] == want).any())
        self.result(ok, f"timeline: {want} {' '.join(item['keywords'])!r}: " +
                    ("" if ok else self._made_of_event(item)))

    def _made_of_event(self, item: dict) -> str:
        rows = self._in_sentence(self.out.timeline, item["evidence"])
        if rows.empty:
            return "no event in the evidence sentence"
        return "evidence sentence gives " + " | ".join(
            f"{r['date_start'][:10] or 'undated'} ({r['time_text'] or '-'}) [{r['actors'] or 'no actor'}]"
            for _, r in rows.head(3).iterrows())

    def check_date_span(self, item: dict) -> None:
        self.evidence_ok(item, "date_span")
        view = default_view(self.out.dated, self.out.articles["published"])
        if view is None:
            self.result(False, "date_span: no dated events")
            return
        (s0, s1), (e0, e1) = item["start_between"], item["end_between"]
        ok = s0 <= view[0].isoformat() <= s1 and e0 <= view[1].isoformat() <= e1
        self.result(ok, f"date_span: default view {view[0]} .. {view[1]}, "
                        f"expected start in {s0}..{s1}, end in {e0}..{e1}")


def default_view(dated: pd.DataFrame, published=()) -> tuple[date, date] | None:
    """The timeline's default view, by the rule the desktop uses (`core.analysis.default_window`):
    the first and last day it shows."""
    window = default_window(dated, [date.fromisoformat(p[:10]) for p in published if p])
    if window is None:
        return None
    return window.start, window.end - timedelta(days=1)


def figures(out: Output) -> list[str]:
    st, dated = out.statements, out.dated
    n = max(len(st), 1)
    targets = st[st["target_text"] != ""]
    # a pronoun target counts when it names no actor: a resolved "him" is an actor target
    pron = sum(norm(t) in PRONOUNS and not a for t, a in zip(targets["target_text"], targets["target_actor"]))
    polar = Counter(st["polarity"])
    # one lane per actor of a dated event, plus one for events with no actor (desktop/charts/timeline_data.py)
    lanes = {a for x in dated["actor_ids"] for a in x.split(";") if a}
    lanes |= {"(no actor)"} if (dated["actor_ids"] == "").any() else set()
    pub = sorted(p for p in out.articles["published"] if p)
    view = default_view(dated, out.articles["published"])
    full = (dated["date_start"].min()[:10], dated["date_end"].max()[:10]) if len(dated) else ("-", "-")
    top = ", ".join(f"{a} ({sum(int(r[c]) for c in ('support', 'oppose', 'neutral'))})"
                    for a, (_, r) in zip(out.matrix["actor"][:8], out.matrix.head(8).iterrows()))
    return [
        (f"articles {len(out.articles)} (dated {len(pub)}), statements {len(st)}, matrix rows {len(out.matrix)}, "
         f"actors {len(out.actors)}"),
        (f"unsourced {sum(st['source_actor'] == '') / n:.1%}; unresolved pronoun targets {pron / max(len(targets), 1):.1%} "
         f"of {len(targets)} targets; support {polar['support'] / n:.1%}, oppose {polar['oppose'] / n:.1%}, "
         f"neutral {polar['neutral'] / n:.1%}"),
        (f"timeline: {len(dated)} dated of {len(out.timeline)} events, {len(lanes)} lanes; "
         f"dates {full[0]} .. {full[1]}; default view {view[0] if view else '-'} .. {view[1] if view else '-'}; "
         f"publication {pub[0] if pub else '-'} .. {pub[-1] if pub else '-'}"),
        f"top rows: {top}",
    ]


def analyse(name: str, data: Path, keep: bool) -> Path:
    out = OUT_ROOT / name
    if keep and (out / "matrix.csv").is_file():
        return out
    folder = materialise(name, data, DEFAULT_CACHE)
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    out.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    with open(out / "cli.log", "w", encoding="utf-8") as log:
        command = [sys.executable, "-m", "core.cli", "analyze", str(folder), "--out", str(out), "--no-charts"]
        rc = subprocess.run(command, check=False, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT).returncode
    if rc != 0:
        raise SystemExit(f"{name}: standpoint analyze exited {rc}; see {out / 'cli.log'}")
    print(f"{name}: analysed in {time.perf_counter() - t0:.0f} s")
    return out


def corpus_text(name: str, data: Path) -> str:
    return "\n".join(squash(t) for t in corpus_files(name, data).values())


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", action="append", help="corpus name (repeatable); default: every expectations file")
    ap.add_argument("--keep", action="store_true", help="reuse build/corpus_truth/<name> when it exists")
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the shared eval folder")
    ap.add_argument("--verbose", action="store_true", help="also list unverifiable expectations")
    args = ap.parse_args(argv)
    if not args.data.is_dir():
        print(f"no eval data at {args.data} (pass --data)", file=sys.stderr)
        return 2
    names = args.corpus or sorted(p.stem for p in EXPECTATIONS.glob("*.json"))
    total_held = total = 0
    for name in names:
        spec = json.loads((EXPECTATIONS / f"{name}.json").read_text(encoding="utf-8"))
        out = Output(analyse(name, args.data, args.keep))
        checker = Checker(spec, out, corpus_text(name, args.data))
        checker.run()
        n = checker.held + len(checker.failed)
        total_held, total = total_held + checker.held, total + n
        print(f"\n== {name}: held {checker.held}/{n}" +
              (f" ({len(checker.unverifiable)} unverifiable from the CLI output)" if checker.unverifiable else ""))
        for line in figures(out):
            print("   " + line)
        print(f"   stances held in their evidence sentence: {checker.anchored}/{checker.n_stances} "
              "(the others, if held, by another sentence of the corpus)")
        for line in checker.failed:
            print("   FAIL " + line)
        for line in checker.unverifiable if args.verbose else []:
            print("   ???? " + line)
        for line in checker.errors:
            print("   EXPECTATIONS ERROR " + line)
    if len(names) > 1:
        print(f"\nall corpora: held {total_held}/{total}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
