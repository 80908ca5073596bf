"""The renderer's shortcuts (factsheets/pdf_svg_charts.py, pdf_text_layouts.py, pdf_text_cache.py) change
nothing but speed; pdf_compression.py changes only how the streams are deflated.

Each test renders the same document with the shortcut and with WeasyPrint's own code and
compares the PDFs byte for byte: a factsheet has every chart kind, wrapped and unwrapped
text, tables, and hostile open answers.
"""

from io import BytesIO

import pytest
import weasyprint
from pypdf import PdfReader

from factsheets import pdf_compression, pdf_svg_charts, pdf_text_cache, pdf_text_layouts, pdf_user_agent
from factsheets.aggregation import institution_picture
from factsheets.charts import svg_data_uri
from factsheets.factsheet.render import render_factsheet_pdf
from factsheets.pdf import html_to_pdf
from tests.factsheets.factsheet_data import published_round

pytestmark = pytest.mark.skipif(
    weasyprint.__version__ != pdf_svg_charts.SUPPORTED_VERSION,
    reason=f"the shortcuts are written for WeasyPrint {pdf_svg_charts.SUPPORTED_VERSION} and stay off on others",
)


@pytest.fixture
def picture(db, aalst, zwolle, ann):
    return institution_picture(published_round(aalst, zwolle, ann), aalst)


def test_the_shortcuts_are_installed():
    assert pdf_svg_charts.install()
    assert pdf_text_layouts.install()
    assert pdf_text_cache.install()
    assert pdf_compression.install()
    assert pdf_user_agent.user_agent_stylesheet() is not None


def test_charts_drawn_by_the_shortcut_are_byte_for_byte_what_weasyprint_draws(picture, monkeypatch):
    drawn = []
    chart_leaves = pdf_svg_charts.chart_leaves

    def counting(svg):
        leaves = chart_leaves(svg)
        drawn.append(leaves is not None)
        return leaves

    monkeypatch.setattr(pdf_svg_charts, "chart_leaves", counting)
    fast = render_factsheet_pdf(picture)[2]
    assert drawn and all(drawn)  # every chart of the factsheet took the shortcut

    monkeypatch.setattr(pdf_svg_charts, "chart_leaves", lambda svg: None)
    assert render_factsheet_pdf(picture)[2] == fast


def test_kept_pango_layouts_give_byte_for_byte_the_same_pdf(picture, monkeypatch):
    from weasyprint.text.line_break import Layout

    fast = render_factsheet_pdf(picture)[2]
    monkeypatch.setattr(Layout, "deactivate", pdf_text_layouts._original_deactivate)
    monkeypatch.setattr(Layout, "reactivate", pdf_text_layouts._original_reactivate)
    assert render_factsheet_pdf(picture)[2] == fast


def test_justified_text_is_still_shaped_again_with_its_word_spacing(monkeypatch):
    from weasyprint.text.line_break import Layout

    html = (
        '<html lang="nl"><body><p style="text-align: justify; width: 60mm">'
        + "Een alinea die over meerdere regels loopt en uitgevuld wordt. " * 6
        + "</p></body></html>"
    )
    fast = html_to_pdf(html)
    monkeypatch.setattr(Layout, "deactivate", pdf_text_layouts._original_deactivate)
    monkeypatch.setattr(Layout, "reactivate", pdf_text_layouts._original_reactivate)
    assert html_to_pdf(html) == fast


@pytest.mark.parametrize(
    "svg",
    [
        # Not ours: a style sheet, a group, a transform, a circle, per-glyph positions.
        '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="20"><style>path{fill:red}</style>'
        '<path d="M0 0h10v10h-10z"/></svg>',
        '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="20"><g><path d="M0 0h10v10h-10z"/></g></svg>',
        '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="20">'
        '<path d="M0 0h10v10h-10z" transform="rotate(45)"/></svg>',
        '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="20"><circle cx="5" cy="5" r="4"/></svg>',
        '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="20"><text x="1 9" y="12">AB</text></svg>',
        '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="20"><text x="1" y="12"> </text></svg>',
    ],
)
def test_any_other_svg_goes_to_weasyprint_unchanged(svg, monkeypatch):
    taken = []
    chart_leaves = pdf_svg_charts.chart_leaves
    monkeypatch.setattr(pdf_svg_charts, "chart_leaves", lambda s: taken.append(chart_leaves(s)) or taken[-1])
    html = f'<html lang="nl"><body><img alt="x" src="{svg_data_uri(svg)}"></body></html>'
    content = html_to_pdf(html)
    assert taken == [None]
    assert PdfReader(BytesIO(content)).pages


def without_line_cache(monkeypatch):
    from weasyprint.draw import text as draw_text
    from weasyprint.layout import inline, preferred
    from weasyprint.text import line_break

    for module in (line_break, inline, preferred):
        monkeypatch.setattr(module, "split_first_line", pdf_text_cache._original_split)
    monkeypatch.setattr(draw_text, "draw_first_line", pdf_text_cache._original_draw)


def test_lines_shaped_and_written_before_give_byte_for_byte_the_same_pdf(db, aalst, zwolle, ann, monkeypatch):
    scan_round = published_round(aalst, zwolle, ann)
    pictures = [institution_picture(scan_round, institution) for institution in (aalst, zwolle)]
    pdf_text_cache.clear()
    first = [render_factsheet_pdf(picture)[2] for picture in pictures]  # the cache fills
    replayed = [render_factsheet_pdf(picture)[2] for picture in reversed(pictures)]  # and answers
    lines = list(pdf_text_cache._cache.lines.values())
    assert sum(isinstance(line.drawing, pdf_text_cache._Drawing) for line in lines) > 500

    without_line_cache(monkeypatch)
    fresh = [render_factsheet_pdf(picture)[2] for picture in pictures]
    assert first == fresh
    assert replayed == fresh[::-1]


def test_the_same_words_at_other_sizes_give_byte_for_byte_the_same_pdf(monkeypatch):
    small = '<p style="font-size: 7.3pt">Wijd en zijdelings</p>'
    large = '<p style="font-size: 23.7pt">Wijd en zijdelings</p>'
    documents = [f'<html lang="nl"><body>{a}{b}</body></html>' for a, b in ((small, large), (large, small))]
    pdf_text_cache.clear()
    cached = [html_to_pdf(html) for html in documents + documents]
    without_line_cache(monkeypatch)
    assert cached == [html_to_pdf(html) for html in documents + documents]


class FakeFont:
    def __init__(self, widths):
        self.widths, self.to_unicode = dict(widths), {}


class FakeStream:
    def __init__(self, font):
        self.font, self.calls = font, []

    def add_font(self, pango_font):
        return self.font, 10

    def __getattr__(self, name):
        return lambda *args: self.calls.append((name, args))


def test_a_line_is_not_replayed_when_its_font_holds_another_width_for_a_glyph():
    """A document's font keeps the width of a glyph from the first size that used it; the kerning a
    recorded line wrote depends on it, so a different width sends the line back to WeasyPrint."""
    from weasyprint.matrix import Matrix

    drawing = pdf_text_cache._Drawing(
        [("add_font", ("font",)), ("set_font_size", ("ABCDEF", 9)), ("show_text", ("<00240036>",))],
        [("font", 0x24, 786, 786, "W"), ("font", 0x36, 246, 246, "i")],
    )
    other = FakeStream(FakeFont({0x36: 247}))
    assert not pdf_text_cache._replay(drawing, other, Matrix(d=-1, e=10, f=20))
    assert other.calls == [] and other.font.to_unicode == {}

    fresh = FakeStream(FakeFont({0x24: 786}))
    assert pdf_text_cache._replay(drawing, fresh, Matrix(d=-1, e=10, f=20))
    assert [name for name, _ in fresh.calls] == ["set_text_matrix", "set_font_size", "show_text"]
    assert fresh.font.widths == {0x24: 786, 0x36: 246} and fresh.font.to_unicode == {0x24: "W", 0x36: "i"}


def test_cut_short_and_justified_lines_are_drawn_as_weasyprint_draws_them(monkeypatch):
    html = (
        '<html lang="nl"><body>'
        '<p style="width: 30mm; white-space: nowrap; overflow: hidden; text-overflow: ellipsis">'
        "Een regel die veel te lang is voor zijn vak</p>"
        '<p style="text-align: justify; width: 60mm">' + "Een alinea die uitgevuld wordt. " * 8 + "</p>"
        "</body></html>"
    )
    pdf_text_cache.clear()
    cached = [html_to_pdf(html), html_to_pdf(html)]
    without_line_cache(monkeypatch)
    assert cached == [html_to_pdf(html)] * 2


def test_the_line_cache_stays_within_its_bound(monkeypatch):
    monkeypatch.setattr(pdf_text_cache, "MAX_LINES", 20)
    pdf_text_cache.clear()
    html_to_pdf('<html lang="nl"><body>' + "".join(f"<p>Regel {n}</p>" for n in range(60)) + "</body></html>")
    assert len(pdf_text_cache._cache.lines) <= 20


def test_the_trimmed_user_agent_stylesheet_gives_byte_for_byte_the_same_pdf(picture, monkeypatch):
    fast = render_factsheet_pdf(picture)[2]
    monkeypatch.setattr(pdf_user_agent, "user_agent_stylesheet", lambda: None)
    assert render_factsheet_pdf(picture)[2] == fast


def test_list_items_keep_their_markers_with_the_trimmed_stylesheet(monkeypatch):
    html = (
        '<html lang="nl"><body><ol><li>Eerste stap</li><li>Tweede stap</li></ol>'
        "<ul><li>Een punt</li></ul><details open><summary>Meer</summary><p>Tekst</p></details></body></html>"
    )
    fast = html_to_pdf(html)
    assert "1." in PdfReader(BytesIO(fast)).pages[0].extract_text()
    monkeypatch.setattr(pdf_user_agent, "user_agent_stylesheet", lambda: None)
    assert html_to_pdf(html) == fast


def test_no_document_of_ours_uses_footnotes_or_notes():
    """The trimmed stylesheet leaves out the footnote and note rules: nothing may rely on them."""
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    sources = [*root.glob("templates/factsheets/**/*.html"), *root.glob("static/css/*print*.css")]
    assert sources
    for source in sources:
        text = source.read_text("utf-8")
        assert "footnote" not in text and "float: note" not in text, source


def test_streams_are_deflated_at_the_default_level_with_the_same_contents(picture, monkeypatch):
    import pydyf

    faster = render_factsheet_pdf(picture)[2]
    monkeypatch.setattr(pydyf.Stream, "data", pdf_compression._original_data)
    smallest = render_factsheet_pdf(picture)[2]
    assert faster != smallest
    assert len(faster) < len(smallest) * 1.1
    fast_pages, small_pages = PdfReader(BytesIO(faster)).pages, PdfReader(BytesIO(smallest)).pages
    assert [page.get_contents().get_data() for page in fast_pages] == [
        page.get_contents().get_data() for page in small_pages
    ]
