"""The history of a response: every change of an answer, who made it and when, old → new.

Changes are written by the services that change answers (never by signals), and
shown to the institution on its history page with values in words.
"""

import datetime
from collections.abc import Mapping
from dataclasses import dataclass

from django.utils.translation import gettext as _

from surveys.models import AnswerChange, Response, User
from surveys.selectors import QuestionnaireContent
from surveys.services.sections import Section, sections_for

STATUS_KEY = "status"


def record_changes(
    *, response: Response, user: User | None, section: Section, changes: Mapping[str, tuple[str, str]]
) -> None:
    """Keep one AnswerChange per item in `changes` (key -> (old, new))."""
    AnswerChange.objects.bulk_create(
        AnswerChange(
            response=response,
            changed_by=user,
            item=key[:80],
            item_label=section.label(key)[:255],
            old_value=old,
            new_value=new,
        )
        for key, (old, new) in changes.items()
    )


def record_status_change(*, response: Response, user: User | None, old: str, new: str) -> None:
    AnswerChange.objects.create(
        response=response,
        changed_by=user,
        item=STATUS_KEY,
        item_label=_("Status van de scan"),
        old_value=old,
        new_value=new,
    )


@dataclass(frozen=True)
class HistoryEntry:
    changed_at: datetime.datetime
    changed_by: str
    item: str
    item_label: str
    old: str
    new: str


def display_value(key: str, value: str, by_key: Mapping[str, Section]) -> str:
    if key == STATUS_KEY:
        return str(Response.Status(value).label) if value in Response.Status.values else value
    section = by_key.get(key)
    if section is None:
        return value or _("(geen antwoord)")
    return section.display(key, value)


def item_sections(content: QuestionnaireContent) -> dict[str, Section]:
    return {key: section for section in sections_for(content) for key in section.item_keys()}


def response_history(
    *, response: Response, content: QuestionnaireContent, limit: int | None = None
) -> list[HistoryEntry]:
    """The changes of `response`, newest first, with values in words."""
    by_key = item_sections(content)
    changes = response.changes.select_related("changed_by").order_by("-changed_at", "-id")
    if limit is not None:
        changes = changes[:limit]
    return [
        HistoryEntry(
            changed_at=change.changed_at,
            changed_by=person_name(change.changed_by),
            item=change.item,
            item_label=by_key[change.item].label(change.item) if change.item in by_key else change.item_label,
            old=display_value(change.item, change.old_value, by_key),
            new=display_value(change.item, change.new_value, by_key),
        )
        for change in changes
    ]


def person_name(user: User | None) -> str:
    if user is None:
        return _("(onbekend)")
    return user.get_full_name() or user.username
