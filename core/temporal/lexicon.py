"""Loads the temporal lexicon and pattern rules from resources/temporal and compiles them once."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache

from core.resources import resource_path


@dataclass(frozen=True)
class Rule:
    """A pattern rule. `regex` (case-insensitive) is the rule; `scan` is the same pattern lower-cased and
    case-sensitive, run over `fold_case(text)` to find where the rule matches: Python's `re` compares
    every character case-insensitively at every position, which made this scan a third of the time the
    extractors take after the parse. Each match `scan` finds is taken again by `regex` on the text itself."""

    name: str
    regex: re.Pattern
    scan: re.Pattern


# The characters a case-insensitive ASCII pattern matches in upper case: ASCII capitals, and the three
# non-ASCII letters whose simple case mapping is an ASCII letter (Kelvin sign, long s, dotted capital I).
_FOLD = str.maketrans({**{chr(c): chr(c + 32) for c in range(65, 91)}, "\u212a": "k", "\u017f": "s", "\u0130": "i"})
_UPPER_LITERAL = re.compile(r"(?<![\\?])[A-Z]")  # not an escape (\\D) nor a group (?P<…>)


def fold_case(text: str) -> str:
    """`text` with the letters an ASCII pattern matches case-insensitively lower-cased; same length."""
    return text.translate(_FOLD)


def _scan_pattern(pattern: str) -> re.Pattern:
    """The case-sensitive twin of a case-insensitive pattern written in ASCII: its literal capitals lower-cased
    (escapes such as \\D and \\S stay)."""
    return re.compile(_UPPER_LITERAL.sub(lambda m: m.group().lower(), pattern))


@dataclass(frozen=True)
class Lexicon:
    months: dict
    ambiguous_months: frozenset
    weekdays: dict
    weekday_abbreviations: dict
    seasons: dict
    parts_of_day: dict
    numbers: dict
    tens: tuple
    ordinals: dict
    fuzzy: frozenset
    units: dict
    vague: dict
    holidays: dict
    modifiers: dict
    rules: tuple
    # One regex that finds any rule's match: a cheap first pass before the per-rule matching.
    trigger: re.Pattern
    trigger_scan: re.Pattern  # `trigger`'s case-sensitive twin, for `fold_case(text)`


def _alt(words) -> str:
    """Regex alternation of words, longest first so that 'sept' wins over 'sep'."""
    ordered = sorted({w for w in words}, key=lambda w: (-len(w), w))
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


def _number_words(numbers: dict, tens) -> str:
    units = [w for w, v in numbers.items() if isinstance(v, int) and 1 <= v <= 9 and " " not in w and w not in ("a", "an")]
    compound = rf"(?:{_alt(tens)})[\s-](?:{_alt(units)})"
    return rf"(?:{compound}|{_alt(numbers)})"


def _macros(data: dict) -> dict:
    months = _alt(data["months"])
    weekdays = _alt(data["weekdays"])
    units = _alt(data["units"])
    return {
        "MONTH": rf"(?:{months})\.?",
        "WEEKDAY": rf"(?:{weekdays}|(?:{_alt(data['weekday_abbreviations'])})\.)",
        "WEEKDAY_ONLY": rf"(?:{weekdays})",
        "DAY": r"(?:[0-3]?\d)(?:st|nd|rd|th)?",
        "YEAR": r"(?:1[5-9]\d\d|20\d\d)(?![\d,.]\d)",
        "NUMWORD": _number_words(data["numbers"], data["tens"]),
        "FUZZY": _alt(data["fuzzy"]),
        "UNITS": rf"(?:{units})s?",
        "ORD": _alt(data["ordinals"]),
        "SEASON": _alt(data["seasons"]),
        "MOD": r"(?:early|late|mid|middle|mid-)",
        "HOLIDAY": _alt(data["holidays"]).replace("'", "['’]?"),
        "VAGUE": _alt(data["vague"]),
    }


_MACRO = re.compile(r"\{([A-Z_]+)(?::(\w+))?\}")


def expand(pattern: str, macros: dict) -> str:
    def sub(m: re.Match) -> str:
        body = macros[m.group(1)]
        return f"(?P<{m.group(2)}>{body})" if m.group(2) else f"(?:{body})"

    return _MACRO.sub(sub, pattern)


@lru_cache(maxsize=1)
def load() -> Lexicon:
    data = json.loads(resource_path("temporal", "lexicon.json").read_text(encoding="utf-8"))
    pats = json.loads(resource_path("temporal", "patterns.json").read_text(encoding="utf-8"))
    macros = _macros(data)
    rules = []
    for name, pattern in pats["rules"]:
        body = expand(pattern, macros)
        # Word edges: a match never starts or ends inside a word or a number.
        full = rf"(?<![\w]){body}(?![\w])"
        rules.append(Rule(name, re.compile(full, re.IGNORECASE), _scan_pattern(full)))
    trigger_words = (
        list(data["months"]) + list(data["weekdays"]) + list(data["seasons"]) + list(data["units"])
        + list(data["vague"]) + list(data["holidays"]) + list(data["weekday_abbreviations"])
        + ["today", "yesterday", "tomorrow", "tonight", "noon", "midnight", "daily", "weekly",
           "monthly", "yearly", "annually", "quarterly", "hourly", "nightly", "annual",
           "biannually", "semiannually", "fiscal", "fy", "twenties", "thirties", "forties",
           "fifties", "sixties", "seventies", "eighties", "nineties", "q1", "q2", "q3", "q4"]
    )
    trigger_words += list(data["parts_of_day"]) + ["ago", "recent", "recently", "decades", "centuries"]
    trigger = re.compile(rf"\d|(?<!\w)(?:{_alt(trigger_words)})", re.IGNORECASE)
    trigger_scan = _scan_pattern(trigger.pattern)
    modifiers = {k: tuple(v) for k, v in pats["modifiers"].items() if not k.startswith("_")}
    return Lexicon(
        months=data["months"], ambiguous_months=frozenset(data["ambiguous_months"]),
        weekdays=data["weekdays"], weekday_abbreviations=data["weekday_abbreviations"],
        seasons=data["seasons"], parts_of_day=data["parts_of_day"], numbers=data["numbers"],
        tens=tuple(data["tens"]), ordinals=data["ordinals"], fuzzy=frozenset(data["fuzzy"]),
        units={k: tuple(v) for k, v in data["units"].items()}, vague=data["vague"],
        holidays=data["holidays"], modifiers=modifiers, rules=tuple(rules), trigger=trigger,
        trigger_scan=trigger_scan,
    )


def number_value(text: str) -> float | None:
    """'six' -> 6, 'twenty-four' -> 24, '18' -> 18; None if not a number."""
    lex = load()
    t = re.sub(r"\s+", " ", text.strip().lower())
    if re.fullmatch(r"\d+(?:\.\d+)?", t):
        return float(t) if "." in t else int(t)
    if t in lex.numbers:
        return lex.numbers[t]
    parts = re.split(r"[\s-]", t)
    if len(parts) == 2 and parts[0] in lex.tens and parts[1] in lex.numbers:
        return lex.numbers[parts[0]] + lex.numbers[parts[1]]
    return None


def month_number(text: str) -> int | None:
    return load().months.get(text.lower().rstrip(".").strip())


def weekday_number(text: str) -> int | None:
    t = text.lower().rstrip(".")
    lex = load()
    return lex.weekdays.get(t) or lex.weekday_abbreviations.get(t)
