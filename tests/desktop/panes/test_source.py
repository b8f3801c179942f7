"""The source view: marks from the analysis offsets, date tooltips, the highlighted sentence, astral characters."""
from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from PySide6.QtGui import QTextCursor

from core.analysis import Analysis
from core.model import TimeExpression
from desktop.panes.source import SourceView, _Offsets, describe_timex
from tests.desktop.conftest import make_analysis


def tx(text="on Wednesday", start=None, end=None, gran="day", certainty="relative", value="2018-08-29", future=False):
    return TimeExpression("a", 0, 0, len(text), text, "DATE", value, start, end, gran, certainty, future)


@pytest.mark.parametrize("timex, first_line", [
    (tx(start=date(2018, 8, 29), end=date(2018, 8, 30)), "on Wednesday \u2192 Wed 29 Aug 2018"),
    (tx("on May 7", date(2018, 5, 7), date(2018, 5, 8), certainty="exact"), "on May 7 \u2192 Mon 7 May 2018"),
    (tx("in August", date(2018, 8, 1), date(2018, 9, 1), "month"), "in August \u2192 August 2018"),
    (tx("this year", date(2018, 1, 1), date(2019, 1, 1), "year"), "this year \u2192 2018"),
    (tx("next week", date(2018, 9, 3), date(2018, 9, 10), "week", future=True), "next week \u2192 week of Mon 3 Sep 2018"),
    (tx("in recent weeks", date(2018, 8, 1), date(2018, 8, 29), "period", "vague"),
     "in recent weeks \u2192 Wed 1 Aug 2018 \u2013 Tue 28 Aug 2018"),
    (tx("on Wednesday", certainty="unresolved"), "on Wednesday \u2192 not placed (no publication date to resolve it against)"),
    (tx("for six months", gran="none", certainty="exact"), "for six months \u2192 not placed (not a point on the calendar)"),
])
def test_describe_timex(timex, first_line):
    assert describe_timex(timex).split("\n")[0] == first_line


def test_future_and_certainty_in_the_second_line():
    text = describe_timex(tx("next week", date(2018, 9, 3), date(2018, 9, 10), "week", future=True, value="2018-W36"))
    assert text.split("\n")[1] == "resolved from the publication date, after publication (TIMEX3 2018-W36)"


@pytest.mark.parametrize("text, offset, expected", [
    ("plain text", 5, 5),
    ("a\U0001F600b", 1, 1),
    ("a\U0001F600b", 2, 3),
    ("\U0001F600\U0001F600x", 2, 4),
])
def test_offsets_count_astral_characters_twice(text, offset, expected):
    assert _Offsets(text)(offset) == expected


def view_for(qtbot, analysis, state):
    view = SourceView(analysis, state)
    qtbot.addWidget(view)
    view.resize(500, 400)
    return view


def test_marks_actors_cues_and_dates_with_tooltips(qtbot, state, synthetic):
    view = view_for(qtbot, Analysis([synthetic]), state)
    state.set_article("a1")
    doc = view.editor.document()

    def format_at(offset):
        cursor = QTextCursor(doc)
        cursor.setPosition(offset + 1)
        return cursor.charFormat()

    wednesday = synthetic.timexes[0]
    assert format_at(wednesday.start).toolTip().startswith("Wednesday \u2192 Wed 29 Aug 2018")
    turkey = synthetic.mentions[1]
    assert format_at(turkey.start).toolTip() == "Turkey \u2192 Turkey"
    cue = synthetic.statements[1].cue
    assert format_at(cue.start).fontItalic()
    assert format_at(cue.start).toolTip() == "Turkey \u2014 warned against \u2014 oppose"
    assert view.title.text() == "Idlib offensive looms"
    assert "Wed 29 Aug 2018" in view.meta.text()


def test_selected_sentence_is_highlighted_and_follows_corrections(qtbot, state, synthetic):
    analysis = Analysis([synthetic])
    view = view_for(qtbot, analysis, state)
    state.set_sentence("a1", 2)
    sentence = synthetic.sentences[2]
    assert view.highlighted_range == (sentence.start, sentence.end)
    selections = view.editor.extraSelections()
    assert selections[0].cursor.selectedText() == sentence.text
    analysis.rename_actor("turkey", "T\u00fcrkiye")
    cursor = QTextCursor(view.editor.document())
    cursor.setPosition(synthetic.mentions[1].start + 1)
    assert cursor.charFormat().toolTip() == "Turkey \u2192 T\u00fcrkiye"
    assert view.highlighted_range == (sentence.start, sentence.end)


def test_rejected_statement_loses_its_cue_mark(qtbot, state, synthetic):
    analysis = Analysis([synthetic])
    view = view_for(qtbot, analysis, state)
    state.set_article("a1")
    analysis.set_polarity("a1:s1", "rejected")
    cursor = QTextCursor(view.editor.document())
    cursor.setPosition(synthetic.statements[1].cue.start + 1)
    assert not cursor.charFormat().fontItalic()


def test_undated_article_marks_unresolved_dates(qtbot, state):
    undated = make_analysis("u", "Undated", published=None)
    view = view_for(qtbot, Analysis([undated]), state)
    state.set_article("u")
    cursor = QTextCursor(view.editor.document())
    cursor.setPosition(undated.timexes[0].start + 1)
    assert "not placed" in cursor.charFormat().toolTip()
    assert "no publication date" in view.meta.text()


def test_astral_characters_keep_highlights_aligned(qtbot, state, synthetic):
    emoji_title = "Talks \U0001F4AC collapse"
    result = make_analysis("e", emoji_title)
    view = view_for(qtbot, Analysis([result]), state)
    state.set_sentence("e", 1)
    selections = view.editor.extraSelections()
    assert selections[0].cursor.selectedText() == result.sentences[1].text


def test_removed_article_clears_the_view(qtbot, state, analysis):
    view = view_for(qtbot, analysis, state)
    state.set_article("a2")
    analysis.remove("a2")
    assert view.article_id is None and view.editor.toPlainText() == ""
    assert view.highlighted_range is None


def test_unknown_article_is_ignored(qtbot, state, analysis):
    view = view_for(qtbot, analysis, state)
    state.set_article("missing")
    assert view.article_id is None


def test_offsets_of_real_text_match(qtbot, state, synthetic):
    text = synthetic.article.text
    view = view_for(qtbot, Analysis([replace(synthetic)]), state)
    state.set_article("a1")
    assert view.editor.toPlainText() == text


# ---- the evidence list beside the source view -------------------------------------------------------
from desktop.panes.evidence import EvidenceList  # noqa: E402


def evidence_for(qtbot, analysis, state):
    widget = EvidenceList(analysis, state)
    qtbot.addWidget(widget)
    widget.resize(400, 300)
    return widget


def test_evidence_groups_items_per_sentence_and_selects_the_first(qtbot, state, synthetic):
    analysis = Analysis([synthetic])
    widget = evidence_for(qtbot, analysis, state)
    state.set_items(["a1:s0", "a1:e0", "a1:s2"])
    assert widget.entries() == [(("a1:s0", "a1:e0"), "a1", 0), (("a1:s2",), "a1", 2)]
    assert widget.header.text() == "Evidence: 2 sentences, 3 items"
    assert state.sentence == ("a1", 0)
    widget.step(1)
    assert state.sentence == ("a1", 2)
    widget.step(1)
    assert state.sentence == ("a1", 0)


def test_polarity_override_from_the_context_menu(qtbot, state, synthetic):
    analysis = Analysis([synthetic])
    widget = evidence_for(qtbot, analysis, state)
    state.set_items(["a1:s1"])
    menu = widget.correction_menu(widget.entries()[0])
    actions = {a.text(): a for a in menu.actions()}
    actions["Mark as &support"].trigger()
    assert analysis.statements_table().set_index("statement_id").loc["a1:s1", "polarity"] == "support"
    widget.correction_menu(widget.entries()[0]).actions()[3].trigger()  # reject
    assert "a1:s1" not in set(analysis.statements_table()["statement_id"])
    assert widget.entries() == []
    analysis.undo()
    assert widget.entries() == [(("a1:s1",), "a1", 1)]


def test_event_date_marked_wrong_from_the_context_menu(qtbot, state, synthetic):
    analysis = Analysis([synthetic])
    widget = evidence_for(qtbot, analysis, state)
    state.set_items(["a1:e1"])
    menu = widget.correction_menu(widget.entries()[0])
    next(a for a in menu.actions() if "wrong" in a.text()).trigger()
    assert "a1:e1" not in set(analysis.timeline()["event_id"])
    assert "a1:e1" in set(analysis.timeline(include_undated=True)["event_id"])


def test_sentence_with_several_items_gets_a_submenu_each(qtbot, state, synthetic):
    widget = evidence_for(qtbot, Analysis([synthetic]), state)
    state.set_items(["a1:s0", "a1:e0"])
    menu = widget.correction_menu(widget.entries()[0])
    assert [a.menu() is not None for a in menu.actions()] == [True, True]


def test_items_at_an_offset_for_corrections_in_place(qtbot, state, synthetic):
    analysis = Analysis([synthetic])
    view = view_for(qtbot, analysis, state)
    state.set_article("a1")
    cue = synthetic.statements[1].cue
    assert view.items_at(cue.start) == [("a1:s1", "Turkey \u2014 warned against \u2014 oppose")]
    thursday = synthetic.timexes[1]
    assert view.items_at(thursday.start + 2) == [("a1:e1", "event \u201cThursday\u201d \u2192 30 Aug 2018")]
    assert view.items_at(0) == []
    from desktop.panes.correction_menu import correction_menu

    menu = correction_menu(view, analysis, ["a1:e1"])
    next(a for a in menu.actions() if "wrong" in a.text()).trigger()
    assert view.items_at(thursday.start) == [("a1:e1", "event urge \u2192 undated")]


@pytest.mark.parametrize("text", ["plain", "a\U0001F600b\U0001F600c"])
def test_offsets_round_trip(text):
    offsets = _Offsets(text)
    assert [offsets.to_python(offsets(i)) for i in range(len(text) + 1)] == list(range(len(text) + 1))


def test_seed_date_tooltip_from_the_real_pipeline(qtbot, state, seed_analysis_results):
    analysis = Analysis(seed_analysis_results)
    view = view_for(qtbot, analysis, state)
    aid = analysis.article_ids[0]
    state.set_article(aid)
    wednesday = next(t for t in analysis.result(aid).timexes if "Wednesday" in t.text)
    cursor = QTextCursor(view.editor.document())
    cursor.setPosition(view.qt_position(wednesday.start) + 1)
    assert cursor.charFormat().toolTip().split("\n")[0] == f"{wednesday.text} \u2192 Wed 29 Aug 2018"


def test_evidence_list_caps_very_long_selections(qtbot, state, monkeypatch):
    import desktop.panes.evidence as evidence_list

    monkeypatch.setattr(evidence_list, "MAX_ENTRIES", 2)
    analysis = Analysis([make_analysis(f"m{i}", f"M {i}") for i in range(3)])
    widget = evidence_for(qtbot, analysis, state)
    state.set_items([f"m{i}:s0" for i in range(3)])
    assert len(widget.entries()) == 2
    assert widget.header.text() == "Evidence: 3 sentences, 3 items (showing the first 2)"
