"""Choosing, per answer, between one's own value and the one a colleague saved first."""

import datetime
import json
from collections.abc import Mapping

from django import forms
from django.utils.dateparse import parse_datetime
from django.utils.formats import time_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from surveys.models import Response
from surveys.services.sections import Section, digest

MINE, THEIRS = "mine", "theirs"


class ConflictForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    originals = forms.CharField(widget=forms.HiddenInput)

    def __init__(
        self,
        *args,
        section: Section,
        pending: Mapping[str, dict],
        stored: Mapping[str, str],
        response: Response,
        **kwargs,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.section = section
        self.pending = dict(pending)
        self.fields["version"].initial = response.version
        self.fields["originals"].initial = json.dumps({key: digest(stored[key]) for key in pending})
        for key, item in pending.items():
            self.fields[self.choice_field(key)] = forms.ChoiceField(
                label=section.label(key),
                choices=[
                    (MINE, _("Mijn antwoord: %(value)s") % {"value": section.display(key, item["mine"])}),
                    (THEIRS, self._theirs_label(item, section.display(key, stored[key]))),
                ],
                widget=forms.RadioSelect,
                error_messages={"required": gettext_lazy("Kies welk antwoord blijft.")},
            )

    @staticmethod
    def choice_field(key: str) -> str:
        return f"choice-{digest(key)}"

    @staticmethod
    def _theirs_label(item: Mapping[str, str], value: str) -> str:
        changed_at = parse_datetime(item["changed_at"]) if item.get("changed_at") else None
        if item.get("changed_by") and isinstance(changed_at, datetime.datetime):
            return _("Opgeslagen door %(person)s om %(time)s: %(value)s") % {
                "person": item["changed_by"],
                "time": time_format(localtime(changed_at), "H:i"),
                "value": value,
            }
        return _("Het opgeslagen antwoord: %(value)s") % {"value": value}

    def clean_originals(self) -> dict[str, str]:
        try:
            originals = json.loads(self.cleaned_data["originals"])
        except ValueError:
            raise forms.ValidationError(
                _("De pagina stuurde onleesbare gegevens mee. Laad de pagina opnieuw.")
            ) from None
        if not isinstance(originals, dict):
            raise forms.ValidationError(_("De pagina stuurde onleesbare gegevens mee. Laad de pagina opnieuw."))
        return {key: str(value) for key, value in originals.items() if key in self.pending}

    def decisions(self) -> dict[str, str]:
        return {key: self.cleaned_data[self.choice_field(key)] for key in self.pending}
