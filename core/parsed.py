"""Accessors over a parsed spaCy Doc for what spaCy rebuilds on every access, computed once per doc."""
from __future__ import annotations

_TEXT = "standpoint_text"


def doc_text(doc) -> str:
    """`doc.text`, kept in `doc.user_data`: spaCy joins every token's text each time it is asked, which
    cost the extractors about a tenth of the parse when each step asked again."""
    text = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return text
