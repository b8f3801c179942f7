"""Splits article text into words, masks page furniture, and finds alias-table matches."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from core.actors.lexicon import pattern
from core.actors.lexicon import words as word_list
from core.actors.table import TOKEN_RE, AliasEntry, AliasTable, normalise_token

# Lines that are page furniture, not article prose (share bars, paywall prompts, related links).
_FURNITURE_LINE = pattern("furniture_line_pattern", re.IGNORECASE)
# A photo credit runs from its marker to the end of its line ("...2018.Credit: Mikhail Klimentyev, AP").
_CREDIT = pattern("credit_pattern", re.IGNORECASE)
# "BEIRUT (Reuters) -", "HEMPSTEAD, N.Y. -" at the start of a line.
_DATELINE = pattern("dateline_pattern")
_LOCATIVE = word_list("locative_prepositions")
# "close to Damascus" speaks of the government, "to Damascus" of the city.
_FIGURATIVE_BEFORE_TO = word_list("figurative_before_to")
_PLACE_AFTER = word_list("place_after")


@dataclass(frozen=True)
class Word:
    start: int
    end: int
    text: str  # curly apostrophes folded to "'"

    @property
    def is_cap(self) -> bool:
        return self.text[:1].isupper()


@dataclass
class Candidate:
    """A span that may name an actor, before overlaps are settled."""

    wstart: int  # word indices, end exclusive
    wend: int
    actor_id: str
    via: str
    source: str  # table, name, ner
    # For new (non-table) actors: their display name and kind.
    name: str = ""
    kind: str = ""
    # Set when the mention was widened to a state noun ("Syrian government forces").
    state_role: bool = False
    # A name guessed from capitals at a sentence start may carry a capitalised ordinary word ("Later Lavrov").
    initial: bool = False
    # A lone name right after a title: a person of its own when no known surname matches.
    titled: bool = False
    # A guess with no evidence yet (capitals only, no NER): kept only if its surname recurs alone.
    weak: bool = False
    # The country a generic group is named with ("Yemeni rebels" -> "yemen").
    qualifier: str = ""


def words_of(text: str) -> list[Word]:
    return [Word(m.start(), m.end(), normalise_token(m.group())) for m in TOKEN_RE.finditer(text)]


def _is_foreign_script(line: str) -> bool:
    letters = [ch for ch in line if ch.isalpha()]
    return bool(letters) and sum(ch.isascii() or "\u00c0" <= ch <= "\u024f" for ch in letters) < len(letters) / 2


def furniture_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges never read for actors: furniture lines, foreign-script lines, datelines, credit tails."""
    ranges: list[tuple[int, int]] = []
    pos = 0
    for line in text.splitlines(keepends=True):
        end = pos + len(line)
        body = line.strip()
        if body and (_FURNITURE_LINE.match(body) or _is_foreign_script(body)):
            ranges.append((pos, end))
        else:
            dateline = _DATELINE.match(line)
            if dateline:  # "BEIRUT (Reuters) -": where and who filed, not who acts
                ranges.append((pos, pos + dateline.end()))
            credit = _CREDIT.search(line)
            if credit:
                ranges.append((pos + credit.start(), end))
        pos = end
    return ranges


def headline_ranges(text: str, sent_starts: list[int] | None = None) -> list[tuple[int, int]]:
    """Lines or sentences in Title Case: headlines, where capitalised words prove nothing.

    A piece without closing punctuation needs 60% capitalised long words; one ending in a full
    stop (some feeds glue "Headline Here." to the first paragraph) needs 75%, three long words, and
    two capitalised words that the article also writes in lower case.
    """
    cuts = sorted({0, len(text), *(sent_starts or ()),
                   *(m.end() for m in re.finditer(r"\n", text))})
    lower = set(re.findall(r"\b[a-z][a-z'’-]{3,}\b", text))
    ranges = []
    for start, end in zip(cuts, cuts[1:]):
        body = text[start:end].strip()
        words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", body) if len(w) > 3]
        if not body or not words:
            continue
        share = sum(w[0].isupper() for w in words) / len(words)
        closed = body.endswith((".", "?", "!", '"', "”", ":"))
        # A sentence full of names is not a headline; one whose capitalised words are ordinary words
        # the article writes in lower case elsewhere ("Abandon", "Voters") is.
        ordinary = sum(w[0].isupper() and w.lower() in lower for w in words[1:])
        if (not closed and share >= 0.6) or (share >= 0.75 and len(words) >= 3 and ordinary >= 2):
            ranges.append((start, end))
    return ranges


def flag_words(words: list[Word], ranges: list[tuple[int, int]]) -> list[bool]:
    flags = [False] * len(words)
    starts = [w.start for w in words]
    for start, end in ranges:
        i = bisect.bisect_left(starts, start)
        while i < len(words) and words[i].end <= end:
            flags[i] = True
            i += 1
    return flags


def _locative(words: list[Word], i: int, j: int) -> bool:
    """True when the capital at words[i:j] is a place ("in Damascus", "Damascus countryside")."""
    if j < len(words) and words[j].text.lower() in _PLACE_AFTER:
        return True
    if i == 0:
        return False
    prev = words[i - 1].text.lower()
    if prev == "the" and i >= 2:
        prev = words[i - 2].text.lower()
        i -= 1
    if prev not in _LOCATIVE:
        return False
    if prev == "to" and i >= 2 and words[i - 2].text.lower() in _FIGURATIVE_BEFORE_TO:
        return False
    return True


def _starts_name(words: list[Word], j: int, table: AliasTable) -> bool:
    """A capitalised non-alias word right after a one-word country/capital: "Jordan Peterson"."""
    if j >= len(words) or not words[j].is_cap:
        return False
    return table.lookup((words[j].text,)) is None and words[j].text not in ("'", "-")


def match_aliases(words: list[Word], table: AliasTable, blocked: list[bool],
                  headline: list[bool]) -> list[Candidate]:
    """Longest alias-table matches, left to right, skipping blocked words."""
    found: list[Candidate] = []
    i = 0
    n = len(words)
    while i < n:
        if blocked[i]:
            i += 1
            continue
        hit: tuple[int, AliasEntry] | None = None
        longest = table.first_words.get(words[i].text.lower(), 0)
        for size in range(min(longest, n - i), 0, -1):
            if any(blocked[i:i + size]):
                continue
            entry = table.lookup(tuple(w.text for w in words[i:i + size]))
            if entry is not None:
                hit = (size, entry)
                break
        if hit is None:
            i += 1
            continue
        size, entry = hit
        j = i + size
        keep = entry.actor_id != "-"
        if keep and entry.locative_sensitive and _locative(words, i, j):
            keep = False
        if (keep and size == 1 and entry.via in ("name", "capital") and not headline[i]
                and _starts_name(words, j, table)):
            keep = False
        if keep and size == 1 and words[i].text in table.ambiguous and i >= 2 and words[i - 1].text == "," \
                and words[i - 2].is_cap and table.lookup((words[i - 2].text,)) is None:
            keep = False  # "Atlanta, Georgia": a US state
        if keep:
            found.append(Candidate(i, j, entry.actor_id, entry.via, "table"))
        i = j
    return found


_SUFFIXES = word_list("nationality_suffixes")


def widen_state_nouns(found: list[Candidate], words: list[Word], table: AliasTable,
                      country_ids: set[str]) -> None:
    """ "Syrian government forces" names Syria's side; "Syrian opposition" the opposition group."""
    for cand in found:
        if cand.actor_id not in country_ids or cand.via not in ("nationality", "name", "alias", "capital"):
            continue
        j = cand.wend
        if j + 1 < len(words) and words[j].text == "-" and words[j + 1].text.lower() in _SUFFIXES:
            cand.wend = j + 2  # "Russian-backed" stays Russia, the mention reads naturally
            continue
        if j < len(words) and words[j].text == "'" and j + 1 < len(words) and words[j + 1].text == "s":
            j += 2  # "Syria's army"
        for size in (3, 2, 1):
            key = tuple(w.text.lower() for w in words[j:j + size])
            role = table.state_nouns.get(key) if len(key) == size else None
            if role is None:
                continue
            if role == "state":
                if cand.via == "capital" and j == cand.wend:
                    break  # "Damascus government" is rare; "Tehran's foreign ministry" is the pattern
                cand.wend = j + size
                cand.state_role = True
            elif cand.via == "nationality" and j == cand.wend:
                cand.wend = j + size
                cand.qualifier = cand.actor_id
                cand.actor_id = role
                cand.via = "group"
            break


def absorb_group_nouns(found: list[Candidate], table: AliasTable) -> list[Candidate]:
    """ "Houthi rebels", "Islamic State militants": the named group, not generic rebels beside it."""
    kept: list[Candidate] = []
    for cand in found:
        prev = kept[-1] if kept else None
        actor = table.actor(prev.actor_id) if prev else None
        if prev is not None and actor is not None and actor.kind == "armed-group" and cand.via == "group" \
                and cand.wstart == prev.wend:
            prev.wend = cand.wend
            continue
        kept.append(cand)
    return kept
