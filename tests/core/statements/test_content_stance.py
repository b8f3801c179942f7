"""A statement's stance toward what its content names (core/statements/content_stance.py)."""
import pytest

from tests.core.statements.support import statements


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


@pytest.mark.parametrize("text, cue, target_text, polarity", [
    # asking someone to apologize or resign blames them
    ("David Axelrod on Wednesday called on Howard Dean to apologize to Donald Trump.", "called", "Howard Dean",
     "oppose"),
    ("The senator urged the minister to resign.", "urged", "the minister", "oppose"),
    # the requested act is against someone: "against" carries the stance
    ("Rep. Adam Schiff called on President Obama to retaliate against Russia.", "called", "Russia", "oppose"),
    # a label's polarity is the stance toward what is labelled
    ("The Association of Flight Attendants called Clinton a \u201cchampion\u201d for its constituency.", "called",
     "Clinton", "support"),
    ("Representatives of the radical cleric Moqtada al-Sadr describe British actions as "
     "\"international terrorism\".", "describe", "British actions", "oppose"),
    # a reported clause judging a thing that is no actor is a stance toward that thing
    ("George Bush insists the conflict was still justified.", "insists", "the conflict", "support"),
    ("The senator said the plan was not justified.", "said", "the plan", "oppose"),
    # a reported clause saying an act should happen backs the act
    ("Ben Bernanke testified, saying Congress should consider implementing a second stimulus package.", "saying",
     "stimulus package", "support"),
    ("The governor said lawmakers must reject the budget.", "said", "the budget", "oppose"),
])
def test_stance_toward_what_is_asked_labelled_or_judged(nlp, text, cue, target_text, polarity):
    st = next(s for s in statements(nlp, text) if cue in s.cue.text)
    assert st.target is not None and target_text in st.target.text and st.polarity == polarity


@pytest.mark.parametrize("text, cue", [
    ("Dean called on his supporters to vote on Tuesday.", "called"),
    ("The report described the plan as a proposal.", "described"),
    ("She said the plan was approved on Monday.", "said"),
])
def test_neutral_requests_labels_and_judgements_stay_neutral(nlp, text, cue):
    sts = [s for s in statements(nlp, text) if cue in s.cue.text]
    assert all(s.polarity == "neutral" for s in sts)
