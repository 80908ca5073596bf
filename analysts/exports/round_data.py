"""A round's answers as a data file: one row per institution, one column per item, plus a codebook.

`render(round=..., fmt="xlsx")` gives a workbook with the sheets "data" and "codeboek";
`fmt="csv"` gives a zip with data.csv and codeboek.csv. The pseudonymised variant
replaces the institution's code by a stable pseudonym and leaves out its name and every
open text; type and region stay, so the groups of the national picture can be rebuilt.
"""

import io
import zipfile
from collections import defaultdict
from typing import Literal

from django.utils import timezone
from django.utils.crypto import salted_hmac

from analysts.exports.codebook import codebook_table
from analysts.exports.layout import Column, Kind, Layout, layout_for
from analysts.exports.spreadsheet import XLSX_MIMETYPE, ZIP_MIMETYPE, Cell, csv_bytes, xlsx_bytes
from surveys.models import (
    BlockAnswer,
    CollaborationAnswer,
    FocusAreaChoice,
    PriorityRank,
    Response,
    Round,
    StatementAnswer,
)

Format = Literal["csv", "xlsx"]
FORMATS: tuple[Format, ...] = ("csv", "xlsx")
ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)


def pseudonym(code: str) -> str:
    """The same institution gets the same pseudonym in every round; without SECRET_KEY it cannot be traced back."""
    return "P-" + salted_hmac("analysts.pseudonym", code, algorithm="sha256").hexdigest()[:12]


def data_table(
    *, round: Round, include_drafts: bool = False, pseudonymised: bool = False, layout: Layout | None = None
) -> tuple[list[str], list[list[Cell]]]:
    """The header and the rows of the data file, ordered by institution code."""
    layout = layout or layout_for(round.questionnaire)
    columns = layout.export_columns(pseudonymised=pseudonymised)
    statuses = [Response.Status.SUBMITTED] + ([Response.Status.DRAFT] if include_drafts else [])
    responses = list(
        Response.objects.filter(round=round, status__in=statuses)
        .order_by("institution__code")
        .values(
            "id",
            "status",
            "submitted_at",
            "institution_type",
            "region",
            "pride_example",
            "consent_to_quote",
            "institution__code",
            "institution__name",
        )
    )
    answers = _answers(round=round, statuses=statuses)
    rows = _rows(responses, columns, answers, round=round, pseudonymised=pseudonymised)
    return [column.name for column in columns], rows


def _answers(*, round: Round, statuses: list[str]) -> dict[str, dict[int, dict]]:
    """Every answer of the round in five queries, keyed by kind, response id and item id."""
    in_round = {"response__round": round, "response__status__in": statuses}
    answers: dict[str, dict[int, dict]] = defaultdict(lambda: defaultdict(dict))
    for response_id, statement_id, level in StatementAnswer.objects.filter(**in_round).values_list(
        "response_id", "statement_id", "level"
    ):
        answers[Kind.STATEMENT][response_id][statement_id] = level
    for response_id, block_id, good_example, remarks in BlockAnswer.objects.filter(**in_round).values_list(
        "response_id", "block_id", "good_example", "remarks"
    ):
        answers[Kind.GOOD_EXAMPLE][response_id][block_id] = good_example
        answers[Kind.REMARKS][response_id][block_id] = remarks
    for response_id, focus_area_id in FocusAreaChoice.objects.filter(**in_round).values_list(
        "response_id", "focus_area_id"
    ):
        answers[Kind.FOCUS_AREA][response_id][focus_area_id] = 1
    for response_id, stakeholder_id, intensity in CollaborationAnswer.objects.filter(**in_round).values_list(
        "response_id", "stakeholder_id", "intensity"
    ):
        answers[Kind.COLLABORATION][response_id][stakeholder_id] = intensity
    for response_id, block_id, rank in PriorityRank.objects.filter(**in_round).values_list(
        "response_id", "block_id", "rank"
    ):
        answers[Kind.PRIORITY][response_id][block_id] = rank
    return answers


_FIXED = "fixed"
_EMPTY: dict = {}
_ANSWER_KINDS = (Kind.STATEMENT, Kind.GOOD_EXAMPLE, Kind.REMARKS, Kind.FOCUS_AREA, Kind.COLLABORATION, Kind.PRIORITY)


def _plan(columns: list[Column]) -> list[tuple[str, object, Cell]]:
    """Where each column's value comes from: (source, key, default), so a row is one list comprehension."""
    return [
        (_FIXED, column.kind, None)
        if column.item_id is None
        else (column.kind, column.item_id, 0 if column.kind == Kind.FOCUS_AREA else None)
        for column in columns
    ]


def _rows(responses: list[dict], columns: list[Column], answers: dict, *, round: Round, pseudonymised: bool):
    plan = _plan(columns)
    zone = timezone.get_current_timezone()
    rows: list[list[Cell]] = []
    for response in responses:
        code = response["institution__code"]
        submitted_at = response["submitted_at"]
        consent = response["consent_to_quote"]
        sources = {kind: answers[kind].get(response["id"], _EMPTY) for kind in _ANSWER_KINDS}
        sources[_FIXED] = {
            Kind.ROUND: round.year,
            Kind.INSTITUTION: pseudonym(code) if pseudonymised else code,
            Kind.NAME: response["institution__name"],
            Kind.TYPE: response["institution_type"],
            Kind.REGION: response["region"],
            Kind.STATUS: response["status"],
            Kind.SUBMITTED_AT: submitted_at.astimezone(zone).isoformat(timespec="seconds") if submitted_at else None,
            Kind.PRIDE_EXAMPLE: response["pride_example"],
            Kind.CONSENT: None if consent is None else int(consent),
        }
        rows.append([sources[source].get(key, default) for source, key, default in plan])
    return rows


def render(
    *, round: Round, fmt: Format, include_drafts: bool = False, pseudonymised: bool = False
) -> tuple[str, str, bytes]:
    """The data file and its codebook: an XLSX workbook, or a zip of two CSV files."""
    layout = layout_for(round.questionnaire)
    header, rows = data_table(round=round, include_drafts=include_drafts, pseudonymised=pseudonymised, layout=layout)
    codebook_header, codebook_rows = codebook_table(layout=layout, pseudonymised=pseudonymised)
    stem = f"jump-scan-{round.year}-data" + ("-gepseudonimiseerd" if pseudonymised else "")
    if fmt == "xlsx":
        content = xlsx_bytes([("data", header, rows), ("codeboek", codebook_header, codebook_rows)])
        return f"{stem}.xlsx", XLSX_MIMETYPE, content
    if fmt == "csv":
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            # A fixed timestamp inside the zip: the same data gives the same bytes.
            archive.writestr(zipfile.ZipInfo("data.csv", ZIP_EPOCH), csv_bytes(header, rows))
            archive.writestr(zipfile.ZipInfo("codeboek.csv", ZIP_EPOCH), csv_bytes(codebook_header, codebook_rows))
        return f"{stem}.zip", ZIP_MIMETYPE, buffer.getvalue()
    raise ValueError(f"Unknown format {fmt!r}; expected one of {FORMATS}.")


def render_csv_files(*, round: Round, include_drafts: bool = False, pseudonymised: bool = False) -> tuple[bytes, bytes]:
    """data.csv and codeboek.csv as two separate files, for the command line."""
    layout = layout_for(round.questionnaire)
    header, rows = data_table(round=round, include_drafts=include_drafts, pseudonymised=pseudonymised, layout=layout)
    return csv_bytes(header, rows), csv_bytes(*codebook_table(layout=layout, pseudonymised=pseudonymised))
