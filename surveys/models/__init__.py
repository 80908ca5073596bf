from surveys.models.institutions import Institution, InstitutionType, Region
from surveys.models.questionnaire import (
    LEVELS,
    BuildingBlock,
    DroppedStatement,
    FocusArea,
    Lineage,
    QuestionnaireVersion,
    Stakeholder,
    Statement,
)
from surveys.models.responses import (
    AnswerChange,
    BlockAnswer,
    CollaborationAnswer,
    CollaborationIntensity,
    FocusAreaChoice,
    PriorityRank,
    Response,
    StatementAnswer,
)
from surveys.models.rounds import Round
from surveys.models.users import User

__all__ = [
    "LEVELS",
    "AnswerChange",
    "BlockAnswer",
    "BuildingBlock",
    "CollaborationAnswer",
    "CollaborationIntensity",
    "DroppedStatement",
    "FocusArea",
    "FocusAreaChoice",
    "Institution",
    "InstitutionType",
    "Lineage",
    "PriorityRank",
    "QuestionnaireVersion",
    "Region",
    "Response",
    "Round",
    "Stakeholder",
    "Statement",
    "StatementAnswer",
    "User",
]
