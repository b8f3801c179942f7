"""Nothing analysed twice: each article's analysis kept by its text, title, publication date and the analysis version, in a folder beside the project."""
from __future__ import annotations

import hashlib
import logging
import os
import sqlite3
import threading
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable, Iterator, Sequence

from core import __version__, messages
from core.io.compact import decode_result, encoded, paused_gc
from core.model import Article, ArticleAnalysis
from core.pipeline import Progress

log = logging.getLogger(__name__)

FOLDER_SUFFIX = "-cache"  # idlib.standpoint -> idlib.standpoint-cache/
DB_NAME = "analysis.sqlite"
_BATCH = 64  # results written per transaction
SCHEMA = """
CREATE TABLE IF NOT EXISTS entries (
    key TEXT PRIMARY KEY, version TEXT NOT NULL, article_id TEXT NOT NULL, data BLOB NOT NULL
);
"""


def cache_folder_for(project: Path) -> Path:
    """The cache folder that goes with a project file (beside it, named after it)."""
    project = Path(project)
    return project.with_name(project.name + FOLDER_SUFFIX)


@lru_cache(maxsize=1)
def _code_and_resources() -> str:
    """A digest of the analysis code and the bundled word lists and tables: any change in them is a
    new analysis version. In the frozen app the code is not on disk; its version number stands in."""
    digest = hashlib.sha256(__version__.encode())
    from core.resources import app_root

    root = app_root()
    folders = [root / "resources", Path(__file__).resolve().parent.parent]
    for folder in folders:
        if not folder.is_dir():
            continue
        for path in sorted(folder.rglob("*")):
            if path.is_file() and (folder.name == "resources" or path.suffix == ".py"):
                digest.update(str(path.relative_to(folder)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()


def predicted_pipeline() -> str:
    """Which pipeline an analysis here will use, without loading it: the trained model, or the fallback."""
    from core.nlp import FORCE_FALLBACK_ENV, MODEL_PACKAGE, MODEL_VERSION, model_data_dir

    if os.environ.get(FORCE_FALLBACK_ENV) or model_data_dir() is None:
        return "fallback"
    return f"{MODEL_PACKAGE}-{MODEL_VERSION}"


def analysis_version(pipeline: str | None = None) -> str:
    """The version an analysis is valid for: code, resources, the pipeline and the user's alias table."""
    from core.resources import user_aliases_path

    digest = hashlib.sha256(_code_and_resources().encode())
    digest.update((pipeline or predicted_pipeline()).encode())
    aliases = user_aliases_path()
    if aliases.is_file():
        digest.update(aliases.read_bytes())
    return digest.hexdigest()[:24]


def entry_key(article: Article, version: str) -> str:
    digest = hashlib.sha256()
    published = article.published.isoformat() if article.published else ""
    for part in (article.id, article.title, published, version, article.text):
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\x00")
    return digest.hexdigest()


class AnalysisCache:
    """One SQLite file of compact analyses. Entries of another analysis version are dropped on opening,
    so the cache holds one version and stays the size of what was analysed with it."""

    def __init__(self, folder: Path, version: str | None = None):
        self.folder = Path(folder)
        self.version = version or analysis_version()
        self.folder.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        # The desktop's worker thread reads and writes it; the lock keeps one user at a time.
        self._db = sqlite3.connect(self.folder / DB_NAME, timeout=30, check_same_thread=False)
        try:
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.executescript(SCHEMA)
            with self._db:
                self._db.execute("DELETE FROM entries WHERE version != ?", (self.version,))
        except sqlite3.Error:
            self._db.close()
            raise

    @classmethod
    def open(cls, folder: Path, version: str | None = None, warn: Callable[[str], None] = log.warning
             ) -> "AnalysisCache | None":
        """The cache in `folder`, or None (after `warn`) when it cannot be used: never a reason to stop."""
        try:
            return cls(folder, version)
        except (OSError, sqlite3.Error) as exc:
            warn(messages.CACHE_UNUSABLE.format(path=folder, reason=getattr(exc, "strerror", None) or exc))
            return None

    def get_many(self, articles: Sequence[Article]) -> dict[str, ArticleAnalysis]:
        """Cached analyses of these articles, by article id (those not cached are left out)."""
        keys = {entry_key(a, self.version): a for a in articles}
        found: dict[str, ArticleAnalysis] = {}
        items = list(keys.items())
        with self._lock, paused_gc():
            for i in range(0, len(items), 500):
                part = dict(items[i:i + 500])
                marks = ",".join("?" * len(part))
                try:
                    rows = self._db.execute(f"SELECT key, data FROM entries WHERE key IN ({marks})", list(part)).fetchall()
                except sqlite3.Error as exc:
                    log.warning("reading the analysis cache failed: %s", exc)
                    return found
                for key, data in rows:
                    article = part[key]
                    try:
                        found[article.id] = decode_result(data, article)
                    except ValueError:  # a damaged entry is analysed again (and replaced)
                        log.warning("cache entry for %s is damaged", article.id)
        return found

    def put_many(self, results: Iterable[ArticleAnalysis]) -> None:
        rows = [(entry_key(r.article, self.version), self.version, r.article.id, encoded(r)) for r in results]
        if not rows:
            return
        with self._lock:
            try:
                with self._db:
                    self._db.executemany("INSERT OR REPLACE INTO entries VALUES (?, ?, ?, ?)", rows)
            except sqlite3.Error as exc:  # a full disk must not stop the analysis
                log.warning("writing the analysis cache failed: %s", exc)

    def __len__(self) -> int:
        with self._lock:
            return self._db.execute("SELECT COUNT(*) FROM entries").fetchone()[0]

    def close(self) -> None:
        with self._lock:
            self._db.close()


def analyse_cached(articles: Sequence[Article], cache: AnalysisCache | None,
                   analyse: Callable[[list[Article]], Iterator[Progress]],
                   store: Callable[[], bool] = lambda: True) -> Iterator[Progress]:
    """Like `analyse(articles)`, but articles the cache holds come from it first (no parse), and the
    others are analysed by `analyse` and written to the cache (unless `store()` says no: the pipeline
    that ran is not the one the cache version names). Progress counts every article."""
    articles = list(articles)
    total = len(articles)
    hits = cache.get_many(articles) if cache is not None else {}
    misses = [a for a in articles if a.id not in hits]
    note = f" ({len(hits)} from the cache)" if hits else ""
    yield Progress(0, total, f"Analysing {total} article{'s' * (total != 1)}{note}\u2026")
    done = 0
    for article in articles:
        if article.id in hits:
            done += 1
            yield Progress(done, total, article.title, result=hits.pop(article.id))
    if not misses:
        return
    pending: list[ArticleAnalysis] = []
    try:
        for step in analyse(misses):
            if not step.done:
                continue
            done += 1
            if step.result is not None and cache is not None and store():
                pending.append(step.result)
                if len(pending) >= _BATCH:
                    cache.put_many(pending)
                    pending = []
            yield Progress(done, total, step.message, result=step.result, error=step.error)
    finally:
        if pending:  # a cancelled run keeps what it finished
            cache.put_many(pending)
