"""Saving an institution's answers, page by page, without ever overwriting a colleague's.

Each page of the scan is a `Section` (see sections.py). A save names the version
the page started from and fingerprints of its starting values; `merge_answers`
decides per item what is written, what stays as a colleague left it and what is
a conflict for the person to resolve. Every written change lands in the history.
"""

import datetime
from collections.abc import Mapping
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from surveys.access import edit_refusal
from surveys.models import BuildingBlock, Institution, Response, Round, User
from surveys.services.history import person_name, record_changes
from surveys.services.merge import merge_answers
from surveys.services.sections import BlockSection, Section, digest, statement_key


class ResponseLocked(Exception):
    """The user may not change this response (submitted, round closed, not theirs); `reason` says why."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Conflict:
    key: str
    label: str
    mine: str
    theirs: str
    mine_display: str
    theirs_display: str
    changed_by: str
    changed_at: datetime.datetime | None


@dataclass(frozen=True)
class SaveOutcome:
    version: int
    saved_at: datetime.datetime
    changed: list[str] = field(default_factory=list)
    kept_theirs: list[str] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    # Fingerprints of the stored values, for the page to send with its next save.
    originals: dict[str, str] = field(default_factory=dict)

    @property
    def stale(self) -> bool:
        """The page shows values a colleague has since replaced: it should be reloaded."""
        return bool(self.kept_theirs or self.conflicts)


def response_start(*, scan_round: Round, institution: Institution) -> Response:
    """The institution's response to the round, created on first use with the institution's own profile."""
    response, _created = Response.objects.get_or_create(
        round=scan_round,
        institution=institution,
        defaults={"institution_type": institution.type, "region": institution.region},
    )
    return response


def response_save_section(
    *,
    response: Response,
    section: Section,
    user: User,
    version: int,
    values: Mapping[str, str],
    originals: Mapping[str, str] | None = None,
    today: datetime.date | None = None,
) -> SaveOutcome:
    """Save the items of one page. Raises ResponseLocked when the user may not change the response."""
    today = today or timezone.localdate()
    unknown = set(values) - set(section.item_keys())
    if unknown:
        raise ValueError(f"items not on this page: {sorted(unknown)}")
    with transaction.atomic():
        locked = Response.objects.select_for_update(of=("self",)).select_related("round").get(pk=response.pk)
        refusal = edit_refusal(user, locked, today=today)
        if refusal:
            raise ResponseLocked(refusal)
        stored = section.read(locked)
        merged = merge_answers(
            stored=stored, posted=values, originals=originals, same_version=version == locked.version
        )
        final = {**stored, **merged.accepted}
        final.update(section.derived(final))
        changes = {key: (stored[key], value) for key, value in final.items() if value != stored[key]}
        now = timezone.now()
        if changes:
            section.write(locked, {key: new for key, (_old, new) in changes.items()})
            record_changes(response=locked, user=user, section=section, changes=changes)
            Response.objects.filter(pk=locked.pk).update(version=F("version") + 1, updated_at=now, updated_by=user)
            locked.version += 1
        conflicts = _describe_conflicts(locked, section, merged.conflicts, values, stored)
    response.version = locked.version
    return SaveOutcome(
        version=locked.version,
        saved_at=now,
        changed=list(changes),
        kept_theirs=merged.kept_theirs,
        conflicts=conflicts,
        originals={key: digest(value) for key, value in final.items()},
    )


def response_save_block(
    *,
    response: Response,
    block: BuildingBlock,
    user: User,
    version: int,
    levels: Mapping[str, int | None],
    good_example: str | None = None,
    remarks: str | None = None,
    originals: Mapping[str, str] | None = None,
    today: datetime.date | None = None,
) -> SaveOutcome:
    """Save the levels (by statement code) and open answers of one building block."""
    section = BlockSection(block, list(block.statements.order_by("position")))
    codes = {statement.code: statement for statement in section.statements}
    values = {statement_key(codes[code]): str(level or "") for code, level in levels.items()}
    if good_example is not None:
        values[section.good_example_key] = good_example
    if remarks is not None:
        values[section.remarks_key] = remarks
    return response_save_section(
        response=response, section=section, user=user, version=version, values=values, originals=originals, today=today
    )


def _describe_conflicts(
    response: Response, section: Section, keys: list[str], mine: Mapping[str, str], stored: Mapping[str, str]
) -> list[Conflict]:
    if not keys:
        return []
    last_change = {}
    for change in response.changes.filter(item__in=keys).select_related("changed_by").order_by("changed_at", "id"):
        last_change[change.item] = change
    conflicts = []
    for key in keys:
        change = last_change.get(key)
        conflicts.append(
            Conflict(
                key=key,
                label=section.label(key),
                mine=mine[key],
                theirs=stored[key],
                mine_display=section.display(key, mine[key]),
                theirs_display=section.display(key, stored[key]),
                changed_by=person_name(change.changed_by) if change else "",
                changed_at=change.changed_at if change else None,
            )
        )
    return conflicts
