"""One labelled undo history: corrections and removed articles undo and redo in the order they were made."""
from datetime import date

import pytest

from core.analysis import Analysis, History, Change
from tests.core.conftest import make_result


@pytest.fixture
def two():
    return Analysis([make_result("a1", title="First article"), make_result("a2", title="Second article")])


def test_removal_and_corrections_undo_newest_first_with_their_labels(two):
    two.rename_actor("turkey", "Türkiye")
    two.remove_many(["a2"], undoable=True)
    assert two.article_ids == ["a1"]
    assert two.history.undo_label == "remove \u201cSecond article\u201d"
    assert two.undo() == "remove \u201cSecond article\u201d"
    assert sorted(two.article_ids) == ["a1", "a2"] and two.actor_name("turkey") == "Türkiye"
    assert two.undo() == "rename \u2018Turkey\u2019 \u2192 \u2018Türkiye\u2019"
    assert two.actor_name("turkey") == "Turkey"
    assert two.undo() == "" and not two.can_undo
    # redo replays in the same order: the rename, then the removal
    assert two.redo().startswith("rename") and two.actor_name("turkey") == "Türkiye"
    assert two.redo().startswith("remove") and two.article_ids == ["a1"]
    assert not two.can_redo


def test_undone_removal_brings_back_the_same_analysis_without_reanalysing(two):
    before = two.raw_results()[1]
    two.remove("a2", undoable=True)
    two.undo()
    assert two.raw_results()[1] is before


def test_a_new_change_clears_what_could_be_redone(two):
    two.set_published("a1", date(2018, 9, 1))
    two.undo()
    assert two.can_redo and two.history.redo_label.startswith("date \u201cFirst article\u201d 2018-09-01")
    two.hide_actor("turkey")
    assert not two.can_redo and two.history.undo_label == "hide \u2018Turkey\u2019"


def test_a_removal_that_is_not_undoable_stays_out_of_the_history(two):
    two.remove("a2")
    assert not two.can_undo


@pytest.mark.parametrize("step, label", [
    (lambda a: a.merge_actors(["turkey", "russia"], into="russia"), "merge \u2018Turkey\u2019 into \u2018Russia\u2019"),
    (lambda a: a.split_actor("russia"), "split \u2018Russia\u2019"),
    (lambda a: a.set_polarity("a1:s0", "support"), "mark a statement \u2018support\u2019"),
    (lambda a: a.set_target("a1:s0", "the siege"), "set a statement's target to \u2018the siege\u2019"),
    (lambda a: a.set_event_date("a1:e0", None, wrong=True), "mark an event undated"),
    (lambda a: a.set_event_date("a1:e0", date(2018, 8, 30)), "date an event 2018-08-30"),
])
def test_every_correction_names_itself(two, step, label):
    two.merge_actors(["sergei-lavrov"], into="russia")  # so that a split has something to undo
    step(two)
    assert two.history.undo_label == label


def test_the_history_keeps_a_bounded_number_of_steps():
    history = History(limit=3)
    for k in range(5):
        history.push(Change("correction", f"step {k}"))
    assert [history.undo().label for _ in range(3)] == ["step 4", "step 3", "step 2"]
    assert history.undo() is None
