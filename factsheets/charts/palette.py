"""Colours of the charts: colour-blind safe, readable in greyscale, with enough contrast.

Series are told apart by more than hue: the institution is the dark brand blue, the
national figure a mid grey, the previous round an outlined light bar and the peer
group orange (blue/orange survive every common colour-vision deficiency). Ordered
categories (levels 1-4, ranks 1-8) use one hue from light to dark, so their order
reads in greyscale too. Every value is also printed as text.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from .svg import INK

BRAND_BLUE = "#00528c"
WHITE = "#ffffff"

Role = Literal["own", "national", "previous", "peer", "other"]


@dataclass(frozen=True, slots=True)
class SeriesStyle:
    fill: str
    stroke: str | None = None

    @property
    def label_colour(self) -> str:
        """Text drawn on top of this fill: white or ink, whichever contrasts more."""
        return text_colour_on(self.fill)


SERIES_STYLES: dict[str, SeriesStyle] = {
    "own": SeriesStyle(BRAND_BLUE),
    "national": SeriesStyle("#7b8794"),
    "previous": SeriesStyle("#cfe0f1", stroke=BRAND_BLUE),
    "peer": SeriesStyle("#b85c00"),
}
# Further series ("other") take these in turn: Okabe-Ito bluish green and reddish purple.
OTHER_STYLES = (SeriesStyle("#007a5e"), SeriesStyle("#a8457f"), SeriesStyle("#5f4b8b"))

# Chosen by luminance (0.83, 0.55, 0.30, 0.08) so the levels stay apart in greyscale and
# every one carries ink or white text at 4.5:1 or more (tests/factsheets/test_charts.py).
LEVEL_COLOURS = ("#e1edf5", "#abc7dc", "#6a9bbd", BRAND_BLUE)
# Ranks: the top three in green (the 2021 report's green bar is the share that put a
# block first), dark to light, the rest in light greys: eight shades of one hue cannot be
# told apart, and what a board asks is which blocks others put on top.
RANK_COLOURS = ("#145c32", "#2d7d4c", "#8fc7a3", "#c3c9d1", "#cdd2d8", "#d6dadf", "#e0e3e7", "#eaecef")
SPREAD_BAND = "#e3e7eb"
HIGHLIGHT_AREA = "#fcefdc"
HIGHLIGHT_POINT = "#b85c00"


def series_styles(roles: list[str]) -> list[SeriesStyle]:
    styles, others = [], iter(OTHER_STYLES * 4)
    for role in roles:
        styles.append(SERIES_STYLES.get(role) or next(others))
    return styles


def level_colours(count: int = 4) -> list[str]:
    """Colours of levels 1..count (light to dark): for HTML swatches beside the level sentences."""
    return _spread(LEVEL_COLOURS, count)


def rank_colours(count: int = 8) -> list[str]:
    """Colours of ranks 1..count: rank 1 darkest, as the most important."""
    if count > len(RANK_COLOURS):
        raise ValueError(f"At most {len(RANK_COLOURS)} ranks can be told apart, got {count}.")
    return list(RANK_COLOURS[:count])


def _spread(colours: tuple[str, ...], count: int) -> list[str]:
    """`count` colours taken evenly from an ordered list, keeping both ends."""
    if count < 1:
        return []
    if count == 1:
        return [colours[-1]]
    if count > len(colours):
        raise ValueError(f"At most {len(colours)} ordered categories can be told apart, got {count}.")
    last = len(colours) - 1
    return [colours[round(i * last / (count - 1))] for i in range(count)]


@lru_cache(maxsize=256)
def contrast_ratio(first: str, second: str) -> float:
    """WCAG 2 contrast ratio between two #rrggbb colours."""
    lighter, darker = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def text_colour_on(fill: str) -> str:
    return WHITE if contrast_ratio(fill, WHITE) >= contrast_ratio(fill, INK) else INK


def _rgb(colour: str) -> tuple[int, int, int]:
    value = colour.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def _luminance(colour: str) -> float:
    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in _rgb(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b
