"""What every page of a response shows around its form: the round, the status, the pages with their progress."""

from dataclasses import dataclass

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _

from surveys.access import ResponseAccess
from surveys.services.sections import Section, read_all
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


URL_PAGES = (("overview_url", "overview"), ("summary_url", "summary"), ("history_url", "history"), ("pdf_url", "pdf"))


def navigation(access: ResponseAccess, sections: list[Section], values: dict[str, str], current: Section | None):
    entries = []
    for section in sections:
        answered, total = section.progress(values)
        entries.append(
            NavEntry(section, section.title, section_url(access, section), answered, total, section is current)
        )
    return entries


def progress_totals(nav: list[NavEntry]) -> tuple[int, int]:
    """(answered, required) over all pages: a page's extra answers count for nothing."""
    return sum(min(entry.answered, entry.total) for entry in nav), sum(entry.total for entry in nav)


def progress_texts(done: int, total: int) -> dict[str, str]:
    """The progress lines above the list of pages: beside the form, and folded away on a phone."""
    return {
        "progress_text": _("%(done)s van %(total)s vragen beantwoord") % {"done": done, "total": total},
        "progress_summary": _("Onderdelen van de scan (%(done)s van %(total)s vragen beantwoord)")
        % {"done": done, "total": total},
    }


def navigation_html(access: ResponseAccess, nav: list[NavEntry], path: str) -> str:
    """The list of the scan's pages with their progress (the page shows it twice: folded on a phone)."""
    urls = {name: scan_url(access, page) for name, page in URL_PAGES}
    return render_to_string(
        "surveys/partials/nav_list.html", {"nav": nav, "path": path, "can_edit": access.can_edit, **urls}
    )


def navigation_update(access: ResponseAccess, sections: list[Section], current: Section) -> dict[str, str]:
    """What a page's script puts in place of its list of pages after a save in the background."""
    nav = navigation(access, sections, read_all(access.response, sections), current)
    done, total = progress_totals(nav)
    return {"nav_html": navigation_html(access, nav, section_url(access, current)), **progress_texts(done, total)}


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
    done, total = progress_totals(nav)
    index = next((i for i, entry in enumerate(nav) if entry.current), None)
    urls = {name: scan_url(access, page) for name, page in URL_PAGES}
    # Rendered once here: the page shows the list twice (folded away on a phone, beside the form on a wide screen).
    nav_html = navigation_html(access, nav, request.path)
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
        **progress_texts(done, total),
        "progress_percent": round(100 * done / total) if total else 100,
        **urls,
    }
