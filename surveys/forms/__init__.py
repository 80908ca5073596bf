"""Forms of the fill-in screens, built from the questionnaire data: one per kind of page."""

from surveys.forms.base import ScanForm
from surveys.forms.blocks import BlockForm
from surveys.forms.pages import CollaborationForm, FocusForm, PrideForm, PriorityForm, ProfileForm

__all__ = ["BlockForm", "CollaborationForm", "FocusForm", "PriorityForm", "PrideForm", "ProfileForm", "ScanForm"]
