"""Charts the factsheet needs beyond the common set, built on the same definitions.

`RankQuadrantChart` is the priority-versus-score view of one institution: x is its own
rank of a block (whole places 1..8, the most urgent to the right), so the x axis counts
in whole places instead of the even quarters a share axis gets.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from .format import NumberFormat
from .quadrant import QuadrantChart


@dataclass(frozen=True, slots=True)
class RankQuadrantChart(QuadrantChart):
    """A `QuadrantChart` whose axes tick at every whole number inside their range (ranks, score gaps)."""

    def _ticks(self, lo: float, hi: float, count: int = 4) -> list[float]:
        whole = list(range(math.ceil(lo), math.floor(hi) + 1))
        return [float(t) for t in whole] if 2 <= len(whole) <= 10 else QuadrantChart._ticks(self, lo, hi, count)

    def _x_text(self, fmt: NumberFormat, value: float) -> str:
        return fmt.integer(round(value)) if float(value).is_integer() else QuadrantChart._x_text(self, fmt, value)
