"""WeasyPrint's user-agent stylesheet without its six pseudo-elements on every element (WeasyPrint 70).

The stylesheet WeasyPrint applies before ours gives every element a ``::marker``, a
``::footnote-call``, ``::footnote-marker``, ``::note-call``, ``::note-marker`` and
``::note-callback`` through universal rules, and the cascade computes a style for each
of them: some 5,600 styles for the 935 elements of a factsheet, about 7 % of its render
time. Our documents have markers only on ``li`` (no other element is a list item) and
use neither footnotes nor notes, so ``DocumentHTML`` renders them with the same
stylesheet in which the marker rule is scoped to ``li::marker, summary::marker`` and the
footnote and note rules are left out. The PDFs are byte for byte the same
(tests/factsheets/test_pdf_speedups.py). On another WeasyPrint version, or when the
rules are not found as written, the stylesheet is WeasyPrint's own.
"""

from __future__ import annotations

import functools

from weasyprint import CSS, HTML
from weasyprint.css.counters import CounterStyle

from .weasyprint_version import supported

SCOPED = {"::marker {": "li::marker, summary::marker {"}
LEFT_OUT = ("::footnote-call {", "::footnote-marker {", "::note-call {", "::note-marker {", "::note-callback {")


@functools.cache
def user_agent_stylesheet() -> CSS | None:
    """The trimmed stylesheet, or None when WeasyPrint's cannot be trimmed as written."""
    if not supported("trimmed user-agent stylesheet"):
        return None
    from weasyprint import html

    lines, found = [], set()
    for line in html.UA.splitlines():
        start = next((rule for rule in (*SCOPED, *LEFT_OUT) if line.startswith(rule)), None)
        if start is None:
            lines.append(line)
            continue
        found.add(start)
        if start in SCOPED:
            lines.append(SCOPED[start] + line[len(start) :])
    if found != {*SCOPED, *LEFT_OUT}:
        return None
    # Its @counter-style rules are WeasyPrint's, already in every document's counter styles
    # (``HTML._ua_counter_style``): they are read into a set of their own, which goes unused.
    return CSS(string="\n".join(lines), counter_style=CounterStyle())


class DocumentHTML(HTML):
    """An HTML document of ours, for WeasyPrint."""

    def _ua_stylesheets(self, forms=False):
        sheet = user_agent_stylesheet()
        if sheet is None:
            return super()._ua_stylesheets(forms)
        return [sheet, *super()._ua_stylesheets(forms)[1:]]
