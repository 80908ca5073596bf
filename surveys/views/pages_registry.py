"""Which section, form, template and URL belong to each page of the scan."""

import functools

from django.http import Http404
from django.urls import get_script_prefix, reverse

from surveys.access import ResponseAccess
from surveys.forms import BlockForm, CollaborationForm, FocusForm, PrideForm, PriorityForm, ProfileForm
from surveys.forms.base import ScanForm
from surveys.services.sections import (
    BlockSection,
    CollaborationSection,
    FocusSection,
    PrideSection,
    PrioritySection,
    ProfileSection,
    Section,
)

# page name (as in the URL names) -> (section class, form class, template)
PAGES: dict[str, tuple[type[Section], type[ScanForm], str]] = {
    "profile": (ProfileSection, ProfileForm, "surveys/pages/profile.html"),
    "block": (BlockSection, BlockForm, "surveys/pages/block.html"),
    "focus": (FocusSection, FocusForm, "surveys/pages/focus.html"),
    "collaboration": (CollaborationSection, CollaborationForm, "surveys/pages/collaboration.html"),
    "priorities": (PrioritySection, PriorityForm, "surveys/pages/priorities.html"),
    "pride": (PrideSection, PrideForm, "surveys/pages/pride.html"),
}


def page_name(section: Section) -> str:
    return next(name for name, (cls, _form, _template) in PAGES.items() if isinstance(section, cls))


def find_section(sections: list[Section], page: str, block_code: str | None) -> Section:
    section_class = PAGES[page][0]
    for section in sections:
        if isinstance(section, section_class) and (block_code is None or section.block.code == block_code):
            return section
    raise Http404


def form_class(section: Section) -> type[ScanForm]:
    return PAGES[page_name(section)][1]


def template_name(section: Section) -> str:
    return PAGES[page_name(section)][2]


def scan_url(access: ResponseAccess, name: str, **kwargs: str) -> str:
    """The URL of page `name` of this response: the institution's own, or the analyst's read-only twin."""
    code = access.response.institution.code if access.as_analyst else None
    return _reverse(get_script_prefix(), name, access.round.year, code, kwargs.get("block_code"))


@functools.lru_cache(maxsize=4096)
def _reverse(prefix: str, name: str, year: int, institution_code: str | None, block_code: str | None) -> str:
    # A page links to every other page of the scan; reversing them all on every request showed up in profiles.
    kwargs = {"year": year}
    if block_code is not None:
        kwargs["block_code"] = block_code
    if institution_code is not None:
        return reverse(f"analyst_{name}", kwargs={**kwargs, "institution_code": institution_code})
    return reverse(f"scan_{name}", kwargs=kwargs)


def section_url(access: ResponseAccess, section: Section, suffix: str = "") -> str:
    kwargs = {"block_code": section.block.code} if isinstance(section, BlockSection) else {}
    return scan_url(access, page_name(section) + suffix, **kwargs)
