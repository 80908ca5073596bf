from django import forms
from django.utils.translation import gettext_lazy as _

from surveys.models import Round

FORMAT_CHOICES = [("xlsx", _("Excel-werkmap (XLSX)")), ("csv", _("CSV in een zip, met codeboek"))]


class RoundExportForm(forms.Form):
    round = forms.ModelChoiceField(
        label=_("Ronde"), queryset=Round.objects.order_by("-year"), to_field_name="year", empty_label=None
    )
    format = forms.ChoiceField(label=_("Formaat"), choices=FORMAT_CHOICES, initial="xlsx")
    include_drafts = forms.BooleanField(label=_("Ook concepten (nog niet ingediend)"), required=False, initial=False)
    pseudonymised = forms.BooleanField(
        label=_("Gepseudonimiseerd"),
        required=False,
        help_text=_("Zonder naam en open antwoorden; de code van de instelling wordt een vast pseudoniem."),
    )
