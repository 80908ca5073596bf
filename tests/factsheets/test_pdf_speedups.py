"""The renderer's shortcuts (factsheets/pdf_svg_charts.py, pdf_text_layouts.py) change nothing but speed.

Each test renders the same document with the shortcut and with WeasyPrint's own code and
compares the PDFs byte for byte: a factsheet has every chart kind, wrapped and unwrapped
text, tables, and hostile open answers.
"""

from io import BytesIO

import pytest
import weasyprint
from pypdf import PdfReader

from factsheets import pdf_svg_charts, pdf_text_layouts
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
