"""Every change of what a person may do is in the audit log: who, when, old → new, through code or the admin."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ValidationError
from django.forms import MultiWidget

from analysts.models import AuditEntry
from surveys.models import User
from surveys.services.accounts import user_change_rights

pytestmark = pytest.mark.django_db


def rights_entries(user: User) -> list[AuditEntry]:
    return list(AuditEntry.objects.filter(object_type="surveys.user", object_id=str(user.pk)).order_by("id"))


def admin_post_data(page) -> dict:
    """What the browser posts back for an unchanged admin change form, inlines included."""
    forms = [page.context["adminform"].form]
    for inline in page.context.get("inline_admin_formsets", []):
        formset = inline.formset
        forms += [formset.management_form, *formset.forms]
    data = {}
    for form in forms:
        for name in form.fields:
            bound = form[name]
            value = bound.value()
            if isinstance(bound.field.widget, MultiWidget):
                for index, part in enumerate(bound.field.widget.decompress(value)):
                    data[f"{bound.html_name}_{index}"] = "" if part is None else str(part)
            elif isinstance(value, bool):
                if value:
                    data[bound.html_name] = "on"
            elif isinstance(value, list | tuple):
                data[bound.html_name] = [str(item.pk if hasattr(item, "pk") else item) for item in value]
            elif value is not None:
                data[bound.html_name] = str(value.pk if hasattr(value, "pk") else value)
    return data


# Through code: surveys.services.accounts.user_change_rights


def test_it_records_who_changed_which_right_from_what_to_what(alice, beheer):
    user_change_rights(user=alice, actor=beheer, is_active=False)
    (entry,) = rights_entries(alice)
    assert (entry.action, entry.actor, entry.object_repr) == ("user.rights", beheer, "alice")
    assert entry.old == {"is_active": True}
    assert entry.new == {"is_active": False}
    alice.refresh_from_db()
    assert not alice.is_active


def test_it_records_a_new_role_with_the_institution_it_leaves(alice, beheer):
    user_change_rights(user=alice, actor=beheer, role=User.Role.ANALYST, institution=None, is_staff=True)
    (entry,) = rights_entries(alice)
    assert entry.old == {"role": "respondent", "is_staff": False, "institution": "Ziekenhuis Aalst"}
    assert entry.new == {"role": "analyst", "is_staff": True, "institution": None}


def test_it_records_groups_and_permissions_by_name(alice, beheer):
    group = Group.objects.create(name="Redactie")
    permission = Permission.objects.get(codename="view_round")
    user_change_rights(user=alice, actor=beheer, groups=[group], user_permissions=[permission])
    (entry,) = rights_entries(alice)
    assert entry.old == {"groups": [], "user_permissions": []}
    assert entry.new == {"groups": ["Redactie"], "user_permissions": ["surveys.view_round"]}


def test_it_writes_nothing_when_nothing_changes(alice, beheer):
    user_change_rights(user=alice, actor=beheer, is_active=True, role=User.Role.RESPONDENT)
    assert rights_entries(alice) == []


def test_it_refuses_a_contact_person_without_institution_and_changes_nothing(alice, beheer):
    with pytest.raises(ValidationError):
        user_change_rights(user=alice, actor=beheer, institution=None)
    alice.refresh_from_db()
    assert alice.institution.name == "Ziekenhuis Aalst"
    assert rights_entries(alice) == []


def test_it_changes_only_rights(alice, beheer):
    with pytest.raises(TypeError):
        user_change_rights(user=alice, actor=beheer, first_name="Eve")
    with pytest.raises(TypeError):
        user_change_rights(user=alice, actor=beheer, is_staff="yes")


# Through the admin


def test_an_administrator_changing_a_role_in_the_admin_is_audited(client, beheer, alice):
    client.force_login(beheer)
    url = f"/admin/surveys/user/{alice.pk}/change/"
    data = admin_post_data(client.get(url))
    data.update(role="analyst", institution="", is_staff="on")
    page = client.post(url, data)
    assert page.status_code == 302, page.context["adminform"].form.errors
    (entry,) = rights_entries(alice)
    assert entry.actor == beheer
    assert entry.old == {"role": "respondent", "is_staff": False, "institution": "Ziekenhuis Aalst"}
    assert entry.new == {"role": "analyst", "is_staff": True, "institution": None}


def test_groups_given_in_the_admin_are_audited(client, beheer, alice):
    group = Group.objects.create(name="Redactie")
    client.force_login(beheer)
    url = f"/admin/surveys/user/{alice.pk}/change/"
    data = admin_post_data(client.get(url))
    data["groups"] = [str(group.pk)]
    assert client.post(url, data).status_code == 302
    (entry,) = rights_entries(alice)
    assert (entry.old, entry.new) == ({"groups": []}, {"groups": ["Redactie"]})


def test_an_analyst_deactivating_a_contact_person_is_audited(client, staff_ann, alice):
    client.force_login(staff_ann)
    url = f"/admin/surveys/user/{alice.pk}/change/"
    data = admin_post_data(client.get(url))
    del data["is_active"]
    assert client.post(url, data).status_code == 302
    (entry,) = rights_entries(alice)
    assert (entry.actor, entry.old, entry.new) == (staff_ann, {"is_active": True}, {"is_active": False})


def test_saving_a_user_without_changing_rights_writes_nothing(client, staff_ann, alice):
    client.force_login(staff_ann)
    url = f"/admin/surveys/user/{alice.pk}/change/"
    data = admin_post_data(client.get(url))
    data["job_title"] = "Programmaleider"
    assert client.post(url, data).status_code == 302
    assert rights_entries(alice) == []


def test_an_analyst_still_cannot_hand_out_rights_and_nothing_is_recorded(client, staff_ann, alice):
    client.force_login(staff_ann)
    url = f"/admin/surveys/user/{alice.pk}/change/"
    data = admin_post_data(client.get(url))
    data.update(role="administrator", is_superuser="on", is_staff="on")
    client.post(url, data)
    alice.refresh_from_db()
    assert (alice.role, alice.is_superuser) == ("respondent", False)
    assert rights_entries(alice) == []


def test_a_new_account_made_in_the_admin_is_audited_with_its_rights(client, beheer, aalst):
    client.force_login(beheer)
    page = client.post(
        "/admin/surveys/user/add/",
        {
            "username": "dirk",
            "usable_password": "false",
            "role": "respondent",
            "institution": str(aalst.pk),
            "email": "dirk@example.nl",
        },
    )
    assert page.status_code == 302
    dirk = User.objects.get(username="dirk")
    (entry,) = rights_entries(dirk)
    assert (entry.action, entry.actor, entry.old) == ("user.create", beheer, None)
    assert entry.new["role"] == "respondent" and entry.new["institution"] == "Ziekenhuis Aalst"
    assert entry.new["is_superuser"] is False


def test_an_account_deleted_in_the_admin_leaves_its_rights_in_the_log(client, beheer, charlie):
    client.force_login(beheer)
    pk = charlie.pk
    assert client.post(f"/admin/surveys/user/{pk}/delete/", {"post": "yes"}).status_code == 302
    assert not User.objects.filter(pk=pk).exists()
    entry = AuditEntry.objects.get(action="user.delete")
    assert (entry.object_id, entry.object_repr, entry.actor) == (str(pk), "charlie", beheer)
    assert entry.old["institution"] == "Isala Zwolle"


def test_deactivating_a_member_on_the_institution_page_is_audited(client, staff_ann, alice, bob):
    client.force_login(staff_ann)
    url = f"/admin/surveys/institution/{alice.institution_id}/change/"
    data = admin_post_data(client.get(url))
    member_field = next(
        name for name, value in data.items() if name.endswith("-id") and value == str(bob.pk) and "members" in name
    )
    del data[member_field.removesuffix("-id") + "-is_active"]
    page = client.post(url, data)
    assert page.status_code == 302, page.context and page.context.get("errors")
    (entry,) = rights_entries(bob)
    assert (entry.actor, entry.old, entry.new) == (staff_ann, {"is_active": True}, {"is_active": False})
    assert rights_entries(alice) == []


# On the command line: the first administrator, as the README's production steps make it.


def test_createsuperuser_makes_an_administrator_and_logs_it(monkeypatch):
    from django.core.management import call_command

    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "correct-horse-battery-staple")
    call_command("createsuperuser", interactive=False, username="beheer", email="beheer@example.nl", verbosity=0)

    user = User.objects.get(username="beheer")
    assert (user.role, user.is_superuser, user.is_staff, user.institution) == ("administrator", True, True, None)
    assert user.check_password("correct-horse-battery-staple")
    [entry] = rights_entries(user)
    assert (entry.action, entry.actor, entry.old) == ("user.create", None, None)
    assert entry.new["role"] == "administrator" and entry.new["is_superuser"] is True
