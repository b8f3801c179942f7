"""Replays the app's HTML ingest step by step to say which step lost each snippet or date (used by ingest_accuracy.py)."""
from __future__ import annotations

import collections
import unicodedata
from dataclasses import dataclass, field
from datetime import date

# The steps replayed here are today's core/ingest.py (decode_bytes, article_from_html, article_from_text)
# and core/boilerplate.py (clean_text, latin_share, boilerplate.json). The replay is checked against
# the app's real output on every page (`Trace.replay_ok`), so a restructured ingest that no longer
# matches shows up as mismatches instead of silently wrong causes.
DECODE = "charset decoding (ingest.decode_bytes: UTF-8 else cp1252)"
EXTRACT = "extraction call differs (ingest.article_from_html: bare_extraction, not extract, on the same str)"
GLUED = "title glued before the body (ingest.article_from_html)"
LATIN = "Latin-share filter (boilerplate.clean_text + latin_share < 0.5)"
REPEAT = "repeated-lines rule (boilerplate.clean_text: seen line > 40 chars)"
COPYRIGHT = "copyright end rule (boilerplate.clean_text, boilerplate.json 'end': everything after it)"
PHOTO_TAIL = "'Photo:'/'Credit:' tail cut (boilerplate.clean_text credit_tail)"
SPANS = "snippet spans lines re-joined by clean_text"


@dataclass
class Trace:
    """What each step of the app's HTML path made of one page."""

    decode_differs: bool = False
    binary: bool = False
    extracted: str = ""  # trafilatura's text on the app's decoded string, before the title is glued
    title: str = ""
    glued: str = ""  # the text clean_text receives
    meta_date: date | None = None  # trafilatura's metadata date (htmldate inside trafilatura)
    fates: list[tuple[str, str, str]] = field(default_factory=list)  # (line, fate, rule) per non-blank line
    replay_ok: bool = True


def _rule_text(pattern) -> str:
    text = pattern.pattern
    return text[4:-2] if text.startswith("^(?:") and text.endswith(")$") else text


def _end_cause(rule: str) -> str:
    low = rule.lower()
    if "copyright" in low or "\u00a9" in rule or "all rights" in low:
        return COPYRIGHT
    return f"end rule '{rule}' (boilerplate.clean_text, boilerplate.json 'end': everything after it)"


def _drop_cause(rule: str) -> str:
    if rule.lower().startswith("photo:"):
        return "'Photo:' drop rule (boilerplate.clean_text, boilerplate.json 'drop')"
    return f"drop rule '{rule}' (boilerplate.clean_text, boilerplate.json 'drop')"


def trace_lines(text: str) -> list[tuple[str, str, str]]:
    """clean_text's decisions line by line, in its order: end rules, drop rules, Latin share, credit tail, repeats."""
    from core.ingest.boilerplate import latin_share, load_rules

    rules = load_rules()
    fates: list[tuple[str, str, str]] = []
    seen: set[str] = set()
    ended = ""
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = raw.strip()
        if not line:
            continue
        if ended:
            fates.append((line, "after_end", ended))
            continue
        end = next((p for p in rules.end if p.match(line)), None)
        if end is not None:
            ended = _end_cause(_rule_text(end))
            fates.append((line, "after_end", ended))
            continue
        drop = next((p for p in rules.drop if p.match(line)), None)
        if drop is not None:
            fates.append((line, "drop", _drop_cause(_rule_text(drop))))
            continue
        if latin_share(line) < 0.5:
            fates.append((line, "latin", LATIN))
            continue
        cut = rules.credit_tail.sub("", line).strip()
        if not cut:  # the whole line was a credit: removed, not shortened
            fates.append((line, "drop", PHOTO_TAIL))
            continue
        if cut in seen and len(cut) > 40:
            fates.append((line, "repeat", REPEAT))
            continue
        seen.add(cut)
        fates.append((line, "tail" if cut != line else "kept", PHOTO_TAIL if cut != line else ""))
    return fates


def trace_page(data: bytes, app_text: str | None) -> Trace:
    """Replay decode -> trafilatura -> title glue -> clean_text for one page's bytes."""
    import trafilatura
    from trafilatura.utils import decode_file

    from core.ingest.boilerplate import clean_text
    from core.ingest import decode_bytes
    from core.messages import UserFacingError

    tr = Trace()
    try:
        html = decode_bytes(data)
    except UserFacingError:
        tr.binary = True
        return tr
    tr.decode_differs = html != decode_file(data)
    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    doc = doc.as_dict() if doc is not None else {}
    tr.extracted = doc.get("text") or ""
    tr.title = (doc.get("title") or "").strip()
    if doc.get("date"):
        try:
            tr.meta_date = date.fromisoformat(str(doc["date"])[:10])
        except ValueError:
            pass
    text = tr.extracted
    if tr.title and text.strip() and not text.lstrip().startswith(tr.title):
        text = f"{tr.title}\n\n{text}"
    tr.glued = text
    tr.fates = trace_lines(text)
    replayed = clean_text(text) if text.strip() else ""
    kept = [line for line, fate, _ in tr.fates if fate in ("kept", "tail")]
    tr.replay_ok = (replayed or None) == (app_text or None) and len(kept) == len(
        [x for x in replayed.split("\n") if x.strip()])
    return tr


def dominant_script(text: str) -> str:
    """The Unicode script most of the letters belong to ('LATIN', 'CJK', 'HANGUL', 'CYRILLIC', ...)."""
    counts: collections.Counter = collections.Counter()
    for c in text[:5000]:
        if c.isalpha():
            name = unicodedata.name(c, "?")
            counts["CJK" if name.startswith(("CJK", "HIRAGANA", "KATAKANA")) else name.split(" ")[0]] += 1
    return counts.most_common(1)[0][0] if counts else "none"


def refusal_cause(tr: Trace, lib_text: str) -> str:
    """Why a page the app refused came out empty."""
    if tr.binary:
        return "refused: decode_bytes called it binary (ingest.decode_bytes)"
    if not tr.extracted.strip():
        if lib_text.strip() and tr.decode_differs:
            return f"refused: trafilatura found nothing after the app's decoding; {DECODE}"
        return "refused: trafilatura found no text (ingest.article_from_html)"
    fates = collections.Counter(cause for _, fate, cause in tr.fates if fate not in ("kept",))
    if not fates:
        return "refused: other"
    cause = fates.most_common(1)[0][0]
    return f"refused: every line removed, mostly by {cause}"


def _line_fate(tr: Trace, snippet: str) -> str | None:
    for line, fate, cause in tr.fates:
        if snippet in line:
            return cause or None
    return SPANS if snippet in tr.glued else None


def snippet_loss_cause(tr: Trace, snippet: str, refused: str | None) -> str:
    """Why the app lost a wanted snippet that trafilatura alone kept."""
    if refused:
        return refused
    if snippet not in tr.extracted:
        return DECODE if tr.decode_differs else EXTRACT
    return _line_fate(tr, snippet) or "other (line kept, snippet altered)"


def snippet_gain_cause(tr: Trace, snippet: str, wanted: bool, lib_text: str) -> str:
    """Why the app differs from trafilatura the other way: found a wanted snippet, or kept an unwanted one."""
    if snippet in tr.title and snippet not in lib_text and tr.glued.startswith(tr.title):
        return GLUED
    if (snippet in tr.extracted) != (snippet in lib_text):
        return DECODE if tr.decode_differs else EXTRACT
    if not wanted:
        return "other"
    return _line_fate(tr, snippet) or "other"


def furniture_removed_cause(tr: Trace, snippet: str) -> str:
    """Which step removed an unwanted snippet that trafilatura alone kept (the rules' credit)."""
    if snippet not in tr.extracted:
        return DECODE if tr.decode_differs else EXTRACT
    return _line_fate(tr, snippet) or "other"


def date_shape(got: date | None, gold: date) -> str:
    """How a wrong date is wrong: a day off, day/month swapped, later (modified?), earlier, none."""
    if got is None:
        return "no date"
    delta = (got - gold).days
    if abs(delta) == 1:
        return "a day off"
    if got.year == gold.year and got.month == gold.day and got.day == gold.month:
        return "day/month swapped"
    return "later (modified/updated date?)" if delta > 0 else "earlier"


def date_loss_cause(tr: Trace | None, refused: str | None, origin: str, got: date | None, gold: date) -> str:
    """Why the app's date is wrong where htmldate (extensive, original_date) is right."""
    if refused:
        meta_ok = tr is not None and tr.meta_date == gold
        return ("refused page: trafilatura's right metadata date thrown away" if meta_ok
                else "refused page: no date kept")
    if origin == "metadata":
        return ("trafilatura's metadata date (ingest.article_from_html: bare_extraction defaults, app-decoded "
                f"str, page URL) != htmldate's: {date_shape(got, gold)}")
    if origin in ("dateline", "filename"):
        return f"no metadata date; {origin} fallback (article_from_text) wrong: {date_shape(got, gold)}"
    return "no metadata date; no date found (article_from_text)"
