"""Small dialogs: a date prompt, the friendly error dialog, and the load-problems summary."""
from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget

from core.messages import UserFacingError


def ask_date(parent: QWidget | None, title: str, label: str, current: date | None = None) -> date | None:
    """Ask for a YYYY-MM-DD date until it parses or the user cancels (None)."""
    from core.ingest import parse_user_date

    text = current.isoformat() if current else ""
    while True:
        text, ok = QInputDialog.getText(parent, title, label, text=text)
        if not ok or not text.strip():
            return None
        try:
            return parse_user_date(text)
        except UserFacingError as exc:
            QMessageBox.warning(parent, title, str(exc))


def ask_name(parent: QWidget | None, title: str, label: str, current: str = "") -> str | None:
    text, ok = QInputDialog.getText(parent, title, label, text=current)
    return text.strip() if ok and text.strip() else None


def ask_choice(parent: QWidget | None, title: str, label: str, choices: list[str], current: int = 0) -> int | None:
    """Index of the chosen entry, or None when cancelled."""
    text, ok = QInputDialog.getItem(parent, title, label, choices, current, False)
    return choices.index(text) if ok and text in choices else None


def show_error(parent: QWidget | None, title: str, message: str, details: str = "") -> QMessageBox:
    """A friendly, non-blocking error box (the traceback, if any, only under Details)."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok, parent)
    if details:
        box.setDetailedText(details)
    box.setModal(False)
    box.show()
    return box


def summarise_load(problems: list[str], skipped: list[str], added: int) -> tuple[str, str]:
    """(kind, text) for one banner after loading files: what was added, refused and skipped."""
    parts = []
    if added:
        parts.append(f"Added {added} article{'s' * (added != 1)}.")
    if problems:
        parts.append(f"{len(problems)} file{'s were' if len(problems) != 1 else ' was'} not loaded:")
        parts.extend(f"\u2022 {p}" for p in problems[:8])
        if len(problems) > 8:
            parts.append(f"\u2022 \u2026and {len(problems) - 8} more.")
    if skipped:
        parts.extend(f"\u2022 {s}" for s in skipped[:5])
        if len(skipped) > 5:
            parts.append(f"\u2022 \u2026and {len(skipped) - 5} more duplicates skipped.")
    kind = "error" if problems and not added else "warning" if problems else "info"
    return kind, "\n".join(parts)


def describe_load(report) -> tuple[str, str] | None:
    """(kind, text) for the banner after reading files, or None when all went well."""
    if report.problems or report.skipped:
        return summarise_load(report.problems, report.skipped, len(report.articles))
    if not report.articles:
        return "warning", "No articles found there (Standpoint reads .txt, .md and .html files)."
    return None


def open_filter(project_suffix: str) -> str:
    """The Open dialog's filter: every format core.ingest reads (PDF, Word and e-mail were missing)."""
    from core.ingest import SUPPORTED_SUFFIXES

    patterns = " ".join(f"*{s}" for s in sorted(SUPPORTED_SUFFIXES | {project_suffix}))
    return f"Articles and projects ({patterns});;All files (*)"
