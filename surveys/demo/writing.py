"""Turn planned responses into answer rows, written with one bulk insert per table."""

from dataclasses import dataclass, field

from surveys.demo.planning import PlannedResponse
from surveys.models import (
    AnswerChange,
    BlockAnswer,
    BuildingBlock,
    CollaborationAnswer,
    FocusArea,
    FocusAreaChoice,
    PriorityRank,
    QuestionnaireVersion,
    Response,
    Stakeholder,
    Statement,
    StatementAnswer,
    User,
)

BATCH_SIZE = 500


@dataclass
class Catalogue:
    """The items of one questionnaire version by code."""

    statements: dict[str, Statement]
    blocks: dict[str, BuildingBlock]
    focus_areas: dict[str, FocusArea]
    stakeholders: dict[str, Stakeholder]

    @classmethod
    def of(cls, version: QuestionnaireVersion) -> "Catalogue":
        return cls(
            statements={s.code: s for s in version.statements.all()},
            blocks={b.code: b for b in version.blocks.all()},
            focus_areas={f.code: f for f in version.focus_areas.all()},
            stakeholders={s.code: s for s in version.stakeholders.all()},
        )


@dataclass
class ResponseRows:
    responses: int = 0
    statement_answers: list[StatementAnswer] = field(default_factory=list)
    block_answers: list[BlockAnswer] = field(default_factory=list)
    focus_area_choices: list[FocusAreaChoice] = field(default_factory=list)
    collaboration_answers: list[CollaborationAnswer] = field(default_factory=list)
    priority_ranks: list[PriorityRank] = field(default_factory=list)
    changes: list[AnswerChange] = field(default_factory=list)

    def add(self, response: Response, item: PlannedResponse, catalogue: Catalogue) -> None:
        self.responses += 1
        self.statement_answers += [
            StatementAnswer(response=response, statement=catalogue.statements[code], level=level)
            for code, level in item.levels.items()
        ]
        for code in sorted(set(item.good_examples) | set(item.remarks), key=list(catalogue.blocks).index):
            self.block_answers.append(
                BlockAnswer(
                    response=response,
                    block=catalogue.blocks[code],
                    good_example=item.good_examples.get(code, ""),
                    remarks=item.remarks.get(code, ""),
                )
            )
        self.focus_area_choices += [
            FocusAreaChoice(response=response, focus_area=catalogue.focus_areas[code]) for code in item.focus_areas
        ]
        self.collaboration_answers += [
            CollaborationAnswer(response=response, stakeholder=catalogue.stakeholders[code], intensity=intensity)
            for code, intensity in item.collaboration.items()
        ]
        self.priority_ranks += [
            PriorityRank(response=response, block=catalogue.blocks[code], rank=rank)
            for rank, code in enumerate(item.priorities, start=1)
        ]

    def add_history(
        self, response: Response, item: PlannedResponse, catalogue: Catalogue, *, editors: list[User]
    ) -> None:
        """The first answers as they were typed in, the last one revised by a colleague."""
        codes = list(item.levels)[:3]
        for index, code in enumerate(codes):
            statement = catalogue.statements[code]
            level = item.levels[code]
            revised = index == len(codes) - 1 and level > 1
            self.changes.append(
                AnswerChange(
                    response=response,
                    changed_by=editors[0],
                    item=f"statement:{code}",
                    item_label=f"{code} {statement.text}"[:255],
                    old_value="",
                    new_value=str(level - 1 if revised else level),
                )
            )
            if revised:
                self.changes.append(
                    AnswerChange(
                        response=response,
                        changed_by=editors[-1],
                        item=f"statement:{code}",
                        item_label=f"{code} {statement.text}"[:255],
                        old_value=str(level - 1),
                        new_value=str(level),
                    )
                )

    def save(self) -> None:
        for model, rows in [
            (StatementAnswer, self.statement_answers),
            (BlockAnswer, self.block_answers),
            (FocusAreaChoice, self.focus_area_choices),
            (CollaborationAnswer, self.collaboration_answers),
            (PriorityRank, self.priority_ranks),
            (AnswerChange, self.changes),
        ]:
            model.objects.bulk_create(rows, batch_size=BATCH_SIZE)
