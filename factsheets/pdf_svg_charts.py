"""Draw our own chart SVGs without WeasyPrint's general SVG machinery (WeasyPrint 70).

To draw an SVG, WeasyPrint wraps every element in a ``Node``, cascades the parent's
attributes and any SVG stylesheet into it, rebuilds the text of every <text> as
anonymous spans, and checks each node for filters, clips, masks, markers and opacity.
For the charts of factsheets.charts (a few filled paths and plain labels) that
bookkeeping costs more than the drawing itself: about a seventh of a factsheet's
render time (bench/factsheets.py).

``install()`` wraps ``SVG.draw``: an SVG made only of what ``factsheets.charts.svg.Svg``
writes (a root with size, viewBox and inherited presentation attributes; <title>,
<desc>, <path> with d, fill, fill-rule, stroke and stroke-width; <text> with x, y,
font-size, font-weight, fill and plain text) is drawn by issuing the same stream
operations in the same order, straight from the parsed XML. Anything else (another
element or attribute, a style, a transform, nested elements) goes to WeasyPrint's
own drawer unchanged. The output is byte for byte what WeasyPrint writes
(tests/factsheets/test_pdf_svg_charts.py), so the shortcut can only ever be faster.

Like factsheets/pdf_svg_text.py, it is installed only on the WeasyPrint version it was
written against.
"""

from __future__ import annotations

import sys
from collections import deque

from . import pdf_svg_text
from .weasyprint_version import SUPPORTED_VERSION, supported  # noqa: F401 (tests read it here)

SVG_NAMESPACE = "{http://www.w3.org/2000/svg}"
ROOT_ATTRIBUTES = frozenset(
    ("width", "height", "viewBox", "role", "aria-labelledby", "font-family", "font-size", "fill", "stroke-width")
)
CHILD_ATTRIBUTES = {
    "title": frozenset(("id",)),
    "desc": frozenset(("id",)),
    "path": frozenset(("d", "fill", "fill-rule", "stroke", "stroke-width")),
    "text": frozenset(("x", "y", "font-size", "font-weight", "fill")),
}

_original_draw = None


class _Leaf:
    """The part of WeasyPrint's ``Node`` that drawing a path or a label reads."""

    __slots__ = ("tag", "attrib", "text", "vertices", "bounding_box", "text_bounding_box")

    def __init__(self, tag: str, attrib: dict[str, str], text: str | None) -> None:
        self.tag = tag
        self.attrib = attrib
        self.text = text
        self.vertices: deque = deque()
        self.bounding_box = None
        self.text_bounding_box = None

    def get(self, key: str, default=None):
        return self.attrib.get(key, default)


def install() -> bool:
    """Wrap WeasyPrint's SVG drawer once; returns whether the shortcut is active."""
    global _original_draw
    if _original_draw is not None:
        return True
    if not supported("chart SVG shortcut"):
        return False
    svg_package = sys.modules["weasyprint.svg"]
    _Leaf.get_paint = svg_package.Node.get_paint
    _original_draw = svg_package.SVG.draw
    svg_package.SVG.draw = draw
    return True


def chart_leaves(svg) -> list[_Leaf] | None:
    """The children of an SVG of ours, ready to draw; None when it is anything else."""
    svg_package = sys.modules["weasyprint.svg"]
    if svg_package.TAGS["text"] is not pdf_svg_text.text:
        return None  # WeasyPrint's own label drawer needs its full Node
    root = svg.tree
    if root.tag != "svg" or not ROOT_ATTRIBUTES.issuperset(root.attrib):
        return None
    inherited = {key: value for key, value in root.attrib.items() if key not in svg_package.NOT_INHERITED_ATTRIBUTES}
    leaves = []
    for element in root._etree_node:
        if not isinstance(element.tag, str) or not element.tag.startswith(SVG_NAMESPACE) or len(element):
            return None
        tag = element.tag[len(SVG_NAMESPACE) :]
        allowed = CHILD_ATTRIBUTES.get(tag)
        if allowed is None or not allowed.issuperset(element.attrib):
            return None
        text = None
        if tag == "text":
            # What Node.text_children leaves of a label: newlines dropped, spaces collapsed, trimmed.
            text = svg_package.Node.process_whitespace(element.text, False).strip(" ")
        leaf = _Leaf(tag, {**inherited, **element.attrib}, text)
        if tag == "text" and not pdf_svg_text.is_simple(leaf):
            return None
        leaves.append(leaf)
    return leaves


def draw(svg, stream, concrete_width, concrete_height, base_url, context) -> None:
    """``SVG.draw``: our charts through the shortcut, everything else through WeasyPrint."""
    leaves = chart_leaves(svg)
    if leaves is None:
        return _original_draw(svg, stream, concrete_width, concrete_height, base_url, context)

    from weasyprint.svg.bounding_box import EMPTY_BOUNDING_BOX
    from weasyprint.svg.utils import size

    tags = sys.modules["weasyprint.svg"].TAGS
    # SVG.draw, then SVG.draw_node for the root and for each child, minus every step that
    # writes nothing for these elements (filters, transforms, opacity, clips, masks, markers).
    svg.stream = stream
    svg.tree.set_svg_size(svg, concrete_width, concrete_height)
    svg.base_url = base_url
    svg.context = context
    root_font_size = size("12pt")
    font_size = size(svg.tree.get("font-size", "1em"), root_font_size, root_font_size)
    stream.push_state()
    tags["svg"](svg, svg.tree, font_size)
    for leaf in leaves:
        leaf_font_size = size(leaf.get("font-size", "1em"), font_size, font_size)
        stream.push_state()
        if leaf.tag == "path":
            fill, stroke = svg.set_graphical_state(leaf, leaf_font_size)
            tags["path"](svg, leaf, leaf_font_size)
            svg.fill_stroke(fill, stroke, leaf.get("fill-rule") == "evenodd")
        elif leaf.tag == "text":
            leaf.text_bounding_box = EMPTY_BOUNDING_BOX
            tags["text"](svg, leaf, leaf_font_size)
            svg.cursor_position = [0, 0]
            svg.cursor_d_position = [0, 0]
            svg.text_path_width = 0
        stream.pop_state()
    svg.tree.set_svg_size(svg, concrete_width, concrete_height)
    stream.pop_state()
