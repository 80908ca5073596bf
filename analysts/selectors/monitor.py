"""Who has answered a round so far: the response monitor's figures, read in one query.

'Invited' means a member institution (`Institution.is_member`): the members are the
ones who are invited to every round. The dates of the last invitation and reminder
come from the mail log of the invitations pages. An institution that is no longer a member but
did start a response is listed too, without counting towards the response rate.
"""

import datetime
from dataclasses import dataclass

from django.db.models import F, FilteredRelation, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.enums import TextChoices
from django.utils.translation import gettext_lazy as _

from analysts.models import MailKind, MailLog
from surveys.models import Institution, InstitutionType, Region, Response, Round, User


class State(TextChoices):
    NOT_STARTED = "niet_begonnen", _("Niet begonnen")
    STARTED = "begonnen", _("Begonnen")
    SUBMITTED = "ingediend", _("Ingediend")


@dataclass(frozen=True)
class MonitorRow:
    institution_id: int
    code: str
    name: str
    type: str
    region: str
    is_invited: bool
    state: State
    started_at: datetime.datetime | None
    submitted_at: datetime.datetime | None
    last_activity: datetime.datetime | None
    last_invited_at: datetime.datetime | None = None
    last_reminded_at: datetime.datetime | None = None

    @property
    def type_label(self) -> str:
        return str(InstitutionType(self.type).label) if self.type in InstitutionType.values else self.type

    @property
    def region_label(self) -> str:
        return str(Region(self.region).label) if self.region in Region.values else self.region

    @property
    def state_label(self) -> str:
        return str(self.state.label)


@dataclass(frozen=True)
class Rate:
    label: str
    invited: int
    started: int
    submitted: int

    @property
    def rate(self) -> float | None:
        """Submitted responses as a share of the invited institutions, 0..1."""
        return self.submitted / self.invited if self.invited else None

    @property
    def percentage(self) -> int | None:
        return None if self.rate is None else round(self.rate * 100)


@dataclass(frozen=True)
class Monitor:
    round: Round
    rows: list[MonitorRow]
    overall: Rate
    hospitals: Rate
    per_type: list[Rate]
    days_left: int


def _last_mail(round: Round, kind: str) -> Subquery:
    mails = MailLog.objects.filter(round=round, institution=OuterRef("pk"), kind=kind).order_by("-sent_at")
    return Subquery(mails.values("sent_at")[:1])


def _institutions(round: Round) -> QuerySet[Institution]:
    return (
        Institution.objects.annotate(this_round=FilteredRelation("responses", condition=Q(responses__round=round)))
        .filter(Q(is_member=True) | Q(this_round__isnull=False))
        .annotate(
            response_status=F("this_round__status"),
            started_at=F("this_round__created_at"),
            submitted_at=F("this_round__submitted_at"),
            last_activity=F("this_round__updated_at"),
            last_invited_at=_last_mail(round, MailKind.INVITATION),
            last_reminded_at=_last_mail(round, MailKind.REMINDER),
        )
        .order_by("name", "code")
    )


def _row(institution: Institution) -> MonitorRow:
    if institution.response_status is None:
        state = State.NOT_STARTED
    elif institution.response_status == Response.Status.SUBMITTED:
        state = State.SUBMITTED
    else:
        state = State.STARTED
    return MonitorRow(
        institution_id=institution.pk,
        code=institution.code,
        name=institution.name,
        type=institution.type,
        region=institution.region,
        is_invited=institution.is_member,
        state=state,
        started_at=institution.started_at,
        submitted_at=institution.submitted_at if state == State.SUBMITTED else None,
        last_activity=institution.last_activity,
        last_invited_at=institution.last_invited_at,
        last_reminded_at=institution.last_reminded_at,
    )


def _rate(label: str, rows: list[MonitorRow]) -> Rate:
    invited = [row for row in rows if row.is_invited]
    return Rate(
        label=label,
        invited=len(invited),
        started=sum(row.state != State.NOT_STARTED for row in invited),
        submitted=sum(row.state == State.SUBMITTED for row in invited),
    )


def round_monitor(
    *, round: Round, today: datetime.date, state: str | None = None, institution_type: str | None = None
) -> Monitor:
    """The monitor of a round; `state` and `institution_type` narrow the list, never the rates."""
    rows = [_row(institution) for institution in _institutions(round)]
    per_type = [
        _rate(label, [row for row in rows if row.type == value])
        for value, label in InstitutionType.choices
        if any(row.type == value and row.is_invited for row in rows)
    ]
    listed = [
        row
        for row in rows
        if (not state or row.state == state) and (not institution_type or row.type == institution_type)
    ]
    return Monitor(
        round=round,
        rows=listed,
        overall=_rate(str(_("Alle instellingen")), rows),
        hospitals=_rate(str(_("Ziekenhuizen")), [row for row in rows if row.type in InstitutionType.hospitals()]),
        per_type=per_type,
        days_left=round.days_left(today),
    )


@dataclass(frozen=True)
class NonResponder:
    row: MonitorRow
    contacts: list[User]


def non_responders(*, round: Round, institution_type: str | None = None) -> list[NonResponder]:
    """Invited institutions that have not submitted, with their active contact persons (two queries)."""
    contacts = User.objects.filter(role=User.Role.RESPONDENT, is_active=True).order_by("last_name", "first_name", "pk")
    institutions = (
        _institutions(round)
        .filter(is_member=True)
        .filter(Q(this_round__isnull=True) | Q(this_round__status=Response.Status.DRAFT))
        .prefetch_related(Prefetch("members", queryset=contacts, to_attr="contacts"))
    )
    if institution_type:
        institutions = institutions.filter(type=institution_type)
    return [NonResponder(row=_row(institution), contacts=institution.contacts) for institution in institutions]
