"""One registry of article readers, by file suffix: each reader turns a file's bytes into an `Article`."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from core.ingest import limits
from core.model import Article


@dataclass(frozen=True)
class Reader:
    """How to read one kind of file: the function, whether its bytes may be large, whether it is slow."""

    read: Callable[[bytes, Path], Article]
    large: bool = False  # allowed up to limits.MAX_FORMAT_BYTES instead of limits.MAX_BYTES
    slow: bool = False  # slow whatever its size (PDF pages take ~0.2 s each), so a GUI reads it off-thread


READERS: dict[str, Reader] = {}


def reader(*suffixes: str, large: bool = False, slow: bool = False):
    """Register the decorated `read(data, path) -> Article` for these suffixes (".txt", ".pdf", …)."""
    def register(read: Callable[[bytes, Path], Article]) -> Callable[[bytes, Path], Article]:
        for suffix in suffixes:
            READERS[suffix] = Reader(read=read, large=large, slow=slow)
        return read
    return register


def size_limit(suffix: str) -> int:
    """Bytes a file of this kind may hold (read at call time, so tests can lower the limits)."""
    found = READERS.get(suffix)
    return limits.MAX_FORMAT_BYTES if found is not None and found.large else limits.MAX_BYTES
