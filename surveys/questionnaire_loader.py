"""Read a questionnaire version from its YAML file and store it.

The file is checked whole before anything is written; any problem stops the load
with a `QuestionnaireFileError` naming the file and the item, and the database is
left as it was. Loading the same file again updates texts in place (codes are the
identity), so it is safe to run at every deployment.
"""

from dataclasses import dataclass, field
from pathlib import Path

import yaml
from django.db import transaction
from django.db.models import F

from surveys.models import (
    BuildingBlock,
    DroppedStatement,
    FocusArea,
    Lineage,
    QuestionnaireVersion,
    Stakeholder,
    Statement,
)

STATEMENTS_PER_BLOCK = (3, 6)
# A position above any real one, used while positions are rewritten.
_OFFSET = 10_000


class QuestionnaireFileError(Exception):
    def __init__(self, path: Path | str, item: str, problem: str) -> None:
        self.path, self.item, self.problem = str(path), item, problem
        super().__init__(f"{path}: {item}: {problem}")


@dataclass
class _Checked:
    """The parsed file, validated, ready to be written."""

    data: dict
    previous: QuestionnaireVersion | None
    previous_statements: dict[str, Statement] = field(default_factory=dict)


def _text(path: Path, item: str, value: object, *, required: bool = True) -> str:
    if value is None and not required:
        return ""
    if not isinstance(value, str) or (required and not value.strip()):
        raise QuestionnaireFileError(path, item, "tekst ontbreekt of is leeg")
    return value.strip()


def _list(path: Path, item: str, value: object) -> list:
    if not isinstance(value, list):
        raise QuestionnaireFileError(path, item, "verwacht een lijst")
    return value


def _check_options(path: Path, kind: str, options: list) -> None:
    seen: set[str] = set()
    for index, option in enumerate(options, start=1):
        if not isinstance(option, dict):
            raise QuestionnaireFileError(path, f"{kind} #{index}", "verwacht code en label")
        code = _text(path, f"{kind} #{index} code", option.get("code"))
        if code in seen:
            raise QuestionnaireFileError(path, f"{kind} {code}", "code komt dubbel voor")
        seen.add(code)
        _text(path, f"{kind} {code} label", option.get("label"))


def _check_levels(path: Path, code: str, statement: dict) -> None:
    levels = statement.get("levels")
    if not isinstance(levels, list) or len(levels) != 4:
        found = len(levels) if isinstance(levels, list) else 0
        raise QuestionnaireFileError(path, f"stelling {code}", f"heeft {found} niveaus in plaats van precies 4")
    for number, level in enumerate(levels, start=1):
        _text(path, f"stelling {code} niveau {number}", level)
    english = statement.get("levels_en")
    if english is not None and (not isinstance(english, list) or len(english) != 4):
        raise QuestionnaireFileError(path, f"stelling {code}", "levels_en heeft niet precies 4 niveaus")


def _check_lineage(path: Path, code: str, statement: dict, checked: _Checked) -> None:
    lineage = statement.get("lineage", Lineage.NEW)
    if lineage not in Lineage.values:
        raise QuestionnaireFileError(path, f"stelling {code}", f"onbekende herkomst {lineage!r}")
    previous_code = statement.get("previous")
    if lineage == Lineage.NEW:
        if previous_code:
            raise QuestionnaireFileError(path, f"stelling {code}", "een nieuwe stelling heeft geen vorige stelling")
        return
    if checked.previous is None:
        raise QuestionnaireFileError(path, f"stelling {code}", f"herkomst {lineage} maar er is geen vorige versie")
    if previous_code not in checked.previous_statements:
        raise QuestionnaireFileError(
            path,
            f"stelling {code}",
            f"vorige stelling {previous_code!r} bestaat niet in versie {checked.previous.code}",
        )


def check_file(path: Path) -> _Checked:
    """Parse and validate a questionnaire file without writing anything."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise QuestionnaireFileError(path, "bestand", f"onleesbaar: {exc}") from None
    if not isinstance(data, dict):
        raise QuestionnaireFileError(path, "bestand", "verwacht een vragenlijst (code, title, blocks)")
    code = _text(path, "code", str(data.get("code")) if data.get("code") is not None else None)
    data["code"] = code
    _text(path, "title", data.get("title"))

    previous = None
    if data.get("previous"):
        previous = QuestionnaireVersion.objects.filter(code=str(data["previous"])).first()
        if previous is None:
            raise QuestionnaireFileError(
                path, "previous", f"vorige versie {data['previous']!r} is niet geladen; laad die eerst"
            )
    checked = _Checked(data=data, previous=previous)
    if previous is not None:
        checked.previous_statements = {s.code: s for s in previous.statements.all()}

    _check_options(path, "speerpunt", _list(path, "focus_areas", data.get("focus_areas", [])))
    _check_options(path, "stakeholder", _list(path, "stakeholders", data.get("stakeholders", [])))

    blocks = _list(path, "blocks", data.get("blocks"))
    if not blocks:
        raise QuestionnaireFileError(path, "blocks", "geen bouwstenen")
    block_codes: set[str] = set()
    statement_codes: set[str] = set()
    successors: dict[str, str] = {}
    for index, block in enumerate(blocks, start=1):
        if not isinstance(block, dict):
            raise QuestionnaireFileError(path, f"bouwsteen #{index}", "verwacht code, name en statements")
        block_code = _text(path, f"bouwsteen #{index} code", block.get("code"))
        if block_code in block_codes:
            raise QuestionnaireFileError(path, f"bouwsteen {block_code}", "code komt dubbel voor")
        block_codes.add(block_code)
        _text(path, f"bouwsteen {block_code} name", block.get("name"))
        statements = _list(path, f"bouwsteen {block_code} statements", block.get("statements"))
        low, high = STATEMENTS_PER_BLOCK
        if not low <= len(statements) <= high:
            raise QuestionnaireFileError(
                path, f"bouwsteen {block_code}", f"heeft {len(statements)} stellingen, verwacht {low} tot {high}"
            )
        for number, statement in enumerate(statements, start=1):
            if not isinstance(statement, dict):
                raise QuestionnaireFileError(
                    path, f"bouwsteen {block_code} stelling #{number}", "verwacht een stelling"
                )
            code = _text(path, f"bouwsteen {block_code} stelling #{number} code", statement.get("code"))
            if code in statement_codes:
                raise QuestionnaireFileError(path, f"stelling {code}", "code komt dubbel voor")
            statement_codes.add(code)
            _text(path, f"stelling {code} text", statement.get("text"))
            _check_levels(path, code, statement)
            _check_lineage(path, code, statement, checked)
            previous_code = statement.get("previous")
            if previous_code:
                if previous_code in successors:
                    raise QuestionnaireFileError(
                        path,
                        f"stelling {code}",
                        f"vorige stelling {previous_code} heeft al opvolger {successors[previous_code]}",
                    )
                successors[previous_code] = code

    for option_list in ("focus_areas", "stakeholders"):
        data.setdefault(option_list, [])
    dropped = _list(path, "dropped", data.get("dropped") or [])
    dropped_codes = set()
    for entry in dropped:
        dropped_code = entry.get("code") if isinstance(entry, dict) else None
        if dropped_code not in checked.previous_statements:
            raise QuestionnaireFileError(
                path, f"vervallen stelling {dropped_code!r}", "bestaat niet in de vorige versie"
            )
        if dropped_code in successors:
            raise QuestionnaireFileError(path, f"vervallen stelling {dropped_code}", "heeft toch een opvolger")
        dropped_codes.add(dropped_code)
    unaccounted = sorted(set(checked.previous_statements) - set(successors) - dropped_codes)
    if unaccounted:
        raise QuestionnaireFileError(
            path,
            "dropped",
            f"stellingen van de vorige versie zonder opvolger en niet vervallen: {', '.join(unaccounted)}",
        )
    data["dropped"] = dropped
    return checked


def _upsert_options(model, questionnaire: QuestionnaireVersion, options: list[dict]) -> None:
    codes = []
    for position, option in enumerate(options, start=1):
        codes.append(option["code"])
        model.objects.update_or_create(
            questionnaire=questionnaire,
            code=option["code"],
            defaults={"label": option["label"], "label_en": option.get("label_en") or "", "position": 1000 + position},
        )
    model.objects.filter(questionnaire=questionnaire).exclude(code__in=codes).delete()
    for position, code in enumerate(codes, start=1):
        model.objects.filter(questionnaire=questionnaire, code=code).update(position=position)


@transaction.atomic
def load_questionnaire(path: Path | str) -> QuestionnaireVersion:
    """Validate `path` whole, then create or update its questionnaire version."""
    path = Path(path)
    checked = check_file(path)
    data = checked.data
    questionnaire, _ = QuestionnaireVersion.objects.update_or_create(
        code=data["code"],
        defaults={
            "title": data["title"].strip(),
            "title_en": (data.get("title_en") or "").strip(),
            "previous": checked.previous,
            "source_file": path.name,
        },
    )
    _upsert_options(FocusArea, questionnaire, data["focus_areas"])
    _upsert_options(Stakeholder, questionnaire, data["stakeholders"])

    # Positions move in two steps so that reordering never trips the unique constraints.
    BuildingBlock.objects.filter(questionnaire=questionnaire).update(position=F("position") + _OFFSET)
    Statement.objects.filter(questionnaire=questionnaire).update(position=F("position") + _OFFSET)
    kept_statements = []
    for block_position, block_data in enumerate(data["blocks"], start=1):
        block, _ = BuildingBlock.objects.update_or_create(
            questionnaire=questionnaire,
            code=block_data["code"],
            defaults={
                "name": block_data["name"].strip(),
                "name_en": (block_data.get("name_en") or "").strip(),
                "position": block_position,
            },
        )
        for position, item in enumerate(block_data["statements"], start=1):
            levels = [level.strip() for level in item["levels"]]
            levels_en = [level.strip() for level in (item.get("levels_en") or ["", "", "", ""])]
            previous = checked.previous_statements.get(item.get("previous") or "")
            statement, _ = Statement.objects.update_or_create(
                questionnaire=questionnaire,
                code=item["code"],
                defaults={
                    "block": block,
                    "position": position,
                    "text": item["text"].strip(),
                    "text_en": (item.get("text_en") or "").strip(),
                    "verbatim": bool(item.get("verbatim", False)),
                    "lineage": item.get("lineage", Lineage.NEW),
                    "previous": previous,
                    **{f"level_{n}": levels[n - 1] for n in range(1, 5)},
                    **{f"level_{n}_en": levels_en[n - 1] for n in range(1, 5)},
                },
            )
            kept_statements.append(statement.pk)
    # Statements removed from the file go, unless answers already point at them (PROTECT).
    Statement.objects.filter(questionnaire=questionnaire).exclude(pk__in=kept_statements).delete()
    BuildingBlock.objects.filter(questionnaire=questionnaire, position__gte=_OFFSET).delete()

    DroppedStatement.objects.filter(questionnaire=questionnaire).delete()
    DroppedStatement.objects.bulk_create(
        DroppedStatement(
            questionnaire=questionnaire,
            statement=checked.previous_statements[entry["code"]],
            reason=(entry.get("reason") or "").strip(),
        )
        for entry in data["dropped"]
    )
    return questionnaire
