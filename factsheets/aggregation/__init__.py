"""The national picture: every number the factsheets, report, dashboard and exports show.

Call `national_picture(round)` and `institution_picture(round, institution)`; both
return frozen dataclasses of plain values (see `pictures.py`). The method is written
down in docs/methodology.md.
"""

from factsheets.aggregation.compute import METHOD_VERSION
from factsheets.aggregation.national import (
    FiguresUnavailable,
    compute_figures,
    institution_picture,
    institution_pictures,
    national_picture,
    national_trends,
)
from factsheets.aggregation.pictures import InstitutionPicture, NationalPicture, Suppressed

__all__ = [
    "METHOD_VERSION",
    "FiguresUnavailable",
    "InstitutionPicture",
    "NationalPicture",
    "Suppressed",
    "compute_figures",
    "institution_picture",
    "institution_pictures",
    "national_picture",
    "national_trends",
]
