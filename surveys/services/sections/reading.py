"""The pages of a questionnaire in order, and every answer of a response in one query."""

from django.db.models import CharField, F, Value
from django.db.models.functions import Cast

from surveys.models import (
    BlockAnswer,
    CollaborationAnswer,
    FocusAreaChoice,
    PriorityRank,
    Response,
    StatementAnswer,
)
from surveys.selectors import QuestionnaireContent
from surveys.services.sections.base import Section
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
    text = CharField()
    rows = (
        StatementAnswer.objects.filter(response=response)
        .annotate(kind=Value("statement", output_field=text), code=F("statement__code"))
        .values_list("kind", "code", Cast("level", text), Value("", output_field=text))
        .union(
            BlockAnswer.objects.filter(response=response)
            .annotate(kind=Value("block", output_field=text), code=F("block__code"))
            .values_list("kind", "code", Cast("good_example", text), Cast("remarks", text)),
            CollaborationAnswer.objects.filter(response=response)
            .annotate(kind=Value("collaboration", output_field=text), code=F("stakeholder__code"))
            .values_list("kind", "code", Cast("intensity", text), Value("", output_field=text)),
            FocusAreaChoice.objects.filter(response=response)
            .annotate(kind=Value("focus", output_field=text), code=F("focus_area__code"))
            .values_list("kind", "code", Value("", output_field=text), Value("", output_field=text)),
            PriorityRank.objects.filter(response=response)
            .annotate(kind=Value("priority", output_field=text), code=F("block__code"))
            .values_list("kind", "code", Cast("rank", text), Value("", output_field=text)),
            all=True,
        )
    )
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
