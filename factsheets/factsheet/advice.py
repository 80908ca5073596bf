"""The next-step guidance per building block, from fixtures/advice.yaml (the accelerator guides)."""

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml
from django.conf import settings

ADVICE_FILE = Path(settings.BASE_DIR) / "fixtures" / "advice.yaml"


@dataclass(frozen=True)
class Advice:
    block: str
    intro: str
    steps: tuple[str, ...]
    source_title: str
    source_publisher: str


@cache
def _load(path: Path) -> dict:
    with path.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def advice_for(block: str, *, language: str, path: Path = ADVICE_FILE) -> Advice | None:
    """The guidance for `block` in `language` ("nl" or "en"), or None when the file has none for it."""
    data = _load(path)
    entry = (data.get("blocks") or {}).get(block)
    if not entry:
        return None
    source = (data.get("sources") or {}).get(entry.get("source"), {})
    english = language == "en"
    return Advice(
        block=block,
        intro=(entry.get("intro_en") if english else None) or entry.get("intro", ""),
        steps=tuple((entry.get("steps_en") if english else None) or entry.get("steps") or ()),
        source_title=source.get("title", ""),
        source_publisher=source.get("publisher", ""),
    )
