"""The desktop's analysis engine: small batches in the worker thread, the project's cache, the pool released when idle."""
from core.ingest import article_from_text
from core.nlp import FORCE_FALLBACK_ENV, blank_pipeline
from desktop.workers.engine import AnalysisEngine


def articles(n):
    return [article_from_text(f"Turkey warned against offensive number {i} on Wednesday.", title=f"a{i}")
            for i in range(n)]


def test_a_cached_run_parses_nothing(tmp_path, monkeypatch):
    monkeypatch.setenv(FORCE_FALLBACK_ENV, "1")  # the cache's version names the pipeline that runs
    engine = AnalysisEngine(workers=1)
    engine.set_cache_folder(tmp_path / "p.standpoint-cache")
    pipeline = blank_pipeline()
    first = [p.result for p in engine(articles(3), pipeline) if p.result]

    import core.pipeline

    monkeypatch.setattr(core.pipeline, "analyse_articles", lambda *a, **k: (_ for _ in ()).throw(AssertionError))
    second = [p.result for p in engine(articles(3), pipeline) if p.result]
    assert second == first and len(first) == 3
    engine.close()


def test_results_of_the_fallback_are_not_cached_under_the_trained_version(tmp_path):
    engine = AnalysisEngine(workers=1)
    engine.set_cache_folder(tmp_path / "c")
    list(engine(articles(2), blank_pipeline()))
    assert len(engine._open_cache()) == 0
    engine.close()


def test_no_cache_folder_means_no_cache(tmp_path):
    engine = AnalysisEngine(workers=1)
    steps = list(engine(articles(2), blank_pipeline()))
    assert [p.done for p in steps] == [0, 1, 2]
    assert not any(tmp_path.iterdir())


def test_idle_pool_is_released(monkeypatch):
    engine = AnalysisEngine(workers=2, idle_seconds=0.01)
    closed = []

    class Pool:
        def close(self, wait=True):
            closed.append(wait)

    engine._pool = Pool()
    engine.idle()
    engine._idle.join(2)
    assert closed == [False] and not engine.pool_running


def test_the_pool_runs_the_workers_own_kind_of_pipeline(monkeypatch):
    """A worker running the fallback beside an installed model gets a pool of the fallback too."""
    import core.io.cache

    monkeypatch.setattr(core.io.cache, "predicted_pipeline", lambda: "trained")
    engine = AnalysisEngine(workers=2)
    asked = []

    class Pool:
        def analyse(self, misses, local=None):
            from core.pipeline import analyse_articles

            yield from analyse_articles(misses, local)

    monkeypatch.setattr(engine, "_pool_for_run", lambda fallback=False: (asked.append(fallback), Pool())[1])
    pipeline = blank_pipeline()
    assert pipeline.trained is False
    results = [p.result for p in engine(articles(6), pipeline) if p.result]
    assert len(results) == 6 and asked == [True]
    engine.close()


def test_a_fallback_pool_loads_the_fallback_in_its_processes():
    from core.parallel import AnalysisPool

    with AnalysisPool(1, fallback=True) as pool:
        info = pool.info(timeout=120)
    assert info.trained is False
