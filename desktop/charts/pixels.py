"""Marks that land on the same device pixels drawn only as often as can be seen: 300,000 marks redraw in milliseconds."""
from __future__ import annotations

import math

import numpy as np
import pandas as pd

# Below this many marks in view every mark is drawn; above it, of the marks that cover exactly the same
# device pixels only the topmost ones that still change the picture.
DEDUPE_MIN = 4000
# Qt strokes a cosmetic outline wider than one pixel five times slower than a one-pixel one; from this
# many bars in view the outlines are one pixel wide (a bar is then a few pixels: the extra half-pixel
# of outline cannot be told apart).
THIN_OUTLINE_MIN = 1000
# Texts are unreadable long before that: from this many labels in view, one per label-sized cell.
LABEL_DEDUPE_MIN = 500


def visible_copies(alpha: float) -> int:
    """How many copies of a mark of this opacity (0-1) stacked on one spot still change its colour by a level."""
    if alpha >= 1.0:
        return 1
    if alpha <= 0.0:
        return 0
    return min(64, math.ceil(math.log(1 / 255) / math.log(1 - alpha)))


def topmost_points(dx: np.ndarray, dy: np.ndarray, dpr: float = 1.0, copies: int = 1) -> np.ndarray | None:
    """Indices, in drawing order, of the last `copies` points drawn on each device pixel; None to draw them all."""
    if len(dx) < DEDUPE_MIN:
        return None
    return _last_of_each(np.rint(dx * dpr), np.rint(dy * dpr), copies=copies)


def topmost_boxes(x0, y0, x1, y1, dpr: float = 1.0, copies: int = 1) -> np.ndarray | None:
    """Indices, in drawing order, of the last `copies` boxes drawn on each device-pixel box; None to draw them all."""
    if len(x0) < DEDUPE_MIN:
        return None
    return _last_of_each(*(np.rint(v * dpr) for v in (x0, y0, x1, y1)), copies=copies)


def stacked_copies(columns: tuple[np.ndarray, ...], copies: int) -> np.ndarray | None:
    """Indices, in drawing order, of the marks among the last `copies` at their exact data position
    (all `columns` equal); None to keep them all. Marks on one data position share their device pixels
    at every zoom, so only these can ever show on screen: worked out once per data, not per frame."""
    if len(columns[0]) < DEDUPE_MIN:
        return None
    keep = _last_of_each(*(pd.factorize(c)[0] for c in columns), copies=copies)
    return None if len(keep) == len(columns[0]) else keep


def topmost_labels(dx: np.ndarray, dy: np.ndarray, cell_width: float, cell_height: float) -> np.ndarray | None:
    """Indices, in drawing order, of the last label in each label-sized cell of the screen; None to draw them all."""
    if len(dx) < LABEL_DEDUPE_MIN:
        return None
    return _last_of_each(np.floor(dx / cell_width), np.floor(dy / cell_height), copies=1)


def _last_of_each(*columns: np.ndarray, copies: int) -> np.ndarray:
    ints = [c.astype(np.int64) for c in columns]
    lows = [int(c.min()) for c in ints]
    spans = [int(c.max()) - low + 1 for c, low in zip(ints, lows)]
    if np.prod([float(s) for s in spans]) >= 2.0 ** 62:  # not a screen's coordinates: keep them all
        return np.arange(len(ints[0]))
    key = np.zeros(len(ints[0]), dtype=np.int64)
    for c, low, span in zip(ints, lows, spans):
        key = key * span + (c - low)
    # "last" because a later mark is drawn over an earlier one; hashing, no sort
    if copies <= 3:  # a pass per copy: the last of each key among those not kept yet
        kept = np.zeros(len(key), dtype=bool)
        rest = np.arange(len(key))
        for _ in range(max(1, copies)):
            last = ~pd.Series(key[rest]).duplicated(keep="last").to_numpy()
            kept[rest[last]] = True
            rest = rest[~last]
            if not len(rest):
                break
        return np.flatnonzero(kept)
    backwards = pd.Series(key[::-1])  # many copies: each mark's depth under later ones, in one go
    depth = backwards.groupby(backwards.to_numpy(), sort=False).cumcount().to_numpy()[::-1]
    return np.flatnonzero(depth < copies)
