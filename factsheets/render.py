"""The one contract every output of the app follows (factsheet PDF, national report, exports).

Like pretix's exporters, each output is a function

    def render(*, <what it needs, keyword-only>) -> Rendered:
        ...
        return filename, mimetype, content

returning the file name a browser should save it under, its MIME type and its bytes.
A view wraps the result in a response (``as_attachment``), a management command writes
it to ``--out``, a background job stores it; none of them knows which output it holds.
Outputs are pure with respect to the request: they read the data they are given (or
query it themselves) and never look at ``request``, so web, batch and tests share them.

Example::

    def render_factsheet(*, response: Response, language: str = "nl") -> Rendered:
        html = render_to_string("factsheets/factsheet.html", factsheet_context(response, language))
        name = output_filename("factsheet", response.round.code, response.institution.code, ext="pdf")
        return name, PDF, html_to_pdf(html, language=language)
"""

from __future__ import annotations

from django.utils.text import slugify

Rendered = tuple[str, str, bytes]
"""(filename, mimetype, content): what every ``render(...)`` returns."""

PDF = "application/pdf"
CSV = "text/csv"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
ZIP = "application/zip"


def output_filename(*parts: str, ext: str) -> str:
    """A safe, readable file name: ``output_filename("factsheet", "2021", "Ziekenhuis Aalst", ext="pdf")``
    gives ``factsheet-2021-ziekenhuis-aalst.pdf``; no path separators, quotes or spaces survive."""
    stem = "-".join(filter(None, (slugify(str(part)) for part in parts))) or "output"
    return f"{stem}.{slugify(ext) or 'bin'}"
