"""Which language an article is in (py3langid), so non-English articles are kept but not analysed as English."""
from __future__ import annotations

import unicodedata
from functools import lru_cache

ENGLISH = "en"
UNKNOWN = ""
SAMPLE_CHARS = 5000  # the first few thousand characters decide; the rest costs time, not accuracy
MIN_LETTERS = 40  # fewer letters than this ("Obama said yes.") and no language is claimed
# py3langid's normalised probability needed before an article is called not English: a wrongly refused
# English article loses its whole analysis, a missed foreign one only gives some junk actors.
CONFIDENCE = 0.9


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> str:
    """ISO 639-1 code of `text`'s language, "en" when in doubt, "" when there are too few letters to tell."""
    sample = text[:SAMPLE_CHARS]
    letters = [c for c in sample if c.isalpha()]
    if len(letters) < MIN_LETTERS:
        return UNKNOWN
    latin = sum(1 for c in letters if c < "\u0250" or "LATIN" in unicodedata.name(c, ""))
    code, confidence = _identifier().classify(sample)
    if code == ENGLISH:
        return ENGLISH
    # A text mostly in another script is not English, however unsure the model is of which language it is.
    if confidence >= CONFIDENCE or latin < 0.5 * len(letters):
        return str(code)
    return ENGLISH


def language_name(code: str) -> str:
    """"German" for "de"; the code itself when it is not a known ISO 639-1 code."""
    import pycountry

    found = pycountry.languages.get(alpha_2=code) if len(code) == 2 else None
    return getattr(found, "name", code) if found is not None else code
