"""The joins a corpus makes between actor ids that name one entity: people by first name and surname, bodies by form and acronym."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Mapping

from core.actors.lexicon import words as lexicon_words
from core.model import Actor

# A surname alone goes to the one person of that surname the corpus names in full, or to the most named of
# several when it is named at least this many times as often as the next ("Obama": Barack, not Michelle).
# An acronym shared by several bodies goes to the most named in the same way.
DOMINANCE = 2.0

# Kinds that name a body: joined by form and acronym (people by name; countries come from the alias table).
BODY_KINDS = frozenset({"organisation", "company", "media", "party", "international-organisation", "armed-group"})

_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}


def name_merges(actors: Mapping[str, Actor], mentions: Mapping[str, int] | None = None) -> dict[str, str]:
    """Every automatic join over the corpus's first-seen actors (id -> the id it joins), flat: people
    (`person_merges`) and bodies (`body_merges`)."""
    people = {k: a for k, a in actors.items() if a.kind == "person"}
    bodies = {k: a for k, a in actors.items() if a.kind in BODY_KINDS}
    merges = person_merges(people, mentions)
    merges.update(body_merges(bodies, mentions))
    surnames = surname_bodies(people, bodies, merges, mentions)
    merges = {k: surnames.get(v, v) for k, v in merges.items()}
    merges.update(surnames)
    return merges


def surname_bodies(people: Mapping[str, Actor], bodies: Mapping[str, Actor], merges: Mapping[str, str],
                   mentions: Mapping[str, int] | None = None) -> dict[str, str]:
    """A one-word organisation the text found by itself (NER's "Sanders" in an article that never names
    him in full) that is the surname of a person the corpus names in full: that person, as within one
    article. Only when the person is named far more often than the word (see DOMINANCE; a company "Dell"
    named more often than Michael Dell stays a company) and one person of that surname dominates.
    `merges`: the joins made so far (people's forms count for their head)."""
    from core.actors.table import load_alias_table

    mentions = mentions or {}
    table = load_alias_table()
    counts: dict[str, int] = {}
    for actor_id in people:
        head = merges.get(actor_id, actor_id)
        counts[head] = counts.get(head, 0) + mentions.get(actor_id, 0)
    by_surname: dict[str, list[str]] = {}
    for actor_id, actor in people.items():
        key = _name_key(actor.name)
        if key is not None and actor_id not in merges:
            by_surname.setdefault(key[1], []).append(actor_id)
    joins: dict[str, str] = {}
    for actor_id, actor in bodies.items():
        if actor.kind != "organisation" or actor_id in merges or table.actor(actor_id) is not None:
            continue
        words = actor.name.split()
        if len(words) != 1 or not words[0][:1].isupper() or words[0].isupper():
            continue
        pick = _dominant(by_surname.get(words[0].split("-")[-1].casefold(), []), counts)
        if pick is not None and counts.get(pick, 0) >= DOMINANCE * max(1, mentions.get(actor_id, 0)):
            joins[actor_id] = pick
    return joins


def _name_key(name: str) -> tuple[str, str] | None:
    """(first name, surname) of a full name, middle names and initials left out: "Donald J. Trump" ->
    ("donald", "trump"); None for a one-word name."""
    words = [w for w in name.replace(".", " ").split() if w]
    words = [w for w in words if w.lower() not in _SUFFIXES]
    if len(words) < 2:
        return None
    return words[0].casefold(), words[-1].split("-")[-1].casefold()


def person_merges(people: dict[str, Actor], mentions: Mapping[str, int] | None = None) -> dict[str, str]:
    """Joins the corpus makes between person ids: full names differing only in middle names or initials
    ("donald-j-trump" -> "donald-trump"), and a surname named alone ("obama", "President Obama") to the
    person of that surname the corpus names in full (see DOMINANCE). `people`: first-seen actor of kind
    "person" per id, in article order; `mentions`: mentions per id (ties go to the first seen)."""
    mentions = mentions or {}
    by_key: dict[tuple[str, str], list[str]] = {}
    for actor_id, actor in people.items():
        key = _name_key(actor.name)
        if key is not None:
            by_key.setdefault(key, []).append(actor_id)
    merges: dict[str, str] = {}
    heads: dict[str, int] = {}  # canonical full-name id -> mentions of all its forms
    by_surname: dict[str, list[str]] = {}
    for key, ids in by_key.items():
        head = min(ids, key=lambda x: (len(people[x].name.split()), -mentions.get(x, 0), ids.index(x)))
        for other in ids:
            if other != head:
                merges[other] = head
        heads[head] = sum(mentions.get(x, 0) for x in ids)
        by_surname.setdefault(key[1], []).append(head)
    for actor_id, actor in people.items():
        words = actor.name.split()
        if len(words) != 1:
            continue
        candidates = by_surname.get(words[0].split("-")[-1].casefold(), [])
        pick = _dominant(candidates, heads)
        if pick is not None:
            merges[actor_id] = pick
    return merges


def _dominant(candidates: list[str], counts: Mapping[str, int]) -> str | None:
    if len(candidates) == 1:
        return candidates[0]
    if len(candidates) > 1:
        ranked = sorted(candidates, key=lambda x: -counts.get(x, 0))
        if counts.get(ranked[0], 0) >= DOMINANCE * max(1, counts.get(ranked[1], 0)):
            return ranked[0]
    return None


# Words that join a name's parts and give no letter to its acronym ("Securities and Exchange Commission").
_LINK_WORDS = frozenset({"of", "and", "the", "for", "&", "on", "in", "to", "de"})
# The institution a name's head word says it is: "Department of Justice" is the "Justice Department".
_INSTITUTION_HEADS = frozenset({"department", "ministry"})
_TOKEN = re.compile(r"[\w&'-]+")


def _tokens(name: str, fold: bool = True) -> list[str]:
    # dotted acronyms close up ("U.S." -> "US") so they read as one word
    closed = re.sub(r"\b((?:[A-Za-z]\.){2,})", lambda m: m.group(1).replace(".", ""), name)
    return [t.casefold() if fold else t for t in _TOKEN.findall(closed)]


@lru_cache(maxsize=1)
def _trailing_words() -> frozenset[str]:
    """Words a body's name may carry or drop at its end and stay the same body ("Apple Inc." = "Apple")."""
    return lexicon_words("org_suffixes") | _INSTITUTION_HEADS


@lru_cache(maxsize=4096)
def _country_word(word: str) -> bool:
    """Does this word name a country ("US", "British")? Read from the alias table."""
    from core.actors.table import load_alias_table, tokens_of

    table = load_alias_table()
    entry = table.lookup(tokens_of(word))
    actor = table.actor(entry.actor_id) if entry is not None else None
    return actor is not None and actor.kind == "country"


def _body_forms(name: str) -> tuple[str | None, str]:
    """(the country word a body's name starts with, the name's core): "US Treasury Department" ->
    ("us", "treasury"); "Department of Justice" -> (None, "justice"); "Apple Inc." -> (None, "apple")."""
    words = _tokens(name)
    first = _tokens(name, fold=False)
    if words and words[0] == "the":
        words, first = words[1:], first[1:]
    if len(words) >= 3 and words[0] in _INSTITUTION_HEADS and words[1] == "of":
        words = words[2:] + [words[0]]
    while len(words) > 1 and words[-1] in _trailing_words():
        words = words[:-1]
    country = None
    if len(words) > 1 and first and first[0].casefold() == words[0] and _country_word(first[0]):
        country, words = words[0], words[1:]
    return country, " ".join(words)


def _initials(name: str) -> set[str]:
    """The acronyms a name may go by: its words' initials, link words left out, with and without its
    trailing words, and with one a text may drop ("Federal Deposit Insurance" -> fdi, fdic, fdig, ...)."""
    words = [w for w in _tokens(name) if w not in _LINK_WORDS]
    core = list(words)
    while len(core) > 1 and core[-1] in _trailing_words():
        core = core[:-1]
    stem = "".join(w[0] for w in core)
    forms = {"".join(w[0] for w in words), stem}
    if core == words:
        forms.update(stem + t[0] for t in _trailing_words())
    return {f for f in forms if len(f) > 1}


def _acronym(name: str) -> str | None:
    """The acronym a body is named by ("SEC", "U.N.", "AT&T" is not one: it has no initials to match)."""
    closed = name.replace(".", "").strip()
    return closed.casefold() if re.fullmatch(r"[A-Z]{2,6}", closed) else None


def body_merges(bodies: Mapping[str, Actor], mentions: Mapping[str, int] | None = None) -> dict[str, str]:
    """Joins between ids of bodies that name one body: the same core name with or without its institution
    word, legal suffix or country ("Treasury", "Treasury Department", "US Treasury"; "Justice Department",
    "Department of Justice"; "Apple", "Apple Inc."), and an acronym to the one body whose initials it is
    ("SEC" -> "Securities and Exchange Commission"; "FDIC" -> "Federal Deposit Insurance", its
    "Corporation" dropped; several bodies share it: the most named, see DOMINANCE). A country word joins
    only where no other country names a body of the same core ("US Senate" stays apart from "Senate" when
    the corpus also names an "Iraqi Senate"). Each group goes to its most-named id."""
    mentions = mentions or {}
    order = {actor_id: k for k, actor_id in enumerate(bodies)}
    by_core: dict[str, list[tuple[str | None, str]]] = {}
    acronyms: dict[str, str] = {}
    for actor_id, actor in bodies.items():
        letters = _acronym(actor.name)
        if letters is not None:
            acronyms[actor_id] = letters
            continue
        country, core = _body_forms(actor.name)
        if core:
            by_core.setdefault(core, []).append((country, actor_id))
    groups: list[tuple[str, list[str]]] = []
    for core, members in by_core.items():
        countries = {c for c, _ in members if c is not None}
        if len(countries) > 1:  # "US Senate" and "Iraqi Senate": only the bare names join
            bare = [i for c, i in members if c is None]
            groups.extend([(core, bare)] + [(core, [i]) for c, i in members if c is not None])
        else:
            groups.append((core, [i for _, i in members]))
    merges: dict[str, str] = {}
    heads: dict[str, int] = {}
    by_letters: dict[str, list[str]] = {}
    clips: dict[str, list[str]] = {}  # one-word core -> the heads of its group(s)
    long_heads: list[tuple[str, str]] = []  # (first word of a core of several words, head)
    for core, ids in groups:
        if not ids:
            continue
        head = min(ids, key=lambda x: (-mentions.get(x, 0), order[x]))
        for other in ids:
            if other != head:
                merges[other] = head
        heads[head] = sum(mentions.get(x, 0) for x in ids)
        if " " in core:
            long_heads.append((core.split()[0], head))
        else:
            clips.setdefault(core, []).append(head)
        names = [bodies[x].name for x in ids]
        for letters in {f for name in names if len(_tokens(name)) > 1 for f in _initials(name)}:
            by_letters.setdefault(letters, [])
            if head not in by_letters[letters]:
                by_letters[letters].append(head)
    for actor_id, letters in acronyms.items():
        pick = _dominant(by_letters.get(letters, []), heads)
        if pick is not None:
            merges[actor_id] = pick
    _join_clippings(bodies, clips, long_heads, heads, merges)
    return merges


# A clipped name has at least this many letters ("Fed" of "Federal Reserve").
MIN_CLIP = 3


def _join_clippings(bodies: Mapping[str, Actor], clips: dict[str, list[str]], long_heads: list[tuple[str, str]],
                    heads: dict[str, int], merges: dict[str, str]) -> None:
    """A one-word body name that is the clipped first word of a longer body's name ("Fed" -> "Federal
    Reserve") joins it; several longer bodies qualify ("Federal Deposit Insurance"): the most named (see
    DOMINANCE). A word that starts a longer name as it is ("Dow" of "Dow Chemical") is a name of its own,
    not a clipping, and stays apart ("Dow" is not "Downey Savings")."""
    first_words = set()
    for actor in bodies.values():
        words = _tokens(actor.name)
        words = words[1:] if words[:1] == ["the"] else words
        if len(words) > 1:
            first_words.add(words[0])
    for clip, clip_heads in clips.items():
        if len(clip) < MIN_CLIP or not clip.isalpha() or clip in first_words:
            continue
        candidates = list(dict.fromkeys(head for first, head in long_heads
                                        if first != clip and first.startswith(clip)))
        pick = _dominant(candidates, heads)
        if pick is None:
            continue
        for head in clip_heads:
            for other, target in list(merges.items()):
                if target == head:
                    merges[other] = pick
            merges[head] = pick
