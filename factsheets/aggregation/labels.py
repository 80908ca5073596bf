"""Display names for the keys a picture holds, so every output names a group the same way."""

from django.utils.translation import gettext as _

from factsheets.aggregation.groups import HOSPITALS, NATIONAL, OTHER
from factsheets.aggregation.pictures import BlockInfo, OptionInfo, StatementInfo
from surveys.models import InstitutionType, Region


def dimension_label(dimension: str) -> str:
    return {
        "national": _("Landelijk"),
        "sector": _("Ziekenhuizen en overige instellingen"),
        "type": _("Type instelling"),
        "region": _("Regio"),
    }.get(dimension, dimension)


def group_label(dimension: str, key: str) -> str:
    """ "Ziekenhuizen", "UMC", "Utrecht", … in the active language."""
    if key == NATIONAL:
        return _("Alle instellingen")
    if dimension == "sector":
        return {HOSPITALS: _("Ziekenhuizen"), OTHER: _("Overige zorginstellingen")}.get(key, key)
    if dimension == "type" and key in InstitutionType.values:
        return str(InstitutionType(key).label)
    if dimension == "region" and key in Region.values:
        return str(Region(key).label)
    return key


def name(item: BlockInfo | OptionInfo, language: str) -> str:
    """The name of a block, or the label of a focus area or stakeholder, in `language`."""
    if isinstance(item, BlockInfo):
        return item.name_en if language.startswith("en") and item.name_en else item.name
    return item.label_en if language.startswith("en") and item.label_en else item.label


def statement_text(info: StatementInfo, language: str) -> str:
    return info.text_en if language.startswith("en") and info.text_en else info.text


def level_texts(info: StatementInfo, language: str) -> list[str]:
    if language.startswith("en") and all(info.levels_en):
        return info.levels_en
    return info.levels
