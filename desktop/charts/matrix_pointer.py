"""Pointing at the matrix: the cell under the mouse, its tooltip, and what a click on a cell or a header selects."""
from __future__ import annotations

import math
from html import escape

import pyqtgraph as pg
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QToolTip

from desktop.widgets.theme import muted_color


class MatrixPointerMixin:
    """Mouse and tooltips for `MatrixView`: its `plot`, axes, `row_ids`, `col_ids`, `counts`, `scores` and `matrix`."""

    def cell_at(self, scene_pos) -> tuple[int, int] | None:
        vb = self.plot.getViewBox()
        if not vb.sceneBoundingRect().contains(scene_pos):
            return None
        p = vb.mapSceneToView(scene_pos)
        r, c = int(math.floor(p.y() + 0.5)), int(math.floor(p.x() + 0.5))
        if 0 <= r < len(self.row_ids) and 0 <= c < len(self.col_ids):
            return r, c
        return None

    def scene_pos_of(self, actor_id: str, column: str):
        r, c = self.row_ids.index(actor_id), self.col_ids.index(column)
        return self.plot.getViewBox().mapViewToScene(pg.Point(c, r))

    def activate_cell(self, r: int, c: int) -> None:
        actor, column = self.row_ids[r], self.col_ids[c]
        self.state.set_cell((actor, column))
        self.state.set_actor(actor)
        self._cell_items = tuple(self.matrix.cells.get((actor, column), ()))
        self.state.set_items(self._cell_items)

    def _on_mouse_clicked(self, ev) -> None:
        if ev.button() != Qt.MouseButton.LeftButton:
            return
        hit = self.cell_at(ev.scenePos())
        if hit is not None:
            self.activate_cell(*hit)
            ev.accept()
            return
        if self.col_axis.sceneBoundingRect().contains(ev.scenePos()) and self.col_ids:
            c = int(math.floor(self.plot.getViewBox().mapSceneToView(ev.scenePos()).x() + 0.5))
            if 0 <= c < len(self.col_ids):
                self.sort_by_column(self.col_ids[c])
                ev.accept()
            return
        if self.row_axis.sceneBoundingRect().contains(ev.scenePos()) and self.row_ids:
            # a row's name selects the actor without choosing a cell
            r = int(math.floor(self.plot.getViewBox().mapSceneToView(ev.scenePos()).y() + 0.5))
            if 0 <= r < len(self.row_ids):
                self.state.set_actor(self.row_ids[r])
                ev.accept()

    def cell_tooltip(self, r: int, c: int) -> str:
        """Who × what, the count and its share of the row, the polarities, the net score and the cue used most."""
        actor, column = self.row_ids[r], self.col_ids[c]
        n = int(self.counts[r, c])
        name = self.matrix.names.get(actor, actor)
        text = f"<b>{escape(name)}</b> \u00d7 <b>{escape(column)}</b><br>"
        if not n:
            return text + "no statements"
        row_total = int(self.counts[r].sum())
        text += (f"{n} statement{'s' if n != 1 else ''} \u00b7 {100 * n / max(row_total, 1):.0f}% of "
                 f"{escape(name)}\u2019s {row_total}")
        polarities, cue, cue_n = self.cell_facts(actor, column)
        if len(polarities) > 1 or (polarities and next(iter(polarities)) != column):
            text += "<br>" + " \u00b7 ".join(f"{k} {v}" for k, v in polarities.items())
        text += f"<br>net score {self.scores[r, c]:+.2f}"
        if cue:
            text += f" \u00b7 cue used most: \u201c{escape(cue)}\u201d" + (f" ({cue_n}\u00d7)" if cue_n > 1 else "")
        muted = muted_color(tooltip=True).name()
        return text + f"<br><span style='color:{muted}'>Click to read the evidence</span>"

    def cell_facts(self, actor: str, column: str) -> tuple[dict[str, int], str, int]:
        """({polarity: count}, the cue used most, how often) for one cell's statements; cached per refresh."""
        key = (actor, column)
        cache = self.__dict__.setdefault("_facts", {})
        if cache.get("matrix") is not self.matrix:
            cache.clear()
            cache["matrix"] = self.matrix
        if key not in cache:
            ids = self.matrix.cells.get(key, [])
            table = self.analysis.statements_table()
            rows = table[table["statement_id"].isin(ids)] if len(ids) else table.iloc[0:0]
            polarities = {k: int(v) for k, v in rows["polarity"].fillna("neutral").value_counts().items()}
            cues = rows["cue_text"].fillna("").str.strip().str.lower()
            cues = cues[cues != ""].value_counts()
            cache[key] = (polarities, str(cues.index[0]) if len(cues) else "", int(cues.iloc[0]) if len(cues) else 0)
        return cache[key]

    def _on_mouse_moved(self, scene_pos) -> None:
        hit = self.cell_at(scene_pos)
        if hit is None:
            QToolTip.hideText()
            return
        view_pos = self.plot.mapFromScene(scene_pos)
        QToolTip.showText(self.plot.mapToGlobal(view_pos + QPoint(12, 12)), self.cell_tooltip(*hit), self.plot)
