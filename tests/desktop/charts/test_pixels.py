"""Marks exactly under a later mark on the same device pixels are dropped; the drawing order and the rest are kept."""
import numpy as np
import pytest

from desktop.charts.pixels import (
    DEDUPE_MIN, stacked_copies, topmost_boxes, topmost_labels, topmost_points, visible_copies,
)


def pixels_of(x, y, dpr=1.0):
    return list(zip(np.rint(np.asarray(x) * dpr).astype(int).tolist(), np.rint(np.asarray(y) * dpr).astype(int).tolist()))


@pytest.mark.parametrize("dpr", [1.0, 2.0])
@pytest.mark.parametrize("width", [300, 10**6])
def test_the_last_point_on_each_device_pixel_is_kept_in_drawing_order(dpr, width):
    rng = np.random.default_rng(1)
    n = 3 * DEDUPE_MIN
    x = rng.uniform(0, width, n)
    y = rng.integers(0, 20, n) * 25.0 + 0.3
    keep = topmost_points(x, y, dpr)
    everything = pixels_of(x, y, dpr)
    last = {p: i for i, p in enumerate(everything)}
    assert keep.tolist() == sorted(last.values())
    if width == 300:  # crowded: most points are hidden under later ones
        assert len(keep) < 0.7 * n


@pytest.mark.parametrize("copies", [2, 5])
def test_translucent_marks_keep_the_last_copies_of_each_pixel(copies):
    x = np.repeat(np.arange(DEDUPE_MIN, dtype=float), 7)
    y = np.zeros_like(x)
    keep = topmost_points(x, y, copies=copies)
    assert len(keep) == DEDUPE_MIN * copies
    assert np.all(np.diff(keep) > 0)
    assert set((keep % 7).tolist()) == set(range(7 - copies, 7))  # the later copies, drawn on top


@pytest.mark.parametrize("copies", [1, 3, 9])
def test_of_the_marks_on_one_data_position_only_the_last_copies_can_show(copies):
    rng = np.random.default_rng(4)
    n = 3 * DEDUPE_MIN
    x = rng.integers(0, 300, n) + 0.5  # days: many events on one day and lane
    y = rng.integers(0, 10, n).astype(float)
    keep = stacked_copies((x, y), copies)
    expected, seen = [], {}
    for i in range(n - 1, -1, -1):  # the last `copies` of each position, by hand
        seen[(x[i], y[i])] = seen.get((x[i], y[i]), 0) + 1
        if seen[(x[i], y[i])] <= copies:
            expected.append(i)
    assert keep.tolist() == sorted(expected)
    # a nudge of any column is another position
    x[0] += 1e-9
    assert 0 in stacked_copies((x, y), copies).tolist()


def test_marks_on_distinct_positions_are_all_kept():
    x = np.arange(2 * DEDUPE_MIN, dtype=float)
    assert stacked_copies((x, np.zeros_like(x)), 1) is None
    assert stacked_copies((np.zeros(10), np.zeros(10)), 1) is None  # too few to bother


def test_few_points_are_all_drawn():
    assert topmost_points(np.array([1.2, 1.3]), np.array([2.0, 2.0])) is None


def test_boxes_differing_in_any_edge_are_kept():
    n = DEDUPE_MIN
    x0 = np.tile([0.2, 0.2, 0.2, 5.0], n)
    x1 = np.tile([3.0, 3.0, 4.0, 8.0], n)
    y0 = np.tile([1.0, 1.0, 1.0, 1.0], n)
    y1 = np.tile([7.0, 7.0, 7.0, 7.0], n)
    keep = topmost_boxes(x0, y0, x1, y1)
    assert keep.tolist() == [4 * n - 3, 4 * n - 2, 4 * n - 1]


@pytest.mark.parametrize("alpha, copies", [(1.0, 1), (0.67, 5), (0.22, 23), (0.0, 0)])
def test_visible_copies(alpha, copies):
    assert visible_copies(alpha) == copies
    if 0 < alpha < 1:  # one copy fewer leaves a difference of at least a colour level
        assert (1 - alpha) ** (copies - 1) * 255 >= 1 > (1 - alpha) ** copies * 255


def test_piled_labels_keep_the_topmost_of_each_label_sized_cell():
    n = 600
    dx = np.repeat([10.0, 12.0, 50.0], n // 3)  # the first two share a 28-pixel cell
    dy = np.full(n, 7.0)
    keep = topmost_labels(dx, dy, 28.0, 14.0)
    assert keep.tolist() == [2 * n // 3 - 1, n - 1]
    assert topmost_labels(dx[:100], dy[:100], 28.0, 14.0) is None  # a few labels: all drawn
