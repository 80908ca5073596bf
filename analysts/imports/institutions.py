"""Importing the institution list: creates new institutions and updates known ones, by code.

Columns as the institution export writes them: instelling, naam, type, regio, lid_sinds, lid.
Institutions missing from the file are left as they are (a member that left is marked
with lid = 0, never deleted: its earlier responses keep pointing at it).
"""

from django.core.exceptions import ValidationError
from django.core.validators import validate_slug
from django.utils.translation import gettext as _

from analysts.exports.institutions import HEADER
from analysts.imports import cells
from analysts.imports.files import Table, Value
from analysts.imports.report import Change, ImportReport, Problem
from surveys.models import Institution, InstitutionType, Region

KIND = "instellingen"
FIELDS = ["name", "type", "region", "member_since", "is_member"]


def looks_like_institutions(header: list[str]) -> bool:
    return bool({"lid", "lid_sinds"} & set(header))


def import_institutions(table: Table, *, dry_run: bool) -> ImportReport:
    """Validate every row, then (unless dry_run or a problem was found) write them. Call inside a transaction."""
    report = ImportReport(kind=KIND, rows=len(table.rows), problems=list(table.problems))
    report.problems += [Problem(1, name, _("deze kolom ontbreekt")) for name in HEADER if name not in table.header]
    report.problems += [
        Problem(1, name, _("onbekende kolom voor een instellingenlijst")) for name in table.header if name not in HEADER
    ]
    wanted: dict[str, dict] = {}
    first_row: dict[str, int] = {}
    for number, values in table.rows:
        code, fields = _read_row(number, values, report)
        if code is None:
            continue
        if code in first_row:
            report.problems.append(
                Problem(number, "instelling", _("deze code staat ook in rij %(row)d") % {"row": first_row[code]})
            )
        first_row.setdefault(code, number)
        wanted[code] = fields
    if not report.ok:
        return report
    existing = {institution.code: institution for institution in Institution.objects.filter(code__in=wanted)}
    creates = [Institution(code=code, **fields) for code, fields in wanted.items() if code not in existing]
    updates, changes = [], []
    for code, fields in wanted.items():
        institution = existing.get(code)
        if institution is None:
            continue
        changed = {name: (getattr(institution, name), value) for name, value in fields.items()}
        changed = {name: pair for name, pair in changed.items() if pair[0] != pair[1]}
        if changed:
            for name, (_old, value) in changed.items():
                setattr(institution, name, value)
            updates.append(institution)
            changes.append(
                Change(
                    "institution.import",
                    institution,
                    old={name: _plain(pair[0]) for name, pair in changed.items()},
                    new={name: _plain(pair[1]) for name, pair in changed.items()},
                )
            )
    report.created, report.updated = len(creates), len(updates)
    report.unchanged = len(wanted) - len(creates) - len(updates)
    if not dry_run:
        Institution.objects.bulk_create(creates)
        Institution.objects.bulk_update(updates, FIELDS)
        created = Institution.objects.filter(code__in=[institution.code for institution in creates])
        report.changes = [
            Change(
                "institution.import", institution, None, {name: _plain(getattr(institution, name)) for name in FIELDS}
            )
            for institution in created.order_by("code")
        ] + changes
        report.applied = True
    return report


def _plain(value):
    """A field value as the audit log keeps it (JSON): dates as ISO text."""
    return value.isoformat() if hasattr(value, "isoformat") else value


def _read_row(number: int, values: dict[str, Value], report: ImportReport) -> tuple[str | None, dict]:
    fields: dict = {}
    code: str | None = None
    readers = {
        "instelling": _code,
        "naam": _name,
        "type": lambda v: cells.choice(v, InstitutionType.choices, blank=False),
        "regio": lambda v: cells.choice(v, Region.choices, blank=False),
        "lid_sinds": cells.date,
        "lid": _is_member,
    }
    targets = {"naam": "name", "type": "type", "regio": "region", "lid_sinds": "member_since", "lid": "is_member"}
    ok = True
    for column, read in readers.items():
        if column not in values:
            ok = False
            continue
        try:
            value = read(values[column])
        except cells.CellError as error:
            report.problems.append(Problem(number, column, error.message))
            ok = False
            continue
        if column == "instelling":
            code = value
        else:
            fields[targets[column]] = value
    return (code if ok else None), fields


def _code(value: Value) -> str:
    code = cells.text(value).strip()
    if not code:
        raise cells.CellError(_("de code van de instelling ontbreekt"))
    try:
        validate_slug(code)
    except ValidationError:
        raise cells.CellError(
            _("'%(code)s' is geen geldige code (letters, cijfers, - en _)") % {"code": code}
        ) from None
    if len(code) > Institution._meta.get_field("code").max_length:
        raise cells.CellError(_("de code is te lang"))
    return code


def _name(value: Value) -> str:
    name = cells.text(value).strip()
    if not name:
        raise cells.CellError(_("de naam ontbreekt"))
    if len(name) > Institution._meta.get_field("name").max_length:
        raise cells.CellError(_("de naam is te lang"))
    return name


def _is_member(value: Value) -> bool:
    member = cells.flag(value)
    if member is None:
        raise cells.CellError(_("vul 1 (lid) of 0 (geen lid) in"))
    return member
