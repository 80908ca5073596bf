"""The national report as files, in the contract of every output: `(filename, mimetype, bytes)`.

    render_national_report_pdf(picture, language="nl")  -> ("jump-scan-2021-landelijke-rapportage.pdf", ...)
    render_national_report_xlsx(picture, language="nl") -> ("jump-scan-2021-landelijke-rapportage.xlsx", ...)

Both build the same view model (`content.build_report`) from the national picture, so
the PDF and the workbook hold the same tables and findings. `facts` (window,
participants, dropped statements) is read from the database when not given.
"""

import datetime

from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from factsheets.aggregation.pictures import NationalPicture
from factsheets.charts import NumberFormat
from factsheets.national_report.content import NationalReport, build_report
from factsheets.national_report.selectors import ReportFacts, report_facts
from factsheets.national_report.workbook import report_workbook
from factsheets.pdf import html_to_pdf
from factsheets.render import PDF, XLSX, Rendered, output_filename


def render_national_report_pdf(
    picture: NationalPicture, *, language: str = "nl", facts: ReportFacts | None = None
) -> Rendered:
    report = build_report(picture, facts or report_facts(picture), language=language)
    with translation.override(language):
        html = national_report_html(report)
        filename = _filename(report, "pdf")
    return filename, PDF, html_to_pdf(html, language=language)


def render_national_report_xlsx(
    picture: NationalPicture, *, language: str = "nl", facts: ReportFacts | None = None
) -> Rendered:
    report = build_report(picture, facts or report_facts(picture), language=language)
    with translation.override(language):
        return _filename(report, "xlsx"), XLSX, report_workbook(report)


def national_report_html(report: NationalReport) -> str:
    """The report's HTML (call inside `translation.override(report.language)`)."""
    fmt = NumberFormat(report.language)
    rate = report.picture.response.overall.rate
    return render_to_string(
        "factsheets/national_report.html",
        {
            "report": report,
            "language": report.language,
            "document_title": report.title,
            "document_description": _("Het landelijk beeld van de JuMP-scan: status, verdieping en kansen."),
            "running_title": report.title,
            "footer_note": _("NVZ · JuMP-scan"),
            "response_rate": "–" if rate is None else fmt.percent(rate),
            "source_note": source_note(report.picture),
        },
    )


def source_note(picture: NationalPicture) -> str:
    """Where the figures come from, dated as the rest of the report dates ("6 december 2026")."""
    if picture.snapshot is not None:
        published = timezone.localtime(datetime.datetime.fromisoformat(picture.snapshot.created_at))
        return _("momentopname van de publicatie op %(date)s") % {"date": date_format(published, "j F Y")}
    now = timezone.localtime()
    return _("berekend op %(date)s, nog niet gepubliceerd") % {"date": date_format(now, "j F Y H:i")}


def _filename(report: NationalReport, extension: str) -> str:
    return output_filename("jump-scan", str(report.year), _("landelijke-rapportage"), ext=extension)
