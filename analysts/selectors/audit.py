"""The audit trail as one list: the audit log (rounds, questionnaires, user rights, privacy) and the answer history.

Two tables, one order: the page's rows are chosen by one UNION query over both
(kind of row, id, time), newest first, and only the rows of that page are then read
whole. A page costs the same number of queries whether the trail holds fifty rows or
millions, and whatever mix of the two tables is on it.
"""

import datetime
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import FieldDoesNotExist
from django.db import connection
from django.db.models import CharField, Q, QuerySet, Value
from django.db.models.enums import TextChoices
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from analysts.models import AuditEntry
from analysts.services.audit import audit_label
from surveys.models import (
    AnswerChange,
    BuildingBlock,
    FocusArea,
    Institution,
    InstitutionType,
    Lineage,
    QuestionnaireVersion,
    Region,
    Response,
    Round,
    Stakeholder,
    Statement,
    User,
)
from surveys.selectors import QuestionnaireContent
from surveys.services.history import display_value, item_sections, person_name


class Kind(TextChoices):
    ANSWERS = "antwoorden", gettext_lazy("Antwoorden")
    ROUND = "rondestatus", gettext_lazy("Status van rondes")
    QUESTIONNAIRE = "vragenlijst", gettext_lazy("Vragenlijst")
    RIGHTS = "rechten", gettext_lazy("Gebruikersrechten")
    PRIVACY = "privacy", gettext_lazy("Persoonsgegevens")


# Which audit log actions belong to which kind, by the start of their name.
ACTION_KINDS: dict[str, tuple[str, ...]] = {
    Kind.ANSWERS: ("response.",),
    Kind.ROUND: ("round.",),
    Kind.QUESTIONNAIRE: ("questionnaire.", "statement."),
    Kind.RIGHTS: ("user.",),
    Kind.PRIVACY: ("privacy.",),
}

ACTION_LABELS = {
    "user.create": gettext_lazy("Account aangemaakt"),
    "user.rights": gettext_lazy("Rechten gewijzigd"),
    "user.delete": gettext_lazy("Account verwijderd"),
    "privacy.export": gettext_lazy("Persoonsgegevens geëxporteerd"),
    "privacy.erase": gettext_lazy("Persoonsgegevens gewist"),
}

VALUE_LABELS = {
    "status": gettext_lazy("status"),
    "role": gettext_lazy("rol"),
    "is_staff": gettext_lazy("toegang tot beheer"),
    "is_superuser": gettext_lazy("alle rechten"),
    "is_active": gettext_lazy("actief"),
    "institution": gettext_lazy("instelling"),
    "groups": gettext_lazy("groepen"),
    "user_permissions": gettext_lazy("losse rechten"),
    "opens_on": gettext_lazy("opent"),
    "closes_on": gettext_lazy("sluit"),
    "reason": gettext_lazy("reden"),
    "block": gettext_lazy("bouwsteen"),
    "order": gettext_lazy("volgorde"),
    "text": gettext_lazy("tekst"),
    "erased": gettext_lazy("gewist"),
    "mails_masked": gettext_lazy("e-mailadressen gemaskeerd"),
    "sign_in_records_deleted": gettext_lazy("aanmeldgegevens verwijderd"),
    "two_factor_devices_deleted": gettext_lazy("apparaten tweestapsverificatie verwijderd"),
    # What an import changed (analysts/imports).
    "file": gettext_lazy("bestand"),
    "sha256": "SHA-256",
    "levels": gettext_lazy("niveaus"),
    "blocks": gettext_lazy("open antwoorden"),
    "focus_areas": gettext_lazy("speerpunten"),
    "collaboration": gettext_lazy("samenwerking"),
    "priorities": gettext_lazy("prioriteiten"),
    "institution_type": gettext_lazy("type instelling"),
    "type": gettext_lazy("type instelling"),
    "region": gettext_lazy("regio"),
    "submitted_at": gettext_lazy("ingediend op"),
    "pride_example": gettext_lazy("trots-voorbeeld"),
    "consent_to_quote": gettext_lazy("toestemming om te citeren"),
    "name": gettext_lazy("naam"),
    "member_since": gettext_lazy("lid sinds"),
    "is_member": gettext_lazy("lid"),
    # Rounds and questionnaires (analysts/services/rounds.py, questionnaires.py).
    "year": gettext_lazy("jaar"),
    "questionnaire": gettext_lazy("vragenlijst"),
    "copied_from": gettext_lazy("vragenlijst gekopieerd van"),
    "from": gettext_lazy("gekopieerd van"),
    "code": gettext_lazy("code"),
    "lineage": gettext_lazy("verandering"),
    "text_en": gettext_lazy("tekst (Engels)"),
    **{f"level_{n}": format_lazy(gettext_lazy("niveau {n}"), n=n) for n in range(1, 5)},
    **{f"level_{n}_en": format_lazy(gettext_lazy("niveau {n} (Engels)"), n=n) for n in range(1, 5)},
}

PER_PAGE = 50
AUDIT, ANSWER = "audit", "answer"


@dataclass(frozen=True)
class AuditFilter:
    kind: str = ""
    round: Round | None = None
    institution: Institution | None = None
    person: str = ""
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None


@dataclass(frozen=True)
class TrailEntry:
    at: datetime.datetime
    actor: str
    kind: str
    kind_label: str
    what: str
    subject: str
    old: str
    new: str


def kind_of(action: str) -> str:
    return next((kind for kind, starts in ACTION_KINDS.items() if action.startswith(starts)), "")


def _as_text(pk_field: str = "pk") -> Cast:
    # AuditEntry.object_id is text: it names objects of any model.
    return Cast(pk_field, output_field=CharField())


def _start_of(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def _people(text: str) -> QuerySet[User]:
    query = Q()
    for term in text.split():
        query &= (
            Q(username__icontains=term)
            | Q(email__icontains=term)
            | Q(first_name__icontains=term)
            | Q(last_name__icontains=term)
        )
    return User.objects.filter(query)


def _user_entry_ids(users: QuerySet[User]) -> Q:
    return Q(object_type=User._meta.label_lower, object_id__in=users.annotate(sid=_as_text()).values("sid"))


def _action_kind(kind: str) -> Q:
    query = Q()
    for start in ACTION_KINDS[kind]:
        query |= Q(action__startswith=start)
    return query


def audit_entries(filters: AuditFilter) -> QuerySet[AuditEntry]:
    """The audit log rows the filters let through."""
    entries = AuditEntry.objects.all()
    if filters.kind:
        entries = entries.filter(_action_kind(filters.kind))
    if filters.round is not None:
        round = filters.round
        responses = Response.objects.filter(round=round).annotate(sid=_as_text()).values("sid")
        entries = entries.filter(
            Q(object_type=Round._meta.label_lower, object_id=str(round.pk))
            | Q(object_type=QuestionnaireVersion._meta.label_lower, object_id=str(round.questionnaire_id))
            | Q(object_type=Response._meta.label_lower, object_id__in=responses)
        )
    if filters.institution is not None:
        institution = filters.institution
        responses = Response.objects.filter(institution=institution).annotate(sid=_as_text()).values("sid")
        entries = entries.filter(
            Q(object_type=Institution._meta.label_lower, object_id=str(institution.pk))
            | Q(object_type=Response._meta.label_lower, object_id__in=responses)
            | _user_entry_ids(User.objects.filter(institution=institution))
        )
    if filters.person:
        people = _people(filters.person)
        entries = entries.filter(Q(actor__in=people.values("pk")) | _user_entry_ids(people))
    if filters.date_from:
        entries = entries.filter(at__gte=_start_of(filters.date_from))
    if filters.date_to:
        entries = entries.filter(at__lt=_start_of(filters.date_to + datetime.timedelta(days=1)))
    return entries


def answer_changes(filters: AuditFilter) -> QuerySet[AnswerChange]:
    """The answer history rows the filters let through (answers belong to a round and an institution)."""
    changes = AnswerChange.objects.all()
    if filters.round is not None:
        changes = changes.filter(response__round=filters.round)
    if filters.institution is not None:
        changes = changes.filter(response__institution=filters.institution)
    if filters.person:
        changes = changes.filter(changed_by__in=_people(filters.person).values("pk"))
    if filters.date_from:
        changes = changes.filter(changed_at__gte=_start_of(filters.date_from))
    if filters.date_to:
        changes = changes.filter(changed_at__lt=_start_of(filters.date_to + datetime.timedelta(days=1)))
    return changes


def audit_trail(filters: AuditFilter, *, upto: int | None = None) -> QuerySet:
    """(source, id, at) of every row of the trail, newest first.

    With `upto`, only the newest `upto` rows of each table take part where the database
    allows a LIMIT inside a UNION (PostgreSQL): each table then walks its time index
    backwards and stops, instead of the union sorting everything that matches.
    """
    text = CharField()
    # Analysts' actions on responses (a reopen) are in the audit log, so it is read for every kind.
    entries = audit_entries(filters).values_list(Value(AUDIT, output_field=text), "pk", "at")
    if filters.kind not in ("", Kind.ANSWERS):
        return entries.order_by("-at", "-pk")
    changes = answer_changes(filters).values_list(Value(ANSWER, output_field=text), "pk", "changed_at")
    if upto is not None and connection.features.supports_slicing_ordering_in_compound:
        entries = entries.order_by("-at", "-pk")[:upto]
        changes = changes.order_by("-changed_at", "-pk")[:upto]
    else:
        # A part of a UNION may carry no ordering here (and the models have a default one).
        entries, changes = entries.order_by(), changes.order_by()
    return entries.union(changes, all=True).order_by("-at", "-pk")


@dataclass(frozen=True)
class TrailPage:
    """One page of the trail. No total: counting millions of rows would cost more than the page itself."""

    number: int
    entries: list[TrailEntry]
    has_next: bool

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def has_other_pages(self) -> bool:
        return self.has_previous or self.has_next

    @property
    def previous_page_number(self) -> int:
        return self.number - 1

    @property
    def next_page_number(self) -> int:
        return self.number + 1


def audit_page(filters: AuditFilter, *, number: int, per_page: int = PER_PAGE) -> TrailPage:
    """Page `number` (from 1) of the trail; one row more than shown tells whether an older page follows."""
    start = (number - 1) * per_page
    rows = list(audit_trail(filters, upto=start + per_page + 1)[start : start + per_page + 1])
    return TrailPage(number=number, entries=trail_entries(rows[:per_page]), has_next=len(rows) > per_page)


def trail_entries(rows: Sequence[tuple[str, int, datetime.datetime]]) -> list[TrailEntry]:
    """The rows of one page, read whole and described, in the order given."""
    audit_ids = [pk for source, pk, _at in rows if source == AUDIT]
    answer_ids = [pk for source, pk, _at in rows if source == ANSWER]
    audits = AuditEntry.objects.select_related("actor").in_bulk(audit_ids) if audit_ids else {}
    changes = (
        AnswerChange.objects.select_related(
            "changed_by", "response__institution", "response__round__questionnaire"
        ).in_bulk(answer_ids)
        if answer_ids
        else {}
    )
    sections = _sections_by_version({change.response.round.questionnaire for change in changes.values()})
    entries = []
    for source, pk, _at in rows:
        if source == AUDIT and pk in audits:
            entries.append(_audit_entry(audits[pk]))
        elif source == ANSWER and pk in changes:
            change = changes[pk]
            entries.append(_answer_entry(change, sections[change.response.round.questionnaire_id]))
    return entries


def _audit_entry(entry: AuditEntry) -> TrailEntry:
    kind = kind_of(entry.action)
    return TrailEntry(
        at=entry.at,
        actor=person_name(entry.actor),
        kind=kind,
        kind_label=str(Kind(kind).label) if kind else _("Overig"),
        what=str(ACTION_LABELS.get(entry.action) or audit_label(entry.action)),
        subject=entry.object_repr,
        old=describe(entry.old),
        new=describe(entry.new),
    )


def _answer_entry(change: AnswerChange, by_key: dict[str, Any]) -> TrailEntry:
    response = change.response
    section = by_key.get(change.item)
    return TrailEntry(
        at=change.changed_at,
        actor=person_name(change.changed_by),
        kind=Kind.ANSWERS,
        kind_label=str(Kind.ANSWERS.label),
        what=section.label(change.item) if section is not None else change.item_label,
        subject=f"{response.institution.name} · {response.round.year}",
        old=display_value(change.item, change.old_value, by_key),
        new=display_value(change.item, change.new_value, by_key),
    )


def _sections_by_version(versions: set[QuestionnaireVersion]) -> dict[int, dict[str, Any]]:
    """The answer items of every questionnaire on the page: four queries, however many versions."""
    if not versions:
        return {}
    ids = [version.pk for version in versions]
    grouped: dict[str, defaultdict[int, list]] = {}
    for name, rows in (
        ("blocks", BuildingBlock.objects.filter(questionnaire__in=ids).order_by("position")),
        ("statements", Statement.objects.filter(questionnaire__in=ids).order_by("block__position", "position")),
        ("focus_areas", FocusArea.objects.filter(questionnaire__in=ids).order_by("position")),
        ("stakeholders", Stakeholder.objects.filter(questionnaire__in=ids).order_by("position")),
    ):
        grouped[name] = defaultdict(list)
        for row in rows:
            grouped[name][row.questionnaire_id].append(row)
    return {
        version.pk: item_sections(
            QuestionnaireContent(version=version, **{name: grouped[name][version.pk] for name in grouped})
        )
        for version in versions
    }


def describe(value: Any) -> str:
    """An audit log value (JSON) in words: "status: Open; opent: 2026-03-23"."""
    if value is None:
        return ""
    if isinstance(value, dict):
        return "; ".join(f"{VALUE_LABELS.get(key, key)}: {_scalar(key, item)}" for key, item in value.items())
    return _scalar("", value)


def _scalar(key: str, value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, bool):
        return _("ja") if value else _("nee")
    if isinstance(value, list):
        return ", ".join(_scalar(key, item) for item in value) or "—"
    if isinstance(value, dict):  # the levels an import changed: "LEI-01 3, LEI-02 —"
        return ", ".join(f"{name} {_scalar('', item)}" for name, item in value.items()) or "—"
    if key in ("type", "institution_type") and value in InstitutionType.values:
        return str(InstitutionType(value).label)
    if key == "region" and value in Region.values:
        return str(Region(value).label)
    if key == "erased":
        return _field_name(value)
    if key == "role" and value in User.Role.values:
        return str(User.Role(value).label)
    if key == "lineage" and value in Lineage.values:
        return str(Lineage(value).label)
    if key == "status":
        for choices in (Round.Status, Response.Status):
            if value in choices.values:
                return str(choices(value).label)
    return str(value)


def _field_name(name: str) -> str:
    try:
        return str(User._meta.get_field(name).verbose_name)
    except FieldDoesNotExist:
        return name
