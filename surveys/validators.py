"""Text that can be stored and shown everywhere: no NUL byte and no other invisible control character.

PostgreSQL refuses a NUL byte ("\\x00") in text (SQLite stores it), and XML outputs (XLSX, SVG,
the PDF's HTML) cannot hold the other C0 control characters. None of them means anything in a
name or an answer; they arrive by pasting from another program or by tampering. Tab, newline and
carriage return are ordinary text and stay allowed.

Django's form CharField already refuses NUL bytes; this validator is for every other way in
(imports, and form fields that want the wider rule).
"""

import re

from django.core.exceptions import ValidationError
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def control_character_problem(text: str) -> str | None:
    """A message for the user when `text` holds a control character, else None."""
    found = CONTROL_CHARACTERS.search(text)
    if found is None:
        return None
    return str(
        _(
            "Deze tekst bevat een onzichtbaar stuurteken (%(code)s), bijvoorbeeld uit een gekopieerd document. "
            "Haal het weg en probeer het opnieuw."
        )
        % {"code": f"U+{ord(found.group()):04X}"}
    )


@deconstructible
class NoControlCharactersValidator:
    """For form and model fields: refuses NUL and the other C0 control characters except tab and line breaks."""

    code = "control_character"

    def __call__(self, value: object) -> None:
        if isinstance(value, str) and (problem := control_character_problem(value)):
            raise ValidationError(problem, code=self.code)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, NoControlCharactersValidator)

    def __hash__(self) -> int:
        return hash(self.code)
