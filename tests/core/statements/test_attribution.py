"""Who holds a cue (core/statements/attribution.py): the holder of a role named in apposition."""
import pytest

from core.actors import find_actors
from core.statements import find_statements


def statements(nlp, text):
    doc = nlp(text)
    actors, mentions = find_actors(doc, "a")
    names = {a.id: a.name for a in actors}
    return [(s, names.get(s.source_actor)) for s in find_statements(doc, mentions, "a")]


@pytest.mark.parametrize("text, cue, speaker", [
    # the person in apposition to an office's name holds the office and speaks
    ("The director of the Congressional Budget Office, Peter R. Orszag, tells the House Budget Committee "
     "that the proposed bailout could worsen the crisis.", "tells", "Orszag"),
    ("Representatives of the radical cleric Moqtada al-Sadr describe British actions as terrorism.", "describe",
     "Sadr"),
    # without a named person the office itself remains the speaker
    ("The director of the Congressional Budget Office told the House Budget Committee that the proposed "
     "bailout could worsen the crisis.", "told", "Congressional Budget Office"),
    # a name the speaker only mentions after the cue is no speaker
    ("The spokesman of the ministry said the minister, Ali Ahmed, was ill.", "said", None),
])
def test_the_named_holder_of_a_role_speaks(nlp, text, cue, speaker):
    st, name = next((s, n) for s, n in statements(nlp, text) if cue in s.cue.text)
    if speaker is None:
        assert name is None or "Ahmed" not in name
    else:
        assert name is not None and speaker in name
