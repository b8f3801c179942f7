"""The case-folded scan of each temporal rule finds exactly what the case-insensitive rule finds."""
import pytest

from core.temporal.lexicon import fold_case, load

TEXTS = [
    "On MAY 5, 2016 at 10 PM EST the Senate met; on may 6 it adjourned until Tuesday.",
    "Revenue rose in Q3 2015 and in the FISCAL YEAR 2016, the company said on 2016-05-04T10:00Z.",
    "Three Weeks Ago, in the Spring of 1998, during the 1990s and the NINETIES.",
    "Temperatures of 5 \u212a and \u017fummer of 2012, \u0130n March 2013.",  # letters whose case maps to ASCII
    "É 12 février, Ürümqi, the 21st century, the twenty-first century, last Christmas Eve.",
]


@pytest.mark.parametrize("text", TEXTS)
def test_scan_finds_what_the_rule_finds(text):
    folded = fold_case(text)
    assert len(folded) == len(text)
    found = 0
    for rule in load().rules:
        expected = [(m.start(), m.end()) for m in rule.regex.finditer(text)]
        assert [(m.start(), m.end()) for m in rule.scan.finditer(folded)] == expected, rule.name
        found += len(expected)
    assert found > 0


WINDOWED = TEXTS + [
    "In the first half the team led; " + "nothing to date here at all, " * 20 + "then on May 5 it lost.",
    "The bomb went off in nineteen ninety-seven. " + "filler words without any dates " * 10 + "It was 2001.",
    "2016 " + "x" * 300 + " the second half of 2016, the past three weeks, " + "y " * 120 + "three years ago",
]


@pytest.mark.parametrize("text", WINDOWED)
def test_windows_around_triggers_find_what_the_whole_text_gives(text):
    """Rules run near trigger words only (and over the whole text for the rules that need none): the same
    matches as a scan of the whole text."""
    from core.temporal.candidates import UNTRIGGERED_RULES, _scan, _trigger_windows

    lex = load()
    folded = fold_case(text)
    windows = _trigger_windows(lex.trigger, text)
    assert windows
    for rule in lex.rules:
        spans = [(0, len(text))] if rule.name in UNTRIGGERED_RULES else windows
        windowed = [(m.start(), m.end()) for m in _scan(rule.scan, folded, spans)]
        assert windowed == [(m.start(), m.end()) for m in rule.scan.finditer(folded)], rule.name
