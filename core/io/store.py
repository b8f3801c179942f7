"""Saves and opens project files (`.standpoint`): one SQLite file of plain data — texts, analysis, corrections."""
from __future__ import annotations

import json
import os
import sqlite3
import tempfile
from datetime import date, datetime, timezone
from pathlib import Path

from core import __version__, messages
from core.analysis import Analysis
from core.analysis import Corrections
from core.messages import UserFacingError
from core.model import Article, ArticleAnalysis
from core.io.compact import decode_result, encoded, is_compact, paused_gc
from core.io.serialise import from_data, to_data

# 2: each result is a compact blob (core.io.compact); files of version 1 (JSON text) still open.
FORMAT_VERSION = 2
SUFFIX = ".standpoint"
SQLITE_MAGIC = b"SQLite format 3\x00"

SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE articles (
    id TEXT PRIMARY KEY, position INTEGER NOT NULL, title TEXT NOT NULL, source TEXT NOT NULL,
    published TEXT, published_origin TEXT NOT NULL, text TEXT NOT NULL
);
CREATE TABLE results (article_id TEXT PRIMARY KEY REFERENCES articles(id), data TEXT NOT NULL);
CREATE TABLE corrections (id INTEGER PRIMARY KEY CHECK (id = 1), data TEXT NOT NULL);
"""


def save_project(path: Path, analysis: Analysis) -> Path:
    """Write the project atomically (temp file + rename), so a crash never leaves half a file.

    Refuses to replace a file that is not a Standpoint project this version can read.
    """
    path = Path(path)
    if path.exists():
        check_replaceable(path)
    fd, tmp_name = tempfile.mkstemp(prefix=".tmp-", suffix=SUFFIX, dir=str(path.parent))
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        with sqlite3.connect(tmp) as db:
            db.executescript(SCHEMA)
            db.executemany(
                "INSERT INTO meta VALUES (?, ?)",
                [
                    ("format", "standpoint-project"),
                    ("format_version", str(FORMAT_VERSION)),
                    ("app_version", __version__),
                    ("saved_at", datetime.now(timezone.utc).isoformat(timespec="seconds")),
                ],
            )
            for position, result in enumerate(analysis.raw_results()):
                a = result.article
                db.execute(
                    "INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (a.id, position, a.title, a.source, a.published.isoformat() if a.published else None,
                     a.published_origin, a.text),
                )
                # the text lives once, in the articles table; the blob is kept per result (they never change)
                db.execute("INSERT INTO results VALUES (?, ?)", (a.id, encoded(result)))
            db.execute("INSERT INTO corrections VALUES (1, ?)", (json.dumps(analysis.corrections.as_dict()),))
        db.close()
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()
    return path


def check_replaceable(path: Path) -> None:
    """Raise unless `path` is a Standpoint project of a version we read (so it is ours to replace)."""
    with _open_readonly(path) as db:
        _check_meta(path, db)


def load_project(path: Path) -> Analysis:
    """Open a project; a corrupt or newer file raises `UserFacingError` and is left untouched."""
    path = Path(path)
    if not path.is_file():
        raise UserFacingError(messages.FILE_NOT_FOUND.format(path=path.name))
    try:
        with _open_readonly(path) as db:
            _check_meta(path, db)
            rows = db.execute(
                "SELECT a.id, a.title, a.source, a.published, a.published_origin, a.text, r.data "
                "FROM articles a JOIN results r ON r.article_id = a.id ORDER BY a.position"
            ).fetchall()
            corrections_row = db.execute("SELECT data FROM corrections WHERE id = 1").fetchone()
        results = []
        with paused_gc(freeze=True):
            for aid, title, source, published, origin, text, data in rows:
                article = Article(
                    id=aid, title=title, text=text, source=source,
                    published=date.fromisoformat(published) if published else None, published_origin=origin,
                )
                if is_compact(data):
                    results.append(decode_result(data, article))
                    continue
                payload = json.loads(data)
                payload["article"] = to_data(article)
                results.append(from_data(ArticleAnalysis, payload))
        corrections = Corrections.from_dict(json.loads(corrections_row[0])) if corrections_row else Corrections()
    except UserFacingError:
        raise
    except (sqlite3.Error, ValueError, KeyError, TypeError, IndexError) as exc:
        raise UserFacingError(messages.PROJECT_CORRUPT.format(path=path.name, reason=_reason(exc))) from exc
    return Analysis(results, corrections)


class _open_readonly:
    """A read-only SQLite connection (mode=ro): opening never modifies the file."""

    def __init__(self, path: Path):
        self.path = path

    def __enter__(self) -> sqlite3.Connection:
        with open(self.path, "rb") as fh:
            head = fh.read(len(SQLITE_MAGIC))
        if head != SQLITE_MAGIC:
            raise UserFacingError(messages.PROJECT_CORRUPT.format(path=self.path.name, reason="not a project file"))
        try:
            self.db = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True)
        except sqlite3.Error as exc:
            raise UserFacingError(messages.PROJECT_CORRUPT.format(path=self.path.name, reason=_reason(exc))) from exc
        return self.db

    def __exit__(self, *exc_info) -> None:
        self.db.close()


def _check_meta(path: Path, db: sqlite3.Connection) -> None:
    try:
        meta = dict(db.execute("SELECT key, value FROM meta").fetchall())
    except sqlite3.Error as exc:
        raise UserFacingError(messages.PROJECT_CORRUPT.format(path=path.name, reason=_reason(exc))) from exc
    if meta.get("format") != "standpoint-project":
        raise UserFacingError(messages.PROJECT_CORRUPT.format(path=path.name, reason="not a Standpoint project"))
    try:
        found = int(meta.get("format_version", ""))
    except ValueError:
        raise UserFacingError(messages.PROJECT_CORRUPT.format(path=path.name, reason="no format version")) from None
    if found > FORMAT_VERSION:
        raise UserFacingError(messages.PROJECT_TOO_NEW.format(path=path.name, found=found, supported=FORMAT_VERSION))


def _reason(exc: Exception) -> str:
    if isinstance(exc, sqlite3.DatabaseError):
        return "the database is damaged"
    if isinstance(exc, ValueError):
        return "its contents are malformed"
    return type(exc).__name__
