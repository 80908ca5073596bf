"""Conflicts waiting for the person to choose, kept in their session until they do.

A save that meets a colleague's newer answer keeps the colleague's answer and
parks the person's own value here; the page then shows both and lets them choose.
"""

from django.http import HttpRequest

from surveys.models import Response
from surveys.services.responses import Conflict
from surveys.services.sections import Section


def _session_key(response: Response, section: Section) -> str:
    return f"scan-conflicts:{response.pk}:{section.key}"


def remember(request: HttpRequest, response: Response, section: Section, conflicts: list[Conflict]) -> None:
    if not conflicts:
        return
    waiting = request.session.get(_session_key(response, section), {})
    for conflict in conflicts:
        waiting[conflict.key] = {
            "mine": conflict.mine,
            "changed_by": conflict.changed_by,
            "changed_at": conflict.changed_at.isoformat() if conflict.changed_at else "",
        }
    request.session[_session_key(response, section)] = waiting


def pending(request: HttpRequest, response: Response, section: Section, stored: dict[str, str]) -> dict[str, dict]:
    """The conflicts still open: one whose stored value now equals the person's own is settled."""
    waiting = request.session.get(_session_key(response, section), {})
    still_open = {key: item for key, item in waiting.items() if key in stored and stored[key] != item["mine"]}
    if still_open != waiting:
        store(request, response, section, still_open)
    return still_open


def store(request: HttpRequest, response: Response, section: Section, waiting: dict[str, dict]) -> None:
    if waiting:
        request.session[_session_key(response, section)] = waiting
    else:
        request.session.pop(_session_key(response, section), None)
