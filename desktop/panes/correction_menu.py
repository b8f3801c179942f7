"""The correction menu shared by the evidence list and the source view: stance overrides and event dates."""
from __future__ import annotations

from typing import Sequence

from PySide6.QtWidgets import QMenu, QWidget

POLARITY_ACTIONS = (
    ("Mark as &support", "support"), ("Mark as &oppose", "oppose"), ("Mark as &neutral", "neutral"),
    ("&Reject: not a stance", "rejected"), ("Restore &detected stance", None),
)


def ask_event_date(parent: QWidget, analysis, event_id: str) -> None:
    from desktop.widgets.dialogs import ask_date

    day = ask_date(parent, "Event date", "The right date of this event (YYYY-MM-DD):")
    if day is not None:
        analysis.set_event_date(event_id, day)


def correction_menu(parent: QWidget, analysis, item_ids: Sequence[str], labels: Sequence[str] = ()) -> QMenu:
    """Corrections for each item (statement or event id); a submenu per item when there are several."""
    from core.analysis import split_id

    labels = list(labels) or list(item_ids)
    menu = QMenu(parent)
    for item_id, label in zip(item_ids, labels):
        target = menu if len(item_ids) == 1 else menu.addMenu(label)
        if split_id(item_id)[1] == "s":
            for text, polarity in POLARITY_ACTIONS:
                action = target.addAction(text)
                action.triggered.connect(lambda _=False, i=item_id, p=polarity: analysis.set_polarity(i, p))
        else:
            target.addAction("This date is &wrong (treat as undated)").triggered.connect(
                lambda _=False, i=item_id: analysis.set_event_date(i, None, wrong=True))
            target.addAction("&Set the right date\u2026").triggered.connect(
                lambda _=False, i=item_id: ask_event_date(parent, analysis, i))
            target.addAction("Restore &detected date").triggered.connect(
                lambda _=False, i=item_id: analysis.set_event_date(i, None))
    return menu
