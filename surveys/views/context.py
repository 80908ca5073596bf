"""What every page of a response shows around its form: the round, the status, the pages with their progress."""

from dataclasses import dataclass

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _

from surveys.access import ResponseAccess
from surveys.services.sections import Section
from surveys.views.pages_registry import scan_url, section_url


@dataclass(frozen=True)
class NavEntry:
    section: Section
    title: str
    url: str
    answered: int
    total: int
    current: bool

    @property
    def optional(self) -> bool:
        return self.total == 0

    @property
    def complete(self) -> bool:
        return self.answered >= self.total

    @property
    def progress_html(self) -> str:
        if self.optional:
            return _("niet verplicht")
        if self.complete:
            return format_html(
                '<span aria-hidden="true">✓</span><span class="visually-hidden">{}</span>', _("compleet")
            )
        return format_html('{}/{}<span class="visually-hidden"> {}</span>', self.answered, self.total, _("beantwoord"))


def navigation(access: ResponseAccess, sections: list[Section], values: dict[str, str], current: Section | None):
    entries = []
    for section in sections:
        answered, total = section.progress(values)
        entries.append(
            NavEntry(section, section.title, section_url(access, section), answered, total, section is current)
        )
    return entries


def scan_context(
    request: HttpRequest,
    access: ResponseAccess,
    *,
    sections: list[Section],
    values: dict[str, str],
    current: Section | None = None,
) -> dict:
    today = timezone.localdate()
    nav = navigation(access, sections, values, current)
    done = sum(min(entry.answered, entry.total) for entry in nav)
    total = sum(entry.total for entry in nav)
    index = next((i for i, entry in enumerate(nav) if entry.current), None)
    urls = {
        "overview_url": scan_url(access, "overview"),
        "summary_url": scan_url(access, "summary"),
        "history_url": scan_url(access, "history"),
        "pdf_url": scan_url(access, "pdf"),
    }
    # Rendered once here: the page shows the list twice (folded away on a phone, beside the form on a wide screen).
    nav_html = render_to_string(
        "surveys/partials/nav_list.html", {"nav": nav, "path": request.path, "can_edit": access.can_edit, **urls}
    )
    return {
        "access": access,
        "nav_html": nav_html,
        "scan_round": access.round,
        "response": access.response,
        "institution": access.response.institution,
        "nav": nav,
        "previous_entry": nav[index - 1] if index else None,
        "next_entry": nav[index + 1] if index is not None and index + 1 < len(nav) else None,
        "days_left": access.round.days_left(today),
        "round_accepts_answers": access.round.accepts_answers(today),
        "progress_done": done,
        "progress_total": total,
        "progress_percent": round(100 * done / total) if total else 100,
        **urls,
    }
