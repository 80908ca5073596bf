"""Reading one cell of an import file; each reader raises CellError with a message for the user.

Cells come from CSV (always text) or from XLSX (text, numbers, dates), so every reader
accepts both: the level 3 may arrive as "3", 3 or 3.0.
"""

import datetime

from django.utils import timezone
from django.utils.translation import gettext as _

from analysts.exports.spreadsheet import restore
from analysts.imports.files import Value
from surveys.validators import control_character_problem


class CellError(ValueError):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def is_blank(value: Value) -> bool:
    return value is None or (isinstance(value, str) and value.strip() == "")


def text(value: Value) -> str:
    """Open text as it was before the export neutralised it for spreadsheets."""
    if value is None:
        return ""
    if isinstance(value, str):
        # PostgreSQL cannot store NUL, and other control characters only ever arrive by accident.
        if problem := control_character_problem(value):
            raise CellError(problem)
        return restore(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    return str(value)


def integer(value: Value) -> int | None:
    if is_blank(value):
        return None
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        return int(value.strip())
    raise CellError(_("'%(value)s' is geen geheel getal") % {"value": value})


def level(value: Value, *, highest: int = 4) -> int | None:
    try:
        number = integer(value)
    except CellError:
        raise CellError(
            _("'%(value)s' is geen niveau (1–%(highest)d)") % {"value": value, "highest": highest}
        ) from None
    if number is not None and not 1 <= number <= highest:
        raise CellError(_("niveau %(level)d bestaat niet (1–%(highest)d)") % {"level": number, "highest": highest})
    return number


def flag(value: Value) -> bool | None:
    """1 or 0 (an empty cell is None)."""
    try:
        number = integer(value)
    except CellError:
        number = -1
    if number not in (None, 0, 1):
        raise CellError(_("'%(value)s' is geen 1 of 0") % {"value": value})
    return None if number is None else bool(number)


def timestamp(value: Value) -> datetime.datetime | None:
    if is_blank(value):
        return None
    if isinstance(value, datetime.datetime):
        moment = value
    else:
        try:
            moment = datetime.datetime.fromisoformat(str(value).strip())
        except ValueError:
            raise CellError(
                _("'%(value)s' is geen datum en tijd (zoals 2021-05-01T14:30:00+02:00)") % {"value": value}
            ) from None
    return timezone.make_aware(moment) if timezone.is_naive(moment) else moment


def date(value: Value) -> datetime.date | None:
    if is_blank(value):
        return None
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    try:
        return datetime.date.fromisoformat(str(value).strip())
    except ValueError:
        raise CellError(_("'%(value)s' is geen datum (zoals 2015-01-31)") % {"value": value}) from None


def choice(value: Value, choices: list[tuple[str, str]], *, blank: bool) -> str:
    code = text(value).strip()
    if not code and blank:
        return ""
    allowed = [option for option, _label in choices]
    if code not in allowed:
        raise CellError(_("'%(value)s' is geen van: %(allowed)s") % {"value": code, "allowed": ", ".join(allowed)})
    return code
