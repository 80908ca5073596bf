"""surveys/validators.py: text without NUL bytes and other control characters."""

import pytest
from django.core.exceptions import ValidationError

from surveys.validators import NoControlCharactersValidator, control_character_problem


@pytest.mark.parametrize("text", ["voor\x00beeld", "\x00", "bel\x07", "form\x0cfeed", "esc\x1b[31m"])
def test_it_names_the_control_character_in_dutch(text):
    problem = control_character_problem(text)
    assert problem is not None
    assert "onzichtbaar stuurteken" in problem and "U+00" in problem


@pytest.mark.parametrize(
    "text", ["", "gewoon", "tab\tregel\r\nnieuwe regel", "\u202egnp.exe \u200b 🏥", '<script>alert("x")</script>']
)
def test_it_lets_ordinary_and_odd_but_printable_text_through(text):
    assert control_character_problem(text) is None
    NoControlCharactersValidator()(text)


def test_the_validator_raises_a_validation_error_with_a_code():
    with pytest.raises(ValidationError) as refused:
        NoControlCharactersValidator()("a\x00b")
    assert refused.value.code == "control_character"


def test_the_validator_ignores_what_is_not_text():
    NoControlCharactersValidator()(None)
    NoControlCharactersValidator()(42)
    assert NoControlCharactersValidator() == NoControlCharactersValidator()
