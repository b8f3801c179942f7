"""The analysis generator: progress, failures isolated per article, cancellation, the user's alias file."""
import pytest

from core.ingest import article_from_text
from core.pipeline import analyse_articles

TEXTS = [
    "Turkey warned against the offensive on Wednesday, officials said.",
    "Iran, which also supports Damascus, said nothing last year.",
    "The United Nations said on Monday that 700,000 people could be displaced.",
]


@pytest.fixture
def articles():
    return [article_from_text(t, title=f"a{i}") for i, t in enumerate(TEXTS)]


def test_progress_counts_up_and_carries_each_result(articles, pipeline):
    steps = list(analyse_articles(articles, pipeline))
    assert [(p.done, p.total) for p in steps] == [(0, 3), (1, 3), (2, 3), (3, 3)]
    assert [p.result.article.title for p in steps[1:]] == ["a0", "a1", "a2"]
    first = steps[1].result
    assert [s.text for s in first.sentences] == [TEXTS[0]]


def test_stopping_the_generator_cancels_the_rest(articles, pipeline):
    gen = analyse_articles(articles, pipeline)
    next(gen), next(gen)
    gen.close()  # what the GUI worker does on Cancel
    with pytest.raises(StopIteration):
        next(gen)


def test_one_failing_article_does_not_stop_the_others(articles, pipeline, monkeypatch):
    import core.pipeline as pipeline_module

    real = pipeline_module.analyse_doc

    def flaky(doc, article, *args, **kwargs):
        if article.title == "a1":
            raise RuntimeError("boom")
        return real(doc, article, *args, **kwargs)

    monkeypatch.setattr(pipeline_module, "analyse_doc", flaky)
    steps = list(analyse_articles(articles, pipeline))[1:]
    assert [p.result.article.title if p.result else None for p in steps] == ["a0", None, "a2"]
    assert "E301" in steps[1].error and "a1" in steps[1].error and "Traceback" not in steps[1].error


def test_user_alias_file_names_new_actors(tmp_path, monkeypatch, pipeline):
    monkeypatch.setenv("STANDPOINT_HOME", str(tmp_path))
    (tmp_path / "aliases.csv").write_text(
        "alias,actor_id,name,kind,affiliation,via\nHTS,hayat-tahrir-al-sham,Hayat Tahrir al-Sham,armed-group,,alias\n",
        encoding="utf-8",
    )
    article = article_from_text("HTS fighters said they would resist the offensive.", title="x")
    (step,) = [p for p in analyse_articles([article], pipeline) if p.result]
    assert "hayat-tahrir-al-sham" in {a.id for a in step.result.actors}


def test_fallback_pipeline_still_finds_dates_actors_and_statements(blank_nlp):
    from core.nlp import blank_pipeline
    from datetime import date

    article = article_from_text(TEXTS[0], title="x", published=date(2018, 8, 29))
    (step,) = [p for p in analyse_articles([article], blank_pipeline()) if p.result]
    assert any(t.value == "2018-08-29" for t in step.result.timexes)
    assert "turkey" in {a.id for a in step.result.actors}


@pytest.mark.parametrize("text,hint", [
    ("WASHINGTON, Aug. 29 (Reuters) - Turkey warned against the offensive on Wednesday.", "\u201cAug. 29\u201d"),
    ("Turkey warned against the offensive on Wednesday.", None),
])
def test_an_undated_article_notes_its_yearless_dateline(pipeline, text, hint):
    result = list(analyse_articles([article_from_text(text, title="t")], pipeline))[-1].result
    assert result.article.published is None
    (note,) = [n for n in result.notes if "[W003]" in n]
    assert (f"dateline reads {hint}" in note) if hint else ("dateline" not in note)
