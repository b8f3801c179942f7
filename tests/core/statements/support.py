"""Shared helper for the statement tests: one text through the actor finder and the statement extractor."""
from core.actors import find_actors
from core.statements import find_statements


def statements(nlp, text: str, article_id: str = "a"):
    doc = nlp(text)
    _, mentions = find_actors(doc, article_id)
    return find_statements(doc, mentions, article_id)
