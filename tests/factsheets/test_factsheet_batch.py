"""Every factsheet of a round at once: the command, its files, its failures, and running it again.

WeasyPrint takes seconds per factsheet, so most tests here swap the PDF for the
factsheet's HTML (`fast_render`): the batch logic is the same; one test renders real PDFs.
"""

import zipfile

import pytest
from django.core.management import CommandError, call_command

from factsheets.factsheet import batch
from factsheets.factsheet.batch import generate_factsheets
from factsheets.factsheet.content import build_factsheet, factsheet_filename
from factsheets.factsheet.render import factsheet_html
from tests.factsheets.factsheet_data import published_round

AALST_PDF = "factsheet-jumpscan-2021-ziekenhuis-aalst.pdf"


@pytest.fixture
def scan_round(db, aalst, zwolle, ann):
    return published_round(aalst, zwolle, ann)


@pytest.fixture
def fast_render(monkeypatch):
    def render(picture, **kwargs):
        html = factsheet_html(build_factsheet(picture, charts=False, **kwargs))
        return factsheet_filename(picture), "application/pdf", html.encode()

    monkeypatch.setattr(batch, "render_factsheet_pdf", render)
    return render


def test_it_writes_a_pdf_per_submitted_institution_and_a_zip_of_them(scan_round, tmp_path, fast_render):
    seen = []

    result = generate_factsheets(scan_round, out_dir=tmp_path, progress=lambda done, total, _f: seen.append(done))

    pdfs = sorted(p.name for p in tmp_path.glob("*.pdf"))
    assert len(pdfs) == 11 and AALST_PDF in pdfs
    assert seen == list(range(1, 12))
    assert result.failures == []
    with zipfile.ZipFile(result.archive) as archive:
        assert sorted(archive.namelist()) == pdfs


def test_running_it_again_gives_the_same_files(scan_round, tmp_path, fast_render):
    first = generate_factsheets(scan_round, out_dir=tmp_path)
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}

    again = generate_factsheets(scan_round, out_dir=tmp_path)

    assert len(first.written) == 11 and again.written == []
    assert len(again.unchanged) == 11
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before


def test_one_failing_institution_does_not_stop_the_others(scan_round, tmp_path, monkeypatch, fast_render):
    real = fast_render

    def render(picture, **kwargs):
        if picture.own.institution.code == "isala-zwolle":
            raise RuntimeError("kapotte grafiek")
        return real(picture, **kwargs)

    monkeypatch.setattr(batch, "render_factsheet_pdf", render)

    result = generate_factsheets(scan_round, out_dir=tmp_path)

    assert [(f.code, f.error) for f in result.failures] == [("isala-zwolle", "RuntimeError: kapotte grafiek")]
    assert len(result.written) == 10
    assert "factsheet-jumpscan-2021-isala-zwolle.pdf" not in {p.name for p in tmp_path.iterdir()}


def test_two_workers_make_the_same_files_as_one(scan_round, tmp_path, fast_render):
    one, two = tmp_path / "one", tmp_path / "two"
    generate_factsheets(scan_round, out_dir=one, make_zip=False)

    result = generate_factsheets(scan_round, out_dir=two, workers=2, make_zip=False)

    assert result.failures == []
    assert {p.name: p.read_bytes() for p in one.iterdir()} == {p.name: p.read_bytes() for p in two.iterdir()}


def test_the_command_makes_one_institutions_real_pdf_and_the_same_one_again(scan_round, tmp_path, capsys):
    call_command("generate_factsheets", round=2021, institution="ziekenhuis-aalst", out=tmp_path, verbosity=0)
    assert sorted(p.name for p in tmp_path.iterdir()) == [AALST_PDF, "factsheets-jumpscan-2021.zip"]
    assert "1 geschreven, 0 ongewijzigd, 0 mislukt" in capsys.readouterr().out
    first = (tmp_path / AALST_PDF).read_bytes()
    assert first.startswith(b"%PDF")

    call_command("generate_factsheets", round=2021, institution="ziekenhuis-aalst", out=tmp_path, verbosity=0)

    assert "0 geschreven, 1 ongewijzigd, 0 mislukt" in capsys.readouterr().out
    assert (tmp_path / AALST_PDF).read_bytes() == first


def test_the_command_lists_the_failures_at_the_end(scan_round, tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(batch, "render_factsheet_pdf", lambda picture, **kwargs: 1 / 0)

    with pytest.raises(CommandError, match="11 factsheet"):
        call_command("generate_factsheets", round=2021, out=tmp_path, verbosity=0)

    errors = capsys.readouterr().err
    assert "Ziekenhuis Aalst (ziekenhuis-aalst): ZeroDivisionError" in errors


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"round": 1999}, "geen ronde 1999"),
        ({"round": 2021, "institution": "onbekend"}, "geen instelling"),
        ({"round": 2021, "workers": 0}, "minstens 1"),
    ],
)
def test_the_command_refuses_what_does_not_exist(scan_round, tmp_path, options, message):
    with pytest.raises(CommandError, match=message):
        call_command("generate_factsheets", out=tmp_path, verbosity=0, **options)


def test_an_institution_that_did_not_submit_has_no_factsheet(scan_round, tmp_path):
    from tests.factories import InstitutionFactory

    InstitutionFactory(code="zonder-scan")

    with pytest.raises(CommandError, match="geen ingediende scan"):
        call_command("generate_factsheets", round=2021, institution="zonder-scan", out=tmp_path, verbosity=0)
