"""Shape each distinct line of text once per process, and write its glyphs once (WeasyPrint 70).

Most lines of a factsheet are the same in every factsheet of a round (the statements,
their 152 level sentences, headings, chart labels, the method), and WeasyPrint lays out a
good share of a document's lines more than once itself: to measure table columns, and
again when a block that does not fit moves to the next page. Every time it has Pango
shape the text (``split_first_line``), and when it draws the line it walks every glyph
in Python to write it (``draw_first_line``). Together that is about a sixth of a
factsheet's render time.

``install()`` keeps, per thread, the outcome of ``split_first_line`` for the last
MAX_LINES distinct requests of documents with the shared fonts of factsheets/pdf.py,
keyed by the text, the available width, the justification spacing, the two flags and
every style property that shaping reads (SHAPING_PROPERTIES). A repeated request gets a
new ``Layout`` around the same Pango layout, parked for drawing as
factsheets/pdf_text_layouts.py parks its own. The first
time such a line is drawn, the text operators it writes are recorded, with the glyph
widths and Unicode mappings it adds to its fonts; later draws replay them at their own
position, after checking that every glyph width the operators were computed from is
still the width the document's font holds (fonts are shared by all sizes of a face, and
the first size to use a glyph sets its width). A line that was re-shaped for
justification, uses an ellipsis, an emoji, a glyph its font lacks or a bitmap font, or
whose widths differ, is drawn by WeasyPrint's own code.

The PDF is byte for byte the same, also when the cache was filled by other documents
(tests/factsheets/test_pdf_speedups.py). Installed only on the WeasyPrint version it was
written against; the cache starts afresh when pdf.py loads the fonts again (``use``).
"""

from __future__ import annotations

import threading
from collections import OrderedDict

from .weasyprint_version import supported

MAX_LINES = 6000
SHAPING_PROPERTIES = (
    # Layout.setup, get_font_description, font_features
    "direction",
    "font_language_override",
    "lang",
    "font_family",
    "font_style",
    "font_stretch",
    "font_weight",
    "font_size",
    "font_variant_caps",
    "font_variation_settings",
    "text_decoration_line",
    "font_kerning",
    "font_variant_ligatures",
    "font_variant_position",
    "font_variant_numeric",
    "font_variant_alternates",
    "font_variant_east_asian",
    "font_feature_settings",
    # Layout.set_text, set_tabs, line_size
    "word_spacing",
    "letter_spacing",
    "overflow_wrap",
    "tab_size",
    # split_first_line: wrapping, hyphenation, breaking
    "white_space",
    "hyphens",
    "hyphenate_limit_chars",
    "hyphenate_limit_zone",
    "hyphenate_character",
    "word_break",
)

_original_split = None
_original_draw = None


class _Line:
    """One shaped line: the state of its ``Layout``, its metrics, and how it was drawn."""

    __slots__ = ("state", "metrics", "drawing")

    def __init__(self, state: dict, metrics: tuple) -> None:
        self.state = state  # the Layout's attributes, its Pango layout among them
        self.metrics = metrics  # (length, resume_index, width, height, baseline)
        self.drawing: _Drawing | None | bool = None  # None: not drawn yet; False: never replay


class _Drawing:
    """What drawing a line wrote: stream calls after the text matrix, and its glyphs per font."""

    __slots__ = ("calls", "glyphs")

    def __init__(self, calls: list, glyphs: list) -> None:
        self.calls = calls  # [(method name, args)], add_font as ("add_font", (pango_font,))
        self.glyphs = glyphs  # [(pango_font, glyph id, width used, own width, text)] in drawing order


class _Cache(threading.local):
    font_map = None
    lines: OrderedDict | None = None


_cache = _Cache()


def install() -> bool:
    """Patch ``split_first_line`` and ``draw_first_line`` once; returns whether lines are cached."""
    global _original_split, _original_draw
    if _original_split is not None:
        return True
    if not supported("shaped line cache"):
        return False
    from weasyprint.draw import text as draw_text
    from weasyprint.layout import inline, preferred
    from weasyprint.text import line_break

    _original_split, _original_draw = line_break.split_first_line, draw_text.draw_first_line
    for module in (line_break, inline, preferred):
        module.split_first_line = split_first_line
    draw_text.draw_first_line = draw_first_line
    return True


def use(font_config) -> None:
    """Cache the lines of documents rendered with `font_config` (pdf.py's, per thread), forgetting any others."""
    _cache.font_map, _cache.lines = font_config.font_map, OrderedDict()


def clear() -> None:
    """Forget every shaped line of this thread."""
    if _cache.lines is not None:
        _cache.lines = OrderedDict()


def split_first_line(text, style, context, max_width, justification_spacing, is_line_start=True, minimum=False):
    """WeasyPrint's ``split_first_line``, answered from the cache when the same line was shaped before."""
    from weasyprint.text.line_break import Layout

    lines = _cache.lines
    if lines is None or style.font_config.font_map is not _cache.font_map:
        # A document with fonts of its own: its lines are not kept.
        return _original_split(text, style, context, max_width, justification_spacing, is_line_start, minimum)
    key = (
        text,
        max_width,
        justification_spacing,
        is_line_start,
        minimum,
        repr(tuple(style[name] for name in SHAPING_PROPERTIES)),
    )
    line = lines.get(key)
    if line is None:
        layout, *metrics = _original_split(
            text, style, context, max_width, justification_spacing, is_line_start, minimum
        )
        if not getattr(layout, "_parked", False) or "layout" not in layout.__dict__:
            return (layout, *metrics)  # freed already: nothing to share
        state = dict(layout.__dict__)
        del state["style"]  # each document's own, set below: the cache keeps no document alive
        lines[key] = line = _Line(state, tuple(metrics))
        if len(lines) > MAX_LINES:
            lines.popitem(last=False)
    else:
        lines.move_to_end(key)
    layout = Layout.__new__(Layout)
    layout.__dict__.update(line.state)
    layout.style, layout._parked, layout._drawn, layout._line = style, True, False, line
    return (layout, *line.metrics)


def draw_first_line(stream, textbox, text_overflow, block_ellipsis, matrix):
    """WeasyPrint's ``draw_first_line``, replayed for a cached line drawn before."""
    layout = textbox.pango_layout
    line = getattr(layout, "_line", None)
    if line is not None and (text_overflow == "ellipsis" or block_ellipsis != "none"):
        # Cutting a line short changes its Pango layout: give it one of its own, as WeasyPrint does.
        layout.setup(textbox.style)
        layout.set_text(layout.text, justify=True)
    if (
        line is None
        or line.drawing is False
        or getattr(layout, "layout", None) is not line.state["layout"]  # shaped again (justified, cut short)
        or not textbox.text.strip()
        or textbox.style["font_size"] < 1e-6
    ):
        return _original_draw(stream, textbox, text_overflow, block_ellipsis, matrix)
    if line.drawing is None:
        return _record(line, stream, textbox, text_overflow, block_ellipsis, matrix)
    if not _replay(line.drawing, stream, matrix):
        return _original_draw(stream, textbox, text_overflow, block_ellipsis, matrix)
    return []


class _Recorder:
    """Stands in for the stream while a line is drawn: passes every call on and notes it."""

    def __init__(self, stream) -> None:
        self.stream = stream
        self.calls: list = []
        self.fonts: dict = {}
        self.other = False

    @property
    def ink_rect(self):
        return self.stream.ink_rect

    @property
    def logical_rect(self):
        return self.stream.logical_rect

    def set_text_matrix(self, *values) -> None:
        self.stream.set_text_matrix(*values)  # the line's own position: not part of the record

    def add_font(self, pango_font):
        font, font_size = self.stream.add_font(pango_font)
        self.calls.append(("add_font", (pango_font,)))
        self.fonts[pango_font] = (font, font_size)
        return font, font_size

    def set_font_size(self, *args) -> None:
        self.calls.append(("set_font_size", args))
        self.stream.set_font_size(*args)

    def show_text(self, *args) -> None:
        self.calls.append(("show_text", args))
        self.stream.show_text(*args)

    def set_text_rise(self, *args) -> None:
        self.calls.append(("set_text_rise", args))
        self.stream.set_text_rise(*args)

    def __getattr__(self, name):
        self.other = True  # anything else: this line is not replayed
        return getattr(self.stream, name)


def _record(line: _Line, stream, textbox, text_overflow, block_ellipsis, matrix):
    from weasyprint.text.ffi import pango

    recorder = _Recorder(stream)
    # Drawn by WeasyPrint through the recorder; the glyphs' widths and texts are read after.
    emojis = _original_draw(recorder, textbox, text_overflow, block_ellipsis, matrix)
    glyphs = None
    fonts_usable = all(not (font.bitmap or font.png or font.svg) for font, _ in recorder.fonts.values())
    if not emojis and not recorder.other and fonts_usable and pango.pango_version() >= 14802:
        glyphs = _glyphs(textbox, recorder.fonts, stream)
    line.drawing = _Drawing(recorder.calls, glyphs) if glyphs is not None else False
    return emojis


def _glyphs(textbox, fonts: dict, stream) -> list | None:
    """Per glyph of the line just drawn: (pango font, id, width it was written with, own width, text).

    The text and the own width are what ``draw_first_line`` puts into the font for a glyph
    the font has not seen yet; they follow its code, glyph by glyph.
    """
    from weasyprint.text.ffi import FROM_UNITS, ffi, pango

    layout = textbox.pango_layout
    first_line, _ = layout.get_first_line()
    utf8_text = layout.text.encode()
    glyphs = []
    run = first_line.runs[0]
    while run != ffi.NULL:
        glyph_item = run.data
        run = run.next
        glyph_string = glyph_item.glyphs
        glyphs_info = glyph_string.glyphs
        num_glyphs = glyph_string.num_glyphs
        clusters = glyph_string.log_clusters
        pango_font = glyph_item.item.analysis.font
        if pango_font not in fonts:
            return None
        font, font_size = fonts[pango_font]
        offset = glyph_item.item.offset
        rtl = glyph_item.item.analysis.level % 2
        for i in range(num_glyphs):
            glyph_id = glyphs_info[i].glyph
            if glyph_id == pango.PANGO_GLYPH_EMPTY:
                continue
            if glyph_id & pango.PANGO_GLYPH_UNKNOWN_FLAG:
                return None
            t1 = clusters[i]
            if rtl:
                t2 = glyph_item.item.length if i == 0 else clusters[i - 1]
            else:
                t2 = glyph_item.item.length if i == num_glyphs - 1 else clusters[i + 1]
            pango.pango_font_get_glyph_extents(pango_font, glyph_id, stream.ink_rect, stream.logical_rect)
            own_width = round(stream.logical_rect.width * 1000 * FROM_UNITS / font_size)
            text = utf8_text[offset + t1 : offset + t2].decode()
            glyphs.append((pango_font, glyph_id, font.widths[glyph_id], own_width, text))
    return glyphs


def _replay(drawing: _Drawing, stream, matrix) -> bool:
    """Write a recorded line at `matrix`; False (and nothing written) when its glyph widths differ here."""
    fonts = {}
    for name, args in drawing.calls:  # the fonts, registered in the order the line registers them
        if name == "add_font" and args[0] not in fonts:
            fonts[args[0]] = stream.add_font(args[0])[0]
    for pango_font, glyph_id, used_width, own_width, _ in drawing.glyphs:
        if fonts[pango_font].widths.get(glyph_id, own_width) != used_width:
            return False
    stream.set_text_matrix(*matrix.values)
    for name, args in drawing.calls:
        if name != "add_font":
            getattr(stream, name)(*args)
    for pango_font, glyph_id, _, own_width, text in drawing.glyphs:
        font = fonts[pango_font]
        if glyph_id not in font.to_unicode:
            font.to_unicode[glyph_id] = text
        if glyph_id not in font.widths:
            font.widths[glyph_id] = own_width
    return True
