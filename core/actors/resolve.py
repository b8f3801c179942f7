"""find_actors: turns a parsed article into canonical actors and their mentions."""
from __future__ import annotations

import bisect
from collections import Counter, defaultdict

from core.actors import affiliation, coref, groups, names, pronouns, scan
from core.actors.lexicon import words as word_list
from core.actors.scan import Candidate, Word
from core.actors.table import STATE_FOCUS, STATE_NEAR, AliasTable, load_alias_table
from core.model import Actor, Mention
from core.parsed import doc_text

_LINKABLE_KINDS = ("country", "international-organisation", "organisation", "party", "armed-group", "media")


def _sentence_starts(doc) -> list[int]:
    try:
        return [s.start_char for s in doc.sents]
    except ValueError:  # a doc with no sentence boundaries is one sentence
        return [0]


def _settle_overlaps(cands: list[Candidate]) -> list[Candidate]:
    """Longer spans win; table matches beat guesses of the same length."""
    order = sorted(cands, key=lambda c: (-(c.wend - c.wstart), c.source != "table", c.wstart))
    taken: set[int] = set()
    kept = []
    for cand in order:
        span = set(range(cand.wstart, cand.wend))
        if span & taken:
            continue
        taken |= span
        kept.append(cand)
    return sorted(kept, key=lambda c: c.wstart)


def find_actors(doc, article_id: str = "", table: AliasTable | None = None) -> tuple[list[Actor], list[Mention]]:
    """Canonical actors named in `doc` and every mention of them, sorted by offset, non-overlapping."""
    table = table or load_alias_table()
    text = doc_text(doc)
    words = scan.words_of(text)
    if not words:
        return [], []
    blocked = scan.flag_words(words, scan.furniture_ranges(text))
    starts = _sentence_starts(doc)
    headline = scan.flag_words(words, scan.headline_ranges(text, starts))
    country_ids = {a.id for a in table.actors.values() if a.kind == "country"}

    cands = scan.match_aliases(words, table, blocked, headline)
    scan.widen_state_nouns(cands, words, table, country_ids)
    cands = scan.absorb_group_nouns(_settle_overlaps(cands), table)
    taken = [False] * len(words)
    for c in cands:
        for k in range(c.wstart, c.wend):
            taken[k] = True

    labels = names.ner_labels(doc, words)
    runs = names.capitalised_runs(words, taken, blocked)
    cands += names.classify_runs(
        words, runs, table, labels, set(starts), headline,
        lambda i: affiliation.title_start_before(words, i, table) is not None, names.pos_tags(doc, words))
    cands = _settle_overlaps(_absorb_nationality(cands, words))

    people = coref.name_people_and_orgs(cands, words, table)
    coref.link_acronyms(cands, words)
    cands = [c for c in cands if c.actor_id]

    _resolve_state_refs(cands, words, starts, country_ids)
    cands = [c for c in cands if not c.actor_id.startswith("@")]

    groups.qualify_groups(cands, table)
    person_ids = {c.actor_id for c in cands
                  if (table.actor(c.actor_id).kind if table.actor(c.actor_id) else c.kind) == "person"}
    cands = sorted(cands + pronouns.link_pronouns(cands, words, starts, person_ids.__contains__),
                   key=lambda c: c.wstart)
    evidence = _person_affiliations(cands, words, table, starts)
    _leaders_governments(cands, words, table, evidence, country_ids)
    return _build(cands, words, starts, article_id, table, people, evidence, text)


def _absorb_nationality(cands: list[Candidate], words: list[Word]) -> list[Candidate]:
    """ "Norwegian Refugee Council", "America First Committee": one organisation, not a country plus one."""
    by_end = {c.wend: c for c in cands if c.source == "table" and c.via in ("nationality", "name", "alias")
              and not c.state_role}
    absorbed = set()
    for c in cands:
        lead = by_end.get(c.wstart)
        if lead is not None and c.source != "table" and c.kind not in ("", "person", "headline") and \
                (lead.via == "nationality" or names.org_kind(c.name)) and \
                words[c.wstart].start - words[lead.wend - 1].end == 1:
            c.wstart = lead.wstart
            c.name = " ".join(w.text for w in words[c.wstart:c.wend])
            absorbed.add(id(lead))
    return [c for c in cands if id(c) not in absorbed]


def _resolve_state_refs(cands: list[Candidate], words: list[Word], starts: list[int], country_ids: set[str]) -> None:
    """Replace "the army" by the article's main government and "its army" by the country just named."""
    countries = [c for c in cands if c.actor_id in country_ids]
    state_votes = Counter(c.actor_id for c in countries if c.state_role)
    all_votes = Counter(c.actor_id for c in countries)
    first = {}
    for c in countries:
        first.setdefault(c.actor_id, c.wstart)
    votes = state_votes or all_votes
    focus = max(votes, key=lambda a: (votes[a], all_votes[a], -first[a])) if votes else ""
    for c in cands:
        if c.actor_id == STATE_FOCUS:
            c.actor_id = focus or "@none"
        elif c.actor_id == STATE_NEAR:
            sent = bisect.bisect_right(starts, words[c.wstart].start)
            near = [p for p in countries if p.wend <= c.wstart
                    and bisect.bisect_right(starts, words[p.wstart].start) == sent]
            c.actor_id = near[-1].actor_id if near else (focus or "@none")
        else:
            continue
        c.via = "alias"


def _person_affiliations(cands: list[Candidate], words: list[Word], table: AliasTable,
                         starts: list[int]) -> dict[str, Counter]:
    """Per person id, votes for the body they speak for, read from titles around each mention; the alias
    table's affiliation counts only where the text names that body in the same sentence as the person."""
    ends_at: dict[int, str] = {}
    starts_at: dict[int, tuple[str, int]] = {}
    kinds: dict[str, str] = {}
    for c in cands:
        actor = table.actor(c.actor_id)
        kind = actor.kind if actor else c.kind
        if c.via != "pronoun":
            kinds[c.actor_id] = kind
        if kind in _LINKABLE_KINDS:
            ends_at[c.wend - 1] = c.actor_id
            starts_at[c.wstart] = (c.actor_id, c.wend)
    def sentence_of(c: Candidate) -> int:
        return bisect.bisect_right(starts, words[c.wstart].start)

    named_in: dict[int, set[str]] = defaultdict(set)
    for c in cands:
        named_in[sentence_of(c)].add(c.actor_id)
    votes: dict[str, Counter] = defaultdict(Counter)
    for c in cands:
        if kinds.get(c.actor_id) != "person" or c.via == "pronoun":
            continue
        known = table.actor(c.actor_id)
        if known is not None and known.affiliation and known.affiliation in named_in.get(sentence_of(c), ()):
            # The table's entry is dated knowledge (a candidate is not yet the president): it counts only
            # beside the text's own word for that body ("Russia … with Foreign Minister Sergei Lavrov").
            votes[c.actor_id][known.affiliation] += 1
        possessor = c.wend + 1 < len(words) and words[c.wend].text == "'" and words[c.wend + 1].text == "s"
        found = affiliation.affiliation_before(words, c.wstart, table, ends_at)
        if found and found[1] == 1 and possessor:
            found = None  # "Russia, President Assad's main backer": Russia backs him, he does not speak for it
        if found is None:
            after = affiliation.affiliation_after(words, c.wend, table, starts_at)
            found = (after, 2) if after else None
        if found and found[0] != c.actor_id:
            votes[c.actor_id][found[0]] += found[1]
    return votes


# After a leader's name these nouns name the state they lead ("the Assad regime", "Putin's forces").
_LEADER_STATE_NOUNS = word_list("leader_state_nouns")


def _leaders_governments(cands: list[Candidate], words: list[Word], table: AliasTable,
                         evidence: dict[str, Counter], country_ids: set[str]) -> None:
    taken = {k for c in cands for k in range(c.wstart, c.wend)}
    for c in cands:
        votes = evidence.get(c.actor_id)
        if c.via == "pronoun" or not votes:
            continue
        country = votes.most_common(1)[0][0]
        j = c.wend
        if j + 1 < len(words) and words[j].text == "'" and words[j + 1].text == "s":
            j += 2
        if country in country_ids and j < len(words) and words[j].text.lower() in _LEADER_STATE_NOUNS \
                and j not in taken:
            c.actor_id, c.wend, c.via, c.state_role = country, j + 1, "alias", True


def _build(cands: list[Candidate], words: list[Word], starts: list[int], article_id: str, table: AliasTable,
           people: coref.People, evidence: dict[str, Counter], text: str) -> tuple[list[Actor], list[Mention]]:
    """Plain records: one Mention per candidate, one Actor per id (kind from the table or the guess)."""
    actors: dict[str, Actor] = {}
    mentions: list[Mention] = []
    # an organisation is shown by the fullest name the article gives it ("Trump Foundation", not a later "Trump")
    org_names: dict[str, str] = {}
    for c in cands:
        if c.via == "name" and c.kind not in ("person", "") and len(c.name) > len(org_names.get(c.actor_id, "")):
            org_names[c.actor_id] = c.name
    for c in cands:
        start, end = words[c.wstart].start, words[c.wend - 1].end
        sentence_index = max(0, bisect.bisect_right(starts, start) - 1)
        mentions.append(Mention(article_id, sentence_index, start, end, text[start:end],
                                c.actor_id, c.via))
        if c.actor_id in actors or c.via == "pronoun":
            continue
        known = table.actor(c.actor_id)
        if known is not None:
            actor = known
        elif c.kind == "person" or c.actor_id in people.names:
            actor = Actor(c.actor_id, people.names.get(c.actor_id, c.name), "person")
        else:
            actor = Actor(c.actor_id, org_names.get(c.actor_id) or c.name or _span_text(words, c),
                          c.kind or "organisation")
        actors[c.actor_id] = actor
    for actor_id, votes in evidence.items():
        if actor_id in actors:
            ranked = [a for a, _ in votes.most_common() if a != actor_id]
            old = actors[actor_id]
            if ranked:
                actors[actor_id] = Actor(old.id, old.name, old.kind, ranked[0], tuple(ranked))
    return list(actors.values()), mentions


def _span_text(words: list[Word], c: Candidate) -> str:
    parts = [words[c.wstart].text]
    for k in range(c.wstart + 1, c.wend):
        parts.append(("" if words[k].start == words[k - 1].end else " ") + words[k].text)
    return "".join(parts)
