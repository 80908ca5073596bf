"""An institution's own answers as a PDF, following the output contract `render(...) -> (filename, mimetype, bytes)`.

The factsheet PDFs (factsheets/) honour the same contract; this one only lists
what the institution answered, page by page, as on the summary page. It is rendered
by the same renderer (factsheets/pdf.py): a tagged PDF that reads nothing but the app's
static files, whatever an answer says.
"""

from django.template.loader import render_to_string
from django.utils import timezone

from surveys.models import Response
from surveys.selectors import round_content
from surveys.services.sections import read_all, sections_for

MIMETYPE = "application/pdf"


def answers_context(response: Response) -> dict:
    sections = sections_for(round_content(response.round))
    values = read_all(response, sections)
    pages = [
        {
            "title": section.title,
            "items": [
                {"label": section.label(key), "value": section.display(key, values[key]), "answered": bool(values[key])}
                for key in section.shown_keys(values)
            ],
        }
        for section in sections
    ]
    return {"response": response, "pages": pages, "generated_at": timezone.localtime()}


def render(*, response: Response) -> tuple[str, str, bytes]:
    # Imported here: loading WeasyPrint costs time every page does not need.
    from factsheets.pdf import html_to_pdf

    html = render_to_string("surveys/pdf/answers.html", answers_context(response))
    # Its own styles and fonts (stylesheets=()); tagged, and reading nothing but our static files.
    content = html_to_pdf(html, stylesheets=())
    filename = f"jump-scan-{response.round.year}-{response.institution.code}.pdf"
    return filename, MIMETYPE, content
