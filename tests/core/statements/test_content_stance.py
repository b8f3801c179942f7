"""A statement's stance toward what its content names (core/statements/content_stance.py)."""
import pytest

from core.actors import find_actors
from core.statements import find_statements


def statements(nlp, text):
    doc = nlp(text)
    _, mentions = find_actors(doc, "a")
    return find_statements(doc, mentions, "a")


@pytest.mark.parametrize("text, cue, target_text, polarity", [
    # what a reported clause says of an actor is the speaker's stance toward that actor
    ("Hillary Clinton said Republican Donald Trump poses a threat to the Constitution.", "said", "Donald Trump",
     "oppose"),
    ("Mike Pence said Donald Trump would be a great president.", "said", "Donald Trump", "support"),
    # a directive's stance is the one it asks for, toward the object of the requested act
    ("Barack Obama urged senators to back the financial bailout plan.", "urged", "bailout plan", "support"),
    ("The president asked Congress to reject the bill.", "asked", "the bill", "oppose"),
    # backing the repeal of something is opposing it
    ("Donald Trump called for the complete repeal of Obamacare.", "called for", "Obamacare", "oppose"),
])
def test_stance_toward_what_the_content_names(nlp, text, cue, target_text, polarity):
    st = next(s for s in statements(nlp, text) if s.cue.text == cue)
    assert target_text in st.target.text and st.polarity == polarity


def test_a_neutral_clause_keeps_the_speech_neutral(nlp):
    st = next(s for s in statements(nlp, "Hillary Clinton said Donald Trump arrived in Ohio on Monday.")
              if s.cue.text == "said")
    assert st.polarity == "neutral" and st.target_actor == "donald-trump"
