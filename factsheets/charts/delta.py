"""Change since the previous round per block, raw beside corrected: bars diverging from 0.

"Corrected" is the change on the statements that stayed comparable (lineage same or
reworded); a block with no comparable statement has None and shows ``missing_label``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from .base import FONT_SIZE, WIDTH, Series, category_axis, check_lengths, plotly_frame, plotly_text, value_axis
from .format import NumberFormat
from .palette import SeriesStyle, series_styles
from .svg import GRID, INK, MUTED, LegendItem, Svg, legend, line_d, rect_d, text_width, wrap

BAR = 11
BAR_GAP = 2
GROUP_GAP = 9
VALUE_SPACE = 42


@dataclass(frozen=True, slots=True)
class DeltaChart:
    """Signed changes per category and series; the axis is symmetric around 0."""

    title: str
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    missing_label: str = "–"
    decimals: int = 1
    step: float = 0.5

    def __post_init__(self) -> None:
        for name in ("categories", "series"):
            object.__setattr__(self, name, tuple(getattr(self, name)))
        if not self.categories or not self.series:
            raise ValueError("A delta chart needs at least one category and one series.")
        for series in self.series:
            check_lengths(f"Series {series.label!r}", len(self.categories), series.values)

    def _styles(self) -> list[SeriesStyle]:
        return series_styles([series.role for series in self.series])

    def limit(self) -> float:
        largest = max((abs(v) for s in self.series for v in s.values if v is not None), default=0)
        return max(self.step, math.ceil(largest / self.step - 1e-9) * self.step)

    def _value_text(self, fmt: NumberFormat, value: float | None) -> str:
        return self.missing_label if value is None else fmt.signed(value, self.decimals)

    def alt_text(self, *, language: str = "nl") -> str:
        fmt = NumberFormat(language)
        parts = [
            f"{category}: " + ", ".join(f"{s.label} {self._value_text(fmt, s.values[i])}" for s in self.series)
            for i, category in enumerate(self.categories)
        ]
        return f"{self.title}. " + ". ".join(parts) + "."

    def to_svg(self, *, language: str = "nl", id_prefix: str = "") -> str:
        fmt = NumberFormat(language)
        styles = self._styles()
        svg = Svg(WIDTH, title=self.title, desc=self.alt_text(language=language), font_size=FONT_SIZE)
        label_width = min(max(text_width(c, FONT_SIZE) for c in self.categories), WIDTH * 0.34) + 4
        x0, x1 = label_width + 10 + VALUE_SPACE, WIDTH - VALUE_SPACE
        limit = self.limit()
        zero = (x0 + x1) / 2

        def x_of(value: float) -> float:
            return zero + max(-limit, min(limit, value)) / limit * (x1 - x0) / 2

        items = [LegendItem(s.label, st.fill, st.stroke) for s, st in zip(self.series, styles, strict=True)]
        y = top = legend(svg, items, x=x0, y=2, size=FONT_SIZE - 0.5) if len(self.series) > 1 else 6
        group_height = len(self.series) * BAR + (len(self.series) - 1) * BAR_GAP
        bars: list[list[str]] = [[] for _ in self.series]
        for index, category in enumerate(self.categories):
            lines = wrap(category, label_width, FONT_SIZE)
            first = y + group_height / 2 - (len(lines) - 1) * 7 + 4
            for number, line in enumerate(lines):
                svg.text(label_width, first + number * 14, line, anchor="end")
            for number, series in enumerate(self.series):
                bar_y = y + number * (BAR + BAR_GAP)
                value = series.values[index]
                baseline = bar_y + BAR - 1.5
                text = self._value_text(fmt, value)
                if value is None:
                    svg.text(zero + 4, baseline, text, size=FONT_SIZE - 1, fill=MUTED)
                    continue
                end = x_of(value)
                bars[number].append(rect_d(min(zero, end), bar_y, abs(end - zero), BAR))
                if value < 0:
                    svg.text(end - 4, baseline, text, anchor="end", size=FONT_SIZE - 1)
                else:
                    svg.text(end + 4, baseline, text, size=FONT_SIZE - 1)
            y += group_height + GROUP_GAP
        bottom = y - GROUP_GAP + 4
        ticks = [-limit, -limit / 2, 0, limit / 2, limit]
        svg.path("".join(line_d(x_of(t), top - 2, x_of(t), bottom) for t in ticks if t), stroke=GRID)
        for style, paths in zip(styles, bars, strict=True):
            svg.path("".join(paths), fill=style.fill, stroke=style.stroke)
        svg.path(line_d(zero, top - 4, zero, bottom + 2), stroke=INK, stroke_width=1.2)
        for tick in ticks:
            label = fmt.signed(tick, 2 if tick % 0.5 else 1)
            svg.text(x_of(tick), bottom + 15, label, anchor="middle", fill=MUTED, size=FONT_SIZE - 1)
        svg.height = bottom + 21
        return svg.render(id_prefix=id_prefix)

    def to_plotly(self, *, language: str = "nl") -> dict[str, Any]:
        fmt = NumberFormat(language)
        limit = self.limit()
        figure = plotly_frame(fmt=fmt, height=100 + len(self.categories) * len(self.series) * 20, title=self.title)
        for series, style in zip(self.series, self._styles(), strict=True):
            figure["data"].append(
                {
                    "type": "bar",
                    "orientation": "h",
                    "name": plotly_text(series.label),
                    "y": [plotly_text(c) for c in self.categories],
                    "x": list(series.values),
                    "text": [self._value_text(fmt, v) for v in series.values],
                    "textposition": "outside",
                    "cliponaxis": False,
                    "marker": {"color": style.fill, "line": {"color": style.stroke or style.fill, "width": 1}},
                    "hovertemplate": "%{y}<br>%{fullData.name}: %{text}<extra></extra>",
                }
            )
        xaxis = value_axis(lower=-limit * 1.15, upper=limit * 1.15, ticks=(-limit, -limit / 2, 0, limit / 2, limit))
        xaxis.update(zeroline=True, zerolinecolor=INK, zerolinewidth=1.2)
        figure["layout"].update(barmode="group", yaxis=category_axis(self.categories), xaxis=xaxis)
        return figure
