"""Actor-to-actor stances, dash-signed quotes and speaker-colon lines."""
from __future__ import annotations

import pytest

from core.model import Mention
from core.statements import find_statements


def _mentions(text: str, names: dict[str, str]) -> list[Mention]:
    out = []
    for name, actor in names.items():
        start = text.index(name)
        out.append(Mention("a", 0, start, start + len(name), name, actor))
    return out


# sentence, {mention text: actor}, expected (source actor, target actor, polarity) among the statements
PAIR_CASES = [
    ("Iran, which also supports Damascus in the war, sent troops.", {"Iran": "iran", "Damascus": "syria"},
     ("iran", "syria", "support")),
    ("Russia, President Bashar Assad's main backer, said militants must be liquidated.",
     {"Russia": "russia", "Bashar Assad": "assad"}, ("russia", "assad", "support")),
    ("Ford has been criticized by Donald Trump for sending jobs overseas.",
     {"Ford": "ford", "Donald Trump": "trump"}, ("trump", "ford", "oppose")),
    ("Rubio also attacked Trump for his position on the conflict.", {"Rubio": "rubio", "Trump": "trump"},
     ("rubio", "trump", "oppose")),
    ("Senator Collins came out against Pruitt on Wednesday.", {"Collins": "collins", "Pruitt": "pruitt"},
     ("collins", "pruitt", "oppose")),
    ("The Justice Department has accused Apple of misleading the court.",
     {"The Justice Department": "doj", "Apple": "apple"}, ("doj", "apple", "oppose")),
    ("Germany praised France for its handling of the crisis.", {"Germany": "germany", "France": "france"},
     ("germany", "france", "support")),
    ("The United States imposed new sanctions on Russia.", {"The United States": "usa", "Russia": "russia"},
     ("usa", "russia", "oppose")),
]


@pytest.mark.parametrize("sentence,names,expected", PAIR_CASES)
def test_actor_pair_stance(nlp, sentence, names, expected):
    sts = find_statements(nlp(sentence), _mentions(sentence, names))
    got = {(s.source_actor, s.target_actor, s.polarity) for s in sts}
    assert expected in got


# Pairs that must not get a stance: listed together, or linked through someone else's verb.
NO_PAIR_CASES = [
    ("Russia and Turkey held talks in Sochi.", {"Russia": "russia", "Turkey": "turkey"}, ("russia", "turkey")),
    ("Negotiations went on between Russia and Turkey, as well as with Iran which also supports Damascus.",
     {"Russia": "russia", "Iran": "iran", "Damascus": "syria"}, ("russia", "syria")),
]


@pytest.mark.parametrize("sentence,names,pair", NO_PAIR_CASES)
def test_no_actor_pair_stance(nlp, sentence, names, pair):
    sts = find_statements(nlp(sentence), _mentions(sentence, names))
    linked = {(s.source_actor, s.target_actor) for s in sts if s.polarity != "neutral"}
    assert pair not in linked and pair[::-1] not in linked


def test_pair_spans_are_the_mentions(nlp):
    text = "Ford has been criticized by Donald Trump for sending jobs overseas."
    mentions = _mentions(text, {"Ford": "ford", "Donald Trump": "trump"})
    for s in find_statements(nlp(text), mentions):
        assert text[s.cue.start:s.cue.end] == s.cue.text
        if s.source is not None:
            assert text[s.source.start:s.source.end] == s.source.text


def test_dash_signed_quotes(nlp):
    text = ("\u201cHe represents our greatest shame.\u201d \u2015 Sonya Herridge\n"
            "\u201cI am so ashamed of this campaign.\u201d \u2015 Pamela Padilla\n")
    sts = [s for s in find_statements(nlp(text)) if s.cue.text == "\u2015"]
    assert [s.source.text for s in sts] == ["Sonya Herridge", "Pamela Padilla"]
    assert "greatest shame" in sts[0].content.text


@pytest.mark.parametrize("text,source", [
    ("WALLACE: Let us start with the breaking news about the debate tonight.", "WALLACE"),
    ("Pence: Flowers will not be at the debate on Sunday.", "Pence"),
])
def test_speaker_colon(nlp, text, source):
    sts = [s for s in find_statements(nlp(text)) if s.cue.text == ":"]
    assert sts and sts[0].source.text == source


def test_colon_after_clause_is_not_a_speaker(nlp):
    text = "The plan has three parts: a ceasefire, talks and elections."
    assert not [s for s in find_statements(nlp(text)) if s.cue.text == ":"]
