"""The national figures as an XLSX workbook: the same numbers as the picture, nothing a spreadsheet runs."""

import dataclasses
from io import BytesIO

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from factsheets.aggregation import national_picture
from factsheets.exports import xlsx
from surveys.models import Statement
from tests.factories import InstitutionFactory
from tests.factsheets.builders import block_levels, make_round, respond


@pytest.fixture
def picture(db):
    round_2020 = make_round(2020)
    round_2021 = make_round(2021, previous=round_2020, lineage="reworded")
    Statement.objects.filter(questionnaire=round_2021.questionnaire, code="LEI-01").update(text="=SUM(A1:A9)")
    for level in (1, 2, 2, 3, 4, 4):
        institution = InstitutionFactory(type="stz")
        respond(round_2020, institution, levels=2, priorities=["regiovisie", "leiderschap"], focus_areas=["ehealth"])
        respond(
            round_2021,
            institution,
            levels=block_levels("LEI", level, 3, 3) | block_levels("ICT", 2, 2, 2),
            priorities=["regiovisie", "leiderschap"],
            focus_areas=["ehealth", "preventie"],
            collaboration={"vvt": 3},
        )
    respond(round_2021, InstitutionFactory(type="umc"), levels=1)
    return national_picture(round_2021)


def _workbook(picture, language="nl"):
    filename, mimetype, content = xlsx.render(picture, language=language)
    return filename, mimetype, load_workbook(BytesIO(content))


def _rows(sheet):
    return list(sheet.iter_rows(values_only=True))


def test_it_honours_the_render_contract(picture):
    filename, mimetype, workbook = _workbook(picture)

    assert filename == "jump-scan-2021-landelijke-cijfers.xlsx"
    assert mimetype == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert workbook.sheetnames == [
        "Toelichting",
        "Respons",
        "Bouwstenen",
        "Groepen",
        "Stellingen",
        "Speerpunten",
        "Samenwerking",
        "Prioriteiten",
    ]


def test_block_figures_are_the_pictures_unrounded_values(picture):
    _, _, workbook = _workbook(picture)
    rows = {row[0]: row for row in _rows(workbook["Bouwstenen"])}

    leadership = picture.national.block("leiderschap")
    change = picture.national.trend.block("leiderschap")
    # A spreadsheet keeps 15 significant digits: the values are the same up to that.
    assert rows["Leiderschap"][1:6] == pytest.approx(
        (leadership.n, leadership.mean, leadership.median, leadership.q1, leadership.q3), rel=1e-14
    )
    assert rows["Leiderschap"][6:9] == pytest.approx(
        (change.previous_mean, change.raw_change, change.corrected_change), rel=1e-14
    )
    assert rows["Totaalscore"][2] == pytest.approx(picture.national.total.mean, rel=1e-14)
    assert workbook["Bouwstenen"]["C2"].number_format == "0.00"


def test_statement_percentages_add_up_to_100(picture):
    _, _, workbook = _workbook(picture)
    rows = {row[1]: row for row in _rows(workbook["Stellingen"])[1:]}

    figures = picture.national.statement("LEI-01")
    assert rows["LEI-01"][4:8] == tuple(figures.distribution.counts)
    assert rows["LEI-01"][8:12] == tuple(figures.distribution.percentages)
    assert sum(rows["LEI-01"][8:12]) == 100


def test_a_suppressed_group_is_named_but_has_no_figures(picture):
    _, _, workbook = _workbook(picture)
    rows = {(row[0], row[1]): row for row in _rows(workbook["Groepen"])[1:]}

    umc = rows[("Type instelling", "Universitair medisch centrum")]
    assert umc[2] == 1
    assert umc[3] == "niet getoond: groep kleiner dan 5"
    assert all(value is None for value in umc[4:])


def test_text_that_looks_like_a_formula_is_stored_as_text(picture):
    _, _, workbook = _workbook(picture)
    cell = next(row[2] for row in _rows(workbook["Stellingen"]) if row[1] == "LEI-01")

    assert cell == "'=SUM(A1:A9)"
    sheet = workbook["Stellingen"]
    assert all(c.data_type != "f" for row in sheet.iter_rows() for c in row)


def test_it_names_blocks_in_english_for_an_english_reader(picture):
    english = picture.blocks[0].__class__(code="leiderschap", name="Leiderschap", name_en="Leadership", position=1)
    picture = dataclasses.replace(picture, blocks=[english, *picture.blocks[1:]])

    _, _, workbook = _workbook(picture, language="en")

    assert _rows(workbook.worksheets[2])[1][0] == "Leadership"


def test_an_analyst_downloads_the_workbook(client, ann, picture):
    client.force_login(ann)

    response = client.get(reverse("factsheets:national_xlsx", args=[2021]))

    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="jump-scan-2021-landelijke-cijfers.xlsx"'
    assert load_workbook(BytesIO(response.content))["Bouwstenen"]["A2"].value == "Leiderschap"


def test_a_respondent_may_not_download_the_workbook(client, alice, picture):
    client.force_login(alice)

    assert client.get(reverse("factsheets:national_xlsx", args=[2021])).status_code == 403
