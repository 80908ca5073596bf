"""A factsheet PDF made once is kept: a later download is served from it, and only for exactly that document."""

import pytest
from django.core.files.storage import default_storage
from django.urls import reverse

from factsheets.aggregation import institution_picture
from factsheets.factsheet import stored
from factsheets.factsheet.render import render_factsheet_pdf
from factsheets.factsheet.stored import stored_factsheet_pdf, stored_folder
from factsheets.services import round_publish
from tests.factsheets.factsheet_data import published_round


@pytest.fixture
def scan_round(db, aalst, zwolle, ann, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return published_round(aalst, zwolle, ann)


@pytest.fixture
def renders(monkeypatch):
    """Every real rendering of a kept factsheet, counted."""
    calls = []
    html_to_pdf = stored.html_to_pdf

    def counting(html, **kwargs):
        calls.append(html)
        return html_to_pdf(html, **kwargs)

    monkeypatch.setattr(stored, "html_to_pdf", counting)
    return calls


def kept_files(year: int = 2021) -> list[str]:
    try:
        return default_storage.listdir(stored_folder(year))[1]
    except FileNotFoundError:
        return []


def test_the_second_download_is_served_from_the_kept_pdf(client, bob, scan_round, renders):
    client.force_login(bob)
    url = reverse("factsheets:factsheet_pdf", args=[2021, "ziekenhuis-aalst"])

    first = client.get(url)
    second = client.get(url)

    assert len(renders) == 1 and len(kept_files()) == 1
    assert second.content == first.content
    assert second["Content-Disposition"] == first["Content-Disposition"]


def test_the_kept_pdf_is_what_a_fresh_rendering_gives(scan_round, aalst, renders):
    picture = institution_picture(scan_round, aalst)
    stored_factsheet_pdf(picture)
    assert stored_factsheet_pdf(picture) == render_factsheet_pdf(picture)
    assert len(renders) == 1


def test_another_institution_or_language_is_another_document(scan_round, aalst, zwolle, renders):
    stored_factsheet_pdf(institution_picture(scan_round, aalst))
    stored_factsheet_pdf(institution_picture(scan_round, aalst), language="en")
    stored_factsheet_pdf(institution_picture(scan_round, zwolle))
    assert len(renders) == 3 and len(kept_files()) == 3


def test_new_figures_make_a_new_pdf_and_publishing_again_clears_the_old(
    scan_round, aalst, ann, renders, django_capture_on_commit_callbacks
):
    stored_factsheet_pdf(institution_picture(scan_round, aalst))
    assert len(kept_files()) == 1

    with django_capture_on_commit_callbacks(execute=True):
        round_publish(round=scan_round, user=ann)

    assert kept_files() == []
    stored_factsheet_pdf(institution_picture(scan_round, aalst))
    assert len(renders) == 2


def test_the_rounds_batch_keeps_every_factsheet_for_the_web(
    client, ann, bob, scan_round, renders, django_capture_on_commit_callbacks
):
    client.force_login(ann)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("factsheets:batches", args=[2021]))
    made = len(renders)
    assert made >= 2 and len(kept_files()) == made

    client.force_login(bob)
    response = client.get(reverse("factsheets:factsheet_pdf", args=[2021, "ziekenhuis-aalst"]))

    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    assert len(renders) == made  # nothing rendered again
