"""Analysis on every core or on a cluster: a process pool (`AnalysisPool`) and a Dask runner (`ClusterRunner`).

Both cut the articles into chunks, run `core.pipeline.analyse_articles` on each chunk in a worker
process that loaded the model once, and yield `core.pipeline.Progress` in the articles' order, so a
parallel run gives the tables (and ids) of a one-process run. Dask is optional (`standpoint[cluster]`)
and imported only by `ClusterRunner`.
"""
from __future__ import annotations

from core.parallel.pool import AnalysisPool
from core.parallel.work import available_cores

__all__ = ["AnalysisPool", "available_cores"]
