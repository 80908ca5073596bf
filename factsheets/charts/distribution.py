"""100 % stacked bars: how institutions spread over ordered levels (or ranks).

One row per statement (or per year, per group), segments from level 1 (light) to
the highest level (dark), each labelled with its share when it fits. The
institution's own level is outlined and pointed at from above. The same chart
with the green rank palette shows the priority ranking: per block, the share that
put it first, second, … (``priority_ranking_chart``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Literal

from .base import FONT_SIZE, WIDTH, category_axis, plotly_frame, plotly_text, value_axis
from .format import NumberFormat
from .palette import level_colours, rank_colours, text_colour_on
from .svg import INK, MUTED, LegendItem, Svg, legend, num, rect_d, text_width, wrap

BAR = 16
ROW_GAP = 8
MARKER_SPACE = 8
SEGMENT_GAP = 1.5
PLOTLY_LABEL_SHARE = 0.06


@dataclass(frozen=True, slots=True)
class DistributionRow:
    """One stacked bar: shares per level as fractions summing to 1 (None: withheld).

    ``marker`` is the institution's own level (1-based), outlined on the bar.
    """

    label: str
    shares: tuple[float, ...] | None
    counts: tuple[int, ...] | None = None
    marker: int | None = None

    def __post_init__(self) -> None:
        if self.shares is not None:
            object.__setattr__(self, "shares", tuple(self.shares))
            if any(share < 0 or share > 1 or not math.isfinite(share) for share in self.shares):
                raise ValueError(f"Row {self.label!r}: shares are fractions between 0 and 1, got {self.shares}.")
            total = sum(self.shares)
            if total and abs(total - 1) > 0.011:
                raise ValueError(f"Row {self.label!r}: shares add up to {total:.3f}, not 1.")
        if self.counts is not None:
            object.__setattr__(self, "counts", tuple(self.counts))

    @classmethod
    def from_counts(cls, label: str, counts: tuple[int, ...], *, marker: int | None = None) -> DistributionRow:
        total = sum(counts)
        shares = tuple(count / total for count in counts) if total else None
        return cls(label=label, shares=shares, counts=tuple(counts), marker=marker)


@dataclass(frozen=True, slots=True)
class DistributionChart:
    """Rows of 100 % stacked bars over ``len(level_labels)`` ordered levels.

    ``level_labels`` name the segments ("1", "Niveau 1", "1e plaats", or the level
    sentences); ``marker_label`` names the outline ("Uw niveau"). With
    ``show_legend=False`` (the factsheet prints the level sentences beside the bar
    with matching swatches from ``palette.level_colours``) a marker is labelled in place,
    unless ``label_marker=False`` (the page marks the own level in its own words; each
    label costs PDF rendering time, 38 of them a noticeable share).
    """

    title: str
    rows: tuple[DistributionRow, ...]
    level_labels: tuple[str, ...]
    marker_label: str = ""
    missing_label: str = "–"
    show_legend: bool = True
    label_marker: bool = True
    show_values: bool = True
    palette: Literal["levels", "ranks"] = "levels"

    def __post_init__(self) -> None:
        object.__setattr__(self, "rows", tuple(self.rows))
        object.__setattr__(self, "level_labels", tuple(self.level_labels))
        if not self.rows:
            raise ValueError("A distribution chart needs at least one row.")
        levels = len(self.level_labels)
        for row in self.rows:
            for name in ("shares", "counts"):
                values = getattr(row, name)
                if values is not None and len(values) != levels:
                    raise ValueError(f"Row {row.label!r} has {len(values)} {name}, the chart has {levels} levels.")
            if row.marker is not None and not 1 <= row.marker <= levels:
                raise ValueError(f"Row {row.label!r}: marker {row.marker} is not a level between 1 and {levels}.")

    def colours(self) -> list[str]:
        count = len(self.level_labels)
        return rank_colours(count) if self.palette == "ranks" else level_colours(count)

    def _share_text(self, fmt: NumberFormat, row: DistributionRow, level: int) -> str:
        text = fmt.percent(row.shares[level]) if row.shares else self.missing_label
        if row.counts is not None:
            text += f" ({fmt.integer(row.counts[level])})"
        return text

    def alt_text(self, *, language: str = "nl") -> str:
        fmt = NumberFormat(language)
        parts = []
        for row in self.rows:
            if row.shares is None:
                parts.append(f"{row.label}: {self.missing_label}".strip(": "))
                continue
            shares = ", ".join(
                f"{label} {self._share_text(fmt, row, level)}" for level, label in enumerate(self.level_labels)
            )
            text = f"{row.label}: {shares}" if row.label else shares
            if row.marker is not None:
                text += f"; {self.marker_label}: {self.level_labels[row.marker - 1]}"
            parts.append(text)
        return f"{self.title}. " + ". ".join(parts) + "."

    # -- SVG ------------------------------------------------------------------
    def to_svg(self, *, language: str = "nl", id_prefix: str = "") -> str:
        fmt = NumberFormat(language)
        colours = self.colours()
        svg = Svg(WIDTH, title=self.title, desc=self.alt_text(language=language), font_size=FONT_SIZE)
        labels = [row.label for row in self.rows]
        label_width = min(max(text_width(label, FONT_SIZE) for label in labels), WIDTH * 0.3) if any(labels) else 0
        x0 = label_width + 10 if label_width else 0
        bar_width = WIDTH - x0 - 1
        marked = any(row.marker is not None for row in self.rows)
        in_place = marked and bool(self.marker_label) and not self.show_legend and self.label_marker
        marker_space = MARKER_SPACE + (5 if in_place else 0)
        y = 2
        if self.show_legend:
            items = [LegendItem(label, colour) for label, colour in zip(self.level_labels, colours, strict=True)]
            if marked and self.marker_label:
                items.append(LegendItem(self.marker_label, stroke=INK))
            y = legend(svg, items, x=x0, y=2, size=FONT_SIZE - 0.5)
        segments: list[list[str]] = [[] for _ in colours]
        markers = []
        for row in self.rows:
            if marked:
                y += marker_space
            if row.label:
                lines = wrap(row.label, label_width, FONT_SIZE)
                for number, line in enumerate(lines):
                    svg.text(label_width, y + BAR / 2 + 4 - (len(lines) - 1) * 7 + number * 14, line, anchor="end")
            if row.shares is None:
                svg.text(x0 + 4, y + BAR / 2 + 4, self.missing_label, fill=MUTED)
                y += BAR + ROW_GAP
                continue
            x = x0
            for level, share in enumerate(row.shares):
                width = share * bar_width
                gap = SEGMENT_GAP if x + width < x0 + bar_width - 0.5 else 0
                segments[level].append(rect_d(x, y, width - gap, BAR))
                label = fmt.percent(share)
                if self.show_values and share > 0 and text_width(label, FONT_SIZE - 0.5) + 6 <= width - gap:
                    colour = text_colour_on(colours[level])
                    svg.text(
                        x + (width - gap) / 2,
                        y + BAR / 2 + 4,
                        label,
                        anchor="middle",
                        size=FONT_SIZE - 0.5,
                        fill=None if colour == INK else colour,
                    )
                if row.marker == level + 1:
                    markers.append(_marker_d(x, y, max(width - gap, 0)))
                    centre = x + max(width - gap, 0) / 2
                    if in_place:
                        svg.text(centre + 8, y - 2.5, self.marker_label, size=FONT_SIZE - 1.5, fill=MUTED)
                x += width
            y += BAR + ROW_GAP
        for colour, parts in zip(colours, segments, strict=True):
            svg.path("".join(parts), fill=colour)
        svg.path("".join(markers), fill=INK, evenodd=True)
        svg.height = y - ROW_GAP + 3
        return svg.render(id_prefix=id_prefix)

    # -- plotly ---------------------------------------------------------------
    def to_plotly(self, *, language: str = "nl") -> dict[str, Any]:
        fmt = NumberFormat(language)
        colours = self.colours()
        labels = [plotly_text(row.label) for row in self.rows]
        figure = plotly_frame(fmt=fmt, height=100 + len(self.rows) * 34, title=self.title)
        for level, (name, colour) in enumerate(zip(self.level_labels, colours, strict=True)):
            figure["data"].append(
                {
                    "type": "bar",
                    "orientation": "h",
                    "name": plotly_text(name),
                    "y": labels,
                    "x": [row.shares[level] if row.shares else None for row in self.rows],
                    # A share too narrow for its label gets none (the hover still tells it), rather
                    # than a label plotly turns on its side or shrinks to nothing.
                    "text": [
                        fmt.percent(row.shares[level]) if row.shares and row.shares[level] >= PLOTLY_LABEL_SHARE else ""
                        for row in self.rows
                    ],
                    "customdata": [self._share_text(fmt, row, level) for row in self.rows],
                    "textposition": "inside",
                    "textangle": 0,
                    "insidetextanchor": "middle",
                    "textfont": {"color": text_colour_on(colour)},
                    "marker": {"color": colour, "line": {"color": "#ffffff", "width": 1}},
                    "hovertemplate": "%{y}<br>%{fullData.name}: %{customdata}<extra></extra>",
                }
            )
        shapes = []
        for index, row in enumerate(self.rows):
            if row.marker is None or row.shares is None:
                continue
            start = sum(row.shares[: row.marker - 1])
            shape = {
                "type": "rect",
                "xref": "x",
                "yref": "y",
                "x0": start,
                "x1": start + row.shares[row.marker - 1],
                "y0": index - 0.42,
                "y1": index + 0.42,
                "line": {"color": INK, "width": 2.5},
                "fillcolor": "rgba(0,0,0,0)",
            }
            if not shapes and self.marker_label:
                shape.update(showlegend=True, name=plotly_text(self.marker_label))
            shapes.append(shape)
        yaxis = category_axis([row.label for row in self.rows])
        if not any(row.label for row in self.rows):
            yaxis["showticklabels"] = False
        figure["layout"].update(
            barmode="stack",
            shapes=shapes,
            yaxis=yaxis,
            xaxis=value_axis(lower=0, upper=1, ticks=(0, 0.25, 0.5, 0.75, 1), percent=True),
        )
        return figure


def _marker_d(x: float, y: float, width: float) -> str:
    """A 2 px frame around the own segment and a pointer above it, as one even-odd filled path."""
    outer = rect_d(x - 2, y - 2, width + 4, BAR + 4)
    inner = rect_d(x, y, width, BAR) if width > 0 else ""
    centre = x + width / 2
    return f"{outer}{inner}M{num(centre - 5)} {num(y - 8)}h10l-5 5.5z"


def priority_ranking_chart(
    *,
    title: str,
    blocks: tuple[str, ...],
    rank_shares: tuple[tuple[float, ...], ...],
    rank_labels: tuple[str, ...],
    own_ranks: tuple[int | None, ...] | None = None,
    marker_label: str = "",
) -> DistributionChart:
    """Per block the share of institutions that ranked it 1st, 2nd, …; the own rank outlined."""
    own_ranks = own_ranks or (None,) * len(blocks)
    rows = tuple(
        DistributionRow(label=block, shares=shares, marker=rank)
        for block, shares, rank in zip(blocks, rank_shares, own_ranks, strict=True)
    )
    return DistributionChart(
        title=title, rows=rows, level_labels=rank_labels, marker_label=marker_label, palette="ranks"
    )
