"""A small writer for lean SVG: few nodes, no filters, text measured in Python.

WeasyPrint draws every SVG node with a cost (a rectangle about 0.2 ms, a text
label 0.3-0.5 ms), so the charts merge all shapes of one colour into a single
<path> and place text with start anchors at positions measured here from the
font we ship (Source Sans 3), instead of asking the renderer to centre it.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache
from html import escape

# Quoted: "Source Sans 3" unquoted is not a valid CSS font family (a name part may not start
# with a digit), and a browser drops the whole declaration for its default font.
FONT_FAMILY = "'Source Sans 3', 'Source Sans Pro', Arial, sans-serif"
FONT_FILES = {400: "fonts/SourceSans3-Regular.ttf", 600: "fonts/SourceSans3-Semibold.ttf"}
# Average advance of Source Sans 3, in em: the fallback when the font file is missing.
_AVERAGE_ADVANCE = 0.5


def num(value: float) -> str:
    """A coordinate with at most one decimal: short SVG, exact enough at 96 dpi."""
    text = f"{value:.1f}"
    if text.endswith(".0"):
        text = text[:-2]
    return "0" if text == "-0" else text


def text_width(text: str, size: float, weight: int = 400) -> float:
    """Width of `text` set in Source Sans 3 at `size` px (kerning ignored, so slightly generous)."""
    advances, default, units_per_em = _metrics(600 if weight >= 600 else 400)
    return sum(advances.get(ord(char), default) for char in text) * size / units_per_em


@lru_cache(maxsize=2)
def _metrics(weight: int) -> tuple[dict[int, int], int, int]:
    from django.contrib.staticfiles import finders
    from fontTools.ttLib import TTFont

    path = finders.find(FONT_FILES[weight])
    if not path:
        return {}, int(_AVERAGE_ADVANCE * 1000), 1000
    font = TTFont(path, lazy=True)
    units_per_em = font["head"].unitsPerEm
    metrics = font["hmtx"].metrics
    advances = {code: metrics[glyph][0] for code, glyph in font.getBestCmap().items()}
    return advances, int(_AVERAGE_ADVANCE * units_per_em), units_per_em


def wrap(text: str, width: float, size: float, *, max_lines: int = 2, weight: int = 400) -> list[str]:
    """Break a label into at most `max_lines` lines of `width` px; the last one ends in "…" when cut."""
    words = text.split()
    lines: list[str] = []
    current = ""
    for word in words:
        candidate = f"{current} {word}".strip()
        if current and text_width(candidate, size, weight) > width:
            lines.append(current)
            current = word
        else:
            current = candidate
    if current:
        lines.append(current)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1] + "…"
    return [_ellipsize(line, width, size, weight) for line in lines] or [""]


def _ellipsize(line: str, width: float, size: float, weight: int) -> str:
    if text_width(line, size, weight) <= width:
        return line
    while line and text_width(line + "…", size, weight) > width:
        line = line[:-1]
    return line.rstrip() + "…"


class Svg:
    """Collects the nodes of one chart and writes them as a standalone, accessible SVG.

    The title and description are the chart's text alternative: WeasyPrint copies the
    <title> into the tagged PDF (or the <img alt> when the SVG is embedded as an image),
    screen readers in a browser read both through aria-labelledby.
    """

    def __init__(self, width: float, *, title: str, desc: str, font_size: float = 11) -> None:
        self.width = width
        self.height = 0.0
        self.title = title
        self.desc = desc
        self.font_size = font_size
        # Shapes are written before labels whatever the order of the calls: text stays on top.
        self._shapes: list[str] = []
        self._labels: list[str] = []

    def path(
        self,
        d: str,
        *,
        fill: str | None = None,
        stroke: str | None = None,
        stroke_width: float = 1,
        evenodd: bool = False,
    ) -> None:
        if not d:
            return
        paint = f' fill="{fill}"' if fill else ' fill="none"'
        if evenodd:
            paint += ' fill-rule="evenodd"'
        if stroke:
            paint += f' stroke="{stroke}" stroke-width="{num(stroke_width)}"'
        self._shapes.append(f'<path d="{d}"{paint}/>')

    def text(
        self,
        x: float,
        y: float,
        content: str,
        *,
        anchor: str = "start",
        size: float | None = None,
        weight: int = 400,
        fill: str | None = None,
    ) -> None:
        """Place a label; `anchor` "middle" or "end" is resolved here by measuring the text."""
        if not content:
            return
        size = size or self.font_size
        if anchor != "start":
            shift = text_width(content, size, weight)
            x -= shift / 2 if anchor == "middle" else shift
        attrs = f'x="{num(x)}" y="{num(y)}"'
        if size != self.font_size:
            attrs += f' font-size="{num(size)}"'
        if weight != 400:
            attrs += f' font-weight="{weight}"'
        if fill:
            attrs += f' fill="{fill}"'
        self._labels.append(f"<text {attrs}>{escape(content, quote=False)}</text>")

    def render(self, *, id_prefix: str = "") -> str:
        body = "".join(self._shapes) + "".join(self._labels)
        digest = hashlib.sha1(f"{self.title}\x00{self.desc}\x00{body}".encode()).hexdigest()[:10]
        ident = f"{id_prefix}chart-{digest}"
        width, height = num(self.width), num(self.height)
        # stroke-width="0" by default: nothing is stroked unless a path asks (with its own width),
        # which also spares WeasyPrint the stroke set-up for every label.
        return (
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
            f'viewBox="0 0 {width} {height}" role="img" aria-labelledby="{ident}-t {ident}-d" '
            f'font-family="{FONT_FAMILY}" font-size="{num(self.font_size)}" fill="{INK}" stroke-width="0">'
            f'<title id="{ident}-t">{escape(self.title, quote=False)}</title>'
            f'<desc id="{ident}-d">{escape(self.desc, quote=False)}</desc>'
            f"{body}</svg>"
        )


def rect_d(x: float, y: float, width: float, height: float) -> str:
    """A rectangle as a sub-path, so many rectangles of one colour share one <path>."""
    if width <= 0 or height <= 0:
        return ""
    return f"M{num(x)} {num(y)}h{num(width)}v{num(height)}h{num(-width)}z"


def circle_d(cx: float, cy: float, r: float) -> str:
    return f"M{num(cx - r)} {num(cy)}a{num(r)} {num(r)} 0 1 0 {num(2 * r)} 0a{num(r)} {num(r)} 0 1 0 {num(-2 * r)} 0z"


def line_d(x1: float, y1: float, x2: float, y2: float) -> str:
    return f"M{num(x1)} {num(y1)}L{num(x2)} {num(y2)}"


def ident_digest(*parts: object) -> str:
    return hashlib.sha1("\x00".join(map(str, parts)).encode()).hexdigest()[:10]


INK = "#1f2933"  # 14.5:1 on white
MUTED = "#52606d"  # 6.4:1 on white: axis labels and notes
GRID = "#d5dbe1"


@dataclass(frozen=True, slots=True)
class LegendItem:
    """One entry of a legend: a small mark and its label."""

    label: str
    fill: str | None = None
    stroke: str | None = None
    mark: str = "swatch"  # "swatch" (square), "tick" (vertical line), "dot" (circle)


def legend(svg: Svg, items: list[LegendItem], *, x: float, y: float, size: float) -> float:
    """Draw the legend in rows from (x, y); returns the y below it. Marks of one paint share a path."""
    cursor, row_y = x, y
    marks: dict[tuple[str | None, str | None, str], list[str]] = {}
    for item in items:
        if not item.label:
            continue
        width = 16 + text_width(item.label, size) + 16
        if cursor + width > svg.width and cursor > x:
            cursor, row_y = x, row_y + 17
        if item.mark == "tick":
            d = line_d(cursor + 5.5, row_y, cursor + 5.5, row_y + 14)
        elif item.mark == "dot":
            d = circle_d(cursor + 5.5, row_y + 7, 4.5)
        else:
            d = rect_d(cursor, row_y + 1.5, 11, 11)
        marks.setdefault((item.fill, item.stroke, item.mark), []).append(d)
        svg.text(cursor + 16, row_y + 11, item.label, size=size)
        cursor += width
    for (fill, stroke, mark), parts in marks.items():
        svg.path("".join(parts), fill=fill, stroke=stroke, stroke_width=2.5 if mark == "tick" else 1)
    return row_y + 17 + 6
