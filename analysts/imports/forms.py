from django import forms
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from surveys.models import Round

MAX_UPLOAD_BYTES = 10 * 1024 * 1024


class ImportUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Bestand"),
        help_text=_("CSV (UTF-8), XLSX of de zip van de CSV-export, in de indeling van de export."),
    )
    round = forms.ModelChoiceField(
        label=_("Ronde"),
        queryset=Round.objects.order_by("-year"),
        to_field_name="year",
        required=False,
        empty_label=_("Volgens de kolom 'ronde' in het bestand"),
        help_text=_("Alleen voor uitslagen; een instellingenlijst hoort bij geen ronde."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise ValidationError(_("Het bestand is groter dan %(max)s.") % {"max": filesizeformat(MAX_UPLOAD_BYTES)})
        return upload


class ImportConfirmForm(forms.Form):
    token = forms.CharField(widget=forms.HiddenInput)
