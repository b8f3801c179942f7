"""Work the main window hands to other threads: table and network export, reading slow files."""
from core.analysis import Analysis
from tests.desktop.app.test_main_window import make_window  # noqa: F401  (the fixture: a window with a fake analyser)
from tests.desktop.conftest import make_analysis


def test_export_tables_and_network(make_window, tmp_path, qtbot):
    from desktop.app.menus import export_graphml, export_tables

    window = make_window(Analysis([make_analysis()]))
    assert export_tables(window, str(tmp_path / "tables")) is not None  # written off the GUI thread
    qtbot.waitUntil(lambda: window.status.text().startswith("Exported"), timeout=20_000)
    written = {p.name for p in (tmp_path / "tables").iterdir()}
    assert written >= {"timeline.csv", "statements.csv", "standpoint.xlsx"}
    assert export_graphml(window, str(tmp_path / "net.graphml")).read_text(encoding="utf-8").startswith("<?xml")
    assert "Exported" in window.status.text()


def test_exported_matrix_has_the_columns_and_grouping_on_screen(make_window, tmp_path, qtbot):
    import pandas as pd

    from desktop.app.menus import export_tables

    window = make_window(Analysis([make_analysis()]))
    window.workspace.chart_widgets["Matrix"].set_columns("target")
    export_tables(window, str(tmp_path / "tables"))
    qtbot.waitUntil(lambda: window.status.text().startswith("Exported"), timeout=20_000)
    columns = set(pd.read_csv(tmp_path / "tables" / "matrix.csv").columns) - {"actor_id", "actor"}
    assert columns and not columns & {"support", "oppose", "neutral"}


def test_a_failed_table_export_is_a_banner_not_a_crash(make_window, tmp_path, qtbot):
    from desktop.app.menus import export_tables

    blocker = tmp_path / "file"
    blocker.write_text("x")  # a file where the folder should be: mkdir fails
    window = make_window(Analysis([make_analysis()]))
    export_tables(window, str(blocker / "tables"))
    qtbot.waitUntil(lambda: "could not be exported" in window.error_banner.text, timeout=20_000)


def test_a_pdf_is_read_off_the_gui_thread(make_window, qtbot, tmp_path):
    """PDF extraction takes ~0.2 s a page: even a single PDF goes to the worker, never blocking the window."""
    bad = tmp_path / "scan.pdf"
    bad.write_bytes(b"%PDF-1.4\n%%EOF\n")  # unreadable: the worker reports it like any bad file
    window = make_window()
    with qtbot.waitSignal(window.worker.loaded, timeout=10_000):
        assert window.add_paths([bad]) is None
    qtbot.waitUntil(lambda: "scan.pdf" in window.load_banner.text, timeout=5_000)


def test_export_the_selected_actors_timeline(make_window, tmp_path):
    from desktop.app.exports import export_entity_timeline

    window = make_window(Analysis([make_analysis()]))
    assert export_entity_timeline(window, str(tmp_path)) == []  # no actor selected: a banner says what to do
    assert "Select an actor" in window.error_banner.text
    actor = next(iter(window.analysis.actor_registry()))
    window.state.set_actor(actor)
    written = export_entity_timeline(window, str(tmp_path))
    assert [p.suffix for p in written] == [".csv", ".txt"] and all(p.is_file() for p in written)
    assert written[1].read_text(encoding="utf-8").splitlines()[0] == window.analysis.actor_name(actor)
