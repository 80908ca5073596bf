"""The analysts' batch from the web: a background job with visible progress and a zip at the end."""

import datetime
import zipfile
from io import BytesIO, StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from factsheets.batch_models import FactsheetBatch
from factsheets.factsheet import jobs
from factsheets.factsheet.content import build_factsheet, factsheet_filename
from factsheets.factsheet.render import factsheet_html
from surveys.models import Round
from tests.factsheets.builders import make_round, respond
from tests.factsheets.factsheet_data import published_round


@pytest.fixture
def scan_round(db, aalst, zwolle, ann, settings, tmp_path, monkeypatch):
    settings.MEDIA_ROOT = tmp_path

    def render(picture, **kwargs):  # the factsheet's HTML instead of a slow PDF: the job logic is what is tested
        return factsheet_filename(picture), "application/pdf", factsheet_html(build_factsheet(picture)).encode()

    monkeypatch.setattr(jobs, "stored_factsheet_pdf", render)
    return published_round(aalst, zwolle, ann)


def batches_url(year=2021):
    return reverse("factsheets:batches", args=[year])


def test_an_analyst_starts_the_batch_and_downloads_every_factsheet_in_one_zip(
    client, ann, scan_round, django_capture_on_commit_callbacks, settings
):
    client.force_login(ann)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(batches_url())

    batch = FactsheetBatch.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("factsheets:batch", args=[2021, batch.pk])
    assert (batch.status, batch.done, batch.total, batch.failures) == ("done", 11, 11, [])
    page = client.get(response["Location"]).content.decode()
    assert "11 van 11 verwerkt" in page and 'data-finished="true"' in page and "batch-progress.js" not in page
    download = client.get(reverse("factsheets:batch_zip", args=[2021, batch.pk]))
    assert download.status_code == 200
    with zipfile.ZipFile(_bytes(download)) as archive:
        names = archive.namelist()
    assert len(names) == 11 and "factsheet-jumpscan-2021-ziekenhuis-aalst.pdf" in names
    folder = settings.MEDIA_ROOT / "factsheets" / "batches" / str(batch.pk)
    assert [p.name for p in folder.iterdir()] == ["factsheets-jumpscan-2021.zip"]


def test_progress_is_visible_while_the_batch_runs(client, ann, scan_round):
    client.force_login(ann)

    client.post(batches_url())  # the jobs run only after the commit, which a test never reaches

    batch = FactsheetBatch.objects.get()
    assert (batch.status, batch.processed, batch.total) == ("running", 0, 11)
    page = client.get(reverse("factsheets:batch", args=[2021, batch.pk])).content.decode()
    assert "0 van 11 verwerkt" in page
    assert 'data-batch-progress data-finished="false"' in page and "js/batch-progress.js" in page


def test_a_batch_that_has_not_moved_for_ten_minutes_says_the_worker_seems_stopped(client, ann, scan_round):
    client.force_login(ann)
    client.post(batches_url())
    batch = FactsheetBatch.objects.get()
    url = reverse("factsheets:batch", args=[2021, batch.pk])
    assert "Geen voortgang sinds" not in client.get(url).content.decode()

    FactsheetBatch.objects.filter(pk=batch.pk).update(created_at=timezone.now() - datetime.timedelta(minutes=11))

    page = client.get(url).content.decode()
    assert "Geen voortgang sinds" in page and "de factsheets die nog ontbreken worden alsnog gemaakt" in page


def test_a_failing_factsheet_is_listed_and_the_rest_is_zipped(
    client, ann, scan_round, monkeypatch, django_capture_on_commit_callbacks
):
    real = jobs.stored_factsheet_pdf

    def render(picture, **kwargs):
        if picture.own.institution.code == "isala-zwolle":
            raise RuntimeError("kapot")
        return real(picture, **kwargs)

    monkeypatch.setattr(jobs, "stored_factsheet_pdf", render)
    client.force_login(ann)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(batches_url())

    batch = FactsheetBatch.objects.get()
    assert batch.status == "done" and batch.done == 10
    assert batch.failures == [{"code": "isala-zwolle", "name": "Isala Zwolle", "error": "RuntimeError: kapot"}]
    assert (
        "Isala Zwolle (isala-zwolle)" in client.get(reverse("factsheets:batch", args=[2021, batch.pk])).content.decode()
    )


def test_an_unpublished_round_cannot_be_batched(client, ann, db, aalst):
    respond(make_round(2021, status=Round.Status.CLOSED), aalst, levels=2)
    client.force_login(ann)

    response = client.post(batches_url(), follow=True)

    assert FactsheetBatch.objects.count() == 0
    assert "Publiceer de ronde" in response.content.decode()


def test_the_analysts_page_lists_every_submitted_institution(client, ann, scan_round):
    client.force_login(ann)

    page = client.get(batches_url()).content.decode()

    assert reverse("factsheets:factsheet_pdf", args=[2021, "ziekenhuis-aalst"]) in page
    assert reverse("factsheets:factsheet", args=[2021, "isala-zwolle"]) in page


@pytest.mark.parametrize("method", ["get", "post"])
def test_members_may_not_open_the_batch_pages(client, alice, scan_round, method):
    client.force_login(alice)

    assert getattr(client, method)(batches_url()).status_code == 403
    assert FactsheetBatch.objects.count() == 0


def test_members_may_not_see_a_batch_or_its_zip(client, alice, ann, scan_round, django_capture_on_commit_callbacks):
    client.force_login(ann)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(batches_url())
    batch = FactsheetBatch.objects.get()
    client.force_login(alice)

    assert client.get(reverse("factsheets:batch", args=[2021, batch.pk])).status_code == 403
    assert client.get(reverse("factsheets:batch_zip", args=[2021, batch.pk])).status_code == 403


def test_an_anonymous_visitor_is_sent_to_sign_in(client, scan_round):
    response = client.get(batches_url())

    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


def _bytes(response):
    return BytesIO(b"".join(response.streaming_content))


def test_a_worker_that_dies_mid_batch_is_finished_by_a_restart_without_duplicates(
    ann, scan_round, monkeypatch, django_capture_on_commit_callbacks
):
    rendered = []
    real_render = jobs.stored_factsheet_pdf

    def dies_after_three(picture, **kwargs):
        if len(rendered) == 3:
            raise SystemExit("worker killed")  # not an Exception: nothing in the job catches it
        rendered.append(picture.own.institution.code)
        return real_render(picture, **kwargs)

    monkeypatch.setattr(jobs, "stored_factsheet_pdf", dies_after_three)
    # The immediate backend runs every chunk now; each stops dead at the "kill", as a worker would.
    with django_capture_on_commit_callbacks(execute=True):
        jobs.batch_start(round=Round.objects.get(year=2021), user=ann)
    batch = FactsheetBatch.objects.get()
    assert (batch.status, batch.done, batch.total) == ("running", 3, 11)

    monkeypatch.setattr(jobs, "stored_factsheet_pdf", real_render)
    jobs.render_chunk(batch_id=batch.pk, institution_ids=batch.reported)  # a chunk run twice counts nobody twice
    call_command("resume_factsheet_batches", stdout=StringIO())

    batch.refresh_from_db()
    assert (batch.status, batch.done, batch.total, batch.failures) == ("done", 11, 11, [])
    with batch.archive.open("rb") as handle, zipfile.ZipFile(BytesIO(handle.read())) as archive:
        names = archive.namelist()
    assert len(names) == len(set(names)) == 11
