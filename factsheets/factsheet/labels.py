"""Comparison groups named as a sentence says them: "de STZ-ziekenhuizen", "instellingen in Gelderland".

Single names (a type, a region, a block) come from `factsheets.aggregation.labels`, shared
by every output; the plural wording here is the factsheet's own.
"""

from django.utils.translation import gettext as _

from factsheets.aggregation.labels import group_label
from surveys.models import InstitutionType


def group_name(dimension: str, key: str) -> str:
    """The institutions of a group, in the plural and in lower case where a sentence needs it."""
    if dimension == "sector":
        return _("ziekenhuizen") if key == "hospitals" else _("overige zorginstellingen")
    if dimension == "type":
        names = {
            InstitutionType.ALGEMEEN: _("algemene ziekenhuizen"),
            InstitutionType.STZ: _("STZ-ziekenhuizen"),
            InstitutionType.UMC: _("umc's"),
            InstitutionType.CATEGORAAL: _("categorale ziekenhuizen"),
            InstitutionType.OVERIG: _("overige zorginstellingen"),
        }
        return names.get(key, key)
    if dimension == "region":
        return _("instellingen in %(region)s") % {"region": group_label("region", key)}
    return _("alle instellingen")
