"""Reads article files and folders: the registered reader per suffix, safe opening, sidecar metadata, duplicates.

Each file is read in isolation: whatever goes wrong with one becomes a message naming it, and the
others go on. Only ordinary files are read (named pipes, devices, sockets and the files the system
makes up under /proc are refused before reading), never more bytes than the limit, and a folder's
symbolic links are not followed out of it.
"""
from __future__ import annotations

import errno
import json
import logging
import os
import re
import stat
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Iterable, Iterator

from core import messages
from core.ingest import limits, registry
from core.ingest.decode import clean_characters, printable
from core.ingest.text import split_long
from core.messages import UserFacingError
from core.model import Article

log = logging.getLogger(__name__)

META_SUFFIX = ".meta.json"
SLOW_BYTES = 512 * 1024  # big files take long to decode and clean
SIDECAR_BYTES = 64 * 1024  # a sidecar holds a title and a date
MAX_FOLDER_DEPTH = 64  # deeper folders are not article collections


@dataclass
class LoadReport:
    """What came of loading some paths: the articles, and a message per file that was refused."""

    articles: list[Article] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


def supported_suffixes() -> frozenset[str]:
    return frozenset(registry.READERS)


def read_limited(path: Path, limit: int, shown: str) -> bytes:
    """At most `limit` bytes of an ordinary file; anything else raises `UserFacingError` before reading.

    The file is opened without blocking (a named pipe swapped in after the check cannot hang the
    read) and checked again once open.
    """
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except OSError as exc:
        raise UserFacingError(_os_message(exc, path, shown)) from exc
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise UserFacingError(messages.FILE_SPECIAL.format(path=shown, kind=_kind(info.st_mode)))
        if info.st_size > limit:
            raise UserFacingError(messages.FILE_TOO_LARGE.format(
                path=shown, size_mb=info.st_size / 2**20, limit_mb=limit / 2**20))
        chunks, total = [], 0
        while total <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        data = b"".join(chunks)
    except OSError as exc:
        raise UserFacingError(_os_message(exc, path, shown)) from exc
    finally:
        os.close(fd)
    if len(data) > limit:  # the size said one thing, the content another: a file that keeps growing
        raise UserFacingError(messages.FILE_TOO_LARGE.format(path=shown, size_mb=len(data) / 2**20,
                                                            limit_mb=limit / 2**20))
    if data and info.st_size == 0:  # a file the system makes up as it is read (/proc/self/environ)
        raise UserFacingError(messages.FILE_SPECIAL.format(path=shown, kind="a system file"))
    return data


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISDIR(mode):
        return "a folder"
    return "not an ordinary file"


def _os_message(exc: OSError, path: Path, shown: str) -> str:
    """The message for a file the system would not open or read, saying why in the user's terms."""
    if exc.errno == errno.ENOENT:
        if os.path.lexists(path):
            return messages.FILE_LINK_BROKEN.format(path=shown)
        return messages.FILE_NOT_FOUND.format(path=shown)
    if exc.errno == errno.ELOOP:
        return messages.FILE_LINK_LOOP.format(path=shown)
    if exc.errno == errno.ENAMETOOLONG:
        return messages.FILE_UNREADABLE.format(path=shown, reason="its name or path is too long for the system")
    if exc.errno == errno.EISDIR:
        return messages.FILE_SPECIAL.format(path=shown, kind="a folder")
    return messages.FILE_UNREADABLE.format(path=shown, reason=printable(exc.strerror or type(exc).__name__).lower())


def read_sidecar(path: Path) -> dict:
    """Optional metadata beside an article: `name.meta.json` with title, published, source.

    A sidecar that is not an ordinary small file of JSON is ignored.
    """
    meta_path = path.with_name(path.stem + META_SUFFIX)
    try:
        if not meta_path.is_file():
            return {}
        data = json.loads(read_limited(meta_path, SIDECAR_BYTES, meta_path.name).decode("utf-8-sig"))
    except (UserFacingError, OSError, ValueError, RecursionError):
        return {}
    return data if isinstance(data, dict) else {}


def load_file(path: Path) -> Article:
    """One article from a file; raises `UserFacingError` with a clear message on bad input."""
    path = Path(path)
    shown = printable(path.name or str(path))
    suffix = path.suffix.lower()
    found = registry.READERS.get(suffix)
    if found is None:
        try:
            path.stat()
        except OSError as exc:
            raise UserFacingError(_os_message(exc, path, shown)) from exc
        raise UserFacingError(messages.FILE_UNSUPPORTED.format(path=shown, suffix=suffix or "extensionless"))
    data = read_limited(path, registry.size_limit(suffix), shown)
    if not data.strip():
        raise UserFacingError(messages.FILE_EMPTY.format(path=shown))
    try:
        article = found.read(data, path)
    except RecursionError as exc:  # nesting deeper than a parser's stack: the file is built to break readers
        raise UserFacingError(messages.FILE_MALFORMED.format(path=shown, reason="it is nested too deeply")) from exc
    if len(article.text) > limits.MAX_TEXT_CHARS:
        raise UserFacingError(messages.FILE_TOO_LONG.format(
            path=shown, amount=f"{len(article.text):,} characters of text", limit=f"{limits.MAX_TEXT_CHARS:,} characters"))
    if limits.count_tokens(article.text, stop=limits.MAX_TEXT_TOKENS) > limits.MAX_TEXT_TOKENS:
        raise UserFacingError(messages.FILE_TOO_LONG.format(
            path=shown, amount=f"more than {limits.MAX_TEXT_TOKENS:,} words, numbers and marks",
            limit=f"{limits.MAX_TEXT_TOKENS:,} words, numbers and marks"))
    article = replace(article, source=printable(article.source))
    return apply_sidecar(article, read_sidecar(path))


def apply_sidecar(article: Article, meta: dict) -> Article:
    changes: dict = {}
    if isinstance(meta.get("title"), str) and meta["title"].strip():
        title = " ".join(clean_characters(meta["title"]).split())
        if title:
            changes["title"] = title[:300]
    if isinstance(meta.get("published"), str):
        try:
            changes["published"] = date.fromisoformat(meta["published"][:10])
            changes["published_origin"] = "sidecar"
        except ValueError:
            pass
    return replace(article, **changes) if changes else article


def slow_to_read(path: Path) -> bool:
    """Would reading this file take long enough to freeze a window (so a GUI reads it off-thread)?

    Anything but an ordinary file counts as slow: the worker refuses it without freezing the window.
    """
    path = Path(path)
    found = registry.READERS.get(path.suffix.lower())
    try:
        info = path.stat()
    except OSError:
        return False
    return (found is not None and found.slow) or info.st_size > SLOW_BYTES or not stat.S_ISREG(info.st_mode)


def iter_article_paths(paths: Iterable[Path], refused: list[str] | None = None) -> Iterator[Path]:
    """Files to read from a mix of files and folders (folders searched recursively, sorted).

    A file named directly is read whatever it is (the reader refuses what it cannot read). Inside a
    folder, hidden files are left out, symbolic links to folders are not followed, and a link to a
    file outside the folder is refused (a message goes to `refused`).
    """
    refused = refused if refused is not None else []
    for path in paths:
        path = Path(path)
        try:
            is_dir = path.is_dir()
        except (OSError, ValueError):
            is_dir = False
        if is_dir:
            yield from _walk(path, refused)
        else:
            yield path


def _walk(folder: Path, refused: list[str]) -> Iterator[Path]:
    try:
        root = Path(os.path.realpath(folder))
    except (OSError, ValueError):
        return
    stack: list[tuple[Path, int]] = [(folder, 0)]
    while stack:
        current, depth = stack.pop()
        try:
            entries = sorted(os.scandir(current), key=lambda e: e.name)
        except OSError as exc:
            refused.append(_os_message(exc, current, printable(current.name)))
            continue
        subfolders = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            child = Path(entry.path)
            try:
                if entry.is_dir(follow_symlinks=False):
                    if depth + 1 < MAX_FOLDER_DEPTH:
                        subfolders.append((child, depth + 1))
                    continue
                if Path(entry.name).suffix.lower() not in registry.READERS:
                    continue
                if entry.is_symlink() and not _inside(child, root):
                    refused.append(messages.LINK_OUTSIDE.format(path=printable(entry.name)))
                    continue
            except (OSError, ValueError) as exc:
                refused.append(messages.FILE_UNREADABLE.format(path=printable(entry.name),
                                                              reason=printable(str(exc)).lower()))
                continue
            yield child
        stack.extend(reversed(subfolders))


def _inside(link: Path, root: Path) -> bool:
    """Does the link lead to a file within `root`? A loop or a dangling link leads nowhere outside."""
    try:
        target = Path(os.path.realpath(link))
    except (OSError, ValueError):
        return True  # the reader then says what is wrong with it
    if not os.path.lexists(target):
        return True
    return target == root or root in target.parents


def load_paths(paths: Iterable[Path], known_ids: Iterable[str] = ()) -> LoadReport:
    """Load every article under `paths`; bad files become messages, duplicates are skipped with a note.

    One file's failure, whatever it is, never stops the others: it becomes a message naming the file.
    An article longer than `limits.MAX_ARTICLE_CHARS` is split into parts at paragraph breaks.
    """
    report = LoadReport()
    seen: dict[str, str] = {aid: "" for aid in known_ids}
    refused: list[str] = []
    for path in iter_article_paths(paths, refused):
        report.problems.extend(refused)
        refused.clear()
        try:
            article = load_file(path)
        except UserFacingError as exc:
            report.problems.append(str(exc))
            continue
        except Exception as exc:  # noqa: BLE001 -- one bad file must never stop the others
            # No traceback on the user's terminal; the debug log keeps it for a bug report.
            log.debug("reading %s failed", path, exc_info=True)
            report.problems.append(messages.FILE_MALFORMED.format(
                path=printable(Path(path).name), reason=f"reading it failed ({type(exc).__name__})"))
            continue
        for part in split_long(article, limits.MAX_ARTICLE_CHARS):
            if part.id in seen:
                report.skipped.append(
                    messages.DUPLICATE_ARTICLE.format(path=printable(Path(path).name), title=seen[part.id] or part.title)
                )
                continue
            seen[part.id] = part.title
            report.articles.append(part)
    report.problems.extend(refused)
    return report


_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def parse_user_date(text: str) -> date:
    """A date typed by the user (YYYY-MM-DD); raises `UserFacingError` otherwise."""
    text = text.strip()
    if _ISO.match(text):
        try:
            return date.fromisoformat(text)
        except ValueError:
            pass
    raise UserFacingError(messages.BAD_DATE.format(text=printable(text)[:40]))
