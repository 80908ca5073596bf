"""The factsheet PDF, parsed back: the figures in it are the aggregation's, nothing withheld leaks out."""

from io import BytesIO

import pytest
from pypdf import PdfReader

from factsheets.aggregation import institution_picture
from factsheets.charts import NumberFormat
from factsheets.factsheet.content import build_factsheet
from factsheets.factsheet.render import factsheet_html, render_factsheet_pdf
from surveys.models import Institution
from tests.factsheets.factsheet_data import HOSTILE, published_round

NL = NumberFormat("nl")


@pytest.fixture
def picture(db, aalst, zwolle, ann):
    return institution_picture(published_round(aalst, zwolle, ann), aalst)


def pages_of(content: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(BytesIO(content)).pages]


def test_it_shows_name_block_scores_and_national_means_as_the_aggregation_computed_them(picture):
    filename, mimetype, content = render_factsheet_pdf(picture)

    assert (filename, mimetype) == ("factsheet-jumpscan-2021-ziekenhuis-aalst.pdf", "application/pdf")
    pages = pages_of(content)
    assert "Ziekenhuis Aalst" in pages[0]
    overview = next(page for page in pages if page.startswith("Alle scores op een rij"))
    for block in picture.national.blocks:
        own = NL.decimal(picture.own.block(block.code).score, 1)
        national = NL.decimal(picture.national.national.block(block.code).mean, 1)
        peer = NL.decimal(picture.peer("type").figures.block(block.code).mean, 1)
        assert f"{block.name} {own} {national} {peer}" in overview
    total = picture.own.total.score, picture.national.national.total.mean
    assert f"Totaal {NL.decimal(total[0], 1)} {NL.decimal(total[1], 1)}" in overview


def test_a_withheld_region_appears_only_in_the_list_of_withheld_comparisons(picture):
    pages = pages_of(render_factsheet_pdf(picture)[2])

    method = pages[-1]
    assert "Instellingen in Zeeland (regio): niet getoond" in method
    assert not any("Instellingen in Zeeland" in page for page in pages[:-1])
    assert all("instellingen in Zeeland" not in page for page in pages)
    assert any("STZ-ziekenhuizen" in page for page in pages[:-1])


def test_hostile_open_answers_come_out_as_text(picture):
    factsheet = build_factsheet(picture)

    html = factsheet_html(factsheet)
    assert "&lt;script&gt;alert(1)&lt;/script&gt; =SUM(A1)" in html
    assert "<script>" not in html
    text = " ".join(pages_of(render_factsheet_pdf(picture)[2]))
    assert HOSTILE in text
    assert f"Trots op {HOSTILE}" in text


def test_it_is_a_tagged_a4_pdf_with_page_numbers_and_its_language(picture):
    content = render_factsheet_pdf(picture)[2]

    reader = PdfReader(BytesIO(content))
    root = reader.trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"])
    assert "/StructTreeRoot" in root
    assert root["/Lang"] == "nl"
    assert reader.metadata.title == "Factsheet JuMP-scan 2021: Ziekenhuis Aalst"
    width, height = (round(float(v)) for v in reader.pages[1].mediabox.upper_right)
    assert (width, height) == (595, 842)
    total = len(reader.pages)
    assert f"pagina 2 van {total}" in reader.pages[1].extract_text()


def test_an_english_factsheet_is_english_throughout(db, aalst, zwolle, ann):
    Institution.objects.filter(pk=aalst.pk).update(language="en")
    picture = institution_picture(published_round(aalst, zwolle, ann), aalst)

    content = render_factsheet_pdf(picture)[2]

    reader = PdfReader(BytesIO(content))
    assert reader.trailer["/Root"]["/Lang"] == "en"
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "Summary" in text and "Next steps" in text
    assert "Samenvatting" not in text
    assert NumberFormat("en").decimal(picture.own.total.score, 1) in text
