"""Standpoint's Qt-free core: reading articles, analysing them, and the tables the views show.

The public API, used by the desktop and by the command line alike (everything else is internal):

- `core.ingest`: `load_paths`, `load_file`, `article_from_text`, `parse_user_date`, `LoadReport`,
  `SUPPORTED_SUFFIXES`, `slow_to_read` — files, folders and strings in, `Article` records out.
- `core.nlp`: `load_pipeline`, `blank_pipeline`, `model_data_dir` — the spaCy pipeline, or the rule-based fallback.
- `core.pipeline`: `analyse_articles` (a generator of `Progress`), `analyse_all` — articles in, `ArticleAnalysis` out.
- `core.parallel`: `AnalysisPool` (every core: worker processes loading the model once), `available_cores`;
  `core.parallel.cluster.ClusterRunner` (a Dask cluster, optional extra) — the same `Progress`, in the articles' order.
- `core.io.cache`: `AnalysisCache`, `analyse_cached`, `cache_folder_for` — nothing analysed twice;
  `core.runner`: `run_analysis`, `RunOptions` — how the command line combines them.
- `core.analysis`: `Analysis` (tables, stance matrix, timeline, event groups, entity timelines, the default
  timeline window, evidence, corrections, one labelled undo history), `default_window`, `TimeWindow`, `Corrections`, `StanceMatrix`, the item-id helpers (`statement_id`, `event_id`, `split_id`,
  `item_kind`, `article_of`), `net_stance`, `REJECTED`.
- `core.io.store`: `save_project`, `load_project`; `core.io.export`: `table_frames`, `write_frames`,
  `export_tables`, `export_graphml`, `export_entity_timeline` (CSV and SemEval-2015 TimeLine text).
- `core.model`: the frozen records (`Article`, `Actor`, `Mention`, `TimeExpression`, `Event`, `Statement`, …)
  and their constants; `core.messages`: `UserFacingError` and the coded messages; `core.resources`: paths.

The names are imported lazily (`from core import Analysis` works), so importing `core` stays cheap.
"""
from __future__ import annotations

import importlib

__version__ = "0.1.0"

_PUBLIC = {
    "load_paths": "core.ingest", "load_file": "core.ingest", "article_from_text": "core.ingest",
    "parse_user_date": "core.ingest", "LoadReport": "core.ingest", "SUPPORTED_SUFFIXES": "core.ingest",
    "load_pipeline": "core.nlp", "blank_pipeline": "core.nlp",
    "analyse_articles": "core.pipeline", "analyse_all": "core.pipeline",
    "Analysis": "core.analysis", "Corrections": "core.analysis", "StanceMatrix": "core.analysis",
    "save_project": "core.io.store", "load_project": "core.io.store",
    "export_tables": "core.io.export", "export_graphml": "core.io.export",
    "UserFacingError": "core.messages",
}

__all__ = ["__version__", *_PUBLIC]


def __getattr__(name: str):
    module = _PUBLIC.get(name)
    if module is None:
        raise AttributeError(f"module 'core' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)
