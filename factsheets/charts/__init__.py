"""Charts for the factsheet and the national report: one definition, two renderings.

Each chart is a frozen dataclass of translated labels and numbers with
``to_svg(language=...)`` (lean SVG for the PDF), ``to_plotly(language=...)`` (a plotly.js
figure for the web) and ``alt_text(language=...)`` (the same numbers in words).
Shares are fractions (0.17), scores plain numbers on their scale (2.8).
"""

from .bars import BarChart
from .base import Chart, Series, Spread
from .delta import DeltaChart
from .distribution import DistributionChart, DistributionRow, priority_ranking_chart
from .embed import chart_img, chart_web, svg_data_uri
from .format import NumberFormat
from .palette import level_colours, rank_colours
from .quadrant import QuadrantChart, QuadrantPoint
from .shares import ShareChart

__all__ = [
    "BarChart",
    "Chart",
    "DeltaChart",
    "DistributionChart",
    "DistributionRow",
    "NumberFormat",
    "QuadrantChart",
    "QuadrantPoint",
    "Series",
    "ShareChart",
    "Spread",
    "chart_img",
    "chart_web",
    "level_colours",
    "priority_ranking_chart",
    "rank_colours",
    "svg_data_uri",
]
