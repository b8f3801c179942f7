"""Events: what happened or is planned, when (a time expression, or an anchor read from tense), and who took part.

`find_events` runs in the pipeline over a parsed document; `place` gives an anchored event its day for
a publication date (the tables call it, so a corrected publication date moves anchored events).
"""
from core.events.anchor import REFERENCE_WINDOW, Placement, place
from core.events.find import find_events, governing_predicate
from core.events.modality import modality_cues
from core.events.tense import reporting_verbs

__all__ = ["REFERENCE_WINDOW", "Placement", "find_events", "governing_predicate", "modality_cues", "place",
           "reporting_verbs"]
