"""The national dashboard and the report downloads: analysts only, every section accessible, small groups withheld."""

import re

import pytest
from django.urls import reverse

from surveys.models import Round
from tests.factsheets.builders import make_round
from tests.factsheets.national_scan import NOT_CONSENTED_QUOTE, build_scan

DASHBOARD = reverse("analysts:dashboard")
ROUND_2021 = {"jaar": 2021}


@pytest.fixture
def scan(db):
    return build_scan()


@pytest.fixture
def analyst_client(client, ann):
    client.force_login(ann)
    return client


def report_url(year: int, fmt: str) -> str:
    return reverse("analysts:national_report", args=[year, fmt])


@pytest.mark.parametrize("url", [DASHBOARD, report_url(2021, "pdf"), report_url(2021, "xlsx")])
def test_it_refuses_respondents(client, alice, scan, url):
    client.force_login(alice)

    assert client.get(url).status_code == 403


@pytest.mark.parametrize("url", [DASHBOARD, report_url(2021, "pdf")])
def test_it_sends_anonymous_visitors_to_sign_in(client, scan, url):
    response = client.get(url)

    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_it_shows_every_section_of_the_report(analyst_client, scan):
    page = analyst_client.get(DASHBOARD, ROUND_2021).content.decode()

    for heading in [
        "Respons",
        "Bouwstenen JZOJP 2020–2021",
        "Gemiddelde score per bouwsteen",
        "Verandering ten opzichte van 2020",
        "Ziekenhuizen en overige zorginstellingen",
        "Speerpunten",
        "Regionale samenwerking",
        "Verdieping: verdeling per stelling",
        "Prioriteiten voor het komende jaar",
        "Prioriteit en score",
    ]:
        assert heading in page, heading
    assert "Landelijk dashboard 2021" in page


def test_every_chart_has_a_heading_a_summary_in_words_and_a_table(analyst_client, scan):
    page = analyst_client.get(DASHBOARD, ROUND_2021).content.decode()

    figures = re.findall(r'<figure class="dashboard-figure" aria-labelledby="([^"]+)-title">(.*?)</figure>', page, re.S)
    assert len(figures) == 7 + 8  # seven charts of the sections, one per block
    for element_id, body in figures:
        assert f'id="{element_id}-title"' in body
        assert f'data-chart="{element_id}-data"' in body
        assert f'<script id="{element_id}-data" type="application/json">' in body
        assert "<figcaption" in body
    sections = re.findall(r'<section id="[^"]+" class="dashboard-section".*?</section>', page, re.S)
    for section in sections:
        if "dashboard-figure" in section:
            assert '<ul class="findings"' in section
            assert '<details class="data-table"' in section


def test_it_has_no_inline_script(analyst_client, scan):
    page = analyst_client.get(DASHBOARD, ROUND_2021).content.decode()

    for tag in re.findall(r"<script[^>]*>", page):
        assert "src=" in tag or 'type="application/json"' in tag, tag
    assert "onclick" not in page and "onchange" not in page


def test_it_shows_consented_quotes_at_levels_3_and_4_only(analyst_client, scan):
    page = analyst_client.get(DASHBOARD, ROUND_2021).content.decode()

    assert "Goed voorbeeld leiderschap van STZ Utrecht 0." in page
    assert NOT_CONSENTED_QUOTE not in page


def test_a_filter_on_a_group_shows_that_groups_figures(analyst_client, scan):
    page = analyst_client.get(DASHBOARD, {"jaar": 2021, "type": "stz"}).content.decode()

    assert "Selectie: STZ-ziekenhuis" in page
    assert "6 instellingen hebben de scan volledig ingevuld" in page
    assert "Goed voorbeeld leiderschap van Zorggroep Limburg 0." not in page


def test_a_group_too_small_is_not_shown(analyst_client, scan):
    page = analyst_client.get(DASHBOARD, {"jaar": 2021, "regio": "drenthe"}).content.decode()

    assert "Te kleine groep (n = 2), niet getoond" in page
    assert "data-chart=" not in page
    assert "UMC Drenthe" not in page


def test_it_opens_on_the_latest_published_round_and_the_picker_shows_the_others(analyst_client, scan):
    page = analyst_client.get(DASHBOARD).content.decode()

    assert "Landelijk dashboard 2020" in page
    assert "11 instellingen hebben de scan volledig ingevuld" in page
    assert '<option value="2021">' in page


def test_the_report_downloads_as_pdf_and_xlsx(analyst_client, scan):
    pdf = analyst_client.get(report_url(2021, "pdf"))
    xlsx = analyst_client.get(report_url(2021, "xlsx"))

    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")
    assert 'filename="jump-scan-2021-landelijke-rapportage.pdf"' in pdf["Content-Disposition"]
    assert xlsx.content.startswith(b"PK")
    assert analyst_client.get(report_url(2021, "docx")).status_code == 404


def test_a_round_without_submitted_scans_says_so_and_has_no_report(analyst_client, scan):
    make_round(2022, previous=scan.round_2021, lineage="same", status=Round.Status.OPEN)

    page = analyst_client.get(DASHBOARD, {"jaar": 2022}).content.decode()

    assert "In deze ronde is nog geen scan ingediend." in page
    assert report_url(2022, "pdf") not in page
    assert analyst_client.get(report_url(2022, "pdf")).status_code == 404
