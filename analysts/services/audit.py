"""Write the audit log: every status change and questionnaire change goes through here."""

from collections.abc import Iterable
from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _

from analysts.models import AuditEntry

# Readable names of the actions written so far; an unknown action is shown as it is.
ACTION_LABELS = {
    "round.create": _("Ronde aangemaakt"),
    "round.window": _("Venster gewijzigd"),
    "round.open": _("Ronde geopend"),
    "round.closed": _("Ronde gesloten"),
    "round.published": _("Ronde gepubliceerd"),
    "response.reopen": _("Respons heropend"),
    "questionnaire.copy": _("Vragenlijst gekopieerd"),
    "statement.update": _("Stelling gewijzigd"),
    "statement.add": _("Stelling toegevoegd"),
    "statement.retire": _("Stelling vervallen"),
    "statement.restore": _("Stelling teruggezet"),
    "statement.reorder": _("Volgorde gewijzigd"),
    "response.import": _("Respons geïmporteerd"),
    "institution.import": _("Instelling geïmporteerd"),
}


def audit_label(action: str) -> str:
    return str(ACTION_LABELS.get(action, action))


def _entry(
    *, actor: models.Model | None, action: str, obj: models.Model, old: Any, new: Any, check_actor: bool = True
) -> AuditEntry:
    entry = AuditEntry(
        actor=actor if actor is not None and actor.pk else None,
        action=action,
        object_type=obj._meta.label_lower,
        object_id=str(obj.pk),
        object_repr=str(obj)[:255],
        old=old,
        new=new,
    )
    # No actor: done by the operator on the command line (the model field is not optional in forms).
    entry.full_clean(exclude=["actor"] if entry.actor is None or not check_actor else None)
    return entry


def audit_record(
    *,
    actor: models.Model | None,
    action: str,
    obj: models.Model,
    old: Any = None,
    new: Any = None,
) -> AuditEntry:
    """Record that `actor` did `action` on `obj`, changing `old` into `new` (JSON-serialisable)."""
    entry = _entry(actor=actor, action=action, obj=obj, old=old, new=new)
    entry.save()
    return entry


def audit_record_many(
    *, actor: models.Model | None, changes: Iterable[tuple[str, models.Model, Any, Any]]
) -> list[AuditEntry]:
    """`audit_record` for many (action, obj, old, new) at once, in batched inserts (an import of thousands).

    The actor is checked once, not with a query per entry."""
    entries = [
        _entry(actor=actor, action=action, obj=obj, old=old, new=new, check_actor=index == 0)
        for index, (action, obj, old, new) in enumerate(changes)
    ]
    return AuditEntry.objects.bulk_create(entries, batch_size=500)


def audit_entries_for(*, obj: models.Model) -> models.QuerySet[AuditEntry]:
    return AuditEntry.objects.filter(object_type=obj._meta.label_lower, object_id=str(obj.pk)).select_related("actor")
