"""Targets named by "him"/"her" (core/statements/pronoun_targets.py)."""
import pytest

from core.actors import find_actors
from core.statements import find_statements


@pytest.mark.parametrize("text,cue,target", [
    ("Russia backs Assad, and Iran supports him too.", "supports", "bashar-al-assad"),
    ("Lavrov met Cavusoglu. Putin later praised him.", "praised", "mevlut-cavusoglu"),
    ("Nauert said Russia backs Assad. Turkey condemned him.", "condemned", "bashar-al-assad"),
    ("Iran supports him.", "supports", None),  # nobody named before: left alone
    ("Assad spoke in 2015. Two years later, in a new war, with new allies and new enemies, "
     "after many talks, Turkey condemned him.", "condemned", "bashar-al-assad"),
])
def test_him_and_her_take_the_person_named_before(nlp, text, cue, target):
    doc = nlp(text)
    _, mentions = find_actors(doc, "a")
    st = next(s for s in find_statements(doc, mentions, "a") if s.cue.text == cue)
    assert st.target.text.lower() in ("him", "her") and st.target_actor == target


def test_the_speaker_is_not_their_own_target(nlp):
    doc = nlp("Putin spoke to reporters. Putin said Lavrov had praised him.")
    _, mentions = find_actors(doc, "a")
    praised = next(s for s in find_statements(doc, mentions, "a") if s.cue.text == "praised")
    assert praised.target_actor != praised.source_actor


def test_it_and_them_stay_unresolved(nlp):
    doc = nlp("Russia backs the offensive. Turkey opposes it.")
    _, mentions = find_actors(doc, "a")
    opposes = next(s for s in find_statements(doc, mentions, "a") if s.cue.text == "opposes")
    assert opposes.target_actor is None
