"""The admin: only staff enter; an analyst (staff, not superuser) works on the scan's data but never sees
sign-in secrets or logs, never deletes, and never takes over an account with more rights."""

import fnmatch

import pytest
from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice

from surveys.models import Institution, User
from tests.factories import AnalystFactory, UserFactory
from tests.security.support import build, named_urls

pytestmark = pytest.mark.django_db

# Families an analyst must never open (403, or a redirect to the admin's start page).
SECRET_FOR_ANALYSTS = ["admin:otp_totp_*", "admin:axes_*", "admin:auth_group_*", "admin:django_tasks_database_*"]
OPEN_FOR_ANALYSTS = [
    "admin:index",
    "admin:surveys_institution_changelist",
    "admin:surveys_institution_change",
    "admin:surveys_response_changelist",
    "admin:surveys_round_changelist",
    "admin:surveys_user_changelist",
]


@pytest.fixture
def staff_ann(ann):
    ann.is_staff = True
    ann.save()
    return ann


@pytest.fixture
def admin_samples(published_2021, alices_response, alice, staff_ann) -> dict[str, object]:
    colleague = AnalystFactory(username="bea", is_staff=True)
    device = TOTPDevice.objects.create(user=colleague, name="telefoon", confirmed=True)
    institution_type = ContentType.objects.get_for_model(Institution)
    return {
        "app_label": "surveys",
        "object_id": str(alice.institution_id),
        "content_type_id": institution_type.pk,
        "pk": device.pk,
        "id": alice.pk,
    }


def object_ids() -> dict[str, str]:
    """admin URL prefix of each registered model -> the pk of one of its rows (when there is one)."""
    found = {}
    for model in admin.site._registry:
        row = model._base_manager.order_by("pk").first()
        if row is not None:
            found[f"admin:{model._meta.app_label}_{model._meta.model_name}_"] = str(row.pk)
    return found


def admin_paths(samples: dict[str, object]) -> dict[str, str]:
    ids = object_ids()
    paths = {}
    for url in named_urls():
        if not url.name.startswith("admin:"):
            continue
        override = next(({"object_id": pk} for prefix, pk in ids.items() if url.name.startswith(prefix)), {})
        paths[url.name] = build(url, samples, {url.name: override} if override else {})
    return paths


def matches_any(name: str, patterns: list[str]) -> bool:
    return any(fnmatch.fnmatchcase(name, pattern) for pattern in patterns)


@pytest.mark.parametrize("who", ["anonymous", "charlie", "alice", "ann_without_staff"])
def test_only_staff_enter_the_admin(admin_samples, who, request):
    client = Client()
    if who != "anonymous":
        username = who.removesuffix("_without_staff")
        user = request.getfixturevalue(username)
        User.objects.filter(pk=user.pk).update(is_staff=False)
        client.force_login(user)
    wrong = []
    for name, path in admin_paths(admin_samples).items():
        if name in ("admin:login", "admin:logout"):
            continue
        response = client.get(path)
        if not (response.status_code == 302 and response["Location"].startswith("/admin/login/")):
            wrong.append(f"{name} {path}: {response.status_code}")
    assert not wrong, "\n".join(wrong)


def test_an_analyst_never_sees_sign_in_secrets_or_logs_and_never_deletes(admin_samples, staff_ann):
    client = Client()
    client.force_login(staff_ann)
    wrong = []
    for name, path in admin_paths(admin_samples).items():
        response = client.get(path)
        if matches_any(name, SECRET_FOR_ANALYSTS) or name.endswith("_delete"):
            refused = response.status_code == 403 or (response.status_code == 302 and response["Location"] == "/admin/")
            if not refused:
                wrong.append(f"{name} {path}: {response.status_code}")
        elif matches_any(name, OPEN_FOR_ANALYSTS) and response.status_code != 200:
            wrong.append(f"{name} {path}: {response.status_code}, expected 200")
        elif response.status_code >= 500:
            wrong.append(f"{name} {path}: {response.status_code}")
    assert not wrong, "\n".join(wrong)


@pytest.fixture
def administrator(db):
    return UserFactory(
        username="beheer", role=User.Role.ADMINISTRATOR, institution=None, is_staff=True, is_superuser=True
    )


def test_an_analyst_cannot_set_the_password_of_an_administrator(staff_ann, administrator):
    client = Client()
    client.force_login(staff_ann)
    page = client.post(
        f"/admin/surveys/user/{administrator.pk}/password/",
        {"password1": "Overgenomen 2026!", "password2": "Overgenomen 2026!", "usable_password": "true"},
    )
    administrator.refresh_from_db()
    assert not administrator.check_password("Overgenomen 2026!"), page.status_code


def test_an_analyst_may_still_look_after_contact_persons(staff_ann, alice):
    client = Client()
    client.force_login(staff_ann)
    assert client.get(f"/admin/surveys/user/{alice.pk}/change/").status_code == 200
