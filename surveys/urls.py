"""URLs of the fill-in screens.

An institution's pages carry only the round's year: the response is always the
signed-in person's own institution's. Analysts look at an institution's response
through the read-only twin under /scan/<year>/instelling/<code>/.
"""

from django.urls import path

from surveys.views import autosave, conflicts, history, home, overview, pages, pdf, submission
from surveys.views.auth import InvitationAcceptView

OWN = "scan/<int:year>/"
ANALYST = "scan/<int:year>/instelling/<slug:institution_code>/"

# page name -> path within a response
PAGE_PATHS = {
    "profile": "profiel/",
    "block": "blok/<slug:block_code>/",
    "focus": "speerpunten/",
    "collaboration": "samenwerking/",
    "priorities": "prioriteiten/",
    "pride": "trots/",
}

# name -> (path within a response, view)
RESPONSE_PAGES = {
    "overview": ("", overview.overview_view),
    "summary": ("overzicht/", submission.summary_view),
    "history": ("geschiedenis/", history.history_view),
    "pdf": ("antwoorden.pdf", pdf.answers_pdf_view),
}

urlpatterns = [
    path("", home.home, name="home"),
    path("uitnodiging/<uidb64>/<token>/", InvitationAcceptView.as_view(), name="invitation_accept"),
    path(ANALYST + "heropenen/", submission.reopen_view, name="analyst_reopen"),
]
for name, (route, view) in RESPONSE_PAGES.items():
    urlpatterns += [
        path(OWN + route, view, name=f"scan_{name}"),
        path(ANALYST + route, view, name=f"analyst_{name}"),
    ]
for page, route in PAGE_PATHS.items():
    urlpatterns += [
        path(OWN + route, pages.page_view, {"page": page}, name=f"scan_{page}"),
        path(OWN + route + "autosave", autosave.autosave_view, {"page": page}, name=f"scan_{page}_autosave"),
        path(OWN + route + "conflict", conflicts.resolve_view, {"page": page}, name=f"scan_{page}_conflict"),
        path(ANALYST + route, pages.page_view, {"page": page}, name=f"analyst_{page}"),
    ]
