"""What every page form of the scan shares: the version it started from, and tamper checks.

A page form maps its fields to answer items (see services/sections.py). It knows
the stored values, fills its initial values from them, and turns what was posted
into item values. A field that was not posted at all (an unchosen radio group, a
field hidden by the page) is left as it is: the save only touches what was sent.
"""

import json
from collections.abc import Mapping

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from surveys.models import Response
from surveys.services.sections import Section, digest
from surveys.validators import NoControlCharactersValidator

# Posted keys that are not form fields but are expected: the CSRF token and the submit buttons.
FRAMEWORK_KEYS = {"csrfmiddlewaretoken", "action"}


def open_answer_field(label: str, *, help_text: str = "") -> forms.CharField:
    return forms.CharField(
        label=label,
        help_text=help_text,
        required=False,
        max_length=settings.JUMP_MAX_OPEN_ANSWER_LENGTH,
        strip=True,
        # The answers end up in PDFs and spreadsheets, which cannot hold invisible control characters.
        validators=[NoControlCharactersValidator()],
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={
            "max_length": _("Houd het antwoord korter dan %(limit_value)d tekens (het zijn er nu %(show_value)d).")
        },
    )


class ScanForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    originals = forms.CharField(widget=forms.HiddenInput, required=False)
    response = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, section: Section, stored: Mapping[str, str], response: Response, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.section = section
        self.stored = dict(stored)
        self.response_obj = response
        self.add_item_fields()
        self.fields["version"].initial = response.version
        self.fields["originals"].initial = json.dumps({key: digest(value) for key, value in stored.items()})
        self.fields["response"].initial = response.pk
        for name, value in self.initial_from(self.stored).items():
            self.fields[name].initial = value

    # To be defined by each page form.
    def add_item_fields(self) -> None:
        raise NotImplementedError

    def initial_from(self, values: Mapping[str, str]) -> dict[str, object]:
        raise NotImplementedError

    def item_values(self) -> dict[str, str]:
        """The posted items as text, only for fields present in the request."""
        raise NotImplementedError

    def posted(self, name: str) -> bool:
        return self.add_prefix(name) in self.data

    def unexpected_keys(self) -> set[str]:
        """Posted keys that no field of this page explains: a tampered or foreign request."""
        expected = {self.add_prefix(name) for name in self.fields} | FRAMEWORK_KEYS
        return set(self.data) - expected

    def names_other_response(self) -> bool:
        return self.data.get(self.add_prefix("response")) != str(self.response_obj.pk)

    def clean_originals(self) -> dict[str, str]:
        raw = self.cleaned_data.get("originals") or "{}"
        try:
            originals = json.loads(raw)
        except ValueError:
            raise forms.ValidationError(
                _("De pagina stuurde onleesbare gegevens mee. Laad de pagina opnieuw.")
            ) from None
        if not isinstance(originals, dict) or not all(isinstance(v, str) for v in originals.values()):
            raise forms.ValidationError(_("De pagina stuurde onleesbare gegevens mee. Laad de pagina opnieuw."))
        return {key: value for key, value in originals.items() if key in self.section.item_keys()}

    def field_for_key(self) -> dict[str, str]:
        """Item key -> field name, for errors and conflicts."""
        return {}

    def error_summary(self) -> list[tuple[str, str, str]]:
        """(anchor id, field label, message) for the list of errors at the top of the page."""
        summary = []
        for name, errors in self.errors.items():
            anchor, label = "", ""
            if name in self.fields and not self[name].is_hidden:
                field = self[name]
                grouped = isinstance(field.field.widget, forms.RadioSelect | forms.CheckboxSelectMultiple)
                anchor, label = f"{field.auto_id}_0" if grouped else field.auto_id, str(field.label)
            summary.extend((anchor, label, str(error)) for error in errors)
        return summary
