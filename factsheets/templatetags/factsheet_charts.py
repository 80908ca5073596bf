"""Place a chart of `factsheets.charts` in a template: `{% pdf_chart chart %}` or `{% web_chart chart "id" %}`.

`{% inline_chart chart "id" %}` puts the chart's SVG in the page as is (for the many small
charts of a page that need no interaction). All draw in the active language (templates are rendered inside
`translation.override`), and draw nothing when the chart is None (a document
rendered without charts, or a chart with nothing to show).
"""

from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from factsheets.charts import chart_img, chart_web

register = template.Library()


def _language() -> str:
    return "en" if (get_language() or "nl").startswith("en") else "nl"


@register.simple_tag
def pdf_chart(chart, css_class: str = "chart") -> str:
    if chart is None:
        return ""
    return chart_img(chart, language=_language(), css_class=css_class)


@register.simple_tag
def web_chart(chart, element_id: str, css_class: str = "chart") -> str:
    if chart is None:
        return ""
    return chart_web(chart, element_id=element_id, language=_language(), css_class=css_class)


@register.simple_tag
def inline_chart(chart, element_id: str) -> str:
    if chart is None:
        return ""
    # The chart escapes every label it writes into its SVG (factsheets/charts/svg.py).
    return mark_safe(chart.to_svg(language=_language(), id_prefix=f"{element_id}-"))
