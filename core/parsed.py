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


def remember_text(doc, text: str) -> None:
    """Keep `text` as `doc.text` when it is the string the doc was parsed from (spaCy's tokens cover their
    text exactly, so the lengths agree), sparing the first rebuild too."""
    if len(doc) and doc[-1].idx + len(doc[-1].text_with_ws) == len(text):
        doc.user_data[_TEXT] = text
