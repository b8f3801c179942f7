"""The timeline's lanes: how many, in which order, or which actors get one (the settings and their control)."""
from __future__ import annotations

from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMenu, QSpinBox, QToolButton, QWidget, QWidgetAction

from desktop.charts.timeline_data import FIRST_APPEARANCE, INVOLVEMENT, NO_ACTOR, OTHER

MIN_LANES, MAX_LANES = 2, 999


class LaneButton(QToolButton):
    """"12 lanes ▾": a menu with the lane limit, the lane order, and "Pick actors…".

    It writes into its `TimelineView` (`set_max_lanes`, `set_lane_order`, `set_chosen`) and `sync()` shows
    the view's values, with signals blocked so the echo does not come back.
    """

    def __init__(self, view):
        super().__init__(view)
        self.view = view
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setToolTip("How many lanes (the most involved actors; the rest share \u201cother actors\u201d), "
                        "their order, or which actors get a lane")
        menu = QMenu(self)
        self.spin = QSpinBox()
        self.spin.setRange(MIN_LANES, MAX_LANES)
        self.spin.setToolTip("At most this many lanes, \u201cother actors\u201d included")
        self.spin.valueChanged.connect(lambda n: self.view.set_max_lanes(n))
        holder = QWidget()
        row = QHBoxLayout(holder)
        row.setContentsMargins(8, 2, 8, 2)
        row.addWidget(QLabel("At most"))
        row.addWidget(self.spin)
        row.addWidget(QLabel("lanes"))
        spin_action = QWidgetAction(menu)
        spin_action.setDefaultWidget(holder)
        menu.addAction(spin_action)
        menu.addSeparator()
        group = QActionGroup(menu)
        self.order_actions: dict[str, QAction] = {}
        for key, text in ((INVOLVEMENT, "Most involved first"), (FIRST_APPEARANCE, "First appearance first")):
            action = QAction(text, menu, checkable=True)
            action.triggered.connect(lambda _checked=False, k=key: self.view.set_lane_order(k))
            group.addAction(action)
            menu.addAction(action)
            self.order_actions[key] = action
        menu.addSeparator()
        self.pick_action = menu.addAction("Pick actors\u2026", self.pick)
        self.top_action = menu.addAction("Most involved actors again", lambda: self.view.set_chosen(()))
        self.setMenu(menu)
        self.sync()

    def sync(self) -> None:
        view = self.view
        n = len(view.marks.lanes) if view.marks is not None else view.max_lanes
        self.setText(f"{len(view.chosen)} picked" if view.chosen else f"{min(n, view.max_lanes)} lanes")
        self.spin.blockSignals(True)
        self.spin.setValue(view.max_lanes)
        self.spin.blockSignals(False)
        for key, action in self.order_actions.items():
            action.setChecked(key == view.lane_order)
        by_actor = view.lanes_by == "actor"
        self.pick_action.setEnabled(by_actor)
        self.top_action.setEnabled(by_actor and bool(view.chosen))

    def candidates(self) -> list[tuple[str, str, int]]:
        """(actor id, name, dated events) of every actor on the timeline, most involved first."""
        counts: dict[str, int] = {}
        for ids in self.view.analysis.timeline()["actor_ids"]:
            for a in ids:
                counts[a] = counts.get(a, 0) + 1
        names = {a: self.view.analysis.actor_name(a) for a in counts}
        ranked = sorted(counts, key=lambda a: (-counts[a], names[a].casefold()))
        return [(a, names[a], counts[a]) for a in ranked if a not in (NO_ACTOR, OTHER)]

    def pick(self) -> None:
        from desktop.widgets.pick_list import pick

        chosen = pick(self, "Timeline lanes", "Tick the actors that get a lane; the others share "
                      "\u201cother actors\u201d.", self.candidates(), self.view.chosen)
        if chosen is not None:
            self.view.set_chosen(chosen)


class TimelineLanesMixin:
    """The lane settings of `TimelineView`: its `max_lanes`, `lane_order`, `chosen`, `lane_button`."""

    def set_max_lanes(self, n: int) -> None:
        """At most `n` lanes: the most involved actors, then one "other actors" lane."""
        n = max(MIN_LANES, int(n))
        if n != self.max_lanes or self.chosen:
            self.max_lanes, self.chosen = n, []
            self._relane()

    def set_lane_order(self, order: str) -> None:
        if order in (INVOLVEMENT, FIRST_APPEARANCE) and order != self.lane_order:
            self.lane_order = order
            self._relane()

    def set_chosen(self, actor_ids) -> None:
        """Lanes for these actors only (everyone else in "other actors"); empty: the most involved again."""
        chosen = list(dict.fromkeys(actor_ids))
        if chosen != self.chosen:
            self.chosen = chosen
            self._relane()

    def _relane(self) -> None:
        self.lane_button.sync()
        self.refresh()
        self.fit()
