"""Three-way merge of one person's answers into what is stored, so colleagues never overwrite each other.

A page remembers the response's `version` and a fingerprint of every value it
started from. When it saves and the stored version is still the one it started
from, nobody else saved in between: its values are taken as they are. When the
stored version moved on, each item is judged on its own:

- the stored value is still what the page started from: the person changed it, take it;
- the person's value is still what the page started from: only the colleague changed it, keep theirs;
- both changed it, to different values: a conflict the person resolves by choosing.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field

from surveys.services.sections import digest


@dataclass
class MergeResult:
    accepted: dict[str, str] = field(default_factory=dict)
    kept_theirs: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)


def merge_answers(
    *,
    stored: Mapping[str, str],
    posted: Mapping[str, str],
    originals: Mapping[str, str] | None,
    same_version: bool,
) -> MergeResult:
    """Split `posted` into what may be written, what stays as a colleague left it, and conflicts.

    `originals` maps item keys to `digest()` of the value the page started from; without
    it (an old page, a hand-made request) every item that differs from a newer stored
    version is a conflict.
    """
    result = MergeResult()
    originals = originals or {}
    for key, mine in posted.items():
        theirs = stored.get(key, "")
        if mine == theirs:
            continue
        base = originals.get(key)
        if same_version or base == digest(theirs):
            result.accepted[key] = mine
        elif base == digest(mine):
            result.kept_theirs.append(key)
        else:
            result.conflicts.append(key)
    return result
