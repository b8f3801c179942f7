"""A two-worker Dask LocalCluster gives the tables and ids of a one-process run."""
import pytest

pytest.importorskip("distributed")

from core.analysis import Analysis  # noqa: E402
from core.ingest import load_paths  # noqa: E402
from core.io.export import table_frames  # noqa: E402
from core.parallel.cluster import ClusterRunner  # noqa: E402
from core.pipeline import analyse_articles  # noqa: E402

TEXTS = {
    "2018-08-29-turkey.txt": "Turkey warned against an offensive on Idlib on Wednesday, officials said. "
                             "Russia backs the offensive, Foreign Minister Sergei Lavrov said on Thursday.",
    "2018-08-30-un.txt": "The United Nations said on Monday that 700,000 people could be displaced. "
                         "Iran, which also supports Damascus, said the talks would resume next week.",
    "2018-09-07-tehran.txt": "The leaders of Iran, Russia and Turkey met in Tehran on Friday. "
                             "Erdogan called for a ceasefire; Putin rejected it.",
}


def test_local_cluster_of_two_gives_the_one_process_tables(tmp_path, pipeline):
    for name, text in TEXTS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    articles = load_paths([tmp_path]).articles
    one = Analysis(p.result for p in analyse_articles(articles, pipeline) if p.result)
    with ClusterRunner("local", workers=2, chunk=1) as runner:
        infos = runner.start()
        steps = list(runner.analyse(articles))
    assert len(infos) == 2 and all(i.trained for i in infos) and len({i.pid for i in infos}) == 2
    cluster = Analysis(p.result for p in steps if p.result)
    assert [p.error for p in steps] == [None] * 4
    assert cluster.article_ids == one.article_ids
    ours, theirs = table_frames(cluster), table_frames(one)
    assert set(ours) == set(theirs)
    for name in ours:
        assert ours[name].equals(theirs[name]), name
