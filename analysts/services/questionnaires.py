"""Editing a questionnaire version: copy, edit, add, retire and reorder statements.

The rules that keep trends honest live here, not in the views:

- a questionnaire that a round has used (open, closed or published, or with any
  response) or that a later version builds on is frozen; only a copy can be edited;
- a statement that differs from its predecessor must say how: `reworded` (still
  comparable) or `rescaled` (not comparable); `same` is only for an unchanged one;
- a retired statement leaves this version and is recorded as a `DroppedStatement` of
  its predecessor, so every statement of the previous version stays accounted for.
"""

import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from analysts.services.audit import audit_record
from surveys.models import (
    LEVELS,
    BuildingBlock,
    DroppedStatement,
    FocusArea,
    Lineage,
    QuestionnaireVersion,
    Response,
    Round,
    Stakeholder,
    Statement,
    User,
)
from surveys.questionnaire_loader import STATEMENTS_PER_BLOCK

BLOCK_COUNT = 8
# The Dutch fields that make a statement what it is: a change to any of them needs a lineage.
CONTENT_FIELDS = ("text", *(f"level_{level}" for level in LEVELS))
TRANSLATION_FIELDS = ("text_en", *(f"level_{level}_en" for level in LEVELS))
# A position above any real one, used while positions are rewritten.
_OFFSET = 10_000


@dataclass(frozen=True)
class StatementContent:
    """The texts of a statement as an analyst edits them (Dutch, with optional English)."""

    text: str
    level_1: str
    level_2: str
    level_3: str
    level_4: str
    text_en: str = ""
    level_1_en: str = ""
    level_2_en: str = ""
    level_3_en: str = ""
    level_4_en: str = ""

    @classmethod
    def of(cls, statement: Statement) -> "StatementContent":
        return cls(**{name: getattr(statement, name) for name in CONTENT_FIELDS + TRANSLATION_FIELDS})

    def as_dict(self) -> dict[str, str]:
        return {name: getattr(self, name) for name in CONTENT_FIELDS + TRANSLATION_FIELDS}


# --- reading ----------------------------------------------------------------------------------


def questionnaire_lock_reason(*, questionnaire: QuestionnaireVersion) -> str | None:
    """Why this questionnaire may no longer be edited, or None when it may."""
    in_use = questionnaire.rounds.filter(status__in=[Round.Status.OPEN, Round.Status.CLOSED])
    if in_use.exists():
        return _("De vragenlijst is opengesteld voor instellingen (ronde %(years)s).") % {"years": _years(in_use)}
    published = questionnaire.rounds.filter(status=Round.Status.PUBLISHED)
    if published.exists():
        return _("De vragenlijst hoort bij de gepubliceerde ronde %(years)s.") % {"years": _years(published)}
    if Response.objects.filter(round__questionnaire=questionnaire).exists():
        return _("Er zijn al antwoorden op deze vragenlijst gegeven.")
    if questionnaire.next_versions.exists():
        return _("Er is al een volgende vragenlijst van deze versie afgeleid.")
    return None


def _years(rounds) -> str:
    return ", ".join(str(year) for year in rounds.order_by("year").values_list("year", flat=True))


def questionnaire_ensure_editable(*, questionnaire: QuestionnaireVersion) -> None:
    reason = questionnaire_lock_reason(questionnaire=questionnaire)
    if reason:
        raise ValidationError(
            _("%(reason)s Alleen een kopie kan nog worden bewerkt: maak een nieuwe ronde aan.") % {"reason": reason},
            code="questionnaire_locked",
        )


def questionnaire_problems(*, questionnaire: QuestionnaireVersion) -> list[str]:
    """What stands between this questionnaire and opening a round with it (empty when complete)."""
    problems = []
    blocks = list(questionnaire.blocks.order_by("position"))
    if len(blocks) != BLOCK_COUNT:
        problems.append(
            _("De vragenlijst heeft %(found)s bouwstenen in plaats van %(expected)s.")
            % {"found": len(blocks), "expected": BLOCK_COUNT}
        )
    low, high = STATEMENTS_PER_BLOCK
    counts = {block.pk: 0 for block in blocks}
    for statement in questionnaire.statements.all():
        counts[statement.block_id] = counts.get(statement.block_id, 0) + 1
        missing = [str(level) for level in LEVELS if not getattr(statement, f"level_{level}").strip()]
        if missing:
            problems.append(
                _("Stelling %(code)s mist niveau %(levels)s.") % {"code": statement.code, "levels": ", ".join(missing)}
            )
    for block in blocks:
        if not low <= counts[block.pk] <= high:
            problems.append(
                _("Bouwsteen %(block)s heeft %(found)s stellingen; dat moeten er %(low)s tot %(high)s zijn.")
                % {"block": block.name, "found": counts[block.pk], "low": low, "high": high}
            )
    return problems


def statement_suggest_code(*, block: BuildingBlock) -> str:
    """The next free code in the block's series, e.g. LEI-07 (never reusing a code of the previous version)."""
    codes = list(block.statements.values_list("code", flat=True))
    questionnaire = block.questionnaire
    if questionnaire.previous_id:
        codes += list(
            Statement.objects.filter(questionnaire_id=questionnaire.previous_id, block__code=block.code).values_list(
                "code", flat=True
            )
        )
    prefix, highest = None, 0
    for code in codes:
        match = re.fullmatch(r"(.*?)(\d+)", code)
        if match:
            prefix = prefix or match.group(1)
            highest = max(highest, int(match.group(2)))
    if prefix is None:
        prefix = f"{block.code[:3].upper()}-"
    taken = set(questionnaire.statements.values_list("code", flat=True))
    number = highest + 1
    while f"{prefix}{number:02d}" in taken:
        number += 1
    return f"{prefix}{number:02d}"


# --- copying ----------------------------------------------------------------------------------


def _free_code(code: str) -> str:
    candidate, number = code, 1
    while QuestionnaireVersion.objects.filter(code=candidate).exists():
        number += 1
        candidate = f"{code}-{number}"
    return candidate


@transaction.atomic
def questionnaire_copy(
    *, source: QuestionnaireVersion, code: str, title: str, title_en: str = "", user: User
) -> QuestionnaireVersion:
    """A new version continuing `source`: every statement copied with lineage `same`.

    Blocks, focus areas and stakeholders are copied as they are; each copied statement
    points back at the one it was copied from, so unchanged statements stay comparable.
    """
    copy = QuestionnaireVersion(code=_free_code(code), title=title, title_en=title_en, previous=source)
    copy.full_clean()
    copy.save()
    blocks = {}
    for block in source.blocks.order_by("position"):
        blocks[block.pk] = BuildingBlock.objects.create(
            questionnaire=copy, code=block.code, name=block.name, name_en=block.name_en, position=block.position
        )
    Statement.objects.bulk_create(
        Statement(
            questionnaire=copy,
            block=blocks[statement.block_id],
            code=statement.code,
            position=statement.position,
            verbatim=statement.verbatim,
            lineage=Lineage.SAME,
            previous=statement,
            **StatementContent.of(statement).as_dict(),
        )
        for statement in source.statements.all()
    )
    for model in (FocusArea, Stakeholder):
        model.objects.bulk_create(
            model(questionnaire=copy, code=item.code, label=item.label, label_en=item.label_en, position=item.position)
            for item in model.objects.filter(questionnaire=source)
        )
    audit_record(actor=user, action="questionnaire.copy", obj=copy, old={"from": source.code}, new={"code": copy.code})
    return copy


# --- editing ----------------------------------------------------------------------------------


def _lineage_for(*, predecessor: Statement | None, content: StatementContent, lineage: str | None) -> str:
    """The lineage a statement with this content may have; refuses a change that does not say how it changed."""
    if predecessor is None:
        return Lineage.NEW
    changed = any(getattr(content, name).strip() != getattr(predecessor, name).strip() for name in CONTENT_FIELDS)
    if not changed:
        return Lineage.SAME
    if lineage not in (Lineage.REWORDED, Lineage.RESCALED):
        message = _(
            "De stelling wijkt af van de vorige versie: kies of ze anders geformuleerd is "
            "(vergelijkbaar) of andere niveaus heeft (niet vergelijkbaar)."
        )
        raise ValidationError({"lineage": ValidationError(message, code="lineage_required")})
    return lineage


@transaction.atomic
def statement_update(*, statement: Statement, content: StatementContent, lineage: str | None, user: User) -> Statement:
    """Change a statement's texts. A change against its predecessor needs lineage reworded or rescaled."""
    questionnaire_ensure_editable(questionnaire=statement.questionnaire)
    before_content = StatementContent.of(statement).as_dict()
    before = {**before_content, "lineage": statement.lineage}
    statement.lineage = _lineage_for(predecessor=statement.previous, content=content, lineage=lineage)
    for name, value in content.as_dict().items():
        setattr(statement, name, value.strip())
    # Word for word from the 2021 report only while it reads as its source did.
    if statement.previous is None:
        statement.verbatim = statement.verbatim and StatementContent.of(statement).as_dict() == before_content
    else:
        statement.verbatim = statement.lineage == Lineage.SAME and statement.previous.verbatim
    statement.full_clean()
    statement.save()
    after = {**StatementContent.of(statement).as_dict(), "lineage": statement.lineage}
    changed = {name for name in after if after[name] != before[name]}
    if changed:
        audit_record(
            actor=user,
            action="statement.update",
            obj=statement.questionnaire,
            old={"code": statement.code, **{name: before[name] for name in sorted(changed)}},
            new={"code": statement.code, **{name: after[name] for name in sorted(changed)}},
        )
    return statement


@transaction.atomic
def statement_add(*, block: BuildingBlock, code: str, content: StatementContent, user: User) -> Statement:
    """A statement new in this version (lineage `new`), placed last in its block."""
    questionnaire_ensure_editable(questionnaire=block.questionnaire)
    last = block.statements.aggregate(last=Max("position"))["last"] or 0
    statement = Statement(
        questionnaire=block.questionnaire,
        block=block,
        code=code.strip(),
        position=last + 1,
        lineage=Lineage.NEW,
        previous=None,
        **{name: value.strip() for name, value in content.as_dict().items()},
    )
    statement.full_clean()
    statement.save()
    audit_record(
        actor=user,
        action="statement.add",
        obj=block.questionnaire,
        new={"code": statement.code, "block": block.code, "text": statement.text},
    )
    return statement


@transaction.atomic
def statement_retire(*, statement: Statement, reason: str, user: User) -> DroppedStatement | None:
    """Take a statement out of this version; its predecessor is recorded as dropped, with the reason.

    A statement that was new in this version has no predecessor and simply goes.
    """
    questionnaire = statement.questionnaire
    questionnaire_ensure_editable(questionnaire=questionnaire)
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": ValidationError(_("Geef een reden op."), code="reason_required")})
    dropped = None
    if statement.previous_id:
        dropped = DroppedStatement(questionnaire=questionnaire, statement=statement.previous, reason=reason)
        dropped.full_clean()
        dropped.save()
    block = statement.block
    old = {"code": statement.code, "block": block.code, "text": statement.text, "lineage": statement.lineage}
    statement.delete()
    _renumber(block=block, order=list(block.statements.order_by("position").values_list("pk", flat=True)))
    audit_record(actor=user, action="statement.retire", obj=questionnaire, old=old, new={"reason": reason})
    return dropped


@transaction.atomic
def statement_restore(*, dropped: DroppedStatement, user: User) -> Statement:
    """Undo a retirement: the predecessor comes back unchanged (lineage `same`), last in its block."""
    questionnaire = dropped.questionnaire
    questionnaire_ensure_editable(questionnaire=questionnaire)
    predecessor = dropped.statement
    block = questionnaire.blocks.get(code=predecessor.block.code)
    last = block.statements.aggregate(last=Max("position"))["last"] or 0
    statement = Statement(
        questionnaire=questionnaire,
        block=block,
        code=predecessor.code,
        position=last + 1,
        verbatim=predecessor.verbatim,
        lineage=Lineage.SAME,
        previous=predecessor,
        **StatementContent.of(predecessor).as_dict(),
    )
    statement.full_clean()
    statement.save()
    dropped.delete()
    audit_record(actor=user, action="statement.restore", obj=questionnaire, new={"code": statement.code})
    return statement


def _renumber(*, block: BuildingBlock, order: list[int]) -> None:
    # Two passes so the unique (block, position) constraint never sees a duplicate.
    for position, pk in enumerate(order, start=1):
        Statement.objects.filter(pk=pk).update(position=_OFFSET + position)
    for position, pk in enumerate(order, start=1):
        Statement.objects.filter(pk=pk).update(position=position)


@transaction.atomic
def block_reorder_statements(*, block: BuildingBlock, order: list[int], user: User) -> None:
    """Put the block's statements in the given order (a list of all their ids)."""
    questionnaire_ensure_editable(questionnaire=block.questionnaire)
    current = list(block.statements.order_by("position").values_list("pk", flat=True))
    if sorted(order) != sorted(current):
        raise ValidationError(_("De nieuwe volgorde moet precies de stellingen van deze bouwsteen bevatten."))
    if order == current:
        return
    codes = dict(block.statements.values_list("pk", "code"))
    _renumber(block=block, order=order)
    audit_record(
        actor=user,
        action="statement.reorder",
        obj=block.questionnaire,
        old={"block": block.code, "order": [codes[pk] for pk in current]},
        new={"block": block.code, "order": [codes[pk] for pk in order]},
    )


def statement_move(*, statement: Statement, direction: str, user: User) -> None:
    """Move a statement one place up or down within its block."""
    order = list(statement.block.statements.order_by("position").values_list("pk", flat=True))
    index = order.index(statement.pk)
    target = index - 1 if direction == "up" else index + 1
    if direction not in ("up", "down") or not 0 <= target < len(order):
        return
    order[index], order[target] = order[target], order[index]
    block_reorder_statements(block=statement.block, order=order, user=user)
