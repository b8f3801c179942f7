"""Tells pages that are not articles (bot checks, lists of links) from articles, from the page's own text."""
from __future__ import annotations

import json
from functools import lru_cache
from html.parser import HTMLParser

from core.resources import resource_path

# Sizes in characters, not words: Chinese or Japanese text has no spaces between words.
# A bot check says little: a page with this much main text is an article whatever it mentions.
BOT_CHECK_MAX_CHARS = 1000
# A page whose visible text is mostly link text, with little main text and little prose outside the
# links, is an index or a results page (an article has its paragraphs, however many links surround them).
LINK_SHARE = 0.6
LINK_PAGE_MAX_CHARS = 600
MIN_PAGE_CHARS = 200
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
        self.chars = self.link_chars = 0
        self.in_link = self.hidden = 0
        self.text: list[str] = []
        self.links: set[str] = set()  # the text of each link, as a line of main text would show it
        self._anchor: list[str] = []

    def handle_starttag(self, tag, attrs) -> None:
        if tag == "a":
            self.in_link += 1
        elif tag in ("script", "style", "head", "template"):
            self.hidden += 1

    def handle_endtag(self, tag) -> None:
        if tag == "a":
            self.in_link = max(0, self.in_link - 1)
            if len(self.links) < 5000:
                self.links.add(" ".join("".join(self._anchor).split()))
            self._anchor = []
        elif tag in ("script", "style", "head", "template"):
            self.hidden = max(0, self.hidden - 1)

    def handle_data(self, data) -> None:
        if self.hidden:
            return
        n = len("".join(data.split()))
        self.chars += n
        self.link_chars += n if self.in_link else 0
        if self.in_link and len(self._anchor) < 100:
            self._anchor.append(data)
        if n and len(self.text) < 500:
            self.text.append(data)


def not_article_reason(html: str, body: str, title: str) -> str:
    """Why this page is not an article ("" when it is one)."""
    body_chars = len("".join(body.split()))
    page = _Words()
    try:
        page.feed(html[:SCAN_CHARS])
        page.close()
    except Exception:  # noqa: BLE001 -- a page the scanner trips on is judged by its main text alone
        pass
    said = f"{title} {body} {' '.join(page.text)}".casefold()
    if body_chars <= BOT_CHECK_MAX_CHARS and any(phrase in said for phrase in _bot_phrases()):
        return BOT_CHECK
    prose = page.chars - page.link_chars
    # The main text trafilatura found is itself mostly the links' text (a list of headlines).
    linked = sum(len(line) for line in body.splitlines() if " ".join(line.split()) in page.links)
    listing = body_chars <= LINK_PAGE_MAX_CHARS or linked >= LINK_SHARE * max(1, len(body))
    if (listing and page.chars >= MIN_PAGE_CHARS and page.link_chars >= LINK_SHARE * page.chars
            and prose < LINK_PAGE_MAX_CHARS):
        return LINK_LIST
    return ""
