"""AVG (GDPR) requests: a contact person's data exported whole, or erased without changing any figure."""

import json
from io import StringIO

import pytest
from axes.models import AccessFailureLog, AccessLog
from django.contrib.auth.models import Permission
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from analysts.models import AuditEntry, MailKind, MailLog
from analysts.selectors.audit import AuditFilter, audit_trail, trail_entries
from factsheets.aggregation import national_picture
from surveys.models import BlockAnswer, Response, User
from surveys.services.accounts import user_change_rights
from surveys.services.history import person_name
from surveys.services.privacy import personal_data_erase, personal_data_export
from tests.audit.conftest import answer_change
from tests.factories import InstitutionFactory, ResponseFactory, UserFactory, answer_all

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery"
CHANGES_URL = "/admin/surveys/user/"


@pytest.fixture
def alices_year(round_2021, aalst_response, alice, bob, beheer, ann):
    """Alice filled in and submitted Aalst's 2021 answers, was invited and reminded; four others submitted too."""
    answer_all(aalst_response, level=3)
    block = round_2021.questionnaire.blocks.order_by("position").first()
    BlockAnswer.objects.create(response=aalst_response, block=block, good_example="Samen met de huisartsen.")
    Response.objects.filter(pk=aalst_response.pk).update(
        status=Response.Status.SUBMITTED,
        submitted_at=timezone.now(),
        submitted_by=alice,
        updated_by=alice,
        pride_example="Ons transferpunt.",
        consent_to_quote=True,
    )
    for level in (1, 2, 2, 4):
        other = ResponseFactory(round=round_2021, institution=InstitutionFactory())
        answer_all(other, level=level)
        Response.objects.filter(pk=other.pk).update(status=Response.Status.SUBMITTED, submitted_at=timezone.now())
    answer_change(aalst_response, alice, item="statement:LEI-01", old="2", new="3")
    answer_change(aalst_response, bob, item="statement:LEI-02", old="", new="3")
    for kind in (MailKind.INVITATION, MailKind.REMINDER):
        MailLog.objects.create(
            round=round_2021, kind=kind, recipient=alice, to_email="alice@example.nl", institution=alice.institution,
            sent_by=ann, subject=f"{kind} JuMP-scan 2021",
        )  # fmt: skip
    user_change_rights(user=alice, actor=beheer, is_staff=False, is_active=True)  # nothing changes, nothing logged
    User.objects.filter(pk=alice.pk).update(job_title="Programmaleider JZOJP", last_name="Jansen")
    alice.refresh_from_db()
    return round_2021


def sign_in(username: str, password: str = PASSWORD):
    return Client().post("/accounts/login/", {"username": username, "password": password})


# The export


def test_the_export_holds_the_account_and_everything_done_by_or_sent_to_the_person(alices_year, alice, beheer):
    user_change_rights(user=alice, actor=beheer, is_active=False)
    AccessLog.objects.create(username="alice", ip_address="10.0.0.1", user_agent="Firefox", http_accept="*/*")
    data = personal_data_export(user=alice)
    json.dumps(data)  # JSON as it is
    account = data["account"]
    assert (account["username"], account["email"], account["last_name"]) == ("alice", "alice@example.nl", "Jansen")
    assert account["job_title"] == "Programmaleider JZOJP"
    assert account["institution"] == {"code": "ziekenhuis-aalst", "name": "Ziekenhuis Aalst"}
    assert account["role"] == "respondent"
    (change,) = data["answer_changes"]  # hers, not bob's
    assert (change["item"], change["old"], change["new"], change["round"]) == ("statement:LEI-01", "2", "3", 2021)
    (response,) = data["responses"]
    assert response["submitted_by_this_person"] and response["status"] == "submitted"
    assert [mail["kind"] for mail in data["mails_received"]] == ["invitation", "reminder"]
    assert data["sign_ins"][0]["address"] == "10.0.0.1"
    (entry,) = data["audit"]
    assert (entry["action"], entry["as"], entry["new"]) == ("user.rights", "subject", {"is_active": False})


# The erasure


def test_after_erasure_nothing_identifies_the_person(alices_year, alice, ann):
    pk = alice.pk
    personal_data_erase(user=alice, actor=ann)
    alice = User.objects.get(pk=pk)
    assert alice.get_full_name() == "Verwijderde gebruiker"
    assert alice.username == f"verwijderd-{pk}"
    assert alice.email == f"verwijderd-{pk}@verwijderd.invalid"
    assert (alice.job_title, alice.last_login) == ("", None)
    assert not alice.is_active and not alice.has_usable_password()
    stored = json.dumps(personal_data_export(user=alice))
    for trace in ("alice", "Alice", "Jansen", "Programmaleider"):
        assert trace not in stored.replace("Verwijderde gebruiker", "")


def test_the_erased_person_can_no_longer_sign_in(alices_year, alice, ann):
    assert sign_in("alice").status_code == 302
    personal_data_erase(user=alice, actor=ann)
    for username in ("alice", "alice@example.nl", alice.username):
        page = sign_in(username)
        assert page.status_code == 200 and not page.wsgi_request.user.is_authenticated


def test_an_open_session_of_the_erased_person_ends(alices_year, alice, ann):
    client = Client()
    client.force_login(alice)
    assert client.get("/").wsgi_request.user.is_authenticated
    personal_data_erase(user=alice, actor=ann)
    assert not client.get("/").wsgi_request.user.is_authenticated


def test_erasure_changes_no_figure_of_the_national_picture(alices_year, alice, ann):
    before = national_picture(alices_year).to_dict()
    assert before["response"]  # five submitted institutions, Aalst among them
    personal_data_erase(user=alice, actor=ann)
    assert national_picture(alices_year).to_dict() == before


def test_the_answers_and_the_history_stay_and_read_as_a_deleted_user(alices_year, alice, aalst_response, ann):
    answers_before = list(aalst_response.statement_answers.values_list("statement_id", "level"))
    personal_data_erase(user=alice, actor=ann)
    aalst_response.refresh_from_db()
    assert list(aalst_response.statement_answers.values_list("statement_id", "level")) == answers_before
    assert (aalst_response.status, aalst_response.submitted_by_id) == ("submitted", alice.pk)
    change = aalst_response.changes.get(item="statement:LEI-01")
    assert change.changed_by_id == alice.pk and person_name(change.changed_by) == "Verwijderde gebruiker"
    trail = trail_entries(list(audit_trail(AuditFilter(kind="antwoorden"))))
    assert "Verwijderde gebruiker" in {entry.actor for entry in trail}


def test_the_mail_log_keeps_the_mails_but_not_the_address(alices_year, alice, ann):
    personal_data_erase(user=alice, actor=ann)
    addresses = set(MailLog.objects.filter(recipient=alice).values_list("to_email", flat=True))
    assert addresses == {f"verwijderd-{alice.pk}@verwijderd.invalid"}
    assert MailLog.objects.filter(recipient=alice).count() == 2


def test_sign_in_records_and_two_factor_devices_go(alices_year, alice, ann):
    AccessLog.objects.create(username="alice", ip_address="10.0.0.1", user_agent="Firefox", http_accept="*/*")
    AccessFailureLog.objects.create(username="alice@example.nl", ip_address="10.0.0.1", user_agent="x", http_accept="")
    AccessLog.objects.create(username="bob", ip_address="10.0.0.2", user_agent="Firefox", http_accept="*/*")
    TOTPDevice.objects.create(user=alice, name="telefoon", confirmed=True)
    personal_data_erase(user=alice, actor=ann)
    assert list(AccessLog.objects.values_list("username", flat=True)) == ["bob"]
    assert not AccessFailureLog.objects.exists() and not TOTPDevice.objects.exists()


def test_the_erasure_is_audited_without_the_erased_data(alices_year, alice, ann, beheer):
    user_change_rights(user=alice, actor=beheer, is_active=False)
    personal_data_erase(user=alice, actor=ann)
    entry = AuditEntry.objects.get(action="privacy.erase")
    assert (entry.actor, entry.object_id, entry.object_repr) == (ann, str(alice.pk), alice.username)
    assert "email" in entry.new["erased"] and entry.new["mails_masked"] == 2
    stored = json.dumps([list(AuditEntry.objects.values("object_repr", "old", "new"))])
    assert "alice" not in stored and "Jansen" not in stored


def test_nobody_erases_their_own_account_and_analysts_not_their_colleagues(alices_year, alice, ann, beheer):
    with pytest.raises(ValidationError):
        personal_data_erase(user=ann, actor=ann)
    with pytest.raises(ValidationError):
        personal_data_erase(user=beheer, actor=ann)
    ann.refresh_from_db()
    beheer.refresh_from_db()
    assert ann.username == "ann" and beheer.username == "beheer"
    assert not AuditEntry.objects.filter(action="privacy.erase").exists()


def test_erasing_twice_is_harmless(alices_year, alice, ann):
    personal_data_erase(user=alice, actor=ann)
    personal_data_erase(user=alice, actor=ann)
    assert alice.username == f"verwijderd-{alice.pk}"


# The admin's actions


def test_analysts_export_a_persons_data_from_the_user_admin(client, staff_ann, alices_year, alice):
    client.force_login(staff_ann)
    page = client.post(CHANGES_URL, {"action": "export_personal_data", "_selected_action": [alice.pk]})
    assert page.status_code == 200 and page["Content-Type"].startswith("application/json")
    assert "alice" not in page["Content-Disposition"]
    data = json.loads(page.content)
    assert data["account"]["email"] == "alice@example.nl"
    assert data["answer_changes"][0]["item"] == "statement:LEI-01"
    entry = AuditEntry.objects.get(action="privacy.export")
    assert (entry.actor, entry.object_id) == (staff_ann, str(alice.pk))


def test_analysts_erase_after_a_confirmation_page(client, staff_ann, alices_year, alice):
    client.force_login(staff_ann)
    ask = client.post(CHANGES_URL, {"action": "erase_personal_data", "_selected_action": [alice.pk]})
    assert ask.status_code == 200
    assert "Dit kan niet ongedaan worden gemaakt" in ask.content.decode()
    alice.refresh_from_db()
    assert alice.username == "alice"  # nothing yet
    done = client.post(
        CHANGES_URL, {"action": "erase_personal_data", "_selected_action": [alice.pk], "wissen_bevestigd": "ja"}
    )
    assert done.status_code == 302
    alice.refresh_from_db()
    assert alice.username == f"verwijderd-{alice.pk}"
    assert AuditEntry.objects.get(action="privacy.erase").actor == staff_ann


def test_the_confirmation_page_says_who_cannot_be_erased(client, staff_ann, alices_year, alice, beheer):
    client.force_login(staff_ann)
    ask = client.post(CHANGES_URL, {"action": "erase_personal_data", "_selected_action": [alice.pk, beheer.pk]})
    text = ask.content.decode()
    assert "Alleen een beheerder wist de gegevens van een medewerker" in text
    assert text.count('name="_selected_action"') == 1  # only alice goes forward


def test_only_analysts_have_the_personal_data_actions(client, staff_ann, alice, aalst):
    clerk = UserFactory(username="clerk", institution=aalst, is_staff=True)
    clerk.user_permissions.add(*Permission.objects.filter(codename__in=["view_user", "change_user"]))
    client.force_login(clerk)
    page = client.get(CHANGES_URL)
    assert page.status_code == 200
    assert "erase_personal_data" not in page.content.decode()
    client.post(
        CHANGES_URL, {"action": "erase_personal_data", "_selected_action": [alice.pk], "wissen_bevestigd": "ja"}
    )
    alice.refresh_from_db()
    assert alice.username == "alice"
    client.force_login(staff_ann)
    text = client.get(CHANGES_URL).content.decode()
    assert "erase_personal_data" in text and "export_personal_data" in text


# The command


def test_the_command_exports_by_e_mail_address(alices_year, alice):
    out = StringIO()
    call_command("personal_data", "--export", "ALICE@example.nl", stdout=out)
    data = json.loads(out.getvalue())
    assert data["account"]["username"] == "alice"
    assert AuditEntry.objects.get(action="privacy.export").actor is None


def test_the_command_erases_with_yes(alices_year, alice):
    out = StringIO()
    call_command("personal_data", "--erase", "alice@example.nl", "--yes", stdout=out)
    alice.refresh_from_db()
    assert alice.username == f"verwijderd-{alice.pk}"
    assert "alice" not in out.getvalue()


def test_the_command_does_not_erase_unasked_or_when_unsure_who(alices_year, alice, aalst):
    with pytest.raises(CommandError, match="--yes"):
        call_command("personal_data", "--erase", "alice@example.nl")
    UserFactory(username="alice2", email="alice@example.nl", institution=aalst)
    with pytest.raises(CommandError, match="2 gebruikers"):
        call_command("personal_data", "--erase", "alice@example.nl", "--yes")
    with pytest.raises(CommandError, match="Geen gebruiker"):
        call_command("personal_data", "--export", "nobody@example.nl")
    alice.refresh_from_db()
    assert alice.username == "alice"
