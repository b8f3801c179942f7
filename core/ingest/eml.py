"""Reads saved e-mails (.eml): subject, sending date and body; a forwarded mail is read as that mail."""
from __future__ import annotations

import re
from pathlib import Path

from core import messages
from core.ingest.decode import decode_bytes
from core.ingest.extracted import Extracted, article_from_extracted
from core.ingest.registry import reader
from core.messages import UserFacingError
from core.model import Article


REPLY_PREFIX = re.compile(r"^(?:(?:re|fwd?|aw|wg)\s*:\s*)+", re.IGNORECASE)


def read_eml(data: bytes, shown: str) -> Extracted:
    """Subject, sending date and body text of a saved e-mail; attachments are ignored.

    A mail whose only content is another mail (forwarded as an attachment) is read as that mail.
    """
    import email
    from email import policy

    _check_shape(data, shown)
    found = _read_message(email.message_from_bytes(data, policy=policy.default), 0)
    if found is None:
        raise UserFacingError(messages.EMAIL_NO_TEXT.format(path=shown))
    return found


MAX_FORWARD_DEPTH = 4
# Python's e-mail parser takes quadratic time on some shapes no mail program writes: headers of
# hundreds of kilobytes (10,000 encoded words, 10,000 parameters) and tens of thousands of parts.
MAX_HEADER_BYTES = 64 * 1024
MAX_PARTS = 2000
_HEADER_END = re.compile(rb"\r?\n\r?\n")


def _check_shape(data: bytes, shown: str) -> None:
    end = _HEADER_END.search(data, 0, MAX_HEADER_BYTES + 4)
    header_bytes = end.start() if end else len(data)
    if header_bytes > MAX_HEADER_BYTES:
        raise UserFacingError(messages.FILE_MALFORMED.format(
            path=shown, reason=f"its headers are over {MAX_HEADER_BYTES // 1024} KB long, which no e-mail program writes"))
    for part in re.split(rb"\r?\n(?=\S)", data[:header_bytes]):
        if len(part) > 16 * 1024:
            raise UserFacingError(messages.FILE_MALFORMED.format(
                path=shown, reason="one of its headers is over 16 KB long, which no e-mail program writes"))
    if data.count(b"\n--") > MAX_PARTS:
        raise UserFacingError(messages.FILE_MALFORMED.format(
            path=shown, reason=f"it has more than {MAX_PARTS:,} parts"))
COVER_NOTE_CHARS = 300  # "FYI, see the attached": shorter than any article


def _read_message(msg, depth: int) -> Extracted | None:
    found = _message_body(msg)
    inner = _attached_message(msg) if depth < MAX_FORWARD_DEPTH else None
    if inner is not None and (found is None or len(_visible_text(found)) < COVER_NOTE_CHARS):
        return _read_message(inner, depth + 1) or found
    return found


def _attached_message(msg):
    part = next((p for p in msg.walk() if p.get_content_type() == "message/rfc822"), None)
    payload = part.get_payload() if part is not None else None
    if isinstance(payload, list):
        payload = payload[0] if payload else None
    return payload if hasattr(payload, "get_body") else None


def _visible_text(found: Extracted) -> str:
    return (found.text or re.sub(r"<[^>]*>", " ", found.html or "")).strip()


def _message_body(msg) -> Extracted | None:
    body = None
    for preference in ("plain", "html"):
        try:
            part = msg.get_body(preferencelist=(preference,))
        except (KeyError, ValueError, TypeError, AttributeError):
            part = None
        content = _part_text(part) if part is not None else ""
        if content.strip():
            body = (preference, content)
            break
    if body is None:
        return None
    subject = REPLY_PREFIX.sub("", " ".join(_header(msg, "subject").split())) or None
    sent = None
    try:
        stamp = msg["date"].datetime if msg["date"] is not None else None
        sent = stamp.date() if stamp is not None else None
    except (AttributeError, TypeError, ValueError, IndexError):
        sent = None
    kind, content = body
    return Extracted(
        text=content if kind == "plain" else "",
        html=content if kind == "html" else None,
        title=subject,
        published=sent,
        published_origin="email" if sent else None,
    )


def _header(msg, name: str) -> str:
    try:
        return str(msg[name] or "")
    except (TypeError, ValueError, IndexError):
        return ""


def _part_text(part) -> str:
    """A part's decoded text; an unknown or wrong charset falls back to the safe article decoding."""
    try:
        content = part.get_content()
        if isinstance(content, str):
            return content
    except (LookupError, ValueError, UnicodeError, KeyError):
        pass
    payload = part.get_payload(decode=True) or b""
    try:
        return decode_bytes(payload)
    except UserFacingError:
        return ""


@reader(".eml", large=True, slow=True)
def eml_article(data: bytes, path: Path) -> Article:
    return article_from_extracted(read_eml(data, path.name), path)
