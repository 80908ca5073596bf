"""The national report: structure of the 2021 report, the aggregation's numbers, quotes only with consent."""

import re
from io import BytesIO

import pytest
from django.core.management import CommandError, call_command
from openpyxl import load_workbook
from pypdf import PdfReader

from factsheets.aggregation import labels, national_picture
from factsheets.charts import NumberFormat
from factsheets.national_report import findings
from factsheets.national_report.render import render_national_report_pdf, render_national_report_xlsx
from tests.factsheets.builders import make_round
from tests.factsheets.national_scan import NOT_CONSENTED_PRIDE, NOT_CONSENTED_QUOTE, build_scan

FMT = NumberFormat("nl")
# Every test asks for the database, so the test database is set up before the module's report is rendered.
pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def rendered(django_db_setup, django_db_blocker):
    """The scan, its picture and the report rendered once for the module (rendering takes a second)."""
    with django_db_blocker.unblock():
        from django.db import transaction

        with transaction.atomic():
            scan = build_scan()
            picture = national_picture(scan.round_2021)
            pdf = render_national_report_pdf(picture)
            workbook = render_national_report_xlsx(picture)
            names = sorted(i.name for i in scan.institutions)
            transaction.set_rollback(True)
    return picture, pdf, workbook, names


@pytest.fixture(scope="module")
def pages(rendered):
    _picture, (_name, _mimetype, content), _workbook, _names = rendered
    return [page.extract_text() for page in PdfReader(BytesIO(content)).pages]


def flat(text: str) -> str:
    """One line of text: whitespace collapsed and words broken at a hyphen joined again."""
    return re.sub(r"\s+", " ", text).replace("- ", "-")


def test_it_renders_a_pdf_named_after_the_round(rendered):
    _picture, (filename, mimetype, content), _workbook, _names = rendered
    assert filename == "jump-scan-2021-landelijke-rapportage.pdf"
    assert mimetype == "application/pdf"
    assert content.startswith(b"%PDF")


def test_it_follows_the_structure_of_the_2021_report(pages):
    text = flat(" ".join(pages[2:]))
    headings = [
        "1 Achtergrond",
        "Doelstelling",
        "Methode",
        "Respons",
        "2 Status",
        "2.1 Bouwstenen JZOJP 2020–2021",
        "2.2 Ziekenhuizen en overige zorginstellingen",
        "2.3 Speerpunten",
        "2.4 Regionale samenwerking",
        "3 Verdieping",
        "3.1 Leiderschap",
        "3.8 Stakeholders",
        "4 Kansen",
        "4.1 Prioriteiten voor het komende jaar",
        "4.3 Waar is men trots op?",
        "Bijlagen",
        "A Opbouw van de vragenlijst",
        "B Deelnemende instellingen",
    ]
    positions = [text.find(heading) for heading in headings]
    assert -1 not in positions, [h for h, p in zip(headings, positions, strict=True) if p == -1]
    assert positions == sorted(positions)
    assert "Waar staan de instellingen op weg" in pages[0]


def test_the_response_says_window_count_rate_and_hospitals_beside_others(rendered, pages):
    picture = rendered[0]
    text = flat(" ".join(pages))
    assert "23 maart tot en met 22 mei 2021" in text
    assert "In totaal hebben 18 instellingen de JuMP-scan volledig ingevuld: 13 ziekenhuizen en 5 overige" in text
    assert f"De respons bedraagt {FMT.percent(picture.response.overall.rate)}" in text


def test_block_scores_in_the_pdf_equal_the_aggregation(rendered, pages):
    picture = rendered[0]
    text = flat(" ".join(pages))
    trend = picture.national.trend
    for block in picture.blocks:
        change = trend.block(block.code)
        row = " ".join(
            [
                block.name,
                FMT.decimal(change.previous_mean),
                FMT.decimal(change.mean),
                FMT.signed(change.raw_change),
                FMT.signed(change.corrected_change),
            ]
        )
        assert row in text


def test_hospitals_and_others_in_the_pdf_equal_the_aggregation(rendered, pages):
    picture = rendered[0]
    text = flat(" ".join(pages))
    hospitals = picture.group("sector", "hospitals").figures
    other = picture.group("sector", "other").figures
    assert "Ziekenhuizen (n = 13) Overige zorginstellingen (n = 5)" in text
    for block in picture.blocks:
        row = (
            f"{block.name} {FMT.decimal(hospitals.block(block.code).mean)} {FMT.decimal(other.block(block.code).mean)}"
        )
        assert row in text


def test_statement_distributions_in_the_pdf_are_the_aggregations_percentages(rendered, pages):
    picture = rendered[0]
    text = flat(" ".join(pages))
    headings = [text.rindex(f"3.{b.position} {b.name} gemiddelde score") for b in picture.blocks]
    ends = headings[1:] + [text.rindex("4 Kansen")]
    for block, start, end in zip(picture.blocks, headings, ends, strict=True):
        printed = re.findall(r"(\d+)% (Niveau \w+)", text[start:end])
        expected = [
            (str(percent), sentence)
            for info in picture.statements_of(block.code)
            for sentence, percent in zip(
                info.levels, picture.national.statement(info.code).distribution.percentages, strict=True
            )
        ]
        assert printed == expected, block.code


def test_focus_collaboration_and_priorities_in_the_pdf_equal_the_aggregation(rendered, pages):
    picture = rendered[0]
    text = flat(" ".join(pages))
    for info in picture.focus_areas:
        share = picture.national.focus_area(info.code)
        assert f"{info.label} {FMT.percent(share.previous_share)} {FMT.percent(share.share)}" in text
    for info in picture.stakeholders:
        figures = picture.national.stakeholder(info.code)
        cells = " ".join(f"{p}%" for p in figures.distribution.percentages)
        assert f"{info.label} {cells} {FMT.decimal(figures.mean)} {FMT.decimal(figures.previous_mean)}" in text
    for block in picture.blocks:
        figures = picture.national.priority(block.code)
        cells = " ".join(f"{p}%" for p in figures.distribution.percentages)
        assert f"{block.name} {cells} {FMT.decimal(figures.mean_rank)}" in text


def test_quotes_and_pride_examples_come_only_from_consenting_institutions(rendered, pages):
    picture = rendered[0]
    text = flat(" ".join(pages))
    assert NOT_CONSENTED_QUOTE not in text
    assert NOT_CONSENTED_PRIDE not in text
    assert any(q.text in text for q in picture.quotes if q.level == 3)
    assert any(q.text in text for q in picture.quotes if q.level == 4)
    for example in picture.pride_examples:
        assert example.text in text


def test_the_pride_examples_are_the_five_highest_totals_printed_without_names_or_scores(rendered, pages):
    picture = rendered[0]
    assert len(picture.pride_examples) == 5
    text = flat(" ".join(pages))
    # The last mentions are the headings themselves (the first are in the contents).
    pride = text[text.rindex("4.3 Waar is men trots op?") : text.rindex("A Opbouw van de vragenlijst")]
    for example in picture.pride_examples:
        after = pride.split(example.text, 1)[1][:40]
        assert example.institution not in after
        assert FMT.decimal(example.total) not in after


def test_participants_are_listed_by_name_without_scores(rendered, pages):
    names = rendered[3]
    text = flat(" ".join(pages))
    listed = text.split("(in alfabetische volgorde).", 1)[1].split("C Verantwoording", 1)[0]
    assert listed.strip() == " ".join(names)


def test_the_workbook_holds_the_figures_and_the_reports_own_sheets(rendered):
    picture, _pdf, (filename, _mimetype, content), names = rendered
    assert filename.endswith(".xlsx")
    workbook = load_workbook(BytesIO(content))
    for sheet in (
        "Kernbevindingen",
        "Respons",
        "Bouwstenen",
        "Stellingen",
        "Citaten",
        "Trots",
        "Vragenlijst",
        "Deelnemers",
    ):
        assert sheet in workbook.sheetnames
    blocks = {row[0]: row for row in workbook["Bouwstenen"].iter_rows(min_row=2, values_only=True)}
    for block in picture.blocks:
        assert blocks[block.name][2] == pytest.approx(picture.national.block(block.code).mean)
    participants = [row[0] for row in workbook["Deelnemers"].iter_rows(min_row=2, values_only=True)]
    assert participants == names
    quotes = [row[2] for row in workbook["Citaten"].iter_rows(min_row=2, values_only=True)]
    assert NOT_CONSENTED_QUOTE not in quotes
    assert set(quotes) == {q.text for q in picture.quotes}


def test_the_status_finding_quotes_the_tables_figures(rendered):
    picture = rendered[0]
    strongest = max(picture.blocks, key=lambda b: picture.national.block(b.code).mean)
    first = findings.status(picture)[0]
    mean = FMT.decimal(picture.national.block(strongest.code).mean)
    assert first.startswith(
        f"Van de 8 bouwstenen is men het verst op {labels.name(strongest, 'nl')} (gemiddeld {mean})"
    )


def test_a_share_close_to_a_common_fraction_is_said_in_words():
    assert findings.share_phrase(0.33, FMT) == "een derde (33%)"
    assert findings.share_phrase(0.75, FMT) == "driekwart (75%)"
    assert findings.share_phrase(0.42, FMT) == "42%"


def test_the_command_writes_the_format_of_the_files_extension(db, tmp_path):
    scan = build_scan()
    make_round(2022, previous=scan.round_2021, lineage="same")
    pdf, xlsx = tmp_path / "rapport.pdf", tmp_path / "rapport.xlsx"
    call_command("national_report", "--round", str(scan.round_2021.year), "--out", str(pdf))
    call_command("national_report", "--round", str(scan.round_2021.year), "--out", str(xlsx))
    assert pdf.read_bytes().startswith(b"%PDF")
    assert xlsx.read_bytes().startswith(b"PK")
    with pytest.raises(CommandError, match=r"\.pdf of \.xlsx"):
        call_command("national_report", "--round", "2021", "--out", str(tmp_path / "rapport.docx"))
    with pytest.raises(CommandError, match="nog geen ingediende scans"):
        call_command("national_report", "--round", "2022", "--out", str(pdf))
    with pytest.raises(CommandError, match="1999"):
        call_command("national_report", "--round", "1999", "--out", str(pdf))


@pytest.mark.parametrize(("language", "expected"), [("nl", "publicatie op 6 december 2026"), ("en", "6 December 2026")])
def test_the_source_note_dates_the_snapshot_as_the_report_dates(language, expected):
    from types import SimpleNamespace

    from django.utils import translation

    from factsheets.national_report.render import source_note

    picture = SimpleNamespace(snapshot=SimpleNamespace(created_at="2026-12-06T09:15:00+00:00"))
    with translation.override(language):
        assert expected in source_note(picture)
