import csv
import io
import zipfile

import pytest
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from analysts.exports import round_data
from analysts.exports.round_data import data_table, pseudonym
from analysts.exports.spreadsheet import _NOT_IN_XML, neutralise, ooxml_escape, ooxml_unescape, restore, xlsx_bytes
from surveys.models import Response
from tests.analysts.builders import full_response, member
from tests.factories import RoundFactory, make_questionnaire

pytestmark = pytest.mark.django_db

DANGEROUS = ['=HYPERLINK("http://x")', "+31 20 123", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd"]


def _csv_files(content: bytes) -> dict[str, list[list[str]]]:
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        return {
            name: list(csv.reader(io.StringIO(archive.read(name).decode("utf-8-sig"), newline=""), delimiter=";"))
            for name in archive.namelist()
        }


def _as_dicts(rows: list[list[str]]) -> list[dict[str, str]]:
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


@pytest.fixture
def round_with_answers(round_2021):
    aalst = member("aalst")
    zwolle = member("zwolle", type="umc", region="overijssel")
    full_response(round_2021, aalst, seed=0, good_example="Ons virtuele ziekenhuis", remarks="Zie jaarverslag")
    full_response(round_2021, zwolle, seed=1)
    full_response(round_2021, member("draft"), seed=2, submitted=False)
    return round_2021


def test_it_writes_one_row_per_submitted_institution_and_a_column_per_item(round_with_answers):
    _filename, _mimetype, content = round_data.render(round=round_with_answers, fmt="csv")
    rows = _as_dicts(_csv_files(content)["data.csv"])

    assert [row["instelling"] for row in rows] == ["aalst", "zwolle"]
    aalst = rows[0]
    assert aalst["ronde"] == "2021"
    assert aalst["naam"] == "Ziekenhuis Aalst"
    assert (aalst["type"], aalst["regio"], aalst["status"]) == ("algemeen", "utrecht", "submitted")
    assert aalst["ingediend_op"] == "2021-04-01T09:30:00+02:00"
    assert (aalst["LEI-01"], aalst["LEI-02"], aalst["STA-03"]) == ("1", "2", "4")
    assert aalst["goed_voorbeeld:leiderschap"] == "Ons virtuele ziekenhuis"
    assert aalst["toelichting:programma_organisatie"] == "Zie jaarverslag"
    assert (aalst["speerpunt:ehealth"], aalst["speerpunt:preventie"]) == ("1", "0")
    assert aalst["samenwerking:huisartsen"] == "1"
    assert aalst["prioriteit:leiderschap"] == "1"
    assert aalst["prioriteit:stakeholders"] == "8"
    assert aalst["trots_voorbeeld"] == "Ons transmurale zorgpad COPD."
    assert aalst["toestemming_citeren"] == "0"
    assert rows[1]["toestemming_citeren"] == "1"


def test_it_leaves_block_scores_out(round_with_answers):
    header, _rows = data_table(round=round_with_answers)
    assert not [name for name in header if "score" in name]
    assert len(header) == 7 + 24 + 16 + 3 + 3 + 8 + 2


def test_it_includes_drafts_only_when_asked(round_with_answers):
    _header, rows = data_table(round=round_with_answers, include_drafts=True)
    assert [row[1] for row in rows] == ["aalst", "draft", "zwolle"]
    assert rows[1][5] == "draft"


def test_the_csv_is_utf8_with_a_byte_order_mark_and_semicolons(round_2021):
    member("aalst").responses.all()
    response = full_response(round_2021, member("ede"), pride_example="Één loket, café-overleg")
    assert response.is_submitted
    _filename, _mimetype, content = round_data.render(round=round_2021, fmt="csv")
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        data = archive.read("data.csv")
        codebook = archive.read("codeboek.csv")
    assert data.startswith(b"\xef\xbb\xbfronde;instelling;naam;")
    assert "Één loket, café-overleg" in data.decode("utf-8-sig")
    assert codebook.startswith(b"\xef\xbb\xbfkolom;")


@pytest.mark.parametrize("text", DANGEROUS)
def test_it_neutralises_text_a_spreadsheet_would_run_in_csv_and_xlsx(round_2021, text):
    full_response(round_2021, member("aalst"), pride_example=text, good_example=text)

    _f, _m, zipped = round_data.render(round=round_2021, fmt="csv")
    row = _as_dicts(_csv_files(zipped)["data.csv"])[0]
    assert row["trots_voorbeeld"] == "'" + text
    assert row["goed_voorbeeld:leiderschap"] == "'" + text

    _f, _m, workbook_bytes = round_data.render(round=round_2021, fmt="xlsx")
    sheet = load_workbook(io.BytesIO(workbook_bytes))["data"]
    header = [cell.value for cell in sheet[1]]
    cell = sheet.cell(row=2, column=header.index("trots_voorbeeld") + 1)
    assert cell.data_type == "s"
    # Excel reads OOXML's escape of a carriage return (_x000D_) back as the character itself.
    assert ooxml_unescape(cell.value) == "'" + text


def test_the_workbook_has_data_and_a_codebook_with_texts_levels_and_lineage(db):
    previous = make_questionnaire("2020")
    questionnaire = make_questionnaire("2021", previous=previous, lineage="reworded")
    round = RoundFactory(year=2021, questionnaire=questionnaire)
    full_response(round, member("aalst"))

    filename, mimetype, content = round_data.render(round=round, fmt="xlsx")

    assert filename == "jump-scan-2021-data.xlsx"
    assert mimetype.endswith("spreadsheetml.sheet")
    workbook = load_workbook(io.BytesIO(content))
    assert workbook.sheetnames == ["data", "codeboek"]
    codebook = list(workbook["codeboek"].iter_rows(values_only=True))
    assert codebook[0][:5] == ("kolom", "soort", "bouwsteen", "tekst", "waarden")
    by_column = {row[0]: row for row in codebook[1:]}
    lei = by_column["LEI-01"]
    assert lei[1:4] == ("stelling", "Leiderschap", "Stelling 1 over leiderschap.")
    assert lei[5:] == ("Niveau één", "Niveau twee", "Niveau drie", "Niveau vier", "reworded", "LEI-01")
    assert "Huisartsen" in by_column["samenwerking:huisartsen"][3]
    assert "algemeen = Algemeen ziekenhuis" in by_column["type"][4]
    data = list(workbook["data"].iter_rows(values_only=True))
    assert set(by_column) == set(data[0])
    assert data[1][data[0].index("LEI-01")] == 1


def test_the_pseudonymised_file_keeps_type_and_region_and_drops_what_identifies(round_with_answers):
    _f, _m, content = round_data.render(round=round_with_answers, fmt="csv", pseudonymised=True)
    files = _csv_files(content)
    text = b"".join(zipfile.ZipFile(io.BytesIO(content)).read(name) for name in files).decode("utf-8-sig")
    rows = _as_dicts(files["data.csv"])

    for identifying in ("aalst", "Aalst", "Zwolle", "virtuele", "transmurale", "jaarverslag"):
        assert identifying not in text
    assert "naam" not in rows[0]
    assert "trots_voorbeeld" not in rows[0]
    assert "goed_voorbeeld:leiderschap" not in rows[0]
    assert {row["instelling"] for row in rows} == {pseudonym("aalst"), pseudonym("zwolle")}
    assert {(row["type"], row["regio"]) for row in rows} == {("algemeen", "utrecht"), ("umc", "overijssel")}
    assert rows[0]["LEI-01"] in {"1", "2"}


def test_a_pseudonym_is_stable_and_depends_on_the_secret_key(settings):
    first = pseudonym("ziekenhuis-aalst")
    assert first == pseudonym("ziekenhuis-aalst")
    assert first != pseudonym("isala-zwolle")
    assert first.startswith("P-") and "aalst" not in first
    settings.SECRET_KEY = "another-secret-key-for-this-test-0123456789-abcdefghijkl"
    assert pseudonym("ziekenhuis-aalst") != first


def test_the_export_does_not_query_per_institution(round_2021, django_assert_max_num_queries):
    for number in range(30):
        full_response(round_2021, member(f"inst-{number:02d}"), seed=number)
    with django_assert_max_num_queries(12):
        _header, rows = data_table(round=round_2021)
    assert len(rows) == 30


@given(st.text())
def test_neutralising_is_undone_exactly_by_restore(text):
    safe = neutralise(text)
    assert restore(safe) == text
    assert not safe.startswith(("=", "+", "-", "@", "\t", "\r"))


@given(st.text())
def test_ooxml_escaping_is_undone_exactly(text):
    assert ooxml_unescape(ooxml_escape(text)) == text
    assert "\r" not in ooxml_escape(text)


def test_a_dutch_name_with_a_leading_apostrophe_is_left_alone():
    assert neutralise("'s-Hertogenbosch") == "'s-Hertogenbosch"
    assert restore("'s-Hertogenbosch") == "'s-Hertogenbosch"


def test_the_download_page_gives_analysts_the_workbook(client, ann, round_with_answers):
    client.force_login(ann)
    page = client.get("/analist/data/")
    assert page.status_code == 200
    response = client.get("/analist/data/export/", {"round": 2021, "format": "xlsx", "pseudonymised": "on"})
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="jump-scan-2021-data-gepseudonimiseerd.xlsx"'
    sheet = load_workbook(io.BytesIO(response.content))["data"]
    assert sheet.max_row == 3


def test_the_download_page_refuses_an_unknown_round(client, ann, round_2021):
    client.force_login(ann)
    assert client.get("/analist/data/export/", {"round": 1999, "format": "csv"}).status_code == 400


def test_the_institution_list_downloads_in_the_import_layout(client, ann, round_2021):
    member("aalst")
    client.force_login(ann)
    response = client.get("/analist/data/instellingen/", {"format": "csv"})
    lines = response.content.decode("utf-8-sig").splitlines()
    assert lines[0] == "instelling;naam;type;regio;lid_sinds;lid"
    assert lines[1] == "aalst;Ziekenhuis Aalst;algemeen;utrecht;2015-01-01;1"


@pytest.mark.parametrize(
    "url",
    ["/analist/data/", "/analist/data/export/?round=2021&format=csv", "/analist/data/instellingen/?format=csv"],
)
def test_the_data_pages_refuse_a_respondent(client, alice, round_2021, url):
    client.force_login(alice)
    assert client.get(url).status_code == 403


def test_the_data_pages_send_anonymous_visitors_to_sign_in(client, round_2021):
    response = client.get("/analist/data/export/?round=2021&format=csv")
    assert response.status_code == 302
    assert Response.objects.count() == 0


@hypothesis_settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(st.text(), st.integers(-(10**9), 10**9), st.none()), min_size=3, max_size=3))
def test_any_cell_survives_the_workbook(cells):
    # The last cell keeps the row from being empty, which a reader would skip.
    content = xlsx_bytes([("data", ["a", "b", "c", "d"], [[*cells, 1]])])
    read = next(load_workbook(io.BytesIO(content))["data"].iter_rows(min_row=2, max_col=3, values_only=True))
    expected = [(_NOT_IN_XML.sub("", cell) or None) if isinstance(cell, str) else cell for cell in cells]
    assert [restore(ooxml_unescape(cell)) if isinstance(cell, str) else cell for cell in read] == expected


def test_the_download_page_proposes_the_latest_round_with_submitted_answers(client, ann, round_with_answers):
    RoundFactory(year=2022)
    client.force_login(ann)
    form = client.get("/analist/data/").context["export_form"]
    assert form.initial["round"] == 2021
