from dataclasses import dataclass, field
from typing import Any

from django.db import models
from django.utils.translation import gettext as _

from surveys.models import Round


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an import file; `row` counts like a spreadsheet does (the header is row 1)."""

    row: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        where = []
        if self.row is not None:
            where.append(_("rij %(row)d") % {"row": self.row})
        if self.column:
            where.append(_("kolom %(column)s") % {"column": self.column})
        return f"{', '.join(where)}: {self.message}" if where else self.message


class ImportFileError(Exception):
    """The file cannot be read as a table at all (empty, broken, wrong encoding)."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("; ".join(str(problem) for problem in problems))
        self.problems = problems


@dataclass(frozen=True)
class Change:
    """What an applied import did to one object, for the audit log (`old` and `new` hold only what changed)."""

    action: str
    obj: models.Model
    old: dict[str, Any] | None
    new: dict[str, Any]


@dataclass
class ImportReport:
    """What an import found and did. `applied` is only true when it wrote to the database."""

    kind: str = ""
    round: Round | None = None
    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    problems: list[Problem] = field(default_factory=list)
    applied: bool = False
    changes: list[Change] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def kind_label(self) -> str:
        return {"uitslagen": _("uitslagen van een ronde"), "instellingen": _("instellingenlijst")}.get(
            self.kind, self.kind
        )
