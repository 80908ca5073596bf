"""Horizontal bars on a score scale: block scores beside the national mean, spread and past.

Two shapes of the same chart:

* several categories (the 8 blocks), each a group of bars, one per series, with a
  legend: the summary chart of the factsheet and the status chart of the report;
* one category (one block): the rows are the series themselves, labelled in place,
  no legend needed: the per-block chart of the factsheet.

Optional national quartiles per category are drawn behind the bars as a light band
from Q1 to Q3 with a dark tick at the median. A value is printed at the end of its
bar, moved past the median tick when it would cross it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .base import FONT_SIZE, WIDTH, Series, Spread, category_axis, check_lengths, plotly_frame, plotly_text, value_axis
from .format import NumberFormat
from .palette import SPREAD_BAND, SeriesStyle, series_styles
from .svg import GRID, INK, MUTED, LegendItem, Svg, legend, line_d, rect_d, text_width, wrap

BAR = 13
BAR_GAP = 3
GROUP_GAP = 11
VALUE_SPACE = 40


@dataclass(frozen=True, slots=True)
class BarChart:
    """Bars per category on a fixed scale (1-4 for block scores).

    ``series`` hold one value per category; ``spread`` (optional) one ``Spread`` or None
    per category. ``band_label``/``median_label`` name the band and the tick in the
    legend and the text alternative; ``missing_label`` is printed where a value is None
    (a comparison withheld, no previous round). ``show_legend=False`` leaves the legend to
    the page (a caption under each of eight block charts instead of eight legends).
    """

    title: str
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    spread: tuple[Spread | None, ...] | None = None
    band_label: str = ""
    median_label: str = ""
    missing_label: str = "–"
    scale: tuple[float, float] = (1, 4)
    ticks: tuple[float, ...] = (1, 2, 3, 4)
    decimals: int = 1
    axis_label: str = ""
    show_legend: bool = True

    def __post_init__(self) -> None:
        for name in ("categories", "series", "spread", "ticks", "scale"):
            value = getattr(self, name)
            if value is not None:
                object.__setattr__(self, name, tuple(value))
        if not self.categories or not self.series:
            raise ValueError("A bar chart needs at least one category and one series.")
        for series in self.series:
            check_lengths(f"Series {series.label!r}", len(self.categories), series.values)
        check_lengths("spread", len(self.categories), self.spread)
        if self.scale[0] >= self.scale[1]:
            raise ValueError(f"Scale {self.scale} is empty.")

    @property
    def _rows_are_series(self) -> bool:
        return len(self.categories) == 1

    @property
    def _has_spread(self) -> bool:
        return bool(self.spread) and any(self.spread)

    def _styles(self) -> list[SeriesStyle]:
        return series_styles([series.role for series in self.series])

    def _value_text(self, fmt: NumberFormat, value: float | None) -> str:
        return self.missing_label if value is None else fmt.decimal(value, self.decimals)

    def _spread_text(self, fmt: NumberFormat, spread: Spread) -> str:
        band = f"{fmt.decimal(spread.q1, self.decimals)}–{fmt.decimal(spread.q3, self.decimals)}"
        return f"{self.band_label} {band}, {self.median_label} {fmt.decimal(spread.median, self.decimals)}"

    def alt_text(self, *, language: str = "nl") -> str:
        fmt = NumberFormat(language)
        parts = []
        for index, category in enumerate(self.categories):
            values = ", ".join(f"{s.label} {self._value_text(fmt, s.values[index])}" for s in self.series)
            spread = self.spread[index] if self.spread else None
            parts.append(f"{category}: {values}" + (f"; {self._spread_text(fmt, spread)}" if spread else ""))
        return f"{self.title}. " + ". ".join(parts) + "."

    # -- SVG ------------------------------------------------------------------
    def to_svg(self, *, language: str = "nl", id_prefix: str = "") -> str:
        fmt = NumberFormat(language)
        styles = self._styles()
        svg = Svg(WIDTH, title=self.title, desc=self.alt_text(language=language), font_size=FONT_SIZE)
        row_labels = [s.label for s in self.series] if self._rows_are_series else list(self.categories)
        label_width = min(max(text_width(label, FONT_SIZE) for label in row_labels), WIDTH * 0.34) + 4
        x0, x1 = label_width + 10, WIDTH - VALUE_SPACE
        lo, hi = self.scale

        def x_of(value: float) -> float:
            return x0 + (min(max(value, lo), hi) - lo) / (hi - lo) * (x1 - x0)

        y = top = self._legend(svg, styles, x0) if self._needs_legend else 6
        group_height = len(self.series) * BAR + (len(self.series) - 1) * BAR_GAP
        bars: list[list[str]] = [[] for _ in self.series]
        bands, medians = [], []
        for index, category in enumerate(self.categories):
            spread = self.spread[index] if self.spread else None
            if spread:
                bands.append(rect_d(x_of(spread.q1), y - 3, x_of(spread.q3) - x_of(spread.q1), group_height + 6))
                medians.append(line_d(x_of(spread.median), y - 5, x_of(spread.median), y + group_height + 5))
            if not self._rows_are_series:
                lines = wrap(category, label_width, FONT_SIZE)
                first = y + group_height / 2 - (len(lines) - 1) * 7 + 4
                for number, line in enumerate(lines):
                    svg.text(label_width, first + number * 14, line, anchor="end")
            for number, series in enumerate(self.series):
                bar_y = y + number * (BAR + BAR_GAP)
                baseline = bar_y + BAR / 2 + 4
                value = series.values[index]
                if self._rows_are_series:
                    svg.text(
                        label_width, baseline, wrap(series.label, label_width, FONT_SIZE, max_lines=1)[0], anchor="end"
                    )
                if value is None:
                    svg.text(x0 + 4, baseline, self.missing_label, fill=MUTED)
                    continue
                bars[number].append(rect_d(x0, bar_y, x_of(value) - x0, BAR))
                label = fmt.decimal(value, self.decimals)
                weight = 600 if series.role == "own" else 400
                label_x = x_of(value) + 4
                if spread and label_x - 6 < x_of(spread.median) < label_x + text_width(label, FONT_SIZE, weight) + 2:
                    label_x = x_of(spread.median) + 5
                svg.text(label_x, baseline, label, weight=weight)
            y += group_height + GROUP_GAP
        bottom = y - GROUP_GAP + 6

        svg.path("".join(line_d(x_of(t), top - 4, x_of(t), bottom) for t in self.ticks), stroke=GRID)
        svg.path("".join(bands), fill=SPREAD_BAND)
        for style, paths in zip(styles, bars, strict=True):
            svg.path("".join(paths), fill=style.fill, stroke=style.stroke)
        svg.path("".join(medians), stroke=INK, stroke_width=2.5)
        for tick in self.ticks:
            svg.text(x_of(tick), bottom + 14, fmt.decimal(tick, 0), anchor="middle", fill=MUTED)
        if self.axis_label:
            svg.text(x1, bottom + 30, self.axis_label, anchor="end", fill=MUTED, size=FONT_SIZE - 1)
        svg.height = bottom + (36 if self.axis_label else 20)
        return svg.render(id_prefix=id_prefix)

    @property
    def _needs_legend(self) -> bool:
        return self.show_legend and ((len(self.series) > 1 and not self._rows_are_series) or self._has_spread)

    def _legend(self, svg: Svg, styles: list[SeriesStyle], x: float) -> float:
        items = []
        if not self._rows_are_series:
            items = [LegendItem(s.label, st.fill, st.stroke) for s, st in zip(self.series, styles, strict=True)]
        if self._has_spread:
            items += [LegendItem(self.band_label, SPREAD_BAND), LegendItem(self.median_label, stroke=INK, mark="tick")]
        return legend(svg, items, x=x, y=4, size=FONT_SIZE - 0.5)

    # -- plotly ---------------------------------------------------------------
    def to_plotly(self, *, language: str = "nl") -> dict[str, Any]:
        fmt = NumberFormat(language)
        styles = self._styles()
        lo = self.scale[0]

        def length(value: float | None) -> float | None:
            return None if value is None else value - lo

        if self._rows_are_series:
            rows = len(self.series)
            traces = [
                {
                    "type": "bar",
                    "orientation": "h",
                    "name": plotly_text(self.categories[0]),
                    "y": [plotly_text(s.label) for s in self.series],
                    "x": [length(s.values[0]) for s in self.series],
                    "base": lo,
                    "text": [self._value_text(fmt, s.values[0]) for s in self.series],
                    "marker": {
                        "color": [st.fill for st in styles],
                        "line": {"color": [st.stroke or st.fill for st in styles], "width": 1},
                    },
                    "showlegend": False,
                    "hovertemplate": "%{y}: %{text}<extra></extra>",
                }
            ]
            yaxis = category_axis([s.label for s in self.series])
        else:
            rows = len(self.categories) * len(self.series)
            traces = [
                {
                    "type": "bar",
                    "orientation": "h",
                    "name": plotly_text(series.label),
                    "y": [plotly_text(c) for c in self.categories],
                    "x": [length(v) for v in series.values],
                    "base": lo,
                    "text": [self._value_text(fmt, v) for v in series.values],
                    "marker": {"color": style.fill, "line": {"color": style.stroke or style.fill, "width": 1}},
                    "hovertemplate": "%{y}<br>%{fullData.name}: %{text}<extra></extra>",
                }
                for series, style in zip(self.series, styles, strict=True)
            ]
            yaxis = category_axis(self.categories)
        for trace in traces:
            trace.update(textposition="outside", cliponaxis=False)
        figure = plotly_frame(fmt=fmt, height=90 + rows * 24, title=self.title)
        figure["data"] = traces
        figure["layout"].update(
            barmode="group",
            yaxis=yaxis,
            xaxis=value_axis(
                lower=lo, upper=self.scale[1] + (self.scale[1] - lo) * 0.08, ticks=self.ticks, title=self.axis_label
            ),
        )
        self._plotly_spread(figure, fmt)
        return figure

    def _plotly_spread(self, figure: dict[str, Any], fmt: NumberFormat) -> None:
        if not self._has_spread:
            return
        if self._rows_are_series:
            spans = [(0, len(self.series) - 1, self.series[0].label)]
        else:
            spans = [(index, index, category) for index, category in enumerate(self.categories)]
        shapes, xs, ys, hover = [], [], [], []
        for (first, last, label), spread in zip(spans, self.spread, strict=True):
            if spread is None:
                continue
            shapes.append(
                {
                    "type": "rect",
                    "layer": "below",
                    "xref": "x",
                    "yref": "y",
                    "x0": spread.q1,
                    "x1": spread.q3,
                    "y0": first - 0.45,
                    "y1": last + 0.45,
                    "fillcolor": SPREAD_BAND,
                    "line": {"width": 0},
                }
            )
            if len(shapes) == 1 and self.band_label:
                shapes[0].update(showlegend=True, name=plotly_text(self.band_label))
            xs.append(spread.median)
            ys.append(plotly_text(label))
            hover.append(plotly_text(self._spread_text(fmt, spread)))
        figure["layout"]["shapes"] = shapes
        figure["data"].append(
            {
                "type": "scatter",
                "mode": "markers",
                "name": plotly_text(self.median_label),
                "x": xs,
                "y": ys,
                "customdata": hover,
                "marker": {"symbol": "line-ns", "size": 22, "line": {"width": 3, "color": INK}},
                "hovertemplate": "%{customdata}<extra></extra>",
            }
        )
