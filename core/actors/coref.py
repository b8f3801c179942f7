"""Within one article, joins the names of one actor: full names, variants, surnames, first names, acronyms."""
from __future__ import annotations

import re
from collections import defaultdict

from core.actors.lexicon import words as word_list
from core.actors.scan import Candidate, Word
from core.actors.table import AliasTable, slugify, surname_key

# Trailing words that do not change which organisation is meant ("Apple Inc.", "Apple Computer", "NPD Group").
_ORG_SUFFIXES = word_list("org_suffixes")


def org_name(name: str) -> str:
    """The organisation's base name: "The Apple Computer Inc." -> "Apple"."""
    # "E.P.A." is "EPA"; other dots and commas only separate words ("Apple Inc." -> "Apple").
    name = re.sub(r"\b(?:[A-Z]\.){2,}", lambda m: m.group().replace(".", ""), name)
    words = name.replace(".", " ").replace(",", " ").split()
    if len(words) > 1 and words[0].lower() == "the":
        words.pop(0)
    while len(words) > 1 and words[-1].lower() in _ORG_SUFFIXES:
        words.pop()
    return " ".join(words)


# A surname two people share goes to the one named in full within this many words before it.
NEAR_WORDS = 40


class People:
    """Clusters person names within one article: full names, variants, and surname-only mentions."""

    def __init__(self, table: AliasTable):
        self.table = table
        self.by_key: dict[tuple[str, str], str] = {}
        self.by_surname: dict[str, set[str]] = defaultdict(set)
        self.names: dict[str, str] = {}
        # where each person was named in full (word indices), to settle a surname two people share
        self.named_at: dict[str, list[int]] = defaultdict(list)

    def add_known(self, actor_id: str, name: str) -> None:
        self.by_surname[surname_key(name)].add(actor_id)
        self.by_key.setdefault((slugify(name.split()[0]), surname_key(name)), actor_id)
        self.names.setdefault(actor_id, name)

    def add_full(self, name: str, at: int | None = None) -> str:
        first = slugify(name.split()[0])
        key = (first, surname_key(name))
        actor_id = self.by_key.get(key)
        if actor_id is None:
            actor_id = self._ending_in_known(name)
        if actor_id is None:
            known = self.table.surname_index().get(key[1])
            known_actor = self.table.actor(known) if known else None
            if known_actor and slugify(known_actor.name.split()[0]) == first:
                actor_id = known_actor.id  # "Bashar Assad" when the table spells "Bashar al-Assad"
            else:
                actor_id = slugify(name)
            self.by_key[key] = actor_id
        if len(name) > len(self.names.get(actor_id, "")) and self.table.actor(actor_id) is None:
            self.names[actor_id] = name
        self.by_surname[key[1]].add(actor_id)
        if at is not None:
            self.named_at[actor_id].append(at)
        return actor_id

    def _ending_in_known(self, name: str) -> str | None:
        """ "Crooked Hillary Clinton", "Miss Universe Alicia Machado": a known full name with words before it."""
        words = name.split()
        for size in range(len(words) - 1, 1, -1):
            tail = words[-size:]
            key = (slugify(tail[0]), surname_key(" ".join(tail)))
            if key in self.by_key:
                return self.by_key[key]
        return None

    def known_full(self, name: str) -> str | None:
        """The person this full name was already given to, without creating one."""
        key = (slugify(name.split()[0]), surname_key(name))
        return self.by_key.get(key)

    def for_surname(self, word: str, at: int | None = None) -> str | None:
        """The person a surname stands for: the one of that name in the article; when two share it
        ("Obama" with Barack and Michelle named in full), the one named in full nearest before `at`,
        else the first named after it."""
        key = surname_key(word)
        ids = self.by_surname.get(key, set())
        if len(ids) == 1:
            return next(iter(ids))
        if not ids:
            return self.table.surname_index().get(key)
        if at is None:
            return None
        before = [(k, pid) for pid in ids for k in self.named_at.get(pid, ()) if k < at]
        if before and at - max(before)[0] <= NEAR_WORDS:
            return max(before)[1]
        # named further back: the article's main bearer of the name (named in full most often, then first)
        named = [(len(self.named_at[pid]), -min(self.named_at[pid]), pid) for pid in ids if self.named_at.get(pid)]
        return max(named)[2] if named else None

    def for_first_name(self, word: str) -> str | None:
        """ "Steve" for the one Steve named in full in this article (never for a table-only person)."""
        key = slugify(word)
        ids = {pid for pid, name in self.names.items() if slugify(name.split()[0]) == key and len(name.split()) > 1}
        return next(iter(ids)) if len(ids) == 1 else None


def link_acronyms(cands: list[Candidate], words: list[Word]) -> None:
    """ "Syrian Observatory for Human Rights (SOHR)": later "SOHR" names the same actor."""
    defined: dict[str, Candidate] = {}
    for c in cands:
        j = c.wend
        if j + 2 < len(words) and words[j].text == "(" and words[j + 2].text == ")" \
                and words[j + 1].text.isupper() and c.kind != "person":
            defined.setdefault(words[j + 1].text.replace(".", ""), c)
    if not defined:
        return
    for c in cands:
        if c.wend - c.wstart == 1 and c.source != "table":
            owner = defined.get(words[c.wstart].text.replace(".", ""))
            if owner is not None and owner is not c and owner.actor_id:
                c.actor_id, c.name, c.kind, c.via = owner.actor_id, owner.name, owner.kind, "alias"


def name_people_and_orgs(cands: list[Candidate], words: list[Word], table: AliasTable) -> People:
    """Gives every person/organisation candidate its actor id; unresolvable ones keep an empty id."""
    people = People(table)
    for c in cands:
        actor = table.actor(c.actor_id)
        if actor is not None and actor.kind == "person":
            people.add_known(actor.id, actor.name)
    for c in cands:
        if c.initial and c.kind == "person" and c.via == "name" and c.wend - c.wstart == 2:
            known = people.for_surname(words[c.wstart + 1].text)
            known_actor = table.actor(known) if known else None
            full = people.names.get(known) or (known_actor.name if known_actor else c.name)
            if known and slugify(full.split()[0]) != slugify(c.name.split()[0]):
                c.wstart, c.via = c.wstart + 1, "surname"  # "Later Lavrov said" on a tagger-less doc
    lone = {surname_key(c.name or words[c.wstart].text) for c in cands if c.via == "surname"}
    for c in cands:
        if c.weak and surname_key(c.name) not in lone and people.known_full(c.name) is None:
            c.via = "dropped"  # capitals alone prove nothing ("Black Sea", "Khan Sheikhoun")
    for c in cands:
        if c.kind == "person" and c.via == "name":
            c.actor_id = people.add_full(c.name, c.wstart)
    org_names: dict[str, str] = {}
    for c in cands:
        if c.kind and c.kind not in ("person", "headline") and not c.actor_id and c.via == "name":
            org_names[c.name] = org_names[org_name(c.name)] = slugify(org_name(c.name))
    org_kinds = {slugify(org_name(c.name)): c.kind for c in cands
                 if c.kind and c.kind not in ("person", "headline") and c.via == "name"}
    _link_short_org_names(cands, words, org_names, people)
    for c in cands:
        if c.via == "known":
            # A full name in a headline or a locative phrase: only someone already named counts.
            found = people.known_full(c.name)
            org = org_names.get(c.name) or org_names.get(org_name(c.name))
            if found or org:
                c.actor_id, c.via = found or org, "name"
                c.kind = "person" if found else org_kinds.get(org, "organisation")
            elif c.kind == "headline":
                # "Assad Offensive on ...": the first word of the piece that names someone known.
                hit = next((k for k in range(c.wstart, c.wend) if words[k].text[:1].isupper()
                            and (people.for_surname(words[k].text) or words[k].text in org_names)), None)
                if hit is not None:
                    c.wstart, c.wend, c.via, c.kind, c.name = hit, hit + 1, "surname", "", words[hit].text
        if c.via == "surname":
            word = c.name or words[c.wstart].text
            c.actor_id = people.for_surname(word, c.wstart) or ""
            if c.actor_id:
                c.kind = "person"  # NER may have called the surname an organisation ("Jobs")
            if not c.actor_id and c.kind == "person":
                c.actor_id = people.for_first_name(word) or ""
                c.via = "alias" if c.actor_id else c.via
            if not c.actor_id and c.titled:
                c.actor_id, c.via = people.add_full(word), "name"
            if not c.actor_id and word in org_names:
                c.actor_id, c.via = org_names[word], "name"  # "Apple" in a headline, named in the body
            if not c.actor_id and c.kind == "organisation":
                c.via = "name"  # NER's one-word organisation ("Apple") that is nobody's surname
        if not c.actor_id and c.kind and c.kind not in ("person", "headline") and c.via == "name":
            c.name = org_name(c.name)
            c.actor_id = slugify(c.name)
    return people


# Words after a short name that still mean the same body ("Hofstra University" is "Hofstra").
_GENERIC_ORG_WORDS = word_list("generic_org_words")


def _link_short_org_names(cands: list[Candidate], words: list[Word], org_names: dict[str, str],
                          people: People) -> None:
    """ "the Post" after "New York Post", "Hofstra" after "Hofstra University": one organisation.

    A short name that is the base of another name ("Apple" of "Apple Computer") stays its own actor,
    and a prefix only links when the rest is generic, so "Apple" is never swallowed by "Apple Corps".
    """
    long_names = [(name.split(), actor_id) for name, actor_id in org_names.items() if len(name.split()) > 1]
    for c in cands:
        if c.actor_id or c.kind in ("", "person", "headline") or c.via not in ("name", "surname"):
            continue
        short = c.name if c.via == "name" else words[c.wstart].text
        if not short or (c.via == "surname" and short in org_names):
            continue
        if len(short.split()) == 1 and people.by_surname.get(surname_key(short)):
            continue  # "Trump" beside "Donald Trump" is the person, not "Trump University"
        parts = short.split()
        size = len(parts)
        owners = {actor_id for long, actor_id in long_names if len(long) > size and (
            long[-size:] == parts
            or long[:size] == parts and all(w.lower() in _GENERIC_ORG_WORDS for w in long[size:]))}
        if len(owners) == 1:
            c.actor_id, c.via = owners.pop(), "alias"
