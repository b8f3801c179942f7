"""The cue model's quotation context: the one-pass scan gives what rescanning each paragraph gave."""
import pytest

from core.statements.cuemodel import quote_parity


def rescanned(sent) -> list[bool]:
    """The former definition: scan back to the paragraph start for every sentence (quadratic)."""
    doc = sent.doc
    k = sent.start
    while k > 0 and "\n" not in doc[k - 1].whitespace_ and not (doc[k - 1].is_space and "\n" in doc[k - 1].text):
        k -= 1
    inside = False
    for t in doc[k:sent.start]:
        if t.text in ("\u201c", "\u201d", '"'):
            inside = not inside if t.text == '"' else t.text == "\u201c"
    out = []
    for t in sent:
        out.append(inside)
        if t.text in ("\u201c", "\u201d", '"'):
            inside = not inside if t.text == '"' else t.text == "\u201c"
    return out


TEXTS = [
    'He said: "We will not go. Never." Then he left.\n"A new paragraph." Another one.',
    "\u201cThe offensive is illegal,\u201d Lavrov said. \u201cWe oppose it. Fully.\n\nTurkey agreed.",
    'Unbalanced " quote. And more. "Again. Still inside?\nNew line resets. "Yes.',
    "No quotes at all. Just sentences.\n\nTwo paragraphs.",
    # a quotation opened before a line break: the line break ends the paragraph and resets the state
    'The minister said "we will\nnot accept this" and left, "again" said the aide.\n"Then" he spoke.',
]


@pytest.mark.parametrize("text", TEXTS)
def test_same_as_rescanning_each_paragraph(pipeline, text):
    doc = pipeline.nlp(text)
    for sent in doc.sents:
        assert quote_parity(sent) == rescanned(sent)


def test_long_paragraph_of_unbalanced_quotes_is_scanned_once(pipeline, monkeypatch):
    """Thousands of sentences in one paragraph: each token is looked at twice (the document's pass and
    its sentence's), where rescanning looked at ~len(doc) * sentences / 2 tokens."""
    from core.statements import cuemodel

    calls = []
    original = cuemodel._toggle
    monkeypatch.setattr(cuemodel, "_toggle", lambda inside, text: calls.append(1) or original(inside, text))
    doc = pipeline.nlp(" ".join(f'Item {i} " opened.' for i in range(3000)))
    sents = list(doc.sents)
    assert len(sents) > 1000
    flags = [quote_parity(s) for s in sents]
    assert sum(len(f) for f in flags) == len(doc)
    assert len(calls) <= 2 * len(doc)
