"""Turns an article file's bytes into text safely: UTF-8, UTF-16 with a BOM, else Windows-1252; binary refused."""
from __future__ import annotations

from core import messages
from core.messages import UserFacingError


def decode_bytes(data: bytes, path: str = "text") -> str:
    """Decode an article's bytes: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if b"\x00" in data[:8192]:
        raise UserFacingError(messages.FILE_BINARY.format(path=path))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    text = data.decode("cp1252", errors="replace")
    controls = sum(1 for c in text[:8192] if ord(c) < 32 and c not in "\n\r\t\f")
    if controls > 0.01 * max(1, len(text[:8192])):
        raise UserFacingError(messages.FILE_BINARY.format(path=path))
    return text
