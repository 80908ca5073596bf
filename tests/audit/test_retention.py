"""The audit trail is kept for JUMP_AUDIT_RETENTION_DAYS and no longer: `manage.py prune_audit`."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from analysts.models import AuditEntry, MailKind, MailLog
from analysts.services.audit import audit_record
from analysts.services.retention import audit_prune
from surveys.models import AnswerChange
from tests.audit.conftest import answer_change, backdate

pytestmark = pytest.mark.django_db

NOW = timezone.make_aware(datetime.datetime(2030, 6, 1, 12, 0))


def ago(days: float) -> datetime.datetime:
    return NOW - datetime.timedelta(days=days)


def mail(round, user, days_ago: float) -> MailLog:
    log = MailLog.objects.create(
        round=round,
        kind=MailKind.INVITATION,
        recipient=user,
        to_email=user.email,
        institution=user.institution,
        subject="Uitnodiging",
    )
    MailLog.objects.filter(pk=log.pk).update(sent_at=ago(days_ago))
    return log


@pytest.fixture
def history(settings, round_2021, aalst_response, alice, ann):
    """Per table one row just past the retention period, one just within it (30 days in these tests)."""
    settings.JUMP_AUDIT_RETENTION_DAYS = 30
    rows = {}
    for label, days in (("old", 30.01), ("recent", 29.99)):
        change = answer_change(aalst_response, alice)
        AnswerChange.objects.filter(pk=change.pk).update(changed_at=ago(days))
        entry = audit_record(actor=ann, action="round.open", obj=round_2021)
        AuditEntry.objects.filter(pk=entry.pk).update(at=ago(days))
        rows[label] = (change.pk, entry.pk, mail(round_2021, alice, days).pk)
    return rows


def remaining() -> tuple[set, set, set]:
    return (
        set(AnswerChange.objects.values_list("pk", flat=True)),
        set(AuditEntry.objects.values_list("pk", flat=True)),
        set(MailLog.objects.values_list("pk", flat=True)),
    )


def test_it_deletes_what_is_past_the_retention_period_and_keeps_the_rest(history):
    counts = audit_prune(now=NOW)
    assert counts == {"logboek": 1, "wijzigingen van antwoorden": 1, "verstuurde e-mails": 1}
    change, entry, log = history["recent"]
    assert remaining() == ({change}, {entry}, {log})


def test_a_dry_run_counts_and_deletes_nothing(history):
    before = remaining()
    assert audit_prune(now=NOW, dry_run=True) == {
        "logboek": 1,
        "wijzigingen van antwoorden": 1,
        "verstuurde e-mails": 1,
    }
    assert remaining() == before


def test_running_it_again_deletes_nothing_more(history):
    audit_prune(now=NOW)
    after_first = remaining()
    assert audit_prune(now=NOW) == {"logboek": 0, "wijzigingen van antwoorden": 0, "verstuurde e-mails": 0}
    assert remaining() == after_first


def test_the_retention_period_comes_from_the_settings(history, settings):
    settings.JUMP_AUDIT_RETENTION_DAYS = 365 * 7
    assert sum(audit_prune(now=NOW).values()) == 0
    assert sum(audit_prune(now=NOW + datetime.timedelta(days=365 * 7)).values()) == 6


def test_the_command_prints_the_counts_and_prunes_as_of_now(settings, round_2021, aalst_response, alice, ann):
    settings.JUMP_AUDIT_RETENTION_DAYS = 30
    answer_change(aalst_response, alice, days_ago=31)
    answer_change(aalst_response, alice, days_ago=1)
    backdate(audit_record(actor=ann, action="round.open", obj=round_2021), 45)
    dry = StringIO()
    call_command("prune_audit", "--dry-run", stdout=dry)
    assert "proefdraai" in dry.getvalue()
    assert "logboek: 1" in dry.getvalue() and "wijzigingen van antwoorden: 1" in dry.getvalue()
    assert AnswerChange.objects.count() == 2
    out = StringIO()
    call_command("prune_audit", stdout=out)
    assert "Bewaartermijn 30 dagen" in out.getvalue()
    assert "wijzigingen van antwoorden: 1" in out.getvalue() and "verstuurde e-mails: 0" in out.getvalue()
    assert AnswerChange.objects.count() == 1 and AuditEntry.objects.count() == 0
    again = StringIO()
    call_command("prune_audit", stdout=again)
    assert "logboek: 0" in again.getvalue() and "wijzigingen van antwoorden: 0" in again.getvalue()
