"""Finds candidate time expressions in raw text with the pattern rules, screens out the known traps, and picks non-overlapping spans."""
from __future__ import annotations

import re
from dataclasses import dataclass

from core.resources import word_set
from core.temporal import entities
from core.temporal.lexicon import fold_case, load, month_number

# Words after which an ambiguous month name ("May", "March", "Jan") reads as a month.
_MONTH_PREPS = word_set("month_preps", "temporal", "context_words.json")
_YEAR_PREPS = _MONTH_PREPS | word_set("year_preps", "temporal", "context_words.json")
_SEASON_PREPS = word_set("season_preps", "temporal", "context_words.json")
_SEASON_PREPS_WITH_THE = _SEASON_PREPS | word_set("season_preps_with_the", "temporal", "context_words.json")
_VERBISH_AFTER_MONTH = re.compile(r"^\s+(?:be|have|not|well|also|never|only|still|help|lead|want|need|"
                                  r"include|find|take|make|get|see|come|go|become|face|affect|cause|"
                                  r"prove|seem|result|depend|mean|require|reflect|signal|force|allow)\b", re.I)
_WORD_BEFORE = re.compile(r"([\w'’-]+)\W*$")
_WORD_AFTER = re.compile(r"^\W*?([\w'’]+)")
_BAD_BEFORE_NUMBER = re.compile(r"(?:[$€£#]|\bNo\.?|\bnumber|\bRoute|\bFlight|\bBoeing|\bAirbus|\bmodel|\bchapter|"
                                r"\b[Rr]esolution|\b[Aa]rticle|\b[Dd]ecree|\b[Pp]age|\bRoom|\bHighway|\bBuilding|"
                                r"\bUNSCR|\b[A-Z]{2,3}-?|\b[A-Z]-)\s*$")
_NAMED_AFTER_DATE = word_set("named_after_date", "temporal", "context_words.json")
_COUNT_NOUNS = word_set("count_nouns", "temporal", "context_words.json")
# A number just before: "20 2016" is not a year, but "1994, 1995 and 1997" is a list of years.
_NUMBER_BEFORE = re.compile(r"(?<![\d,.])(?!(?:19|20)\d\d\b)\d[\d,.]*\s*(?:-|to|and|or)?\s*$")


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    rule: str
    priority: int
    match: re.Match


def _before_word(text: str, start: int) -> str:
    m = _WORD_BEFORE.search(text[max(0, start - 30):start])
    return m.group(1).lower() if m else ""


def _after_word(text: str, end: int) -> str:
    m = _WORD_AFTER.match(text[end:end + 30])
    return m.group(1) if m else ""


def _sentence_initial(text: str, start: int) -> bool:
    head = text[max(0, start - 4):start].rstrip(" \t\"'“‘`")
    return not head or head[-1] in ".!?\n"


def _month_ok(m: re.Match, text: str) -> bool:
    try:
        word = m.group("m")
    except IndexError:
        return True
    if not word or not word[0].isalpha():
        return True
    # News capitalises month names; lower-case "may" / "march" are the verb or the noun.
    return word[0].isupper()


def plausible(c: Candidate, text: str, ents: dict[int, str]) -> bool:
    """False for the known traps: 'May' the verb, 'Jan' the name, '2016 people', 'the Arab Spring'."""
    m, rule = c.match, c.rule
    if not _month_ok(m, text):
        return False
    label = ents.get(c.start)
    if rule in ("month", "month_rel", "md", "weekday", "season") and label in (
            "PERSON", "ORG", "FAC", "PRODUCT", "WORK_OF_ART", "LAW", "NORP"):
        return False
    before = _before_word(text, c.start)
    after = _after_word(text, c.end)
    if rule == "month":
        word = m.group("m").lower().rstrip(".")
        if word in load().ambiguous_months:
            if before not in _MONTH_PREPS:
                return False
            if _VERBISH_AFTER_MONTH.match(text[c.end:c.end + 20]):
                return False
            if len(word) <= 4 and word not in ("may", "june", "july") and not m.group("m").endswith("."):
                return after[:1].isdigit()
        return True
    if rule == "weekday":
        w = m.group("w").lower().rstrip(".")
        return w in load().weekdays
    if rule == "year":
        return _year_ok(c, text, before, after, label)
    if rule == "season":
        if m.group("rel"):
            return True
        word = m.group("s")
        preps = _SEASON_PREPS_WITH_THE if m.group("the") else _SEASON_PREPS
        if before not in preps or (before == "the" or m.group("the")) and word[0].isupper():
            return False  # "in the Arab Spring", "the Spring Festival"
        if m.group("the") and before == "the":
            return False
        return not re.match(r"\s+of\b", text[c.end:c.end + 5]) or bool(re.match(r"\s+of\s+\d", text[c.end:c.end + 10]))
    if rule == "the_plural":
        return before in ("over", "in", "for", "during", "through", "throughout", "across")  # "over the years"
    if rule == "bare_plural":
        return before in ("for", "within", "over", "in", "after", "take", "took", "takes", "last",
                          "lasted", "spent", "spend", "than")
    if rule == "duration":
        if m.group("suf") and m.group("suf").lower() == "-old":
            return False  # ages ("the 6-year-old") are not time expressions in TimeML
        if re.match(r"\s*-?\s*old\b", text[c.end:c.end + 8], re.I):
            return False
        unit = m.group("u").lower()
        n = (m.group("n") or "").lower()
        if unit.startswith("quarter") and (re.match(r"\s+of\b", text[c.end:c.end + 5]) or "-" in m.group(0)
                                           or n in ("a", "three", "one", "two")):
            return False  # fractions: "a quarter of", "three-quarters"
        if unit in ("second", "minute") and n in ("a", "an"):
            return after.lower() in ("", "ago", "later", "earlier", "or", "and")
        if n and n[0].isdigit() and _BAD_BEFORE_NUMBER.search(text[max(0, c.start - 12):c.start]):
            return False
        if label in ("MONEY", "PERCENT"):
            return False
        # "60 Minutes" (a programme): a capitalised unit inside a sentence is a name.
        return not (m.group("u")[0].isupper() and c.start > 0 and text[c.start - 2:c.start].strip() not in (".", ""))
    if rule == "vague":
        phrase = m.group(0).lower()
        if phrase == "soon" and before == "as":
            return False
        if phrase == "now" and text[c.end:c.end + 1] == "," and _sentence_initial(text, c.start):
            return False  # "Now, he says ...": a discourse marker
        if phrase == "the past" and after.lower() in ("and",):
            return True
        return True
    if rule in ("md", "dm"):
        day = int(re.match(r"\d+", m.group("d")).group())
        # "the March 14 alliance", "the 23 March Movement": a date used as a name.
        return 1 <= day <= 31 and after.lower() not in _NAMED_AFTER_DATE
    if rule == "noon":
        return before != "high"
    if rule == "set_adverb":
        return before != "average"  # "average daily volume" is a measure, not a schedule
    return True


def _year_ok(c: Candidate, text: str, before: str, after: str, label: str | None) -> bool:
    head = text[max(0, c.start - 12):c.start]
    if _BAD_BEFORE_NUMBER.search(head) or _NUMBER_BEFORE.search(head) and not head.rstrip().endswith(("-", "to", "and", "or")):
        return False
    tail = text[c.end:c.end + 12]
    if re.match(r"\s*(?:%|percent|per\s*cent|[-–]?\s*(?:million|billion|mln|bln))", tail, re.I):
        return False
    if re.match(r"[,.]\d", tail) or re.match(r"\s*[×x]\s*\d", tail):
        return False
    if label in ("MONEY", "PERCENT", "QUANTITY"):
        return False
    if after and after[0].islower() and after.isalpha() and before not in _YEAR_PREPS:
        # "2016 people", "1500 troops": a count before a plural noun.
        if after.endswith("s") and after not in ("was", "is", "has", "saw", "brings", "marks", "sees"):
            return False
    if after in _COUNT_NOUNS or label == "CARDINAL" and before not in _YEAR_PREPS:
        return False
    return True


_FULL_MONTH_DOT = re.compile(r"(?:january|february|march|april|may|june|july|august|september|october|"
                             r"november|december)\.$", re.I)


def _trim_period(c: Candidate, text: str) -> Candidate:
    """'in July.' ends a sentence: the full stop after a full month name is not an abbreviation's."""
    if text[c.end - 1] == "." and _FULL_MONTH_DOT.search(text[c.start:c.end]):
        return Candidate(c.start, c.end - 1, c.rule, c.priority, c.match)
    return c


_WHOLE = re.compile(r".+", re.S)


_ADJECTIVE_WITH_THE = re.compile(r"the\s+(?=[\w.]+-)", re.I)


def _trim_article(c: Candidate, text: str) -> Candidate:
    """'the eight-year war': the article belongs to the noun phrase, not to the adjective 'eight-year'."""
    if c.rule == "duration":
        m = _ADJECTIVE_WITH_THE.match(text, c.start, c.end)
        if m and re.fullmatch(r"the\s+[\w.]+-\w+", text[c.start:c.end], re.I):
            return Candidate(m.end(), c.end, c.rule, c.priority, c.match)
    return c


# A rule's match holds a trigger word (a digit, a month, a unit…) and is far shorter than this: the rules
# are run only within this many characters of a trigger, most of a text holding none.
WINDOW = 100
# Rules whose match can hold no trigger word ("nineteen ninety-one", "the second half"): run over the whole text.
UNTRIGGERED_RULES = frozenset({"spelled_year", "half"})


def _trigger_windows(trigger: re.Pattern, text: str) -> list[tuple[int, int]]:
    """The stretches of `text` within WINDOW characters of a trigger word, merged, in order (`trigger`
    run on `text`, or its case-sensitive twin on the folded text)."""
    windows: list[tuple[int, int]] = []
    for m in trigger.finditer(text):
        start, end = max(0, m.start() - WINDOW), min(len(text), m.end() + WINDOW)
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], end)
        else:
            windows.append((start, end))
    return windows


def _scan(pattern: re.Pattern, folded: str, windows: list[tuple[int, int]]) -> list[re.Match]:
    """`pattern`'s matches in `folded`, looked for only in `windows`; the whole text is scanned instead when a
    match touches a window's edge, where the window could have cut it short."""
    hits: list[re.Match] = []
    size = len(folded)
    for start, end in windows:
        for hit in pattern.finditer(folded, start, end):
            if (hit.end() >= end and end < size) or (hit.start() == start and start > 0):
                return list(pattern.finditer(folded))
            hits.append(hit)
    return hits


def find(text: str, ents: dict[int, str] | None = None,
         ent_spans: list[tuple[int, int]] | None = None) -> list[Candidate]:
    """Non-overlapping candidates, longest first, in text order.

    `ent_spans` are spaCy DATE/TIME entities: after the patterns, those that overlap no pattern
    match and name a time unit become candidates of their own (rule "entity").
    """
    lex = load()
    ents = ents or {}
    found: list[Candidate] = []
    folded = fold_case(text)
    windows = _trigger_windows(lex.trigger_scan, folded)
    if not windows:
        return []
    for prio, rule in enumerate(lex.rules):
        spans = [(0, len(text))] if rule.name in UNTRIGGERED_RULES else windows
        for hit in _scan(rule.scan, folded, spans):
            if hit.end() > hit.start():
                m = rule.regex.match(text, hit.start())
                if m is None:  # the two patterns agree on ASCII text and on the letters `fold_case` maps
                    continue
                found.append(Candidate(m.start(), m.end(), rule.name, prio, m))
    found.sort(key=lambda c: (-(c.end - c.start), c.priority, c.start))
    taken: list[Candidate] = []
    used = bytearray(len(text) + 1)
    for c in found:
        if any(used[c.start:c.end]):
            continue
        if not plausible(c, text, ents):
            continue
        c = _trim_article(_trim_period(c, text), text)
        taken.append(c)
        used[c.start:c.end] = b"\x01" * (c.end - c.start)
    for start, end in ent_spans or ():
        if not any(used[start:end]) and entities.keep(text[start:end]):
            taken.append(Candidate(start, end, "entity", len(lex.rules), _WHOLE.match(text, start, end)))
            used[start:end] = b"\x01" * (end - start)
    taken.sort(key=lambda c: c.start)
    return taken


def match_phrase(phrase: str) -> Candidate | None:
    """The rule reading a whole phrase (used to re-resolve a stored expression without the text)."""
    for prio, rule in enumerate(load().rules):
        m = rule.regex.fullmatch(phrase)
        if m:
            return Candidate(0, len(phrase), rule.name, prio, m)
    return None


def month_in(phrase: str) -> int | None:
    for word in re.findall(r"[A-Za-z]+", phrase):
        if (n := month_number(word)) is not None:
            return n
    return None
