"""The headless command line: analyze prints and writes tables, annotate writes the interchange format."""
import json
from pathlib import Path

import pandas as pd
import pytest

from core.cli import main

ROOT = Path(__file__).resolve().parents[2]


def test_analyze_prints_timeline_and_matrix_and_writes_tables(tmp_path, capsys, pipeline):
    assert main(["analyze", str(ROOT / "seeds"), "--out", str(tmp_path), "--format", "csv,xlsx"]) == 0
    out = capsys.readouterr()
    assert "2018-05-17" in out.out and "2018-08-29" in out.out
    assert "Turkey" in out.out and "Russia" in out.out
    assert "charts skipped" in out.err  # core alone has no renderer; desktop.cli injects one
    for name in ("timeline.csv", "statements.csv", "matrix.csv", "actors.csv", "articles.csv", "standpoint.xlsx",
                 "network.graphml"):
        assert (tmp_path / name).is_file(), name
    assert pd.read_csv(tmp_path / "timeline.csv")["date_start"].notna().sum() >= 5


def test_analyze_writes_an_entity_timeline_and_names_an_unknown_actor(tmp_path, capsys, pipeline):
    argv = ["analyze", str(ROOT / "seeds"), "--out", str(tmp_path), "--no-charts", "--entity-timeline", "Turkey",
            "--entity-timeline", "Atlantis"]
    assert main(argv) == 0
    assert "W303" in capsys.readouterr().err
    lines = (tmp_path / "timeline-turkey.txt").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "Turkey" and len(lines) >= 3
    assert all(len(line.split("\t")) >= 3 for line in lines[1:])
    assert not pd.read_csv(tmp_path / "timeline-turkey.csv").empty


def test_analyze_with_published_date_for_undated_articles(tmp_path, capsys, pipeline):
    article = tmp_path / "idlib.txt"
    article.write_text("Turkey warned on Wednesday against an offensive on Idlib.", encoding="utf-8")
    assert main(["analyze", str(article), "--published", "2018-08-29"]) == 0
    assert "2018-08-29" in capsys.readouterr().out


def test_analyze_unreadable_input_is_a_clear_message(tmp_path, capsys):
    bad = tmp_path / "x.txt"
    bad.write_bytes(b"\x00\x01binary")
    assert main(["analyze", str(bad)]) == 1
    err = capsys.readouterr().err
    assert "E104" in err and "Traceback" not in err


def test_bad_published_date_is_a_clear_message(capsys):
    assert main(["analyze", str(ROOT / "seeds"), "--published", "29/08/2018"]) == 2
    assert "E302" in capsys.readouterr().err


def test_annotate_writes_one_record_per_input(tmp_path, pipeline):
    src = tmp_path / "in.jsonl"
    records = [
        {"id": "a", "text": "Turkey has warned against such an attack, officials said on Wednesday.", "dct": "2018-08-29"},
        {"id": "b", "text": "Iran, which also supports Damascus, said nothing last year."},
    ]
    src.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["annotate", str(src), "-o", str(out)]) == 0
    written = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in written] == ["a", "b"]
    a = written[0]
    wed = [t for t in a["timexes"] if t["text"].endswith("Wednesday")]
    assert wed and wed[0]["value"] == "2018-08-29" and wed[0]["type"] == "DATE"
    text = records[0]["text"]
    for t in a["timexes"]:
        assert text[t["start"]:t["end"]] == t["text"]
    assert any(s["polarity"] == "oppose" and s["source"]["text"] == "Turkey" for s in a["statements"])
    assert {"turkey"} <= {x["id"] for x in a["actors"]}
    # no dct: relative dates stay unresolved instead of being guessed
    last_year = [t for t in written[1]["timexes"] if t["text"] == "last year"]
    assert last_year and last_year[0]["interval"] == [None, None]


def test_annotate_layers_limit_the_output(tmp_path, pipeline):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "a", "text": "It rained on 3 May 2018."}) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["annotate", str(src), "-o", str(out), "--layers", "timexes"]) == 0
    record = json.loads(out.read_text(encoding="utf-8"))
    assert set(record) == {"id", "timexes"} and record["timexes"][0]["value"] == "2018-05-03"


def test_annotate_unknown_layer(tmp_path, capsys):
    src = tmp_path / "in.jsonl"
    src.write_text("", encoding="utf-8")
    assert main(["annotate", str(src), "-o", str(tmp_path / "o"), "--layers", "moods"]) == 2
    assert "unknown layer" in capsys.readouterr().err


def test_annotate_attributions_keeps_only_outer_reports_with_content(tmp_path, pipeline):
    text = ("She said Washington's new representative, Jim Jeffrey, raised concerns about the offensive. "
            "Iran, which also supports Damascus, sent troops. "
            "Trump took to Twitter to accuse Clinton’s campaign of being duped.")
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "a", "text": text}) + "\n", encoding="utf-8")
    outputs = {}
    for mode in ("all", "attributions"):
        out = tmp_path / f"{mode}.jsonl"
        assert main(["annotate", str(src), "-o", str(out), "--layers", "actors,statements", "--statements", mode]) == 0
        outputs[mode] = json.loads(out.read_text(encoding="utf-8"))["statements"]
    every = {s["cue"]["text"]: s for s in outputs["all"]}
    assert every["raised concerns"]["nested"] is True and every["said"]["nested"] is False
    kept = [s["cue"]["text"] for s in outputs["attributions"]]
    assert "said" in kept and "raised concerns" not in kept
    assert every["accuse"]["weak_cue"] is True and "accuse" not in kept  # kept for the matrix only
    assert all(s["content"] is not None and not s["nested"] and not s["weak_cue"] for s in outputs["attributions"])
    assert len(outputs["attributions"]) < len(outputs["all"])


def test_annotate_uses_marked_entities_as_the_actors(tmp_path, pipeline):
    text = "The senator sharply criticised the governor over the budget."
    record = {"id": "d", "text": text,
              "entity1": {"start": 4, "end": 11, "text": "senator"},
              "entity2": {"start": 35, "end": 43, "text": "governor"}}
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps(record) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["annotate", str(src), "-o", str(out), "--layers", "statements"]) == 0
    statements = json.loads(out.read_text(encoding="utf-8"))["statements"]
    pair = [s for s in statements if s["source"] and s["target"] and s["source"].get("actor") == "e1"]
    assert pair and pair[0]["target"]["actor"] == "e2" and pair[0]["polarity"] == "oppose"
    assert (pair[0]["source"]["start"], pair[0]["target"]["start"]) == (4, 35)


@pytest.mark.parametrize("option, value, header", [
    ("--matrix", "target", "columns: target"),
    ("--group-by", "government", "people under their government"),
])
def test_analyze_writes_the_matrix_asked_for(tmp_path, capsys, pipeline, option, value, header):
    import pandas as pd

    assert main(["analyze", str(ROOT / "seeds"), "--out", str(tmp_path), "--no-charts", option, value]) == 0
    assert header in capsys.readouterr().out
    table = pd.read_csv(tmp_path / "matrix.csv")
    default_dir = tmp_path / "default"
    assert main(["analyze", str(ROOT / "seeds"), "--out", str(default_dir), "--no-charts"]) == 0
    default = pd.read_csv(default_dir / "matrix.csv")
    if option == "--matrix":
        assert not set(table.columns) & {"support", "oppose", "neutral"}
    else:  # Assad, Lavrov, Nauert, Cavusoglu counted under their governments: fewer rows, same statements
        assert len(table) < len(default)
        assert table[["support", "oppose", "neutral"]].to_numpy().sum() == \
            default[["support", "oppose", "neutral"]].to_numpy().sum()
