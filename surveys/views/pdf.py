"""The institution's own answers as a PDF."""

from django.http import HttpRequest, HttpResponse

from surveys import answers_pdf
from surveys.access import ResponseAccess
from surveys.views.decorators import scan_view


@scan_view
def answers_pdf_view(request: HttpRequest, access: ResponseAccess) -> HttpResponse:
    filename, mimetype, content = answers_pdf.render(response=access.response)
    result = HttpResponse(content, content_type=mimetype)
    result["Content-Disposition"] = f'attachment; filename="{filename}"'
    return result
