"""Grouped horizontal bars of shares (0-100 %): focus areas this round beside the last.

Per category one bar per series (national share this round, previous round, a peer
group), and, optionally, whether the institution itself chose it: a dot in a narrow
column before the bars (filled: yes, hollow: no), explained in the legend.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .base import FONT_SIZE, WIDTH, Series, category_axis, check_lengths, plotly_frame, plotly_text, value_axis
from .format import NumberFormat
from .palette import BRAND_BLUE, SeriesStyle, series_styles
from .svg import GRID, INK, MUTED, LegendItem, Svg, circle_d, legend, line_d, rect_d, text_width, wrap

BAR = 11
BAR_GAP = 2
GROUP_GAP = 10
OWN_COLUMN = 18
VALUE_SPACE = 40
TICKS = (0, 0.25, 0.5, 0.75, 1)


@dataclass(frozen=True, slots=True)
class ShareChart:
    """Shares (fractions 0..1) per category and series, with the institution's own yes/no.

    ``own`` holds True/False/None per category (None: not asked); ``own_yes_label`` and
    ``own_no_label`` explain the dots ("Gekozen door uw instelling", "Niet gekozen").
    """

    title: str
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    own: tuple[bool | None, ...] | None = None
    own_yes_label: str = ""
    own_no_label: str = ""
    missing_label: str = "–"

    def __post_init__(self) -> None:
        for name in ("categories", "series", "own"):
            value = getattr(self, name)
            if value is not None:
                object.__setattr__(self, name, tuple(value))
        if not self.categories or not self.series:
            raise ValueError("A share chart needs at least one category and one series.")
        for series in self.series:
            check_lengths(f"Series {series.label!r}", len(self.categories), series.values)
            if any(v is not None and not 0 <= v <= 1 for v in series.values):
                raise ValueError(f"Series {series.label!r}: shares are fractions between 0 and 1.")
        check_lengths("own", len(self.categories), self.own)

    def _styles(self) -> list[SeriesStyle]:
        return series_styles([series.role for series in self.series])

    def _value_text(self, fmt: NumberFormat, value: float | None) -> str:
        return self.missing_label if value is None else fmt.percent(value)

    def _own_text(self, index: int) -> str:
        if self.own is None or self.own[index] is None:
            return ""
        return self.own_yes_label if self.own[index] else self.own_no_label

    def alt_text(self, *, language: str = "nl") -> str:
        fmt = NumberFormat(language)
        parts = []
        for index, category in enumerate(self.categories):
            values = ", ".join(f"{s.label} {self._value_text(fmt, s.values[index])}" for s in self.series)
            own = self._own_text(index)
            parts.append(f"{category}: {values}" + (f"; {own}" if own else ""))
        return f"{self.title}. " + ". ".join(parts) + "."

    def to_svg(self, *, language: str = "nl", id_prefix: str = "") -> str:
        fmt = NumberFormat(language)
        styles = self._styles()
        svg = Svg(WIDTH, title=self.title, desc=self.alt_text(language=language), font_size=FONT_SIZE)
        label_width = min(max(text_width(c, FONT_SIZE) for c in self.categories), WIDTH * 0.36) + 4
        own_x = label_width + 6 + OWN_COLUMN / 2
        x0 = label_width + 8 + (OWN_COLUMN if self.own else 0)
        x1 = WIDTH - VALUE_SPACE

        def x_of(share: float) -> float:
            return x0 + share * (x1 - x0)

        items = [LegendItem(s.label, st.fill, st.stroke) for s, st in zip(self.series, styles, strict=True)]
        if self.own:
            items += [LegendItem(self.own_yes_label, BRAND_BLUE, mark="dot")]
            if self.own_no_label:
                items += [LegendItem(self.own_no_label, "#ffffff", BRAND_BLUE, mark="dot")]
        y = top = legend(svg, items, x=0, y=2, size=FONT_SIZE - 0.5)
        group_height = len(self.series) * BAR + (len(self.series) - 1) * BAR_GAP
        bars: list[list[str]] = [[] for _ in self.series]
        yes_dots, no_dots = [], []
        for index, category in enumerate(self.categories):
            lines = wrap(category, label_width, FONT_SIZE)
            first = y + group_height / 2 - (len(lines) - 1) * 7 + 4
            for number, line in enumerate(lines):
                svg.text(label_width, first + number * 14, line, anchor="end")
            if self.own and self.own[index] is not None:
                (yes_dots if self.own[index] else no_dots).append(circle_d(own_x, y + group_height / 2, 4.5))
            for number, series in enumerate(self.series):
                bar_y = y + number * (BAR + BAR_GAP)
                value = series.values[index]
                if value is not None:
                    bars[number].append(rect_d(x0, bar_y, x_of(value) - x0, BAR))
                weight = 600 if number == 0 else 400
                fill = MUTED if value is None else None
                svg.text(
                    x_of(value or 0) + 4,
                    bar_y + BAR - 1.5,
                    self._value_text(fmt, value),
                    size=FONT_SIZE - 1,
                    weight=weight,
                    fill=fill,
                )
            y += max(group_height, len(lines) * 14 - 2) + GROUP_GAP
        bottom = y - GROUP_GAP + 4
        svg.path("".join(line_d(x_of(t), top - 2, x_of(t), bottom) for t in TICKS), stroke=GRID)
        for style, paths in zip(styles, bars, strict=True):
            svg.path("".join(paths), fill=style.fill, stroke=style.stroke)
        svg.path("".join(yes_dots), fill=BRAND_BLUE)
        svg.path("".join(no_dots), fill="#ffffff", stroke=BRAND_BLUE, stroke_width=1.5)
        for tick in TICKS:
            svg.text(x_of(tick), bottom + 14, fmt.percent(tick), anchor="middle", fill=MUTED, size=FONT_SIZE - 1)
        svg.height = bottom + 20
        return svg.render(id_prefix=id_prefix)

    def to_plotly(self, *, language: str = "nl") -> dict[str, Any]:
        fmt = NumberFormat(language)
        categories = [plotly_text(c) for c in self.categories]
        figure = plotly_frame(fmt=fmt, height=100 + len(self.categories) * len(self.series) * 20, title=self.title)
        for series, style in zip(self.series, self._styles(), strict=True):
            figure["data"].append(
                {
                    "type": "bar",
                    "orientation": "h",
                    "name": plotly_text(series.label),
                    "y": categories,
                    "x": list(series.values),
                    "text": [self._value_text(fmt, v) for v in series.values],
                    "textposition": "outside",
                    "cliponaxis": False,
                    "marker": {"color": style.fill, "line": {"color": style.stroke or style.fill, "width": 1}},
                    "hovertemplate": "%{y}<br>%{fullData.name}: %{text}<extra></extra>",
                }
            )
        if self.own:
            shown = [(c, own) for c, own in zip(categories, self.own, strict=True) if own is not None]
            figure["data"].append(
                {
                    "type": "scatter",
                    "mode": "markers",
                    "name": plotly_text(self.own_yes_label),
                    "y": [c for c, _ in shown],
                    "x": [-0.04] * len(shown),
                    "customdata": [plotly_text(self.own_yes_label if own else self.own_no_label) for _, own in shown],
                    "marker": {
                        "symbol": ["circle" if own else "circle-open" for _, own in shown],
                        "size": 11,
                        "color": BRAND_BLUE,
                        "line": {"color": BRAND_BLUE, "width": 1.5},
                    },
                    "cliponaxis": False,
                    "hovertemplate": "%{y}: %{customdata}<extra></extra>",
                }
            )
        figure["layout"].update(
            barmode="group",
            yaxis=category_axis(self.categories),
            xaxis=value_axis(lower=-0.07 if self.own else 0, upper=1.08, ticks=TICKS, percent=True),
        )
        figure["layout"]["font"]["color"] = INK
        return figure
