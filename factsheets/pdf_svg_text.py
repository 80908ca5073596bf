"""Draw simple SVG <text> as one run instead of one layout per character (WeasyPrint 70).

WeasyPrint positions SVG text code point by code point, because SVG allows per-glyph
``x``/``dx``/``rotate``: every character of every label is laid out by Pango and drawn
on its own. For our chart labels ("38%", "Leiderschap") that is most of the cost of a
chart in the PDF. Upstream agrees the common case should be shaped whole
(Kozea/WeasyPrint#2249, attempted in #2754); until that lands, ``install()`` wraps the
SVG text drawer: a <text> with a single x and y and none of the per-glyph attributes is
laid out and drawn as one run (which also keeps kerning and ligatures); anything else
goes to WeasyPrint's own code unchanged.

The wrapper is installed only on the WeasyPrint version it was written against: on
any other version WeasyPrint is left alone (charts get slower, never wrong).
"""

from __future__ import annotations

import sys
from math import inf

from .weasyprint_version import SUPPORTED_VERSION, supported  # noqa: F401 (tests read it here)

# Any of these needs WeasyPrint's per-character path.
PER_GLYPH = (
    "dx",
    "dy",
    "rotate",
    "letter-spacing",
    "textLength",
    "lengthAdjust",
    "direction",
    "display-anchor",
    "dominant-baseline",
    "alignment-baseline",
)

_original_text = None


def install() -> bool:
    """Wrap WeasyPrint's SVG text drawer once; returns whether the fast path is active."""
    global _original_text
    if _original_text is not None:
        return True
    if not supported("SVG text fast path"):
        return False
    svg_package = sys.modules["weasyprint.svg"]
    text_module = sys.modules["weasyprint.svg.text"]
    _original_text = text_module.text
    for tag, drawer in list(svg_package.TAGS.items()):
        if drawer is _original_text:
            svg_package.TAGS[tag] = text
    # draw_node recognises text nodes by comparing with this module-level name.
    svg_package.text = text
    return True


def is_simple(node) -> bool:
    attrib = node.attrib
    if not node.text or node.tag != "text" or any(name in attrib for name in PER_GLYPH):
        return False
    x, y = attrib.get("x"), attrib.get("y")
    return bool(x and y) and len(x.replace(",", " ").split()) == 1 and len(y.replace(",", " ").split()) == 1


def text(svg, node, font_size) -> None:
    """Draw a text node: whole when simple, else through WeasyPrint's own drawer."""
    if not is_simple(node):
        return _original_text(svg, node, font_size)

    from weasyprint.css.properties import INITIAL_VALUES
    from weasyprint.draw.text import draw_emojis, draw_first_line
    from weasyprint.matrix import Matrix
    from weasyprint.svg.bounding_box import extend_bounding_box
    from weasyprint.svg.utils import size
    from weasyprint.text.line_break import split_first_line

    text_module = sys.modules["weasyprint.svg.text"]
    # Same style as WeasyPrint's drawer builds for each character.
    style = text_module.Style()
    style.update(INITIAL_VALUES)
    style.font_config = svg.font_config
    style["font_family"] = [font.strip("\"'") for font in node.get("font-family", "sans-serif").split(",")]
    style["font_style"] = node.get("font-style", "normal")
    weight = node.get("font-weight", 400)
    if weight == "normal":
        weight = 400
    elif weight == "bold":
        weight = 700
    else:
        try:
            weight = int(weight)
        except ValueError:
            weight = 400
    style["font_weight"] = weight
    style["font_size"] = font_size

    layout, _, _, width, height, baseline = split_first_line(node.text, style, svg.context, inf, 0)
    x = size(node.attrib["x"], font_size, svg.inner_width)
    y = size(node.attrib["y"], font_size, svg.inner_height)
    svg.cursor_d_position = [0, 0]
    svg.cursor_position = x + width, y
    node.text_bounding_box = extend_bounding_box(
        node.text_bounding_box, ((x, y - baseline), (x + width, y - baseline + height))
    )

    svg.stream.push_state()
    fill, stroke = svg.set_graphical_state(node, font_size)
    svg.stream.begin_text()
    layout.reactivate(style)
    svg.fill_stroke(fill, stroke, text=True)
    text_box = text_module.TextBox(layout, style)
    text_box.baseline = baseline
    emojis = draw_first_line(svg.stream, text_box, "none", "none", Matrix(a=1, d=-1, e=x, f=y))
    svg.stream.end_text()
    svg.stream.pop_state()
    draw_emojis(svg.stream, style, x, y, emojis)
