"""How the command line runs an analysis: --workers checked, the cache used beside the project."""
import pytest

from core.cli import main
from core.messages import UserFacingError
from core.runner import MAX_WORKERS, parse_workers


@pytest.mark.parametrize("text, expected", [(None, 3), ("1", 1), (" 2 ", 2), (str(MAX_WORKERS), MAX_WORKERS)])
def test_workers_accepted(text, expected):
    assert parse_workers(text, default=3) == expected


@pytest.mark.parametrize("text", ["0", "-1", "two", "1.5", "", str(MAX_WORKERS + 1)])
def test_workers_refused_with_a_coded_message(text):
    with pytest.raises(UserFacingError, match="E308"):
        parse_workers(text, default=3)


def test_cli_refuses_bad_workers_before_analysing(tmp_path, capsys):
    article = tmp_path / "a.txt"
    article.write_text("Turkey warned against the offensive on Wednesday.", encoding="utf-8")
    assert main(["analyze", str(article), "--workers", "zero"]) == 2
    assert "E308" in capsys.readouterr().err


def test_second_run_with_a_project_takes_its_analyses_from_the_cache(tmp_path, capsys, monkeypatch, pipeline):
    for i, text in enumerate(["Turkey warned against the offensive on Wednesday.", "Russia backs the offensive."]):
        (tmp_path / f"2018-08-2{i}-a{i}.txt").write_text(text, encoding="utf-8")
    project = tmp_path / "p.standpoint"
    args = ["analyze", str(tmp_path), "--project", str(project), "--workers", "1"]
    assert main(args) == 0
    assert (tmp_path / "p.standpoint-cache").is_dir()
    first = capsys.readouterr().out

    import core.pipeline

    def no_parse(*_args, **_kwargs):
        raise AssertionError("parsed again")

    monkeypatch.setattr(core.pipeline, "analyse_articles", no_parse)
    assert main(args) == 0
    out = capsys.readouterr()
    assert "2 from the cache" in out.err and out.out.split("saved project")[0] == first.split("saved project")[0]
