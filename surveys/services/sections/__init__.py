"""The pages of the scan as sets of answer *items* whose values are plain text.

Every answer an institution gives is an item with a stable key
(`statement:LEI-01`, `block:ict:remarks`, `collaboration:ggz`, `priorities`, ...)
and a value as text, "" meaning "not answered". Saving, conflict detection and the
history all work on these items, so a page of the scan is defined once, here:
which items it holds, how they are read from the database, how changes are
written back, how a value is shown to a person and what counts as complete.
"""

from surveys.services.sections.base import NO, YES, Section, digest
from surveys.services.sections.blocks import GOOD_EXAMPLE_MIN_MEAN, BlockSection, statement_key
from surveys.services.sections.pages import (
    CollaborationSection,
    FocusSection,
    PrideSection,
    PrioritySection,
    ProfileSection,
)
from surveys.services.sections.reading import read_all, sections_for

__all__ = [
    "GOOD_EXAMPLE_MIN_MEAN",
    "NO",
    "YES",
    "BlockSection",
    "CollaborationSection",
    "FocusSection",
    "PrideSection",
    "PrioritySection",
    "ProfileSection",
    "Section",
    "digest",
    "read_all",
    "sections_for",
    "statement_key",
]
