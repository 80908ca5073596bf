"""Numbers as a reader of the chart expects them: "2,8" in Dutch, "2.8" in English.

Charts receive their labels already translated; numbers are the one thing they
format themselves, so that the SVG, the plotly hover text and the accessible
summary of one chart always show the same figure.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

LANGUAGES = ("nl", "en")
MINUS = "\u2212"  # a real minus sign: a hyphen reads as a dash in print


def normalise_language(language: str) -> str:
    """Reduce "nl-NL" or "en-gb" to "nl" or "en"; refuse anything else loudly."""
    code = (language or "").split("-")[0].split("_")[0].lower()
    if code not in LANGUAGES:
        raise ValueError(f"Unsupported chart language {language!r}: expected one of {', '.join(LANGUAGES)}.")
    return code


@dataclass(frozen=True, slots=True)
class NumberFormat:
    """Formats numbers for one language. Rounding is half-up, as people round by hand."""

    language: str = "nl"

    def __post_init__(self) -> None:
        object.__setattr__(self, "language", normalise_language(self.language))

    @property
    def decimal_mark(self) -> str:
        return "," if self.language == "nl" else "."

    @property
    def group_mark(self) -> str:
        return "." if self.language == "nl" else ","

    @property
    def plotly_separators(self) -> str:
        """plotly.js `layout.separators`: decimal mark first, then the thousands mark."""
        return self.decimal_mark + self.group_mark

    def decimal(self, value: float, decimals: int = 1) -> str:
        """2.75 -> "2,8" (nl) or "2.8" (en)."""
        rounded = _round(value, decimals)
        sign = MINUS if rounded < 0 else ""
        text = f"{abs(rounded):,.{decimals}f}"
        text = text.replace(",", "\x00").replace(".", self.decimal_mark).replace("\x00", self.group_mark)
        return sign + text

    def signed(self, value: float, decimals: int = 1) -> str:
        """A change: "+0,3", "−0,2" or "0,0" (no sign on a change that rounds to nothing)."""
        text = self.decimal(value, decimals)
        if _round(value, decimals) > 0:
            return "+" + text
        return text

    def percent(self, share: float, decimals: int = 0) -> str:
        """A share given as a fraction: 0.17 -> "17%" (the 2021 report writes no space)."""
        return self.decimal(share * 100, decimals) + "%"

    def integer(self, value: int) -> str:
        """1234 -> "1.234" (nl) or "1,234" (en)."""
        return self.decimal(value, 0)


def _round(value: float, decimals: int) -> Decimal:
    quantum = Decimal(1).scaleb(-decimals)
    rounded = Decimal(repr(float(value))).quantize(quantum, rounding=ROUND_HALF_UP)
    return rounded if rounded != 0 else Decimal(0).quantize(quantum)
