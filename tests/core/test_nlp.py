"""The language pipeline: found by path, loaded once, and a rule-based fallback when missing or broken."""
import subprocess
import sys
from pathlib import Path

from core import nlp as nlp_module

ROOT = Path(__file__).resolve().parents[2]


def test_trained_pipeline_is_found_by_path(pipeline):
    path = nlp_module.model_data_dir()
    assert path is not None and (path / "config.cfg").is_file()
    assert pipeline.trained and pipeline.warning is None
    assert {"parser", "ner", "tagger"} <= set(pipeline.nlp.pipe_names)


def test_pipeline_is_loaded_once():
    assert nlp_module.load_pipeline() is nlp_module.load_pipeline()


def test_frozen_bundle_location_is_searched_first(tmp_path, monkeypatch):
    model = tmp_path / "models" / "en_core_web_sm-3.8.0"
    model.mkdir(parents=True)
    (model / "config.cfg").write_text("[nlp]\n")
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert nlp_module.model_data_dir() == model


def test_missing_model_falls_back_with_a_warning(monkeypatch):
    monkeypatch.setattr(nlp_module, "model_data_dir", lambda: None)
    loaded = nlp_module.load_pipeline.__wrapped__()
    assert not loaded.trained
    assert "W001" in loaded.warning and "reduced accuracy" in loaded.warning
    doc = loaded.nlp("Turkey warned against it. Russia backs it.")
    assert len(list(doc.sents)) == 2


def test_broken_model_falls_back_with_a_warning(tmp_path, monkeypatch):
    (tmp_path / "config.cfg").write_text("this is not a spaCy config")
    monkeypatch.setattr(nlp_module, "model_data_dir", lambda: tmp_path)
    loaded = nlp_module.load_pipeline.__wrapped__()
    assert not loaded.trained and "W002" in loaded.warning


def test_forcing_the_fallback_by_environment():
    code = "from core.nlp import load_pipeline; p = load_pipeline(); print(p.trained, p.warning[-6:])"
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                          env={"STANDPOINT_NO_MODEL": "1", "PATH": "/usr/bin:/bin"}, timeout=120)
    assert done.stdout.strip() == "False [W004]", done.stderr[-1000:]


def test_every_line_starts_a_sentence_and_endless_sentences_are_cut(blank_nlp):
    from core.nlp import MAX_SENTENCE_TOKENS

    doc = blank_nlp("Headline without stop\nBody one. Body two.\n\nNext paragraph")
    starts = [s.text.strip() for s in doc.sents]
    assert starts[0] == "Headline without stop" and "Next paragraph" in starts
    endless = blank_nlp(" ".join(["word"] * (3 * MAX_SENTENCE_TOKENS)))
    lengths = [len(s) for s in endless.sents]
    assert len(lengths) == 3 and max(lengths) <= MAX_SENTENCE_TOKENS
    punctuated = blank_nlp(" ".join(["Short one."] * 200))  # a long paragraph of real sentences is not cut
    assert all(len(s) <= 3 for s in punctuated.sents)


def test_many_short_lines_are_read_in_one_pass(blank_nlp):
    """A text of 20,000 one-word lines: each line a sentence (the start marks are written at once)."""
    doc = blank_nlp("\n".join(["word"] * 20_000))
    assert sum(1 for _ in doc.sents) == 20_000
