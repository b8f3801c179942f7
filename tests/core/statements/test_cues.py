"""Cue rows of the stance lexicons (core/statements/cues.py): lawsuits and protests "against" someone."""
import pytest

from tests.core.statements.support import statements


@pytest.mark.parametrize("text, cue, source_text, target_text", [
    ("This became the reason for Cisco to file a lawsuit against Apple Inc. over the name.", "lawsuit", "Cisco",
     "Apple"),
    ("The Beatles' Apple Corps has filed a lawsuit against Apple Computer in a London court.", "lawsuit",
     "Apple Corps", "Apple Computer"),
    ("Thousands of Arab Sunnis take to the streets to demonstrate against the draft constitution.",
     "demonstrate against", "Sunnis", "constitution"),
    ("Dean poked at Trump's persistent sniffing during the debate.", "poked at", "Dean", "sniffing"),
    ("Galloway used the occasion to unleash an indictment of the war.", "indictment", "Galloway", "war"),
    # a stance received ("faces allegations from X") is X's stance toward the one who receives it
    ("George Galloway faces allegations from the US Senate over the oil program.", "allegations", "Senate",
     "Galloway"),
])
def test_acting_against_someone_opposes_them(nlp, text, cue, source_text, target_text):
    st = next(s for s in statements(nlp, text) if cue in s.cue.text)
    assert source_text in st.source.text and target_text in st.target.text and st.polarity == "oppose"


@pytest.mark.parametrize("text", [
    "The other banks soon followed suit.",
    "He wore a dark suit to the hearing.",
])
def test_a_suit_that_is_no_lawsuit_is_no_cue(nlp, text):
    assert not [s for s in statements(nlp, text) if "suit" in s.cue.text]
