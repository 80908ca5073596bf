import csv
import hashlib
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models import Avg, Count
from django.test import Client
from openpyxl import Workbook, load_workbook

from analysts.exports import institutions as institutions_export
from analysts.exports import round_data
from analysts.imports.service import import_file
from analysts.models import AuditEntry
from analysts.services.audit import audit_label
from surveys.models import (
    BlockAnswer,
    CollaborationAnswer,
    FocusAreaChoice,
    Institution,
    PriorityRank,
    Response,
    Round,
    StatementAnswer,
)
from tests.analysts.builders import full_response, member

pytestmark = pytest.mark.django_db

ODD_TEXTS = ["=SUM(A1:A9)", "Regel één\r\nregel twee", "'s-Hertogenbosch", "  spaties  ", "_x000D_ letterlijk", "@x"]


def _data_csv(round: Round) -> bytes:
    data, _codebook = round_data.render_csv_files(round=round, include_drafts=True)
    return data


def _rows(content: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"), newline=""), delimiter=";"))


def _csv(rows: list[list[str]]) -> bytes:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, delimiter=";", lineterminator="\r\n").writerows(rows)
    return buffer.getvalue().encode("utf-8")


def _set(rows: list[list[str]], row: int, column: str, value: str) -> list[list[str]]:
    """Change a cell, addressed as a spreadsheet does: row 2 is the first data row."""
    rows[row - 1][rows[0].index(column)] = value
    return rows


def _figures(round: Round) -> dict:
    answers = {"response__round": round}
    return {
        "responses": sorted(Response.objects.filter(round=round).values_list("institution__code", "status")),
        "levels": list(
            StatementAnswer.objects.filter(**answers)
            .values("statement__code")
            .annotate(n=Count("id"), mean=Avg("level"))
            .order_by("statement__code")
        ),
        "focus": list(
            FocusAreaChoice.objects.filter(**answers)
            .values("focus_area__code")
            .annotate(n=Count("id"))
            .order_by("focus_area__code")
        ),
        "collaboration": list(
            CollaborationAnswer.objects.filter(**answers)
            .values("stakeholder__code")
            .annotate(mean=Avg("intensity"))
            .order_by("stakeholder__code")
        ),
        "first": list(
            PriorityRank.objects.filter(rank=1, **answers)
            .values("block__code")
            .annotate(n=Count("id"))
            .order_by("block__code")
        ),
        # An empty pair of open answers is no answer: the file has nothing to bring it back from.
        "texts": sorted(
            BlockAnswer.objects.filter(**answers)
            .exclude(good_example="", remarks="")
            .values_list("good_example", "remarks")
        ),
        "pride": sorted(Response.objects.filter(round=round).values_list("pride_example", "consent_to_quote")),
    }


@pytest.fixture
def filled_round(round_2021):
    for number, text in enumerate(ODD_TEXTS):
        institution = member(f"inst-{number}", type="umc" if number % 2 else "algemeen", contacts=0)
        full_response(round_2021, institution, seed=number, good_example=text, remarks=text[::-1], pride_example=text)
    full_response(round_2021, member("concept", contacts=0), seed=9, submitted=False)
    return round_2021


def _wipe(round: Round) -> None:
    for model in (StatementAnswer, BlockAnswer, FocusAreaChoice, CollaborationAnswer, PriorityRank):
        model.objects.filter(response__round=round).delete()
    Response.objects.filter(round=round).delete()
    Institution.objects.all().delete()


def test_export_wipe_import_export_gives_identical_csv_bytes_and_the_same_figures(filled_round):
    _f, _m, institutions = institutions_export.render(fmt="csv")
    before = _data_csv(filled_round)
    figures = _figures(filled_round)

    _wipe(filled_round)
    assert import_file(content=institutions, filename="instellingen.csv").created == 7
    report = import_file(content=before, filename="data.csv")

    assert report.ok, report.problems
    assert (report.created, report.updated, report.unchanged) == (7, 0, 0)
    assert _data_csv(filled_round) == before
    assert _figures(filled_round) == figures


def test_export_wipe_import_of_the_workbook_gives_the_same_figures_and_cells(filled_round):
    _f, _m, workbook = round_data.render(round=filled_round, fmt="xlsx", include_drafts=True)
    figures = _figures(filled_round)
    Response.objects.filter(round=filled_round).delete()

    report = import_file(content=workbook, filename="data.xlsx")

    assert report.ok, report.problems
    assert _figures(filled_round) == figures
    _f, _m, again = round_data.render(round=filled_round, fmt="xlsx", include_drafts=True)
    first, second = (list(load_workbook(io.BytesIO(b))["data"].values) for b in (workbook, again))
    assert first == second


def test_the_zip_of_the_csv_export_imports_too(filled_round):
    _f, _m, zipped = round_data.render(round=filled_round, fmt="csv")
    Response.objects.filter(round=filled_round).delete()
    report = import_file(content=zipped, filename="export.zip")
    assert report.ok and report.created == 6


def test_importing_the_same_file_twice_changes_nothing(filled_round):
    content = _data_csv(filled_round)
    Response.objects.filter(round=filled_round).delete()
    import_file(content=content, filename="data.csv")
    stamps = list(Response.objects.order_by("pk").values_list("pk", "updated_at", "version"))

    report = import_file(content=content, filename="data.csv")

    assert (report.created, report.updated, report.unchanged) == (0, 0, 7)
    assert list(Response.objects.order_by("pk").values_list("pk", "updated_at", "version")) == stamps


def test_importing_the_export_over_its_own_data_changes_nothing(filled_round):
    report = import_file(content=_data_csv(filled_round), filename="data.csv")
    assert (report.created, report.updated, report.unchanged) == (0, 0, 7)


def test_a_changed_row_updates_that_response_only_and_raises_its_version(filled_round):
    rows = _set(_rows(_data_csv(filled_round)), 2, "LEI-01", "4")
    report = import_file(content=_csv(rows), filename="data.csv")
    assert (report.created, report.updated, report.unchanged) == (0, 1, 6)
    response = Response.objects.get(institution__code=rows[1][1])
    assert response.version == 2
    assert response.statement_answers.get(statement__code="LEI-01").level == 4


def test_a_dry_run_reports_the_changes_and_writes_nothing(filled_round):
    content = _data_csv(filled_round)
    Response.objects.filter(round=filled_round).delete()
    report = import_file(content=content, filename="data.csv", dry_run=True)
    assert (report.ok, report.applied, report.created) == (True, False, 7)
    assert not Response.objects.exists()


# Malformed files: a clear message naming row and column, and nothing imported.


@pytest.fixture
def export_rows(filled_round):
    rows = _rows(_data_csv(filled_round))
    Response.objects.filter(round=filled_round).delete()
    return rows


def _refused(content: bytes, filename: str = "data.csv", **kwargs) -> list[str]:
    report = import_file(content=content, filename=filename, **kwargs)
    assert not report.ok
    assert not report.applied
    assert not Response.objects.exists()
    return [str(problem) for problem in report.problems]


def test_it_refuses_a_level_of_5(export_rows):
    assert _refused(_csv(_set(export_rows, 3, "PAT-02", "5"))) == ["rij 3, kolom PAT-02: niveau 5 bestaat niet (1–4)"]


def test_it_refuses_a_level_that_is_no_number(export_rows):
    assert _refused(_csv(_set(export_rows, 2, "LEI-01", "hoog"))) == [
        "rij 2, kolom LEI-01: 'hoog' is geen niveau (1–4)"
    ]


def test_it_refuses_missing_columns_and_names_each(export_rows):
    keep = [i for i, name in enumerate(export_rows[0]) if name not in ("status", "LEI-02")]
    rows = [[row[i] for i in keep] for row in export_rows]
    assert _refused(_csv(rows)) == [
        "rij 1, kolom status: deze kolom ontbreekt",
        "rij 1, kolom LEI-02: deze kolom ontbreekt",
    ]


def test_it_refuses_an_unknown_statement_code_column(export_rows):
    rows = [row + ["3"] for row in export_rows]
    rows[0][-1] = "XYZ-99"
    assert _refused(_csv(rows)) == ["rij 1, kolom XYZ-99: de vragenlijst van ronde 2021 heeft geen stelling XYZ-99"]


def test_it_refuses_wrong_columns(db, round_2021):
    problems = _refused(_csv([["naam", "score"], ["Aalst", "3"]]))
    assert problems == [
        "rij 1: De kolommen passen niet bij uitslagen (ronde, instelling, status, …) of bij een instellingenlijst "
        "(instelling, naam, type, regio, lid_sinds, lid)."
    ]


def test_it_refuses_an_unknown_institution(export_rows):
    problems = _refused(_csv(_set(export_rows, 4, "instelling", "nergens")))
    assert problems == ["rij 4, kolom instelling: onbekende instelling 'nergens'; importeer eerst de instellingenlijst"]


def test_it_refuses_a_broken_workbook(db, filled_round):
    _f, _m, workbook = round_data.render(round=filled_round, fmt="xlsx")
    Response.objects.all().delete()
    assert _refused(workbook[: len(workbook) // 2], "data.xlsx") == [
        "Dit is geen geldig XLSX-bestand: het is beschadigd."
    ]
    assert _refused(b"no zip at all", "data.xlsx") == ["Dit is geen geldig XLSX-bestand: het is beschadigd."]


@pytest.mark.parametrize("content", [b"", b"\xef\xbb\xbf", b"\r\n\r\n", b";;;\r\n"])
def test_it_refuses_an_empty_file(db, content):
    assert _refused(content) == ["Het bestand is leeg."]


def test_it_refuses_a_file_with_only_the_header(export_rows):
    assert _refused(_csv(export_rows[:1])) == ["Het bestand bevat alleen kopjes, geen gegevens."]


def test_it_refuses_a_file_in_the_wrong_encoding(export_rows):
    rows = _set(export_rows, 3, "trots_voorbeeld", "Één loket")
    content = _csv(rows).decode("utf-8").encode("cp1252")
    assert _refused(content) == ["rij 3: Het bestand is geen UTF-8-tekst: sla het op als 'CSV UTF-8'."]


def test_a_problem_on_the_last_row_imports_nothing_at_all(export_rows):
    rows = _set(export_rows, len(export_rows), "samenwerking:vvt", "9")
    assert _refused(_csv(rows)) == [f"rij {len(export_rows)}, kolom samenwerking:vvt: niveau 9 bestaat niet (1–4)"]


def test_it_reports_every_problem_not_only_the_first(export_rows):
    rows = _set(export_rows, 2, "LEI-01", "0")
    rows = _set(rows, 3, "instelling", "onbekend")
    rows = _set(rows, 4, "status", "klaar")
    rows = _set(rows, 5, "ingediend_op", "gisteren")
    taken = rows[5][rows[0].index("prioriteit:leiderschap")]
    rows = _set(rows, 6, "prioriteit:ict", taken)
    rows = _set(rows, 7, "speerpunt:ehealth", "ja")
    assert _refused(_csv(rows)) == [
        "rij 2, kolom LEI-01: niveau 0 bestaat niet (1–4)",
        "rij 3, kolom instelling: onbekende instelling 'onbekend'; importeer eerst de instellingenlijst",
        "rij 4, kolom status: 'klaar' is geen van: draft, submitted",
        "rij 5, kolom ingediend_op: 'gisteren' is geen datum en tijd (zoals 2021-05-01T14:30:00+02:00)",
        f"rij 6, kolom prioriteit:ict: plaats {taken} staat ook bij prioriteit:leiderschap",
        "rij 7, kolom speerpunt:ehealth: 'ja' is geen 1 of 0",
    ]


def test_it_refuses_an_institution_twice_and_a_submitted_row_without_its_moment(export_rows):
    rows = export_rows + [list(export_rows[1])]
    rows = _set(rows, 3, "ingediend_op", "")
    assert _refused(_csv(rows)) == [
        "rij 3, kolom ingediend_op: verplicht bij de status 'submitted'",
        f"rij {len(rows)}, kolom instelling: deze instelling staat ook in rij 2",
    ]


def test_it_refuses_rows_of_another_round_than_asked(export_rows):
    problems = _refused(_csv(export_rows), year=2020)
    assert problems == ["kolom ronde: ronde 2020 bestaat niet; maak de ronde eerst aan"]


def test_it_refuses_a_row_whose_round_differs_from_the_file(export_rows):
    assert _refused(_csv(_set(export_rows, 5, "ronde", "2020"))) == [
        "rij 5, kolom ronde: '2020' is niet de ronde van deze import (2021)"
    ]


def test_it_refuses_to_change_a_published_round(export_rows, filled_round):
    Round.objects.filter(pk=filled_round.pk).update(status=Round.Status.PUBLISHED)
    assert _refused(_csv(export_rows)) == ["Ronde 2021 is gepubliceerd: de gegevens liggen vast."]


def test_it_reads_a_workbook_typed_by_hand_with_numbers_and_dates(export_rows):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(export_rows[0])
    for row in export_rows[1:]:
        sheet.append([int(cell) if cell.isdigit() else (cell or None) for cell in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    report = import_file(content=buffer.getvalue(), filename="met de hand.xlsx")
    assert report.ok, report.problems
    assert report.created == 7


def test_it_reads_a_comma_separated_file_too(export_rows):
    buffer = io.StringIO(newline="")
    csv.writer(buffer).writerows(export_rows)
    report = import_file(content=buffer.getvalue().encode(), filename="komma.csv")
    assert report.ok, report.problems


# The institution list.

INSTITUTIONS = [
    ["instelling", "naam", "type", "regio", "lid_sinds", "lid"],
    ["ziekenhuis-aalst", "Ziekenhuis Aalst", "algemeen", "utrecht", "2015-01-01", "1"],
    ["umc-noord", "UMC Noord", "umc", "groningen", "", "0"],
]


def test_the_institution_list_creates_and_updates_by_code(db):
    Institution.objects.create(code="ziekenhuis-aalst", name="Oude naam", type="stz", region="drenthe")
    report = import_file(content=_csv(INSTITUTIONS), filename="instellingen.csv")
    assert (report.kind, report.created, report.updated, report.unchanged) == ("instellingen", 1, 1, 0)
    aalst = Institution.objects.get(code="ziekenhuis-aalst")
    assert (aalst.name, aalst.type, aalst.region, str(aalst.member_since)) == (
        "Ziekenhuis Aalst",
        "algemeen",
        "utrecht",
        "2015-01-01",
    )
    noord = Institution.objects.get(code="umc-noord")
    assert (noord.is_member, noord.member_since) == (False, None)

    again = import_file(content=_csv(INSTITUTIONS), filename="instellingen.csv")
    assert (again.created, again.updated, again.unchanged) == (0, 0, 2)


def test_the_institution_list_reports_every_bad_cell_and_imports_nothing(db):
    rows = [list(row) for row in INSTITUTIONS] + [["Fout Code!", "", "kliniek", "mars", "31-12-2020", "ja"]]
    report = import_file(content=_csv(rows), filename="instellingen.csv")
    assert [str(p) for p in report.problems] == [
        "rij 4, kolom instelling: 'Fout Code!' is geen geldige code (letters, cijfers, - en _)",
        "rij 4, kolom naam: de naam ontbreekt",
        "rij 4, kolom type: 'kliniek' is geen van: algemeen, stz, umc, categoraal, overig",
        "rij 4, kolom regio: 'mars' is geen van: groningen, friesland, drenthe, overijssel, flevoland, gelderland, "
        "utrecht, noord_holland, zuid_holland, zeeland, noord_brabant, limburg",
        "rij 4, kolom lid_sinds: '31-12-2020' is geen datum (zoals 2015-01-31)",
        "rij 4, kolom lid: 'ja' is geen 1 of 0",
    ]
    assert not Institution.objects.exists()


def test_the_institution_list_names_a_missing_column(db):
    rows = [row[:-1] for row in INSTITUTIONS]
    assert [str(p) for p in import_file(content=_csv(rows), filename="i.csv").problems] == [
        "rij 1, kolom lid: deze kolom ontbreekt"
    ]


# The upload page: check first, then confirm.


def _upload(client, content: bytes, name: str = "data.csv", **data):
    return client.post("/analist/data/import/", {"file": SimpleUploadedFile(name, content), **data})


def test_the_upload_page_says_what_a_file_must_contain(client, ann):
    client.force_login(ann)
    page = client.get("/analist/data/import/").content.decode()
    assert "Wat een bestand moet bevatten" in page
    assert all(f"<code>{column}</code>" in page for column in ("instelling", "naam", "type", "regio", "lid"))
    assert 'href="/analist/data/"' in page  # where the export of a round, the example, is


def test_the_upload_page_checks_first_and_writes_only_after_confirmation(client, ann, export_rows):
    client.force_login(ann)
    assert client.get("/analist/data/import/").status_code == 200

    page = _upload(client, _csv(export_rows), round="2021")

    assert page.status_code == 200
    html = page.content.decode()
    assert "7 nieuw" in html and "Importeren bevestigen" in html
    assert not Response.objects.exists()
    token = page.context["confirm_form"].initial["token"]

    done = client.post("/analist/data/import/", {"token": token})

    assert done.status_code == 302 and done["Location"] == "/analist/data/"
    assert Response.objects.count() == 7
    again = client.post("/analist/data/import/", {"token": token})
    assert again.status_code == 302 and again["Location"] == "/analist/data/import/"
    assert Response.objects.count() == 7


def test_the_upload_page_lists_every_problem_and_offers_no_confirmation(client, ann, export_rows):
    client.force_login(ann)
    rows = _set(_set(export_rows, 2, "LEI-01", "5"), 3, "instelling", "nergens")
    page = _upload(client, _csv(rows))
    html = page.content.decode()
    assert "rij 2, kolom LEI-01: niveau 5 bestaat niet (1–4)" in html
    assert "rij 3, kolom instelling: onbekende instelling" in html
    assert "Importeren bevestigen" not in html
    assert page.context["confirm_form"] is None


def test_the_upload_page_refuses_a_confirmation_with_a_foreign_token(client, ann, export_rows):
    client.force_login(ann)
    _upload(client, _csv(export_rows))
    response = client.post("/analist/data/import/", {"token": "not-the-token"}, follow=True)
    assert "verlopen" in response.content.decode()
    assert not Response.objects.exists()


def test_the_upload_form_needs_its_csrf_token(ann, export_rows):
    client = Client(enforce_csrf_checks=True)
    client.force_login(ann)
    assert _upload(client, _csv(export_rows)).status_code == 403
    page = client.get("/analist/data/import/")
    assert 'name="csrfmiddlewaretoken"' in page.content.decode()


@pytest.mark.parametrize("method", ["get", "post"])
def test_the_upload_page_refuses_a_respondent(client, alice, export_rows, method):
    client.force_login(alice)
    response = getattr(client, method)("/analist/data/import/")
    assert response.status_code == 403
    assert _upload(client, _csv(export_rows)).status_code == 403
    assert not Response.objects.exists()


# An applied import leaves a trail: who imported which file, and what it did to each response or institution.


def test_a_changed_response_is_logged_with_the_levels_that_changed_the_file_and_who(filled_round, ann):
    rows = _rows(_data_csv(filled_round))
    code = rows[1][1]
    before = Response.objects.get(institution__code=code).statement_answers.get(statement__code="LEI-01").level
    content = _csv(_set(rows, 2, "LEI-01", "4" if before != 4 else "1"))

    import_file(content=content, filename="data.csv", actor=ann)

    entry = AuditEntry.objects.get(action="response.import")
    response = Response.objects.get(institution__code=code)
    assert (entry.actor, entry.object_type, entry.object_id) == (ann, "surveys.response", str(response.pk))
    assert entry.object_repr == str(response)
    assert entry.old == {"levels": {"LEI-01": before}}
    assert entry.new == {
        "levels": {"LEI-01": 4 if before != 4 else 1},
        "file": "data.csv",
        "sha256": hashlib.sha256(content).hexdigest(),
    }
    assert audit_label(entry.action) == "Respons geïmporteerd"


def test_every_new_response_is_logged_with_what_it_holds(filled_round):
    content = _data_csv(filled_round)
    Response.objects.filter(round=filled_round).delete()

    import_file(content=content, filename="data.csv")  # the command line: no actor

    entries = AuditEntry.objects.filter(action="response.import")
    assert entries.count() == 7 and not entries.filter(actor__isnull=False).exists()
    entry = entries.first()
    response = Response.objects.get(pk=entry.object_id)
    assert entry.old is None and entry.new["file"] == "data.csv" and entry.new["status"] == response.status
    assert entry.new["levels"] == dict(response.statement_answers.values_list("statement__code", "level"))


def test_an_unchanged_response_a_dry_run_and_a_refused_file_log_nothing(filled_round, ann):
    content = _data_csv(filled_round)
    import_file(content=content, filename="data.csv", actor=ann)  # the same data again
    import_file(content=_csv(_set(_rows(content), 2, "LEI-01", "4")), filename="d.csv", actor=ann, dry_run=True)
    import_file(content=_csv(_set(_rows(content), 2, "LEI-01", "9")), filename="e.csv", actor=ann)
    assert not AuditEntry.objects.exists()


def test_an_institution_import_logs_the_fields_it_changed(filled_round, ann):
    institution = Institution.objects.get(code="inst-0")
    header = ["instelling", "naam", "type", "regio", "lid_sinds", "lid"]
    since = institution.member_since.isoformat() if institution.member_since else ""
    rows = [
        header,
        ["inst-0", "Nieuwe naam", institution.type, institution.region, since, "1"],
        ["nieuw", "Nieuw ziekenhuis", "algemeen", "utrecht", "2024-01-01", "1"],
    ]

    report = import_file(content=_csv(rows), filename="instellingen.csv", actor=ann)

    assert report.ok, report.problems
    changed = AuditEntry.objects.get(action="institution.import", object_id=str(institution.pk))
    assert changed.old == {"name": institution.name}
    assert changed.new["name"] == "Nieuwe naam" and changed.new["file"] == "instellingen.csv"
    created = AuditEntry.objects.get(action="institution.import", object_repr="Nieuw ziekenhuis")
    assert created.old is None
    assert created.new["member_since"] == "2024-01-01" and created.actor == ann


def test_the_upload_page_logs_the_analyst_who_confirmed(client, ann, filled_round):
    rows = _set(_rows(_data_csv(filled_round)), 2, "LEI-01", "1")
    client.force_login(ann)
    page = _upload(client, _csv(rows), round="2021")
    client.post("/analist/data/import/", {"token": page.context["confirm_form"].initial["token"]})
    assert set(AuditEntry.objects.values_list("actor__username", flat=True)) <= {"ann"}


def test_the_audit_page_shows_an_import_in_words(client, ann, filled_round):
    rows = _rows(_data_csv(filled_round))
    before = Response.objects.get(institution__code=rows[1][1]).statement_answers.get(statement__code="LEI-01").level
    after = 4 if before != 4 else 1
    import_file(content=_csv(_set(rows, 2, "LEI-01", str(after))), filename="uitslagen.csv", actor=ann)
    client.force_login(ann)

    page = client.get("/analist/audit/", {"soort": "antwoorden"}).content.decode()

    assert "Respons geïmporteerd" in page
    # PostgreSQL's jsonb keeps its own key order, so each part is looked for on its own.
    assert f"niveaus: LEI-01 {before}" in page and f"niveaus: LEI-01 {after}" in page
    assert "bestand: uitslagen.csv" in page


def test_the_audit_of_an_import_costs_a_fixed_number_of_queries(filled_round, ann, django_assert_max_num_queries):
    content = _data_csv(filled_round)
    Response.objects.filter(round=filled_round).delete()
    with django_assert_max_num_queries(25):  # 18 for 7 new responses, and the same for 7,000
        import_file(content=content, filename="data.csv", actor=ann)
    assert AuditEntry.objects.filter(action="response.import").count() == 7
