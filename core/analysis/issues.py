"""Issues found in the corpus: statements whose targets share a key lemma form one issue, labelled by its commonest phrase."""
from __future__ import annotations

from collections import Counter, defaultdict
from typing import Iterable, Mapping

from core.resources import word_set

# A phrase longer than this is a clause ("militants there must be liquidated"): the key labels it instead.
LABEL_WORDS = 4


def label_phrase(target_text: str, key: str) -> str:
    """How one target names its issue: the phrase without its opening determiner, or the key if too long."""
    words = target_text.split()
    drop = word_set("issue_determiners", "stance", "words.json")
    while words and (words[0].lower() in drop or words[0].lower().endswith(("'s", "\u2019s"))):
        words.pop(0)
    if not words or len(words) > LABEL_WORDS:
        return key
    return " ".join(words)


def label_issues(pairs: Iterable[tuple[str, str]]) -> dict[str, tuple[str, int]]:
    """key -> (label, statements) from (key, target text) pairs: the label is the phrase used most often
    (ties: the shorter, then the first seen), so "bailout" reads "bailout plan" if that is what the corpus says."""
    phrases: dict[str, Counter[str]] = defaultdict(Counter)
    for key, text in pairs:
        if key:
            phrases[key][label_phrase(text, key)] += 1
    out = {}
    for key, counts in phrases.items():
        casefolded: Counter[str] = Counter()
        for phrase, n in counts.items():
            casefolded[phrase.casefold()] += n
        best = min(counts, key=lambda p: (-casefolded[p.casefold()], len(p), list(counts).index(p)))
        out[key] = (best, sum(counts.values()))
    return out


def canonical_issue(key: str | None, merges: Mapping[str, str]) -> str | None:
    """The issue a key now belongs to after the user's merges (they may chain)."""
    seen = set()
    while key in merges and key not in seen:
        seen.add(key)
        key = merges[key]
    return key


def effective_labels(labels: Mapping[str, tuple[str, int]], merges: Mapping[str, str],
                     names: Mapping[str, str]) -> dict[str, str | None]:
    """key -> the label shown for it after merges and renames."""
    out: dict[str, str | None] = {}
    for key in labels:
        into = canonical_issue(key, merges)
        out[key] = names.get(into) or (labels[into][0] if into in labels else into)  # type: ignore[index]
    return out
