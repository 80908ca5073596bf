"""Build submitted responses with chosen answers, for hand-computed aggregation cases."""

import datetime

from django.utils import timezone

from surveys.models import (
    BlockAnswer,
    CollaborationAnswer,
    FocusAreaChoice,
    Institution,
    PriorityRank,
    Response,
    Round,
    StatementAnswer,
)
from tests.factories import InstitutionFactory, ResponseFactory, RoundFactory, make_questionnaire


def make_round(year: int, *, previous: Round | None = None, lineage: str = "same", **kwargs) -> Round:
    """A round with its own questionnaire; with `previous`, every statement continues it with `lineage`."""
    questionnaire = make_questionnaire(
        str(year),
        previous=previous.questionnaire if previous else None,
        lineage=lineage,
        statements_per_block=kwargs.pop("statements_per_block", 3),
    )
    return RoundFactory(year=year, questionnaire=questionnaire, **kwargs)


def respond(
    round: Round,
    institution: Institution | None = None,
    *,
    levels: dict[str, int] | int | None = None,
    submitted: bool = True,
    institution_type: str | None = None,
    region: str | None = None,
    priorities: list[str] | None = None,
    focus_areas: list[str] = (),
    collaboration: dict[str, int] | None = None,
    good_examples: dict[str, str] | None = None,
    remarks: dict[str, str] | None = None,
    pride_example: str = "",
    consent: bool | None = None,
) -> Response:
    """A response of `institution` in `round`.

    `levels` maps statement codes to levels (statements left out stay unanswered), or
    gives one level for every statement; `priorities` lists block codes, first = rank 1.
    """
    institution = institution or InstitutionFactory()
    response = ResponseFactory(
        round=round,
        institution=institution,
        status=Response.Status.SUBMITTED if submitted else Response.Status.DRAFT,
        submitted_at=timezone.make_aware(datetime.datetime(round.year, 5, 1)) if submitted else None,
        institution_type=institution_type if institution_type is not None else institution.type,
        region=region if region is not None else institution.region,
        pride_example=pride_example,
        consent_to_quote=consent,
    )
    questionnaire = round.questionnaire
    statements = {s.code: s for s in questionnaire.statements.all()}
    if isinstance(levels, int):
        levels = dict.fromkeys(statements, levels)
    StatementAnswer.objects.bulk_create(
        StatementAnswer(response=response, statement=statements[code], level=level)
        for code, level in (levels or {}).items()
    )
    blocks = {b.code: b for b in questionnaire.blocks.all()}
    PriorityRank.objects.bulk_create(
        PriorityRank(response=response, block=blocks[code], rank=rank)
        for rank, code in enumerate(priorities or [], start=1)
    )
    areas = {a.code: a for a in questionnaire.focus_areas.all()}
    FocusAreaChoice.objects.bulk_create(FocusAreaChoice(response=response, focus_area=areas[c]) for c in focus_areas)
    stakeholders = {s.code: s for s in questionnaire.stakeholders.all()}
    CollaborationAnswer.objects.bulk_create(
        CollaborationAnswer(response=response, stakeholder=stakeholders[code], intensity=intensity)
        for code, intensity in (collaboration or {}).items()
    )
    texts = {code: (text, (remarks or {}).get(code, "")) for code, text in (good_examples or {}).items()}
    for code, text in (remarks or {}).items():
        texts.setdefault(code, ("", text))
    BlockAnswer.objects.bulk_create(
        BlockAnswer(response=response, block=blocks[code], good_example=good, remarks=remark)
        for code, (good, remark) in texts.items()
    )
    return response


def block_levels(block_prefix: str, *levels: int) -> dict[str, int]:
    """{"LEI-01": 3, "LEI-02": 4, ...} for the statements of one block, in order."""
    return {f"{block_prefix}-{number:02d}": level for number, level in enumerate(levels, start=1)}
