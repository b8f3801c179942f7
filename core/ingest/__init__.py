"""Reads articles from files, folders and strings into `Article` records (readers registered per suffix)."""
from __future__ import annotations

# Importing the reader modules registers them; the order is the dependency order.
from core.ingest import docx, eml, html, pdf, text  # noqa: F401
from core.ingest.decode import decode_bytes
from core.ingest.files import LoadReport, iter_article_paths, load_file, load_paths, parse_user_date, slow_to_read
from core.ingest.registry import READERS
from core.ingest.text import article_from_text, article_id_for

SUPPORTED_SUFFIXES = frozenset(READERS)

__all__ = [
    "LoadReport", "SUPPORTED_SUFFIXES", "article_from_text", "article_id_for", "decode_bytes",
    "iter_article_paths", "load_file", "load_paths", "parse_user_date", "slow_to_read",
]
