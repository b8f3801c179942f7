"""Reads article files and folders: the registered reader per suffix, size limits, sidecar metadata, duplicates."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Iterable

from core import messages
from core.ingest import registry
from core.messages import UserFacingError
from core.model import Article

META_SUFFIX = ".meta.json"
SLOW_BYTES = 512 * 1024  # big files take long to decode and clean


@dataclass
class LoadReport:
    """What came of loading some paths: the articles, and a message per file that was refused."""

    articles: list[Article] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


def supported_suffixes() -> frozenset[str]:
    return frozenset(registry.READERS)


def read_sidecar(path: Path) -> dict:
    """Optional metadata beside an article: `name.meta.json` with title, published, source."""
    meta_path = path.with_name(path.stem + META_SUFFIX)
    if not meta_path.is_file():
        return {}
    try:
        data = json.loads(meta_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def load_file(path: Path) -> Article:
    """One article from a file; raises `UserFacingError` with a clear message on bad input."""
    path = Path(path)
    shown = path.name
    if not path.exists():
        raise UserFacingError(messages.FILE_NOT_FOUND.format(path=shown))
    suffix = path.suffix.lower()
    found = registry.READERS.get(suffix)
    if found is None:
        raise UserFacingError(messages.FILE_UNSUPPORTED.format(path=shown, suffix=suffix or "extensionless"))
    limit = registry.size_limit(suffix)
    try:
        size = path.stat().st_size
        if size > limit:
            raise UserFacingError(
                messages.FILE_TOO_LARGE.format(path=shown, size_mb=size / 2**20, limit_mb=limit / 2**20)
            )
        data = path.read_bytes()
    except OSError as exc:
        raise UserFacingError(messages.FILE_UNREADABLE.format(path=shown, reason=exc.strerror or exc)) from exc
    if not data.strip():
        raise UserFacingError(messages.FILE_EMPTY.format(path=shown))
    return apply_sidecar(found.read(data, path), read_sidecar(path))


def apply_sidecar(article: Article, meta: dict) -> Article:
    changes: dict = {}
    if isinstance(meta.get("title"), str) and meta["title"].strip():
        changes["title"] = meta["title"].strip()
    if isinstance(meta.get("published"), str):
        try:
            changes["published"] = date.fromisoformat(meta["published"][:10])
            changes["published_origin"] = "sidecar"
        except ValueError:
            pass
    return replace(article, **changes) if changes else article


def slow_to_read(path: Path) -> bool:
    """Would reading this file take long enough to freeze a window (so a GUI reads it off-thread)?"""
    path = Path(path)
    found = registry.READERS.get(path.suffix.lower())
    try:
        return (found is not None and found.slow) or path.stat().st_size > SLOW_BYTES
    except OSError:
        return False


def iter_article_paths(paths: Iterable[Path]) -> Iterable[Path]:
    """Files to read from a mix of files and folders (folders searched recursively, sorted)."""
    for path in paths:
        path = Path(path)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and child.suffix.lower() in registry.READERS and not child.name.startswith("."):
                    yield child
        else:
            yield path


def load_paths(paths: Iterable[Path], known_ids: Iterable[str] = ()) -> LoadReport:
    """Load every article under `paths`; bad files become messages, duplicates are skipped with a note."""
    report = LoadReport()
    seen: dict[str, str] = {aid: "" for aid in known_ids}
    for path in iter_article_paths(paths):
        try:
            article = load_file(path)
        except UserFacingError as exc:
            report.problems.append(str(exc))
            continue
        if article.id in seen:
            report.skipped.append(
                messages.DUPLICATE_ARTICLE.format(path=path.name, title=seen[article.id] or article.title)
            )
            continue
        seen[article.id] = article.title
        report.articles.append(article)
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
    raise UserFacingError(messages.BAD_DATE.format(text=text))
