"""Links "he"/"she" before a speech verb to the person who spoke last ("..., she added")."""
from __future__ import annotations

import bisect

from core.actors.lexicon import words as word_list
from core.actors.scan import Candidate, Word

# Speech verbs after which a pronoun is read; other pronouns are left alone (too ambiguous to guess).
SPEECH = word_list("pronoun_speech_verbs")
_FEMALE = word_list("female_words")
_MALE = word_list("male_words")
# How far back (in sentences) a pronoun may look for its speaker.
WINDOW = 3


def _gender_near(words: list[Word], c: Candidate) -> str:
    """ "f"/"m" when a gendered title sits right before the name ("spokeswoman Heather Nauert")."""
    for k in range(max(0, c.wstart - 3), c.wstart):
        low = words[k].text.lower()
        if low in _FEMALE:
            return "f"
        if low in _MALE:
            return "m"
    return ""


def _is_speaker(words: list[Word], c: Candidate) -> bool:
    after = [w.text.lower() for w in words[c.wend:c.wend + 3]]
    # ', said Heather Nauert' names a speaker; 'She said Jim Jeffrey raised ...' does not.
    inverted = c.wstart >= 2 and words[c.wstart - 1].text.lower() in SPEECH and \
        words[c.wstart - 2].text in (",", "\u201d", '"', "'")
    return bool(SPEECH & set(after)) or inverted


def link_pronouns(cands: list[Candidate], words: list[Word], starts: list[int], is_person) -> list[Candidate]:
    """New "pronoun" candidates for he/she + speech verb, pointing at the last fitting speaker.

    `is_person(actor_id)` tells persons apart. A speaker (a person next to a speech verb) is
    preferred to a person merely named; a gendered title ("spokeswoman") rules out the other pronoun.
    """
    people = [c for c in cands if c.actor_id and is_person(c.actor_id)]
    if not people:
        return []
    gender: dict[str, str] = {}
    for c in people:
        g = _gender_near(words, c)
        if g:
            gender.setdefault(c.actor_id, g)
    taken = set()
    for c in cands:
        taken.update(range(c.wstart, c.wend))
    sentence_of = [bisect.bisect_right(starts, w.start) - 1 for w in words]
    found = []
    for i, w in enumerate(words):
        low = w.text.lower()
        if low not in ("he", "she") or i in taken or i + 1 >= len(words) or words[i + 1].text.lower() not in SPEECH:
            continue
        want = "f" if low == "she" else "m"
        earlier = [c for c in people if c.wend <= i and sentence_of[i] - sentence_of[c.wstart] <= WINDOW
                   and gender.get(c.actor_id, want) == want]
        if not earlier:
            continue
        speakers = [c for c in earlier if _is_speaker(words, c)]
        chosen = (speakers or earlier)[-1]
        found.append(Candidate(i, i + 1, chosen.actor_id, "pronoun", "pronoun", kind="person"))
    return found
