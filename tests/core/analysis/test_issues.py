"""Issues found in the corpus: keyed by lemma, labelled by the commonest phrase, renamed, merged and split."""
from dataclasses import replace

import pytest

from core.analysis import Analysis
from core.analysis.issues import label_issues, label_phrase
from core.model import Span
from tests.core.conftest import make_result


@pytest.mark.parametrize("text, key, label", [
    ("the financial bailout plan", "bailout", "financial bailout plan"),
    ("Hillary's campaign", "campaign", "campaign"),
    ("an offensive", "offensive", "offensive"),
    ("militants there must be liquidated by the army", "liquidate", "liquidate"),  # a clause: its key
])
def test_label_phrase(text, key, label):
    assert label_phrase(text, key) == label


def test_the_commonest_phrase_labels_an_issue():
    labels = label_issues([("bailout", "the bailout"), ("bailout", "a bailout"), ("bailout", "the bailout plan"),
                           ("tax", "taxes")])
    assert labels == {"bailout": ("bailout", 3), "tax": ("taxes", 1)}


def corpus_with_issues():
    """Two articles whose statements are about a bailout (three phrasings) and an election."""
    results = []
    for aid in ("a1", "a2"):
        base = make_result(aid)
        text = base.article.text
        statements = []
        for k, (st, (phrase, key)) in enumerate(zip(base.statements, [("the bailout", "bailout"),
                                                                      ("the bailout plan", "bailout"),
                                                                      ("the election", "election")])):
            target = Span(0, len(phrase), phrase) if text else None
            statements.append(replace(st, target=target, target_actor=None, issue=key, topic="offensive"))
        statements += base.statements[3:]
        results.append(replace(base, statements=tuple(statements)))
    return results


def test_issues_table_and_matrix_columns():
    a = Analysis(corpus_with_issues())
    issues = a.issues_table().set_index("issue_id")
    assert issues.loc["bailout", "label"] == "bailout" and issues.loc["bailout", "n_statements"] == 4
    assert issues.loc["election", "n_statements"] == 2
    m = a.stance_matrix("issue")
    assert set(m.counts.columns) == {"bailout", "election"}
    # a seed topic never re-labels what the corpus calls the statement
    assert "offensive" not in set(a.statements_table()["target_label"])


def test_rename_merge_split_and_undo():
    a = Analysis(corpus_with_issues())
    a.rename_issue("bailout", "rescue package")
    assert set(a.stance_matrix("issue").counts.columns) == {"rescue package", "election"}
    a.merge_issues(["election"], into="bailout")
    issues = a.issues_table()
    assert list(issues["issue_id"]) == ["bailout"] and issues.loc[0, "merged_from"] == "election"
    assert issues.loc[0, "n_statements"] == 6
    assert a.history.undo_label == "merge issues \u2018election\u2019 into \u2018rescue package\u2019"
    a.split_issue("bailout")
    assert set(a.issues_table()["issue_id"]) == {"bailout", "election"}
    a.undo()
    a.undo()
    a.undo()
    assert a.issues_table().set_index("issue_id").loc["bailout", "label"] == "bailout"


def test_actor_columns_count_statements_about_an_actor():
    a = Analysis([make_result("a1")])
    m = a.stance_matrix("actor")
    table = a.statements_table()
    about_actors = table[table["target_actor"].notna()]
    assert int(m.counts.values.sum()) == len(about_actors[about_actors["source_actor"].notna()])


def test_issue_corrections_round_trip_through_the_project(tmp_path):
    from core.io.store import load_project, save_project

    a = Analysis(corpus_with_issues())
    a.rename_issue("bailout", "rescue")
    a.merge_issues(["election"], into="bailout")
    path = save_project(tmp_path / "p.standpoint", a)
    b = load_project(path)
    assert list(b.issues_table()["label"]) == ["rescue"]


def test_statements_with_no_issue_stay_out_of_the_issue_view():
    a = Analysis([make_result("a1")])  # its statements name actors or topics, no issue
    assert a.stance_matrix("issue").is_empty and not a.stance_matrix("stance").is_empty
