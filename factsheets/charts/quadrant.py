"""Priority versus score: where a block is urgent for the institution but still weak.

x is the priority (the share that ranked the block in its top 3, or a mean rank with
``x_reversed`` so that "more urgent" is always to the right), y the block score. The
quadrant right of ``x_split`` and below ``y_split`` ("hoge prioriteit, lage score") is
shaded and its points are drawn in orange as well as blue, so they stand out in
greyscale by shape too (a square instead of a circle).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .base import FONT_SIZE, WIDTH, plotly_frame, plotly_text, value_axis
from .format import NumberFormat
from .palette import BRAND_BLUE, HIGHLIGHT_AREA, HIGHLIGHT_POINT
from .svg import GRID, INK, MUTED, Svg, circle_d, line_d, rect_d, text_width

HEIGHT = 330
PAD_LEFT, PAD_RIGHT, PAD_TOP, PAD_BOTTOM = 46, 16, 24, 40


LABEL_PLACES = (
    "middle right",
    "top center",
    "bottom center",
    "middle left",
    "top right",
    "bottom right",
    "top left",
    "bottom left",
)
LABEL_GAP, DOT_RADIUS = 8, 6
CORNER_GAP = 4  # a label beside a corner of its point starts closer to it than one beside an edge


def label_box(place: str, x: float, y: float, width: float, height: float) -> tuple[float, float, float, float]:
    """The box (x0, y0, x1, y1, y pointing down) of a label at `place` next to the point (x, y)."""
    vertical, horizontal = place.split()
    if horizontal == "center":
        x0 = x - width / 2
    elif vertical == "middle":
        x0 = x + LABEL_GAP if horizontal == "right" else x - LABEL_GAP - width
    else:
        x0 = x + CORNER_GAP if horizontal == "right" else x - CORNER_GAP - width
    if vertical == "middle":
        y0 = y - height / 2
    elif horizontal == "center":
        y0 = y - LABEL_GAP + 1 - height if vertical == "top" else y + LABEL_GAP - 1
    else:
        y0 = y - CORNER_GAP - height if vertical == "top" else y + CORNER_GAP
    return x0, y0, x0 + width, y0 + height


def place_labels(
    centres: list[tuple[float, float]], widths: list[float], *, height: float, left: float, right: float
) -> list[str]:
    """Where each point's label goes, chosen greedily from left to right: the first of right, above,
    below, left and the four corners of the point that runs into no label placed before, no other
    point and not out of the plot between `left` and `right` (screen coordinates, y pointing down);
    failing that, the one that overlaps least. The PDF chart places its labels with it, the web
    chart with the same steps in static/js/charts.js on the chart as drawn."""

    def overlap(a: tuple[float, ...], b: tuple[float, ...]) -> float:
        return max(0.0, min(a[2], b[2]) - max(a[0], b[0])) * max(0.0, min(a[3], b[3]) - max(a[1], b[1]))

    dots = [(x - DOT_RADIUS, y - DOT_RADIUS, x + DOT_RADIUS, y + DOT_RADIUS) for x, y in centres]
    placed: list[tuple[float, ...]] = []
    places = [LABEL_PLACES[0]] * len(centres)
    for index in sorted(range(len(centres)), key=lambda i: centres[i][0]):
        boxes = {place: label_box(place, *centres[index], widths[index], height) for place in LABEL_PLACES}

        def cost(box: tuple[float, ...], index: int = index) -> float:
            outside = max(0.0, box[2] - right) + max(0.0, left - box[0])
            crowding = sum(overlap(box, other) for other in placed)
            crowding += sum(overlap(box, dot) for i, dot in enumerate(dots) if i != index)
            return crowding + outside * height

        places[index] = min(LABEL_PLACES, key=lambda place: cost(boxes[place]))  # the first of equals wins
        placed.append(boxes[places[index]])
    return places


@dataclass(frozen=True, slots=True)
class QuadrantPoint:
    """A labelled point; `flagged` says whether it is "high priority, low score" when the figures
    decided that (factsheets/aggregation/priorities.py), else its place in the quadrant does."""

    label: str
    x: float
    y: float
    flagged: bool | None = None


@dataclass(frozen=True, slots=True)
class QuadrantChart:
    """Labelled points on two axes with the "high priority, low score" quadrant marked."""

    title: str
    points: tuple[QuadrantPoint, ...]
    x_label: str
    y_label: str
    x_range: tuple[float, float]
    y_range: tuple[float, float] = (1, 4)
    x_split: float = 0.5
    y_split: float = 2.5
    quadrant_label: str = ""
    x_reversed: bool = False
    x_percent: bool = False
    decimals: int = 1

    def __post_init__(self) -> None:
        object.__setattr__(self, "points", tuple(self.points))
        object.__setattr__(self, "x_range", tuple(self.x_range))
        object.__setattr__(self, "y_range", tuple(self.y_range))
        if self.x_range[0] >= self.x_range[1] or self.y_range[0] >= self.y_range[1]:
            raise ValueError("Empty axis range.")

    def highlighted(self, point: QuadrantPoint) -> bool:
        if point.flagged is not None:
            return point.flagged
        urgent = point.x < self.x_split if self.x_reversed else point.x > self.x_split
        return urgent and point.y < self.y_split

    def _x_text(self, fmt: NumberFormat, value: float) -> str:
        return fmt.percent(value) if self.x_percent else fmt.decimal(value, self.decimals)

    def alt_text(self, *, language: str = "nl") -> str:
        fmt = NumberFormat(language)
        parts = [
            f"{p.label}: {self.x_label} {self._x_text(fmt, p.x)}, {self.y_label} {fmt.decimal(p.y, self.decimals)}"
            for p in self.points
        ]
        flagged = [p.label for p in self.points if self.highlighted(p)]
        text = f"{self.title}. " + ". ".join(parts) + "."
        if self.quadrant_label:
            text += f" {self.quadrant_label}: {', '.join(flagged) if flagged else '–'}."
        return text

    def _ticks(self, lo: float, hi: float, count: int = 4) -> list[float]:
        return [lo + (hi - lo) * i / count for i in range(count + 1)]

    def to_svg(self, *, language: str = "nl", id_prefix: str = "") -> str:
        fmt = NumberFormat(language)
        svg = Svg(WIDTH, title=self.title, desc=self.alt_text(language=language), font_size=FONT_SIZE)
        left, right = PAD_LEFT, WIDTH - PAD_RIGHT
        top, bottom = PAD_TOP, HEIGHT - PAD_BOTTOM
        (xlo, xhi), (ylo, yhi) = self.x_range, self.y_range

        def x_of(value: float) -> float:
            share = (value - xlo) / (xhi - xlo)
            return left + (1 - share if self.x_reversed else share) * (right - left)

        def y_of(value: float) -> float:
            return bottom - (value - ylo) / (yhi - ylo) * (bottom - top)

        split_x, split_y = x_of(self.x_split), y_of(self.y_split)
        svg.path(rect_d(split_x, split_y, right - split_x, bottom - split_y), fill=HIGHLIGHT_AREA)
        if self.quadrant_label:
            svg.text(right - 6, bottom - 8, self.quadrant_label, anchor="end", weight=600, fill="#8a4500")
        x_ticks, y_ticks = self._ticks(xlo, xhi), self._ticks(ylo, yhi, int(yhi - ylo) if yhi - ylo <= 6 else 4)
        grid = "".join(line_d(x_of(t), top, x_of(t), bottom) for t in x_ticks)
        grid += "".join(line_d(left, y_of(t), right, y_of(t)) for t in y_ticks)
        svg.path(grid, stroke=GRID)
        svg.path(
            line_d(split_x, top, split_x, bottom) + line_d(left, split_y, right, split_y),
            stroke=MUTED,
            stroke_width=1.2,
        )
        for tick in x_ticks:
            svg.text(x_of(tick), bottom + 15, self._x_text(fmt, tick), anchor="middle", fill=MUTED, size=FONT_SIZE - 1)
        for tick in y_ticks:
            svg.text(
                left - 6,
                y_of(tick) + 4,
                fmt.decimal(tick, 0 if float(tick).is_integer() else 1),
                anchor="end",
                fill=MUTED,
                size=FONT_SIZE - 1,
            )
        svg.text(right, bottom + 32, self.x_label + (" →" if self.x_label else ""), anchor="end", fill=MUTED)
        svg.text(left, top - 10, ("↑ " if self.y_label else "") + self.y_label, fill=MUTED)

        normal, flagged = [], []
        centres = [(x_of(point.x), y_of(point.y)) for point in self.points]
        widths = [text_width(point.label, FONT_SIZE - 0.5) for point in self.points]
        places = place_labels(centres, widths, height=FONT_SIZE, left=left, right=right)
        for point, (px, py), width, place in zip(self.points, centres, widths, places, strict=True):
            if self.highlighted(point):
                flagged.append(rect_d(px - 4.5, py - 4.5, 9, 9))
            else:
                normal.append(circle_d(px, py, 4.5))
            x0, _, _, y1 = label_box(place, px, py, width, FONT_SIZE)
            svg.text(x0, y1 - 2.5, point.label, size=FONT_SIZE - 0.5)  # baseline a little above the box's foot
        svg.path("".join(normal), fill=BRAND_BLUE)
        svg.path("".join(flagged), fill=HIGHLIGHT_POINT, stroke=INK, stroke_width=0.8)
        svg.height = HEIGHT
        return svg.render(id_prefix=id_prefix)

    def _plotly_places(self, width: float = 900, height: float = 380) -> list[str]:
        """The labels' places on a plot of about `width` × `height` px (a desktop page)."""
        (xlo, xhi), (ylo, yhi) = self.x_range, self.y_range
        centres = []
        for point in self.points:
            share = (point.x - xlo) / (xhi - xlo)
            x = (1 - share if self.x_reversed else share) * width
            centres.append((x, (yhi - point.y) / (yhi - ylo) * height))
        widths = [text_width(point.label, 13) for point in self.points]
        return place_labels(centres, widths, height=16, left=0, right=width)

    def to_plotly(self, *, language: str = "nl") -> dict[str, Any]:
        fmt = NumberFormat(language)
        figure = plotly_frame(fmt=fmt, height=460, title=self.title, margin_left=50)
        flags = [self.highlighted(p) for p in self.points]
        figure["data"].append(
            {
                "type": "scatter",
                "mode": "markers+text",
                "x": [p.x for p in self.points],
                "y": [p.y for p in self.points],
                "text": [plotly_text(p.label) for p in self.points],
                "customdata": [
                    f"{plotly_text(self.x_label)}: {self._x_text(fmt, p.x)}<br>"
                    f"{plotly_text(self.y_label)}: {fmt.decimal(p.y, self.decimals)}"
                    for p in self.points
                ],
                "textposition": self._plotly_places(),
                "marker": {
                    "size": 11,
                    "symbol": ["square" if flag else "circle" for flag in flags],
                    "color": [HIGHLIGHT_POINT if flag else BRAND_BLUE for flag in flags],
                    "line": {"color": INK, "width": [1 if flag else 0 for flag in flags]},
                },
                "showlegend": False,
                "hovertemplate": "<b>%{text}</b><br>%{customdata}<extra></extra>",
            }
        )
        (xlo, xhi), (ylo, yhi) = self.x_range, self.y_range
        x_far = xlo if self.x_reversed else xhi
        figure["layout"].update(
            xaxis=value_axis(
                lower=xlo, upper=xhi, ticks=self._ticks(xlo, xhi), title=self.x_label, percent=self.x_percent
            ),
            yaxis=value_axis(lower=ylo, upper=yhi, ticks=self._ticks(ylo, yhi, int(yhi - ylo)), title=self.y_label),
            shapes=[
                {
                    "type": "rect",
                    "layer": "below",
                    "x0": self.x_split,
                    "x1": x_far,
                    "y0": ylo,
                    "y1": self.y_split,
                    "fillcolor": HIGHLIGHT_AREA,
                    "line": {"width": 0},
                },
                {
                    "type": "line",
                    "x0": self.x_split,
                    "x1": self.x_split,
                    "y0": ylo,
                    "y1": yhi,
                    "line": {"color": MUTED},
                },
                {
                    "type": "line",
                    "x0": xlo,
                    "x1": xhi,
                    "y0": self.y_split,
                    "y1": self.y_split,
                    "line": {"color": MUTED},
                },
            ],
            annotations=[
                {
                    "x": x_far,
                    "y": ylo,
                    "xanchor": "right",  # the far corner is on the right, reversed axis or not
                    "yanchor": "bottom",
                    "text": f"<b>{plotly_text(self.quadrant_label)}</b>",
                    "showarrow": False,
                    "font": {"color": "#8a4500"},
                }
            ]
            if self.quadrant_label
            else [],
        )
        if self.x_reversed:
            figure["layout"]["xaxis"]["autorange"] = "reversed"
            figure["layout"]["xaxis"].pop("range")
            figure["layout"]["xaxis"]["range"] = [xhi, xlo]
        return figure
