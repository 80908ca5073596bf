import io

import pytest
from django.core.management import CommandError, call_command
from openpyxl import load_workbook

from analysts.exports.round_data import render_csv_files
from surveys.models import Institution, Response
from tests.analysts.builders import full_response, member

pytestmark = pytest.mark.django_db


@pytest.fixture
def answered_round(round_2021):
    full_response(round_2021, member("aalst", contacts=0), seed=0)
    full_response(round_2021, member("ede", contacts=0), seed=1, submitted=False)
    return round_2021


def _run(*args: str) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_export_round_writes_the_data_and_its_codebook_as_csv(answered_round, tmp_path):
    out = tmp_path / "data.csv"
    printed = _run("export_round", "--round", "2021", "--format", "csv", "--out", str(out))

    data, codebook = render_csv_files(round=answered_round)
    assert out.read_bytes() == data
    assert (tmp_path / "data.codeboek.csv").read_bytes() == codebook
    assert "data.codeboek.csv" in printed
    assert len(data.decode("utf-8-sig").splitlines()) == 2


def test_export_round_writes_a_workbook_with_drafts_when_asked(answered_round, tmp_path):
    out = tmp_path / "data.xlsx"
    _run("export_round", "--round", "2021", "--format", "xlsx", "--out", str(out), "--include-drafts")
    workbook = load_workbook(out)
    assert workbook.sheetnames == ["data", "codeboek"]
    assert [row[1] for row in workbook["data"].iter_rows(min_row=2, values_only=True)] == ["aalst", "ede"]


def test_export_round_writes_the_pseudonymised_variant(answered_round, tmp_path):
    out = tmp_path / "pseudo.csv"
    _run("export_round", "--round", "2021", "--format", "csv", "--out", str(out), "--pseudonymised")
    text = out.read_text(encoding="utf-8-sig")
    assert "aalst" not in text.lower()
    assert "trots_voorbeeld" not in text


def test_export_round_refuses_an_unknown_round(db, tmp_path):
    with pytest.raises(CommandError, match="Ronde 1999 bestaat niet"):
        _run("export_round", "--round", "1999", "--format", "csv", "--out", str(tmp_path / "x.csv"))
    with pytest.raises(CommandError, match="--round"):
        _run("export_round", "--format", "csv", "--out", str(tmp_path / "x.csv"))


def test_export_then_import_round_trips_through_the_commands(answered_round, tmp_path):
    institutions, data = tmp_path / "instellingen.xlsx", tmp_path / "data.csv"
    _run("export_round", "--institutions", "--format", "xlsx", "--out", str(institutions))
    _run("export_round", "--round", "2021", "--format", "csv", "--out", str(data), "--include-drafts")
    before = data.read_bytes()
    Response.objects.all().delete()
    Institution.objects.all().delete()

    assert "2 nieuw" in _run("import_round", "--file", str(institutions))
    printed = _run("import_round", "--file", str(data), "--round", "2021")

    assert "uitslagen van een ronde 2021" in printed and "2 nieuw, 0 gewijzigd, 0 ongewijzigd" in printed
    _run("export_round", "--round", "2021", "--format", "csv", "--out", str(data), "--include-drafts")
    assert data.read_bytes() == before
    assert "0 nieuw, 0 gewijzigd, 2 ongewijzigd" in _run("import_round", "--file", str(data))


def test_import_round_lists_every_problem_and_imports_nothing(answered_round, tmp_path):
    data, _codebook = render_csv_files(round=answered_round)
    Response.objects.all().delete()
    broken = tmp_path / "kapot.csv"
    text = data.decode("utf-8-sig").replace(";aalst;", ";nergens;")
    broken.write_text(text, encoding="utf-8")
    errors = io.StringIO()

    with pytest.raises(CommandError, match="Niets geïmporteerd uit kapot.csv: 1 probleem"):
        call_command("import_round", "--file", str(broken), stdout=io.StringIO(), stderr=errors)

    assert "rij 2, kolom instelling: onbekende instelling 'nergens'" in errors.getvalue()
    assert not Response.objects.exists()


def test_import_round_dry_run_writes_nothing(answered_round, tmp_path):
    data = tmp_path / "data.csv"
    data.write_bytes(render_csv_files(round=answered_round)[0])
    Response.objects.all().delete()
    assert "zou importeren: 1 nieuw" in _run("import_round", "--file", str(data), "--dry-run")
    assert not Response.objects.exists()


def test_import_round_names_a_missing_file(db, tmp_path):
    with pytest.raises(CommandError, match="niet te lezen"):
        _run("import_round", "--file", str(tmp_path / "bestaat-niet.csv"))
