"""Tells pages that are not articles (bot checks, lists of links) from articles, from the page's own text."""
from __future__ import annotations

import json
from functools import lru_cache
from html.parser import HTMLParser

from core.resources import resource_path

# A bot check says little: a page with this many words of main text is an article whatever it mentions.
BOT_CHECK_MAX_WORDS = 150
# A page whose visible words are mostly link text, with little main text, is an index or a results page.
LINK_SHARE = 0.6
LINK_PAGE_MAX_WORDS = 150
MIN_PAGE_WORDS = 40
SCAN_CHARS = 300_000  # of the page looked at: enough for any page's furniture, bounded for hostile ones
BOT_CHECK = "a bot check or access-denied page"
LINK_LIST = "a list of links (an index or results page)"


@lru_cache(maxsize=1)
def _bot_phrases() -> tuple[str, ...]:
    data = json.loads(resource_path("ingest", "not_article.json").read_text(encoding="utf-8"))
    return tuple(p.casefold() for p in data["bot_check"])


class _Words(HTMLParser):
    """Counts the visible words of a page, and those inside links; keeps the first visible text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.words = self.link_words = 0
        self.in_link = self.hidden = 0
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs) -> None:
        if tag == "a":
            self.in_link += 1
        elif tag in ("script", "style", "head", "template"):
            self.hidden += 1

    def handle_endtag(self, tag) -> None:
        if tag == "a":
            self.in_link = max(0, self.in_link - 1)
        elif tag in ("script", "style", "head", "template"):
            self.hidden = max(0, self.hidden - 1)

    def handle_data(self, data) -> None:
        if self.hidden:
            return
        n = len(data.split())
        self.words += n
        self.link_words += n if self.in_link else 0
        if n and len(self.text) < 500:
            self.text.append(data)


def not_article_reason(html: str, body: str, title: str) -> str:
    """Why this page is not an article ("" when it is one)."""
    words = len(body.split())
    if words > max(BOT_CHECK_MAX_WORDS, LINK_PAGE_MAX_WORDS):
        return ""
    page = _Words()
    try:
        page.feed(html[:SCAN_CHARS])
        page.close()
    except Exception:  # noqa: BLE001 -- a page the scanner trips on is judged by its main text alone
        pass
    said = f"{title} {body} {' '.join(page.text)}".casefold()
    if words <= BOT_CHECK_MAX_WORDS and any(phrase in said for phrase in _bot_phrases()):
        return BOT_CHECK
    if words <= LINK_PAGE_MAX_WORDS and page.words >= MIN_PAGE_WORDS and page.link_words >= LINK_SHARE * page.words:
        return LINK_LIST
    return ""
