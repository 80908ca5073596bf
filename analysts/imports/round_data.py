"""Importing a round's results from a data file in the export's layout (`analysts.exports.layout`).

Upsert by institution code and round: a row replaces every answer of that institution's
response in the round; a response whose answers are already equal is not touched, so
the same file imported twice changes nothing. Institutions must exist already (import
the institution list first); the institution's name column is read but not used.
"""

import datetime
import re
from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from analysts.exports.layout import Column, Kind, Layout, layout_for
from analysts.imports import cells
from analysts.imports.files import Table
from analysts.imports.report import Change, ImportReport, Problem
from surveys.models import (
    BlockAnswer,
    CollaborationAnswer,
    FocusAreaChoice,
    Institution,
    InstitutionType,
    PriorityRank,
    Region,
    Response,
    Round,
    StatementAnswer,
)

STATEMENT_CODE = re.compile(r"^[A-Z]{2,5}-\d+$")
KIND = "uitslagen"


@dataclass
class ResponseState:
    """Everything the data file holds about one response, comparable with ==."""

    institution_type: str = ""
    region: str = ""
    status: str = Response.Status.DRAFT
    submitted_at: datetime.datetime | None = None
    pride_example: str = ""
    consent_to_quote: bool | None = None
    levels: dict[int, int] = field(default_factory=dict)
    blocks: dict[int, tuple[str, str]] = field(default_factory=dict)
    focus_areas: set[int] = field(default_factory=set)
    collaboration: dict[int, int] = field(default_factory=dict)
    priorities: dict[int, int] = field(default_factory=dict)

    def fields(self) -> dict:
        return {
            "institution_type": self.institution_type,
            "region": self.region,
            "status": self.status,
            "submitted_at": self.submitted_at,
            "pride_example": self.pride_example,
            "consent_to_quote": self.consent_to_quote,
        }


def looks_like_results(header: list[str]) -> bool:
    names = set(header)
    return bool({Kind.ROUND.value, Kind.STATUS.value, Kind.SUBMITTED_AT.value} & names) or any(
        STATEMENT_CODE.match(name) or ":" in name for name in names
    )


def import_results(table: Table, *, year: int | None, dry_run: bool) -> ImportReport:
    """Validate every row, then (unless dry_run or a problem was found) write them all. Call inside a transaction."""
    report = ImportReport(kind=KIND, rows=len(table.rows), problems=list(table.problems))
    round = _round(table, year=year, report=report)
    if round is None:
        return report
    report.round = round
    layout = layout_for(round.questionnaire)
    report.problems += _header_problems(table.header, layout, round=round)
    wanted = _read_rows(table, layout, round=round, report=report)
    if not report.ok:
        return report
    existing = _existing_states(round, list(wanted))
    creates = {iid: state for iid, state in wanted.items() if iid not in existing}
    updates = {iid: state for iid, state in wanted.items() if iid in existing and existing[iid][1] != state}
    report.created, report.updated = len(creates), len(updates)
    report.unchanged = len(wanted) - len(creates) - len(updates)
    if not dry_run:
        created = _write(
            round, creates=creates, updates={iid: (existing[iid][0], state) for iid, state in updates.items()}
        )
        codes = {statement.pk: statement.code for statement in layout.statements}
        # The audit log names each response ("institution — round"): one query for all the names.
        names = Institution.objects.in_bulk([*creates, *updates])
        for response in [*created, *(existing[iid][0] for iid in updates)]:
            response.institution, response.round = names[response.institution_id], round
        report.changes = [
            Change("response.import", response, None, _state_summary(creates[response.institution_id], codes))
            for response in created
        ] + [
            Change("response.import", existing[iid][0], *_state_difference(existing[iid][1], state, codes))
            for iid, state in updates.items()
        ]
        report.applied = True
    return report


def _plain(value):
    """A value as the audit log keeps it (JSON): moments and dates as ISO text."""
    return value.isoformat() if hasattr(value, "isoformat") else value


ANSWER_GROUPS = ("blocks", "focus_areas", "collaboration", "priorities")


def _state_summary(state: ResponseState, codes: dict[int, str]) -> dict:
    summary = {name: _plain(value) for name, value in state.fields().items()}
    summary["levels"] = {codes.get(sid, str(sid)): level for sid, level in sorted(state.levels.items())}
    summary.update({group: len(getattr(state, group)) for group in ANSWER_GROUPS})
    return summary


def _state_difference(old: ResponseState, new: ResponseState, codes: dict[int, str]) -> tuple[dict, dict]:
    """What an import changed in a response: its fields, the levels per statement code, and how many
    items each other group of answers held before and after (when that group changed)."""
    before, after = {}, {}
    for name, value in old.fields().items():
        if value != new.fields()[name]:
            before[name], after[name] = _plain(value), _plain(new.fields()[name])
    changed = sorted(sid for sid in old.levels.keys() | new.levels.keys() if old.levels.get(sid) != new.levels.get(sid))
    if changed:
        before["levels"] = {codes.get(sid, str(sid)): old.levels.get(sid) for sid in changed}
        after["levels"] = {codes.get(sid, str(sid)): new.levels.get(sid) for sid in changed}
    for group in ANSWER_GROUPS:
        if getattr(old, group) != getattr(new, group):
            before[group], after[group] = len(getattr(old, group)), len(getattr(new, group))
    return before, after


def _round(table: Table, *, year: int | None, report: ImportReport) -> Round | None:
    if year is None:
        for number, values in table.rows:
            try:
                year = cells.integer(values.get(Kind.ROUND.value))
            except cells.CellError as error:
                report.problems.append(Problem(number, Kind.ROUND.value, error.message))
                return None
            if year is not None:
                break
    if year is None:
        report.problems.append(Problem(None, Kind.ROUND.value, _("geef de ronde op of vul de kolom ronde")))
        return None
    round = Round.objects.select_related("questionnaire").filter(year=year).first()
    if round is None:
        report.problems.append(
            Problem(None, Kind.ROUND.value, _("ronde %(year)d bestaat niet; maak de ronde eerst aan") % {"year": year})
        )
    elif round.status == Round.Status.PUBLISHED:
        report.problems.append(
            Problem(None, None, _("Ronde %(year)d is gepubliceerd: de gegevens liggen vast.") % {"year": year})
        )
        return None
    return round


def _header_problems(header: list[str], layout: Layout, *, round: Round) -> list[Problem]:
    expected = layout.by_name
    problems = [Problem(1, name, _("deze kolom ontbreekt")) for name in expected if name not in header]
    for name in header:
        if name in expected:
            continue
        if STATEMENT_CODE.match(name):
            message = _("de vragenlijst van ronde %(year)d heeft geen stelling %(code)s")
        else:
            message = _("onbekende kolom voor de vragenlijst van ronde %(year)d")
        problems.append(Problem(1, name, message % {"year": round.year, "code": name}))
    return problems


def _read_rows(table: Table, layout: Layout, *, round: Round, report: ImportReport) -> dict[int, ResponseState]:
    present = [column for name, column in layout.by_name.items() if name in table.header]
    codes = {cells.text(values.get(Kind.INSTITUTION.value)).strip() for _number, values in table.rows}
    institutions = dict(Institution.objects.filter(code__in=codes).values_list("code", "pk"))
    max_length = settings.JUMP_MAX_OPEN_ANSWER_LENGTH
    wanted: dict[int, ResponseState] = {}
    first_row: dict[int, int] = {}
    for number, values in table.rows:
        state = ResponseState()
        institution_id = None
        ranks: dict[int, str] = {}
        for column in present:
            value = values.get(column.name)
            try:
                if column.kind == Kind.INSTITUTION:
                    institution_id = _institution(value, institutions)
                elif column.kind == Kind.PRIORITY:
                    rank = cells.level(value, highest=len(layout.blocks))
                    if rank is not None:
                        if rank in ranks:
                            raise cells.CellError(
                                _("plaats %(rank)d staat ook bij %(other)s") % {"rank": rank, "other": ranks[rank]}
                            )
                        ranks[rank] = column.name
                        state.priorities[column.item_id] = rank
                else:
                    _read_cell(state, column, value, round=round, max_length=max_length)
            except cells.CellError as error:
                report.problems.append(Problem(number, column.name, error.message))
        if state.status == Response.Status.SUBMITTED and cells.is_blank(values.get(Kind.SUBMITTED_AT.value)):
            report.problems.append(Problem(number, Kind.SUBMITTED_AT.value, _("verplicht bij de status 'submitted'")))
        if institution_id is not None:
            if institution_id in first_row:
                report.problems.append(
                    Problem(
                        number,
                        Kind.INSTITUTION.value,
                        _("deze instelling staat ook in rij %(row)d") % {"row": first_row[institution_id]},
                    )
                )
            first_row.setdefault(institution_id, number)
            wanted[institution_id] = state
    return wanted


def _institution(value: cells.Value, institutions: dict[str, int]) -> int:
    code = cells.text(value).strip()
    if not code:
        raise cells.CellError(_("de code van de instelling ontbreekt"))
    if code not in institutions:
        raise cells.CellError(
            _("onbekende instelling '%(code)s'; importeer eerst de instellingenlijst") % {"code": code}
        )
    return institutions[code]


def _read_cell(state: ResponseState, column: Column, value: cells.Value, *, round: Round, max_length: int) -> None:
    kind = column.kind
    if kind == Kind.ROUND:
        year = cells.integer(value)
        if year != round.year:
            raise cells.CellError(
                _("'%(found)s' is niet de ronde van deze import (%(year)d)")
                % {"found": value or "", "year": round.year}
            )
    elif kind == Kind.TYPE:
        state.institution_type = cells.choice(value, InstitutionType.choices, blank=True)
    elif kind == Kind.REGION:
        state.region = cells.choice(value, Region.choices, blank=True)
    elif kind == Kind.STATUS:
        state.status = cells.choice(value, Response.Status.choices, blank=False)
    elif kind == Kind.SUBMITTED_AT:
        state.submitted_at = cells.timestamp(value)
    elif kind == Kind.STATEMENT:
        level = cells.level(value)
        if level is not None:
            state.levels[column.item_id] = level
    elif kind in (Kind.GOOD_EXAMPLE, Kind.REMARKS, Kind.PRIDE_EXAMPLE):
        text = cells.text(value)
        if len(text) > max_length:
            raise cells.CellError(_("de tekst is langer dan %(max)d tekens") % {"max": max_length})
        if kind == Kind.PRIDE_EXAMPLE:
            state.pride_example = text
        elif text:
            good, remarks = state.blocks.get(column.item_id, ("", ""))
            state.blocks[column.item_id] = (text, remarks) if kind == Kind.GOOD_EXAMPLE else (good, text)
    elif kind == Kind.FOCUS_AREA:
        if cells.flag(value):
            state.focus_areas.add(column.item_id)
    elif kind == Kind.COLLABORATION:
        intensity = cells.level(value)
        if intensity is not None:
            state.collaboration[column.item_id] = intensity
    elif kind == Kind.CONSENT:
        state.consent_to_quote = cells.flag(value)
    # Kind.NAME is informative only: names are kept by the institution list.


def _existing_states(round: Round, institution_ids: list[int]) -> dict[int, tuple[Response, ResponseState]]:
    responses = {r.pk: r for r in Response.objects.filter(round=round, institution_id__in=institution_ids)}
    states = {
        pk: ResponseState(
            institution_type=r.institution_type,
            region=r.region,
            status=r.status,
            # The file holds whole seconds; a fraction of a second is no change.
            submitted_at=r.submitted_at.replace(microsecond=0) if r.submitted_at else None,
            pride_example=r.pride_example,
            consent_to_quote=r.consent_to_quote,
        )
        for pk, r in responses.items()
    }
    in_file: dict = {"response_id__in": list(responses)}
    for rid, sid, level in _values(StatementAnswer.objects.filter(**in_file), "statement_id", "level"):
        states[rid].levels[sid] = level
    for rid, bid, good, remarks in _values(
        BlockAnswer.objects.filter(**in_file), "block_id", "good_example", "remarks"
    ):
        if good or remarks:
            states[rid].blocks[bid] = (good, remarks)
    for rid, fid in _values(FocusAreaChoice.objects.filter(**in_file), "focus_area_id"):
        states[rid].focus_areas.add(fid)
    for rid, sid, intensity in _values(CollaborationAnswer.objects.filter(**in_file), "stakeholder_id", "intensity"):
        states[rid].collaboration[sid] = intensity
    for rid, bid, rank in _values(PriorityRank.objects.filter(**in_file), "block_id", "rank"):
        states[rid].priorities[bid] = rank
    return {r.institution_id: (r, states[pk]) for pk, r in responses.items()}


def _values(queryset: QuerySet, *names: str) -> list[tuple]:
    return list(queryset.values_list("response_id", *names))


def _write(
    round: Round, *, creates: dict[int, ResponseState], updates: dict[int, tuple[Response, ResponseState]]
) -> list[Response]:
    """Write the new responses and the changed ones with all their answers; returns the new responses."""
    now = timezone.now()
    created = Response.objects.bulk_create(
        Response(round=round, institution_id=iid, **state.fields()) for iid, state in creates.items()
    )
    changed: list[Response] = []
    for response, state in updates.values():
        for name, value in state.fields().items():
            setattr(response, name, value)
        # A respondent's open form names the old version: their next save is then a conflict, not an overwrite.
        response.version += 1
        response.updated_at = now
        changed.append(response)
    Response.objects.bulk_update(changed, [*ResponseState().fields(), "version", "updated_at"])
    changed_ids = [response.pk for response in changed]
    for model in (StatementAnswer, BlockAnswer, FocusAreaChoice, CollaborationAnswer, PriorityRank):
        model.objects.filter(response_id__in=changed_ids).delete()
    pairs = [(r, creates[r.institution_id]) for r in created] + [(r, s) for r, s in updates.values()]
    _create_answers(pairs)
    return created


def _create_answers(pairs: list[tuple[Response, ResponseState]]) -> None:
    rows: dict[type, list] = defaultdict(list)
    for response, state in pairs:
        rows[StatementAnswer] += [
            StatementAnswer(response=response, statement_id=sid, level=level) for sid, level in state.levels.items()
        ]
        rows[BlockAnswer] += [
            BlockAnswer(response=response, block_id=bid, good_example=good, remarks=remarks)
            for bid, (good, remarks) in state.blocks.items()
        ]
        rows[FocusAreaChoice] += [FocusAreaChoice(response=response, focus_area_id=fid) for fid in state.focus_areas]
        rows[CollaborationAnswer] += [
            CollaborationAnswer(response=response, stakeholder_id=sid, intensity=intensity)
            for sid, intensity in state.collaboration.items()
        ]
        rows[PriorityRank] += [
            PriorityRank(response=response, block_id=bid, rank=rank) for bid, rank in state.priorities.items()
        ]
    for model, objects in rows.items():
        model.objects.bulk_create(objects, batch_size=2000)
