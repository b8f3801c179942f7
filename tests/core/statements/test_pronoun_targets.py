"""Pronoun sources and targets take the actor they refer to; unresolved pronoun targets are dropped
(core/statements/pronoun_targets.py)."""
import pytest

from core.actors import find_actors
from core.statements import find_statements


def statement(nlp, text, cue):
    doc = nlp(text)
    _, mentions = find_actors(doc, "a")
    return next(s for s in find_statements(doc, mentions, "a") if s.cue.text == cue)


@pytest.mark.parametrize("text,cue,target", [
    ("Russia backs Assad, and Iran supports him too.", "supports", "bashar-al-assad"),
    ("Lavrov met Cavusoglu. Putin later praised him.", "praised", "mevlut-cavusoglu"),
    ("Nauert said Russia backs Assad. Turkey condemned him.", "condemned", "bashar-al-assad"),
    ("Assad spoke in 2015. Two years later, in a new war, with new allies and new enemies, "
     "after many talks, Turkey condemned him.", "condemned", "bashar-al-assad"),
    # gender read off the text: "Mrs." makes Clinton a she, so "her" skips Trump
    ("Mrs. Clinton attacked Mr. Trump on Monday. Obama praised her.", "praised", "clinton"),
    # a group pronoun takes the government or group named just before
    ("Rebels seized the town. The government condemned them.", "condemned", "rebels"),
])
def test_pronoun_targets_take_the_actor_named_before(nlp, text, cue, target):
    st = statement(nlp, text, cue)
    assert st.target is not None and st.target_actor == target


@pytest.mark.parametrize("text,cue", [
    ("Iran supports him.", "supports"),  # nobody named before
    ("Russia backs the offensive. Turkey opposes it.", "opposes"),  # "it" is an offensive, not an actor
])
def test_unresolved_pronoun_targets_are_no_target(nlp, text, cue):
    st = statement(nlp, text, cue)
    assert st.target is None and st.target_actor is None


@pytest.mark.parametrize("text, target", [
    ("Putin spoke to reporters. Lavrov praised him.", "vladimir-putin"),
    ("Lavrov spoke to reporters. Lavrov praised him.", None),  # only the speaker came before: no target
])
def test_the_speaker_is_not_their_own_target(nlp, text, target):
    praised = statement(nlp, text, "praised")
    assert praised.source_actor == "sergei-lavrov" and praised.target_actor == target


@pytest.mark.parametrize("text,cue,source", [
    ("Apple released results on Monday. It said sales rose.", "said", "apple"),
    ("The rebels lost the town. They said the fight would go on.", "said", "rebels"),
])
def test_pronoun_speakers_take_the_actor_named_before(nlp, text, cue, source):
    assert statement(nlp, text, cue).source_actor == source
