"""The pages of a questionnaire in order, and every answer of a response in one query."""

import functools

from django.db import connection

from surveys.models import (
    BlockAnswer,
    BuildingBlock,
    CollaborationAnswer,
    FocusArea,
    FocusAreaChoice,
    PriorityRank,
    Response,
    Stakeholder,
    Statement,
    StatementAnswer,
)
from surveys.selectors import QuestionnaireContent
from surveys.services.sections.base import Section, column, table
from surveys.services.sections.blocks import BlockSection
from surveys.services.sections.pages import (
    CollaborationSection,
    FocusSection,
    PrideSection,
    PrioritySection,
    ProfileSection,
)


def sections_for(content: QuestionnaireContent) -> list[Section]:
    """The pages of the scan in the order a person walks through them."""
    return [
        ProfileSection(),
        *(BlockSection(block, content.block_statements(block)) for block in content.blocks),
        FocusSection(content.focus_areas),
        CollaborationSection(content.stakeholders),
        PrioritySection(content.blocks),
        PrideSection(),
    ]


def read_all(response: Response, sections: list[Section]) -> dict[str, str]:
    """Every item of the response in one query (every page shows the progress of all of them)."""
    values = {key: "" for section in sections for key in section.item_keys()}
    with connection.cursor() as cursor:
        cursor.execute(_answers_sql(), [response.pk] * 5)
        rows = cursor.fetchall()
    focus_codes, ranks = [], {}
    for kind, code, first, second in rows:
        if kind == "block":
            values[f"block:{code}:good_example"], values[f"block:{code}:remarks"] = first, second
        elif kind == "focus":
            focus_codes.append(code)
        elif kind == "priority":
            ranks[code] = int(first)
        else:
            values[f"{kind}:{code}"] = first
    for section in sections:
        if isinstance(section, FocusSection):
            values[section.item_key] = section.encode(focus_codes)
        elif isinstance(section, PrioritySection):
            values[section.item_key] = section.encode(ranks)
        elif isinstance(section, ProfileSection | PrideSection):
            values.update(section.read(response))  # fields of the response itself: no query
    return values


@functools.cache
def _answers_sql() -> str:
    """All answer rows of one response as (kind, code, value, second value).

    Written out rather than built with the ORM: every page of the scan runs it, and
    compiling the five-part union took longer than the database needed to answer it.
    """

    parts = [
        ("statement", StatementAnswer, "statement", Statement, "CAST(a.level AS TEXT)", "''"),
        ("block", BlockAnswer, "block", BuildingBlock, "a.good_example", "a.remarks"),
        ("collaboration", CollaborationAnswer, "stakeholder", Stakeholder, "CAST(a.intensity AS TEXT)", "''"),
        ("focus", FocusAreaChoice, "focus_area", FocusArea, "''", "''"),
        ("priority", PriorityRank, "block", BuildingBlock, "CAST(a.rank AS TEXT)", "''"),
    ]
    return " UNION ALL ".join(
        f"SELECT '{kind}', i.code, {first}, {second} FROM {table(answer)} a "
        f"JOIN {table(item)} i ON i.id = a.{column(answer, item_field)} WHERE a.response_id = %s"
        for kind, answer, item_field, item, first, second in parts
    )
