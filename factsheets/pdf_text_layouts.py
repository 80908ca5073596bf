"""Keep a line's Pango layout from layout to drawing instead of building it twice (WeasyPrint 70).

WeasyPrint shapes every line of text with Pango while laying out the page, then frees
the Pango objects (``Layout.deactivate``) and, when it draws the line, builds a new
Pango context and layout for the same text and shapes it again
(``Layout.reactivate``). For a factsheet that is some 1,400 text runs shaped twice:
about a twentieth of its render time.

``install()`` makes ``deactivate`` park the Pango objects of a layout that has not been
drawn yet, and ``reactivate`` use the parked ones when nothing that shapes the text has
changed in between: the same style object and no justification spacing (justified text
gets extra word spacing only when drawn, so it is shaped again as before). A layout that
has been drawn is freed as before. The parked layout holds the same text as the one
WeasyPrint would build (the line's own text, set by ``first_line_metrics``), so the PDF
is byte for byte the same (tests/factsheets/test_pdf_speedups.py); the memory of the
parked layouts goes with their boxes.

Installed only on the WeasyPrint version it was written against.
"""

from __future__ import annotations

from .weasyprint_version import SUPPORTED_VERSION, supported  # noqa: F401 (tests read it here)

_original_deactivate = None
_original_reactivate = None


def install() -> bool:
    """Patch ``Layout`` once; returns whether layouts are kept for drawing."""
    global _original_deactivate, _original_reactivate
    if _original_deactivate is not None:
        return True
    if not supported("kept Pango layouts"):
        return False
    from weasyprint.text.line_break import Layout

    _original_deactivate, _original_reactivate = Layout.deactivate, Layout.reactivate
    Layout.deactivate, Layout.reactivate = deactivate, reactivate
    return True


def deactivate(layout) -> None:
    if getattr(layout, "_drawn", False):
        layout._parked = False
        _original_deactivate(layout)
    else:
        layout._parked = True


def reactivate(layout, style) -> None:
    parked, layout._parked, layout._drawn = getattr(layout, "_parked", False), False, True
    if parked and style is layout.style and not layout.justification_spacing:
        return
    _original_reactivate(layout, style)
