"""The main window's menus, toolbar and shortcuts (the export commands they run are in app/exports.py)."""
from __future__ import annotations

import logging

from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QApplication, QMenu

from core.messages import UserFacingError
from desktop.app.exports import (  # noqa: F401 (menu commands)
    copy_chart, export_chart, export_entity_timeline, export_graphml, export_tables,
)
from desktop.widgets.theme import THEMES

log = logging.getLogger(__name__)


def _action(window, text: str, slot, shortcut=None, tip: str = "") -> QAction:
    action = QAction(text, window)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    if tip:
        action.setStatusTip(tip)
    action.triggered.connect(lambda _checked=False: slot())
    window.addAction(action)
    return action


def build_menus(window) -> dict[str, QAction]:
    """Create the menu bar; returns the actions by key (the window enables/disables some)."""
    Key = QKeySequence.StandardKey
    a: dict[str, QAction] = {}
    bar = window.menuBar()

    file_menu = bar.addMenu("&File")
    a["open_files"] = _action(window, "&Open files\u2026", window.open_files_dialog, Key.Open)
    a["open_folder"] = _action(window, "Open &folder\u2026", window.open_folder_dialog, "Ctrl+Shift+O")
    a["open_sample"] = _action(window, "Open the &sample corpus", window.open_sample)
    a["paste"] = _action(window, "&Paste article text", lambda: paste_article(window), "Ctrl+Shift+V",
                         "Analyse the text on the clipboard as a new article")
    a["open_project"] = _action(window, "Open &project\u2026", window.open_project_dialog, "Ctrl+Alt+O")
    recent = QMenu("&Recent projects", window)
    recent.aboutToShow.connect(lambda: _fill_recent(window, recent))
    a["save"] = _action(window, "&Save project", window.save_project, Key.Save)
    a["save_as"] = _action(window, "Save project &as\u2026", window.save_project_as, Key.SaveAs)
    for key in ("open_files", "open_folder", "open_sample", "paste"):
        file_menu.addAction(a[key])
    file_menu.addSeparator()
    file_menu.addAction(a["open_project"])
    file_menu.addMenu(recent)
    file_menu.addAction(a["save"])
    file_menu.addAction(a["save_as"])
    file_menu.addSeparator()
    export = file_menu.addMenu("&Export")
    a["export_chart"] = _action(window, "Current &chart as image\u2026", lambda: export_chart(window), "Ctrl+E")
    a["copy_chart"] = _action(window, "C&opy chart to clipboard", lambda: copy_chart(window), "Ctrl+Shift+C")
    a["export_tables"] = _action(window, "&Tables (CSV and XLSX)\u2026", lambda: export_tables(window),
                                 "Ctrl+Shift+E")
    a["export_graphml"] = _action(window, "Actor network (&GraphML)\u2026", lambda: export_graphml(window))
    a["export_entity_timeline"] = _action(window, "&Entity timeline of the selected actor\u2026",
                                          lambda: export_entity_timeline(window))
    for key in ("export_chart", "copy_chart", "export_tables", "export_graphml", "export_entity_timeline"):
        export.addAction(a[key])
    file_menu.addSeparator()
    a["quit"] = _action(window, "&Quit", window.close, Key.Quit)
    file_menu.addAction(a["quit"])

    edit = bar.addMenu("&Edit")
    a["undo"] = _action(window, "&Undo", window.undo, Key.Undo)
    a["redo"] = _action(window, "&Redo", window.redo, "Ctrl+Shift+Z")
    a["find"] = _action(window, "&Find\u2026", window.focus_search, Key.Find)
    a["cancel"] = _action(window, "&Cancel analysis", window.cancel_analysis, "Ctrl+.")
    for key in ("undo", "redo"):
        edit.addAction(a[key])
    edit.addSeparator()
    edit.addAction(a["find"])
    edit.addAction(a["cancel"])

    view = bar.addMenu("&View")
    for i, title in enumerate(("Timeline", "Matrix", "Stance over time"), 1):
        a[f"chart{i}"] = _action(window, f"&{title}", lambda t=title: window.show_chart(t), f"Ctrl+{i}")
        view.addAction(a[f"chart{i}"])
    view.addSeparator()
    a["next"] = _action(window, "&Next evidence", lambda: _evidence(window).step(1), "F8")
    a["previous"] = _action(window, "&Previous evidence", lambda: _evidence(window).step(-1), "Shift+F8")
    view.addAction(a["next"])
    view.addAction(a["previous"])
    view.addSeparator()
    theme_menu = view.addMenu("T&heme")
    themes = QActionGroup(window)
    for key, label in THEMES:
        a[f"theme_{key}"] = _action(window, label, lambda k=key: window.set_theme(k),
                                    tip="The app's look; charts follow it")
        a[f"theme_{key}"].setCheckable(True)
        a[f"theme_{key}"].setChecked(key == window.settings.theme())
        themes.addAction(a[f"theme_{key}"])
        theme_menu.addAction(a[f"theme_{key}"])
    view.addSeparator()
    # at 1280 px the charts can have the whole width while the list or the text is not needed
    for key, label, shortcut in (("pane_list", "Article and actor &lists", "Ctrl+Shift+L"),
                                 ("pane_source", "Source &text and evidence", "Ctrl+Shift+T")):
        a[key] = _action(window, label, lambda: apply_panes(window), shortcut)
        a[key].setCheckable(True)
        a[key].setChecked(True)
        view.addAction(a[key])

    help_menu = bar.addMenu("&Help")
    a["shortcuts"] = _action(window, "&Keyboard shortcuts", lambda: show_shortcuts(window), "F1")
    a["about"] = _action(window, "&About Standpoint", lambda: show_about(window))
    help_menu.addAction(a["shortcuts"])
    help_menu.addAction(a["about"])
    return a


UNDO_LABEL_CHARS = 60  # longer step labels are shortened in the menu (the status bar has the whole label)


def undo_text(verb: str, label: str) -> str:
    """"Undo rename ‘Trump’ → ‘Donald Trump’" for a menu (a label's "&" is not a mnemonic), "Undo" alone."""
    if not label:
        return verb
    if len(label) > UNDO_LABEL_CHARS:
        label = label[:UNDO_LABEL_CHARS - 1].rstrip() + "\u2026"
    return f"{verb} {label.replace('&', '&&')}"


def update_undo_actions(actions: dict[str, QAction], analysis) -> None:
    """Edit → Undo / Redo name the step they would take, from the analysis's one labelled history."""
    history = getattr(analysis, "history", None)
    for key, verb, can, label in (
            ("undo", "Undo", analysis is not None and analysis.can_undo, history.undo_label if history else ""),
            ("redo", "Redo", analysis is not None and analysis.can_redo, history.redo_label if history else "")):
        action = actions[key]
        action.setEnabled(bool(can))
        text = undo_text(verb, label if can else "")
        action.setText("&" + text)
        action.setIconText(verb)
        action.setToolTip(f"{text.replace('&&', '&')} ({action.shortcut().toString()})")


def apply_panes(window) -> None:
    """Show or hide the side panes as the View menu says (also on a workspace rebuilt for a project)."""
    if window.workspace is not None:
        window.workspace.set_pane_visible("list", window.actions["pane_list"].isChecked())
        window.workspace.set_pane_visible("source", window.actions["pane_source"].isChecked())


def fill_toolbar(window, toolbar, search) -> None:
    """A few frequent actions with the platform's standard icons, then the search box on the right."""
    from PySide6.QtWidgets import QSizePolicy, QStyle, QWidget

    style, a = window.style(), window.actions
    icons = {
        "open_files": QStyle.StandardPixmap.SP_DialogOpenButton,
        "open_folder": QStyle.StandardPixmap.SP_DirOpenIcon,
        "save": QStyle.StandardPixmap.SP_DialogSaveButton,
        "undo": QStyle.StandardPixmap.SP_ArrowBack,
        "redo": QStyle.StandardPixmap.SP_ArrowForward,
    }
    short = {"open_files": "Open", "open_folder": "Folder", "save": "Save", "undo": "Undo", "redo": "Redo"}
    for key in ("open_files", "open_folder", "save", None, "undo", "redo"):
        if key is None:
            toolbar.addSeparator()
            continue
        action = a[key]
        action.setIcon(style.standardIcon(icons[key]))
        action.setIconText(short[key])
        name = action.text().replace("&", "").rstrip("\u2026")
        action.setToolTip(f"{name} ({action.shortcut().toString()})")
        toolbar.addAction(action)
    spacer = QWidget()
    spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    toolbar.addWidget(spacer)
    search.setMaximumWidth(460)
    toolbar.addWidget(search)


def _evidence(window):
    return window.workspace.evidence_list


def _fill_recent(window, menu: QMenu) -> None:
    menu.clear()
    recent = window.settings.recent_projects()
    if not recent:
        menu.addAction("(none yet)").setEnabled(False)
    for path in recent:
        action = menu.addAction(str(path))
        action.triggered.connect(lambda _=False, p=path: window.open_project(p))


def shortcut_rows(window) -> list[tuple[str, str]]:
    """(action, keys) for every menu action with a shortcut, in menu order, plus the list/table keys."""
    def name(key: str, action: QAction) -> str:
        # Undo / Redo carry the step's label in the menu; the list of keys names the command
        return action.iconText() if key in ("undo", "redo") else action.text().replace("&", "").rstrip("\u2026")

    rows = [(name(key, a), a.shortcut().toString(QKeySequence.SequenceFormat.NativeText))
            for key, a in window.actions.items() if not a.shortcut().isEmpty()]
    rows += [("Rename the selected actor", "F2"), ("Remove the selected articles", "Delete"),
             ("Re-analyse the selected articles", "Ctrl+R"), ("Edit a publication date", "double-click / F2"),
             ("Previous / next evidence", "Alt+Up / Alt+Down"),
             # the timeline's own keys (click it first): otherwise nothing tells they exist
             ("Timeline: zoom in / out", "+ / \u2212"), ("Timeline: earlier / later", "\u2190 / \u2192"),
             ("Timeline: scroll lanes", "\u2191 / \u2193, Page Up / Page Down"), ("Timeline: fit", "Home")]
    return rows


def show_shortcuts(window) -> None:
    from PySide6.QtWidgets import QMessageBox

    rows = "".join(f"<tr><td>{name}</td><td>&nbsp;&nbsp;<b>{keys}</b></td></tr>" for name, keys in shortcut_rows(window))
    box = QMessageBox(QMessageBox.Icon.NoIcon, "Keyboard shortcuts", f"<table>{rows}</table>",
                      QMessageBox.StandardButton.Close, window)
    box.setModal(False)
    box.show()


def paste_article(window, text: str | None = None) -> bool:
    """Analyse the clipboard text (or `text`) as a new article; refusals go to the load banner."""
    from core.ingest import article_from_text

    text = QApplication.clipboard().text() if text is None else text
    if not text.strip():
        window.load_banner.show_message("The clipboard holds no text to analyse.", kind="warning")
        return False
    try:
        article = article_from_text(text, source="pasted text")
    except UserFacingError as exc:
        window.load_banner.show_message(str(exc), kind="warning")
        return False
    window._bind_new()
    if article.id in window.analysis or article.id in window._running:
        window.load_banner.show_message(f"\u201c{article.title}\u201d is already in the project.", kind="info")
        return False
    window.analyse([article])
    return True


def show_about(window) -> None:
    try:
        from desktop.app.about import AboutDialog
    except ImportError:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.about(window, "About Standpoint", "Standpoint: who says what about whom, and when.")
        return
    AboutDialog(window).exec()
