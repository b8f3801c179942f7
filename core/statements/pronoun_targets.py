"""Gives "him"/"her" targets the person the text named just before ("Iran supports him too" -> Assad)."""
from __future__ import annotations

from dataclasses import replace
from typing import Sequence

from core.model import Mention, Statement

PERSON_PRONOUNS = {"him", "her"}
# How many sentences back the person may have been named; further is too far to guess.
WINDOW = 1


def resolve_target_pronouns(statements: list[Statement], mentions: Sequence[Mention], doc) -> list[Statement]:
    """A target that is "him" or "her" takes the last person mentioned before it (not the speaker).

    Persons are the mentions spaCy tags PERSON, named by surname or themselves resolved pronouns; "it" and
    "them" are left alone: they as often mean an offensive or a plan as an actor."""
    if not mentions or not doc.has_annotation("ENT_IOB"):
        return statements
    people = [m for m in mentions if _is_person(m, doc)]
    if not people:
        return statements
    out = list(statements)
    for k, st in enumerate(out):
        if st.target is None or st.target_actor is not None or st.target.text.lower() not in PERSON_PRONOUNS:
            continue
        earlier = [m for m in people if m.end <= st.target.start and st.sentence_index - m.sentence_index <= WINDOW
                   and m.actor_id != st.source_actor]
        if earlier:
            out[k] = replace(st, target_actor=earlier[-1].actor_id, confidence=round(st.confidence * 0.9, 2))
    return out


def _is_person(mention: Mention, doc) -> bool:
    if mention.via in ("pronoun", "surname"):  # only people are joined by surname
        return True
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return span is not None and any(t.ent_type_ == "PERSON" for t in span)
