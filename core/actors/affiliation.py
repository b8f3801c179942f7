"""Reads who a person speaks for from the words around their name ("Turkish Foreign Minister X")."""
from __future__ import annotations

from core.actors.lexicon import words as word_list
from core.actors.scan import Word
from core.actors.table import AliasTable

_ROLE_PREPOSITIONS = word_list("role_prepositions")
_HONORIFICS = word_list("honorifics")


def _title_ending_at(words: list[Word], k: int, table: AliasTable) -> int:
    """Length of the title ending at word k (0 if none): "Foreign Minister", "spokeswoman", "Gen."."""
    for size in (4, 3, 2, 1):
        start = k - size + 1
        if start >= 0 and tuple(w.text.lower() for w in words[start:k + 1]) in table.titles:
            return size
    return 0


def title_start_before(words: list[Word], i: int, table: AliasTable) -> int | None:
    """Start of a role phrase right before word i, or None.

    Accepts "[modifiers] title [for|to Capitalised words] [,]" so that "Foreign Minister Sergei
    Lavrov", "spokeswoman Heather Nauert" and "new representative for Syria, Jim Jeffrey" count.
    """
    k = i - 1
    if k >= 0 and words[k].text == ",":
        k -= 1
        m = k
        while m >= 0 and m > k - 6 and (words[m].is_cap or words[m].text in (".", "'", "s")):
            m -= 1
        if m >= 0 and m < k and words[m].text.lower() == "the":
            m -= 1
        if m < k and m >= 0 and words[m].text.lower() in _ROLE_PREPOSITIONS:
            k = m - 1
    size = _title_ending_at(words, k, table)
    if not size:
        return None
    k -= size
    while k >= 0:
        size = _title_ending_at(words, k, table)
        if size:
            k -= size
        elif words[k].text.lower() in table.title_modifiers:
            k -= 1
        else:
            break
    return k + 1


def affiliation_before(words: list[Word], i: int, table: AliasTable,
                       ends_at: dict[int, str]) -> tuple[str, int] | None:
    """The actor whose nationality word, name or seat sits before the role phrase before word i.

    `ends_at` maps the last word index of each country/organisation mention to its actor id.
    Returns the actor id and a weight: 2 when nationality word, title and name are one phrase,
    1 when a comma stands between (weaker: "Russia, President Assad's main backer").
    """
    if i - 1 in ends_at:
        return ends_at[i - 1], 2  # "Syrian President Bashar al-Assad" was read as one state mention
    start = title_start_before(words, i, table)
    spoken_for = _role_object(words, start, i, table, ends_at)
    k = (start if start is not None else i) - 1
    weight = 2
    if k >= 0 and words[k].text == "s" and k > 0 and words[k - 1].text == "'":
        k -= 2  # "Washington's new representative"
    elif k >= 0 and words[k].text == "," and start is not None:
        if all(w.text.lower() in _HONORIFICS or w.text == "." for w in words[start:i]):
            return (spoken_for, 2) if spoken_for else None  # "in Hangzhou, China, Mr. Obama": a place
        k -= 1  # "At the U.S. State Department, spokeswoman Heather Nauert"
        weight = 1
    owner = ends_at.get(k)
    if owner is None:
        return (spoken_for, 2) if spoken_for else None
    return owner, weight


# Roles whose "for X" names who they speak for; an "envoy for Syria" is sent to Syria, not by it.
_SPEAKS_FOR = word_list("speaks_for_titles")


def _role_object(words: list[Word], start: int | None, i: int, table: AliasTable,
                 ends_at: dict[int, str]) -> str | None:
    """ "A spokesman for the Chinese Foreign Ministry, Zhao Lijian" / "minister of Turkey, X" -> that body."""
    if start is None:
        return None
    for k in range(start, i):
        low = words[k].text.lower()
        if low in ("of", "at") or low == "for" and k > 0 and words[k - 1].text.lower() in _SPEAKS_FOR:
            for m in range(k + 1, i):
                if m in ends_at:
                    return ends_at[m]
            return None
    return None


def affiliation_after(words: list[Word], j: int, table: AliasTable,
                      starts_at: dict[int, tuple[str, int]]) -> str | None:
    """The actor in an appositive after the name: "X, Turkey's foreign minister" / "X, the minister of Y"."""
    n = len(words)
    if j >= n or words[j].text != ",":
        return None
    k = j + 1
    if k < n and words[k].text.lower() in ("the", "a"):
        k += 1
    owner = None
    if k in starts_at:
        owner, k = starts_at[k]
        if _title_ending_at(words, k - 1, table):
            return owner  # "X, the Egyptian foreign minister" was read as one state mention
        if k + 1 < n and words[k].text == "'" and words[k + 1].text == "s":
            k += 2
    while k < n and words[k].text.lower() in table.title_modifiers:
        k += 1
    size = 0
    for s in (3, 2, 1):
        if tuple(w.text.lower() for w in words[k:k + s]) in table.titles:
            size = s
            break
    if not size:
        return None
    k += size
    if owner is None and k < n and words[k].text.lower() in ("of", "for", "at") and k + 1 < n:
        k += 1
        if k < n and words[k].text.lower() == "the":
            k += 1
        if k in starts_at:
            owner = starts_at[k][0]
    return owner
