"""The factsheet as a PDF, following the render contract of factsheets/render.py.

`render_factsheet_pdf(picture, language=...) -> (filename, mimetype, bytes)`.
"""

from django.template.loader import render_to_string
from django.utils import translation

from factsheets.aggregation.pictures import InstitutionPicture
from factsheets.factsheet.content import build_factsheet
from factsheets.factsheet.model import Factsheet
from factsheets.pdf import PRINT_CSS, html_to_pdf
from factsheets.render import PDF, Rendered

TEMPLATE = "factsheets/factsheet.html"
STYLESHEETS = (PRINT_CSS, "css/factsheet-print.css")


def factsheet_html(factsheet: Factsheet) -> str:
    with translation.override(factsheet.language):
        return render_to_string(
            TEMPLATE,
            {
                "factsheet": factsheet,
                "language": factsheet.language,
                "document_title": factsheet.title,
                "running_title": factsheet.running_title,
                "footer_note": factsheet.footer_note,
            },
        )


def factsheet_pdf(factsheet: Factsheet) -> bytes:
    return html_to_pdf(factsheet_html(factsheet), language=factsheet.language, stylesheets=STYLESHEETS)


def warm_up() -> None:
    """Parse the factsheet's stylesheets and load its fonts, as the first factsheet of a process would."""
    html_to_pdf('<html lang="nl"><body><p>JuMP-scan</p></body></html>', language="nl", stylesheets=STYLESHEETS)


def render_factsheet_pdf(picture: InstitutionPicture, *, language: str | None = None, charts: bool = True) -> Rendered:
    """The institution's factsheet as a tagged A4 PDF, in its own language unless `language` says otherwise."""
    factsheet = build_factsheet(picture, language=language, charts=charts)
    return factsheet.filename, PDF, factsheet_pdf(factsheet)
