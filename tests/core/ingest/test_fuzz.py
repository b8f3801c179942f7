"""Random bytes and text through ingest and the analysis: an article or a coded message, never an exception."""
from __future__ import annotations

import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.ingest import SUPPORTED_SUFFIXES, article_from_text, decode_bytes, load_file, load_paths
from core.messages import UserFacingError

CODED = re.compile(r"\[[EWI]\d{3}\]$")
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Bytes that look a little like each format, so the readers get past their first checks.
PREFIXES = [b"", b"PK\x03\x04", b"%PDF-1.4\n", b"<html><body><p>", b"From: a@b\nSubject: s\n\n",
            b"\xef\xbb\xbf", b"\xff\xfe", b"<?xml version='1.0' encoding='latin-1'?>"]


@FAST
@given(prefix=st.sampled_from(PREFIXES), data=st.binary(max_size=3000), suffix=st.sampled_from(sorted(SUPPORTED_SUFFIXES)))
def test_any_bytes_in_any_format_give_an_article_or_a_coded_message(prefix, data, suffix):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"random{suffix}"
        path.write_bytes(prefix + data)
        try:
            article = load_file(path)
        except UserFacingError as exc:
            assert CODED.search(str(exc)), str(exc)
        else:
            assert article.text.strip() and article.title
            article.text.encode("utf-8")  # no lone surrogates: every export and the project can hold it
            assert not re.search("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]", article.text)


@FAST
@given(data=st.binary(max_size=5000))
def test_decoding_returns_clean_text_or_refuses(data):
    try:
        text = decode_bytes(data)
    except UserFacingError as exc:
        assert CODED.search(str(exc))
    else:
        text.encode("utf-8")
        assert "\x00" not in text


@FAST
@given(text=st.text(max_size=3000))
def test_any_text_is_an_article_or_empty(text):
    try:
        article = article_from_text(text)
    except UserFacingError as exc:
        assert "[E103]" in str(exc)  # nothing left to read
    else:
        article.text.encode("utf-8")
        assert article.language == "" or re.fullmatch("[a-z]{2,3}", article.language)


@FAST
@given(names=st.lists(st.text(min_size=1, max_size=40), min_size=1, max_size=5))
def test_a_folder_of_oddly_named_files_loads_without_an_exception(names):
    with tempfile.TemporaryDirectory() as folder:
        written = 0
        for i, name in enumerate(names):
            safe = re.sub(r"[/\x00]", "_", name)[:100] or "x"
            try:
                (Path(folder) / f"{i}{safe}.txt").write_text(f"Turkey warned Russia on Monday ({i}).", encoding="utf-8")
                written += 1
            except (OSError, UnicodeEncodeError):
                continue
        report = load_paths([Path(folder)])
        assert len(report.articles) + len(report.problems) + len(report.skipped) >= min(written, 1)


PIECES = ["Russia", " said ", " on Monday", " in 2018", "Turkey", " warned ", " Obama ", " May 17, 2018",
          " next week", "\u201c", "\u201d", "(", ")", "\n\n", "\n", ". ", ", ", '"', "a", "B", "7", " "]
NEWSY = st.lists(st.sampled_from(PIECES), max_size=300).map("".join)


@pytest.mark.parametrize("model", ["fallback", "trained"])
def test_random_text_through_the_analysis(model, pipeline, blank_nlp):
    from core.model import Article
    from core.nlp import Pipeline
    from core.pipeline import analyse_articles

    chosen = pipeline if model == "trained" else Pipeline(nlp=blank_nlp, trained=False)

    @SLOW
    @given(text=NEWSY | st.text(max_size=800))
    def run(text):
        if not text.strip():
            return
        article = Article(id="x", title="x", text=text, language="en")
        steps = list(analyse_articles([article], chosen))
        assert not [p.error for p in steps if p.error]
        result = next(p.result for p in steps if p.result is not None)
        for s in result.sentences:
            assert text[s.start:s.end] == s.text

    run()


@pytest.mark.parametrize("text", ["Russia said ", "Russia said", "said ", "Turkey warned\n"])
def test_a_cue_at_the_very_end_of_a_text(blank_nlp, text):
    """Found by the random-text test: the fallback's cue span reached one token past the document."""
    from core.model import Article
    from core.pipeline import analyse_doc

    analyse_doc(blank_nlp(text), Article(id="x", title="x", text=text, language="en"))
