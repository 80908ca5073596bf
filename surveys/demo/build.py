"""Write the demo data set to the database: idempotent and deterministic.

Institutions, rounds and demo logins are created or restored on their natural keys
(code, year, username). A response is written with all its answers only when it is
new; an existing response is left as it is, so running the seed again changes
nothing, and a demo draft someone has been editing is not overwritten. Everything
happens in one transaction: an interrupted seed leaves nothing half-written.
"""

import datetime
import io
import random
import time
from dataclasses import dataclass, field
from typing import TextIO
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.management import call_command
from django.db import transaction

from factsheets.models import Snapshot
from factsheets.services import round_publish
from surveys.demo import calibration
from surveys.demo.dataset import ROUNDS, plan_dataset
from surveys.demo.institutions import INSTITUTIONS
from surveys.demo.planning import PlannedResponse, Shape
from surveys.demo.users import DEMO_LOGINS, DemoLogin, ensure_contacts, ensure_demo_logins
from surveys.demo.writing import Catalogue, ResponseRows
from surveys.models import Institution, QuestionnaireVersion, Response, Round, User


@dataclass
class SeedSummary:
    institutions: int
    responses: dict[int, dict[str, int]]  # year -> {"submitted": n, "draft": n}
    created_responses: int
    created_contacts: int
    logins: list[DemoLogin] = field(default_factory=lambda: list(DEMO_LOGINS))
    seconds: float = 0.0


def seed_demo(*, stdout: TextIO | None = None) -> SeedSummary:
    """Create (or complete) the demo data set; see the package docstring for what it holds."""
    started = time.perf_counter()
    calibration.check_plans()
    _ensure_questionnaires(stdout or io.StringIO())
    with transaction.atomic():
        institutions = _ensure_institutions()
        created_contacts = ensure_contacts(institutions=institutions, rng=random.Random("jump-demo-contacts"))
        logins = ensure_demo_logins(institutions=institutions)
        versions = {v.code: v for v in QuestionnaireVersion.objects.filter(code__in={r.questionnaire for r in ROUNDS})}
        rounds = _ensure_rounds(versions)
        plan = plan_dataset({code: _shape(version) for code, version in versions.items()})
        created = _write_responses(plan, rounds, institutions, _submitters(institutions, logins), logins)
        _publish_snapshots(rounds, logins)
    counts = {
        year: {
            status: Response.objects.filter(round=rounds[year], status=status).count()
            for status in (Response.Status.SUBMITTED, Response.Status.DRAFT)
        }
        for year in rounds
    }
    return SeedSummary(
        institutions=len(institutions),
        responses=counts,
        created_responses=created,
        created_contacts=created_contacts,
        seconds=time.perf_counter() - started,
    )


def _publish_snapshots(rounds: dict[int, Round], logins: dict[str, User]) -> None:
    """Freeze the published demo rounds as an analyst would, so outputs show published figures."""
    analyst = next(user for user in logins.values() if user.role == User.Role.ANALYST)
    for year in sorted(rounds):
        scan_round = rounds[year]
        if scan_round.status == Round.Status.PUBLISHED and not Snapshot.objects.filter(round=scan_round).exists():
            round_publish(round=scan_round, user=analyst)


def _ensure_questionnaires(stdout: TextIO) -> None:
    needed = {r.questionnaire for r in ROUNDS}
    if QuestionnaireVersion.objects.filter(code__in=needed).count() < len(needed):
        call_command("load_questionnaire", stdout=stdout)


def _ensure_institutions() -> dict[str, Institution]:
    result = {}
    for demo in INSTITUTIONS:
        institution, _ = Institution.objects.update_or_create(
            code=demo.code,
            defaults={
                "name": demo.name,
                "type": demo.type,
                "region": demo.region,
                "member_since": datetime.date(demo.member_since_year, 1, 1),
                "is_member": True,
            },
        )
        result[demo.code] = institution
    return result


def _ensure_rounds(versions: dict[str, QuestionnaireVersion]) -> dict[int, Round]:
    rounds = {}
    for spec in ROUNDS:
        existing = Round.objects.filter(year=spec.year).select_related("questionnaire").first()
        if existing and existing.questionnaire.code != spec.questionnaire and existing.responses.exists():
            raise ValueError(
                f"Round {spec.year} already exists with questionnaire {existing.questionnaire.code} and responses; "
                f"the demo needs questionnaire {spec.questionnaire}."
            )
        rounds[spec.year], _ = Round.objects.update_or_create(
            year=spec.year,
            defaults={
                "title": spec.title,
                "questionnaire": versions[spec.questionnaire],
                "opens_on": spec.opens_on,
                "closes_on": spec.closes_on,
                "status": spec.status,
            },
        )
    return rounds


def _shape(version: QuestionnaireVersion) -> Shape:
    blocks = [
        (block.code, [s.code for s in block.statements.order_by("position")])
        for block in version.blocks.order_by("position")
    ]
    return Shape(
        blocks=blocks,
        focus_areas=list(version.focus_areas.order_by("position").values_list("code", flat=True)),
        stakeholders=list(version.stakeholders.order_by("position").values_list("code", flat=True)),
    )


def _submitters(institutions: dict[str, Institution], logins: dict[str, User]) -> dict[str, User]:
    """Who submits for each institution: its demo login when it has one, else its programme leader."""
    result = {
        user.institution.code: user
        for user in User.objects.filter(institution__in=institutions.values(), job_title="Programmaleider JZOJP")
        .select_related("institution")
        .order_by("-username")
    }
    for login in reversed(DEMO_LOGINS):
        if login.institution:
            result[login.institution] = logins[login.username]
    return result


def _write_responses(
    plan: dict[int, list[PlannedResponse]],
    rounds: dict[int, Round],
    institutions: dict[str, Institution],
    submitters: dict[str, User],
    logins: dict[str, User],
) -> int:
    zone = ZoneInfo(settings.TIME_ZONE)
    rows = ResponseRows()
    catalogues: dict[int, Catalogue] = {}
    for year, planned in plan.items():
        round_ = rounds[year]
        catalogue = catalogues.setdefault(round_.questionnaire_id, Catalogue.of(round_.questionnaire))
        for item in planned:
            person = submitters[item.institution.code]
            response, created = Response.objects.get_or_create(
                round=round_,
                institution=institutions[item.institution.code],
                defaults={
                    "status": Response.Status.SUBMITTED if item.submitted else Response.Status.DRAFT,
                    "submitted_at": item.submitted_on.replace(tzinfo=zone) if item.submitted_on else None,
                    "submitted_by": person if item.submitted else None,
                    "updated_by": person,
                    "institution_type": item.institution.type,
                    "region": item.institution.region,
                    "pride_example": item.pride_example,
                    "consent_to_quote": item.consent_to_quote,
                },
            )
            if created:
                rows.add(response, item, catalogue)
                if not item.submitted:
                    # Drafts carry a short history, so "who changed what" has something to show.
                    editors = [u for u in logins.values() if u.institution_id == response.institution_id]
                    rows.add_history(response, item, catalogue, editors=editors or [person])
    rows.save()
    return rows.responses
