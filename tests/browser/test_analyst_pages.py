"""The analysts' workspace in headless Chromium: the pages an analyst works in pass axe.

Invitations are sent as a background job here too (the task runs at once in the tests); its progress
page, the mail log, the response monitor, the audit trail and the data pages are checked.
"""

import datetime

import pytest
from django.utils import timezone

from analysts.models import MailBatch, MailKind
from analysts.services.mail_batches import mail_batch_run, mail_batch_start
from tests.analysts.builders_rounds import contact_person, open_round, submitted_response
from tests.factories import AnalystFactory, InstitutionFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "correct horse battery"


@pytest.fixture
def workspace(page, live_server):
    round = open_round(2021)
    ann = AnalystFactory(username="ann", first_name="Ann")
    for number in range(3):
        institution = InstitutionFactory(code=f"inst-{number}", name=f"Ziekenhuis {number}")
        contact_person(institution=institution, username=f"contact-{number}")
    submitted_response(round=round, institution=institution)
    batch = mail_batch_start(round=round, kind=MailKind.INVITATION, user=ann)
    mail_batch_run(batch_id=batch.pk)
    page.goto(f"{live_server.url}/accounts/login/?next=/analist/")
    page.fill("#id_username", "ann")
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="Aanmelden", exact=True).click()
    page.wait_for_load_state("networkidle")
    return live_server.url, batch


@pytest.mark.parametrize(
    ("name", "path"),
    [
        ("round", "/analist/rondes/2021/"),
        ("questionnaire preview", "/analist/rondes/2021/vragenlijst/voorbeeld/?taal=en"),
        ("invitations", "/analist/rondes/2021/uitnodigingen/"),
        ("mail batch", "/analist/rondes/2021/uitnodigingen/verzending/{batch}/"),
        ("mail log", "/analist/rondes/2021/uitnodigingen/verstuurd/"),
        ("monitor", "/analist/rondes/2021/monitor/"),
        ("audit trail", "/analist/audit/"),
        ("data", "/analist/data/"),
        ("data import", "/analist/data/import/"),
    ],
)
def test_the_page_passes_axe(page, workspace, axe_check, screenshot, name, path):
    base, batch = workspace
    page.goto(base + path.format(batch=batch.pk))
    page.wait_for_load_state("networkidle")
    assert page.locator("h1, h2").first.is_visible()
    axe_check(page, name)
    screenshot(page, f"analyst-{name.replace(' ', '-')}")


def test_a_batch_left_by_a_stopped_worker_says_so_and_passes_axe(page, workspace, axe_check, screenshot):
    base, batch = workspace
    stalled = mail_batch_start(round=batch.round, kind=MailKind.REMINDER, user=batch.created_by)
    # The job ran at once here; make it look like one whose worker stopped twelve minutes ago.
    twelve_minutes_ago = timezone.now() - datetime.timedelta(minutes=12)
    MailBatch.objects.filter(pk=stalled.pk).update(
        status=MailBatch.Status.RUNNING, finished_at=None, processed=0, progressed_at=twelve_minutes_ago
    )

    page.goto(f"{base}/analist/rondes/2021/uitnodigingen/verzending/{stalled.pk}/")

    alert = page.locator(".alert-warning").filter(has_text="Geen voortgang sinds")
    assert alert.is_visible() and "scripts/start-worker" in alert.inner_text()
    assert not page.locator("[data-reload-link]").is_visible()  # the page follows the batch by itself
    axe_check(page, "stalled mail batch")
    screenshot(page, "analyst-mail-batch-stalled")

    mail_batch_run(batch_id=stalled.pk)  # a restarted worker finishes it: the region follows, the page stays

    region = page.locator("[data-batch-progress]")
    region.filter(has_text="berichten verstuurd").wait_for()
    assert region.get_attribute("data-finished") == "true" and not alert.is_visible()
