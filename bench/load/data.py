"""The load test's data: setting up the rush and checking afterwards that nothing was lost.

Runs in the load test's own process after django.setup(), against its own database.
"""

import datetime
from dataclasses import dataclass

from django.contrib.auth.hashers import make_password
from django.contrib.sessions.models import Session
from django.db import transaction
from django.utils import timezone

from surveys.models import AnswerChange, BlockAnswer, Institution, Response, Round, StatementAnswer, User
from surveys.selectors import round_content
from surveys.services.history import STATUS_KEY
from surveys.services.responses import response_save_section, response_start
from surveys.services.sections import BlockSection, read_all, sections_for

PASSWORD = "drukte-voor-de-deadline-2026"
DOMAIN = "@load.jumpscan.nl"
USERNAME = "rush-{number:03d}-{person}" + DOMAIN


@dataclass(frozen=True)
class Institution3:
    """One institution of the rush: its three people and which block pages each of them fills in."""

    code: str
    usernames: list[str]
    blocks: list[list[str]]


@dataclass(frozen=True)
class Plan:
    year: int
    institutions: list[Institution3]


def prepare(*, institutions: int, people: int) -> Plan:
    """Fresh drafts for `institutions` demo institutions in the open round, each with `people` new sign-ins.

    The pages around the blocks (profile, focus areas, collaboration, priorities, pride) are filled in
    beforehand, from a submitted 2021 response of the same questionnaire, so that the rush is about the
    block pages and the submit.
    """
    scan_round = Round.objects.filter(status=Round.Status.OPEN).select_related("questionnaire").latest("year")
    today = timezone.localdate()
    if not scan_round.accepts_answers(today):
        # The demo round's dates are fixed; the rush happens the day before its deadline.
        Round.objects.filter(pk=scan_round.pk).update(
            opens_on=min(scan_round.opens_on, today), closes_on=today + datetime.timedelta(days=1)
        )
        scan_round.refresh_from_db()
    sections = sections_for(round_content(scan_round))
    blocks = [section.block.code for section in sections if isinstance(section, BlockSection)]
    others = [section for section in sections if not isinstance(section, BlockSection)]
    template = (
        Response.objects.filter(round__questionnaire=scan_round.questionnaire, status=Response.Status.SUBMITTED)
        .exclude(round=scan_round)
        .order_by("institution__code")
        .first()
    )
    template_values = read_all(template, sections)
    # One hash for everyone: hashing 300 passwords at a second each would take five minutes.
    encoded = make_password(PASSWORD)

    # Not the demo's own draft (Betuwepoort): an institution whose response in the round is not the load test's.
    taken = (
        Response.objects.filter(round=scan_round)
        .exclude(institution__in=User.objects.filter(username__endswith=DOMAIN).values("institution"))
        .values("institution")
    )
    chosen = list(Institution.objects.filter(is_member=True).exclude(pk__in=taken).order_by("code")[:institutions])
    if len(chosen) < institutions:
        raise SystemExit(f"only {len(chosen)} institutions available, {institutions} asked for")
    with transaction.atomic():
        Response.objects.filter(round=scan_round, institution__in=chosen).delete()
        User.objects.filter(username__endswith=DOMAIN).delete()
        Session.objects.all().delete()
        plan = []
        for number, institution in enumerate(chosen, start=1):
            users = User.objects.bulk_create(
                User(
                    username=USERNAME.format(number=number, person=person),
                    email=USERNAME.format(number=number, person=person),
                    first_name=f"Persoon {person}",
                    last_name=institution.name,
                    role=User.Role.RESPONDENT,
                    institution=institution,
                    password=encoded,
                )
                for person in range(1, people + 1)
            )
            response = response_start(scan_round=scan_round, institution=institution)
            for section in others:
                values = {key: template_values[key] for key in section.item_keys()}
                response_save_section(
                    response=response, section=section, user=users[0], version=response.version, values=values
                )
            share = [blocks[person::people] for person in range(people)]
            plan.append(Institution3(institution.code, [user.username for user in users], share))
    return Plan(scan_round.year, plan)


@dataclass
class Verdict:
    items_expected: int
    items_missing: list[str]
    submitted: int
    not_submitted: list[str]
    submit_records: dict[str, int]

    @property
    def ok(self) -> bool:
        return not self.items_missing and not self.not_submitted and all(n == 1 for n in self.submit_records.values())


def verify(*, year: int, expected: dict[str, dict[str, str]]) -> Verdict:
    """Compare what the clients last sent per item (institution code -> item -> value) with the database.

    Items: `statement-<pk>` (a level), `remarks:<block>` and `good_example:<block>`.
    """
    responses = {
        response.institution.code: response
        for response in Response.objects.filter(round__year=year, institution__code__in=expected).select_related(
            "institution"
        )
    }
    levels = {
        (code, f"statement-{statement}"): str(level)
        for code, statement, level in StatementAnswer.objects.filter(response__in=responses.values()).values_list(
            "response__institution__code", "statement_id", "level"
        )
    }
    texts = {}
    for code, block, good_example, remarks in BlockAnswer.objects.filter(response__in=responses.values()).values_list(
        "response__institution__code", "block__code", "good_example", "remarks"
    ):
        texts[(code, f"remarks:{block}")] = remarks
        texts[(code, f"good_example:{block}")] = good_example
    stored = {**levels, **texts}
    missing = []
    count = 0
    for code, items in expected.items():
        for item, value in items.items():
            count += 1
            if stored.get((code, item), "") != value:
                missing.append(f"{code} {item}: sent {value!r}, stored {stored.get((code, item), '')!r}")
    submit_records = {
        code: AnswerChange.objects.filter(
            response=responses[code], item=STATUS_KEY, new_value=Response.Status.SUBMITTED
        ).count()
        for code in expected
        if code in responses
    }
    not_submitted = [
        code for code in expected if code not in responses or responses[code].status != Response.Status.SUBMITTED
    ]
    return Verdict(
        items_expected=count,
        items_missing=missing,
        submitted=len(expected) - len(not_submitted),
        not_submitted=not_submitted,
        submit_records=submit_records,
    )
