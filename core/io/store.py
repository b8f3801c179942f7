"""Saves and opens project files (`.standpoint`): one SQLite file of plain data — texts, analysis, corrections."""
from __future__ import annotations

import errno
import json
import os
import sqlite3
import stat
import time
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
TABLES = {"meta", "articles", "results", "corrections"}
SAVING_SUFFIX = ".saving"
QUERY_SECONDS = 60.0  # no query over a project's four tables takes this long; a crafted file could

SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE articles (
    id TEXT PRIMARY KEY, position INTEGER NOT NULL, title TEXT NOT NULL, source TEXT NOT NULL,
    published TEXT, published_origin TEXT NOT NULL, text TEXT NOT NULL,
    language TEXT NOT NULL DEFAULT '', not_article TEXT NOT NULL DEFAULT ''
);
CREATE TABLE results (article_id TEXT PRIMARY KEY REFERENCES articles(id), data TEXT NOT NULL);
CREATE TABLE corrections (id INTEGER PRIMARY KEY CHECK (id = 1), data TEXT NOT NULL);
"""


def save_project(path: Path, analysis: Analysis) -> Path:
    """Write the project so that it survives `kill -9` at any moment and leaves nothing behind.

    The database is built in memory, written to an unnamed file in the project's folder (Linux
    O_TMPFILE: the system frees it if the process dies), flushed to disk, and only then given a name and
    renamed over the project in one step. Refuses a target that is a folder, read-only, or a file that
    is not an intact Standpoint project this version reads; a full disk is one clear message.
    """
    path = Path(path)
    check_target(path)
    data = _database_bytes(analysis)
    _remove_leftovers(path)
    try:
        _write_atomically(path, data)
    except OSError as exc:
        raise UserFacingError(_save_error(exc, path)) from exc
    return path


def check_target(path: Path) -> None:
    """Raise `UserFacingError` unless a project may be written at `path` (before any work is done)."""
    path = Path(path)
    shown = path.name or str(path)
    if path.is_dir():
        raise UserFacingError(messages.PROJECT_SAVE_FAILED.format(path=shown, reason="it is a folder"))
    if not path.parent.is_dir():
        raise UserFacingError(messages.PROJECT_SAVE_FAILED.format(path=shown, reason="its folder does not exist"))
    if not os.access(path.parent, os.W_OK):
        raise UserFacingError(messages.PROJECT_READ_ONLY.format(path=shown, reason="its folder is not writable"))
    if os.path.lexists(path):
        try:
            info = os.stat(path)
        except OSError as exc:
            raise UserFacingError(messages.PROJECT_SAVE_FAILED.format(
                path=shown, reason=(exc.strerror or type(exc).__name__).lower())) from exc
        if not stat.S_ISREG(info.st_mode):
            raise UserFacingError(messages.PROJECT_SAVE_FAILED.format(path=shown, reason="it is not an ordinary file"))
        # Checked on the mode, not only os.access: the superuser may write anything, yet a file its owner
        # made read-only is not to be replaced behind their back.
        if not info.st_mode & 0o222 or not os.access(path, os.W_OK):
            raise UserFacingError(messages.PROJECT_READ_ONLY.format(path=shown, reason="the file is read-only"))
        check_replaceable(path)


def _database_bytes(analysis: Analysis) -> bytes:
    db = sqlite3.connect(":memory:")
    try:
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
                "INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (a.id, position, a.title, a.source, a.published.isoformat() if a.published else None,
                 a.published_origin, a.text, a.language, a.not_article),
            )
            # the text lives once, in the articles table; the blob is kept per result (they never change)
            db.execute("INSERT INTO results VALUES (?, ?)", (a.id, encoded(result)))
        db.execute("INSERT INTO corrections VALUES (1, ?)", (json.dumps(analysis.corrections.as_dict()),))
        db.commit()
        return db.serialize()
    finally:
        db.close()


def _leftover_name(path: Path) -> Path:
    return path.with_name(f".{path.name}{SAVING_SUFFIX}")


def _remove_leftovers(path: Path) -> None:
    """A save killed between naming its file and renaming it leaves this one file; the next save removes it."""
    leftover = _leftover_name(path)
    try:
        if os.path.lexists(leftover):
            leftover.unlink()
    except OSError:
        pass


def _write_atomically(path: Path, data: bytes) -> None:
    tmp = _leftover_name(path)
    fd = _unnamed_file(path.parent)
    if fd is not None:
        try:
            _write_all(fd, data)
            _name_unnamed(fd, tmp)
        except OSError as exc:
            if exc.errno in (errno.ENOSPC, errno.EDQUOT):
                raise
            fd = None  # this file system will not name an unnamed file: write a named one instead
        finally:
            if fd is not None:
                os.close(fd)
    if fd is None:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o666)
        try:
            _write_all(fd, data)
        except BaseException:
            os.unlink(tmp)
            raise
        finally:
            os.close(fd)
    try:
        os.replace(tmp, path)
    except BaseException:
        if os.path.lexists(tmp):
            os.unlink(tmp)
        raise
    _sync_folder(path.parent)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]
    os.fsync(fd)


def _name_unnamed(fd: int, name: Path) -> None:
    """Give an O_TMPFILE file a name (linkat with AT_SYMLINK_FOLLOW, which a folder descriptor selects)."""
    folder = os.open(name.parent, os.O_RDONLY)
    try:
        os.link(f"/proc/self/fd/{fd}", name.name, dst_dir_fd=folder)
    finally:
        os.close(folder)


def _unnamed_file(folder: Path) -> int | None:
    flag = getattr(os, "O_TMPFILE", None)
    if flag is None or not os.path.isdir("/proc/self/fd"):
        return None
    try:
        return os.open(folder, flag | os.O_WRONLY, 0o666)  # the system applies the umask
    except OSError:
        return None


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (on systems that let a folder be opened)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _save_error(exc: OSError, path: Path) -> str:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return messages.DISK_FULL.format(path=path.name)
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return messages.PROJECT_READ_ONLY.format(path=path.name, reason="permission denied")
    return messages.PROJECT_SAVE_FAILED.format(path=path.name, reason=(exc.strerror or type(exc).__name__).lower())


def check_replaceable(path: Path) -> None:
    """Raise unless `path` is an intact Standpoint project of a version we read (so it is ours to replace)."""
    with _open_readonly(path) as db:
        _check_meta(path, db)
        try:
            verdict = db.execute("PRAGMA quick_check").fetchone()
        except sqlite3.Error as exc:
            raise UserFacingError(messages.PROJECT_CORRUPT.format(path=path.name, reason=_reason(exc))) from exc
        if not verdict or verdict[0] != "ok":
            raise UserFacingError(messages.PROJECT_CORRUPT.format(path=path.name, reason="the database is damaged"))


def load_project(path: Path) -> Analysis:
    """Open a project; a corrupt or newer file raises `UserFacingError` and is left untouched."""
    path = Path(path)
    try:
        info = os.stat(path)
    except OSError:
        raise UserFacingError(messages.FILE_NOT_FOUND.format(path=path.name)) from None
    if not stat.S_ISREG(info.st_mode):
        raise UserFacingError(messages.FILE_SPECIAL.format(path=path.name, kind="a folder" if stat.S_ISDIR(
            info.st_mode) else "not an ordinary file"))
    try:
        with _open_readonly(path) as db:
            _check_meta(path, db)
            columns = {row[1] for row in db.execute("PRAGMA table_info(articles)")}
            # Files saved before the language columns existed read as "unknown language, an article".
            extra = ", ".join(c if c in columns else "''" for c in ("language", "not_article"))
            rows = db.execute(
                "SELECT a.id, a.title, a.source, a.published, a.published_origin, a.text, r.data, " + extra +
                " FROM articles a JOIN results r ON r.article_id = a.id ORDER BY a.position"
            ).fetchall()
            corrections_row = db.execute("SELECT data FROM corrections WHERE id = 1").fetchone()
        results = []
        with paused_gc(freeze=True):
            for aid, title, source, published, origin, text, data, language, not_article in rows:
                article = Article(
                    id=aid, title=title, text=text, source=source,
                    published=date.fromisoformat(published) if published else None, published_origin=origin,
                    language=language or "", not_article=not_article or "",
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
    except (sqlite3.Error, ValueError, KeyError, TypeError, IndexError, AttributeError, RecursionError) as exc:
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
        try:
            _check_schema(self.path, self.db)
        except BaseException:
            self.db.close()
            raise
        return self.db

    def __exit__(self, *exc_info) -> None:
        self.db.close()


def _check_schema(path: Path, db: sqlite3.Connection) -> None:
    """Refuse a file with views or triggers (a project never has them: a view can run any query, for
    ever) or with tables of its own, before anything else is read; and stop any query that runs too long."""
    db.execute("PRAGMA trusted_schema = OFF")
    started = time.monotonic()
    # Called every few thousand SQLite steps: a non-zero answer aborts the statement.
    db.set_progress_handler(lambda: int(time.monotonic() - started > QUERY_SECONDS), 10_000)
    try:
        objects = db.execute("SELECT type, name FROM sqlite_master").fetchall()
    except sqlite3.Error as exc:
        raise UserFacingError(messages.PROJECT_CORRUPT.format(path=path.name, reason=_reason(exc))) from exc
    kinds = {kind for kind, _ in objects}
    if kinds & {"view", "trigger"}:
        raise UserFacingError(messages.PROJECT_CORRUPT.format(
            path=path.name, reason="it holds views or triggers, which a Standpoint project never has"))
    tables = {name for kind, name in objects if kind == "table" and not name.startswith("sqlite_")}
    if not tables <= TABLES:
        raise UserFacingError(messages.PROJECT_CORRUPT.format(path=path.name, reason="it holds tables of another program"))


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


def _reason(exc: BaseException) -> str:
    if isinstance(exc, sqlite3.OperationalError) and "interrupt" in str(exc).lower():
        return "reading it took too long"
    if isinstance(exc, RecursionError):
        return "its contents are nested too deeply"
    if isinstance(exc, sqlite3.DatabaseError):
        return "the database is damaged"
    if isinstance(exc, ValueError):
        return "its contents are malformed"
    return type(exc).__name__
