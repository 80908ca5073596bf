"""What every chart shares: series, the chart protocol, the plotly page frame.

A chart is a small frozen dataclass holding already translated labels and plain
numbers. It knows two renderings of itself:

* ``to_svg(language=...)``: a lean standalone SVG for the PDF (WeasyPrint) and for
  pages without JavaScript;
* ``to_plotly(language=...)``: a plotly.js figure ``{"data", "layout", "config"}``
  for the web page, embedded with ``json_script`` and drawn by static/js/charts.js;

plus ``alt_text(language=...)``, the same numbers in words. All three read the same
fields, so the web page and the PDF can never disagree.
"""

from __future__ import annotations

import html
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from .format import NumberFormat
from .palette import Role
from .svg import FONT_FAMILY, GRID, INK, MUTED

WIDTH = 640  # px: the text width of an A4 page with 20 mm margins is 643 px
FONT_SIZE = 11.5


class Chart(Protocol):
    title: str

    def to_svg(self, *, language: str = "nl") -> str: ...

    def to_plotly(self, *, language: str = "nl") -> dict[str, Any]: ...

    def alt_text(self, *, language: str = "nl") -> str: ...


@dataclass(frozen=True, slots=True)
class Series:
    """One series of values, one value per category (None: not shown, e.g. a group too small)."""

    label: str
    values: tuple[float | None, ...]
    role: Role = "other"

    def __post_init__(self) -> None:
        object.__setattr__(self, "values", tuple(self.values))
        for value in self.values:
            if value is not None and not math.isfinite(value):
                raise ValueError(f"Series {self.label!r} holds a value that is not a finite number: {value!r}.")


@dataclass(frozen=True, slots=True)
class Spread:
    """The national spread of one category: first quartile, median, third quartile."""

    q1: float
    median: float
    q3: float

    def __post_init__(self) -> None:
        if not self.q1 <= self.median <= self.q3:
            raise ValueError(f"Quartiles out of order: {self.q1} <= {self.median} <= {self.q3} does not hold.")


def check_lengths(name: str, expected: int, values: Sequence[object] | None) -> None:
    if values is not None and len(values) != expected:
        raise ValueError(f"{name} has {len(values)} entries, the chart has {expected} categories.")


def plotly_text(value: str) -> str:
    """A label as plotly.js shows it literally.

    plotly.js reads a small HTML subset in every text (``<b>``, ``<br>``, ``<a href>``),
    so a label typed as ``<a href=…>`` would become a link. Escaping ``<``, ``>`` and ``&``
    turns it back into plain text (plotly.js decodes those entities when drawing; it would
    print ``&quot;`` as is, and without ``<`` a quote cannot open anything).
    """
    return html.escape(value, quote=False)


def plotly_frame(*, fmt: NumberFormat, height: float, title: str, margin_left: float = 10) -> dict[str, Any]:
    """The layout and config every chart's figure starts from."""
    layout = {
        "height": round(height),
        "margin": {"l": round(margin_left), "r": 24, "t": 36, "b": 40},
        "font": {"family": FONT_FAMILY, "size": 13, "color": INK},
        "separators": fmt.plotly_separators,
        "paper_bgcolor": "#ffffff",
        "plot_bgcolor": "#ffffff",
        "hoverlabel": {"font": {"family": FONT_FAMILY}},
        "legend": {"orientation": "h", "x": 0, "y": 1.02, "yanchor": "bottom", "traceorder": "normal"},
        "meta": {"title": plotly_text(title)},
    }
    config = {"displaylogo": False, "responsive": True, "modeBarButtonsToRemove": ["select2d", "lasso2d"]}
    return {"data": [], "layout": layout, "config": config}


def value_axis(*, lower: float, upper: float, ticks: Sequence[float], title: str = "", percent: bool = False) -> dict:
    axis: dict[str, Any] = {
        "range": [lower, upper],
        "tickvals": list(ticks),
        "gridcolor": GRID,
        "zeroline": False,
        "fixedrange": True,
        "tickfont": {"color": MUTED},
    }
    if percent:
        axis["tickformat"] = ".0%"
    if title:
        axis["title"] = {"text": plotly_text(title), "font": {"color": MUTED}}
    return axis


def category_axis(labels: Sequence[str]) -> dict:
    return {
        "type": "category",
        "categoryorder": "array",
        "categoryarray": [plotly_text(label) for label in labels],
        "autorange": "reversed",
        "fixedrange": True,
        "automargin": True,
        "ticks": "",
    }
