"""Checks that a round's stored data is whole: what `manage.py check_round_integrity` reports.

The database already refuses most bad data (constraints, version triggers); these
checks catch what constraints cannot express across rows, and anything written
around them (a manual SQL fix, a restore of a partial backup).
"""

from dataclasses import dataclass

from django.db.models import Count, Q

from surveys.models import (
    BlockAnswer,
    CollaborationAnswer,
    FocusAreaChoice,
    PriorityRank,
    Response,
    Round,
    StatementAnswer,
)
from surveys.services.submission import response_missing_items


@dataclass(frozen=True)
class Problem:
    institution: str
    message: str

    def __str__(self) -> str:
        return f"{self.institution}: {self.message}"


def _foreign_items(round: Round) -> list[Problem]:
    """Answers pointing at an item of another questionnaire version than the round's."""
    version = round.questionnaire_id
    checks = [
        (StatementAnswer, "statement__questionnaire_id", "stelling"),
        (BlockAnswer, "block__questionnaire_id", "bouwsteen"),
        (PriorityRank, "block__questionnaire_id", "prioriteit"),
        (FocusAreaChoice, "focus_area__questionnaire_id", "speerpunt"),
        (CollaborationAnswer, "stakeholder__questionnaire_id", "stakeholder"),
    ]
    problems = []
    for model, version_path, label in checks:
        foreign = (
            model.objects.filter(response__round=round)
            .exclude(**{version_path: version})
            .values_list("response__institution__name", flat=True)
        )
        problems += [Problem(name, f"{label} uit een andere vragenlijstversie") for name in foreign]
    return problems


def _broken_rankings(round: Round, submitted: list[Response]) -> list[Problem]:
    blocks = round.questionnaire.blocks.count()
    rankings = (
        PriorityRank.objects.filter(response__in=submitted)
        .values("response__institution__name")
        .annotate(n=Count("id"), top=Count("id", filter=Q(rank__gt=blocks)))
    )
    problems = [
        Problem(row["response__institution__name"], f"rangorde heeft {row['n']} van {blocks} plaatsen")
        for row in rankings
        if row["n"] != blocks or row["top"]
    ]
    return problems


def _bad_submissions(submitted: list[Response]) -> list[Problem]:
    problems = []
    for response in submitted:
        if response.submitted_at is None:
            problems.append(Problem(response.institution.name, "ingediend zonder tijdstip van indienen"))
        labels = [label for missing in response_missing_items(response=response) for label in missing.labels]
        if labels:
            shown = "; ".join(labels[:3]) + ("; …" if len(labels) > 3 else "")
            message = f"ingediend maar onvolledig: {len(labels)} onderdelen ontbreken ({shown})"
            problems.append(Problem(response.institution.name, message))
    return problems


def round_integrity_problems(round: Round) -> list[Problem]:
    """Every problem found in `round`; an empty list means the round's data is whole."""
    submitted = list(
        Response.objects.filter(round=round, status=Response.Status.SUBMITTED)
        .select_related("institution", "round")
        .order_by("institution__name")
    )
    problems = _foreign_items(round) + _bad_submissions(submitted) + _broken_rankings(round, submitted)
    return sorted(problems, key=lambda p: (p.institution, p.message))
