"""The analysis cache: a hit needs the same text, title, date and analysis version; order and counts of a cached run."""
from dataclasses import replace
from datetime import date

import pytest

from core.io.cache import AnalysisCache, analyse_cached, cache_folder_for, entry_key
from core.pipeline import Progress
from tests.core.conftest import make_result


def counting_analyse(calls):
    def analyse(articles):
        calls.append([a.id for a in articles])
        yield Progress(0, len(articles), "start")
        for i, a in enumerate(articles, 1):
            yield Progress(i, len(articles), a.title, result=make_result(a.id, a.published, a.text, a.title))
    return analyse


def articles():
    return [make_result(f"a{i}", title=f"T{i}").article for i in range(3)]


def test_second_run_parses_nothing_and_gives_the_same_results(tmp_path):
    cache, calls = AnalysisCache(tmp_path / "c", version="v1"), []
    first = [p.result for p in analyse_cached(articles(), cache, counting_analyse(calls)) if p.result]
    second = [p.result for p in analyse_cached(articles(), cache, counting_analyse(calls)) if p.result]
    assert calls == [["a0", "a1", "a2"]]
    assert second == first and len(cache) == 3


def test_only_new_articles_are_analysed_and_progress_counts_all(tmp_path):
    cache, calls = AnalysisCache(tmp_path / "c", version="v1"), []
    list(analyse_cached(articles()[:2], cache, counting_analyse(calls)))
    steps = list(analyse_cached(articles(), cache, counting_analyse(calls)))
    assert calls == [["a0", "a1"], ["a2"]]
    assert [(p.done, p.total) for p in steps] == [(0, 3), (1, 3), (2, 3), (3, 3)]
    assert "2 from the cache" in steps[0].message


@pytest.mark.parametrize("change", [
    lambda a: replace(a, published=date(2019, 1, 1)),
    lambda a: replace(a, published=None),
    lambda a: replace(a, title="Another title"),
    lambda a: replace(a, text=a.text + " More."),
])
def test_a_different_date_title_or_text_is_a_miss(change):
    article = make_result().article
    assert entry_key(change(article), "v1") != entry_key(article, "v1")
    assert entry_key(replace(article, source="elsewhere.txt"), "v1") == entry_key(article, "v1")


def test_another_analysis_version_drops_the_old_entries(tmp_path):
    calls = []
    list(analyse_cached(articles(), AnalysisCache(tmp_path / "c", version="v1"), counting_analyse(calls)))
    newer = AnalysisCache(tmp_path / "c", version="v2")
    assert len(newer) == 0
    list(analyse_cached(articles(), newer, counting_analyse(calls)))
    assert calls == [["a0", "a1", "a2"]] * 2


def test_results_of_another_pipeline_are_not_stored(tmp_path):
    cache, calls = AnalysisCache(tmp_path / "c", version="v1"), []
    list(analyse_cached(articles(), cache, counting_analyse(calls), store=lambda: False))
    assert len(cache) == 0


def test_a_damaged_entry_is_analysed_again(tmp_path):
    cache, calls = AnalysisCache(tmp_path / "c", version="v1"), []
    list(analyse_cached(articles(), cache, counting_analyse(calls)))
    with cache._db:
        cache._db.execute("UPDATE entries SET data = ? WHERE article_id = 'a1'", (b"SPC1broken",))
    list(analyse_cached(articles(), cache, counting_analyse(calls)))
    assert calls[-1] == ["a1"]


def test_a_cache_that_cannot_be_made_is_a_warning_not_a_failure(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    warnings = []
    assert AnalysisCache.open(blocker / "c", warn=warnings.append) is None
    assert "W309" in warnings[0]
    assert cache_folder_for(tmp_path / "p.standpoint") == tmp_path / "p.standpoint-cache"
