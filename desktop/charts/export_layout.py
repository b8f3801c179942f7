"""How each chart lays itself out on export pages: what it copies from the chart on screen, how many
pages its lanes, rows or strips take, and which ones a page shows (used by charts.export)."""
from __future__ import annotations

import math

EXPORT_LANE_PX = 18  # a timeline lane on paper: denser than on screen, still a clear row
EXPORT_ROW_PX = 20  # a matrix row on paper
STRIP_LANE_PX = (15, 30)  # a stance strip's lane: squeezed down to 15 px (every label still shows) before paging
STRIP_EXTRA_PX = 58  # a strip's title and date axis on paper
STRIP_GAP_PX = 6  # between strips (stance_over_time adds it to each strip's height)
MIN_EXPORT_TARGETS = 4  # an export may show fewer target lanes per strip, down to this, to fit one page


def _per_page(available_px: float, unit_px: float) -> int:
    return max(1, int(available_px // unit_px))


def _span_note(word: str, first: int, count: int, total: int) -> str:
    return f"{word} {first + 1}\u2013{first + count} of {total}" if count < total else ""


class TimelinePages:
    """Every lane of the timeline (up to its lane limit) over the dates on screen; lanes that do not fit
    one page continue on the next."""

    def export_view(self, source) -> None:
        self.plot.getViewBox().setXRange(*source.plot.getViewBox().viewRange()[0], padding=0)

    def _lanes_per_page(self) -> int:
        return _per_page(self.plot.getViewBox().height() or 500, EXPORT_LANE_PX)

    def export_pages(self) -> int:
        n = len(self.marks.lanes) if self.marks is not None else 0
        return max(1, math.ceil(n / self._lanes_per_page()))

    def show_export_page(self, index: int) -> None:
        n = len(self.marks.lanes) if self.marks is not None else 0
        per = self._lanes_per_page()
        first = index * per
        count = max(1, min(per, n - first))
        # the first page keeps the strip above lane 0 where the timeline counts its background
        top = first - getattr(self, "TOP_STRIP", 0.6) if first == 0 else first - 0.6
        self.plot.getViewBox().setYRange(top, first + count - 0.4, padding=0)

    def export_page_note(self, index: int) -> str:
        n, per = len(self.marks.lanes), self._lanes_per_page()
        return _span_note("lanes", index * per, min(per, n - index * per), n)


class MatrixPages:
    """Every row of the matrix, from the first, over the columns from the one first on screen; rows that
    do not fit one page continue on the next."""

    _export_left = 0

    def export_view(self, source) -> None:
        self._export_left = max(0, int(round(source.plot.getViewBox().viewRange()[0][0] + 0.5)))

    def _rows_per_page(self) -> int:
        return _per_page(self.plot.getViewBox().height() or 500, EXPORT_ROW_PX)

    def export_pages(self) -> int:
        return max(1, math.ceil(self.counts.shape[0] / self._rows_per_page()))

    def show_export_page(self, index: int) -> None:
        from desktop.charts.matrix import MIN_COL_PX

        rows, cols = self.counts.shape
        vb = self.plot.getViewBox()
        per = self._rows_per_page()
        first = index * per
        count = max(1, min(per, rows - first))
        fit_cols = max(1, min(cols, int((vb.width() or 600) // MIN_COL_PX)))
        left = max(0, min(self._export_left, cols - fit_cols))
        vb.setRange(xRange=(left - 0.5, left + fit_cols - 0.5), yRange=(first - 0.5, first + count - 0.5), padding=0)
        self._update_headers()

    def export_page_note(self, index: int) -> str:
        from desktop.charts.matrix import MIN_COL_PX

        rows, cols = self.counts.shape
        per = self._rows_per_page()
        notes = [_span_note("rows", index * per, min(per, rows - index * per), rows)]
        fit_cols = max(1, min(cols, int((self.plot.getViewBox().width() or 600) // MIN_COL_PX)))
        left = max(0, min(self._export_left, cols - fit_cols))
        notes.append(_span_note("columns", left, fit_cols, cols))
        return ", ".join(n for n in notes if n)


class StancePages:
    """The chosen actors' strips, as many to a page as fit with lanes of at least 12 px; the dates on
    screen; a strip never splits across pages."""

    _export_groups: list[list[str]] | None = None

    def export_view(self, source) -> None:
        if source.strips:
            plot = next(iter(source.strips.values()))[0]
            self._export_x = tuple(plot.getViewBox().viewRange()[0])

    def _strip_lanes(self) -> dict[str, int]:
        from desktop.charts.stance_rows import target_lanes

        lanes = {}
        for actor in self.actor_ids:
            mine = self.rows[self.rows["holder"] == actor]
            if len(mine):
                lanes[actor] = len(target_lanes(mine["target_label"], self.max_targets)[0])
        return lanes

    def _page_height(self) -> float:
        return float(self.export_frame().height() or 500) - 8

    def _need(self, lanes: dict[str, int], actors, targets: int) -> float:
        return sum(min(lanes[a], targets) * STRIP_LANE_PX[0] + STRIP_EXTRA_PX + STRIP_GAP_PX for a in actors)

    def export_pages(self) -> int:
        """One page when the strips fit it, with fewer target lanes if need be (down to MIN_EXPORT_TARGETS,
        the rest joining "other targets"); else as many strips to a page as fit."""
        lanes = self._strip_lanes()
        height = self._page_height()
        for targets in range(self.max_targets, MIN_EXPORT_TARGETS - 1, -1):
            if self._need(lanes, lanes, targets) <= height:
                if targets < self.max_targets:
                    self._export_targets_note = f"the {targets - 1} most frequent targets per actor"
                    self.max_targets = targets
                    self._draw()
                    lanes = self._strip_lanes()
                self._export_groups = [list(lanes)]
                return 1
        groups: list[list[str]] = [[]]
        for actor in lanes:
            if groups[-1] and self._need(lanes, groups[-1] + [actor], self.max_targets) > height:
                groups.append([actor])
            else:
                groups[-1].append(actor)
        self._export_groups = groups
        return len(groups)

    def show_export_page(self, index: int) -> None:
        if self._export_groups is None:
            self.export_pages()
        group = self._export_groups[index] if index < len(self._export_groups) else []
        lanes = self._strip_lanes()
        total = sum(lanes.get(a, 0) for a in group) or 1
        spare = self._page_height() - (STRIP_EXTRA_PX + STRIP_GAP_PX) * len(group)
        self.lane_px = int(max(STRIP_LANE_PX[0], min(STRIP_LANE_PX[1], spare / total)))
        self.strip_extra_px = STRIP_EXTRA_PX
        self._page_actors = group
        self._draw()
        x_range = getattr(self, "_export_x", None)
        if x_range and self.strips:
            next(iter(self.strips.values()))[0].setXRange(*x_range, padding=0)

    def export_page_note(self, index: int) -> str:
        groups = self._export_groups or [self.actor_ids]
        total = sum(len(g) for g in groups)
        first = sum(len(g) for g in groups[:index])
        notes = [_span_note("actors", first, len(groups[index]) if index < len(groups) else 0, total),
                 getattr(self, "_export_targets_note", "")]
        return ", ".join(n for n in notes if n)
