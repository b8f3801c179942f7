"""The process pool gives a one-process run's results, in order, and a worker's crash costs only its chunk."""
import os

import pytest

from core.ingest import article_from_text
from core.nlp import FORCE_FALLBACK_ENV, blank_pipeline
from core.parallel import AnalysisPool
from core.pipeline import analyse_articles

TEXTS = [
    "Turkey warned against the offensive on Wednesday, officials said.",
    "Iran, which also supports Damascus, said nothing last year.",
    "The United Nations said on Monday that 700,000 people could be displaced.",
    "Russia backs the offensive, Lavrov said on Friday.",
    "Rebels hold Idlib. The talks in Tehran ended without a deal.",
]


@pytest.fixture
def articles():
    return [article_from_text(t, title=f"a{i}") for i, t in enumerate(TEXTS)]


@pytest.fixture
def fallback(monkeypatch):
    # The workers load the rule-based pipeline: quick to start, and the same here for comparison.
    monkeypatch.setenv(FORCE_FALLBACK_ENV, "1")
    return blank_pipeline()


def test_pool_results_equal_one_process_in_order(articles, fallback):
    expected = [p.result for p in analyse_articles(articles, fallback) if p.result]
    with AnalysisPool(2, chunk=2) as pool:
        steps = list(pool.analyse(articles))
        assert pool.info().trained is False
    assert [(p.done, p.total) for p in steps] == [(i, 5) for i in range(6)]
    assert [p.result for p in steps[1:]] == expected


def test_first_articles_run_here_while_the_workers_start(articles, fallback):
    with AnalysisPool(1) as pool:
        steps = list(pool.analyse(articles, local=fallback))
    assert [p.result.article.title for p in steps[1:]] == [f"a{i}" for i in range(5)]


def _die(articles):
    os._exit(3)  # a worker killed (out of memory, a crash in a library)


def test_a_dead_worker_fails_its_chunk_and_the_pool_recovers(articles, fallback, monkeypatch):
    import core.parallel.pool as pool_module

    with AnalysisPool(1) as pool:
        pool.info()
        monkeypatch.setattr(pool_module, "analyse_chunk", _die)
        steps = list(pool.analyse(articles[:1]))
        assert "E301" in steps[1].error and steps[1].result is None
        monkeypatch.undo()
        monkeypatch.setenv(FORCE_FALLBACK_ENV, "1")
        again = list(pool.analyse(articles[:2]))
    assert [p.result.article.title for p in again[1:]] == ["a0", "a1"]
