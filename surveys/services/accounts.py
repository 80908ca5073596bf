"""User rights and their audit trail: who gave whom which role, access or permission, when, old → new.

Every change of a user's rights goes to the audit log (`analysts.AuditEntry`), written
explicitly by the code that makes it: `user_change_rights` for code paths, and the user
admin through `rights_stored` + `rights_audit` around its own save. No signals: a reader
of a save sees the audit write next to it.
"""

from collections.abc import Iterable, Mapping
from typing import Any

from django.contrib.auth.models import Group, Permission
from django.db import transaction

from analysts.models import AuditEntry
from analysts.services.audit import audit_record
from surveys.models import Institution, User

# The fields that make up what a person may do; their change is audited.
SCALAR_RIGHTS = ("role", "is_staff", "is_superuser", "is_active", "institution")
MANY_RIGHTS = ("groups", "user_permissions")
RIGHTS = SCALAR_RIGHTS + MANY_RIGHTS

Rights = dict[str, Any]


def rights_of(user: User) -> Rights:
    """The rights of `user` as JSON: the fields as on the instance, groups and permissions as stored."""
    institution = user.institution if user.institution_id else None
    return {
        "role": user.role,
        "is_staff": user.is_staff,
        "is_superuser": user.is_superuser,
        "is_active": user.is_active,
        "institution": institution.name if institution is not None else None,
        "groups": sorted(user.groups.values_list("name", flat=True)),
        "user_permissions": sorted(
            f"{app_label}.{codename}"
            for app_label, codename in user.user_permissions.values_list("content_type__app_label", "codename")
        ),
    }


def rights_stored(user: User) -> Rights:
    """The rights of `user` as they are in the database, whatever an unsaved form did to the instance."""
    return rights_of(User.objects.select_related("institution").get(pk=user.pk))


def rights_audit(*, user: User, actor: User | None, before: Rights | None) -> AuditEntry | None:
    """Record how the rights of `user` differ from `before` (None: the account was just created).

    Only the rights that changed are written, old → new; nothing changed, nothing written.
    """
    after = rights_of(user)
    if before is None:
        return audit_record(actor=actor, action="user.create", obj=user, new=after)
    changed = [name for name in RIGHTS if before.get(name) != after[name]]
    if not changed:
        return None
    return audit_record(
        actor=actor,
        action="user.rights",
        obj=user,
        old={name: before.get(name) for name in changed},
        new={name: after[name] for name in changed},
    )


def rights_audit_deletion(*, user: User, actor: User | None, before: Rights) -> AuditEntry:
    """Record, just before an account is deleted, which rights it held."""
    return audit_record(actor=actor, action="user.delete", obj=user, old=before)


def user_delete_audited(*, user: User, actor: User | None) -> None:
    """Delete an account, keeping in the audit log which rights it held."""
    rights_audit_deletion(user=user, actor=actor, before=rights_stored(user))
    user.delete()


@transaction.atomic
def user_change_rights(*, user: User, actor: User | None, **changes: Any) -> User:
    """Change the rights of `user` (any of RIGHTS) and audit the change.

    `institution` takes an Institution or None; `groups` and `user_permissions` take the
    complete new set (Group and Permission objects). The caller decides whether `actor`
    may do this (in the admin: only an administrator hands out role, staff and superuser).
    The user is validated whole before saving (a ValidationError changes nothing): a
    contact person keeps an institution, staff of the association have none.
    """
    unknown = set(changes) - set(RIGHTS)
    if unknown:
        raise TypeError(f"user_change_rights() cannot change {', '.join(sorted(unknown))}")
    before = rights_stored(user)
    scalars = {name: value for name, value in changes.items() if name in SCALAR_RIGHTS}
    for name, value in scalars.items():
        _check_type(name, value)
        setattr(user, name, value)
    user.full_clean()
    if scalars:
        user.save(update_fields=list(scalars))
    if "groups" in changes:
        user.groups.set(_all_of(Group, changes["groups"]))
    if "user_permissions" in changes:
        user.user_permissions.set(_all_of(Permission, changes["user_permissions"]))
    rights_audit(user=user, actor=actor, before=before)
    return user


def _check_type(name: str, value: Any) -> None:
    if name == "institution":
        if value is not None and not isinstance(value, Institution):
            raise TypeError("institution must be an Institution or None")
    elif name != "role" and not isinstance(value, bool):
        raise TypeError(f"{name} must be True or False")


def _all_of(model: type, items: Iterable[Any]) -> list[Any]:
    items = list(items)
    if not all(isinstance(item, model) for item in items):
        raise TypeError(f"expected {model.__name__} objects")
    return items


def rights_stored_many(users: Iterable[User]) -> Mapping[int, Rights]:
    """`rights_stored` for several saved users (the inline of an institution's members)."""
    return {user.pk: rights_stored(user) for user in users if user.pk}
