"""Reads for the fill-in screens: the questionnaire of a round, the response's progress, recent changes.

Every function here issues a fixed number of queries whatever the size of the
questionnaire, so a page built from them costs the same for 3 or 30 statements.
"""

import datetime
from dataclasses import dataclass, field

from surveys.models import (
    AnswerChange,
    BuildingBlock,
    FocusArea,
    QuestionnaireVersion,
    Response,
    Round,
    Stakeholder,
    Statement,
)


@dataclass
class QuestionnaireContent:
    """All items of one questionnaire version, loaded in four queries."""

    version: QuestionnaireVersion
    blocks: list[BuildingBlock]
    statements: list[Statement]
    focus_areas: list[FocusArea]
    stakeholders: list[Stakeholder]
    statements_by_block: dict[int, list[Statement]] = field(init=False)

    def __post_init__(self) -> None:
        self.statements_by_block = {block.pk: [] for block in self.blocks}
        for statement in self.statements:
            self.statements_by_block[statement.block_id].append(statement)

    def block(self, code: str) -> BuildingBlock | None:
        return next((block for block in self.blocks if block.code == code), None)

    def block_statements(self, block: BuildingBlock) -> list[Statement]:
        return self.statements_by_block[block.pk]


# Content of questionnaires that institutions see, per process: (version id, loaded_at) -> content.
_CONTENT_CACHE: dict[tuple[int, datetime.datetime], QuestionnaireContent] = {}
_CONTENT_CACHE_SIZE = 8


def round_content(scan_round: Round) -> QuestionnaireContent:
    """The questionnaire of a round, kept in memory once the round is no longer a draft.

    A questionnaire that institutions have seen can no longer be edited (the analysts'
    questionnaire_lock_reason); only `load_questionnaire` rewrites its texts, and that
    touches `loaded_at`, which is part of the key. A draft round is always read afresh.
    """
    version = scan_round.questionnaire
    if scan_round.status == Round.Status.DRAFT:
        return questionnaire_content(version)
    key = (version.pk, version.loaded_at)
    content = _CONTENT_CACHE.get(key)
    if content is None:
        content = questionnaire_content(version)
        if len(_CONTENT_CACHE) >= _CONTENT_CACHE_SIZE:
            _CONTENT_CACHE.clear()
        _CONTENT_CACHE[key] = content
    return content


def questionnaire_content(version: QuestionnaireVersion) -> QuestionnaireContent:
    return QuestionnaireContent(
        version=version,
        blocks=list(BuildingBlock.objects.filter(questionnaire=version).order_by("position")),
        statements=list(Statement.objects.filter(questionnaire=version).order_by("block__position", "position")),
        focus_areas=list(FocusArea.objects.filter(questionnaire=version).order_by("position")),
        stakeholders=list(Stakeholder.objects.filter(questionnaire=version).order_by("position")),
    )


def round_visible_to_institutions(year: int) -> Round | None:
    """The round of `year` once it is no longer in preparation (institutions never see a draft round)."""
    return Round.objects.select_related("questionnaire").exclude(status=Round.Status.DRAFT).filter(year=year).first()


def current_round(today: datetime.date) -> Round | None:
    """The round a contact person should land on: the open one, else the latest that is no longer a draft."""
    rounds = Round.objects.exclude(status=Round.Status.DRAFT).order_by("-year")
    open_now = [r for r in rounds.filter(status=Round.Status.OPEN) if r.accepts_answers(today)]
    return open_now[0] if open_now else rounds.first()


def recent_changes(response: Response, *, limit: int = 5) -> list[AnswerChange]:
    return list(response.changes.select_related("changed_by").order_by("-changed_at", "-id")[:limit])
