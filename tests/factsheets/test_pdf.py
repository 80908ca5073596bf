"""HTML to PDF: only our own static files are read, the output is tagged PDF/UA in our font."""

import socket
import sys
import urllib.request
from io import BytesIO
from pathlib import Path

import pytest
import weasyprint
from django.conf import settings
from django.template import engines
from django.utils import translation
from pypdf import PdfReader

from factsheets import pdf_svg_text
from factsheets.charts import DistributionChart, DistributionRow, chart_img, svg_data_uri
from factsheets.pdf import (
    STATIC_ORIGIN,
    RefusedURL,
    StaticOnlyURLFetcher,
    html_to_pdf,
    resolve_static_url,
    static_base_url,
)
from factsheets.render import output_filename

DOCUMENT = """{% extends "factsheets/pdf_base.html" %}
{% block cover %}<section class="cover"><div class="cover-band">
<h1 class="cover-title">{{ institution }}</h1></div></section>{% endblock %}
{% block content %}<h1>Samenvatting</h1><p>{{ answer }}</p>
<p class="page-break">Tweede pagina</p>{{ chart }}{% endblock %}"""


def render_document(**context) -> bytes:
    context = {
        "language": "nl",
        "document_title": "Factsheet Ziekenhuis Aalst",
        "running_title": "Ziekenhuis Aalst · JuMP-scan 2021",
        "footer_note": "JuMP-scan 2021",
        "institution": "Ziekenhuis Aalst",
        "answer": "Een antwoord.",
        **context,
    }
    # In the document's language, as the outputs render them (another test may have left English active).
    with translation.override(context["language"]):
        return html_to_pdf(engines["django"].from_string(DOCUMENT).render(context))


def read(pdf: bytes) -> PdfReader:
    assert pdf.startswith(b"%PDF-")
    return PdfReader(BytesIO(pdf))


@pytest.fixture
def no_network_or_files(monkeypatch):
    """Record any attempt to open a URL or a socket: a refused resource must never get that far."""
    attempts = []

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise AssertionError(f"tried to fetch {args!r}")

    monkeypatch.setattr(urllib.request.OpenerDirector, "open", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    return attempts


# -- the URL fetcher -----------------------------------------------------------------


def test_it_finds_our_own_static_files_by_url_and_by_relative_path():
    expected = Path(settings.BASE_DIR / "static/css/print.css").resolve()
    assert resolve_static_url(static_base_url() + "css/print.css") == expected
    assert resolve_static_url(f"{STATIC_ORIGIN}/static/fonts/SourceSans3-Regular.ttf").name == "SourceSans3-Regular.ttf"


def test_it_serves_a_static_file_with_its_type():
    response = StaticOnlyURLFetcher().fetch(static_base_url() + "css/print.css")
    assert response.content_type == "text/css"
    assert b"@font-face" in response.read()


def test_it_decodes_data_uris_in_memory():
    fetcher = StaticOnlyURLFetcher()
    assert fetcher.fetch("data:image/svg+xml;base64,PHN2Zy8+").read() == b"<svg/>"
    response = fetcher.fetch("data:text/plain,a%20b")
    assert (response.content_type, response.read()) == ("text/plain", b"a b")


@pytest.mark.parametrize(
    "url",
    [
        "http://example.com/logo.png",
        "https://example.com/style.css",
        "https://127.0.0.1:8000/static/css/print.css",
        "file:///etc/passwd",
        f"file://{settings.BASE_DIR}/static/css/print.css",
        f"{STATIC_ORIGIN}/etc/passwd",
        f"{STATIC_ORIGIN}/static/../jump_scan/settings.py",
        f"{STATIC_ORIGIN}/static/%2e%2e/jump_scan/settings.py",
        f"{STATIC_ORIGIN}/static/css/..%2f..%2fjump_scan%2fsettings.py",
        f"{STATIC_ORIGIN}/static/css\\..\\..\\manage.py",
        f"{STATIC_ORIGIN}.evil.example/static/css/print.css",
        f"{STATIC_ORIGIN}/static/no-such-file.css",
        "ftp://example.com/x",
        "javascript:alert(1)",
    ],
)
def test_it_refuses_everything_but_static_files_and_data(url, no_network_or_files):
    with pytest.raises(RefusedURL):
        StaticOnlyURLFetcher().fetch(url)
    assert no_network_or_files == []


def test_a_document_pointing_outside_fetches_nothing(no_network_or_files, caplog):
    html = """<!doctype html><html lang="nl"><head><title>t</title>
    <link rel="stylesheet" href="http://127.0.0.1:9/evil.css">
    <link rel="stylesheet" href="file:///etc/passwd">
    <style>p { background: url(https://example.com/track.png) } h1 { background: url(../../etc/passwd) }</style>
    </head><body><h1>Kop</h1><p>Tekst</p>
    <img src="http://example.com/x.png" alt="x"><img src="file:///etc/passwd" alt="y">
    <img src="../../../../etc/passwd" alt="z"><img src="/static/../../etc/passwd" alt="w">
    <a rel="attachment" href="file:///etc/passwd">bijlage</a>
    </body></html>"""
    reader = read(html_to_pdf(html))
    assert no_network_or_files == []
    text = "".join(page.extract_text() for page in reader.pages)
    assert "root:" not in text and "Tekst" in text
    assert "EmbeddedFiles" not in str(reader.trailer["/Root"].get("/Names", {}))
    refused = [record.getMessage() for record in caplog.records if record.name == "factsheets.pdf"]
    assert any("file:///etc/passwd" in message for message in refused)
    assert any("http://127.0.0.1:9/evil.css" in message for message in refused)


def test_an_svg_image_cannot_reach_outside_either(no_network_or_files, caplog):
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10">'
        '<image href="file:///etc/passwd" width="5" height="5"/><image xlink:href="http://example.com/a.png"/>'
        '<style>@import url("https://example.com/x.css");</style></svg>'
    )
    html = f'<html lang="nl"><body><p>Tekst</p><img alt="x" src="{svg_data_uri(svg)}"></body></html>'
    assert read(html_to_pdf(html)).pages
    assert no_network_or_files == []
    refused = " ".join(r.getMessage() for r in caplog.records if r.name == "factsheets.pdf")
    assert "file:///etc/passwd" in refused and "http://example.com/a.png" in refused


def test_in_strict_mode_a_refused_resource_stops_the_rendering(no_network_or_files):
    with pytest.raises(RefusedURL):
        html_to_pdf('<html lang="nl"><body><img src="file:///etc/passwd" alt="x"></body></html>', strict=True)


# -- the document --------------------------------------------------------------------


def test_it_writes_a_tagged_pdf_ua_document():
    reader = read(render_document())
    catalog = reader.trailer["/Root"]
    assert "/StructTreeRoot" in catalog
    assert catalog["/MarkInfo"]["/Marked"] in (True, "true")
    assert catalog["/Lang"] == "nl"
    assert catalog["/ViewerPreferences"]["/DisplayDocTitle"] in (True, "true")
    assert reader.metadata.title == "Factsheet Ziekenhuis Aalst"
    assert b"pdfuaid:part" in catalog["/Metadata"].get_object().get_data()


def test_it_sets_the_language_it_is_given():
    reader = read(
        html_to_pdf('<html lang="nl"><head><title>t</title></head><body><p>Page</p></body></html>', language="en")
    )
    assert reader.trailer["/Root"]["/Lang"] == "en"


def test_it_sets_the_text_in_the_shipped_font():
    reader = read(render_document())
    fonts = set()
    for page in reader.pages:
        for font in page["/Resources"].get("/Font", {}).values():
            fonts.add(str(font.get_object()["/BaseFont"]))
    assert fonts and all("Source-Sans-3" in font for font in fonts), fonts


def test_pages_after_the_cover_carry_header_and_page_numbers():
    reader = read(render_document())
    assert len(reader.pages) == 3
    cover, first, second = (page.extract_text() for page in reader.pages)
    assert "Ziekenhuis Aalst" in cover and "pagina" not in cover
    assert "pagina 2 van 3" in first and "Ziekenhuis Aalst · JuMP-scan 2021" in first
    assert "pagina 3 van 3" in second and "JuMP-scan" in second
    width, height = (float(v) for v in reader.pages[1].mediabox[2:])
    assert (round(width / 72 * 25.4), round(height / 72 * 25.4)) == (210, 297)  # A4


def test_hostile_text_is_printed_as_text():
    reader = read(render_document(answer='<script>alert("x")</script> =SUM(A1) & <b>vet</b>'))
    text = reader.pages[1].extract_text()
    assert '<script>alert("x")</script>' in text and "=SUM(A1)" in text and "<b>vet</b>" in text


def test_a_chart_becomes_a_figure_with_its_alt_text():
    chart = DistributionChart(
        title="LEI-01",
        rows=(DistributionRow.from_counts("", (11, 24, 20, 8), marker=3),),
        level_labels=("Niveau 1", "Niveau 2", "Niveau 3", "Niveau 4"),
        marker_label="uw niveau",
        show_legend=False,
    )
    reader = read(render_document(chart=chart_img(chart)))
    figures = []

    def walk(element):
        element = element.get_object()
        if element.get("/S") == "/Figure":
            figures.append(str(element.get("/Alt")))
        kids = element.get("/K")
        for kid in kids if isinstance(kids, list) else [kids] if kids is not None else []:
            if hasattr(kid, "get_object") and hasattr(kid.get_object(), "get"):
                walk(kid)

    walk(reader.trailer["/Root"]["/StructTreeRoot"])
    assert figures == [chart.alt_text()]
    text = reader.pages[2].extract_text()
    assert "38%" in text and "32%" in text  # the chart's labels are real text in the PDF


def test_svg_text_is_drawn_whole_on_the_supported_weasyprint():
    if weasyprint.__version__ == pdf_svg_text.SUPPORTED_VERSION:
        assert pdf_svg_text.install()
        assert sys.modules["weasyprint.svg"].TAGS["text"] is pdf_svg_text.text
    chart = DistributionChart(
        title="t", rows=(DistributionRow("", (0.5, 0.5)),), level_labels=("1", "2"), show_legend=False
    )
    text = read(html_to_pdf(f'<html lang="nl"><body>{chart_img(chart)}</body></html>')).pages[0].extract_text()
    assert text.count("50%") == 2


def test_svg_text_placed_per_glyph_still_goes_through_weasyprint():
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40">'
        '<text x="10" y="20" dx="0 8 8">ABC</text><text x="10 40" y="35">DE</text></svg>'
    )
    text = read(html_to_pdf(f'<html lang="nl"><body><img alt="x" src="{svg_data_uri(svg)}"></body></html>'))
    extracted = text.pages[0].extract_text().replace(" ", "").replace("\n", "")
    assert "A" in extracted and "C" in extracted and "E" in extracted


def test_output_filenames_are_safe():
    assert output_filename("factsheet", "2021", "Ziekenhuis Aalst", ext="pdf") == "factsheet-2021-ziekenhuis-aalst.pdf"
    assert output_filename("../../etc", 'a"b', ext="pdf") == "etc-ab.pdf"
